/**
 * `=CDS_DAT(ket_qua, chi_tieu, [nam])` for Sheets: one cell or a whole range (one label per cell).
 */
import { BUILTIN_SETS, cdsDat, type CriteriaSet, type RawCell } from "../../shared";

/** what Sheets hands a custom function: a cell's value, or a 2D array for a range */
export type CellArgument = RawCell | RawCell[][];

function isBlank(raw: RawCell): boolean {
  return raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "");
}

/** the optional year: omitted or blank → undefined; anything but a plausible year → an Error in Vietnamese */
export function readYear(nam: CellArgument): number | undefined {
  let year: unknown = nam;
  if (Array.isArray(year)) {
    if (year.length !== 1 || year[0]!.length !== 1)
      throw new Error("Năm phải là một ô, không phải một vùng.");
    year = year[0]![0];
  }
  if (year === undefined || year === null || (typeof year === "string" && year.trim() === ""))
    return undefined;
  const n = typeof year === "number" ? year : typeof year === "string" ? Number(year.trim()) : NaN;
  if (!Number.isInteger(n) || n < 2000 || n > 2100)
    throw new Error(`Năm "${String(year)}" không hợp lệ: hãy ghi năm như 2023.`);
  return n;
}

function one(
  result: RawCell,
  target: RawCell,
  year: number | undefined,
  sets: readonly CriteriaSet[],
): string {
  const graded = cdsDat(result, target, year, sets);
  if (!graded.ok) throw new Error(graded.message);
  return graded.label;
}

function single(arg: CellArgument): RawCell | undefined {
  if (!Array.isArray(arg)) return arg;
  return arg.length === 1 && arg[0]!.length === 1 ? arg[0]![0] : undefined;
}

/**
 * Grades a result against a target like the Excel function: a label for one cell, a 2D array of labels for a
 * range (blank where both the result and the target are blank). Throws an Error with a Vietnamese message
 * on bad arguments; Sheets shows it as #ERROR!.
 * @example cdsDatCells(0.79, "3.2", 2023) === "Đạt"
 */
export function cdsDatCells(
  ketQua: CellArgument,
  chiTieu: CellArgument,
  nam?: CellArgument,
  sets: readonly CriteriaSet[] = BUILTIN_SETS,
): string | string[][] {
  const year = readYear(nam);
  if (!Array.isArray(ketQua)) {
    const target = single(chiTieu);
    if (target === undefined && Array.isArray(chiTieu))
      throw new Error("Chỉ tiêu phải là một ô khi kết quả là một ô.");
    return one(ketQua, target, year, sets);
  }
  const rows = ketQua.length;
  const cols = rows > 0 ? ketQua[0]!.length : 0;
  const scalar = single(chiTieu);
  const targets = Array.isArray(chiTieu) && scalar === undefined ? chiTieu : null;
  if (targets && (targets.length !== rows || targets.some((r) => r.length !== cols)))
    throw new Error(
      `Vùng chỉ tiêu (${targets.length} hàng × ${targets[0]?.length ?? 0} cột) phải là một ô hoặc cùng kích thước với vùng kết quả (${rows} hàng × ${cols} cột).`,
    );
  return ketQua.map((row, r) =>
    row.map((result, c) => {
      const target = targets ? targets[r]![c] : scalar;
      if (isBlank(result) && isBlank(target)) return "";
      try {
        return one(result, target, year, sets);
      } catch (error) {
        throw new Error(`Hàng ${r + 1}, cột ${c + 1} của vùng: ${(error as Error).message}`);
      }
    }),
  );
}
