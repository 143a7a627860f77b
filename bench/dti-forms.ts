/**
 * The points-based forms (issue 16 item 8): the core reading and checking 600 communes' forms of 50 components
 * (5 main indices of 10), each component a copy of one of the example's (rule, maximum, self-score, explanation),
 * so each must get the result its original gets in the small example; and `cds-grade` on a workbook of 166 forms
 * against plain ExcelJS read+write (child processes, alternating).
 * Run: `TS_NODE_TRANSPILE_ONLY=1 node --expose-gc -r ts-node/register bench/dti-forms.ts [--core]` after `npm run
 * build` (`--core`: the core line only).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { RawCell } from "../shared/types";
import { gradeWorkbookWithForms } from "../shared/dti";
import { formGrid, NONG_CONG, TRIEU_THANH } from "../scripts/form-data";
import { addFormSheet } from "../scripts/make-dti-example";
import { CLI, CLI_TIME_RATIO_TARGET, PLAIN_SCRIPT, runChild, type RunFigures } from "./cli";
import { median } from "./stats";

const COMMUNES = 600;
const INDICES = 5;
const PER_INDEX = 10;
const RUNS = 5;
const FORMS_IN_WORKBOOK = 166;
const CLI_RUNS = 3;

const DATA = [NONG_CONG, TRIEU_THANH];

/** the small example's component lines (with sub-rows) and the result each gets there */
function originals() {
  return DATA.map((data, d) => {
    const { values, rows } = formGrid(data, "bm01-2022");
    const report = gradeWorkbookWithForms([{ name: `x${d}`, grid: { values } }]).forms.reports[0]!;
    const ids = ["1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3"];
    return ids.map((id, k) => {
      const start = rows[id]!;
      const end = k + 1 < ids.length && rows[ids[k + 1]!]! - start <= 3 ? rows[ids[k + 1]!]! : start + 1;
      const block = values.slice(start, id === "1.3" ? start + 2 : end).map((r) => [...r]);
      return { block, code: report.components.find((c) => c.id === id)!.code };
    });
  });
}

/** one commune's form of 50 components and the result each must get */
function bigForm(i: number, pool: ReturnType<typeof originals>): { values: RawCell[][]; expected: string[] } {
  const data = DATA[i % 2]!;
  const small = formGrid(data, "bm01-2022").values;
  const headerAt = small.findIndex((r) => r[0] === "STT");
  const values: RawCell[][] = small.slice(0, headerAt + 3).map((r) => [...r]);
  const expected: string[] = [];
  const comps = pool[i % 2]!;
  for (let x = 1; x <= INDICES; x++) {
    values.push([String(x), `Chỉ số ${x}`, null, null, null, null]);
    for (let k = 1; k <= PER_INDEX; k++) {
      const o = comps[(x * 7 + k + i) % comps.length]!;
      o.block.forEach((r, j) => values.push(j === 0 ? [`${x}.${k}`, ...r.slice(1)] : [...r]));
      expected.push(o.code);
    }
  }
  return { values, expected };
}

export interface FormsCoreFigures {
  readonly forms: number;
  readonly components: number;
  readonly ms: number;
  /** user + system CPU of this process during the runs (median): less sensitive to other load than wall time */
  readonly cpuMs: number;
  readonly mismatches: number;
}

/** the core on 600 × 50 components; fresh grid copies per run */
export function runFormsCoreBench(): FormsCoreFigures {
  const pool = originals();
  const made = Array.from({ length: COMMUNES }, (_, i) => bigForm(i, pool));
  const text = JSON.stringify(made.map((m) => m.values));
  const times: number[] = [];
  const cpus: number[] = [];
  let mismatches = 0;
  let components = 0;
  for (let run = 0; run < RUNS + 2; run++) {
    const grids = (JSON.parse(text) as RawCell[][][]).map((values, i) => ({
      name: `Xã ${i}`,
      grid: { values },
    }));
    (globalThis as { gc?: () => void }).gc?.();
    const cpu = process.cpuUsage();
    const start = performance.now();
    const { forms } = gradeWorkbookWithForms(grids);
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    if (run >= 2) {
      times.push(ms);
      cpus.push((used.user + used.system) / 1000);
    }
    if (run === 0) {
      components = forms.reports.reduce((n, f) => n + f.components.length, 0);
      forms.reports.forEach((f, i) =>
        f.components.forEach((c, k) => {
          if (c.code !== made[i]!.expected[k]) mismatches++;
        }),
      );
      if (forms.reports.length !== COMMUNES) mismatches += COMMUNES - forms.reports.length;
    }
  }
  return { forms: COMMUNES, components, ms: median(times), cpuMs: median(cpus), mismatches };
}

export interface FormsCliFigures {
  readonly forms: number;
  readonly plainMs: number;
  readonly gradeMs: number;
  readonly plainCpuMs: number | null;
  readonly gradeCpuMs: number | null;
  readonly checked: number;
}

/** cds-grade on 166 forms against plain ExcelJS read+write */
export async function runFormsCliBench(): Promise<FormsCliFigures> {
  if (!fs.existsSync(CLI)) throw new Error("dist/cli/cds-grade.js is missing: run npm run build");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cds-bench-forms-"));
  try {
    const input = path.join(dir, "huyen-166-bieu-mau.xlsx");
    const workbook = new ExcelJS.Workbook();
    for (let i = 0; i < FORMS_IN_WORKBOOK; i++)
      addFormSheet(workbook, `Xã ${i + 1}`, DATA[i % 2]!, i % 3 === 0 ? "bm01-2023" : "bm01-2022");
    await workbook.xlsx.writeFile(input);
    const json = path.join(dir, "r.json");
    const plain = (): RunFigures => runChild(["-e", PLAIN_SCRIPT, input, path.join(dir, "plain.xlsx")]);
    const grade = (): RunFigures => runChild([CLI, input, "--out", path.join(dir, "g.xlsx"), "--json", json]);
    plain();
    grade();
    const plains: RunFigures[] = [];
    const grades: RunFigures[] = [];
    for (let i = 0; i < CLI_RUNS; i++) {
      const pair = i % 2 === 0 ? [plain, grade] : [grade, plain];
      for (const f of pair) (f === plain ? plains : grades).push(f());
    }
    const report = JSON.parse(fs.readFileSync(json, "utf8")) as { forms?: unknown[] };
    const cpu = (xs: RunFigures[]) =>
      xs.every((x) => x.cpuMs !== null) ? median(xs.map((x) => x.cpuMs!)) : null;
    return {
      forms: FORMS_IN_WORKBOOK,
      plainMs: median(plains.map((x) => x.ms)),
      gradeMs: median(grades.map((x) => x.ms)),
      plainCpuMs: cpu(plains),
      gradeCpuMs: cpu(grades),
      checked: report.forms?.length ?? 0,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function formatFormsBench(core: FormsCoreFigures, cli: FormsCliFigures | null): string {
  const r = (a: number | null, b: number | null) => (a && b ? `${(b / a).toFixed(2)}×` : "n/a");
  return [
    `dti core: ${core.forms} forms × ${INDICES * PER_INDEX} components read and checked (${core.components} checks, ` +
      `${core.mismatches} mismatches): ${core.ms.toFixed(0)} ms wall, ${core.cpuMs.toFixed(0)} ms CPU (median of ${RUNS})`,
    ...(cli === null
      ? []
      : [
          `dti cli: ${cli.forms} forms (${cli.checked} checked) vs plain ExcelJS read+write, ${CLI_RUNS} alternating runs: ` +
            `wall ${cli.gradeMs.toFixed(0)} vs ${cli.plainMs.toFixed(0)} ms = ${r(cli.plainMs, cli.gradeMs)}, ` +
            `CPU ${cli.gradeCpuMs?.toFixed(0) ?? "n/a"} vs ${cli.plainCpuMs?.toFixed(0) ?? "n/a"} ms = ` +
            `${r(cli.plainCpuMs, cli.gradeCpuMs)} (target ≤ ${CLI_TIME_RATIO_TARGET}×)`,
        ]),
  ].join("\n");
}

if (require.main === module) {
  const core = runFormsCoreBench();
  if (process.argv.includes("--core")) {
    console.log(formatFormsBench(core, null));
    if (core.mismatches > 0) process.exitCode = 1;
  } else
    runFormsCliBench().then(
      (cli) => {
        console.log(formatFormsBench(core, cli));
        if (core.mismatches > 0 || cli.checked !== FORMS_IN_WORKBOOK) process.exitCode = 1;
      },
      (e: unknown) => {
        console.error(e);
        process.exitCode = 1;
      },
    );
}
