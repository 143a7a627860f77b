// the BUILT custom function: dist/excel/functions.js run in a vm with a fake CustomFunctions runtime
import { readFileSync } from "fs";
import path from "path";
import vm from "vm";
import { STATUS_LABELS } from "../../shared/labels";
import { ensureBuilt } from "./built";
import { ADDITIVE, CHOICE, NOT_SCORED, RATIO, RATIO_ROWS, STEPS, YES_NO } from "../dti/samples";

jest.setTimeout(300_000);

class FakeCustomFunctionError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

interface Metadata {
  functions: { id: string; name: string; parameters: { name: string; optional?: boolean }[] }[];
}

let dist = "";
let metadata: Metadata;
const registered = new Map<string, (...args: unknown[]) => unknown>();

beforeAll(() => {
  dist = ensureBuilt();
  metadata = JSON.parse(readFileSync(path.join(dist, "functions.json"), "utf8")) as Metadata;
  const CustomFunctions = {
    associate: (id: string, fn: (...args: unknown[]) => unknown) => registered.set(id, fn),
    Error: FakeCustomFunctionError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  };
  vm.runInNewContext(readFileSync(path.join(dist, "functions.js"), "utf8"), { CustomFunctions, console });
});

/** the function functions.json declares under `name`, as the bundle registered it */
function registeredAs(name: string): (...args: unknown[]) => unknown {
  const declared = metadata.functions.find((f) => f.name === name);
  const fn = declared && registered.get(declared.id);
  if (!fn) throw new Error(`CDS.${name} is not registered`);
  return fn;
}

function dat(...args: unknown[]): unknown {
  return registeredAs("DAT")(...args);
}

function errorOf(...args: unknown[]): FakeCustomFunctionError {
  return thrownBy(() => dat(...args));
}

function thrownBy(f: () => unknown): FakeCustomFunctionError {
  try {
    f();
  } catch (e) {
    if (e instanceof FakeCustomFunctionError) return e;
    throw e;
  }
  throw new Error("expected CustomFunctions.Error");
}

test("functions.json declares DAT(ket_qua, chi_tieu, [nam]) and DIEM(giai_trinh, cach_tinh, diem_toi_da); the bundle registers both under their ids", () => {
  expect(metadata.functions.map((f) => [f.id, f.name])).toEqual([
    ["DAT", "DAT"],
    ["DIEM", "DIEM"],
  ]);
  const params = (name: string) =>
    metadata.functions.find((f) => f.name === name)!.parameters.map((p) => [p.name, p.optional ?? false]);
  expect(params("DAT")).toEqual([
    ["ket_qua", false],
    ["chi_tieu", false],
    ["nam", true],
  ]);
  expect(params("DIEM")).toEqual([
    ["giai_trinh", false],
    ["cach_tinh", false],
    ["diem_toi_da", false],
  ]);
  expect([...registered.keys()]).toEqual(["DAT", "DIEM"]);
});

test("labels for the values in the domain brief", () => {
  expect(dat("54,4%", "60%")).toBe(STATUS_LABELS.KHONG_DAT);
  // a cell formatted as percent arrives as a fraction
  expect(dat(0.79, "60%")).toBe(STATUS_LABELS.DAT);
  expect(dat(0.544, 0.6)).toBe(STATUS_LABELS.KHONG_DAT);
  expect(dat("433/448", "3.2", 2023)).toBe(STATUS_LABELS.DAT);
  expect(dat("Có", "Có")).toBe(STATUS_LABELS.DAT);
  expect(dat("Không", "Có")).toBe(STATUS_LABELS.KHONG_DAT);
  expect(dat("Đang triển khai", "Có")).toBe(STATUS_LABELS.DANG_THUC_HIEN);
  expect(dat("85%", "> 90%")).toBe(STATUS_LABELS.KHONG_DAT);
  expect(dat("> 90%", "90%")).toBe(STATUS_LABELS.DAT);
});

test("the year picks the criteria set: 70% meets 3.2 in 2022 (≥ 60%) but not in 2023 (≥ 75%)", () => {
  expect(dat(0.7, "3.2", 2022)).toBe(STATUS_LABELS.DAT);
  expect(dat(0.7, "3.2", 2023)).toBe(STATUS_LABELS.KHONG_DAT);
});

test("a bad target is #VALUE! with a Vietnamese message, not a wrong label", () => {
  const error = errorOf("54,4%", "abc");
  expect(error.code).toBe("#VALUE!");
  expect(error.message).toMatch(/Chỉ tiêu "abc" không đọc được/);
  expect(errorOf(0.5, "9.99", 2023).message).toMatch(/9\.99/);
});

describe("CDS.DIEM", () => {
  const diem = (...args: unknown[]): unknown => registeredAs("DIEM")(...args);

  test("functions.json: the help in Vietnamese, any result (a number, or a text when it cannot be read)", () => {
    const fn = metadata.functions.find((f) => f.name === "DIEM") as unknown as {
      description: string;
      parameters: { description: string }[];
      result: { type?: string };
    };
    expect(fn.description).toMatch(/^Tính điểm một chỉ số thành phần/);
    expect(fn.parameters.map((p) => p.description)).toEqual([
      expect.stringContaining("Giải trình"),
      expect.stringContaining("Cách xác định và tính điểm"),
      expect.stringContaining("Điểm tối đa"),
    ]);
    expect(fn.result.type ?? "any").toBe("any");
  });

  test("the verbatim rule samples of DTI.md give their points", () => {
    expect(diem("Trưởng ban là Chủ tịch UBND xã", CHOICE, 20)).toBe(20);
    expect(diem("Trưởng ban là Phó Chủ tịch UBND xã", CHOICE, 20)).toBe(10);
    expect(diem("BCĐ họp 4 lần trong năm", STEPS, 20)).toBe(20);
    expect(diem("BCĐ họp 2 lần", STEPS, 20)).toBe(10);
    expect(diem("a = 12; b = 15", RATIO, 20)).toBe(16);
    expect(diem("a = 2; b = 3", RATIO, 20)).toBe(13.33);
    // sub-rows joined as TEXTJOIN(CHAR(10); TRUE; D10:D13) gives them
    expect(diem("a = 12; b = 15", RATIO_ROWS.join("\n"), 20)).toBe(16);
    expect(diem("Có văn bản chỉ đạo về chuyển đổi số; chưa tổ chức hội nghị quán triệt", ADDITIVE, 10)).toBe(
      5,
    );
    expect(diem(true, YES_NO, 10)).toBe(10);
    expect(diem("x", NOT_SCORED, 0)).toBe("Không tính điểm");
  });

  test("never above the maximum: a ratio above 1 counts as 1", () => {
    expect(diem("a = 30; b = 15", RATIO, 20)).toBe(20);
  });

  test("what cannot be read is a text «Cần xem xét – …», which SUM does not count", () => {
    expect(diem("họp 4 lần", "Trừ 5 điểm nếu nộp báo cáo muộn", 20)).toBe(
      "Cần xem xét – chưa đọc được cách tính điểm: có đoạn chưa hiểu: «Trừ 5 điểm nếu nộp báo cáo muộn»",
    );
    expect(diem("Trưởng ban: Chủ tịch UBND xã; Phó trưởng ban: Phó Chủ tịch UBND xã", CHOICE, 20)).toMatch(
      /^Cần xem xét – giải trình không nêu rõ trường hợp/,
    );
    // Excel on the desktop sends an empty explanation cell as 0
    expect(diem(0, STEPS, 20)).toMatch(/^Cần xem xét – thiếu số liệu/);
  });

  test("arguments it cannot take are #VALUE! with a Vietnamese message", () => {
    const empty = thrownBy(() => diem("Có", YES_NO, 0));
    expect(empty.code).toBe("#VALUE!");
    expect(empty.message).toBe(
      "Điểm tối đa 0 không dùng được: điểm tối đa phải lớn hơn 0 (ô trống cũng được đọc là 0).",
    );
    expect(thrownBy(() => diem("Có", 20, YES_NO)).message).toMatch(/^Cách tính điểm "20" không phải lời văn/);
    expect(thrownBy(() => diem("Có", "", 20)).message).toMatch(/^Thiếu cách tính điểm/);
    expect(thrownBy(() => diem("Có", YES_NO, "abc")).message!.length).toBeLessThanOrEqual(250);
  });
});
