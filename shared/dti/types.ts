/**
 * The vocabulary of the points-based index (bộ chỉ số, "DTI cấp xã"): sets, rules read from a decision's
 * words, and the reviewer's checks. Pure data types; the functions live beside them in `shared/dti/`.
 */

// ---------------------------------------------------------------------------------------------
// rules, as read from "Cách xác định và tính điểm"

/**
 * How many points a rule's branch is worth: a share of the component's maximum (`1/2*Điểm tối đa` → 1 / 2,
 * `Điểm tối đa` → 1 / 1, `50% Điểm tối đa` → 50 / 100) or a number of points (`15 điểm`, `0 điểm`).
 */
export type Amount =
  | { readonly kind: "share"; readonly num: number; readonly den: number }
  | { readonly kind: "points"; readonly points: number };

/** one branch of a rule: the decision's words for the case, and what it is worth */
export interface RuleOption {
  readonly condition: string;
  readonly amount: Amount;
}

/** the counts a step covers; a bound of null is open; strict bounds exclude the number itself */
export interface CountRange {
  readonly min: number | null;
  readonly minStrict: boolean;
  readonly max: number | null;
  readonly maxStrict: boolean;
}

/** one step of a rule on a count (`BCĐ họp 3 lần/ năm: 15 điểm`) */
export interface RuleStep extends RuleOption {
  readonly range: CountRange;
}

/**
 * A rule read from the decision's words. `unknown` keeps the text with a Vietnamese reason: its components
 * are always "Cần xem xét".
 */
export type Rule =
  /** exactly one branch applies; it counts only when the explanation names it clearly */
  | { readonly kind: "choice"; readonly options: readonly RuleOption[] }
  /** points by a count (`họp 4 lần/ năm: 20 điểm`); `unit` is the counted word (`lần`) */
  | {
      readonly kind: "steps";
      readonly unit: string;
      readonly steps: readonly RuleStep[];
      /** `Còn lại: 0 điểm` */
      readonly otherwise: RuleOption | null;
    }
  /** `a = …; b = …; Tỷ lệ = a/b; Điểm = Tỷ lệ*Điểm tối đa`; `figure`: the Part A figure b stands for */
  | {
      readonly kind: "ratio";
      readonly numerator: string;
      readonly denominator: string;
      readonly figure: string | null;
    }
  /** each part met adds its amount (`… : 1/2 * Điểm tối đa` twice); `unmet` is the zero clause, if written */
  | { readonly kind: "additive"; readonly parts: readonly RuleOption[]; readonly unmet: RuleOption | null }
  /** maximum (or `yes.amount`) when the explanation says yes, `no.amount` when it says no */
  | { readonly kind: "yesNo"; readonly yes: RuleOption; readonly no: RuleOption }
  /** collected, worth nothing (`Không tính điểm`) */
  | { readonly kind: "notScored" }
  | { readonly kind: "unknown"; readonly text: string; readonly reason: string };

export type RuleKind = Rule["kind"];

// ---------------------------------------------------------------------------------------------
// index sets

/** whether a set is a province's own, an example, or the known fragments of one */
export type SetNature = "official" | "example" | "partial";

export interface IndexGroup {
  /** `I`, `II` … as the decision numbers them */
  readonly id: string;
  readonly name: string;
  /** null when the source does not state it */
  readonly maxPoints: number | null;
}

/** a main index (chỉ số chính): `1 | Nhận thức số | 100` */
export interface MainIndex {
  /** `1`, `2` … */
  readonly id: string;
  /** id of its group; null in a set without groups */
  readonly group: string | null;
  readonly name: string;
  readonly maxPoints: number | null;
}

/** a component (chỉ số thành phần): `1.1 | … | 20 | rule text` */
export interface IndexComponent {
  /** `1.1`, `2.10` */
  readonly id: string;
  /** id of its main index */
  readonly index: string;
  /** null when the source does not state it */
  readonly name: string | null;
  readonly maxPoints: number | null;
  /** the decision's words in "Cách xác định và tính điểm"; null when not known */
  readonly ruleText: string | null;
  /** read from `ruleText` when the set is loaded (never stored in JSON) */
  readonly rule: Rule;
  /** "Tài liệu kiểm chứng", when the decision names it */
  readonly evidence?: string;
  readonly note?: string;
}

/** a shared figure of Part A (Thông tin chung) that rules use as a denominator */
export interface PartAFigure {
  /** `cbcc`, `doanh-nghiep`, `nguoi-dan` */
  readonly id: string;
  /** as the form words it: `Tổng số cán bộ công chức (CBCC)` */
  readonly name: string;
  /** words by which a form's row or a rule's `b = …` names it (diacritics and case ignored) */
  readonly keywords: readonly string[];
}

/** one side of a band, in percent of the maximum: `≥ 90` is { percent: 90, strict: false } */
export interface BandBound {
  readonly percent: number;
  readonly strict: boolean;
}

/** a band of results (xếp loại): Kon Tum `Khá` is lower ≥ 70, upper < 90 */
export interface Band {
  readonly name: string;
  readonly lower: BandBound | null;
  readonly upper: BandBound | null;
}

/**
 * Choices the decisions do not state, made explicit. The defaults ({@link DEFAULT_SETTINGS} in settings.ts) are
 * the safe ones: b = 0 cannot be computed, a ratio above 1 counts as 1, points kept to 2 decimals, the top step
 * of a count covers more.
 */
export interface IndexSettings {
  /** `review`: b = 0 → Cần xem xét; `zero`: b = 0 → 0 điểm */
  readonly zeroDenominator: "review" | "zero";
  /** `cap`: a/b > 1 counts as 1; `review`: a/b > 1 → Cần xem xét */
  readonly ratioAboveOne: "cap" | "review";
  /** points rounded half up to this many decimals, for computing and comparing */
  readonly decimals: number;
  /** `orMore`: a count above the top step gets the top step (4 meetings stated, 5 held); `exact`: Cần xem xét */
  readonly topStep: "orMore" | "exact";
}

export type SettingKey = keyof IndexSettings;

export interface IndexSet {
  /** stable id: `bo-chi-so-mau`, `thanh-hoa-xa-bieu-mau-01` */
  readonly id: string;
  readonly title: string;
  readonly nature: SetNature;
  /** the decision that issued it; null when not known */
  readonly legalBasis: string | null;
  /** the total maximum (1,000 nationally); null when not stated */
  readonly maxPoints: number | null;
  readonly settings: IndexSettings;
  /** settings the set did not state, so the defaults apply (the report says so) */
  readonly defaults: readonly SettingKey[];
  readonly figures: readonly PartAFigure[];
  /** none: the set shows no band */
  readonly bands: readonly Band[];
  readonly groups: readonly IndexGroup[];
  readonly indices: readonly MainIndex[];
  readonly components: readonly IndexComponent[];
  readonly note?: string;
}

// ---------------------------------------------------------------------------------------------
// the reviewer's check

export const CHECK_CODES = [
  "KHOP",
  "TU_CHAM_CAO_HON",
  "TU_CHAM_THAP_HON",
  "VUOT_DIEM_TOI_DA",
  "CAN_XEM_XET",
  "KHONG_TINH_DIEM",
] as const;
/** the verdict on one component's self-score */
export type CheckCode = (typeof CHECK_CODES)[number];

export const REVIEW_CODES = [
  "RULE_UNKNOWN",
  "MAX_UNKNOWN",
  "AMOUNT_ABOVE_MAX",
  "HEDGED",
  "FIGURE_MISSING",
  "FIGURES_AMBIGUOUS",
  "FIGURE_CONFLICT",
  "ZERO_DENOMINATOR",
  "RATIO_ABOVE_ONE",
  "COUNT_NOT_IN_STEPS",
  "BRANCH_UNCLEAR",
  "PARTS_UNCLEAR",
  "ANSWER_UNCLEAR",
  "SELF_MISSING",
  "SELF_UNREADABLE",
  "SELF_NEGATIVE",
] as const;
/** why a component needs a human: the reason's stable code */
export type ReviewCode = (typeof REVIEW_CODES)[number];

/** what was read from the explanation and Part A to compute the points */
export interface CheckFigures {
  readonly a?: number;
  readonly b?: number;
  /** where b came from */
  readonly bFrom?: "explanation" | "partA";
  readonly count?: number;
  /** the branch (choice, yes/no) or step matched: its words */
  readonly branch?: string;
  /** additive: the parts met */
  readonly partsMet?: readonly string[];
}

/** the points a rule gives for an explanation, or why they cannot be computed */
export type PointsOutcome =
  | {
      readonly ok: true;
      readonly points: number;
      /** Vietnamese, how the points came: `a/b = 12/15 = 0,8 × 20 = 16` */
      readonly how: string;
      readonly figures: CheckFigures;
    }
  | { readonly ok: false; readonly notScored: true; readonly reason: string }
  | {
      readonly ok: false;
      readonly notScored: false;
      readonly review: ReviewCode;
      /** Vietnamese: which figure is missing, which rule was not understood … */
      readonly reason: string;
      readonly figures: CheckFigures;
    };

/** the reviewer's view of one component */
export interface ComponentCheck {
  readonly id: string;
  readonly code: CheckCode;
  /** the Vietnamese label of `code` */
  readonly label: string;
  /** Vietnamese, with the numbers: `tự chấm 20 > tính được 16 (a/b = 12/15 …)` */
  readonly reason: string;
  /** set when `code` is CAN_XEM_XET */
  readonly review: ReviewCode | null;
  /** the points the rule gives, when computed */
  readonly points: number | null;
  /** the self-score as read, when readable */
  readonly self: number | null;
  readonly figures: CheckFigures;
}

// ---------------------------------------------------------------------------------------------
// sums

export type SumLevel = "group" | "index" | "component";

/** a row of the commune's form with the points it states; `parent`: the group of an index, the index of a component */
export interface SumLine {
  readonly level: SumLevel;
  readonly id: string;
  readonly parent: string | null;
  readonly points: number | null;
  /** where it sits, as the caller names it (`E14`, `Trang "Xã A", ô E14`) */
  readonly ref?: string;
}

export const SUM_CODES = ["SUM_MISMATCH", "SUM_PART_MISSING", "SUM_DUPLICATE"] as const;
export type SumCode = (typeof SUM_CODES)[number];

export interface SumIssue {
  readonly code: SumCode;
  /** `total` for the form's total */
  readonly level: "group" | "index" | "total";
  /** id of the group or main index; null for the total */
  readonly id: string | null;
  readonly stated: number | null;
  /** sum of the parts that state points */
  readonly sum: number;
  readonly ref?: string;
  /** refs (or ids when no ref) of the parts summed */
  readonly parts: readonly string[];
  /** Vietnamese, with the numbers and cells */
  readonly message: string;
}
