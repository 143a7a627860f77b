import { execFileSync } from "child_process";
import { readFileSync, existsSync } from "fs";
import os from "os";
import path from "path";
import { XMLParser } from "fast-xml-parser";
import { DIST, ensureBuilt, ROOT } from "./built";

jest.setTimeout(300_000);

const DEV_URL = "https://localhost:3000/";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Node = Record<string, unknown>;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", removeNSPrefix: true });

function parse(xml: string): Node {
  return (parser.parse(xml) as Node)["OfficeApp"] as Node;
}

function list<T>(x: T | T[] | undefined): T[] {
  return x === undefined ? [] : Array.isArray(x) ? x : [x];
}

/** every URL the manifest points Office at (all are DefaultValue attributes; xmlns values are never fetched) */
function urls(xml: string): string[] {
  return [...xml.matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)].map((m) => m[1]!);
}

const SOURCE = path.join(ROOT, "manifest.xml");
const BUILT = path.join(DIST, "manifest.xml");
const source = readFileSync(SOURCE, "utf8");

/**
 * libxml2's own check (Debian libxml2-utils, installed by .ci/run): strict XML 1.0, as Office's reader is.
 * fast-xml-parser's validator accepted a comment holding `--`, which every Office client refuses.
 */
function xmllint(file: string): { ok: boolean; output: string } {
  try {
    execFileSync("xmllint", ["--noout", file], { stdio: "pipe" });
    return { ok: true, output: "" };
  } catch (error) {
    const e = error as { code?: string; stderr?: Buffer };
    if (e.code === "ENOENT") throw new Error("xmllint không có trên máy: cài gói Debian libxml2-utils");
    return { ok: false, output: String(e.stderr ?? error) };
  }
}

/**
 * Microsoft's office-addin-manifest reads the file with its own parser (xml2js, strict), in a plain node process
 * (its dependencies include ES modules that jest's transform does not load)
 */
const OFFICE_PARSE = `
require("office-addin-manifest").OfficeAddinManifest.readManifestFile(process.argv[1]).then(
  (info) => console.log(JSON.stringify(info)),
  (error) => { console.log(JSON.stringify({ error: String(error.message || error) })); });`;

async function officeParse(file: string): Promise<{ id?: string; displayName?: string; version?: string }> {
  const out = execFileSync(process.execPath, ["-e", OFFICE_PARSE, file], { cwd: ROOT, encoding: "utf8" });
  const info = JSON.parse(out) as { error?: string; id?: string; displayName?: string; version?: string };
  if (info.error) throw new Error(info.error);
  return info;
}

describe("manifest.xml", () => {
  test("xmllint --noout accepts it (well-formed XML 1.0)", () => {
    expect(xmllint(SOURCE)).toEqual({ ok: true, output: "" });
  });

  test("office-addin-manifest parses it", async () => {
    const info = await officeParse(SOURCE);
    expect(info.displayName).toBe("Chấm điểm CĐS");
    expect(info.id).toMatch(GUID);
  });

  test("the checks refuse a comment holding two hyphens (what Office refuses)", async () => {
    const bad = path.join(os.tmpdir(), `cds-manifest-${process.pid}.xml`);
    const { mkdirSync, writeFileSync, rmSync } = await import("fs");
    mkdirSync(path.dirname(bad), { recursive: true });
    writeFileSync(bad, source.replace("<OfficeApp", "<!-- npm run build -- --env urlProd=x -->\n<OfficeApp"));
    try {
      const linted = xmllint(bad);
      expect(linted.ok).toBe(false);
      expect(linted.output).toMatch(/hyphen/i);
      await expect(officeParse(bad)).rejects.toThrow(/Malformed comment/);
    } finally {
      rmSync(bad, { force: true });
    }
  });

  test("<Version> is package.json's version with a fourth number (bump both for an update)", () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(String(parse(source)["Version"])).toMatch(
      new RegExp(`^${pkg.version.replace(/\./g, "\\.")}\\.\\d+$`),
    );
  });

  test("has the required elements, Vietnamese names and ReadWriteDocument only", () => {
    const app = parse(source);
    expect(app["@type"]).toBe("TaskPaneApp");
    expect(String(app["Id"])).toMatch(GUID);
    expect(String(app["Version"])).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(String(app["ProviderName"]).length).toBeGreaterThan(0);
    expect(app["DefaultLocale"]).toBe("vi-VN");
    expect((app["DisplayName"] as Node)["@DefaultValue"]).toBe("Chấm điểm CĐS");
    expect((app["Description"] as Node)["@DefaultValue"]).toMatch(/chuyển đổi số/);
    for (const k of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"])
      expect((app[k] as Node)["@DefaultValue"]).toMatch(/^https:\/\//);
    expect(((app["Hosts"] as Node)["Host"] as Node)["@Name"]).toBe("Workbook");
    expect(((app["DefaultSettings"] as Node)["SourceLocation"] as Node)["@DefaultValue"]).toBe(
      `${DEV_URL}taskpane.html`,
    );
    expect(app["Permissions"]).toBe("ReadWriteDocument");
    const sets = list(((app["Requirements"] as Node)["Sets"] as Node)["Set"] as Node[]).map((s) => [
      s["@Name"],
      s["@MinVersion"],
    ]);
    expect(sets).toEqual(
      expect.arrayContaining([
        ["SharedRuntime", "1.1"],
        ["CustomFunctionsRuntime", "1.2"],
      ]),
    );
  });

  test("VersionOverrides: shared runtime, custom functions in namespace CDS, a ribbon button on Home", () => {
    const app = parse(source);
    const overrides = app["VersionOverrides"] as Node;
    const host = (overrides["Hosts"] as Node)["Host"] as Node;
    expect(host["@type"]).toBe("Workbook");
    const runtime = (host["Runtimes"] as Node)["Runtime"] as Node;
    expect(runtime).toMatchObject({ "@resid": "Taskpane.Url", "@lifetime": "long" });

    const cf = (host["AllFormFactors"] as Node)["ExtensionPoint"] as Node;
    expect(cf["@type"]).toBe("CustomFunctions");
    const resid = (k: string): string => ((cf[k] as Node)["SourceLocation"] as Node)["@resid"] as string;
    const resources = overrides["Resources"] as Node;
    const url = (id: string): string =>
      (list((resources["Urls"] as Node)["Url"] as Node[]).find((u) => u["@id"] === id) ?? {})[
        "@DefaultValue"
      ] as string;
    const short = (id: string): string =>
      (list((resources["ShortStrings"] as Node)["String"] as Node[]).find((u) => u["@id"] === id) ?? {})[
        "@DefaultValue"
      ] as string;
    expect(url(resid("Script"))).toBe(`${DEV_URL}functions.js`);
    expect(url(resid("Page"))).toBe(`${DEV_URL}taskpane.html`);
    expect(url(resid("Metadata"))).toBe(`${DEV_URL}functions.json`);
    expect(short((cf["Namespace"] as Node)["@resid"] as string)).toBe("CDS");

    const desktop = host["DesktopFormFactor"] as Node;
    const tab = ((desktop["ExtensionPoint"] as Node)["OfficeTab"] as Node) ?? {};
    expect(tab["@id"]).toBe("TabHome");
    const control = (tab["Group"] as Node)["Control"] as Node;
    expect(short((control["Label"] as Node)["@resid"] as string)).toBe("Chấm điểm CĐS");
    expect((control["Action"] as Node)["@type"]).toBe("ShowTaskpane");
  });
});

describe("the built manifest (dist/excel)", () => {
  beforeAll(() => ensureBuilt());

  test("xmllint --noout and office-addin-manifest accept the built file", async () => {
    expect(xmllint(BUILT)).toEqual({ ok: true, output: "" });
    const info = await officeParse(BUILT);
    expect(info.displayName).toBe("Chấm điểm CĐS");
    expect(info.version).toBe(String(parse(source)["Version"]));
  });

  test("every URL it names is a file of the build", () => {
    const built = readFileSync(BUILT, "utf8");
    const base = ((parse(built)["DefaultSettings"] as Node)["SourceLocation"] as Node)[
      "@DefaultValue"
    ] as string;
    const root = base.slice(0, base.lastIndexOf("/") + 1);
    const named = [...new Set(urls(built))];
    expect(named.length).toBeGreaterThanOrEqual(8);
    for (const u of named) {
      expect(u.startsWith(root)).toBe(true);
      expect(existsSync(path.join(DIST, u.slice(root.length)))).toBe(true);
    }
  });

  test("--env urlProd replaces the development URL everywhere in the copied manifest", () => {
    const config = require(path.join(ROOT, "webpack", "excel.js"))(
      { urlProd: "https://cds.example.vn/excel" },
      { mode: "production" },
    );
    const copy = config.plugins.find(
      (p: { constructor: { name: string } }) => p.constructor.name === "CopyPlugin",
    );
    const pattern = copy.patterns.find((p: { from: string }) => p.from === "manifest.xml");
    const out: string = pattern.transform(Buffer.from(source));
    expect(out).not.toContain("localhost");
    expect(out).toContain('DefaultValue="https://cds.example.vn/excel/taskpane.html"');
    expect(urls(out).every((u) => u.startsWith("https://cds.example.vn/excel/"))).toBe(true);
  });
});
