/**
 * `=CDS_DIEM(giai_trinh, cach_tinh, diem_toi_da)` for Sheets: one cell or whole ranges (one answer per cell).
 */
import type { RawCell } from "../../shared";
import { cdsDiem } from "../../shared/dti/cds-diem";
import { reviewAnswer, type CellArgument } from "./custom-function";

function isBlank(raw: RawCell): boolean {
  return raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "");
}

function single(arg: CellArgument): RawCell | undefined {
  if (!Array.isArray(arg)) return arg;
  return arg.length === 1 && arg[0]!.length === 1 ? arg[0]![0] : undefined;
}

const ARGUMENTS = ["giải trình", "cách tính điểm", "điểm tối đa"] as const;

/**
 * The points of one component, or of each row of ranges: a number for points (never above the maximum), "Cần
 * xem xét – <lý do>" when the rule or a figure cannot be read, "Không tính điểm". On ranges, a row without a
 * rule (a group or main-index row) is blank, and a row whose cells the function cannot take answers "Cần xem xét
 * – <cause>" so that one bad row does not turn the whole range into #ERROR!. Throws an Error with a Vietnamese
 * message on ranges of different shapes and on a single cell the function cannot take; Sheets shows #ERROR!.
 * @example cdsDiemCells("a = 12; b = 15", "a = …; b = …; Tỷ lệ = a/b; Điểm = Tỷ lệ*Điểm tối đa", 20) === 16
 */
export function cdsDiemCells(
  giaiTrinh: CellArgument,
  cachTinh: CellArgument,
  diemToiDa: CellArgument,
): number | string | (number | string)[][] {
  const args = [giaiTrinh, cachTinh, diemToiDa];
  const ranges = args.map((a) => (Array.isArray(a) && single(a) === undefined ? a : null));
  const shaped = ranges.findIndex((r) => r !== null);
  if (shaped < 0) {
    const r = cdsDiem(single(giaiTrinh)!, single(cachTinh)!, single(diemToiDa)!);
    if (r.kind === "error") throw new Error(r.message);
    return r.kind === "points" ? r.points : r.text;
  }
  const shape = ranges[shaped]!;
  const rows = shape.length;
  const cols = rows > 0 ? shape[0]!.length : 0;
  ranges.forEach((r, i) => {
    if (r && (r.length !== rows || r.some((row) => row.length !== cols)))
      throw new Error(
        `Vùng ${ARGUMENTS[i]} (${r.length} hàng × ${r[0]?.length ?? 0} cột) phải là một ô hoặc cùng kích thước ` +
          `với vùng ${ARGUMENTS[shaped]} (${rows} hàng × ${cols} cột).`,
      );
  });
  const at = (i: number, r: number, c: number): RawCell => {
    const range = ranges[i];
    return range ? range[r]![c] : single(args[i]!)!;
  };
  return shape.map((row, r) =>
    row.map((_, c) => {
      const rule = at(1, r, c);
      if (isBlank(rule)) return "";
      const answer = cdsDiem(at(0, r, c), rule, at(2, r, c));
      if (answer.kind === "points") return answer.points;
      return answer.kind === "error" ? reviewAnswer(answer.message) : answer.text;
    }),
  );
}
