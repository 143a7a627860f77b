import { STATUS_LABELS, STATUS_RULES } from "../../shared/labels";
import { SummaryBuilder } from "../../shared/report/plan";
import {
  DISPUTES_TITLE,
  MATRIX_NAMES_LABEL,
  rankingTable,
  MATRIX_TITLE,
  NO_ROW_LABEL,
  RANKING_TITLE,
  SHARE_CHART_TITLE,
  rollup,
  rollupMatrix,
  rollupSections,
} from "../../shared/report/rollup";
import { summarize } from "../../shared/report/summary";
import type {
  CommuneName,
  CriteriaSet,
  GradedRow,
  GradeWarning,
  SheetReport,
  StatusCode,
  SummaryPlan,
} from "../../shared/types";

const GROUPS = [
  { id: "1", name: "Chính quyền số" },
  { id: "2", name: "Kinh tế số" },
];

type Line = [id: string, status: StatusCode, warnings?: GradeWarning[]];

const NAMES: Record<string, string> = {
  "1.1": "Xây dựng chỉ tiêu CĐS",
  "1.2": "Văn bản điện tử",
  "2.1": "Tuyên truyền kinh tế số",
  "2.4": "Thanh toán không tiền mặt",
};

function report(name: string, lines: Line[], setId: string | null = "demo"): SheetReport {
  const rows: GradedRow[] = lines.map(([id, status, warnings = []], i) => ({
    row: 5 + i,
    id,
    name: NAMES[id] ?? `Chỉ tiêu ${id}`,
    group: id.split(".")[0]!,
    criterionId: id,
    status,
    label: STATUS_LABELS[status],
    reason: "lý do",
    warnings,
    value: "",
    target: "",
    resultCell: { row: 5 + i, col: 4 },
  }));
  return {
    name,
    criteriaSet: setId ? { id: setId, title: "Bộ thử" } : null,
    setReason: "",
    year: 2023,
    rows,
    summary: summarize(rows, GROUPS),
    problems: [],
  };
}

const title = (commune: string): CommuneName => ({ commune, source: "title" });

const SELF: GradeWarning = {
  code: "SELF_ASSESSMENT_DIFFERS",
  message: 'xã tự đánh giá "Đạt", kết quả chấm "Không đạt"',
};

describe("rollup", () => {
  it("ranks by share met, then total met; ties share a rank (1, 2, 2, 4)", () => {
    const reports = [
      report("A", [
        ["1.1", "DAT"],
        ["1.2", "KHONG_DAT"],
      ]), // 1/2 = 50%
      report("B", [
        ["1.1", "DAT"],
        ["1.2", "DAT"],
        ["2.1", "DAT"],
        ["2.4", "KHONG_DANH_GIA"],
      ]), // 3/3
      report("C", [
        ["1.1", "DAT"],
        ["1.2", "CAN_XEM_XET"],
      ]), // 1/2 = 50%, tie with A
      report("D", [
        ["1.1", "DAT"],
        ["1.2", "DAT"],
        ["2.1", "KHONG_DAT"],
        ["2.4", "DANG_THUC_HIEN"],
      ]), // 2/4 = 50%, more met
      report("E", [["1.1", "KHONG_DANH_GIA"]]), // nothing evaluated
    ];
    const entries = rollup(reports, ["a", "b", "c", "d", "e"].map(title));
    expect(entries.map((e) => [e.sheet, e.rank])).toEqual([
      ["B", 1],
      ["D", 2],
      ["A", 3],
      ["C", 3],
      ["E", 5],
    ]);
    const d = entries.find((e) => e.sheet === "D")!;
    expect(d).toMatchObject({
      commune: "d",
      source: "title",
      met: 2,
      evaluated: 4,
      share: 50,
      notMet: 1,
      underWay: 1,
    });
    expect(d.groups).toEqual([
      { id: "1", name: "Chính quyền số", met: 2, evaluated: 2 },
      { id: "2", name: "Kinh tế số", met: 0, evaluated: 2 },
    ]);
    expect(d.unmet.map((c) => [c.id, c.status])).toEqual([
      ["2.1", "KHONG_DAT"],
      ["2.4", "DANG_THUC_HIEN"],
    ]);
    expect(entries.find((e) => e.sheet === "B")!.complete).toBe(true);
    expect(entries.find((e) => e.sheet === "C")!.toReview).toBe(1);
    expect(entries.find((e) => e.sheet === "E")!.share).toBeNull();
  });

  it("gives every commune rank 1 when all are equal", () => {
    const r = [report("A", [["1.1", "DAT"]]), report("B", [["1.1", "DAT"]]), report("C", [["1.1", "DAT"]])];
    expect(rollup(r, ["a", "b", "c"].map(title)).map((e) => e.rank)).toEqual([1, 1, 1]);
  });

  it("lists the criteria a commune's self-assessment disputes", () => {
    const entries = rollup(
      [
        report("A", [
          ["1.1", "DAT"],
          ["2.4", "KHONG_DAT", [SELF]],
          ["1.2", "DAT"],
        ]),
      ],
      [{ commune: "xã A", source: "sheet" }],
    );
    expect(entries[0]!.disputes).toEqual([
      { id: "2.4", name: "Thanh toán không tiền mặt", status: "KHONG_DAT", message: SELF.message },
    ]);
  });

  it("refuses communes that do not match the reports", () => {
    expect(() => rollup([report("A", [])], [])).toThrow(RangeError);
  });
});

const SET: CriteriaSet = {
  id: "demo",
  title: "Bộ thử",
  legalBasis: "QĐ thử",
  groups: GROUPS,
  criteria: ["1.1", "1.2", "2.1", "2.4", "2.5"].map((id) => ({
    id,
    group: id.split(".")[0]!,
    name: NAMES[id] ?? `Tên trong bộ ${id}`,
    keywords: [],
    target: { kind: "yes", word: "Có" },
    notEvaluatedIn: [],
  })),
};

describe("rankingTable", () => {
  it("gives the ranking in short, best first, ties sharing a rank", () => {
    const reports = [
      report("A", [
        ["1.1", "DAT"],
        ["1.2", "KHONG_DAT"],
      ]),
      report("B", [
        ["1.1", "DAT"],
        ["1.2", "DAT"],
      ]),
      report("C", [["1.1", "KHONG_DANH_GIA"]]),
      report("D", [
        ["1.1", "KHONG_DAT"],
        ["1.2", "DAT"],
      ]),
    ];
    const table = rankingTable(rollup(reports, ["xã A", "xã B", "xã C", "xã D"].map(title)));
    expect(table.header).toEqual(["Hạng", "Xã/phường", "Trang tính", "Đạt/Đánh giá", "Tỷ lệ", "Kết luận"]);
    expect(table.rows).toEqual([
      ["1", "xã B", "B", "2/2", "100%", "Hoàn thành"],
      ["2", "xã A", "A", "1/2", "50%", "Chưa hoàn thành"],
      ["2", "xã D", "D", "1/2", "50%", "Chưa hoàn thành"],
      ["4", "xã C", "C", "0/0", "—", expect.any(String)],
    ]);
    expect(table.numeric.map((i) => table.header[i])).toEqual(["Hạng", "Đạt/Đánh giá", "Tỷ lệ"]);
  });
});

describe("rollupMatrix", () => {
  it("puts criteria in set order and communes in ranking order, null where a row is missing", () => {
    const reports = [
      report("A", [
        ["2.4", "KHONG_DAT"],
        ["1.1", "DAT"],
      ]),
      report("B", [
        ["1.1", "DAT"],
        ["1.2", "DAT"],
        ["9.9", "CAN_XEM_XET"],
      ]),
    ];
    const entries = rollup(reports, [title("xã A"), title("xã B")]);
    const matrix = rollupMatrix(reports, entries, [SET]);
    expect(matrix.communes).toEqual(["xã B", "xã A"]);
    expect(matrix.ranks).toEqual([1, 2]);
    expect(matrix.rows).toEqual([
      { id: "1.1", name: "Xây dựng chỉ tiêu CĐS", statuses: ["DAT", "DAT"] },
      { id: "1.2", name: "Văn bản điện tử", statuses: ["DAT", null] },
      { id: "2.4", name: "Thanh toán không tiền mặt", statuses: [null, "KHONG_DAT"] },
      { id: "9.9", name: "Chỉ tiêu 9.9", statuses: ["CAN_XEM_XET", null] },
    ]);
  });

  it("keeps first-seen order without the set", () => {
    const reports = [
      report(
        "A",
        [
          ["2.4", "DAT"],
          ["1.1", "KHONG_DAT"],
        ],
        null,
      ),
    ];
    const matrix = rollupMatrix(reports, rollup(reports, [title("a")]));
    expect(matrix.rows.map((r) => r.id)).toEqual(["2.4", "1.1"]);
  });
});

function build(sections: ReturnType<typeof rollupSections>, reportSheets: SheetReport[]): SummaryPlan {
  const b = new SummaryBuilder();
  b.header(["TIÊU ĐỀ"]);
  for (const s of sections) s(b, { sheets: reportSheets, skipped: [] });
  return b.build([]);
}

function rowIndex(plan: SummaryPlan, first: string): number {
  return plan.values.findIndex((r) => r[0] === first);
}

describe("rollupSections", () => {
  // computed per test (not in the describe body) so that mutation testing sees which test covers what
  let reports: SheetReport[];
  let plan: SummaryPlan;
  beforeEach(() => {
    reports = [
      report("Trang A", [
        ["1.1", "DAT"],
        ["1.2", "KHONG_DAT", [SELF]],
        ["2.4", "DAT"],
      ]),
      report("Trang B", [
        ["1.1", "DAT"],
        ["1.2", "DAT"],
        ["2.4", "DAT"],
      ]),
    ];
    const entries = rollup(reports, [title("xã Hoằng Phụ"), { commune: "Quảng Ngọc", source: "file" }]);
    plan = build(rollupSections({ sheets: reports, skipped: [], rollup: entries }, [SET]), reports);
  });

  it("writes the ranking table with groups, share, verdict and unmet criteria", () => {
    const at = rowIndex(plan, RANKING_TITLE);
    expect(at).toBeGreaterThan(0);
    const header = plan.values[at + 1]!;
    expect(header.slice(0, 6)).toEqual([
      "Hạng",
      "Xã, phường, thị trấn",
      "Tên lấy từ",
      "Trang",
      "Chính quyền số (đạt/đánh giá)",
      "Kinh tế số (đạt/đánh giá)",
    ]);
    expect(plan.values[at + 2]!.slice(0, 13)).toEqual([
      1,
      "Quảng Ngọc",
      "tên tệp",
      "Trang B",
      "2/2",
      "1/1",
      3,
      3,
      1,
      0,
      0,
      "Hoàn thành",
      "không có",
    ]);
    const second = plan.values[at + 3]!;
    expect(second.slice(0, 3)).toEqual([2, "xã Hoằng Phụ", "tiêu đề"]);
    // the share as a fraction in a percent-formatted cell
    expect(second[header.indexOf("Tỷ lệ đạt")]).toBe(0.6667);
    expect(plan.layout!.percent).toContainEqual({
      row: at + 2,
      col: header.indexOf("Tỷ lệ đạt"),
      rows: 2,
      cols: 1,
    });
    expect(second[header.indexOf("Kết luận")]).toBe("Chưa hoàn thành");
    // codes only: the names are in the matrix and in section 3
    expect(second[header.indexOf("Chỉ tiêu chưa đạt")]).toBe("1.2");
    expect(plan.boldRows).toEqual(expect.arrayContaining([at, at + 1]));
  });

  it("charts the share met over a two-column data area", () => {
    expect(plan.charts).toHaveLength(1);
    const chart = plan.charts[0]!;
    expect(chart.title).toBe(SHARE_CHART_TITLE);
    const { row, col, rows, cols } = chart.data;
    const area = plan.values.slice(row, row + rows).map((r) => r.slice(col, col + cols));
    expect(area).toEqual([
      ["Xã, phường, thị trấn", "Tỷ lệ đạt (%)"],
      ["Quảng Ngọc", 100],
      ["xã Hoằng Phụ", 66.7],
    ]);
  });

  it("writes the matrix of status labels with the status colours, criteria down when communes are fewer", () => {
    const at = rowIndex(plan, MATRIX_TITLE);
    expect(plan.values.slice(at + 1, at + 5).map((r) => r.slice(0, 4))).toEqual([
      ["Mã", "Tên chỉ tiêu", "Quảng Ngọc", "xã Hoằng Phụ"],
      ["1.1", "Xây dựng chỉ tiêu CĐS", "Đạt", "Đạt"],
      ["1.2", "Văn bản điện tử", "Đạt", "Không đạt"],
      ["2.4", "Thanh toán không tiền mặt", "Đạt", "Đạt"],
    ]);
    const matrixFormat = plan.formats.find((f) => f.area.row === at + 2);
    expect(matrixFormat).toEqual({ area: { row: at + 2, col: 2, rows: 3, cols: 2 }, rules: STATUS_RULES });
  });

  it("turns the matrix round when communes outnumber criteria: communes down in ranking order", () => {
    const many = ["1.1", "1.2", "2.4", "1.1"].map((id, i) =>
      report(`Trang ${i + 1}`, [
        ["1.1", i === 1 ? "KHONG_DAT" : "DAT"],
        ...(i === 3 ? [] : [[id === "1.1" ? "2.4" : id, "DAT"] as Line]),
      ]),
    );
    const e = rollup(
      many,
      many.map((_, i) => title(`xã ${String.fromCharCode(65 + i)}`)),
    );
    const p = build(rollupSections({ sheets: many, skipped: [], rollup: e }, [SET]), many);
    const at = rowIndex(p, MATRIX_TITLE);
    const ids = p.values[at + 2]!.slice(2, 5);
    expect(p.values[at + 2]!.slice(0, 2)).toEqual(["Hạng", "Xã, phường, thị trấn"]);
    expect(ids).toEqual(["1.1", "1.2", "2.4"]);
    expect(p.values[at + 1]!.slice(1, 5)).toEqual([
      MATRIX_NAMES_LABEL,
      "Xây dựng chỉ tiêu CĐS",
      "Văn bản điện tử",
      "Thanh toán không tiền mặt",
    ]);
    const rows = p.values.slice(at + 3, at + 7).map((r) => r.slice(0, 5));
    expect(rows.map((r) => r[0])).toEqual(e.map((x) => x.rank));
    expect(rows.map((r) => r[1])).toEqual(e.map((x) => x.commune));
    const b = rows.find((r) => r[1] === "xã B")!;
    expect(b.slice(2)).toEqual(["Không đạt", "Đạt", NO_ROW_LABEL]);
    const d = rows.find((r) => r[1] === "xã D")!;
    expect(d.slice(2)).toEqual(["Đạt", NO_ROW_LABEL, NO_ROW_LABEL]);
    expect(p.formats).toContainEqual({
      area: { row: at + 3, col: 2, rows: 4, cols: 3 },
      rules: STATUS_RULES,
    });
  });

  it("lists the disputes with our grade coloured", () => {
    const at = rowIndex(plan, DISPUTES_TITLE);
    expect(plan.values[at + 2]!.slice(0, 5)).toEqual([
      "1.2",
      "Văn bản điện tử",
      "xã Hoằng Phụ",
      "Không đạt",
      SELF.message,
    ]);
    expect(plan.formats).toContainEqual({
      area: { row: at + 2, col: 3, rows: 1, cols: 1 },
      rules: STATUS_RULES,
    });
  });

  it("says so when no commune disputes, and writes the missing-row label in the matrix", () => {
    const r = [report("A", [["1.1", "DAT"]]), report("B", [["1.2", "DAT"]])];
    const e = rollup(r, [title("a"), title("b")]);
    const p = build(rollupSections({ sheets: r, skipped: [], rollup: e }, [SET]), r);
    const at = rowIndex(p, DISPUTES_TITLE);
    expect(p.values[at + 1]![0]).toBe("Không có xã nào tự đánh giá khác kết quả chấm.");
    const m = rowIndex(p, MATRIX_TITLE);
    expect(p.values[m + 2]!.slice(0, 4)).toEqual(["1.1", "Xây dựng chỉ tiêu CĐS", "Đạt", NO_ROW_LABEL]);
  });

  it("adds nothing without a roll-up", () => {
    expect(rollupSections({ sheets: reports, skipped: [] })).toEqual([]);
  });
});
