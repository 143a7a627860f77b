/**
 * `cds-grade FOLDER` on self-assessment forms: every form of every file checked with the annexes, the forms ranked
 * across the files as one workbook ranks them, the roll-up's forms section, JSON and text, a file's own "Bộ chỉ số"
 * sheet not used, a form that cannot be read listed with its file and cell, the input files never written.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCli, type CliIo } from "../../src/cli/run";
import { FORMS_TITLE } from "../../shared/dti";
import { toTcvn3 } from "../../shared/encoding";
import { addFormSheet } from "../../scripts/make-dti-example";
import { NONG_CONG, TRIEU_THANH, formGrid } from "../../scripts/form-data";
import type { JsonReport } from "../../src/cli/report";
import { FIXTURES, ROOT, sha256, tempDir } from "./helpers";

function io(): CliIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (t) => lines.push(t), err: (t) => errors.push(t), debug: false };
}

async function writeBook(file: string, fill: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  await wb.xlsx.writeFile(file);
}

function addGrid(wb: ExcelJS.Workbook, name: string, values: readonly (readonly unknown[])[]): void {
  const sheet = wb.addWorksheet(name);
  values.forEach((line, r) =>
    line.forEach((v, c) => {
      if (v !== null && v !== undefined) sheet.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
    }),
  );
}

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, "utf8")) as JsonReport;

describe("cds-grade FOLDER with self-assessment forms", () => {
  it("checks every form of every file, ranks them across the files as one workbook does, with the annexes", async () => {
    const dir = tempDir("cds-folder-forms-");
    await writeBook(path.join(dir, "nong-cong.xlsx"), (wb) =>
      addFormSheet(wb, "Nông Cống", NONG_CONG, "bm01-2022"),
    );
    fs.mkdirSync(path.join(dir, "huyen-trieu-son"));
    await writeBook(path.join(dir, "huyen-trieu-son", "trieu-thanh.xlsx"), (wb) => {
      addFormSheet(wb, "Triệu Thành", TRIEU_THANH, "bm01-2023");
      addGrid(wb, "Bộ chỉ số", [["BỘ CHỈ SỐ CHUYỂN ĐỔI SỐ CẤP XÃ"]]);
    });
    // a third commune typed in TCVN3, in the decision's shape
    const legacy = formGrid({ ...TRIEU_THANH, unit: "UBND xã Hoằng Phụ" }, "decision").values.map((l) =>
      l.map((v) => (typeof v === "string" ? toTcvn3(v) : v)),
    );
    await writeBook(path.join(dir, "hoang-phu-bm01.xlsx"), (wb) => addGrid(wb, "Biểu mẫu 01", legacy));
    // a form whose rows the reader cannot read
    await writeBook(path.join(dir, "khong-doc-duoc.xlsx"), (wb) =>
      addGrid(wb, "BM01", [
        [
          "STT",
          "Chỉ số/Chỉ số thành phần",
          "Điểm tối đa",
          "Cách xác định và tính điểm",
          "Điểm tự chấm",
          "Giải trình",
        ],
        ["Chỉ số 1", "Nhận thức số", 20, null, 20, null],
      ]),
    );
    fs.copyFileSync(path.join(FIXTURES, "hoang-phu-2023.xlsx"), path.join(dir, "phu-luc-hoang-phu.xlsx"));
    const inputs = fs
      .readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".xlsx"))
      .map((f) => [f, sha256(path.join(dir, f))]);

    const out = path.join(dir, "tong-hop.xlsx");
    const json = path.join(dir, "bao-cao.json");
    const run = io();
    expect(await runCli([dir, "--out", out, "--json", json], run)).toBe(0);
    expect(run.errors).toEqual([]);
    for (const [f, hash] of inputs) expect([f, sha256(path.join(dir, f!))]).toEqual([f, hash]);

    const report = readJson(json);
    expect(report.sheets.map((s) => s.name)).toEqual(["phu-luc-hoang-phu › Hoằng Phụ"]);
    expect(report.forms!.map((f) => [f.name, f.commune])).toEqual([
      ["hoang-phu-bm01 › Biểu mẫu 01", "xã Hoằng Phụ"],
      ["huyen-trieu-son › trieu-thanh › Triệu Thành", "xã Triệu Thành"],
      ["nong-cong › Nông Cống", "thị trấn Nông Cống"],
    ]);
    expect(report.forms![0]!.notes!.join(" ")).toContain("TCVN3");

    // the same forms in one workbook rank the same way, with the same points
    const single = path.join(tempDir("cds-folder-forms-one-"), "mot-tep.xlsx");
    // (in the folder's order: ties keep it, as they keep a workbook's sheet order)
    await writeBook(single, (wb) => {
      addGrid(wb, "Hoằng Phụ", legacy);
      addFormSheet(wb, "Triệu Thành", TRIEU_THANH, "bm01-2023");
      addFormSheet(wb, "Nông Cống", NONG_CONG, "bm01-2022");
    });
    const singleJson = path.join(path.dirname(single), "r.json");
    const one = io();
    expect(
      await runCli([single, "--out", path.join(path.dirname(single), "o.xlsx"), "--json", singleJson], one),
    ).toBe(0);
    const strip = (r: JsonReport) =>
      r.formRanking!.map((e) => [e.rank, e.commune, e.self, e.points, e.percent, e.band]);
    expect(strip(report)).toEqual(strip(readJson(singleJson)));
    expect(strip(report).map((e) => e.slice(0, 2))).toEqual([
      [1, "thị trấn Nông Cống"],
      [2, "xã Hoằng Phụ"],
      [2, "xã Triệu Thành"],
    ]);
    expect(report.formDisputes!.length).toBeGreaterThan(0);

    // a file's own index sheet is not used; a form that cannot be read is told with its file and cell
    expect(report.skipped).toEqual([
      {
        name: "huyen-trieu-son › trieu-thanh › Bộ chỉ số",
        reason: expect.stringContaining("không dùng khi chấm cả thư mục"),
      },
    ]);
    const unread = report.skippedFiles!.find((s) => s.file === "khong-doc-duoc.xlsx")!;
    expect(unread.reason).toMatch(
      /^không có bảng phụ lục CĐS hay biểu mẫu bộ chỉ số — .*ô A1.*ô A2 ghi "Chỉ số 1"/,
    );

    const text = run.lines.join("\n");
    expect(text).toContain("Thư mục có 5 tệp (kể cả thư mục con): chấm 4 tệp.");
    expect(text).toContain("Xếp hạng 3 xã/phường theo điểm tính lại (bộ chỉ số):");
    expect(text).toMatch(/1\s+thị trấn Nông Cống\s+116\s+101\s+77,7%\s+Khá/);
    expect(text).toContain('Lưu ý: Trang "hoang-phu-bm01 › Biểu mẫu 01"');
    expect(text).toContain("Đã chấm 1 trang tính");
    expect(text).toContain("Đã kiểm tra 3 biểu mẫu tự đánh giá bộ chỉ số");

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets).toHaveLength(1);
    const firsts: unknown[] = [];
    wb.worksheets[0]!.eachRow((row) => firsts.push(row.getCell(1).value));
    expect(firsts).toContain(FORMS_TITLE);
  });

  it("checks every form with the set named on the command line", async () => {
    const dir = tempDir("cds-folder-forms-");
    await writeBook(path.join(dir, "a.xlsx"), (wb) => addFormSheet(wb, "Nông Cống", NONG_CONG, "decision"));
    await writeBook(path.join(dir, "b.xlsx"), (wb) =>
      addFormSheet(wb, "Triệu Thành", TRIEU_THANH, "bm01-2022"),
    );
    const json = path.join(dir, "r.json");
    const run = io();
    const args = [dir, "--out", path.join(dir, "o.xlsx"), "--json", json, "--set", "bo-chi-so-mau"];
    expect(await runCli(args, run)).toBe(0);
    const report = readJson(json);
    expect(report.sheets).toEqual([]);
    expect(report.forms!.map((f) => [f.indexSet, f.setReason])).toEqual([
      ["bo-chi-so-mau", "theo lựa chọn của người dùng (bo-chi-so-mau)"],
      ["bo-chi-so-mau", "theo lựa chọn của người dùng (bo-chi-so-mau)"],
    ]);
    expect(report.formRanking!.map((e) => e.commune)).toEqual(["thị trấn Nông Cống", "xã Triệu Thành"]);
    expect(path.relative(ROOT, dir)).not.toBe("");
  });
});
