import { a1, columnLetters, fold, formatNumber, formatPercent, parseA1 } from "../../shared/text";

describe("fold", () => {
  it("drops diacritics, đ, case and extra space", () => {
    expect(fold("  Kết quả\u00a0 ĐẠT được ")).toBe("ket qua dat duoc");
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

describe("formatNumber", () => {
  it("writes Vietnamese numbers", () => {
    expect(formatNumber(54.4)).toBe("54,4");
    expect(formatNumber(2050)).toBe("2.050");
    expect(formatNumber(2092423000)).toBe("2.092.423.000");
    expect(formatNumber(96.65, 1)).toBe("96,7");
    expect(formatNumber(-0.001)).toBe("0");
  });
  it("keeps the zeros of whole numbers at any precision", () => {
    expect(formatNumber(100, 0)).toBe("100");
    expect(formatNumber(10, 2)).toBe("10");
    expect(formatPercent(100, 0)).toBe("100%");
    expect(formatPercent(60)).toBe("60%");
  });
});
