/**
 * The form reader on the shapes communes really send, beyond the three of the domain brief: a three-row header,
 * the words of both years and their variants, sub-levels under a component, "Nhóm"/"Phần" rows, letter rows,
 * spacer rows, signatures and totals, self-scores written as text, a form lower and further right, merged cells,
 * Part A on one line, a TCVN3/VNI form; and what a sheet the reader cannot read gets instead of a number.
 */
import { toTcvn3, toVni } from "../../shared/encoding";
import type { Area, Grid, RawCell } from "../../shared/types";
import { findFormHeader, gradeWorkbookWithForms, readForm, type CommuneForm } from "../../shared/dti";
import { readStt } from "../../shared/dti/form-rows";

type Row = RawCell[];

const YES_NO = "Có: Điểm tối đa; Không: 0 điểm";
const RATIO =
  "a = Số cuộc họp do Chủ tịch chủ trì; b = Tổng số cuộc họp; Tỷ lệ = a/b; Điểm = Tỷ lệ*Điểm tối đa";

const TOP: Row[] = [
  ["Biểu mẫu 01"],
  ["Tên đơn vị báo cáo: UBND xã Hoằng Phụ"],
  ["Đơn vị nhận báo cáo: UBND huyện Hoằng Hóa"],
  ["Kỳ báo cáo: Năm 2023"],
  ["A. Thông tin chung"],
  ["Tổng số cán bộ công chức (CBCC)", 21],
  ["B. Chỉ số đánh giá"],
];

/** the body of a plain form in columns STT, name, max, rule, self, explanation */
const BODY: Row[] = [
  ["I", "Nhóm chỉ số chung", 40, null, 36, null],
  ["1", "Nhận thức số", 40, null, 36, null],
  ["1.1", "Có chuyên mục về chuyển đổi số", 20, YES_NO, 20, "Có"],
  ["1.2", "Tỷ lệ cuộc họp do Chủ tịch chủ trì", 20, RATIO, 16, "a = 12; b = 15"],
  [null, "Tổng điểm", 40, null, 36, null],
];

function form(grid: Grid, sheet = "Xã"): CommuneForm {
  const f = readForm(sheet, grid);
  if ("skipped" in f) throw new Error(f.skipped);
  return f;
}

const ids = (f: CommuneForm) => f.lines.map((l) => `${l.level}:${l.id}`);
const PLAIN_IDS = ["group:I", "index:1", "component:1.1", "component:1.2", "total:"];

function check(values: Row[], extra: Partial<Grid> = {}) {
  const r = gradeWorkbookWithForms([{ name: "Xã", grid: { values, ...extra } }]);
  return { ...r, form: r.forms.reports[0]! };
}

const results = (values: Row[], extra: Partial<Grid> = {}) =>
  check(values, extra).form.components.map((c) => [c.id, c.code, c.points]);

describe("headers communes really send", () => {
  it("reads a three-row header: the names, the bands over them, a bare 'Điểm' under each band", () => {
    const values: Row[] = [
      ...TOP,
      ["STT", "Chỉ số/Chỉ số thành phần", "NỘI DUNG ĐÁNH GIÁ", null, null, null],
      [null, null, "QUY CHUẨN ĐÁNH GIÁ", null, "TỰ ĐÁNH GIÁ", null],
      [null, null, "Điểm", "Cách xác định và tính điểm", "Điểm", "Giải trình"],
      ["1", "2", "3", "4", "5", "6"],
      ...BODY,
    ];
    const merges: Area[] = [
      { row: 7, col: 0, rows: 3, cols: 1 },
      { row: 7, col: 1, rows: 3, cols: 1 },
      { row: 7, col: 2, rows: 1, cols: 4 },
      { row: 8, col: 2, rows: 1, cols: 2 },
      { row: 8, col: 4, rows: 1, cols: 2 },
    ];
    const f = form({ values, merges });
    expect([f.header.row, f.header.lastRow]).toEqual([7, 9]);
    expect(f.header.columns).toEqual({ stt: 0, name: 1, maxPoints: 2, rule: 3, self: 4, explanation: [5] });
    expect(ids(f)).toEqual(PLAIN_IDS);
    expect(results(values, { merges })).toEqual([
      ["1.1", "KHOP", 20],
      ["1.2", "KHOP", 16],
    ]);
  });

  it("reads a band row above STT, and the bands' columns without merges (up to the next filled cell)", () => {
    const values: Row[] = [
      ...TOP,
      [null, null, "QUY CHUẨN ĐÁNH GIÁ", null, "KẾT QUẢ TỰ ĐÁNH GIÁ", null],
      ["STT", "Nội dung", "Điểm", "Phương pháp xác định và cách cho điểm", "Điểm", "Giải trình"],
      ...BODY,
    ];
    const f = form({ values });
    expect(f.header.columns).toEqual({ stt: 0, name: 1, maxPoints: 2, rule: 3, self: 4, explanation: [5] });
    expect(ids(f)).toEqual(PLAIN_IDS);
  });

  it("reads the words of both years with their letters in brackets, and notes and evidence right of the self-score", () => {
    const values: Row[] = [
      ...TOP,
      [
        "TT",
        "Chỉ số, chỉ số thành phần",
        "Số điểm tối đa (c)",
        "Phương pháp xác định và cách cho điểm (d)",
        "Điểm số tự chấm (e)",
        "Giải trình (f)",
        "Tài liệu kiểm chứng",
        "Ghi chú",
      ],
      ...BODY,
    ];
    const f = form({ values });
    expect(f.header.columns).toEqual({
      stt: 0,
      name: 1,
      maxPoints: 2,
      rule: 3,
      self: 4,
      explanation: [5, 6, 7],
    });
  });

  it.each([
    [
      [
        "Mã số",
        "Chỉ số đánh giá",
        "Điểm tối đa (điểm)",
        "Cách thức xác định",
        "Điểm do xã tự chấm",
        "Nội dung giải trình",
      ],
    ],
    [
      [
        "Thứ tự",
        "Các chỉ số",
        "Điểm tối đa theo quy định",
        "Cách thức tính điểm",
        "Điểm tự đánh giá (e)",
        "Diễn giải",
      ],
    ],
  ])("reads the header variant %j", (header) => {
    const f = form({ values: [...TOP, header, ...BODY] });
    expect(f.header.columns).toEqual({ stt: 0, name: 1, maxPoints: 2, rule: 3, self: 4, explanation: [5] });
    expect(ids(f)).toEqual(PLAIN_IDS);
  });

  it("reads a district's table with an appraisal column it leaves alone", () => {
    const values: Row[] = [
      ...TOP,
      [
        "TT",
        "Tiêu chí/Chỉ số",
        "Điểm tối đa",
        "Hướng dẫn chấm điểm",
        "Tài liệu kiểm chứng",
        "Xã tự chấm",
        "Huyện thẩm định",
      ],
      ["1", "Nhận thức số", 20, null, null, 20, null],
      ["1.1", "Có chuyên mục", 20, YES_NO, "Có (ảnh chụp)", 20, 20],
    ];
    const f = form({ values });
    expect(f.header.columns).toEqual({ stt: 0, name: 1, maxPoints: 2, rule: 3, self: 5, explanation: [] });
    expect(f.ownColumn).toBe(7);
  });

  it("finds the STT column when no header cell names it", () => {
    const body: Row[] = [
      ["1", "Nhận thức số", 20, null, 20, null],
      ["1.1", "Có chuyên mục", 20, YES_NO, 20, "Có"],
    ];
    const blankStt = form({ values: [...TOP, [null, ...HEADER.slice(1)], ...body] });
    expect([blankStt.header.columns.stt, blankStt.header.columns.name]).toEqual([0, 1]);
    expect(blankStt.lines.map((l) => l.id)).toEqual(["1", "1.1"]);
    // "Chỉ số" written over A:B, the numbers in A and the names in B
    const merged = form({
      values: [...TOP, ["Chỉ số/Chỉ số thành phần", null, ...HEADER.slice(2)], ...body],
      merges: [{ row: 7, col: 0, rows: 1, cols: 2 }],
    });
    expect([merged.header.columns.stt, merged.header.columns.name]).toEqual([0, 1]);
    expect(merged.lines.map((l) => [l.id, l.name])).toEqual([
      ["1", "Nhận thức số"],
      ["1.1", "Có chuyên mục"],
    ]);
  });

  it("does not read a decision's evidence column (left of the self-score) as the commune's explanation", () => {
    const values: Row[] = [
      ...TOP,
      ["STT", "Chỉ số", "Điểm tối đa", "Cách tính", "Tài liệu kiểm chứng", "Điểm tự chấm", "Ghi chú"],
      ["1", "Nhận thức số", 20, null, null, 20, null],
      ["1.1", "Có chuyên mục", 20, YES_NO, "Có (ảnh chụp trang)", 20, "Không"],
    ];
    const f = form({ values });
    expect(f.header.columns.explanation).toEqual([6]);
    expect(f.lines[1]!.explanation).toBe("Không");
  });

  it("skips a three-row header repeated on a new printed page, with its letter row", () => {
    const header: Row[] = [
      ["STT", "Chỉ số/Chỉ số thành phần", "NỘI DUNG ĐÁNH GIÁ", null, null, null],
      [null, null, "QUY CHUẨN ĐÁNH GIÁ", null, "TỰ ĐÁNH GIÁ", null],
      [null, null, "Điểm", "Cách xác định và tính điểm", "Điểm", "Giải trình"],
      ["a", "b", "c", "d", "e", "f"],
    ];
    const values: Row[] = [...TOP, ...header, ...BODY.slice(0, 3), ...header, ...BODY.slice(3)];
    expect(ids(form({ values }))).toEqual(PLAIN_IDS);
    expect(results(values)).toEqual([
      ["1.1", "KHOP", 20],
      ["1.2", "KHOP", 16],
    ]);
  });

  it.each([
    ["a–f", ["a", "b", "c", "d", "e", "f"]],
    ["A–F", ["A", "B", "C", "D", "E", "F"]],
    ["1–6 as numbers", [1, 2, 3, 4, 5, 6]],
    ["(1)–(6)", ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"]],
  ])("skips the letter row %s", (_, letters) => {
    const values: Row[] = [
      ...TOP,
      [
        "STT",
        "Chỉ số/Chỉ số thành phần",
        "Điểm tối đa",
        "Cách xác định và tính điểm",
        "Điểm tự chấm",
        "Giải trình",
      ],
      letters as Row,
      ...BODY,
    ];
    expect(ids(form({ values }))).toEqual(PLAIN_IDS);
  });
});

const HEADER: Row = [
  "STT",
  "Chỉ số/Chỉ số thành phần",
  "Điểm tối đa",
  "Cách xác định và tính điểm",
  "Điểm tự chấm",
  "Giải trình",
];

describe("rows communes really write", () => {
  it("reads 'Nhóm'/'Phần' rows and a group written with its name in the STT cell as groups", () => {
    const values: Row[] = [
      ...TOP,
      HEADER,
      ["Nhóm I", "Nhóm chỉ số chung", 20, null, 20, null],
      ["1", "Nhận thức số", 20, null, 20, null],
      ["1.1", "Có chuyên mục", 20, YES_NO, 20, "Có"],
      [null, "PHẦN II. CHỈ SỐ RIÊNG", 20, null, 20, null],
      ["2", "Hạ tầng số", 20, null, 20, null],
      ["2.1", "Có wifi công cộng", 20, YES_NO, 20, "Có"],
      ["III. NHÓM CHỈ SỐ KHÁC", null, 20, null, 0, null],
      ["3", "Nhân lực số", 20, null, 0, null],
      ["3.1", "Có cán bộ chuyên trách", 20, YES_NO, 0, "Không"],
      [null, "Tổng cộng", 60, null, 40, null],
    ];
    const f = form({ values });
    expect(ids(f)).toEqual([
      "group:I",
      "index:1",
      "component:1.1",
      "group:II",
      "index:2",
      "component:2.1",
      "group:III",
      "index:3",
      "component:3.1",
      "total:",
    ]);
    expect(f.lines.filter((l) => l.level === "group").map((l) => l.name)).toEqual([
      "Nhóm chỉ số chung",
      "CHỈ SỐ RIÊNG",
      "NHÓM CHỈ SỐ KHÁC",
    ]);
    expect(f.lines.find((l) => l.id === "2")!.parent).toBe("II");
    expect(check(values).form.sums).toEqual([]);
  });

  it("reads Roman numbers under groups lettered A, B as main indices (components 1.1 under I)", () => {
    const values: Row[] = [
      ...TOP,
      HEADER,
      ["A", "NHÓM CHỈ SỐ CHUNG", 40, null, 36, null],
      ["I", "Nhận thức số", 40, null, 36, null],
      ["1.1", "Có chuyên mục về chuyển đổi số", 20, YES_NO, 20, "Có"],
      ["1.2", "Tỷ lệ cuộc họp do Chủ tịch chủ trì", 20, RATIO, 16, "a = 12; b = 15"],
      [null, "Tổng cộng", 40, null, 36, null],
    ];
    const f = form({ values });
    expect(f.lines.map((l) => [l.level, l.id, l.parent])).toEqual([
      ["group", "A", null],
      ["index", "1", "A"],
      ["component", "1.1", "1"],
      ["component", "1.2", "1"],
      ["total", "", null],
    ]);
    expect(check(values).form.sums).toEqual([]);
  });

  it("reads a form numbered I / 1 / 2 (no 1.1): Roman main indices, their components 1.1, 1.2, said in the reason", () => {
    const values: Row[] = [
      ...TOP,
      HEADER,
      ["I", "Nhận thức số", 40, null, 36, null],
      ["1", "Có chuyên mục về chuyển đổi số", 20, YES_NO, 20, "Có"],
      ["2", "Tỷ lệ cuộc họp do Chủ tịch chủ trì", 20, RATIO, 16, "a = 12; b = 15"],
      ["II", "Hạ tầng số", 20, null, 20, null],
      ["1", "Có wifi công cộng", 20, YES_NO, 20, "Có"],
      [null, "Tổng cộng", 60, null, 56, null],
    ];
    const f = form({ values });
    expect(f.lines.map((l) => [l.level, l.id, l.parent])).toEqual([
      ["index", "1", null],
      ["component", "1.1", "1"],
      ["component", "1.2", "1"],
      ["index", "2", null],
      ["component", "2.1", "2"],
      ["total", "", null],
    ]);
    const r = check(values).form;
    expect(r.components.map((c) => [c.id, c.code])).toEqual([
      ["1.1", "KHOP"],
      ["1.2", "KHOP"],
      ["2.1", "KHOP"],
    ]);
    expect(r.components[2]!.reason).toContain('ô A13 ghi "1" dưới chỉ số La Mã, đọc là 2.1');
    expect(r.sums).toEqual([]);
  });

  it.each([
    ["Phần 2", null, { id: "II", groupWord: true, rest: "" }],
    ["NHÓM III", "Nhóm chỉ số khác", { id: "III", groupWord: true, rest: "" }],
    [null, "PHẦN 1. CHỈ SỐ CHUNG", { id: "I", groupWord: true, rest: "CHỈ SỐ CHUNG" }],
    ["1.1. Có chuyên mục", null, { id: "1.1", groupWord: false, rest: "Có chuyên mục" }],
    ["1.1.a", null, { id: "1.1.A", groupWord: false, rest: "" }],
    ["1.2)", null, { id: "1.2", groupWord: false, rest: "" }],
    [null, "2 cuộc họp", { id: "", groupWord: false, rest: "" }],
    ["Tổng cộng", null, { id: "TỔNGCỘNG", groupWord: false, rest: "" }],
  ])("reads the STT %j (name %j)", (stt, name, read) => {
    expect(readStt(stt, name)).toEqual(read);
  });

  it("reads a main index and a component whose STT cell also holds the name (STT and name merged)", () => {
    const values: Row[] = [
      ...TOP,
      HEADER,
      ["1. Nhận thức số", null, 20, null, 20, null],
      ["1.1. Có chuyên mục", null, 20, YES_NO, 20, "Có"],
    ];
    const f = form({ values, merges: [{ row: 8, col: 0, rows: 1, cols: 2 }] });
    expect(f.lines.map((l) => [l.id, l.name])).toEqual([
      ["1", "Nhận thức số"],
      ["1.1", "Có chuyên mục"],
    ]);
  });

  it("joins sub-rows numbered 1.1.a, 1.1.b (a rule and its figures over merged rows) to the component", () => {
    const values: Row[] = [
      ...TOP,
      HEADER,
      ["1", "Nhận thức số", 20, null, 16, null],
      ["1.1", "Tỷ lệ cuộc họp do Chủ tịch chủ trì", 20, "a = Số cuộc họp do Chủ tịch chủ trì", 16, "a = 12"],
      ["1.1.b", null, null, "b = Tổng số cuộc họp", null, "b = 15"],
      ["1.1.c", null, null, "Tỷ lệ = a/b; Điểm = Tỷ lệ*Điểm tối đa", null, null],
    ];
    // the name, the maximum and the self-score merged over the rule's rows
    const merges: Area[] = [1, 2, 4].map((col) => ({ row: 9, col, rows: 3, cols: 1 }));
    expect(results(values, { merges })).toEqual([["1.1", "KHOP", 16]]);
  });

  it("a component split into sub-levels with their own points is 'Cần xem xét', never a guessed number", () => {
    const values: Row[] = [
      ...TOP,
      HEADER,
      ["1", "Nhận thức số", 10, null, 10, null],
      ["1.1", "Kế hoạch chuyển đổi số", 10, null, null, null],
      ["1.1.1", "Ban hành kế hoạch", 5, YES_NO, 5, "Có, KH số 20"],
      ["1.1.2", "Tổ chức triển khai", 5, YES_NO, "5 điểm", "Có"],
    ];
    const { form: r } = check(values);
    const c = r.components[0]!;
    expect([c.id, c.code, c.points, c.self]).toEqual(["1.1", "CAN_XEM_XET", null, 10]);
    expect(c.reason).toContain("1.1.1, 1.1.2");
    expect(c.reason).toContain("E11 + E12");
    expect(r.sums).toEqual([]);
  });

  it("sub-levels that only name the cases leave the component's own rule and self-score as they are", () => {
    const CHOICE =
      "- Trưởng ban là Chủ tịch cấp xã: Điểm tối đa. - Trưởng ban là Phó Chủ tịch cấp xã: 1/2*Điểm tối đa. - Chưa có Ban Chỉ đạo: 0 điểm.";
    const values: Row[] = [
      ...TOP,
      HEADER,
      ["1", "Nhận thức số", 20, null, 10, null],
      ["1.1", "Trưởng Ban Chỉ đạo", 20, CHOICE, 10, "Trưởng ban là Phó Chủ tịch UBND xã"],
      // the cases named in sub-rows: their words are the decision's, never read as the commune's explanation
      ["1.1.1", "Trưởng ban là Chủ tịch cấp xã", null, null, null, null],
      ["1.1.2", "Trưởng ban là Phó Chủ tịch cấp xã", null, null, null, null],
      ["i", "Quyết định thành lập Ban Chỉ đạo", null, null, null, "QĐ số 08/QĐ-UBND"],
      ["-", "Biên bản họp", null, null, null, null],
    ];
    const f = form({ values });
    expect(f.lines.map((l) => l.id)).toEqual(["1", "1.1"]);
    expect(f.lines[1]!.explanation).toBe("Trưởng ban là Phó Chủ tịch UBND xã\nQĐ số 08/QĐ-UBND");
    expect(results(values)).toEqual([["1.1", "KHOP", 10]]);
  });

  it("skips blank spacer rows and stops at the signature block when there is no total row", () => {
    const values: Row[] = [
      ...TOP,
      HEADER,
      ["1", "Nhận thức số", 20, null, 20, null],
      [],
      ["1.1", "Có chuyên mục", 20, YES_NO, 20, "Có"],
      [null, "  ", null, null, null, null],
      [null, null, null, null, null, null],
      [null, "NGƯỜI LẬP BIỂU", null, null, "CHỦ TỊCH UBND XÃ"],
      [null, "(Ký, ghi rõ họ tên)", null, null, "(Ký tên, đóng dấu)"],
      [null, null, null, null, "Nguyễn Văn A"],
    ];
    const f = form({ values });
    expect(ids(f)).toEqual(["index:1", "component:1.1"]);
    expect(f.lines[1]!.explanation).toBe("Có");
    expect(f.lastRow).toBe(10);
  });

  it("stops at the signatures when they sit in the self-score column with the name column blank", () => {
    const values: Row[] = [
      ...TOP,
      HEADER,
      ["1", "Nhận thức số", 20, null, null, null],
      ["1.1", "Có chuyên mục", 20, YES_NO, null, "Có"],
      [null, null, null, null, "THỦ TRƯỞNG ĐƠN VỊ", null],
      [null, null, null, null, "Hoằng Phụ, ngày 10 tháng 1 năm 2024", null],
    ];
    const f = form({ values });
    expect(f.lines[1]!.self).toBeNull();
    expect(check(values).form.components[0]!.review).toBe("SELF_MISSING");
  });

  it("checks a 'Tổng cộng' row against the sum and never reads it as a component", () => {
    const values: Row[] = [...TOP, HEADER, ...BODY.slice(0, 4), ["Tổng cộng", null, 40, null, 38, null]];
    const { form: r } = check(values);
    expect(r.components.map((c) => c.id)).toEqual(["1.1", "1.2"]);
    expect(r.total.selfStated).toBe(38);
    expect(r.sums.map((s) => s.code)).toEqual(["SUM_MISMATCH"]);
    expect(r.sums[0]!.message).toContain("E13");
    const other = check([
      ...TOP,
      HEADER,
      ...BODY.slice(0, 4),
      [null, "Tổng (I+II)", 40, null, 36, null],
    ]).form;
    expect([other.total.row, other.total.selfStated, other.sums]).toEqual([12, 36, []]);
  });

  it("reads self-scores written as text: '20 điểm', '15,5', '20/20', '20 điểm.'", () => {
    const rows = (self: RawCell[]): Row[] => [
      ...TOP,
      HEADER,
      ["1", "Nhận thức số", 60, null, null, null],
      ["1.1", "Có chuyên mục", 20, YES_NO, self[0]!, "Có"],
      ["1.2", "Tỷ lệ cuộc họp", 20, RATIO, self[1]!, "a = 31; b = 40"],
      ["1.3", "Có wifi", 20, YES_NO, self[2]!, "Có"],
    ];
    expect(
      check(rows(["20 điểm", "15,5", "20/20"])).form.components.map((c) => [c.id, c.code, c.self]),
    ).toEqual([
      ["1.1", "KHOP", 20],
      ["1.2", "KHOP", 15.5],
      ["1.3", "KHOP", 20],
    ]);
    expect(check(rows(["20 điểm.", 15.5, "18/20"])).form.components.map((c) => c.self)).toEqual([
      20, 15.5, 18,
    ]);
    // a fraction whose denominator is not the maximum is not read as points
    const odd = check(rows([20, 15.5, "3/4"])).form.components[2]!;
    expect([odd.code, odd.review]).toEqual(["CAN_XEM_XET", "SELF_UNREADABLE"]);
    expect(odd.reason).toContain("3/4");
  });

  it("reads a form sitting lower and further right in the sheet", () => {
    const pad = (r: Row): Row => [null, null, null, ...r];
    const values: Row[] = [
      ...Array.from({ length: 30 }, (): Row => []),
      ...TOP.map(pad),
      pad(HEADER),
      ...BODY.map(pad),
    ];
    const f = form({ values });
    expect(f.header.columns.stt).toBe(3);
    expect(ids(f)).toEqual(PLAIN_IDS);
    expect(f.partA.map((p) => [p.id, p.value, p.cell])).toEqual([["cbcc", 21, "E36"]]);
    expect(f.ownColumn).toBe(9);
  });
});

describe("Part A as communes write it", () => {
  it("reads '15.763 người' and every figure written on one line", () => {
    const values: Row[] = [
      ["Tên đơn vị báo cáo: UBND xã Hoằng Phụ"],
      ["Tổng số CBCC: 21 người; Tổng số doanh nghiệp (DN): 32; Tổng số người dân: 15.763 người"],
      ["Số cán bộ công chức", "21", "Số người dân", "15.763 người"],
      HEADER,
      ...BODY,
    ];
    const f = form({ values });
    expect(f.partA.map((p) => [p.id, p.value, p.cell])).toEqual([
      ["cbcc", 21, "A2"],
      ["doanh-nghiep", 32, "A2"],
      ["nguoi-dan", 15763, "A2"],
    ]);
    const other = form({ values: [values[0]!, values[2]!, ...values.slice(3)] });
    expect(other.partA.map((p) => [p.id, p.value, p.cell])).toEqual([
      ["cbcc", 21, "B2"],
      ["nguoi-dan", 15763, "D2"],
    ]);
  });
});

describe("a form typed in a legacy encoding", () => {
  const unicode: Row[] = [...TOP, HEADER, ...BODY];
  it.each([
    ["TCVN3", toTcvn3],
    ["VNI", toVni],
  ])("reads a %s form as Unicode and says so", (name, to) => {
    const legacy = unicode.map((r) => r.map((v) => (typeof v === "string" ? to(v) : v)));
    const f = form({ values: legacy });
    expect(ids(f)).toEqual(PLAIN_IDS);
    expect(f.commune.commune).toBe("xã Hoằng Phụ");
    expect(f.notes.join(" ")).toContain(name);
    const r = check(legacy).form;
    expect(r.components.map((c) => c.code)).toEqual(["KHOP", "KHOP"]);
    expect(r.notes.join(" ")).toContain(name);
  });
});

describe("a sheet the reader cannot read", () => {
  it("is skipped with a reason naming the sheet and the header's cell when no component row is read", () => {
    const values: Row[] = [
      ...TOP,
      HEADER,
      ["Chỉ số 1", "Nhận thức số", 20, null, 20, null],
      ["Chỉ số 1a", "Có chuyên mục", 20, YES_NO, 20, "Có"],
    ];
    const { report, forms } = gradeWorkbookWithForms([{ name: "Xã B", grid: { values } }]);
    expect(forms.reports).toEqual([]);
    const skipped = report.skipped.find((s) => s.name === "Xã B")!;
    expect(skipped.reason).toContain("A8");
    expect(skipped.reason).toContain("Chỉ số 1");
    expect(skipped.reason).toMatch(/1\.1/);
  });

  it("a maximum that is not a number is 'Cần xem xét' naming its cell and value", () => {
    const values: Row[] = [
      ...TOP,
      HEADER,
      ["5", "Chỉ số riêng của tỉnh", 20, null, 20, null],
      ["5.1", "Có chuyên mục", "hai mươi", YES_NO, 20, "Có"],
    ];
    const c = check(values).form.components[0]!;
    expect(c.code).toBe("CAN_XEM_XET");
    expect(c.reason).toContain("C10");
    expect(c.reason).toContain("hai mươi");
  });

  it("finds no header in a sheet whose columns are not a form's", () => {
    expect(
      findFormHeader({
        values: [
          ["STT", "Nội dung", "Ghi chú"],
          ["1", "x", "y"],
        ],
      }),
    ).toBeNull();
  });
});
