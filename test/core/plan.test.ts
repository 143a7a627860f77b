import { OWN_HEADERS, STATUS_LABELS, STATUS_RULES, SUMMARY_SHEET } from "../../shared/labels";
import {
  COMPLETE_LABEL,
  GROUP_TABLE_HEADERS,
  INCOMPLETE_LABEL,
  planSheet,
  planSummary,
  SUMMARY_SECTIONS,
  SUMMARY_TITLE,
  UNMET_HEADERS,
  VERDICT_RULES,
} from "../../shared/report/plan";
import { summarize } from "../../shared/report/summary";
import type {
  GradedRow,
  Grid,
  RawCell,
  SheetPlan,
  SheetReport,
  StatusCode,
  SummaryPlan,
  WorkbookReport,
} from "../../shared/types";

function graded(
  row: number,
  id: string,
  group: string | null,
  status: StatusCode,
  reason = "lý do",
): GradedRow {
  return {
    row,
    id,
    name: `Chỉ tiêu ${id}`,
    group,
    status,
    label: STATUS_LABELS[status],
    reason,
    warnings: [],
    value: "",
    target: "Có",
    resultCell: { row, col: 4 },
  };
}

function grid(rows: number, cols: number, fill: (r: number, c: number) => RawCell = () => null): Grid {
  return {
    values: Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => fill(r, c))),
  };
}

// header on row 2, group row 3, criteria rows 4-5, a repeated header on row 6, criterion row 7
const ANNEX = { headerRow: 2, ownColumn: 6, lastRow: 7 };
const ROWS = [
  graded(4, "1.1", "1", "DAT", "Có"),
  {
    ...graded(5, "1.2", "1", "KHONG_DAT", "54,4% < 60%"),
    warnings: [{ code: "FRACTION_PERCENT_MISMATCH" as const, message: "tỷ lệ ghi 62,23% khác 62,37%" }],
  },
  graded(7, "1.3", "1", "CAN_XEM_XET", "thiếu số liệu (chỉ tiêu tính theo %)"),
];

describe("planSheet", () => {
  let plan: SheetPlan;
  beforeEach(() => {
    plan = planSheet(
      "Xã A",
      ANNEX,
      ROWS,
      grid(8, 6, (r, c) => (r >= 2 ? `x${r}${c}` : null)),
    );
  });

  it("owns two columns from the header row to the last table row", () => {
    expect(plan.sheet).toBe("Xã A");
    expect(plan.own).toEqual({ row: 2, col: 6, rows: 6, cols: 2 });
  });

  it("writes one block covering exactly the own area", () => {
    expect(plan.writes).toHaveLength(1);
    const block = plan.writes[0]!;
    expect([block.row, block.col]).toEqual([plan.own.row, plan.own.col]);
    expect(block.values).toHaveLength(plan.own.rows);
    for (const line of block.values) expect(line).toHaveLength(plan.own.cols);
  });

  it("puts the own headers, then label and reason per graded row, blanks elsewhere", () => {
    expect(plan.writes[0]!.values).toEqual([
      [...OWN_HEADERS],
      [null, null],
      ["Đạt", "Có"],
      ["Không đạt", "54,4% < 60% · tỷ lệ ghi 62,23% khác 62,37%"],
      [null, null],
      ["Cần xem xét", "thiếu số liệu (chỉ tiêu tính theo %)"],
    ]);
  });

  it("colours the status column below the header with one rule per status", () => {
    expect(plan.formats).toEqual([{ area: { row: 3, col: 6, rows: 5, cols: 1 }, rules: STATUS_RULES }]);
    expect(plan.formats[0]!.rules.map((r) => r.text).sort()).toEqual(Object.values(STATUS_LABELS).sort());
  });

  it("never suggests widths for a user's sheet", () => {
    expect(plan.columnWidths).toEqual([]);
  });

  it("reaches down over earlier own cells below the table, blanking them", () => {
    const old = grid(12, 8, (r, c) => (c >= 6 && r >= 2 ? (c === 6 ? "Đạt" : "cũ") : null));
    const again = planSheet("Xã A", ANNEX, ROWS, old);
    expect(again.own).toEqual({ row: 2, col: 6, rows: 10, cols: 2 });
    expect(again.writes[0]!.values.slice(6)).toEqual([
      [null, null],
      [null, null],
      [null, null],
      [null, null],
    ]);
    expect(again.formats[0]!.area.rows).toBe(9);
  });

  it("leaves the user's own text below the table alone (only status labels count as ours)", () => {
    const signed = grid(12, 8, (r, c) =>
      r === 10 && c === 6 ? "Người lập biểu" : r === 11 && c === 7 ? "Đạt" : null,
    );
    expect(planSheet("Xã A", ANNEX, ROWS, signed).own).toEqual(plan.own);
  });

  it("keeps a formula-like reason as the same literal string", () => {
    const p = planSheet(
      "Xã A",
      ANNEX,
      [graded(4, "1.1", "1", "CAN_XEM_XET", '"=1+1" không đọc được')],
      grid(8, 6),
    );
    expect(p.writes[0]!.values[2]).toEqual(["Cần xem xét", '"=1+1" không đọc được']);
  });
});

function sheetReport(name: string, rows: GradedRow[], setId: string | null = "tt-xa-2023"): SheetReport {
  return {
    name,
    criteriaSet: setId ? { id: setId, title: `Bộ ${setId}` } : null,
    setReason: "",
    year: 2023,
    rows,
    summary: summarize(rows, [
      { id: "1", name: "Chính quyền số" },
      { id: "2", name: "Kinh tế số" },
    ]),
    problems: [],
  };
}

function rowOf(plan: SummaryPlan, first: string): number {
  return plan.values.findIndex((line) => line[0] === first);
}

describe("planSummary", () => {
  // computed per test (not in the describe body) so that mutation testing sees which test covers what
  let a: SheetReport;
  let b: SheetReport;
  let report: WorkbookReport;
  let plan: SummaryPlan;
  beforeEach(() => {
    a = sheetReport("Xã A", [
      graded(4, "1.1", "1", "DAT"),
      graded(5, "2.1", "2", "KHONG_DAT", "54,4% < 60%"),
    ]);
    b = sheetReport("Xã B", [graded(4, "1.1", "1", "DAT"), graded(5, "2.1", "2", "DAT")]);
    report = { sheets: [a, b], skipped: [{ name: "Ghi chú", reason: "không thấy dòng tiêu đề" }] };
    plan = planSummary(report)!;
  });

  it("is null when nothing was graded", () => {
    expect(planSummary({ sheets: [], skipped: [{ name: "x", reason: "y" }] })).toBeNull();
  });

  it("targets the summary sheet with rectangular literal values", () => {
    expect(plan.sheet).toBe(SUMMARY_SHEET);
    const width = plan.values[0]!.length;
    for (const line of plan.values) expect(line).toHaveLength(width);
    expect(plan.values[0]![0]).toBe(SUMMARY_TITLE);
    expect(plan.boldRows).toContain(0);
    expect(plan.columnWidths.length).toBeGreaterThan(0);
  });

  it("lists each graded sheet with met/evaluated per group, its share and its verdict", () => {
    const header = rowOf(plan, "STT");
    expect(plan.boldRows).toContain(header);
    expect(plan.values[header]!.slice(0, 9)).toEqual([
      "STT",
      "Trang",
      "Bộ tiêu chí",
      "Chính quyền số (đạt/đánh giá)",
      "Kinh tế số (đạt/đánh giá)",
      "Tổng đạt",
      "Đã đánh giá",
      "Tỷ lệ đạt",
      "Kết luận",
    ]);
    expect(plan.values[header + 1]!.slice(0, 9)).toEqual([
      1,
      "Xã A",
      "tt-xa-2023",
      "1/1",
      "0/1",
      1,
      2,
      0.5,
      INCOMPLETE_LABEL,
    ]);
    expect(plan.values[header + 2]!.slice(0, 9)).toEqual([
      2,
      "Xã B",
      "tt-xa-2023",
      "1/1",
      "1/1",
      2,
      2,
      1,
      COMPLETE_LABEL,
    ]);
    // the share shown as a percentage, the verdict coloured
    expect(plan.layout!.percent).toContainEqual({ row: header + 1, col: 7, rows: 2, cols: 1 });
    expect(plan.formats).toContainEqual({
      area: { row: header + 1, col: 8, rows: 2, cols: 1 },
      rules: VERDICT_RULES,
    });
  });

  it("lists skipped sheets with their reason, but not the summary sheet", () => {
    const withSummary = planSummary({
      ...report,
      skipped: [...report.skipped, { name: SUMMARY_SHEET, reason: "trang tổng hợp do add-in tạo" }],
    })!;
    expect(withSummary.values.some((l) => l[1] === "Ghi chú" && l[2] === "không thấy dòng tiêu đề")).toBe(
      true,
    );
    expect(withSummary.values.some((l) => l[1] === SUMMARY_SHEET)).toBe(false);
  });

  it("charts met vs evaluated per group, summed over the sheets", () => {
    expect(plan.charts).toHaveLength(1);
    const chart = plan.charts[0]!;
    expect(chart.kind).toBe("column");
    const { row, col, rows, cols } = chart.data;
    expect([col, cols, rows]).toEqual([1, 3, 3]);
    const area = plan.values.slice(row, row + rows).map((l) => l.slice(col, col + cols));
    expect(area).toEqual([
      [GROUP_TABLE_HEADERS[1], "Đạt", "Đã đánh giá"],
      ["Chính quyền số", 2, 2],
      ["Kinh tế số", 1, 2],
    ]);
    expect(plan.values[row + rows]!.slice(0, 9)).toEqual([null, "Tổng cộng", 3, 4, 1, 0, 0, 0, 0.75]);
    expect(plan.boldRows).toContain(row + rows);
  });

  it("lists unmet criteria with a status column coloured by label", () => {
    const header = plan.values.findIndex((l) => l[0] === UNMET_HEADERS[0] && l[1] === UNMET_HEADERS[1]);
    expect(plan.values[header]!.slice(0, 6)).toEqual([...UNMET_HEADERS]);
    expect(plan.values[header + 1]!.slice(0, 6)).toEqual([
      "2.1",
      "Chỉ tiêu 2.1",
      "Xã A",
      "Không đạt",
      "54,4% < 60%",
      "E6",
    ]);
    expect(plan.formats).toContainEqual({
      area: { row: header + 1, col: 3, rows: 1, cols: 1 },
      rules: STATUS_RULES,
    });
    expect(plan.formats.filter((f) => f.rules === STATUS_RULES)).toHaveLength(1);
  });

  it("says so when every criterion is met", () => {
    const all = planSummary({ sheets: [b], skipped: [] })!;
    expect(all.values.some((l) => l[0] === "Không có chỉ tiêu nào chưa đạt.")).toBe(true);
    expect(all.formats.filter((f) => f.rules === STATUS_RULES)).toEqual([]);
  });

  it("takes extra sections after the built-in ones", () => {
    const extended = planSummary(report, [
      ...SUMMARY_SECTIONS,
      (builder, r) => {
        builder.blank();
        builder.header(["XẾP HẠNG"]);
        for (const s of r.sheets) builder.row([s.name, s.summary.total.met]);
      },
    ])!;
    const at = rowOf(extended, "XẾP HẠNG");
    expect(at).toBe(plan.values.length + 1);
    expect(extended.boldRows).toContain(at);
    expect(extended.values[at + 2]!.slice(0, 2)).toEqual(["Xã B", 2]);
  });
});
