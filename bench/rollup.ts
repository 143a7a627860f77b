/**
 * Roll-up benchmark (issue #5): the 166-commune district workbook of bench/cli.ts graded and ranked by the
 * built `cds-grade`, and a folder of 166 one-annex files (one commune each, same generator) graded and ranked
 * into one roll-up workbook, against grading the same files one by one.
 *
 * "One by one" is measured honestly in one node process: dist/cli/cds-grade-api.js (the same runCli as
 * dist/cli/cds-grade.js) called for each file in turn, so both sides pay one node start-up and one module
 * load; that is the verdict (folder ≤ 1.3× one by one). The sum of 166 separate `cds-grade FILE` processes
 * (one pass) is printed for information only: each of them pays start-up and module load again.
 * Child processes, alternating, medians of RUNS; CPU is user + system from `/usr/bin/time -v`.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { addAnnexSheet } from "../scripts/annex-book";
import type { CommuneAnnex } from "../scripts/annex-data";
import { CLI, COMMUNES, communeAnnex, makeDistrictWorkbook, runChild, type RunFigures } from "./cli";
import { median } from "./stats";

const RUNS = 3;
const API = path.join(path.dirname(CLI), "cds-grade-api.js");
/** target: the folder costs at most this much over grading its files one by one */
export const FOLDER_RATIO_TARGET = 1.3;

/** one node process grading every .xlsx of a folder one by one with runCli; writes its own figures as JSON */
const ONE_BY_ONE_SCRIPT = `
const fs = require("fs");
const path = require("path");
const [api, dir, outDir, resultFile] = process.argv.slice(1);
const { runCli } = require(api);
const io = { out: (t) => process.stdout.write(t + "\\n"), err: (t) => process.stderr.write(t + "\\n"), debug: false };
(async () => {
  const names = fs.readdirSync(dir).filter((n) => n.endsWith(".xlsx")).sort();
  let ms = 0;
  let cpuMs = 0;
  for (const name of names) {
    const out = path.join(outDir, name.replace(/\\.xlsx$/, ".cham.xlsx"));
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    const code = await runCli([path.join(dir, name), "--out", out], io);
    const c = process.cpuUsage(c0);
    ms += Number(process.hrtime.bigint() - t0) / 1e6;
    cpuMs += (c.user + c.system) / 1000;
    if (code !== 0) throw new Error(name + ": exit " + code);
  }
  fs.writeFileSync(resultFile, JSON.stringify({ files: names.length, ms, cpuMs }));
})().catch((e) => { console.error(e); process.exit(1); });
`;

const FIRST = [
  "Hoằng",
  "Quảng",
  "Thiệu",
  "Đông",
  "Nga",
  "Hà",
  "Yên",
  "Vĩnh",
  "Thọ",
  "Triệu",
  "Xuân",
  "Minh",
  "Tân",
];
const SECOND = [
  "Phụ",
  "Ngọc",
  "Lộc",
  "Hòa",
  "Thành",
  "Sơn",
  "An",
  "Phú",
  "Hưng",
  "Tiến",
  "Lợi",
  "Long",
  "Trung",
];

/** bench/cli.ts's annex under a distinct commune name (a ranking needs one name per commune; "xã số 7" reads as "xã Số") */
function rollupAnnex(index: number): CommuneAnnex {
  const name = `xã ${FIRST[index % FIRST.length]!} ${SECOND[Math.floor(index / FIRST.length)]!}`;
  return { ...communeAnnex(index), commune: name };
}

/** writes one .xlsx per commune, one annex sheet each */
async function makeCommuneFolder(dir: string): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < COMMUNES; i++) {
    const workbook = new ExcelJS.Workbook();
    addAnnexSheet(workbook, rollupAnnex(i));
    await workbook.xlsx.writeFile(path.join(dir, `xa-${String(i + 1).padStart(3, "0")}.xlsx`));
  }
}

interface JsonRollupReport {
  readonly sheets: readonly unknown[];
  readonly rollup?: readonly { readonly commune: string; readonly rank: number }[];
}

/** checks a `--json` report: COMMUNES graded sheets, COMMUNES ranked communes, a competition ranking 1, 2, 2, 4 */
function checkRollup(file: string, what: string): void {
  const report = JSON.parse(fs.readFileSync(file, "utf8")) as JsonRollupReport;
  if (report.sheets.length !== COMMUNES)
    throw new Error(`${what}: ${report.sheets.length} trang, cần ${COMMUNES}`);
  const rollup = report.rollup ?? [];
  if (rollup.length !== COMMUNES) throw new Error(`${what}: xếp hạng ${rollup.length} xã, cần ${COMMUNES}`);
  if (new Set(rollup.map((e) => e.commune)).size !== COMMUNES) throw new Error(`${what}: tên xã trùng nhau`);
  const ranks = rollup.map((e) => e.rank).sort((a, b) => a - b);
  ranks.forEach((rank, i) => {
    if (!Number.isInteger(rank) || (rank !== i + 1 && rank !== ranks[i - 1])) {
      throw new Error(`${what}: hạng ${rank} ở vị trí ${i + 1} không hợp lệ`);
    }
  });
}

/** wall and CPU in ms */
export interface Cost {
  readonly ms: number;
  /** null without /usr/bin/time */
  readonly cpuMs: number | null;
}

export interface RollupBenchFigures {
  readonly communes: number;
  readonly runs: number;
  /** `cds-grade` on the 166-sheet workbook (one process), median */
  readonly workbook: Cost;
  /** `cds-grade FOLDER --out tong-hop.xlsx --json r.json` (one process), median */
  readonly folder: Cost;
  readonly folderPeakMiB: number | null;
  /** one node process grading the 166 files one by one (start-up and module load once), median */
  readonly oneByOne: Cost;
  readonly oneByOnePeakMiB: number | null;
  /** inside that process: the sum of the 166 runCli calls alone, median */
  readonly oneByOneCalls: Cost;
  /** the sum of 166 separate `cds-grade FILE --out …` processes, one pass (information only) */
  readonly perProcess: Cost;
}

const medianOf = (xs: readonly (number | null)[]): number | null =>
  xs.every((x) => x !== null) ? median(xs as number[]) : null;

const medianCost = (xs: readonly Cost[]): Cost => ({
  ms: median(xs.map((x) => x.ms)),
  cpuMs: medianOf(xs.map((x) => x.cpuMs)),
});

/** builds the workbook and the folder, times the three cases alternately, checks every report; throws when a check fails */
export async function runRollupBench(): Promise<RollupBenchFigures> {
  for (const f of [CLI, API]) {
    if (!fs.existsSync(f))
      throw new Error(`${path.relative(process.cwd(), f)} is missing: run npm run build`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cds-bench-rollup-"));
  try {
    const book = path.join(dir, "huyen-166-xa.xlsx");
    const folder = path.join(dir, "xa");
    const outDir = path.join(dir, "cham");
    fs.mkdirSync(outDir);
    await makeDistrictWorkbook(book, rollupAnnex);
    await makeCommuneFolder(folder);
    const bookJson = path.join(dir, "huyen.json");
    const folderJson = path.join(dir, "r.json");
    const result = path.join(dir, "one-by-one.json");

    const gradeBook = (): RunFigures =>
      runChild([CLI, book, "--out", path.join(dir, "huyen.cham.xlsx"), "--json", bookJson]);
    const gradeFolder = (): RunFigures =>
      runChild([CLI, folder, "--out", path.join(dir, "tong-hop.xlsx"), "--json", folderJson]);
    const oneByOne = (): { whole: RunFigures; calls: Cost } => {
      const whole = runChild(["-e", ONE_BY_ONE_SCRIPT, API, folder, outDir, result]);
      const r = JSON.parse(fs.readFileSync(result, "utf8")) as { files: number; ms: number; cpuMs: number };
      if (r.files !== COMMUNES) throw new Error(`chấm từng tệp: ${r.files} tệp, cần ${COMMUNES}`);
      return { whole, calls: { ms: r.ms, cpuMs: r.cpuMs } };
    };

    gradeBook();
    checkRollup(bookJson, "cds-grade trên tệp 166 trang");
    gradeFolder();
    checkRollup(folderJson, "cds-grade trên thư mục 166 tệp");
    oneByOne();
    const graded = fs.readdirSync(outDir).filter((n) => n.endsWith(".cham.xlsx")).length;
    if (graded !== COMMUNES) throw new Error(`chấm từng tệp: ${graded} bản chấm, cần ${COMMUNES}`);

    const books: RunFigures[] = [];
    const folders: RunFigures[] = [];
    const wholes: RunFigures[] = [];
    const calls: Cost[] = [];
    const oneByOneRun = (): void => {
      const r = oneByOne();
      wholes.push(r.whole);
      calls.push(r.calls);
    };
    for (let i = 0; i < RUNS; i++) {
      const order = [() => books.push(gradeBook()), () => folders.push(gradeFolder()), oneByOneRun];
      for (const step of i % 2 === 0 ? order : order.reverse()) step();
    }

    // for information: 166 separate processes, one pass (each pays node start-up and module load)
    let perProcessMs = 0;
    let perProcessCpu: number | null = 0;
    for (const name of fs.readdirSync(folder).sort()) {
      const r = runChild([CLI, path.join(folder, name), "--out", path.join(outDir, `p-${name}`)]);
      perProcessMs += r.ms;
      perProcessCpu = perProcessCpu === null || r.cpuMs === null ? null : perProcessCpu + r.cpuMs;
    }
    checkRollup(bookJson, "cds-grade trên tệp 166 trang");
    checkRollup(folderJson, "cds-grade trên thư mục 166 tệp");

    return {
      communes: COMMUNES,
      runs: RUNS,
      workbook: medianCost(books),
      folder: medianCost(folders),
      folderPeakMiB: medianOf(folders.map((x) => x.peakMiB)),
      oneByOne: medianCost(wholes),
      oneByOnePeakMiB: medianOf(wholes.map((x) => x.peakMiB)),
      oneByOneCalls: medianCost(calls),
      perProcess: { ms: perProcessMs, cpuMs: perProcessCpu },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** the roll-up figures in two lines: the verdict, then the figures for information */
export function formatRollupBench(f: RollupBenchFigures): string {
  const n = (x: number | null): string => (x === null ? "n/a" : Math.round(x).toLocaleString("en-US"));
  const cost = (c: Cost): string => `${n(c.ms)} / ${n(c.cpuMs)} ms`;
  const ratio = (a: number | null, b: number | null): string =>
    a === null || b === null ? "n/a" : `${(a / b).toFixed(2)}×`;
  const wall = f.folder.ms / f.oneByOne.ms;
  const cpu = f.folder.cpuMs !== null && f.oneByOne.cpuMs !== null ? f.folder.cpuMs / f.oneByOne.cpuMs : null;
  const met = wall <= FOLDER_RATIO_TARGET && (cpu === null || cpu <= FOLDER_RATIO_TARGET);
  const mib = (x: number | null): string => (x === null ? "n/a" : `${x.toFixed(0)} MiB`);
  return [
    `rollup (wall / CPU, medians of ${f.runs}, ${f.communes} sheets and ${f.communes} ranks checked): ` +
      `${f.communes}-sheet workbook ${cost(f.workbook)}; folder of ${f.communes} files → tong-hop.xlsx ${cost(f.folder)} ` +
      `vs the same files one by one in one node process ${cost(f.oneByOne)} = ${ratio(f.folder.ms, f.oneByOne.ms)} wall, ` +
      `${ratio(f.folder.cpuMs, f.oneByOne.cpuMs)} CPU (target ≤ ${FOLDER_RATIO_TARGET}×, ${met ? "ok" : "OVER TARGET"})`,
    `  for information: the ${f.communes} runCli calls alone ${cost(f.oneByOneCalls)}; ` +
      `${f.communes} separate cds-grade processes (one pass, each starts node) ${cost(f.perProcess)}, ` +
      `folder = ${ratio(f.folder.ms, f.perProcess.ms)} of that; peak RSS folder ${mib(f.folderPeakMiB)}, ` +
      `one by one ${mib(f.oneByOnePeakMiB)}`,
  ].join("\n");
}

if (require.main === module) {
  runRollupBench().then(
    (f) => console.log(formatRollupBench(f)),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
