// Text PostgreSQL cannot store is refused at the edge with a clear 400, before any route runs.
// A NUL character (U+0000) in a text value makes PostgreSQL fail the query ("invalid byte
// sequence for encoding UTF8: 0x00"), which surfaced as a 500 from a search, a filter, an id in
// the path, the sign-in e-mail, a note or a title; half of a surrogate pair (a lone \ud800 sent in
// JSON) is not text at all. Done once here, around every loader and action of the Remix build
// (like server/health/unavailable-page.ts), so no route has to remember it: the address (path
// parameters and query), and the body of a change (URL-encoded forms, JSON, and the text fields of
// multipart forms; file contents are bytes and are not looked at).
import { data, type ServerBuild } from "@remix-run/node";
import { MultipartFormatError, MultipartTruncatedError, multipartBoundary, readMultipart } from "./multipart.ts";

/** NUL, or a surrogate half without its partner. */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Multipart bodies up to this size are read whole; larger ones (uploads) up to their first file. */
const WHOLE_MULTIPART_BYTES = 2 * 1024 * 1024;
/** A URL-encoded or JSON body larger than this is left to the route (and its own limits). */
const MAX_INSPECTED_BYTES = 5 * 1024 * 1024;

export const UNSTORABLE_TITLE = "Invalid input";

export function hasUnstorableCharacter(value: string): boolean {
  return UNSTORABLE.test(value);
}

/** The sentence a person reads: which value, and what to do. */
export function unstorableInputMessage(where: string): string {
  return (
    `${where[0]!.toUpperCase()}${where.slice(1)} contains a character that cannot be stored ` +
    "(a NUL character, or half of a Unicode surrogate pair). Remove it and try again."
  );
}

/**
 * Where the request carries text that cannot be stored ("the search field “q”"), or null.
 * Reads a clone of the body, so the route still gets all of it.
 */
export async function findUnstorableInput(
  request: Request,
  params: Record<string, string | undefined> = {},
  options: { body?: boolean } = {},
): Promise<string | null> {
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && hasUnstorableCharacter(value)) {
      return name === "*" ? "the address" : `the address (its “${name}” part)`;
    }
  }
  const url = new URL(request.url);
  if (hasUnstorableCharacter(safeDecode(url.pathname))) return "the address";
  for (const [key, value] of url.searchParams) {
    if (hasUnstorableCharacter(key) || hasUnstorableCharacter(value)) return `the address's “${printable(key)}” value`;
  }
  const method = request.method.toUpperCase();
  if (options.body === false || method === "GET" || method === "HEAD" || !request.body || request.bodyUsed) return null;
  const contentType = (request.headers.get("content-type") ?? "").toLowerCase();
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (contentType.startsWith("multipart/form-data")) return findInMultipart(request, declared);
  if (Number.isFinite(declared) && declared > MAX_INSPECTED_BYTES) return null;
  if (contentType.startsWith("application/x-www-form-urlencoded")) {
    const form = new URLSearchParams(await request.clone().text());
    for (const [key, value] of form) {
      if (hasUnstorableCharacter(key) || hasUnstorableCharacter(value)) return `the form field “${printable(key)}”`;
    }
    return null;
  }
  if (contentType.includes("json") || contentType.startsWith("text/")) {
    const text = await request.clone().text();
    if (hasUnstorableCharacter(text)) return "the request body";
    if (contentType.includes("json")) {
      try {
        const found = findInJson(JSON.parse(text) as unknown);
        if (found !== null) return found === "" ? "the request body" : `the field “${printable(found)}”`;
      } catch {
        // Not JSON: the route answers that.
      }
    }
  }
  return null;
}

async function findInMultipart(request: Request, declared: number): Promise<string | null> {
  const boundary = multipartBoundary(request.headers.get("content-type"));
  const body = request.clone().body;
  if (!boundary || !body) return null;
  const whole = Number.isFinite(declared) && declared <= WHOLE_MULTIPART_BYTES;
  try {
    for await (const part of readMultipart(body, boundary)) {
      if (part.filename !== null || part.filenameUnreadable) {
        // A file: its bytes are not text. Past the first file of a large upload, stop reading the
        // copy, so the upload is not held in memory for it.
        if (!whole) return null;
        continue;
      }
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of part.data) {
        size += chunk.byteLength;
        if (size <= MAX_INSPECTED_BYTES) chunks.push(chunk);
      }
      const text = Buffer.concat(chunks).toString("utf8");
      if (hasUnstorableCharacter(text) || (part.field !== null && hasUnstorableCharacter(part.field))) {
        return `the form field “${printable(part.field ?? "")}”`;
      }
    }
  } catch (error) {
    // A malformed or cut-off body is the route's to answer (with its own clear message).
    if (error instanceof MultipartFormatError || error instanceof MultipartTruncatedError) return null;
    throw error;
  }
  return null;
}

/** The dotted path of the first string (or key) that cannot be stored; "" for the top level; null when none. */
function findInJson(value: unknown, path = ""): string | null {
  if (typeof value === "string") return hasUnstorableCharacter(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findInJson(item, path ? `${path}.${index}` : String(index));
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const here = path ? `${path}.${key}` : key;
      if (hasUnstorableCharacter(key)) return here;
      const found = findInJson(item, here);
      if (found !== null) return found;
    }
  }
  return null;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** A field name as shown in the message: without the characters being complained about, bounded. */
function printable(name: string): string {
  return (
    name
      .replace(/[\u0000-\u001f\u007f]|[\ud800-\udfff]/g, "")
      .slice(0, 60)
      .trim() || "(unnamed)"
  );
}

type RouteFunction = (args: never) => unknown;

/** Wraps every loader and action of the build: a request carrying unstorable text gets a 400. */
export function withUnstorableInputRefused(build: ServerBuild): ServerBuild {
  const wrap = <F extends RouteFunction | undefined>(fn: F, resourceRoute: boolean, body: boolean): F => {
    if (!fn) return fn;
    const wrapped = async (args: never) => {
      const { request, params } = args as { request: Request; params: Record<string, string | undefined> };
      const where = await findUnstorableInput(request, params, { body });
      if (where !== null) {
        const body = { title: UNSTORABLE_TITLE, message: unstorableInputMessage(where) };
        // Pages show it in their ErrorBoundary; resource routes (no UI) must throw a real Response.
        throw resourceRoute
          ? Response.json({ ...body, error: body.message }, { status: 400 })
          : data(body, { status: 400 });
      }
      return fn(args);
    };
    return wrapped as unknown as F;
  };
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => {
      if (!route) return [id, route];
      const { module } = route;
      if (!module.loader && !module.action) return [id, route];
      const resourceRoute = !module.default;
      return [
        id,
        {
          ...route,
          module: {
            ...module,
            loader: wrap(module.loader, resourceRoute, false),
            action: wrap(module.action, resourceRoute, true),
          },
        },
      ];
    }),
  );
  return { ...build, routes } as ServerBuild;
}
