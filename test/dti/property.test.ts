import fc from "fast-check";
import {
  DEFAULT_SETTINGS,
  checkComponent,
  checkSums,
  describeRule,
  parseRule,
  pointsFor,
  type Amount,
  type IndexSettings,
  type Rule,
  type RuleOption,
  type SumLine,
} from "../../shared/dti";
import { PART_A_FIGURES } from "../../shared/dti/sets";
import { ADDITIVE, CHOICE, NOT_SCORED, RATIO, STEPS, YES_NO } from "./samples";

const SEED = { seed: 20261130, numRuns: 300 };

// ---------------------------------------------------------------------------------------------
// generators

const settings: fc.Arbitrary<IndexSettings> = fc.record({
  zeroDenominator: fc.constantFrom("review" as const, "zero" as const),
  ratioAboveOne: fc.constantFrom("cap" as const, "review" as const),
  decimals: fc.integer({ min: 0, max: 4 }),
  topStep: fc.constantFrom("orMore" as const, "exact" as const),
});

const maxPoints = fc.oneof(
  fc.constant(null),
  fc.integer({ min: 0, max: 1000 }),
  fc.double({ min: 0, max: 200, noNaN: true }),
);

/** amounts as decisions write them, some above any sensible maximum */
const amountText = fc.constantFrom(
  "Điểm tối đa",
  "1/2*Điểm tối đa",
  "1/2 x Điểm tối đa",
  "Điểm tối đa x 1/3",
  "2/3*Điểm tối đa",
  "½ Điểm tối đa",
  "50% Điểm tối đa",
  "0 điểm",
  "5 điểm",
  "15 điểm",
  "20 điểm",
  "250 điểm",
  "3/2*Điểm tối đa",
);

const conditionWords = fc.constantFrom(
  "Trưởng ban là Chủ tịch",
  "Trưởng ban là Phó Chủ tịch",
  "Có",
  "Không",
  "Chưa có",
  "BCĐ họp 4 lần/ năm",
  "BCĐ họp 2 lần",
  "Từ 3 lần trở lên",
  "Còn lại",
  "Có kế hoạch",
  "Mỗi nội dung",
  "Dưới 2 lần",
);

/** rule texts assembled from the pieces of real rules, joined the ways decisions join them */
const ruleText: fc.Arbitrary<string | readonly string[]> = fc.oneof(
  fc.constantFrom(CHOICE, STEPS, RATIO, ADDITIVE, YES_NO, NOT_SCORED, "Có/Không", ""),
  fc
    .array(fc.tuple(conditionWords, amountText), { minLength: 1, maxLength: 5 })
    .chain((clauses) =>
      fc
        .constantFrom("; ", "\n", ". - ", "\n- ")
        .map((sep) => clauses.map(([c, a]) => `${c}: ${a}`).join(sep)),
    ),
  fc.constant([
    "a = Số CBCC có chữ ký số",
    "b = Tổng số CBCC",
    "- Tỷ lệ = a/b;",
    "- Điểm = Tỷ lệ*Điểm tối đa",
  ]),
  fc.string({ maxLength: 80 }),
);

/** explanations mixing the figures and words the checker reads */
const explanation = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "Trưởng ban là Chủ tịch UBND xã",
        "Phó Chủ tịch",
        "Chưa có BCĐ",
        "Có",
        "Không",
        "dự kiến",
        "Kế hoạch số 12/KH-UBND",
        "ngày 12/3/2023",
        "Có kế hoạch",
        "-",
      ),
      fc.tuple(fc.nat(30), fc.nat(30)).map(([a, b]) => `a = ${a}; b = ${b}`),
      fc.tuple(fc.nat(50), fc.nat(50)).map(([a, b]) => `${a}/${b}`),
      fc.nat(12).map((n) => `họp ${n} lần`),
      fc.nat(120).map((n) => `${n}%`),
    ),
    { maxLength: 4 },
  )
  .map((parts) => parts.join(", "));

const selfScore = fc.oneof(
  fc.constant(null),
  fc.double({ min: -10, max: 300, noNaN: true }),
  fc.constantFrom("20", "13,33", "-", "Có", "20 điểm"),
);

// ---------------------------------------------------------------------------------------------
// points stay within [0, maximum]

describe("points never exceed the maximum nor go below 0", () => {
  it("for any parsed rule, explanation, Part A figures and settings", () => {
    fc.assert(
      fc.property(
        ruleText,
        maxPoints,
        explanation,
        fc.nat(40),
        settings,
        selfScore,
        (text, max, expl, cbcc, s, self) => {
          const rule = parseRule(text, PART_A_FIGURES);
          const context = { settings: s, figures: PART_A_FIGURES, partA: { cbcc } };
          const p = pointsFor(rule, max, expl, context);
          if (p.ok) {
            expect(p.points).toBeGreaterThanOrEqual(0);
            if (max !== null) expect(p.points).toBeLessThanOrEqual(max);
            expect(Number.isFinite(p.points)).toBe(true);
          }
          const c = checkComponent({ id: "x", maxPoints: max, rule }, { explanation: expl, self }, context);
          if (c.points !== null) {
            expect(c.points).toBeGreaterThanOrEqual(0);
            if (max !== null) expect(c.points).toBeLessThanOrEqual(max);
          }
          // a confident verdict always has both numbers
          if (c.code === "KHOP" || c.code === "TU_CHAM_CAO_HON" || c.code === "TU_CHAM_THAP_HON") {
            expect(c.points).not.toBeNull();
            expect(c.self).not.toBeNull();
          }
          expect((c.code === "CAN_XEM_XET") === (c.review !== null)).toBe(true);
        },
      ),
      SEED,
    );
  });

  it("for typed rules built directly, whatever their amounts", () => {
    const amount: fc.Arbitrary<Amount> = fc.oneof(
      fc.record({ kind: fc.constant("share" as const), num: fc.nat(5), den: fc.integer({ min: 1, max: 5 }) }),
      fc.record({
        kind: fc.constant("points" as const),
        points: fc.double({ min: 0, max: 500, noNaN: true }),
      }),
    );
    const option = fc.record({ condition: conditionWords, amount });
    const rule: fc.Arbitrary<Rule> = fc.oneof(
      fc.record({
        kind: fc.constant("choice" as const),
        options: fc.array(option, { minLength: 2, maxLength: 4 }),
      }),
      fc.record({
        kind: fc.constant("additive" as const),
        parts: fc.array(option, { minLength: 2, maxLength: 3 }),
        unmet: fc.constant(null),
      }),
      fc.record({ kind: fc.constant("yesNo" as const), yes: option, no: option }),
    );
    fc.assert(
      fc.property(rule, fc.integer({ min: 0, max: 100 }), explanation, settings, (r, max, expl, s) => {
        const p = pointsFor(r, max, expl, { settings: s });
        if (p.ok) {
          expect(p.points).toBeGreaterThanOrEqual(0);
          expect(p.points).toBeLessThanOrEqual(max);
        }
      }),
      SEED,
    );
  });
});

describe("parseRule never throws and keeps what it cannot read", () => {
  // one arbitrary at a time: fast-check's oneof over strings and arrays of strings costs seconds to generate
  it.each([
    ["any string", fc.string({ unit: "binary" })],
    [
      "letters, marks, dashes and spaces up to U+2FFF",
      fc.array(fc.integer({ min: 0, max: 0x2fff }), { maxLength: 60 }).map((c) => String.fromCodePoint(...c)),
    ],
    ["sub-rows", fc.array(fc.string(), { maxLength: 5 })],
  ] as const)("on %s", (_name, arbitrary: fc.Arbitrary<string | string[]>) => {
    fc.assert(
      fc.property(arbitrary, (text) => {
        const r = parseRule(text);
        return r.kind !== "unknown" || r.reason.length > 0;
      }),
      SEED,
    );
  });

  it("reads the same kind and amounts whatever the spelling (NFD, NBSP, bullets, ½, × …)", () => {
    const variants = fc.array(
      fc.constantFrom(
        (t: string) => t.normalize("NFD"),
        (t: string) => t.replace(/ /g, "\u00a0"),
        (t: string) => t.replace(/- /g, "• "),
        (t: string) => t.replace(/1\/2\s*\*\s*/g, "½ "),
        (t: string) => t.replace(/\*/g, " × "),
        (t: string) => t.replace(/; /g, ";\n"),
        (t: string) => `Cách tính điểm:\n${t}`,
      ),
      { maxLength: 4 },
    );
    const shape = (r: Rule): unknown =>
      r.kind === "choice"
        ? r.options.map((o) => o.amount)
        : r.kind === "steps"
          ? r.steps.map((s) => [s.amount, s.range])
          : r.kind === "additive"
            ? r.parts.map((o) => o.amount)
            : r.kind === "yesNo"
              ? [r.yes.amount, r.no.amount]
              : r.kind;
    fc.assert(
      fc.property(fc.constantFrom(CHOICE, STEPS, ADDITIVE, YES_NO, NOT_SCORED), variants, (text, fs) => {
        const base = parseRule(text);
        const changed = parseRule(fs.reduce((t, f) => f(t), text));
        expect(changed.kind).toBe(base.kind);
        expect(shape(changed)).toEqual(shape(base));
      }),
      SEED,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// parse(describe(rule)) round trips

const plainWords = fc.constantFrom(
  "Ban Chỉ đạo",
  "Trưởng ban",
  "kế hoạch chuyển đổi số",
  "văn bản chỉ đạo",
  "hội nghị quán triệt",
  "cổng thông tin",
  "Bí thư/Chủ tịch",
  "Phó Chủ tịch",
  "(cấp Trưởng)",
  "dữ liệu",
);
const phrase = fc.array(plainWords, { minLength: 2, maxLength: 4 }).map((w) => w.join(" "));
const share = (num: number, den: number): Amount => ({ kind: "share", num, den });

const describable: fc.Arbitrary<Rule> = fc.oneof(
  // choice: the first branch is the maximum (so not additive), then shares or points
  fc.uniqueArray(phrase, { minLength: 2, maxLength: 4 }).chain((conds) =>
    fc
      .array(
        fc.constantFrom(
          share(1, 2),
          share(1, 3),
          share(2, 3),
          { kind: "points", points: 0 } as Amount,
          { kind: "points", points: 5 } as Amount,
        ),
        {
          minLength: conds.length - 1,
          maxLength: conds.length - 1,
        },
      )
      .map((rest): Rule => ({
        kind: "choice",
        options: conds.map((c, i): RuleOption => ({
          condition: `Trường hợp ${c}`,
          amount: i === 0 ? share(1, 1) : rest[i - 1]!,
        })),
      })),
  ),
  // steps on distinct counts
  fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 2, maxLength: 5 }).chain((counts) =>
    fc
      .tuple(
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: counts.length, maxLength: counts.length }),
        fc.boolean(),
      )
      .map(([pts, otherwise]): Rule => ({
        kind: "steps",
        unit: "lần",
        steps: counts.map((n, i) => ({
          condition: `BCĐ họp ${n} lần/ năm`,
          amount: { kind: "points", points: pts[i]! },
          range: { min: n, minStrict: false, max: n, maxStrict: false },
        })),
        otherwise: otherwise ? { condition: "Còn lại", amount: { kind: "points", points: 0 } } : null,
      })),
  ),
  fc.tuple(phrase, phrase).map(([a, b]): Rule => ({
    kind: "ratio",
    numerator: `Số ${a}`,
    denominator: `Tổng số ${b}`,
    figure: null,
  })),
  fc
    .tuple(fc.uniqueArray(phrase, { minLength: 2, maxLength: 4 }), fc.boolean())
    .map(([conds, unmet]): Rule => ({
      kind: "additive",
      parts: conds.map((c) => ({ condition: `Có ${c}`, amount: share(1, conds.length) })),
      unmet: unmet ? { condition: "Nội dung không đáp ứng", amount: { kind: "points", points: 0 } } : null,
    })),
  phrase.map((c): Rule => ({
    kind: "yesNo",
    yes: { condition: `Có ${c}`, amount: share(1, 1) },
    no: { condition: "Không", amount: { kind: "points", points: 0 } },
  })),
  fc.constant<Rule>({ kind: "notScored" }),
);

describe("the description of a rule reads back as the same rule", () => {
  it("for every kind but unknown, with and without the maximum", () => {
    fc.assert(
      fc.property(describable, fc.option(fc.integer({ min: 1, max: 100 }), { nil: null }), (rule, max) => {
        expect(parseRule(describeRule(rule, max))).toEqual(rule);
      }),
      SEED,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// sums do not depend on the order of the lines

const form: fc.Arbitrary<{ lines: SumLine[]; total: number | null }> = fc
  .array(
    fc.array(fc.option(fc.integer({ min: 0, max: 40 }), { nil: null, freq: 8 }), {
      minLength: 1,
      maxLength: 5,
    }),
    {
      minLength: 1,
      maxLength: 4,
    },
  )
  .chain((indices) =>
    fc
      .tuple(
        fc.array(fc.option(fc.integer({ min: 0, max: 200 }), { nil: null, freq: 6 }), {
          minLength: indices.length,
          maxLength: indices.length,
        }),
        fc.boolean(),
        fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
        fc.integer({ min: -3, max: 3 }),
      )
      .map(([stated, correct, total, off]) => {
        const lines: SumLine[] = [];
        let groupSum = 0;
        indices.forEach((components, i) => {
          const sum = components.reduce((s: number, p) => s + (p ?? 0), 0);
          const points = correct ? sum : stated[i]!;
          groupSum += points ?? 0;
          lines.push({ level: "index", id: String(i + 1), parent: "I", points, ref: `E${10 * (i + 1)}` });
          components.forEach((p, j) =>
            lines.push({
              level: "component",
              id: `${i + 1}.${j + 1}`,
              parent: String(i + 1),
              points: p,
              ref: `E${10 * (i + 1) + j + 1}`,
            }),
          );
        });
        lines.push({ level: "group", id: "I", parent: null, points: groupSum + off, ref: "E2" });
        return { lines, total };
      }),
  );

describe("a permutation of the lines changes no sum check", () => {
  it("same issues, same order, same messages", () => {
    fc.assert(
      fc.property(
        form.chain(({ lines, total }) =>
          fc
            .shuffledSubarray(lines, { minLength: lines.length, maxLength: lines.length })
            .map((shuffled) => ({ lines, shuffled, total })),
        ),
        ({ lines, shuffled, total }) => {
          const t = total === null ? null : { points: total, ref: "E99" };
          expect(checkSums(shuffled, t)).toEqual(checkSums(lines, t));
        },
      ),
      SEED,
    );
  });

  it("a form built to add up has no mismatch", () => {
    fc.assert(
      fc.property(form, ({ lines }) => {
        const fixed = lines.map((l) => (l.level === "component" ? { ...l, points: l.points ?? 0 } : l));
        const sums = new Map<string, number>();
        for (const l of fixed)
          if (l.level === "component") sums.set(l.parent!, (sums.get(l.parent!) ?? 0) + l.points!);
        const indices = fixed.map((l) => (l.level === "index" ? { ...l, points: sums.get(l.id) ?? 0 } : l));
        const group = indices.filter((l) => l.level === "index").reduce((s, l) => s + l.points!, 0);
        const all = indices.map((l) => (l.level === "group" ? { ...l, points: group } : l));
        expect(checkSums(all, { points: group })).toEqual([]);
      }),
      SEED,
    );
  });
});

it("settings default to the safe choices", () => {
  expect(DEFAULT_SETTINGS).toEqual({
    zeroDenominator: "review",
    ratioAboveOne: "cap",
    decimals: 2,
    topStep: "orMore",
  });
});
