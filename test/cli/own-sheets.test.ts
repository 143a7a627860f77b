/**
 * Own sheets known by their mark, user sheets kept (issue 15, item 2) through the built `cds-grade`: a user's
 * "Tổng hợp CĐS" (any case, NFC or NFD) is never replaced, an ordinary "Bộ tiêu chí" list does not block
 * grading, re-grading replaces only the marked summary sheet, an earlier version's summary sheet (no mark) is
 * still known, the exported criteria sheet carries its mark.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { CRITERIA_SHEET } from "../../shared/criteria/sheet";
import { SUMMARY_SHEET } from "../../shared/labels";
import { CRITERIA_MARK, SUMMARY_MARK } from "../../shared/report/own-sheets";
import type { JsonReport } from "../../src/cli/report";
import { ensureBuilt, ROOT, runBuiltCli, snapshotWorkbook, tempDir } from "./helpers";

beforeAll(() => ensureBuilt(), 300_000);

const EXAMPLE = path.join(ROOT, "examples", "phu-luc-mau.xlsx");

/** the example with one more sheet of the user's */
async function withUserSheet(file: string, name: string, rows: ExcelJS.CellValue[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(EXAMPLE);
  const ws = wb.addWorksheet(name);
  rows.forEach((r) => ws.addRow(r));
  await wb.xlsx.writeFile(file);
}

const USER_ROWS: ExcelJS.CellValue[][] = [
  ["Tổng hợp của phòng — KHÔNG XÓA"],
  ["Số xã", 12],
  ["Gấp đôi", { formula: "B2*2", result: 24 }],
];

function grade(input: string, out: string): { stdout: string; report: JsonReport } {
  const json = `${out}.json`;
  const r = runBuiltCli([input, "--out", out, "--json", json]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return { stdout: r.stdout, report: JSON.parse(fs.readFileSync(json, "utf8")) as JsonReport };
}

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

const markOf = (wb: ExcelJS.Workbook, mark: string): string[] => wb.definedNames.getRanges(mark).ranges;

describe.each([SUMMARY_SHEET, "tổng hợp cđs", SUMMARY_SHEET.normalize("NFD")])(
  "a user's sheet named %j",
  (name) => {
    const dir = tempDir("cds-own-");
    const input = path.join(dir, "nguoi-dung.xlsx");
    beforeAll(() => withUserSheet(input, name, USER_ROWS));

    test("is kept as it was; the summary goes to a free name, marked, and the report says so", async () => {
      const out = path.join(dir, "lan-1.xlsx");
      const { stdout, report } = grade(input, out);
      const before = await snapshotWorkbook(input);
      const after = await snapshotWorkbook(out);
      expect(after.get(name)).toEqual(before.get(name));
      const wb = await open(out);
      expect(wb.worksheets.map((w) => w.name)).toEqual([
        ...(await open(input)).worksheets.map((w) => w.name),
        "Tổng hợp CĐS (2)",
      ]);
      expect(markOf(wb, SUMMARY_MARK)).toEqual(["'Tổng hợp CĐS (2)'!$A$1"]);
      const note = `Trang "${name}" không phải trang tổng hợp do add-in tạo nên được giữ nguyên; kết quả tổng hợp ghi vào trang "Tổng hợp CĐS (2)".`;
      expect(report.notes).toContain(note);
      expect(stdout).toContain(`Lưu ý: ${note}`);

      // re-grading the copy replaces the marked sheet only
      const again = path.join(dir, "lan-2.xlsx");
      grade(out, again);
      const wb2 = await open(again);
      expect(wb2.worksheets.map((w) => w.name)).toEqual(wb.worksheets.map((w) => w.name));
      expect((await snapshotWorkbook(again)).get(name)).toEqual(before.get(name));
      expect(markOf(wb2, SUMMARY_MARK)).toEqual(["'Tổng hợp CĐS (2)'!$A$1"]);
    });
  },
);

test("an earlier version's summary sheet (no mark) is known by its name and title and replaced", async () => {
  const dir = tempDir("cds-own-");
  const first = path.join(dir, "cu.xlsx");
  grade(EXAMPLE, first);
  // as an earlier version wrote it: the same sheet, no mark
  const wb = await open(first);
  for (const ref of markOf(wb, SUMMARY_MARK)) wb.definedNames.remove(ref, SUMMARY_MARK);
  const legacy = path.join(dir, "cu-khong-dau.xlsx");
  await wb.xlsx.writeFile(legacy);
  expect(markOf(await open(legacy), SUMMARY_MARK)).toEqual([]);
  const out = path.join(dir, "moi.xlsx");
  const { report } = grade(legacy, out);
  expect(report.notes ?? []).toEqual([]);
  const names = (await open(out)).worksheets.map((w) => w.name);
  expect(names.filter((n) => n.startsWith("Tổng hợp"))).toEqual([SUMMARY_SHEET]);
  expect(markOf(await open(out), SUMMARY_MARK)).toEqual([`'${SUMMARY_SHEET}'!$A$1`]);
});

describe("a 'Bộ tiêu chí' sheet", () => {
  test("holding an ordinary list does not block grading: a note names it", async () => {
    const dir = tempDir("cds-own-");
    const input = path.join(dir, "danh-sach.xlsx");
    await withUserSheet(input, CRITERIA_SHEET, [
      ["STT", "Tiêu chí"],
      [1, "Hạ tầng"],
      [2, "Nhân lực"],
    ]);
    const { stdout, report } = grade(input, path.join(dir, "out.xlsx"));
    expect(report.sheets.length).toBeGreaterThan(0);
    expect(report.sheets.every((s) => s.criteriaSet === "tt-xa-2023")).toBe(true);
    expect(report.notes).toEqual([expect.stringMatching(/^Trang "Bộ tiêu chí" không theo mẫu bộ tiêu chí/)]);
    expect(stdout).toContain('Lưu ý: Trang "Bộ tiêu chí" không theo mẫu');
  });

  test("exported by --export-set carries the mark, and the marked sheet is used under another name", async () => {
    const dir = tempDir("cds-own-");
    const exported = path.join(dir, "bo.xlsx");
    expect(runBuiltCli(["--export-set", "tt-xa-2023", exported]).code).toBe(0);
    const set = await open(exported);
    expect(markOf(set, CRITERIA_MARK)).toEqual([`'${CRITERIA_SHEET}'!$A$1`]);
    // the office renamed its sheet (Excel and Sheets move the name with it) and its set
    const src = set.getWorksheet(CRITERIA_SHEET)!;
    const wb = await open(EXAMPLE);
    const ws = wb.addWorksheet("Tiêu chí của huyện");
    src.eachRow((row, r) => row.eachCell((cell, c) => (ws.getCell(r, c).value = cell.value)));
    ws.eachRow((row) => {
      if (row.getCell(1).value === "Mã bộ tiêu chí") row.getCell(2).value = "huyen-2023";
    });
    wb.definedNames.add("'Tiêu chí của huyện'!$A$1", CRITERIA_MARK);
    const input = path.join(dir, "doi-ten.xlsx");
    await wb.xlsx.writeFile(input);
    const { report } = grade(input, path.join(dir, "out.xlsx"));
    expect(report.skipped.map((s) => s.name)).toContain("Tiêu chí của huyện");
    expect(report.sheets.map((s) => s.criteriaSet)).toEqual(report.sheets.map(() => "huyen-2023"));
  });
});
