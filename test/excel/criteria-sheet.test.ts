/**
 * "Tạo trang Bộ tiêu chí" in Excel: the sheet written in two syncs, read back to the same set, and used when
 * grading after an official edits a threshold.
 */
import { addCriteriaSheet, gradeInExcel } from "../../src/excel/adapter";
import { CRITERIA_SHEET, criteriaSetFromGrid } from "../../shared/criteria/sheet";
import { findSet } from "../../shared/criteria";
import { a1 } from "../../shared/text";
import type { RawCell } from "../../shared/types";
import { FakeExcel } from "../fakes/office-excel";

const NAME_24 = "Tỷ lệ doanh nghiệp, hộ kinh doanh, người dân sử dụng thanh toán không tiền mặt";
const SET = findSet("tt-xa-2023")!;

function ctx(fake: FakeExcel): Excel.RequestContext {
  return fake.context() as unknown as Excel.RequestContext;
}

/** the sheet's values as the core reads them */
function valuesOf(fake: FakeExcel, rows: number, cols: number): RawCell[][] {
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => {
      const v = fake.cell(CRITERIA_SHEET, a1(r, c))?.value;
      return v === "" || v === undefined ? null : (v as RawCell);
    }),
  );
}

test("writes the set in two syncs, once, text as text and the headers bold", async () => {
  const fake = new FakeExcel([{ name: "Xã A", values: [["BÁO CÁO"]] }]);
  expect(await addCriteriaSheet(ctx(fake), SET)).toBe(CRITERIA_SHEET);
  expect(fake.syncCount).toBe(2);
  expect(fake.activeSheet).toBe(CRITERIA_SHEET);
  const values = valuesOf(fake, 60, 11);
  expect(criteriaSetFromGrid(CRITERIA_SHEET, { values })).toEqual({ ok: true, set: SET });
  expect(fake.cell(CRITERIA_SHEET, "B2")).toMatchObject({ value: "tt-xa-2023", numberFormat: "@" });
  expect(fake.cell(CRITERIA_SHEET, "A1")!.bold).toBe(true);

  const before = fake.snapshot(CRITERIA_SHEET);
  expect(await addCriteriaSheet(ctx(fake), SET)).toBeNull();
  expect(fake.snapshot(CRITERIA_SHEET)).toEqual(before);
});

test("grading uses a threshold edited in the sheet", async () => {
  const fake = new FakeExcel([
    {
      name: "Xã A",
      values: [["BÁO CÁO NĂM 2023"], ["TT", "Tên chỉ tiêu", "Kết quả đạt được"], ["2.4", NAME_24, "65%"]],
    },
  ]);
  await addCriteriaSheet(ctx(fake), SET);
  const values = valuesOf(fake, 60, 11);
  const header = values.findIndex((r) => r[1] === "Mã" && r[2] === "Tên chỉ tiêu");
  const row = values.findIndex((r, i) => i > header && r[1] === "2.4");
  const col = values[header]!.indexOf("Ngưỡng (%)");
  fake.cell(CRITERIA_SHEET, a1(row, col))!.value = 70;
  const run = await gradeInExcel(ctx(fake), "all");
  expect(run.report.sheets.map((s) => [s.name, s.rows[0]!.status])).toEqual([["Xã A", "KHONG_DAT"]]);
  expect(run.report.skipped.map((s) => s.name)).toContain(CRITERIA_SHEET);
});
