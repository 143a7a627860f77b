/**
 * The built-in data the bundles carry as plain literals (checked here, not when a bundle loads): the word lists
 * and the criteria sets pass their zod schemas and come out of them unchanged (nothing left to trim or drop).
 */
import { BUILTIN_SETS } from "../../shared/criteria";
import { parseCriteriaSet } from "../../shared/criteria/schema";
import { WORDS, wordListsSchema } from "../../shared/values/words";

test("the word lists pass their schema unchanged", () => {
  const parsed = wordListsSchema().safeParse(WORDS);
  expect(parsed.success).toBe(true);
  expect(parsed.data).toEqual(WORDS);
});

test("a broken word list fails the schema (the check can fail)", () => {
  expect(wordListsSchema().safeParse({ ...WORDS, negations: [] }).success).toBe(false);
  expect(wordListsSchema().safeParse({ ...WORDS, yesTargets: ["  "] }).success).toBe(false);
});

test.each(BUILTIN_SETS.map((s) => [s.id, s] as const))(
  "built-in set %s passes the schema unchanged",
  (_id, set) => {
    expect(parseCriteriaSet(set)).toEqual({ ok: true, set });
  },
);
