/**
 * Large workbooks: the package's sizes read from its ZIP directory, a workbook that clearly cannot fit
 * refused before reading with what to do, and one that runs out of memory anyway ended with the same
 * words by the built CLI's launcher — never V8's crash report, never a partial or temporary file.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { zipEntries, sheetParts } from "../../src/cli/zip";
import { BASE_HEAP_BYTES, checkFitsInMemory, HEAP_PER_XML_BYTE } from "../../src/cli/memory";
import { removeLeftovers } from "../../src/cli/files";
import { UserError } from "../../src/cli/errors";
import { writeLargeWorkbook } from "../../scripts/large-workbook";
import { withHugeMerge } from "../../scripts/packages";
import { CLI, ensureBuilt, FIXTURES, tempDir } from "./helpers";

const dir = tempDir("cds-memory-");
const large = path.join(dir, "ho-dan.xlsx");

beforeAll(async () => {
  ensureBuilt();
  await writeLargeWorkbook(large, 6000);
}, 300_000);

/** the built CLI under a heap of `heapMb` MB */
function runWithHeap(heapMb: number, args: string[]): { code: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, CLI, ...args], {
    encoding: "utf8",
    env: { ...process.env, CDS_DEBUG: "" },
    timeout: 240_000,
  });
  return { code: r.status, stderr: r.stderr };
}

function expectTooLarge(r: { code: number | null; stderr: string }, name: string): void {
  expect(r.stderr).not.toMatch(/FATAL ERROR|Last few GCs|heap out of memory|\n\s+at /);
  expect(r.code).toBe(2);
  const [head, ...advice] = r.stderr.trimEnd().split("\n");
  expect(head).toMatch(
    new RegExp(`^Lỗi: Tệp "${name}" quá lớn so với bộ nhớ hiện có: .* — The workbook is too large`),
  );
  expect(advice).toEqual([
    expect.stringMatching(/^ {2}- Cách 1: chỉ chấm các trang phụ lục .*Di chuyển hoặc Sao chép/),
    expect.stringMatching(/^ {2}- Cách 2: .*NODE_OPTIONS=--max-old-space-size=\d+ rồi chạy lại\.$/),
  ]);
}

describe("the package's sizes, from its ZIP directory", () => {
  test("every part's unpacked size, and the sheets in tab order", async () => {
    const bytes = fs.readFileSync(large);
    const entries = zipEntries(bytes)!;
    const zip = await JSZip.loadAsync(bytes);
    const names = Object.values(zip.files)
      .filter((f) => !f.dir)
      .map((f) => f.name);
    expect(entries.map((e) => e.name).sort()).toEqual(names.sort());
    for (const e of entries) expect(e.size).toBe((await zip.file(e.name)!.async("nodebuffer")).length);
    expect(sheetParts(bytes, entries).map((s) => s.name)).toEqual([
      "Hoằng Phụ",
      "Hộ dân thôn 1–6",
      "Hộ dân thôn 7–12",
    ]);
    expect(zipEntries(Buffer.from("không phải ZIP"))).toBeNull();
  });

  test("a workbook is refused only when its sheets clearly need more than the limit", () => {
    const bytes = fs.readFileSync(large);
    const xml = zipEntries(bytes)!
      .filter((e) => /^xl\/(worksheets\/.*|sharedStrings)\.xml$/.test(e.name))
      .reduce((n, e) => n + e.size, 0);
    const need = BASE_HEAP_BYTES + HEAP_PER_XML_BYTE * xml;
    expect(() => checkFitsInMemory(large, bytes, need)).not.toThrow();
    let error: unknown;
    try {
      checkFitsInMemory(large, bytes, need - 1);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).vi).toMatch(
      /^Tệp "ho-dan\.xlsx" quá lớn .*các trang tính chiếm \d+ MB khi giải nén \(lớn nhất: "Hộ dân thôn 7–12" \d+ MB, "Hộ dân thôn 1–6" \d+ MB\), cần khoảng \d+ MB bộ nhớ, cds-grade có \d+ MB\.$/,
    );
  });
});

describe("the built CLI under a small heap", () => {
  test("a workbook that clearly cannot fit: refused before reading, with what to do", () => {
    const out = path.join(dir, "ket-qua.xlsx");
    const r = runWithHeap(24, [large, "--out", out]);
    expectTooLarge(r, "ho-dan.xlsx");
    expect(r.stderr).toMatch(/lớn nhất: "Hộ dân thôn/);
    expect(fs.existsSync(out)).toBe(false);
  }, 60_000);

  test("a workbook small on disk that runs out of memory all the same: the same words, nothing written", async () => {
    const sub = tempDir("cds-memory-");
    const input = path.join(sub, "gop-o.xlsx");
    fs.writeFileSync(
      input,
      await withHugeMerge(fs.readFileSync(path.join(FIXTURES, "hoang-phu-2023.xlsx")), 200_000),
    );
    const r = runWithHeap(96, [input, "--out", path.join(sub, "ket-qua.xlsx")]);
    expectTooLarge(r, "gop-o.xlsx");
    expect(r.stderr).toMatch(/đã dùng hết \d+ MB bộ nhớ dành cho cds-grade/);
    expect(fs.readdirSync(sub)).toEqual(["gop-o.xlsx"]);
  }, 240_000);

  test("the launcher passes on the output and the exit code, and gives the run no -e or -r of its own", () => {
    const r = spawnSync(process.execPath, [CLI, "--export-set", "tt-xa-2023"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).criteria).toHaveLength(37);
    // started from `node -e`: the run must not get the -e (it would start the launcher again, and again)
    const nested = spawnSync(process.execPath, ["-e", `require(${JSON.stringify(CLI)})`], {
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(nested.status).toBe(2);
    expect(nested.stderr).toMatch(/^Lỗi: Thiếu tệp cần chấm/);
  }, 120_000);

  test("a run ended from outside leaves none of its temporary files, and no one else's is touched", () => {
    const sub = tempDir("cds-memory-");
    const out = path.join(sub, "ket-qua.xlsx");
    const mine = [`.ket-qua.xlsx.0badcafe-12345678.tmp`, `.ket-qua.xlsx.0badcafe-9abcdef0.tmp`];
    const others = [`.ket-qua.xlsx.1234abcd-12345678.tmp`, `ket-qua.xlsx`, `.ket-qua.xlsx.0badcafe-x.tmp`];
    for (const name of [...mine, ...others]) fs.writeFileSync(path.join(sub, name), "");
    removeLeftovers(out, "0badcafe");
    expect(fs.readdirSync(sub).sort()).toEqual([...others].sort());
  });
});
