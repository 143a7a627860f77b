import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { gridFromWorksheet, loadWorkbook, rawFromCellValue, readXlsxBytes } from "../../src/cli/read";
import { applyEditPlan, areaRef } from "../../src/cli/write";
import { UserError } from "../../src/cli/errors";
import { table, textWidth } from "../../src/cli/print";
import type { EditPlan } from "../../shared/types";
import { STATUS_RULES, SUMMARY_SHEET } from "../../shared/labels";
import { conditionalFormatsOf, originalCellDiffs, snapshotWorkbook, tempDir } from "./helpers";

describe("reading cells", () => {
  test("formulas give their cached result, never the formula", () => {
    expect(rawFromCellValue({ formula: "A1/B1", result: 0.544 } as ExcelJS.CellValue)).toBe(0.544);
    expect(rawFromCellValue({ sharedFormula: "C2", result: "Có" } as unknown as ExcelJS.CellValue)).toBe(
      "Có",
    );
    expect(rawFromCellValue({ formula: "A1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellValue)).toEqual({
      error: "#DIV/0!",
    });
    expect(rawFromCellValue({ formula: "NOW()" } as ExcelJS.CellValue)).toBeNull();
  });

  test("error values, rich text and hyperlinks", () => {
    expect(rawFromCellValue({ error: "#N/A" } as ExcelJS.CellValue)).toEqual({ error: "#N/A" });
    expect(
      rawFromCellValue({
        richText: [{ text: "54," }, { font: { bold: true }, text: "4%" }],
      } as ExcelJS.CellValue),
    ).toBe("54,4%");
    expect(
      rawFromCellValue({ text: "Trang TTĐT", hyperlink: "https://example.vn" } as ExcelJS.CellValue),
    ).toBe("Trang TTĐT");
    expect(
      rawFromCellValue({
        text: { richText: [{ text: "Có " }, { text: "(link)" }] },
        hyperlink: "https://example.vn",
      } as unknown as ExcelJS.CellValue),
    ).toBe("Có (link)");
  });

  test("dates stay dates; merged cells keep the value in the master only", async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("A");
    ws.getCell("A1").value = "PHỤ LỤC";
    ws.mergeCells("A1:D1");
    ws.getCell("B3").value = new Date(Date.UTC(2023, 11, 5));
    ws.getCell("C3").value = 0.544;
    ws.getCell("C3").numFmt = "0.0%";
    const file = path.join(tempDir(), "m.xlsx");
    await workbook.xlsx.writeFile(file);
    const grid = gridFromWorksheet((await loadWorkbook(file)).worksheets[0]!);
    expect(grid.values[0]).toEqual(["PHỤ LỤC"]);
    expect(grid.values[1]).toEqual([]);
    expect(grid.values[2]![1]).toBeInstanceOf(Date);
    expect(grid.values[2]![2]).toBe(0.544);
    expect(grid.formats?.[2]![2]).toBe("0.0%");
  });
});

describe("checking the file", () => {
  const dir = tempDir();
  const write = (name: string, bytes: Buffer | string): string => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, bytes);
    return p;
  };
  const messageOf = (fn: () => unknown): string => {
    try {
      fn();
    } catch (err) {
      expect(err).toBeInstanceOf(UserError);
      return (err as UserError).vi;
    }
    throw new Error("expected a UserError");
  };

  test("missing, text renamed .xlsx, CSV, encrypted, legacy .xls", () => {
    expect(messageOf(() => readXlsxBytes(path.join(dir, "khong-co.xlsx")))).toMatch(/Không tìm thấy tệp/);
    expect(messageOf(() => readXlsxBytes(write("a.xlsx", "TT;Tên chỉ tiêu\n")))).toMatch(
      /không phải tệp \.xlsx/,
    );
    expect(messageOf(() => readXlsxBytes(write("a.csv", "TT,Tên\n")))).toMatch(
      /không phải tệp \.xlsx.*\.csv/,
    );
    const cfb = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(1024),
    ]);
    expect(messageOf(() => readXlsxBytes(write("mat-khau.xlsx", cfb)))).toMatch(/bảo vệ bằng mật khẩu/);
    const xls = Buffer.concat([cfb, Buffer.from("Workbook", "utf16le")]);
    expect(messageOf(() => readXlsxBytes(write("cu.xls", xls)))).toMatch(/Excel 97-2003/);
    expect(messageOf(() => readXlsxBytes(dir))).toMatch(/thư mục/);
  });

  test("a damaged package", async () => {
    const file = write(
      "hong.xlsx",
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]),
    );
    await expect(loadWorkbook(file)).rejects.toThrow(/bị hỏng/);
  });
});

describe("applying an edit plan", () => {
  async function source(): Promise<string> {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("Xã A");
    ws.getCell("A1").value = "TT";
    ws.getCell("B1").value = "Kết quả";
    ws.getCell("A2").value = "2.4";
    ws.getCell("B2").value = { formula: "0.3*2", result: 0.6 };
    ws.getCell("B2").numFmt = "0%";
    ws.getCell("A3").value = "3.2";
    ws.getCell("B3").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
    workbook.addWorksheet(SUMMARY_SHEET).getCell("A1").value = "cũ";
    const file = path.join(tempDir(), "src.xlsx");
    await workbook.xlsx.writeFile(file);
    return file;
  }
  const plan: EditPlan = {
    sheets: [
      {
        sheet: "Xã A",
        own: { row: 0, col: 2, rows: 3, cols: 2 },
        writes: [
          {
            row: 0,
            col: 2,
            values: [
              ["Chấm CĐS: Trạng thái", "Chấm CĐS: Lý do"],
              ["Đạt", "=60% ≥ 60%"],
              ["Cần xem xét", "+lỗi #N/A"],
            ],
          },
        ],
        formats: [{ area: { row: 1, col: 2, rows: 2, cols: 1 }, rules: STATUS_RULES }],
        columnWidths: [90, 240],
      },
    ],
    summary: {
      sheet: SUMMARY_SHEET,
      values: [["Tổng hợp"], ["Xã A", 1]],
      boldRows: [0],
      formats: [],
      charts: [],
      columnWidths: [120, 60],
    },
  };

  test("writes literal text, keeps every original cell, adds exact-match status rules", async () => {
    const input = await source();
    const workbook = await loadWorkbook(input);
    // the old summary sheet is the add-in's (as its mark would say): replaced
    applyEditPlan(workbook, plan, [], SUMMARY_SHEET);
    const out = path.join(tempDir(), "out.xlsx");
    await workbook.xlsx.writeFile(out);

    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    const ws = back.getWorksheet("Xã A")!;
    expect(ws.getCell("D2").value).toBe("=60% ≥ 60%");
    expect(ws.getCell("D2").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("D2").numFmt).toBe("@");
    expect(ws.getCell("D3").value).toBe("+lỗi #N/A");
    expect(ws.getCell("C1").font?.bold).toBe(true);
    const cfs = conditionalFormatsOf(ws);
    expect(cfs).toHaveLength(1);
    expect(cfs[0]!.ref).toBe(areaRef({ row: 1, col: 2, rows: 2, cols: 1 }));
    const rules = cfs[0]!.rules as ExcelJS.CellIsRuleType[];
    expect(rules.map((r) => r.formulae?.[0])).toEqual(STATUS_RULES.map((r) => `"${r.text}"`));
    expect(rules.every((r) => r.type === "cellIs" && r.operator === "equal")).toBe(true);

    const summary = back.getWorksheet(SUMMARY_SHEET)!;
    expect(summary.getCell("A1").value).toBe("Tổng hợp");
    expect(summary.getCell("B2").value).toBe(1);
    expect(back.worksheets.filter((w) => w.name === SUMMARY_SHEET)).toHaveLength(1);

    const diffs = originalCellDiffs(
      await snapshotWorkbook(input),
      await snapshotWorkbook(out),
      new Map([["Xã A", 2]]),
    );
    expect(diffs.filter((d) => !d.startsWith(SUMMARY_SHEET))).toEqual([]);
  });

  test("re-applying over a graded copy clears the old own area and keeps one set of rules", async () => {
    const first = await loadWorkbook(await source());
    applyEditPlan(first, plan, [], SUMMARY_SHEET);
    const once = path.join(tempDir(), "once.xlsx");
    await first.xlsx.writeFile(once);

    const again = await loadWorkbook(once);
    const shorter: EditPlan = {
      ...plan,
      sheets: [
        {
          ...plan.sheets[0]!,
          own: { row: 0, col: 2, rows: 2, cols: 2 },
          writes: [
            {
              row: 0,
              col: 2,
              values: [
                ["Chấm CĐS: Trạng thái", "Chấm CĐS: Lý do"],
                ["Không đạt", "50% < 60%"],
              ],
            },
          ],
        },
      ],
    };
    applyEditPlan(again, shorter, [{ sheet: "Xã A", own: plan.sheets[0]!.own }], SUMMARY_SHEET);
    const twice = path.join(tempDir(), "twice.xlsx");
    await again.xlsx.writeFile(twice);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(twice);
    const ws = back.getWorksheet("Xã A")!;
    expect(ws.getCell("C2").value).toBe("Không đạt");
    expect(ws.getCell("C3").value).toBeNull();
    expect(ws.getCell("D3").value).toBeNull();
    expect(conditionalFormatsOf(ws)).toHaveLength(1);
    expect(back.worksheets.map((w) => w.name)).toEqual(["Xã A", SUMMARY_SHEET]);
  });
});

describe("terminal table", () => {
  test("aligns Vietnamese text typed with combining marks (NFD) like composed text", () => {
    const nfd = "Xã hội số".normalize("NFD");
    expect(nfd.length).toBeGreaterThan("Xã hội số".length);
    expect(textWidth(nfd)).toBe(9);
    const lines = table(
      [
        ["Nhóm", "Đạt"],
        [nfd, "10"],
        ["Hạ tầng số", "7"],
      ],
      [1],
    );
    const ends = lines.map((l) => [...l].length);
    expect(new Set(ends).size).toBe(1);
    expect(lines[1]).toBe("Xã hội số    10".normalize("NFC"));
  });
});
