/**
 * Text helpers for matching Vietnamese words regardless of diacritics, case and spacing.
 */

import { remembered } from "./remember";
import type { RawCell } from "./types";

/**
 * Folds text for matching: lowercase, no diacritics, `đ` → `d`, NBSP and runs of space → one space, trimmed.
 * Remembered: names and headers repeat on every commune's sheet. With the names' scores (criteria/match.ts), this
 * takes the CLI's grading step on 166 sheets to 0.66× the CPU of the plain form (docs/performance.md).
 * @example fold("Kết quả  đạt được") === "ket qua dat duoc"
 */
export const fold: (text: string) => string = remembered(foldText);

function foldText(text: string): string {
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
 * Formats a number the Vietnamese way: decimal comma, at most `digits` decimals (rounded as `toFixed` does), no
 * trailing zeros, dots between thousands.
 * @example formatNumber(54.4) === "54,4"; formatNumber(2050) === "2.050"
 */
export function formatNumber(n: number, digits = 2): string {
  if (!Number.isFinite(n)) return String(n);
  const raw = Math.abs(n).toFixed(digits);
  if (raw.includes("e")) return `${n < 0 ? "-" : ""}${raw}`;
  const [int = "0", frac = ""] = raw.split(".");
  const decimals = frac.replace(/0+$/, "");
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, ".");
  const zero = decimals === "" && /^0+$/.test(int);
  return `${n < 0 && !zero ? "-" : ""}${grouped}${decimals ? `,${decimals}` : ""}`;
}

/** percent points → `54,4%` */
export function formatPercent(p: number, digits = 1): string {
  return `${formatNumber(p, digits)}%`;
}

/** shortens long text for messages, keeping the start; runs of white space become one space, ends trimmed */
export function clip(text: string, max = 60): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** true for an empty cell or one of spaces only */
export function isBlank(raw: RawCell): boolean {
  return raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "");
}

/** a cell as text: numbers as JavaScript writes them (`1.1`), errors as their code */
export function textOf(raw: RawCell): string {
  if (raw === null || raw === undefined) return "";
  if (typeof raw === "string") return raw.trim();
  if (typeof raw === "number") return String(raw);
  if (typeof raw === "boolean") return raw ? "TRUE" : "FALSE";
  if (raw instanceof Date) return raw.toISOString().slice(0, 10);
  return raw.error;
}

/**
 * What is wrong with a cell of a sheet the reviewing office fills in ("Bộ tiêu chí", "Bộ chỉ số"):
 * `Trang "Bộ tiêu chí", ô H14 (chỉ tiêu 2.4): "abc" — ngưỡng không phải là số`, with the cell and its text.
 */
export function sheetCellProblem(
  sheet: string,
  row: number,
  col: number,
  raw: RawCell,
  about: string,
  detail: string,
): { sheet: string; cell: string; value: string; message: string } {
  const cell = a1(row, col);
  const value = textOf(raw);
  const shown = value === "" ? "ô trống" : `"${clip(value)}"`;
  return {
    sheet,
    cell,
    value,
    message: `Trang "${sheet}", ô ${cell}${about ? ` (${about})` : ""}: ${shown} — ${detail}`,
  };
}
