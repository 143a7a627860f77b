/**
 * Whether a word can be a Vietnamese syllable: an initial consonant, a vowel group, a final consonant and one
 * tone, by the spelling rules of the language. Legacy text read the wrong way gives words no syllable has
 * (`Tªn`, `qu¶`, `KÕt`); read the right way it gives syllables. The detector counts them.
 */
import { TONE_MARKS, TONES, type Tone } from "./tables";

/** initial consonants, longest first */
export const INITIALS: readonly string[] = [
  "ngh",
  "ch",
  "gh",
  "gi",
  "kh",
  "ng",
  "nh",
  "ph",
  "qu",
  "th",
  "tr",
  "b",
  "c",
  "d",
  "đ",
  "g",
  "h",
  "k",
  "l",
  "m",
  "n",
  "p",
  "r",
  "s",
  "t",
  "v",
  "x",
  "",
];

const OPEN = [""] as const;
const ALL_FINALS = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"] as const;

/**
 * Each vowel group with the final consonants it takes (`""`: it may end the syllable). A group ending in a
 * glide (`ai`, `ươi`) takes none; `ă`, `â`, `iê`, `uô`, `ươ` always need one.
 */
export const RHYMES: Readonly<Record<string, readonly string[]>> = {
  a: ALL_FINALS,
  ă: ["c", "m", "n", "ng", "p", "t"],
  â: ["c", "m", "n", "ng", "p", "t"],
  e: ["", "c", "m", "n", "ng", "p", "t"],
  ê: ["", "ch", "m", "n", "nh", "p", "t"],
  i: ["", "ch", "m", "n", "nh", "p", "t"],
  o: ["", "c", "m", "n", "ng", "p", "t"],
  ô: ["", "c", "m", "n", "ng", "p", "t"],
  ơ: ["", "m", "n", "p", "t"],
  u: ["", "c", "m", "n", "ng", "p", "t"],
  ư: ["", "c", "m", "n", "ng", "t"],
  y: OPEN,
  oa: ALL_FINALS,
  oă: ["c", "m", "n", "ng", "t"],
  oe: ["", "n", "t"],
  oo: ["c", "ng"],
  uâ: ["n", "ng", "t"],
  uê: ["", "ch", "nh"],
  uy: ["", "ch", "n", "nh", "p", "t"],
  iê: ["c", "m", "n", "ng", "p", "t"],
  yê: ["c", "m", "n", "ng", "p", "t"],
  uô: ["c", "m", "n", "ng", "t"],
  ươ: ["c", "m", "n", "ng", "p", "t"],
  uyê: ["n", "t"],
  ai: OPEN,
  ao: OPEN,
  au: OPEN,
  ay: OPEN,
  âu: OPEN,
  ây: OPEN,
  eo: OPEN,
  êu: OPEN,
  ia: OPEN,
  iu: OPEN,
  oi: OPEN,
  ôi: OPEN,
  ơi: OPEN,
  ua: OPEN,
  ui: OPEN,
  uơ: OPEN,
  ưa: OPEN,
  ưi: OPEN,
  ưu: OPEN,
  iêu: OPEN,
  yêu: OPEN,
  oai: OPEN,
  oao: OPEN,
  oay: OPEN,
  oeo: OPEN,
  uây: OPEN,
  uôi: OPEN,
  ươi: OPEN,
  ươu: OPEN,
  uya: OPEN,
  uyu: OPEN,
};

/** finals after which only the sắc and nặng tones are possible */
const STOPS = new Set(["c", "ch", "p", "t"]);
const FINALS_LONGEST_FIRST = ["ch", "ng", "nh", "c", "m", "n", "p", "t", ""];
/** a vowel group starting with one of these is written after k, gh, ngh (and never after c, g, ng) */
const FRONT = /^[eêiy]/;

const TONE_OF_MARK = new Map<string, Tone>(
  TONES.filter((t) => TONE_MARKS[t] !== "").map((t) => [TONE_MARKS[t], t] as const),
);

/**
 * The word without its tone, the tone, and the index of the letter carrying it; null when it carries two tones.
 * A Latin-1 letter whose accent is a tone mark (`ù`, `Ñ`) splits the same way, so the index says whether the
 * tone sits on a vowel where Vietnamese puts it.
 */
function splitTone(word: string): { plain: string; tone: Tone; at: number } | null {
  let tone: Tone = "ngang";
  let plain = "";
  let letters = 0;
  let at = -1;
  for (const ch of word.normalize("NFD")) {
    const t = TONE_OF_MARK.get(ch);
    if (t === undefined) {
      plain += ch;
      if (!/\p{M}/u.test(ch)) letters++;
    } else if (tone !== "ngang" || letters === 0) return null;
    else {
      tone = t;
      at = letters - 1;
    }
  }
  return { plain: plain.normalize("NFC"), tone, at };
}

const SHAPED = "ăâêôơư";
const EITHER_PLACE = new Set(["oa", "oe", "uy", "oo"]);

/**
 * Where a vowel group takes its tone: on its (last) vowel with a shape mark (`người`, `tiến`); else on the one
 * vowel, the middle of three (`ngoài`), the first of two (`mía`, `túi`), or either of `oa`, `oe`, `uy`, `oo`
 * (`hòa` and `hoà` are both written).
 */
function tonePlaces(group: string): readonly number[] {
  for (let i = group.length - 1; i >= 0; i--) if (SHAPED.includes(group[i]!)) return [i];
  if (group.length === 1) return [0];
  if (group.length === 3) return [1];
  return EITHER_PLACE.has(group) ? [0, 1] : [0];
}

function spellingAllows(initial: string, group: string): boolean {
  const front = FRONT.test(group);
  switch (initial) {
    case "k":
    case "gh":
    case "ngh":
      return front;
    case "c":
    case "ng":
      return !front;
    case "g":
      return !/^[eê]/.test(group);
    case "qu":
      return !group.startsWith("u");
    default:
      return true;
  }
}

function rhymeAllows(rest: string, tone: Tone, at: number): boolean {
  for (const final of FINALS_LONGEST_FIRST) {
    if (!rest.endsWith(final)) continue;
    const group = rest.slice(0, rest.length - final.length);
    if (!RHYMES[group]?.includes(final)) continue;
    if (STOPS.has(final) && tone !== "sắc" && tone !== "nặng") continue;
    if (tone === "ngang" || tonePlaces(group).includes(at)) return true;
  }
  return false;
}

/**
 * True when the word (any case, NFC or not) can be one Vietnamese syllable, its tone on a vowel where the
 * language puts it. Loan words and typing errors (`zôn`, `café`, `giaù`) are not; words typed without
 * diacritics (`chi tieu`) are.
 * @example isVietnameseSyllable("người") === true; isVietnameseSyllable("Tªn") === false
 */
export function isVietnameseSyllable(word: string): boolean {
  const split = splitTone(word.toLowerCase());
  if (!split || split.plain === "" || !/^[a-zăâđêôơư]+$/.test(split.plain)) return false;
  const { plain, tone, at } = split;
  for (const initial of INITIALS) {
    if (!plain.startsWith(initial)) continue;
    const rest = plain.slice(initial.length);
    if (rest === "" || !spellingAllows(initial, rest)) continue;
    // `qúa` for `quá`: the tone on the u of qu, as if it were the group ua, is a common spelling
    const place = initial === "qu" && at === 1 ? 0 : at - initial.length;
    if (rhymeAllows(rest, tone, place)) return true;
  }
  return false;
}
