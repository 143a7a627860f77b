/**
 * Every literal example of the domain brief (values seen in cells, reasons, the rules), as the core reads them.
 */
import { readValue } from "../../shared/values/read";
import { readTarget, targetText } from "../../shared/values/targets";
import { gradeRow, gradeValue } from "../../shared/grade/rules";
import { cdsDat } from "../../shared/grade/cds-dat";
import type { Criterion, Target, Value } from "../../shared/types";

const atLeast = (threshold: number): Target => ({ kind: "percent", comparator: ">=", threshold });
const more = (threshold: number): Target => ({ kind: "percent", comparator: ">", threshold });
const yes = (word: string): Target => ({ kind: "yes", word });

describe("values seen in result and target cells", () => {
  const cases: [string, Value][] = [
    ["100%", { kind: "percent", percent: 100 }],
    ["54,4%", { kind: "percent", percent: 54.4 }],
    ["82,32%", { kind: "percent", percent: 82.32 }],
    ["> 90%", { kind: "lowerBound", percent: 90, strict: true }],
    [">85%", { kind: "lowerBound", percent: 85, strict: true }],
    ["22,58 %", { kind: "percent", percent: 22.58 }],
    ["đạt 100%", { kind: "percent", percent: 100 }],
    ["433/448", { kind: "fraction", numerator: 433, denominator: 448, percent: 96.651785714 }],
    [
      "2.050/3.200 lao động = 64,1%",
      { kind: "fraction", numerator: 2050, denominator: 3200, percent: 64.0625, statedPercent: 64.1 },
    ],
    ["10 /17", { kind: "fraction", numerator: 10, denominator: 17, percent: 58.823529412 }],
    ["8.032/ 8055", { kind: "fraction", numerator: 8032, denominator: 8055, percent: 99.714463066 }],
    ["14/14", { kind: "fraction", numerator: 14, denominator: 14, percent: 100 }],
    ["849/849 hồ sơ", { kind: "fraction", numerator: 849, denominator: 849, percent: 100 }],
    [
      "48/48 sản phẩm … (trong đó có 03 sản phẩm OCOP)",
      { kind: "fraction", numerator: 48, denominator: 48, percent: 100 },
    ],
    ["68/68 (Trong đó 58/58 thôn …)", { kind: "fraction", numerator: 68, denominator: 68, percent: 100 }],
    ["2.092.423.000", { kind: "count", count: 2092423000 }],
    ["Có", { kind: "yes", word: "Có" }],
    ["Không", { kind: "no", word: "Không" }],
    ["Đảm bảo", { kind: "yes", word: "Đảm bảo" }],
    ["Đáp ứng", { kind: "yes", word: "Đáp ứng" }],
    ["Đã triển khai", { kind: "yes", word: "Đã triển khai" }],
    ["Triển khai sử dụng", { kind: "yes", word: "Triển khai sử dụng" }],
    ["Đang triển khai", { kind: "underWay", word: "Đang triển khai" }],
    ["Có hệ thống", { kind: "yes", word: "Có hệ thống" }],
    ["8 điểm", { kind: "count", count: 8, unit: "điểm" }],
    ["32 mắt camera", { kind: "count", count: 32, unit: "mắt camera" }],
    ["Năm 2023 không tổ chức đánh giá", { kind: "notEvaluated", word: "Không tổ chức đánh giá" }],
    [
      "UBND xã thường xuyên tuyên truyền trên hệ thống loa truyền thanh",
      { kind: "text", text: "UBND xã thường xuyên tuyên truyền trên hệ thống loa truyền thanh" },
    ],
    ["79,%", { kind: "unreadable", text: "79,%" }],
  ];
  test.each(cases)("%s", (raw, expected) => {
    expect(readValue(raw)).toEqual(expected);
  });

  test("a number cell formatted as percent: 0.544 shown as 54,4%", () => {
    expect(readValue(0.544, "0.0%")).toEqual({ kind: "percent", percent: 54.4 });
  });

  test("under-way words of the status table", () => {
    for (const w of ["Đang triển khai", "Đang thực hiện", "Đang xây dựng"]) {
      expect(readValue(w)).toEqual({ kind: "underWay", word: w });
    }
  });

  test("not-evaluated words of the status table", () => {
    expect(readValue("Không đánh giá").kind).toBe("notEvaluated");
    expect(readValue("Không áp dụng").kind).toBe("notEvaluated");
    expect(readValue("không đưa vào đánh giá").kind).toBe("notEvaluated");
  });
});

describe("reasons quoted by the brief", () => {
  test("54,4% < 60%", () => {
    expect(gradeValue(readValue("54,4%"), atLeast(60))).toEqual({
      status: "KHONG_DAT",
      reason: "54,4% < 60%",
      warnings: [],
    });
  });
  test("433/448 = 96,7% ≥ 60%", () => {
    expect(gradeValue(readValue("433/448"), atLeast(60))).toEqual({
      status: "DAT",
      reason: "433/448 = 96,7% ≥ 60%",
      warnings: [],
    });
  });
  test("thiếu số liệu (chỉ tiêu tính theo %)", () => {
    const g = gradeValue(readValue("UBND xã đã chỉ đạo thực hiện tốt"), atLeast(60));
    expect(g.status).toBe("CAN_XEM_XET");
    expect(g.reason).toBe("thiếu số liệu (chỉ tiêu tính theo %)");
  });
  test("2.493/3.997 printed as 62,23% is 62,37%: within half a point, no warning", () => {
    const v = readValue("2.493/3.997 = 62,23%");
    expect(v).toMatchObject({ kind: "fraction", numerator: 2493, denominator: 3997, statedPercent: 62.23 });
    const g = gradeValue(v, atLeast(60));
    expect(g.status).toBe("DAT");
    expect(g.warnings).toEqual([]);
  });
});

describe("grading rules 1–5", () => {
  const criterion = (over: Partial<Criterion>): Criterion => ({
    id: "3.2",
    group: "3",
    name: "Tỷ lệ dân số từ 15 tuổi có tài khoản thanh toán",
    keywords: [],
    unit: "%",
    target: atLeast(75),
    notEvaluatedIn: [],
    ...over,
  });

  test("rule 1: the row's readable target wins over the set's", () => {
    const g = gradeRow({ result: "70%", rowTarget: "60%", criterion: criterion({}), year: 2023 });
    expect(g.status).toBe("DAT");
    expect(g.targetText).toBe("≥ 60%");
  });
  test("rule 1: an unreadable row target falls back to the set", () => {
    const g = gradeRow({ result: "70%", rowTarget: "Theo kế hoạch", criterion: criterion({}), year: 2023 });
    expect(g.status).toBe("KHONG_DAT");
    expect(g.reason).toBe("70% < 75%");
  });
  test("rule 1: no target anywhere → chưa có chỉ tiêu", () => {
    const g = gradeRow({ result: "70%", year: 2023 });
    expect(g).toMatchObject({ status: "CAN_XEM_XET", reason: "chưa có chỉ tiêu", target: null });
  });
  test("rule 2: x% means ≥ x; > x% and trên x% mean strictly greater", () => {
    expect(gradeValue(readValue("60%"), readTarget("60%")!).status).toBe("DAT");
    expect(gradeValue(readValue("90%"), readTarget("> 90%")!).status).toBe("KHONG_DAT");
    expect(gradeValue(readValue("90%"), readTarget("trên 90%")!).status).toBe("KHONG_DAT");
    expect(gradeValue(readValue("90,1%"), readTarget("trên 90%")!).status).toBe("DAT");
  });
  test("rule 2: a result written > 90% is a lower bound of 90", () => {
    expect(gradeValue(readValue("> 90%"), atLeast(90)).status).toBe("DAT");
    expect(gradeValue(readValue("> 90%"), more(90)).status).toBe("DAT");
    expect(gradeValue(readValue("> 80%"), atLeast(90)).status).toBe("CAN_XEM_XET");
  });
  test("rule 3: yes-type targets and their results", () => {
    for (const word of ["Có", "Đáp ứng", "Đảm bảo", "Triển khai", "Sử dụng", "Số lượng"]) {
      const t = readTarget(word)!;
      expect(t).toEqual(yes(word));
      for (const ok of ["Có", "Đạt", "Đảm bảo", "Đáp ứng", "Đã triển khai", "8 điểm", "14/14"]) {
        expect([word, ok, gradeValue(readValue(ok), t).status]).toEqual([word, ok, "DAT"]);
      }
      for (const no of ["Không", "Chưa triển khai", "0 điểm"]) {
        expect([word, no, gradeValue(readValue(no), t).status]).toEqual([word, no, "KHONG_DAT"]);
      }
    }
  });
  test("rule 4: a word alone never meets a percentage target; prose with an affirmative word meets a yes-type one", () => {
    expect(gradeValue(readValue("Có"), atLeast(60)).status).toBe("CAN_XEM_XET");
    expect(gradeValue(readValue("Đã triển khai"), atLeast(100)).status).toBe("CAN_XEM_XET");
    expect(gradeValue(readValue("UBND xã đã lập trang Zalo"), yes("Có")).status).toBe("DAT");
  });
  test("rule 5: in-progress and not-evaluated words; a criterion not evaluated in the year", () => {
    expect(gradeValue(readValue("Đang xây dựng"), atLeast(60)).status).toBe("DANG_THUC_HIEN");
    expect(gradeValue(readValue("Không áp dụng"), yes("Có")).status).toBe("KHONG_DANH_GIA");
    const c = criterion({ id: "1.11", target: { kind: "unknown" }, notEvaluatedIn: [2023] });
    expect(gradeRow({ result: "100%", criterion: c, year: 2023 }).status).toBe("KHONG_DANH_GIA");
    expect(gradeRow({ result: "90%", criterion: c, year: 2024 }).status).toBe("CAN_XEM_XET");
  });
  test("target texts", () => {
    expect([atLeast(60), more(90), yes("Có"), { kind: "unknown" } as Target].map(targetText)).toEqual([
      "≥ 60%",
      "> 90%",
      "Có",
      "chưa có chỉ tiêu",
    ]);
  });
});

describe("the 2023 criteria table of the brief, through =CDS_DAT with the built-in sets", () => {
  // id → target as the brief's table states it ("—" = not stated; "x" = not evaluated in 2023)
  const TABLE_2023: Record<string, string> = {
    "1.1": "Có",
    "1.2": "100%",
    "1.3": "100%",
    "1.4": "100%",
    "1.5": "100%",
    "1.6": "—",
    "1.7": "Có",
    "1.8": "Có",
    "1.9": "Có",
    "1.10": "Có",
    "1.11": "x",
    "2.1": "Có",
    "2.2": "Có",
    "2.3": "Có",
    "2.4": "60%",
    "2.5": "50%",
    "2.6": "55%",
    "3.1": "—",
    "3.2": "75%",
    "3.3": "55%",
    "3.4": "65%",
    "3.5": "95%",
    "3.6": "10%",
    "3.7": "100%",
    "3.8": "50%",
    "3.9": "50%",
    "3.10": "30%",
    "3.11": "20%",
    "3.12": "60%",
    "4.1": "100%",
    "4.2": "Đáp ứng",
    "4.3": "100%",
    "4.4": "Có",
    "4.5": "Có",
    "4.6": "Có",
    "4.7": "Có",
    "4.8": "x",
  };

  test.each(Object.entries(TABLE_2023))("%s: %s", (id, target) => {
    const grade = (result: unknown) => cdsDat(result as never, id, 2023);
    if (target === "x") {
      expect(grade("Có")).toMatchObject({ ok: true, status: "KHONG_DANH_GIA" });
    } else if (target === "—") {
      expect(grade("95%")).toMatchObject({ ok: true, status: "CAN_XEM_XET", reason: "chưa có chỉ tiêu" });
      expect(grade("100%")).toMatchObject({ ok: true, status: "DAT" }); // meets any threshold
    } else if (target.endsWith("%")) {
      const t = Number(target.slice(0, -1));
      expect(grade(`${t}%`)).toMatchObject({ ok: true, status: "DAT" });
      expect(grade(`${t - 0.1}%`.replace(".", ","))).toMatchObject({ ok: true, status: "KHONG_DAT" });
      expect(grade("Có")).toMatchObject({ ok: true, status: "CAN_XEM_XET" });
    } else {
      expect(grade("Có")).toMatchObject({
        ok: true,
        status: "DAT",
        reason: `Có (đáp ứng yêu cầu "${target}")`,
      });
      expect(grade("Không")).toMatchObject({ ok: true, status: "KHONG_DAT" });
    }
  });

  test("the 2022 list numbers differently: 3.2 there is ≥ 60%, 1.5 the online-dossier rate ≥ 60%", () => {
    expect(cdsDat("62%", "3.2", 2022)).toMatchObject({ ok: true, status: "DAT", reason: "62% ≥ 60%" });
    expect(cdsDat("62%", "3.2", 2023)).toMatchObject({ ok: true, status: "KHONG_DAT", reason: "62% < 75%" });
    expect(cdsDat("62%", "1.5", 2022)).toMatchObject({ ok: true, status: "DAT", reason: "62% ≥ 60%" });
    expect(cdsDat("5 điểm", "4.5", 2022)).toMatchObject({ ok: true, status: "DAT" }); // Số lượng
  });
});
