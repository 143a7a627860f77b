/**
 * The public API of the core, stage by stage (README, "How the pieces fit"). Hosts import from here, or from one
 * file of a stage when their bundle needs only that file (the custom functions, say).
 */
export * from "./types";
export * from "./labels";
export * from "./text";

// values/: what one cell says
export * from "./values/numbers";
export * from "./values/figures";
export * from "./values/formats";
export * from "./values/read";
export * from "./values/targets";
export * from "./values/words";

// criteria/: the sets, matching names to criteria, the "Bộ tiêu chí" sheet
export * from "./criteria";
export * from "./criteria/schema";
export * from "./criteria/match";
export * from "./criteria/sheet";

// table/: reading an annex table
export { AMBIGUOUS_HEADERS, HEADER_ALIASES, IGNORED_HEADERS } from "./table/header";
export { readId } from "./table/ids";
export { detectYear, mergesWanted, readAnnex } from "./table/read";
export type { ReadAnnexOptions } from "./table/types";

// grade/: the rules and =CDS_DAT
export * from "./grade/rules";
export * from "./grade/cds-dat";

// report/: a workbook's report, edit plan, summary and roll-up
export * from "./report/workbook";
export * from "./report/summary";
export * from "./report/plan";
export * from "./report/prepare";
export * from "./report/rollup";
export * from "./report/commune";
export * from "./report/own-sheets";
