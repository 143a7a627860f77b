/**
 * The index sets shipped with the add-in, as JSON data checked by the schema on first use (not when the module
 * loads, so a host that never grades an index pays nothing):
 * - `bo-chi-so-mau`: an **example** built from the rule kinds of the domain brief, not an official set;
 * - `thanh-hoa-xa-bieu-mau-01`: the Thanh Hóa commune set as far as it is known (the decision was not found):
 *   only what the self-assessment forms show is filled in, everything else stays unknown.
 * And two provinces' bands, as data a set may use.
 */
import { loadIndexSet, type IndexSetJson } from "./schema";
import type { Band, IndexSet, PartAFigure } from "./types";

/** Kon Tum: Tốt ≥ 90% of the maximum, Khá 70% to < 90%, Trung bình 50% to < 70%, Yếu < 50% */
export const BANDS_KON_TUM: readonly Band[] = [
  { name: "Tốt", lower: { percent: 90, strict: false }, upper: null },
  { name: "Khá", lower: { percent: 70, strict: false }, upper: { percent: 90, strict: true } },
  { name: "Trung bình", lower: { percent: 50, strict: false }, upper: { percent: 70, strict: true } },
  { name: "Yếu", lower: null, upper: { percent: 50, strict: true } },
];

/** Lào Cai: Dẫn dắt > 75%, Nâng cao > 50% and ≤ 75%, Hình thành > 25% and ≤ 50%, Khởi động ≤ 25% (bound on the other side) */
export const BANDS_LAO_CAI: readonly Band[] = [
  { name: "Dẫn dắt", lower: { percent: 75, strict: true }, upper: null },
  { name: "Nâng cao", lower: { percent: 50, strict: true }, upper: { percent: 75, strict: false } },
  { name: "Hình thành", lower: { percent: 25, strict: true }, upper: { percent: 50, strict: false } },
  { name: "Khởi động", lower: null, upper: { percent: 25, strict: false } },
];

/** the shared figures of Part A (Thông tin chung) as Biểu mẫu 01 words them */
export const PART_A_FIGURES: readonly PartAFigure[] = [
  {
    id: "cbcc",
    name: "Tổng số cán bộ công chức (CBCC)",
    keywords: ["cán bộ công chức", "CBCC"],
  },
  {
    id: "doanh-nghiep",
    name: "Tổng số doanh nghiệp (DN) trên địa bàn",
    keywords: ["doanh nghiệp", "DN"],
  },
  {
    id: "nguoi-dan",
    name: "Tổng số người dân trên địa bàn",
    keywords: ["người dân", "dân số", "nhân khẩu"],
  },
];

// the verbatim samples of the domain brief (DTI.md, "Rule kinds seen in real texts")
const RULE_TRUONG_BAN =
  "- Trưởng ban là Bí thư/Chủ tịch cấp xã (cấp Trưởng): Điểm tối đa. - Trưởng ban là Phó Bí thư/Phó Chủ tịch " +
  "cấp xã (cấp Phó): 1/2*Điểm tối đa. - Chưa có Ban Chỉ đạo hoặc có nhưng Trưởng ban không phải cấp Trưởng/cấp " +
  "Phó: 0 điểm.";
const RULE_BCD_HOP =
  "BCĐ họp 4 lần/ năm (Trung bình mỗi quý 1 lần): 20 điểm; BCĐ họp 3 lần/ năm: 15 điểm; BCĐ họp 2 lần/ năm: 10 " +
  "điểm; BCĐ họp 1 lần/ năm: 5 điểm; Còn lại: 0 điểm";
const RULE_CHU_TRI =
  "a = Số cuộc họp CĐS … có Bí thư/Chủ tịch … chủ trì; b = Tổng số cuộc họp CĐS …; - Tỷ lệ = a/b; - Điểm = Tỷ " +
  "lệ*Điểm tối đa";

const EXAMPLE_NOTE = "Ví dụ minh họa, không phải văn bản chính thức";

/** the example set as JSON: every rule kind of the domain brief once, two main indices in one group */
export const EXAMPLE_SET_JSON: IndexSetJson = {
  id: "bo-chi-so-mau",
  title: "Bộ chỉ số mẫu (ví dụ, không phải bộ chỉ số chính thức)",
  nature: "example",
  legalBasis: null,
  maxPoints: 130,
  figures: PART_A_FIGURES.map((f) => ({ ...f, keywords: [...f.keywords] })),
  bands: BANDS_KON_TUM.map((b) => ({ ...b })),
  groups: [{ id: "I", name: "Nhóm chỉ số chung", maxPoints: 130 }],
  indices: [
    { id: "1", group: "I", name: "Nhận thức số", maxPoints: 80 },
    { id: "2", group: "I", name: "Nhân lực và thông tin số", maxPoints: 50 },
  ],
  components: [
    {
      id: "1.1",
      index: "1",
      name: "Trưởng Ban Chỉ đạo chuyển đổi số của xã",
      maxPoints: 20,
      ruleText: RULE_TRUONG_BAN,
      note: "Cách tính điểm nguyên văn mẫu của Thanh Hóa (chỉ số 1.1, tối đa 20)",
    },
    {
      id: "1.2",
      index: "1",
      name: "Số lần Ban Chỉ đạo chuyển đổi số họp trong năm",
      maxPoints: 20,
      ruleText: RULE_BCD_HOP,
      note: "Cách tính điểm nguyên văn một bộ chỉ số cấp huyện (chỉ số 1.1, tối đa 20)",
    },
    {
      id: "1.3",
      index: "1",
      name: "Tỷ lệ cuộc họp về chuyển đổi số do Bí thư/Chủ tịch chủ trì",
      maxPoints: 20,
      ruleText: RULE_CHU_TRI,
      note: "Cách tính điểm nguyên văn một bộ chỉ số cấp huyện (chỉ số 1.2, tối đa 20)",
    },
    {
      id: "1.4",
      index: "1",
      name: "Kế hoạch chuyển đổi số năm của xã",
      maxPoints: 10,
      ruleText:
        "- Ban hành kế hoạch chuyển đổi số năm: 1/2 * Điểm tối đa;\n" +
        "- Tổ chức triển khai, đánh giá kết quả thực hiện kế hoạch: 1/2 * Điểm tối đa;\n" +
        "- Nội dung không đáp ứng: 0 điểm",
      note: `${EXAMPLE_NOTE}: hai nội dung cộng điểm, mỗi nội dung 1/2 điểm tối đa, như dạng của Đồng Tháp (chỉ số 1.2, tối đa 10)`,
    },
    {
      id: "1.5",
      index: "1",
      name: "Trang thông tin điện tử của xã có chuyên mục riêng về chuyển đổi số",
      maxPoints: 10,
      ruleText: "Có: Điểm tối đa; Không: 0 điểm",
      note: `${EXAMPLE_NOTE}: dạng Có/Không`,
    },
    {
      id: "2.1",
      index: "2",
      name: "Tỷ lệ cán bộ công chức được bồi dưỡng kỹ năng số",
      maxPoints: 30,
      ruleText:
        "a = Số CBCC được bồi dưỡng kỹ năng số trong năm\n" +
        "b = Tổng số CBCC của xã\n" +
        "- Tỷ lệ = a/b;\n" +
        "- Điểm = Tỷ lệ*Điểm tối đa",
      note: `${EXAMPLE_NOTE}: b lấy từ Phần A (Tổng số CBCC) khi giải trình không nêu`,
    },
    {
      id: "2.2",
      index: "2",
      name: "Số lần tổ chức tuyên truyền về chuyển đổi số trong năm",
      maxPoints: 20,
      ruleText:
        "Từ 4 lần trở lên: Điểm tối đa; Từ 2 đến 3 lần: 1/2*Điểm tối đa; 1 lần: 1/4*Điểm tối đa; Còn lại: 0 điểm",
      note: `${EXAMPLE_NOTE}: các mức theo số lần, mức điểm là phần của điểm tối đa`,
    },
    {
      id: "2.3",
      index: "2",
      name: "Đô thị thông minh",
      maxPoints: 0,
      ruleText: "Không tính điểm",
      note: "Như bộ chỉ số quốc gia 2022: thu thập số liệu, không tính điểm",
    },
  ],
  note:
    "Bộ chỉ số mẫu để thử add-in, dựng từ các dạng cách tính điểm trong văn bản thật; tên các chỉ số, điểm tối đa " +
    "của 1.5, 2.1, 2.2 và lời văn của 1.4, 1.5, 2.1, 2.2 là ví dụ. Xếp loại theo mẫu của Kon Tum. Không dùng để chấm chính thức.",
};

/**
 * The Thanh Hóa commune set as far as the self-assessment forms (Biểu mẫu 01: thị trấn Nông Cống 2022, xã Triệu
 * Thành 2023) show it: group I, main index 1 "Nhận thức số" (100 points) and its component 1.1 (20 points, rule
 * verbatim); the name of 1.1, the other components and the totals are unknown.
 */
export const THANH_HOA_PARTIAL_JSON: IndexSetJson = {
  id: "thanh-hoa-xa-bieu-mau-01",
  title: "Bộ chỉ số chuyển đổi số cấp xã tỉnh Thanh Hóa (phần đã biết)",
  nature: "partial",
  legalBasis: null,
  maxPoints: null,
  figures: PART_A_FIGURES.map((f) => ({ ...f, keywords: [...f.keywords] })),
  groups: [{ id: "I", name: "Nhóm chỉ số chung", maxPoints: null }],
  indices: [{ id: "1", group: "I", name: "Nhận thức số", maxPoints: 100 }],
  components: [
    {
      id: "1.1",
      index: "1",
      name: null,
      maxPoints: 20,
      ruleText: RULE_TRUONG_BAN,
      note: "Tên chỉ số chưa rõ (nguồn chỉ có cách tính điểm); thuộc chỉ số 1 theo số thứ tự trên Biểu mẫu 01",
    },
  ],
  note:
    "Chưa tìm thấy quyết định ban hành bộ chỉ số cấp xã của Thanh Hóa; chỉ có các phần thấy trên Biểu mẫu 01 " +
    "(thị trấn Nông Cống 2022, xã Triệu Thành 2023). Các chỉ số thành phần khác, điểm tối đa của nhóm và tổng " +
    "điểm chưa biết; không có xếp loại.",
};

let builtins: readonly IndexSet[] | undefined;

/** the built-in sets (example first), checked by the schema on first call */
export function builtinIndexSets(): readonly IndexSet[] {
  builtins ??= [EXAMPLE_SET_JSON, THANH_HOA_PARTIAL_JSON].map(loadIndexSet);
  return builtins;
}

/** the set with this id among `sets` (default the built-in ones), or undefined */
export function findIndexSet(
  id: string,
  sets: readonly IndexSet[] = builtinIndexSets(),
): IndexSet | undefined {
  const key = id.trim().toLowerCase();
  return sets.find((s) => s.id === key);
}
