import fc from "fast-check";
import {
  fromLegacy,
  fromTcvn3,
  fromVni,
  TONES,
  toTcvn3,
  toVni,
  VOWELS,
  vietnameseLetter,
} from "../../shared/encoding";

const RUN = { seed: 20231205, numRuns: 300 };

/** the annex header words of issue 14 */
const HEADER_WORDS = [
  "Tên chỉ tiêu",
  "Đơn vị tính",
  "Chỉ tiêu cụ thể",
  "Kết quả đạt được",
  "Khó khăn, vướng mắc",
  "Tự đánh giá",
  "Đạt",
  "Không đạt",
  "Đang triển khai",
];

describe("the verbatim samples of issue 14", () => {
  it.each([
    ["Tªn chØ tiªu", "Tên chỉ tiêu"],
    ["KÕt qu¶ ®¹t ®\u00adîc", "Kết quả đạt được"],
    ["Tû lÖ", "Tỷ lệ"],
    ["Cã", "Có"],
  ])("TCVN3 %s → %s", (legacy, unicode) => {
    expect(fromTcvn3(legacy)).toBe(unicode);
    expect(toTcvn3(unicode)).toBe(legacy);
  });

  it.each([
    ["Teân chæ tieâu", "Tên chỉ tiêu"],
    ["Coù", "Có"],
  ])("VNI %s → %s", (legacy, unicode) => {
    expect(fromVni(legacy)).toBe(unicode);
    expect(toVni(unicode)).toBe(legacy);
  });

  it("the brief's VNI letters: eâ = ê, aø = à, ö = ư, ô = ơ, ñ = đ", () => {
    expect(["eâ", "aø", "ö", "ô", "ñ"].map(fromVni)).toEqual(["ê", "à", "ư", "ơ", "đ"]);
  });
});

describe("the annex header words", () => {
  // written by hand from the tables, one word at a time, as a second writing of the encoders' output
  const TCVN3: Record<string, string> = {
    "Tên chỉ tiêu": "Tªn chØ tiªu",
    "Đơn vị tính": "§¬n vÞ tÝnh",
    "Chỉ tiêu cụ thể": "ChØ tiªu cô thÓ",
    "Kết quả đạt được": "KÕt qu¶ ®¹t ®\u00adîc",
    "Khó khăn, vướng mắc": "Khã kh¨n, v\u00adíng m¾c",
    "Tự đánh giá": "Tù ®¸nh gi¸",
    Đạt: "§¹t",
    "Không đạt": "Kh«ng ®¹t",
    "Đang triển khai": "§ang triÓn khai",
  };
  const VNI: Record<string, string> = {
    "Tên chỉ tiêu": "Teân chæ tieâu",
    "Đơn vị tính": "Ñôn vò tính",
    "Chỉ tiêu cụ thể": "Chæ tieâu cuï theå",
    "Kết quả đạt được": "Keát quaû ñaït ñöôïc",
    "Khó khăn, vướng mắc": "Khoù khaên, vöôùng maéc",
    "Tự đánh giá": "Töï ñaùnh giaù",
    Đạt: "Ñaït",
    "Không đạt": "Khoâng ñaït",
    "Đang triển khai": "Ñang trieån khai",
  };

  it.each(HEADER_WORDS)("%s in TCVN3, VNI and TCVN3 …H (upper case)", (word) => {
    expect(toTcvn3(word)).toBe(TCVN3[word]);
    expect(fromTcvn3(TCVN3[word]!)).toBe(word);
    expect(toVni(word)).toBe(VNI[word]);
    expect(fromVni(VNI[word]!)).toBe(word);
    expect(fromVni(toVni(word.toUpperCase()))).toBe(word.toUpperCase());
    expect(fromTcvn3(toTcvn3(word.toUpperCase()), { upper: true })).toBe(word.toUpperCase());
  });
});

describe("case", () => {
  it("a …H font reads as capitals, whether typed with small or capital keys", () => {
    expect(fromTcvn3("kÕt qu¶ ®¹t ®\u00adîc", { upper: true })).toBe("KẾT QUẢ ĐẠT ĐƯỢC");
    expect(fromTcvn3("KÕT QU¶ §¹T §\u00adîC", { upper: true })).toBe("KẾT QUẢ ĐẠT ĐƯỢC");
    expect(fromTcvn3("phô lôc", { upper: true })).toBe("PHỤ LỤC");
  });

  it("TCVN3 has capitals of its own for Ă Â Ê Ô Ơ Ư Đ only", () => {
    expect(fromTcvn3("¡¢£¤¥¦§")).toBe("ĂÂÊÔƠƯĐ");
    // a capital with a tone has no code: the …H font's code is the small letter's
    expect(toTcvn3("Ấ")).toBe(toTcvn3("ấ"));
  });

  it("VNI capitals carry their own marks (MINH HOAØNG)", () => {
    expect(fromVni("MINH HOAØNG")).toBe("MINH HOÀNG");
    expect(fromVni("ÑAÏT")).toBe("ĐẠT");
    expect(fromVni("CHÆ TIEÂU")).toBe("CHỈ TIÊU");
  });

  it("VNI: a capital base with a small mark, or the other way round, takes the base's case", () => {
    expect(fromVni("Aù")).toBe("Á");
    expect(fromVni("aÙ")).toBe("á");
    expect(fromVni("OÂng")).toBe("Ông");
  });

  it("VNI: the shape and the tone typed as two marks read as one letter", () => {
    expect(fromVni("tieâùn")).toBe("tiến");
    expect(fromVni("aêø")).toBe("ằ");
  });
});

describe("what is not a legacy letter stays as it is", () => {
  it("digits, punctuation, ASCII words, symbols", () => {
    for (const text of ["54,4%", "433/448", "2.050/3.200 lao động = 64,1%", "Total", "≥ 60%", "A1", "—"]) {
      expect(fromTcvn3(text)).toBe(text);
      expect(fromVni(text)).toBe(text);
    }
  });

  it("bytes TCVN3 (VN3) leaves free: 0x80–0xA0, 0xB0–0xB4, 0xC0–0xC5 …", () => {
    const free = "\u00a0°±²³´ÀÁÂÃÄÅÍÙÚÛàðÿ€–“";
    expect(fromTcvn3(free)).toBe(free);
  });

  it("a VNI mark with no base before it", () => {
    expect(fromVni("ù ø û")).toBe("ù ø û");
    expect(fromVni("bù")).toBe("bù");
  });

  it("returns the very string when nothing changes", () => {
    const text = "Kết quả đạt được 54,4%";
    expect(fromTcvn3(text)).toBe(text);
    expect(fromVni("plain ASCII")).toBe("plain ASCII");
  });

  it("reads to NFC even when the cell holds a combining mark", () => {
    expect(fromTcvn3("a\u0301 ®")).toBe("á đ");
    expect(fromTcvn3("a\u0301 ®").normalize("NFC")).toBe(fromTcvn3("a\u0301 ®"));
  });

  it("fromLegacy picks the reader", () => {
    expect(fromLegacy("Cã", "TCVN3")).toBe("Có");
    expect(fromLegacy("Coù", "VNI")).toBe("Có");
    expect(fromLegacy("Cã", "TCVN3", { upper: true })).toBe("CÓ");
  });
});

describe("properties (seeded)", () => {
  const letters = VOWELS.flatMap((v) => TONES.map((t) => vietnameseLetter(v, t)));
  const piece = fc.oneof(
    fc.constantFrom(...letters, "đ"),
    fc.constantFrom(..."bcdghklmnpqrstvx"),
    fc.constantFrom(" ", ",", ".", "%", "/", "0", "5", "9", "(", ")", "-"),
  );
  const lowerText = fc.array(piece, { maxLength: 40 }).map((p) => p.join(""));
  const anyCase = fc
    .tuple(lowerText, fc.array(fc.boolean(), { maxLength: 40 }))
    .map(([t, caps]) => [...t].map((ch, i) => (caps[i] ? ch.toUpperCase() : ch)).join(""));

  it("VNI: any text of Vietnamese letters, any case, reads back", () => {
    fc.assert(
      fc.property(anyCase, (t) => fromVni(toVni(t)) === t),
      RUN,
    );
  });

  it("TCVN3: small letters read back; capitals read back in a …H font", () => {
    fc.assert(
      fc.property(lowerText, (t) => fromTcvn3(toTcvn3(t)) === t),
      RUN,
    );
    fc.assert(
      fc.property(anyCase, (t) => fromTcvn3(toTcvn3(t), { upper: true }) === t.toUpperCase()),
      RUN,
    );
  });

  it("ASCII text is never changed by either reader", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary-ascii", maxLength: 60 }),
        (t) => fromTcvn3(t) === t && fromVni(t) === t,
      ),
      RUN,
    );
  });
});
