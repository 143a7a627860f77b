/**
 * LibreOffice headless as a second, independent reader of the workbooks the CLI writes: `soffice
 * --convert-to` opens each file and saves it again (as .xlsx or .pdf), with a profile of its own so that
 * parallel runs do not share one.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { pathToFileURL } from "url";
import { tempDir } from "./helpers";

/** the soffice command (installed by .ci/run as Debian's libreoffice-calc-nogui) */
export const SOFFICE =
  ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => fs.existsSync(p)) ?? "soffice";

/**
 * Opens every file with LibreOffice and saves it as `to` in a fresh folder; returns the new files in the
 * order given. Throws with LibreOffice's output when a file did not come out (LibreOffice could not open it).
 */
export function convertWithLibreOffice(files: readonly string[], to: "xlsx" | "pdf"): string[] {
  const outDir = tempDir("cds-lo-out-");
  const profile = pathToFileURL(tempDir("cds-lo-profile-")).href;
  const r = spawnSync(
    SOFFICE,
    [
      `-env:UserInstallation=${profile}`,
      "--headless",
      "--norestore",
      "--convert-to",
      to,
      "--outdir",
      outDir,
      ...files,
    ],
    { encoding: "utf8", timeout: 240_000 },
  );
  if (r.error) throw new Error(`LibreOffice (${SOFFICE}) could not be started: ${r.error.message}`);
  const outputs = files.map((f) => path.join(outDir, `${path.basename(f, path.extname(f))}.${to}`));
  const missing = outputs.filter((f) => !fs.existsSync(f));
  if (missing.length > 0)
    throw new Error(`LibreOffice wrote no ${missing.join(", ")}:\n${r.stdout}\n${r.stderr}`);
  return outputs;
}
