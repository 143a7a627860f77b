/**
 * The grading rules of DOMAIN.md (rules 1–5): one result against one target, with a short Vietnamese reason.
 */
import type { Criterion, Grade, GradeWarning, Hedge, RawCell, StatusCode, Target, Value } from "../types";
import { STATUS_LABELS, statusFromLabel } from "../labels";
import { clip, fold, formatNumber, formatPercent } from "../text";
import { readTarget, targetText, targetsDiffer } from "../values/targets";
import { formatDate } from "../values/formats";
import { roundRate } from "../values/numbers";
import { cellText, readValue, valueProblem } from "../values/read";
import { WORDS, affirmativesIn, levelsIn, noDataAtStart, phraseAt, tokenize } from "../values/words";

/** a stated percentage may differ from its fraction by this many points before we warn */
export const MISMATCH_TOLERANCE = 0.5;

/** the reason given when a percentage target meets a result with no figure */
export const NO_FIGURE_REASON = "thiếu số liệu (chỉ tiêu tính theo %)";
/** a "no" result of at most this many words misses a percentage target outright */
const SHORT_NO_WORDS = 3;

/** the warning beside an impossible rate: what to check (the reason already names the figure) */
export const RATE_OUT_OF_RANGE_ADVICE = "tỷ lệ phải từ 0% đến 100%: kiểm tra lại tử số, mẫu số hoặc cách ghi";

/** the reason given when no target is known */
export const NO_TARGET_REASON = "chưa có chỉ tiêu";

function grade(status: StatusCode, reason: string, warnings: readonly GradeWarning[] = []): Grade {
  return { status, reason, warnings };
}

/** a rate for a reason: one decimal, more when one decimal would print the threshold for a miss */
function rateText(p: number, threshold?: number): string {
  // one decimal moves a rate by at most 0.05: far from the threshold it cannot print as the threshold
  if (threshold === undefined || Math.abs(p - threshold) > 0.06) return formatPercent(p, 1);
  for (let d = 1; d <= 4; d++) {
    const shown = Number(p.toFixed(d));
    if (shown !== threshold || p === threshold) return formatPercent(p, d);
  }
  return formatPercent(p, 4);
}

/** the value in a reason: `54,4%`, `> 90%`, `433/448 = 96,7%`, `8 điểm`, `Có`, `"…"` */
function valueText(value: Value, threshold?: number): string {
  switch (value.kind) {
    case "percent":
      return rateText(value.percent, threshold);
    case "lowerBound":
      return `${value.strict ? ">" : "≥"} ${formatPercent(value.percent, 2)}`;
    case "fraction": {
      const f = `${formatNumber(value.numerator)}/${formatNumber(value.denominator)}`;
      return value.percent === null ? f : `${f} = ${rateText(value.percent, threshold)}`;
    }
    case "count":
      return value.unit ? `${formatNumber(value.count)} ${clip(value.unit, 30)}` : formatNumber(value.count);
    case "yes":
    case "no":
      return value.word.length <= 30 ? value.word : `"${clip(value.word, 30)}"`;
    case "underWay":
    case "notEvaluated":
      return value.word;
    case "text":
    case "unreadable":
      return `"${clip(value.text, 40)}"`;
    case "error":
      return value.error;
    case "date":
      return formatDate(value.date);
    case "empty":
      return "";
  }
}

function mismatchWarning(value: Value): GradeWarning | null {
  if (value.kind !== "fraction" || value.percent === null || value.statedPercent === undefined) return null;
  const diff = Math.abs(value.percent - value.statedPercent);
  if (diff <= MISMATCH_TOLERANCE + 1e-9) return null;
  return {
    code: "FRACTION_PERCENT_MISMATCH",
    message:
      `${formatNumber(value.numerator)}/${formatNumber(value.denominator)} = ${formatPercent(value.percent, 2)}, ` +
      `nhưng ô ghi ${formatPercent(value.statedPercent, 2)} (lệch ${formatNumber(diff, 2)} điểm %)`,
  };
}

/** a value that cannot be graded at all, whatever the target */
function ungradable(value: Value): Grade | null {
  const problem = valueProblem(value);
  if (!problem) return null;
  switch (problem.code) {
    case "ERROR_VALUE":
      return grade("CAN_XEM_XET", `ô lỗi ${valueText(value)}`);
    case "DATE_VALUE":
      return grade("CAN_XEM_XET", `ô chứa ngày ${valueText(value)}, không phải kết quả`);
    case "ZERO_DENOMINATOR":
      return grade("CAN_XEM_XET", `${valueText(value)}: mẫu số bằng 0`);
    case "RATE_OUT_OF_RANGE": {
      return grade("CAN_XEM_XET", `${valueText(value)} ngoài khoảng 0–100%, số liệu không hợp lệ`, [
        { code: "RATE_OUT_OF_RANGE", message: RATE_OUT_OF_RANGE_ADVICE },
      ]);
    }
    default:
      return grade("CAN_XEM_XET", `${valueText(value)} ${problem.detail}`);
  }
}

/** ` ≥ 60%`: how a rate compares with the threshold, met or not, strictly or not */
function comparisonText(ok: boolean, strict: boolean, threshold: number): string {
  const sign = ok ? (strict ? ">" : "≥") : strict ? "≤" : "<";
  return ` ${sign} ${formatNumber(threshold)}%`;
}

function againstPercent(value: Value, t: Extract<Target, { kind: "percent" }>): Grade {
  const strict = t.comparator === ">";
  switch (value.kind) {
    case "percent":
    case "fraction": {
      const p = value.percent!;
      const ok = strict ? p > t.threshold : p >= t.threshold;
      return grade(
        ok ? "DAT" : "KHONG_DAT",
        valueText(value, t.threshold) + comparisonText(ok, strict, t.threshold),
      );
    }
    case "lowerBound": {
      // the true rate is above `percent` (strictly when `value.strict`)
      const ok = strict
        ? value.percent > t.threshold || (value.strict && value.percent >= t.threshold)
        : value.percent >= t.threshold;
      return ok
        ? grade("DAT", `${valueText(value)}, đạt chỉ tiêu ${targetText(t)}`)
        : grade(
            "CAN_XEM_XET",
            `kết quả chỉ ghi ${valueText(value)}, chưa đủ để so với chỉ tiêu ${targetText(t)}`,
          );
    }
    case "no":
      // a bare "Không"/"Chưa đạt" misses a rate; a sentence ("Không có doanh nghiệp trên địa bàn") may mean
      // the rate does not apply, so it waits for a person
      return tokenize(value.word).length <= SHORT_NO_WORDS
        ? grade("KHONG_DAT", `${valueText(value)} (chỉ tiêu ${targetText(t)})`)
        : grade("CAN_XEM_XET", `${NO_FIGURE_REASON}: kết quả ghi "${clip(value.word, 40)}"`);
    case "count":
      return value.unit
        ? grade("CAN_XEM_XET", NO_FIGURE_REASON)
        : grade(
            "CAN_XEM_XET",
            `số ${formatNumber(value.count)} không ghi %, chưa rõ là tỷ lệ (chỉ tiêu ${targetText(t)})`,
          );
    default:
      return grade("CAN_XEM_XET", NO_FIGURE_REASON);
  }
}

function met(what: string, t: Extract<Target, { kind: "yes" }>): Grade {
  return grade("DAT", `${what} (đáp ứng yêu cầu "${t.word}")`);
}

function missed(what: string, t: Extract<Target, { kind: "yes" }>): Grade {
  return grade("KHONG_DAT", `${what} (không đáp ứng yêu cầu "${t.word}")`);
}

function againstYes(value: Value, t: Extract<Target, { kind: "yes" }>): Grade {
  switch (value.kind) {
    case "yes":
      return met(valueText(value), t);
    case "no":
      return missed(valueText(value), t);
    case "count":
      if (value.count > 0) return met(valueText(value), t);
      if (value.count === 0) return missed(valueText(value), t);
      return grade("CAN_XEM_XET", `${valueText(value)}: số âm, số liệu không hợp lệ`);
    case "percent":
      return value.percent > 0 ? met(valueText(value), t) : missed(valueText(value), t);
    case "lowerBound":
      return value.percent > 0 || value.strict
        ? met(valueText(value), t)
        : grade("CAN_XEM_XET", NO_FIGURE_REASON);
    case "fraction":
      return value.numerator > 0 ? met(valueText(value), t) : missed(valueText(value), t);
    case "text": {
      const tokens = tokenize(value.text);
      const noData = noDataAtStart(tokens);
      if (noData) return grade("CAN_XEM_XET", `kết quả ghi "${noData}" (yêu cầu "${t.word}")`);
      const { plain, negated } = affirmativesIn(tokens);
      if (plain.length && !negated.length) return met(`ghi "${plain[0]!.toLowerCase()}"`, t);
      if (negated.length && !plain.length) return missed(`ghi "${negated[0]}"`, t);
      if (plain.length) {
        return grade(
          "CAN_XEM_XET",
          `vừa ghi "${plain[0]!.toLowerCase()}" vừa ghi "${negated[0]}" (yêu cầu "${t.word}")`,
        );
      }
      return grade("CAN_XEM_XET", `không thấy từ khẳng định trong kết quả (yêu cầu "${t.word}")`);
    }
    default:
      return grade("CAN_XEM_XET", `${valueText(value)} (yêu cầu "${t.word}")`);
  }
}

/** what the target asks, after a value in a reason: `chỉ tiêu ≥ 60%`, `yêu cầu "Có"`, `chưa có chỉ tiêu` */
function askedText(t: Target): string {
  if (t.kind === "yes") return `yêu cầu "${t.word}"`;
  return t.kind === "percent" ? `chỉ tiêu ${targetText(t)}` : NO_TARGET_REASON;
}

/** what each kind of hedge makes of a result, in a reason */
const HEDGE_MEANING: Readonly<Record<Hedge["kind"], string>> = {
  plan: "là kế hoạch, chưa phải kết quả",
  estimate: "là số ước lượng, chưa phải kết quả",
  qualifier: "kết quả chưa trọn vẹn",
};

/**
 * A result hedged by a plan, an estimate or a qualifier: CAN_XEM_XET quoting the words, with the figure and the
 * target; DANG_THUC_HIEN when the text also says the work is under way.
 */
function hedgedGrade(value: Value, hedge: Hedge, t: Target): Grade {
  const threshold = t.kind === "percent" ? t.threshold : undefined;
  const shown = `(${valueText(value, threshold)}; ${askedText(t)})`;
  if (hedge.underWay !== undefined) {
    return grade("DANG_THUC_HIEN", `kết quả ghi "${hedge.underWay}", "${hedge.words}" ${shown}`);
  }
  const where = hedge.column !== undefined ? `cột kết quả "${hedge.column}"` : `ghi "${hedge.words}"`;
  return grade("CAN_XEM_XET", `${where}: ${HEDGE_MEANING[hedge.kind]} ${shown}`);
}

/**
 * Grades one result against one target (DOMAIN.md rules 2–5), in this order: no result → CAN_XEM_XET;
 * a not-evaluated word → KHONG_DANH_GIA; an under-way word → DANG_THUC_HIEN; an error, a date, an unreadable
 * figure, a zero denominator or a rate outside 0–100% → CAN_XEM_XET; no target → CAN_XEM_XET; then the target.
 *
 * Against a percentage: a rate or fraction compares with the threshold; a lower bound (`> 90%`) meets it only
 * when the bound itself does, else CAN_XEM_XET; a bare "no" misses it; a word, prose or a count with a unit has
 * no figure → CAN_XEM_XET. A bare number (85, in a cell not formatted as percent) is also CAN_XEM_XET: it may be
 * a count or percent points, and only the commune can say (`=CDS_DAT` reads numbers in [0, 1] as fractions).
 *
 * Against a yes-type target: an affirmative word, a positive count, rate or numerator meets it; "no", zero
 * misses it; prose meets it with an affirmative word not negated (`đã triển khai`), misses it with only negated
 * ones (`chưa có`), and is CAN_XEM_XET otherwise.
 *
 * A result hedged by a plan or an estimate (`Phấn đấu đạt 60%`, `khoảng 55%`, see `hedges` in values/words.ts)
 * is CAN_XEM_XET quoting the words (DANG_THUC_HIEN when the text also says the work is under way); a yes undone
 * by a qualifier (`Có nhưng chưa …`, `Cơ bản đảm bảo`) is CAN_XEM_XET instead of DAT.
 * @example gradeValue(readValue("433/448"), { kind: "percent", comparator: ">=", threshold: 60 })
 *   // { status: "DAT", reason: "433/448 = 96,7% ≥ 60%", warnings: [] }
 */
export function gradeValue(value: Value, target: Target): Grade {
  if (value.kind === "empty") return grade("CAN_XEM_XET", "chưa có kết quả");
  if (value.kind === "notEvaluated") return grade("KHONG_DANH_GIA", `kết quả ghi "${value.word}"`);
  if (value.kind === "underWay") return grade("DANG_THUC_HIEN", `kết quả ghi "${value.word}"`);
  const hedge = value.hedge;
  let g =
    hedge && hedge.kind !== "qualifier"
      ? hedgedGrade(value, hedge, target)
      : (ungradable(value) ??
        (target.kind === "unknown"
          ? grade("CAN_XEM_XET", NO_TARGET_REASON)
          : target.kind === "percent"
            ? againstPercent(value, target)
            : againstYes(value, target)));
  // a qualifier undoes a yes ("Có nhưng chưa …"); against a rate the figure speaks
  if (hedge?.kind === "qualifier" && g.status === "DAT" && target.kind === "yes") {
    g = hedgedGrade(value, hedge, target);
  }
  const mismatch = mismatchWarning(value);
  return mismatch ? { ...g, warnings: [...g.warnings, mismatch] } : g;
}

// ---------------------------------------------------------------------------------------------
// one row of an annex

/** what a commune wrote in its own verdict column, as a status; undefined when it says nothing we know */
export function readSelfAssessment(self: RawCell): StatusCode | undefined {
  if (typeof self === "boolean") return self ? "DAT" : "KHONG_DAT";
  if (typeof self !== "string") return undefined;
  const byLabel = statusFromLabel(self);
  if (byLabel) return byLabel;
  const f = fold(self).replace(/[.!;:]+$/, "");
  if (/^(da )?(dat|hoan thanh)$/.test(f)) return "DAT";
  if (/^(khong|chua) (dat|hoan thanh)$/.test(f)) return "KHONG_DAT";
  if (/^dang (thuc hien|trien khai)$/.test(f)) return "DANG_THUC_HIEN";
  if (/^khong (danh gia|ap dung)$/.test(f)) return "KHONG_DANH_GIA";
  return undefined;
}

/** input of {@link gradeRow}: the cells of one row and what the criteria set says about it */
export interface GradeRowInput {
  readonly result: RawCell;
  readonly resultFormat?: string | undefined;
  readonly rowTarget?: RawCell;
  readonly rowTargetFormat?: string | undefined;
  /** the row's "Đơn vị tính" cell: `%` makes a bare number a rate */
  readonly unit?: RawCell;
  /** the row's name, for a row with no criterion (a criterion's own name comes first) */
  readonly name?: string | undefined;
  readonly criterion?: Criterion | undefined;
  /** the year the criteria set was made for: a not-evaluated mark for another year yields to a row's target */
  readonly setYear?: number | undefined;
  readonly year: number;
  readonly self?: RawCell;
  /** the result column's header says its figures are estimates or plans (`Ước thực hiện năm 2023`) */
  readonly resultHedge?: Hedge | undefined;
}

/** a result under a column of estimates or plans carries the column's hedge, unless it has its own or says no */
function columnHedged(value: Value, hedge: Hedge | undefined): Value {
  return hedge && !value.hedge && value.kind !== "no" ? { ...value, hedge } : value;
}

/** a row's grade with the target used */
export type RowGrade = Grade & { readonly target: Target | null; readonly targetText: string };

/** true for a unit cell that says the row is a rate: `%`, `Tỷ lệ`, `Tỷ lệ (%)`, `Phần trăm` */
export function isPercentUnit(unit: RawCell): boolean {
  if (typeof unit !== "string") return false;
  const f = fold(unit).replace(/[\s()]/g, "");
  return f.includes("%") || f === "tyle" || f === "tile" || f === "phantram";
}

/** a bare number in a row whose unit is `%`: a rate (65 → 65%), or for review when 0.65% and 65% both fit */
function readInPercentRow(value: Value): Value | Grade {
  if (value.kind !== "count" || value.unit !== undefined || value.hedge) return value;
  const n = value.count;
  if (n > 0 && n <= 1) {
    const asRate = formatNumber(roundRate(n * 100));
    return grade(
      "CAN_XEM_XET",
      `số ${formatNumber(n)} ở dòng đơn vị tính %: có thể là ${formatNumber(n)}% hoặc ${asRate}% — ghi rõ kèm dấu %`,
    );
  }
  return { kind: "percent", percent: n };
}

/** a real 100% (not a rounded 99,99%): it meets any threshold, even one the sources do not state */
function isFullRate(value: Value): boolean {
  if (value.hedge) return false;
  if (value.kind === "percent") return value.percent === 100;
  return value.kind === "fraction" && value.numerator > 0 && value.numerator === value.denominator;
}

/**
 * A yes for a criterion that names several levels (`… huyện, tỉnh và Trung ương`) while the result names only
 * some of them: CAN_XEM_XET saying which are missing; null when the rule does not apply.
 */
function partsMissing(g: Grade, criterionName: string, result: RawCell): Grade | null {
  if (g.status !== "DAT" && g.status !== "CAN_XEM_XET") return null;
  // the result first: it is short, and most name no level at all
  // a level in a clause that says "chưa"/"không" (`chưa kết nối tỉnh`) is not reached
  const named = new Set<string>();
  for (const clause of cellText(result)
    .normalize("NFC")
    .split(/[,;()]/)) {
    const tokens = tokenize(clause);
    if (!tokens.some((_, i) => WORDS.negations.some((w) => phraseAt(tokens, i, w))))
      for (const l of levelsIn(tokens)) named.add(l);
  }
  if (named.size === 0) return null;
  const asked = levelsIn(tokenize(criterionName.normalize("NFC")));
  const missing = asked.filter((l) => !named.has(l));
  if (asked.length < 2 || missing.length === 0) return null;
  const note = `kết quả chỉ nêu ${[...named].join(", ")}, thiếu ${missing.join(", ")} mà tiêu chí yêu cầu`;
  return grade("CAN_XEM_XET", g.status === "DAT" ? note : `${g.reason}; ${note}`, g.warnings);
}

/**
 * Grades one annex row (DOMAIN.md rules 1–5): the row's own readable target wins, else the criterion's;
 * a criterion the set does not evaluate in `year` is KHONG_DANH_GIA (unless the row writes its own target and
 * the mark comes from another year than the set's, `setYear`). A bare number in a row whose unit is `%` is a
 * rate; a real 100% meets a criterion whose threshold is unknown; a yes naming only some of the levels a
 * criterion asks for is CAN_XEM_XET. Warns when the row's target differs from the set's and when the commune's
 * own verdict (`self`) differs from ours (a self-assessed "Đạt" against any other grade of ours; otherwise not
 * when ours is CAN_XEM_XET: that status already asks for a look).
 */
export function gradeRow(input: GradeRowInput): RowGrade {
  const { criterion, year } = input;
  const rowTarget = readTarget(input.rowTarget, input.rowTargetFormat);
  const setTarget = criterion?.target ?? null;
  const target = rowTarget ?? setTarget;
  const warnings: GradeWarning[] = [];
  if (rowTarget && setTarget && setTarget.kind !== "unknown" && targetsDiffer(rowTarget, setTarget)) {
    warnings.push({
      code: "TARGET_DIFFERS_FROM_SET",
      message: `chỉ tiêu ghi trong bảng "${targetText(rowTarget)}" khác chỉ tiêu của bộ tiêu chí "${targetText(setTarget)}" (${criterion!.id})`,
    });
  }

  let g: Grade;
  // the target cell is read again as a value only when it held no readable target
  const rowTargetValue =
    rowTarget || input.rowTarget === undefined ? null : readValue(input.rowTarget, input.rowTargetFormat);
  const notEvaluated = criterion !== undefined && criterion.notEvaluatedIn.includes(year);
  const rowTargetWins =
    notEvaluated && rowTarget !== null && input.setYear !== undefined && input.setYear !== year;
  if (notEvaluated && !rowTargetWins) {
    g = grade("KHONG_DANH_GIA", `tiêu chí ${criterion.id} không đánh giá năm ${year}`);
  } else if (rowTargetValue !== null && rowTargetValue.kind === "notEvaluated") {
    g = grade("KHONG_DANH_GIA", `chỉ tiêu ghi "${rowTargetValue.word}"`);
  } else {
    const read = columnHedged(readValue(input.result, input.resultFormat), input.resultHedge);
    const value = isPercentUnit(input.unit) ? readInPercentRow(read) : read;
    const t: Target = target ?? { kind: "unknown" };
    if ("status" in value) g = value;
    else if (t.kind === "unknown" && criterion !== undefined && isFullRate(value)) {
      g = grade("DAT", `${valueText(value)}: đạt mọi ngưỡng (bộ tiêu chí chưa nêu chỉ tiêu ${criterion.id})`);
    } else {
      g = gradeValue(value, t);
      if (value !== read && g.status !== "CAN_XEM_XET") g = { ...g, reason: `${g.reason} (đơn vị tính %)` };
    }
    if (t.kind === "yes") g = partsMissing(g, criterion?.name ?? input.name ?? "", input.result) ?? g;
    if (rowTargetWins) {
      warnings.push({
        code: "TARGET_DIFFERS_FROM_SET",
        message: `bộ tiêu chí không đánh giá tiêu chí ${criterion!.id} năm ${year}; chấm theo chỉ tiêu ghi trong bảng "${targetText(rowTarget!)}"`,
      });
    }
  }

  const self = input.self === undefined || input.self === null ? undefined : readSelfAssessment(input.self);
  if (self && self !== g.status && (g.status !== "CAN_XEM_XET" || self === "DAT")) {
    warnings.push({
      code: "SELF_ASSESSMENT_DIFFERS",
      message: `tự đánh giá "${cellText(input.self).trim()}" khác kết quả chấm "${STATUS_LABELS[g.status]}"`,
    });
  }
  return {
    status: g.status,
    reason: g.reason,
    warnings: [...g.warnings, ...warnings],
    target,
    targetText: target ? targetText(target) : NO_TARGET_REASON,
  };
}
