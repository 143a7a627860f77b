/**
 * Rules read from the decision's own words ("Cách xác định và tính điểm"): choice with shares of the maximum,
 * steps on a count, ratio × maximum, additive parts, yes/no, "Không tính điểm". A text not understood is kept
 * with kind `unknown` and a Vietnamese reason; nothing is guessed.
 */
import { fold } from "../text";
import type { Amount, PartAFigure, Rule, RuleOption, RuleStep } from "./types";
import { isZero, outsideBrackets, overlaps, parseAmount, stepRange } from "./amounts";
import { findPhrase, isBare, normalizeRuleText, phraseStarting, phrases, wordsOf } from "./words";

// ---------------------------------------------------------------------------------------------
// pieces of a text

interface Piece {
  readonly text: string;
  /** starts with a bullet or an enumeration: a new item, never the tail of the one before */
  readonly bullet: boolean;
}

const LINE_BULLET = /^(?:[-+*]|\d{1,2}[.)]|[a-dđ]\))\s+/iu;
const RATIO_LETTER = /^[ab]\s*[=:]/i;

/** splits at line ends, and at `;` and `. ` outside brackets; bullets noted and removed */
function splitPieces(text: string): Piece[] {
  const out: Piece[] = [];
  const push = (raw: string, marked: boolean): void => {
    let t = raw.trim();
    let bullet = marked;
    if (/^[-+*]\s/.test(t)) {
      t = t.slice(1).trim();
      bullet = true;
    }
    t = t.replace(/[.;,\s]+$/, "").trim();
    if (t !== "" && !/^[-+*]$/.test(t)) out.push({ text: t, bullet });
  };
  for (const raw of text.split("\n")) {
    let line = raw.trim();
    let marked = false;
    const m = LINE_BULLET.exec(line);
    if (m && !RATIO_LETTER.test(line)) {
      line = line.slice(m[0].length);
      marked = true;
    }
    let depth = 0;
    let start = 0;
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (c === "(" || c === "[") depth++;
      else if ((c === ")" || c === "]") && depth > 0) depth--;
      else if (depth === 0 && (c === ";" || (c === "." && (i + 1 === line.length || line[i + 1] === " ")))) {
        // `2. 3` inside a figure is not an end
        if (c === "." && /\d$/.test(line.slice(start, i)) && /^ \d/.test(line.slice(i + 1))) continue;
        push(line.slice(start, i), marked);
        marked = false;
        start = i + 1;
      }
    }
    push(line.slice(start), marked);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// what each piece is

type Classified =
  | { readonly kind: "def"; readonly letter: "a" | "b"; text: string; readonly bullet: boolean }
  | { readonly kind: "rateFormula" }
  | { readonly kind: "pointsFormula" }
  | { readonly kind: "clause"; condition: string; readonly amount: Amount; readonly bullet: boolean }
  | { readonly kind: "above"; readonly text: string }
  | { readonly kind: "notScored" }
  | { readonly kind: "preamble" }
  | { readonly kind: "info" }
  | { readonly kind: "other"; text: string; readonly bullet: boolean };

const DEF = /^(?:trong\s+đó\s*[:,]?\s*)?([abAB])\s*(?:=|:|là\s)\s*(.+)$/iu;
const RATE_FORMULA = /^ty le(?:\s*\(%\))?\s*=\s*\(?\s*a\s*\/\s*b\s*\)?(?:\s*[*x]\s*100\s*%?)?$/;
const POINTS_FORMULA =
  /^(?:so\s+)?diem(?:\s+so|\s+dat\s+duoc|\s+cham|\s+tu\s+cham|\s+thanh\s+phan)?\s*=\s*(?:(?:ty le|\(?\s*a\s*\/\s*b\s*\)?)\s*(?:\*|x|nhan)\s*diem toi da|diem toi da\s*(?:\*|x|nhan)\s*(?:ty le|\(?\s*a\s*\/\s*b\s*\)?))$/;

/** positions of separators before an amount, last first: `:` `→` `=>` `->` outside brackets */
function separators(text: string): { at: number; length: number }[] {
  const out: { at: number; length: number }[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "(") depth++;
    else if (c === ")" && depth > 0) depth--;
    else if (depth === 0) {
      if (c === ":" || c === "→") out.push({ at: i, length: 1 });
      else if ((c === "=" || c === "-") && text[i + 1] === ">") out.push({ at: i, length: 2 });
    }
  }
  return out.reverse();
}

const WORD_SEPARATOR = /\s(?:thì\s+được|thì|được|cho)\s+(?=[^\s])/giu;

function classify(piece: Piece): Classified {
  const text = piece.text;
  const f = fold(text);
  if (/\bkhong tinh diem\b/.test(f)) return { kind: "notScored" };
  const def = DEF.exec(text);
  if (def)
    return {
      kind: "def",
      letter: def[1]!.toLowerCase() as "a" | "b",
      text: def[2]!.trim(),
      bullet: piece.bullet,
    };
  const compact = f.replace(/\s+/g, " ");
  if (RATE_FORMULA.test(compact)) return { kind: "rateFormula" };
  if (POINTS_FORMULA.test(compact)) return { kind: "pointsFormula" };
  for (const sep of separators(text)) {
    const amount = parseAmount(text.slice(sep.at + sep.length));
    if (amount === null) continue;
    const condition = text.slice(0, sep.at).trim();
    if (amount === "above") return { kind: "above", text };
    if (/^(?:so\s+)?diem(?:\s+toi\s+da)?$/.test(fold(condition))) return { kind: "info" };
    return { kind: "clause", condition, amount, bullet: piece.bullet };
  }
  for (const m of text.matchAll(WORD_SEPARATOR)) {
    const amount = parseAmount(text.slice(m.index + m[0].length));
    if (amount === null) continue;
    if (amount === "above") return { kind: "above", text };
    return { kind: "clause", condition: text.slice(0, m.index).trim(), amount, bullet: piece.bullet };
  }
  if (/:$/.test(text) || separators(text).some((s) => text.slice(s.at + s.length).trim() === ""))
    return { kind: "preamble" };
  if (/^\(.*\)$/.test(text)) return { kind: "info" };
  return { kind: "other", text, bullet: piece.bullet };
}

// ---------------------------------------------------------------------------------------------
// the parser

function unknown(text: string, reason: string): Rule {
  return { kind: "unknown", text, reason };
}

function startsWithAny(condition: string, list: readonly ReturnType<typeof wordsOf>[]): boolean {
  const w = wordsOf(condition);
  return phraseStarting(w, 0, list, isBare(w)) > 0;
}

function isOtherwise(condition: string): boolean {
  const w = wordsOf(outsideBrackets(condition));
  const n = phraseStarting(w, 0, phrases().otherwise, isBare(w));
  return n > 0 && n === w.length;
}

/**
 * The Part A figure a text names (`Tổng số CBCC của xã` → `cbcc`) by the figures' keywords, abbreviations
 * expanded; null when none or several. Links a ratio's b to Part A; the form reader can read Part A's rows with it.
 */
export function figureNamed(text: string, figures: readonly PartAFigure[]): string | null {
  const w = wordsOf(text);
  const found = figures.filter((fig) => fig.keywords.some((k) => findPhrase(w, wordsOf(k)).length > 0));
  return found.length === 1 ? found[0]!.id : null;
}

function shareOf(a: Amount): number | null {
  return a.kind === "share" ? a.num / a.den : null;
}

/** options read from clauses into a rule of the right kind (or unknown) */
function fromClauses(text: string, options: RuleOption[], additiveMark: boolean): Rule {
  const named = options.filter((o) => !isOtherwise(o.condition));
  const otherwise = options.filter((o) => isOtherwise(o.condition));

  // levels by a rate (`Từ 50% đến dưới 100%: 1/2*Điểm tối đa`): not one of the kinds read yet
  if (named.filter((o) => /\d\s*%/.test(o.condition)).length >= 2)
    return unknown(text, "các mức theo tỷ lệ % (so tỷ lệ với ngưỡng) chưa hỗ trợ");

  // steps on a count
  if (named.length >= 2 && otherwise.length <= 1) {
    const counted = named.map((o) => stepRange(o.condition));
    const unit = counted.find((r) => r !== null)?.unit;
    // `Không họp: 0 điểm` among counted steps is the step of 0
    const zero = { range: { min: 0, minStrict: false, max: 0, maxStrict: false }, unit: unit ?? "" };
    const ranges = counted.map(
      (r, i) => r ?? (startsWithAny(named[i]!.condition, phrases().negations) ? zero : null),
    );
    if (counted.filter((r) => r !== null).length >= 2 && ranges.every((r) => r !== null && r.unit === unit)) {
      const steps: RuleStep[] = named.map((o, i) => ({ ...o, range: ranges[i]!.range }));
      const disjoint = steps.every((s, i) => steps.every((t, j) => j <= i || !overlaps(s.range, t.range)));
      if (disjoint)
        return {
          kind: "steps",
          unit: unitText(named[counted.findIndex((r) => r !== null)]!.condition, unit!),
          steps,
          otherwise: otherwise[0] ?? null,
        };
      return unknown(text, "các mức theo số lượng chồng lên nhau (một số rơi vào hai mức)");
    }
  }

  // yes / no
  if (options.length === 2) {
    const [first, second] = options as [RuleOption, RuleOption];
    const yesFirst =
      startsWithAny(first.condition, phrases().yesStarts) &&
      startsWithAny(second.condition, phrases().noStarts);
    const yesSecond =
      startsWithAny(second.condition, phrases().yesStarts) &&
      startsWithAny(first.condition, phrases().noStarts);
    if (yesFirst !== yesSecond) {
      const [yes, no] = yesFirst ? [first, second] : [second, first];
      if (!isZero(no.amount) || isZero(yes.amount))
        return unknown(text, "rule Có/Không nhưng mức «không» lại có điểm: chưa hỗ trợ");
      return { kind: "yesNo", yes, no };
    }
  }

  // additive parts
  const nonZero = options.filter((o) => !isZero(o.amount));
  const zero = options.filter((o) => isZero(o.amount));
  const shares = nonZero.map((o) => shareOf(o.amount));
  const allShares = shares.every((s): s is number => s !== null);
  const sum = allShares ? shares.reduce((a, b) => a + b, 0) : null;
  const looksAdditive =
    nonZero.length >= 2 && sum !== null && Math.abs(sum - 1) < 1e-9 && shares.every((s) => s! < 1 - 1e-12);
  if (additiveMark || looksAdditive) {
    if (nonZero.length < 2)
      return unknown(
        text,
        "cộng điểm theo từng nội dung nhưng chỉ có một mức: chưa hỗ trợ (cần mỗi nội dung một dòng)",
      );
    if (zero.length > 1)
      return unknown(
        text,
        "cộng điểm các phần nhưng có nhiều dòng 0 điểm: không rõ dòng nào ứng với phần nào",
      );
    if (sum !== null && sum > 1 + 1e-9) return unknown(text, "tổng các phần lớn hơn điểm tối đa");
    return { kind: "additive", parts: nonZero, unmet: zero[0] ?? null };
  }

  // choice
  if (options.length >= 2) return { kind: "choice", options };
  return unknown(text, "chỉ có một mức điểm, không rõ các trường hợp còn lại được bao nhiêu điểm");
}

/** the counted word as the decision writes it (`lần`), found by its folded form */
function unitText(condition: string, folded: string): string {
  const w = wordsOf(outsideBrackets(condition)).find((x) => x.folded === folded);
  return w?.plain ?? folded;
}

/**
 * Reads the text of "Cách xác định và tính điểm" into a rule. Accepts one text or the texts of sub-rows (a rule
 * spread over merged rows: `a = …`, `b = …`, `- Tỷ lệ = a/b;`, `- Điểm = Tỷ lệ*Điểm tối đa`). `figures`: the set's
 * Part A figures, so that `b = Tổng số CBCC …` is linked to the figure a commune's Part A gives.
 * @example parseRule("BCĐ họp 4 lần/ năm: 20 điểm; BCĐ họp 3 lần/ năm: 15 điểm; Còn lại: 0 điểm").kind === "steps"
 */
export function parseRule(
  text: string | readonly (string | null | undefined)[] | null | undefined,
  figures: readonly PartAFigure[] = [],
): Rule {
  const joined =
    typeof text === "string"
      ? text
      : text
        ? text.filter((t): t is string => typeof t === "string").join("\n")
        : "";
  const norm = normalizeRuleText(joined);
  if (norm === "") return unknown("", "chưa có cách tính điểm");
  const pieces = splitPieces(norm).map(classify);

  // a piece without a bullet continues the one before (a definition spread over lines) or leads into the next
  // clause (a condition broken over lines)
  const merged: Classified[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    if (p.kind !== "other") {
      merged.push(p);
      continue;
    }
    const prev = merged[merged.length - 1];
    const next = pieces[i + 1];
    if (next && next.kind === "clause" && !next.bullet) {
      next.condition = `${p.text} ${next.condition}`;
      continue;
    }
    if (prev && prev.kind === "def" && !p.bullet) {
      prev.text = `${prev.text} ${p.text}`;
      continue;
    }
    if (prev && prev.kind === "other" && !p.bullet) {
      prev.text = `${prev.text}. ${p.text}`;
      continue;
    }
    merged.push(p);
  }

  // `Có/Không` alone: the maximum for yes, 0 for no (DTI.md, rule kind 5)
  const bare = fold(norm).replace(/\s+/g, "");
  if (/^(co\/khong|co,khong|cohoackhong|co-khong)$/.test(bare))
    return {
      kind: "yesNo",
      yes: { condition: "Có", amount: { kind: "share", num: 1, den: 1 } },
      no: { condition: "Không", amount: { kind: "points", points: 0 } },
    };
  const left = merged.filter((p) => p.kind === "other");
  if (left.length > 0)
    return unknown(norm, `có đoạn chưa hiểu: «${left.map((p) => (p as { text: string }).text).join(" / ")}»`);
  const above = merged.find((p) => p.kind === "above");
  if (above) return unknown(norm, `mức điểm lớn hơn điểm tối đa: «${(above as { text: string }).text}»`);

  const clauses = merged.filter((p): p is Extract<Classified, { kind: "clause" }> => p.kind === "clause");
  const defs = merged.filter((p): p is Extract<Classified, { kind: "def" }> => p.kind === "def");
  const hasFormula = merged.some((p) => p.kind === "pointsFormula");
  const hasRate = merged.some((p) => p.kind === "rateFormula");
  const notScored = merged.some((p) => p.kind === "notScored");

  if (notScored) {
    return clauses.length > 0 || defs.length > 0
      ? unknown(norm, "vừa ghi «Không tính điểm» vừa có cách tính điểm")
      : { kind: "notScored" };
  }
  if (defs.length > 0 || hasFormula || hasRate) {
    if (clauses.length > 0)
      return unknown(norm, "vừa có a, b vừa có các mức điểm: chưa hỗ trợ cách tính này");
    const a = defs.filter((d) => d.letter === "a");
    const b = defs.filter((d) => d.letter === "b");
    if (a.length !== 1 || b.length !== 1)
      return unknown(
        norm,
        a.length === 0
          ? "thiếu dòng «a = …»"
          : b.length === 0
            ? "thiếu dòng «b = …»"
            : "a hoặc b được định nghĩa hai lần",
      );
    if (!hasFormula) return unknown(norm, "có a và b nhưng không thấy công thức «Điểm = Tỷ lệ*Điểm tối đa»");
    const denominator = b[0]!.text;
    return { kind: "ratio", numerator: a[0]!.text, denominator, figure: figureNamed(denominator, figures) };
  }
  if (clauses.length === 0) {
    return unknown(
      norm,
      "không thấy mức điểm nào (dạng «…: Điểm tối đa», «…: 1/2*Điểm tối đa», «…: 0 điểm») hoặc công thức a/b",
    );
  }
  const options = clauses.map((c) => ({ condition: c.condition, amount: c.amount }));
  const w = wordsOf(norm);
  const additiveMark = phrases().additive.some((p) => findPhrase(w, p).length > 0);
  return fromClauses(norm, options, additiveMark);
}
