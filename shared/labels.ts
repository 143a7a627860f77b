import type { ConditionalRule, StatusCode } from "./types";

/** the Vietnamese label of each status, as written into sheets */
export const STATUS_LABELS: Readonly<Record<StatusCode, string>> = {
  DAT: "Đạt",
  KHONG_DAT: "Không đạt",
  DANG_THUC_HIEN: "Đang thực hiện",
  KHONG_DANH_GIA: "Không đánh giá",
  CAN_XEM_XET: "Cần xem xét",
};

/** fill and font colours keyed by status: green, red, amber, yellow, grey */
export const STATUS_COLORS: Readonly<Record<StatusCode, { fill: string; font: string }>> = {
  DAT: { fill: "#C6EFCE", font: "#006100" },
  KHONG_DAT: { fill: "#FFC7CE", font: "#9C0006" },
  DANG_THUC_HIEN: { fill: "#FFD8A8", font: "#8A4B00" },
  CAN_XEM_XET: { fill: "#FFEB9C", font: "#7F6000" },
  KHONG_DANH_GIA: { fill: "#E7E6E6", font: "#595959" },
};

/** one conditional rule per status, keyed on the label text */
export const STATUS_RULES: readonly ConditionalRule[] = (Object.keys(STATUS_LABELS) as StatusCode[]).map(
  (status) => ({ status, text: STATUS_LABELS[status], ...STATUS_COLORS[status] }),
);

/** label → code, for reading back the add-in's own column or a self-assessment */
export function statusFromLabel(label: string): StatusCode | undefined {
  const entry = (Object.entries(STATUS_LABELS) as [StatusCode, string][]).find(([, l]) => l === label.trim());
  return entry?.[0];
}

/**
 * The result labels the add-in writes beside a points-based form (shared/dti: "Khớp", "Tự chấm cao hơn" …), listed
 * here so that finding and clearing own columns knows them; a test holds them to dti's CHECK_LABELS.
 */
export const FORM_CHECK_LABELS: readonly string[] = [
  "Khớp",
  "Tự chấm cao hơn",
  "Tự chấm thấp hơn",
  "Vượt điểm tối đa",
  "Cần xem xét",
  "Không tính điểm",
];

/** true for a label the add-in writes in the first of its own columns: a status or a form's result */
export function isOwnLabel(text: string): boolean {
  return statusFromLabel(text) !== undefined || FORM_CHECK_LABELS.includes(text.trim());
}

/** headers of the add-in's own columns; the prefix marks them as the add-in's so re-grading finds them */
export const OWN_HEADER_PREFIX = "Chấm CĐS";
export const OWN_HEADERS = [`${OWN_HEADER_PREFIX}: Trạng thái`, `${OWN_HEADER_PREFIX}: Lý do`] as const;

/** the generated summary sheet */
export const SUMMARY_SHEET = "Tổng hợp CĐS";

/** true for text a spreadsheet would take as a formula: hosts must write it as literal text */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text);
}
