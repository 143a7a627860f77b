/**
 * Which legacy encoding a font name says a cell is typed in. Hosts that know a cell's font (ExcelJS
 * `cell.font.name`, Office.js `format.font.name`, Apps Script `getFontFamilies()`) pass it; the name settles the
 * encoding before the text is looked at.
 */
import type { LegacyEncoding } from "./tables";

export interface FontEncoding {
  readonly encoding: LegacyEncoding;
  /** a TCVN3 `…H` font: every letter drawn as a capital (`.VnTimeH`) */
  readonly upper: boolean;
  /** the font name as the host gave it */
  readonly font: string;
}

/** a font family of the legacy sets, as Windows lists it */
export interface LegacyFont {
  readonly name: string;
  readonly encoding: LegacyEncoding;
  readonly upper: boolean;
}

const abc = (name: string): LegacyFont => ({ name, encoding: "TCVN3", upper: false });
const abcH = (name: string): LegacyFont => ({ name, encoding: "TCVN3", upper: true });
const vni = (name: string): LegacyFont => ({ name, encoding: "VNI", upper: false });

/**
 * The fonts of the ABC (TCVN3) and VNI font sets most met in office files. A name not listed is still read by
 * its prefix (see {@link FONT_PREFIXES}); the list settles the case of the `…H` fonts and documents what is known.
 */
export const LEGACY_FONTS: readonly LegacyFont[] = [
  abc(".VnTime"),
  abcH(".VnTimeH"),
  abc(".VnArial"),
  abcH(".VnArialH"),
  abc(".VnArial Narrow"),
  abcH(".VnArial NarrowH"),
  abc(".VnAvant"),
  abcH(".VnAvantH"),
  abc(".VnBahamasB"),
  abcH(".VnBahamasBH"),
  abc(".VnBlack"),
  abcH(".VnBlackH"),
  abc(".VnBook-Antiqua"),
  abcH(".VnBook-AntiquaH"),
  abc(".VnCentury Schoolbook"),
  abcH(".VnCentury SchoolbookH"),
  abc(".VnClarendon"),
  abcH(".VnClarendonH"),
  abc(".VnCommercial Script"),
  abc(".VnCooper"),
  abcH(".VnCooperH"),
  abc(".VnCourier"),
  abc(".VnCourier New"),
  abc(".VnFree"),
  abcH(".VnFreeH"),
  abc(".VnGothic"),
  abcH(".VnGothicH"),
  abc(".VnHelvetIns"),
  abcH(".VnHelvetInsH"),
  abc(".VnLinus"),
  abcH(".VnLinusH"),
  abc(".VnMonotype corsiva"),
  abc(".VnPresent"),
  abc(".VnShelley Allegro"),
  abc(".VnSouthern"),
  abc(".VnTeknical"),
  abc(".VnUniverse"),
  abcH(".VnUniverseH"),
  abc(".VnVogue"),
  abcH(".VnVogueH"),
  vni("VNI-Times"),
  vni("VNI-Helve"),
  vni("VNI-Helve-Condense"),
  vni("VNI-Aptima"),
  vni("VNI-Avo"),
  vni("VNI-Bodon"),
  vni("VNI-Book"),
  vni("VNI-Centur"),
  vni("VNI-Cooper"),
  vni("VNI-Couri"),
  vni("VNI-Free"),
  vni("VNI-Garam"),
  vni("VNI-Goudy"),
  vni("VNI-Korin"),
  vni("VNI-Palatin"),
  vni("VNI-Present"),
  vni("VNI-Revue"),
  vni("VNI-Souvir"),
  vni("VNI-Swiss-Condense"),
  vni("VNI-Univer"),
  vni("VNI-Zap"),
];

/**
 * Prefixes (compared without case) that name a legacy font family: every ABC font starts with `.Vn` (with the
 * dot: `VnTime` without it is not one), every VNI font with `VNI-` or `VNI ` (`.VNI…` is not an ABC font).
 */
export const FONT_PREFIXES: readonly { readonly prefix: string; readonly encoding: LegacyEncoding }[] = [
  { prefix: "vni-", encoding: "VNI" },
  { prefix: "vni ", encoding: "VNI" },
  { prefix: ".vn", encoding: "TCVN3" },
];

/** words a host may leave after the family name (`.VnTimeH Bold`) */
const STYLE_WORDS = /(?:\s+(?:bold|italic|regular|normal|oblique))+$/i;

let byName: Map<string, LegacyFont> | undefined;

/**
 * The legacy encoding a font name stands for, or undefined for any other font (Unicode fonts, no font).
 * Names are compared without case; a TCVN3 family not listed is an `…H` font when it ends in a capital `H`.
 * @example encodingOfFont(".VnTimeH") → { encoding: "TCVN3", upper: true, font: ".VnTimeH" }
 * @example encodingOfFont("vni-times") → { encoding: "VNI", upper: false, font: "vni-times" }
 */
export function encodingOfFont(font: string | null | undefined): FontEncoding | undefined {
  if (!font) return undefined;
  return fontEncoding(font) ?? undefined;
}

function fontEncoding(font: string): FontEncoding | null {
  const family = font.trim().replace(STYLE_WORDS, "");
  const key = family.toLowerCase();
  byName ??= new Map(LEGACY_FONTS.map((f) => [f.name.toLowerCase(), f]));
  const known = byName.get(key);
  if (known) return { encoding: known.encoding, upper: known.upper, font };
  const rule = FONT_PREFIXES.find((p) => key.startsWith(p.prefix) && key.length > p.prefix.length);
  if (!rule || key.startsWith(".vni")) return null;
  return { encoding: rule.encoding, upper: rule.encoding === "TCVN3" && family.endsWith("H"), font };
}
