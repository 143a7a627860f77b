/**
 * Reading target cells (`60%`, `≥ 60%`, `trên 90%`, `Có`, `Đáp ứng` …) into a {@link Target}.
 */
import type { RawCell, Target } from "../types";
import { formatNumber } from "../text";
import { scanFigures } from "./figures";
import { isPercentFormat } from "./formats";
import { roundRate } from "./numbers";
import { normalizeCellText } from "./read";
import { tokenize, yesTargetAtStart } from "./words";

/**
 * Reads a target cell. Null when nothing readable is there (empty cell, a bare number without a percent format,
 * a fraction, prose such as `Theo chỉ tiêu giao hằng năm`, an upper bound `dưới 5%`): the caller then falls back
 * to the criteria set. A percentage is `≥` unless written `> x%`, `trên x%` or `hơn x%`; a number cell formatted
 * as percent is a fraction of 1 (0.6 → `≥ 60%`).
 * @example readTarget("trên 90%") // { kind: "percent", comparator: ">", threshold: 90 }
 */
export function readTarget(raw: RawCell, format?: string): Target | null {
  try {
    if (typeof raw === "number") {
      return Number.isFinite(raw) && isPercentFormat(format)
        ? { kind: "percent", comparator: ">=", threshold: roundRate(raw * 100) }
        : null;
    }
    if (typeof raw !== "string") return null;
    return readTargetText(raw);
  } catch {
    return null;
  }
}

/** a target text read (`readTarget` catches what it throws) */
function readTargetText(raw: string): Target | null {
  const text = normalizeCellText(raw);
  if (!text) return null;
  const [first] = scanFigures(text).rates;
  if (first) {
    if (first.kind !== "percent" || first.bound?.side === "upper") return null;
    const strict = first.bound?.side === "lower" && first.bound.strict;
    return { kind: "percent", comparator: strict ? ">" : ">=", threshold: first.percent };
  }
  const word = yesTargetAtStart(tokenize(text));
  return word ? { kind: "yes", word } : null;
}

/**
 * A target as users read it: `≥ 60%`, `> 90%`, `Có`, `chưa có chỉ tiêu`.
 */
export function targetText(t: Target): string {
  switch (t.kind) {
    case "percent":
      return `${t.comparator === ">" ? ">" : "≥"} ${formatNumber(t.threshold)}%`;
    case "yes":
      return t.word;
    case "unknown":
      return "chưa có chỉ tiêu";
  }
}

/** true when two targets ask for different things (any two yes-type targets ask for the same) */
export function targetsDiffer(a: Target, b: Target): boolean {
  if (a.kind !== b.kind) return true;
  if (a.kind === "percent" && b.kind === "percent") {
    return a.comparator !== b.comparator || Math.abs(a.threshold - b.threshold) > 1e-9;
  }
  return false;
}
