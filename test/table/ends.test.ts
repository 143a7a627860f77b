/**
 * The words that end a table and the rows that sum it up (shared/table/ends.ts), and the merged areas Excel
 * hands over as one address (src/excel/adapter.ts).
 */
import {
  FOOTER_STARTS,
  NOTE_STARTS,
  isFooterRow,
  isFooterText,
  isPersonName,
  isTotalText,
  TOTAL_ALONE,
  TOTAL_STARTS,
} from "../../shared/table/ends";
import { mergedAreasOf } from "../../src/excel/adapter";

describe("footer lines", () => {
  it.each([
    "CHỦ TỊCH UBND XÃ",
    "CHỦ TỊCH",
    "KT. CHỦ TỊCH",
    "PHÓ CHỦ TỊCH",
    "TM. ỦY BAN NHÂN DÂN",
    "T/M UBND XÃ",
    "(Ký, đóng dấu)",
    "(Ký, ghi rõ họ tên)",
    "(Ký tên, đóng dấu)",
    "Người lập biểu",
    "NGƯỜI LẬP BIỂU",
    "Nơi nhận:",
    "- Lưu: VT.",
    "Hoằng Phụ, ngày 05 tháng 12 năm 2023",
    "Hoằng Phụ, ngày … tháng … năm …",
    "ngày    tháng    năm 2023",
    "Hoằng Phụ, ngày 20/12/2023",
    "Ngày 5-1-2024",
    "TM. ĐẢNG ỦY",
    "CÔNG CHỨC VĂN PHÒNG - THỐNG KÊ",
    "Ghi chú: Số liệu tính đến ngày 31/12/2023",
    `* Lưu ý: ${"các số liệu trên là số liệu chính thức, ".repeat(5)}`,
    ...FOOTER_STARTS,
    ...NOTE_STARTS,
  ])("%s", (text) => expect(isFooterText(text)).toBe(true));

  it.each([
    "Chủ tịch UBND xã chỉ đạo, điều hành hoàn toàn trên môi trường điện tử và ký số văn bản",
    "Có",
    "100%",
    "Lãnh đạo, công chức chỉ đạo, điều hành",
    "Ngày hội chuyển đổi số",
    "Kế hoạch số 45/KH-UBND ngày 12/3/2023",
    "Công chức có hộp thư điện tử công vụ",
    "Tổng cộng",
    "",
  ])("not: %s", (text) => expect(isFooterText(text)).toBe(false));
});

describe("names and totals", () => {
  it.each(["Nguyễn Văn An", "LÊ VĂN BÌNH", "Trịnh Thị Thu Hà"])("%s is a person's name", (t) =>
    expect(isPersonName(t)).toBe(true),
  );
  it.each(["Có", "Đáp ứng", "14/14", "Kinh tế số", "Nguyễn Văn An 2023"])("%s is not", (t) =>
    expect(isPersonName(t)).toBe(false),
  );
  it.each([
    ...TOTAL_STARTS,
    ...TOTAL_ALONE,
    "Tổng số tiêu chí đạt",
    "TỔNG CỘNG",
    "Cộng:",
    "Đánh giá chung: Xã đạt 30/37 tiêu chí",
    "Tự đánh giá, xếp loại: Hoàn thành",
  ])("%s sums the table up", (t) => expect(isTotalText(t)).toBe(true));
  it.each(["Tỷ lệ hộ gia đình", "Công chức có hộp thư", "Cộng đồng số", "Tổng hợp ý kiến", ""])(
    "%s does not",
    (t) => expect(isTotalText(t)).toBe(false),
  );

  it("a row of signing lines and names is a footer; with a figure it is not", () => {
    expect(isFooterRow([null, "Người lập biểu", null, null, "CHỦ TỊCH UBND XÃ"], [])).toBe(true);
    expect(isFooterRow([null, "Nguyễn Văn An", null, null, "Lê Văn Bình"], [])).toBe(false);
    expect(isFooterRow([null, "Người lập biểu", null, 5, "CHỦ TỊCH"], [])).toBe(false);
    expect(isFooterRow([null, "Người lập biểu", null, "Có"], [])).toBe(false);
    // the add-in's own columns do not count
    expect(isFooterRow(["Nơi nhận:", "Đạt", "lý do"], [1, 2])).toBe(true);
  });
});

describe("Excel's merged areas address", () => {
  it("splits areas, sheet names with commas and quotes, drops single cells", () => {
    expect(mergedAreasOf("'Xã A, B'!A1:F1, 'Xã A, B'!D22:D24, 'Xã A, B'!E5")).toEqual([
      { row: 0, col: 0, rows: 1, cols: 6 },
      { row: 21, col: 3, rows: 3, cols: 1 },
    ]);
    expect(mergedAreasOf("Sheet1!$B$2:$B$3,Sheet1!C4:D4")).toEqual([
      { row: 1, col: 1, rows: 2, cols: 1 },
      { row: 3, col: 2, rows: 1, cols: 2 },
    ]);
    expect(mergedAreasOf("")).toEqual([]);
  });
});
