/**
 * The task pane: shows the annex or form found on the active sheet, grades, lists the results, clears.
 * All Excel work goes through adapter.ts inside Excel.run; every failure ends in the pane in Vietnamese.
 */
import { BUILTIN_SETS } from "../../shared/criteria";
import { STATUS_COLORS, SUMMARY_SHEET } from "../../shared/labels";
import { rankingTable } from "../../shared/report/rollup";
import { completenessText } from "../../shared/report/summary";
import { COMPLETE_LABEL, INCOMPLETE_LABEL } from "../../shared/report/plan";
import { clip } from "../../shared/text";
import type { GradedRow, SheetReport, WorkbookReport } from "../../shared/types";
import type { AnnexInfo } from "../../shared/report/workbook";
import { builtinIndexSets, INDEX_SHEET, type FormsResult, type WorkbookOptions } from "../../shared/dti";
import {
  addCdsNames,
  addCriteriaSheet,
  addIndexSheet,
  clearInExcel,
  ExcelAddinError,
  gradeInExcel,
  scanWorkbook,
  selectCell,
  type GradeScope,
  type Progress,
  type WorkbookScan,
} from "./adapter";
import { el, make } from "./dom";
import { formsResultSection } from "./forms-pane";
import { describeOfficeError, MESSAGES } from "./messages";
import { missingSets, missingSetsMessage } from "./requirements";

const AUTO_SET = "";

let busy = false;
let scan: WorkbookScan | null = null;

function setBusy(value: boolean): void {
  busy = value;
  for (const id of ["grade", "clear", "refresh", "add-name", "add-criteria", "add-index"])
    el<HTMLButtonElement>(id).disabled = value;
  if (!value) el("progress").hidden = true;
}

function showError(message: string): void {
  const box = el("error");
  box.textContent = message;
  box.hidden = false;
}

function showNotice(message: string): void {
  const box = el("notice");
  box.textContent = message;
  box.hidden = false;
}

function clearMessages(): void {
  el("error").hidden = true;
  el("notice").hidden = true;
}

function showProgress(p: Progress): void {
  el("progress").hidden = false;
  const bar = el<HTMLProgressElement>("progress-bar");
  bar.max = Math.max(1, p.total);
  bar.value = p.done;
  el("progress-text").textContent = p.message;
}

/** runs one pane action: buttons off, errors shown in Vietnamese, never only in the console */
async function act(work: () => Promise<void>): Promise<void> {
  if (busy) return;
  clearMessages();
  setBusy(true);
  try {
    await work();
  } catch (error) {
    showError(error instanceof ExcelAddinError ? error.message : describeOfficeError(error).message);
  } finally {
    setBusy(false);
  }
}

function scope(): GradeScope {
  const checked = document.querySelector<HTMLInputElement>('input[name="scope"]:checked');
  return checked?.value === "all" ? "all" : "active";
}

function gradeOptions(): WorkbookOptions {
  const setId = el<HTMLSelectElement>("set-select").value;
  const indexSetId = el<HTMLSelectElement>("index-set-select").value;
  const yearText = el<HTMLInputElement>("year-input").value.trim();
  const year = Number(yearText);
  if (yearText !== "" && !(Number.isInteger(year) && year >= 2015 && year <= 2100))
    throw new ExcelAddinError(
      "FAILED",
      `Năm "${yearText}" không hợp lệ: hãy ghi năm bốn chữ số, ví dụ 2023.`,
    );
  return {
    ...(setId !== AUTO_SET ? { setId } : {}),
    ...(indexSetId !== AUTO_SET ? { indexSetId } : {}),
    ...(yearText !== "" ? { year } : {}),
  };
}

function fillSetChoices(): void {
  const select = el<HTMLSelectElement>("set-select");
  select.replaceChildren(make("option", "Tự nhận diện theo tên chỉ tiêu"));
  select.options[0]!.value = AUTO_SET;
  for (const set of BUILTIN_SETS) {
    const option = make("option", set.title);
    option.value = set.id;
    select.append(option);
  }
  const index = el<HTMLSelectElement>("index-set-select");
  index.replaceChildren(make("option", `Trang “${INDEX_SHEET}” nếu có, không thì tự chọn theo biểu mẫu`));
  index.options[0]!.value = AUTO_SET;
  for (const set of builtinIndexSets()) {
    const option = make("option", set.title);
    option.value = set.id;
    index.append(option);
  }
}

function renderScan(found: WorkbookScan): void {
  const info: AnnexInfo | undefined = found.sheets.find((s) => s.name === found.active);
  const form = found.forms.includes(found.active);
  el("status").hidden = true;
  el("detected").hidden = false;
  el("active-sheet").textContent = found.active;
  el("annex-state").textContent = info?.annex
    ? "Có phụ lục CĐS"
    : form
      ? "Biểu mẫu tự đánh giá bộ chỉ số (chấm theo điểm)"
      : `Không có (${info?.reason ?? "không đọc được"})`;
  el("detected-set").textContent = info?.annex ? (info.criteriaSet?.title ?? "Chỉ tiêu ghi trong bảng") : "—";
  el("set-reason").textContent = info?.annex ? info.setReason : "";
  const year = el<HTMLInputElement>("year-input");
  if (year.value === "" && info?.year) year.value = String(info.year);
  const annexes = found.sheets.filter((s) => s.annex).length;
  const forms = found.forms.length;
  const formText = forms > 0 ? ` Sổ có ${forms} biểu mẫu tự đánh giá bộ chỉ số.` : "";
  el("annex-count").textContent =
    (annexes === 0 ? "Sổ này chưa có phụ lục CĐS nào." : `Sổ có ${annexes} trang chứa phụ lục CĐS.`) +
    formText;
}

function groupTable(sheet: SheetReport): HTMLTableElement {
  const table = make("table");
  const head = make("tr");
  for (const h of ["Nhóm", "Đạt / đánh giá", "Chưa đạt", "Cần xem xét"]) head.append(make("th", h));
  table.append(head);
  for (const g of [...sheet.summary.groups, sheet.summary.total]) {
    const tr = make("tr");
    tr.append(
      make("td", g.name),
      make("td", `${g.met}/${g.evaluated}`, "num"),
      make("td", String(g.notMet), "num"),
      make("td", String(g.toReview), "num"),
    );
    table.append(tr);
  }
  return table;
}

/** the communes ranked (with two or more graded), over the results of each sheet */
function rankingSection(report: WorkbookReport): HTMLElement | null {
  const entries = report.rollup ?? [];
  if (entries.length < 2) return null;
  const ranking = rankingTable(entries);
  const section = make("section", undefined, "ranking");
  section.append(make("h2", `Xếp hạng ${entries.length} xã/phường`));
  const table = make("table");
  const head = make("tr");
  for (const h of ranking.header) head.append(make("th", h));
  table.append(head);
  for (const row of ranking.rows) {
    const tr = make("tr");
    row.forEach((text, i) => tr.append(make("td", text, ranking.numeric.includes(i) ? "num" : undefined)));
    table.append(tr);
  }
  section.append(table);
  section.append(
    make(
      "p",
      `Bảng đầy đủ (từng nhóm, chỉ tiêu chưa đạt, ma trận) ở trang "${report.summarySheet ?? SUMMARY_SHEET}".`,
      "muted",
    ),
  );
  return section;
}

/** one criterion not met; a button that selects its cell when the sheet exists (not a commune's column) */
function unmetItem(sheet: string, row: GradedRow, selectable: boolean): HTMLLIElement {
  const li = make("li");
  const label = make("span", row.label, "label");
  const colors = STATUS_COLORS[row.status];
  label.style.background = colors.fill;
  label.style.color = colors.font;
  if (!selectable) {
    li.append(`${row.id} ${clip(row.name, 50)} `, label, ` ${row.reason}`);
    return li;
  }
  const button = make("button");
  button.type = "button";
  button.dataset["sheet"] = sheet;
  button.dataset["cell"] = `${row.resultCell.row},${row.resultCell.col}`;
  button.append(`${row.id} ${clip(row.name, 50)} `, label, ` ${row.reason}`);
  button.title = "Chọn ô kết quả trong trang tính";
  button.addEventListener("click", () => select(sheet, row.resultCell));
  li.append(button);
  return li;
}

/** activates the sheet and selects the cell (a button of a result list) */
function select(sheet: string, cell: { row: number; col: number }): void {
  void act(() => Excel.run((context) => selectCell(context, sheet, cell)));
}

function renderReport(report: WorkbookReport, sheetNames: readonly string[], forms: FormsResult): void {
  const box = el("results");
  box.replaceChildren();
  for (const note of report.notes ?? []) box.append(make("p", note, "note"));
  const ranking = rankingSection(report);
  if (ranking) box.append(ranking);
  for (const sheet of report.sheets) {
    const section = make("section");
    section.className = "sheet-result";
    section.append(make("h2", sheet.parts ? sheet.parts.join(" + ") : sheet.name));
    const setText = sheet.criteriaSet ? sheet.criteriaSet.title : "chỉ tiêu ghi trong bảng";
    section.append(make("p", `${setText} · năm ${sheet.year}`, "muted"));
    const complete = sheet.summary.complete;
    section.append(
      make(
        "p",
        `${complete ? COMPLETE_LABEL : INCOMPLETE_LABEL}: ${sheet.summary.total.met}/${sheet.summary.total.evaluated} chỉ tiêu được đánh giá đạt.`,
        `verdict ${complete ? "complete" : "incomplete"}`,
      ),
    );
    const absent = sheet.summary.absent.length > 0;
    section.append(make("p", `Đủ tiêu chí: ${completenessText(sheet.summary)}`, absent ? "absent" : "muted"));
    section.append(groupTable(sheet));
    if (sheet.summary.unmet.length > 0) {
      section.append(make("h2", "Chỉ tiêu chưa đạt hoặc cần xem xét"));
      const list = make("ul", undefined, "unmet");
      const selectable = sheetNames.includes(sheet.name);
      for (const row of sheet.summary.unmet) list.append(unmetItem(row.sheet ?? sheet.name, row, selectable));
      section.append(list);
    }
    // how the sheet was read: legacy encoding, the result column graded, another table left out
    for (const note of sheet.notes ?? []) section.append(make("p", note, "muted"));
    for (const problem of sheet.problems) section.append(make("p", problem.message, "muted"));
    box.append(section);
  }
  const formsSection = formsResultSection(forms, report.summarySheet ?? null, select);
  if (formsSection) box.append(formsSection);
}

async function refresh(): Promise<void> {
  scan = await Excel.run((context) => scanWorkbook(context, {}, showProgress));
  renderScan(scan);
}

/** follows the active sheet (ExcelApi 1.7) with what the last scan found; a host without the event skips it */
async function followActiveSheet(): Promise<void> {
  await Excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    if (!worksheets.onActivated) return;
    worksheets.onActivated.add(async (event) => {
      if (!scan || busy) return;
      try {
        await Excel.run(async (ctx) => {
          const sheet = ctx.workbook.worksheets.getItem(event.worksheetId).load("name");
          await ctx.sync();
          if (scan) renderScan({ ...scan, active: sheet.name });
        });
      } catch {
        // only the display lags behind; “Làm mới” reads the workbook again
      }
    });
    await context.sync();
  });
}

function wire(): void {
  fillSetChoices();
  el("grade").addEventListener("click", () =>
    act(async () => {
      const options = gradeOptions();
      const run = await Excel.run((context) => gradeInExcel(context, scope(), options, showProgress));
      renderReport(run.report, run.sheetNames, run.forms);
      showNotice(MESSAGES.graded(run.plan.sheets.length));
    }),
  );
  el("add-criteria").addEventListener("click", () =>
    act(async () => {
      // the set chosen in the list, else the one detected on the active sheet, else the first built-in one
      const chosen = el<HTMLSelectElement>("set-select").value;
      const detected = scan?.sheets.find((s) => s.name === scan?.active)?.criteriaSet?.id;
      const set =
        BUILTIN_SETS.find((s) => s.id === (chosen !== AUTO_SET ? chosen : detected)) ?? BUILTIN_SETS[0]!;
      const added = await Excel.run((context) => addCriteriaSheet(context, set));
      showNotice(
        added
          ? `Đã tạo trang "${added}" (${set.title}): sửa ngưỡng, phép so sánh, năm không đánh giá hoặc thêm chỉ tiêu; khi chấm, add-in dùng trang này.${added !== "Bộ tiêu chí" ? ` Trang "Bộ tiêu chí" sẵn có của bạn được giữ nguyên.` : ""}`
          : `Bảng tính đã có trang bộ tiêu chí của add-in: hãy sửa trực tiếp trang đó, hoặc xóa nó rồi tạo lại.`,
      );
    }),
  );
  el("add-index").addEventListener("click", () =>
    act(async () => {
      // the index set chosen in the list, else the example set
      const sets = builtinIndexSets();
      const set = sets.find((s) => s.id === el<HTMLSelectElement>("index-set-select").value) ?? sets[0]!;
      const done = await Excel.run((context) => addIndexSheet(context, set));
      showNotice(
        "added" in done
          ? MESSAGES.indexSheetAdded(done.added, set.title)
          : MESSAGES.indexSheetExists(done.existing),
      );
    }),
  );
  el("clear").addEventListener("click", () =>
    act(async () => {
      const run = await Excel.run((context) => clearInExcel(context, showProgress));
      el("results").replaceChildren();
      showNotice(MESSAGES.cleared(run.sheets.length, run.summaryDeleted));
    }),
  );
  el("refresh").addEventListener("click", () => act(refresh));
  el("add-name").addEventListener("click", () =>
    act(async () => {
      const { added, existing } = await Excel.run((context) => addCdsNames(context));
      showNotice(MESSAGES.namesAdded(added, existing));
    }),
  );
}

let shown = false;
let following = false;

/** whether the pane is on screen; a shared runtime started only for =CDS.DAT runs hidden */
function paneVisible(): boolean {
  return document.visibilityState !== "hidden";
}

/** reads the workbook when the pane is on screen: on opening and each time it is shown again */
function onShown(): void {
  if (!paneVisible()) {
    shown = false;
    return;
  }
  if (shown) return;
  shown = true;
  void act(refresh);
  if (!following) {
    following = true;
    // an Excel without the event keeps the sheet shown at opening; “Làm mới” updates it
    followActiveSheet().catch(() => undefined);
  }
}

Office.onReady((info) => {
  if (info.host !== Office.HostType.Excel) {
    el("status").textContent = MESSAGES.officeMissing;
    return;
  }
  const missing = missingSets((name, version) => Office.context.requirements.isSetSupported(name, version));
  if (missing.length > 0) {
    el("status").textContent = missingSetsMessage(missing);
    el("status").classList.add("unsupported");
    return;
  }
  wire();
  setBusy(false);
  // nothing is read while the pane is hidden (the runtime may have started only to calculate =CDS.DAT)
  Office.addin
    .onVisibilityModeChanged((args) => {
      if (args.visibilityMode === Office.VisibilityMode.taskpane) shown = false;
      onShown();
    })
    .catch(() => undefined);
  document.addEventListener("visibilitychange", onShown);
  onShown();
}).catch(() => {
  el("status").textContent = MESSAGES.officeMissing;
});
