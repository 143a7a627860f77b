import {
  COMMUNE_SOURCE_LABELS,
  RESULT_HEADER,
  columnsPerCommune,
  communeInText,
  detectCommune,
  specificName,
  titleRowCount,
} from "../../shared/report/commune";
import type { Grid, RawCell } from "../../shared/types";

const grid = (values: RawCell[][]): Grid => ({ values });

const HEADER: RawCell[] = ["TT", "Tên chỉ tiêu", "Chỉ tiêu", "Kết quả đạt được"];
const ROW: RawCell[] = ["1.2", "Văn bản điện tử", "100%", "98%"];

describe("communeInText", () => {
  it.each([
    ["Trên địa bàn xã Quảng Ngọc năm 2023", "xã Quảng Ngọc"],
    ["UBND xã Quảng Ngọc", "xã Quảng Ngọc"],
    ["trên địa bàn xã Hoằng Phụ, huyện Hoằng Hóa", "xã Hoằng Phụ"],
    ["Kết quả chuyển đổi số 6 tháng đầu năm 2023 Phƣờng Bắc Sơn", "phường Bắc Sơn"],
    ["UBND XÃ QUẢNG NGỌC      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "xã Quảng Ngọc"],
    ["TRÊN ĐỊA BÀN XÃ HOẰNG PHỤ HUYỆN HOẰNG HÓA", "xã Hoằng Phụ"],
    ["Báo cáo của Thị trấn Bút Sơn", "thị trấn Bút Sơn"],
    ["UBND phường 3 báo cáo", "phường 3"],
    ["xã Quảng Thành năm 2023", "xã Quảng Thành"],
    ["ỦY BAN NHÂN DÂN XÃ QUẢNG NGỌC", "xã Quảng Ngọc"],
    ["HUYỆN HOẰNG HÓA\nUBND XÃ HOẰNG PHỤ\nBÁO CÁO", "xã Hoằng Phụ"],
    ["Xã Hoằng Phụ - Hoằng Hóa", "xã Hoằng Phụ"],
    // a numbered commune keeps its number (issue 14 item 8)
    ["UBND XÃ SỐ 5", "xã Số 5"],
    ["UBND xã Số 12. Báo cáo", "xã Số 12"],
    ["Xã Số 5 huyện Mường Lát", "xã Số 5"],
  ])("%s → %s", (text, commune) => {
    expect(communeInText(text)).toBe(commune);
  });

  it.each([
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "các tổ chức chính trị - xã hội",
    "UBND thị xã Bỉm Sơn về việc báo cáo",
    "chuyển đổi số cấp xã Năm 2023",
    "UBND xã ban hành các văn bản",
    "Kết quả chấm điểm",
  ])("no commune in %s", (text) => {
    expect(communeInText(text)).toBeNull();
  });
});

describe("specificName", () => {
  it.each([
    ["Sheet1", ""],
    ["Trang tính1", ""],
    ["Phụ lục", ""],
    ["PL", ""],
    ["PL 01", ""],
    ["Phụ lục 2 - Báo cáo CĐS 2023", ""],
    ["PL2_Hoằng Phụ_2023", "Hoằng Phụ"],
    ["Tân Phú", "Tân Phú"],
    ["bao-cao-cds-Quang-Ngoc", "Quang Ngoc"],
  ])("%s → %j", (name, specific) => {
    expect(specificName(name)).toBe(specific);
  });
});

describe("detectCommune", () => {
  it("reads the title rows first", () => {
    const g = grid([
      ["UBND XÃ QUẢNG NGỌC", null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
      ["BÁO CÁO"],
      ["Trên địa bàn xã Quảng Ngọc năm 2023"],
      HEADER,
      ROW,
    ]);
    expect(detectCommune("Hoằng Phụ", g, "tong-hop.xlsx")).toEqual({
      commune: "xã Quảng Ngọc",
      source: "title",
    });
  });

  it("does not read a commune word inside the table", () => {
    const g = grid([["BÁO CÁO KẾT QUẢ"], HEADER, ["1.1", "Camera kết nối UBND Xã Hoằng Phụ", "Có", "Có"]]);
    expect(titleRowCount(g)).toBe(1);
    expect(detectCommune("Hoằng Lộc", g)).toEqual({ commune: "Hoằng Lộc", source: "sheet" });
  });

  it("uses a specific sheet name, with the unit word lowercase", () => {
    const g = grid([HEADER, ROW]);
    expect(detectCommune("Xã Hoằng Phụ", g)).toEqual({ commune: "xã Hoằng Phụ", source: "sheet" });
    expect(detectCommune("PL - Hoằng Phụ", g, "x.xlsx")).toEqual({ commune: "Hoằng Phụ", source: "sheet" });
  });

  it("falls back to the file name without extension and generic words", () => {
    const g = grid([["BÁO CÁO"], HEADER, ROW]);
    expect(detectCommune("Sheet1", g, "Phu luc 2 - xã Hoằng Lộc.xlsx")).toEqual({
      commune: "xã Hoằng Lộc",
      source: "file",
    });
    expect(detectCommune("Trang tính1", g, "D:\\Phòng VHTT\\PL_Nga_Thanh_2023.xlsx")).toEqual({
      commune: "Nga Thanh",
      source: "file",
    });
  });

  it("keeps the sheet name when nothing specific is found", () => {
    expect(detectCommune("Sheet1", grid([HEADER, ROW]), "phu-luc.xlsx")).toEqual({
      commune: "Sheet1",
      source: "sheet",
    });
  });

  it("labels every source in Vietnamese", () => {
    expect(COMMUNE_SOURCE_LABELS).toEqual({
      title: "tiêu đề",
      sheet: "tên trang",
      file: "tên tệp",
      column: "tiêu đề cột",
    });
  });
});

describe("columnsPerCommune", () => {
  const across: RawCell[][] = [
    ["BẢNG TỔNG HỢP KẾT QUẢ CÁC XÃ NĂM 2023"],
    ["TT", "Tên chỉ tiêu", "Chỉ tiêu", "Xã Hoằng Phụ", "Hoằng Lộc", "Ghi chú"],
    ["2.4", "Tỷ lệ thanh toán không tiền mặt", "60%", "65%", "55%", "số liệu quý IV"],
    ["4.5", "Điểm wifi công cộng", "Có", "Có", "Không", null],
  ];

  it("finds commune columns by unit word or by values, and keeps rows and columns in place", () => {
    const found = columnsPerCommune("Tổng hợp", grid(across))!;
    expect(found.headerRow).toBe(1);
    expect(found.headerRows).toBe(1);
    expect(
      found.communes.map(({ commune, source, col, sheet }) => ({ commune, source, col, sheet })),
    ).toEqual([
      { commune: "xã Hoằng Phụ", source: "column", col: 3, sheet: "Tổng hợp – xã Hoằng Phụ" },
      { commune: "Hoằng Lộc", source: "column", col: 4, sheet: "Tổng hợp – Hoằng Lộc" },
    ]);
    const [a, b] = found.communes;
    expect(a!.grid.values[1]).toEqual(["TT", "Tên chỉ tiêu", "Chỉ tiêu", RESULT_HEADER, null, "Ghi chú"]);
    expect(a!.grid.values[2]).toEqual([
      "2.4",
      "Tỷ lệ thanh toán không tiền mặt",
      "60%",
      "65%",
      null,
      "số liệu quý IV",
    ]);
    expect(b!.grid.values[3]).toEqual(["4.5", "Điểm wifi công cộng", "Có", null, "Không", null]);
    expect(a!.grid.values[0]).toBe(across[0]);
    expect(across[1]![3]).toBe("Xã Hoằng Phụ");
  });

  it("reads commune names under a merged result header", () => {
    const g = grid([
      ["TT", "Tên chỉ tiêu", "Chỉ tiêu cụ thể", "Kết quả thực hiện", null, null],
      [null, null, null, "Xã A", "Xã B", "Phường C"],
      ["2.4", "Tỷ lệ thanh toán không tiền mặt", "60%", "65%", "55%", "70%"],
    ]);
    const found = columnsPerCommune("PL", g)!;
    expect(found.headerRows).toBe(2);
    expect(found.communes.map((c) => c.commune)).toEqual(["xã A", "xã B", "phường C"]);
    expect(found.communes[1]!.grid.values.slice(0, 3)).toEqual([
      ["TT", "Tên chỉ tiêu", "Chỉ tiêu cụ thể", null, RESULT_HEADER, null],
      [null, null, null, null, null, null],
      ["2.4", "Tỷ lệ thanh toán không tiền mặt", "60%", null, "55%", null],
    ]);
  });

  it("leaves an ordinary annex, a single commune column and year columns alone", () => {
    expect(columnsPerCommune("Xã A", grid([["BÁO CÁO"], HEADER, ROW]))).toBeNull();
    expect(
      columnsPerCommune(
        "X",
        grid([
          ["TT", "Tên chỉ tiêu", "Chỉ tiêu", "Xã A", "Ghi chú"],
          ["1.2", "Văn bản", "100%", "98%", "ghi chú dài"],
        ]),
      ),
    ).toBeNull();
    expect(
      columnsPerCommune(
        "X",
        grid([
          ["TT", "Tên chỉ tiêu", "Chỉ tiêu", "Năm 2022", "2023"],
          ["1.2", "Văn bản", "100%", "98%", "99%"],
        ]),
      ),
    ).toBeNull();
  });

  it("does not take a prose column for a commune", () => {
    const g = grid([
      ["TT", "Tên chỉ tiêu", "Chỉ tiêu", "Xã A", "Xã B", "Khó khăn nêu thêm"],
      ["1.2", "Văn bản", "100%", "98%", "100%", "thiếu máy tính"],
      ["1.3", "Hồ sơ", "100%", "97%", "100%", "đường truyền chậm"],
    ]);
    expect(columnsPerCommune("X", g)!.communes.map((c) => c.col)).toEqual([3, 4]);
  });
});

it("does not take an ordinary annex's first data row for commune names", () => {
  const g = grid([
    ["TT", "Tên chỉ tiêu", "Chỉ tiêu", "Kết quả", "Tự đánh giá"],
    ["1.1", "Xây dựng chỉ tiêu CĐS", "Có", "Có", "Đạt"],
    ["1.2", "Văn bản điện tử", "100%", "98%", "Đạt"],
    ["1.3", "Hồ sơ", "100%", "100%", "Đạt"],
  ]);
  expect(columnsPerCommune("Xã A", g)).toBeNull();
  const noIds = grid([
    ["Tên chỉ tiêu", "Chỉ tiêu", "Kết quả", "Ghi chú"],
    [null, null, "Có", "Đạt"],
    ["Văn bản điện tử", "100%", "98%", "Đạt"],
  ]);
  expect(columnsPerCommune("Xã A", noIds)).toBeNull();
});

it("keeps words that only look generic without their diacritics", () => {
  expect(specificName("Dấu bằng")).toBe("Dấu bằng");
  expect(specificName("phu-luc-bang-2")).toBe("");
  expect(specificName("Bảng 2")).toBe("");
});
