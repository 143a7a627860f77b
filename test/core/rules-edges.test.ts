/**
 * grade/rules.ts at its edges: what a reviewer reads in a reason or a warning, pinned where mutation testing
 * (`npm run mutate`) showed that no test noticed a change.
 */
import { BUILTIN_SETS } from "../../shared/criteria";
import { gradeRow, gradeValue, readSelfAssessment } from "../../shared/grade/rules";
import { readValue } from "../../shared/values/read";
import type { Criterion, Target } from "../../shared/types";

const AT_LEAST_60: Target = { kind: "percent", comparator: ">=", threshold: 60 };
const criteria = (): Criterion[] => BUILTIN_SETS.flatMap((s) => s.criteria);

describe("a rate in a reason", () => {
  it("has one decimal, and just enough more that a miss never prints as the threshold", () => {
    expect(gradeValue(readValue("54,44%"), AT_LEAST_60).reason).toBe("54,4% < 60%");
    expect(gradeValue(readValue("59,96%"), AT_LEAST_60).reason).toBe("59,96% < 60%");
    expect(gradeValue(readValue("59,95123%"), AT_LEAST_60).reason).toBe("59,95% < 60%");
    expect(gradeValue(readValue("60%"), AT_LEAST_60).reason).toBe("60% ≥ 60%");
  });
});

describe("the warning on a fraction whose written % differs", () => {
  it("is given only beyond half a point, and never for a rate or a fraction without a written %", () => {
    expect(gradeValue(readValue("70%"), AT_LEAST_60).warnings).toEqual([]);
    expect(gradeValue(readValue("14/15"), AT_LEAST_60).warnings).toEqual([]);
    expect(gradeValue(readValue("1/8 (13%)"), AT_LEAST_60).warnings).toEqual([]);
    expect(gradeValue(readValue("1/8 (13,1%)"), AT_LEAST_60).warnings).toEqual([
      { code: "FRACTION_PERCENT_MISMATCH", message: "1/8 = 12,5%, nhưng ô ghi 13,1% (lệch 0,6 điểm %)" },
    ]);
  });
});

describe("a commune's own verdict", () => {
  it.each([
    ["Đạt!!", "DAT"],
    ["Đang triển khai", "DANG_THUC_HIEN"],
    ["Không áp dụng", "KHONG_DANH_GIA"],
  ])("%s is read as %s", (self, status) => {
    expect(readSelfAssessment(self)).toBe(status);
  });

  it.each([
    "Chưa đạt yêu cầu",
    "Đạt một phần",
    "Gần như chưa đạt",
    "Tạm không đánh giá",
    "Đang triển khai thêm",
    "Xã đang triển khai",
    "Không áp dụng cho xã",
  ])("%s is not read as a verdict (only whole phrases are)", (self) => {
    expect(readSelfAssessment(self)).toBeUndefined();
  });

  it("is quoted without the spaces around it when it differs", () => {
    const c = criteria().find((x) => x.target.kind === "percent")!;
    const g = gradeRow({ result: "100%", criterion: c, year: 2023, self: " Không đạt " });
    expect(g.warnings.map((w) => w.message)).toEqual([`tự đánh giá "Không đạt" khác kết quả chấm "Đạt"`]);
  });
});

describe("rows graded by the criterion", () => {
  it("0/0 does not meet a threshold the sources do not state", () => {
    const c = criteria().find((x) => x.target.kind === "unknown")!;
    expect(gradeRow({ result: "0/0", criterion: c, year: 2023 }).status).toBe("CAN_XEM_XET");
    expect(gradeRow({ result: "3/3", criterion: c, year: 2023 }).status).toBe("DAT");
    expect(gradeRow({ result: "3/4", criterion: c, year: 2023 }).status).toBe("CAN_XEM_XET");
  });

  it("a rate out of range read by the row's unit says so without the unit note", () => {
    const c = criteria().find((x) => x.target.kind === "percent")!;
    const g = gradeRow({ result: 120, unit: "%", criterion: c, year: 2023 });
    expect(g.status).toBe("CAN_XEM_XET");
    expect(g.reason).not.toContain("(đơn vị tính %)");
  });

  it("says when a bare number was read as percent by the row's unit, and not when it is left for review", () => {
    const c = criteria().find((x) => x.target.kind === "percent" && x.target.threshold <= 65)!;
    expect(gradeRow({ result: 65, unit: "%", criterion: c, year: 2023 }).reason).toMatch(
      / \(đơn vị tính %\)$/,
    );
    const unsure = gradeRow({ result: 0.65, unit: "%", criterion: c, year: 2023 });
    expect(unsure.status).toBe("CAN_XEM_XET");
    expect(unsure.reason).not.toContain("(đơn vị tính %)");
  });

  it("a yes naming one of two levels the criterion asks for is not Đạt", () => {
    const yes = criteria().find((x) => x.target.kind === "yes")!;
    const g = gradeRow({
      result: "Có (kết nối huyện)",
      criterion: { ...yes, name: "Kết nối với huyện và tỉnh" },
      year: 2023,
    });
    expect(g).toMatchObject({
      status: "CAN_XEM_XET",
      reason: "kết quả chỉ nêu huyện, thiếu tỉnh mà tiêu chí yêu cầu",
    });
  });
});

describe("a result column whose header says estimate or plan", () => {
  const estimate = { kind: "estimate", words: "ước thực hiện", column: "Ước thực hiện năm 2023" } as const;

  it("hedges every result under it, naming the column", () => {
    expect(
      gradeRow({ result: "70%", criterion: undefined, rowTarget: "60%", year: 2023, resultHedge: estimate }),
    ).toMatchObject({
      status: "CAN_XEM_XET",
      reason:
        'cột kết quả "Ước thực hiện năm 2023": là số ước lượng, chưa phải kết quả (70%; chỉ tiêu ≥ 60%)',
    });
    expect(gradeRow({ result: "Có", rowTarget: "Có", year: 2023, resultHedge: estimate }).status).toBe(
      "CAN_XEM_XET",
    );
  });

  it("leaves a no, an empty cell and a result's own hedge as they are", () => {
    expect(gradeRow({ result: "Chưa", rowTarget: "Có", year: 2023, resultHedge: estimate }).status).toBe(
      "KHONG_DAT",
    );
    expect(gradeRow({ result: null, rowTarget: "Có", year: 2023, resultHedge: estimate }).reason).toBe(
      "chưa có kết quả",
    );
    expect(
      gradeRow({ result: "Dự kiến 70%", rowTarget: "60%", year: 2023, resultHedge: estimate }).reason,
    ).toBe('ghi "dự kiến": là kế hoạch, chưa phải kết quả (70%; chỉ tiêu ≥ 60%)');
  });
});

describe("a hedged result's reason", () => {
  it("shows the figure as precisely as a miss needs, and says when there is no target", () => {
    expect(gradeValue(readValue("Phấn đấu đạt 59,96%"), AT_LEAST_60).reason).toBe(
      'ghi "phấn đấu": là kế hoạch, chưa phải kết quả (59,96%; chỉ tiêu ≥ 60%)',
    );
    expect(gradeValue(readValue("Dự kiến 60%"), { kind: "unknown" }).reason).toBe(
      'ghi "dự kiến": là kế hoạch, chưa phải kết quả (60%; chưa có chỉ tiêu)',
    );
  });

  it("0/0 with a written % gives no mismatch warning (the zero denominator is the problem)", () => {
    expect(gradeValue(readValue("0/0 (50%)"), AT_LEAST_60).warnings).toEqual([]);
  });
});
