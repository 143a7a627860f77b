/**
 * Issue 14 items 1, 7 and 8: results that are not results (plans, estimates, qualifiers), criteria that name
 * several levels, bare numbers in a row whose unit is "%", and the smaller points. Every example sentence of the
 * issue is graded verbatim against the criterion of the 2023 list it belongs to.
 */
import { BUILTIN_SETS } from "../../shared/criteria";
import { gradeRow, gradeValue, isPercentUnit } from "../../shared/grade/rules";
import { readValue } from "../../shared/values/read";
import { WORDS, wordListsSchema } from "../../shared/values/words";
import type { Criterion, CriteriaSet, StatusCode, Target } from "../../shared/types";

let set2023: CriteriaSet;
let set2022: CriteriaSet;
const byId = (set: CriteriaSet, id: string): Criterion => set.criteria.find((c) => c.id === id)!;
beforeEach(() => {
  set2023 = BUILTIN_SETS.find((s) => s.id === "tt-xa-2023")!;
  set2022 = BUILTIN_SETS.find((s) => s.id === "tt-xa-2022")!;
});
const row2023 = (id: string, result: unknown, extra: Record<string, unknown> = {}) =>
  gradeRow({ result: result as never, criterion: byId(set2023, id), year: 2023, ...extra });

describe("item 1: plans, estimates and qualified answers are not results", () => {
  test.each<[string, string, StatusCode, string]>([
    [
      "2.4",
      "Phấn đấu đạt 60%",
      "CAN_XEM_XET",
      'ghi "phấn đấu": là kế hoạch, chưa phải kết quả (60%; chỉ tiêu ≥ 60%)',
    ],
    [
      "1.2",
      "Dự kiến 100% trong quý IV",
      "CAN_XEM_XET",
      'ghi "dự kiến": là kế hoạch, chưa phải kết quả (100%; chỉ tiêu ≥ 100%)',
    ],
    [
      "2.5",
      "Kế hoạch 50%",
      "CAN_XEM_XET",
      'ghi "kế hoạch": là kế hoạch, chưa phải kết quả (50%; chỉ tiêu ≥ 50%)',
    ],
    [
      "1.3",
      "Chỉ tiêu 100%",
      "CAN_XEM_XET",
      'ghi "chỉ tiêu": là kế hoạch, chưa phải kết quả (100%; chỉ tiêu ≥ 100%)',
    ],
    [
      "3.7",
      "14/14 (dự kiến)",
      "CAN_XEM_XET",
      'ghi "dự kiến": là kế hoạch, chưa phải kết quả (14/14 = 100%; chỉ tiêu ≥ 100%)',
    ],
    [
      "3.11",
      "20% (theo kế hoạch)",
      "CAN_XEM_XET",
      'ghi "theo kế hoạch": là kế hoạch, chưa phải kết quả (20%; chỉ tiêu ≥ 20%)',
    ],
    [
      "2.6",
      "khoảng 55%",
      "CAN_XEM_XET",
      'ghi "khoảng": là số ước lượng, chưa phải kết quả (55%; chỉ tiêu ≥ 55%)',
    ],
    [
      "2.1",
      "Có, 0 lượt người",
      "CAN_XEM_XET",
      'ghi "0 lượt": kết quả chưa trọn vẹn (Có, 0 lượt người; yêu cầu "Có")',
    ],
    [
      "4.7",
      "Có nhưng chưa ứng dụng CNTT",
      "CAN_XEM_XET",
      'ghi "nhưng chưa": kết quả chưa trọn vẹn (Có nhưng chưa ứng dụng CNTT; yêu cầu "Có")',
    ],
    [
      "4.4",
      "Có (kết nối đến huyện), chưa kết nối tỉnh",
      "CAN_XEM_XET",
      'ghi "chưa kết nối": kết quả chưa trọn vẹn ("Có (kết nối đến huyện), chưa …"; yêu cầu "Có"); ' +
        "kết quả chỉ nêu huyện, thiếu tỉnh, Trung ương mà tiêu chí yêu cầu",
    ],
    [
      "4.2",
      "Cơ bản đảm bảo",
      "CAN_XEM_XET",
      'ghi "cơ bản": kết quả chưa trọn vẹn ("Cơ bản đảm bảo"; yêu cầu "Đáp ứng")',
    ],
  ])("%s: %s → %s", (id, result, status, reason) => {
    expect(row2023(id, result)).toMatchObject({ status, reason });
  });

  test("already handled before: upper bounds and near-misses stay for review", () => {
    expect(row2023("3.2", "dưới 75%").status).toBe("CAN_XEM_XET");
    expect(row2023("2.4", "gần 60%")).toMatchObject({
      status: "CAN_XEM_XET",
      reason: 'ghi "gần": là số ước lượng, chưa phải kết quả ("gần 60%"; chỉ tiêu ≥ 60%)',
    });
    expect(row2023("3.4", "chưa đến 65%").status).toBe("CAN_XEM_XET");
  });

  test("the other approximations, each quoted", () => {
    expect(row2023("2.4", "Ước đạt 70%").reason).toBe(
      'ghi "ước đạt": là số ước lượng, chưa phải kết quả (70%; chỉ tiêu ≥ 60%)',
    );
    expect(row2023("2.4", "ước 70%").reason).toMatch(/^ghi "ước": là số ước lượng/);
    expect(row2023("2.4", "trên dưới 60%").reason).toBe(
      'ghi "trên dưới": là số ước lượng, chưa phải kết quả ("trên dưới 60%"; chỉ tiêu ≥ 60%)',
    );
    expect(row2023("2.4", "xấp xỉ 62%").status).toBe("CAN_XEM_XET");
    // a figure missing the target is still not a result: the commune must give the real one
    expect(row2023("2.4", "khoảng 30%").status).toBe("CAN_XEM_XET");
  });

  test("under-way words beside a plan give Đang thực hiện, quoting both", () => {
    expect(row2023("1.2", "Dự kiến 100%, đang triển khai")).toMatchObject({
      status: "DANG_THUC_HIEN",
      reason: 'kết quả ghi "Đang triển khai", "dự kiến" (100%; chỉ tiêu ≥ 100%)',
    });
    expect(row2023("4.4", "Đang triển khai, dự kiến quý IV").status).toBe("DANG_THUC_HIEN");
  });

  test("words that look like plans but are results stay results", () => {
    expect(row2023("1.1", "Đã ban hành Kế hoạch 45/KH-UBND").status).toBe("DAT"); // a document, not a figure
    expect(row2023("1.1", "Có Kế hoạch số 12/KH-UBND").status).toBe("DAT");
    expect(row2023("1.1", "Đã triển khai theo kế hoạch").status).toBe("DAT");
    expect(row2023("1.2", "100% (đạt chỉ tiêu)")).toMatchObject({ status: "DAT", reason: "100% ≥ 100%" });
    expect(row2023("1.2", "100%, vượt kế hoạch").status).toBe("DAT");
    expect(row2023("2.1", "Có (93 lượt người)").status).toBe("DAT");
    expect(row2023("2.1", "Tuyên truyền kỹ năng số cơ bản, đã triển khai").status).toBe("DAT");
    expect(row2023("2.1", "Khoảng 50 hộ đã được tuyên truyền").status).toBe("DAT"); // an estimate of a count
  });

  test("a plan or a qualifier does not turn a no into anything else", () => {
    expect(row2023("4.5", "Chưa, dự kiến quý IV").status).toBe("KHONG_DAT");
    expect(row2023("4.5", "Không có, phấn đấu năm 2024").status).toBe("KHONG_DAT");
  });

  test("a qualifier weighs only against a yes: a rate speaks for itself", () => {
    expect(gradeValue(readValue("DVC trực tuyến một phần 82/82 = 100%"), atLeast(60)).status).toBe("DAT");
    expect(gradeValue(readValue("Có một phần"), yes("Có")).status).toBe("CAN_XEM_XET");
    expect(gradeValue(readValue("Có nhưng chưa đầy đủ"), yes("Có")).status).toBe("CAN_XEM_XET");
    expect(gradeValue(readValue("Có hệ thống, chưa hoạt động"), yes("Có")).reason).toBe(
      'ghi "chưa": kết quả chưa trọn vẹn (Có hệ thống, chưa hoạt động; yêu cầu "Có")',
    );
    expect(gradeValue(readValue("Có nhưng còn hạn chế"), yes("Có")).status).toBe("CAN_XEM_XET");
    // a "chưa" that negates the only yes word is a no, and one beside another yes asks for a look
    expect(gradeValue(readValue("Trang Zalo chưa có"), yes("Có")).status).toBe("KHONG_DAT");
    expect(gradeValue(readValue("Xã đã lập, thôn chưa có"), yes("Có")).reason).toBe(
      'vừa ghi "đã" vừa ghi "chưa có" (yêu cầu "Có")',
    );
  });

  test("the value keeps its figure and the hedge found", () => {
    expect(readValue("Phấn đấu đạt 60%")).toEqual({
      kind: "percent",
      percent: 60,
      hedge: { kind: "plan", words: "phấn đấu" },
    });
    expect(readValue("14/14 (dự kiến)")).toMatchObject({
      kind: "fraction",
      numerator: 14,
      denominator: 14,
      hedge: { kind: "plan", words: "dự kiến" },
    });
    expect(readValue("Cơ bản đảm bảo")).toMatchObject({ kind: "text", hedge: { kind: "qualifier" } });
    expect(readValue("Có kỹ năng số cơ bản")).toEqual({ kind: "yes", word: "Có kỹ năng số cơ bản" });
    expect(readValue("60%")).toEqual({ kind: "percent", percent: 60 });
  });

  test("the same kinds of words beyond the issue's examples", () => {
    expect(row2023("2.4", "60% (tạm tính)").reason).toBe(
      'ghi "tạm tính": là số ước lượng, chưa phải kết quả (60%; chỉ tiêu ≥ 60%)',
    );
    expect(gradeValue(readValue("Có (1 phần)"), yes("Có")).reason).toBe(
      'ghi "1 phần": kết quả chưa trọn vẹn (Có (1 phần); yêu cầu "Có")',
    );
    expect(gradeValue(readValue("Hoàn thành 1 phần"), yes("Có")).status).toBe("CAN_XEM_XET");
    expect(gradeValue(readValue("Có (thí điểm tại 2 thôn)"), yes("Có")).status).toBe("CAN_XEM_XET");
    expect(gradeValue(readValue("Có, đang chờ nghiệm thu"), yes("Có")).reason).toBe(
      'ghi "đang chờ": kết quả chưa trọn vẹn (Có, đang chờ nghiệm thu; yêu cầu "Có")',
    );
    expect(gradeValue(readValue("Có nhưng hiệu quả thấp"), yes("Có")).status).toBe("CAN_XEM_XET");
    expect(gradeValue(readValue("Có, tuy nhiên số người dùng ít"), yes("Có")).status).toBe("CAN_XEM_XET");
    for (const text of ["Có, còn hạn chế", "Có, không thường xuyên", "Có, không đồng bộ", "Có, không đầy đủ"])
      expect(gradeValue(readValue(text), yes("Có")).status).toBe("CAN_XEM_XET");
    expect(row2023("2.4", "Chừng 70%").reason).toBe(
      'ghi "chừng": là số ước lượng, chưa phải kết quả (70%; chỉ tiêu ≥ 60%)',
    );
    // a rate speaks for itself; "không" that says nothing is missing is no qualifier
    expect(gradeValue(readValue("82/82 = 100%, nhưng hệ thống chậm"), atLeast(60)).status).toBe("DAT");
    expect(gradeValue(readValue("Có, không có sự cố"), yes("Có")).status).toBe("DAT");
  });

  test("a yes still in the works is work under way", () => {
    expect(readValue("Có (đang hoàn thiện)")).toEqual({ kind: "underWay", word: "Đang hoàn thiện" });
    expect(gradeValue(readValue("Có, đang xây dựng"), yes("Có"))).toMatchObject({
      status: "DANG_THUC_HIEN",
      reason: 'kết quả ghi "Đang xây dựng"',
    });
    // a no said first stays a no; done and going on is done; a hedge keeps its own reason, with the work under way
    expect(readValue("Chưa có, đang xây dựng")).toEqual({ kind: "no", word: "Chưa có, đang xây dựng" });
    expect(gradeValue(readValue("Đã và đang triển khai"), yes("Có")).status).toBe("DAT");
    expect(gradeValue(readValue("Có nhưng chưa xong, đang triển khai"), yes("Có"))).toMatchObject({
      status: "DANG_THUC_HIEN",
      reason: 'kết quả ghi "Đang triển khai", "nhưng chưa" ("Có nhưng chưa xong, đang triể…"; yêu cầu "Có")',
    });
  });

  test("a range of rates is read as its lower end: at least that much, no more is known", () => {
    expect(readValue("60-70%")).toEqual({ kind: "lowerBound", percent: 60, strict: false });
    expect(readValue("Từ 60 đến 70%")).toEqual({ kind: "lowerBound", percent: 60, strict: false });
    expect(gradeValue(readValue("60 - 70%"), atLeast(65))).toMatchObject({
      status: "CAN_XEM_XET",
      reason: "kết quả chỉ ghi ≥ 60%, chưa đủ để so với chỉ tiêu ≥ 65%",
    });
    expect(gradeValue(readValue("66–70%"), atLeast(65)).status).toBe("DAT");
    // not a range: a quarter, a year, a larger number first, a minus sign
    expect(readValue("Quý 3 - 70%")).toEqual({ kind: "percent", percent: 70 });
    expect(readValue("năm 2023 - 70%")).toEqual({ kind: "percent", percent: 70 });
    expect(readValue("10-5%")).toEqual({ kind: "percent", percent: 5 });
    expect(readValue("70-70%")).toEqual({ kind: "percent", percent: 70 });
    expect(readValue("1.2.3-70%")).toEqual({ kind: "percent", percent: 70 });
    expect(readValue("Tổ 1-2 đạt 70%")).toEqual({ kind: "percent", percent: 70 });
    // decimals at the lower end, and a range at the start of a long sentence
    expect(readValue("60,5-70%")).toEqual({ kind: "lowerBound", percent: 60.5, strict: false });
    expect(readValue("60,55-70%")).toEqual({ kind: "lowerBound", percent: 60.55, strict: false });
    expect(readValue("60-70% số hộ gia đình có đường truyền băng rộng cố định")).toEqual({
      kind: "lowerBound",
      percent: 60,
      strict: false,
    });
    expect(readValue("-5%")).toEqual({ kind: "percent", percent: -5 });
  });

  test("the phrase vocabulary is data that passes the word lists' schema", () => {
    expect(wordListsSchema().safeParse(WORDS).success).toBe(true);
    const kinds = new Set(WORDS.hedges.map((h) => h.kind));
    expect([...kinds].sort()).toEqual(["estimate", "plan", "qualifier"]);
    for (const w of ["Phấn đấu", "Dự kiến", "Kế hoạch", "Chỉ tiêu", "Mục tiêu", "Theo kế hoạch"])
      expect(WORDS.hedges).toContainEqual(expect.objectContaining({ kind: "plan", text: w }));
    for (const w of ["Khoảng", "Ước", "Gần", "Trên dưới"])
      expect(WORDS.hedges).toContainEqual(expect.objectContaining({ kind: "estimate", text: w }));
    for (const w of ["Nhưng chưa", "Chưa kết nối", "Cơ bản", "0 lượt", "Một phần"])
      expect(WORDS.hedges).toContainEqual(expect.objectContaining({ kind: "qualifier", text: w }));
    expect(
      wordListsSchema().safeParse({ ...WORDS, hedges: [{ kind: "guess", text: "x", place: "anywhere" }] })
        .success,
    ).toBe(false);
    expect(wordListsSchema().safeParse({ ...WORDS, levels: [WORDS.levels[0]] }).success).toBe(false);
  });
});

describe("item 1: a criterion naming several levels", () => {
  test("4.4 names district, province and centre: a result naming only some is not Đạt", () => {
    expect(row2023("4.4", "Đã kết nối huyện")).toMatchObject({
      status: "CAN_XEM_XET",
      reason: "kết quả chỉ nêu huyện, thiếu tỉnh, Trung ương mà tiêu chí yêu cầu",
    });
    expect(row2023("4.4", "Có, kết nối huyện và tỉnh").reason).toBe(
      "kết quả chỉ nêu huyện, tỉnh, thiếu Trung ương mà tiêu chí yêu cầu",
    );
  });
  test("naming every level, or none, is a yes", () => {
    expect(row2023("4.4", "Có, kết nối xã – huyện – tỉnh – TW").status).toBe("DAT");
    expect(row2023("4.4", "Có (kết nối thông suốt huyện, tỉnh, Trung ương)").status).toBe("DAT");
    expect(row2023("4.4", "Có").status).toBe("DAT");
  });
  test("a range of levels names each level between its ends", () => {
    expect(row2023("4.4", "Đã kết nối từ TW đến xã").status).toBe("DAT");
    expect(row2023("4.4", "Có, kết nối từ cấp xã đến cấp Trung ương").status).toBe("DAT");
    expect(row2023("4.4", "Có, kết nối từ xã đến huyện").reason).toBe(
      "kết quả chỉ nêu huyện, thiếu tỉnh, Trung ương mà tiêu chí yêu cầu",
    );
    expect(row2023("4.4", "Có, kết nối từ huyện tới tỉnh").reason).toBe(
      "kết quả chỉ nêu huyện, tỉnh, thiếu Trung ương mà tiêu chí yêu cầu",
    );
  });
  test("a criterion naming one level is not multi-part (1.8: Trung ương đến địa phương)", () => {
    expect(row2023("1.8", "Có, khai thác CSDL của tỉnh").status).toBe("DAT");
  });
  test("a row with no criterion uses its own name", () => {
    const g = gradeRow({
      result: "Có, kết nối đến huyện",
      rowTarget: "Có",
      name: "Hệ thống họp trực tuyến kết nối huyện, tỉnh và Trung ương",
      year: 2023,
    });
    expect(g.status).toBe("CAN_XEM_XET");
  });
  test("a clear no stays a no", () => {
    expect(row2023("4.4", "Chưa kết nối huyện").status).toBe("KHONG_DAT");
  });
});

const atLeast = (threshold: number): Target => ({ kind: "percent", comparator: ">=", threshold });
const yes = (word: string): Target => ({ kind: "yes", word });

describe("item 7: a bare number in a row whose unit is %", () => {
  test('65 (number) and "71" (text) are rates in percent', () => {
    expect(row2023("3.4", 65, { unit: "%" })).toMatchObject({
      status: "DAT",
      reason: "65% ≥ 65% (đơn vị tính %)",
    });
    expect(row2023("3.2", "71", { unit: "%" })).toMatchObject({
      status: "KHONG_DAT",
      reason: "71% < 75% (đơn vị tính %)",
    });
    expect(row2023("3.2", 80, { unit: "Tỷ lệ (%)" }).status).toBe("DAT");
  });
  test("a percent sign in brackets after the number is a percent sign, whatever the unit", () => {
    expect(row2023("3.4", "70 (%)")).toMatchObject({ status: "DAT", reason: "70% ≥ 65%" });
    expect(readValue("70 (%) hộ")).toEqual({ kind: "percent", percent: 70 });
  });
  test("0.65 with a % format stays 65%", () => {
    expect(row2023("3.4", 0.65, { unit: "%", resultFormat: "0%" })).toMatchObject({
      status: "DAT",
      reason: "65% ≥ 65%",
    });
  });
  test("0.65 without a format is for review: 0.65% and 65% both fit", () => {
    expect(row2023("3.4", 0.65, { unit: "%" })).toMatchObject({
      status: "CAN_XEM_XET",
      reason: "số 0,65 ở dòng đơn vị tính %: có thể là 0,65% hoặc 65% — ghi rõ kèm dấu %",
    });
    expect(row2023("3.4", 1, { unit: "%" }).reason).toContain("có thể là 1% hoặc 100%");
  });
  test("without the unit a bare number still asks for a look; a count with its own unit is not a rate", () => {
    expect(row2023("3.4", 65).status).toBe("CAN_XEM_XET");
    expect(row2023("3.4", 65, { unit: "Người" }).status).toBe("CAN_XEM_XET");
    expect(row2023("3.4", "65 người", { unit: "%" }).status).toBe("CAN_XEM_XET");
    expect(row2023("3.4", 0, { unit: "%" })).toMatchObject({
      status: "KHONG_DAT",
      reason: "0% < 65% (đơn vị tính %)",
    });
    expect(row2023("3.4", 120, { unit: "%" }).status).toBe("CAN_XEM_XET"); // out of 0–100
  });
  test("which unit cells say %", () => {
    expect(["%", " % ", "Tỷ lệ", "tỷ lệ %", "Tỉ lệ", "(%)", "Phần trăm"].map(isPercentUnit)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(["Có/Không", "Người", "", null, 1].map((u) => isPercentUnit(u as never))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe("item 8: the smaller points", () => {
  test("a real 100% meets a criterion whose threshold is unknown, and says so", () => {
    expect(row2023("1.6", "100%")).toMatchObject({
      status: "DAT",
      reason: "100%: đạt mọi ngưỡng (bộ tiêu chí chưa nêu chỉ tiêu 1.6)",
    });
    expect(row2023("3.1", "274/274 hồ sơ")).toMatchObject({
      status: "DAT",
      reason: "274/274 = 100%: đạt mọi ngưỡng (bộ tiêu chí chưa nêu chỉ tiêu 3.1)",
    });
    expect(row2023("1.6", 1, { resultFormat: "0%" }).status).toBe("DAT");
  });
  test("only a real 100%: not 99,99% shown as 100%, not a plan, not without a criterion", () => {
    expect(row2023("1.6", 0.9999, { resultFormat: "0%" }).status).toBe("CAN_XEM_XET");
    expect(row2023("1.6", "99,9%")).toMatchObject({ status: "CAN_XEM_XET", reason: "chưa có chỉ tiêu" });
    expect(row2023("1.6", "Dự kiến 100%").status).toBe("CAN_XEM_XET");
    expect(row2023("1.6", "0/0").status).toBe("CAN_XEM_XET");
    expect(gradeRow({ result: "100%", year: 2023 })).toMatchObject({
      status: "CAN_XEM_XET",
      reason: "chưa có chỉ tiêu",
    });
  });
  test("a self-assessed Đạt against our Cần xem xét is a disagreement", () => {
    const g = row2023("2.4", "Phấn đấu đạt 60%", { self: "Đạt" });
    expect(g.status).toBe("CAN_XEM_XET");
    expect(g.warnings).toEqual([
      { code: "SELF_ASSESSMENT_DIFFERS", message: 'tự đánh giá "Đạt" khác kết quả chấm "Cần xem xét"' },
    ]);
    expect(row2023("2.4", "Phấn đấu đạt 60%", { self: "Chưa đạt" }).warnings).toEqual([]);
  });
  test("a row's own target wins over the other year's not-evaluated mark (4.8 of the 2022 list in 2023)", () => {
    const c = byId(set2022, "4.8");
    expect(c.notEvaluatedIn).toContain(2023);
    const g = gradeRow({ result: "Có", rowTarget: "Có", criterion: c, setYear: set2022.year, year: 2023 });
    expect(g).toMatchObject({ status: "DAT", reason: 'Có (đáp ứng yêu cầu "Có")' });
    expect(g.warnings.map((w) => w.message)).toEqual([
      'bộ tiêu chí không đánh giá tiêu chí 4.8 năm 2023; chấm theo chỉ tiêu ghi trong bảng "Có"',
    ]);
    // without a row target the mark stands
    expect(gradeRow({ result: "Có", criterion: c, setYear: set2022.year, year: 2023 }).status).toBe(
      "KHONG_DANH_GIA",
    );
    // the 2023 list's own mark for its own year stands even with a row target
    const c23 = byId(set2023, "4.8");
    expect(
      gradeRow({ result: "Có", rowTarget: "Có", criterion: c23, setYear: set2023.year, year: 2023 }).status,
    ).toBe("KHONG_DANH_GIA");
  });
});
