/**
 * The Excel host: reads sheets into grids, calls the core, applies its edit plan.
 * Every function takes a request context (Excel.run's, or the test fake). The number of context.sync() does
 * not depend on row counts: sheets are read, checked and written in batches (at most SHEETS_PER_BATCH sheets and
 * CELLS_PER_BATCH cells each), the check of the next batch and the summary sheet riding in the write syncs;
 * N sheets never take more than 3N + 2 syncs.
 */
import {
  CRITERIA_SHEET,
  detectAnnexes,
  gradeWorkbook,
  isCriteriaSheet,
  isSummarySheet,
  planClear,
  planCriteriaSheet,
  type CriteriaSet,
  STATUS_LABELS,
  SUMMARY_SHEET,
  type AnnexInfo,
  type Area,
  type CellRef,
  type ConditionalFormat,
  type EditPlan,
  type GradeOptions,
  type Grid,
  type PlanCell,
  type RawCell,
  type SheetInput,
  type SheetPlan,
  type SummaryPlan,
  type WorkbookReport,
} from "../../shared";
import { a1, parseA1 } from "../../shared/text";
import { describeOfficeError, MESSAGES, type ExcelErrorCode } from "./messages";

/** an error the task pane shows as is: its message is Vietnamese */
export class ExcelAddinError extends Error {
  constructor(
    readonly code: ExcelErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ExcelAddinError";
  }
}

/** progress of a long run, for the pane's progress bar */
export interface Progress {
  readonly done: number;
  readonly total: number;
  readonly message: string;
}

export type ProgressListener = (progress: Progress) => void;

/** what a run did, for the bench and the tests */
export interface RunStats {
  syncs: number;
  /** sheets read */
  sheetsRead: number;
  /** sheets written */
  sheetsWritten: number;
}

/** one sheet as read (in its batch's sync) */
interface SheetRead {
  readonly name: string;
  readonly grid: Grid;
  /** the used range's address and formulas (constants for plain cells) as read, to spot edits made meanwhile */
  readonly address: string | null;
  readonly formulasKey: string;
  readonly protected: boolean;
  /** text-comparison conditional formats on the sheet: candidates for the add-in's own */
  readonly textFormats: readonly Excel.ConditionalFormat[];
}

/** the formula behind the workbook name `CDS_DAT`, so users can type `=CDS_DAT(…)` as the spec writes it */
export const CDS_DAT_NAME = "CDS_DAT";
export const CDS_DAT_LAMBDA =
  "=LAMBDA(ket_qua,chi_tieu,[nam],IF(ISOMITTED(nam),CDS.DAT(ket_qua,chi_tieu),CDS.DAT(ket_qua,chi_tieu,nam)))";

const LABELS = new Set<string>(Object.values(STATUS_LABELS));
/** status cells are matched by their first characters; no label begins with another (a test checks it) */
export const RULE_OPERATOR = "BeginsWith";

async function sync(context: Excel.RequestContext, stats: RunStats): Promise<void> {
  stats.syncs++;
  await context.sync();
}

function newStats(): RunStats {
  return { syncs: 0, sheetsRead: 0, sheetsWritten: 0 };
}

/** runs `work`, turning Office errors into ExcelAddinError with a Vietnamese message */
async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ExcelAddinError) throw error;
    const { code, message } = describeOfficeError(error);
    throw new ExcelAddinError(code, message);
  }
}

// ---------------------------------------------------------------------------------------------
// reading

/** the sheet names in tab order and the active sheet's name (one sync) */
async function listSheets(
  context: Excel.RequestContext,
  stats: RunStats,
): Promise<{ names: string[]; active: string }> {
  const sheets = context.workbook.worksheets.load("items/name");
  const active = context.workbook.worksheets.getActiveWorksheet().load("name");
  await sync(context, stats);
  return { names: sheets.items.map((s) => s.name), active: active.name };
}

/** a cell as the core reads it: "" is empty, an error cell is `{ error }` */
function rawCell(value: unknown, type: string | undefined): RawCell {
  if (value === "" || value === null || value === undefined) return null;
  if (type === "Error") return { error: String(value) };
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}

/** at most this many sheets per batch: keeps the progress bar moving on big workbooks */
export const SHEETS_PER_BATCH = 20;
/** at most this many used cells read (or own cells written) per batch, well under Office's 5 MB request limit */
export const CELLS_PER_BATCH = 50_000;

/** what the survey learns of a sheet before reading it */
interface SheetSize {
  readonly name: string;
  readonly cells: number;
  readonly protected: boolean;
}

/** used-range size and protection of each sheet (one sync for all) */
async function surveySheets(
  context: Excel.RequestContext,
  names: readonly string[],
  stats: RunStats,
): Promise<SheetSize[]> {
  const looked = names.map((name) => {
    const sheet = context.workbook.worksheets.getItem(name);
    return {
      name,
      used: sheet.getUsedRangeOrNullObject(true).load("rowCount,columnCount"),
      protection: sheet.protection.load("protected"),
    };
  });
  if (looked.length > 0) await sync(context, stats);
  return looked.map(({ name, used, protection }) => ({
    name,
    cells: used.isNullObject ? 0 : used.rowCount * used.columnCount,
    protected: protection.protected,
  }));
}

/** consecutive groups of at most SHEETS_PER_BATCH items and CELLS_PER_BATCH cells (a bigger item goes alone) */
export function batches<T>(items: readonly T[], cells: (item: T) => number): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    const n = cells(item);
    if (current.length > 0 && (current.length >= SHEETS_PER_BATCH || size + n > CELLS_PER_BATCH)) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += n;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** queues the read of one sheet's used range (values, number formats, value types) and conditional formats */
function queueRead(context: Excel.RequestContext, size: SheetSize): () => SheetRead {
  const sheet = context.workbook.worksheets.getItem(size.name);
  const used = sheet
    .getUsedRangeOrNullObject(true)
    .load("address,values,numberFormat,valueTypes,formulas,rowIndex,columnIndex");
  const formats = sheet.getRange().conditionalFormats.load("items/type");
  return () => {
    const values: RawCell[][] = [];
    const numberFormats: (string | null)[][] = [];
    if (!used.isNullObject) {
      const top = used.rowIndex;
      const left = used.columnIndex;
      for (let r = 0; r < top; r++) {
        values.push([]);
        numberFormats.push([]);
      }
      used.values.forEach((line, i) => {
        const types = used.valueTypes[i] ?? [];
        const fmts = used.numberFormat[i] ?? [];
        values.push([...new Array<RawCell>(left).fill(null), ...line.map((v, j) => rawCell(v, types[j]))]);
        numberFormats.push([...new Array<string | null>(left).fill(null), ...fmts.map((f) => String(f))]);
      });
    }
    return {
      name: size.name,
      grid: { values, formats: numberFormats },
      address: used.isNullObject ? null : used.address,
      formulasKey: used.isNullObject ? "" : JSON.stringify(used.formulas),
      protected: size.protected,
      textFormats: formats.items.filter((f) => f.type === "ContainsText"),
    };
  };
}

/** reads the sheets in batches: one sync per batch */
async function readSheets(
  context: Excel.RequestContext,
  sizes: readonly SheetSize[],
  stats: RunStats,
  onProgress: ProgressListener | undefined,
  total: number,
): Promise<SheetRead[]> {
  const out: SheetRead[] = [];
  for (const batch of batches(sizes, (s) => s.cells)) {
    const first = out.length + 1;
    onProgress?.({
      done: out.length,
      total,
      message: MESSAGES.reading(first, first + batch.length - 1, sizes.length),
    });
    const reads = batch.map((size) => queueRead(context, size));
    await sync(context, stats);
    for (const read of reads) out.push(read());
    stats.sheetsRead += batch.length;
  }
  return out;
}

function inputOf(read: SheetRead): SheetInput {
  return { name: read.name, grid: read.grid };
}

// ---------------------------------------------------------------------------------------------
// the pane's first look

/** what the pane shows on opening: the annexes found and the active sheet */
export interface WorkbookScan {
  readonly active: string;
  readonly sheets: readonly AnnexInfo[];
  readonly stats: RunStats;
}

/** finds the annexes in the workbook: one sync for the sheet list, one for their sizes, one per read batch */
export async function scanWorkbook(
  context: Excel.RequestContext,
  options: GradeOptions = {},
  onProgress?: ProgressListener,
): Promise<WorkbookScan> {
  return guarded(async () => {
    const stats = newStats();
    const { names, active } = await listSheets(context, stats);
    const sizes = await surveySheets(
      context,
      names.filter((n) => !isSummarySheet(n)),
      stats,
    );
    const reads = await readSheets(context, sizes, stats, onProgress, sizes.length);
    const byName = new Map(detectAnnexes(reads.map(inputOf), options).map((info) => [info.name, info]));
    const summary = names.filter(isSummarySheet);
    const sheets = names.map(
      (n) => byName.get(n) ?? detectAnnexes(summary.map((s) => ({ name: s, grid: { values: [] } })))[0]!,
    );
    return { active, sheets, stats };
  });
}

// ---------------------------------------------------------------------------------------------
// writing

/** a plan's cells as Excel values: null becomes "" (Office.js leaves a cell unchanged on null) */
function excelValues(values: readonly (readonly PlanCell[])[], cols: number): (string | number)[][] {
  return values.map((line) => Array.from({ length: cols }, (_, j) => line[j] ?? ""));
}

/** "@" (text) wherever a string or nothing goes, so that `=…` stays text; General for numbers */
function excelFormats(values: readonly (readonly PlanCell[])[], cols: number): string[][] {
  return values.map((line) =>
    Array.from({ length: cols }, (_, j) => (typeof line[j] === "number" ? "General" : "@")),
  );
}

/** queues a block of cells: number formats first, then values */
function queueBlock(
  sheet: Excel.Worksheet,
  row: number,
  col: number,
  values: readonly (readonly PlanCell[])[],
): Excel.Range | null {
  const rows = values.length;
  const cols = Math.max(0, ...values.map((l) => l.length));
  if (rows === 0 || cols === 0) return null;
  const range = sheet.getRangeByIndexes(row, col, rows, cols);
  range.numberFormat = excelFormats(values, cols);
  range.values = excelValues(values, cols);
  return range;
}

/** queues one conditional format per status rule: fill and font when the cell begins with the label */
function queueFormats(sheet: Excel.Worksheet, formats: readonly ConditionalFormat[]): void {
  for (const format of formats) {
    const { row, col, rows, cols } = format.area;
    const range = sheet.getRangeByIndexes(row, col, rows, cols);
    for (const rule of format.rules) {
      const cf = range.conditionalFormats.add("ContainsText");
      cf.textComparison.format.fill.color = rule.fill;
      cf.textComparison.format.font.color = rule.font;
      cf.textComparison.rule = { operator: RULE_OPERATOR, text: rule.text };
    }
  }
}

/** the area an A1 address covers (`'Xã A'!F5:F20`), 0-based */
export function areaOfAddress(address: string): Area | null {
  const local = address.slice(address.lastIndexOf("!") + 1);
  const [from, to = from] = local.split(":");
  const a = parseA1(from ?? "");
  const b = parseA1(to ?? "");
  if (!a || !b) return null;
  return { row: a.row, col: a.col, rows: b.row - a.row + 1, cols: b.col - a.col + 1 };
}

function withinColumns(area: Area, own: readonly Area[]): boolean {
  return own.some((o) => area.col >= o.col && area.col + area.cols <= o.col + o.cols);
}

/** what the check before writing found on one sheet */
interface Inspection {
  /** the conditional formats the add-in wrote: a status label as text, inside its own columns */
  readonly ownFormats: Excel.ConditionalFormat[];
  /** the used range differs from what was read */
  readonly changed: boolean;
}

/**
 * Queues the load of the sheet's text rules and their areas and, when `recheck`, of the used range again
 * (to spot edits made since it was read). The returned function gives the result after the sync.
 */
function queueInspect(
  context: Excel.RequestContext,
  read: SheetRead,
  own: readonly Area[],
  recheck: boolean,
): () => Inspection {
  const sheet = context.workbook.worksheets.getItem(read.name);
  // formulas, not values: a recalculated =TODAY() or =RAND() is not an edit
  const used = recheck ? sheet.getUsedRangeOrNullObject(true).load("address,formulas") : null;
  const looked = read.textFormats.map((f) => ({
    format: f,
    text: f.textComparison.load("rule"),
    range: f.getRangeOrNullObject().load("address"),
  }));
  return () => {
    const address = used === null || used.isNullObject ? null : used.address;
    const changed =
      used !== null &&
      (address !== read.address ||
        (!used.isNullObject && JSON.stringify(used.formulas) !== read.formulasKey));
    const ownFormats = looked
      .filter(({ text, range }) => {
        if (range.isNullObject || !text.rule || !LABELS.has(text.rule.text)) return false;
        const area = areaOfAddress(range.address);
        return area !== null && withinColumns(area, own);
      })
      .map(({ format }) => format);
    return { ownFormats, changed };
  };
}

/** queues the plan of one annex sheet: old own area cleared, own block written as text, rules added */
function queueSheetPlan(
  context: Excel.RequestContext,
  plan: SheetPlan,
  previous: Area | undefined,
  ownFormats: readonly Excel.ConditionalFormat[],
): void {
  const sheet = context.workbook.worksheets.getItem(plan.sheet);
  context.workbook.application.suspendApiCalculationUntilNextSync();
  for (const f of ownFormats) f.delete();
  if (previous) sheet.getRangeByIndexes(previous.row, previous.col, previous.rows, previous.cols).clear();
  for (const block of plan.writes) queueBlock(sheet, block.row, block.col, block.values);
  sheet.getRangeByIndexes(plan.own.row, plan.own.col, 1, plan.own.cols).format.font.bold = true;
  queueFormats(sheet, plan.formats);
}

/** queues the summary sheet: the old one deleted, a new one written, bold rows, widths, rules, charts */
function queueSummary(context: Excel.RequestContext, summary: SummaryPlan, exists: boolean): void {
  const sheets = context.workbook.worksheets;
  context.workbook.application.suspendApiCalculationUntilNextSync();
  if (exists) sheets.getItem(summary.sheet).delete();
  const sheet = sheets.add(summary.sheet);
  const width = Math.max(1, ...summary.values.map((l) => l.length));
  queueBlock(sheet, 0, 0, summary.values);
  for (const r of summary.boldRows) sheet.getRangeByIndexes(r, 0, 1, width).format.font.bold = true;
  summary.columnWidths.forEach((w, c) => {
    sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = w;
  });
  queueFormats(sheet, summary.formats);
  for (const chart of summary.charts) {
    const { row, col, rows, cols } = chart.data;
    const added = sheet.charts.add(
      "ColumnClustered",
      sheet.getRangeByIndexes(row, col, rows, cols),
      "Columns",
    );
    added.title.text = chart.title;
    // right of the tables, 16 rows high, wider when there are many categories (one bar group per commune)
    added.setPosition(a1(row, width + 1), a1(row + 16, width + 8 + Math.min(40, Math.floor(rows / 4))));
  }
}

// ---------------------------------------------------------------------------------------------
// grading

export type GradeScope = "active" | "all";

export interface GradeRun {
  readonly report: WorkbookReport;
  readonly plan: EditPlan;
  readonly stats: RunStats;
  /** the workbook's sheets; a report whose name is not among them is a commune's column of a shared sheet */
  readonly sheetNames: readonly string[];
}

/** the reasons sheets were skipped, one line each */
function skippedLines(report: WorkbookReport): string[] {
  return report.skipped
    .filter((s) => !isSummarySheet(s.name))
    .map((s) => MESSAGES.skippedLine(s.name, s.reason));
}

/**
 * Runs `write` over the items in batches, each batch checked first: the check of the next batch rides in the
 * sync that writes the current one, and `last` (the summary sheet) in the sync of the final batch.
 * Syncs: 1 + one per batch.
 */
async function writeInBatches<T>(
  context: Excel.RequestContext,
  stats: RunStats,
  groups: readonly (readonly T[])[],
  inspect: (item: T) => () => Inspection,
  /** may throw to stop before anything of the batch is queued */
  accept: (item: T, found: Inspection) => void,
  write: (item: T, found: Inspection) => void,
  onBatch: (batch: readonly T[], index: number) => void,
  last: (() => void) | null,
): Promise<void> {
  let pending = (groups[0] ?? []).map(inspect);
  if (pending.length > 0) await sync(context, stats);
  for (const [index, group] of groups.entries()) {
    onBatch(group, index);
    const found = pending.map((get) => get());
    group.forEach((item, i) => accept(item, found[i]!));
    group.forEach((item, i) => write(item, found[i]!));
    const next = groups[index + 1];
    pending = next ? next.map(inspect) : [];
    if (!next && last) last();
    await sync(context, stats);
    stats.sheetsWritten += group.length;
  }
  if (groups.length === 0 && last) {
    last();
    await sync(context, stats);
  }
}

/**
 * Grades the active sheet or every annex sheet and writes the results: the add-in's own columns,
 * their conditional formats and the summary sheet "Tổng hợp CĐS" with its chart.
 * Syncs: 1 for the sheet list, 1 for their sizes, 1 per read batch, 1 for the first check, 1 per write batch
 * (the next batch's check and, at the end, the summary sheet ride along). A batch holds at most
 * SHEETS_PER_BATCH sheets and CELLS_PER_BATCH cells, so N sheets never take more than 3N + 2 syncs.
 * Throws ExcelAddinError (Vietnamese message) for a protected sheet, no annex, a sheet changed while
 * grading, cell-edit mode; a sheet that fails its check is not written.
 */
export async function gradeInExcel(
  context: Excel.RequestContext,
  scope: GradeScope,
  options: GradeOptions = {},
  onProgress?: ProgressListener,
): Promise<GradeRun> {
  return guarded(async () => {
    const stats = newStats();
    const { names, active } = await listSheets(context, stats);
    const summaryExists = names.some(isSummarySheet);
    if (scope === "active" && isSummarySheet(active))
      throw new ExcelAddinError("NO_ANNEX", MESSAGES.activeIsSummary);
    // the "Bộ tiêu chí" sheet, when there is one, supplies the criteria set even when grading one sheet
    const criteriaSheet = names.find(isCriteriaSheet);
    const toRead =
      scope === "active"
        ? [...(criteriaSheet && criteriaSheet !== active ? [criteriaSheet] : []), active]
        : names.filter((n) => !isSummarySheet(n));
    const sizes = await surveySheets(context, toRead, stats);
    const total = sizes.length * 2 + 1;
    const reads = await readSheets(context, sizes, stats, onProgress, total);
    const byName = new Map(reads.map((r) => [r.name, r]));
    const cellsOf = new Map(sizes.map((z) => [z.name, z.cells]));

    const inputs = reads.map(inputOf);
    const { report, plan } = gradeWorkbook(inputs, options);
    const criteriaProblems = report.criteriaSheetProblems ?? [];
    if (criteriaProblems.length > 0) {
      // nothing graded: the summary sheet lists the mistakes of the "Bộ tiêu chí" sheet
      if (plan.summary) {
        queueSummary(context, plan.summary, summaryExists);
        await sync(context, stats);
      }
      throw new ExcelAddinError(
        "CRITERIA_SHEET",
        MESSAGES.criteriaSheetProblems(criteriaProblems.map((p) => p.message)),
      );
    }
    if (report.sheets.length === 0)
      throw new ExcelAddinError("NO_ANNEX", MESSAGES.noAnnex(skippedLines(report)));
    const locked = plan.sheets.filter((p) => byName.get(p.sheet)?.protected).map((p) => p.sheet);
    if (locked.length > 0) throw new ExcelAddinError("PROTECTED", MESSAGES.protectedSheets(locked));

    const previous = new Map(planClear(inputs).sheets.map((s) => [s.sheet, s.own]));
    const ownAreas = (p: SheetPlan): Area[] => [
      p.own,
      ...(previous.has(p.sheet) ? [previous.get(p.sheet)!] : []),
    ];
    await writeInBatches(
      context,
      stats,
      // the check reads the used range again, the write sends the own block
      batches(plan.sheets, (p) => (cellsOf.get(p.sheet) ?? 0) + p.own.rows * p.own.cols),
      (p) => queueInspect(context, byName.get(p.sheet)!, ownAreas(p), true),
      (p, found) => {
        if (found.changed)
          throw new ExcelAddinError("CHANGED", MESSAGES.changed(p.sheet, stats.sheetsWritten));
      },
      (p, found) => queueSheetPlan(context, p, previous.get(p.sheet), found.ownFormats),
      (group) =>
        onProgress?.({
          done: sizes.length + stats.sheetsWritten,
          total,
          message: MESSAGES.writing(group.map((p) => p.sheet)),
        }),
      plan.summary ? () => queueSummary(context, plan.summary!, summaryExists) : null,
    );
    onProgress?.({ done: total, total, message: MESSAGES.graded(plan.sheets.length) });
    return { report, plan, stats, sheetNames: names };
  });
}

// ---------------------------------------------------------------------------------------------
// clearing

export interface ClearRun {
  /** sheets whose own columns were cleared */
  readonly sheets: readonly string[];
  readonly summaryDeleted: boolean;
  readonly stats: RunStats;
}

/**
 * Removes what the add-in wrote: its own columns (values and formats), the conditional formats it added
 * there, the summary sheet. Syncs: 1 for the list, 1 for the sizes, 1 per read batch, then (when there is
 * something to clear) 1 for the first look at the rules and 1 per write batch, the summary sheet riding along.
 */
export async function clearInExcel(
  context: Excel.RequestContext,
  onProgress?: ProgressListener,
): Promise<ClearRun> {
  return guarded(async () => {
    const stats = newStats();
    const { names } = await listSheets(context, stats);
    const sizes = await surveySheets(
      context,
      names.filter((n) => !isSummarySheet(n)),
      stats,
    );
    const total = sizes.length * 2 + 1;
    const reads = await readSheets(context, sizes, stats, onProgress, total);
    const summaryName = names.find(isSummarySheet) ?? null;
    const cleared = planClear([
      ...reads.map(inputOf),
      ...(summaryName ? [{ name: summaryName, grid: { values: [] } }] : []),
    ]);
    const byName = new Map(reads.map((r) => [r.name, r]));
    const locked = cleared.sheets.filter((s) => byName.get(s.sheet)?.protected).map((s) => s.sheet);
    if (locked.length > 0) throw new ExcelAddinError("PROTECTED", MESSAGES.protectedSheets(locked));

    await writeInBatches(
      context,
      stats,
      batches(cleared.sheets, (s) => s.own.rows * s.own.cols),
      (s) => queueInspect(context, byName.get(s.sheet)!, [s.own], false),
      () => undefined,
      ({ sheet, own }, found) => {
        for (const f of found.ownFormats) f.delete();
        context.workbook.worksheets
          .getItem(sheet)
          .getRangeByIndexes(own.row, own.col, own.rows, own.cols)
          .clear();
      },
      (group) =>
        onProgress?.({
          done: sizes.length + stats.sheetsWritten,
          total,
          message: MESSAGES.clearing(group.length),
        }),
      cleared.summarySheet ? () => context.workbook.worksheets.getItem(cleared.summarySheet!).delete() : null,
    );
    return {
      sheets: cleared.sheets.map((s) => s.sheet),
      summaryDeleted: cleared.summarySheet !== null,
      stats,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// small actions

/** activates the sheet and selects one cell (one sync) */
export async function selectCell(
  context: Excel.RequestContext,
  sheetName: string,
  cell: CellRef,
): Promise<void> {
  return guarded(async () => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    sheet.activate();
    sheet.getRangeByIndexes(cell.row, cell.col, 1, 1).select();
    await context.sync();
  });
}

/**
 * Defines the workbook name CDS_DAT as a LAMBDA over the custom function, so `=CDS_DAT(…)` works as well as
 * `=CDS.DAT(…)`. Returns false when the name already exists (left as it is).
 */
export async function addCdsDatName(context: Excel.RequestContext): Promise<boolean> {
  return guarded(async () => {
    const existing = context.workbook.names.getItemOrNullObject(CDS_DAT_NAME);
    await context.sync();
    if (!existing.isNullObject) return false;
    context.workbook.names.add(CDS_DAT_NAME, CDS_DAT_LAMBDA, MESSAGES.nameComment);
    try {
      await context.sync();
    } catch (error) {
      const { code } = describeOfficeError(error);
      if (code === "CELL_EDIT") throw error;
      throw new ExcelAddinError("NAME_UNSUPPORTED", MESSAGES.nameUnsupported);
    }
    return true;
  });
}

/**
 * Adds the sheet "Bộ tiêu chí" holding `set`, for officials to edit; grading then uses it. Returns false, and
 * writes nothing, when the workbook already has the sheet. Syncs: 2.
 */
export async function addCriteriaSheet(context: Excel.RequestContext, set: CriteriaSet): Promise<boolean> {
  return guarded(async () => {
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    if (sheets.items.some((s) => isCriteriaSheet(s.name))) return false;
    const plan = planCriteriaSheet(set);
    const sheet = sheets.add(plan.sheet);
    queueBlock(sheet, 0, 0, plan.values);
    const width = plan.columnWidths.length;
    for (const r of plan.boldRows) sheet.getRangeByIndexes(r, 0, 1, width).format.font.bold = true;
    plan.columnWidths.forEach((w, c) => {
      sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = w;
    });
    sheet.activate();
    await context.sync();
    return true;
  });
}

export { CRITERIA_SHEET, SUMMARY_SHEET };
