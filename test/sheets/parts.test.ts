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
  // in the add-in's layout (a "Mã bộ tiêu chí" line), with mistakes; an ordinary list would be ignored
  const criteria: SheetInput = { name: "Bộ tiêu chí", grid: { values: [["Mã bộ tiêu chí", "Rác Rác"]] } };
  const result = gradeChunk([{ index: 0, input: WORKBOOK[0]! }], criteria, {});
  expect(result.ok).toBe(false);
});

describe("an annex split over two sheets, graded in parts", () => {
  const rows = (group: (g: string) => boolean) =>
    TT_XA_2023.criteria
      .filter((c) => group(c.group))
      .map((c) => [c.id, c.name, c.target.kind === "yes" ? "Có" : "100%"]);
  const header = ["TT", "Tên chỉ tiêu", "Kết quả đạt được"];
  const split: SheetInput[] = [
    {
      name: "Hoằng Phụ",
      grid: { values: [["Kết quả CĐS xã Hoằng Phụ năm 2023"], header, ...rows((g) => g < "3")] },
    },
    { name: "Trang 2", grid: { values: [header, ...rows((g) => g >= "3")] } },
  ];

  test.each([[[2]], [[1, 1]]])("chunks %j join it as gradeWorkbook does when the year is chosen", (sizes) => {
    const whole = gradeWorkbook(split, { year: 2023 });
    expect(whole.report.sheets.map((s) => s.parts)).toEqual([["Hoằng Phụ", "Trang 2"]]);
    const parts: SheetPart[] = [];
    let at = 0;
    for (const size of sizes) {
      const chunk = split.slice(at, at + size).map((s, i) => ({ index: at + i, input: s }));
      at += size;
      const result = gradeChunk(chunk, null, { year: 2023 });
      if (!result.ok) throw new Error("criteria problems");
      parts.push(...(JSON.parse(JSON.stringify(result.parts)) as SheetPart[]));
    }
    const report = assembleReport(parts, []);
    expect(JSON.parse(JSON.stringify(report))).toEqual(JSON.parse(JSON.stringify(whole.report)));
  });

  test("without a chosen year the untitled sheet was graded in another year: kept apart, and a note says so", () => {
    const result = gradeChunk(
      split.map((input, index) => ({ index, input })),
      null,
      {},
    );
    if (!result.ok) throw new Error("criteria problems");
    const report = assembleReport(result.parts, []);
    expect(report.sheets.map((s) => s.name)).toEqual(["Hoằng Phụ", "Trang 2"]);
    expect(report.notes).toEqual([
      expect.stringMatching(/^Trang "Trang 2" có thể là phần tiếp .* hãy chọn năm đánh giá rồi chấm lại/),
    ]);
  });
});
