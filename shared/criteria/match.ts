/**
 * Matching a row's name to a criterion of a set by the criterion's keywords, and a group row's name to a
 * group. Names are compared diacritic-insensitively, word by word: punctuation counts as a space, so
 * `4G/5G` holds the word `4g` and `postmart.vn` the word `postmart`.
 */
import { remembered } from "../remember";
import { fold } from "../text";
import type { CriteriaGroup, CriteriaSet, Criterion } from "../types";

/** longest name text looked at: a 32,000-character cell is matched on its start */
const MAX_NAME_CHARS = 2000;

/**
 * Folds text into space-separated words padded with spaces, for whole-word phrase search.
 * @example words("Hạ tầng 4G/5G.") === " ha tang 4g 5g "
 */
export function words(text: string): string {
  const cut = text.length > MAX_NAME_CHARS ? text.slice(0, MAX_NAME_CHARS) : text;
  return ` ${fold(cut)
    .replace(/[^a-z0-9]+/g, " ")
    .trim()} `;
}

/** one keyword phrase, split into words, found by its first word */
interface Phrase {
  /** index of its criterion in the set */
  readonly criterion: number;
  /** the keyword as the set writes it */
  readonly keyword: string;
  readonly words: readonly string[];
  /** what it adds to a score: 1, plus a hundredth per word (longer phrases win ties) */
  readonly weight: number;
}

interface CompiledSet {
  /** phrases by their first word: a name is scanned once, word by word */
  readonly phrases: ReadonlyMap<string, readonly Phrase[]>;
  /** for a criterion with no keywords (a set edited by hand): its whole name, matched either way round */
  readonly nameKeys: readonly (string | null)[];
  readonly groups: readonly { readonly group: CriteriaGroup; readonly words: readonly string[] }[];
}

const compiled = new WeakMap<CriteriaSet, CompiledSet>();

function compile(set: CriteriaSet): CompiledSet {
  let c = compiled.get(set);
  if (!c) {
    const phrases = new Map<string, Phrase[]>();
    const nameKeys = set.criteria.map((criterion, index) => {
      let any = false;
      for (const keyword of criterion.keywords) {
        const list = words(keyword).trim().split(" ");
        if (list[0] === "") continue;
        any = true;
        const phrase: Phrase = { criterion: index, keyword, words: list, weight: 1 + 0.01 * list.length };
        const bucket = phrases.get(list[0]!);
        if (bucket) bucket.push(phrase);
        else phrases.set(list[0]!, [phrase]);
      }
      const name = words(criterion.name);
      return !any && name.trim().split(" ").length >= 3 ? name : null;
    });
    c = {
      phrases,
      nameKeys,
      groups: set.groups.map((group) => ({ group, words: words(group.name).trim().split(" ") })),
    };
    compiled.set(set, c);
  }
  return c;
}

/** a criterion and how well a name matches it */
export interface CriterionScore {
  readonly criterion: Criterion;
  /** keywords found in the name, plus a hundredth per word of those keywords (longer phrases win ties) */
  readonly score: number;
  /** the keywords found, as written in the set */
  readonly keywords: readonly string[];
}

/**
 * Every criterion of `set` whose keywords occur in `name`, best first.
 * @example scoreCriteria("CBCC xã có hộp thư điện tử công vụ", set)[0].criterion.id === "1.4"
 */
export function scoreCriteria(name: string, set: CriteriaSet): readonly CriterionScore[] {
  return scoreWords(words(name), set);
}

/** `scoreCriteria` for a name already passed through `words` (the table reader does it once per row) */
export function scoreWords(text: string, set: CriteriaSet): readonly CriterionScore[] {
  let scores = SCORES.get(set);
  if (!scores) SCORES.set(set, (scores = remembered((t) => score(t, set))));
  return scores(text);
}

/**
 * `score` remembered per set: every commune's sheet repeats the names, and the set choice scores each in every set.
 * With `fold` remembered, this takes the CLI's grading step on 166 sheets to 0.66× the CPU of the plain form
 * (docs/performance.md).
 */
const SCORES = new WeakMap<CriteriaSet, (text: string) => readonly CriterionScore[]>();

function score(text: string, set: CriteriaSet): readonly CriterionScore[] {
  const c = compile(set);
  const tokens = text.trim().split(" ");
  if (tokens[0] === "") return [];
  const scores = new Map<number, { score: number; keywords: string[] }>();
  const seen = new Set<Phrase>();
  for (let p = 0; p < tokens.length; p++) {
    const bucket = c.phrases.get(tokens[p]!);
    if (!bucket) continue;
    for (const phrase of bucket) {
      if (seen.has(phrase) || p + phrase.words.length > tokens.length) continue;
      let same = true;
      for (let k = 1; k < phrase.words.length && same; k++) same = tokens[p + k] === phrase.words[k];
      if (!same) continue;
      seen.add(phrase);
      const s = scores.get(phrase.criterion);
      if (s) {
        s.score += phrase.weight;
        s.keywords.push(phrase.keyword);
      } else scores.set(phrase.criterion, { score: phrase.weight, keywords: [phrase.keyword] });
    }
  }
  c.nameKeys.forEach((nameKey, index) => {
    if (nameKey && (text.includes(nameKey) || (tokens.length >= 3 && nameKey.includes(text)))) {
      const s = scores.get(index) ?? { score: 0, keywords: [] };
      s.score += 1;
      s.keywords.push(set.criteria[index]!.name);
      scores.set(index, s);
    }
  });
  const out: CriterionScore[] = [...scores].map(([index, s]) => ({
    criterion: set.criteria[index]!,
    score: s.score,
    keywords: s.keywords,
  }));
  // best first; equal scores keep the set's order
  out.sort(
    (a, b) => b.score - a.score || set.criteria.indexOf(a.criterion) - set.criteria.indexOf(b.criterion),
  );
  return out;
}

/** the criterion a name points at, when one stands out */
export interface NameMatch {
  readonly criterion: Criterion;
  readonly score: number;
  readonly keywords: readonly string[];
}

/**
 * The criterion whose keywords match `name` best; null when none matches or two tie at the top
 * (then `prefer`, e.g. the row's own ID, breaks the tie when it is one of them).
 */
export function matchName(name: string, set: CriteriaSet, prefer?: readonly string[]): NameMatch | null {
  return matchWords(words(name), set, prefer);
}

/** `matchName` for a name already passed through `words` */
export function matchWords(text: string, set: CriteriaSet, prefer?: readonly string[]): NameMatch | null {
  const scores = scoreWords(text, set);
  const best = scores[0];
  if (!best) return null;
  const tied = scores.filter((s) => s.score === best.score);
  if (tied.length === 1) return best;
  const preferred = prefer ? tied.filter((s) => prefer.includes(s.criterion.id)) : [];
  return preferred.length === 1 ? preferred[0]! : null;
}

/**
 * The group of `set` a group row's name names: every word of the group's name occurs in it
 * (`PHÁT TRIỂN HẠ TẦNG SỐ` → `Hạ tầng số`); the group with the most words wins.
 */
export function matchGroup(name: string, set: CriteriaSet): CriteriaGroup | null {
  const text = words(name);
  let best: CriteriaGroup | null = null;
  let bestWords = 0;
  for (const g of compile(set).groups) {
    if (g.words.length > bestWords && g.words.every((w) => text.includes(` ${w} `))) {
      best = g.group;
      bestWords = g.words.length;
    }
  }
  return best;
}
