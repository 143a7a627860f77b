/**
 * The add-in's own sheets — the summary sheet "Tổng hợp CĐS" and the criteria sheet "Bộ tiêu chí" — known by a
 * mark the add-in writes, not by their name: a workbook-level name (`CDS_TRANG_TONG_HOP`, `CDS_TRANG_BO_TIEU_CHI`)
 * pointing at cell A1 of the sheet, which Excel (Office.js `workbook.names`), Google Sheets (named ranges) and
 * ExcelJS (`definedNames`) all read and write, and which follows the sheet when it is renamed. A user's sheet
 * that merely bears the name is never replaced or deleted: the add-in's sheet takes a free name beside it.
 * Sheets made by earlier versions carry no mark: a summary sheet is recognised by its name and its title in A1,
 * a criteria sheet by its name (without case or diacritics) and the add-in's layout (which a reviewing office
 * may also fill in by hand: such a sheet is used too). A "Bộ tiêu chí" sheet without that layout (an ordinary
 * list) is not used, and a note says so.
 */
import { hasCriteriaSheetLayout, isCriteriaSheet } from "../criteria/sheet";
import { SUMMARY_SHEET } from "../labels";
import { fold } from "../text";
import type { OwnSheetMarks, RawCell, SheetInput } from "../types";

/** the workbook name marking the add-in's summary sheet (letters, digits and `_`: valid in Excel and Sheets) */
export const SUMMARY_MARK = "CDS_TRANG_TONG_HOP";
/** the workbook name marking the criteria sheet the add-in created */
export const CRITERIA_MARK = "CDS_TRANG_BO_TIEU_CHI";

/** the titles an unmarked summary sheet of an earlier version bears in A1 */
export const LEGACY_SUMMARY_TITLES: readonly string[] = ["TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM CHUYỂN ĐỔI SỐ CẤP XÃ"];

/** a sheet name as hosts compare them: composed (NFC) and without case ("Tổng hợp CĐS" = "TỔNG HỢP cđs") */
export function sheetKey(name: string): string {
  return name.normalize("NFC").toLowerCase();
}

/** true when two sheet names are the same to a spreadsheet (case) or to the eye (NFC and NFD) */
export function sameSheetName(a: string, b: string): boolean {
  return sheetKey(a) === sheetKey(b);
}

/**
 * the sheet a workbook name's reference points at: `='Tổng hợp CĐS (2)'!$A$1` or `Xã_A!$A$1` → the sheet's
 * name; null for a reference to no sheet (`=#REF!$A$1`, a constant, a formula)
 */
export function sheetOfReference(ref: string): string | null {
  const m = /^=?(?:'((?:[^']|'')+)'|([^'!=#(]+))!\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?$/.exec(ref.trim());
  if (!m) return null;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!;
}

/** a reference to A1 of `sheet`, as a workbook name holds it (without the `=`) */
export function referenceToA1(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'!$A$1`;
}

/** `base`, else `base (2)`, `base (3)` … : the first name no sheet of `existing` bears */
export function freeSheetName(base: string, existing: readonly string[]): string {
  const taken = new Set(existing.map(sheetKey));
  if (!taken.has(sheetKey(base))) return base;
  for (let n = 2; ; n++) {
    const name = `${base} (${n})`;
    if (!taken.has(sheetKey(name))) return name;
  }
}

export type { OwnSheetMarks } from "../types";

/** which sheets are the add-in's, and where its summary sheet goes */
export interface OwnSheets {
  /** the add-in's summary sheet now in the workbook (marked, or an earlier version's), to replace or delete */
  readonly summary: string | null;
  /** the name to write the summary sheet under: `Tổng hợp CĐS`, or a free name beside a user's sheet */
  readonly summaryName: string;
  /** the sheet that supplies the criteria set: marked, or named "Bộ tiêu chí" in the add-in's layout */
  readonly criteria: string | null;
  /** in Vietnamese: a user's sheet kept under the add-in's name, a "Bộ tiêu chí" sheet not used */
  readonly notes: readonly string[];
}

function firstCell(sheet: SheetInput): RawCell {
  return sheet.grid.values[0]?.[0];
}

/** an unmarked summary sheet of an earlier version: the name and the title in A1 */
function isLegacySummary(sheet: SheetInput): boolean {
  const a1 = firstCell(sheet);
  return (
    sameSheetName(sheet.name, SUMMARY_SHEET) &&
    typeof a1 === "string" &&
    LEGACY_SUMMARY_TITLES.some((t) => fold(t) === fold(a1))
  );
}

/**
 * Tells the add-in's sheets from the user's. `sheets` are the sheets the host read: every sheet but the summary
 * sheet it found marked (a sheet named like the summary sheet but not marked must be read, for its A1). The
 * marks name sheets that exist (the host read them from the mark's range).
 */
export function resolveOwnSheets(sheets: readonly SheetInput[], marks: OwnSheetMarks = {}): OwnSheets {
  const notes: string[] = [];
  const names = sheets.map((s) => s.name);
  for (const m of [marks.summary, marks.criteria, ...(marks.sheetNames ?? [])])
    if (m && !names.includes(m)) names.push(m);
  const exists = (name: string | null | undefined): name is string => !!name;
  let summary: string | null = exists(marks.summary) ? marks.summary : null;
  if (summary === null) summary = sheets.find(isLegacySummary)?.name ?? null;
  const userSummary = names.find((n) => n !== summary && sameSheetName(n, SUMMARY_SHEET));
  const summaryName = summary ?? freeSheetName(SUMMARY_SHEET, names);
  if (userSummary !== undefined)
    notes.push(
      `Trang "${userSummary}" không phải trang tổng hợp do add-in tạo nên được giữ nguyên; kết quả tổng hợp ghi vào trang "${summaryName}".`,
    );

  let criteria: string | null = exists(marks.criteria) ? marks.criteria : null;
  if (criteria !== null) {
    for (const n of names)
      if (n !== criteria && isCriteriaSheet(n))
        notes.push(
          `Trang "${n}" không dùng để chấm: add-in chấm theo trang bộ tiêu chí nó đã tạo, "${criteria}".`,
        );
  } else {
    // named "Bộ tiêu chí" (also without diacritics: the layout is checked too)
    const named = sheets.filter((s) => isCriteriaSheet(s.name));
    const laidOut = named.find((s) => hasCriteriaSheetLayout(s.grid));
    criteria = laidOut?.name ?? null;
    for (const s of named)
      if (s !== laidOut)
        notes.push(
          `Trang "${s.name}" không theo mẫu bộ tiêu chí của add-in (không có dòng "Mã bộ tiêu chí", bảng "Mã nhóm | Tên nhóm" hay bảng "Mã | Tên chỉ tiêu | Loại chỉ tiêu") nên không dùng để chấm; chấm theo bộ tiêu chí có sẵn.`,
        );
  }
  return { summary, summaryName, criteria, notes };
}
