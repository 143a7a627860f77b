/**
 * Excel add-in benchmark: the adapter (src/excel/adapter.ts) grading and clearing workbooks of 1, 10, 50 and
 * 166 commune annexes in the fake Excel (test/fakes/office-excel.ts), which counts context.sync() like Office.js
 * round trips. Reports syncs per sheet (what decides the speed in a real Excel, above all Excel on the web) and
 * the time per sheet spent in Node (median of runs; the core's share measured apart), and checks the labels
 * written. Then the points-based forms: syncs to grade, re-grade and clear workbooks of 1, 10 and 50 copies of the
 * example forms (examples/bo-chi-so-mau.xlsx as the fake holds an opened file), each component's result checked
 * against the core's. Run alone: `npx ts-node bench/excel.ts`.
 */
import { gradeWorkbookWithForms } from "../shared/dti";
import { STATUS_LABELS } from "../shared/labels";
import { a1 } from "../shared/text";
import { gradeWorkbook, type SheetInput } from "../shared/report/workbook";
import { clearInExcel, gradeInExcel } from "../src/excel/adapter";
import { FakeExcel } from "../test/fakes/office-excel";
import { annexSheet, ROW_OF } from "../test/excel/fixture";
import { cliSheets, EXAMPLE_FORMS, fakeSheetsOf } from "../test/excel/xlsx";
import { median } from "./stats";

const SIZES = [1, 10, 50, 166];
const RUNS = 5;
/** the budget the adapter promises: 3 syncs per graded sheet plus 2 */
export const SYNC_BUDGET = (sheets: number): number => 3 * sheets + 2;

export interface ExcelBenchRow {
  readonly sheets: number;
  readonly gradeSyncs: number;
  readonly clearSyncs: number;
  readonly gradeMedianMs: number;
  readonly msPerSheet: number;
  /** the core's gradeWorkbook alone on the same grids, per sheet */
  readonly coreMsPerSheet: number;
}

/** syncs for a workbook of points-based forms */
export interface ExcelFormsRow {
  readonly forms: number;
  readonly gradeSyncs: number;
  readonly regradeSyncs: number;
  readonly clearSyncs: number;
}

export interface ExcelBenchFigures {
  readonly rows: readonly ExcelBenchRow[];
  readonly forms: readonly ExcelFormsRow[];
  /** syncs for one sheet with 2 000 extra table rows (must equal the 1-sheet figure) */
  readonly longSheetSyncs: number;
  /** labels that differ from the expected ones, and sync counts over budget (must be 0) */
  readonly mismatches: number;
}

function workbook(count: number, extraRows = 0): FakeExcel {
  return new FakeExcel(
    Array.from({ length: count }, (_, i) => annexSheet(`Xã ${i + 1}`, `xã số ${i + 1}`, extraRows)),
  );
}

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function gradeOnce(count: number): Promise<{ fake: FakeExcel; ms: number; syncs: number }> {
  const fake = workbook(count);
  const start = process.hrtime.bigint();
  await gradeInExcel(fake.context() as unknown as Excel.RequestContext, "all");
  return { fake, ms: ms(start), syncs: fake.syncCount };
}

/** the core alone on the grids the adapter reads */
function coreOnce(count: number): number {
  const inputs: SheetInput[] = Array.from({ length: count }, (_, i) => {
    const init = annexSheet(`Xã ${i + 1}`, `xã số ${i + 1}`);
    return { name: init.name, grid: { values: init.values!.map((l) => [...l]), formats: init.formats! } };
  });
  const start = process.hrtime.bigint();
  gradeWorkbook(inputs);
  return ms(start);
}

export async function runExcelBench(): Promise<ExcelBenchFigures> {
  const rows: ExcelBenchRow[] = [];
  let mismatches = 0;
  for (const sheets of SIZES) {
    const times: number[] = [];
    const coreTimes: number[] = [];
    let last: { fake: FakeExcel; syncs: number } | null = null;
    for (let run = 0; run < RUNS; run++) {
      coreTimes.push(coreOnce(sheets));
      const graded = await gradeOnce(sheets);
      times.push(graded.ms);
      last = graded;
    }
    const fake = last!.fake;
    for (let i = 1; i <= sheets; i++)
      if (fake.value(`Xã ${i}`, `G${ROW_OF("2.4")}`) !== STATUS_LABELS.KHONG_DAT) mismatches++;
    const clearFrom = fake.syncCount;
    await clearInExcel(fake.context() as unknown as Excel.RequestContext);
    const clearSyncs = fake.syncCount - clearFrom;
    if (last!.syncs > SYNC_BUDGET(sheets) || clearSyncs > SYNC_BUDGET(sheets)) mismatches++;
    const gradeMedianMs = median(times);
    rows.push({
      sheets,
      gradeSyncs: last!.syncs,
      clearSyncs,
      gradeMedianMs,
      msPerSheet: gradeMedianMs / sheets,
      coreMsPerSheet: median(coreTimes) / sheets,
    });
  }
  const long = workbook(1, 2000);
  await gradeInExcel(long.context() as unknown as Excel.RequestContext, "all");
  if (long.syncCount !== rows[0]!.gradeSyncs) mismatches++;
  const forms = await runFormsBench();
  return {
    rows,
    forms: forms.rows,
    longSheetSyncs: long.syncCount,
    mismatches: mismatches + forms.mismatches,
  };
}

const FORM_SIZES = [1, 10, 50];

/**
 * Workbooks of 1, 10 and 50 forms (the example's two forms in turn, renamed) graded, re-graded and cleared; each
 * component's result and points in the own columns held to the core's on the same grids, and the budget of
 * 3 syncs per sheet + 2 for each of the three.
 */
async function runFormsBench(): Promise<{ rows: ExcelFormsRow[]; mismatches: number }> {
  const example = (await cliSheets(EXAMPLE_FORMS)).filter((s) => s.name !== "Hướng dẫn");
  const rows: ExcelFormsRow[] = [];
  let mismatches = 0;
  for (const count of FORM_SIZES) {
    const sheets = Array.from({ length: count }, (_, i) => ({
      ...example[i % example.length]!,
      name: `Xã ${i + 1}`,
    }));
    const fake = new FakeExcel(fakeSheetsOf(sheets));
    const context = (): Excel.RequestContext => fake.context() as unknown as Excel.RequestContext;
    const graded = await gradeInExcel(context(), "all");
    const expected = gradeWorkbookWithForms(sheets).forms.reports;
    if (graded.forms.reports.length !== count) mismatches++;
    for (const report of expected)
      for (const c of report.components) {
        const col = graded.plan.sheets.find((p) => p.sheet === report.name)?.own.col ?? -1;
        if (fake.value(report.name, a1(c.row, col)) !== c.label) mismatches++;
        if (fake.value(report.name, a1(c.row, col + 1)) !== (c.points ?? "")) mismatches++;
      }
    const regraded = await gradeInExcel(context(), "all");
    const cleared = await clearInExcel(context());
    const row = {
      forms: count,
      gradeSyncs: graded.stats.syncs,
      regradeSyncs: regraded.stats.syncs,
      clearSyncs: cleared.stats.syncs,
    };
    if ([row.gradeSyncs, row.regradeSyncs, row.clearSyncs].some((n) => n > SYNC_BUDGET(count))) mismatches++;
    if (fake.sheets.some((s) => s.conditionalFormats.length > 0)) mismatches++;
    rows.push(row);
  }
  return { rows, mismatches };
}

export function formatExcelBench(f: ExcelBenchFigures): string {
  const lines = [
    "Excel add-in (adapter + fake Excel in Node; syncs = context.sync() round trips to Excel)",
    "  sheets  grade syncs  budget  clear syncs  median ms  ms/sheet  core ms/sheet",
    ...f.rows.map(
      (r) =>
        `  ${String(r.sheets).padStart(6)}  ${String(r.gradeSyncs).padStart(11)}  ${String(SYNC_BUDGET(r.sheets)).padStart(6)}  ` +
        `${String(r.clearSyncs).padStart(11)}  ${r.gradeMedianMs.toFixed(1).padStart(9)}  ${r.msPerSheet.toFixed(2).padStart(8)}  ` +
        `${r.coreMsPerSheet.toFixed(2).padStart(13)}`,
    ),
    `  one sheet with 2 000 extra rows: ${f.longSheetSyncs} syncs (same as 1 short sheet: ${f.rows[0]!.gradeSyncs})`,
    "  points-based forms (the example's two forms in turn): syncs",
    "   forms  grade  re-grade  clear  budget",
    ...f.forms.map(
      (r) =>
        `  ${String(r.forms).padStart(6)}  ${String(r.gradeSyncs).padStart(5)}  ${String(r.regradeSyncs).padStart(8)}  ` +
        `${String(r.clearSyncs).padStart(5)}  ${String(SYNC_BUDGET(r.forms)).padStart(6)}`,
    ),
    `  checks failed: ${f.mismatches}`,
  ];
  return lines.join("\n");
}

if (require.main === module) {
  runExcelBench()
    .then((f) => {
      console.log(formatExcelBench(f));
      if (f.mismatches > 0) process.exitCode = 1;
    })
    .catch((e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    });
}
