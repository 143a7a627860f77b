/**
 * Completeness and split annexes through the built `cds-grade`: the terminal summary, the JSON report and the
 * summary sheet say which criteria are absent (or that nothing was checked without a set), and an annex split
 * over two sheets is one commune.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { findSet } from "../../shared/criteria";
import { SUMMARY_SHEET } from "../../shared/labels";
import type { Criterion } from "../../shared/types";
import type { JsonReport } from "../../src/cli/report";
import { ensureBuilt, runBuiltCli, tempDir } from "./helpers";

beforeAll(() => ensureBuilt(), 300_000);

const SET = findSet("tt-xa-2023")!;
const HEADER = ["TT", "Tên chỉ tiêu", "Chỉ tiêu cụ thể", "Kết quả đạt được"];

function rows(criteria: readonly Criterion[]): (string | null)[][] {
  return criteria.map((c) => {
    const t = c.target;
    const target = t.kind === "percent" ? `${t.threshold}%` : t.kind === "yes" ? t.word : "60%";
    return [c.id, c.name, target, t.kind === "yes" ? "Có" : "100%"];
  });
}

async function workbook(
  file: string,
  sheets: { name: string; title: string | null; criteria: Criterion[] }[],
) {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    if (s.title !== null) ws.addRow([s.title]);
    ws.addRow(HEADER);
    for (const r of rows(s.criteria)) ws.addRow(r);
  }
  await wb.xlsx.writeFile(file);
}

function grade(input: string, ...extra: string[]): { stdout: string; report: JsonReport; out: string } {
  const dir = path.dirname(input);
  const out = path.join(dir, `${path.basename(input, ".xlsx")}.out.xlsx`);
  const json = path.join(dir, `${path.basename(input, ".xlsx")}.json`);
  const r = runBuiltCli([input, "--out", out, "--json", json, ...extra]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return { stdout: r.stdout, report: JSON.parse(fs.readFileSync(json, "utf8")) as JsonReport, out };
}

async function summaryCells(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(SUMMARY_SHEET)!;
  const cells: string[] = [];
  ws.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
  return cells;
}

const SIX = ["2.4", "2.5", "2.6", "3.2", "3.3", "3.4"];
const six = SET.criteria.filter((c) => SIX.includes(c.id));

describe("an annex with 6 of the set's criteria, all met", () => {
  const dir = tempDir("cds-complete-");
  const input = path.join(dir, "sau-dong.xlsx");
  beforeAll(() =>
    workbook(input, [{ name: "Xã A", title: "Kết quả CĐS xã Hoằng Phụ năm 2023", criteria: six }]),
  );

  test("is not complete: the screen, the JSON report and the summary sheet list the 29 absent criteria", async () => {
    const { stdout, report, out } = grade(input);
    expect(stdout).toMatch(/Kết luận: Chưa hoàn thành \(đạt 6\/6 tiêu chí được đánh giá\)/);
    expect(stdout).toMatch(/Đủ tiêu chí: thiếu 29 tiêu chí: 1\.1, 1\.2, .*, …/);
    const s = report.sheets[0]!;
    expect(s.summary.complete).toBe(false);
    expect(s.summary.total.evaluated).toBe(6);
    expect(s.summary.completenessChecked).toBe(true);
    expect(s.summary.absent).toHaveLength(29);
    expect(s.summary.absent[0]).toEqual({ id: "1.1", name: SET.criteria[0]!.name, group: "1" });
    expect(s.summary.completeness).toMatch(/^thiếu 29 tiêu chí: 1\.1, .*4\.7$/);
    expect(await summaryCells(out)).toContain(s.summary.completeness);
  });

  test("with --set none nothing is checked, and every output says so", async () => {
    const { stdout, report, out } = grade(input, "--set", "none");
    const s = report.sheets[0]!;
    expect(s.summary.completenessChecked).toBe(false);
    expect(s.summary.absent).toEqual([]);
    expect(s.summary.complete).toBe(true);
    expect(stdout).toContain("Đủ tiêu chí: không kiểm tra đủ tiêu chí: không dùng bộ tiêu chí");
    expect(await summaryCells(out)).toContain(s.summary.completeness);
  });
});

describe("an annex split over two sheets", () => {
  const dir = tempDir("cds-split-");
  const input = path.join(dir, "hai-trang.xlsx");
  const first = SET.criteria.filter((c) => c.group === "1" || c.group === "2");
  const second = SET.criteria.filter((c) => c.group === "3" || c.group === "4");
  beforeAll(() =>
    workbook(input, [
      { name: "Hoằng Phụ", title: "Kết quả CĐS xã Hoằng Phụ năm 2023", criteria: first },
      { name: "Trang 2", title: null, criteria: second },
      { name: "Hoằng Lộc", title: "Kết quả CĐS xã Hoằng Lộc năm 2023", criteria: six },
    ]),
  );

  test("is graded in the first sheet's year and ranked as one commune", async () => {
    const { stdout, report, out } = grade(input);
    expect(report.sheets.map((s) => [s.name, s.parts ?? null, s.year])).toEqual([
      ["Hoằng Phụ", ["Hoằng Phụ", "Trang 2"], 2023],
      ["Hoằng Lộc", null, 2023],
    ]);
    const joined = report.sheets[0]!;
    expect(joined.rows.find((r) => r.id === "4.8")).toMatchObject({
      status: "KHONG_DANH_GIA",
      sheet: "Trang 2",
    });
    expect(joined.summary.complete).toBe(true);
    expect(report.rollup!.map((e) => [e.commune, e.rank])).toEqual([
      ["xã Hoằng Phụ", 1],
      ["xã Hoằng Lộc", 2],
    ]);
    expect(report.notes).toEqual([expect.stringContaining('Trang "Trang 2" được coi là phần tiếp')]);
    expect(stdout).toContain('Trang tính "Hoằng Phụ" (gồm 2 trang: "Hoằng Phụ", "Trang 2") — năm 2023');
    expect(stdout).toMatch(/Xếp hạng 2 xã\/phường/);
    expect(stdout).toContain('Lưu ý: Trang "Trang 2" được coi là phần tiếp');
    // own columns on both sheets
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const trang2 = wb.getWorksheet("Trang 2")!;
    expect(trang2.getRow(1).getCell(5).value).toBe("Chấm CĐS: Trạng thái");
    expect(trang2.getRow(trang2.rowCount).getCell(5).value).toBe("Không đánh giá");
  });
});
