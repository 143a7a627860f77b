/**
 * A workbook that may hold both annexes (completion criteria) and points-based forms: forms are found first by
 * their header, checked, ranked and planned here; every other sheet goes to the annex grading as before. A
 * workbook without forms gets exactly what `gradeWorkbook` gives.
 */
import { BUILTIN_SETS } from "../criteria";
import { SUMMARY_TITLE, SummaryBuilder, planSummary, skippedSection } from "../report/plan";
import { summarySectionsWithRollup } from "../report/prepare";
import { gradeWorkbook, isSummarySheet } from "../report/workbook";
import type {
  CriteriaSet,
  EditPlan,
  GradeOptions,
  SheetInput,
  SheetPlan,
  SkippedSheet,
  SummaryPlan,
  WorkbookReport,
} from "../types";
import { checkForm, type FormReport, type RuleCache } from "./form-check";
import { planForm, formsSection } from "./form-plan";
import { formDisputes, rankForms, type FormDispute, type FormRankEntry } from "./form-rank";
import { readForm } from "./form-read";
import { PART_A_FIGURES, builtinIndexSets } from "./sets";
import { indexSetFromGrid } from "./sheet-read";
import { isIndexSheet, type IndexSheetProblem } from "./sheet-cells";
import type { IndexSet } from "./types";

/** the forms of a workbook, checked */
export interface FormsResult {
  readonly reports: readonly FormReport[];
  /** by recomputed points; empty with fewer than two forms */
  readonly ranking: readonly FormRankEntry[];
  readonly disputes: readonly FormDispute[];
  /** mistakes of the workbook's "Bộ chỉ số" sheet; when present no form was checked */
  readonly indexSheetProblems?: readonly IndexSheetProblem[];
}

/** options for annexes and forms */
export interface WorkbookOptions extends GradeOptions {
  /** index sets to choose from (default: the built-in ones) */
  readonly indexSets?: readonly IndexSet[];
  /** use this index set's rules and maxima for every form */
  readonly indexSetId?: string;
}

/**
 * The points-based form a sheet holds (a header and at least one component), or null: what grading checks, and
 * what a host's first look at the workbook names as a form. Pure: a host may ask before it fetches the "Bộ chỉ
 * số" sheet.
 */
export function formOf(
  sheet: SheetInput,
  figures: IndexSet["figures"] = PART_A_FIGURES,
): Exclude<ReturnType<typeof readForm>, { skipped: string }> | null {
  if (isIndexSheet(sheet.name) || isSummarySheet(sheet.name)) return null;
  const form = readForm(sheet.name, sheet.grid, figures);
  return "skipped" in form ? null : form;
}

/** why the "Bộ chỉ số" sheet is not graded */
export const INDEX_SHEET_REASON = "bộ chỉ số dùng để chấm các biểu mẫu (không phải phụ lục)";

/**
 * Grades a workbook's annexes and checks its forms: the annexes as `gradeWorkbook` does, each form's components,
 * sums and points (its own columns in the plan), the ranking by points and a section of the summary sheet. A
 * "Bộ chỉ số" sheet supplies the index set (with mistakes: no form checked, `forms.indexSheetProblems`).
 * @example const { report, forms, plan } = gradeWorkbookWithForms([{ name: "Xã A", grid }]);
 */
export function gradeWorkbookWithForms(
  sheets: readonly SheetInput[],
  options: WorkbookOptions = {},
): { report: WorkbookReport; forms: FormsResult; plan: EditPlan } {
  const others: SheetInput[] = [];
  const found: { sheet: SheetInput; form: NonNullable<ReturnType<typeof formOf>> }[] = [];
  const skipped: SkippedSheet[] = [];
  // sheets with a form's header but no component row read: their reason replaces the annex reader's
  const unread = new Map<string, string>();
  let sets = options.indexSets;
  let setId = options.indexSetId;
  let indexSheetProblems: IndexSheetProblem[] | undefined;
  for (const sheet of sheets) {
    if (!isIndexSheet(sheet.name)) continue;
    skipped.push({ name: sheet.name, reason: INDEX_SHEET_REASON });
    const read = indexSetFromGrid(sheet.name, sheet.grid);
    if (read.ok) {
      sets = [read.set];
      setId = read.set.id;
    } else indexSheetProblems = read.problems;
  }
  // the built-in sets use PART_A_FIGURES; they are loaded (and checked) only when a form is found
  const figures = sets?.[0]?.figures ?? PART_A_FIGURES;
  for (const sheet of sheets) {
    if (isIndexSheet(sheet.name)) continue;
    const form = isSummarySheet(sheet.name) ? null : readForm(sheet.name, sheet.grid, figures);
    if (form && !("skipped" in form)) found.push({ sheet, form });
    else {
      if (form?.header) unread.set(sheet.name, form.skipped);
      others.push(sheet);
    }
  }
  const graded = gradeWorkbook(others, options);
  const annexes =
    unread.size === 0
      ? graded
      : {
          ...graded,
          report: {
            ...graded.report,
            skipped: graded.report.skipped.map((s) => {
              const why = unread.get(s.name);
              return why === undefined ? s : { ...s, reason: why };
            }),
          },
        };
  if (found.length === 0 && skipped.length === 0)
    return { ...annexes, forms: { reports: [], ranking: [], disputes: [] } };

  const chosenSets = sets ?? builtinIndexSets();
  const cache: RuleCache = new Map();
  const reports: FormReport[] = [];
  const plans: SheetPlan[] = [];
  if (!indexSheetProblems)
    for (const { sheet, form } of found) {
      const opts = setId !== undefined ? { setId } : {};
      const report = checkForm(
        sheet.name,
        // the form's "Tên đơn vị báo cáo" wins over a name guessed from the sheet or the file
        sheet.commune && form.commune.source !== "title" ? { ...form, commune: sheet.commune } : form,
        opts,
        chosenSets,
        cache,
      );
      reports.push(report);
      plans.push(planForm(sheet.name, form, report, sheet.grid));
    }
  const report: WorkbookReport = { ...annexes.report, skipped: [...skipped, ...annexes.report.skipped] };
  const forms: FormsResult = {
    reports,
    ranking: reports.length > 1 ? rankForms(reports) : [],
    disputes: formDisputes(reports),
    ...(indexSheetProblems ? { indexSheetProblems } : {}),
  };
  let summary = annexes.plan.summary;
  if (report.criteriaSheetProblems === undefined && (reports.length > 0 || indexSheetProblems))
    summary = planSummaryWithForms(report, forms, options.sets ?? BUILTIN_SETS);
  else if (summary === null && report.sheets.length > 0) summary = planSummary(report);
  return { report, forms, plan: { sheets: [...annexes.plan.sheets, ...plans], summary } };
}

/**
 * The summary sheet of a workbook with forms: the annexes' sections (or the title and the sheets not graded), the
 * mistakes of the "Bộ chỉ số" sheet, the section on points. For a host that assembles the report from parts
 * graded apart (the Sheets add-on's steps) as for {@link gradeWorkbookWithForms}.
 * @param sets the criteria sets the annexes were graded with
 */
export function planSummaryWithForms(
  report: WorkbookReport,
  forms: Pick<FormsResult, "reports" | "indexSheetProblems">,
  sets: readonly CriteriaSet[] = BUILTIN_SETS,
): SummaryPlan {
  const b = new SummaryBuilder();
  if (report.sheets.length > 0) {
    for (const section of summarySectionsWithRollup(report, sets)) section(b, report);
  } else {
    b.header([SUMMARY_TITLE]);
    skippedSection(b, report);
  }
  const problems = forms.indexSheetProblems;
  if (problems) {
    b.blank();
    b.header([`Chưa chấm biểu mẫu: trang "Bộ chỉ số" có ${problems.length} lỗi. Sửa rồi chấm lại.`]);
    b.table(
      [["Ô", "Nội dung", "Trang", "Giá trị"]],
      problems.map((p) => [p.cell ?? null, p.message, p.sheet, p.value ?? null]),
    );
  }
  formsSection(forms.reports)(b, report);
  return b.build();
}
