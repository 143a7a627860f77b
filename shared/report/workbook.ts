/**
 * Grading a whole workbook: read each sheet's annex, grade its rows, count them, and plan the edits.
 * Hosts call `gradeWorkbook` with the grids they read and apply the returned plan.
 */
import { BUILTIN_SETS } from "../criteria";
import { gradeRow } from "../grade/rules";
import { OWN_HEADER_PREFIX, STATUS_LABELS, SUMMARY_SHEET } from "../labels";
import { lastLabelRow, planSheet, planSummary } from "./plan";
import {
  planCriteriaSheetProblems,
  prepareWorkbook,
  rollupSheetInfo,
  summarySectionsWithRollup,
  withRollup,
} from "./prepare";
import { absentCriteria, summarize, type GroupRef } from "./summary";
import { joinSplitAnnexes } from "./continuation";
import { resolveOwnSheets } from "./own-sheets";
import { detectYear, readAnnex } from "../table/read";
import { readTarget } from "../values/targets";
import { a1, clip, fold } from "../text";
import type {
  Annex,
  AnnexInfo,
  AnnexRow,
  Area,
  CriteriaSet,
  EditPlan,
  Grade,
  GradedRow,
  GradeOptions,
  Grid,
  OwnSheetMarks,
  Problem,
  RawCell,
  SheetInput,
  SheetPlan,
  SheetReport,
  SkippedSheet,
  WorkbookReport,
} from "../types";
import { cellText, readValue, valueProblem } from "../values/read";

// the hosts' input types, defined with the rest of the vocabulary and named here too
export type { AnnexInfo, GradeOptions, SheetInput } from "../types";

/** why the summary sheet is never graded */
export const SUMMARY_SHEET_REASON = "trang tổng hợp do add-in tạo";

/**
 * true for a sheet bearing the summary sheet's name (compared without case and diacritics); the add-in's own
 * summary sheet is known by its mark (report/own-sheets.ts), a user's sheet may bear the name too
 */
export function isSummarySheet(name: string): boolean {
  return fold(name) === fold(SUMMARY_SHEET);
}

function setsOf(options: GradeOptions): readonly CriteriaSet[] {
  return options.sets ?? BUILTIN_SETS;
}

function readOptions(options: GradeOptions): { sets: readonly CriteriaSet[]; setId?: string; year?: number } {
  return {
    sets: setsOf(options),
    ...(options.setId !== undefined ? { setId: options.setId } : {}),
    ...(options.year !== undefined ? { year: options.year } : {}),
  };
}

function isBlank(raw: RawCell): boolean {
  return raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "");
}

/** `Trang "Xã A", ô E14 (3.2): "79,%" không đọc được thành tỷ lệ` */
export function cellMessage(sheet: string, cell: string, id: string, value: string, detail: string): string {
  return `Trang "${sheet}", ô ${cell}${id ? ` (${id})` : ""}: "${clip(value)}" ${detail}`;
}

/**
 * Adds the problems of a row's result and target cells to `out`. Only a row not graded cleanly (CAN_XEM_XET or
 * a warning) can hold one, so the cells are read again only then.
 */
function cellProblems(sheet: string, annex: Annex, row: AnnexRow, graded: Grade, out: Problem[]): void {
  if (graded.status !== "CAN_XEM_XET" && graded.warnings.length === 0) return;
  const problem = (raw: RawCell, format: string | undefined, col: number, suffix: string): void => {
    const found = valueProblem(readValue(raw, format));
    if (!found) return;
    const cell = a1(row.row, col);
    const value = cellText(raw, format);
    const message = cellMessage(sheet, cell, row.id, value, `${found.detail}${suffix}`);
    out.push({ code: found.code, sheet, cell, value, message });
  };
  const resultCol = annex.columns.result;
  if (resultCol !== undefined && !isBlank(row.result)) problem(row.result, row.resultFormat, resultCol, "");
  const targetCol = annex.columns.target;
  if (targetCol !== undefined && !isBlank(row.target) && readTarget(row.target, row.targetFormat) === null)
    problem(row.target, row.targetFormat, targetCol, " (chỉ tiêu)");
}

/** one annex row graded, with its place, text and the target used */
export function gradeAnnexRow(annex: Annex, row: AnnexRow, year: number): GradedRow {
  const grade = gradeRow({
    result: row.result,
    resultFormat: row.resultFormat,
    rowTarget: annex.columns.target !== undefined ? row.target : undefined,
    rowTargetFormat: row.targetFormat,
    unit: row.unit,
    name: row.name,
    criterion: row.criterion,
    setYear: annex.criteriaSet?.year,
    year,
    self: row.self,
    resultHedge: annex.resultHedge,
  });
  const criterion = row.criterion;
  const graded: GradedRow = {
    row: row.row,
    id: row.id,
    name: row.name,
    group: row.group ?? criterion?.group ?? null,
    criterionId: criterion?.id,
    status: grade.status,
    label: STATUS_LABELS[grade.status],
    reason: grade.reason,
    warnings: [...(row.warnings ?? []), ...grade.warnings],
    value: cellText(row.result, row.resultFormat),
    target: grade.targetText,
    resultCell: { row: row.row, col: annex.columns.result ?? annex.ownColumn },
  };
  return graded;
}

/** the annex's groups, then the set's groups that rows point at and the annex does not name */
function groupsOf(annex: Annex, rows: readonly GradedRow[]): GroupRef[] {
  const out: GroupRef[] = [];
  const ids = new Set<string>();
  for (const g of annex.groups)
    if (!ids.has(g.id)) {
      ids.add(g.id);
      out.push({ id: g.id, name: g.name });
    }
  const setGroups = annex.criteriaSet?.groups ?? [];
  for (const r of rows) {
    if (r.group === null || ids.has(r.group)) continue;
    const g = setGroups.find((x) => x.id === r.group);
    if (g) {
      ids.add(g.id);
      out.push({ id: g.id, name: g.name });
    }
  }
  return out;
}

/**
 * Grades one annex already read from a sheet.
 * @param year the grading year (criteria not evaluated that year give KHONG_DANH_GIA)
 */
export function gradeAnnex(sheet: string, annex: Annex, year: number): SheetReport {
  const rows: GradedRow[] = [];
  const problems: Problem[] = [...annex.problems];
  for (const row of annex.rows) {
    const graded = gradeAnnexRow(annex, row, year);
    rows.push(graded);
    cellProblems(sheet, annex, row, graded, problems);
  }
  return {
    name: sheet,
    criteriaSet: annex.criteriaSet ? { id: annex.criteriaSet.id, title: annex.criteriaSet.title } : null,
    setReason: annex.setReason,
    year,
    rows,
    summary: summarize(
      rows,
      groupsOf(annex, rows),
      annex.criteriaSet ? absentCriteria(annex.criteriaSet, year, rows) : null,
    ),
    problems,
    ...(annex.notes && annex.notes.length > 0 ? { notes: annex.notes } : {}),
  };
}

/** the grading year of a sheet: the option, else the title rows' year, else the current year */
export function yearOf(grid: Grid, options: GradeOptions): number {
  return options.year ?? detectYear(grid) ?? new Date().getFullYear();
}

/**
 * Grades one sheet and plans its own columns; a sheet with no annex (or the summary sheet) comes back
 * as skipped with a Vietnamese reason.
 */
export function gradeSheet(
  sheet: SheetInput,
  options: GradeOptions = {},
): { report: SheetReport; plan: SheetPlan } | { skipped: SkippedSheet } {
  if (sheet.name === options.marks?.summary)
    return { skipped: { name: sheet.name, reason: SUMMARY_SHEET_REASON } };
  const annex = readAnnex(sheet.name, sheet.grid, readOptions(options));
  if ("skipped" in annex) return { skipped: { name: sheet.name, reason: annex.skipped } };
  const report = gradeAnnex(sheet.name, annex, yearOf(sheet.grid, options));
  return { report, plan: planSheet(sheet.name, annex, report.rows, sheet.grid) };
}

/**
 * Grades every sheet that holds an annex and plans the edits: own columns on each graded sheet and the
 * summary sheet "Tổng hợp CĐS". The summary sheet itself is listed in `report.skipped` with the reason
 * "trang tổng hợp do add-in tạo", like every sheet that holds no annex. A "Bộ tiêu chí" sheet supplies the
 * criteria set (with mistakes: nothing graded, `report.criteriaSheetProblems`); a sheet with a column per
 * commune is graded commune by commune into the summary only; with two or more graded sheets the report gains
 * `rollup` and the summary the ranking, chart, matrix and disputes (docs/rollup.md).
 * @example const { report, plan } = gradeWorkbook([{ name: "Xã A", grid }], { year: 2023 });
 */
export function gradeWorkbook(
  sheets: readonly SheetInput[],
  options: GradeOptions = {},
): { report: WorkbookReport; plan: EditPlan } {
  // a "Bộ tiêu chí" sheet and column-per-commune sheets (prepare.ts)
  const prepared = prepareWorkbook(sheets, options);
  if ("criteriaSheetProblems" in prepared) {
    const { criteriaSheetProblems, skipped, own } = prepared;
    const notes = own.notes.length > 0 ? { notes: own.notes } : {};
    return {
      report: { sheets: [], skipped, criteriaSheetProblems, summarySheet: own.summaryName, ...notes },
      plan: {
        sheets: [],
        summary: { ...planCriteriaSheetProblems(criteriaSheetProblems), sheet: own.summaryName },
      },
    };
  }
  const reports: SheetReport[] = [];
  const plans: SheetPlan[] = [];
  const skipped: SkippedSheet[] = [...prepared.skipped];
  const graded: { index: number; input: SheetInput }[] = [];
  prepared.sheets.forEach((sheet, index) => {
    const result = gradeSheet(sheet, prepared.options);
    if ("skipped" in result) skipped.push(result.skipped);
    else {
      reports.push(result.report);
      graded.push({ index, input: sheet });
      // a commune's column of a shared sheet is graded into the summary only; so is a table with another
      // table right beside it (no column of its own)
      if (!prepared.virtual.has(sheet.name) && result.plan.own.col >= 0) plans.push(result.plan);
    }
  });
  const setOf = (r: SheetReport): CriteriaSet | undefined =>
    r.criteriaSet ? setsOf(prepared.options).find((s) => s.id === r.criteriaSet!.id) : undefined;
  const joined =
    prepared.options.joinSplitAnnexes === false
      ? { reports, notes: [] }
      : joinSplitAnnexes(
          reports.map((report, i) => ({
            report,
            titleYear: detectYear(graded[i]!.input.grid),
            commune: prepared.communes.get(report.name) ?? { commune: report.name, source: "sheet" as const },
            index: graded[i]!.index,
            virtual: prepared.virtual.has(report.name),
          })),
          setOf,
          (report, year) => {
            const input = graded[reports.indexOf(report)]!.input;
            const again = gradeSheet(input, { ...prepared.options, year });
            if ("skipped" in again) return null;
            const at = plans.findIndex((p) => p.sheet === report.name);
            if (at >= 0) plans[at] = again.plan;
            return again.report;
          },
        );
  const notes = [...(prepared.notes ?? []), ...joined.notes];
  const summarySheet = prepared.own?.summaryName ?? SUMMARY_SHEET;
  const report = withRollup(
    { sheets: joined.reports, skipped, ...(notes.length > 0 ? { notes } : {}), summarySheet },
    prepared,
  );
  const sections = summarySectionsWithRollup(report, setsOf(prepared.options));
  const summary = planSummary(report, sections);
  return { report, plan: { sheets: plans, summary: summary && { ...summary, sheet: summarySheet } } };
}

/** which sheets hold an annex, with the set and year that grading would use */
export function detectAnnexes(sheets: readonly SheetInput[], given: GradeOptions = {}): AnnexInfo[] {
  // the "Bộ tiêu chí" sheet and column-per-commune sheets (prepare.ts)
  const { options, about } = rollupSheetInfo(sheets, given);
  return sheets.map((sheet): AnnexInfo => {
    const known = about(sheet);
    if (known) return known;
    if (sheet.name === options.marks?.summary)
      return {
        name: sheet.name,
        annex: false,
        criteriaSet: null,
        setReason: "",
        year: null,
        reason: SUMMARY_SHEET_REASON,
      };
    const annex = readAnnex(sheet.name, sheet.grid, readOptions(options));
    if ("skipped" in annex)
      return {
        name: sheet.name,
        annex: false,
        criteriaSet: null,
        setReason: "",
        year: null,
        reason: annex.skipped,
      };
    return {
      name: sheet.name,
      annex: true,
      criteriaSet: annex.criteriaSet ? { id: annex.criteriaSet.id, title: annex.criteriaSet.title } : null,
      setReason: annex.setReason,
      year: options.year ?? detectYear(sheet.grid),
    };
  });
}

function isOwnHeader(raw: RawCell): boolean {
  return typeof raw === "string" && raw.trimStart().startsWith(OWN_HEADER_PREFIX);
}

/**
 * The add-in's own columns on one sheet, found by their header marker: from the first own header cell, the
 * run of own headers to its right, down to the last row whose status cell holds a status label; null when none.
 */
export function findOwnArea(grid: Grid): Area | null {
  const values = grid.values;
  for (let r = 0; r < values.length; r++) {
    const line = values[r] ?? [];
    for (let c = 0; c < line.length; c++) {
      if (!isOwnHeader(line[c])) continue;
      let cols = 1;
      while (isOwnHeader(line[c + cols])) cols++;
      const bottom = Math.max(r, lastLabelRow(grid, c, r + 1));
      return { row: r, col: c, rows: bottom - r + 1, cols };
    }
  }
  return null;
}

/**
 * What clearing removes: the own columns of every sheet that has them, and the add-in's summary sheet if
 * present (marked, or an earlier version's: report/own-sheets.ts; never a user's sheet bearing its name).
 * Clearing empties exactly these areas (and their conditional formats) and deletes the summary sheet.
 */
export function planClear(
  sheets: readonly SheetInput[],
  marks: OwnSheetMarks = {},
): {
  sheets: { sheet: string; own: Area }[];
  summarySheet: string | null;
} {
  const out: { sheet: string; own: Area }[] = [];
  const summarySheet = resolveOwnSheets(sheets, marks).summary;
  for (const sheet of sheets) {
    if (sheet.name === summarySheet) continue;
    const own = findOwnArea(sheet.grid);
    if (own) out.push({ sheet: sheet.name, own });
  }
  return { sheets: out, summarySheet };
}
