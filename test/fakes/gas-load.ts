/**
 * Loads the BUILT add-on (dist/sheets/Code.js, plus Sidebar.html as a project file) into a fresh `vm` context
 * whose globals are a GasFake, as Apps Script runs the project's files in one global scope. The context's
 * `Date.now()` reads the fake's clock. Each load is one Apps Script execution: the top level runs again.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { GasFake } from "./gas";

export const DIST = path.resolve(__dirname, "..", "..", "dist", "sheets");
export const CODE_FILE = path.join(DIST, "Code.js");

/** the top-level functions Apps Script would see */
export type AddonGlobals = Record<string, (...args: unknown[]) => unknown>;

let cachedCode: vm.Script | null = null;

/** true when `npm run build` has produced the Sheets files */
export function isBuilt(): boolean {
  return fs.existsSync(CODE_FILE) && fs.existsSync(path.join(DIST, "Sidebar.html"));
}

/** runs Code.js against `fake`; returns the context (its top-level functions are properties) */
export function loadAddon(fake: GasFake): AddonGlobals {
  if (!isBuilt())
    throw new Error("dist/sheets is missing: run `npx webpack --mode production --config-name sheets` first");
  cachedCode ??= new vm.Script(fs.readFileSync(CODE_FILE, "utf8"), { filename: "Code.js" });
  fake.htmlFiles["Sidebar"] = fs.readFileSync(path.join(DIST, "Sidebar.html"), "utf8");
  fake.newExecution();
  const context = vm.createContext({ ...fake.globals() });
  (vm.runInContext("Date", context) as DateConstructor).now = () => fake.now;
  cachedCode.runInContext(context);
  return context as unknown as AddonGlobals;
}
