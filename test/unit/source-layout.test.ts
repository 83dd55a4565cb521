import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../../src/", import.meta.url));
const GENERATED = path.join(SRC, "generated");
const MAX_LINES = 300;
/** What only the server loads: the CLI tools must run without them. */
const SERVER_PACKAGES = ["express", "@apollo/server", "@as-integrations/express5", "ws", "graphql-ws"];

interface ImportEdge {
  specifier: string;
  /** false for `import type` and type positions: erased when compiled, so nothing is loaded. */
  runtime: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return full === GENERATED ? [] : sourceFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

function isTypeOnly(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(node)) {
    return node.isTypeOnly || (!!node.exportClause && ts.isNamedExports(node.exportClause) && node.exportClause.elements.every((e) => e.isTypeOnly));
  }
  const clause = node.importClause;
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  const named = clause.namedBindings;
  return !clause.name && !!named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
}

function importsOf(file: string): ImportEdge[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
  const edges: ImportEdge[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      edges.push({ specifier: node.moduleSpecifier.text, runtime: !isTypeOnly(node) });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      edges.push({ specifier: node.arguments[0].text, runtime: true });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      edges.push({ specifier: node.argument.literal.text, runtime: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

/** The source file a relative specifier names (`./x.js` is `./x.ts`), or undefined for a package. */
function resolve(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  const target = path.resolve(path.dirname(from), specifier.replace(/\.js$/, ".ts"));
  return existsSync(target) ? target : undefined;
}

const packageOf = (specifier: string) => specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");
const relative = (file: string) => path.relative(SRC, file);

const files = sourceFiles(SRC);
const importsByFile = new Map(files.map((file) => [file, importsOf(file)]));

/** Every cycle of imports between src files, each as the path that closes it. */
function importCycles(): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, "visiting");
    stack.push(file);
    for (const edge of importsByFile.get(file) ?? []) {
      const target = resolve(file, edge.specifier);
      if (!target || target.startsWith(GENERATED)) continue;
      if (state.get(target) === "visiting") cycles.push([...stack.slice(stack.indexOf(target)), target].map(relative));
      else if (!state.has(target)) visit(target);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return cycles;
}

/** The packages a file loads when it runs, through the src files it loads, with the chain that loads each. */
function runtimePackagesOf(entry: string): Map<string, string> {
  const packages = new Map<string, string>();
  const seen = new Set<string>();
  const visit = (file: string, chain: string[]) => {
    if (seen.has(file) || file.startsWith(GENERATED)) return;
    seen.add(file);
    for (const edge of importsByFile.get(file) ?? []) {
      if (!edge.runtime) continue;
      const target = resolve(file, edge.specifier);
      if (target) visit(target, [...chain, relative(target)]);
      else if (!edge.specifier.startsWith(".") && !packages.has(packageOf(edge.specifier))) packages.set(packageOf(edge.specifier), chain.join(" -> "));
    }
  };
  visit(entry, [relative(entry)]);
  return packages;
}

describe("the source layout", () => {
  it("has no import cycles in src, type-only imports included", () => {
    expect(importCycles().map((cycle) => cycle.join(" -> "))).toEqual([]);
  });

  it(`keeps every file in src within ${MAX_LINES} lines (generated code aside)`, () => {
    const long = files.map((file) => ({ file: relative(file), lines: readFileSync(file, "utf8").trimEnd().split("\n").length })).filter((f) => f.lines > MAX_LINES);
    expect(long).toEqual([]);
  });

  it("keeps the HTTP and WebSocket servers out of the composition root and the CLI tools", () => {
    const entries = [...sourceFiles(path.join(SRC, "composition")), ...sourceFiles(path.join(SRC, "cli"))];
    const loaded = entries.flatMap((entry) =>
      [...runtimePackagesOf(entry)].filter(([name]) => SERVER_PACKAGES.includes(name)).map(([name, chain]) => `${name} via ${chain}`),
    );
    expect(loaded).toEqual([]);
  });

  it("sees imports of every kind, so that the checks above can fail", () => {
    const serverEntry = path.join(SRC, "server", "start-server.ts");
    expect([...runtimePackagesOf(serverEntry).keys()]).toEqual(expect.arrayContaining(["express", "@apollo/server", "ws", "graphql-ws"]));
    expect(importsOf(path.join(SRC, "graphql", "operation-gate.ts"))).toContainEqual({ specifier: "@apollo/server", runtime: false });
  });
});
