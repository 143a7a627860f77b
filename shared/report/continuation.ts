/**
 * An annex split over two (or more) sheets: the second sheet has no title of its own (or the same commune's)
 * and its criteria carry on where the first sheet's stop (`… 2.6` then `3.1 …`). Such sheets are one commune:
 * graded with the first sheet's year, counted, checked for absent criteria and ranked together.
 */
import { fold } from "../text";
import type { CommuneName, CriteriaSet, GradedRow, SheetReport } from "../types";
import { absentCriteria, OTHER_GROUP, summarize, type GroupRef } from "./summary";

/** the key a row stands for: its criterion, else its own ID */
function keyOf(row: Pick<GradedRow, "id" | "criterionId">): string {
  return row.criterionId ?? row.id;
}

/** `3.10` → [3, 10]; null for an ID that is not dotted numbers (`I.1`, `a`) */
function numbers(id: string): number[] | null {
  if (!/^\d+(\.\d+)*$/.test(id)) return null;
  return id.split(".").map(Number);
}

/** true when `b` comes after `a`: by the set's order when both are in it, else as dotted numbers */
function comesAfter(a: string, b: string, set: CriteriaSet | undefined): boolean {
  const ia = set ? set.criteria.findIndex((c) => c.id === a) : -1;
  const ib = set ? set.criteria.findIndex((c) => c.id === b) : -1;
  if (ia >= 0 && ib >= 0) return ib > ia;
  const na = numbers(a);
  const nb = numbers(b);
  if (!na || !nb) return false;
  for (let i = 0; i < Math.max(na.length, nb.length); i++) {
    const x = na[i] ?? -1;
    const y = nb[i] ?? -1;
    if (x !== y) return y > x;
  }
  return false;
}

/** a sheet as the join looks at it */
export interface JoinCandidate {
  readonly report: SheetReport;
  /** the year written in the sheet's title rows (`detectYear`), null when none */
  readonly titleYear: number | null;
  readonly commune: CommuneName;
  /** the sheet's position among the workbook's sheets: only the sheet right after another continues it */
  readonly index: number;
  /** a commune's column of a shared sheet, never joined */
  readonly virtual: boolean;
}

/**
 * Why `next` continues `first` (for the note), or null when it does not. `next` continues `first` when both
 * use the same criteria set (or none), `next` has no title of its own (its commune is not named in title rows
 * and no year is written above its table) or names the same commune, and its criteria follow the first's with
 * none repeated. `first` may already hold several sheets.
 */
export function continues(
  first: JoinCandidate,
  next: JoinCandidate,
  set: CriteriaSet | undefined,
): string | null {
  const a = first.report;
  const b = next.report;
  if ((a.criteriaSet?.id ?? null) !== (b.criteriaSet?.id ?? null)) return null;
  if (a.rows.length === 0 || b.rows.length === 0) return null;
  const year = next.titleYear;
  const ownTitle = next.commune.source === "title" || year !== null;
  const sameCommune =
    next.commune.source === "title" && fold(next.commune.commune) === fold(first.commune.commune);
  if (ownTitle && !sameCommune) return null;
  if (year !== null && year !== a.year) return null;
  const keys = new Set(a.rows.map(keyOf));
  if (b.rows.some((r) => keys.has(keyOf(r)))) return null;
  const last = keyOf(a.rows[a.rows.length - 1]!);
  const firstNext = keyOf(b.rows[0]!);
  if (!comesAfter(last, firstNext, set)) return null;
  const why = sameCommune ? `cùng tên xã "${next.commune.commune}"` : "không có tiêu đề riêng";
  return `${why}, mã tiêu chí nối tiếp (${last} → ${firstNext})`;
}

/** the note the report carries for a joined sheet */
export function joinedNote(first: string, next: string, why: string, year: number): string {
  return `Trang "${next}" được coi là phần tiếp của bảng phụ lục ở trang "${first}" (${why}): chấm theo năm ${year} của trang "${first}", tính đủ tiêu chí và xếp hạng chung là một xã.`;
}

/**
 * One report for an annex split over sheets: the first sheet's name, year and set; the rows of each further
 * sheet tagged with their sheet; counts, unmet rows and absent criteria over all of them.
 */
export function joinReports(
  first: SheetReport,
  next: SheetReport,
  set: CriteriaSet | undefined,
): SheetReport {
  const nextName = next.name;
  const rows: GradedRow[] = [
    ...first.rows,
    ...next.rows.map((r): GradedRow => ({ ...r, sheet: r.sheet ?? nextName })),
  ];
  const groups: GroupRef[] = [];
  const seen = new Set<string>();
  for (const g of [...first.summary.groups, ...next.summary.groups])
    if (g.id !== OTHER_GROUP.id && !seen.has(g.id)) {
      seen.add(g.id);
      groups.push({ id: g.id, name: g.name });
    }
  return {
    ...first,
    parts: [...(first.parts ?? [first.name]), ...(next.parts ?? [nextName])],
    rows,
    summary: summarize(rows, groups, set ? absentCriteria(set, first.year, rows) : null),
    problems: [...first.problems, ...next.problems],
  };
}

/**
 * Joins each annex sheet that continues the sheet right before it into that sheet's report. A continuation
 * graded under another year than the first sheet's (no year in its title) is graded again with `regrade` when
 * the caller can; when it cannot, the sheets stay apart and a note says why.
 * @param setOf the criteria set of a report, to list absent criteria over the joined rows
 */
export function joinSplitAnnexes(
  candidates: readonly JoinCandidate[],
  setOf: (report: SheetReport) => CriteriaSet | undefined,
  regrade?: (report: SheetReport, year: number) => SheetReport | null,
): { reports: SheetReport[]; notes: string[] } {
  const out: SheetReport[] = [];
  const notes: string[] = [];
  let first: (JoinCandidate & { lastIndex: number }) | null = null;
  for (const candidate of candidates) {
    const { report, index } = candidate;
    const set = setOf(report);
    const why =
      first && !candidate.virtual && index === first.lastIndex + 1 ? continues(first, candidate, set) : null;
    if (first && why) {
      const before: JoinCandidate & { lastIndex: number } = first;
      const year = before.report.year;
      const next = report.year === year ? report : (regrade?.(report, year) ?? null);
      if (next) {
        const joined = joinReports(before.report, next, set);
        out[out.length - 1] = joined;
        notes.push(joinedNote(before.report.name, report.name, why, year));
        first = { ...before, report: joined, lastIndex: index };
        continue;
      }
      notes.push(
        `Trang "${report.name}" có thể là phần tiếp của bảng phụ lục ở trang "${before.report.name}" (${why}) nhưng đã chấm riêng theo năm ${report.year}, khác năm ${year}: hãy chọn năm đánh giá rồi chấm lại để chấm và xếp hạng chung là một xã.`,
      );
    }
    out.push(report);
    first = candidate.virtual ? null : { ...candidate, lastIndex: index };
  }
  return { reports: out, notes };
}
