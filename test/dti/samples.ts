/**
 * The verbatim rule texts of the domain brief (DTI.md, "Rule kinds seen in real texts"), shared by the tests.
 */

/** 1. choice, Thanh Hóa commune 1.1 (max 20) */
export const CHOICE =
  "- Trưởng ban là Bí thư/Chủ tịch cấp xã (cấp Trưởng): Điểm tối đa. - Trưởng ban là Phó Bí thư/Phó Chủ tịch " +
  "cấp xã (cấp Phó): 1/2*Điểm tối đa. - Chưa có Ban Chỉ đạo hoặc có nhưng Trưởng ban không phải cấp Trưởng/cấp " +
  "Phó: 0 điểm.";

/** 2. steps on a count, a district set 1.1 (max 20) */
export const STEPS =
  "BCĐ họp 4 lần/ năm (Trung bình mỗi quý 1 lần): 20 điểm; BCĐ họp 3 lần/ năm: 15 điểm; BCĐ họp 2 lần/ năm: 10 " +
  "điểm; BCĐ họp 1 lần/ năm: 5 điểm; Còn lại: 0 điểm";

/** 3. ratio × maximum, the same set 1.2 (max 20), in one cell */
export const RATIO =
  "a = Số cuộc họp CĐS … có Bí thư/Chủ tịch … chủ trì; b = Tổng số cuộc họp CĐS …; - Tỷ lệ = a/b; - Điểm = Tỷ " +
  "lệ*Điểm tối đa";

/** 3. the same spread over sub-rows, as the decision-table shape shows it */
export const RATIO_ROWS = ["a = …", "b = …", "- Tỷ lệ = a/b;", "- Điểm = Tỷ lệ*Điểm tối đa"];

/** 4. additive parts (Đồng Tháp 1.2, max 10): the brief gives the shape, not the words; these words are ours */
export const ADDITIVE =
  "- Có văn bản chỉ đạo về chuyển đổi số: 1/2 * Điểm tối đa;\n" +
  "- Có tổ chức hội nghị quán triệt: 1/2 * Điểm tối đa;\n" +
  "- Nội dung không đáp ứng: 0 điểm";

/** 5. yes/no, as such a component is scored: maximum if yes, 0 if no */
export const YES_NO = "Có: Điểm tối đa; Không: 0 điểm";

/** 6. not scored, national 2022 */
export const NOT_SCORED = "Đô thị thông minh … Không tính điểm";

export const FULL = { kind: "share", num: 1, den: 1 } as const;
export const HALF = { kind: "share", num: 1, den: 2 } as const;
export const points = (n: number) => ({ kind: "points", points: n }) as const;
