/**
 * The add-on's entry points. webpack exposes this module as `CdsSheets`; src/sheets/globals.js declares the
 * top-level functions Apps Script calls (menu, sidebar, CDS_DAT) and forwards to these.
 */
import {
  BUILTIN_SETS,
  COMPLETE_LABEL,
  CRITERIA_SHEET,
  INCOMPLETE_LABEL,
  SUMMARY_SHEET,
  a1,
  detectAnnexes,
  findSet,
  gradeWorkbook,
  isCriteriaSheet,
  isSummarySheet,
  planClear,
  planCriteriaSheet,
  rankingTable,
  type SheetReport,
  type WorkbookReport,
} from "../../shared";
import type { GradeOptions } from "../../shared/report/workbook";
import { cdsDatCells, type CellArgument } from "./custom-function";
import {
  UserError,
  applyClear,
  applySummaryPlan,
  errorText,
  applyPlan,
  readAllSheets,
  readSheet,
  selectCell as select,
  type ReadSheet,
} from "./host";
import type { ClearReport, SidebarOptions, SidebarReport, SidebarSheet, SidebarState } from "./report";

/** the menu: label → top-level function name in globals.js */
export const MENU_ITEMS: readonly (readonly [string, string])[] = [
  ["Chấm điểm trang này", "gradeActiveSheet"],
  ["Chấm điểm tất cả", "gradeAllSheets"],
  ["Xóa kết quả", "clearResults"],
  ["Tạo trang Bộ tiêu chí", "createCriteriaSheet"],
  ["Mở bảng điều khiển", "showSidebar"],
];

export const SIDEBAR_TITLE = "Chấm điểm CĐS";
const MESSAGE_TITLE = "CĐS";

/**
 * Adds the menu. createAddonMenu works in both cases: as a published editor add-on the submenu under
 * Extensions carries the add-on's name; in a bound script it carries the project's name ("CĐS").
 * Nothing else runs here, so it works in AuthMode.NONE.
 */
export function onOpen(_e?: unknown): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const [label, fn] of MENU_ITEMS) menu.addItem(label, fn);
  menu.addToUi();
}

/** an add-on installed from the Marketplace gets its menu at once, without reopening the file */
export function onInstall(e?: unknown): void {
  onOpen(e);
}

/** our own messages as they are; anything else (a service failure, a bug) wrapped in a Vietnamese sentence */
export function userMessage(error: unknown, action: string): string {
  if (error instanceof UserError) return error.message;
  return `Không ${action} được do lỗi ngoài dự kiến: ${errorText(error)}. Hãy thử lại; nếu vẫn lỗi, gửi nội dung này cho người quản trị.`;
}

/** runs an entry point, rethrowing any failure as an Error with a Vietnamese message */
function run<T>(action: string, body: () => T): T {
  try {
    return body();
  } catch (error) {
    throw new Error(userMessage(error, action));
  }
}

function gradeOptions(options: SidebarOptions | undefined): GradeOptions {
  const out: { setId?: string; year?: number } = {};
  if (options?.setId) {
    if (!BUILTIN_SETS.some((s) => s.id === options.setId))
      throw new UserError(`Không có bộ tiêu chí "${options.setId}".`);
    out.setId = options.setId;
  }
  if (options?.year !== undefined && options.year !== null) {
    const year = Number(options.year);
    if (!Number.isInteger(year) || year < 2000 || year > 2100)
      throw new UserError(`Năm "${String(options.year)}" không hợp lệ: hãy ghi năm như 2023.`);
    out.year = year;
  }
  return out;
}

function sidebarSheet(sheet: SheetReport, real: ReadonlySet<string>): SidebarSheet {
  return {
    name: sheet.name,
    criteriaSet: sheet.criteriaSet,
    setReason: sheet.setReason,
    year: sheet.year,
    complete: sheet.summary.complete,
    grade: sheet.summary.complete ? COMPLETE_LABEL : INCOMPLETE_LABEL,
    groups: sheet.summary.groups,
    total: sheet.summary.total,
    unmet: sheet.summary.unmet.map((r) => ({
      sheet: sheet.name,
      // a commune's column of a shared sheet is graded on a derived grid: no cell to select
      cell: real.has(sheet.name) ? a1(r.resultCell.row, r.resultCell.col) : null,
      id: r.id,
      name: r.name,
      status: r.status,
      label: r.label,
      reason: r.reason,
      value: r.value,
      target: r.target,
    })),
    problems: sheet.problems.map((p) => p.message),
  };
}

/** the report as the sidebar shows it (plain JSON) */
export function sidebarReport(
  report: WorkbookReport,
  summaryWritten: boolean,
  sheetNames: readonly string[],
): SidebarReport {
  const real = new Set(sheetNames);
  return {
    sheets: report.sheets.map((s) => sidebarSheet(s, real)),
    skipped: report.skipped.map((s) => ({ name: s.name, reason: s.reason })),
    summarySheet: summaryWritten ? SUMMARY_SHEET : null,
    ranking: report.rollup && report.rollup.length > 1 ? rankingTable(report.rollup) : null,
  };
}

/** reads the sheets to grade: all of them, or the active one only (plus the summary sheet, to reuse it) */
function readForGrading(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  scope: "active" | "all",
): { read: ReadSheet[]; summary: GoogleAppsScript.Spreadsheet.Sheet | null } {
  if (scope === "all") {
    const all = readAllSheets(spreadsheet);
    const summary = all.find((r) => isSummarySheet(r.input.name));
    return { read: all.filter((r) => r !== summary), summary: summary?.sheet ?? null };
  }
  const read = readSheet(spreadsheet.getActiveSheet());
  if (isSummarySheet(read.input.name))
    throw new UserError(
      `Trang "${read.input.name}" là trang tổng hợp do add-in tạo: hãy mở một trang phụ lục để chấm.`,
    );
  return { read: withCriteriaSheet(spreadsheet, read), summary: spreadsheet.getSheetByName(SUMMARY_SHEET) };
}

/** the active sheet, and the workbook's "Bộ tiêu chí" sheet when there is one (it supplies the criteria set) */
function withCriteriaSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  active: ReadSheet,
): ReadSheet[] {
  if (isCriteriaSheet(active.input.name)) return [active];
  const criteria = spreadsheet.getSheetByName(CRITERIA_SHEET);
  return criteria ? [readSheet(criteria), active] : [active];
}

/** grades and writes; returns the report */
export function grade(scope: "active" | "all", options?: SidebarOptions): SidebarReport {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const opts = gradeOptions(options);
  const { read, summary } = readForGrading(spreadsheet, scope);
  const { report, plan } = gradeWorkbook(
    read.map((r) => r.input),
    opts,
  );
  if (report.criteriaSheetProblems && report.criteriaSheetProblems.length > 0) {
    // the summary sheet lists the mistakes of the "Bộ tiêu chí" sheet
    applyPlan(spreadsheet, read, summary, plan);
    const problems = report.criteriaSheetProblems;
    const shown = problems
      .slice(0, 3)
      .map((p) => p.message)
      .join("; ");
    throw new UserError(
      `Chưa chấm: trang "${CRITERIA_SHEET}" có ${problems.length} lỗi (xem trang "${SUMMARY_SHEET}"): ${shown}${problems.length > 3 ? "; …" : ""}`,
    );
  }
  if (report.sheets.length === 0) {
    const why = report.skipped.map((s) => `"${s.name}": ${s.reason}`).join("; ");
    throw new UserError(
      scope === "active"
        ? `Trang này không có bảng phụ lục để chấm (${why}).`
        : `Không tìm thấy bảng phụ lục nào để chấm${why ? ` (${why})` : ""}.`,
    );
  }
  applyPlan(spreadsheet, read, summary, plan);
  return sidebarReport(
    report,
    plan.summary !== null,
    read.map((r) => r.input.name),
  );
}

/** removes what the add-in wrote: own columns, their rules, the summary sheet */
export function clear(): ClearReport {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const read = readAllSheets(spreadsheet);
  const plan = planClear(read.map((r) => r.input));
  applyClear(spreadsheet, read, plan);
  return { sheets: plan.sheets.map((s) => s.sheet), summaryRemoved: plan.summarySheet !== null };
}

function gradedText(report: SidebarReport): string {
  const lines = report.sheets.map(
    (s) => `${s.name}: ${s.grade} (đạt ${s.total.met}/${s.total.evaluated} tiêu chí được đánh giá)`,
  );
  return `${lines.join("\n")}${report.summarySheet ? `\nXem trang "${report.summarySheet}".` : ""}`;
}

function alertFailure(action: string, error: unknown): void {
  SpreadsheetApp.getUi().alert(
    `Không ${action} được`,
    userMessage(error, action),
    SpreadsheetApp.getUi().ButtonSet.OK,
  );
}

/** menu: grade the active sheet */
export function gradeActiveSheet(): void {
  try {
    SpreadsheetApp.getActiveSpreadsheet().toast(gradedText(grade("active")), MESSAGE_TITLE, 10);
  } catch (error) {
    alertFailure("chấm điểm", error);
  }
}

/** menu: grade every annex sheet */
export function gradeAllSheets(): void {
  try {
    SpreadsheetApp.getActiveSpreadsheet().toast(gradedText(grade("all")), MESSAGE_TITLE, 10);
  } catch (error) {
    alertFailure("chấm điểm", error);
  }
}

/** menu: remove the results */
export function clearResults(): void {
  try {
    const done = clear();
    const text =
      done.sheets.length === 0 && !done.summaryRemoved
        ? "Không có kết quả nào để xóa."
        : `Đã xóa kết quả trên ${done.sheets.length} trang${done.summaryRemoved ? ` và trang "${SUMMARY_SHEET}"` : ""}.`;
    SpreadsheetApp.getActiveSpreadsheet().toast(text, MESSAGE_TITLE, 5);
  } catch (error) {
    alertFailure("xóa kết quả", error);
  }
}

/**
 * Writes a built-in criteria set into a new sheet "Bộ tiêu chí" that officials can edit; grading then uses
 * it. The set: `setId`, else the one detected on the active sheet, else the first built-in one.
 * @returns the new sheet's name
 */
export function writeCriteriaSheet(setId?: string): string {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const existing = spreadsheet.getSheets().find((s) => isCriteriaSheet(s.getName()));
  if (existing)
    throw new UserError(
      `Trang "${existing.getName()}" đã có: hãy sửa trực tiếp trang đó, hoặc xóa nó rồi tạo lại.`,
    );
  const detected = detectAnnexes([readSheet(spreadsheet.getActiveSheet()).input])[0]?.criteriaSet?.id;
  const set = findSet(setId ?? detected ?? "") ?? BUILTIN_SETS[0]!;
  const sheet = applySummaryPlan(spreadsheet, null, { ...planCriteriaSheet(set), formats: [], charts: [] });
  sheet.activate();
  return sheet.getName();
}

function criteriaSheetCreated(name: string): string {
  return `Đã tạo trang "${name}": sửa ngưỡng, phép so sánh, năm không đánh giá hoặc thêm chỉ tiêu; khi chấm, tiện ích dùng trang này.`;
}

/** sidebar: create the "Bộ tiêu chí" sheet with the set chosen there (or detected); returns the message */
export function createCriteriaSheetForSidebar(options?: SidebarOptions): string {
  return run("tạo trang bộ tiêu chí", () =>
    criteriaSheetCreated(writeCriteriaSheet(gradeOptions(options).setId)),
  );
}

/** menu: create the "Bộ tiêu chí" sheet */
export function createCriteriaSheet(): void {
  try {
    const name = writeCriteriaSheet();
    SpreadsheetApp.getActiveSpreadsheet().toast(criteriaSheetCreated(name), MESSAGE_TITLE, 10);
  } catch (error) {
    alertFailure("tạo trang bộ tiêu chí", error);
  }
}

/** menu: open the sidebar */
export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile("Sidebar").setTitle(SIDEBAR_TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}

/** sidebar: what was detected on the active sheet, the sheet names, and the sets to choose from */
export function getSidebarState(options?: SidebarOptions): SidebarState {
  return run("đọc bảng tính", () => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const names = spreadsheet.getSheets().map((s) => s.getName());
    const active = readSheet(spreadsheet.getActiveSheet());
    const inputs = withCriteriaSheet(spreadsheet, active).map((r) => r.input);
    const info = detectAnnexes(inputs, gradeOptions(options)).find((i) => i.name === active.input.name);
    return {
      active: { ...info! },
      sheetNames: names,
      sets: BUILTIN_SETS.map((s) => ({ id: s.id, title: s.title })),
    };
  });
}

/** sidebar: grade the active sheet or all */
export function gradeForSidebar(scope: "active" | "all", options?: SidebarOptions): SidebarReport {
  return run("chấm điểm", () => grade(scope === "active" ? "active" : "all", options));
}

/** sidebar: clear */
export function clearForSidebar(): ClearReport {
  return run("xóa kết quả", clear);
}

/** sidebar: go to a cell */
export function selectCell(sheet: string, cell: string): void {
  run("chọn ô", () => select(SpreadsheetApp.getActiveSpreadsheet(), sheet, cell));
}

/** the custom function behind `=CDS_DAT(…)`; errors keep their Vietnamese message */
export function customCdsDat(
  ketQua: CellArgument,
  chiTieu: CellArgument,
  nam?: CellArgument,
): string | string[][] {
  return cdsDatCells(ketQua, chiTieu, nam);
}
