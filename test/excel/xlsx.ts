/**
 * An .xlsx file read as cds-grade reads it (src/cli/read.ts), and the same sheets seeded into the fake Excel as
 * Excel holds an opened file: texts stay texts, number formats and merged areas as in the file.
 */
import path from "path";
import { readWorkbook, sheetGrids, type SheetGrid } from "../../src/cli/read";
import type { FakeSheetInit, FakeValue } from "../fakes/office-excel";

export const EXAMPLE_FORMS = path.join(__dirname, "..", "..", "examples", "bo-chi-so-mau.xlsx");

/** the sheets of `file` as the CLI hands them to the core */
export async function cliSheets(file: string): Promise<SheetGrid[]> {
  return sheetGrids((await readWorkbook(file)).workbook);
}

/** the same sheets for the fake Excel; a date or an error cell has no stand-in there and is refused */
export function fakeSheetsOf(sheets: readonly SheetGrid[]): FakeSheetInit[] {
  return sheets.map(({ name, grid }) => ({
    name,
    stored: true,
    values: grid.values.map((line) =>
      line.map((v): FakeValue | null => {
        if (v === null || v === undefined) return null;
        if (typeof v === "object") throw new Error(`no stand-in for ${JSON.stringify(v)} on ${name}`);
        return v;
      }),
    ),
    formats: (grid.formats ?? []).map((line) => line.map((f) => f ?? null)),
    ...(grid.merges ? { merges: grid.merges.map((m) => ({ ...m })) } : {}),
  }));
}
