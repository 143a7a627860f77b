/**
 * Grading or clearing every sheet in steps that Apps Script never kills half way. Each step is one execution
 * (a call from the sidebar): it reads sheets while its time allows, grades them, writes their own columns, and
 * records where it stopped in the document's properties; the next step goes on from there. The graded sheets'
 * results wait in a hidden scratch sheet until the last step, which writes the summary sheet once and removes
 * the scratch sheet. Steps are measured by elapsed time (`Date.now()`), not by sheet count.
 *
 * A step's order: every read (sheets, rules, protections, the scratch sheet's length) before its first write,
 * so Apps Script's write cache is sent once per step.
 */
import {
  CRITERIA_MARK,
  CRITERIA_SHEET,
  SUMMARY_MARK,
  SUMMARY_SHEET,
  findOwnArea,
  hasCriteriaSheetLayout,
  planClear,
  resolveOwnSheets,
  sameSheetName,
  type SheetInput,
  planCriteriaSheetProblems,
  type Area,
  type Problem,
  type SkippedSheet,
  type WorkbookReport,
} from "../../shared";
import type { GradeOptions } from "../../shared/report/workbook";
import {
  INDEX_SHEET,
  formOf,
  isIndexSheet,
  planSummaryWithForms,
  type FormsResult,
  type IndexSheetProblem,
} from "../../shared/dti";
import {
  UserError,
  applyClearSheet,
  applySheetPlan,
  applySummaryPlan,
  checkProtections,
  freeName,
  markSheet,
  markedSheet,
  needsOwnRules,
  readSheet,
  withMerges,
  readSheetValues,
  readSummaryTarget,
  type ReadSheet,
  type WriteTarget,
} from "./host";
import { assembleForms, assembleReport, gradeChunk, setsFor, summaryOf, type SheetPart } from "./parts";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

/** a step's time, well under Apps Script's 6 minutes an execution (the rest is margin for a slow service) */
export const STEP_BUDGET_MS = 60_000;
/** a step plans its reads and writes to end within this share of its time (the rest: grading, slow calls) */
export const PLAN_SHARE = 0.85;
/** calls a step makes besides its sheets' (the protections, the run's state, the scratch sheet, the summary) */
const STEP_CALLS = 60;
/** calls to read a sheet for grading (name, data range, values, number formats), for clearing (name, values) */
const GRADE_READS = 4;
const CLEAR_READS = 2;
/** calls to write a sheet: a first grading (range, text format, values, rules read and set), a re-grading */
const FIRST_GRADE_WRITES = 5;
const REGRADE_WRITES = 3;
/** calls to clear a sheet that has results (rules read, range, clear, rules set) */
const CLEAR_WRITES = 4;
/** the document property holding the run in progress */
export const RUN_KEY = "CDS_RUN";
/** the hidden sheet holding graded sheets' results between steps; removed by the last step */
export const SCRATCH_SHEET = "CĐS – kết quả tạm";
/** a sheet cell holds at most 50,000 characters */
const CELL_TEXT = 45_000;

export type RunKind = "grade" | "clear";

/** the run in progress, as the document's properties keep it between steps */
export interface RunState {
  readonly v: 1;
  readonly id: string;
  readonly kind: RunKind;
  readonly options: GradeOptions;
  /** sheets to look at (the add-in's own sheets and the "Bộ tiêu chí" sheet left out), counted at the first step */
  total: number;
  /** index in getSheets() of the next sheet to look at */
  next: number;
  /** the name of the sheet just before `next` (to notice sheets added, removed or moved meanwhile) */
  last: string | null;
  /** sheets looked at so far (the add-in's own sheets left out) */
  looked: number;
  /** sheets whose own columns were written (grading) or emptied (clearing) */
  done: number;
  readonly startedAt: number;
  updatedAt: number;
  steps: number;
  /** set when the menu started the run and opened the sidebar to go on with it */
  handoff: boolean;
  /** a sheet bearing the summary sheet's name that is not the add-in's (kept; the summary takes a free name) */
  userSummary?: string;
  /** an earlier version's summary sheet (no mark; its name and title in A1), found while looking at sheets */
  legacySummary?: string;
}

/** what a step tells the sidebar */
export interface StepResult {
  readonly runId: string;
  readonly kind: RunKind;
  readonly finished: boolean;
  readonly looked: number;
  readonly total: number;
  /** "Đã chấm 40/166 trang…" */
  readonly message: string;
  /** the assembled report, when a grading run has finished */
  readonly report?: WorkbookReport;
  /** the sheets emptied and whether the summary sheet was removed, when a clearing run has finished */
  readonly cleared?: { readonly sheets: number; readonly summaryRemoved: boolean };
  /** the summary sheet was written */
  readonly summaryWritten?: boolean;
  /** the real sheets graded (a commune's column of a shared sheet has no sheet of its own), when finished */
  readonly sheetNames?: readonly string[];
  /** the points-based forms checked over the whole run, ranked, when a grading run has finished */
  readonly forms?: FormsResult;
}

function properties(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

/** the run in progress, or null */
export function loadRun(): RunState | null {
  const text = properties().getProperty(RUN_KEY);
  if (!text) return null;
  try {
    const state = JSON.parse(text) as RunState;
    return state && state.v === 1 ? state : null;
  } catch {
    return null;
  }
}

function saveRun(state: RunState): void {
  properties().setProperty(RUN_KEY, JSON.stringify(state));
}

function endRun(): void {
  properties().deleteProperty(RUN_KEY);
}

/** the progress line of a run */
export function progressText(kind: RunKind, looked: number, total: number): string {
  return kind === "grade" ? `Đã chấm ${looked}/${total} trang…` : `Đã xóa kết quả ${looked}/${total} trang…`;
}

/** what an unfinished run has done and how to go on, for the sidebar and the menu */
export function interruptedText(state: Pick<RunState, "kind" | "looked" | "total">): string {
  if (state.kind === "grade")
    return (
      `Lần chấm trước chưa xong: đã chấm ${state.looked}/${state.total} trang (các trang này đã có cột kết quả); ` +
      `trang "${SUMMARY_SHEET}" chưa được cập nhật. Bấm "Chấm tiếp" để chấm các trang còn lại, ` +
      `hoặc "Chấm điểm tất cả" để chấm lại từ đầu.`
    );
  return (
    `Lần xóa kết quả trước chưa xong: đã xóa ${state.looked}/${state.total} trang. ` +
    `Bấm "Xóa tiếp" để xóa các trang còn lại.`
  );
}

/** the add-in's summary sheet: marked, else an earlier version's found by an earlier step (report/own-sheets.ts) */
function ownSummary(
  spreadsheet: Spreadsheet,
  state: RunState,
): { sheet: Sheet | null; name: string | null; marked: boolean } {
  const marked = markedSheet(spreadsheet, SUMMARY_MARK);
  if (marked) return { sheet: marked, name: marked.getName(), marked: true };
  const legacy = state.legacySummary ? spreadsheet.getSheetByName(state.legacySummary) : null;
  return { sheet: legacy, name: legacy ? state.legacySummary! : null, marked: false };
}

/** a sheet bearing the summary sheet's name, looked at: an earlier version's summary sheet, or the user's */
function noteSummaryNamed(state: RunState, input: SheetInput): void {
  if (!sameSheetName(input.name, SUMMARY_SHEET)) return;
  if (resolveOwnSheets([input]).summary === input.name) state.legacySummary = input.name;
  else state.userSummary ??= input.name;
}

/** a clock for one step */
function stepClock(): { elapsed(): number } {
  const start = Date.now();
  return { elapsed: () => Date.now() - start };
}

/**
 * The pace of a step's reads: the time a call takes, measured on the reads made so far, tells whether one more
 * sheet can be read and everything read still be written within the step's time.
 */
class Pace {
  private calls = 0;
  private writes = 0;
  private readonly start: number;
  constructor(private readonly clock: { elapsed(): number }) {
    this.start = clock.elapsed();
  }
  /** one more sheet read with `reads` calls, to be written with about `writes` calls */
  add(reads: number, writes: number): void {
    this.calls += reads;
    this.writes += writes;
  }
  /** true when reading a sheet more (`reads` calls) and writing all (`writes` calls more) still fits */
  fits(reads: number, writes: number): boolean {
    if (this.calls === 0) return true;
    const perCall = (this.clock.elapsed() - this.start) / this.calls;
    const left = reads + this.writes + writes + STEP_CALLS;
    return this.clock.elapsed() + left * perCall <= STEP_BUDGET_MS * PLAN_SHARE;
  }
}

/**
 * Starts a run: the first step. Any unfinished run is dropped (its scratch rows are ignored by this run's
 * id, and the scratch sheet is removed at the end).
 * @param handoff the menu started it and opens the sidebar to go on
 */
export function startRun(kind: RunKind, options: GradeOptions, handoff = false): StepResult {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheets = spreadsheet.getSheets();
  const now = Date.now();
  const state: RunState = {
    v: 1,
    id: `${now}-${Math.floor(Math.random() * 1e6)}`,
    kind,
    options,
    total: sheets.length,
    next: 0,
    last: null,
    looked: 0,
    done: 0,
    startedAt: now,
    updatedAt: now,
    steps: 0,
    handoff,
  };
  return step(spreadsheet, sheets, state, true);
}

/** the next step of the run `runId` */
export function continueRun(runId: string): StepResult {
  const state = loadRun();
  if (!state || state.id !== runId)
    throw new UserError(
      "Không còn lần chạy nào đang dở với bảng tính này (có thể đã xong, hoặc một lần chạy khác đã bắt đầu). Hãy bấm lại nút cần làm.",
    );
  state.handoff = false;
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return step(spreadsheet, spreadsheet.getSheets(), state, false);
}

function step(spreadsheet: Spreadsheet, sheets: Sheet[], state: RunState, first: boolean): StepResult {
  state.steps++;
  return state.kind === "grade"
    ? gradeStep(spreadsheet, sheets, state, first)
    : clearStep(spreadsheet, sheets, state, first);
}

/**
 * Where this step starts: `state.next`, or the first sheet again when the sheet before it is not the one the
 * last step ended on (sheets added, removed or moved meanwhile; the sheets done are then looked at again, which
 * writes the same).
 */
function startIndex(sheets: Sheet[], state: RunState): number {
  if (state.next === 0) return 0;
  if (state.next <= sheets.length && sheets[state.next - 1]!.getName() === state.last) return state.next;
  state.looked = 0;
  state.done = 0;
  return 0;
}

/** the sheets one step looked at, in order: index and name (so that no name is asked for twice) */
class Looked {
  private readonly names = new Map<number, string>();
  private readonly counted: number[] = [];
  add(index: number, name: string, counts: boolean): void {
    this.names.set(index, name);
    if (counts) this.counted.push(index);
  }
  /** counted sheets before `index` */
  before(index: number): number {
    return this.counted.filter((i) => i < index).length;
  }
  name(index: number): string | undefined {
    return this.names.get(index);
  }
}

/**
 * Records where the step stopped: `stop` is the index of the first sheet left for the next step. The name
 * before it is one this step looked at, or the one the last step ended on: no call.
 */
function advance(state: RunState, looked: Looked, stop: number): void {
  state.looked += looked.before(stop);
  if (stop !== state.next) state.last = stop > 0 ? (looked.name(stop - 1) ?? null) : null;
  state.next = stop;
  state.updatedAt = Date.now();
}

function progress(state: RunState, finished: boolean): StepResult {
  const total = Math.max(state.total, state.looked);
  return {
    runId: state.id,
    kind: state.kind,
    finished,
    looked: finished ? total : state.looked,
    total,
    message: finished ? "" : progressText(state.kind, state.looked, total),
  };
}

// ---------------------------------------------------------------------------------------------
// grading

function gradeStep(spreadsheet: Spreadsheet, sheets: Sheet[], state: RunState, first: boolean): StepResult {
  const clock = stepClock();
  let at = startIndex(sheets, state);

  // reads: the add-in's sheets and the "Bộ tiêu chí" sheet, then sheets while the step's read time lasts
  const markedCriteria = markedSheet(spreadsheet, CRITERIA_MARK);
  const criteriaSheet = markedCriteria ?? spreadsheet.getSheetByName(CRITERIA_SHEET);
  const criteria = criteriaSheet ? readSheet(criteriaSheet) : null;
  const own = ownSummary(spreadsheet, state);
  const isOwnSheet = (name: string): boolean => name === own.name || name === SCRATCH_SHEET;
  const scratch = spreadsheet.getSheetByName(SCRATCH_SHEET);
  const scratchRows = scratch ? scratch.getLastRow() : 0;
  // inserting the scratch sheet makes it the active one: the user's sheet is activated again
  const active = scratch ? null : spreadsheet.getActiveSheet();
  if (first)
    state.total = sheets.length - [criteriaSheet, own.sheet, scratch].filter((s) => s !== null).length;
  const looked = new Looked();
  const read: { index: number; read: ReadSheet }[] = [];
  const pace = new Pace(clock);
  while (at < sheets.length && pace.fits(GRADE_READS, FIRST_GRADE_WRITES)) {
    const sheet = sheets[at]!;
    const name = sheet.getName();
    const grade = !isOwnSheet(name) && name !== criteria?.input.name;
    looked.add(at, name, grade);
    if (grade) {
      const plain = readSheet(sheet, name);
      const r = withMerges(plain, state.options);
      noteSummaryNamed(state, r.input);
      read.push({ index: at, read: r });
      const mergeCalls = r === plain ? 0 : 1 + (r.input.grid.merges?.length ?? 0);
      pace.add(GRADE_READS + mergeCalls, findOwnArea(r.input.grid) ? REGRADE_WRITES : FIRST_GRADE_WRITES);
    } else pace.add(1, 0);
    at++;
  }
  const readAll = at >= sheets.length;
  // an earlier version's summary sheet found by this step's look: the add-in's from now on
  let summary = own.sheet;
  let summaryOwnName = own.name;
  if (!summary && state.legacySummary) {
    summary = spreadsheet.getSheetByName(state.legacySummary);
    summaryOwnName = summary ? state.legacySummary : null;
  }

  const marks = {
    summary: own.name ?? state.legacySummary ?? null,
    criteria: markedCriteria ? criteria!.input.name : null,
  };
  const graded = gradeChunk(
    read.map((r) => ({ index: r.index, input: r.read.input })),
    criteria?.input ?? null,
    { ...state.options, marks },
    indexSheetFor(spreadsheet, read),
  );
  if (!graded.ok) {
    // the summary sheet lists the mistakes of the "Bộ tiêu chí" sheet (nothing is graded) or of the "Bộ chỉ số"
    // sheet (a step holds forms: none is checked; annexes of earlier steps keep their columns)
    const [listed, message] =
      "indexProblems" in graded
        ? [indexProblemsSummary(graded.indexProblems), indexProblemsMessage(graded.indexProblems)]
        : [planCriteriaSheetProblems(graded.problems), criteriaProblemsMessage(graded.problems)];
    const target = readSummaryTarget(spreadsheet, summary, sheets.length);
    checkProtections(spreadsheet, summary && summaryOwnName ? [{ sheet: summaryOwnName, area: null }] : []);
    const name = summaryOwnName ?? (state.userSummary ? freeName(spreadsheet, SUMMARY_SHEET) : SUMMARY_SHEET);
    const written = applySummaryPlan(spreadsheet, target, { ...listed, sheet: name });
    if (!own.marked) markSheet(spreadsheet, SUMMARY_MARK, written);
    if (scratch) spreadsheet.deleteSheet(scratch);
    endRun();
    throw new UserError(message);
  }

  // still reads: the rules of sheets whose own block is new or changed, the protections
  const plans = new Map(graded.plans.map((p) => [p.sheet, p]));
  const writes = read.map((r, i) => {
    const plan = plans.get(r.read.input.name) ?? null;
    const previous = findOwnArea(r.read.input.grid);
    const rules = plan && needsOwnRules(previous, plan) ? r.read.sheet.getConditionalFormatRules() : null;
    return { ...r, part: graded.parts[i]!, plan, previous, rules };
  });
  // what the last step needs: the parts kept by earlier steps, the summary sheet's charts and size
  const kept = readAll && scratch ? readParts(scratch, state.id) : [];
  const summaryTarget = readAll ? readSummaryTarget(spreadsheet, summary, sheets.length, active) : null;
  const targets: WriteTarget[] = writes.flatMap((w) =>
    w.plan ? [{ sheet: w.plan.sheet, area: w.plan.own }] : [],
  );
  if (readAll && summary && summaryOwnName) targets.push({ sheet: summaryOwnName, area: null });
  checkProtections(spreadsheet, targets);

  // writes: own columns while the step's time lasts
  let written = 0;
  for (const w of writes) {
    if (clock.elapsed() >= STEP_BUDGET_MS) break;
    if (w.plan)
      applySheetPlan(w.read.sheet, w.plan, { grid: w.read.input.grid, previous: w.previous, rules: w.rules });
    if (w.plan) state.done++;
    written++;
  }
  const parts = writes.slice(0, written).map((w) => w.part);
  advance(state, looked, written < writes.length ? writes[written]!.index : at);

  const finished = readAll && written === writes.length && clock.elapsed() < STEP_BUDGET_MS;
  if (!finished) {
    if (parts.length > 0)
      keepParts(spreadsheet, sheets.length, scratch, scratchRows, active, state.id, parts);
    saveRun(state);
    return progress(state, false);
  }

  // the last step: every sheet's parts, the summary sheet written once, the scratch sheet removed
  const sets = setsFor(criteria?.input ?? null, state.options);
  const assembled = assembleReport([...kept, ...parts], graded.criteriaSkipped, sets);
  const forms = assembleForms([...kept, ...parts]);
  if (assembled.sheets.length === 0 && forms.reports.length === 0) {
    if (scratch) spreadsheet.deleteSheet(scratch);
    endRun();
    throw new UserError(noAnnexMessage(assembled.skipped));
  }
  // the summary sheet: the add-in's, or a free name beside a user's sheet bearing its name
  const summaryName =
    summaryOwnName ?? (state.userSummary ? freeName(spreadsheet, SUMMARY_SHEET) : SUMMARY_SHEET);
  const notes = [
    ...(state.userSummary ? [userSummaryNote(state.userSummary, summaryName)] : []),
    ...(criteria && !markedCriteria && !hasCriteriaSheetLayout(criteria.input.grid)
      ? [ignoredCriteriaNote(criteria.input.name)]
      : []),
    ...(assembled.notes ?? []),
  ];
  const report = { ...assembled, summarySheet: summaryName, ...(notes.length > 0 ? { notes } : {}) };
  const planned = summaryOf(report, sets, forms);
  const plan = planned && { ...planned, sheet: summaryName };
  if (plan && summaryTarget) {
    const written = applySummaryPlan(spreadsheet, summaryTarget, plan);
    if (!own.marked) markSheet(spreadsheet, SUMMARY_MARK, written);
  }
  if (scratch) spreadsheet.deleteSheet(scratch);
  endRun();
  const sheetNames = [...kept, ...parts].map((p) => p.name);
  return {
    ...progress(state, true),
    report,
    summaryWritten: plan !== null,
    sheetNames,
    ...(forms.reports.length > 0 ? { forms } : {}),
  };
}

/**
 * The "Bộ chỉ số" sheet, when the step's sheets hold a form and the sheet is not among them: 1 call to find
 * it, 3 to read it. None for a step without forms.
 */
function indexSheetFor(spreadsheet: Spreadsheet, read: readonly { read: ReadSheet }[]): SheetInput | null {
  if (read.some((r) => isIndexSheet(r.read.input.name))) return null;
  if (!read.some((r) => formOf(r.read.input) !== null)) return null;
  const sheet = spreadsheet.getSheetByName(INDEX_SHEET);
  return sheet ? readSheet(sheet, INDEX_SHEET).input : null;
}

/** the summary sheet when the "Bộ chỉ số" sheet has mistakes: the mistakes, each with its cell */
export function indexProblemsSummary(problems: readonly IndexSheetProblem[]) {
  return planSummaryWithForms({ sheets: [], skipped: [] }, { reports: [], indexSheetProblems: problems });
}

/** the message when the "Bộ chỉ số" sheet has mistakes (each names its cell) */
export function indexProblemsMessage(problems: readonly IndexSheetProblem[]): string {
  const shown = problems
    .slice(0, 3)
    .map((p) => p.message)
    .join("; ");
  return `Chưa chấm biểu mẫu: trang "${INDEX_SHEET}" có ${problems.length} lỗi (xem trang "${SUMMARY_SHEET}"): ${shown}${problems.length > 3 ? "; …" : ""}`;
}

/** the message when the "Bộ tiêu chí" sheet has mistakes */
export function criteriaProblemsMessage(problems: readonly Problem[]): string {
  const shown = problems
    .slice(0, 3)
    .map((p) => p.message)
    .join("; ");
  return `Chưa chấm: trang "${CRITERIA_SHEET}" có ${problems.length} lỗi (xem trang "${SUMMARY_SHEET}"): ${shown}${problems.length > 3 ? "; …" : ""}`;
}

/** the message when no sheet holds an annex */
export function noAnnexMessage(skipped: readonly SkippedSheet[]): string {
  const why = skipped.map((s) => `"${s.name}": ${s.reason}`).join("; ");
  return `Không tìm thấy bảng phụ lục nào để chấm${why ? ` (${why})` : ""}.`;
}

// ---------------------------------------------------------------------------------------------
// the scratch sheet: one row per graded sheet, [run id, index, name, JSON in pieces of at most 45,000 characters]

function pieces(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += CELL_TEXT) out.push(text.slice(i, i + CELL_TEXT));
  return out.length > 0 ? out : [""];
}

/** a new sheet has 26 columns */
const NEW_SHEET_COLUMNS = 26;

/** appends this step's parts to the scratch sheet (made, hidden, the first time): writes only */
function keepParts(
  spreadsheet: Spreadsheet,
  sheetCount: number,
  existing: Sheet | null,
  lastRow: number,
  active: Sheet | null,
  runId: string,
  parts: readonly SheetPart[],
): void {
  let sheet = existing;
  if (!sheet) {
    sheet = spreadsheet.insertSheet(SCRATCH_SHEET, sheetCount);
    sheet.hideSheet();
    active?.activate();
  }
  const rows = parts.map((p) => [runId, String(p.index), p.name, ...pieces(JSON.stringify(p))]);
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const padded = rows.map((r) => [...r, ...Array<string>(width - r.length).fill("")]);
  // a sheet's results over 1 MB of text need more columns (a read, rare)
  if (width > NEW_SHEET_COLUMNS) {
    const max = sheet.getMaxColumns();
    if (width > max) sheet.insertColumnsAfter(max, width - max);
  }
  const range = sheet.getRange(lastRow + 1, 1, padded.length, width);
  // plain text: a piece of JSON may begin with "=" or a digit
  range.setNumberFormat("@");
  range.setValues(padded);
}

/** this run's parts kept by earlier steps; a sheet kept twice (a step repeated) counts once, the later */
function readParts(sheet: Sheet, runId: string): SheetPart[] {
  const values = sheet.getDataRange().getValues();
  const byName = new Map<string, SheetPart>();
  for (const row of values) {
    if (row[0] !== runId) continue;
    const part = JSON.parse(row.slice(3).map(String).join("")) as SheetPart;
    byName.set(part.name, part);
  }
  return [...byName.values()];
}

// ---------------------------------------------------------------------------------------------
// clearing

function clearStep(spreadsheet: Spreadsheet, sheets: Sheet[], state: RunState, first: boolean): StepResult {
  const clock = stepClock();
  let at = startIndex(sheets, state);
  const own = ownSummary(spreadsheet, state);
  const isOwnSheet = (name: string): boolean => name === own.name || name === SCRATCH_SHEET;
  const scratch = spreadsheet.getSheetByName(SCRATCH_SHEET);
  if (first) state.total = sheets.length - [own.sheet, scratch].filter((s) => s !== null).length;
  const looked = new Looked();
  const found: { index: number; sheet: Sheet; name: string; own: Area; rules: Rule[] }[] = [];
  const pace = new Pace(clock);
  while (at < sheets.length && pace.fits(CLEAR_READS, CLEAR_WRITES)) {
    const sheet = sheets[at]!;
    const name = sheet.getName();
    looked.add(at, name, !isOwnSheet(name));
    if (!isOwnSheet(name)) {
      const input = readSheetValues(sheet, name).input;
      noteSummaryNamed(state, input);
      const area = state.legacySummary === name ? undefined : planClear([input]).sheets[0]?.own;
      if (area) found.push({ index: at, sheet, name, own: area, rules: sheet.getConditionalFormatRules() });
      // the rules of a sheet with results are read with it
      pace.add(area ? CLEAR_READS + 1 : CLEAR_READS, area ? CLEAR_WRITES - 1 : 0);
    } else pace.add(1, 0);
    at++;
  }
  const readAll = at >= sheets.length;
  const targets: WriteTarget[] = found.map((f) => ({ sheet: f.name, area: f.own }));
  // the marked summary sheet, or an earlier version's found while looking (never a user's bearing the name)
  const summary =
    own.sheet ?? (readAll && state.legacySummary ? spreadsheet.getSheetByName(state.legacySummary) : null);
  if (readAll && summary) targets.push({ sheet: summary.getName(), area: null });
  checkProtections(spreadsheet, targets);

  let written = 0;
  for (const f of found) {
    if (clock.elapsed() >= STEP_BUDGET_MS) break;
    applyClearSheet(f.sheet, f.name, f.own, f.rules);
    written++;
  }
  state.done += written;
  advance(state, looked, written < found.length ? found[written]!.index : at);
  if (!readAll || written < found.length || clock.elapsed() >= STEP_BUDGET_MS) {
    saveRun(state);
    return progress(state, false);
  }
  if (own.marked) spreadsheet.removeNamedRange(SUMMARY_MARK);
  if (summary) spreadsheet.deleteSheet(summary);
  if (scratch) spreadsheet.deleteSheet(scratch);
  endRun();
  return { ...progress(state, true), cleared: { sheets: state.done, summaryRemoved: summary !== null } };
}

/** the note on a user's sheet bearing the summary sheet's name (the words of report/own-sheets.ts) */
export function userSummaryNote(user: string, summary: string): string {
  return `Trang "${user}" không phải trang tổng hợp do add-in tạo nên được giữ nguyên; kết quả tổng hợp ghi vào trang "${summary}".`;
}

/** the note on a "Bộ tiêu chí" sheet not in the add-in's layout */
export function ignoredCriteriaNote(sheet: string): string {
  return `Trang "${sheet}" không theo mẫu bộ tiêu chí của add-in (không có dòng "Mã bộ tiêu chí", bảng "Mã nhóm | Tên nhóm" hay bảng "Mã | Tên chỉ tiêu | Loại chỉ tiêu") nên không dùng để chấm; chấm theo bộ tiêu chí có sẵn.`;
}
