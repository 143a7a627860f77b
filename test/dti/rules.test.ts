import { describeRule, parseAmount, parseRule, stepRange } from "../../shared/dti";
import type { Rule } from "../../shared/dti";
import { PART_A_FIGURES } from "../../shared/dti/sets";
import {
  ADDITIVE,
  CHOICE,
  FULL,
  HALF,
  NOT_SCORED,
  RATIO,
  RATIO_ROWS,
  STEPS,
  YES_NO,
  points,
} from "./samples";

const CHOICE_RULE: Rule = {
  kind: "choice",
  options: [
    { condition: "Trưởng ban là Bí thư/Chủ tịch cấp xã (cấp Trưởng)", amount: FULL },
    { condition: "Trưởng ban là Phó Bí thư/Phó Chủ tịch cấp xã (cấp Phó)", amount: HALF },
    {
      condition: "Chưa có Ban Chỉ đạo hoặc có nhưng Trưởng ban không phải cấp Trưởng/cấp Phó",
      amount: points(0),
    },
  ],
};

const exact = (n: number) => ({ min: n, minStrict: false, max: n, maxStrict: false });

const STEPS_RULE: Rule = {
  kind: "steps",
  unit: "lần",
  steps: [
    { condition: "BCĐ họp 4 lần/ năm (Trung bình mỗi quý 1 lần)", amount: points(20), range: exact(4) },
    { condition: "BCĐ họp 3 lần/ năm", amount: points(15), range: exact(3) },
    { condition: "BCĐ họp 2 lần/ năm", amount: points(10), range: exact(2) },
    { condition: "BCĐ họp 1 lần/ năm", amount: points(5), range: exact(1) },
  ],
  otherwise: { condition: "Còn lại", amount: points(0) },
};

describe("the verbatim samples of DTI.md", () => {
  it("1. choice with shares of the maximum", () => {
    expect(parseRule(CHOICE)).toEqual(CHOICE_RULE);
  });

  it("2. steps on a count, the top step first", () => {
    expect(parseRule(STEPS)).toEqual(STEPS_RULE);
  });

  it("3. ratio × maximum in one cell", () => {
    expect(parseRule(RATIO)).toEqual({
      kind: "ratio",
      numerator: "Số cuộc họp CĐS … có Bí thư/Chủ tịch … chủ trì",
      denominator: "Tổng số cuộc họp CĐS …",
      figure: null,
    });
  });

  it("3. ratio spread over sub-rows (a list of texts)", () => {
    expect(parseRule(RATIO_ROWS)).toEqual({ kind: "ratio", numerator: "…", denominator: "…", figure: null });
  });

  it("4. additive parts, each 1/2 * Điểm tối đa, with the zero clause", () => {
    expect(parseRule(ADDITIVE)).toEqual({
      kind: "additive",
      parts: [
        { condition: "Có văn bản chỉ đạo về chuyển đổi số", amount: HALF },
        { condition: "Có tổ chức hội nghị quán triệt", amount: HALF },
      ],
      unmet: { condition: "Nội dung không đáp ứng", amount: points(0) },
    });
  });

  it("5. yes / no", () => {
    expect(parseRule(YES_NO)).toEqual({
      kind: "yesNo",
      yes: { condition: "Có", amount: FULL },
      no: { condition: "Không", amount: points(0) },
    });
    expect(parseRule("Có/Không")).toEqual(parseRule(YES_NO));
    expect(
      parseRule("Có chuyên mục riêng về chuyển đổi số: Điểm tối đa; Chưa có chuyên mục: 0 điểm"),
    ).toMatchObject({ kind: "yesNo", yes: { condition: "Có chuyên mục riêng về chuyển đổi số" } });
  });

  it("6. not scored", () => {
    expect(parseRule(NOT_SCORED)).toEqual({ kind: "notScored" });
    expect(parseRule("Không tính điểm")).toEqual({ kind: "notScored" });
  });
});

describe("real-world variations read as the same rule", () => {
  const variants: [string, string][] = [
    ["upper case", CHOICE.toUpperCase()],
    [
      "no diacritics",
      CHOICE.normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .replace(/[đĐ]/g, "d"),
    ],
    ["decomposed diacritics (NFD)", CHOICE.normalize("NFD")],
    [
      "NBSP and thin spaces",
      CHOICE.replace(/ /g, (s, i: number) => (i % 3 === 0 ? "\u00a0" : i % 3 === 1 ? "\u202f" : s)),
    ],
    ["en dashes as bullets", CHOICE.replace(/- /g, "– ")],
    ["bullets •", CHOICE.replace(/- /g, "• ")],
    ["½", CHOICE.replace("1/2*", "½ ")],
    ["1/2 x Điểm tối đa", CHOICE.replace("1/2*Điểm tối đa", "1/2 x Điểm tối đa")],
    ["Điểm tối đa x 1/2", CHOICE.replace("1/2*Điểm tối đa", "Điểm tối đa x 1/2")],
    ["× sign", CHOICE.replace("1/2*Điểm tối đa", "1/2 × Điểm tối đa")],
    ["one branch a line", CHOICE.replace(/\. - /g, ".\n- ")],
    [
      "branches numbered 1) 2) 3)",
      CHOICE.replace("- T", "1) T").replace(". - T", ".\n2) T").replace(". - C", ".\n3) C"),
    ],
    [
      "a condition broken over two lines",
      CHOICE.replace("Chủ tịch cấp xã (cấp Trưởng)", "Chủ tịch\ncấp xã (cấp Trưởng)"),
    ],
    ["a heading line", `Cách tính điểm như sau:\n${CHOICE}`],
    ["0đ", CHOICE.replace("0 điểm", "0đ")],
  ];

  it.each(variants)("choice: %s", (_name, text) => {
    const r = parseRule(text);
    expect(r.kind).toBe("choice");
    if (r.kind !== "choice") return;
    expect(r.options.map((o) => o.amount)).toEqual([FULL, HALF, points(0)]);
    expect(r.options).toHaveLength(3);
  });

  it("keeps each branch's words as written (with diacritics composed)", () => {
    const r = parseRule(CHOICE.normalize("NFD").replace(/ /g, "\u00a0"));
    expect(r).toEqual(CHOICE_RULE);
  });

  it("steps: variations of case, spaces and separators", () => {
    expect(parseRule(STEPS.toLowerCase())).toMatchObject({ kind: "steps", unit: "lần" });
    expect(parseRule(STEPS.replace(/; /g, ";\n"))).toEqual(STEPS_RULE);
    expect(parseRule(STEPS.replace(/; /g, "\n- "))).toEqual(STEPS_RULE);
    expect(parseRule(STEPS.replace(/lần\/ năm/g, "lần/năm"))).toMatchObject({ kind: "steps" });
  });

  it("steps with ranges: từ … trở lên, từ … đến …, dưới …", () => {
    const r = parseRule("Từ 4 lần trở lên: 20 điểm; Từ 2 đến 3 lần: 10 điểm; Dưới 2 lần: 0 điểm");
    expect(r).toEqual({
      kind: "steps",
      unit: "lần",
      steps: [
        {
          condition: "Từ 4 lần trở lên",
          amount: points(20),
          range: { min: 4, minStrict: false, max: null, maxStrict: false },
        },
        {
          condition: "Từ 2 đến 3 lần",
          amount: points(10),
          range: { min: 2, minStrict: false, max: 3, maxStrict: false },
        },
        {
          condition: "Dưới 2 lần",
          amount: points(0),
          range: { min: null, minStrict: false, max: 2, maxStrict: true },
        },
      ],
      otherwise: null,
    });
  });

  it("steps numbered 1. 2. 3., with «Không họp» as the step of 0", () => {
    const r = parseRule(
      "1. BCĐ họp từ 4 lần/năm trở lên: 20 điểm\n2. BCĐ họp 3 lần/năm: 15 điểm\n3. BCĐ họp 2 lần/năm: 10 điểm\n4. BCĐ họp 1 lần/năm: 5 điểm\n5. Không họp: 0 điểm",
    );
    expect(r).toMatchObject({ kind: "steps", unit: "lần", otherwise: null });
    if (r.kind !== "steps") return;
    expect(r.steps.map((s) => [s.range.min, s.range.max, s.amount])).toEqual([
      [4, null, points(20)],
      [3, 3, points(15)],
      [2, 2, points(10)],
      [1, 1, points(5)],
      [0, 0, points(0)],
    ]);
  });

  it("steps whose ranges overlap are not understood", () => {
    const r = parseRule("Từ 2 lần trở lên: 20 điểm; Từ 3 lần trở lên: 10 điểm");
    expect(r).toMatchObject({
      kind: "unknown",
      reason: "các mức theo số lượng chồng lên nhau (một số rơi vào hai mức)",
    });
  });

  it("ratio: variations of the formula and the letters", () => {
    const base = {
      kind: "ratio",
      numerator: "số cuộc họp có Chủ tịch chủ trì",
      denominator: "tổng số cuộc họp",
    };
    for (const text of [
      "a = số cuộc họp có Chủ tịch chủ trì; b = tổng số cuộc họp; Tỷ lệ = a/b; Điểm = Tỷ lệ*Điểm tối đa",
      "A = số cuộc họp có Chủ tịch chủ trì\nB = tổng số cuộc họp\nĐiểm = a/b x Điểm tối đa",
      "a: số cuộc họp có Chủ tịch chủ trì; b: tổng số cuộc họp; Tỷ lệ (%) = a/b x 100%; Điểm = Tỷ lệ × Điểm tối đa",
      "Trong đó: a là số cuộc họp có Chủ tịch chủ trì; b là tổng số cuộc họp; ĐIỂM = TỶ LỆ * ĐIỂM TỐI ĐA",
      "a = số cuộc họp có Chủ tịch chủ trì; b = tổng số cuộc họp; Diem = Ty le*Diem toi da",
    ])
      expect(parseRule(text)).toMatchObject(base);
  });

  it("ratio: a definition continued on the next row joins it", () => {
    expect(
      parseRule([
        "a = Số cuộc họp CĐS",
        "có Bí thư chủ trì",
        "b = Tổng số cuộc họp",
        "Điểm = Tỷ lệ*Điểm tối đa",
      ]),
    ).toMatchObject({
      numerator: "Số cuộc họp CĐS có Bí thư chủ trì",
    });
  });

  it("ratio: b that names a Part A figure is linked to it", () => {
    const r = parseRule(
      "a = Số CBCC có chứng thư số; b = Tổng số CBCC của xã; Điểm = Tỷ lệ*Điểm tối đa",
      PART_A_FIGURES,
    );
    expect(r).toMatchObject({ kind: "ratio", figure: "cbcc" });
    const dn = parseRule(
      "a = Số DN dùng hóa đơn điện tử; b = Tổng số doanh nghiệp trên địa bàn; Điểm = Tỷ lệ*Điểm tối đa",
      PART_A_FIGURES,
    );
    expect(dn).toMatchObject({ figure: "doanh-nghiep" });
  });

  it("additive with 2/3 and 1/3 shares, and with a word that says the parts add up", () => {
    expect(parseRule("- Có kế hoạch: 2/3 * Điểm tối đa\n- Có báo cáo: 1/3 * Điểm tối đa")).toMatchObject({
      kind: "additive",
      parts: [{ amount: { kind: "share", num: 2, den: 3 } }, { amount: { kind: "share", num: 1, den: 3 } }],
      unmet: null,
    });
    expect(parseRule("Cộng điểm các nội dung:\n- Có kế hoạch: 5 điểm\n- Có báo cáo: 5 điểm")).toMatchObject({
      kind: "additive",
      parts: [{ amount: points(5) }, { amount: points(5) }],
    });
  });
});

describe("amounts", () => {
  it.each([
    ["Điểm tối đa", FULL],
    ["điểm tối đa.", FULL],
    ["1/2*Điểm tối đa", HALF],
    ["1/2 * Điểm tối đa", HALF],
    ["1/2 x Điểm tối đa", HALF],
    ["1/2 Điểm tối đa", HALF],
    ["1/2 số điểm tối đa", HALF],
    ["Điểm tối đa x 1/2", HALF],
    ["Điểm tối đa * 1/2", HALF],
    ["được 1/2 điểm tối đa", HALF],
    ["2/3*Điểm tối đa", { kind: "share", num: 2, den: 3 }],
    ["50% Điểm tối đa", { kind: "share", num: 50, den: 100 }],
    ["0,5 * Điểm tối đa", { kind: "share", num: 0.5, den: 1 }],
    ["15 điểm", points(15)],
    ["0 điểm", points(0)],
    ["0đ", points(0)],
    ["2,5 điểm", points(2.5)],
    ["1/2*Điểm tối đa (= 10 điểm)", HALF],
    ["Điểm tối đa (20 điểm)", FULL],
  ])("%s", (text, amount) => {
    expect(parseAmount(text)).toEqual(amount);
  });

  it("a share above the maximum is flagged, not read", () => {
    expect(parseAmount("3/2*Điểm tối đa")).toBe("above");
    expect(parseRule("Có: 3/2*Điểm tối đa; Không: 0 điểm")).toMatchObject({
      kind: "unknown",
      reason: "mức điểm lớn hơn điểm tối đa: «Có: 3/2*Điểm tối đa»",
    });
  });

  it("what is not an amount", () => {
    for (const t of ["", "tối đa", "Điểm", "Quyết định số 12", "1/0*Điểm tối đa"])
      expect(parseAmount(t)).toBeNull();
  });
});

describe("steps: the count a condition states", () => {
  it.each([
    [
      "BCĐ họp 4 lần/ năm (Trung bình mỗi quý 1 lần)",
      { min: 4, minStrict: false, max: 4, maxStrict: false },
      "lan",
    ],
    ["Từ 4 lần trở lên", { min: 4, minStrict: false, max: null, maxStrict: false }, "lan"],
    ["Trên 3 lần", { min: 3, minStrict: true, max: null, maxStrict: false }, "lan"],
    ["Dưới 2 lần", { min: null, minStrict: false, max: 2, maxStrict: true }, "lan"],
    ["Không quá 2 lần", { min: null, minStrict: false, max: 2, maxStrict: false }, "lan"],
    ["2-3 cuộc", { min: 2, minStrict: false, max: 3, maxStrict: false }, "cuoc"],
    ["họp 4 lần/năm trở lên", { min: 4, minStrict: false, max: null, maxStrict: false }, "lan"],
  ])("%s", (text, range, unit) => {
    expect(stepRange(text)).toEqual({ range, unit });
  });

  it("no count", () => {
    expect(stepRange("Trưởng ban là Chủ tịch")).toBeNull();
    expect(stepRange("Tỷ lệ 80% trở lên")).toBeNull();
  });
});

describe("texts not understood are kept with a reason", () => {
  it.each([
    ["", "chưa có cách tính điểm"],
    ["Theo hướng dẫn của Sở", "có đoạn chưa hiểu: «Theo hướng dẫn của Sở»"],
    ["Có kế hoạch: Điểm tối đa", "chỉ có một mức điểm, không rõ các trường hợp còn lại được bao nhiêu điểm"],
    [
      "a = số cuộc họp; b = tổng số; Tỷ lệ = a/b",
      "có a và b nhưng không thấy công thức «Điểm = Tỷ lệ*Điểm tối đa»",
    ],
    ["a = số cuộc họp; Điểm = Tỷ lệ*Điểm tối đa", "thiếu dòng «b = …»"],
    [
      "Tỷ lệ ≥ 80%: Điểm tối đa; a = số; b = tổng; Điểm = Tỷ lệ*Điểm tối đa",
      "vừa có a, b vừa có các mức điểm: chưa hỗ trợ cách tính này",
    ],
    [
      "Có: Điểm tối đa; Không: 0 điểm; Trừ 5 điểm nếu nộp muộn",
      "có đoạn chưa hiểu: «Trừ 5 điểm nếu nộp muộn»",
    ],
    ["Đô thị thông minh: Không tính điểm; Có: 5 điểm", "vừa ghi «Không tính điểm» vừa có cách tính điểm"],
    [
      "Đạt 100%: Điểm tối đa; Từ 50% đến dưới 100%: 1/2*Điểm tối đa; Dưới 50%: 0 điểm",
      "các mức theo tỷ lệ % (so tỷ lệ với ngưỡng) chưa hỗ trợ",
    ],
    ["Mỗi cuộc họp: 5 điểm, tối đa 20 điểm", "có đoạn chưa hiểu: «Mỗi cuộc họp: 5 điểm, tối đa 20 điểm»"],
  ])("%j", (text, reason) => {
    expect(parseRule(text)).toEqual({ kind: "unknown", text: text.trim(), reason });
  });

  it("null and an empty list are rules not known", () => {
    expect(parseRule(null)).toEqual({ kind: "unknown", text: "", reason: "chưa có cách tính điểm" });
    expect(parseRule([])).toEqual({ kind: "unknown", text: "", reason: "chưa có cách tính điểm" });
  });
});

describe("describeRule: how the rule was understood, in Vietnamese", () => {
  it("choice, with the points for the maximum", () => {
    expect(describeRule(parseRule(CHOICE), 20)).toBe(
      [
        "Chọn một trường hợp, giải trình phải nêu rõ:",
        "- Trưởng ban là Bí thư/Chủ tịch cấp xã (cấp Trưởng): Điểm tối đa (= 20 điểm)",
        "- Trưởng ban là Phó Bí thư/Phó Chủ tịch cấp xã (cấp Phó): 1/2*Điểm tối đa (= 10 điểm)",
        "- Chưa có Ban Chỉ đạo hoặc có nhưng Trưởng ban không phải cấp Trưởng/cấp Phó: 0 điểm",
      ].join("\n"),
    );
  });

  it("steps, each with the counts it covers", () => {
    expect(describeRule(parseRule(STEPS), 20).split("\n")).toEqual([
      "Theo số lần nêu trong giải trình:",
      "- BCĐ họp 4 lần/ năm (Trung bình mỗi quý 1 lần): 20 điểm (= 4 lần)",
      "- BCĐ họp 3 lần/ năm: 15 điểm (= 3 lần)",
      "- BCĐ họp 2 lần/ năm: 10 điểm (= 2 lần)",
      "- BCĐ họp 1 lần/ năm: 5 điểm (= 1 lần)",
      "- Còn lại: 0 điểm",
    ]);
  });

  it("ratio, additive, yes/no, not scored, unknown", () => {
    expect(describeRule(parseRule(RATIO), 20).split("\n")[0]).toBe(
      "Tỷ lệ × điểm tối đa (20 điểm), tỷ lệ = a/b:",
    );
    expect(describeRule(parseRule(ADDITIVE), 10).split("\n")).toEqual([
      "Cộng điểm các nội dung đạt:",
      "- Có văn bản chỉ đạo về chuyển đổi số: 1/2*Điểm tối đa (= 5 điểm)",
      "- Có tổ chức hội nghị quán triệt: 1/2*Điểm tối đa (= 5 điểm)",
      "- Nội dung không đáp ứng: 0 điểm",
    ]);
    expect(describeRule(parseRule(YES_NO))).toBe(
      "Có/Không theo giải trình:\n- Có: Điểm tối đa\n- Không: 0 điểm",
    );
    expect(describeRule(parseRule(NOT_SCORED))).toBe("Không tính điểm");
    expect(describeRule(parseRule("Theo hướng dẫn"))).toBe(
      "Chưa đọc được cách tính điểm: có đoạn chưa hiểu: «Theo hướng dẫn»",
    );
  });

  it.each([
    ["choice", CHOICE],
    ["steps", STEPS],
    ["ratio", RATIO],
    ["ratio over rows", RATIO_ROWS],
    ["additive", ADDITIVE],
    ["yes/no", YES_NO],
    ["not scored", NOT_SCORED],
  ])("%s: the description pasted back reads as the same rule, with and without a maximum", (_k, text) => {
    const rule = parseRule(text);
    expect(parseRule(describeRule(rule))).toEqual(rule);
    expect(parseRule(describeRule(rule, 20))).toEqual(rule);
  });
});
