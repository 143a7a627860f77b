/**
 * The add-in's own sheets known by their mark in the BUILT Code.js (issue 15, item 2): a named range
 * (CDS_TRANG_TONG_HOP, CDS_TRANG_BO_TIEU_CHI) on A1; a user's sheet bearing the summary sheet's name kept
 * through grading (in several executions or the active sheet alone), re-grading and clearing; an earlier
 * version's summary sheet (no mark) still known; an ordinary "Bộ tiêu chí" list not blocking grading.
 */
import { GasFake, type FakeSheet } from "../fakes/gas";
import { isBuilt, loadAddon } from "../fakes/gas-load";
import { finished } from "./steps";
import { CRITERIA_SHEET } from "../../shared/criteria/sheet";
import { SUMMARY_SHEET } from "../../shared/labels";
import { SUMMARY_TITLE } from "../../shared/report/plan";
import { CRITERIA_MARK, SUMMARY_MARK } from "../../shared/report/own-sheets";
import type { SidebarReport } from "../../src/sheets/report";

const graded = (fake: GasFake): SidebarReport => finished(fake, "grade").report as unknown as SidebarReport;

if (!isBuilt()) throw new Error("dist/sheets missing: run `npm run build` before these tests");

const NAME_24 = "Tỷ lệ doanh nghiệp, hộ kinh doanh, người dân sử dụng thanh toán không tiền mặt";
const ANNEX = [
  ["BÁO CÁO NĂM 2023", "", ""],
  ["TT", "Tên chỉ tiêu", "Kết quả đạt được"],
  ["2.4", NAME_24, "65%"],
];

const names = (fake: GasFake): string[] => fake.spreadsheet.sheets.map((s) => s.name);
const cellsOf = (sheet: FakeSheet): unknown => [...sheet.cells.entries()];
const markOf = (fake: GasFake, mark: string): string | undefined =>
  fake.spreadsheet.namedRanges.get(mark)?.sheet.name;

test("a user's 'Tổng hợp CĐS' is kept through grading, re-grading and clearing; the summary takes a free name", () => {
  const fake = new GasFake();
  fake.addSheet("Xã A", ANNEX);
  const user = fake.addSheet(SUMMARY_SHEET, [["Bảng của tôi — KHÔNG XÓA"], ["Số xã", 12]]);
  fake.spreadsheet.active = fake.spreadsheet.sheets[0]!;
  const before = cellsOf(user);
  const report = graded(fake);
  expect(names(fake)).toEqual(["Xã A", SUMMARY_SHEET, "Tổng hợp CĐS (2)"]);
  expect(markOf(fake, SUMMARY_MARK)).toBe("Tổng hợp CĐS (2)");
  expect(report.summarySheet).toBe("Tổng hợp CĐS (2)");
  expect(report.notes).toEqual([
    expect.stringContaining(`Trang "${SUMMARY_SHEET}" không phải trang tổng hợp`),
  ]);
  expect(cellsOf(user)).toEqual(before);

  finished(fake, "grade");
  expect(names(fake)).toEqual(["Xã A", SUMMARY_SHEET, "Tổng hợp CĐS (2)"]);
  // the active sheet alone, in one execution
  loadAddon(fake)["gradeActiveForSidebar"]!({});
  expect(names(fake)).toEqual(["Xã A", SUMMARY_SHEET, "Tổng hợp CĐS (2)"]);
  expect(cellsOf(user)).toEqual(before);

  const cleared = finished(fake, "clear").cleared!;
  expect(cleared.summaryRemoved).toBe(true);
  expect(names(fake)).toEqual(["Xã A", SUMMARY_SHEET]);
  expect(fake.spreadsheet.namedRanges.has(SUMMARY_MARK)).toBe(false);
  expect(cellsOf(user)).toEqual(before);
  expect(finished(fake, "clear").cleared!.summaryRemoved).toBe(false);
  expect(names(fake)).toEqual(["Xã A", SUMMARY_SHEET]);
});

test("the active sheet alone beside a user's 'Tổng hợp CĐS': a free name, the user's sheet kept", () => {
  const fake = new GasFake();
  fake.addSheet("Xã A", ANNEX);
  const user = fake.addSheet(SUMMARY_SHEET, [["Bảng của tôi"]]);
  fake.spreadsheet.active = fake.spreadsheet.sheets[0]!;
  const report = loadAddon(fake)["gradeActiveForSidebar"]!({}) as { summarySheet: string; notes: string[] };
  expect(report.summarySheet).toBe("Tổng hợp CĐS (2)");
  expect(report.notes).toEqual([expect.stringContaining("được giữ nguyên")]);
  expect(names(fake)).toEqual(["Xã A", SUMMARY_SHEET, "Tổng hợp CĐS (2)"]);
  expect(user.cells.size).toBe(1);
});

test("an earlier version's summary sheet (no mark) is replaced, marked, and cleared", () => {
  const fake = new GasFake();
  fake.addSheet("Xã A", ANNEX);
  fake.addSheet(SUMMARY_SHEET, [[SUMMARY_TITLE], ["cũ"]]);
  fake.spreadsheet.active = fake.spreadsheet.sheets[0]!;
  const report = graded(fake);
  expect(report.notes).toEqual([]);
  expect(names(fake)).toEqual(["Xã A", SUMMARY_SHEET]);
  expect(markOf(fake, SUMMARY_MARK)).toBe(SUMMARY_SHEET);

  const legacy = new GasFake();
  legacy.addSheet("Xã A", ANNEX);
  legacy.addSheet(SUMMARY_SHEET, [[SUMMARY_TITLE], ["cũ"]]);
  legacy.spreadsheet.active = legacy.spreadsheet.sheets[0]!;
  expect(finished(legacy, "clear").cleared!.summaryRemoved).toBe(true);
  expect(names(legacy)).toEqual(["Xã A"]);
});

test("a 'Bộ tiêu chí' list is not used and named in a note; the criteria sheet the add-in creates keeps it", () => {
  const fake = new GasFake();
  fake.addSheet("Xã A", ANNEX);
  const list = fake.addSheet(CRITERIA_SHEET, [
    ["STT", "Tiêu chí"],
    [1, "Hạ tầng"],
  ]);
  fake.spreadsheet.active = fake.spreadsheet.sheets[0]!;
  const report = graded(fake);
  expect(report.sheets.map((s) => s.criteriaSet?.id)).toEqual(["tt-xa-2023"]);
  expect(report.notes).toEqual([expect.stringMatching(/^Trang "Bộ tiêu chí" không theo mẫu/)]);

  const before = cellsOf(list);
  loadAddon(fake)["createCriteriaSheet"]!();
  expect(names(fake)).toContain("Bộ tiêu chí (2)");
  expect(markOf(fake, CRITERIA_MARK)).toBe("Bộ tiêu chí (2)");
  expect(cellsOf(list)).toEqual(before);
  fake.spreadsheet.active = fake.spreadsheet.sheets[0]!;
  const again = graded(fake);
  expect(again.skipped.map((s) => s.name)).toContain("Bộ tiêu chí (2)");
});
