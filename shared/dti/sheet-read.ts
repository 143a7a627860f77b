/**
 * Reading a "Bộ chỉ số" sheet back into an index set: the header block, the settings, Part A's figures, the bands,
 * then the index table (sheet-table.ts); the whole set checked by the set schema, each mistake on its cell.
 */
import { a1, fold } from "../text";
import type { Grid, RawCell } from "../types";
import { DEFAULT_SETTINGS, NATURE_LABELS, SETTING_KEYS, SETTING_WORDS } from "./labels";
import { checkIndexSet, indexSetWarnings, type IndexSetJson } from "./schema";
import {
  BANDS_HEADER,
  FIGURES_HEADER,
  REQUIRED_FIELDS,
  SET_FIELDS,
  isBlank,
  keyOf,
  pointsOf,
  problem,
  sheetProblem,
  tableColumns,
  textOf,
  type Column,
  type IndexSheetProblem,
  type SetField,
} from "./sheet-cells";
import { readIndexTable } from "./sheet-table";
import type { Band, BandBound, IndexSet, IndexSettings, SetNature, SettingKey } from "./types";

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

  const { groups, indices, components, origins } = readIndexTable(
    sheetName,
    values,
    tableHeader,
    tableLast,
    columns,
    problems,
  );
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
