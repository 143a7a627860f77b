/**
 * Sheets add-on benchmark: the BUILT dist/sheets/Code.js grading workbooks of 1, 10 and 166 commune annexes
 * (37 criteria each) in the Apps Script fake. Reports the service calls per sheet (what Apps Script charges and
 * what decides the 6-minute limit) and the adapter's own time per sheet in Node (median of runs), and checks
 * the labels written. Run: `npm run build && npx ts-node bench/sheets.ts`.
 */
import * as fs from "fs";
import { GasFake } from "../test/fakes/gas";
import { CODE_FILE, isBuilt, loadAddon } from "../test/fakes/gas-load";
import { EXPECTED_LABELS, seedAnnex } from "../test/sheets/fixtures";
import { median } from "./stats";

const SIZES = [1, 10, 166];
const RUNS = 5;
/** a pessimistic cost of one round trip to the spreadsheet service, for the budget estimate */
export const SECONDS_PER_SERVICE_CALL = 0.1;
/** Apps Script stops an execution after 6 minutes */
export const EXECUTION_LIMIT_SECONDS = 360;

export interface SheetsBenchRow {
  readonly sheets: number;
  readonly serviceCalls: number;
  /** builder, menu and HTML-output calls: local objects, no round trip */
  readonly localCalls: number;
  readonly serviceCallsPerSheet: number;
  readonly medianMs: number;
  readonly msPerSheet: number;
  /** service calls × SECONDS_PER_SERVICE_CALL */
  readonly estimatedSeconds: number;
}

export interface SheetsBenchFigures {
  readonly rows: readonly SheetsBenchRow[];
  /** running Code.js's top level, as Apps Script does at every execution (each custom function call too) */
  readonly loadMs: number;
  /** `=CDS_DAT(E1:E1000; "60%")`: one execution for a whole column */
  readonly cdsDatColumnMs: number;
  readonly codeBytes: number;
  /** labels that differ from the expected ones (must be 0) */
  readonly mismatches: number;
}

function gradeOnce(count: number): { fake: GasFake; ms: number; mismatches: number } {
  const fake = new GasFake();
  const annex = seedAnnex();
  for (let i = 1; i <= count; i++) fake.addSheet(`Xã ${i}`, annex.values, annex.formats);
  const addon = loadAddon(fake);
  fake.resetCalls();
  const start = process.hrtime.bigint();
  (addon["gradeForSidebar"] as (scope: string, options: object) => unknown)("all", {});
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  let mismatches = 0;
  for (const sheet of fake.spreadsheet.sheets.slice(0, count)) {
    const values = sheet.lastRowCol();
    const grid = sheet.getRange(1, 1, values.rows, values.cols).getValues();
    const col = grid[3]!.indexOf("Chấm CĐS: Trạng thái");
    for (const row of grid) {
      const expected = EXPECTED_LABELS[String(row[0])];
      if (expected !== undefined && row[col] !== expected) mismatches++;
    }
  }
  return { fake, ms, mismatches };
}

/** grades 1, 10 and 166 annex sheets; counts calls and times the adapter */
export async function runSheetsBench(): Promise<SheetsBenchFigures> {
  if (!isBuilt()) throw new Error("dist/sheets is missing: run `npm run build` first");
  const rows: SheetsBenchRow[] = [];
  let mismatches = 0;
  for (const count of SIZES) {
    const times: number[] = [];
    let last: GasFake | null = null;
    for (let run = 0; run < RUNS; run++) {
      const { fake, ms, mismatches: m } = gradeOnce(count);
      times.push(ms);
      mismatches += m;
      last = fake;
    }
    const serviceCalls = last!.serviceCalls;
    const medianMs = median(times);
    rows.push({
      sheets: count,
      serviceCalls,
      localCalls: last!.totalCalls - serviceCalls,
      serviceCallsPerSheet: serviceCalls / count,
      medianMs,
      msPerSheet: medianMs / count,
      estimatedSeconds: serviceCalls * SECONDS_PER_SERVICE_CALL,
    });
  }
  const loads: number[] = [];
  const columns: number[] = [];
  const column = Array.from({ length: 1000 }, (_, i) => [`${i % 100}%`]);
  for (let run = 0; run < RUNS; run++) {
    let start = process.hrtime.bigint();
    const addon = loadAddon(new GasFake());
    loads.push(Number(process.hrtime.bigint() - start) / 1e6);
    start = process.hrtime.bigint();
    const labels = (addon["CDS_DAT"] as (r: unknown, t: unknown) => string[][])(column, "60%");
    columns.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (labels[70]![0] !== "Đạt" || labels[50]![0] !== "Không đạt") mismatches++;
  }
  return {
    rows,
    mismatches,
    loadMs: median(loads),
    cdsDatColumnMs: median(columns),
    codeBytes: fs.statSync(CODE_FILE).size,
  };
}

/** one line per workbook size */
export function formatSheetsBench(f: SheetsBenchFigures): string {
  const lines = f.rows.map(
    (r) =>
      `sheets add-on: ${r.sheets} annex sheet(s): ${r.serviceCalls} service calls (${r.serviceCallsPerSheet.toFixed(1)}/sheet) ` +
      `+ ${r.localCalls} builder calls; adapter+core ${r.medianMs.toFixed(1)} ms (${r.msPerSheet.toFixed(2)} ms/sheet, median of ${RUNS}); ` +
      `estimate at ${SECONDS_PER_SERVICE_CALL * 1000} ms/call: ${r.estimatedSeconds.toFixed(0)} s of ${EXECUTION_LIMIT_SECONDS} s`,
  );
  lines.push(
    `sheets add-on: Code.js ${(f.codeBytes / 1024).toFixed(0)} KiB, top level run ${f.loadMs.toFixed(1)} ms per execution; ` +
      `CDS_DAT on a 1,000-cell column ${f.cdsDatColumnMs.toFixed(1)} ms (Node, median of ${RUNS})`,
  );
  lines.push(`sheets add-on: labels checked, ${f.mismatches} mismatches`);
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
