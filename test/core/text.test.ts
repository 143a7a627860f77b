import fc from "fast-check";
import { a1, clip, columnLetters, fold, formatNumber, formatPercent, parseA1 } from "../../shared/text";
import { forgetRemembered } from "../../shared/memo";

describe("fold", () => {
  it("drops diacritics, đ, case and extra space", () => {
    expect(fold("  Kết quả\u00a0 ĐẠT được ")).toBe("ket qua dat duoc");
  });

  it("reads decomposed Vietnamese (a letter, then its marks) as composed", () => {
    expect(fold("Ke\u0302\u0301t qua\u0309 \u0110a\u0323t")).toBe("ket qua dat");
    expect(fold("KẾT QUẢ ĐẠT".normalize("NFD"))).toBe(fold("KẾT QUẢ ĐẠT"));
  });
});

describe("addresses", () => {
  it("round-trips A1 addresses", () => {
    for (const [row, col] of [
      [0, 0],
      [13, 4],
      [99, 25],
      [5, 26],
      [7, 701],
      [2, 702],
    ] as const) {
      expect(parseA1(a1(row, col))).toEqual({ row, col });
    }
    expect(columnLetters(27)).toBe("AB");
    expect(a1(13, 4)).toBe("E14");
    expect(parseA1("not an address")).toBeNull();
  });
});

/** Vietnamese numbers as defined: toFixed, trailing zeros dropped, dots between thousands, a decimal comma */
function formatByDefinition(n: number, digits: number): string {
  if (!Number.isFinite(n)) return String(n);
  const raw = Math.abs(n).toFixed(digits);
  if (raw.includes("e")) return `${n < 0 ? "-" : ""}${raw}`;
  const [int, frac = ""] = raw.split(".");
  const trimmed = frac.replace(/0+$/, "");
  const grouped = int!.replace(/\B(?=(\d{3})+$)/g, ".");
  const zero = trimmed === "" && /^0+$/.test(int!);
  return `${n < 0 && !zero ? "-" : ""}${grouped}${trimmed ? `,${trimmed}` : ""}`;
}

describe("clip", () => {
  /** as defined: white space collapsed to one space, trimmed, cut at `max` with an ellipsis */
  const clipByDefinition = (text: string, max: number): string => {
    const t = text.replace(/\s+/g, " ").trim();
    return t.length > max ? `${t.slice(0, max - 1)}…` : t;
  };
  it("keeps a tidy text as it is and tidies every other one as defined", () => {
    const chars = [
      "a",
      "Đ",
      "ể",
      "1",
      "%",
      " ",
      "  ",
      "\t",
      "\n",
      "\u00a0",
      "\u2003",
      "\u3000",
      "\ufeff",
      "\u0085",
      "\u0001",
    ];
    const text = fc.array(fc.constantFrom(...chars), { maxLength: 40 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 50 }), (t, max) => {
        expect(clip(t, max)).toBe(clipByDefinition(t, max));
      }),
      { numRuns: 5000 },
    );
    expect(clip("điểm", 30)).toBe("điểm");
    expect(clip("  mắt\u00a0 camera ", 30)).toBe("mắt camera");
  });
});

describe("formatNumber", () => {
  it("rounds as toFixed does, ties and large numbers included", () => {
    const digits = fc.integer({ min: 0, max: 9 });
    const near = fc.tuple(
      fc.integer({ min: -2_000_000, max: 2_000_000 }),
      fc.constantFrom(0.5, 0.05, 0.005, 0.45, 0.55),
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.double({ noNaN: true }), fc.double({ min: -1e7, max: 1e7 })),
        digits,
        (n, d) => {
          expect(formatNumber(n, d)).toBe(formatByDefinition(n, d));
        },
      ),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(near, digits, ([whole, part], d) => {
        const n = whole / 100 + part;
        expect(formatNumber(n, d)).toBe(formatByDefinition(n, d));
      }),
      { numRuns: 5000 },
    );
    for (const n of [96.65, 1.005, 2.675, 0.045, 1e9, 999999999.995, 123456789.125, -0.0049, 64.0625])
      for (let d = 0; d <= 9; d++) expect(formatNumber(n, d)).toBe(formatByDefinition(n, d));
  });

  it("writes whole numbers as toFixed does, group by group", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }),
        fc.integer({ min: 0, max: 9 }),
        (n, d) => {
          expect(formatNumber(n, d)).toBe(formatByDefinition(n, d));
        },
      ),
      { numRuns: 5000 },
    );
    for (const n of [
      0,
      -0,
      999,
      1000,
      1001,
      -1000,
      1_000_000,
      1_000_007,
      999_999_999_999_999,
      1e15,
      -1e15,
      2 ** 53,
    ])
      expect(formatNumber(n)).toBe(formatByDefinition(n, 2));
  });

  it("writes Vietnamese numbers", () => {
    expect(formatNumber(54.4)).toBe("54,4");
    expect(formatNumber(2050)).toBe("2.050");
    expect(formatNumber(2092423000)).toBe("2.092.423.000");
    expect(formatNumber(96.65, 1)).toBe("96,7");
    expect(formatNumber(-0.001)).toBe("0");
  });
  it("writes a rate as formatNumber does, the remembered tenths included", () => {
    forgetRemembered();
    const rate = fc.oneof(
      fc.double({ min: -1, max: 101, noNaN: true }),
      fc.integer({ min: 0, max: 1000 }).map((k) => k / 10),
      // ties of one decimal, and next to them
      fc
        .tuple(fc.integer({ min: 0, max: 999 }), fc.constantFrom(0.05, 0.0500001, 0.0499999))
        .map(([k, d]) => k / 10 + d),
    );
    fc.assert(
      fc.property(rate, fc.integer({ min: 0, max: 4 }), (p, d) => {
        // twice: the second time from the table
        expect(formatPercent(p, d)).toBe(`${formatByDefinition(p, d)}%`);
        expect(formatPercent(p, d)).toBe(`${formatByDefinition(p, d)}%`);
      }),
      { numRuns: 5000 },
    );
  });

  it("keeps the zeros of whole numbers at any precision", () => {
    expect(formatNumber(100, 0)).toBe("100");
    expect(formatNumber(10, 2)).toBe("10");
    expect(formatPercent(100, 0)).toBe("100%");
    expect(formatPercent(60)).toBe("60%");
  });
});
