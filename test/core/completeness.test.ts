/**
 * Completeness (issue 14, item 2): "Hoàn thành" needs every criterion the chosen set evaluates that year to be
 * present and met; absent criteria are listed and counted apart; no set, no check. And an annex split over two
 * sheets (item 8) graded and ranked as one commune.
 */
import { findSet } from "../../shared/criteria";
import { planSummary, sheetsSection } from "../../shared/report/plan";
import { summarySectionsWithRollup } from "../../shared/report/prepare";
import { ABSENT_HEADER, RANKING_TITLE, rankingTable } from "../../shared/report/rollup";
import { completenessText } from "../../shared/report/summary";
import { gradeWorkbook } from "../../shared/report/workbook";
import type { Criterion, Grid, PlanCell, RawCell } from "../../shared/types";

const SET = findSet("tt-xa-2023")!;
const HEADER = ["TT", "Tên chỉ tiêu", "Chỉ tiêu cụ thể", "Kết quả đạt được"];

/** a row that meets its criterion: its own target (the annual ones have none in the set) and a result */
function metRow(c: Criterion, result?: string): RawCell[] {
  const t = c.target;
  const target = t.kind === "percent" ? `${t.threshold}%` : t.kind === "yes" ? t.word : "60%";
  return [c.id, c.name, target, result ?? (t.kind === "yes" ? "Có" : "100%")];
}

function annex(
  title: string | null,
  criteria: readonly Criterion[],
  results: Record<string, string> = {},
): Grid {
  return {
    values: [...(title === null ? [] : [[title]]), HEADER, ...criteria.map((c) => metRow(c, results[c.id]))],
  };
}

const only = (...ids: string[]): Criterion[] => SET.criteria.filter((c) => ids.includes(c.id));
const without = (...ids: string[]): Criterion[] => SET.criteria.filter((c) => !ids.includes(c.id));
const SIX = ["2.4", "2.5", "2.6", "3.2", "3.3", "3.4"];

describe("absent criteria", () => {
  it("an annex with 6 of the set's rows, all met, is not complete: 29 evaluated criteria are absent", () => {
    const { report } = gradeWorkbook([
      { name: "Xã A", grid: annex("Kết quả CĐS xã Hoằng Phụ năm 2023", only(...SIX)) },
    ]);
    const s = report.sheets[0]!;
    expect(s.criteriaSet?.id).toBe("tt-xa-2023");
    expect(s.summary.total).toMatchObject({ evaluated: 6, met: 6 });
    expect(s.summary.completenessChecked).toBe(true);
    expect(s.summary.complete).toBe(false);
    // 37 criteria, 1.11 and 4.8 not evaluated in 2023, 6 present
    expect(s.summary.absent).toHaveLength(29);
    expect(s.summary.absent.slice(0, 3)).toEqual([
      { id: "1.1", name: SET.criteria[0]!.name, group: "1" },
      { id: "1.2", name: SET.criteria[1]!.name, group: "1" },
      { id: "1.3", name: SET.criteria[2]!.name, group: "1" },
    ]);
    expect(s.summary.absent.map((c) => c.id)).not.toContain("1.11");
    expect(s.summary.absent.map((c) => c.id)).not.toContain("4.8");
    expect(completenessText(s.summary)).toBe(
      "thiếu 29 tiêu chí: 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 1.10, 2.1, 2.2, …",
    );
    expect(completenessText(s.summary, true)).toContain("4.7");
  });

  it("every evaluated criterion present and met is complete; those not evaluated that year may be absent", () => {
    const { report } = gradeWorkbook([
      { name: "Xã A", grid: annex("Kết quả CĐS xã Hoằng Phụ năm 2023", without("1.11", "4.8")) },
    ]);
    const s = report.sheets[0]!.summary;
    expect(s.absent).toEqual([]);
    expect(s.complete).toBe(true);
    expect(completenessText(s)).toBe("đủ các tiêu chí phải đánh giá");
  });

  it("one absent criterion is enough to be incomplete, and it is not counted among the graded rows", () => {
    const { report } = gradeWorkbook([
      { name: "Xã A", grid: annex("Kết quả CĐS xã Hoằng Phụ năm 2023", without("3.5")) },
    ]);
    const s = report.sheets[0]!.summary;
    expect(s.absent.map((c) => c.id)).toEqual(["3.5"]);
    expect(s.total.evaluated).toBe(34);
    expect(s.total.met).toBe(34);
    expect(s.complete).toBe(false);
  });

  it("a year the set does not exclude a criterion in requires it (4.8 outside 2023)", () => {
    const { report } = gradeWorkbook(
      [{ name: "Xã A", grid: annex("Kết quả CĐS xã Hoằng Phụ", without("1.11", "4.8")) }],
      { year: 2024 },
    );
    expect(report.sheets[0]!.summary.absent.map((c) => c.id)).toEqual(["1.11", "4.8"]);
  });

  it("with no criteria set (targets in the rows) completeness is not checked, and the report says so", () => {
    const { report, plan } = gradeWorkbook(
      [{ name: "Xã A", grid: annex("Kết quả CĐS xã Hoằng Phụ năm 2023", only(...SIX)) }],
      { sets: [] },
    );
    const s = report.sheets[0]!;
    expect(s.criteriaSet).toBeNull();
    expect(s.summary.completenessChecked).toBe(false);
    expect(s.summary.absent).toEqual([]);
    expect(s.summary.complete).toBe(true);
    expect(completenessText(s.summary)).toBe(
      "không kiểm tra đủ tiêu chí: không dùng bộ tiêu chí (chỉ tiêu ghi trong bảng)",
    );
    expect(plan.summary!.values.flat()).toContain(completenessText(s.summary, true));
  });

  it("the summary sheet's line per sheet names every absent criterion", () => {
    const { report, plan } = gradeWorkbook([
      { name: "Xã A", grid: annex("Kết quả CĐS xã Hoằng Phụ năm 2023", only(...SIX)) },
    ]);
    const header = plan.summary!.values.findIndex((r) => r.includes("Đủ tiêu chí"));
    expect(header).toBeGreaterThan(0);
    const line = plan.summary!.values[header + 1]!;
    const col = plan.summary!.values[header]!.indexOf("Đủ tiêu chí");
    expect(line[col]).toBe(completenessText(report.sheets[0]!.summary, true));
    expect(line).toContain("Chưa hoàn thành");
    expect(planSummary(report, [sheetsSection])!.values.flat()).toContain(line[col]);
  });
});

describe("ranking with absent criteria", () => {
  const full = annex("Kết quả CĐS xã Hoằng Phụ năm 2023", without("1.11", "4.8"), { "2.4": "50%" });
  const partial = annex("Kết quả CĐS xã Hoằng Lộc năm 2023", only(...SIX));

  it("a commune that leaves criteria out does not outrank one that reports them all", () => {
    const { report } = gradeWorkbook([
      { name: "Hoằng Lộc", grid: partial },
      { name: "Hoằng Phụ", grid: full },
    ]);
    const [first, second] = report.rollup!;
    expect(first!.sheet).toBe("Hoằng Phụ");
    expect(first!.shareRequired).toBeCloseTo((34 / 35) * 100, 6);
    expect(second!.sheet).toBe("Hoằng Lộc");
    // the share of the rows written stays what it was; the ranking's share counts the absent as not met
    expect(second!.share).toBe(100);
    expect(second!.shareRequired).toBeCloseTo((6 / 35) * 100, 6);
    expect(second!.absent).toHaveLength(29);
    expect(second!.completenessChecked).toBe(true);
    expect(second!.complete).toBe(false);
    expect(second!.rank).toBe(2);
    const table = rankingTable(report.rollup!);
    expect(table.rows[1]).toEqual([
      "2",
      "xã Hoằng Lộc",
      "Hoằng Lộc",
      "6/6, thiếu 29",
      "17,1%",
      "Chưa hoàn thành",
    ]);
  });

  it("the ranking on the summary sheet has a column of absent criteria", () => {
    const { report, plan } = gradeWorkbook([
      { name: "Hoằng Lộc", grid: partial },
      { name: "Hoằng Phụ", grid: full },
    ]);
    const values = plan.summary!.values;
    const title = values.findIndex((r) => r[0] === RANKING_TITLE);
    const header = values[title + 1]!;
    const col = header.indexOf(ABSENT_HEADER);
    expect(col).toBeGreaterThan(0);
    const cells: PlanCell[] = [values[title + 2]![col]!, values[title + 3]![col]!];
    expect(cells[0]).toBe("không thiếu");
    expect(String(cells[1])).toMatch(/^29: 1\.1, 1\.2, /);
    expect(summarySectionsWithRollup(report).length).toBeGreaterThan(0);
  });
});

describe("an annex split over two sheets", () => {
  const groups12 = SET.criteria.filter((c) => c.group === "1" || c.group === "2");
  const groups34 = SET.criteria.filter((c) => c.group === "3" || c.group === "4");

  it("the second sheet, with no title and continuing IDs, is the same commune, graded in the first's year", () => {
    const { report, plan } = gradeWorkbook([
      { name: "Hoằng Phụ", grid: annex("Kết quả CĐS xã Hoằng Phụ năm 2023", groups12) },
      { name: "Trang 2", grid: annex(null, groups34) },
    ]);
    expect(report.sheets).toHaveLength(1);
    const s = report.sheets[0]!;
    expect(s.name).toBe("Hoằng Phụ");
    expect(s.parts).toEqual(["Hoằng Phụ", "Trang 2"]);
    expect(s.year).toBe(2023);
    // 4.8 is not evaluated in 2023: graded under the current year it would be Đạt
    const r48 = s.rows.find((r) => r.id === "4.8")!;
    expect(r48.status).toBe("KHONG_DANH_GIA");
    expect(r48.sheet).toBe("Trang 2");
    expect(s.rows.find((r) => r.id === "1.1")!.sheet).toBeUndefined();
    expect(s.summary.absent).toEqual([]);
    expect(s.summary.complete).toBe(true);
    expect(report.rollup).toBeUndefined();
    // own columns on both sheets
    expect(plan.sheets.map((p) => p.sheet)).toEqual(["Hoằng Phụ", "Trang 2"]);
    const trang2 = plan.sheets[1]!.writes[0]!.values;
    expect(trang2[trang2.length - 1]![0]).toBe("Không đánh giá");
    expect(report.notes).toEqual([
      'Trang "Trang 2" được coi là phần tiếp của bảng phụ lục ở trang "Hoằng Phụ" (không có tiêu đề riêng, mã tiêu chí nối tiếp (2.6 → 3.1)): chấm theo năm 2023 của trang "Hoằng Phụ", tính đủ tiêu chí và xếp hạng chung là một xã.',
    ]);
    expect(plan.summary!.values.flat()).toContain(`Lưu ý: ${report.notes![0]}`);
    expect(plan.summary!.values.flat()).toContain("Hoằng Phụ + Trang 2");
  });

  it("ranks a split commune once, beside another commune", () => {
    const { report } = gradeWorkbook([
      { name: "Hoằng Phụ", grid: annex("Kết quả CĐS xã Hoằng Phụ năm 2023", groups12) },
      { name: "Hoằng Phụ (2)", grid: annex(null, groups34) },
      { name: "Hoằng Lộc", grid: annex("Kết quả CĐS xã Hoằng Lộc năm 2023", SET.criteria, { "3.2": "10%" }) },
    ]);
    expect(report.rollup!.map((e) => [e.commune, e.sheets ?? [e.sheet], e.rank])).toEqual([
      ["xã Hoằng Phụ", ["Hoằng Phụ", "Hoằng Phụ (2)"], 1],
      ["xã Hoằng Lộc", ["Hoằng Lộc"], 2],
    ]);
    expect(rankingTable(report.rollup!).rows[0]![2]).toBe("Hoằng Phụ + Hoằng Phụ (2)");
  });

  it("two communes with titles of their own stay two, even when their IDs follow on", () => {
    const { report } = gradeWorkbook([
      { name: "A", grid: annex("Kết quả CĐS xã Hoằng Phụ năm 2023", groups12) },
      { name: "B", grid: annex("Kết quả CĐS xã Hoằng Lộc năm 2023", groups34) },
    ]);
    expect(report.sheets.map((s) => s.name)).toEqual(["A", "B"]);
    expect(report.rollup).toHaveLength(2);
    expect(report.notes).toBeUndefined();
  });

  it("a sheet with no title whose IDs repeat the first's is not a continuation", () => {
    const { report } = gradeWorkbook([
      { name: "A", grid: annex("Kết quả CĐS xã Hoằng Phụ năm 2023", groups12) },
      { name: "B", grid: annex(null, SET.criteria) },
    ]);
    expect(report.sheets).toHaveLength(2);
  });

  it("the same commune named again in the second sheet's title joins it", () => {
    const { report } = gradeWorkbook([
      { name: "A", grid: annex("Kết quả CĐS xã Hoằng Phụ năm 2023", groups12) },
      { name: "B", grid: annex("Kết quả CĐS xã Hoằng Phụ (tiếp theo)", groups34) },
    ]);
    expect(report.sheets.map((s) => s.parts)).toEqual([["A", "B"]]);
    expect(report.notes![0]).toContain('cùng tên xã "xã Hoằng Phụ"');
  });

  it("a sheet in between keeps them apart", () => {
    const { report } = gradeWorkbook([
      { name: "A", grid: annex("Kết quả CĐS xã Hoằng Phụ năm 2023", groups12) },
      { name: "Ghi chú", grid: { values: [["Ghi chú của xã"]] } },
      { name: "B", grid: annex(null, groups34) },
    ]);
    expect(report.sheets).toHaveLength(2);
  });
});
