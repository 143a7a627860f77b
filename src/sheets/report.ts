/**
 * What the server sends to the sidebar: plain JSON (google.script.run passes no class instances, no Dates).
 */
import type { FormRankEntry } from "../../shared/dti/form-rank";
import type { RankingTable } from "../../shared/report/rollup";
import type { GroupSummary, StatusCode } from "../../shared/types";

/** one sheet as the sidebar lists it before grading */
export interface SheetInfo {
  readonly name: string;
  readonly annex: boolean;
  readonly criteriaSet: { readonly id: string; readonly title: string } | null;
  readonly setReason: string;
  readonly year: number | null;
  /** why the sheet holds no annex, in Vietnamese */
  readonly reason?: string;
  /** the sheet holds a commune's points-based form (Biểu mẫu 01 or a decision's table with its columns) */
  readonly form?: { readonly commune: string };
}

/** a run (grading or clearing every sheet) that has not finished: what it did, how to go on */
export interface RunInfo {
  readonly runId: string;
  readonly kind: "grade" | "clear";
  readonly looked: number;
  readonly total: number;
  /** set when the menu started the run and opened the sidebar to go on with it by itself */
  readonly handoff: boolean;
  /** what is done and how to go on, in Vietnamese */
  readonly message: string;
}

/** one step of a run, as the sidebar gets it */
export interface SidebarStep {
  readonly runId: string;
  readonly kind: "grade" | "clear";
  readonly finished: boolean;
  readonly looked: number;
  readonly total: number;
  /** "Đã chấm 40/166 trang…" while the run goes on */
  readonly message: string;
  /** a finished grading */
  readonly report?: SidebarReport;
  /** a finished clearing */
  readonly cleared?: ClearReport;
}

/** what the sidebar shows on opening: only the active sheet is read, so that opening stays fast */
export interface SidebarState {
  /** an unfinished run of this spreadsheet, or null */
  readonly run: RunInfo | null;
  readonly active: SheetInfo;
  /** how many sheets the spreadsheet has, the summary sheet included (one call, not a name per sheet) */
  readonly sheetCount: number;
  /** the criteria sets the user can force */
  readonly sets: readonly { readonly id: string; readonly title: string }[];
}

/** a row that is not met (or must be reviewed), with the cell to select */
export interface SidebarRow {
  readonly sheet: string;
  /** A1 address of the result cell; null for a commune graded from a column of a shared sheet */
  readonly cell: string | null;
  readonly id: string;
  readonly name: string;
  readonly status: StatusCode;
  readonly label: string;
  readonly reason: string;
  readonly value: string;
  readonly target: string;
}

export interface SidebarSheet {
  readonly name: string;
  readonly criteriaSet: { readonly id: string; readonly title: string } | null;
  readonly setReason: string;
  readonly year: number;
  readonly complete: boolean;
  /** `Hoàn thành` or `Chưa hoàn thành` */
  readonly grade: string;
  readonly groups: readonly GroupSummary[];
  readonly total: GroupSummary;
  /** `thiếu 29 tiêu chí: 1.1, …`, `đủ các tiêu chí phải đánh giá`, or why it was not checked */
  readonly completeness: string;
  /** how many criteria of the set are absent (counted apart from `total`) */
  readonly absent: number;
  /** the sheets of an annex split over sheets, the first being `name` */
  readonly parts: readonly string[] | null;
  readonly unmet: readonly SidebarRow[];
  /** Vietnamese messages naming sheet, cell and value */
  readonly problems: readonly string[];
  /** how the sheet was read (legacy encoding, the result column graded, another table left out) */
  readonly notes: readonly string[];
}

export interface SidebarReport {
  readonly sheets: readonly SidebarSheet[];
  readonly skipped: readonly { readonly name: string; readonly reason: string }[];
  /** the summary sheet written, or null when nothing was graded */
  readonly summarySheet: string | null;
  /** the communes ranked, when two or more were graded */
  readonly ranking: RankingTable | null;
  /** what the user should know about the workbook (a split annex joined, a user's sheet kept …) */
  readonly notes: readonly string[];
  /** the points-based forms checked, when there were any */
  readonly forms?: SidebarForms;
}

/** a component of a form whose self-score differs or must be reviewed, with the self-score's cell */
export interface SidebarFormRow {
  readonly cell: string;
  readonly id: string;
  readonly name: string;
  readonly code: string;
  /** the core's label: `Tự chấm cao hơn`, `Cần xem xét` … */
  readonly label: string;
  readonly reason: string;
}

/** one commune's form checked: its totals as the ranking gives them (`band` of the recomputed points) */
export interface SidebarForm extends Pick<
  FormRankEntry,
  "sheet" | "commune" | "self" | "points" | "maxPoints" | "percent" | "band"
> {
  /** the index set's title; null: the rules written in the form */
  readonly set: string | null;
  /** the band of the self-score, when the set has bands */
  readonly selfBand: string | null;
  /** how many components got each result (the core's labels), results that occur only */
  readonly counts: readonly { readonly code: string; readonly label: string; readonly count: number }[];
  readonly toReview: number;
  readonly rows: readonly SidebarFormRow[];
  /** sums that do not add up, naming their cells */
  readonly sums: readonly string[];
}

/** the forms of a grading */
export interface SidebarForms {
  readonly forms: readonly SidebarForm[];
  /** communes ranked by recomputed points, when two or more forms were checked */
  readonly ranking: RankingTable | null;
  /** components whose self-scores differ from the recomputed points in most communes */
  readonly disputes: readonly {
    readonly id: string;
    readonly name: string;
    readonly differ: number;
    readonly higher: number;
    readonly lower: number;
    readonly aboveMax: number;
    readonly communes: readonly string[];
  }[];
  /** components to review over every form */
  readonly toReview: number;
}

export interface ClearReport {
  /** how many sheets had their own columns emptied */
  readonly sheets: number;
  readonly summaryRemoved: boolean;
}

/** options the sidebar may pass; omitted fields mean "detect" */
export interface SidebarOptions {
  readonly setId?: string;
  readonly year?: number;
}

/** names of the server functions the sidebar calls through google.script.run */
export const SERVER_FUNCTIONS = {
  state: "getSidebarState",
  gradeActive: "gradeActiveForSidebar",
  start: "startRunForSidebar",
  next: "continueRunForSidebar",
  select: "selectCell",
  createCriteria: "createCriteriaSheetForSidebar",
  createIndex: "createIndexSheetForSidebar",
} as const;
