/**
 * cds-grade as a function: parse arguments, read the workbook, grade it with the core, write the graded copy,
 * the JSON report and the terminal summary. Returns the exit code; never calls process.exit.
 */
import * as fs from "fs";
import * as path from "path";
import type ExcelJS from "exceljs";
import { Workbook } from "./exceljs";
import type { CriteriaSet, SkippedSheet, WorkbookReport } from "../../shared/types";
import {
  BUILTIN_SETS,
  findSet,
  folderSheets,
  parseCriteriaSet,
  planClear,
  planCriteriaSheet,
  resolveOwnSheets,
  CRITERIA_MARK,
  planSummary,
  summarySectionsWithRollup,
  type FolderWorkbook,
} from "../../shared/index";
import {
  builtinIndexSets,
  findIndexSet,
  gradeWorkbookWithForms,
  planSummaryWithForms,
  indexSetToJson,
  isIndexSheet,
  INDEX_SHEET,
  parseIndexSet,
  planIndexSheet,
  type FormsResult,
  type WorkbookOptions,
} from "../../shared/dti";
import { parseArgs, parseExportSet, USAGE, type CliOptions } from "./args";
import { EXIT_USAGE, UserError } from "./errors";
import { loadWorkbook, readWorkbook, sheetGrids } from "./read";
import { applyEditPlan, readMarks } from "./write";
import { jsonReport } from "./report";
import { problemLines, summaryText, type FolderSummary } from "./print";
import { clip } from "../../shared/text";
import { displayFileName, listFolder, type SkippedFile } from "./folder";
import { checkWritable, sameFile, writeAtomically, writeTextAtomically } from "./files";

/** where cds-grade prints; tests and the bench pass their own */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly debug: boolean;
}

const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  debug: process.env.CDS_DEBUG === "1",
};

/**
 * With CDS_DEBUG=1, on stderr: the milliseconds of each step (`đọc tệp 812 ms; chấm 301 ms; …`) and the
 * V8 heap in use after it (what the step left behind: the read workbook, the grids …).
 */
function stopwatch(io: CliIo): { lap: (step: string) => void; done: () => void } {
  const laps: string[] = [];
  const heaps: string[] = [];
  let last = performance.now();
  return {
    lap: (step) => {
      const now = performance.now();
      laps.push(`${step} ${Math.round(now - last)} ms`);
      if (io.debug) heaps.push(`${step} ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MB`);
      last = now;
    },
    done: () => {
      if (!io.debug) return;
      io.err(`Thời gian: ${laps.join("; ")}`);
      io.err(`Bộ nhớ heap sau từng bước: ${heaps.join("; ")}`);
    },
  };
}

/** reads `--set`: a built-in id, `none` (rows carry their own targets) or a JSON file checked by the schema */
export function gradeOptionsFor(set: string | undefined, year: number | undefined): WorkbookOptions {
  const withYear = year !== undefined ? { year } : {};
  if (set === undefined) return { ...withYear };
  if (set === "none") return { sets: [], ...withYear };
  if (findSet(set)) return { setId: set, ...withYear };
  if (findIndexSet(set)) return { indexSetId: set, ...withYear };
  if (!/\.json$/i.test(set)) {
    const ids = [...BUILTIN_SETS, ...builtinIndexSets()].map((s) => s.id).join(", ");
    throw new UserError(
      `Không có bộ tiêu chí "${set}"; chọn một trong: ${ids}, none, hoặc một tệp .json.`,
      `Unknown criteria set "${set}".`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(set, "utf8"));
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === "ENOENT";
    throw new UserError(
      missing
        ? `Không tìm thấy tệp bộ tiêu chí "${set}".`
        : `Tệp bộ tiêu chí "${set}" không phải JSON hợp lệ.`,
      missing ? `Criteria set file not found.` : `Criteria set file is not valid JSON.`,
    );
  }
  if (isIndexSetJson(json)) {
    const index = parseIndexSet(json);
    if (!index.ok)
      throw new UserError(
        `Tệp bộ chỉ số "${set}" không hợp lệ (${index.errors.length} lỗi).`,
        `Invalid index set file.`,
        index.errors,
      );
    return { indexSets: [index.set], indexSetId: index.set.id, ...withYear };
  }
  const parsed = parseCriteriaSet(json);
  if (!parsed.ok) {
    throw new UserError(
      `Tệp bộ tiêu chí "${set}" không hợp lệ (${parsed.errors.length} lỗi).`,
      `Invalid criteria set file.`,
      parsed.errors,
    );
  }
  const custom: CriteriaSet = parsed.set;
  return { sets: [custom], setId: custom.id, ...withYear };
}

/** an index set's JSON (main indices and components) rather than a criteria set's */
function isIndexSetJson(json: unknown): boolean {
  return typeof json === "object" && json !== null && "components" in json && !("criteria" in json);
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** `--export-set ID [FILE]`: a built-in set as JSON (stdout or FILE.json) or as a "Bộ tiêu chí" sheet (FILE.xlsx) */
async function exportCriteriaSet(request: { id: string; file?: string }, io: CliIo): Promise<number> {
  const index = findIndexSet(request.id);
  if (index) return exportIndexSet(index, request.file, io);
  const set = findSet(request.id);
  if (!set) {
    const ids = [...BUILTIN_SETS, ...builtinIndexSets()].map((s) => s.id).join(", ");
    throw new UserError(
      `Không có bộ tiêu chí "${request.id}"; chọn một trong: ${ids}.`,
      `Unknown criteria set "${request.id}".`,
    );
  }
  if (request.file === undefined) {
    io.out(JSON.stringify(set, null, 2));
    return 0;
  }
  checkWritable(request.file, "bộ tiêu chí");
  if (/\.xlsx$/i.test(request.file)) {
    const sheet = planCriteriaSheet(set);
    const workbook = new Workbook();
    applyEditPlan(
      workbook,
      { sheets: [], summary: { ...sheet, formats: [], charts: [] } },
      [],
      null,
      CRITERIA_MARK,
    );
    await writeAtomically(request.file, (stream) => workbook.xlsx.write(stream), "bộ tiêu chí");
  } else await writeTextAtomically(request.file, `${JSON.stringify(set, null, 2)}\n`, "bộ tiêu chí");
  io.out(`Đã ghi bộ tiêu chí "${set.id}" (${set.criteria.length} chỉ tiêu) vào "${request.file}".`);
  return 0;
}

/** `--export-set` of an index set: JSON (stdout or FILE.json) or a "Bộ chỉ số" sheet (FILE.xlsx) */
async function exportIndexSet(
  set: NonNullable<ReturnType<typeof findIndexSet>>,
  file: string | undefined,
  io: CliIo,
): Promise<number> {
  const json = `${JSON.stringify(indexSetToJson(set), null, 2)}\n`;
  if (file === undefined) {
    io.out(json.trimEnd());
    return 0;
  }
  checkWritable(file, "bộ chỉ số");
  if (/\.xlsx$/i.test(file)) {
    const workbook = new Workbook();
    applyEditPlan(workbook, { sheets: [], summary: { ...planIndexSheet(set), formats: [], charts: [] } });
    await writeAtomically(file, (stream) => workbook.xlsx.write(stream), "bộ chỉ số");
  } else await writeTextAtomically(file, json, "bộ chỉ số");
  io.out(`Đã ghi bộ chỉ số "${set.id}" (${set.components.length} chỉ số thành phần) vào "${file}".`);
  return 0;
}

function writeJsonReport(
  file: string,
  report: WorkbookReport,
  input: string,
  notes: readonly string[] = [],
  skippedFiles?: readonly SkippedFile[],
  forms?: FormsResult,
): Promise<void> {
  const json = jsonReport(report, path.basename(input), notes, skippedFiles, forms);
  const text = `${JSON.stringify(json, null, 2)}\n`;
  return writeTextAtomically(file, text, "báo cáo JSON");
}

/** why a file's "Bộ chỉ số" sheet is not used in folder mode */
export const FOLDER_INDEX_SHEET_REASON = `trang "${INDEX_SHEET}" của từng tệp không dùng khi chấm cả thư mục (dùng --set TỆP.json)`;

/**
 * A folder of workbooks, subfolders included at any depth: every annex and every self-assessment form of every
 * file graded at once, one roll-up workbook written (the summary sheet with the annexes' ranking and criteria ×
 * communes matrix, and the forms' ranking by recomputed points across the files). Every file not graded is listed
 * with its reason (another format, unreadable, no annex nor form, a graded copy, Excel's lock file, the output
 * itself); none of them stops the run.
 */
async function gradeFolder(options: CliOptions, gradeOptions: WorkbookOptions, io: CliIo): Promise<number> {
  const dir = options.input;
  const outputs = [options.out, ...(options.json !== undefined ? [options.json] : [])];
  const listing = listFolder(dir, (file) => outputs.some((o) => sameFile(file, o)));
  const skippedFiles: SkippedFile[] = [...listing.skipped];
  const fileSheets: { file: string; sheets: ReturnType<typeof folderSheets> }[] = [];
  for (const { file, path: full } of listing.workbooks) {
    try {
      const all = sheetGrids(await loadWorkbook(full));
      const workbook: FolderWorkbook = {
        fileName: displayFileName(file),
        sheets: all.filter((s) => !isIndexSheet(s.name)),
      };
      const sheets = folderSheets([workbook]);
      // a file's own "Bộ chỉ số" is not used: one folder is checked with one index set, as with criteria
      const base = displayFileName(file).replace(/\.[A-Za-z0-9]{1,5}$/, "");
      const indexSheets = all
        .filter((s) => isIndexSheet(s.name))
        .map((s) => ({ name: `${base} › ${s.name}`, reason: FOLDER_INDEX_SHEET_REASON }));
      fileSheets.push({ file, sheets: { ...sheets, skipped: [...sheets.skipped, ...indexSheets] } });
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      skippedFiles.push({ file, reason: err.reason ?? err.vi });
    }
  }
  const { report: graded, forms } = gradeWorkbookWithForms(
    fileSheets.flatMap((f) => f.sheets.sheets),
    gradeOptions,
  );
  // a file none of whose sheets holds an annex or a form is listed among the files, its sheets' reasons in one line
  const gradedNames = new Set([...graded.sheets.map((s) => s.name), ...forms.reports.map((f) => f.name)]);
  const sheetReasons = new Map(graded.skipped.map((s) => [s.name, s.reason]));
  const skippedSheets: SkippedSheet[] = [];
  let gradedFiles = 0;
  for (const { file, sheets } of fileSheets) {
    const own = [
      ...sheets.skipped,
      ...sheets.sheets.map((s) => ({ name: s.name, reason: sheetReasons.get(s.name) })),
    ];
    if (sheets.sheets.some((s) => gradedNames.has(s.name))) {
      gradedFiles++;
      for (const s of own)
        if (s.reason !== undefined && !gradedNames.has(s.name))
          skippedSheets.push({ name: s.name, reason: s.reason });
      continue;
    }
    const first = own.find((s) => s.reason !== undefined);
    const why =
      own.length === 0
        ? "tệp không có trang tính nào"
        : `${clip(first!.reason!, 200)}${own.length > 1 ? ` (và ${own.length - 1} trang khác)` : ""}`;
    skippedFiles.push({ file, reason: `không có bảng phụ lục CĐS hay biểu mẫu bộ chỉ số — ${why}` });
  }
  skippedFiles.sort((a, b) => a.file.localeCompare(b.file, "vi"));
  const report: WorkbookReport = { ...graded, skipped: skippedSheets };
  const files: FolderSummary = { graded: gradedFiles, skipped: skippedFiles };
  if (report.sheets.length === 0 && forms.reports.length === 0) {
    const none = listing.workbooks.length === 0;
    throw new UserError(
      none
        ? `Thư mục "${dir}" không có tệp .xlsx nào để chấm${skippedFiles.length ? ` (${skippedFiles.length} tệp khác, xem dưới)` : ""}.`
        : `Không tìm thấy bảng phụ lục CĐS nào trong ${listing.workbooks.length} tệp của thư mục "${dir}".`,
      none ? `No .xlsx file in the folder.` : `No annex table found in the folder.`,
      [
        ...skippedFiles.slice(0, 20).map((s) => `${s.file}: ${s.reason}`),
        ...(skippedFiles.length > 20 ? [`… và ${skippedFiles.length - 20} tệp khác`] : []),
      ],
    );
  }
  // with forms: the annexes' sections (roll-up included), then the forms' ranking across the files
  const summary =
    forms.reports.length > 0
      ? planSummaryWithForms(report, forms, gradeOptions.sets)
      : planSummary(report, summarySectionsWithRollup(report, gradeOptions.sets ?? BUILTIN_SETS));
  const workbook = new Workbook();
  applyEditPlan(workbook, { sheets: [], summary });
  await writeAtomically(options.out, (stream) => workbook.xlsx.write(stream), "tệp tổng hợp");
  const withForms = forms.reports.length > 0 ? forms : undefined;
  if (options.json) await writeJsonReport(options.json, report, dir, [], skippedFiles, withForms);
  io.out(summaryText(report, dir, options.out, files, withForms));
  return 0;
}

/**
 * grids of every sheet, graded (annexes and index forms); the grids are dropped on return, before the copy is
 * written. The add-in's own sheets are known by their marks (report/own-sheets.ts): only they are replaced.
 */
function gradeSheets(workbook: ExcelJS.Workbook, options: WorkbookOptions) {
  const sheets = sheetGrids(workbook);
  const marks = readMarks(workbook);
  const previous = planClear(sheets, marks).sheets;
  const ownSummary = resolveOwnSheets(sheets, marks).summary;
  return { ...gradeWorkbookWithForms(sheets, { ...options, marks }), previous, ownSummary };
}

/** what the user is told when the input holds macros (ExcelJS reads the sheets, not the VBA project) */
export function macroNote(input: string, out: string): string {
  return (
    `"${path.basename(input)}" có macro (VBA); bản đã chấm "${path.basename(out)}" là tệp .xlsx thường, ` +
    `không mang theo macro. Tệp gốc vẫn giữ nguyên macro.`
  );
}

/**
 * Before any work: the outputs are not the input (nor each other) by identity, and can be created
 * (their folders exist, they are not folders).
 */
function checkOutputs(options: CliOptions): void {
  if (sameFile(options.input, options.out)) {
    throw new UserError(
      `Không ghi đè tệp gốc "${options.input}": hãy chọn --out khác.`,
      `Refusing to overwrite the input file.`,
    );
  }
  const json = options.json;
  if (json !== undefined && (sameFile(options.input, json) || sameFile(options.out, json))) {
    throw new UserError(
      `Tệp báo cáo --json "${json}" trùng tệp bảng tính: hãy chọn tên khác.`,
      `The JSON report path equals a workbook path.`,
    );
  }
  checkWritable(options.out, isDirectory(options.input) ? "tệp tổng hợp" : "bản đã chấm");
  if (json !== undefined) checkWritable(json, "báo cáo JSON");
}

async function grade(args: readonly string[], io: CliIo): Promise<number> {
  const exportSet = parseExportSet(args);
  if (exportSet) return exportCriteriaSet(exportSet, io);
  const options = parseArgs(args);
  if (options.help) {
    io.out(USAGE);
    return 0;
  }
  checkOutputs(options);
  const gradeOptions = gradeOptionsFor(options.set, options.year);
  if (isDirectory(options.input)) return gradeFolder(options, gradeOptions, io);
  const clock = stopwatch(io);
  const { workbook, macros } = await readWorkbook(options.input);
  clock.lap("đọc tệp");
  const { report, forms, plan, previous, ownSummary } = gradeSheets(workbook, gradeOptions);
  clock.lap("chấm");
  const criteriaProblems = report.criteriaSheetProblems ?? [];
  if (criteriaProblems.length > 0) {
    const sheet = criteriaProblems[0]!.sheet;
    throw new UserError(
      `Trang "${sheet}" (bộ tiêu chí riêng của tệp) có ${criteriaProblems.length} lỗi, chưa chấm trang nào: sửa rồi chấm lại.`,
      `The workbook's criteria sheet has errors; nothing was graded.`,
      problemLines(criteriaProblems),
    );
  }
  const indexProblems = forms.indexSheetProblems ?? [];
  if (indexProblems.length > 0 && report.sheets.length === 0) {
    throw new UserError(
      `Trang "${indexProblems[0]!.sheet}" (bộ chỉ số riêng của tệp) có ${indexProblems.length} lỗi, chưa chấm biểu mẫu nào: sửa rồi chấm lại.`,
      `The workbook's index sheet has errors; no form was checked.`,
      indexProblems.map((p) => clip(p.message, 160)),
    );
  }
  if (report.sheets.length === 0 && forms.reports.length === 0) {
    const why = report.skipped.length
      ? report.skipped
          .slice(0, 3)
          .map((s) => `"${s.name}": ${clip(s.reason, 80)}`)
          .join("; ") + (report.skipped.length > 3 ? `; … (${report.skipped.length} trang tính)` : "")
      : "tệp không có trang tính nào";
    throw new UserError(
      `Không tìm thấy bảng phụ lục CĐS nào trong "${options.input}" — ${why}.`,
      `No annex table found.`,
    );
  }
  applyEditPlan(workbook, plan, previous, ownSummary);
  clock.lap("ghi kết quả vào bảng");
  await writeAtomically(options.out, (stream) => workbook.xlsx.write(stream), "bản đã chấm");
  clock.lap("ghi tệp");
  const notes = macros ? [macroNote(options.input, options.out)] : [];
  if (options.json) await writeJsonReport(options.json, report, options.input, notes, undefined, forms);
  io.out(summaryText(report, options.input, options.out, undefined, forms));
  for (const note of notes) io.out(`Lưu ý: ${note}`);
  clock.lap("báo cáo");
  clock.done();
  return 0;
}

/**
 * Runs cds-grade on argv (without `node` and the script name).
 * @returns 0 when graded, 2 for a user's mistake (one line on stderr), 1 for an internal error
 */
export async function runCli(args: readonly string[], io: CliIo = processIo): Promise<number> {
  try {
    return await grade(args, io);
  } catch (err) {
    if (err instanceof UserError) {
      io.err(`Lỗi: ${err.vi} — ${err.en}`);
      for (const line of err.details) io.err(`  - ${line}`);
      if (io.debug && err.stack) io.err(err.stack);
      return EXIT_USAGE;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.err(`Lỗi nội bộ của cds-grade: ${message} — Internal error (set CDS_DEBUG=1 for details).`);
    if (io.debug && err instanceof Error && err.stack) io.err(err.stack);
    return 1;
  }
}
