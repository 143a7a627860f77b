/**
 * Whether a workbook fits in the memory cds-grade has, said before reading it. ExcelJS holds every cell
 * of every sheet as objects and writes each sheet's XML as one string, so the heap it needs grows with the
 * unpacked size of the sheets' XML (and the shared strings), whatever the sheets hold.
 */
import * as path from "path";
import { getHeapStatistics } from "v8";
import { UserError } from "./errors";
import { sheetParts, zipEntries } from "./zip";

/**
 * Heap per byte of unpacked sheet XML and shared strings, reading and writing the copy. Measured on the
 * generated household workbook (scripts/large-workbook.ts): at 13 MB of XML, ExcelJS alone and cds-grade
 * both need 192–208 MB of heap (`--max-old-space-size` bisected), about 12 bytes per byte above the base.
 * 10 is taken so that a workbook is refused only when it clearly cannot fit; nearer the limit, the worker's
 * memory limit (main.ts) still ends the run with words, not a crash.
 */
export const HEAP_PER_XML_BYTE = 10;
/** node, ExcelJS, the bundle and a graded annex */
export const BASE_HEAP_BYTES = 48 * 2 ** 20;

const MB = 2 ** 20;

/** the heap this process may use (the `--max-old-space-size` in force, or V8's default for the machine) */
export function heapLimit(): number {
  return getHeapStatistics().heap_size_limit;
}

/** `1,3 GB`, `212 MB` */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * MB) return `${(bytes / (1024 * MB)).toFixed(1).replace(".", ",")} GB`;
  return `${Math.round(bytes / MB)} MB`;
}

/**
 * A heap size to suggest, in MB: the need as measured (12 bytes a byte of XML, not the 10 the refusal
 * takes), half as much again for room, rounded up to a whole GB.
 */
function suggestedHeapMb(xml: number): number {
  return Math.ceil(((BASE_HEAP_BYTES + 12 * xml) * 1.5) / (1024 * MB)) * 1024;
}

/** what to do when a workbook is too large: the same advice before reading and after running out */
function advice(xml: number | null): string[] {
  const heap = xml === null ? 4096 : suggestedHeapMb(xml);
  return [
    `Cách 1: chỉ chấm các trang phụ lục — trong Excel, chuột phải vào tên từng trang phụ lục → "Di chuyển hoặc Sao chép…" → "(sách mới)", lưu tệp mới rồi chấm tệp đó; các trang số liệu lớn không cần cho việc chấm.`,
    `Cách 2: trên máy có nhiều bộ nhớ hơn, cho cds-grade dùng thêm bộ nhớ bằng biến môi trường NODE_OPTIONS=--max-old-space-size=${heap} rồi chạy lại.`,
  ];
}

/**
 * The error for a workbook ExcelJS cannot hold in `limit` bytes of heap: what makes it large, what it
 * needs, what is available, and what to do. Without `estimate`: the run ran out (V8 ended it, or the system
 * did when the machine itself ran out of memory: `machine`).
 */
export function tooLarge(
  file: string,
  limit: number,
  estimate?: {
    readonly need: number;
    readonly xml: number;
    readonly largest: readonly { name: string; size: number }[];
  },
  machine = false,
): UserError {
  const name = path.basename(file);
  const what = estimate
    ? `các trang tính chiếm ${sizeText(estimate.xml)} khi giải nén` +
      (estimate.largest.length > 0
        ? ` (lớn nhất: ${estimate.largest.map((s) => `"${s.name}" ${sizeText(s.size)}`).join(", ")})`
        : "") +
      `, cần khoảng ${sizeText(estimate.need)} bộ nhớ, cds-grade có ${sizeText(limit)}`
    : machine
      ? `hệ điều hành đã dừng cds-grade khi đọc hoặc ghi tệp (SIGKILL), thường vì máy hết bộ nhớ; chưa ghi gì`
      : `đã dùng hết ${sizeText(limit)} bộ nhớ dành cho cds-grade khi đọc hoặc ghi tệp; chưa ghi gì`;
  return new UserError(
    `Tệp "${name}" quá lớn so với bộ nhớ hiện có: ${what}.`,
    `The workbook is too large for the available memory.`,
    advice(estimate ? estimate.xml : null),
    `quá lớn so với bộ nhớ hiện có (${estimate ? `cần khoảng ${sizeText(estimate.need)}` : "hết bộ nhớ"})`,
  );
}

/**
 * Throws `tooLarge` when the package's sheets clearly need more heap than `limit`; otherwise nothing
 * (also when the ZIP directory cannot be read: ExcelJS then says what is wrong).
 */
export function checkFitsInMemory(file: string, bytes: Buffer, limit: number = heapLimit()): void {
  const entries = zipEntries(bytes);
  if (!entries) return;
  const xml = entries
    .filter((e) => /^xl\/(worksheets\/[^/]+\.xml|sharedStrings\.xml)$/i.test(e.name))
    .reduce((sum, e) => sum + e.size, 0);
  const need = BASE_HEAP_BYTES + HEAP_PER_XML_BYTE * xml;
  if (need <= limit) return;
  const largest = sheetParts(bytes, entries)
    .sort((a, b) => b.size - a.size)
    .filter((s, i) => i < 3 && s.size >= xml / 10)
    .map((s) => ({ name: s.name, size: s.size }));
  throw tooLarge(file, limit, { need, xml, largest });
}
