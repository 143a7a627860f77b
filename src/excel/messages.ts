/**
 * Every sentence the Excel add-in shows, in Vietnamese, and the mapping from Office error codes to them.
 */

/** stable codes of the errors the pane shows; the words live in MESSAGES */
export type ExcelErrorCode =
  | "PROTECTED"
  | "CELL_EDIT"
  | "NO_ANNEX"
  | "CHANGED"
  | "NOT_FOUND"
  | "NAME_UNSUPPORTED"
  | "CRITERIA_SHEET"
  | "INDEX_SHEET"
  | "TOO_LARGE"
  | "FAILED";

function quoted(name: string): string {
  return `“${name}”`;
}

/** how a workbook name the task pane adds is typed in a cell */
function nameUsage(name: string): string {
  return name === "CDS_DIEM"
    ? "=CDS_DIEM(giải trình; cách tính điểm; điểm tối đa)"
    : "=CDS_DAT(kết quả; chỉ tiêu; [năm])";
}

export const MESSAGES = {
  reading: (from: number, to: number, n: number): string =>
    from === to ? `Đang đọc trang ${from}/${n}…` : `Đang đọc trang ${from}–${to}/${n}…`,
  writing: (sheets: readonly string[]): string =>
    sheets.length === 1
      ? `Đang ghi kết quả vào trang ${quoted(sheets[0]!)}…`
      : `Đang ghi kết quả vào ${sheets.length} trang (${quoted(sheets[0]!)} – ${quoted(sheets[sheets.length - 1]!)})…`,
  clearing: (n: number): string => `Đang xóa kết quả trên ${n} trang…`,
  summary: "Đang tạo trang “Tổng hợp CĐS”…",
  graded: (n: number): string => `Đã chấm xong ${n} trang.`,
  skippedLine: (sheet: string, reason: string): string => `Trang ${quoted(sheet)}: ${reason}.`,
  noAnnex: (lines: readonly string[]): string =>
    [
      "Không tìm thấy phụ lục CĐS nào để chấm: cần một bảng có cột tên chỉ tiêu và cột kết quả đạt được, " +
        "hoặc một biểu mẫu tự đánh giá bộ chỉ số (cột điểm tối đa, điểm tự chấm và giải trình).",
      ...lines,
    ].join("\n"),
  markComment: "Do add-in Chấm điểm CĐS tạo: đánh dấu trang của add-in (đừng xóa tên này)",
  activeIsSummary:
    "Trang đang chọn là trang “Tổng hợp CĐS” do add-in tạo, không phải phụ lục. Hãy chọn trang phụ lục của xã, hoặc chọn “Tất cả phụ lục và biểu mẫu trong sổ”.",
  criteriaSheetProblems: (problems: readonly string[]): string =>
    [
      `Chưa chấm: trang “Bộ tiêu chí” có ${problems.length} lỗi (danh sách đầy đủ ở trang “Tổng hợp CĐS”). Hãy sửa rồi chấm lại.`,
      ...problems.slice(0, 5),
      ...(problems.length > 5 ? ["…"] : []),
    ].join("\n"),
  indexSheetProblems: (problems: readonly string[]): string =>
    [
      `Chưa kiểm tra biểu mẫu nào: trang “Bộ chỉ số” có ${problems.length} lỗi (danh sách đầy đủ ở trang “Tổng hợp CĐS”). Hãy sửa rồi chấm lại.`,
      ...problems.slice(0, 5),
      ...(problems.length > 5 ? ["…"] : []),
    ].join("\n"),
  indexSheetAdded: (sheet: string, title: string): string =>
    `Đã tạo trang ${quoted(sheet)} (${title}): dán bảng của quyết định vào dưới dòng DANH SÁCH CHỈ SỐ hoặc sửa điểm tối đa, cách tính điểm; khi chấm, add-in kiểm tra mọi biểu mẫu theo trang này.`,
  indexSheetExists: (sheet: string): string =>
    `Sổ đã có trang ${quoted(sheet)}, add-in không ghi đè: khi chấm, add-in dùng trang đó làm bộ chỉ số. Hãy sửa trực tiếp trang đó, hoặc đổi tên hay xóa nó rồi tạo lại.`,
  protectedSheets: (sheets: readonly string[]): string =>
    `${sheets.length === 1 ? "Trang tính" : "Các trang tính"} ${sheets.map(quoted).join(", ")} đang được bảo vệ nên không ghi được kết quả. ` +
    "Hãy bỏ bảo vệ (Xem lại › Bỏ bảo vệ trang tính) rồi thử lại. Chưa có gì được ghi vào sổ.",
  structureProtected: (sheet: string, adding: boolean): string =>
    `Sổ đang được bảo vệ cấu trúc (Xem lại › Bảo vệ sổ làm việc) nên add-in không thể ${adding ? "tạo" : "xóa"} trang ${quoted(sheet)}. ` +
    "Hãy bỏ bảo vệ sổ (Xem lại › Bảo vệ sổ làm việc, nhập mật khẩu nếu có) rồi thử lại. Chưa có gì được ghi vào sổ.",
  resultsTooLarge: (sheet: string): string =>
    `Kết quả chấm của trang ${quoted(sheet)} quá lớn để Excel nhận trong một lần gửi (giới hạn khoảng 5 MB của Excel trên web). ` +
    "Chưa có gì được ghi vào sổ. Hãy tách bảng thành nhiều trang hoặc dùng công cụ dòng lệnh cds-grade.",
  sheetTooLarge: (sheet: string): string =>
    `Trang ${quoted(sheet)} có dòng quá lớn để Excel gửi trong một lần (giới hạn khoảng 5 MB của Excel trên web), kể cả khi đọc từng dòng. ` +
    "Chưa có gì được ghi vào sổ. Hãy rút gọn các ô rất dài trên trang đó hoặc dùng công cụ dòng lệnh cds-grade.",
  protectedWrite:
    "Không ghi được vì ô hoặc trang tính đang được bảo vệ. Hãy bỏ bảo vệ trang tính (Xem lại › Bỏ bảo vệ trang tính) rồi thử lại.",
  cellEdit: "Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc để thoát khỏi ô đang sửa rồi bấm lại.",
  changed: (sheet: string, written: number): string =>
    `Trang ${quoted(sheet)} đã thay đổi trong lúc chấm nên chưa ghi kết quả vào trang này` +
    (written > 0 ? ` (đã ghi ${written} trang trước đó)` : "") +
    ". Hãy bấm “Chấm điểm” lại.",
  notFound:
    "Một trang tính không còn trong sổ (sổ đã thay đổi trong lúc chấm: trang bị xóa hoặc đổi tên). Hãy bấm “Làm mới” rồi thử lại.",
  failed: (code: string): string =>
    `Excel báo lỗi${code ? ` (mã ${code})` : ""} nên thao tác không hoàn tất. Hãy thử lại; nếu vẫn lỗi, hãy đóng rồi mở lại bảng tác vụ.`,
  tooLarge:
    "Trang tính quá lớn để Excel gửi trong một lần. Hãy chấm từng trang (chọn “Trang đang chọn”) hoặc bỏ bớt các dòng trống cuối bảng.",
  unsupported:
    "Phiên bản Excel này chưa hỗ trợ chức năng add-in cần. Hãy cập nhật Excel hoặc dùng Excel trên web.",
  busyExcel: "Excel đang bận hoặc tài liệu đang bị sửa ở nơi khác. Hãy chờ một chút rồi thử lại.",
  nameComment: "Chấm CĐS: =CDS_DAT(kết quả; chỉ tiêu; [năm]) gọi hàm tùy chỉnh CDS.DAT",
  diemNameComment: "Chấm CĐS: =CDS_DIEM(giải trình; cách tính điểm; điểm tối đa) gọi hàm tùy chỉnh CDS.DIEM",
  nameUnsupported:
    "Excel này không cho tạo tên CDS_DAT, CDS_DIEM (cần Excel có hàm LAMBDA và ISOMITTED). Hãy dùng =CDS.DAT(kết quả; chỉ tiêu; [năm]) và =CDS.DIEM(giải trình; cách tính điểm; điểm tối đa).",
  namesAdded: (added: readonly string[], existing: readonly string[]): string =>
    added.length === 0
      ? `Sổ đã có tên ${existing.join(" và ")}, không thay đổi.`
      : `Đã thêm tên ${added.join(" và ")}: có thể gõ ${added.map(nameUsage).join(" và ")} trong ô.` +
        (existing.length > 0 ? ` Sổ đã có tên ${existing.join(" và ")}, không thay đổi.` : ""),
  cleared: (n: number, summary: boolean): string =>
    n === 0 && !summary
      ? "Không có kết quả nào của add-in để xóa."
      : `Đã xóa kết quả trên ${n} trang${summary ? " và trang “Tổng hợp CĐS”" : ""}.`,
  officeMissing:
    "Không kết nối được với Excel. Hãy mở lại bảng tác vụ từ nút “Chấm điểm CĐS” trên thẻ Trang đầu.",
} as const;

/** the Office error code of an error thrown by Excel.run / context.sync, if any */
export function officeCode(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === "string" ? code : undefined;
  }
  return undefined;
}

/** a Vietnamese sentence for any error thrown by the Excel API */
export function describeOfficeError(error: unknown): { code: ExcelErrorCode; message: string } {
  const code = officeCode(error);
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return { code: "CELL_EDIT", message: MESSAGES.cellEdit };
    case "AccessDenied":
      return { code: "PROTECTED", message: MESSAGES.protectedWrite };
    case "ItemNotFound":
      return { code: "NOT_FOUND", message: MESSAGES.notFound };
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return { code: "FAILED", message: MESSAGES.tooLarge };
    case "ApiNotFound":
    case "NotImplemented":
    case "UnsupportedFeature":
      return { code: "FAILED", message: MESSAGES.unsupported };
    case "Conflict":
    case "RequestAborted":
    case "ActivityLimitReached":
      return { code: "FAILED", message: MESSAGES.busyExcel };
    default:
      // the English detail goes to the console for developers; the user reads the Vietnamese sentence
      console.error(error);
      return { code: "FAILED", message: MESSAGES.failed(code ?? "") };
  }
}
