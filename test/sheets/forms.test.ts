/**
 * The BUILT Code.js on points-based forms (issue 16) in the Apps Script fake: the example workbook
 * (examples/bo-chi-so-mau.xlsx, read as cds-grade reads it) graded, re-graded and cleared; the points written for
 * every component equal to the core's (`gradeWorkbookWithForms` on the same grids: the same form gives the same
 * points in each host); a run over several executions ranking as one run does; "Chấm điểm trang này" on a form;
 * the "Bộ chỉ số" sheet supplying the set, its mistakes named by cell, the menu creating it.
 */
import * as path from "path";
import {
  CHECK_LABELS,
  FORMS_TITLE,
  FORM_OWN_HEADERS,
  INDEX_SHEET,
  findIndexSet,
  gradeWorkbookWithForms,
  planIndexSheet,
  type IndexSet,
} from "../../shared/dti";
import type { SheetInput } from "../../shared/report/workbook";
import { readWorkbook, sheetGrids } from "../../src/cli/read";
import type { SidebarForms, SidebarReport } from "../../src/sheets/report";
import { GasFake, type CellValue } from "../fakes/gas";
import { isBuilt, loadAddon } from "../fakes/gas-load";
import { communeForm, seedAnnex } from "./fixtures";
import { call, runAll, thrown, type Step } from "./steps";

if (!isBuilt()) throw new Error("dist/sheets missing: run `npm run build` before these tests");

const EXAMPLE = path.resolve(__dirname, "..", "..", "examples", "bo-chi-so-mau.xlsx");
const SUMMARY = "Tổng hợp CĐS";
const SCRATCH = "CĐS – kết quả tạm";

let example: SheetInput[];
beforeAll(async () => {
  const { workbook } = await readWorkbook(EXAMPLE);
  example = sheetGrids(workbook);
});

function load(fake: GasFake, sheets: readonly SheetInput[]): GasFake {
  for (const s of sheets)
    fake.addSheet(
      s.name,
      s.grid.values.map((r) => r.map((v) => (v ?? null) as CellValue | null)),
      s.grid.formats ?? undefined,
    );
  return fake;
}

function exampleFake(): GasFake {
  return load(new GasFake(), example);
}

/** the values of a sheet in the fake, read directly (no call counted) */
function valuesOf(fake: GasFake, name: string): CellValue[][] {
  const sheet = fake.spreadsheet.sheets.find((s) => s.name === name)!;
  const { rows, cols } = sheet.lastRowCol();
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => sheet.cell(r, c).value),
  );
}

interface SheetSnapshot {
  name: string;
  cells: { at: string; value: unknown; format?: string; formula?: string }[];
  rules: unknown[];
}
function sheetSnapshot(fake: GasFake, name: string): SheetSnapshot {
  const all = fake.snapshot() as { sheets: SheetSnapshot[] };
  return all.sheets.find((s) => s.name === name)!;
}

/** cells outside the own columns (from `col` right): the commune's cells */
function userCells(fake: GasFake, name: string, ownCol: string): unknown[] {
  return sheetSnapshot(fake, name).cells.filter((c) => /^[A-Z]+/.exec(c.at)![0] < ownCol);
}

function activate(fake: GasFake, name: string): void {
  fake.spreadsheet.active = fake.spreadsheet.sheets.find((s) => s.name === name)!;
}

const lastReport = (steps: { step: Step }[]) => steps.at(-1)!.step.report as unknown as SidebarReport;

describe("the example's two forms graded in the fake", () => {
  it("writes the core's own columns on each form, ranks the communes, keeps every cell, re-grades and clears", () => {
    const fake = exampleFake();
    const before = fake.snapshot();
    const userBefore = example.map((s) => userCells(fake, s.name, "G"));
    const steps = runAll(fake, "grade");
    expect(steps.reduce((n, e) => n + e.flushes, 0)).toBe(0);
    const forms = lastReport(steps).forms!;
    expect(forms.forms.map((f) => [f.commune, f.self, f.points, f.band])).toEqual([
      ["thị trấn Nông Cống", 116, 101, "Khá"],
      ["xã Triệu Thành", 120, 63, "Yếu"],
    ]);
    expect(forms.ranking!.rows.map((r) => [r[0], r[1]])).toEqual([
      ["1", "thị trấn Nông Cống"],
      ["2", "xã Triệu Thành"],
    ]);
    expect(forms.disputes[0]).toMatchObject({ id: "2.1", differ: 2 });
    expect(forms.toReview).toBe(forms.forms.reduce((n, f) => n + f.toReview, 0));
    // the core's labels, each component's self-score cell to select
    const tt = forms.forms[1]!;
    expect(tt.rows.find((r) => r.id === "1.5")).toMatchObject({
      cell: "E23",
      label: CHECK_LABELS.VUOT_DIEM_TOI_DA,
      reason: "tự chấm 25 > điểm tối đa 10",
    });
    expect(tt.sums.join(" ")).toContain("Chỉ số 2 (E27): ghi 40 nhưng tổng các chỉ số thành phần là 35");

    const sheet = valuesOf(fake, "Triệu Thành 2023");
    expect(sheet[12]!.slice(6, 9)).toEqual([...FORM_OWN_HEADERS]);
    expect([sheet[22]![6], sheet[22]![8]]).toEqual(["Vượt điểm tối đa", "tự chấm 25 > điểm tối đa 10"]);
    // plain text: nothing the add-in writes is evaluated as a formula; the rules colour the rows by result
    const own = sheetSnapshot(fake, "Triệu Thành 2023");
    const ownCells = own.cells.filter((c) => /^[GHI]\d+$/.test(c.at));
    expect(ownCells.length).toBeGreaterThan(20);
    expect(ownCells.every((c) => c.format === "@")).toBe(true);
    expect(ownCells.some((c) => c.formula)).toBe(false);
    expect(own.rules).toHaveLength(Object.keys(CHECK_LABELS).length);
    expect(JSON.stringify(own.rules)).toContain('=$G13=\\"Khớp\\"');
    example.forEach((s, i) => expect(userCells(fake, s.name, "G")).toEqual(userBefore[i]));
    expect(valuesOf(fake, SUMMARY).flat()).toContain(FORMS_TITLE);

    // re-grading: the same cells, in place; no rule or format is set again
    const graded = fake.snapshot();
    const calls = new Map(fake.calls);
    const again = runAll(fake, "grade");
    expect(lastReport(again).forms!.forms.map((f) => f.points)).toEqual([101, 63]);
    expect(fake.snapshot()).toEqual(graded);
    const delta = (name: string) => (fake.calls.get(name) ?? 0) - (calls.get(name) ?? 0);
    expect(delta("Sheet.setConditionalFormatRules")).toBe(1); // the summary sheet's only
    expect(delta("Range.setNumberFormat")).toBe(0);

    // clearing removes exactly what grading wrote
    const cleared = runAll(fake, "clear").at(-1)!.step;
    expect(cleared.cleared).toEqual({ sheets: 2, summaryRemoved: true });
    expect(fake.snapshot()).toEqual(before);
  });

  it("writes for every component and total the points, labels and reasons the core gives (parity)", () => {
    const core = gradeWorkbookWithForms(example);
    const fake = exampleFake();
    runAll(fake, "grade");
    expect(core.forms.reports).toHaveLength(2);
    for (const report of core.forms.reports) {
      const plan = core.plan.sheets.find((p) => p.sheet === report.name)!;
      const block = plan.writes[0]!;
      const written = valuesOf(fake, report.name)
        .slice(block.row, block.row + block.values.length)
        .map((r) => r.slice(block.col, block.col + FORM_OWN_HEADERS.length));
      expect(written).toEqual(block.values.map((r) => r.map((v) => v ?? "")));
      // the points column, component by component
      for (const c of report.components) expect(written[c.row - block.row]![1]).toBe(c.points ?? "");
      expect(report.components.length).toBeGreaterThanOrEqual(8);
    }
  });

  it('"Chấm điểm trang này" on a form writes what the run writes on it', () => {
    const whole = exampleFake();
    runAll(whole, "grade");
    const fake = exampleFake();
    activate(fake, "Triệu Thành 2023");
    const report = call(loadAddon(fake), "gradeActiveForSidebar", {}) as SidebarReport;
    expect(report.sheets).toEqual([]);
    expect(report.forms!.forms.map((f) => [f.sheet, f.points])).toEqual([["Triệu Thành 2023", 63]]);
    expect(report.forms!.ranking).toBeNull();
    expect(valuesOf(fake, "Triệu Thành 2023")).toEqual(valuesOf(whole, "Triệu Thành 2023"));
    expect(sheetSnapshot(fake, "Triệu Thành 2023").rules).toEqual(
      sheetSnapshot(whole, "Triệu Thành 2023").rules,
    );
    expect(report.summarySheet).toBe(SUMMARY);
    // the toast of the menu names the commune and both totals
    activate(fake, "Nông Cống 2022");
    call(loadAddon(fake), "gradeActiveSheet");
    expect(fake.toasts.at(-1)!.message).toContain(
      "thị trấn Nông Cống: tự chấm 116, tính lại 101/130 điểm (Khá)",
    );
  });
});

function formsWorkbook(n: number, msPerCall: number): GasFake {
  const fake = new GasFake();
  for (let i = 1; i <= n; i++) {
    const form = communeForm(i);
    fake.addSheet(form.name, form.values);
  }
  fake.msPerCall = msPerCall;
  return fake;
}

describe("a run over several executions", () => {
  it("ranks every commune's form as one run does, and writes the same", () => {
    const one = formsWorkbook(6, 1);
    const oneSteps = runAll(one, "grade");
    expect(oneSteps).toHaveLength(1);
    const slow = formsWorkbook(6, 2000);
    const steps = runAll(slow, "grade");
    expect(steps.length).toBeGreaterThan(2);
    expect(Math.max(...steps.map((s) => s.ms))).toBeLessThan(360_000);
    const ranking = (s: { step: Step }[]) => (lastReport(s).forms as SidebarForms).ranking!.rows;
    expect(ranking(steps)).toEqual(ranking(oneSteps));
    expect(new Set(ranking(steps).map((r) => r[0])).size).toBeGreaterThan(1);
    expect(lastReport(steps).forms!.disputes).toEqual(lastReport(oneSteps).forms!.disputes);
    for (let i = 1; i <= 6; i++) expect(valuesOf(slow, `Xã ${i}`)).toEqual(valuesOf(one, `Xã ${i}`));
    expect(valuesOf(slow, SUMMARY)).toEqual(valuesOf(one, SUMMARY));
    expect(slow.spreadsheet.sheets.map((s) => s.name)).not.toContain(SCRATCH);
  });

  it('reads the "Bộ chỉ số" sheet in each step that holds forms, wherever the sheet is', () => {
    const base = findIndexSet("bo-chi-so-mau")!;
    const set: IndexSet = { ...base, id: "bo-rieng", title: "Bộ chỉ số của tỉnh (thử)" };
    const withIndex = (msPerCall: number) => {
      const fake = formsWorkbook(5, msPerCall);
      fake.addSheet(
        INDEX_SHEET,
        planIndexSheet(set).values.map((r) => r.map((v) => v as CellValue | null)),
      );
      return runAll(fake, "grade");
    };
    const one = withIndex(1);
    const steps = withIndex(2000);
    expect(steps.length).toBeGreaterThan(2);
    const forms = lastReport(steps).forms!;
    expect(forms.forms.every((f) => f.set === "Bộ chỉ số của tỉnh (thử)")).toBe(true);
    expect(forms).toEqual(lastReport(one).forms);
    expect(lastReport(steps).skipped.filter((s) => s.name === INDEX_SHEET)).toHaveLength(1);
  });

  it("costs a constant number of calls per further form sheet", () => {
    const cost = (n: number, kind: "grade" | "clear") => {
      const fake = formsWorkbook(n, 1);
      if (kind === "clear") runAll(fake, "grade");
      return runAll(fake, kind).reduce((sum, e) => sum + e.serviceCalls, 0);
    };
    for (const kind of ["grade", "clear"] as const) {
      const per = (cost(6, kind) - cost(4, kind)) / 2;
      expect(cost(4, kind) - cost(2, kind)).toBe(2 * per);
      expect(per).toBeLessThanOrEqual(kind === "grade" ? 9 : 6);
    }
  });
});

function indexSheetFake(set: IndexSet): GasFake {
  const fake = exampleFake();
  const plan = planIndexSheet(set);
  fake.addSheet(
    INDEX_SHEET,
    plan.values.map((r) => r.map((v) => v as CellValue | null)),
  );
  return fake;
}

describe('the "Bộ chỉ số" sheet', () => {
  it("supplies the index set: a maximum changed there changes the points, as in the core", () => {
    const base = findIndexSet("bo-chi-so-mau")!;
    const set: IndexSet = {
      ...base,
      id: "bo-rieng",
      title: "Bộ chỉ số của tỉnh (thử)",
      // component 1.5 worth 30 (not 10): its index, group and the set 20 more
      maxPoints: base.maxPoints! + 20,
      groups: base.groups.map((g) => ({ ...g, maxPoints: g.maxPoints! + 20 })),
      indices: base.indices.map((x) => (x.id === "1" ? { ...x, maxPoints: x.maxPoints! + 20 } : x)),
      components: base.components.map((c) => (c.id === "1.5" ? { ...c, maxPoints: 30 } : c)),
    };
    const fake = indexSheetFake(set);
    const grids = fake.spreadsheet.sheets.map((s) => ({
      name: s.name,
      grid: { values: valuesOf(fake, s.name) },
    }));
    const core = gradeWorkbookWithForms(grids as SheetInput[]);
    const report = lastReport(runAll(fake, "grade"));
    expect(report.forms!.forms.map((f) => [f.set, f.points])).toEqual(
      core.forms.reports.map((r) => [r.set!.title, r.total.points]),
    );
    expect(report.forms!.forms[0]!.set).toBe("Bộ chỉ số của tỉnh (thử)");
    // the set's maximum wins over the form's: 1.5 is worth 30, a self-score of 25 is no longer above it
    expect(report.forms!.forms.map((f) => f.points)).toEqual([121, 93]);
    expect(report.forms!.forms[1]!.rows.find((r) => r.id === "1.5")).toMatchObject({
      label: CHECK_LABELS.TU_CHAM_THAP_HON,
      reason: expect.stringContaining("điểm tối đa ghi trong biểu mẫu 10, bộ chỉ số 30"),
    });
    expect(report.skipped.map((s) => s.name)).toContain(INDEX_SHEET);
  });

  it("with a mistake: nothing is checked, the message and the summary name the cell", () => {
    const fake = indexSheetFake(findIndexSet("bo-chi-so-mau")!);
    const sheet = fake.spreadsheet.sheets.find((s) => s.name === INDEX_SHEET)!;
    const { rows } = sheet.lastRowCol();
    const row = valuesOf(fake, INDEX_SHEET).findIndex((r) => r[0] === "1.1");
    sheet.getRange(row + 1, 3).setValue("hai mươi");
    expect(rows).toBeGreaterThan(row);
    const before = valuesOf(fake, "Triệu Thành 2023");
    const message = thrown(() => runAll(fake, "grade"));
    expect(message).toMatch(/^Chưa chấm biểu mẫu: trang "Bộ chỉ số" có 1 lỗi/);
    expect(message).toContain(`ô C${row + 1}`);
    expect(message).toContain("hai mươi");
    expect(valuesOf(fake, SUMMARY).flat().join(" ")).toContain(`C${row + 1}`);
    expect(valuesOf(fake, "Triệu Thành 2023")).toEqual(before);
    activate(fake, "Triệu Thành 2023");
    expect(thrown(() => call(loadAddon(fake), "gradeActiveForSidebar", {}))).toContain(`ô C${row + 1}`);
  });

  it("with a mistake found in a later step: the run ends cleanly (no scratch sheet, no run left)", () => {
    const fake = new GasFake();
    const annex = seedAnnex();
    for (let i = 1; i <= 3; i++) fake.addSheet(`Phụ lục ${i}`, annex.values, annex.formats);
    const form = communeForm(1);
    fake.addSheet(form.name, form.values);
    const plan = planIndexSheet(findIndexSet("bo-chi-so-mau")!);
    const values = plan.values.map((r) => r.map((v) => v as CellValue | null));
    values[values.findIndex((r) => r[0] === "1.1")]![2] = "hai mươi";
    fake.addSheet(INDEX_SHEET, values);
    fake.msPerCall = 2000;
    expect(thrown(() => runAll(fake, "grade"))).toMatch(/^Chưa chấm biểu mẫu: trang "Bộ chỉ số" có 1 lỗi/);
    expect(fake.spreadsheet.sheets.map((s) => s.name)).not.toContain(SCRATCH);
    expect(fake.documentProperties.store.size).toBe(0);
    expect(valuesOf(fake, form.name).flat()).not.toContain(FORM_OWN_HEADERS[0]);
    // the annexes of the earlier steps keep their columns
    expect(valuesOf(fake, "Phụ lục 1").flat()).toContain("Chấm CĐS: Trạng thái");
  });

  it('"Tạo trang Bộ chỉ số" writes the set the form fits, and never overwrites a sheet of that name', () => {
    const fake = exampleFake();
    call(loadAddon(fake), "createIndexSheet");
    expect(fake.toasts.at(-1)!.message).toMatch(/^Đã tạo trang "Bộ chỉ số"/);
    const written = valuesOf(fake, INDEX_SHEET);
    expect(written[1]).toEqual(["Mã bộ chỉ số", "bo-chi-so-mau", "", "", "", "", ""]);
    // plain text: a rule's text starting with "-" stays text
    const cells = sheetSnapshot(fake, INDEX_SHEET).cells as {
      value: unknown;
      format: string;
      formula?: string;
    }[];
    expect(cells.some((c) => c.formula)).toBe(false);
    expect(cells.filter((c) => typeof c.value === "string").every((c) => c.format === "@")).toBe(true);
    // grading reads it back: the same points as with the built-in set
    const report = lastReport(runAll(fake, "grade"));
    expect(report.forms!.forms.map((f) => f.points)).toEqual([101, 63]);
    // a second time: refused, the sheet kept
    const kept = fake.snapshot();
    call(loadAddon(fake), "createIndexSheet");
    expect(fake.ui.alerts.at(-1)!.prompt).toMatch(/^Trang "Bộ chỉ số" đã có/);
    expect(fake.snapshot()).toEqual(kept);
  });

  it("a user's sheet of that name is never overwritten", () => {
    const fake = exampleFake();
    fake.addSheet(INDEX_SHEET, [["Ghi chú riêng của cán bộ"]]);
    const before = fake.snapshot();
    call(loadAddon(fake), "createIndexSheet");
    expect(fake.ui.alerts.at(-1)!.prompt).toMatch(/^Trang "Bộ chỉ số" đã có/);
    expect(fake.snapshot()).toEqual(before);
  });
});
