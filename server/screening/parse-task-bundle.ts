// Turns a parse-task module (TypeScript) into one plain-JS file that worker threads load without
// tsx. Loading TypeScript through tsx in every thread costs about 400 MB and seconds per thread
// (it transforms pdf.js and keeps source maps); the bundle costs ~60 MB and loads in well under a
// second. Packages stay external, so they resolve from node_modules as usual.
//
// The file is named by the hash of its content and written once (write to a temporary name, then
// rename), so several processes starting at the same time share it safely and a code change
// always yields a new file.
import { createHash } from "node:crypto";
import { mkdir, readdir, rename, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Inside the project so bare imports (pdf-parse, mammoth, zod) resolve from its node_modules. */
const CACHE_DIRS = [path.join(ROOT, "node_modules/.cache/mle-screening"), path.join(ROOT, ".cache/mle-screening")];
/** Bundles of older sources are removed once they are this old (a running process may still use a recent one). */
const PRUNE_AFTER_MS = 24 * 60 * 60 * 1000;

export const DEFAULT_PARSE_TASK = fileURLToPath(new URL("./parse-task.ts", import.meta.url));

/** Bundles `entry` (a .ts path) and returns the path of the .mjs file to load in threads. */
export async function bundleParseTask(entry: string = DEFAULT_PARSE_TASK): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    write: false,
    logLevel: "silent",
    legalComments: "none",
  });
  const code = result.outputFiles[0]?.text;
  if (!code) throw new Error(`Bundling the parse task ${entry} produced no output`);
  const hash = createHash("sha256").update(code).digest("hex").slice(0, 16);
  const name = `${path.basename(entry).replace(/\.[cm]?tsx?$/, "")}-${hash}.mjs`;

  let lastError: unknown;
  for (const dir of CACHE_DIRS) {
    try {
      const file = path.join(dir, name);
      if (await exists(file)) return file;
      await mkdir(dir, { recursive: true });
      const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(temporary, code);
      await rename(temporary, file);
      void pruneOldBundles(dir, name);
      return file;
    } catch (error) {
      lastError = error;
    }
  }
  throw new Error(`Cannot write the parse-task bundle in ${CACHE_DIRS.join(" or ")}: ${(lastError as Error)?.message}`);
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function pruneOldBundles(dir: string, keep: string): Promise<void> {
  try {
    const now = Date.now();
    for (const entry of await readdir(dir)) {
      if (entry === keep) continue;
      const file = path.join(dir, entry);
      const info = await stat(file);
      if (now - info.mtimeMs > PRUNE_AFTER_MS) await unlink(file);
    }
  } catch {
    // Pruning is housekeeping only.
  }
}
