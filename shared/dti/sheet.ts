/**
 * An index set as an editable sheet "Bộ chỉ số": the reviewing office fills it by hand or by pasting a decision's
 * table as it is (STT | Chỉ số/Chỉ số thành phần | Điểm tối đa | Cách xác định và tính điểm | …, a rule spread
 * over sub-rows whose other cells are empty or merged). Reading it back checks every row with zod and the whole
 * set with the set schema, and names the cell of each mistake; a column shows how each rule was understood.
 */
import { z } from "zod";
import { a1, clip, fold } from "../text";
import type { Grid, PlanCell, RawCell } from "../types";
import { parseViNumber } from "../values/numbers";
import {
  DEFAULT_SETTINGS,
  NATURE_LABELS,
  SETTING_KEYS,
  SETTING_WORDS,
  describeSettings,
  settingValueText,
} from "./labels";
import { describeRule } from "./rules";
import { checkIndexSet, indexSetWarnings, type IndexSetJson } from "./schema";
import type { Band, BandBound, IndexSet, IndexSettings, SetNature, SettingKey } from "./types";

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
const SET_FIELDS = {
  id: "Mã bộ chỉ số",
  title: "Tên bộ chỉ số",
  nature: "Tính chất",
  legalBasis: "Căn cứ",
  maxPoints: "Tổng điểm tối đa",
  note: "Ghi chú",
} as const;
type SetField = keyof typeof SET_FIELDS;
const REQUIRED_FIELDS: readonly SetField[] = ["id", "title", "nature"];

const SETTINGS_HEADER = ["Thiết lập", "Giá trị", "Nguồn", "Ý nghĩa"] as const;
const SOURCE_DEFAULT = "Mặc định (văn bản không nêu)";
const SOURCE_STATED = "Theo bộ chỉ số";
const FIGURES_HEADER = ["Mã số liệu", "Tên số liệu (Phần A)", "Từ khóa"] as const;
const BANDS_HEADER = ["Xếp loại", "Cận dưới", "Cận trên"] as const;

/** the index table's columns, left to right, as the sheet writes them */
const COLUMNS = {
  stt: "STT",
  name: "Chỉ số/Chỉ số thành phần",
  maxPoints: "Điểm tối đa",
  rule: "Cách xác định và tính điểm",
  understood: "Cách hiểu (add-in ghi)",
  evidence: "Tài liệu kiểm chứng",
  note: "Ghi chú",
} as const;
type Column = keyof typeof COLUMNS;
const COLUMN_KEYS = Object.keys(COLUMNS) as Column[];
const REQUIRED_COLUMNS: readonly Column[] = ["stt", "name", "maxPoints", "rule"];

/** how a header cell names each column of a decision's table (folded, `:` and `.` removed) */
const COLUMN_MATCH: Readonly<Record<Column, (key: string) => boolean>> = {
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

// ---------------------------------------------------------------------------------------------
// writing

function boundText(b: BandBound | null, side: "lower" | "upper"): string | null {
  if (!b) return null;
  const sign = side === "lower" ? (b.strict ? ">" : "≥") : b.strict ? "<" : "≤";
  return `${sign} ${String(b.percent).replace(".", ",")}%`;
}

/**
 * The rows of the sheet "Bộ chỉ số" for one set: a title; the set's id, title, nature, legal basis, total maximum,
 * note and help; the settings (value, whether it is the default, what it means); the Part A figures; the bands;
 * then the index table last (STT | Chỉ số/Chỉ số thành phần | Điểm tối đa | Cách xác định và tính điểm | Cách hiểu
 * | Tài liệu kiểm chứng | Ghi chú), so rows are added at the bottom. `indexSetFromGrid` reads it back.
 */
export function indexSetToGrid(set: IndexSet): PlanCell[][] {
  const settingsLines = describeSettings(set);
  return [
    [INDEX_SHEET_TITLE],
    [SET_FIELDS.id, set.id],
    [SET_FIELDS.title, set.title],
    [SET_FIELDS.nature, NATURE_LABELS[set.nature]],
    [SET_FIELDS.legalBasis, set.legalBasis],
    [SET_FIELDS.maxPoints, set.maxPoints],
    [SET_FIELDS.note, set.note ?? null],
    ["Hướng dẫn", INDEX_SHEET_HELP],
    [],
    ["THIẾT LẬP (điều văn bản không nêu: giá trị an toàn nếu để mặc định)"],
    [...SETTINGS_HEADER],
    ...SETTING_KEYS.map((k, i): PlanCell[] => [
      SETTING_WORDS[k].label,
      k === "decimals" ? set.settings.decimals : settingValueText(k, set.settings[k]),
      set.defaults.includes(k) ? SOURCE_DEFAULT : SOURCE_STATED,
      settingsLines[i]!.split(" — ")[1]!.replace(/ \(mặc định, văn bản không nêu\)$/, ""),
    ]),
    [],
    ["SỐ LIỆU CHUNG (PHẦN A: THÔNG TIN CHUNG)"],
    [...FIGURES_HEADER],
    ...set.figures.map((f): PlanCell[] => [f.id, f.name, f.keywords.join("; ")]),
    [],
    ["XẾP LOẠI (theo % điểm tối đa; để trống nếu bộ chỉ số không xếp loại)"],
    [...BANDS_HEADER],
    ...set.bands.map((b): PlanCell[] => [b.name, boundText(b.lower, "lower"), boundText(b.upper, "upper")]),
    [],
    ["DANH SÁCH CHỈ SỐ"],
    COLUMN_KEYS.map((k) => COLUMNS[k]),
    ...set.groups.flatMap((g): PlanCell[][] => [
      [g.id, g.name, g.maxPoints],
      ...set.indices.filter((ix) => ix.group === g.id).flatMap((ix) => indexLines(set, ix.id)),
    ]),
    ...set.indices.filter((ix) => ix.group === null).flatMap((ix) => indexLines(set, ix.id)),
  ];
}

function indexLines(set: IndexSet, id: string): PlanCell[][] {
  const ix = set.indices.find((i) => i.id === id)!;
  return [
    [ix.id, ix.name, ix.maxPoints],
    ...set.components
      .filter((c) => c.index === id)
      .map((c): PlanCell[] => [
        c.id,
        c.name,
        c.maxPoints,
        c.ruleText,
        describeRule(c.rule, c.maxPoints),
        c.evidence ?? null,
        c.note ?? null,
      ]),
  ];
}

/**
 * What a host writes to create the sheet: rows padded to one width (strings are literal text, maxima numbers),
 * bold rows (title, section titles, headers, group and main-index rows), suggested column widths in points.
 */
export function planIndexSheet(set: IndexSet): {
  sheet: string;
  values: PlanCell[][];
  boldRows: number[];
  columnWidths: readonly number[];
} {
  const width = COLUMN_KEYS.length;
  const grid = indexSetToGrid(set);
  const values = grid.map((r) => [...r, ...Array<PlanCell>(width - r.length).fill(null)]);
  const boldRows: number[] = [0];
  let inTable = false;
  grid.forEach((r, i) => {
    const first = typeof r[0] === "string" ? r[0] : "";
    if (r.length === 1 && first === first.toUpperCase() && first !== "") boldRows.push(i);
    else if ([SETTINGS_HEADER[0], FIGURES_HEADER[0], BANDS_HEADER[0], COLUMNS.stt].includes(first as never)) {
      boldRows.push(i);
      inTable = first === COLUMNS.stt;
    } else if (inTable && /^(?:[IVX]+|\d+)$/.test(first)) boldRows.push(i);
  });
  return {
    sheet: INDEX_SHEET,
    values,
    boldRows: [...new Set(boldRows)],
    columnWidths: INDEX_SHEET_COLUMN_WIDTHS,
  };
}

// ---------------------------------------------------------------------------------------------
// reading

/** a problem of the sheet: a Vietnamese message naming the sheet, the cell and the value */
export interface IndexSheetProblem {
  readonly code: "INVALID_INDEX_SET";
  readonly sheet: string;
  readonly cell?: string;
  readonly value?: string;
  readonly message: string;
}

function isBlank(raw: RawCell): boolean {
  return raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "");
}

/** a cell as text: numbers as JavaScript writes them (`1.1`), errors as their code */
function textOf(raw: RawCell): string {
  if (raw === null || raw === undefined) return "";
  if (typeof raw === "string") return raw.trim();
  if (typeof raw === "number") return String(raw);
  if (typeof raw === "boolean") return raw ? "TRUE" : "FALSE";
  if (raw instanceof Date) return raw.toISOString().slice(0, 10);
  return raw.error;
}

function keyOf(raw: RawCell): string {
  return fold(textOf(raw)).replace(/[:.]/g, "").trim();
}

function problem(
  sheet: string,
  row: number,
  col: number,
  raw: RawCell,
  about: string,
  detail: string,
): IndexSheetProblem {
  const cell = a1(row, col);
  const value = textOf(raw);
  const shown = value === "" ? "ô trống" : `"${clip(value)}"`;
  return {
    code: "INVALID_INDEX_SET",
    sheet,
    cell,
    value,
    message: `Trang "${sheet}", ô ${cell}${about ? ` (${about})` : ""}: ${shown} — ${detail}`,
  };
}

function sheetProblem(sheet: string, message: string, cell?: string): IndexSheetProblem {
  return {
    code: "INVALID_INDEX_SET",
    sheet,
    ...(cell !== undefined ? { cell } : {}),
    message: `Trang "${sheet}"${cell ? `, ô ${cell}` : ""}: ${message}`,
  };
}

/** a points cell: a number, `20`, `20 điểm`; blank → null; the text when it is not a number */
function pointsOf(raw: RawCell): number | null | string {
  if (isBlank(raw)) return null;
  if (typeof raw === "number") return raw;
  const t = textOf(raw)
    .replace(/\s*(?:điểm|diem|đ)\.?$/iu, "")
    .trim();
  const n = parseViNumber(t);
  return n ?? textOf(raw);
}

function natureOf(text: string): SetNature | string {
  const k = fold(text);
  const exact = (Object.keys(NATURE_LABELS) as SetNature[]).find((n) => fold(NATURE_LABELS[n]) === k);
  if (exact) return exact;
  if (k === "official" || k === "example" || k === "partial") return k;
  if (/\bmau\b/.test(k)) return "example";
  if (k.includes("chua day du") || k.includes("mot phan") || k.includes("phan da biet")) return "partial";
  if (k.includes("chinh thuc") && !k.includes("khong phai")) return "official";
  return text;
}

function settingOf(key: SettingKey, raw: RawCell): IndexSettings[SettingKey] | string {
  if (key === "decimals") {
    const n = pointsOf(raw);
    return typeof n === "number" ? n : textOf(raw);
  }
  const values = (SETTING_WORDS[key] as { values: Record<string, string> }).values;
  const k = fold(textOf(raw));
  const found = Object.entries(values).find(([code, words]) => fold(words) === k || fold(code) === k);
  return found ? (found[0] as IndexSettings[SettingKey]) : textOf(raw);
}

/** a band bound cell (`≥ 90%`, `> 75`, `< 90%`, `≤ 25%`) with the side its sign puts it on; the text otherwise */
function boundOf(raw: RawCell): { bound: BandBound; side: "lower" | "upper" } | null | string {
  if (isBlank(raw)) return null;
  const t = textOf(raw).replace(/\s+/g, "");
  const m = /^(>=|=>|≥|>|<=|=<|≤|<)(\d+(?:[.,]\d+)?)%?$/.exec(t);
  if (!m) return textOf(raw);
  const sign = m[1]!;
  return {
    bound: { percent: Number(m[2]!.replace(",", ".")), strict: sign === ">" || sign === "<" },
    side: /[<≤]/.test(sign) ? "upper" : "lower",
  };
}

const ROMAN = /^(?:X{0,3})(?:IX|IV|V?I{0,3})$/;
const LETTER_ROW = /^\(?[a-hA-H1-9]\)?$/;

type Level = "group" | "index" | "component";

/** where each set item came from, to place the set schema's issues on cells */
interface Origin {
  readonly row: number;
  readonly cols: Partial<Record<string, number>>;
}

/**
 * Reads a "Bộ chỉ số" sheet back into an index set. Sections are found by their headers (rows may be inserted
 * above them); a decision's table pasted as it is reads too: a two-row header ("QUY CHUẨN ĐÁNH GIÁ" over "Điểm
 * tối đa | Cách xác định…"), the letter row (a b c d), repeated headers, a rule spread over sub-rows, Excel's
 * 1.10 turned into 1.1 after 1.9. Every mistake is a problem naming the cell; the set schema's checks (maxima that
 * do not add up, duplicate ids …) are placed on the row they come from.
 * @example const r = indexSetFromGrid("Bộ chỉ số", grid); if (r.ok) use(r.set); else show(r.problems);
 */
export function indexSetFromGrid(
  sheetName: string,
  grid: Grid,
): { ok: true; set: IndexSet; warnings: string[] } | { ok: false; problems: IndexSheetProblem[] } {
  const values = grid.values;
  const problems: IndexSheetProblem[] = [];
  const line = (r: number): readonly RawCell[] => values[r] ?? [];
  const fields: Partial<Record<SetField, { raw: RawCell; row: number }>> = {};
  const settingRows: Partial<Record<SettingKey, number>> = {};
  let figuresHeader = -1;
  let bandsHeader = -1;
  let tableHeader = -1;
  let tableLast = -1;
  let columns: Partial<Record<Column, number>> = {};

  for (let r = 0; r < values.length && tableHeader < 0; r++) {
    const row = line(r);
    const key = keyOf(row[0]);
    const field = (Object.keys(SET_FIELDS) as SetField[]).find((f) => key === fold(SET_FIELDS[f]));
    const setting = SETTING_KEYS.find((k) => key === fold(SETTING_WORDS[k].label).replace(/[:.]/g, ""));
    if (field && fields[field] === undefined) fields[field] = { raw: row[1], row: r };
    else if (setting && settingRows[setting] === undefined) settingRows[setting] = r;
    else if (figuresHeader < 0 && key === fold(FIGURES_HEADER[0])) figuresHeader = r;
    else if (bandsHeader < 0 && key === fold(BANDS_HEADER[0]) && keyOf(row[1]) === fold(BANDS_HEADER[1]))
      bandsHeader = r;
    else {
      const found = tableColumns(row, line(r + 1));
      if (found) {
        tableHeader = r;
        tableLast = found.twoRows ? r + 1 : r;
        columns = found.columns;
      }
    }
  }

  // the header block
  for (const f of REQUIRED_FIELDS)
    if (!fields[f] || isBlank(fields[f].raw))
      problems.push(
        fields[f]
          ? problem(
              sheetName,
              fields[f].row,
              1,
              fields[f].raw,
              SET_FIELDS[f],
              `thiếu ${SET_FIELDS[f].toLowerCase()}`,
            )
          : sheetProblem(sheetName, `thiếu dòng "${SET_FIELDS[f]}" (ô A: "${SET_FIELDS[f]}", ô B: giá trị)`),
      );
  const idText = textOf(fields.id?.raw);
  if (fields.id && idText !== "" && !/^[a-z0-9][a-z0-9-]*$/.test(idText))
    problems.push(
      problem(
        sheetName,
        fields.id.row,
        1,
        fields.id.raw,
        SET_FIELDS.id,
        "chỉ dùng chữ thường không dấu, số và dấu -",
      ),
    );
  const nature = fields.nature ? natureOf(textOf(fields.nature.raw)) : "official";
  if (fields.nature && !isBlank(fields.nature.raw) && !(nature in NATURE_LABELS))
    problems.push(
      problem(
        sheetName,
        fields.nature.row,
        1,
        fields.nature.raw,
        SET_FIELDS.nature,
        `phải là một trong: ${Object.values(NATURE_LABELS).join("; ")}`,
      ),
    );
  const total = fields.maxPoints ? pointsOf(fields.maxPoints.raw) : null;
  if (typeof total === "string")
    problems.push(
      problem(
        sheetName,
        fields.maxPoints!.row,
        1,
        fields.maxPoints!.raw,
        SET_FIELDS.maxPoints,
        "không phải là số",
      ),
    );

  // settings: a value, and whether it is the default
  const settings: Partial<Record<SettingKey, unknown>> = {};
  for (const k of SETTING_KEYS) {
    const r = settingRows[k];
    if (r === undefined) continue;
    const raw = line(r)[1];
    if (isBlank(raw)) continue;
    const value = settingOf(k, raw);
    const valid =
      k === "decimals"
        ? typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 6
        : typeof value === "string" && value in (SETTING_WORDS[k] as { values: object }).values;
    if (!valid) {
      const expected =
        k === "decimals"
          ? "phải là số nguyên từ 0 đến 6"
          : `phải là một trong: ${Object.values((SETTING_WORDS[k] as { values: Record<string, string> }).values).join("; ")}`;
      problems.push(problem(sheetName, r, 1, raw, SETTING_WORDS[k].label, expected));
      continue;
    }
    const isDefault = fold(textOf(line(r)[2])).startsWith("mac dinh") && value === DEFAULT_SETTINGS[k];
    if (!isDefault) settings[k] = value;
  }

  // Part A figures
  const figures: { id: string; name: string; keywords: string[] }[] = [];
  const figureRows: number[] = [];
  if (figuresHeader >= 0)
    for (let r = figuresHeader + 1; r < values.length && r !== tableHeader; r++) {
      const row = line(r);
      if (isBlank(row[0]) && isBlank(row[1])) break;
      const id = textOf(row[0]);
      const name = textOf(row[1]);
      if (!/^[a-z0-9][a-z0-9-]*$/.test(id))
        problems.push(
          problem(
            sheetName,
            r,
            0,
            row[0],
            "số liệu chung",
            "mã số liệu chỉ dùng chữ thường không dấu, số và dấu -",
          ),
        );
      else if (name === "")
        problems.push(problem(sheetName, r, 1, row[1], `số liệu ${id}`, "thiếu tên số liệu"));
      else {
        figures.push({
          id,
          name,
          keywords: textOf(row[2])
            .split(";")
            .map((k) => k.trim())
            .filter(Boolean),
        });
        figureRows.push(r);
      }
    }

  // bands
  const bands: Band[] = [];
  const bandRows: number[] = [];
  if (bandsHeader >= 0)
    for (let r = bandsHeader + 1; r < values.length && r !== tableHeader; r++) {
      const row = line(r);
      if (isBlank(row[0]) && isBlank(row[1]) && isBlank(row[2])) break;
      const name = textOf(row[0]);
      const about = name ? `xếp loại ${name}` : "xếp loại";
      let bad = name === "";
      if (bad) problems.push(problem(sheetName, r, 0, row[0], about, "thiếu tên xếp loại"));
      const read = (col: 1 | 2, side: "lower" | "upper"): BandBound | null => {
        const b = boundOf(row[col]);
        const example = side === "lower" ? "≥ 90% hoặc > 75%" : "< 90% hoặc ≤ 75%";
        if (b === null) return null;
        if (typeof b === "string" || b.side !== side) {
          problems.push(
            problem(sheetName, r, col, row[col], about, `ghi dấu và phần trăm, ví dụ ${example}`),
          );
          bad = true;
          return null;
        }
        return b.bound;
      };
      const lower = read(1, "lower");
      const upper = read(2, "upper");
      if (!bad) {
        bands.push({ name, lower, upper });
        bandRows.push(r);
      }
    }

  // the index table
  const groups: { id: string; name: string; maxPoints: number | null }[] = [];
  const indices: { id: string; group: string | null; name: string; maxPoints: number | null }[] = [];
  const components: {
    id: string;
    index: string;
    name: string | null;
    maxPoints: number | null;
    ruleText: string | null;
    evidence?: string;
    note?: string;
  }[] = [];
  const origins: Record<"groups" | "indices" | "components", Origin[]> = {
    groups: [],
    indices: [],
    components: [],
  };
  const ruleParts: string[][] = [];
  const evidenceParts: string[][] = [];
  if (tableHeader < 0)
    problems.push(
      sheetProblem(
        sheetName,
        'không thấy bảng chỉ số (dòng tiêu đề có "STT", "Chỉ số/Chỉ số thành phần", "Điểm tối đa", "Cách xác định và tính điểm")',
      ),
    );
  else {
    const cell = (row: readonly RawCell[], k: Column): RawCell =>
      columns[k] === undefined ? null : row[columns[k]];
    const col = (k: Column): number => columns[k] ?? 0;
    let group: string | null = null;
    let index: string | null = null;
    let current = -1;
    for (let r = tableLast + 1; r < values.length; r++) {
      const row = line(r);
      const filled = REQUIRED_COLUMNS.filter((k) => !isBlank(cell(row, k)));
      if (filled.length === 0 && isBlank(cell(row, "evidence")) && isBlank(cell(row, "note"))) continue;
      const texts = row.filter((c) => !isBlank(c)).map(textOf);
      if (texts.length >= 3 && texts.every((t) => LETTER_ROW.test(t))) continue;
      if (tableColumns(row, line(r + 1))) {
        if (tableColumns(row, line(r + 1))!.twoRows) r++;
        continue;
      }
      const sttRaw = cell(row, "stt");
      const stt = textOf(sttRaw).replace(/\.$/, "").replace(/,/g, ".");
      if (stt === "") {
        const ruleRaw = cell(row, "rule");
        if (isBlank(cell(row, "name")) && isBlank(cell(row, "maxPoints")) && current >= 0) {
          if (!isBlank(ruleRaw)) ruleParts[current]!.push(textOf(ruleRaw));
          if (!isBlank(cell(row, "evidence"))) evidenceParts[current]!.push(textOf(cell(row, "evidence")));
          continue;
        }
        const [first] = filled;
        problems.push(
          problem(
            sheetName,
            r,
            col("stt"),
            sttRaw,
            `dòng ${r + 1}`,
            current < 0 && first === "rule"
              ? "cách tính điểm không thuộc chỉ số thành phần nào"
              : "thiếu STT (I, II… cho nhóm; 1, 2… cho chỉ số; 1.1, 1.2… cho chỉ số thành phần)",
          ),
        );
        continue;
      }
      if (/^[A-H]$/.test(stt) && !ROMAN.test(stt)) continue; // a part's heading: "A. Thông tin chung"
      const level: Level | null = ROMAN.test(stt)
        ? "group"
        : /^\d+$/.test(stt)
          ? "index"
          : /^\d+\.\d+$/.test(stt)
            ? "component"
            : null;
      const about = `STT ${stt}`;
      if (level === null) {
        problems.push(
          problem(
            sheetName,
            r,
            col("stt"),
            sttRaw,
            "",
            /^\d+(\.\d+){2,}$/.test(stt)
              ? "bộ chỉ số chỉ có nhóm, chỉ số và chỉ số thành phần (1.1); chưa hỗ trợ cấp 1.1.1"
              : "STT phải là I, II… (nhóm), 1, 2… (chỉ số) hoặc 1.1, 1.2… (chỉ số thành phần)",
          ),
        );
        current = -1;
        continue;
      }
      const name = textOf(cell(row, "name"));
      const max = pointsOf(cell(row, "maxPoints"));
      const rowSchema = level === "component" ? componentRowSchema : headRowSchema;
      const parsed = rowSchema.safeParse({
        name,
        maxPoints: max,
        rule: level === "component" ? "" : textOf(cell(row, "rule")),
      });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const k = issue.path[0] as "name" | "maxPoints" | "rule";
          problems.push(problem(sheetName, r, col(k), cell(row, k), about, issue.message));
        }
        current = -1;
        if (level !== "component") {
          if (level === "group") group = stt;
          else index = stt;
        }
        continue;
      }
      const maxPoints = typeof max === "number" ? max : null;
      const cols = { id: col("stt"), name: col("name"), maxPoints: col("maxPoints"), ruleText: col("rule") };
      if (level === "group") {
        group = stt;
        index = null;
        current = -1;
        groups.push({ id: stt, name, maxPoints });
        origins.groups.push({ row: r, cols });
      } else if (level === "index") {
        index = stt;
        current = -1;
        indices.push({ id: stt, group, name, maxPoints });
        origins.indices.push({ row: r, cols: { ...cols, group: col("stt") } });
      } else {
        if (index === null) {
          problems.push(
            problem(
              sheetName,
              r,
              col("stt"),
              sttRaw,
              about,
              "chỉ số thành phần không nằm dưới dòng chỉ số nào (1, 2…)",
            ),
          );
          current = -1;
          continue;
        }
        const id = componentId(stt, sttRaw, index, components);
        components.push({ id, index, name: name === "" ? null : name, maxPoints, ruleText: null });
        origins.components.push({
          row: r,
          cols: { ...cols, index: col("stt"), evidence: col("evidence"), note: col("note") },
        });
        current = components.length - 1;
        ruleParts[current] = isBlank(cell(row, "rule")) ? [] : [textOf(cell(row, "rule"))];
        evidenceParts[current] = isBlank(cell(row, "evidence")) ? [] : [textOf(cell(row, "evidence"))];
        const note = textOf(cell(row, "note"));
        if (note) components[current]!.note = note;
      }
    }
    components.forEach((c, i) => {
      c.ruleText = ruleParts[i]!.length > 0 ? ruleParts[i]!.join("\n") : null;
      if (evidenceParts[i]!.length > 0) c.evidence = evidenceParts[i]!.join("\n");
    });
    if (components.length === 0 && problems.length === 0)
      problems.push(sheetProblem(sheetName, "bảng chỉ số không có chỉ số thành phần nào (STT 1.1, 1.2…)"));
    if (indices.length === 0 && components.length > 0 && problems.length === 0)
      problems.push(sheetProblem(sheetName, "bảng chỉ số không có dòng chỉ số nào (STT 1, 2…)"));
  }
  if (problems.length > 0) return { ok: false, problems };

  const json: IndexSetJson = {
    id: idText,
    title: textOf(fields.title!.raw),
    nature: nature as SetNature,
    legalBasis: textOf(fields.legalBasis?.raw) || null,
    maxPoints: typeof total === "number" ? total : null,
    settings: settings as IndexSetJson["settings"],
    figures,
    bands,
    groups,
    indices,
    components,
    ...(textOf(fields.note?.raw) ? { note: textOf(fields.note?.raw) } : {}),
  };
  const { set, issues } = checkIndexSet(json);
  if (set) return { ok: true, set, warnings: indexSetWarnings(set) };
  for (const issue of issues) {
    const [list, i, field] = issue.path;
    const origin =
      (list === "groups" || list === "indices" || list === "components") && typeof i === "number"
        ? origins[list][i]
        : list === "figures" && typeof i === "number"
          ? { row: figureRows[i]!, cols: { id: 0, name: 1, keywords: 2 } as Partial<Record<string, number>> }
          : list === "bands" && typeof i === "number"
            ? { row: bandRows[i]!, cols: { name: 0, lower: 1, upper: 2 } as Partial<Record<string, number>> }
            : undefined;
    const fieldRow =
      list === "maxPoints"
        ? fields.maxPoints?.row
        : list === "bands" && i === undefined
          ? bandsHeader
          : undefined;
    const place =
      origin !== undefined
        ? a1(origin.row, origin.cols[typeof field === "string" ? field : "id"] ?? 0)
        : fieldRow !== undefined
          ? a1(fieldRow, list === "maxPoints" ? 1 : 0)
          : undefined;
    problems.push(sheetProblem(sheetName, issue.text, place));
  }
  return { ok: false, problems };
}

/** the checks of a group or main-index row, and of a component row; messages say what, the caller adds where */
const headRowSchema = z.object({
  name: z.string().min(1, "thiếu tên"),
  maxPoints: z.union([z.number().min(0, "điểm tối đa không được âm"), z.null()], {
    error: "điểm tối đa không phải là số",
  }),
  rule: z.literal("", { error: "cách tính điểm chỉ ghi ở dòng chỉ số thành phần (1.1, 1.2…)" }),
});
const componentRowSchema = z.object({
  name: z.string(),
  maxPoints: z.union([z.number().min(0, "điểm tối đa không được âm"), z.null()], {
    error: "điểm tối đa không phải là số",
  }),
  rule: z.string(),
});

/** a component's id: `1.1` as written; a number 1.1 right after 1.9 is Excel's 1.10 */
function componentId(
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
function tableColumns(
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
