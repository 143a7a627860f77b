/**
 * The files cds-grade writes: never the input (same file by identity, not by spelling), always through a
 * temporary file in the target folder renamed into place, and a Vietnamese sentence for every way a write
 * can fail.
 */
import * as fs from "fs";
import * as path from "path";
import { randomBytes } from "crypto";
import { UserError } from "./errors";

function statOf(file: string): fs.BigIntStats | null {
  try {
    return fs.statSync(file, { bigint: true });
  } catch {
    return null;
  }
}

/** one file or folder by identity: same device and inode (0 means the file system gives no inode) */
function sameNode(a: fs.BigIntStats | null, b: fs.BigIntStats | null): boolean {
  return a !== null && b !== null && a.ino !== 0n && a.dev === b.dev && a.ino === b.ino;
}

function sameFolder(a: string, b: string): boolean {
  if (sameNode(statOf(a), statOf(b))) return true;
  try {
    return fs.realpathSync.native(a) === fs.realpathSync.native(b);
  } catch {
    return false;
  }
}

/**
 * Whether the folder `dir` takes the names `a` and `b` for one file (a case-insensitive or
 * normalisation-insensitive file system: Windows, macOS). Found out, not assumed: a probe file named
 * after `a` is created and looked up under `b`, then removed. False when the folder cannot be written
 * (then nothing can be written there either).
 */
export function namesCollide(dir: string, a: string, b: string): boolean {
  const prefix = `.cds-grade-${randomBytes(4).toString("hex")}-`;
  const probe = path.join(dir, prefix + a);
  try {
    fs.closeSync(fs.openSync(probe, "wx"));
  } catch {
    return false;
  }
  try {
    return fs.existsSync(path.join(dir, prefix + b));
  } finally {
    fs.rmSync(probe, { force: true });
  }
}

/** the comparison a case-insensitive file system makes, roughly; `namesCollide` decides */
function foldName(name: string): string {
  return name.normalize("NFC").toLowerCase();
}

/**
 * Whether `a` and `b` are one file: the same device and inode (hard links, symbolic links, `./` and
 * `..` spellings, another letter case where the file system ignores case), or — when a path does not
 * exist yet or the file system gives no inodes — the same folder and names that folder takes as one.
 * @param collide how a folder compares two names (a seam for tests; the default probes the folder)
 */
export function sameFile(
  a: string,
  b: string,
  collide: (dir: string, a: string, b: string) => boolean = namesCollide,
): boolean {
  if (sameNode(statOf(a), statOf(b))) return true;
  const dirA = path.dirname(path.resolve(a));
  const dirB = path.dirname(path.resolve(b));
  if (!sameFolder(dirA, dirB)) return false;
  const nameA = path.basename(a);
  const nameB = path.basename(b);
  if (nameA === nameB) return true;
  return foldName(nameA) === foldName(nameB) && collide(dirB, nameA, nameB);
}

type Errno = NodeJS.ErrnoException;

/**
 * A tag in the names of this run's temporary files, given by the launcher (main.ts) in CDS_GRADE_RUN: if
 * the run is ended from outside (out of memory) before it removes them, the launcher finds them by it.
 */
const RUN_TAG = /^[0-9a-f]{8}$/.test(process.env.CDS_GRADE_RUN ?? "")
  ? process.env.CDS_GRADE_RUN!
  : randomBytes(4).toString("hex");

/**
 * Removes the temporary files a run tagged `tag` left beside `file` (see writeAtomically); for the
 * launcher, after the run was ended before it could.
 */
export function removeLeftovers(file: string, tag: string): void {
  const dir = path.dirname(path.resolve(file));
  const prefix = `.${path.basename(file)}.${tag}-`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names)
    if (name.startsWith(prefix) && /^[0-9a-f]{8}\.tmp$/.test(name.slice(prefix.length)))
      fs.rmSync(path.join(dir, name), { force: true });
}

/**
 * The Vietnamese (and English) sentence for a failed write of `file`, by cause.
 * @param what what was being written, for the sentence: "bản đã chấm", "báo cáo JSON" …
 */
export function writeFailure(file: string, err: unknown, what = "tệp"): UserError {
  const code = (err as Errno | null)?.code;
  const dir = path.dirname(path.resolve(file));
  const head = `Không ghi được ${what} "${file}"`;
  switch (code) {
    case "ENOENT":
      return new UserError(
        `${head}: thư mục "${dir}" không tồn tại. Hãy tạo thư mục hoặc chọn --out khác.`,
        `The output folder does not exist.`,
      );
    case "ENOTDIR":
      return new UserError(
        `${head}: một phần của đường dẫn là tệp, không phải thư mục.`,
        `A part of the output path is not a folder.`,
      );
    case "EACCES":
      return new UserError(
        `${head}: không có quyền ghi vào thư mục "${dir}". Hãy chọn thư mục khác (ví dụ trong Tài liệu của bạn).`,
        `No permission to write there.`,
      );
    case "EPERM":
      return new UserError(
        `${head}: không được phép ghi — tệp hoặc thư mục chỉ đọc, hoặc tệp đang mở bởi chương trình khác (như Excel). Hãy đóng tệp hoặc chọn --out khác.`,
        `Not permitted: read-only, or the file is open in another program.`,
      );
    case "EBUSY":
      return new UserError(
        `${head}: tệp đang mở bởi chương trình khác (như Excel). Hãy đóng tệp rồi chạy lại, hoặc chọn --out khác.`,
        `The file is open in another program.`,
      );
    case "ENOSPC":
    case "EDQUOT":
      return new UserError(
        `${head}: đĩa đầy (hết chỗ trống). Hãy giải phóng dung lượng hoặc ghi ra ổ khác bằng --out.`,
        `The disk is full.`,
      );
    case "EISDIR":
      return new UserError(
        `${head}: đây là một thư mục, không phải tệp. Hãy ghi rõ tên tệp, ví dụ --out "${path.join(file, "ket-qua.xlsx")}".`,
        `The output path is a folder.`,
      );
    case "EROFS":
      return new UserError(
        `${head}: ổ đĩa chỉ cho đọc. Hãy chọn --out ở ổ khác.`,
        `The file system is read-only.`,
      );
    case "ENAMETOOLONG":
      return new UserError(`${head}: tên tệp quá dài. Hãy chọn tên ngắn hơn.`, `The file name is too long.`);
    default:
      return new UserError(
        `${head} (${code ?? (err instanceof Error ? err.message : String(err))}).`,
        `Cannot write the output file.`,
      );
  }
}

/**
 * Checks before the work starts that `file` can be a new file: not a folder, its folder exists.
 * Throws the UserError a write would give.
 */
export function checkWritable(file: string, what = "tệp"): void {
  const stat = statOf(file);
  if (stat?.isDirectory()) throw writeFailure(file, { code: "EISDIR" }, what);
  const dir = statOf(path.dirname(path.resolve(file)));
  if (!dir) throw writeFailure(file, { code: "ENOENT" }, what);
  if (!dir.isDirectory()) throw writeFailure(file, { code: "ENOTDIR" }, what);
}

/**
 * Writes `file` through a temporary file in the same folder, flushed to disk, then renamed into place:
 * a crash, a full disk or a failed write leaves the old file (or none) and no partial file. Replacing a
 * hard link or a symbolic link replaces the link, never the file it pointed to.
 * @param write writes the whole content to the stream; the stream is ended and closed here
 * @throws UserError naming the cause (writeFailure)
 */
export async function writeAtomically(
  file: string,
  write: (stream: fs.WriteStream) => Promise<unknown>,
  what = "tệp",
): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const temp = path.join(dir, `.${path.basename(file)}.${RUN_TAG}-${randomBytes(4).toString("hex")}.tmp`);
  let fd: number;
  try {
    fd = fs.openSync(temp, "wx");
  } catch (err) {
    throw writeFailure(file, err, what);
  }
  const stream = fs.createWriteStream(temp, { fd, autoClose: false });
  // a stream error (a full disk) may leave the writer waiting for ever: whichever comes first decides
  const failed = new Promise<never>((_, reject) => stream.on("error", reject));
  const finished = new Promise<void>((resolve) => stream.on("finish", resolve));
  try {
    await Promise.race([write(stream), failed]);
    stream.end();
    await Promise.race([finished, failed]);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = -1;
    fs.renameSync(temp, file);
  } catch (err) {
    stream.destroy();
    if (fd >= 0) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw writeFailure(file, err, what);
  }
  syncFolder(dir);
}

/** makes the rename itself durable where the system allows it (not on Windows) */
function syncFolder(dir: string): void {
  let fd = -1;
  try {
    fd = fs.openSync(dir, "r");
    fs.fsyncSync(fd);
  } catch {
    // a folder cannot be opened or flushed on some systems; the rename is done either way
  } finally {
    if (fd >= 0) fs.closeSync(fd);
  }
}

/** `writeAtomically` for a text (the JSON report, a criteria set) */
export function writeTextAtomically(file: string, text: string, what = "tệp"): Promise<void> {
  return writeAtomically(
    file,
    (stream) =>
      new Promise<void>((resolve, reject) =>
        stream.write(text, "utf8", (err) => (err ? reject(err) : resolve())),
      ),
    what,
  );
}
