/**
 * `cds-grade THƯ_MỤC`: which files of a folder (and its subfolders, at any depth) are graded, and why each
 * other file is not.
 */
import * as fs from "fs";
import * as path from "path";

/** a file of the folder that was not graded, and why (a short Vietnamese reason) */
export interface SkippedFile {
  /** path relative to the folder, `/` between folders */
  readonly file: string;
  readonly reason: string;
}

/** a workbook to grade */
export interface FolderFile {
  /** path relative to the folder, `/` between folders */
  readonly file: string;
  readonly path: string;
}

export interface FolderListing {
  readonly workbooks: readonly FolderFile[];
  readonly skipped: readonly SkippedFile[];
}

/** why a file is not read, by its name alone; null for a workbook to read */
export function reasonByName(name: string): string | null {
  if (name.startsWith("~$")) return "tệp tạm của Excel khi một bảng tính đang mở, không phải bảng tính";
  if (/\.cham\.xlsx$/i.test(name)) return "bản đã chấm do cds-grade ghi (tệp gốc của nó được chấm)";
  if (/\.xls[xm]$/i.test(name)) return null;
  const ext = path.extname(name).toLowerCase();
  if (ext === ".xls") return "định dạng Excel 97–2003 (.xls), hãy mở bằng Excel và lưu lại thành .xlsx";
  if (ext === ".ods") return "định dạng OpenDocument (.ods), hãy lưu thành .xlsx";
  if (ext === ".csv") return "tệp văn bản CSV, hãy mở bằng Excel và lưu thành .xlsx";
  if (ext === ".xlsb") return "định dạng Excel nhị phân (.xlsb), hãy lưu lại thành .xlsx";
  return "không phải bảng tính .xlsx";
}

const byName = (a: string, b: string): number => a.localeCompare(b, "vi");

/**
 * Every file under `dir`, subfolders included at any depth: the workbooks to grade (.xlsx, .xlsm) and every
 * other file with its reason. Hidden folders (`.git`) and links to folders are listed, not entered.
 * @param isOutput whether a path is one this run writes (never graded)
 */
export function listFolder(dir: string, isOutput: (file: string) => boolean): FolderListing {
  const workbooks: FolderFile[] = [];
  const skipped: SkippedFile[] = [];
  const walk = (folder: string, prefix: string): void => {
    const entries = fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => byName(a.name, b.name));
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      const rel = prefix + entry.name;
      let isDir = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        try {
          if (fs.statSync(full).isDirectory()) {
            skipped.push({ file: `${rel}/`, reason: "liên kết tới một thư mục khác, không xem" });
            continue;
          }
        } catch {
          skipped.push({ file: rel, reason: "liên kết hỏng (tệp đích không còn)" });
          continue;
        }
        isDir = false;
      }
      if (isDir) {
        if (entry.name.startsWith(".")) skipped.push({ file: `${rel}/`, reason: "thư mục ẩn, không xem" });
        else walk(full, `${rel}/`);
        continue;
      }
      if (isOutput(full)) {
        skipped.push({ file: rel, reason: "tệp ra của chính lệnh này" });
        continue;
      }
      const reason = reasonByName(entry.name);
      if (reason === null) workbooks.push({ file: rel, path: full });
      else skipped.push({ file: rel, reason });
    }
  };
  walk(dir, "");
  return { workbooks, skipped };
}

/** the name a file gives its sheets in the roll-up: its path in the folder with ` › ` between parts */
export function displayFileName(file: string): string {
  return file.split("/").join(" › ");
}
