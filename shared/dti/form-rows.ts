/**
 * How a row of a commune's form says what it is, as communes write it: the STT (`I`, `Nhóm I`, `Phần II`, `1`,
 * `1.1`, `1.1.a`, a name written in the STT cell), the signature block that ends the table, a self-score written
 * as text (`20 điểm.`, `20/20`). Words are data, compared without case and diacritics.
 */
import { fold } from "../text";
import type { RawCell } from "../types";
import { parseViNumber } from "../values/numbers";
import { ROMAN, textOf } from "./sheet-cells";

/** words that open a group row (`Nhóm I`, `PHẦN II. CHỈ SỐ RIÊNG`), folded */
export const FORM_GROUP_WORDS: readonly string[] = ["nhom", "phan", "nhom chi so"];

/**
 * Cells of the signature block under a table with no total row: titles written in capitals (`NGƯỜI LẬP BIỂU`,
 * `CHỦ TỊCH UBND XÃ`, `TM. ỦY BAN NHÂN DÂN`), folded; a cell starting with one of them ends the table
 */
export const FORM_SIGNATURE_TITLES: readonly string[] = [
  "nguoi lap bieu",
  "nguoi lap",
  "nguoi tong hop",
  "can bo lap bieu",
  "thu truong don vi",
  "chu tich",
  "pho chu tich",
  "tm uy ban nhan dan",
  "tm ubnd",
  "kt chu tich",
  "xac nhan cua",
];

const ROMAN_OF: readonly string[] = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

/** a row's STT read: the id (`I`, `1`, `1.1`, `1.1.A`), and the name when the STT cell also holds it */
export interface SttRead {
  readonly id: string;
  /** `Nhóm`, `Phần` written before a group's number */
  readonly groupWord: boolean;
  /** the words after the id in the same cell (`I. NHÓM CHỈ SỐ CHUNG`), when any */
  readonly rest: string;
}

/** the STT of a line: `1.`, `1,1` and `1.1.` read as `1` and `1.1`; upper case */
function plainStt(text: string): string {
  return text.replace(/\.$/, "").replace(/,/g, ".").replace(/\s+/g, "").toUpperCase();
}

const WITH_WORDS = /^(?:(nhom|phan)\s+)?([ivx]+|\d+(?:[.,]\d+){0,2}(?:[.,][a-h])?)\s*[.):]?(?:\s+(.*))?$/;

/**
 * Reads the STT cell, and the name cell when the STT cell is blank (`PHẦN II. CHỈ SỐ RIÊNG` written across both):
 * `Nhóm I` / `Phần 2` → group `I` / `II`; `1.1. Có chuyên mục` → `1.1` with its name.
 */
export function readStt(sttRaw: RawCell, nameRaw: RawCell): SttRead {
  const text = textOf(sttRaw).trim();
  const plain = plainStt(text);
  if (/^(\d+(\.\d+){0,2}(\.[A-H])?\)?|[IVX]+)$/.test(plain) && !/\s/.test(text.replace(/\.$/, "")))
    return { id: plain.replace(/\)$/, ""), groupWord: false, rest: "" };
  const source = text !== "" ? text : textOf(nameRaw).trim();
  const folded = fold(source);
  const m = WITH_WORDS.exec(folded);
  if (!m) return { id: text === "" ? "" : plain, groupWord: false, rest: "" };
  const groupWord = m[1] !== undefined;
  // only a group word or words after the id make this reading better than the plain one
  if (!groupWord && (text === "" || m[3] === undefined))
    return { id: text === "" ? "" : plain, groupWord, rest: "" };
  let id = m[2]!.replace(/,/g, ".").toUpperCase();
  if (groupWord && /^\d+$/.test(id)) id = ROMAN_OF[Number(id)] ?? id;
  if (groupWord && !ROMAN.test(id)) return { id: plain, groupWord: false, rest: "" };
  // the name as written (diacritics kept)
  const rest =
    m[3] === undefined ? "" : source.replace(/^(?:(?:nhóm|phần)\s+)?\S+?\s*[.):]?\s+/iu, "").trim();
  return { id, groupWord, rest };
}

/** a sub-level of a component: `1.1.1`, `1.1.A` (read upper case) under `1.1` */
export function isSubLevel(id: string, component: string): boolean {
  return id.startsWith(`${component}.`) && /^\d+\.\d+\.(\d+|[A-H])$/.test(id);
}

/** true for a row of the signature block (the table ends there when it has no total row) */
export function isSignatureRow(line: readonly RawCell[]): boolean {
  return line.some((raw) => {
    if (typeof raw !== "string") return false;
    const t = raw.trim();
    if (t === "" || t.length > 60) return false;
    const f = fold(t).replace(/[.:]/g, "").replace(/\s+/g, " ");
    if (/^\(ky\b/.test(f)) return true; // (Ký, ghi rõ họ tên)
    if (/^[^,]{1,30}, ngay\b.*\bthang\b.*\bnam\b/.test(f)) return true; // Hoằng Phụ, ngày … tháng … năm …
    // mostly capitals (a legacy title read in the body font keeps some letters small)
    const letters = [...t].filter((ch) => /\p{L}/u.test(ch));
    const capitals = letters.filter((ch) => ch !== ch.toLowerCase()).length >= 0.6 * letters.length;
    return FORM_SIGNATURE_TITLES.some((w) => f === w || (capitals && f.startsWith(`${w} `)));
  });
}

/**
 * A self-score cell as the check reads it: `20/20` (a score over the component's own maximum) → 20, `20 điểm.`
 * → `20 điểm`; anything else as written (a fraction over another number stays text: Cần xem xét).
 */
export function selfCell(raw: RawCell, maxPoints: number | null): RawCell {
  if (typeof raw !== "string") return raw;
  const t = raw.trim().replace(/\.$/, "");
  const m = /^(\d+(?:[.,]\d+)?)\s*\/\s*(\d+(?:[.,]\d+)?)\s*(?:điểm|đ)?$/iu.exec(t);
  if (m) {
    const [score, out] = [parseViNumber(m[1]!), parseViNumber(m[2]!)];
    return score !== null && out !== null && maxPoints !== null && out === maxPoints ? score : raw;
  }
  return /\d\s*(?:điểm|đ)$/iu.test(t) ? t : raw;
}
