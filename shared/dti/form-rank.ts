/**
 * Many communes' forms side by side: the ranking by recomputed points (ties share a rank, as the completion
 * ranking does: 1, 2, 2, 4), and the components whose self-scores most often differ from the rules' points.
 */
import type { FormReport } from "./form-check";

/** one commune in the ranking by points */
export interface FormRankEntry {
  readonly commune: string;
  readonly sheet: string;
  readonly set: string | null;
  /** the self-scored total: the form's total row, else the sum of its components' self-scores */
  readonly self: number;
  /** the points the rules give (components needing review count nothing) */
  readonly points: number;
  readonly maxPoints: number | null;
  readonly percent: number | null;
  readonly band: string | null;
  /** components the commune scored higher or lower than the rules, or above the maximum */
  readonly differ: number;
  readonly toReview: number;
  readonly matched: number;
  /** standard competition ranking by recomputed points, then percent */
  readonly rank: number;
}

/** a component whose self-score differs from the rules' points in several communes */
export interface FormDispute {
  readonly id: string;
  readonly name: string;
  /** communes where it differs (higher, lower or above the maximum) */
  readonly differ: number;
  readonly higher: number;
  readonly lower: number;
  readonly aboveMax: number;
  /** communes whose form has it */
  readonly forms: number;
  readonly communes: readonly string[];
}

const DIFFER = new Set(["TU_CHAM_CAO_HON", "TU_CHAM_THAP_HON", "VUOT_DIEM_TOI_DA"]);

function compare(a: FormRankEntry, b: FormRankEntry): number {
  return b.points - a.points || (b.percent ?? -1) - (a.percent ?? -1);
}

/**
 * The communes ranked by recomputed points, best first; equal points (and percent) share a rank and keep their
 * input order.
 */
export function rankForms(forms: readonly FormReport[]): FormRankEntry[] {
  const entries = forms.map((f): FormRankEntry => ({
    commune: f.commune.commune,
    sheet: f.name,
    set: f.set?.id ?? null,
    self: f.total.selfStated ?? f.total.self,
    points: f.total.points,
    maxPoints: f.total.maxPoints,
    percent: f.total.percent,
    band: f.total.band,
    differ: f.components.filter((c) => DIFFER.has(c.code)).length,
    toReview: f.total.counts.CAN_XEM_XET,
    matched: f.total.counts.KHOP,
    rank: 0,
  }));
  const order = entries.map((_, i) => i).sort((a, b) => compare(entries[a]!, entries[b]!) || a - b);
  const ranked: FormRankEntry[] = [];
  order.forEach((i, position) => {
    const e = entries[i]!;
    const prev = ranked[position - 1];
    ranked.push({ ...e, rank: prev && compare(prev, e) === 0 ? prev.rank : position + 1 });
  });
  return ranked;
}

/** components by how many communes' self-scores differ from the rules' points, most first (none that never differ) */
export function formDisputes(forms: readonly FormReport[]): FormDispute[] {
  const byId = new Map<
    string,
    { name: string; higher: number; lower: number; aboveMax: number; forms: number; communes: string[] }
  >();
  for (const f of forms)
    for (const c of f.components) {
      const d = byId.get(c.id) ?? { name: c.name, higher: 0, lower: 0, aboveMax: 0, forms: 0, communes: [] };
      d.forms++;
      if (c.code === "TU_CHAM_CAO_HON") d.higher++;
      if (c.code === "TU_CHAM_THAP_HON") d.lower++;
      if (c.code === "VUOT_DIEM_TOI_DA") d.aboveMax++;
      if (DIFFER.has(c.code)) d.communes.push(f.commune.commune);
      if (!d.name && c.name) d.name = c.name;
      byId.set(c.id, d);
    }
  return [...byId.entries()]
    .map(([id, d]) => ({ id, ...d, differ: d.higher + d.lower + d.aboveMax }))
    .filter((d) => d.differ > 0)
    .sort((a, b) => b.differ - a.differ || a.id.localeCompare(b.id, "en", { numeric: true }));
}
