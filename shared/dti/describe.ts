/**
 * How a rule was understood, in Vietnamese: the set sheet's "Cách hiểu" column and the reports. Pasted back into
 * the rule column, a description reads as the same rule.
 */
import { formatNumber } from "../text";
import { amountText, rangeText } from "./amounts";
import type { Amount, Rule, RuleKind, RuleOption } from "./types";

// describing a rule

/** the Vietnamese name of each kind of rule, for the set sheet and reports */
export const RULE_KIND_LABELS: Readonly<Record<RuleKind, string>> = {
  choice: "Chọn một trường hợp",
  steps: "Theo số lượng",
  ratio: "Tỷ lệ × điểm tối đa",
  additive: "Cộng điểm các nội dung",
  yesNo: "Có/Không",
  notScored: "Không tính điểm",
  unknown: "Chưa đọc được",
};

function annotated(a: Amount, maxPoints: number | null): string {
  const base = amountText(a);
  if (a.kind !== "share" || maxPoints === null) return base;
  return `${base} (= ${formatNumber((maxPoints * a.num) / a.den, 2)} điểm)`;
}

/**
 * How a rule was understood, in Vietnamese, for the set sheet's "Cách hiểu" column: a first line naming the kind,
 * then the branches in the decisions' own form with the points for `maxPoints`. Pasted back into the rule
 * column it reads as the same rule (the first line ends with `:`, the `(= … điểm)` notes are skipped).
 * @example describeRule(parseRule("Có: Điểm tối đa; Không: 0 điểm"), 10) === "Có/Không theo giải trình:\n- Có: Điểm tối đa (= 10 điểm)\n- Không: 0 điểm"
 */
export function describeRule(rule: Rule, maxPoints: number | null = null): string {
  const line = (o: RuleOption): string => `- ${o.condition}: ${annotated(o.amount, maxPoints)}`;
  switch (rule.kind) {
    case "choice":
      return ["Chọn một trường hợp, giải trình phải nêu rõ:", ...rule.options.map(line)].join("\n");
    case "steps":
      return [
        `Theo số ${rule.unit} nêu trong giải trình:`,
        ...rule.steps.map((s) => `${line(s)} (${rangeText(s.range, rule.unit)})`),
        ...(rule.otherwise ? [line(rule.otherwise)] : []),
      ].join("\n");
    case "ratio":
      return [
        `Tỷ lệ × điểm tối đa${maxPoints !== null ? ` (${formatNumber(maxPoints, 2)} điểm)` : ""}, tỷ lệ = a/b:`,
        `a = ${rule.numerator}`,
        `b = ${rule.denominator}`,
        "Tỷ lệ = a/b",
        "Điểm = Tỷ lệ*Điểm tối đa",
      ].join("\n");
    case "additive":
      return [
        "Cộng điểm các nội dung đạt:",
        ...rule.parts.map(line),
        ...(rule.unmet ? [line(rule.unmet)] : []),
      ].join("\n");
    case "yesNo":
      return ["Có/Không theo giải trình:", line(rule.yes), line(rule.no)].join("\n");
    case "notScored":
      return "Không tính điểm";
    case "unknown":
      return `Chưa đọc được cách tính điểm: ${rule.reason}`;
  }
}
