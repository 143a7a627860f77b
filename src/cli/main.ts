/**
 * Entry of the `cds-grade` command (bundled to dist/cli/cds-grade.js). The work runs in a worker thread
 * given the heap this process was given (`--max-old-space-size`, or V8's default for the machine): when a
 * workbook needs more, the worker is stopped and the user reads what to do, instead of V8's crash report.
 * This thread only starts the worker and waits; it loads neither ExcelJS nor the core.
 */
import { getHeapStatistics } from "v8";
import { isMainThread, parentPort, Worker, workerData } from "worker_threads";

const MB = 2 ** 20;

function launch(): void {
  const args = process.argv.slice(2);
  const limit = getHeapStatistics().heap_size_limit;
  const worker = new Worker(__filename, {
    workerData: { args },
    // a `--max-old-space-size` given to node caps the worker's heap as well (V8's flag wins)
    resourceLimits: { maxOldGenerationSizeMb: Math.floor(limit / MB) },
  });
  let code: number | undefined;
  worker.on("message", (message: unknown) => {
    if (typeof message === "number") code = message;
  });
  worker.on("error", (err: Error & { code?: string }) => {
    if (err.code === "ERR_WORKER_OUT_OF_MEMORY") {
      // the messages are loaded only now: the worker is gone, its memory with it
      const { tooLarge } = require("./memory") as typeof import("./memory");
      const { inputOf } = require("./args") as typeof import("./args");
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

function work(): void {
  const { runCli } = require("./run") as typeof import("./run");
  const { args } = workerData as { args: string[] };
  runCli(args).then(
    (code) => parentPort!.postMessage(code),
    (err: unknown) => {
      process.stderr.write(`Lỗi nội bộ của cds-grade — Internal error: ${String(err)}\n`);
      parentPort!.postMessage(1);
    },
  );
}

if (isMainThread) launch();
else work();
