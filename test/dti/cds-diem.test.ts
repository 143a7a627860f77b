/**
 * `=CDS_DIEM(giai_trinh; cach_tinh; diem_toi_da)` in the core: the verbatim rule samples of the domain brief,
 * the same reading as the reviewer's check of the sheets, what it cannot read, the arguments it refuses, and
 * points never above the maximum.
 */
import fc from "fast-check";
import { builtinIndexSets, cdsDiem, checkComponent, type CdsDiemResult } from "../../shared/dti";
import { ADDITIVE, CHOICE, NOT_SCORED, RATIO, RATIO_ROWS, STEPS, YES_NO } from "./samples";

const SEED = { seed: 20261201, numRuns: 300 };

/** the points, or what the cell shows instead */
function answer(r: CdsDiemResult): number | string {
  switch (r.kind) {
    case "points":
      return r.points;
    case "error":
      return `LỖI: ${r.message}`;
    default:
      return r.text;
  }
}

const diem = (giaiTrinh: unknown, cachTinh: unknown, diemToiDa: unknown): number | string =>
  answer(cdsDiem(giaiTrinh as never, cachTinh as never, diemToiDa as never));

describe("the verbatim samples of DTI.md", () => {
  test("1. choice, Thanh Hóa 1.1 (max 20): the branch the explanation names", () => {
    expect(diem("Trưởng ban là Chủ tịch UBND xã (Quyết định số 15/QĐ-UBND)", CHOICE, 20)).toBe(20);
    expect(diem("Trưởng ban: Bí thư Đảng ủy xã", CHOICE, 20)).toBe(20);
    expect(diem("Trưởng ban là Phó Chủ tịch UBND xã", CHOICE, 20)).toBe(10);
    expect(diem("Chưa có Ban Chỉ đạo", CHOICE, 20)).toBe(0);
    // the whole committee listed names two branches: not a number
    expect(diem("Trưởng ban: Chủ tịch UBND xã; Phó trưởng ban: Phó Chủ tịch UBND xã", CHOICE, 20)).toMatch(
      /^Cần xem xét – giải trình không nêu rõ trường hợp: nêu nhiều trường hợp cùng lúc: /,
    );
    expect(diem("Đã kiện toàn Ban Chỉ đạo", CHOICE, 20)).toBe(
      "Cần xem xét – giải trình không nêu rõ trường hợp: không thấy trường hợp nào của cách tính điểm",
    );
    expect(cdsDiem("Trưởng ban là Phó Chủ tịch UBND xã", CHOICE, 20)).toEqual({
      kind: "points",
      points: 10,
      how: "«Trưởng ban là Phó Bí thư/Phó Chủ tịch cấp xã (cấp Phó)» → 1/2*Điểm tối đa = 10 điểm",
    });
  });

  test("2. steps on a count (max 20): each step, the top step as 4 or more, no count", () => {
    expect(diem("BCĐ họp 4 lần trong năm (Thông báo số 3/TB-BCĐ)", STEPS, 20)).toBe(20);
    expect(diem("họp 3 lần", STEPS, 20)).toBe(15);
    expect(diem("Ban Chỉ đạo họp hai lần", STEPS, 20)).toBe(10);
    expect(diem("họp 1 lần", STEPS, 20)).toBe(5);
    expect(diem("BCĐ họp 6 lần", STEPS, 20)).toBe(20);
    expect(diem("BCĐ không họp", STEPS, 20)).toBe(
      "Cần xem xét – thiếu số liệu: giải trình không nêu số lần (ví dụ «họp 4 lần»)",
    );
    expect(diem("BCĐ dự kiến họp 4 lần", STEPS, 20)).toBe(
      "Cần xem xét – giải trình là dự kiến hoặc ước tính, chưa phải kết quả: có từ «dự kiến» trong giải trình",
    );
  });

  test("3. ratio × maximum (max 20), in one cell and over sub-rows", () => {
    expect(diem("a = 12; b = 15", RATIO, 20)).toBe(16);
    expect(diem("12/15 cuộc họp do Chủ tịch chủ trì", RATIO, 20)).toBe(16);
    expect(diem("a = 2; b = 3", RATIO, 20)).toBe(13.33);
    expect(diem("a = 12; b = 15", RATIO_ROWS.join("\n"), 20)).toBe(16);
    // a > b counts as 1 (the default setting): never above the maximum
    expect(cdsDiem("a = 16; b = 15", RATIO, 20)).toMatchObject({ kind: "points", points: 20 });
    expect(diem("a = 3; b = 0", RATIO, 20)).toBe("Cần xem xét – b = 0, không tính được tỷ lệ: a = 3, b = 0");
    expect(diem("tỷ lệ 80%", RATIO, 20)).toMatch(
      /^Cần xem xét – thiếu số liệu: thiếu a \(.*\); giải trình chỉ nêu tỷ lệ 80%, không nêu a và b$/,
    );
  });

  test("4. additive parts (max 10): each part met adds its half", () => {
    expect(diem("Có văn bản chỉ đạo về chuyển đổi số; có tổ chức hội nghị quán triệt", ADDITIVE, 10)).toBe(
      10,
    );
    expect(diem("Có văn bản chỉ đạo về chuyển đổi số; chưa tổ chức hội nghị quán triệt", ADDITIVE, 10)).toBe(
      5,
    );
    expect(diem("Có văn bản chỉ đạo về chuyển đổi số", ADDITIVE, 10)).toMatch(
      /^Cần xem xét – giải trình không nêu rõ từng nội dung: không rõ đạt hay không: «Có tổ chức hội nghị/,
    );
  });

  test("5. yes / no: the maximum for yes, 0 for no", () => {
    expect(diem("Có", YES_NO, 10)).toBe(10);
    expect(diem(true, YES_NO, 10)).toBe(10);
    expect(diem("Không", YES_NO, 10)).toBe(0);
    expect(diem("", YES_NO, 10)).toBe("Cần xem xét – giải trình không nói rõ có hay không: giải trình trống");
  });

  test("6. not scored: «Không tính điểm», whatever the maximum (0 or blank included)", () => {
    for (const max of [20, 0, "", null])
      expect(cdsDiem("Đã triển khai", NOT_SCORED, max)).toEqual({
        kind: "notScored",
        text: "Không tính điểm",
      });
  });

  test("a rule not understood is «Cần xem xét» with the reason, never a number", () => {
    expect(diem("họp 4 lần", "Trừ 5 điểm nếu nộp báo cáo muộn", 20)).toBe(
      "Cần xem xét – chưa đọc được cách tính điểm: có đoạn chưa hiểu: «Trừ 5 điểm nếu nộp báo cáo muộn»",
    );
    expect(diem("55%", "Từ 50% đến dưới 100%: 1/2*Điểm tối đa", 20)).toMatch(
      /^Cần xem xét – chưa đọc được cách tính điểm: /,
    );
    // a step worth more than the maximum given: the figures do not fit together
    expect(diem("BCĐ họp 4 lần", STEPS, 10)).toBe(
      "Cần xem xét – mức điểm trong bộ chỉ số lớn hơn điểm tối đa: 20 điểm > điểm tối đa 10",
    );
  });
});

describe("arguments", () => {
  test("the maximum: a number, a text such as «20 điểm», a one-cell range", () => {
    expect(diem("Có", YES_NO, "20 điểm")).toBe(20);
    expect(diem("Có", YES_NO, "7,5")).toBe(7.5);
    expect(diem([["Có"]], [[YES_NO]], [[7.5]])).toBe(7.5);
  });

  test("a maximum that cannot be one is a Vietnamese message, not 0 points", () => {
    expect(diem("Có", YES_NO, "")).toBe(
      "LỖI: Thiếu điểm tối đa: ghi điểm tối đa của chỉ số thành phần, như 20.",
    );
    expect(diem("Có", YES_NO, null)).toBe(
      "LỖI: Thiếu điểm tối đa: ghi điểm tối đa của chỉ số thành phần, như 20.",
    );
    // Excel on the desktop sends an empty cell as 0
    expect(diem("Có", YES_NO, 0)).toBe(
      "LỖI: Điểm tối đa 0 không dùng được: điểm tối đa phải lớn hơn 0 (ô trống cũng được đọc là 0).",
    );
    expect(diem("Có", YES_NO, -5)).toMatch(/^LỖI: Điểm tối đa -5 không dùng được/);
    expect(diem("Có", YES_NO, "hai mươi")).toBe(
      'LỖI: Điểm tối đa "hai mươi" không đọc được: ghi một số như 20.',
    );
    expect(diem("Có", YES_NO, "#N/A")).toBe("LỖI: Ô điểm tối đa là giá trị lỗi #N/A: sửa ô đó trước.");
    expect(diem("Có", YES_NO, 1e9)).toMatch(/^LỖI: Điểm tối đa 1\.000\.000\.000 quá lớn/);
  });

  test("the rule: missing, a number (arguments swapped), an error value", () => {
    expect(diem("Có", "", 20)).toMatch(/^LỖI: Thiếu cách tính điểm: chọn ô «Cách xác định và tính điểm»/);
    expect(diem("Có", 20, YES_NO)).toBe(
      'LỖI: Cách tính điểm "20" không phải lời văn của bộ chỉ số: chọn ô «Cách xác định và tính điểm»; ' +
        "thứ tự là (giải trình; cách tính điểm; điểm tối đa).",
    );
    expect(diem("Có", "#REF!", 20)).toBe("LỖI: Ô cách tính điểm là giá trị lỗi #REF!: sửa ô đó trước.");
  });

  test("an explanation that is an error value, a number, a date", () => {
    expect(diem("#N/A", YES_NO, 20)).toBe("LỖI: Ô giải trình là giá trị lỗi #N/A: sửa ô đó trước.");
    // Excel on the desktop sends an empty cell as 0: no count, no branch, no answer
    for (const rule of [CHOICE, STEPS, RATIO, ADDITIVE, YES_NO])
      expect(diem(0, rule, 20)).toMatch(/^Cần xem xét – /);
    expect(diem(new Date(2023, 11, 15), RATIO, 20)).toMatch(/^Cần xem xét – thiếu số liệu/);
  });

  test("b from Part A joined to the explanation (the docs' tip): used when alone, Cần xem xét when it disagrees", () => {
    const rule =
      "a = Số CBCC được bồi dưỡng kỹ năng số trong năm\nb = Tổng số CBCC của xã\n- Tỷ lệ = a/b;\n- Điểm = Tỷ lệ*Điểm tối đa";
    expect(diem("a = 18 (Quyết định số 5/QĐ-UBND)" + "; b = " + 21, rule, 30)).toBe(25.71);
    expect(diem("a = 18; b = 21" + "; b = " + 21, rule, 30)).toBe(25.71);
    expect(diem("a = 18; b = 20" + "; b = " + 21, rule, 30)).toMatch(
      /^Cần xem xét – giải trình có nhiều số liệu khác nhau/,
    );
    expect(diem("a = 18", rule, 30)).toBe("Cần xem xét – thiếu số liệu: thiếu b (Tổng số CBCC của xã)");
  });

  test("a rule read again after many others gives the same answer (the rules read are kept, then dropped)", () => {
    const first = cdsDiem("a = 12; b = 15", RATIO, 20);
    for (let i = 0; i < 600; i++)
      cdsDiem("Có", `Có: ${i % 2 ? "Điểm tối đa" : "1/2*Điểm tối đa"}; Không: 0 điểm ${i}`, 20);
    expect(cdsDiem("a = 12; b = 15", RATIO, 20)).toEqual(first);
  });
});

describe("the same reading as the sheets", () => {
  const set = builtinIndexSets()[0]!;
  const explanations: Record<string, string[]> = {
    "1.1": [
      "Trưởng ban là Chủ tịch UBND xã",
      "Trưởng ban: Phó Chủ tịch UBND xã",
      "Chưa có Ban Chỉ đạo",
      "Trưởng ban: Chủ tịch UBND xã; Phó trưởng ban: Phó Chủ tịch UBND xã",
    ],
    "1.2": ["BCĐ họp 4 lần", "họp 3 lần trong năm", "họp 7 lần", "dự kiến họp 4 lần", ""],
    "1.3": ["a = 12; b = 15", "9/12", "a = 3; b = 0", "khoảng 80%"],
    "1.4": [
      "Ban hành kế hoạch chuyển đổi số năm (KH số 05/KH-UBND); đã tổ chức triển khai, đánh giá kết quả thực hiện kế hoạch",
      "Ban hành kế hoạch chuyển đổi số năm; chưa tổ chức triển khai, đánh giá kết quả thực hiện kế hoạch",
    ],
    "1.5": ["Có", "Không", "Đang xây dựng chuyên mục"],
    "2.1": ["a = 18; b = 21", "18 CBCC được bồi dưỡng"],
    "2.2": ["tuyên truyền 5 lần", "tổ chức 2 lần", "1 lần", "không tổ chức"],
    "2.3": ["Đã triển khai camera"],
  };

  test.each(set.components.map((c) => [c.id, c] as const))(
    "component %s of the example set: CDS_DIEM gives the points the check computes, or its reason",
    (id, component) => {
      for (const explanation of explanations[id]!) {
        const r = cdsDiem(explanation, component.ruleText, component.maxPoints);
        const checked = checkComponent(component, { explanation, self: 0 }, { settings: set.settings });
        if (r.kind === "points") expect([explanation, r.points]).toEqual([explanation, checked.points]);
        else if (r.kind === "notScored") expect(checked.code).toBe("KHONG_TINH_DIEM");
        else if (r.kind === "review") {
          expect([explanation, checked.code]).toEqual([explanation, "CAN_XEM_XET"]);
          expect(checked.reason).toBe(`${r.reason} (tự chấm 0)`);
        } else throw new Error(`${id} «${explanation}»: ${r.message}`);
      }
    },
  );

  test("every kind of answer is reached by the example set's explanations", () => {
    const kinds = new Set(
      set.components.flatMap((c) => explanations[c.id]!.map((e) => cdsDiem(e, c.ruleText, c.maxPoints).kind)),
    );
    expect([...kinds].sort()).toEqual(["notScored", "points", "review"]);
  });
});

describe("properties", () => {
  const ruleTexts = fc.oneof(
    fc.constantFrom(CHOICE, STEPS, RATIO, RATIO_ROWS.join("\n"), ADDITIVE, YES_NO, NOT_SCORED),
    fc.constantFrom(
      "Từ 4 lần trở lên: Điểm tối đa; Từ 2 đến 3 lần: 1/2*Điểm tối đa; 1 lần: 1/4*Điểm tối đa; Còn lại: 0 điểm",
      "Có: 30 điểm; Không: 0 điểm",
      "họp 2 lần: 15 điểm; họp 1 lần: 25 điểm",
    ),
    fc.string(),
  );
  const explanation = fc.oneof(
    fc.string(),
    fc.tuple(fc.nat(40), fc.nat(40)).map(([a, b]) => `a = ${a}; b = ${b}`),
    fc.nat(10).map((n) => `BCĐ họp ${n} lần`),
    fc.constantFrom("Có", "Không", "Trưởng ban là Chủ tịch UBND xã", "Có văn bản chỉ đạo về chuyển đổi số"),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
  );
  const maximum = fc.oneof(
    fc.double({ min: -10, max: 1000, noNaN: true }),
    fc.integer({ min: 0, max: 100 }),
    fc.integer({ min: 1, max: 100 }).map((n) => `${n} điểm`),
    fc.string(),
    fc.constant(null),
  );

  test("never throws; points are a number in [0, maximum] with at most 2 decimals", () => {
    fc.assert(
      fc.property(explanation, ruleTexts, maximum, (e, rule, max) => {
        const r = cdsDiem(e, rule, max);
        if (r.kind !== "points") return;
        const stated = typeof max === "number" ? max : Number(String(max).replace(/\s*điểm$/, ""));
        expect(Number.isFinite(r.points)).toBe(true);
        expect(r.points).toBeGreaterThanOrEqual(0);
        expect(r.points).toBeLessThanOrEqual(stated);
        expect(Math.abs(r.points * 100 - Math.round(r.points * 100))).toBeLessThan(1e-6);
      }),
      SEED,
    );
  });

  test("the answer depends on the cells only: the same call gives the same answer, in any order", () => {
    const calls = fc.array(fc.tuple(explanation, ruleTexts, maximum), { minLength: 2, maxLength: 8 });
    fc.assert(
      fc.property(calls, (list) => {
        const forward = list.map(([e, r, m]) => cdsDiem(e, r, m));
        const backward = [...list].reverse().map(([e, r, m]) => cdsDiem(e, r, m));
        expect(backward.reverse()).toEqual(forward);
      }),
      { ...SEED, numRuns: 100 },
    );
  });
});
