/**
 * What grading does around the annexes when a workbook holds more than annexes: a "Bộ tiêu chí" sheet supplies
 * the criteria set, a sheet with a column per commune becomes one sheet per commune, a folder's workbooks become
 * one list of sheets, and a report of two or more communes gains the roll-up (ranking, matrix, disputes).
 */
import { BUILTIN_SETS } from "../criteria";
import { CRITERIA_SHEET, criteriaSetFromGrid, isCriteriaSheet } from "../criteria/sheet";
import { resolveOwnSheets, type OwnSheets } from "./own-sheets";
import { SUMMARY_SHEET } from "../labels";
import { detectYear, readAnnex } from "../table/read";
import { readableGrid } from "../table/readable";
import { fold } from "../text";
import type {
  AnnexInfo,
  CommuneName,
  CriteriaSet,
  GradeOptions,
  Problem,
  SheetInput,
  SkippedSheet,
  SummaryPlan,
  WorkbookReport,
} from "../types";
import { columnsPerCommune, detectCommune } from "./commune";
import {
  PROBLEM_HEADERS,
  problemLine,
  SUMMARY_SECTIONS,
  SUMMARY_TITLE,
  SummaryBuilder,
  sheetsSection,
  type SummarySection,
} from "./plan";
import { rollup, rollupSections } from "./rollup";

/** why the "Bộ tiêu chí" sheet is not graded as an annex */
export const CRITERIA_SHEET_REASON = "bộ tiêu chí dùng để chấm các trang khác (không phải phụ lục)";
/** why nothing is graded when the "Bộ tiêu chí" sheet has mistakes */
export const INVALID_CRITERIA_SHEET_REASON = `chưa chấm: trang "${CRITERIA_SHEET}" có lỗi, sửa rồi chấm lại`;

/** a sheet whose commune the host already knows (the command line's folder input: from the file name) */
export type CommuneSheetInput = SheetInput & { readonly commune?: CommuneName };

/** what gradeWorkbook grades once the workbook is prepared */
export interface PreparedWorkbook {
  /** the sheets to grade: the criteria sheet left out, each column-per-commune sheet as one sheet per commune */
  readonly sheets: readonly SheetInput[];
  /** the caller's options, with the set of the "Bộ tiêu chí" sheet when there is one */
  readonly options: GradeOptions;
  /** the criteria sheet, listed with its reason */
  readonly skipped: readonly SkippedSheet[];
  /** the commune of each sheet to grade, by its name */
  readonly communes: ReadonlyMap<string, CommuneName>;
  /** sheets that exist only for grading (a commune's column): they get no own columns in the edit plan */
  readonly virtual: ReadonlySet<string>;
  /** what the user should know about the workbook's sheets (a "Bộ tiêu chí" sheet not used …) */
  readonly notes?: readonly string[];
  /** the add-in's own sheets and the summary sheet's name (report/own-sheets.ts) */
  readonly own?: OwnSheets;
}

/**
 * Prepares a workbook for grading. A "Bộ tiêu chí" sheet, when present, replaces the criteria sets (grading
 * forces its set); when it has mistakes nothing is graded and they come back as `criteriaSheetProblems`, with
 * every other sheet skipped for that reason. A sheet with a column per commune becomes one sheet per commune
 * (named `Sheet – xã A`); other sheets get their commune from the title rows, sheet name or `sheet.commune`.
 */
export function prepareWorkbook(
  sheets: readonly CommuneSheetInput[],
  options: GradeOptions = {},
):
  | PreparedWorkbook
  | {
      readonly criteriaSheetProblems: readonly Problem[];
      readonly skipped: readonly SkippedSheet[];
      readonly own: OwnSheets;
    } {
  const own = resolveOwnSheets(sheets, options.marks);
  const criteriaSheet = sheets.find((s) => s.name === own.criteria);
  // the marks as resolved: gradeSheet skips the own summary sheet by them
  let gradeOptions: GradeOptions = {
    ...options,
    marks: { ...options.marks, summary: own.summary, criteria: own.criteria },
  };
  const skipped: SkippedSheet[] = [];
  if (criteriaSheet) {
    const read = criteriaSetFromGrid(criteriaSheet.name, criteriaSheet.grid);
    if (!read.ok)
      return {
        criteriaSheetProblems: read.problems,
        skipped: sheets.map((s) => ({
          name: s.name,
          reason: s === criteriaSheet ? `có ${read.problems.length} lỗi` : INVALID_CRITERIA_SHEET_REASON,
        })),
        own,
      };
    gradeOptions = { ...gradeOptions, sets: [read.set], setId: read.set.id };
    skipped.push({ name: criteriaSheet.name, reason: CRITERIA_SHEET_REASON });
  }
  const toGrade: SheetInput[] = [];
  const communes = new Map<string, CommuneName>();
  const virtual = new Set<string>();
  for (const sheet of sheets) {
    if (sheet === criteriaSheet) continue;
    const across = sheet.name === own.summary ? null : columnsPerCommune(sheet.name, sheet.grid);
    if (across) {
      for (const c of across.communes) {
        toGrade.push({ name: c.sheet, grid: c.grid });
        communes.set(c.sheet, { commune: c.commune, source: c.source });
        virtual.add(c.sheet);
      }
      continue;
    }
    toGrade.push(sheet);
    // a title typed in TCVN3/VNI names the commune once read as Unicode
    communes.set(
      sheet.name,
      sheet.commune ?? detectCommune(sheet.name, readableGrid(sheet.name, sheet.grid).grid),
    );
  }
  return {
    sheets: toGrade,
    options: gradeOptions,
    skipped,
    communes,
    virtual,
    ...(own.notes.length > 0 ? { notes: own.notes } : {}),
    own,
  };
}

/** the report with its ranking, when it holds two or more graded sheets (one commune needs no ranking) */
export function withRollup(report: WorkbookReport, prepared: PreparedWorkbook): WorkbookReport {
  if (report.sheets.length < 2) return report;
  const communes = report.sheets.map(
    (s): CommuneName => prepared.communes.get(s.name) ?? { commune: s.name, source: "sheet" },
  );
  return { ...report, rollup: rollup(report.sheets, communes) };
}

/** a summary sheet for a workbook whose "Bộ tiêu chí" sheet has mistakes: the title and every mistake */
export function planCriteriaSheetProblems(problems: readonly Problem[]): SummaryPlan {
  const b = new SummaryBuilder();
  b.header([SUMMARY_TITLE]);
  b.row([`Chưa chấm: trang "${CRITERIA_SHEET}" có ${problems.length} lỗi. Sửa các ô dưới đây rồi chấm lại.`]);
  b.freeze();
  b.blank();
  b.table([PROBLEM_HEADERS], problems.map(problemLine));
  return b.build();
}

/**
 * The summary sheet's sections with the roll-up ones (ranking, chart, matrix, disputes) right after the
 * per-sheet results; the plain sections when the report has no roll-up.
 */
export function summarySectionsWithRollup(
  report: WorkbookReport,
  sets: readonly CriteriaSet[] = [],
): SummarySection[] {
  const mine = rollupSections(report, sets);
  const at = SUMMARY_SECTIONS.indexOf(sheetsSection) + 1;
  return [...SUMMARY_SECTIONS.slice(0, at), ...mine, ...SUMMARY_SECTIONS.slice(at)];
}

/**
 * What the task pane shows before grading about the sheets the roll-up handles, and the options grading will
 * use (with the set of a valid "Bộ tiêu chí" sheet). `about` gives the info of the criteria sheet and of a
 * column-per-commune sheet, null for any other sheet (read it as usual with the returned options).
 */
export function rollupSheetInfo(
  sheets: readonly SheetInput[],
  options: GradeOptions = {},
): { options: GradeOptions; about: (sheet: SheetInput) => AnnexInfo | null } {
  const own = resolveOwnSheets(sheets, options.marks);
  const criteriaSheet = sheets.find((s) => s.name === own.criteria);
  const read = criteriaSheet ? criteriaSetFromGrid(criteriaSheet.name, criteriaSheet.grid) : null;
  const marked: GradeOptions = {
    ...options,
    marks: { ...options.marks, summary: own.summary, criteria: own.criteria },
  };
  const gradeOptions = read?.ok ? { ...marked, sets: [read.set], setId: read.set.id } : marked;
  const about = (sheet: SheetInput): AnnexInfo | null => {
    const info = { name: sheet.name, criteriaSet: null, setReason: "", year: null };
    if (sheet === criteriaSheet && read)
      return read.ok
        ? { ...info, annex: false, reason: CRITERIA_SHEET_REASON }
        : { ...info, annex: false, reason: `có ${read.problems.length} lỗi: ${read.problems[0]!.message}` };
    if (read && !read.ok) return { ...info, annex: false, reason: INVALID_CRITERIA_SHEET_REASON };
    if (sheet.name === own.summary) return null;
    const across = columnsPerCommune(sheet.name, sheet.grid);
    if (!across) return null;
    const annex = readAnnex(across.communes[0]!.sheet, across.communes[0]!.grid, {
      sets: gradeOptions.sets ?? BUILTIN_SETS,
      ...(gradeOptions.setId !== undefined ? { setId: gradeOptions.setId } : {}),
    });
    const names = across.communes.map((c) => c.commune);
    const shown = names.length > 4 ? `${names.slice(0, 4).join(", ")}…` : names.join(", ");
    const shape = `một cột kết quả cho mỗi xã (${names.length} xã: ${shown}); kết quả ghi vào trang "${SUMMARY_SHEET}", không ghi cột cạnh bảng`;
    if ("skipped" in annex) return { ...info, annex: false, reason: annex.skipped };
    return {
      ...info,
      annex: true,
      criteriaSet: annex.criteriaSet ? { id: annex.criteriaSet.id, title: annex.criteriaSet.title } : null,
      setReason: `${annex.setReason}; ${shape}`,
      year: gradeOptions.year ?? detectYear(sheet.grid),
    };
  };
  return { options: gradeOptions, about };
}

/** one workbook of a folder the reviewing office grades at once */
export interface FolderWorkbook {
  /** the file's name (`PL_Hoằng Phụ.xlsx`); folders are dropped */
  readonly fileName: string;
  readonly sheets: readonly SheetInput[];
}

/** why a sheet of a folder's workbook is not graded with the others */
export const FOLDER_CRITERIA_SHEET_REASON = `trang "${CRITERIA_SHEET}" của từng tệp không dùng khi chấm cả thư mục (dùng --set TỆP.json)`;

/**
 * The sheets of many workbooks as one list for `gradeWorkbook`: each named `<file> › <sheet>` so names stay
 * unique, with its commune from its title rows, its sheet name, or its file name. The add-in's summary sheets
 * are left out (they hold no annex), and so are "Bộ tiêu chí" sheets, listed in `skipped`: one folder is
 * graded with one criteria set.
 * @example gradeWorkbook(folderSheets(files).sheets, options)
 */
export function folderSheets(workbooks: readonly FolderWorkbook[]): {
  sheets: CommuneSheetInput[];
  skipped: SkippedSheet[];
} {
  const sheets: CommuneSheetInput[] = [];
  const skipped: SkippedSheet[] = [];
  for (const wb of workbooks) {
    const file = wb.fileName.replace(/^.*[\\/]/, "");
    const base = file.replace(/\.[A-Za-z0-9]{1,5}$/, "");
    for (const sheet of wb.sheets) {
      const name = `${base} › ${sheet.name}`;
      if (fold(sheet.name) === fold(SUMMARY_SHEET)) continue;
      if (isCriteriaSheet(sheet.name)) {
        skipped.push({ name, reason: FOLDER_CRITERIA_SHEET_REASON });
        continue;
      }
      sheets.push({
        name,
        grid: sheet.grid,
        commune: detectCommune(sheet.name, readableGrid(sheet.name, sheet.grid).grid, file),
      });
    }
  }
  return { sheets, skipped };
}
