/**
 * The table reader takes the header rows read for one sheet again for the next sheet with the same header rows.
 * The case compares the second read with a cold read of the same sheet (`forgetRemembered` first).
 */
import { BUILTIN_SETS } from "../../shared/criteria";
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

describe("reading a second sheet with the same header rows", () => {
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
