/**
 * Reading an annex table from a grid, stage by stage: the grid as readable text (readable.ts: legacy encodings,
 * merged cells), the table to read among several (tables.ts), the header (header.ts), the rows under it
 * (rows.ts, ends.ts), their IDs (ids.ts), the criteria set their names fit (set-choice.ts), then each row
 * resolved to a criterion (resolve.ts). Linear in the number of rows; the criteria count is small and fixed.
 */
import type { Annex, Area, Grid, Problem } from "../types";
import { isEmpty } from "./cells";
import type { HeaderRead } from "./header";
import { deriveIds } from "./ids";
import { readableGrid, valueMerges } from "./readable";
import { resolveRows } from "./resolve";
import { otherTableBelow, readCandidates } from "./rows";
import { chooseSet } from "./set-choice";
import { findTables, isEmptyArea, type TableFound } from "./tables";
import type { ReadAnnexOptions } from "./types";
import { OWN_HEADERS } from "../labels";
import { fold } from "../text";

/**
 * Reads the annex table of one sheet. Legacy text (TCVN3, VNI) is read as Unicode and merged cells are read
 * for every row they cover, for reading only: the host's cells are never changed. Where the sheet holds
 * several tables, the one of the grading year is read and `notes` names the others.
 * @returns the annex, or `{ skipped }` with the Vietnamese reason the sheet holds none
 * @example const annex = readAnnex("Hoằng Phụ", grid, { sets: BUILTIN_SETS });
 */
export function readAnnex(
  sheet: string,
  input: Grid,
  options: ReadAnnexOptions,
): Annex | { skipped: string } {
  const readable = readableGrid(sheet, input);
  const grid = readable.grid;
  const maxCol = rightmostColumn(grid);
  if (maxCol < 0) return { skipped: "trang tính trống" };
  const tables = findTables(grid, options.year ?? null);
  if (!tables)
    return {
      skipped:
        "không tìm thấy hàng tiêu đề của bảng phụ lục (cần các cột như TT, Tên chỉ tiêu, Chỉ tiêu cụ thể, Kết quả đạt được)",
    };
  const { chosen } = tables;
  const header = chosen.header;
  if (header.columns.result === undefined)
    return { skipped: "bảng không có cột kết quả (Kết quả đạt được, Kết quả thực hiện, Thực hiện)" };
  const notes = [...readable.notes];
  if (header.resultNote) notes.push(header.resultNote);
  const hedge = header.resultHedge;
  if (hedge)
    notes.push(
      `Cột kết quả "${hedge.column}" ghi số ${hedge.kind === "plan" ? "dự kiến" : "ước tính"}, chưa phải kết quả: mọi dòng có kết quả đều "Cần xem xét".`,
    );
  if (tables.note) notes.push(tables.note);
  const read = readTable(sheet, chosen, options, header, notes);
  if ("skipped" in read) return read;
  const below = otherTableBelow(chosen.grid, header, read.lastRow + 1, chosen.end);
  if (below !== null)
    notes.push(
      `Bảng được chấm dừng ở dòng ${read.lastRow + 1}: từ dòng ${below + 1} là bảng khác không có cột kết quả, không chấm.`,
    );
  const ownColumn = ownColumnOf(grid, chosen, read, maxCol);
  if (ownColumn < 0)
    notes.push(
      `Không ghi cột "${OWN_HEADERS[0]}" cạnh bảng được chấm: bên phải nó là bảng khác; kết quả chỉ có trong báo cáo và trang tổng hợp.`,
    );
  return {
    ...read,
    ownColumn,
    ...(notes.length > 0 ? { notes } : {}),
    ...(hedge ? { resultHedge: hedge } : {}),
  };
}

/**
 * Where the add-in's own columns go: where they already are; right of the sheet's last column; for a table with
 * another table to its right, in two empty columns right after it, or nowhere (-1) when there are none.
 */
function ownColumnOf(grid: Grid, table: TableFound, annex: Annex, maxCol: number): number {
  const header = table.header;
  if (header.ownColumns.length > 0) return header.ownColumns[0]!;
  if (table.cols === null || !Number.isFinite(table.cols[1])) return maxCol + 1;
  const right = rightmostColumn(table.grid);
  const rows = annex.lastRow - header.row + 1;
  const gap = { row: header.row, col: right + 1, rows, cols: OWN_HEADERS.length };
  const fits = right + OWN_HEADERS.length <= table.cols[1] && isEmptyArea(grid, gap);
  return fits ? right + 1 : -1;
}

/** reads the table under the header: candidate rows, the set, then each row resolved */
function readTable(
  sheet: string,
  table: TableFound,
  options: ReadAnnexOptions,
  header: HeaderRead,
  notes: readonly string[],
): Annex | { skipped: string } {
  const grid = table.grid;
  const cols = header.columns;
  const problems: Problem[] = [];
  const across =
    cols.target !== undefined && cols.result !== undefined
      ? { target: cols.target, result: cols.result }
      : undefined;
  const merges = valueMerges(grid, header.row + header.rows, across);
  const candidates = readCandidates(grid, header, options.sets, merges, table.end);
  deriveIds(candidates);
  const rowsIn = candidates.filter((c) => c.kind !== "group");
  const items = candidates.filter((c) => c.kind === "item");
  if (rowsIn.length === 0) return { skipped: "bảng không có dòng chỉ tiêu nào dưới hàng tiêu đề" };
  const withTarget = items.filter((c) => !isEmpty(c.target)).length;
  const carriesTargets = cols.target !== undefined && withTarget * 2 >= Math.max(1, items.length);
  const chosen = chooseSet(rowsIn, options, carriesTargets, problems, sheet);
  const set = chosen.set;
  // nothing to grade against: no set fits, the user chose none, and no row writes a target
  if (set === null && withTarget === 0 && options.setId?.trim().toLowerCase() !== "none") {
    const unnamed = rowsIn.every((c) => c.name.trim() === "");
    const why = unnamed
      ? "bảng không có tên chỉ tiêu và không ghi chỉ tiêu: không biết chấm theo bộ tiêu chí nào (chọn bộ tiêu chí bằng tùy chọn)"
      : "không phải phụ lục CĐS: không tên chỉ tiêu nào khớp bộ tiêu chí và bảng không ghi chỉ tiêu";
    // an annex typed in a legacy encoding that still reads as nothing: say how it was read
    return { skipped: notes.length > 0 ? `${why} (${notes[0]})` : why };
  }

  const { groups, rows, lastRow } = resolveRows(sheet, grid, header, candidates, set, problems, merges);
  return {
    headerRow: header.row,
    columns: cols,
    groups,
    rows,
    criteriaSet: set,
    setReason: chosen.reason,
    ownColumn: -1,
    lastRow,
    problems,
  };
}

/**
 * The year an annex reports on: the grading year's table's title (`năm 2023`, `NĂM 2022`, `6 tháng đầu năm
 * 2023`), else the year its graded result column names; null when neither names one.
 */
export function detectYear(input: Grid): number | null {
  const grid = readableGrid("", input).grid;
  const tables = findTables(grid, null);
  if (!tables) return titleYearUpTo(grid, Math.min(grid.values.length, 15));
  const t = tables.chosen;
  return t.year ?? titleYearUpTo(grid, t.header.row + t.header.rows);
}

function titleYearUpTo(grid: Grid, last: number): number | null {
  for (let r = 0; r < last; r++)
    for (const v of grid.values[r] ?? []) {
      if (typeof v !== "string" || !v) continue;
      const m = /\bnam\s+(20\d\d)\b/.exec(foldStart(v));
      if (m) return Number(m[1]);
    }
  return null;
}

function foldStart(v: string): string {
  return fold(v.length > 500 ? v.slice(0, 500) : v);
}

function rightmostColumn(grid: Grid): number {
  let max = -1;
  for (const row of grid.values) {
    for (let c = row.length - 1; c > max; c--) {
      if (!isEmpty(row[c])) {
        max = c;
        break;
      }
    }
  }
  return max;
}

/**
 * Where merged areas could change how a sheet's table reads, for a host that pays for each merged area it
 * asks about (Apps Script): the rows and columns around the criteria's empty unit, target and result cells that
 * follow a filled one in the same column (what a value merged over several rows looks like without its merge);
 * null when there is none or the sheet holds no table. Header merges need no asking: sub-headers are read without
 * them.
 * @example const area = mergesWanted("Xã A", grid, { sets: BUILTIN_SETS }); // then read merges in `area` only
 */
export function mergesWanted(sheet: string, grid: Grid, options: ReadAnnexOptions): Area | null {
  const annex = readAnnex(sheet, grid, options);
  if ("skipped" in annex || annex.rows.length === 0) return null;
  const c = annex.columns;
  const cols = [c.unit, c.target, c.result].filter((x): x is number => x !== undefined);
  const values = readableGrid(sheet, grid).grid.values;
  const first = annex.rows[0]!.row;
  const criteria = new Set(annex.rows.map((x) => x.row));
  let top = Infinity;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  for (const col of cols) {
    let filledAbove = false;
    for (let r = first; r <= annex.lastRow; r++) {
      const empty = isEmpty(values[r]?.[col]);
      if (!empty) filledAbove = true;
      else if (filledAbove && criteria.has(r)) {
        top = Math.min(top, r - 1);
        bottom = Math.max(bottom, r);
        left = Math.min(left, col);
        right = Math.max(right, col);
      }
    }
  }
  return bottom < 0 ? null : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
}
