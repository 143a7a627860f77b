/**
 * The BUILT Apps Script file (dist/sheets/Code.js) run in a vm against the GasFake: menu, grading, re-grading,
 * clearing, protection, text kept literal, CDS_DAT. Service calls per mode and runs in steps:
 * test/sheets/calls.test.ts and test/sheets/run.test.ts.
 */
import * as fs from "fs";
import { GasFake, PROTECTED_MESSAGE, type FakeSheet } from "../fakes/gas";
import { CODE_FILE, isBuilt, loadAddon, type AddonGlobals } from "../fakes/gas-load";
import { criteriaSetToGrid } from "../../shared/criteria/sheet";
import { TT_XA_2023 } from "../../shared/criteria/tt-xa-2023";
import { EXPECTED_LABELS, NOTES, seedAnnex, type SheetFixture } from "./fixtures";
import { call, finished, thrown } from "./steps";

const OWN_STATUS = "Chấm CĐS: Trạng thái";
const SUMMARY = "Tổng hợp CĐS";

if (!isBuilt()) throw new Error("dist/sheets missing: run `npm run build` before these tests");

function workbook(sheets: [string, SheetFixture][]): GasFake {
  const fake = new GasFake();
  for (const [name, f] of sheets) fake.addSheet(name, f.values, f.formats);
  return fake;
}

/** a user's own rule on the result column (E5:E60), which grading and clearing must keep */
function addUserRule(fake: GasFake, addon: AddonGlobals, sheet: FakeSheet): void {
  void addon;
  const app = fake.globals()["SpreadsheetApp"] as {
    newConditionalFormatRule(): import("../fakes/gas").FakeRuleBuilder;
  };
  const rule = app
    .newConditionalFormatRule()
    .whenNumberGreaterThan(1)
    .setBackground("#123456")
    .setRanges([sheet.getRange("E5:E60")])
    .build();
  sheet.setConditionalFormatRules([rule]);
  fake.resetCalls();
}

/** status labels by criterion ID, read back from the sheet */
function labelsById(sheet: FakeSheet): Record<string, string> {
  const data = sheet.getDataRange().getValues();
  const header = data.find((r) => r.includes(OWN_STATUS))!;
  const col = header.indexOf(OWN_STATUS);
  const out: Record<string, string> = {};
  for (const row of data)
    if (typeof row[0] === "string" && /^\d\.\d+$/.test(row[0])) out[row[0]] = String(row[col]);
  return out;
}

function allFormulas(fake: GasFake): string[] {
  const out: string[] = [];
  for (const s of fake.spreadsheet.sheets)
    for (const [k, c] of s.cells) if (c.formula) out.push(`${s.name}!${k} ${c.formula}`);
  return out;
}

describe("built Code.js", () => {
  test("declares the entry points and CDS_DAT with its JSDoc as top-level functions", () => {
    const code = fs.readFileSync(CODE_FILE, "utf8");
    for (const name of [
      "onOpen",
      "onInstall",
      "gradeActiveSheet",
      "gradeAllSheets",
      "clearResults",
      "showSidebar",
      "getSidebarState",
      "gradeActiveForSidebar",
      "startRunForSidebar",
      "continueRunForSidebar",
      "selectCell",
    ])
      expect(code).toMatch(new RegExp(`^function ${name}\\(`, "m"));
    const jsdoc = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*\nfunction CDS_DAT\(ket_qua, chi_tieu, nam\) \{/.exec(
      code,
    );
    expect(jsdoc).not.toBeNull();
    expect(jsdoc![1]).toContain("@customfunction");
    for (const p of ["ket_qua", "chi_tieu", "nam"])
      expect(jsdoc![1]).toMatch(new RegExp(`@param \\{[^}]+\\} ${p} \\S`));
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });

  test("appsscript.json: V8, Asia/Ho_Chi_Minh, only the current spreadsheet and the sidebar", () => {
    const manifest = JSON.parse(fs.readFileSync(CODE_FILE.replace("Code.js", "appsscript.json"), "utf8"));
    expect(manifest.runtimeVersion).toBe("V8");
    expect(manifest.timeZone).toBe("Asia/Ho_Chi_Minh");
    expect(manifest.oauthScopes.sort()).toEqual([
      "https://www.googleapis.com/auth/script.container.ui",
      "https://www.googleapis.com/auth/spreadsheets.currentonly",
    ]);
  });
});

describe("menu and sidebar", () => {
  test("onOpen adds the CĐS add-on menu with its items, without touching the data", () => {
    const fake = workbook([["Xã A", seedAnnex()]]);
    const addon = loadAddon(fake);
    const before = fake.snapshot();
    call(addon, "onOpen", { authMode: "NONE" });
    expect(fake.ui.menus).toHaveLength(1);
    expect(fake.ui.menus[0]!.addon).toBe(true);
    expect(fake.ui.menus[0]!.items.map((i) => i.label)).toEqual([
      "Chấm điểm trang này",
      "Chấm điểm tất cả",
      "Xóa kết quả",
      "Tạo trang Bộ tiêu chí",
      "Tạo trang Bộ chỉ số",
      "Mở bảng điều khiển",
    ]);
    for (const item of fake.ui.menus[0]!.items) expect(typeof addon[item.fn]).toBe("function");
    expect(fake.snapshot()).toEqual(before);
    call(addon, "onInstall", {});
    expect(fake.ui.menus).toHaveLength(2);
  });

  test("the sidebar opens from the built Sidebar.html with a Vietnamese title", () => {
    const fake = workbook([["Xã A", seedAnnex()]]);
    const addon = loadAddon(fake);
    call(addon, "showSidebar");
    expect(fake.ui.sidebars).toHaveLength(1);
    expect(fake.ui.sidebars[0]!.getTitle()).toBe("Chấm điểm CĐS");
    expect(fake.ui.sidebars[0]!.getContent()).toContain("google.script.run");
    expect(fake.ui.sidebars[0]!.getContent()).not.toContain("<!-- SCRIPT -->");
  });

  test("getSidebarState reads the active sheet only: its set and year, and the number of sheets", () => {
    const fake = workbook([
      ["Xã A", seedAnnex()],
      ["Ghi chú", NOTES],
    ]);
    const addon = loadAddon(fake);
    fake.resetCalls();
    const state = call(addon, "getSidebarState") as {
      run: unknown;
      active: { name: string; annex: boolean; criteriaSet: { id: string } | null; year: number | null };
      sheetCount: number;
      sets: { id: string }[];
    };
    expect(state.run).toBeNull();
    expect(state.active).toMatchObject({
      name: "Xã A",
      annex: true,
      criteriaSet: { id: "tt-xa-2023" },
      year: 2023,
    });
    expect(state.sheetCount).toBe(2);
    expect(state.sets.map((s) => s.id)).toEqual(expect.arrayContaining(["tt-xa-2023", "tt-xa-2022"]));
    expect(fake.calls.get("Range.getValues")).toBe(1);
    fake.spreadsheet.active = fake.spreadsheet.sheets[1]!;
    const notes = call(addon, "getSidebarState") as { active: { annex: boolean; reason?: string } };
    expect(notes.active.annex).toBe(false);
    expect(notes.active.reason).toBeTruthy();
    const forced = call(addon, "getSidebarState", { setId: "tt-xa-2022" }) as { active: { name: string } };
    expect(forced.active.name).toBe("Ghi chú");
  });
});

describe("grading writes the plan", () => {
  test("labels, own rules beside the user's rule, summary sheet with a chart; the user's cells unchanged", () => {
    const fake = workbook([
      ["Xã A", seedAnnex()],
      ["Ghi chú", NOTES],
    ]);
    const addon = loadAddon(fake);
    const sheet = fake.spreadsheet.sheets[0]!;
    addUserRule(fake, addon, sheet);
    const userCells = JSON.stringify([...sheet.cells.entries()].filter(([k]) => Number(k.split(":")[1]) < 6));

    const report = finished(fake, "grade").report!;

    const labels = labelsById(sheet);
    for (const [id, label] of Object.entries(EXPECTED_LABELS)) expect([id, labels[id]]).toEqual([id, label]);
    expect(Object.keys(labels)).toHaveLength(37);
    // the user's columns A:F are exactly as before
    expect(JSON.stringify([...sheet.cells.entries()].filter(([k]) => Number(k.split(":")[1]) < 6))).toBe(
      userCells,
    );
    // own block: plain text, header marked
    const header = sheet.getRange("G4:H4").getValues()[0]!;
    expect(header[0]).toBe(OWN_STATUS);
    expect(String(header[1])).toMatch(/^Chấm CĐS/);
    expect(sheet.cell(3, 6).format).toBe("@");
    // rules: the user's first, then one per status: a formula on the status column G, over the own block G4:H…
    const rules = sheet.rules.map(
      (r) =>
        r.describe() as {
          ranges: string[];
          condition: { type: string; values: string[] };
          background: string;
          fontColor: string;
        },
    );
    expect(rules[0]!.background).toBe("#123456");
    expect(
      rules
        .slice(1)
        .map((r) => r.condition.values[0])
        .sort(),
    ).toEqual(
      ["Cần xem xét", "Không đánh giá", "Không đạt", "Đang thực hiện", "Đạt"]
        .map((l) => `=$G4="${l}"`)
        .sort(),
    );
    for (const r of rules.slice(1)) {
      expect(r.condition.type).toBe("CUSTOM_FORMULA");
      expect(r.ranges[0]).toMatch(/^Xã A!G4:H\d+$/);
    }
    expect(rules.find((r) => r.condition.values[0] === '=$G4="Không đạt"')).toMatchObject({
      background: "#FFC7CE",
      fontColor: "#9C0006",
    });
    // report for the sidebar
    expect(report.sheets.map((s) => s.name)).toEqual(["Xã A"]);
    expect(report.sheets[0]!.grade).toBe("Chưa hoàn thành");
    expect(report.skipped.map((s) => s.name)).toEqual(["Ghi chú"]);
    const unmet = Object.fromEntries(report.sheets[0]!.unmet.map((u) => [u.id, u]));
    expect(unmet["2.4"]).toMatchObject({ label: "Không đạt" });
    expect(unmet["2.4"]!.cell).toMatch(/^E\d+$/);
    expect(sheet.getRange(unmet["2.4"]!.cell!).getValues()[0]![0]).toBe("54,4%");
    // summary sheet at the end, with a column chart; the user's sheet stays active
    const names = fake.spreadsheet.sheets.map((s) => s.name);
    expect(names).toEqual(["Xã A", "Ghi chú", SUMMARY]);
    expect(fake.spreadsheet.active!.name).toBe("Xã A");
    const summary = fake.spreadsheet.sheets[2]!;
    expect(summary.charts).toHaveLength(1);
    expect(summary.charts[0]!.type).toBe("COLUMN");
    const summaryText = summary.getDataRange().getValues().flat().join("\n");
    expect(summaryText).toContain("Xã A");
    // a name pasted from Word ("- Tỷ lệ…") stays text: nothing the add-in wrote became a formula
    expect(summaryText).toMatch(/^- Tỷ lệ/m);
    expect(allFormulas(fake)).toEqual([]);
  });

  test("grading again changes nothing", () => {
    const fake = workbook([
      ["Xã A", seedAnnex()],
      ["Ghi chú", NOTES],
    ]);
    const addon = loadAddon(fake);
    addUserRule(fake, addon, fake.spreadsheet.sheets[0]!);
    finished(fake, "grade");
    const once = fake.snapshot();
    finished(fake, "grade");
    expect(fake.snapshot()).toEqual(once);
    expect(fake.documentProperties.store.size).toBe(0);
  });

  test("re-grading after an edit updates the own columns in place", () => {
    const fake = workbook([["Xã A", seedAnnex()]]);
    const addon = loadAddon(fake);
    const sheet = fake.spreadsheet.sheets[0]!;
    addUserRule(fake, addon, sheet);
    call(addon, "gradeActiveForSidebar", {});
    const row = sheet
      .getDataRange()
      .getValues()
      .findIndex((r) => r[0] === "2.4");
    expect(labelsById(sheet)["2.4"]).toBe("Không đạt");
    sheet.getRange(row + 1, 5).setValue("65%");
    const width = sheet.lastRowCol().cols;
    call(addon, "gradeActiveForSidebar", {});
    expect(labelsById(sheet)["2.4"]).toBe("Đạt");
    expect(sheet.lastRowCol().cols).toBe(width);
    expect(sheet.rules).toHaveLength(1 + 5);
    expect(fake.spreadsheet.sheets.filter((s) => s.name === SUMMARY)).toHaveLength(1);
  });

  test("the active sheet alone, from the menu, with a toast", () => {
    const fake = workbook([
      ["Xã A", seedAnnex()],
      ["Xã B", seedAnnex("xã Quảng Ngọc")],
    ]);
    const addon = loadAddon(fake);
    call(addon, "gradeActiveSheet");
    expect(fake.ui.alerts).toEqual([]);
    expect(fake.toasts[0]!.message).toContain("Xã A: Chưa hoàn thành");
    expect(labelsById(fake.spreadsheet.sheets[0]!)["2.4"]).toBe("Không đạt");
    expect(fake.spreadsheet.sheets[1]!.getDataRange().getValues()[3]).not.toContain(OWN_STATUS);
  });

  test("a sheet without an annex: a Vietnamese alert from the menu, a Vietnamese error for the sidebar", () => {
    const fake = workbook([["Ghi chú", NOTES]]);
    const addon = loadAddon(fake);
    call(addon, "gradeActiveSheet");
    expect(fake.ui.alerts[0]!.title).toBe("Không chấm điểm được");
    expect(fake.ui.alerts[0]!.prompt).toMatch(/^Trang này không có bảng phụ lục để chấm/);
    expect(thrown(() => finished(fake, "grade"))).toMatch(/^Không tìm thấy bảng phụ lục nào để chấm/);
    expect(thrown(() => call(addon, "startRunForSidebar", "grade", { year: 1850 }))).toBe(
      'Năm "1850" không hợp lệ: hãy ghi năm như 2023.',
    );
    expect(fake.documentProperties.store.size).toBe(0);
  });
  test("a service failure comes back as a Vietnamese sentence with the service's words", () => {
    const fake = workbook([["Xã A", seedAnnex()]]);
    const addon = loadAddon(fake);
    fake.failNext("Spreadsheet.getSheets", "Service Spreadsheets timed out while accessing document");
    expect(thrown(() => call(addon, "startRunForSidebar", "grade", {}))).toBe(
      "Không chấm điểm được do lỗi ngoài dự kiến: Service Spreadsheets timed out while accessing document. Hãy thử lại; nếu vẫn lỗi, gửi nội dung này cho người quản trị.",
    );
  });
});

describe('a "Bộ tiêu chí" sheet', () => {
  /** the 2023 set as a sheet, with 1.6's annual target (not stated in the sources) set to ≥ `threshold` % */
  function criteriaSheet(threshold: number | string): SheetFixture {
    const grid = criteriaSetToGrid(TT_XA_2023).map((r) => r.map((v) => (v === null ? "" : v)));
    const row = grid.find((r) => r[1] === "1.6")!;
    row[5] = "Tỷ lệ %";
    row[6] = "≥";
    row[7] = threshold;
    row[8] = "";
    return { values: grid, formats: grid.map((r) => r.map(() => "General")) };
  }

  test("supplies the set when grading the active sheet alone", () => {
    const fake = workbook([
      ["Xã A", seedAnnex()],
      ["Bộ tiêu chí", criteriaSheet(80)],
    ]);
    const addon = loadAddon(fake);
    call(addon, "gradeActiveForSidebar", {});
    // 1.6 has no target in its row: the sheet's 80% applies (the built-in set leaves it unknown)
    expect(labelsById(fake.spreadsheet.sheets[0]!)["1.6"]).toBe("Đạt");
    expect(fake.spreadsheet.sheets[1]!.getDataRange().getValues().flat()).not.toContain(OWN_STATUS);
  });

  test("with a mistake: nothing graded, the mistakes on the summary sheet and in the message", () => {
    const fake = workbook([
      ["Xã A", seedAnnex()],
      ["Bộ tiêu chí", criteriaSheet("năm mươi")],
    ]);
    const message = thrown(() => finished(fake, "grade"));
    expect(message).toMatch(/^Chưa chấm: trang "Bộ tiêu chí" có 1 lỗi \(xem trang "Tổng hợp CĐS"\): /);
    expect(fake.spreadsheet.sheets[0]!.getDataRange().getValues()[3]).not.toContain(OWN_STATUS);
    const summary = fake.spreadsheet.sheets.find((s) => s.name === SUMMARY)!;
    expect(summary.getDataRange().getValues().flat().join(" ")).toContain("năm mươi");
  });
});

describe("a sheet with a column per commune", () => {
  const NAME_24 = TT_XA_2023.criteria.find((c) => c.id === "2.4")!.name;
  const across: SheetFixture = {
    values: [
      ["TỔNG HỢP CÁC XÃ NĂM 2023"],
      ["TT", "Tên chỉ tiêu", "Chỉ tiêu", "Xã A", "Xã B"],
      ["2.4", NAME_24, "60%", "65%", "55%"],
    ],
    formats: [
      ["General"],
      ["General", "General", "General", "General", "General"],
      ["@", "General", "General", "General", "General"],
    ],
  };

  test("is graded into the summary only; its rows have no cell link; clearing restores it", () => {
    const fake = workbook([["Các xã", across]]);
    const original = fake.snapshot();
    const report = finished(fake, "grade").report!;
    expect(report.sheets.map((s) => s.name)).toEqual(["Các xã – xã A", "Các xã – xã B"]);
    expect(report.sheets[1]!.unmet).toEqual([expect.objectContaining({ cell: null, label: "Không đạt" })]);
    const sheetOf = (snap: unknown) => (snap as { sheets: unknown[] }).sheets[0];
    expect(sheetOf(fake.snapshot())).toEqual(sheetOf(original)); // nothing written on the shared sheet
    expect(fake.spreadsheet.sheets.map((s) => s.name)).toEqual(["Các xã", SUMMARY]);
    finished(fake, "clear");
    expect(fake.snapshot()).toEqual(original);
  });
});

describe("clearing", () => {
  test("returns the spreadsheet as it was, the user's rule kept", () => {
    const fake = workbook([
      ["Xã A", seedAnnex()],
      ["Ghi chú", NOTES],
    ]);
    const addon = loadAddon(fake);
    addUserRule(fake, addon, fake.spreadsheet.sheets[0]!);
    const original = fake.snapshot();
    finished(fake, "grade");
    expect(fake.snapshot()).not.toEqual(original);
    expect(finished(fake, "clear").cleared).toEqual({ sheets: 1, summaryRemoved: true });
    expect(fake.snapshot()).toEqual(original);
    expect(fake.documentProperties.store.size).toBe(0);
    // nothing left: clearing again changes nothing
    call(addon, "clearResults");
    expect(fake.snapshot()).toEqual(original);
    expect(fake.toasts.at(-1)!.message).toBe("Không có kết quả nào để xóa.");
  });
});

describe("protection", () => {
  test("a protected own column: a Vietnamese message naming the sheet and range, nothing written", () => {
    const fake = workbook([
      ["Xã A", seedAnnex()],
      ["Xã B", seedAnnex("xã Quảng Ngọc")],
    ]);
    fake.protect("Xã B", "G1:H100", { description: "Khóa số liệu" });
    const before = fake.snapshot();
    const message = thrown(() => finished(fake, "grade"));
    expect(message).toMatch(
      /^Không ghi được vào trang "Xã B", vùng G4:H\d+: vùng này được bảo vệ "Khóa số liệu" và bạn không có quyền sửa\./,
    );
    expect(message).not.toContain("protected");
    expect(fake.snapshot()).toEqual(before);
  });

  test("a protected sheet with the own columns left open can be graded", () => {
    const fake = workbook([["Xã A", seedAnnex()]]);
    fake.protect("Xã A", null, { unprotected: ["G1:H200"] });
    const addon = loadAddon(fake);
    call(addon, "gradeActiveForSidebar", {});
    expect(labelsById(fake.spreadsheet.sheets[0]!)["1.1"]).toBe("Đạt");
  });

  test("the fake refuses writes like Apps Script", () => {
    const fake = workbook([["Xã A", seedAnnex()]]);
    fake.protect("Xã A", "A1:B2");
    expect(thrown(() => fake.spreadsheet.sheets[0]!.getRange(1, 1).setValues([["x"]]))).toBe(
      PROTECTED_MESSAGE,
    );
  });
});

describe("the fake models Sheets' parsing of written strings", () => {
  test("'=' becomes a formula unless the cell is plain text", () => {
    const fake = workbook([["S", { values: [["a"]], formats: [["General"]] }]]);
    const s = fake.spreadsheet.sheets[0]!;
    s.getRange(1, 2, 1, 3).setValues([["=1+1", "12", "'=1+1"]]);
    expect(s.getRange("B1:D1").getFormulas()[0]).toEqual(["=1+1", "", ""]);
    expect(s.getRange("C1:D1").getValues()[0]).toEqual([12, "=1+1"]);
    s.getRange("E1:F1")
      .setNumberFormat("@")
      .setValues([["=1+1", "12"]]);
    expect(s.getRange("E1:F1").getValues()[0]).toEqual(["=1+1", "12"]);
    expect(thrown(() => s.getRange(1, 1, 2, 1).setValues([["x"]]))).toMatch(
      /number of rows in the data does not match/,
    );
  });
});

describe("CDS_DAT", () => {
  const fake = new GasFake();
  fake.addSheet("S", [["x"]]);
  const addon = loadAddon(fake);

  test("single cells give the labels of DOMAIN.md", () => {
    expect(call(addon, "CDS_DAT", 0.79, "3.2", 2023)).toBe("Đạt");
    expect(call(addon, "CDS_DAT", "54,4%", "60%")).toBe("Không đạt");
    expect(call(addon, "CDS_DAT", "433/448", 0.6)).toBe("Đạt");
    expect(call(addon, "CDS_DAT", "Có", "Có")).toBe("Đạt");
    expect(call(addon, "CDS_DAT", "Đang triển khai", "Có")).toBe("Đang thực hiện");
    expect(call(addon, "CDS_DAT", "Có", "60%")).toBe("Cần xem xét");
    expect(call(addon, "CDS_DAT", "", "4.8", 2023)).toBe("Không đánh giá");
  });

  test("ranges give one label per cell (2D in, 2D out), blank where the row is blank", () => {
    const out = call(
      addon,
      "CDS_DAT",
      [[0.79], ["54,4%"], [""], ["Có"]],
      [["75%"], ["60%"], [""], ["Có"]],
      2023,
    );
    expect(out).toEqual([["Đạt"], ["Không đạt"], [""], ["Đạt"]]);
    expect(call(addon, "CDS_DAT", [[0.5, 0.7]], "60%")).toEqual([["Không đạt", "Đạt"]]);
    expect(call(addon, "CDS_DAT", [["54,4%"]], [["60%"]])).toEqual([["Không đạt"]]);
  });

  test("bad arguments throw Vietnamese messages", () => {
    expect(thrown(() => call(addon, "CDS_DAT", "50%", "abc xyz"))).toMatch(
      /^Chỉ tiêu "abc xyz" không đọc được/,
    );
    expect(thrown(() => call(addon, "CDS_DAT", "50%", "60%", "hai nghìn"))).toBe(
      'Năm "hai nghìn" không hợp lệ: hãy ghi năm như 2023.',
    );
    expect(thrown(() => call(addon, "CDS_DAT", [["1"], ["2"]], [["60%"], ["60%"], ["60%"]]))).toMatch(
      /^Vùng chỉ tiêu \(3 hàng × 1 cột\) phải là một ô hoặc cùng kích thước với vùng kết quả \(2 hàng × 1 cột\)/,
    );
  });

  test("a range with a bad row: that row gets its own answer, every other row is graded, same shape", () => {
    expect(call(addon, "CDS_DAT", [["50%"], ["60%"], ["75%"]], [["60%"], ["??"], [""]])).toEqual([
      ["Không đạt"],
      ['Cần xem xét – Chỉ tiêu "??" không đọc được'],
      ["Cần xem xét – Thiếu chỉ tiêu"],
    ]);
    expect(call(addon, "CDS_DAT", [["50%", "#N/A"]], [["60%", "60%"]])).toEqual([
      ["Không đạt", "Cần xem xét"],
    ]);
  });

  test("=CDS_DAT(E5:E45; D5:D45) on the seed annex: 41 answers, every criterion graded", () => {
    const annex = seedAnnex();
    const results = annex.values.slice(4, 45).map((r) => [r[4] ?? ""]);
    const targets = annex.values.slice(4, 45).map((r) => [r[3] ?? ""]);
    const out = call(addon, "CDS_DAT", results, targets, 2023) as string[][];
    expect(out).toHaveLength(41);
    expect(out.every((r) => r.length === 1)).toBe(true);
    const byId = Object.fromEntries(annex.values.slice(4, 45).map((r, i) => [String(r[0]), out[i]![0]]));
    // every criterion row with a result or a target is answered with a status; 1.11, 3.1 and 4.8 (not evaluated
    // in 2023 or no stated target: no result, no target in the annex) stay blank
    const blank = new Set(
      annex.values
        .slice(4, 45)
        .filter((r) => !r[3] && !r[4])
        .map((r) => String(r[0])),
    );
    expect([...blank].filter((id) => /^\d\.\d+$/.test(id)).sort()).toEqual(["1.11", "3.1", "4.8"]);
    for (const c of TT_XA_2023.criteria)
      if (!blank.has(c.id))
        expect([c.id, byId[c.id]]).toEqual([
          c.id,
          expect.stringMatching(/^(Đạt|Không đạt|Đang thực hiện|Không đánh giá|Cần xem xét)/),
        ]);
    expect(byId["1.6"]).toBe("Cần xem xét – Thiếu chỉ tiêu");
    expect(byId["2.4"]).toBe("Không đạt");
    expect(byId["1"]).toBe(""); // a group row: blank in, blank out
  });
});
