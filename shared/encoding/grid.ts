/**
 * A sheet's grid read as Unicode: cells whose font is a legacy font are read in its encoding; other text cells
 * by what their text says, weighed over the whole sheet. The input is never changed; the result says what was
 * read how, for the report.
 */
import type { CellRef, Grid, RawCell } from "../types";
import { fromLegacy } from "./convert";
import { bestReading, holdsUnicodeOnlyLetters, MIN_GAIN, readText, type TextEvidence } from "./detect";
import { encodingOfFont, type FontEncoding } from "./fonts";
import { LEGACY_ENCODINGS, type LegacyEncoding } from "./tables";

/** a grid as a host read it, with each cell's font name where the host has it */
export interface FontedGrid extends Grid {
  /** font family names in the same shape as `values` (`".VnTime"`, `"Times New Roman"`) */
  readonly fonts?: readonly (readonly (string | null | undefined)[])[];
}

export interface DecodeOptions {
  /** judge cells without a legacy font by their text (default true); false: fonts only */
  readonly byText?: boolean;
}

/** how a cell's encoding was known */
export type DecodedBy = "font" | "text";

/** one cell read from a legacy encoding */
export interface DecodedCell extends CellRef {
  readonly encoding: LegacyEncoding;
  readonly by: DecodedBy;
  /** the legacy font, when the font said so */
  readonly font?: string;
  /** the text as the cell holds it */
  readonly before: string;
  /** the text as read */
  readonly after: string;
}

/** what was read in one encoding on a sheet */
export interface EncodingFinding {
  readonly encoding: LegacyEncoding;
  /** cells read in this encoding, in row order */
  readonly cells: readonly DecodedCell[];
  /** of which known by their font */
  readonly byFont: number;
  /** of which recognised by their text */
  readonly byText: number;
  /** the legacy fonts of those cells, in the order met */
  readonly fonts: readonly string[];
}

/**
 * A sheet read as Unicode. `encoding` is the encoding most cells were read in (null: none); `scope` says
 * whether the whole sheet was legacy text (`sheet`) or only some cells beside Unicode ones (`cells`: the header
 * in Unicode, the body in TCVN3).
 */
export interface GridDecoding {
  /** the values read as Unicode (the formats as they were); the input grid itself when nothing was read */
  readonly grid: Grid;
  readonly encoding: LegacyEncoding | null;
  readonly scope: "sheet" | "cells" | null;
  /** one per encoding met, most cells first */
  readonly findings: readonly EncodingFinding[];
  /** cells in a legacy font whose text is already Unicode: read as they are */
  readonly unicodeInLegacyFont: readonly StrayUnicodeCell[];
}

/** a cell in a legacy font whose text already holds letters only Unicode has */
export interface StrayUnicodeCell extends CellRef {
  readonly font: string;
  readonly encoding: LegacyEncoding;
}

interface Candidate extends CellRef {
  readonly text: string;
  readonly readings: readonly TextEvidence[];
}

function emptyCounts(): Record<LegacyEncoding, number> {
  return { TCVN3: 0, VNI: 0 };
}

/**
 * Reads a sheet's legacy text as Unicode without changing the grid given.
 * - A cell in a legacy font (`.VnTime`, `.VnTimeH` → upper case, `VNI-Times`) is read in that encoding, unless
 *   its text already holds letters only Unicode has.
 * - Other text cells (by text, unless `byText` is false): a cell whose reading turns non-words into words
 *   (`Tªn` → `Tên`) is clear evidence; once a sheet's clear evidence reaches {@link MIN_GAIN} (or a legacy font
 *   was met), its cells whose reading gains are read too (`Cã` → `Có`), and on a sheet with no Unicode
 *   Vietnamese cell also those whose reading is as good as the text (`bè`, a syllable either way, → `bố`).
 * @example decodeGrid({ values: [["Tªn chØ tiªu", "Cã"]] }).grid.values → [["Tên chỉ tiêu", "Có"]]
 */
export function decodeGrid(input: FontedGrid, options: DecodeOptions = {}): GridDecoding {
  const byText = options.byText ?? true;
  const decoded: DecodedCell[] = [];
  const unicodeInLegacyFont: StrayUnicodeCell[] = [];
  const candidates: Candidate[] = [];
  const clearGain = emptyCounts();
  const fontCells = emptyCounts();
  let unicodeCells = 0;

  const values = input.values;
  for (let row = 0; row < values.length; row++) {
    const cells = values[row];
    if (!cells) continue;
    const fontRow = input.fonts?.[row];
    for (let col = 0; col < cells.length; col++) {
      const raw = cells[col];
      if (typeof raw !== "string" || raw === "") continue;
      const font = fontRow ? encodingOfFont(fontRow[col]) : undefined;
      if (font) {
        if (holdsUnicodeOnlyLetters(raw)) {
          unicodeInLegacyFont.push({ row, col, font: font.font, encoding: font.encoding });
          unicodeCells++;
          continue;
        }
        const after = readAs(raw, font);
        if (after === raw) continue;
        decoded.push({ row, col, encoding: font.encoding, by: "font", font: font.font, before: raw, after });
        fontCells[font.encoding]++;
        continue;
      }
      if (!byText) continue;
      const reading = readText(raw);
      if (reading.kind === "ascii") continue;
      if (reading.kind === "unicode") {
        unicodeCells++;
        continue;
      }
      const best = bestReading(reading);
      if (best?.clear) clearGain[best.encoding] += best.gain;
      candidates.push({ row, col, text: raw, readings: reading.readings });
    }
  }

  const believed = LEGACY_ENCODINGS.filter((e) => fontCells[e] > 0 || clearGain[e] >= MIN_GAIN);
  // the encoding with more evidence wins a cell both readings gain on
  const weight = (e: LegacyEncoding): number => fontCells[e] * MIN_GAIN + clearGain[e];
  const fromText: DecodedCell[] = [];
  const left: Candidate[] = [];
  for (const c of candidates) {
    const usable = c.readings.filter((r) => believed.includes(r.encoding));
    const pick = usable
      .filter((r) => r.gain > 0)
      .sort((a, b) => b.gain - a.gain || weight(b.encoding) - weight(a.encoding))[0];
    if (pick) fromText.push(textCell(c, pick));
    else {
      left.push(c);
      // every reading loses: the text is better as it stands, so it is Unicode
      if (c.readings.every((r) => r.gain < 0)) unicodeCells++;
    }
  }
  // a sheet with no Unicode Vietnamese: a reading as good as the text goes with the rest of the sheet
  if (unicodeCells === 0 && believed.length > 0) {
    const main = [...believed].sort((a, b) => weight(b) - weight(a))[0]!;
    for (const c of left) {
      const tie = c.readings.find((r) => r.encoding === main && r.gain === 0 && r.allSyllables);
      if (tie) fromText.push(textCell(c, tie));
    }
  }

  const all = [...decoded, ...fromText].sort((a, b) => a.row - b.row || a.col - b.col);
  const findings = LEGACY_ENCODINGS.map((encoding) => finding(encoding, all))
    .filter((f) => f.cells.length > 0)
    .sort((a, b) => b.cells.length - a.cells.length);
  return {
    grid: all.length === 0 ? input : withCells(input, all),
    encoding: findings[0]?.encoding ?? null,
    scope: findings.length === 0 ? null : unicodeCells === 0 ? "sheet" : "cells",
    findings,
    unicodeInLegacyFont,
  };
}

function readAs(text: string, font: FontEncoding): string {
  return fromLegacy(text, font.encoding, { upper: font.upper });
}

function textCell(c: Candidate, r: TextEvidence): DecodedCell {
  return { row: c.row, col: c.col, encoding: r.encoding, by: "text", before: c.text, after: r.text };
}

function finding(encoding: LegacyEncoding, all: readonly DecodedCell[]): EncodingFinding {
  const cells = all.filter((c) => c.encoding === encoding);
  const fonts: string[] = [];
  for (const c of cells) if (c.font !== undefined && !fonts.includes(c.font)) fonts.push(c.font);
  const byFont = cells.filter((c) => c.by === "font").length;
  return { encoding, cells, byFont, byText: cells.length - byFont, fonts };
}

/** a new grid with the decoded cells' text; rows without one are shared with the input */
function withCells(input: Grid, cells: readonly DecodedCell[]): Grid {
  const values: (readonly RawCell[])[] = input.values.slice();
  const copied = new Set<number>();
  for (const c of cells) {
    if (!copied.has(c.row)) {
      values[c.row] = values[c.row]!.slice();
      copied.add(c.row);
    }
    (values[c.row] as RawCell[])[c.col] = c.after;
  }
  return input.formats ? { values, formats: input.formats } : { values };
}
