/**
 * Amounts and counts as the decisions write them: `Điểm tối đa`, `1/2*Điểm tối đa`, `15 điểm` (what a branch of a
 * rule is worth), and the range of counts a step covers (`từ 2 đến 3 lần`, `4 lần trở lên`).
 */
import { fold, formatNumber } from "../text";
import { parseViNumber } from "../values/numbers";
import type { Amount, CountRange } from "./types";
import { phrases } from "./words";

// ---------------------------------------------------------------------------------------------
// amounts

const NUM = String.raw`\d+(?:[.,]\d+)*`;
const MAX = String.raw`(?:cua\s+)?(?:so\s+)?diem\s+toi\s+da`;
const TIMES = String.raw`(?:\s*(?:\*|x|nhan|\.)\s*|\s+)`;
const AMOUNT_PATTERNS = {
  full: new RegExp(`^${MAX}$`),
  shareFirst: new RegExp(`^(${NUM})\\s*(?:\\/\\s*(${NUM}))?\\s*(%)?${TIMES}${MAX}$`),
  maxFirst: new RegExp(`^${MAX}\\s*(?:\\*|x|nhan)\\s*(${NUM})\\s*(?:\\/\\s*(${NUM}))?\\s*(%)?$`),
  points: new RegExp(`^(${NUM})\\s*(?:diem|d)$`),
};
const AMOUNT_LEAD = /^(?:(?:thi|duoc|bang|dat|cho|tinh|la|=)\s*)+/;
/** annotations this module writes after an amount (`(= 10 điểm)`, `(≥ 4 lần)`), and `(20 điểm)` */
const ANNOTATION = new RegExp(
  String.raw`\s*\((?:\s*[=≥>≤<][^()]*|\s*${NUM}\s*(?:điểm|diem|đ)\s*)\)\s*$`,
  "iu",
);

function num(text: string): number | null {
  return parseViNumber(text);
}

/**
 * Reads an amount as the decisions write it: `Điểm tối đa`, `1/2*Điểm tối đa`, `1/2 x Điểm tối đa`,
 * `Điểm tối đa x 1/2`, `50% Điểm tối đa`, `0,5 * Điểm tối đa`, `15 điểm`, `0 điểm`, `0đ`.
 * @returns the amount, `above` for a share of more than the maximum, null when it is not an amount
 */
export function parseAmount(text: string): Amount | "above" | null {
  let t = text.trim().replace(/[.;,]+$/, "");
  for (let prev = ""; prev !== t;) {
    prev = t;
    t = t.replace(ANNOTATION, "").trim();
  }
  const f = fold(t)
    .replace(/[.;,]+$/, "")
    .replace(AMOUNT_LEAD, "")
    .trim();
  if (f === "") return null;
  if (AMOUNT_PATTERNS.full.test(f)) return { kind: "share", num: 1, den: 1 };
  const m = AMOUNT_PATTERNS.shareFirst.exec(f) ?? AMOUNT_PATTERNS.maxFirst.exec(f);
  if (m) {
    const a = num(m[1]!);
    const b = m[2] !== undefined ? num(m[2]) : m[3] ? 100 : 1;
    if (a === null || b === null || b <= 0) return null;
    if (m[2] !== undefined && m[3]) return null;
    return a / b > 1 + 1e-12 ? "above" : { kind: "share", num: a, den: b };
  }
  const p = AMOUNT_PATTERNS.points.exec(f);
  if (p) {
    const n = num(p[1]!);
    return n === null ? null : { kind: "points", points: n };
  }
  if (f === "khong diem") return { kind: "points", points: 0 };
  return null;
}

/** an amount in the decisions' words: `Điểm tối đa`, `1/2*Điểm tối đa`, `50% Điểm tối đa`, `15 điểm` */
export function amountText(a: Amount): string {
  if (a.kind === "points") return `${formatNumber(a.points, 6)} điểm`;
  if (a.num === 1 && a.den === 1) return "Điểm tối đa";
  if (a.den === 100) return `${formatNumber(a.num, 6)}% Điểm tối đa`;
  if (a.den === 1) return `${formatNumber(a.num, 6)}*Điểm tối đa`;
  return `${formatNumber(a.num, 6)}/${formatNumber(a.den, 6)}*Điểm tối đa`;
}

/** the points of an amount for a maximum; null when it is a share and the maximum is unknown */
export function amountPoints(a: Amount, maxPoints: number | null): number | null {
  if (a.kind === "points") return a.points;
  return maxPoints === null ? null : (maxPoints * a.num) / a.den;
}

/** true for an amount worth nothing whatever the maximum */
export function isZero(a: Amount): boolean {
  return a.kind === "points" ? a.points === 0 : a.num === 0;
}

// ---------------------------------------------------------------------------------------------
// steps

/** text outside brackets: `BCĐ họp 4 lần/ năm (Trung bình mỗi quý 1 lần)` → `BCĐ họp 4 lần/ năm` */
export function outsideBrackets(text: string): string {
  let out = "";
  let depth = 0;
  for (const c of text) {
    if (c === "(") depth++;
    else if (c === ")" && depth > 0) depth--;
    else if (depth === 0) out += c;
  }
  return out.replace(/\s+/g, " ").trim();
}

/** the count a step's condition states, its range and unit: `từ 2 đến 3 lần` → [2, 3] `lan` */
export function stepRange(condition: string): { range: CountRange; unit: string } | null {
  const f = fold(outsideBrackets(condition));
  const m = /(^|[^\d.,/])(\d+)(?:\s*(?:-|den|toi)\s*(\d+))?\s*([a-z]+)/.exec(f);
  if (!m) return null;
  const n1 = Number(m[2]);
  const unit = m[4]!;
  if (unit === "den" || unit === "toi" || unit === "diem") return null;
  if (m[3] !== undefined) {
    const n2 = Number(m[3]);
    return n2 >= n1 ? { range: { min: n1, minStrict: false, max: n2, maxStrict: false }, unit } : null;
  }
  const before = f.slice(0, m.index + m[1]!.length).trimEnd();
  const after = f.slice(m.index + m[0].length).trimStart();
  const lead = phrases().rangeBefore.find(
    (w) =>
      before === w.key || before.endsWith(` ${w.key}`) || (before.endsWith(w.key) && /[<>≤≥=]$/.test(w.key)),
  );
  const tail = phrases().rangeAfter.find(
    (w) => after.startsWith(w.key) || after.replace(/^\/?\s*nam\s*/, "").startsWith(w.key),
  );
  const bound = lead ?? tail;
  if (!bound) return { range: { min: n1, minStrict: false, max: n1, maxStrict: false }, unit };
  return bound.bound === "min"
    ? { range: { min: n1, minStrict: bound.strict, max: null, maxStrict: false }, unit }
    : { range: { min: null, minStrict: false, max: n1, maxStrict: bound.strict }, unit };
}

/** true when a count lies in the range */
export function inRange(r: CountRange, n: number): boolean {
  if (r.min !== null && (r.minStrict ? n <= r.min : n < r.min)) return false;
  if (r.max !== null && (r.maxStrict ? n >= r.max : n > r.max)) return false;
  return true;
}

/** true when two ranges hold a whole number in common */
export function overlaps(a: CountRange, b: CountRange): boolean {
  // counts are whole numbers: compare the whole numbers each range holds
  const lo = (r: CountRange): number =>
    r.min === null ? -Infinity : r.minStrict ? Math.floor(r.min) + 1 : Math.ceil(r.min);
  const hi = (r: CountRange): number =>
    r.max === null ? Infinity : r.maxStrict ? Math.ceil(r.max) - 1 : Math.floor(r.max);
  return Math.max(lo(a), lo(b)) <= Math.min(hi(a), hi(b));
}

/** a range in words, starting with its sign: `= 3 lần`, `≥ 4 lần`, `< 2 lần`, `≥ 2 và ≤ 3 lần` */
export function rangeText(r: CountRange, unit: string): string {
  const n = (x: number): string => formatNumber(x, 6);
  const low = r.min === null ? "" : `${r.minStrict ? ">" : "≥"} ${n(r.min)}`;
  const high = r.max === null ? "" : `${r.maxStrict ? "<" : "≤"} ${n(r.max)}`;
  if (r.min !== null && r.max !== null && r.min === r.max && !r.minStrict && !r.maxStrict)
    return `= ${n(r.min)} ${unit}`;
  if (low && high) return `${low} và ${high} ${unit}`;
  return `${low || high || "mọi số"} ${unit}`;
}
