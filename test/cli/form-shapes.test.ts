/**
 * `cds-grade` on a form as a commune might really send it, written as an .xlsx: a three-row header with merged
 * bands, a letter row, sub-levels, the header repeated on a second page, a signature block and no total row, every
 * text typed in TCVN3 with the .VnTime font. The form is checked, its own columns placed after the table, every
 * original cell kept, and re-grading the copy finds the same.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCli, type CliIo } from "../../src/cli/run";
import { FORM_OWN_HEADERS } from "../../shared/dti";
import { toTcvn3 } from "../../shared/encoding";
import type { JsonReport } from "../../src/cli/report";
import { originalCellDiffs, ownColumnsOf, sha256, snapshotWorkbook, tempDir } from "./helpers";

function io(): CliIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (t) => lines.push(t), err: (t) => errors.push(t), debug: false };
}

type Row = (string | number | null)[];
const YES_NO = "Có: Điểm tối đa; Không: 0 điểm";
const HEADER: Row[] = [
  ["STT", "Chỉ số/Chỉ số thành phần", "NỘI DUNG ĐÁNH GIÁ", null, null, null],
  [null, null, "QUY CHUẨN ĐÁNH GIÁ", null, "TỰ ĐÁNH GIÁ", null],
  [null, null, "Điểm", "Cách xác định và tính điểm", "Điểm", "Giải trình"],
  ["a", "b", "c", "d", "e", "f"],
];
const ROWS: Row[] = [
  ["UBND XÃ HOẰNG PHỤ"],
  ["Tên đơn vị báo cáo: UBND xã Hoằng Phụ"],
  ["Kỳ báo cáo: Năm 2023"],
  ["Tổng số cán bộ công chức (CBCC): 21 người; Tổng số người dân: 15.763 người"],
  ...HEADER,
  ["I", "Nhóm chỉ số chung", 60, null, 46, null],
  ["1", "Nhận thức số", 40, null, 36, null],
  ["1.1", "Có chuyên mục về chuyển đổi số", 20, YES_NO, "20 điểm", "Có chuyên mục"],
  ["1.2", "Tỷ lệ cuộc họp do Chủ tịch chủ trì", 20, "a = Số cuộc họp do Chủ tịch chủ trì", "16", "a = 12"],
  ["1.2.b", null, null, "b = Tổng số cuộc họp", null, "b = 15"],
  ["1.2.c", null, null, "Tỷ lệ = a/b; Điểm = Tỷ lệ*Điểm tối đa", null, null],
  ...HEADER,
  ["2", "Hạ tầng số", 20, null, 10, null],
  ["2.1", "Kế hoạch hạ tầng", 20, null, null, null],
  ["2.1.1", "Ban hành kế hoạch", 10, YES_NO, 10, "Có"],
  ["2.1.2", "Triển khai", 10, YES_NO, 0, "Không"],
  [],
  [null, "NGƯỜI LẬP BIỂU", null, null, "CHỦ TỊCH UBND XÃ"],
  [null, "(Ký, ghi rõ họ tên)", null, null, "(Ký tên, đóng dấu)"],
];

async function writeForm(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("BM01");
  ROWS.forEach((line, r) =>
    line.forEach((v, c) => {
      if (v === null) return;
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = typeof v === "string" ? toTcvn3(v) : v;
      if (typeof v === "string") cell.font = { name: ".VnTime" };
    }),
  );
  ROWS.forEach((line, r) => {
    if (line[0] !== "STT") return;
    const row = r + 1;
    ws.mergeCells(row, 1, row + 2, 1);
    ws.mergeCells(row, 2, row + 2, 2);
    ws.mergeCells(row, 3, row, 6);
    ws.mergeCells(row + 1, 3, row + 1, 4);
    ws.mergeCells(row + 1, 5, row + 1, 6);
  });
  await wb.xlsx.writeFile(file);
}

describe("cds-grade on a form as communes send it", () => {
  it("checks a TCVN3 form with a three-row header, sub-levels and signatures, keeping every cell", async () => {
    const dir = tempDir("cds-form-shapes-");
    const input = path.join(dir, "hoang-phu.xlsx");
    await writeForm(input);
    const before = sha256(input);
    const out = path.join(dir, "hoang-phu.cham.xlsx");
    const json = path.join(dir, "r.json");
    const run = io();
    expect(await runCli([input, "--out", out, "--json", json], run)).toBe(0);
    expect(run.errors).toEqual([]);
    expect(sha256(input)).toBe(before);

    const report = JSON.parse(fs.readFileSync(json, "utf8")) as JsonReport;
    const form = report.forms![0]!;
    expect(form.commune).toBe("xã Hoằng Phụ");
    expect(form.year).toBe(2023);
    expect(form.partA.map((p) => [p.id, p.value])).toEqual([
      ["cbcc", 21],
      ["nguoi-dan", 15763],
    ]);
    expect(form.notes!.join(" ")).toMatch(/TCVN3/);
    expect(form.components.map((c) => [c.id, c.code, c.points, c.self, c.cell])).toEqual([
      ["1.1", "KHOP", 20, 20, "E11"],
      ["1.2", "KHOP", 16, 16, "E12"],
      ["2.1", "CAN_XEM_XET", null, 10, "E20"],
    ]);
    expect(form.components[2]!.reason).toContain("2.1.1, 2.1.2");
    expect(form.sums).toEqual([]);
    expect(run.lines.join("\n")).toContain('Lưu ý: Trang "BM01" được đọc theo bảng mã TCVN3');

    // the own columns right after the table (G), on the header's rows; every original cell kept
    const own = await ownColumnsOf(out);
    expect(own.get("BM01")).toBe(6);
    const graded = new ExcelJS.Workbook();
    await graded.xlsx.readFile(out);
    const ws = graded.getWorksheet("BM01")!;
    const headerTexts = [1, 2, 3, 4, 5, 6, 7, 8].map((r) => ws.getCell(r, 7).value);
    expect(headerTexts).toContain(FORM_OWN_HEADERS[0]);
    expect(originalCellDiffs(await snapshotWorkbook(input), await snapshotWorkbook(out), own)).toEqual([]);

    // re-grading the graded copy finds the same and adds no column
    const again = path.join(dir, "lan-2.xlsx");
    const json2 = path.join(dir, "r2.json");
    expect(await runCli([out, "--out", again, "--json", json2], io())).toBe(0);
    const second = JSON.parse(fs.readFileSync(json2, "utf8")) as JsonReport;
    expect(second.forms![0]!.components).toEqual(form.components);
    expect((await ownColumnsOf(again)).get("BM01")).toBe(6);
  });
});
