/**
 * The built Sidebar.html in headless Chromium. A `google.script.run` stub, injected before the page's scripts,
 * forwards each call to the built Code.js running in Node against a GasFake, so the sidebar shows reports of the
 * real core. Saves docs/sheets-sidebar.png.
 */
import * as fs from "fs";
import * as path from "path";
import { chromium, type Browser, type Page } from "playwright-core";
import { GasFake } from "../fakes/gas";
import { DIST, isBuilt, loadAddon, type AddonGlobals } from "../fakes/gas-load";
import { NOTES, seedAnnex } from "./fixtures";
import { formGrid, NONG_CONG, TRIEU_THANH } from "../../scripts/form-data";

const CHROMIUM = "/usr/bin/chromium";
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
];
const SIDEBAR_URL = "https://sidebar.invalid/Sidebar.html";
/** the README's picture: written when missing or when UPDATE_SCREENSHOTS=1; every other run writes test/artifacts/ */
const DOCS_SCREENSHOT = path.resolve(__dirname, "..", "..", "docs", "sheets-sidebar.png");
const SCREENSHOT =
  process.env["UPDATE_SCREENSHOTS"] === "1" || !fs.existsSync(DOCS_SCREENSHOT)
    ? DOCS_SCREENSHOT
    : path.resolve(__dirname, "..", "artifacts", "sheets-sidebar.png");

/** the sidebar on the example forms */
const DOCS_FORMS_SCREENSHOT = path.resolve(__dirname, "..", "..", "docs", "sheets-sidebar-forms.png");
const FORMS_SCREENSHOT =
  process.env["UPDATE_SCREENSHOTS"] === "1" || !fs.existsSync(DOCS_FORMS_SCREENSHOT)
    ? DOCS_FORMS_SCREENSHOT
    : path.resolve(__dirname, "..", "artifacts", "sheets-sidebar-forms.png");

const available = fs.existsSync(CHROMIUM);
if (!available && !process.env["CI"])
  console.warn(`Bỏ qua kiểm thử bảng điều khiển: không có ${CHROMIUM} (và CI không được đặt).`);
const suite = available || process.env["CI"] ? describe : describe.skip;

/** google.script.run: withSuccessHandler/withFailureHandler chains, any other name calls the server */
const STUB = `
  (() => {
    const make = (handlers) => new Proxy({}, {
      get(_, name) {
        if (name === "withSuccessHandler") return (f) => make({ ...handlers, ok: f });
        if (name === "withFailureHandler") return (f) => make({ ...handlers, fail: f });
        return (...args) => {
          window.__gasCall(String(name), JSON.stringify(args)).then((text) => {
            const res = JSON.parse(text);
            if (res.ok) handlers.ok && handlers.ok(res.value);
            else handlers.fail && handlers.fail(new Error(res.message));
          });
        };
      },
    });
    window.google = { script: { run: make({}) } };
  })();
`;

suite("Sidebar.html in Chromium", () => {
  jest.setTimeout(90_000);
  let browser: Browser;
  let fake: GasFake;
  let addon: AddonGlobals;
  const served: string[] = [];
  /** a failure to return for the next call of a server function, as Apps Script reports it */
  const failures = new Map<string, string>();

  beforeAll(async () => {
    if (!isBuilt()) throw new Error("dist/sheets missing: run `npm run build` before these tests");
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 60_000 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
    await page.exposeFunction("__gasCall", (name: string, args: string) => {
      served.push(name);
      const failure = failures.get(name);
      if (failure !== undefined) {
        failures.delete(name);
        return JSON.stringify({ ok: false, message: failure });
      }
      try {
        // each google.script.run call is an execution of its own: Code.js loaded again
        addon = loadAddon(fake);
        const fn = addon[name];
        if (typeof fn !== "function") throw new Error(`không có hàm ${name}`);
        const value = fn(...(JSON.parse(args) as unknown[]));
        // google.script.run passes JSON-like values only
        return JSON.stringify({
          ok: true,
          value: value === undefined ? null : JSON.parse(JSON.stringify(value)),
        });
      } catch (e) {
        return JSON.stringify({ ok: false, message: String((e as { message?: string }).message ?? e) });
      }
    });
    await page.addInitScript(STUB);
    // a navigation (not setContent) so that the init script runs before the page's own script
    const html = fs.readFileSync(path.join(DIST, "Sidebar.html"), "utf8");
    await page.route(SIDEBAR_URL, (route) =>
      route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }),
    );
    await page.goto(SIDEBAR_URL);
    return page;
  }

  beforeEach(() => {
    fake = new GasFake();
    fake.addSheet("Xã Hoằng Phụ", seedAnnex().values, seedAnnex().formats);
    fake.addSheet("Ghi chú", NOTES.values, NOTES.formats);
    addon = loadAddon(fake);
  });

  test("grade: the grade, counts per group, the unmet list with links to cells; then clear", async () => {
    const page = await open();
    try {
      await page.waitForFunction(() =>
        document.getElementById("detected")!.textContent!.includes("Bảng tính có"),
      );
      expect(await page.textContent("#detected")).toContain("Tiêu chí CĐS cấp xã 2023");
      expect(await page.locator("#set option").count()).toBeGreaterThanOrEqual(3);

      await page.click("#grade-all");
      await page.waitForSelector(".sheet");
      expect(await page.textContent(".sheet h2")).toBe("Xã Hoằng Phụ");
      expect(await page.getAttribute(".grade", "data-grade")).toBe("incomplete");
      expect(await page.textContent(".grade")).toBe("Chưa hoàn thành");
      const groupRows = await page.locator(".sheet table tr").allTextContents();
      expect(groupRows[1]).toContain("Chính quyền số");
      expect(groupRows.at(-1)).toContain("Tổng cộng");
      expect(groupRows).toHaveLength(1 + 4 + 1);
      const unmet = await page.locator("ul.unmet li").allTextContents();
      expect(unmet.find((t) => t.includes("2.4"))).toMatch(/^E\d+ 2\.4 .* — Không đạt: /);
      expect(await page.textContent("#status")).toContain("Tổng hợp CĐS");
      expect(fake.spreadsheet.sheets.map((s) => s.name)).toContain("Tổng hợp CĐS");

      // a link selects its cell in the spreadsheet
      const link = page.locator("ul.unmet li", { hasText: "2.4" }).locator("a");
      const cell = (await link.textContent())!;
      await link.click();
      for (let i = 0; i < 100 && fake.spreadsheet.sheets[0]!.activeRange !== cell; i++)
        await page.waitForTimeout(50);
      expect(fake.spreadsheet.sheets[0]!.activeRange).toBe(cell);

      fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });

      await page.click("#clear");
      await page.waitForFunction(() => document.getElementById("status")!.textContent!.startsWith("Đã xóa"));
      expect(await page.textContent("#status")).toBe("Đã xóa kết quả trên 1 trang.");
      expect(await page.locator(".sheet").count()).toBe(0);
      expect(fake.spreadsheet.sheets.map((s) => s.name)).toEqual(["Xã Hoằng Phụ", "Ghi chú"]);
      expect(served).toEqual(expect.arrayContaining(["getSidebarState", "startRunForSidebar", "selectCell"]));
    } finally {
      await page.close();
    }
  });

  test("choosing another criteria set and a year: detection follows, grading uses them", async () => {
    const page = await open();
    try {
      await page.waitForFunction(() =>
        document.getElementById("detected")!.textContent!.includes("Bảng tính có"),
      );
      await page.selectOption("#set", "tt-xa-2022");
      await page.waitForFunction(() =>
        document.getElementById("detected")!.textContent!.includes("30 chỉ tiêu"),
      );
      await page.fill("#year", "2022");
      await page.click("#grade-active");
      await page.waitForSelector(".sheet");
      expect(await page.textContent(".sheet .muted")).toMatch(
        /^Danh mục 30 chỉ tiêu CĐS cấp xã \(dùng năm 2022\) · năm 2022 · /,
      );
    } finally {
      await page.close();
    }
  });

  test("with two communes graded, the sidebar ranks them over the results of each sheet", async () => {
    const other = seedAnnex("xã Quảng Ngọc");
    fake.addSheet("Xã Quảng Ngọc", other.values, other.formats);
    const page = await open();
    try {
      await page.waitForFunction(() =>
        document.getElementById("detected")!.textContent!.includes("Bảng tính có"),
      );
      await page.click("#grade-all");
      await page.waitForSelector(".ranking");
      expect(await page.textContent(".ranking h2")).toBe("Xếp hạng 2 xã/phường");
      const rows = await page.locator(".ranking tr").allTextContents();
      expect(rows).toHaveLength(3);
      expect(rows.slice(1).join(" ")).toContain("xã Hoằng Phụ");
      expect(rows.slice(1).join(" ")).toContain("xã Quảng Ngọc");
      // the same results: a tie, both ranked first
      expect(await page.locator(".ranking td:first-child").allTextContents()).toEqual(["1", "1"]);
      expect(await page.locator("#results > *").first().getAttribute("class")).toBe("ranking");
    } finally {
      await page.close();
    }
  });

  test("many sheets: the sidebar goes on step by step by itself, showing how far it is", async () => {
    for (let i = 1; i <= 30; i++) fake.addSheet(`Xã ${i}`, seedAnnex().values, seedAnnex().formats);
    fake.msPerCall = 500;
    const page = await open();
    try {
      await page.waitForFunction(() =>
        document.getElementById("detected")!.textContent!.includes("Bảng tính có"),
      );
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { __statuses: string[] }).__statuses = seen;
        const status = document.getElementById("status")!;
        new MutationObserver(() => seen.push(status.textContent ?? "")).observe(status, {
          childList: true,
          characterData: true,
          subtree: true,
        });
      });
      served.length = 0;
      await page.click("#grade-all");
      await page.waitForSelector(".ranking", { timeout: 60_000 });
      const statuses = await page.evaluate(() => (window as unknown as { __statuses: string[] }).__statuses);
      const progress = statuses.filter((t) => /^Đã chấm \d+\/32 trang…$/.test(t));
      expect(progress.length).toBeGreaterThanOrEqual(2);
      expect(served.filter((n) => n === "continueRunForSidebar").length).toBeGreaterThanOrEqual(2);
      expect(await page.textContent(".ranking h2")).toBe("Xếp hạng 31 xã/phường");
      expect(await page.isHidden("#progress")).toBe(true);
    } finally {
      await page.close();
    }
  });

  test("an unfinished run: the sidebar says what is done and goes on when asked", async () => {
    for (let i = 1; i <= 30; i++) fake.addSheet(`Xã ${i}`, seedAnnex().values, seedAnnex().formats);
    fake.msPerCall = 500;
    const first = loadAddon(fake)["startRunForSidebar"]!("grade", {}) as {
      finished: boolean;
      looked: number;
    };
    expect(first.finished).toBe(false);
    const page = await open();
    try {
      await page.waitForSelector("#run:not([hidden])");
      expect(await page.textContent("#run-text")).toMatch(
        new RegExp(`^Lần chấm trước chưa xong: đã chấm ${first.looked}/32 trang`),
      );
      expect(await page.textContent("#continue")).toBe("Chấm tiếp");
      await page.click("#continue");
      await page.waitForSelector(".ranking", { timeout: 60_000 });
      expect(await page.isHidden("#run")).toBe(true);
      expect(fake.documentProperties.store.size).toBe(0);
    } finally {
      await page.close();
    }
  });

  test("a step Apps Script stopped at 6 minutes: said in Vietnamese, with what is done and how to go on", async () => {
    for (let i = 1; i <= 30; i++) fake.addSheet(`Xã ${i}`, seedAnnex().values, seedAnnex().formats);
    fake.msPerCall = 500;
    failures.set("continueRunForSidebar", "Exceeded maximum execution time");
    const page = await open();
    try {
      await page.waitForFunction(() =>
        document.getElementById("detected")!.textContent!.includes("Bảng tính có"),
      );
      await page.click("#grade-all");
      await page.waitForSelector("#error:not([hidden])", { timeout: 60_000 });
      expect(await page.textContent("#error")).toBe(
        "Google đã dừng lần chạy này vì quá thời gian cho phép (6 phút một lần chạy).",
      );
      await page.waitForSelector("#run:not([hidden])");
      expect(await page.textContent("#run-text")).toMatch(/^Lần chấm trước chưa xong: đã chấm \d+\/32 trang/);
      await page.click("#continue");
      await page.waitForSelector(".ranking", { timeout: 60_000 });
      expect(fake.documentProperties.store.size).toBe(0);
    } finally {
      await page.close();
    }
  });

  test("forms: each commune's self-scored and recomputed points, the ranking, what differs, links to cells", async () => {
    fake = new GasFake();
    fake.addSheet("Nông Cống 2022", formGrid(NONG_CONG, "bm01-2022").values);
    fake.addSheet("Triệu Thành 2023", formGrid(TRIEU_THANH, "bm01-2023").values);
    const page = await open();
    try {
      await page.waitForFunction(() =>
        document.getElementById("detected")!.textContent!.includes("Bảng tính có"),
      );
      expect(await page.textContent("#detected")).toContain(
        'Trang "Nông Cống 2022": biểu mẫu tự chấm điểm bộ chỉ số của thị trấn Nông Cống.',
      );
      await page.click("#grade-all");
      await page.waitForSelector(".forms");
      expect(await page.textContent(".forms h2")).toBe("Biểu mẫu tự chấm điểm: 2 xã/phường");
      expect(await page.textContent(".form-ranking h2")).toBe("Xếp hạng 2 xã/phường theo điểm tính lại");
      const rows = await page.locator(".form-ranking tr").allTextContents();
      expect(rows[0]).toBe("HạngXã/phườngĐiểm tự chấmĐiểm tính lại% tối đaXếp loạiCần xem xét");
      expect(rows[1]).toMatch(/^1thị trấn Nông Cống116101/);
      expect(await page.locator(".form .points").allTextContents()).toEqual([
        "Tự chấm 116 · Tính lại 101 / 130 điểm (77,7%)",
        "Tự chấm 120 · Tính lại 63 / 130 điểm (48,5%)",
      ]);
      expect(await page.textContent(".disputes li")).toMatch(/^2\.1 .* — 2 xã/);
      const row = page.locator(".form ul.unmet li", { hasText: "Vượt điểm tối đa" });
      expect(await row.textContent()).toMatch(
        /^E23 1\.5 .* — Vượt điểm tối đa: tự chấm 25 > điểm tối đa 10$/,
      );
      await row.locator("a").click();
      const sheet = fake.spreadsheet.sheets[1]!;
      for (let i = 0; i < 100 && sheet.activeRange !== "E23"; i++) await page.waitForTimeout(50);
      expect(sheet.activeRange).toBe("E23");
      fs.mkdirSync(path.dirname(FORMS_SCREENSHOT), { recursive: true });
      await page.screenshot({ path: FORMS_SCREENSHOT, fullPage: true });

      // the "Bộ chỉ số" sheet from the sidebar; a second time refused in Vietnamese
      await page.click("#add-index");
      await page.waitForFunction(() => document.getElementById("status")!.textContent!.startsWith("Đã tạo"));
      expect(await page.textContent("#status")).toMatch(/^Đã tạo trang "Bộ chỉ số": /);
      expect(fake.spreadsheet.sheets.map((s) => s.name)).toContain("Bộ chỉ số");
      await page.click("#add-index");
      await page.waitForSelector("#error:not([hidden])");
      expect(await page.textContent("#error")).toMatch(/^Trang "Bộ chỉ số" đã có/);
    } finally {
      await page.close();
    }
  });

  test("an error shows in Vietnamese", async () => {
    fake.protect("Xã Hoằng Phụ", "G1:H60", { description: "Khóa số liệu" });
    const page = await open();
    try {
      await page.waitForFunction(() =>
        document.getElementById("detected")!.textContent!.includes("Bảng tính có"),
      );
      await page.click("#grade-active");
      await page.waitForSelector("#error:not([hidden])");
      const text = await page.textContent("#error");
      expect(text).toMatch(
        /^Không ghi được vào trang "Xã Hoằng Phụ", vùng G4:H\d+: vùng này được bảo vệ "Khóa số liệu"/,
      );
      expect(await page.isDisabled("#grade-all")).toBe(false);
    } finally {
      await page.close();
    }
  });
});
