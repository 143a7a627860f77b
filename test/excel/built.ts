/** the built add-in in dist/excel: `npm test` builds it first; alone, a test builds it once here */
import { execFileSync } from "child_process";
import { existsSync } from "fs";
import path from "path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const DIST = path.join(ROOT, "dist", "excel");

const FILES = ["taskpane.html", "taskpane.js", "functions.js", "functions.json", "manifest.xml"];

export function ensureBuilt(): string {
  if (!FILES.every((f) => existsSync(path.join(DIST, f)))) {
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
  }
  return DIST;
}
