/**
 * Regenerates the golden files under test/fixtures/golden/ from the cli, built first from the current sources:
 * the JSON report and the own columns of each fixture that grades, and the exit code and message of
 * each bad input that does not. Tests never write goldens; review the diff before committing.
 * Run: npx ts-node --transpile-only scripts/update-goldens.ts
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { GOLDEN_DIR, goldenPaths, readOwnCells } from "./golden-io";

const ROOT = path.join(__dirname, "..");
const CLI = path.join(ROOT, "dist", "cli", "cds-grade.js");
const FIXTURES = path.join(ROOT, "test", "fixtures");

/** inputs with goldens: the golden annexes and every committed bad input */
export function goldenInputs(): string[] {
  const good = fs.readdirSync(FIXTURES).filter((f) => f.endsWith(".xlsx"));
  const bad = fs.readdirSync(path.join(FIXTURES, "bad")).map((f) => path.join("bad", f));
  return [...good, ...bad].sort();
}

async function main(): Promise<void> {
  // build the CLI from the current sources so the goldens match them
  const build = spawnSync("npx", ["webpack", "--config", "webpack/cli.js", "--mode", "production"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (build.status !== 0 || !fs.existsSync(CLI))
    throw new Error(`CLI build failed:\n${build.stdout}${build.stderr}`);
  fs.mkdirSync(GOLDEN_DIR, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cds-golden-"));
  const failures: Record<string, { code: number | null; stderr: string }> = {};
  for (const input of goldenInputs()) {
    const out = path.join(tmp, "out.xlsx");
    const json = path.join(tmp, "report.json");
    fs.rmSync(out, { force: true });
    fs.rmSync(json, { force: true });
    // relative input path: messages in the goldens name no folder of this machine
    const r = spawnSync(process.execPath, [CLI, input, "--out", out, "--json", json], {
      cwd: FIXTURES,
      encoding: "utf8",
    });
    const paths = goldenPaths(input);
    if (r.status === 0) {
      fs.copyFileSync(json, paths.report);
      fs.writeFileSync(paths.own, `${JSON.stringify(await readOwnCells(out), null, 2)}\n`);
      console.log(`${input}: đã chấm`);
    } else {
      failures[input] = { code: r.status, stderr: r.stderr.trim() };
      console.log(`${input}: mã thoát ${r.status}`);
    }
  }
  fs.writeFileSync(path.join(GOLDEN_DIR, "failures.json"), `${JSON.stringify(failures, null, 2)}\n`);
  fs.rmSync(tmp, { recursive: true, force: true });
  // keep `npm run lint` (prettier --check .) green
  spawnSync("npx", ["prettier", "--write", GOLDEN_DIR], { cwd: ROOT, stdio: "ignore" });
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
