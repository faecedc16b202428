// The worker's main thread never loads the parsers: pdf.js, mammoth, tesseract and the screening
// code run in the parse threads (server/screening/parse-pool.ts), each with its own heap. A value
// import of the screening code in the main thread (it happened once, through a type guard in
// screen-job.ts) loads them all a second time: the intake bench's worker peak went from ~360 MB to
// ~540 MB, past its 400 MB target. This walks the static imports from workers/index.ts (type-only
// imports and on-demand `import()` left out, as at run time) and fails on any parser module.
import { existsSync, readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const PARSER_PACKAGES = ["pdf-parse", "pdfjs-dist", "mammoth", "tesseract.js", "@napi-rs/canvas"];
const PARSER_MODULES = ["server/screening/screen-resume.ts", "server/extraction/extract-text.ts"];

/** The modules a file loads when it is imported: value imports and re-exports, not `import type`. */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const typeOnly =
        clause?.isTypeOnly ||
        (clause !== undefined &&
          !clause.name &&
          clause.namedBindings !== undefined &&
          ts.isNamedImports(clause.namedBindings) &&
          clause.namedBindings.elements.length > 0 &&
          clause.namedBindings.elements.every((element) => element.isTypeOnly));
      if (!typeOnly) specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return specifiers;
}

function loadedAtStart(entry: string): { modules: Map<string, string | null>; packages: Map<string, string> } {
  const modules = new Map<string, string | null>();
  const packages = new Map<string, string>();
  const visit = (file: string, parent: string | null) => {
    if (modules.has(file)) return;
    modules.set(file, parent);
    for (const specifier of valueImports(file)) {
      if (!specifier.startsWith(".")) {
        if (!packages.has(specifier)) packages.set(specifier, file);
        continue;
      }
      const target = resolve(dirname(file), specifier);
      const found = [target, `${target}.ts`, `${target}/index.ts`].find(
        (path) => path.endsWith(".ts") && existsSync(path),
      );
      if (found) visit(found, file);
    }
  };
  visit(resolve(ROOT, entry), null);
  return { modules, packages };
}

describe("the worker process at start", () => {
  const { modules, packages } = loadedAtStart("workers/index.ts");
  const chain = (file: string) => {
    const links: string[] = [];
    for (let at: string | null | undefined = file; at; at = modules.get(at)) links.unshift(relative(ROOT, at));
    return links.join(" → ");
  };

  it("walks the worker's own modules", () => {
    expect([...modules.keys()].map((file) => relative(ROOT, file))).toContain("workers/parse-worker.ts");
  });

  it("loads no parser module: the parse threads do", () => {
    const loaded = PARSER_MODULES.filter((module) => modules.has(resolve(ROOT, module)));
    expect(loaded.map((module) => chain(resolve(ROOT, module)))).toEqual([]);
  });

  it("loads no parser package", () => {
    const loaded = PARSER_PACKAGES.filter((name) =>
      [...packages.keys()].some((spec) => spec === name || spec.startsWith(`${name}/`)),
    );
    expect(loaded.map((name) => `${name} (from ${relative(ROOT, packages.get(name)!)})`)).toEqual([]);
  });
});
