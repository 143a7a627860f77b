/**
 * `=CDS_DAT(ket_qua, chi_tieu, [nam])`: one result against a target, a criterion ID or a threshold,
 * for the custom functions of both hosts.
 */
import type { CriteriaSet, Criterion, RawCell, StatusCode, Target } from "../types";
import { BUILTIN_SETS } from "../criteria";
import { STATUS_LABELS } from "../labels";
import { clip, formatNumber } from "../text";
import { gradeRow, gradeValue } from "./rules";
import { readTarget } from "../values/targets";
import { roundRate } from "../values/numbers";
import { cellText, normalizeCellText, readValue } from "../values/read";

/** the answer of {@link cdsDat}: a status with its label and reason, or a Vietnamese message saying what to fix */
export type CdsDatResult =
  | { readonly ok: true; readonly status: StatusCode; readonly label: string; readonly reason: string }
  | { readonly ok: false; readonly message: string };

const HOW_TO_WRITE_TARGET = `ghi chỉ tiêu như "60%", "≥ 60%", "Có" hoặc mã tiêu chí như "3.2"`;

/** `3.2`, `1.10`, `3.1.`, optionally with a set: `tt-xa-2022:3.2` */
const CRITERION_ID = /^(?:([a-z][a-z0-9-]*)\s*:\s*)?((?:\d+|[ivx]+)(?:\.\d+)+)\.?$/i;

function fail(message: string): CdsDatResult {
  return { ok: false, message };
}

/** the year a set's id ends with (`tt-xa-2023` → 2023), if any */
function setYear(set: CriteriaSet): number | null {
  const m = /(\d{4})$/.exec(set.id);
  return m ? Number(m[1]) : null;
}

/**
 * The set for a year: the one whose id ends with the latest year not after `year` (so 2023 and later use
 * `tt-xa-2023`, 2022 uses `tt-xa-2022`); the earliest when all are later; the first when none names a year.
 */
export function setForYear(sets: readonly CriteriaSet[], year: number): CriteriaSet | undefined {
  const dated = sets.filter((s) => setYear(s) !== null).sort((a, b) => setYear(a)! - setYear(b)!);
  if (!dated.length) return sets[0];
  return [...dated].reverse().find((s) => setYear(s)! <= year) ?? dated[0];
}

function readYear(year: unknown): number | string {
  if (year === undefined || year === null || year === "") return new Date().getFullYear();
  const n = typeof year === "string" && /^\s*\d{4}\s*$/.test(year) ? Number(year) : year;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1900 || n > 2200) {
    const written = Number.isInteger(year) ? String(year) : cellText(year as RawCell);
    return `Năm "${clip(written, 20)}" không đọc được: ghi năm bằng số như 2023, hoặc bỏ trống để lấy năm nay.`;
  }
  return n;
}

type ResolvedTarget = { target: Target; criterion?: Criterion } | { message: string };

function resolveTarget(raw: RawCell, year: number, sets: readonly CriteriaSet[]): ResolvedTarget {
  if (typeof raw === "number") {
    if (Number.isFinite(raw) && raw >= 0 && raw <= 1) {
      return { target: { kind: "percent", comparator: ">=", threshold: roundRate(raw * 100) } };
    }
    return {
      message:
        `Chỉ tiêu ${formatNumber(raw)} là một con số, không rõ là tỷ lệ hay mã tiêu chí: ` +
        `ghi "${formatNumber(raw)}%" (hoặc định dạng ô theo %), hoặc ghi mã tiêu chí dạng văn bản như "3.2".`,
    };
  }
  const value = readValue(raw);
  if (value.kind === "empty") return { message: `Thiếu chỉ tiêu: ${HOW_TO_WRITE_TARGET}.` };
  if (value.kind === "error") return { message: `Ô chỉ tiêu là giá trị lỗi ${value.error}: sửa ô đó trước.` };
  if (typeof raw !== "string") {
    return { message: `Chỉ tiêu "${clip(cellText(raw), 30)}" không đọc được: ${HOW_TO_WRITE_TARGET}.` };
  }
  const text = normalizeCellText(raw);
  const id = CRITERION_ID.exec(text);
  if (id) {
    const [, setId, criterionId] = id;
    if (!sets.length) {
      return {
        message: `Chưa có bộ tiêu chí nào để tra mã "${criterionId}": ghi chỉ tiêu trực tiếp như "60%" hoặc "Có".`,
      };
    }
    const set = setId ? sets.find((s) => s.id.toLowerCase() === setId.toLowerCase()) : setForYear(sets, year);
    if (!set) {
      return {
        message: `Không có bộ tiêu chí "${setId}": dùng một trong ${sets.map((s) => `"${s.id}"`).join(", ")}.`,
      };
    }
    const criterion = set.criteria.find((c) => c.id.toLowerCase() === criterionId!.toLowerCase());
    if (!criterion) {
      return {
        message:
          `Bộ tiêu chí "${set.title}" không có tiêu chí "${criterionId}": kiểm tra mã (ví dụ "3.2") ` +
          `hoặc ghi chỉ tiêu trực tiếp như "60%".`,
      };
    }
    return { target: criterion.target, criterion };
  }
  const target = readTarget(text);
  return target
    ? { target }
    : { message: `Chỉ tiêu "${clip(text, 40)}" không đọc được: ${HOW_TO_WRITE_TARGET}.` };
}

/**
 * Grades one result against a target for `=CDS_DAT(ket_qua, chi_tieu, [nam])`.
 * `target` is a threshold (`"60%"`, `"> 90%"`, `0.6`), a yes-type word (`"Có"`), or a criterion ID (`"3.2"`,
 * `"tt-xa-2022:3.2"`) whose threshold comes from the set for `year` (default: this year; see {@link setForYear}).
 * A number result in [0, 1] against a percentage target is a fraction (0.79 → 79%), as custom functions receive
 * percent-formatted cells as plain numbers; a larger bare number stays a count and is left for review.
 * @example cdsDat(0.79, "60%") // { ok: true, status: "DAT", label: "Đạt", reason: "79% ≥ 60%" }
 */
export function cdsDat(
  result: RawCell,
  target: RawCell,
  year?: number,
  sets: readonly CriteriaSet[] = BUILTIN_SETS,
): CdsDatResult {
  try {
    result = oneCell(result);
    target = oneCell(target);
    const y = readYear(oneCell(year as RawCell));
    if (typeof y === "string") return fail(y);
    const resolved = resolveTarget(target, y, sets);
    if ("message" in resolved) return fail(resolved.message);
    const asFraction =
      typeof result === "number" && result >= 0 && result <= 1 && resolved.target.kind === "percent";
    const resultFormat = asFraction ? "0%" : undefined;
    const g = resolved.criterion
      ? gradeRow({
          result,
          ...(resultFormat ? { resultFormat } : {}),
          criterion: resolved.criterion,
          year: y,
        })
      : gradeValue(readValue(result, resultFormat), resolved.target);
    return {
      ok: true,
      status: g.status,
      label: STATUS_LABELS[g.status],
      reason: [g.reason, ...g.warnings.map((w) => w.message)].join("; "),
    };
  } catch (e) {
    return fail(`Không chấm được: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** a one-cell range (`[[x]]`) as the cell it holds */
function oneCell(x: RawCell): RawCell {
  let v: unknown = x;
  for (let depth = 0; depth < 2 && Array.isArray(v) && v.length === 1; depth++) v = v[0];
  return v as RawCell;
}
