/**
 * Points-based forms in Excel: the example workbook (examples/bo-chi-so-mau.xlsx, two communes' Biểu mẫu 01)
 * seeded into the fake Excel as Excel opens it, graded, re-graded and cleared; the points it writes held to what
 * cds-grade's core path gives on the same file; the "Bộ chỉ số" sheet added, edited and used.
 */
import {
  CHECK_LABELS,
  CHECK_RULES,
  FORM_OWN_HEADERS,
  FORMS_TITLE,
  findIndexSet,
  gradeWorkbookWithForms,
  INDEX_SHEET,
  indexSetFromGrid,
  type FormReport,
} from "../../shared/dti";
import { STATUS_LABELS, SUMMARY_SHEET } from "../../shared/labels";
import { a1 } from "../../shared/text";
import type { RawCell } from "../../shared/types";
import {
  addIndexSheet,
  clearInExcel,
  ExcelAddinError,
  gradeInExcel,
  RULE_OPERATOR,
  scanWorkbook,
} from "../../src/excel/adapter";
import { FakeExcel } from "../fakes/office-excel";
import { annexSheet } from "./fixture";
import { cliSheets, EXAMPLE_FORMS, fakeSheetsOf } from "./xlsx";

const A = "Nông Cống 2022";
const B = "Triệu Thành 2023";
/** the example forms span A–F; the own columns are G (result), H (points), I (reason) */
const OWN_COL = 6;
const EXAMPLE_SET = findIndexSet("bo-chi-so-mau")!;

function ctx(fake: FakeExcel): Excel.RequestContext {
  return fake.context() as unknown as Excel.RequestContext;
}

async function exampleWorkbook(): Promise<FakeExcel> {
  return new FakeExcel(fakeSheetsOf(await cliSheets(EXAMPLE_FORMS)));
}

/** a sheet's cells left of the own columns, with their formats: what grading must never change */
function userCells(fake: FakeExcel, sheet: string): unknown {
  return [...fake.sheet(sheet)!.cells.entries()]
    .filter(([k]) => Number(k.split(",")[1]) < OWN_COL)
    .map(([k, c]) => [k, { ...c }])
    .sort();
}

/** the cell of a component's row in one of the own columns (0 result, 1 points, 2 reason) */
function own(fake: FakeExcel, sheet: string, row: number, col: 0 | 1 | 2): unknown {
  return fake.value(sheet, a1(row, OWN_COL + col));
}

function component(report: FormReport, id: string) {
  const c = report.components.find((x) => x.id === id);
  if (!c) throw new Error(`no component ${id}`);
  return c;
}

async function failure(work: Promise<unknown>): Promise<ExcelAddinError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof ExcelAddinError) return error;
    throw error;
  }
  throw new Error("expected an ExcelAddinError");
}

describe("the example forms in Excel", () => {
  test("grading writes result, points and reason beside each form, text as text, rules on the results", async () => {
    const fake = await exampleWorkbook();
    const before = [A, B].map((s) => userCells(fake, s));
    const run = await gradeInExcel(ctx(fake), "all");

    expect(run.report.sheets).toEqual([]);
    expect(run.forms.reports.map((r) => r.name)).toEqual([A, B]);
    expect(run.forms.ranking.map((e) => e.commune)).toHaveLength(2);
    for (const report of run.forms.reports) {
      const sheet = report.name;
      const plan = run.plan.sheets.find((p) => p.sheet === sheet)!;
      expect(plan.own.col).toBe(OWN_COL);
      FORM_OWN_HEADERS.forEach((h, i) => expect(fake.value(sheet, a1(plan.own.row, OWN_COL + i))).toBe(h));
      expect(fake.cell(sheet, a1(plan.own.row, OWN_COL))!.bold).toBe(true);
      for (const c of report.components) {
        expect(own(fake, sheet, c.row, 0)).toBe(c.label);
        expect(own(fake, sheet, c.row, 1)).toBe(c.points ?? "");
        expect(own(fake, sheet, c.row, 2)).toBe(c.reason);
      }
      // every text the add-in wrote is a text cell: nothing became a formula
      for (const [k, cell] of fake.sheet(sheet)!.cells) {
        if (Number(k.split(",")[1]) < OWN_COL) continue;
        expect(cell.formula).toBeUndefined();
        if (typeof cell.value === "string") expect(cell.numberFormat).toBe("@");
      }
      const rules = fake.sheet(sheet)!.conditionalFormats;
      expect(rules.map((f) => f.rule?.text)).toEqual(CHECK_RULES.map((r) => r.text));
      for (const f of rules) {
        expect(f.rule!.operator).toBe(RULE_OPERATOR);
        expect(f.area).toEqual({ row: plan.own.row + 1, col: OWN_COL, rows: plan.own.rows - 1, cols: 1 });
      }
    }
    // what the example is made to show: 1.2 scored above the rules, 1.5 above its maximum, 2.2 hedged
    const b = run.forms.reports[1]!;
    expect(own(fake, A, component(run.forms.reports[0]!, "1.2").row, 0)).toBe(CHECK_LABELS.TU_CHAM_CAO_HON);
    expect(own(fake, B, component(b, "1.5").row, 0)).toBe(CHECK_LABELS.VUOT_DIEM_TOI_DA);
    expect(own(fake, B, component(b, "2.2").row, 0)).toBe(CHECK_LABELS.CAN_XEM_XET);
    expect(own(fake, B, b.total.row!, 1)).toBe(b.total.points);

    expect([A, B].map((s) => userCells(fake, s))).toEqual(before);
    const summary = fake.sheet(SUMMARY_SHEET)!;
    const texts = [...summary.cells.values()].map((c) => c.value);
    expect(texts).toContain(FORMS_TITLE);
    expect(summary.charts.map((c) => c.title)).toEqual(run.plan.summary!.charts.map((c) => c.title));
    // three sheets read in one sync, both forms written in one, the summary riding along: as for annexes
    expect(run.stats.syncs).toBe(5);
  });

  test("re-grading updates the own columns in place; clearing gives each sheet back as it was", async () => {
    const fake = await exampleWorkbook();
    const pristine = [A, B].map((s) => fake.snapshot(s));
    const first = await gradeInExcel(ctx(fake), "all");
    const graded = [A, B].map((s) => fake.snapshot(s));

    const again = await gradeInExcel(ctx(fake), "all");
    expect([A, B].map((s) => fake.snapshot(s))).toEqual(graded);
    expect(again.stats.syncs).toBe(first.stats.syncs);

    // the commune corrects 1.5 (25 above its maximum of 10) to 10: re-grading follows, no rule doubled
    const row = component(first.forms.reports[1]!, "1.5").row;
    fake.sheet(B)!.cells.get(`${row},4`)!.value = 10;
    const corrected = await gradeInExcel(ctx(fake), "all");
    expect(own(fake, B, row, 0)).toBe(CHECK_LABELS.KHOP);
    expect(own(fake, B, row, 1)).toBe(10);
    expect(fake.sheet(B)!.conditionalFormats).toHaveLength(CHECK_RULES.length);
    expect(corrected.forms.reports[1]!.total.points).toBeGreaterThan(first.forms.reports[1]!.total.points);
    fake.sheet(B)!.cells.get(`${row},4`)!.value = 25;

    const cleared = await clearInExcel(ctx(fake));
    expect(cleared.sheets).toEqual([A, B]);
    expect(cleared.summaryDeleted).toBe(true);
    expect([A, B].map((s) => fake.snapshot(s))).toEqual(pristine);
    expect(fake.sheet(SUMMARY_SHEET)).toBeUndefined();
    expect(cleared.stats.syncs).toBe(first.stats.syncs);
  });

  test("parity with cds-grade: Excel writes for every line of every form what the CLI's core path plans", async () => {
    const cli = gradeWorkbookWithForms(await cliSheets(EXAMPLE_FORMS));
    const fake = await exampleWorkbook();
    const run = await gradeInExcel(ctx(fake), "all");

    const planned = cli.plan.sheets.filter((p) => p.sheet === A || p.sheet === B);
    expect(planned).toHaveLength(2);
    for (const plan of planned) {
      const block = plan.writes[0]!;
      block.values.forEach((line, i) =>
        line.forEach((v, j) =>
          expect(fake.value(plan.sheet, a1(block.row + i, block.col + j))).toBe(v ?? ""),
        ),
      );
    }
    // component by component, the points and results of both hosts' paths
    const points = (reports: readonly FormReport[]) =>
      reports.flatMap((r) => r.components.map((c) => [r.name, c.id, c.code, c.points]));
    expect(points(run.forms.reports)).toEqual(points(cli.forms.reports));
    expect(points(cli.forms.reports).length).toBeGreaterThanOrEqual(16);
    expect(run.forms.ranking).toEqual(cli.forms.ranking);
    expect(run.forms.disputes).toEqual(cli.forms.disputes);
  });

  test("a workbook of annexes and forms: both graded, each with its own columns and rules", async () => {
    const fake = new FakeExcel([annexSheet("Hoằng Phụ"), ...fakeSheetsOf(await cliSheets(EXAMPLE_FORMS))]);
    const run = await gradeInExcel(ctx(fake), "all");
    expect(run.report.sheets.map((s) => s.name)).toEqual(["Hoằng Phụ"]);
    expect(run.forms.reports).toHaveLength(2);
    expect(fake.sheet("Hoằng Phụ")!.conditionalFormats.map((f) => f.rule?.text)).toEqual(
      Object.values(STATUS_LABELS),
    );
    const cleared = await clearInExcel(ctx(fake));
    expect(cleared.sheets).toEqual(["Hoằng Phụ", A, B]);
    for (const s of fake.sheets) expect(s.conditionalFormats).toEqual([]);
  });

  test("the first look names the sheets holding a form, not the guide sheet", async () => {
    const fake = new FakeExcel([annexSheet("Hoằng Phụ"), ...fakeSheetsOf(await cliSheets(EXAMPLE_FORMS))]);
    const scan = await scanWorkbook(ctx(fake));
    expect(scan.forms).toEqual([A, B]);
    expect(scan.sheets.filter((s) => s.annex).map((s) => s.name)).toEqual(["Hoằng Phụ"]);
  });

  test("no label the add-in writes begins with another, so 'begins with' rules never colour the wrong one", () => {
    const labels = [...new Set([...Object.values(STATUS_LABELS), ...Object.values(CHECK_LABELS)])].map((l) =>
      l.toLocaleLowerCase("vi"),
    );
    for (const a of labels) for (const b of labels) if (a !== b) expect(b.startsWith(a)).toBe(false);
  });
});

describe("the sheet Bộ chỉ số in Excel", () => {
  /** the index sheet's values as the core reads them */
  function valuesOf(fake: FakeExcel, rows: number, cols: number): RawCell[][] {
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, c) => {
        const v = fake.cell(INDEX_SHEET, a1(r, c))?.value;
        return v === "" || v === undefined ? null : (v as RawCell);
      }),
    );
  }

  /** the 0-based row and the column of the maximum of component `id` in the index table */
  function maxCell(fake: FakeExcel, id: string): [number, number] {
    const values = valuesOf(fake, 80, 7);
    const header = values.findIndex((r) => r[0] === "STT");
    const row = values.findIndex((r, i) => i > header && r[0] === id);
    return [row, 2];
  }

  test("written in two syncs, read back to the same set; never over a sheet of that name", async () => {
    const fake = await exampleWorkbook();
    expect(await addIndexSheet(ctx(fake), EXAMPLE_SET)).toEqual({ added: INDEX_SHEET });
    expect(fake.syncCount).toBe(2);
    expect(fake.activeSheet).toBe(INDEX_SHEET);
    const read = indexSetFromGrid(INDEX_SHEET, { values: valuesOf(fake, 80, 7) });
    expect(read).toMatchObject({ ok: true, set: EXAMPLE_SET });
    expect(fake.cell(INDEX_SHEET, "A1")!.bold).toBe(true);

    const before = fake.snapshot(INDEX_SHEET);
    expect(await addIndexSheet(ctx(fake), EXAMPLE_SET)).toEqual({ existing: INDEX_SHEET });
    expect(fake.snapshot(INDEX_SHEET)).toEqual(before);
    expect(fake.syncCount).toBe(3);

    // a user's sheet named so in another case and without diacritics is the core's index sheet too: kept
    const user = new FakeExcel([{ name: "bo chi so", values: [["Danh sách của tôi"]] }]);
    const snapshot = user.snapshot("bo chi so");
    expect(await addIndexSheet(ctx(user), EXAMPLE_SET)).toEqual({ existing: "bo chi so" });
    expect(user.snapshot("bo chi so")).toEqual(snapshot);
    expect(user.sheets).toHaveLength(1);
  });

  test("a protected workbook structure: refused in Vietnamese before anything is written", async () => {
    const fake = await exampleWorkbook();
    fake.structureProtected = true;
    const error = await failure(addIndexSheet(ctx(fake), EXAMPLE_SET));
    expect(error.code).toBe("PROTECTED");
    expect(error.message).toContain(INDEX_SHEET);
    expect(fake.sheet(INDEX_SHEET)).toBeUndefined();
  });

  test("grading the active sheet uses a maximum edited in the sheet", async () => {
    const fake = await exampleWorkbook();
    await addIndexSheet(ctx(fake), EXAMPLE_SET);
    // 1.5 is scored 25 by Triệu Thành, above the example's maximum of 10; the office moves 15 points of 1.3 to it
    const [row, col] = maxCell(fake, "1.5");
    const [row13] = maxCell(fake, "1.3");
    expect([fake.value(INDEX_SHEET, a1(row, col)), fake.value(INDEX_SHEET, a1(row13, col))]).toEqual([
      10, 20,
    ]);
    fake.sheet(INDEX_SHEET)!.cells.get(`${row},${col}`)!.value = 25;
    fake.sheet(INDEX_SHEET)!.cells.get(`${row13},${col}`)!.value = 5;
    fake.activeSheet = B;
    const run = await gradeInExcel(ctx(fake), "active");
    expect(run.forms.reports.map((r) => r.name)).toEqual([B]);
    expect(run.forms.reports[0]!.set?.id).toBe(EXAMPLE_SET.id);
    const c = component(run.forms.reports[0]!, "1.5");
    expect([c.maxPoints, c.code]).toEqual([25, "KHOP"]);
    expect(own(fake, B, c.row, 1)).toBe(25);
    expect(run.report.skipped.map((s) => s.name)).toContain(INDEX_SHEET);
    // the other form and the index sheet are left alone
    expect(fake.sheet(A)!.conditionalFormats).toEqual([]);
    expect(fake.value(INDEX_SHEET, a1(row, col + 5))).toBe("");
  });

  test("a mistake in the sheet: no form checked, the message names the cell, the summary lists it", async () => {
    const fake = await exampleWorkbook();
    await addIndexSheet(ctx(fake), EXAMPLE_SET);
    const [row, col] = maxCell(fake, "1.2");
    fake.sheet(INDEX_SHEET)!.cells.get(`${row},${col}`)!.value = "hai mươi";
    const before = [A, B].map((s) => fake.snapshot(s));
    const error = await failure(gradeInExcel(ctx(fake), "all"));
    expect(error.code).toBe("INDEX_SHEET");
    expect(error.message).toMatch(/^Chưa kiểm tra biểu mẫu nào: trang “Bộ chỉ số” có 1 lỗi/);
    expect(error.message).toContain(`ô ${a1(row, col)}`);
    expect(error.message).toContain("hai mươi");
    expect([A, B].map((s) => fake.snapshot(s))).toEqual(before);
    const listed = [...fake.sheet(SUMMARY_SHEET)!.cells.values()].map((c) => c.value);
    expect(listed).toContain(a1(row, col));
  });

  test("a mistake in the sheet beside an annex: the annex graded, the forms left alone, the mistake reported", async () => {
    const fake = await exampleWorkbook();
    fake.addSheet(annexSheet("Hoằng Phụ"));
    await addIndexSheet(ctx(fake), EXAMPLE_SET);
    const [row, col] = maxCell(fake, "1.2");
    fake.sheet(INDEX_SHEET)!.cells.get(`${row},${col}`)!.value = "hai mươi";
    const before = [A, B].map((s) => fake.snapshot(s));
    const run = await gradeInExcel(ctx(fake), "all");
    expect(run.report.sheets.map((s) => s.name)).toEqual(["Hoằng Phụ"]);
    expect(run.forms.reports).toEqual([]);
    expect(run.forms.indexSheetProblems!.map((p) => p.cell)).toEqual([a1(row, col)]);
    expect([A, B].map((s) => fake.snapshot(s))).toEqual(before);
  });
});
