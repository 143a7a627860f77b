/**
 * Builds examples/bo-chi-so-mau.xlsx, the example of the points-based index `npm start` checks: two communes'
 * self-assessment forms (Biểu mẫu 01, 2022 and 2023 wording) on the example set "Bộ chỉ số mẫu", with merged
 * header cells as the forms print them. The explanations and self-scores are made up (scripts/form-data.ts).
 * Run: npx ts-node --transpile-only scripts/make-dti-example.ts
 */
import * as path from "path";
import ExcelJS from "exceljs";
import { addNotesSheet } from "./annex-book";
import { formGrid, NONG_CONG, TRIEU_THANH, type CommuneFormData, type FormShape } from "./form-data";

/** adds one form as a sheet: values, merged header cells, wrapped long texts */
export function addFormSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  data: CommuneFormData,
  shape: FormShape,
): void {
  const sheet = workbook.addWorksheet(name);
  const { values } = formGrid(data, shape);
  values.forEach((line, r) =>
    line.forEach((v, c) => {
      if (v === null) return;
      const cell = sheet.getCell(r + 1, c + 1);
      cell.value = v;
      if (typeof v === "string" && v.length > 30 && c > 0)
        cell.alignment = { wrapText: true, vertical: "top" };
    }),
  );
  // the two-row header, merged as printed (each page's copy too)
  values.forEach((line, r) => {
    if (line[0] !== "STT" || shape === "decision") return;
    const row = r + 1;
    sheet.mergeCells(row, 1, row + 1, 1);
    sheet.mergeCells(row, 2, row + 1, 2);
    sheet.mergeCells(row, 3, row, 4);
    sheet.mergeCells(row, 5, row, 6);
    for (let k = row; k <= row + 2; k++)
      sheet.getRow(k).eachCell((cell) => {
        cell.font = { bold: true };
        cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      });
  });
  [6, 42, 10, 60, 10, 50].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
}

/** writes the example workbook to `file` */
export async function makeDtiExample(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "cds-grade";
  workbook.created = new Date(Date.UTC(2023, 11, 8));
  workbook.modified = workbook.created;
  addNotesSheet(workbook, "Hướng dẫn", [
    "VÍ DỤ MINH HỌA — không phải báo cáo thật, không phải bộ chỉ số chính thức.",
    "Hai biểu mẫu tự đánh giá (Biểu mẫu 01) theo «Bộ chỉ số mẫu» của add-in; chạy: cds-grade bo-chi-so-mau.xlsx",
    "Số liệu Phần A của thị trấn Nông Cống lấy từ biểu mẫu năm 2022; giải trình và điểm tự chấm là giả định.",
    "cds-grade kiểm tra từng điểm tự chấm theo cách tính điểm, cộng lại theo chỉ số và xếp hạng theo điểm tính lại.",
  ]);
  addFormSheet(workbook, "Nông Cống 2022", NONG_CONG, "bm01-2022");
  addFormSheet(workbook, "Triệu Thành 2023", TRIEU_THANH, "bm01-2023");
  await workbook.xlsx.writeFile(file);
}

if (require.main === module) {
  const file = path.join(__dirname, "..", "examples", "bo-chi-so-mau.xlsx");
  makeDtiExample(file).then(
    () => console.log(`Đã tạo ${path.relative(process.cwd(), file)}`),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
