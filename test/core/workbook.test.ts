import * as core from "../../shared";
import { OWN_HEADERS, STATUS_RULES, SUMMARY_SHEET } from "../../shared/labels";
import { a1 } from "../../shared/text";
import type {
  EditPlan,
  Grid,
  PlanCell,
  RawCell,
  SheetPlan,
  StatusCode,
  SummaryPlan,
} from "../../shared/types";
import {
  detectAnnexes,
  gradeWorkbook,
  planClear,
  SUMMARY_SHEET_REASON,
  type SheetInput,
} from "../../shared/report/workbook";

// a commune annex shaped like the 2023 reports: title rows, a header, group rows, a header repeated at a
// page break, IDs as text, results as text, fractions, percent-formatted numbers, words and an error
type Line = [id: RawCell, name: string, unit: string, target: string, result: RawCell, notes?: string];
const PERCENT = "0%";
const TITLE: RawCell[][] = [
  ["PHỤ LỤC 01"],
  ["KẾT QUẢ THỰC HIỆN CÁC TIÊU CHÍ CHUYỂN ĐỔI SỐ CẤP XÃ NĂM 2023"],
  ["(Kèm theo Báo cáo của UBND xã Hoằng Phụ)"],
  [],
];
const HEADER = [
  "TT",
  "Tên chỉ tiêu",
  "Đơn vị tính",
  "Chỉ tiêu cụ thể",
  "Kết quả đạt được",
  "Khó khăn, vướng mắc",
];
const BODY: (Line | RawCell[])[] = [
  ["1", "Chính quyền số"],
  [
    "1.1",
    "Xây dựng, triển khai các chỉ tiêu chuyển đổi số theo giai đoạn và hàng năm",
    "Có/Không",
    "Có",
    "Có",
  ],
  [
    "1.2",
    "Lãnh đạo, cán bộ công chức chỉ đạo, điều hành, xử lý công việc hoàn toàn trên môi trường điện tử",
    "%",
    "100%",
    "100%",
  ],
  [
    "1.3",
    "Văn bản, hồ sơ công việc được tạo lập, xử lý, ký số trên môi trường điện tử (trừ văn bản mật)",
    "%",
    "100%",
    "95%",
  ],
  ["1.4", "Cán bộ, công chức cấp xã có hộp thư điện tử công vụ", "%", "100%", 1],
  [
    "1.5",
    "Hồ sơ thủ tục hành chính được tiếp nhận, cập nhật, xử lý trên Hệ thống một cửa điện tử",
    "%",
    "100%",
    "433/448",
  ],
  ["1.6", "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến", "%", "", "82,32%"],
  [
    "1.7",
    "Nền tảng số giao tiếp, tiếp nhận phản ánh, kiến nghị của người dân (Zalo, trang thông tin điện tử)",
    "Có/Không",
    "Có",
    "Có",
  ],
  [
    "1.8",
    "Khai thác cơ sở dữ liệu chuyên ngành, phần mềm, nền tảng dùng chung",
    "Có/Không",
    "Có",
    "Đã triển khai",
  ],
  ["1.9", "Trang thông tin điện tử tuân theo Nghị định 42/2022/NĐ-CP", "Có/Không", "Có", "Đang xây dựng"],
  [
    "1.10",
    "Tuyên truyền, đào tạo, tập huấn kỹ năng số cho cán bộ, công chức, người lao động",
    "Có/Không",
    "Có",
    "Có",
  ],
  ["1.11", "Chỉ tiêu khác của chính quyền số", "", "", "Năm 2023 không tổ chức đánh giá"],
  HEADER,
  ["2", "Kinh tế số"],
  [
    "2.1",
    "Tuyên truyền chuyển đổi số, kinh tế số cho doanh nghiệp, hộ kinh doanh, người dân",
    "Có/Không",
    "Có",
    "Có",
  ],
  ["2.2", "Sản phẩm lợi thế, sản phẩm OCOP được quảng bá trên internet", "Có/Không", "Có", "48/48 sản phẩm"],
  [
    "2.3",
    "Hỗ trợ đưa sản phẩm OCOP, sản phẩm lợi thế lên sàn thương mại điện tử (postmart.vn, voso.vn)",
    "Có/Không",
    "Có",
    "Đang triển khai",
  ],
  [
    "2.4",
    "Tỷ lệ doanh nghiệp, hộ kinh doanh, người dân sử dụng thanh toán không dùng tiền mặt",
    "%",
    "60%",
    "54,4%",
  ],
  ["2.5", "Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử", "%", "50%", "2.050/3.200 = 64,1%"],
  ["2.6", "Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số", "%", "55%", "> 90%"],
  ["3", "Xã hội số"],
  [
    "3.1",
    "Tỷ lệ người trong độ tuổi lao động được tuyên truyền, đào tạo kỹ năng số cơ bản",
    "%",
    "",
    "22,58 %",
  ],
  ["3.2", "Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản thanh toán", "%", "75%", "79,%"],
  ["3.3", "Tỷ lệ thuê bao di động thông minh sử dụng phần mềm an toàn thông tin cơ bản", "%", "55%", 0.6],
  ["3.4", "Tỷ lệ dân số trưởng thành có điện thoại thông minh", "%", "65%", "8.032/ 8055"],
  [
    "3.5",
    "Tỷ lệ người dân có hồ sơ sức khỏe điện tử được cập nhật thường xuyên",
    "%",
    "95%",
    "theo số liệu của trạm y tế",
  ],
  [
    "3.6",
    "Tỷ lệ dân số trưởng thành sử dụng dịch vụ tư vấn sức khỏe, khám chữa bệnh từ xa",
    "%",
    "10%",
    "12%",
  ],
  [
    "3.7",
    "Trường tiểu học đến trung học cơ sở hoàn thiện mô hình quản trị số, học liệu số",
    "%",
    "100%",
    "100%",
  ],
  ["3.8", "Tỷ lệ cơ sở giáo dục nhận học phí không dùng tiền mặt", "%", "50%", ""],
  ["3.9", "Tỷ lệ người dân có tài khoản định danh điện tử", "%", "50%", "68/68"],
  ["3.10", "Tỷ lệ dân số trưởng thành có chữ ký số hoặc chữ ký điện tử cá nhân", "%", "30%", "25%"],
  ["3.11", "Tỷ lệ dân số trưởng thành sử dụng dịch vụ công trực tuyến", "%", "20%", "20%"],
  ["3.12", "Tỷ lệ hộ gia đình trả tiền điện không dùng tiền mặt", "%", "60%", { error: "#N/A" }],
  ["4", "Hạ tầng số"],
  ["4.1", "Cáp quang băng rộng, mạng 4G/5G sẵn sàng đến hộ gia đình", "%", "100%", "100%"],
  [
    "4.2",
    "Hạ tầng, thiết bị công nghệ thông tin tại UBND xã đáp ứng phương án an toàn thông tin theo cấp độ",
    "",
    "Đáp ứng",
    "Đáp ứng",
  ],
  ["4.3", "100% cán bộ, công chức có máy tính phục vụ công việc", "%", "100%", "14/14"],
  ["4.4", "Hệ thống hội nghị truyền hình trực tuyến xã – huyện – tỉnh – trung ương", "Có/Không", "Có", "Có"],
  ["4.5", "Điểm wifi công cộng tại các địa điểm quan trọng", "Có/Không", "Có", "8 điểm"],
  ["4.6", "Camera an ninh kết nối UBND xã hoặc công an xã", "Có/Không", "Có", "32 mắt camera"],
  ["4.7", "Đài truyền thanh ứng dụng viễn thông – công nghệ thông tin", "Có/Không", "Có", "Không"],
  ["4.8", "Điểm bưu chính, viễn thông trở thành điểm tư vấn, hỗ trợ chuyển đổi số", "Có/Không", "Có", "Có"],
];
const EXPECTED: Record<string, StatusCode> = {
  "1.1": "DAT",
  "1.2": "DAT",
  "1.3": "KHONG_DAT",
  "1.4": "DAT",
  "1.5": "KHONG_DAT",
  "1.6": "CAN_XEM_XET",
  "1.7": "DAT",
  "1.8": "DAT",
  "1.9": "DANG_THUC_HIEN",
  "1.10": "DAT",
  "1.11": "KHONG_DANH_GIA",
  "2.1": "DAT",
  "2.2": "DAT",
  "2.3": "DANG_THUC_HIEN",
  "2.4": "KHONG_DAT",
  "2.5": "DAT",
  "2.6": "DAT",
  "3.1": "CAN_XEM_XET",
  "3.2": "CAN_XEM_XET",
  "3.3": "DAT",
  "3.4": "DAT",
  "3.5": "CAN_XEM_XET",
  "3.6": "DAT",
  "3.7": "DAT",
  "3.8": "CAN_XEM_XET",
  "3.9": "DAT",
  "3.10": "KHONG_DAT",
  "3.11": "DAT",
  "3.12": "CAN_XEM_XET",
  "4.1": "DAT",
  "4.2": "DAT",
  "4.3": "DAT",
  "4.4": "DAT",
  "4.5": "DAT",
  "4.6": "DAT",
  "4.7": "KHONG_DAT",
  "4.8": "KHONG_DANH_GIA",
};
const HEADER_ROW = TITLE.length;
const FIRST_BODY_ROW = HEADER_ROW + 1;

/** the annex grid; `edit` changes body lines before they are laid out */
function annexGrid(edit: (line: RawCell[], id: string) => RawCell[] = (l) => l): Grid {
  const values: RawCell[][] = [...TITLE.map((r) => [...r]), [...HEADER]];
  const formats: (string | undefined)[][] = values.map(() => []);
  for (const line of BODY) {
    const id = String(line[0]);
    const cells = edit([...line], id);
    values.push(cells);
    formats.push(typeof cells[4] === "number" ? [undefined, undefined, undefined, undefined, PERCENT] : []);
  }
  return { values, formats };
}

function rowOfId(id: string): number {
  return FIRST_BODY_ROW + BODY.findIndex((l) => l[0] === id && l.length > 2);
}

/** applies a sheet plan the way a host would: every cell of the block written as given (null = empty) */
function applySheetPlan(grid: Grid, plan: SheetPlan): Grid {
  const values = grid.values.map((r) => [...r]);
  for (const block of plan.writes)
    block.values.forEach((line, i) => {
      const r = block.row + i;
      while (values.length <= r) values.push([]);
      line.forEach((cell, j) => {
        const row = values[r]!;
        while (row.length < block.col + j) row.push(null);
        row[block.col + j] = cell;
      });
    });
  return { values, ...(grid.formats ? { formats: grid.formats } : {}) };
}

function applyPlan(sheets: readonly SheetInput[], plan: EditPlan): SheetInput[] {
  const out = sheets
    .filter((s) => s.name !== SUMMARY_SHEET)
    .map((s) => {
      const p = plan.sheets.find((x) => x.sheet === s.name);
      return p ? { name: s.name, grid: applySheetPlan(s.grid, p) } : s;
    });
  return plan.summary ? [...out, { name: SUMMARY_SHEET, grid: summaryGrid(plan.summary) }] : out;
}

function summaryGrid(summary: SummaryPlan): Grid {
  return { values: summary.values.map((l) => l.map((c: PlanCell) => c)) };
}

/** empties an area the way clearing does */
function clearArea(grid: Grid, area: { row: number; col: number; rows: number; cols: number }): Grid {
  const values = grid.values.map((r, i) =>
    i >= area.row && i < area.row + area.rows
      ? r.map((c, j) => (j >= area.col && j < area.col + area.cols ? null : c))
      : [...r],
  );
  return { values, ...(grid.formats ? { formats: grid.formats } : {}) };
}

/** cell values without trailing empties, for comparing grids */
function trimmed(grid: Grid): RawCell[][] {
  const rows = grid.values.map((r) => {
    const out = [...r];
    while (out.length && (out[out.length - 1] === null || out[out.length - 1] === undefined)) out.pop();
    return out;
  });
  while (rows.length && rows[rows.length - 1]!.length === 0) rows.pop();
  return rows;
}

const SHEET: SheetInput = { name: "Xã Hoằng Phụ", grid: annexGrid() };

describe("gradeWorkbook on a seed-like annex", () => {
  // computed per test, not in the describe body: mutation testing's per-test coverage sees it (npm run mutate)
  let report: ReturnType<typeof gradeWorkbook>["report"];
  let plan: ReturnType<typeof gradeWorkbook>["plan"];
  let sheet: (typeof report.sheets)[number];
  beforeEach(() => {
    ({ report, plan } = gradeWorkbook([SHEET]));
    sheet = report.sheets[0]!;
  });

  it("detects the 2023 criteria set and the year from the title rows", () => {
    expect(report.sheets).toHaveLength(1);
    expect(sheet.criteriaSet?.id).toBe("tt-xa-2023");
    expect(sheet.setReason).not.toBe("");
    expect(sheet.year).toBe(2023);
  });

  it("grades every criterion row as the domain rules say", () => {
    expect(Object.fromEntries(sheet.rows.map((r) => [r.id, r.status]))).toEqual(EXPECTED);
  });

  it("matches each row to the criterion its ID and name point at", () => {
    expect(sheet.rows.map((r) => r.criterionId)).toEqual(Object.keys(EXPECTED));
    expect(sheet.problems.filter((p) => p.code === "DUPLICATE_ID")).toEqual([]);
  });

  it("keeps each row's place, text and target", () => {
    const r24 = sheet.rows.find((r) => r.id === "2.4")!;
    expect(r24).toMatchObject({
      row: rowOfId("2.4"),
      group: "2",
      criterionId: "2.4",
      label: "Không đạt",
      value: "54,4%",
    });
    expect(r24.resultCell).toEqual({ row: rowOfId("2.4"), col: 4 });
    expect(r24.target).toBe("≥ 60%");
    expect(r24.reason).toContain("54,4%");
    expect(sheet.rows.find((r) => r.id === "1.4")!.value).toBe("100%");
  });

  it("counts per group and overall", () => {
    const s = sheet.summary;
    expect(s.groups.map((g) => [g.id, g.evaluated, g.met, g.notEvaluated])).toEqual([
      ["1", 10, 6, 1],
      ["2", 6, 4, 0],
      ["3", 12, 6, 0],
      ["4", 7, 6, 1],
    ]);
    expect(s.total).toMatchObject({
      evaluated: 35,
      met: 22,
      notMet: 5,
      underWay: 2,
      toReview: 6,
      notEvaluated: 2,
    });
    expect(s.complete).toBe(false);
    expect(s.unmet.map((r) => r.id)).toEqual(
      Object.keys(EXPECTED).filter((id) => EXPECTED[id] !== "DAT" && EXPECTED[id] !== "KHONG_DANH_GIA"),
    );
  });

  it("names the sheet, the cell and the value of unreadable and error results", () => {
    const e32 = a1(rowOfId("3.2"), 4);
    const unreadable = sheet.problems.find((p) => p.cell === e32)!;
    expect(unreadable).toMatchObject({ code: "UNREADABLE_VALUE", sheet: SHEET.name, value: "79,%" });
    expect(unreadable.message).toMatch(new RegExp(`^Trang "Xã Hoằng Phụ", ô ${e32} \\(3\\.2\\): "79,%" \\S`));
    const error = sheet.problems.find((p) => p.cell === a1(rowOfId("3.12"), 4))!;
    expect(error).toMatchObject({ code: "ERROR_VALUE", value: "#N/A" });
    expect(error.message).toContain('"#N/A"');
  });

  it("plans the own columns right of the table, blank on group and repeated header rows", () => {
    const p = plan.sheets[0]!;
    const lastRow = FIRST_BODY_ROW + BODY.length - 1;
    expect(p.own).toEqual({ row: HEADER_ROW, col: 6, rows: lastRow - HEADER_ROW + 1, cols: 2 });
    const block = p.writes[0]!.values;
    expect(block[0]).toEqual([...OWN_HEADERS]);
    expect(block[1]).toEqual([null, null]); // group row "1 Chính quyền số"
    expect(block[rowOfId("1.11") + 1 - HEADER_ROW]).toEqual([null, null]); // repeated header
    expect(block[rowOfId("2.4") - HEADER_ROW]![0]).toBe("Không đạt");
    expect(block[rowOfId("2.4") - HEADER_ROW]![1]).toContain("54,4%");
    expect(p.formats).toEqual([
      { area: { row: HEADER_ROW + 1, col: 6, rows: p.own.rows - 1, cols: 1 }, rules: STATUS_RULES },
    ]);
    expect(plan.summary?.sheet).toBe(SUMMARY_SHEET);
  });
});

describe("re-grading and clearing", () => {
  let first: ReturnType<typeof gradeWorkbook>;
  let graded: ReturnType<typeof applyPlan>;
  beforeEach(() => {
    first = gradeWorkbook([SHEET]);
    graded = applyPlan([SHEET], first.plan);
  });

  it("gives the same plan and report when run on its own output, own columns in the same place", () => {
    const second = gradeWorkbook(graded);
    expect(second.plan).toEqual(first.plan);
    expect(second.report.sheets).toEqual(first.report.sheets);
    expect(second.report.skipped).toEqual([{ name: SUMMARY_SHEET, reason: SUMMARY_SHEET_REASON }]);
    const third = gradeWorkbook(applyPlan(graded, second.plan));
    expect(third.plan).toEqual(first.plan);
  });

  it("gives the same plan for several communes, summary sheet and roll-up included", () => {
    const two: SheetInput[] = [SHEET, { name: "Xã B", grid: annexGrid() }];
    const once = gradeWorkbook(two);
    const twice = gradeWorkbook(applyPlan(two, once.plan));
    expect(twice.plan).toEqual(once.plan);
    expect(twice.report).toEqual({
      ...once.report,
      skipped: [{ name: SUMMARY_SHEET, reason: SUMMARY_SHEET_REASON }],
    });
  });

  it("re-grading after a result changed updates the own columns in place", () => {
    const edited = graded.map((s) =>
      s.name === SHEET.name
        ? {
            name: s.name,
            grid: {
              ...s.grid,
              values: s.grid.values.map((l, i) =>
                i === rowOfId("2.4") ? l.map((c, j) => (j === 4 ? "64,4%" : c)) : l,
              ),
            },
          }
        : s,
    );
    const again = gradeWorkbook(edited);
    expect(again.plan.sheets[0]!.own).toEqual(first.plan.sheets[0]!.own);
    expect(again.report.sheets[0]!.rows.find((r) => r.id === "2.4")!.status).toBe("DAT");
  });

  it("covers earlier own cells when the table got shorter", () => {
    const shorter = graded[0]!.grid.values.slice(0, rowOfId("4.6") + 1);
    const tail = graded[0]!.grid.values
      .slice(rowOfId("4.6") + 1)
      .map((l) => l.map((c, j) => (j >= 6 ? c : null)));
    const again = gradeWorkbook([{ name: SHEET.name, grid: { values: [...shorter, ...tail] } }]);
    const own = again.plan.sheets[0]!.own;
    expect(own.row + own.rows).toBe(first.plan.sheets[0]!.own.row + first.plan.sheets[0]!.own.rows);
    expect(again.plan.sheets[0]!.writes[0]!.values.slice(-2)).toEqual([
      [null, null],
      [null, null],
    ]);
  });

  it("planClear finds exactly the own columns and the summary sheet", () => {
    const clear = planClear(graded);
    expect(clear).toEqual({
      sheets: [{ sheet: SHEET.name, own: first.plan.sheets[0]!.own }],
      summarySheet: SUMMARY_SHEET,
    });
    expect(planClear([SHEET])).toEqual({ sheets: [], summarySheet: null });
  });

  it("planClear leaves a signature block under the own columns alone", () => {
    const values = graded[0]!.grid.values.map((l) => [...l]);
    values.push([], [null, null, null, null, null, null, "Chủ tịch UBND xã", "(ký, ghi rõ họ tên)"]);
    const own = planClear([{ name: SHEET.name, grid: { values } }]).sheets[0]!.own;
    expect(own).toEqual(first.plan.sheets[0]!.own);
    expect(gradeWorkbook([{ name: SHEET.name, grid: { values } }]).plan.sheets[0]!.own).toEqual(own);
  });

  it("clearing the own area gives back the sheet as it was", () => {
    const own = planClear(graded).sheets[0]!.own;
    expect(trimmed(clearArea(graded[0]!.grid, own))).toEqual(trimmed(SHEET.grid));
  });
});

describe("several communes", () => {
  it("grade each sheet as it would be graded alone", () => {
    const other = annexGrid((line, id) =>
      id === "2.4" ? [line[0], line[1], line[2], line[3], "64,4%"] : line,
    );
    const both = gradeWorkbook([SHEET, { name: "Xã B", grid: other }]).report.sheets;
    expect(both.map((s) => s.name)).toEqual([SHEET.name, "Xã B"]);
    expect(both[0]!.rows).toEqual(gradeWorkbook([SHEET]).report.sheets[0]!.rows);
    expect(both[1]!.rows).toEqual(gradeWorkbook([{ name: "Xã B", grid: other }]).report.sheets[0]!.rows);
    expect(both[1]!.rows.find((r) => r.id === "2.4")!.status).toBe("DAT");
    expect(both[1]!.problems.map((p) => p.message)).toEqual(
      both[0]!.problems.map((p) => p.message.replace(SHEET.name, "Xã B")),
    );
  });
});

describe("user text never leaks into the add-in's own strings", () => {
  it("a formula-like note does not change the plan", () => {
    const noted = annexGrid((line, id) => {
      if (id !== "2.4") return line;
      const out = [...line];
      out[5] = "=1+1";
      return out;
    });
    const base = gradeWorkbook([SHEET]);
    const withNote = gradeWorkbook([{ name: SHEET.name, grid: noted }]);
    expect(withNote.plan.sheets).toEqual(base.plan.sheets);
  });

  it("a formula-like result is graded as text, and its own cells are plain strings", () => {
    const edited = annexGrid((line, id) =>
      id === "3.7" ? [line[0], line[1], line[2], line[3], "=1+1"] : line,
    );
    const { report, plan } = gradeWorkbook([{ name: SHEET.name, grid: edited }]);
    expect(report.sheets[0]!.rows.find((r) => r.id === "3.7")!.status).toBe("CAN_XEM_XET");
    const ownRow = plan.sheets[0]!.writes[0]!.values[rowOfId("3.7") - HEADER_ROW]!;
    expect(ownRow[0]).toBe("Cần xem xét");
    expect(typeof ownRow[1]).toBe("string");
  });
});

describe("sheets that are not graded", () => {
  const sheets: SheetInput[] = [
    { name: "Trống", grid: { values: [] } },
    {
      name: "Ghi chú",
      grid: { values: [["Báo cáo kết quả chuyển đổi số"], ["Nội dung văn bản, không có bảng."]] },
    },
    { name: SUMMARY_SHEET, grid: { values: [["TỔNG HỢP"]] } },
    SHEET,
  ];
  // the summary sheet is the add-in's by its mark (a sheet merely bearing the name is a user's)
  const marks = { summary: SUMMARY_SHEET };
  let report: ReturnType<typeof gradeWorkbook>["report"];
  let plan: ReturnType<typeof gradeWorkbook>["plan"];
  beforeEach(() => {
    ({ report, plan } = gradeWorkbook(sheets, { marks }));
  });

  it("are listed with a Vietnamese reason, and nothing is planned for them", () => {
    expect(report.skipped.map((s) => s.name)).toEqual(["Trống", "Ghi chú", SUMMARY_SHEET]);
    for (const s of report.skipped) expect(s.reason).toMatch(/\p{L}{2,}/u);
    expect(report.skipped[2]!.reason).toBe(SUMMARY_SHEET_REASON);
    expect(plan.sheets.map((p) => p.sheet)).toEqual([SHEET.name]);
  });

  it("leave no summary when nothing was graded", () => {
    const none = gradeWorkbook(sheets.slice(0, 3), { marks });
    expect(none.report.sheets).toEqual([]);
    expect(none.plan).toEqual({ sheets: [], summary: null });
  });

  it("detectAnnexes tells the task pane which sheets hold an annex", () => {
    const found = detectAnnexes(sheets, { marks });
    expect(found.map((f) => [f.name, f.annex])).toEqual([
      ["Trống", false],
      ["Ghi chú", false],
      [SUMMARY_SHEET, false],
      [SHEET.name, true],
    ]);
    expect(found[3]).toMatchObject({ criteriaSet: { id: "tt-xa-2023" }, year: 2023 });
    expect(found[2]!.reason).toBe(SUMMARY_SHEET_REASON);
    expect(detectAnnexes([SHEET], { year: 2024 })[0]!.year).toBe(2024);
  });
});

describe("the grading year", () => {
  it("comes from the option before the title rows", () => {
    const { report } = gradeWorkbook([SHEET], { year: 2024 });
    expect(report.sheets[0]!.year).toBe(2024);
  });

  it("falls back to the current year when the title names none", () => {
    const untitled = { name: "X", grid: { values: annexGrid().values.slice(HEADER_ROW) } };
    const { report } = gradeWorkbook([untitled]);
    expect(report.sheets[0]!.year).toBe(new Date().getFullYear());
  });
});

describe("shared/index", () => {
  it("re-exports the API every host codes against", () => {
    const api = [
      "gradeWorkbook",
      "detectAnnexes",
      "planClear",
      "summarize",
      "planSheet",
      "planSummary",
      "readAnnex",
      "detectYear",
      "readValue",
      "cellText",
      "valueProblem",
      "readTarget",
      "targetText",
      "gradeValue",
      "gradeRow",
      "cdsDat",
      "findSet",
      "parseCriteriaSet",
      "fold",
      "a1",
      "looksLikeFormula",
    ] as const;
    for (const name of api) expect(typeof (core as Record<string, unknown>)[name]).toBe("function");
    expect(core.BUILTIN_SETS.map((s) => s.id)).toEqual(expect.arrayContaining(["tt-xa-2023", "tt-xa-2022"]));
    expect(core.SUMMARY_SHEET).toBe(SUMMARY_SHEET);
    expect(core.STATUS_CODES).toHaveLength(5);
  });
});

describe("warnings found while reading the table", () => {
  it("reach the graded row and its reason column", () => {
    const grid: Grid = {
      values: [
        ["TT", "Tên chỉ tiêu", "Chỉ tiêu cụ thể", "Kết quả đạt được"],
        ["1.4", "Tỷ lệ hồ sơ TTHC tiếp nhận, giải quyết trực tuyến", "60%", "96,6%"],
        ["1.5", "Hồ sơ TTHC tiếp nhận, cập nhật, xử lý trên Hệ thống một cửa điện tử", "100%", "849/849"],
      ],
    };
    const { report, plan } = core.gradeWorkbook([{ name: "Xã A", grid }], {
      setId: "tt-xa-2023",
      year: 2023,
    });
    const row = report.sheets[0]!.rows[0]!;
    expect(row.criterionId).toBe("1.6");
    expect(row.warnings.map((w) => w.code)).toContain("NAME_MISMATCH");
    expect(report.sheets[0]!.rows[1]!.warnings).toEqual([]);
    const reasonCell = plan.sheets[0]!.writes[0]!.values[1]![1];
    expect(String(reasonCell)).toContain("tên khớp chỉ tiêu 1.6");
  });
});
