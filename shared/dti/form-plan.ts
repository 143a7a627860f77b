/**
 * What the add-in writes for a checked form, in the same host-neutral edit plan as an annex's: three own columns
 * right of the form ("Chấm CĐS: Kết quả" with the result label the conditional formats colour, "Chấm CĐS:
 * Điểm" with the points the rules give, "Chấm CĐS: Lý do"), and the summary sheet's section on points.
 */
import { OWN_HEADER_PREFIX, isOwnLabel } from "../labels";
import { a1 } from "../text";
import type { SummaryBuilder, SummarySection } from "../report/plan";
import type { Area, ConditionalRule, Grid, PlanCell, SheetPlan, StatusCode } from "../types";
import type { FormReport, FormTotalLine } from "./form-check";
import type { CommuneForm } from "./form-read";
import { formDisputes, rankForms } from "./form-rank";
import { CHECK_COLORS, CHECK_LABELS } from "./labels";
import { pts } from "./points";
import type { CheckCode } from "./types";

/** the reviewer's columns on a form, left to right */
export const FORM_OWN_HEADERS = [
  `${OWN_HEADER_PREFIX}: Kết quả`,
  `${OWN_HEADER_PREFIX}: Điểm`,
  `${OWN_HEADER_PREFIX}: Lý do`,
] as const;

/** the status whose colour family a result shares (hosts read only the text and colours of a rule) */
const FAMILY: Readonly<Record<CheckCode, StatusCode>> = {
  KHOP: "DAT",
  TU_CHAM_CAO_HON: "KHONG_DAT",
  VUOT_DIEM_TOI_DA: "KHONG_DAT",
  TU_CHAM_THAP_HON: "DANG_THUC_HIEN",
  CAN_XEM_XET: "CAN_XEM_XET",
  KHONG_TINH_DIEM: "KHONG_DANH_GIA",
};

/** one conditional rule per result, keyed on its label */
export const CHECK_RULES: readonly ConditionalRule[] = (Object.keys(CHECK_LABELS) as CheckCode[]).map(
  (code) => ({
    status: FAMILY[code],
    text: CHECK_LABELS[code],
    ...CHECK_COLORS[code],
  }),
);

/** 0-based last row at or below `from` whose cell in `col` holds a label the add-in wrote; -1 when none */
function lastOwnLabelRow(grid: Grid, col: number, from: number): number {
  for (let r = grid.values.length - 1; r >= from; r--) {
    const v = grid.values[r]?.[col];
    if (typeof v === "string" && isOwnLabel(v)) return r;
  }
  return -1;
}

/**
 * A main index's, group's or the total's result: its stated self-score against the recomputed points; "Cần xem
 * xét" when its sum does not add up, it states nothing, or a component under it could not be computed.
 */
function totalCode(line: FormTotalLine, sumIssue: boolean): CheckCode {
  if (sumIssue || line.selfStated === null || line.toReview > 0) return "CAN_XEM_XET";
  if (line.maxPoints !== null && line.selfStated > line.maxPoints) return "VUOT_DIEM_TOI_DA";
  if (Math.abs(line.selfStated - line.points) < 1e-9) return "KHOP";
  return line.selfStated > line.points ? "TU_CHAM_CAO_HON" : "TU_CHAM_THAP_HON";
}

function totalReason(line: FormTotalLine, issues: readonly string[]): string {
  const stated = line.selfStated !== null ? `tự chấm ghi ${pts(line.selfStated)}` : "tự chấm không ghi";
  const review = line.toReview > 0 ? `; ${line.toReview} chỉ số thành phần cần xem xét chưa được cộng` : "";
  return [`${stated}; tính lại ${pts(line.points)}${review}`, ...issues].join(" · ");
}

/**
 * The own columns of one checked form: from the header row down to the table's last row (or further, to the last
 * label written by an earlier grading, so none is left behind).
 */
export function planForm(sheet: string, form: CommuneForm, report: FormReport, grid: Grid): SheetPlan {
  const top = form.header.row;
  const col = form.ownColumn;
  const bottom = Math.max(form.lastRow, top, lastOwnLabelRow(grid, col, top + 1));
  const own: Area = { row: top, col, rows: bottom - top + 1, cols: FORM_OWN_HEADERS.length };
  const byRow = new Map<number, PlanCell[]>();
  for (const c of report.components) byRow.set(c.row, [c.label, c.points, c.reason]);
  const issuesAt = (ref: string | undefined) =>
    report.sums.filter((s) => s.ref !== undefined && s.ref === ref).map((s) => s.message);
  const selfCol = form.header.columns.self;
  const refOf = (row: number | null) => (row === null ? undefined : a1(row, selfCol));
  for (const line of [...report.indices, ...report.groups, report.total]) {
    if (line.row === null) continue;
    const issues = issuesAt(refOf(line.row));
    byRow.set(line.row, [
      CHECK_LABELS[totalCode(line, issues.length > 0)],
      line.points,
      totalReason(line, issues),
    ]);
  }
  const values: PlanCell[][] = [[...FORM_OWN_HEADERS]];
  for (let r = top + 1; r <= bottom; r++) values.push(byRow.get(r) ?? [null, null, null]);
  return {
    sheet,
    own,
    writes: [{ row: top, col, values }],
    formats:
      own.rows > 1 ? [{ area: { row: top + 1, col, rows: own.rows - 1, cols: 1 }, rules: CHECK_RULES }] : [],
    columnWidths: [110, 95, 360],
  };
}

// ---------------------------------------------------------------------------------------------
// the summary sheet

export const FORMS_TITLE = "BỘ CHỈ SỐ: ĐIỂM TỰ CHẤM VÀ ĐIỂM TÍNH LẠI";
export const FORM_RANKING_HEADERS = [
  "Hạng",
  "Xã/phường",
  "Điểm tự chấm",
  "Điểm tính lại",
  "Điểm tối đa",
  "% tối đa",
  "Xếp loại",
  "Khớp",
  "Chênh lệch",
  "Cần xem xét",
  "Trang",
] as const;

/** the words of the summary's section on forms, for the hosts' panes to show the same */
export const FORMS_SECTION = {
  ranking: "Xếp hạng theo điểm tính lại (bằng điểm thì cùng hạng)",
  chart: "Điểm tự chấm và điểm tính lại của các xã",
  indices: "Điểm theo chỉ số (tự chấm / tính lại / tối đa)",
  disputes: "Chỉ số thành phần xã tự chấm khác điểm tính lại nhiều nhất",
  disputeHeaders: ["Mã", "Tên chỉ số thành phần", "Số xã chênh", "Cao hơn", "Thấp hơn", "Vượt tối đa", "Xã"],
  noDisputes: "Không có chỉ số thành phần nào tự chấm khác điểm tính lại.",
  sums: "Tổng điểm không khớp trong biểu mẫu",
} as const;

/** the section on forms: ranking by recomputed points, points per main index, components that differ most */
export function formsSection(reports: readonly FormReport[]): SummarySection {
  return (b: SummaryBuilder) => {
    if (reports.length === 0) return;
    b.blank();
    b.header([FORMS_TITLE]);
    const sets = [...new Set(reports.map((r) => (r.set ? r.set.title : "cách tính ghi trong biểu mẫu")))];
    b.row([`Bộ chỉ số: ${sets.join("; ")}`]);
    b.header([FORMS_SECTION.ranking]);
    const ranking = rankForms(reports);
    const placed = b.table(
      [FORM_RANKING_HEADERS],
      ranking.map((e) => [
        e.rank,
        e.commune,
        e.self,
        e.points,
        e.maxPoints,
        e.percent,
        e.band ?? "",
        e.matched,
        e.differ,
        e.toReview,
        e.sheet,
      ]),
    );
    b.chart({
      title: FORMS_SECTION.chart,
      kind: "column",
      data: { row: placed.header, col: 1, rows: ranking.length + 1, cols: 3 },
    });
    b.blank();
    b.header([FORMS_SECTION.indices]);
    const ids = [...new Map(reports.flatMap((r) => r.indices.map((i) => [i.id, i.name] as const))).entries()];
    b.table(
      [["STT", "Xã/phường", ...ids.map(([id, name]) => `${id}. ${name}`)]],
      reports.map((r, n) => [
        n + 1,
        r.commune.commune,
        ...ids.map(([id]) => {
          const i = r.indices.find((x) => x.id === id);
          return i
            ? `${pts(i.selfStated ?? i.self)} / ${pts(i.points)} / ${i.maxPoints !== null ? pts(i.maxPoints) : "?"}`
            : null;
        }),
      ]),
    );
    const disputes = formDisputes(reports);
    b.blank();
    b.header([FORMS_SECTION.disputes]);
    if (disputes.length === 0) b.row([FORMS_SECTION.noDisputes]);
    else
      b.table(
        [[...FORMS_SECTION.disputeHeaders]],
        disputes.map((d) => [d.id, d.name, d.differ, d.higher, d.lower, d.aboveMax, d.communes.join(", ")]),
      );
    const problems = reports.flatMap((r) =>
      r.sums.map((s) => [s.ref ?? null, s.message, r.name] as PlanCell[]),
    );
    if (problems.length > 0) {
      b.blank();
      b.header([FORMS_SECTION.sums]);
      b.table([["Ô", "Nội dung", "Trang"]], problems);
    }
  };
}
