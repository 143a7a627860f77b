/**
 * Figures read from a commune's explanation (Giải trình): `a = 12; b = 15`, `12/15`, `họp 4 lần`, the branch of a
 * choice it names (`Trưởng ban là Chủ tịch UBND xã`), words of plans and guesses (`dự kiến`, `khoảng`). Only
 * what is written clearly counts: two different figures, or two branches named, read as nothing.
 */
import { parseViNumber } from "../values/numbers";
import { outsideBrackets } from "./amounts";
import { type Word, findPhrase, isBare, phraseAt, phraseBefore, phrases, wordsOf } from "./words";

// ---------------------------------------------------------------------------------------------
// a and b

/** what an explanation says about a ratio */
export interface RatioReading {
  /** `a = 12`, or the numerator of the one fraction written */
  readonly a: number | null;
  readonly b: number | null;
  /** two different values for a or b (or a fraction that disagrees with them) */
  readonly ambiguous: boolean;
  /** a rate written without a and b (`đạt 80%`), in percent points */
  readonly percent: number | null;
}

const NUMBER = String.raw`\d+(?:[.,]\d+)*`;
const LABELLED = new RegExp(String.raw`(?<![\p{L}\p{N}])([abAB])\s*(?:=|:)\s*(${NUMBER})(?![\p{N}])`, "gu");
const FRACTION = new RegExp(
  String.raw`(?<![\p{L}\p{N}/.,])(${NUMBER})\s*/\s*(${NUMBER})(?![\p{N}]|\s*/|[.,]\d|\p{L})`,
  "gu",
);
const PERCENT = new RegExp(String.raw`(?<![\p{N}.,])(${NUMBER})\s*%`, "gu");
const DATE_WORD = /(?:ngày|ngay|tháng|thang)\s*$/iu;

function distinct(values: readonly number[]): number[] {
  return [...new Set(values)];
}

/**
 * a and b as the explanation writes them: `a = 12; b = 15`, `a: 12, b: 15`, or one fraction `12/15` (not a date,
 * not a document number like `12/QĐ-UBND`).
 * @example readRatio("Có 12/15 cuộc họp do Chủ tịch chủ trì") // { a: 12, b: 15, ambiguous: false, percent: null }
 */
export function readRatio(text: string): RatioReading {
  const t = text.normalize("NFC");
  const as: number[] = [];
  const bs: number[] = [];
  for (const m of t.matchAll(LABELLED)) {
    const n = parseViNumber(m[2]!);
    if (n === null) continue;
    (m[1]!.toLowerCase() === "a" ? as : bs).push(n);
  }
  const fractions: [number, number][] = [];
  for (const m of t.matchAll(FRACTION)) {
    if (DATE_WORD.test(t.slice(0, m.index))) continue;
    const x = parseViNumber(m[1]!);
    const y = parseViNumber(m[2]!);
    if (x !== null && y !== null) fractions.push([x, y]);
  }
  const percents = distinct(
    [...t.matchAll(PERCENT)].map((m) => parseViNumber(m[1]!)).filter((n) => n !== null),
  );
  const aSet = distinct(as);
  const bSet = distinct(bs);
  const fracSet = distinct(fractions.map(([x, y]) => x * 1e6 + y)).length;
  let a: number | null = aSet.length === 1 ? aSet[0]! : null;
  let b: number | null = bSet.length === 1 ? bSet[0]! : null;
  let ambiguous = aSet.length > 1 || bSet.length > 1 || fracSet > 1;
  if (fracSet === 1) {
    const [x, y] = fractions[0]!;
    if ((a !== null && a !== x) || (b !== null && b !== y)) ambiguous = true;
    a ??= x;
    b ??= y;
  }
  if (ambiguous) {
    a = null;
    b = null;
  }
  const percent = a === null && b === null && !ambiguous && percents.length === 1 ? percents[0]! : null;
  return { a, b, ambiguous, percent };
}

// ---------------------------------------------------------------------------------------------
// counts

/** what an explanation says about a count */
export interface CountReading {
  readonly count: number | null;
  /** every different count written before the unit */
  readonly counts: readonly number[];
}

/**
 * The count an explanation states before the rule's unit: `họp 4 lần`, `04 lần`, `họp bốn lần`; outside brackets.
 * When several counts are written, the one after the same word as in the rule (`họp`) wins if it is alone.
 * @example readCount("BCĐ đã họp 4 lần trong năm", "lần", ["họp"]).count === 4
 */
export function readCount(text: string, unit: string, verbs: readonly string[] = []): CountReading {
  const words = wordsOf(outsideBrackets(text.normalize("NFC")));
  const bare = isBare(words);
  const unitWords = wordsOf(unit);
  const verbWords = verbs.map((v) => wordsOf(v)).filter((v) => v.length > 0);
  const all: number[] = [];
  const afterVerb: number[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    let n: number | null = null;
    if (/^\d+$/.test(words[i]!.folded)) n = Number(words[i]!.folded);
    else for (const [w, v] of phrases().numberWords) if (phraseAt(words, i, w, bare)) n = v;
    if (n === null || !phraseAt(words, i + 1, unitWords, bare)) continue;
    all.push(n);
    if (verbWords.some((v) => phraseAt(words, i - v.length, v, bare))) afterVerb.push(n);
  }
  const counts = distinct(all);
  const verbCounts = distinct(afterVerb);
  const count = counts.length === 1 ? counts[0]! : verbCounts.length === 1 ? verbCounts[0]! : null;
  return { count, counts };
}

/** the word right before the count in a step's condition (`BCĐ họp 4 lần` → `họp`), to pick the count meant */
export function countVerb(condition: string): string | null {
  const m = /([\p{L}]+)\s+\d+\s*[\p{L}]/u.exec(outsideBrackets(condition));
  return m ? m[1]! : null;
}

// ---------------------------------------------------------------------------------------------
// plans and guesses

/**
 * The first word of a plan or a guess in the explanation (`dự kiến`, `khoảng`, `sẽ`, `kế hoạch` not followed by a
 * number), null when none. Words the rule itself uses do not count (a rule about issuing a plan).
 */
export function hedgeIn(explanation: string, ruleText = ""): string | null {
  return hedgeInWords(wordsOf(explanation), hedgesUsedBy(ruleText));
}

/** the hedge phrases (folded) a rule's own words use: they do not count as hedges in its explanations */
export function hedgesUsedBy(ruleText: string): ReadonlySet<string> {
  const rule = wordsOf(ruleText);
  const bare = isBare(rule);
  return new Set(
    phrases()
      .hedges.filter((key) => findPhrase(rule, key, bare).length > 0)
      .map(joinFolded),
  );
}

function joinFolded(words: readonly Word[]): string {
  return words.map((w) => w.folded).join(" ");
}

/** {@link hedgeIn} on an explanation already split into words */
export function hedgeInWords(words: readonly Word[], used: ReadonlySet<string>): string | null {
  const bare = isBare(words);
  for (const [key, joined] of phrases().hedgesJoined) {
    if (used.has(joined)) continue;
    for (const at of findPhrase(words, key, bare)) {
      const next = words[at + key.length];
      // `Kế hoạch số 12/KH-UBND` cites a document; `đã và đang` is done and goes on
      if (joined === "ke hoach" && next && (next.folded === "so" || /^\d/.test(next.folded))) continue;
      if (joined === "dang" && at >= 2 && words[at - 1]!.folded === "va" && words[at - 2]!.folded === "da")
        continue;
      return key.map((w) => w.plain).join(" ");
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// naming a branch

/** the key phrases of each branch: what an explanation must say to name it */
export type BranchKeys = readonly (readonly Word[][])[];

const HEAD = 4;

function commonPrefix(a: readonly Word[], b: readonly Word[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n]!.folded === b[n]!.folded) n++;
  return n;
}

function hasNegation(words: readonly Word[]): boolean {
  const bare = isBare(words);
  return words.some((_, i) => phrases().negations.some((p) => phraseAt(words, i, p, bare)));
}

/**
 * The key phrases of each branch's condition: the words shared with another branch at the start are dropped
 * (`Trưởng ban là`), the rest is cut at brackets, `hoặc`, `nhưng`, commas and, outside a denial, `/`
 * (`Bí thư/Chủ tịch cấp xã` → `Bí thư`, `Chủ tịch`), place words trimmed from the end (`cấp xã`); each key is its
 * first four words (a denial whole), of two words at least; a key two branches share names neither.
 */
export function branchKeys(conditions: readonly string[]): BranchKeys {
  const whole = conditions.map((c) => wordsOf(c));
  const keys = conditions.map((condition, i) => {
    let skip = 0;
    whole.forEach((w, j) => {
      if (j !== i) skip = Math.max(skip, commonPrefix(whole[i]!, w));
    });
    const out: Word[][] = [];
    const segments = condition.split(/[(),;:]|(?<!\p{L})(?:hoặc|hoac|nhưng|nhung)(?!\p{L})/iu);
    for (const segment of segments) {
      const segWords = wordsOf(segment);
      const alternatives = hasNegation(segWords) ? [segment] : segment.split("/");
      for (const alt of alternatives) {
        let w = wordsOf(alt);
        if (skip > 0) {
          const drop = Math.min(skip, w.length);
          w = w.slice(drop);
          skip -= drop;
        }
        for (let trimmed = true; trimmed && w.length > 0;) {
          trimmed = false;
          for (const p of phrases().placeWords)
            if (w.length > p.length && phraseAt(w, w.length - p.length, p, true)) {
              w = w.slice(0, w.length - p.length);
              trimmed = true;
              break;
            }
        }
        // a denial is kept whole: what it denies is at its end (`không phải cấp Trưởng/cấp Phó`)
        if (w.length >= 2) out.push(hasNegation(w) ? w : w.slice(0, HEAD));
      }
    }
    return out;
  });
  const seen = new Map<string, number>();
  keys.forEach((list, i) =>
    list.forEach((k) => {
      const id = k.map((w) => w.folded).join(" ");
      const first = seen.get(id);
      seen.set(id, first === undefined || first === i ? i : -1);
    }),
  );
  return keys.map((list) => list.filter((k) => seen.get(k.map((w) => w.folded).join(" ")) !== -1));
}

/** what an explanation says about the branches */
export interface BranchReading {
  /** indexes of the branches named plainly, never denied */
  readonly named: readonly number[];
  /** indexes of the branches named only after a denial (`không phải là Chủ tịch`) */
  readonly denied: readonly number[];
  /** indexes of the branches both named and denied (`chưa tổ chức triển khai, đánh giá kết quả`): unclear */
  readonly mixed: readonly number[];
}

interface Span {
  readonly branch: number;
  readonly start: number;
  readonly end: number;
  readonly denied: boolean;
}

/**
 * Which branches an explanation names. A key found inside a longer key of another branch counts for the longer
 * one only (`Phó Chủ tịch` is not `Chủ tịch`); a key after `không`, `chưa`, `không phải (là)` is a denial.
 * @example readBranches("Trưởng ban là Chủ tịch UBND xã", branchKeys([…the three conditions of 1.1…])).named // [0]
 */
export function readBranches(explanation: string | readonly Word[], keys: BranchKeys): BranchReading {
  const words = typeof explanation === "string" ? wordsOf(explanation) : explanation;
  const bare = isBare(words);
  const spans: Span[] = [];
  keys.forEach((list, branch) =>
    list.forEach((key) => {
      const keyDenies = hasNegation(key);
      for (const start of findPhrase(words, key, bare)) {
        const before = start > 0 && words[start - 1]!.folded === "la" ? start - 1 : start;
        const denied = !keyDenies && phraseBefore(words, before, phrases().negations, bare) > 0;
        spans.push({ branch, start, end: start + key.length, denied });
      }
    }),
  );
  const kept = spans.filter(
    (s) =>
      !spans.some(
        (o) =>
          o.branch !== s.branch && o.start <= s.start && s.end <= o.end && o.end - o.start > s.end - s.start,
      ),
  );
  const plain = new Set(kept.filter((s) => !s.denied).map((s) => s.branch));
  const deniedSet = new Set(kept.filter((s) => s.denied).map((s) => s.branch));
  const sorted = (xs: Iterable<number>): number[] => [...xs].sort((x, y) => x - y);
  return {
    named: sorted([...plain].filter((b) => !deniedSet.has(b))),
    denied: sorted([...deniedSet].filter((b) => !plain.has(b))),
    mixed: sorted([...plain].filter((b) => deniedSet.has(b))),
  };
}
