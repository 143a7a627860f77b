/**
 * The core's layout as README.md describes it: folders by stage, each saying in a README what it holds, files
 * of a size one reads in one sitting, and no import circle (type-only imports count: a reader follows them too).
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

const SHARED = path.resolve(__dirname, "..", "..", "shared");
const MAX_LINES = 500;
/** the stages a value goes through, in order: a folder imports from earlier ones, never from later ones */
const STAGES = ["encoding", "values", "criteria", "table", "grade", "report", "dti"];

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : e.name.endsWith(".ts") ? [full] : [];
  });
}

/** the files of `shared/` a file imports or re-exports from, resolved as TypeScript does */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, false);
  return info.importedFiles
    .map((f) => f.fileName)
    .filter((name) => name.startsWith("."))
    .map((name) => {
      const target = path.resolve(path.dirname(file), name);
      const candidates = [`${target}.ts`, path.join(target, "index.ts")];
      const found = candidates.find((c) => fs.existsSync(c));
      if (!found) throw new Error(`${path.relative(SHARED, file)}: cannot resolve "${name}"`);
      return found;
    });
}

/** every circle of the import graph, each as the list of files around it */
function importCircles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const circles: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, "open");
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === "open") circles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return circles;
}

const files = filesUnder(SHARED);
const graph = new Map(files.map((f) => [f, importsOf(f)]));
const name = (f: string) => path.relative(SHARED, f);

describe("the core's layout", () => {
  it("has no import circle in shared/", () => {
    const circles = importCircles(graph).map((c) => c.map(name).join(" → "));
    expect(circles).toEqual([]);
  });

  it("finds a circle when there is one (the check itself)", () => {
    const a = ["a.ts", ["b.ts"]] as const;
    const b = ["b.ts", ["c.ts"]] as const;
    const c = ["c.ts", ["a.ts", "d.ts"]] as const;
    expect(importCircles(new Map<string, readonly string[]>([a, b, c]))).toEqual([
      ["a.ts", "b.ts", "c.ts", "a.ts"],
    ]);
    expect(importCircles(new Map<string, readonly string[]>([a, ["b.ts", []]]))).toEqual([]);
  });

  it(`imports stage by stage: ${STAGES.join(" → ")}, each from the shared files at the root and earlier stages`, () => {
    const stageOf = (f: string): number => {
      const folder = name(f).split(path.sep)[0]!;
      if (folder.endsWith(".ts")) return -1;
      if (!STAGES.includes(folder))
        throw new Error(`shared/${folder}/ is not among the stages: add it to STAGES`);
      return STAGES.indexOf(folder);
    };
    const upward: string[] = [];
    for (const [file, imports] of graph) {
      if (name(file) === "index.ts") continue;
      for (const target of imports)
        if (stageOf(target) > stageOf(file) || name(target) === "index.ts")
          upward.push(`${name(file)} → ${name(target)}`);
    }
    expect(upward).toEqual([]);
  });

  it(`keeps every file under ${MAX_LINES} lines`, () => {
    const long = files
      .map((f) => [name(f), fs.readFileSync(f, "utf8").split("\n").length] as const)
      .filter(([, lines]) => lines > MAX_LINES);
    expect(long).toEqual([]);
  });

  it("says in each folder's README what the folder holds", () => {
    const folders = fs
      .readdirSync(SHARED, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(folders.length).toBeGreaterThan(3);
    for (const folder of folders) {
      const readme = path.join(SHARED, folder, "README.md");
      expect([folder, fs.existsSync(readme)]).toEqual([folder, true]);
      expect(fs.readFileSync(readme, "utf8").trim().length).toBeGreaterThan(20);
    }
  });
});
