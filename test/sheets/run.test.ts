/**
 * Grading and clearing many sheets in steps (src/sheets/run.ts), the BUILT Code.js against the fake with a clock:
 * at 100 ms a service call, 166 annex sheets end complete in several executions, none over the step's budget;
 * the summary sheet is written once, by the last step; an interrupted run says what is done and goes on.
 */
import { GasFake } from "../fakes/gas";
import { isBuilt, loadAddon } from "../fakes/gas-load";
import { EXPECTED_LABELS, seedAnnex } from "./fixtures";
import { call, runAll, thrown, type Step } from "./steps";

if (!isBuilt()) throw new Error("dist/sheets missing: run `npm run build` before these tests");

/** src/sheets/run.ts STEP_BUDGET_MS: a step's time, well under Apps Script's 6 minutes */
const STEP_BUDGET_MS = 60_000;
const SIX_MINUTES = 360_000;
const SUMMARY = "Tổng hợp CĐS";
const SCRATCH = "CĐS – kết quả tạm";
const OWN_STATUS = "Chấm CĐS: Trạng thái";

function province(n: number, msPerCall = 100): GasFake {
  const fake = new GasFake();
  const annex = seedAnnex();
  for (let i = 1; i <= n; i++) fake.addSheet(`Xã ${i}`, annex.values, annex.formats);
  fake.msPerCall = msPerCall;
  return fake;
}

/** a smaller workbook on a slower service: several steps too, quicker to test */
const SLOW = 400;

/** how many sheets carry the expected labels in their own status column */
function gradedSheets(fake: GasFake): number {
  return fake.spreadsheet.sheets.filter((sheet) => {
    const values = sheet.getDataRange().getValues();
    const header = values.find((r) => r.includes(OWN_STATUS));
    if (!header) return false;
    const col = header.indexOf(OWN_STATUS);
    return values.every(
      (r) => EXPECTED_LABELS[String(r[0])] === undefined || r[col] === EXPECTED_LABELS[String(r[0])],
    );
  }).length;
}

describe("166 sheets at 100 ms a call", () => {
  const fake = province(166);

  test("grading: several steps, each within the budget, the summary written once at the end", () => {
    const steps: Step[] = [];
    const executions = runAll(fake, "grade");
    for (const e of executions) steps.push(e.step);
    expect(executions.length).toBeGreaterThanOrEqual(3);
    for (const e of executions) expect(e.ms).toBeLessThanOrEqual(STEP_BUDGET_MS);
    expect(Math.max(...executions.map((e) => e.ms))).toBeLessThan(SIX_MINUTES / 5);
    // progress as the sidebar shows it, growing to 166
    const looked = steps.slice(0, -1).map((s) => s.looked);
    expect(looked).toEqual([...looked].sort((a, b) => a - b));
    for (const s of steps.slice(0, -1)) expect(s.message).toBe(`Đã chấm ${s.looked}/166 trang…`);
    const last = steps.at(-1)!;
    expect(last.finished).toBe(true);
    expect(last.report!.sheets).toHaveLength(166);
    expect(last.report!.ranking!.rows).toHaveLength(166);
    expect(gradedSheets(fake)).toBe(166);
    expect(fake.spreadsheet.sheets.map((s) => s.name)).not.toContain(SCRATCH);
    expect(fake.spreadsheet.sheets.at(-1)!.name).toBe(SUMMARY);
    expect(fake.documentProperties.store.size).toBe(0);
    expect(fake.spreadsheet.active!.name).toBe("Xã 1");
  });

  test("re-grading and clearing: steps within the budget too; clearing returns the workbook as it was", () => {
    const regrade = runAll(fake, "grade");
    for (const e of regrade) expect(e.ms).toBeLessThanOrEqual(STEP_BUDGET_MS);
    expect(gradedSheets(fake)).toBe(166);
    const clear = runAll(fake, "clear");
    expect(clear.length).toBeGreaterThanOrEqual(2);
    for (const e of clear) expect(e.ms).toBeLessThanOrEqual(STEP_BUDGET_MS);
    for (const s of clear.slice(0, -1))
      expect(s.step.message).toBe(`Đã xóa kết quả ${s.step.looked}/166 trang…`);
    expect(clear.at(-1)!.step.cleared).toEqual({ sheets: 166, summaryRemoved: true });
    expect(fake.snapshot()).toEqual(province(166).snapshot());
  });
});

test("the summary sheet does not exist until the last step; the scratch sheet is hidden meanwhile", () => {
  const fake = province(40, SLOW);
  let addon = loadAddon(fake);
  let step = call(addon, "startRunForSidebar", "grade", {}) as Step;
  expect(step.finished).toBe(false);
  while (!step.finished) {
    expect(fake.spreadsheet.sheets.some((s) => s.name === SUMMARY)).toBe(false);
    expect(fake.spreadsheet.sheets.find((s) => s.name === SCRATCH)!.hidden).toBe(true);
    addon = loadAddon(fake);
    step = call(addon, "continueRunForSidebar", step.runId) as Step;
  }
  expect(fake.spreadsheet.sheets.filter((s) => s.name === SUMMARY)).toHaveLength(1);
});

test("an interrupted run: the sidebar says in Vietnamese what is done and how to go on; going on completes it", () => {
  const fake = province(40, SLOW);
  const first = call(loadAddon(fake), "startRunForSidebar", "grade", {}) as Step;
  expect(first.finished).toBe(false);
  // the sidebar was closed; later it opens again
  const state = call(loadAddon(fake), "getSidebarState") as {
    run: { runId: string; kind: string; looked: number; total: number; handoff: boolean; message: string };
  };
  expect(state.run).toMatchObject({
    runId: first.runId,
    kind: "grade",
    looked: first.looked,
    total: 40,
    handoff: false,
  });
  expect(state.run.message).toBe(
    `Lần chấm trước chưa xong: đã chấm ${first.looked}/40 trang (các trang này đã có cột kết quả); trang "${SUMMARY}" chưa được cập nhật. Bấm "Chấm tiếp" để chấm các trang còn lại, hoặc "Chấm điểm tất cả" để chấm lại từ đầu.`,
  );
  let step = first;
  while (!step.finished) step = call(loadAddon(fake), "continueRunForSidebar", step.runId) as Step;
  expect(gradedSheets(fake)).toBe(40);
  expect((call(loadAddon(fake), "getSidebarState") as { run: unknown }).run).toBeNull();
});

test("a step that fails half way loses nothing: going on from the last recorded point completes the run", () => {
  const fake = province(40, SLOW);
  const clean = province(40, SLOW);
  runAll(clean, "grade");
  const first = call(loadAddon(fake), "startRunForSidebar", "grade", {}) as Step;
  // the second step dies on its fifth write of values (a service outage)
  let writes = 0;
  const setValues = fake.hit.bind(fake);
  fake.hit = (name: string) => {
    if (name === "Range.setValues" && ++writes === 5)
      throw new Error("Service Spreadsheets failed while accessing document");
    setValues(name);
  };
  expect(thrown(() => call(loadAddon(fake), "continueRunForSidebar", first.runId))).toMatch(
    /^Không làm tiếp được do lỗi ngoài dự kiến: Service Spreadsheets failed/,
  );
  fake.hit = setValues;
  let step = first;
  do step = call(loadAddon(fake), "continueRunForSidebar", step.runId) as Step;
  while (!step.finished);
  expect(fake.snapshot()).toEqual(clean.snapshot());
});

test("a sheet added before the point reached meanwhile: the next step looks again from the first sheet", () => {
  const fake = province(40, SLOW);
  const first = call(loadAddon(fake), "startRunForSidebar", "grade", {}) as Step;
  const annex = seedAnnex("xã Mới");
  fake.addSheet("Xã mới", annex.values, annex.formats);
  fake.spreadsheet.sheets.unshift(fake.spreadsheet.sheets.pop()!);
  let step = first;
  do step = call(loadAddon(fake), "continueRunForSidebar", step.runId) as Step;
  while (!step.finished);
  expect(step.report!.sheets.map((s) => s.name)).toContain("Xã mới");
  expect(step.report!.sheets).toHaveLength(41);
  expect(gradedSheets(fake)).toBe(41);
});

test("a new run drops an unfinished one; the old run cannot go on", () => {
  const fake = province(40, SLOW);
  const old = call(loadAddon(fake), "startRunForSidebar", "grade", {}) as Step;
  const cleared = runAll(fake, "clear").at(-1)!.step;
  expect(cleared.cleared!.summaryRemoved).toBe(false);
  expect(fake.spreadsheet.sheets.map((s) => s.name)).not.toContain(SCRATCH);
  expect(thrown(() => call(loadAddon(fake), "continueRunForSidebar", old.runId))).toMatch(
    /^Không còn lần chạy nào đang dở với bảng tính này/,
  );
  expect(fake.snapshot()).toEqual(province(40, SLOW).snapshot());
});

test("the menu runs the first step and opens the sidebar, which goes on by itself", () => {
  const fake = province(40, SLOW);
  call(loadAddon(fake), "gradeAllSheets");
  expect(fake.ui.sidebars).toHaveLength(1);
  expect(fake.toasts.at(-1)!.message).toMatch(/^Đã chấm \d+\/40 trang… Bảng điều khiển đang làm tiếp\.$/);
  const state = call(loadAddon(fake), "getSidebarState") as { run: { runId: string; handoff: boolean } };
  expect(state.run.handoff).toBe(true);
  let step = call(loadAddon(fake), "continueRunForSidebar", state.run.runId) as Step;
  while (!step.finished) step = call(loadAddon(fake), "continueRunForSidebar", step.runId) as Step;
  expect(gradedSheets(fake)).toBe(40);
});
