/**
 * An index set as an editable sheet "Bộ chỉ số": the reviewing office fills it by hand or by pasting a decision's
 * table as it is (STT | Chỉ số/Chỉ số thành phần | Điểm tối đa | Cách xác định và tính điểm | …, a rule spread
 * over sub-rows whose other cells are empty or merged). This file writes it; sheet-read.ts reads it back, checking
 * every row with zod and the whole set with the set schema and naming the cell of each mistake; a column shows
 * how each rule was understood.
 */
import type { PlanCell } from "../types";
import { NATURE_LABELS, SETTING_KEYS, SETTING_WORDS, describeSettings, settingValueText } from "./labels";
import { describeRule } from "./describe";
import {
  BANDS_HEADER,
  COLUMNS,
  COLUMN_KEYS,
  FIGURES_HEADER,
  INDEX_SHEET,
  INDEX_SHEET_COLUMN_WIDTHS,
  INDEX_SHEET_HELP,
  INDEX_SHEET_TITLE,
  SETTINGS_HEADER,
  SET_FIELDS,
  SOURCE_DEFAULT,
  SOURCE_STATED,
} from "./sheet-cells";
import type { BandBound, IndexSet } from "./types";

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
