/**
 * The menu item "Tạo trang Bộ tiêu chí" of the BUILT Code.js: writes the set, grading then uses the sheet.
 */
import { GasFake } from "../fakes/gas";
import { isBuilt, loadAddon, type AddonGlobals } from "../fakes/gas-load";
import { finished } from "./steps";
import { CRITERIA_SHEET, criteriaSetFromGrid } from "../../shared/criteria/sheet";
import { findSet } from "../../shared/criteria";
import type { RawCell } from "../../shared/types";

if (!isBuilt()) throw new Error("dist/sheets missing: run `npm run build` before these tests");

const NAME_24 = "Tỷ lệ doanh nghiệp, hộ kinh doanh, người dân sử dụng thanh toán không tiền mặt";

function call(addon: AddonGlobals, name: string, ...args: unknown[]): unknown {
  return addon[name]!(...args);
}

test("creates the Bộ tiêu chí sheet once, and grading follows a threshold edited there", () => {
  const fake = new GasFake();
  fake.addSheet("Xã A", [
    ["BÁO CÁO NĂM 2023", "", ""],
    ["TT", "Tên chỉ tiêu", "Kết quả đạt được"],
    ["2.4", NAME_24, "65%"],
  ]);
  const addon = loadAddon(fake);
  call(addon, "createCriteriaSheet");
  expect(fake.ui.alerts).toEqual([]);
  expect(fake.toasts.at(-1)!.message).toContain(`Đã tạo trang "${CRITERIA_SHEET}"`);
  const sheet = fake.spreadsheet.sheets.find((s) => s.name === CRITERIA_SHEET)!;
  const values = sheet.getDataRange().getValues() as RawCell[][];
  expect(criteriaSetFromGrid(CRITERIA_SHEET, { values })).toEqual({ ok: true, set: findSet("tt-xa-2023") });

  call(addon, "createCriteriaSheet");
  expect(fake.ui.alerts.at(-1)!.prompt).toContain(`Trang "${CRITERIA_SHEET}" đã có`);

  // raise 2.4 to 70%: 65% no longer meets it
  const header = values.findIndex((r) => r[1] === "Mã" && r[2] === "Tên chỉ tiêu");
  const row = values.findIndex((r, i) => i > header && r[1] === "2.4");
  const col = values[header]!.indexOf("Ngưỡng (%)");
  sheet.getRange(row + 1, col + 1).setValue(70);
  fake.spreadsheet.active = fake.spreadsheet.sheets[0]!;
  const report = finished(fake, "grade").report!;
  expect(report.sheets.map((s) => s.name)).toEqual(["Xã A"]);
  expect(report.sheets[0]!.unmet.map((u) => [u.id, u.label])).toEqual([["2.4", "Không đạt"]]);
  expect(report.sheets[0]!.unmet[0]!.reason).toContain("70%");
  expect(report.skipped.map((s) => s.name)).toContain(CRITERIA_SHEET);
});

test("the sidebar creates the sheet with the set chosen there, and says so when it exists", () => {
  const fake = new GasFake();
  fake.addSheet("Xã A", [["BÁO CÁO", "", ""]]);
  const addon = loadAddon(fake);
  const message = call(addon, "createCriteriaSheetForSidebar", { setId: "tt-xa-2022" }) as string;
  expect(message).toContain(`Đã tạo trang "${CRITERIA_SHEET}"`);
  const sheet = fake.spreadsheet.sheets.find((s) => s.name === CRITERIA_SHEET)!;
  const values = sheet.getDataRange().getValues() as RawCell[][];
  expect(criteriaSetFromGrid(CRITERIA_SHEET, { values })).toEqual({ ok: true, set: findSet("tt-xa-2022") });
  let error = "";
  try {
    call(addon, "createCriteriaSheetForSidebar", {});
  } catch (e) {
    error = String((e as { message?: string }).message);
  }
  expect(error).toContain(`Trang "${CRITERIA_SHEET}" đã có`);
});
