/**
 * `npm run bench`: the core roll-up (bench/core.ts), the Excel and Google Sheets adapters on their fakes
 * (bench/excel.ts, bench/sheets.ts), the CLI against plain ExcelJS (bench/cli.ts: the 166-sheet workbook, then
 * the 20 MB one, which alone takes a few minutes), then the roll-ups: a
 * 166-commune workbook and a folder of 166 files against the same files graded one by one (bench/rollup.ts); the
 * points-based forms: 600 × 50 components in the core, 166 forms through cds-grade (bench/dti-forms.ts).
 * Prints every figure; exits 1 when a result check fails or the core takes longer than its guard (bench/core.ts).
 */
import { formatCoreBench, overBudget, runCoreBench } from "./core";
import { formatExcelBench, runExcelBench } from "./excel";
import { formatSheetsBench, runSheetsBench } from "./sheets";
import { formatCliBench, formatLargeBench, runCliBench, runLargeBench } from "./cli";
import { formatRollupBench, runRollupBench } from "./rollup";
import { formatFormsBench, runFormsCliBench, runFormsCoreBench } from "./dti-forms";

async function main(): Promise<void> {
  console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
  const failed: string[] = [];
  const core = await runCoreBench();
  console.log(formatCoreBench(core));
  if (core.mismatches > 0) failed.push(`core: ${core.mismatches} rows graded differently from the generator`);
  if (overBudget(core)) failed.push(`core: reading and grading took more than ${core.budgetMs} ms`);
  const excel = await runExcelBench();
  console.log(formatExcelBench(excel));
  if (excel.mismatches > 0) failed.push(`excel: ${excel.mismatches} mismatches`);
  const sheets = await runSheetsBench();
  console.log(formatSheetsBench(sheets));
  if (sheets.mismatches > 0) failed.push(`sheets: ${sheets.mismatches} mismatches`);
  console.log(formatCliBench(await runCliBench()));
  console.log(formatLargeBench(await runLargeBench()));
  console.log(formatRollupBench(await runRollupBench()));
  const formsCore = runFormsCoreBench();
  const formsCli = await runFormsCliBench();
  console.log(formatFormsBench(formsCore, formsCli));
  if (formsCore.mismatches > 0)
    failed.push(`dti: ${formsCore.mismatches} components checked differently from the example`);
  for (const f of failed) console.error(f);
  if (failed.length > 0) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
