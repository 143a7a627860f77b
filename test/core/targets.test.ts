import { readTarget, targetText, targetsDiffer } from "../../shared/values/targets";
import type { Target } from "../../shared/types";

const atLeast = (threshold: number): Target => ({ kind: "percent", comparator: ">=", threshold });
const more = (threshold: number): Target => ({ kind: "percent", comparator: ">", threshold });

describe("readTarget", () => {
  test.each<[string, Target]>([
    ["60%", atLeast(60)],
    ["≥ 60%", atLeast(60)],
    [">= 60%", atLeast(60)],
    ["≥60%", atLeast(60)],
    ["> 90%", more(90)],
    ["trên 90%", more(90)],
    ["Trên 90 %", more(90)],
    ["hơn 50%", more(50)],
    ["100%", atLeast(100)],
    ["Tối thiểu 50%", atLeast(50)],
    ["60% trở lên", atLeast(60)],
    ["Đạt 62,5%", atLeast(62.5)],
    ["100% CBCC có máy tính", atLeast(100)],
    ["Có", { kind: "yes", word: "Có" }],
    ["Đáp ứng", { kind: "yes", word: "Đáp ứng" }],
    ["Đảm bảo", { kind: "yes", word: "Đảm bảo" }],
    ["Triển khai", { kind: "yes", word: "Triển khai" }],
    ["Sử dụng", { kind: "yes", word: "Sử dụng" }],
    ["Số lượng", { kind: "yes", word: "Số lượng" }],
    ["Triển khai sử dụng", { kind: "yes", word: "Triển khai sử dụng" }],
    [
      "Cung cấp đầy đủ thông tin theo quy định",
      { kind: "yes", word: "Cung cấp đầy đủ thông tin theo quy định" },
    ],
    ["Có nội dung tuyên truyền", { kind: "yes", word: "Có nội dung tuyên truyền" }],
    ["co", { kind: "yes", word: "Có" }],
    ["DAP UNG", { kind: "yes", word: "Đáp ứng" }],
  ])("%s", (raw, expected) => expect(readTarget(raw)).toEqual(expected));

  test("a number formatted as percent is a fraction of 1", () => {
    expect(readTarget(0.6, "0%")).toEqual(atLeast(60));
    expect(readTarget(0.55, "0.0%")).toEqual(atLeast(55));
  });

  test("nothing readable → null (the caller falls back to the criteria set)", () => {
    for (const raw of [
      null,
      undefined,
      "",
      "   ",
      "Theo chỉ tiêu giao hằng năm",
      "dưới 5%",
      "433/448",
      "79,%",
      "-",
    ]) {
      expect([raw, readTarget(raw)]).toEqual([raw, null]);
    }
    expect(readTarget(60)).toBeNull(); // a bare number says neither % nor count
    expect(readTarget(0.6)).toBeNull();
    expect(readTarget(true)).toBeNull();
    expect(readTarget({ error: "#N/A" })).toBeNull();
    expect(readTarget(new Date())).toBeNull();
    expect(readTarget("Cơ sở")).toBeNull(); // not "Có"
  });
});

describe("targetText", () => {
  test("as users read it", () => {
    expect(targetText(atLeast(60))).toBe("≥ 60%");
    expect(targetText(atLeast(62.5))).toBe("≥ 62,5%");
    expect(targetText(more(90))).toBe("> 90%");
    expect(targetText({ kind: "yes", word: "Đáp ứng" })).toBe("Đáp ứng");
    expect(targetText({ kind: "unknown", note: "chỉ tiêu giao hằng năm" })).toBe("chưa có chỉ tiêu");
  });
  test("reads back as the same target", () => {
    for (const t of [atLeast(60), more(90), atLeast(12.25), { kind: "yes", word: "Số lượng" } as Target]) {
      expect(readTarget(targetText(t))).toEqual(t);
    }
  });
});

describe("targetsDiffer", () => {
  test("percent targets differ by comparator or threshold; yes-type targets ask for the same", () => {
    expect(targetsDiffer(atLeast(60), atLeast(60))).toBe(false);
    expect(targetsDiffer(atLeast(60), atLeast(50))).toBe(true);
    expect(targetsDiffer(atLeast(90), more(90))).toBe(true);
    expect(targetsDiffer({ kind: "yes", word: "Có" }, { kind: "yes", word: "Triển khai" })).toBe(false);
    expect(targetsDiffer({ kind: "yes", word: "Có" }, atLeast(100))).toBe(true);
  });
});
