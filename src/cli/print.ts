/**
 * The terminal summary of cds-grade, in Vietnamese, with aligned columns.
 */
import type { Problem, RollupEntry, SheetReport, WorkbookReport } from "../../shared/types";
import { rankingTable } from "../../shared/report/rollup";
import { completenessText } from "../../shared/report/summary";
import { a1, clip, formatNumber } from "../../shared/text";
import type { FormReport, FormsResult } from "../../shared/dti";

const num = (n: number | null): string => (n === null ? "?" : formatNumber(n, 2));

/** one checked form: set, Part A, points per main index, what differs, the sums */
function formLines(f: FormReport): string[] {
  const lines = [
    `Biểu mẫu bộ chỉ số "${f.name}" — ${f.commune.commune}${f.year !== null ? `, năm ${f.year}` : ""}`,
  ];
  lines.push(`  Bộ chỉ số: ${f.set ? `${f.set.id} (${f.set.title})` : "cách tính ghi trong biểu mẫu"}`);
  lines.push(`  Lý do chọn: ${f.setReason}`);
  for (const note of f.notes) lines.push(`  Lưu ý: ${clip(note, 160)}`);
  if (f.partA.length > 0)
    lines.push(`  Phần A: ${f.partA.map((p) => `${p.label} = ${num(p.value)} (ô ${p.cell})`).join("; ")}`);
  const rows: string[][] = [["Chỉ số", "Tự chấm", "Tính lại", "Tối đa", "Cần xem xét"]];
  for (const i of [...f.indices, f.total])
    rows.push([
      i.level === "total" ? "Tổng điểm" : `${i.id}. ${i.name}`,
      num(i.selfStated ?? i.self),
      num(i.points),
      num(i.maxPoints),
      String(i.toReview),
    ]);
  lines.push(...table(rows, [1, 2, 3, 4]).map((l) => `  ${l}`));
  const band =
    f.total.band !== null ? `; xếp loại ${f.total.band} (tự chấm: ${f.total.selfBand ?? "?"})` : "";
  const percent = f.total.percent !== null ? ` = ${formatNumber(f.total.percent, 1)}% điểm tối đa` : "";
  lines.push(`  Điểm tính lại: ${num(f.total.points)}${percent}${band}`);
  const shown = f.components.filter(
    (c) => c.code !== "KHOP" && !(c.code === "KHONG_TINH_DIEM" && (c.self ?? 0) === 0),
  );
  if (shown.length > 0) {
    lines.push("  Chỉ số thành phần không khớp hoặc cần xem xét:");
    lines.push(
      ...table(shown.map((c) => [c.id, c.selfCell, c.label, clip(c.reason, 90)])).map((l) => `    ${l}`),
    );
  }
  for (const issue of f.sums) lines.push(`  Tổng không khớp: ${clip(issue.message, 120)}`);
  return lines;
}

/** the forms and their ranking by recomputed points */
function formsLines(forms: FormsResult): string[] {
  const lines: string[] = [];
  for (const f of forms.reports) lines.push(...formLines(f), "");
  if (forms.ranking.length > 1) {
    lines.push(`Xếp hạng ${forms.ranking.length} xã/phường theo điểm tính lại (bộ chỉ số):`);
    const rows = [
      ["Hạng", "Xã/phường", "Tự chấm", "Tính lại", "% tối đa", "Xếp loại", "Chênh lệch", "Cần xem xét"],
      ...forms.ranking.map((e) => [
        String(e.rank),
        e.commune,
        num(e.self),
        num(e.points),
        e.percent === null ? "?" : `${formatNumber(e.percent, 1)}%`,
        e.band ?? "",
        String(e.differ),
        String(e.toReview),
      ]),
    ];
    lines.push(...table(rows, [0, 2, 3, 4, 6, 7]).map((l) => `  ${l}`));
    if (forms.disputes.length > 0)
      lines.push(
        `  Tự chấm khác điểm tính lại nhiều nhất: ${forms.disputes
          .slice(0, 5)
          .map((d) => `${d.id} (${d.differ} xã)`)
          .join(", ")}`,
      );
    lines.push("");
  }
  return lines;
}

/** display width: code points after NFC (Vietnamese letters compose to one code point each) */
export function textWidth(text: string): number {
  const composed = text.normalize("NFC");
  let width = composed.length;
  // the second half of a surrogate pair is no letter of its own
  for (let i = 0; i < composed.length; i++) {
    const unit = composed.charCodeAt(i);
    if (unit >= 0xdc00 && unit <= 0xdfff) width--;
  }
  return width;
}

function pad(text: string, width: number, right = false): string {
  const t = text.normalize("NFC");
  const fill = " ".repeat(Math.max(0, width - textWidth(t)));
  return right ? fill + t : t + fill;
}

/**
 * Lays rows out as aligned columns; `rightAligned` holds the indexes of number columns.
 * @example table([["Nhóm", "Đạt"], ["Chính quyền số", "9"]], [1])
 */
export function table(rows: readonly (readonly string[])[], rightAligned: readonly number[] = []): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, textWidth(cell))));
  return rows.map((row) =>
    row
      .map((cell, i) =>
        i === row.length - 1 && !rightAligned.includes(i)
          ? cell.normalize("NFC")
          : pad(cell, widths[i]!, rightAligned.includes(i)),
      )
      .join("  ")
      .trimEnd(),
  );
}

function sheetLines(sheet: SheetReport): string[] {
  const lines: string[] = [];
  const parts = sheet.parts
    ? ` (gồm ${sheet.parts.length} trang: ${sheet.parts.map((p) => `"${p}"`).join(", ")})`
    : "";
  lines.push(`Trang tính "${sheet.name}"${parts} — năm ${sheet.year}`);
  const set = sheet.criteriaSet
    ? `${sheet.criteriaSet.id} (${sheet.criteriaSet.title})`
    : "không dùng (chỉ tiêu ghi trong bảng)";
  lines.push(`  Bộ tiêu chí: ${set}`);
  if (sheet.setReason) lines.push(`  Lý do chọn: ${sheet.setReason}`);
  for (const note of sheet.notes ?? []) lines.push(`  Cách đọc: ${note}`);
  const s = sheet.summary;
  const rows: string[][] = [["Nhóm", "Đánh giá", "Đạt", "Không đạt", "Đang TH", "Cần xem xét", "Không ĐG"]];
  for (const g of [...s.groups, { ...s.total, id: "", name: "Tổng cộng" }]) {
    rows.push([
      g.id ? `${g.id}. ${g.name}` : g.name,
      String(g.evaluated),
      String(g.met),
      String(g.notMet),
      String(g.underWay),
      String(g.toReview),
      String(g.notEvaluated),
    ]);
  }
  lines.push(...table(rows, [1, 2, 3, 4, 5, 6]).map((l) => `  ${l}`));
  const verdict = s.complete ? "Hoàn thành" : "Chưa hoàn thành";
  lines.push(`  Kết luận: ${verdict} (đạt ${s.total.met}/${s.total.evaluated} tiêu chí được đánh giá)`);
  lines.push(`  Đủ tiêu chí: ${completenessText(s)}`);
  if (s.unmet.length > 0) {
    lines.push("  Chưa đạt hoặc cần xem xét:");
    const unmet = s.unmet.map((r) => [
      r.id,
      (r.sheet !== undefined ? `${r.sheet}!` : "") + a1(r.resultCell.row, r.resultCell.col),
      r.label,
      clip(r.value || "(trống)", 30),
      clip(r.reason, 70),
    ]);
    lines.push(...table(unmet).map((l) => `    ${l}`));
  }
  if (sheet.problems.length > 0) {
    lines.push("  Cần lưu ý:");
    for (const p of sheet.problems.slice(0, 20)) lines.push(`    - ${clip(p.message, 120)}`);
    if (sheet.problems.length > 20)
      lines.push(`    … và ${sheet.problems.length - 20} lưu ý khác (xem báo cáo JSON)`);
  }
  return lines;
}

/** the ranking of the communes, best first */
function rollupLines(rollup: readonly RollupEntry[]): string[] {
  const ranking = rankingTable(rollup);
  const rows = [ranking.header, ...ranking.rows];
  return [`Xếp hạng ${rollup.length} xã/phường:`, ...table(rows, ranking.numeric).map((l) => `  ${l}`), ""];
}

/** the mistakes of a "Bộ tiêu chí" sheet, one a line */
export function problemLines(problems: readonly Problem[]): string[] {
  return problems.map((p) => clip(p.message, 160));
}

/** folder mode: how many files were graded, and every file not graded with its reason */
export interface FolderSummary {
  readonly graded: number;
  readonly skipped: readonly { readonly file: string; readonly reason: string }[];
}

function folderLines(files: FolderSummary): string[] {
  const folders = files.skipped.filter((s) => s.file.endsWith("/")).length;
  const notGraded = files.skipped.length - folders;
  const lines = [`Thư mục có ${files.graded + notGraded} tệp (kể cả thư mục con): chấm ${files.graded} tệp.`];
  if (files.skipped.length > 0) {
    lines.push(`Không chấm ${notGraded} tệp${folders > 0 ? `, không xem ${folders} thư mục` : ""}:`);
    lines.push(...table(files.skipped.map((s) => [s.file, s.reason])).map((l) => `  ${l}`));
  }
  lines.push("");
  return lines;
}

/** the whole summary printed after grading; `files` in folder mode */
export function summaryText(
  report: WorkbookReport,
  input: string,
  output: string | null,
  files?: FolderSummary,
  forms?: FormsResult,
): string {
  const lines: string[] = [`cds-grade: ${input}`, ""];
  if (files) lines.push(...folderLines(files));
  for (const sheet of report.sheets) lines.push(...sheetLines(sheet), "");
  if (report.skipped.length > 0) {
    lines.push(`Bỏ qua ${report.skipped.length} trang tính:`);
    const shown = report.skipped.slice(0, 30);
    lines.push(...table(shown.map((s) => [`"${s.name}"`, s.reason])).map((l) => `  ${l}`));
    if (report.skipped.length > shown.length)
      lines.push(`  … và ${report.skipped.length - shown.length} trang tính khác`);
    lines.push("");
  }
  if (report.rollup && report.rollup.length > 1) lines.push(...rollupLines(report.rollup));
  if (forms) lines.push(...formsLines(forms));
  for (const note of report.notes ?? []) lines.push(`Lưu ý: ${note}`);
  if (report.notes && report.notes.length > 0) lines.push("");
  const done = report.sheets.filter((s) => s.summary.complete).length;
  if (report.sheets.length > 0 || !forms || forms.reports.length === 0)
    lines.push(
      `Đã chấm ${report.sheets.length} trang tính: ${done} hoàn thành, ${report.sheets.length - done} chưa hoàn thành.`,
    );
  if (forms && forms.reports.length > 0)
    lines.push(
      `Đã kiểm tra ${forms.reports.length} biểu mẫu tự đánh giá bộ chỉ số (điểm tính lại ghi cạnh bảng).`,
    );
  if (output) lines.push(`${files ? "Tệp tổng hợp" : "Bản đã chấm"}: ${output}`);
  return lines.join("\n");
}
