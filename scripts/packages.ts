/**
 * Inputs made by editing an .xlsx package (the ZIP) the way other programs write them: without a theme
 * part (LibreOffice and some generators write none), with a macro project (.xlsm), and an OpenDocument
 * spreadsheet (.ods). Used by make-fixtures.ts and the tests.
 */
import JSZip from "jszip";

const THEME_TYPE = "application/vnd.openxmlformats-officedocument.theme+xml";
const VBA_REL = "http://schemas.microsoft.com/office/2006/relationships/vbaProject";
const MAIN_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
const MACRO_MAIN_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";

async function edit(xlsx: Buffer, change: (zip: JSZip) => Promise<void>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  await change(zip);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

async function text(zip: JSZip, name: string): Promise<string> {
  const file = zip.file(name);
  if (!file) throw new Error(`${name} is not in the package`);
  return file.async("string");
}

/** the package without its theme part, its content type and the workbook's relationship to it */
export function withoutTheme(xlsx: Buffer): Promise<Buffer> {
  return edit(xlsx, async (zip) => {
    for (const name of Object.keys(zip.files)) if (/^xl\/theme\//.test(name)) zip.remove(name);
    const types = await text(zip, "[Content_Types].xml");
    zip.file("[Content_Types].xml", types.replace(new RegExp(`<Override [^>]*${THEME_TYPE}"/>`), ""));
    const rels = await text(zip, "xl/_rels/workbook.xml.rels");
    zip.file("xl/_rels/workbook.xml.rels", rels.replace(/<Relationship [^>]*Target="theme\/[^"]+"\/>/, ""));
  });
}

/**
 * The package as a macro workbook: the workbook's content type of an .xlsm and a `vbaProject.bin` part
 * (an empty compound-file header standing for the macros: enough for readers to see a macro workbook).
 */
export function asMacroWorkbook(xlsx: Buffer): Promise<Buffer> {
  return edit(xlsx, async (zip) => {
    const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    zip.file("xl/vbaProject.bin", Buffer.concat([header, Buffer.alloc(504)]));
    const types = await text(zip, "[Content_Types].xml");
    zip.file(
      "[Content_Types].xml",
      types
        .replace(MAIN_TYPE, MACRO_MAIN_TYPE)
        .replace(
          "<Default Extension=",
          '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default Extension=',
        ),
    );
    const rels = await text(zip, "xl/_rels/workbook.xml.rels");
    zip.file(
      "xl/_rels/workbook.xml.rels",
      rels.replace(
        "</Relationships>",
        `<Relationship Id="rIdVba" Type="${VBA_REL}" Target="vbaProject.bin"/></Relationships>`,
      ),
    );
  });
}

/** a small OpenDocument spreadsheet: `mimetype` stored first, as the format requires, then its content */
export function odsBytes(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet", { compression: "STORE" });
  zip.file(
    "content.xml",
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="Hoằng Phụ"><table:table-row><table:table-cell><text:p>PHỤ LỤC</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>',
  );
  zip.file(
    "META-INF/manifest.xml",
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/**
 * The package with one merged range of `rows` rows × 26 columns added to its first sheet: a few bytes of
 * XML for which ExcelJS makes a cell object per merged cell — a workbook small on disk that needs much
 * memory (the memory guard must end such a run with words, not V8's crash report).
 */
export function withHugeMerge(xlsx: Buffer, rows: number): Promise<Buffer> {
  return edit(xlsx, async (zip) => {
    const name = "xl/worksheets/sheet1.xml";
    const xml = await text(zip, name);
    const merge = `<mergeCell ref="AA1:AZ${rows}"/>`;
    const withMerge = /<mergeCells count="(\d+)">/.test(xml)
      ? xml.replace(
          /<mergeCells count="(\d+)">/,
          (_, n: string) => `<mergeCells count="${Number(n) + 1}">${merge}`,
        )
      : xml.replace("</sheetData>", `</sheetData><mergeCells count="1">${merge}</mergeCells>`);
    zip.file(name, withMerge);
  });
}
