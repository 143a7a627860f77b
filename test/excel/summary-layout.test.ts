/**
 * The summary sheet's look in Excel, against the fake that enforces Office.js: the tables bordered and wrapped,
 * shares as percentages, the title block frozen, rows fitted; the page setup only where ExcelApi 1.9 is
 * there (the manifest asks for 1.7), and in the same syncs as before.
 */
import { SUMMARY_SHEET } from "../../shared/labels";
import { gradeInExcel, pageLayoutSupported, PERCENT_FORMAT } from "../../src/excel/adapter";
import { FakeExcel } from "../fakes/office-excel";
import { annexSheet } from "./fixture";

const globals = globalThis as { Office?: unknown };

/** Office.context.requirements as an Excel that has (or lacks) ExcelApi 1.9 answers it */
function officeWith(api19: boolean): void {
  globals.Office = {
    context: {
      requirements: {
        isSetSupported: (name: string, version?: string) =>
          name === "ExcelApi" && (api19 || Number(version ?? "1.1") <= 1.7),
      },
    },
  };
}

afterEach(() => delete globals.Office);

function workbook(pageLayoutApi: boolean): FakeExcel {
  const fake = new FakeExcel([annexSheet("Hoằng Phụ"), annexSheet("Quảng Ngọc", "xã Quảng Ngọc")]);
  fake.pageLayoutApi = pageLayoutApi;
  return fake;
}

async function grade(fake: FakeExcel) {
  return gradeInExcel(fake.context() as unknown as Excel.RequestContext, "all");
}

test("tables bordered and wrapped, headers filled, shares as percentages, title frozen, rows fitted", async () => {
  officeWith(false);
  const fake = workbook(false);
  const run = await grade(fake);
  const plan = run.plan.summary!;
  const layout = plan.layout!;
  const sheet = fake.sheet(SUMMARY_SHEET)!;
  for (const t of layout.tables) {
    const edges = sheet
      .borders!.filter((b) => JSON.stringify(b.area) === JSON.stringify(t.area))
      .map((b) => `${b.edge} ${b.style}`);
    expect(edges.sort()).toEqual(
      ["EdgeBottom", "EdgeLeft", "EdgeRight", "EdgeTop", "InsideHorizontal", "InsideVertical"].map(
        (e) => `${e} Continuous`,
      ),
    );
    const corner = fake.cell(SUMMARY_SHEET, "A1".replace("1", String(t.area.row + 1)))!;
    expect(corner).toMatchObject({ wrapText: true, bold: true, fill: "#DDEBF7" });
  }
  const share = layout.percent[0]!;
  const cell = sheet.cells.get(`${share.row},${share.col}`)!;
  expect(typeof cell.value).toBe("number");
  expect(cell.numberFormat).toBe(PERCENT_FORMAT);
  expect(sheet.frozenRows).toBe(layout.frozenRows);
  expect(sheet.autofitRows).toEqual([
    { row: 0, col: 0, rows: plan.values.length, cols: plan.values[0]!.length },
  ]);
  expect(sheet.columnWidths.get(1)).toBe(plan.columnWidths[1]);
  // no page setup without ExcelApi 1.9, and nothing failed for it
  expect(sheet.pageLayout).toBeUndefined();
  expect(run.stats.syncs).toBe(5);
});

test("with ExcelApi 1.9: A4 landscape, one page wide, the title block repeated, in the same syncs", async () => {
  officeWith(true);
  expect(pageLayoutSupported()).toBe(true);
  const fake = workbook(true);
  const run = await grade(fake);
  expect(fake.sheet(SUMMARY_SHEET)!.pageLayout).toEqual({
    orientation: "Landscape",
    paperSize: "A4",
    zoom: { horizontalFitToPages: 1 },
    printTitleRows: "$1:$2",
  });
  expect(run.stats.syncs).toBe(5);
});

test("the page setup is asked for only where Excel has it: an Excel without 1.9 refuses the whole batch", async () => {
  // the fake refuses pageLayout when its Excel lacks 1.9; were the check skipped, grading would fail
  officeWith(true);
  await expect(grade(workbook(false))).rejects.toThrow();
  officeWith(false);
  expect(pageLayoutSupported()).toBe(false);
  await expect(grade(workbook(false))).resolves.toBeDefined();
  delete globals.Office;
  expect(pageLayoutSupported()).toBe(false);
});
