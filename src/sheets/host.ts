/**
 * The Apps Script adapter: reads grids with a constant number of service calls per sheet, hands them to the
 * core, and applies the core's edit plan. Nothing here decides a grade.
 */
import {
  a1,
  type Area,
  type ConditionalFormat,
  type EditPlan,
  type Grid,
  type PlanCell,
  type SheetPlan,
  type SummaryPlan,
} from "../../shared";
import type { SheetInput } from "../../shared/report/workbook";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

/** a Vietnamese message meant for the user as it is */
export class UserError extends Error {
  override readonly name = "UserError";
}

/** one sheet read: the Apps Script object and the grid the core reads */
export interface ReadSheet {
  readonly sheet: Sheet;
  readonly input: SheetInput;
}

/** plain text: what the add-in writes is never parsed as a number, a date or a formula */
export const TEXT_FORMAT = "@";

/** reads one sheet: 4 service calls whatever its size */
export function readSheet(sheet: Sheet): ReadSheet {
  const name = sheet.getName();
  const range = sheet.getDataRange();
  const values = range.getValues();
  const formats = range.getNumberFormats();
  const grid: Grid = { values, formats };
  return { sheet, input: { name, grid } };
}

/** reads every sheet (one getSheets call, then 4 calls per sheet) */
export function readAllSheets(spreadsheet: Spreadsheet): ReadSheet[] {
  return spreadsheet.getSheets().map(readSheet);
}

/** `A1:B3` of a 0-based area */
export function areaA1(area: Area): string {
  const start = a1(area.row, area.col);
  if (area.rows === 1 && area.cols === 1) return start;
  return `${start}:${a1(area.row + area.rows - 1, area.col + area.cols - 1)}`;
}

function rangeOf(sheet: Sheet, area: Area): Range {
  return sheet.getRange(area.row + 1, area.col + 1, area.rows, area.cols);
}

function areaOfRange(range: Range): Area {
  return {
    row: range.getRow() - 1,
    col: range.getColumn() - 1,
    rows: range.getNumRows(),
    cols: range.getNumColumns(),
  };
}

function overlaps(a: Area, b: Area): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

function contains(outer: Area, inner: Area): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.rows <= outer.row + outer.rows &&
    inner.col + inner.cols <= outer.col + outer.cols
  );
}

const PROTECTED_HINT =
  "Hãy nhờ chủ bảng tính gỡ bảo vệ hoặc thêm bạn vào danh sách người được sửa, rồi thực hiện lại.";

/** the Vietnamese message for a write blocked by protection */
export function protectedMessage(sheet: string, area: string, description = ""): string {
  const what = description ? ` "${description}"` : "";
  return `Không ghi được vào trang "${sheet}", vùng ${area}: vùng này được bảo vệ${what} và bạn không có quyền sửa. ${PROTECTED_HINT}`;
}

/** Apps Script's own words when a write hits a protected range */
function isProtectionError(error: unknown): boolean {
  return /protected cell or object/i.test(errorText(error));
}

/** the message of anything thrown (service errors need not be instances of this realm's Error) */
export function errorText(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === "string" ? message : String(error);
}

/** a place the add-in is about to write */
export interface WriteTarget {
  readonly sheet: string;
  /** null: the whole sheet (the summary sheet, replaced as a whole) */
  readonly area: Area | null;
}

/**
 * Throws a UserError before anything is written when a write would hit a range or sheet the user may not edit.
 * Two service calls for the whole spreadsheet, plus a few per protection (none per row).
 */
export function checkProtections(spreadsheet: Spreadsheet, targets: readonly WriteTarget[]): void {
  if (targets.length === 0) return;
  const types = [SpreadsheetApp.ProtectionType.RANGE, SpreadsheetApp.ProtectionType.SHEET];
  for (const type of types) {
    for (const protection of spreadsheet.getProtections(type)) {
      if (protection.canEdit() || protection.isWarningOnly()) continue;
      const range = protection.getRange();
      const sheet = range.getSheet().getName();
      const hits = targets.filter((t) => t.sheet === sheet);
      if (hits.length === 0) continue;
      const isSheet = type === SpreadsheetApp.ProtectionType.SHEET;
      const shielded = isSheet ? null : areaOfRange(range);
      const open = isSheet ? protection.getUnprotectedRanges().map(areaOfRange) : [];
      for (const hit of hits) {
        const blocked =
          hit.area === null
            ? true
            : shielded
              ? overlaps(shielded, hit.area)
              : !open.some((free) => contains(free, hit.area as Area));
        if (blocked) {
          const where = hit.area ? areaA1(hit.area) : "toàn trang";
          throw new UserError(protectedMessage(sheet, where, protection.getDescription()));
        }
      }
    }
  }
}

/** runs a write, turning Apps Script's protection error into the Vietnamese message */
function guarded<T>(sheet: string, area: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (isProtectionError(error)) throw new UserError(protectedMessage(sheet, area));
    throw error;
  }
}

/** true for a rule of ours: every range it applies to lies in the given columns (0-based, inclusive) */
function isOwnRule(rule: Rule, firstCol: number, lastCol: number): boolean {
  const ranges = rule.getRanges();
  if (ranges.length === 0) return false;
  return ranges.every((r) => {
    const first = r.getColumn() - 1;
    return first >= firstCol && first + r.getNumColumns() - 1 <= lastCol;
  });
}

function buildRules(sheet: Sheet, formats: readonly ConditionalFormat[]): Rule[] {
  const rules: Rule[] = [];
  for (const format of formats) {
    const range = rangeOf(sheet, format.area);
    for (const rule of format.rules) {
      rules.push(
        SpreadsheetApp.newConditionalFormatRule()
          .whenTextEqualTo(rule.text)
          .setBackground(rule.fill)
          .setFontColor(rule.font)
          .setRanges([range])
          .build(),
      );
    }
  }
  return rules;
}

function textBlock(values: readonly (readonly PlanCell[])[]): (string | number)[][] {
  return values.map((row) => row.map((v) => (v === null ? "" : v)));
}

/** makes room when the own columns lie beyond the sheet's last column (new sheets have 26) */
function ensureColumns(sheet: Sheet, lastCol: number): void {
  const max = sheet.getMaxColumns();
  if (lastCol + 1 > max) sheet.insertColumnsAfter(max, lastCol + 1 - max);
}

/** makes room for a summary longer than the sheet (new sheets have 1,000 rows) */
function ensureRows(sheet: Sheet, lastRow: number): void {
  const max = sheet.getMaxRows();
  if (lastRow + 1 > max) sheet.insertRowsAfter(max, lastRow + 1 - max);
}

/**
 * Applies one annex sheet's plan: one block in plain-text format, our rules appended to the user's.
 * Service calls: getMaxColumns, getRange, setNumberFormat, setValues per block; getConditionalFormatRules,
 * setConditionalFormatRules once (plus getRanges per existing rule).
 */
export function applySheetPlan(sheet: Sheet, plan: SheetPlan): void {
  const where = areaA1(plan.own);
  ensureColumns(sheet, plan.own.col + plan.own.cols - 1);
  for (const block of plan.writes) {
    const rows = block.values.length;
    const cols = rows > 0 ? block.values[0]!.length : 0;
    if (rows === 0 || cols === 0) continue;
    const range = rangeOf(sheet, { row: block.row, col: block.col, rows, cols });
    guarded(plan.sheet, where, () => {
      range.setNumberFormat(TEXT_FORMAT);
      range.setValues(textBlock(block.values));
    });
  }
  const lastCol = plan.own.col + plan.own.cols - 1;
  const kept = sheet.getConditionalFormatRules().filter((rule) => !isOwnRule(rule, plan.own.col, lastCol));
  guarded(plan.sheet, where, () =>
    sheet.setConditionalFormatRules([...kept, ...buildRules(sheet, plan.formats)]),
  );
}

/** removes our rules (those lying in the own columns); one get and at most one set */
function removeOwnRules(sheet: Sheet, own: Area): void {
  const rules = sheet.getConditionalFormatRules();
  const kept = rules.filter((rule) => !isOwnRule(rule, own.col, own.col + own.cols - 1));
  if (kept.length !== rules.length) sheet.setConditionalFormatRules(kept);
}

/** summary cells: strings as plain text, numbers as numbers (the chart reads them) */
function summaryFormats(values: readonly (readonly PlanCell[])[]): string[][] {
  return values.map((row) =>
    row.map((v) => (typeof v === "number" ? (Number.isInteger(v) ? "0" : "0.0") : TEXT_FORMAT)),
  );
}

/**
 * Writes the summary sheet, creating it at the end (and giving the focus back) or emptying the existing one.
 * A constant number of calls, whatever the number of sheets graded.
 */
export function applySummaryPlan(spreadsheet: Spreadsheet, existing: Sheet | null, plan: SummaryPlan): Sheet {
  let sheet: Sheet;
  if (existing) {
    sheet = existing;
    guarded(plan.sheet, "toàn trang", () => sheet.clear());
    for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  } else {
    const active = spreadsheet.getActiveSheet();
    sheet = spreadsheet.insertSheet(plan.sheet, spreadsheet.getNumSheets());
    active.activate();
  }
  const rows = plan.values.length;
  const cols = plan.values.reduce((w, r) => Math.max(w, r.length), 0);
  if (rows > 0 && cols > 0) {
    ensureColumns(sheet, cols - 1);
    ensureRows(sheet, rows - 1);
    const padded = plan.values.map((r) => [...r, ...Array<PlanCell>(cols - r.length).fill(null)]);
    const range = sheet.getRange(1, 1, rows, cols);
    range.setNumberFormats(summaryFormats(padded));
    range.setValues(textBlock(padded));
    const bold = new Set(plan.boldRows);
    range.setFontWeights(padded.map((_, r) => padded[0]!.map(() => (bold.has(r) ? "bold" : "normal"))));
  }
  sheet.setConditionalFormatRules(buildRules(sheet, plan.formats));
  for (const chart of plan.charts) {
    const data = rangeOf(sheet, chart.data);
    sheet.insertChart(
      sheet
        .newChart()
        .asColumnChart()
        .setTitle(chart.title)
        .addRange(data)
        .setNumHeaders(1)
        .setPosition(chart.data.row + 1, cols + 2, 0, 0)
        .build(),
    );
  }
  // points → pixels
  plan.columnWidths.forEach((w, i) => sheet.setColumnWidth(i + 1, Math.round((w * 4) / 3)));
  return sheet;
}

/** applies a whole edit plan: checks protections first so that nothing is half-written */
export function applyPlan(
  spreadsheet: Spreadsheet,
  read: readonly ReadSheet[],
  summarySheet: Sheet | null,
  plan: EditPlan,
): void {
  const byName = new Map(read.map((r) => [r.input.name, r.sheet]));
  const targets: WriteTarget[] = plan.sheets.map((p) => ({ sheet: p.sheet, area: p.own }));
  if (plan.summary && summarySheet) targets.push({ sheet: plan.summary.sheet, area: null });
  checkProtections(spreadsheet, targets);
  for (const sheetPlan of plan.sheets) {
    const sheet = byName.get(sheetPlan.sheet);
    if (!sheet) throw new UserError(`Không tìm thấy trang "${sheetPlan.sheet}" để ghi kết quả.`);
    applySheetPlan(sheet, sheetPlan);
  }
  if (plan.summary) applySummaryPlan(spreadsheet, summarySheet, plan.summary);
}

/** empties the own columns of each sheet and removes our rules there; deletes the summary sheet */
export function applyClear(
  spreadsheet: Spreadsheet,
  read: readonly ReadSheet[],
  clear: { sheets: readonly { sheet: string; own: Area }[]; summarySheet: string | null },
): void {
  const byName = new Map(read.map((r) => [r.input.name, r.sheet]));
  const targets: WriteTarget[] = clear.sheets.map((c) => ({ sheet: c.sheet, area: c.own }));
  if (clear.summarySheet) targets.push({ sheet: clear.summarySheet, area: null });
  checkProtections(spreadsheet, targets);
  for (const { sheet: name, own } of clear.sheets) {
    const sheet = byName.get(name);
    if (!sheet) continue;
    guarded(name, areaA1(own), () => rangeOf(sheet, own).clear());
    removeOwnRules(sheet, own);
  }
  const summary = clear.summarySheet ? byName.get(clear.summarySheet) : undefined;
  if (summary) spreadsheet.deleteSheet(summary);
}

/** activates a sheet and selects a cell given as A1 */
export function selectCell(spreadsheet: Spreadsheet, sheetName: string, cell: string): void {
  const sheet = spreadsheet.getSheetByName(sheetName);
  if (!sheet)
    throw new UserError(`Không tìm thấy trang "${sheetName}": có thể trang đã bị đổi tên hoặc xóa.`);
  if (!/^[A-Z]{1,3}\d+$/.test(cell)) throw new UserError(`Địa chỉ ô "${cell}" không hợp lệ.`);
  sheet.activate();
  sheet.setActiveRange(sheet.getRange(cell));
}
