/**
 * The mapping tables checked as data (complete, distinct, in range) and against independent sources:
 * - TCVN3: glibc's `iconv -f TCVN5712-1` (the VN1 superset of VN3) for every byte 0xA0–0xFF, pasted below as
 *   printed by `iconv`; also read against UniKey's VnConv table and xvnkb's `tcvn.h` (see the encoding note).
 * - VNI-Windows: the mark code points as UniKey's VnConv `VNI-WIN` table and xvnkb's `vni.h` give them.
 */
import {
  fromTcvn3,
  fromVni,
  TCVN3_CAPITALS,
  TCVN3_D,
  TCVN3_LOWER,
  TONES,
  toTcvn3,
  toVni,
  VNI_D,
  VNI_LOWER,
  VNI_UPPER,
  VOWELS,
  vietnameseLetter,
} from "../../shared/encoding";

/** byte → Unicode code point of every letter glibc's TCVN5712-1 decoder gives for 0xA0–0xFF */
const GLIBC_TCVN5712_1: readonly (readonly [number, number])[] = [
  [0xa1, 0x0102],
  [0xa2, 0x00c2],
  [0xa3, 0x00ca],
  [0xa4, 0x00d4],
  [0xa5, 0x01a0],
  [0xa6, 0x01af],
  [0xa7, 0x0110],
  [0xa8, 0x0103],
  [0xa9, 0x00e2],
  [0xaa, 0x00ea],
  [0xab, 0x00f4],
  [0xac, 0x01a1],
  [0xad, 0x01b0],
  [0xae, 0x0111],
  [0xaf, 0x1eb0],
  [0xb5, 0x00e0],
  [0xb6, 0x1ea3],
  [0xb7, 0x00e3],
  [0xb8, 0x00e1],
  [0xb9, 0x1ea1],
  [0xba, 0x1eb2],
  [0xbb, 0x1eb1],
  [0xbc, 0x1eb3],
  [0xbd, 0x1eb5],
  [0xbe, 0x1eaf],
  [0xbf, 0x1eb4],
  [0xc0, 0x1eae],
  [0xc1, 0x1ea6],
  [0xc2, 0x1ea8],
  [0xc3, 0x1eaa],
  [0xc4, 0x1ea4],
  [0xc5, 0x1ec0],
  [0xc6, 0x1eb7],
  [0xc7, 0x1ea7],
  [0xc8, 0x1ea9],
  [0xc9, 0x1eab],
  [0xca, 0x1ea5],
  [0xcb, 0x1ead],
  [0xcc, 0x00e8],
  [0xcd, 0x1ec2],
  [0xce, 0x1ebb],
  [0xcf, 0x1ebd],
  [0xd0, 0x00e9],
  [0xd1, 0x1eb9],
  [0xd2, 0x1ec1],
  [0xd3, 0x1ec3],
  [0xd4, 0x1ec5],
  [0xd5, 0x1ebf],
  [0xd6, 0x1ec7],
  [0xd7, 0x00ec],
  [0xd8, 0x1ec9],
  [0xd9, 0x1ec4],
  [0xda, 0x1ebe],
  [0xdb, 0x1ed2],
  [0xdc, 0x0129],
  [0xdd, 0x00ed],
  [0xde, 0x1ecb],
  [0xdf, 0x00f2],
  [0xe0, 0x1ed4],
  [0xe1, 0x1ecf],
  [0xe2, 0x00f5],
  [0xe3, 0x00f3],
  [0xe4, 0x1ecd],
  [0xe5, 0x1ed3],
  [0xe6, 0x1ed5],
  [0xe7, 0x1ed7],
  [0xe8, 0x1ed1],
  [0xe9, 0x1ed9],
  [0xea, 0x1edd],
  [0xeb, 0x1edf],
  [0xec, 0x1ee1],
  [0xed, 0x1edb],
  [0xee, 0x1ee3],
  [0xef, 0x00f9],
  [0xf0, 0x1ed6],
  [0xf1, 0x1ee7],
  [0xf2, 0x0169],
  [0xf3, 0x00fa],
  [0xf4, 0x1ee5],
  [0xf5, 0x1eeb],
  [0xf6, 0x1eed],
  [0xf7, 0x1eef],
  [0xf8, 0x1ee9],
  [0xf9, 0x1ef1],
  [0xfa, 0x1ef3],
  [0xfb, 0x1ef7],
  [0xfc, 0x1ef9],
  [0xfd, 0x00fd],
  [0xfe, 0x1ef5],
  [0xff, 0x1ed0],
];

/**
 * VNI-Windows marks by tone (sắc, huyền, hỏi, ngã, nặng), lower and upper case, and the single characters, as
 * code points: UniKey's VnConv stores a VNI letter as a word (base in the low byte, mark in the high byte:
 * 0xf961 = `a` + 0xF9 = á), xvnkb lists the same sequences as strings.
 */
const VNI_CODES = {
  tone: { lower: [0xf9, 0xf8, 0xfb, 0xf5, 0xef], upper: [0xd9, 0xd8, 0xdb, 0xd5, 0xcf] },
  circumflex: { lower: [0xe2, 0xe1, 0xe0, 0xe5, 0xe3, 0xe4], upper: [0xc2, 0xc1, 0xc0, 0xc5, 0xc3, 0xc4] },
  breve: { lower: [0xea, 0xe9, 0xe8, 0xfa, 0xfc, 0xeb], upper: [0xca, 0xc9, 0xc8, 0xda, 0xdc, 0xcb] },
  iTones: { lower: [0xed, 0xec, 0xe6, 0xf3, 0xf2], upper: [0xcd, 0xcc, 0xc6, 0xd3, 0xd2] },
  yDot: { lower: 0xee, upper: 0xce },
  oHorn: { lower: 0xf4, upper: 0xd4 },
  uHorn: { lower: 0xf6, upper: 0xd6 },
  d: { lower: 0xf1, upper: 0xd1 },
} as const;

const c = (code: number): string => String.fromCharCode(code);

/** a VNI row rebuilt from the code points above */
function vniRowFromCodes(vowel: (typeof VOWELS)[number], upper: boolean): string[] {
  const side = upper ? "upper" : "lower";
  const base = (upper ? vowel.toUpperCase() : vowel).normalize("NFD")[0]!;
  const tones = VNI_CODES.tone[side].map(c);
  switch (vowel) {
    case "â":
    case "ê":
    case "ô":
      return VNI_CODES.circumflex[side].map((m) => base + c(m));
    case "ă":
      return VNI_CODES.breve[side].map((m) => base + c(m));
    case "ơ":
    case "ư": {
      const single = c((vowel === "ơ" ? VNI_CODES.oHorn : VNI_CODES.uHorn)[side]);
      return [single, ...tones.map((m) => single + m)];
    }
    case "i":
      return [base, ...VNI_CODES.iTones[side].map(c)];
    case "y":
      return [base, ...tones.slice(0, 4).map((m) => base + m), c(VNI_CODES.yDot[side])];
    default:
      return [base, ...tones.map((m) => base + m)];
  }
}

describe("TCVN3 table", () => {
  const codes = VOWELS.flatMap((v) => [...TCVN3_LOWER[v]]);

  it("has a code for every vowel with every tone, one character each, all different", () => {
    expect(codes).toHaveLength(VOWELS.length * TONES.length);
    for (const code of codes) expect(code).toHaveLength(1);
    const all = [...codes, ...Object.values(TCVN3_CAPITALS), TCVN3_D];
    expect(new Set(all).size).toBe(all.length);
  });

  it("writes the plain vowels as ASCII and everything else in 0xA1–0xFE", () => {
    for (const v of VOWELS) {
      const plain = TCVN3_LOWER[v][0];
      if ("aeiouy".includes(v)) expect(plain).toBe(v);
      else expect(plain.charCodeAt(0)).toBeGreaterThanOrEqual(0xa1);
      for (const code of TCVN3_LOWER[v].slice(1)) {
        expect(code.charCodeAt(0)).toBeGreaterThanOrEqual(0xa1);
        expect(code.charCodeAt(0)).toBeLessThanOrEqual(0xfe);
      }
    }
  });

  it("agrees with glibc's TCVN5712-1 on every code it has", () => {
    const glibc = new Map(GLIBC_TCVN5712_1.map(([byte, cp]) => [byte, String.fromCodePoint(cp)]));
    const ours = new Map<number, string>();
    VOWELS.forEach((v) =>
      TONES.forEach((tone, t) => {
        const code = TCVN3_LOWER[v][t];
        if (code.charCodeAt(0) >= 0x80) ours.set(code.charCodeAt(0), vietnameseLetter(v, tone));
      }),
    );
    for (const [capital, code] of Object.entries(TCVN3_CAPITALS)) ours.set(code.charCodeAt(0), capital);
    ours.set(TCVN3_D.charCodeAt(0), "đ");
    expect(ours.size).toBe(74);
    for (const [byte, letter] of ours)
      expect([byte.toString(16), glibc.get(byte)]).toEqual([byte.toString(16), letter]);
    // what glibc has beyond VN3: VN1's capitals with a tone, which the ABC fonts do not have (they use …H fonts)
    const beyond = [...glibc].filter(([byte]) => !ours.has(byte)).map(([, letter]) => letter);
    expect(beyond.join("")).toBe("ẰẲẴẮẦẨẪẤỀỂỄẾỒỔỖỐ");
  });

  it("reads every code the same as fromTcvn3 and writes it back with toTcvn3", () => {
    VOWELS.forEach((v) =>
      TONES.forEach((tone, t) => {
        const letter = vietnameseLetter(v, tone);
        expect(fromTcvn3(TCVN3_LOWER[v][t])).toBe(letter);
        expect(toTcvn3(letter)).toBe(TCVN3_LOWER[v][t]);
      }),
    );
  });
});

describe("VNI-Windows table", () => {
  it.each(VOWELS)("%s: both cases as the sources' code points give them", (vowel) => {
    expect([...VNI_LOWER[vowel]]).toEqual(vniRowFromCodes(vowel, false));
    expect([...VNI_UPPER[vowel]]).toEqual(vniRowFromCodes(vowel, true));
  });

  it("đ and Đ", () => {
    expect(VNI_D).toEqual({ lower: c(VNI_CODES.d.lower), upper: c(VNI_CODES.d.upper) });
  });

  it("capitals are the Windows-1252 capitals of the small forms, mark by mark", () => {
    for (const v of VOWELS) expect(VNI_UPPER[v].map((s) => s.toUpperCase())).toEqual([...VNI_UPPER[v]]);
    for (const v of VOWELS) expect(VNI_LOWER[v].map((s) => s.toUpperCase())).toEqual([...VNI_UPPER[v]]);
  });

  it("every sequence is different and at most two characters", () => {
    const all = [...VOWELS.flatMap((v) => [...VNI_LOWER[v], ...VNI_UPPER[v]]), VNI_D.lower, VNI_D.upper];
    expect(new Set(all).size).toBe(all.length);
    for (const s of all) expect(s.length).toBeLessThanOrEqual(2);
  });
});

describe("every Vietnamese letter, both cases, every tone", () => {
  const letters = [
    ...VOWELS.flatMap((v) => TONES.map((tone) => vietnameseLetter(v, tone))),
    ...VOWELS.flatMap((v) => TONES.map((tone) => vietnameseLetter(v, tone).toUpperCase())),
    "đ",
    "Đ",
  ];

  it("are 146 NFC letters of one character", () => {
    expect(new Set(letters).size).toBe(146);
    for (const l of letters) {
      expect(l).toHaveLength(1);
      expect(l.normalize("NFC")).toBe(l);
    }
  });

  it("each pair of letters reads back as the pair (no sequence swallows its neighbour)", () => {
    const wrong: string[] = [];
    for (const a of letters)
      for (const b of letters) {
        const pair = a + b;
        const lower = pair.toLowerCase();
        if (fromVni(toVni(pair)) !== pair) wrong.push(`VNI ${pair}`);
        if (fromTcvn3(toTcvn3(lower)) !== lower) wrong.push(`TCVN3 ${lower}`);
        if (fromTcvn3(toTcvn3(pair), { upper: true }) !== pair.toUpperCase()) wrong.push(`TCVN3 H ${pair}`);
      }
    expect(wrong).toEqual([]);
  });
});
