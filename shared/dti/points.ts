/**
 * The points a rule gives for a commune's explanation and Part A figures, or why they cannot be computed: the
 * core of the reviewer's check and of `=CDS_DIEM`. Where a rule or a figure cannot be read the answer is "Cần xem
 * xét" with the reason, never a guessed number.
 */
import { formatNumber } from "../text";
import type { RawCell } from "../types";
import { readValue } from "../values/read";
import {
  type BranchKeys,
  branchKeys,
  countVerb,
  hedgeInWords,
  hedgesUsedBy,
  readBranches,
  readCount,
  readRatio,
} from "./explain";
import { wordsOf, type Word } from "./words";
import { DEFAULT_SETTINGS, REVIEW_LABELS } from "./labels";
import { amountPoints, amountText, inRange } from "./amounts";
import { describeRule } from "./describe";
import type {
  Amount,
  CheckFigures,
  IndexSettings,
  PartAFigure,
  PointsOutcome,
  ReviewCode,
  Rule,
  RuleOption,
} from "./types";

/** a commune's Part A figures by figure id (`cbcc` → 21); null or absent when the form does not give it */
export type PartAValues = Readonly<Record<string, number | null | undefined>>;

/** what the checks need besides the rule: the set's settings and Part A figures, the commune's Part A */
export interface CheckContext {
  readonly settings?: IndexSettings;
  readonly figures?: readonly PartAFigure[];
  readonly partA?: PartAValues;
}

/**
 * Points rounded half up to `decimals` (float noise removed first, so 1.005 → 1.01).
 * @example roundPoints(13.3333, 2) === 13.33
 */
export function roundPoints(x: number, decimals: number): number {
  if (Number.isInteger(x)) return x;
  const f = 10 ** decimals;
  return Math.round(Number((x * f).toPrecision(12))) / f;
}

/** points as the reasons write them: `13,33` */
export const pts = (n: number): string => formatNumber(n, 4);

/** what the check works out from a rule alone, once per rule object */
interface RuleFacts {
  readonly hedgesUsed: ReadonlySet<string>;
  readonly keys: BranchKeys;
  readonly verbs: readonly string[];
}

const FACTS = new WeakMap<Rule, RuleFacts>();

function factsOf(rule: Rule): RuleFacts {
  let facts = FACTS.get(rule);
  if (!facts) {
    const options = rule.kind === "choice" ? rule.options : rule.kind === "additive" ? rule.parts : [];
    facts = {
      hedgesUsed: hedgesUsedBy(describeRule(rule)),
      keys: branchKeys(options.map((o) => o.condition)),
      verbs:
        rule.kind === "steps"
          ? [...new Set(rule.steps.map((s) => countVerb(s.condition)).filter((v): v is string => v !== null))]
          : [],
    };
    FACTS.set(rule, facts);
  }
  return facts;
}

/** points rounded to the set's decimals, never above the maximum (a maximum finer than the decimals) */
function settle(p: number, maxPoints: number | null, decimals: number): number {
  const r = roundPoints(p, decimals);
  return maxPoints !== null && r > maxPoints ? maxPoints : r;
}

function review(code: ReviewCode, detail: string, figures: CheckFigures = {}): PointsOutcome {
  return {
    ok: false,
    notScored: false,
    review: code,
    reason: detail ? `${REVIEW_LABELS[code]}: ${detail}` : REVIEW_LABELS[code],
    figures,
  };
}

/** a text quoted in a reason, shortened: `«Trưởng ban là …»` */
export function quote(text: string, max = 80): string {
  const t = text.replace(/\s+/g, " ").trim();
  return `«${t.length > max ? `${t.slice(0, max - 1)}…` : t}»`;
}

/** the points of one amount, or why not */
function amountOutcome(
  a: Amount,
  maxPoints: number | null,
  settings: IndexSettings,
  how: string,
  figures: CheckFigures,
): PointsOutcome {
  const p = amountPoints(a, maxPoints);
  if (p === null)
    return review("MAX_UNKNOWN", `${amountText(a)} mà bộ chỉ số không ghi điểm tối đa`, figures);
  if (maxPoints !== null && p > maxPoints + 1e-9)
    return review("AMOUNT_ABOVE_MAX", `${amountText(a)} > điểm tối đa ${pts(maxPoints)}`, figures);
  const points = settle(p, maxPoints, settings.decimals);
  const shown = a.kind === "points" ? amountText(a) : `${amountText(a)} = ${pts(points)} điểm`;
  return { ok: true, points, how: `${how} → ${shown}`, figures };
}

function choiceOutcome(
  options: readonly RuleOption[],
  words: readonly Word[],
  keys: BranchKeys,
  maxPoints: number | null,
  settings: IndexSettings,
): PointsOutcome {
  const { named, denied, mixed } = readBranches(words, keys);
  if (named.length === 1 && mixed.length === 0) {
    const o = options[named[0]!]!;
    return amountOutcome(o.amount, maxPoints, settings, quote(o.condition), { branch: o.condition });
  }
  if (named.length > 1)
    return review(
      "BRANCH_UNCLEAR",
      `nêu nhiều trường hợp cùng lúc: ${named.map((i) => quote(options[i]!.condition)).join(", ")}`,
    );
  if (mixed.length > 0)
    return review(
      "BRANCH_UNCLEAR",
      `vừa nêu vừa phủ định: ${mixed.map((i) => quote(options[i]!.condition)).join(", ")}`,
    );
  const deniedText =
    denied.length > 0
      ? ` (chỉ thấy phủ định: ${denied.map((i) => quote(options[i]!.condition)).join(", ")})`
      : "";
  return review("BRANCH_UNCLEAR", `không thấy trường hợp nào của cách tính điểm${deniedText}`);
}

function stepsOutcome(
  rule: Extract<Rule, { kind: "steps" }>,
  explanation: string,
  verbs: readonly string[],
  maxPoints: number | null,
  settings: IndexSettings,
): PointsOutcome {
  const { count, counts } = readCount(explanation, rule.unit, verbs);
  if (count === null)
    return counts.length > 1
      ? review("FIGURES_AMBIGUOUS", `giải trình có nhiều số ${rule.unit}: ${counts.map(pts).join(", ")}`)
      : review("FIGURE_MISSING", `giải trình không nêu số ${rule.unit} (ví dụ «họp 4 ${rule.unit}»)`);
  const figures: CheckFigures = { count };
  const hit = rule.steps.filter((s) => inRange(s.range, count));
  if (hit.length === 1)
    return amountOutcome(
      hit[0]!.amount,
      maxPoints,
      settings,
      `${pts(count)} ${rule.unit}: ${quote(hit[0]!.condition)}`,
      {
        ...figures,
        branch: hit[0]!.condition,
      },
    );
  // the top step, when stated as one number, covers more (DTI.md: "4 or more"), by the set's setting
  const top = rule.steps.reduce((best, s) =>
    (s.range.min ?? -Infinity) > (best.range.min ?? -Infinity) ? s : best,
  );
  const above = rule.steps.every((s) => s.range.max !== null && count > s.range.max);
  if (above && top.range.min === top.range.max) {
    if (settings.topStep === "orMore")
      return amountOutcome(
        top.amount,
        maxPoints,
        settings,
        `${pts(count)} ${rule.unit}, nhiều hơn mức cao nhất ${quote(top.condition)} (tính mức cao nhất theo thiết lập)`,
        { ...figures, branch: top.condition },
      );
    return review(
      "COUNT_NOT_IN_STEPS",
      `${pts(count)} ${rule.unit} nhiều hơn mức cao nhất ${quote(top.condition)}; thiết lập của bộ: không tự tính`,
      figures,
    );
  }
  if (rule.otherwise)
    return amountOutcome(
      rule.otherwise.amount,
      maxPoints,
      settings,
      `${pts(count)} ${rule.unit}: ${quote(rule.otherwise.condition)}`,
      {
        ...figures,
        branch: rule.otherwise.condition,
      },
    );
  return review("COUNT_NOT_IN_STEPS", `${pts(count)} ${rule.unit} không thuộc mức nào`, figures);
}

function ratioOutcome(
  rule: Extract<Rule, { kind: "ratio" }>,
  explanation: string,
  maxPoints: number | null,
  context: CheckContext,
  settings: IndexSettings,
): PointsOutcome {
  const read = readRatio(explanation);
  if (read.ambiguous)
    return review("FIGURES_AMBIGUOUS", "giải trình ghi nhiều giá trị a, b hoặc nhiều phân số khác nhau");
  const figure = rule.figure ? context.figures?.find((f) => f.id === rule.figure) : undefined;
  const fromPartA = rule.figure ? context.partA?.[rule.figure] : undefined;
  const partA = typeof fromPartA === "number" && Number.isFinite(fromPartA) ? fromPartA : null;
  let b = read.b;
  let bFrom: CheckFigures["bFrom"] = b === null ? undefined : "explanation";
  if (b !== null && partA !== null && b !== partA)
    return review(
      "FIGURE_CONFLICT",
      `b = ${pts(b)} trong giải trình, Phần A ghi ${figure ? quote(figure.name, 50) : "số liệu"} = ${pts(partA)}`,
      { ...(read.a !== null ? { a: read.a } : {}), b },
    );
  if (b === null && partA !== null) {
    b = partA;
    bFrom = "partA";
  }
  const figures: CheckFigures = {
    ...(read.a !== null ? { a: read.a } : {}),
    ...(b !== null ? { b } : {}),
    ...(bFrom ? { bFrom } : {}),
  };
  const rateOnly =
    read.percent !== null ? `; giải trình chỉ nêu tỷ lệ ${pts(read.percent)}%, không nêu a và b` : "";
  if (read.a === null) return review("FIGURE_MISSING", `thiếu a (${rule.numerator})${rateOnly}`, figures);
  if (b === null) {
    const partAText = figure ? `; Phần A không có ${quote(figure.name, 50)}` : "";
    return review("FIGURE_MISSING", `thiếu b (${rule.denominator})${partAText}`, figures);
  }
  const a = read.a;
  if (maxPoints === null)
    return review("MAX_UNKNOWN", "tỷ lệ × điểm tối đa mà bộ chỉ số không ghi điểm tối đa", figures);
  const bText = bFrom === "partA" ? `${pts(b)} (Phần A)` : pts(b);
  if (b === 0) {
    if (a === 0 && settings.zeroDenominator === "zero")
      return { ok: true, points: 0, how: "a = 0, b = 0 → 0 điểm (theo thiết lập của bộ)", figures };
    return review("ZERO_DENOMINATOR", `a = ${pts(a)}, b = 0`, figures);
  }
  let rate = a / b;
  let capped = "";
  if (rate > 1) {
    if (settings.ratioAboveOne === "review")
      return review("RATIO_ABOVE_ONE", `a = ${pts(a)} > b = ${bText}`, figures);
    rate = 1;
    capped = " (a > b: tỷ lệ tính bằng 1 theo thiết lập)";
  }
  const points = settle(rate * maxPoints, maxPoints, settings.decimals);
  return {
    ok: true,
    points,
    how: `a/b = ${pts(a)}/${bText} = ${formatNumber(rate, 4)}${capped}; ${formatNumber(rate, 4)} × ${pts(maxPoints)} = ${pts(points)} điểm`,
    figures,
  };
}

function additiveOutcome(
  rule: Extract<Rule, { kind: "additive" }>,
  words: readonly Word[],
  keys: BranchKeys,
  maxPoints: number | null,
  settings: IndexSettings,
): PointsOutcome {
  const { named, denied } = readBranches(words, keys);
  // a part both named and denied (`chưa tổ chức triển khai, đánh giá kết quả`) is unclear too
  const unclear = rule.parts.filter((_, i) => !named.includes(i) && !denied.includes(i));
  const partsMet = named.map((i) => rule.parts[i]!.condition);
  if (unclear.length > 0)
    return review(
      "PARTS_UNCLEAR",
      `không rõ đạt hay không: ${unclear.map((p) => quote(p.condition, 50)).join(", ")}`,
      { partsMet },
    );
  let sum = 0;
  const how: string[] = [];
  for (const [i, part] of rule.parts.entries()) {
    if (!named.includes(i)) {
      how.push(`${quote(part.condition, 40)} chưa đạt: 0`);
      continue;
    }
    const p = amountPoints(part.amount, maxPoints);
    if (p === null)
      return review("MAX_UNKNOWN", `${amountText(part.amount)} mà bộ chỉ số không ghi điểm tối đa`, {
        partsMet,
      });
    sum += p;
    how.push(`${quote(part.condition, 40)} đạt: ${pts(roundPoints(p, settings.decimals))}`);
  }
  if (maxPoints !== null && sum > maxPoints + 1e-9)
    return review("AMOUNT_ABOVE_MAX", `tổng các nội dung ${pts(sum)} > điểm tối đa ${pts(maxPoints)}`, {
      partsMet,
    });
  const points = settle(sum, maxPoints, settings.decimals);
  return { ok: true, points, how: `${how.join("; ")} → ${pts(points)} điểm`, figures: { partsMet } };
}

function yesNoOutcome(
  rule: Extract<Rule, { kind: "yesNo" }>,
  explanation: string,
  maxPoints: number | null,
  settings: IndexSettings,
): PointsOutcome {
  const v = readValue(explanation);
  if (v.kind === "yes")
    return amountOutcome(rule.yes.amount, maxPoints, settings, `có (${quote(explanation, 40)})`, {
      branch: rule.yes.condition,
    });
  if (v.kind === "no")
    return amountOutcome(rule.no.amount, maxPoints, settings, `không (${quote(explanation, 40)})`, {
      branch: rule.no.condition,
    });
  return review("ANSWER_UNCLEAR", explanation.trim() === "" ? "giải trình trống" : quote(explanation, 60));
}

function explanationText(raw: RawCell | string): string {
  if (raw === null || raw === undefined) return "";
  if (typeof raw === "string") return raw;
  if (typeof raw === "number") return formatNumber(raw, 9);
  if (typeof raw === "boolean") return raw ? "Có" : "Không";
  if (raw instanceof Date) return "";
  return "";
}

/**
 * The points a rule gives for a commune's explanation (and Part A, when b stands for a Part A figure), or why
 * they cannot be computed. The core of `=CDS_DIEM(giai_trinh; cach_tinh; diem_toi_da)`.
 * @example pointsFor(parseRule("a = …; b = …; Tỷ lệ = a/b; Điểm = Tỷ lệ*Điểm tối đa"), 20, "a = 12; b = 15") // ok, 16
 */
export function pointsFor(
  rule: Rule,
  maxPoints: number | null,
  explanation: RawCell | string,
  context: CheckContext = {},
): PointsOutcome {
  const settings = context.settings ?? DEFAULT_SETTINGS;
  if (rule.kind === "notScored") return { ok: false, notScored: true, reason: "Không tính điểm" };
  if (rule.kind === "unknown") return review("RULE_UNKNOWN", rule.reason);
  const text = explanationText(explanation);
  const facts = factsOf(rule);
  const words = wordsOf(text);
  const hedge = hedgeInWords(words, facts.hedgesUsed);
  if (hedge !== null) return review("HEDGED", `có từ «${hedge}» trong giải trình`);
  switch (rule.kind) {
    case "choice":
      return choiceOutcome(rule.options, words, facts.keys, maxPoints, settings);
    case "steps":
      return stepsOutcome(rule, text, facts.verbs, maxPoints, settings);
    case "ratio":
      return ratioOutcome(rule, text, maxPoints, context, settings);
    case "additive":
      return additiveOutcome(rule, words, facts.keys, maxPoints, settings);
    case "yesNo":
      return yesNoOutcome(rule, text, maxPoints, settings);
  }
}
