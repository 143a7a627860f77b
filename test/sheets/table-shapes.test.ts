/**
 * The BUILT Code.js on issue 14's table shapes: merged cells read through Range.getMergedRanges, an annex typed
 * in TCVN3 read by its text (no font names are read in Sheets: getFontFamilies would be one more call on every
 * sheet), the report's notes in the sidebar.
 */
import { GasFake, type CellValue } from "../fakes/gas";
import { isBuilt } from "../fakes/gas-load";
import { TABLE_WORKBOOKS } from "../../scripts/table-fixtures";
import { runAll } from "./steps";

if (!isBuilt()) throw new Error("dist/sheets missing: run `npm run build` before these tests");

function fakeOf(file: string): GasFake {
  const fake = new GasFake();
  for (const s of TABLE_WORKBOOKS[file]!) {
    const sheet = fake.addSheet(
      s.name,
      s.values.map((r) => r.map((v) => (v ?? null) as CellValue | null)),
      s.formats,
    );
    sheet.merges = (s.merges ?? []).map((m) => ({ ...m }));
  }
  return fake;
}

function cells(fake: GasFake, sheet: string, a1s: readonly string[]): unknown[] {
  const s = fake.spreadsheet.sheets.find((x) => x.name === sheet)!;
  return a1s.map((a) => s.getRange(a).getValues()[0]![0]);
}

test("merged target and result cells apply to each row they cover", () => {
  const fake = fakeOf("o-gop.xlsx");
  const steps = runAll(fake, "grade");
  expect(cells(fake, "Ô gộp", ["F4", "F5", "F6", "F7", "F8"])).toEqual([
    "Không đạt",
    "Đạt",
    "Đạt",
    "Đạt",
    "Không đạt",
  ]);
  expect(cells(fake, "Ô gộp", ["G7"])[0]).toBe(
    "14/14 = 100% ≥ 100% · kết quả ghi chung cho các dòng 6–7 (ô gộp E6:E7), dùng cho từng dòng",
  );
  expect(steps.reduce((n, e) => n + e.flushes, 0)).toBe(0);
});

test("the same sheet without its merges grades the old way (the set's thresholds, no result on row 7)", () => {
  const fake = fakeOf("o-gop.xlsx");
  fake.spreadsheet.sheets[0]!.merges = [];
  runAll(fake, "grade");
  expect(cells(fake, "Ô gộp", ["F4", "F7", "F8"])).toEqual(["Đạt", "Cần xem xét", "Cần xem xét"]);
});

test("an annex typed in TCVN3 grades as in Unicode; the sidebar says how it was read", () => {
  const fake = fakeOf("tcvn3.xlsx");
  const steps = runAll(fake, "grade");
  expect(cells(fake, "Hoằng Phụ", ["H7", "H23"])).toEqual(["Đạt", "Không đạt"]);
  const report = steps[steps.length - 1]!.step.report as unknown as { sheets: { notes: string[] }[] };
  expect(report.sheets[0]!.notes[0]).toMatch(
    /được đọc theo bảng mã TCVN3 \(ABC\) \(nhận ra từ chữ trong ô\)/,
  );
});
