/**
 * The Excel adapter reads merged areas (ExcelApi 1.13, in the same sync as the values) and grades legacy text by
 * its text (Office.js fonts are not read: a font name per cell would cost a property per cell).
 */
import { gradeInExcel } from "../../src/excel/adapter";
import { FakeExcel, type FakeSheetInit } from "../fakes/office-excel";
import { TABLE_WORKBOOKS } from "../../scripts/table-fixtures";

function ctx(fake: FakeExcel): Excel.RequestContext {
  return fake.context() as unknown as Excel.RequestContext;
}

const g = globalThis as { Office?: unknown };
function officeOf(fake: FakeExcel): void {
  g.Office = {
    context: { requirements: { isSetSupported: (n: string, v?: string) => fake.supports(n, v) } },
  };
}
afterEach(() => delete g.Office);

function sheetOf(file: string, index = 0): FakeSheetInit {
  const s = TABLE_WORKBOOKS[file]![index]!;
  return {
    name: s.name,
    values: s.values.map((r) => r.map((v) => (v === undefined ? null : (v as string | number | null)))),
    ...(s.formats ? { formats: s.formats } : {}),
    ...(s.merges ? { merges: s.merges.map((m) => ({ ...m })) } : {}),
  };
}

/** status and reason columns of rows 3–7 (the own columns F:G of the merged-cells fixture) */
function own(fake: FakeExcel, rows: readonly number[]): string[] {
  return rows.map((r) => `${String(fake.value("Ô gộp", `F${r}`))} | ${String(fake.value("Ô gộp", `G${r}`))}`);
}

describe("merged cells in Excel", () => {
  test("ExcelApi 1.13: a target merged over three rows and a result over two apply to each row, no extra sync", async () => {
    const plain = new FakeExcel([{ ...sheetOf("o-gop.xlsx"), merges: [] }]);
    officeOf(plain);
    const before = await gradeInExcel(ctx(plain), "all");
    const fake = new FakeExcel([sheetOf("o-gop.xlsx")]);
    officeOf(fake);
    const run = await gradeInExcel(ctx(fake), "all");
    expect(run.stats.syncs).toBe(before.stats.syncs);
    expect(own(fake, [8])).toEqual(['Không đạt | Chưa triển khai (không đáp ứng yêu cầu "Có")']);
    expect(own(fake, [4, 5, 7])).toEqual([
      'Không đạt | 65% < 70% · chỉ tiêu ghi trong bảng "≥ 70%" khác chỉ tiêu của bộ tiêu chí "≥ 65%" (3.4)',
      'Đạt | 80% ≥ 70% · chỉ tiêu ghi trong bảng "≥ 70%" khác chỉ tiêu của bộ tiêu chí "≥ 95%" (3.5)',
      "Đạt | 14/14 = 100% ≥ 100% · kết quả ghi chung cho các dòng 6–7 (ô gộp E6:E7), dùng cho từng dòng",
    ]);
    // the same sheet without its merges: the set's thresholds and no result on row 7
    expect(own(plain, [4, 5])).toEqual([
      expect.stringMatching(/^Đạt \| 65% ≥ 65%/),
      expect.stringMatching(/^Không đạt/),
    ]);
    expect(String(plain.value("Ô gộp", "F7"))).toBe("Cần xem xét");
    expect(String(plain.value("Ô gộp", "F8"))).toBe("Cần xem xét");
  });

  test("an Excel older than ExcelApi 1.13: merged areas are not asked for, the sheet grades as before", async () => {
    const fake = new FakeExcel([sheetOf("o-gop.xlsx")]);
    fake.excelApi = "1.12";
    officeOf(fake);
    await gradeInExcel(ctx(fake), "all");
    expect(String(fake.value("Ô gộp", "F7"))).toBe("Cần xem xét");
  });

  test("a merged 'Kết quả đạt được' over two periods: the whole year's column", async () => {
    const fake = new FakeExcel([sheetOf("cot-ket-qua.xlsx", 1)]);
    officeOf(fake);
    const run = await gradeInExcel(ctx(fake), "all");
    expect(run.report.sheets[0]!.rows.map((r) => r.value)).toEqual(["14/14", "61%", "70,5%"]);
  });
});

describe("legacy text in Excel (by its text)", () => {
  test("an annex typed in VNI grades as in Unicode and the report says it was read as VNI", async () => {
    const fake = new FakeExcel([sheetOf("vni.xlsx")]);
    const run = await gradeInExcel(ctx(fake), "all");
    const sheet = run.report.sheets[0]!;
    expect(sheet.summary.total.met).toBe(13);
    expect(sheet.notes?.[0]).toMatch(/bảng mã VNI-Windows \(nhận ra từ chữ trong ô\)/);
  });
});
