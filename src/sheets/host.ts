/**
 * The Apps Script adapter: reads grids with a constant number of service calls per sheet, hands them to the
 * core, and applies the core's edit plan. Nothing here decides a grade.
 *
 * Calls per annex sheet (docs/sheets.md, "Lời gọi dịch vụ"): reading 4 (name, data range, values, number
 * formats); writing the own block 2 (range, values), plus 1 the first time (plain-text format); the own
 * conditional-format rules 2 (read the sheet's rules, set them back with ours), only when the own block is new or
 * has moved or grown. Callers do every read of a sheet (and of a chunk of sheets) before its writes, so Apps
 * Script's write cache is sent once.
 */
import {
  a1,
  BUILTIN_SETS,
  mergesWanted,
  parseA1,
  type Area,
  type GradeOptions,
  type ConditionalFormat,
  type Grid,
  type PlanCell,
  type SheetPlan,
  type SummaryLayout,
  type SummaryPlan,
} from "../../shared";
import type { SheetInput } from "../../shared/report/workbook";
import { isOwnRule, ownRuleFormula } from "./rules";

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
  /** the data range the grid was read from (its merged ranges are asked only when the table needs them) */
  readonly range?: Range;
}

/** plain text: what the add-in writes is never parsed as a number, a date or a formula */
export const TEXT_FORMAT = "@";

/** reads one sheet: 4 service calls whatever its size (3 when the name is known) */
export function readSheet(sheet: Sheet, name = sheet.getName()): ReadSheet {
  const range = sheet.getDataRange();
  const values = range.getValues();
  const formats = range.getNumberFormats();
  const grid: Grid = { values, formats };
  return { sheet, input: { name, grid }, range };
}

/**
 * Adds to a sheet read the merged areas that could change how its table reads, only when `mergesWanted` says
 * the table has empty target, unit or result cells under a filled one (what a value merged over several rows
 * looks like without its merge): 1 call (the data range's merged ranges) and 1 per merged range for its place
 * (counted by the tests' fake; likely computed without the server in Apps Script). None for any other sheet.
 */
export function withMerges(read: ReadSheet, options: GradeOptions): ReadSheet {
  const { name, grid } = read.input;
  if (!read.range) return read;
  const area = mergesWanted(name, grid, {
    sets: options.sets ?? BUILTIN_SETS,
    ...(options.setId !== undefined ? { setId: options.setId } : {}),
    ...(options.year !== undefined ? { year: options.year } : {}),
  });
  if (!area) return read;
  const merges: Area[] = [];
  for (const range of read.range.getMergedRanges()) {
    const m = areaOfA1(range.getA1Notation());
    // over several rows, or across the target and result columns (`Chưa triển khai` written over both)
    if (m && (m.rows > 1 || m.cols > 1)) merges.push(m);
  }
  return { ...read, input: { ...read.input, grid: { ...grid, merges } } };
}

/** the 0-based area of an A1 range (`E6:E7`, `E6`) */
function areaOfA1(notation: string): Area | null {
  const [from, to = from] = notation.replace(/\$/g, "").split(":");
  const a = parseA1(from ?? "");
  const b = parseA1(to ?? "");
  return a && b ? { row: a.row, col: a.col, rows: b.row - a.row + 1, cols: b.col - a.col + 1 } : null;
}

/**
 * Reads a sheet's values only (what clearing needs to find the own columns): its name and getSheetValues,
 * 2 calls. getSheetValues refuses an empty sheet; the data range (2 calls more) reads that one.
 */
export function readSheetValues(sheet: Sheet, name = sheet.getName()): ReadSheet {
  let values: unknown[][];
  try {
    values = sheet.getSheetValues(1, 1, -1, -1);
  } catch {
    values = sheet.getDataRange().getValues();
  }
  return { sheet, input: { name, grid: { values: values as Grid["values"] } } };
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

/** the own rules on an annex sheet's own block (`range`), one per status of the plan's formats */
function ownRules(range: Range, own: Area, formats: readonly ConditionalFormat[]): Rule[] {
  const rules: Rule[] = [];
  for (const format of formats)
    for (const rule of format.rules)
      rules.push(
        SpreadsheetApp.newConditionalFormatRule()
          .whenFormulaSatisfied(ownRuleFormula(own.col, own.row, rule.text))
          .setBackground(rule.fill)
          .setFontColor(rule.font)
          .setRanges([range])
          .build(),
      );
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

/** Apps Script's words when a range lies beyond the sheet's last row or column */
function isOutsideSheet(error: unknown): boolean {
  return /outside the dimensions of the sheet/i.test(errorText(error));
}

/**
 * The own block's range. A sheet narrower than the own columns (rare: new sheets have 26 columns) refuses the
 * range; then, and only then, columns are added.
 */
function ownRange(sheet: Sheet, area: Area): Range {
  try {
    return rangeOf(sheet, area);
  } catch (error) {
    if (!isOutsideSheet(error)) throw error;
    ensureColumns(sheet, area.col + area.cols - 1);
    return rangeOf(sheet, area);
  }
}

function sameArea(a: Area | null, b: Area): boolean {
  return a !== null && a.row === b.row && a.col === b.col && a.rows === b.rows && a.cols === b.cols;
}

/**
 * True when grading must set the sheet's conditional-format rules: the own block is new, or has moved or
 * changed size since the last grading (`previous`, found in the sheet's values). Otherwise the rules written
 * then still cover it (Sheets moves and stretches a rule's range with the rows and columns of its block).
 */
export function needsOwnRules(previous: Area | null, plan: SheetPlan): boolean {
  return plan.formats.length > 0 && !sameArea(previous, plan.own);
}

/** true when every cell of the block is already plain text in the grid read (a re-grading in place) */
function isPlainText(grid: Grid, area: Area): boolean {
  for (let r = area.row; r < area.row + area.rows; r++)
    for (let c = area.col; c < area.col + area.cols; c++)
      if (grid.formats?.[r]?.[c] !== TEXT_FORMAT) return false;
  return true;
}

/** what applySheetPlan needs to know from the reads, all done before any write */
export interface SheetWriteContext {
  /** the grid read before grading */
  readonly grid: Grid;
  /** the own block found in that grid (the last grading's), or null */
  readonly previous: Area | null;
  /** the sheet's rules, read when {@link needsOwnRules}; null: leave the rules as they are */
  readonly rules: readonly Rule[] | null;
}

/**
 * Applies one annex sheet's plan: the own block as plain text, and, when the block is new or changed, the
 * sheet's rules with ours replaced. Service calls: getRange, setValues; setNumberFormat when a cell of the block
 * is not plain text yet; setConditionalFormatRules when `rules` were read. No read.
 */
export function applySheetPlan(sheet: Sheet, plan: SheetPlan, context: SheetWriteContext): void {
  const where = areaA1(plan.own);
  const block = plan.writes[0];
  const rows = block ? block.values.length : 0;
  const cols = rows > 0 ? block!.values[0]!.length : 0;
  if (!block || rows === 0 || cols === 0) return;
  const area = { row: block.row, col: block.col, rows, cols };
  const range = guarded(plan.sheet, where, () => ownRange(sheet, area));
  guarded(plan.sheet, where, () => {
    if (!isPlainText(context.grid, area)) range.setNumberFormat(TEXT_FORMAT);
    range.setValues(textBlock(block.values));
  });
  if (context.rules === null) return;
  const statusColumns = context.previous ? [plan.own.col, context.previous.col] : [plan.own.col];
  const kept = context.rules.filter((rule) => !isOwnRule(rule, statusColumns));
  const ownArea = sameArea(area, plan.own) ? range : rangeOf(sheet, plan.own);
  guarded(plan.sheet, where, () =>
    sheet.setConditionalFormatRules([...kept, ...ownRules(ownArea, plan.own, plan.formats)]),
  );
}

/**
 * Empties one sheet's own block and removes the own rules found among `rules` (read before): getRange, clear,
 * and setConditionalFormatRules when there was a rule of ours.
 */
export function applyClearSheet(sheet: Sheet, name: string, own: Area, rules: readonly Rule[]): void {
  guarded(name, areaA1(own), () => rangeOf(sheet, own).clear());
  const kept = rules.filter((rule) => !isOwnRule(rule, [own.col]));
  if (kept.length !== rules.length) guarded(name, areaA1(own), () => sheet.setConditionalFormatRules(kept));
}

/** a share held as a fraction, shown as a percentage */
export const PERCENT_FORMAT = "0.0%";
const BORDER_COLOR = "#a6a6a6";
const HEADER_FILL = "#ddebf7";

function inArea(area: Area, row: number, col: number): boolean {
  return row >= area.row && row < area.row + area.rows && col >= area.col && col < area.col + area.cols;
}

/** summary cells: strings as plain text, numbers as numbers (the chart reads them), shares as percentages */
function summaryFormats(values: readonly (readonly PlanCell[])[], percent: readonly Area[]): string[][] {
  return values.map((row, r) =>
    row.map((v, c) =>
      typeof v === "number"
        ? percent.some((a) => inArea(a, r, c))
          ? PERCENT_FORMAT
          : Number.isInteger(v)
            ? "0"
            : "0.0"
        : TEXT_FORMAT,
    ),
  );
}

/**
 * The summary sheet's tables bordered and wrapped, their headers filled, the title block frozen: a range list
 * for all the tables and one for their headers, so the calls do not grow with the tables. Sheets fits row
 * heights to wrapped text itself. Apps Script has no page-setup API: printing is set in File › Print.
 */
function applySummaryLayout(sheet: Sheet, layout: SummaryLayout): void {
  const tables = layout.tables.filter((t) => t.area.rows > 0 && t.area.cols > 0);
  if (tables.length > 0) {
    const all = sheet.getRangeList(tables.map((t) => areaA1(t.area)));
    all.setBorder(true, true, true, true, true, true, BORDER_COLOR, SpreadsheetApp.BorderStyle.SOLID);
    all.setWrap(true);
    all.setVerticalAlignment("top");
    const headers = tables.filter((t) => t.headerRows > 0);
    if (headers.length > 0) {
      const list = sheet.getRangeList(headers.map((t) => areaA1({ ...t.area, rows: t.headerRows })));
      list.setBackground(HEADER_FILL);
      list.setVerticalAlignment("middle");
    }
  }
  if (layout.frozenRows > 0) sheet.setFrozenRows(layout.frozenRows);
}

/** column widths in points, a call per run of equal widths */
function setColumnWidths(sheet: Sheet, widths: readonly number[]): void {
  const pixels = widths.map((w) => Math.round((w * 4) / 3));
  for (let start = 0; start < pixels.length;) {
    let end = start + 1;
    while (end < pixels.length && pixels[end] === pixels[start]) end++;
    if (end - start === 1) sheet.setColumnWidth(start + 1, pixels[start]!);
    else sheet.setColumnWidths(start + 1, end - start, pixels[start]!);
    start = end;
  }
}

/** a new sheet's size in Sheets */
const NEW_SHEET_ROWS = 1000;
const NEW_SHEET_COLUMNS = 26;

/** what writing the summary sheet needs to know, read before any write */
export interface SummaryTarget {
  /** the summary sheet when it exists (it is emptied and written again) */
  readonly existing: Sheet | null;
  /** its charts, to remove */
  readonly charts: readonly GoogleAppsScript.Spreadsheet.EmbeddedChart[];
  readonly maxRows: number;
  readonly maxCols: number;
  /** for a new summary sheet: the active sheet, activated again after the insertion, and the sheets' count */
  readonly active: Sheet | null;
  readonly sheetCount: number;
}

/**
 * Reads what writing the summary sheet needs: for an existing one its charts and size (3 calls), for a new one
 * the active sheet and, unless known from getSheets, the number of sheets (1–2 calls).
 */
export function readSummaryTarget(
  spreadsheet: Spreadsheet,
  existing: Sheet | null,
  sheetCount: number | null,
  active?: Sheet | null,
): SummaryTarget {
  if (existing)
    return {
      existing,
      charts: existing.getCharts(),
      maxRows: existing.getMaxRows(),
      maxCols: existing.getMaxColumns(),
      active: null,
      sheetCount: sheetCount ?? 0,
    };
  return {
    existing: null,
    charts: [],
    maxRows: NEW_SHEET_ROWS,
    maxCols: NEW_SHEET_COLUMNS,
    active: active ?? spreadsheet.getActiveSheet(),
    sheetCount: sheetCount ?? spreadsheet.getNumSheets(),
  };
}

/**
 * Writes the summary sheet, creating it at the end (and giving the focus back) or emptying the existing one.
 * Writes only (the reads are in `target`); a constant number of calls, whatever the number of sheets graded.
 */
export function applySummaryPlan(spreadsheet: Spreadsheet, target: SummaryTarget, plan: SummaryPlan): Sheet {
  let sheet: Sheet;
  if (target.existing) {
    sheet = target.existing;
    guarded(plan.sheet, "toàn trang", () => sheet.clear());
    for (const chart of target.charts) sheet.removeChart(chart);
  } else {
    sheet = spreadsheet.insertSheet(plan.sheet, target.sheetCount);
    target.active?.activate();
  }
  const rows = plan.values.length;
  const cols = plan.values.reduce((w, r) => Math.max(w, r.length), 0);
  if (rows > 0 && cols > 0) {
    if (cols > target.maxCols) sheet.insertColumnsAfter(target.maxCols, cols - target.maxCols);
    if (rows > target.maxRows) sheet.insertRowsAfter(target.maxRows, rows - target.maxRows);
    const padded = plan.values.map((r) => [...r, ...Array<PlanCell>(cols - r.length).fill(null)]);
    const range = sheet.getRange(1, 1, rows, cols);
    range.setNumberFormats(summaryFormats(padded, plan.layout?.percent ?? []));
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
  if (plan.layout && rows > 0 && cols > 0) applySummaryLayout(sheet, plan.layout);
  setColumnWidths(sheet, plan.columnWidths);
  return sheet;
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

// ---------------------------------------------------------------------------------------------
// the add-in's own sheets, known by a mark (report/own-sheets.ts): a named range on A1

/** the sheet a mark (named range) is on, or null: 1 call, 2 when the mark exists */
export function markedSheet(spreadsheet: Spreadsheet, mark: string): Sheet | null {
  const range = spreadsheet.getRangeByName(mark);
  return range ? range.getSheet() : null;
}

/** marks `sheet` as the add-in's: the named range `mark` on its A1 (2 calls) */
export function markSheet(spreadsheet: Spreadsheet, mark: string, sheet: Sheet): void {
  spreadsheet.setNamedRange(mark, sheet.getRange(1, 1));
}

/** `base`, else `base (2)` … : the first name no sheet bears (1 call a name tried) */
export function freeName(spreadsheet: Spreadsheet, base: string): string {
  if (!spreadsheet.getSheetByName(base)) return base;
  for (let n = 2; ; n++) if (!spreadsheet.getSheetByName(`${base} (${n})`)) return `${base} (${n})`;
}
