/**
 * The built `cds-grade` on points-based forms: the example of `npm start` checked and ranked, every original cell
 * kept, the reviewer's columns and their rules written, the JSON fields, --set and --export-set of index sets,
 * re-grading in place, a workbook holding both an annex and forms, and the package check on the output.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { FORM_OWN_HEADERS } from "../../shared/dti";
import { SUMMARY_SHEET } from "../../shared/labels";
import { addFormSheet } from "../../scripts/make-dti-example";
import { NONG_CONG } from "../../scripts/form-data";
import {
  ensureBuilt,
  originalCellDiffs,
  ownColumnsOf,
  ROOT,
  runBuiltCli,
  sha256,
  snapshotWorkbook,
  tempDir,
} from "./helpers";
import { packageProblems } from "./package-check";
import { convertWithLibreOffice } from "./libreoffice";
import type { JsonReport } from "../../src/cli/report";

const FORMS = path.join(ROOT, "examples", "bo-chi-so-mau.xlsx");
const ANNEXES = path.join(ROOT, "examples", "phu-luc-mau.xlsx");

beforeAll(() => ensureBuilt(), 300_000);

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, "utf8")) as JsonReport;

describe("cds-grade on self-assessment forms", () => {
  it("checks and ranks the example's two communes, keeps every cell, writes its own columns", async () => {
    const dir = tempDir();
    const out = path.join(dir, "out.xlsx");
    const json = path.join(dir, "r.json");
    const before = sha256(FORMS);
    const r = runBuiltCli([FORMS, "--out", out, "--json", json]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(sha256(FORMS)).toBe(before);
    expect(r.stdout).toContain("Xếp hạng 2 xã/phường theo điểm tính lại");
    expect(r.stdout).toMatch(/1\s+thị trấn Nông Cống\s+116\s+101\s+77,7%\s+Khá/);
    expect(r.stdout).toContain(
      "Tổng không khớp: Chỉ số 2 (E27): ghi 40 nhưng tổng các chỉ số thành phần là 35",
    );
    const report = readJson(json);
    expect(report.sheets).toEqual([]);
    expect(report.forms!.map((f) => [f.commune, f.total.selfStated, f.total.points, f.total.band])).toEqual([
      ["thị trấn Nông Cống", 116, 101, "Khá"],
      ["xã Triệu Thành", 120, 63, "Yếu"],
    ]);
    expect(report.forms![1]!.components.find((c) => c.id === "1.5")).toMatchObject({
      code: "VUOT_DIEM_TOI_DA",
      label: "Vượt điểm tối đa",
      cell: "E23",
      row: 23,
    });
    expect(report.formRanking!.map((e) => e.rank)).toEqual([1, 2]);
    expect(report.formDisputes![0]).toMatchObject({ id: "2.1", differ: 2 });

    const own = await ownColumnsOf(out);
    expect(originalCellDiffs(await snapshotWorkbook(FORMS), await snapshotWorkbook(out), own)).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Triệu Thành 2023")!;
    expect([13, 14, 15].map((row) => ws.getRow(13).getCell(7 + row - 13).value)).toEqual([
      ...FORM_OWN_HEADERS,
    ]);
    expect([ws.getCell("G23").value, ws.getCell("I23").value]).toEqual([
      "Vượt điểm tối đa",
      "tự chấm 25 > điểm tối đa 10",
    ]);
    expect(wb.getWorksheet(SUMMARY_SHEET)).toBeDefined();
    expect(await packageProblems(out)).toEqual([]);
    // LibreOffice reopens the copy with the reviewer's columns and the summary as written
    const [libre] = convertWithLibreOffice([out], "xlsx");
    const lo = new ExcelJS.Workbook();
    await lo.xlsx.readFile(libre!);
    const cells = (book: ExcelJS.Workbook, sheet: string, refs: string[]) =>
      refs.map((ref) => book.getWorksheet(sheet)!.getCell(ref).value);
    const refs = ["G13", "H13", "I13", "G19", "H19", "I19", "G23", "I23", "G31", "H31", "I31"];
    expect(cells(lo, "Triệu Thành 2023", refs)).toEqual(cells(wb, "Triệu Thành 2023", refs));
    const summaryText = (book: ExcelJS.Workbook) => {
      const texts: string[] = [];
      book.getWorksheet(SUMMARY_SHEET)!.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
      return texts;
    };
    expect(summaryText(lo)).toEqual(summaryText(wb));

    // the graded copy graded again: the same columns, updated in place
    const again = path.join(dir, "again.xlsx");
    expect(runBuiltCli([out, "--out", again]).code).toBe(0);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(again);
    const ws2 = wb2.getWorksheet("Triệu Thành 2023")!;
    expect(ws2.getCell("J13").value).toBeNull();
    expect(ws2.getCell("G23").value).toBe("Vượt điểm tối đa");
  }, 300_000); // three runs of the CLI and one of LibreOffice

  it("exports an index set as JSON and as a 'Bộ chỉ số' sheet, and checks with a set from a JSON file", () => {
    const dir = tempDir();
    const file = path.join(dir, "bo.json");
    const r = runBuiltCli(["--export-set", "bo-chi-so-mau", file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Đã ghi bộ chỉ số "bo-chi-so-mau" (8 chỉ số thành phần)');
    const json = JSON.parse(fs.readFileSync(file, "utf8"));
    json.id = "bo-cua-huyen";
    json.components.find((c: { id: string }) => c.id === "1.2").ruleText = "Có: Điểm tối đa; Không: 0 điểm";
    fs.writeFileSync(file, JSON.stringify(json));
    const out = path.join(dir, "o.json");
    const graded = runBuiltCli([FORMS, "--out", path.join(dir, "o.xlsx"), "--set", file, "--json", out]);
    expect(graded.code).toBe(0);
    const forms = readJson(out).forms!;
    expect(forms.map((f) => f.indexSet)).toEqual(["bo-cua-huyen", "bo-cua-huyen"]);
    // the user's set wins over the form's own words
    expect(forms[0]!.components.find((c) => c.id === "1.2")!.code).toBe("CAN_XEM_XET");
    expect(runBuiltCli(["--export-set", "bo-chi-so-mau", path.join(dir, "bo.xlsx")]).code).toBe(0);
    json.components[0].maxPoints = "hai mươi";
    fs.writeFileSync(file, JSON.stringify(json));
    const bad = runBuiltCli([FORMS, "--out", path.join(dir, "b.xlsx"), "--set", file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Tệp bộ chỉ số ".*bo\.json" không hợp lệ/);
  }, 180_000);

  it("grades annexes and forms of one workbook together", async () => {
    const dir = tempDir();
    const input = path.join(dir, "ca-hai.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(ANNEXES);
    addFormSheet(wb, "Biểu mẫu Nông Cống", NONG_CONG, "bm01-2022");
    await wb.xlsx.writeFile(input);
    const json = path.join(dir, "r.json");
    const r = runBuiltCli([input, "--json", json]);
    expect(r.code).toBe(0);
    const report = readJson(json);
    expect(report.sheets.length).toBe(2);
    expect(report.rollup!.length).toBe(2);
    expect(report.forms!.map((f) => f.name)).toEqual(["Biểu mẫu Nông Cống"]);
    expect(report.formRanking).toBeUndefined();
    expect(r.stdout).toContain("Đã chấm 2 trang tính");
    expect(r.stdout).toContain("Đã kiểm tra 1 biểu mẫu");
  });
});
