/**
 * Which index set a commune's form is checked by: the one the user names, else the built-in or given set that
 * knows most of the form's components by id, name and maximum — uncertain when no name confirmed it.
 */
import { fold } from "../text";
import type { CommuneForm } from "./form-read";
import type { IndexSet } from "./types";

/** a set's components by id with their folded names, worked out once per set */
const componentIndex = new WeakMap<
  IndexSet,
  Map<string, { maxPoints: number | null; name: string | null }>
>();

function componentsOf(set: IndexSet): Map<string, { maxPoints: number | null; name: string | null }> {
  let found = componentIndex.get(set);
  if (!found) {
    found = new Map(
      set.components.map((c) => [
        c.id,
        { maxPoints: c.maxPoints, name: c.name === null ? null : fold(c.name) },
      ]),
    );
    componentIndex.set(set, found);
  }
  return found;
}

/**
 * How well a set knows the form's components: the share it knows by id (and name and maximum, where both state
 * them), and how many of those hits were confirmed by the name.
 */
function fit(
  comps: readonly { id: string; maxPoints: number | null; name: string }[],
  set: IndexSet,
): { share: number; named: number } {
  if (comps.length === 0) return { share: 0, named: 0 };
  const known = componentsOf(set);
  let hits = 0;
  let named = 0;
  for (const l of comps) {
    const c = known.get(l.id);
    if (!c) continue;
    if (c.maxPoints !== null && l.maxPoints !== null && c.maxPoints !== l.maxPoints) continue;
    if (c.name !== null && l.name !== "" && c.name !== l.name) continue;
    hits++;
    if (c.name !== null && l.name !== "") named++;
  }
  return { share: hits / comps.length, named };
}

/** how the reviewer makes a set the chosen one (Vietnamese) */
function howToChoose(set: IndexSet): string {
  return (
    `muốn dùng thì chọn bộ này (dòng lệnh: --set ${set.id}; Excel: ô chọn "Bộ chỉ số dùng để kiểm tra biểu ` +
    `mẫu"; hoặc trang "Bộ chỉ số" tạo bằng "Tạo trang Bộ chỉ số")`
  );
}

/** why an uncertain set's rules and maxima are not used, and how the reviewer can use them (Vietnamese) */
export function uncertainText(set: IndexSet): string {
  return `bộ chỉ số "${set.title}" chỉ khớp theo STT và điểm tối đa, không khớp theo tên, nên chưa dùng cách tính và điểm tối đa của bộ; ${howToChoose(set)}`;
}

/** the set chosen for a form: `forced` when the user named it, `uncertain` when chosen by ids and maxima alone */
export interface IndexSetChoice {
  readonly set: IndexSet | null;
  readonly forced: boolean;
  /**
   * chosen automatically though no component it knows was confirmed by its name (the set or the form has none):
   * its rules and maxima are not used, the components it would have supplied are "Cần xem xét"
   */
  readonly uncertain: boolean;
  /** why that set (or none), in Vietnamese */
  readonly reason: string;
}

/**
 * The set whose rules apply to a form, and why (Vietnamese): the one named by `setId`, else the set knowing at
 * least half the form's components by id, name and maximum (uncertain when no hit was confirmed by a name).
 */
export function chooseIndexSet(form: CommuneForm, sets: readonly IndexSet[], setId?: string): IndexSetChoice {
  if (setId !== undefined) {
    const set = sets.find((s) => s.id === setId) ?? null;
    return set
      ? { set, forced: true, uncertain: false, reason: `theo lựa chọn của người dùng (${set.id})` }
      : {
          set: null,
          forced: false,
          uncertain: false,
          reason: `không có bộ chỉ số "${setId}"; dùng cách tính ghi trong biểu mẫu`,
        };
  }
  let best: IndexSet | null = null;
  let bestFit = { share: 0, named: 0 };
  const comps = form.lines
    .filter((l) => l.level === "component")
    .map((l) => ({ id: l.id, maxPoints: l.maxPoints, name: fold(l.name) }));
  for (const s of sets) {
    const f = fit(comps, s);
    if (f.share > bestFit.share) {
      best = s;
      bestFit = f;
    }
  }
  const n = comps.length;
  const hits = Math.round(bestFit.share * n);
  if (best && bestFit.share >= 0.5 && bestFit.named === 0)
    return {
      set: best,
      forced: false,
      uncertain: true,
      reason: `${hits}/${n} chỉ số thành phần trùng mã và điểm tối đa với "${best.title}" nhưng không chỉ số nào khớp tên: chọn tự động chưa chắc chắn, nên chưa dùng cách tính và điểm tối đa của bộ; ${howToChoose(best)}`,
    };
  if (best && bestFit.share >= 0.5)
    return {
      set: best,
      forced: false,
      uncertain: false,
      reason: `${hits}/${n} chỉ số thành phần trùng mã, tên và điểm tối đa với "${best.title}"; cách tính ghi trong biểu mẫu được dùng khi đọc được`,
    };
  return {
    set: null,
    forced: false,
    uncertain: false,
    reason:
      "không bộ chỉ số nào khớp các chỉ số thành phần; dùng cách tính và điểm tối đa ghi trong biểu mẫu",
  };
}
