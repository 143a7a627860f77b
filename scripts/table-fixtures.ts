/**
 * Golden workbooks of issue 14 items 3–6 (how an annex table is read), built from the seed annex of xã Hoằng
 * Phụ (test/encoding/annex-unicode.ts) with one thing changed each: a signature block and totals under the table,
 * result columns of two years or two periods, two tables on a sheet, merged cells, legacy encodings.
 * test/cli/table-shapes.test.ts grades them with the built CLI and checks the own columns cell by cell.
 * Run: npx ts-node --transpile-only scripts/table-fixtures.ts
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { Area, RawCell } from "../shared/types";
import {
  BODY_TCVN3_VALUES,
  TCVN3_FONTS,
  TCVN3_VALUES,
  VNI_FONTS,
  VNI_VALUES,
} from "../test/encoding/annex-legacy";
import { ANNEX_FORMATS, ANNEX_UNICODE } from "../test/encoding/annex-unicode";

export const TABLE_FIXTURES = path.join(__dirname, "..", "test", "fixtures", "table");

type Rows = readonly (readonly RawCell[])[];

/** one sheet of a fixture workbook */
export interface FixtureSheet {
  readonly name: string;
  readonly values: Rows;
  readonly formats?: readonly (readonly (string | null)[])[];
  readonly fonts?: readonly (readonly (string | null | undefined)[])[];
  readonly merges?: readonly Area[];
}

const FOOTER: Rows = [
  [],
  [null, "Người lập biểu", null, null, "TM. ỦY BAN NHÂN DÂN"],
  [null, null, null, null, "CHỦ TỊCH UBND XÃ"],
  [null, "(Ký, ghi rõ họ tên)", null, null, "(Ký, đóng dấu)"],
  [],
  [null, "Nguyễn Văn An", null, null, "Lê Văn Bình"],
  [null, null, null, "Hoằng Phụ, ngày 05 tháng 12 năm 2023"],
  ["Nơi nhận:"],
  ["- Như trên;"],
];

const YEAR_HEADER = [
  "TT",
  "Tên chỉ tiêu",
  "Chỉ tiêu cụ thể",
  "Kết quả năm 2022",
  "Kết quả thực hiện năm 2023",
];
// figures of the seed reports (Hoằng Phụ 2023; the 2022 column from the earlier report's rates)
const YEAR_BODY: Rows = [
  ["1.4", "Cán bộ, công chức xã có hộp thư điện tử công vụ", "100%", "12/14", "14/14"],
  ["2.4", "Tỷ lệ người dân sử dụng thanh toán không dùng tiền mặt", "60%", "54,4%", "61%"],
  ["3.4", "Tỷ lệ dân số trưởng thành có điện thoại thông minh", "65%", "60%", "70,5%"],
];
const TABLE_HEADER = ["TT", "Tên chỉ tiêu", "Chỉ tiêu cụ thể", "Kết quả đạt được"];
const rows2022 = YEAR_BODY.map((r) => [r[0], r[1], r[2], r[3]] as RawCell[]);
const rows2023 = YEAR_BODY.map((r) => [r[0], r[1], r[2], r[4]] as RawCell[]);

/** the fixture workbooks by file name */
export const TABLE_WORKBOOKS: Readonly<Record<string, readonly FixtureSheet[]>> = {
  "ket-thuc-bang.xlsx": [
    {
      name: "Hoằng Phụ",
      values: [...ANNEX_UNICODE, ["Tổng cộng", null, null, null, "13/18"], ...FOOTER],
      formats: ANNEX_FORMATS,
    },
  ],
  "cot-ket-qua.xlsx": [
    { name: "Hai năm", values: [["KẾT QUẢ CHUYỂN ĐỔI SỐ XÃ HOẰNG PHỤ NĂM 2023"], YEAR_HEADER, ...YEAR_BODY] },
    {
      name: "Sáu tháng",
      values: [
        ["KẾT QUẢ CHUYỂN ĐỔI SỐ XÃ HOẰNG PHỤ NĂM 2023"],
        ["TT", "Tên chỉ tiêu", "Chỉ tiêu cụ thể", "Kết quả đạt được", null],
        [null, null, null, "6 tháng đầu năm", "Cả năm"],
        ...YEAR_BODY,
      ],
      merges: [
        { row: 1, col: 3, rows: 1, cols: 2 },
        { row: 1, col: 0, rows: 2, cols: 1 },
        { row: 1, col: 1, rows: 2, cols: 1 },
        { row: 1, col: 2, rows: 2, cols: 1 },
      ],
    },
  ],
  "hai-bang.xlsx": [
    {
      name: "Cạnh nhau",
      values: [
        ["KẾT QUẢ NĂM 2022", null, null, null, null, "KẾT QUẢ NĂM 2023"],
        [...TABLE_HEADER, null, ...TABLE_HEADER],
        ...rows2022.map((r, i) => [...r, null, ...rows2023[i]!]),
      ],
    },
    {
      name: "Trên dưới",
      values: [
        ["KẾT QUẢ NĂM 2022"],
        TABLE_HEADER,
        ...rows2022,
        [],
        ["KẾT QUẢ NĂM 2023"],
        TABLE_HEADER,
        ...rows2023,
      ],
    },
  ],
  "o-gop.xlsx": [
    {
      name: "Ô gộp",
      values: [
        ["KẾT QUẢ CHUYỂN ĐỔI SỐ XÃ HOẰNG PHỤ NĂM 2023"],
        ["TT", "Tên chỉ tiêu", "Đơn vị tính", "Chỉ tiêu cụ thể", "Kết quả đạt được"],
        [
          "3.3",
          "Tỷ lệ thuê bao điện thoại di động thông minh sử dụng phần mềm an toàn thông tin cơ bản",
          "%",
          "70%",
          "72%",
        ],
        ["3.4", "Tỷ lệ dân số trưởng thành có điện thoại thông minh", null, null, "65%"],
        ["3.5", "Tỷ lệ người dân có hồ sơ sức khỏe điện tử", null, null, "80%"],
        ["1.4", "Cán bộ, công chức xã có hộp thư điện tử công vụ", "Người", "100%", "14/14"],
        ["1.5", "Hồ sơ TTHC tiếp nhận, xử lý trên hệ thống một cửa điện tử", "Hồ sơ", "100%", null],
        // one text written over the target and the result
        [
          "4.5",
          "Có điểm phát wifi công cộng tại các địa điểm quan trọng trong xã",
          null,
          "Chưa triển khai",
          null,
        ],
      ],
      merges: [
        { row: 2, col: 2, rows: 3, cols: 1 },
        { row: 2, col: 3, rows: 3, cols: 1 },
        { row: 5, col: 4, rows: 2, cols: 1 },
        { row: 7, col: 3, rows: 1, cols: 2 },
      ],
    },
  ],
  "tcvn3.xlsx": [{ name: "Hoằng Phụ", values: TCVN3_VALUES, formats: ANNEX_FORMATS, fonts: TCVN3_FONTS }],
  "vni.xlsx": [{ name: "Hoằng Phụ", values: VNI_VALUES, formats: ANNEX_FORMATS, fonts: VNI_FONTS }],
  "than-tcvn3.xlsx": [{ name: "Hoằng Phụ", values: BODY_TCVN3_VALUES, formats: ANNEX_FORMATS }],
  "unicode.xlsx": [{ name: "Hoằng Phụ", values: ANNEX_UNICODE, formats: ANNEX_FORMATS }],
};

/** a fixture workbook as ExcelJS writes it */
export function fixtureWorkbook(sheets: readonly FixtureSheet[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(Date.UTC(2023, 11, 8));
  workbook.modified = workbook.created;
  for (const s of sheets) {
    const ws = workbook.addWorksheet(s.name);
    s.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = v as ExcelJS.CellValue;
        const format = s.formats?.[r]?.[c];
        if (format) cell.numFmt = format;
        const font = s.fonts?.[r]?.[c];
        if (font) cell.font = { name: font, size: 13 };
      }),
    );
    for (const m of s.merges ?? []) ws.mergeCells(m.row + 1, m.col + 1, m.row + m.rows, m.col + m.cols);
  }
  return workbook;
}

async function main(): Promise<void> {
  fs.mkdirSync(TABLE_FIXTURES, { recursive: true });
  for (const [file, sheets] of Object.entries(TABLE_WORKBOOKS)) {
    await fixtureWorkbook(sheets).xlsx.writeFile(path.join(TABLE_FIXTURES, file));
    console.log(file);
  }
}

if (require.main === module) void main();
