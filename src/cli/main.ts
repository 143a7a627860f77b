/**
 * Entry of the `cds-grade` command (bundled to dist/cli/cds-grade.js). The work runs in a worker thread
 * (worker.ts, dist/cli/cds-grade-worker.js) given the heap this process was given (`--max-old-space-size`,
 * or V8's default for the machine): when a workbook needs more, the worker is stopped and the user reads
 * what to do, instead of V8's crash report. This thread only starts the worker and waits: a small file
 * that loads neither ExcelJS nor the core.
 */
import * as path from "path";
import { getHeapStatistics } from "v8";
import { Worker } from "worker_threads";
import { inputOf } from "./args";
import { tooLarge } from "./memory";
import type { WorkerMessage } from "./worker";

const MB = 2 ** 20;

function launch(): void {
  const args = process.argv.slice(2);
  const limit = getHeapStatistics().heap_size_limit;
  const worker = new Worker(path.join(__dirname, "cds-grade-worker.js"), {
    workerData: { args },
    // a `--max-old-space-size` given to node caps the worker's heap as well (V8's flag wins)
    resourceLimits: { maxOldGenerationSizeMb: Math.floor(limit / MB) },
  });
  let code: number | undefined;
  worker.on("message", (message: WorkerMessage) => {
    if (typeof message !== "number") {
      (message.stream === "out" ? process.stdout : process.stderr).write(`${message.text}\n`);
      return;
    }
    // all has been said: this thread ends once its output is written, without waiting for the worker
    // to tear its heap down (a tenth of a second or more after a large workbook)
    code = message;
    process.exitCode = code;
    worker.unref();
  });
  worker.on("error", (err: Error & { code?: string }) => {
    if (err.code === "ERR_WORKER_OUT_OF_MEMORY") {
      const error = tooLarge(inputOf(args) ?? "tệp", limit);
      process.stderr.write(`Lỗi: ${error.vi} — ${error.en}\n`);
      for (const line of error.details) process.stderr.write(`  - ${line}\n`);
      code = 2;
      return;
    }
    process.stderr.write(`Lỗi nội bộ của cds-grade — Internal error: ${String(err)}\n`);
    code = 1;
  });
  worker.on("exit", () => {
    process.exitCode = code ?? 1;
  });
}

launch();
