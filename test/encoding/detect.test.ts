import fc from "fast-check";
import {
  ANNEX_PHRASES,
  bestReading,
  detectText,
  MIN_GAIN,
  readText,
  toTcvn3,
  toVni,
} from "../../shared/encoding";
import { HEADER } from "./annex-unicode";
import { SEED_LATIN1_WORDS } from "./seed-words";
import {
  NAMES_2022_BAC_SON,
  NAMES_2023_HOANG_PHU,
  NAMES_2023_QUANG_NGOC,
  RESULTS_HOANG_PHU,
} from "../core/table.fixtures";

const RUN = { seed: 20231205, numRuns: 400 };
const SEED_NAMES = [...NAMES_2023_QUANG_NGOC, ...NAMES_2023_HOANG_PHU, ...NAMES_2022_BAC_SON].map(
  ([, n]) => n,
);
const SEED_TEXTS = [...SEED_NAMES, ...Object.values(RESULTS_HOANG_PHU)];

describe("detectText: legacy text is recognised", () => {
  it.each(["Tªn chØ tiªu", "KÕt qu¶ ®¹t ®\u00adîc", "Tû lÖ", "Kh«ng ®¹t", "§ang triÓn khai"])(
    "%s is TCVN3",
    (t) => expect(detectText(t)).toBe("TCVN3"),
  );

  it.each(["Teân chæ tieâu", "Coù", "Khoâng ñaït", "XAÕ HOAØNG PHUÏ"])("%s is VNI", (t) =>
    expect(detectText(t)).toBe("VNI"),
  );

  it.each([...HEADER.slice(1), "Đạt", "Không đạt", "Đang triển khai"])(
    "the header word %s in either encoding",
    (w) => {
      expect(detectText(toTcvn3(w))).toBe("TCVN3");
      expect(detectText(toVni(w))).toBe("VNI");
    },
  );

  it("every criterion name of the seed reports, in either encoding", () => {
    const missed = SEED_NAMES.filter(
      (n) => detectText(toTcvn3(n)) !== "TCVN3" || detectText(toVni(n)) !== "VNI",
    );
    expect(missed).toEqual([]);
  });

  it("text typed with Caps Lock in TCVN3 reads as capitals (it was meant for an …H font)", () => {
    expect(bestReading(readText("KÕT QU¶ §¹T §\u00adîC"))?.text).toBe("KẾT QUẢ ĐẠT ĐƯỢC");
    expect(bestReading(readText("KÕt qu¶"))?.text).toBe("Kết quả");
  });
});

describe("detectText: doubtful alone", () => {
  it("Cã is a syllable as it stands and Có read as TCVN3: it gains, but is no clear evidence", () => {
    const best = bestReading(readText("Cã"));
    expect(best).toMatchObject({ encoding: "TCVN3", text: "Có", clear: false });
    expect(best!.gain).toBeGreaterThan(0);
    expect(detectText("Cã")).toBeNull();
  });

  it("a stray symbol that TCVN3 would read as a letter: 10 µm (→ 10 àm) gains less than MIN_GAIN", () => {
    const best = bestReading(readText("10 µm"));
    expect(best).toMatchObject({ encoding: "TCVN3", clear: true });
    expect(best!.gain).toBeLessThan(MIN_GAIN);
    expect(detectText("10 µm")).toBeNull();
  });
});

describe("detectText: what is not legacy text", () => {
  it.each([
    ...HEADER,
    "Có",
    "Không",
    "Xã",
    "Tên",
    "Công",
    "KHÔNG",
    "Thanh Hóa",
    "Thanh Hoá",
    "Năm 2023 không tổ chức đánh giá",
  ])("Unicode Vietnamese: %s", (t) => expect(detectText(t)).toBeNull());

  it.each(["Total", "Yes", "N/A", "54,4%", "433/448", "2.092.423.000", "≥ 60%", "", " "])(
    "ASCII and figures: %p",
    (t) => expect(detectText(t)).toBeNull(),
  );

  it.each([
    "Café",
    "résumé",
    "naïve",
    "Señor",
    "Ångström",
    "São Paulo",
    "crème brûlée",
    "© 2023",
    "½ năm",
    "25 °C",
  ])("French, Spanish, symbols: %s", (t) => expect(detectText(t)).toBeNull());

  it("readText says why: ascii, unicode, or candidate readings", () => {
    expect(readText("Total 54%").kind).toBe("ascii");
    expect(readText("Kết quả").kind).toBe("unicode");
    expect(readText("Phƣờng").kind).toBe("unicode"); // the ƣ of text copied from PDF
    expect(readText("Có").kind).toBe("candidate");
    // Có is an annex word; both readings lose against it
    expect(readText("Có")).toMatchObject({
      readings: [
        { encoding: "TCVN3", text: "Cú", gain: -2 },
        { encoding: "VNI", text: "Cĩ", gain: -4 },
      ],
    });
  });
});

describe("detectText never flags real Unicode Vietnamese (seeded)", () => {
  const asciiWords = [
    "UBND",
    "CNTT",
    "Total",
    "OCOP",
    "zalo",
    "wifi",
    "100%",
    "14/14",
    "2023",
    "-",
    "(",
    ")",
  ];
  const cell = fc
    .array(fc.oneof(fc.constantFrom(...SEED_LATIN1_WORDS), fc.constantFrom(...asciiWords)), {
      minLength: 1,
      maxLength: 10,
    })
    .map((w) => w.join(" "));

  it("any cell of the seeds' Latin-1 words and ASCII words", () => {
    fc.assert(
      fc.property(cell, (t) => detectText(t) === null),
      RUN,
    );
  });

  it("every seed word alone, and its capitalised and upper-case forms", () => {
    const all = SEED_LATIN1_WORDS.flatMap((w) => [w, w.toUpperCase(), w[0]!.toUpperCase() + w.slice(1)]);
    expect(all.filter((w) => detectText(w) !== null)).toEqual([]);
  });

  it("every seed text, and any window of its words", () => {
    expect(SEED_TEXTS.filter((t) => detectText(t) !== null)).toEqual([]);
    const window = fc
      .tuple(fc.constantFrom(...SEED_TEXTS), fc.nat(30), fc.integer({ min: 1, max: 6 }))
      .map(([t, start, len]) =>
        t
          .split(" ")
          .slice(start, start + len)
          .join(" "),
      );
    fc.assert(
      fc.property(window, (t) => detectText(t) === null),
      RUN,
    );
  });

  it("the vocabulary's phrases as they stand", () => {
    expect(ANNEX_PHRASES.filter((p) => detectText(p) !== null)).toEqual([]);
  });
});
