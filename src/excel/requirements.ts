/**
 * The requirement sets the add-in's code uses, as data: checked after Office.onReady, explained in Vietnamese
 * when the Office at hand lacks one. The API sets are those of Microsoft's Office.js reference (also in the
 * `[Api set: …]` notes of @types/office-js); the highest one each area uses is listed.
 */
export interface RequiredSet {
  readonly name: string;
  readonly version: string;
  /** what needs it, in the words the user reads */
  readonly usedFor: string;
  /** the APIs behind it, for developers */
  readonly apis: readonly string[];
}

export const REQUIRED_SETS: readonly RequiredSet[] = [
  {
    name: "ExcelApi",
    version: "1.7",
    usedFor: "đọc và ghi bảng, định dạng theo điều kiện, kiểm tra bảo vệ sổ và trang",
    apis: [
      "Worksheet.getRangeByIndexes (1.7)",
      "WorksheetCollection.onActivated (1.7)",
      "Workbook.protection (1.7)",
      "Range.conditionalFormats, TextConditionalFormat, ConditionalFormat.getRangeOrNullObject (1.6)",
      "Application.suspendApiCalculationUntilNextSync (1.6)",
      "Worksheet.getUsedRangeOrNullObject, NamedItemCollection.add / getItemOrNullObject (1.4)",
      "WorksheetProtection, RangeFormat.columnWidth (1.2)",
    ],
  },
  {
    name: "SharedRuntime",
    version: "1.1",
    usedFor: "bảng tác vụ và hàm =CDS.DAT chạy chung, làm mới khi bảng tác vụ hiện ra",
    apis: ["<Runtimes> in the manifest", "Office.addin.onVisibilityModeChanged"],
  },
  {
    name: "CustomFunctionsRuntime",
    version: "1.2",
    usedFor: "hàm =CDS.DAT trong ô và thông báo lỗi bằng tiếng Việt của hàm",
    apis: ["CustomFunctions.associate (1.1)", "CustomFunctions.Error with a message (1.2)"],
  },
];

/** the sets the host lacks, by `Office.context.requirements.isSetSupported` */
export function missingSets(isSetSupported: (name: string, version: string) => boolean): RequiredSet[] {
  return REQUIRED_SETS.filter((set) => {
    try {
      return !isSetSupported(set.name, set.version);
    } catch {
      return true;
    }
  });
}

/** what the pane says when sets are missing: which, what for, what to do */
export function missingSetsMessage(missing: readonly RequiredSet[]): string {
  return [
    "Phiên bản Excel này thiếu chức năng mà add-in Chấm điểm CĐS cần:",
    ...missing.map((set) => `• ${set.name} ${set.version}: ${set.usedFor}.`),
    "Hãy cập nhật Office (Tệp › Tài khoản › Tùy chọn cập nhật › Cập nhật ngay), dùng Microsoft 365 hoặc Office 2021 trở lên, hoặc dùng Excel trên web. Office 2016/2019 mua theo giấy phép số lượng lớn (volume) không chạy được add-in này: hãy dùng Excel trên web hoặc công cụ dòng lệnh cds-grade.",
  ].join("\n");
}
