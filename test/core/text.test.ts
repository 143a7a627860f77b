import { a1, clip, columnLetters, fold, formatNumber, formatPercent, parseA1 } from "../../shared/text";

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

describe("clip", () => {
  it("tidies white space and cuts long text with an ellipsis", () => {
    expect(clip("điểm", 30)).toBe("điểm");
    expect(clip("  mắt\u00a0 camera ", 30)).toBe("mắt camera");
    expect(clip("Tỷ lệ hộ gia đình có kết nối Internet cáp quang", 10)).toBe("Tỷ lệ hộ …");
  });
});

describe("formatNumber", () => {
  it("writes Vietnamese numbers", () => {
    expect(formatNumber(54.4)).toBe("54,4");
    expect(formatNumber(2050)).toBe("2.050");
    expect(formatNumber(2092423000)).toBe("2.092.423.000");
    expect(formatNumber(-1_000_007)).toBe("-1.000.007");
    expect(formatNumber(96.65, 1)).toBe("96,7");
    expect(formatNumber(64.0625)).toBe("64,06");
    expect(formatNumber(-0.001)).toBe("0");
    expect(formatNumber(1e21)).toBe("1e+21");
  });

  it("keeps the zeros of whole numbers at any precision", () => {
    expect(formatNumber(100, 0)).toBe("100");
    expect(formatNumber(10, 2)).toBe("10");
    expect(formatPercent(100, 0)).toBe("100%");
    expect(formatPercent(60)).toBe("60%");
    expect(formatPercent(54.44)).toBe("54,4%");
  });
});
