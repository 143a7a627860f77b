/**
 * What the reading is for: a legacy annex read by decodeGrid grades as its Unicode original, row by row. (Not
 * yet wired into the table reader: the raw legacy grids are still "no annex table found" / "Cần xem xét".)
 */
import { decodeGrid, type FontedGrid } from "../../shared/encoding";
import { gradeWorkbook } from "../../shared/report/workbook";
import type { Grid } from "../../shared/types";
import { BODY_TCVN3_VALUES, TCVN3_FONTS, TCVN3_VALUES, VNI_FONTS, VNI_VALUES } from "./annex-legacy";
import { ANNEX_FORMATS, ANNEX_UNICODE } from "./annex-unicode";

function graded(grid: Grid): string[] {
  const { report } = gradeWorkbook([{ name: "Hoằng Phụ", grid }], { year: 2023 });
  expect(report.skipped).toEqual([]);
  return report.sheets[0]!.rows.map((r) => `${r.criterionId ?? r.id} ${r.status} ${r.reason}`);
}

describe("a legacy annex read as Unicode grades as the Unicode annex", () => {
  const expected = (): string[] => graded({ values: ANNEX_UNICODE, formats: ANNEX_FORMATS });

  it("the Unicode annex itself: 18 rows, 13 Đạt, 4.4 Không đạt", () => {
    const rows = expected();
    expect(rows).toHaveLength(18);
    expect(rows.filter((r) => r.includes(" DAT "))).toHaveLength(13);
    expect(rows.find((r) => r.startsWith("4.4 "))).toMatch(/^4\.4 KHONG_DAT /);
  });

  it.each<[string, FontedGrid]>([
    ["TCVN3 by its fonts", { values: TCVN3_VALUES, fonts: TCVN3_FONTS, formats: ANNEX_FORMATS }],
    ["TCVN3 by its text", { values: TCVN3_VALUES, formats: ANNEX_FORMATS }],
    ["VNI by its fonts", { values: VNI_VALUES, fonts: VNI_FONTS, formats: ANNEX_FORMATS }],
    ["VNI by its text", { values: VNI_VALUES, formats: ANNEX_FORMATS }],
    ["only the body in TCVN3", { values: BODY_TCVN3_VALUES, formats: ANNEX_FORMATS }],
  ])("%s", (_, grid) => {
    expect(graded(decodeGrid(grid).grid)).toEqual(expected());
  });
});
