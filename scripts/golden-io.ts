/**
 * What the golden files hold, shared by scripts/update-goldens.ts (writes them) and test/cli/golden.test.ts
 * (compares against them): the CLI's JSON report and the cells of the add-in's own columns.
 */
import * as path from "path";
import ExcelJS from "exceljs";
import { OWN_HEADER_PREFIX } from "../shared/labels";

export const GOLDEN_DIR = path.join(__dirname, "..", "test", "fixtures", "golden");

/** the own columns' cells of every sheet: sheet → A1 address → value (strings, numbers) */
export type OwnCells = Record<string, Record<string, string | number | boolean | null>>;

/** reads the add-in's own columns (found by their header prefix) from a graded workbook */
export async function readOwnCells(file: string): Promise<OwnCells> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const out: OwnCells = {};
  for (const ws of workbook.worksheets) {
    const ownCols = new Set<number>();
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (typeof cell.value === "string" && cell.value.startsWith(OWN_HEADER_PREFIX))
          ownCols.add(Number(cell.col));
      }),
    );
    if (ownCols.size === 0) continue;
    const cells: Record<string, string | number | boolean | null> = {};
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (!ownCols.has(Number(cell.col))) return;
        const v = cell.value;
        cells[cell.address] = typeof v === "object" && v !== null ? JSON.stringify(v) : (v ?? null);
      }),
    );
    out[ws.name] = cells;
  }
  return out;
}

/** the golden files of one input: `<name>.report.json` and `<name>.own.json` */
export function goldenPaths(input: string): { report: string; own: string } {
  const base = path.basename(input, path.extname(input));
  return {
    report: path.join(GOLDEN_DIR, `${base}.report.json`),
    own: path.join(GOLDEN_DIR, `${base}.own.json`),
  };
}
