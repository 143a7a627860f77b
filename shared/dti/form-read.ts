/**
 * A commune's self-assessment form read as it is: the header (form-header.ts), Part A's figures and the
 * commune above it, then group / main index / component rows with the self-score, the rule text and the
 * explanation, sub-rows joined to the component above, repeated headers and letter rows skipped, the total row.
 */
import { OWN_HEADER_PREFIX } from "../labels";
import { communeInText, detectCommune } from "../report/commune";
import { a1, fold } from "../text";
import type { CommuneName, Grid, RawCell } from "../types";
import { parseViNumber } from "../values/numbers";
import { findFormHeader, isFormHeaderRow, isLetterRow, type FormHeader } from "./form-header";
import type { PartAValues } from "./points";
import { figureNamed } from "./rules";
import { PART_A_FIGURES } from "./sets";
import { ROMAN, componentId, textOf } from "./sheet-cells";
import type { PartAFigure } from "./types";

export type FormLevel = "group" | "index" | "component" | "total";

/** one row of the form's table (with the sub-rows below it that carry no STT) */
export interface FormLine {
  readonly level: FormLevel;
  /** 0-based row of the line's own row */
  readonly row: number;
  /** `I`, `1`, `1.1`; empty for the total */
  readonly id: string;
  readonly name: string;
  /** the group of a main index, the main index of a component */
  readonly parent: string | null;
  /** the maximum as written; null when blank or not a number */
  readonly maxPoints: number | null;
  /** the self-score cell (the first filled one of the line and its sub-rows) and where it is */
  readonly self: RawCell;
  readonly selfRow: number;
  /** the rule text of the form (sub-rows joined by line breaks); null when none */
  readonly ruleText: string | null;
  /** the explanation columns of the line and its sub-rows, joined */
  readonly explanation: string;
  /** 0-based last row of the line with its sub-rows */
  readonly lastRow: number;
}

/** a Part A figure found above the table */
export interface FormFigure {
  readonly id: string;
  /** the row's words as written */
  readonly label: string;
  /** null when the row names the figure but gives no number */
  readonly value: number | null;
  /** A1 of the cell the number came from (or of the label) */
  readonly cell: string;
}

export interface CommuneForm {
  readonly header: FormHeader;
  readonly lines: readonly FormLine[];
  readonly partA: readonly FormFigure[];
  /** figure id → number, for the check */
  readonly partAValues: PartAValues;
  readonly commune: CommuneName;
  /** `Kỳ báo cáo: Năm 2023`; null when not written */
  readonly year: number | null;
  /** 0-based last row of the table */
  readonly lastRow: number;
  /** 0-based first column of the add-in's own columns (earlier ones reused) */
  readonly ownColumn: number;
}

/** the words of a total row, folded */
const TOTAL_WORDS = ["tong cong", "tong diem", "tong so diem", "tong", "cong", "tong diem tu cham"];

function blank(raw: RawCell): boolean {
  return raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "");
}

function numberOf(raw: RawCell): number | null {
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== "string") return null;
  const t = raw
    .trim()
    .replace(/\s*(?:điểm|diem|đ)\.?$/iu, "")
    .trim();
  return t === "" ? null : parseViNumber(t);
}

/** the first number written in a text (`21 người`, `: 15.763`) */
function firstNumberIn(text: string): number | null {
  const m = /\d[\d.,]*/.exec(text);
  return m ? parseViNumber(m[0].replace(/[.,]$/, "")) : null;
}

function partAOf(values: Grid["values"], above: number, figures: readonly PartAFigure[]): FormFigure[] {
  const found: FormFigure[] = [];
  const seen = new Set<string>();
  for (let r = 0; r < above; r++) {
    const line = values[r] ?? [];
    for (let c = 0; c < line.length; c++) {
      const raw = line[c];
      if (typeof raw !== "string" || raw.trim() === "") continue;
      const colon = raw.indexOf(":");
      const label = colon >= 0 ? raw.slice(0, colon) : raw;
      if (!/tong so|so luong|\bso\b/.test(fold(label))) continue;
      const id = figureNamed(label, figures);
      if (id === null || seen.has(id)) continue;
      seen.add(id);
      let value = colon >= 0 ? firstNumberIn(raw.slice(colon + 1)) : null;
      let cell = a1(r, c);
      for (let k = c + 1; value === null && k < line.length; k++) {
        const v = line[k];
        if (blank(v)) continue;
        value = typeof v === "number" ? v : firstNumberIn(textOf(v));
        cell = a1(r, k);
        break;
      }
      found.push({ id, label: label.replace(/^\s*(?:\d+|[a-z])[.)]\s*/i, "").trim(), value, cell });
      break;
    }
  }
  return found;
}

function yearAbove(values: Grid["values"], above: number): number | null {
  for (let r = 0; r < above; r++)
    for (const raw of values[r] ?? []) {
      if (typeof raw !== "string") continue;
      const m = /\bnam\s+(20\d\d)\b/.exec(fold(raw));
      if (m) return Number(m[1]);
    }
  return null;
}

function communeAbove(sheet: string, values: Grid["values"], above: number, fileName?: string): CommuneName {
  // "Tên đơn vị báo cáo: UBND xã …" first, "Đơn vị nhận báo cáo" never
  for (let r = 0; r < above; r++)
    for (const raw of values[r] ?? []) {
      if (typeof raw !== "string" || /nhan bao cao/.test(fold(raw))) continue;
      const found = communeInText(raw);
      if (found) return { commune: found, source: "title" };
    }
  return detectCommune(sheet, { values: [] }, fileName);
}

function isOwnHeader(raw: RawCell): boolean {
  return typeof raw === "string" && raw.trimStart().startsWith(OWN_HEADER_PREFIX);
}

/** the STT of a line: `1.`, `1,1` and `1.1.` read as `1` and `1.1`; Excel's number 1.1 after 1.9 is 1.10 */
function sttOf(raw: RawCell): string {
  return textOf(raw).replace(/\.$/, "").replace(/,/g, ".").replace(/\s+/g, "").toUpperCase();
}

interface Building {
  level: FormLevel;
  row: number;
  id: string;
  name: string;
  parent: string | null;
  maxPoints: number | null;
  self: RawCell;
  selfRow: number;
  rules: string[];
  explanations: string[];
  lastRow: number;
}

/**
 * Reads a commune's self-assessment form from a sheet; `{ skipped }` with the Vietnamese reason when the sheet holds
 * no form (no header naming STT, the name, the maximum and the self-score).
 * @param figures the set's Part A figures (which rows above the table to read)
 * @example const form = readForm("Xã A", grid); if (!("skipped" in form)) form.lines.filter((l) => l.level === "component")
 */
export function readForm(
  sheet: string,
  grid: Grid,
  figures: readonly PartAFigure[] = PART_A_FIGURES,
  fileName?: string,
): CommuneForm | { skipped: string } {
  const header = findFormHeader(grid);
  if (!header)
    return {
      skipped:
        'không thấy biểu mẫu tự đánh giá bộ chỉ số (dòng tiêu đề có "STT", "Chỉ số/Chỉ số thành phần", "Điểm tối đa", "Điểm tự chấm")',
    };
  const values = grid.values;
  const cols = header.columns;
  const lines: Building[] = [];
  const components: { id: string; index: string }[] = [];
  let group: string | null = null;
  let index: string | null = null;
  let current: Building | null = null;
  let lastRow = header.lastRow;
  let rightmost = Math.max(
    cols.stt,
    cols.name,
    cols.maxPoints,
    cols.self,
    cols.rule ?? 0,
    ...cols.explanation,
  );
  let ownColumn = -1;
  for (let r = header.row; r <= header.lastRow; r++)
    (values[r] ?? []).forEach((raw, c) => {
      if (isOwnHeader(raw) && ownColumn < 0) ownColumn = c;
      else if (!blank(raw) && ownColumn < 0) rightmost = Math.max(rightmost, c);
    });

  const explanationOf = (line: readonly RawCell[]): string[] =>
    cols.explanation
      .map((c) => line[c])
      .filter((raw) => !blank(raw) && !isOwnHeader(raw))
      .map(textOf);

  for (let r = header.lastRow + 1; r < values.length; r++) {
    const line = values[r] ?? [];
    if (line.every(blank)) continue;
    if (isLetterRow(line.slice(0, ownColumn < 0 ? undefined : ownColumn))) continue;
    const sttRaw = line[cols.stt];
    const stt = sttOf(sttRaw);
    const name = textOf(line[cols.name]);
    const isId = /^(\d+(\.\d+)?|[IVX]+)$/.test(stt);
    if (!isId && isFormHeaderRow(line)) continue;
    const folded = isId
      ? ""
      : fold(stt === "" ? name : `${stt} ${name}`)
          .replace(/[:.]/g, "")
          .trim();
    if (!isId && (TOTAL_WORDS.includes(folded) || /^tong (cong|diem|so diem)\b/.test(folded))) {
      lines.push({
        level: "total",
        row: r,
        id: "",
        name: name || stt,
        parent: null,
        maxPoints: numberOf(line[cols.maxPoints]),
        self: line[cols.self],
        selfRow: r,
        rules: [],
        explanations: [],
        lastRow: r,
      });
      lastRow = r;
      break; // signatures and notes follow the total
    }
    // a sub-row: STT blank, a dash or bullet, or a letter (`a`, `b)`) under a component
    if (
      stt === "" ||
      /^[-–—+•*]+$/.test(stt) ||
      (current?.level === "component" &&
        /^[A-H]\)?$/.test(stt) &&
        textOf(sttRaw) === textOf(sttRaw).toLowerCase())
    ) {
      // a sub-row: the rule or the figures of the component above, spread over rows
      if (current && blank(line[cols.name]) && blank(line[cols.maxPoints])) {
        if (cols.rule !== undefined && !blank(line[cols.rule])) current.rules.push(textOf(line[cols.rule]));
        current.explanations.push(...explanationOf(line));
        if (blank(current.self) && !blank(line[cols.self])) {
          current.self = line[cols.self];
          current.selfRow = r;
        }
        current.lastRow = r;
        lastRow = r;
      } else current = null;
      continue;
    }
    if (/^[A-H]$/.test(stt) && !ROMAN.test(stt)) {
      current = null; // a part's heading: "B. Chỉ số đánh giá"
      continue;
    }
    const level: FormLevel | null = ROMAN.test(stt)
      ? "group"
      : /^\d+$/.test(stt)
        ? "index"
        : /^\d+\.\d+$/.test(stt)
          ? "component"
          : null;
    if (level === null) {
      current = null;
      continue;
    }
    let id = stt;
    let parent: string | null = level === "index" ? group : level === "component" ? index : null;
    if (level === "group") {
      group = stt;
      index = null;
    } else if (level === "index") index = stt;
    else {
      const major = stt.split(".")[0]!;
      if (index === null || index !== major) index = major;
      parent = index;
      id = componentId(stt, sttRaw, index, components);
      components.push({ id, index });
    }
    current = {
      level,
      row: r,
      id,
      name,
      parent,
      maxPoints: numberOf(line[cols.maxPoints]),
      self: line[cols.self],
      selfRow: r,
      rules: cols.rule !== undefined && !blank(line[cols.rule]) ? [textOf(line[cols.rule])] : [],
      explanations: explanationOf(line),
      lastRow: r,
    };
    lines.push(current);
    lastRow = r;
    for (let c = 0; c < line.length && (ownColumn < 0 || c < ownColumn); c++)
      if (!blank(line[c])) rightmost = Math.max(rightmost, c);
  }

  const partA = partAOf(values, header.row, figures);
  const partAValues: Record<string, number | null> = {};
  for (const f of partA) partAValues[f.id] = f.value;
  return {
    header,
    lines: lines.map((b) => ({
      level: b.level,
      row: b.row,
      id: b.id,
      name: b.name,
      parent: b.parent,
      maxPoints: b.maxPoints,
      self: b.self,
      selfRow: b.selfRow,
      ruleText: b.rules.length > 0 ? b.rules.join("\n") : null,
      explanation: b.explanations.join("\n"),
      lastRow: b.lastRow,
    })),
    partA,
    partAValues,
    commune: communeAbove(sheet, values, header.row, fileName),
    year: yearAbove(values, header.row),
    lastRow,
    ownColumn: ownColumn >= 0 ? ownColumn : rightmost + 1,
  };
}
