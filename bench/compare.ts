/**
 * The core as it is against the core at a git revision, interleaved in one process: single runs vary a lot on a
 * shared machine, alternate runs of the two in the same process much less. Each run reads and grades the
 * 600-commune roll-up of `bench/core.ts` on fresh copies with every memo table emptied.
 * Run: `TS_NODE_TRANSPILE_ONLY=1 node --expose-gc -r ts-node/register bench/compare.ts [REV] [RUNS]`
 * (REV defaults to HEAD; the revision's `shared/` is unpacked under `bench/` for the time of the run).
 */
import { execSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { communeGrid } from "./core";
import { median } from "./stats";

interface Core {
  readonly findSet: (id: string) => unknown;
  readonly forgetRemembered: () => void;
  readonly readAnnex: (sheet: string, grid: unknown, options: { sets: unknown[] }) => object;
  readonly gradeAnnex: (sheet: string, annex: object, year: number) => unknown;
  readonly yearOf: (grid: unknown, options: { sets: unknown[] }) => number;
}

function load(root: string): Core {
  return {
    ...(require(join(root, "criteria")) as object),
    ...(require(join(root, "memo")) as object),
    ...(require(join(root, "table")) as object),
    ...(require(join(root, "workbook")) as object),
  } as Core;
}

/** one fresh run: wall ms of the whole and of the table reading */
function run(core: Core, json: string): { all: number; read: number } {
  const sets = [core.findSet("tt-xa-2023")];
  core.forgetRemembered();
  const input = JSON.parse(json) as { name: string; grid: unknown }[];
  (globalThis as { gc?: () => void }).gc?.();
  const start = performance.now();
  let read = 0;
  for (const s of input) {
    const t = performance.now();
    const annex = core.readAnnex(s.name, s.grid, { sets });
    read += performance.now() - t;
    if ("skipped" in annex) continue;
    core.gradeAnnex(s.name, annex, core.yearOf(s.grid, { sets }));
  }
  return { all: performance.now() - start, read };
}

function main(): void {
  const rev = process.argv[2] ?? "HEAD";
  const runs = Number(process.argv[3] ?? 50);
  const dir = mkdtempSync(join(__dirname, ".compare-"));
  try {
    execSync(`git archive ${rev} shared | tar -x -C "${dir}"`, { stdio: ["ignore", "ignore", "inherit"] });
    const before = load(join(dir, "shared"));
    const now = load(join(__dirname, "..", "shared"));
    const set = before.findSet("tt-xa-2023");
    if (!set) throw new Error(`${rev}: thiếu bộ tiêu chí tt-xa-2023`);
    const json = JSON.stringify(Array.from({ length: 600 }, (_, i) => communeGrid(set as never, i).sheet));
    const a: { all: number; read: number }[] = [];
    const b: { all: number; read: number }[] = [];
    for (let i = 0; i < runs + 4; i++) {
      const x = run(before, json);
      const y = run(now, json);
      // the first runs warm the JIT
      if (i >= 4) {
        a.push(x);
        b.push(y);
      }
    }
    const med = (list: { all: number; read: number }[], k: "all" | "read") => median(list.map((r) => r[k]));
    console.log(
      `${rev}: ${med(a, "all").toFixed(1)} ms (reading ${med(a, "read").toFixed(1)}); ` +
        `now: ${med(b, "all").toFixed(1)} ms (reading ${med(b, "read").toFixed(1)}); ` +
        `now/${rev} ${(med(b, "all") / med(a, "all")).toFixed(2)} (medians of ${runs} alternate runs)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
