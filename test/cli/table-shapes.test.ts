/**
 * Issue 14 items 3–6 through the built CLI: the golden workbooks of scripts/table-fixtures.ts (seed figures of xã
 * Hoằng Phụ) graded, the own columns checked cell by cell, the report's notes, the input untouched.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { JsonReport } from "../../src/cli/report";
import {
  ensureBuilt,
  FIXTURES,
  runBuiltCli,
  sha256,
  snapshotWorkbook,
  originalCellDiffs,
  ownColumnsOf,
  tempDir,
} from "./helpers";

beforeAll(() => ensureBuilt(), 300_000);

const DIR = path.join(FIXTURES, "table");

interface Graded {
  readonly report: JsonReport;
  /** sheet → "row: status | reason" for every row with an own cell, 1-based rows */
  readonly own: Record<string, string[]>;
  readonly out: string;
}

async function grade(file: string, args: readonly string[] = []): Promise<Graded> {
  const dir = tempDir("cds-table-");
  const input = path.join(DIR, file);
  const out = path.join(dir, "out.xlsx");
  const json = path.join(dir, "report.json");
  const before = sha256(input);
  const run = runBuiltCli([input, "--out", out, "--json", json, ...args]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  expect(sha256(input)).toBe(before);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const own: Record<string, string[]> = {};
  for (const ws of wb.worksheets) {
    if (ws.name === "Tổng hợp CĐS") continue;
    let col = -1;
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (col < 0 && typeof c.value === "string" && c.value.startsWith("Chấm CĐS")) col = Number(c.col);
      }),
    );
    const lines: string[] = [];
    if (col > 0)
      ws.eachRow((row, r) => {
        const a = row.getCell(col).value;
        const b = row.getCell(col + 1).value;
        if (a || b) lines.push(`${r}: ${String(a ?? "")} | ${String(b ?? "")}`);
      });
    own[ws.name] = lines;
  }
  // every cell of the user's is as it was
  const ownFrom = await ownColumnsOf(out);
  expect(originalCellDiffs(await snapshotWorkbook(input), await snapshotWorkbook(out), ownFrom)).toEqual([]);
  return { report: JSON.parse(fs.readFileSync(json, "utf8")) as JsonReport, own, out };
}

/** the seed annex's own columns (header row 5, columns H:I) */
const HOANG_PHU = [
  "5: Chấm CĐS: Trạng thái | Chấm CĐS: Lý do",
  '7: Đạt | Có (đáp ứng yêu cầu "Có")',
  "8: Đạt | 100% ≥ 100%",
  "9: Đạt | 14/14 = 100% ≥ 100%",
  "10: Đạt | 849/849 = 100% ≥ 100%",
  "11: Cần xem xét | chưa có chỉ tiêu",
  '12: Đạt | Có (đáp ứng yêu cầu "Có")',
  "13: Không đánh giá | tiêu chí 1.11 không đánh giá năm 2023",
  "15: Đạt | 61% ≥ 60%",
  "16: Đạt | 71% ≥ 55%",
  "18: Cần xem xét | chưa có chỉ tiêu",
  "19: Đạt | 70,5% ≥ 65%",
  "20: Đạt | 64,8% ≥ 60%",
  '22: Đạt | Đáp ứng (đáp ứng yêu cầu "Đáp ứng")',
  '23: Không đạt | Không (không đáp ứng yêu cầu "Có")',
  '24: Đạt | 8 điểm (đáp ứng yêu cầu "Có")',
  '25: Đạt | 32 mắt camera (đáp ứng yêu cầu "Có")',
  '26: Đạt | Có (đáp ứng yêu cầu "Có")',
  "27: Không đánh giá | tiêu chí 4.8 không đánh giá năm 2023",
];

const YEAR_2023 = [
  "2: Chấm CĐS: Trạng thái | Chấm CĐS: Lý do",
  "3: Đạt | 14/14 = 100% ≥ 100%",
  "4: Đạt | 61% ≥ 60%",
  "5: Đạt | 70,5% ≥ 65%",
];

test("the Unicode annex: the seed's verdicts", async () => {
  const g = await grade("unicode.xlsx");
  expect(g.own["Hoằng Phụ"]).toEqual(HOANG_PHU);
  expect(g.report.sheets[0]!.notes).toBeUndefined();
});

test("a totals row and a signature block under the table: left out, nothing written beside them", async () => {
  const g = await grade("ket-thuc-bang.xlsx");
  expect(g.own["Hoằng Phụ"]).toEqual(HOANG_PHU);
  expect(g.report.sheets[0]!.rows).toHaveLength(18);
});

test.each([
  [
    "tcvn3.xlsx",
    /^Trang "Hoằng Phụ" được đọc theo bảng mã TCVN3 \(ABC\), phông \.VnTimeH, \.VnTime, \.VnArial\./,
  ],
  ["vni.xlsx", /^Trang "Hoằng Phụ" được đọc theo bảng mã VNI-Windows, phông VNI-Helve, VNI-Times\./],
  [
    "than-tcvn3.xlsx",
    /^Trang "Hoằng Phụ": 64 ô \(B6:B12, .*\) được đọc theo bảng mã TCVN3 \(ABC\) \(nhận ra từ chữ trong ô\)/,
  ],
])("%s grades as the Unicode annex, and the report says how it was read", async (file, note) => {
  const g = await grade(file);
  expect(g.own["Hoằng Phụ"]).toEqual(HOANG_PHU);
  expect(g.report.sheets[0]!.notes).toEqual([expect.stringMatching(note)]);
});

test("result columns of two years, two periods: the year's, the whole year's", async () => {
  const g = await grade("cot-ket-qua.xlsx");
  expect(g.own["Hai năm"]).toEqual(YEAR_2023);
  expect(g.own["Sáu tháng"]).toEqual([
    YEAR_2023[0]!,
    ...YEAR_2023.slice(1).map((l) => l.replace(/^(\d+)/, (d) => String(Number(d) + 1))),
  ]);
  const notes = g.report.sheets.map((s) => s.notes);
  expect(notes).toEqual([
    [
      'Cột kết quả được chấm: E "Kết quả thực hiện năm 2023" (đúng năm đánh giá 2023); không chấm D "Kết quả năm 2022".',
    ],
    [
      'Cột kết quả được chấm: E "Kết quả đạt được – Cả năm" (cả năm, kỳ dài nhất); không chấm D "Kết quả đạt được – 6 tháng đầu năm".',
    ],
  ]);
});

test("--year 2022 grades the 2022 column", async () => {
  const g = await grade("cot-ket-qua.xlsx", ["--year", "2022"]);
  expect(g.own["Hai năm"]).toEqual([
    "2: Chấm CĐS: Trạng thái | Chấm CĐS: Lý do",
    "3: Không đạt | 12/14 = 85,7% < 100%",
    "4: Không đạt | 54,4% < 60%",
    "5: Không đạt | 60% < 65%",
  ]);
});

test("two tables side by side and stacked: the 2023 one graded, its columns beside it only", async () => {
  const g = await grade("hai-bang.xlsx");
  expect(g.own["Cạnh nhau"]).toEqual(YEAR_2023);
  expect((await ownColumnsOf(g.out)).get("Cạnh nhau")).toBe(9);
  expect(g.own["Trên dưới"]).toEqual(YEAR_2023.map((l) => l.replace(/^(\d+)/, (d) => String(Number(d) + 6))));
  expect(g.report.sheets.map((s) => s.rows.length)).toEqual([3, 3]);
  expect(g.report.sheets[0]!.notes![0]).toMatch(/^Trang có 2 bảng: chấm bảng cột F trở đi, năm 2023/);
  expect(g.report.sheets[1]!.notes![0]).toMatch(/^Trang có 2 bảng: chấm bảng từ dòng 8, năm 2023/);
});

test("--year 2022 on tables side by side: the left one graded, nothing written beside the right one", async () => {
  const g = await grade("hai-bang.xlsx", ["--year", "2022"]);
  expect(g.own["Cạnh nhau"]).toEqual([]);
  expect(g.report.sheets[0]!.rows.map((r) => r.value)).toEqual(["12/14", "54,4%", "60%"]);
  expect(g.report.sheets[0]!.notes).toContainEqual(
    expect.stringMatching(/^Không ghi cột "Chấm CĐS: Trạng thái"/),
  );
  expect(g.own["Trên dưới"]![1]).toBe("3: Không đạt | 12/14 = 85,7% < 100%");
});

test("merged target, unit and result cells apply to each row they cover", async () => {
  const g = await grade("o-gop.xlsx");
  expect(g.own["Ô gộp"]).toEqual([
    "2: Chấm CĐS: Trạng thái | Chấm CĐS: Lý do",
    '3: Đạt | 72% ≥ 70% · chỉ tiêu ghi trong bảng "≥ 70%" khác chỉ tiêu của bộ tiêu chí "≥ 55%" (3.3)',
    '4: Không đạt | 65% < 70% · chỉ tiêu ghi trong bảng "≥ 70%" khác chỉ tiêu của bộ tiêu chí "≥ 65%" (3.4)',
    '5: Đạt | 80% ≥ 70% · chỉ tiêu ghi trong bảng "≥ 70%" khác chỉ tiêu của bộ tiêu chí "≥ 95%" (3.5)',
    "6: Đạt | 14/14 = 100% ≥ 100% · kết quả ghi chung cho các dòng 6–7 (ô gộp E6:E7), dùng cho từng dòng",
    "7: Đạt | 14/14 = 100% ≥ 100% · kết quả ghi chung cho các dòng 6–7 (ô gộp E6:E7), dùng cho từng dòng",
    // one text over the target and the result cells (D8:E8) is the result too
    '8: Không đạt | Chưa triển khai (không đáp ứng yêu cầu "Có")',
  ]);
});
