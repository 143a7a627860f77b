/**
 * Two communes' self-assessment forms on the example index set ("Bộ chỉ số mẫu"), as plain grids in the shapes
 * of the domain brief: Biểu mẫu 01 with the 2022 wording (letters a–f), with the 2023 wording (letters A–F), and a
 * decision's table with the commune's columns added (a rule and its figures over sub-rows). Part A's figures of
 * thị trấn Nông Cống are those of its 2022 form; every explanation and self-score is made up (an example).
 * Used by scripts/make-dti-example.ts (examples/bo-chi-so-mau.xlsx), the tests and the bench.
 */
import { EXAMPLE_SET_JSON } from "../shared/dti/sets";

export type FormShape = "bm01-2022" | "bm01-2023" | "decision";
export type Cell = string | number | null;

/** one component's answer: self-score and explanation (sub-rows: several lines) */
export interface Answer {
  readonly self: Cell;
  readonly explanation: string | readonly string[];
}

export interface CommuneFormData {
  readonly unit: string;
  readonly receiver: string;
  readonly year: number;
  readonly partA: { readonly cbcc: number; readonly dn: number; readonly dan: number };
  /** by component id */
  readonly answers: Readonly<Record<string, Answer>>;
  /** what the form writes on the main index and total rows (may not add up: the check finds it) */
  readonly indexSelf: Readonly<Record<string, Cell>>;
  readonly groupSelf: Cell;
  readonly totalSelf: Cell;
}

export const NONG_CONG: CommuneFormData = {
  unit: "UBND thị trấn Nông Cống",
  receiver: "UBND huyện Nông Cống",
  year: 2022,
  partA: { cbcc: 21, dn: 32, dan: 15763 },
  answers: {
    "1.1": { self: 20, explanation: "Quyết định số 15/QĐ-UBND: Trưởng ban là Chủ tịch UBND thị trấn" },
    "1.2": { self: 20, explanation: "BCĐ họp 3 lần trong năm (biên bản kèm theo)" },
    "1.3": { self: 16, explanation: ["a = 12", "b = 15"] },
    "1.4": {
      self: 10,
      explanation:
        "Ban hành kế hoạch chuyển đổi số năm (Kế hoạch số 20/KH-UBND); tổ chức triển khai, đánh giá kết quả thực hiện kế hoạch (Báo cáo số 41/BC-UBND)",
    },
    "1.5": { self: 10, explanation: "Có chuyên mục riêng về chuyển đổi số trên trang thông tin điện tử" },
    "2.1": { self: 30, explanation: "a = 14 CBCC được bồi dưỡng kỹ năng số" },
    "2.2": { self: 10, explanation: "Tổ chức 3 lần tuyên truyền trên loa truyền thanh" },
    "2.3": { self: "-", explanation: "-" },
  },
  indexSelf: { "1": 76, "2": 40 },
  groupSelf: 116,
  totalSelf: 116,
};

export const TRIEU_THANH: CommuneFormData = {
  unit: "UBND xã Triệu Thành",
  receiver: "UBND huyện Triệu Sơn",
  year: 2023,
  partA: { cbcc: 20, dn: 12, dan: 9870 },
  answers: {
    "1.1": { self: 10, explanation: "Trưởng ban là Phó Chủ tịch UBND xã (Quyết định số 08/QĐ-UBND)" },
    "1.2": { self: 20, explanation: "BCĐ họp 4 lần trong năm" },
    "1.3": { self: 20, explanation: ["a = 6", "b = 8"] },
    "1.4": {
      self: 5,
      explanation:
        "Ban hành kế hoạch chuyển đổi số năm (Kế hoạch số 35/KH-UBND); chưa tổ chức triển khai, đánh giá kết quả thực hiện kế hoạch",
    },
    "1.5": { self: 25, explanation: "Có chuyên mục riêng về chuyển đổi số" },
    "2.1": { self: 15, explanation: "a = 12; b = 20" },
    "2.2": { self: 20, explanation: "Dự kiến tổ chức 4 lần tuyên truyền" },
    "2.3": { self: 0, explanation: "Chưa triển khai" },
  },
  indexSelf: { "1": 80, "2": 40 },
  groupSelf: 120,
  totalSelf: 120,
};

const HEADERS: Record<FormShape, { top: Cell[]; second: Cell[] | null; letters: Cell[] | null }> = {
  "bm01-2022": {
    top: ["STT", "Chỉ số/Chỉ số thành phần", "QUY CHUẨN ĐÁNH GIÁ", null, "TỰ ĐÁNH GIÁ", null],
    second: [null, null, "Điểm tối đa", "Cách xác định và tính điểm", "Điểm tự chấm", "Giải trình kết quả"],
    letters: ["a", "b", "c", "d", "e", "f"],
  },
  "bm01-2023": {
    top: ["STT", "Chỉ số/Chỉ số thành phần", "QUY CHUẨN ĐÁNH GIÁ", null, "TỰ ĐÁNH GIÁ", null],
    second: [
      null,
      null,
      "Điểm tối đa",
      "Phương pháp xác định và cách cho điểm",
      "Điểm số tự chấm",
      "Giải trình kết quả",
    ],
    letters: ["A", "B", "C", "D", "E", "F"],
  },
  decision: {
    top: [
      "STT",
      "Chỉ số/Chỉ số thành phần",
      "Điểm tối đa",
      "Cách xác định và tính điểm",
      "Tài liệu kiểm chứng",
      "Nguồn thu thập dữ liệu",
      "Đơn vị phối hợp xác minh số liệu",
      "Điểm tự chấm",
      "Giải trình",
    ],
    second: null,
    letters: null,
  },
};

/** where each line landed: 0-based grid row by id (`total` for the total row) */
export type FormRows = Record<string, number>;

/** one commune's form as a grid in the given shape, and where each line landed */
export function formGrid(data: CommuneFormData, shape: FormShape): { values: Cell[][]; rows: FormRows } {
  const set = EXAMPLE_SET_JSON;
  const values: Cell[][] = [];
  const rows: FormRows = {};
  const twoCols = shape === "decision";
  const push = (cells: Cell[]) => values.push(cells);
  push(["Biểu mẫu 01"]);
  push([`Tên đơn vị báo cáo: ${data.unit}`]);
  push([`Đơn vị nhận báo cáo: ${data.receiver}`]);
  push(["BÁO CÁO KẾT QUẢ TỰ ĐÁNH GIÁ THỰC HIỆN BỘ CHỈ SỐ CHUYỂN ĐỔI SỐ CẤP XÃ"]);
  push([`Kỳ báo cáo: Năm ${data.year}`]);
  push(["(Ví dụ minh họa: giải trình và điểm tự chấm là số liệu giả định, không phải báo cáo thật)"]);
  push(["A. Thông tin chung"]);
  if (shape === "bm01-2023") {
    push([`1. Tên đơn vị: ${data.unit.replace(/^UBND /, "")}`]);
    push([`2. Tổng số cán bộ công chức (CBCC): ${data.partA.cbcc} người`]);
    push([`3. Tổng số doanh nghiệp (DN) trên địa bàn: ${data.partA.dn}`]);
    push([`4. Tổng số người dân trên địa bàn: ${data.partA.dan.toLocaleString("de-DE")} người`]);
  } else {
    push(["1", "Tên đơn vị", data.unit.replace(/^UBND /, "")]);
    push(["2", "Tổng số cán bộ công chức (CBCC)", data.partA.cbcc]);
    push(["3", "Tổng số doanh nghiệp (DN) trên địa bàn", data.partA.dn]);
    push(["4", "Tổng số người dân trên địa bàn", data.partA.dan]);
  }
  push(["B. Chỉ số đánh giá"]);
  const header = HEADERS[shape];
  const putHeader = () => {
    push([...header.top]);
    if (header.second) push([...header.second]);
    if (header.letters) push([...header.letters]);
  };
  putHeader();
  // a line: STT, name, max, rule, self, explanation in the shape's columns
  const line = (stt: Cell, name: Cell, max: Cell, rule: Cell, self: Cell, expl: Cell): Cell[] =>
    twoCols ? [stt, name, max, rule, null, null, null, self, expl] : [stt, name, max, rule, self, expl];
  for (const g of set.groups ?? []) {
    rows[g.id] = values.length;
    push(line(g.id, g.name, g.maxPoints, null, data.groupSelf, null));
    for (const ix of set.indices.filter((i) => i.group === g.id)) {
      if (ix.id === "2" && shape !== "decision") putHeader(); // a new printed page repeats the header
      rows[ix.id] = values.length;
      push(line(ix.id, ix.name, ix.maxPoints, null, data.indexSelf[ix.id] ?? null, null));
      for (const c of set.components.filter((x) => x.index === ix.id)) {
        const answer = data.answers[c.id]!;
        const expl = typeof answer.explanation === "string" ? [answer.explanation] : [...answer.explanation];
        // the decision's shape spreads a ratio rule over sub-rows: a = …, b = …, Tỷ lệ, Điểm
        const ruleLines =
          shape === "decision" && c.ruleText!.includes("\n") ? c.ruleText!.split("\n") : [c.ruleText!];
        rows[c.id] = values.length;
        const first = ruleLines.length > 1 ? ruleLines[0]! : ruleLines[0]!;
        push(line(c.id, c.name, c.maxPoints, first, answer.self, expl[0] ?? null));
        const extra = Math.max(ruleLines.length, expl.length) - 1;
        for (let k = 1; k <= extra; k++)
          push(
            line(
              null,
              null,
              null,
              ruleLines[k] ?? null,
              null,
              ruleLines.length > 1 || expl.length > 1 ? (expl[k] ?? null) : null,
            ),
          );
      }
    }
  }
  rows.total = values.length;
  push(line(null, "Tổng điểm", set.maxPoints ?? null, null, data.totalSelf, null));
  push([]);
  push([null, "NGƯỜI LẬP BIỂU", null, null, "THỦ TRƯỞNG ĐƠN VỊ"]);
  return { values, rows };
}
