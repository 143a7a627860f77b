import fc from "fast-check";
import { BUILTIN_SETS, findSet } from "../../shared/criteria";
import { OWN_HEADERS } from "../../shared/labels";
import { AMBIGUOUS_HEADERS, HEADER_ALIASES, IGNORED_HEADERS } from "../../shared/table/header";
import { detectYear } from "../../shared/table/read";
import { readId } from "../../shared/table/ids";
import { readAnnex } from "../../shared/table/read";
import { fold } from "../../shared/text";
import type { Annex, ColumnRole, Grid, RawCell } from "../../shared/types";
import {
  GROUPS_2023,
  NAMES_2022_BAC_SON,
  NAMES_2023_HOANG_PHU,
  NAMES_2023_QUANG_NGOC,
  RESULTS_HOANG_PHU,
  adr,
  at,
} from "./table.fixtures";

const set2023 = findSet("tt-xa-2023")!;
const sets = BUILTIN_SETS;

function read(grid: Grid, options: { setId?: string } = {}, sheet = "Xã Hoằng Phụ"): Annex {
  const a = readAnnex(sheet, grid, { sets, ...options });
  if ("skipped" in a) throw new Error(`skipped: ${a.skipped}`);
  return a;
}

/** Hoằng Phụ's annex: 2023 names (Hoằng Phụ's wording, else Quảng Ngọc's), its results, targets from the set */
function names2023(): Map<string, string> {
  const names = new Map(NAMES_2023_QUANG_NGOC.map(([id, n]) => [id, n] as [string, string]));
  for (const [id, n] of NAMES_2023_HOANG_PHU) names.set(id, n);
  names.set("1.11", "Tiêu chí số 1.11");
  return names;
}

/** TT | Tên chỉ tiêu | Đơn vị tính | Chỉ tiêu cụ thể | Kết quả đạt được | Khó khăn, vướng mắc */
function hoangPhuGrid(): RawCell[][] {
  const names = names2023();
  const rows: RawCell[][] = [
    ["PHỤ LỤC 01", null, null, null, null, null],
    ["KẾT QUẢ THỰC HIỆN CÁC TIÊU CHÍ CHUYỂN ĐỔI SỐ NĂM 2023 XÃ HOẰNG PHỤ", null, null, null, null, null],
    ["(Kèm theo Báo cáo của UBND xã Hoằng Phụ)"],
    [],
    ["TT", "Tên chỉ tiêu", "Đơn vị tính", "Chỉ tiêu cụ thể", "Kết quả đạt được", "Khó khăn, vướng mắc"],
  ];
  for (const [gid, gname] of GROUPS_2023) {
    rows.push([gid, gname]);
    for (const c of set2023.criteria.filter((k) => k.group === gid))
      rows.push([
        c.id,
        names.get(c.id)!,
        c.unit ?? "",
        c.target.kind === "percent" ? `${c.target.threshold}%` : c.target.kind === "yes" ? c.target.word : "",
        RESULTS_HOANG_PHU[c.id]!,
        "",
      ]);
  }
  return rows;
}

describe("header aliases are data, one role each", () => {
  it("no alias names two roles, and ambiguous or ignored words are not in the role table", () => {
    const owner = new Map<string, string>();
    for (const [role, list] of Object.entries(HEADER_ALIASES) as [ColumnRole, readonly string[]][])
      for (const alias of list) {
        expect([alias, owner.get(fold(alias)) ?? role]).toEqual([alias, role]);
        owner.set(fold(alias), role);
      }
    for (const a of [...AMBIGUOUS_HEADERS.map((x) => x.alias), ...IGNORED_HEADERS])
      expect(owner.has(fold(a))).toBe(false);
  });

  it("every role has at least one alias", () => {
    for (const list of Object.values(HEADER_ALIASES)) expect(list.length).toBeGreaterThan(0);
  });
});

describe("readId", () => {
  it.each<[RawCell, string, string, string | undefined]>([
    ["3.1.", "dotted", "3.1", undefined],
    ["3,1", "dotted", "3.1", undefined],
    [" 1.10 ", "dotted", "1.10", undefined],
    [1.1, "dotted", "1.1", "1.10"],
    [3.12, "dotted", "3.12", undefined],
    [2, "int", "2", undefined],
    ["II", "roman", "II", undefined],
    ["iv.", "roman", "IV", undefined],
    ["Tiêu chí 1.11", "dotted", "1.11", undefined],
    ["-", "none", "", undefined],
    [null, "none", "", undefined],
  ])("%p → %s %s", (raw, kind, text, alt) => {
    const id = readId(raw);
    expect([id.kind, id.text, id.alt]).toEqual([kind, text, alt]);
  });
});

describe("a commune's 2023 annex (xã Hoằng Phụ)", () => {
  const grid: Grid = { values: hoangPhuGrid() };
  const a = read(grid);

  it("finds the header under the title rows and every column", () => {
    expect(a.headerRow).toBe(adr("A5").row);
    expect(a.columns).toEqual({ id: 0, name: 1, unit: 2, target: 3, result: 4, notes: 5 });
  });

  it("chooses the QĐ 1829 set and says why, in Vietnamese", () => {
    expect(a.criteriaSet?.id).toBe("tt-xa-2023");
    expect(a.setReason).toMatch(/^Tiêu chí CĐS cấp xã 2023 \(QĐ 1829\/QĐ-UBND\): 36\/37 tên chỉ tiêu khớp/);
    expect(a.setReason).toMatch(/Danh mục 30 chỉ tiêu CĐS cấp xã \(dùng năm 2022\): \d+\/30/);
  });

  it("reads 37 rows, each matched to the criterion of its own ID, with groups from the group rows", () => {
    expect(a.rows).toHaveLength(37);
    expect(a.rows.map((r) => r.criterion?.id)).toEqual(set2023.criteria.map((c) => c.id));
    expect(a.rows.every((r) => r.id === r.criterion?.id && r.group === r.criterion?.group)).toBe(true);
    expect(a.groups.map((g) => [g.id, g.name])).toEqual(GROUPS_2023);
    expect(a.groups[0]!.row).toBe(adr("A6").row);
    expect(a.problems).toEqual([]);
  });

  it("carries what grading needs: result, target, criterion", () => {
    const r16 = a.rows.find((r) => r.id === "1.6")!;
    expect([r16.result, r16.target, r16.criterion?.target.kind]).toEqual(["433/448", "", "unknown"]);
    expect(at(grid, `E${r16.row + 1}`)).toBe("433/448");
    expect(a.rows.find((r) => r.id === "3.2")!.target).toBe("75%");
  });

  it("puts its own columns right of the rightmost used cell and ends at the last row", () => {
    expect(a.ownColumn).toBe(6);
    expect(a.lastRow).toBe(grid.values.length - 1);
  });

  it("detects the year from the title", () => expect(detectYear(grid)).toBe(2023));
});

describe("other header words, other orders", () => {
  it("STT | Kết quả thực hiện | Tiêu chí | Yêu cầu | Tự đánh giá, IDs with a trailing dot", () => {
    const grid: Grid = {
      values: [
        ["STT", "Kết quả thực hiện", "Tiêu chí", "Yêu cầu", "Tự đánh giá"],
        ["3.1.", "2.050/3.200 lao động = 64,1%", NAMES_2023_HOANG_PHU[4]![1], "", "Đạt"],
        [
          "3.2.",
          0.79,
          "Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản giao dịch thanh toán tại ngân hàng",
          "75%",
          "Đạt",
        ],
      ],
      formats: [[], [], ["General", "0%", "General", "@", "General"]],
    };
    const a = read(grid);
    expect(a.columns).toEqual({ id: 0, result: 1, name: 2, target: 3, self: 4 });
    expect(a.rows.map((r) => [r.id, r.criterion?.id, r.self])).toEqual([
      ["3.1", "3.1", "Đạt"],
      ["3.2", "3.2", "Đạt"],
    ]);
    expect([a.rows[1]!.result, a.rows[1]!.resultFormat, a.rows[1]!.targetFormat]).toEqual([0.79, "0%", "@"]);
  });

  it("`Chỉ tiêu` is the target beside a name column and the name column alone", () => {
    const withName = read({
      values: [
        ["Số TT", "Nội dung", "Chỉ tiêu", "Kết quả"],
        ["1.4", "CBCC xã có hộp thư điện tử công vụ", "100%", "14/14"],
      ],
    });
    expect(withName.columns).toEqual({ id: 0, name: 1, target: 2, result: 3 });
    const alone = read({
      values: [
        ["TT", "Chỉ tiêu", "Kết quả đạt được"],
        ["1.4", "CBCC xã có hộp thư điện tử công vụ", "14/14"],
      ],
    });
    expect(alone.columns).toEqual({ id: 0, name: 1, result: 2 });
    expect(alone.rows[0]!.criterion?.id).toBe("1.4");
  });

  it("`Đơn vị thực hiện` is not a result column; headers in brackets and line breaks are read", () => {
    const a = read({
      values: [
        ["TT", "Tên chỉ tiêu", "ĐVT", "Đơn vị thực hiện", "Kết quả\nđạt được (%)", "Ghi chú"],
        ["3.4", "Tỷ lệ dân số trưởng thành có điện thoại thông minh", "%", "Công an xã", "70,5%", ""],
      ],
    });
    expect(a.columns).toEqual({ id: 0, name: 1, unit: 2, result: 4, notes: 5 });
  });

  it("a two-row header: sub-headers under a merged cell", () => {
    const a = read({
      values: [
        ["BIỂU TỔNG HỢP NĂM 2023"],
        ["TT", "Tên chỉ tiêu", "Năm 2023", null, "Ghi chú"],
        [null, null, "Chỉ tiêu giao", "Kết quả thực hiện", null],
        ["1", "Chính quyền số"],
        ["1.6", "Tỷ lệ hồ sơ TTHC tiếp nhận, giải quyết trực tuyến", "60%", "433/448", ""],
      ],
    });
    expect(a.headerRow).toBe(1);
    expect(a.columns).toEqual({ id: 0, name: 1, target: 2, result: 3, notes: 4 });
    expect(a.rows.map((r) => [r.id, r.target, r.result])).toEqual([["1.6", "60%", "433/448"]]);
    expect(a.rows[0]!.row).toBe(4);
  });
});

describe("sub-headers that name no column", () => {
  it("are skipped: the merged parent keeps its role", () => {
    const a = read({
      values: [
        ["TT", "Tên chỉ tiêu", "Kết quả thực hiện", null, "Ghi chú"],
        [null, null, "Số lượng", "Tỷ lệ", null],
        ["3.4", "Tỷ lệ dân số trưởng thành có điện thoại thông minh", "4.485/6.353", "70,5%", ""],
      ],
    });
    expect([a.headerRow, a.columns.result, a.rows.map((r) => r.id)]).toEqual([0, 2, ["3.4"]]);
    expect(a.problems).toEqual([]);
    const years = read({
      values: [
        ["STT", "Nội dung", "Kết quả", null],
        [null, null, "Năm 2022", "Năm 2023"],
        ["3.4", "Tỷ lệ dân số trưởng thành có điện thoại thông minh", "60%", "70,5%"],
      ],
    });
    // the latest year's column is the result
    expect([years.columns.result, years.rows.map((r) => [r.row, r.result])]).toEqual([3, [[2, "70,5%"]]]);
  });
});

describe("tables pasted from Word or PDF", () => {
  it("skips the header repeated at a page break and the column-number row", () => {
    const header = ["TT", "Tên chỉ tiêu", "Chỉ tiêu cụ thể", "Kết quả đạt được"];
    const a = read({
      values: [
        header,
        ["(1)", "(2)", "(3)", "(4)"],
        ["3.4", "Tỷ lệ dân số trưởng thành có điện thoại thông minh", "65%", "70,5%"],
        header,
        ["3.5", "Tỷ lệ người dân có hồ sơ sức khỏe điện tử", "95%", "100%"],
      ],
    });
    expect(a.rows.map((r) => r.id)).toEqual(["3.4", "3.5"]);
    expect(a.problems).toEqual([]);
  });

  it("takes only consecutive numbers for the column-number row", () => {
    const header = ["TT", "Tên chỉ tiêu", "Chỉ tiêu cụ thể", "Kết quả đạt được"];
    const row = ["3.4", "Tỷ lệ dân số trưởng thành có điện thoại thông minh", "65%", "70,5%"];
    const skipped = read({ values: [header, ["(1)", "(2)", "(3)", "(4)"], row] });
    expect(skipped.rows.map((r) => r.row)).toEqual([2]);
    // out of order: not the columns' numbers, so a row of its own (whose name matches no criterion)
    const kept = read({ values: [header, ["(1)", "(2)", "(4)", "(3)"], row] });
    expect(kept.rows.map((r) => r.row)).toEqual([1, 2]);
    expect(kept.problems.map((p) => p.code)).toEqual(["UNKNOWN_CRITERION"]);
  });

  it("joins a name split over two rows", () => {
    const a = read({
      values: [
        ["TT", "Tên chỉ tiêu", "Kết quả"],
        ["1.2", "Lãnh đạo, cán bộ, công chức trên địa bàn cấp xã chỉ đạo,", "100%"],
        [null, "điều hành, xử lý công việc hoàn toàn trên môi trường điện tử", null],
        ["1.3", "Các văn bản, hồ sơ công việc được tạo lập, xử lý, ký số", "100%"],
      ],
    });
    expect(a.rows).toHaveLength(2);
    expect(a.rows[0]!.name).toMatch(/chỉ đạo, điều hành/);
    expect(a.rows[0]!.criterion?.id).toBe("1.2");
    expect(a.lastRow).toBe(3);
  });

  it("a new name under an item is a row of its own, kept even with no result; stray text is dropped", () => {
    const a = read({
      values: [
        ["TT", "Tên chỉ tiêu", "Kết quả"],
        ["1.5", "Hồ sơ TTHC tiếp nhận, cập nhật, xử lý trên Hệ thống một cửa điện tử", "849/849"],
        [null, "Tỷ lệ hồ sơ TTHC tiếp nhận, giải quyết trực tuyến", null],
        [],
        [null, "Người lập biểu", null],
      ],
    });
    expect(a.rows.map((r) => [r.id, r.criterion?.id, r.result])).toEqual([
      ["1.5", "1.5", "849/849"],
      ["1.6", "1.6", null],
    ]);
    expect(a.lastRow).toBe(2);
  });

  it("title text only in the first cell of a merged title, group rows merged across, totals and signatures", () => {
    const a = read({
      values: [
        ["KẾT QUẢ CHUYỂN ĐỔI SỐ 6 THÁNG ĐẦU NĂM 2023 PHƯỜNG BẮC SƠN", null, null, null],
        ["TT", "Tên chỉ tiêu", "Kết quả đạt được", "Ghi chú"],
        ["I. CHÍNH QUYỀN SỐ", null, null, null],
        ["1.1", NAMES_2022_BAC_SON[0]![1], "100%", null],
        ["Tổng cộng", null, "1/1", null],
        [],
        [null, "CHỦ TỊCH", null, null],
        [null, "Phạm Thị Ngọc Hiền", null, null],
      ],
    });
    expect(a.groups.map((g) => [g.id, g.name, g.row])).toEqual([["1", "CHÍNH QUYỀN SỐ", 2]]);
    expect(a.rows.map((r) => r.id)).toEqual(["1.1"]);
    expect(a.lastRow).toBe(3);
  });
});

describe("IDs", () => {
  it("Excel numbers: 1.1 after 1.9 is 1.10, 3.1 after 3.9 is 3.10", () => {
    const names = names2023();
    const rows: RawCell[][] = [["TT", "Tên chỉ tiêu", "Kết quả đạt được"]];
    for (const c of set2023.criteria.filter((k) => k.group === "1" || k.group === "3"))
      rows.push([Number(c.id), names.get(c.id)!, RESULTS_HOANG_PHU[c.id]!]);
    const a = read({ values: rows });
    const ids = set2023.criteria.filter((k) => k.group === "1" || k.group === "3").map((k) => k.id);
    expect(a.rows.map((r) => r.id)).toEqual(ids);
    expect(a.rows.filter((r) => r.criterion?.id !== r.id)).toEqual([]);
    expect(a.problems).toEqual([]);
  });

  it("the number alone does not decide: the name does (1.10 written before 1.9)", () => {
    const a = read({
      values: [
        ["TT", "Tên chỉ tiêu", "Kết quả"],
        [1.1, "Tuyên truyền, đào tạo, tập huấn kỹ năng số cho CBCC, người lao động", "Có"],
        [1.9, "Trang TTĐT tuân theo Nghị định 42/2022/NĐ-CP", "Có"],
      ],
    });
    expect(a.rows.map((r) => r.id)).toEqual(["1.10", "1.9"]);
  });

  it("an ID written at the start of the name, when the table has no ID of its own", () => {
    const a = read({
      values: [
        ["Nội dung", "Kết quả thực hiện"],
        [
          "1.1. Xây dựng và tổ chức triển khai thực hiện các chỉ tiêu về chuyển đổi số theo giai đoạn và hàng năm",
          "Có",
        ],
        ["Tiêu chí 1.6: Tỷ lệ hồ sơ TTHC tiếp nhận, giải quyết trực tuyến", "433/448"],
      ],
    });
    expect(a.rows.map((r) => [r.id, r.criterion?.id])).toEqual([
      ["1.1", "1.1"],
      ["1.6", "1.6"],
    ]);
  });

  it("a row naming a group's words inside a longer name is a row, not a group", () => {
    const a = read({
      values: [
        ["STT", "Nội dung", "Chỉ tiêu giao", "Kết quả đạt được"],
        ["I", "Phát triển kinh tế số"],
        [1, "Tỷ lệ hộ kinh doanh phát triển kinh tế số trên sàn", "50%", "60%"],
      ],
    });
    expect(a.groups.map((g) => g.name)).toEqual(["Phát triển kinh tế số"]);
    expect(a.rows.map((r) => [r.id, r.target])).toEqual([["I.1", "50%"]]);
  });

  it("numbering restarting in Roman groups: I.1, II.3; criteria by name", () => {
    const a = read({
      values: [
        ["STT", "Nội dung", "Chỉ tiêu giao", "Kết quả đạt được"],
        ["I", "Chính quyền số"],
        [1, "Cán bộ, công chức xã có hộp thư điện tử công vụ", "100%", "20/20"],
        [2, "Hồ sơ TTHC tiếp nhận, cập nhật, xử lý trên Hệ thống một cửa điện tử", "100%", "1.807/1.807"],
        ["II", "Kinh tế số"],
        [1, "Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử", "50%", "10/17"],
        [2, "Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số", "55%", "100%"],
        [3, "Tỷ lệ hộ gia đình thanh toán tiền điện không dùng tiền mặt", "60%", "76,44%"],
      ],
    });
    expect(a.criteriaSet?.id).toBe("tt-xa-2023");
    expect(a.rows.map((r) => [r.id, r.criterion?.id, r.group])).toEqual([
      ["I.1", "1.4", "1"],
      ["I.2", "1.5", "1"],
      ["II.1", "2.5", "2"],
      ["II.2", "2.6", "2"],
      ["II.3", "3.12", "3"],
    ]);
    expect(a.groups.map((g) => [g.id, g.row])).toEqual([
      ["1", 1],
      ["2", 4],
      ["3", -1],
    ]);
  });

  it("numbering restarting under unnumbered group rows: the group's place numbers it", () => {
    const a = read({
      values: [
        ["TT", "Tên chỉ tiêu", "Kết quả"],
        [null, "CHÍNH QUYỀN SỐ"],
        [1, "Xây dựng, triển khai các chỉ tiêu CĐS theo giai đoạn và hàng năm", "Có"],
        [null, "KINH TẾ SỐ"],
        [1, "Tuyên truyền CĐS, kinh tế số cho doanh nghiệp, hộ kinh doanh, người dân", "Có"],
        [2, "Sản phẩm lợi thế, OCOP quảng bá trên internet", "Có"],
      ],
    });
    expect(a.rows.map((r) => [r.id, r.criterion?.id])).toEqual([
      ["1.1", "1.1"],
      ["2.1", "2.1"],
      ["2.2", "2.2"],
    ]);
    expect(a.problems).toEqual([]);
  });

  it("a name that matches another criterion than its ID: matched by name, with a warning", () => {
    const a = read({
      values: [
        ["TT", "Tên chỉ tiêu", "Kết quả"],
        ["1.4", "Tỷ lệ hồ sơ TTHC tiếp nhận, giải quyết trực tuyến", "96,6%"],
        ["1.5", "Hồ sơ TTHC tiếp nhận, cập nhật, xử lý trên Hệ thống một cửa điện tử", "849/849"],
      ],
    });
    const [r] = a.rows;
    expect([r!.id, r!.criterion?.id]).toEqual(["1.4", "1.6"]);
    expect(r!.warnings).toEqual([
      {
        code: "NAME_MISMATCH",
        message:
          'Số thứ tự "1.4" là chỉ tiêu 1.4 của bộ tiêu chí, nhưng tên khớp chỉ tiêu 1.6: chấm theo chỉ tiêu 1.6',
      },
    ]);
    expect(a.rows[1]!.warnings).toBeUndefined();
  });

  it("duplicate IDs and rows matching no criterion are problems naming sheet, cell and value", () => {
    const a = read(
      {
        values: [
          ["TT", "Tên chỉ tiêu", "Kết quả"],
          ["3.4", "Tỷ lệ dân số trưởng thành có điện thoại thông minh", "70,5%"],
          ["3.4", "Tỷ lệ dân số trưởng thành có điện thoại thông minh", "71%"],
          ["3.5", "Tỷ lệ người dân có hồ sơ sức khỏe điện tử", "100%"],
          ["3.13", "Số hộ nuôi gà đẻ trứng vàng", "5"],
        ],
      },
      {},
      "Xã A",
    );
    expect(a.problems.map((p) => [p.code, p.cell, p.value])).toEqual([
      ["DUPLICATE_ID", "A3", "3.4"],
      ["UNKNOWN_CRITERION", "B5", "Số hộ nuôi gà đẻ trứng vàng"],
    ]);
    expect(a.problems[0]!.message).toBe('Trang "Xã A", ô A3: số thứ tự "3.4" trùng với dòng 2');
    expect(a.problems[1]!.message).toMatch(
      /^Trang "Xã A", ô B5: "Số hộ nuôi gà đẻ trứng vàng" không khớp chỉ tiêu nào của Tiêu chí CĐS cấp xã 2023/,
    );
    expect(a.rows).toHaveLength(4);
    expect(a.rows[3]!.criterion).toBeUndefined();
  });
});

describe("choosing the criteria set", () => {
  const bacSon: Grid = {
    values: [
      ["Kết quả chuyển đổi số 6 tháng đầu năm 2023 Phường Bắc Sơn"],
      ["TT", "Tên chỉ tiêu", "Kết quả đạt được"],
      ...NAMES_2022_BAC_SON.map(([id, name]) => [id, name, "Đạt"]),
    ],
  };

  it("the earlier 30-criterion list when its names match better, though the IDs look alike", () => {
    const a = read(bacSon);
    expect(a.criteriaSet?.id).toBe("tt-xa-2022");
    expect(a.setReason).toMatch(
      /^Danh mục 30 chỉ tiêu CĐS cấp xã \(dùng năm 2022\): 29\/30 tên chỉ tiêu khớp; Tiêu chí CĐS cấp xã 2023/,
    );
    expect(a.rows.every((r) => r.criterion?.id === r.id)).toBe(true);
    expect(a.rows.find((r) => r.id === "1.5")!.criterion!.target).toEqual({
      kind: "percent",
      comparator: ">=",
      threshold: 60,
    });
  });

  it("a forced set wins; `none` gives no set; an unknown id is a problem and the set is chosen", () => {
    const forced = read(bacSon, { setId: "tt-xa-2023" });
    expect(forced.criteriaSet?.id).toBe("tt-xa-2023");
    expect(forced.setReason).toMatch(/theo tùy chọn/);
    expect(forced.rows.find((r) => r.id === "1.1")!.criterion?.id).toBe("1.4");
    const none = read(bacSon, { setId: "none" });
    expect([none.criteriaSet, none.rows.every((r) => r.criterion === undefined)]).toEqual([null, true]);
    const unknown = read(bacSon, { setId: "tt-xa-2099" });
    expect(unknown.criteriaSet?.id).toBe("tt-xa-2022");
    expect(unknown.problems.map((p) => p.code)).toEqual(["INVALID_CRITERIA_SET"]);
  });

  it("IDs without names do not tell the set", () => {
    const a = read({
      values: [
        ["TT", "Chỉ tiêu giao", "Kết quả đạt được"],
        ["1.1", "Có", "Có"],
        ["1.2", "100%", "100%"],
      ],
    });
    expect([a.criteriaSet, a.setReason]).toEqual([
      null,
      "Bảng không có tên chỉ tiêu: số thứ tự không đủ để biết bộ tiêu chí (chọn bộ tiêu chí bằng tùy chọn)",
    ]);
    const forced = read(
      {
        values: [
          ["TT", "Kết quả đạt được"],
          ["1.1", "Có"],
        ],
      },
      { setId: "tt-xa-2023" },
    );
    expect(forced.rows[0]!.criterion?.id).toBe("1.1");
  });

  it("a town's plan annex: no set matches well and the rows carry their targets", () => {
    const a = read({
      values: [
        ["PHỤ LỤC: MỤC TIÊU CHUYỂN ĐỔI SỐ NĂM 2023 PHƯỜNG NGỌC TRẠO"],
        ["STT", "Nội dung", "Chỉ tiêu giao", "Kết quả đạt được", "Ghi chú"],
        ["I", "Phát triển hạ tầng số"],
        [1, "Số điểm phát Wifi miễn phí", "13 điểm", "13 điểm", ""],
        [2, "Nhà ở, hộ gia đình được gắn mã địa chỉ trên nền tảng bản đồ số Vpostcode", "100%", "80%", ""],
        [3, "Số hóa tài liệu, quy trình nghiệp vụ tại UBND phường", "Có", "Đang triển khai", ""],
        ["II", "Nhận thức số"],
        [1, "Tin bài tuyên truyền trên hệ thống đài truyền thanh phường", "15 tin bài", "15 tin bài", ""],
        [2, "Cán bộ hoàn thành khoá bồi dưỡng trên nền tảng học trực tuyến mở đại trà", "100%", "100%", ""],
        [3, "Tỷ lệ dân số từ 18 tuổi trở lên có tài khoản thanh toán điện tử", "80%", "85%", ""],
        [4, "Phòng họp không giấy tờ", "Có", "Chưa", ""],
      ],
    });
    expect(a.criteriaSet).toBeNull();
    expect(a.setReason).toMatch(
      /^Không dùng bộ tiêu chí: tên chỉ tiêu khớp ít \(.*\); dùng chỉ tiêu ghi trong từng dòng$/,
    );
    expect(a.rows.map((r) => r.id)).toEqual(["I.1", "I.2", "I.3", "II.1", "II.2", "II.3", "II.4"]);
    expect(a.groups.map((g) => [g.id, g.name])).toEqual([
      ["I", "Phát triển hạ tầng số"],
      ["II", "Nhận thức số"],
    ]);
    expect(a.rows[1]!.target).toBe("100%");
    expect(a.problems).toEqual([]);
  });
});

describe("sheets without an annex", () => {
  it.each<[string, Grid, RegExp]>([
    ["empty", { values: [[], [null, ""]] }, /^trang tính trống$/],
    [
      "prose only",
      { values: [["BÁO CÁO"], ["Kết quả thực hiện các tiêu chí chuyển đổi số năm 2023"]] },
      /không tìm thấy hàng tiêu đề/,
    ],
    [
      "no result column",
      {
        values: [
          ["STT", "Tên chỉ tiêu", "Giải thích chỉ tiêu", "Đơn vị tính", "Chỉ tiêu cụ thể"],
          ["1", "Tỷ lệ X", "", "%", "50%"],
        ],
      },
      /không có cột kết quả/,
    ],
    ["header only", { values: [["TT", "Tên chỉ tiêu", "Kết quả đạt được"]] }, /không có dòng chỉ tiêu/],
    [
      "another table: no name matches, no target",
      {
        values: [
          ["STT", "Nội dung công việc", "Kết quả thực hiện"],
          ["1", "Sửa mái nhà văn hoá thôn", "Xong"],
        ],
      },
      /^không phải phụ lục CĐS/,
    ],
    [
      "IDs only, no target",
      {
        values: [
          ["TT", "Kết quả"],
          ["1.1", "Có"],
        ],
      },
      /không biết chấm theo bộ tiêu chí nào/,
    ],
  ])("%s → skipped with a Vietnamese reason", (_what, grid, reason) => {
    const a = readAnnex("Trang 1", grid, { sets });
    expect("skipped" in a && a.skipped).toMatch(reason);
  });
});

describe("the add-in's own columns", () => {
  it("are ignored as data and reused when re-grading, even with user cells further right", () => {
    const values = hoangPhuGrid().map((r) => [...r]);
    values[4]!.push(...OWN_HEADERS, null, "Người kiểm tra");
    values[6]!.push("Đạt", "100% ≥ 100%");
    values[7]!.push("Cần xem xét", "thiếu số liệu", null, "Lan");
    const a = read({ values });
    expect(a.ownColumn).toBe(6);
    expect(a.columns).toEqual({ id: 0, name: 1, unit: 2, target: 3, result: 4, notes: 5 });
    expect(a.rows).toHaveLength(37);
  });

  it("without them: one right of the rightmost cell of the whole grid", () => {
    const values = hoangPhuGrid().map((r) => [...r]);
    values[0]![9] = "Mẫu số 01";
    expect(read({ values }).ownColumn).toBe(10);
  });
});

describe("several communes, one per sheet", () => {
  it("reads each sheet on its own, with its own set", () => {
    const sheets: [string, Grid][] = [
      ["Hoằng Phụ", { values: hoangPhuGrid() }],
      [
        "Quảng Ngọc",
        {
          values: [
            ["TT", "Tên chỉ tiêu", "Kết quả"],
            ...NAMES_2023_QUANG_NGOC.map(([id, n]) => [`${id}.`, n, "Đạt"]),
          ],
        },
      ],
      [
        "Bắc Sơn",
        {
          values: [
            ["TT", "Nội dung", "Kết quả thực hiện"],
            ...NAMES_2022_BAC_SON.map(([id, n]) => [Number(id), n, "Đạt"]),
          ],
        },
      ],
    ];
    const out = sheets.map(([name, grid]) => {
      const a = readAnnex(name, grid, { sets });
      return "skipped" in a
        ? a.skipped
        : [a.criteriaSet?.id, a.rows.length, a.rows.filter((r) => r.criterion?.id === r.id).length];
    });
    expect(out).toEqual([
      ["tt-xa-2023", 37, 37],
      ["tt-xa-2023", 35, 35],
      ["tt-xa-2022", 29, 29],
    ]);
  });
});

describe("large input", () => {
  it("10,000 rows and a 32,000-character cell", () => {
    const names = [...names2023().entries()];
    const values: RawCell[][] = [["TT", "Tên chỉ tiêu", "Kết quả"]];
    for (let i = 0; i < 10_000; i++) {
      const [id, name] = names[i % names.length]!;
      values.push([id, i === 5 ? `${name} ${"chi tiết ".repeat(3_600)}` : name, i % 2 ? "100%" : "Có"]);
    }
    const a = read({ values });
    expect(a.rows).toHaveLength(10_000);
    expect(a.rows[5]!.criterion?.id).toBe(names[5]![0]);
    expect(a.problems.filter((p) => p.code === "DUPLICATE_ID")).toHaveLength(10_000 - names.length);
  });
});

describe("detectYear", () => {
  it.each<[RawCell[][], number | null]>([
    [[["BÁO CÁO KẾT QUẢ NĂM 2022"], ["TT", "Tên chỉ tiêu", "Kết quả"]], 2022],
    [[["Kết quả chuyển đổi số 6 tháng đầu năm 2023"], ["TT", "Nội dung", "Thực hiện"]], 2023],
    [[["TT", "Tên chỉ tiêu", "Kết quả năm 2024"]], 2024],
    [
      [
        ["TT", "Tên chỉ tiêu", "Kết quả"],
        ["1.1", "Kế hoạch năm 2023", "Có"],
      ],
      null,
    ],
    [[["Phụ lục"]], null],
  ])("%j → %p", (values, year) => expect(detectYear({ values })).toBe(year));
});

describe("any grid (seeded fuzzing)", () => {
  const pool: RawCell[] = [
    null,
    undefined,
    "",
    "TT",
    "Tên chỉ tiêu",
    "Chỉ tiêu",
    "Kết quả đạt được",
    "Tự đánh giá",
    OWN_HEADERS[0],
    "I",
    "II",
    "1",
    "1.1",
    "3.1.",
    1.1,
    3,
    0.544,
    "Chính quyền số",
    "Tỷ lệ dân số trưởng thành có điện thoại thông minh",
    "CBCC xã có hộp thư điện tử công vụ",
    "(1)",
    "Có",
    "=1+1",
    "Tổng cộng",
    new Date(2023, 4, 30),
    true,
    { error: "#N/A" },
    "x".repeat(300),
  ];
  const grid = fc.array(fc.array(fc.constantFrom(...pool), { maxLength: 7 }), { maxLength: 25 });

  it("never throws; rows lie under the header, in order, within the table", () => {
    fc.assert(
      fc.property(grid, (values) => {
        const a = readAnnex("Fuzz", { values }, { sets });
        if ("skipped" in a) return typeof a.skipped === "string" && a.skipped.length > 0;
        const rows = a.rows.map((r) => r.row);
        const sorted = rows.every((r, i) => i === 0 || r > rows[i - 1]!);
        const inside = rows.every((r) => r > a.headerRow && r <= a.lastRow && r < values.length);
        const ownRight = Object.values(a.columns).every((c) => c !== a.ownColumn);
        return sorted && inside && ownRight && a.problems.every((p) => p.message.includes('Trang "Fuzz"'));
      }),
      { seed: 3011, numRuns: 1500 },
    );
  });
});
