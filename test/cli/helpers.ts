/**
 * Helpers for the CLI tests: build the bundle once, run it as a child process, compare workbooks cell by cell.
 */
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";

export const ROOT = path.resolve(__dirname, "..", "..");
export const CLI = path.join(ROOT, "dist", "cli", "cds-grade.js");
export const FIXTURES = path.join(ROOT, "test", "fixtures");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** builds dist/cli/cds-grade.js when it is missing or older than src/cli or shared (one builder at a time) */
export function ensureBuilt(): void {
  const stale = (): boolean =>
    !fs.existsSync(CLI) ||
    fs.statSync(CLI).mtimeMs <
      Math.max(newestMtime(path.join(ROOT, "src", "cli")), newestMtime(path.join(ROOT, "shared")));
  if (!stale()) return;
  const lock = path.join(os.tmpdir(), "cds-grade-cli-build.lock");
  for (let i = 0; ; i++) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      if (i > 600) throw new Error("timed out waiting for another CLI build");
      sleep(500);
      if (!stale()) return;
    }
  }
  try {
    if (!stale()) return;
    const r = spawnSync("npx", ["webpack", "--config", "webpack/cli.js", "--mode", "production"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    if (r.status !== 0) throw new Error(`CLI build failed:\n${r.stdout}\n${r.stderr}`);
  } finally {
    fs.rmdirSync(lock);
  }
}

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** runs the built CLI with `args` */
export function runBuiltCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: "utf8",
    env: { ...process.env, CDS_DEBUG: "", ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** a fresh temporary folder */
export function tempDir(prefix = "cds-cli-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** one cell as compared: its value (formula with cached result, rich text, …) and number format */
export interface CellSnapshot {
  readonly value: unknown;
  readonly numFmt: string | null;
}

/** every non-empty cell of every sheet, by sheet name then A1 address */
export async function snapshotWorkbook(file: string): Promise<Map<string, Map<string, CellSnapshot>>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheets = new Map<string, Map<string, CellSnapshot>>();
  for (const ws of workbook.worksheets) {
    const cells = new Map<string, CellSnapshot>();
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.value === null || cell.value === undefined) return;
        cells.set(cell.address, {
          value: JSON.parse(JSON.stringify(cell.value)),
          numFmt: cell.numFmt || null,
        });
      }),
    );
    sheets.set(ws.name, cells);
  }
  return sheets;
}

/**
 * The differences between the input's cells and the output's, ignoring the columns `ownFrom` onwards
 * on the sheets named in it (the add-in's own columns) and the summary sheet.
 */
export function originalCellDiffs(
  input: Map<string, Map<string, CellSnapshot>>,
  output: Map<string, Map<string, CellSnapshot>>,
  ownFrom: ReadonlyMap<string, number>,
): string[] {
  const diffs: string[] = [];
  const col = (address: string): number =>
    [...address.replace(/\d+$/, "")].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  for (const [sheet, cells] of input) {
    const out = output.get(sheet);
    if (!out) {
      diffs.push(`${sheet}: sheet missing`);
      continue;
    }
    const own = ownFrom.get(sheet) ?? Infinity;
    for (const [address, cell] of cells) {
      if (col(address) >= own) continue;
      const o = out.get(address);
      if (JSON.stringify(o) !== JSON.stringify(cell)) {
        diffs.push(`${sheet}!${address}: ${JSON.stringify(cell)} → ${JSON.stringify(o)}`);
      }
    }
    for (const [address, cell] of out) {
      if (col(address) < own && !cells.has(address))
        diffs.push(`${sheet}!${address}: added ${JSON.stringify(cell)}`);
    }
  }
  return diffs;
}

/** the conditional formats ExcelJS read from a sheet (the typings omit the property) */
export function conditionalFormatsOf(ws: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] {
  return (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
    .conditionalFormattings;
}

/** sheet → first own column (0-based), from the `Chấm CĐS` headers of a graded workbook */
export async function ownColumnsOf(file: string): Promise<Map<string, number>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const own = new Map<string, number>();
  for (const ws of workbook.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (typeof cell.value === "string" && cell.value.startsWith("Chấm CĐS")) {
          const col = Number(cell.col) - 1;
          own.set(ws.name, Math.min(own.get(ws.name) ?? Infinity, col));
        }
      }),
    );
  }
  return own;
}

/** the bytes' SHA-256, to prove a file was not touched */
export function sha256(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}
