/**
 * Column widths of the summary sheet, worked out from what its tables hold. The sections share the sheet's
 * columns, so each keeps to one kind of content per column: column A a short key (rank, code, cell), column
 * B a name (commune, sheet, criterion, group), columns C onwards short values (counts, shares, statuses,
 * verdicts, short texts that wrap). A column is then as wide as its longest content up to its kind's cap;
 * longer texts wrap inside it.
 */
import type { Area, PlanCell, SummaryTable } from "../types";

/** widest a column of each kind gets, in characters; longer content wraps */
export const KEY_COLUMN_CHARS = 12;
export const NAME_COLUMN_CHARS = 45;
export const VALUE_COLUMN_CHARS = 18;
/** narrowest column, in characters */
export const MIN_COLUMN_CHARS = 5;

/** the cap of a column by its place: A keys, B names, the rest values */
export function columnCap(col: number): number {
  return col === 0 ? KEY_COLUMN_CHARS : col === 1 ? NAME_COLUMN_CHARS : VALUE_COLUMN_CHARS;
}

/** characters a header needs: it wraps, so its longest word, or half of it when that is longer (two lines) */
export function headerChars(text: PlanCell): number {
  if (text === null) return 0;
  const s = String(text);
  const longestWord = Math.max(0, ...s.split(/\s+/).map((w) => w.length));
  return Math.max(longestWord, Math.ceil(s.length / 2));
}

/** characters a body cell needs on one line: a share `100,0%`, a number's digits, a text's letters (NFC) */
export function bodyChars(value: PlanCell, percent: boolean): number {
  if (value === null) return 0;
  if (typeof value === "number") return percent ? 6 : String(Math.round(value * 10) / 10).length;
  return value.length;
}

function inArea(area: Area, row: number, col: number): boolean {
  return row >= area.row && row < area.row + area.rows && col >= area.col && col < area.col + area.cols;
}

/**
 * What one table needs in each of its columns, in characters, capped by the column's kind: header cells
 * (bold, about a tenth wider) by `headerChars`, body cells by `bodyChars`.
 */
export function tableNeeds(
  values: readonly (readonly PlanCell[])[],
  table: SummaryTable,
  percent: readonly Area[] = [],
): number[] {
  const { row, col, rows, cols } = table.area;
  const needs = new Array<number>(cols).fill(0);
  for (let r = row; r < row + rows; r++) {
    const header = r < row + table.headerRows;
    for (let j = 0; j < cols; j++) {
      const c = col + j;
      const v = values[r]?.[c] ?? null;
      const chars = header
        ? Math.ceil(headerChars(v) * 1.1)
        : bodyChars(
            v,
            percent.some((a) => inArea(a, r, c)),
          );
      needs[j] = Math.max(needs[j]!, Math.min(chars, columnCap(c)));
    }
  }
  return needs;
}

/**
 * letters of running text that fit in a column's width in characters: a width counts digits (the widest
 * letters); Vietnamese text averages narrower. Bold headers are counted a letter a character.
 */
const TEXT_CHARS_PER_WIDTH = 1.25;

/** how many lines a text takes when wrapped at `chars` characters a line, word by word */
export function wrappedLines(text: string, chars: number): number {
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let line = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter((w) => w !== "")) {
      const wanted = line === 0 ? word.length : line + 1 + word.length;
      if (wanted <= chars) line = wanted;
      else if (line === 0) {
        lines += Math.ceil(word.length / chars) - 1;
        line = word.length % chars || chars;
      } else {
        lines++;
        line = Math.min(word.length, chars);
        lines += Math.ceil(word.length / chars) - 1;
      }
    }
  }
  return Math.max(1, lines);
}

/**
 * The lines each row of the sheet takes, its tables' texts wrapped at their columns' widths (`chars`, in
 * characters): for hosts that do not fit row heights to wrapped text themselves (a file written by ExcelJS
 * keeps the default height until a user asks Excel to fit it). Rows outside tables take one line.
 */
export function rowLines(
  values: readonly (readonly PlanCell[])[],
  tables: readonly SummaryTable[],
  chars: readonly number[],
): number[] {
  const lines = values.map(() => 1);
  for (const table of tables) {
    const { row, col, rows, cols } = table.area;
    for (let r = row; r < row + rows; r++) {
      const header = r < row + table.headerRows;
      for (let c = col; c < col + cols; c++) {
        const v = values[r]?.[c];
        if (typeof v !== "string" || v === "") continue;
        const room = Math.max(
          1,
          Math.floor((chars[c] ?? MIN_COLUMN_CHARS) * (header ? 1 : TEXT_CHARS_PER_WIDTH)),
        );
        lines[r] = Math.max(lines[r]!, wrappedLines(v, room));
      }
    }
  }
  return lines;
}

/** characters → points, as Excel measures a column (7 px a character and 5 px padding at 96 dpi), plus one */
export function charsToPoints(chars: number): number {
  return Math.round(((chars + 1) * 7 + 5) * 0.75);
}

/**
 * The width in characters of each column of the summary sheet (`charsToPoints` gives points): the widest need of any table there, between
 * MIN_COLUMN_CHARS and the column's cap. Rows outside tables (titles, sentences) overflow into the empty
 * cells beside them and are not measured.
 */
export function summaryColumnChars(
  values: readonly (readonly PlanCell[])[],
  tables: readonly SummaryTable[],
  percent: readonly Area[] = [],
): number[] {
  const width = values.reduce((w, r) => Math.max(w, r.length), 0);
  const chars = new Array<number>(width).fill(MIN_COLUMN_CHARS);
  for (const table of tables)
    tableNeeds(values, table, percent).forEach((need, j) => {
      const c = table.area.col + j;
      chars[c] = Math.max(chars[c]!, need);
    });
  return chars;
}

/** the printable width of an A4 landscape page with Excel's default margins (0.7 inch each side), in points */
export const A4_LANDSCAPE_POINTS = 741;
/** the smallest print scale the summary is shrunk to on paper; a wider sheet is printed more pages across */
export const MIN_PRINT_SCALE = 0.5;

/** pages across for columns of these widths (points): 1 when they fit at MIN_PRINT_SCALE or more */
export function pagesAcross(widths: readonly number[]): number {
  const total = widths.reduce((n, w) => n + w, 0);
  return Math.max(1, Math.ceil(total / (A4_LANDSCAPE_POINTS / MIN_PRINT_SCALE)));
}
