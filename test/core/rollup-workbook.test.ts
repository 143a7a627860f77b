import { findSet } from "../../shared/criteria";
import { CRITERIA_SHEET, criteriaSetToGrid } from "../../shared/criteria-sheet";
import { SUMMARY_SECTIONS, sheetsSection } from "../../shared/plan";
import {
  CRITERIA_SHEET_REASON,
  INVALID_CRITERIA_SHEET_REASON,
  planCriteriaSheetProblems,
  prepareWorkbook,
  summarySectionsWithRollup,
  withRollup,
  type PreparedWorkbook,
} from "../../shared/rollup";
import { gradeSheet } from "../../shared/workbook";
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
      p.sheet,
      p.cell!,
      "sáu mươi",
      p.message,
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
