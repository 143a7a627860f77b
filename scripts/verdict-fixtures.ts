/**
 * Golden workbooks of issue 14 items 1, 7 and 8 (results that are not results, multi-part criteria, units "%",
 * the smaller points), written under test/fixtures/verdicts/ from the seed figures of scripts/annex-data.ts with
 * one thing changed per row. Each row carries the status and reason a careful reviewer gives, reasoned by hand
 * (`expected.json`); test/cli/verdicts-golden.test.ts grades the files with the built CLI and checks the add-in's
 * two cells of every row against them.
 * Run: npx ts-node --transpile-only scripts/verdict-fixtures.ts
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { addAnnexSheet } from "./annex-book";
import { BAC_SON, HOANG_PHU } from "./annex-data";
import { BUILTIN_SETS } from "../shared/criteria";
import type { AnnexLine, CommuneAnnex, SheetCell } from "./annex-data";
import type { StatusCode } from "../shared/types";

export const VERDICT_DIR = path.join(__dirname, "..", "test", "fixtures", "verdicts");

/** one row of a golden workbook: where it sits and what the add-in must write beside it */
export interface VerdictRow {
  readonly id: string;
  /** 1-based sheet row */
  readonly row: number;
  readonly status: StatusCode;
  /** the whole reason cell (reason, then warnings) */
  readonly reason: string;
}

export interface VerdictFixture {
  readonly file: string;
  /** what the workbook shows, in a sentence */
  readonly about: string;
  readonly sheet: string;
  readonly rows: readonly VerdictRow[];
  /** the commune the report names */
  readonly commune?: string;
}

const txt = (value: string): SheetCell => ({ value });
const num = (value: number, format?: string): SheetCell => (format ? { value, format } : { value });

/** a line of a seed annex with its result (and unit, target) changed */
function changed(annex: CommuneAnnex, id: string, over: Partial<AnnexLine>): AnnexLine {
  const line = annex.lines.find((l) => l.id === id);
  if (!line) throw new Error(`${annex.sheet}: no line ${id}`);
  return { ...line, ...over };
}

interface Case {
  readonly line: AnnexLine;
  readonly status: StatusCode;
  readonly reason: string;
}

/** item 1: every example sentence of the issue at its criterion in xã Hoằng Phụ's 2023 annex */
function planCases(): Case[] {
  const h = (id: string, result: SheetCell, status: StatusCode, reason: string): Case => ({
    line: changed(HOANG_PHU, id, { result }),
    status,
    reason,
  });
  return [
    h(
      "1.2",
      txt("Dự kiến 100% trong quý IV"),
      "CAN_XEM_XET",
      'ghi "dự kiến": là kế hoạch, chưa phải kết quả (100%; chỉ tiêu ≥ 100%)',
    ),
    h(
      "1.3",
      txt("Chỉ tiêu 100%"),
      "CAN_XEM_XET",
      'ghi "chỉ tiêu": là kế hoạch, chưa phải kết quả (100%; chỉ tiêu ≥ 100%)',
    ),
    h(
      "1.4",
      txt("14/14 (dự kiến)"),
      "CAN_XEM_XET",
      'ghi "dự kiến": là kế hoạch, chưa phải kết quả (14/14 = 100%; chỉ tiêu ≥ 100%)',
    ),
    h(
      "2.1",
      txt("Có, 0 lượt người"),
      "CAN_XEM_XET",
      'ghi "0 lượt": kết quả chưa trọn vẹn (Có, 0 lượt người; yêu cầu "Có")',
    ),
    h(
      "2.4",
      txt("Phấn đấu đạt 60%"),
      "CAN_XEM_XET",
      'ghi "phấn đấu": là kế hoạch, chưa phải kết quả (60%; chỉ tiêu ≥ 60%)',
    ),
    h(
      "2.5",
      txt("Kế hoạch 50%"),
      "CAN_XEM_XET",
      'ghi "kế hoạch": là kế hoạch, chưa phải kết quả (50%; chỉ tiêu ≥ 50%)',
    ),
    h(
      "2.6",
      txt("khoảng 55%"),
      "CAN_XEM_XET",
      'ghi "khoảng": là số ước lượng, chưa phải kết quả (55%; chỉ tiêu ≥ 55%)',
    ),
    h(
      "3.11",
      txt("20% (theo kế hoạch)"),
      "CAN_XEM_XET",
      'ghi "theo kế hoạch": là kế hoạch, chưa phải kết quả (20%; chỉ tiêu ≥ 20%)',
    ),
    h(
      "3.12",
      txt("Dự kiến 100%, đang triển khai"),
      "DANG_THUC_HIEN",
      'kết quả ghi "Đang triển khai", "dự kiến" (100%; chỉ tiêu ≥ 60%)',
    ),
    h(
      "4.2",
      txt("Cơ bản đảm bảo"),
      "CAN_XEM_XET",
      'ghi "cơ bản": kết quả chưa trọn vẹn ("Cơ bản đảm bảo"; yêu cầu "Đáp ứng")',
    ),
    h(
      "4.4",
      txt("Có (kết nối đến huyện), chưa kết nối tỉnh"),
      "CAN_XEM_XET",
      'ghi "chưa kết nối": kết quả chưa trọn vẹn ("Có (kết nối đến huyện), chưa …"; yêu cầu "Có"); ' +
        "kết quả chỉ nêu huyện, thiếu tỉnh, Trung ương mà tiêu chí yêu cầu",
    ),
    h("4.5", txt("Có 5 điểm wifi"), "DAT", 'Có 5 điểm wifi (đáp ứng yêu cầu "Có")'),
    h(
      "4.7",
      txt("Có nhưng chưa ứng dụng CNTT"),
      "CAN_XEM_XET",
      'ghi "nhưng chưa": kết quả chưa trọn vẹn (Có nhưng chưa ứng dụng CNTT; yêu cầu "Có")',
    ),
  ];
}

/** item 1, multi-part: 4.4 naming only the district, and naming every level */
function levelCases(): Case[] {
  return [
    {
      line: changed(HOANG_PHU, "4.4", { result: txt("Đã kết nối đến huyện") }),
      status: "CAN_XEM_XET",
      reason: "kết quả chỉ nêu huyện, thiếu tỉnh, Trung ương mà tiêu chí yêu cầu",
    },
  ];
}

/** item 7: bare numbers in rows whose unit is "%" (xã Hoằng Phụ's figures) */
function unitCases(): Case[] {
  const u = (id: string, result: SheetCell, status: StatusCode, reason: string): Case => ({
    line: changed(HOANG_PHU, id, { unit: "%", result }),
    status,
    reason,
  });
  return [
    u("3.4", num(65), "DAT", "65% ≥ 65% (đơn vị tính %)"),
    u("3.2", txt("71"), "KHONG_DAT", "71% < 75% (đơn vị tính %)"),
    u("3.3", num(0.65, "0%"), "DAT", "65% ≥ 55%"),
    u(
      "3.9",
      num(0.65),
      "CAN_XEM_XET",
      "số 0,65 ở dòng đơn vị tính %: có thể là 0,65% hoặc 65% — ghi rõ kèm dấu %",
    ),
  ];
}

/** item 8: 100% against an unknown threshold (1.6), and a row whose figure is not a real 100% */
function fullRateCases(): Case[] {
  return [
    {
      line: changed(HOANG_PHU, "1.6", { result: txt("433/433 hồ sơ") }),
      status: "DAT",
      reason: "433/433 = 100%: đạt mọi ngưỡng (bộ tiêu chí chưa nêu chỉ tiêu 1.6)",
    },
    {
      line: changed(HOANG_PHU, "3.1", { result: num(0.9999, "0%") }),
      status: "CAN_XEM_XET",
      reason: "chưa có chỉ tiêu",
    },
  ];
}

const SET_2022 = BUILTIN_SETS.find((s) => s.id === "tt-xa-2022")!;

/** the earlier list's rows that phường Bắc Sơn's 2023 report (seed 000) gives figures for, and 4.8 */
function earlierListCases(): Case[] {
  const line = (id: string, target: string, result: string): AnnexLine => {
    const c = SET_2022.criteria.find((x) => x.id === id)!;
    return { id, name: c.name, unit: c.unit ?? "", target: txt(target), result: txt(result), expect: "DAT" };
  };
  return [
    { line: line("1.1", "100%", "14/14"), status: "DAT", reason: "14/14 = 100% ≥ 100%" },
    { line: line("1.4", "100%", "461/461 hồ sơ"), status: "DAT", reason: "461/461 = 100% ≥ 100%" },
    {
      line: line("1.5", "≥ 60%", "Dịch vụ công trực tuyến một phần 82/82 = 100%"),
      status: "DAT",
      reason: "82/82 = 100% ≥ 60%",
    },
    {
      line: line("1.8", "Triển khai sử dụng", "Đã triển khai"),
      status: "DAT",
      reason: 'Đã triển khai (đáp ứng yêu cầu "Triển khai sử dụng")',
    },
    {
      line: line("4.8", "Có", "Có"),
      status: "DAT",
      reason:
        'Có (đáp ứng yêu cầu "Có") · bộ tiêu chí không đánh giá tiêu chí 4.8 năm 2023; chấm theo chỉ tiêu ghi trong bảng "Có"',
    },
  ];
}

function annexOf(
  base: CommuneAnnex,
  sheet: string,
  lines: readonly AnnexLine[],
  commune = base.commune,
): CommuneAnnex {
  return { ...base, sheet, commune, lines };
}

async function write(
  file: string,
  about: string,
  annex: CommuneAnnex,
  cases: readonly Case[],
  decorate?: (sheet: ExcelJS.Worksheet, rows: Record<string, number>) => void,
  others: readonly CommuneAnnex[] = [],
): Promise<VerdictFixture> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(Date.UTC(2023, 11, 8));
  workbook.modified = workbook.created;
  const rows = addAnnexSheet(workbook, annex, "standard");
  decorate?.(workbook.getWorksheet(annex.sheet)!, rows);
  for (const other of others) addAnnexSheet(workbook, other, "standard");
  await workbook.xlsx.writeFile(path.join(VERDICT_DIR, file));
  return {
    file,
    about,
    sheet: annex.sheet,
    commune: annex.commune,
    rows: cases.map((c) => ({ id: c.line.id, row: rows[c.line.id]!, status: c.status, reason: c.reason })),
  };
}

/** the seed annex's lines with the cases' lines in their place */
function withCases(base: CommuneAnnex, cases: readonly Case[]): AnnexLine[] {
  return base.lines.map((l) => cases.find((c) => c.line.id === l.id)?.line ?? l);
}

/** every golden workbook of issue 14 items 1, 7, 8 with its expected rows */
export async function writeVerdictFixtures(): Promise<VerdictFixture[]> {
  fs.mkdirSync(VERDICT_DIR, { recursive: true });
  const out: VerdictFixture[] = [];

  const plans = planCases();
  out.push(
    await write(
      "ke-hoach-uoc-luong.xlsx",
      "xã Hoằng Phụ 2023 with plans, estimates and qualified answers in place of results",
      annexOf(HOANG_PHU, "Hoằng Phụ", withCases(HOANG_PHU, plans)),
      plans,
    ),
  );

  const levels = levelCases();
  out.push(
    await write(
      "nhieu-cap.xlsx",
      "4.4 (xã – huyện – tỉnh – Trung ương) answered for the district only",
      annexOf(HOANG_PHU, "Hoằng Phụ", withCases(HOANG_PHU, levels)),
      levels,
    ),
  );

  const units = unitCases();
  out.push(
    await write(
      "don-vi-phan-tram.xlsx",
      "bare numbers in rows whose unit is %",
      annexOf(HOANG_PHU, "Hoằng Phụ", withCases(HOANG_PHU, units)),
      units,
    ),
  );

  // item 8: 100% against an unknown threshold; a self-assessment column; a numbered commune
  const full = fullRateCases();
  const selfCases: Case[] = [
    {
      line: changed(HOANG_PHU, "2.4", { result: txt("Phấn đấu đạt 60%") }),
      status: "CAN_XEM_XET",
      reason:
        'ghi "phấn đấu": là kế hoạch, chưa phải kết quả (60%; chỉ tiêu ≥ 60%) · ' +
        'tự đánh giá "Đạt" khác kết quả chấm "Cần xem xét"',
    },
  ];
  const small = [...full, ...selfCases];
  out.push(
    await write(
      "diem-nho.xlsx",
      "xã Số 5: 100% against an unknown threshold, a self-assessed Đạt we cannot confirm",
      annexOf(HOANG_PHU, "Phụ lục", withCases(HOANG_PHU, small), "xã Số 5"),
      small,
      (sheet, rows) => {
        const header = 5;
        sheet.getCell(header, 7).value = "Tự đánh giá";
        sheet.getCell(header, 7).font = { bold: true };
        for (const [id, r] of Object.entries(rows)) sheet.getCell(r, 7).value = id === "2.4" ? "Đạt" : null;
      },
      // a second commune, so that the report ranks both and names each
      [annexOf(HOANG_PHU, "Hoằng Phụ", HOANG_PHU.lines)],
    ),
  );

  // item 8: the earlier list's 4.8 with its own target "Có", graded in 2023 (phường Bắc Sơn kept that list)
  const earlier = earlierListCases();
  out.push(
    await write(
      "danh-muc-cu-4-8.xlsx",
      "the earlier list (phường Bắc Sơn, 2023) with 4.8's own target; 1.5 quoting the seed's 'một phần' service",
      {
        ...BAC_SON,
        sheet: "Bắc Sơn",
        groups: SET_2022.groups.map((g) => ({ id: g.id, name: g.name })),
        lines: earlier.map((c) => c.line),
      },
      earlier.filter((c) => c.status !== undefined),
    ),
  );

  fs.writeFileSync(path.join(VERDICT_DIR, "expected.json"), `${JSON.stringify(out, null, 2)}\n`);
  return out;
}

if (require.main === module) {
  writeVerdictFixtures()
    .then((f) => console.log(`Đã tạo ${f.length} tệp mẫu chuẩn (issue 14).`))
    .catch((err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    });
}
