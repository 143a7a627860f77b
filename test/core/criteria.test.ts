import { BUILTIN_SETS, findSet } from "../../shared/criteria";
import { loadCriteriaSet, parseCriteriaSet } from "../../shared/criteria/schema";
import { matchName, words } from "../../shared/criteria/match";
import type { CriteriaSet, Target } from "../../shared/types";

const set2023 = findSet("tt-xa-2023")!;
const set2022 = findSet("tt-xa-2022")!;

/** a deep copy that a test may change */
function copyOf(set: CriteriaSet): { criteria: Record<string, unknown>[] } & Record<string, unknown> {
  return JSON.parse(JSON.stringify(set));
}

describe("built-in sets: parity derived from the data", () => {
  it("holds the 2023 set first and the earlier list second", () => {
    expect(BUILTIN_SETS.map((s) => s.id)).toEqual(["tt-xa-2023", "tt-xa-2022"]);
  });

  it.each(BUILTIN_SETS.map((s) => [s.id, s] as const))("%s validates as JSON", (_id, set) => {
    const r = parseCriteriaSet(JSON.parse(JSON.stringify(set)));
    expect(r).toEqual({ ok: true, set: JSON.parse(JSON.stringify(set)) });
  });

  it.each(BUILTIN_SETS.map((s) => [s.id, s] as const))(
    "%s: ids unique, groups exist, every target has a kind",
    (_id, set) => {
      const ids = set.criteria.map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
      const groups = new Set(set.groups.map((g) => g.id));
      expect(groups.size).toBe(set.groups.length);
      for (const c of set.criteria) {
        expect(groups.has(c.group)).toBe(true);
        expect(["percent", "yes", "unknown"]).toContain(c.target.kind);
        expect(c.id.startsWith(`${c.group}.`)).toBe(true);
      }
    },
  );

  it("counts 11/6/12/8 criteria in the 2023 groups and 30 in the earlier list", () => {
    const count = (set: CriteriaSet) =>
      set.groups.map((g) => set.criteria.filter((c) => c.group === g.id).length);
    expect(set2023.groups.map((g) => g.name)).toEqual([
      "Chính quyền số",
      "Kinh tế số",
      "Xã hội số",
      "Hạ tầng số",
    ]);
    expect(count(set2023)).toEqual([11, 6, 12, 8]);
    expect(set2022.criteria).toHaveLength(30);
    expect(count(set2022)).toEqual([11, 6, 5, 8]);
    expect(set2022.groups[3]!.name).toBe("Hạ tầng và nền tảng số");
  });

  it.each(BUILTIN_SETS.map((s) => [s.id, s] as const))(
    "%s: no keyword is shared or found in another criterion's name",
    (_id, set) => {
      const owner = new Map<string, string>();
      for (const c of set.criteria)
        for (const k of c.keywords) {
          const key = words(k);
          expect(owner.get(key) ?? c.id).toBe(c.id);
          owner.set(key, c.id);
          for (const other of set.criteria)
            if (other !== c && words(other.name).includes(key))
              throw new Error(`"${k}" of ${c.id} occurs in the name of ${other.id}`);
        }
    },
  );

  it.each(BUILTIN_SETS.map((s) => [s.id, s] as const))(
    "%s: every criterion's own name matches itself best",
    (_id, set) => {
      for (const c of set.criteria) {
        if (c.keywords.length === 0) continue;
        expect([c.id, matchName(c.name, set)?.criterion.id]).toEqual([c.id, c.id]);
      }
      // only the criterion whose text the sources do not give has no keywords
      expect(set.criteria.filter((c) => c.keywords.length === 0).map((c) => c.id)).toEqual(
        set === set2023 ? ["1.11"] : [],
      );
    },
  );
});

describe("thresholds as the sources state them", () => {
  const pct = (n: number): Target => ({ kind: "percent", comparator: ">=", threshold: n });
  const yes = (word = "Có"): Target => ({ kind: "yes", word });

  it("2023: the domain table, unknown where no figure is given", () => {
    const expected: Record<string, Target["kind"] | Target> = {
      "1.1": yes(),
      "1.2": pct(100),
      "1.3": pct(100),
      "1.4": pct(100),
      "1.5": pct(100),
      "1.6": "unknown",
      "1.7": yes(),
      "1.8": yes(),
      "1.9": yes(),
      "1.10": yes(),
      "1.11": "unknown",
      "2.1": yes(),
      "2.2": yes(),
      "2.3": yes(),
      "2.4": pct(60),
      "2.5": pct(50),
      "2.6": pct(55),
      "3.1": "unknown",
      "3.2": pct(75),
      "3.3": pct(55),
      "3.4": pct(65),
      "3.5": pct(95),
      "3.6": pct(10),
      "3.7": pct(100),
      "3.8": pct(50),
      "3.9": pct(50),
      "3.10": pct(30),
      "3.11": pct(20),
      "3.12": pct(60),
      "4.1": pct(100),
      "4.2": yes("Đáp ứng"),
      "4.3": pct(100),
      "4.4": yes(),
      "4.5": yes(),
      "4.6": yes(),
      "4.7": yes(),
      "4.8": yes(),
    };
    expect(Object.keys(expected).sort()).toEqual(set2023.criteria.map((c) => c.id).sort());
    for (const c of set2023.criteria) {
      const e = expected[c.id]!;
      if (typeof e === "string") expect(c.target.kind).toBe(e);
      else expect(c.target).toEqual(e);
    }
  });

  it("2023: 1.11 and 4.8 are not evaluated in 2023, nothing else", () => {
    expect(set2023.criteria.filter((c) => c.notEvaluatedIn.includes(2023)).map((c) => c.id)).toEqual([
      "1.11",
      "4.8",
    ]);
  });

  it("earlier list: its own numbering and thresholds", () => {
    const get = (id: string) => set2022.criteria.find((c) => c.id === id)!;
    expect(get("1.1").name).toMatch(/thư điện tử công vụ/);
    expect(get("1.4").name).toMatch(/một cửa điện tử/);
    expect(get("1.5").target).toEqual(pct(60));
    expect(get("1.8").target).toEqual(yes("Triển khai sử dụng"));
    expect(get("2.6").target).toEqual(pct(60));
    expect([get("3.1"), get("3.2"), get("3.4"), get("3.5")].map((c) => c.target)).toEqual([
      pct(50),
      pct(60),
      pct(60),
      pct(60),
    ]);
    expect(get("3.3").target).toEqual(yes("Có nội dung tuyên truyền"));
    expect(get("4.2").target).toEqual(yes("Sử dụng"));
    expect(get("4.5").target).toEqual(yes("Số lượng"));
    // never invented: the list's e-mail, one-stop and broadband thresholds are not in the sources
    for (const id of ["1.1", "1.2", "1.3", "1.4", "4.1", "4.7"]) expect(get(id).target.kind).toBe("unknown");
  });
});

describe("parseCriteriaSet: Vietnamese errors naming the criterion and field", () => {
  it("names the criterion and the field of a threshold out of range", () => {
    const json = copyOf(set2023);
    (json.criteria[18]!.target as { threshold: number }).threshold = 150;
    const r = parseCriteriaSet(json);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toEqual(['Chỉ tiêu 3.2 (thứ 19), trường "chỉ tiêu (target) › ngưỡng": phải ≤ 100']);
  });

  it("reports a missing name, an unknown target kind, a duplicate ID and an unknown group", () => {
    const json = copyOf(set2022);
    delete json.criteria[0]!.name;
    json.criteria[1]!.target = { kind: "maybe" };
    json.criteria[2]!.id = "1.2";
    json.criteria[3]!.group = "9";
    const r = parseCriteriaSet(json);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toContain('Chỉ tiêu 1.1 (thứ 1), trường "tên": thiếu');
    expect(
      r.errors.some(
        (e) => e.startsWith('Chỉ tiêu 1.2 (thứ 2), trường "chỉ tiêu (target)') && /percent/.test(e),
      ),
    ).toBe(true);
    expect(r.errors).toContain('Chỉ tiêu 1.2 (thứ 3), trường "mã": mã "1.2" bị trùng');
    expect(r.errors).toContain('Chỉ tiêu 1.4 (thứ 4), trường "nhóm": nhóm "9" không có trong danh sách nhóm');
  });

  it("refuses what is not an object, and empty lists", () => {
    expect(parseCriteriaSet([1, 2])).toEqual({
      ok: false,
      errors: [expect.stringMatching(/^Bộ tiêu chí phải là một đối tượng JSON/)],
    });
    const r = parseCriteriaSet({ id: "x", title: "T", legalBasis: "L", groups: [], criteria: [] });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toEqual([
        'Trường "danh sách nhóm": không được để trống',
        'Trường "danh sách chỉ tiêu": không được để trống',
      ]);
  });

  it("accepts a minimal custom set and drops unknown fields", () => {
    const r = parseCriteriaSet({
      id: "tp-2023",
      title: "Bộ riêng",
      legalBasis: "KH số 1",
      extra: true,
      groups: [{ id: "1", name: "Chính quyền số" }],
      criteria: [
        {
          id: "1.1",
          group: "1",
          name: "Tỷ lệ X",
          keywords: ["x"],
          target: { kind: "percent", comparator: ">", threshold: 90 },
          notEvaluatedIn: [],
        },
      ],
    });
    expect(r.ok && r.set.criteria[0]!.target).toEqual({ kind: "percent", comparator: ">", threshold: 90 });
    expect(r.ok && "extra" in r.set).toBe(false);
  });

  it("loadCriteriaSet throws with the same errors", () => {
    expect(() => loadCriteriaSet({ id: "Bad id" })).toThrow(
      /Bộ tiêu chí không hợp lệ:\nTrường "mã": sai định dạng/,
    );
  });
});

describe("findSet", () => {
  it("finds by id, case-insensitively, and in a given list", () => {
    expect(findSet("TT-XA-2022")).toBe(set2022);
    expect(findSet("nope")).toBeUndefined();
    expect(findSet("tt-xa-2023", [set2022])).toBeUndefined();
  });
});
