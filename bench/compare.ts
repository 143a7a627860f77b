/**
 * Two versions of the project, interleaved, judged by what users feel (README, "Performance"). Single runs vary a
 * lot on a shared machine; alternate runs of the two much less. Every run is a fresh node process (two versions
 * loaded side by side in one process disturb each other: an A/A comparison in one process was off by up to 15%):
 * - `cli`: the built `cds-grade` on the 166-sheet workbook of bench/cli.ts: wall and CPU time of the process and
 *   the grading step it prints with CDS_DEBUG=1;
 * - `step`: the CLI's grading step alone (grids from the ExcelJS workbook, own columns found, gradeWorkbook), cold
 *   in a fresh process as in `cds-grade`, wall and CPU: the part of the CLI's time the core decides;
 * - `grids`: the same step on the same grids, read once by this process's CLI reader and handed to each child as
 *   JSON (own columns found, gradeWorkbook; the child does not load ExcelJS): far less machine time;
 * - `excel`: the Excel adapter grading 166 annex sheets in the fake Excel, once cold (a task pane's first
 *   grading) and once more (the next);
 * - `sheets`: the built Code.js in the Apps Script fake: its top level (compile + run, paid by every execution),
 *   grading 166 sheets, `=CDS_DAT` on a 1,000-cell column;
 * - `core`: bench/core.ts of each version (600 communes × 37 criteria, median of its own runs).
 * Each line gives the median of each side and the median of the pair ratios now/REV with their quartiles (how
 * noisy the comparison was). The two sides alternate ABBA.
 * Run: `TS_NODE_TRANSPILE_ONLY=1 node -r ts-node/register bench/compare.ts REV [NOW] [--only=cli,excel]
 * [--runs=N]` (REV defaults to HEAD, NOW to the working tree with its uncommitted changes; each version is
 * unpacked under `bench/`, transpiled and built there for the time of the run, so the checkout may change
 * meanwhile).
 */
import { execFileSync, spawnSync } from "node:child_process";
import {
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as ts from "typescript";
import { loadWorkbook, sheetGrids } from "../src/cli/read";
import { makeDistrictWorkbook, COMMUNES } from "./cli";
import { median } from "./stats";

const ROOT = join(__dirname, "..");
const MODES = ["cli", "step", "grids", "excel", "sheets", "core"] as const;
type Mode = (typeof MODES)[number];
const DEFAULT_RUNS: Readonly<Record<Mode, number>> = {
  cli: 12,
  step: 16,
  grids: 10,
  excel: 12,
  sheets: 12,
  core: 6,
};

/** per-run figures of both sides, in pairs */
interface Pairs {
  readonly rev: number[];
  readonly now: number[];
}

function quartiles(xs: readonly number[]): [number, number] {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))]!;
  return [at(0.25), at(0.75)];
}

function line(label: string, p: Pairs): string {
  const ratios = p.now.map((x, i) => x / p.rev[i]!);
  const [lo, hi] = quartiles(ratios);
  const a = median(p.rev);
  const b = median(p.now);
  const digits = a >= 100 ? 0 : 1;
  return (
    `  ${label}: REV ${a.toFixed(digits)} ms, now ${b.toFixed(digits)} ms; ` +
    `now/REV ${median(ratios).toFixed(3)} (pairs' quartiles ${lo.toFixed(3)}–${hi.toFixed(3)}; ` +
    `medians' ratio ${(b / a).toFixed(3)})`
  );
}

/**
 * Runs `measure` for each side `runs` times, ABBA, and gathers the named figures it returns.
 */
function alternate<K extends string>(
  runs: number,
  dirs: { rev: string; now: string },
  measure: (dir: string) => Record<K, number>,
): Record<K, Pairs> {
  const out = {} as Record<K, Pairs>;
  const record = (side: "rev" | "now", figures: Record<K, number>) => {
    for (const k of Object.keys(figures) as K[]) (out[k] ??= { rev: [], now: [] })[side].push(figures[k]);
  };
  for (let i = 0; i < runs; i++) {
    const order: ("rev" | "now")[] = i % 2 === 0 ? ["rev", "now"] : ["now", "rev"];
    for (const side of order) record(side, measure(dirs[side]));
  }
  return out;
}

/** runs node on `script` (JavaScript) with `args`; returns its stdout parsed as JSON */
function child(
  script: string,
  args: readonly string[],
  flags: readonly string[] = [],
): Record<string, number> {
  const r = spawnSync(process.execPath, [...flags, "-e", script, ...args], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`child failed (${r.status}): ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as Record<string, number>;
}

// ---------------------------------------------------------------------------------------------
// preparing a version

/** a commit holding the working tree's tracked files as they are now (HEAD when nothing changed) */
function workingTreeCommit(): string {
  const stash = execFileSync("git", ["stash", "create"], { cwd: ROOT, encoding: "utf8" }).trim();
  return stash || "HEAD";
}

function unpack(rev: string): { dir: string; commit: string } {
  const commit = execFileSync("git", ["rev-parse", "--short", rev], { cwd: ROOT, encoding: "utf8" }).trim();
  const dir = mkdtempSync(join(__dirname, ".compare-"));
  execFileSync("sh", ["-c", `git archive ${commit} | tar -x -C "${dir}"`], { cwd: ROOT });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  return { dir, commit };
}

/** every .ts file of the folders the children load, transpiled to a .js beside it (node then loads the .js) */
function transpile(dir: string): void {
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".ts") && !name.endsWith(".d.ts")) {
        const out = ts.transpileModule(readFileSync(path, "utf8"), {
          compilerOptions: {
            module: ts.ModuleKind.CommonJS,
            target: ts.ScriptTarget.ES2020,
            esModuleInterop: true,
          },
          fileName: path,
        });
        writeFileSync(path.replace(/\.ts$/, ".js"), out.outputText);
      }
    }
  };
  for (const folder of ["shared", "src", "test/fakes", "test/excel", "test/sheets", "bench", "scripts"])
    walk(join(dir, folder));
}

function build(dir: string, modes: readonly Mode[]): void {
  const names = modes.filter((m) => m === "cli" || m === "sheets");
  if (names.length === 0) return;
  const args = ["--mode", "production", ...names.flatMap((n) => ["--config-name", n])];
  execFileSync(process.execPath, [join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), ...args], {
    cwd: dir,
    stdio: ["ignore", "ignore", "inherit"],
  });
}

// ---------------------------------------------------------------------------------------------
// the measurements, each in a fresh process

function cliOnce(dir: string, input: string, work: string): Record<"wall" | "cpu" | "grading", number> {
  const start = performance.now();
  const r = spawnSync(
    "/usr/bin/time",
    [
      "-v",
      process.execPath,
      join(dir, "dist", "cli", "cds-grade.js"),
      input,
      "--out",
      join(work, "out.xlsx"),
      "--json",
      join(work, "out.json"),
    ],
    { encoding: "utf8", env: { ...process.env, CDS_DEBUG: "1" }, maxBuffer: 64 * 1024 * 1024 },
  );
  const wall = performance.now() - start;
  if (r.status !== 0) throw new Error(`cds-grade failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const user = /User time \(seconds\): ([\d.]+)/.exec(r.stderr);
  const system = /System time \(seconds\): ([\d.]+)/.exec(r.stderr);
  const grading = /chấm (\d+) ms/.exec(r.stderr);
  const sheets = (JSON.parse(readFileSync(join(work, "out.json"), "utf8")) as { sheets: unknown[] }).sheets;
  if (sheets.length !== COMMUNES) throw new Error(`cds-grade chấm ${sheets.length} trang, cần ${COMMUNES}`);
  return {
    wall,
    cpu: (Number(user?.[1] ?? NaN) + Number(system?.[1] ?? NaN)) * 1000,
    grading: Number(grading?.[1] ?? NaN),
  };
}

const STEP_CHILD = `
const { join } = require("path");
const [dir, input] = process.argv.slice(1);
const { loadWorkbook, sheetGrids } = require(join(dir, "src/cli/read"));
const { gradeWorkbook, planClear } = require(join(dir, "shared/index"));
loadWorkbook(input).then((workbook) => {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const sheets = sheetGrids(workbook);
  planClear(sheets);
  const { report } = gradeWorkbook(sheets, {});
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  if (report.sheets.length !== ${COMMUNES}) throw new Error("graded " + report.sheets.length);
  console.log(JSON.stringify({ wall, cpu: (used.user + used.system) / 1000 }));
});
`;

const GRIDS_CHILD = `
const { join } = require("path");
const fs = require("fs");
const [dir, input] = process.argv.slice(1);
const sheets = JSON.parse(fs.readFileSync(input, "utf8"));
const { gradeWorkbook, planClear } = require(join(dir, "shared/index"));
const cpu = process.cpuUsage();
const start = performance.now();
planClear(sheets);
const { report } = gradeWorkbook(sheets, {});
const wall = performance.now() - start;
const used = process.cpuUsage(cpu);
if (report.sheets.length !== ${COMMUNES}) throw new Error("graded " + report.sheets.length);
console.log(JSON.stringify({ wall, cpu: (used.user + used.system) / 1000 }));
`;

const EXCEL_CHILD = `
const { join } = require("path");
const dir = process.argv[1];
const { FakeExcel } = require(join(dir, "test/fakes/office-excel"));
const { annexSheet } = require(join(dir, "test/excel/fixture"));
const { gradeInExcel } = require(join(dir, "src/excel/adapter"));
async function once() {
  const fake = new FakeExcel(Array.from({ length: ${COMMUNES} }, (_, i) => annexSheet("Xã " + (i + 1), "xã số " + (i + 1))));
  const cpu = process.cpuUsage();
  const start = performance.now();
  await gradeInExcel(fake.context(), "all");
  const used = process.cpuUsage(cpu);
  return [performance.now() - start, (used.user + used.system) / 1000];
}
(async () => {
  const [cold, coldCpu] = await once();
  const [next, nextCpu] = await once();
  console.log(JSON.stringify({ cold, coldCpu, next, nextCpu }));
})();
`;

const SHEETS_CHILD = `
const { join } = require("path");
const fs = require("fs"), vm = require("vm");
const dir = process.argv[1];
const { GasFake } = require(join(dir, "test/fakes/gas"));
const { seedAnnex } = require(join(dir, "test/sheets/fixtures"));
const code = fs.readFileSync(join(dir, "dist/sheets/Code.js"), "utf8");
const fake = new GasFake();
const annex = seedAnnex();
for (let i = 1; i <= ${COMMUNES}; i++) fake.addSheet("Xã " + i, annex.values, annex.formats);
const context = vm.createContext({ ...fake.globals() });
function time(fn) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  fn();
  const used = process.cpuUsage(cpu);
  return [performance.now() - start, (used.user + used.system) / 1000];
}
const [topLevel, topLevelCpu] = time(() => new vm.Script(code, { filename: "Code.js" }).runInContext(context));
// the fake's clock stands still (no cost per call), so the first step grades every sheet
let step;
const [grade, gradeCpu] = time(() => (step = context.startRunForSidebar("grade", {})));
if (!step.finished) throw new Error("the first step did not grade every sheet");
const column = Array.from({ length: 1000 }, (_, i) => [(i % 100) + "%"]);
let labels;
const [cdsDat, cdsDatCpu] = time(() => (labels = context.CDS_DAT(column, "60%")));
if (labels[70][0] !== "Đạt") throw new Error("CDS_DAT: " + labels[70][0]);
console.log(JSON.stringify({ topLevel, topLevelCpu, grade, gradeCpu, cdsDat, cdsDatCpu }));
`;

const CORE_CHILD = `
const { join } = require("path");
require(join(process.argv[1], "bench/core")).runCoreBench().then((f) => {
  if (f.mismatches > 0) throw new Error("mismatches " + f.mismatches);
  console.log(JSON.stringify({ grading: f.gradingMs, cpu: f.gradingCpuMs, whole: f.wholeMs }));
});
`;

async function compare(mode: Mode, dirs: { rev: string; now: string }, runs: number): Promise<string[]> {
  switch (mode) {
    case "cli": {
      const work = mkdtempSync(join(tmpdir(), "cds-compare-"));
      try {
        const input = join(work, "huyen-166-xa.xlsx");
        await makeDistrictWorkbook(input);
        cliOnce(dirs.rev, input, work);
        cliOnce(dirs.now, input, work);
        const p = alternate(runs, dirs, (dir) => cliOnce(dir, input, work));
        return [
          `cli: cds-grade on ${COMMUNES} sheets, ${runs} pairs of child processes`,
          line("wall", p.wall),
          line("CPU user+sys", p.cpu),
          line("grading step (CDS_DEBUG)", p.grading),
        ];
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    }
    case "step": {
      const work = mkdtempSync(join(tmpdir(), "cds-compare-"));
      try {
        const input = join(work, "huyen-166-xa.xlsx");
        await makeDistrictWorkbook(input);
        const p = alternate(runs, dirs, (dir) => child(STEP_CHILD, [dir, input]));
        return [
          `step: the CLI's grading step on ${COMMUNES} sheets, cold, ${runs} pairs of child processes`,
          line("wall", p.wall),
          line("CPU", p.cpu),
        ];
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    }
    case "grids": {
      const work = mkdtempSync(join(tmpdir(), "cds-compare-"));
      try {
        const book = join(work, "huyen-166-xa.xlsx");
        await makeDistrictWorkbook(book);
        const sheets = sheetGrids(await loadWorkbook(book));
        const plain = (v: unknown) => v === null || ["string", "number", "boolean"].includes(typeof v);
        if (!sheets.every((s) => s.grid.values.every((row) => row.every(plain))))
          throw new Error("a cell JSON cannot carry (a date or an error)");
        const input = join(work, "grids.json");
        writeFileSync(input, JSON.stringify(sheets));
        const p = alternate(runs, dirs, (dir) => child(GRIDS_CHILD, [dir, input]));
        return [
          `grids: the CLI's grading step on the grids of ${COMMUNES} sheets, cold, ${runs} pairs of child processes`,
          line("wall", p.wall),
          line("CPU", p.cpu),
        ];
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    }
    case "excel": {
      const p = alternate(runs, dirs, (dir) => child(EXCEL_CHILD, [dir]));
      return [
        `excel: adapter + fake Excel grading ${COMMUNES} sheets, ${runs} pairs of child processes`,
        line("first grading (cold)", p.cold),
        line("the same, CPU", p.coldCpu),
        line("second grading", p.next),
        line("the same, CPU", p.nextCpu),
      ];
    }
    case "sheets": {
      const p = alternate(runs, dirs, (dir) => child(SHEETS_CHILD, [dir]));
      return [
        `sheets: built Code.js in the Apps Script fake, ${runs} pairs of child processes`,
        line("top level (compile + run)", p.topLevel),
        line("the same, CPU", p.topLevelCpu),
        line(`startRunForSidebar, ${COMMUNES} sheets`, p.grade),
        line("the same, CPU", p.gradeCpu),
        line("CDS_DAT on 1,000 cells", p.cdsDat),
        line("the same, CPU", p.cdsDatCpu),
      ];
    }
    case "core": {
      const p = alternate(runs, dirs, (dir) => child(CORE_CHILD, [dir], ["--expose-gc"]));
      return [
        `core: bench/core.ts of each side, ${runs} pairs of child processes (each the median of its own runs)`,
        line("read and grade 22,200 rows", p.grading),
        line("the same, CPU", p.cpu),
        line("whole gradeWorkbook", p.whole),
      ];
    }
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const revs = args.filter((a) => !a.startsWith("--"));
  const only = args.find((a) => a.startsWith("--only="))?.slice(7);
  const runsArg = args.find((a) => a.startsWith("--runs="))?.slice(7);
  const modes = only ? (only.split(",") as Mode[]) : [...MODES];
  for (const m of modes) if (!MODES.includes(m)) throw new Error(`unknown mode ${m}: ${MODES.join(", ")}`);
  const unpacked: string[] = [];
  try {
    const a = unpack(revs[0] ?? "HEAD");
    unpacked.push(a.dir);
    const b = unpack(revs[1] ?? workingTreeCommit());
    unpacked.push(b.dir);
    for (const dir of unpacked) {
      transpile(dir);
      build(dir, modes);
    }
    console.log(
      `REV = ${revs[0] ?? "HEAD"} (${a.commit}); now = ${revs[1] ?? "the working tree"} (${b.commit})`,
    );
    for (const m of modes) {
      const runs = runsArg ? Number(runsArg) : DEFAULT_RUNS[m];
      console.log((await compare(m, { rev: a.dir, now: b.dir }, runs)).join("\n"));
    }
  } finally {
    for (const dir of unpacked) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
