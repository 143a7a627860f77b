/**
 * The commune's form read as it is, in every shape of the domain brief (Biểu mẫu 01 with the 2022 and 2023
 * wording, a decision's table with the commune's columns), checked, summed, ranked and planned.
 */
import { FORM_CHECK_LABELS, isOwnLabel } from "../../shared/labels";
import { planClear } from "../../shared/report/workbook";
import type { Grid, PlanCell, RawCell, SheetPlan } from "../../shared/types";
import {
  CHECK_LABELS,
  FORM_OWN_HEADERS,
  builtinIndexSets,
  chooseIndexSet,
  findFormHeader,
  gradeWorkbookWithForms,
  indexSetToJson,
  loadIndexSet,
  rankForms,
  readForm,
  type FormReport,
} from "../../shared/dti";
import { formGrid, NONG_CONG, TRIEU_THANH, type FormShape } from "../../scripts/form-data";

const SHAPES: readonly FormShape[] = ["bm01-2022", "bm01-2023", "decision"];

function grade(shape: FormShape, extra: { name: string; grid: Grid }[] = []) {
  return gradeWorkbookWithForms([
    { name: "Nông Cống", grid: { values: formGrid(NONG_CONG, shape).values } },
    { name: "Triệu Thành", grid: { values: formGrid(TRIEU_THANH, shape).values } },
    ...extra,
  ]);
}

/** the plan's writes laid onto a copy of the grid, as a host applies them */
function applied(grid: Grid, plan: SheetPlan): Grid {
  const values = grid.values.map((r) => [...r]) as RawCell[][];
  for (const w of plan.writes)
    w.values.forEach((line, i) =>
      line.forEach((v: PlanCell, j) => {
        const row = (values[w.row + i] ??= []);
        row[w.col + j] = v;
      }),
    );
  return { values };
}

const codes = (f: FormReport) => Object.fromEntries(f.components.map((c) => [c.id, c.code]));

describe("the form reader on every shape of DTI.md", () => {
  it.each(SHAPES)("%s: header, lines, Part A, commune and year", (shape) => {
    const { values, rows } = formGrid(NONG_CONG, shape);
    const form = readForm("Nông Cống", { values });
    if ("skipped" in form) throw new Error(form.skipped);
    expect(form.header.row).toBe(rows.I! - (shape === "decision" ? 1 : 3));
    expect(form.lines.map((l) => `${l.level}:${l.id}`)).toEqual([
      "group:I",
      "index:1",
      ...["1.1", "1.2", "1.3", "1.4", "1.5"].map((id) => `component:${id}`),
      "index:2",
      ...["2.1", "2.2", "2.3"].map((id) => `component:${id}`),
      "total:",
    ]);
    for (const l of form.lines) if (l.id !== "") expect([l.id, l.row]).toEqual([l.id, rows[l.id]]);
    expect(form.lines.find((l) => l.level === "total")!.row).toBe(rows.total);
    expect(form.partA.map((p) => [p.id, p.value])).toEqual([
      ["cbcc", 21],
      ["doanh-nghiep", 32],
      ["nguoi-dan", 15763],
    ]);
    expect(form.commune).toEqual({ commune: "thị trấn Nông Cống", source: "title" });
    expect(form.year).toBe(2022);
    const c13 = form.lines.find((l) => l.id === "1.3")!;
    expect(c13.explanation.split("\n")).toEqual(["a = 12", "b = 15"]);
    const c21 = form.lines.find((l) => l.id === "2.1")!;
    expect(c21.ruleText).toContain("Điểm = Tỷ lệ*Điểm tối đa");
    expect(c21.ruleText!.split("\n").length).toBe(shape === "decision" ? 4 : 4);
  });

  it("reads the 2023 wording and Part A written as 'label: value' in one cell", () => {
    const { values } = formGrid(TRIEU_THANH, "bm01-2023");
    const form = readForm("x", { values });
    if ("skipped" in form) throw new Error(form.skipped);
    expect(form.header.lastRow - form.header.row).toBe(1);
    expect(form.partA.map((p) => [p.label, p.value])).toEqual([
      ["Tổng số cán bộ công chức (CBCC)", 20],
      ["Tổng số doanh nghiệp (DN) trên địa bàn", 12],
      ["Tổng số người dân trên địa bàn", 9870],
    ]);
    expect(form.year).toBe(2023);
  });

  it("skips a sheet with no form, and an annex is not a form", () => {
    expect(
      readForm("x", { values: [["TT", "Tên chỉ tiêu", "Chỉ tiêu cụ thể", "Kết quả đạt được"]] }),
    ).toEqual({
      skipped: expect.stringContaining("Điểm tự chấm"),
    });
    expect(findFormHeader({ values: [] })).toBeNull();
  });

  it("joins sub-rows marked with a dash or a lower-case letter to the component above", () => {
    const values: RawCell[][] = [
      [
        "STT",
        "Chỉ số/Chỉ số thành phần",
        "Điểm tối đa",
        "Cách xác định và tính điểm",
        "Xã tự chấm",
        "Giải trình",
      ],
      ["1", "Nhận thức số", 20, null, 16, null],
      ["1.1", "Tỷ lệ cuộc họp do Chủ tịch chủ trì", 20, null, 16, null],
      ["a", null, null, "a = Số cuộc họp do Chủ tịch chủ trì", null, "a = 12"],
      ["b", null, null, "b = Tổng số cuộc họp", null, "b = 15"],
      ["-", null, null, "Tỷ lệ = a/b; Điểm = Tỷ lệ*Điểm tối đa", null, null],
    ];
    const r = gradeWorkbookWithForms([{ name: "x", grid: { values } }]).forms.reports[0]!;
    expect(r.components.map((c) => [c.id, c.code, c.points])).toEqual([["1.1", "KHOP", 16]]);
  });

  it("reads Excel's 1.1 after 1.9 as 1.10, and a component under a missing main index", () => {
    const values: RawCell[][] = [["STT", "Chỉ số", "Điểm tối đa", "Cách tính", "Điểm tự chấm", "Giải trình"]];
    for (let i = 1; i <= 9; i++)
      values.push([Number(`3.${i}`), `CS ${i}`, 1, "Có: Điểm tối đa; Không: 0 điểm", 1, "Có"]);
    values.push([3.1, "CS 10", 1, "Có: Điểm tối đa; Không: 0 điểm", 1, "Có"]);
    const form = readForm("x", { values });
    if ("skipped" in form) throw new Error(form.skipped);
    expect(form.lines.map((l) => l.id).slice(-2)).toEqual(["3.9", "3.10"]);
    expect(form.lines.every((l) => l.parent === "3")).toBe(true);
  });
});

describe("the check over whole forms", () => {
  it.each(SHAPES)("%s: the same results whatever the shape", (shape) => {
    const { forms } = grade(shape);
    expect(forms.reports.map(codes)).toEqual([
      {
        "1.1": "KHOP",
        "1.2": "TU_CHAM_CAO_HON",
        "1.3": "KHOP",
        "1.4": "KHOP",
        "1.5": "KHOP",
        "2.1": "TU_CHAM_CAO_HON",
        "2.2": "KHOP",
        "2.3": "KHONG_TINH_DIEM",
      },
      {
        "1.1": "KHOP",
        "1.2": "KHOP",
        "1.3": "TU_CHAM_CAO_HON",
        "1.4": "CAN_XEM_XET",
        "1.5": "VUOT_DIEM_TOI_DA",
        "2.1": "TU_CHAM_THAP_HON",
        "2.2": "CAN_XEM_XET",
        "2.3": "KHONG_TINH_DIEM",
      },
    ]);
    const [nc, tt] = forms.reports;
    expect(nc!.components.find((c) => c.id === "2.1")!.reason).toBe(
      "tự chấm 30 > tính được 20 (a/b = 14/21 (Phần A) = 0,6667; 0,6667 × 30 = 20 điểm)",
    );
    expect([nc!.total.selfStated, nc!.total.points, nc!.total.percent, nc!.total.band]).toEqual([
      116,
      101,
      77.7,
      "Khá",
    ]);
    expect([tt!.total.selfStated, tt!.total.points, tt!.total.toReview, tt!.total.band]).toEqual([
      120,
      63,
      3,
      "Yếu",
    ]);
    expect(tt!.indices.map((i) => [i.id, i.selfStated, i.self, i.points])).toEqual([
      ["1", 80, 80, 45],
      ["2", 40, 35, 18],
    ]);
    const selfCol = shape === "decision" ? "H" : "E";
    expect(tt!.sums.map((s) => s.message)).toEqual([
      `Chỉ số 2 (${selfCol}${formGrid(TRIEU_THANH, shape).rows["2"]! + 1}): ghi 40 nhưng tổng các chỉ số thành phần là 35 (${["2.1", "2.2", "2.3"].map((id) => `${selfCol}${formGrid(TRIEU_THANH, shape).rows[id]! + 1}`).join(" + ")})`,
    ]);
    expect(nc!.sums).toEqual([]);
  });

  it("ranks by recomputed points, ties sharing a rank as the completion ranking does", () => {
    const { forms } = grade("bm01-2022", [
      { name: "Bản sao", grid: { values: formGrid(NONG_CONG, "bm01-2022").values } },
    ]);
    expect(forms.ranking.map((e) => [e.sheet, e.points, e.rank])).toEqual([
      ["Nông Cống", 101, 1],
      ["Bản sao", 101, 1],
      ["Triệu Thành", 63, 3],
    ]);
    expect(forms.disputes[0]).toMatchObject({ id: "2.1", differ: 3, higher: 2, lower: 1 });
  });

  it("uses the set's rules when the user names the set, the form's own words otherwise", () => {
    const values = formGrid(NONG_CONG, "bm01-2022").values.map((r) => [...r]);
    const row = formGrid(NONG_CONG, "bm01-2022").rows["1.5"]!;
    values[row]![3] = "Trừ 5 điểm nếu nộp muộn";
    const own = gradeWorkbookWithForms([{ name: "x", grid: { values } }]).forms.reports[0]!;
    expect(own.components.find((c) => c.id === "1.5")).toMatchObject({ code: "KHOP", ruleFrom: "set" });
    values[row]![3] = "Có: 1/2*Điểm tối đa; Không: 0 điểm";
    const formRule = gradeWorkbookWithForms([{ name: "x", grid: { values } }]).forms.reports[0]!;
    expect(formRule.components.find((c) => c.id === "1.5")).toMatchObject({
      code: "TU_CHAM_CAO_HON",
      points: 5,
    });
    const forced = gradeWorkbookWithForms([{ name: "x", grid: { values } }], { indexSetId: "bo-chi-so-mau" });
    expect(forced.forms.reports[0]!.components.find((c) => c.id === "1.5")).toMatchObject({ code: "KHOP" });
  });

  it("a form no set knows is checked by its own words and maxima", () => {
    const values: RawCell[][] = [
      [
        "STT",
        "Chỉ số/Chỉ số thành phần",
        "Điểm tối đa",
        "Cách xác định và tính điểm",
        "Điểm tự chấm",
        "Giải trình kết quả",
      ],
      ["1", "Hạ tầng số", 10, null, 10, null],
      ["1.1", "Wifi công cộng", 10, "Có: Điểm tối đa; Không: 0 điểm", 10, "Không"],
    ];
    const r = gradeWorkbookWithForms([{ name: "x", grid: { values } }]).forms.reports[0]!;
    expect(r.set).toBeNull();
    expect(r.components[0]).toMatchObject({ code: "TU_CHAM_CAO_HON", points: 0, ruleFrom: "form" });
  });

  describe("a set chosen by STT and maximum alone (no name confirms it)", () => {
    const HEAD: RawCell[] = [
      "STT",
      "Chỉ số/Chỉ số thành phần",
      "Điểm tối đa",
      "Cách xác định và tính điểm",
      "Điểm tự chấm",
      "Giải trình kết quả",
    ];
    /** a form of another province: its 1.1 is worth 20 like Thanh Hóa's, but is another component */
    const otherProvince = (c11: RawCell[]): RawCell[][] => [
      HEAD,
      ["1", "Chính quyền số", 30, null, 30, null],
      ["1.1", "Tỷ lệ hồ sơ xử lý trực tuyến toàn trình", ...c11],
      ["1.2", "Wifi công cộng tại nhà văn hóa", 10, "Có: Điểm tối đa; Không: 0 điểm", 10, "Có, 5 điểm"],
    ];
    const check = (values: RawCell[][], indexSetId?: string) =>
      gradeWorkbookWithForms([{ name: "x", grid: { values } }], indexSetId ? { indexSetId } : {}).forms
        .reports[0]!;
    const THANH_HOA = "thanh-hoa-xa-bieu-mau-01";
    const unreadable = [
      20,
      "Theo hướng dẫn của Sở Thông tin và Truyền thông",
      20,
      "Trưởng ban là Chủ tịch UBND xã",
    ];

    it("does not score a component by the set's rule: Cần xem xét, saying why and how to choose the set", () => {
      const r = check(otherProvince(unreadable));
      expect(r.set?.id).toBe(THANH_HOA);
      expect(r.setReason).toMatch(
        /^1\/2 chỉ số thành phần trùng mã và điểm tối đa .* không chỉ số nào khớp tên: chọn tự động chưa chắc chắn/,
      );
      const c11 = r.components.find((c) => c.id === "1.1")!;
      expect(c11).toMatchObject({
        code: "CAN_XEM_XET",
        review: "RULE_UNKNOWN",
        points: null,
        ruleFrom: "form",
      });
      expect(c11.reason).toContain(
        `bộ chỉ số "${builtinIndexSets()[1]!.title}" chỉ khớp theo STT và điểm tối đa, không khớp theo tên, nên chưa dùng cách tính`,
      );
      expect(c11.reason).toContain(`--set ${THANH_HOA}`);
      // the component whose own rule is understood is computed from it as before
      expect(r.components.find((c) => c.id === "1.2")).toMatchObject({
        code: "KHOP",
        points: 10,
        ruleFrom: "form",
      });
      expect(r.components.find((c) => c.id === "1.2")!.reason).not.toContain("chỉ khớp theo STT");
      expect([r.total.points, r.total.toReview]).toEqual([10, 1]);
    });

    it("a component with no rule in the form at all is Cần xem xét too", () => {
      const r = check(otherProvince([20, null, 20, "Trưởng ban là Chủ tịch UBND xã"]));
      const c11 = r.components.find((c) => c.id === "1.1")!;
      expect(c11).toMatchObject({ code: "CAN_XEM_XET", review: "RULE_UNKNOWN", ruleFrom: "none" });
      expect(c11.reason).toMatch(
        /^chưa đọc được cách tính điểm: biểu mẫu không ghi cách tính điểm \(tự chấm 20\); bộ chỉ số /,
      );
    });

    it("does not take the set's maximum either: a form that states none is Cần xem xét", () => {
      const r = check(otherProvince([null, "Có: 20 điểm; Không: 0 điểm", 20, "Có"]));
      const c11 = r.components.find((c) => c.id === "1.1")!;
      expect(c11).toMatchObject({
        code: "CAN_XEM_XET",
        review: "MAX_UNKNOWN",
        points: null,
        maxPoints: null,
      });
      expect(c11.reason).toMatch(
        /^chưa biết điểm tối đa: biểu mẫu không ghi điểm tối đa \(tự chấm 20\); bộ chỉ số /,
      );
      // the set's maximum of main index 1 (100) is not taken for the form's either
      expect(r.indices[0]!.maxPoints).toBe(30);
    });

    it("uses the set's rule when the user names the set", () => {
      const r = check(otherProvince(unreadable), THANH_HOA);
      expect(r.setReason).toBe(`theo lựa chọn của người dùng (${THANH_HOA})`);
      expect(r.components.find((c) => c.id === "1.1")).toMatchObject({
        code: "KHOP",
        points: 20,
        ruleFrom: "set",
      });
    });

    it("a form whose names match the set's is chosen and scored by the set as before", () => {
      const { rows, values } = formGrid(NONG_CONG, "bm01-2022");
      const grid = values.map((r) => [...r]);
      grid[rows["1.5"]!]![3] = "Trừ 5 điểm nếu nộp muộn";
      const r = check(grid);
      expect(r.set?.id).toBe("bo-chi-so-mau");
      expect(r.setReason).toMatch(/^8\/8 chỉ số thành phần trùng mã, tên và điểm tối đa/);
      expect(r.components.find((c) => c.id === "1.5")).toMatchObject({ code: "KHOP", ruleFrom: "set" });
      const form = readForm("x", { values: grid });
      if ("skipped" in form) throw new Error(form.skipped);
      expect(chooseIndexSet(form, builtinIndexSets())).toMatchObject({ forced: false, uncertain: false });
      // the same form without names fits the example set by STT and maximum only
      for (const id of ["1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3"]) grid[rows[id]!]![1] = null;
      const unnamed = readForm("x", { values: grid });
      if ("skipped" in unnamed) throw new Error(unnamed.skipped);
      expect(chooseIndexSet(unnamed, builtinIndexSets())).toMatchObject({ uncertain: true });
      expect(check(grid).components.find((c) => c.id === "1.5")).toMatchObject({ code: "CAN_XEM_XET" });
    });
  });

  it("takes the set from a 'Bộ chỉ số' sheet, and names its mistakes instead of checking", () => {
    const set = loadIndexSet({ ...indexSetToJson(builtinIndexSets()[0]!), id: "bo-rieng" });
    const sheet = { name: "Bộ chỉ số", grid: { values: [] as RawCell[][] } };
    const { planIndexSheet } = jest.requireActual("../../shared/dti") as typeof import("../../shared/dti");
    sheet.grid.values = planIndexSheet(set).values.map((r) => [...r]);
    const ok = grade("bm01-2022", [sheet]);
    expect(ok.forms.reports.map((f) => f.set?.id)).toEqual(["bo-rieng", "bo-rieng"]);
    expect(ok.report.skipped.map((s) => s.name)).toContain("Bộ chỉ số");
    sheet.grid.values = [["Mã bộ chỉ số", "SAI MÃ"]];
    const bad = grade("bm01-2022", [sheet]);
    expect(bad.forms.reports).toEqual([]);
    expect(bad.forms.indexSheetProblems!.length).toBeGreaterThan(0);
    expect(bad.plan.summary!.values.flat().join(" ")).toContain("Chưa chấm biểu mẫu");
  });
});

describe("the edit plan of a form", () => {
  it("writes the result, the points and the reason beside the table, coloured by result", () => {
    const { plan } = grade("bm01-2022");
    const sheet = plan.sheets[0]!;
    const { rows } = formGrid(NONG_CONG, "bm01-2022");
    expect(sheet.own).toEqual({ row: rows.I! - 3, col: 6, rows: rows.total - rows.I! + 4, cols: 3 });
    const values = sheet.writes[0]!.values;
    expect(values[0]).toEqual([...FORM_OWN_HEADERS]);
    expect(values[rows["1.2"]! - sheet.own.row]).toEqual([
      "Tự chấm cao hơn",
      15,
      "tự chấm 20 > tính được 15 (3 lần: «BCĐ họp 3 lần/ năm» → 15 điểm)",
    ]);
    expect(values[rows.total - sheet.own.row]).toEqual([
      "Tự chấm cao hơn",
      101,
      "tự chấm ghi 116; tính lại 101",
    ]);
    expect(sheet.formats[0]!.rules.map((r) => r.text)).toEqual(Object.values(CHECK_LABELS));
    expect(plan.summary!.values.flat()).toEqual(
      expect.arrayContaining(["thị trấn Nông Cống", "xã Triệu Thành"]),
    );
  });

  it("re-grading reuses its columns and gives the same plan; clearing finds exactly them", () => {
    const grid = { values: formGrid(TRIEU_THANH, "bm01-2023").values };
    const first = gradeWorkbookWithForms([{ name: "T", grid }]).plan.sheets[0]!;
    const graded = applied(grid, first);
    const again = gradeWorkbookWithForms([{ name: "T", grid: graded }]).plan.sheets[0]!;
    expect(again).toEqual(first);
    expect(planClear([{ name: "T", grid: graded }]).sheets).toEqual([{ sheet: "T", own: first.own }]);
  });

  it("knows its labels where own columns are found (labels.ts holds them to CHECK_LABELS)", () => {
    expect([...FORM_CHECK_LABELS].sort()).toEqual(Object.values(CHECK_LABELS).sort());
    for (const label of Object.values(CHECK_LABELS)) expect(isOwnLabel(label)).toBe(true);
    expect(isOwnLabel("NGƯỜI LẬP BIỂU")).toBe(false);
  });

  it("leaves a workbook without forms exactly as the annex grading does", () => {
    const values: RawCell[][] = [["TT", "Tên chỉ tiêu", "Chỉ tiêu cụ thể", "Kết quả đạt được"]];
    const { report, forms } = gradeWorkbookWithForms([{ name: "A", grid: { values } }]);
    expect(forms.reports).toEqual([]);
    expect(report).not.toHaveProperty("forms");
  });

  it("ranks communes with rankForms from reports in any order the same way", () => {
    const { forms } = grade("decision");
    const reversed = rankForms([...forms.reports].reverse());
    expect(reversed.map((e) => [e.commune, e.rank])).toEqual(forms.ranking.map((e) => [e.commune, e.rank]));
  });
});
