import {
  DEFAULT_SETTINGS,
  checkComponent,
  parseRule,
  pointsFor,
  readSelfScore,
  roundPoints,
  type ComponentCheck,
  type IndexSettings,
  type Rule,
} from "../../shared/dti";
import { PART_A_FIGURES } from "../../shared/dti/sets";
import { ADDITIVE, CHOICE, NOT_SCORED, RATIO, STEPS, YES_NO } from "./samples";

const rule = (text: string): Rule => parseRule(text, PART_A_FIGURES);

function check(
  text: string,
  maxPoints: number | null,
  explanation: string | null,
  self: string | number | null,
  extra: { settings?: Partial<IndexSettings>; partA?: Record<string, number> } = {},
): ComponentCheck {
  return checkComponent(
    { id: "1.1", maxPoints, rule: rule(text) },
    { explanation, self },
    {
      settings: { ...DEFAULT_SETTINGS, ...extra.settings },
      figures: PART_A_FIGURES,
      ...(extra.partA ? { partA: extra.partA } : {}),
    },
  );
}

describe("choice: a branch counts only when the explanation names it", () => {
  it.each([
    ["Trưởng ban là Chủ tịch UBND xã", 20, "KHOP", 20],
    ["Đồng chí Nguyễn Văn A, Bí thư Đảng ủy xã làm Trưởng ban", 20, "KHOP", 20],
    ["Trưởng BCĐ là đồng chí Phó Chủ tịch UBND xã", 10, "KHOP", 10],
    ["Trưởng ban: Phó Bí thư Thường trực Đảng ủy", 20, "TU_CHAM_CAO_HON", 10],
    ["Chưa có BCĐ", 0, "KHOP", 0],
    ["truong ban la chu tich ubnd xa", 20, "KHOP", 20],
  ])("%s (self %d) → %s", (explanation, self, code, points) => {
    const c = check(CHOICE, 20, explanation, self);
    expect(c).toMatchObject({ code, points, self, review: null });
  });

  it("the reason quotes the branch and the points", () => {
    expect(check(CHOICE, 20, "Trưởng ban là Chủ tịch UBND xã", 20).reason).toBe(
      "20 điểm («Trưởng ban là Bí thư/Chủ tịch cấp xã (cấp Trưởng)» → Điểm tối đa = 20 điểm)",
    );
    expect(check(CHOICE, 20, "Trưởng BCĐ là đồng chí Phó Chủ tịch UBND xã", 20)).toMatchObject({
      code: "TU_CHAM_CAO_HON",
      label: "Tự chấm cao hơn",
      reason:
        "tự chấm 20 > tính được 10 («Trưởng ban là Phó Bí thư/Phó Chủ tịch cấp xã (cấp Phó)» → 1/2*Điểm tối đa = 10 điểm)",
    });
  });

  it("a branch both named and denied is not matched", () => {
    expect(check(CHOICE, 20, "Trưởng ban là Chủ tịch UBND xã, không phải Bí thư", 20)).toMatchObject({
      review: "BRANCH_UNCLEAR",
      reason:
        "giải trình không nêu rõ trường hợp: vừa nêu vừa phủ định: «Trưởng ban là Bí thư/Chủ tịch cấp xã (cấp Trưởng)» (tự chấm 20)",
    });
  });

  it.each([
    ["-", "không thấy trường hợp nào của cách tính điểm"],
    ["Quyết định số 25/QĐ-UBND ngày 12/3/2023 thành lập BCĐ", "không thấy trường hợp nào của cách tính điểm"],
    [
      "Trưởng ban không phải là Chủ tịch",
      "không thấy trường hợp nào của cách tính điểm (chỉ thấy phủ định: «Trưởng ban là Bí thư/Chủ tịch cấp xã (cấp Trưởng)»)",
    ],
    [
      "Trưởng ban: Chủ tịch UBND xã; Phó trưởng ban: Phó Chủ tịch UBND xã",
      "nêu nhiều trường hợp cùng lúc: «Trưởng ban là Bí thư/Chủ tịch cấp xã (cấp Trưởng)», «Trưởng ban là Phó Bí thư/Phó Chủ tịch cấp xã (cấp Phó)»",
    ],
  ])("not named clearly: %s → Cần xem xét", (explanation, detail) => {
    const c = check(CHOICE, 20, explanation, 20);
    expect(c).toMatchObject({
      code: "CAN_XEM_XET",
      label: "Cần xem xét",
      review: "BRANCH_UNCLEAR",
      points: null,
      self: 20,
    });
    expect(c.reason).toBe(`giải trình không nêu rõ trường hợp: ${detail} (tự chấm 20)`);
  });
});

describe("steps on a count", () => {
  it.each([
    ["BCĐ đã họp 4 lần trong năm", 20, "KHOP", 20],
    ["Họp 3 lần (quý I: 1 lần, quý II: 1 lần, quý IV: 1 lần)", 20, "TU_CHAM_CAO_HON", 15],
    ["họp 02 lần", 5, "TU_CHAM_THAP_HON", 10],
    ["Ban Chỉ đạo họp bốn lần", 20, "KHOP", 20],
    ["Không họp: 0 lần", 0, "KHOP", 0],
  ])("%s (self %d) → %s %d", (explanation, self, code, points) => {
    expect(check(STEPS, 20, explanation, self)).toMatchObject({
      code,
      points,
      figures: { count: expect.any(Number) },
    });
  });

  it("more than the top step: the top step by default, Cần xem xét when the set says so", () => {
    expect(check(STEPS, 20, "Họp 6 lần", 20)).toMatchObject({
      code: "KHOP",
      points: 20,
      figures: { count: 6 },
    });
    expect(check(STEPS, 20, "Họp 6 lần", 20, { settings: { topStep: "exact" } })).toMatchObject({
      code: "CAN_XEM_XET",
      review: "COUNT_NOT_IN_STEPS",
    });
  });

  it("the count after the rule's own verb wins over other counts", () => {
    expect(check(STEPS, 20, "BCĐ họp 4 lần, trung bình mỗi quý 1 lần", 20)).toMatchObject({
      code: "KHOP",
      figures: { count: 4 },
    });
  });

  it("no count, or two different counts", () => {
    expect(check(STEPS, 20, "Đã tổ chức các cuộc họp theo quy chế", 20)).toMatchObject({
      code: "CAN_XEM_XET",
      review: "FIGURE_MISSING",
      reason: "thiếu số liệu: giải trình không nêu số lần (ví dụ «họp 4 lần») (tự chấm 20)",
    });
    expect(check(STEPS, 20, "Quý I 2 lần, quý II 3 lần", 20)).toMatchObject({
      review: "FIGURES_AMBIGUOUS",
      reason: "giải trình có nhiều số liệu khác nhau: giải trình có nhiều số lần: 2, 3 (tự chấm 20)",
    });
  });

  it("a count no step holds and no Còn lại", () => {
    expect(check("Từ 4 lần trở lên: 20 điểm; 2 lần: 10 điểm", 20, "họp 3 lần", 10)).toMatchObject({
      code: "CAN_XEM_XET",
      review: "COUNT_NOT_IN_STEPS",
    });
  });
});

describe("ratio × maximum", () => {
  it.each([
    ["a = 12; b = 15", 16, "KHOP", 16],
    ["a=12, b=15", 20, "TU_CHAM_CAO_HON", 16],
    ["Có 12/15 cuộc họp do Chủ tịch chủ trì", 16, "KHOP", 16],
    ["a: 2; b: 3", 13.33, "KHOP", 13.33],
    ["a = 1; b = 3", 6.67, "KHOP", 6.67],
    ["a = 1; b = 3", 6.6, "TU_CHAM_THAP_HON", 6.67],
  ])("%s (self %d) → %s %d", (explanation, self, code, points) => {
    expect(check(RATIO, 20, explanation, self)).toMatchObject({ code, points });
  });

  it("the reason shows a/b and the multiplication", () => {
    expect(check(RATIO, 20, "a = 12; b = 15", 20).reason).toBe(
      "tự chấm 20 > tính được 16 (a/b = 12/15 = 0,8; 0,8 × 20 = 16 điểm)",
    );
  });

  it("dates and document numbers are not a/b", () => {
    expect(check(RATIO, 20, "Theo Quyết định 12/QĐ-UBND ngày 12/3/2023: 9/12 cuộc họp", 15)).toMatchObject({
      code: "KHOP",
      points: 15,
      figures: { a: 9, b: 12 },
    });
  });

  it("missing figures and a rate without a and b", () => {
    expect(check(RATIO, 20, "a = 12", 16)).toMatchObject({
      review: "FIGURE_MISSING",
      reason: "thiếu số liệu: thiếu b (Tổng số cuộc họp CĐS …) (tự chấm 16)",
    });
    expect(check(RATIO, 20, "Đạt 80%", 16)).toMatchObject({
      review: "FIGURE_MISSING",
      reason:
        "thiếu số liệu: thiếu a (Số cuộc họp CĐS … có Bí thư/Chủ tịch … chủ trì); giải trình chỉ nêu tỷ lệ 80%, không nêu a và b (tự chấm 16)",
    });
    expect(check(RATIO, 20, "a = 12; b = 15; a = 13", 16)).toMatchObject({ review: "FIGURES_AMBIGUOUS" });
    expect(check(RATIO, 20, "a = 12; b = 15 (11/15)", 16)).toMatchObject({ review: "FIGURES_AMBIGUOUS" });
  });

  it("b = 0: Cần xem xét by default; 0 points when the set says so and a = 0", () => {
    expect(check(RATIO, 20, "a = 0; b = 0", 0)).toMatchObject({
      review: "ZERO_DENOMINATOR",
      reason: "b = 0, không tính được tỷ lệ: a = 0, b = 0 (tự chấm 0)",
    });
    expect(check(RATIO, 20, "a = 0; b = 0", 0, { settings: { zeroDenominator: "zero" } })).toMatchObject({
      code: "KHOP",
      points: 0,
    });
    expect(check(RATIO, 20, "a = 3; b = 0", 0, { settings: { zeroDenominator: "zero" } })).toMatchObject({
      review: "ZERO_DENOMINATOR",
    });
  });

  it("a > b: capped at 1 by default, Cần xem xét when the set says so", () => {
    const capped = check(RATIO, 20, "a = 18; b = 15", 20);
    expect(capped).toMatchObject({ code: "KHOP", points: 20 });
    expect(capped.reason).toBe(
      "20 điểm (a/b = 18/15 = 1 (a > b: tỷ lệ tính bằng 1 theo thiết lập); 1 × 20 = 20 điểm)",
    );
    expect(check(RATIO, 20, "a = 18; b = 15", 20, { settings: { ratioAboveOne: "review" } })).toMatchObject({
      review: "RATIO_ABOVE_ONE",
      reason: "tỷ lệ a/b lớn hơn 1: a = 18 > b = 15 (tự chấm 20)",
    });
  });

  it("b from Part A when the rule's b is a Part A figure", () => {
    const text = "a = Số CBCC được bồi dưỡng kỹ năng số; b = Tổng số CBCC của xã; Điểm = Tỷ lệ*Điểm tối đa";
    const c = check(text, 30, "a = 14 người", 20, { partA: { cbcc: 21 } });
    expect(c).toMatchObject({ code: "KHOP", points: 20, figures: { a: 14, b: 21, bFrom: "partA" } });
    expect(c.reason).toBe("20 điểm (a/b = 14/21 (Phần A) = 0,6667; 0,6667 × 30 = 20 điểm)");
    expect(check(text, 30, "a = 14", 20)).toMatchObject({
      review: "FIGURE_MISSING",
      reason:
        "thiếu số liệu: thiếu b (Tổng số CBCC của xã); Phần A không có «Tổng số cán bộ công chức (CBCC)» (tự chấm 20)",
    });
    expect(check(text, 30, "a = 14; b = 20", 20, { partA: { cbcc: 21 } })).toMatchObject({
      review: "FIGURE_CONFLICT",
      reason:
        "số liệu giải trình khác Phần A: b = 20 trong giải trình, Phần A ghi «Tổng số cán bộ công chức (CBCC)» = 21 (tự chấm 20)",
    });
  });
});

describe("additive parts", () => {
  it.each([
    ["Đã có văn bản chỉ đạo về chuyển đổi số (CV 15/UBND); đã tổ chức hội nghị quán triệt", 10, "KHOP", 10],
    ["Có văn bản chỉ đạo về CĐS; chưa tổ chức hội nghị quán triệt", 5, "KHOP", 5],
    ["Có văn bản chỉ đạo về CĐS; chưa tổ chức hội nghị quán triệt", 10, "TU_CHAM_CAO_HON", 5],
  ])("%s (self %d) → %s", (explanation, self, code, points) => {
    expect(check(ADDITIVE, 10, explanation, self)).toMatchObject({ code, points });
  });

  it("a part named after a denial and again without one is unclear, not met", () => {
    const text =
      "- Ban hành kế hoạch CĐS năm: 1/2*Điểm tối đa;\n- Tổ chức triển khai, đánh giá kết quả thực hiện: 1/2*Điểm tối đa";
    expect(
      check(
        text,
        10,
        "Đã ban hành kế hoạch CĐS năm 2023; chưa tổ chức triển khai, đánh giá kết quả thực hiện",
        10,
      ),
    ).toMatchObject({
      code: "CAN_XEM_XET",
      review: "PARTS_UNCLEAR",
    });
    expect(check(text, 10, "Đã ban hành kế hoạch CĐS năm 2023; chưa tổ chức triển khai", 5)).toMatchObject({
      code: "KHOP",
      points: 5,
    });
  });

  it("a part the explanation does not mention", () => {
    expect(check(ADDITIVE, 10, "Có văn bản chỉ đạo về CĐS", 10)).toMatchObject({
      code: "CAN_XEM_XET",
      review: "PARTS_UNCLEAR",
      reason:
        "giải trình không nêu rõ từng nội dung: không rõ đạt hay không: «Có tổ chức hội nghị quán triệt» (tự chấm 10)",
      figures: { partsMet: ["Có văn bản chỉ đạo về chuyển đổi số"] },
    });
  });
});

describe("yes / no", () => {
  it.each([
    ["Có chuyên mục CĐS trên trang TTĐT xã", 10, "KHOP", 10],
    ["Đã xây dựng chuyên mục riêng", 10, "KHOP", 10],
    ["Chưa có", 10, "TU_CHAM_CAO_HON", 0],
    ["Không", 0, "KHOP", 0],
  ])("%s (self %d) → %s", (explanation, self, code, points) => {
    expect(check(YES_NO, 10, explanation, self)).toMatchObject({ code, points });
  });

  it("neither yes nor no", () => {
    expect(check(YES_NO, 10, "Trang TTĐT: https://xa.thanhhoa.gov.vn", 10)).toMatchObject({
      review: "ANSWER_UNCLEAR",
      reason: "giải trình không nói rõ có hay không: «Trang TTĐT: https://xa.thanhhoa.gov.vn» (tự chấm 10)",
    });
  });
});

describe("plans and guesses are not results", () => {
  it.each([
    [STEPS, "Dự kiến họp 4 lần", "dự kiến"],
    [RATIO, "khoảng 12/15", "khoảng"],
    [STEPS, "Theo kế hoạch sẽ họp 4 lần", "kế hoạch"],
    [YES_NO, "Có thể xây dựng trong quý IV", "có thể"],
    [YES_NO, "Đang xây dựng chuyên mục", "đang"],
    [RATIO, "ước đạt 12/15", "ước đạt"],
  ])("%#: %s", (text, explanation, word) => {
    expect(check(text, 20, explanation, 20)).toMatchObject({
      code: "CAN_XEM_XET",
      review: "HEDGED",
      reason: `giải trình là dự kiến hoặc ước tính, chưa phải kết quả: có từ «${word}» trong giải trình (tự chấm 20)`,
    });
  });

  it("a cited plan, a rule about plans, `đã và đang`, `chia sẻ` are not hedges", () => {
    expect(check(STEPS, 20, "Kế hoạch số 12/KH-UBND; BCĐ họp 4 lần", 20).code).toBe("KHOP");
    expect(
      check(
        "- Ban hành kế hoạch CĐS: 1/2*Điểm tối đa; - Triển khai kế hoạch CĐS: 1/2*Điểm tối đa",
        10,
        "Đã ban hành kế hoạch CĐS; đã triển khai kế hoạch CĐS",
        10,
      ).code,
    ).toBe("KHOP");
    expect(check(YES_NO, 10, "Có, đã và đang cập nhật", 10).code).toBe("KHOP");
    expect(check(YES_NO, 10, "Có chuyên mục, chia sẻ dữ liệu", 10).code).toBe("KHOP");
  });
});

describe("the self-score", () => {
  it("above the maximum comes first", () => {
    expect(check(RATIO, 20, "a = 12; b = 15", 25)).toMatchObject({
      code: "VUOT_DIEM_TOI_DA",
      label: "Vượt điểm tối đa",
      reason: "tự chấm 25 > điểm tối đa 20",
      self: 25,
    });
  });

  it("missing, unreadable, negative", () => {
    expect(check(RATIO, 20, "a = 12; b = 15", null)).toMatchObject({
      code: "CAN_XEM_XET",
      review: "SELF_MISSING",
      points: 16,
      reason: "chưa có điểm tự chấm; tính được 16 (a/b = 12/15 = 0,8; 0,8 × 20 = 16 điểm)",
    });
    expect(check(RATIO, 20, "a = 12; b = 15", "mười sáu")).toMatchObject({
      review: "SELF_UNREADABLE",
      points: 16,
    });
    expect(check(RATIO, 20, "a = 12; b = 15", -3)).toMatchObject({ review: "SELF_NEGATIVE", self: -3 });
  });

  it("read from numbers and texts", () => {
    expect(readSelfScore(20)).toBe(20);
    expect(readSelfScore("20 điểm")).toBe(20);
    expect(readSelfScore("13,33")).toBe(13.33);
    expect(readSelfScore("-")).toBeNull();
    expect(readSelfScore("")).toBeNull();
    expect(readSelfScore(null)).toBeNull();
    expect(readSelfScore("-2")).toBe(-2);
    expect(readSelfScore("20%")).toBeNaN();
    expect(readSelfScore("Có")).toBeNaN();
  });

  it("compared after rounding to the set's decimals", () => {
    expect(check(RATIO, 20, "a = 2; b = 3", 13.333)).toMatchObject({
      code: "KHOP",
      points: 13.33,
      self: 13.33,
    });
    expect(check(RATIO, 20, "a = 2; b = 3", 13, { settings: { decimals: 0 } })).toMatchObject({
      code: "KHOP",
      points: 13,
    });
  });
});

describe("rules that cannot give points", () => {
  it("not scored", () => {
    expect(check(NOT_SCORED, 0, "Chưa triển khai", null)).toMatchObject({
      code: "KHONG_TINH_DIEM",
      label: "Không tính điểm",
      reason: "không tính điểm",
      points: null,
    });
    expect(check(NOT_SCORED, 0, "", 5).reason).toBe("không tính điểm; tự chấm 5 không được cộng");
  });

  it("a rule not understood", () => {
    expect(check("Theo hướng dẫn của Sở", 20, "a = 1; b = 2", 10)).toMatchObject({
      code: "CAN_XEM_XET",
      review: "RULE_UNKNOWN",
      reason: "chưa đọc được cách tính điểm: có đoạn chưa hiểu: «Theo hướng dẫn của Sở» (tự chấm 10)",
    });
  });

  it("a share of a maximum the set does not state", () => {
    expect(check(CHOICE, null, "Trưởng ban là Chủ tịch UBND xã", 20)).toMatchObject({
      review: "MAX_UNKNOWN",
      reason: "chưa biết điểm tối đa: Điểm tối đa mà bộ chỉ số không ghi điểm tối đa (tự chấm 20)",
    });
    expect(check(RATIO, null, "a = 1; b = 2", 10)).toMatchObject({ review: "MAX_UNKNOWN" });
  });

  it("an amount above the component's maximum (a mistake in the set)", () => {
    expect(check(STEPS, 10, "họp 4 lần", 10)).toMatchObject({
      review: "AMOUNT_ABOVE_MAX",
      reason: "mức điểm trong bộ chỉ số lớn hơn điểm tối đa: 20 điểm > điểm tối đa 10 (tự chấm 10)",
    });
  });
});

describe("pointsFor: the points alone (CDS_DIEM)", () => {
  it("returns the points and how", () => {
    expect(pointsFor(rule(RATIO), 20, "a = 12; b = 15")).toEqual({
      ok: true,
      points: 16,
      how: "a/b = 12/15 = 0,8; 0,8 × 20 = 16 điểm",
      figures: { a: 12, b: 15, bFrom: "explanation" },
    });
    expect(pointsFor(rule(NOT_SCORED), 0, "")).toEqual({
      ok: false,
      notScored: true,
      reason: "Không tính điểm",
    });
  });

  it("accepts a number cell as the explanation", () => {
    expect(pointsFor(rule(YES_NO), 10, true)).toMatchObject({ ok: true, points: 10 });
  });
});

describe("roundPoints", () => {
  it.each([
    [13.3333, 2, 13.33],
    [1.005, 2, 1.01],
    [6.665, 2, 6.67],
    [2 / 3, 0, 1],
    [16.000000000000004, 2, 16],
  ])("%d to %d decimals → %d", (x, d, r) => {
    expect(roundPoints(x, d)).toBe(r);
  });
});
