/**
 * Reading the rows under the header: each row taken as a criterion's row, a group row or a name alone, totals and
 * signatures left out, a name split over two rows (text pasted from PDF) joined.
 */
import { matchGroup, words } from "../criteria/match";
import type { CriteriaGroup, CriteriaSet, Grid, RawCell } from "../types";
import { fold } from "../text";
import { isEmpty, trimmedText } from "./cells";
import { isFooterRow, isTotalText } from "./ends";
import { rowHits, type HeaderRead } from "./header";
import { idInName, readId } from "./ids";
import { mergedValue, type MergedValue } from "./readable";
import { isColumnNumberRow, isRepeatedHeader } from "./repeats";
import type { Candidate, IdRead, RowKind } from "./types";

/** a row with a cell of the user's (not one of the add-in's own columns) */
function hasUserCell(row: readonly RawCell[], own: readonly number[]): boolean {
  return row.some((v, c) => !isEmpty(v) && !own.includes(c));
}

/** the group a row's name names in any of the sets, if the name is short enough to be a group's */
function groupOf(name: string, sets: readonly CriteriaSet[]): CriteriaGroup | null {
  if (name.length > 60) return null;
  for (const s of sets) {
    const g = groupIn(name, s);
    if (g) return g;
  }
  return null;
}

function groupIn(name: string, set: CriteriaSet): CriteriaGroup | null {
  if (name.trim() === "") return null;
  const g = matchGroup(name, set);
  // `Phát triển hạ tầng số` names a group; `Tỷ lệ hộ kinh doanh phát triển kinh tế số` does not
  if (g && words(name).trim().split(" ").length <= words(g.name).trim().split(" ").length + 3) return g;
  return null;
}

/** text that goes on from the line above: starts with a lowercase letter or punctuation, not a new name */
function continuesText(text: string): boolean {
  const ch = text.charAt(0);
  return ch !== ch.toUpperCase() || /^[,;:.…)\-–]/.test(text);
}

/** a row whose only cell says `I. CHÍNH QUYỀN SỐ` or `1. Chính quyền số` */
function singleCellGroup(
  row: readonly RawCell[],
  own: readonly number[],
): { id: IdRead; name: string } | null {
  let text: string | null = null;
  for (let c = 0; c < row.length; c++) {
    if (own.includes(c) || isEmpty(row[c])) continue;
    if (text !== null || typeof row[c] !== "string") return null;
    text = (row[c] as string).trim();
  }
  if (!text || text.length > 80) return null;
  const m = /^([IVXLC]+|\d+|[A-Z])[.):]?\s+(\S.*)$/.exec(text);
  if (!m) return null;
  const id = readId(m[1]!);
  return id.kind === "roman" || id.kind === "int" || id.kind === "letter" ? { id, name: m[2]!.trim() } : null;
}

/** the merged area a row's result shares with other rows, if any (a merge over one row shares nothing) */
function sharedOver(merges: ReadonlyMap<string, MergedValue>, r: number, col: number | undefined) {
  const m = col === undefined ? undefined : merges.get(`${r},${col}`);
  return m && m.area.rows >= 2 ? m : undefined;
}

/** one data row as a candidate (item, group or name only); null for a row that holds none */
function candidateOf(
  grid: Grid,
  r: number,
  header: HeaderRead,
  sets: readonly CriteriaSet[],
  merges: ReadonlyMap<string, MergedValue>,
): Candidate | null {
  const row = grid.values[r] ?? [];
  const cols = header.columns;
  const own = header.ownColumns;
  const single = singleCellGroup(row, own);
  const name = single ? single.name : cols.name === undefined ? "" : trimmedText(row[cols.name]);
  const written = single ? single.id : readId(cols.id === undefined ? undefined : row[cols.id]);
  const id = written.kind === "none" ? (idInName(name) ?? written) : written;
  // a value merged over several rows belongs to each of them
  const result = mergedValue(grid, merges, r, cols.result);
  const target = mergedValue(grid, merges, r, cols.target);
  const self = mergedValue(grid, merges, r, cols.self);
  const unit = mergedValue(grid, merges, r, cols.unit);
  const hasValue = !isEmpty(result) || !isEmpty(target) || !isEmpty(self);
  let kind: RowKind;
  const groupNamed = groupOf(name, sets) !== null;
  if (single) kind = "group";
  else if ((id.kind === "roman" || id.kind === "letter") && (!hasValue || groupNamed)) kind = "group";
  else if ((id.kind === "int" || id.kind === "none") && groupNamed) kind = "group";
  else if (id.kind !== "none" || hasValue) kind = "item";
  else kind = "nameOnly";
  if (kind !== "group" && (id.kind === "none" || id.kind === "other")) {
    if (isTotalText(`${trimmedText(cols.id === undefined ? undefined : row[cols.id])} ${name}`)) return null;
    // a criterion is named by an ID or a name: a value alone is no criterion (a signature, a stray note)
    if (name === "" && id.kind === "none") return null;
  }
  if (kind === "nameOnly" && name === "") return null;
  return {
    row: r,
    kind,
    id,
    name,
    key: "",
    result,
    target,
    self,
    unit,
    derived: "",
    ids: [],
    lastRow: r,
    sharedResult: sharedOver(merges, r, cols.result),
  };
}

/** a row with no criterion ID that is a footer line (signatures, "Nơi nhận", the date): the table ends above it */
function endsTable(row: readonly RawCell[], header: HeaderRead): boolean {
  const idCol = header.columns.id;
  if (idCol !== undefined) {
    const kind = readId(row[idCol]).kind;
    if (kind === "dotted" || kind === "int" || kind === "roman") return false;
  }
  return isFooterRow(row, header.ownColumns);
}

/**
 * the header of another table under this one (`TT | Tên chỉ tiêu | Kế hoạch năm 2024`, without a result column,
 * so not found as a table of its own): the ID column's cell names the ID column, another cell the name column,
 * and the result column's cell is not this header's (that is the header repeated on a new page)
 */
function startsOtherTable(grid: Grid, r: number, header: HeaderRead): boolean {
  const idCol = header.columns.id;
  const resultCol = header.columns.result;
  const resultKey = resultCol === undefined ? undefined : header.keys.get(resultCol);
  if (idCol === undefined || resultKey === undefined) return false;
  const result = grid.values[r]?.[resultCol!];
  if (typeof result === "string" && fold(result) === resultKey) return false;
  const hits = rowHits(grid, r);
  if (hits.get(idCol)?.role !== "id") return false;
  return [...hits.values()].some((h) => h.role === "name");
}

/** the first row from `from` (before `end`) where another table's header begins (see startsOtherTable), if any */
export function otherTableBelow(grid: Grid, header: HeaderRead, from: number, end: number): number | null {
  for (let r = from; r < end; r++) if (startsOtherTable(grid, r, header)) return r;
  return null;
}

/** a title line (`PHỤ LỤC 2: KẾ HOẠCH NĂM 2024`): text in the ID column alone, no name, no figure */
function isTitleOnly(c: Candidate): boolean {
  return (
    c.kind === "item" &&
    c.id.kind === "other" &&
    c.name === "" &&
    isEmpty(c.result) &&
    isEmpty(c.target) &&
    isEmpty(c.self)
  );
}

/**
 * pass 1: candidate rows under the header, in sheet order, with name-only continuation rows merged, up to the
 * first footer line or the header of another table (its title lines above it left out), or `end`, the row where
 * another table found as such begins
 */
export function readCandidates(
  grid: Grid,
  header: HeaderRead,
  sets: readonly CriteriaSet[],
  merges: ReadonlyMap<string, MergedValue>,
  end = grid.values.length,
): Candidate[] {
  const candidates: Candidate[] = [];
  let prevRow = -2;
  for (let r = header.row + header.rows; r < end; r++) {
    const row = grid.values[r] ?? [];
    if (!hasUserCell(row, header.ownColumns)) continue;
    if (startsOtherTable(grid, r, header)) {
      while (candidates.length > 0 && isTitleOnly(candidates[candidates.length - 1]!)) candidates.pop();
      break;
    }
    if (isRepeatedHeader(row, header) || isColumnNumberRow(row, header.ownColumns)) continue;
    if (endsTable(row, header)) break;
    const c = candidateOf(grid, r, header, sets, merges);
    if (!c) continue;
    // text pasted from PDF: a name-only row right under an item continues its name
    const last = candidates[candidates.length - 1];
    if (
      c.kind === "nameOnly" &&
      header.columns.id !== undefined &&
      last &&
      last.kind === "item" &&
      prevRow === r - 1 &&
      continuesText(c.name)
    ) {
      last.name = `${last.name} ${c.name}`;
      last.lastRow = r;
    } else candidates.push(c);
    prevRow = r;
  }
  for (const c of candidates) c.key = words(c.name);
  return candidates;
}
