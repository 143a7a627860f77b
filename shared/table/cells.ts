/**
 * The cells of a grid as the table reader looks at them.
 */
import type { Grid, RawCell } from "../types";

/** true for a cell with nothing in it */
export function isEmpty(v: RawCell): boolean {
  return v === null || v === undefined || v === "";
}

/** the cell at row `r`, column `c` (undefined outside the grid) */
export function cellAt(grid: Grid, r: number, c: number): RawCell {
  return grid.values[r]?.[c];
}

/** the number format of a cell, when the host gave one */
export function formatAt(grid: Grid, r: number, c: number | undefined): string | undefined {
  if (c === undefined) return undefined;
  const f = grid.formats?.[r]?.[c];
  return typeof f === "string" ? f : undefined;
}

/** a cell's text for names and messages: text trimmed, numbers as JS writes them, a date as yyyy-mm-dd */
export function trimmedText(v: RawCell): string {
  if (isEmpty(v)) return "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return typeof v === "object" && v !== null && "error" in v ? v.error : "";
}
