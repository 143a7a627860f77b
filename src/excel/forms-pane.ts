/**
 * The task pane's section on points-based forms: per commune the self-scored and recomputed totals (and the band
 * when the set has bands), the ranking by recomputed points, the components whose self-scores most often differ,
 * how many components need review, and per form the components to look at, each selecting its self-score cell.
 * The words are the summary sheet's (shared/dti/form-plan.ts), not retyped here.
 */
import {
  CHECK_COLORS,
  FORM_RANKING_HEADERS,
  FORMS_SECTION,
  FORMS_TITLE,
  rankForms,
  type FormComponentResult,
  type FormRankEntry,
  type FormReport,
  type FormsResult,
} from "../../shared/dti";
import { SUMMARY_SHEET } from "../../shared/labels";
import { clip, formatNumber, parseA1 } from "../../shared/text";
import type { CellRef } from "../../shared/types";
import { make } from "./dom";
import { MESSAGES } from "./messages";

type RankingHeader = (typeof FORM_RANKING_HEADERS)[number];

/** one of the summary sheet's ranking headers (the type holds it to the core's list) */
const header = (h: RankingHeader): string => h;

/** the ranking's columns the narrow pane shows, by the summary sheet's headers; "Xếp loại" only with bands */
const PANE_COLUMNS: readonly RankingHeader[] = [
  "Hạng",
  "Xã/phường",
  "Điểm tự chấm",
  "Điểm tính lại",
  "% tối đa",
  "Xếp loại",
  "Cần xem xét",
];

/** the disputes table: code, name, communes that differ */
const DISPUTE_COLUMNS = [0, 1, 2] as const;
/** disputes listed in the pane; the summary sheet has them all */
const DISPUTES_SHOWN = 5;

const pts = (n: number | null): string => (n === null ? "?" : formatNumber(n, 2));

function cellOf(entry: FormRankEntry, header: RankingHeader): { text: string; numeric: boolean } {
  switch (header) {
    case "Hạng":
      return { text: String(entry.rank), numeric: true };
    case "Xã/phường":
      return { text: entry.commune, numeric: false };
    case "Điểm tự chấm":
      return { text: pts(entry.self), numeric: true };
    case "Điểm tính lại":
      return { text: pts(entry.points), numeric: true };
    case "Điểm tối đa":
      return { text: pts(entry.maxPoints), numeric: true };
    case "% tối đa":
      return { text: entry.percent === null ? "?" : `${formatNumber(entry.percent, 1)}%`, numeric: true };
    case "Xếp loại":
      return { text: entry.band ?? "", numeric: false };
    case "Khớp":
      return { text: String(entry.matched), numeric: true };
    case "Chênh lệch":
      return { text: String(entry.differ), numeric: true };
    case "Cần xem xét":
      return { text: String(entry.toReview), numeric: true };
    case "Trang":
      return { text: entry.sheet, numeric: false };
  }
}

function table(
  header: readonly string[],
  rows: readonly { text: string; numeric: boolean }[][],
): HTMLElement {
  const t = make("table");
  const head = make("tr");
  for (const h of header) head.append(make("th", h));
  t.append(head);
  for (const row of rows) {
    const tr = make("tr");
    for (const c of row) tr.append(make("td", c.text, c.numeric ? "num" : undefined));
    t.append(tr);
  }
  return t;
}

/** per commune the totals, ranked by recomputed points (ties share a rank) */
function rankingTable(reports: readonly FormReport[]): HTMLElement {
  const entries = rankForms(reports);
  const columns = PANE_COLUMNS.filter(
    (h) => (h !== "Hạng" || entries.length > 1) && (h !== "Xếp loại" || entries.some((e) => e.band !== null)),
  );
  return table(
    columns,
    entries.map((e) => columns.map((h) => cellOf(e, h))),
  );
}

/** components a reviewer should look at: every result but "Khớp" and an unscored "Không tính điểm" */
function toLookAt(report: FormReport): FormComponentResult[] {
  return report.components.filter(
    (c) => c.code !== "KHOP" && !(c.code === "KHONG_TINH_DIEM" && (c.self ?? 0) === 0),
  );
}

/** one component as a button selecting its self-score cell (or plain text when the cell cannot be found) */
function componentItem(
  report: FormReport,
  c: FormComponentResult,
  select: (sheet: string, cell: CellRef) => void,
): HTMLLIElement {
  const li = make("li");
  const label = make("span", c.label, "label");
  const colors = CHECK_COLORS[c.code];
  label.style.background = colors.fill;
  label.style.color = colors.font;
  const parts = [`${c.id} ${clip(c.name, 50)} `, label, ` ${c.reason}`];
  const cell = parseA1(c.selfCell);
  if (!cell) {
    li.append(...parts);
    return li;
  }
  const button = make("button");
  button.type = "button";
  button.dataset["sheet"] = report.name;
  button.dataset["cell"] = c.selfCell;
  button.title = "Chọn ô điểm tự chấm trong trang tính";
  button.append(...parts);
  button.addEventListener("click", () => select(report.name, cell));
  li.append(button);
  return li;
}

/** one form: its set, total, band, and the components to look at */
function formDetails(report: FormReport, select: (sheet: string, cell: CellRef) => void): HTMLElement {
  const section = make("section", undefined, "form-result");
  section.append(make("h3", `${report.commune.commune} — trang “${report.name}”`));
  section.append(make("p", report.set ? report.set.title : "cách tính ghi trong biểu mẫu", "muted"));
  const t = report.total;
  const percent = t.percent !== null ? ` (${formatNumber(t.percent, 1)}%)` : "";
  const band = t.band !== null ? ` · ${t.band}` : "";
  section.append(
    make(
      "p",
      `${header("Điểm tự chấm")}: ${pts(t.selfStated ?? t.self)} · ${header("Điểm tính lại")}: ${pts(t.points)}/${pts(t.maxPoints)}${percent}${band}`,
      "form-total",
    ),
  );
  const look = toLookAt(report);
  if (look.length > 0) {
    const list = make("ul", undefined, "unmet");
    for (const c of look) list.append(componentItem(report, c, select));
    section.append(list);
  }
  if (report.sums.length > 0) {
    section.append(make("p", FORMS_SECTION.sums, "absent"));
    for (const s of report.sums) section.append(make("p", s.message, "muted"));
  }
  return section;
}

/** "BỘ CHỈ SỐ: …" as a pane heading: sentence case */
function heading(title: string): string {
  const lower = title.toLocaleLowerCase("vi");
  return lower.charAt(0).toLocaleUpperCase("vi") + lower.slice(1);
}

/**
 * The forms' section of the pane, or null in a workbook without forms (nor a "Bộ chỉ số" sheet with mistakes).
 * `select` activates a sheet and selects a cell.
 */
export function formsResultSection(
  forms: FormsResult,
  summarySheet: string | null,
  select: (sheet: string, cell: CellRef) => void,
): HTMLElement | null {
  const problems = forms.indexSheetProblems ?? [];
  if (forms.reports.length === 0 && problems.length === 0) return null;
  const section = make("section", undefined, "forms");
  section.append(make("h2", heading(FORMS_TITLE)));
  if (problems.length > 0) {
    const [first, ...rest] = MESSAGES.indexSheetProblems(problems.map((p) => p.message)).split("\n");
    section.append(make("p", first, "absent"));
    const list = make("ul", undefined, "problems");
    for (const line of rest) list.append(make("li", line));
    section.append(list);
  }
  if (forms.reports.length === 0) return section;
  if (forms.reports.length > 1) section.append(make("h3", FORMS_SECTION.ranking));
  section.append(rankingTable(forms.reports));
  const toReview = forms.reports.reduce((n, r) => n + r.total.counts.CAN_XEM_XET, 0);
  section.append(
    make("p", `${header("Cần xem xét")}: ${toReview} chỉ số thành phần`, toReview > 0 ? "absent" : "muted"),
  );
  section.append(make("h3", FORMS_SECTION.disputes));
  if (forms.disputes.length === 0) section.append(make("p", FORMS_SECTION.noDisputes, "muted"));
  else
    section.append(
      table(
        DISPUTE_COLUMNS.map((i) => FORMS_SECTION.disputeHeaders[i]),
        forms.disputes.slice(0, DISPUTES_SHOWN).map((d) => [
          { text: d.id, numeric: false },
          { text: clip(d.name, 60), numeric: false },
          { text: String(d.differ), numeric: true },
        ]),
      ),
    );
  for (const report of forms.reports) section.append(formDetails(report, select));
  section.append(
    make(
      "p",
      `Bảng đầy đủ (điểm theo chỉ số, tổng không khớp) ở trang "${summarySheet ?? SUMMARY_SHEET}".`,
      "muted",
    ),
  );
  return section;
}
