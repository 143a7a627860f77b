import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import {
  CHECK_CODES,
  CHECK_COLORS,
  CHECK_LABELS,
  DEFAULT_SETTINGS,
  NATURE_LABELS,
  REVIEW_CODES,
  REVIEW_LABELS,
  RULE_KIND_LABELS,
  SETTING_KEYS,
  SETTING_WORDS,
  SUM_CODES,
  SUM_LABELS,
  checkComponent,
  describeRule,
  parseRule,
  settingValueText,
  type ReviewCode,
  type Rule,
  type RuleKind,
} from "../../shared/dti";
import { fold } from "../../shared/text";
import { PART_A_FIGURES } from "../../shared/dti/sets";
import { ADDITIVE, CHOICE, NOT_SCORED, RATIO, STEPS, YES_NO } from "./samples";

/** Vietnamese with its diacritics: folding changes it */
const hasDiacritics = (s: string): boolean => fold(s) !== s.toLowerCase().replace(/\s+/g, " ").trim();

describe("every code has its words", () => {
  it.each(CHECK_CODES.map((c) => [c]))("result %s: a Vietnamese label and colours", (code) => {
    expect(hasDiacritics(CHECK_LABELS[code])).toBe(true);
    expect(CHECK_COLORS[code].fill).toMatch(/^#[0-9A-F]{6}$/);
    expect(CHECK_COLORS[code].font).toMatch(/^#[0-9A-F]{6}$/);
  });

  it("labels are distinct, and no other code has one", () => {
    expect(new Set(Object.values(CHECK_LABELS)).size).toBe(CHECK_CODES.length);
    expect(Object.keys(CHECK_LABELS).sort()).toEqual([...CHECK_CODES].sort());
    expect(Object.keys(REVIEW_LABELS).sort()).toEqual([...REVIEW_CODES].sort());
    expect(Object.keys(SUM_LABELS).sort()).toEqual([...SUM_CODES].sort());
  });

  it.each(REVIEW_CODES.map((c) => [c]))("review reason %s: Vietnamese words", (code) => {
    expect(hasDiacritics(REVIEW_LABELS[code])).toBe(true);
  });

  it.each(SUM_CODES.map((c) => [c]))("sums problem %s: Vietnamese words", (code) => {
    expect(hasDiacritics(SUM_LABELS[code])).toBe(true);
  });

  it("each set nature and setting has its words", () => {
    for (const label of Object.values(NATURE_LABELS)) expect(hasDiacritics(label)).toBe(true);
    for (const k of SETTING_KEYS) {
      expect(hasDiacritics(SETTING_WORDS[k].label)).toBe(true);
      expect(settingValueText(k, DEFAULT_SETTINGS[k])).not.toBe("");
    }
  });
});

/** one rule of every kind, from the verbatim samples */
const RULES: Readonly<Record<RuleKind, Rule>> = {
  choice: parseRule(CHOICE),
  steps: parseRule(STEPS),
  ratio: parseRule(RATIO),
  additive: parseRule(ADDITIVE),
  yesNo: parseRule(YES_NO),
  notScored: parseRule(NOT_SCORED),
  unknown: parseRule("Theo hướng dẫn của Sở"),
};

describe("every rule kind has a label and a description", () => {
  it.each(Object.entries(RULES))("%s", (kind, rule) => {
    expect(rule.kind).toBe(kind);
    expect(hasDiacritics(RULE_KIND_LABELS[kind as RuleKind])).toBe(true);
    expect(hasDiacritics(describeRule(rule, 20))).toBe(true);
  });

  it("descriptions differ from kind to kind", () => {
    const firstLines = Object.values(RULES).map((r) => describeRule(r).split("\n")[0]);
    expect(new Set(firstLines).size).toBe(firstLines.length);
    expect(Object.keys(RULE_KIND_LABELS).sort()).toEqual(Object.keys(RULES).sort());
  });
});

/** an input that leads to each reason for review: a code without one fails here */
const REVIEW_EXAMPLES: Readonly<
  Record<
    ReviewCode,
    [
      rule: string,
      max: number | null,
      explanation: string,
      self: number | string | null,
      partA?: Record<string, number>,
    ]
  >
> = {
  RULE_UNKNOWN: ["Theo hướng dẫn của Sở", 20, "", 10],
  MAX_UNKNOWN: [YES_NO, null, "Có", 10],
  AMOUNT_ABOVE_MAX: [STEPS, 10, "họp 4 lần", 10],
  HEDGED: [STEPS, 20, "dự kiến họp 4 lần", 20],
  FIGURE_MISSING: [RATIO, 20, "a = 3", 10],
  FIGURES_AMBIGUOUS: [RATIO, 20, "3/4 và 5/6", 10],
  FIGURE_CONFLICT: [
    "a = Số CBCC có chữ ký số; b = Tổng số CBCC; Điểm = Tỷ lệ*Điểm tối đa",
    20,
    "a = 3; b = 4",
    10,
    { cbcc: 5 },
  ],
  ZERO_DENOMINATOR: [RATIO, 20, "a = 0; b = 0", 0],
  RATIO_ABOVE_ONE: [RATIO, 20, "a = 5; b = 4", 20],
  COUNT_NOT_IN_STEPS: ["2 lần: 10 điểm; 4 lần: 20 điểm", 20, "họp 3 lần", 10],
  BRANCH_UNCLEAR: [CHOICE, 20, "-", 20],
  PARTS_UNCLEAR: [ADDITIVE, 10, "", 10],
  ANSWER_UNCLEAR: [YES_NO, 10, "xem trang web", 10],
  SELF_MISSING: [YES_NO, 10, "Có", null],
  SELF_UNREADABLE: [YES_NO, 10, "Có", "mười"],
  SELF_NEGATIVE: [YES_NO, 10, "Có", -1],
};

describe("every reason for review is reachable", () => {
  it.each(REVIEW_CODES.map((c) => [c]))("%s", (code) => {
    const [text, max, explanation, self, partA] = REVIEW_EXAMPLES[code];
    const c = checkComponent(
      { id: "1.1", maxPoints: max, rule: parseRule(text, PART_A_FIGURES) },
      { explanation, self },
      {
        settings:
          code === "RATIO_ABOVE_ONE" ? { ...DEFAULT_SETTINGS, ratioAboveOne: "review" } : DEFAULT_SETTINGS,
        figures: PART_A_FIGURES,
        ...(partA ? { partA } : {}),
      },
    );
    expect(c.code).toBe("CAN_XEM_XET");
    expect(c.review).toBe(code);
    expect(c.reason.startsWith(REVIEW_LABELS[code])).toBe(true);
  });
});

describe("shared/dti is pure core", () => {
  const dir = join(__dirname, "../../shared/dti");
  const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));

  // the form's files join the index to the workbook: they also use the root labels, the commune's name, the annex
  // grading and the summary builder, the annex reader's grid read as Unicode (earlier stages;
  // test/core/layout.test.ts holds the order)
  const FORM_IMPORTS = [
    "../labels",
    "../remember",
    "../table/readable",
    "../criteria",
    "../report/commune",
    "../report/plan",
    "../report/prepare",
    "../report/workbook",
  ];

  it.each(files.map((f) => [f]))(
    "%s imports only zod, its own modules and the stable core helpers",
    (file) => {
      const source = readFileSync(join(dir, file), "utf8");
      const imports = [...source.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"/gms)].map(
        (m) => m[1]!,
      );
      for (const path of imports)
        expect(
          ["zod", "zod/mini", "../text", "../types", "../values/numbers", "../values/read"].includes(path) ||
            path.startsWith("./") ||
            (file.startsWith("form-") && FORM_IMPORTS.includes(path)),
        ).toBe(true);
    },
  );
});
