/**
 * The zod schema of an index set, so a set can come from JSON (a file, a "Bộ chỉ số" sheet) and the built-in ones
 * are checked the same way. Errors are Vietnamese and name the item and field; cross-checks (duplicate ids,
 * unknown parents, maxima that do not add up, amounts above a maximum, bands that overlap or leave a gap) come
 * with them. Rules are read from their text when the set is loaded, never stored.
 */
import * as z from "zod/mini";
import { formatNumber } from "../text";
import { inBand } from "./sums";
import { DEFAULT_SETTINGS, SETTING_KEYS } from "./labels";
import { amountPoints, amountText } from "./amounts";
import { parseRule } from "./rules";
import type {
  Band,
  IndexComponent,
  IndexGroup,
  IndexSet,
  IndexSettings,
  MainIndex,
  PartAFigure,
  Rule,
  SettingKey,
} from "./types";

function buildSchemas() {
  const text = z.string().check(z.trim(), z.minLength(1));
  const points = z.nullable(z.number().check(z.minimum(0), z.maximum(100_000)));
  const slug = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/));
  const bound = z.strictObject({
    percent: z.number().check(z.minimum(0), z.maximum(100)),
    strict: z.boolean(),
  });
  const settings = z.partial(
    z.strictObject({
      zeroDenominator: z.enum(["review", "zero"]),
      ratioAboveOne: z.enum(["cap", "review"]),
      decimals: z.number().check(z.int(), z.minimum(0), z.maximum(6)),
      topStep: z.enum(["orMore", "exact"]),
    }),
  );
  /** one component as JSON: the rule is its text; the parsed rule is never stored */
  const component = z.strictObject({
    id: z.string().check(z.regex(/^[0-9A-Za-z]+(\.[0-9A-Za-z]+)+$/)),
    index: text,
    name: z.nullable(text),
    maxPoints: points,
    ruleText: z.nullable(z.string()),
    evidence: z.optional(text),
    note: z.optional(text),
    /** a loaded set written out whole carries its parsed rules: ignored, read again from `ruleText` */
    rule: z.optional(z.unknown()),
  });
  const set = z.strictObject({
    id: slug,
    title: text,
    nature: z.enum(["official", "example", "partial"]),
    legalBasis: z.nullable(text),
    maxPoints: z.optional(points),
    settings: z.optional(settings),
    /** settings listed here are the defaults, not stated by the set (a loaded set written out whole) */
    defaults: z.optional(z.array(z.enum(["zeroDenominator", "ratioAboveOne", "decimals", "topStep"]))),
    figures: z.optional(z.array(z.strictObject({ id: slug, name: text, keywords: z.array(text) }))),
    bands: z.optional(
      z.array(z.strictObject({ name: text, lower: z.nullable(bound), upper: z.nullable(bound) })),
    ),
    groups: z.optional(z.array(z.strictObject({ id: text, name: text, maxPoints: points }))),
    indices: z
      .array(
        z.strictObject({
          id: z.string().check(z.regex(/^[0-9A-Za-z]+$/)),
          group: z.nullable(text),
          name: text,
          maxPoints: points,
        }),
      )
      .check(z.minLength(1)),
    components: z.array(component).check(z.minLength(1)),
    note: z.optional(text),
  });
  return { set };
}

type IndexSetSchema = ReturnType<typeof buildSchemas>["set"];

let schemas: ReturnType<typeof buildSchemas> | undefined;

/**
 * The zod schema of an index set as JSON (`--set FILE.json`, the "Bộ chỉ số" sheet); see {@link IndexSet}. Built
 * on first use, not when the module loads: every Apps Script execution loads the script anew.
 */
export function indexSetSchema(): IndexSetSchema {
  schemas ??= buildSchemas();
  return schemas.set;
}

/** an index set as JSON */
export type IndexSetJson = z.input<IndexSetSchema>;

type Issue = { path: readonly PropertyKey[]; message: string };

const pts = (n: number): string => formatNumber(n, 4);

/** bounds of a band as percentages where one band must hold: every bound, 0, 100 and the points between */
function bandIssues(bands: readonly Band[]): Issue[] {
  const issues: Issue[] = [];
  if (bands.length === 0) return issues;
  bands.forEach((b, i) => {
    if (
      b.lower &&
      b.upper &&
      (b.lower.percent > b.upper.percent ||
        (b.lower.percent === b.upper.percent && (b.lower.strict || b.upper.strict)))
    )
      issues.push({
        path: ["bands", i],
        message: `xếp loại "${b.name}" không chứa mức nào (cận dưới lớn hơn cận trên)`,
      });
  });
  const marks = [...new Set([0, 100, ...bands.flatMap((b) => [b.lower?.percent, b.upper?.percent])])]
    .filter((x): x is number => x !== undefined)
    .sort((x, y) => x - y);
  const probes = marks.flatMap((m, i) => (i + 1 < marks.length ? [m, (m + marks[i + 1]!) / 2] : [m]));
  for (const p of probes) {
    const holding = bands.filter((b) => inBand(b, p));
    if (holding.length === 1) continue;
    issues.push({
      path: ["bands"],
      message:
        holding.length === 0
          ? `mức ${formatNumber(p, 2)}% không thuộc xếp loại nào`
          : `mức ${formatNumber(p, 2)}% thuộc cả ${holding.map((b) => `"${b.name}"`).join(" và ")}`,
    });
    break;
  }
  return issues;
}

/** the largest points a rule can give for a maximum, when it is stated in points (`20 điểm`) */
function amountsAbove(rule: Rule, maxPoints: number): string | null {
  const options =
    rule.kind === "choice"
      ? rule.options
      : rule.kind === "steps"
        ? [...rule.steps, ...(rule.otherwise ? [rule.otherwise] : [])]
        : rule.kind === "yesNo"
          ? [rule.yes, rule.no]
          : [];
  for (const o of options) {
    const p = amountPoints(o.amount, maxPoints);
    if (p !== null && p > maxPoints + 1e-9)
      return `mức «${o.condition}: ${amountText(o.amount)}» lớn hơn điểm tối đa ${pts(maxPoints)}`;
  }
  if (rule.kind === "additive") {
    const sum = rule.parts.reduce((s, o) => s + (amountPoints(o.amount, maxPoints) ?? 0), 0);
    if (sum > maxPoints + 1e-9) return `tổng các nội dung ${pts(sum)} lớn hơn điểm tối đa ${pts(maxPoints)}`;
  }
  return null;
}

/** cross-checks on a set the schema accepted */
function crossIssues(set: IndexSet): Issue[] {
  const issues: Issue[] = [];
  const dup = (list: readonly { id: string }[], field: string, what: string): void => {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      if (seen.has(x.id)) issues.push({ path: [field, i, "id"], message: `${what} "${x.id}" bị trùng` });
      seen.add(x.id);
    });
  };
  dup(set.groups, "groups", "mã nhóm");
  dup(set.indices, "indices", "mã chỉ số");
  dup(set.components, "components", "mã chỉ số thành phần");
  dup(set.figures, "figures", "mã số liệu");
  const bandNames = new Set<string>();
  set.bands.forEach((b, i) => {
    if (bandNames.has(b.name))
      issues.push({ path: ["bands", i, "name"], message: `xếp loại "${b.name}" bị trùng` });
    bandNames.add(b.name);
  });

  const groupIds = new Set(set.groups.map((g) => g.id));
  set.indices.forEach((ix, i) => {
    if (ix.group === null && set.groups.length > 0)
      issues.push({ path: ["indices", i, "group"], message: "thiếu nhóm (bộ chỉ số có danh sách nhóm)" });
    if (ix.group !== null && !groupIds.has(ix.group))
      issues.push({
        path: ["indices", i, "group"],
        message: `nhóm "${ix.group}" không có trong danh sách nhóm`,
      });
  });
  const indexIds = new Set(set.indices.map((ix) => ix.id));
  set.components.forEach((c, i) => {
    if (!indexIds.has(c.index))
      issues.push({
        path: ["components", i, "index"],
        message: `chỉ số "${c.index}" không có trong danh sách chỉ số`,
      });
    else if (!c.id.startsWith(`${c.index}.`))
      issues.push({ path: ["components", i, "id"], message: `mã ${c.id} không thuộc chỉ số ${c.index}` });
    if (c.maxPoints !== null) {
      const above = amountsAbove(c.rule, c.maxPoints);
      if (above) issues.push({ path: ["components", i, "ruleText"], message: above });
    }
  });

  // a maximum equals the sum of its parts' maxima when all are known; in a partial set, it is at least that sum
  const partial = set.nature === "partial";
  const sumCheck = (
    path: PropertyKey[],
    max: number | null,
    parts: readonly { id: string; maxPoints: number | null }[],
    partName: string,
  ): void => {
    if (max === null || parts.length === 0) return;
    const known = parts.filter((p) => p.maxPoints !== null);
    const sum = known.reduce((s, p) => s + p.maxPoints!, 0);
    if (partial || known.length < parts.length) {
      if (sum > max + 1e-9)
        issues.push({
          path,
          message: `điểm tối đa ${pts(max)} nhỏ hơn tổng điểm tối đa các ${partName} đã biết (${pts(sum)})`,
        });
    } else if (Math.abs(sum - max) > 1e-9)
      issues.push({
        path,
        message: `điểm tối đa ${pts(max)} khác tổng điểm tối đa các ${partName} (${parts.map((p) => `${p.id}: ${p.maxPoints === null ? "?" : pts(p.maxPoints)}`).join(", ")} = ${pts(sum)})`,
      });
  };
  set.indices.forEach((ix, i) =>
    sumCheck(
      ["indices", i, "maxPoints"],
      ix.maxPoints,
      set.components.filter((c) => c.index === ix.id),
      "chỉ số thành phần",
    ),
  );
  set.groups.forEach((g, i) =>
    sumCheck(
      ["groups", i, "maxPoints"],
      g.maxPoints,
      set.indices.filter((ix) => ix.group === g.id),
      "chỉ số",
    ),
  );
  sumCheck(
    ["maxPoints"],
    set.maxPoints,
    set.groups.length > 0 ? set.groups : set.indices,
    set.groups.length > 0 ? "nhóm" : "chỉ số",
  );
  issues.push(...bandIssues(set.bands));
  return issues;
}

const FIELD_NAMES: Readonly<Record<string, string>> = {
  id: "mã",
  title: "tên bộ",
  nature: "tính chất",
  legalBasis: "căn cứ",
  maxPoints: "điểm tối đa",
  settings: "thiết lập",
  defaults: "thiết lập theo mặc định",
  zeroDenominator: "khi b = 0",
  ratioAboveOne: "khi tỷ lệ lớn hơn 1",
  decimals: "số chữ số thập phân",
  topStep: "số lượng vượt mức cao nhất",
  figures: "số liệu chung (Phần A)",
  keywords: "từ khóa",
  bands: "xếp loại",
  lower: "cận dưới",
  upper: "cận trên",
  percent: "phần trăm",
  strict: "không lấy dấu bằng",
  groups: "danh sách nhóm",
  indices: "danh sách chỉ số",
  components: "danh sách chỉ số thành phần",
  group: "nhóm",
  index: "chỉ số",
  name: "tên",
  ruleText: "cách xác định và tính điểm",
  evidence: "tài liệu kiểm chứng",
  note: "ghi chú",
};

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: "chuỗi chữ",
  number: "số",
  array: "danh sách",
  object: "đối tượng",
  boolean: "đúng/sai",
};

function issueText(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined
        ? "thiếu"
        : `sai kiểu (cần ${TYPE_NAMES[issue.expected] ?? issue.expected})`;
    case "too_small":
      return issue.origin === "string" || issue.origin === "array"
        ? "không được để trống"
        : `phải ≥ ${String(issue.minimum)}`;
    case "too_big":
      return `phải ≤ ${String(issue.maximum)}`;
    case "invalid_value":
      return `phải là một trong: ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "invalid_format":
      return issue.format === "regex" ? "sai định dạng" : `sai định dạng (${issue.format})`;
    case "unrecognized_keys":
      return `có trường lạ: ${issue.keys.join(", ")}`;
    case "custom":
      return issue.message;
    default:
      return "không hợp lệ";
  }
}

const LIST_NAMES: Readonly<Record<string, string>> = {
  groups: "nhóm",
  indices: "chỉ số",
  components: "chỉ số thành phần",
  figures: "số liệu",
  bands: "xếp loại",
};

/** where an issue sits, in words: `chỉ số thành phần 1.1 (thứ 1), trường "điểm tối đa"` */
function placeText(json: unknown, path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  let fieldPath = path;
  const list = typeof path[0] === "string" ? LIST_NAMES[path[0]] : undefined;
  if (list && typeof path[1] === "number") {
    const raw = (json as Record<string, unknown[] | undefined>)[path[0] as string]?.[path[1]] as
      { id?: unknown; name?: unknown } | undefined;
    const key = path[0] === "bands" ? raw?.name : raw?.id;
    const id = typeof key === "string" && key.trim() ? ` ${key.trim()}` : "";
    parts.push(`${list}${id} (thứ ${path[1] + 1})`);
    fieldPath = path.slice(2);
  }
  const fields = fieldPath.filter((p): p is string => typeof p === "string");
  if (fields.length > 0) parts.push(`trường "${fields.map((f) => FIELD_NAMES[f] ?? f).join(" › ")}"`);
  return parts.length > 0 ? parts.join(", ") : "bộ chỉ số";
}

function capital(s: string): string {
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}`;
}

/** a checked JSON set as an IndexSet: settings completed with the defaults, rules read from their text */
function build(data: z.output<IndexSetSchema>): IndexSet {
  const stated = data.settings ?? {};
  const settings = { ...DEFAULT_SETTINGS } as Record<SettingKey, unknown>;
  const defaults: SettingKey[] = [];
  for (const k of SETTING_KEYS) {
    if (stated[k] === undefined || data.defaults?.includes(k)) defaults.push(k);
    else settings[k] = stated[k];
  }
  const figures: PartAFigure[] = (data.figures ?? []).map((f) => ({
    id: f.id,
    name: f.name,
    keywords: f.keywords,
  }));
  const components: IndexComponent[] = data.components.map((c) => ({
    id: c.id,
    index: c.index,
    name: c.name,
    maxPoints: c.maxPoints,
    ruleText: c.ruleText,
    rule: parseRule(c.ruleText, figures),
    ...(c.evidence !== undefined ? { evidence: c.evidence } : {}),
    ...(c.note !== undefined ? { note: c.note } : {}),
  }));
  const groups: IndexGroup[] = (data.groups ?? []).map((g) => ({
    id: g.id,
    name: g.name,
    maxPoints: g.maxPoints,
  }));
  const indices: MainIndex[] = data.indices.map((ix) => ({
    id: ix.id,
    group: ix.group,
    name: ix.name,
    maxPoints: ix.maxPoints,
  }));
  const bands: Band[] = (data.bands ?? []).map((b) => ({ name: b.name, lower: b.lower, upper: b.upper }));
  return {
    id: data.id,
    title: data.title,
    nature: data.nature,
    legalBasis: data.legalBasis,
    maxPoints: data.maxPoints ?? null,
    settings: settings as unknown as IndexSettings,
    defaults,
    figures,
    bands,
    groups,
    indices,
    components,
    ...(data.note !== undefined ? { note: data.note } : {}),
  };
}

/** what loading a set says besides errors: rules not understood (their components will be "Cần xem xét") */
export function indexSetWarnings(set: IndexSet): string[] {
  return set.components
    .filter((c) => c.rule.kind === "unknown")
    .map(
      (c) =>
        `Chỉ số thành phần ${c.id}: chưa đọc được cách tính điểm (${(c.rule as { reason: string }).reason}) — sẽ ở trạng thái Cần xem xét`,
    );
}

/** one problem of a set: where (a path into the JSON) and the Vietnamese text with its place */
export interface IndexSetIssue {
  readonly path: readonly PropertyKey[];
  /** `Chỉ số thành phần 1.1 (thứ 1), trường "điểm tối đa": phải ≥ 0` */
  readonly text: string;
  /** the same without the place: `phải ≥ 0` */
  readonly message: string;
}

/**
 * Checks an index set read from JSON and reads each rule's text; the issues keep their path (the set sheet
 * places them on cells).
 */
export function checkIndexSet(json: unknown): { set: IndexSet | null; issues: IndexSetIssue[] } {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    const message =
      "Bộ chỉ số phải là một đối tượng JSON { id, title, nature, legalBasis, indices, components, … }";
    return { set: null, issues: [{ path: [], text: message, message }] };
  }
  const result = indexSetSchema().safeParse(json, { reportInput: true });
  const set = result.success ? build(result.data) : null;
  const raw: Issue[] = set
    ? crossIssues(set)
    : result.error!.issues.map((i) => ({ path: i.path, message: issueText(i) }));
  const issues = raw.map((i) => ({
    path: i.path,
    message: i.message,
    text: `${capital(placeText(json, i.path))}: ${i.message}`,
  }));
  return { set: issues.length === 0 ? set : null, issues };
}

/**
 * Checks an index set read from JSON and reads each rule's text.
 * @returns the set and warnings (rules not understood), or Vietnamese errors such as
 *   `Chỉ số 1 (thứ 1), trường "điểm tối đa": điểm tối đa 100 khác tổng điểm tối đa các chỉ số thành phần (…)`
 * @example const r = parseIndexSet(JSON.parse(text)); if (!r.ok) console.error(r.errors.join("\n"));
 */
export function parseIndexSet(
  json: unknown,
): { ok: true; set: IndexSet; warnings: string[] } | { ok: false; errors: string[] } {
  const { set, issues } = checkIndexSet(json);
  if (set) return { ok: true, set, warnings: indexSetWarnings(set) };
  return { ok: false, errors: issues.map((i) => i.text) };
}

/** validates a set that must be valid (the built-in ones); throws with the Vietnamese errors otherwise */
export function loadIndexSet(json: unknown): IndexSet {
  const r = parseIndexSet(json);
  if (r.ok) return r.set;
  throw new Error(`Bộ chỉ số không hợp lệ:\n${r.errors.join("\n")}`);
}

/**
 * A set as JSON for `--export-set`: rules as their text only, settings the set states (defaults left out, so
 * they stay marked as defaults when read back).
 */
export function indexSetToJson(set: IndexSet): IndexSetJson {
  const settings: Partial<Record<SettingKey, unknown>> = {};
  for (const k of SETTING_KEYS) if (!set.defaults.includes(k)) settings[k] = set.settings[k];
  return {
    id: set.id,
    title: set.title,
    nature: set.nature,
    legalBasis: set.legalBasis,
    maxPoints: set.maxPoints,
    settings: settings as IndexSetJson["settings"],
    figures: set.figures.map((f) => ({ id: f.id, name: f.name, keywords: [...f.keywords] })),
    bands: set.bands.map((b) => ({ name: b.name, lower: b.lower, upper: b.upper })),
    groups: set.groups.map((g) => ({ id: g.id, name: g.name, maxPoints: g.maxPoints })),
    indices: set.indices.map((ix) => ({
      id: ix.id,
      group: ix.group,
      name: ix.name,
      maxPoints: ix.maxPoints,
    })),
    components: set.components.map((c) => ({
      id: c.id,
      index: c.index,
      name: c.name,
      maxPoints: c.maxPoints,
      ruleText: c.ruleText,
      ...(c.evidence !== undefined ? { evidence: c.evidence } : {}),
      ...(c.note !== undefined ? { note: c.note } : {}),
    })),
    ...(set.note !== undefined ? { note: set.note } : {}),
  };
}
