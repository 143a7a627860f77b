import { cdsDat, setForYear } from "../../shared/grade/cds-dat";
import { BUILTIN_SETS } from "../../shared/criteria";
import type { CriteriaSet, Criterion, Target } from "../../shared/types";

const pct = (threshold: number): Target => ({ kind: "percent", comparator: ">=", threshold });
const criterion = (id: string, target: Target, notEvaluatedIn: number[] = []): Criterion => ({
  id,
  group: id.split(".")[0]!,
  name: `tiêu chí ${id}`,
  keywords: [],
  target,
  notEvaluatedIn,
});
const set = (id: string, criteria: Criterion[]): CriteriaSet => ({
  id,
  title: `Bộ ${id}`,
  legalBasis: "thử",
  groups: [{ id: "1", name: "Nhóm 1" }],
  criteria,
});
const SETS = [
  set("thu-2023", [
    criterion("3.2", pct(75)),
    criterion("1.11", { kind: "unknown" }, [2023]),
    criterion("1.6", { kind: "unknown" }),
  ]),
  set("thu-2022", [criterion("3.2", pct(60)), criterion("4.5", { kind: "yes", word: "Số lượng" })]),
];

describe("cdsDat with a threshold or a word", () => {
  test.each<[unknown, unknown, string, string]>([
    [0.79, "60%", "DAT", "79% ≥ 60%"],
    [0.59, "60%", "KHONG_DAT", "59% < 60%"],
    [1, "100%", "DAT", "100% ≥ 100%"],
    [0, "60%", "KHONG_DAT", "0% < 60%"],
    ["54,4%", "60%", "KHONG_DAT", "54,4% < 60%"],
    ["433/448", "≥ 60%", "DAT", "433/448 = 96,7% ≥ 60%"],
    ["90%", "trên 90%", "KHONG_DAT", "90% ≤ 90%"],
    [0.8, 0.6, "DAT", "80% ≥ 60%"],
    ["Có", "Có", "DAT", 'Có (đáp ứng yêu cầu "Có")'],
    [8, "Số lượng", "DAT", '8 (đáp ứng yêu cầu "Số lượng")'],
    [0.79, "Có", "DAT", '0,79 (đáp ứng yêu cầu "Có")'],
    ["Không", "Đáp ứng", "KHONG_DAT", 'Không (không đáp ứng yêu cầu "Đáp ứng")'],
    ["Đang triển khai", "60%", "DANG_THUC_HIEN", 'kết quả ghi "Đang triển khai"'],
    [null, "60%", "CAN_XEM_XET", "chưa có kết quả"],
    [{ error: "#N/A" }, "60%", "CAN_XEM_XET", "ô lỗi #N/A"],
  ])("(%p, %p) → %s", (result, target, status, reason) => {
    expect(cdsDat(result as never, target as never, 2023, SETS)).toEqual({
      ok: true,
      status,
      label: {
        DAT: "Đạt",
        KHONG_DAT: "Không đạt",
        DANG_THUC_HIEN: "Đang thực hiện",
        CAN_XEM_XET: "Cần xem xét",
      }[status],
      reason,
    });
  });

  test("one-cell ranges as a custom function may receive them", () => {
    expect(cdsDat([[0.79]] as never, [["60%"]] as never, 2023, SETS)).toMatchObject({
      ok: true,
      status: "DAT",
    });
  });

  test("a number above 1 against a percentage target is not taken for a rate", () => {
    const r = cdsDat(85, "60%", 2023, SETS);
    expect(r).toMatchObject({ ok: true, status: "CAN_XEM_XET" });
    expect(r.ok && r.reason).toContain("không ghi %");
  });

  test("warnings are appended to the reason", () => {
    const r = cdsDat("50/100 = 65%", "60%", 2023, SETS);
    expect(r).toMatchObject({ ok: true, status: "KHONG_DAT" });
    expect(r.ok && r.reason).toBe("50/100 = 50% < 60%; 50/100 = 50%, nhưng ô ghi 65% (lệch 15 điểm %)");
  });
});

describe("cdsDat with a criterion ID", () => {
  test("the set for the year: 2023 and later use the 2023 set, 2022 the 2022 set", () => {
    expect(cdsDat("70%", "3.2", 2023, SETS)).toMatchObject({ status: "KHONG_DAT", reason: "70% < 75%" });
    expect(cdsDat("70%", "3.2", 2025, SETS)).toMatchObject({ status: "KHONG_DAT", reason: "70% < 75%" });
    expect(cdsDat("70%", "3.2", 2022, SETS)).toMatchObject({ status: "DAT", reason: "70% ≥ 60%" });
    expect(cdsDat("70%", "3.2", undefined, SETS)).toMatchObject({ status: "KHONG_DAT" }); // this year
    expect(cdsDat(0.7, "3.2.", 2023, SETS)).toMatchObject({ status: "KHONG_DAT", reason: "70% < 75%" });
  });
  test("a set named in front of the ID", () => {
    expect(cdsDat("70%", "thu-2022:3.2", 2023, SETS)).toMatchObject({ status: "DAT" });
    expect(cdsDat("3 điểm", "thu-2022: 4.5", 2023, SETS)).toMatchObject({ status: "DAT" });
  });
  test("a criterion not evaluated in the year, and one with no stated threshold", () => {
    expect(cdsDat("100%", "1.11", 2023, SETS)).toMatchObject({ status: "KHONG_DANH_GIA" });
    expect(cdsDat("99%", "1.6", 2023, SETS)).toMatchObject({
      status: "CAN_XEM_XET",
      reason: "chưa có chỉ tiêu",
    });
    // a real 100% meets any threshold, even one the sources do not state
    expect(cdsDat("100%", "1.6", 2023, SETS)).toMatchObject({
      status: "DAT",
      reason: "100%: đạt mọi ngưỡng (bộ tiêu chí chưa nêu chỉ tiêu 1.6)",
    });
  });
  test("the built-in sets by default", () => {
    expect(BUILTIN_SETS.map((s) => s.id)).toEqual(expect.arrayContaining(["tt-xa-2023", "tt-xa-2022"]));
    expect(cdsDat("70%", "3.2", 2023)).toMatchObject({ ok: true, status: "KHONG_DAT", reason: "70% < 75%" });
    expect(cdsDat("70%", "3.2", 2022)).toMatchObject({ ok: true, status: "DAT", reason: "70% ≥ 60%" });
    expect(cdsDat("Có", "4.8", 2023)).toMatchObject({ ok: true, status: "KHONG_DANH_GIA" });
    expect(cdsDat(0.7, "tt-xa-2022:3.2", 2023)).toMatchObject({ ok: true, status: "DAT" });
  });
});

describe("setForYear", () => {
  test("latest set not after the year; the earliest when all are later; the first when none names a year", () => {
    expect(setForYear(SETS, 2024)?.id).toBe("thu-2023");
    expect(setForYear(SETS, 2022)?.id).toBe("thu-2022");
    expect(setForYear(SETS, 2020)?.id).toBe("thu-2022");
    expect(setForYear([set("a", []), set("b", [])], 2023)?.id).toBe("a");
    expect(setForYear([], 2023)).toBeUndefined();
  });

  test("a set is dated by the year its id ends with, not a year inside it", () => {
    expect(setForYear([set("ban-2023-nhap", []), set("thu-2022", [])], 2023)?.id).toBe("thu-2022");
  });
});

describe("bad arguments give a Vietnamese message saying what to do", () => {
  test.each<[unknown, unknown, unknown, RegExp]>([
    ["70%", "", 2023, /^Thiếu chỉ tiêu: ghi chỉ tiêu như "60%"/],
    ["70%", null, 2023, /^Thiếu chỉ tiêu/],
    ["70%", "   ", 2023, /^Thiếu chỉ tiêu/],
    ["70%", "9.9", 2023, /không có tiêu chí "9\.9": kiểm tra mã/],
    ["70%", "khong-co:3.2", 2023, /^Không có bộ tiêu chí "khong-co": dùng một trong "thu-2023", "thu-2022"/],
    ["70%", "tùy tình hình", 2023, /^Chỉ tiêu "tùy tình hình" không đọc được: ghi chỉ tiêu như/],
    ["70%", 60, 2023, /^Chỉ tiêu 60 là một con số.*ghi "60%"/],
    ["70%", { error: "#REF!" }, 2023, /^Ô chỉ tiêu là giá trị lỗi #REF!/],
    ["70%", true, 2023, /^Chỉ tiêu "TRUE" không đọc được/],
    ["70%", "60%", "năm nay", /^Năm "năm nay" không đọc được: ghi năm bằng số như 2023/],
    ["70%", "60%", 23.5, /^Năm "23,5" không đọc được/],
    ["70%", "60%", Number.NaN, /^Năm "NaN" không đọc được/],
  ])("(%p, %p, %p)", (result, target, year, message) => {
    const r = cdsDat(result as never, target as never, year as never, SETS);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(message);
  });

  test("a criterion ID without any set", () => {
    expect(cdsDat("70%", "3.2", 2023, [])).toEqual({
      ok: false,
      message: 'Chưa có bộ tiêu chí nào để tra mã "3.2": ghi chỉ tiêu trực tiếp như "60%" hoặc "Có".',
    });
  });

  test("a year given as text of digits is accepted", () => {
    expect(cdsDat("70%", "3.2", "2022" as never, SETS)).toMatchObject({ ok: true, status: "DAT" });
  });
});

describe("cdsDat at its edges (what a user sees)", () => {
  it("takes years 1900 to 2200 and names a year outside them as written", () => {
    expect(cdsDat("60%", "50%", 1900)).toMatchObject({ ok: true, status: "DAT" });
    expect(cdsDat("60%", "50%", 2200)).toMatchObject({ ok: true, status: "DAT" });
    for (const year of [1899, 2201])
      expect(cdsDat("60%", "50%", year)).toEqual({
        ok: false,
        message: `Năm "${year}" không đọc được: ghi năm bằng số như 2023, hoặc bỏ trống để lấy năm nay.`,
      });
  });

  it("refuses a year that is not four digits alone, naming it as written", () => {
    for (const year of ["2023.0", "02023", "+2023", "năm 2023"])
      expect(cdsDat("60%", "50%", year as never)).toEqual({
        ok: false,
        message: `Năm "${year}" không đọc được: ghi năm bằng số như 2023, hoặc bỏ trống để lấy năm nay.`,
      });
    expect(cdsDat("60%", "50%", " 2023 " as never)).toMatchObject({ ok: true, status: "DAT" });
  });

  it("a number target in [0, 1] is a share at least that high", () => {
    expect(cdsDat(0.79, 0.6)).toEqual({ ok: true, status: "DAT", label: "Đạt", reason: "79% ≥ 60%" });
  });

  it("reads IDs with a two-digit or Roman first part, and a set named with spaces around the colon", () => {
    for (const id of ["10.1", "II.1"])
      expect(cdsDat("100%", id, 2023)).toEqual({
        ok: false,
        message:
          `Bộ tiêu chí "Tiêu chí CĐS cấp xã 2023 (QĐ 1829/QĐ-UBND)" không có tiêu chí "${id}": kiểm tra mã ` +
          `(ví dụ "3.2") hoặc ghi chỉ tiêu trực tiếp như "60%".`,
      });
    expect(cdsDat("100%", "tt-xa-2022 : 3.2", 2023)).toMatchObject({ ok: true, status: "DAT" });
  });

  it("takes a number result as a share only between 0 and 1; others are left for review, said so", () => {
    expect(cdsDat(79, "60%", 2023)).toMatchObject({
      status: "CAN_XEM_XET",
      reason: "số 79 không ghi %, chưa rõ là tỷ lệ (chỉ tiêu ≥ 60%)",
    });
    expect(cdsDat(-0.5, "60%", 2023)).toMatchObject({
      status: "CAN_XEM_XET",
      reason: "số -0,5 không ghi %, chưa rõ là tỷ lệ (chỉ tiêu ≥ 60%)",
    });
    expect(cdsDat("0.79", "60%", 2023)).toMatchObject({
      status: "CAN_XEM_XET",
      reason: "số 0,79 không ghi %, chưa rõ là tỷ lệ (chỉ tiêu ≥ 60%)",
    });
  });
});
