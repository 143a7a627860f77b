/**
 * `=CDS_DAT(ket_qua, chi_tieu, [nam])` for Sheets: one cell or a whole range (one answer per cell).
 */
import { BUILTIN_SETS, STATUS_LABELS, cdsDat, type CriteriaSet, type RawCell } from "../../shared";

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

/**
 * A range cell's answer when its row cannot be graded (no readable target, an error value): "Cần xem xét" with
 * the cause, `Cần xem xét – Thiếu chỉ tiêu`, so that one bad row does not turn the whole range into #ERROR!.
 * The cause is the message up to its advice (the single-cell form shows the whole message).
 */
export function reviewAnswer(message: string): string {
  const cut = message.indexOf(": ");
  const cause = (cut > 0 ? message.slice(0, cut) : message).replace(/[.\s]+$/, "");
  return `${STATUS_LABELS.CAN_XEM_XET} – ${cause}`;
}

function single(arg: CellArgument): RawCell | undefined {
  if (!Array.isArray(arg)) return arg;
  return arg.length === 1 && arg[0]!.length === 1 ? arg[0]![0] : undefined;
}

/**
 * Grades a result against a target like the Excel function: a label for one cell, a 2D array of the same shape
 * for a range (blank where both the result and the target are blank; "Cần xem xét – <cause>" for a row that
 * cannot be graded, see {@link reviewAnswer}). Throws an Error with a Vietnamese message on bad arguments of
 * the whole call (a year, ranges of different shapes) and on a single cell that cannot be graded; Sheets shows
 * it as #ERROR!.
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
      const graded = cdsDat(result, target, year, sets);
      return graded.ok ? graded.label : reviewAnswer(graded.message);
    }),
  );
}
