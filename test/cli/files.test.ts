/**
 * The input is sacred and every failed write is said in words: identity of files (hard and symbolic links,
 * letter case where the folder ignores it), the temporary file renamed into place, write errors by cause,
 * the output's extension.
 */
import * as fs from "fs";
import * as path from "path";
import { runCli, type CliIo } from "../../src/cli/run";
import { namesCollide, sameFile, writeAtomically, writeFailure } from "../../src/cli/files";
import { FIXTURES, sha256, tempDir } from "./helpers";

const HOANG_PHU = path.join(FIXTURES, "hoang-phu-2023.xlsx");

function io(): CliIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (t) => lines.push(t), err: (t) => errors.push(t), debug: false };
}

/** a copy of the Hoằng Phụ fixture in a fresh folder */
function inputCopy(name = "phu-luc.xlsx"): { dir: string; input: string } {
  const dir = tempDir("cds-files-");
  const input = path.join(dir, name);
  fs.copyFileSync(HOANG_PHU, input);
  return { dir, input };
}

async function grade(args: string[]): Promise<{ code: number; errors: string[]; lines: string[] }> {
  const run = io();
  const code = await runCli(args, run);
  return { code, errors: run.errors, lines: run.lines };
}

describe("the input is never written", () => {
  test("--out a hard link to the input is refused, the input unchanged", async () => {
    const { dir, input } = inputCopy();
    const link = path.join(dir, "ban-sao.xlsx");
    fs.linkSync(input, link);
    const before = sha256(input);
    const r = await grade([input, "--out", link]);
    expect(r.code).toBe(2);
    expect(r.errors[0]).toMatch(/Không ghi đè tệp gốc/);
    expect(sha256(input)).toBe(before);
  });

  test("--out a symbolic link to the input, and --json onto the input, are refused", async () => {
    const { dir, input } = inputCopy();
    const link = path.join(dir, "lien-ket.xlsx");
    fs.symlinkSync(input, link);
    const before = sha256(input);
    expect((await grade([input, "--out", link])).errors[0]).toMatch(/Không ghi đè tệp gốc/);
    const json = await grade([input, "--out", path.join(dir, "o.xlsx"), "--json", link]);
    expect(json.code).toBe(2);
    expect(json.errors[0]).toMatch(/trùng tệp bảng tính/);
    expect(sha256(input)).toBe(before);
  });

  test("another letter case is the input where the folder ignores case, a new file where it does not", async () => {
    const { dir, input } = inputCopy();
    const upper = path.join(dir, "PHU-LUC.XLSX");
    // a folder that ignores case (Windows, macOS), as namesCollide finds out on such a system
    expect(sameFile(input, upper, () => true)).toBe(true);
    expect(sameFile(input, upper, () => false)).toBe(false);
    // this machine's temporary folder is case-sensitive: found out by the probe, which leaves nothing
    const listing = fs.readdirSync(dir);
    expect(namesCollide(dir, "phu-luc.xlsx", "PHU-LUC.XLSX")).toBe(false);
    expect(fs.readdirSync(dir)).toEqual(listing);
    const before = sha256(input);
    const r = await grade([input, "--out", upper]);
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(sha256(input)).toBe(before);
    expect(fs.existsSync(upper)).toBe(true);
  });

  test("the probe sees two names of one file where they are one", () => {
    const dir = tempDir("cds-files-");
    // on any file system, a name and itself collide; a name and a different one do not
    expect(namesCollide(dir, "a.xlsx", "a.xlsx")).toBe(true);
    expect(namesCollide(dir, "a.xlsx", "b.xlsx")).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test("sameFile: ./ and ../ spellings, a missing output, two different files", () => {
    const { dir, input } = inputCopy();
    const spelled = path.join(dir, "..", path.basename(dir), ".", "phu-luc.xlsx");
    expect(sameFile(input, spelled)).toBe(true);
    expect(sameFile(input, path.join(dir, "chua-co.xlsx"))).toBe(false);
    const other = path.join(dir, "khac.xlsx");
    fs.copyFileSync(input, other);
    expect(sameFile(input, other)).toBe(false);
  });
});

describe("the output is written to a temporary file and renamed into place", () => {
  test("an output that is a hard link to another file replaces the link, not that file's bytes", async () => {
    const { dir, input } = inputCopy();
    const keep = path.join(dir, "giu-nguyen.xlsx");
    fs.copyFileSync(HOANG_PHU, keep);
    const out = path.join(dir, "ket-qua.xlsx");
    fs.linkSync(keep, out);
    const before = sha256(keep);
    const r = await grade([input, "--out", out]);
    expect(r.code).toBe(0);
    expect(sha256(keep)).toBe(before);
    expect(sha256(out)).not.toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual(["giu-nguyen.xlsx", "ket-qua.xlsx", "phu-luc.xlsx"]);
  });

  test("a write that fails half-way leaves the old file whole and no temporary file", async () => {
    const dir = tempDir("cds-files-");
    const file = path.join(dir, "ket-qua.xlsx");
    fs.writeFileSync(file, "bản cũ");
    const full = Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
    const failing = async (stream: NodeJS.WritableStream): Promise<void> => {
      stream.write(Buffer.alloc(64 * 1024, 1));
      throw full;
    };
    await expect(writeAtomically(file, failing, "bản đã chấm")).rejects.toMatchObject({
      vi: expect.stringMatching(/^Không ghi được bản đã chấm ".*ket-qua\.xlsx": đĩa đầy/),
    });
    expect(fs.readFileSync(file, "utf8")).toBe("bản cũ");
    expect(fs.readdirSync(dir)).toEqual(["ket-qua.xlsx"]);
  });

  test("a stream error (the disk full while writing) is reported, not waited on for ever", async () => {
    const dir = tempDir("cds-files-");
    const file = path.join(dir, "ket-qua.xlsx");
    const hanging = (stream: NodeJS.WritableStream): Promise<void> => {
      stream.emit("error", Object.assign(new Error("EBUSY"), { code: "EBUSY" }));
      return new Promise<void>(() => undefined);
    };
    await expect(writeAtomically(file, hanging)).rejects.toMatchObject({
      vi: expect.stringMatching(/tệp đang mở bởi chương trình khác/),
    });
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe("write errors in words, by cause", () => {
  test.each([
    ["ENOENT", /thư mục ".*" không tồn tại/],
    ["EACCES", /không có quyền ghi vào thư mục/],
    ["EPERM", /không được phép ghi .*đang mở bởi chương trình khác/],
    ["EBUSY", /tệp đang mở bởi chương trình khác/],
    ["ENOSPC", /đĩa đầy/],
    ["EISDIR", /đây là một thư mục, không phải tệp/],
    ["EROFS", /ổ đĩa chỉ cho đọc/],
  ])("%s", (code, pattern) => {
    const err = writeFailure("d/ket-qua.xlsx", Object.assign(new Error(code), { code }), "bản đã chấm");
    expect(err.vi).toMatch(/^Không ghi được bản đã chấm "d\/ket-qua\.xlsx": /);
    expect(err.vi).toMatch(pattern);
    expect(err.vi).not.toContain(code);
    expect(err.en).toMatch(/^[A-Z]/);
  });

  test("a folder that does not exist, before reading the input", async () => {
    const { dir, input } = inputCopy();
    const r = await grade([input, "--out", path.join(dir, "khong-co", "ket-qua.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.errors[0]).toMatch(/^Lỗi: Không ghi được bản đã chấm ".*": thư mục ".*khong-co" không tồn tại/);
    expect(r.errors[0]).not.toContain("ENOENT");
  });

  test("an output that is a folder", async () => {
    const { dir, input } = inputCopy();
    const folder = path.join(dir, "ket-qua.xlsx");
    fs.mkdirSync(folder);
    const r = await grade([input, "--out", folder]);
    expect(r.code).toBe(2);
    expect(r.errors[0]).toMatch(/đây là một thư mục, không phải tệp/);
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  test("a --json report into a missing folder: said, and the graded copy is not left half-done", async () => {
    const { dir, input } = inputCopy();
    const r = await grade([
      input,
      "--out",
      path.join(dir, "o.xlsx"),
      "--json",
      path.join(dir, "x", "r.json"),
    ]);
    expect(r.code).toBe(2);
    expect(r.errors[0]).toMatch(/Không ghi được báo cáo JSON ".*r\.json": thư mục .* không tồn tại/);
  });

  const writableByUs = process.getuid?.() !== 0;
  (writableByUs ? test : test.skip)("a folder without write permission (not as root)", async () => {
    const { dir, input } = inputCopy();
    const locked = path.join(dir, "khoa");
    fs.mkdirSync(locked, 0o555);
    const r = await grade([input, "--out", path.join(locked, "ket-qua.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.errors[0]).toMatch(/không có quyền ghi vào thư mục/);
  });

  test.each([
    ["ket-qua.csv", /phải có đuôi \.xlsx/],
    ["ket-qua.xls", /phải có đuôi \.xlsx/],
    ["ket-qua", /phải có đuôi \.xlsx/],
    ["ket-qua.xlsm", /phải có đuôi \.xlsx.*macro/],
  ])("--out %s is refused, nothing written", async (name, pattern) => {
    const { dir, input } = inputCopy();
    const r = await grade([input, "--out", path.join(dir, name)]);
    expect(r.code).toBe(2);
    expect(r.errors[0]).toMatch(pattern);
    expect(fs.readdirSync(dir)).toEqual(["phu-luc.xlsx"]);
  });
});
