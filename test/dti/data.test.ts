/**
 * The index's word lists are a plain literal the bundles carry as it is (no schema runs when `=CDS_DIEM` loads):
 * checked here against their zod schema, and they come out of it unchanged (nothing left to trim or drop).
 */
import { DTI_WORDS, dtiWordsSchema } from "../../shared/dti/words";

test("the index word lists pass their schema unchanged", () => {
  const parsed = dtiWordsSchema().safeParse(DTI_WORDS);
  expect(parsed.success).toBe(true);
  expect(parsed.data).toEqual(DTI_WORDS);
});

test("a broken word list fails the schema (the check can fail)", () => {
  expect(dtiWordsSchema().safeParse({ ...DTI_WORDS, hedges: [] }).success).toBe(false);
  expect(dtiWordsSchema().safeParse({ ...DTI_WORDS, negations: ["  "] }).success).toBe(false);
  expect(dtiWordsSchema().safeParse({ ...DTI_WORDS, numberWords: [["một", 1.5]] }).success).toBe(false);
  expect(
    dtiWordsSchema().safeParse({
      ...DTI_WORDS,
      rangeWords: [{ text: "từ", place: "giữa", bound: "min", strict: false }],
    }).success,
  ).toBe(false);
});
