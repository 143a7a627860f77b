/**
 * The core's vocabulary. Every module of `shared/` and every host speaks these types.
 * Rows and columns are 0-based everywhere in the core; only messages and the JSON report
 * show 1-based rows and A1 addresses.
 */

import type { Area, CellRef, Grid, Hedge, RawCell, Target } from "./cells";

export * from "./cells";

// ---------------------------------------------------------------------------------------------
// statuses

export const STATUS_CODES = ["DAT", "KHONG_DAT", "DANG_THUC_HIEN", "KHONG_DANH_GIA", "CAN_XEM_XET"] as const;
export type StatusCode = (typeof STATUS_CODES)[number];

export type WarningCode =
  /** a stated percentage disagrees with its fraction by more than half a point */
  | "FRACTION_PERCENT_MISMATCH"
  /** the row's own target differs from the criteria set's */
  | "TARGET_DIFFERS_FROM_SET"
  /** the commune's own verdict differs from ours */
  | "SELF_ASSESSMENT_DIFFERS"
  /** a rate below 0 or above 100 */
  | "RATE_OUT_OF_RANGE"
  /** the row's name does not match the criterion its ID points at */
  | "NAME_MISMATCH"
  /** the result cell is merged over several rows: one result shared by each of them */
  | "SHARED_RESULT";

export interface GradeWarning {
  readonly code: WarningCode;
  /** Vietnamese, with the figures */
  readonly message: string;
}

/** the verdict on one result against one target */
export interface Grade {
  readonly status: StatusCode;
  /** short Vietnamese reason: `54,4% < 60%`, `thiếu số liệu (chỉ tiêu tính theo %)` */
  readonly reason: string;
  readonly warnings: readonly GradeWarning[];
}

// ---------------------------------------------------------------------------------------------
// criteria sets (validated by the zod schema in shared/criteria/schema.ts)

export interface CriteriaGroup {
  /** `1`, `2`, … or `I`, `II`, … as the set numbers them */
  readonly id: string;
  readonly name: string;
}

export interface Criterion {
  /** `1.1` … `4.8` */
  readonly id: string;
  /** id of its group */
  readonly group: string;
  readonly name: string;
  /** words (diacritics allowed) whose presence in a row's name identifies this criterion */
  readonly keywords: readonly string[];
  /** `%`, `Có/Không`, … */
  readonly unit?: string;
  readonly target: Target;
  /** years in which the set does not evaluate it */
  readonly notEvaluatedIn: readonly number[];
  readonly note?: string;
}

export interface CriteriaSet {
  /** stable id used by `--set` and in reports: `tt-xa-2023`, `tt-xa-2022` */
  readonly id: string;
  readonly title: string;
  /** the decision that issued it: `QĐ 1829/QĐ-UBND ngày 30/5/2023 (Thanh Hóa)` */
  readonly legalBasis: string;
  /**
   * the year the set was made for; a criterion it marks not evaluated in another year is graded by a row's own
   * target when the row writes one (the earlier list's 4.8 in 2023)
   */
  readonly year?: number;
  readonly groups: readonly CriteriaGroup[];
  readonly criteria: readonly Criterion[];
}

// ---------------------------------------------------------------------------------------------
// problems with a user's input: values, never exceptions

export type ProblemCode =
  | "NO_HEADER"
  | "NO_RESULT_COLUMN"
  | "EMPTY_SHEET"
  | "UNREADABLE_VALUE"
  | "ERROR_VALUE"
  | "DATE_VALUE"
  | "ZERO_DENOMINATOR"
  | "RATE_OUT_OF_RANGE"
  | "UNKNOWN_CRITERION"
  | "DUPLICATE_ID"
  | "TEXT_TOO_LONG"
  | "INVALID_CRITERIA_SET";

/** a Vietnamese message that names the sheet, the cell and the value */
export interface Problem {
  readonly code: ProblemCode;
  readonly sheet: string;
  /** A1 address, when the problem sits in a cell */
  readonly cell?: string;
  readonly value?: string;
  readonly message: string;
}

// ---------------------------------------------------------------------------------------------
// reading an annex table

export const COLUMN_ROLES = ["id", "name", "explain", "unit", "target", "result", "self", "notes"] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** 0-based column of each role found */
export type AnnexColumns = Partial<Record<ColumnRole, number | undefined>>;

export interface AnnexGroup {
  readonly id: string;
  readonly name: string;
  /** 0-based row of the group row, or -1 when the group comes from the criteria set only */
  readonly row: number;
}

export interface AnnexRow {
  /** 0-based grid row */
  readonly row: number;
  /** derived ID: `3.1`, `1.10`, `I.1` */
  readonly id: string;
  readonly name: string;
  /** id of the group row above it, if any */
  readonly group: string | null;
  /** the criterion of the chosen set this row was matched to */
  readonly criterion?: Criterion | undefined;
  readonly target: RawCell;
  readonly targetFormat?: string | undefined;
  readonly result: RawCell;
  readonly resultFormat?: string | undefined;
  /** undefined when the table has no self-assessment column */
  readonly self?: RawCell;
  /** the unit cell (`%`, `Có/Không`), a unit merged over several rows given to each; undefined without a unit column */
  readonly unit?: RawCell;
  /** found while reading the table, e.g. NAME_MISMATCH: the name matched another criterion than the ID */
  readonly warnings?: readonly GradeWarning[] | undefined;
}

export interface Annex {
  /** 0-based row of the (first) header row */
  readonly headerRow: number;
  readonly columns: AnnexColumns;
  readonly groups: readonly AnnexGroup[];
  readonly rows: readonly AnnexRow[];
  /** the set chosen, or null when the rows carry their own targets */
  readonly criteriaSet: CriteriaSet | null;
  /** why that set (or none) was chosen, in Vietnamese */
  readonly setReason: string;
  /** 0-based first column of the add-in's own columns (existing ones are reused) */
  readonly ownColumn: number;
  /** 0-based last row that belongs to the table */
  readonly lastRow: number;
  readonly problems: readonly Problem[];
  /**
   * how the table was read, in Vietnamese, for the report: the legacy encoding read, which result column was
   * graded and why, another table on the sheet left out
   */
  readonly notes?: readonly string[];
  /** the graded result column's header says its figures are estimates or plans: every result is hedged */
  readonly resultHedge?: Hedge;
}

// ---------------------------------------------------------------------------------------------
// grading results

export interface GradedRow extends Grade {
  /** 0-based grid row */
  readonly row: number;
  readonly id: string;
  readonly name: string;
  readonly group: string | null;
  /** the criterion of the set the row was graded against; undefined when none (targets written in the rows) */
  readonly criterionId?: string | undefined;
  /** the Vietnamese label of `status` */
  readonly label: string;
  /** the result as the user wrote it, as text */
  readonly value: string;
  /** the target used, as text (`≥ 60%`, `Có`, `chưa có chỉ tiêu`) */
  readonly target: string;
  /** where the result sits (for "select the cell" links) */
  readonly resultCell: CellRef;
  /** the sheet the row is on, when not the report's own: a continuation sheet of a split annex */
  readonly sheet?: string | undefined;
}

/** a criterion of the chosen set, evaluated in the grading year, that has no row in the annex */
export interface AbsentCriterion {
  readonly id: string;
  readonly name: string;
  /** id of its group in the set */
  readonly group: string;
}

export interface GroupSummary {
  readonly id: string;
  readonly name: string;
  /** rows graded DAT, KHONG_DAT, DANG_THUC_HIEN or CAN_XEM_XET */
  readonly evaluated: number;
  readonly met: number;
  readonly notMet: number;
  readonly underWay: number;
  readonly toReview: number;
  readonly notEvaluated: number;
}

export interface Summary {
  /**
   * every evaluated criterion is DAT (and at least one was evaluated) and, when a criteria set was used, no
   * criterion the set evaluates that year is absent
   */
  readonly complete: boolean;
  /**
   * whether the rows were checked against the set for absent criteria: false when no criteria set was used
   * (targets written in the rows, `--set none`)
   */
  readonly completenessChecked: boolean;
  /** criteria of the set evaluated that year with no row, in the set's order; counted apart from `total` */
  readonly absent: readonly AbsentCriterion[];
  readonly groups: readonly GroupSummary[];
  readonly total: GroupSummary;
  /** every row not DAT and not KHONG_DANH_GIA, in sheet order */
  readonly unmet: readonly GradedRow[];
}

export interface SheetReport {
  readonly name: string;
  /** the sheets of an annex split over several sheets, `name` first; absent for an annex on one sheet */
  readonly parts?: readonly string[];
  readonly criteriaSet: { readonly id: string; readonly title: string } | null;
  readonly setReason: string;
  readonly year: number;
  readonly rows: readonly GradedRow[];
  readonly summary: Summary;
  readonly problems: readonly Problem[];
  /** how the sheet was read (encoding, result column, other tables), in Vietnamese; absent when nothing to say */
  readonly notes?: readonly string[];
}

export interface SkippedSheet {
  readonly name: string;
  readonly reason: string;
}

export interface WorkbookReport {
  readonly sheets: readonly SheetReport[];
  readonly skipped: readonly SkippedSheet[];
  /** the communes ranked (see report/rollup.ts), when the workbook holds several communes */
  readonly rollup?: readonly RollupEntry[];
  /** problems of the workbook's "Bộ tiêu chí" sheet; when present nothing was graded */
  readonly criteriaSheetProblems?: readonly Problem[];
  /**
   * what the user should know about the workbook as a whole, in Vietnamese: a sheet taken as the continuation
   * of another, a user's sheet kept under the add-in's sheet name, a "Bộ tiêu chí" sheet not used
   */
  readonly notes?: readonly string[];
  /** the name the summary sheet is written under (`Tổng hợp CĐS`, or a free name beside a user's sheet) */
  readonly summarySheet?: string;
}

// ---------------------------------------------------------------------------------------------
// what hosts hand over

/** one sheet as a host read it */
export interface SheetInput {
  readonly name: string;
  readonly grid: Grid;
  /** the commune, when the host knows it better than the sheet does (the command line: from the file name) */
  readonly commune?: CommuneName;
}

/** the add-in's own sheets the host found by their mark (report/own-sheets.ts), by their current names */
export interface OwnSheetMarks {
  readonly summary?: string | null;
  readonly criteria?: string | null;
  /** every sheet name of the workbook, when the host hands over only some sheets (grading the active one) */
  readonly sheetNames?: readonly string[];
}

/** how to grade a workbook */
export interface GradeOptions {
  /** criteria sets to choose from (default: the built-in ones) */
  readonly sets?: readonly CriteriaSet[];
  /** force this set instead of detecting it from the rows' names */
  readonly setId?: string;
  /** grading year; else the year in the sheet's title rows; else the current year */
  readonly year?: number;
  /**
   * join an annex split over sheets into one commune (default true); false when grading a workbook in parts
   * that are joined later (the Sheets add-on's runs over several executions)
   */
  readonly joinSplitAnnexes?: boolean;
  /** the sheets carrying the add-in's marks; without them only earlier versions' unmarked sheets are known */
  readonly marks?: OwnSheetMarks;
}

/** what the task pane shows about one sheet before grading */
export interface AnnexInfo {
  readonly name: string;
  readonly annex: boolean;
  readonly criteriaSet: { readonly id: string; readonly title: string } | null;
  readonly setReason: string;
  /** the year option, else the year in the title rows; null when neither is known */
  readonly year: number | null;
  /** why the sheet will not be graded */
  readonly reason?: string;
}

// ---------------------------------------------------------------------------------------------
// roll-up: many communes side by side

/** where a commune's name was found: title rows, sheet name, file name, or a column header (one sheet, a column per commune) */
export type CommuneSource = "title" | "sheet" | "file" | "column";

export interface CommuneName {
  /** `xã Hoằng Phụ`, `phường Bắc Sơn`, or the sheet/file name as written */
  readonly commune: string;
  readonly source: CommuneSource;
}

/** one criterion named in a roll-up: unmet or disputed */
export interface RollupCriterion {
  readonly id: string;
  readonly name: string;
  readonly status: StatusCode;
  /** for a dispute: the warning's Vietnamese message (the commune's verdict against ours) */
  readonly message?: string;
}

/** one commune in the ranking */
export interface RollupEntry extends CommuneName {
  /** the sheet its grades come from */
  readonly sheet: string;
  readonly groups: readonly {
    readonly id: string;
    readonly name: string;
    readonly met: number;
    readonly evaluated: number;
  }[];
  readonly met: number;
  readonly evaluated: number;
  /** met / evaluated in percent points; null when nothing was evaluated */
  readonly share: number | null;
  readonly notMet: number;
  readonly underWay: number;
  readonly toReview: number;
  readonly complete: boolean;
  /** criteria of the set evaluated that year with no row on the commune's sheet(s) */
  readonly absent: readonly { readonly id: string; readonly name: string }[];
  /** whether absent criteria were looked for (false when no criteria set was used) */
  readonly completenessChecked: boolean;
  /**
   * met / (evaluated + absent) in percent points: the share of the criteria the commune had to report that it
   * met (an absent criterion counts as not met); equals `share` when nothing is absent; the ranking's key
   */
  readonly shareRequired: number | null;
  /** the sheets of a commune whose annex is split over several sheets */
  readonly sheets?: readonly string[];
  /** standard competition ranking (1, 2, 2, 4) by the share of required criteria met, then total met */
  readonly rank: number;
  readonly unmet: readonly RollupCriterion[];
  /** rows whose self-assessment disagrees with our grade */
  readonly disputes: readonly RollupCriterion[];
}

// ---------------------------------------------------------------------------------------------
// the host-neutral edit plan: the core says what to write, each host decides how

/** a cell value the add-in writes; strings are always literal text, never formulas */
export type PlanCell = string | number | null;

export interface CellBlock extends CellRef {
  readonly values: readonly (readonly PlanCell[])[];
}

/** highlight cells whose text equals `text` */
export interface ConditionalRule {
  readonly status: StatusCode;
  readonly text: string;
  /** `#RRGGBB` */
  readonly fill: string;
  readonly font: string;
}

export interface ConditionalFormat {
  readonly area: Area;
  readonly rules: readonly ConditionalRule[];
}

export interface SheetPlan {
  readonly sheet: string;
  /** the add-in's own columns on this sheet: header row to last table row; clearing empties exactly this */
  readonly own: Area;
  /** one block covering `own`: header cells, then one row per table row (blank where nothing is graded) */
  readonly writes: readonly CellBlock[];
  readonly formats: readonly ConditionalFormat[];
  /** suggested widths in points for the own columns, left to right */
  readonly columnWidths: readonly number[];
}

export interface ChartPlan {
  readonly title: string;
  readonly kind: "column";
  /** categories down the first column, one series per further column, header row included */
  readonly data: Area;
}

/** one table of the summary sheet: its header row(s) then its body, every cell bordered and wrapped */
export interface SummaryTable {
  /** header rows and body, from column 0 */
  readonly area: Area;
  /** how many of its first rows are headers (bold, filled, repeated nowhere else) */
  readonly headerRows: number;
}

/** how the summary sheet is printed (A4 landscape, one page wide) where the host has a page-setup API */
export interface PrintSetup {
  readonly paper: "A4";
  readonly orientation: "landscape";
  /**
   * pages across (as many down as needed): 1, or more when one page would shrink the sheet below
   * MIN_PRINT_SCALE (a province's matrix, one column per criterion)
   */
  readonly fitToWidth: number;
  /** rows repeated at the top of every printed page (the title block), 0-based */
  readonly titleRows: { readonly row: number; readonly rows: number };
}

/** the look of the summary sheet beyond its values: tables, number formats, frozen rows, printing */
export interface SummaryLayout {
  readonly tables: readonly SummaryTable[];
  /**
   * lines each row takes with its texts wrapped at the column widths, for hosts that do not fit row heights
   * themselves (ExcelJS); Excel and Sheets fit them
   */
  readonly rowLines: readonly number[];
  /** cells holding a share as a fraction (0.914), shown as `91,4%` */
  readonly percent: readonly Area[];
  /** rows kept in view when scrolling (the title block) */
  readonly frozenRows: number;
  readonly print: PrintSetup;
}

export interface SummaryPlan {
  /** always `Tổng hợp CĐS` */
  readonly sheet: string;
  readonly values: readonly (readonly PlanCell[])[];
  /** 0-based rows to show bold (titles and headers) */
  readonly boldRows: readonly number[];
  readonly formats: readonly ConditionalFormat[];
  readonly charts: readonly ChartPlan[];
  readonly columnWidths: readonly number[];
  /** tables, formats, frozen rows and printing; absent on plain sheets (the "Bộ tiêu chí" sheet) */
  readonly layout?: SummaryLayout;
}

export interface EditPlan {
  readonly sheets: readonly SheetPlan[];
  readonly summary: SummaryPlan | null;
}
