/**
 * The points-based index (bộ chỉ số, "DTI cấp xã"): sets as data, rules read from the decision's words, the
 * reviewer's check per component, the sums, the editable "Bộ chỉ số" sheet. Pure TypeScript like the rest of the
 * core; the word-list internals (`./words`) are not part of this API.
 */
export * from "./types";
export {
  CHECK_COLORS,
  CHECK_LABELS,
  DEFAULT_SETTINGS,
  NATURE_LABELS,
  REVIEW_LABELS,
  SETTING_KEYS,
  SETTING_WORDS,
  SUM_LABELS,
  describeSettings,
  settingValueText,
} from "./labels";
export {
  RULE_KIND_LABELS,
  amountPoints,
  amountText,
  describeRule,
  figureNamed,
  inRange,
  isZero,
  parseAmount,
  parseRule,
  rangeText,
  stepRange,
} from "./rules";
export { normalizeRuleText } from "./words";
export {
  branchKeys,
  hedgeIn,
  readBranches,
  readCount,
  readRatio,
  type BranchKeys,
  type BranchReading,
  type CountReading,
  type RatioReading,
} from "./explain";
export {
  bandOf,
  bandText,
  checkComponent,
  checkSums,
  inBand,
  pointsFor,
  readSelfScore,
  roundPoints,
  type CheckContext,
  type CommuneAnswer,
  type ComponentToCheck,
  type PartAValues,
} from "./check";
export {
  checkIndexSet,
  indexSetSchema,
  indexSetToJson,
  indexSetWarnings,
  loadIndexSet,
  parseIndexSet,
  type IndexSetIssue,
  type IndexSetJson,
} from "./schema";
export {
  BANDS_KON_TUM,
  BANDS_LAO_CAI,
  EXAMPLE_SET_JSON,
  PART_A_FIGURES,
  THANH_HOA_PARTIAL_JSON,
  builtinIndexSets,
  findIndexSet,
} from "./sets";
export {
  INDEX_SHEET,
  INDEX_SHEET_COLUMN_WIDTHS,
  INDEX_SHEET_HELP,
  INDEX_SHEET_TITLE,
  indexSetFromGrid,
  indexSetToGrid,
  isIndexSheet,
  planIndexSheet,
  type IndexSheetProblem,
} from "./sheet";
