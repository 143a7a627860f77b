/**
 * The words of index rules and commune explanations, as typed data (checked by a schema in the tests), and the
 * small text tools that read them: normalising a rule's text, splitting text into words with abbreviations
 * expanded, finding a phrase with the same diacritics guard as the criteria words (a one-syllable word typed with
 * diacritics must carry the same ones: `sẽ` is not `sẻ`, `đang` is not `Đảng`).
 */
import * as z from "zod/mini";
import { fold } from "../text";

/**
 * The schema the word lists must pass. Checked by the tests (test/dti/data.test.ts), not when the module loads:
 * every Apps Script execution loads the script anew, and `=CDS_DIEM` needs these words.
 */
export function dtiWordsSchema() {
  const phrase = z.string().check(z.trim(), z.minLength(1));
  const phrases = z.array(phrase);
  return z.object({
    /** short forms officials write, and what they stand for (both sides matched the same way) */
    abbreviations: z.array(z.tuple([phrase, phrase])).check(z.minLength(1)),
    /** an explanation with one of these is a plan or a guess, not a result */
    hedges: phrases.check(z.minLength(1)),
    /** before a phrase: the phrase is denied (`không phải`, `chưa`) */
    negations: phrases.check(z.minLength(1)),
    /** the condition of a rule's last branch that covers every other case */
    otherwise: phrases.check(z.minLength(1)),
    /** a yes/no rule's branches start with these */
    yesStarts: phrases.check(z.minLength(1)),
    noStarts: phrases.check(z.minLength(1)),
    /** words saying the branches add up */
    additive: phrases.check(z.minLength(1)),
    /** place words trimmed from the end of a branch's key phrase (`Chủ tịch cấp xã` → `Chủ tịch`) */
    placeWords: phrases,
    /** small numbers written as words before a counted unit */
    numberWords: z.array(z.tuple([phrase, z.number().check(z.int(), z.minimum(0))])),
    /** words around a count in a step: bounds of its range */
    rangeWords: z.array(
      z.object({
        text: phrase,
        place: z.enum(["before", "after"]),
        bound: z.enum(["min", "max"]),
        strict: z.boolean(),
      }),
    ),
  });
}

export type DtiWords = z.infer<ReturnType<typeof dtiWordsSchema>>;

/** the word lists; the tests check them against {@link dtiWordsSchema} */
export const DTI_WORDS: DtiWords = {
  abbreviations: [
    ["CĐS", "chuyển đổi số"],
    ["BCĐ", "Ban Chỉ đạo"],
    ["UBND", "Ủy ban nhân dân"],
    ["HĐND", "Hội đồng nhân dân"],
    ["CBCC", "cán bộ công chức"],
    ["CBCCVC", "cán bộ công chức viên chức"],
    ["DN", "doanh nghiệp"],
    ["TTĐT", "thông tin điện tử"],
    ["CNTT", "công nghệ thông tin"],
    ["TTHC", "thủ tục hành chính"],
    ["MTTQ", "Mặt trận Tổ quốc"],
  ],
  hedges: [
    "dự kiến",
    "kế hoạch",
    "khoảng",
    "ước",
    "ước tính",
    "ước đạt",
    "sẽ",
    "có thể",
    "phấn đấu",
    "đang",
    "chuẩn bị",
  ],
  negations: ["không", "chưa", "không phải", "chưa được", "không được"],
  otherwise: [
    "còn lại",
    "các trường hợp còn lại",
    "trường hợp còn lại",
    "trường hợp khác",
    "các trường hợp khác",
    "khác",
  ],
  yesStarts: ["có", "đã có", "đáp ứng", "đạt"],
  noStarts: ["không", "chưa", "không có", "chưa có", "không đáp ứng", "không đạt", "chưa đạt"],
  additive: [
    "cộng điểm",
    "cộng dồn",
    "tổng điểm",
    "tổng các",
    "cộng các",
    "mỗi nội dung",
    "mỗi tiêu chí",
    "mỗi ý",
    "mỗi điều kiện",
    "mỗi phần",
  ],
  placeWords: ["cấp xã", "xã", "phường", "thị trấn", "của xã", "trên địa bàn"],
  numberWords: [
    ["không", 0],
    ["một", 1],
    ["hai", 2],
    ["ba", 3],
    ["bốn", 4],
    ["tư", 4],
    ["năm", 5],
    ["sáu", 6],
    ["bảy", 7],
    ["tám", 8],
    ["chín", 9],
    ["mười", 10],
  ],
  rangeWords: [
    { text: "từ", place: "before", bound: "min", strict: false },
    { text: "ít nhất", place: "before", bound: "min", strict: false },
    { text: "tối thiểu", place: "before", bound: "min", strict: false },
    { text: "không dưới", place: "before", bound: "min", strict: false },
    { text: "không ít hơn", place: "before", bound: "min", strict: false },
    { text: "trên", place: "before", bound: "min", strict: true },
    { text: "hơn", place: "before", bound: "min", strict: true },
    { text: "nhiều hơn", place: "before", bound: "min", strict: true },
    { text: ">", place: "before", bound: "min", strict: true },
    { text: "≥", place: "before", bound: "min", strict: false },
    { text: ">=", place: "before", bound: "min", strict: false },
    { text: "dưới", place: "before", bound: "max", strict: true },
    { text: "ít hơn", place: "before", bound: "max", strict: true },
    { text: "không quá", place: "before", bound: "max", strict: false },
    { text: "tối đa", place: "before", bound: "max", strict: false },
    { text: "<", place: "before", bound: "max", strict: true },
    { text: "≤", place: "before", bound: "max", strict: false },
    { text: "<=", place: "before", bound: "max", strict: false },
    { text: "trở lên", place: "after", bound: "min", strict: false },
    { text: "trở xuống", place: "after", bound: "max", strict: false },
  ],
};

// ---------------------------------------------------------------------------------------------
// normalising a rule's text

const FRACTION_CHARS: Readonly<Record<string, string>> = {
  "½": "1/2",
  "⅓": "1/3",
  "⅔": "2/3",
  "¼": "1/4",
  "¾": "3/4",
  "⅕": "1/5",
  "⅖": "2/5",
  "⅗": "3/5",
  "⅘": "4/5",
};

/**
 * A rule's text as the parser reads it: NFC (decomposed diacritics composed), every kind of space → a space,
 * every dash → `-`, bullets (`•`, `◦`, `▪`, Word's symbol-font bullets) → `-`, `½` → `1/2`, `×` → `*`, full-width
 * colon → `:`, runs of spaces → one, each line trimmed, blank lines dropped.
 * @example normalizeRuleText("•\u00a0Trưởng ban … : ½ × Điểm tối đa") === "- Trưởng ban … : 1/2 * Điểm tối đa"
 */
export function normalizeRuleText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\v\f]/g, " ")
    .replace(/\u200b|\u200c|\u200d|\ufeff/g, "")
    .replace(/[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g, "-")
    .replace(
      /[\u2022\u2023\u2043\u2219\u25aa\u25ab\u25a0\u25a1\u25cf\u25cb\u25e6\u27a2\u2756\uf0b7\uf0a7\uf0d8]/g,
      "-",
    )
    .replace(/[½⅓⅔¼¾⅕⅖⅗⅘]/g, (c) => FRACTION_CHARS[c] ?? c)
    .replace(/[×✕✖⋅]/g, "*")
    .replace(/[∶：]/g, ":")
    .replace(/[⁄∕]/g, "/")
    .replace(/[“”„]/g, '"')
    .split("\n")
    .map((line) => line.replace(/ {2,}/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
}

// ---------------------------------------------------------------------------------------------
// words

/** one word: lowercase NFC and folded; `ascii` when the whole text it came from has no diacritics */
export interface Word {
  readonly plain: string;
  readonly folded: string;
}

function splitWords(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text
    .normalize("NFC")
    .toLowerCase()
    .matchAll(/[\p{L}\p{N}]+|[<>≤≥]=?/gu)) {
    const plain = m[0];
    out.push({ plain, folded: fold(plain) });
  }
  return out;
}

/**
 * The words of a text, lowercase, with the short forms of {@link DTI_WORDS} expanded (`BCĐ` → `ban chỉ đạo`),
 * so a rule and an explanation that abbreviate differently still meet.
 */
export function wordsOf(text: string): Word[] {
  return expanded(splitWords(text), phrases().abbreviations);
}

function expanded(words: readonly Word[], abbreviations: Phrases["abbreviations"]): Word[] {
  const out: Word[] = [];
  for (const w of words) {
    const long = abbreviations.get(w.folded);
    if (long) out.push(...long);
    else out.push(w);
  }
  return out;
}

/** true when the text carries no Vietnamese diacritics at all (typed without them) */
export function isBare(words: readonly Word[]): boolean {
  return words.every((w) => w.plain === w.folded);
}

/**
 * True when `words[at…]` is the phrase `key`. Folded words must agree; a phrase of one word matched against a
 * text with diacritics must also agree in diacritics (`sẽ` ≠ `sẻ`), unless either side has none.
 */
export function phraseAt(words: readonly Word[], at: number, key: readonly Word[], bare: boolean): boolean {
  if (key.length === 0 || at < 0 || at + key.length > words.length) return false;
  for (let k = 0; k < key.length; k++) {
    const w = words[at + k]!;
    const p = key[k]!;
    if (w.folded !== p.folded) return false;
    if (key.length === 1 && !bare && p.plain !== p.folded && w.plain !== p.plain) return false;
  }
  return true;
}

/** every place where a phrase occurs */
export function findPhrase(words: readonly Word[], key: readonly Word[], bare = isBare(words)): number[] {
  const at: number[] = [];
  for (let i = 0; i + key.length <= words.length; i++) if (phraseAt(words, i, key, bare)) at.push(i);
  return at;
}

/** the phrases of a word list, split once */
export function phraseList(list: readonly string[]): Word[][] {
  return list.map(splitWords).sort((a, b) => b.length - a.length);
}

/** the longest phrase of the list ending right before `at`, as its length (0 when none) */
export function phraseBefore(
  words: readonly Word[],
  at: number,
  list: readonly Word[][],
  bare: boolean,
): number {
  for (const key of list) if (phraseAt(words, at - key.length, key, bare)) return key.length;
  return 0;
}

/** the longest phrase of the list starting at `at`, as its length (0 when none) */
export function phraseStarting(
  words: readonly Word[],
  at: number,
  list: readonly Word[][],
  bare: boolean,
): number {
  for (const key of list) if (phraseAt(words, at, key, bare)) return key.length;
  return 0;
}

/** the word lists split into words, ready to match: {@link phrases} builds them once */
export interface Phrases {
  /** short form (folded) → the words it stands for */
  readonly abbreviations: ReadonlyMap<string, readonly Word[]>;
  readonly negations: readonly Word[][];
  readonly hedges: readonly Word[][];
  readonly otherwise: readonly Word[][];
  readonly yesStarts: readonly Word[][];
  readonly noStarts: readonly Word[][];
  readonly additive: readonly Word[][];
  readonly placeWords: readonly Word[][];
  /** small numbers written as words (abbreviations expanded) */
  readonly numberWords: readonly (readonly [Word[], number])[];
  /** each hedge with its folded text */
  readonly hedgesJoined: readonly (readonly [Word[], string])[];
  /** words before a step's count bounding its range (folded `key`), longest first; those after it */
  readonly rangeBefore: readonly RangeWord[];
  readonly rangeAfter: readonly RangeWord[];
}

/** a range word of {@link DTI_WORDS} with its folded text */
export type RangeWord = DtiWords["rangeWords"][number] & { readonly key: string };

let built: Phrases | null = null;

/**
 * The word lists split into words, built on first use rather than when the module loads: every Apps Script
 * execution loads the whole script, and most (a menu, =CDS_DAT, an annex) never read a rule or an explanation.
 */
export function phrases(): Phrases {
  if (built) return built;
  const abbreviations = new Map(
    DTI_WORDS.abbreviations.map(([short, long]) => [fold(short), splitWords(long)]),
  );
  const hedges = phraseList(DTI_WORDS.hedges);
  const range = DTI_WORDS.rangeWords.map((w) => ({ ...w, key: fold(w.text) }));
  built = {
    abbreviations,
    negations: phraseList(DTI_WORDS.negations),
    hedges,
    otherwise: phraseList(DTI_WORDS.otherwise),
    yesStarts: phraseList(DTI_WORDS.yesStarts),
    noStarts: phraseList(DTI_WORDS.noStarts),
    additive: phraseList(DTI_WORDS.additive),
    placeWords: phraseList(DTI_WORDS.placeWords),
    numberWords: DTI_WORDS.numberWords.map(([w, n]) => [expanded(splitWords(w), abbreviations), n] as const),
    hedgesJoined: hedges.map((k) => [k, k.map((w) => w.folded).join(" ")] as const),
    rangeBefore: range.filter((w) => w.place === "before").sort((a, b) => b.key.length - a.key.length),
    rangeAfter: range.filter((w) => w.place === "after"),
  };
  return built;
}
