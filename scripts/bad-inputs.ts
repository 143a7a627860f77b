/**
 * Awkward and broken inputs for cds-grade, built from the seed figures. Small ones are committed under
 * test/fixtures/bad/ by make-fixtures.ts; the big ones (10,000 rows, 300 sheets) are built by the tests.
 */
import ExcelJS from "exceljs";
import { HOANG_PHU } from "./annex-data";
import { addAnnexSheet } from "./annex-book";

const HEADER = ["TT", "Tên chỉ tiêu", "Đơn vị tính", "Chỉ tiêu cụ thể", "Kết quả đạt được", "Ghi chú"];

/** a small annex with the standard header on row 3 and `rows` below it */
function annex(
  workbook: ExcelJS.Workbook,
  name: string,
  rows: readonly (readonly ExcelJS.CellValue[])[],
  header: readonly string[] = HEADER,
): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(name);
  ws.getCell("A1").value = "PHỤ LỤC KẾT QUẢ THỰC HIỆN TIÊU CHÍ CHUYỂN ĐỔI SỐ NĂM 2023";
  ws.mergeCells("A1:F1");
  ws.getRow(3).values = [...header];
  rows.forEach((r, i) => (ws.getRow(4 + i).values = [...r]));
  return ws;
}

/** a workbook with one empty sheet */
export function emptyWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Sheet1");
  return workbook;
}

/** figures but no header row */
export function noHeader(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet("Số liệu");
  ws.getRow(1).values = ["1.4", "Hộp thư công vụ", "100%", "14/14"];
  ws.getRow(2).values = ["2.4", "Thanh toán không dùng tiền mặt", "60%", "61%"];
  return workbook;
}

/** the columns in another order and with other words (Yêu cầu, Thực hiện, Tự đánh giá) */
export function otherHeader(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  annex(
    workbook,
    "Hoằng Phụ",
    [
      ["1", "Chính quyền số"],
      ["1.4", "Đạt", "14/14", "100%", "Cán bộ, công chức cấp xã có hộp thư điện tử công vụ", "%"],
      ["2", "Kinh tế số"],
      [
        "2.4",
        "Đạt",
        "61%",
        "60%",
        "Tỷ lệ doanh nghiệp, hộ kinh doanh, người dân sử dụng thanh toán không dùng tiền mặt",
        "%",
      ],
      ["2.5", "Đạt", "45%", "50%", "Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử", "%"],
    ],
    ["STT", "Tự đánh giá", "Thực hiện", "Yêu cầu", "Nội dung", "ĐVT"],
  );
  return workbook;
}

/** spreadsheet errors as cached formula results and as values */
export function errorValues(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const ws = annex(workbook, "Lỗi công thức", [
    ["1", "Chính quyền số"],
    ["1.4", "Cán bộ, công chức cấp xã có hộp thư điện tử công vụ", "%", "100%", null],
    ["2", "Kinh tế số"],
    [
      "2.4",
      "Tỷ lệ doanh nghiệp, hộ kinh doanh, người dân sử dụng thanh toán không dùng tiền mặt",
      "%",
      "60%",
      null,
    ],
  ]);
  ws.getCell("E5").value = { formula: "VLOOKUP(A5,Z:Z,2,0)", result: { error: "#N/A" } } as ExcelJS.CellValue;
  ws.getCell("E7").value = { formula: "G7/H7", result: { error: "#DIV/0!" } } as ExcelJS.CellValue;
  ws.getCell("E7").numFmt = "0%";
  return workbook;
}

/** dates where figures belong, 0/0, a negative rate and one above 100% */
export function oddFigures(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const ws = annex(workbook, "Số liệu lạ", [
    ["1", "Chính quyền số"],
    [
      "1.4",
      "Cán bộ, công chức cấp xã có hộp thư điện tử công vụ",
      "%",
      "100%",
      new Date(Date.UTC(2023, 11, 5)),
    ],
    ["1.5", "Hồ sơ TTHC được tiếp nhận, cập nhật, xử lý trên Hệ thống một cửa điện tử", "%", "100%", "0/0"],
    ["2", "Kinh tế số"],
    [
      "2.4",
      "Tỷ lệ doanh nghiệp, hộ kinh doanh, người dân sử dụng thanh toán không dùng tiền mặt",
      "%",
      "60%",
      -0.12,
    ],
    ["2.5", "Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử", "%", "50%", 1.35],
  ]);
  ws.getCell("E5").numFmt = "dd/mm/yyyy";
  ws.getCell("E8").numFmt = "0%";
  ws.getCell("E9").numFmt = "0%";
  return workbook;
}

/** a 32,000-character result cell (Excel's limit is 32,767) */
export function longCell(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const prose = "Đã tuyên truyền, hướng dẫn người dân cài đặt và sử dụng ứng dụng. ";
  const text = prose.repeat(Math.ceil(32000 / prose.length)).slice(0, 32000);
  annex(workbook, "Ô dài", [
    ["1", "Chính quyền số"],
    ["1.10", "Tuyên truyền, đào tạo, tập huấn kỹ năng số cho CBCC, người lao động", "Có/Không", "Có", text],
    ["1.4", "Cán bộ, công chức cấp xã có hộp thư điện tử công vụ", "%", "100%", "14/14"],
  ]);
  return workbook;
}

/** text a spreadsheet would take as a formula, in the user's cells */
export function formulaLikeText(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  annex(workbook, "Dấu bằng", [
    ["1", "Chính quyền số"],
    ["1.4", "=Cán bộ, công chức cấp xã có hộp thư điện tử công vụ", "%", "100%", "=14/14"],
    [
      "1.5",
      "Hồ sơ TTHC được tiếp nhận, cập nhật, xử lý trên Hệ thống một cửa điện tử",
      "%",
      "100%",
      "+849/849",
    ],
  ]);
  return workbook;
}

/** one annex of `rows` criteria rows (the 37 criteria cycled, IDs kept unique by a counter) */
export function manyRows(rows: number): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const lines = HOANG_PHU.lines;
  const data: ExcelJS.CellValue[][] = [["1", "Chính quyền số"]];
  for (let i = 0; i < rows; i++) {
    const line = lines[i % lines.length]!;
    data.push([`1.${i + 1}`, line.name, line.unit, line.target.value, line.result.value]);
  }
  annex(workbook, "10000 dòng", data);
  return workbook;
}

/** `count` sheets, each a copy of the Hoằng Phụ annex */
export function manySheets(count: number): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  for (let i = 1; i <= count; i++)
    addAnnexSheet(workbook, { ...HOANG_PHU, sheet: `Xã ${String(i).padStart(3, "0")}` });
  return workbook;
}

/** the first bytes of an OLE compound file (what an encrypted .xlsx is), then padding */
export function encryptedBytes(): Buffer {
  return Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]);
}

/** an .xlsx cut short: a ZIP that cannot be opened */
export async function corruptBytes(): Promise<Buffer> {
  const full = Buffer.from(await manySheets(1).xlsx.writeBuffer());
  return full.subarray(0, Math.floor(full.length / 2));
}
