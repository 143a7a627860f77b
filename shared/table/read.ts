/**
 * Reading an annex table from a grid, stage by stage: the header (header.ts), the rows under it (rows.ts), their
 * IDs (ids.ts), the criteria set their names fit (set-choice.ts), then each row resolved to a criterion
 * (resolve.ts). Linear in the number of rows; the criteria count is small and fixed.
 */
import type { Annex, Grid, Problem } from "../types";
import { isEmpty } from "./cells";
import { findHeader, type HeaderRead } from "./header";
import { deriveIds } from "./ids";
import { resolveRows } from "./resolve";
import { readCandidates } from "./rows";
import { chooseSet } from "./set-choice";
import type { ReadAnnexOptions } from "./types";

/**
 * Reads the annex table of one sheet.
 * @returns the annex, or `{ skipped }` with the Vietnamese reason the sheet holds none
 * @example const annex = readAnnex("Hoằng Phụ", grid, { sets: BUILTIN_SETS });
 */
export function readAnnex(sheet: string, grid: Grid, options: ReadAnnexOptions): Annex | { skipped: string } {
  const maxCol = rightmostColumn(grid);
  if (maxCol < 0) return { skipped: "trang tính trống" };
  const header = findHeader(grid);
  if (!header)
    return {
      skipped:
        "không tìm thấy hàng tiêu đề của bảng phụ lục (cần các cột như TT, Tên chỉ tiêu, Chỉ tiêu cụ thể, Kết quả đạt được)",
    };
  const cols = header.columns;
  if (cols.result === undefined)
    return { skipped: "bảng không có cột kết quả (Kết quả đạt được, Kết quả thực hiện, Thực hiện)" };
  const ownColumn = header.ownColumns.length > 0 ? header.ownColumns[0]! : maxCol + 1;
  return readTable(sheet, grid, header, options, ownColumn);
}

/** reads the table under the header: candidate rows, the set, then each row resolved */
function readTable(
  sheet: string,
  grid: Grid,
  header: HeaderRead,
  options: ReadAnnexOptions,
  ownColumn: number,
): Annex | { skipped: string } {
  const cols = header.columns;
  const problems: Problem[] = [];
  const candidates = readCandidates(grid, header, options.sets);
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
    return {
      skipped: unnamed
        ? "bảng không có tên chỉ tiêu và không ghi chỉ tiêu: không biết chấm theo bộ tiêu chí nào (chọn bộ tiêu chí bằng tùy chọn)"
        : "không phải phụ lục CĐS: không tên chỉ tiêu nào khớp bộ tiêu chí và bảng không ghi chỉ tiêu",
    };
  }

  const { groups, rows, lastRow } = resolveRows(sheet, grid, header, candidates, set, problems);
  return {
    headerRow: header.row,
    columns: cols,
    groups,
    rows,
    criteriaSet: set,
    setReason: chosen.reason,
    ownColumn,
    lastRow,
    problems,
  };
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
