/**
 * A criteria set as an editable sheet "Bộ tiêu chí": officials change thresholds, comparators, names and
 * years not evaluated, or add criteria; grading then uses the sheet. Reading it back checks every row with
 * zod and names the cell of each mistake.
 */
import { criteriaSetSchema, parseCriteriaSet } from "./schema";
import {
  comparatorOf,
  criterionOf,
  isBlank,
  kindOf,
  rowSchema,
  textOf,
  thresholdOf,
  yearsOf,
  type RowInput,
} from "./sheet-rows";
import { a1, fold, sheetCellProblem } from "../text";
import type {
  CriteriaGroup,
  CriteriaSet,
  Criterion,
  Grid,
  PlanCell,
  Problem,
  RawCell,
  Target,
} from "../types";

/** the sheet's name */
export const CRITERIA_SHEET = "Bộ tiêu chí";

/** true for a sheet named "Bộ tiêu chí" (compared without case and diacritics) */
export function isCriteriaSheet(name: string): boolean {
  return fold(name) === fold(CRITERIA_SHEET);
}

export const CRITERIA_SHEET_TITLE = "BỘ TIÊU CHÍ CHẤM ĐIỂM CHUYỂN ĐỔI SỐ CẤP XÃ";

/** the labels of the header block, left column */
const SET_FIELDS = { id: "Mã bộ tiêu chí", title: "Tên bộ tiêu chí", legalBasis: "Căn cứ" } as const;
type SetField = keyof typeof SET_FIELDS;
/** the optional row with the year the set was made for (see `CriteriaSet.year`) */
const SET_YEAR = "Năm của bộ tiêu chí";

export const CRITERIA_SHEET_HELP =
  "Sửa ngưỡng, phép so sánh, tên chỉ tiêu, năm không đánh giá hoặc thêm dòng chỉ tiêu mới ở cuối bảng. " +
  "Loại chỉ tiêu: Tỷ lệ % / Có-Không / Chưa rõ. So sánh: ≥ hoặc > (chỉ với Tỷ lệ %). " +
  "Yêu cầu: từ cần đạt với loại Có-Không (Có, Đáp ứng…), lý do với loại Chưa rõ. " +
  "Từ khóa và năm cách nhau bằng dấu ;. Khi tệp có trang này, add-in chấm theo trang này.";

const GROUP_HEADERS = ["Mã nhóm", "Tên nhóm"] as const;

/** the criteria table's columns, left to right, with the header each is found by */
const COLUMNS = {
  group: "Nhóm",
  id: "Mã",
  name: "Tên chỉ tiêu",
  keywords: "Từ khóa",
  unit: "Đơn vị",
  kind: "Loại chỉ tiêu",
  comparator: "So sánh",
  threshold: "Ngưỡng (%)",
  requirement: "Yêu cầu",
  years: "Năm không đánh giá",
  note: "Ghi chú",
} as const;
type Column = keyof typeof COLUMNS;
const COLUMN_KEYS = Object.keys(COLUMNS) as Column[];
const REQUIRED_COLUMNS: readonly Column[] = ["group", "id", "name", "kind"];

/** how the sheet words each kind of target */
export const KIND_LABELS: Readonly<Record<Target["kind"], string>> = {
  percent: "Tỷ lệ %",
  yes: "Có-Không",
  unknown: "Chưa rõ",
};

const COMPARATOR_LABELS = { ">=": "≥", ">": ">" } as const;

/** suggested widths in points, one per column of the criteria table */
export const CRITERIA_SHEET_COLUMN_WIDTHS: readonly number[] = [
  60, 50, 360, 200, 70, 90, 60, 70, 140, 110, 200,
];

// ---------------------------------------------------------------------------------------------
// writing

function criterionLine(c: Criterion): PlanCell[] {
  const t = c.target;
  return [
    c.group,
    c.id,
    c.name,
    c.keywords.join("; "),
    c.unit ?? null,
    KIND_LABELS[t.kind],
    t.kind === "percent" ? COMPARATOR_LABELS[t.comparator] : null,
    t.kind === "percent" ? t.threshold : null,
    t.kind === "yes" ? t.word : t.kind === "unknown" ? (t.note ?? null) : null,
    c.notEvaluatedIn.length > 0 ? c.notEvaluatedIn.join("; ") : null,
    c.note ?? null,
  ];
}

/**
 * The rows of the sheet "Bộ tiêu chí" for one set: a title, the set's id, title and legal basis, a help
 * line, the groups table (Mã nhóm | Tên nhóm), then the criteria table (Nhóm | Mã | Tên chỉ tiêu | Từ khóa |
 * Đơn vị | Loại chỉ tiêu | So sánh | Ngưỡng (%) | Yêu cầu | Năm không đánh giá | Ghi chú) last, so new
 * criteria go at the bottom. `criteriaSetFromGrid` reads it back to the same set.
 */
export function criteriaSetToGrid(set: CriteriaSet): PlanCell[][] {
  return [
    [CRITERIA_SHEET_TITLE],
    [SET_FIELDS.id, set.id],
    [SET_FIELDS.title, set.title],
    [SET_FIELDS.legalBasis, set.legalBasis],
    ...(set.year !== undefined ? [[SET_YEAR, set.year]] : []),
    ["Hướng dẫn", CRITERIA_SHEET_HELP],
    [],
    ["NHÓM TIÊU CHÍ"],
    [...GROUP_HEADERS],
    ...set.groups.map((g): PlanCell[] => [g.id, g.name]),
    [],
    ["DANH SÁCH CHỈ TIÊU"],
    COLUMN_KEYS.map((k) => COLUMNS[k]),
    ...set.criteria.map(criterionLine),
  ];
}

/**
 * What a host writes to create the sheet: rows padded to one width (strings are literal text, thresholds
 * numbers), bold rows (title, section titles, headers), suggested column widths in points.
 */
export function planCriteriaSheet(set: CriteriaSet): {
  sheet: string;
  values: PlanCell[][];
  boldRows: number[];
  columnWidths: readonly number[];
} {
  const width = COLUMN_KEYS.length;
  const values = criteriaSetToGrid(set).map((r) => [...r, ...Array<PlanCell>(width - r.length).fill(null)]);
  const groupHeader = values.findIndex((r) => r[0] === GROUP_HEADERS[0]);
  const boldRows = [
    0,
    groupHeader - 1,
    groupHeader,
    groupHeader + set.groups.length + 2,
    groupHeader + set.groups.length + 3,
  ];
  return { sheet: CRITERIA_SHEET, values, boldRows, columnWidths: CRITERIA_SHEET_COLUMN_WIDTHS };
}

// ---------------------------------------------------------------------------------------------
// reading

function headerKey(raw: RawCell): string {
  return fold(textOf(raw)).replace(/[:.]/g, "").trim();
}

const COLUMN_MATCH: Readonly<Record<Column, (key: string) => boolean>> = {
  group: (k) => k === "nhom" || k === "ma nhom",
  id: (k) => k === "ma" || k === "ma chi tieu",
  name: (k) => k.startsWith("ten chi tieu") || k.startsWith("ten tieu chi"),
  keywords: (k) => k.startsWith("tu khoa"),
  unit: (k) => k.startsWith("don vi"),
  kind: (k) => k.startsWith("loai chi tieu") || k.startsWith("loai"),
  comparator: (k) => k.startsWith("so sanh"),
  threshold: (k) => k.startsWith("nguong"),
  requirement: (k) => k.startsWith("yeu cau"),
  years: (k) => k.startsWith("nam khong danh gia"),
  note: (k) => k.startsWith("ghi chu"),
};

type ColumnMap = Partial<Record<Column, number>>;

function criteriaHeader(line: readonly RawCell[]): ColumnMap | null {
  const map: ColumnMap = {};
  line.forEach((raw, c) => {
    const key = headerKey(raw);
    if (key === "") return;
    const column = COLUMN_KEYS.find((k) => map[k] === undefined && COLUMN_MATCH[k](key));
    if (column) map[column] = c;
  });
  return map.id !== undefined && map.name !== undefined && map.kind !== undefined ? map : null;
}

/**
 * true when a grid is laid out as a criteria sheet: a "Mã bộ tiêu chí" line, the groups table's header
 * "Mã nhóm | Tên nhóm" or the criteria table's header (Mã, Tên chỉ tiêu, Loại chỉ tiêu) — what the add-in
 * writes and what a reviewing office fills in by hand after its model; an ordinary list has none of them
 */
export function hasCriteriaSheetLayout(grid: Grid): boolean {
  for (const line of grid.values) {
    const key = headerKey(line[0]);
    if (key === fold(SET_FIELDS.id)) return true;
    if (key === "ma nhom" && headerKey(line[1]) === "ten nhom") return true;
    if (criteriaHeader(line)) return true;
  }
  return false;
}

/** a mã typed as a number loses its trailing zero: 4.10 becomes 4.1 */
const NUMBER_ID_HINT = " (ô đang là số nên 4.10 thành 4.1: hãy gõ mã dạng văn bản, ví dụ '4.10)";

/** `Trang "Bộ tiêu chí", ô H14 (chỉ tiêu 2.4): "abc" — ngưỡng không phải là số` */
function problem(
  sheet: string,
  row: number,
  col: number,
  raw: RawCell,
  about: string,
  detail: string,
): Problem {
  return { code: "INVALID_CRITERIA_SET", ...sheetCellProblem(sheet, row, col, raw, about, detail) };
}

/**
 * Reads a "Bộ tiêu chí" sheet back into a criteria set. Tables are found by their headers, so rows may be
 * inserted above them; blank rows are skipped. Every mistake becomes a Problem naming the cell: threshold not
 * a number or outside 0–100, unknown group, duplicate ID, unknown kind, comparator or threshold missing for a
 * percentage, a year that is not a year, a missing name… The set is also checked by the criteria schema.
 * @example const r = criteriaSetFromGrid("Bộ tiêu chí", grid); if (r.ok) gradeWorkbook(sheets, { sets: [r.set], setId: r.set.id });
 */
export function criteriaSetFromGrid(
  sheetName: string,
  grid: Grid,
): { ok: true; set: CriteriaSet } | { ok: false; problems: Problem[] } {
  const values = grid.values;
  const problems: Problem[] = [];
  const fields: Partial<Record<SetField, { text: string; row: number; col: number }>> = {};
  let groupHeader = -1;
  let criteriaHeaderRow = -1;
  let columns: ColumnMap = {};
  let setYear: { raw: RawCell; row: number } | undefined;
  for (let r = 0; r < values.length && criteriaHeaderRow < 0; r++) {
    const line = values[r] ?? [];
    const key = headerKey(line[0]);
    const field = (Object.keys(SET_FIELDS) as SetField[]).find((f) => key === fold(SET_FIELDS[f]));
    if (field && fields[field] === undefined) fields[field] = { text: textOf(line[1]), row: r, col: 1 };
    else if (key === fold(SET_YEAR)) setYear ??= { raw: line[1], row: r };
    else if (groupHeader < 0 && key === "ma nhom" && headerKey(line[1]) === "ten nhom") groupHeader = r;
    else {
      const found = criteriaHeader(line);
      if (found) {
        criteriaHeaderRow = r;
        columns = found;
      }
    }
  }

  // the header block
  for (const f of Object.keys(SET_FIELDS) as SetField[]) {
    const found = fields[f];
    if (!found)
      problems.push({
        code: "INVALID_CRITERIA_SET",
        sheet: sheetName,
        message: `Trang "${sheetName}": thiếu dòng "${SET_FIELDS[f]}" (ô A: "${SET_FIELDS[f]}", ô B: giá trị)`,
      });
    else if (found.text === "")
      problems.push(
        problem(sheetName, found.row, found.col, null, SET_FIELDS[f], `thiếu ${SET_FIELDS[f].toLowerCase()}`),
      );
    else if (f === "id" && !/^[a-z0-9][a-z0-9-]*$/.test(found.text))
      problems.push(
        problem(
          sheetName,
          found.row,
          found.col,
          found.text,
          SET_FIELDS[f],
          "chỉ dùng chữ thường không dấu, số và dấu -",
        ),
      );
  }

  const year = setYear && !isBlank(setYear.raw) ? Number(textOf(setYear.raw)) : undefined;
  if (setYear && year !== undefined && !(Number.isInteger(year) && year >= 2000 && year <= 2100))
    problems.push(
      problem(sheetName, setYear.row, 1, textOf(setYear.raw), SET_YEAR, "ghi một năm, ví dụ 2023"),
    );

  // the groups table
  const groups: CriteriaGroup[] = [];
  if (groupHeader < 0)
    problems.push({
      code: "INVALID_CRITERIA_SET",
      sheet: sheetName,
      message: `Trang "${sheetName}": không thấy bảng nhóm (dòng tiêu đề "Mã nhóm | Tên nhóm")`,
    });
  else
    for (let r = groupHeader + 1; r < values.length && r !== criteriaHeaderRow; r++) {
      const line = values[r] ?? [];
      if (isBlank(line[0]) && isBlank(line[1])) break;
      const id = textOf(line[0]);
      const name = textOf(line[1]);
      if (id === "") problems.push(problem(sheetName, r, 0, line[0], "nhóm", "thiếu mã nhóm"));
      else if (name === "") problems.push(problem(sheetName, r, 1, line[1], `nhóm ${id}`, "thiếu tên nhóm"));
      else if (groups.some((g) => g.id === id))
        problems.push(problem(sheetName, r, 0, line[0], "nhóm", `mã nhóm trùng`));
      else groups.push({ id, name });
    }

  // the criteria table
  const criteria: Criterion[] = [];
  const rowOf: number[] = [];
  if (criteriaHeaderRow < 0)
    problems.push({
      code: "INVALID_CRITERIA_SET",
      sheet: sheetName,
      message: `Trang "${sheetName}": không thấy bảng chỉ tiêu (dòng tiêu đề có "Mã", "Tên chỉ tiêu", "Loại chỉ tiêu")`,
    });
  else {
    for (const c of REQUIRED_COLUMNS)
      if (columns[c] === undefined)
        problems.push({
          code: "INVALID_CRITERIA_SET",
          sheet: sheetName,
          cell: a1(criteriaHeaderRow, 0),
          message: `Trang "${sheetName}", dòng ${criteriaHeaderRow + 1}: thiếu cột "${COLUMNS[c]}"`,
        });
    const schema = rowSchema(new Set(groups.map((g) => g.id)));
    const seen = new Map<string, number>();
    for (let r = criteriaHeaderRow + 1; r < values.length; r++) {
      const line = values[r] ?? [];
      const formats = grid.formats?.[r] ?? [];
      const rawOf = (k: Column): RawCell => (columns[k] === undefined ? null : line[columns[k]]);
      if (COLUMN_KEYS.every((k) => isBlank(rawOf(k)))) continue;
      const input: RowInput = {
        group: textOf(rawOf("group")),
        id: textOf(rawOf("id")).replace(/\.$/, ""),
        name: textOf(rawOf("name")),
        keywords: textOf(rawOf("keywords"))
          .split(";")
          .map((k) => k.trim())
          .filter(Boolean),
        unit: textOf(rawOf("unit")),
        kind: kindOf(textOf(rawOf("kind"))),
        comparator: textOf(rawOf("comparator")) === "" ? "" : comparatorOf(textOf(rawOf("comparator"))),
        threshold: thresholdOf(
          rawOf("threshold"),
          columns.threshold === undefined ? null : formats[columns.threshold],
        ),
        requirement: textOf(rawOf("requirement")),
        years: yearsOf(rawOf("years")),
        note: textOf(rawOf("note")),
      };
      const about = input.id ? `chỉ tiêu ${input.id}` : `dòng ${r + 1}`;
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const column = issue.path[0] as Column;
          const col = columns[column] ?? 0;
          const raw =
            column === "years" && typeof issue.path[1] === "number"
              ? input.years[issue.path[1]]!
              : rawOf(column);
          problems.push(problem(sheetName, r, col, raw as RawCell, about, issue.message));
        }
        continue;
      }
      const first = seen.get(parsed.data.id);
      if (first !== undefined) {
        problems.push(
          problem(
            sheetName,
            r,
            columns.id ?? 0,
            rawOf("id"),
            about,
            `mã chỉ tiêu trùng với dòng ${first + 1}${typeof rawOf("id") === "number" ? NUMBER_ID_HINT : ""}`,
          ),
        );
        continue;
      }
      seen.set(parsed.data.id, r);
      criteria.push(criterionOf(parsed.data));
      rowOf.push(r);
    }
    if (criteria.length === 0 && problems.length === 0)
      problems.push({
        code: "INVALID_CRITERIA_SET",
        sheet: sheetName,
        message: `Trang "${sheetName}": bảng chỉ tiêu không có dòng nào`,
      });
  }
  if (problems.length > 0) return { ok: false, problems };

  const set: CriteriaSet = {
    id: fields.id!.text,
    title: fields.title!.text,
    legalBasis: fields.legalBasis!.text,
    ...(year !== undefined ? { year } : {}),
    groups,
    criteria,
  };
  // the schema every criteria set passes; its issues are placed on the row they come from
  const checked = criteriaSetSchema().safeParse(set);
  if (!checked.success) {
    const texts = parseCriteriaSet(set);
    const errors = texts.ok ? [] : texts.errors;
    checked.error.issues.forEach((issue, i) => {
      const detail = errors[i] ?? issue.message;
      const index = issue.path[0] === "criteria" && typeof issue.path[1] === "number" ? issue.path[1] : -1;
      const r = index >= 0 ? rowOf[index] : undefined;
      problems.push({
        code: "INVALID_CRITERIA_SET",
        sheet: sheetName,
        ...(r !== undefined ? { cell: a1(r, 0) } : {}),
        message: `Trang "${sheetName}"${r !== undefined ? `, dòng ${r + 1}` : ""}: ${detail}`,
      });
    });
    return { ok: false, problems };
  }
  return { ok: true, set: checked.data as CriteriaSet };
}
