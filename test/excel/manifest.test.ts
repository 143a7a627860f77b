import { readFileSync, existsSync } from "fs";
import path from "path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
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

const source = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

describe("manifest.xml", () => {
  test("is well-formed XML", () => {
    expect(XMLValidator.validate(source)).toBe(true);
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
        ["CustomFunctionsRuntime", "1.1"],
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

  test("every URL it names is a file of the build", () => {
    const built = readFileSync(path.join(DIST, "manifest.xml"), "utf8");
    expect(XMLValidator.validate(built)).toBe(true);
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
