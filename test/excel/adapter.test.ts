import { OWN_HEADERS, STATUS_LABELS, STATUS_RULES, SUMMARY_SHEET } from "../../shared/labels";
import {
  addCdsNames,
  addCriteriaSheet,
  CDS_DAT_LAMBDA,
  CDS_DIEM_LAMBDA,
  clearInExcel,
  ExcelAddinError,
  gradeInExcel,
  RULE_OPERATOR,
  scanWorkbook,
  selectCell,
} from "../../src/excel/adapter";
import { findSet } from "../../shared/criteria";
import { CRITERIA_SHEET } from "../../shared/criteria/sheet";
import { a1, parseA1 } from "../../shared/text";
import { SYNC_BUDGET } from "../../src/excel/payload";
import { MESSAGES } from "../../src/excel/messages";
import { FakeExcel, WEB_PAYLOAD_LIMIT, type FakeSheetInit } from "../fakes/office-excel";
import { annexSheet, HEADER_ROW, ROW_OF } from "./fixture";

const SHEET = "Hoằng Phụ";
// the fixture's table spans A–F; the add-in's own columns are G (status) and H (reason)
const STATUS_COL = "G";
const REASON_COL = "H";

function cellAt(address: string): [number, number] {
  const at = parseA1(address)!;
  return [at.row, at.col];
}

function ctx(fake: FakeExcel): Excel.RequestContext {
  return fake.context() as unknown as Excel.RequestContext;
}

async function grade(fake: FakeExcel, scope: "active" | "all" = "all") {
  return gradeInExcel(ctx(fake), scope);
}

async function failure(work: Promise<unknown>): Promise<ExcelAddinError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof ExcelAddinError) return error;
    throw error;
  }
  throw new Error("expected an ExcelAddinError");
}

/** user cells only (columns A–F), to check grading never touches them */
function userCells(fake: FakeExcel, sheet: string): unknown {
  const s = fake.sheet(sheet)!;
  return [...s.cells.entries()].filter(([k]) => Number(k.split(",")[1]) < 6).sort();
}

describe("grading a sheet", () => {
  test("writes status and reason as text in the own columns, leaves user cells alone", async () => {
    const fake = new FakeExcel([annexSheet(SHEET)]);
    const before = userCells(fake, SHEET);
    const run = await grade(fake);

    expect(run.report.sheets.map((s) => s.name)).toEqual([SHEET]);
    expect(fake.value(SHEET, `${STATUS_COL}${HEADER_ROW}`)).toBe(OWN_HEADERS[0]);
    expect(fake.value(SHEET, `${REASON_COL}${HEADER_ROW}`)).toBe(OWN_HEADERS[1]);
    expect(fake.cell(SHEET, `${STATUS_COL}${HEADER_ROW}`)?.bold).toBe(true);
    // 0.544 in a 0.0% cell against 60%; 433/448 against 75%; "Đang xây dựng"; "Có triển khai" under a % target
    expect(fake.value(SHEET, `${STATUS_COL}${ROW_OF("2.4")}`)).toBe(STATUS_LABELS.KHONG_DAT);
    expect(fake.value(SHEET, `${REASON_COL}${ROW_OF("2.4")}`)).toBe("54,4% < 60%");
    expect(fake.value(SHEET, `${STATUS_COL}${ROW_OF("3.2")}`)).toBe(STATUS_LABELS.DAT);
    expect(fake.value(SHEET, `${STATUS_COL}${ROW_OF("1.9")}`)).toBe(STATUS_LABELS.DANG_THUC_HIEN);
    expect(fake.value(SHEET, `${STATUS_COL}${ROW_OF("2.5")}`)).toBe(STATUS_LABELS.CAN_XEM_XET);
    for (const id of ["2.4", "3.2"])
      expect(fake.cell(SHEET, `${REASON_COL}${ROW_OF(id)}`)?.numberFormat).toBe("@");
    expect(userCells(fake, SHEET)).toEqual(before);
  });

  test("adds one range-level rule per status on the status column, keyed on the label", async () => {
    const fake = new FakeExcel([annexSheet(SHEET)]);
    const run = await grade(fake);
    const own = run.plan.sheets[0]!.own;
    const formats = fake.sheet(SHEET)!.conditionalFormats;
    expect(formats).toHaveLength(STATUS_RULES.length);
    for (const rule of STATUS_RULES) {
      const f = formats.find((x) => x.rule?.text === rule.text);
      expect(f).toMatchObject({ type: "ContainsText", fill: rule.fill, font: rule.font });
      expect(f!.rule!.operator).toBe(RULE_OPERATOR);
      expect(f!.area).toEqual({ row: own.row + 1, col: own.col, rows: own.rows - 1, cols: 1 });
    }
  });

  test("no status label begins with another, so 'begins with' rules never colour the wrong status", () => {
    const labels = Object.values(STATUS_LABELS).map((l) => l.toLocaleLowerCase("vi"));
    for (const a of labels) for (const b of labels) if (a !== b) expect(b.startsWith(a)).toBe(false);
  });

  test("creates the summary sheet with a column chart of met / evaluated per group", async () => {
    const fake = new FakeExcel([annexSheet(SHEET)]);
    const run = await grade(fake);
    const summary = fake.sheet(SUMMARY_SHEET);
    expect(summary).toBeDefined();
    expect(fake.value(SUMMARY_SHEET, "A1")).toBe(run.plan.summary!.values[0]![0]);
    expect(summary!.charts).toHaveLength(run.plan.summary!.charts.length);
    const chart = summary!.charts[0]!;
    const planned = run.plan.summary!.charts[0]!;
    expect(chart).toMatchObject({ type: "ColumnClustered", seriesBy: "Columns", title: planned.title });
    expect(chart.source.startsWith(`'${SUMMARY_SHEET}'!`)).toBe(true);
    // the chart's data: the group table (categories down the first column, met and evaluated)
    const [from] = chart.source.split("!")[1]!.split(":");
    expect(fake.value(SUMMARY_SHEET, from!)).toBe(
      run.plan.summary!.values[planned.data.row]![planned.data.col],
    );
    // numbers stay numbers for the chart, text cells are text
    const firstData = a1(planned.data.row + 1, planned.data.col + 1);
    expect(typeof fake.value(SUMMARY_SHEET, firstData)).toBe("number");
  });

  test("suspends calculation in every sync that writes", async () => {
    const fake = new FakeExcel([annexSheet(SHEET), annexSheet("Xã B", "xã Quảng Ngọc")]);
    await grade(fake);
    expect(fake.writeSyncs.size).toBeGreaterThan(0);
    for (const n of fake.writeSyncs) expect(fake.suspendedSyncs).toContain(n);
  });

  test("re-grading updates the own columns in place", async () => {
    const fake = new FakeExcel([annexSheet(SHEET)]);
    await grade(fake);
    const first = fake.snapshot(SHEET);
    await grade(fake);
    expect(fake.snapshot(SHEET)).toEqual(first);
    expect(fake.sheets.filter((s) => s.name === SUMMARY_SHEET)).toHaveLength(1);

    // the commune corrects 2.4 to 70%: the same cell now says Đạt, nothing else moves
    await fake.run(async (c) => {
      c.workbook.worksheets.getItem(SHEET).getRange(`E${ROW_OF("2.4")}`).values = [[0.7]];
      await c.sync();
    });
    await grade(fake);
    expect(fake.value(SHEET, `${STATUS_COL}${ROW_OF("2.4")}`)).toBe(STATUS_LABELS.DAT);
    expect(fake.value(SHEET, "I" + ROW_OF("2.4"))).toBe("");
    expect(fake.sheet(SHEET)!.conditionalFormats).toHaveLength(STATUS_RULES.length);
  });

  test("grades only the active sheet when asked", async () => {
    const fake = new FakeExcel([annexSheet(SHEET), annexSheet("Xã B", "xã Quảng Ngọc")]);
    fake.activeSheet = "Xã B";
    const run = await grade(fake, "active");
    expect(run.report.sheets.map((s) => s.name)).toEqual(["Xã B"]);
    expect(fake.value(SHEET, `${STATUS_COL}${HEADER_ROW}`)).toBe("");
    expect(fake.value("Xã B", `${STATUS_COL}${HEADER_ROW}`)).toBe(OWN_HEADERS[0]);
  });

  test("text that looks like a formula stays text", async () => {
    const sheet = annexSheet(SHEET);
    const values = sheet.values!.map((l) => [...l]);
    const formats = sheet.formats!.map((l) => [...l]);
    const row = ROW_OF("4.6") - 1;
    // an official's row name starting with "-" and a result "=không" typed as text
    values[row]![1] = "-Camera an ninh kết nối với UBND xã hoặc công an xã";
    values[row]![4] = "=không";
    formats[row] = [null, "@", null, null, "@"];
    const fake = new FakeExcel([{ name: SHEET, values, formats }]);
    const run = await grade(fake);
    const graded = run.report.sheets[0]!.rows.find((r) => r.id === "4.6")!;
    expect(graded.status).not.toBe("DAT");

    const written = [fake.sheet(SHEET)!, fake.sheet(SUMMARY_SHEET)!].flatMap((s) => [...s.cells.values()]);
    expect(written.filter((c) => c.formula !== undefined)).toEqual([]);
    const summaryTexts = [...fake.sheet(SUMMARY_SHEET)!.cells.values()].map((c) => c.value);
    expect(summaryTexts).toContain("-Camera an ninh kết nối với UBND xã hoặc công an xã");
  });

  test("the fake turns such text into a formula when the cell is not text-formatted", async () => {
    const fake = new FakeExcel([{ name: "A", values: [["x"]] }]);
    await fake.run(async (c) => {
      const ws = c.workbook.worksheets.getItem("A");
      ws.getRange("B1").values = [["=1+1"]];
      const text = ws.getRange("B2");
      text.numberFormat = [["@"]];
      text.values = [["=1+1"]];
      await c.sync();
    });
    expect(fake.cell("A", "B1")?.formula).toBe("=1+1");
    expect(fake.cell("A", "B2")).toMatchObject({ value: "=1+1", numberFormat: "@" });
    expect(fake.cell("A", "B2")?.formula).toBeUndefined();
  });
});

describe("clearing", () => {
  test("gives back the sheet exactly as it was before grading, summary sheet deleted", async () => {
    const fake = new FakeExcel([annexSheet(SHEET), annexSheet("Xã B", "xã Quảng Ngọc"), { name: "Ghi chú" }]);
    // a user's own rule on the result column must survive grading and clearing
    await fake.run(async (c) => {
      const cf = c.workbook.worksheets
        .getItem(SHEET)
        .getRange("E6:E30")
        .conditionalFormats.add("ContainsText");
      cf.textComparison.rule = { operator: "Contains", text: "Đạt" };
      await c.sync();
    });
    const names = fake.sheets.map((s) => s.name);
    const before = names.map((n) => fake.snapshot(n));
    await grade(fake);
    expect(fake.snapshot(SHEET)).not.toEqual(before[0]);

    const run = await clearInExcel(ctx(fake));
    expect(run.sheets).toEqual([SHEET, "Xã B"]);
    expect(run.summaryDeleted).toBe(true);
    expect(fake.sheets.map((s) => s.name)).toEqual(names);
    expect(names.map((n) => fake.snapshot(n))).toEqual(before);
  });

  test("with nothing to clear, changes nothing", async () => {
    const fake = new FakeExcel([annexSheet(SHEET)]);
    const before = fake.snapshot(SHEET);
    const run = await clearInExcel(ctx(fake));
    expect(run).toMatchObject({ sheets: [], summaryDeleted: false });
    expect(fake.snapshot(SHEET)).toEqual(before);
  });
});

describe("errors in plain Vietnamese", () => {
  test("a protected sheet: clear message naming it, nothing written", async () => {
    const fake = new FakeExcel([
      annexSheet("Xã B", "xã Quảng Ngọc"),
      { ...annexSheet(SHEET), protected: true },
    ]);
    const before = fake.sheets.map((s) => fake.snapshot(s.name));
    const error = await failure(grade(fake));
    expect(error.code).toBe("PROTECTED");
    expect(error.message).toContain(`“${SHEET}”`);
    expect(error.message).toContain("đang được bảo vệ");
    expect(fake.sheets.map((s) => fake.snapshot(s.name))).toEqual(before);
    expect(fake.sheet(SUMMARY_SHEET)).toBeUndefined();
  });

  test("the fake rejects a write on a protected sheet at sync with AccessDenied", async () => {
    const fake = new FakeExcel([{ name: "A", values: [["x"]], protected: true }]);
    const c = fake.context();
    c.workbook.worksheets.getItem("A").getRange("A1").values = [["y"]];
    await expect(c.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    expect(fake.value("A", "A1")).toBe("x");
  });

  test("an empty sheet, or no annex at all", async () => {
    const fake = new FakeExcel([
      { name: "Trống" },
      { name: "Ghi chú", values: [["Danh sách cán bộ"], ["Nguyễn Văn A"]] },
    ]);
    const error = await failure(grade(fake));
    expect(error.code).toBe("NO_ANNEX");
    expect(error.message).toMatch(/^Không tìm thấy phụ lục CĐS nào/);
    expect(error.message).toContain("“Trống”");
    expect(fake.sheet(SUMMARY_SHEET)).toBeUndefined();
  });

  test("grading the active sheet while the summary sheet is active says so", async () => {
    const fake = new FakeExcel([annexSheet(SHEET)]);
    await grade(fake);
    fake.activeSheet = SUMMARY_SHEET;
    const error = await failure(grade(fake, "active"));
    expect(error.code).toBe("NO_ANNEX");
    expect(error.message).toContain("Trang đang chọn là trang “Tổng hợp CĐS”");
  });

  test("an empty sheet next to an annex is skipped with its reason", async () => {
    const fake = new FakeExcel([{ name: "Trống" }, annexSheet(SHEET)]);
    const run = await grade(fake);
    expect(run.report.sheets.map((s) => s.name)).toEqual([SHEET]);
    expect(run.report.skipped.map((s) => s.name)).toEqual(["Trống"]);
    expect(fake.snapshot("Trống")).toMatchObject({ cells: [], conditionalFormats: [] });
  });

  test("cell-edit mode", async () => {
    const fake = new FakeExcel([annexSheet(SHEET)]);
    fake.cellEditMode = true;
    const error = await failure(grade(fake));
    expect(error.code).toBe("CELL_EDIT");
    expect(error.message).toContain("chế độ sửa ô");
  });

  test("the workbook changed during grading: that sheet is not written", async () => {
    const fake = new FakeExcel([annexSheet(SHEET)]);
    // sync 1 lists, 2 sizes, 3 reads; before sync 4 (the check) the user types a new result
    fake.onSync = (n) => {
      if (n === 4) fake.writeValue(fake.sheet(SHEET)!, ROW_OF("2.4") - 1, 4, 0.9);
    };
    const error = await failure(grade(fake));
    expect(error.code).toBe("CHANGED");
    expect(error.message).toContain(`“${SHEET}” đã thay đổi trong lúc chấm`);
    expect(fake.value(SHEET, `${STATUS_COL}${HEADER_ROW}`)).toBe("");
  });

  test("a formula recalculated meanwhile (=TODAY(), =RAND()) is not an edit", async () => {
    const sheet = annexSheet(SHEET);
    const values = sheet.values!.map((l) => [...l]);
    values[2]![3] = "=TODAY()";
    const fake = new FakeExcel([{ ...sheet, values }]);
    fake.onSync = (n) => {
      if (n === 4) fake.cell(SHEET, "D3")!.value = 46000;
    };
    await grade(fake);
    expect(fake.cell(SHEET, "D3")!.formula).toBe("=TODAY()");
    expect(fake.value(SHEET, `${STATUS_COL}${HEADER_ROW}`)).toBe(OWN_HEADERS[0]);
  });

  test("a sheet deleted during grading", async () => {
    const fake = new FakeExcel([annexSheet(SHEET), annexSheet("Xã B")]);
    fake.onSync = (n) => {
      if (n === 3) fake.sheets.splice(1, 1);
    };
    const error = await failure(grade(fake));
    expect(error.code).toBe("NOT_FOUND");
    expect(error.message).toContain("sổ đã thay đổi trong lúc chấm");
  });
});

describe("context.sync() count does not grow with rows", () => {
  const workbook = (sheets: number, extraRows: number): FakeSheetInit[] =>
    Array.from({ length: sheets }, (_, i) => annexSheet(`Xã ${i + 1}`, `xã số ${i + 1}`, extraRows));

  test("50 sheets: at most 3 per sheet plus 2, for grading and for clearing", async () => {
    const fake = new FakeExcel(workbook(50, 0));
    const graded = await grade(fake);
    expect(graded.report.sheets).toHaveLength(50);
    expect(graded.stats.syncs).toBe(fake.syncCount);
    expect(fake.syncCount).toBeLessThanOrEqual(3 * 50 + 2);
    // in batches of 20 sheets: list, sizes, 3 reads, first check, 3 writes (summary in the last)
    expect(fake.syncCount).toBe(9);

    const regrade = fake.syncCount;
    await grade(fake);
    expect(fake.syncCount - regrade).toBeLessThanOrEqual(3 * 50 + 2);

    const clearFrom = fake.syncCount;
    await clearInExcel(ctx(fake));
    expect(fake.syncCount - clearFrom).toBeLessThanOrEqual(3 * 50 + 2);
  });

  test("rows add syncs only through bytes: 2 000 short extra rows read in the same sync as 5", async () => {
    const small = new FakeExcel(workbook(3, 5));
    const large = new FakeExcel(workbook(3, 2000));
    await grade(small);
    await grade(large);
    // list, sizes, one read, first check, one write; the large one's summary lists its 6 000 unmatched rows
    // (3 MB) and goes in a sync of its own
    expect(small.syncCount).toBe(5);
    expect(large.syncCount).toBe(6);
    expect(large.payloads[2]!.response).toBeGreaterThan(1_000_000);
    expect(large.maxRequestBytes).toBeLessThanOrEqual(WEB_PAYLOAD_LIMIT);
    expect(large.maxResponseBytes).toBeLessThanOrEqual(WEB_PAYLOAD_LIMIT);
  });

  test("big sheets split the batches by bytes, every sync within Excel on the web's limit", async () => {
    const fake = new FakeExcel(workbook(3, 8000));
    const run = await grade(fake);
    expect(run.report.sheets).toHaveLength(3);
    expect(fake.payloadRefusals).toBe(0);
    expect(fake.maxRequestBytes).toBeLessThanOrEqual(SYNC_BUDGET);
    expect(fake.maxResponseBytes).toBeLessThanOrEqual(SYNC_BUDGET);
    // reads in 3 syncs, the summary (24 000 unmatched rows, about 10 MB) in 4
    expect(fake.syncCount).toBe(11);
  });
});

/** a commune annex followed by `rows` rows whose note (column F) is a long Vietnamese text */
function wordySheet(name: string, rows: number, noteLength = 600): FakeSheetInit {
  const base = annexSheet(name, `xã ${name}`);
  const note = "Khó khăn về hạ tầng, kinh phí và nhân lực chuyển đổi số ở thôn bản vùng cao; ".repeat(
    Math.ceil(noteLength / 80),
  );
  const values = base.values!.map((l) => [...l]);
  for (let i = 0; i < rows; i++) values.push(["", "", "", "", "", `${i + 1}. ${note.slice(0, noteLength)}`]);
  return { ...base, values, formats: [...base.formats!, ...values.slice(base.values!.length).map(() => [])] };
}

describe("Excel on the web's 5 MB payload limit (enforced by the fake)", () => {
  test("a workbook of 10 MB is read, checked and written in several syncs; no write is ever refused", async () => {
    const fake = new FakeExcel(["A", "B", "C", "D"].map((n) => wordySheet(`Xã ${n}`, 1500)));
    const before = fake.sheets.map((s) => userCells(fake, s.name));
    const run = await grade(fake);
    expect(run.report.sheets).toHaveLength(4);
    for (const name of ["Xã A", "Xã D"])
      expect(fake.value(name, `${STATUS_COL}${ROW_OF("2.4")}`)).toBe(STATUS_LABELS.KHONG_DAT);
    expect(fake.sheets.filter((s) => s.name.startsWith("Xã")).map((s) => userCells(fake, s.name))).toEqual(
      before,
    );
    const reads = fake.payloads.filter((p) => p.response > 1_000_000);
    expect(reads.length).toBeGreaterThanOrEqual(3);
    expect(fake.payloads.reduce((n, p) => n + p.response, 0)).toBeGreaterThan(2 * WEB_PAYLOAD_LIMIT);
    expect(fake.maxRequestBytes).toBeLessThanOrEqual(WEB_PAYLOAD_LIMIT);
    // a read guessed too small may be refused (it changes nothing) and is read again in pieces; a write never
    expect(fake.refusedAfterWriting).toBe(0);
  });

  test("one sheet bigger than a request is read and checked in pieces of rows", async () => {
    const fake = new FakeExcel([wordySheet(SHEET, 4000)]);
    const run = await grade(fake);
    expect(run.report.sheets).toHaveLength(1);
    expect(fake.value(SHEET, `${REASON_COL}${ROW_OF("2.4")}`)).toBe("54,4% < 60%");
    expect(fake.payloads.filter((p) => p.response > 1_000_000).length).toBeGreaterThanOrEqual(4);
    expect(fake.refusedAfterWriting).toBe(0);
  });

  test("an edit in a later piece of a big sheet is still seen: the sheet is not written", async () => {
    // a dry run finds the sync that checks the last piece: the one just before the first write
    const dry = new FakeExcel([wordySheet(SHEET, 4000)]);
    await grade(dry);
    const lastCheck = dry.payloads.findIndex((p) => p.request > 10_000);
    expect(lastCheck).toBeGreaterThan(4);

    const fake = new FakeExcel([wordySheet(SHEET, 4000)]);
    fake.onSync = (n) => {
      if (n === lastCheck) fake.writeValue(fake.sheet(SHEET)!, 3900, 5, "đã sửa");
    };
    const error = await failure(grade(fake));
    expect(error.code).toBe("CHANGED");
    expect(fake.value(SHEET, `${STATUS_COL}${HEADER_ROW}`)).toBe("");
  });

  test("the fake refuses a request over the limit before anything is applied", async () => {
    const fake = new FakeExcel([{ name: "A", values: [["x"]] }]);
    const c = fake.context();
    const big = "ă".repeat(1_000_000);
    c.workbook.worksheets.getItem("A").getRange("A1:A3").values = [[big], [big], [big]];
    await expect(c.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(fake.value("A", "A1")).toBe("x");
  });
});

describe("workbook structure protection (Review › Protect Workbook)", () => {
  test("grading names the summary sheet it cannot add and writes nothing", async () => {
    const fake = new FakeExcel([annexSheet(SHEET)]);
    fake.structureProtected = true;
    const before = fake.snapshot(SHEET);
    const error = await failure(grade(fake));
    expect(error.code).toBe("PROTECTED");
    expect(error.message).toContain("bảo vệ cấu trúc");
    expect(error.message).toContain(`tạo trang “${SUMMARY_SHEET}”`);
    expect(error.message).toContain("Chưa có gì được ghi");
    expect(fake.snapshot(SHEET)).toEqual(before);
    expect(fake.writeSyncs.size).toBe(0);
  });

  test("clearing refuses before clearing any column when the summary sheet cannot be deleted", async () => {
    const fake = new FakeExcel([annexSheet(SHEET)]);
    await grade(fake);
    const graded = fake.snapshot(SHEET);
    fake.structureProtected = true;
    const error = await failure(clearInExcel(ctx(fake)));
    expect(error.message).toContain(`xóa trang “${SUMMARY_SHEET}”`);
    expect(fake.snapshot(SHEET)).toEqual(graded);
    expect(fake.sheet(SUMMARY_SHEET)).toBeDefined();
  });

  test("the criteria sheet is not added either, with the reason", async () => {
    const fake = new FakeExcel([annexSheet(SHEET)]);
    fake.structureProtected = true;
    const error = await failure(addCriteriaSheet(ctx(fake), findSet("tt-xa-2023")!));
    expect(error.message).toContain(`tạo trang “${CRITERIA_SHEET}”`);
    expect(fake.sheets).toHaveLength(1);
  });

  test("the fake refuses adding, deleting and renaming sheets then", async () => {
    const fake = new FakeExcel([{ name: "A" }, { name: "B" }]);
    fake.structureProtected = true;
    const c = fake.context();
    c.workbook.worksheets.add("C");
    await expect(c.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    c.workbook.worksheets.getItem("B").delete();
    await expect(c.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    expect(fake.sheets.map((s) => s.name)).toEqual(["A", "B"]);
  });
});

describe("with a “Bộ tiêu chí” sheet", () => {
  /** the row and column of a criterion's threshold in the criteria sheet */
  function thresholdCell(fake: FakeExcel, id: string): string {
    const cells = [...fake.sheet(CRITERIA_SHEET)!.cells.entries()];
    const at = (k: string): [number, number] => k.split(",").map(Number) as [number, number];
    const header = cells.find(([, c]) => c.value === "Ngưỡng (%)")!;
    const idCell = cells.find(([k, c]) => c.value === id && at(k)[0] > at(header[0])[0])!;
    return `${String.fromCharCode(65 + at(header[0])[1])}${at(idCell[0])[0] + 1}`;
  }

  test("grading the active sheet alone still uses the thresholds edited there", async () => {
    const fake = new FakeExcel([annexSheet(SHEET)]);
    await addCriteriaSheet(ctx(fake), findSet("tt-xa-2023")!);
    // 3.2 is 433/448 = 96,7 %: met at 75 %, not at 97 %; its row states no target, so the set decides
    fake.writeValue(fake.sheet(SHEET)!, ROW_OF("3.2") - 1, 3, "");
    fake.writeValue(fake.sheet(CRITERIA_SHEET)!, ...cellAt(thresholdCell(fake, "3.2")), 97);
    fake.activeSheet = SHEET;
    const run = await grade(fake, "active");
    expect(run.report.sheets.map((s) => s.name)).toEqual([SHEET]);
    expect(fake.value(SHEET, `${STATUS_COL}${ROW_OF("3.2")}`)).toBe(STATUS_LABELS.KHONG_DAT);
    expect(fake.value(SHEET, `${REASON_COL}${ROW_OF("3.2")}`)).toContain("97");
  });

  test("a mistake in it: nothing graded, the summary lists it, the pane says so", async () => {
    const fake = new FakeExcel([annexSheet(SHEET)]);
    await addCriteriaSheet(ctx(fake), findSet("tt-xa-2023")!);
    const cell = thresholdCell(fake, "2.4");
    fake.writeValue(fake.sheet(CRITERIA_SHEET)!, ...cellAt(cell), "sáu mươi");
    const before = fake.snapshot(SHEET);
    const error = await failure(grade(fake));
    expect(error.code).toBe("CRITERIA_SHEET");
    expect(error.message).toMatch(/^Chưa chấm: trang “Bộ tiêu chí” có \d+ lỗi/);
    expect(fake.snapshot(SHEET)).toEqual(before);
    const listed = [...fake.sheet(SUMMARY_SHEET)!.cells.values()].map((c) => c.value);
    expect(listed).toContain(cell);
  });
});

describe("progress", () => {
  test("reports each batch and ends full, so the pane's bar moves on a many-sheet workbook", async () => {
    const fake = new FakeExcel(
      Array.from({ length: 45 }, (_, i) => annexSheet(`Xã ${i + 1}`, `xã số ${i + 1}`)),
    );
    const seen: { done: number; total: number; message: string }[] = [];
    await gradeInExcel(ctx(fake), "all", {}, (p) => seen.push(p));
    expect(seen.length).toBeGreaterThanOrEqual(6);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.done).toBeGreaterThanOrEqual(seen[i - 1]!.done);
    expect(seen.at(-1)).toMatchObject({ done: seen.at(-1)!.total, message: "Đã chấm xong 45 trang." });
    expect(seen.map((p) => p.message)).toContain("Đang đọc trang 21–40/45…");
  });
});

describe("the task pane's small actions", () => {
  test("scan reports the annex, the detected set and the year of each sheet", async () => {
    const fake = new FakeExcel([annexSheet(SHEET), { name: "Ghi chú", values: [["x"]] }]);
    const scan = await scanWorkbook(ctx(fake));
    expect(scan.active).toBe(SHEET);
    expect(scan.sheets.map((s) => [s.name, s.annex, s.criteriaSet?.id ?? null, s.year])).toEqual([
      [SHEET, true, "tt-xa-2023", 2023],
      ["Ghi chú", false, null, null],
    ]);
  });

  test("selecting a criterion's cell activates its sheet and selects the cell", async () => {
    const fake = new FakeExcel([{ name: "Khác", values: [["x"]] }, annexSheet(SHEET)]);
    await selectCell(ctx(fake), SHEET, { row: ROW_OF("2.4") - 1, col: 4 });
    expect(fake.activeSheet).toBe(SHEET);
    expect(fake.selection).toEqual({ sheet: SHEET, address: `E${ROW_OF("2.4")}` });
  });

  test("the workbook names CDS_DAT and CDS_DIEM are LAMBDAs over CDS.DAT and CDS.DIEM, added once", async () => {
    const fake = new FakeExcel([annexSheet(SHEET)]);
    expect(await addCdsNames(ctx(fake))).toEqual({ added: ["CDS_DAT", "CDS_DIEM"], existing: [] });
    expect(fake.names.get("CDS_DAT")?.formula).toBe(CDS_DAT_LAMBDA);
    expect(CDS_DAT_LAMBDA).toMatch(/^=LAMBDA\(ket_qua,chi_tieu,\[nam\],.*CDS\.DAT\(ket_qua,chi_tieu,nam\)/);
    expect(fake.names.get("CDS_DIEM")?.formula).toBe(CDS_DIEM_LAMBDA);
    expect(CDS_DIEM_LAMBDA).toBe(
      "=LAMBDA(giai_trinh,cach_tinh,diem_toi_da,CDS.DIEM(giai_trinh,cach_tinh,diem_toi_da))",
    );
    expect(await addCdsNames(ctx(fake))).toEqual({ added: [], existing: ["CDS_DAT", "CDS_DIEM"] });
  });

  test("a workbook that has CDS_DAT already gets CDS_DIEM only; its own CDS_DAT is kept", async () => {
    const fake = new FakeExcel([annexSheet(SHEET)]);
    fake.names.set("CDS_DAT", { formula: "=1", comment: "của người dùng" });
    expect(await addCdsNames(ctx(fake))).toEqual({ added: ["CDS_DIEM"], existing: ["CDS_DAT"] });
    expect(fake.names.get("CDS_DAT")).toEqual({ formula: "=1", comment: "của người dùng" });
    expect(fake.names.get("CDS_DIEM")?.formula).toBe(CDS_DIEM_LAMBDA);
    expect(MESSAGES.namesAdded(["CDS_DIEM"], ["CDS_DAT"])).toBe(
      "Đã thêm tên CDS_DIEM: có thể gõ =CDS_DIEM(giải trình; cách tính điểm; điểm tối đa) trong ô. " +
        "Sổ đã có tên CDS_DAT, không thay đổi.",
    );
  });
});
