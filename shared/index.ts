/**
 * The public API of the core: hosts (Excel, Google Sheets, CLI) import from here only.
 */
export * from "./types";
export * from "./text";
export * from "./labels";
export * from "./values/numbers";
export * from "./values/figures";
export * from "./values/formats";
export * from "./values/read";
export * from "./values/targets";
export * from "./values/words";
export * from "./grade/rules";
export * from "./grade/cds-dat";
export * from "./criteria";
export * from "./criteria/schema";
export { AMBIGUOUS_HEADERS, HEADER_ALIASES, IGNORED_HEADERS, detectYear } from "./table/header";
export { readId } from "./table/ids";
export { readAnnex } from "./table/read";
export type { ReadAnnexOptions } from "./table/types";
export * from "./report/summary";
export * from "./report/plan";
export * from "./report/workbook";
export * from "./criteria/match";
export * from "./criteria/sheet";
export * from "./report/commune";
export * from "./report/rollup";
export * from "./report/prepare";
