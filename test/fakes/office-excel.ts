/**
 * An in-memory Excel that enforces the Office.js rules the add-in must respect:
 * - a proxy property can only be read after `load()` and `context.sync()` (else `PropertyNotLoaded`);
 * - writes and method calls are queued and run, in order, at `context.sync()`; each sync is counted;
 * - a write on a protected sheet fails at sync with `AccessDenied`, a sync in cell-edit mode with
 *   `InvalidOperationInCellEditMode`; later operations of that batch are dropped, earlier ones stay;
 * - a string written into a cell whose number format is not "@" is read like typed input: `=…`, `+…`,
 *   `-…`, `@…` become a formula (value `#NAME?`), `12` or `10%` become numbers;
 * - `null` in a written 2D array leaves that cell unchanged, as in Office.js;
 * - a workbook whose structure is protected refuses adding, deleting and renaming sheets (`AccessDenied`);
 * - Excel on the web's payload limit: a sync whose request (written values and formats as UTF-8 JSON, plus
 *   REQUEST_ACTION_BYTES per queued action) is over `payloadLimit` fails with RequestPayloadSizeLimitExceeded
 *   before anything runs; one whose response (the loaded data as UTF-8 JSON) is over it fails with
 *   ResponsePayloadSizeLimitExceeded after the batch ran, its writes kept (the harshest reading).
 * No Node import: the browser test bundles this file into its fake office.js.
 */

export type FakeValue = string | number | boolean;

export interface FakeCell {
  value: FakeValue;
  formula?: string;
  error?: boolean;
  numberFormat: string;
  bold?: boolean;
  fill?: string;
  fontColor?: string;
  wrapText?: boolean;
  verticalAlignment?: string;
}

export interface FakeArea {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface FakeConditionalFormatData {
  id: string;
  type: string;
  area: FakeArea;
  rule?: { operator: string; text: string };
  fill?: string;
  font?: string;
}

export interface FakeChart {
  id: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  position?: string;
}

export interface FakeSheet {
  name: string;
  cells: Map<string, FakeCell>;
  protected: boolean;
  conditionalFormats: FakeConditionalFormatData[];
  charts: FakeChart[];
  columnWidths: Map<number, number>;
  /** merged areas, 0-based */
  merges: { row: number; col: number; rows: number; cols: number }[];

  /** rows frozen at the top by freezePanes.freezeRows */
  frozenRows?: number;
  /** borders set on areas, in order (edge, style, colour) */
  borders?: { area: FakeArea; edge: string; style: string; color?: string }[];
  /** areas whose rows were fitted to their content by format.autofitRows */
  autofitRows?: FakeArea[];
  /** what worksheet.pageLayout (ExcelApi 1.9) set */
  pageLayout?: { orientation?: string; paperSize?: string; zoom?: unknown; printTitleRows?: string };
}

/** how a sheet is seeded: values as a user typed them (a string starting with `=` is a formula) */
export interface FakeSheetInit {
  name: string;
  values?: readonly (readonly (FakeValue | null | undefined)[])[];
  formats?: readonly (readonly (string | null | undefined)[])[];
  protected?: boolean;
  /** merged areas, 0-based (the value stays in the top-left cell, as Excel keeps it) */
  merges?: readonly { row: number; col: number; rows: number; cols: number }[];
  /**
   * values as an opened .xlsx file holds them, not as typed: a text stays text in a General cell ("1.1", "-",
   * "12/15"), as Excel shows a file's shared strings
   */
  stored?: boolean;
}

/** Excel on the web's documented 5 MB, as bytes (the smaller reading) */
export const WEB_PAYLOAD_LIMIT = 5_000_000;
/** what the fake counts for each queued action's envelope */
export const REQUEST_ACTION_BYTES = 100;

/** UTF-8 bytes of a value as JSON (no Node Buffer: the browser test bundles this file) */
export function utf8JsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? "";
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;
const GENERAL = "General";

/** an error shaped like OfficeExtension.Error */
export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

const MESSAGES: Record<string, string> = {
  PropertyNotLoaded:
    "The property '%' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
  AccessDenied:
    "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet.",
  InvalidOperationInCellEditMode:
    "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
  ItemNotFound: "The requested resource doesn't exist.",
  ItemAlreadyExists: "The resource already exists.",
  RequestPayloadSizeLimitExceeded: "The request payload size has exceeded the limit.",
  ResponsePayloadSizeLimitExceeded: "The response payload size has exceeded the limit.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  ApiNotFound:
    "The API you are trying to use could not be found. It may be available in a newer version of Excel.",
};

function officeError(code: string, detail = "", location?: string): FakeOfficeError {
  const base = (MESSAGES[code] ?? code).replace("%", detail);
  return new FakeOfficeError(code, detail && !base.includes(detail) ? `${base} (${detail})` : base, location);
}

function key(r: number, c: number): string {
  return `${r},${c}`;
}

function letters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function parseCell(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** `A1` or `A1:C5` → area; null when not an address */
export function parseAddress(address: string): FakeArea | null {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [a, b] = local.split(":");
  const from = parseCell(a ?? "");
  const to = b === undefined ? from : parseCell(b);
  if (!from || !to) return null;
  const row = Math.min(from.row, to.row);
  const col = Math.min(from.col, to.col);
  return { row, col, rows: Math.abs(to.row - from.row) + 1, cols: Math.abs(to.col - from.col) + 1 };
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function areaAddress(area: FakeArea): string {
  const start = `${letters(area.col)}${area.row + 1}`;
  if (area.rows === 1 && area.cols === 1) return start;
  return `${start}:${letters(area.col + area.cols - 1)}${area.row + area.rows}`;
}

function intersects(a: FakeArea, b: FakeArea): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

function isDefaultCell(cell: FakeCell): boolean {
  return (
    cell.value === "" &&
    cell.formula === undefined &&
    cell.numberFormat === GENERAL &&
    !cell.bold &&
    cell.fill === undefined &&
    cell.fontColor === undefined &&
    cell.wrapText === undefined &&
    cell.verticalAlignment === undefined
  );
}

/** what Excel does with a string typed (or written by the API) into a cell that is not text-formatted */
function typedInput(text: string): {
  value: FakeValue;
  formula?: string;
  error?: boolean;
  percentFormat?: string;
} {
  const trimmed = text.trim();
  if (/^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(trimmed)) return { value: Number(trimmed) };
  const pct = /^([+-]?\d+(\.\d+)?)%$/.exec(trimmed);
  if (pct) return { value: Number(pct[1]) / 100, percentFormat: pct[2] ? "0.00%" : "0%" };
  if (/^[=+\-@]/.test(text) && text.length > 1) return { value: "#NAME?", formula: text, error: true };
  return { value: text };
}

/** the state of the fake workbook; tests build it, inspect it and hand out contexts */
/** the sheet a name's reference points at (`='Tổng hợp CĐS'!$A$1`), as Excel keeps it */
function sheetOfReference(ref: string): string | null {
  const m = /^=?(?:'((?:[^']|'')+)'|([^'!=#(]+))!/.exec(ref.trim());
  if (!m) return null;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!;
}

function referenceToA1(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'!$A$1`;
}

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly names = new Map<string, { formula: string; comment: string }>();
  activeSheet = "";
  selection: { sheet: string; address: string } | null = null;
  /**
   * ExcelApi 1.9 (worksheet.pageLayout) present; false as on Excel 2016/2019 without updates: a call of the
   * page layout fails at sync with ApiNotFound, the rest of its batch dropped
   */
  pageLayoutApi = true;
  /** set to make every sync fail as when the user is typing in a cell */
  cellEditMode = false;
  /** Review › Protect Workbook (structure): sheets cannot be added, deleted or renamed */
  structureProtected = false;
  /** bytes one request and one response may carry; null for no limit (desktop Excel) */
  payloadLimit: number | null = WEB_PAYLOAD_LIMIT;
  /** the largest request and response of any sync so far, in bytes */
  maxRequestBytes = 0;
  maxResponseBytes = 0;
  /** syncs refused for their payload */
  payloadRefusals = 0;
  /** refused syncs that had written something before the refusal (a half-done batch) */
  refusedAfterWriting = 0;
  /** request and response bytes of every sync, in order */
  readonly payloads: { request: number; response: number }[] = [];
  /** total syncs over all contexts */
  syncCount = 0;
  /** sync numbers during which API calculation was suspended */
  readonly suspendedSyncs: number[] = [];
  /** sync numbers during which something was written */
  readonly writeSyncs = new Set<number>();
  /** called at the start of every sync with its number, before the batch runs (to simulate a user) */
  onSync: ((sync: number) => void) | null = null;
  /** the ExcelApi version this Excel has (1.13 and later read merged areas) */
  excelApi = "1.13";
  /** handlers registered through worksheets.onActivated */
  readonly activatedHandlers: ((event: { worksheetId: string; type: string }) => Promise<unknown>)[] = [];
  private nextId = 1;

  constructor(sheets: readonly FakeSheetInit[] = []) {
    for (const s of sheets) this.addSheet(s);
    this.activeSheet = this.sheets[0]?.name ?? "";
  }

  /** Office.context.requirements.isSetSupported for this Excel (ExcelApi only; other sets are supported) */
  supports(name: string, version = "1.1"): boolean {
    if (name !== "ExcelApi") return true;
    const [a, b] = this.excelApi.split(".").map(Number);
    const [c, d] = version.split(".").map(Number);
    return a! > c! || (a === c && b! >= d!);
  }

  newId(): string {
    return `{fake-${this.nextId++}}`;
  }

  /** adds a sheet seeded like a user typed it */
  addSheet(init: FakeSheetInit): FakeSheet {
    const sheet: FakeSheet = {
      name: init.name,
      cells: new Map(),
      protected: init.protected ?? false,
      conditionalFormats: [],
      charts: [],
      columnWidths: new Map(),
      merges: (init.merges ?? []).map((m) => ({ ...m })),
    };
    this.sheets.push(sheet);
    const rows = Math.max(init.values?.length ?? 0, init.formats?.length ?? 0);
    for (let r = 0; r < rows; r++) {
      const line = init.values?.[r] ?? [];
      const fmts = init.formats?.[r] ?? [];
      for (let c = 0; c < Math.max(line.length, fmts.length); c++) {
        const fmt = fmts[c];
        if (fmt) this.cellFor(sheet, r, c).numberFormat = fmt;
        const v = line[c];
        if (v === null || v === undefined) continue;
        if (init.stored) this.cellFor(sheet, r, c).value = v;
        else this.writeValue(sheet, r, c, v);
      }
    }
    return sheet;
  }

  /** a sheet by name (any case) or by the id worksheets hand out (`{sheet-<name>}`) */
  sheet(nameOrId: string): FakeSheet | undefined {
    const name = /^\{sheet-(.*)\}$/.exec(nameOrId)?.[1] ?? nameOrId;
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** the user clicks a sheet tab: the sheet becomes active and onActivated handlers run */
  async activateByUser(name: string): Promise<void> {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    this.activeSheet = sheet.name;
    for (const handler of this.activatedHandlers)
      await handler({ worksheetId: `{sheet-${sheet.name}}`, type: "WorksheetActivated" });
  }

  /** a new context, like the one Excel.run hands over */
  context(): FakeRequestContext {
    return new FakeRequestContext(this);
  }

  /** Excel.run over this workbook */
  async run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> {
    return batch(this.context());
  }

  /** the value of one cell as Excel would show it through `values` */
  value(sheetName: string, address: string): FakeValue {
    const at = parseAddress(address);
    const sheet = this.sheet(sheetName);
    if (!at || !sheet) throw new Error(`no cell ${sheetName}!${address}`);
    return sheet.cells.get(key(at.row, at.col))?.value ?? "";
  }

  cell(sheetName: string, address: string): FakeCell | undefined {
    const at = parseAddress(address);
    return at ? this.sheet(sheetName)?.cells.get(key(at.row, at.col)) : undefined;
  }

  /** a plain copy of everything on a sheet (cells, conditional formats, charts, widths), for equality checks */
  snapshot(sheetName: string): unknown {
    const sheet = this.sheet(sheetName);
    if (!sheet) return null;
    const cells = [...sheet.cells.entries()]
      .filter(([, c]) => !isDefaultCell(c))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, c]) => [k, { ...c }]);
    return {
      name: sheet.name,
      protected: sheet.protected,
      cells,
      conditionalFormats: sheet.conditionalFormats.map((f) => ({ ...f, id: "" })),
      charts: sheet.charts.map((c) => ({ ...c, id: "" })),
      columnWidths: [...sheet.columnWidths.entries()].sort(),
    };
  }

  // --- used by the proxies at sync time ---------------------------------------------------------

  cellFor(sheet: FakeSheet, r: number, c: number): FakeCell {
    let cell = sheet.cells.get(key(r, c));
    if (!cell) {
      cell = { value: "", numberFormat: GENERAL };
      sheet.cells.set(key(r, c), cell);
    }
    return cell;
  }

  prune(sheet: FakeSheet, r: number, c: number): void {
    const cell = sheet.cells.get(key(r, c));
    if (cell && isDefaultCell(cell)) sheet.cells.delete(key(r, c));
  }

  writeValue(sheet: FakeSheet, r: number, c: number, v: FakeValue): void {
    const cell = this.cellFor(sheet, r, c);
    delete cell.formula;
    delete cell.error;
    if (typeof v === "string" && cell.numberFormat !== "@") {
      const typed = typedInput(v);
      cell.value = typed.value;
      if (typed.formula !== undefined) cell.formula = typed.formula;
      if (typed.error) cell.error = true;
      // typing 82.5% also gives the cell a percent format, as Excel does
      if (typed.percentFormat && cell.numberFormat === GENERAL) cell.numberFormat = typed.percentFormat;
    } else cell.value = v;
    this.prune(sheet, r, c);
  }

  usedArea(sheet: FakeSheet, valuesOnly: boolean): FakeArea | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, cell] of sheet.cells) {
      const filled = cell.value !== "" || cell.formula !== undefined;
      if (!filled && (valuesOnly || isDefaultCell(cell))) continue;
      const [r, c] = k.split(",").map(Number) as [number, number];
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    if (bottom < 0) return null;
    return { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  }

  assertLive(sheet: FakeSheet): void {
    if (!this.sheets.includes(sheet)) throw officeError("ItemNotFound", sheet.name);
  }

  /** sheets are added, deleted or renamed only when the structure is not protected */
  assertStructureFree(): void {
    if (this.structureProtected) throw officeError("AccessDenied", "workbook structure is protected");
  }

  assertWritable(sheet: FakeSheet): void {
    this.assertLive(sheet);
    this.writeSyncs.add(this.syncCount);
    if (sheet.protected) throw officeError("AccessDenied", "", `${quoteSheet(sheet.name)}`);
  }
}

type Op = () => void;

/** Excel.RequestContext over a FakeExcel */
export class FakeRequestContext {
  readonly workbook: FakeWorkbookProxy;
  readonly application: FakeApplication;
  /** syncs made through this context */
  syncCount = 0;
  private queue: Op[] = [];
  private requestBytes = 0;
  private responseBytes = 0;

  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbookProxy(this);
    this.application = this.workbook.application;
  }

  /** queues an action; `payload` is the data it sends (written values, formats) */
  enqueue(op: Op, payload?: unknown): void {
    this.queue.push(op);
    this.requestBytes += REQUEST_ACTION_BYTES + (payload === undefined ? 0 : utf8JsonBytes(payload));
  }

  /** counts data a load sends back */
  respond(value: unknown): void {
    this.responseBytes += utf8JsonBytes(value);
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    const request = this.requestBytes;
    this.queue = [];
    this.requestBytes = 0;
    this.responseBytes = 0;
    this.syncCount++;
    this.excel.syncCount++;
    await Promise.resolve();
    this.excel.onSync?.(this.excel.syncCount);
    if (this.excel.cellEditMode) throw officeError("InvalidOperationInCellEditMode");
    const limit = this.excel.payloadLimit;
    this.excel.maxRequestBytes = Math.max(this.excel.maxRequestBytes, request);
    if (limit !== null && request > limit) {
      this.excel.payloadRefusals++;
      throw officeError("RequestPayloadSizeLimitExceeded", `${request} bytes`);
    }
    for (const op of ops) op();
    this.excel.payloads.push({ request, response: this.responseBytes });
    this.excel.maxResponseBytes = Math.max(this.excel.maxResponseBytes, this.responseBytes);
    if (limit !== null && this.responseBytes > limit) {
      this.excel.payloadRefusals++;
      if (this.excel.writeSyncs.has(this.excel.syncCount)) this.excel.refusedAfterWriting++;
      throw officeError("ResponsePayloadSizeLimitExceeded", `${this.responseBytes} bytes`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// proxies

function propList(props?: string | string[] | { select?: string }): string[] {
  if (props === undefined) return [];
  const text = Array.isArray(props)
    ? props.join(",")
    : typeof props === "string"
      ? props
      : (props.select ?? "");
  return text
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

/** a proxy whose scalar properties must be loaded and synced before they are read */
abstract class FakeProxy {
  protected readonly loaded = new Set<string>();
  protected readonly data: Record<string, unknown> = {};
  constructor(readonly context: FakeRequestContext) {}

  protected get excel(): FakeExcel {
    return this.context.excel;
  }

  /** the value of a loaded property; throws PropertyNotLoaded otherwise */
  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw officeError("PropertyNotLoaded", prop);
    return this.data[prop] as T;
  }

  /** queues a load of scalar properties; every property this proxy knows when none are named */
  load(props?: string | string[] | { select?: string }): this {
    const names = propList(props);
    this.context.enqueue(() => {
      for (const p of names.length > 0 ? names : this.defaultProps()) {
        this.data[p] = this.fetch(p);
        this.context.respond(this.data[p]);
        this.loaded.add(p);
      }
    });
    return this;
  }

  protected abstract fetch(prop: string): unknown;
  protected abstract defaultProps(): string[];
}

export class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly application: FakeApplication;
  readonly protection: FakeWorkbookProtection;
  constructor(readonly context: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(context);
    this.names = new FakeNamedItemCollection(context);
    this.application = new FakeApplication(context);
    this.protection = new FakeWorkbookProtection(context);
  }
}

/** workbook.protection (ExcelApi 1.7): whether the structure is protected */
export class FakeWorkbookProtection extends FakeProxy {
  get protected(): boolean {
    return this.read("protected");
  }
  protected fetch(prop: string): unknown {
    if (prop !== "protected") throw officeError("InvalidArgument", `unknown protection property ${prop}`);
    return this.excel.structureProtected;
  }
  protected defaultProps(): string[] {
    return ["protected"];
  }
}

export class FakeApplication {
  constructor(readonly context: FakeRequestContext) {}
  suspendApiCalculationUntilNextSync(): void {
    const excel = this.context.excel;
    this.context.enqueue(() => {
      excel.suspendedSyncs.push(excel.syncCount);
    });
  }
}

export class FakeWorksheetCollection extends FakeProxy {
  private itemProxies: FakeWorksheet[] | null = null;

  get items(): FakeWorksheet[] {
    if (!this.itemProxies) throw officeError("PropertyNotLoaded", "items");
    return this.itemProxies;
  }

  override load(props?: string | string[] | { select?: string }): this {
    const names = propList(props).map((p) => p.replace(/^items\//, ""));
    this.context.enqueue(() => {
      this.itemProxies = this.excel.sheets.map((sheet) => {
        const proxy = new FakeWorksheet(this.context, () => sheet, false);
        proxy.fill(names.length > 0 ? names : ["name", "position", "visibility"]);
        return proxy;
      });
      this.context.respond(this.excel.sheets.map((sheet) => sheet.name));
    });
    return this;
  }

  protected fetch(): unknown {
    return undefined;
  }
  protected defaultProps(): string[] {
    return [];
  }

  /** worksheets.onActivated: handlers run when a test calls FakeExcel.activateByUser */
  readonly onActivated = {
    add: (
      handler: (event: { worksheetId: string; type: string }) => Promise<unknown>,
    ): { remove(): void } => {
      this.context.enqueue(() => this.excel.activatedHandlers.push(handler));
      return {
        remove: () => {
          const i = this.excel.activatedHandlers.indexOf(handler);
          if (i >= 0) this.excel.activatedHandlers.splice(i, 1);
        },
      };
    },
  };

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      const sheet = this.excel.sheet(name);
      if (!sheet) throw officeError("ItemNotFound", name);
      return sheet;
    });
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.excel.sheet(name) ?? null);
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      const sheet = this.excel.sheet(this.excel.activeSheet) ?? this.excel.sheets[0];
      if (!sheet) throw officeError("ItemNotFound", "active sheet");
      return sheet;
    });
  }

  add(name?: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      this.excel.assertStructureFree();
      const wanted = name ?? `Sheet${this.excel.sheets.length + 1}`;
      if (wanted.length > 31 || /[[\]:*?/\\]/.test(wanted) || wanted.trim() === "")
        throw officeError("InvalidArgument", wanted);
      if (this.excel.sheet(wanted)) throw officeError("ItemAlreadyExists", wanted);
      return this.excel.addSheet({ name: wanted });
    });
  }
}

export class FakeWorksheet extends FakeProxy {
  private target: FakeSheet | null = null;
  private resolved = false;
  readonly protection: FakeWorksheetProtection;
  readonly charts: FakeChartCollection;

  constructor(context: FakeRequestContext, resolve: () => FakeSheet | null, queued = true) {
    super(context);
    const run = (): void => {
      this.target = resolve();
      this.resolved = true;
    };
    if (queued) context.enqueue(run);
    else run();
    this.protection = new FakeWorksheetProtection(context, () => this.sheet());
    this.charts = new FakeChartCollection(context, () => this.sheet());
  }

  /** the sheet at sync time; ItemNotFound when it is a null object or was deleted */
  sheet(): FakeSheet {
    if (!this.target) throw officeError("ItemNotFound", "worksheet");
    this.excel.assertLive(this.target);
    return this.target;
  }

  /** fills loaded properties right away (items of an already-running load) */
  fill(props: string[]): void {
    for (const p of props) {
      this.data[p] = this.fetch(p);
      this.loaded.add(p);
    }
  }

  get isNullObject(): boolean {
    if (!this.resolved) throw officeError("PropertyNotLoaded", "isNullObject");
    return this.target === null;
  }
  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.context.enqueue(() => {
      this.excel.assertStructureFree();
      const old = this.sheet().name;
      // as Excel does, workbook names follow the sheet
      for (const item of this.excel.names.values())
        if (sheetOfReference(item.formula) === old) item.formula = `=${referenceToA1(value)}`;
      this.sheet().name = value;
    });
  }
  get position(): number {
    return this.read("position");
  }
  get visibility(): string {
    return this.read("visibility");
  }

  protected fetch(prop: string): unknown {
    if (this.target === null) return null;
    const sheet = this.sheet();
    switch (prop) {
      case "name":
        return sheet.name;
      case "position":
        return this.excel.sheets.indexOf(sheet);
      case "visibility":
        return "Visible";
      case "id":
        return `{sheet-${sheet.name}}`;
      default:
        throw officeError("InvalidArgument", `unknown worksheet property ${prop}`);
    }
  }
  protected defaultProps(): string[] {
    return ["name", "position", "visibility", "id"];
  }

  activate(): void {
    this.context.enqueue(() => {
      const name = this.sheet().name;
      const changed = this.excel.activeSheet !== name;
      this.excel.activeSheet = name;
      // Excel raises onActivated after the batch, for an add-in's activation too (not for a sheet
      // deleted in the meantime)
      if (changed)
        setTimeout(() => {
          if (this.excel.sheet(name)) void this.excel.activateByUser(name);
        }, 0);
    });
  }

  delete(): void {
    this.context.enqueue(() => {
      const sheet = this.sheet();
      this.excel.assertStructureFree();
      if (this.excel.sheets.length === 1) throw officeError("InvalidOperation", "last sheet");
      this.excel.sheets.splice(this.excel.sheets.indexOf(sheet), 1);
      // as Excel does, a workbook name on the deleted sheet is kept, pointing nowhere
      for (const item of this.excel.names.values())
        if (sheetOfReference(item.formula) === sheet.name) item.formula = "=#REF!$A$1";
      if (this.excel.activeSheet === sheet.name) this.excel.activeSheet = this.excel.sheets[0]!.name;
      if (this.excel.selection?.sheet === sheet.name) this.excel.selection = null;
    });
  }

  /** freezePanes.freezeRows(n): n rows kept in view */
  get freezePanes(): { freezeRows(count?: number): void } {
    return {
      freezeRows: (count = 1): void =>
        this.context.enqueue(() => {
          this.sheet().frozenRows = count;
        }),
    };
  }

  /** ExcelApi 1.9: setting anything fails at sync when the Excel at hand lacks it (`pageLayoutApi`) */
  get pageLayout(): FakePageLayout {
    return new FakePageLayout(this.context, () => this.sheet());
  }

  /** the whole sheet when no address is given */
  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.sheet();
      if (address === undefined) return { sheet, area: { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS } };
      const area = parseAddress(address);
      if (!area) throw officeError("InvalidArgument", address);
      return { sheet, area };
    });
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.context, () => {
      if (row < 0 || col < 0 || rows < 1 || cols < 1 || row + rows > MAX_ROWS || col + cols > MAX_COLS)
        throw officeError("InvalidArgument", `getRangeByIndexes(${row}, ${col}, ${rows}, ${cols})`);
      return { sheet: this.sheet(), area: { row, col, rows, cols } };
    });
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.sheet();
      return { sheet, area: this.excel.usedArea(sheet, valuesOnly) ?? { row: 0, col: 0, rows: 1, cols: 1 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.sheet();
      const area = this.excel.usedArea(sheet, valuesOnly);
      return area ? { sheet, area } : null;
    });
  }
}

export class FakeWorksheetProtection extends FakeProxy {
  constructor(
    context: FakeRequestContext,
    private readonly sheet: () => FakeSheet,
  ) {
    super(context);
  }
  get protected(): boolean {
    return this.read("protected");
  }
  protected fetch(prop: string): unknown {
    if (prop !== "protected") throw officeError("InvalidArgument", `unknown protection property ${prop}`);
    return this.sheet().protected;
  }
  protected defaultProps(): string[] {
    return ["protected"];
  }
}

interface RangeTarget {
  sheet: FakeSheet;
  area: FakeArea;
}

/** a 2D array of the area's size, or a single value applied to every cell */
function cellsOf<T>(
  input: T | readonly (readonly T[])[],
  area: FakeArea,
  what: string,
): (r: number, c: number) => T {
  if (!Array.isArray(input)) return () => input as T;
  const rows = input as readonly (readonly T[])[];
  if (rows.length !== area.rows || rows.some((line) => !Array.isArray(line) || line.length !== area.cols))
    throw officeError(
      "InvalidArgument",
      `${what}: the number of rows or columns in the input array doesn't match the size of the range`,
    );
  return (r, c) => rows[r]![c]!;
}

export class FakeRange extends FakeProxy {
  private target: RangeTarget | null = null;
  private resolved = false;
  readonly format: FakeRangeFormat;
  readonly conditionalFormats: FakeConditionalFormatCollection;

  constructor(context: FakeRequestContext, resolve: () => RangeTarget | null) {
    super(context);
    context.enqueue(() => {
      this.target = resolve();
      this.resolved = true;
    });
    this.format = new FakeRangeFormat(context, () => this.at());
    this.conditionalFormats = new FakeConditionalFormatCollection(context, () => this.at());
  }

  /** sheet and area at sync time */
  at(): RangeTarget {
    if (!this.target) throw officeError("ItemNotFound", "range");
    this.excel.assertLive(this.target.sheet);
    return this.target;
  }

  private each(fn: (sheet: FakeSheet, r: number, c: number, i: number, j: number) => void): void {
    const { sheet, area } = this.at();
    for (let i = 0; i < area.rows; i++)
      for (let j = 0; j < area.cols; j++) fn(sheet, area.row + i, area.col + j, i, j);
  }

  private grid<T>(fn: (cell: FakeCell | undefined) => T): T[][] {
    const { sheet, area } = this.at();
    if (area.rows * area.cols > 5_000_000)
      throw officeError("ResponsePayloadSizeLimitExceeded", "range too large");
    const out: T[][] = [];
    for (let i = 0; i < area.rows; i++) {
      const line: T[] = [];
      for (let j = 0; j < area.cols; j++) line.push(fn(sheet.cells.get(key(area.row + i, area.col + j))));
      out.push(line);
    }
    return out;
  }

  get isNullObject(): boolean {
    if (!this.resolved) throw officeError("PropertyNotLoaded", "isNullObject");
    return this.target === null;
  }
  get address(): string {
    return this.read("address");
  }
  get values(): FakeValue[][] {
    return this.read("values");
  }
  set values(input: unknown) {
    this.context.enqueue(() => {
      const { sheet, area } = this.at();
      this.excel.assertWritable(sheet);
      const cellAt = cellsOf(input as FakeValue | null, area, "values");
      this.each((s, r, c, i, j) => {
        const v = cellAt(i, j);
        if (v !== null && v !== undefined) this.excel.writeValue(s, r, c, v);
      });
    }, input);
  }
  get formulas(): FakeValue[][] {
    return this.read("formulas");
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  set numberFormat(input: unknown) {
    this.context.enqueue(() => {
      const { sheet, area } = this.at();
      this.excel.assertWritable(sheet);
      const formatAt = cellsOf(input as string | null, area, "numberFormat");
      this.each((s, r, c, i, j) => {
        const f = formatAt(i, j);
        if (f === null || f === undefined) return;
        this.excel.cellFor(s, r, c).numberFormat = f;
        this.excel.prune(s, r, c);
      });
    }, input);
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }
  get text(): string[][] {
    return this.read("text");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }

  protected fetch(prop: string): unknown {
    if (this.target === null) return null;
    const { sheet, area } = this.at();
    switch (prop) {
      case "address":
        return `${quoteSheet(sheet.name)}!${areaAddress(area)}`;
      case "values":
        return this.grid((c) => c?.value ?? "");
      case "text":
        return this.grid((c) => String(c?.value ?? ""));
      case "formulas":
        return this.grid((c) => c?.formula ?? c?.value ?? "");
      case "numberFormat":
        return this.grid((c) => c?.numberFormat ?? GENERAL);
      case "valueTypes":
        return this.grid((c) =>
          !c || c.value === ""
            ? "Empty"
            : c.error
              ? "Error"
              : typeof c.value === "number"
                ? "Double"
                : typeof c.value === "boolean"
                  ? "Boolean"
                  : "String",
        );
      case "rowIndex":
        return area.row;
      case "columnIndex":
        return area.col;
      case "rowCount":
        return area.rows;
      case "columnCount":
        return area.cols;
      default:
        throw officeError("InvalidArgument", `unknown range property ${prop}`);
    }
  }
  protected defaultProps(): string[] {
    return [
      "address",
      "values",
      "formulas",
      "numberFormat",
      "valueTypes",
      "rowIndex",
      "columnIndex",
      "rowCount",
      "columnCount",
    ];
  }

  /** applyTo: "All" (default), "Contents" or "Formats"; conditional formats stay (remove them by themselves) */
  clear(applyTo: string = "All"): void {
    this.context.enqueue(() => {
      const { sheet } = this.at();
      this.excel.assertWritable(sheet);
      this.each((s, r, c) => {
        const cell = s.cells.get(key(r, c));
        if (!cell) return;
        if (applyTo === "All" || applyTo === "Contents") {
          cell.value = "";
          delete cell.formula;
          delete cell.error;
        }
        if (applyTo === "All" || applyTo === "Formats") {
          cell.numberFormat = GENERAL;
          delete cell.bold;
          delete cell.fill;
          delete cell.fontColor;
        }
        this.excel.prune(s, r, c);
      });
    });
  }

  select(): void {
    this.context.enqueue(() => {
      const { sheet, area } = this.at();
      if (this.excel.activeSheet !== sheet.name) throw officeError("InvalidSelection", "sheet is not active");
      this.excel.selection = { sheet: sheet.name, address: areaAddress(area) };
    });
  }

  /**
   * ExcelApi 1.13: the merged areas whose top-left cell lies in this range (as Office.js documents it), as a
   * RangeAreas; a null object when there are none. Refused when the fake's Excel lacks ExcelApi 1.13.
   */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    if (!this.excel.supports("ExcelApi", "1.13"))
      throw new TypeError("range.getMergedAreasOrNullObject is not a function (ExcelApi 1.13)");
    return new FakeRangeAreas(this.context, () => {
      const { sheet, area } = this.at();
      const inside = sheet.merges.filter(
        (m) =>
          m.row >= area.row &&
          m.row < area.row + area.rows &&
          m.col >= area.col &&
          m.col < area.col + area.cols,
      );
      return inside.length === 0 ? null : { sheet, areas: inside };
    });
  }

  getCell(row: number, col: number): FakeRange {
    return new FakeRange(this.context, () => {
      const { sheet, area } = this.at();
      return { sheet, area: { row: area.row + row, col: area.col + col, rows: 1, cols: 1 } };
    });
  }
}

/** a RangeAreas of merged areas: `address` (`'Xã A'!A1:B1, 'Xã A'!D5:D7`) after load and sync */
export class FakeRangeAreas extends FakeProxy {
  private target: { sheet: FakeSheet; areas: readonly Area0[] } | null = null;
  private resolved = false;
  constructor(
    context: FakeRequestContext,
    resolve: () => { sheet: FakeSheet; areas: readonly Area0[] } | null,
  ) {
    super(context);
    context.enqueue(() => {
      this.target = resolve();
      this.resolved = true;
    });
  }
  get isNullObject(): boolean {
    if (!this.resolved) throw officeError("PropertyNotLoaded", "isNullObject");
    return this.target === null;
  }
  get address(): string {
    return this.read("address");
  }
  get areaCount(): number {
    return this.read("areaCount");
  }
  protected fetch(prop: string): unknown {
    if (this.target === null) return null;
    const { sheet, areas } = this.target;
    if (prop === "address") return areas.map((a) => `${quoteSheet(sheet.name)}!${areaAddress(a)}`).join(", ");
    if (prop === "areaCount") return areas.length;
    throw officeError("InvalidArgument", `unknown RangeAreas property ${prop}`);
  }
  protected defaultProps(): string[] {
    return ["address", "areaCount"];
  }
}

type Area0 = { row: number; col: number; rows: number; cols: number };

/** worksheet.pageLayout: written only (reading a property would need load + sync) */
export class FakePageLayout {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly sheet: () => FakeSheet,
  ) {}
  private set(fn: (layout: NonNullable<FakeSheet["pageLayout"]>) => void): void {
    this.context.enqueue(() => {
      if (!this.context.excel.pageLayoutApi) throw officeError("ApiNotFound", "Worksheet.pageLayout");
      const sheet = this.sheet();
      this.context.excel.assertWritable(sheet);
      fn((sheet.pageLayout ??= {}));
    });
  }
  set orientation(v: string) {
    this.set((l) => (l.orientation = v));
  }
  get orientation(): string {
    throw officeError("PropertyNotLoaded", "orientation");
  }
  set paperSize(v: string) {
    this.set((l) => (l.paperSize = v));
  }
  get paperSize(): string {
    throw officeError("PropertyNotLoaded", "paperSize");
  }
  set zoom(v: unknown) {
    // a JSON object as a whole (`zoom.scale = …` would not be sent)
    this.set((l) => (l.zoom = JSON.parse(JSON.stringify(v)) as unknown));
  }
  get zoom(): unknown {
    throw officeError("PropertyNotLoaded", "zoom");
  }
  setPrintTitleRows(rows: string): void {
    this.set((l) => {
      if (!/^\$?\d+:\$?\d+$/.test(rows)) throw officeError("InvalidArgument", `setPrintTitleRows(${rows})`);
      l.printTitleRows = rows;
    });
  }
}

/** one border of a range's format (`format.borders.getItem(edge)`), written only */
class FakeBorder {
  constructor(private readonly write: (fn: (b: { style?: string; color?: string }) => void) => void) {}
  set style(v: string) {
    this.write((b) => (b.style = v));
  }
  get style(): string {
    throw officeError("PropertyNotLoaded", "style");
  }
  set color(v: string) {
    this.write((b) => (b.color = v));
  }
  get color(): string {
    throw officeError("PropertyNotLoaded", "color");
  }
}

const BORDER_EDGES = new Set([
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
  "DiagonalDown",
  "DiagonalUp",
]);

export class FakeRangeFormat {
  readonly font: { bold: boolean; color: string };
  readonly fill: { color: string };
  readonly borders: { getItem(edge: string): FakeBorder };
  constructor(
    private readonly context: FakeRequestContext,
    at: () => RangeTarget,
  ) {
    const excel = context.excel;
    const setAll = (fn: (cell: FakeCell) => void): void =>
      context.enqueue(() => {
        const { sheet, area } = at();
        excel.assertWritable(sheet);
        for (let i = 0; i < area.rows; i++)
          for (let j = 0; j < area.cols; j++) fn(excel.cellFor(sheet, area.row + i, area.col + j));
      });
    const unloaded = (prop: string): never => {
      throw officeError("PropertyNotLoaded", prop);
    };
    this.font = {
      get bold(): boolean {
        return unloaded("bold");
      },
      set bold(v: boolean) {
        setAll((cell) => {
          if (v) cell.bold = true;
          else delete cell.bold;
        });
      },
      get color(): string {
        return unloaded("color");
      },
      set color(v: string) {
        setAll((cell) => {
          cell.fontColor = v;
        });
      },
    };
    this.fill = {
      get color(): string {
        return unloaded("color");
      },
      set color(v: string) {
        setAll((cell) => {
          cell.fill = v;
        });
      },
    };
    this.columnWidthSetter = (w: number): void =>
      context.enqueue(() => {
        const { sheet, area } = at();
        excel.assertWritable(sheet);
        for (let j = 0; j < area.cols; j++) sheet.columnWidths.set(area.col + j, w);
      });
    this.wrapSetter = (v: boolean): void =>
      setAll((cell) => {
        if (v) cell.wrapText = true;
        else delete cell.wrapText;
      });
    this.alignmentSetter = (v: string): void => {
      if (!["Top", "Center", "Bottom", "Justify", "Distributed"].includes(v))
        throw officeError("InvalidArgument", `verticalAlignment ${v}`);
      setAll((cell) => {
        cell.verticalAlignment = v;
      });
    };
    this.autofit = (): void =>
      context.enqueue(() => {
        const { sheet, area } = at();
        (sheet.autofitRows ??= []).push({ ...area });
      });
    this.borders = {
      getItem: (edge: string): FakeBorder => {
        if (!BORDER_EDGES.has(edge)) throw officeError("InvalidArgument", `border ${edge}`);
        return new FakeBorder((fn) =>
          context.enqueue(() => {
            const { sheet, area } = at();
            excel.assertWritable(sheet);
            const list = (sheet.borders ??= []);
            let entry = list.find(
              (b) =>
                b.edge === edge &&
                b.area.row === area.row &&
                b.area.col === area.col &&
                b.area.rows === area.rows &&
                b.area.cols === area.cols,
            );
            if (!entry) list.push((entry = { area: { ...area }, edge, style: "None" }));
            fn(entry);
          }),
        );
      },
    };
  }
  private readonly wrapSetter: (v: boolean) => void;
  private readonly alignmentSetter: (v: string) => void;
  private readonly autofit: () => void;
  get wrapText(): boolean {
    throw officeError("PropertyNotLoaded", "wrapText");
  }
  set wrapText(v: boolean) {
    this.wrapSetter(v);
  }
  get verticalAlignment(): string {
    throw officeError("PropertyNotLoaded", "verticalAlignment");
  }
  set verticalAlignment(v: string) {
    this.alignmentSetter(v);
  }
  /** fits the rows' heights to their content */
  autofitRows(): void {
    this.autofit();
  }
  private readonly columnWidthSetter: (w: number) => void;
  get columnWidth(): number {
    throw officeError("PropertyNotLoaded", "columnWidth");
  }
  set columnWidth(w: number) {
    this.columnWidthSetter(w);
  }
  get contextOf(): FakeRequestContext {
    return this.context;
  }
}

export class FakeConditionalFormatCollection {
  private itemProxies: FakeConditionalFormat[] | null = null;
  constructor(
    private readonly context: FakeRequestContext,
    private readonly at: () => RangeTarget,
  ) {}

  get items(): FakeConditionalFormat[] {
    if (!this.itemProxies) throw officeError("PropertyNotLoaded", "items");
    return this.itemProxies;
  }

  /** `items/type`, `items/id`, `items/textComparison/rule` */
  load(props?: string | string[] | { select?: string }): this {
    const names = propList(props).map((p) => p.replace(/^items\//, ""));
    this.context.enqueue(() => {
      const { sheet, area } = this.at();
      this.itemProxies = sheet.conditionalFormats
        .filter((f) => intersects(f.area, area))
        .map(
          (f) => new FakeConditionalFormat(this.context, sheet, f, names.length > 0 ? names : ["type", "id"]),
        );
    });
    return this;
  }

  add(type: string): FakeConditionalFormat {
    const proxy = new FakeConditionalFormat(this.context, null, null, []);
    this.context.enqueue(() => {
      const { sheet, area } = this.at();
      this.context.excel.assertWritable(sheet);
      const state: FakeConditionalFormatData = { id: this.context.excel.newId(), type, area: { ...area } };
      sheet.conditionalFormats.push(state);
      proxy.bind(sheet, state);
    });
    return proxy;
  }

  clearAll(): void {
    this.context.enqueue(() => {
      const { sheet, area } = this.at();
      this.context.excel.assertWritable(sheet);
      sheet.conditionalFormats = sheet.conditionalFormats.filter((f) => !intersects(f.area, area));
    });
  }
}

/** one conditional format; `type`/`id` come from the collection's load, `textComparison.rule` from its own load */
export class FakeConditionalFormat {
  private readonly loadedProps: Set<string>;
  private snap: FakeConditionalFormatData | null;
  readonly textComparison: FakeTextConditionalFormat;

  constructor(
    private readonly context: FakeRequestContext,
    private sheet: FakeSheet | null,
    private state: FakeConditionalFormatData | null,
    loaded: string[],
  ) {
    this.loadedProps = new Set(loaded);
    this.snap = state ? copyFormat(state) : null;
    this.textComparison = new FakeTextConditionalFormat(context, this);
    if (loaded.some((p) => p.startsWith("textComparison"))) this.textComparison.markLoaded(this.snap);
  }

  bind(sheet: FakeSheet, state: FakeConditionalFormatData): void {
    this.sheet = sheet;
    this.state = state;
  }

  /** the live state at sync time; ItemNotFound once deleted */
  live(write: boolean): { sheet: FakeSheet; state: FakeConditionalFormatData } {
    if (!this.sheet || !this.state || !this.sheet.conditionalFormats.includes(this.state))
      throw officeError("ItemNotFound", "conditional format");
    if (write) this.context.excel.assertWritable(this.sheet);
    else this.context.excel.assertLive(this.sheet);
    return { sheet: this.sheet, state: this.state };
  }

  get type(): string {
    if (!this.loadedProps.has("type") || !this.snap) throw officeError("PropertyNotLoaded", "type");
    return this.snap.type;
  }
  get id(): string {
    if (!this.loadedProps.has("id") || !this.snap) throw officeError("PropertyNotLoaded", "id");
    return this.snap.id;
  }

  load(props?: string | string[]): this {
    const names = propList(props);
    this.context.enqueue(() => {
      this.snap = copyFormat(this.live(false).state);
      for (const p of names.length > 0 ? names : ["type", "id"]) this.loadedProps.add(p);
    });
    return this;
  }

  getRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const { sheet, state } = this.live(false);
      return { sheet, area: { ...state.area } };
    });
  }

  getRangeOrNullObject(): FakeRange {
    return this.getRange();
  }

  delete(): void {
    this.context.enqueue(() => {
      const { sheet, state } = this.live(true);
      sheet.conditionalFormats.splice(sheet.conditionalFormats.indexOf(state), 1);
    });
  }
}

function copyFormat(state: FakeConditionalFormatData): FakeConditionalFormatData {
  return { ...state, area: { ...state.area }, ...(state.rule ? { rule: { ...state.rule } } : {}) };
}

/** the text rule of a ContainsText format; reading `rule` of another type gives null, as a null object would */
export class FakeTextConditionalFormat {
  private rule_: { operator: string; text: string } | null = null;
  private loaded = false;
  readonly format: { fill: { color: string }; font: { color: string } };

  constructor(
    private readonly context: FakeRequestContext,
    private readonly owner: FakeConditionalFormat,
  ) {
    const write = (apply: (state: FakeConditionalFormatData) => void): void =>
      context.enqueue(() => apply(owner.live(true).state));
    this.format = {
      fill: {
        get color(): string {
          throw officeError("PropertyNotLoaded", "color");
        },
        set color(v: string) {
          write((s) => {
            s.fill = v;
          });
        },
      },
      font: {
        get color(): string {
          throw officeError("PropertyNotLoaded", "color");
        },
        set color(v: string) {
          write((s) => {
            s.font = v;
          });
        },
      },
    };
  }

  markLoaded(state: FakeConditionalFormatData | null): void {
    this.rule_ = state && state.type === "ContainsText" && state.rule ? { ...state.rule } : null;
    this.loaded = true;
  }

  load(_props?: string | string[]): this {
    this.context.enqueue(() => this.markLoaded(this.owner.live(false).state));
    return this;
  }

  get rule(): { operator: string; text: string } {
    if (!this.loaded) throw officeError("PropertyNotLoaded", "rule");
    return this.rule_ as { operator: string; text: string };
  }
  set rule(v: { operator: string; text: string }) {
    this.context.enqueue(() => {
      this.owner.live(true).state.rule = { operator: v.operator, text: v.text };
    });
  }
}

export class FakeChartCollection {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly sheet: () => FakeSheet,
  ) {}

  add(type: string, source: FakeRange, seriesBy = "Auto"): FakeChartProxy {
    const proxy = new FakeChartProxy(this.context);
    this.context.enqueue(() => {
      const sheet = this.sheet();
      this.context.excel.assertWritable(sheet);
      const { sheet: srcSheet, area } = source.at();
      const chart: FakeChart = {
        id: this.context.excel.newId(),
        type,
        source: `${quoteSheet(srcSheet.name)}!${areaAddress(area)}`,
        seriesBy,
        title: "",
      };
      sheet.charts.push(chart);
      proxy.bind(sheet, chart);
    });
    return proxy;
  }
}

export class FakeChartProxy {
  private target: { sheet: FakeSheet; chart: FakeChart } | null = null;
  readonly title: { text: string };
  constructor(private readonly context: FakeRequestContext) {
    const live = (): FakeChart => {
      if (!this.target) throw officeError("ItemNotFound", "chart");
      context.excel.assertWritable(this.target.sheet);
      return this.target.chart;
    };
    this.title = {
      get text(): string {
        throw officeError("PropertyNotLoaded", "text");
      },
      set text(v: string) {
        context.enqueue(() => {
          live().title = v;
        });
      },
    };
    this.live = live;
  }
  private readonly live: () => FakeChart;

  bind(sheet: FakeSheet, chart: FakeChart): void {
    this.target = { sheet, chart };
  }

  setPosition(startCell: string, endCell?: string): void {
    this.context.enqueue(() => {
      this.live().position = endCell ? `${startCell}:${endCell}` : startCell;
    });
  }
}

export class FakeNamedItemCollection {
  constructor(private readonly context: FakeRequestContext) {}

  add(name: string, reference: string, comment = ""): FakeNamedItem {
    const item = new FakeNamedItem(this.context, name);
    this.context.enqueue(() => {
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name) || parseCell(name))
        throw officeError("InvalidArgument", name);
      if (this.context.excel.names.has(name.toUpperCase())) throw officeError("ItemAlreadyExists", name);
      this.context.excel.names.set(name.toUpperCase(), { formula: reference, comment });
      item.resolveNow();
    });
    return item;
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    const item = new FakeNamedItem(this.context, name);
    this.context.enqueue(() => item.resolveNow());
    return item;
  }

  /** a name that must exist: ItemNotFound at the sync otherwise */
  getItem(name: string): FakeNamedItem {
    const item = new FakeNamedItem(this.context, name);
    this.context.enqueue(() => {
      if (!this.context.excel.names.has(name.toUpperCase())) throw officeError("ItemNotFound", name);
      item.resolveNow();
    });
    return item;
  }
}

export class FakeNamedItem {
  private exists: boolean | null = null;
  private formulaValue: string | null = null;
  private formulaLoaded = false;
  constructor(
    private readonly context: FakeRequestContext,
    private readonly nameValue: string,
  ) {}

  resolveNow(): void {
    this.exists = this.context.excel.names.has(this.nameValue.toUpperCase());
  }

  get isNullObject(): boolean {
    if (this.exists === null) throw officeError("PropertyNotLoaded", "isNullObject");
    return !this.exists;
  }
  get formula(): string {
    if (!this.formulaLoaded) throw officeError("PropertyNotLoaded", "formula");
    return this.formulaValue as string;
  }

  load(props?: string | string[]): this {
    const names = propList(props);
    this.context.enqueue(() => {
      if (names.length === 0 || names.includes("formula")) {
        this.formulaValue = this.context.excel.names.get(this.nameValue.toUpperCase())?.formula ?? null;
        this.formulaLoaded = true;
      }
    });
    return this;
  }

  delete(): void {
    this.context.enqueue(() => {
      if (!this.context.excel.names.delete(this.nameValue.toUpperCase()))
        throw officeError("ItemNotFound", this.nameValue);
    });
  }
}
