/**
 * Reading result cells: what a cell says (`54,4%`, `433/448`, `Có`, `8 điểm` …) as a tagged {@link Value}, the
 * cell as the user sees it, and what is wrong with a value that cannot be graded. Bad data is a value, never an
 * exception.
 */
import type { Hedge, ProblemCode, RawCell, Value } from "../types";
import { clip, formatNumber, formatPercent } from "../text";
import { scanFigures, type Figures } from "./figures";
import { dateFromSerial, formatDate, formatDecimals, isDateFormat, isPercentFormat } from "./formats";
import { roundRate } from "./numbers";
import {
  affirmativeAt,
  findResultWord,
  hedgesIn,
  noDataAtStart,
  resultWordAtStart,
  tokenize,
  type Token,
} from "./words";

/** spaces of every width become one plain space; NFC so that each Vietnamese letter is one code point */
export function normalizeCellText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\s\u00a0\u2007\u202f]+/g, " ")
    .trim();
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
  if (figured) return hedged(figured, tokens);
  const underWay = findResultWord(tokens, "underWay");
  if (atStart) {
    // yes/no keep the commune's words (`Chưa có hệ thống`), for reasons
    const value = hedged({ kind: atStart.kind, word: clip(text, 60) }, tokens);
    // a yes still in the works (`Có (đang hoàn thiện)`) is work under way, not a yes
    return atStart.kind === "yes" && !value.hedge && underWay
      ? { kind: "underWay", word: underWay.word.text }
      : value;
  }
  if (underWay) return { kind: "underWay", word: underWay.word.text };
  return hedged({ kind: "text", text }, tokens);
}

const FIGURE_KINDS: ReadonlySet<Value["kind"]> = new Set([
  "percent",
  "lowerBound",
  "fraction",
  "count",
  "unreadable",
]);
const RATE_KINDS: ReadonlySet<Value["kind"]> = new Set(["percent", "lowerBound", "fraction", "unreadable"]);

/**
 * The first hedge that counts for this value ({@link WORDS.hedges}): a plan anywhere its place allows; an
 * estimate only on a rate; a qualifier on anything (grading weighs it against a yes-type target only). A "no"
 * is not hedged: `Chưa, dự kiến quý IV` says no.
 */
export function hedgeOf(value: Value, tokens: readonly Token[]): Hedge | undefined {
  if (value.kind === "no") return undefined;
  const figure = FIGURE_KINDS.has(value.kind);
  for (const { hit, at, end } of hedgesIn(tokens)) {
    const { kind, place } = hit.word;
    if (place === "figure" && !figure) continue;
    if (place === "beforeYes" && at > 0 && !(affirmativeAt(tokens, end) && nextToIt(tokens, end))) continue;
    if (kind === "estimate" && !RATE_KINDS.has(value.kind)) continue;
    const underWay = findResultWord(tokens, "underWay");
    return underWay ? { kind, words: hit.words, underWay: underWay.word.text } : { kind, words: hit.words };
  }
  return undefined;
}

/** true when token `i` follows the one before it after a single space (no comma or bracket between) */
function nextToIt(tokens: readonly Token[], i: number): boolean {
  return tokens[i]!.start === tokens[i - 1]!.end + 1;
}

function hedged(value: Value, tokens: readonly Token[]): Value {
  const hedge = hedgeOf(value, tokens);
  return hedge ? { ...value, hedge } : value;
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
      // rounded half away from zero, as a spreadsheet shows it (-0.125 in `0%` is `-13%`)
      if (isPercentFormat(format)) return formatPercent(raw * 100, formatDecimals(format!));
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
