/**
 * What an .xlsx package holds, read from its ZIP directory without unpacking the sheets: each part's
 * packed and unpacked size, and the sheets' names and parts. Lets cds-grade say before reading whether a
 * workbook fits in memory, and which sheets make it large.
 */
import { inflateRawSync } from "zlib";

/** one part of the package */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly packedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const FULL32 = 0xffffffff;

/** the end-of-central-directory record: searched from the end (a comment may follow it) */
function findEnd(bytes: Buffer): number {
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--) if (bytes.readUInt32LE(i) === EOCD) return i;
  return -1;
}

/** sizes and offset from a ZIP64 extra field, for the fields the central header marks 0xFFFFFFFF */
function zip64(extra: Buffer, size: number, packed: number, offset: number): [number, number, number] {
  for (let i = 0; i + 4 <= extra.length;) {
    const id = extra.readUInt16LE(i);
    const length = extra.readUInt16LE(i + 2);
    if (id === 0x0001) {
      let at = i + 4;
      const next = (): number => {
        const v = Number(extra.readBigUInt64LE(at));
        at += 8;
        return v;
      };
      const s = size === FULL32 ? next() : size;
      const p = packed === FULL32 ? next() : packed;
      const o = offset === FULL32 ? next() : offset;
      return [s, p, o];
    }
    i += 4 + length;
  }
  return [size, packed, offset];
}

/** every part listed in the ZIP's central directory; null when the bytes hold no readable directory */
export function zipEntries(bytes: Buffer): ZipEntry[] | null {
  const end = findEnd(bytes);
  if (end < 0) return null;
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) return null;
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const name = bytes.toString("utf8", at + 46, at + 46 + nameLength);
    const extra = bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    const [size, packedSize, localOffset] = zip64(
      extra,
      bytes.readUInt32LE(at + 24),
      bytes.readUInt32LE(at + 20),
      bytes.readUInt32LE(at + 42),
    );
    entries.push({ name, method: bytes.readUInt16LE(at + 10), packedSize, size, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** the unpacked text of a (small) part; null when it cannot be read */
export function entryText(bytes: Buffer, entry: ZipEntry): string | null {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL) return null;
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const packed = bytes.subarray(start, start + entry.packedSize);
  try {
    if (entry.method === 0) return packed.toString("utf8");
    if (entry.method === 8) return inflateRawSync(packed).toString("utf8");
  } catch {
    return null;
  }
  return null;
}

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
    if (e[0] !== "#") return named[e.toLowerCase()]!;
    return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });
}

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1]!) : undefined;
}

/** a sheet of the workbook and the size of its part */
export interface SheetPart {
  readonly name: string;
  readonly part: string;
  /** unpacked bytes of the sheet's XML */
  readonly size: number;
}

/** the workbook's sheets in tab order with their parts' sizes (from workbook.xml and its relationships) */
export function sheetParts(bytes: Buffer, entries: readonly ZipEntry[]): SheetPart[] {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const workbook = byName.get("xl/workbook.xml");
  const rels = byName.get("xl/_rels/workbook.xml.rels");
  const workbookXml = workbook ? entryText(bytes, workbook) : null;
  const relsXml = rels ? entryText(bytes, rels) : null;
  if (workbookXml === null || relsXml === null) return [];
  const targets = new Map<string, string>();
  for (const tag of relsXml.match(/<Relationship\b[^>]*>/g) ?? []) {
    const id = attribute(tag, "Id");
    const target = attribute(tag, "Target");
    if (id !== undefined && target !== undefined)
      targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const sheets: SheetPart[] = [];
  for (const tag of workbookXml.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []) {
    const name = attribute(tag, "name");
    const part = targets.get(attribute(tag, "r:id") ?? "");
    if (name === undefined || part === undefined) continue;
    sheets.push({ name, part, size: byName.get(part)?.size ?? 0 });
  }
  return sheets;
}
