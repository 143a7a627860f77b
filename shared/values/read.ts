/**
 * Reading result cells: what a cell says (`54,4%`, `433/448`, `Có`, `8 điểm` …) as a tagged {@link Value}.
 * Bad data is a value, never an exception.
 */
import type { ProblemCode, RawCell, Value } from "../types";
import { clip, formatNumber, formatPercent, fold } from "../text";
import {
  WORDS,
  findResultWord,
  noDataAtStart,
  phraseAt,
  phraseLength,
  resultWordAtStart,
  tokenize,
} from "./words";

// ---------------------------------------------------------------------------------------------
// numbers written the Vietnamese way

/**
 * Reads one number written the Vietnamese way: decimal comma, dot thousands (a dot followed by exactly
 * three digits groups thousands, unless the number starts with `0`), English `1,234.5` when both signs say so.
 * Null when the spelling is not a number (`79,`, `1.2.3`).
 * @example parseViNumber("2.092.423.000") === 2092423000; parseViNumber("54,4") === 54.4
 */
export function parseViNumber(text: string): number | null {
  const s = text.trim();
  if (/^\d+$/.test(s)) return Number(s);
  const dot = s.includes(".");
  const comma = s.includes(",");
  if (dot && comma) {
    if (/^\d{1,3}(?:\.\d{3})+,\d+$/.test(s)) return Number(s.replace(/\./g, "").replace(",", "."));
    if (/^\d{1,3}(?:,\d{3})+\.\d+$/.test(s)) return Number(s.replace(/,/g, ""));
    return null;
  }
  if (comma) {
    if (/^\d+,\d+$/.test(s)) return Number(s.replace(",", "."));
    if (/^[1-9]\d{0,2}(?:,\d{3}){2,}$/.test(s)) return Number(s.replace(/,/g, ""));
    return null;
  }
  if (dot) {
    if (/^[1-9]\d{0,2}(?:\.\d{3})+$/.test(s)) return Number(s.replace(/\./g, ""));
    if (/^\d+\.\d+$/.test(s)) return Number(s);
  }
  return null;
}

/** rounds away float noise (`0.544 * 100`), keeping 9 decimals */
export function roundRate(n: number): number {
  return Math.round(n * 1e9) / 1e9;
}

/** spaces of every width become one plain space; NFC so that each Vietnamese letter is one code point */
export function normalizeCellText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\s\u00a0\u2007\u202f]+/g, " ")
    .trim();
}

// ---------------------------------------------------------------------------------------------
// figures inside a text

/** how a percentage is bounded by the words before it */
export type Bound = { readonly side: "lower"; readonly strict: boolean } | { readonly side: "upper" };

/** a rate written in a text: `54,4%`, `> 90%`, `433/448`, or a spelling that looks like one but is not */
export type RateFigure =
  | { readonly kind: "percent"; readonly percent: number; readonly bound?: Bound; readonly start: number }
  | {
      readonly kind: "fraction";
      readonly numerator: number;
      readonly denominator: number;
      readonly start: number;
    }
  | { readonly kind: "bad"; readonly start: number };

/** the figures of a text: its rates in order, and the number it starts with, if any */
export interface Figures {
  readonly rates: readonly RateFigure[];
  readonly leading?: { readonly value: number | null; readonly end: number };
}

const NUMBER_AT = /\d+(?:[.,]\d+)*[.,]?/y;
const NUMBER_ANY = /\d+(?:[.,]\d+)*[.,]?/g;
/** a text's first rates decide; prose with more figures is not read further */
const MAX_RATES = 20;
/** words before `d/m` that make it a date or a document number, not a fraction */
const NOT_FRACTION_BEFORE = new Set(["ngày", "tháng", "quý", "năm", "số", "đợt", "kỳ"].map(fold));

function isSpace(ch: string | undefined): boolean {
  return ch === " ";
}

function skipSpaces(text: string, i: number): number {
  while (isSpace(text[i])) i++;
  return i;
}

function numberAt(text: string, i: number): string | null {
  NUMBER_AT.lastIndex = i;
  const m = NUMBER_AT.exec(text);
  return m ? m[0] : null;
}

/** a number spelling with a trailing separator (`79,`) is readable only where the sentence ends */
function strictNumber(raw: string): number | null {
  return /[.,]$/.test(raw) ? null : parseViNumber(raw);
}

function looseNumber(raw: string): number | null {
  return parseViNumber(raw.replace(/[.,]$/, ""));
}

/** lower-bound signs (`>`, `≥`, `>=`), longest first so that `>=` is not read as `>` */
const LOWER_SYMBOLS = WORDS.lowerBounds
  .filter((b) => !/\p{L}/u.test(b.text))
  .sort((a, b) => b.text.length - a.text.length);

const UPPER_WORDS = WORDS.upperBounds.filter((w) => /\p{L}/u.test(w));
const LOWER_WORDS = WORDS.lowerBounds.filter((b) => /\p{L}/u.test(b.text));

/** what the words right before position `pos` say about a percentage there */
function boundBefore(text: string, pos: number): Bound | undefined {
  const before = text.slice(Math.max(0, pos - 40), pos).trimEnd();
  for (const s of ["<=", "≤", "<"]) if (before.endsWith(s)) return { side: "upper" };
  const symbol = LOWER_SYMBOLS.find((b) => before.endsWith(b.text));
  if (symbol) return { side: "lower", strict: symbol.strict };
  const tokens = tokenize(before);
  const last = tokens[tokens.length - 1];
  if (!last || last.end !== before.length) return undefined;
  const endsWith = (w: string) => phraseAt(tokens, tokens.length - phraseLength(w), w);
  if (UPPER_WORDS.some(endsWith)) return { side: "upper" };
  const lower = LOWER_WORDS.find((b) => endsWith(b.text));
  return lower ? { side: "lower", strict: lower.strict } : undefined;
}

function wordBefore(text: string, pos: number): string {
  const tokens = tokenize(text.slice(Math.max(0, pos - 12), pos).trimEnd());
  return tokens.length ? tokens[tokens.length - 1]!.folded : "";
}

const UNIT_BEFORE_SLASH = /\p{L}+(?: \p{L}+)? ?(?=\/ ?\d)/uy;

/** `1.135 người / 8.055`: the slash after one or two words of unit, when a number follows it */
function unitThenSlash(text: string, i: number): number | null {
  UNIT_BEFORE_SLASH.lastIndex = i;
  const m = UNIT_BEFORE_SLASH.exec(text);
  return m ? i + m[0].length : null;
}

/** `3/2023`: a month or quarter and a year (a count of 2.023 would carry its thousands dot) */
function isMonthYear(numerator: string, denominator: string): boolean {
  return /^(?:0?[1-9]|1[0-2])$/.test(numerator) && /^(?:19[5-9]\d|20\d\d)$/.test(denominator);
}

/** where a `/ 2023` part after position `i` ends, if one follows (spaces allowed around the slash) */
function nextDatePart(text: string, i: number): number | null {
  const slash = skipSpaces(text, i);
  if (text[slash] !== "/") return null;
  const start = skipSpaces(text, slash + 1);
  const n = /\d/.test(text[start] ?? "") ? numberAt(text, start) : null;
  return n === null ? null : start + n.length;
}

/**
 * Finds the rates written in a text (normalized by {@link normalizeCellText}) and the number it starts with.
 * Linear in the text's length; stops after the first 20 rates. Dates (`12/3/2023`, `quý 3/2023`, `6/2023`)
 * and document numbers (`số 12/KH`) are not fractions.
 */
export function scanFigures(text: string): Figures {
  const rates: RateFigure[] = [];
  let leading: Figures["leading"];
  NUMBER_ANY.lastIndex = 0;
  for (let m = NUMBER_ANY.exec(text); m && rates.length < MAX_RATES; m = NUMBER_ANY.exec(text)) {
    const raw = m[0];
    let start = m.index;
    let sign = 1;
    if (
      (text[start - 1] === "-" || text[start - 1] === "−") &&
      !/[\p{L}\p{N}]/u.test(text[start - 2] ?? "")
    ) {
      sign = -1;
      start -= 1;
    }
    if (text[start - 1] === "/") continue; // the tail of a date or code
    const after = skipSpaces(text, m.index + raw.length);
    if (text[after] === "%") {
      const value = strictNumber(raw);
      const bound = boundBefore(text, start);
      rates.push(
        value === null
          ? { kind: "bad", start }
          : { kind: "percent", percent: sign * value, ...(bound ? { bound } : {}), start },
      );
      NUMBER_ANY.lastIndex = after + 1;
      continue;
    }
    const slash = text[after] === "/" ? after : unitThenSlash(text, after);
    if (slash !== null) {
      const denStart = skipSpaces(text, slash + 1);
      const den = numberAt(text, denStart);
      if (den === null) {
        if (!/\p{L}/u.test(text[denStart] ?? "")) rates.push({ kind: "bad", start });
        NUMBER_ANY.lastIndex = denStart;
        continue;
      }
      let end = denStart + den.length;
      if (nextDatePart(text, end) !== null) {
        // a date (`12/3/2023`, `25/ 3/ 2022`): skip the whole chain
        for (let part = nextDatePart(text, end); part !== null; part = nextDatePart(text, end)) end = part;
        NUMBER_ANY.lastIndex = end;
        continue;
      }
      NUMBER_ANY.lastIndex = end;
      if (NOT_FRACTION_BEFORE.has(wordBefore(text, start)) || isMonthYear(raw, den)) continue;
      const numerator = strictNumber(raw);
      const denominator = looseNumber(den);
      rates.push(
        numerator === null || denominator === null || sign < 0
          ? { kind: "bad", start }
          : { kind: "fraction", numerator, denominator, start },
      );
      continue;
    }
    if (start === 0 && !leading) {
      const value = looseNumber(raw);
      leading = { value: value === null ? null : sign * value, end: m.index + raw.length };
    }
  }
  return leading ? { rates, leading } : { rates };
}

// ---------------------------------------------------------------------------------------------
// number formats

/** what a number format shows */
interface FormatKind {
  readonly percent: boolean;
  readonly date: boolean;
  /** decimals shown (`0.0%` → 1) */
  readonly decimals: number;
}

function kindOfFormat(format: string): FormatKind {
  const bare = stripFormatLiterals(format);
  const date =
    !/general/i.test(bare) &&
    (/[dy]/i.test(bare) || (/m/i.test(bare) && !/[h:]/i.test(bare) && !/[0#]/.test(bare)));
  return { percent: /%/.test(bare), date, decimals: formatDecimals(format) };
}

/** true for a number format that shows a percentage (`0.0%`, `0%`); quoted text does not count */
export function isPercentFormat(format: string | null | undefined): boolean {
  return !!format && kindOfFormat(format).percent;
}

/** true for a number format that shows a date (`dd/mm/yyyy`, `m/d/yy`) */
export function isDateFormat(format: string | null | undefined): boolean {
  return !!format && kindOfFormat(format).date;
}

function stripFormatLiterals(format: string): string {
  return format
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\\./g, "");
}

function formatDecimals(format: string): number {
  const section = stripFormatLiterals(format).split(";")[0] ?? "";
  // `0.0%`; a localized format (`0,0%`, Excel's numberFormatLocal in Vietnamese) has its decimals after a comma
  const m = /\.([0#?]+)/.exec(section) ?? /,([0#?]+)\s*%/.exec(section);
  return m ? m[1]!.length : 0;
}

/** an Excel serial day number → Date (UTC midnight) */
export function dateFromSerial(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86400000));
}

/** `433/448`: its percent computed (null for a zero denominator), with the percent the cell states, if any */
function fraction(numerator: number, denominator: number, statedPercent?: number): Value {
  return {
    kind: "fraction",
    numerator,
    denominator,
    percent: denominator === 0 ? null : roundRate((numerator / denominator) * 100),
    ...(statedPercent !== undefined ? { statedPercent } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// raw cells

const ERROR_TEXT = /^#(?:N\/A|GETTING_DATA|[A-Z][A-Z0-9/_]*[!?])$/i;

/** objects a host may hand over unflattened: ExcelJS formula results, rich text, links; one-cell arrays */
function unwrapObject(raw: object): RawCell | undefined {
  // a one-cell range handed to a custom function: [[x]]
  if (Array.isArray(raw)) return raw.length === 1 ? (raw[0] as RawCell) : undefined;
  const o = raw as Record<string, unknown>;
  if ("result" in o) return o.result as RawCell;
  if (Array.isArray(o.richText)) {
    return o.richText
      .map((r) => (r && typeof r === "object" ? String((r as { text?: unknown }).text ?? "") : ""))
      .join("");
  }
  if (typeof o.text === "string") return o.text;
  return undefined;
}

function isCellError(raw: object): raw is { error: string } {
  return "error" in raw;
}

/**
 * Reads what a result cell says. Never throws: anything unexpected comes back as `unreadable`.
 * A number formatted as percent is a fraction of 1 (0.544 → 54.4); a plain number is a count;
 * a number in a date format is a date.
 * @example readValue("2.050/3.200 lao động = 64,1%") // fraction 2050/3200, percent 64.0625, statedPercent 64.1
 */
export function readValue(raw: RawCell, format?: string): Value {
  try {
    return readCell(raw, format, 0);
  } catch {
    return { kind: "unreadable", text: safeText(raw) };
  }
}

function readCell(raw: RawCell, format: string | undefined, depth: number): Value {
  if (raw === null || raw === undefined) return { kind: "empty" };
  if (typeof raw === "string") return readText(raw);
  if (typeof raw === "number") return readNumber(raw, format);
  if (typeof raw === "boolean") return raw ? { kind: "yes", word: "TRUE" } : { kind: "no", word: "FALSE" };
  if (raw instanceof Date) {
    return Number.isNaN(raw.getTime())
      ? { kind: "unreadable", text: "Invalid Date" }
      : { kind: "date", date: raw };
  }
  if (typeof raw === "object") {
    if (isCellError(raw)) return { kind: "error", error: String(raw.error) };
    const inner = unwrapObject(raw);
    if (inner !== undefined && depth < 3) return readCell(inner, format, depth + 1);
  }
  return { kind: "unreadable", text: safeText(raw) };
}

function readNumber(n: number, format: string | undefined): Value {
  if (!Number.isFinite(n)) return { kind: "unreadable", text: String(n) };
  if (isPercentFormat(format)) return { kind: "percent", percent: roundRate(n * 100) };
  if (isDateFormat(format)) return { kind: "date", date: dateFromSerial(n) };
  return { kind: "count", count: n };
}

function readText(rawText: string): Value {
  const text = normalizeCellText(rawText);
  if (!text) return { kind: "empty" };
  if (ERROR_TEXT.test(text)) return { kind: "error", error: text.toUpperCase() };
  // a figure alone (`54,4%`, `2.050/3.200`, `> 90%`): no word to look for
  if (!/\p{L}/u.test(text)) return readFigures(text, scanFigures(text)) ?? { kind: "text", text };
  const tokens = tokenize(text);
  if (noDataAtStart(tokens)) return { kind: "text", text };
  const atStart = resultWordAtStart(tokens);
  if (atStart?.kind === "notEvaluated") return { kind: "notEvaluated", word: atStart.text };
  const notEvaluated = findResultWord(tokens, "notEvaluated");
  if (notEvaluated) return { kind: "notEvaluated", word: notEvaluated.word.text };
  if (atStart?.kind === "underWay") return { kind: "underWay", word: atStart.text };

  const figured = readFigures(text, scanFigures(text));
  if (figured) return figured;
  // yes/no keep the commune's words (`Chưa có hệ thống`), for reasons
  if (atStart) return { kind: atStart.kind, word: clip(text, 60) };
  const underWay = findResultWord(tokens, "underWay");
  if (underWay) return { kind: "underWay", word: underWay.word.text };
  return { kind: "text", text };
}

/** the value the figures of a text give: its first rate (a fraction wins), else the number it starts with */
function readFigures(text: string, figures: Figures): Value | null {
  const [first] = figures.rates;
  if (first) {
    if (first.kind === "bad") return { kind: "unreadable", text };
    const found = figures.rates.find((r) => r.kind === "fraction");
    if (found?.kind === "fraction") {
      const stated = figures.rates.find((r) => r.kind === "percent" && !r.bound);
      return fraction(
        found.numerator,
        found.denominator,
        stated?.kind === "percent" ? stated.percent : undefined,
      );
    }
    if (first.kind === "percent") {
      if (!first.bound) return { kind: "percent", percent: first.percent };
      if (first.bound.side === "lower")
        return { kind: "lowerBound", percent: first.percent, strict: first.bound.strict };
      return { kind: "unreadable", text };
    }
  }
  if (figures.leading) {
    if (figures.leading.value === null) return { kind: "unreadable", text };
    const unit = text
      .slice(figures.leading.end)
      .replace(/^[\s.,;:]+/, "")
      .trim();
    return { kind: "count", count: figures.leading.value, ...(unit ? { unit: clipUnit(unit) } : {}) };
  }
  return null;
}

function clipUnit(unit: string): string {
  return unit.length > 40 ? `${unit.slice(0, 39)}…` : unit;
}

function safeText(raw: unknown): string {
  try {
    if (typeof raw === "string") return raw;
    return raw && typeof raw === "object" ? JSON.stringify(raw).slice(0, 200) : String(raw);
  } catch {
    return "?";
  }
}

// ---------------------------------------------------------------------------------------------
// the value as the user sees it

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/**
 * A date as `dd/mm/yyyy`. Dates at UTC midnight (ExcelJS, serial numbers) are read in UTC; others (Apps Script
 * gives midnight in the script's time zone) in local time.
 */
export function formatDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return "";
  const utc = d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0;
  const [day, month, year] = utc
    ? [d.getUTCDate(), d.getUTCMonth() + 1, d.getUTCFullYear()]
    : [d.getDate(), d.getMonth() + 1, d.getFullYear()];
  return `${pad2(day)}/${pad2(month)}/${year}`;
}

/**
 * The cell as the user sees it: `54,4%` for 0.544 in a `0.0%` format, `2.050` for 2050, `12/03/2023` for a date,
 * `#N/A` for an error; text as written.
 */
export function cellText(raw: RawCell, format?: string): string {
  try {
    if (raw === null || raw === undefined) return "";
    if (typeof raw === "string") return raw;
    if (typeof raw === "number") {
      if (!Number.isFinite(raw)) return String(raw);
      if (isPercentFormat(format)) {
        // formatNumber strips zeros of whole numbers when asked for 0 decimals (100 → "1"): round here instead
        const decimals = kindOfFormat(format!).decimals;
        const p = raw * 100;
        return decimals === 0 ? formatPercent(Math.round(p), 1) : formatPercent(p, decimals);
      }
      if (isDateFormat(format)) return formatDate(dateFromSerial(raw));
      return formatNumber(raw, 9);
    }
    if (typeof raw === "boolean") return raw ? "TRUE" : "FALSE";
    if (raw instanceof Date) return formatDate(raw);
    if (typeof raw === "object") {
      if (isCellError(raw)) return String(raw.error);
      const inner = unwrapObject(raw);
      if (inner !== undefined) return cellText(inner, format);
    }
    return safeText(raw);
  } catch {
    return safeText(raw);
  }
}

// ---------------------------------------------------------------------------------------------
// values that cannot be graded

/** true for a rate outside 0–100% */
export function rateOutOfRange(percent: number): boolean {
  return percent < 0 || percent > 100;
}

/**
 * What is wrong with a value that cannot be graded, as a code and a Vietnamese detail that follows the quoted
 * value in a message (`Ô E14 (3.2): "79,%" không đọc được thành tỷ lệ`); null when nothing is wrong.
 */
export function valueProblem(value: Value): { code: ProblemCode; detail: string } | null {
  switch (value.kind) {
    case "unreadable": {
      const what = value.text.includes("%") ? "tỷ lệ" : value.text.includes("/") ? "phân số" : "số liệu";
      return { code: "UNREADABLE_VALUE", detail: `không đọc được thành ${what}` };
    }
    case "error":
      return {
        code: "ERROR_VALUE",
        detail: "là giá trị lỗi của bảng tính: sửa công thức hoặc nhập lại số liệu",
      };
    case "date":
      return {
        code: "DATE_VALUE",
        detail:
          "là ngày tháng, không phải kết quả: kiểm tra định dạng ô (phân số như 10/17 dễ bị đổi thành ngày)",
      };
    case "fraction":
      if (value.denominator === 0) return { code: "ZERO_DENOMINATOR", detail: "có mẫu số bằng 0" };
      if (value.percent !== null && rateOutOfRange(value.percent)) {
        return {
          code: "RATE_OUT_OF_RANGE",
          detail: `cho tỷ lệ ${formatPercent(value.percent)}, ngoài khoảng 0–100%`,
        };
      }
      return null;
    case "percent":
    case "lowerBound":
      return rateOutOfRange(value.percent)
        ? { code: "RATE_OUT_OF_RANGE", detail: `là tỷ lệ ngoài khoảng 0–100%` }
        : null;
    default:
      return null;
  }
}
