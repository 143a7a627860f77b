/**
 * The built `cds-grade` run as a child process: exit codes and messages, the input left untouched,
 * every original cell kept, the labels and rules written, the JSON contract, --set, --year, re-grading.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { BUILTIN_SETS } from "../../shared/criteria";
import { CRITERIA_SHEET, criteriaSetToGrid } from "../../shared/criteria/sheet";
import { STATUS_LABELS, SUMMARY_SHEET } from "../../shared/labels";
import * as bad from "../../scripts/bad-inputs";
import {
  conditionalFormatsOf,
  ensureBuilt,
  FIXTURES,
  originalCellDiffs,
  ownColumnsOf,
  ROOT,
  runBuiltCli,
  sha256,
  snapshotWorkbook,
  tempDir,
} from "./helpers";
import type { JsonReport } from "../../src/cli/report";

const EXAMPLE = path.join(ROOT, "examples", "phu-luc-mau.xlsx");
const BAD = path.join(FIXTURES, "bad");

beforeAll(() => ensureBuilt(), 300_000);

/** a user's mistake: exit 2, one line on stderr (Vietnamese — English), no stack trace, nothing written */
function expectOneLineError(args: string[], pattern: RegExp, env: NodeJS.ProcessEnv = {}): string {
  const r = runBuiltCli(args, env);
  expect(r.code).toBe(2);
  const lines = r.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^Lỗi: .+ — [A-Z][^\n]+$/);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  return lines[0]!;
}

function copyTo(dir: string, file: string, name = path.basename(file)): string {
  const p = path.join(dir, name);
  fs.copyFileSync(file, p);
  return p;
}

function readReport(file: string): JsonReport {
  return JSON.parse(fs.readFileSync(file, "utf8")) as JsonReport;
}

describe("arguments and bad files: exit 2 with one clear line", () => {
  test("--help prints the Vietnamese usage", () => {
    const r = runBuiltCli(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Cách dùng: cds-grade TỆP\.xlsx/);
    expect(r.stdout).toContain("--year NĂM");
  });

  test("bad arguments", () => {
    expectOneLineError([], /Thiếu tệp cần chấm/);
    expectOneLineError([EXAMPLE, "--bogus"], /Tùy chọn không hợp lệ "--bogus"/);
    expectOneLineError([EXAMPLE, "--year", "23"], /Năm "23" không hợp lệ/);
    expectOneLineError([EXAMPLE, "--year", "hai nghìn"], /Năm "hai nghìn" không hợp lệ/);
    expectOneLineError([EXAMPLE, "--out"], /--out cần một giá trị/);
    expectOneLineError(
      [EXAMPLE, "--set", "tt-xa-1999"],
      /Không có bộ tiêu chí "tt-xa-1999".*tt-xa-2023, tt-xa-2022/,
    );
  });

  test("refuses to write over the input", () => {
    const dir = tempDir();
    const input = copyTo(dir, EXAMPLE);
    const before = sha256(input);
    expectOneLineError([input, "--out", input], /Không ghi đè tệp gốc/);
    expectOneLineError([input, "--out", path.join(dir, ".", "phu-luc-mau.xlsx")], /Không ghi đè tệp gốc/);
    expectOneLineError([input, "--json", input], /--json .* trùng tệp bảng tính/);
    expect(sha256(input)).toBe(before);
  });

  test.each([
    ["khong-co.xlsx", /Không tìm thấy tệp/],
    ["mat-khau.xlsx", /bảo vệ bằng mật khẩu/],
    ["hong.xlsx", /bị hỏng, không mở được/],
    ["van-ban.xlsx", /không phải tệp \.xlsx/],
    ["bang.csv", /không phải tệp \.xlsx \(định dạng "\.csv"\)/],
    ["trong.xlsx", /Không tìm thấy bảng phụ lục CĐS nào.*"Sheet1"/],
    ["khong-tieu-de.xlsx", /Không tìm thấy bảng phụ lục CĐS nào.*"Số liệu"/],
  ])("%s", (name, pattern) => {
    const dir = tempDir();
    const input = path.join(dir, name);
    if (fs.existsSync(path.join(BAD, name))) fs.copyFileSync(path.join(BAD, name), input);
    const before = fs.existsSync(input) ? sha256(input) : null;
    expectOneLineError(
      [input, "--out", path.join(dir, "out.xlsx"), "--json", path.join(dir, "r.json")],
      pattern,
    );
    expect(fs.existsSync(path.join(dir, "out.xlsx"))).toBe(false);
    expect(fs.existsSync(path.join(dir, "r.json"))).toBe(false);
    if (before) expect(sha256(input)).toBe(before);
  });

  test("CDS_DEBUG=1 adds the stack trace", () => {
    const r = runBuiltCli([path.join(BAD, "mat-khau.xlsx"), "--out", path.join(tempDir(), "o.xlsx")], {
      CDS_DEBUG: "1",
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\n\s+at /);
  });

  test("a criteria-set file with errors lists them in Vietnamese", () => {
    const dir = tempDir();
    const file = path.join(dir, "bo.json");
    const broken = JSON.parse(JSON.stringify(BUILTIN_SETS[0]));
    broken.criteria[18].target = { kind: "percent", comparator: ">=", threshold: 750 };
    delete broken.title;
    fs.writeFileSync(file, JSON.stringify(broken));
    const r = runBuiltCli([EXAMPLE, "--out", path.join(dir, "o.xlsx"), "--set", file]);
    expect(r.code).toBe(2);
    const [head, ...errors] = r.stderr.trimEnd().split("\n");
    expect(head).toMatch(/^Lỗi: Tệp bộ tiêu chí ".*bo\.json" không hợp lệ \(\d+ lỗi\)/);
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(errors.join("\n")).toMatch(/3\.2/);
    fs.writeFileSync(file, "{ không phải JSON");
    expectOneLineError([EXAMPLE, "--out", path.join(dir, "o.xlsx"), "--set", file], /không phải JSON hợp lệ/);
  });
});

describe("grading the example workbook", () => {
  const dir = tempDir();
  const input = copyTo(dir, EXAMPLE);
  const before = sha256(input);
  const jsonFile = path.join(dir, "bao-cao.json");
  let run: ReturnType<typeof runBuiltCli>;
  beforeAll(() => {
    run = runBuiltCli([input, "--json", jsonFile]);
  });
  const out = path.join(dir, "phu-luc-mau.cham.xlsx");

  test("exit 0, default output beside the input, the input byte-identical", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
    expect(sha256(input)).toBe(before);
  });

  test("prints a Vietnamese summary: set, groups, verdict, unmet rows with cells, skipped sheets", () => {
    const text = run.stdout;
    expect(text).toContain('Trang tính "Hoằng Phụ" — năm 2023');
    expect(text).toContain('Trang tính "Bắc Sơn" — năm 2023');
    expect(text).toMatch(/Bộ tiêu chí: tt-xa-2023/);
    expect(text).toMatch(/1\. Chính quyền số\s+\d+\s+\d+/);
    expect(text).toMatch(/Kết luận: Chưa hoàn thành/);
    expect(text).toMatch(/3\.2\s+E\d+\s+Không đạt/);
    expect(text).toMatch(/Bỏ qua 1 trang tính:\n\s+"Hướng dẫn"\s+\S/);
    expect(text).toContain(`Bản đã chấm: ${out}`);
  });

  test("every original cell of the output equals the input's", async () => {
    const own = await ownColumnsOf(out);
    expect([...own.keys()].sort()).toEqual(["Bắc Sơn", "Hoằng Phụ"]);
    const diffs = originalCellDiffs(await snapshotWorkbook(input), await snapshotWorkbook(out), own);
    expect(diffs).toEqual([]);
  });

  test("status labels, exact-match rules on the status column, bold headers, one summary sheet", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const own = await ownColumnsOf(out);
    const labels = new Set(Object.values(STATUS_LABELS));
    for (const [name, col] of own) {
      const ws = workbook.getWorksheet(name)!;
      const statusCells: string[] = [];
      let headerRow = 0;
      ws.getColumn(col + 1).eachCell((cell, row) => {
        if (typeof cell.value === "string" && cell.value.startsWith("Chấm CĐS")) {
          headerRow = row;
          expect(cell.font?.bold).toBe(true);
        } else if (cell.value !== null) statusCells.push(String(cell.value));
      });
      expect(headerRow).toBeGreaterThan(0);
      expect(statusCells.length).toBeGreaterThan(10);
      for (const s of statusCells) expect(labels.has(s)).toBe(true);
      const cfs = conditionalFormatsOf(ws);
      expect(cfs).toHaveLength(1);
      const letters = ws.getColumn(col + 1).letter;
      expect(cfs[0]!.ref).toMatch(new RegExp(`^${letters}\\d+:${letters}\\d+$`));
      const formulae = cfs[0]!.rules.map((r) => (r as ExcelJS.CellIsRuleType).formulae?.[0]);
      expect(formulae.sort()).toEqual([...labels].map((l) => `"${l}"`).sort());
    }
    expect(workbook.worksheets.filter((w) => w.name === SUMMARY_SHEET)).toHaveLength(1);
  });

  test("--json holds exactly the contract fields (and more)", () => {
    const report = readReport(jsonFile);
    expect(report.sheets.map((s) => s.name)).toEqual(["Hoằng Phụ", "Bắc Sơn"]);
    expect(report.skipped.map((s) => s.name)).toEqual(["Hướng dẫn"]);
    expect(typeof report.skipped[0]!.reason).toBe("string");
    for (const sheet of report.sheets) {
      expect(sheet.criteriaSet).toBe("tt-xa-2023");
      expect(typeof sheet.summary.complete).toBe("boolean");
      for (const g of sheet.summary.groups) {
        expect(Object.keys(g)).toEqual(expect.arrayContaining(["id", "name", "evaluated", "met"]));
      }
      for (const row of sheet.rows) {
        expect(Object.keys(row)).toEqual(
          expect.arrayContaining(["row", "id", "status", "value", "target", "reason"]),
        );
        expect(Number.isInteger(row.row) && row.row >= 1).toBe(true);
      }
    }
    const bacSon = report.sheets[1]!;
    const r32 = bacSon.rows.find((r) => r.id === "3.2")!;
    expect(r32).toMatchObject({ status: "KHONG_DAT", cell: `E${r32.row}` });
    expect(bacSon.summary.complete).toBe(false);
  });

  test("re-grading the graded copy updates the own columns in place", async () => {
    const again = path.join(dir, "lan-hai.xlsx");
    const json2 = path.join(dir, "lan-hai.json");
    const r = runBuiltCli([out, "--out", again, "--json", json2]);
    expect(r.code).toBe(0);
    expect(await ownColumnsOf(again)).toEqual(await ownColumnsOf(out));
    const first = await snapshotWorkbook(out);
    const second = await snapshotWorkbook(again);
    for (const [name, cells] of first) {
      if (name === SUMMARY_SHEET) continue;
      expect(second.get(name)).toEqual(cells);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(again);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Hướng dẫn", "Hoằng Phụ", "Bắc Sơn", SUMMARY_SHEET]);
    for (const ws of wb.worksheets)
      if (ws.name !== SUMMARY_SHEET && ws.name !== "Hướng dẫn")
        expect(conditionalFormatsOf(ws)).toHaveLength(1);
    const a = readReport(jsonFile);
    const b = readReport(json2);
    expect(b.sheets.map((s) => s.rows)).toEqual(a.sheets.map((s) => s.rows));
  }, 60_000);
});

describe("options", () => {
  const dir = tempDir();
  const grade = (...extra: string[]): JsonReport => {
    const json = path.join(dir, `r${Math.random().toString(36).slice(2)}.json`);
    const r = runBuiltCli([EXAMPLE, "--out", path.join(dir, "o.xlsx"), "--json", json, ...extra]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    return readReport(json);
  };

  test("--set picks the set; none grades against the rows' own targets", () => {
    expect(grade("--set", "tt-xa-2022").sheets.map((s) => s.criteriaSet)).toEqual([
      "tt-xa-2022",
      "tt-xa-2022",
    ]);
    const none = grade("--set", "none");
    expect(none.sheets.map((s) => s.criteriaSet)).toEqual([null, null]);
    // 3.6 has no figure under a percentage target, with or without a set
    const hp = none.sheets[0]!;
    expect(hp.rows.find((r) => r.id === "3.6")!.status).toBe("CAN_XEM_XET");
    expect(hp.rows.find((r) => r.id === "2.4")!.status).toBe("DAT");
  });

  test("--set FILE.json loads a custom set", () => {
    const file = path.join(dir, "bo-rieng.json");
    fs.writeFileSync(
      file,
      JSON.stringify({ ...BUILTIN_SETS[0], id: "bo-rieng", title: "Bộ riêng của huyện" }),
    );
    const report = grade("--set", file);
    expect(report.sheets.map((s) => s.criteriaSet)).toEqual(["bo-rieng", "bo-rieng"]);
  });

  test("--year sets the year of evaluation", () => {
    expect(grade().sheets.map((s) => s.year)).toEqual([2023, 2023]);
    expect(grade("--year", "2024").sheets.map((s) => s.year)).toEqual([2024, 2024]);
  });
});

describe('a "Bộ tiêu chí" sheet in the workbook', () => {
  /** the example plus the 2023 set as a sheet, with cells of criterion `id`'s row replaced (by column index) */
  async function withCriteriaSheet(id: string, patch: Record<number, ExcelJS.CellValue>): Promise<string> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(EXAMPLE);
    const ws = workbook.addWorksheet(CRITERIA_SHEET);
    criteriaSetToGrid(BUILTIN_SETS[0]!).forEach((row, r) => {
      const values = row[1] === id ? row.map((v, c) => (c in patch ? patch[c]! : v)) : row;
      values.forEach((v, c) => {
        if (v !== null) ws.getCell(r + 1, c + 1).value = v;
      });
    });
    const file = path.join(tempDir(), "co-bo-tieu-chi.xlsx");
    await workbook.xlsx.writeFile(file);
    return file;
  }

  test("grading follows the sheet's thresholds", async () => {
    // 1.6 has no threshold in the sources; the district sets ≥ 90% in the sheet
    const file = await withCriteriaSheet("1.6", { 5: "Tỷ lệ %", 6: "≥", 7: 90, 8: null });
    const json = path.join(path.dirname(file), "r.json");
    const r = runBuiltCli([file, "--json", json]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const report = readReport(json);
    expect(report.skipped.map((s) => s.name)).toContain(CRITERIA_SHEET);
    const hoangPhu = report.sheets.find((s) => s.name === "Hoằng Phụ")!;
    expect(hoangPhu.rows.find((x) => x.id === "1.6")).toMatchObject({ status: "DAT", target: "≥ 90%" });
  });

  test("mistakes in the sheet: exit 2, each mistake listed, nothing written", async () => {
    const file = await withCriteriaSheet("3.2", { 7: "bảy lăm" });
    const out = path.join(path.dirname(file), "o.xlsx");
    const r = runBuiltCli([file, "--out", out]);
    expect(r.code).toBe(2);
    const [head, ...details] = r.stderr.trimEnd().split("\n");
    expect(head).toMatch(/^Lỗi: Trang "Bộ tiêu chí" .*có \d+ lỗi/);
    expect(details.join("\n")).toMatch(/bảy lăm|3\.2/);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe("big and awkward workbooks lose nothing", () => {
  const dir = tempDir();

  async function gradeBuilt(
    name: string,
    workbook: ExcelJS.Workbook,
  ): Promise<{ input: string; out: string; report: JsonReport }> {
    const input = path.join(dir, name);
    await workbook.xlsx.writeFile(input);
    const out = path.join(dir, `${name}.out.xlsx`);
    const json = path.join(dir, `${name}.json`);
    const before = sha256(input);
    const r = runBuiltCli([input, "--out", out, "--json", json]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(sha256(input)).toBe(before);
    const diffs = originalCellDiffs(
      await snapshotWorkbook(input),
      await snapshotWorkbook(out),
      await ownColumnsOf(out),
    );
    expect(diffs).toEqual([]);
    return { input, out, report: readReport(json) };
  }

  test("10,000 rows", async () => {
    const { report } = await gradeBuilt("10000-dong.xlsx", bad.manyRows(10_000));
    expect(report.sheets).toHaveLength(1);
    expect(report.sheets[0]!.rows).toHaveLength(10_000);
  }, 120_000);

  test("300 sheets", async () => {
    const { report } = await gradeBuilt("300-trang.xlsx", bad.manySheets(300));
    expect(report.sheets).toHaveLength(300);
    expect(new Set(report.sheets.map((s) => s.rows.length))).toEqual(new Set([37]));
  }, 180_000);

  test("a 32,000-character cell is kept whole", async () => {
    const { out } = await gradeBuilt("o-dai.xlsx", bad.longCell());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(String(wb.worksheets[0]!.getCell("E5").value)).toHaveLength(32_000);
  });

  test("text like =14/14 in the user's cells stays text", async () => {
    const { out, report } = await gradeBuilt("dau-bang.xlsx", bad.formulaLikeText());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets[0]!.getCell("E5").value).toBe("=14/14");
    expect(report.sheets[0]!.rows.length).toBeGreaterThan(0);
  });
});
