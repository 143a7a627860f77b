import {
  COMMUNE_SOURCE_LABELS,
  communeInText,
  detectCommune,
  specificName,
  titleRowCount,
} from "../../shared/commune";
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
    expect(detectCommune("Trang tính1", g, "/tmp/in/PL_Nga_Thanh_2023.xlsx")).toEqual({
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
