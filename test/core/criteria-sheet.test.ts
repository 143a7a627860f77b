import { BUILTIN_SETS, findSet } from "../../shared/criteria";
import {
  CRITERIA_SHEET,
  KIND_LABELS,
  criteriaSetFromGrid,
  criteriaSetToGrid,
  isCriteriaSheet,
  planCriteriaSheet,
} from "../../shared/criteria/sheet";
import { a1, parseA1 } from "../../shared/text";
import type { CriteriaSet, Grid, PlanCell, Problem, RawCell } from "../../shared/types";

const SET_2023 = findSet("tt-xa-2023")!;

/** the sheet of a set, as a mutable grid */
function sheetOf(set: CriteriaSet): RawCell[][] {
  return criteriaSetToGrid(set).map((r) => [...r]);
}

/** 0-based row of a criterion in the sheet */
function rowOf(values: readonly (readonly RawCell[])[], id: string): number {
  const header = values.findIndex((r) => r[1] === "Mã" && r[2] === "Tên chỉ tiêu");
  return values.findIndex((r, i) => i > header && r[1] === id);
}

function colOf(values: readonly (readonly RawCell[])[], header: string): number {
  return values.find((r) => r[1] === "Mã" && r[2] === "Tên chỉ tiêu")!.indexOf(header);
}

function set(values: RawCell[][], address: string, value: RawCell): void {
  const { row, col } = parseA1(address)!;
  while (values.length <= row) values.push([]);
  values[row]![col] = value;
}

function problemsOf(values: RawCell[][], formats?: Grid["formats"]): Problem[] {
  const r = criteriaSetFromGrid(CRITERIA_SHEET, formats ? { values, formats } : { values });
  if (r.ok) throw new Error("expected problems");
  return r.problems;
}

describe("criteriaSetToGrid / criteriaSetFromGrid", () => {
  it.each(BUILTIN_SETS.map((s) => [s.id, s] as const))("reads %s back to the same set", (_id, s) => {
    expect(criteriaSetFromGrid(CRITERIA_SHEET, { values: criteriaSetToGrid(s) })).toEqual({
      ok: true,
      set: s,
    });
  });

  it("writes a header block, the groups table and the criteria table last", () => {
    const g = criteriaSetToGrid(SET_2023);
    expect(g.slice(1, 4)).toEqual([
      ["Mã bộ tiêu chí", "tt-xa-2023"],
      ["Tên bộ tiêu chí", SET_2023.title],
      ["Căn cứ", SET_2023.legalBasis],
    ]);
    expect(g).toContainEqual(["Mã nhóm", "Tên nhóm"]);
    expect(g).toContainEqual(["3", "Xã hội số"]);
    const row24 = g[rowOf(g, "2.4")]!;
    expect(row24).toEqual([
      "2",
      "2.4",
      SET_2023.criteria.find((c) => c.id === "2.4")!.name,
      expect.any(String),
      "%",
      "Tỷ lệ %",
      "≥",
      60,
      null,
      null,
      null,
    ]);
    const row111 = g[rowOf(g, "1.11")]!;
    expect(row111[5]).toBe(KIND_LABELS.unknown);
    expect(row111[9]).toBe("2023");
    expect(g[g.length - 1]![1]).toBe(SET_2023.criteria[SET_2023.criteria.length - 1]!.id);
  });

  it("plans bold title, section and header rows", () => {
    const plan = planCriteriaSheet(SET_2023);
    expect(plan.sheet).toBe("Bộ tiêu chí");
    const firsts = plan.boldRows.map((r) => plan.values[r]![0]);
    expect(firsts).toEqual([
      "BỘ TIÊU CHÍ CHẤM ĐIỂM CHUYỂN ĐỔI SỐ CẤP XÃ",
      "NHÓM TIÊU CHÍ",
      "Mã nhóm",
      "DANH SÁCH CHỈ TIÊU",
      "Nhóm",
    ]);
    expect(plan.columnWidths).toHaveLength(plan.values.find((r) => r[0] === "Nhóm")!.length);
    expect(new Set(plan.values.map((r) => r.length))).toEqual(new Set([plan.columnWidths.length]));
    expect(criteriaSetFromGrid(CRITERIA_SHEET, { values: plan.values })).toEqual({ ok: true, set: SET_2023 });
  });

  it("knows the sheet by its name", () => {
    expect(isCriteriaSheet("bo tieu chi")).toBe(true);
    expect(isCriteriaSheet("Bộ tiêu chí 2")).toBe(false);
  });
});

describe("edits an official makes", () => {
  it("reads a changed threshold, comparator, years, a % cell and a new criterion", () => {
    const v = sheetOf(SET_2023);
    const r = rowOf(v, "2.4");
    v[r]![colOf(v, "Ngưỡng (%)")] = "70,5%";
    v[r]![colOf(v, "So sánh")] = ">";
    v[r]![colOf(v, "Năm không đánh giá")] = "2024, 2025";
    const r32 = rowOf(v, "3.2");
    const formats: (string | null)[][] = v.map(() => []);
    formats[r32]![colOf(v, "Ngưỡng (%)")] = "0%";
    v[r32]![colOf(v, "Ngưỡng (%)")] = 0.8;
    v.push(
      [],
      [
        "4",
        "4.9",
        "Điểm hỗ trợ CĐS tại thôn",
        "hỗ trợ; thôn",
        null,
        "Có-Không",
        null,
        null,
        null,
        null,
        null,
      ],
    );
    const out = criteriaSetFromGrid(CRITERIA_SHEET, { values: v, formats });
    if (!out.ok) throw new Error(out.problems.map((p) => p.message).join("\n"));
    const c24 = out.set.criteria.find((c) => c.id === "2.4")!;
    expect(c24.target).toEqual({ kind: "percent", comparator: ">", threshold: 70.5 });
    expect(c24.notEvaluatedIn).toEqual([2024, 2025]);
    expect(out.set.criteria.find((c) => c.id === "3.2")!.target).toEqual({
      kind: "percent",
      comparator: ">=",
      threshold: 80,
    });
    expect(out.set.criteria.at(-1)).toEqual({
      id: "4.9",
      group: "4",
      name: "Điểm hỗ trợ CĐS tại thôn",
      keywords: ["hỗ trợ", "thôn"],
      target: { kind: "yes", word: "Có" },
      notEvaluatedIn: [],
    });
  });

  it("finds the tables by their headers when rows are inserted above", () => {
    const v = sheetOf(SET_2023);
    v.splice(0, 0, ["Ghi chú của phòng VHTT"], []);
    const out = criteriaSetFromGrid(CRITERIA_SHEET, { values: v });
    expect(out).toEqual({ ok: true, set: SET_2023 });
  });
});

describe("every mistake names its cell", () => {
  const base = sheetOf(SET_2023);
  const r24 = rowOf(base, "2.4");
  const cell = (header: string, row = r24) => a1(row, colOf(base, header));

  it.each<[string, string, RawCell, string]>([
    ["threshold not a number", "Ngưỡng (%)", "sáu mươi", "ngưỡng không phải là số"],
    ["threshold above 100", "Ngưỡng (%)", 160, "ngưỡng phải từ 0 đến 100"],
    ["threshold below 0", "Ngưỡng (%)", -5, "ngưỡng phải từ 0 đến 100"],
    ["threshold missing for a percentage", "Ngưỡng (%)", null, "thiếu ngưỡng (%) cho chỉ tiêu tỷ lệ"],
    [
      "comparator missing for a percentage",
      "So sánh",
      null,
      "thiếu phép so sánh (≥ hoặc >) cho chỉ tiêu tỷ lệ",
    ],
    ["unknown comparator", "So sánh", "<", "phép so sánh phải là ≥ hoặc >"],
    ["unknown group", "Nhóm", "7", "nhóm không có trong bảng NHÓM TIÊU CHÍ"],
    ["unknown kind", "Loại chỉ tiêu", "Số lượng", "loại chỉ tiêu phải là Tỷ lệ %, Có-Không hoặc Chưa rõ"],
    ["kind missing", "Loại chỉ tiêu", null, "thiếu loại chỉ tiêu (Tỷ lệ %, Có-Không hoặc Chưa rõ)"],
    ["year not a year", "Năm không đánh giá", "2023; hai nghìn", "không phải là năm (ví dụ 2023; 2024)"],
    ["year out of range", "Năm không đánh giá", "1990", "năm phải từ 2000 đến 2100"],
    ["name missing", "Tên chỉ tiêu", null, "thiếu tên chỉ tiêu"],
    ["id not an id", "Mã", "hai.bốn", "mã chỉ tiêu phải có dạng 1.1, 2.4, 4.10"],
    ["requirement on a percentage", "Yêu cầu", "Có", "Yêu cầu chỉ dùng cho loại Có-Không hoặc Chưa rõ"],
  ])("%s", (_what, header, value, detail) => {
    const v = sheetOf(SET_2023);
    v[r24]![colOf(v, header)] = value;
    const problems = problemsOf(v);
    expect(problems).toHaveLength(1);
    const p = problems[0]!;
    expect(p.code).toBe("INVALID_CRITERIA_SET");
    expect(p.sheet).toBe("Bộ tiêu chí");
    expect(p.cell).toBe(cell(header));
    expect(p.message).toContain(`ô ${cell(header)}`);
    expect(p.message).toContain(detail);
  });

  it("quotes the value and the criterion", () => {
    const v = sheetOf(SET_2023);
    v[r24]![colOf(v, "Ngưỡng (%)")] = "60 phần trăm";
    expect(problemsOf(v)[0]!.message).toBe(
      `Trang "Bộ tiêu chí", ô ${cell("Ngưỡng (%)")} (chỉ tiêu 2.4): "60 phần trăm" — ngưỡng không phải là số`,
    );
  });

  it("flags a threshold on a yes-type criterion", () => {
    const v = sheetOf(SET_2023);
    const r = rowOf(v, "1.1");
    v[r]![colOf(v, "Ngưỡng (%)")] = 50;
    const p = problemsOf(v);
    expect(p.map((x) => [x.cell, x.message.split("— ")[1]])).toEqual([
      [cell("Ngưỡng (%)", r), "ngưỡng chỉ dùng cho loại Tỷ lệ %"],
    ]);
  });

  it("flags a duplicate ID at the second row", () => {
    const v = sheetOf(SET_2023);
    const r25 = rowOf(v, "2.5");
    v[r25]![colOf(v, "Mã")] = "2.4";
    const p = problemsOf(v);
    expect(p).toHaveLength(1);
    expect(p[0]!.cell).toBe(cell("Mã", r25));
    expect(p[0]!.message).toContain(`mã chỉ tiêu trùng với dòng ${r24 + 1}`);
  });

  it("hints at a number cell when a typed 4.10 clashes with 4.1", () => {
    const v = sheetOf(SET_2023);
    v.push(["4", 4.1, "Chỉ tiêu mới", null, null, "Có-Không", null, null, null, null, null]);
    const p = problemsOf(v);
    expect(p).toHaveLength(1);
    expect(p[0]!.message).toContain("mã chỉ tiêu trùng với dòng");
    expect(p[0]!.message).toContain("hãy gõ mã dạng văn bản");
  });

  it("lists every invalid row, not only the first", () => {
    const v = sheetOf(SET_2023);
    v[r24]![colOf(v, "Ngưỡng (%)")] = "abc";
    v[rowOf(v, "3.2")]![colOf(v, "Nhóm")] = "9";
    expect(problemsOf(v).map((p) => p.cell)).toEqual([cell("Ngưỡng (%)"), cell("Nhóm", rowOf(v, "3.2"))]);
  });

  it("flags a missing set id, a bad set id and a missing table", () => {
    const v = sheetOf(SET_2023);
    set(v, "B2", "Bộ Thanh Hóa");
    set(v, "B4", null);
    const p = problemsOf(v);
    expect(p.map((x) => x.cell)).toEqual(["B2", "B4"]);
    expect(p[0]!.message).toContain("chỉ dùng chữ thường không dấu, số và dấu -");
    expect(p[1]!.message).toContain("thiếu căn cứ");

    const noTable = sheetOf(SET_2023).slice(0, 10);
    expect(problemsOf(noTable).map((x) => x.message)).toEqual([
      'Trang "Bộ tiêu chí": không thấy bảng chỉ tiêu (dòng tiêu đề có "Mã", "Tên chỉ tiêu", "Loại chỉ tiêu")',
    ]);
  });

  it("flags a group without a name and a duplicate group", () => {
    const v = sheetOf(SET_2023);
    const g = v.findIndex((r) => r[0] === "Mã nhóm");
    v[g + 3] = ["2", "Kinh tế số 2"];
    v[g + 4] = ["4", null];
    const p = problemsOf(v);
    expect(p.slice(0, 2).map((x) => [x.cell, x.message.split("— ")[1]])).toEqual([
      [a1(g + 3, 0), "mã nhóm trùng"],
      [a1(g + 4, 1), "thiếu tên nhóm"],
    ]);
  });
});

// values a host may hand over for a number the official typed
it("reads a threshold typed as a plain number or as text", () => {
  const v = sheetOf(SET_2023);
  const r = rowOf(v, "2.4");
  const c = colOf(v, "Ngưỡng (%)");
  for (const [raw, expected] of [
    [65, 65],
    ["65", 65],
    ["65 %", 65],
    ["65.5", 65.5],
  ] as [PlanCell, number][]) {
    v[r]![c] = raw;
    const out = criteriaSetFromGrid(CRITERIA_SHEET, { values: v });
    expect(out.ok && out.set.criteria.find((x) => x.id === "2.4")!.target).toEqual({
      kind: "percent",
      comparator: ">=",
      threshold: expected,
    });
  }
});
