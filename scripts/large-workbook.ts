/**
 * A large workbook as communes send them: the Hoằng Phụ annex and two data sheets of 172,000 households
 * each (name, hamlet, phone, members, payment account, digital signature, date, note), about 20 MB. Written
 * with ExcelJS's streaming writer, so making it takes little memory. Used by bench/cli.ts (the 20 MB line)
 * and, smaller, by the tests of the memory guard.
 * Run: npx ts-node --transpile-only scripts/large-workbook.ts OUT.xlsx [ROWS]
 */
import ExcelJS from "exceljs";
import { HOANG_PHU } from "./annex-data";
import { addAnnexSheet } from "./annex-book";
import { rng } from "../bench/stats";

/** rows of each data sheet in the benchmark's workbook */
export const LARGE_DATA_ROWS = 172_000;

const SURNAMES = ["Nguyễn", "Lê", "Trần", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi", "Đặng", "Ngô", "Lương", "Mai"];
const MIDDLE = ["Văn", "Thị", "Hữu", "Đình", "Minh", "Thanh", "Ngọc", "Quang", "Xuân", "Đức"];
const GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hạnh", "Hùng", "Lan", "Linh", "Long", "Mai"];
const GIVEN2 = ["Nam", "Nga", "Phong", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vân", "Yến"];
const NOTES = ["", "", "", "Hộ nghèo", "Hộ cận nghèo", "Đã hướng dẫn cài VNeID", "Chuyển đi nơi khác"];

function pick<T>(random: () => number, xs: readonly T[]): T {
  return xs[Math.floor(random() * xs.length)]!;
}

/**
 * Writes the workbook: the annex first, then "Hộ dân thôn 1–6" and "Hộ dân thôn 7–12" of `rows` rows each.
 * @returns the sheet names in tab order
 */
export async function writeLargeWorkbook(file: string, rows: number = LARGE_DATA_ROWS): Promise<string[]> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: true,
    useStyles: true,
  });
  // the streaming writer's sheets take the same calls as a workbook's (cells, merges, widths)
  addAnnexSheet(workbook as unknown as ExcelJS.Workbook, HOANG_PHU);
  workbook.getWorksheet(HOANG_PHU.sheet)!.commit();
  const names = [HOANG_PHU.sheet];
  for (const [i, name] of ["Hộ dân thôn 1–6", "Hộ dân thôn 7–12"].entries()) {
    const random = rng(1000 + i);
    const sheet = workbook.addWorksheet(name);
    sheet.columns = [
      { header: "STT", width: 8 },
      { header: "Họ và tên chủ hộ", width: 28 },
      { header: "Thôn", width: 10 },
      { header: "Số điện thoại", width: 14 },
      { header: "Số nhân khẩu", width: 10 },
      { header: "Tài khoản thanh toán", width: 12 },
      { header: "Chữ ký số", width: 10 },
      { header: "Ngày cập nhật", width: 14, style: { numFmt: "dd/mm/yyyy" } },
      { header: "Ghi chú", width: 24 },
    ];
    sheet.getRow(1).font = { bold: true };
    for (let r = 0; r < rows; r++) {
      const name = `${pick(random, SURNAMES)} ${pick(random, MIDDLE)} ${pick(random, GIVEN)} ${pick(random, GIVEN2)}`;
      sheet
        .addRow([
          r + 1,
          name,
          `Thôn ${1 + i * 6 + Math.floor(random() * 6)}`,
          `09${String(Math.floor(random() * 1e8)).padStart(8, "0")}`,
          1 + Math.floor(random() * 7),
          random() < 0.7 ? "Có" : "Không",
          random() < 0.3 ? "Có" : "Không",
          new Date(Date.UTC(2023, Math.floor(random() * 12), 1 + Math.floor(random() * 28))),
          pick(random, NOTES) || null,
        ])
        .commit();
    }
    sheet.commit();
    names.push(name);
  }
  await workbook.commit();
  return names;
}

if (require.main === module) {
  const [out, rows] = process.argv.slice(2);
  if (!out) throw new Error("usage: large-workbook.ts OUT.xlsx [ROWS]");
  writeLargeWorkbook(out, rows ? Number(rows) : LARGE_DATA_ROWS).then(
    (names) => console.log(`Đã ghi ${out}: ${names.join(", ")}`),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
