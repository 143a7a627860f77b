/**
 * Checks of a written .xlsx that do not go through ExcelJS's own reader: the package (every relationship
 * target exists, every content-type override names a part, every part has a content type, every XML part
 * well-formed, an .xlsx declared as one) and each worksheet's conditional-format priorities (unique, as
 * Excel requires). They look at every part and every sheet, so they hold for any sheet the CLI adds.
 */
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { XMLParser, XMLValidator } from "fast-xml-parser";

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_" });

const MAIN_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

function list<T>(x: T | T[] | undefined): T[] {
  return x === undefined ? [] : Array.isArray(x) ? x : [x];
}

/** `xl/_rels/workbook.xml.rels` → the folder its relative targets start from: `xl/` */
function relsBase(relsPath: string): string {
  const folder = path.posix.dirname(path.posix.dirname(relsPath));
  return folder === "." ? "" : folder;
}

/** the part a relationship points to, as a name in the ZIP */
function targetPart(relsPath: string, target: string): string {
  const decoded = decodeURIComponent(target);
  if (decoded.startsWith("/")) return decoded.slice(1);
  return path.posix.normalize(path.posix.join(relsBase(relsPath), decoded));
}

/** every `priority` of the conditional-format rules of one worksheet's XML, in order */
export function cfPriorities(sheetXml: string): number[] {
  return [...sheetXml.matchAll(/<(?:x14:)?cfRule\b[^>]*\bpriority="(\d+)"/g)].map((m) => Number(m[1]));
}

/**
 * What is wrong with the package of `file` (an empty list when nothing): relationships to missing parts,
 * overrides naming missing parts, parts without a content type, malformed XML, an .xlsx declared as a
 * macro workbook or carrying a macro project, repeated conditional-format priorities on a sheet.
 */
export async function packageProblems(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const parts = Object.values(zip.files)
    .filter((f) => !f.dir)
    .map((f) => f.name);
  const has = new Set(parts);
  const problems: string[] = [];
  const typesXml = zip.file("[Content_Types].xml");
  if (!typesXml) return ["[Content_Types].xml is missing"];
  const types = parser.parse(await typesXml.async("string")).Types;
  const defaults = new Map<string, string>(
    list(types.Default).map((d: Record<string, string>) => [
      d["@_Extension"]!.toLowerCase(),
      d["@_ContentType"]!,
    ]),
  );
  const overrides = new Map<string, string>(
    list(types.Override).map((o: Record<string, string>) => [
      o["@_PartName"]!.replace(/^\//, ""),
      o["@_ContentType"]!,
    ]),
  );
  for (const part of overrides.keys())
    if (!has.has(part)) problems.push(`content-type override names a missing part: /${part}`);
  for (const part of parts) {
    if (part === "[Content_Types].xml") continue;
    const name = part.slice(part.lastIndexOf("/") + 1);
    const ext = name.includes(".") ? name.slice(name.lastIndexOf(".") + 1).toLowerCase() : "";
    if (!overrides.has(part) && !defaults.has(ext)) problems.push(`no content type for ${part}`);
  }
  for (const part of parts.filter((p) => /\.(xml|rels|vml)$/i.test(p))) {
    const xml = await zip.file(part)!.async("string");
    const valid = XMLValidator.validate(xml);
    if (valid !== true) problems.push(`${part} is not well-formed XML: ${valid.err.msg}`);
    if (!part.endsWith(".rels")) continue;
    for (const rel of list(parser.parse(xml).Relationships?.Relationship) as Record<string, string>[]) {
      if (rel["@_TargetMode"] === "External") continue;
      const target = targetPart(part, rel["@_Target"]!);
      if (!has.has(target)) problems.push(`${part}: relationship ${rel["@_Id"]} to a missing part ${target}`);
    }
  }
  if (/\.xlsx$/i.test(file)) {
    if (overrides.get("xl/workbook.xml") !== MAIN_TYPE)
      problems.push(`an .xlsx whose workbook is declared ${overrides.get("xl/workbook.xml")}`);
    if (parts.some((p) => /vbaProject\.bin$/i.test(p))) problems.push("an .xlsx carrying a macro project");
  }
  for (const part of parts.filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p))) {
    const priorities = cfPriorities(await zip.file(part)!.async("string"));
    const repeated = priorities.filter((p, i) => priorities.indexOf(p) !== i);
    if (repeated.length > 0)
      problems.push(`${part}: conditional-format priorities repeated: ${[...new Set(repeated)].join(", ")}`);
  }
  return problems;
}

/** the XML of every worksheet part, by sheet name (from workbook.xml and its relationships) */
export async function worksheetXml(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const workbook = parser.parse(await zip.file("xl/workbook.xml")!.async("string")).workbook;
  const relsPath = "xl/_rels/workbook.xml.rels";
  const rels = list(
    parser.parse(await zip.file(relsPath)!.async("string")).Relationships.Relationship,
  ) as Record<string, string>[];
  const byId = new Map(rels.map((r) => [r["@_Id"]!, targetPart(relsPath, r["@_Target"]!)]));
  const sheets = new Map<string, string>();
  for (const sheet of list(workbook.sheets.sheet) as Record<string, string>[]) {
    const part = byId.get(sheet["@_r:id"]!)!;
    sheets.set(String(sheet["@_name"]), await zip.file(part)!.async("string"));
  }
  return sheets;
}
