/**
 * The figures inside a cell's text: rates (`54,4%`, `> 90%`, `433/448`), the number it starts with, and what is
 * not a rate though it looks like one (dates, document numbers, `79,%`).
 */
import { fold } from "../text";
import { parseViNumber } from "./numbers";
import { WORDS, phraseAt, phraseLength, tokenize } from "./words";

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

const RANGE_BEFORE = /(\d+(?:[.,]\d+)*) ?(?:[-–—]|đến|tới) ?$/u;

/**
 * `60-70%`, `60 đến 70%`: the range's lower end (the rate is at least that), when the number right before the
 * dash is smaller and is not a date's or a document's (`quý 3 - 70%`)
 */
function rangeStart(text: string, pos: number, high: number): { value: number; start: number } | null {
  const m = RANGE_BEFORE.exec(text.slice(Math.max(0, pos - 40), pos));
  if (!m) return null;
  const start = pos - m[0].length;
  const value = strictNumber(m[1]!);
  if (value === null || value >= high || NOT_FRACTION_BEFORE.has(wordBefore(text, start))) return null;
  return { value, start };
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
    // `65%`, `65 %`, `65 (%)`: where the percent sign ends
    const percentEnd = text[after] === "%" ? after + 1 : text.startsWith("(%)", after) ? after + 3 : null;
    if (percentEnd !== null) {
      NUMBER_ANY.lastIndex = percentEnd;
      const value = strictNumber(raw);
      if (value === null) {
        rates.push({ kind: "bad", start });
        continue;
      }
      const low = rangeStart(text, m.index, value);
      const bound = boundBefore(text, start);
      rates.push(
        low
          ? { kind: "percent", percent: low.value, bound: { side: "lower", strict: false }, start: low.start }
          : { kind: "percent", percent: sign * value, ...(bound ? { bound } : {}), start },
      );
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
