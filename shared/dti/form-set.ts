/**
 * Which index set a commune's form is checked by: the one the user names, else the built-in or given set that
 * knows most of the form's components by id, name and maximum.
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

/** share of the form's components the set knows by id (and name and maximum, where the set states them) */
function fit(
  comps: readonly { id: string; maxPoints: number | null; name: string }[],
  set: IndexSet,
): number {
  if (comps.length === 0) return 0;
  const known = componentsOf(set);
  let hits = 0;
  for (const l of comps) {
    const c = known.get(l.id);
    if (!c) continue;
    if (c.maxPoints !== null && l.maxPoints !== null && c.maxPoints !== l.maxPoints) continue;
    if (c.name !== null && l.name !== "" && c.name !== l.name) continue;
    hits++;
  }
  return hits / comps.length;
}

/** the set whose rules apply, and why (Vietnamese) */
export function chooseIndexSet(
  form: CommuneForm,
  sets: readonly IndexSet[],
  setId?: string,
): { set: IndexSet | null; forced: boolean; reason: string } {
  if (setId !== undefined) {
    const set = sets.find((s) => s.id === setId) ?? null;
    return set
      ? { set, forced: true, reason: `theo lựa chọn của người dùng (${set.id})` }
      : {
          set: null,
          forced: false,
          reason: `không có bộ chỉ số "${setId}"; dùng cách tính ghi trong biểu mẫu`,
        };
  }
  let best: IndexSet | null = null;
  let bestFit = 0;
  const comps = form.lines
    .filter((l) => l.level === "component")
    .map((l) => ({ id: l.id, maxPoints: l.maxPoints, name: fold(l.name) }));
  for (const s of sets) {
    const f = fit(comps, s);
    if (f > bestFit) {
      best = s;
      bestFit = f;
    }
  }
  const n = form.lines.filter((l) => l.level === "component").length;
  if (best && bestFit >= 0.5)
    return {
      set: best,
      forced: false,
      reason: `${Math.round(bestFit * n)}/${n} chỉ số thành phần trùng mã, tên và điểm tối đa với "${best.title}"; cách tính ghi trong biểu mẫu được dùng khi đọc được`,
    };
  return {
    set: null,
    forced: false,
    reason:
      "không bộ chỉ số nào khớp các chỉ số thành phần; dùng cách tính và điểm tối đa ghi trong biểu mẫu",
  };
}
