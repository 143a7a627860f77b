/**
 * The custom function `=CDS.DAT(ket_qua; chi_tieu; [nam])` (and `=CDS_DAT(…)` through the workbook name the
 * task pane adds). custom-functions-metadata-plugin reads the JSDoc below into functions.json and appends
 * `CustomFunctions.associate("DAT", dat)` to this file when it is bundled.
 */
import { BUILTIN_SETS } from "../../shared/criteria";
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
