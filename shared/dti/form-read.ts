/**
 * A commune's self-assessment form read as it is: the header (form-header.ts), Part A's figures and the
 * commune above it (form-above.ts), then group / main index / component rows with the self-score, the rule text and the
 * explanation, sub-rows joined to the component above, repeated headers and letter rows skipped, the total row.
 */
import { OWN_HEADER_PREFIX } from "../labels";
import { a1, fold } from "../text";
import type { CommuneName, Grid, RawCell } from "../types";
import { parseViNumber } from "../values/numbers";
import { readableGrid } from "../table/readable";
import { findFormHeader, isFormHeaderRow, isLetterRow, type FormHeader } from "./form-header";
import { communeAbove, partAOf, yearAbove, type FormFigure } from "./form-above";
import { isSignatureRow, isSubLevel, readStt, selfCell } from "./form-rows";
import type { PartAValues } from "./points";
import { PART_A_FIGURES } from "./sets";
import { ROMAN, componentId, sttLevel, textOf } from "./sheet-cells";
import { pts } from "./points";
import type { PartAFigure } from "./types";

export type { FormFigure };

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
  /** a component's sub-levels with points of their own (`1.1.1 | … | 5 | … | 5`), in row order */
  readonly parts: readonly FormPart[];
  /** what the reader noticed on the line, in Vietnamese with the cell (`điểm tối đa ở ô C10 …`) */
  readonly notes: readonly string[];
}

/** a sub-level of a component with a name or points of its own */
export interface FormPart {
  /** `1.1.1`, `1.1.A`, `A` */
  readonly id: string;
  readonly row: number;
  readonly name: string;
  readonly maxPoints: number | null;
  readonly self: RawCell;
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
  /** how the sheet was read when not plain Unicode (`Trang "…" được đọc theo bảng mã TCVN3 …`) */
  readonly notes: readonly string[];
}

/** a sheet that holds no form the reader can read, and why (Vietnamese, naming the sheet and cell) */
export interface FormSkipped {
  readonly skipped: string;
  /** set when a form's header was found but no component row under it: the sheet is a form, unread */
  readonly header?: FormHeader;
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

/** `IV` → 4 */
function romanValue(roman: string): number {
  const digit: Record<string, number> = { I: 1, V: 5, X: 10 };
  let n = 0;
  for (let i = 0; i < roman.length; i++) {
    const v = digit[roman[i]!]!;
    n += i + 1 < roman.length && v < digit[roman[i + 1]!]! ? -v : v;
  }
  return n;
}

function isOwnHeader(raw: RawCell): boolean {
  return typeof raw === "string" && raw.trimStart().startsWith(OWN_HEADER_PREFIX);
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
  parts: FormPart[];
  notes: string[];
}

/** the Vietnamese words of a quoted cell value */
const quoted = (raw: RawCell): string => `"${textOf(raw).replace(/\s+/g, " ").slice(0, 60)}"`;

/** why a sheet with a form's header holds no readable component row: the header's cell and the first STT seen */
function noComponentReason(sheet: string, header: FormHeader, values: Grid["values"]): string {
  const col = header.columns.stt;
  const seen: string[] = [];
  for (let r = header.lastRow + 1; r < values.length && seen.length < 3; r++) {
    const raw = values[r]?.[col];
    if (!blank(raw) && !isLetterRow(values[r] ?? [])) seen.push(`ô ${a1(r, col)} ghi ${quoted(raw)}`);
  }
  return (
    `trang "${sheet}" có dòng tiêu đề biểu mẫu tự đánh giá (ô ${a1(header.row, col)}) nhưng không có dòng chỉ số ` +
    `thành phần nào đánh số dạng 1.1, 1.2 … ở cột STT${seen.length > 0 ? `: ${seen.join(", ")}` : ""}`
  );
}

/** the component's self-score from its sub-levels when its own cell is blank: their sum, said in a note */
function selfFromParts(b: Building, selfCol: number): void {
  const scored = b.parts.filter((p) => !blank(p.self));
  if (!blank(b.self) || scored.length === 0) return;
  const numbers = scored.map((p) => numberOf(p.self));
  const cells = scored.map((p) => a1(p.row, selfCol)).join(" + ");
  if (numbers.some((n) => n === null)) {
    b.notes.push(`điểm tự chấm ghi ở các dòng con (${cells}), có ô không phải số`);
    return;
  }
  const sum = numbers.reduce<number>((s, n) => s + n!, 0);
  b.self = Math.round(sum * 100) / 100;
  b.notes.push(`điểm tự chấm là tổng các dòng con ${cells} = ${pts(b.self)}`);
}

/**
 * Reads a commune's self-assessment form from a sheet; `{ skipped }` with the Vietnamese reason when the sheet holds
 * no form (no header naming STT, the name, the maximum and the self-score), or a header with no component row
 * under it (`header` set). Legacy text (TCVN3, VNI) is read as Unicode first, as the annex reader does.
 * @param figures the set's Part A figures (which rows above the table to read)
 * @example const form = readForm("Xã A", grid); if (!("skipped" in form)) form.lines.filter((l) => l.level === "component")
 */
export function readForm(
  sheet: string,
  input: Grid,
  figures: readonly PartAFigure[] = PART_A_FIGURES,
  fileName?: string,
): CommuneForm | FormSkipped {
  const readable = readableGrid(sheet, input);
  const grid = readable.grid;
  const header = findFormHeader(grid);
  if (!header)
    return {
      skipped:
        'không thấy biểu mẫu tự đánh giá bộ chỉ số (dòng tiêu đề có "STT", "Chỉ số/Chỉ số thành phần", "Điểm tối đa", "Điểm tự chấm")',
    };
  const values = grid.values;
  const cols = header.columns;
  /** the rows read; `romanIndices`: Roman numbers are main indices and `1`, `2` under them components */
  const readRows = (romanIndices: boolean) => {
    const lines: Building[] = [];
    const components: { id: string; index: string }[] = [];
    let group: string | null = null;
    let index: string | null = null;
    // groups lettered A, B … (or the second reading): Roman numbers below them are main indices
    let lettered = romanIndices;
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
    const maxOf = (line: readonly RawCell[], r: number, notes: string[]): number | null => {
      const raw = line[cols.maxPoints];
      const n = numberOf(raw);
      if (n === null && !blank(raw) && !/^[-–—]+$/.test(textOf(raw).trim()))
        notes.push(`điểm tối đa ở ô ${a1(r, cols.maxPoints)} không đọc được (${quoted(raw)})`);
      return n;
    };
    const finish = () => {
      if (current?.level === "component") selfFromParts(current, cols.self);
    };

    for (let r = header.lastRow + 1; r < values.length; r++) {
      const line = values[r] ?? [];
      if (line.every(blank)) continue;
      if (isLetterRow(line.slice(0, ownColumn < 0 ? undefined : ownColumn))) continue;
      const sttRaw = line[cols.stt];
      const read = readStt(sttRaw, line[cols.name]);
      const stt = read.id;
      // a name written in the STT cell (STT and name merged), or a group's words in the name cell
      const name =
        read.rest !== "" && (blank(line[cols.name]) || blank(sttRaw)) ? read.rest : textOf(line[cols.name]);
      const isId = /^(\d+(\.\d+){0,2}(\.[A-H])?|[IVX]+)$/.test(stt);
      if (!isId && isFormHeaderRow(line)) continue;
      const folded = isId
        ? ""
        : fold(stt === "" ? name : `${textOf(sttRaw)} ${name}`)
            .replace(/[:.]/g, "")
            .trim();
      // `Tổng cộng`, `TỔNG ĐIỂM (I+II)`, `Tổng (A+B)`: the total row
      const totalWords = folded.replace(/\s*\([^)]*\)$/, "");
      if (!isId && (TOTAL_WORDS.includes(totalWords) || /^tong (cong|diem|so diem)\b/.test(folded))) {
        finish();
        lines.push({
          level: "total",
          row: r,
          id: "",
          name: name || textOf(sttRaw),
          parent: null,
          maxPoints: numberOf(line[cols.maxPoints]),
          self: selfCell(line[cols.self], numberOf(line[cols.maxPoints])),
          selfRow: r,
          rules: [],
          explanations: [],
          lastRow: r,
          parts: [],
          notes: [],
        });
        lastRow = r;
        break; // signatures and notes follow the total
      }
      if (!isId && !read.groupWord && isSignatureRow(line)) break; // no total row: the signatures end the table
      // under a component, `a`, `b)` and `i`, `ii` written in lower case are its sub-rows, not groups
      const written = textOf(sttRaw).trim();
      const lower = /^([A-H]|[IVX]+)\)?$/.test(stt) && written !== "" && written === written.toLowerCase();
      const subLevel = current?.level === "component" && (isSubLevel(stt, current.id) || lower);
      const dash = /^[-–—+•*]+$/.test(stt);
      // a sub-row: STT blank, a dash or bullet, a letter or a sub-level (`1.1.1`, `1.1.a`) under a component
      if ((stt === "" && !read.groupWord) || dash || subLevel) {
        const hasMax = !blank(line[cols.maxPoints]);
        const hasName = !blank(line[cols.name]);
        // a row with a maximum and no STT is no sub-row (a line the reader does not know): the component ends
        if (!current || (stt === "" && hasMax)) {
          finish();
          current = null;
          continue;
        }
        if (cols.rule !== undefined && !blank(line[cols.rule])) current.rules.push(textOf(line[cols.rule]));
        current.explanations.push(...explanationOf(line));
        // a sub-level with its own name or points (`1.1.1 | Ban hành kế hoạch | 5 | … | 5`) is a part of it
        if (current.level === "component" && (hasMax || (subLevel && hasName)))
          current.parts.push({
            id: stt.replace(/\)$/, ""),
            row: r,
            name: textOf(line[cols.name]),
            maxPoints: numberOf(line[cols.maxPoints]),
            self: selfCell(line[cols.self], numberOf(line[cols.maxPoints])),
          });
        else if (blank(current.self) && numberOf(selfCell(line[cols.self], current.maxPoints)) !== null) {
          // a sub-row's self-score only when it is a number (text there is no score: a note, a signature)
          current.self = selfCell(line[cols.self], current.maxPoints);
          current.selfRow = r;
        }
        current.lastRow = r;
        lastRow = r;
        continue;
      }
      finish();
      // a part's heading ("B. Chỉ số đánh giá"); with a maximum, a group lettered A, B …
      if (/^[A-H]$/.test(stt) && !ROMAN.test(stt) && numberOf(line[cols.maxPoints]) === null) {
        current = null;
        continue;
      }
      // under groups lettered A, B …, a Roman number is a main index: `A | Nhóm chung`, `I | Nhận thức số`, `1.1 | …`
      const romanIndex = lettered && !read.groupWord && ROMAN.test(stt);
      // the second reading: `1`, `2` under a Roman main index are its components 1.1, 1.2
      const underRoman: boolean = romanIndices && index !== null && /^\d+$/.test(stt);
      const level: FormLevel | null = romanIndex
        ? "index"
        : underRoman
          ? "component"
          : read.groupWord || /^[A-H]$/.test(stt)
            ? "group"
            : sttLevel(stt);
      if (level === null) {
        current = null;
        continue;
      }
      let id = romanIndex ? String(romanValue(stt)) : stt;
      let parent: string | null = level === "index" ? group : level === "component" ? index : null;
      if (level === "group") {
        group = stt;
        index = null;
        lettered = /^[A-H]$/.test(stt) && !ROMAN.test(stt);
      } else if (level === "index") index = id;
      else {
        const written: string = underRoman ? `${index}.${stt}` : stt;
        const major: string = written.split(".")[0]!;
        if (index === null || index !== major) index = major;
        parent = index;
        id = componentId(written, underRoman ? written : sttRaw, index, components);
        components.push({ id, index });
      }
      const notes: string[] = [];
      if (underRoman)
        notes.push(`ô ${a1(r, cols.stt)} ghi ${quoted(sttRaw)} dưới chỉ số La Mã, đọc là ${id}`);
      const maxPoints = maxOf(line, r, notes);
      current = {
        level,
        row: r,
        id,
        name,
        parent,
        maxPoints,
        self: selfCell(line[cols.self], maxPoints),
        selfRow: r,
        rules: cols.rule !== undefined && !blank(line[cols.rule]) ? [textOf(line[cols.rule])] : [],
        explanations: explanationOf(line),
        lastRow: r,
        parts: [],
        notes,
      };
      lines.push(current);
      lastRow = r;
      for (let c = 0; c < line.length && (ownColumn < 0 || c < ownColumn); c++)
        if (!blank(line[c])) rightmost = Math.max(rightmost, c);
    }
    finish();
    return { lines, lastRow, ownColumn, rightmost };
  };
  // a form numbered I / 1 / 2 (no 1.1) is read again with Roman main indices
  let rows = readRows(false);
  if (!rows.lines.some((l) => l.level === "component")) {
    const again = readRows(true);
    if (again.lines.some((l) => l.level === "component")) rows = again;
  }
  const { lines, lastRow, ownColumn, rightmost } = rows;
  if (!lines.some((l) => l.level === "component"))
    return { skipped: noComponentReason(sheet, header, values), header };

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
      parts: b.parts,
      notes: b.notes,
    })),
    partA,
    partAValues,
    commune: communeAbove(sheet, values, header.row, fileName),
    year: yearAbove(values, header.row),
    lastRow,
    ownColumn: ownColumn >= 0 ? ownColumn : rightmost + 1,
    notes: readable.notes,
  };
}
