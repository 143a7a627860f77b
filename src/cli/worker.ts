/**
 * The worker thread of `cds-grade` (bundled to dist/cli/cds-grade-worker.js, started by main.ts): runs the
 * command on the arguments it is given and sends back the exit code.
 */
import { parentPort, workerData } from "worker_threads";
import { runCli } from "./run";

const { args } = workerData as { args: string[] };
runCli(args).then(
  (code) => parentPort!.postMessage(code),
  (err: unknown) => {
    process.stderr.write(`Lỗi nội bộ của cds-grade — Internal error: ${String(err)}\n`);
    parentPort!.postMessage(1);
  },
);
