/**
 * Where an annex table ends: the lines officials write under it (signatures, "Người lập biểu", "Nơi nhận", the
 * place and date) and the rows that sum it up ("Tổng cộng", an Excel Table's "Total"). The words are data.
 */
import { words } from "../criteria/match";
import type { RawCell } from "../types";
import { isEmpty } from "./cells";

/**
 * How a line under the table begins (matched without case and diacritics, on whole words): the signers'
 * titles, the signing notes, the list of recipients.
 */
export const FOOTER_STARTS: readonly string[] = [
  "Chủ tịch",
  "Phó chủ tịch",
  "KT. Chủ tịch",
  "TM. Ủy ban nhân dân",
  "TM. UBND",
  "T/M UBND",
  "TM. Ban chỉ đạo",
  "TM. Đảng ủy",
  "T/M Đảng ủy",
  "TM. Ban Thường vụ",
  "Trưởng ban",
  "Phó trưởng ban",
  "Thủ trưởng đơn vị",
  "Người lập biểu",
  "Người lập bảng",
  "Người lập",
  "Người tổng hợp",
  "Cán bộ tổng hợp",
  "Công chức phụ trách",
  // a signer's post (`CÔNG CHỨC VĂN PHÒNG - THỐNG KÊ`); `Công chức có hộp thư …` is a criterion
  "Công chức Văn phòng",
  "Công chức VP",
  "Công chức Văn hóa",
  "Công chức VH",
  "Công chức Tư pháp",
  "Công chức Địa chính",
  "Công chức Tài chính",
  "Xác nhận của",
  "Ký, đóng dấu",
  "Ký và đóng dấu",
  "Ký, ghi rõ họ tên",
  "Ký và ghi rõ họ tên",
  "Ký tên",
  "Ghi rõ họ tên",
  "Đã ký",
  "Nơi nhận",
  "Lưu VT",
  "Lưu: VT",
];

/** how a note under the table begins (`Ghi chú: số liệu tính đến 31/12/2023`); a note may be long */
export const NOTE_STARTS: readonly string[] = ["Ghi chú", "Lưu ý", "Chú thích"];

/** how a row summing the table up begins, when it has no criterion ID */
export const TOTAL_STARTS: readonly string[] = [
  "Tổng cộng",
  "Tổng hợp kết quả",
  "Tổng điểm",
  "Đánh giá chung",
  "Tự đánh giá",
  "Kết quả tự đánh giá",
  "Kết quả chung",
  "Xếp loại",
  "Tổng số tiêu chí",
  "Tổng số chỉ tiêu",
  "Tổng số",
  "Total",
  "Grand total",
];

/** words that sum the table up only when they stand alone (`Cộng:`; `Công chức …` is a name) */
export const TOTAL_ALONE: readonly string[] = ["Tổng", "Cộng", "Cộng:", "Tổng:"];

const FOOTER_KEYS = FOOTER_STARTS.map(words);
const NOTE_KEYS = NOTE_STARTS.map(words);
/** a note's length at most: a longer text is no note */
const MAX_NOTE_CHARS = 400;
const TOTAL_KEYS = TOTAL_STARTS.map(words);
const TOTAL_ALONE_KEYS = new Set(TOTAL_ALONE.map(words));
/** a footer cell is short (`TM. ỦY BAN NHÂN DÂN XÃ HOẰNG PHỤ`): a longer text is a criterion's name or result */
const MAX_FOOTER_CHARS = 50;
/** a totals row's label may say more (`Tổng số tiêu chí đạt/tổng số tiêu chí được đánh giá`) */
const MAX_TOTAL_CHARS = 120;
/** `Hoằng Phụ, ngày 15 tháng 12 năm 2023`, `ngày … tháng … năm …`, `Hoằng Phụ, ngày 20/12/2023` (folded) */
const DATE_LINE =
  /\bngay\b[^a-z]{0,16}\bthang\b[^a-z]{0,16}\bnam\b|^ ?(?:[a-z]+ ){0,4}ngay \d{1,2} \d{1,2} \d{4} ?$/;
/** a person's name: two to five words, each capitalised, letters only (`Nguyễn Văn An`, `LÊ THỊ HOA`) */
const PERSON = /^(?:\p{Lu}[\p{Ll}\p{M}]*|\p{Lu}+)(?:\s+(?:\p{Lu}[\p{Ll}\p{M}]*|\p{Lu}+)){1,4}$/u;

function startsWithAny(text: string, keys: readonly string[]): boolean {
  const w = words(text);
  return keys.some((k) => w.startsWith(k));
}

/** a line written under the table: a signer's title, a signing note, the recipients, the place and date */
export function isFooterText(text: string): boolean {
  const t = text.trim().replace(/^[(\-–•*]+\s*/, "");
  if (t === "" || t.length > MAX_NOTE_CHARS) return false;
  if (startsWithAny(t, NOTE_KEYS)) return true;
  if (t.length > MAX_FOOTER_CHARS) return false;
  if (startsWithAny(t, FOOTER_KEYS)) return true;
  return DATE_LINE.test(words(t));
}

/** a person's name as signed under the table */
export function isPersonName(text: string): boolean {
  const t = text.trim().normalize("NFC");
  return t.length <= 40 && PERSON.test(t);
}

/** a row that sums the table up: its ID or name cell begins with `Tổng cộng`, `Total` … */
export function isTotalText(text: string): boolean {
  if (text.trim() === "" || text.length > MAX_TOTAL_CHARS) return false;
  return TOTAL_ALONE_KEYS.has(words(text)) || startsWithAny(text, TOTAL_KEYS);
}

/**
 * A row under the table rather than in it: one of its cells at least is a footer line, and every other one is a
 * footer line or a person's name. Rows with a criterion's ID are never footers (the caller checks the ID).
 */
export function isFooterRow(row: readonly RawCell[], own: readonly number[]): boolean {
  let footer = false;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (own.includes(c) || isEmpty(v)) continue;
    if (typeof v !== "string") return false;
    if (isFooterText(v)) footer = true;
    else if (!isPersonName(v)) return false;
  }
  return footer;
}
