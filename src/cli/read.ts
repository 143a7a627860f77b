/**
 * Reading .xlsx files with ExcelJS into the core's grids.
 */
import * as fs from "fs";
import * as path from "path";
import type ExcelJS from "exceljs";
import { Workbook, ValueType } from "./exceljs";
import type { Area, Grid, RawCell } from "../../shared/types";
import { UserError } from "./errors";
import { checkFitsInMemory } from "./memory";

/** a sheet as the core reads it */
export interface SheetGrid {
  readonly name: string;
  readonly grid: Grid;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Buffer, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** `EncryptionInfo`, the stream an Office file encrypted with a password starts with, in UTF-16LE */
const ENCRYPTION_STREAM = Buffer.from("EncryptionInfo", "utf16le");
/** `Workbook`, the stream of a legacy .xls, in UTF-16LE */
const XLS_STREAM = Buffer.from("Workbook", "utf16le");
/** an OpenDocument package starts with its `mimetype` part, stored: the type can be read at byte 38 */
const ODS_MIMETYPE = Buffer.from("mimetypeapplication/vnd.oasis.opendocument.spreadsheet", "latin1");
/** the workbook part every .xlsx (and .xlsm) has; ZIP keeps part names uncompressed */
const WORKBOOK_PART = Buffer.from("xl/workbook.xml", "latin1");

/** a file that is not an .xlsx: another format, or a ZIP that holds no workbook (a .docx renamed) */
function notXlsx(file: string): UserError {
  const ext = path.extname(file).toLowerCase();
  const what = ext === ".xlsx" ? "nội dung không phải bảng tính .xlsx" : `định dạng "${ext || "không rõ"}"`;
  return new UserError(
    `"${file}" không phải tệp .xlsx (${what}): hãy lưu bảng tính dạng Excel .xlsx.`,
    `Not an .xlsx file.`,
    [],
    ext === ".xlsx" ? what : `không phải bảng tính .xlsx (${what})`,
  );
}

/**
 * Checks that `file` is a readable .xlsx (a ZIP package) and returns its bytes;
 * throws a UserError naming what is wrong otherwise (missing, .xls, encrypted, not a spreadsheet).
 */
export function readXlsxBytes(file: string): Buffer {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) {
      throw new UserError(`"${file}" là một thư mục, không phải tệp .xlsx.`, `"${file}" is a directory.`);
    }
    bytes = fs.readFileSync(file);
  } catch (err) {
    if (err instanceof UserError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      throw new UserError(
        `Không tìm thấy tệp "${file}".`,
        `File not found: ${file}.`,
        [],
        "không tìm thấy tệp",
      );
    }
    if (code === "EACCES" || code === "EPERM" || code === "EBUSY") {
      const why =
        code === "EBUSY"
          ? "tệp đang bị chương trình khác khóa"
          : "không có quyền đọc, hoặc tệp đang bị chương trình khác khóa";
      throw new UserError(
        `Không đọc được tệp "${file}": ${why}.`,
        `Cannot read ${file}: no permission or locked.`,
        [],
        why,
      );
    }
    throw new UserError(
      `Không đọc được tệp "${file}" (${code ?? "lỗi đọc"}).`,
      `Cannot read ${file}.`,
      [],
      `không đọc được (${code ?? "lỗi đọc"})`,
    );
  }
  const ext = path.extname(file).toLowerCase();
  if (startsWith(bytes, CFB_MAGIC)) {
    // an OLE compound file: either a workbook encrypted with a password or a legacy .xls
    const legacy = !bytes.includes(ENCRYPTION_STREAM) && bytes.includes(XLS_STREAM);
    if (legacy || (ext === ".xls" && !bytes.includes(ENCRYPTION_STREAM))) {
      throw new UserError(
        `"${file}" là tệp Excel 97-2003 (.xls): hãy mở bằng Excel và lưu lại dạng .xlsx.`,
        `Legacy .xls is not supported; save it as .xlsx.`,
        [],
        "định dạng Excel 97–2003 (.xls), hãy mở bằng Excel và lưu lại thành .xlsx",
      );
    }
    throw new UserError(
      `"${file}" được bảo vệ bằng mật khẩu (tệp mã hóa): hãy mở bằng Excel, bỏ mật khẩu rồi lưu lại.`,
      `The workbook is password-protected (encrypted).`,
      [],
      "được bảo vệ bằng mật khẩu, hãy bỏ mật khẩu rồi lưu lại",
    );
  }
  if (startsWith(bytes, ZIP_MAGIC) && bytes.subarray(30, 30 + ODS_MIMETYPE.length).equals(ODS_MIMETYPE)) {
    throw new UserError(
      `"${file}" là bảng tính OpenDocument (.ods): hãy mở bằng LibreOffice Calc hoặc Excel và lưu thành .xlsx.`,
      `OpenDocument spreadsheets are not supported; save it as .xlsx.`,
      [],
      "định dạng OpenDocument (.ods), hãy lưu thành .xlsx",
    );
  }
  if (!startsWith(bytes, ZIP_MAGIC)) throw notXlsx(file);
  return bytes;
}

/**
 * ExcelJS 4.4.0 always writes the workbook's relationship and content type for `xl/theme/theme1.xml` but
 * writes the part only when it read one (exceljs#425, PR #2009 not released): a workbook saved without a
 * theme (LibreOffice writes none) would come out pointing at a missing part, which Excel reports as
 * damaged. Without a `theme1` read, ExcelJS is left to write its default theme (a theme read under another
 * name becomes `theme1`, the name the relationship uses).
 */
function writeThemeWithItsReferences(workbook: ExcelJS.Workbook): void {
  const model = workbook as unknown as { _themes?: Record<string, string> | undefined };
  const themes = model._themes;
  if (!themes || themes.theme1 !== undefined) return;
  const other = Object.values(themes)[0];
  model._themes = other === undefined ? undefined : { theme1: other };
}

/** a workbook as read, and whether its package holds macros (a VBA project, as an .xlsm does) */
export interface ReadWorkbook {
  readonly workbook: ExcelJS.Workbook;
  readonly macros: boolean;
}

/** `vbaProject.bin`, the part holding an .xlsm's macros; its name is stored uncompressed in the ZIP */
const VBA_PART = Buffer.from("vbaProject.bin", "latin1");

/** Reads an .xlsx (or .xlsm) with ExcelJS; a damaged package becomes a UserError. */
export async function readWorkbook(file: string): Promise<ReadWorkbook> {
  const bytes = readXlsxBytes(file);
  checkFitsInMemory(file, bytes);
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new UserError(
      `"${file}" bị hỏng, không mở được: hãy mở bằng Excel và lưu lại.`,
      `The workbook is corrupt and cannot be opened.`,
      [],
      "tệp bị hỏng, không mở được",
    );
  }
  if (workbook.worksheets.length === 0 && !bytes.includes(WORKBOOK_PART)) throw notXlsx(file);
  writeThemeWithItsReferences(workbook);
  return { workbook, macros: /\.xlsm$/i.test(file) || bytes.includes(VBA_PART) };
}

/** Loads an .xlsx with ExcelJS; a damaged package becomes a UserError. */
export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  return (await readWorkbook(file)).workbook;
}

function richTextOf(parts: readonly { text: string }[]): string {
  return parts.map((p) => p.text).join("");
}

/**
 * One ExcelJS cell value as the core takes it: the cached result of a formula (never the formula),
 * `{ error }` for error values, the joined text of rich text and hyperlinks.
 */
export function rawFromCellValue(value: ExcelJS.CellValue | undefined): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  const v = value as unknown as Record<string, unknown>;
  if (typeof v.error === "string") return { error: v.error };
  if (Array.isArray(v.richText)) return richTextOf(v.richText as { text: string }[]);
  if ("formula" in v || "sharedFormula" in v) {
    return rawFromCellValue(v.result as ExcelJS.CellValue | undefined);
  }
  if ("hyperlink" in v || "text" in v) {
    const text = v.text;
    if (typeof text === "string") return text;
    if (text && typeof text === "object" && Array.isArray((text as { richText?: unknown }).richText)) {
      return richTextOf((text as { richText: { text: string }[] }).richText);
    }
    return null;
  }
  return null;
}

/** a font the core may read as a legacy encoding (`.VnTime`, `VNI-Times`); others are not handed over */
function legacyFontName(name: unknown): string | null {
  return typeof name === "string" && /^(\.vn|vni)/i.test(name.trim()) ? name : null;
}

/**
 * Converts one worksheet to a grid of values and number formats; merged cells keep their value in the master
 * only, and the grid lists the merged areas. Font names are handed over only where a cell is in a legacy
 * Vietnamese font (`.VnTime`, `VNI-Times`): the core reads that text as Unicode.
 */
export function gridFromWorksheet(sheet: ExcelJS.Worksheet): Grid {
  const values: RawCell[][] = [];
  const formats: (string | null)[][] = [];
  let fonts: (string | null)[][] | null = null;
  const merges = new Map<string, Area>();
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    const rowValues: RawCell[] = [];
    const rowFormats: (string | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      if (cell.type === ValueType.Merge) {
        const master = cell.master;
        const key = master.address;
        const top = Number(master.row) - 1;
        const left = Number(master.col) - 1;
        const known = merges.get(key) ?? { row: top, col: left, rows: 1, cols: 1 };
        merges.set(key, {
          row: top,
          col: left,
          rows: Math.max(known.rows, r - top + 1),
          cols: Math.max(known.cols, c - left + 1),
        });
        return;
      }
      while (rowValues.length < c) {
        rowValues.push(null);
        rowFormats.push(null);
      }
      rowValues[c] = rawFromCellValue(cell.value);
      rowFormats[c] = cell.numFmt || null;
      const font = typeof rowValues[c] === "string" ? legacyFontName(cell.font?.name) : null;
      if (font) {
        fonts ??= [];
        (fonts[r] ??= [])[c] = font;
      }
    });
    values[r] = rowValues;
    formats[r] = rowFormats;
  });
  for (let r = 0; r < values.length; r++) {
    if (!values[r]) {
      values[r] = [];
      formats[r] = [];
    }
  }
  const fontRows = fonts as (string | null)[][] | null;
  return {
    values,
    formats,
    ...(merges.size > 0 ? { merges: [...merges.values()] } : {}),
    ...(fontRows ? { fonts: Array.from({ length: values.length }, (_, r) => fontRows[r] ?? []) } : {}),
  };
}

/** every worksheet of the workbook as a named grid, in tab order */
export function sheetGrids(workbook: ExcelJS.Workbook): SheetGrid[] {
  return workbook.worksheets.map((ws) => ({ name: ws.name, grid: gridFromWorksheet(ws) }));
}
