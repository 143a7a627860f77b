/**
 * Runs of the BUILT add-on as the sidebar drives them: a first step, then the next ones until the run has
 * finished, each step a fresh execution of Code.js (its top level runs again, as in Apps Script).
 */
import type { GasFake } from "../fakes/gas";
import { loadAddon, type AddonGlobals } from "../fakes/gas-load";

/** one step as the sidebar gets it (src/sheets/report.ts SidebarStep) */
export interface Step {
  runId: string;
  kind: "grade" | "clear";
  finished: boolean;
  looked: number;
  total: number;
  message: string;
  report?: {
    sheets: {
      name: string;
      grade: string;
      unmet: { cell: string | null; id: string; label: string; reason: string }[];
    }[];
    skipped: { name: string; reason: string }[];
    summarySheet: string | null;
    ranking: { rows: string[][] } | null;
  };
  cleared?: { sheets: number; summaryRemoved: boolean };
}

export function call(addon: AddonGlobals, name: string, ...args: unknown[]): unknown {
  const fn = addon[name];
  if (typeof fn !== "function") throw new Error(`Code.js has no top-level function ${name}`);
  return fn(...args);
}

/** what one execution did: its step, its calls and its time on the fake clock */
export interface Execution {
  step: Step;
  serviceCalls: number;
  flushes: number;
  ms: number;
}

/** every step of a run; throws what a step throws */
export function runAll(
  fake: GasFake,
  kind: "grade" | "clear",
  options: object = {},
  maxSteps = 100,
): Execution[] {
  const out: Execution[] = [];
  let runId = "";
  for (let i = 0; i < maxSteps; i++) {
    const addon = loadAddon(fake);
    const calls = fake.serviceCalls;
    const flushes = fake.flushes;
    const start = fake.now;
    const step = (
      i === 0 ? call(addon, "startRunForSidebar", kind, options) : call(addon, "continueRunForSidebar", runId)
    ) as Step;
    out.push({
      step,
      serviceCalls: fake.serviceCalls - calls,
      flushes: fake.flushes - flushes,
      ms: fake.now - start,
    });
    if (step.finished) return out;
    runId = step.runId;
  }
  throw new Error(`run not finished after ${maxSteps} steps`);
}

/** the last step of a run (the report or what was cleared) */
export function finished(fake: GasFake, kind: "grade" | "clear", options: object = {}): Step {
  return runAll(fake, kind, options).at(-1)!.step;
}

/** the message of what a call throws (errors come from another realm: no instanceof) */
export function thrown(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return String((e as { message?: string }).message ?? e);
  }
  throw new Error("expected a throw");
}
