/**
 * Recognising legacy text by the text itself: read a cell as TCVN3 and as VNI, and score how many Vietnamese
 * words each reading forms against the text as it stands. `Tªn chØ tiªu` forms none as it stands and three
 * annex words read as TCVN3; `Có` is an annex word as it stands and only syllables read either way.
 */
import { fromTcvn3, fromVni } from "./convert";
import { isVietnameseSyllable } from "./syllable";
import { LEGACY_ENCODINGS, type LegacyEncoding } from "./tables";
import { ANNEX_PHRASES } from "./vocabulary";

/** what a word of a reading is worth: an annex word, a syllable, or neither */
export const WORD_SCORES = { annexWord: 3, syllable: 1, neither: -1 } as const;

/**
 * The least total gain of a sheet's (or a lone text's) clear cells before a legacy reading is believed: one
 * annex word (`Kh«ng` → `Không`: 3 − (−1) = 4) or two syllables. A stray `10 µm` (→ `10 àm`, gain 2) is not
 * enough.
 */
export const MIN_GAIN = 4;

/** how one reading of a text compares with the text as it stands */
export interface TextEvidence {
  readonly encoding: LegacyEncoding;
  /** the text read in that encoding */
  readonly text: string;
  /** the reading's word score minus the text's own, over the words the reading changes */
  readonly gain: number;
  /** some word is no syllable as it stands and is one in this reading (`Tªn` → `Tên`) */
  readonly clear: boolean;
  /** every word the reading changes is a syllable in it */
  readonly allSyllables: boolean;
}

/**
 * What a text is: `ascii` (nothing a legacy reading changes), `unicode` (letters only Unicode has: ă, đ, ơ, ư,
 * ạ, ả …, so it is not legacy text), or `candidate` with the evidence of each reading that changes it.
 */
export type TextReading =
  | { readonly kind: "ascii" }
  | { readonly kind: "unicode" }
  | { readonly kind: "candidate"; readonly readings: readonly TextEvidence[] };

let annexWords: Set<string> | undefined;

function isAnnexWord(word: string): boolean {
  annexWords ??= new Set(
    ANNEX_PHRASES.flatMap((p) => p.toLowerCase().split(/[\s,]+/)).filter((w) => w !== ""),
  );
  return annexWords.has(word);
}

function wordScore(word: string): number {
  const lower = word.toLowerCase();
  if (isAnnexWord(lower)) return WORD_SCORES.annexWord;
  return isVietnameseSyllable(lower) ? WORD_SCORES.syllable : WORD_SCORES.neither;
}

/**
 * Letters no legacy text holds: Latin Extended-A/B (ă đ ĩ ũ ơ ư and the `ƣ` of PDF copies), combining marks,
 * and Latin Extended Additional (ạ ả ấ … ỹ). Windows-1252 puts a few Extended letters in 0x80–0x9F (Œ, Š, Ž,
 * ƒ …), which neither TCVN3 nor VNI uses for a letter.
 */
function isUnicodeOnly(code: number): boolean {
  return (
    (code >= 0x100 && code <= 0x24f) || (code >= 0x300 && code <= 0x36f) || (code >= 0x1e00 && code <= 0x1eff)
  );
}

/** a character that separates words: ASCII other than letters, spaces of every kind, general punctuation */
function isSeparator(code: number): boolean {
  if (code < 0x80) return !((code >= 65 && code <= 90) || (code >= 97 && code <= 122));
  return code === 0xa0 || (code >= 0x2000 && code <= 0x206f) || code === 0x3000;
}

/** the words of a text as runs between separators */
function words(text: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const sep = i === text.length || isSeparator(text.charCodeAt(i));
    if (sep && start >= 0) {
      out.push(text.slice(start, i));
      start = -1;
    } else if (!sep && start < 0) start = i;
  }
  return out;
}

/**
 * Text typed with Caps Lock in TCVN3 (`KÕT QU¶`): its ASCII letters are capitals, its TCVN3 letters have only
 * lower-case codes, and it was meant for a `…H` font that draws them as capitals. Read as such.
 */
function typedInCapitals(text: string): boolean {
  let capitals = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 97 && code <= 122) return false;
    if (code >= 65 && code <= 90) capitals++;
  }
  return capitals >= 2;
}

function evidence(text: string, encoding: LegacyEncoding): TextEvidence | undefined {
  const read = encoding === "TCVN3" ? fromTcvn3 : fromVni;
  const converted = encoding === "TCVN3" ? fromTcvn3(text, { upper: typedInCapitals(text) }) : fromVni(text);
  if (converted === text) return undefined;
  let gain = 0;
  let clear = false;
  let allSyllables = true;
  for (const word of words(text)) {
    const reading = read(word);
    if (reading === word) continue;
    const before = wordScore(word);
    const after = wordScore(reading);
    gain += after - before;
    if (before < 0 && after > 0) clear = true;
    if (after < 0) allSyllables = false;
  }
  return { encoding, text: converted, gain, clear, allSyllables };
}

/**
 * Reads a text both ways and says what each reading is worth; see {@link TextReading}.
 * @example readText("Tªn chØ tiªu") → candidate, TCVN3 reading "Tên chỉ tiêu", gain 12, clear
 */
export function readText(text: string): TextReading {
  let latin = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isUnicodeOnly(code)) return UNICODE;
    if (code >= 0xa0 && code <= 0xff) latin = true;
  }
  return latin ? readBothWays(text) : ASCII;
}

const UNICODE: TextReading = { kind: "unicode" };
const ASCII: TextReading = { kind: "ascii" };

function readBothWays(text: string): TextReading {
  const readings: TextEvidence[] = [];
  for (const encoding of LEGACY_ENCODINGS) {
    const e = evidence(text, encoding);
    if (e) readings.push(e);
  }
  return readings.length === 0 ? ASCII : { kind: "candidate", readings };
}

/** true when the text holds a letter only Unicode has, so it is no legacy text whatever its font */
export function holdsUnicodeOnlyLetters(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isUnicodeOnly(text.charCodeAt(i))) return true;
  return false;
}

/** the reading with the greatest gain, if any gains */
export function bestReading(reading: TextReading): TextEvidence | undefined {
  if (reading.kind !== "candidate") return undefined;
  let best: TextEvidence | undefined;
  for (const e of reading.readings) if (e.gain > 0 && (!best || e.gain > best.gain)) best = e;
  return best;
}

/**
 * The legacy encoding a lone text is in, judged by the text alone; null for Unicode, ASCII and anything
 * doubtful. A text that is a word either way (`Cã`: "Có" in TCVN3, or a syllable as it stands) is doubtful
 * alone; in a sheet with clear legacy cells it is read with them (see `decodeGrid`).
 * @example detectText("KÕt qu¶ ®¹t ®\u00adîc") === "TCVN3"; detectText("Coù") === "VNI"; detectText("Café") === null
 */
export function detectText(text: string): LegacyEncoding | null {
  const best = bestReading(readText(text));
  return best && best.clear && best.gain >= MIN_GAIN ? best.encoding : null;
}
