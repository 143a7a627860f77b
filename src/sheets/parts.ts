/**
 * Grading a workbook in parts, for runs that take several Apps Script executions. Each part is what one sheet
 * gives the summary (its reports, skip reason and commune), plain JSON so it can wait in the scratch sheet
 * between executions; once every sheet is done the parts make the same report and summary as grading the
 * whole workbook at once (test/sheets/parts.test.ts holds the two equal). A points-based form (shared/dti) gives
 * its checked report the same way, so the last step ranks every commune's form. Pure: no Apps Script call.
 */
import {
  BUILTIN_SETS,
  SUMMARY_SHEET,
  detectYear,
  planSummary,
  prepareWorkbook,
  summarySectionsWithRollup,
  withRollup,
  type CommuneName,
  type CriteriaSet,
  type Problem,
  type SheetPlan,
  type SheetReport,
  type SkippedSheet,
  type SummaryPlan,
  type WorkbookReport,
} from "../../shared";
import type { GradeOptions, SheetInput } from "../../shared/report/workbook";
import type { PreparedWorkbook } from "../../shared/report/prepare";
import { joinSplitAnnexes } from "../../shared/report/continuation";
import {
  formDisputes,
  formOf,
  gradeWorkbookWithForms,
  planSummaryWithForms,
  rankForms,
  type FormReport,
  type FormsResult,
  type IndexSheetProblem,
} from "../../shared/dti";

/** what one sheet gives the summary */
export interface SheetPart {
  /** the sheet's position in the workbook: the summary lists sheets in this order */
  readonly index: number;
  readonly name: string;
  /** one report, or one per commune for a sheet with a column per commune, or none */
  readonly reports: readonly SheetReport[];
  /** why the sheet (or a commune's column) was not graded */
  readonly skipped: readonly SkippedSheet[];
  /** the commune of each report, by report name */
  readonly communes: readonly (readonly [string, CommuneName])[];
  /** the year in the sheet's title rows, null when none (to join an annex split over sheets) */
  readonly titleYear?: number | null;
  /** the sheet's points-based form, checked (absent for every other sheet) */
  readonly forms?: readonly FormReport[];
}

/** a sheet to grade and its position in the workbook */
export interface IndexedSheet {
  readonly index: number;
  readonly input: SheetInput;
}

export type ChunkResult =
  | {
      readonly ok: true;
      readonly parts: readonly SheetPart[];
      /** the own-column plans of the chunk's sheets (none for a sheet with a column per commune) */
      readonly plans: readonly SheetPlan[];
      /** the "Bộ tiêu chí" sheet with its reason, when it was given */
      readonly criteriaSkipped: readonly SkippedSheet[];
    }
  | { readonly ok: false; readonly problems: readonly Problem[] }
  /** the chunk holds forms and the "Bộ chỉ số" sheet has mistakes: no form is checked */
  | { readonly ok: false; readonly indexProblems: readonly IndexSheetProblem[] };

/**
 * Grades some sheets of a workbook as gradeWorkbookWithForms grades them within the whole workbook; `criteria` is
 * the workbook's "Bộ tiêu chí" sheet, when it has one (it supplies the criteria set), `index` its "Bộ chỉ số"
 * sheet when the chunk holds forms and the sheet is not among the chunk's (it supplies the index set).
 */
export function gradeChunk(
  sheets: readonly IndexedSheet[],
  criteria: SheetInput | null,
  options: GradeOptions,
  index: SheetInput | null = null,
): ChunkResult {
  const inputs = sheets.map((s) => s.input);
  const extra = [criteria, index].filter((s): s is SheetInput => s !== null);
  // an annex split over sheets is joined when the parts are assembled: its sheets may be graded apart
  const { report, plan, forms } = gradeWorkbookWithForms([...extra, ...inputs], {
    ...options,
    joinSplitAnnexes: false,
  });
  if (report.criteriaSheetProblems) return { ok: false, problems: report.criteriaSheetProblems };
  if (forms.indexSheetProblems && inputs.some((i) => formOf(i) !== null))
    return { ok: false, indexProblems: forms.indexSheetProblems };
  const checked = new Map(forms.reports.map((f) => [f.name, f]));
  const reports = new Map(report.sheets.map((r) => [r.name, r]));
  const skipped = new Map(report.skipped.map((s) => [s.name, s]));
  const parts = sheets.map(({ index, input }): SheetPart => {
    // the names the sheet is graded under (one per commune for a column-per-commune sheet) and their communes
    const prepared = prepareWorkbook([input]);
    const own = "criteriaSheetProblems" in prepared ? null : prepared;
    const names = own ? own.sheets.map((s) => s.name) : [input.name];
    return {
      index,
      name: input.name,
      reports: names.flatMap((n) => reports.get(n) ?? []),
      skipped: names.flatMap((n) => skipped.get(n) ?? []),
      communes: names.flatMap((n): [string, CommuneName][] => {
        const commune = own?.communes.get(n);
        return reports.has(n) && commune ? [[n, commune]] : [];
      }),
      titleYear: detectYear(input.grid),
      ...(checked.has(input.name) ? { forms: [checked.get(input.name)!] } : {}),
    };
  });
  // the "Bộ chỉ số" sheet given besides the chunk is looked at (and skipped) in its own chunk
  const criteriaSkipped = criteria ? report.skipped.filter((s) => s.name === criteria.name) : [];
  return { ok: true, parts, plans: plan.sheets, criteriaSkipped };
}

/**
 * The workbook's report from its parts, ranked as gradeWorkbook ranks it. An annex split over sheets is joined
 * as gradeWorkbook joins it when both sheets were graded in the same year; a continuation graded in another
 * year (no year in its title) cannot be graded again here, so the sheets stay apart and a note says so.
 * @param sets the criteria sets grading used (setsFor), to list absent criteria over a joined annex
 */
export function assembleReport(
  parts: readonly SheetPart[],
  criteriaSkipped: readonly SkippedSheet[],
  sets: readonly CriteriaSet[] = BUILTIN_SETS,
): WorkbookReport {
  const sorted = [...parts].sort((a, b) => a.index - b.index);
  const communes = new Map(sorted.flatMap((p) => p.communes));
  const joined = joinSplitAnnexes(
    sorted.flatMap((p) =>
      p.reports.map((report) => ({
        report,
        titleYear: p.titleYear ?? null,
        commune: communes.get(report.name) ?? { commune: report.name, source: "sheet" as const },
        index: p.index,
        virtual: p.reports.length !== 1 || report.name !== p.name,
      })),
    ),
    (r) => (r.criteriaSet ? sets.find((s) => s.id === r.criteriaSet!.id) : undefined),
  );
  const report: WorkbookReport = {
    sheets: joined.reports,
    skipped: [...criteriaSkipped, ...sorted.flatMap((p) => p.skipped)],
    ...(joined.notes.length > 0 ? { notes: joined.notes } : {}),
    // the host names the summary sheet once it knows the workbook's sheets (a free name beside a user's)
    summarySheet: SUMMARY_SHEET,
  };
  const prepared: PreparedWorkbook = {
    sheets: [],
    options: {},
    skipped: [],
    communes,
    virtual: new Set(),
  };
  return withRollup(report, prepared);
}

/** the criteria sets grading used: the "Bộ tiêu chí" sheet's, else the options', else the built-in ones */
export function setsFor(criteria: SheetInput | null, options: GradeOptions): readonly CriteriaSet[] {
  if (criteria) {
    const prepared = prepareWorkbook([criteria], options);
    if (!("criteriaSheetProblems" in prepared) && prepared.options.sets) return prepared.options.sets;
  }
  return options.sets ?? BUILTIN_SETS;
}

/** the summary sheet of an assembled report, as gradeWorkbookWithForms plans it */
export function summaryOf(
  report: WorkbookReport,
  sets: readonly CriteriaSet[],
  forms?: FormsResult,
): SummaryPlan | null {
  if (forms && forms.reports.length > 0) return planSummaryWithForms(report, forms, sets);
  return planSummary(report, summarySectionsWithRollup(report, sets));
}

/** the forms of every part, in sheet order, ranked as gradeWorkbookWithForms ranks them */
export function assembleForms(parts: readonly SheetPart[]): FormsResult {
  const reports = [...parts].sort((a, b) => a.index - b.index).flatMap((p) => p.forms ?? []);
  return { reports, ranking: reports.length > 1 ? rankForms(reports) : [], disputes: formDisputes(reports) };
}
