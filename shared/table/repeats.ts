/**
 * Rows under the header that hold no criterion though they look like data: the header repeated (on each printed
 * page of a table pasted from Word or PDF) and the row numbering the columns.
 */
import { fold } from "../text";
import type { RawCell } from "../types";
import { isEmpty } from "./cells";
import type { HeaderRead } from "./header";

/** a repeated header row (`TT | Tên chỉ tiêu | …` again, e.g. on each printed page): half its texts at least */
export function isRepeatedHeader(row: readonly RawCell[], header: HeaderRead): boolean {
  let same = 0;
  for (const [c, key] of header.keys) {
    const v = row[c];
    if (typeof v === "string" && fold(v) === key) same++;
  }
  return same >= Math.max(2, Math.ceil(header.keys.size / 2));
}

/** a row that numbers the columns (`1 2 3 …` or `(1) (2) (3) …`): three numbers at least, consecutive */
export function isColumnNumberRow(row: readonly RawCell[], own: readonly number[]): boolean {
  const numbers: number[] = [];
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (own.includes(c) || isEmpty(v)) continue;
    const text = typeof v === "number" ? String(v) : typeof v === "string" ? v.trim() : "";
    const m = /^\(?(\d{1,2})\)?$/.exec(text);
    if (!m) return false;
    numbers.push(Number(m[1]));
  }
  return numbers.length >= 3 && numbers.every((n, i) => i === 0 || n === numbers[i - 1]! + 1);
}
