/**
 * The sidebar's script (inlined into Sidebar.html): calls the server through google.script.run and shows
 * the grade, the counts per group and the rows to look at, each with a link that selects its cell. Grading or
 * clearing every sheet is a run of steps (one server call each, see src/sheets/run.ts): the sidebar calls the
 * next step by itself and shows "Đã chấm 40/166 trang…" meanwhile; an unfinished run is offered to go on.
 */
import type { GroupSummary } from "../../../shared/types";
import {
  SERVER_FUNCTIONS,
  type ClearReport,
  type RunInfo,
  type SidebarOptions,
  type SidebarForm,
  type SidebarForms,
  type SidebarReport,
  type SidebarSheet,
  type SidebarState,
  type SidebarStep,
} from "../report";

/** the part of google.script.run the sidebar uses */
interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: Error) => void): ScriptRun;
  [server: string]: unknown;
}

declare const google: { script: { run: ScriptRun } };

function byId<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

function el(tag: string, text?: string, className?: string): HTMLElement {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

const buttons = ["grade-active", "grade-all", "clear", "add-criteria", "add-index", "continue"].map((id) =>
  byId<HTMLButtonElement>(id),
);

/** shows what is under way and disables the buttons; null: done (the result sets the status line) */
function busy(text: string | null): void {
  if (text !== null) byId("status").textContent = text;
  for (const b of buttons) b.disabled = text !== null;
}

function showError(message: string): void {
  const box = byId("error");
  box.textContent = message;
  box.hidden = false;
}

function hideError(): void {
  byId("error").hidden = true;
}

/** Apps Script's own words for an execution it stopped, in Vietnamese */
function failureText(error: Error | string | null | undefined): string {
  const text = error && typeof error === "object" && error.message ? error.message : String(error);
  if (/exceeded maximum execution time/i.test(text))
    return "Google đã dừng lần chạy này vì quá thời gian cho phép (6 phút một lần chạy).";
  return text;
}

/** calls a server function; failures show their (Vietnamese) message, then `failed` runs */
function call<T>(name: string, args: unknown[], done: (value: T) => void, failed?: () => void): void {
  const runner = google.script.run
    .withSuccessHandler((value) => {
      busy(null);
      done(value as T);
    })
    .withFailureHandler((error) => {
      busy(null);
      byId("status").textContent = "";
      showError(failureText(error));
      if (failed) failed();
    });
  (runner[name] as (...a: unknown[]) => void)(...args);
}

function options(): SidebarOptions {
  const setId = byId<HTMLSelectElement>("set").value;
  const year = byId<HTMLInputElement>("year").value.trim();
  return { ...(setId ? { setId } : {}), ...(year ? { year: Number(year) } : {}) };
}

/** the run to go on with, when one is unfinished */
let pendingRun: RunInfo | null = null;

function showRun(info: RunInfo | null): void {
  pendingRun = info;
  const box = byId("run");
  box.hidden = info === null;
  if (!info) return;
  byId("run-text").textContent = info.message;
  byId("continue").textContent = info.kind === "grade" ? "Chấm tiếp" : "Xóa tiếp";
}

function showProgress(looked: number, total: number): void {
  const bar = byId<HTMLProgressElement>("progress");
  bar.hidden = false;
  bar.max = Math.max(total, 1);
  bar.value = looked;
}

function hideProgress(): void {
  byId<HTMLProgressElement>("progress").hidden = true;
}

function showState(state: SidebarState): void {
  showRun(state.run);
  if (state.run && state.run.handoff) {
    // the menu started this run: go on with it
    goOn(state.run);
    return;
  }
  const select = byId<HTMLSelectElement>("set");
  if (select.options.length === 1)
    for (const set of state.sets) {
      const option = el("option", set.title) as HTMLOptionElement;
      option.value = set.id;
      select.appendChild(option);
    }
  const active = state.active;
  const parts: string[] = [];
  if (active.annex) {
    parts.push(
      `Trang "${active.name}": ${active.criteriaSet ? active.criteriaSet.title : "chỉ tiêu ghi trong bảng"}`,
    );
    if (active.year) parts.push(`năm ${active.year}.`);
    const year = byId<HTMLInputElement>("year");
    year.placeholder = active.year ? `Tự nhận biết: ${active.year}` : "Tự nhận biết (theo tiêu đề)";
  } else if (active.form) {
    parts.push(`Trang "${active.name}": biểu mẫu tự chấm điểm bộ chỉ số của ${active.form.commune}.`);
  } else {
    parts.push(`Trang "${active.name}" không có bảng phụ lục${active.reason ? `: ${active.reason}` : ""}.`);
  }
  parts.push(`Bảng tính có ${state.sheetCount} trang.`);
  byId("detected").textContent = parts.join(" ");
}

const COUNT_HEADERS = ["Nhóm", "Đánh giá", "Đạt", "Không đạt", "Đang TH", "Cần xem xét", "Không ĐG"];

function countRow(g: GroupSummary, name: string): HTMLElement {
  const tr = el("tr");
  for (const v of [name, g.evaluated, g.met, g.notMet, g.underWay, g.toReview, g.notEvaluated])
    tr.appendChild(el("td", String(v)));
  return tr;
}

function sheetBlock(sheet: SidebarSheet): HTMLElement {
  const box = el("section");
  box.className = "sheet";
  box.appendChild(el("h2", sheet.parts ? sheet.parts.join(" + ") : sheet.name));
  const grade = el("span", sheet.grade, `grade ${sheet.complete ? "ok" : "no"}`);
  grade.setAttribute("data-grade", sheet.complete ? "complete" : "incomplete");
  box.appendChild(grade);
  box.appendChild(
    el(
      "div",
      `${sheet.criteriaSet ? sheet.criteriaSet.title : "Chỉ tiêu ghi trong bảng"} · năm ${sheet.year} · đạt ${sheet.total.met}/${sheet.total.evaluated}`,
      "muted",
    ),
  );
  box.appendChild(el("div", `Đủ tiêu chí: ${sheet.completeness}`, sheet.absent > 0 ? "absent" : "muted"));
  const table = el("table");
  const head = el("tr");
  for (const h of COUNT_HEADERS) head.appendChild(el("th", h));
  table.appendChild(head);
  for (const g of sheet.groups) table.appendChild(countRow(g, `${g.id}. ${g.name}`));
  table.appendChild(countRow(sheet.total, "Tổng cộng"));
  box.appendChild(table);
  if (sheet.unmet.length > 0) {
    box.appendChild(el("div", "Chưa đạt hoặc cần xem xét:", "muted"));
    const list = el("ul");
    list.className = "unmet";
    for (const row of sheet.unmet) {
      const item = el("li");
      const cell = row.cell;
      if (cell) item.appendChild(cellLink(row.sheet, cell));
      item.appendChild(document.createTextNode(`${cell ? " " : ""}${row.id} ${row.name} — `));
      item.appendChild(el("span", row.label, `label-${row.status}`));
      item.appendChild(document.createTextNode(`: ${row.reason}`));
      list.appendChild(item);
    }
    box.appendChild(list);
  }
  const notes = [...(sheet.notes ?? []), ...sheet.problems];
  if (notes.length > 0) {
    const list = el("ul");
    for (const p of notes) list.appendChild(el("li", p, "muted"));
    box.appendChild(el("div", "Lưu ý:", "muted"));
    box.appendChild(list);
  }
  return box;
}

/** a link selecting a cell of the spreadsheet */
function cellLink(sheet: string, cell: string): HTMLElement {
  const link = el("a", cell) as HTMLAnchorElement;
  link.href = "#";
  link.title = "Chọn ô này trong bảng tính";
  link.addEventListener("click", (event) => {
    event.preventDefault();
    hideError();
    call(SERVER_FUNCTIONS.select, [sheet, cell], () => undefined);
  });
  return link;
}

/** `12,5` as the server wrote it; `?` unknown */
function pts(n: number | null): string {
  return n === null ? "?" : String(Math.round(n * 100) / 100).replace(".", ",");
}

/** one commune's form: self-scored against recomputed, band, the count per result, what differs */
function formBlock(form: SidebarForm): HTMLElement {
  const box = el("section", undefined, "sheet form");
  box.appendChild(el("h2", `${form.commune} (trang "${form.sheet}")`));
  const max = form.maxPoints !== null ? ` / ${pts(form.maxPoints)}` : "";
  const percent = form.percent !== null ? ` (${pts(Math.round(form.percent * 10) / 10)}%)` : "";
  box.appendChild(
    el("div", `Tự chấm ${pts(form.self)} · Tính lại ${pts(form.points)}${max} điểm${percent}`, "points"),
  );
  if (form.band)
    box.appendChild(el("div", `Xếp loại: ${form.band} (theo điểm tự chấm: ${form.selfBand ?? "?"})`));
  box.appendChild(el("div", form.set ? `Bộ chỉ số: ${form.set}` : "Cách tính ghi trong biểu mẫu", "muted"));
  box.appendChild(el("div", form.counts.map((c) => `${c.label}: ${c.count}`).join(" · "), "muted"));
  if (form.rows.length > 0) {
    box.appendChild(el("div", "Chỉ số thành phần khác điểm tính lại hoặc cần xem xét:", "muted"));
    const list = el("ul", undefined, "unmet");
    for (const row of form.rows) {
      const item = el("li");
      item.appendChild(cellLink(form.sheet, row.cell));
      item.appendChild(document.createTextNode(` ${row.id} ${row.name} — `));
      item.appendChild(el("span", row.label, `label-${row.code}`));
      item.appendChild(document.createTextNode(`: ${row.reason}`));
      list.appendChild(item);
    }
    box.appendChild(list);
  }
  if (form.sums.length > 0) {
    box.appendChild(el("div", "Tổng điểm không khớp:", "absent"));
    const list = el("ul");
    for (const text of form.sums) list.appendChild(el("li", text, "muted"));
    box.appendChild(list);
  }
  return box;
}

/** the forms: the ranking by recomputed points, the components disputed most, each commune's form */
function formsBlock(forms: SidebarForms, summarySheet: string | null): HTMLElement {
  const box = el("div", undefined, "forms");
  box.appendChild(el("h2", `Biểu mẫu tự chấm điểm: ${forms.forms.length} xã/phường`));
  box.appendChild(
    el(
      "div",
      forms.toReview > 0
        ? `${forms.toReview} chỉ số thành phần cần xem xét.`
        : "Không có chỉ số thành phần nào cần xem xét.",
      forms.toReview > 0 ? "absent" : "muted",
    ),
  );
  if (forms.ranking) {
    const ranking = tableBlock(
      forms.ranking,
      `Xếp hạng ${forms.ranking.rows.length} xã/phường theo điểm tính lại`,
    );
    ranking.classList.add("form-ranking");
    box.appendChild(ranking);
  }
  if (forms.disputes.length > 0) {
    box.appendChild(el("div", "Chỉ số thành phần xã tự chấm khác điểm tính lại nhiều nhất:", "muted"));
    const list = el("ul", undefined, "disputes");
    for (const d of forms.disputes.slice(0, 5))
      list.appendChild(
        el(
          "li",
          `${d.id} ${d.name} — ${d.differ} xã (cao hơn ${d.higher}, thấp hơn ${d.lower}, vượt tối đa ${d.aboveMax}): ${d.communes.join(", ")}`,
        ),
      );
    box.appendChild(list);
  }
  for (const form of forms.forms) box.appendChild(formBlock(form));
  if (summarySheet) box.appendChild(el("div", `Điểm theo từng chỉ số ở trang "${summarySheet}".`, "muted"));
  return box;
}

/** a ranking table with its title */
function tableBlock(ranking: NonNullable<SidebarReport["ranking"]>, title: string): HTMLElement {
  const box = el("div", undefined, "ranking");
  box.appendChild(el("h2", title));
  const table = el("table");
  const head = el("tr");
  for (const h of ranking.header) head.appendChild(el("th", h));
  table.appendChild(head);
  for (const row of ranking.rows) {
    const tr = el("tr");
    row.forEach((text, i) => tr.appendChild(el("td", text, ranking.numeric.includes(i) ? "num" : undefined)));
    table.appendChild(tr);
  }
  box.appendChild(table);
  return box;
}

/** the communes ranked, over the results of each sheet */
function rankingBlock(report: SidebarReport): HTMLElement | null {
  const ranking = report.ranking;
  if (!ranking) return null;
  const box = tableBlock(ranking, `Xếp hạng ${ranking.rows.length} xã/phường`);
  if (report.summarySheet)
    box.appendChild(
      el(
        "div",
        `Bảng đầy đủ (từng nhóm, chỉ tiêu chưa đạt, ma trận) ở trang "${report.summarySheet}".`,
        "muted",
      ),
    );
  return box;
}

function showReport(report: SidebarReport): void {
  const results = byId("results");
  results.textContent = "";
  for (const note of report.notes) results.appendChild(el("div", note, "note"));
  const ranking = rankingBlock(report);
  if (ranking) results.appendChild(ranking);
  for (const sheet of report.sheets) results.appendChild(sheetBlock(sheet));
  if (report.forms) results.appendChild(formsBlock(report.forms, report.summarySheet));
  if (report.skipped.length > 0) {
    results.appendChild(el("h2", "Trang không chấm"));
    const list = el("ul");
    for (const s of report.skipped) list.appendChild(el("li", `${s.name}: ${s.reason}`, "muted"));
    results.appendChild(list);
  }
  byId("status").textContent = report.summarySheet ? `Đã ghi kết quả và trang "${report.summarySheet}".` : "";
}

function refresh(): void {
  call<SidebarState>(SERVER_FUNCTIONS.state, [options()], showState);
}

function showCleared(done: ClearReport): void {
  byId("results").textContent = "";
  byId("status").textContent =
    done.sheets === 0 && !done.summaryRemoved
      ? "Không có kết quả nào để xóa."
      : `Đã xóa kết quả trên ${done.sheets} trang.`;
}

/** one step done: show it, and call the next one until the run has finished */
function onStep(step: SidebarStep): void {
  showRun(null);
  if (!step.finished) {
    showProgress(step.looked, step.total);
    busy(step.message);
    call<SidebarStep>(SERVER_FUNCTIONS.next, [step.runId], onStep, refresh);
    return;
  }
  hideProgress();
  if (step.report) {
    showReport(step.report);
    refresh();
  } else if (step.cleared) showCleared(step.cleared);
}

function startRun(kind: "grade" | "clear"): void {
  hideError();
  busy(kind === "grade" ? "Đang chấm điểm…" : "Đang xóa kết quả…");
  call<SidebarStep>(SERVER_FUNCTIONS.start, [kind, options()], onStep, refresh);
}

/** goes on with an unfinished run */
function goOn(info: RunInfo): void {
  hideError();
  showRun(null);
  showProgress(info.looked, info.total);
  busy(info.kind === "grade" ? "Đang chấm tiếp…" : "Đang xóa tiếp…");
  call<SidebarStep>(SERVER_FUNCTIONS.next, [info.runId], onStep, refresh);
}

byId("grade-active").addEventListener("click", () => {
  hideError();
  busy("Đang chấm điểm…");
  call<SidebarReport>(SERVER_FUNCTIONS.gradeActive, [options()], (report) => {
    showReport(report);
    refresh();
  });
});
byId("grade-all").addEventListener("click", () => startRun("grade"));
byId("clear").addEventListener("click", () => startRun("clear"));
byId("continue").addEventListener("click", () => {
  if (pendingRun) goOn(pendingRun);
});
byId("add-criteria").addEventListener("click", () => {
  hideError();
  busy("Đang tạo trang Bộ tiêu chí…");
  call<string>(SERVER_FUNCTIONS.createCriteria, [options()], (message) => {
    byId("status").textContent = message;
  });
});
byId("add-index").addEventListener("click", () => {
  hideError();
  busy("Đang tạo trang Bộ chỉ số…");
  call<string>(SERVER_FUNCTIONS.createIndex, [], (message) => {
    byId("status").textContent = message;
  });
});
byId("set").addEventListener("change", refresh);
refresh();
