/**
 * The words officials write in result and target cells, as typed data checked by a schema at load.
 *
 * Matching (see {@link findPhrase}) is diacritic-insensitive through `fold()`, on whole words, with one guard:
 * a one-word entry (`Có`, `Đã`, `Không`) matched against text that carries diacritics must carry the same ones,
 * because folding merges `có`/`cơ` (`cơ sở`), `đã`/`đa` (`đa dạng`), `chưa`/`chùa`. Text typed without any
 * diacritics (`Co`, `Da trien khai`) still matches.
 */
import * as z from "zod/mini";
import { fold } from "../text";

/** the kinds of word a result cell may hold */
export const RESULT_WORD_KINDS = ["yes", "no", "underWay", "notEvaluated"] as const;
export type ResultWordKind = (typeof RESULT_WORD_KINDS)[number];

/**
 * `start`: counts only when the cell begins with it (`Không`, `Triển khai`);
 * `anywhere`: counts anywhere in the text (`không tổ chức đánh giá`, `đã triển khai`).
 */
export type WordPlace = "start" | "anywhere";

/** words that make a result a plan, an estimate, or a yes undone by what follows */
export const HEDGE_KINDS = ["plan", "estimate", "qualifier"] as const;

/**
 * Where a hedge counts. `anywhere`; `figure`: only when the cell's value is a figure (`Kế hoạch 50%`; in
 * `Có Kế hoạch số 12/KH-UBND` the plan is a document); `beforeYes`: at the start of the cell or right before an
 * affirmative word (`Cơ bản đảm bảo`; not `kỹ năng số cơ bản`).
 */
export const HEDGE_PLACES = ["anywhere", "figure", "beforeYes"] as const;

export interface HedgeWord {
  readonly kind: (typeof HEDGE_KINDS)[number];
  readonly text: string;
  readonly place: (typeof HEDGE_PLACES)[number];
}

export interface ResultWord {
  readonly kind: ResultWordKind;
  readonly text: string;
  readonly place: WordPlace;
}

/**
 * The schema the word lists must pass. Checked by the tests (test/core/words.test.ts), not when the module
 * loads: every Apps Script execution loads the script anew.
 */
export function wordListsSchema() {
  const text = z.string().check(z.trim(), z.minLength(1));
  const texts = z.array(text);
  return z.object({
    results: z
      .array(
        z.object({
          kind: z.enum(RESULT_WORD_KINDS),
          text,
          place: z.enum(["start", "anywhere"]),
        }),
      )
      .check(z.minLength(1)),
    negations: texts.check(z.minLength(1)),
    notAffirmative: texts,
    doneBefore: texts,
    noData: texts,
    yesTargets: texts.check(z.minLength(1)),
    upperBounds: texts,
    lowerBounds: z.array(z.object({ text, strict: z.boolean() })),
    hedges: z
      .array(z.object({ kind: z.enum(HEDGE_KINDS), text, place: z.enum(HEDGE_PLACES) }))
      .check(z.minLength(1)),
    notHedges: texts,
    levels: z.array(z.object({ name: text, words: texts.check(z.minLength(1)) })).check(z.minLength(2)),
  });
}

/** the word lists, as officials write them */
export interface WordLists {
  /** words of result cells, by kind */
  readonly results: readonly ResultWord[];
  /** a word right before an affirmative word in prose negates it (`chưa có`, `không đảm bảo`) */
  readonly negations: readonly string[];
  /** phrases that start with an affirmative word but do not affirm (`có thể` = "can") */
  readonly notAffirmative: readonly string[];
  /** words before an under-way word in prose that say the work is done and goes on (`đã và đang triển khai`) */
  readonly doneBefore: readonly string[];
  /** a cell starting with these says the figure is missing, not that the answer is no (`Chưa có số liệu`) */
  readonly noData: readonly string[];
  /** yes-type targets: met by an affirmative result */
  readonly yesTargets: readonly string[];
  /** words before a percentage that make it an upper bound (`dưới 50%`): not a readable result */
  readonly upperBounds: readonly string[];
  /** words before a percentage that make it a lower bound (`trên 90%`, `> 90%`) */
  readonly lowerBounds: readonly { readonly text: string; readonly strict: boolean }[];
  /** words that make a result not a result: plans and targets, estimates, qualifiers that undo a yes */
  readonly hedges: readonly HedgeWord[];
  /** phrases holding a plan word that say the plan was reached (`đạt chỉ tiêu`): not a hedge */
  readonly notHedges: readonly string[];
  /**
   * the levels above the commune a criterion may name together (`kết nối … huyện, tỉnh và Trung ương`): a
   * criterion naming two or more asks for each, and a result naming only some of them is not met
   */
  readonly levels: readonly { readonly name: string; readonly words: readonly string[] }[];
}

const y = (text: string, place: WordPlace = "anywhere"): ResultWord => ({ kind: "yes", text, place });

/** the word lists; the tests check them against {@link wordListsSchema} */
export const WORDS: WordLists = {
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
  doneBefore: ["Đã và"],
  noData: [
    "Chưa có số liệu",
    "Không có số liệu",
    "Chưa đánh giá",
    "Chưa thống kê",
    "Chưa tổng hợp",
    "Chưa cập nhật",
    "Đang thống kê",
    "Đang tổng hợp",
  ],
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
  hedges: [
    { kind: "plan", text: "Phấn đấu", place: "anywhere" },
    { kind: "plan", text: "Dự kiến", place: "anywhere" },
    { kind: "plan", text: "Theo kế hoạch", place: "figure" },
    { kind: "plan", text: "Kế hoạch", place: "figure" },
    { kind: "plan", text: "Chỉ tiêu", place: "figure" },
    { kind: "plan", text: "Mục tiêu", place: "figure" },
    { kind: "estimate", text: "Khoảng", place: "figure" },
    { kind: "estimate", text: "Ước", place: "figure" },
    { kind: "estimate", text: "Ước đạt", place: "figure" },
    { kind: "estimate", text: "Ước tính", place: "figure" },
    { kind: "estimate", text: "Gần", place: "figure" },
    { kind: "estimate", text: "Trên dưới", place: "figure" },
    { kind: "estimate", text: "Xấp xỉ", place: "figure" },
    { kind: "estimate", text: "Tạm tính", place: "figure" },
    { kind: "estimate", text: "Chừng", place: "figure" },
    { kind: "qualifier", text: "Nhưng chưa", place: "anywhere" },
    { kind: "qualifier", text: "Song chưa", place: "anywhere" },
    { kind: "qualifier", text: "Tuy nhiên chưa", place: "anywhere" },
    { kind: "qualifier", text: "Chưa kết nối", place: "anywhere" },
    { kind: "qualifier", text: "Chưa đầy đủ", place: "anywhere" },
    { kind: "qualifier", text: "Một phần", place: "anywhere" },
    { kind: "qualifier", text: "1 phần", place: "anywhere" },
    { kind: "qualifier", text: "Thí điểm", place: "anywhere" },
    { kind: "qualifier", text: "Đang chờ", place: "anywhere" },
    // a reservation after a yes (`Có nhưng hiệu quả thấp`, `Có, tuy nhiên …`)
    { kind: "qualifier", text: "Nhưng", place: "anywhere" },
    { kind: "qualifier", text: "Tuy nhiên", place: "anywhere" },
    { kind: "qualifier", text: "Còn hạn chế", place: "anywhere" },
    { kind: "qualifier", text: "Không thường xuyên", place: "anywhere" },
    { kind: "qualifier", text: "Không đầy đủ", place: "anywhere" },
    { kind: "qualifier", text: "Không đồng bộ", place: "anywhere" },
    { kind: "qualifier", text: "0 lượt", place: "anywhere" },
    { kind: "qualifier", text: "Nhưng còn", place: "anywhere" },
    { kind: "qualifier", text: "Cơ bản", place: "beforeYes" },
    // after a yes, any "chưa" says part is missing (`Có hệ thống, chưa hoạt động`); a cell that starts with it
    // is a "no" and is not hedged
    { kind: "qualifier", text: "Chưa", place: "anywhere" },
  ],
  notHedges: [
    "Đạt chỉ tiêu",
    "Vượt chỉ tiêu",
    "Hoàn thành chỉ tiêu",
    "Đạt kế hoạch",
    "Vượt kế hoạch",
    "Hoàn thành kế hoạch",
  ],
  levels: [
    { name: "huyện", words: ["huyện", "thị xã", "thành phố", "quận"] },
    { name: "tỉnh", words: ["tỉnh", "thành phố trực thuộc trung ương"] },
    { name: "Trung ương", words: ["Trung ương", "TW"] },
  ],
};

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
    out.push({ plain, folded: fold(plain), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** a phrase split into tokens, with what it stands for */
interface Phrase<T> {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly value: T;
}

function compile<T>(text: string, value: T): Phrase<T> {
  return { text, tokens: tokenize(text.normalize("NFC")), value };
}

function tokenMatches(t: Token, w: Token, single: boolean): boolean {
  if (t.folded !== w.folded) return false;
  // a lone short word must agree in diacritics unless the text has none (see the module note)
  return !single || t.plain === t.folded || t.plain === w.plain;
}

function matchesAt(tokens: readonly Token[], i: number, p: Phrase<unknown>): boolean {
  const n = p.tokens.length;
  if (n === 0 || i < 0 || i + n > tokens.length) return false;
  for (let k = 0; k < n; k++) if (!tokenMatches(tokens[i + k]!, p.tokens[k]!, n === 1)) return false;
  return true;
}

/** phrases by their first folded word, longest first: one map lookup per token */
type PhraseIndex<T> = ReadonlyMap<string, readonly Phrase<T>[]>;

function indexPhrases<T>(entries: readonly (readonly [string, T])[]): PhraseIndex<T> {
  const index = new Map<string, Phrase<T>[]>();
  for (const [text, value] of entries) {
    const p = compile(text, value);
    const first = p.tokens[0];
    if (!first) continue;
    const list = index.get(first.folded) ?? [];
    list.push(p);
    list.sort((a, b) => b.tokens.length - a.tokens.length);
    index.set(first.folded, list);
  }
  return index;
}

/** the longest phrase of the index found at token `i` */
function longestIn<T>(index: PhraseIndex<T>, tokens: readonly Token[], i: number): Phrase<T> | undefined {
  const t = tokens[i];
  const list = t && index.get(t.folded);
  return list ? list.find((p) => matchesAt(tokens, i, p)) : undefined;
}

const phraseCache = new Map<string, Phrase<null>>();

function phrase(text: string): Phrase<null> {
  let p = phraseCache.get(text);
  if (!p) {
    p = compile(text, null);
    phraseCache.set(text, p);
  }
  return p;
}

/** true when `words` (a phrase) sits in `tokens` at index `i` */
export function phraseAt(tokens: readonly Token[], i: number, words: string): boolean {
  return matchesAt(tokens, i, phrase(words));
}

/** number of tokens in a phrase */
export function phraseLength(words: string): number {
  return phrase(words).tokens.length;
}

function anywhere(kind: ResultWordKind): PhraseIndex<ResultWord> {
  return indexPhrases(
    WORDS.results.filter((w) => w.kind === kind && w.place === "anywhere").map((w) => [w.text, w]),
  );
}

/** the word lists as phrase indexes */
function buildIndexes() {
  return {
    all: indexPhrases(WORDS.results.map((w) => [w.text, w] as const)),
    anywhere: {
      yes: anywhere("yes"),
      no: anywhere("no"),
      underWay: anywhere("underWay"),
      notEvaluated: anywhere("notEvaluated"),
    } as Readonly<Record<ResultWordKind, PhraseIndex<ResultWord>>>,
    negations: indexPhrases(WORDS.negations.map((w) => [w, w] as const)),
    doneBefore: WORDS.doneBefore.map((w) => compile(w, w)),
    notAffirmative: indexPhrases(WORDS.notAffirmative.map((w) => [w, w] as const)),
    noData: indexPhrases(WORDS.noData.map((w) => [w, w] as const)),
    yesTargets: indexPhrases(WORDS.yesTargets.map((w) => [w, w] as const)),
    hedges: indexPhrases(WORDS.hedges.map((w) => [w.text, w] as const)),
    notHedges: indexPhrases(WORDS.notHedges.map((w) => [w, w] as const)),
    levels: indexPhrases(WORDS.levels.flatMap((l) => l.words.map((w) => [w, l.name] as const))),
  };
}

let built: ReturnType<typeof buildIndexes> | undefined;

/**
 * The phrase indexes, built on first use rather than when the module loads: an Apps Script execution (each
 * custom-function call) loads the whole script, and many never read a word.
 */
function indexes(): ReturnType<typeof buildIndexes> {
  built ??= buildIndexes();
  return built;
}

/** a result word found in a text, with the token where it starts */
export interface WordHit {
  readonly word: ResultWord;
  readonly at: number;
}

/** the longest result word at the start of the text, if any */
export function resultWordAtStart(tokens: readonly Token[]): ResultWord | undefined {
  return longestIn(indexes().all, tokens, 0)?.value;
}

/** the first `anywhere` word of `kind` in the text (an under-way word after `đã và` does not count) */
export function findResultWord(tokens: readonly Token[], kind: ResultWordKind): WordHit | undefined {
  const { anywhere: byKind, doneBefore } = indexes();
  const index = byKind[kind];
  for (let i = 0; i < tokens.length; i++) {
    const hit = longestIn(index, tokens, i);
    if (hit && !(kind === "underWay" && doneBefore.some((p) => matchesAt(tokens, i - p.tokens.length, p)))) {
      return { word: hit.value, at: i };
    }
  }
  return undefined;
}

/** affirmative words in prose, split by whether a negation word stands right before them */
export function affirmativesIn(tokens: readonly Token[]): { plain: string[]; negated: string[] } {
  const plain: string[] = [];
  const negated: string[] = [];
  const { anywhere: byKind, notAffirmative, negations } = indexes();
  for (let i = 0; i < tokens.length; i++) {
    const hit = longestIn(byKind.yes, tokens, i);
    if (!hit) continue;
    const not = longestIn(notAffirmative, tokens, i);
    if (not && not.tokens.length > hit.tokens.length) continue;
    const negation = i > 0 ? longestIn(negations, tokens, i - 1) : undefined;
    if (negation?.tokens.length === 1) negated.push(`${tokens[i - 1]!.plain} ${hit.text.toLowerCase()}`);
    else plain.push(hit.text);
    i += hit.tokens.length - 1;
  }
  return { plain, negated };
}

/** the yes-type target word the text starts with (longest), if any */
export function yesTargetAtStart(tokens: readonly Token[]): string | undefined {
  return longestIn(indexes().yesTargets, tokens, 0)?.value;
}

/** the no-data phrase the text starts with (`Chưa có số liệu`), if any */
export function noDataAtStart(tokens: readonly Token[]): string | undefined {
  return longestIn(indexes().noData, tokens, 0)?.value;
}

/** a hedge found in a text: the entry and the words as written (lowercase) */
export interface HedgeHit {
  readonly word: HedgeWord;
  readonly words: string;
}

/**
 * The hedges of a text, in order: every entry found (longest at each word), except inside a phrase that
 * says a plan was reached (`đạt chỉ tiêu`), each with the words as written. Where an entry counts
 * ({@link HedgeWord.place}) is decided by the caller, which knows the value.
 */
export function hedgesIn(tokens: readonly Token[]): { hit: HedgeHit; at: number; end: number }[] {
  const { hedges, notHedges } = indexes();
  const out: { hit: HedgeHit; at: number; end: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const not = longestIn(notHedges, tokens, i);
    if (not) {
      i += not.tokens.length - 1;
      continue;
    }
    const p = longestIn(hedges, tokens, i);
    if (!p) continue;
    const n = p.tokens.length;
    const words = tokens
      .slice(i, i + n)
      .map((t) => t.plain)
      .join(" ");
    out.push({ hit: { word: p.value, words }, at: i, end: i + n });
    i += n - 1;
  }
  return out;
}

/** true when an affirmative result word starts at token `i` */
export function affirmativeAt(tokens: readonly Token[], i: number): boolean {
  return longestIn(indexes().anywhere.yes, tokens, i) !== undefined;
}

/**
 * The level a range of levels starts or ends with at token `i` (`xã`, `cấp huyện`, `TW`): its rank, the commune
 * 0 and each of {@link WordLists.levels} from 1 in the lists' order, and the token after it
 */
function levelEndAt(tokens: readonly Token[], i: number): { rank: number; next: number } | undefined {
  const at = tokens[i]?.folded === "cap" ? i + 1 : i;
  const t = tokens[at];
  if (!t) return undefined;
  if (t.folded === "xa" && t.plain !== "xa") return { rank: 0, next: at + 1 };
  const p = longestIn(indexes().levels, tokens, at);
  if (!p) return undefined;
  return { rank: WORDS.levels.findIndex((l) => l.name === p.value) + 1, next: at + p.tokens.length };
}

/**
 * The levels ({@link WordLists.levels}) a text names, by name, in the lists' order; a range (`từ xã đến Trung
 * ương`, `từ huyện tới tỉnh`) names each level from one end to the other
 */
export function levelsIn(tokens: readonly Token[]): string[] {
  const { levels } = indexes();
  const found = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.folded === "tu") {
      const from = levelEndAt(tokens, i + 1);
      const word = from && tokens[from.next]?.folded;
      const to = from && (word === "den" || word === "toi") ? levelEndAt(tokens, from.next + 1) : undefined;
      if (from && to) {
        const [low, high] = from.rank < to.rank ? [from.rank, to.rank] : [to.rank, from.rank];
        // both ends are reached; the commune (rank 0) is no level of the list
        for (let r = Math.max(low, 1); r <= high; r++) found.add(WORDS.levels[r - 1]!.name);
        i = to.next - 1;
        continue;
      }
    }
    const p = longestIn(levels, tokens, i);
    if (!p) continue;
    found.add(p.value);
    i += p.tokens.length - 1;
  }
  return WORDS.levels.map((l) => l.name).filter((n) => found.has(n));
}
