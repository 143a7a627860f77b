/**
 * The custom functions `=CDS.DAT(ket_qua; chi_tieu; [nam])` and `=CDS.DIEM(giai_trinh; cach_tinh; diem_toi_da)`
 * (and `=CDS_DAT(…)`, `=CDS_DIEM(…)` through the workbook names the task pane adds).
 * custom-functions-metadata-plugin reads the JSDoc below into functions.json and appends
 * `CustomFunctions.associate("DAT", dat)` and `("DIEM", diem)` to this file when it is bundled.
 */
import { BUILTIN_SETS } from "../../shared/criteria";
import { cdsDiem } from "../../shared/dti/cds-diem";
import { cdsDat } from "../../shared/grade/cds-dat";
import { clip } from "../../shared/text";

/** the longest message Excel shows under an error value */
const MAX_MESSAGE = 250;

/**
 * Chấm một kết quả theo chỉ tiêu: trả về Đạt, Không đạt, Đang thực hiện, Không đánh giá hoặc Cần xem xét.
 * @customfunction DAT DAT
 * @param ket_qua Kết quả đạt được, ví dụ 54,4%, 433/448 hoặc Có.
 * @param chi_tieu Chỉ tiêu: "60%", "> 90%", "Có" hoặc mã tiêu chí như "3.2".
 * @param [nam] Năm đánh giá, để chọn bộ tiêu chí (mặc định: năm nay).
 * @returns Trạng thái bằng tiếng Việt.
 */
// a cell value arrives as number, string or boolean; a % cell as a fraction (79% → 0.79)
export function dat(
  ket_qua: number | string | boolean,
  chi_tieu: number | string | boolean,
  nam?: number,
): string {
  const graded = cdsDat(ket_qua, chi_tieu, nam ?? undefined, BUILTIN_SETS);
  if (!graded.ok)
    throw new CustomFunctions.Error(
      CustomFunctions.ErrorCode.invalidValue,
      clip(graded.message, MAX_MESSAGE),
    );
  return graded.label;
}

/**
 * Tính điểm một chỉ số thành phần theo giải trình và cách tính điểm của bộ chỉ số; trả về số điểm, hoặc "Cần xem xét – lý do" khi chưa đọc được.
 * @customfunction DIEM DIEM
 * @param giai_trinh Giải trình kết quả của xã, ví dụ "a = 12; b = 15", "BCĐ họp 4 lần" hoặc "Trưởng ban là Chủ tịch UBND xã".
 * @param cach_tinh Cách xác định và tính điểm, chép từ bộ chỉ số, ví dụ "Có: Điểm tối đa; Không: 0 điểm".
 * @param diem_toi_da Điểm tối đa của chỉ số thành phần, ví dụ 20.
 * @returns Số điểm (không quá điểm tối đa), hoặc lý do cần xem xét.
 */
// text answers ("Cần xem xét – …", "Không tính điểm") stay text, so SUM never counts them as points
export function diem(
  giai_trinh: number | string | boolean,
  cach_tinh: number | string | boolean,
  diem_toi_da: number | string | boolean,
): number | string {
  const r = cdsDiem(giai_trinh, cach_tinh, diem_toi_da);
  switch (r.kind) {
    case "points":
      return r.points;
    case "error":
      throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, clip(r.message, MAX_MESSAGE));
    default:
      return r.text;
  }
}
