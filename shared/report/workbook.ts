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
import { summarize, type GroupRef } from "./summary";
import { detectYear } from "../table/header";
import { readAnnex } from "../table/read";
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

/** true for the add-in's own summary sheet (name compared without case and diacritics) */
export function isSummarySheet(name: string): boolean {
  return fold(name) === fold(SUMMARY_SHEET);
}

function setsOf(options: GradeOptions): readonly CriteriaSet[] {
  return options.sets ?? BUILTIN_SETS;
}

function readOptions(options: GradeOptions): { sets: readonly CriteriaSet[]; setId?: string } {
  return { sets: setsOf(options), ...(options.setId !== undefined ? { setId: options.setId } : {}) };
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
    summary: summarize(rows, groupsOf(annex, rows)),
    problems,
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
  if (isSummarySheet(sheet.name)) return { skipped: { name: sheet.name, reason: SUMMARY_SHEET_REASON } };
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
    const { criteriaSheetProblems, skipped } = prepared;
    return {
      report: { sheets: [], skipped, criteriaSheetProblems },
      plan: { sheets: [], summary: planCriteriaSheetProblems(criteriaSheetProblems) },
    };
  }
  const reports: SheetReport[] = [];
  const plans: SheetPlan[] = [];
  const skipped: SkippedSheet[] = [...prepared.skipped];
  for (const sheet of prepared.sheets) {
    const graded = gradeSheet(sheet, prepared.options);
    if ("skipped" in graded) skipped.push(graded.skipped);
    else {
      reports.push(graded.report);
      // a commune's column of a shared sheet is graded into the summary only
      if (!prepared.virtual.has(sheet.name)) plans.push(graded.plan);
    }
  }
  const report = withRollup({ sheets: reports, skipped }, prepared);
  const sections = summarySectionsWithRollup(report, setsOf(prepared.options));
  return { report, plan: { sheets: plans, summary: planSummary(report, sections) } };
}

/** which sheets hold an annex, with the set and year that grading would use */
export function detectAnnexes(sheets: readonly SheetInput[], given: GradeOptions = {}): AnnexInfo[] {
  // the "Bộ tiêu chí" sheet and column-per-commune sheets (prepare.ts)
  const { options, about } = rollupSheetInfo(sheets, given);
  return sheets.map((sheet): AnnexInfo => {
    const known = about(sheet);
    if (known) return known;
    if (isSummarySheet(sheet.name))
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
 * What clearing removes: the own columns of every sheet that has them, and the summary sheet if present.
 * Clearing empties exactly these areas (and their conditional formats) and deletes the summary sheet.
 */
export function planClear(sheets: readonly SheetInput[]): {
  sheets: { sheet: string; own: Area }[];
  summarySheet: string | null;
} {
  const out: { sheet: string; own: Area }[] = [];
  let summarySheet: string | null = null;
  for (const sheet of sheets) {
    if (isSummarySheet(sheet.name)) {
      summarySheet = sheet.name;
      continue;
    }
    const own = findOwnArea(sheet.grid);
    if (own) out.push({ sheet: sheet.name, own });
  }
  return { sheets: out, summarySheet };
}
