/**
 * Literal workbooks for the Sheets tests, shaped like the seed reports: title rows, the header
 * `TT | Tên chỉ tiêu | Đơn vị tính | Chỉ tiêu cụ thể | Kết quả đạt được | Khó khăn, vướng mắc`, group rows.
 */
import { TT_XA_2023 } from "../../shared/criteria/tt-xa-2023";
import type { CellValue } from "../fakes/gas";
import { formGrid, NONG_CONG, TRIEU_THANH, type CommuneFormData } from "../../scripts/form-data";

export interface SheetFixture {
  values: CellValue[][];
  formats: string[][];
}

/** results written by the commune for some criteria: [value, number format] */
const RESULTS: Record<string, [CellValue, string?]> = {
  "1.1": ["Có"],
  "1.4": ["433/448"],
  "1.6": ["85%"],
  "1.11": [""],
  "2.4": ["54,4%"],
  "3.2": [0.79, "0%"],
  "3.12": ["Có"],
  "4.4": ["Đang triển khai"],
  "4.8": [""],
};

/** the labels DOMAIN.md's rules give for those results (targets from the table or the 2023 set) */
export const EXPECTED_LABELS: Record<string, string> = {
  "1.1": "Đạt", // Có against Có
  "1.4": "Không đạt", // 433/448 = 96,7% < 100%
  "1.6": "Cần xem xét", // annual target not stated
  "1.11": "Không đánh giá", // not evaluated in 2023
  "2.4": "Không đạt", // 54,4% < 60%
  "3.2": "Đạt", // 0.79 in a % cell = 79% ≥ 75%
  "3.12": "Cần xem xét", // a word where a figure is needed
  "4.4": "Đang thực hiện", // under way
  "4.8": "Không đánh giá", // not evaluated in 2023
};

function targetText(id: string): string {
  const c = TT_XA_2023.criteria.find((x) => x.id === id)!;
  if (c.notEvaluatedIn.includes(2023)) return "";
  if (c.target.kind === "percent") return `${c.target.threshold}%`;
  if (c.target.kind === "yes") return c.target.word;
  return "";
}

function defaultResult(id: string): CellValue {
  const c = TT_XA_2023.criteria.find((x) => x.id === id)!;
  if (c.notEvaluatedIn.includes(2023)) return "";
  if (c.target.kind === "percent") return "100%";
  if (c.target.kind === "yes") return "Có";
  return "";
}

/** a commune's 2023 annex with all 37 criteria; row 3.12's name starts with "- " as pasted from Word */
export function seedAnnex(commune = "xã Hoằng Phụ"): SheetFixture {
  const values: CellValue[][] = [
    [`ỦY BAN NHÂN DÂN ${commune.toUpperCase()}`],
    ["PHỤ LỤC: KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2023"],
    [],
    ["TT", "Tên chỉ tiêu", "Đơn vị tính", "Chỉ tiêu cụ thể", "Kết quả đạt được", "Khó khăn, vướng mắc"],
  ];
  const formats: string[][] = values.map((r) => r.map(() => "General"));
  for (const group of TT_XA_2023.groups) {
    values.push([group.id, group.name]);
    formats.push(["General", "General"]);
    for (const c of TT_XA_2023.criteria.filter((x) => x.group === group.id)) {
      const [result, format = "General"] = RESULTS[c.id] ?? [defaultResult(c.id)];
      const name = c.id === "3.12" ? `- ${c.name}` : c.name;
      values.push([c.id, name, c.unit ?? "", targetText(c.id), result, ""]);
      formats.push(["@", "General", "General", "General", format, "General"]);
    }
  }
  return { values, formats };
}

/** a town's plan annex with `n` rows, each with its own target: no criteria set needed */
export function planAnnex(n: number): SheetFixture {
  const values: CellValue[][] = [
    ["KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2023"],
    ["STT", "Nội dung", "Chỉ tiêu giao", "Kết quả đạt được", "Ghi chú"],
  ];
  for (let i = 1; i <= n; i++)
    values.push([i, `Tỷ lệ hộ dân thôn ${i} dùng dịch vụ số`, "60%", `${(i * 7) % 100}%`, ""]);
  return { values, formats: values.map((r) => r.map(() => "General")) };
}

/** a sheet with no annex */
export const NOTES: SheetFixture = {
  values: [["Ghi chú của cán bộ"], ["Số liệu lấy từ báo cáo 6 tháng"]],
  formats: [["General"], ["General"]],
};

/** commune `i`'s self-assessment form: the example's answers (by turns thị trấn Nông Cống's and xã Triệu Thành's,
 * in the 2022 and 2023 wordings) under another name, the count of meetings changing from commune to commune */
export function communeForm(i: number): { name: string; values: (CellValue | null)[][] } {
  const base = i % 2 === 0 ? NONG_CONG : TRIEU_THANH;
  const answers = { ...base.answers };
  answers["1.2"] = { ...answers["1.2"]!, explanation: `BCĐ họp ${i % 5} lần trong năm` };
  const data: CommuneFormData = { ...base, unit: `UBND xã Số ${i}`, answers };
  return { name: `Xã ${i}`, values: formGrid(data, i % 2 === 0 ? "bm01-2022" : "bm01-2023").values };
}
