/**
 * The add-on's entry points. webpack exposes this module as `CdsSheets`; src/sheets/globals.js declares the
 * top-level functions Apps Script calls (menu, sidebar, CDS_DAT, CDS_DIEM) and forwards to these.
 */
import {
  BUILTIN_SETS,
  COMPLETE_LABEL,
  CRITERIA_SHEET,
  INCOMPLETE_LABEL,
  SUMMARY_SHEET,
  a1,
  CRITERIA_MARK,
  SUMMARY_MARK,
  completenessText,
  hasCriteriaSheetLayout,
  resolveOwnSheets,
  type RawCell,
  detectAnnexes,
  findOwnArea,
  findSet,
  isCriteriaSheet,
  planCriteriaSheet,
  rankingTable,
  type SheetReport,
  type WorkbookReport,
} from "../../shared";
import type { GradeOptions } from "../../shared/report/workbook";
import {
  CHECK_LABELS,
  FORM_RANKING_HEADERS,
  INDEX_SHEET,
  builtinIndexSets,
  chooseIndexSet,
  findIndexSet,
  formOf,
  gradeWorkbookWithForms,
  planIndexSheet,
  type CheckCode,
  type FormReport,
  type FormsResult,
} from "../../shared/dti";
import { formatNumber } from "../../shared/text";
import { cdsDiemCells } from "./cds-diem";
import { cdsDatCells, type CellArgument } from "./custom-function";
import {
  UserError,
  applySheetPlan,
  applySummaryPlan,
  checkProtections,
  freeName,
  markSheet,
  markedSheet,
  readSummaryTarget,
  errorText,
  needsOwnRules,
  readSheet,
  withMerges,
  selectCell as select,
  type ReadSheet,
  type WriteTarget,
} from "./host";
import type {
  ClearReport,
  RunInfo,
  SidebarOptions,
  SidebarForm,
  SidebarForms,
  SidebarReport,
  SidebarSheet,
  SidebarState,
  SidebarStep,
} from "./report";
import {
  continueRun,
  criteriaProblemsMessage,
  indexProblemsMessage,
  indexProblemsSummary,
  interruptedText,
  loadRun,
  startRun,
  type RunKind,
  type StepResult,
} from "./run";

/** the menu: label → top-level function name in globals.js */
export const MENU_ITEMS: readonly (readonly [string, string])[] = [
  ["Chấm điểm trang này", "gradeActiveSheet"],
  ["Chấm điểm tất cả", "gradeAllSheets"],
  ["Xóa kết quả", "clearResults"],
  ["Tạo trang Bộ tiêu chí", "createCriteriaSheet"],
  ["Tạo trang Bộ chỉ số", "createIndexSheet"],
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
    completeness: completenessText(sheet.summary),
    absent: sheet.summary.absent.length,
    parts: sheet.parts ?? null,
    unmet: sheet.summary.unmet.map((r) => ({
      sheet: r.sheet ?? sheet.name,
      // a commune's column of a shared sheet is graded on a derived grid: no cell to select
      cell: real.has(r.sheet ?? sheet.name) ? a1(r.resultCell.row, r.resultCell.col) : null,
      id: r.id,
      name: r.name,
      status: r.status,
      label: r.label,
      reason: r.reason,
      value: r.value,
      target: r.target,
    })),
    problems: sheet.problems.map((p) => p.message),
    notes: sheet.notes ?? [],
  };
}

/** the report as the sidebar shows it (plain JSON) */
export function sidebarReport(
  report: WorkbookReport,
  summaryWritten: boolean,
  sheetNames: readonly string[],
  forms?: FormsResult,
): SidebarReport {
  const real = new Set(sheetNames);
  return {
    sheets: report.sheets.map((s) => sidebarSheet(s, real)),
    skipped: report.skipped.map((s) => ({ name: s.name, reason: s.reason })),
    summarySheet: summaryWritten ? (report.summarySheet ?? SUMMARY_SHEET) : null,
    ranking: report.rollup && report.rollup.length > 1 ? rankingTable(report.rollup) : null,
    notes: report.notes ?? [],
    ...(forms && forms.reports.length > 0 ? { forms: sidebarForms(forms) } : {}),
  };
}

/** points as the sidebar writes them: `12,5`; `?` when unknown */
function pointsText(n: number | null): string {
  return n === null ? "?" : formatNumber(n, 2);
}

function percentText(n: number | null): string {
  return n === null ? "" : `${formatNumber(n, 1)}%`;
}

/** one form checked, for the sidebar: totals, band, the count of each result, the components to look at */
function sidebarForm(f: FormReport): SidebarForm {
  const counts = (Object.keys(CHECK_LABELS) as CheckCode[])
    .filter((code) => f.total.counts[code] > 0)
    .map((code) => ({ code, label: CHECK_LABELS[code], count: f.total.counts[code] }));
  return {
    sheet: f.name,
    commune: f.commune.commune,
    set: f.set ? f.set.title : null,
    self: f.total.selfStated ?? f.total.self,
    points: f.total.points,
    maxPoints: f.total.maxPoints,
    percent: f.total.percent,
    band: f.total.band,
    selfBand: f.total.selfBand,
    counts,
    toReview: f.total.counts.CAN_XEM_XET,
    rows: f.components
      .filter((c) => c.code !== "KHOP" && !(c.code === "KHONG_TINH_DIEM" && (c.self ?? 0) === 0))
      .map((c) => ({
        cell: c.selfCell,
        id: c.id,
        name: c.name,
        code: c.code,
        label: c.label,
        reason: c.reason,
      })),
    sums: f.sums.map((s) => s.message),
  };
}

/** the ranking's columns the sidebar shows, by the summary sheet's headers */
const FORM_RANKING_SHOWN = [0, 1, 2, 3, 5, 6, 9].map((i) => FORM_RANKING_HEADERS[i]!);

/** the forms of a grading, for the sidebar: each commune's totals, the ranking, the components disputed most */
export function sidebarForms(forms: FormsResult): SidebarForms {
  return {
    forms: forms.reports.map(sidebarForm),
    ranking:
      forms.ranking.length > 1
        ? {
            header: FORM_RANKING_SHOWN,
            rows: forms.ranking.map((e) => [
              String(e.rank),
              e.commune,
              pointsText(e.self),
              pointsText(e.points),
              percentText(e.percent),
              e.band ?? "",
              String(e.toReview),
            ]),
            numeric: [0, 2, 3, 4, 6],
          }
        : null,
    disputes: forms.disputes.map((d) => ({
      id: d.id,
      name: d.name,
      differ: d.differ,
      higher: d.higher,
      lower: d.lower,
      aboveMax: d.aboveMax,
      communes: [...d.communes],
    })),
    toReview: forms.reports.reduce((n, f) => n + f.total.counts.CAN_XEM_XET, 0),
  };
}

/**
 * The sheets to grade, and the workbook's "Bộ chỉ số" sheet when the active sheet is a form (it supplies the
 * index set): 1 call to find it and 3 to read it, none for an annex.
 */
function withIndexSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  read: ReadSheet[],
): ReadSheet[] {
  const active = read[read.length - 1]!;
  if (formOf(active.input) === null) return read;
  const index = spreadsheet.getSheetByName(INDEX_SHEET);
  return index ? [readSheet(index, INDEX_SHEET), ...read] : read;
}

/** the active sheet, and the workbook's "Bộ tiêu chí" sheet when there is one (it supplies the criteria set) */
function withCriteriaSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  active: ReadSheet,
): ReadSheet[] {
  if (isCriteriaSheet(active.input.name)) return [active];
  const criteria = markedSheet(spreadsheet, CRITERIA_MARK) ?? spreadsheet.getSheetByName(CRITERIA_SHEET);
  if (!criteria) return [active];
  const read = readSheet(criteria);
  return read.input.name === active.input.name ? [active] : [read, active];
}

/** `Tổng hợp CĐS (4)` → the names before it, all taken: `Tổng hợp CĐS (2)`, `Tổng hợp CĐS (3)` */
function takenBefore(free: string): string[] {
  const n = Number(/ \((\d+)\)$/.exec(free)?.[1] ?? 2);
  return Array.from({ length: Math.max(0, n - 2) }, (_, i) => `${SUMMARY_SHEET} (${i + 2})`);
}

/**
 * Grades the active sheet in one execution: reads it (and the "Bộ tiêu chí" sheet, the summary sheet, the rules
 * when needed, the protections), then writes its own columns and the summary sheet.
 */
export function gradeActive(options?: SidebarOptions): SidebarReport {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const opts = gradeOptions(options);
  const plain = readSheet(spreadsheet.getActiveSheet());
  // the add-in's summary sheet: marked, else one bearing its name with an earlier version's title in A1
  const marked = markedSheet(spreadsheet, SUMMARY_MARK);
  const named = marked ? null : spreadsheet.getSheetByName(SUMMARY_SHEET);
  const namedInput = named
    ? { name: SUMMARY_SHEET, grid: { values: [[named.getRange(1, 1).getValues()[0]![0] as RawCell]] } }
    : null;
  const legacy = namedInput && resolveOwnSheets([namedInput]).summary !== null ? named : null;
  const summary = marked ?? legacy;
  const summaryName = summary ? summary.getName() : null;
  const active = plain.input.name === summaryName ? plain : withMerges(plain, opts);
  if (active.input.name === summaryName)
    throw new UserError(
      `Trang "${active.input.name}" là trang tổng hợp do add-in tạo: hãy mở một trang phụ lục để chấm.`,
    );
  const read = withIndexSheet(spreadsheet, withCriteriaSheet(spreadsheet, active));
  const user = named && !legacy ? SUMMARY_SHEET : null;
  const free = user ? freeName(spreadsheet, SUMMARY_SHEET) : null;
  const { report, plan, forms } = gradeWorkbookWithForms(
    read.map((r) => r.input),
    {
      ...opts,
      marks: {
        summary: summaryName,
        criteria: null,
        // a user's sheet bearing the name, and the free names taken beside it
        sheetNames: user ? [user, ...takenBefore(free!)] : [],
      },
    },
  );
  const summaryTarget = plan.summary ? readSummaryTarget(spreadsheet, summary, null) : null;
  if (report.criteriaSheetProblems && report.criteriaSheetProblems.length > 0) {
    // the summary sheet lists the mistakes of the "Bộ tiêu chí" sheet
    if (plan.summary && summaryTarget) {
      checkProtections(spreadsheet, summary ? [{ sheet: summary.getName(), area: null }] : []);
      const written = applySummaryPlan(spreadsheet, summaryTarget, {
        ...plan.summary,
        sheet: free ?? plan.summary.sheet,
      });
      if (!marked) markSheet(spreadsheet, SUMMARY_MARK, written);
    }
    throw new UserError(criteriaProblemsMessage(report.criteriaSheetProblems));
  }
  if (forms.indexSheetProblems && formOf(active.input) !== null) {
    // the summary sheet lists the mistakes of the "Bộ chỉ số" sheet; the form is not checked
    const target = readSummaryTarget(spreadsheet, summary, null);
    checkProtections(spreadsheet, summary ? [{ sheet: summary.getName(), area: null }] : []);
    const written = applySummaryPlan(spreadsheet, target, {
      ...indexProblemsSummary(forms.indexSheetProblems),
      sheet: summaryName ?? free ?? SUMMARY_SHEET,
    });
    if (!marked) markSheet(spreadsheet, SUMMARY_MARK, written);
    throw new UserError(indexProblemsMessage(forms.indexSheetProblems));
  }
  if (report.sheets.length === 0 && forms.reports.length === 0) {
    const why = report.skipped.map((s) => `"${s.name}": ${s.reason}`).join("; ");
    throw new UserError(`Trang này không có bảng phụ lục để chấm (${why}).`);
  }
  const writes = plan.sheets.map((sheetPlan) => {
    const target = read.find((r) => r.input.name === sheetPlan.sheet)!;
    const previous = findOwnArea(target.input.grid);
    const rules = needsOwnRules(previous, sheetPlan) ? target.sheet.getConditionalFormatRules() : null;
    return { target, sheetPlan, previous, rules };
  });
  const targets: WriteTarget[] = writes.map((w) => ({ sheet: w.sheetPlan.sheet, area: w.sheetPlan.own }));
  if (plan.summary && summary) targets.push({ sheet: summary.getName(), area: null });
  checkProtections(spreadsheet, targets);
  for (const w of writes)
    applySheetPlan(w.target.sheet, w.sheetPlan, {
      grid: w.target.input.grid,
      previous: w.previous,
      rules: w.rules,
    });
  if (plan.summary && summaryTarget) {
    const written = applySummaryPlan(spreadsheet, summaryTarget, {
      ...plan.summary,
      sheet: free ?? plan.summary.sheet,
    });
    if (!marked) markSheet(spreadsheet, SUMMARY_MARK, written);
  }
  return sidebarReport(
    report,
    plan.summary !== null,
    read.map((r) => r.input.name),
    forms,
  );
}

/** a step as the sidebar shows it */
function sidebarStep(step: StepResult): SidebarStep {
  const base = {
    runId: step.runId,
    kind: step.kind,
    finished: step.finished,
    looked: step.looked,
    total: step.total,
    message: step.message,
  };
  if (step.report)
    return {
      ...base,
      report: sidebarReport(step.report, !!step.summaryWritten, step.sheetNames ?? [], step.forms),
    };
  if (step.cleared)
    return { ...base, cleared: { sheets: step.cleared.sheets, summaryRemoved: step.cleared.summaryRemoved } };
  return base;
}

/** the unfinished run of this spreadsheet, for the sidebar */
function runInfo(): RunInfo | null {
  const state = loadRun();
  if (!state) return null;
  return {
    runId: state.id,
    kind: state.kind,
    looked: state.looked,
    total: state.total,
    handoff: state.handoff,
    message: interruptedText(state),
  };
}

function runKind(kind: unknown): RunKind {
  if (kind === "grade" || kind === "clear") return kind;
  throw new UserError(`Không rõ việc cần làm "${String(kind)}".`);
}

function gradedText(report: SidebarReport): string {
  const lines = report.sheets.map(
    (s) =>
      `${s.name}: ${s.grade} (đạt ${s.total.met}/${s.total.evaluated} tiêu chí được đánh giá; ${s.completeness})`,
  );
  for (const f of report.forms?.forms ?? []) lines.push(formText(f));
  return `${[...lines, ...report.notes].join("\n")}${report.summarySheet ? `\nXem trang "${report.summarySheet}".` : ""}`;
}

/** `Xã A: tự chấm 120, tính lại 63/150 điểm (Yếu); 2 chỉ số cần xem xét` */
export function formText(f: SidebarForm): string {
  const max = f.maxPoints !== null ? `/${pointsText(f.maxPoints)}` : "";
  const band = f.band ? ` (${f.band})` : "";
  const review = f.toReview > 0 ? `; ${f.toReview} chỉ số thành phần cần xem xét` : "";
  return `${f.commune}: tự chấm ${pointsText(f.self)}, tính lại ${pointsText(f.points)}${max} điểm${band}${review}`;
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
    SpreadsheetApp.getActiveSpreadsheet().toast(gradedText(gradeActive()), MESSAGE_TITLE, 10);
  } catch (error) {
    alertFailure("chấm điểm", error);
  }
}

/**
 * Menu: a run over every sheet. Its first step runs here; when sheets are left, the sidebar opens and goes on
 * with the next steps by itself.
 */
function menuRun(kind: RunKind, action: string): void {
  try {
    const step = startRun(kind, {}, true);
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    if (!step.finished) {
      spreadsheet.toast(`${step.message} Bảng điều khiển đang làm tiếp.`, MESSAGE_TITLE, 10);
      showSidebar();
      return;
    }
    spreadsheet.toast(finishedText(step), MESSAGE_TITLE, 10);
  } catch (error) {
    alertFailure(action, error);
  }
}

function finishedText(step: StepResult): string {
  if (step.report)
    return gradedText(sidebarReport(step.report, !!step.summaryWritten, step.sheetNames ?? [], step.forms));
  return clearedText(step.cleared ?? { sheets: 0, summaryRemoved: false });
}

function clearedText(done: ClearReport): string {
  return done.sheets === 0 && !done.summaryRemoved
    ? "Không có kết quả nào để xóa."
    : `Đã xóa kết quả trên ${done.sheets} trang${done.summaryRemoved ? ` và trang "${SUMMARY_SHEET}"` : ""}.`;
}

/** menu: grade every annex sheet */
export function gradeAllSheets(): void {
  menuRun("grade", "chấm điểm");
}

/** menu: remove the results */
export function clearResults(): void {
  menuRun("clear", "xóa kết quả");
}

/**
 * Writes a built-in criteria set into a new sheet "Bộ tiêu chí" that officials can edit; grading then uses
 * it. The set: `setId`, else the one detected on the active sheet, else the first built-in one.
 * @returns the new sheet's name
 */
export function writeCriteriaSheet(setId?: string): string {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  // the add-in's criteria sheet (marked), or one in its layout (an earlier version's, or filled in by hand)
  const named = spreadsheet.getSheetByName(CRITERIA_SHEET);
  const existing =
    markedSheet(spreadsheet, CRITERIA_MARK) ??
    (named && hasCriteriaSheetLayout(readSheet(named).input.grid) ? named : null);
  if (existing)
    throw new UserError(
      `Trang "${existing.getName()}" đã có: hãy sửa trực tiếp trang đó, hoặc xóa nó rồi tạo lại.`,
    );
  // a user's "Bộ tiêu chí" sheet (an ordinary list) is kept: the new sheet takes a free name
  const detected = detectAnnexes([readSheet(spreadsheet.getActiveSheet()).input])[0]?.criteriaSet?.id;
  const set = findSet(setId ?? detected ?? "") ?? BUILTIN_SETS[0]!;
  const sheet = applySummaryPlan(spreadsheet, readSummaryTarget(spreadsheet, null, null), {
    ...planCriteriaSheet(set),
    sheet: named ? freeName(spreadsheet, CRITERIA_SHEET) : CRITERIA_SHEET,
    formats: [],
    charts: [],
  });
  markSheet(spreadsheet, CRITERIA_MARK, sheet);
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

/**
 * Writes a built-in index set into a new sheet "Bộ chỉ số" that the reviewing office can edit or fill by pasting
 * a decision's table; checking forms then uses it. The set: `setId`, else the one the active sheet's form fits,
 * else the example set. A sheet of that name is never overwritten (grading reads any sheet bearing it).
 * @returns the new sheet's name
 */
export function writeIndexSheet(setId?: string): string {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const existing = spreadsheet.getSheetByName(INDEX_SHEET);
  if (existing)
    throw new UserError(
      `Trang "${existing.getName()}" đã có: hãy sửa trực tiếp trang đó (khi chấm, tiện ích dùng trang này), hoặc đổi tên hay xóa nó rồi tạo lại.`,
    );
  const sets = builtinIndexSets();
  const form = formOf(readSheet(spreadsheet.getActiveSheet()).input);
  const fitted = form ? chooseIndexSet(form, sets).set : null;
  const set = (setId !== undefined ? findIndexSet(setId) : undefined) ?? fitted ?? sets[0]!;
  const sheet = applySummaryPlan(spreadsheet, readSummaryTarget(spreadsheet, null, null), {
    ...planIndexSheet(set),
    formats: [],
    charts: [],
  });
  sheet.activate();
  return sheet.getName();
}

function indexSheetCreated(name: string): string {
  return `Đã tạo trang "${name}": sửa điểm tối đa, cách tính điểm, xếp loại hoặc dán bảng của quyết định; khi chấm biểu mẫu, tiện ích dùng trang này.`;
}

/** sidebar: create the "Bộ chỉ số" sheet; returns the message */
export function createIndexSheetForSidebar(): string {
  return run("tạo trang bộ chỉ số", () => indexSheetCreated(writeIndexSheet()));
}

/** menu: create the "Bộ chỉ số" sheet */
export function createIndexSheet(): void {
  try {
    const name = writeIndexSheet();
    SpreadsheetApp.getActiveSpreadsheet().toast(indexSheetCreated(name), MESSAGE_TITLE, 10);
  } catch (error) {
    alertFailure("tạo trang bộ chỉ số", error);
  }
}

/** menu: open the sidebar */
export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile("Sidebar").setTitle(SIDEBAR_TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}

/**
 * Sidebar: what was detected on the active sheet, the number of sheets, the sets to choose from, an unfinished
 * run. A constant number of calls whatever the number of sheets: the sidebar asks again after each grading.
 */
export function getSidebarState(options?: SidebarOptions): SidebarState {
  return run("đọc bảng tính", () => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const sheetCount = spreadsheet.getNumSheets();
    const active = readSheet(spreadsheet.getActiveSheet());
    const inputs = withCriteriaSheet(spreadsheet, active).map((r) => r.input);
    const info = detectAnnexes(inputs, gradeOptions(options)).find((i) => i.name === active.input.name);
    const form = info?.annex ? null : formOf(active.input);
    return {
      run: runInfo(),
      active: { ...info!, ...(form ? { form: { commune: form.commune.commune } } : {}) },
      sheetCount,
      sets: BUILTIN_SETS.map((s) => ({ id: s.id, title: s.title })),
    };
  });
}

/** sidebar: grade the active sheet */
export function gradeActiveForSidebar(options?: SidebarOptions): SidebarReport {
  return run("chấm điểm", () => gradeActive(options));
}

/** sidebar: start grading ("grade") or clearing ("clear") every sheet; the first step */
export function startRunForSidebar(kind: string, options?: SidebarOptions): SidebarStep {
  const action = kind === "clear" ? "xóa kết quả" : "chấm điểm";
  return run(action, () => {
    const k = runKind(kind);
    return sidebarStep(startRun(k, k === "grade" ? gradeOptions(options) : {}));
  });
}

/** sidebar: the next step of a run */
export function continueRunForSidebar(runId: string): SidebarStep {
  return run("làm tiếp", () => sidebarStep(continueRun(String(runId))));
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

/** the custom function behind `=CDS_DIEM(…)`; errors keep their Vietnamese message */
export function customCdsDiem(
  giaiTrinh: CellArgument,
  cachTinh: CellArgument,
  diemToiDa: CellArgument,
): number | string | (number | string)[][] {
  return cdsDiemCells(giaiTrinh, cachTinh, diemToiDa);
}
