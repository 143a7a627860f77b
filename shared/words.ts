/**
 * The words officials write in result and target cells, as typed data checked by a schema at load.
 *
 * Matching (see {@link findPhrase}) is diacritic-insensitive through `fold()`, on whole words, with one guard:
 * a one-word entry (`Có`, `Đã`, `Không`) matched against text that carries diacritics must carry the same ones,
 * because folding merges `có`/`cơ` (`cơ sở`), `đã`/`đa` (`đa dạng`), `chưa`/`chùa`. Text typed without any
 * diacritics (`Co`, `Da trien khai`) still matches.
 */
import { z } from "zod";
import { fold } from "./text";

/** the kinds of word a result cell may hold */
export const RESULT_WORD_KINDS = ["yes", "no", "underWay", "notEvaluated"] as const;
export type ResultWordKind = (typeof RESULT_WORD_KINDS)[number];

/**
 * `start`: counts only when the cell begins with it (`Không`, `Triển khai`);
 * `anywhere`: counts anywhere in the text (`không tổ chức đánh giá`, `đã triển khai`).
 */
export type WordPlace = "start" | "anywhere";

export interface ResultWord {
  readonly kind: ResultWordKind;
  readonly text: string;
  readonly place: WordPlace;
}

const wordListsSchema = z.object({
  results: z
    .array(
      z.object({
        kind: z.enum(RESULT_WORD_KINDS),
        text: z.string().trim().min(1),
        place: z.enum(["start", "anywhere"]),
      }),
    )
    .min(1),
  negations: z.array(z.string().trim().min(1)).min(1),
  notAffirmative: z.array(z.string().trim().min(1)),
  yesTargets: z.array(z.string().trim().min(1)).min(1),
  upperBounds: z.array(z.string().trim().min(1)),
  lowerBounds: z.array(z.object({ text: z.string().trim().min(1), strict: z.boolean() })),
});

/** the word lists, as officials write them */
export interface WordLists {
  /** words of result cells, by kind */
  readonly results: readonly ResultWord[];
  /** a word right before an affirmative word in prose negates it (`chưa có`, `không đảm bảo`) */
  readonly negations: readonly string[];
  /** phrases that start with an affirmative word but do not affirm (`có thể` = "can") */
  readonly notAffirmative: readonly string[];
  /** yes-type targets: met by an affirmative result */
  readonly yesTargets: readonly string[];
  /** words before a percentage that make it an upper bound (`dưới 50%`): not a readable result */
  readonly upperBounds: readonly string[];
  /** words before a percentage that make it a lower bound (`trên 90%`, `> 90%`) */
  readonly lowerBounds: readonly { readonly text: string; readonly strict: boolean }[];
}

const y = (text: string, place: WordPlace = "anywhere"): ResultWord => ({ kind: "yes", text, place });

/** the word lists; checked by the schema when the module loads */
export const WORDS: WordLists = wordListsSchema.parse({
  results: [
    { kind: "notEvaluated", text: "Không đánh giá", place: "anywhere" },
    { kind: "notEvaluated", text: "Không áp dụng", place: "anywhere" },
    { kind: "notEvaluated", text: "Không đưa vào đánh giá", place: "anywhere" },
    { kind: "notEvaluated", text: "Không tổ chức đánh giá", place: "anywhere" },
    { kind: "notEvaluated", text: "Không thực hiện đánh giá", place: "anywhere" },
    { kind: "notEvaluated", text: "Không xét", place: "start" },
    { kind: "underWay", text: "Đang triển khai", place: "anywhere" },
    { kind: "underWay", text: "Đang thực hiện", place: "anywhere" },
    { kind: "underWay", text: "Đang xây dựng", place: "anywhere" },
    { kind: "underWay", text: "Đang hoàn thiện", place: "anywhere" },
    { kind: "underWay", text: "Đang tiến hành", place: "anywhere" },
    { kind: "no", text: "Không", place: "start" },
    { kind: "no", text: "Chưa", place: "start" },
    y("Có"),
    y("Có hệ thống"),
    y("Đạt"),
    y("Đảm bảo"),
    y("Bảo đảm"),
    y("Đáp ứng"),
    y("Đã"),
    y("Đã triển khai"),
    y("Triển khai sử dụng"),
    y("Hoàn thành"),
    y("Triển khai", "start"),
    y("Sử dụng", "start"),
  ],
  negations: ["Không", "Chưa"],
  notAffirmative: ["Có thể"],
  yesTargets: [
    "Có",
    "Đáp ứng",
    "Đảm bảo",
    "Triển khai",
    "Sử dụng",
    "Số lượng",
    "Triển khai sử dụng",
    "Cung cấp đầy đủ thông tin theo quy định",
    "Có nội dung tuyên truyền",
  ],
  upperBounds: ["<", "≤", "<=", "dưới", "chưa đến", "chưa tới", "không đến", "gần", "chưa đạt", "không đạt"],
  lowerBounds: [
    { text: ">", strict: true },
    { text: "≥", strict: false },
    { text: ">=", strict: false },
    { text: "=>", strict: false },
    { text: "trên", strict: true },
    { text: "hơn", strict: true },
    { text: "ít nhất", strict: false },
    { text: "tối thiểu", strict: false },
    { text: "từ", strict: false },
  ],
});

// ---------------------------------------------------------------------------------------------
// matching

/** one word of a text: its lowercase NFC form and its folded form, with its place in the text */
export interface Token {
  readonly plain: string;
  readonly folded: string;
  readonly start: number;
  readonly end: number;
}

/** splits text (already NFC) into words of letters and digits; linear in the text's length */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const re = /[\p{L}\p{N}]+/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const plain = m[0].toLowerCase();
    const folded = /^[a-z0-9]*$/.test(plain) ? plain : fold(plain);
    out.push({ plain, folded, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

interface Phrase {
  readonly text: string;
  readonly tokens: readonly Token[];
}

const phraseCache = new Map<string, Phrase>();

function phrase(text: string): Phrase {
  let p = phraseCache.get(text);
  if (!p) {
    p = { text, tokens: tokenize(text.normalize("NFC")) };
    phraseCache.set(text, p);
  }
  return p;
}

function tokenMatches(t: Token, w: Token, single: boolean): boolean {
  if (t.folded !== w.folded) return false;
  // a lone short word must agree in diacritics unless the text has none (see the module note)
  return !single || t.plain === t.folded || t.plain === w.plain;
}

/** true when `words` (a phrase) sits in `tokens` at index `i` */
export function phraseAt(tokens: readonly Token[], i: number, words: string): boolean {
  const p = phrase(words);
  if (p.tokens.length === 0 || i < 0 || i + p.tokens.length > tokens.length) return false;
  const single = p.tokens.length === 1;
  return p.tokens.every((w, k) => tokenMatches(tokens[i + k]!, w, single));
}

/** number of tokens in a phrase */
export function phraseLength(words: string): number {
  return phrase(words).tokens.length;
}

/**
 * The longest of `candidates` found at token `i`.
 * @example longestAt(tokenize("có hệ thống"), 0, ["Có", "Có hệ thống"]) === "Có hệ thống"
 */
export function longestAt(
  tokens: readonly Token[],
  i: number,
  candidates: readonly string[],
): string | undefined {
  let best: string | undefined;
  for (const c of candidates) {
    if (phraseAt(tokens, i, c) && (!best || phraseLength(c) > phraseLength(best))) best = c;
  }
  return best;
}

/** a result word found in a text, with the token where it starts */
export interface WordHit {
  readonly word: ResultWord;
  readonly at: number;
}

/** the longest result word at the start of the text, if any */
export function resultWordAtStart(tokens: readonly Token[]): ResultWord | undefined {
  let best: ResultWord | undefined;
  for (const w of WORDS.results) {
    if (phraseAt(tokens, 0, w.text) && (!best || phraseLength(w.text) > phraseLength(best.text))) best = w;
  }
  return best;
}

/** the first `anywhere` word of `kind` in the text */
export function findResultWord(tokens: readonly Token[], kind: ResultWordKind): WordHit | undefined {
  const words = WORDS.results.filter((w) => w.kind === kind && w.place === "anywhere");
  for (let i = 0; i < tokens.length; i++) {
    for (const w of words) if (phraseAt(tokens, i, w.text)) return { word: w, at: i };
  }
  return undefined;
}

/** affirmative words in prose, split by whether a negation word stands right before them */
export function affirmativesIn(tokens: readonly Token[]): { plain: string[]; negated: string[] } {
  const yes = WORDS.results.filter((w) => w.kind === "yes" && w.place === "anywhere").map((w) => w.text);
  const plain: string[] = [];
  const negated: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const hit = longestAt(tokens, i, yes);
    if (
      !hit ||
      WORDS.notAffirmative.some((n) => phraseAt(tokens, i, n) && phraseLength(n) > phraseLength(hit))
    ) {
      continue;
    }
    const before = i > 0 && WORDS.negations.some((n) => phraseAt(tokens, i - 1, n));
    (before ? negated : plain).push(before ? `${tokens[i - 1]!.plain} ${hit.toLowerCase()}` : hit);
    i += phraseLength(hit) - 1;
  }
  return { plain, negated };
}

/** the yes-type target word the text starts with (longest), if any */
export function yesTargetAtStart(tokens: readonly Token[]): string | undefined {
  return longestAt(tokens, 0, WORDS.yesTargets);
}
