import { findSet } from "../../shared/criteria";
import { matchGroup, matchName, scoreCriteria, words } from "../../shared/criteria/match";
import type { CriteriaSet } from "../../shared/types";
import {
  NAMES_2022_BAC_SON,
  NAMES_2023_HOANG_PHU,
  NAMES_2023_QUANG_NGOC,
  NAMES_2023_SHORT,
} from "./table.fixtures";

const set2023 = findSet("tt-xa-2023")!;
const set2022 = findSet("tt-xa-2022")!;
const idOf = (name: string, set = set2023) => matchName(name, set)?.criterion.id ?? null;

describe("words", () => {
  it("folds, drops punctuation and pads with spaces", () => {
    expect(words("Hạ tầng 4G/5G, postmart.vn…")).toBe(" ha tang 4g 5g postmart vn ");
    expect(words("  ")).toBe("  ");
  });
});

describe("names as the seed reports print them match the right criterion", () => {
  it.each(NAMES_2023_QUANG_NGOC)("2023 set, xã Quảng Ngọc %s", (id, name) => expect(idOf(name)).toBe(id));
  it.each(NAMES_2023_HOANG_PHU)("2023 set, xã Hoằng Phụ %s", (id, name) => expect(idOf(name)).toBe(id));
  it.each(NAMES_2023_SHORT)("2023 set, short name %s", (id, name) => expect(idOf(name)).toBe(id));
  it.each(NAMES_2022_BAC_SON)("earlier list, phường Bắc Sơn %s", (id, name) =>
    expect(idOf(name, set2022)).toBe(id),
  );

  it("the earlier list's names point at the 2023 criteria of the same meaning, under other numbers", () => {
    const moved = Object.fromEntries(NAMES_2022_BAC_SON.map(([id, name]) => [id, idOf(name)]));
    expect(moved).toMatchObject({
      "1.1": "1.4", // official e-mail
      "1.4": "1.5", // one-stop system
      "1.5": "1.6", // online dossiers
      "1.6": "1.7",
      "1.7": "1.8",
      "1.8": null, // epidemic apps: not in 2023
      "1.10": "1.1",
      "1.11": "1.10",
      "3.3": null, // online-safety information: not in 2023
      "4.2": null, // dedicated data line: not in 2023
      "4.3": "4.3",
    });
  });

  it("the 2023 names point back at the earlier list, and 2023-only criteria at nothing", () => {
    const back = Object.fromEntries(NAMES_2023_QUANG_NGOC.map(([id, name]) => [id, idOf(name, set2022)]));
    expect(back).toMatchObject({ "1.4": "1.1", "1.5": "1.4", "1.6": "1.5", "1.1": "1.10", "1.10": "1.11" });
    for (const id of ["3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "4.2"])
      expect([id, back[id]]).toEqual([id, null]);
  });

  it("prose that names no criterion matches nothing", () => {
    expect(
      idOf("Số hóa tài liệu, quy trình nghiệp vụ phục vụ công tác chuyển đổi số tại UBND phường"),
    ).toBeNull();
    expect(idOf("")).toBeNull();
  });
});

describe("matchName ties and scores", () => {
  it("returns null on a tie, unless the preferred ID is one of the tied", () => {
    const name = "Tỷ lệ hộ gia đình trả tiền điện, học phí không tiền mặt";
    expect(
      scoreCriteria(name, set2023)
        .slice(0, 2)
        .map((s) => s.criterion.id),
    ).toEqual(["3.8", "3.12"]);
    expect(matchName(name, set2023)).toBeNull();
    expect(matchName(name, set2023, ["3.12"])?.criterion.id).toBe("3.12");
  });

  it("lists the keywords found", () => {
    expect(matchName("Có hệ thống Camara an ninh", set2023)?.keywords).toEqual(["camara"]);
  });

  it("matches a long cell on its start, quickly", () => {
    const long = `Tỷ lệ dân số trưởng thành có điện thoại thông minh ${"x".repeat(32_000)}`;
    expect(idOf(long)).toBe("3.4");
  });
});

describe("a set edited by hand, without keywords", () => {
  const custom: CriteriaSet = {
    id: "tp-2023",
    title: "Bộ riêng của thành phố",
    legalBasis: "KH số 1373/KH-UBND",
    groups: [{ id: "1", name: "Hạ tầng số" }],
    criteria: [
      {
        id: "1.1",
        group: "1",
        name: "Số điểm phát Wifi miễn phí",
        keywords: [],
        target: { kind: "yes", word: "Số lượng" },
        notEvaluatedIn: [],
      },
      {
        id: "1.2",
        group: "1",
        name: "Gắn mã địa chỉ trên nền tảng bản đồ số Vpostcode",
        keywords: [],
        target: { kind: "unknown" },
        notEvaluatedIn: [],
      },
    ],
  };

  it("matches a criterion by its whole name, either way round", () => {
    expect(idOf("1. Số điểm phát wifi miễn phí tại nhà văn hoá", custom)).toBe("1.1");
    expect(idOf("Gắn mã địa chỉ", custom)).toBe("1.2");
    expect(idOf("Wifi", custom)).toBeNull();
  });
});

describe("matchGroup", () => {
  it.each([
    ["CHÍNH QUYỀN SỐ", "1"],
    ["Phát triển kinh tế số", "2"],
    ["III. Xã hội số", "3"],
    ["Phát triển hạ tầng số", "4"],
    ["Hạ tầng và nền tảng số", "4"],
  ])("%s → group %s", (name, id) => expect(matchGroup(name, set2023)?.id).toBe(id));

  it("prefers the group with the most words", () => {
    expect(matchGroup("Hạ tầng và nền tảng số", set2022)?.name).toBe("Hạ tầng và nền tảng số");
    expect(matchGroup("Nhận thức số", set2023)).toBeNull();
  });
});
