// the BUILT custom function: dist/excel/functions.js run in a vm with a fake CustomFunctions runtime
import { readFileSync } from "fs";
import path from "path";
import vm from "vm";
import { STATUS_LABELS } from "../../shared/labels";
import { ensureBuilt } from "./built";

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

function dat(...args: unknown[]): unknown {
  const fn = registered.get(metadata.functions[0]!.id);
  if (!fn) throw new Error("CDS.DAT is not registered");
  return fn(...args);
}

function errorOf(...args: unknown[]): FakeCustomFunctionError {
  try {
    dat(...args);
  } catch (e) {
    if (e instanceof FakeCustomFunctionError) return e;
    throw e;
  }
  throw new Error("expected CustomFunctions.Error");
}

test("functions.json declares DAT(ket_qua, chi_tieu, [nam]) and the bundle registers it under its id", () => {
  expect(metadata.functions).toHaveLength(1);
  const [fn] = metadata.functions;
  expect(fn).toMatchObject({ id: "DAT", name: "DAT" });
  expect(fn!.parameters.map((p) => [p.name, p.optional ?? false])).toEqual([
    ["ket_qua", false],
    ["chi_tieu", false],
    ["nam", true],
  ]);
  expect([...registered.keys()]).toEqual(["DAT"]);
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
