/**
 * A seed annex as it reads in Unicode: xã Hoằng Phụ (Hoằng Hóa), 2023, 18 of the 37 criteria with the figures
 * of its report and the criterion names as the 2023 seed reports print them (xã Quảng Ngọc's wording where
 * Hoằng Phụ's is not quoted; 4.4 and 4.5 shortened). One change from the seed: 4.4 answers "Không" (the report:
 * "Có"), so that the table holds a yes/no row that is not met. The legacy fixtures (`annex-legacy.ts`) read back
 * to this grid.
 */
import type { RawCell } from "../../shared/types";

/** the header row, as the annex prints it */
export const HEADER = [
  "TT",
  "Tên chỉ tiêu",
  "Đơn vị tính",
  "Chỉ tiêu cụ thể",
  "Kết quả đạt được",
  "Khó khăn, vướng mắc",
  "Tự đánh giá",
] as const;

/** row index of the header; rows above it are titles, rows below it the body */
export const HEADER_ROW = 4;

/** the annex in Unicode, rows 0–3 titles, row 4 the header, then groups and criteria */
export const ANNEX_UNICODE: readonly (readonly RawCell[])[] = [
  ["UBND XÃ HOẰNG PHỤ", null, null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
  ["PHỤ LỤC"],
  ["KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHUYỂN ĐỔI SỐ CẤP XÃ NĂM 2023"],
  ["(Kèm theo Báo cáo ngày 05/12/2023 của UBND xã Hoằng Phụ)"],
  [...HEADER],
  ["1", "Chính quyền số"],
  [
    "1.1",
    "Xây dựng và tổ chức triển khai thực hiện các chỉ tiêu về chuyển đổi số theo giai đoạn và hàng năm.",
    "Có/Không",
    "Có",
    "Có",
    null,
    "Đạt",
  ],
  [
    "1.2",
    "Lãnh đạo, công chức trên địa bàn cấp xã chỉ đạo, điều hành, xử lý công việc hoàn toàn trên môi trường điện tử.",
    "%",
    "100%",
    "100%",
    null,
    "Đạt",
  ],
  [
    "1.4",
    "Cán bộ, công chức xã có hộp thư điện tử công vụ của cơ quan nhà nước cấp.",
    "Người",
    "100%",
    "14/14",
    null,
    "Đạt",
  ],
  [
    "1.5",
    "Hồ sơ TTHC tại UBND cấp xã tiếp nhận, cập nhật, xử lý trên hệ thống thông tin một cửa điện tử.",
    "Hồ sơ",
    "100%",
    "849/849 hồ sơ",
    null,
    "Đạt",
  ],
  ["1.6", "Tỷ lệ hồ sơ TTHC tiếp nhận, giải quyết trực tuyến.", "%", null, "433/448", null, null],
  [
    "1.7",
    "Ứng dụng nền tảng số hỗ trợ chính quyền cấp xã giao tiếp, tương tác và tiếp nhận các ý kiến, phản ánh, kiến nghị của người dân (Kênh zalo, Trang Thông tin điện tử, ...)",
    "Có/Không",
    "Có",
    "Có",
    null,
    "Đạt",
  ],
  ["1.11", null, null, null, "Năm 2023 không tổ chức đánh giá", null, null],
  ["2", "Kinh tế số"],
  [
    "2.4",
    "Tỷ lệ doanh nghiệp, hộ kinh doanh và người dân sử dụng các kênh thanh toán không dùng tiền mặt để giao dịch trực tuyến. Tỷ lệ đạt từ 60% trở lên.",
    "%",
    "60%",
    "61%",
    null,
    "Đạt",
  ],
  [
    "2.6",
    "Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số. Tỷ lệ đạt từ 55% trở lên",
    "%",
    "55%",
    0.71,
    null,
    "Đạt",
  ],
  ["3", "Xã hội số"],
  [
    "3.1",
    "Tỷ lệ người dân trong độ tuổi lao động được thông tin, tuyên truyền, đào tạo kỹ năng số cơ bản.",
    "%",
    null,
    "2.050/3.200 lao động = 64,1%",
    null,
    null,
  ],
  ["3.4", "Tỷ lệ dân số trưởng thành có điện thoại thông minh", "%", "65%", "70,5%", null, "Đạt"],
  [
    "3.12",
    "Tỷ lệ hộ gia đình thanh toán tiền điện bằng phương thức thanh toán không dùng tiền mặt, tỷ lệ đạt từ 60% trở lên.",
    "%",
    "60%",
    "64,8%",
    null,
    "Đạt",
  ],
  ["4", "Hạ tầng số"],
  [
    "4.2",
    "Hạ tầng và trang thiết bị CNTT tại UBND xã đáp ứng phương án đảm bảo an toàn thông tin theo cấp độ đã được phê duyệt.",
    null,
    "Đáp ứng",
    "Đáp ứng",
    null,
    "Đạt",
  ],
  [
    "4.4",
    "Có hệ thống hội nghị truyền hình trực tuyến được kết nối thông suốt từ cấp xã đến cấp huyện, tỉnh và Trung ương",
    "Có/Không",
    "Có",
    "Không",
    "Chưa có kinh phí đầu tư",
    "Không đạt",
  ],
  [
    "4.5",
    "Có điểm phát wifi công cộng tại các địa điểm quan trọng trong xã",
    "Điểm",
    "Có",
    "8 điểm",
    null,
    "Đạt",
  ],
  [
    "4.6",
    "Có hệ thống Camara an ninh được kết nối đến UBND xã hoặc công an xã để quản lý và giám sát",
    "Mắt",
    "Có",
    "32 mắt camera",
    null,
    "Đạt",
  ],
  ["4.7", "Hệ thống đài truyền thanh có ứng dụng viễn thông - CNTT", "Có/Không", "Có", "Có", null, "Đạt"],
  [
    "4.8",
    "Điểm cung cấp dịch vụ bưu chính, viễn thông tại xã (nếu có) trở thành điểm tư vấn, hỗ trợ, triển khai các dịch vụ chuyển đổi số",
    "Có/Không",
    "Có",
    "Không đánh giá",
    null,
    null,
  ],
];

/** the annex's number formats: the 2.6 result is a number cell shown as a percentage */
export const ANNEX_FORMATS: readonly (readonly (string | null)[])[] = ANNEX_UNICODE.map((row) =>
  row.map((v) => (typeof v === "number" ? "0%" : null)),
);
