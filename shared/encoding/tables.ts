/**
 * The two legacy Vietnamese encodings still met in old government spreadsheets, as data: TCVN3 (ABC, TCVN
 * 5712:1993 VN3, fonts `.VnTime`, `.VnArial` …) and VNI-Windows (fonts `VNI-Times` …).
 *
 * A cell typed in one of them reaches us as the Windows-1252 characters its bytes show as: `¸` (U+00B8) for
 * the TCVN3 byte 0xB8 (á), `ù` (U+00F9) for the VNI mark 0xF9 (sắc). Every entry below is written in those
 * characters. Checked against glibc's TCVN5712-1 converter, UniKey's VnConv tables and xvnkb's tables (see
 * test/encoding/tables.test.ts and the encoding note).
 */

/** the two legacy encodings read */
export const LEGACY_ENCODINGS = ["TCVN3", "VNI"] as const;
export type LegacyEncoding = (typeof LEGACY_ENCODINGS)[number];

/** the twelve Vietnamese vowels, lower case */
export const VOWELS = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"] as const;
export type Vowel = (typeof VOWELS)[number];

/** the six tones in the order of every row below: level, sắc, huyền, hỏi, ngã, nặng */
export const TONES = ["ngang", "sắc", "huyền", "hỏi", "ngã", "nặng"] as const;
export type Tone = (typeof TONES)[number];

/** the combining mark of each tone (none for the level tone) */
export const TONE_MARKS: Readonly<Record<Tone, string>> = {
  ngang: "",
  sắc: "\u0301",
  huyền: "\u0300",
  hỏi: "\u0309",
  ngã: "\u0303",
  nặng: "\u0323",
};

/** one vowel's legacy forms, by tone in the order of {@link TONES} */
export type ToneRow = readonly [string, string, string, string, string, string];

/**
 * TCVN3 (ABC), lower case: one 8-bit character per letter. Upper-case letters with a tone have no code of
 * their own: they are written with these same codes in the `…H` fonts (`.VnTimeH`), which draw every letter
 * as a capital. The plain vowels are the ASCII letters.
 */
export const TCVN3_LOWER: Readonly<Record<Vowel, ToneRow>> = {
  a: ["a", "¸", "µ", "¶", "·", "¹"],
  ă: ["¨", "¾", "»", "¼", "½", "Æ"],
  â: ["©", "Ê", "Ç", "È", "É", "Ë"],
  e: ["e", "Ð", "Ì", "Î", "Ï", "Ñ"],
  ê: ["ª", "Õ", "Ò", "Ó", "Ô", "Ö"],
  i: ["i", "Ý", "×", "Ø", "Ü", "Þ"],
  o: ["o", "ã", "ß", "á", "â", "ä"],
  ô: ["«", "è", "å", "æ", "ç", "é"],
  ơ: ["¬", "í", "ê", "ë", "ì", "î"],
  u: ["u", "ó", "ï", "ñ", "ò", "ô"],
  // the level ư is byte 0xAD, which Windows-1252 shows as an (invisible) soft hyphen
  ư: ["\u00ad", "ø", "õ", "ö", "÷", "ù"],
  y: ["y", "ý", "ú", "û", "ü", "þ"],
};

/** TCVN3's own codes for the seven upper-case letters that have one in the ordinary (not `…H`) fonts */
export const TCVN3_CAPITALS: Readonly<Record<"Ă" | "Â" | "Ê" | "Ô" | "Ơ" | "Ư" | "Đ", string>> = {
  Ă: "¡",
  Â: "¢",
  Ê: "£",
  Ô: "¤",
  Ơ: "¥",
  Ư: "¦",
  Đ: "§",
};

/** TCVN3 đ */
export const TCVN3_D = "®";

/**
 * VNI-Windows, lower case: a base letter followed by one mark character that carries the shape (â, ă) and the
 * tone together (`aá` = ấ, `aé` = ắ); ơ and ư are single characters (`ô`, `ö`) taking the tone marks; the i
 * with a tone and ỵ are single characters.
 */
export const VNI_LOWER: Readonly<Record<Vowel, ToneRow>> = {
  a: ["a", "aù", "aø", "aû", "aõ", "aï"],
  ă: ["aê", "aé", "aè", "aú", "aü", "aë"],
  â: ["aâ", "aá", "aà", "aå", "aã", "aä"],
  e: ["e", "eù", "eø", "eû", "eõ", "eï"],
  ê: ["eâ", "eá", "eà", "eå", "eã", "eä"],
  i: ["i", "í", "ì", "æ", "ó", "ò"],
  o: ["o", "où", "oø", "oû", "oõ", "oï"],
  ô: ["oâ", "oá", "oà", "oå", "oã", "oä"],
  ơ: ["ô", "ôù", "ôø", "ôû", "ôõ", "ôï"],
  u: ["u", "uù", "uø", "uû", "uõ", "uï"],
  ư: ["ö", "öù", "öø", "öû", "öõ", "öï"],
  y: ["y", "yù", "yø", "yû", "yõ", "î"],
};

/** VNI-Windows, upper case: the capital base letters with the capital forms of the marks */
export const VNI_UPPER: Readonly<Record<Vowel, ToneRow>> = {
  a: ["A", "AÙ", "AØ", "AÛ", "AÕ", "AÏ"],
  ă: ["AÊ", "AÉ", "AÈ", "AÚ", "AÜ", "AË"],
  â: ["AÂ", "AÁ", "AÀ", "AÅ", "AÃ", "AÄ"],
  e: ["E", "EÙ", "EØ", "EÛ", "EÕ", "EÏ"],
  ê: ["EÂ", "EÁ", "EÀ", "EÅ", "EÃ", "EÄ"],
  i: ["I", "Í", "Ì", "Æ", "Ó", "Ò"],
  o: ["O", "OÙ", "OØ", "OÛ", "OÕ", "OÏ"],
  ô: ["OÂ", "OÁ", "OÀ", "OÅ", "OÃ", "OÄ"],
  ơ: ["Ô", "ÔÙ", "ÔØ", "ÔÛ", "ÔÕ", "ÔÏ"],
  u: ["U", "UÙ", "UØ", "UÛ", "UÕ", "UÏ"],
  ư: ["Ö", "ÖÙ", "ÖØ", "ÖÛ", "ÖÕ", "ÖÏ"],
  y: ["Y", "YÙ", "YØ", "YÛ", "YÕ", "Î"],
};

/** VNI đ and Đ */
export const VNI_D = { lower: "ñ", upper: "Ñ" } as const;

/** a vowel with a tone as one NFC character (`vietnameseLetter("ê", "sắc")` → `ế`) */
export function vietnameseLetter(vowel: Vowel, tone: Tone): string {
  return (vowel + TONE_MARKS[tone]).normalize("NFC");
}
