/**
 * The host-neutral edit plan: what the add-in writes on each graded sheet (its own status and reason
 * columns) and on the summary sheet "Tổng hợp CĐS". Hosts apply it as literal text, never as formulas.
 */
import { OWN_HEADERS, STATUS_LABELS, STATUS_RULES, SUMMARY_SHEET, statusFromLabel } from "../labels";
import { addGroupSummaries, completenessText, TOTAL_GROUP } from "./summary";
import { a1 } from "../text";
import type {
  Annex,
  Area,
  ChartPlan,
  ConditionalFormat,
  GradedRow,
  Grid,
  GroupSummary,
  PlanCell,
  SheetPlan,
  SheetReport,
  SummaryPlan,
  WorkbookReport,
} from "../types";

/** how many columns the add-in owns on an annex sheet: status, reason */
export const OWN_COLUMN_COUNT = OWN_HEADERS.length;

/** joins a reason and its warnings in the reason column */
export const REASON_SEPARATOR = " · ";

/** the text of the reason column for one graded row: the reason, then each warning */
export function reasonText(row: Pick<GradedRow, "reason" | "warnings">): string {
  return [row.reason, ...row.warnings.map((w) => w.message)].filter((t) => t !== "").join(REASON_SEPARATOR);
}

/**
 * 0-based last row at or below `fromRow` whose cell in column `col` holds a status label the add-in wrote;
 * -1 when none. Text of the user's own below the table (a signature block) is never taken for ours.
 */
export function lastLabelRow(grid: Grid, col: number, fromRow: number): number {
  for (let r = grid.values.length - 1; r >= fromRow; r--) {
    const v = grid.values[r]?.[col];
    if (typeof v === "string" && statusFromLabel(v) !== undefined) return r;
  }
  return -1;
}

/**
 * The plan for one graded annex sheet: own columns from the header row down to the last table row, or
 * further down to the last status label written before (so re-grading leaves no stale label behind when
 * rows were deleted).
 */
export function planSheet(
  sheet: string,
  annex: Pick<Annex, "headerRow" | "ownColumn" | "lastRow">,
  rows: readonly GradedRow[],
  grid: Grid,
): SheetPlan {
  const top = annex.headerRow;
  const col = annex.ownColumn;
  const bottom = Math.max(annex.lastRow, top, lastLabelRow(grid, col, top + 1));
  const own: Area = { row: top, col, rows: bottom - top + 1, cols: OWN_COLUMN_COUNT };

  const byRow = new Map<number, GradedRow>();
  for (const r of rows) byRow.set(r.row, r);
  const values: PlanCell[][] = [[...OWN_HEADERS]];
  for (let r = top + 1; r <= bottom; r++) {
    const graded = byRow.get(r);
    values.push(graded ? [graded.label, reasonText(graded)] : [null, null]);
  }

  const formats: ConditionalFormat[] =
    own.rows > 1 ? [{ area: { row: top + 1, col, rows: own.rows - 1, cols: 1 }, rules: STATUS_RULES }] : [];
  return { sheet, own, writes: [{ row: top, col, values }], formats, columnWidths: [] };
}

// ---------------------------------------------------------------------------------------------
// the summary sheet, built from small sections so that more can be added (ranking, matrix …)

/** collects rows, bold rows, formats and charts while sections add to the summary sheet */
export class SummaryBuilder {
  private readonly rows: PlanCell[][] = [];
  private readonly bold: number[] = [];
  private readonly formats: ConditionalFormat[] = [];
  private readonly charts: ChartPlan[] = [];

  /** 0-based index the next row will get */
  get nextRow(): number {
    return this.rows.length;
  }

  /** adds one row of cells; returns its 0-based index */
  row(cells: readonly PlanCell[], bold = false): number {
    const index = this.rows.length;
    this.rows.push([...cells]);
    if (bold) this.bold.push(index);
    return index;
  }

  /** adds a bold row (title or table header); returns its index */
  header(cells: readonly PlanCell[]): number {
    return this.row(cells, true);
  }

  /** adds an empty row between sections */
  blank(): void {
    this.rows.push([]);
  }

  format(format: ConditionalFormat): void {
    if (format.area.rows > 0 && format.area.cols > 0) this.formats.push(format);
  }

  chart(chart: ChartPlan): void {
    this.charts.push(chart);
  }

  /** the plan, every row padded to the same width */
  build(columnWidths: readonly number[]): SummaryPlan {
    let width = columnWidths.length;
    for (const r of this.rows) width = Math.max(width, r.length);
    const values = this.rows.map((r) => {
      const padded: PlanCell[] = r.slice();
      while (padded.length < width) padded.push(null);
      return padded;
    });
    return {
      sheet: SUMMARY_SHEET,
      values,
      boldRows: this.bold.slice(),
      formats: this.formats.slice(),
      charts: this.charts.slice(),
      columnWidths: columnWidths.slice(),
    };
  }
}

/** one part of the summary sheet; adds its rows to the builder (nothing when it has nothing to say) */
export type SummarySection = (builder: SummaryBuilder, report: WorkbookReport) => void;

export const SUMMARY_TITLE = "TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM CHUYỂN ĐỔI SỐ CẤP XÃ";
export const COMPLETE_LABEL = "Hoàn thành";
export const INCOMPLETE_LABEL = "Chưa hoàn thành";

function distinct(items: readonly string[]): string[] {
  return [...new Set(items)];
}

function setTitle(sheet: SheetReport): string {
  return sheet.criteriaSet ? sheet.criteriaSet.title : "chỉ tiêu ghi trong bảng";
}

/** title, criteria set(s), year(s) and sheet counts */
export const titleSection: SummarySection = (b, report) => {
  b.header([SUMMARY_TITLE]);
  const sets = distinct(report.sheets.map(setTitle));
  b.row([`Bộ tiêu chí: ${sets.length > 0 ? sets.join("; ") : "không có"}`]);
  const years = distinct(report.sheets.map((s) => String(s.year)));
  b.row([`Năm đánh giá: ${years.length > 0 ? years.join(", ") : "không có"}`]);
  const complete = report.sheets.filter((s) => s.summary.complete).length;
  b.row([`Số trang đã chấm: ${report.sheets.length}; hoàn thành: ${complete}`]);
  for (const note of report.notes ?? []) b.row([`Lưu ý: ${note}`]);
};

/** groups in first-seen order over all sheets, keyed by id and name */
function groupsOf(report: WorkbookReport): { id: string; name: string }[] {
  const seen = new Map<string, { id: string; name: string }>();
  for (const s of report.sheets)
    for (const g of s.summary.groups) {
      const key = `${g.id}\u0000${g.name}`;
      if (!seen.has(key)) seen.set(key, { id: g.id, name: g.name });
    }
  return [...seen.values()];
}

/** one line per graded sheet: set, met/evaluated per group, totals, verdict */
export const sheetsSection: SummarySection = (b, report) => {
  if (report.sheets.length === 0) return;
  b.blank();
  b.header(["1. KẾT QUẢ THEO TRANG"]);
  const groups = groupsOf(report);
  b.header([
    "Trang",
    "Bộ tiêu chí",
    ...groups.map((g) => `${g.name} (đạt/đánh giá)`),
    "Tổng đạt",
    "Đã đánh giá",
    "Kết luận",
    "Đủ tiêu chí",
  ]);
  for (const s of report.sheets) {
    const perGroup = groups.map((g) => {
      const found = s.summary.groups.find((x) => x.id === g.id && x.name === g.name);
      return found ? `${found.met}/${found.evaluated}` : null;
    });
    b.row([
      s.parts ? s.parts.join(" + ") : s.name,
      s.criteriaSet ? s.criteriaSet.id : "chỉ tiêu ghi trong bảng",
      ...perGroup,
      s.summary.total.met,
      s.summary.total.evaluated,
      s.summary.complete ? COMPLETE_LABEL : INCOMPLETE_LABEL,
      completenessText(s.summary, true),
    ]);
  }
};

/** sheets that were not graded, with the reason (the summary sheet itself is left out) */
export const skippedSection: SummarySection = (b, report) => {
  const skipped = report.skipped.filter((s) => s.name !== (report.summarySheet ?? SUMMARY_SHEET));
  if (skipped.length === 0) return;
  b.blank();
  b.header(["TRANG KHÔNG CHẤM"]);
  b.header(["Trang", "Lý do"]);
  for (const s of skipped) b.row([s.name, s.reason]);
};

export const GROUP_TABLE_HEADERS = [
  "Nhóm tiêu chí",
  "Đạt",
  "Đã đánh giá",
  "Không đạt",
  "Đang thực hiện",
  "Cần xem xét",
  "Không đánh giá",
] as const;

function groupLine(g: GroupSummary): PlanCell[] {
  return [g.name, g.met, g.evaluated, g.notMet, g.underWay, g.toReview, g.notEvaluated];
}

/**
 * Counts per group, summed over all graded sheets, with a total line. The chart "met vs evaluated per
 * group" points at the group lines (header included, total line excluded): with many sheets it shows the
 * sums over all of them.
 */
export const groupsSection: SummarySection = (b, report) => {
  if (report.sheets.length === 0) return;
  const groups = addGroupSummaries(report.sheets.map((s) => s.summary.groups));
  const [total] = addGroupSummaries([report.sheets.map((s) => s.summary.total)]);
  b.blank();
  b.header([
    report.sheets.length > 1
      ? "2. KẾT QUẢ THEO NHÓM TIÊU CHÍ (cộng các trang)"
      : "2. KẾT QUẢ THEO NHÓM TIÊU CHÍ",
  ]);
  const headerRow = b.header(GROUP_TABLE_HEADERS);
  for (const g of groups) b.row(groupLine(g));
  if (total) b.row(groupLine({ ...total, name: TOTAL_GROUP.name }), true);
  if (groups.length > 0)
    b.chart({
      title: "Số chỉ tiêu đạt so với đã đánh giá, theo nhóm",
      kind: "column",
      data: { row: headerRow, col: 0, rows: groups.length + 1, cols: 3 },
    });
};

export const UNMET_HEADERS = ["Trang", "Mã", "Tên chỉ tiêu", "Trạng thái", "Lý do", "Ô"] as const;
const UNMET_STATUS_COLUMN = UNMET_HEADERS.indexOf("Trạng thái");

/** every criterion not met, under way or to review, sheet by sheet, with a status colour */
export const unmetSection: SummarySection = (b, report) => {
  if (report.sheets.length === 0) return;
  b.blank();
  b.header(["3. CHỈ TIÊU CHƯA ĐẠT, ĐANG THỰC HIỆN HOẶC CẦN XEM XÉT"]);
  const unmet = report.sheets.flatMap((s) =>
    s.summary.unmet.map((row) => ({ sheet: row.sheet ?? s.name, row })),
  );
  if (unmet.length === 0) {
    b.row(["Không có chỉ tiêu nào chưa đạt."]);
    return;
  }
  const headerRow = b.header(UNMET_HEADERS);
  for (const { sheet, row } of unmet)
    b.row([
      sheet,
      row.id,
      row.name,
      STATUS_LABELS[row.status],
      reasonText(row),
      a1(row.resultCell.row, row.resultCell.col),
    ]);
  b.format({
    area: { row: headerRow + 1, col: UNMET_STATUS_COLUMN, rows: unmet.length, cols: 1 },
    rules: STATUS_RULES,
  });
};

/** problems found in the data: sheet, cell, value, message */
export const problemsSection: SummarySection = (b, report) => {
  const problems = report.sheets.flatMap((s) => s.problems);
  if (problems.length === 0) return;
  b.blank();
  b.header(["4. DỮ LIỆU CẦN KIỂM TRA"]);
  b.header(["Trang", "Ô", "Giá trị", "Nội dung"]);
  for (const p of problems) b.row([p.sheet, p.cell ?? null, p.value ?? null, p.message]);
};

/** the sections of the summary sheet, top to bottom */
export const SUMMARY_SECTIONS: readonly SummarySection[] = [
  titleSection,
  sheetsSection,
  skippedSection,
  groupsSection,
  unmetSection,
  problemsSection,
];

/** widths in points of the summary sheet's columns, left to right */
export const SUMMARY_COLUMN_WIDTHS: readonly number[] = [170, 110, 260, 110, 260, 90, 110, 110];

/**
 * The summary sheet for a graded workbook, or null when no sheet was graded.
 * @param sections the sections top to bottom; pass more to extend the sheet
 */
export function planSummary(
  report: WorkbookReport,
  sections: readonly SummarySection[] = SUMMARY_SECTIONS,
): SummaryPlan | null {
  if (report.sheets.length === 0) return null;
  const b = new SummaryBuilder();
  for (const section of sections) section(b, report);
  return b.build(SUMMARY_COLUMN_WIDTHS);
}
