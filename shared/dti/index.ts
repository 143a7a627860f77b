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
export { amountPoints, amountText, inRange, isZero, parseAmount, rangeText, stepRange } from "./amounts";
export { figureNamed, parseRule } from "./rules";
export { RULE_KIND_LABELS, describeRule } from "./describe";
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
export { pointsFor, roundPoints, type CheckContext, type PartAValues } from "./points";
export { checkComponent, readSelfScore, type CommuneAnswer, type ComponentToCheck } from "./check";
export { bandOf, bandText, checkSums, inBand } from "./sums";
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
  isIndexSheet,
  type IndexSheetProblem,
} from "./sheet-cells";
export { indexSetFromGrid } from "./sheet-read";
export { indexSetToGrid, planIndexSheet } from "./sheet";
// =CDS_DIEM: the points of one component for the custom functions of both hosts
export { cdsDiem, type CdsDiemResult } from "./cds-diem";

// the commune's form (Biểu mẫu 01 or a decision's table with the commune's columns): read, checked, ranked, planned
export {
  FORM_HEADER_WORDS,
  FORM_ROLES,
  findFormHeader,
  formRoleOf,
  type FormColumns,
  type FormHeader,
  type FormRole,
} from "./form-header";
export { readForm, type CommuneForm, type FormFigure, type FormLevel, type FormLine } from "./form-read";
export {
  checkForm,
  pointsText,
  type FormComponentResult,
  type FormOptions,
  type FormReport,
  type FormTotalLine,
  type RuleCache,
} from "./form-check";
export { chooseIndexSet, type IndexSetChoice } from "./form-set";
export { formDisputes, rankForms, type FormDispute, type FormRankEntry } from "./form-rank";
export {
  CHECK_RULES,
  FORM_OWN_HEADERS,
  FORM_RANKING_HEADERS,
  FORMS_SECTION,
  FORMS_TITLE,
  formsSection,
  planForm,
} from "./form-plan";
export {
  INDEX_SHEET_REASON,
  formOf,
  gradeWorkbookWithForms,
  planSummaryWithForms,
  type FormsResult,
  type WorkbookOptions,
} from "./form-workbook";
