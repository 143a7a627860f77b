/**
 * Sheets add-on benchmark on the BUILT dist/sheets/Code.js in the Apps Script fake, workbooks of 1, 37 and 166
 * commune annexes (37 criteria each):
 * - service calls per sheet for a first grading, a re-grading and a clearing (every step of the run, each a
 *   fresh execution; the bench's own checking calls come after and are not counted), the steps a run takes at
 *   100 ms a call and the longest step on the fake clock;
 * - Code.js's size and its top level (compile + run) in fresh Node processes, median of 5: what every
 *   execution pays, each CDS_DAT call included;
 * - the labels written, checked against the expected ones;
 * - points-based forms (issue 16): service calls per further form sheet for a first grading, a re-grading and a
 *   clearing (10 → 40 forms), the points written checked against the core's (gradeWorkbookWithForms), the
 *   clearing against the workbook before grading.
 * Run: `npm run build && npx ts-node bench/sheets.ts`.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import { GasFake } from "../test/fakes/gas";
import { CODE_FILE, isBuilt, loadAddon } from "../test/fakes/gas-load";
import { EXPECTED_LABELS, communeForm, seedAnnex } from "../test/sheets/fixtures";
import { gradeWorkbookWithForms } from "../shared/dti";
import type { RawCell } from "../shared/types";
import { runAll, type Execution } from "../test/sheets/steps";
import { median } from "./stats";

const SIZES = [1, 37, 166];
/** workbooks of forms: the per-sheet cost from the first to the second */
const FORM_SIZES = [10, 40] as const;
const RUNS = 5;
/** a pessimistic cost of one round trip to the spreadsheet service (the fake's clock) */
export const MS_PER_SERVICE_CALL = 100;
/** Apps Script stops an execution after 6 minutes */
export const EXECUTION_LIMIT_SECONDS = 360;
const OWN_STATUS = "Chấm CĐS: Trạng thái";

export type Mode = "first grade" | "re-grade" | "clear";

export interface ModeFigures {
  readonly mode: Mode;
  readonly sheets: number;
  readonly serviceCalls: number;
  readonly perSheet: number;
  /** executions the run took at MS_PER_SERVICE_CALL */
  readonly steps: number;
  /** the longest step on the fake clock, seconds */
  readonly longestStepSeconds: number;
  /** reads that followed a write within an execution (each sends Apps Script's write cache) */
  readonly flushes: number;
}

export interface SheetsBenchFigures {
  readonly modes: readonly ModeFigures[];
  /** calls per sheet from 37 to 166 sheets: the per-sheet cost without the fixed one */
  readonly perFurtherSheet: Readonly<Record<Mode, number>>;
  /** the same for points-based forms, from 10 to 40 form sheets */
  readonly perFurtherFormSheet: Readonly<Record<Mode, number>>;
  /** the forms' runs, per size and mode */
  readonly formModes: readonly ModeFigures[];
  readonly codeBytes: number;
  /** compile and run of Code.js's top level in a fresh Node process, ms, medians of RUNS processes */
  readonly compileMs: number;
  readonly topLevelMs: number;
  /** the same, CPU time of the process (less sensitive to a busy machine than wall time) */
  readonly topLevelCpuMs: number;
  /** `=CDS_DAT(E1:E1000; "60%")`: one execution for a whole column (in-process, median) */
  readonly cdsDatColumnMs: number;
  /** labels that differ from the expected ones, and clearings that left something behind (must be 0) */
  readonly mismatches: number;
}

function workbook(count: number): GasFake {
  const fake = new GasFake();
  const annex = seedAnnex();
  for (let i = 1; i <= count; i++) fake.addSheet(`Xã ${i}`, annex.values, annex.formats);
  fake.msPerCall = MS_PER_SERVICE_CALL;
  return fake;
}

/** labels differing from the expected ones on the graded sheets (reads the fake directly: no call counted) */
function labelMismatches(fake: GasFake, count: number): number {
  let mismatches = 0;
  for (const sheet of fake.spreadsheet.sheets.slice(0, count)) {
    const { rows, cols } = sheet.lastRowCol();
    const grid: unknown[][] = [];
    for (let r = 0; r < rows; r++) grid.push(Array.from({ length: cols }, (_, c) => sheet.cell(r, c).value));
    const col = grid[3]!.indexOf(OWN_STATUS);
    for (const row of grid) {
      const expected = EXPECTED_LABELS[String(row[0])];
      if (expected !== undefined && row[col] !== expected) mismatches++;
    }
  }
  return mismatches;
}

function figures(mode: Mode, sheets: number, executions: Execution[]): ModeFigures {
  const serviceCalls = executions.reduce((n, e) => n + e.serviceCalls, 0);
  return {
    mode,
    sheets,
    serviceCalls,
    perSheet: serviceCalls / sheets,
    steps: executions.length,
    longestStepSeconds: Math.max(...executions.map((e) => e.ms)) / 1000,
    flushes: executions.reduce((n, e) => n + e.flushes, 0),
  };
}

/**
 * Compile + run of Code.js's top level in a fresh process (what each Apps Script execution pays); the vm
 * context is made before the clock starts (Apps Script has its own).
 */
function topLevelInFreshProcess(): { compileMs: number; runMs: number; cpuMs: number } {
  const script = `
    const fs = require("fs"), vm = require("vm");
    const code = fs.readFileSync(process.argv[1], "utf8");
    const context = vm.createContext({});
    const cpu = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const compiled = new vm.Script(code, { filename: "Code.js" });
    const t1 = process.hrtime.bigint();
    compiled.runInContext(context);
    const t2 = process.hrtime.bigint();
    const used = process.cpuUsage(cpu);
    process.stdout.write(JSON.stringify([Number(t1 - t0) / 1e6, Number(t2 - t1) / 1e6, (used.user + used.system) / 1000]));`;
  const [compileMs, runMs, cpuMs] = JSON.parse(
    execFileSync(process.execPath, ["-e", script, CODE_FILE], { encoding: "utf8" }),
  ) as [number, number, number];
  return { compileMs, runMs, cpuMs };
}

function formsWorkbook(count: number): GasFake {
  const fake = new GasFake();
  for (let i = 1; i <= count; i++) {
    const form = communeForm(i);
    fake.addSheet(form.name, form.values);
  }
  fake.msPerCall = MS_PER_SERVICE_CALL;
  return fake;
}

/** cells of the forms' own columns that differ from the core's plan on the same grids (no call counted) */
function formMismatches(fake: GasFake, count: number): number {
  const grids = Array.from({ length: count }, (_, i) => communeForm(i + 1)).map((f) => ({
    name: f.name,
    grid: { values: f.values as RawCell[][] },
  }));
  let mismatches = 0;
  for (const plan of gradeWorkbookWithForms(grids).plan.sheets) {
    const sheet = fake.spreadsheet.sheets.find((s) => s.name === plan.sheet)!;
    const block = plan.writes[0]!;
    block.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (sheet.cell(block.row + r, block.col + c).value !== (v ?? "")) mismatches++;
      }),
    );
  }
  return mismatches;
}

/** grades, re-grades and clears workbooks of 1, 37 and 166 annexes; counts calls; times the top level */
export async function runSheetsBench(): Promise<SheetsBenchFigures> {
  if (!isBuilt()) throw new Error("dist/sheets is missing: run `npm run build` first");
  const modes: ModeFigures[] = [];
  let mismatches = 0;
  for (const count of SIZES) {
    const fake = workbook(count);
    const original = JSON.stringify(fake.snapshot());
    modes.push(figures("first grade", count, runAll(fake, "grade")));
    mismatches += labelMismatches(fake, count);
    modes.push(figures("re-grade", count, runAll(fake, "grade")));
    mismatches += labelMismatches(fake, count);
    modes.push(figures("clear", count, runAll(fake, "clear")));
    if (JSON.stringify(fake.snapshot()) !== original) mismatches++;
  }
  const at = (mode: Mode, sheets: number) => modes.find((m) => m.mode === mode && m.sheets === sheets)!;
  const further = (mode: Mode) => (at(mode, 166).serviceCalls - at(mode, 37).serviceCalls) / (166 - 37);

  const formModes: ModeFigures[] = [];
  for (const count of FORM_SIZES) {
    const fake = formsWorkbook(count);
    const original = JSON.stringify(fake.snapshot());
    formModes.push(figures("first grade", count, runAll(fake, "grade")));
    mismatches += formMismatches(fake, count);
    formModes.push(figures("re-grade", count, runAll(fake, "grade")));
    mismatches += formMismatches(fake, count);
    formModes.push(figures("clear", count, runAll(fake, "clear")));
    if (JSON.stringify(fake.snapshot()) !== original) mismatches++;
  }
  const [few, many] = FORM_SIZES;
  const formAt = (mode: Mode, sheets: number) =>
    formModes.find((m) => m.mode === mode && m.sheets === sheets)!;
  const furtherForm = (mode: Mode) =>
    (formAt(mode, many).serviceCalls - formAt(mode, few).serviceCalls) / (many - few);

  const compiles: number[] = [];
  const totals: number[] = [];
  const cpus: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const { compileMs, runMs, cpuMs } = topLevelInFreshProcess();
    compiles.push(compileMs);
    totals.push(compileMs + runMs);
    cpus.push(cpuMs);
  }
  const columns: number[] = [];
  const column = Array.from({ length: 1000 }, (_, i) => [`${i % 100}%`]);
  for (let run = 0; run < RUNS; run++) {
    const addon = loadAddon(new GasFake());
    const start = process.hrtime.bigint();
    const labels = (addon["CDS_DAT"] as (r: unknown, t: unknown) => string[][])(column, "60%");
    columns.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (labels[70]![0] !== "Đạt" || labels[50]![0] !== "Không đạt") mismatches++;
  }
  return {
    modes,
    perFurtherSheet: {
      "first grade": further("first grade"),
      "re-grade": further("re-grade"),
      clear: further("clear"),
    },
    perFurtherFormSheet: {
      "first grade": furtherForm("first grade"),
      "re-grade": furtherForm("re-grade"),
      clear: furtherForm("clear"),
    },
    formModes,
    codeBytes: fs.statSync(CODE_FILE).size,
    compileMs: median(compiles),
    topLevelMs: median(totals),
    topLevelCpuMs: median(cpus),
    cdsDatColumnMs: median(columns),
    mismatches,
  };
}

/** one line per mode and size, then the script's weight */
export function formatSheetsBench(f: SheetsBenchFigures): string {
  const lines = f.modes.map(
    (m) =>
      `sheets add-on: ${m.mode.padEnd(11)} ${String(m.sheets).padStart(3)} sheet(s): ${m.serviceCalls} service calls ` +
      `(${m.perSheet.toFixed(1)}/sheet), ${m.steps} step(s), longest ${m.longestStepSeconds.toFixed(1)} s of ` +
      `${EXECUTION_LIMIT_SECONDS} s at ${MS_PER_SERVICE_CALL} ms/call, ${m.flushes} flushes`,
  );
  lines.push(
    `sheets add-on: calls per further sheet (37 → 166): first grade ${f.perFurtherSheet["first grade"].toFixed(1)}, ` +
      `re-grade ${f.perFurtherSheet["re-grade"].toFixed(1)}, clear ${f.perFurtherSheet.clear.toFixed(1)}`,
  );
  for (const m of f.formModes)
    lines.push(
      `sheets add-on: forms ${m.mode.padEnd(11)} ${String(m.sheets).padStart(3)} form sheet(s): ${m.serviceCalls} service calls ` +
        `(${m.perSheet.toFixed(1)}/sheet), ${m.steps} step(s), longest ${m.longestStepSeconds.toFixed(1)} s, ${m.flushes} flushes`,
    );
  lines.push(
    `sheets add-on: calls per further form sheet (${FORM_SIZES.join(" → ")}): first grade ` +
      `${f.perFurtherFormSheet["first grade"].toFixed(1)}, re-grade ${f.perFurtherFormSheet["re-grade"].toFixed(1)}, ` +
      `clear ${f.perFurtherFormSheet.clear.toFixed(1)}`,
  );
  lines.push(
    `sheets add-on: Code.js ${(f.codeBytes / 1024).toFixed(0)} KiB (target ≤ 400); top level ${f.topLevelMs.toFixed(1)} ms ` +
      `per execution (target ≤ 25; compile ${f.compileMs.toFixed(1)} ms + run; CPU ${f.topLevelCpuMs.toFixed(1)} ms; ` +
      `fresh Node process, median of ${RUNS}); ` +
      `CDS_DAT on a 1,000-cell column ${f.cdsDatColumnMs.toFixed(1)} ms (median of ${RUNS})`,
  );
  lines.push(
    `sheets add-on: labels, forms' points (against the core) and clearing checked, ${f.mismatches} mismatches`,
  );
  return lines.join("\n");
}

if (require.main === module) {
  runSheetsBench()
    .then((f) => {
      console.log(formatSheetsBench(f));
      if (f.mismatches > 0) process.exitCode = 1;
    })
    .catch((e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    });
}
