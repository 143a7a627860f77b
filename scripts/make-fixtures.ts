/**
 * Builds the fixture workbooks under test/fixtures/: golden annexes from the seed figures
 * (with fixtures.json: where each criterion sits and the status the rules give), and small bad inputs.
 * Goldens of the CLI's output are made apart, only by scripts/update-goldens.ts.
 * Run: npx ts-node --transpile-only scripts/make-fixtures.ts
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { BAC_SON, HOANG_PHU, QUANG_NGOC } from "./annex-data";
import type { CommuneAnnex } from "./annex-data";
import { addAnnexSheet, addNotesSheet } from "./annex-book";
import type { AnnexShape } from "./annex-book";
import * as bad from "./bad-inputs";

const ROOT = path.join(__dirname, "..");
export const FIXTURE_DIR = path.join(ROOT, "test", "fixtures");

/** one golden workbook: its sheets and, per sheet, each criterion's row and expected status */
export interface GoldenFixture {
  readonly file: string;
  readonly sheets: readonly {
    readonly name: string;
    readonly rows: readonly { readonly id: string; readonly row: number; readonly expect: string }[];
  }[];
  readonly skipped: readonly string[];
}

async function golden(
  file: string,
  annexes: readonly { annex: CommuneAnnex; shape: AnnexShape }[],
  notes: readonly string[] = [],
): Promise<GoldenFixture> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(Date.UTC(2023, 11, 8));
  workbook.modified = workbook.created;
  const sheets = annexes.map(({ annex, shape }) => {
    const rows = addAnnexSheet(workbook, annex, shape, 10);
    return {
      name: annex.sheet,
      rows: annex.lines.map((l) => ({ id: l.id, row: rows[l.id]!, expect: l.expect })),
    };
  });
  if (notes.length) addNotesSheet(workbook, "Ghi chú", notes);
  await workbook.xlsx.writeFile(path.join(FIXTURE_DIR, file));
  return { file, sheets, skipped: notes.length ? ["Ghi chú"] : [] };
}

/** the small bad inputs committed under test/fixtures/bad/ */
export const BAD_WORKBOOKS: Record<string, () => ExcelJS.Workbook> = {
  "trong.xlsx": bad.emptyWorkbook,
  "khong-tieu-de.xlsx": bad.noHeader,
  "tieu-de-khac.xlsx": bad.otherHeader,
  "loi-cong-thuc.xlsx": bad.errorValues,
  "so-lieu-la.xlsx": bad.oddFigures,
  "o-dai.xlsx": bad.longCell,
  "dau-bang.xlsx": bad.formulaLikeText,
};

async function main(): Promise<void> {
  fs.mkdirSync(path.join(FIXTURE_DIR, "bad"), { recursive: true });
  const fixtures = [
    await golden("hoang-phu-2023.xlsx", [{ annex: HOANG_PHU, shape: "standard" }]),
    await golden("quang-ngoc-2023.xlsx", [{ annex: QUANG_NGOC, shape: "plan" }]),
    await golden(
      "hai-xa-2023.xlsx",
      [
        { annex: BAC_SON, shape: "standard" },
        { annex: HOANG_PHU, shape: "plan" },
      ],
      ["Bảng này chỉ ghi chú, không phải phụ lục."],
    ),
  ];
  fs.writeFileSync(path.join(FIXTURE_DIR, "fixtures.json"), `${JSON.stringify(fixtures, null, 2)}\n`);
  for (const [name, build] of Object.entries(BAD_WORKBOOKS)) {
    await build().xlsx.writeFile(path.join(FIXTURE_DIR, "bad", name));
  }
  fs.writeFileSync(path.join(FIXTURE_DIR, "bad", "mat-khau.xlsx"), bad.encryptedBytes());
  fs.writeFileSync(path.join(FIXTURE_DIR, "bad", "hong.xlsx"), await bad.corruptBytes());
  fs.writeFileSync(
    path.join(FIXTURE_DIR, "bad", "van-ban.xlsx"),
    "Đây là tệp văn bản, không phải bảng tính.\n",
  );
  fs.writeFileSync(
    path.join(FIXTURE_DIR, "bad", "bang.csv"),
    "TT,Tên chỉ tiêu,Kết quả\n1.4,Hộp thư công vụ,14/14\n",
  );
  console.log(
    `Đã tạo ${fixtures.length} tệp mẫu chuẩn và ${Object.keys(BAD_WORKBOOKS).length + 4} tệp đầu vào xấu.`,
  );
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
