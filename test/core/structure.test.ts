/**
 * The table reader reads a table's structure once and, for the next sheet of the same structure (the communes of
 * a roll-up), takes only that sheet's cells. Each case compares the second read with a cold read of the same
 * sheet (`forgetRemembered` first): they must be equal, whatever the first sheet was.
 */
import { BUILTIN_SETS, findSet } from "../../shared/criteria";
import { forgetRemembered } from "../../shared/memo";
import { readAnnex, type ReadAnnexOptions } from "../../shared/table/read";
import type { Annex, Grid, RawCell } from "../../shared/types";
import { GROUPS_2023, NAMES_2023_QUANG_NGOC } from "./table.fixtures";

interface Line {
  readonly id: RawCell;
  readonly result: RawCell;
  readonly target?: RawCell;
  readonly self?: RawCell;
}

/** a 2023 annex: title, header, Roman group rows, one line per criterion of the Quảng Ngọc wording */
function annex(commune: string, lines: (id: string, i: number) => Line, withSelf = false): Grid {
  const values: RawCell[][] = [
    [`ỦY BAN NHÂN DÂN ${commune.toUpperCase()}`],
    ["KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHUYỂN ĐỔI SỐ CẤP XÃ NĂM 2023"],
    ["TT", "Tên chỉ tiêu", "Chỉ tiêu cụ thể", "Kết quả đạt được", ...(withSelf ? ["Tự đánh giá"] : [])],
  ];
  const formats: (string | undefined)[][] = values.map(() => []);
  const roman = ["I", "II", "III", "IV"];
  GROUPS_2023.forEach(([group, name], g) => {
    values.push([roman[g]!, name.toUpperCase()]);
    formats.push([]);
    NAMES_2023_QUANG_NGOC.filter(([id]) => id.split(".")[0] === group).forEach(([id, text], i) => {
      const line = lines(id, i);
      values.push([
        line.id,
        text,
        line.target ?? null,
        line.result,
        ...(withSelf ? [line.self ?? null] : []),
      ]);
      formats.push([undefined, undefined, undefined, typeof line.result === "number" ? "0.0%" : undefined]);
    });
  });
  return { values, formats };
}

const OPTIONS: ReadAnnexOptions = { sets: BUILTIN_SETS };

function cold(sheet: string, grid: Grid, options = OPTIONS): Annex {
  forgetRemembered();
  return readAnnex(sheet, grid, options) as Annex;
}

function afterFirst(first: Grid, sheet: string, grid: Grid, options = OPTIONS): Annex {
  forgetRemembered();
  readAnnex("Xã đầu tiên", first, options);
  return readAnnex(sheet, grid, options) as Annex;
}

const plain = (id: string, i: number): Line => ({ id, result: `${50 + i}%`, target: "60%" });

describe("reading a second sheet of the same structure", () => {
  it("takes the second sheet's results, targets and formats, with the same rows, groups and set", () => {
    const first = annex("xã Quảng Ngọc", plain);
    const second = annex("xã Hoằng Phụ", (id, i) => ({ id, result: i % 2 ? 0.9 : "Có", target: "70%" }));
    const again = afterFirst(first, "Xã Hoằng Phụ", second);
    expect(again).toEqual(cold("Xã Hoằng Phụ", second));
    expect(again.rows.find((r) => r.id === "1.1")!.result).toBe("Có");
    expect(again.rows.find((r) => r.id === "1.2")).toMatchObject({
      result: 0.9,
      resultFormat: "0.0%",
      target: "70%",
    });
    expect(again.criteriaSet?.id).toBe("tt-xa-2023");
  });

  it("reads the structure again when a result or a target is filled in one sheet and empty in the other", () => {
    const first = annex("xã Quảng Ngọc", plain);
    const gaps = annex("xã Hoằng Phụ", (id, i) => ({
      id,
      result: i === 0 ? null : "Có",
      target: i === 1 ? null : "60%",
    }));
    expect(afterFirst(first, "B", gaps)).toEqual(cold("B", gaps));
  });

  it("an Excel number ID (1.1 for 1.10) and a self-assessment column", () => {
    const numbers = (id: string, i: number): Line => ({
      id: Number(id),
      result: `${i}%`,
      self: i % 3 ? "Đạt" : "Không đạt",
    });
    const first = annex("xã A", numbers, true);
    const second = annex("xã B", (id, i) => ({ ...numbers(id, i + 1), result: `${90 - i}%` }), true);
    const again = afterFirst(first, "B", second);
    expect(again).toEqual(cold("B", second));
    expect(again.rows.map((r) => r.id)).toContain("1.10");
    expect(again.rows.find((r) => r.id === "1.1")!.self).toBe("Đạt");
  });

  it("names the right sheet in each problem: a table with problems is always read in full", () => {
    const dup = (id: string, i: number): Line => ({ id: id === "1.3" ? "1.2" : id, result: `${i}%` });
    const first = annex("xã A", dup);
    const second = annex("xã B", dup);
    const again = afterFirst(first, "Xã B", second);
    expect(again).toEqual(cold("Xã B", second));
    expect(again.problems.length).toBeGreaterThan(0);
    for (const p of again.problems) expect(p.message).toContain('Trang "Xã B"');
  });

  it("does not take a structure read with other sets or another forced set", () => {
    const first = annex("xã A", plain);
    const second = annex("xã B", plain);
    const only2022: ReadAnnexOptions = { sets: [findSet("tt-xa-2022")!] };
    expect(afterFirst(first, "B", second, only2022)).toEqual(cold("B", second, only2022));
    const forced: ReadAnnexOptions = { sets: BUILTIN_SETS, setId: "none" };
    forgetRemembered();
    readAnnex("A", first, OPTIONS);
    const none = readAnnex("B", second, forced) as Annex;
    expect(none.criteriaSet).toBeNull();
    expect(none).toEqual(cold("B", second, forced));
  });

  it("takes a structure read with the same sets in another list, and reads each of many layouts right", () => {
    const first = annex("xã A", plain);
    const second = annex("xã B", (id, i) => ({ ...plain(id, i), result: `${70 - i}%` }));
    forgetRemembered();
    readAnnex("A", first, { sets: [...BUILTIN_SETS] });
    expect(readAnnex("B", second, { sets: [...BUILTIN_SETS] })).toEqual(cold("B", second));
    // more layouts than a prefix keeps: each sheet drops one row, so none has another's shape
    const layouts = Array.from({ length: 12 }, (_, k) => {
      const grid = annex(`xã ${k}`, plain);
      return {
        values: grid.values.filter((_, r) => r !== 5 + k),
        formats: grid.formats!.filter((_, r) => r !== 5 + k),
      };
    });
    forgetRemembered();
    const read = [...layouts, ...layouts].map((g, k) => readAnnex(`Xã ${k % 12}`, g, OPTIONS));
    read.forEach((a, k) => expect(a).toEqual(cold(`Xã ${k % 12}`, layouts[k % 12]!)));
  });

  it("takes a header read before for the same header rows, at the row where this sheet has them", () => {
    const first = annex("xã A", plain);
    const grid = annex("xã B", plain);
    // one more title row: the same header, one row lower
    const lower: Grid = { values: [["BÁO CÁO"], ...grid.values], formats: [[], ...grid.formats!] };
    const again = afterFirst(first, "B", lower);
    expect(again).toEqual(cold("B", lower));
    expect(again.headerRow).toBe(3);
    expect(again.rows[0]!.row).toBe(first.values.findIndex((r) => r[0] === "1.1") + 1);
  });
});
