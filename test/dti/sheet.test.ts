import {
  INDEX_SHEET,
  builtinIndexSets,
  findIndexSet,
  indexSetFromGrid,
  indexSetToGrid,
  isIndexSheet,
  planIndexSheet,
  type IndexSheetProblem,
} from "../../shared/dti";
import { parseA1 } from "../../shared/text";
import type { RawCell } from "../../shared/types";
import { CHOICE, RATIO_ROWS, STEPS } from "./samples";

const EXAMPLE = findIndexSet("bo-chi-so-mau")!;

/** the sheet of a set, as a mutable grid */
function sheetOf(id = "bo-chi-so-mau"): RawCell[][] {
  return indexSetToGrid(findIndexSet(id)!).map((r) => [...r]);
}

function rowOf(values: readonly (readonly RawCell[])[], first: string, after = "STT"): number {
  const start = values.findIndex((r) => r[0] === after);
  return values.findIndex((r, i) => i > start && r[0] === first);
}

function put(values: RawCell[][], address: string, value: RawCell): void {
  const { row, col } = parseA1(address)!;
  while (values.length <= row) values.push([]);
  values[row]![col] = value;
}

function problemsOf(values: RawCell[][]): IndexSheetProblem[] {
  const r = indexSetFromGrid(INDEX_SHEET, { values });
  if (r.ok) throw new Error("expected problems");
  return r.problems;
}

/** the header block a reviewing office types above a pasted table */
const HEAD: RawCell[][] = [
  ["Mã bộ chỉ số", "huyen-mau-2023"],
  ["Tên bộ chỉ số", "Bộ chỉ số huyện (dán từ quyết định)"],
  ["Tính chất", "Bộ chỉ số chính thức"],
  ["Căn cứ", "Quyết định số …/QĐ-UBND"],
  [],
];

describe("indexSetToGrid / indexSetFromGrid", () => {
  it.each(builtinIndexSets().map((s) => [s.id, s] as const))("reads %s back to the same set", (_id, s) => {
    expect(indexSetFromGrid(INDEX_SHEET, { values: indexSetToGrid(s) })).toEqual({
      ok: true,
      set: s,
      warnings: [],
    });
  });

  it("writes the index table last, with how each rule was understood", () => {
    const g = indexSetToGrid(EXAMPLE);
    const header = g.findIndex((r) => r[0] === "STT");
    expect(g[header]).toEqual([
      "STT",
      "Chỉ số/Chỉ số thành phần",
      "Điểm tối đa",
      "Cách xác định và tính điểm",
      "Cách hiểu (add-in ghi)",
      "Tài liệu kiểm chứng",
      "Ghi chú",
    ]);
    expect(g[header + 1]).toEqual(["I", "Nhóm chỉ số chung", 130]);
    expect(g[header + 2]).toEqual(["1", "Nhận thức số", 80]);
    const c12 = g[rowOf(g, "1.2")]!;
    expect(c12.slice(0, 4)).toEqual(["1.2", "Số lần Ban Chỉ đạo chuyển đổi số họp trong năm", 20, STEPS]);
    expect(String(c12[4]).split("\n")[1]).toBe(
      "- BCĐ họp 4 lần/ năm (Trung bình mỗi quý 1 lần): 20 điểm (= 4 lần)",
    );
    expect(g).toContainEqual(["Khá", "≥ 70%", "< 90%"]);
    expect(g).toContainEqual([
      "Khi mẫu số b = 0",
      "Cần xem xét",
      "Mặc định (văn bản không nêu)",
      "b = 0: không tính được, thành phần ở trạng thái Cần xem xét",
    ]);
    expect(g.slice(1, 4)).toEqual([
      ["Mã bộ chỉ số", "bo-chi-so-mau"],
      ["Tên bộ chỉ số", "Bộ chỉ số mẫu (ví dụ, không phải bộ chỉ số chính thức)"],
      ["Tính chất", "Bộ chỉ số mẫu (không phải bộ chính thức)"],
    ]);
  });

  it("a plan padded to one width with bold titles and headers", () => {
    const plan = planIndexSheet(EXAMPLE);
    expect(plan.sheet).toBe("Bộ chỉ số");
    expect(plan.values.every((r) => r.length === 7)).toBe(true);
    const bold = plan.boldRows.map((r) => plan.values[r]![0]);
    expect(bold).toEqual(
      expect.arrayContaining([
        "BỘ CHỈ SỐ CHUYỂN ĐỔI SỐ CẤP XÃ",
        "Thiết lập",
        "Mã số liệu",
        "Xếp loại",
        "STT",
        "I",
        "1",
        "2",
      ]),
    );
    expect(bold).not.toContain("1.1");
    expect(plan.columnWidths).toHaveLength(7);
    expect(isIndexSheet("bo chi so")).toBe(true);
    expect(isIndexSheet("Bộ tiêu chí")).toBe(false);
  });

  it("edits read back: a changed setting is stated, one left as default stays a default", () => {
    const v = sheetOf();
    const r = v.findIndex((row) => row[0] === "Khi tỷ lệ a/b lớn hơn 1");
    v[r]![1] = "Cần xem xét";
    const decimals = v.findIndex((row) => row[0] === "Số chữ số thập phân của điểm");
    v[decimals]![1] = "1";
    v[decimals]![2] = "Theo bộ chỉ số";
    const got = indexSetFromGrid(INDEX_SHEET, { values: v });
    expect(got).toMatchObject({
      ok: true,
      set: { settings: { ratioAboveOne: "review", decimals: 1 }, defaults: ["zeroDenominator", "topStep"] },
    });
  });
});

describe("a decision's table pasted as it is", () => {
  it("decision shape: rule over sub-rows, extra columns, merged cells empty", () => {
    const values: RawCell[][] = [
      ...HEAD,
      [
        "STT",
        "Chỉ số/Chỉ số thành phần",
        "Điểm tối đa",
        "Cách xác định và tính điểm",
        "Tài liệu kiểm chứng",
        "Nguồn thu thập dữ liệu",
        "Đơn vị phối hợp xác minh số liệu",
      ],
      ["I", "Nhóm chỉ số chung", 40],
      [1, "Nhận thức số", 40],
      [
        1.1,
        "Ban Chỉ đạo chuyển đổi số họp định kỳ",
        20,
        STEPS,
        "Thông báo kết luận các cuộc họp",
        "UBND xã",
        "Phòng VHTT",
      ],
      [1.2, "Cuộc họp CĐS do người đứng đầu chủ trì", 20, RATIO_ROWS[0], "Biên bản họp", "UBND xã", null],
      [null, null, null, RATIO_ROWS[1], "Giấy mời họp"],
      [null, null, null, RATIO_ROWS[2]],
      [null, null, null, RATIO_ROWS[3]],
    ];
    const r = indexSetFromGrid(INDEX_SHEET, { values });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.set).toMatchObject({
      id: "huyen-mau-2023",
      nature: "official",
      legalBasis: "Quyết định số …/QĐ-UBND",
      maxPoints: null,
      defaults: ["zeroDenominator", "ratioAboveOne", "decimals", "topStep"],
      groups: [{ id: "I", name: "Nhóm chỉ số chung", maxPoints: 40 }],
      indices: [{ id: "1", group: "I", name: "Nhận thức số", maxPoints: 40 }],
    });
    expect(r.set.components).toEqual([
      expect.objectContaining({
        id: "1.1",
        index: "1",
        maxPoints: 20,
        ruleText: STEPS,
        evidence: "Thông báo kết luận các cuộc họp",
        rule: expect.objectContaining({ kind: "steps" }),
      }),
      expect.objectContaining({
        id: "1.2",
        ruleText: RATIO_ROWS.join("\n"),
        evidence: "Biên bản họp\nGiấy mời họp",
        rule: { kind: "ratio", numerator: "…", denominator: "…", figure: null },
      }),
    ]);
  });

  it("Biểu mẫu 01 shape: two-row header, the letter row, a repeated header, the commune's own columns", () => {
    const header1 = ["STT", "Chỉ số/Chỉ số thành phần", "QUY CHUẨN ĐÁNH GIÁ", null, "TỰ ĐÁNH GIÁ", null];
    const header2 = [
      null,
      null,
      "Điểm tối đa",
      "Phương pháp xác định và cách cho điểm",
      "Điểm số tự chấm",
      "Giải trình kết quả",
    ];
    const values: RawCell[][] = [
      ...HEAD,
      ["B. Chỉ số đánh giá"],
      header1,
      header2,
      ["A", "B", "C", "D", "E", "F"],
      ["I", "Nhóm chỉ số chung", null],
      ["1", "Nhận thức số", 40, null, 35, null],
      ["1.1", null, 20, CHOICE, 20, "-"],
      header1,
      header2,
      ["a", "b", "c", "d", "e", "f"],
      ["1.2.", "Số lần BCĐ họp", "20 điểm", STEPS, 15, "họp 3 lần"],
    ];
    const r = indexSetFromGrid(INDEX_SHEET, { values });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.set.components.map((c) => [c.id, c.name, c.maxPoints, c.rule.kind])).toEqual([
      ["1.1", null, 20, "choice"],
      ["1.2", "Số lần BCĐ họp", 20, "steps"],
    ]);
    expect(r.set.groups).toEqual([{ id: "I", name: "Nhóm chỉ số chung", maxPoints: null }]);
  });

  it("a table without groups; Excel's 1.10 read as 1.1 after 1.9 is 1.10 again", () => {
    const rows: RawCell[][] = [[1, "Chính quyền số", 100]];
    for (let i = 1; i <= 10; i++)
      rows.push([i === 10 ? 1.1 : Number(`1.${i}`), `Chỉ số ${i}`, 10, "Có: Điểm tối đa; Không: 0 điểm"]);
    const values = [...HEAD, ["STT", "Chỉ số", "Điểm tối đa", "Cách tính điểm"], ...rows];
    const r = indexSetFromGrid(INDEX_SHEET, { values });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.set.groups).toEqual([]);
    expect(r.set.indices).toEqual([{ id: "1", group: null, name: "Chính quyền số", maxPoints: 100 }]);
    expect(r.set.components.map((c) => c.id)).toEqual([
      "1.1",
      "1.2",
      "1.3",
      "1.4",
      "1.5",
      "1.6",
      "1.7",
      "1.8",
      "1.9",
      "1.10",
    ]);
  });

  it("a rule not understood is kept, with a warning", () => {
    const values = [
      ...HEAD,
      ["STT", "Chỉ số", "Điểm tối đa", "Cách xác định và tính điểm"],
      [1, "Nhận thức số", 10],
      ["1.1", "Tuyên truyền", 10, "Theo hướng dẫn của Sở"],
    ];
    expect(indexSetFromGrid(INDEX_SHEET, { values })).toMatchObject({
      ok: true,
      set: { components: [{ ruleText: "Theo hướng dẫn của Sở", rule: { kind: "unknown" } }] },
      warnings: [
        "Chỉ số thành phần 1.1: chưa đọc được cách tính điểm (có đoạn chưa hiểu: «Theo hướng dẫn của Sở») — sẽ ở trạng thái Cần xem xét",
      ],
    });
  });
});

describe("mistakes name the cell", () => {
  it("a maximum that is not a number, a bad STT, a name missing on an index row", () => {
    const v = sheetOf();
    const r11 = rowOf(v, "1.1");
    put(v, `C${r11 + 1}`, "hai mươi");
    const r2 = rowOf(v, "2");
    v[r2]![1] = null;
    v[rowOf(v, "2.3")]![0] = "2.3.1";
    expect(problemsOf(v).map((p) => p.message)).toEqual([
      `Trang "Bộ chỉ số", ô C${r11 + 1} (STT 1.1): "hai mươi" — điểm tối đa không phải là số`,
      `Trang "Bộ chỉ số", ô B${r2 + 1} (STT 2): ô trống — thiếu tên`,
      `Trang "Bộ chỉ số", ô A${rowOf(v, "2.3.1") + 1}: "2.3.1" — bộ chỉ số chỉ có nhóm, chỉ số và chỉ số thành phần (1.1); chưa hỗ trợ cấp 1.1.1`,
    ]);
  });

  it("the set's own checks placed on their rows", () => {
    const v = sheetOf();
    const r1 = rowOf(v, "1");
    v[r1]![2] = 90;
    const problems = problemsOf(v);
    expect(problems).toEqual([
      {
        code: "INVALID_INDEX_SET",
        sheet: "Bộ chỉ số",
        cell: `C${r1 + 1}`,
        message: `Trang "Bộ chỉ số", ô C${r1 + 1}: Chỉ số 1 (thứ 1), trường "điểm tối đa": điểm tối đa 90 khác tổng điểm tối đa các chỉ số thành phần (1.1: 20, 1.2: 20, 1.3: 20, 1.4: 10, 1.5: 10 = 80)`,
      },
      expect.objectContaining({ cell: `C${rowOf(v, "I") + 1}` }),
    ]);
  });

  it("header block, settings and bands", () => {
    const v = sheetOf();
    v[1]![1] = "Bộ Mẫu";
    v[3]![1] = "chưa biết";
    const s = v.findIndex((row) => row[0] === "Khi mẫu số b = 0");
    v[s]![1] = "bỏ qua";
    const b = v.findIndex((row) => row[0] === "Khá");
    v[b]![1] = "70%";
    v[b]![2] = "≥ 90%";
    expect(problemsOf(v).map((p) => p.message)).toEqual([
      'Trang "Bộ chỉ số", ô B2 (Mã bộ chỉ số): "Bộ Mẫu" — chỉ dùng chữ thường không dấu, số và dấu -',
      'Trang "Bộ chỉ số", ô B4 (Tính chất): "chưa biết" — phải là một trong: Bộ chỉ số chính thức; Bộ chỉ số mẫu (không phải bộ chính thức); Bộ chỉ số chưa đầy đủ (chỉ có phần đã biết)',
      `Trang "Bộ chỉ số", ô B${s + 1} (Khi mẫu số b = 0): "bỏ qua" — phải là một trong: Cần xem xét; 0 điểm`,
      `Trang "Bộ chỉ số", ô B${b + 1} (xếp loại Khá): "70%" — ghi dấu và phần trăm, ví dụ ≥ 90% hoặc > 75%`,
      `Trang "Bộ chỉ số", ô C${b + 1} (xếp loại Khá): "≥ 90%" — ghi dấu và phần trăm, ví dụ < 90% hoặc ≤ 75%`,
    ]);
  });

  it("no table, no header rows, a rule on an index row, a component with no index above", () => {
    expect(problemsOf([["Mã bộ chỉ số", "x"]]).map((p) => p.message)).toEqual([
      'Trang "Bộ chỉ số": thiếu dòng "Tên bộ chỉ số" (ô A: "Tên bộ chỉ số", ô B: giá trị)',
      'Trang "Bộ chỉ số": thiếu dòng "Tính chất" (ô A: "Tính chất", ô B: giá trị)',
      'Trang "Bộ chỉ số": không thấy bảng chỉ số (dòng tiêu đề có "STT", "Chỉ số/Chỉ số thành phần", "Điểm tối đa", "Cách xác định và tính điểm")',
    ]);
    const values = [
      ...HEAD,
      ["STT", "Chỉ số", "Điểm tối đa", "Cách xác định và tính điểm"],
      ["1.1", "Tuyên truyền", 10, "Có/Không"],
      [1, "Nhận thức số", 10, "Có/Không"],
      [null, "Dòng không STT", 5],
    ];
    expect(problemsOf(values).map((p) => p.message)).toEqual([
      'Trang "Bộ chỉ số", ô A7 (STT 1.1): "1.1" — chỉ số thành phần không nằm dưới dòng chỉ số nào (1, 2…)',
      'Trang "Bộ chỉ số", ô D8 (STT 1): "Có/Không" — cách tính điểm chỉ ghi ở dòng chỉ số thành phần (1.1, 1.2…)',
      'Trang "Bộ chỉ số", ô A9 (dòng 9): ô trống — thiếu STT (I, II… cho nhóm; 1, 2… cho chỉ số; 1.1, 1.2… cho chỉ số thành phần)',
    ]);
  });
});
