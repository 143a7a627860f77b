/**
 * The zod schema of a criteria set, so a set can come from JSON (a file, a "Bộ tiêu chí" sheet); the tests check
 * the built-in sets the same way. Errors are Vietnamese and name the criterion and field.
 */
import * as z from "zod/mini";
import type { CriteriaSet } from "../types";

function buildSchemas() {
  const text = z.string().check(z.trim(), z.minLength(1));
  /** what must be reached: `percent` (≥ or > a threshold), `yes` (an affirmative result), `unknown` */
  const target = z.discriminatedUnion("kind", [
    z.object({
      kind: z.literal("percent"),
      comparator: z.enum([">=", ">"]),
      threshold: z.number().check(z.minimum(0), z.maximum(100)),
    }),
    z.object({ kind: z.literal("yes"), word: text }),
    z.object({ kind: z.literal("unknown"), note: z.optional(text) }),
  ]);
  const criterion = z.object({
    id: z.string().check(z.regex(/^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/)),
    group: text,
    name: text,
    keywords: z.array(text),
    unit: z.optional(text),
    target,
    notEvaluatedIn: z.array(z.number().check(z.int(), z.minimum(2000), z.maximum(2100))),
    note: z.optional(text),
  });
  const criteriaSet = z.object({
    id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/)),
    title: text,
    legalBasis: text,
    year: z.optional(z.number().check(z.int(), z.minimum(2000), z.maximum(2100))),
    groups: z.array(z.object({ id: text, name: text })).check(z.minLength(1)),
    criteria: z.array(criterion).check(z.minLength(1)),
  });
  return { target, criterion, criteriaSet };
}

let schemas: ReturnType<typeof buildSchemas> | undefined;

/**
 * The zod schema of a whole criteria set (groups, criteria, targets). Built on first use, not when the module
 * loads: the built-in sets are checked by the tests, and every Apps Script execution loads the script anew.
 */
export function criteriaSetSchema(): ReturnType<typeof buildSchemas>["criteriaSet"] {
  schemas ??= buildSchemas();
  return schemas.criteriaSet;
}

type Issue = { path: readonly PropertyKey[]; message: string };

/** duplicate IDs and unknown groups, checked on the raw JSON so they come with the schema's own errors */
function crossIssues(json: Record<string, unknown>): Issue[] {
  const issues: Issue[] = [];
  const groups = Array.isArray(json.groups) ? json.groups : [];
  const criteria = Array.isArray(json.criteria) ? json.criteria : [];
  const groupIds = new Set<string>();
  groups.forEach((g: unknown, i) => {
    const id = (g as { id?: unknown } | null)?.id;
    if (typeof id !== "string") return;
    if (groupIds.has(id)) issues.push({ path: ["groups", i, "id"], message: `nhóm "${id}" bị trùng` });
    groupIds.add(id);
  });
  const ids = new Set<string>();
  criteria.forEach((c: unknown, i) => {
    const { id, group } = (c ?? {}) as { id?: unknown; group?: unknown };
    if (typeof id === "string") {
      if (ids.has(id)) issues.push({ path: ["criteria", i, "id"], message: `mã "${id}" bị trùng` });
      ids.add(id);
    }
    if (typeof group === "string" && group.trim() && !groupIds.has(group))
      issues.push({
        path: ["criteria", i, "group"],
        message: `nhóm "${group}" không có trong danh sách nhóm`,
      });
  });
  return issues;
}

const FIELD_NAMES: Readonly<Record<string, string>> = {
  id: "mã",
  title: "tên bộ",
  legalBasis: "căn cứ pháp lý",
  groups: "danh sách nhóm",
  criteria: "danh sách chỉ tiêu",
  group: "nhóm",
  name: "tên",
  keywords: "từ khóa",
  unit: "đơn vị tính",
  target: "chỉ tiêu (target)",
  kind: "loại chỉ tiêu (kind)",
  comparator: "phép so sánh",
  threshold: "ngưỡng",
  word: "từ chỉ tiêu",
  notEvaluatedIn: "năm không đánh giá",
  note: "ghi chú",
};

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: "chuỗi chữ",
  number: "số",
  array: "danh sách",
  object: "đối tượng",
  boolean: "đúng/sai",
};

/** Vietnamese wording of one zod issue (without the place) */
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
    case "invalid_union":
      return `loại chỉ tiêu (kind) phải là "percent", "yes" hoặc "unknown"`;
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

/** where an issue sits, in words: `chỉ tiêu 1.4 (số 4), trường "ngưỡng"` */
function placeText(json: unknown, path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  let fieldPath = path;
  if (path[0] === "criteria" && typeof path[1] === "number") {
    const raw = (json as { criteria?: unknown[] }).criteria?.[path[1]] as { id?: unknown } | undefined;
    const id = typeof raw?.id === "string" && raw.id.trim() ? ` ${raw.id.trim()}` : "";
    parts.push(`chỉ tiêu${id} (thứ ${path[1] + 1})`);
    fieldPath = path.slice(2);
  } else if (path[0] === "groups" && typeof path[1] === "number") {
    parts.push(`nhóm thứ ${path[1] + 1}`);
    fieldPath = path.slice(2);
  }
  const fields = fieldPath.filter((p): p is string => typeof p === "string");
  if (fields.length > 0) parts.push(`trường "${fields.map((f) => FIELD_NAMES[f] ?? f).join(" › ")}"`);
  return parts.length > 0 ? parts.join(", ") : "bộ tiêu chí";
}

/**
 * Checks a criteria set read from JSON.
 * @returns the set, or Vietnamese errors such as `Chỉ tiêu 3.2 (thứ 19), trường "chỉ tiêu (target) › ngưỡng": phải ≤ 100`
 * @example const r = parseCriteriaSet(JSON.parse(text)); if (!r.ok) console.error(r.errors.join("\n"));
 */
export function parseCriteriaSet(
  json: unknown,
): { ok: true; set: CriteriaSet } | { ok: false; errors: string[] } {
  if (typeof json !== "object" || json === null || Array.isArray(json))
    return {
      ok: false,
      errors: ["Bộ tiêu chí phải là một đối tượng JSON { id, title, legalBasis, groups, criteria }"],
    };
  const result = criteriaSetSchema().safeParse(json);
  const issues: Issue[] = [
    ...(result.success ? [] : result.error.issues.map((i) => ({ path: i.path, message: issueText(i) }))),
    ...crossIssues(json as Record<string, unknown>),
  ];
  if (result.success && issues.length === 0) return { ok: true, set: result.data as CriteriaSet };
  const errors = issues.map((issue) => {
    const place = placeText(json, issue.path);
    return `${place.charAt(0).toUpperCase()}${place.slice(1)}: ${issue.message}`;
  });
  return { ok: false, errors };
}

/**
 * Validates a set that must be valid (the built-in ones); throws with the Vietnamese errors otherwise.
 */
export function loadCriteriaSet(json: unknown): CriteriaSet {
  const r = parseCriteriaSet(json);
  if (r.ok) return r.set;
  throw new Error(`Bộ tiêu chí không hợp lệ:\n${r.errors.join("\n")}`);
}
