/**
 * The Excel host: reads sheets into grids, calls the core, applies its edit plan.
 * Every function takes a request context (Excel.run's, or the test fake). The number of context.sync() grows
 * with bytes, not rows: sheets are read, checked and written in batches of at most SHEETS_PER_BATCH sheets and
 * SYNC_BUDGET bytes each way (payload.ts), the check of the next batch and the summary sheet riding in the write
 * syncs when they fit; N sheets that each fit in one request never take more than 3N + 2 syncs.
 * Before anything is written, every refusal the add-in can foresee is ruled out: a protected sheet, a protected
 * workbook structure (the summary sheet is added and deleted), a write too big for one request.
 */
import {
  CRITERIA_MARK,
  CRITERIA_SHEET,
  detectAnnexes,
  FORM_CHECK_LABELS,
  freeSheetName,
  isCriteriaSheet,
  planClear,
  referenceToA1,
  resolveOwnSheets,
  sameSheetName,
  sheetOfReference,
  SUMMARY_MARK,
  type OwnSheetMarks,
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
  type SummaryLayout,
  type SummaryPlan,
  type WorkbookReport,
} from "../../shared";
import {
  formOf,
  gradeWorkbookWithForms,
  INDEX_SHEET,
  isIndexSheet,
  planIndexSheet,
  type FormsResult,
  type IndexSet,
  type WorkbookOptions,
} from "../../shared/dti";
import { a1, parseA1 } from "../../shared/text";
import { describeOfficeError, MESSAGES, officeCode, type ExcelErrorCode } from "./messages";
import { ACTION_BYTES, jsonBytes, READ_BYTES_PER_CELL, SYNC_BUDGET, textBytes } from "./payload";

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

/** rows of a sheet's used range read in one request, and their formulas as read (to spot edits made meanwhile) */
interface PieceKey {
  readonly from: number;
  readonly rows: number;
  /** the formulas (constants for plain cells) as JSON */
  readonly formulasKey: string;
  readonly bytes: number;
}

/** one sheet as read (in one or more syncs) */
interface SheetRead {
  readonly name: string;
  readonly grid: Grid;
  /** the used range's address (values only) and area when surveyed; null for an empty sheet */
  readonly address: string | null;
  readonly used: Area | null;
  readonly pieces: readonly PieceKey[];
  readonly protected: boolean;
  /** text-comparison conditional formats on the sheet: candidates for the add-in's own */
  readonly textFormats: readonly Excel.ConditionalFormat[];
}

/** the formula behind the workbook name `CDS_DAT`, so users can type `=CDS_DAT(…)` as the spec writes it */
export const CDS_DAT_NAME = "CDS_DAT";
export const CDS_DAT_LAMBDA =
  "=LAMBDA(ket_qua,chi_tieu,[nam],IF(ISOMITTED(nam),CDS.DAT(ket_qua,chi_tieu),CDS.DAT(ket_qua,chi_tieu,nam)))";
/** the same for `=CDS_DIEM(…)` over `CDS.DIEM` */
export const CDS_DIEM_NAME = "CDS_DIEM";
export const CDS_DIEM_LAMBDA =
  "=LAMBDA(giai_trinh,cach_tinh,diem_toi_da,CDS.DIEM(giai_trinh,cach_tinh,diem_toi_da))";

/** the workbook names the task pane adds, with their formulas and comments */
const CDS_NAMES: readonly { name: string; formula: string; comment: string }[] = [
  { name: CDS_DAT_NAME, formula: CDS_DAT_LAMBDA, comment: MESSAGES.nameComment },
  { name: CDS_DIEM_NAME, formula: CDS_DIEM_LAMBDA, comment: MESSAGES.diemNameComment },
];

/** the labels of the first own column: an annex's statuses and a form's results */
const LABELS = new Set<string>([...Object.values(STATUS_LABELS), ...FORM_CHECK_LABELS]);
/** own labels are matched by their first characters; no label begins with another (a test checks it) */
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

/** the sheet names in tab order, the active sheet's name and whether the workbook's structure is protected (one sync) */
/** the workbook's sheets, the active one, the structure's protection and the add-in's marks: one sync */
async function listSheets(
  context: Excel.RequestContext,
  stats: RunStats,
): Promise<{
  names: string[];
  active: string;
  structureProtected: boolean;
  /** the sheets the add-in's marks point at (report/own-sheets.ts) */
  marks: OwnSheetMarks;
  /** which marks exist as workbook names (also one pointing at a deleted sheet: `=#REF!$A$1`) */
  markNames: { summary: boolean; criteria: boolean };
}> {
  const sheets = context.workbook.worksheets.load("items/name");
  const active = context.workbook.worksheets.getActiveWorksheet().load("name");
  const protection = context.workbook.protection.load("protected");
  // NamedItem.formula is ExcelApi 1.7; getItemOrNullObject 1.4
  const summaryMark = context.workbook.names.getItemOrNullObject(SUMMARY_MARK).load("formula");
  const criteriaMark = context.workbook.names.getItemOrNullObject(CRITERIA_MARK).load("formula");
  await sync(context, stats);
  const names = sheets.items.map((s) => s.name);
  const pointed = (item: Excel.NamedItem): string | null => {
    if (item.isNullObject) return null;
    const sheet = sheetOfReference(item.formula);
    return sheet !== null && names.includes(sheet) ? sheet : null;
  };
  return {
    names,
    active: active.name,
    structureProtected: protection.protected,
    marks: { summary: pointed(summaryMark), criteria: pointed(criteriaMark), sheetNames: names },
    markNames: { summary: !summaryMark.isNullObject, criteria: !criteriaMark.isNullObject },
  };
}

/** queues marking `sheet` as the add-in's: the workbook name `mark` on its A1 (an old one deleted first) */
function queueMark(context: Excel.RequestContext, mark: string, sheet: string, existed: boolean): void {
  if (existed) context.workbook.names.getItem(mark).delete();
  context.workbook.names.add(mark, `=${referenceToA1(sheet)}`, MESSAGES.markComment);
}

/** refuses, before anything is written, to add or delete `sheet` in a workbook whose structure is protected */
function assertStructureFree(structureProtected: boolean, sheet: string, adding: boolean): void {
  if (structureProtected) throw new ExcelAddinError("PROTECTED", MESSAGES.structureProtected(sheet, adding));
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
/** the response of a sheet's conditional-format list, guessed */
const FORMAT_LIST_BYTES = 2_000;

/** what the survey learns of a sheet before reading it */
interface SheetSize {
  readonly name: string;
  readonly cells: number;
  readonly protected: boolean;
  /** the used range (values only), 0-based; null for an empty sheet */
  readonly used: Area | null;
  readonly address: string | null;
}

/** used range (place and size) and protection of each sheet (one sync for all) */
async function surveySheets(
  context: Excel.RequestContext,
  names: readonly string[],
  stats: RunStats,
): Promise<SheetSize[]> {
  const looked = names.map((name) => {
    const sheet = context.workbook.worksheets.getItem(name);
    return {
      name,
      used: sheet.getUsedRangeOrNullObject(true).load("address,rowIndex,columnIndex,rowCount,columnCount"),
      protection: sheet.protection.load("protected"),
    };
  });
  if (looked.length > 0) await sync(context, stats);
  return looked.map(({ name, used, protection }) => {
    if (used.isNullObject)
      return { name, cells: 0, protected: protection.protected, used: null, address: null };
    const area = { row: used.rowIndex, col: used.columnIndex, rows: used.rowCount, cols: used.columnCount };
    return {
      name,
      cells: area.rows * area.cols,
      protected: protection.protected,
      used: area,
      address: used.address,
    };
  });
}

/**
 * Consecutive groups of at most SHEETS_PER_BATCH items whose sizes add up to at most `limit` (an item bigger
 * than the limit goes alone).
 */
export function batches<T>(items: readonly T[], size: (item: T) => number, limit = SYNC_BUDGET): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let total = 0;
  for (const item of items) {
    const n = size(item);
    if (current.length > 0 && (current.length >= SHEETS_PER_BATCH || total + n > limit)) {
      out.push(current);
      current = [];
      total = 0;
    }
    current.push(item);
    total += n;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** rows `from` to `from + rows - 1` of a sheet's used range; an empty sheet is one piece of no rows */
interface Piece {
  readonly size: SheetSize;
  readonly from: number;
  readonly rows: number;
}

interface PieceRead {
  readonly piece: Piece;
  readonly values: unknown[][];
  readonly types: string[][];
  readonly formats: unknown[][];
  readonly formulasKey: string;
  readonly bytes: number;
  /** text-comparison conditional formats, read with the sheet's first piece */
  readonly textFormats: Excel.ConditionalFormat[] | null;
  /** merged areas whose top-left cell lies in the piece (ExcelApi 1.13), 0-based on the sheet */
  readonly merges: readonly Area[];
}

/** the ExcelApi that reads merged areas (Range.getMergedAreasOrNullObject) */
export const MERGES_API = { name: "ExcelApi", version: "1.13" } as const;

/**
 * Whether this Excel reads merged areas (ExcelApi 1.13: Microsoft 365, Excel 2021 and later). Older Excel grades
 * a value merged over several rows for its first row only, as before.
 */
export function canReadMerges(): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  try {
    return office?.context?.requirements?.isSetSupported(MERGES_API.name, MERGES_API.version) === true;
  } catch {
    return false;
  }
}

/** the merged areas of a RangeAreas address (`'Xã A'!A1:B1, 'Xã A'!D5:D7`), 0-based */
export function mergedAreasOf(address: string): Area[] {
  const out: Area[] = [];
  // sheet names may hold commas inside their quotes: split on commas followed by a sheet or a cell
  for (const part of address.split(/,\s*(?=(?:'[^']*'|[^',!]+)!|\$?[A-Z]+\$?\d)/)) {
    const area = areaOfAddress(part.replace(/\$/g, "").trim());
    if (area && (area.rows > 1 || area.cols > 1)) out.push(area);
  }
  return out;
}

/** the pieces of the first batch to read: whole sheets while they fit, else the rows of one that fit */
function takeReadBatch(queue: Piece[], perCell: number): Piece[] {
  const batch: Piece[] = [];
  const sheets = new Set<string>();
  let bytes = 0;
  while (queue.length > 0) {
    const piece = queue[0]!;
    if (!sheets.has(piece.size.name) && sheets.size >= SHEETS_PER_BATCH) break;
    const fixed = 4 * ACTION_BYTES + (piece.from === 0 ? FORMAT_LIST_BYTES : 0);
    const perRow = Math.max(1, (piece.size.used?.cols ?? 0) * perCell);
    const fit = Math.floor((SYNC_BUDGET - bytes - fixed) / perRow);
    if (piece.rows <= fit) {
      batch.push(piece);
      queue.shift();
      sheets.add(piece.size.name);
      bytes += fixed + piece.rows * perRow;
      continue;
    }
    const take = batch.length === 0 ? Math.max(1, fit) : fit;
    if (take >= 1) {
      batch.push({ ...piece, rows: take });
      queue[0] = { ...piece, from: piece.from + take, rows: piece.rows - take };
    }
    break;
  }
  return batch;
}

/** queues the read of a piece: values, number formats, value types, formulas; the rule list with the first piece */
function queuePiece(context: Excel.RequestContext, piece: Piece, readMerges: boolean): () => PieceRead {
  const sheet = context.workbook.worksheets.getItem(piece.size.name);
  const used = piece.size.used;
  const range =
    used && piece.rows > 0
      ? sheet
          .getRangeByIndexes(used.row + piece.from, used.col, piece.rows, used.cols)
          .load("values,numberFormat,valueTypes,formulas")
      : null;
  const formats = piece.from === 0 ? sheet.getRange().conditionalFormats.load("items/type") : null;
  // in the same request as the values: no sync of its own
  const merged = range && readMerges ? range.getMergedAreasOrNullObject().load("address") : null;
  return () => {
    const values = range ? range.values : [];
    const types = range ? range.valueTypes : [];
    const numberFormats = range ? range.numberFormat : [];
    const formulasKey = range ? JSON.stringify(range.formulas) : "[]";
    return {
      piece,
      values,
      types,
      formats: numberFormats,
      formulasKey,
      bytes:
        jsonBytes(values) +
        jsonBytes(types) +
        jsonBytes(numberFormats) +
        textBytes(formulasKey) +
        (merged && !merged.isNullObject ? textBytes(merged.address) : 0),
      textFormats: formats ? formats.items.filter((f) => f.type === "ContainsText") : null,
      merges: merged && !merged.isNullObject ? mergedAreasOf(merged.address) : [],
    };
  };
}

/** a sheet's pieces put together as the core's grid */
function assemble(size: SheetSize, parts: readonly PieceRead[]): SheetRead {
  const values: RawCell[][] = [];
  const numberFormats: (string | null)[][] = [];
  const top = size.used?.row ?? 0;
  const left = size.used?.col ?? 0;
  for (let r = 0; r < top; r++) {
    values.push([]);
    numberFormats.push([]);
  }
  for (const part of parts)
    part.values.forEach((line, i) => {
      const types = part.types[i] ?? [];
      const fmts = part.formats[i] ?? [];
      values.push([...new Array<RawCell>(left).fill(null), ...line.map((v, j) => rawCell(v, types[j]))]);
      numberFormats.push([...new Array<string | null>(left).fill(null), ...fmts.map((f) => String(f))]);
    });
  const merges = parts.flatMap((p) => p.merges);
  return {
    name: size.name,
    grid: { values, formats: numberFormats, ...(merges.length > 0 ? { merges } : {}) },
    address: size.address,
    used: size.used,
    pieces: parts
      .filter((p) => p.piece.rows > 0)
      .map((p) => ({
        from: p.piece.from,
        rows: p.piece.rows,
        formulasKey: p.formulasKey,
        bytes: textBytes(p.formulasKey),
      })),
    protected: size.protected,
    textFormats: parts[0]?.textFormats ?? [],
  };
}

/**
 * Reads the sheets in batches of at most SYNC_BUDGET bytes (guessed from the cells, then from what was read):
 * one sync per batch; a sheet too big for one request is read in pieces of rows. A read Excel refuses as too
 * big changed nothing, so it is read again in smaller pieces.
 */
async function readSheets(
  context: Excel.RequestContext,
  sizes: readonly SheetSize[],
  stats: RunStats,
  onProgress: ProgressListener | undefined,
  total: number,
): Promise<SheetRead[]> {
  const queue: Piece[] = sizes.map((size) => ({ size, from: 0, rows: size.used?.rows ?? 0 }));
  const readMerges = canReadMerges();
  const out: SheetRead[] = [];
  let parts: PieceRead[] = [];
  let perCell = READ_BYTES_PER_CELL;
  let measured = 0;
  while (queue.length > 0) {
    const batch = takeReadBatch(queue, perCell);
    const names = new Set(batch.map((p) => p.size.name)).size;
    onProgress?.({
      done: out.length,
      total,
      message: MESSAGES.reading(out.length + 1, out.length + names, sizes.length),
    });
    const pending = batch.map((piece) => queuePiece(context, piece, readMerges));
    try {
      await sync(context, stats);
    } catch (error) {
      if (officeCode(error) !== "ResponsePayloadSizeLimitExceeded") throw error;
      const only = batch.length === 1 ? batch[0]! : null;
      if (only && only.rows <= 1)
        throw new ExcelAddinError("TOO_LARGE", MESSAGES.sheetTooLarge(only.size.name));
      perCell *= 2;
      queue.unshift(...batch);
      continue;
    }
    for (const get of pending) {
      const part = get();
      const { size } = part.piece;
      const cells = part.piece.rows * (size.used?.cols ?? 0);
      if (cells > 0) measured = Math.max(measured, part.bytes / cells);
      parts.push(part);
      if (part.piece.from + part.piece.rows >= (size.used?.rows ?? 0)) {
        out.push(assemble(size, parts));
        parts = [];
        stats.sheetsRead++;
      }
    }
    if (measured > 0) perCell = measured * 1.25;
  }
  return out;
}

function inputOf(read: SheetRead): SheetInput {
  return { name: read.name, grid: read.grid };
}

// ---------------------------------------------------------------------------------------------
// the pane's first look

/** what the pane shows on opening: the annexes and points-based forms found, and the active sheet */
export interface WorkbookScan {
  readonly active: string;
  readonly sheets: readonly AnnexInfo[];
  /** the sheets holding a points-based form (Biểu mẫu 01 or a decision's table with a commune's columns) */
  readonly forms: readonly string[];
  readonly stats: RunStats;
}

/**
 * Finds the annexes and forms in the workbook: one sync for the sheet list, one for their sizes, one per read
 * batch.
 */
export async function scanWorkbook(
  context: Excel.RequestContext,
  options: GradeOptions = {},
  onProgress?: ProgressListener,
): Promise<WorkbookScan> {
  return guarded(async () => {
    const stats = newStats();
    const { names, active, marks } = await listSheets(context, stats);
    // every sheet but the marked summary sheet (a user's sheet bearing its name is read like any other)
    const sizes = await surveySheets(
      context,
      names.filter((n) => n !== marks.summary),
      stats,
    );
    const reads = await readSheets(context, sizes, stats, onProgress, sizes.length);
    const byName = new Map(
      detectAnnexes(reads.map(inputOf), { ...options, marks }).map((info) => [info.name, info]),
    );
    const forms = reads.filter((r) => !byName.get(r.name)?.annex && formOf(inputOf(r))).map((r) => r.name);
    const sheets = names.map(
      (n) =>
        byName.get(n) ?? detectAnnexes([{ name: n, grid: { values: [] } }], { marks: { summary: n } })[0]!,
    );
    return { active, sheets, forms, stats };
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
  width?: number,
): Excel.Range | null {
  const rows = values.length;
  const cols = width ?? Math.max(0, ...values.map((l) => l.length));
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

/** one part of the check before writing: what it loads (bytes of the response) and how to queue it */
interface CheckPart {
  readonly bytes: number;
  queue(): () => Inspection;
}

/**
 * The check of one sheet before writing: its text rules and their areas (to find the add-in's own) and, when
 * `recheck`, its used range again, address and formulas piece by piece as read (to spot edits made meanwhile;
 * formulas, not values: a recalculated =TODAY() or =RAND() is not an edit). Each part fits in one request.
 */
function checkParts(
  context: Excel.RequestContext,
  read: SheetRead,
  own: readonly Area[],
  recheck: boolean,
): CheckPart[] {
  const head: CheckPart = {
    bytes: ACTION_BYTES * (2 + 4 * read.textFormats.length),
    queue: () => {
      const sheet = context.workbook.worksheets.getItem(read.name);
      const used = recheck ? sheet.getUsedRangeOrNullObject(true).load("address") : null;
      const looked = read.textFormats.map((f) => ({
        format: f,
        text: f.textComparison.load("rule"),
        range: f.getRangeOrNullObject().load("address"),
      }));
      return () => {
        const address = used === null || used.isNullObject ? null : used.address;
        const ownFormats = looked
          .filter(({ text, range }) => {
            if (range.isNullObject || !text.rule || !LABELS.has(text.rule.text)) return false;
            const area = areaOfAddress(range.address);
            return area !== null && withinColumns(area, own);
          })
          .map(({ format }) => format);
        return { ownFormats, changed: used !== null && address !== read.address };
      };
    },
  };
  const area = read.used;
  if (!recheck || !area) return [head];
  return [
    head,
    ...read.pieces.map((piece): CheckPart => ({
      bytes: piece.bytes + 2 * ACTION_BYTES,
      queue: () => {
        const range = context.workbook.worksheets
          .getItem(read.name)
          .getRangeByIndexes(area.row + piece.from, area.col, piece.rows, area.cols)
          .load("formulas");
        return () => ({ ownFormats: [], changed: JSON.stringify(range.formulas) !== piece.formulasKey });
      },
    })),
  ];
}

function combine(found: readonly Inspection[]): Inspection {
  return { ownFormats: found.flatMap((f) => f.ownFormats), changed: found.some((f) => f.changed) };
}

function checkBytes(parts: readonly CheckPart[]): number {
  return parts.reduce((n, p) => n + p.bytes, 0);
}

/** bytes of the request that writes a sheet's plan: its blocks (values and number formats) and the actions */
function sheetPlanBytes(plan: SheetPlan): number {
  let bytes = ACTION_BYTES * 12;
  for (const block of plan.writes) bytes += blockBytes(block.values);
  for (const format of plan.formats) bytes += ACTION_BYTES * (1 + 5 * format.rules.length);
  return bytes;
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

/** a write after the sheets' own (the summary sheet): its bytes and how to queue it */
interface LastWrite {
  readonly bytes: number;
  queue(): void;
}

/** bytes of the request that writes a block of cells: values and number formats as sent, and the actions */
function blockBytes(values: readonly (readonly PlanCell[])[], width?: number): number {
  return cellBytes(values, width) + 3 * ACTION_BYTES;
}

/** bytes of a block's values and number formats as sent */
function cellBytes(values: readonly (readonly PlanCell[])[], width?: number): number {
  const cols = width ?? Math.max(0, ...values.map((l) => l.length));
  return jsonBytes(excelValues(values, cols)) + jsonBytes(excelFormats(values, cols));
}

/**
 * The summary sheet as steps of at most SYNC_BUDGET bytes each: the old sheet deleted and the new one added
 * with its first rows, further rows when they do not fit, then bold rows, widths, rules and charts.
 */
/**
 * The summary sheet's writes: the add-in's old summary sheet (`old`: marked, or an earlier version's) deleted,
 * the new one added under the plan's name (a free one beside a user's sheet) and marked (`marked`: the mark
 * existed and is replaced).
 */
function summarySteps(
  context: Excel.RequestContext,
  summary: SummaryPlan,
  old: string | null,
  marked: boolean,
): LastWrite[] {
  const width = Math.max(1, ...summary.values.map((l) => l.length));
  const steps: LastWrite[] = [];
  let from = 0;
  do {
    let to = from;
    let bytes = 10 * ACTION_BYTES;
    while (to < summary.values.length) {
      const row = cellBytes([summary.values[to]!], width);
      if (to > from && bytes + row > SYNC_BUDGET) break;
      bytes += row;
      to++;
    }
    const first = from === 0;
    const rows = summary.values.slice(from, to);
    const at = from;
    steps.push({
      bytes,
      queue: () => {
        const sheets = context.workbook.worksheets;
        context.workbook.application.suspendApiCalculationUntilNextSync();
        if (first && old !== null) sheets.getItem(old).delete();
        const sheet = first ? sheets.add(summary.sheet) : sheets.getItem(summary.sheet);
        if (first) queueMark(context, SUMMARY_MARK, summary.sheet, marked);
        queueBlock(sheet, at, 0, rows, width);
      },
    });
    from = to;
  } while (from < summary.values.length);
  const layout = summary.layout;
  const actions =
    3 +
    2 * summary.boldRows.length +
    2 * summary.columnWidths.length +
    summary.formats.reduce((n, f) => n + 1 + 5 * f.rules.length, 0) +
    6 * summary.charts.length +
    (layout ? 16 * layout.tables.length + 2 * layout.percent.length + 10 : 0);
  steps.push({
    bytes:
      actions * ACTION_BYTES +
      jsonBytes(summary.charts.map((c) => c.title)) +
      (layout?.percent.reduce((n, p) => n + p.rows * p.cols * (PERCENT_FORMAT.length + 3), 0) ?? 0),
    queue: () => {
      const sheet = context.workbook.worksheets.getItem(summary.sheet);
      context.workbook.application.suspendApiCalculationUntilNextSync();
      for (const r of summary.boldRows) sheet.getRangeByIndexes(r, 0, 1, width).format.font.bold = true;
      summary.columnWidths.forEach((w, c) => {
        sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = w;
      });
      queueFormats(sheet, summary.formats);
      if (layout) queueSummaryLayout(sheet, layout, summary.values.length, width);
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
    },
  });
  return steps;
}

const BORDER_EDGES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
] as const;
const BORDER_COLOR = "#A6A6A6";
const HEADER_FILL = "#DDEBF7";
/** a share held as a fraction, shown as a percentage (in the user's decimal separator) */
export const PERCENT_FORMAT = "0.0%";

/**
 * True when Excel has the page-layout API (ExcelApi 1.9); the manifest asks for 1.7, so older Excel
 * (2016/2019 without updates) gets the summary sheet without its page setup.
 */
export function pageLayoutSupported(): boolean {
  try {
    return typeof Office !== "undefined" && Office.context.requirements.isSetSupported("ExcelApi", "1.9");
  } catch {
    return false;
  }
}

/**
 * Queues the summary sheet's look: each table bordered and wrapped, its header rows filled; shares as
 * percentages; the title block frozen; rows fitted to their wrapped text; and, with ExcelApi 1.9, A4
 * landscape one page wide with the title block repeated on every page. No read: nothing waits for a sync.
 */
function queueSummaryLayout(
  sheet: Excel.Worksheet,
  layout: SummaryLayout,
  rows: number,
  width: number,
): void {
  for (const table of layout.tables) {
    const { row, col, rows: n, cols } = table.area;
    if (n === 0 || cols === 0) continue;
    const range = sheet.getRangeByIndexes(row, col, n, cols);
    range.format.wrapText = true;
    range.format.verticalAlignment = "Top";
    for (const edge of BORDER_EDGES) {
      const border = range.format.borders.getItem(edge);
      border.style = "Continuous";
      border.color = BORDER_COLOR;
    }
    if (table.headerRows > 0) {
      const header = sheet.getRangeByIndexes(row, col, table.headerRows, cols);
      header.format.fill.color = HEADER_FILL;
      header.format.verticalAlignment = "Center";
    }
  }
  for (const p of layout.percent)
    sheet.getRangeByIndexes(p.row, p.col, p.rows, p.cols).numberFormat = Array.from({ length: p.rows }, () =>
      Array.from({ length: p.cols }, () => PERCENT_FORMAT),
    );
  if (layout.frozenRows > 0) sheet.freezePanes.freezeRows(layout.frozenRows);
  if (rows > 0) sheet.getRangeByIndexes(0, 0, rows, width).format.autofitRows();
  if (!pageLayoutSupported()) return;
  const page = sheet.pageLayout;
  page.orientation = "Landscape";
  page.paperSize = "A4";
  // one page wide; Excel works out how many pages tall
  page.zoom = { horizontalFitToPages: layout.print.fitToWidth };
  const titles = layout.print.titleRows;
  page.setPrintTitleRows(`$${titles.row + 1}:$${titles.row + titles.rows}`);
}

/** runs steps in as few syncs as SYNC_BUDGET allows */
async function runSteps(
  context: Excel.RequestContext,
  stats: RunStats,
  steps: readonly LastWrite[],
): Promise<void> {
  let bytes = 0;
  let queued = 0;
  for (const step of steps) {
    if (queued > 0 && bytes + step.bytes > SYNC_BUDGET) {
      await sync(context, stats);
      bytes = 0;
      queued = 0;
    }
    step.queue();
    bytes += step.bytes;
    queued++;
  }
  if (queued > 0) await sync(context, stats);
}

// ---------------------------------------------------------------------------------------------
// grading

export type GradeScope = "active" | "all";

export interface GradeRun {
  readonly report: WorkbookReport;
  /** the points-based forms checked, their ranking and disputes (empty in a workbook without forms) */
  readonly forms: FormsResult;
  readonly plan: EditPlan;
  readonly stats: RunStats;
  /** the workbook's sheets; a report whose name is not among them is a commune's column of a shared sheet */
  readonly sheetNames: readonly string[];
}

/** the reasons sheets were skipped, one line each */
function skippedLines(report: WorkbookReport): string[] {
  return report.skipped
    .filter((s) => s.name !== report.summarySheet)
    .map((s) => MESSAGES.skippedLine(s.name, s.reason));
}

/**
 * Runs `write` over the groups, each group checked first. The check of the next group rides in the sync that
 * writes the current one, and the steps of `last` (the summary sheet) in the sync of the final group, when they
 * fit in SYNC_BUDGET; otherwise they get syncs of their own. Syncs: 1 + one per group when everything fits.
 */
async function writeInBatches<T>(
  context: Excel.RequestContext,
  stats: RunStats,
  groups: readonly (readonly T[])[],
  checks: (item: T) => CheckPart[],
  writeBytes: (item: T) => number,
  /** may throw to stop before anything of the group is queued */
  accept: (item: T, found: Inspection) => void,
  write: (item: T, found: Inspection) => void,
  onBatch: (batch: readonly T[], index: number) => void,
  last: readonly LastWrite[],
): Promise<void> {
  /** checks a group in syncs of their own, each within the budget */
  const checkAlone = async (group: readonly T[]): Promise<Inspection[]> => {
    const found: Inspection[][] = group.map(() => []);
    let chunk: { index: number; part: CheckPart }[] = [];
    let bytes = 0;
    const flush = async (): Promise<void> => {
      const queued = chunk.map(({ index, part }) => ({ index, get: part.queue() }));
      await sync(context, stats);
      for (const { index, get } of queued) found[index]!.push(get());
      chunk = [];
      bytes = 0;
    };
    for (const [index, item] of group.entries())
      for (const part of checks(item)) {
        if (chunk.length > 0 && bytes + part.bytes > SYNC_BUDGET) await flush();
        chunk.push({ index, part });
        bytes += part.bytes;
      }
    if (chunk.length > 0) await flush();
    return found.map(combine);
  };

  let found = groups[0] ? await checkAlone(groups[0]) : [];
  for (const [index, group] of groups.entries()) {
    onBatch(group, index);
    group.forEach((item, i) => accept(item, found[i]!));
    group.forEach((item, i) => write(item, found[i]!));
    const request = group.reduce((n, item) => n + writeBytes(item), 0);
    const next = groups[index + 1];
    const nextParts = next ? next.map(checks) : [];
    const riding =
      next && checkBytes(nextParts.flat()) <= SYNC_BUDGET
        ? nextParts.map((parts) => parts.map((p) => p.queue()))
        : null;
    let rides = 0;
    let bytes = request;
    while (!next && rides < last.length && bytes + last[rides]!.bytes <= SYNC_BUDGET) {
      bytes += last[rides]!.bytes;
      last[rides++]!.queue();
    }
    await sync(context, stats);
    stats.sheetsWritten += group.length;
    if (!next) await runSteps(context, stats, last.slice(rides));
    if (next)
      found = riding ? riding.map((gets) => combine(gets.map((get) => get()))) : await checkAlone(next);
  }
  if (groups.length === 0) await runSteps(context, stats, last);
}

/**
 * Grades the active sheet or every annex sheet and checks the points-based forms (shared/dti), then writes the
 * results: the add-in's own columns (a form's three: result, points, reason), their conditional formats and the
 * summary sheet "Tổng hợp CĐS" with its charts. A "Bộ tiêu chí" sheet supplies the criteria set and a "Bộ chỉ số"
 * sheet the index set, also when grading the active sheet only.
 * Syncs: 1 for the sheet list, 1 for their sizes, 1 per read batch, 1 for the first check, 1 per write batch
 * (the next batch's check and, at the end, the summary sheet ride along when they fit). A batch holds at most
 * SHEETS_PER_BATCH sheets and SYNC_BUDGET bytes each way, so N sheets that each fit in one request never take
 * more than 3N + 2 syncs.
 * Throws ExcelAddinError (Vietnamese message), before anything is written, for a protected sheet, a protected
 * workbook structure, a sheet whose results are too big for one request, no annex; and for a sheet changed
 * while grading (that sheet and those after it are not written) and cell-edit mode.
 */
export async function gradeInExcel(
  context: Excel.RequestContext,
  scope: GradeScope,
  options: WorkbookOptions = {},
  onProgress?: ProgressListener,
): Promise<GradeRun> {
  return guarded(async () => {
    const stats = newStats();
    const { names, active, structureProtected, marks, markNames } = await listSheets(context, stats);
    if (scope === "active" && active === marks.summary)
      throw new ExcelAddinError("NO_ANNEX", MESSAGES.activeIsSummary);
    // the "Bộ tiêu chí" sheet, when there is one, supplies the criteria set even when grading one sheet; a
    // sheet bearing the summary sheet's name without the mark is read for its title (an earlier version's)
    const criteriaSheets = marks.criteria ? [marks.criteria] : names.filter(isCriteriaSheet);
    const setSheets = [...criteriaSheets, ...names.filter(isIndexSheet)];
    const namedSummary = names.filter((n) => n !== marks.summary && sameSheetName(n, SUMMARY_SHEET));
    const toRead =
      scope === "active"
        ? [...new Set([...setSheets, ...namedSummary, active])]
        : names.filter((n) => n !== marks.summary);
    const sizes = await surveySheets(context, toRead, stats);
    const total = sizes.length * 2 + 1;
    const reads = await readSheets(context, sizes, stats, onProgress, total);
    const byName = new Map(reads.map((r) => [r.name, r]));

    const own = resolveOwnSheets(reads.map(inputOf), marks);
    const inputs = reads
      .filter((r) => scope === "all" || r.name === active || setSheets.includes(r.name))
      .map(inputOf);
    const graded = { ...options, marks: { ...marks, summary: own.summary, criteria: own.criteria } };
    const { report, forms, plan } = gradeWorkbookWithForms(inputs, graded);
    const summaryLast = (summary: SummaryPlan): LastWrite[] =>
      summarySteps(context, summary, own.summary, markNames.summary);
    /** nothing graded: the summary sheet lists the mistakes of the sheet the office fills, then the pane says so */
    const refuse = async (error: ExcelAddinError): Promise<never> => {
      if (plan.summary) {
        assertStructureFree(structureProtected, plan.summary.sheet, true);
        await runSteps(context, stats, summaryLast(plan.summary));
      }
      throw error;
    };
    const criteriaProblems = report.criteriaSheetProblems ?? [];
    if (criteriaProblems.length > 0) {
      await refuse(
        new ExcelAddinError(
          "CRITERIA_SHEET",
          MESSAGES.criteriaSheetProblems(criteriaProblems.map((p) => p.message)),
        ),
      );
    }
    const indexProblems = forms.indexSheetProblems ?? [];
    if (report.sheets.length === 0 && indexProblems.length > 0) {
      // nothing to grade but forms, and the "Bộ chỉ số" sheet has mistakes
      await refuse(
        new ExcelAddinError("INDEX_SHEET", MESSAGES.indexSheetProblems(indexProblems.map((p) => p.message))),
      );
    }
    if (report.sheets.length === 0 && forms.reports.length === 0)
      throw new ExcelAddinError("NO_ANNEX", MESSAGES.noAnnex(skippedLines(report)));
    const locked = plan.sheets.filter((p) => byName.get(p.sheet)?.protected).map((p) => p.sheet);
    if (locked.length > 0) throw new ExcelAddinError("PROTECTED", MESSAGES.protectedSheets(locked));
    if (plan.summary) assertStructureFree(structureProtected, plan.summary.sheet, true);
    const tooBig = plan.sheets.find((p) => sheetPlanBytes(p) > SYNC_BUDGET);
    if (tooBig) throw new ExcelAddinError("TOO_LARGE", MESSAGES.resultsTooLarge(tooBig.sheet));
    const summary = plan.summary;

    const previous = new Map(planClear(inputs, graded.marks).sheets.map((s) => [s.sheet, s.own]));
    const ownAreas = (p: SheetPlan): Area[] => [
      p.own,
      ...(previous.has(p.sheet) ? [previous.get(p.sheet)!] : []),
    ];
    const checks = (p: SheetPlan): CheckPart[] =>
      checkParts(context, byName.get(p.sheet)!, ownAreas(p), true);
    await writeInBatches(
      context,
      stats,
      // the check reads the used range's formulas again, the write sends the own block
      batches(plan.sheets, (p) => Math.max(sheetPlanBytes(p), checkBytes(checks(p)))),
      checks,
      sheetPlanBytes,
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
      summary ? summaryLast(summary) : [],
    );
    onProgress?.({ done: total, total, message: MESSAGES.graded(plan.sheets.length) });
    return { report, forms, plan, stats, sheetNames: names };
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
    const { names, structureProtected, marks, markNames } = await listSheets(context, stats);
    const sizes = await surveySheets(
      context,
      names.filter((n) => n !== marks.summary),
      stats,
    );
    const total = sizes.length * 2 + 1;
    const reads = await readSheets(context, sizes, stats, onProgress, total);
    // the marked summary sheet, or an earlier version's (name and title); never a user's sheet bearing the name
    const cleared = planClear(reads.map(inputOf), marks);
    const byName = new Map(reads.map((r) => [r.name, r]));
    const locked = cleared.sheets.filter((s) => byName.get(s.sheet)?.protected).map((s) => s.sheet);
    if (locked.length > 0) throw new ExcelAddinError("PROTECTED", MESSAGES.protectedSheets(locked));
    if (cleared.summarySheet) assertStructureFree(structureProtected, cleared.summarySheet, false);

    const checks = (s: { sheet: string; own: Area }): CheckPart[] =>
      checkParts(context, byName.get(s.sheet)!, [s.own], false);
    const clearBytes = 6 * ACTION_BYTES;
    await writeInBatches(
      context,
      stats,
      batches(cleared.sheets, (s) => Math.max(clearBytes, checkBytes(checks(s)))),
      checks,
      () => clearBytes,
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
      cleared.summarySheet || markNames.summary
        ? [
            {
              bytes: 3 * ACTION_BYTES,
              queue: () => {
                if (cleared.summarySheet) context.workbook.worksheets.getItem(cleared.summarySheet).delete();
                if (markNames.summary) context.workbook.names.getItem(SUMMARY_MARK).delete();
              },
            },
          ]
        : [],
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
 * Defines the workbook names CDS_DAT and CDS_DIEM as LAMBDAs over the custom functions, so `=CDS_DAT(…)` and
 * `=CDS_DIEM(…)` work as well as `=CDS.DAT(…)` and `=CDS.DIEM(…)`. A name the workbook already has is left as it
 * is. Syncs: 1, and 1 more when a name is added.
 * @returns the names added and the names left as they were
 */
export async function addCdsNames(
  context: Excel.RequestContext,
): Promise<{ added: string[]; existing: string[] }> {
  return guarded(async () => {
    const found = CDS_NAMES.map((n) => context.workbook.names.getItemOrNullObject(n.name));
    await context.sync();
    const missing = CDS_NAMES.filter((_, i) => found[i]!.isNullObject);
    const existing = CDS_NAMES.filter((_, i) => !found[i]!.isNullObject).map((n) => n.name);
    if (missing.length === 0) return { added: [], existing };
    for (const n of missing) context.workbook.names.add(n.name, n.formula, n.comment);
    try {
      await context.sync();
    } catch (error) {
      const { code } = describeOfficeError(error);
      if (code === "CELL_EDIT") throw error;
      throw new ExcelAddinError("NAME_UNSUPPORTED", MESSAGES.nameUnsupported);
    }
    return { added: missing.map((n) => n.name), existing };
  });
}

/**
 * Adds the sheet "Bộ tiêu chí" holding `set`, for officials to edit, marked as the add-in's; grading then uses
 * it. A user's sheet bearing the name is kept: the new sheet takes a free name ("Bộ tiêu chí (2)"). Returns the
 * name written, or null, writing nothing, when the workbook already has the add-in's criteria sheet (marked)
 * or a "Bộ tiêu chí" sheet in its layout (made by an earlier version or by hand). Syncs: 2.
 */
export async function addCriteriaSheet(
  context: Excel.RequestContext,
  set: CriteriaSet,
): Promise<string | null> {
  return guarded(async () => {
    const stats = newStats();
    const { names, structureProtected, marks, markNames } = await listSheets(context, stats);
    if (marks.criteria) return null;
    const named = names.filter(isCriteriaSheet);
    if (named.length > 0) {
      const sizes = await surveySheets(context, named, stats);
      const reads = await readSheets(context, sizes, stats, undefined, sizes.length);
      if (resolveOwnSheets(reads.map(inputOf)).criteria !== null) return null;
    }
    const name = freeSheetName(CRITERIA_SHEET, names);
    assertStructureFree(structureProtected, name, true);
    const plan = planCriteriaSheet(set);
    const sheet = context.workbook.worksheets.add(name);
    queueMark(context, CRITERIA_MARK, name, markNames.criteria);
    queueEditableSheet(sheet, plan);
    await context.sync();
    return name;
  });
}

/** queues a sheet the office edits ("Bộ tiêu chí", "Bộ chỉ số"): its cells as text, bold rows, widths; shown */
function queueEditableSheet(
  sheet: Excel.Worksheet,
  plan: {
    readonly values: readonly (readonly PlanCell[])[];
    readonly boldRows: readonly number[];
    readonly columnWidths: readonly number[];
  },
): void {
  queueBlock(sheet, 0, 0, plan.values);
  const width = plan.columnWidths.length;
  for (const r of plan.boldRows) sheet.getRangeByIndexes(r, 0, 1, width).format.font.bold = true;
  plan.columnWidths.forEach((w, c) => {
    sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = w;
  });
  sheet.activate();
}

/** what "Tạo trang Bộ chỉ số" did: the sheet added, or the sheet of that name already there (nothing written) */
export type IndexSheetResult = { readonly added: string } | { readonly existing: string };

/**
 * Adds the sheet "Bộ chỉ số" holding `set`, for the reviewing office to edit or to paste a decision's table into;
 * grading then checks every form by it. A sheet the core would take for it (the name in any case, with or
 * without diacritics) is never touched, whoever made it: its name is returned and nothing is written.
 * Syncs: 2 (1 when a sheet of that name exists).
 */
export async function addIndexSheet(context: Excel.RequestContext, set: IndexSet): Promise<IndexSheetResult> {
  return guarded(async () => {
    const stats = newStats();
    const { names, structureProtected } = await listSheets(context, stats);
    const existing = names.find(isIndexSheet);
    if (existing !== undefined) return { existing };
    assertStructureFree(structureProtected, INDEX_SHEET, true);
    const plan = planIndexSheet(set);
    const sheet = context.workbook.worksheets.add(plan.sheet);
    queueEditableSheet(sheet, plan);
    await sync(context, stats);
    return { added: plan.sheet };
  });
}

export { CRITERIA_SHEET, INDEX_SHEET, SUMMARY_SHEET };
