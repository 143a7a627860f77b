/**
 * Builds examples/phu-luc-mau.xlsx, the sample workbook `npm start` grades:
 * two communes' 2023 annexes (figures from their reports) and a notes sheet.
 * Run: npx ts-node --transpile-only scripts/make-example.ts
 */
import * as path from "path";
import ExcelJS from "exceljs";
import { BAC_SON, HOANG_PHU } from "./annex-data";
import { addAnnexSheet, addNotesSheet } from "./annex-book";

/** writes the sample workbook to `file` */
export async function makeExample(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "cds-grade";
  workbook.created = new Date(Date.UTC(2023, 11, 8));
  workbook.modified = workbook.created;
  addNotesSheet(workbook, "Hướng dẫn", [
    "Tệp mẫu: phụ lục kết quả thực hiện tiêu chí chuyển đổi số cấp xã năm 2023 (QĐ 1829/QĐ-UBND).",
    "Mỗi trang tính là phụ lục của một xã/phường; chạy: cds-grade phu-luc-mau.xlsx",
    "Số liệu lấy từ báo cáo năm 2023 của xã Hoằng Phụ và báo cáo 6 tháng đầu năm 2023 của phường Bắc Sơn.",
  ]);
  addAnnexSheet(workbook, HOANG_PHU, "standard");
  addAnnexSheet(workbook, BAC_SON, "standard");
  await workbook.xlsx.writeFile(file);
}

if (require.main === module) {
  const file = path.join(__dirname, "..", "examples", "phu-luc-mau.xlsx");
  makeExample(file).then(
    () => console.log(`Đã tạo ${path.relative(process.cwd(), file)}`),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
