/**
 * The check a reviewer does on one component: the self-score read, the points the rule gives (points.ts)
 * compared with it. Where a rule or a figure cannot be read the answer is "Cần xem xét" with the reason.
 */
import type { RawCell } from "../types";
import { readValue } from "../values/read";
import { CHECK_LABELS, DEFAULT_SETTINGS, REVIEW_LABELS } from "./labels";
import { pointsFor, pts, quote, roundPoints, type CheckContext } from "./points";
import type { CheckCode, CheckFigures, ComponentCheck, ReviewCode, Rule } from "./types";

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
