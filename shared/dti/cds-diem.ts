/**
 * `=CDS_DIEM(giai_trinh; cach_tinh; diem_toi_da)`: the points one component earns, for the custom functions of
 * both hosts, with the same reading as the sheets: the rule read from the decision's words (rules.ts), the
 * figures from the explanation (explain.ts), the points worked out as the reviewer's check does (points.ts), with
 * the safe default settings. What cannot be read is "Cần xem xét" with the reason, never a guessed number.
 */
import { clip, formatNumber } from "../text";
import type { RawCell } from "../types";
import { cellText, readValue } from "../values/read";
import { readSelfScore } from "./check";
import { CHECK_LABELS, DEFAULT_SETTINGS } from "./labels";
import { pointsFor, roundPoints } from "./points";
import { parseRule } from "./rules";
import type { ReviewCode, Rule } from "./types";

/**
 * The answer of {@link cdsDiem}: points (never above the maximum), "Cần xem xét" with the reason, "Không tính
 * điểm", or an argument the function cannot take with a Vietnamese message saying what to fix.
 */
export type CdsDiemResult =
  | { readonly kind: "points"; readonly points: number; readonly how: string }
  | {
      readonly kind: "review";
      readonly review: ReviewCode;
      /** `chưa đọc được cách tính điểm: …` */
      readonly reason: string;
      /** what a cell shows: `Cần xem xét – chưa đọc được cách tính điểm: …` */
      readonly text: string;
    }
  | { readonly kind: "notScored"; readonly text: string }
  | { readonly kind: "error"; readonly message: string };

/** the largest maximum a component may have: the schema's bound for any maximum */
const MAX_POINTS = 100_000;

const ORDER = "thứ tự là (giải trình; cách tính điểm; điểm tối đa)";

function error(message: string): CdsDiemResult {
  return { kind: "error", message };
}

function isBlank(raw: RawCell): boolean {
  return raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "");
}

/** the maximum, or the message saying why it cannot be one */
function readMaximum(raw: RawCell): number | string {
  const v = readValue(raw);
  if (v.kind === "error") return `Ô điểm tối đa là giá trị lỗi ${v.error}: sửa ô đó trước.`;
  const n = readSelfScore(raw);
  if (n === null) return "Thiếu điểm tối đa: ghi điểm tối đa của chỉ số thành phần, như 20.";
  if (Number.isNaN(n)) {
    const swapped = typeof raw === "string" && raw.length > 20 ? `; có thể các ô bị đổi chỗ: ${ORDER}` : "";
    return `Điểm tối đa "${clip(cellText(raw), 30)}" không đọc được: ghi một số như 20${swapped}.`;
  }
  // Excel on the desktop hands an empty cell over as 0; no component is worth 0 points at most
  if (n <= 0)
    return `Điểm tối đa ${formatNumber(n)} không dùng được: điểm tối đa phải lớn hơn 0 (ô trống cũng được đọc là 0).`;
  if (n > MAX_POINTS)
    return `Điểm tối đa ${formatNumber(n)} quá lớn: ghi điểm tối đa của một chỉ số thành phần, như 20.`;
  return n;
}

/** rules read so far, by their text: a column of formulas on the same rules reads each once */
const RULES = new Map<string, Rule>();
const RULES_KEPT = 500;

function ruleOf(text: string): Rule {
  let rule = RULES.get(text);
  if (!rule) {
    if (RULES.size >= RULES_KEPT) RULES.clear();
    rule = parseRule(text);
    RULES.set(text, rule);
  }
  return rule;
}

/** the rule's text, or the message saying why the cell cannot be one */
function readRuleText(raw: RawCell): string | { message: string } {
  const v = readValue(raw);
  if (v.kind === "error") return { message: `Ô cách tính điểm là giá trị lỗi ${v.error}: sửa ô đó trước.` };
  if (isBlank(raw))
    return {
      message:
        "Thiếu cách tính điểm: chọn ô «Cách xác định và tính điểm» của chỉ số thành phần (ví dụ " +
        "«Có: Điểm tối đa; Không: 0 điểm»).",
    };
  if (typeof raw !== "string")
    return {
      message:
        `Cách tính điểm "${clip(cellText(raw), 30)}" không phải lời văn của bộ chỉ số: chọn ô «Cách xác định và ` +
        `tính điểm»; ${ORDER}.`,
    };
  return raw;
}

/**
 * The points a commune's explanation earns under a rule text, for `=CDS_DIEM(giai_trinh; cach_tinh;
 * diem_toi_da)`. The rule is read as the "Bộ chỉ số" sheet reads it (choice, steps on a count, ratio × maximum,
 * additive parts, yes/no, not scored); the figures come from the explanation ("a = 12; b = 15", "họp 4 lần",
 * "Trưởng ban là Chủ tịch UBND xã"). Points are kept to 2 decimals and never above the maximum; a ratio above 1
 * counts as 1 and b = 0 is "Cần xem xét" (the defaults of an index set, DEFAULT_SETTINGS).
 * @example cdsDiem("a = 12; b = 15", "a = …; b = …; Tỷ lệ = a/b; Điểm = Tỷ lệ*Điểm tối đa", 20) // { kind: "points", points: 16, … }
 */
export function cdsDiem(explanation: RawCell, ruleText: RawCell, maxPoints: RawCell): CdsDiemResult {
  try {
    explanation = oneCell(explanation);
    ruleText = oneCell(ruleText);
    maxPoints = oneCell(maxPoints);
    const text = readRuleText(ruleText);
    if (typeof text !== "string") return error(text.message);
    const rule = ruleOf(text);
    // collected, worth nothing: its maximum may well be 0 or blank
    if (rule.kind === "notScored") return { kind: "notScored", text: CHECK_LABELS.KHONG_TINH_DIEM };
    const max = readMaximum(maxPoints);
    if (typeof max === "string") return error(max);
    const v = readValue(explanation);
    if (v.kind === "error") return error(`Ô giải trình là giá trị lỗi ${v.error}: sửa ô đó trước.`);

    const outcome = pointsFor(rule, max, explanation, { settings: DEFAULT_SETTINGS });
    if (outcome.ok) {
      // points.ts keeps points within [0, max]; held here too, as the function's promise
      const points = Math.min(max, Math.max(0, roundPoints(outcome.points, DEFAULT_SETTINGS.decimals)));
      return { kind: "points", points, how: outcome.how };
    }
    if (outcome.notScored) return { kind: "notScored", text: CHECK_LABELS.KHONG_TINH_DIEM };
    return {
      kind: "review",
      review: outcome.review,
      reason: outcome.reason,
      text: `${CHECK_LABELS.CAN_XEM_XET} – ${outcome.reason}`,
    };
  } catch (e) {
    return error(`Không tính được điểm: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** a one-cell range (`[[x]]`) as the cell it holds */
function oneCell(x: RawCell): RawCell {
  let v: unknown = x;
  for (let depth = 0; depth < 2 && Array.isArray(v) && v.length === 1; depth++) v = v[0];
  return v as RawCell;
}
