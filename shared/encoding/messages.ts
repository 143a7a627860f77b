/**
 * What the report says about a sheet read from a legacy encoding: stable codes, Vietnamese wording as data.
 */
import { a1 } from "../text";
import type { CellRef } from "../types";
import type { GridDecoding } from "./grid";
import { LEGACY_ENCODINGS, type LegacyEncoding } from "./tables";

/** the encodings as users know them */
export const ENCODING_LABELS: Readonly<Record<LegacyEncoding, string>> = {
  TCVN3: "TCVN3 (ABC)",
  VNI: "VNI-Windows",
};

export const ENCODING_MESSAGE_CODES = ["SHEET_READ_AS", "CELLS_READ_AS", "UNICODE_IN_LEGACY_FONT"] as const;
export type EncodingMessageCode = (typeof ENCODING_MESSAGE_CODES)[number];

/**
 * The wording of each message; `{sheet}`, `{encoding}`, `{how}`, `{count}`, `{cells}`, `{fonts}` are filled in.
 * `{how}` is one of {@link HOW_TEXTS}.
 */
export const ENCODING_MESSAGES: Readonly<Record<EncodingMessageCode, string>> = {
  SHEET_READ_AS:
    'Trang "{sheet}" được đọc theo bảng mã {encoding}{how}. Các ô trong tệp giữ nguyên; nên chuyển bảng sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey).',
  CELLS_READ_AS:
    'Trang "{sheet}": {count} ô ({cells}) được đọc theo bảng mã {encoding}{how}; các ô khác đã là Unicode. Các ô trong tệp giữ nguyên.',
  UNICODE_IN_LEGACY_FONT:
    'Trang "{sheet}", ô {cells}: phông {fonts} là phông {encoding} nhưng chữ trong ô đã là Unicode, đọc nguyên văn.',
};

/** how the encoding was known */
export const HOW_TEXTS = {
  font: ", phông {fonts}",
  text: " (nhận ra từ chữ trong ô)",
  both: ", phông {fonts} và nhận ra từ chữ trong ô",
} as const;

/** a message about a sheet's encoding */
export interface EncodingMessage {
  readonly code: EncodingMessageCode;
  readonly encoding: LegacyEncoding;
  readonly message: string;
}

/** the most cell ranges a message lists before `…` */
const MAX_RANGES = 6;

/**
 * Cells as A1 ranges, column by column (`C5:C20, D5:D12`), at most `max` ranges then `…`.
 * @example cellRanges([{ row: 4, col: 2 }, { row: 5, col: 2 }, { row: 4, col: 3 }]) === "C5:C6, D5"
 */
export function cellRanges(cells: readonly CellRef[], max = MAX_RANGES): string {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const ranges: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    const first = sorted[i]!;
    let last = first;
    while (i + 1 < sorted.length && sorted[i + 1]!.col === first.col && sorted[i + 1]!.row === last.row + 1)
      last = sorted[++i]!;
    i++;
    const start = a1(first.row, first.col);
    ranges.push(last === first ? start : `${start}:${a1(last.row, last.col)}`);
  }
  return ranges.length > max ? `${ranges.slice(0, max).join(", ")}, …` : ranges.join(", ");
}

function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/**
 * The messages a report gives about a sheet read by {@link decodeGrid}: one per encoding read, and one for
 * cells in a legacy font that already held Unicode. None for a sheet with no legacy text.
 * @example encodingMessages("Xã A", decodeGrid(grid))[0].message
 *   === 'Trang "Xã A" được đọc theo bảng mã TCVN3 (ABC), phông .VnTime. Các ô trong tệp giữ nguyên; …'
 */
export function encodingMessages(sheet: string, decoding: GridDecoding): EncodingMessage[] {
  const out: EncodingMessage[] = [];
  for (const f of decoding.findings) {
    const fonts = f.fonts.join(", ");
    const how = f.byText === 0 ? HOW_TEXTS.font : f.byFont === 0 ? HOW_TEXTS.text : HOW_TEXTS.both;
    const code: EncodingMessageCode = decoding.scope === "sheet" ? "SHEET_READ_AS" : "CELLS_READ_AS";
    const message = fill(ENCODING_MESSAGES[code], {
      sheet,
      encoding: ENCODING_LABELS[f.encoding],
      how: fill(how, { fonts }),
      count: String(f.cells.length),
      cells: cellRanges(f.cells),
    });
    out.push({ code, encoding: f.encoding, message });
  }
  for (const encoding of LEGACY_ENCODINGS) {
    const stray = decoding.unicodeInLegacyFont.filter((c) => c.encoding === encoding);
    if (stray.length === 0) continue;
    const message = fill(ENCODING_MESSAGES.UNICODE_IN_LEGACY_FONT, {
      sheet,
      cells: cellRanges(stray),
      fonts: [...new Set(stray.map((c) => c.font))].join(", "),
      encoding: ENCODING_LABELS[encoding],
    });
    out.push({ code: "UNICODE_IN_LEGACY_FONT", encoding, message });
  }
  return out;
}
