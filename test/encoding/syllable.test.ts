import { ANNEX_PHRASES, isVietnameseSyllable, RHYMES, toTcvn3, toVni } from "../../shared/encoding";
import { HEADER } from "./annex-unicode";
import { SEED_LATIN1_WORDS } from "./seed-words";
import { NAMES_2022_BAC_SON, NAMES_2023_HOANG_PHU, NAMES_2023_QUANG_NGOC } from "../core/table.fixtures";

const words = (text: string): string[] => text.split(/[^\p{L}]+/u).filter((w) => w !== "");

describe("isVietnameseSyllable", () => {
  it("every word of the seed reports' criterion names that is not an abbreviation or a loan word", () => {
    const names = [...NAMES_2023_QUANG_NGOC, ...NAMES_2023_HOANG_PHU, ...NAMES_2022_BAC_SON].map(
      ([, n]) => n,
    );
    const rejected = [...new Set(names.flatMap(words))].filter((w) => !isVietnameseSyllable(w));
    // abbreviations and loan words only
    expect(rejected.sort()).toEqual(
      [
        "CBCC",
        "CNTT",
        "CP",
        "Camara",
        "NĐ",
        "OCOP",
        "TTHC",
        "UBND",
        "internet",
        "nghành",
        "postmart",
        "vn",
        "voso",
        "zaloo",
        "zalo",
        "wifi",
        "G",
        "GD",
        "ĐT",
      ].sort(),
    );
  });

  it("the seed words in Latin-1, except their typing errors and loan words", () => {
    const rejected = SEED_LATIN1_WORDS.filter((w) => !isVietnameseSyllable(w));
    expect(rejected).toEqual(["café", "nghiêp", "nghành", "sàc", "zôn"]);
  });

  it("every word of the vocabulary and of the header", () => {
    const all = [...ANNEX_PHRASES, ...HEADER].flatMap(words);
    expect(all.filter((w) => !isVietnameseSyllable(w))).toEqual(["TT"]);
  });

  it.each([
    "gì",
    "giếng",
    "giữa",
    "quốc",
    "quý",
    "quyền",
    "khuya",
    "khuỷu",
    "người",
    "rượu",
    "xoong",
    "thuở",
    "oái",
  ])("%s is a syllable", (w) => expect(isVietnameseSyllable(w)).toBe(true));

  it.each([
    ["Tªn", "a legacy character"],
    ["KÕt", "a legacy character"],
    ["qu", "no vowel"],
    ["ce", "c before e (ke)"],
    ["ki", "fine: k before i"],
    ["ka", "k before a (ca)"],
    ["ghe", "fine: gh before e"],
    ["gha", "gh before a"],
    ["nge", "ng before e (nghe)"],
    ["ngha", "ngh before a"],
    ["ge", "g before e (ghe)"],
    ["màc", "a stop final with the huyền tone"],
    ["mác", "fine: sắc with a stop final"],
    ["mạch", "fine: nặng with ch"],
    ["mảt", "a stop final with the hỏi tone"],
    ["ăn", "fine: ă with a final"],
    ["mă", "ă with no final"],
    ["cơng", "ơ does not take ng"],
    ["mích", "fine"],
    ["míc", "i does not take c"],
    ["tiê", "iê needs a final"],
    ["tiên", "fine"],
    ["aỉa", "two vowel groups"],
    ["á\u0301", "two tones"],
    ["zôn", "z is no initial"],
  ])("%s: %s", (w, why) => {
    expect(isVietnameseSyllable(w)).toBe(why.startsWith("fine"));
  });

  it("every vowel group of RHYMES forms a syllable with each final it lists, level or with sắc on one vowel", () => {
    const failing: string[] = [];
    for (const [group, finals] of Object.entries(RHYMES))
      for (const final of finals) {
        const level = `t${group}${final}`;
        const toned = [...group].map((_, i) =>
          `t${group.slice(0, i + 1)}\u0301${group.slice(i + 1)}${final}`.normalize("NFC"),
        );
        if (!["c", "ch", "p", "t"].includes(final) && !isVietnameseSyllable(level)) failing.push(level);
        if (!toned.some(isVietnameseSyllable)) failing.push(toned.join("/"));
        // and exactly one place for the tone, except the groups written both ways (hòa, hoà)
        const places = toned.filter(isVietnameseSyllable).length;
        if (places !== (["oa", "oe", "uy", "oo"].includes(group) ? 2 : 1))
          failing.push(`${group}${final}: ${places}`);
      }
    expect(failing).toEqual([]);
  });

  it("legacy spellings of the header words are no syllables as they stand, but for five", () => {
    const syllables: string[] = [];
    for (const word of HEADER.flatMap(words))
      for (const legacy of [toTcvn3(word), toVni(word)])
        if (legacy !== word && isVietnameseSyllable(legacy)) syllables.push(`${word} → ${legacy}`);
    // Unicode words in their own right: the detector weighs them (a reading that forms an annex word from
    // them gains, but only a sheet with clear evidence is read that way)
    expect(syllables).toEqual(["vị → vò", "cụ → cô", "thể → thÓ", "Khó → Khã", "Tự → Tù"]);
  });

  it("a tone where Vietnamese never puts it: on a consonant or a glide", () => {
    expect(isVietnameseSyllable("Ñôn")).toBe(false); // Ñ is N with a tilde
    expect(isVietnameseSyllable("giaù")).toBe(false); // giàu with the tone on the u
    expect(isVietnameseSyllable("giàu")).toBe(true);
    expect(isVietnameseSyllable("hòa")).toBe(true);
    expect(isVietnameseSyllable("hoà")).toBe(true);
    expect(isVietnameseSyllable("qúa")).toBe(true); // a common spelling of quá
  });
});
