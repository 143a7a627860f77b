/**
 * Reading an annex table from a grid: the header row found by the meaning of its words, group rows,
 * derived row IDs, the criteria set chosen by how well the rows' names match, and each row matched to a
 * criterion by name and ID. Linear in the number of rows; the criteria count is small and fixed.
 */
import { OWN_HEADER_PREFIX } from "../labels";
import { matchGroup, matchWords, words, type NameMatch } from "../criteria/match";
import { a1, clip, fold } from "../text";
import type {
  Annex,
  AnnexColumns,
  AnnexGroup,
  AnnexRow,
  ColumnRole,
  CriteriaGroup,
  CriteriaSet,
  Criterion,
  GradeWarning,
  Grid,
  Problem,
  ProblemCode,
  RawCell,
} from "../types";

// ---------------------------------------------------------------------------------------------
// header words (data: each alias belongs to one role; the parity test checks it)

/** header words for each column role, matched diacritic-insensitively as whole words; the longest found wins */
export const HEADER_ALIASES: Readonly<Record<ColumnRole, readonly string[]>> = {
  id: ["TT", "STT", "Số TT", "Số thứ tự", "Mã chỉ tiêu", "Mã tiêu chí"],
  name: ["Tên chỉ tiêu", "Tên tiêu chí", "Nội dung", "Nội dung chỉ tiêu", "Nội dung tiêu chí", "Tiêu chí"],
  explain: ["Giải thích chỉ tiêu", "Giải thích"],
  unit: ["Đơn vị tính", "ĐVT"],
  target: [
    "Chỉ tiêu cụ thể",
    "Chỉ tiêu giao",
    "Chỉ tiêu được giao",
    "Yêu cầu",
    "Yêu cầu tiêu chí",
    "Mục tiêu",
  ],
  result: ["Kết quả đạt được", "Kết quả", "Kết quả thực hiện", "Thực hiện"],
  self: ["Tự đánh giá", "Đánh giá", "Kết quả tự đánh giá", "Tự chấm"],
  notes: ["Khó khăn, vướng mắc", "Khó khăn", "Vướng mắc", "Ghi chú"],
};

/** `Chỉ tiêu` is the target column when the header has a name column, else the name column */
export const AMBIGUOUS_HEADERS: readonly { alias: string; role: ColumnRole; withoutName: ColumnRole }[] = [
  { alias: "Chỉ tiêu", role: "target", withoutName: "name" },
];

/** headers that hold none of our columns, though they contain an alias (`Đơn vị thực hiện` is not a result) */
export const IGNORED_HEADERS: readonly string[] = [
  "Đơn vị thực hiện",
  "Đơn vị chủ trì",
  "Đơn vị phối hợp",
  "Cơ quan thực hiện",
  "Thời gian thực hiện",
  "Người thực hiện",
];

/** rows that sum the table up rather than hold a criterion */
const TOTAL_WORDS = ["tong cong", "tong so chi tieu", "tong so tieu chi", "cong"];

/** rows looked at when searching for the header */
const HEADER_SEARCH_ROWS = 60;
/** a header cell is short; longer text is a title or a value */
const MAX_HEADER_CHARS = 80;

type HeaderHit = { role: ColumnRole | null; ambiguous?: { role: ColumnRole; withoutName: ColumnRole } };

interface AliasEntry extends HeaderHit {
  readonly key: string;
}

const ALIAS_ENTRIES: readonly AliasEntry[] = [
  ...(Object.entries(HEADER_ALIASES) as [ColumnRole, readonly string[]][]).flatMap(([role, list]) =>
    list.map((alias) => ({ key: words(alias), role })),
  ),
  ...AMBIGUOUS_HEADERS.map((a) => ({
    key: words(a.alias),
    role: a.role,
    ambiguous: { role: a.role, withoutName: a.withoutName },
  })),
  ...IGNORED_HEADERS.map((alias) => ({ key: words(alias), role: null })),
].sort((a, b) => b.key.length - a.key.length);

const OWN_KEY = fold(OWN_HEADER_PREFIX);

function isEmpty(v: RawCell): boolean {
  return v === null || v === undefined || v === "";
}

function cellAt(grid: Grid, r: number, c: number): RawCell {
  return grid.values[r]?.[c];
}

function formatAt(grid: Grid, r: number, c: number | undefined): string | undefined {
  if (c === undefined) return undefined;
  const f = grid.formats?.[r]?.[c];
  return typeof f === "string" ? f : undefined;
}

/** short text of a cell for messages and matching; numbers as written by JS */
function cellString(v: RawCell): string {
  if (isEmpty(v)) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return typeof v === "object" && v !== null && "error" in v ? v.error : "";
}

/** is this text one of the add-in's own column headers? */
function isOwnHeader(v: RawCell): boolean {
  // the start is enough: a letter and its combining marks take at most three code units
  return typeof v === "string" && fold(v.slice(0, 3 * OWN_KEY.length)).startsWith(OWN_KEY);
}

/** the role a header cell names, or null (also for the add-in's own columns) */
function headerHit(v: RawCell): HeaderHit | null {
  if (typeof v !== "string" || v === "" || v.length > MAX_HEADER_CHARS * 2 || isOwnHeader(v)) return null;
  const text = words(v.replace(/\([^)]*\)/g, " "));
  if (text.length > MAX_HEADER_CHARS + 2 || text.trim() === "") return null;
  return ALIAS_ENTRIES.find((e) => text.includes(e.key)) ?? null;
}

/** the roles a row's cells name */
function rolesNamed(row: readonly RawCell[]): Set<ColumnRole> {
  const roles = new Set<ColumnRole>();
  for (const v of row) {
    const role = headerHit(v)?.role;
    if (role) roles.add(role);
  }
  return roles;
}

interface HeaderRead {
  readonly row: number;
  /** rows of the header: 1, or 2 with sub-headers under merged cells */
  readonly rows: number;
  readonly columns: AnnexColumns;
  readonly ownColumns: readonly number[];
  /** folded header texts by column, to recognise the header repeated further down */
  readonly keys: ReadonlyMap<number, string>;
}

/** roles of one row's cells by column; ambiguous ones resolved once the whole header is known */
function rowHits(grid: Grid, r: number): Map<number, HeaderHit> {
  const out = new Map<number, HeaderHit>();
  const row = grid.values[r] ?? [];
  for (let c = 0; c < row.length; c++) {
    const hit = headerHit(row[c]);
    if (hit) out.set(c, hit);
  }
  return out;
}

/** role → first column, resolving `Chỉ tiêu` by whether a name column exists */
function columnsOf(hits: ReadonlyMap<number, HeaderHit>): AnnexColumns {
  const cols = [...hits.keys()].sort((a, b) => a - b);
  const hasName = cols.some((c) => hits.get(c)!.role === "name" && !hits.get(c)!.ambiguous);
  const out: AnnexColumns = {};
  for (const c of cols) {
    const h = hits.get(c)!;
    const role = h.ambiguous ? (hasName ? h.ambiguous.role : h.ambiguous.withoutName) : h.role;
    if (role && out[role] === undefined) out[role] = c;
  }
  return out;
}

/** sub-headers that name no column of ours (`Số lượng | Tỷ lệ (%)`, `Năm 2022 | Năm 2023` under a merged result) */
function isSubHeaderRow(row: readonly RawCell[]): boolean {
  let texts = 0;
  for (const v of row) {
    if (isEmpty(v)) continue;
    if (typeof v !== "string" || v.length > 40 || !/\p{L}/u.test(v) || isOwnHeader(v)) return false;
    texts++;
  }
  return texts >= 2;
}

/** the header: the first row naming three columns, else the row naming the most (two at least) */
function findHeader(grid: Grid): HeaderRead | null {
  const last = Math.min(grid.values.length, HEADER_SEARCH_ROWS);
  let best = -1;
  let bestScore = 1;
  for (let r = 0; r < last; r++) {
    const roles = rolesNamed(grid.values[r] ?? []);
    if (roles.size > bestScore && (roles.has("name") || roles.has("result") || roles.has("target"))) {
      best = r;
      bestScore = roles.size;
    }
    // data rows do not name columns
    if (bestScore >= 3) break;
  }
  return best < 0 ? null : readHeaderRows(grid, best);
}

/** the header at row `best`: its columns, a second row of sub-headers, own columns, folded texts */
function readHeaderRows(grid: Grid, best: number): HeaderRead {
  const bestHits = rowHits(grid, best);
  // a second header row: sub-headers under merged cells, with no ID or name of its own
  let rows = 1;
  const merged = new Map(bestHits);
  const next = rowHits(grid, best + 1);
  const firstCols = columnsOf(bestHits);
  const idCell = firstCols.id !== undefined ? cellAt(grid, best + 1, firstCols.id) : undefined;
  const nameCell = firstCols.name !== undefined ? cellAt(grid, best + 1, firstCols.name) : undefined;
  const nameIsHeader = firstCols.name !== undefined && next.has(firstCols.name);
  if (isEmpty(idCell) && (isEmpty(nameCell) || nameIsHeader)) {
    if (next.size > 0) {
      rows = 2;
      for (const [c, h] of next) merged.set(c, h);
    } else if (isSubHeaderRow(grid.values[best + 1] ?? [])) rows = 2;
  }
  const ownColumns: number[] = [];
  const keys = new Map<number, string>();
  for (let r = best; r < best + rows; r++) {
    const row = grid.values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== "string" || v === "") continue;
      if (isOwnHeader(v)) {
        if (!ownColumns.includes(c)) ownColumns.push(c);
      } else if (r === best) {
        const folded = fold(v);
        if (folded !== "") keys.set(c, folded);
      }
    }
  }
  ownColumns.sort((a, b) => a - b);
  for (const c of ownColumns) merged.delete(c);
  const columns = columnsOf(merged);
  if (rows === 2 && columns.result !== undefined) {
    const latest = latestYearColumn(grid, best, columns.result);
    if (latest !== null) columns.result = latest;
  }
  return { row: best, rows, columns, ownColumns, keys };
}

/** under a merged result header split by year (`Năm 2022 | Năm 2023`), the column of the latest year */
function latestYearColumn(grid: Grid, headerRow: number, col: number): number | null {
  const top = grid.values[headerRow] ?? [];
  const sub = grid.values[headerRow + 1] ?? [];
  let best: number | null = null;
  let bestYear = 0;
  for (let c = col; c < Math.max(top.length, sub.length); c++) {
    if (c > col && !isEmpty(top[c])) break;
    const m = typeof sub[c] === "string" ? /\b(20\d\d)\b/.exec(sub[c] as string) : null;
    if (m && Number(m[1]) > bestYear) {
      best = c;
      bestYear = Number(m[1]);
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// IDs

type IdKind = "none" | "roman" | "letter" | "int" | "dotted" | "other";

interface IdRead {
  readonly kind: IdKind;
  readonly text: string;
  /** `1.10` for an Excel number 1.1 (the zero is lost): resolved by order and by name */
  readonly alt?: string;
}

const PLAIN_ID = /^\d{1,3}(\.\d{1,3})*$/;
const ROMAN = /^(?=[ivxlc])m*(c[md]|d?c{0,3})(x[cl]|l?x{0,3})(i[xv]|v?i{0,3})$/i;

/** `3.12` → major `3`, minor 12; null unless the ID is two runs of digits around one dot */
function twoPart(id: string): { major: string; minor: number } | null {
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

// ---------------------------------------------------------------------------------------------
// rows

type Kind = "item" | "group" | "nameOnly";

interface Candidate {
  readonly row: number;
  kind: Kind;
  readonly id: IdRead;
  name: string;
  /** `words(name)`, computed once */
  key: string;
  readonly result: RawCell;
  readonly target: RawCell;
  readonly self: RawCell;
  /** the ID this row would have under the group above it, before the set is known */
  derived: string;
  /** IDs a criterion of the set may have for this row */
  ids: readonly string[];
  group: string | null;
  /** continuation rows merged into this one (text pasted from PDF split over rows) */
  lastRow: number;
  /** the name's match in `matchedIn`, found while choosing the set */
  match: NameMatch | null;
  matchedIn: CriteriaSet | null;
}

/** a row that numbers the columns (`1 2 3 …` or `(1) (2) (3) …`): three numbers at least, consecutive */
function isColumnNumberRow(row: readonly RawCell[], own: readonly number[]): boolean {
  const numbers: number[] = [];
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (own.includes(c) || isEmpty(v)) continue;
    const text = typeof v === "number" ? String(v) : typeof v === "string" ? v.trim() : "";
    const m = /^\(?(\d{1,2})\)?$/.exec(text);
    if (!m) return false;
    numbers.push(Number(m[1]));
  }
  return numbers.length >= 3 && numbers.every((n, i) => i === 0 || n === numbers[i - 1]! + 1);
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

/** `1.1. Xây dựng …` or `Tiêu chí 1.1: Xây dựng …`: an ID written at the start of the name */
function idInName(name: string): IdRead | null {
  const m = /^(?:(?:tieu chi|chi tieu)\s+(?:so\s+)?)?(\d{1,2}(?:\.\d{1,2})+)\.?\s*[:.)]?\s/.exec(
    `${fold(name.slice(0, 40))} `,
  );
  return m ? readId(m[1]!) : null;
}

/** text that goes on from the line above: starts with a lowercase letter or punctuation, not a new name */
function continuesText(text: string): boolean {
  const ch = text.charAt(0);
  return ch !== ch.toUpperCase() || /^[,;:.…)\-–]/.test(text);
}

function isTotalRow(name: string): boolean {
  const w = words(name);
  return TOTAL_WORDS.some((t) => w.startsWith(` ${t} `));
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

// ---------------------------------------------------------------------------------------------
// choosing the set

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
    r.match = m;
    r.matchedIn = set;
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

function chooseSet(
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

// ---------------------------------------------------------------------------------------------
// the reader

/** options of `readAnnex` */
export interface ReadAnnexOptions {
  /** sets to choose from, best match wins */
  readonly sets: readonly CriteriaSet[];
  /** force a set by id, or `"none"` for the targets written in the rows */
  readonly setId?: string;
}

function rightmostColumn(grid: Grid): number {
  let max = -1;
  for (const row of grid.values) {
    for (let c = row.length - 1; c > max; c--) {
      if (!isEmpty(row[c])) {
        max = c;
        break;
      }
    }
  }
  return max;
}

/** a repeated header row (`TT | Tên chỉ tiêu | …` again, e.g. on each printed page): half its texts at least */
function isRepeatedHeader(row: readonly RawCell[], header: HeaderRead): boolean {
  let same = 0;
  for (const [c, key] of header.keys) {
    const v = row[c];
    if (typeof v === "string" && fold(v) === key) same++;
  }
  return same >= Math.max(2, Math.ceil(header.keys.size / 2));
}

/** a row with a cell of the user's (not one of the add-in's own columns) */
function hasUserCell(row: readonly RawCell[], own: readonly number[]): boolean {
  return row.some((v, c) => !isEmpty(v) && !own.includes(c));
}

function trimmedText(v: RawCell): string {
  return typeof v === "string" ? v.trim() : cellString(v);
}

/** one data row as a candidate (item, group or name only); null for a row that holds none */
function candidateOf(
  row: readonly RawCell[],
  r: number,
  header: HeaderRead,
  sets: readonly CriteriaSet[],
): Candidate | null {
  const cols = header.columns;
  const own = header.ownColumns;
  const single = singleCellGroup(row, own);
  const name = single ? single.name : cols.name === undefined ? "" : trimmedText(row[cols.name]);
  const written = single ? single.id : readId(cols.id === undefined ? undefined : row[cols.id]);
  const id = written.kind === "none" ? (idInName(name) ?? written) : written;
  const result = row[cols.result!];
  const target = cols.target === undefined ? undefined : row[cols.target];
  const self = cols.self === undefined ? undefined : row[cols.self];
  const hasValue = !isEmpty(result) || !isEmpty(target) || !isEmpty(self);
  let kind: Kind;
  const groupNamed = groupOf(name, sets) !== null;
  if (single) kind = "group";
  else if ((id.kind === "roman" || id.kind === "letter") && (!hasValue || groupNamed)) kind = "group";
  else if ((id.kind === "int" || id.kind === "none") && groupNamed) kind = "group";
  else if (id.kind !== "none" || hasValue) kind = "item";
  else kind = "nameOnly";
  if (kind !== "group" && (id.kind === "none" || id.kind === "other") && isTotalRow(`${id.text} ${name}`))
    return null;
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
    derived: "",
    ids: [],
    group: null,
    lastRow: r,
    match: null,
    matchedIn: null,
  };
}

/** pass 1: candidate rows under the header, in sheet order, with name-only continuation rows merged */
function readCandidates(grid: Grid, header: HeaderRead, sets: readonly CriteriaSet[]): Candidate[] {
  const candidates: Candidate[] = [];
  let prevRow = -2;
  for (let r = header.row + header.rows; r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    if (!hasUserCell(row, header.ownColumns)) continue;
    if (isRepeatedHeader(row, header) || isColumnNumberRow(row, header.ownColumns)) continue;
    const c = candidateOf(row, r, header, sets);
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

/**
 * Integer IDs with rows numbered under them (`1` then `1.1`) become groups; each row gets the ID it has under
 * the group above it: Roman groups restart the numbering (`I 1 2 … II 1 2` → `I.1`, `II.2`).
 */
function deriveIds(candidates: Candidate[]): void {
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

/** pass 2's running state: IDs and criteria seen so far, the group above */
interface Resolution {
  readonly sheet: string;
  readonly grid: Grid;
  readonly cols: AnnexColumns;
  readonly set: CriteriaSet | null;
  /** ids of the set's groups */
  readonly setGroups: ReadonlySet<string>;
  readonly idCol: number | undefined;
  readonly nameCol: number | undefined;
  readonly problems: Problem[];
  readonly seenIds: Map<string, number>;
  readonly seenCriteria: Map<string, number>;
  readonly lastMinor: Map<string, number>;
  currentGroup: string | null;
}

/** an Excel number `1.1` standing where `1.10` belongs: decided by the name's match, else by the order */
function resolveId(c: Candidate, m: NameMatch | null, lastMinor: ReadonlyMap<string, number>): string {
  if (!c.id.alt) return c.derived;
  if (m && m.criterion.id === c.id.alt) return c.id.alt;
  if (m && m.criterion.id === c.id.text) return c.id.text;
  const written = twoPart(c.id.text);
  const alt = twoPart(c.id.alt);
  const before = written ? (lastMinor.get(written.major) ?? -1) : -1;
  return written && alt && before >= written.minor && alt.minor > before ? c.id.alt : c.derived;
}

/** a problem of the cell at `row` and `col`, its message written around the cell's address */
function addProblem(
  st: Resolution,
  code: ProblemCode,
  row: number,
  col: number | undefined,
  value: string,
  message: (cell: string) => string,
): void {
  const cell = a1(row, col ?? 0);
  st.problems.push({ code, sheet: st.sheet, cell, value, message: message(cell) });
}

/** pass 2 for one non-group row: its ID, criterion, warnings and problems; null for a name-only row unmatched */
function resolveRow(c: Candidate, st: Resolution): AnnexRow | null {
  const { set, sheet } = st;
  const m = set && c.name ? (c.matchedIn === set ? c.match : matchWords(c.key, set, c.ids)) : null;
  if (c.kind === "nameOnly" && !m) return null;
  let id = resolveId(c, m, st.lastMinor);
  const dotted = twoPart(id);
  if (dotted) st.lastMinor.set(dotted.major, Math.max(st.lastMinor.get(dotted.major) ?? -1, dotted.minor));
  let warnings: GradeWarning[] | null = null;
  let criterion: Criterion | undefined;
  if (set) {
    const byId = set.criteria.find((x) => x.id === id);
    if (m && byId && m.criterion.id !== byId.id) {
      warnings = [
        {
          code: "NAME_MISMATCH",
          message: `Số thứ tự "${id}" là chỉ tiêu ${byId.id} của bộ tiêu chí, nhưng tên khớp chỉ tiêu ${m.criterion.id}: chấm theo chỉ tiêu ${m.criterion.id}`,
        },
      ];
    }
    criterion = m?.criterion ?? byId;
    if (!criterion)
      addProblem(
        st,
        "UNKNOWN_CRITERION",
        c.row,
        st.nameCol,
        clip(c.name || id, 80),
        (cell) =>
          `Trang "${sheet}", ô ${cell}: "${clip(c.name || id, 60)}" không khớp chỉ tiêu nào của ${set.title}`,
      );
  }
  if (id === "" && criterion) id = criterion.id;
  if (id !== "") {
    const before = st.seenIds.get(id);
    if (before !== undefined && (c.id.kind === "dotted" || c.id.kind === "int"))
      addProblem(
        st,
        "DUPLICATE_ID",
        c.row,
        st.idCol,
        id,
        (cell) => `Trang "${sheet}", ô ${cell}: số thứ tự "${id}" trùng với dòng ${before + 1}`,
      );
    else st.seenIds.set(id, c.row);
  }
  if (criterion) {
    const before = st.seenCriteria.get(criterion.id);
    if (before !== undefined && st.seenIds.get(id) === c.row)
      addProblem(
        st,
        "DUPLICATE_ID",
        c.row,
        st.nameCol,
        clip(c.name || id, 80),
        (cell) =>
          `Trang "${sheet}", ô ${cell}: dòng này và dòng ${before + 1} cùng là chỉ tiêu ${criterion.id}`,
      );
    else if (before === undefined) st.seenCriteria.set(criterion.id, c.row);
  }
  // a group row named after a set group gives way to the matched criterion's own group
  const current = st.currentGroup;
  const setGroup = current !== null && st.setGroups.has(current);
  const group = criterion && (setGroup || current === null) ? criterion.group : current;
  const { cols, grid } = st;
  return {
    row: c.row,
    id,
    name: c.name,
    group,
    criterion,
    target: cols.target !== undefined ? (c.target ?? null) : null,
    targetFormat: formatAt(grid, c.row, cols.target),
    result: c.result ?? null,
    resultFormat: formatAt(grid, c.row, cols.result),
    self: cols.self !== undefined ? (c.self ?? null) : undefined,
    warnings: warnings ?? undefined,
  };
}

/**
 * Reads the annex table of one sheet.
 * @returns the annex, or `{ skipped }` with the Vietnamese reason the sheet holds none
 * @example const annex = readAnnex("Hoằng Phụ", grid, { sets: BUILTIN_SETS });
 */
export function readAnnex(sheet: string, grid: Grid, options: ReadAnnexOptions): Annex | { skipped: string } {
  const maxCol = rightmostColumn(grid);
  if (maxCol < 0) return { skipped: "trang tính trống" };
  const header = findHeader(grid);
  if (!header)
    return {
      skipped:
        "không tìm thấy hàng tiêu đề của bảng phụ lục (cần các cột như TT, Tên chỉ tiêu, Chỉ tiêu cụ thể, Kết quả đạt được)",
    };
  const cols = header.columns;
  if (cols.result === undefined)
    return { skipped: "bảng không có cột kết quả (Kết quả đạt được, Kết quả thực hiện, Thực hiện)" };
  const ownColumn = header.ownColumns.length > 0 ? header.ownColumns[0]! : maxCol + 1;
  return readTable(sheet, grid, header, options, ownColumn);
}

/** reads the table under the header: candidate rows, the set, then each row resolved */
function readTable(
  sheet: string,
  grid: Grid,
  header: HeaderRead,
  options: ReadAnnexOptions,
  ownColumn: number,
): Annex | { skipped: string } {
  const cols = header.columns;
  const problems: Problem[] = [];
  const candidates = readCandidates(grid, header, options.sets);
  deriveIds(candidates);
  const rowsIn = candidates.filter((c) => c.kind !== "group");
  const items = candidates.filter((c) => c.kind === "item");
  if (rowsIn.length === 0) return { skipped: "bảng không có dòng chỉ tiêu nào dưới hàng tiêu đề" };
  const withTarget = items.filter((c) => !isEmpty(c.target)).length;
  const carriesTargets = cols.target !== undefined && withTarget * 2 >= Math.max(1, items.length);
  const chosen = chooseSet(rowsIn, options, carriesTargets, problems, sheet);
  const set = chosen.set;
  // nothing to grade against: no set fits, the user chose none, and no row writes a target
  if (set === null && withTarget === 0 && options.setId?.trim().toLowerCase() !== "none") {
    const unnamed = rowsIn.every((c) => c.name.trim() === "");
    return {
      skipped: unnamed
        ? "bảng không có tên chỉ tiêu và không ghi chỉ tiêu: không biết chấm theo bộ tiêu chí nào (chọn bộ tiêu chí bằng tùy chọn)"
        : "không phải phụ lục CĐS: không tên chỉ tiêu nào khớp bộ tiêu chí và bảng không ghi chỉ tiêu",
    };
  }

  // pass 2: groups, IDs resolved by name and order, criteria, problems
  const groups: AnnexGroup[] = [];
  const rows: AnnexRow[] = [];
  const idCol = cols.id ?? cols.name ?? cols.result;
  const state: Resolution = {
    sheet,
    grid,
    cols,
    set,
    setGroups: new Set(set?.groups.map((g) => g.id) ?? []),
    idCol,
    nameCol: cols.name ?? idCol,
    problems,
    seenIds: new Map(),
    seenCriteria: new Map(),
    lastMinor: new Map(),
    currentGroup: null,
  };
  let lastRow = header.row + header.rows - 1;
  let groupCount = 0;
  for (const c of candidates) {
    if (c.kind === "group") {
      groupCount++;
      const g = set ? matchGroup(c.name, set) : null;
      const id = g ? g.id : c.id.kind !== "none" ? c.id.text : String(groupCount);
      if (!groups.some((x) => x.id === id)) groups.push({ id, name: c.name || (g?.name ?? id), row: c.row });
      state.currentGroup = id;
      lastRow = Math.max(lastRow, c.lastRow);
      continue;
    }
    const row = resolveRow(c, state);
    if (!row) continue;
    rows.push(row);
    lastRow = Math.max(lastRow, c.lastRow);
  }
  if (set)
    for (const r of rows) {
      const g = r.criterion?.group;
      if (r.group === g && g !== undefined && !groups.some((x) => x.id === g)) {
        const sg = set.groups.find((x) => x.id === g);
        if (sg) groups.push({ id: sg.id, name: sg.name, row: -1 });
      }
    }
  return {
    headerRow: header.row,
    columns: cols,
    groups,
    rows,
    criteriaSet: set,
    setReason: chosen.reason,
    ownColumn,
    lastRow,
    problems,
  };
}

/**
 * The year an annex reports on, from its title rows (`năm 2023`, `NĂM 2022`, `6 tháng đầu năm 2023`);
 * null when they name none.
 */
export function detectYear(grid: Grid): number | null {
  const header = findHeader(grid);
  const last = header ? header.row + header.rows : Math.min(grid.values.length, 15);
  for (let r = 0; r < last; r++) {
    for (const v of grid.values[r] ?? []) {
      if (typeof v !== "string" || !v) continue;
      const year = yearIn(v);
      if (year !== null) return year;
    }
  }
  return null;
}

/** `năm 2023` in a text's first 500 characters, or null */
function yearIn(v: string): number | null {
  const start = v.length > 500 ? v.slice(0, 500) : v;
  if (!/20\d\d/.test(start)) return null;
  const m = /\bnam\s+(20\d\d)\b/.exec(fold(start));
  return m ? Number(m[1]) : null;
}
