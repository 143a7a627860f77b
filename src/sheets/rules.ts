/**
 * The add-in's own conditional-format rules on an annex sheet or a points-based form. Each is a custom formula
 * naming the status column and one status or result label, `=$G4="Đạt"`, `=$G14="Khớp"`, applied to the own
 * block (header row and every own column, so a row's cells share its colour). The formula alone says whose rule it is: a rule is ours when its
 * formula is exactly that shape with one of the labels and the own status column read from the sheet, so
 * recognising the add-in's rules needs no call per rule (the condition comes with getConditionalFormatRules;
 * a rule's ranges would each cost a call).
 */
import { columnLetters } from "../../shared";
import { isOwnLabel } from "../../shared/labels";

type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

/** `=$G4="Đạt"`: true on rows whose status cell (column `col`, 0-based) holds `label`; `row` is the range's top */
export function ownRuleFormula(col: number, row: number, label: string): string {
  return `=$${columnLetters(col)}${row + 1}="${label.replace(/"/g, '""')}"`;
}

const OWN_FORMULA = /^=\$([A-Z]{1,3})(\d+)="((?:[^"]|"")*)"$/;

/** the status column (0-based) and label of an own rule's formula; null for any other formula */
export function readOwnRuleFormula(formula: string): { col: number; label: string } | null {
  const m = OWN_FORMULA.exec(formula);
  if (!m) return null;
  const label = m[3]!.replace(/""/g, '"');
  if (!isOwnLabel(label) || label !== label.trim()) return null;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col: col - 1, label };
}

/**
 * True for a rule of ours whose status column is one of `statusColumns` (0-based): a custom formula of the
 * own shape. Reads only the rule's condition (no service call).
 */
export function isOwnRule(rule: Rule, statusColumns: readonly number[]): boolean {
  const condition = rule.getBooleanCondition();
  if (!condition || String(condition.getCriteriaType()) !== "CUSTOM_FORMULA") return false;
  const values = condition.getCriteriaValues();
  if (values.length !== 1 || typeof values[0] !== "string") return false;
  const own = readOwnRuleFormula(values[0]);
  return own !== null && statusColumns.includes(own.col);
}
