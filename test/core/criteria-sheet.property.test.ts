import fc from "fast-check";
import { CRITERIA_SHEET, criteriaSetFromGrid, criteriaSetToGrid } from "../../shared/criteria/sheet";
import { parseCriteriaSet } from "../../shared/criteria/schema";
import type { CriteriaSet, Criterion, Target } from "../../shared/types";

// words officials write, with diacritics, and text that a spreadsheet would take for a formula
const word = fc.constantFrom(
  "Tỷ lệ",
  "hồ sơ",
  "TTHC",
  "trực tuyến",
  "=1+1",
  "-5",
  "@x",
  "Có",
  "(trừ mật)",
  "4G/5G",
);
const text = fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(" "));

const target: fc.Arbitrary<Target> = fc.oneof(
  fc.record({
    kind: fc.constant("percent" as const),
    comparator: fc.constantFrom(">=" as const, ">" as const),
    threshold: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true })),
  }),
  fc.record({ kind: fc.constant("yes" as const), word: text }),
  fc.oneof(
    fc.constant<Target>({ kind: "unknown" }),
    text.map((note): Target => ({ kind: "unknown", note })),
  ),
);

const criterion = (group: string, id: string): fc.Arbitrary<Criterion> =>
  fc
    .record({
      name: text,
      keywords: fc.array(text, { maxLength: 3 }),
      unit: fc.option(fc.constantFrom("%", "Có/Không", "điểm"), { nil: undefined }),
      target,
      notEvaluatedIn: fc.array(fc.integer({ min: 2000, max: 2100 }), { maxLength: 3 }),
      note: fc.option(text, { nil: undefined }),
    })
    .map(({ unit, note, ...rest }) => ({
      id,
      group,
      ...rest,
      ...(unit !== undefined ? { unit } : {}),
      ...(note !== undefined ? { note } : {}),
    }));

const criteriaSet: fc.Arbitrary<CriteriaSet> = fc
  .array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 12 })
  .chain((groupsOfRows) =>
    fc
      .tuple(
        fc.string({ unit: fc.constantFrom("a", "b", "2", "-"), minLength: 1, maxLength: 8 }),
        text,
        text,
        fc.tuple(...groupsOfRows.map((g, i) => criterion(String(g), `${g}.${i + 1}`))),
      )
      .map(([suffix, title, legalBasis, criteria]): CriteriaSet => ({
        id: `bo-${suffix}`,
        title,
        legalBasis,
        groups: [1, 2, 3, 4].map((g) => ({ id: String(g), name: `Nhóm ${g}` })),
        criteria,
      })),
  );

it("reads back every valid set it writes (seeded)", () => {
  fc.assert(
    fc.property(criteriaSet, (set) => {
      expect(parseCriteriaSet(set).ok).toBe(true);
      expect(criteriaSetFromGrid(CRITERIA_SHEET, { values: criteriaSetToGrid(set) })).toEqual({
        ok: true,
        set,
      });
    }),
    { seed: 20231829, numRuns: 200 },
  );
});
