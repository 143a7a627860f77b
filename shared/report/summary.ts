/**
 * Counting graded rows per group and overall (DOMAIN.md rule 6).
 */
import type { GradedRow, GroupSummary, StatusCode, Summary } from "../types";

/** a group as summaries name it: an annex group row or a criteria-set group */
export interface GroupRef {
  readonly id: string;
  readonly name: string;
}

/** where rows without a known group are counted */
export const OTHER_GROUP: GroupRef = { id: "khac", name: "Khác" };

/** the overall line of a summary */
export const TOTAL_GROUP: GroupRef = { id: "tong", name: "Tổng cộng" };

/** the statuses that count as evaluated: everything but KHONG_DANH_GIA */
export const EVALUATED_STATUSES: readonly StatusCode[] = [
  "DAT",
  "KHONG_DAT",
  "DANG_THUC_HIEN",
  "CAN_XEM_XET",
];

interface Counts {
  met: number;
  notMet: number;
  underWay: number;
  toReview: number;
  notEvaluated: number;
}

function emptyCounts(): Counts {
  return { met: 0, notMet: 0, underWay: 0, toReview: 0, notEvaluated: 0 };
}

function count(counts: Counts, status: StatusCode): void {
  switch (status) {
    case "DAT":
      counts.met++;
      break;
    case "KHONG_DAT":
      counts.notMet++;
      break;
    case "DANG_THUC_HIEN":
      counts.underWay++;
      break;
    case "CAN_XEM_XET":
      counts.toReview++;
      break;
    case "KHONG_DANH_GIA":
      counts.notEvaluated++;
      break;
  }
}

function toGroupSummary(group: GroupRef, c: Counts): GroupSummary {
  return {
    id: group.id,
    name: group.name,
    evaluated: c.met + c.notMet + c.underWay + c.toReview,
    met: c.met,
    notMet: c.notMet,
    underWay: c.underWay,
    toReview: c.toReview,
    notEvaluated: c.notEvaluated,
  };
}

/**
 * Counts rows per group (in the order of `groups`, each listed even when it has no row) and overall.
 * Rows whose group is null or not among `groups` are counted in a last group "Khác", present only when
 * such rows exist. `unmet` lists every row that is neither DAT nor KHONG_DANH_GIA, in sheet order.
 * @example summarize(rows, [{ id: "1", name: "Chính quyền số" }]).total.met
 */
export function summarize(rows: readonly GradedRow[], groups: readonly GroupRef[]): Summary {
  const byId = new Map<string, Counts>();
  for (const g of groups) if (!byId.has(g.id)) byId.set(g.id, emptyCounts());
  const total = emptyCounts();
  let other: Counts | null = null;
  const unmet: GradedRow[] = [];
  const inSheetOrder = [...rows].sort((a, b) => a.row - b.row);
  for (const row of inSheetOrder) {
    let counts = row.group === null ? undefined : byId.get(row.group);
    if (!counts) counts = other ??= emptyCounts();
    count(counts, row.status);
    count(total, row.status);
    if (row.status !== "DAT" && row.status !== "KHONG_DANH_GIA") unmet.push(row);
  }
  const seen = new Set<string>();
  const groupSummaries: GroupSummary[] = [];
  for (const g of groups) {
    if (seen.has(g.id)) continue;
    seen.add(g.id);
    groupSummaries.push(toGroupSummary(g, byId.get(g.id)!));
  }
  if (other) groupSummaries.push(toGroupSummary(OTHER_GROUP, other));
  const totalSummary = toGroupSummary(TOTAL_GROUP, total);
  return {
    complete: totalSummary.evaluated > 0 && totalSummary.met === totalSummary.evaluated,
    groups: groupSummaries,
    total: totalSummary,
    unmet,
  };
}

/**
 * Adds group summaries that share an id and name (e.g. the same group on many communes' sheets).
 * Keeps first-seen order; `total` lines are summed by the caller as a group of its own.
 */
export function addGroupSummaries(lists: readonly (readonly GroupSummary[])[]): GroupSummary[] {
  const byKey = new Map<string, GroupSummary>();
  for (const list of lists) {
    for (const g of list) {
      const key = `${g.id}\u0000${g.name}`;
      const prev = byKey.get(key);
      byKey.set(
        key,
        prev
          ? {
              id: g.id,
              name: g.name,
              evaluated: prev.evaluated + g.evaluated,
              met: prev.met + g.met,
              notMet: prev.notMet + g.notMet,
              underWay: prev.underWay + g.underWay,
              toReview: prev.toReview + g.toReview,
              notEvaluated: prev.notEvaluated + g.notEvaluated,
            }
          : g,
      );
    }
  }
  return [...byKey.values()];
}
