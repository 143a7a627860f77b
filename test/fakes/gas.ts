/**
 * A fake of the Apps Script services the Sheets add-on uses, faithful where the add-on's correctness depends on it:
 * 1-based getRange(row, col, numRows, numCols) and A1 ranges, getDataRange up to the last non-empty cell,
 * setValues parsing strings like a user's typing ("=…" becomes a formula, "12" a number, "'…" literal text)
 * unless the cell's number format is "@", protected ranges refusing writes with Apps Script's own message,
 * conditional-format rules replaced as a whole by setConditionalFormatRules, document properties with Apps
 * Script's size limits. Every call is counted and, in order, traced.
 *
 * The cost model (what `serviceCalls` counts) is a round trip to a Google service for every method of a
 * service object (Spreadsheet, Sheet, Range, Protection, Properties …). Builders, menus and HTML outputs are
 * local objects; so are a conditional-format rule's condition and its values, which arrive with
 * getConditionalFormatRules (ConditionalFormatRule.getBooleanCondition, BooleanCondition.*). The rule's
 * getRanges and every Range method stay counted.
 *
 * The write cache: Apps Script batches writes and sends them when the script reads again (or ends); the fake
 * counts such a flush each time a read follows a write (`flushes`). Getting a Range handle (getRange), the
 * active spreadsheet, the UI or the property store is neither a read nor a write.
 *
 * The clock: `now` (ms) advances by `msPerCall` at every service call, so a test can play a slow service;
 * gas-load makes the script's `Date.now()` read it.
 */

export type CellValue = string | number | boolean;
export type Grid2D = CellValue[][];

/** Apps Script's exception text for a write into a protected range (as the Sheets UI and scripts show it) */
export const PROTECTED_MESSAGE =
  "You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.";

export const DEFAULT_FORMAT = "General";

/** builder, menu and HTML-output methods, and a fetched rule's condition: no round trip */
export const LOCAL_CALL =
  /^(ConditionalFormatRuleBuilder|EmbeddedChartBuilder|EmbeddedColumnChartBuilder|Menu|HtmlOutput|BooleanCondition)\.|^SpreadsheetApp\.newConditionalFormatRule$|^ConditionalFormatRule\.(getBooleanCondition|getGradientCondition)$/;

/** service calls that change the document (they wait in the write cache) */
export const WRITE_CALL =
  /\.(set\w*|clear\w*|insert\w*|delete\w*|remove\w*|activate|hideSheet|showSheet|toast)$|^Ui\.(alert|showSidebar)$|^Menu\.addToUi$/;

/** service calls that neither read nor write the document: a handle, the UI, the property store */
export const HANDLE_CALL =
  /^Sheet\.(getRange|getRangeList)$|^SpreadsheetApp\.(getActiveSpreadsheet|getActive|getUi)$|^Sheet\.newChart$|^PropertiesService\.|^Properties\./;

/** Apps Script's limits on one property store (Quotas for Google Services): 9 KB a value, 500 KB a store */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;

/** SpreadsheetApp.BooleanCriteria: enum members are objects whose toString() is their name */
function enumMember(name: string): { toString(): string; name(): string } {
  return Object.freeze({ toString: () => name, name: () => name });
}

export const BOOLEAN_CRITERIA = Object.freeze({
  TEXT_EQUAL_TO: enumMember("TEXT_EQUAL_TO"),
  NUMBER_GREATER_THAN: enumMember("NUMBER_GREATER_THAN"),
  CUSTOM_FORMULA: enumMember("CUSTOM_FORMULA"),
});

interface Cell {
  value: CellValue;
  format: string;
  formula?: string;
  weight?: string;
  wrap?: boolean;
  background?: string;
  verticalAlignment?: string;
  /** set by setBorder: the colour of the cell's borders */
  border?: string;
}

/** 0-based rectangle */
interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
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

function rectA1(r: Rect): string {
  const start = `${letters(r.col)}${r.row + 1}`;
  return r.rows === 1 && r.cols === 1 ? start : `${start}:${letters(r.col + r.cols - 1)}${r.row + r.rows}`;
}

function parseCell(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(ref.trim());
  if (!m) throw new Error(`Range not found`);
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

function parseRect(a1: string): Rect {
  const [from, to = from] = a1.split(":");
  const a = parseCell(from!);
  const b = parseCell(to);
  return {
    row: Math.min(a.row, b.row),
    col: Math.min(a.col, b.col),
    rows: Math.abs(b.row - a.row) + 1,
    cols: Math.abs(b.col - a.col) + 1,
  };
}

function intersects(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

function inside(outer: Rect, inner: Rect): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.rows <= outer.row + outer.rows &&
    inner.col + inner.cols <= outer.col + outer.cols
  );
}

/** what typing gives: the value, a formula, and the format Sheets picks when the cell had none */
type Entered = { value: CellValue; formula?: string; format?: string };

/** what typing a string into a cell of this format gives (the en_US rules, enough to catch unguarded writes) */
function enter(text: string, format: string): Entered {
  if (format === "@") return { value: text };
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith("=")) return { value: "", formula: text };
  if (/^[+-]?\d+(\.\d+)?$/.test(text.trim())) return { value: Number(text) };
  const pct = /^([+-]?\d+(\.\d+)?)%$/.exec(text.trim());
  if (pct) return { value: Number(pct[1]) / 100, format: format === DEFAULT_FORMAT ? "0%" : format };
  if (/^[+-]/.test(text)) return { value: "", formula: `=${text}` };
  return { value: text };
}

export class GasFake {
  /** calls per `Class.method` */
  readonly calls = new Map<string, number>();
  readonly spreadsheet: FakeSpreadsheet;
  readonly ui = new FakeUi(this);
  readonly toasts: { message: string; title: string }[] = [];
  /** HTML files of the project by name without extension (`Sidebar`) */
  readonly htmlFiles: Record<string, string> = {};
  readonly documentProperties = new FakeProperties(this);
  /** service calls in order (local calls left out) */
  readonly trace: string[] = [];
  /** reads that came after a write and so sent the write cache first */
  flushes = 0;
  /** executions begun (each load of Code.js) */
  executions = 0;
  private pendingWrites = false;
  /** the fake clock, ms; the script's Date.now() */
  now = Date.UTC(2026, 0, 5, 8, 0, 0);
  /** how long each service call takes on the fake clock */
  msPerCall = 0;
  private nextId = 1;

  constructor() {
    this.spreadsheet = new FakeSpreadsheet(this);
  }

  /** failures to raise on the next call of a method, as a service outage would */
  private readonly failures = new Map<string, string>();

  hit(name: string): void {
    this.calls.set(name, (this.calls.get(name) ?? 0) + 1);
    if (!LOCAL_CALL.test(name)) {
      this.trace.push(name);
      this.now += this.msPerCall;
      if (name === "SpreadsheetApp.flush" || (!WRITE_CALL.test(name) && !HANDLE_CALL.test(name))) {
        if (this.pendingWrites) this.flushes++;
        this.pendingWrites = false;
      } else if (WRITE_CALL.test(name)) this.pendingWrites = true;
    }
    const failure = this.failures.get(name);
    if (failure !== undefined) {
      this.failures.delete(name);
      throw new Error(failure);
    }
  }

  /** makes the next call of `Class.method` throw `message` */
  failNext(name: string, message: string): void {
    this.failures.set(name, message);
  }

  id(): number {
    return this.nextId++;
  }

  /** calls counted so far, all methods */
  get totalCalls(): number {
    let n = 0;
    for (const v of this.calls.values()) n += v;
    return n;
  }

  /** calls that reach the spreadsheet service (builders, menus and HTML outputs are local objects) */
  get serviceCalls(): number {
    let n = 0;
    for (const [k, v] of this.calls) if (!LOCAL_CALL.test(k)) n += v;
    return n;
  }

  resetCalls(): void {
    this.calls.clear();
    this.trace.length = 0;
    this.flushes = 0;
    this.pendingWrites = false;
  }

  /** a new execution begins: Apps Script sent the last one's writes when it ended (no flush counted) */
  newExecution(): void {
    this.pendingWrites = false;
    this.executions++;
  }

  /** service calls counted so far whose name matches */
  count(pattern: RegExp): number {
    let n = 0;
    for (const [k, v] of this.calls) if (!LOCAL_CALL.test(k) && pattern.test(k)) n += v;
    return n;
  }

  /** adds a sheet with literal values (and number formats) from A1 */
  addSheet(
    name: string,
    values: readonly (readonly (CellValue | null | undefined)[])[],
    formats?: readonly (readonly (string | null | undefined)[])[],
  ): FakeSheet {
    const sheet = new FakeSheet(this, name);
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        const format = formats?.[r]?.[c] ?? DEFAULT_FORMAT;
        if (v !== null && v !== undefined && v !== "") sheet.cells.set(`${r}:${c}`, { value: v, format });
        else if (format !== DEFAULT_FORMAT) sheet.cells.set(`${r}:${c}`, { value: "", format });
      }),
    );
    const width = values.reduce((w, r) => Math.max(w, r.length), 0);
    sheet.maxRows = Math.max(1000, values.length);
    sheet.maxCols = Math.max(26, width);
    this.spreadsheet.sheets.push(sheet);
    if (!this.spreadsheet.active) this.spreadsheet.active = sheet;
    return sheet;
  }

  /** protects a range (A1) or a whole sheet that the user cannot edit */
  protect(
    sheet: string,
    a1: string | null,
    options: { description?: string; canEdit?: boolean; unprotected?: string[] } = {},
  ): FakeProtection {
    const s = this.spreadsheet.sheets.find((x) => x.name === sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    const p = new FakeProtection(
      this,
      s,
      a1 === null ? null : parseRect(a1),
      options.description ?? "",
      options.canEdit ?? false,
      (options.unprotected ?? []).map(parseRect),
    );
    this.spreadsheet.protections.push(p);
    return p;
  }

  /** the whole spreadsheet as plain data, for deep comparison */
  snapshot(): unknown {
    const ss = this.spreadsheet;
    return {
      active: ss.active?.name ?? null,
      sheets: ss.sheets.map((s) => ({
        name: s.name,
        maxRows: s.maxRows,
        maxCols: s.maxCols,
        cells: [...s.cells.entries()]
          .filter(([, c]) => c.value !== "" || c.formula || c.format !== DEFAULT_FORMAT || c.weight)
          .sort(([a], [b]) => {
            const [ar, ac] = a.split(":").map(Number);
            const [br, bc] = b.split(":").map(Number);
            return ar! - br! || ac! - bc!;
          })
          .map(([k, c]) => ({
            at: rectA1({ row: Number(k.split(":")[0]), col: Number(k.split(":")[1]), rows: 1, cols: 1 }),
            ...c,
          })),
        hidden: s.hidden,
        rules: s.rules.map((r) => r.describe()),
        charts: s.charts.map((c) => c.describe()),
        columnWidths: [...s.columnWidths.entries()].sort(([a], [b]) => a - b),
      })),
    };
  }

  /** globals for the script's context */
  globals(): Record<string, unknown> {
    return {
      SpreadsheetApp: {
        getActiveSpreadsheet: () => (this.hit("SpreadsheetApp.getActiveSpreadsheet"), this.spreadsheet),
        getActive: () => (this.hit("SpreadsheetApp.getActive"), this.spreadsheet),
        getUi: () => (this.hit("SpreadsheetApp.getUi"), this.ui),
        newConditionalFormatRule: () => (
          this.hit("SpreadsheetApp.newConditionalFormatRule"),
          new FakeRuleBuilder(this)
        ),
        flush: () => this.hit("SpreadsheetApp.flush"),
        ProtectionType: { RANGE: "RANGE", SHEET: "SHEET" },
        BorderStyle: BORDER_STYLE,
        BooleanCriteria: BOOLEAN_CRITERIA,
      },
      PropertiesService: {
        getDocumentProperties: () => (
          this.hit("PropertiesService.getDocumentProperties"),
          this.documentProperties
        ),
      },
      HtmlService: {
        createHtmlOutputFromFile: (name: string) => {
          this.hit("HtmlService.createHtmlOutputFromFile");
          const html = this.htmlFiles[name];
          if (html === undefined) throw new Error(`No HTML file named ${name} was found.`);
          return new FakeHtmlOutput(this, html);
        },
        createTemplateFromFile: (name: string) => {
          this.hit("HtmlService.createTemplateFromFile");
          const html = this.htmlFiles[name];
          if (html === undefined) throw new Error(`No HTML file named ${name} was found.`);
          return { evaluate: () => new FakeHtmlOutput(this, html) };
        },
      },
      ScriptApp: {
        AuthMode: { NONE: "NONE", LIMITED: "LIMITED", FULL: "FULL", CUSTOM_FUNCTION: "CUSTOM_FUNCTION" },
      },
      Logger: { log: () => undefined },
      console,
    };
  }
}

function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/** a property store (PropertiesService.getDocumentProperties()): strings only, Apps Script's size limits */
export class FakeProperties {
  readonly store = new Map<string, string>();
  constructor(private readonly fake: GasFake) {}
  private size(): number {
    let n = 0;
    for (const [k, v] of this.store) n += utf8Bytes(k) + utf8Bytes(v);
    return n;
  }
  private put(key: string, value: unknown): void {
    const text = String(value);
    if (utf8Bytes(text) > PROPERTY_VALUE_LIMIT) throw new Error("Argument too large: value");
    const before = this.store.get(key);
    this.store.set(key, text);
    if (this.size() > PROPERTY_STORE_LIMIT) {
      if (before === undefined) this.store.delete(key);
      else this.store.set(key, before);
      throw new Error(
        "You have exceeded the property storage quota. Please remove some properties and try again.",
      );
    }
  }
  getProperty(key: string): string | null {
    this.fake.hit("Properties.getProperty");
    return this.store.get(key) ?? null;
  }
  getProperties(): Record<string, string> {
    this.fake.hit("Properties.getProperties");
    return Object.fromEntries(this.store);
  }
  getKeys(): string[] {
    this.fake.hit("Properties.getKeys");
    return [...this.store.keys()];
  }
  setProperty(key: string, value: string): this {
    this.fake.hit("Properties.setProperty");
    this.put(key, value);
    return this;
  }
  setProperties(values: Record<string, string>, deleteAllOthers = false): this {
    this.fake.hit("Properties.setProperties");
    if (deleteAllOthers) this.store.clear();
    for (const [k, v] of Object.entries(values)) this.put(k, v);
    return this;
  }
  deleteProperty(key: string): this {
    this.fake.hit("Properties.deleteProperty");
    this.store.delete(key);
    return this;
  }
  deleteAllProperties(): this {
    this.fake.hit("Properties.deleteAllProperties");
    this.store.clear();
    return this;
  }
}

export class FakeHtmlOutput {
  title = "";
  constructor(
    private readonly fake: GasFake,
    readonly content: string,
  ) {}
  setTitle(title: string): this {
    this.fake.hit("HtmlOutput.setTitle");
    this.title = title;
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  getContent(): string {
    return this.content;
  }
}

export class FakeMenu {
  readonly items: { label: string; fn: string }[] = [];
  constructor(
    private readonly fake: GasFake,
    readonly name: string,
    readonly addon: boolean,
  ) {}
  addItem(label: string, fn: string): this {
    this.fake.hit("Menu.addItem");
    this.items.push({ label, fn });
    return this;
  }
  addSeparator(): this {
    this.fake.hit("Menu.addSeparator");
    return this;
  }
  addToUi(): void {
    this.fake.hit("Menu.addToUi");
    this.fake.ui.menus.push(this);
  }
}

export class FakeUi {
  readonly menus: FakeMenu[] = [];
  readonly alerts: { title: string; prompt: string }[] = [];
  readonly sidebars: FakeHtmlOutput[] = [];
  readonly ButtonSet = { OK: "OK", OK_CANCEL: "OK_CANCEL", YES_NO: "YES_NO" };
  readonly Button = { OK: "OK" };
  constructor(private readonly fake: GasFake) {}
  createMenu(name: string): FakeMenu {
    this.fake.hit("Ui.createMenu");
    return new FakeMenu(this.fake, name, false);
  }
  createAddonMenu(): FakeMenu {
    this.fake.hit("Ui.createAddonMenu");
    return new FakeMenu(this.fake, "(add-on)", true);
  }
  alert(titleOrPrompt: string, prompt?: string): string {
    this.fake.hit("Ui.alert");
    this.alerts.push(
      prompt === undefined ? { title: "", prompt: titleOrPrompt } : { title: titleOrPrompt, prompt },
    );
    return "OK";
  }
  showSidebar(html: FakeHtmlOutput): void {
    this.fake.hit("Ui.showSidebar");
    this.sidebars.push(html);
  }
}

export class FakeProtection {
  constructor(
    private readonly fake: GasFake,
    readonly sheet: FakeSheet,
    /** null: the whole sheet */
    readonly rect: Rect | null,
    readonly description: string,
    readonly editable: boolean,
    readonly unprotected: Rect[],
  ) {}
  get type(): "RANGE" | "SHEET" {
    return this.rect ? "RANGE" : "SHEET";
  }
  canEdit(): boolean {
    this.fake.hit("Protection.canEdit");
    return this.editable;
  }
  isWarningOnly(): boolean {
    this.fake.hit("Protection.isWarningOnly");
    return false;
  }
  getDescription(): string {
    this.fake.hit("Protection.getDescription");
    return this.description;
  }
  getRange(): FakeRange {
    this.fake.hit("Protection.getRange");
    const r = this.rect ?? { row: 0, col: 0, rows: this.sheet.maxRows, cols: this.sheet.maxCols };
    return new FakeRange(this.fake, this.sheet, r);
  }
  getUnprotectedRanges(): FakeRange[] {
    this.fake.hit("Protection.getUnprotectedRanges");
    return this.unprotected.map((r) => new FakeRange(this.fake, this.sheet, r));
  }
  /** true when this protection refuses a write to `rect` on `sheet` */
  blocks(sheet: FakeSheet, rect: Rect): boolean {
    if (this.editable || sheet !== this.sheet) return false;
    if (this.rect) return intersects(this.rect, rect);
    return !this.unprotected.some((u) => inside(u, rect));
  }
}

export class FakeSpreadsheet {
  readonly sheets: FakeSheet[] = [];
  readonly protections: FakeProtection[] = [];
  /** named ranges by name: the sheet object (it keeps the name through a rename) and the cell */
  readonly namedRanges = new Map<string, { sheet: FakeSheet; rect: Rect }>();
  active: FakeSheet | null = null;
  constructor(private readonly fake: GasFake) {}
  getSheets(): FakeSheet[] {
    this.fake.hit("Spreadsheet.getSheets");
    return this.sheets.slice();
  }
  getSheetByName(name: string): FakeSheet | null {
    this.fake.hit("Spreadsheet.getSheetByName");
    return this.sheets.find((s) => s.name === name) ?? null;
  }
  getRangeByName(name: string): FakeRange | null {
    this.fake.hit("Spreadsheet.getRangeByName");
    const found = this.namedRanges.get(name);
    return found && this.sheets.includes(found.sheet)
      ? new FakeRange(this.fake, found.sheet, found.rect)
      : null;
  }
  setNamedRange(name: string, range: FakeRange): void {
    this.fake.hit("Spreadsheet.setNamedRange");
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`Invalid name "${name}".`);
    this.namedRanges.set(name, { sheet: range.sheet, rect: range.rect });
  }
  removeNamedRange(name: string): void {
    this.fake.hit("Spreadsheet.removeNamedRange");
    if (!this.namedRanges.delete(name)) throw new Error(`Named range "${name}" not found.`);
  }
  getNumSheets(): number {
    this.fake.hit("Spreadsheet.getNumSheets");
    return this.sheets.length;
  }
  getActiveSheet(): FakeSheet {
    this.fake.hit("Spreadsheet.getActiveSheet");
    if (!this.active) throw new Error("no active sheet");
    return this.active;
  }
  insertSheet(name: string, index?: number): FakeSheet {
    this.fake.hit("Spreadsheet.insertSheet");
    // Sheets takes names without regard to case
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()))
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    const sheet = new FakeSheet(this.fake, name);
    this.sheets.splice(index ?? this.sheets.length, 0, sheet);
    this.active = sheet; // Apps Script: the new sheet becomes the active sheet
    return sheet;
  }
  deleteSheet(sheet: FakeSheet): void {
    this.fake.hit("Spreadsheet.deleteSheet");
    const i = this.sheets.indexOf(sheet);
    if (i < 0) throw new Error("Sheet not found");
    if (this.protections.some((p) => p.sheet === sheet && !p.editable)) throw new Error(PROTECTED_MESSAGE);
    this.sheets.splice(i, 1);
    if (this.active === sheet) this.active = this.sheets[0] ?? null;
  }
  getProtections(type: "RANGE" | "SHEET"): FakeProtection[] {
    this.fake.hit("Spreadsheet.getProtections");
    return this.protections.filter((p) => p.type === type);
  }
  toast(message: string, title = ""): void {
    this.fake.hit("Spreadsheet.toast");
    this.fake.toasts.push({ message, title });
  }
  /** the write guard used by every writing method */
  checkWrite(sheet: FakeSheet, rect: Rect): void {
    if (this.protections.some((p) => p.blocks(sheet, rect))) throw new Error(PROTECTED_MESSAGE);
  }
}

export class FakeSheet {
  readonly cells = new Map<string, Cell>();
  rules: FakeRule[] = [];
  readonly charts: FakeChart[] = [];
  readonly columnWidths = new Map<number, number>();
  frozenRows = 0;
  maxRows = 1000;
  maxCols = 26;
  hidden = false;
  /** merged areas, 0-based (the value stays in the top-left cell) */
  merges: Rect[] = [];
  activeRange: string | null = null;
  constructor(
    private readonly fake: GasFake,
    public name: string,
  ) {}
  private get ss(): FakeSpreadsheet {
    return this.fake.spreadsheet;
  }
  getName(): string {
    this.fake.hit("Sheet.getName");
    return this.name;
  }
  /** 1-based last row / column holding a value */
  lastRowCol(): { rows: number; cols: number } {
    let rows = 0;
    let cols = 0;
    for (const [k, c] of this.cells) {
      if (c.value === "" && !c.formula) continue;
      const [r, col] = k.split(":").map(Number);
      rows = Math.max(rows, r! + 1);
      cols = Math.max(cols, col! + 1);
    }
    return { rows, cols };
  }
  getLastRow(): number {
    this.fake.hit("Sheet.getLastRow");
    return this.lastRowCol().rows;
  }
  getLastColumn(): number {
    this.fake.hit("Sheet.getLastColumn");
    return this.lastRowCol().cols;
  }
  getMaxColumns(): number {
    this.fake.hit("Sheet.getMaxColumns");
    return this.maxCols;
  }
  getMaxRows(): number {
    this.fake.hit("Sheet.getMaxRows");
    return this.maxRows;
  }
  insertColumnsAfter(after: number, howMany: number): this {
    this.fake.hit("Sheet.insertColumnsAfter");
    if (after !== this.maxCols) throw new Error("fake: only appending columns is modelled");
    this.maxCols += howMany;
    return this;
  }
  insertRowsAfter(after: number, howMany: number): this {
    this.fake.hit("Sheet.insertRowsAfter");
    if (after !== this.maxRows) throw new Error("fake: only appending rows is modelled");
    this.maxRows += howMany;
    return this;
  }
  /** values from (startRow, startColumn); -1 as a count reaches the last row or column holding data */
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): CellValue[][] {
    this.fake.hit("Sheet.getSheetValues");
    const { rows, cols } = this.lastRowCol();
    const nr = numRows === -1 ? rows - startRow + 1 : numRows;
    const nc = numColumns === -1 ? cols - startColumn + 1 : numColumns;
    if (nr < 1) throw new Error("The number of rows in the range must be at least 1.");
    if (nc < 1) throw new Error("The number of columns in the range must be at least 1.");
    const out: CellValue[][] = [];
    for (let r = 0; r < nr; r++) {
      const line: CellValue[] = [];
      for (let c = 0; c < nc; c++) line.push(this.cell(startRow - 1 + r, startColumn - 1 + c).value);
      out.push(line);
    }
    return out;
  }
  hideSheet(): this {
    this.fake.hit("Sheet.hideSheet");
    this.hidden = true;
    return this;
  }
  showSheet(): this {
    this.fake.hit("Sheet.showSheet");
    this.hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    this.fake.hit("Sheet.isSheetHidden");
    return this.hidden;
  }
  getDataRange(): FakeRange {
    this.fake.hit("Sheet.getDataRange");
    const { rows, cols } = this.lastRowCol();
    return new FakeRange(this.fake, this, {
      row: 0,
      col: 0,
      rows: Math.max(rows, 1),
      cols: Math.max(cols, 1),
    });
  }
  getRange(a: number | string, col?: number, numRows = 1, numCols = 1): FakeRange {
    this.fake.hit("Sheet.getRange");
    const rect =
      typeof a === "string"
        ? parseRect(a.includes("!") ? a.split("!")[1]! : a)
        : { row: a - 1, col: (col ?? 0) - 1, rows: numRows, cols: numCols };
    if (rect.rows < 1 || rect.cols < 1)
      throw new Error("The number of rows in the range must be at least 1.");
    if (
      rect.row < 0 ||
      rect.col < 0 ||
      rect.row + rect.rows > this.maxRows ||
      rect.col + rect.cols > this.maxCols
    )
      throw new Error("The coordinates of the range are outside the dimensions of the sheet.");
    return new FakeRange(this.fake, this, rect);
  }
  getConditionalFormatRules(): FakeRule[] {
    this.fake.hit("Sheet.getConditionalFormatRules");
    return this.rules.slice();
  }
  setConditionalFormatRules(rules: FakeRule[]): void {
    this.fake.hit("Sheet.setConditionalFormatRules");
    if (!Array.isArray(rules) || rules.some((r) => !(r instanceof FakeRule)))
      throw new Error("Invalid argument: rules");
    this.rules = rules.slice();
  }
  getCharts(): FakeChart[] {
    this.fake.hit("Sheet.getCharts");
    return this.charts.slice();
  }
  removeChart(chart: FakeChart): void {
    this.fake.hit("Sheet.removeChart");
    const i = this.charts.indexOf(chart);
    if (i >= 0) this.charts.splice(i, 1);
  }
  insertChart(chart: FakeChart): void {
    this.fake.hit("Sheet.insertChart");
    if (!(chart instanceof FakeChart)) throw new Error("Invalid argument: chart");
    this.charts.push(chart);
  }
  newChart(): FakeChartBuilder {
    this.fake.hit("Sheet.newChart");
    return new FakeChartBuilder(this.fake);
  }
  activate(): this {
    this.fake.hit("Sheet.activate");
    this.ss.active = this;
    return this;
  }
  setActiveRange(range: FakeRange): FakeRange {
    this.fake.hit("Sheet.setActiveRange");
    if (range.sheet !== this) throw new Error("The range must be on the sheet.");
    this.ss.active = this;
    this.activeRange = range.getA1NotationQuiet();
    return range;
  }
  setColumnWidth(col: number, width: number): this {
    this.fake.hit("Sheet.setColumnWidth");
    this.columnWidths.set(col, width);
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    this.fake.hit("Sheet.setColumnWidths");
    if (startColumn < 1 || numColumns < 1 || startColumn + numColumns - 1 > this.maxCols)
      throw new Error("The coordinates of the range are outside the dimensions of the sheet.");
    for (let c = startColumn; c < startColumn + numColumns; c++) this.columnWidths.set(c, width);
    return this;
  }
  setFrozenRows(rows: number): void {
    this.fake.hit("Sheet.setFrozenRows");
    if (!Number.isInteger(rows) || rows < 0 || rows >= this.maxRows)
      throw new Error("Invalid argument: rows");
    this.frozenRows = rows;
  }
  /** one handle on several ranges of the sheet, given in A1 notation */
  getRangeList(a1Notations: string[]): FakeRangeList {
    this.fake.hit("Sheet.getRangeList");
    if (!Array.isArray(a1Notations) || a1Notations.length === 0)
      throw new Error("Invalid argument: a1Notations");
    return new FakeRangeList(
      this.fake,
      this,
      a1Notations.map((a) => {
        const rect = parseRect(a);
        if (rect.row + rect.rows > this.maxRows || rect.col + rect.cols > this.maxCols)
          throw new Error("The coordinates of the range are outside the dimensions of the sheet.");
        return rect;
      }),
    );
  }
  clear(): this {
    this.fake.hit("Sheet.clear");
    this.ss.checkWrite(this, { row: 0, col: 0, rows: this.maxRows, cols: this.maxCols });
    this.cells.clear();
    return this;
  }
  getProtections(type: "RANGE" | "SHEET"): FakeProtection[] {
    this.fake.hit("Sheet.getProtections");
    return this.ss.protections.filter((p) => p.sheet === this && p.type === type);
  }
  cell(row: number, col: number): Cell {
    return this.cells.get(`${row}:${col}`) ?? { value: "", format: DEFAULT_FORMAT };
  }
  put(row: number, col: number, cell: Cell): void {
    if (
      cell.value === "" &&
      !cell.formula &&
      cell.format === DEFAULT_FORMAT &&
      !cell.weight &&
      !cell.wrap &&
      !cell.background &&
      !cell.verticalAlignment &&
      !cell.border
    )
      this.cells.delete(`${row}:${col}`);
    else this.cells.set(`${row}:${col}`, cell);
  }
}

const BORDER_STYLE = {
  DOTTED: "DOTTED",
  DASHED: "DASHED",
  SOLID: "SOLID",
  SOLID_MEDIUM: "SOLID_MEDIUM",
  SOLID_THICK: "SOLID_THICK",
  DOUBLE: "DOUBLE",
} as const;

/** RangeList: one call formats every range of the list */
export class FakeRangeList {
  constructor(
    private readonly fake: GasFake,
    readonly sheet: FakeSheet,
    readonly rects: readonly Rect[],
  ) {}
  private each(method: string, fn: (cell: Cell) => Cell): this {
    this.fake.hit(`RangeList.${method}`);
    for (const rect of this.rects) {
      this.fake.spreadsheet.checkWrite(this.sheet, rect);
      for (let r = rect.row; r < rect.row + rect.rows; r++)
        for (let c = rect.col; c < rect.col + rect.cols; c++)
          this.sheet.put(r, c, fn({ ...this.sheet.cell(r, c) }));
    }
    return this;
  }
  setWrap(wrap: boolean): this {
    return this.each("setWrap", (cell) => ({ ...cell, wrap }));
  }
  setBackground(color: string | null): this {
    return this.each("setBackground", (cell) => {
      if (color === null) delete cell.background;
      else cell.background = color;
      return cell;
    });
  }
  setVerticalAlignment(alignment: "top" | "middle" | "bottom" | null): this {
    if (alignment !== null && !["top", "middle", "bottom"].includes(alignment))
      throw new Error(`Invalid argument: alignment ${String(alignment)}`);
    return this.each("setVerticalAlignment", (cell) => {
      if (alignment === null) delete cell.verticalAlignment;
      else cell.verticalAlignment = alignment;
      return cell;
    });
  }
  /** all six edges (top, left, bottom, right, inner vertical, inner horizontal) in one colour and style */
  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
    color?: string | null,
    style?: string | null,
  ): this {
    if (![top, left, bottom, right, vertical, horizontal].every((b) => b === true))
      throw new Error("fake: only setting all six borders is modelled");
    if (style !== undefined && style !== null && !Object.values(BORDER_STYLE).includes(style as "SOLID"))
      throw new Error(`Invalid argument: style ${style}`);
    return this.each("setBorder", (cell) => ({ ...cell, border: color ?? "#000000" }));
  }
}

export class FakeRange {
  constructor(
    private readonly fake: GasFake,
    readonly sheet: FakeSheet,
    readonly rect: Rect,
  ) {}
  private each<T>(fn: (row: number, col: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.rect.rows; r++) {
      const line: T[] = [];
      for (let c = 0; c < this.rect.cols; c++) line.push(fn(this.rect.row + r, this.rect.col + c));
      out.push(line);
    }
    return out;
  }
  private checkShape(data: unknown[][], what: string): void {
    if (!Array.isArray(data) || data.length !== this.rect.rows)
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data?.length ?? 0} but the range has ${this.rect.rows}.`,
      );
    for (const row of data)
      if (!Array.isArray(row) || row.length !== this.rect.cols)
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row?.length ?? 0} but the range has ${this.rect.cols}. (${what})`,
        );
  }
  private write(): void {
    this.fake.spreadsheet.checkWrite(this.sheet, this.rect);
  }
  getSheet(): FakeSheet {
    this.fake.hit("Range.getSheet");
    return this.sheet;
  }
  getRow(): number {
    this.fake.hit("Range.getRow");
    return this.rect.row + 1;
  }
  getColumn(): number {
    this.fake.hit("Range.getColumn");
    return this.rect.col + 1;
  }
  getNumRows(): number {
    this.fake.hit("Range.getNumRows");
    return this.rect.rows;
  }
  getNumColumns(): number {
    this.fake.hit("Range.getNumColumns");
    return this.rect.cols;
  }
  getA1NotationQuiet(): string {
    return rectA1(this.rect);
  }
  getA1Notation(): string {
    this.fake.hit("Range.getA1Notation");
    return rectA1(this.rect);
  }
  getValues(): CellValue[][] {
    this.fake.hit("Range.getValues");
    return this.each((r, c) => this.sheet.cell(r, c).value);
  }
  getFormulas(): string[][] {
    this.fake.hit("Range.getFormulas");
    return this.each((r, c) => this.sheet.cell(r, c).formula ?? "");
  }
  getNumberFormats(): string[][] {
    this.fake.hit("Range.getNumberFormats");
    return this.each((r, c) => this.sheet.cell(r, c).format);
  }
  /**
   * Range.getMergedRanges: the merged areas fully within this range or holding one of its cells, as ranges
   * (each one's place costs a call of its own, as in Apps Script)
   */
  getMergedRanges(): FakeRange[] {
    this.fake.hit("Range.getMergedRanges");
    const a = this.rect;
    return this.sheet.merges
      .filter(
        (m) =>
          m.row < a.row + a.rows &&
          a.row < m.row + m.rows &&
          m.col < a.col + a.cols &&
          a.col < m.col + m.cols,
      )
      .map((m) => new FakeRange(this.fake, this.sheet, { ...m }));
  }
  getFontWeights(): string[][] {
    this.fake.hit("Range.getFontWeights");
    return this.each((r, c) => this.sheet.cell(r, c).weight ?? "normal");
  }
  setValues(values: CellValue[][]): this {
    this.fake.hit("Range.setValues");
    this.checkShape(values, "setValues");
    this.write();
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        const at = this.sheet.cell(this.rect.row + r, this.rect.col + c);
        if (v !== null && typeof v === "object" && !(Object.prototype.toString.call(v) === "[object Date]"))
          throw new Error("Cannot convert Array to Object[][].");
        const entered: Entered = typeof v === "string" ? enter(v, at.format) : { value: v ?? "" };
        // typing 65% into an unformatted cell stores 0.65 and formats the cell as a percentage
        const next: Cell = {
          ...at,
          value: entered.value,
          ...(entered.format ? { format: entered.format } : {}),
        };
        delete next.formula;
        if (entered.formula) next.formula = entered.formula;
        this.sheet.put(this.rect.row + r, this.rect.col + c, next);
      }),
    );
    return this;
  }
  setValue(value: CellValue): this {
    return this.setValues(this.each(() => value));
  }
  setNumberFormat(format: string): this {
    this.fake.hit("Range.setNumberFormat");
    this.write();
    this.each((r, c) => this.sheet.put(r, c, { ...this.sheet.cell(r, c), format }));
    return this;
  }
  setNumberFormats(formats: string[][]): this {
    this.fake.hit("Range.setNumberFormats");
    this.checkShape(formats, "setNumberFormats");
    this.write();
    this.each((r, c) =>
      this.sheet.put(r, c, {
        ...this.sheet.cell(r, c),
        format: formats[r - this.rect.row]![c - this.rect.col]!,
      }),
    );
    return this;
  }
  setFontWeights(weights: (string | null)[][]): this {
    this.fake.hit("Range.setFontWeights");
    this.checkShape(weights, "setFontWeights");
    this.write();
    this.each((r, c) => {
      const w = weights[r - this.rect.row]![c - this.rect.col];
      const next: Cell = { ...this.sheet.cell(r, c) };
      if (w && w !== "normal") next.weight = w;
      else delete next.weight;
      this.sheet.put(r, c, next);
    });
    return this;
  }
  /** contents and formats */
  clear(): this {
    this.fake.hit("Range.clear");
    this.write();
    this.each((r, c) => this.sheet.cells.delete(`${r}:${c}`));
    return this;
  }
  clearContent(): this {
    this.fake.hit("Range.clearContent");
    this.write();
    this.each((r, c) => {
      const next: Cell = { ...this.sheet.cell(r, c), value: "" };
      delete next.formula;
      this.sheet.put(r, c, next);
    });
    return this;
  }
  clearFormat(): this {
    this.fake.hit("Range.clearFormat");
    this.write();
    this.each((r, c) => {
      const cell = this.sheet.cell(r, c);
      this.sheet.put(r, c, {
        value: cell.value,
        format: DEFAULT_FORMAT,
        ...(cell.formula ? { formula: cell.formula } : {}),
      });
    });
    return this;
  }
  activate(): this {
    this.fake.hit("Range.activate");
    this.sheet.setActiveRange(this);
    return this;
  }
}

export type CriteriaName = keyof typeof BOOLEAN_CRITERIA;

/** a rule's boolean condition, as getBooleanCondition returns it */
export class FakeBooleanCondition {
  constructor(
    private readonly fake: GasFake,
    private readonly rule: FakeRule,
  ) {}
  getCriteriaType(): (typeof BOOLEAN_CRITERIA)[CriteriaName] {
    this.fake.hit("BooleanCondition.getCriteriaType");
    return BOOLEAN_CRITERIA[this.rule.condition.type];
  }
  getCriteriaValues(): unknown[] {
    this.fake.hit("BooleanCondition.getCriteriaValues");
    return this.rule.condition.values.slice();
  }
  getBackground(): string | null {
    this.fake.hit("BooleanCondition.getBackground");
    return this.rule.background;
  }
  getFontColor(): string | null {
    this.fake.hit("BooleanCondition.getFontColor");
    return this.rule.fontColor;
  }
}

export class FakeRule {
  constructor(
    private readonly fake: GasFake,
    readonly condition: { type: CriteriaName; values: unknown[] },
    readonly background: string | null,
    readonly fontColor: string | null,
    readonly ranges: FakeRange[],
  ) {}
  getRanges(): FakeRange[] {
    this.fake.hit("ConditionalFormatRule.getRanges");
    return this.ranges.slice();
  }
  getBooleanCondition(): FakeBooleanCondition {
    this.fake.hit("ConditionalFormatRule.getBooleanCondition");
    return new FakeBooleanCondition(this.fake, this);
  }
  describe(): unknown {
    return {
      ranges: this.ranges.map((r) => `${r.sheet.name}!${r.getA1NotationQuiet()}`),
      condition: this.condition,
      background: this.background,
      fontColor: this.fontColor,
    };
  }
}

export class FakeRuleBuilder {
  private condition: { type: CriteriaName; values: unknown[] } | null = null;
  private background: string | null = null;
  private fontColor: string | null = null;
  private ranges: FakeRange[] = [];
  constructor(private readonly fake: GasFake) {}
  whenTextEqualTo(text: string): this {
    this.fake.hit("ConditionalFormatRuleBuilder.whenTextEqualTo");
    this.condition = { type: "TEXT_EQUAL_TO", values: [text] };
    return this;
  }
  whenFormulaSatisfied(formula: string): this {
    this.fake.hit("ConditionalFormatRuleBuilder.whenFormulaSatisfied");
    if (typeof formula !== "string" || !formula.startsWith("=")) throw new Error("Invalid argument: formula");
    this.condition = { type: "CUSTOM_FORMULA", values: [formula] };
    return this;
  }
  whenNumberGreaterThan(n: number): this {
    this.fake.hit("ConditionalFormatRuleBuilder.whenNumberGreaterThan");
    this.condition = { type: "NUMBER_GREATER_THAN", values: [n] };
    return this;
  }
  setBackground(color: string): this {
    this.fake.hit("ConditionalFormatRuleBuilder.setBackground");
    this.background = color;
    return this;
  }
  setFontColor(color: string): this {
    this.fake.hit("ConditionalFormatRuleBuilder.setFontColor");
    this.fontColor = color;
    return this;
  }
  setRanges(ranges: FakeRange[]): this {
    this.fake.hit("ConditionalFormatRuleBuilder.setRanges");
    if (!Array.isArray(ranges) || ranges.some((r) => !(r instanceof FakeRange)))
      throw new Error("Invalid argument: ranges");
    this.ranges = ranges.slice();
    return this;
  }
  build(): FakeRule {
    this.fake.hit("ConditionalFormatRuleBuilder.build");
    if (!this.condition) throw new Error("Conditional format rule must have a condition.");
    if (this.ranges.length === 0) throw new Error("Conditional format rule must have at least one range.");
    return new FakeRule(this.fake, this.condition, this.background, this.fontColor, this.ranges);
  }
}

export class FakeChart {
  constructor(
    readonly type: string,
    readonly ranges: FakeRange[],
    readonly options: Record<string, unknown>,
    readonly position: [number, number, number, number],
    readonly numHeaders: number,
  ) {}
  describe(): unknown {
    return {
      type: this.type,
      ranges: this.ranges.map((r) => `${r.sheet.name}!${r.getA1NotationQuiet()}`),
      options: this.options,
      position: this.position,
      numHeaders: this.numHeaders,
    };
  }
}

export class FakeChartBuilder {
  private type = "";
  private readonly ranges: FakeRange[] = [];
  private readonly options: Record<string, unknown> = {};
  private position: [number, number, number, number] = [1, 1, 0, 0];
  private numHeaders = -1;
  constructor(private readonly fake: GasFake) {}
  asColumnChart(): this {
    this.fake.hit("EmbeddedChartBuilder.asColumnChart");
    this.type = "COLUMN";
    return this;
  }
  addRange(range: FakeRange): this {
    this.fake.hit("EmbeddedChartBuilder.addRange");
    if (!(range instanceof FakeRange)) throw new Error("Invalid argument: range");
    this.ranges.push(range);
    return this;
  }
  setNumHeaders(n: number): this {
    this.fake.hit("EmbeddedChartBuilder.setNumHeaders");
    this.numHeaders = n;
    return this;
  }
  setTitle(title: string): this {
    this.fake.hit("EmbeddedColumnChartBuilder.setTitle");
    this.options["title"] = title;
    return this;
  }
  setOption(key: string, value: unknown): this {
    this.fake.hit("EmbeddedChartBuilder.setOption");
    this.options[key] = value;
    return this;
  }
  setPosition(row: number, col: number, offsetX: number, offsetY: number): this {
    this.fake.hit("EmbeddedChartBuilder.setPosition");
    this.position = [row, col, offsetX, offsetY];
    return this;
  }
  build(): FakeChart {
    this.fake.hit("EmbeddedChartBuilder.build");
    if (!this.type) throw new Error("fake: chart type not set");
    if (this.ranges.length === 0) throw new Error("Charts must have at least one data range.");
    return new FakeChart(this.type, this.ranges, { ...this.options }, this.position, this.numHeaders);
  }
}
