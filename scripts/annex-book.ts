/**
 * Writes commune annexes into ExcelJS worksheets in the shapes officials use: title rows with merged cells,
 * a header, group rows, percent-formatted numbers, and (for the "plan" shape) numeric IDs and a header
 * repeated at a page break.
 */
import ExcelJS from "exceljs";
import type { AnnexLine, CommuneAnnex, SheetCell } from "./annex-data";

export type AnnexShape = "standard" | "plan";

/** where each line landed: 1-based sheet row by criterion id */
export type RowMap = Record<string, number>;

const STANDARD_HEADER = [
  "TT",
  "Tên chỉ tiêu",
  "Đơn vị tính",
  "Chỉ tiêu cụ thể",
  "Kết quả đạt được",
  "Khó khăn, vướng mắc",
];
const PLAN_HEADER = ["STT", "Nội dung", "Chỉ tiêu giao", "Kết quả thực hiện", "Ghi chú"];

function put(cell: ExcelJS.Cell, sc: SheetCell): void {
  cell.value = sc.value === "" ? null : sc.value;
  if (sc.format) cell.numFmt = sc.format;
}

function headerRow(sheet: ExcelJS.Worksheet, row: number, header: readonly string[]): void {
  header.forEach((h, i) => {
    const cell = sheet.getCell(row, i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.border = {
      top: { style: "thin" },
      bottom: { style: "thin" },
      left: { style: "thin" },
      right: { style: "thin" },
    };
  });
}

/** the ID as an official may have typed it: numbers where Excel would turn "1.2" into 1.2 */
function typedId(id: string, shape: AnnexShape): string | number {
  if (shape === "plan" && /^\d+\.\d$/.test(id)) return Number(id);
  if (shape === "plan" && /^\d+\.\d\d$/.test(id)) return `${id}.`;
  return id;
}

/**
 * Adds one commune's annex as a worksheet; returns the 1-based row of each criterion.
 * @param pageBreakEvery repeat the header after this many lines (plan shape only)
 */
export function addAnnexSheet(
  workbook: ExcelJS.Workbook,
  annex: CommuneAnnex,
  shape: AnnexShape = "standard",
  pageBreakEvery = 12,
): RowMap {
  const sheet = workbook.addWorksheet(annex.sheet);
  const header = shape === "standard" ? STANDARD_HEADER : PLAN_HEADER;
  const last = header.length;
  sheet.getCell(1, 1).value = `UBND ${annex.commune.toUpperCase()}`;
  sheet.mergeCells(1, 1, 1, 3);
  sheet.getCell(2, 1).value = `PHỤ LỤC: ${annex.title}`;
  sheet.getCell(2, 1).font = { bold: true, size: 13 };
  sheet.getCell(2, 1).alignment = { horizontal: "center" };
  sheet.mergeCells(2, 1, 2, last);
  sheet.getCell(3, 1).value = `(Kèm theo báo cáo của UBND ${annex.commune}, ${annex.district})`;
  sheet.getCell(3, 1).alignment = { horizontal: "center" };
  sheet.mergeCells(3, 1, 3, last);
  let row = 5;
  headerRow(sheet, row, header);
  row++;
  const rows: RowMap = {};
  let group = "";
  let sincePageBreak = 0;
  for (const line of annex.lines) {
    const g = line.id.split(".")[0]!;
    if (g !== group) {
      group = g;
      const name = annex.groups.find((x) => x.id === g)?.name ?? "";
      sheet.getCell(row, 1).value = shape === "standard" ? g : (["I", "II", "III", "IV"][Number(g) - 1] ?? g);
      sheet.getCell(row, 2).value = name;
      sheet.getRow(row).font = { bold: true };
      sheet.mergeCells(row, 2, row, last);
      row++;
    }
    if (shape === "plan" && sincePageBreak === pageBreakEvery) {
      headerRow(sheet, row, header);
      row++;
      sincePageBreak = 0;
    }
    writeLine(sheet, row, line, shape);
    rows[line.id] = row;
    row++;
    sincePageBreak++;
  }
  sheet.getColumn(1).width = 6;
  sheet.getColumn(2).width = 60;
  for (let c = 3; c <= last; c++) sheet.getColumn(c).width = 18;
  return rows;
}

function writeLine(sheet: ExcelJS.Worksheet, row: number, line: AnnexLine, shape: AnnexShape): void {
  sheet.getCell(row, 1).value = typedId(line.id, shape);
  sheet.getCell(row, 2).value = line.name;
  sheet.getCell(row, 2).alignment = { wrapText: true };
  if (shape === "standard") {
    sheet.getCell(row, 3).value = line.unit || null;
    put(sheet.getCell(row, 4), line.target);
    put(sheet.getCell(row, 5), line.result);
    sheet.getCell(row, 6).value = line.notes ?? null;
  } else {
    put(sheet.getCell(row, 3), line.target);
    put(sheet.getCell(row, 4), line.result);
    sheet.getCell(row, 5).value = line.notes ?? null;
  }
}

/** a sheet with notes only: the grader lists it as skipped */
export function addNotesSheet(workbook: ExcelJS.Workbook, name: string, lines: readonly string[]): void {
  const sheet = workbook.addWorksheet(name);
  lines.forEach((text, i) => (sheet.getCell(i + 1, 1).value = text));
  sheet.getColumn(1).width = 100;
}
