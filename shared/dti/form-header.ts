/**
 * The header of a commune's self-assessment form found by meaning: Biểu mẫu 01's two rows ("QUY CHUẨN ĐÁNH GIÁ" /
 * "TỰ ĐÁNH GIÁ" over "Điểm tối đa | Cách xác định và tính điểm | Điểm tự chấm | Giải trình kết quả"), or a
 * decision's table (`STT | Chỉ số/Chỉ số thành phần | Điểm tối đa | Cách xác định … | Tài liệu kiểm chứng …`) with
 * the commune's own columns added. Header words are data, compared without case and diacritics.
 */
import { remembered } from "../remember";
import { fold } from "../text";
import type { Grid, RawCell } from "../types";

/** the columns a form has; `self` and `maxPoints` make a table a form */
export const FORM_ROLES = ["stt", "name", "maxPoints", "rule", "self", "explanation"] as const;
export type FormRole = (typeof FORM_ROLES)[number];

/** how a header cell names each column (folded, `:` and `.` removed): exact words, or words it starts with */
export const FORM_HEADER_WORDS: Readonly<
  Record<FormRole, { readonly exact: readonly string[]; readonly starts: readonly string[] }>
> = {
  stt: { exact: ["STT", "TT", "Số TT", "Số thứ tự", "Thứ tự", "Mã", "Mã số", "Mã chỉ số"], starts: [] },
  name: {
    exact: ["Nội dung", "Tên", "Tên chỉ số", "Chỉ số", "Nội dung chỉ số"],
    starts: [
      "Chỉ số/",
      "Chỉ số, chỉ số thành phần",
      "Chỉ số và chỉ số thành phần",
      "Tên chỉ số",
      "Chỉ số đánh giá",
      "Các chỉ số",
      "Tiêu chí/",
      "Tiêu chí, chỉ số",
      "Nội dung chỉ số",
      "Nội dung tiêu chí",
    ],
  },
  maxPoints: {
    exact: ["Điểm tối đa", "Số điểm tối đa", "Thang điểm", "Điểm chuẩn"],
    starts: ["Điểm tối đa", "Số điểm tối đa", "Thang điểm tối đa"],
  },
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
      "Cách thức xác định",
      "Cách thức tính",
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
      "Điểm do xã tự chấm",
    ],
    starts: ["Điểm tự chấm", "Điểm số tự chấm", "Điểm tự đánh giá"],
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
    starts: ["Giải trình", "Thuyết minh", "Số liệu", "Nội dung giải trình", "Diễn giải"],
  },
};

/** the words over two-row headers ("QUY CHUẨN ĐÁNH GIÁ", "TỰ ĐÁNH GIÁ"): they name no column of their own */
export const FORM_BAND_WORDS: readonly string[] = [
  "Quy chuẩn đánh giá",
  "Tự đánh giá",
  "Xã tự đánh giá",
  "Kết quả tự đánh giá",
  "Đơn vị tự đánh giá",
  "Kết quả tự chấm",
  "Nội dung đánh giá",
];

/** band words whose columns belong to the commune (a bare "Điểm" under them is the self-score) */
export const FORM_SELF_BAND_WORDS: readonly string[] = [
  "Tự đánh giá",
  "Xã tự đánh giá",
  "Kết quả tự đánh giá",
  "Đơn vị tự đánh giá",
  "Kết quả tự chấm",
];

/** band words whose columns are the decision's (a bare "Điểm" under them is the maximum) */
export const FORM_STANDARD_BAND_WORDS: readonly string[] = ["Quy chuẩn đánh giá"];

/** a column named only "Điểm": its role comes from the band above it */
export const FORM_BARE_POINTS_WORDS: readonly string[] = ["Điểm", "Số điểm", "Điểm số"];

/**
 * Columns read with the explanation only when they stand right of the self-score, in the commune's part of the
 * table (a decision's "Tài liệu kiểm chứng" left of it is the decision's own words, not the commune's)
 */
export const FORM_EVIDENCE_WORDS: readonly string[] = [
  "Ghi chú",
  "Tài liệu kiểm chứng",
  "Tài liệu minh chứng",
  "Minh chứng",
  "Hồ sơ minh chứng",
  "Tài liệu, hồ sơ kiểm chứng",
];

/** a header cell's words as compared: folded, `:` and `.` removed, a column's letter after the name dropped */
function keyText(text: string): string {
  return (
    fold(text)
      .replace(/[:.]/g, "")
      .replace(/\s*\/\s*/g, "/")
      // a column's letter or number written in its name: "Điểm tối đa (c)", "Giải trình (6)"
      .replace(/\s*\((?:[a-h]|\d{1,2}|diem)\)$/, "")
      .trim()
  );
}

// kept by text: every row above a form's table is looked at for the header, and communes' forms repeat their words
const keyOf = remembered(keyText);

/** no header word is this long: longer texts (explanations, titles) are not folded to be compared */
const MAX_HEADER_CHARS = 120;

const key = (raw: RawCell): string =>
  typeof raw === "string" && raw.length <= MAX_HEADER_CHARS ? keyOf(raw) : "";

const MATCHERS: readonly { role: FormRole; exact: Set<string>; starts: string[] }[] = FORM_ROLES.map(
  (role) => ({
    role,
    exact: new Set(FORM_HEADER_WORDS[role].exact.map((w) => key(w))),
    starts: FORM_HEADER_WORDS[role].starts.map((w) => key(w)),
  }),
);
const BANDS = new Set(FORM_BAND_WORDS.map((w) => key(w)));
const SELF_BANDS = new Set(FORM_SELF_BAND_WORDS.map((w) => key(w)));
const STANDARD_BANDS = new Set(FORM_STANDARD_BAND_WORDS.map((w) => key(w)));
const BARE_POINTS = new Set(FORM_BARE_POINTS_WORDS.map((w) => key(w)));
const EVIDENCE = new Set(FORM_EVIDENCE_WORDS.map((w) => key(w)));

/** the role a header cell names, or null */
export function formRoleOf(raw: RawCell): FormRole | null {
  const k = key(raw);
  if (k === "" || k.length > 80 || BANDS.has(k)) return null;
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
  /** 0-based first and last row of the header (up to four: a band row, the names, a second band …) */
  readonly row: number;
  readonly lastRow: number;
  readonly columns: FormColumns;
  /** the header's folded cells, to know it again where a page repeats it */
  readonly keys: readonly string[];
}

/** rows looked at when searching for the header (Part A may take twenty rows above it) */
export const FORM_HEADER_SEARCH_ROWS = 80;

/** rows one header may take: a title band, the column names, a second band, the names under it */
export const FORM_HEADER_MAX_ROWS = 4;

/** a band word's columns: its merged area, else up to the next filled cell of its row */
interface Band {
  readonly kind: "self" | "standard" | "other";
  readonly from: number;
  readonly to: number;
}

function bandsOf(grid: Grid, r: number): Band[] {
  const line = grid.values[r] ?? [];
  const out: Band[] = [];
  line.forEach((raw, c) => {
    const k = key(raw);
    if (!BANDS.has(k)) return;
    const merge = grid.merges?.find((m) => m.row <= r && r < m.row + m.rows && m.col === c);
    let to = c;
    if (merge) to = c + merge.cols - 1;
    else while (to + 1 < line.length && isBlankCell(line[to + 1])) to++;
    out.push({
      kind: SELF_BANDS.has(k) ? "self" : STANDARD_BANDS.has(k) ? "standard" : "other",
      from: c,
      to,
    });
  });
  return out;
}

function isBlankCell(raw: RawCell): boolean {
  return raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "");
}

/** true for a row that may start a header: STT, the name column, or a band word */
function startsHeader(line: readonly RawCell[]): boolean {
  return line.some((raw) => {
    const role = formRoleOf(raw);
    return role === "stt" || role === "name" || BANDS.has(key(raw));
  });
}

/** true for a row that may be part of a header: a column name, or a band word */
function headerish(line: readonly RawCell[]): boolean {
  return line.some((raw) => {
    const k = key(raw);
    return k !== "" && (BANDS.has(k) || formRoleOf(raw) !== null);
  });
}

/** roles of the header rows `from`…`to`, a bare "Điểm" given its role by the band above it */
function rolesIn(grid: Grid, from: number, to: number): Map<FormRole, number[]> {
  const found = new Map<FormRole, number[]>();
  const add = (role: FormRole, c: number) => {
    const list = found.get(role) ?? [];
    if (!list.includes(c)) list.push(c);
    found.set(role, list);
  };
  const bands: Band[] = [];
  for (let r = from; r <= to; r++) {
    const line = grid.values[r] ?? [];
    line.forEach((raw, c) => {
      const role = formRoleOf(raw);
      if (role !== null) return add(role, c);
      if (!BARE_POINTS.has(key(raw))) return;
      const band = bands.find((b) => b.kind !== "other" && b.from <= c && c <= b.to);
      if (band) add(band.kind === "self" ? "self" : "maxPoints", c);
    });
    bands.push(...bandsOf(grid, r));
  }
  return found;
}

/** the evidence and note columns right of the self-score, read with the explanation */
function evidenceColumns(grid: Grid, from: number, to: number, self: number): number[] {
  const out: number[] = [];
  for (let r = from; r <= to; r++)
    (grid.values[r] ?? []).forEach((raw, c) => {
      if (c > self && EVIDENCE.has(key(raw)) && !out.includes(c)) out.push(c);
    });
  return out;
}

/**
 * The STT column when no header cell names it: the blank header cell left of the name, or the first column of a
 * name header merged over two (`Chỉ số` over A:B, the numbers in A); the name column moves right in that case.
 */
function sttWithoutHeader(grid: Grid, from: number, to: number, name: number): number[] | undefined {
  const merge = grid.merges?.find((m) => m.col === name && m.row >= from && m.row <= to && m.cols === 2);
  if (merge) return [name];
  if (name === 0) return undefined;
  for (let r = from; r <= to; r++) if (!isBlankCell(grid.values[r]?.[name - 1])) return undefined;
  return [name - 1];
}

/**
 * The form's header: up to four rows (bands such as "QUY CHUẨN ĐÁNH GIÁ" / "TỰ ĐÁNH GIÁ", the column names)
 * naming STT, the name, the maximum and the self-score; null when the sheet holds no form.
 */
export function findFormHeader(grid: Grid): FormHeader | null {
  const values = grid.values;
  const last = Math.min(values.length, FORM_HEADER_SEARCH_ROWS);
  for (let r = 0; r < last; r++) {
    if (!startsHeader(values[r] ?? [])) continue;
    for (let end = r; end < r + FORM_HEADER_MAX_ROWS && end < values.length; end++) {
      if (end > r && !headerish(values[end] ?? [])) break;
      const found = rolesIn(grid, r, end);
      const self = found.get("self");
      const max = found.get("maxPoints");
      const name = found.get("name");
      const stt = found.get("stt") ?? (name ? sttWithoutHeader(grid, r, end, name[0]!) : undefined);
      if (!self || !max || !stt || !name) continue;
      const explanation = [
        ...(found.get("explanation") ?? []),
        ...evidenceColumns(grid, r, end, self[0]!),
      ].filter((c, i, all) => all.indexOf(c) === i);
      const columns: FormColumns = {
        stt: stt[0]!,
        name: stt[0] === name[0] ? name[0]! + 1 : name[0]!,
        maxPoints: max[0]!,
        rule: found.get("rule")?.[0],
        self: self[0]!,
        explanation: explanation.sort((a, b) => a - b),
      };
      const keys = values.slice(r, end + 1).flatMap((l) => l.map(key));
      return { row: r, lastRow: end, columns, keys };
    }
  }
  return null;
}

/** true for a row that repeats the header on a new page (either of its rows): two column names, or the band words */
export function isFormHeaderRow(line: readonly RawCell[]): boolean {
  let roles = 0;
  for (const raw of line) if (formRoleOf(raw) !== null) roles++;
  if (roles >= 2) return true;
  return line.some((raw) => BANDS.has(key(raw)));
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
