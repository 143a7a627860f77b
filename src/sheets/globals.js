// Top-level functions for Apps Script, appended after the bundle (`var CdsSheets = …`) by webpack/sheets.js.
// Apps Script finds menu handlers, google.script.run targets and custom functions only as top-level
// function declarations; the JSDoc of CDS_DAT and CDS_DIEM is what Sheets shows as each function's help.
/* global CdsSheets */
/* eslint-disable @typescript-eslint/no-unused-vars -- Apps Script calls these by name */

/**
 * Thêm menu CĐS khi mở bảng tính.
 * @param {Object} e sự kiện mở
 */
function onOpen(e) {
  CdsSheets.onOpen(e);
}

/**
 * Thêm menu CĐS ngay khi cài tiện ích.
 * @param {Object} e sự kiện cài đặt
 */
function onInstall(e) {
  CdsSheets.onInstall(e);
}

/** Menu: chấm điểm trang đang mở. */
function gradeActiveSheet() {
  CdsSheets.gradeActiveSheet();
}

/** Menu: chấm điểm mọi trang phụ lục. */
function gradeAllSheets() {
  CdsSheets.gradeAllSheets();
}

/** Menu: xóa kết quả do tiện ích ghi. */
function clearResults() {
  CdsSheets.clearResults();
}

/** Menu: tạo trang "Bộ tiêu chí" để sửa bộ tiêu chí dùng khi chấm. */
function createCriteriaSheet() {
  CdsSheets.createCriteriaSheet();
}

/** Menu: tạo trang "Bộ chỉ số" để sửa bộ chỉ số dùng khi kiểm tra biểu mẫu tự chấm điểm. */
function createIndexSheet() {
  CdsSheets.createIndexSheet();
}

/**
 * Bảng điều khiển: tạo trang "Bộ chỉ số".
 * @return {string} thông báo
 */
function createIndexSheetForSidebar() {
  return CdsSheets.createIndexSheetForSidebar();
}

/**
 * Bảng điều khiển: tạo trang "Bộ tiêu chí" theo bộ tiêu chí đang chọn.
 * @param {Object} options bộ tiêu chí (tùy chọn)
 */
function createCriteriaSheetForSidebar(options) {
  return CdsSheets.createCriteriaSheetForSidebar(options);
}

/** Menu: mở bảng điều khiển. */
function showSidebar() {
  CdsSheets.showSidebar();
}

/**
 * Bảng điều khiển: các trang, bộ tiêu chí và năm nhận biết được.
 * @param {Object} options bộ tiêu chí, năm (tùy chọn)
 */
function getSidebarState(options) {
  return CdsSheets.getSidebarState(options);
}

/**
 * Bảng điều khiển: chấm điểm trang đang mở.
 * @param {Object} options bộ tiêu chí, năm (tùy chọn)
 */
function gradeActiveForSidebar(options) {
  return CdsSheets.gradeActiveForSidebar(options);
}

/**
 * Bảng điều khiển: bắt đầu chấm ("grade") hoặc xóa kết quả ("clear") trên mọi trang; làm bước đầu tiên.
 * @param {string} kind "grade" hoặc "clear"
 * @param {Object} options bộ tiêu chí, năm (tùy chọn)
 */
function startRunForSidebar(kind, options) {
  return CdsSheets.startRunForSidebar(kind, options);
}

/**
 * Bảng điều khiển: làm bước tiếp theo của lần chấm (hoặc xóa) đang dở.
 * @param {string} runId mã lần chạy
 */
function continueRunForSidebar(runId) {
  return CdsSheets.continueRunForSidebar(runId);
}

/**
 * Bảng điều khiển: chuyển đến một ô.
 * @param {string} sheet tên trang
 * @param {string} cell địa chỉ ô, như E14
 */
function selectCell(sheet, cell) {
  CdsSheets.selectCell(sheet, cell);
}

/**
 * Chấm một kết quả chuyển đổi số theo chỉ tiêu: Đạt, Không đạt, Đang thực hiện, Không đánh giá hoặc Cần xem xét.
 * Nhận một ô hoặc cả vùng (trả về một nhãn cho mỗi ô).
 *
 * @param {string|number|Array<Array<string|number>>} ket_qua Kết quả đạt được, như "54,4%", "433/448", "Có" (một ô hoặc một vùng).
 * @param {string|number|Array<Array<string|number>>} chi_tieu Chỉ tiêu: "60%", 0,6, "Có" hoặc mã tiêu chí như "3.2" (một ô hoặc vùng cùng kích thước).
 * @param {number} nam [Tùy chọn] Năm đánh giá, như 2023; mặc định là năm hiện tại.
 * @return {string|Array<Array<string>>} Nhãn kết quả chấm.
 * @customfunction
 */
function CDS_DAT(ket_qua, chi_tieu, nam) {
  return CdsSheets.customCdsDat(ket_qua, chi_tieu, nam);
}

/**
 * Tính điểm một chỉ số thành phần của bộ chỉ số chuyển đổi số theo giải trình của xã và cách tính điểm; trả về số
 * điểm (không quá điểm tối đa), hoặc "Cần xem xét – lý do" khi chưa đọc được, "Không tính điểm". Nhận một ô hoặc
 * cả vùng (mỗi dòng một kết quả; dòng không có cách tính điểm để trống).
 *
 * @param {string|Array<Array<string>>} giai_trinh Giải trình kết quả, như "a = 12; b = 15", "BCĐ họp 4 lần", "Trưởng ban là Chủ tịch UBND xã" (một ô hoặc một vùng).
 * @param {string|Array<Array<string>>} cach_tinh Cách xác định và tính điểm, chép từ bộ chỉ số, như "Có: Điểm tối đa; Không: 0 điểm" (một ô hoặc vùng cùng kích thước).
 * @param {number|Array<Array<number>>} diem_toi_da Điểm tối đa của chỉ số thành phần, như 20 (một ô hoặc vùng cùng kích thước).
 * @return {number|string|Array<Array<number|string>>} Số điểm, hoặc lý do cần xem xét.
 * @customfunction
 */
function CDS_DIEM(giai_trinh, cach_tinh, diem_toi_da) {
  return CdsSheets.customCdsDiem(giai_trinh, cach_tinh, diem_toi_da);
}
