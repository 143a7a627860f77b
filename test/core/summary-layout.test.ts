/**
 * The summary sheet's layout: sections share the sheet's columns, so each column holds one kind of content
 * in every table (A a short key, B a name, C on values), widths fit what the tables hold, wrapped rows are
 * counted, the title block is frozen and printed on every page.
 */
import { NAMES_2023_HOANG_PHU, RESULTS_HOANG_PHU } from "./table.fixtures";
import { gradeWorkbook, type SheetInput } from "../../shared/report/workbook";
import {
  A4_LANDSCAPE_POINTS,
  charsToPoints,
  columnCap,
  MIN_PRINT_SCALE,
  pagesAcross,
  tableNeeds,
  wrappedLines,
} from "../../shared/report/layout";
import type { PlanCell, SummaryPlan } from "../../shared/types";

function annex(i: number): SheetInput {
  return {
    name: `Xã ${i}`,
    grid: {
      values: [
        [`UBND XÃ SỐ ${i}`],
        ["TT", "Tên chỉ tiêu", "Chỉ tiêu", "Kết quả thực hiện"],
        ...NAMES_2023_HOANG_PHU.map(([id, n]) => [id, n, null, RESULTS_HOANG_PHU[id] ?? null]),
      ],
    },
  };
}

function summaryOf(communes: number): SummaryPlan {
  const sheets = Array.from({ length: communes }, (_, i) => annex(i + 1));
  const note = { name: "Ghi chú", grid: { values: [["chỉ là ghi chú"]] } };
  return gradeWorkbook([...sheets, note]).plan.summary!;
}

/** headers naming a short key (column A) and a name (column B) */
const KEY_HEADERS = new Set<PlanCell>(["STT", "Hạng", "Mã", "Ô", null]);
const NAME_HEADERS = new Set<PlanCell>([
  "Trang",
  "Xã, phường, thị trấn",
  "Tên chỉ tiêu",
  "Nhóm tiêu chí",
  "Nội dung",
]);

/** names that need the wide column B */
const LONG_HEADERS = new Set<PlanCell>(["Tên chỉ tiêu", "Nhóm tiêu chí", "Nội dung"]);

/** the header cells of every table, column by column */
function headersByColumn(plan: SummaryPlan): Map<number, PlanCell[]> {
  const out = new Map<number, PlanCell[]>();
  for (const t of plan.layout!.tables) {
    const header = plan.values[t.area.row + t.headerRows - 1]!;
    for (let c = t.area.col; c < t.area.col + t.area.cols; c++)
      out.set(c, [...(out.get(c) ?? []), header[c]!]);
  }
  return out;
}

describe.each([
  ["a district (3 communes, criteria down in the matrix)", 3],
  ["a province (40 communes, communes down in the matrix)", 40],
])("the summary sheet of %s", (_, communes) => {
  const plan = summaryOf(communes);
  const layout = plan.layout!;

  it("holds one kind of content per column in every table: A keys, B names, C on values", () => {
    expect(layout.tables.length).toBeGreaterThanOrEqual(6);
    const byColumn = headersByColumn(plan);
    for (const h of byColumn.get(0)!) expect(KEY_HEADERS).toContain(h);
    for (const h of byColumn.get(1)!) expect(NAME_HEADERS).toContain(h);
    // the long names (criteria, groups, messages) never fall in a value column
    for (const [c, headers] of byColumn)
      if (c >= 2) for (const h of headers) expect(LONG_HEADERS.has(h) ? `${c}: ${String(h)}` : "").toBe("");
    // column A's body cells are short keys (ranks, codes, cells)
    for (const t of layout.tables)
      for (let r = t.area.row + t.headerRows; r < t.area.row + t.area.rows; r++) {
        const v = plan.values[r]![0];
        expect(v === null || typeof v === "number" || v.length <= columnCap(0)).toBe(true);
      }
  });

  it("makes each column as wide as the widest content of its tables, up to its kind's cap", () => {
    const needs = plan.columnWidths.map(() => 0);
    for (const t of layout.tables)
      tableNeeds(plan.values, t, layout.percent).forEach((n, j) => (needs[j] = Math.max(needs[j]!, n)));
    needs.forEach((n, c) => {
      expect(n).toBeLessThanOrEqual(columnCap(c));
      expect(plan.columnWidths[c]).toBe(charsToPoints(Math.max(5, n)));
    });
    // criterion names fill the name column; no value column is as wide
    expect(plan.columnWidths[1]).toBe(charsToPoints(columnCap(1)));
    expect(Math.max(...plan.columnWidths.slice(2))).toBeLessThanOrEqual(charsToPoints(columnCap(2)));
  });

  it("counts the lines of wrapped rows, freezes the title block and prints A4 landscape, pages across as needed", () => {
    expect(layout.rowLines).toHaveLength(plan.values.length);
    expect(Math.max(...layout.rowLines)).toBeGreaterThan(1);
    expect(layout.frozenRows).toBe(2);
    expect(plan.values[0]![0]).toMatch(/^TỔNG HỢP/);
    expect(layout.print).toEqual({
      paper: "A4",
      orientation: "landscape",
      fitToWidth: pagesAcross(plan.columnWidths),
      titleRows: { row: 0, rows: 2 },
    });
    // one page across for a district; a province's matrix (a column per criterion) would shrink a single
    // page below MIN_PRINT_SCALE, so it prints more pages across
    const total = plan.columnWidths.reduce((n, w) => n + w, 0);
    expect(layout.print.fitToWidth).toBe(
      communes === 3 ? 1 : Math.ceil((total * MIN_PRINT_SCALE) / A4_LANDSCAPE_POINTS),
    );
    if (communes > 3) expect(layout.print.fitToWidth).toBeGreaterThan(1);
  });

  it("borders every table from its header to its last row, the tables apart", () => {
    const rows = layout.tables.map((t) => [t.area.row, t.area.row + t.area.rows - 1]);
    for (let i = 1; i < rows.length; i++) expect(rows[i]![0]).toBeGreaterThan(rows[i - 1]![1]! + 1);
    for (const t of layout.tables) expect(plan.boldRows).toContain(t.area.row);
  });
});

it("wraps texts word by word", () => {
  expect(wrappedLines("Tỷ lệ hồ sơ", 20)).toBe(1);
  expect(wrappedLines("Tỷ lệ hồ sơ TTHC tiếp nhận", 10)).toBe(3);
  expect(wrappedLines("Chính quyền số (đạt/đánh giá)", 15)).toBe(2);
  expect(wrappedLines("abcdefghijklmnopqrstuvwxyz", 10)).toBe(3);
});
