/**
 * One row of the "Bộ tiêu chí" sheet's criteria table: its cells read (kind, comparator, threshold, years as
 * officials type them), checked by zod, and made a criterion.
 */
import * as z from "zod/mini";
import { fold, isBlank, textOf } from "../text";
import type { Criterion, RawCell, Target } from "../types";

export { isBlank, textOf };

/** `Tỷ lệ %`, `Có-Không`, `Chưa rõ` as a target kind; the text itself when it names none (zod then says so) */
export function kindOf(text: string): Target["kind"] | string {
  const k = fold(text).replace(/[^a-z0-9%]/g, "");
  if (k === "") return "";
  if (k === "tyle%" || k === "tyle" || k === "%" || k === "phantram") return "percent";
  if (k === "cokhong" || k === "co") return "yes";
  if (k === "chuaro") return "unknown";
  return text;
}

/** `≥`, `>=`, `lớn hơn`… as a comparator; the text itself when it names none */
export function comparatorOf(text: string): ">=" | ">" | string {
  const t = fold(text).replace(/\s+/g, "");
  if (t === "≥" || t === ">=" || t === "=>" || t === "lonhonhoacbang") return ">=";
  if (t === ">" || t === "lonhon" || t === "tren") return ">";
  return text;
}

/** a threshold cell as percent points; the raw text when it is not a number */
export function thresholdOf(raw: RawCell, format: string | null | undefined): number | string | null {
  if (isBlank(raw)) return null;
  if (typeof raw === "number") {
    // a %-formatted cell holds 0.6 for 60%; rounding drops the float noise of × 100
    return format && format.includes("%") ? Math.round(raw * 100 * 1e9) / 1e9 : raw;
  }
  const text = textOf(raw);
  const m = /^(\d+(?:[.,]\d+)?)\s*%?$/.exec(text);
  return m ? Number(m[1]!.replace(",", ".")) : text;
}

/** `2023; 2024` (or `2023 2024`) as years; what is not a year stays text for zod to name */
export function yearsOf(raw: RawCell): (number | string)[] {
  if (isBlank(raw)) return [];
  if (typeof raw === "number") return [raw];
  return textOf(raw)
    .split(/[;,]/)
    .map((t) => t.trim())
    .filter(Boolean)
    .flatMap((t) => (/^\d+(\s+\d+)+$/.test(t) ? t.split(/\s+/) : [t]))
    .map((t) => (/^\d{4}$/.test(t) ? Number(t) : t));
}

/** one criteria row as read, before checking */
export interface RowInput {
  group: string;
  id: string;
  name: string;
  keywords: string[];
  unit: string;
  kind: string;
  comparator: string;
  threshold: number | string | null;
  requirement: string;
  years: (number | string)[];
  note: string;
}

const ID_PATTERN = /^\d+(\.\d+)+$/;

/** the zod schema of one row; messages say what is wrong, the caller adds the cell and value */
export function rowSchema(groupIds: ReadonlySet<string>) {
  const year = "không phải là năm (ví dụ 2023; 2024)";
  return z
    .object({
      group: z.string().check(
        z.minLength(1, "thiếu mã nhóm"),
        z.refine((g) => groupIds.has(g), "nhóm không có trong bảng NHÓM TIÊU CHÍ"),
      ),
      id: z
        .string()
        .check(
          z.minLength(1, "thiếu mã chỉ tiêu"),
          z.regex(ID_PATTERN, "mã chỉ tiêu phải có dạng 1.1, 2.4, 4.10"),
        ),
      name: z.string().check(z.minLength(1, "thiếu tên chỉ tiêu")),
      keywords: z.array(z.string().check(z.minLength(1))),
      unit: z.string(),
      kind: z.enum(["percent", "yes", "unknown"], {
        error: (issue) =>
          issue.input === ""
            ? "thiếu loại chỉ tiêu (Tỷ lệ %, Có-Không hoặc Chưa rõ)"
            : "loại chỉ tiêu phải là Tỷ lệ %, Có-Không hoặc Chưa rõ",
      }),
      comparator: z.enum([">=", ">", ""], { error: "phép so sánh phải là ≥ hoặc >" }),
      threshold: z.nullable(
        z
          .number({ error: "ngưỡng không phải là số" })
          .check(z.minimum(0, "ngưỡng phải từ 0 đến 100"), z.maximum(100, "ngưỡng phải từ 0 đến 100")),
      ),
      requirement: z.string(),
      years: z.array(
        z
          .number({ error: year })
          .check(
            z.int(year),
            z.minimum(2000, "năm phải từ 2000 đến 2100"),
            z.maximum(2100, "năm phải từ 2000 đến 2100"),
          ),
      ),
      note: z.string(),
    })
    .check(
      z.superRefine((row, ctx) => {
        if (row.kind === "percent") {
          if (row.comparator === "")
            ctx.addIssue({
              code: "custom",
              path: ["comparator"],
              message: "thiếu phép so sánh (≥ hoặc >) cho chỉ tiêu tỷ lệ",
            });
          if (row.threshold === null)
            ctx.addIssue({
              code: "custom",
              path: ["threshold"],
              message: "thiếu ngưỡng (%) cho chỉ tiêu tỷ lệ",
            });
          if (row.requirement !== "")
            ctx.addIssue({
              code: "custom",
              path: ["requirement"],
              message: "Yêu cầu chỉ dùng cho loại Có-Không hoặc Chưa rõ",
            });
        } else if (row.kind === "yes" || row.kind === "unknown") {
          const only = "chỉ dùng cho loại Tỷ lệ %";
          if (row.comparator !== "")
            ctx.addIssue({ code: "custom", path: ["comparator"], message: `phép so sánh ${only}` });
          if (row.threshold !== null)
            ctx.addIssue({ code: "custom", path: ["threshold"], message: `ngưỡng ${only}` });
        }
      }),
    );
}

type RowChecked = z.infer<ReturnType<typeof rowSchema>>;

/** a checked row's target */
function targetOf(row: RowChecked): Target {
  if (row.kind === "percent")
    return {
      kind: "percent",
      comparator: row.comparator === ">" ? ">" : ">=",
      threshold: row.threshold ?? 0,
    };
  if (row.kind === "yes") return { kind: "yes", word: row.requirement || "Có" };
  return row.requirement ? { kind: "unknown", note: row.requirement } : { kind: "unknown" };
}

/** a checked row as a criterion */
export function criterionOf(row: RowChecked): Criterion {
  return {
    id: row.id,
    group: row.group,
    name: row.name,
    keywords: row.keywords,
    ...(row.unit ? { unit: row.unit } : {}),
    target: targetOf(row),
    notEvaluatedIn: row.years as number[],
    ...(row.note ? { note: row.note } : {}),
  };
}
