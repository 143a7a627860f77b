import { scanFigures } from "../../shared/values/figures";
import { isDateFormat, isPercentFormat } from "../../shared/values/formats";
import { parseViNumber } from "../../shared/values/numbers";
import { cellText, normalizeCellText, readValue, valueProblem } from "../../shared/values/read";
import { gradeValue } from "../../shared/grade/rules";
import { readTarget } from "../../shared/values/targets";
import { fold } from "../../shared/text";
import { WORDS } from "../../shared/values/words";
import type { Value } from "../../shared/types";

describe("parseViNumber", () => {
  test.each([
    ["54,4", 54.4],
    ["2.050", 2050],
    ["2.092.423.000", 2092423000],
    ["1.234,5", 1234.5],
    ["1,234.5", 1234.5],
    ["54.4", 54.4],
    ["0.544", 0.544],
    ["1.5", 1.5],
    ["03", 3],
    ["1,234,567", 1234567],
  ])("%s → %d", (text, n) => expect(parseViNumber(text)).toBe(n));

  test.each(["79,", "1.2.3", "1.23.456", "12,34,56", "", "abc", "1.234.5,6,7"])(
    "%s is not a number",
    (text) => expect(parseViNumber(text)).toBeNull(),
  );
});

describe("normalizeCellText", () => {
  test("composes decomposed letters and makes every run of spaces one space", () => {
    expect(normalizeCellText(" Ke\u0302\u0301t\u00a0\u00a0 qua\u0309\t")).toBe("Kết quả");
    expect(normalizeCellText("54,4\u202f%")).toBe("54,4 %");
  });
});

describe("readValue: strings", () => {
  const cases: [string, Value][] = [
    ["", { kind: "empty" }],
    ["   \u00a0 ", { kind: "empty" }],
    ["54,4\u00a0%", { kind: "percent", percent: 54.4 }],
    ["54.4%", { kind: "percent", percent: 54.4 }],
    ["≥ 90%", { kind: "lowerBound", percent: 90, strict: false }],
    [">= 90%", { kind: "lowerBound", percent: 90, strict: false }],
    ["trên 90%", { kind: "lowerBound", percent: 90, strict: true }],
    ["Đạt trên 85%", { kind: "lowerBound", percent: 85, strict: true }],
    ["-5%", { kind: "percent", percent: -5 }],
    ["120%", { kind: "percent", percent: 120 }],
    ["0/0", { kind: "fraction", numerator: 0, denominator: 0, percent: null }],
    ["0/5", { kind: "fraction", numerator: 0, denominator: 5, percent: 0 }],
    ["2050/3200", { kind: "fraction", numerator: 2050, denominator: 3200, percent: 64.0625 }],
    ["2.050 / 3.200", { kind: "fraction", numerator: 2050, denominator: 3200, percent: 64.0625 }],
    [
      "5020/5870 =85,5%",
      { kind: "fraction", numerator: 5020, denominator: 5870, percent: 85.519591141, statedPercent: 85.5 },
    ],
    [
      "2407/3890người đạt tỷ lệ 61,8% .",
      { kind: "fraction", numerator: 2407, denominator: 3890, percent: 61.876606684, statedPercent: 61.8 },
    ],
    [
      "96,7% (433/448)",
      { kind: "fraction", numerator: 433, denominator: 448, percent: 96.651785714, statedPercent: 96.7 },
    ],
    ["#N/A", { kind: "error", error: "#N/A" }],
    ["#DIV/0!", { kind: "error", error: "#DIV/0!" }],
    ["#VALUE!", { kind: "error", error: "#VALUE!" }],
    ["#REF!", { kind: "error", error: "#REF!" }],
    ["#NAME?", { kind: "error", error: "#NAME?" }],
    ["#ERROR!", { kind: "error", error: "#ERROR!" }],
    ["Chưa", { kind: "no", word: "Chưa" }],
    ["Chưa có số liệu", { kind: "text", text: "Chưa có số liệu" }],
    ["Chưa có hệ thống", { kind: "no", word: "Chưa có hệ thống" }],
    ["Không đạt", { kind: "no", word: "Không đạt" }],
    ["Không áp dụng", { kind: "notEvaluated", word: "Không áp dụng" }],
    ["Đang thực hiện", { kind: "underWay", word: "Đang thực hiện" }],
    ["xã đang xây dựng trang thông tin", { kind: "underWay", word: "Đang xây dựng" }],
    ["Đạt", { kind: "yes", word: "Đạt" }],
    ["co", { kind: "yes", word: "co" }],
    ["Da trien khai", { kind: "yes", word: "Da trien khai" }],
    ["KHÔNG", { kind: "no", word: "KHÔNG" }],
    ["1.5", { kind: "count", count: 1.5 }],
    ["03 sản phẩm OCOP", { kind: "count", count: 3, unit: "sản phẩm OCOP" }],
    ["dưới 50%", { kind: "unreadable", text: "dưới 50%" }],
    ["< 50%", { kind: "unreadable", text: "< 50%" }],
    ["1.2.3 điểm", { kind: "unreadable", text: "1.2.3 điểm" }],
    ["12/", { kind: "unreadable", text: "12/" }],
  ];
  test.each(cases)("%s", (raw, expected) => expect(readValue(raw)).toEqual(expected));

  test("diacritics must agree on short words: cơ sở is not có, đa dạng is not đã", () => {
    expect(readValue("Cơ sở dữ liệu dùng chung").kind).toBe("text");
    expect(readValue("Đa dạng hình thức tuyên truyền").kind).toBe("text");
    expect(readValue("Chùa làng có loa").kind).toBe("text");
  });

  test("dates and document numbers are not fractions", () => {
    expect(readValue("Kế hoạch ngày 12/3/2023").kind).toBe("text");
    expect(readValue("Báo cáo ngày 30/6").kind).toBe("text");
    expect(readValue("Nghị quyết 52/NQ-ĐU, 25/ 3/ 2022").kind).toBe("text");
    expect(readValue("kế hoạch 26/KH-UBND 25 / 5 / 2023").kind).toBe("text");
    // seed 004: the quarter before the figure
    expect(readValue("đến hết quý 3/2023 là: 433/448 hồ sơ, đạt 96,6%")).toMatchObject({
      kind: "fraction",
      numerator: 433,
      denominator: 448,
      statedPercent: 96.6,
    });
    expect(readValue("tính đến 6/2023 có 120/150 hộ")).toMatchObject({ numerator: 120, denominator: 150 });
    expect(readValue("3/2.023 người")).toMatchObject({ kind: "fraction", numerator: 3, denominator: 2023 });
    expect(readValue("12/3/2023: 433/448 hồ sơ")).toMatchObject({
      kind: "fraction",
      numerator: 433,
      denominator: 448,
    });
    expect(readValue("Quyết định số 1829/QĐ-UBND").kind).toBe("text");
    expect(readValue("Đã ban hành Kế hoạch số 12/KH-UBND").kind).toBe("yes");
  });

  test("a unit between the numerator and the slash (seed 003: `có 4.298 người / 5.295 người dân`)", () => {
    expect(readValue("có 4.298 người / 5.295 người dân có tài khoản, đạt 81,17%")).toEqual({
      kind: "fraction",
      numerator: 4298,
      denominator: 5295,
      percent: 81.170915958,
      statedPercent: 81.17,
    });
    expect(readValue("1.135 lượt người/8.055")).toMatchObject({
      kind: "fraction",
      numerator: 1135,
      denominator: 8055,
    });
    expect(readValue("8 điểm/xã").kind).toBe("count"); // no number after the slash
    expect(readValue("12 lớp tập huấn cho cán bộ / 2023").kind).toBe("count"); // more than two words
  });

  test("`đã và đang triển khai` (done and going on) is not under way", () => {
    expect(readValue("UBND xã đã và đang triển khai thực hiện").kind).toBe("text");
    expect(readValue("Đã và đang triển khai").kind).toBe("yes");
    expect(readValue("UBND xã đang triển khai thực hiện").kind).toBe("underWay");
  });

  test("a not-evaluated word wins over the year figure before it", () => {
    expect(readValue("Năm 2023 không tổ chức đánh giá").kind).toBe("notEvaluated");
  });

  test("a very long text reads as text", () => {
    const long = "Xã tổ chức tuyên truyền, ".repeat(1300).slice(0, 32000);
    expect(long.length).toBe(32000);
    expect(readValue(long)).toEqual({ kind: "text", text: long.trim() });
    const digits = "1.1.1.1.1.1".repeat(3000);
    expect(readValue(digits).kind).toBe("unreadable");
  });
});

describe("readValue: other cells", () => {
  test("numbers: percent format is a fraction of 1, plain is a count, date format is a date", () => {
    expect(readValue(0.544, "0.0%")).toEqual({ kind: "percent", percent: 54.4 });
    expect(readValue(1, "0%")).toEqual({ kind: "percent", percent: 100 });
    expect(readValue(0.6233, '0.00"%"')).toEqual({ kind: "count", count: 0.6233 });
    expect(readValue(85)).toEqual({ kind: "count", count: 85 });
    expect(readValue(85, "General")).toEqual({ kind: "count", count: 85 });
    expect(readValue(45000, "dd/mm/yyyy")).toEqual({ kind: "date", date: new Date(Date.UTC(2023, 2, 15)) });
    expect(readValue(Number.NaN).kind).toBe("unreadable");
    expect(readValue(Number.POSITIVE_INFINITY, "0%").kind).toBe("unreadable");
  });
  test("booleans, dates, errors, nothing", () => {
    expect(readValue(true)).toEqual({ kind: "yes", word: "TRUE" });
    expect(readValue(false)).toEqual({ kind: "no", word: "FALSE" });
    const d = new Date(Date.UTC(2023, 5, 30));
    expect(readValue(d)).toEqual({ kind: "date", date: d });
    expect(readValue(new Date(Number.NaN)).kind).toBe("unreadable");
    expect(readValue({ error: "#N/A" })).toEqual({ kind: "error", error: "#N/A" });
    expect(readValue(null)).toEqual({ kind: "empty" });
    expect(readValue(undefined)).toEqual({ kind: "empty" });
  });
  test("objects a host forgot to flatten (ExcelJS formula results, rich text) are read through", () => {
    expect(readValue({ formula: "A1/B1", result: 0.8 } as never, "0%")).toEqual({
      kind: "percent",
      percent: 80,
    });
    expect(readValue({ richText: [{ text: "54," }, { text: "4%" }] } as never)).toEqual({
      kind: "percent",
      percent: 54.4,
    });
    expect(readValue({ foo: 1 } as never).kind).toBe("unreadable");
    expect(readValue([[0.79]] as never, "0%")).toEqual({ kind: "percent", percent: 79 });
    expect(readValue([["Có", "Không"]] as never).kind).toBe("unreadable");
    expect(cellText([["54,4%"]] as never)).toBe("54,4%");
  });
});

describe("number formats", () => {
  test("percent formats", () => {
    expect(["0%", "0.0%", "0.00%", "#,##0.0%"].every(isPercentFormat)).toBe(true);
    expect(["General", "@", '0" %"', "0.00", undefined].some((f) => isPercentFormat(f))).toBe(false);
  });
  test("date formats", () => {
    expect(["dd/mm/yyyy", "m/d/yy", "d-mmm-yy", "yyyy-mm-dd"].every(isDateFormat)).toBe(true);
    expect(["General", "0.0%", "#,##0", "@", "hh:mm", '0 "ngày"'].some((f) => isDateFormat(f))).toBe(false);
  });
});

describe("cellText", () => {
  test.each<[unknown, string | undefined, string]>([
    [0.544, "0.0%", "54,4%"],
    [0.544, "0%", "54%"],
    [1, "0%", "100%"],
    [0.6, "0.00%", "60%"],
    [0.544, "0,0%", "54,4%"],
    [0.5444, "#,##0.00%", "54,44%"],
    [2050, undefined, "2.050"],
    [2092423000, "#,##0", "2.092.423.000"],
    [54.4, "General", "54,4"],
    [45000, "dd/mm/yyyy", "15/03/2023"],
    [new Date(Date.UTC(2023, 5, 30)), undefined, "30/06/2023"],
    [true, undefined, "TRUE"],
    [{ error: "#N/A" }, undefined, "#N/A"],
    [null, undefined, ""],
    ["54,4 %", undefined, "54,4 %"],
    ["=1+1", undefined, "=1+1"],
  ])("%p with %p → %p", (raw, format, text) => expect(cellText(raw as never, format)).toBe(text));

  test("a date at local midnight (Apps Script) shows its local day", () => {
    const local = new Date(2023, 5, 30);
    expect(cellText(local)).toBe("30/06/2023");
  });
});

describe("valueProblem", () => {
  test.each<[unknown, string | null, string]>([
    ["79,%", "UNREADABLE_VALUE", "không đọc được thành tỷ lệ"],
    ["12/", "UNREADABLE_VALUE", "không đọc được thành phân số"],
    ["#N/A", "ERROR_VALUE", ""],
    [new Date(Date.UTC(2023, 2, 10)), "DATE_VALUE", ""],
    ["0/0", "ZERO_DENOMINATOR", "có mẫu số bằng 0"],
    ["5/0", "ZERO_DENOMINATOR", ""],
    ["30/6 hộ", "RATE_OUT_OF_RANGE", ""],
    ["120%", "RATE_OUT_OF_RANGE", ""],
    ["-1%", "RATE_OUT_OF_RANGE", ""],
    ["54,4%", null, ""],
    ["433/448", null, ""],
    ["Có", null, ""],
    ["xã tổ chức tuyên truyền", null, ""],
    [85, null, ""],
  ])("%p → %p", (raw, code, detail) => {
    const p = valueProblem(readValue(raw as never));
    expect(p?.code ?? null).toBe(code);
    if (detail) expect(p?.detail).toBe(detail);
    if (p) expect(p.detail).toMatch(/[à-ỹ]/); // Vietnamese words
  });
});

describe("scanFigures", () => {
  test("rates in order with their bounds; the number a text starts with", () => {
    const f = scanFigures("đạt trên 90% (450/480), dưới 5% lỗi");
    expect(f.rates.map((r) => r.kind)).toEqual(["percent", "fraction", "percent"]);
    expect(f.rates[0]).toMatchObject({ percent: 90, bound: { side: "lower", strict: true } });
    expect(f.rates[2]).toMatchObject({ percent: 5, bound: { side: "upper" } });
    expect(f.leading).toBeUndefined();
    expect(scanFigures("32 mắt camera").leading).toEqual({ value: 32, end: 2 });
  });
});

describe("the word lists, derived from the data", () => {
  test("every result word alone reads as its kind, with or without diacritics, in any case", () => {
    for (const w of WORDS.results) {
      for (const spelling of [w.text, w.text.toUpperCase(), fold(w.text), ` ${w.text}. `]) {
        expect([spelling, readValue(spelling).kind]).toEqual([spelling, w.kind]);
      }
    }
  });
  test("every yes-type target word reads as that target", () => {
    for (const word of WORDS.yesTargets) {
      expect(readTarget(word)).toEqual({ kind: "yes", word });
      expect(readTarget(fold(word).toUpperCase())).toEqual({ kind: "yes", word });
    }
  });
  test("a negation before an affirmative word in prose is no, not yes", () => {
    for (const w of WORDS.results.filter((r) => r.kind === "yes" && r.place === "anywhere")) {
      for (const n of WORDS.negations) {
        const text = `Xã ${n.toLowerCase()} ${w.text.toLowerCase()}`;
        const yesTarget = { kind: "yes", word: "Có" } as const;
        expect([text, readValue(text).kind, gradeValue(readValue(text), yesTarget).status]).toEqual([
          text,
          "text",
          "KHONG_DAT",
        ]);
      }
    }
  });
  test("every no-data phrase reads as text and is left for review under any target", () => {
    for (const phrase of WORDS.noData) {
      expect([phrase, readValue(phrase).kind]).toEqual([phrase, "text"]);
      for (const target of [
        { kind: "yes", word: "Có" },
        { kind: "percent", comparator: ">=", threshold: 50 },
      ] as const) {
        expect([phrase, gradeValue(readValue(phrase), target).status]).toEqual([phrase, "CAN_XEM_XET"]);
      }
    }
  });

  test("no word is listed twice", () => {
    const keys = WORDS.results.map((w) => fold(w.text));
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(WORDS.yesTargets.map(fold)).size).toBe(WORDS.yesTargets.length);
  });
});
