/**
 * What a commune's form says above its table: Part A's figures (CBCC, doanh nghiệp, người dân: `label | number`
 * pairs, `label: number` in a cell, several on one line), the commune ("Tên đơn vị báo cáo: UBND xã …") and the year
 * ("Kỳ báo cáo: Năm 2023").
 */
import { communeInText, detectCommune } from "../report/commune";
import { a1, fold, isBlank, textOf } from "../text";
import type { CommuneName, Grid } from "../types";
import { parseViNumber } from "../values/numbers";
import { figureNamed } from "./rules";
import type { PartAFigure } from "./types";

/** a Part A figure found above the table */
export interface FormFigure {
  readonly id: string;
  /** the row's words as written */
  readonly label: string;
  /** null when the row names the figure but gives no number */
  readonly value: number | null;
  /** A1 of the cell the number came from (or of the label) */
  readonly cell: string;
}

/** the first number written in a text (`21 người`, `: 15.763`) */
function firstNumberIn(text: string): number | null {
  const m = /\d[\d.,]*/.exec(text);
  return m ? parseViNumber(m[0].replace(/[.,]$/, "")) : null;
}

/** a Part A label: it names a count (`Tổng số …`, `Số lượng …`, `Số …`) */
function countLabel(label: string): boolean {
  return /tong so|so luong|\bso\b/.test(fold(label));
}

/**
 * Part A's figures above the table: `label | number` in a row (several pairs in one row too), or `label: number`
 * in a cell (several, separated by `;`, in one cell too); `15.763 người` read as 15763.
 */
export function partAOf(
  values: Grid["values"],
  above: number,
  figures: readonly PartAFigure[],
): FormFigure[] {
  const found: FormFigure[] = [];
  const seen = new Set<string>();
  const named = (label: string): string | null => (countLabel(label) ? figureNamed(label, figures) : null);
  const take = (id: string | null, label: string, value: number | null, cell: string): void => {
    if (id === null || seen.has(id)) return;
    seen.add(id);
    found.push({ id, label: label.replace(/^\s*(?:\d+|[a-z])[.)]\s*/i, "").trim(), value, cell });
  };
  for (let r = 0; r < above; r++) {
    const line = values[r] ?? [];
    for (let c = 0; c < line.length; c++) {
      const raw = line[c];
      if (typeof raw !== "string" || raw.trim() === "") continue;
      const pieces = raw.split(/[;\n]/).filter((p) => p.trim() !== "");
      if (pieces.length > 1 || raw.includes(":")) {
        for (const piece of pieces) {
          const colon = piece.indexOf(":");
          if (colon < 0) continue;
          const label = piece.slice(0, colon);
          take(named(label), label, firstNumberIn(piece.slice(colon + 1)), a1(r, c));
        }
        if (pieces.some((p) => p.includes(":"))) continue;
      }
      const id = named(raw);
      if (id === null) continue;
      // the number in the next filled cell of the row
      let value: number | null = null;
      let cell = a1(r, c);
      for (let k = c + 1; k < line.length; k++) {
        const v = line[k];
        if (isBlank(v)) continue;
        const n = typeof v === "number" ? v : firstNumberIn(textOf(v));
        if (n !== null) {
          value = n;
          cell = a1(r, k);
          c = k;
        }
        break;
      }
      take(id, raw, value, cell);
    }
  }
  return found;
}

export function yearAbove(values: Grid["values"], above: number): number | null {
  for (let r = 0; r < above; r++)
    for (const raw of values[r] ?? []) {
      if (typeof raw !== "string") continue;
      const m = /\bnam\s+(20\d\d)\b/.exec(fold(raw));
      if (m) return Number(m[1]);
    }
  return null;
}

export function communeAbove(
  sheet: string,
  values: Grid["values"],
  above: number,
  fileName?: string,
): CommuneName {
  // "Tên đơn vị báo cáo: UBND xã …" first, then any title row; "Đơn vị nhận báo cáo" never
  for (const named of [true, false])
    for (let r = 0; r < above; r++)
      for (const raw of values[r] ?? []) {
        if (typeof raw !== "string") continue;
        const f = fold(raw);
        if (/nhan bao cao/.test(f) || (named && !/^ten don vi\b/.test(f))) continue;
        const found = communeInText(raw);
        if (found) return { commune: found, source: "title" };
      }
  return detectCommune(sheet, { values: [] }, fileName);
}
