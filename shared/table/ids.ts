/**
 * Row IDs: an ID cell read (`3.1.` → `3.1`, `II`, the Excel number 1.1 that may be `1.10`), an ID written at the
 * start of a name, the IDs rows get under the group above them, and `1.1` or `1.10` decided by name and order.
 */
import type { NameMatch } from "../criteria/match";
import { clip, fold } from "../text";
import type { RawCell } from "../types";
import { isEmpty } from "./cells";
import type { Candidate, IdRead } from "./types";

const PLAIN_ID = /^\d{1,3}(\.\d{1,3})*$/;
const ROMAN = /^(?=[ivxlc])m*(c[md]|d?c{0,3})(x[cl]|l?x{0,3})(i[xv]|v?i{0,3})$/i;

/** `3.12` → major `3`, minor 12; null unless the ID is two runs of digits around one dot */
export function twoPart(id: string): { major: string; minor: number } | null {
  const m = /^(\d+)\.(\d+)$/.exec(id);
  return m ? { major: m[1]!, minor: Number(m[2]) } : null;
}

/**
 * Reads an ID cell: `3.1.` → `3.1`, `3,1` → `3.1`, `II` → roman, the number 1.1 → `1.1` or `1.10`.
 */
export function readId(raw: RawCell): IdRead {
  if (typeof raw === "number" && Number.isFinite(raw)) {
    if (Number.isInteger(raw)) return { kind: "int", text: String(raw) };
    const text = String(Number(raw.toFixed(6)));
    const m = /^(\d+)\.(\d)$/.exec(text);
    return m ? { kind: "dotted", text, alt: `${m[1]}.${m[2]}0` } : { kind: "dotted", text };
  }
  if (typeof raw !== "string") return { kind: "none", text: "" };
  let s = raw.trim();
  if (PLAIN_ID.test(s))
    return s.includes(".") ? { kind: "dotted", text: s } : { kind: "int", text: String(Number(s)) };
  const folded = fold(s);
  const prefix = /^(tieu chi|chi tieu|chi so)( so)?\s*/.exec(folded);
  if (prefix && /\d/.test(folded.slice(prefix[0].length, prefix[0].length + 1)))
    s = folded.slice(prefix[0].length);
  s = s.replace(/[.:)\s]+$/, "").replace(/^\(/, "");
  s = s.replace(/(\d)\s*,\s*(?=\d)/g, "$1.").replace(/\s*\.\s*/g, ".");
  if (s === "" || /^[-+*•–—.]+$/.test(s)) return { kind: "none", text: "" };
  if (/^\d+$/.test(s)) return { kind: "int", text: String(Number(s)) };
  if (/^\d+(\.\d+)+$/.test(s)) return { kind: "dotted", text: s };
  if (ROMAN.test(s)) return { kind: "roman", text: s.toUpperCase() };
  if (/^[A-Z]$/.test(s)) return { kind: "letter", text: s };
  return { kind: "other", text: clip(s, 20) };
}

/** `1.1. Xây dựng …` or `Tiêu chí 1.1: Xây dựng …`: an ID written at the start of the name */
export function idInName(name: string): IdRead | null {
  const m = /^(?:(?:tieu chi|chi tieu)\s+(?:so\s+)?)?(\d{1,2}(?:\.\d{1,2})+)\.?\s*[:.)]?\s/.exec(
    `${fold(name.slice(0, 40))} `,
  );
  return m ? readId(m[1]!) : null;
}

/**
 * Integer IDs with rows numbered under them (`1` then `1.1`) become groups; each row gets the ID it has under
 * the group above it: Roman groups restart the numbering (`I 1 2 … II 1 2` → `I.1`, `II.2`).
 */
export function deriveIds(candidates: Candidate[]): void {
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    const next = candidates[i + 1];
    if (c.kind === "item" && c.id.kind === "int" && isEmpty(c.result) && isEmpty(c.target) && next)
      if (next.id.kind === "dotted" && next.id.text.startsWith(`${c.id.text}.`)) c.kind = "group";
  }
  let groupId: string | null = null;
  let groupOrdinal = 0;
  for (const c of candidates) {
    if (c.kind === "group") {
      groupOrdinal++;
      groupId = c.id.kind === "none" ? String(groupOrdinal) : c.id.text;
      continue;
    }
    c.derived = c.id.kind === "int" && groupId !== null ? `${groupId}.${c.id.text}` : c.id.text;
    c.ids = c.id.alt ? [c.derived, c.id.alt] : c.derived ? [c.derived] : [];
  }
}

/** an Excel number `1.1` standing where `1.10` belongs: decided by the name's match, else by the order */
export function resolveId(c: Candidate, m: NameMatch | null, lastMinor: ReadonlyMap<string, number>): string {
  if (!c.id.alt) return c.derived;
  if (m && m.criterion.id === c.id.alt) return c.id.alt;
  if (m && m.criterion.id === c.id.text) return c.id.text;
  const written = twoPart(c.id.text);
  const alt = twoPart(c.id.alt);
  const before = written ? (lastMinor.get(written.major) ?? -1) : -1;
  return written && alt && before >= written.minor && alt.minor > before ? c.id.alt : c.derived;
}
