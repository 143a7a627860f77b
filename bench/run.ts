/**
 * `npm run bench`: the core roll-up benchmark (bench/core.ts), then the CLI against plain ExcelJS
 * (bench/cli.ts). Prints every figure; exits 1 when a result check fails.
 */
import { formatCoreBench, runCoreBench } from "./core";
import { formatCliBench, runCliBench } from "./cli";

async function main(): Promise<void> {
  console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
  const core = await runCoreBench();
  console.log(formatCoreBench(core));
  const cli = await runCliBench();
  console.log(formatCliBench(cli));
  if (core.mismatches > 0) {
    console.error(`core: ${core.mismatches} rows graded differently from the generator's expectation`);
    process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
