/**
 * A commune annex as an official keeps it (title rows, header, group rows, text IDs, a percent-formatted
 * number, fractions, words), seeded into the fake Excel. Used by the Node tests, the bench and the browser test.
 */
import type { FakeSheetInit, FakeValue } from "../fakes/office-excel";

type Line = [
  id: string,
  name: string,
  unit: string,
  target: string,
  result: FakeValue | null,
  format?: string,
];

const HEADER = [
  "TT",
  "Tên chỉ tiêu",
  "Đơn vị tính",
  "Chỉ tiêu cụ thể",
  "Kết quả đạt được",
  "Khó khăn, vướng mắc",
];

const BODY: (Line | [string, string])[] = [
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
    0.95,
    "0%",
  ],
  ["1.4", "Cán bộ, công chức cấp xã có hộp thư điện tử công vụ", "%", "100%", "14/14"],
  [
    "1.5",
    "Hồ sơ thủ tục hành chính được tiếp nhận, cập nhật, xử lý trên Hệ thống một cửa điện tử",
    "%",
    "100%",
    "849/849 hồ sơ",
  ],
  [
    "1.7",
    "Nền tảng số giao tiếp, tiếp nhận phản ánh, kiến nghị của người dân (Zalo, trang thông tin điện tử)",
    "Có/Không",
    "Có",
    "Có",
  ],
  ["1.9", "Trang thông tin điện tử tuân theo Nghị định 42/2022/NĐ-CP", "Có/Không", "Có", "Đang xây dựng"],
  ["2", "Kinh tế số"],
  [
    "2.1",
    "Tuyên truyền chuyển đổi số, kinh tế số cho doanh nghiệp, hộ kinh doanh, người dân",
    "Có/Không",
    "Có",
    "Có",
  ],
  [
    "2.4",
    "Tỷ lệ doanh nghiệp, hộ kinh doanh, người dân sử dụng thanh toán không dùng tiền mặt",
    "%",
    "60%",
    0.544,
    "0.0%",
  ],
  ["2.5", "Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử", "%", "50%", "Có triển khai"],
  ["3", "Xã hội số"],
  ["3.2", "Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản thanh toán", "%", "75%", "433/448"],
  ["3.4", "Tỷ lệ dân số trưởng thành có điện thoại thông minh", "%", "65%", "82,32%"],
  ["3.9", "Tỷ lệ người dân có tài khoản định danh điện tử", "%", "50%", "2.050/3.200 = 64,1%"],
  ["4", "Hạ tầng số"],
  ["4.1", "Cáp quang băng rộng, mạng di động 4G/5G sẵn sàng đến hộ gia đình", "%", "100%", "100%"],
  ["4.5", "Điểm wifi công cộng tại các địa điểm quan trọng", "Có/Không", "Có", "8 điểm"],
  ["4.6", "Camera an ninh kết nối với UBND xã hoặc công an xã", "Có/Không", "Có", "Không"],
];

/** the annex of one commune as a fake sheet; `extraRows` repeats criteria rows to make a long table */
export function annexSheet(name: string, commune = "xã Hoằng Phụ", extraRows = 0): FakeSheetInit {
  const values: (FakeValue | null)[][] = [
    ["PHỤ LỤC 01"],
    ["KẾT QUẢ THỰC HIỆN CÁC TIÊU CHÍ CHUYỂN ĐỔI SỐ CẤP XÃ NĂM 2023"],
    [`(Kèm theo Báo cáo của UBND ${commune})`],
    [],
    [...HEADER],
  ];
  const formats: (string | null)[][] = values.map(() => []);
  for (const line of BODY) {
    const [id, nameText, unit, target, result, format] = line as Line;
    values.push(line.length === 2 ? [id, nameText] : [id, nameText, unit, target, result]);
    formats.push(format ? [null, null, null, null, format] : []);
  }
  for (let i = 0; i < extraRows; i++) {
    values.push([`Mục thêm ${i + 1}`, "", "", "", ""]);
    formats.push([]);
  }
  return { name, values, formats };
}

/** where the fixture's rows sit (1-based Excel rows): the header is row 5 */
export const HEADER_ROW = 5;
export const ROW_OF = (id: string): number =>
  HEADER_ROW + 1 + BODY.findIndex((line) => line[0] === id && line.length > 2);
