/**
 * The built add-in in dist/excel: `npm test` builds it first; a test run alone builds it here, once, under a
 * lock directory so that parallel jest workers do not build over each other.
 */
import { execFileSync } from "child_process";
import { existsSync, mkdirSync, rmSync } from "fs";
import path from "path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const DIST = path.join(ROOT, "dist", "excel");

const FILES = ["taskpane.html", "taskpane.js", "functions.js", "functions.json", "manifest.xml"];
const LOCK = path.join(ROOT, "dist", ".excel-build.lock");

function built(): boolean {
  return FILES.every((f) => existsSync(path.join(DIST, f)));
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function ensureBuilt(): string {
  if (built()) return DIST;
  mkdirSync(path.dirname(LOCK), { recursive: true });
  try {
    mkdirSync(LOCK);
  } catch {
    // another worker builds: wait for it
    for (let waited = 0; waited < 240_000 && existsSync(LOCK); waited += 500) sleep(500);
    if (built()) return DIST;
    throw new Error("dist/excel was not built: run `npm run build`");
  }
  try {
    execFileSync(
      process.execPath,
      [
        path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js"),
        "--mode",
        "production",
        "--config",
        "webpack/excel.js",
      ],
      { cwd: ROOT, stdio: "pipe", timeout: 240_000 },
    );
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
  return DIST;
}
