/**
 * The header of a commune's self-assessment form found by meaning: Biểu mẫu 01's two rows ("QUY CHUẨN ĐÁNH GIÁ" /
 * "TỰ ĐÁNH GIÁ" over "Điểm tối đa | Cách xác định và tính điểm | Điểm tự chấm | Giải trình kết quả"), or a
 * decision's table (`STT | Chỉ số/Chỉ số thành phần | Điểm tối đa | Cách xác định … | Tài liệu kiểm chứng …`) with
 * the commune's own columns added. Header words are data, compared without case and diacritics.
 */
import { fold } from "../text";
import type { Grid, RawCell } from "../types";

/** the columns a form has; `self` and `maxPoints` make a table a form */
export const FORM_ROLES = ["stt", "name", "maxPoints", "rule", "self", "explanation"] as const;
export type FormRole = (typeof FORM_ROLES)[number];

/** how a header cell names each column (folded, `:` and `.` removed): exact words, or words it starts with */
export const FORM_HEADER_WORDS: Readonly<
  Record<FormRole, { readonly exact: readonly string[]; readonly starts: readonly string[] }>
> = {
  stt: { exact: ["STT", "TT", "Số TT", "Số thứ tự", "Mã", "Mã chỉ số"], starts: [] },
  name: {
    exact: ["Nội dung", "Tên", "Tên chỉ số", "Chỉ số", "Nội dung chỉ số"],
    starts: ["Chỉ số/", "Chỉ số, chỉ số thành phần", "Chỉ số và chỉ số thành phần", "Tên chỉ số"],
  },
  maxPoints: { exact: ["Điểm tối đa", "Số điểm tối đa", "Thang điểm", "Điểm chuẩn"], starts: [] },
  rule: {
    exact: [],
    starts: [
      "Cách xác định",
      "Phương pháp xác định",
      "Phương pháp tính",
      "Phương pháp chấm",
      "Cách tính",
      "Cách chấm",
      "Cách cho điểm",
      "Hướng dẫn chấm",
    ],
  },
  self: {
    exact: [
      "Điểm tự chấm",
      "Điểm số tự chấm",
      "Tự chấm",
      "Điểm tự đánh giá",
      "Điểm xã tự chấm",
      "Điểm tự chấm của xã",
      "Xã tự chấm",
      "Tự chấm điểm",
      "Điểm tự đánh giá của xã",
    ],
    starts: ["Điểm tự chấm", "Điểm số tự chấm"],
  },
  explanation: {
    exact: [
      "Giải trình",
      "Giải trình kết quả",
      "Thuyết minh",
      "Số liệu",
      "Kết quả thực hiện",
      "Kết quả",
      "Số liệu thực tế",
    ],
    starts: ["Giải trình", "Thuyết minh", "Số liệu"],
  },
};

/** the words over two-row headers ("QUY CHUẨN ĐÁNH GIÁ", "TỰ ĐÁNH GIÁ"): they name no column of their own */
export const FORM_BAND_WORDS: readonly string[] = ["Quy chuẩn đánh giá", "Tự đánh giá", "Xã tự đánh giá"];

const key = (raw: RawCell): string =>
  typeof raw === "string"
    ? fold(raw)
        .replace(/[:.]/g, "")
        .replace(/\s*\/\s*/g, "/")
        .trim()
    : "";

const MATCHERS: readonly { role: FormRole; exact: Set<string>; starts: string[] }[] = FORM_ROLES.map(
  (role) => ({
    role,
    exact: new Set(FORM_HEADER_WORDS[role].exact.map((w) => key(w))),
    starts: FORM_HEADER_WORDS[role].starts.map((w) => key(w)),
  }),
);

/** the role a header cell names, or null */
export function formRoleOf(raw: RawCell): FormRole | null {
  const k = key(raw);
  if (k === "" || k.length > 80) return null;
  for (const m of MATCHERS) if (m.exact.has(k)) return m.role;
  for (const m of MATCHERS) if (m.starts.some((s) => k.startsWith(s))) return m.role;
  return null;
}

/** 0-based columns of each role; `explanation` may be several (figures, explanation) read together */
export interface FormColumns {
  readonly stt: number;
  readonly name: number;
  readonly maxPoints: number;
  readonly rule: number | undefined;
  readonly self: number;
  readonly explanation: readonly number[];
}

export interface FormHeader {
  /** 0-based first and last row of the header (two for Biểu mẫu 01) */
  readonly row: number;
  readonly lastRow: number;
  readonly columns: FormColumns;
  /** the header's folded cells, to know it again where a page repeats it */
  readonly keys: readonly string[];
}

/** rows looked at when searching for the header (Part A may take twenty rows above it) */
export const FORM_HEADER_SEARCH_ROWS = 80;

function rolesIn(rows: readonly (readonly RawCell[])[]): Map<FormRole, number[]> {
  const found = new Map<FormRole, number[]>();
  for (const line of rows)
    line.forEach((raw, c) => {
      const role = formRoleOf(raw);
      if (role === null) return;
      const list = found.get(role) ?? [];
      if (!list.includes(c)) list.push(c);
      found.set(role, list);
    });
  return found;
}

/**
 * The form's header: a row (or two) naming STT, the name, the maximum and the self-score; null when the sheet
 * holds no form.
 */
export function findFormHeader(grid: Grid): FormHeader | null {
  const values = grid.values;
  const last = Math.min(values.length, FORM_HEADER_SEARCH_ROWS);
  for (let r = 0; r < last; r++) {
    const line = values[r] ?? [];
    const one = rolesIn([line]);
    if (!one.has("stt") || !one.has("name")) continue;
    for (const rows of [1, 2]) {
      const found = rows === 1 ? one : rolesIn([line, values[r + 1] ?? []]);
      const self = found.get("self");
      const max = found.get("maxPoints");
      if (!self || !max) continue;
      const columns: FormColumns = {
        stt: found.get("stt")![0]!,
        name: found.get("name")![0]!,
        maxPoints: max[0]!,
        rule: found.get("rule")?.[0],
        self: self[0]!,
        explanation: [...(found.get("explanation") ?? [])].sort((a, b) => a - b),
      };
      const keys = [line, ...(rows === 2 ? [values[r + 1] ?? []] : [])].flatMap((l) => l.map(key));
      return { row: r, lastRow: r + rows - 1, columns, keys };
    }
  }
  return null;
}

/** true for a row that repeats the header on a new page (either of its rows): two column names, or the band words */
export function isFormHeaderRow(line: readonly RawCell[]): boolean {
  let roles = 0;
  for (const raw of line) if (formRoleOf(raw) !== null) roles++;
  if (roles >= 2) return true;
  const bands = new Set(FORM_BAND_WORDS.map((w) => key(w)));
  return line.some((raw) => bands.has(key(raw)));
}

/** `a b c d e f` or `A B C D E F`, `(1) (2) …`, `1 2 3 4 5 6`: the column letter row under the header */
export function isLetterRow(line: readonly RawCell[]): boolean {
  const texts = line
    .filter((raw) => raw !== null && raw !== undefined && String(raw).trim() !== "")
    .map((raw) => String(raw).trim());
  if (texts.length < 3) return false;
  if (texts.every((t) => /^\(?[a-hA-H]\)?$/.test(t))) return true;
  const numbers = texts.map((t) => /^\(?(\d{1,2})\)?$/.exec(t)?.[1]).map(Number);
  return numbers.every((n, i) => Number.isFinite(n) && n === numbers[0]! + i) && numbers[0]! <= 1;
}
