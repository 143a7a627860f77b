import { columnsPerCommune, detectCommune } from "../../shared/report/commune";
import { rollup, rollupMatrix } from "../../shared/report/rollup";
import { gradeWorkbook } from "../../shared/report/workbook";
import type { Grid } from "../../shared/types";

const NAME_24 = "Tỷ lệ doanh nghiệp, hộ kinh doanh, người dân sử dụng thanh toán không tiền mặt";
const NAME_32 = "Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản thanh toán";

it("grades one sheet with a column per commune, commune by commune", () => {
  const grid: Grid = {
    values: [
      ["TỔNG HỢP KẾT QUẢ CHUYỂN ĐỔI SỐ CÁC XÃ NĂM 2023"],
      ["TT", "Tên chỉ tiêu", "Chỉ tiêu", "Xã Hoằng Phụ", "Xã Hoằng Lộc", "Xã Hoằng Yến"],
      ["2.4", NAME_24, "60%", "65%", "55%", "Đang triển khai"],
      ["3.2", NAME_32, "75%", "80%", "90%", "76%"],
    ],
  };
  const found = columnsPerCommune("Tổng hợp", grid)!;
  const { report } = gradeWorkbook(found.communes.map((c) => ({ name: c.sheet, grid: c.grid })));
  expect(report.sheets.map((s) => s.rows.map((r) => [r.id, r.status, r.resultCell.col]))).toEqual([
    [
      ["2.4", "DAT", 3],
      ["3.2", "DAT", 3],
    ],
    [
      ["2.4", "KHONG_DAT", 4],
      ["3.2", "DAT", 4],
    ],
    [
      ["2.4", "DANG_THUC_HIEN", 5],
      ["3.2", "DAT", 5],
    ],
  ]);
  const entries = rollup(report.sheets, found.communes);
  expect(entries.map((e) => [e.commune, e.source, e.rank])).toEqual([
    ["xã Hoằng Phụ", "column", 1],
    ["xã Hoằng Lộc", "column", 2],
    ["xã Hoằng Yến", "column", 2],
  ]);
  expect(rollupMatrix(report.sheets, entries).rows.map((r) => r.statuses)).toEqual([
    ["DAT", "KHONG_DAT", "DANG_THUC_HIEN"],
    ["DAT", "DAT", "DAT"],
  ]);
});

it("names communes of separate sheets from their titles and flags a disputed self-assessment", () => {
  const sheet = (title: string, result: string, self: string): Grid => ({
    values: [
      [title],
      ["TT", "Tên chỉ tiêu", "Chỉ tiêu cụ thể", "Kết quả đạt được", "Tự đánh giá"],
      ["2.4", NAME_24, "60%", result, self],
    ],
  });
  const sheets = [
    { name: "Sheet1", grid: sheet("Trên địa bàn xã Quảng Ngọc năm 2023", "58%", "Đạt") },
    { name: "Hoằng Phụ", grid: sheet("BÁO CÁO NĂM 2023", "61%", "Đạt") },
  ];
  const { report } = gradeWorkbook(sheets);
  const communes = report.sheets.map((s) =>
    detectCommune(s.name, sheets.find((x) => x.name === s.name)!.grid),
  );
  expect(communes).toEqual([
    { commune: "xã Quảng Ngọc", source: "title" },
    { commune: "Hoằng Phụ", source: "sheet" },
  ]);
  const entries = rollup(report.sheets, communes);
  const ngoc = entries.find((e) => e.commune === "xã Quảng Ngọc")!;
  expect(ngoc.rank).toBe(2);
  expect(ngoc.disputes.map((d) => [d.id, d.status])).toEqual([["2.4", "KHONG_DAT"]]);
  expect(ngoc.disputes[0]!.message).toBeTruthy();
  expect(entries.find((e) => e.commune === "Hoằng Phụ")!.disputes).toEqual([]);
});
