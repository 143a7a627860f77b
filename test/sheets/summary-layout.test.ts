/**
 * The summary sheet's look in Google Sheets, with the BUILT Code.js and every service call counted: the
 * tables bordered and wrapped through two range lists (the calls do not grow with the tables or the sheets),
 * headers filled, shares as percentages, the title block frozen, widths a call per run of equal widths.
 * Apps Script has no page-setup API: nothing is asked for printing.
 */
import { SUMMARY_SHEET } from "../../shared/labels";
import { GasFake, LOCAL_CALL } from "../fakes/gas";
import { isBuilt } from "../fakes/gas-load";
import { seedAnnex } from "./fixtures";
import { runAll } from "./steps";

if (!isBuilt()) throw new Error("dist/sheets missing: run `npm run build` before these tests");

function workbook(n: number): GasFake {
  const fake = new GasFake();
  for (let i = 1; i <= n; i++) {
    const f = seedAnnex();
    fake.addSheet(`Xã ${i}`, f.values, f.formats);
  }
  return fake;
}

/** the calls of a first grading whose names match `pattern` */
function layoutCalls(n: number): Record<string, number> {
  const fake = workbook(n);
  runAll(fake, "grade");
  return Object.fromEntries(
    [...fake.calls].filter(
      ([k]) => !LOCAL_CALL.test(k) && /RangeList|setFrozenRows|setColumnWidths?$/.test(k),
    ),
  );
}

test("tables bordered, wrapped and top-aligned, headers filled, shares as percentages, title frozen", () => {
  const fake = workbook(3);
  runAll(fake, "grade");
  const sheet = fake.spreadsheet.sheets.find((s) => s.name === SUMMARY_SHEET)!;
  expect(sheet.frozenRows).toBe(2);
  const values = sheet.getDataRange().getValues();
  const at = (text: string) => values.findIndex((r) => r[0] === text);
  // the ranking's header: bordered, wrapped, filled, bold; its body bordered and wrapped, not filled
  const header = at("Hạng");
  expect(sheet.cell(header, 1)).toMatchObject({ border: "#a6a6a6", wrap: true, background: "#ddebf7" });
  expect(sheet.cell(header + 1, 1)).toMatchObject({
    border: "#a6a6a6",
    wrap: true,
    verticalAlignment: "top",
  });
  expect(sheet.cell(header + 1, 1).background).toBeUndefined();
  // the share: a fraction shown as a percentage
  const share = (values[header] as unknown[]).indexOf("Tỷ lệ đạt");
  expect(typeof sheet.cell(header + 1, share).value).toBe("number");
  expect(sheet.cell(header + 1, share).format).toBe("0.0%");
  // rows outside the tables (the title) stay plain
  expect(sheet.cell(0, 0).border).toBeUndefined();
  expect(sheet.columnWidths.size).toBeGreaterThan(10);
});

test("the same layout calls for 2 and 6 sheets: two range lists, one frozen-rows call, widths by runs", () => {
  const two = layoutCalls(2);
  expect(two).toMatchObject({
    "Sheet.getRangeList": 2,
    "RangeList.setBorder": 1,
    "RangeList.setWrap": 1,
    "RangeList.setVerticalAlignment": 2,
    "RangeList.setBackground": 1,
    "Sheet.setFrozenRows": 1,
  });
  expect(layoutCalls(6)).toEqual(two);
});
