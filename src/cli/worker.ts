/**
 * The worker thread of `cds-grade` (bundled to dist/cli/cds-grade-worker.js, started by main.ts): runs the
 * command on the arguments it is given. What it prints and then its exit code go to the launcher as
 * messages on one port, so they arrive in order and the launcher knows when all has been said.
 */
import { parentPort, workerData } from "worker_threads";
import { runCli, type CliIo } from "./run";

/** one message of the worker: a line for stdout or stderr, or the exit code at the end */
export type WorkerMessage = { readonly stream: "out" | "err"; readonly text: string } | number;

const port = parentPort!;
const say = (message: WorkerMessage): void => port.postMessage(message);
const io: CliIo = {
  out: (text) => say({ stream: "out", text }),
  err: (text) => say({ stream: "err", text }),
  debug: process.env.CDS_DEBUG === "1",
};
const { args } = workerData as { args: string[] };
runCli(args, io).then(say, (err: unknown) => {
  say({ stream: "err", text: `Lỗi nội bộ của cds-grade — Internal error: ${String(err)}` });
  say(1);
});
