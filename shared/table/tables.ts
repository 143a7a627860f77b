/**
 * Several tables on one sheet: side by side (the header's columns named twice in one row) or one under the other
 * (a second header whose numbering starts again). The table of the grading year is read; the others are named in
 * the report, never graded as part of it.
 */
import type { Area, Grid, RawCell } from "../types";
import { isEmpty } from "./cells";
import {
  findHeader,
  isHeaderRow,
  readHeaderRows,
  rowHits,
  titleYear,
  yearIn,
  type HeaderRead,
} from "./header";
import { readId } from "./ids";
import { isRepeatedHeader } from "./repeats";

/** one table found on a sheet */
export interface TableFound {
  /** the grid the table is read from: the sheet's, or only its own columns when tables stand side by side */
  readonly grid: Grid;
  readonly header: HeaderRead;
  /** 0-based first row of its title rows (its header row when it has none) */
  readonly top: number;
  /** 0-based row where the next table's title begins (exclusive end), or the grid's length */
  readonly end: number;
  /** 0-based first and last column of the table when tables stand side by side */
  readonly cols: readonly [number, number] | null;
  /** the year its title rows or its result column name */
  readonly year: number | null;
}

/** the tables of a sheet, the one to grade first; null when the sheet has no header */
export interface SheetTables {
  readonly chosen: TableFound;
  readonly others: readonly TableFound[];
  /** why that table, in Vietnamese, when there are several */
  readonly note: string | null;
}

/** a data row's ID cell: numbers and `1.1`, `II` */
function isDataId(v: RawCell): boolean {
  const kind = readId(v).kind;
  return kind === "dotted" || kind === "int" || kind === "roman";
}

/** the nearest year named in the rows above `header` down from `top`, within the grid given */
function nearestYear(grid: Grid, top: number, header: number): number | null {
  for (let r = header - 1; r >= top; r--)
    for (const v of grid.values[r] ?? []) {
      if (typeof v !== "string" || v === "") continue;
      const y = yearIn(v);
      if (y !== null) return y;
    }
  return null;
}

/** a grid showing only columns `lo`…`hi` of `grid` (same places, other cells empty) */
function onlyColumns(grid: Grid, lo: number, hi: number): Grid {
  const cut = <T>(row: readonly T[] | undefined): T[] =>
    (row ?? []).slice(0, hi + 1).map((v, c) => (c < lo ? (undefined as T) : v));
  const merges = grid.merges?.filter((m) => m.col >= lo && m.col <= hi);
  return {
    values: grid.values.map((row) => cut<RawCell>(row)),
    ...(grid.formats ? { formats: grid.formats.map((row) => cut(row)) } : {}),
    ...(merges ? { merges } : {}),
  };
}

/** where a second table begins in the header row: the column of the ID (else name) header named again */
function sideBySideStarts(grid: Grid, row: number): number[] {
  const hits = rowHits(grid, row);
  const byRole = (role: string): number[] =>
    [...hits.entries()].filter(([, h]) => h.role === role).map(([c]) => c);
  const ids = byRole("id");
  const names = byRole("name");
  const results = byRole("result");
  if (results.length < 2) return [];
  const starts = ids.length >= 2 ? ids : names.length >= 2 ? names : [];
  if (starts.length < 2) return [];
  // each block needs its own result column
  const blocks = starts.map((s, i) => [s, i + 1 < starts.length ? starts[i + 1]! - 1 : Infinity] as const);
  return blocks.every(([lo, hi]) => results.some((c) => c >= lo && c <= hi)) ? starts : [];
}

/** the first data ID under a header (before `end`), to tell a new table from its header repeated on a new page */
function firstIdUnder(grid: Grid, header: HeaderRead, end: number): string | null {
  const col = header.columns.id;
  if (col === undefined) return null;
  for (let r = header.row + header.rows; r < end; r++) {
    const v = grid.values[r]?.[col];
    if (isDataId(v)) return readId(v).text;
  }
  return null;
}

/** the first row of the title above a header: the non-empty rows right above it that hold no data row */
function titleTop(grid: Grid, header: number, floor: number, idCol: number | undefined): number {
  let r = header;
  while (r - 1 > floor) {
    const row = grid.values[r - 1] ?? [];
    if (!row.some((v) => !isEmpty(v))) break;
    if (idCol !== undefined && isDataId(row[idCol])) break;
    r--;
  }
  return r;
}

/** headers of further tables under the first one: a new header, or the same one whose numbering starts again */
function stackedHeaders(grid: Grid, first: HeaderRead, year: number | null): HeaderRead[] {
  const out: HeaderRead[] = [first];
  const probe = first.columns.id ?? first.columns.name ?? first.columns.result!;
  const firstId = firstIdUnder(grid, first, grid.values.length);
  for (let r = first.row + first.rows; r < grid.values.length; r++) {
    const row = grid.values[r];
    if (!row) continue;
    const v = row[probe];
    if (typeof v !== "string" || v.length > 40 || /^[\d.\s]*$/.test(v)) continue;
    if (!isHeaderRow(row)) continue;
    const last = out[out.length - 1]!;
    const header = readHeaderRows(grid, r, year);
    if (isRepeatedHeader(row, last)) {
      // the header printed again on a new page continues the numbering; a new table starts it again
      const again = firstIdUnder(grid, header, grid.values.length);
      if (again === null || again !== firstId) continue;
    }
    out.push(header);
    r += header.rows - 1;
  }
  return out;
}

function describe(t: TableFound): string {
  const where =
    t.cols !== null
      ? `cột ${colName(t.cols[0])}${Number.isFinite(t.cols[1]) ? `–${colName(t.cols[1])}` : " trở đi"}`
      : `từ dòng ${t.header.row + 1}`;
  return `bảng ${where}${t.year !== null ? `, năm ${t.year}` : ""}`;
}

function colName(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * The tables of a sheet and the one to grade: the one whose year is the grading year (`year`, else the latest
 * year the tables name), else the first.
 */
export function findTables(grid: Grid, year: number | null): SheetTables | null {
  const first = findHeader(grid, year);
  if (!first) return null;
  let tables: TableFound[];
  const starts = sideBySideStarts(grid, first.row);
  if (starts.length >= 2) {
    tables = starts.map((lo, i) => {
      const hi = i + 1 < starts.length ? starts[i + 1]! - 1 : Infinity;
      const part = onlyColumns(grid, i === 0 ? 0 : lo, hi);
      const header = readHeaderRows(part, first.row, year);
      const top = titleTop(part, first.row, -1, header.columns.id);
      const y = nearestYear(part, top, first.row) ?? header.resultYear ?? null;
      return {
        grid: part,
        header,
        top,
        end: grid.values.length,
        cols: [i === 0 ? 0 : lo, hi] as const,
        year: y,
      };
    });
  } else {
    const headers = stackedHeaders(grid, first, year);
    const tops = headers.map((h, i) =>
      i === 0 ? 0 : titleTop(grid, h.row, headers[i - 1]!.row + headers[i - 1]!.rows - 1, h.columns.id),
    );
    tables = headers.map((header, i) => {
      const top = tops[i]!;
      const end = i + 1 < headers.length ? tops[i + 1]! : grid.values.length;
      const y = nearestYear(grid, top, header.row) ?? header.resultYear ?? null;
      return { grid, header, top, end, cols: null, year: y };
    });
  }
  if (tables.length === 1) {
    // one table: its year is the first its title rows name, from the top
    const only = tables[0]!;
    const y = titleYear(grid, only.header.row) ?? only.header.resultYear ?? null;
    return { chosen: { ...only, year: y }, others: [], note: null };
  }
  // without a grading year, a table of figures reached wins over one of estimates or plans (`Dự kiến kết quả`)
  const reached = tables.filter((t) => t.header.resultHedge === undefined);
  const pool = year === null && reached.length > 0 ? reached : tables;
  const years = pool.map((t) => t.year).filter((y): y is number => y !== null);
  const wanted = year ?? (years.length > 0 ? Math.max(...years) : null);
  const chosen = pool.find((t) => t.year !== null && t.year === wanted) ?? pool[0]!;
  const others = tables.filter((t) => t !== chosen);
  const latest = pool.length < tables.length ? "năm gần nhất có số đã thực hiện" : "năm gần nhất";
  const why =
    wanted !== null && chosen.year === wanted
      ? year !== null
        ? `đúng năm đánh giá ${wanted}`
        : latest
      : "bảng đầu tiên (không bảng nào ghi năm đánh giá)";
  const note = `Trang có ${tables.length} bảng: chấm ${describe(chosen)} (${why}); không chấm ${others.map(describe).join(", ")} — mỗi trang chỉ chấm một bảng, hãy để mỗi bảng ở một trang riêng nếu cần chấm cả hai.`;
  return { chosen, others, note };
}

/** is this area of `grid` empty (no value in any of its cells)? */
export function isEmptyArea(grid: Grid, area: Area): boolean {
  for (let r = area.row; r < area.row + area.rows; r++) {
    const row = grid.values[r];
    if (!row) continue;
    for (let c = area.col; c < area.col + area.cols; c++) if (!isEmpty(row[c])) return false;
  }
  return true;
}
