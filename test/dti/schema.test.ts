import {
  EXAMPLE_SET_JSON,
  THANH_HOA_PARTIAL_JSON,
  builtinIndexSets,
  describeSettings,
  findIndexSet,
  indexSetToJson,
  parseIndexSet,
  type IndexSetJson,
} from "../../shared/dti";
import { CHOICE } from "./samples";

/** a deep copy to change */
const copy = (json: IndexSetJson): IndexSetJson => JSON.parse(JSON.stringify(json)) as IndexSetJson;

function errorsOf(json: unknown): string[] {
  const r = parseIndexSet(json);
  if (r.ok) throw new Error("expected errors");
  return r.errors;
}

describe("the built-in sets", () => {
  const [example, thanhHoa] = builtinIndexSets();

  it("the example is labelled as an example, every rule kind read", () => {
    expect(example!.nature).toBe("example");
    expect(example!.title).toBe("Bộ chỉ số mẫu (ví dụ, không phải bộ chỉ số chính thức)");
    expect(example!.components.map((c) => [c.id, c.rule.kind, c.maxPoints])).toEqual([
      ["1.1", "choice", 20],
      ["1.2", "steps", 20],
      ["1.3", "ratio", 20],
      ["1.4", "additive", 10],
      ["1.5", "yesNo", 10],
      ["2.1", "ratio", 30],
      ["2.2", "steps", 20],
      ["2.3", "notScored", 0],
    ]);
    expect(example!.components.find((c) => c.id === "2.1")!.rule).toMatchObject({ figure: "cbcc" });
    expect(example!.bands.map((b) => b.name)).toEqual(["Tốt", "Khá", "Trung bình", "Yếu"]);
  });

  it("the Thanh Hóa fragments: only what is known, the rest unknown", () => {
    expect(thanhHoa).toMatchObject({
      id: "thanh-hoa-xa-bieu-mau-01",
      nature: "partial",
      legalBasis: null,
      maxPoints: null,
      bands: [],
      groups: [{ id: "I", name: "Nhóm chỉ số chung", maxPoints: null }],
      indices: [{ id: "1", group: "I", name: "Nhận thức số", maxPoints: 100 }],
    });
    expect(thanhHoa!.components).toHaveLength(1);
    expect(thanhHoa!.components[0]).toMatchObject({ id: "1.1", name: null, maxPoints: 20, ruleText: CHOICE });
    expect(thanhHoa!.components[0]!.rule.kind).toBe("choice");
    expect(thanhHoa!.figures.map((f) => f.id)).toEqual(["cbcc", "doanh-nghiep", "nguoi-dan"]);
  });

  it("settings not stated are the defaults, and the report says so", () => {
    expect(example!.settings).toEqual({
      zeroDenominator: "review",
      ratioAboveOne: "cap",
      decimals: 2,
      topStep: "orMore",
    });
    expect(example!.defaults).toEqual(["zeroDenominator", "ratioAboveOne", "decimals", "topStep"]);
    expect(describeSettings(example!)[0]).toBe(
      "Khi mẫu số b = 0: Cần xem xét — b = 0: không tính được, thành phần ở trạng thái Cần xem xét (mặc định, văn bản không nêu)",
    );
    const stated = parseIndexSet({
      ...copy(EXAMPLE_SET_JSON),
      settings: { ratioAboveOne: "review", decimals: 1 },
    });
    expect(stated).toMatchObject({
      ok: true,
      set: { settings: { ratioAboveOne: "review", decimals: 1 }, defaults: ["zeroDenominator", "topStep"] },
    });
    if (stated.ok)
      expect(describeSettings(stated.set)[1]).toBe(
        "Khi tỷ lệ a/b lớn hơn 1: Cần xem xét — tỷ lệ a/b lớn hơn 1: Cần xem xét",
      );
  });

  it("found by id", () => {
    expect(findIndexSet(" BO-CHI-SO-MAU ")?.id).toBe("bo-chi-so-mau");
    expect(findIndexSet("khong-co")).toBeUndefined();
  });

  it("as JSON and back: the same set", () => {
    for (const set of builtinIndexSets())
      expect(parseIndexSet(JSON.parse(JSON.stringify(indexSetToJson(set))))).toEqual({
        ok: true,
        set,
        warnings: [],
      });
  });

  it("a loaded set written out whole (rules, defaults) reads back the same", () => {
    for (const set of builtinIndexSets())
      expect(parseIndexSet(JSON.parse(JSON.stringify(set)))).toMatchObject({ ok: true, set });
  });
});

describe("Vietnamese errors per field", () => {
  it("not an object", () => {
    expect(errorsOf([])).toEqual([
      "Bộ chỉ số phải là một đối tượng JSON { id, title, nature, legalBasis, indices, components, … }",
    ]);
  });

  it("wrong types and values name the item and field", () => {
    const json = copy(EXAMPLE_SET_JSON) as unknown as Record<string, unknown>;
    (json.components as Record<string, unknown>[])[1]!.maxPoints = "hai mươi";
    (json.components as Record<string, unknown>[])[2]!.maxPoints = -5;
    (json.indices as Record<string, unknown>[])[0]!.name = "";
    json.nature = "chinh-thuc";
    json.settings = { decimals: 9, ratioCap: true };
    expect(errorsOf(json)).toEqual([
      'Trường "tính chất": phải là một trong: "official", "example", "partial"',
      'Trường "thiết lập › số chữ số thập phân": phải ≤ 6',
      'Trường "thiết lập": có trường lạ: ratioCap',
      'Chỉ số 1 (thứ 1), trường "tên": không được để trống',
      'Chỉ số thành phần 1.2 (thứ 2), trường "điểm tối đa": sai kiểu (cần số)',
      'Chỉ số thành phần 1.3 (thứ 3), trường "điểm tối đa": phải ≥ 0',
    ]);
  });

  it("a missing field", () => {
    const json: Partial<IndexSetJson> = copy(EXAMPLE_SET_JSON);
    delete json.legalBasis;
    expect(errorsOf(json)).toEqual(['Trường "căn cứ": thiếu']);
  });
});

describe("cross-checks", () => {
  it("duplicate ids and unknown parents", () => {
    const json = copy(EXAMPLE_SET_JSON);
    json.components[1]!.id = "1.1";
    json.components[2]!.index = "9";
    json.indices[1]!.group = "II";
    expect(errorsOf(json)).toEqual([
      'Chỉ số thành phần 1.1 (thứ 2), trường "mã": mã chỉ số thành phần "1.1" bị trùng',
      'Chỉ số 2 (thứ 2), trường "nhóm": nhóm "II" không có trong danh sách nhóm',
      'Chỉ số thành phần 1.3 (thứ 3), trường "chỉ số": chỉ số "9" không có trong danh sách chỉ số',
      'Chỉ số 1 (thứ 1), trường "điểm tối đa": điểm tối đa 80 khác tổng điểm tối đa các chỉ số thành phần (1.1: 20, 1.1: 20, 1.4: 10, 1.5: 10 = 60)',
      'Nhóm I (thứ 1), trường "điểm tối đa": điểm tối đa 130 khác tổng điểm tối đa các chỉ số (1: 80 = 80)',
    ]);
  });

  it("a main index's maximum is the sum of its components', the group's of its indices', the total of the groups'", () => {
    const json = copy(EXAMPLE_SET_JSON);
    json.components[0]!.maxPoints = 25;
    expect(errorsOf(json)).toEqual([
      'Chỉ số 1 (thứ 1), trường "điểm tối đa": điểm tối đa 80 khác tổng điểm tối đa các chỉ số thành phần (1.1: 25, 1.2: 20, 1.3: 20, 1.4: 10, 1.5: 10 = 85)',
    ]);
    const group = copy(EXAMPLE_SET_JSON);
    group.groups![0]!.maxPoints = 100;
    expect(errorsOf(group)).toEqual([
      'Nhóm I (thứ 1), trường "điểm tối đa": điểm tối đa 100 khác tổng điểm tối đa các chỉ số (1: 80, 2: 50 = 130)',
      'Trường "điểm tối đa": điểm tối đa 130 khác tổng điểm tối đa các nhóm (I: 100 = 100)',
    ]);
    const total = copy(EXAMPLE_SET_JSON);
    total.maxPoints = 1000;
    expect(errorsOf(total)).toEqual([
      'Trường "điểm tối đa": điểm tối đa 1.000 khác tổng điểm tối đa các nhóm (I: 130 = 130)',
    ]);
  });

  it("an unknown maximum is not summed as 0; a partial set may hold less than its maximum", () => {
    const unknownMax = copy(EXAMPLE_SET_JSON);
    unknownMax.components[0]!.maxPoints = null;
    expect(parseIndexSet(unknownMax).ok).toBe(true);
    unknownMax.components[1]!.maxPoints = 90;
    expect(errorsOf(unknownMax)).toContain(
      'Chỉ số 1 (thứ 1), trường "điểm tối đa": điểm tối đa 80 nhỏ hơn tổng điểm tối đa các chỉ số thành phần đã biết (130)',
    );
    const partial = copy(THANH_HOA_PARTIAL_JSON);
    partial.components[0]!.maxPoints = 120;
    expect(errorsOf(partial)).toEqual([
      'Chỉ số 1 (thứ 1), trường "điểm tối đa": điểm tối đa 100 nhỏ hơn tổng điểm tối đa các chỉ số thành phần đã biết (120)',
    ]);
  });

  it("an amount in points above the component's maximum", () => {
    const json = copy(EXAMPLE_SET_JSON);
    json.components[1]!.maxPoints = 10;
    json.components[4]!.maxPoints = 20;
    expect(errorsOf(json)).toEqual([
      'Chỉ số thành phần 1.2 (thứ 2), trường "cách xác định và tính điểm": mức «BCĐ họp 4 lần/ năm (Trung bình mỗi quý 1 lần): 20 điểm» lớn hơn điểm tối đa 10',
    ]);
  });

  it("a component under another index's number", () => {
    const json = copy(EXAMPLE_SET_JSON);
    json.components[5]!.index = "1";
    expect(errorsOf(json)).toContain(
      'Chỉ số thành phần 2.1 (thứ 6), trường "mã": mã 2.1 không thuộc chỉ số 1',
    );
  });

  it("bands that leave a gap or overlap", () => {
    const gap = copy(EXAMPLE_SET_JSON);
    gap.bands![1]!.lower = { percent: 75, strict: false };
    expect(errorsOf(gap)).toEqual(['Trường "xếp loại": mức 70% không thuộc xếp loại nào']);
    const overlap = copy(EXAMPLE_SET_JSON);
    overlap.bands![1]!.upper = { percent: 90, strict: false };
    expect(errorsOf(overlap)).toEqual(['Trường "xếp loại": mức 90% thuộc cả "Tốt" và "Khá"']);
    const empty = copy(EXAMPLE_SET_JSON);
    empty.bands![1] = {
      name: "Khá",
      lower: { percent: 90, strict: false },
      upper: { percent: 70, strict: true },
    };
    expect(errorsOf(empty)[0]).toBe(
      'Xếp loại Khá (thứ 2): xếp loại "Khá" không chứa mức nào (cận dưới lớn hơn cận trên)',
    );
  });

  it("rules not understood are warnings, not errors", () => {
    const json = copy(EXAMPLE_SET_JSON);
    json.components[0]!.ruleText = "Theo hướng dẫn của Sở";
    expect(parseIndexSet(json)).toMatchObject({
      ok: true,
      warnings: [
        "Chỉ số thành phần 1.1: chưa đọc được cách tính điểm (có đoạn chưa hiểu: «Theo hướng dẫn của Sở») — sẽ ở trạng thái Cần xem xét",
      ],
    });
  });
});
