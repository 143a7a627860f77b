import { findSet } from "../../shared/criteria";
import { CRITERIA_SHEET, criteriaSetFromGrid, criteriaSetToGrid } from "../../shared/criteria/sheet";
import { gradeWorkbook } from "../../shared/report/workbook";
import type { Grid, RawCell } from "../../shared/types";

const annex: Grid = {
  values: [
    ["BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ XÃ HOẰNG PHỤ NĂM 2023"],
    ["TT", "Tên chỉ tiêu", "Đơn vị tính", "Kết quả đạt được"],
    ["2.4", "Tỷ lệ doanh nghiệp, hộ kinh doanh, người dân sử dụng thanh toán không tiền mặt", "%", "65%"],
    ["3.2", "Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản thanh toán", "%", "76%"],
  ],
};

function statusOf(sets: Parameters<typeof gradeWorkbook>[1], id: string): string | undefined {
  const { report } = gradeWorkbook([{ name: "Hoằng Phụ", grid: annex }], sets);
  return report.sheets[0]?.rows.find((r) => r.criterionId === id)?.status;
}

it("a threshold raised in the sheet turns a met criterion into not met", () => {
  const builtin = findSet("tt-xa-2023")!;
  expect(statusOf({ setId: builtin.id }, "2.4")).toBe("DAT");

  const values: RawCell[][] = criteriaSetToGrid(builtin).map((r) => [...r]);
  const header = values.findIndex((r) => r[1] === "Mã" && r[2] === "Tên chỉ tiêu");
  const row = values.findIndex((r, i) => i > header && r[1] === "2.4");
  values[row]![values[header]!.indexOf("Ngưỡng (%)")] = 70;
  const parsed = criteriaSetFromGrid(CRITERIA_SHEET, { values });
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join("\n"));

  const edited = { sets: [parsed.set], setId: parsed.set.id };
  expect(statusOf(edited, "2.4")).toBe("KHONG_DAT");
  expect(statusOf(edited, "3.2")).toBe("DAT");
  const { report } = gradeWorkbook([{ name: "Hoằng Phụ", grid: annex }], edited);
  expect(report.sheets[0]!.rows.find((r) => r.criterionId === "2.4")!.reason).toContain("70%");
});
