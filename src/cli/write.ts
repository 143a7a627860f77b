/**
 * Applying the core's edit plan to an ExcelJS workbook: the own columns, their conditional formatting,
 * and the summary sheet. User cells outside the own columns are never touched.
 */
import type ExcelJS from "exceljs";
import type { Area, ConditionalFormat, EditPlan, PlanCell, SheetPlan, SummaryPlan } from "../../shared/types";
import { looksLikeFormula, SUMMARY_SHEET } from "../../shared/labels";
import { CRITERIA_MARK, referenceToA1, sheetOfReference, SUMMARY_MARK } from "../../shared/report/own-sheets";

export { CRITERIA_MARK };
import type { OwnSheetMarks } from "../../shared/types";
import { a1 } from "../../shared/text";

/** `#C6EFCE` → ExcelJS colour `{ argb: "FFC6EFCE" }` */
export function argb(hex: string): { argb: string } {
  return { argb: `FF${hex.replace(/^#/, "").toUpperCase()}` };
}

/** A1 range of a 0-based area */
export function areaRef(area: Area): string {
  return `${a1(area.row, area.col)}:${a1(area.row + Math.max(area.rows, 1) - 1, area.col + Math.max(area.cols, 1) - 1)}`;
}

function refArea(ref: string): Area | null {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(ref.trim());
  if (!m) return null;
  const col = (letters: string): number =>
    [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const c1 = col(m[1]!);
  const r1 = Number(m[2]) - 1;
  const c2 = m[3] ? col(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) - 1 : r1;
  return {
    row: Math.min(r1, r2),
    col: Math.min(c1, c2),
    rows: Math.abs(r2 - r1) + 1,
    cols: Math.abs(c2 - c1) + 1,
  };
}

function overlaps(a: Area, b: Area): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

/**
 * The styles of the cells the add-in writes, one object each: ExcelJS turns a style into XML once per object
 * (it remembers objects it has seen), so a fresh `{}` per cell would cost a rendering per cell. They are never
 * changed: a cell is only ever given one of them whole (`cell.font = …` would change the shared object).
 */
const STYLES = {
  plain: Object.freeze({}),
  bold: Object.freeze({ font: Object.freeze({ bold: true }) }),
  text: Object.freeze({ numFmt: "@" }),
  boldText: Object.freeze({ numFmt: "@", font: Object.freeze({ bold: true }) }),
  wrapped: Object.freeze({ alignment: Object.freeze({ wrapText: true, vertical: "top" }) }),
  wrappedText: Object.freeze({ numFmt: "@", alignment: Object.freeze({ wrapText: true, vertical: "top" }) }),
} as const;

/** an own column is at most this many characters wide; longer texts wrap */
const OWN_COLUMN_MAX_WIDTH = 60;

/**
 * writes one plan value as a literal: ExcelJS stores strings as strings (also `=1+1`); text that Excel
 * would take for a formula when edited is also given the text format `@`; `wrap` wraps it in its cell
 */
function writeCell(cell: ExcelJS.Cell, value: PlanCell, bold: boolean, wrap = false): void {
  const asText = typeof value === "string" && looksLikeFormula(value);
  const style = bold
    ? asText
      ? STYLES.boldText
      : STYLES.bold
    : wrap
      ? asText
        ? STYLES.wrappedText
        : STYLES.wrapped
      : asText
        ? STYLES.text
        : STYLES.plain;
  cell.style = style as Partial<ExcelJS.Style>;
  cell.value = value;
}

/** the conditional formats on a sheet (read from the file or added); ExcelJS's typings omit the property */
function conditionalFormatsOf(sheet: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] {
  return (sheet as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
    .conditionalFormattings;
}

/**
 * one rule per status, exact match on the label: `containsText` would let "Đạt" also colour "Không đạt".
 * Excel wants one priority per rule on a sheet: ours follow the highest already there (the user's).
 */
function addConditionalFormats(sheet: ExcelJS.Worksheet, formats: readonly ConditionalFormat[]): void {
  let next = 1;
  for (const cf of conditionalFormatsOf(sheet))
    for (const rule of cf.rules) next = Math.max(next, (rule.priority ?? 0) + 1);
  for (const format of formats) {
    sheet.addConditionalFormatting({
      ref: areaRef(format.area),
      rules: format.rules.map((rule) => ({
        type: "cellIs",
        operator: "equal",
        formulae: [`"${rule.text.replace(/"/g, '""')}"`],
        priority: next++,
        style: {
          fill: { type: "pattern", pattern: "solid", bgColor: argb(rule.fill) },
          font: { color: argb(rule.font) },
        },
      })),
    });
  }
}

/** points → ExcelJS column width in characters (7 px a character, 5 px padding) */
function widthInChars(points: number): number {
  return Math.max(4, Math.round(((points / 0.75 - 5) / 7) * 10) / 10);
}

/** empties an area left by an earlier run and drops the conditional formats on it */
export function clearArea(sheet: ExcelJS.Worksheet, area: Area): void {
  for (let r = area.row; r < area.row + area.rows; r++) {
    const row = sheet.getRow(r + 1);
    for (let c = area.col; c < area.col + area.cols; c++) {
      const cell = row.getCell(c + 1);
      cell.value = null;
      cell.style = STYLES.plain as Partial<ExcelJS.Style>;
    }
  }
  sheet.removeConditionalFormatting((cf: ExcelJS.ConditionalFormattingOptions) => {
    const target = refArea(cf.ref.split(/\s+/)[0] ?? "");
    return !(target && overlaps(target, area));
  });
}

/**
 * The own columns' widths in characters: the plan's when it suggests some, otherwise each column as wide
 * as its header and its longest text (at most OWN_COLUMN_MAX_WIDTH), so nothing is cut off on screen or
 * in print. The core writes its texts composed (NFC), so a text's length is its width in letters.
 */
function ownColumnWidths(plan: SheetPlan): number[] {
  if (plan.columnWidths.length > 0) return plan.columnWidths.map(widthInChars);
  const widths = new Array<number>(plan.own.cols).fill(0);
  for (const block of plan.writes)
    for (const rowValues of block.values)
      rowValues.forEach((value, j) => {
        const c = block.col + j - plan.own.col;
        if (value !== null && c >= 0 && c < widths.length)
          widths[c] = Math.max(widths[c]!, String(value).length);
      });
  return widths.map((w) => Math.min(w, OWN_COLUMN_MAX_WIDTH) + 2);
}

/**
 * Writes one sheet's own block and rules, and widens the own columns unless the user set a width there
 * (a column that was the add-in's before — `regrading` — is the add-in's to size).
 */
function applySheetPlan(sheet: ExcelJS.Worksheet, plan: SheetPlan, regrading: boolean): void {
  for (const block of plan.writes) {
    block.values.forEach((rowValues, i) => {
      const row = sheet.getRow(block.row + i + 1);
      const header = block.row + i === plan.own.row;
      rowValues.forEach((value, j) => {
        const long = typeof value === "string" && value.length > OWN_COLUMN_MAX_WIDTH;
        writeCell(row.getCell(block.col + j + 1), value, header, long);
      });
    });
  }
  addConditionalFormats(sheet, plan.formats);
  ownColumnWidths(plan).forEach((width, j) => {
    const column = sheet.getColumn(plan.own.col + j + 1);
    if (regrading || column.width === undefined) column.width = width;
  });
}

/** the sheet a mark (a workbook name) points at, when that sheet exists */
function markedSheet(workbook: ExcelJS.Workbook, mark: string): string | null {
  for (const ref of workbook.definedNames.getRanges(mark).ranges) {
    const name = sheetOfReference(ref);
    if (name !== null && workbook.getWorksheet(name)) return name;
  }
  return null;
}

/** the add-in's own sheets found by their marks (report/own-sheets.ts) */
export function readMarks(workbook: ExcelJS.Workbook): OwnSheetMarks {
  return { summary: markedSheet(workbook, SUMMARY_MARK), criteria: markedSheet(workbook, CRITERIA_MARK) };
}

/** removes a mark wherever it points (also at a sheet that is gone) */
function removeMark(workbook: ExcelJS.Workbook, mark: string): void {
  for (const ref of workbook.definedNames.getRanges(mark).ranges) workbook.definedNames.remove(ref, mark);
}

/** marks a sheet as the add-in's: the workbook name `mark` on its A1, and nowhere else */
function addMark(workbook: ExcelJS.Workbook, mark: string, sheet: string): void {
  removeMark(workbook, mark);
  workbook.definedNames.add(referenceToA1(sheet), mark);
}

/** ExcelJS's paper size number of A4 */
const PAPER_A4 = 9;
const THIN = Object.freeze({ style: "thin" as const, color: Object.freeze({ argb: "FFA6A6A6" }) });
const BORDER = Object.freeze({ top: THIN, left: THIN, bottom: THIN, right: THIN });
const HEADER_FILL = Object.freeze({
  type: "pattern" as const,
  pattern: "solid" as const,
  fgColor: Object.freeze({ argb: "FFDDEBF7" }),
});
/** the height of one line of 11-point text, in points */
const LINE_POINTS = 15;
/** a table's share cells */
export const PERCENT_FORMAT = "0.0%";

/**
 * The styles of the summary sheet's table cells, one frozen object per combination (header or body, text
 * format, percent), shared by every cell that has it, for the reason given at STYLES.
 */
const tableStyles = new Map<string, Partial<ExcelJS.Style>>();
function tableStyle(
  kind: "header" | "bold" | "body",
  asText: boolean,
  percent: boolean,
): Partial<ExcelJS.Style> {
  const key = `${kind}${asText ? "t" : ""}${percent ? "p" : ""}`;
  let style = tableStyles.get(key);
  if (!style) {
    const header = kind === "header";
    style = Object.freeze({
      border: BORDER,
      alignment: Object.freeze({ wrapText: true, vertical: header ? ("middle" as const) : ("top" as const) }),
      ...(kind !== "body" ? { font: Object.freeze({ bold: true }) } : {}),
      ...(header ? { fill: HEADER_FILL } : {}),
      ...(asText ? { numFmt: "@" } : percent ? { numFmt: PERCENT_FORMAT } : {}),
    }) as Partial<ExcelJS.Style>;
    tableStyles.set(key, style);
  }
  return style;
}

function inArea(area: Area, row: number, col: number): boolean {
  return row >= area.row && row < area.row + area.rows && col >= area.col && col < area.col + area.cols;
}

/**
 * Writes the summary sheet: values, bold rows, the layout's tables (bordered, wrapped, headers filled),
 * shares as percentages, the rules, widths, the frozen title block and the page setup (A4 landscape, one
 * page wide, the title block repeated on every page).
 */
function writeSummary(workbook: ExcelJS.Workbook, plan: SummaryPlan, mark = SUMMARY_MARK): void {
  const sheet = workbook.addWorksheet(plan.sheet || SUMMARY_SHEET);
  addMark(workbook, mark, sheet.name);
  const bold = new Set(plan.boldRows);
  const layout = plan.layout;
  plan.values.forEach((rowValues, r) => {
    const row = sheet.getRow(r + 1);
    rowValues.forEach((value, c) => {
      if (value === null) return;
      writeCell(row.getCell(c + 1), value, bold.has(r));
    });
  });
  for (const table of layout?.tables ?? []) {
    const { row: top, rows, cols } = table.area;
    for (let r = top; r < top + rows; r++) {
      const row = sheet.getRow(r + 1);
      const kind = r < top + table.headerRows ? "header" : bold.has(r) ? "bold" : "body";
      for (let c = table.area.col; c < table.area.col + cols; c++) {
        const value = plan.values[r]?.[c] ?? null;
        const asText = typeof value === "string" && looksLikeFormula(value);
        const percent = typeof value === "number" && layout!.percent.some((a) => inArea(a, r, c));
        const cell = row.getCell(c + 1);
        cell.style = tableStyle(kind, asText, percent);
      }
    }
  }
  addConditionalFormats(sheet, plan.formats);
  plan.columnWidths.forEach((w, j) => (sheet.getColumn(j + 1).width = widthInChars(w)));
  if (layout) {
    layout.rowLines.forEach((lines, r) => {
      if (lines > 1) sheet.getRow(r + 1).height = lines * LINE_POINTS + 2;
    });
    if (layout.frozenRows > 0) sheet.views = [{ state: "frozen", xSplit: 0, ySplit: layout.frozenRows }];
    const titles = layout.print.titleRows;
    Object.assign(sheet.pageSetup, {
      paperSize: PAPER_A4,
      orientation: layout.print.orientation,
      fitToPage: true,
      fitToWidth: layout.print.fitToWidth,
      fitToHeight: 0,
      printTitlesRow: `${titles.row + 1}:${titles.row + titles.rows}`,
    });
  }
}

/** removes the add-in's summary sheet (`name`: the one its mark or an earlier version's title made known) */
export function removeSummarySheet(workbook: ExcelJS.Workbook, name: string | null): void {
  const existing = name === null ? undefined : workbook.getWorksheet(name);
  if (existing) workbook.removeWorksheet(existing.id);
  removeMark(workbook, SUMMARY_MARK);
}

/**
 * Applies an edit plan: clears the own areas of an earlier run (`previous`), writes each sheet's own block
 * as literal values, adds the status rules, and replaces the add-in's summary sheet (`ownSummary`, never a
 * user's sheet bearing its name: the plan names a free one then), marking the new one. Charts are not written
 * (ExcelJS cannot create them). `summaryMark` marks a criteria sheet written through the summary's plan.
 */
export function applyEditPlan(
  workbook: ExcelJS.Workbook,
  plan: EditPlan,
  previous: readonly { sheet: string; own: Area }[] = [],
  ownSummary: string | null = null,
  summaryMark: string = SUMMARY_MARK,
): void {
  for (const old of previous) {
    const sheet = workbook.getWorksheet(old.sheet);
    if (sheet) clearArea(sheet, old.own);
  }
  const regraded = new Set(previous.map((p) => p.sheet));
  for (const sheetPlan of plan.sheets) {
    const sheet = workbook.getWorksheet(sheetPlan.sheet);
    if (!sheet) continue;
    applySheetPlan(sheet, sheetPlan, regraded.has(sheetPlan.sheet));
  }
  removeSummarySheet(workbook, ownSummary);
  if (plan.summary) writeSummary(workbook, plan.summary, summaryMark);
}
