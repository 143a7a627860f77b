/**
 * Golden workbooks (seed figures) through the built CLI, compared with the committed goldens
 * (regenerated only by scripts/update-goldens.ts) and with the statuses the domain rules give by hand.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { GOLDEN_DIR, goldenPaths, readOwnCells } from "../../scripts/golden-io";
import { goldenInputs } from "../../scripts/update-goldens";
import type { GoldenFixture } from "../../scripts/make-fixtures";
import type { JsonReport } from "../../src/cli/report";
import {
  CLI,
  ensureBuilt,
  FIXTURES,
  originalCellDiffs,
  ownColumnsOf,
  sha256,
  snapshotWorkbook,
  tempDir,
} from "./helpers";

beforeAll(() => ensureBuilt(), 300_000);

const failures = JSON.parse(fs.readFileSync(path.join(GOLDEN_DIR, "failures.json"), "utf8")) as Record<
  string,
  { code: number; stderr: string }
>;
const fixtures = JSON.parse(fs.readFileSync(path.join(FIXTURES, "fixtures.json"), "utf8")) as GoldenFixture[];

interface Graded {
  readonly code: number | null;
  readonly stderr: string;
  readonly out: string;
  readonly report: JsonReport | null;
}

/** runs the CLI from the fixtures folder with a relative input, as update-goldens does */
function grade(input: string): Graded {
  const dir = tempDir("cds-golden-");
  const out = path.join(dir, "out.xlsx");
  const json = path.join(dir, "report.json");
  const before = sha256(path.join(FIXTURES, input));
  const r = spawnSync(process.execPath, [CLI, input, "--out", out, "--json", json], {
    cwd: FIXTURES,
    encoding: "utf8",
  });
  expect(sha256(path.join(FIXTURES, input))).toBe(before);
  const report = fs.existsSync(json) ? (JSON.parse(fs.readFileSync(json, "utf8")) as JsonReport) : null;
  return { code: r.status, stderr: r.stderr.trim(), out, report };
}

describe.each(goldenInputs())("%s", (input) => {
  let graded: Graded;
  beforeAll(() => {
    graded = grade(input);
  });

  if (failures[input]) {
    test("fails with the golden exit code and message, writing nothing", () => {
      expect({ code: graded.code, stderr: graded.stderr }).toEqual(failures[input]);
      expect(fs.existsSync(graded.out)).toBe(false);
    });
    return;
  }

  test("report equals the golden report", () => {
    expect(graded.code).toBe(0);
    const golden = JSON.parse(fs.readFileSync(goldenPaths(input).report, "utf8")) as JsonReport;
    expect(graded.report).toEqual(golden);
  });

  test("own columns equal the golden cells, cell by cell", async () => {
    const golden = JSON.parse(fs.readFileSync(goldenPaths(input).own, "utf8")) as Awaited<
      ReturnType<typeof readOwnCells>
    >;
    const own = await readOwnCells(graded.out);
    expect(Object.keys(own).sort()).toEqual(Object.keys(golden).sort());
    for (const sheet of Object.keys(golden)) {
      for (const address of new Set([...Object.keys(golden[sheet]!), ...Object.keys(own[sheet]!)])) {
        expect({ sheet, address, value: own[sheet]![address] }).toEqual({
          sheet,
          address,
          value: golden[sheet]![address],
        });
      }
    }
  });

  test("every original cell is kept", async () => {
    const diffs = originalCellDiffs(
      await snapshotWorkbook(path.join(FIXTURES, input)),
      await snapshotWorkbook(graded.out),
      await ownColumnsOf(graded.out),
    );
    expect(diffs).toEqual([]);
  });
});

describe.each(fixtures.map((f) => [f.file, f] as const))(
  "%s: statuses by the domain rules",
  (file, fixture) => {
    test("each criterion row gets the status reasoned by hand from the seed figures", () => {
      const { report } = grade(file);
      expect(report).not.toBeNull();
      expect(report!.sheets.map((s) => s.name)).toEqual(fixture.sheets.map((s) => s.name));
      expect(report!.skipped.map((s) => s.name)).toEqual(fixture.skipped);
      for (const sheet of fixture.sheets) {
        const rows = report!.sheets.find((s) => s.name === sheet.name)!.rows;
        const got = sheet.rows.map((r) => ({
          id: r.id,
          row: r.row,
          status: rows.find((x) => x.row === r.row)?.status,
        }));
        expect(got).toEqual(sheet.rows.map((r) => ({ id: r.id, row: r.row, status: r.expect })));
      }
    });
  },
);

describe("awkward values: graded for review, with a message naming the sheet, the cell and the value", () => {
  test.each([
    ["bad/so-lieu-la.xlsx", ["E5", "E6", "E8", "E9"]],
    ["bad/loi-cong-thuc.xlsx", ["E5", "E7"]],
  ])("%s", (input, cells) => {
    const { code, report } = grade(input);
    expect(code).toBe(0);
    const sheet = report!.sheets[0]!;
    expect(sheet.rows.map((r) => [r.cell, r.status])).toEqual(cells.map((c) => [c, "CAN_XEM_XET"]));
    for (const cell of cells) {
      const problem = sheet.problems.find((p) => p.cell === cell);
      expect(problem?.message).toContain(`Trang "${sheet.name}", ô ${cell}`);
    }
  });

  test("columns in another order, other words: read by meaning; the commune's own verdict is checked", () => {
    const { report } = grade("bad/tieu-de-khac.xlsx");
    const rows = report!.sheets[0]!.rows;
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      ["1.4", "DAT"],
      ["2.4", "DAT"],
      ["2.5", "KHONG_DAT"],
    ]);
    expect(rows[2]!.warnings.join()).toMatch(/tự đánh giá "Đạt"/);
  });
});
