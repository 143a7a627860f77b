/**
 * Reading a result cell at its edges (shared/values): number spellings, bounds, dates, signs, hedges, host
 * objects and the cell as the user sees it — each pinned where mutation testing (`npm run mutate`) showed that
 * no test noticed a change. Fixtures are built inside each test so that per-test coverage sees them.
 */
import { scanFigures } from "../../shared/values/figures";
import { parseViNumber } from "../../shared/values/numbers";
import { cellText, readValue, valueProblem } from "../../shared/values/read";
import type { Value } from "../../shared/types";

describe("parseViNumber: every spelling is read whole or not at all", () => {
  test("spaces around the number are ignored", () => {
    expect(parseViNumber(" 54,4 ")).toBe(54.4);
    expect(parseViNumber(" 2.050 ")).toBe(2050);
  });

  test("Vietnamese thousands with a decimal comma: one to three digits first, any decimals", () => {
    expect(parseViNumber("12.345,6")).toBe(12345.6);
    expect(parseViNumber("1.234,56")).toBe(1234.56);
    expect(parseViNumber("1234.567,8")).toBeNull();
    expect(parseViNumber("1.234,5.6")).toBeNull();
  });

  test("English thousands with a decimal point: one to three digits first, every group of three", () => {
    expect(parseViNumber("12,345.6")).toBe(12345.6);
    expect(parseViNumber("1,234,567.8")).toBe(1234567.8);
    expect(parseViNumber("1,234.56")).toBe(1234.56);
    expect(parseViNumber("1234,567.8")).toBeNull();
    expect(parseViNumber("1,234.5,6")).toBeNull();
  });

  test("thousands alone: groups of exactly three to the end", () => {
    expect(parseViNumber("1,234,5678")).toBeNull();
    expect(parseViNumber("1234,567,890")).toBeNull();
    expect(parseViNumber("1.234.5678")).toBeNull();
  });
});

describe("scanFigures: what the words right before a percentage say", () => {
  test("a sign is read where it ends the words before, not where it starts them", () => {
    expect(scanFigures("<= 3 hộ, 5%").rates).toEqual([{ kind: "percent", percent: 5, start: 9 }]);
    expect(scanFigures("> 3 hộ, 5%").rates).toEqual([{ kind: "percent", percent: 5, start: 8 }]);
  });

  test("a bound word must touch the figure: punctuation between breaks it", () => {
    expect(scanFigures("Xã trên (90%)").rates).toEqual([{ kind: "percent", percent: 90, start: 9 }]);
  });

  test("a bound word is a whole word: Nhơn does not end in hơn", () => {
    expect(scanFigures("Xã Phước Nhơn 90%").rates).toEqual([{ kind: "percent", percent: 90, start: 14 }]);
  });

  test("the longest sign wins: => is not strict", () => {
    expect(scanFigures("=> 90%").rates[0]).toEqual({
      kind: "percent",
      percent: 90,
      bound: { side: "lower", strict: false },
      start: 3,
    });
  });

  test("a bound at the start of a long sentence is still read", () => {
    const text = "> 90% số hộ gia đình có đường truyền băng rộng cố định";
    expect(scanFigures(text).rates[0]).toMatchObject({ bound: { side: "lower", strict: true } });
    expect(readValue(text)).toEqual({ kind: "lowerBound", percent: 90, strict: true });
  });
});

describe("scanFigures: signs, dates and codes", () => {
  test("a minus is a sign only where no letter or digit stands before it", () => {
    expect(scanFigures("-5%").rates).toEqual([{ kind: "percent", percent: -5, start: 0 }]);
    // the minus sign U+2212, as Word and PDF write it
    expect(scanFigures("\u22125%").rates).toEqual([{ kind: "percent", percent: -5, start: 0 }]);
    expect(scanFigures("Giảm -5%").rates).toEqual([{ kind: "percent", percent: -5, start: 5 }]);
    expect(scanFigures("x-5%").rates).toEqual([{ kind: "percent", percent: 5, start: 2 }]);
    expect(scanFigures("10-5%").rates).toEqual([{ kind: "percent", percent: 5, start: 3 }]);
  });

  test("a negative number at the start is the leading number", () => {
    expect(scanFigures("-5").leading).toEqual({ value: -5, end: 2 });
    expect(readValue("-5")).toEqual({ kind: "count", count: -5 });
  });

  test("a trailing separator: the leading number and a denominator are read without it", () => {
    expect(scanFigures("8, xã").leading).toEqual({ value: 8, end: 2 });
    expect(scanFigures("433/448.").rates).toEqual([
      { kind: "fraction", numerator: 433, denominator: 448, start: 0 },
    ]);
  });

  test("a number after a slash is the tail of a code, not a rate", () => {
    expect(scanFigures("TB/95%").rates).toEqual([]);
  });

  test("a chain of slashes is a date to its end, spaces or not", () => {
    expect(scanFigures("1/3/ 5/8").rates).toEqual([]);
    expect(readValue("5/8/")).toEqual({ kind: "fraction", numerator: 5, denominator: 8, percent: 62.5 });
  });

  test("month/year: a month and a four-digit year from 1950", () => {
    expect(scanFigures("3/1985").rates).toEqual([]);
    expect(scanFigures("3/20235").rates).toEqual([
      { kind: "fraction", numerator: 3, denominator: 20235, start: 0 },
    ]);
  });

  test("a document number needs its word right before it, even in a long sentence", () => {
    expect(scanFigures("số 12/15 của UBND huyện Hoằng Hóa").rates).toEqual([]);
  });

  test("a fraction with a sign, a bad numerator or a bad denominator cannot be read", () => {
    for (const text of ["-5/8", "5,/8", "5/1.2.3"])
      expect(scanFigures(text).rates).toEqual([{ kind: "bad", start: 0 }]);
  });

  test("a text's first 20 rates are read, no more", () => {
    expect(scanFigures(Array(25).fill("1%").join(" ")).rates).toHaveLength(20);
  });
});

describe("readValue: host objects", () => {
  test("a link or rich text is read by its text; a text that is not a string is not", () => {
    expect(readValue({ text: "54,4%", hyperlink: "https://example.org" } as never)).toEqual({
      kind: "percent",
      percent: 54.4,
    });
    expect(readValue({ richText: [null, {}, "x", { text: "54,4%" }] } as never)).toEqual({
      kind: "percent",
      percent: 54.4,
    });
    expect(readValue({ richText: [{}, { text: "5" }] } as never)).toEqual({ kind: "count", count: 5 });
    expect(readValue({ text: 5 } as never)).toEqual({ kind: "unreadable", text: '{"text":5}' });
  });

  test("a formula result is unwrapped three levels deep, no further", () => {
    expect(readValue({ result: { result: { result: 5 } } } as never)).toEqual({ kind: "count", count: 5 });
    expect(readValue({ result: { result: { result: { result: 5 } } } } as never)).toEqual({
      kind: "unreadable",
      text: '{"result":5}',
    });
  });

  test("what cannot be read is quoted: an object as JSON (200 characters), anything else as text", () => {
    expect(readValue({ foo: 1 } as never)).toEqual({ kind: "unreadable", text: '{"foo":1}' });
    expect((readValue({ foo: "x".repeat(300) } as never) as { text: string }).text).toHaveLength(200);
    expect(readValue(10n as never)).toEqual({ kind: "unreadable", text: "10" });
    expect(readValue(new Date(Number.NaN))).toEqual({ kind: "unreadable", text: "Invalid Date" });
  });

  test("an object that throws when read is unreadable, never an exception", () => {
    const throwing = {
      get result(): unknown {
        throw new Error("host");
      },
    };
    expect(readValue(throwing as never)).toEqual({ kind: "unreadable", text: "?" });
    expect(cellText(throwing as never)).toBe("?");
  });

  test("an error code is the whole cell", () => {
    expect(readValue("#n/a")).toEqual({ kind: "error", error: "#N/A" });
    expect(readValue("Lỗi #N/A").kind).toBe("text");
    expect(readValue("#N/A ghi chú").kind).toBe("text");
  });
});

describe("readValue: words at the start", () => {
  test("a not-evaluated word at the start keeps its own words", () => {
    expect(readValue("Không xét năm 2023")).toStrictEqual({ kind: "notEvaluated", word: "Không xét" });
  });

  test("work under way at the start wins over a figure", () => {
    expect(readValue("Đang triển khai 50%")).toStrictEqual({ kind: "underWay", word: "Đang triển khai" });
  });

  test("a fraction without a written % has no statedPercent at all", () => {
    expect(readValue("433/448")).toStrictEqual({
      kind: "fraction",
      numerator: 433,
      denominator: 448,
      percent: 96.651785714,
    });
  });
});

describe("readValue: hedges and what they apply to", () => {
  const hedge = (text: string) => (readValue(text) as { hedge?: unknown }).hedge;

  test("'cơ bản' counts at the start, or right before a yes word with nothing between", () => {
    expect(hedge("Cơ bản, có")).toEqual({ kind: "qualifier", words: "cơ bản" });
    expect(hedge("Có, cơ bản đảm bảo")).toEqual({ kind: "qualifier", words: "cơ bản" });
    expect(hedge("Có, cơ bản, đảm bảo")).toBeUndefined();
    expect(hedge("Có, cơ bản ổn định")).toBeUndefined();
  });

  test("a plan word hedges every figure: a lower bound, a fraction, a count", () => {
    expect(hedge("Kế hoạch trên 90%")).toEqual({ kind: "plan", words: "kế hoạch" });
    expect(hedge("Kế hoạch 14/14")).toEqual({ kind: "plan", words: "kế hoạch" });
    expect(readValue("50 người theo kế hoạch")).toEqual({
      kind: "count",
      count: 50,
      unit: "người theo kế hoạch",
      hedge: { kind: "plan", words: "theo kế hoạch" },
    });
  });

  test("an estimate hedges a rate of any kind, never a count", () => {
    expect(hedge("Khoảng trên 90%")).toEqual({ kind: "estimate", words: "khoảng" });
    expect(hedge("Khoảng 14/15")).toEqual({ kind: "estimate", words: "khoảng" });
    expect(readValue("50 người (ước tính)")).toEqual({ kind: "count", count: 50, unit: "người (ước tính)" });
  });
});

describe("readValue: the unit after a count", () => {
  test("separators between the number and its unit are dropped, those inside it kept", () => {
    expect(readValue("12hộ")).toEqual({ kind: "count", count: 12, unit: "hộ" });
    expect(readValue("12 ; hộ")).toEqual({ kind: "count", count: 12, unit: "hộ" });
    expect(readValue("5người, xã")).toEqual({ kind: "count", count: 5, unit: "người, xã" });
  });

  test("a unit is shown up to 40 characters", () => {
    expect(readValue(`5 ${"a".repeat(40)}`)).toEqual({ kind: "count", count: 5, unit: "a".repeat(40) });
    expect(readValue(`5 ${"a".repeat(41)}`)).toEqual({ kind: "count", count: 5, unit: `${"a".repeat(39)}…` });
  });
});

describe("cellText: the cell as the user sees it", () => {
  test("empty, FALSE, a link's text, an object quoted", () => {
    expect(cellText(undefined)).toBe("");
    expect(cellText(false)).toBe("FALSE");
    expect(cellText({ text: "Có", hyperlink: "https://example.org" } as never)).toBe("Có");
    expect(cellText({ foo: 1 } as never)).toBe('{"foo":1}');
    expect(cellText({ richText: [null, { text: "Có" }, { font: {} }] } as never)).toBe("Có");
  });

  test("a percent format rounds half away from zero, as LibreOffice shows the cell", () => {
    // checked against `soffice --convert-to csv` with "save as shown" on a workbook holding these cells
    expect(cellText(0.125, "0%")).toBe("13%");
    expect(cellText(-0.125, "0%")).toBe("-13%");
    expect(cellText(0.545, "0%")).toBe("55%");
    expect(cellText(Number.NaN, "0%")).toBe("NaN");
    expect(cellText(Number.POSITIVE_INFINITY, "0.0%")).toBe("Infinity");
  });
});

describe("valueProblem: what the message says", () => {
  const unreadable = (text: string): Value => ({ kind: "unreadable", text });

  test("an unreadable value is named by what it looks like", () => {
    expect(valueProblem(unreadable("79,%"))?.detail).toBe("không đọc được thành tỷ lệ");
    expect(valueProblem(unreadable("5/x"))?.detail).toBe("không đọc được thành phân số");
    expect(valueProblem(unreadable("abc"))?.detail).toBe("không đọc được thành số liệu");
  });

  test("a lower bound beyond 100% is out of range; a count has no problem", () => {
    expect(valueProblem({ kind: "lowerBound", percent: 120, strict: true })).toEqual({
      code: "RATE_OUT_OF_RANGE",
      detail: "là tỷ lệ ngoài khoảng 0–100%",
    });
    expect(valueProblem({ kind: "count", count: 5 })).toBeNull();
  });
});
