/**
 * The parts of ExcelJS the CLI uses: its Workbook (reading and writing .xlsx) and the cell value types,
 * taken from ExcelJS's own files. ExcelJS's index also loads its streaming reader and writer (and with them
 * archiver and unzipper), which cds-grade never uses; loading only these halves ExcelJS's start-up, and the
 * CLI bundle (webpack/cli.js) carries them in one file, so node resolves no module at start-up.
 * Types come from ExcelJS's index as usual.
 *
 * ExcelJS writes a package through the class `ZipWriter` of its module `utils/zip-stream`, looked up when
 * each write starts; cds-grade puts its own there (zip-writer.ts: each part deflated by Node's zlib as it
 * is added, instead of all parts kept as text and deflated in JavaScript at the end).
 */
import type * as ExcelJSTypes from "exceljs";
import { ZipWriter } from "./zip-writer";

const zipStream = require("exceljs/lib/utils/zip-stream") as { ZipWriter: unknown };
if (typeof zipStream.ZipWriter !== "function")
  throw new Error(
    "ExcelJS has no utils/zip-stream ZipWriter: the ExcelJS version is not the one cds-grade knows",
  );
zipStream.ZipWriter = ZipWriter;

/** ExcelJS's Workbook class */
export const Workbook = require("exceljs/lib/doc/workbook") as typeof ExcelJSTypes.Workbook;
/** ExcelJS's cell value types (`ValueType.Merge` …) */
export const ValueType = (require("exceljs/lib/doc/enums") as { ValueType: typeof ExcelJSTypes.ValueType })
  .ValueType;
