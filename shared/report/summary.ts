/**
 * Counting graded rows per group and overall (DOMAIN.md rule 6).
 */
import type { AbsentCriterion, CriteriaSet, GradedRow, GroupSummary, StatusCode, Summary } from "../types";

/** a group as summaries name it: an annex group row or a criteria-set group */
export interface GroupRef {
  readonly id: string;
  readonly name: string;
}

/** where rows without a known group are counted */
export const OTHER_GROUP: GroupRef = { id: "khac", name: "Khác" };

/** the overall line of a summary */
export const TOTAL_GROUP: GroupRef = { id: "tong", name: "Tổng cộng" };

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
 * The criteria of `set` evaluated in `year` that no row stands for, in the set's order. A row stands for the
 * criterion it was matched to, or (not matched to any) for the criterion whose ID it bears.
 * @example absentCriteria(TT_XA_2023, 2023, rows).map((c) => c.id) // ["1.6", "1.7", …]
 */
export function absentCriteria(
  set: CriteriaSet,
  year: number,
  rows: readonly Pick<GradedRow, "id" | "criterionId">[],
): AbsentCriterion[] {
  const present = new Set<string>();
  for (const r of rows) present.add(r.criterionId ?? r.id);
  return set.criteria
    .filter((c) => !c.notEvaluatedIn.includes(year) && !present.has(c.id))
    .map((c) => ({ id: c.id, name: c.name, group: c.group }));
}

/** rows in sheet order: by row, the rows of a continuation sheet (`row.sheet`) after those before them */
function inSheetOrder(rows: readonly GradedRow[]): GradedRow[] {
  const parts = new Map<string | undefined, number>([[undefined, 0]]);
  for (const r of rows) if (!parts.has(r.sheet)) parts.set(r.sheet, parts.size);
  return [...rows].sort((a, b) => parts.get(a.sheet)! - parts.get(b.sheet)! || a.row - b.row);
}

/**
 * Counts rows per group (in the order of `groups`, each listed even when it has no row) and overall.
 * Rows whose group is null or not among `groups` are counted in a last group "Khác", present only when
 * such rows exist. `unmet` lists every row that is neither DAT nor KHONG_DANH_GIA, in sheet order.
 * @param absent the set's criteria with no row (`absentCriteria`), or null when no set was used: then
 *   completeness is not checked. Absent criteria are not counted among the rows; any makes `complete` false.
 * @example summarize(rows, [{ id: "1", name: "Chính quyền số" }]).total.met
 */
export function summarize(
  rows: readonly GradedRow[],
  groups: readonly GroupRef[],
  absent: readonly AbsentCriterion[] | null = null,
): Summary {
  const byId = new Map<string, Counts>();
  for (const g of groups) byId.set(g.id, emptyCounts());
  const total = emptyCounts();
  let other: Counts | null = null;
  const unmet: GradedRow[] = [];
  for (const row of inSheetOrder(rows)) {
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
    complete:
      totalSummary.evaluated > 0 &&
      totalSummary.met === totalSummary.evaluated &&
      (absent ?? []).length === 0,
    completenessChecked: absent !== null,
    absent: absent ?? [],
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

/** how many IDs of absent criteria a one-line text names before "…" */
const ABSENT_SHOWN = 12;

/**
 * One line on completeness, as every host shows it: `thiếu 31 tiêu chí: 1.6, 1.7, …`, `đủ 35 tiêu chí phải
 * đánh giá`, or, with no criteria set, that completeness was not checked.
 * @param all name every absent ID (the summary sheet), not the first ABSENT_SHOWN
 */
export function completenessText(summary: Summary, all = false): string {
  if (!summary.completenessChecked)
    return "không kiểm tra đủ tiêu chí: không dùng bộ tiêu chí (chỉ tiêu ghi trong bảng)";
  const n = summary.absent.length;
  if (n === 0) return "đủ các tiêu chí phải đánh giá";
  const ids = summary.absent.map((c) => c.id);
  const shown = all || ids.length <= ABSENT_SHOWN ? ids : [...ids.slice(0, ABSENT_SHOWN), "…"];
  return `thiếu ${n} tiêu chí: ${shown.join(", ")}`;
}
