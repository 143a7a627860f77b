import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCli, type CliIo } from "../../src/cli/run";
import { gridFromWorksheet } from "../../src/cli/read";
import { CRITERIA_SHEET, criteriaSetFromGrid } from "../../shared/criteria/sheet";
import { findSet } from "../../shared/criteria";
import { SUMMARY_SHEET } from "../../shared/labels";
import { MATRIX_TITLE, RANKING_TITLE } from "../../shared/report/rollup";
import { FIXTURES, tempDir } from "./helpers";

function io(): CliIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (t) => lines.push(t), err: (t) => errors.push(t), debug: false };
}

describe("cds-grade FOLDER", () => {
  it("grades every .xlsx of the folder into one roll-up workbook", async () => {
    const dir = tempDir("cds-folder-");
    for (const f of ["hoang-phu-2023.xlsx", "quang-ngoc-2023.xlsx"])
      fs.copyFileSync(path.join(FIXTURES, f), path.join(dir, f));
    fs.copyFileSync(path.join(FIXTURES, "hoang-phu-2023.xlsx"), path.join(dir, "hoang-phu-2023.cham.xlsx"));
    fs.writeFileSync(path.join(dir, "hong.xlsx"), "không phải bảng tính");
    const out = path.join(dir, "tong-hop.xlsx");
    const json = path.join(dir, "bao-cao.json");
    const before = fs.readFileSync(path.join(dir, "hoang-phu-2023.xlsx"));
    const run = io();
    expect(await runCli([dir, "--out", out, "--json", json], run)).toBe(0);
    expect(run.errors).toEqual([]);

    const report = JSON.parse(fs.readFileSync(json, "utf8"));
    expect(report.sheets.map((s: { name: string }) => s.name)).toEqual([
      "hoang-phu-2023 › Hoằng Phụ",
      "quang-ngoc-2023 › Quảng Ngọc",
    ]);
    expect(
      report.rollup.map((e: { commune: string; source: string }) => [e.commune, e.source]).sort(),
    ).toEqual([
      ["xã Hoằng Phụ", "title"],
      ["xã Quảng Ngọc", "title"],
    ]);
    expect(report.skipped.map((s: { name: string }) => s.name)).toContain("hong.xlsx");

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([SUMMARY_SHEET]);
    const firsts: unknown[] = [];
    wb.worksheets[0]!.eachRow((row) => firsts.push(row.getCell(1).value));
    expect(firsts).toEqual(expect.arrayContaining([RANKING_TITLE, MATRIX_TITLE]));
    expect(fs.readFileSync(path.join(dir, "hoang-phu-2023.xlsx")).equals(before)).toBe(true);
    expect(run.lines.join("\n")).toContain("Xếp hạng 2 xã/phường");
  });

  it("says so when the folder holds no .xlsx", async () => {
    const dir = tempDir("cds-folder-");
    const run = io();
    expect(await runCli([dir, "--out", path.join(dir, "x.xlsx")], run)).toBe(2);
    expect(run.errors[0]).toContain("không có tệp .xlsx nào để chấm");
  });
});

describe("cds-grade --export-set", () => {
  it("prints a set as JSON that --set reads back", async () => {
    const dir = tempDir("cds-export-");
    const run = io();
    expect(await runCli(["--export-set", "tt-xa-2023"], run)).toBe(0);
    expect(JSON.parse(run.lines.join("\n"))).toEqual(findSet("tt-xa-2023"));

    const file = path.join(dir, "bo.json");
    expect(await runCli(["--export-set", "tt-xa-2022", file], io())).toBe(0);
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual(findSet("tt-xa-2022"));
    const graded = path.join(dir, "out.xlsx");
    const json = path.join(dir, "r.json");
    const fixture = path.join(FIXTURES, "hoang-phu-2023.xlsx");
    expect(await runCli([fixture, "--set", file, "--out", graded, "--json", json], io())).toBe(0);
    expect(JSON.parse(fs.readFileSync(json, "utf8")).sheets[0].criteriaSet).toBe("tt-xa-2022");
  });

  it("writes the Bộ tiêu chí sheet into an .xlsx that reads back to the same set", async () => {
    const file = path.join(tempDir("cds-export-"), "bo-tieu-chi.xlsx");
    expect(await runCli(["--export-set", "tt-xa-2023", file], io())).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet(CRITERIA_SHEET)!;
    expect(criteriaSetFromGrid(CRITERIA_SHEET, gridFromWorksheet(ws))).toEqual({
      ok: true,
      set: findSet("tt-xa-2023"),
    });
  });

  it("refuses an unknown set and extra options", async () => {
    const a = io();
    expect(await runCli(["--export-set", "khong-co"], a)).toBe(2);
    expect(a.errors[0]).toContain('Không có bộ tiêu chí "khong-co"');
    const b = io();
    expect(await runCli(["--export-set", "tt-xa-2023", "--year", "2023"], b)).toBe(2);
    expect(b.errors[0]).toContain('thừa "--year"');
  });
});

describe("CDS_DEBUG", () => {
  it("prints the time of each step of grading a file on stderr, and nothing without it", async () => {
    const dir = tempDir("cds-debug-");
    const input = path.join(FIXTURES, "hoang-phu-2023.xlsx");
    const quiet = io();
    expect(await runCli([input, "--out", path.join(dir, "a.xlsx")], quiet)).toBe(0);
    expect(quiet.errors).toEqual([]);
    const loud = { ...io(), debug: true };
    const errors: string[] = [];
    expect(
      await runCli([input, "--out", path.join(dir, "b.xlsx")], { ...loud, err: (t) => errors.push(t) }),
    ).toBe(0);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^Thời gian: đọc tệp \d+ ms; chấm \d+ ms; ghi kết quả vào bảng \d+ ms; ghi tệp \d+ ms; báo cáo \d+ ms$/,
    );
  });
});
