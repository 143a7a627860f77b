/**
 * The parts of ExcelJS the CLI uses: its Workbook (reading and writing .xlsx) and the cell value types,
 * taken from ExcelJS's own files. ExcelJS's index also loads its streaming reader and writer (and with them
 * archiver and unzipper), which cds-grade never uses; loading only these halves ExcelJS's start-up, and the
 * CLI bundle (webpack/cli.js) carries them in one file, so node resolves no module at start-up.
 * Types come from ExcelJS's index as usual.
 */
import type * as ExcelJSTypes from "exceljs";

/** ExcelJS's Workbook class */
export const Workbook = require("exceljs/lib/doc/workbook") as typeof ExcelJSTypes.Workbook;
/** ExcelJS's cell value types (`ValueType.Merge` …) */
export const ValueType = (require("exceljs/lib/doc/enums") as { ValueType: typeof ExcelJSTypes.ValueType })
  .ValueType;
