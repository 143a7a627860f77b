/**
 * A sheet's grid as the table reader reads it: legacy text (TCVN3, VNI) read as Unicode, and values merged over
 * several rows given to each row they cover. The host's grid is never changed; what was read how is kept for
 * the report.
 */
import { decodeGrid, encodingMessages, type GridDecoding } from "../encoding";
import { a1 } from "../text";
import type { Area, Grid, RawCell } from "../types";

/** a grid read as Unicode, with what the report says about it */
export interface ReadableGrid {
  readonly grid: Grid;
  /** `Trang "…" được đọc theo bảng mã TCVN3 (ABC) …`; empty for a sheet in Unicode */
  readonly notes: readonly string[];
}

// one reading per grid object: grading reads a sheet's table and its year from the same grid
const readings = new WeakMap<Grid, { grid: Grid; decoding: GridDecoding }>();

/**
 * The grid with legacy text read as Unicode (by the cells' fonts where the host gave them, else by the text),
 * and the notes saying so. Returns the input grid itself when it holds no legacy text.
 * @example readableGrid("Xã A", { values: [["Tªn chØ tiªu"]] }).grid.values[0][0] === "Tên chỉ tiêu"
 */
export function readableGrid(sheet: string, grid: Grid): ReadableGrid {
  let read = readings.get(grid);
  if (!read) {
    const decoding = decodeGrid(grid);
    const decoded = decoding.grid;
    const kept = {
      ...(grid.merges ? { merges: grid.merges } : {}),
      ...(grid.fonts ? { fonts: grid.fonts } : {}),
    };
    read = { grid: decoded === grid ? grid : { ...decoded, ...kept }, decoding };
    readings.set(grid, read);
  }
  const notes =
    read.decoding.findings.length === 0 && read.decoding.unicodeInLegacyFont.length === 0
      ? []
      : encodingMessages(sheet, read.decoding).map((m) => m.message);
  return { grid: read.grid, notes };
}

/** a value given to a row from a cell merged over several rows */
export interface MergedValue {
  /** the merged area it comes from */
  readonly area: Area;
  /** its address, `E22:E23` */
  readonly address: string;
}

/**
 * The grid's merged areas below `fromRow` that give their value to other cells, by the cell they cover: `row,col`
 * → area. Those spanning several rows, in their first column: the top-left cell, which holds the value, is listed
 * too (its row shares the value with the others). And one written across the target and result columns
 * (`across`: the text `Chưa triển khai` over both): it is the result too.
 */
export function valueMerges(
  grid: Grid,
  fromRow: number,
  across?: { readonly target: number; readonly result: number },
): Map<string, MergedValue> {
  const out = new Map<string, MergedValue>();
  for (const m of grid.merges ?? []) {
    if (m.row < fromRow) continue;
    const address = `${a1(m.row, m.col)}:${a1(m.row + m.rows - 1, m.col + m.cols - 1)}`;
    const spans =
      across !== undefined &&
      m.col === across.target &&
      across.result > m.col &&
      across.result < m.col + m.cols;
    for (let r = m.row; r < m.row + m.rows; r++) {
      if (m.rows >= 2) out.set(`${r},${m.col}`, { area: m, address });
      if (spans) out.set(`${r},${across.result}`, { area: m, address });
    }
  }
  return out;
}

/** the value of the cell at `r`, `c`, or of the top-left cell of the merged area covering it */
export function mergedValue(
  grid: Grid,
  merges: ReadonlyMap<string, MergedValue>,
  r: number,
  c: number | undefined,
): RawCell {
  if (c === undefined) return undefined;
  const own = grid.values[r]?.[c];
  if (merges.size === 0 || (own !== null && own !== undefined && own !== "")) return own;
  const m = merges.get(`${r},${c}`);
  return m ? grid.values[m.area.row]?.[m.area.col] : own;
}

/** the number format that goes with {@link mergedValue} */
export function mergedFormat(
  grid: Grid,
  merges: ReadonlyMap<string, MergedValue>,
  r: number,
  c: number | undefined,
): string | undefined {
  if (c === undefined) return undefined;
  const m = merges.size === 0 ? undefined : merges.get(`${r},${c}`);
  const f = m ? grid.formats?.[m.area.row]?.[m.area.col] : grid.formats?.[r]?.[c];
  return typeof f === "string" ? f : undefined;
}
