/**
 * Service calls per sheet of the BUILT Code.js in every mode (first grading, re-grading, clearing), counted by
 * the fake: a constant per sheet whatever the rows, the user's rules or earlier gradings; every read of a step
 * before its first write (no flush of the write cache in between); the add-in's own rules recognised without a
 * call per rule. The figures at 1, 37 and 166 sheets: `npm run bench`.
 */
import { GasFake, LOCAL_CALL, type FakeRuleBuilder, type FakeSheet } from "../fakes/gas";
import { isBuilt, loadAddon } from "../fakes/gas-load";
import { planAnnex, seedAnnex, type SheetFixture } from "./fixtures";
import { runAll, type Execution } from "./steps";

if (!isBuilt()) throw new Error("dist/sheets missing: run `npm run build` before these tests");

/** calls per sheet beyond the first ones: the per-sheet cost, fixed costs (summary, state) left out */
export const FIRST_GRADE_CALLS = 9;
export const REGRADE_CALLS = 6;
export const CLEAR_CALLS = 6;
/**
 * a table with empty target, unit or result cells under filled ones (the seed annex: no target for 1.6, 3.1, no
 * unit for 4.2) asks for its merged ranges once when grading: 1 call, and 1 per merged range for its place
 */
export const MERGES_CALLS = 1;

function workbook(n: number, sheet: (i: number) => SheetFixture = () => seedAnnex()): GasFake {
  const fake = new GasFake();
  for (let i = 1; i <= n; i++) {
    const f = sheet(i);
    fake.addSheet(`Xã ${i}`, f.values, f.formats);
  }
  return fake;
}

function total(executions: Execution[]): number {
  return executions.reduce((n, e) => n + e.serviceCalls, 0);
}

/** calls of each mode, in order: first grading, re-grading, clearing */
function modes(fake: GasFake): { first: number; again: number; clear: number; flushes: number } {
  const first = runAll(fake, "grade");
  const again = runAll(fake, "grade");
  const clear = runAll(fake, "clear");
  const flushes = [...first, ...again, ...clear].reduce((n, e) => n + e.flushes, 0);
  return { first: total(first), again: total(again), clear: total(clear), flushes };
}

function userRules(fake: GasFake, sheet: FakeSheet, count: number): void {
  const app = fake.globals()["SpreadsheetApp"] as { newConditionalFormatRule(): FakeRuleBuilder };
  sheet.setConditionalFormatRules(
    Array.from({ length: count }, (_, i) =>
      app
        .newConditionalFormatRule()
        .whenNumberGreaterThan(i)
        .setBackground("#123456")
        .setRanges([sheet.getRange(5, 5 + (i % 2), 30, 1)])
        .build(),
    ),
  );
}

test(`each further sheet: ${FIRST_GRADE_CALLS} calls to grade, ${REGRADE_CALLS} to re-grade, ${CLEAR_CALLS} to clear (+${MERGES_CALLS} to grade a table with gaps)`, () => {
  const two = modes(workbook(2));
  const six = modes(workbook(6));
  expect((six.first - two.first) / 4).toBe(FIRST_GRADE_CALLS + MERGES_CALLS);
  expect((six.again - two.again) / 4).toBe(REGRADE_CALLS + MERGES_CALLS);
  expect((six.clear - two.clear) / 4).toBe(CLEAR_CALLS);
  expect(two.flushes + six.flushes).toBe(0);
  // a table with no gap (every row its target and result) never asks for merged ranges. Sheet by sheet, since
  // the summary sheet's cost moves by a call with its shape (equal column widths side by side are set at once)
  const tidy = [2, 3, 4, 5, 6].map((n) => modes(workbook(n, () => planAnnex(10))));
  const steps = tidy
    .slice(1)
    .map((m, i) => [m.first - tidy[i]!.first, m.again - tidy[i]!.again, m.clear - tidy[i]!.clear]);
  for (const [first, again, clear] of steps) {
    expect(first).toBeLessThanOrEqual(FIRST_GRADE_CALLS);
    expect(again).toBeLessThanOrEqual(REGRADE_CALLS);
    expect(clear).toBeLessThanOrEqual(CLEAR_CALLS);
  }
  expect(
    steps.filter(([f, a, c]) => f === FIRST_GRADE_CALLS && a === REGRADE_CALLS && c === CLEAR_CALLS).length,
  ).toBeGreaterThanOrEqual(2);
});

test("merged ranges: 1 call, and 1 per merged range for its place; read before any write", () => {
  const merged = (n: number) => {
    const fake = workbook(n);
    for (const sheet of fake.spreadsheet.sheets) {
      // the target of 1.5 and 1.6 merged (D10:D11), the title over A1:F1
      sheet.merges = [
        { row: 9, col: 3, rows: 2, cols: 1 },
        { row: 0, col: 0, rows: 1, cols: 6 },
      ];
    }
    return fake;
  };
  const two = modes(merged(2));
  const six = modes(merged(6));
  expect((six.first - two.first) / 4).toBe(FIRST_GRADE_CALLS + MERGES_CALLS + 2);
  expect(two.flushes + six.flushes).toBe(0);
});

test("the same calls for 10 and 1,000 rows (a new summary sheet past 1,000 rows takes one call to grow)", () => {
  const small = modes(workbook(3, () => planAnnex(10)));
  const large = modes(workbook(3, () => planAnnex(1000)));
  expect(large).toEqual({ ...small, first: small.first + 1 });
});

test("the same calls whatever the user's rules (none or 20 a sheet) and the earlier gradings", () => {
  const plain = workbook(3);
  const ruled = workbook(3);
  for (const sheet of ruled.spreadsheet.sheets) userRules(ruled, sheet, 20);
  ruled.resetCalls();
  expect(modes(ruled)).toEqual(modes(plain));
  // grading four times: each re-grading costs what the first re-grading did
  runAll(plain, "grade");
  const again = [1, 2, 3].map(() => total(runAll(plain, "grade")));
  expect(new Set(again).size).toBe(1);
  expect(ruled.spreadsheet.sheets.every((s) => s.rules.length === 20)).toBe(true);
});

test("recognising the add-in's rules: the rules' conditions, no call per rule, no Range call on a rule's range", () => {
  const fake = workbook(3);
  for (const sheet of fake.spreadsheet.sheets) userRules(fake, sheet, 7);
  runAll(fake, "grade");
  fake.resetCalls();
  runAll(fake, "clear");
  expect(fake.calls.get("ConditionalFormatRule.getRanges")).toBeUndefined();
  expect(fake.count(/^Range\.(getRow|getColumn|getNumRows|getNumColumns|getA1Notation)$/)).toBe(0);
  expect(fake.calls.get("Sheet.getConditionalFormatRules")).toBe(3);
  // the conditions were read, as local data
  expect(fake.calls.get("BooleanCondition.getCriteriaValues")).toBeGreaterThan(0);
  expect(fake.spreadsheet.sheets.map((s) => s.rules.length)).toEqual([7, 7, 7]);
});

test("the calls of one further sheet, by name", () => {
  const count = (fake: GasFake, kind: "grade" | "clear") => {
    fake.resetCalls();
    runAll(fake, kind);
    return new Map([...fake.calls].filter(([k]) => !LOCAL_CALL.test(k)));
  };
  const two = workbook(2);
  const three = workbook(3);
  const diff = (a: Map<string, number>, b: Map<string, number>) =>
    Object.fromEntries([...b].map(([k, v]) => [k, v - (a.get(k) ?? 0)]).filter(([, v]) => v !== 0));
  expect(diff(count(two, "grade"), count(three, "grade"))).toEqual({
    "Sheet.getName": 1,
    "Sheet.getDataRange": 1,
    "Range.getValues": 1,
    "Range.getNumberFormats": 1,
    "Range.getMergedRanges": 1,
    "Sheet.getConditionalFormatRules": 1,
    "Sheet.getRange": 1,
    "Range.setNumberFormat": 1,
    "Range.setValues": 1,
    "Sheet.setConditionalFormatRules": 1,
  });
  expect(diff(count(two, "grade"), count(three, "grade"))).toEqual({
    "Sheet.getName": 1,
    "Sheet.getDataRange": 1,
    "Range.getValues": 1,
    "Range.getNumberFormats": 1,
    "Range.getMergedRanges": 1,
    "Sheet.getRange": 1,
    "Range.setValues": 1,
  });
  expect(diff(count(two, "clear"), count(three, "clear"))).toEqual({
    "Sheet.getName": 1,
    "Sheet.getSheetValues": 1,
    "Sheet.getConditionalFormatRules": 1,
    "Sheet.getRange": 1,
    "Range.clear": 1,
    "Sheet.setConditionalFormatRules": 1,
  });
});

test("a table that grew since the last grading: its rules are set again over the new block", () => {
  const fake = workbook(1, () => planAnnex(10));
  runAll(fake, "grade");
  const sheet = fake.spreadsheet.sheets[0]!;
  const before = sheet.rules.map((r) => (r.describe() as { ranges: string[] }).ranges[0]);
  expect(before.every((r) => r === "Xã 1!F2:G12")).toBe(true);
  // two rows added at the end of the table
  sheet.getRange(13, 1, 2, 4).setValues([
    [11, "Tỷ lệ hộ dân thôn 11 dùng dịch vụ số", "60%", "70%"],
    [12, "Tỷ lệ hộ dân thôn 12 dùng dịch vụ số", "60%", "50%"],
  ]);
  fake.resetCalls();
  runAll(fake, "grade");
  expect(fake.calls.get("Sheet.setConditionalFormatRules")).toBe(2); // the annex and the summary
  expect(sheet.rules.map((r) => (r.describe() as { ranges: string[] }).ranges[0])).toEqual(
    before.map(() => "Xã 1!F2:G14"),
  );
  expect(sheet.getRange("F14").getValues()[0]![0]).toBe("Không đạt");
});

test("the sidebar's state (asked on opening and after each grading): the same calls for 2 and 166 sheets", () => {
  const state = (fake: GasFake) => {
    const addon = loadAddon(fake);
    fake.resetCalls();
    (addon["getSidebarState"] as () => unknown)();
    return fake.serviceCalls;
  };
  expect(state(workbook(166))).toBe(state(workbook(2)));
});
