/**
 * Conversions between the legacy encodings (as the Windows-1252 characters a spreadsheet hands over) and
 * Unicode NFC, built from the tables in `tables.ts` on first use.
 */
import {
  TCVN3_CAPITALS,
  TCVN3_D,
  TCVN3_LOWER,
  TONES,
  VNI_D,
  VNI_LOWER,
  VNI_UPPER,
  VOWELS,
  vietnameseLetter,
  type LegacyEncoding,
} from "./tables";

export interface Tcvn3Options {
  /** the text is in a `…H` font (`.VnTimeH`), which draws every letter as a capital */
  readonly upper?: boolean;
}

interface Tables {
  /** TCVN3 code → Unicode letter */
  readonly tcvn3: Map<string, string>;
  /** Unicode letter → TCVN3 code */
  readonly toTcvn3: Map<string, string>;
  /** VNI sequence (1–3 characters) → Unicode letter */
  readonly vni: Map<string, string>;
  /** Unicode letter → VNI sequence */
  readonly toVni: Map<string, string>;
}

let tables: Tables | undefined;

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return false;
  return true;
}

/** a combining mark in the input might compose with a letter read; every letter the tables give is NFC */
function holdsMarks(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x300 && code <= 0x36f) return true;
  }
  return false;
}

function buildTables(): Tables {
  const tcvn3 = new Map<string, string>();
  const toTcvn3 = new Map<string, string>();
  const vni = new Map<string, string>();
  const toVni = new Map<string, string>();
  for (const vowel of VOWELS) {
    TONES.forEach((tone, t) => {
      const lower = vietnameseLetter(vowel, tone);
      const upper = lower.toUpperCase();
      const code = TCVN3_LOWER[vowel][t];
      if (!isAscii(code)) tcvn3.set(code, lower);
      toTcvn3.set(lower, code);
      // capitals share the lower-case code (drawn by the `…H` fonts), except the plain ASCII vowels
      toTcvn3.set(upper, isAscii(code) ? code.toUpperCase() : code);

      const small = VNI_LOWER[vowel][t];
      const big = VNI_UPPER[vowel][t];
      if (!isAscii(small)) vni.set(small, lower);
      if (!isAscii(big)) vni.set(big, upper);
      toVni.set(lower, small);
      toVni.set(upper, big);
      if (small.length === 2) {
        // a capital base with a small mark or the other way round: the base letter says the case
        vni.set(big[0]! + small[1]!, upper);
        vni.set(small[0]! + big[1]!, lower);
        // the shape and the tone typed as two marks (`eâù`) instead of VNI's one combined mark (`eá`)
        const shape = vowel === "â" || vowel === "ê" || vowel === "ô" ? "â" : vowel === "ă" ? "ê" : "";
        if (shape && t > 0) {
          const toneMark = VNI_LOWER.a[t]![1]!;
          for (const s of [shape, shape.toUpperCase()])
            for (const m of [toneMark, toneMark.toUpperCase()]) {
              vni.set(small[0]! + s + m, lower);
              vni.set(big[0]! + s + m, upper);
            }
        }
      }
    });
  }
  for (const [capital, code] of Object.entries(TCVN3_CAPITALS)) {
    tcvn3.set(code, capital);
    toTcvn3.set(capital, code);
  }
  tcvn3.set(TCVN3_D, "đ");
  toTcvn3.set("đ", TCVN3_D);
  vni.set(VNI_D.lower, "đ");
  vni.set(VNI_D.upper, "Đ");
  toVni.set("đ", VNI_D.lower);
  toVni.set("Đ", VNI_D.upper);
  return { tcvn3, toTcvn3, vni, toVni };
}

function getTables(): Tables {
  return (tables ??= buildTables());
}

/**
 * Reads TCVN3 (ABC) text as Unicode NFC. Characters that are not TCVN3 letters stay as they are.
 * @example fromTcvn3("KÕt qu¶ ®¹t ®\u00adîc") === "Kết quả đạt được"
 * @example fromTcvn3("Tªn chØ tiªu", { upper: true }) === "TÊN CHỈ TIÊU"
 */
export function fromTcvn3(text: string, options: Tcvn3Options = {}): string {
  const map = getTables().tcvn3;
  let out = "";
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const letter = text.charCodeAt(i) >= 0xa0 ? map.get(ch) : undefined;
    if (letter === undefined) out += ch;
    else {
      out += letter;
      changed = true;
    }
  }
  if (changed && holdsMarks(text)) out = out.normalize("NFC");
  return options.upper ? out.toUpperCase() : changed ? out : text;
}

/**
 * Reads VNI-Windows text as Unicode NFC. Characters that are not part of a VNI letter stay as they are.
 * @example fromVni("Teân chæ tieâu") === "Tên chỉ tiêu"
 */
export function fromVni(text: string): string {
  const map = getTables().vni;
  let out = "";
  let changed = false;
  let i = 0;
  while (i < text.length) {
    let taken = 0;
    for (let len = 3; len >= 1 && taken === 0; len--) {
      if (i + len > text.length) continue;
      // every VNI sequence ends in a mark at or above U+00C0
      if (text.charCodeAt(i + len - 1) < 0xc0) continue;
      const letter = map.get(text.slice(i, i + len));
      if (letter !== undefined) {
        out += letter;
        taken = len;
      }
    }
    if (taken === 0) {
      out += text[i]!;
      taken = 1;
    } else changed = true;
    i += taken;
  }
  if (!changed) return text;
  return holdsMarks(text) ? out.normalize("NFC") : out;
}

function encode(text: string, map: Map<string, string>): string {
  let out = "";
  for (const ch of text.normalize("NFC")) out += map.get(ch) ?? ch;
  return out;
}

/**
 * Writes Unicode text in TCVN3 (ABC). Capitals with a tone get the lower-case code, as the `…H` fonts expect;
 * read such text back with `{ upper: true }`. Used to build test cases and fixtures.
 */
export function toTcvn3(text: string): string {
  return encode(text, getTables().toTcvn3);
}

/** Writes Unicode text in VNI-Windows. Used to build test cases and fixtures. */
export function toVni(text: string): string {
  return encode(text, getTables().toVni);
}

/** Reads text in the given legacy encoding as Unicode NFC */
export function fromLegacy(text: string, encoding: LegacyEncoding, options: Tcvn3Options = {}): string {
  return encoding === "TCVN3" ? fromTcvn3(text, options) : fromVni(text);
}
