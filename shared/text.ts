/**
 * Text helpers for matching Vietnamese words regardless of diacritics, case and spacing.
 */
import { memoArray } from "./memo";

/**
 * Folds text for matching: lowercase, no diacritics, `đ` → `d`, NBSP and runs of space → one space, trimmed.
 * @example fold("Kết quả  đạt được") === "ket qua dat duoc"
 */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[\s\u00a0\u2007\u202f]+/g, " ")
    .trim();
}

/** 0-based column index → letters (`0` → `A`, `27` → `AB`) */
export function columnLetters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** 0-based row and column → A1 address */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** A1 address → 0-based row and column; null when it is not an address */
export function parseA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/**
 * Formats a number the Vietnamese way: decimal comma, at most `digits` decimals, no trailing zeros.
 * @example formatNumber(54.4) === "54,4"; formatNumber(2050) === "2.050"
 */
export function formatNumber(n: number, digits = 2): string {
  if (!Number.isFinite(n)) return String(n);
  // most figures in a report are whole numbers; toFixed of one only adds zeros that are then dropped
  if (Number.isInteger(n) && n > -WHOLE_LIMIT && n < WHOLE_LIMIT) return formatWhole(n);
  const abs = Math.abs(n);
  let int: string;
  let frac: string;
  const scale = digits >= 0 && digits <= 9 ? 10 ** digits : 0;
  const scaled = abs * scale;
  // toFixed's rounding done in whole numbers, when the product is exact enough to round the same way (far from a
  // tie); toFixed itself otherwise
  if (scale !== 0 && scaled < 1e9 && Math.abs(scaled - Math.floor(scaled) - 0.5) > 1e-6) {
    const rounded = Math.round(scaled);
    const fraction = rounded % scale;
    int = String((rounded - fraction) / scale);
    frac = fraction === 0 ? "" : String(fraction).padStart(digits, "0");
    let end = frac.length;
    while (end > 0 && frac.charCodeAt(end - 1) === 48 /* 0 */) end--;
    frac = frac.slice(0, end);
  } else {
    const raw = abs.toFixed(digits);
    if (raw.includes("e")) return `${n < 0 ? "-" : ""}${raw}`;
    const dot = raw.indexOf(".");
    int = raw;
    frac = "";
    if (dot >= 0) {
      let end = raw.length;
      while (end > dot + 1 && raw.charCodeAt(end - 1) === 48 /* 0 */) end--;
      int = raw.slice(0, dot);
      frac = raw.slice(dot + 1, end);
    }
  }
  let grouped = int;
  if (int.length > 3) {
    grouped = int.slice(0, ((int.length - 1) % 3) + 1);
    for (let i = grouped.length; i < int.length; i += 3) grouped += `.${int.slice(i, i + 3)}`;
  }
  const zero = frac === "" && int === "0";
  return `${n < 0 && !zero ? "-" : ""}${grouped}${frac ? `,${frac}` : ""}`;
}

/** whole numbers below this are written digit group by digit group (toFixed would not change them) */
const WHOLE_LIMIT = 1e15;

/** `2.050`, `-12`: a whole number below {@link WHOLE_LIMIT} in Vietnamese */
function formatWhole(n: number): string {
  const abs = n < 0 ? -n : n;
  if (abs < 1000) return n < 0 ? `-${abs}` : String(abs);
  let rest = abs;
  let groups = "";
  while (rest >= 1000) {
    const group = rest % 1000;
    rest = (rest - group) / 1000;
    groups = `${group < 10 ? ".00" : group < 100 ? ".0" : "."}${group}${groups}`;
  }
  return `${n < 0 ? "-" : ""}${rest}${groups}`;
}

/** `0%` … `100%` by tenths of a point, as met: most rates a report prints */
const RATE_TEXTS = memoArray<string>(1001);

/** percent points → `54,4%` */
export function formatPercent(p: number, digits = 1): string {
  if (digits === 1 && p >= 0 && p <= 100) {
    const tenths = p * 10;
    // away from a tie, the tenth formatNumber rounds to (a tie goes to toFixed there)
    if (Math.abs(tenths - Math.floor(tenths) - 0.5) > 1e-6) {
      const k = Math.round(tenths);
      return (RATE_TEXTS[k] ??= `${formatNumber(k / 10, 1)}%`);
    }
  }
  return `${formatNumber(p, digits)}%`;
}

/** shortens long text for messages, keeping the start; runs of white space become one space, ends trimmed */
export function clip(text: string, max = 60): string {
  // most texts clipped are short words (`điểm`, `Có`) with nothing to tidy: kept as they are
  if (text.length <= max && isTidy(text)) return text;
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/**
 * True when `\s+ → " "` and trim would not change the text: single spaces between other characters only. Any
 * code unit below `!` other than a space, or any non-ASCII space, sends the text the general way.
 */
function isTidy(text: string): boolean {
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (i === 0 || i === last || text.charCodeAt(i + 1) === 32) return false;
    } else if (c < 33 || (c >= 0x80 && isUnicodeSpace(c))) return false;
  }
  return true;
}

/** the white space of `\s` above ASCII (NBSP, the Unicode spaces, line and paragraph separators, BOM) */
function isUnicodeSpace(c: number): boolean {
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
