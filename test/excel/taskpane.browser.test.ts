/**
 * The BUILT task pane in headless Chromium: dist/excel served over http on 127.0.0.1, the Office.js CDN
 * request answered with the fake office.js (test/fakes/office-excel-browser.ts bundled by webpack).
 */
import { existsSync, mkdirSync, readFileSync } from "fs";
import http from "http";
import type { AddressInfo } from "net";
import os from "os";
import path from "path";
import { chromium, type Browser, type Page } from "playwright-core";
import webpack from "webpack";
import { OWN_HEADERS, STATUS_LABELS, SUMMARY_SHEET } from "../../shared/labels";
import { CHECK_LABELS, FORMS_SECTION, gradeWorkbookWithForms, INDEX_SHEET } from "../../shared/dti";
import { formatNumber } from "../../shared/text";
import { ensureBuilt, ROOT } from "./built";
import { annexSheet, HEADER_ROW, ROW_OF } from "./fixture";
import { cliSheets, EXAMPLE_FORMS, fakeSheetsOf } from "./xlsx";

jest.setTimeout(300_000);

const CHROMIUM = "/usr/bin/chromium";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const SHEET = "Hoằng Phụ";
/** the README's picture: written when missing or when UPDATE_SCREENSHOTS=1; every run writes test/artifacts/ */
const DOCS_SCREENSHOT = path.join(ROOT, "docs", "excel-taskpane.png");
const SCREENSHOT =
  process.env["UPDATE_SCREENSHOTS"] === "1" || !existsSync(DOCS_SCREENSHOT)
    ? DOCS_SCREENSHOT
    : path.join(ROOT, "test", "artifacts", "excel-taskpane.png");
/** the pane with the example forms graded (docs/excel.md) */
const DOCS_FORMS_SCREENSHOT = path.join(ROOT, "docs", "excel-taskpane-forms.png");
const FORMS_SCREENSHOT =
  process.env["UPDATE_SCREENSHOTS"] === "1" || !existsSync(DOCS_FORMS_SCREENSHOT)
    ? DOCS_FORMS_SCREENSHOT
    : path.join(ROOT, "test", "artifacts", "excel-taskpane-forms.png");

const runnable = existsSync(CHROMIUM) || Boolean(process.env["CI"]);
if (!runnable) console.warn(`Bỏ qua kiểm thử trình duyệt: không có ${CHROMIUM} (và không chạy trong CI).`);
const describeBrowser = runnable ? describe : describe.skip;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "application/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
};

/** bundles the fake office.js for the browser */
async function bundleFakeOffice(): Promise<string> {
  const out = path.join(os.tmpdir(), `cds-fake-office-${process.pid}`);
  const compiler = webpack({
    mode: "development",
    target: "web",
    devtool: false,
    entry: path.join(ROOT, "test", "fakes", "office-excel-browser.ts"),
    output: { path: out, filename: "office.js" },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        { test: /\.ts$/, loader: "ts-loader", options: { transpileOnly: true }, exclude: /node_modules/ },
      ],
    },
  });
  await new Promise<void>((resolve, reject) =>
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) reject(error);
      else if (stats?.hasErrors()) reject(new Error(stats.toString("errors-only")));
      else resolve();
    }),
  );
  return readFileSync(path.join(out, "office.js"), "utf8");
}

function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const local = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    const file = path.join(dir, path.normalize(local).replace(/^([/\\])+/, ""));
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

describeBrowser("the built task pane in Chromium", () => {
  let server: http.Server | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const dist = ensureBuilt();
    const fakeOffice = await bundleFakeOffice();
    server = await serve(dist);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
      ],
    });
    page = await browser.newPage({ viewport: { width: 380, height: 1000 } });
    page.setDefaultTimeout(60_000);
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.route(OFFICE_JS, (route) =>
      route.fulfill({ status: 200, contentType: "application/javascript", body: fakeOffice }),
    );
    const { port } = server.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/taskpane.html`);
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  const fake = <T>(fn: string): Promise<T> =>
    page.evaluate(`(() => { const x = window.__fakeExcel; return ${fn}; })()`) as Promise<T>;
  const cell = (address: string): Promise<unknown> => fake(`x.value(${JSON.stringify(SHEET)}, "${address}")`);
  const snapshot = (): Promise<string> => fake(`JSON.stringify(x.snapshot(${JSON.stringify(SHEET)}))`);

  test("shows the annex found on the active sheet, its criteria set and year", async () => {
    await page.locator("#detected").waitFor({ state: "visible" });
    expect(await page.textContent("#active-sheet")).toBe(SHEET);
    expect(await page.textContent("#annex-state")).toBe("Có phụ lục CĐS");
    expect(await page.textContent("#detected-set")).toContain("2023");
    expect(await page.inputValue("#year-input")).toBe("2023");
    expect(await page.locator("#set-select option").count()).toBeGreaterThanOrEqual(3);
  });

  test("the custom function is registered in the same page (shared runtime)", async () => {
    const label = await page.evaluate(() => {
      const fns = (window as unknown as { __customFunctions: Map<string, (...a: unknown[]) => unknown> })
        .__customFunctions;
      return fns.get("DAT")?.("54,4%", "60%");
    });
    expect(label).toBe(STATUS_LABELS.KHONG_DAT);
  });

  let before = "";

  test("Chấm điểm writes the own columns, formats and the summary sheet, and lists the results", async () => {
    before = await snapshot();
    await page.click("#grade");
    await page.locator("#notice").waitFor({ state: "visible" });
    expect(await page.isVisible("#error")).toBe(false);

    expect(await cell(`G${HEADER_ROW}`)).toBe(OWN_HEADERS[0]);
    expect(await cell(`G${ROW_OF("2.4")}`)).toBe(STATUS_LABELS.KHONG_DAT);
    expect(await cell(`H${ROW_OF("2.4")}`)).toBe("54,4% < 60%");
    expect(await fake(`x.sheet(${JSON.stringify(SHEET)}).conditionalFormats.length`)).toBe(5);
    expect(await fake(`x.sheet(${JSON.stringify(SUMMARY_SHEET)}).charts.length`)).toBe(1);

    const results = page.locator("#results");
    await expect(results.locator("h2").first().textContent()).resolves.toBe(SHEET);
    expect(await results.locator(".verdict").textContent()).toMatch(/^Chưa hoàn thành/);
    expect(await results.locator("table tr").count()).toBeGreaterThanOrEqual(5);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  test("clicking an unmet criterion selects its result cell", async () => {
    await fake(`(x.activeSheet = "Ghi chú")`);
    await page.locator("ul.unmet button", { hasText: "2.4" }).click();
    await page.waitForFunction(
      (sheet) =>
        (window as unknown as { __fakeExcel: { selection: { sheet: string } | null } }).__fakeExcel.selection
          ?.sheet === sheet,
      SHEET,
    );
    expect(await fake("x.selection")).toEqual({ sheet: SHEET, address: `E${ROW_OF("2.4")}` });
    expect(await fake("x.activeSheet")).toBe(SHEET);
  });

  test("the pane follows the active sheet", async () => {
    await page.evaluate(() =>
      (
        window as unknown as { __fakeExcel: { activateByUser(n: string): Promise<void> } }
      ).__fakeExcel.activateByUser("Ghi chú"),
    );
    await page.locator("#active-sheet", { hasText: "Ghi chú" }).waitFor();
    expect(await page.textContent("#annex-state")).toMatch(/^Không có/);
    await page.evaluate(() =>
      (
        window as unknown as { __fakeExcel: { activateByUser(n: string): Promise<void> } }
      ).__fakeExcel.activateByUser("Hoằng Phụ"),
    );
    await page.locator("#active-sheet", { hasText: "Hoằng Phụ" }).waitFor();
  });

  test("an error shows in Vietnamese in the pane: protected sheet", async () => {
    await fake(`(x.sheet(${JSON.stringify(SHEET)}).protected = true)`);
    await page.click("#grade");
    await page.locator("#error").waitFor({ state: "visible" });
    expect(await page.textContent("#error")).toContain("đang được bảo vệ");
    await fake(`(x.sheet(${JSON.stringify(SHEET)}).protected = false)`);
  });

  test("Xóa kết quả gives the sheet back as it was", async () => {
    await page.click("#clear");
    await page.locator("#notice", { hasText: "Đã xóa" }).waitFor({ state: "visible" });
    expect(await snapshot()).toBe(before);
    expect(await fake(`x.sheets.map((s) => s.name)`)).toEqual([SHEET, "Ghi chú"]);
    expect(await page.locator("#results section").count()).toBe(0);
  });

  test("Thêm hàm =CDS_DAT, =CDS_DIEM defines the workbook names once", async () => {
    await page.click("#add-name");
    await page
      .locator("#notice", { hasText: "Đã thêm tên CDS_DAT và CDS_DIEM" })
      .waitFor({ state: "visible" });
    expect(await fake(`x.names.get("CDS_DAT").formula`)).toMatch(/^=LAMBDA\(ket_qua,chi_tieu,\[nam\],/);
    expect(await fake(`x.names.get("CDS_DIEM").formula`)).toMatch(
      /^=LAMBDA\(giai_trinh,cach_tinh,diem_toi_da,CDS\.DIEM\(/,
    );
    await page.click("#add-name");
    await page
      .locator("#notice", { hasText: "Sổ đã có tên CDS_DAT và CDS_DIEM, không thay đổi." })
      .waitFor({ state: "visible" });
  });

  test("with two communes graded, the pane ranks them over the results of each sheet", async () => {
    await page.evaluate(
      (init) =>
        (window as unknown as { __fakeExcel: { addSheet(i: unknown): unknown } }).__fakeExcel.addSheet(init),
      JSON.parse(JSON.stringify(annexSheet("Quảng Ngọc", "xã Quảng Ngọc"))) as unknown,
    );
    await page.check('input[name="scope"][value="all"]');
    await page.click("#grade");
    await page.locator(".ranking").waitFor({ state: "visible" });
    expect(await page.textContent(".ranking h2")).toBe("Xếp hạng 2 xã/phường");
    const rows = await page.locator(".ranking tr").allTextContents();
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain("Hạng");
    expect(rows.slice(1).join(" ")).toContain("xã Hoằng Phụ");
    expect(rows.slice(1).join(" ")).toContain("xã Quảng Ngọc");
    expect(await page.locator("#results section").first().getAttribute("class")).toBe("ranking");
  });

  test("with the example forms added, the pane shows their points, ranking and disputes in the summary's words", async () => {
    const sheets = await cliSheets(EXAMPLE_FORMS);
    const forms = sheets.filter((s) => s.name !== "Hướng dẫn");
    // what cds-grade's core path gives on the same file: the totals the pane must show
    const cli = gradeWorkbookWithForms(sheets).forms;
    for (const init of fakeSheetsOf(forms))
      await page.evaluate(
        (i) =>
          (window as unknown as { __fakeExcel: { addSheet(i: unknown): unknown } }).__fakeExcel.addSheet(i),
        JSON.parse(JSON.stringify(init)) as unknown,
      );
    await page.click("#refresh");
    await page.locator("#annex-count", { hasText: "Sổ có 2 biểu mẫu tự đánh giá bộ chỉ số." }).waitFor();
    await page.check('input[name="scope"][value="all"]');
    await page.click("#grade");
    const section = page.locator("#results section.forms");
    await section.waitFor({ state: "visible" });
    expect(await page.isVisible("#error")).toBe(false);
    expect(await section.locator("h2").textContent()).toBe("Bộ chỉ số: điểm tự chấm và điểm tính lại");
    expect(await section.locator("h3").first().textContent()).toBe(FORMS_SECTION.ranking);
    const rows = await section.locator("table").first().locator("tr").allTextContents();
    expect(rows).toHaveLength(3);
    for (const [i, e] of cli.ranking.entries()) {
      expect(rows[i + 1]).toContain(e.commune);
      expect(rows[i + 1]).toContain(formatNumber(e.points, 2));
      expect(rows[i + 1]).toContain(formatNumber(e.self, 2));
    }
    expect(await section.textContent()).toContain(FORMS_SECTION.disputes);
    expect(await section.textContent()).toContain(cli.disputes[0]!.id);
    expect(await section.locator(".form-result").count()).toBe(2);

    // a component above its maximum: its button selects the self-score cell of the form
    const b = cli.reports[1]!;
    const above = b.components.find((c) => c.code === "VUOT_DIEM_TOI_DA")!;
    await section
      .locator(".form-result", { hasText: b.name })
      .locator("button", { hasText: CHECK_LABELS.VUOT_DIEM_TOI_DA })
      .click();
    await page.waitForFunction(
      (sheet) =>
        (window as unknown as { __fakeExcel: { selection: { sheet: string } | null } }).__fakeExcel.selection
          ?.sheet === sheet,
      b.name,
    );
    expect(await fake("x.selection")).toEqual({ sheet: b.name, address: above.selfCell });
    expect(await fake(`x.value(${JSON.stringify(b.name)}, "G${above.row + 1}")`)).toBe(above.label);
    await section.screenshot({ path: FORMS_SCREENSHOT });
  });

  test("Tạo trang Bộ chỉ số adds the sheet once, then says the workbook has it", async () => {
    await page.click("#add-index");
    await page.locator("#notice", { hasText: `Đã tạo trang “${INDEX_SHEET}”` }).waitFor({ state: "visible" });
    expect(await fake(`x.sheet(${JSON.stringify(INDEX_SHEET)}) !== undefined`)).toBe(true);
    const before = await fake<string>(`JSON.stringify(x.snapshot(${JSON.stringify(INDEX_SHEET)}))`);
    await page.click("#add-index");
    await page.locator("#notice", { hasText: "add-in không ghi đè" }).waitFor({ state: "visible" });
    expect(await fake(`JSON.stringify(x.snapshot(${JSON.stringify(INDEX_SHEET)}))`)).toBe(before);
    // grading now reads the forms by the sheet
    await page.click("#grade");
    await page.locator("#notice", { hasText: "Đã chấm xong" }).waitFor({ state: "visible" });
    expect(await page.isVisible("#error")).toBe(false);
    expect(await page.locator("#results section.forms .form-result").count()).toBe(2);
  });

  test("no page error on the way", () => {
    expect(pageErrors).toEqual([]);
  });
});

// make sure the docs folder exists for the screenshot
mkdirSync(path.dirname(SCREENSHOT), { recursive: true });

/** the user agent of the Internet Explorer 11 webview Office uses on Windows (Trident) */
const IE11_OFFICE_UA =
  "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; .NET CLR 2.0.50727; .NET CLR 3.0.30729; .NET CLR 3.5.30729; ms-office; MSOffice 16)";
const DOCS_IE11 = path.join(ROOT, "docs", "excel-ie11.png");
const IE11_SCREENSHOT =
  process.env["UPDATE_SCREENSHOTS"] === "1" || !existsSync(DOCS_IE11)
    ? DOCS_IE11
    : path.join(ROOT, "test", "artifacts", "excel-ie11.png");

describeBrowser("the built task pane: unsupported Office, hidden start, missing requirement sets", () => {
  let server: http.Server | undefined;
  let browser: Browser | undefined;
  let fakeOffice = "";
  let base = "";

  beforeAll(async () => {
    const dist = ensureBuilt();
    fakeOffice = await bundleFakeOffice();
    server = await serve(dist);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  /** a fresh page with the fake office.js; `options` becomes window.__fakeOfficeOptions */
  async function open(options: object, userAgent?: string) {
    const context = await browser!.newContext({
      viewport: { width: 380, height: 700 },
      ...(userAgent ? { userAgent } : {}),
    });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    const errors: string[] = [];
    const requested: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("request", (r) => requested.push(new URL(r.url()).pathname));
    await page.addInitScript((o) => {
      (window as unknown as { __fakeOfficeOptions: object }).__fakeOfficeOptions = o;
    }, options);
    await page.route(OFFICE_JS, (route) =>
      route.fulfill({ status: 200, contentType: "application/javascript", body: fakeOffice }),
    );
    await page.goto(`${base}/taskpane.html`);
    return { page, errors, requested, close: () => context.close() };
  }

  const syncs = (page: Page): Promise<number> =>
    page.evaluate(() => (window as unknown as { __fakeExcel: { syncCount: number } }).__fakeExcel.syncCount);

  test("the page's own script before the bundles is plain ES5", () => {
    const html = readFileSync(path.join(ensureBuilt(), "taskpane.html"), "utf8");
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(inline).toHaveLength(1);
    const acorn = require("acorn") as { parse(code: string, o: object): unknown };
    expect(() => acorn.parse(inline[0]!, { ecmaVersion: 5 })).not.toThrow();
    // no bundle is named in a script tag of its own: only the loader adds them
    expect(html).not.toMatch(/<script[^>]*src=["']?(functions|taskpane)\.js/);
  });

  test("Internet Explorer 11 (Trident): the Vietnamese message, no bundle loaded, no error", async () => {
    const { page, errors, requested, close } = await open({}, IE11_OFFICE_UA);
    await page.locator("#unsupported-webview").waitFor({ state: "visible" });
    expect(await page.textContent("#unsupported-webview")).toContain(
      "Phiên bản Office này chưa hỗ trợ add-in Chấm điểm CĐS",
    );
    expect(await page.textContent("#unsupported-webview")).toContain("Microsoft Edge WebView2");
    expect(await page.isVisible("#status")).toBe(false);
    expect(await page.isVisible("#grade")).toBe(false);
    expect(requested.filter((p) => /\/(functions|taskpane)\.js$/.test(p))).toEqual([]);
    expect(errors).toEqual([]);
    mkdirSync(path.dirname(IE11_SCREENSHOT), { recursive: true });
    await page.screenshot({ path: IE11_SCREENSHOT, fullPage: true });
    await close();
  });

  test("started hidden (only for =CDS.DAT): no workbook read until the pane is shown, then a fresh read each time", async () => {
    const { page, errors, close } = await open({ hidden: true });
    await page.waitForFunction(() =>
      (window as unknown as { __customFunctions: Map<string, unknown> }).__customFunctions.has("DAT"),
    );
    await page.locator("#grade:not([disabled])").waitFor();
    expect(await syncs(page)).toBe(0);
    expect(await page.isVisible("#detected")).toBe(false);

    await page.evaluate(() => (window as unknown as { __showPane(v: boolean): void }).__showPane(true));
    await page.locator("#detected").waitFor({ state: "visible" });
    expect(await page.textContent("#active-sheet")).toBe(SHEET);
    const afterFirst = await syncs(page);
    expect(afterFirst).toBeGreaterThan(0);

    // hidden again, a sheet added meanwhile; shown again: read afresh
    await page.evaluate(() => (window as unknown as { __showPane(v: boolean): void }).__showPane(false));
    await page.evaluate(
      (init) =>
        (window as unknown as { __fakeExcel: { addSheet(i: unknown): unknown } }).__fakeExcel.addSheet(init),
      JSON.parse(JSON.stringify(annexSheet("Quảng Ngọc", "xã Quảng Ngọc"))) as unknown,
    );
    expect(await syncs(page)).toBe(afterFirst);
    await page.evaluate(() => (window as unknown as { __showPane(v: boolean): void }).__showPane(true));
    await page.locator("#annex-count", { hasText: "Sổ có 2 trang" }).waitFor();
    expect(errors).toEqual([]);
    await close();
  });

  test("a missing requirement set: said in Vietnamese with what it is for, nothing read", async () => {
    const { page, errors, close } = await open({ unsupported: ["ExcelApi 1.7"] });
    await page.locator("#status", { hasText: "thiếu chức năng" }).waitFor();
    const text = (await page.textContent("#status")) ?? "";
    expect(text).toContain("ExcelApi 1.7");
    expect(text).toContain("Excel trên web");
    expect(text).not.toContain("SharedRuntime");
    expect(await page.isDisabled("#grade")).toBe(true);
    expect(await syncs(page)).toBe(0);
    expect(errors).toEqual([]);
    await close();
  });
});
