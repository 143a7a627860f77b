/**
 * The ZIP writer the CLI gives ExcelJS: archives another reader (JSZip, checking every CRC) opens part for
 * part, text and bytes, UTF-8 names, parts that do not shrink stored; and ExcelJS really writes through it.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { Writable } from "stream";
import JSZip from "jszip";
import { crc32, crc32ByTable, ZipWriter } from "../../src/cli/zip-writer";
import { Workbook } from "../../src/cli/exceljs";
import { zipEntries } from "../../src/cli/zip";
import { tempDir } from "./helpers";

/** the bytes a writer sends, and the writer's `finish` */
async function archive(parts: [string, string | Buffer, boolean?][]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const zip = new ZipWriter();
  zip.pipe(sink);
  for (const [name, data, base64] of parts) zip.append(data, { name, ...(base64 ? { base64 } : {}) });
  const finished = new Promise((resolve) => zip.on("finish", resolve));
  await zip.finalize();
  await finished;
  return Buffer.concat(chunks);
}

describe("the CLI's ZIP writer", () => {
  test("CRC-32 as the ZIP format defines it, native and by table", () => {
    for (const f of [crc32, crc32ByTable]) {
      expect(f(Buffer.from("123456789"))).toBe(0xcbf43926);
      expect(f(Buffer.alloc(0))).toBe(0);
    }
    const text = Buffer.from("Tỷ lệ hồ sơ TTHC được xử lý trực tuyến: 54,4%".repeat(100));
    expect(crc32ByTable(text)).toBe(crc32(text));
  });

  test("JSZip reads every part back, checking CRCs; names in UTF-8; bytes that do not shrink are stored", async () => {
    const xml = `<?xml version="1.0"?><sheetData>${"<row><c><v>54,4%</v></c></row>".repeat(2000)}</sheetData>`;
    // bytes with no pattern (a chain of hashes), as in an image already compressed
    const noise = Buffer.concat(
      Array.from({ length: 128 }, (_, i) => createHash("sha256").update(`ảnh ${i}`).digest()),
    );
    const bytes = await archive([
      ["xl/worksheets/sheet1.xml", xml],
      ["xl/media/ảnh.bin", noise],
      ["xl/media/b64.bin", noise.toString("base64"), true],
      ["[Content_Types].xml", "<Types/>"],
    ]);
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual([
      "xl/worksheets/sheet1.xml",
      "xl/media/ảnh.bin",
      "xl/media/b64.bin",
      "[Content_Types].xml",
    ]);
    expect(await zip.file("xl/worksheets/sheet1.xml")!.async("string")).toBe(xml);
    expect((await zip.file("xl/media/ảnh.bin")!.async("nodebuffer")).equals(noise)).toBe(true);
    expect((await zip.file("xl/media/b64.bin")!.async("nodebuffer")).equals(noise)).toBe(true);
    const entries = zipEntries(bytes)!;
    expect(entries.map((e) => [e.name, e.method])).toEqual([
      ["xl/worksheets/sheet1.xml", 8],
      ["xl/media/ảnh.bin", 0],
      ["xl/media/b64.bin", 0],
      ["[Content_Types].xml", 0], // eight bytes do not shrink either
    ]);
    expect(entries[0]!.packedSize).toBeLessThan(xml.length / 20);
  });

  test("ExcelJS writes through it (the package holds the writer's marks: UTF-8 names flag, no data descriptors)", async () => {
    const workbook = new Workbook();
    workbook.addWorksheet("Hoằng Phụ").getCell("A1").value = "Đạt";
    const file = path.join(tempDir("cds-zip-"), "a.xlsx");
    await workbook.xlsx.writeFile(file);
    const bytes = fs.readFileSync(file);
    expect(bytes.readUInt32LE(0)).toBe(0x04034b50);
    expect(bytes.readUInt16LE(6)).toBe(0x0800);
    const again = new Workbook();
    await again.xlsx.readFile(file);
    expect(again.getWorksheet("Hoằng Phụ")!.getCell("A1").value).toBe("Đạt");
  });
});
