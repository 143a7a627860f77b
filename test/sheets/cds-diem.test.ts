/**
 * `=CDS_DIEM` in the BUILT Apps Script file (dist/sheets/Code.js) run in a vm: declared with its JSDoc as a
 * top-level custom function, on one cell and on ranges (one answer per cell, a bad row answering for itself),
 * the verbatim rule samples of the domain brief, bad arguments in Vietnamese. Each test loads Code.js afresh, as
 * each Apps Script execution does.
 */
import * as fs from "fs";
import { GasFake } from "../fakes/gas";
import { CODE_FILE, isBuilt, loadAddon } from "../fakes/gas-load";
import { ADDITIVE, CHOICE, NOT_SCORED, RATIO, STEPS, YES_NO } from "../dti/samples";
import { call, thrown } from "./steps";

if (!isBuilt()) throw new Error("dist/sheets missing: run `npm run build` before these tests");

function cdsDiem(...args: unknown[]): unknown {
  const fake = new GasFake();
  fake.addSheet("Biểu mẫu 01", [["x"]]);
  fake.resetCalls();
  const addon = loadAddon(fake);
  const out = call(addon, "CDS_DIEM", ...args);
  // a custom function reads and writes nothing
  expect(fake.totalCalls).toBe(0);
  return out;
}

test("Code.js declares CDS_DIEM(giai_trinh, cach_tinh, diem_toi_da) with its JSDoc as a custom function", () => {
  const code = fs.readFileSync(CODE_FILE, "utf8");
  const jsdoc =
    /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*\nfunction CDS_DIEM\(giai_trinh, cach_tinh, diem_toi_da\) \{/.exec(
      code,
    );
  expect(jsdoc).not.toBeNull();
  expect(jsdoc![1]).toContain("@customfunction");
  for (const p of ["giai_trinh", "cach_tinh", "diem_toi_da"])
    expect(jsdoc![1]).toMatch(new RegExp(`@param \\{[^}]+\\} ${p} \\S`));
  expect(jsdoc![1]).toMatch(/@return \{[^}]+\} \S/);
});

test("the verbatim rule samples of DTI.md, one cell each", () => {
  expect(cdsDiem("Trưởng ban là Chủ tịch UBND xã", CHOICE, 20)).toBe(20);
  expect(cdsDiem("Trưởng ban là Phó Chủ tịch UBND xã", CHOICE, 20)).toBe(10);
  expect(cdsDiem("Chưa có Ban Chỉ đạo", CHOICE, 20)).toBe(0);
  expect(cdsDiem("BCĐ họp 3 lần trong năm", STEPS, 20)).toBe(15);
  expect(cdsDiem("a = 12; b = 15", RATIO, 20)).toBe(16);
  expect(cdsDiem("Có văn bản chỉ đạo về chuyển đổi số; có tổ chức hội nghị quán triệt", ADDITIVE, 10)).toBe(
    10,
  );
  expect(cdsDiem("Không", YES_NO, 10)).toBe(0);
  expect(cdsDiem("Đã lắp camera", NOT_SCORED, 0)).toBe("Không tính điểm");
});

test("what cannot be read is «Cần xem xét» with the reason, not a number", () => {
  expect(cdsDiem("họp 4 lần", "Trừ 5 điểm nếu nộp báo cáo muộn", 20)).toBe(
    "Cần xem xét – chưa đọc được cách tính điểm: có đoạn chưa hiểu: «Trừ 5 điểm nếu nộp báo cáo muộn»",
  );
  expect(cdsDiem("dự kiến họp 4 lần", STEPS, 20)).toMatch(/^Cần xem xét – giải trình là dự kiến/);
  expect(cdsDiem("a = 5; b = 0", RATIO, 20)).toBe("Cần xem xét – b = 0, không tính được tỷ lệ: a = 5, b = 0");
});

test("one cell the function cannot take: #ERROR! with the Vietnamese message", () => {
  expect(thrown(() => cdsDiem("Có", YES_NO, ""))).toBe(
    "Thiếu điểm tối đa: ghi điểm tối đa của chỉ số thành phần, như 20.",
  );
  expect(thrown(() => cdsDiem("Có", 20, YES_NO))).toMatch(
    /^Cách tính điểm "20" không phải lời văn của bộ chỉ số: .*thứ tự là \(giải trình; cách tính điểm; điểm tối đa\)\.$/,
  );
  expect(thrown(() => cdsDiem("Có", "", 20))).toMatch(/^Thiếu cách tính điểm: /);
});

test("a form's columns as ranges: one answer per row, blank for rows without a rule, a bad row answers for itself", () => {
  // rows of Biểu mẫu 01: a main index (no rule), five components, one with its maximum missing
  const giaiTrinh = [
    ["-"],
    ["Trưởng ban là Chủ tịch UBND xã"],
    ["BCĐ họp 4 lần"],
    ["a = 9; b = 12"],
    ["Có"],
    ["Có"],
  ];
  const cachTinh = [[""], [CHOICE], [STEPS], [RATIO], [YES_NO], [YES_NO]];
  const diemToiDa = [[100], [20], [20], [20], [10], [""]];
  expect(cdsDiem(giaiTrinh, cachTinh, diemToiDa)).toEqual([
    [""],
    [20],
    [20],
    [15],
    [10],
    ["Cần xem xét – Thiếu điểm tối đa"],
  ]);
});

test("one rule and one maximum for a row of communes' explanations (a single cell is used for every cell)", () => {
  expect(
    cdsDiem([["a = 12; b = 15", "a = 15; b = 15", "a = 0; b = 15", "a = 1; b = 0"]], RATIO, [[20]]),
  ).toEqual([[16, 20, 0, "Cần xem xét – b = 0, không tính được tỷ lệ: a = 1, b = 0"]]);
});

test("ranges of different shapes: #ERROR! naming both", () => {
  expect(thrown(() => cdsDiem([["Có"], ["Không"]], [[YES_NO], [YES_NO], [YES_NO]], 10))).toBe(
    "Vùng cách tính điểm (3 hàng × 1 cột) phải là một ô hoặc cùng kích thước với vùng giải trình (2 hàng × 1 cột).",
  );
  expect(thrown(() => cdsDiem("Có", [[YES_NO], [YES_NO]], [[10, 10]]))).toBe(
    "Vùng điểm tối đa (1 hàng × 2 cột) phải là một ô hoặc cùng kích thước với vùng cách tính điểm (2 hàng × 1 cột).",
  );
});
