/**
 * Outputs Excel opens without repair: every file cds-grade writes is a sound package (relationships,
 * content types, one conditional-format priority per rule on a sheet), also from inputs ExcelJS reads but
 * writes wrongly by itself (no theme part, as LibreOffice saves); the added columns have widths; an .xlsm
 * gives an .xlsx said to carry no macros; and LibreOffice, a reader independent of ExcelJS, reads every
 * sheet of every output back to the same cells.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCli, type CliIo } from "../../src/cli/run";
import { gridFromWorksheet } from "../../src/cli/read";
import { OWN_HEADERS, STATUS_LABELS, SUMMARY_SHEET } from "../../shared/labels";
import { asMacroWorkbook, withoutTheme } from "../../scripts/packages";
import { FIXTURES, ROOT, sha256, tempDir } from "./helpers";
import { cfPriorities, packageProblems, worksheetXml } from "./package-check";
import { convertWithLibreOffice } from "./libreoffice";

const EXAMPLE = path.join(ROOT, "examples", "phu-luc-mau.xlsx");
const HOANG_PHU = path.join(FIXTURES, "hoang-phu-2023.xlsx");
const QUANG_NGOC = path.join(FIXTURES, "quang-ngoc-2023.xlsx");

function io(): CliIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (t) => lines.push(t), err: (t) => errors.push(t), debug: false };
}

async function grade(args: string[]): Promise<{ lines: string[] }> {
  const run = io();
  const code = await runCli(args, run);
  expect(run.errors).toEqual([]);
  expect(code).toBe(0);
  return { lines: run.lines };
}

const dir = tempDir("cds-package-");
/** every output of this file's runs, by what it is */
const outputs = new Map<string, string>();

/** the Hoằng Phụ fixture with a user's own conditional format on the annex sheet (priority 1) */
async function withUserRule(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(HOANG_PHU);
  workbook.worksheets[0]!.addConditionalFormatting({
    ref: "E7:E60",
    rules: [
      {
        type: "cellIs",
        operator: "lessThan",
        formulae: ["0.5"],
        priority: 1,
        style: { font: { color: { argb: "FFFF0000" } } },
      },
    ],
  });
  const file = path.join(dir, "co-quy-tac.xlsx");
  await workbook.xlsx.writeFile(file);
  return file;
}

beforeAll(async () => {
  const themeless = path.join(dir, "khong-theme.xlsx");
  fs.writeFileSync(themeless, await withoutTheme(fs.readFileSync(HOANG_PHU)));
  const macro = path.join(dir, "co-macro.xlsm");
  fs.writeFileSync(macro, await asMacroWorkbook(fs.readFileSync(HOANG_PHU)));
  const [libre] = convertWithLibreOffice([EXAMPLE], "xlsx");
  const fromLibre = path.join(dir, "tu-libreoffice.xlsx");
  fs.copyFileSync(libre!, fromLibre);

  const out = (name: string): string => path.join(dir, `${name}.cham.xlsx`);
  await grade([EXAMPLE, "--out", out("vi-du")]);
  outputs.set("example", out("vi-du"));
  await grade([themeless]);
  outputs.set("no theme", out("khong-theme"));
  await grade([fromLibre]);
  outputs.set("saved by LibreOffice", out("tu-libreoffice"));
  const macroRun = await grade([macro]);
  outputs.set("macro", out("co-macro"));
  macroLines.push(...macroRun.lines);
  await grade([await withUserRule()]);
  outputs.set("user rule", out("co-quy-tac"));
  await grade([out("co-quy-tac"), "--out", out("cham-lai")]);
  outputs.set("re-graded", out("cham-lai"));
  const folder = path.join(dir, "thu-muc");
  fs.mkdirSync(folder);
  for (const f of [HOANG_PHU, QUANG_NGOC]) fs.copyFileSync(f, path.join(folder, path.basename(f)));
  await grade([folder, "--out", path.join(dir, "tong-hop.xlsx")]);
  outputs.set("folder roll-up", path.join(dir, "tong-hop.xlsx"));
  await grade(["--export-set", "tt-xa-2023", path.join(dir, "bo-tieu-chi.xlsx")]);
  outputs.set("exported set", path.join(dir, "bo-tieu-chi.xlsx"));
}, 240_000);

const macroLines: string[] = [];

describe("every output is a sound package", () => {
  test.each([
    "example",
    "no theme",
    "saved by LibreOffice",
    "macro",
    "user rule",
    "re-graded",
    "folder roll-up",
    "exported set",
  ])("%s", async (what) => {
    expect(await packageProblems(outputs.get(what)!)).toEqual([]);
  });

  test("the check finds what ExcelJS alone writes from a theme-less input", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dir, "khong-theme.xlsx"));
    const plain = path.join(dir, "exceljs-thuan.xlsx");
    await workbook.xlsx.writeFile(plain);
    expect(await packageProblems(plain)).toEqual([
      "content-type override names a missing part: /xl/theme/theme1.xml",
      "xl/_rels/workbook.xml.rels: relationship rId2 to a missing part xl/theme/theme1.xml",
    ]);
  });
});

describe("conditional formats and widths", () => {
  test("the user's rule keeps its priority, the status rules come after it, on grading and re-grading", async () => {
    for (const what of ["user rule", "re-graded"]) {
      const sheets = await worksheetXml(outputs.get(what)!);
      const priorities = cfPriorities(sheets.get("Hoằng Phụ")!);
      expect(priorities).toHaveLength(1 + Object.keys(STATUS_LABELS).length);
      expect(new Set(priorities).size).toBe(priorities.length);
      expect(priorities[0]).toBe(1);
    }
  });

  test("the summary sheet's rules have one priority each", async () => {
    for (const what of ["example", "folder roll-up"]) {
      for (const [name, xml] of await worksheetXml(outputs.get(what)!)) {
        const priorities = cfPriorities(xml);
        expect({ name, repeated: priorities.length - new Set(priorities).size }).toEqual({
          name,
          repeated: 0,
        });
      }
    }
  });

  test("the two added columns are wide enough for their headers and every status label", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(outputs.get("example")!);
    for (const name of ["Hoằng Phụ", "Bắc Sơn"]) {
      const ws = workbook.getWorksheet(name)!;
      let col = 0;
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.value === OWN_HEADERS[0]) col = Number(cell.col);
        }),
      );
      expect(col).toBeGreaterThan(0);
      const status = ws.getColumn(col).width ?? 0;
      const reason = ws.getColumn(col + 1).width ?? 0;
      const longest = Math.max(...[OWN_HEADERS[0]!, ...Object.values(STATUS_LABELS)].map((t) => t.length));
      expect(status).toBeGreaterThanOrEqual(longest);
      expect(reason).toBeGreaterThanOrEqual(OWN_HEADERS[1]!.length);
    }
  });
});

describe("a macro workbook (.xlsm)", () => {
  test("is graded into .cham.xlsx, an .xlsx inside, with a Vietnamese note that macros are not carried", async () => {
    const out = outputs.get("macro")!;
    expect(path.basename(out)).toBe("co-macro.cham.xlsx");
    expect(fs.existsSync(path.join(dir, "co-macro.cham.xlsm"))).toBe(false);
    expect(await packageProblems(out)).toEqual([]);
    expect(macroLines.join("\n")).toMatch(/có macro.*bản đã chấm .*không mang theo macro/);
  });
});

describe("LibreOffice reads every output back to the same cells", () => {
  /** a cell as both readers should agree on it (LibreOffice keeps no cell for an empty text) */
  const norm = (v: unknown): unknown =>
    v instanceof Date
      ? Math.round(v.getTime() / 1000)
      : typeof v === "number"
        ? Number(v.toPrecision(12))
        : v === ""
          ? null
          : v;

  test("every sheet, every cell", async () => {
    const ours = [...outputs.values()];
    const before = ours.map(sha256);
    const theirs = convertWithLibreOffice(ours, "xlsx");
    expect(ours.map(sha256)).toEqual(before);
    for (let i = 0; i < ours.length; i++) {
      const a = new ExcelJS.Workbook();
      await a.xlsx.readFile(ours[i]!);
      const b = new ExcelJS.Workbook();
      await b.xlsx.readFile(theirs[i]!);
      expect(b.worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
      for (const ws of a.worksheets) {
        const mine = gridFromWorksheet(ws).values.map((r) => r.map(norm));
        const lo = gridFromWorksheet(b.getWorksheet(ws.name)!).values.map((r) => r.map(norm));
        const diffs: string[] = [];
        const rows = Math.max(mine.length, lo.length);
        for (let r = 0; r < rows; r++) {
          const cols = Math.max(mine[r]?.length ?? 0, lo[r]?.length ?? 0);
          for (let c = 0; c < cols; c++) {
            const x = mine[r]?.[c] ?? null;
            const y = lo[r]?.[c] ?? null;
            if (JSON.stringify(x) !== JSON.stringify(y))
              diffs.push(`${ws.name}!R${r + 1}C${c + 1}: ${JSON.stringify(x)} ≠ ${JSON.stringify(y)}`);
          }
        }
        expect({ file: path.basename(ours[i]!), diffs: diffs.slice(0, 10) }).toEqual({
          file: path.basename(ours[i]!),
          diffs: [],
        });
      }
    }
  }, 240_000);
});

describe("the summary sheet's layout, as written and as LibreOffice reads it back", () => {
  /** what a reader of the summary sheet sees of its layout */
  async function layoutOf(file: string) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const ws = workbook.getWorksheet(SUMMARY_SHEET)!;
    const header = ws.getColumn(1).values.findIndex((v) => v === "Hạng");
    const row = ws.getRow(header);
    const shareCol = (row.values as unknown[]).indexOf("Tỷ lệ đạt");
    const share = ws.getRow(header + 1).getCell(shareCol);
    return {
      frozen: ws.views.map((v) => [v.state, (v as { ySplit?: number }).ySplit]),
      page: {
        orientation: ws.pageSetup.orientation,
        paperSize: ws.pageSetup.paperSize,
        fitToPage: ws.pageSetup.fitToPage,
        fitToWidth: ws.pageSetup.fitToWidth,
        fitToHeight: ws.pageSetup.fitToHeight,
        printTitlesRow: ws.pageSetup.printTitlesRow?.replace(/\$/g, ""),
      },
      header: { bold: row.getCell(2).font?.bold, wrap: row.getCell(2).alignment?.wrapText },
      bordered: ["top", "left", "bottom", "right"].every(
        (side) => ws.getRow(header + 1).getCell(2).border?.[side as "top"]?.style === "thin",
      ),
      share: { type: typeof share.value, format: share.numFmt },
      nameColumnWider: (ws.getColumn(2).width ?? 0) > (ws.getColumn(5).width ?? 0),
    };
  }

  test("tables bordered and wrapped, shares as percentages, title frozen, A4 landscape one page wide", async () => {
    const ours = outputs.get("folder roll-up")!;
    const expected = {
      frozen: [["frozen", 2]],
      page: {
        orientation: "landscape",
        paperSize: 9,
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: "1:2",
      },
      header: { bold: true, wrap: true },
      bordered: true,
      share: { type: "number", format: "0.0%" },
      nameColumnWider: true,
    };
    expect(await layoutOf(ours)).toEqual(expected);
    const [theirs] = convertWithLibreOffice([ours], "xlsx");
    const back = await layoutOf(theirs!);
    // LibreOffice headless keeps no view (no frozen pane) and writes fitToPage="true", which ExcelJS does
    // not read; the rest comes back as written
    expect({ ...back, frozen: expected.frozen, page: { ...back.page, fitToPage: true } }).toEqual(expected);
    const xml = (await worksheetXml(theirs!)).get(SUMMARY_SHEET)!;
    expect(xml).toMatch(/<pageSetUpPr fitToPage="(1|true)"\/>/);
  }, 120_000);
});
