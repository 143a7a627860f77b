/**
 * Matching a row's name to a criterion of a set by the criterion's keywords, and a group row's name to a
 * group. Names are compared diacritic-insensitively, word by word: punctuation counts as a space, so
 * `4G/5G` holds the word `4g` and `postmart.vn` the word `postmart`.
 */
import { fold } from "./text";
import type { CriteriaGroup, CriteriaSet, Criterion } from "./types";

/** longest name text looked at: a 32,000-character cell is matched on its start */
const MAX_NAME_CHARS = 2000;

/** folded form of each non-ASCII character met so far (`ộ` → `o`, `Đ` → `d`, a combining mark → ``) */
const FOLDED_CHARS = new Map<string, string>();

function foldChar(ch: string): string {
  let f = FOLDED_CHARS.get(ch);
  if (f === undefined) {
    f = /^[\s\u00a0\u2007\u202f]$/.test(ch) ? " " : fold(`a${ch}a`).slice(1, -1);
    if (FOLDED_CHARS.size < 10_000) FOLDED_CHARS.set(ch, f);
  }
  return f;
}

/**
 * The same as `fold` from text.ts, a character at a time with a table of the characters met: `normalize`
 * on every cell of a large workbook costs seconds.
 * @example foldFast("Kết quả  đạt được") === "ket qua dat duoc"
 */
export function foldFast(text: string): string {
  let out = "";
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let f: string;
    if (code < 128)
      f =
        code === 32 || (code >= 9 && code <= 13)
          ? " "
          : code >= 65 && code <= 90
            ? String.fromCharCode(code + 32)
            : text[i]!;
    else f = foldChar(text[i]!);
    if (f === " ") space = out !== "";
    else if (f !== "") {
      if (space) out += " ";
      out += f;
      space = false;
    }
  }
  return out;
}

/** `words` of recent texts: tables repeat the same names and headers */
const WORDS_CACHE = new Map<string, string>();

/**
 * Folds text into space-separated words padded with spaces, for whole-word phrase search.
 * @example words("Hạ tầng 4G/5G.") === " ha tang 4g 5g "
 */
export function words(text: string): string {
  const cut = text.length > MAX_NAME_CHARS ? text.slice(0, MAX_NAME_CHARS) : text;
  let w = WORDS_CACHE.get(cut);
  if (w === undefined) {
    w = ` ${foldFast(cut)
      .replace(/[^a-z0-9]+/g, " ")
      .trim()} `;
    if (WORDS_CACHE.size >= 20_000) WORDS_CACHE.clear();
    WORDS_CACHE.set(cut, w);
  }
  return w;
}

interface CompiledCriterion {
  readonly criterion: Criterion;
  /** keyword phrases as `words()` gives them */
  readonly keys: readonly string[];
  /** for a criterion with no keywords (a set edited by hand): its whole name, matched either way round */
  readonly nameKey: string | null;
}

interface CompiledSet {
  readonly criteria: readonly CompiledCriterion[];
  readonly groups: readonly { readonly group: CriteriaGroup; readonly words: readonly string[] }[];
  /** name → matches, so a table repeating names does the work once */
  readonly cache: Map<string, readonly CriterionScore[]>;
}

const compiled = new WeakMap<CriteriaSet, CompiledSet>();

function compile(set: CriteriaSet): CompiledSet {
  let c = compiled.get(set);
  if (!c) {
    c = {
      criteria: set.criteria.map((criterion) => {
        const keys = criterion.keywords.map(words).filter((k) => k.trim() !== "");
        const name = words(criterion.name);
        const nameKey = keys.length === 0 && name.trim().split(" ").length >= 3 ? name : null;
        return { criterion, keys, nameKey };
      }),
      groups: set.groups.map((group) => ({ group, words: words(group.name).trim().split(" ") })),
      cache: new Map(),
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
  const c = compile(set);
  const text = words(name);
  if (text.trim() === "") return [];
  const cached = c.cache.get(text);
  if (cached) return cached;
  const out: CriterionScore[] = [];
  const rowWords = text.trim().split(" ").length;
  for (const { criterion, keys, nameKey } of c.criteria) {
    let score = 0;
    const found: string[] = [];
    keys.forEach((key, i) => {
      if (text.includes(key)) {
        score += 1 + 0.01 * key.trim().split(" ").length;
        found.push(criterion.keywords[i]!);
      }
    });
    if (nameKey && (text.includes(nameKey) || (rowWords >= 3 && nameKey.includes(text)))) {
      score += 1;
      found.push(criterion.name);
    }
    if (score > 0) out.push({ criterion, score, keywords: found });
  }
  out.sort((a, b) => b.score - a.score);
  if (c.cache.size < 50_000) c.cache.set(text, out);
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
  const scores = scoreCriteria(name, set);
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
