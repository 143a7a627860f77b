/**
 * Criterion names and figures as the seed reports print them, and grid builders for table tests.
 * 2023 names: xã Quảng Ngọc (Quảng Xương) and xã Hoằng Phụ (Hoằng Hóa) reports, 2023.
 * 2022-list names: phường Bắc Sơn (Bỉm Sơn) report, 6 tháng đầu năm 2023.
 */
import { parseA1 } from "../../shared/text";
import type { Grid, RawCell } from "../../shared/types";

/** `adr("B3")` → { row: 2, col: 1 } */
export function adr(address: string): { row: number; col: number } {
  const p = parseA1(address);
  if (!p) throw new Error(`not an address: ${address}`);
  return p;
}

/** the raw value at an A1 address */
export function at(grid: Grid, address: string): RawCell {
  const { row, col } = adr(address);
  return grid.values[row]?.[col];
}

/** xã Quảng Ngọc's wording of the QĐ 1829/2023 criteria (id → name as printed) */
export const NAMES_2023_QUANG_NGOC: readonly (readonly [string, string])[] = [
  [
    "1.1",
    "Xây dựng và tổ chức triển khai thực hiện các chỉ tiêu về chuyển đổi số theo giai đoạn và hàng năm.",
  ],
  [
    "1.2",
    "Lãnh đạo, công chức trên địa bàn cấp xã chỉ đạo, điều hành, xử lý công việc hoàn toàn trên môi trường điện tử.",
  ],
  [
    "1.3",
    "Các văn bản, hồ sơ công việc được tạo lập, xử lý, ký số trên môi trường điện tử (trừ văn bản mật)",
  ],
  ["1.4", "Cán bộ, công chức xã có hộp thư điện tử công vụ của cơ quan nhà nước cấp."],
  ["1.5", "Hồ sơ TTHC tại UBND cấp xã tiếp nhận, cập nhật, xử lý trên hệ thống thông tin một cửa điện tử."],
  ["1.6", "Tỷ lệ hồ sơ TTHC tiếp nhận, giải quyết trực tuyến ."],
  [
    "1.7",
    "Ứng dụng nền tảng số hỗ trợ chính quyền cấp xã, giao tiếp, tương tác và tiếp nhận các ý kiến phản ánh, kiến nghị của người dân ( Kênh zaloo, trang thông tin điện tử).",
  ],
  [
    "1.8",
    "Khai thác, sử dụng các cơ sở dữ liệu chuyên nghành, phần mềm, nền tảng ứng dụng dùng chung từ Trung ương đến địa phương đảm bảo thông suốt, hiệu quả.",
  ],
  [
    "1.9",
    "Trang thông tin điện tử hoạt động tuân theo quy định Nghị định số 42/2022/NĐ-CP quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà nước trên môi trường mạng",
  ],
  [
    "1.10",
    "Tuyên truyền, đào tạo tập huấn nâng cao nhận thức và kỹ năng số cho đội ngũ cán bộ công chức, người lao động của cơ quan",
  ],
  [
    "2.1",
    "Tuyên truyền nâng cao nhận thức nhận thức cho doanh nghiệp, hộ kinh doanh, sản xuất và người dân về chuyển đổi số, phát triển kinh tế số, mua bán , phân phối hàng hóa dựa trên môi trường mạng.",
  ],
  [
    "2.2",
    "Các sản phẩm, dịch vụ có lợi thế của xã, sản phẩm OCOP được quảng bá, giới thiệu trên mạng internet (Trang thông tin điện tử, mạng xã hội..)",
  ],
  [
    "2.3",
    "Hướng dẫn, hỗ trợ doanh nghiệp, hợp tác xã, hộ kinh doanh, sản xuất và người dân có sản phẩm OCOP,  sản  phẩm  có  lợi  thế  được  đưa  sàn thương mại điện tử postmart.vn, voso.vn và các sàn thương mại điện tử khác.",
  ],
  [
    "2.4",
    "Tỷ lệ doanh nghiệp, tổ chức sử dụng phương tiện thanh toán không dùng tiền mặt qua các kênh thanh toán điện tử.",
  ],
  ["2.5", "Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử trên môi trường mạng đạt theo chỉ tiêu hàng năm."],
  ["2.6", "Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số đạt theo chỉ tiêu giao hàng năm."],
  [
    "3.1",
    "Tỷ lệ người dân trong độ tuổi lao động trên địa bàn xã được thông tin, tuyên truyền, đào tạo kỹ năng số cơ bản đạt theo các chỉ têu giao hàng năm.",
  ],
  [
    "3.2",
    "Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản giao dịch thanh toán tại ngân hàng hoặc tổ chức được phép khác.",
  ],
  [
    "3.3",
    "Tỷ lệ thuê bao điện thoại di động thông minh có sử dụng phần mền an toàn thông tin mạng cơ bản đạt theo các chỉ tiêu giao hàng năm.",
  ],
  ["3.4", "Tỷ lệ dân số trưởng thành có điện thoại thông minh"],
  [
    "3.5",
    "Tỷ lệ người dân có hồ sơ sức khỏe điện tử, được cập nhật, bổ sung thông tin thường xuyên đạt theo các chỉ tiêu giao hàng năm.",
  ],
  [
    "3.6",
    "Tỷ lệ dân số trưởng thành dùng dịch vụ tư vấn sức khỏe trực tuyến, khám chữa bệnh từ xã đạt 10 trở lên.",
  ],
  [
    "3.7",
    "Các trường Tiểu Học đến trường Trung học cơ sở hoàn thiện được mô hình quản trị số, hoạt động số, chuẩn  hóa dữ liệu số, khoa học số mở đạt 100%",
  ],
  [
    "3.8",
    "Tỷ lệ cơ sở giáo dục và đào tạo chấp nhận thanh toán học phí bằng phương thức thanh toán không dùng tiền mặt đạt 50 trở lên.",
  ],
  ["3.9", "Số lượng người dân có tài khoản định danh điện tử  đạt 50 %"],
  ["3.10", "Tỷ lệ dân số ở độ tuổi trưởng thành có chữ ký số hoặc chữ ký điện tử cá nhân đạt 30 % trở lên"],
  ["3.11", "Tỷ lệ dân số trưởng thành có sử dụng dịch vụ công trực tuyến  đạt 20 % trở lên"],
  [
    "3.12",
    "Tỷ lệ gia đình thanh toán tiền điện bằng phương thức thanh toán không dùng tiền mặt đạt 60 % trở lên.",
  ],
  [
    "4.1",
    "Hạ tầng mạng băng rộng cáp quang, mạng thông tin di động 4G/5G sẵn sàng cung cấp dịch vụ đến các hộ gia đình.",
  ],
  [
    "4.2",
    "Hạ tầng và trang thiết bị CNTT tại UBND xã đáp ứng phương án đảm bảo an toàn thông tin theo cấp độ đã được phê duyệt.",
  ],
  ["4.3", "Cán bộ công chức có máy tính phục vụ công việc"],
  [
    "4.4",
    "Có hệ thống hội nghị truyền hình trực tuyến được kết nối thông suốt từ cấp xã đến cấp huyện, tỉnh và Trung ương (Khuyến khích đến cấp thôn)",
  ],
  [
    "4.5",
    "Có điểm phát wifi công cộng tại các địa điểm quan trọng trong xã (như tại UBND  xã Quảng Ngọc, nhà văn hoá thôn, các điểm du lịch…)",
  ],
  ["4.6", "Có hệ thống Camara an ninh được kết nối đến UBND xã hoặc công an xã quản lý và giám sát."],
  ["4.7", "Hệ thống đài truyền thanh có ứng dụng viễn thông CNTT."],
];

/** xã Hoằng Phụ's wording where it differs from Quảng Ngọc's, and the criteria Quảng Ngọc leaves out */
export const NAMES_2023_HOANG_PHU: readonly (readonly [string, string])[] = [
  [
    "1.7",
    "Ứng dụng nền tảng số hỗ trợ chính quyền cấp xã giao tiếp, tương tác và tiếp nhận các ý kiến, phản ánh, kiến nghị của người dân (Kênh zalo, Trang Thông tin điện tử, ...)",
  ],
  [
    "2.4",
    "Tỷ lệ doanh nghiệp, hộ kinh doanh và người dân sử dụng các kênh thanh toán không dùng tiền mặt để giao dịch trực tuyến. Tỷ lệ  đạt từ 60% trở lên.",
  ],
  ["2.5", "Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử, đạt từ 50% trở lên."],
  ["2.6", "Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số. Tỷ lệ  đạt từ 55% trở lên"],
  ["3.1", "Tỷ lệ người dân trong độ tuổi lao động được thông tin, tuyên truyền, đào tạo kỹ năng số cơ bản."],
  [
    "3.6",
    "Tỷ lệ dân số trưởng thành dùng dịch vụ tư vấn sức khỏe trực tuyến, khám chữa bệnh từ xa. (Tỷ lệ đạt từ 10% trở lên)",
  ],
  [
    "3.7",
    "Các trường tiểu học đến trung học cơ sở hoàn thiện được mô hình quản trị số, hoạt động số, chuẩn hóa dữ liệu số, kho học liệu số mở. Có văn bản xác nhận của Phòng GD&ĐT đạt tỷ lệ 100%.",
  ],
  ["3.9", "Số lượng người dân có tài khoản định danh điện tử, đạt 50% trở lên."],
  [
    "3.12",
    "Tỷ lệ hộ gia đình thanh toán tiền điện bằng phương thức thanh toán không dùng tiền mặt, tỷ lệ đạt từ 60% trở lên.",
  ],
  ["4.3", "100% CBCC có máy tính phục vụ công việc"],
  ["4.6", "Có hệ thống Camara an ninh được kết nối đến UBND xã hoặc công an xã để quản lý và giám sát"],
  ["4.7", "Hệ thống đài truyền thanh có ứng dụng viễn thông - CNTT"],
  [
    "4.8",
    "Điểm cung cấp dịch vụ bưu chính, viễn thông tại xã (nếu có) trở thành điểm tư vấn, hỗ trợ, triển khai các dịch vụ chuyển đổi số",
  ],
];

/** the short names of the domain brief's 2023 table */
export const NAMES_2023_SHORT: readonly (readonly [string, string])[] = [
  ["1.1", "Xây dựng, triển khai các chỉ tiêu CĐS theo giai đoạn và hàng năm"],
  ["1.2", "Lãnh đạo, CBCC chỉ đạo, điều hành, xử lý công việc hoàn toàn trên môi trường điện tử"],
  ["1.3", "Văn bản, hồ sơ công việc tạo lập, xử lý, ký số trên môi trường điện tử (trừ văn bản mật)"],
  ["1.4", "CBCC xã có hộp thư điện tử công vụ"],
  ["1.5", "Hồ sơ TTHC tiếp nhận, cập nhật, xử lý trên Hệ thống một cửa điện tử"],
  ["1.6", "Tỷ lệ hồ sơ TTHC tiếp nhận, giải quyết trực tuyến"],
  ["1.7", "Nền tảng số giao tiếp, tiếp nhận phản ánh, kiến nghị của người dân (Zalo, trang TTĐT…)"],
  ["1.8", "Khai thác CSDL chuyên ngành, phần mềm, nền tảng dùng chung"],
  ["1.9", "Trang TTĐT tuân theo Nghị định 42/2022/NĐ-CP"],
  ["1.10", "Tuyên truyền, đào tạo, tập huấn kỹ năng số cho CBCC, người lao động"],
  ["2.1", "Tuyên truyền CĐS, kinh tế số cho doanh nghiệp, hộ kinh doanh, người dân"],
  ["2.2", "Sản phẩm lợi thế, OCOP quảng bá trên internet"],
  ["2.3", "Hỗ trợ đưa sản phẩm OCOP, lợi thế lên sàn TMĐT (postmart.vn, voso.vn…)"],
  ["2.4", "Tỷ lệ DN, hộ kinh doanh, người dân dùng thanh toán không tiền mặt"],
  ["2.5", "Tỷ lệ doanh nghiệp dùng hợp đồng điện tử"],
  ["2.6", "Tỷ lệ doanh nghiệp nhỏ và vừa dùng nền tảng số"],
  ["3.1", "Tỷ lệ người trong độ tuổi lao động được tuyên truyền, đào tạo kỹ năng số cơ bản"],
  ["3.2", "Tỷ lệ dân số từ 15 tuổi có tài khoản thanh toán"],
  ["3.3", "Tỷ lệ thuê bao di động thông minh dùng phần mềm ATTT cơ bản"],
  ["3.4", "Tỷ lệ dân số trưởng thành có điện thoại thông minh"],
  ["3.5", "Tỷ lệ người dân có hồ sơ sức khỏe điện tử cập nhật thường xuyên"],
  ["3.6", "Tỷ lệ dân số trưởng thành dùng tư vấn sức khỏe, khám chữa bệnh từ xa"],
  ["3.7", "Trường tiểu học đến THCS hoàn thiện mô hình quản trị số, học liệu số"],
  ["3.8", "Tỷ lệ cơ sở giáo dục nhận học phí không tiền mặt"],
  ["3.9", "Tỷ lệ người dân có tài khoản định danh điện tử"],
  ["3.10", "Tỷ lệ dân số trưởng thành có chữ ký số / chữ ký điện tử cá nhân"],
  ["3.11", "Tỷ lệ dân số trưởng thành dùng dịch vụ công trực tuyến"],
  ["3.12", "Tỷ lệ hộ gia đình trả tiền điện không tiền mặt"],
  ["4.1", "Cáp quang băng rộng, 4G/5G sẵn sàng đến hộ gia đình"],
  ["4.2", "Hạ tầng, thiết bị CNTT tại UBND xã đáp ứng phương án ATTT theo cấp độ đã phê duyệt"],
  ["4.3", "100% CBCC có máy tính phục vụ công việc"],
  ["4.4", "Hệ thống hội nghị truyền hình trực tuyến xã – huyện – tỉnh – TW"],
  ["4.5", "Điểm wifi công cộng tại địa điểm quan trọng"],
  ["4.6", "Camera an ninh kết nối UBND xã hoặc công an xã"],
  ["4.7", "Đài truyền thanh ứng dụng viễn thông – CNTT"],
  ["4.8", "Điểm bưu chính, viễn thông thành điểm tư vấn, hỗ trợ CĐS"],
];

/** phường Bắc Sơn's wording of the earlier 30-criterion list (no 2.5 in that report) */
export const NAMES_2022_BAC_SON: readonly (readonly [string, string])[] = [
  [
    "1.1",
    "Cán bộ, công chức xã được cấp và thường xuyên sử dụng thư điện tử công vụ của các cơ  quan Nhà nước cấp.",
  ],
  [
    "1.2",
    "Lãnh đạo, cán bộ, công chức trên địa bàn cấp xã chỉ đạo, điều hành, xử lý công việc hoàn toàn trên môi trường điện tử",
  ],
  [
    "1.3",
    "Các văn bản, hồ sơ công việc được tạo lập, xử lý,  ký số trên môi trường điện tử (trừ văn bản mật theo quy định)",
  ],
  [
    "1.4",
    "Hồ sơ TTHC tại UBND cấp xã tiếp nhận xử lý được cập nhật, quản lý và giải quyết trên Hệ thống thông tin một cửa điện tử",
  ],
  ["1.5", "Tỷ lệ hồ sơ TTHC tiếp nhận, giải quyết trực tuyến."],
  [
    "1.6",
    "Ứng dụng nền tảng số hỗ trợ chính quyền cấp  xã giao tiếp, tương tác và tiếp nhận các ý kiến, phản ánh, kiến nghị của người dân thông qua công nghệ số",
  ],
  [
    "1.7",
    "Khai thác, sử dụng các cơ sở dữ liệu chuyên ngành, phần mềm, nền tảng ứng dụng dùng chung từ Trung ương đến địa phương đảm bảo thông suốt, hiệu quả.",
  ],
  [
    "1.8",
    "Triển khai các nền tảng công nghệ, ứng dụng  phòng, chống dịch theo các hướng dẫn của Bộ Y tế và Bộ Thông tin và Truyền thông",
  ],
  [
    "1.9",
    "Trang thông tin điện tử hoạt động tuân theo quy định Nghị định số 42/2022/NĐ-CP quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà nước trên môi trường mạng.",
  ],
  ["1.10", "Thực hiện đảm bảo các chỉ tiêu về Chuyển đổi     số theo từng giai đoạn và hàng năm"],
  [
    "1.11",
    "Tuyên truyền, đào tạo, tập huấn nâng cao nhận  thức và kỹ năng số cho đội ngũ cán bộ công chức, người lao động của cơ quan.",
  ],
  [
    "2.1",
    "Tuyên truyền, nâng cao nhận thức cho doanh nghiệp,hộ kinh doanh, sản xuất và người dân   về chuyển đổi số, phát triển kinh tế, mua bán, phân phối hàng hóa dựa trên môi trường mạng.",
  ],
  [
    "2.2",
    "Các sản phẩm, dịch vụ có lợi thế của phường, sản phẩm OCOP được quảng bá, giới thiệu trên  mạng internet (trang thông tin điện tử, mạng xã  hội,…)",
  ],
  [
    "2.3",
    "Hướng dẫn, hỗ trợ doanh nghiệp, hợp tác xã, hộ  kinh doanh, sản xuất và người dân có sản phẩm OCOP, sản phẩm có lợi thế được đưa sàn thương mại điện tử postmart.vn, voso.vn và các sàn thương mại điện tử khác.",
  ],
  [
    "2.4",
    "Tỷ lệ doanh nghiệp, hộ kinh doanh và người     dân sử dụng các kênh thanh toán không dùng tiền mặt để giao dịch trực tuyến.",
  ],
  [
    "2.6",
    "Doanh nghiệp, Hợp tác xã, Hộ sản xuất, kinh doanh có ứng dụng các nền tảng công nghệ số để thực hiện chuyển đổi số trong quản lý, sản xuất, kinh doanh.",
  ],
  [
    "3.1",
    "Tỷ lệ người dân trong độ tuổi lao động trên địa bàn xã được thông tin, phổ biến, đào tạo về các dịch vụ công trực tuyến, các dịch vụ số (y tế, giáo dục, …).",
  ],
  [
    "3.2",
    "Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản giao dịch thanh toán tại ngân hàng hoặc tổ chức        được phép khác",
  ],
  ["3.3", "Người dân được thông tin, tuyên truyền để bảo   vệ an toàn thông tin trên môi trường mạng."],
  ["3.4", "Tỷ lệ dân số trưởng thành có điện thoại thông  minh."],
  ["3.5", "Tỷ lệ người dân có hồ sơ sức khỏe điện tử."],
  ["4.1", "Hạ tầng mạng băng rộng cáp quang, mạng thông tin di động 4G/5G được phủ đến các hộ gia đình."],
  [
    "4.2",
    "Hạ tầng và trang thiết bị CNTT tại UBND phường được kết nối vào đường truyền số liệu chuyên dùng.",
  ],
  ["4.3", "100% CBCC có máy tính phục vụ công việc."],
  [
    "4.4",
    "Có hệ thống hội nghị truyền hình trực tuyến được kết nối thông suốt từ cấp phường đến cấp huyện, tỉnh và Trung ương",
  ],
  [
    "4.5",
    "Có điểm phát wifi công cộng tại các địa điểm quan trọng trong phường tuỳ thuộc điều kiện (như tại UBND phường, nhà văn hoá , các điểm du lịch,…).",
  ],
  [
    "4.6",
    "Có hệ thống Camara an ninh được kết nối đến UBND phường hoặc công an phường để quản lý và giám sát.",
  ],
  ["4.7", "Hệ thống đài truyền thanh có ứng dụng viễn     thông – CNTT."],
  [
    "4.8",
    "Điểm cung cấp dịch vụ bưu chính, viễn thông tại xã (nếu có) trở thành điểm tư vấn, hỗ trợ, triển khai các dịch vụ chuyển đổi số.",
  ],
];

/** xã Hoằng Phụ's results for 2023, as its report prints them (1.11 and 4.8 not evaluated) */
export const RESULTS_HOANG_PHU: Readonly<Record<string, string>> = {
  "1.1": "Có",
  "1.2": "100%",
  "1.3": "100%",
  "1.4": "14/14",
  "1.5": "849/849 hồ sơ",
  "1.6": "433/448",
  "1.7": "Có",
  "1.8": "Có",
  "1.9": "Có",
  "1.10": "Có",
  "1.11": "Năm 2023 không tổ chức đánh giá",
  "2.1": "439/439",
  "2.2": "Có",
  "2.3": "9/9 sản phẩm",
  "2.4": "61%",
  "2.5": "57%",
  "2.6": "71%",
  "3.1": "2.050/3.200 lao động = 64,1%",
  "3.2": "79%",
  "3.3": "59%",
  "3.4": "70,5%",
  "3.5": "100%",
  "3.6": "Có",
  "3.7": "2/2",
  "3.8": "2/2",
  "3.9": "68%",
  "3.10": "30,7%",
  "3.11": "30,7%",
  "3.12": "64,8%",
  "4.1": "100%",
  "4.2": "Đáp ứng",
  "4.3": "22/22",
  "4.4": "Có",
  "4.5": "8 điểm",
  "4.6": "32 mắt camera",
  "4.7": "Có",
  "4.8": "Không đánh giá",
};

export const GROUPS_2023: readonly (readonly [string, string])[] = [
  ["1", "Chính quyền số"],
  ["2", "Kinh tế số"],
  ["3", "Xã hội số"],
  ["4", "Hạ tầng số"],
];
