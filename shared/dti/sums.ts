/**
 * The sums a reviewer checks on a form (components → main index → group → total) and the band of a result.
 */
import { formatNumber } from "../text";
import { DEFAULT_SETTINGS, SUM_LABELS } from "./labels";
import { pts, roundPoints } from "./points";
import type { Band, SumIssue, SumLevel, SumLine } from "./types";

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
