import { encodingOfFont, LEGACY_FONTS } from "../../shared/encoding";

describe("encodingOfFont", () => {
  it.each([
    [".VnTime", "TCVN3", false],
    [".VnTimeH", "TCVN3", true],
    [".VnArial", "TCVN3", false],
    [".VnArialH", "TCVN3", true],
    [".VnArial Narrow", "TCVN3", false],
    [".VnArial NarrowH", "TCVN3", true],
    ["VNI-Times", "VNI", false],
    ["VNI-Helve", "VNI", false],
  ] as const)("%s → %s (capitals: %s)", (font, encoding, upper) => {
    expect(encodingOfFont(font)).toEqual({ encoding, upper, font });
  });

  it("compares names without case and keeps the host's spelling", () => {
    expect(encodingOfFont(".vntimeh")).toEqual({ encoding: "TCVN3", upper: true, font: ".vntimeh" });
    expect(encodingOfFont(".VNTIME")).toEqual({ encoding: "TCVN3", upper: false, font: ".VNTIME" });
    expect(encodingOfFont("vni-times")).toEqual({ encoding: "VNI", upper: false, font: "vni-times" });
  });

  it("drops a style after the family and spaces around it", () => {
    expect(encodingOfFont(" .VnTimeH Bold ")?.upper).toBe(true);
    expect(encodingOfFont(".VnTime Bold Italic")).toMatchObject({ encoding: "TCVN3", upper: false });
  });

  it("reads families it does not list by their prefix; an unlisted TCVN3 family ending in H is an …H font", () => {
    expect(encodingOfFont(".VnBodoni")).toMatchObject({ encoding: "TCVN3", upper: false });
    expect(encodingOfFont(".VnBodoniH")).toMatchObject({ encoding: "TCVN3", upper: true });
    expect(encodingOfFont("VNI-Thufap")).toMatchObject({ encoding: "VNI", upper: false });
    expect(encodingOfFont("VNI Times")).toMatchObject({ encoding: "VNI" });
  });

  it.each([
    "Times New Roman",
    "Arial",
    "Calibri",
    "VnTime", // no dot: not an ABC font
    "VnTimeH",
    ".VNI-Times", // neither
    ".Vn",
    "VNI-",
    "",
    null,
    undefined,
  ])("%p is no legacy font", (font) => {
    expect(encodingOfFont(font)).toBeUndefined();
  });

  it("the list: names unique without case; ABC fonts start with .Vn, VNI fonts with VNI-; …H fonts are TCVN3", () => {
    const keys = LEGACY_FONTS.map((f) => f.name.toLowerCase());
    expect(new Set(keys).size).toBe(keys.length);
    for (const f of LEGACY_FONTS) {
      expect(f.name.startsWith(f.encoding === "TCVN3" ? ".Vn" : "VNI-")).toBe(true);
      if (f.upper) expect([f.encoding, f.name.endsWith("H")]).toEqual(["TCVN3", true]);
      // and reads as listed
      expect(encodingOfFont(f.name)).toEqual({ encoding: f.encoding, upper: f.upper, font: f.name });
    }
    // each ABC family with an H variant lists both
    for (const f of LEGACY_FONTS.filter((x) => x.upper))
      expect(LEGACY_FONTS.some((x) => x.name === f.name.slice(0, -1))).toBe(true);
  });
});
