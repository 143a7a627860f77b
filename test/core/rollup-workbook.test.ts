import { findSet } from "../../shared/criteria";
import { CRITERIA_SHEET, criteriaSetToGrid } from "../../shared/criteria/sheet";
import { SUMMARY_SECTIONS, sheetsSection } from "../../shared/report/plan";
import {
  CRITERIA_SHEET_REASON,
  FOLDER_CRITERIA_SHEET_REASON,
  folderSheets,
  INVALID_CRITERIA_SHEET_REASON,
  planCriteriaSheetProblems,
  prepareWorkbook,
  summarySectionsWithRollup,
  withRollup,
  type PreparedWorkbook,
} from "../../shared/report/prepare";
import { MATRIX_TITLE, RANKING_TITLE, SHARE_CHART_TITLE } from "../../shared/report/rollup";
import { detectAnnexes, gradeSheet, gradeWorkbook } from "../../shared/report/workbook";
import type { Grid, RawCell, SheetReport, WorkbookReport } from "../../shared/types";

const NAME_24 = "Tỷ lệ doanh nghiệp, hộ kinh doanh, người dân sử dụng thanh toán không tiền mặt";

const annex = (title: string, result: string): Grid => ({
  values: [[title], ["TT", "Tên chỉ tiêu", "Kết quả đạt được"], ["2.4", NAME_24, result]],
});

function criteriaSheet(threshold: RawCell): Grid {
  const values: RawCell[][] = criteriaSetToGrid(findSet("tt-xa-2023")!).map((r) => [...r]);
  const header = values.findIndex((r) => r[1] === "Mã" && r[2] === "Tên chỉ tiêu");
  const row = values.findIndex((r, i) => i > header && r[1] === "2.4");
  values[row]![values[header]!.indexOf("Ngưỡng (%)")] = threshold;
  return { values };
}

function grade(prepared: PreparedWorkbook): WorkbookReport {
  const sheets: SheetReport[] = [];
  for (const s of prepared.sheets) {
    const g = gradeSheet(s, prepared.options);
    if ("report" in g) sheets.push(g.report);
  }
  return withRollup({ sheets, skipped: prepared.skipped }, prepared);
}

describe("prepareWorkbook", () => {
  it("grades with the set of the Bộ tiêu chí sheet and lists that sheet as skipped", () => {
    const prepared = prepareWorkbook([
      { name: CRITERIA_SHEET, grid: criteriaSheet(64) },
      { name: "Sheet1", grid: annex("Trên địa bàn xã Quảng Ngọc năm 2023", "63%") },
      { name: "Hoằng Phụ", grid: annex("BÁO CÁO NĂM 2023", "65%") },
    ]);
    if ("criteriaSheetProblems" in prepared) throw new Error("unexpected problems");
    expect(prepared.options.setId).toBe("tt-xa-2023");
    expect(prepared.options.sets![0]!.criteria.find((c) => c.id === "2.4")!.target).toEqual({
      kind: "percent",
      comparator: ">=",
      threshold: 64,
    });
    expect(prepared.skipped).toEqual([{ name: CRITERIA_SHEET, reason: CRITERIA_SHEET_REASON }]);
    expect(prepared.sheets.map((s) => s.name)).toEqual(["Sheet1", "Hoằng Phụ"]);
    const report = grade(prepared);
    expect(report.sheets.map((s) => s.rows[0]!.status)).toEqual(["KHONG_DAT", "DAT"]);
    expect(report.rollup!.map((e) => [e.commune, e.source, e.rank])).toEqual([
      ["Hoằng Phụ", "sheet", 1],
      ["xã Quảng Ngọc", "title", 2],
    ]);
  });

  it("grades nothing when the Bộ tiêu chí sheet has a mistake", () => {
    const prepared = prepareWorkbook([
      { name: "Xã A", grid: annex("Xã A năm 2023", "65%") },
      { name: CRITERIA_SHEET, grid: criteriaSheet("sáu mươi") },
    ]);
    if (!("criteriaSheetProblems" in prepared)) throw new Error("expected problems");
    expect(prepared.criteriaSheetProblems.map((p) => p.code)).toEqual(["INVALID_CRITERIA_SET"]);
    expect(prepared.skipped).toEqual([
      { name: "Xã A", reason: INVALID_CRITERIA_SHEET_REASON },
      { name: CRITERIA_SHEET, reason: "có 1 lỗi" },
    ]);
    const plan = planCriteriaSheetProblems(prepared.criteriaSheetProblems);
    const p = prepared.criteriaSheetProblems[0]!;
    expect(plan.values).toContainEqual([
      p.cell!,
      p.message,
      p.sheet,
      "sáu mươi",
      ...plan.values[0]!.slice(4),
    ]);
  });

  it("turns a column-per-commune sheet into virtual sheets and keeps a host's commune", () => {
    const across: Grid = {
      values: [
        ["TT", "Tên chỉ tiêu", "Chỉ tiêu", "Xã A", "Xã B"],
        ["2.4", NAME_24, "60%", "65%", "55%"],
      ],
    };
    const prepared = prepareWorkbook([
      { name: "Tổng hợp xã", grid: across },
      { name: "Sheet1", grid: annex("BÁO CÁO", "70%"), commune: { commune: "Nga Thanh", source: "file" } },
    ]);
    if ("criteriaSheetProblems" in prepared) throw new Error("unexpected problems");
    expect(prepared.sheets.map((s) => s.name)).toEqual([
      "Tổng hợp xã – xã A",
      "Tổng hợp xã – xã B",
      "Sheet1",
    ]);
    expect([...prepared.virtual]).toEqual(["Tổng hợp xã – xã A", "Tổng hợp xã – xã B"]);
    const report = grade(prepared);
    expect(report.rollup!.map((e) => [e.commune, e.source, e.rank])).toEqual([
      ["xã A", "column", 1],
      ["Nga Thanh", "file", 1],
      ["xã B", "column", 3],
    ]);
  });

  it("adds no ranking for a single sheet", () => {
    const prepared = prepareWorkbook([{ name: "Xã A", grid: annex("BÁO CÁO", "65%") }]);
    if ("criteriaSheetProblems" in prepared) throw new Error("unexpected problems");
    expect(grade(prepared).rollup).toBeUndefined();
  });
});

it("puts the roll-up sections right after the per-sheet results", () => {
  const plain: WorkbookReport = { sheets: [], skipped: [] };
  expect(summarySectionsWithRollup(plain)).toEqual(SUMMARY_SECTIONS);
  const prepared = prepareWorkbook([
    { name: "Xã A", grid: annex("BÁO CÁO", "65%") },
    { name: "Xã B", grid: annex("BÁO CÁO", "55%") },
  ]) as PreparedWorkbook;
  const sections = summarySectionsWithRollup(grade(prepared));
  const at = sections.indexOf(sheetsSection);
  expect(sections).toHaveLength(SUMMARY_SECTIONS.length + 4);
  expect(sections.slice(at + 5)).toEqual(SUMMARY_SECTIONS.slice(SUMMARY_SECTIONS.indexOf(sheetsSection) + 1));
});

describe("gradeWorkbook with the roll-up", () => {
  const across: Grid = {
    values: [
      ["TỔNG HỢP CÁC XÃ NĂM 2023"],
      ["TT", "Tên chỉ tiêu", "Chỉ tiêu", "Xã A", "Xã B"],
      ["2.4", NAME_24, "60%", "65%", "55%"],
    ],
  };

  it("grades with the Bộ tiêu chí sheet, writes nothing on it and ranks the communes", () => {
    const { report, plan } = gradeWorkbook([
      { name: "Sheet1", grid: annex("Trên địa bàn xã Quảng Ngọc năm 2023", "63%") },
      { name: "bo tieu chi", grid: criteriaSheet(64) },
      { name: "Hoằng Phụ", grid: annex("BÁO CÁO NĂM 2023", "65%") },
    ]);
    expect(report.sheets.map((s) => [s.name, s.rows[0]!.status])).toEqual([
      ["Sheet1", "KHONG_DAT"],
      ["Hoằng Phụ", "DAT"],
    ]);
    expect(report.skipped).toContainEqual({ name: "bo tieu chi", reason: CRITERIA_SHEET_REASON });
    expect(plan.sheets.map((s) => s.sheet)).toEqual(["Sheet1", "Hoằng Phụ"]);
    expect(report.rollup!.map((e) => e.commune)).toEqual(["Hoằng Phụ", "xã Quảng Ngọc"]);
    const firsts = plan.summary!.values.map((r) => r[0]);
    expect(firsts).toContain(RANKING_TITLE);
    expect(firsts).toContain(MATRIX_TITLE);
    expect(plan.summary!.charts.map((c) => c.title)).toContain(SHARE_CHART_TITLE);
  });

  it("grades nothing and plans a summary of the mistakes when the Bộ tiêu chí sheet is invalid", () => {
    const { report, plan } = gradeWorkbook([
      { name: "Xã A", grid: annex("BÁO CÁO", "65%") },
      { name: CRITERIA_SHEET, grid: criteriaSheet(160) },
    ]);
    expect(report.sheets).toEqual([]);
    expect(report.criteriaSheetProblems!.map((p) => p.message)).toEqual([
      expect.stringMatching(
        /^Trang "Bộ tiêu chí", ô H\d+ \(chỉ tiêu 2\.4\): "160" — ngưỡng phải từ 0 đến 100$/,
      ),
    ]);
    expect(plan.sheets).toEqual([]);
    expect(plan.summary!.values.flat()).toContain(report.criteriaSheetProblems![0]!.message);
  });

  it("grades a column-per-commune sheet into the summary only", () => {
    const { report, plan } = gradeWorkbook([{ name: "Tổng hợp xã", grid: across }]);
    expect(report.sheets.map((s) => s.name)).toEqual(["Tổng hợp xã – xã A", "Tổng hợp xã – xã B"]);
    expect(plan.sheets).toEqual([]);
    expect(report.rollup!.map((e) => [e.commune, e.rank])).toEqual([
      ["xã A", 1],
      ["xã B", 2],
    ]);
    const at = plan.summary!.values.findIndex((r) => r[0] === MATRIX_TITLE);
    expect(plan.summary!.values[at + 2]![2]).toBe("2.4");
    expect(plan.summary!.values.slice(at + 3, at + 5).map((r) => r.slice(0, 3))).toEqual([
      [1, "xã A", "Đạt"],
      [2, "xã B", "Không đạt"],
    ]);
  });

  it("tells the task pane about the criteria sheet and a column-per-commune sheet", () => {
    const info = detectAnnexes([
      { name: CRITERIA_SHEET, grid: criteriaSheet(64) },
      { name: "Tổng hợp xã", grid: across },
      { name: "Xã C", grid: annex("BÁO CÁO", "65%") },
    ]);
    expect(info[0]).toMatchObject({ annex: false, reason: CRITERIA_SHEET_REASON });
    expect(info[1]).toMatchObject({ annex: true, criteriaSet: { id: "tt-xa-2023" }, year: 2023 });
    expect(info[1]!.setReason).toContain("một cột kết quả cho mỗi xã (2 xã: xã A, xã B)");
    expect(info[2]).toMatchObject({ annex: true, criteriaSet: { id: "tt-xa-2023" } });

    const invalid = detectAnnexes([
      { name: CRITERIA_SHEET, grid: criteriaSheet("x") },
      { name: "Xã C", grid: annex("BÁO CÁO", "65%") },
    ]);
    expect(invalid[0]!.reason).toMatch(/^có 1 lỗi: Trang "Bộ tiêu chí", ô H\d+/);
    expect(invalid[1]).toMatchObject({ annex: false, reason: INVALID_CRITERIA_SHEET_REASON });
  });
});

describe("folderSheets", () => {
  it("names sheets by file and sheet, takes the commune from the file name last, drops summary and criteria sheets", () => {
    const { sheets, skipped } = folderSheets([
      {
        fileName: "in/PL_Hoằng Lộc_2023.xlsx",
        sheets: [
          { name: "Sheet1", grid: annex("BÁO CÁO NĂM 2023", "65%") },
          { name: "Tổng hợp CĐS", grid: { values: [["TỔNG HỢP"]] } },
        ],
      },
      {
        fileName: "quang-ngoc.xlsx",
        sheets: [
          { name: "Sheet1", grid: annex("Trên địa bàn xã Quảng Ngọc năm 2023", "55%") },
          { name: CRITERIA_SHEET, grid: criteriaSheet(60) },
        ],
      },
    ]);
    expect(sheets.map((s) => [s.name, s.commune])).toEqual([
      ["PL_Hoằng Lộc_2023 › Sheet1", { commune: "Hoằng Lộc", source: "file" }],
      ["quang-ngoc › Sheet1", { commune: "xã Quảng Ngọc", source: "title" }],
    ]);
    expect(skipped).toEqual([
      { name: `quang-ngoc › ${CRITERIA_SHEET}`, reason: FOLDER_CRITERIA_SHEET_REASON },
    ]);
    const { report } = gradeWorkbook(sheets);
    expect(report.rollup!.map((e) => [e.commune, e.source, e.rank, e.sheet])).toEqual([
      ["Hoằng Lộc", "file", 1, "PL_Hoằng Lộc_2023 › Sheet1"],
      ["xã Quảng Ngọc", "title", 2, "quang-ngoc › Sheet1"],
    ]);
  });
});
