/**
 * What mutation testing (`npm run mutate`) found unasserted in the grading core: boundaries, anchors and reason
 * texts a user sees, each pinned by a status or a reason. Fixtures are built inside each test, never in a
 * describe body, so that Stryker's per-test coverage sees which test covers which code.
 */
import { cdsDat } from "../../shared/grade/cds-dat";
import { gradeRow, gradeValue, readSelfAssessment } from "../../shared/grade/rules";
import { addGroupSummaries, summarize } from "../../shared/report/summary";
import { readTarget, targetText, targetsDiffer } from "../../shared/values/targets";
import { readValue } from "../../shared/values/read";
import type { Criterion, GradedRow, GroupSummary, StatusCode, Target } from "../../shared/types";

const atLeast = (threshold: number): Target => ({ kind: "percent", comparator: ">=", threshold });
const more = (threshold: number): Target => ({ kind: "percent", comparator: ">", threshold });
const yes = (word = "Có"): Target => ({ kind: "yes", word });
const grade = (raw: unknown, target: Target, format?: string) =>
  gradeValue(readValue(raw as never, format), target);

describe("rules.ts: lower bounds against strict and plain targets", () => {
  test("> 85% does not reach > 90%; > 90% does; ≥ 90% does not", () => {
    expect(grade("> 85%", more(90))).toMatchObject({
      status: "CAN_XEM_XET",
      reason: "kết quả chỉ ghi > 85%, chưa đủ để so với chỉ tiêu > 90%",
    });
    expect(grade("> 90%", more(90))).toMatchObject({ status: "DAT", reason: "> 90%, đạt chỉ tiêu > 90%" });
    expect(grade("≥ 90%", more(90)).status).toBe("CAN_XEM_XET");
    expect(grade("> 95%", more(90)).status).toBe("DAT");
    expect(grade("> 90%", atLeast(90))).toMatchObject({ status: "DAT", reason: "> 90%, đạt chỉ tiêu ≥ 90%" });
    expect(grade("≥ 90%", atLeast(90))).toMatchObject({ status: "DAT", reason: "≥ 90%, đạt chỉ tiêu ≥ 90%" });
    expect(grade("≥ 89%", atLeast(90)).status).toBe("CAN_XEM_XET");
  });
  test("a lower bound against a yes target: positive or strict meets it, ≥ 0% does not", () => {
    expect(grade("> 0%", yes()).status).toBe("DAT");
    expect(grade("≥ 10%", yes())).toMatchObject({ status: "DAT", reason: '≥ 10% (đáp ứng yêu cầu "Có")' });
    expect(grade("≥ 0%", yes())).toMatchObject({
      status: "CAN_XEM_XET",
      reason: "thiếu số liệu (chỉ tiêu tính theo %)",
    });
  });
});

describe("rules.ts: short and long 'no' answers against a rate", () => {
  test("up to three words miss it; a sentence waits for a person", () => {
    expect(grade("Chưa hoàn thành", atLeast(50))).toMatchObject({
      status: "KHONG_DAT",
      reason: "Chưa hoàn thành (chỉ tiêu ≥ 50%)",
    });
    expect(grade("Không đạt được", atLeast(50)).status).toBe("KHONG_DAT"); // three words
    expect(grade("Không có doanh nghiệp nào", atLeast(50))).toMatchObject({
      status: "CAN_XEM_XET",
      reason: 'thiếu số liệu (chỉ tiêu tính theo %): kết quả ghi "Không có doanh nghiệp nào"',
    });
  });
  test("counts against a rate: with a unit no figure, bare not a rate", () => {
    expect(grade("8 điểm", atLeast(60))).toMatchObject({
      status: "CAN_XEM_XET",
      reason: "thiếu số liệu (chỉ tiêu tính theo %)",
    });
    expect(grade(85, atLeast(60))).toMatchObject({
      status: "CAN_XEM_XET",
      reason: "số 85 không ghi %, chưa rõ là tỷ lệ (chỉ tiêu ≥ 60%)",
    });
  });
});

describe("rules.ts: yes-type targets", () => {
  test("counts, rates and fractions", () => {
    expect(grade("8 điểm", yes())).toMatchObject({ status: "DAT", reason: '8 điểm (đáp ứng yêu cầu "Có")' });
    expect(grade(0, yes())).toMatchObject({ status: "KHONG_DAT", reason: '0 (không đáp ứng yêu cầu "Có")' });
    expect(grade(-2, yes())).toMatchObject({
      status: "CAN_XEM_XET",
      reason: "-2: số âm, số liệu không hợp lệ",
    });
    expect(grade("0%", yes()).status).toBe("KHONG_DAT");
    expect(grade("5%", yes()).status).toBe("DAT");
    expect(grade("0/12", yes()).status).toBe("KHONG_DAT");
    expect(grade("3/12", yes()).status).toBe("DAT");
  });
  test("prose: affirmative, negated, both, none, no data", () => {
    expect(grade("UBND xã đã lập trang Zalo", yes())).toMatchObject({
      status: "DAT",
      reason: 'ghi "đã" (đáp ứng yêu cầu "Có")',
    });
    expect(grade("Trang Zalo chưa có", yes())).toMatchObject({
      status: "KHONG_DAT",
      reason: 'ghi "chưa có" (không đáp ứng yêu cầu "Có")',
    });
    expect(grade("Xã đã lập, thôn chưa có", yes())).toMatchObject({
      status: "CAN_XEM_XET",
      reason: 'vừa ghi "đã" vừa ghi "chưa có" (yêu cầu "Có")',
    });
    expect(grade("Xem báo cáo kèm theo", yes()).reason).toBe(
      'không thấy từ khẳng định trong kết quả (yêu cầu "Có")',
    );
    expect(grade("#N/A", yes())).toMatchObject({ status: "CAN_XEM_XET", reason: "ô lỗi #N/A" });
  });
  test("a long value is clipped in the reason", () => {
    const long = `Có ${"hệ thống ".repeat(6)}`.trim();
    expect(grade(long, yes()).reason).toMatch(/^"Có hệ thống .*…" \(đáp ứng yêu cầu "Có"\)$/);
  });
});

describe("rules.ts: warnings joined, self-assessments read", () => {
  const criterion = (over: Partial<Criterion> = {}): Criterion => ({
    id: "2.4",
    group: "2",
    name: "Tỷ lệ thanh toán không tiền mặt",
    keywords: [],
    target: atLeast(60),
    notEvaluatedIn: [],
    ...over,
  });
  test("a grade's own warning and the row's warning both reach the user", () => {
    const g = gradeRow({ result: "120%", rowTarget: "50%", criterion: criterion(), year: 2023 });
    expect(g.status).toBe("CAN_XEM_XET");
    expect(g.warnings.map((w) => w.code)).toEqual(["RATE_OUT_OF_RANGE", "TARGET_DIFFERS_FROM_SET"]);
    const m = gradeRow({ result: "2.493/3.997 = 60%", criterion: criterion(), year: 2023 });
    expect(m).toMatchObject({ status: "DAT", reason: "2.493/3.997 = 62,4% ≥ 60%" });
    expect(m.warnings).toEqual([
      {
        code: "FRACTION_PERCENT_MISMATCH",
        message: "2.493/3.997 = 62,37%, nhưng ô ghi 60% (lệch 2,37 điểm %)",
      },
    ]);
  });
  test("TRUE and FALSE self-assessments", () => {
    expect(readSelfAssessment(true)).toBe("DAT");
    expect(readSelfAssessment(false)).toBe("KHONG_DAT");
    const g = gradeRow({ result: "50%", criterion: criterion(), year: 2023, self: true });
    expect(g.warnings.map((w) => w.message)).toEqual(['tự đánh giá "TRUE" khác kết quả chấm "Không đạt"']);
  });
  test("self-assessment words are read whole, not by their start or end", () => {
    expect(
      [
        "Đạt",
        "Đã đạt",
        "Hoàn thành",
        "Đạt.",
        "Chưa đạt",
        "Không hoàn thành",
        "Đang thực hiện",
        "Không áp dụng",
      ].map(readSelfAssessment),
    ).toEqual<(StatusCode | undefined)[]>([
      "DAT",
      "DAT",
      "DAT",
      "DAT",
      "KHONG_DAT",
      "KHONG_DAT",
      "DANG_THUC_HIEN",
      "KHONG_DANH_GIA",
    ]);
    expect(
      ["Đạt một phần", "Chưa đạt yêu cầu", "Gần đạt", "Không đạt được", "Đang triển khai thêm", 5].map((x) =>
        readSelfAssessment(x as never),
      ),
    ).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});

describe("cds-dat.ts: boundaries and anchors", () => {
  test("a number target in [0, 1] is a rate; outside it is refused", () => {
    expect(cdsDat(1, 1, 2023)).toMatchObject({ ok: true, status: "DAT", reason: "100% ≥ 100%" });
    expect(cdsDat(0.5, 0, 2023)).toMatchObject({ ok: true, status: "DAT", reason: "50% ≥ 0%" });
    expect(cdsDat(0.5, 1.5, 2023)).toMatchObject({ ok: false });
    expect(cdsDat(0.5, -0.1, 2023)).toMatchObject({ ok: false });
  });
  test("a number result in [0, 1] against a rate is a fraction; 1.5 is not", () => {
    expect(cdsDat(1, "100%", 2023)).toMatchObject({ status: "DAT" });
    expect(cdsDat(0, "0%", 2023)).toMatchObject({ status: "DAT", reason: "0% ≥ 0%" });
    expect(cdsDat(1.5, "60%", 2023)).toMatchObject({ status: "CAN_XEM_XET" });
  });
  test("a criterion ID is the whole text: 62.5% is a rate, 'mục 3.2' is not an ID", () => {
    expect(cdsDat("70%", "62.5%", 2023)).toMatchObject({ ok: true, status: "DAT", reason: "70% ≥ 62,5%" });
    expect(cdsDat("70%", "mục 3.2", 2023)).toMatchObject({ ok: false });
    expect(cdsDat("70%", "3.2 x", 2023)).toMatchObject({ ok: false });
    expect(cdsDat("80%", "3.2", 2023)).toMatchObject({ ok: true, status: "DAT", reason: "80% ≥ 75%" });
  });
  test("years: empty means this year; 1900 and 2200 are read, 1899 and 2201 are refused", () => {
    const thisYear = cdsDat("Có", "4.8", null as never);
    const blank = cdsDat("Có", "4.8", "" as never);
    expect(blank).toEqual(thisYear);
    expect(cdsDat("70%", "60%", 1900)).toMatchObject({ ok: true });
    expect(cdsDat("70%", "60%", 2200)).toMatchObject({ ok: true });
    expect(cdsDat("70%", "60%", 1899)).toMatchObject({ ok: false });
    expect(cdsDat("70%", "60%", 2201)).toMatchObject({ ok: false });
    expect(cdsDat("70%", "60%", " 2023 " as never)).toMatchObject({ ok: true });
    expect(cdsDat("70%", "60%", 2023.5)).toMatchObject({ ok: false });
  });
});

describe("summary.ts: totals of groups across communes", () => {
  test("each count is the sum of the communes' counts", () => {
    const g = (
      met: number,
      notMet: number,
      underWay: number,
      toReview: number,
      notEvaluated: number,
    ): GroupSummary => ({
      id: "1",
      name: "Chính quyền số",
      evaluated: met + notMet + underWay + toReview,
      met,
      notMet,
      underWay,
      toReview,
      notEvaluated,
    });
    const other: GroupSummary = { ...g(1, 0, 0, 0, 0), id: "2", name: "Kinh tế số" };
    expect(addGroupSummaries([[g(5, 2, 1, 3, 1), other], [g(4, 1, 2, 1, 2)]])).toEqual([
      g(9, 3, 3, 4, 3),
      other,
    ]);
  });
  test("rows counted per group, unknown groups under Khác, unmet in sheet order", () => {
    const row = (r: number, group: string | null, status: StatusCode): GradedRow =>
      ({
        row: r,
        id: String(r),
        name: "",
        group,
        status,
        label: "",
        reason: "",
        warnings: [],
        value: "",
        target: "",
        resultCell: { row: r, col: 4 },
      }) as GradedRow;
    const s = summarize(
      [
        row(9, "1", "KHONG_DAT"),
        row(5, "1", "DAT"),
        row(7, null, "CAN_XEM_XET"),
        row(6, "9", "KHONG_DANH_GIA"),
      ],
      [
        { id: "1", name: "A" },
        { id: "2", name: "B" },
      ],
    );
    expect(s.groups.map((x) => [x.id, x.evaluated, x.met, x.notMet, x.toReview, x.notEvaluated])).toEqual([
      ["1", 2, 1, 1, 0, 0],
      ["2", 0, 0, 0, 0, 0],
      ["khac", 1, 0, 0, 1, 1],
    ]);
    expect(s.unmet.map((r) => r.row)).toEqual([7, 9]);
    expect(s.complete).toBe(false);
    expect(summarize([row(1, "1", "DAT")], [{ id: "1", name: "A" }]).complete).toBe(true);
    expect(summarize([row(1, "1", "KHONG_DANH_GIA")], [{ id: "1", name: "A" }]).complete).toBe(false);
  });
});

describe("targets.ts and values: upper bounds, dates, number spellings", () => {
  test("< 5% and ≤ 5% are upper bounds, not targets or results to meet", () => {
    expect(readTarget("< 5%")).toBeNull();
    expect(readTarget("≤ 5%")).toBeNull();
    expect(readTarget("dưới 5%")).toBeNull();
    expect(readTarget("> 5%")).toEqual(more(5));
    expect(readTarget("5% <")).toEqual(atLeast(5));
    expect(readValue("< 5%").kind).toBe("unreadable");
    expect(readValue("≤ 5%").kind).toBe("unreadable");
  });
  test("10/2023 is a month, not a fraction", () => {
    expect(readValue("10/2023").kind).not.toBe("fraction");
    expect(readTarget("10/2023")).toBeNull();
    expect(readValue("10/20")).toMatchObject({ kind: "fraction", numerator: 10, denominator: 20 });
  });
  test("Vietnamese and English thousands", () => {
    expect(readValue("1.234.567,8")).toEqual({ kind: "count", count: 1234567.8 });
    expect(readValue("12,345,678")).toEqual({ kind: "count", count: 12345678 });
  });
  test("target texts and differences", () => {
    expect(targetText(more(90))).toBe("> 90%");
    expect(targetText(atLeast(62.5))).toBe("≥ 62,5%");
    expect(targetsDiffer(atLeast(60), atLeast(60))).toBe(false);
    expect(targetsDiffer(atLeast(60), more(60))).toBe(true);
    expect(targetsDiffer(atLeast(60), atLeast(60.5))).toBe(true);
    expect(targetsDiffer(yes("Có"), yes("Đáp ứng"))).toBe(false);
    expect(targetsDiffer(yes("Có"), atLeast(60))).toBe(true);
    expect(readTarget(0.6, "0%")).toEqual(atLeast(60));
    expect(readTarget(0.6)).toBeNull();
    expect(readTarget(Number.NaN, "0%")).toBeNull();
    expect(readTarget(true as never)).toBeNull();
  });
});
