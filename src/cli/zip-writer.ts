/**
 * The ZIP writer cds-grade gives ExcelJS (src/cli/exceljs.ts) in place of its own. ExcelJS 4.4.0 keeps
 * every part it renders (each sheet's XML as a string) in a JSZip archive and deflates them all at the
 * end with pako, in JavaScript. This one deflates each part with Node's zlib as it is added, passes the
 * bytes on and drops the text: the same package, written in a fraction of the time and without holding
 * every sheet's XML until the end. Same methods as ExcelJS's writer (`append`, `pipe`, `finalize`, the
 * `finish` event).
 */
import { EventEmitter } from "events";
import * as zlib from "zlib";

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
/** general-purpose flag: file names are UTF-8 */
const UTF8_NAMES = 0x0800;
const DEFLATE = 8;
const STORE = 0;
/** the largest size or offset a ZIP without ZIP64 records can hold */
const MAX_32 = 0xfffffffe;

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** CRC-32 of the bytes, by table (for Node before 20.15, which has no zlib.crc32) */
export function crc32ByTable(bytes: Buffer): number {
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** CRC-32 of the bytes: Node's zlib.crc32 where there is one, else by table */
export const crc32: (bytes: Buffer) => number =
  (zlib as { crc32?: (data: Buffer) => number }).crc32 ?? crc32ByTable;

/** MS-DOS time and date of `when`, as ZIP headers hold them */
function dosDateTime(when: Date): { time: number; date: number } {
  return {
    time: (when.getHours() << 11) | (when.getMinutes() << 5) | (when.getSeconds() >> 1),
    date: (Math.max(0, when.getFullYear() - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate(),
  };
}

interface Written {
  readonly name: Buffer;
  readonly method: number;
  readonly crc: number;
  readonly packed: number;
  readonly size: number;
  readonly offset: number;
}

/** where the bytes go: the stream ExcelJS pipes the writer into */
interface Sink {
  write(chunk: Buffer): unknown;
}

/** a ZIP archive written part by part, each part deflated by zlib when it is added */
export class ZipWriter extends EventEmitter {
  private sink: Sink | null = null;
  private pending: Buffer[] = [];
  private offset = 0;
  private readonly written: Written[] = [];
  private readonly stamp = dosDateTime(new Date());

  /** ExcelJS passes its zip options (compression level …); zlib's defaults are used */
  constructor(_options?: unknown) {
    super();
  }

  /** sends the archive's bytes to `destination` (what was written before is sent first) */
  pipe<T extends Sink>(destination: T): T {
    this.sink = destination;
    for (const chunk of this.pending) destination.write(chunk);
    this.pending = [];
    return destination;
  }

  private emitBytes(chunk: Buffer): void {
    if (this.sink) this.sink.write(chunk);
    else this.pending.push(chunk);
    this.offset += chunk.length;
  }

  /** adds one part: `data` is text (XML) or bytes (media); `base64` marks bytes written as base64 text */
  append(data: string | Buffer | Uint8Array, options: { name: string; base64?: boolean }): void {
    const bytes =
      typeof data === "string"
        ? Buffer.from(data, options.base64 ? "base64" : "utf8")
        : Buffer.isBuffer(data)
          ? data
          : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const deflated = zlib.deflateRawSync(bytes);
    // a part that does not shrink (an image already compressed) is stored as it is
    const method = deflated.length < bytes.length ? DEFLATE : STORE;
    const body = method === DEFLATE ? deflated : bytes;
    const name = Buffer.from(options.name, "utf8");
    if (this.offset > MAX_32 || body.length > MAX_32 || bytes.length > MAX_32)
      throw new Error(`ZIP part too large for a package without ZIP64: ${options.name}`);
    const entry: Written = {
      name,
      method,
      crc: crc32(bytes),
      packed: body.length,
      size: bytes.length,
      offset: this.offset,
    };
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL_HEADER, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(UTF8_NAMES, 6);
    header.writeUInt16LE(method, 8);
    header.writeUInt16LE(this.stamp.time, 10);
    header.writeUInt16LE(this.stamp.date, 12);
    header.writeUInt32LE(entry.crc, 14);
    header.writeUInt32LE(entry.packed, 18);
    header.writeUInt32LE(entry.size, 22);
    header.writeUInt16LE(name.length, 26);
    header.writeUInt16LE(0, 28);
    this.emitBytes(Buffer.concat([header, name]));
    this.emitBytes(body);
    this.written.push(entry);
  }

  /** writes the central directory and the end record, then emits `finish` */
  async finalize(): Promise<void> {
    const start = this.offset;
    const records: Buffer[] = [];
    for (const e of this.written) {
      const record = Buffer.alloc(46);
      record.writeUInt32LE(CENTRAL_HEADER, 0);
      record.writeUInt16LE(20, 4);
      record.writeUInt16LE(20, 6);
      record.writeUInt16LE(UTF8_NAMES, 8);
      record.writeUInt16LE(e.method, 10);
      record.writeUInt16LE(this.stamp.time, 12);
      record.writeUInt16LE(this.stamp.date, 14);
      record.writeUInt32LE(e.crc, 16);
      record.writeUInt32LE(e.packed, 20);
      record.writeUInt32LE(e.size, 24);
      record.writeUInt16LE(e.name.length, 28);
      record.writeUInt32LE(e.offset, 42);
      records.push(record, e.name);
    }
    const directory = Buffer.concat(records);
    if (this.written.length > 0xffff || start > MAX_32)
      throw new Error("ZIP archive too large for a package without ZIP64");
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_DIRECTORY, 0);
    end.writeUInt16LE(this.written.length, 8);
    end.writeUInt16LE(this.written.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(start, 16);
    this.emitBytes(Buffer.concat([directory, end]));
    this.emit("finish");
  }
}
