/**
 * Command-line arguments of cds-grade.
 */
import * as path from "path";
import { UserError } from "./errors";

/** what the user asked for */
export interface CliOptions {
  readonly input: string;
  /** graded copy; default `IN.cham.xlsx` beside the input */
  readonly out: string;
  readonly json?: string;
  /** a built-in set id, `none`, or a path to a JSON file */
  readonly set?: string;
  readonly year?: number;
  readonly help: false;
}

export const USAGE = `Cách dùng: cds-grade TỆP.xlsx [--out KẾT_QUẢ.xlsx] [--json BÁO_CÁO.json] [--set MÃ|TỆP.json] [--year NĂM]
       cds-grade THƯ_MỤC --out TỔNG_HỢP.xlsx [--json BÁO_CÁO.json] [--set MÃ|TỆP.json] [--year NĂM]
       cds-grade --export-set MÃ [TỆP.json|TỆP.xlsx]

Chấm các bảng phụ lục chuyển đổi số cấp xã trong TỆP.xlsx: mỗi trang tính có bảng phụ lục được chấm
theo bộ tiêu chí, kết quả ghi vào một bản sao (tệp gốc không bao giờ bị sửa). Trang tính là biểu mẫu tự
đánh giá bộ chỉ số (Biểu mẫu 01: Điểm tối đa, Điểm tự chấm, Giải trình) được kiểm tra điểm tự chấm theo
cách tính điểm, cộng lại theo chỉ số và xếp hạng các xã theo điểm tính lại.

Với THƯ_MỤC: chấm mọi tệp .xlsx trong thư mục (trừ các bản *.cham.xlsx), ghi một tệp tổng hợp gồm trang
"Tổng hợp CĐS" với bảng xếp hạng các xã và ma trận chỉ tiêu × xã; tên xã lấy từ tiêu đề, tên trang, rồi tên tệp.

Tùy chọn:
  --out TỆP.xlsx     nơi ghi bản đã chấm (mặc định: TỆP.cham.xlsx cạnh tệp gốc)
  --json TỆP.json    ghi báo cáo dạng JSON
  --set MÃ           bộ tiêu chí: tt-xa-2023, tt-xa-2022, hoặc none (chỉ dùng chỉ tiêu ghi trong bảng);
                     mặc định: tự nhận biết theo tên các tiêu chí
  --set TỆP.json     bộ tiêu chí riêng, đọc từ tệp JSON
  --set MÃ|TỆP.json  bộ chỉ số cho các biểu mẫu: bo-chi-so-mau, thanh-hoa-xa-bieu-mau-01, hoặc tệp JSON
                     của bộ chỉ số; mặc định: cách tính ghi trong biểu mẫu, bộ chỉ số khớp thì bổ sung
  --year NĂM         năm đánh giá (mặc định: năm ghi ở tiêu đề trang tính, nếu không có thì năm hiện tại)
  --export-set MÃ    in bộ tiêu chí có sẵn dạng JSON (dùng lại với --set), hoặc ghi vào TỆP.json;
                     với TỆP.xlsx: ghi trang "Bộ tiêu chí" để sửa trong Excel; với mã bộ chỉ số
                     (bo-chi-so-mau…): JSON của bộ chỉ số hoặc trang "Bộ chỉ số"
  -h, --help         in hướng dẫn này

Mã thoát: 0 đã chấm; 2 lỗi đầu vào (tệp không đọc được, không có bảng phụ lục, tùy chọn sai).`;

function valueOf(args: readonly string[], i: number, name: string): string {
  const v = args[i + 1];
  if (v === undefined || v.startsWith("--")) {
    throw new UserError(`Tùy chọn ${name} cần một giá trị.`, `Option ${name} needs a value.`);
  }
  return v;
}

/**
 * The default output path: `bao-cao.xlsx` → `bao-cao.cham.xlsx` in the same folder; always an .xlsx,
 * also for a macro workbook (`macro.xlsm` → `macro.cham.xlsx`: ExcelJS does not carry macros).
 */
export function defaultOutPath(input: string): string {
  const ext = path.extname(input);
  const outExt = ext.toLowerCase() === ".xlsx" ? ext : ".xlsx";
  return path.join(path.dirname(input), `${path.basename(input, ext)}.cham${outExt}`);
}

/** `--out` must name an .xlsx: the copy is an .xlsx inside, whatever the input */
function checkOutName(out: string): void {
  if (/\.xlsx$/i.test(out)) return;
  const macro = /\.xlsm$/i.test(out) ? " (bản đã chấm không mang theo macro, nên không thể là .xlsm)" : "";
  throw new UserError(
    `Tệp ra "${out}" phải có đuôi .xlsx${macro}: cds-grade chỉ ghi bảng tính Excel .xlsx.`,
    `The output file must end in .xlsx.`,
  );
}

/**
 * Parses argv (without `node` and the script); throws UserError on unknown options, a bad year,
 * a missing input or an output path equal to the input.
 */
export function parseArgs(args: readonly string[]): CliOptions | { help: true } {
  let input: string | undefined;
  let out: string | undefined;
  let json: string | undefined;
  let set: string | undefined;
  let year: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = /^(--[a-z]+)=(.*)$/.exec(arg);
    const name = eq ? eq[1]! : arg;
    const take = (): string => {
      if (eq) return eq[2]!;
      const v = valueOf(args, i, name);
      i++;
      return v;
    };
    switch (name) {
      case "-h":
      case "--help":
        return { help: true };
      case "--out":
      case "-o":
        out = take();
        break;
      case "--json":
        json = take();
        break;
      case "--set":
        set = take();
        break;
      case "--year": {
        const text = take();
        const n = Number(text);
        if (!/^\d{4}$/.test(text) || n < 2000 || n > 2100) {
          throw new UserError(
            `Năm "${text}" không hợp lệ: cần 4 chữ số, ví dụ --year 2023.`,
            `Invalid year "${text}".`,
          );
        }
        year = n;
        break;
      }
      default:
        if (arg.startsWith("-") && arg !== "-") {
          throw new UserError(
            `Tùy chọn không hợp lệ "${arg}"; xem cds-grade --help.`,
            `Unknown option ${arg}.`,
          );
        }
        if (input !== undefined) {
          throw new UserError(`Chỉ chấm một tệp mỗi lần; thừa "${arg}".`, `Only one input file is accepted.`);
        }
        input = arg;
    }
  }
  if (input === undefined) {
    throw new UserError("Thiếu tệp cần chấm; xem cds-grade --help.", "Missing input file.");
  }
  if (out !== undefined) checkOutName(out);
  const output = out ?? defaultOutPath(input);
  if (path.resolve(output) === path.resolve(input)) {
    throw new UserError(
      `Không ghi đè tệp gốc "${input}": hãy chọn --out khác.`,
      `Refusing to overwrite the input file.`,
    );
  }
  if (json !== undefined && [input, output].some((p) => path.resolve(p) === path.resolve(json))) {
    throw new UserError(
      `Tệp báo cáo --json "${json}" trùng tệp bảng tính: hãy chọn tên khác.`,
      `The JSON report path equals a workbook path.`,
    );
  }
  return {
    input,
    out: output,
    help: false,
    ...(json !== undefined ? { json } : {}),
    ...(set !== undefined ? { set } : {}),
    ...(year !== undefined ? { year } : {}),
  };
}

/** `--export-set ID [FILE]`: the set to write and where (stdout when no file); null when not asked for */
export function parseExportSet(args: readonly string[]): { id: string; file?: string } | null {
  const at = args.findIndex((a) => a === "--export-set" || a.startsWith("--export-set="));
  if (at < 0) return null;
  const arg = args[at]!;
  const id = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : valueOf(args, at, "--export-set");
  const rest = args.filter((_, i) => i !== at && (arg.includes("=") || i !== at + 1));
  const unknown = rest.find((a) => a.startsWith("-"));
  if (unknown !== undefined)
    throw new UserError(
      `--export-set chỉ đi cùng tên tệp cần ghi; thừa "${unknown}".`,
      `--export-set takes only an output file.`,
    );
  if (rest.length > 1)
    throw new UserError(`--export-set ghi một tệp; thừa "${rest[1]}".`, `--export-set writes one file.`);
  return rest.length === 1 ? { id, file: rest[0]! } : { id };
}

/** options followed by a value (`--out FILE`) */
const TAKES_VALUE = new Set(["--out", "-o", "--json", "--set", "--year", "--export-set"]);

/** the input named in argv, without checking anything else; undefined when none */
export function inputOf(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (TAKES_VALUE.has(arg)) i++;
    else if (!arg.startsWith("-") || arg === "-") return arg;
  }
  return undefined;
}
