/**
 * Grading in parts (src/sheets/parts.ts) gives what grading the whole workbook at once gives: the same own-column
 * plans, the same report and the same summary sheet, also after the parts went through JSON (as they wait in
 * the scratch sheet between executions), whatever the chunks.
 */
import { gradeWorkbook } from "../../shared";
import type { SheetInput } from "../../shared/report/workbook";
import { criteriaSetToGrid } from "../../shared/criteria/sheet";
import { TT_XA_2023 } from "../../shared/criteria/tt-xa-2023";
import { assembleReport, gradeChunk, setsFor, summaryOf, type SheetPart } from "../../src/sheets/parts";
import { NOTES, planAnnex, seedAnnex } from "./fixtures";

function input(name: string, f: { values: unknown[][]; formats: string[][] }): SheetInput {
  return { name, grid: { values: f.values as SheetInput["grid"]["values"], formats: f.formats } };
}

const ACROSS = {
  values: [
    ["TỔNG HỢP CÁC XÃ NĂM 2023"],
    ["TT", "Tên chỉ tiêu", "Chỉ tiêu", "Xã C", "Xã D"],
    ["2.4", TT_XA_2023.criteria.find((c) => c.id === "2.4")!.name, "60%", "65%", "55%"],
  ],
  formats: [
    ["General"],
    ["General", "General", "General", "General", "General"],
    ["@", "General", "General", "General", "General"],
  ],
};

const WORKBOOK: SheetInput[] = [
  input("Xã A", seedAnnex("xã Hoằng Phụ")),
  input("Ghi chú", NOTES),
  input("Xã B", seedAnnex("xã Quảng Ngọc")),
  input("Các xã", ACROSS),
  input("Thị trấn", planAnnex(12)),
];

function inChunks(sheets: SheetInput[], criteria: SheetInput | null, sizes: number[]) {
  const parts: SheetPart[] = [];
  const plans = [];
  let criteriaSkipped: readonly { name: string; reason: string }[] = [];
  let at = 0;
  for (const size of sizes) {
    const chunk = sheets.slice(at, at + size).map((s, i) => ({ index: at + i, input: s }));
    at += size;
    const result = gradeChunk(chunk, criteria, {});
    if (!result.ok) throw new Error("criteria problems");
    parts.push(...(JSON.parse(JSON.stringify(result.parts)) as SheetPart[]));
    plans.push(...result.plans);
    criteriaSkipped = result.criteriaSkipped;
  }
  const report = assembleReport(parts, criteriaSkipped);
  return { report, plans, summary: summaryOf(report, setsFor(criteria, {})) };
}

test.each([[[5]], [[1, 1, 1, 1, 1]], [[2, 3]], [[3, 0, 2]]])(
  "chunks %j give the whole workbook's result",
  (sizes) => {
    const whole = gradeWorkbook(WORKBOOK, {});
    const parts = inChunks(WORKBOOK, null, sizes);
    expect(parts.plans).toEqual(whole.plan.sheets);
    expect(JSON.parse(JSON.stringify(parts.report))).toEqual(JSON.parse(JSON.stringify(whole.report)));
    expect(parts.summary).toEqual(whole.plan.summary);
    expect(whole.report.rollup!.length).toBeGreaterThan(2);
  },
);

test("with a Bộ tiêu chí sheet: the sheet's set, and the sheet listed once among the skipped", () => {
  const grid = criteriaSetToGrid(TT_XA_2023).map((r) => r.map((v) => (v === null ? "" : v)));
  const criteria: SheetInput = { name: "Bộ tiêu chí", grid: { values: grid } };
  const whole = gradeWorkbook([...WORKBOOK.slice(0, 3), criteria, ...WORKBOOK.slice(3)], {});
  const parts = inChunks(WORKBOOK, criteria, [2, 3]);
  expect(parts.summary).toEqual(whole.plan.summary);
  expect(parts.report.skipped.filter((s) => s.name === "Bộ tiêu chí")).toHaveLength(1);
});

test("a broken Bộ tiêu chí sheet stops the chunk with its problems", () => {
  const criteria: SheetInput = { name: "Bộ tiêu chí", grid: { values: [["rác"]] } };
  const result = gradeChunk([{ index: 0, input: WORKBOOK[0]! }], criteria, {});
  expect(result.ok).toBe(false);
});
