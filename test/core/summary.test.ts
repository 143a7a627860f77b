import { STATUS_LABELS } from "../../shared/labels";
import { findSet } from "../../shared/criteria";
import {
  absentCriteria,
  addGroupSummaries,
  completenessText,
  OTHER_GROUP,
  summarize,
} from "../../shared/report/summary";
import type { CriteriaSet, GradedRow, StatusCode } from "../../shared/types";

const SET_2023 = findSet("tt-xa-2023")!;

function graded(row: number, id: string, group: string | null, status: StatusCode): GradedRow {
  return {
    row,
    id,
    name: `Chỉ tiêu ${id}`,
    group,
    status,
    label: STATUS_LABELS[status],
    reason: "lý do",
    warnings: [],
    value: "",
    target: "Có",
    resultCell: { row, col: 4 },
  };
}

const GROUPS = [
  { id: "1", name: "Chính quyền số" },
  { id: "2", name: "Kinh tế số" },
];

describe("summarize", () => {
  const rows = [
    graded(5, "1.1", "1", "DAT"),
    graded(6, "1.2", "1", "KHONG_DAT"),
    graded(7, "1.3", "1", "KHONG_DANH_GIA"),
    graded(9, "2.1", "2", "DANG_THUC_HIEN"),
    graded(10, "2.2", "2", "CAN_XEM_XET"),
    graded(11, "2.3", "2", "DAT"),
  ];

  it("counts each status per group and overall", () => {
    const s = summarize(rows, GROUPS);
    expect(s.groups).toEqual([
      {
        id: "1",
        name: "Chính quyền số",
        evaluated: 2,
        met: 1,
        notMet: 1,
        underWay: 0,
        toReview: 0,
        notEvaluated: 1,
      },
      {
        id: "2",
        name: "Kinh tế số",
        evaluated: 3,
        met: 1,
        notMet: 0,
        underWay: 1,
        toReview: 1,
        notEvaluated: 0,
      },
    ]);
    expect(s.total).toMatchObject({
      evaluated: 5,
      met: 2,
      notMet: 1,
      underWay: 1,
      toReview: 1,
      notEvaluated: 1,
    });
    expect(s.complete).toBe(false);
  });

  it("lists every row neither DAT nor KHONG_DANH_GIA, in sheet order", () => {
    const shuffled = [rows[4]!, rows[1]!, rows[3]!, rows[0]!];
    expect(summarize(shuffled, GROUPS).unmet.map((r) => r.id)).toEqual(["1.2", "2.1", "2.2"]);
  });

  it("is complete when every evaluated row is DAT", () => {
    const s = summarize([graded(1, "1.1", "1", "DAT"), graded(2, "1.11", "1", "KHONG_DANH_GIA")], GROUPS);
    expect(s.complete).toBe(true);
    expect(s.unmet).toEqual([]);
  });

  it("is not complete when nothing was evaluated", () => {
    expect(summarize([graded(1, "1.11", "1", "KHONG_DANH_GIA")], GROUPS).complete).toBe(false);
    expect(summarize([], GROUPS).complete).toBe(false);
  });

  it("puts rows without a known group into Khác, only when there are such rows", () => {
    const s = summarize(
      [graded(1, "a", null, "DAT"), graded(2, "b", "9", "KHONG_DAT"), graded(3, "1.1", "1", "DAT")],
      GROUPS,
    );
    expect(s.groups.map((g) => g.name)).toEqual(["Chính quyền số", "Kinh tế số", "Khác"]);
    expect(s.groups[2]).toMatchObject({ id: OTHER_GROUP.id, evaluated: 2, met: 1, notMet: 1 });
    expect(summarize(rows, GROUPS).groups.some((g) => g.name === "Khác")).toBe(false);
  });

  it("lists a group given twice once", () => {
    expect(summarize(rows, [...GROUPS, GROUPS[0]!]).groups).toHaveLength(2);
  });
});

describe("addGroupSummaries", () => {
  it("sums the same group over several sheets, keeping first-seen order", () => {
    const a = summarize([graded(1, "1.1", "1", "DAT"), graded(2, "2.1", "2", "KHONG_DAT")], GROUPS).groups;
    const b = summarize([graded(1, "2.1", "2", "DAT"), graded(2, "x", null, "CAN_XEM_XET")], GROUPS).groups;
    const sum = addGroupSummaries([a, b]);
    expect(sum.map((g) => [g.name, g.evaluated, g.met, g.notMet, g.toReview])).toEqual([
      ["Chính quyền số", 1, 1, 0, 0],
      ["Kinh tế số", 2, 1, 1, 0],
      ["Khác", 1, 0, 0, 1],
    ]);
  });
});

describe("summarize: names, order and absent criteria (mutation-testing survivors)", () => {
  it("names the overall line Tổng cộng", () => {
    expect(summarize([graded(1, "1.1", "1", "DAT")], GROUPS).total.name).toBe("Tổng cộng");
  });

  it("lists unmet rows of an annex split over two sheets with the first sheet's rows first, whatever their row numbers", () => {
    const cont = (row: number, id: string): GradedRow => ({
      ...graded(row, id, "2", "KHONG_DAT"),
      sheet: "Xã A (tiếp)",
    });
    const rows = [
      cont(4, "2.4"),
      graded(10, "1.2", "1", "KHONG_DAT"),
      cont(5, "2.5"),
      graded(12, "1.3", "1", "CAN_XEM_XET"),
    ];
    expect(summarize(rows, GROUPS).unmet.map((r) => r.id)).toEqual(["1.2", "1.3", "2.4", "2.5"]);
  });

  it("keeps the absent criteria it was given, and none when completeness was not checked", () => {
    const absent = [{ id: "1.6", name: "Chỉ tiêu 1.6", group: "1" }];
    expect(summarize([graded(1, "1.1", "1", "DAT")], GROUPS, absent).absent).toEqual(absent);
    expect(summarize([graded(1, "1.1", "1", "DAT")], GROUPS).absent).toEqual([]);
  });
});

describe("absentCriteria", () => {
  const set: CriteriaSet = {
    ...SET_2023,
    criteria: SET_2023.criteria.filter((c) => ["1.1", "1.2", "1.3"].includes(c.id)),
  };

  it("counts a row for the criterion it was matched to, not the ID it bears", () => {
    const rows = [{ id: "7", criterionId: "1.1" }, { id: "1.2" }];
    expect(absentCriteria(set, 2023, rows).map((c) => c.id)).toEqual(["1.3"]);
  });
});

describe("completenessText", () => {
  const withAbsent = (n: number) =>
    summarize(
      [],
      GROUPS,
      Array.from({ length: n }, (_, i) => ({ id: `9.${i + 1}`, name: "x", group: "9" })),
    );

  it("names twelve absent IDs in full and cuts the thirteenth with …", () => {
    expect(completenessText(withAbsent(12))).toBe(
      "thiếu 12 tiêu chí: 9.1, 9.2, 9.3, 9.4, 9.5, 9.6, 9.7, 9.8, 9.9, 9.10, 9.11, 9.12",
    );
    expect(completenessText(withAbsent(13))).toBe(
      "thiếu 13 tiêu chí: 9.1, 9.2, 9.3, 9.4, 9.5, 9.6, 9.7, 9.8, 9.9, 9.10, 9.11, 9.12, …",
    );
    expect(completenessText(withAbsent(13), true)).toContain("9.13");
  });
});
