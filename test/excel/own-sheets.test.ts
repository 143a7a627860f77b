/**
 * The add-in's own sheets known by their mark in Excel (issue 15, item 2): the workbook names
 * CDS_TRANG_TONG_HOP / CDS_TRANG_BO_TIEU_CHI (Office.js `workbook.names`, read in the sync that lists the sheets),
 * a user's sheet bearing the summary sheet's name never replaced or deleted, an ordinary "Bộ tiêu chí" list
 * not blocking grading, an earlier version's summary sheet still known.
 */
import { addCriteriaSheet, clearInExcel, gradeInExcel } from "../../src/excel/adapter";
import { CRITERIA_SHEET } from "../../shared/criteria/sheet";
import { findSet } from "../../shared/criteria";
import { SUMMARY_SHEET } from "../../shared/labels";
import { SUMMARY_TITLE } from "../../shared/report/plan";
import { CRITERIA_MARK, SUMMARY_MARK } from "../../shared/report/own-sheets";
import { FakeExcel } from "../fakes/office-excel";

const NAME_24 = "Tỷ lệ doanh nghiệp, hộ kinh doanh, người dân sử dụng thanh toán không tiền mặt";
const ANNEX = {
  name: "Xã A",
  values: [["BÁO CÁO NĂM 2023"], ["TT", "Tên chỉ tiêu", "Kết quả đạt được"], ["2.4", NAME_24, "65%"]],
};
const USER = [["Tổng hợp của phòng — KHÔNG XÓA"], ["Số xã", 12]];

function ctx(fake: FakeExcel): Excel.RequestContext {
  return fake.context() as unknown as Excel.RequestContext;
}

const names = (fake: FakeExcel): string[] => fake.sheets.map((s) => s.name);
const mark = (fake: FakeExcel, name: string): string | undefined => fake.names.get(name)?.formula;

describe.each([SUMMARY_SHEET, "tổng hợp cđs", SUMMARY_SHEET.normalize("NFD")])(
  "a user's sheet %j",
  (name) => {
    test("is kept through grading, re-grading and clearing; the summary goes to a free name, marked", async () => {
      const fake = new FakeExcel([ANNEX, { name, values: USER }]);
      const before = fake.snapshot(name);
      const run = await gradeInExcel(ctx(fake), "all");
      expect(names(fake)).toEqual(["Xã A", name, "Tổng hợp CĐS (2)"]);
      expect(mark(fake, SUMMARY_MARK)).toBe("='Tổng hợp CĐS (2)'!$A$1");
      expect(run.report.summarySheet).toBe("Tổng hợp CĐS (2)");
      expect(run.report.notes).toEqual([
        expect.stringContaining(`Trang "${name}" không phải trang tổng hợp`),
      ]);
      expect(fake.snapshot(name)).toEqual(before);

      await gradeInExcel(ctx(fake), "all");
      expect(names(fake)).toEqual(["Xã A", name, "Tổng hợp CĐS (2)"]);
      await gradeInExcel(ctx(fake), "active");
      expect(names(fake)).toEqual(["Xã A", name, "Tổng hợp CĐS (2)"]);
      expect(fake.snapshot(name)).toEqual(before);

      const cleared = await clearInExcel(ctx(fake));
      expect(cleared.summaryDeleted).toBe(true);
      expect(names(fake)).toEqual(["Xã A", name]);
      expect(fake.names.has(SUMMARY_MARK)).toBe(false);
      expect(fake.snapshot(name)).toEqual(before);
      // clearing again deletes nothing of the user's
      expect((await clearInExcel(ctx(fake))).summaryDeleted).toBe(false);
      expect(names(fake)).toEqual(["Xã A", name]);
    });
  },
);

test("the marked summary sheet renamed by the user is replaced under its new name", async () => {
  const fake = new FakeExcel([ANNEX]);
  await gradeInExcel(ctx(fake), "all");
  const syncs = fake.syncCount;
  fake.names.get(SUMMARY_MARK)!.formula = "='Kết quả chấm'!$A$1";
  fake.sheet(SUMMARY_SHEET)!.name = "Kết quả chấm";
  fake.syncCount = 0;
  await gradeInExcel(ctx(fake), "all");
  expect(names(fake)).toEqual(["Xã A", "Kết quả chấm"]);
  expect(fake.syncCount).toBe(syncs);
});

test("an earlier version's summary sheet (no mark) is known by its name and title", async () => {
  const fake = new FakeExcel([ANNEX, { name: SUMMARY_SHEET, values: [[SUMMARY_TITLE], ["cũ"]] }]);
  const run = await gradeInExcel(ctx(fake), "all");
  expect(names(fake)).toEqual(["Xã A", SUMMARY_SHEET]);
  expect(run.report.notes).toBeUndefined();
  expect(mark(fake, SUMMARY_MARK)).toBe(`='${SUMMARY_SHEET}'!$A$1`);
  const legacy = new FakeExcel([ANNEX, { name: SUMMARY_SHEET, values: [[SUMMARY_TITLE], ["cũ"]] }]);
  expect((await clearInExcel(ctx(legacy))).summaryDeleted).toBe(true);
  expect(names(legacy)).toEqual(["Xã A"]);
});

test("a 'Bộ tiêu chí' sheet holding an ordinary list does not block grading; creating the criteria sheet keeps it", async () => {
  const list = [
    ["STT", "Tiêu chí"],
    [1, "Hạ tầng"],
  ];
  const fake = new FakeExcel([ANNEX, { name: CRITERIA_SHEET, values: list }]);
  const before = fake.snapshot(CRITERIA_SHEET);
  const run = await gradeInExcel(ctx(fake), "all");
  expect(run.report.sheets.map((s) => s.criteriaSet?.id)).toEqual(["tt-xa-2023"]);
  expect(run.report.notes).toEqual([expect.stringMatching(/^Trang "Bộ tiêu chí" không theo mẫu/)]);

  expect(await addCriteriaSheet(ctx(fake), findSet("tt-xa-2023")!)).toBe("Bộ tiêu chí (2)");
  expect(mark(fake, CRITERIA_MARK)).toBe("='Bộ tiêu chí (2)'!$A$1");
  expect(fake.snapshot(CRITERIA_SHEET)).toEqual(before);
  expect(await addCriteriaSheet(ctx(fake), findSet("tt-xa-2023")!)).toBeNull();
  const again = await gradeInExcel(ctx(fake), "all");
  expect(again.report.skipped.map((s) => s.name)).toContain("Bộ tiêu chí (2)");
  expect(again.report.notes).toEqual([expect.stringContaining('Trang "Bộ tiêu chí" không dùng để chấm')]);
});
