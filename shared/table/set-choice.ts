/**
 * Choosing the criteria set of a table by how well the rows' names match each set's criteria (IDs alone do not
 * say which criterion a row is: the two built-in sets number differently).
 */
import { matchWords } from "../criteria/match";
import type { CriteriaSet, Problem } from "../types";
import type { Candidate } from "./types";

/** how well the rows' names fit a set */
interface SetFit {
  readonly set: CriteriaSet;
  /** rows whose name matched a criterion */
  readonly matched: number;
  /** of those, rows whose ID is that criterion's */
  readonly agreed: number;
  /** distinct criteria matched by name */
  readonly distinct: number;
  readonly score: number;
}

function fitOf(set: CriteriaSet, rows: readonly Candidate[]): SetFit {
  let matched = 0;
  let agreed = 0;
  const seen = new Set<string>();
  for (const r of rows) {
    const m = matchWords(r.key, set, r.ids);
    if (!m) continue;
    matched++;
    seen.add(m.criterion.id);
    if (r.ids.includes(m.criterion.id)) agreed++;
  }
  return { set, matched, agreed, distinct: seen.size, score: 2 * agreed + (matched - agreed) };
}

function fitText(f: SetFit): string {
  return `${f.set.title}: ${f.distinct}/${f.set.criteria.length} tên chỉ tiêu khớp`;
}

/**
 * The criteria set of a table: the forced one (`setId`), else the one whose criteria the rows' names match best,
 * with the reason in Vietnamese; no set when the names match too few rows and the rows carry their own targets.
 */
export function chooseSet(
  rows: readonly Candidate[],
  options: { sets: readonly CriteriaSet[]; setId?: string },
  carriesTargets: boolean,
  problems: Problem[],
  sheet: string,
): { set: CriteriaSet | null; reason: string } {
  const named = rows.filter((r) => r.name.trim() !== "");
  const fits = options.sets.map((s) => fitOf(s, named));
  if (options.setId !== undefined) {
    const key = options.setId.trim().toLowerCase();
    if (key === "none")
      return {
        set: null,
        reason: "Không dùng bộ tiêu chí (theo tùy chọn); dùng chỉ tiêu ghi trong từng dòng",
      };
    const forced = fits.find((f) => f.set.id.toLowerCase() === key);
    if (forced) return { set: forced.set, reason: `${fitText(forced)} (bộ được chọn theo tùy chọn)` };
    problems.push({
      code: "INVALID_CRITERIA_SET",
      sheet,
      value: options.setId,
      message: `Trang "${sheet}": không có bộ tiêu chí "${options.setId}"; bộ tiêu chí được chọn tự động`,
    });
  }
  if (fits.length === 0)
    return { set: null, reason: "Không có bộ tiêu chí nào để so; dùng chỉ tiêu ghi trong từng dòng" };
  if (named.length === 0)
    return {
      set: null,
      reason:
        "Bảng không có tên chỉ tiêu: số thứ tự không đủ để biết bộ tiêu chí (chọn bộ tiêu chí bằng tùy chọn)",
    };
  const ranked = [...fits].sort((a, b) => b.score - a.score || b.distinct - a.distinct);
  const best = ranked[0]!;
  const others = ranked.slice(1).map(fitText);
  const also = others.length > 0 ? `; ${others.join("; ")}` : "";
  const agreedText =
    best.agreed < best.matched ? ` (${best.agreed}/${best.matched} dòng khớp cả số thứ tự)` : "";
  if (best.matched > 0 && best.matched * 2 >= named.length)
    return { set: best.set, reason: `${fitText(best)}${agreedText}${also}` };
  if (carriesTargets)
    return {
      set: null,
      reason: `Không dùng bộ tiêu chí: tên chỉ tiêu khớp ít (${fitText(best)}${also}); dùng chỉ tiêu ghi trong từng dòng`,
    };
  if (best.matched > 0)
    return { set: best.set, reason: `${fitText(best)}; khớp ít nhưng bảng không ghi chỉ tiêu${also}` };
  return {
    set: null,
    reason: "Không bộ tiêu chí nào khớp tên chỉ tiêu của bảng; dùng chỉ tiêu ghi trong từng dòng",
  };
}
