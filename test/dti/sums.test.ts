import { BANDS_KON_TUM, BANDS_LAO_CAI, bandOf, bandText, checkSums, type SumLine } from "../../shared/dti";

/** a form of group I with main indices 1 (1.1–1.3) and 2 (2.1–2.2), cells in column E */
const FORM: SumLine[] = [
  { level: "group", id: "I", parent: null, points: 70, ref: "E8" },
  { level: "index", id: "1", parent: "I", points: 45, ref: "E9" },
  { level: "component", id: "1.1", parent: "1", points: 20, ref: "E10" },
  { level: "component", id: "1.2", parent: "1", points: 15, ref: "E11" },
  { level: "component", id: "1.3", parent: "1", points: 10, ref: "E12" },
  { level: "index", id: "2", parent: "I", points: 25, ref: "E13" },
  { level: "component", id: "2.1", parent: "2", points: 12.5, ref: "E14" },
  { level: "component", id: "2.2", parent: "2", points: 12.5, ref: "E15" },
];

const set = (lines: SumLine[], id: string, points: number | null): SumLine[] =>
  lines.map((l) => (l.id === id ? { ...l, points } : l));

describe("checkSums", () => {
  it("a form whose sums add up has no issue", () => {
    expect(checkSums(FORM, { points: 70, ref: "E16" })).toEqual([]);
  });

  it("a main index that is not the sum of its components, with the cells", () => {
    expect(checkSums(set(FORM, "1", 50))).toEqual([
      {
        code: "SUM_MISMATCH",
        level: "index",
        id: "1",
        stated: 50,
        sum: 45,
        ref: "E9",
        parts: ["E10", "E11", "E12"],
        message: "Chỉ số 1 (E9): ghi 50 nhưng tổng các chỉ số thành phần là 45 (E10 + E11 + E12)",
      },
      {
        code: "SUM_MISMATCH",
        level: "group",
        id: "I",
        stated: 70,
        sum: 75,
        ref: "E8",
        parts: ["E9", "E13"],
        message: "Nhóm I (E8): ghi 70 nhưng tổng các chỉ số là 75 (E9 + E13)",
      },
    ]);
  });

  it("the total against the groups, and against the main indices when there are no groups", () => {
    expect(checkSums(FORM, { points: 80, ref: "E16" })).toMatchObject([
      {
        code: "SUM_MISMATCH",
        level: "total",
        id: null,
        stated: 80,
        sum: 70,
        message: "Tổng điểm (E16): ghi 80 nhưng tổng các nhóm là 70 (E8)",
      },
    ]);
    const noGroups = FORM.filter((l) => l.level !== "group").map((l) =>
      l.level === "index" ? { ...l, parent: null } : l,
    );
    expect(checkSums(noGroups, { points: 69 })).toMatchObject([
      { level: "total", sum: 70, message: "Tổng điểm: ghi 69 nhưng tổng các chỉ số là 70 (E9 + E13)" },
    ]);
  });

  it("a component without points is reported, not counted as 0", () => {
    expect(checkSums(set(FORM, "1.2", null))).toMatchObject([
      {
        code: "SUM_PART_MISSING",
        level: "index",
        id: "1",
        sum: 30,
        message: "Chỉ số 1 (E9): thiếu điểm chỉ số thành phần 1.2 (E11); không kiểm tra được tổng",
      },
    ]);
  });

  it("a line without points is not checked; decimals compared at the given precision", () => {
    expect(checkSums(set(FORM, "1", null))).toMatchObject([
      {
        code: "SUM_PART_MISSING",
        level: "group",
        message: "Nhóm I (E8): thiếu điểm chỉ số 1 (E9); không kiểm tra được tổng",
      },
    ]);
    const thirds = [
      { level: "index", id: "1", parent: null, points: 20, ref: "E2" },
      { level: "component", id: "1.1", parent: "1", points: 6.67, ref: "E3" },
      { level: "component", id: "1.2", parent: "1", points: 6.67, ref: "E4" },
      { level: "component", id: "1.3", parent: "1", points: 6.67, ref: "E5" },
    ] as const;
    expect(checkSums(thirds)).toMatchObject([{ code: "SUM_MISMATCH", sum: 20.01 }]);
    expect(checkSums(thirds, null, 0)).toEqual([]);
  });

  it("a duplicate id", () => {
    const dup = [...FORM, { level: "component", id: "1.2", parent: "1", points: 15, ref: "E20" } as const];
    expect(checkSums(dup)[0]).toMatchObject({
      code: "SUM_DUPLICATE",
      id: "1.2",
      parts: ["E11", "E20"],
      message: "Chỉ số thành phần 1.2: mã bị trùng (E11, E20)",
    });
  });

  it("parts in natural order whatever the order given: 1.2, 1.9, 1.10", () => {
    const lines: SumLine[] = [
      { level: "index", id: "1", parent: null, points: 3 },
      { level: "component", id: "1.10", parent: "1", points: 1 },
      { level: "component", id: "1.2", parent: "1", points: 1 },
      { level: "component", id: "1.9", parent: "1", points: 2 },
    ];
    expect(checkSums(lines)[0]!.message).toBe(
      "Chỉ số 1: ghi 3 nhưng tổng các chỉ số thành phần là 4 (1.2 + 1.9 + 1.10)",
    );
  });

  it("without refs, ids name the parts", () => {
    const bare = FORM.map(({ ref: _ref, ...l }) => l);
    expect(checkSums(set(bare, "2", 20))[0]!.message).toBe(
      "Chỉ số 2: ghi 20 nhưng tổng các chỉ số thành phần là 25 (2.1 + 2.2)",
    );
  });
});

describe("bands", () => {
  it.each([
    [90, "Tốt"],
    [89.99, "Khá"],
    [70, "Khá"],
    [69.5, "Trung bình"],
    [50, "Trung bình"],
    [49.99, "Yếu"],
    [0, "Yếu"],
    [100, "Tốt"],
  ])("Kon Tum: %d%% → %s", (percent, name) => {
    expect(bandOf(percent, 100, BANDS_KON_TUM)?.name).toBe(name);
  });

  it.each([
    [75.01, "Dẫn dắt"],
    [75, "Nâng cao"],
    [50.5, "Nâng cao"],
    [50, "Hình thành"],
    [25, "Khởi động"],
    [25.5, "Hình thành"],
    [0, "Khởi động"],
  ])("Lào Cai, the bound on the other side: %d%% → %s", (percent, name) => {
    expect(bandOf(percent, 100, BANDS_LAO_CAI)?.name).toBe(name);
  });

  it("by the percentage of the maximum; none without bands or a maximum", () => {
    expect(bandOf(117, 130, BANDS_KON_TUM)?.name).toBe("Tốt");
    expect(bandOf(116.9, 130, BANDS_KON_TUM)?.name).toBe("Khá");
    expect(bandOf(50, 100, [])).toBeNull();
    expect(bandOf(50, null, BANDS_KON_TUM)).toBeNull();
    expect(bandOf(0, 0, BANDS_KON_TUM)).toBeNull();
  });

  it("in words", () => {
    expect(BANDS_KON_TUM.map(bandText)).toEqual(["≥ 90%", "≥ 70% và < 90%", "≥ 50% và < 70%", "< 50%"]);
    expect(BANDS_LAO_CAI.map(bandText)).toEqual(["> 75%", "> 50% và ≤ 75%", "> 25% và ≤ 50%", "≤ 25%"]);
  });
});
