/**
 * Entry of the `cds-grade` command (bundled to dist/cli/cds-grade.js).
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
