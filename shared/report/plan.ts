/**
 * The host-neutral edit plan: what the add-in writes on each graded sheet (its own status and reason
 * columns) and on the summary sheet "Tổng hợp CĐS". Hosts apply it as literal text, never as formulas.
 */
import {
  OWN_HEADERS,
  STATUS_COLORS,
  STATUS_LABELS,
  STATUS_RULES,
  SUMMARY_SHEET,
  isOwnLabel,
} from "../labels";
import { charsToPoints, pagesAcross, rowLines, summaryColumnChars } from "./layout";
import { addGroupSummaries, completenessText, TOTAL_GROUP } from "./summary";
import { a1 } from "../text";
import type {
  Annex,
  Area,
  ChartPlan,
  ConditionalFormat,
  ConditionalRule,
  GradedRow,
  Grid,
  GroupSummary,
  PlanCell,
  Problem,
  SheetPlan,
  SheetReport,
  SummaryPlan,
  SummaryTable,
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
    if (typeof v === "string" && isOwnLabel(v)) return r;
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

/** the verdict of a sheet, coloured as a met (green) or an unmet (red) criterion */
export const VERDICT_RULES: readonly ConditionalRule[] = [
  { status: "DAT", text: "Hoàn thành", ...STATUS_COLORS.DAT },
  { status: "KHONG_DAT", text: "Chưa hoàn thành", ...STATUS_COLORS.KHONG_DAT },
];

/** what a table of the summary sheet asks for beyond its cells */
export interface TableOptions {
  /** columns (0-based, in the table) holding shares as fractions, shown as percentages */
  readonly percentColumns?: readonly number[];
  /** columns holding a verdict (`Hoàn thành` / `Chưa hoàn thành`), coloured by VERDICT_RULES */
  readonly verdictColumns?: readonly number[];
  /** columns holding status labels, coloured by STATUS_RULES */
  readonly statusColumns?: readonly number[];
}

/** where a table landed on the sheet */
export interface PlacedTable {
  /** its last header row */
  readonly header: number;
  /** its first body row */
  readonly first: number;
}

/**
 * Collects rows, bold rows, tables, formats and charts while sections add to the summary sheet; `build`
 * works out the column widths from the tables' contents (layout.ts).
 */
export class SummaryBuilder {
  private readonly rows: PlanCell[][] = [];
  private readonly bold: number[] = [];
  private readonly formats: ConditionalFormat[] = [];
  private readonly charts: ChartPlan[] = [];
  private readonly tables: SummaryTable[] = [];
  private readonly percent: Area[] = [];
  private frozen = 0;

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

  /** shows a row already added bold (a total line) */
  boldRow(index: number): void {
    if (!this.bold.includes(index)) this.bold.push(index);
  }

  /** adds an empty row between sections */
  blank(): void {
    this.rows.push([]);
  }

  /**
   * Adds a table from column A: its header rows (bold, wrapped, filled) and its body, all bordered;
   * shares, verdicts and statuses formatted as `options` says.
   */
  table(
    headers: readonly (readonly PlanCell[])[],
    body: readonly (readonly PlanCell[])[],
    options: TableOptions = {},
  ): PlacedTable {
    const top = this.nextRow;
    for (const h of headers) this.header(h);
    const first = this.nextRow;
    for (const r of body) this.row(r);
    const cols = Math.max(0, ...headers.map((h) => h.length), ...body.map((r) => r.length));
    this.tables.push({
      area: { row: top, col: 0, rows: headers.length + body.length, cols },
      headerRows: headers.length,
    });
    if (body.length > 0) {
      for (const col of options.percentColumns ?? [])
        this.percent.push({ row: first, col, rows: body.length, cols: 1 });
      for (const col of options.verdictColumns ?? [])
        this.format({ area: { row: first, col, rows: body.length, cols: 1 }, rules: VERDICT_RULES });
      for (const col of options.statusColumns ?? [])
        this.format({ area: { row: first, col, rows: body.length, cols: 1 }, rules: STATUS_RULES });
    }
    return { header: first - 1, first };
  }

  /** keeps the rows added so far (the title block) in view and repeats them on every printed page */
  freeze(): void {
    this.frozen = this.rows.length;
  }

  format(format: ConditionalFormat): void {
    if (format.area.rows > 0 && format.area.cols > 0) this.formats.push(format);
  }

  chart(chart: ChartPlan): void {
    this.charts.push(chart);
  }

  /**
   * The plan, every row padded to the same width. Column widths come from the tables' contents unless
   * `columnWidths` is given (in points).
   */
  build(columnWidths?: readonly number[]): SummaryPlan {
    let width = columnWidths?.length ?? 0;
    for (const r of this.rows) width = Math.max(width, r.length);
    const values = this.rows.map((r) => {
      const padded: PlanCell[] = r.slice();
      while (padded.length < width) padded.push(null);
      return padded;
    });
    const frozenRows = Math.min(this.frozen, values.length);
    const chars = summaryColumnChars(values, this.tables, this.percent);
    const widths = columnWidths?.slice() ?? chars.map(charsToPoints);
    return {
      sheet: SUMMARY_SHEET,
      values,
      boldRows: this.bold.slice(),
      formats: this.formats.slice(),
      charts: this.charts.slice(),
      columnWidths: widths,
      layout: {
        tables: this.tables.slice(),
        rowLines: rowLines(values, this.tables, chars),
        percent: this.percent.slice(),
        frozenRows,
        print: {
          paper: "A4",
          orientation: "landscape",
          fitToWidth: pagesAcross(widths),
          titleRows: { row: 0, rows: Math.max(1, frozenRows) },
        },
      },
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

/** title, then criteria set(s), year(s) and sheet counts on one line: the frozen, printed title block */
export const titleSection: SummarySection = (b, report) => {
  b.header([SUMMARY_TITLE]);
  const sets = distinct(report.sheets.map(setTitle));
  const years = distinct(report.sheets.map((s) => String(s.year)));
  const complete = report.sheets.filter((s) => s.summary.complete).length;
  b.row([
    [
      `Bộ tiêu chí: ${sets.length > 0 ? sets.join("; ") : "không có"}`,
      `năm đánh giá: ${years.length > 0 ? years.join(", ") : "không có"}`,
      `số trang đã chấm: ${report.sheets.length}, hoàn thành: ${complete}`,
    ].join(" · "),
  ]);
  b.freeze();
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

/** a share as the fraction a percent-formatted cell holds (0.914 → 91,4%), or a text when nothing was evaluated */
export function shareCell(met: number, evaluated: number): PlanCell {
  return evaluated > 0 ? Math.round((met / evaluated) * 10000) / 10000 : "không có chỉ tiêu đánh giá";
}

export const SHEETS_TITLE = "1. KẾT QUẢ THEO TRANG";

/** one line per graded sheet, in workbook order: set, met/evaluated per group, totals, share, verdict */
export const sheetsSection: SummarySection = (b, report) => {
  if (report.sheets.length === 0) return;
  b.blank();
  b.header([SHEETS_TITLE]);
  const groups = groupsOf(report);
  const header = [
    "STT",
    "Trang",
    "Bộ tiêu chí",
    ...groups.map((g) => `${g.name} (đạt/đánh giá)`),
    "Tổng đạt",
    "Đã đánh giá",
    "Tỷ lệ đạt",
    "Kết luận",
    "Đủ tiêu chí",
  ];
  const body = report.sheets.map((s, i) => {
    const perGroup = groups.map((g) => {
      const found = s.summary.groups.find((x) => x.id === g.id && x.name === g.name);
      return found ? `${found.met}/${found.evaluated}` : null;
    });
    return [
      i + 1,
      s.parts ? s.parts.join(" + ") : s.name,
      s.criteriaSet ? s.criteriaSet.id : "chỉ tiêu ghi trong bảng",
      ...perGroup,
      s.summary.total.met,
      s.summary.total.evaluated,
      shareCell(s.summary.total.met, s.summary.total.evaluated),
      s.summary.complete ? COMPLETE_LABEL : INCOMPLETE_LABEL,
      completenessText(s.summary, true),
    ];
  });
  b.table([header], body, {
    percentColumns: [header.indexOf("Tỷ lệ đạt")],
    verdictColumns: [header.indexOf("Kết luận")],
  });
};

export const SKIPPED_TITLE = "TRANG KHÔNG CHẤM";

/** sheets that were not graded, with the reason (the summary sheet itself is left out) */
export const skippedSection: SummarySection = (b, report) => {
  const skipped = report.skipped.filter((s) => s.name !== (report.summarySheet ?? SUMMARY_SHEET));
  if (skipped.length === 0) return;
  b.blank();
  b.header([SKIPPED_TITLE]);
  b.table(
    [["STT", "Trang", "Lý do"]],
    skipped.map((s, i) => [i + 1, s.name, s.reason]),
  );
};

export const GROUP_TABLE_HEADERS = [
  "STT",
  "Nhóm tiêu chí",
  "Đạt",
  "Đã đánh giá",
  "Không đạt",
  "Đang thực hiện",
  "Cần xem xét",
  "Không đánh giá",
  "Tỷ lệ đạt",
] as const;

function groupLine(g: GroupSummary, index: number | null): PlanCell[] {
  return [
    index,
    g.name,
    g.met,
    g.evaluated,
    g.notMet,
    g.underWay,
    g.toReview,
    g.notEvaluated,
    shareCell(g.met, g.evaluated),
  ];
}

/**
 * Counts per group, summed over all graded sheets, with a total line. The chart "met vs evaluated per
 * group" points at the group lines (name, met, evaluated; header included, total line excluded): with many
 * sheets it shows the sums over all of them.
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
  const body = groups.map((g, i) => groupLine(g, i + 1));
  if (total) body.push(groupLine({ ...total, name: TOTAL_GROUP.name }, null));
  const { header } = b.table([GROUP_TABLE_HEADERS], body, {
    percentColumns: [GROUP_TABLE_HEADERS.length - 1],
  });
  if (total) b.boldRow(header + body.length);
  if (groups.length > 0)
    b.chart({
      title: "Số chỉ tiêu đạt so với đã đánh giá, theo nhóm",
      kind: "column",
      data: { row: header, col: 1, rows: groups.length + 1, cols: 3 },
    });
};

export const UNMET_HEADERS = ["Mã", "Tên chỉ tiêu", "Trang", "Trạng thái", "Lý do", "Ô"] as const;
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
  b.table(
    [UNMET_HEADERS],
    unmet.map(({ sheet, row }) => [
      row.id,
      row.name,
      sheet,
      STATUS_LABELS[row.status],
      reasonText(row),
      a1(row.resultCell.row, row.resultCell.col),
    ]),
    { statusColumns: [UNMET_STATUS_COLUMN] },
  );
};

export const PROBLEM_HEADERS = ["Ô", "Nội dung", "Trang", "Giá trị"] as const;

/** a problem found in the data as a line of the problems table */
export function problemLine(p: Problem): PlanCell[] {
  return [p.cell ?? null, p.message, p.sheet, p.value ?? null];
}

/** problems found in the data: cell, message, sheet, value */
export const problemsSection: SummarySection = (b, report) => {
  const problems = report.sheets.flatMap((s) => s.problems);
  if (problems.length === 0) return;
  b.blank();
  b.header(["4. DỮ LIỆU CẦN KIỂM TRA"]);
  b.table([PROBLEM_HEADERS], problems.map(problemLine));
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
  return b.build();
}
