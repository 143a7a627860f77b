/**
 * The add-in's own sheets known by their mark, user sheets kept (issue 15, item 2): the core's side.
 */
import { findSet } from "../../shared/criteria";
import { CRITERIA_SHEET, criteriaSetToGrid } from "../../shared/criteria/sheet";
import { SUMMARY_SHEET } from "../../shared/labels";
import { SUMMARY_TITLE } from "../../shared/report/plan";
import { freeSheetName, resolveOwnSheets, sameSheetName } from "../../shared/report/own-sheets";
import { gradeWorkbook, planClear, SUMMARY_SHEET_REASON } from "../../shared/report/workbook";
import type { Grid, SheetInput } from "../../shared/types";

const NAME_24 = "Tỷ lệ doanh nghiệp, hộ kinh doanh, người dân sử dụng thanh toán không tiền mặt";
const ANNEX: SheetInput = {
  name: "Hoằng Phụ",
  grid: {
    values: [
      ["Kết quả CĐS xã Hoằng Phụ năm 2023"],
      ["TT", "Tên chỉ tiêu", "Kết quả đạt được", "Chấm CĐS: Trạng thái"],
      ["2.4", NAME_24, "65%", "Đạt"],
    ],
  },
};
const USER_SUMMARY: Grid = { values: [["Bảng của tôi — KHÔNG XÓA"], ["Số liệu", 12]] };
const OWN_SUMMARY: Grid = { values: [[SUMMARY_TITLE], ["Bộ tiêu chí: …"]] };
const LIST: Grid = {
  values: [
    ["STT", "Tiêu chí"],
    [1, "Hạ tầng"],
    [2, "Nhân lực"],
  ],
};
const criteriaGrid = (threshold: number): Grid => {
  const values = criteriaSetToGrid(findSet("tt-xa-2023")!).map((r) => [...r]);
  const header = values.findIndex((r) => r[1] === "Mã" && r[2] === "Tên chỉ tiêu");
  const row = values.findIndex((r, i) => i > header && r[1] === "2.4");
  values[row]![values[header]!.indexOf("Ngưỡng (%)")] = threshold;
  return { values };
};

describe("names", () => {
  it("compares sheet names without case and in composed form", () => {
    expect(sameSheetName("tổng hợp cđs", SUMMARY_SHEET)).toBe(true);
    expect(sameSheetName(SUMMARY_SHEET.normalize("NFD"), SUMMARY_SHEET)).toBe(true);
    expect(sameSheetName("Tong hop CDS", SUMMARY_SHEET)).toBe(false);
  });

  it("finds a free name beside the ones taken, in any case or form", () => {
    expect(freeSheetName(SUMMARY_SHEET, ["Xã A"])).toBe(SUMMARY_SHEET);
    expect(freeSheetName(SUMMARY_SHEET, ["TỔNG HỢP CĐS"])).toBe("Tổng hợp CĐS (2)");
    expect(freeSheetName(SUMMARY_SHEET, [SUMMARY_SHEET.normalize("NFD"), "tổng hợp cđs (2)"])).toBe(
      "Tổng hợp CĐS (3)",
    );
  });
});

describe("the summary sheet", () => {
  it.each([SUMMARY_SHEET, "tổng hợp cđs", SUMMARY_SHEET.normalize("NFD")])(
    "a user's sheet named %j is kept: the add-in's takes a free name, and the report says so",
    (name) => {
      const { report, plan } = gradeWorkbook([{ name, grid: USER_SUMMARY }, ANNEX]);
      expect(report.summarySheet).toBe("Tổng hợp CĐS (2)");
      expect(plan.summary!.sheet).toBe("Tổng hợp CĐS (2)");
      expect(report.notes).toEqual([
        `Trang "${name}" không phải trang tổng hợp do add-in tạo nên được giữ nguyên; kết quả tổng hợp ghi vào trang "Tổng hợp CĐS (2)".`,
      ]);
      // it is looked at like any other sheet, never skipped as the add-in's
      expect(report.skipped.find((s) => s.name === name)!.reason).not.toBe(SUMMARY_SHEET_REASON);
      expect(planClear([{ name, grid: USER_SUMMARY }, ANNEX]).summarySheet).toBeNull();
    },
  );

  it("the marked sheet is the add-in's, whatever its name, and is replaced under it", () => {
    const sheets = [
      { name: SUMMARY_SHEET, grid: USER_SUMMARY },
      { name: "Tổng hợp CĐS (2)", grid: OWN_SUMMARY },
      ANNEX,
    ];
    const marks = { summary: "Tổng hợp CĐS (2)" };
    const { report, plan } = gradeWorkbook(sheets, { marks });
    expect(plan.summary!.sheet).toBe("Tổng hợp CĐS (2)");
    expect(report.skipped).toContainEqual({ name: "Tổng hợp CĐS (2)", reason: SUMMARY_SHEET_REASON });
    expect(planClear(sheets, marks).summarySheet).toBe("Tổng hợp CĐS (2)");
    expect(planClear(sheets).summarySheet).toBeNull();
  });

  it("an earlier version's sheet (no mark) is known by its name and its title", () => {
    const sheets = [{ name: SUMMARY_SHEET, grid: OWN_SUMMARY }, ANNEX];
    const { report, plan } = gradeWorkbook(sheets);
    expect(plan.summary!.sheet).toBe(SUMMARY_SHEET);
    expect(report.notes).toBeUndefined();
    expect(planClear(sheets).summarySheet).toBe(SUMMARY_SHEET);
    expect(resolveOwnSheets([{ name: "Tổng hợp", grid: OWN_SUMMARY }]).summary).toBeNull();
  });
});

describe("the criteria sheet", () => {
  it("a 'Bộ tiêu chí' sheet that is an ordinary list is not used, with a note naming it; grading goes on", () => {
    const { report } = gradeWorkbook([{ name: CRITERIA_SHEET, grid: LIST }, ANNEX]);
    expect(report.criteriaSheetProblems).toBeUndefined();
    expect(report.sheets.map((s) => s.criteriaSet?.id)).toEqual(["tt-xa-2023"]);
    expect(report.notes).toEqual([expect.stringMatching(/^Trang "Bộ tiêu chí" không theo mẫu bộ tiêu chí/)]);
  });

  it("one filled in by hand in the add-in's layout is used, its mistakes still reported", () => {
    const { report } = gradeWorkbook([{ name: "bộ TIÊU CHÍ", grid: criteriaGrid(70) }, ANNEX]);
    expect(report.sheets[0]!.rows[0]!.status).toBe("KHONG_DAT");
    const broken = gradeWorkbook([{ name: CRITERIA_SHEET, grid: criteriaGrid(170) }, ANNEX]);
    expect(broken.report.criteriaSheetProblems!.length).toBeGreaterThan(0);
  });

  it("the marked one is used under any name; a user's 'Bộ tiêu chí' beside it is not", () => {
    const { report } = gradeWorkbook(
      [
        { name: CRITERIA_SHEET, grid: criteriaGrid(50) },
        { name: "Bộ tiêu chí (2)", grid: criteriaGrid(70) },
        ANNEX,
      ],
      { marks: { criteria: "Bộ tiêu chí (2)" } },
    );
    expect(report.sheets.map((s) => [s.name, s.rows[0]!.status])).toEqual([["Hoằng Phụ", "KHONG_DAT"]]);
    expect(report.notes).toEqual([expect.stringContaining('Trang "Bộ tiêu chí" không dùng để chấm')]);
  });
});
