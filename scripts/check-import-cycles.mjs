#!/usr/bin/env node
// Fails when the top-level folders of server/ import each other in a loop (candidates →
// requisitions → candidates), or when server/ imports from app/ or workers/ (the layers above it). ESLint's import-x/no-cycle catches loops between files; this
// catches the coarser kind, which is how layering rots first: two folders that each need the
// other can no longer be read, tested or moved apart.
//
// The graph: one node per top-level folder of server/ (and one per file directly in server/,
// e.g. config.ts), one edge per relative import that leaves a folder — `import … from`,
// `export … from`, side-effect `import "…"` and dynamic `import("…")`. Type-only imports count:
// they couple the folders just the same; they are marked in the report because they are often
// the cheapest edge to cut (a type in the wrong folder). Tests (*.test.ts) are left out: a test
// may reach across folders to set up its data without coupling the code that ships.
//
// Plain Node on purpose (no dependency-cruiser): the rule is one graph and one search, and the
// imports in this tree are all static, relative and written with their .ts extension.
//
// Usage: node scripts/check-import-cycles.mjs [--graph]   (--graph also prints every edge)
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SERVER = path.join(ROOT, "server");
const SKIP_DIRS = new Set(["generated", "node_modules"]);
const SOURCE = /\.(ts|tsx|mts|js|mjs)$/;
const TEST = /\.test\.(ts|tsx|mts|js|mjs)$/;

/** Every import specifier in a module, with whether it is type-only. */
function importsOf(code) {
  // Comments could hold example imports; strip them first (strings are left alone: a `//` inside
  // one only ever loses the rest of that line, never an import statement).
  const text = code.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
  const found = [];
  const statement = /(?:^|[;\n}])\s*(import|export)\s+(type\s+)?([^;]*?)\s*from\s*["']([^"']+)["']/g;
  for (const match of text.matchAll(statement)) {
    const [, keyword, typeKeyword, clause, specifier] = match;
    // `import { type A, type B } from` is type-only too.
    const names = /^\{([\s\S]*)\}$/.exec(clause.trim());
    const allInlineTypes =
      names !== null &&
      names[1]
        .split(",")
        .map((name) => name.trim())
        .filter(Boolean)
        .every((name) => name.startsWith("type "));
    found.push({ specifier, typeOnly: Boolean(typeKeyword) || allInlineTypes, keyword });
  }
  for (const match of text.matchAll(/(?:^|[;\n])\s*import\s*["']([^"']+)["']/g)) {
    found.push({ specifier: match[1], typeOnly: false, keyword: "import" });
  }
  for (const match of text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) {
    found.push({ specifier: match[1], typeOnly: false, keyword: "import()" });
  }
  return found;
}

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) yield* sourceFiles(path.join(dir, entry.name));
    } else if (SOURCE.test(entry.name) && !TEST.test(entry.name) && !entry.name.endsWith(".d.ts")) {
      yield path.join(dir, entry.name);
    }
  }
}

/** The node a path inside server/ belongs to: its top-level folder, or the file itself. */
function nodeOf(file) {
  const [first, ...rest] = path.relative(SERVER, file).split(path.sep);
  return rest.length === 0 ? first : `${first}/`;
}

/** edges: from → to → [{ file, specifier, typeOnly }] */
const edges = new Map();
/** Imports from server/ up into app/ or workers/. */
const upward = [];
for (const file of sourceFiles(SERVER)) {
  const from = nodeOf(file);
  for (const { specifier, typeOnly } of importsOf(readFileSync(file, "utf8"))) {
    if (!specifier.startsWith(".")) continue;
    const target = path.resolve(path.dirname(file), specifier);
    if (["app", "workers"].some((layer) => target.startsWith(path.join(ROOT, layer) + path.sep))) {
      upward.push(`    ${path.relative(ROOT, file)} imports ${specifier}`);
    }
    if (!target.startsWith(SERVER + path.sep)) continue;
    const to = nodeOf(target);
    if (to === from) continue;
    if (!edges.has(from)) edges.set(from, new Map());
    const out = edges.get(from);
    if (!out.has(to)) out.set(to, []);
    out.get(to).push({ file: path.relative(ROOT, file), specifier, typeOnly });
  }
}

const nodes = [...new Set([...edges.keys(), ...[...edges.values()].flatMap((out) => [...out.keys()])])].sort();
const successors = (node) => [...(edges.get(node)?.keys() ?? [])].sort();

/** Elementary cycles, each reported once, starting from its smallest node (Johnson-style search). */
function elementaryCycles(limit = 500) {
  const cycles = [];
  for (const start of nodes) {
    const stack = [start];
    const onStack = new Set([start]);
    const walk = (node) => {
      for (const next of successors(node)) {
        if (cycles.length >= limit) return;
        if (next === start) cycles.push([...stack]);
        else if (next > start && !onStack.has(next)) {
          stack.push(next);
          onStack.add(next);
          walk(next);
          stack.pop();
          onStack.delete(next);
        }
      }
    };
    walk(start);
  }
  return cycles;
}

const describeEdge = (from, to) => {
  const imports = edges.get(from).get(to);
  const kind = imports.every((i) => i.typeOnly) ? " (type-only)" : "";
  const files = [...new Set(imports.map((i) => i.file))];
  const shown = files.slice(0, 3).join(", ") + (files.length > 3 ? `, +${files.length - 3} more` : "");
  return `    ${from} → ${to}${kind}: ${shown}`;
};

if (process.argv.includes("--graph")) {
  console.log("Imports between the folders of server/:");
  for (const from of nodes) for (const to of successors(from)) console.log(describeEdge(from, to));
}

if (upward.length > 0) {
  console.error("server/ must not import from app/ or workers/:");
  for (const line of upward) console.error(line);
}

const cycles = elementaryCycles();
if (cycles.length === 0) {
  console.log(`No import cycles between the folders of server/ (${nodes.length} folders and files checked).`);
  process.exit(upward.length > 0 ? 1 : 0);
}

console.error(`Import cycles between the folders of server/ (${cycles.length}):`);
for (const cycle of cycles) {
  console.error(`  ${[...cycle, cycle[0]].join(" → ")}`);
  cycle.forEach((from, i) => console.error(describeEdge(from, cycle[(i + 1) % cycle.length])));
}
console.error(
  "Cut one edge of each cycle: move the shared type or constant to the folder both depend on " +
    "(server/contract/ for the screening contract), or pass the dependency in.",
);
process.exit(1);
