/**
 * What the "Bộ chỉ số" sheet's writer and reader share: the sheet's name and words, the index table's columns
 * and how a decision's header names them, reading one cell, and a problem placed on a cell.
 */
import { fold, isBlank, sheetCellProblem, textOf } from "../text";
import type { RawCell } from "../types";
import { parseViNumber } from "../values/numbers";

/** the sheet's name */
export const INDEX_SHEET = "Bộ chỉ số";

/** true for a sheet named "Bộ chỉ số" (compared without case and diacritics) */
export function isIndexSheet(name: string): boolean {
  return fold(name) === fold(INDEX_SHEET);
}

export const INDEX_SHEET_TITLE = "BỘ CHỈ SỐ CHUYỂN ĐỔI SỐ CẤP XÃ";

export const INDEX_SHEET_HELP =
  "Dán bảng của quyết định (STT | Chỉ số/Chỉ số thành phần | Điểm tối đa | Cách xác định và tính điểm …) vào " +
  "dưới dòng tiêu đề DANH SÁCH CHỈ SỐ, hoặc sửa từng ô. STT: I, II… là nhóm; 1, 2… là chỉ số; 1.1, 1.2… là chỉ " +
  "số thành phần; cách tính điểm có thể nằm trên nhiều dòng (các ô khác để trống). Ô điểm tối đa để trống nếu " +
  "văn bản không ghi. Cột «Cách hiểu» do add-in ghi, cho biết cách tính điểm được đọc thế nào.";

/** labels of the header block, left column */
export const SET_FIELDS = {
  id: "Mã bộ chỉ số",
  title: "Tên bộ chỉ số",
  nature: "Tính chất",
  legalBasis: "Căn cứ",
  maxPoints: "Tổng điểm tối đa",
  note: "Ghi chú",
} as const;
export type SetField = keyof typeof SET_FIELDS;
export const REQUIRED_FIELDS: readonly SetField[] = ["id", "title", "nature"];

export const SETTINGS_HEADER = ["Thiết lập", "Giá trị", "Nguồn", "Ý nghĩa"] as const;
export const SOURCE_DEFAULT = "Mặc định (văn bản không nêu)";
export const SOURCE_STATED = "Theo bộ chỉ số";
export const FIGURES_HEADER = ["Mã số liệu", "Tên số liệu (Phần A)", "Từ khóa"] as const;
export const BANDS_HEADER = ["Xếp loại", "Cận dưới", "Cận trên"] as const;

/** the index table's columns, left to right, as the sheet writes them */
export const COLUMNS = {
  stt: "STT",
  name: "Chỉ số/Chỉ số thành phần",
  maxPoints: "Điểm tối đa",
  rule: "Cách xác định và tính điểm",
  understood: "Cách hiểu (add-in ghi)",
  evidence: "Tài liệu kiểm chứng",
  note: "Ghi chú",
} as const;
export type Column = keyof typeof COLUMNS;
export const COLUMN_KEYS = Object.keys(COLUMNS) as Column[];
export const REQUIRED_COLUMNS: readonly Column[] = ["stt", "name", "maxPoints", "rule"];

/** how a header cell names each column of a decision's table (folded, `:` and `.` removed) */
export const COLUMN_MATCH: Readonly<Record<Column, (key: string) => boolean>> = {
  stt: (k) => ["stt", "tt", "so tt", "so thu tu", "ma", "ma chi so"].includes(k),
  name: (k) => k.startsWith("chi so") || k.startsWith("ten chi so") || k === "noi dung" || k === "ten",
  maxPoints: (k) => ["diem toi da", "so diem toi da", "thang diem", "diem chuan", "diem"].includes(k),
  rule: (k) =>
    k.startsWith("cach xac dinh") ||
    k.startsWith("phuong phap xac dinh") ||
    k.startsWith("phuong phap tinh") ||
    k.startsWith("phuong phap cham") ||
    k.startsWith("cach tinh") ||
    k.startsWith("cach cham") ||
    k.startsWith("cach cho diem") ||
    k.startsWith("huong dan cham"),
  understood: (k) => k.startsWith("cach hieu"),
  evidence: (k) => k.startsWith("tai lieu kiem chung"),
  note: (k) => k === "ghi chu",
};

/** suggested widths in points, one per column of the index table */
export const INDEX_SHEET_COLUMN_WIDTHS: readonly number[] = [50, 300, 70, 380, 380, 200, 200];

/** a problem of the sheet: a Vietnamese message naming the sheet, the cell and the value */
export interface IndexSheetProblem {
  readonly code: "INVALID_INDEX_SET";
  readonly sheet: string;
  readonly cell?: string;
  readonly value?: string;
  readonly message: string;
}

export { isBlank, textOf };

export function keyOf(raw: RawCell): string {
  return fold(textOf(raw)).replace(/[:.]/g, "").trim();
}

export function problem(
  sheet: string,
  row: number,
  col: number,
  raw: RawCell,
  about: string,
  detail: string,
): IndexSheetProblem {
  return { code: "INVALID_INDEX_SET", ...sheetCellProblem(sheet, row, col, raw, about, detail) };
}

export function sheetProblem(sheet: string, message: string, cell?: string): IndexSheetProblem {
  return {
    code: "INVALID_INDEX_SET",
    sheet,
    ...(cell !== undefined ? { cell } : {}),
    message: `Trang "${sheet}"${cell ? `, ô ${cell}` : ""}: ${message}`,
  };
}

/** a points cell: a number, `20`, `20 điểm`; blank → null; the text when it is not a number */
export function pointsOf(raw: RawCell): number | null | string {
  if (isBlank(raw)) return null;
  if (typeof raw === "number") return raw;
  const t = textOf(raw)
    .replace(/\s*(?:điểm|diem|đ)\.?$/iu, "")
    .trim();
  const n = parseViNumber(t);
  return n ?? textOf(raw);
}

export const ROMAN = /^(?:X{0,3})(?:IX|IV|V?I{0,3})$/;

/** the level an STT names: `I`, `II` … a group; `1`, `2` … a main index; `1.1`, `1.2` … a component; else null */
export function sttLevel(stt: string): "group" | "index" | "component" | null {
  if (ROMAN.test(stt)) return "group";
  if (/^\d+$/.test(stt)) return "index";
  return /^\d+\.\d+$/.test(stt) ? "component" : null;
}
export const LETTER_ROW = /^\(?[a-hA-H1-9]\)?$/;

/** a component's id: `1.1` as written; a number 1.1 right after 1.9 is Excel's 1.10 */
export function componentId(
  stt: string,
  raw: RawCell,
  index: string,
  components: readonly { id: string; index: string }[],
): string {
  const siblings = components.filter((c) => c.index === index);
  const prev = siblings[siblings.length - 1];
  if (typeof raw !== "number" || !prev) return stt;
  const prevLast = Number(prev.id.split(".").pop());
  const last = stt.split(".").pop()!;
  return Number(`${last}0`) === prevLast + 1 && Number(last) !== prevLast + 1
    ? `${index}.${prevLast + 1}`
    : stt;
}

/** the index table's columns when `row` (and, for a two-row header, `next`) is its header */
export function tableColumns(
  row: readonly RawCell[],
  next: readonly RawCell[],
): { columns: Partial<Record<Column, number>>; twoRows: boolean } | null {
  const find = (cells: readonly RawCell[], into: Partial<Record<Column, number>>): void => {
    cells.forEach((raw, c) => {
      const key = keyOf(raw);
      if (key === "") return;
      const column = COLUMN_KEYS.find(
        (k) => into[k] === undefined && !Object.values(into).includes(c) && COLUMN_MATCH[k](key),
      );
      if (column) into[column] = c;
    });
  };
  const columns: Partial<Record<Column, number>> = {};
  find(row, columns);
  if (columns.stt === undefined || columns.name === undefined) return null;
  if (REQUIRED_COLUMNS.every((k) => columns[k] !== undefined)) return { columns, twoRows: false };
  const below = { ...columns };
  find(next, below);
  return REQUIRED_COLUMNS.every((k) => below[k] !== undefined) ? { columns: below, twoRows: true } : null;
}
