/**
 * Everything about the index a user reads, keyed by stable codes: result labels and colours, review reasons,
 * set natures, settings and their defaults. Tests hold every code to a label.
 */
import { formatNumber } from "../text";
import type { CheckCode, IndexSet, IndexSettings, ReviewCode, SetNature, SettingKey, SumCode } from "./types";

/** the Vietnamese label of each result, as written into the reviewer's column */
export const CHECK_LABELS: Readonly<Record<CheckCode, string>> = {
  KHOP: "Khớp",
  TU_CHAM_CAO_HON: "Tự chấm cao hơn",
  TU_CHAM_THAP_HON: "Tự chấm thấp hơn",
  VUOT_DIEM_TOI_DA: "Vượt điểm tối đa",
  CAN_XEM_XET: "Cần xem xét",
  KHONG_TINH_DIEM: "Không tính điểm",
};

/** fill and font colours keyed by result, for conditional formatting */
export const CHECK_COLORS: Readonly<Record<CheckCode, { fill: string; font: string }>> = {
  KHOP: { fill: "#C6EFCE", font: "#006100" },
  TU_CHAM_CAO_HON: { fill: "#FFC7CE", font: "#9C0006" },
  TU_CHAM_THAP_HON: { fill: "#DDEBF7", font: "#1F4E78" },
  VUOT_DIEM_TOI_DA: { fill: "#FF9999", font: "#7F0000" },
  CAN_XEM_XET: { fill: "#FFEB9C", font: "#7F6000" },
  KHONG_TINH_DIEM: { fill: "#E7E6E6", font: "#595959" },
};

/** the Vietnamese words of each reason for "Cần xem xét" (the detail follows after a colon) */
export const REVIEW_LABELS: Readonly<Record<ReviewCode, string>> = {
  RULE_UNKNOWN: "chưa đọc được cách tính điểm",
  MAX_UNKNOWN: "chưa biết điểm tối đa",
  AMOUNT_ABOVE_MAX: "mức điểm trong bộ chỉ số lớn hơn điểm tối đa",
  HEDGED: "giải trình là dự kiến hoặc ước tính, chưa phải kết quả",
  FIGURE_MISSING: "thiếu số liệu",
  FIGURES_AMBIGUOUS: "giải trình có nhiều số liệu khác nhau",
  FIGURE_CONFLICT: "số liệu giải trình khác Phần A",
  ZERO_DENOMINATOR: "b = 0, không tính được tỷ lệ",
  RATIO_ABOVE_ONE: "tỷ lệ a/b lớn hơn 1",
  COUNT_NOT_IN_STEPS: "số lượng không thuộc mức nào của cách tính điểm",
  BRANCH_UNCLEAR: "giải trình không nêu rõ trường hợp",
  PARTS_UNCLEAR: "giải trình không nêu rõ từng nội dung",
  ANSWER_UNCLEAR: "giải trình không nói rõ có hay không",
  SELF_MISSING: "chưa có điểm tự chấm",
  SELF_UNREADABLE: "điểm tự chấm không đọc được",
  SELF_NEGATIVE: "điểm tự chấm âm",
};

/** the Vietnamese words of each sums problem */
export const SUM_LABELS: Readonly<Record<SumCode, string>> = {
  SUM_MISMATCH: "tổng không khớp",
  SUM_PART_MISSING: "thiếu điểm của một phần",
  SUM_DUPLICATE: "mã bị trùng",
};

/** how the set sheet and reports name a set's nature */
export const NATURE_LABELS: Readonly<Record<SetNature, string>> = {
  official: "Bộ chỉ số chính thức",
  example: "Bộ chỉ số mẫu (không phải bộ chính thức)",
  partial: "Bộ chỉ số chưa đầy đủ (chỉ có phần đã biết)",
};

/**
 * The safe choices for what the decisions do not say: b = 0 cannot be computed (Cần xem xét), a ratio above 1
 * counts as 1, points kept to 2 decimals (as published results are), the top step of a count covers more.
 */
export const DEFAULT_SETTINGS: IndexSettings = {
  zeroDenominator: "review",
  ratioAboveOne: "cap",
  decimals: 2,
  topStep: "orMore",
};

export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as SettingKey[];

/** each setting: its label in the sheet, and the words of each value */
export const SETTING_WORDS = {
  zeroDenominator: {
    label: "Khi mẫu số b = 0",
    values: { review: "Cần xem xét", zero: "0 điểm" },
  },
  ratioAboveOne: {
    label: "Khi tỷ lệ a/b lớn hơn 1",
    values: { cap: "Tính bằng 1", review: "Cần xem xét" },
  },
  decimals: { label: "Số chữ số thập phân của điểm" },
  topStep: {
    label: "Số lượng vượt mức cao nhất",
    values: { orMore: "Tính mức cao nhất", exact: "Cần xem xét" },
  },
} as const;

/** one setting's value in words: `Tính bằng 1`, `2` */
export function settingValueText<K extends SettingKey>(key: K, value: IndexSettings[K]): string {
  if (key === "decimals") return String(value);
  const words = (SETTING_WORDS[key] as { values: Record<string, string> }).values;
  return words[value as string] ?? String(value);
}

/** what each value means, for the sheet and the report */
function settingMeaning(key: SettingKey, s: IndexSettings): string {
  switch (key) {
    case "zeroDenominator":
      return s.zeroDenominator === "review"
        ? "b = 0: không tính được, thành phần ở trạng thái Cần xem xét"
        : "b = 0 (và a = 0): 0 điểm";
    case "ratioAboveOne":
      return s.ratioAboveOne === "cap"
        ? "tỷ lệ a/b lớn hơn 1 được tính bằng 1 (không vượt điểm tối đa)"
        : "tỷ lệ a/b lớn hơn 1: Cần xem xét";
    case "decimals":
      return `điểm làm tròn ${formatNumber(s.decimals)} chữ số thập phân khi tính và khi so với điểm tự chấm`;
    case "topStep":
      return s.topStep === "orMore"
        ? "số lượng nhiều hơn mức cao nhất được tính mức cao nhất (họp 5 lần khi mức cao nhất là 4 lần)"
        : "số lượng nhiều hơn mức cao nhất: Cần xem xét";
  }
}

/**
 * The settings of a set in Vietnamese, one line each, saying which are the defaults because the set does not
 * state them: `Khi mẫu số b = 0: Cần xem xét — b = 0: không tính được … (mặc định, văn bản không nêu)`.
 */
export function describeSettings(set: Pick<IndexSet, "settings" | "defaults">): string[] {
  return SETTING_KEYS.map((k) => {
    const source = set.defaults.includes(k) ? " (mặc định, văn bản không nêu)" : "";
    return `${SETTING_WORDS[k].label}: ${settingValueText(k, set.settings[k])} — ${settingMeaning(k, set.settings)}${source}`;
  });
}
