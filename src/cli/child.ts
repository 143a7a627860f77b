/**
 * The process that does cds-grade's work (bundled to dist/cli/cds-grade-run.js, started by main.ts with
 * node's own flags): runs the command on its arguments and exits with its code.
 */
import { runCli } from "./run";

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`Lỗi nội bộ của cds-grade — Internal error: ${String(err)}\n`);
    process.exitCode = 1;
  },
);
