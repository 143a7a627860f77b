/**
 * Entry of the `cds-grade` command (bundled to dist/cli/cds-grade.js). The work runs in a child process
 * (child.ts, dist/cli/cds-grade-run.js) with the same heap as this one: the same `--max-old-space-size`
 * if node was given one (NODE_OPTIONS passes on by itself), else V8's default for the machine. When a
 * workbook needs more, V8 ends that process with its crash report ("Last few GCs … JavaScript heap out of
 * memory"): this process keeps the report from the user, removes the run's temporary files and says
 * instead what is too large and what to do. A worker thread would be cheaper but cannot promise it: V8
 * may abort the whole process before the worker is stopped (seen on the 20 MB workbook under a 1.25 GB
 * heap). This process loads neither ExcelJS nor the core; what it needs to explain a failure is loaded
 * only then.
 */
import { spawn } from "child_process";
import * as path from "path";

/** the first line of V8's report when a heap runs out */
const V8_REPORT = /\n?<--- Last few GCs --->|FATAL ERROR: .*JavaScript heap out of memory/;

/** node's heap flags given to this process, for the child (never `-e`, `-r` … which would run again) */
function heapFlags(): string[] {
  const flags: string[] = [];
  process.execArgv.forEach((arg, i) => {
    if (!/^--max-(old|semi)-space-size(=|$)/.test(arg)) return;
    flags.push(arg);
    const next = process.execArgv[i + 1];
    if (!arg.includes("=") && next !== undefined) flags.push(next);
  });
  return flags;
}

/** the files the run may be writing, to clean up after it when it was ended from outside */
function outputsOf(args: readonly string[]): string[] {
  const { parseArgs } = require("./args") as typeof import("./args");
  try {
    const options = parseArgs(args);
    return options.help ? [] : [options.out, ...(options.json !== undefined ? [options.json] : [])];
  } catch {
    return [];
  }
}

/** after the child was ended from outside or by V8: its temporary files removed, the user told why */
function explain(
  args: readonly string[],
  tag: string,
  text: string,
  report: number,
  signal: NodeJS.Signals | null,
): number {
  const { removeLeftovers } = require("./files") as typeof import("./files");
  for (const file of outputsOf(args)) removeLeftovers(file, tag);
  const before = (report < 0 ? text : text.slice(0, report)).trimEnd();
  if (before) process.stderr.write(`${before}\n`);
  if (report < 0 && signal !== "SIGKILL") {
    process.stderr.write(`cds-grade đã dừng (${signal}); chưa ghi gì. — Stopped (${signal}).\n`);
    return 130;
  }
  // V8's report, or the system ending the process when the machine itself ran out of memory
  const { tooLarge } = require("./memory") as typeof import("./memory");
  const { inputOf } = require("./args") as typeof import("./args");
  const { getHeapStatistics } = require("v8") as typeof import("v8");
  const error = tooLarge(
    inputOf(args) ?? "tệp",
    getHeapStatistics().heap_size_limit,
    undefined,
    signal === "SIGKILL",
  );
  process.stderr.write(`Lỗi: ${error.vi} — ${error.en}\n`);
  for (const line of error.details) process.stderr.write(`  - ${line}\n`);
  return 2;
}

function launch(): void {
  if (process.env.CDS_GRADE_RUN !== undefined) {
    // a launcher started by a run of cds-grade: never start one more
    process.stderr.write(
      "Lỗi nội bộ của cds-grade: bộ khởi động được gọi lại từ chính nó — Internal error.\n",
    );
    process.exitCode = 1;
    return;
  }
  const args = process.argv.slice(2);
  const tag = Math.floor(Math.random() * 2 ** 32)
    .toString(16)
    .padStart(8, "0");
  const child = spawn(process.execPath, [...heapFlags(), path.join(__dirname, "cds-grade-run.js"), ...args], {
    stdio: ["inherit", "inherit", "pipe"],
    env: { ...process.env, CDS_GRADE_RUN: tag },
  });
  // stderr is held until the end: a few lines (errors, CDS_DEBUG), unless V8 writes its report
  const errors: Buffer[] = [];
  child.stderr!.on("data", (chunk: Buffer) => errors.push(chunk));
  child.on("error", (err) => {
    process.stderr.write(`Lỗi nội bộ của cds-grade — Internal error: ${String(err)}\n`);
    process.exitCode = 1;
  });
  // a stop sent to this process (Ctrl-C reaches both) is passed on; this process stays to remove what the
  // child leaves behind
  const passOn = (signal: NodeJS.Signals): void => {
    child.kill(signal);
  };
  process.on("SIGINT", passOn);
  process.on("SIGTERM", passOn);
  process.on("SIGHUP", passOn);
  child.on("close", (code, signal) => {
    const text = Buffer.concat(errors).toString("utf8");
    const report = text.search(V8_REPORT);
    if (report < 0 && signal === null) {
      process.stderr.write(text);
      process.exitCode = code ?? 1;
      return;
    }
    process.exitCode = explain(args, tag, text, report, signal);
  });
}

launch();
