/**
 * CLI benchmark: a district workbook of 166 commune annexes, one sheet each (figures varied from the
 * Hoằng Phụ annex), read and written by plain ExcelJS versus graded by the built `cds-grade`.
 * Both sides run as child processes, alternating, medians of RUNS each; peak memory is the child's
 * maximum resident set size from `/usr/bin/time -v`. Checks that 166 sheets were graded.
 * Then the large workbook (scripts/large-workbook.ts: an annex and two data sheets of 172,000 rows,
 * about 20 MB): one run of each side, and cds-grade under a 1 GB heap, which must end with words.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { HOANG_PHU } from "../scripts/annex-data";
import type { AnnexLine, CommuneAnnex } from "../scripts/annex-data";
import { addAnnexSheet } from "../scripts/annex-book";
import { LARGE_DATA_ROWS, writeLargeWorkbook } from "../scripts/large-workbook";
import { median, rng } from "./stats";

export const COMMUNES = 166;
const RUNS = 5;
const ROOT = path.join(__dirname, "..");
export const CLI = path.join(ROOT, "dist", "cli", "cds-grade.js");
const TIME = "/usr/bin/time";
/** targets: grading costs at most this much over a plain ExcelJS read and write */
export const CLI_TIME_RATIO_TARGET = 1.3;
export const CLI_MEMORY_RATIO_TARGET = 2;

/** plain ExcelJS: read the workbook, write it back */
/** plain ExcelJS: read the workbook and write it back, what any tool on .xlsx must do at least */
export const PLAIN_SCRIPT = `
const ExcelJS = require("exceljs");
const [input, output] = process.argv.slice(1);
const wb = new ExcelJS.Workbook();
wb.xlsx.readFile(input).then(() => wb.xlsx.writeFile(output)).catch((e) => { console.error(e); process.exit(1); });
`;

/** the Hoằng Phụ annex with percentages moved up or down a little per commune */
export function communeAnnex(index: number): CommuneAnnex {
  const random = rng(index + 1);
  const lines: AnnexLine[] = HOANG_PHU.lines.map((line) => {
    const v = line.result.value;
    if (typeof v !== "number" || !line.result.format) return line;
    const moved = Math.max(0, Math.min(1, v + (random() - 0.6) * 0.3));
    return { ...line, result: { value: Math.round(moved * 1000) / 1000, format: line.result.format } };
  });
  return {
    ...HOANG_PHU,
    sheet: `Xã ${String(index + 1).padStart(3, "0")}`,
    commune: `xã số ${index + 1}`,
    lines,
  };
}

/** writes the 166-sheet workbook, one sheet per `annexOf(i)` */
export async function makeDistrictWorkbook(
  file: string,
  annexOf: (index: number) => CommuneAnnex = communeAnnex,
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (let i = 0; i < COMMUNES; i++) addAnnexSheet(workbook, annexOf(i));
  await workbook.xlsx.writeFile(file);
}

export interface RunFigures {
  readonly ms: number;
  /** user + system CPU time in ms (less sensitive to other load on the machine), null without /usr/bin/time */
  readonly cpuMs: number | null;
  /** peak resident set size in MiB, null when /usr/bin/time is not there */
  readonly peakMiB: number | null;
}

/** runs `node ...args` (under `/usr/bin/time -v` when present); throws when the child fails */
export function runChild(args: readonly string[]): RunFigures {
  const { figures, status, stderr } = runChildAnyway(args);
  if (status !== 0) throw new Error(`child failed (${status}): ${stderr.slice(-2000)}`);
  return figures;
}

/** runs `node ...args` like runChild, also when it fails: the figures, its exit status and its stderr */
function runChildAnyway(args: readonly string[]): {
  figures: RunFigures;
  status: number | null;
  stderr: string;
} {
  const withTime = fs.existsSync(TIME);
  const start = process.hrtime.bigint();
  const r = withTime
    ? spawnSync(TIME, ["-v", process.execPath, ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 })
    : spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? "");
  const user = /User time \(seconds\): ([\d.]+)/.exec(r.stderr ?? "");
  const system = /System time \(seconds\): ([\d.]+)/.exec(r.stderr ?? "");
  const cpuMs = user && system ? (Number(user[1]) + Number(system[1])) * 1000 : null;
  const stderr = withTime
    ? r.stderr.slice(0, r.stderr.search(/\n?\s*Command (being timed|exited)/))
    : r.stderr;
  return { figures: { ms, cpuMs, peakMiB: kb ? Number(kb[1]) / 1024 : null }, status: r.status, stderr };
}

export interface CliBenchFigures {
  readonly communes: number;
  readonly runs: number;
  readonly inputKiB: number;
  readonly plainMs: number;
  readonly gradeMs: number;
  readonly plainCpuMs: number | null;
  readonly gradeCpuMs: number | null;
  readonly plainPeakMiB: number | null;
  readonly gradePeakMiB: number | null;
  readonly gradedSheets: number;
  readonly gradedRows: number;
}

/** builds the workbook, times both sides alternately, checks the graded count; throws when a check fails */
export async function runCliBench(): Promise<CliBenchFigures> {
  if (!fs.existsSync(CLI)) throw new Error("dist/cli/cds-grade.js is missing: run npm run build");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cds-bench-"));
  try {
    const input = path.join(dir, "huyen-166-xa.xlsx");
    await makeDistrictWorkbook(input);
    const plainOut = path.join(dir, "plain.xlsx");
    const gradeOut = path.join(dir, "graded.xlsx");
    const json = path.join(dir, "report.json");
    const plain = (): RunFigures => runChild(["-e", PLAIN_SCRIPT, input, plainOut]);
    const grade = (): RunFigures => runChild([CLI, input, "--out", gradeOut, "--json", json]);
    plain();
    grade();
    const plains: RunFigures[] = [];
    const grades: RunFigures[] = [];
    for (let i = 0; i < RUNS; i++) {
      if (i % 2 === 0) {
        plains.push(plain());
        grades.push(grade());
      } else {
        grades.push(grade());
        plains.push(plain());
      }
    }
    const report = JSON.parse(fs.readFileSync(json, "utf8")) as { sheets: { rows: unknown[] }[] };
    const gradedSheets = report.sheets.length;
    const gradedRows = report.sheets.reduce((n, s) => n + s.rows.length, 0);
    if (gradedSheets !== COMMUNES) throw new Error(`cds-grade chấm ${gradedSheets} trang, cần ${COMMUNES}`);
    if (gradedRows !== COMMUNES * HOANG_PHU.lines.length) {
      throw new Error(`cds-grade chấm ${gradedRows} dòng, cần ${COMMUNES * HOANG_PHU.lines.length}`);
    }
    const peak = (xs: RunFigures[]): number | null =>
      xs.every((x) => x.peakMiB !== null) ? median(xs.map((x) => x.peakMiB!)) : null;
    const cpu = (xs: RunFigures[]): number | null =>
      xs.every((x) => x.cpuMs !== null) ? median(xs.map((x) => x.cpuMs!)) : null;
    return {
      communes: COMMUNES,
      runs: RUNS,
      inputKiB: fs.statSync(input).size / 1024,
      plainMs: median(plains.map((x) => x.ms)),
      gradeMs: median(grades.map((x) => x.ms)),
      plainCpuMs: cpu(plains),
      gradeCpuMs: cpu(grades),
      plainPeakMiB: peak(plains),
      gradePeakMiB: peak(grades),
      gradedSheets,
      gradedRows,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** a compact table of the CLI figures */
export function formatCliBench(f: CliBenchFigures): string {
  const timeRatio = f.gradeMs / f.plainMs;
  const memRatio = f.plainPeakMiB && f.gradePeakMiB ? f.gradePeakMiB / f.plainPeakMiB : null;
  const cpuRatio = f.plainCpuMs && f.gradeCpuMs ? f.gradeCpuMs / f.plainCpuMs : null;
  const ms = (x: number | null): string => (x === null ? "n/a" : `${x.toFixed(0)} ms`);
  const mib = (x: number | null): string => (x === null ? "n/a" : `${x.toFixed(0)} MiB`);
  const ok = (ratio: number | null, target: number): string =>
    ratio === null ? "n/a" : `${ratio.toFixed(2)}× (target ≤ ${target}×, ${ratio <= target ? "ok" : "OVER"})`;
  const rows = [
    ["", "plain ExcelJS read+write", "cds-grade", "ratio"],
    ["wall time (median)", ms(f.plainMs), ms(f.gradeMs), ok(timeRatio, CLI_TIME_RATIO_TARGET)],
    ["CPU user+sys (median)", ms(f.plainCpuMs), ms(f.gradeCpuMs), ok(cpuRatio, CLI_TIME_RATIO_TARGET)],
    ["peak RSS (median)", mib(f.plainPeakMiB), mib(f.gradePeakMiB), ok(memRatio, CLI_MEMORY_RATIO_TARGET)],
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const lines = rows.map((r) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join("  ")
      .trimEnd(),
  );
  return [
    `cli: ${f.communes} commune sheets (${f.inputKiB.toFixed(0)} KiB), ${f.runs} alternating runs per side, child processes; ` +
      `graded ${f.gradedSheets} sheets / ${f.gradedRows} rows (checked)`,
    ...lines.map((l) => `  ${l}`),
  ].join("\n");
}

export interface LargeBenchFigures {
  readonly inputMiB: number;
  readonly dataRows: number;
  readonly plain: RunFigures;
  readonly grade: RunFigures;
  /** cds-grade under `--max-old-space-size=1024`: how long until it ended, and its first line */
  readonly smallHeap: { readonly ms: number; readonly status: number | null; readonly message: string };
}

/**
 * The 20 MB workbook: plain ExcelJS read+write and cds-grade once each (each takes a minute or more),
 * then cds-grade with a 1 GB heap, which must exit 2 with the Vietnamese message, never V8's report.
 * Checks that the annex was graded and the two data sheets skipped.
 */
export async function runLargeBench(): Promise<LargeBenchFigures> {
  if (!fs.existsSync(CLI)) throw new Error("dist/cli/cds-grade.js is missing: run npm run build");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cds-bench-large-"));
  try {
    const input = path.join(dir, "ho-dan-20mb.xlsx");
    await writeLargeWorkbook(input);
    const json = path.join(dir, "report.json");
    const plain = runChild(["-e", PLAIN_SCRIPT, input, path.join(dir, "plain.xlsx")]);
    const grade = runChild([CLI, input, "--out", path.join(dir, "graded.xlsx"), "--json", json]);
    const report = JSON.parse(fs.readFileSync(json, "utf8")) as { sheets: unknown[]; skipped: unknown[] };
    if (report.sheets.length !== 1 || report.skipped.length !== 2)
      throw new Error(
        `cds-grade chấm ${report.sheets.length} trang, bỏ qua ${report.skipped.length}: cần 1 và 2`,
      );
    const low = runChildAnyway([
      "--max-old-space-size=1024",
      CLI,
      input,
      "--out",
      path.join(dir, "low.xlsx"),
    ]);
    const message = low.stderr.split("\n")[0] ?? "";
    if (low.status !== 2 && low.status !== 0)
      throw new Error(`1 GB heap: exit ${low.status}: ${low.stderr.slice(0, 2000)}`);
    if (/FATAL ERROR|Last few GCs/.test(low.stderr))
      throw new Error(`1 GB heap: V8's report:\n${low.stderr.slice(0, 2000)}`);
    if (low.status === 2 && !/^Lỗi: Tệp ".*" quá lớn so với bộ nhớ hiện có/.test(message))
      throw new Error(`1 GB heap: unexpected message: ${message}`);
    return {
      inputMiB: fs.statSync(input).size / 2 ** 20,
      dataRows: LARGE_DATA_ROWS,
      plain,
      grade,
      smallHeap: { ms: low.figures.ms, status: low.status, message },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** the large workbook's lines */
export function formatLargeBench(f: LargeBenchFigures): string {
  const s = (x: RunFigures): string =>
    `${(x.ms / 1000).toFixed(1)} s wall, ${x.cpuMs === null ? "n/a" : `${(x.cpuMs / 1000).toFixed(1)} s`} CPU, ` +
    `peak RSS ${x.peakMiB === null ? "n/a" : `${x.peakMiB.toFixed(0)} MiB`}`;
  const ratio = (a: number | null, b: number | null): string => (a && b ? `${(a / b).toFixed(2)}×` : "n/a");
  return [
    `cli large: ${f.inputMiB.toFixed(1)} MiB workbook (an annex + 2 × ${f.dataRows.toLocaleString("en")} rows), one run each; annex graded, 2 data sheets skipped (checked)`,
    `  plain ExcelJS read+write  ${s(f.plain)}`,
    `  cds-grade                 ${s(f.grade)}  (wall ${ratio(f.grade.ms, f.plain.ms)}, CPU ${ratio(f.grade.cpuMs, f.plain.cpuMs)}, memory ${ratio(f.grade.peakMiB, f.plain.peakMiB)})`,
    `  cds-grade, 1 GB heap      exit ${f.smallHeap.status} after ${(f.smallHeap.ms / 1000).toFixed(1)} s: ${f.smallHeap.message.slice(0, 160)}`,
  ].join("\n");
}

if (require.main === module) {
  const large = process.argv.includes("--large");
  (large ? runLargeBench().then(formatLargeBench) : runCliBench().then(formatCliBench)).then(
    (text) => console.log(text),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
