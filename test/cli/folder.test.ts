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
import { odsBytes } from "../../scripts/packages";

const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

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
    expect(report.skippedFiles).toEqual(
      expect.arrayContaining([
        { file: "hong.xlsx", reason: "nội dung không phải bảng tính .xlsx" },
        { file: "hoang-phu-2023.cham.xlsx", reason: expect.stringMatching(/bản đã chấm/) },
      ]),
    );

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

  it("grades subfolders at any depth and lists every file not graded with its reason", async () => {
    const dir = tempDir("cds-folder-");
    const put = (rel: string, bytes: Buffer | string): void => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), bytes);
    };
    put("hoang-phu.xlsx", fs.readFileSync(path.join(FIXTURES, "hoang-phu-2023.xlsx")));
    put("huyen-a/quang-ngoc.xlsx", fs.readFileSync(path.join(FIXTURES, "quang-ngoc-2023.xlsx")));
    put("huyen-a/dot-2/hoang-phu.xlsx", fs.readFileSync(path.join(FIXTURES, "hoang-phu-2023.xlsx")));
    put("cu.xls", Buffer.concat([CFB, Buffer.from("Workbook", "utf16le"), Buffer.alloc(512)]));
    put("huyen-a/bang.ods", await odsBytes());
    put("hong.xlsx", "không phải bảng tính");
    put("trong.xlsx", fs.readFileSync(path.join(FIXTURES, "bad", "trong.xlsx")));
    put("~$hoang-phu.xlsx", "khóa");
    put("ghi-chu.txt", "ghi chú");
    put(".luu-tru/cu.xlsx", fs.readFileSync(path.join(FIXTURES, "hoang-phu-2023.xlsx")));
    const out = path.join(dir, "tong-hop.xlsx");
    const json = path.join(dir, "bao-cao.json");
    fs.writeFileSync(out, "bản tổng hợp lần trước");
    const run = io();
    expect(await runCli([dir, "--out", out, "--json", json], run)).toBe(0);
    expect(run.errors).toEqual([]);
    const report = JSON.parse(fs.readFileSync(json, "utf8"));
    expect(report.sheets.map((s: { name: string }) => s.name)).toEqual([
      "hoang-phu › Hoằng Phụ",
      "huyen-a › dot-2 › hoang-phu › Hoằng Phụ",
      "huyen-a › quang-ngoc › Quảng Ngọc",
    ]);
    const reasons = Object.fromEntries(
      report.skippedFiles.map((s: { file: string; reason: string }) => [s.file, s.reason]),
    );
    expect(Object.keys(reasons).sort()).toEqual(
      [
        ".luu-tru/",
        "cu.xls",
        "ghi-chu.txt",
        "hong.xlsx",
        "huyen-a/bang.ods",
        "tong-hop.xlsx",
        "trong.xlsx",
        "~$hoang-phu.xlsx",
      ].sort(),
    );
    expect(reasons["cu.xls"]).toMatch(/^định dạng Excel 97–2003.*lưu lại thành \.xlsx/);
    expect(reasons["huyen-a/bang.ods"]).toMatch(/^định dạng OpenDocument.*lưu thành \.xlsx/);
    expect(reasons["hong.xlsx"]).toBe("nội dung không phải bảng tính .xlsx");
    expect(reasons["trong.xlsx"]).toMatch(
      /không có bảng phụ lục CĐS hay biểu mẫu bộ chỉ số — trang tính trống/,
    );
    expect(reasons["~$hoang-phu.xlsx"]).toMatch(/tệp tạm của Excel/);
    expect(reasons[".luu-tru/"]).toMatch(/thư mục ẩn/);
    expect(reasons["tong-hop.xlsx"]).toMatch(/tệp ra của chính lệnh này/);
    // sheets of a file without an annex are told once, with the file
    expect(report.skipped).toEqual([]);
    const text = run.lines.join("\n");
    expect(text).toContain("Thư mục có 10 tệp (kể cả thư mục con): chấm 3 tệp.");
    expect(text).toMatch(/Không chấm 7 tệp, không xem 1 thư mục:\n\s+\.luu-tru\/\s+thư mục ẩn/);
    expect(text).toContain(`Tệp tổng hợp: ${out}`);
    expect(text).not.toMatch(/trang tính:\n\s+"trong/);
  });

  it("a folder of only .xls and .ods files: exit 2, each file named with what to do", async () => {
    const dir = tempDir("cds-folder-");
    fs.writeFileSync(path.join(dir, "a.xls"), Buffer.concat([CFB, Buffer.alloc(512)]));
    fs.writeFileSync(path.join(dir, "b.ods"), await odsBytes());
    const run = io();
    expect(await runCli([dir, "--out", path.join(dir, "x.xlsx")], run)).toBe(2);
    expect(run.errors[0]).toMatch(/không có tệp \.xlsx nào để chấm \(2 tệp khác, xem dưới\)/);
    expect(run.errors.slice(1)).toEqual([
      expect.stringMatching(/^ {2}- a\.xls: định dạng Excel 97–2003/),
      expect.stringMatching(/^ {2}- b\.ods: định dạng OpenDocument/),
    ]);
  });
});

describe("an OpenDocument file given alone", () => {
  it("is named as such, whatever its extension", async () => {
    const dir = tempDir("cds-ods-");
    for (const name of ["bang.ods", "doi-ten.xlsx"]) {
      fs.writeFileSync(path.join(dir, name), await odsBytes());
      const run = io();
      expect(await runCli([path.join(dir, name), "--out", path.join(dir, "o.xlsx")], run)).toBe(2);
      expect(run.errors[0]).toMatch(
        /là bảng tính OpenDocument \(\.ods\): hãy mở bằng LibreOffice Calc hoặc Excel và lưu thành \.xlsx/,
      );
    }
  });

  it("a ZIP that is not a workbook (a Word file renamed) is not called an empty workbook", async () => {
    const dir = tempDir("cds-ods-");
    const JSZip = (await import("jszip")).default;
    const zip = new JSZip();
    zip.file("word/document.xml", "<w:document/>");
    const file = path.join(dir, "van-ban.xlsx");
    fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
    const run = io();
    expect(await runCli([file, "--out", path.join(dir, "o.xlsx")], run)).toBe(2);
    expect(run.errors[0]).toMatch(/không phải tệp \.xlsx/);
    expect(run.errors[0]).not.toMatch(/không có trang tính nào/);
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
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(
      /^Thời gian: đọc tệp \d+ ms; chấm \d+ ms; ghi kết quả vào bảng \d+ ms; ghi tệp \d+ ms; báo cáo \d+ ms$/,
    );
    expect(errors[1]).toMatch(
      /^Bộ nhớ heap sau từng bước: đọc tệp \d+ MB; chấm \d+ MB; ghi kết quả vào bảng \d+ MB; ghi tệp \d+ MB; báo cáo \d+ MB$/,
    );
  });
});
