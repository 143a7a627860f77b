/**
 * The check a reviewer does, as pure functions: the points a rule gives for a commune's explanation and Part A
 * figures, compared with the self-score; the sums of components, main indices and groups; the band of a result.
 * Where a rule or a figure cannot be read the answer is "Cần xem xét" with the reason, never a guessed number.
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
import { CHECK_LABELS, DEFAULT_SETTINGS, REVIEW_LABELS, SUM_LABELS } from "./labels";
import { amountPoints, amountText, describeRule, inRange } from "./rules";
import type {
  Amount,
  Band,
  CheckCode,
  CheckFigures,
  ComponentCheck,
  IndexSettings,
  PartAFigure,
  PointsOutcome,
  ReviewCode,
  Rule,
  RuleOption,
  SumIssue,
  SumLevel,
  SumLine,
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

const pts = (n: number): string => formatNumber(n, 4);

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

function quote(text: string, max = 80): string {
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

/** a self-score cell as a number: `20`, `20 điểm`, `13,33`; null when empty or `-`; NaN when unreadable */
export function readSelfScore(raw: RawCell): number | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : Number.NaN;
  if (typeof raw === "string") {
    const t = raw.trim();
    if (t === "" || /^[-–—_.]+$/.test(t)) return null;
    const neg = /^-\s*(\d[\d.,]*)\s*(?:điểm|diem|đ)?$/iu.exec(t);
    if (neg) return -(readSelfScore(neg[1]!) ?? Number.NaN);
  }
  const v = readValue(raw);
  if (v.kind === "empty") return null;
  if (v.kind === "count" && (v.unit === undefined || /^(điểm|diem|đ)$/iu.test(v.unit))) return v.count;
  return Number.NaN;
}

/** one component as the check needs it */
export interface ComponentToCheck {
  readonly id: string;
  readonly maxPoints: number | null;
  readonly rule: Rule;
}

/** the commune's cells for one component */
export interface CommuneAnswer {
  /** Giải trình kết quả */
  readonly explanation: RawCell;
  /** Điểm tự chấm */
  readonly self: RawCell;
}

function result(
  id: string,
  code: CheckCode,
  reason: string,
  points: number | null,
  self: number | null,
  figures: CheckFigures,
  reviewCode: ReviewCode | null = null,
): ComponentCheck {
  return { id, code, label: CHECK_LABELS[code], reason, review: reviewCode, points, self, figures };
}

/**
 * The reviewer's check of one component: the self-score above the maximum, the points the rule gives for the
 * explanation, compared with the self-score. Codes: KHOP, TU_CHAM_CAO_HON / TU_CHAM_THAP_HON (both numbers in the
 * reason), VUOT_DIEM_TOI_DA, CAN_XEM_XET (with the reason code), KHONG_TINH_DIEM.
 * @example checkComponent(c, { explanation: "a = 12; b = 15", self: 20 }).reason // "tự chấm 20 > tính được 16 (a/b = 12/15 = 0,8; …)"
 */
export function checkComponent(
  component: ComponentToCheck,
  answer: CommuneAnswer,
  context: CheckContext = {},
): ComponentCheck {
  const settings = context.settings ?? DEFAULT_SETTINGS;
  const { id, maxPoints, rule } = component;
  const selfRaw = readSelfScore(answer.self);
  const selfReadable = selfRaw !== null && !Number.isNaN(selfRaw);
  const self = selfReadable ? roundPoints(selfRaw, settings.decimals) : null;

  if (rule.kind === "notScored")
    return result(
      id,
      "KHONG_TINH_DIEM",
      self !== null && self !== 0
        ? `không tính điểm; tự chấm ${pts(self)} không được cộng`
        : "không tính điểm",
      null,
      self,
      {},
    );
  if (self !== null && maxPoints !== null && self > maxPoints)
    return result(
      id,
      "VUOT_DIEM_TOI_DA",
      `tự chấm ${pts(self)} > điểm tối đa ${pts(maxPoints)}`,
      null,
      self,
      {},
    );
  if (self !== null && self < 0)
    return result(
      id,
      "CAN_XEM_XET",
      `${REVIEW_LABELS.SELF_NEGATIVE}: ${pts(self)}`,
      null,
      self,
      {},
      "SELF_NEGATIVE",
    );

  const outcome = pointsFor(rule, maxPoints, answer.explanation, context);
  if (!outcome.ok) {
    if (outcome.notScored) return result(id, "KHONG_TINH_DIEM", outcome.reason, null, self, {});
    const selfNote = self !== null ? ` (tự chấm ${pts(self)})` : "";
    return result(
      id,
      "CAN_XEM_XET",
      `${outcome.reason}${selfNote}`,
      null,
      self,
      outcome.figures,
      outcome.review,
    );
  }
  const { points, how, figures } = outcome;
  if (selfRaw === null)
    return result(
      id,
      "CAN_XEM_XET",
      `${REVIEW_LABELS.SELF_MISSING}; tính được ${pts(points)} (${how})`,
      points,
      null,
      figures,
      "SELF_MISSING",
    );
  if (self === null)
    return result(
      id,
      "CAN_XEM_XET",
      `${REVIEW_LABELS.SELF_UNREADABLE}: ${quote(String(answer.self), 30)}; tính được ${pts(points)} (${how})`,
      points,
      null,
      figures,
      "SELF_UNREADABLE",
    );
  if (Math.abs(self - points) < 1e-9)
    return result(id, "KHOP", `${pts(points)} điểm (${how})`, points, self, figures);
  const code: CheckCode = self > points ? "TU_CHAM_CAO_HON" : "TU_CHAM_THAP_HON";
  const sign = self > points ? ">" : "<";
  return result(
    id,
    code,
    `tự chấm ${pts(self)} ${sign} tính được ${pts(points)} (${how})`,
    points,
    self,
    figures,
  );
}

// ---------------------------------------------------------------------------------------------
// sums

const LEVEL_NAMES: Readonly<Record<SumLevel | "total", string>> = {
  group: "Nhóm",
  index: "Chỉ số",
  component: "Chỉ số thành phần",
  total: "Tổng điểm",
};

/** ids and cells in natural order: `1.9` < `1.10`, `E9` < `E10` (runs of digits compared as numbers) */
function byId(x: string, y: string): number {
  const a = x.match(/\d+|\D+/g) ?? [];
  const b = y.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < a.length && i < b.length; i++) {
    const p = a[i]!;
    const q = b[i]!;
    if (p === q) continue;
    const pn = /^\d/.test(p);
    const qn = /^\d/.test(q);
    if (pn && qn) return Number(p) - Number(q) || (p < q ? -1 : 1);
    return p < q ? -1 : 1;
  }
  return a.length - b.length;
}

/**
 * The sums a reviewer checks on a form: each main index equals the sum of its components, each group the sum of
 * its main indices, the total the sum of the groups (of the main indices when there are no groups). Lines may come
 * in any order; a line without points is not checked, a part without points is reported. Compared at `decimals`.
 * @example checkSums([{ level: "index", id: "1", parent: "I", points: 80, ref: "E5" }, { level: "component", id: "1.1", parent: "1", points: 20, ref: "E6" }])
 *   // [{ code: "SUM_MISMATCH", stated: 80, sum: 20, … message: "Chỉ số 1 (E5): ghi 80 nhưng tổng … là 20 (E6)" }]
 */
export function checkSums(
  lines: readonly SumLine[],
  total: { readonly points: number | null; readonly ref?: string } | null = null,
  decimals: number = DEFAULT_SETTINGS.decimals,
): SumIssue[] {
  const issues: SumIssue[] = [];
  const refOf = (l: SumLine): string => l.ref ?? l.id;
  const seen = new Map<string, SumLine>();
  for (const l of [...lines].sort((x, y) => byId(x.id, y.id) || byId(refOf(x), refOf(y)))) {
    const key = `${l.level}|${l.id}`;
    const first = seen.get(key);
    if (first) {
      issues.push({
        code: "SUM_DUPLICATE",
        level: l.level === "component" ? "index" : l.level,
        id: l.id,
        stated: l.points,
        sum: 0,
        ...(l.ref !== undefined ? { ref: l.ref } : {}),
        parts: [refOf(first), refOf(l)].sort(byId),
        message: `${LEVEL_NAMES[l.level]} ${l.id}: ${SUM_LABELS.SUM_DUPLICATE} (${[refOf(first), refOf(l)].sort(byId).join(", ")})`,
      });
    } else seen.set(key, l);
  }
  const unique = [...seen.values()];
  const compare = (
    level: "group" | "index" | "total",
    id: string | null,
    stated: number | null,
    ref: string | undefined,
    parts: readonly SumLine[],
    partName: string,
  ): void => {
    if (stated === null || parts.length === 0) return;
    const sorted = [...parts].sort((x, y) => byId(x.id, y.id));
    const known = sorted.filter((p) => p.points !== null);
    const sum = roundPoints(
      known.reduce((s, p) => s + p.points!, 0),
      decimals,
    );
    const where = `${LEVEL_NAMES[level]}${id !== null ? ` ${id}` : ""}${ref !== undefined ? ` (${ref})` : ""}`;
    const refs = sorted.map(refOf);
    const base = { level, id, stated, sum, ...(ref !== undefined ? { ref } : {}), parts: refs };
    const missing = sorted.filter((p) => p.points === null);
    if (missing.length > 0) {
      issues.push({
        ...base,
        code: "SUM_PART_MISSING",
        message: `${where}: thiếu điểm ${LEVEL_NAMES[missing[0]!.level].toLowerCase()} ${missing.map((m) => `${m.id}${m.ref !== undefined ? ` (${m.ref})` : ""}`).join(", ")}; không kiểm tra được tổng`,
      });
      return;
    }
    if (Math.abs(roundPoints(stated, decimals) - sum) < 1e-9) return;
    issues.push({
      ...base,
      code: "SUM_MISMATCH",
      message: `${where}: ghi ${pts(stated)} nhưng tổng ${partName} là ${pts(sum)} (${refs.join(" + ")})`,
    });
  };
  const groups = unique.filter((l) => l.level === "group").sort((x, y) => byId(x.id, y.id));
  const indices = unique.filter((l) => l.level === "index").sort((x, y) => byId(x.id, y.id));
  const components = unique.filter((l) => l.level === "component");
  for (const ix of indices)
    compare(
      "index",
      ix.id,
      ix.points,
      ix.ref,
      components.filter((c) => c.parent === ix.id),
      "các chỉ số thành phần",
    );
  for (const g of groups)
    compare(
      "group",
      g.id,
      g.points,
      g.ref,
      indices.filter((ix) => ix.parent === g.id),
      "các chỉ số",
    );
  if (total)
    compare(
      "total",
      null,
      total.points,
      total.ref,
      groups.length > 0 ? groups : indices,
      groups.length > 0 ? "các nhóm" : "các chỉ số",
    );
  const order = { index: 0, group: 1, total: 2 } as const;
  return issues.sort(
    (x, y) => order[x.level] - order[y.level] || byId(x.id ?? "", y.id ?? "") || x.code.localeCompare(y.code),
  );
}

// ---------------------------------------------------------------------------------------------
// bands

/** true when a percentage lies in a band */
export function inBand(band: Band, percent: number): boolean {
  const { lower, upper } = band;
  if (lower && (lower.strict ? percent <= lower.percent : percent < lower.percent)) return false;
  if (upper && (upper.strict ? percent >= upper.percent : percent > upper.percent)) return false;
  return true;
}

/**
 * The band of a result, by its percentage of the maximum; null when the set has no bands or the maximum is
 * unknown or 0.
 * @example bandOf(72, 100, BANDS_KON_TUM)?.name === "Khá"
 */
export function bandOf(points: number, maxPoints: number | null, bands: readonly Band[]): Band | null {
  if (maxPoints === null || maxPoints <= 0 || bands.length === 0) return null;
  const percent = Number(((points / maxPoints) * 100).toPrecision(12));
  return bands.find((b) => inBand(b, percent)) ?? null;
}

/** `≥ 70% và < 90%` */
export function bandText(band: Band): string {
  const lower = band.lower ? `${band.lower.strict ? ">" : "≥"} ${formatNumber(band.lower.percent, 2)}%` : "";
  const upper = band.upper ? `${band.upper.strict ? "<" : "≤"} ${formatNumber(band.upper.percent, 2)}%` : "";
  return lower && upper ? `${lower} và ${upper}` : lower || upper || "mọi mức";
}
