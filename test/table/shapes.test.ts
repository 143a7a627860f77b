/**
 * Issue 14 items 3–6 in the core: where the table ends, which result column and which table, merged cells, legacy
 * encodings. Each case changes one thing in the seed annex of xã Hoằng Phụ (test/encoding/annex-unicode.ts).
 */
import { gradeWorkbook } from "../../shared/report/workbook";
import { readAnnex } from "../../shared/table/read";
import { detectYear } from "../../shared/table/read";
import { BUILTIN_SETS } from "../../shared/criteria";
import type { Area, GradeOptions, Grid, RawCell, SheetReport } from "../../shared/types";
import { TCVN3_FONTS, TCVN3_VALUES, BODY_TCVN3_VALUES, VNI_VALUES } from "../encoding/annex-legacy";
import { ANNEX_FORMATS, ANNEX_UNICODE, HEADER_ROW } from "../encoding/annex-unicode";

type Rows = (readonly RawCell[])[];

function grade(grid: Grid, options: GradeOptions = { year: 2023 }) {
  const out = gradeWorkbook([{ name: "Hoằng Phụ", grid }], options);
  expect(out.report.skipped).toEqual([]);
  return { sheet: out.report.sheets[0]!, plan: out.plan.sheets[0] };
}

function lines(sheet: SheetReport): string[] {
  return sheet.rows.map((r) => `${r.criterionId ?? r.id} ${r.status} ${r.reason}`);
}

const base = (): Rows => ANNEX_UNICODE.map((r) => [...r]);
const expected = (): string[] => lines(grade({ values: ANNEX_UNICODE, formats: ANNEX_FORMATS }).sheet);

describe("where the table ends (item 3)", () => {
  const footer: Rows = [
    [],
    [null, "Người lập biểu", null, null, "TM. ỦY BAN NHÂN DÂN"],
    [null, null, null, null, "CHỦ TỊCH UBND XÃ"],
    [null, "(Ký, ghi rõ họ tên)", null, null, "(Ký, đóng dấu)"],
    [],
    [null, "Nguyễn Văn An", null, null, "Lê Văn Bình"],
    [null, null, null, "Hoằng Phụ, ngày 05 tháng 12 năm 2023"],
    ["Nơi nhận:"],
    ["- Như trên;"],
  ];

  it("a signature block, a name and the date under the table are not criteria; nothing is written beside them", () => {
    const values = [...base(), ...footer];
    const { sheet, plan } = grade({ values, formats: ANNEX_FORMATS });
    expect(lines(sheet)).toEqual(expected());
    const last = ANNEX_UNICODE.length - 1;
    expect(plan!.own.row + plan!.own.rows - 1).toBe(last);
  });

  it("the footer lines in the ID and result columns end the table too", () => {
    const values = [
      ...base(),
      ["Người lập biểu", null, null, null, "CHỦ TỊCH"],
      [null, null, null, null, "Lê Văn Bình"],
    ];
    const { sheet, plan } = grade({ values, formats: ANNEX_FORMATS });
    expect(lines(sheet)).toEqual(expected());
    expect(plan!.own.row + plan!.own.rows).toBe(ANNEX_UNICODE.length);
  });

  it.each([
    ["Tổng cộng", null, "13/18"],
    ["Total", null, 13],
    [null, "Tổng số tiêu chí đạt", "13/18"],
    [null, "Tổng cộng", null],
  ])("a totals row (%s %s) is left out", (id, name, result) => {
    const values = [...base(), [id, name, null, null, result]];
    expect(lines(grade({ values, formats: ANNEX_FORMATS }).sheet)).toEqual(expected());
  });

  it.each<[string, Rows]>([
    ["a note in the ID column", [["Ghi chú: Số liệu tính đến ngày 31/12/2023"]]],
    [
      "the Party committee's and a post's signatures",
      [
        [],
        [null, "TM. ĐẢNG ỦY", null, null, "CÔNG CHỨC VĂN PHÒNG - THỐNG KÊ"],
        [null, "Trần Văn Bình", null, null, "Lê Thị Hoa"],
      ],
    ],
    [
      "a date written with slashes",
      [
        [null, "Hoằng Phụ, ngày 20/12/2023"],
        [null, "Nguyễn Văn An"],
      ],
    ],
    [
      "an overall assessment with a figure",
      [[null, "Đánh giá chung: Xã đạt 30/37 tiêu chí", null, null, "30/37"]],
    ],
    ["a self-assessed rank", [[null, "Tự đánh giá, xếp loại: Hoàn thành", null, null, "Hoàn thành"]]],
  ])("%s under the table is no criterion", (_what, tail) => {
    const values = [...base(), ...tail];
    const { sheet, plan } = grade({ values, formats: ANNEX_FORMATS });
    expect(lines(sheet)).toEqual(expected());
    expect(plan!.own.row + plan!.own.rows).toBeLessThanOrEqual(ANNEX_UNICODE.length);
  });

  it("a value alone on a row (no ID, no name) is not a criterion", () => {
    const values = [...base(), [], [null, null, null, null, "Nguyễn Văn An"]];
    expect(lines(grade({ values, formats: ANNEX_FORMATS }).sheet)).toEqual(expected());
  });

  it("a criterion named like a signer's title stays a criterion when it has an ID", () => {
    const values = base();
    values.push(["4.6", "Chủ tịch UBND xã chỉ đạo lắp camera an ninh kết nối UBND xã", null, "Có", "Có"]);
    const rows = lines(grade({ values, formats: ANNEX_FORMATS }).sheet);
    expect(rows).toHaveLength(expected().length + 1);
  });
});

describe("which result column (item 4)", () => {
  const header = ["TT", "Tên chỉ tiêu", "Chỉ tiêu cụ thể", "Kết quả năm 2022", "Kết quả thực hiện năm 2023"];
  const body: Rows = [
    ["1.4", "Cán bộ, công chức xã có hộp thư điện tử công vụ", "100%", "12/14", "14/14"],
    ["2.4", "Tỷ lệ người dân sử dụng thanh toán không dùng tiền mặt", "60%", "54,4%", "61%"],
    ["3.4", "Tỷ lệ dân số trưởng thành có điện thoại thông minh", "65%", "60%", "70,5%"],
  ];
  const twoYears = (title: string): Grid => ({ values: [[title], header, ...body] });

  it("the column of the title's year is graded, and the report says why", () => {
    const { sheet } = grade(twoYears("KẾT QUẢ CHUYỂN ĐỔI SỐ NĂM 2023"), {});
    expect(sheet.year).toBe(2023);
    expect(sheet.rows.map((r) => r.value)).toEqual(["14/14", "61%", "70,5%"]);
    expect(sheet.rows.every((r) => r.status === "DAT")).toBe(true);
    expect(sheet.notes).toEqual([
      'Cột kết quả được chấm: E "Kết quả thực hiện năm 2023" (đúng năm đánh giá 2023); không chấm D "Kết quả năm 2022".',
    ]);
  });

  it("the year option chooses the other column", () => {
    const { sheet } = grade(twoYears("KẾT QUẢ CHUYỂN ĐỔI SỐ"), { year: 2022 });
    expect(sheet.rows.map((r) => r.value)).toEqual(["12/14", "54,4%", "60%"]);
    expect(sheet.rows.map((r) => r.status)).toEqual(["KHONG_DAT", "KHONG_DAT", "KHONG_DAT"]);
  });

  it("without a year anywhere but in the columns, the latest is graded and is the year", () => {
    const grid = twoYears("KẾT QUẢ CHUYỂN ĐỔI SỐ");
    expect(detectYear(grid)).toBe(2023);
    expect(grade(grid, {}).sheet.rows.map((r) => r.value)).toEqual(["14/14", "61%", "70,5%"]);
  });

  it("a merged 'Kết quả đạt được' over '6 tháng đầu năm | Cả năm': the whole year is graded", () => {
    const merges: Area[] = [{ row: 1, col: 3, rows: 1, cols: 2 }];
    const values: Rows = [
      ["KẾT QUẢ NĂM 2023"],
      ["TT", "Tên chỉ tiêu", "Chỉ tiêu cụ thể", "Kết quả đạt được", null],
      [null, null, null, "6 tháng đầu năm", "Cả năm"],
      ...body.map((r) => [r[0], r[1], r[2], r[3], r[4]]),
    ];
    const { sheet } = grade({ values, merges }, {});
    expect(sheet.rows.map((r) => r.value)).toEqual(["14/14", "61%", "70,5%"]);
    expect(sheet.notes?.[0]).toBe(
      'Cột kết quả được chấm: E "Kết quả đạt được – Cả năm" (cả năm, kỳ dài nhất); không chấm D "Kết quả đạt được – 6 tháng đầu năm".',
    );
  });

  it("'Quý IV' and '6 tháng' give way to 'Kết quả' with no period", () => {
    const values: Rows = [
      ["TT", "Tên chỉ tiêu", "Chỉ tiêu cụ thể", "Kết quả quý IV", "Kết quả 6 tháng", "Kết quả"],
      ["1.4", "Cán bộ, công chức xã có hộp thư điện tử công vụ", "100%", "1/14", "2/14", "14/14"],
    ];
    expect(grade({ values }).sheet.rows[0]!.value).toBe("14/14");
  });

  it("figures reached win over estimates of the same year, and the report says why", () => {
    const values: Rows = [
      ["KẾT QUẢ NĂM 2023"],
      ["TT", "Tên chỉ tiêu", "Chỉ tiêu cụ thể", "Ước thực hiện năm 2023", "Thực hiện năm 2023"],
      ...body.map((r) => [r[0], r[1], r[2], "100%", r[4]]),
    ];
    const { sheet } = grade({ values }, {});
    expect(sheet.rows.map((r) => r.value)).toEqual(["14/14", "61%", "70,5%"]);
    expect(sheet.rows.every((r) => r.status === "DAT")).toBe(true);
    expect(sheet.notes).toEqual([
      'Cột kết quả được chấm: E "Thực hiện năm 2023" (số đã thực hiện, không phải số ước tính hay kế hoạch); không chấm D "Ước thực hiện năm 2023".',
    ]);
  });

  it.each([
    ["Ước thực hiện năm 2023", "là số ước lượng", "ước tính"],
    ["Kết quả dự kiến năm 2023", "là kế hoạch", "dự kiến"],
  ])("a result column headed '%s' holds no results: every figure asks for a look", (head, meaning, says) => {
    const values: Rows = [
      ["KẾT QUẢ NĂM 2023"],
      ["TT", "Tên chỉ tiêu", "Kế hoạch năm 2023", head],
      ...body.map((r) => [r[0], r[1], r[2], r[4]]),
      ["4.5", "Triển khai hệ thống camera giám sát an ninh", "Có", "Chưa"],
    ];
    const { sheet } = grade({ values }, {});
    expect(sheet.rows.map((r) => r.status)).toEqual([
      "CAN_XEM_XET",
      "CAN_XEM_XET",
      "CAN_XEM_XET",
      "KHONG_DAT",
    ]);
    expect(sheet.rows[1]!.reason).toBe(
      `cột kết quả "${head}": ${meaning}, chưa phải kết quả (61%; chỉ tiêu ≥ 60%)`,
    );
    expect(sheet.notes).toEqual([
      `Cột kết quả "${head}" ghi số ${says}, chưa phải kết quả: mọi dòng có kết quả đều "Cần xem xét".`,
    ]);
  });

  it("'Kết quả thực hiện kế hoạch' is a result column", () => {
    const values: Rows = [
      ["KẾT QUẢ NĂM 2023"],
      ["TT", "Tên chỉ tiêu", "Chỉ tiêu cụ thể", "Kết quả thực hiện kế hoạch năm 2023"],
      ...body.map((r) => [r[0], r[1], r[2], r[4]]),
    ];
    expect(grade({ values }, {}).sheet.rows.every((r) => r.status === "DAT")).toBe(true);
  });
});

describe("which table (item 4)", () => {
  const header = ["TT", "Tên chỉ tiêu", "Chỉ tiêu cụ thể", "Kết quả đạt được"];
  const rows2022: Rows = [
    ["1.4", "Cán bộ, công chức xã có hộp thư điện tử công vụ", "100%", "12/14"],
    ["2.4", "Tỷ lệ người dân sử dụng thanh toán không dùng tiền mặt", "60%", "54,4%"],
  ];
  const rows2023: Rows = [
    ["1.4", "Cán bộ, công chức xã có hộp thư điện tử công vụ", "100%", "14/14"],
    ["2.4", "Tỷ lệ người dân sử dụng thanh toán không dùng tiền mặt", "60%", "61%"],
  ];

  const side = (): Rows => [
    ["KẾT QUẢ NĂM 2022", null, null, null, null, "KẾT QUẢ NĂM 2023"],
    [...header, null, ...header],
    ...rows2022.map((r, i) => [...r, null, ...rows2023[i]!]),
  ];

  it("side by side: the 2023 table (right) is graded and its columns go right of it", () => {
    const { sheet, plan } = grade({ values: side() }, {});
    expect(sheet.year).toBe(2023);
    expect(sheet.rows.map((r) => r.value)).toEqual(["14/14", "61%"]);
    expect(sheet.rows.map((r) => r.resultCell.col)).toEqual([8, 8]);
    expect(plan!.own.col).toBe(9);
    expect(sheet.notes?.join(" ")).toMatch(
      /Trang có 2 bảng: chấm bảng cột F trở đi, năm 2023.*không chấm bảng cột A–E, năm 2022/,
    );
  });

  it("side by side with --year 2022: the left table is graded, no column is written beside the other", () => {
    const out = gradeWorkbook([{ name: "Hoằng Phụ", grid: { values: side() } }], { year: 2022 });
    const sheet = out.report.sheets[0]!;
    expect(sheet.rows.map((r) => r.value)).toEqual(["12/14", "54,4%"]);
    expect(out.plan.sheets).toEqual([]);
    expect(sheet.notes?.join(" ")).toMatch(/Không ghi cột "Chấm CĐS: Trạng thái" cạnh bảng được chấm/);
  });

  it("side by side with two empty columns between: the left table's columns go there", () => {
    const values: Rows = [
      ["KẾT QUẢ NĂM 2022", null, null, null, null, null, "KẾT QUẢ NĂM 2023"],
      [...header, null, null, ...header],
      ...rows2022.map((r, i) => [...r, null, null, ...rows2023[i]!]),
    ];
    const out = gradeWorkbook([{ name: "X", grid: { values } }], { year: 2022 });
    expect(out.plan.sheets[0]!.own.col).toBe(4);
  });

  it("one under the other: the 2023 table is graded alone, its columns from its own header", () => {
    const values: Rows = [
      ["KẾT QUẢ NĂM 2022"],
      header,
      ...rows2022,
      [],
      ["KẾT QUẢ NĂM 2023"],
      header,
      ...rows2023,
    ];
    const { sheet, plan } = grade({ values }, {});
    expect(sheet.year).toBe(2023);
    expect(sheet.rows.map((r) => `${r.id} ${r.value}`)).toEqual(["1.4 14/14", "2.4 61%"]);
    expect(sheet.problems).toEqual([]);
    expect(plan!.own.row).toBe(6);
    expect(sheet.notes?.join(" ")).toMatch(
      /chấm bảng từ dòng 7, năm 2023.*không chấm bảng từ dòng 2, năm 2022/,
    );
  });

  it("a next year's plan under the results (a header without a result column): the table ends above its title", () => {
    const values: Rows = [
      ["KẾT QUẢ NĂM 2023"],
      header,
      ...rows2023,
      [],
      ["PHỤ LỤC 2: KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2024"],
      ["TT", "Tên chỉ tiêu", "Kế hoạch năm 2024"],
      ...rows2023.map((r) => [r[0], r[1], "100%"]),
    ];
    const { sheet, plan } = grade({ values }, {});
    expect(sheet.rows.map((r) => `${r.id} ${r.value}`)).toEqual(["1.4 14/14", "2.4 61%"]);
    expect(plan!.own.row + plan!.own.rows).toBe(2 + rows2023.length);
    expect(sheet.notes).toEqual([
      "Bảng được chấm dừng ở dòng 4: từ dòng 7 là bảng khác không có cột kết quả, không chấm.",
    ]);
  });

  it("a table of planned results under the results: without a grading year the figures reached are graded", () => {
    const values: Rows = [
      ["KẾT QUẢ NĂM 2023"],
      header,
      ...rows2023,
      [],
      ["NHIỆM VỤ NĂM 2024"],
      ["TT", "Tên chỉ tiêu", "Chỉ tiêu năm 2024", "Dự kiến kết quả"],
      ...rows2023.map((r) => [r[0], r[1], "100%", "100%"]),
    ];
    const { sheet } = grade({ values }, {});
    expect(sheet.year).toBe(2023);
    expect(sheet.rows.map((r) => r.status)).toEqual(["DAT", "DAT"]);
    expect(sheet.notes?.[0]).toContain("năm 2023 (năm gần nhất có số đã thực hiện)");
  });

  it("the header repeated on a new page (numbering goes on) is one table", () => {
    const values: Rows = [["NĂM 2023"], header, rows2023[0]!, header, rows2023[1]!];
    const { sheet } = grade({ values }, {});
    expect(sheet.rows).toHaveLength(2);
    expect(sheet.notes).toBeUndefined();
  });
});

describe("merged cells (item 5)", () => {
  const header = ["TT", "Tên chỉ tiêu", "Đơn vị tính", "Chỉ tiêu cụ thể", "Kết quả đạt được"];
  const values: Rows = [
    ["NĂM 2023"],
    header,
    [
      "3.3",
      "Tỷ lệ thuê bao điện thoại di động thông minh sử dụng phần mềm an toàn thông tin cơ bản",
      "%",
      "70%",
      "72%",
    ],
    ["3.4", "Tỷ lệ dân số trưởng thành có điện thoại thông minh", null, null, "65%"],
    ["3.5", "Tỷ lệ người dân có hồ sơ sức khỏe điện tử", null, null, "80%"],
    ["1.4", "Cán bộ, công chức xã có hộp thư điện tử công vụ", "Người", "100%", "14/14"],
    ["1.5", "Hồ sơ TTHC tiếp nhận, xử lý trên hệ thống một cửa điện tử", "Hồ sơ", "100%", null],
  ];
  const merges: Area[] = [
    { row: 2, col: 2, rows: 3, cols: 1 },
    { row: 2, col: 3, rows: 3, cols: 1 },
    { row: 5, col: 4, rows: 2, cols: 1 },
  ];

  it("one text over the target and the result cells is the result too; merged over the target alone it is not", () => {
    const row: Rows = [
      ["4.5", "Có điểm phát wifi công cộng tại các địa điểm quan trọng", null, "Chưa triển khai", null],
    ];
    const across = grade({ values: [...values, ...row], merges: [{ row: 7, col: 3, rows: 1, cols: 2 }] }, {});
    expect(across.sheet.rows.at(-1)).toMatchObject({
      status: "KHONG_DAT",
      reason: 'Chưa triển khai (không đáp ứng yêu cầu "Có")',
      warnings: [],
    });
    const none = grade({ values: [...values, ...row] }, {});
    expect(none.sheet.rows.at(-1)).toMatchObject({ status: "CAN_XEM_XET", reason: "chưa có kết quả" });
  });

  it("without the merges: the set's thresholds and 'no result'", () => {
    const { sheet } = grade({ values }, {});
    expect(lines(sheet)).toEqual([
      "3.3 DAT 72% ≥ 70%",
      expect.stringMatching(/^3\.4 DAT /),
      expect.stringMatching(/^3\.5 KHONG_DAT /),
      "1.4 DAT 14/14 = 100% ≥ 100%",
      expect.stringMatching(/^1\.5 CAN_XEM_XET /),
    ]);
  });

  it("a target and a unit merged over three rows apply to each; a result merged over two rows is each row's, said so", () => {
    const { sheet, plan } = grade({ values, merges }, {});
    expect(lines(sheet)).toEqual([
      "3.3 DAT 72% ≥ 70%",
      "3.4 KHONG_DAT 65% < 70%",
      "3.5 DAT 80% ≥ 70%",
      "1.4 DAT 14/14 = 100% ≥ 100%",
      "1.5 DAT 14/14 = 100% ≥ 100%",
    ]);
    const shared = sheet.rows.filter((r) => r.warnings.some((w) => w.code === "SHARED_RESULT"));
    expect(shared.map((r) => r.id)).toEqual(["1.4", "1.5"]);
    expect(shared[1]!.warnings[0]!.message).toBe(
      "kết quả ghi chung cho các dòng 6–7 (ô gộp E6:E7), dùng cho từng dòng",
    );
    const reasons = plan!.writes[0]!.values.map((v) => v[1]);
    expect(reasons[5]).toContain("ô gộp E6:E7");
    const annex = readAnnex("X", { values, merges }, { sets: BUILTIN_SETS });
    expect("rows" in annex && annex.rows.map((r) => r.unit)).toEqual(["%", "%", "%", "Người", "Hồ sơ"]);
  });
});

describe("legacy encodings wired in (item 6)", () => {
  it("the whole file in TCVN3 (fonts given): the annex is found and grades as in Unicode; the report says so", () => {
    const { sheet } = grade({ values: TCVN3_VALUES, fonts: TCVN3_FONTS, formats: ANNEX_FORMATS });
    expect(lines(sheet)).toEqual(expected());
    expect(sheet.notes?.[0]).toMatch(
      /^Trang "Hoằng Phụ" được đọc theo bảng mã TCVN3 \(ABC\), phông \.VnTimeH/,
    );
  });

  it("the whole file in VNI, no fonts (Sheets, Excel): read by its text", () => {
    const { sheet } = grade({ values: VNI_VALUES, formats: ANNEX_FORMATS });
    expect(lines(sheet)).toEqual(expected());
    expect(sheet.notes?.[0]).toMatch(/bảng mã VNI/);
  });

  it("only the body in TCVN3: yes/no rows grade Đạt, not Cần xem xét", () => {
    const { sheet } = grade({ values: BODY_TCVN3_VALUES, formats: ANNEX_FORMATS });
    expect(lines(sheet)).toEqual(expected());
    expect(sheet.notes?.[0]).toMatch(/ô .* được đọc theo bảng mã TCVN3/);
  });

  it("the year of a TCVN3 title is read", () => {
    expect(detectYear({ values: TCVN3_VALUES })).toBe(2023);
  });

  it("the user's grid is not changed", () => {
    const values = TCVN3_VALUES.map((r) => [...r]);
    const before = JSON.stringify(values);
    grade({ values, formats: ANNEX_FORMATS });
    expect(JSON.stringify(values)).toBe(before);
  });

  it("a Unicode annex has no notes", () => {
    expect(grade({ values: ANNEX_UNICODE, formats: ANNEX_FORMATS }).sheet.notes).toBeUndefined();
    expect(HEADER_ROW).toBe(4);
  });
});

describe("the commune of a legacy title", () => {
  it("a TCVN3 title names the commune in the ranking", () => {
    const grid = { values: TCVN3_VALUES, fonts: TCVN3_FONTS };
    const { report } = gradeWorkbook(
      [
        { name: "A", grid },
        { name: "B", grid: { values: ANNEX_UNICODE } },
      ],
      { year: 2023 },
    );
    expect(report.rollup?.map((r) => r.commune)).toEqual(["xã Hoằng Phụ", "xã Hoằng Phụ"]);
  });
});
