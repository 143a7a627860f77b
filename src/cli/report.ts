/**
 * The JSON report of cds-grade (`--json`): the contract fields plus a few extras.
 */
import type { GradedRow, GroupSummary, RollupEntry, SheetReport, WorkbookReport } from "../../shared/types";
import { a1 } from "../../shared/text";
import type { FormDispute, FormRankEntry, FormReport, FormsResult, FormTotalLine } from "../../shared/dti";
import { completenessText } from "../../shared/report/summary";

/** one graded row; `row` is the 1-based sheet row */
export interface JsonRow {
  readonly row: number;
  readonly id: string;
  readonly status: string;
  readonly value: string;
  readonly target: string;
  readonly reason: string;
  readonly label: string;
  readonly name: string;
  readonly cell: string;
  readonly criterionId?: string;
  readonly warnings: readonly string[];
  /** the sheet the row is on, when the annex is split over sheets and the row is not on the first */
  readonly sheet?: string;
}

export interface JsonGroup {
  readonly id: string;
  readonly name: string;
  readonly evaluated: number;
  readonly met: number;
  readonly notMet: number;
  readonly underWay: number;
  readonly toReview: number;
  readonly notEvaluated: number;
}

export interface JsonSheet {
  readonly name: string;
  /** id of the criteria set used, or null when the rows carry their own targets */
  readonly criteriaSet: string | null;
  readonly criteriaSetTitle: string | null;
  readonly setReason: string;
  readonly year: number;
  readonly rows: readonly JsonRow[];
  readonly summary: {
    /** every evaluated row DAT and, when a criteria set was used, no evaluated criterion of it absent */
    readonly complete: boolean;
    readonly groups: readonly JsonGroup[];
    /** the rows graded; absent criteria are not among them */
    readonly total: JsonGroup;
    /** false when no criteria set was used (targets in the rows): absent criteria were not looked for */
    readonly completenessChecked: boolean;
    /** criteria of the set evaluated that year with no row */
    readonly absent: readonly { readonly id: string; readonly name: string; readonly group: string }[];
    /** the same in words: `thiếu 29 tiêu chí: 1.1, …`, or why it was not checked */
    readonly completeness: string;
  };
  /** the sheets of an annex split over sheets, the first being `name` */
  readonly parts?: readonly string[];
  readonly problems: readonly { code: string; cell?: string; value?: string; message: string }[];
  /** how the sheet was read (legacy encoding, the result column graded and why, other tables), when anything */
  readonly notes?: readonly string[];
}

export interface JsonReport {
  readonly file: string;
  readonly sheets: readonly JsonSheet[];
  readonly skipped: readonly { readonly name: string; readonly reason: string }[];
  /** the communes ranked, when two or more were graded */
  readonly rollup?: readonly RollupEntry[];
  /** what the user should know about the files (macros not carried …), when anything */
  readonly notes?: readonly string[];
  /** folder mode: every file not graded and why (path relative to the folder) */
  readonly skippedFiles?: readonly { readonly file: string; readonly reason: string }[];
  /** the commune self-assessment forms of a points-based index, checked (only when the workbook has any) */
  readonly forms?: readonly JsonForm[];
  /** those communes ranked by recomputed points, when two or more */
  readonly formRanking?: readonly FormRankEntry[];
  /** components whose self-scores differ from the rules' points, most often first */
  readonly formDisputes?: readonly FormDispute[];
}

/** one checked form; rows are 1-based like the rest of the report */
export interface JsonForm {
  readonly name: string;
  readonly commune: string;
  readonly year: number | null;
  readonly indexSet: string | null;
  readonly indexSetTitle: string | null;
  readonly setReason: string;
  readonly settings: readonly string[];
  readonly partA: FormReport["partA"];
  readonly components: readonly {
    readonly row: number;
    readonly id: string;
    readonly name: string;
    readonly code: string;
    readonly label: string;
    readonly maxPoints: number | null;
    readonly self: number | null;
    readonly points: number | null;
    readonly reason: string;
    readonly review: string | null;
    readonly cell: string;
    readonly ruleFrom: string;
  }[];
  readonly indices: readonly JsonFormTotal[];
  readonly groups: readonly JsonFormTotal[];
  readonly total: JsonFormTotal & {
    readonly band: string | null;
    readonly selfBand: string | null;
    readonly counts: FormReport["total"]["counts"];
  };
  readonly sums: readonly { readonly code: string; readonly cell?: string; readonly message: string }[];
  /** how the sheet was read (a form typed in TCVN3 or VNI), when anything */
  readonly notes?: readonly string[];
}

/** a main index, a group or the total in the JSON report: the core's line without its level */
export type JsonFormTotal = Pick<
  FormTotalLine,
  "id" | "name" | "row" | "maxPoints" | "selfStated" | "self" | "points" | "toReview" | "percent"
>;

function jsonTotal(t: FormReport["indices"][number]): JsonFormTotal {
  const { id, name, row, maxPoints, selfStated, self, points, toReview, percent } = t;
  return {
    id,
    name,
    row: row === null ? null : row + 1,
    maxPoints,
    selfStated,
    self,
    points,
    toReview,
    percent,
  };
}

/** one form as `--json` writes it */
export function jsonForm(f: FormReport): JsonForm {
  return {
    name: f.name,
    commune: f.commune.commune,
    year: f.year,
    indexSet: f.set?.id ?? null,
    indexSetTitle: f.set?.title ?? null,
    setReason: f.setReason,
    settings: f.settings,
    partA: f.partA,
    components: f.components.map((c) => ({
      row: c.row + 1,
      id: c.id,
      name: c.name,
      code: c.code,
      label: c.label,
      maxPoints: c.maxPoints,
      self: c.self,
      points: c.points,
      reason: c.reason,
      review: c.review,
      cell: c.selfCell,
      ruleFrom: c.ruleFrom,
    })),
    indices: f.indices.map(jsonTotal),
    groups: f.groups.map(jsonTotal),
    total: { ...jsonTotal(f.total), band: f.total.band, selfBand: f.total.selfBand, counts: f.total.counts },
    sums: f.sums.map((s) => ({
      code: s.code,
      ...(s.ref !== undefined ? { cell: s.ref } : {}),
      message: s.message,
    })),
    ...(f.notes.length > 0 ? { notes: f.notes } : {}),
  };
}

function jsonRow(row: GradedRow): JsonRow {
  return {
    row: row.row + 1,
    id: row.id,
    status: row.status,
    value: row.value,
    target: row.target,
    reason: row.reason,
    label: row.label,
    name: row.name,
    cell: a1(row.resultCell.row, row.resultCell.col),
    ...(row.criterionId !== undefined ? { criterionId: row.criterionId } : {}),
    warnings: row.warnings.map((w) => w.message),
    ...(row.sheet !== undefined ? { sheet: row.sheet } : {}),
  };
}

function jsonGroup(g: GroupSummary): JsonGroup {
  const { id, name, evaluated, met, notMet, underWay, toReview, notEvaluated } = g;
  return { id, name, evaluated, met, notMet, underWay, toReview, notEvaluated };
}

function jsonSheet(sheet: SheetReport): JsonSheet {
  return {
    name: sheet.name,
    criteriaSet: sheet.criteriaSet?.id ?? null,
    criteriaSetTitle: sheet.criteriaSet?.title ?? null,
    setReason: sheet.setReason,
    year: sheet.year,
    rows: sheet.rows.map(jsonRow),
    summary: {
      complete: sheet.summary.complete,
      groups: sheet.summary.groups.map(jsonGroup),
      total: jsonGroup(sheet.summary.total),
      completenessChecked: sheet.summary.completenessChecked,
      absent: sheet.summary.absent.map((c) => ({ id: c.id, name: c.name, group: c.group })),
      completeness: completenessText(sheet.summary, true),
    },
    ...(sheet.parts ? { parts: sheet.parts } : {}),
    problems: sheet.problems.map((p) => ({
      code: p.code,
      ...(p.cell !== undefined ? { cell: p.cell } : {}),
      ...(p.value !== undefined ? { value: p.value } : {}),
      message: p.message,
    })),
    ...(sheet.notes && sheet.notes.length > 0 ? { notes: sheet.notes } : {}),
  };
}

/** the report as written by `--json` */
export function jsonReport(
  report: WorkbookReport,
  file: string,
  notes: readonly string[] = [],
  skippedFiles?: readonly { readonly file: string; readonly reason: string }[],
  forms?: FormsResult,
): JsonReport {
  return {
    file,
    sheets: report.sheets.map(jsonSheet),
    skipped: report.skipped.map((s) => ({ name: s.name, reason: s.reason })),
    ...(report.rollup && report.rollup.length > 1 ? { rollup: report.rollup } : {}),
    ...(notes.length + (report.notes?.length ?? 0) > 0 ? { notes: [...(report.notes ?? []), ...notes] } : {}),
    ...(skippedFiles !== undefined ? { skippedFiles } : {}),
    ...(forms && forms.reports.length > 0
      ? {
          forms: forms.reports.map(jsonForm),
          ...(forms.ranking.length > 1 ? { formRanking: forms.ranking } : {}),
          formDisputes: forms.disputes,
        }
      : {}),
  };
}
