/**
 * The built-in criteria sets. They are typed data, checked against the zod schema by the tests
 * (test/core/builtin-sets.test.ts) rather than on every load: each Apps Script execution and each custom
 * function call loads the whole script again.
 */
import type { CriteriaSet } from "../types";
import { TT_XA_2022 } from "./tt-xa-2022";
import { TT_XA_2023 } from "./tt-xa-2023";

/** `tt-xa-2023` (QĐ 1829/2023, 37 criteria) first, then `tt-xa-2022` (the earlier 30-criterion list) */
export const BUILTIN_SETS: readonly CriteriaSet[] = [TT_XA_2023, TT_XA_2022];

/** the set with this id (among `sets`, default the built-in ones), or undefined */
export function findSet(id: string, sets: readonly CriteriaSet[] = BUILTIN_SETS): CriteriaSet | undefined {
  const key = id.trim().toLowerCase();
  return sets.find((s) => s.id.toLowerCase() === key);
}
