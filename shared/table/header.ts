/**
 * Finding a table's header by the meaning of its words (aliases kept as data), with a second row of sub-headers
 * under merged cells, the add-in's own columns, and the year the title rows above it name.
 */
import { words } from "../criteria/match";
import { OWN_HEADER_PREFIX } from "../labels";
import { a1, fold } from "../text";
import type { AnnexColumns, ColumnRole, Grid, Hedge, RawCell } from "../types";
import { cellAt, isEmpty } from "./cells";

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

/** the header of a table */
export interface HeaderRead {
  readonly row: number;
  /** rows of the header: 1, or 2 with sub-headers under merged cells */
  readonly rows: number;
  readonly columns: AnnexColumns;
  readonly ownColumns: readonly number[];
  /** folded header texts by column, to recognise the header repeated further down */
  readonly keys: ReadonlyMap<number, string>;
  /** when several columns hold results: which one is graded and why, in Vietnamese */
  readonly resultNote?: string;
  /** the year the graded result column's header names (`Kết quả thực hiện năm 2023`), if any */
  readonly resultYear?: number;
  /** the graded result column's header says its figures are estimates or plans (`Ước thực hiện năm 2023`) */
  readonly resultHedge?: Hedge;
}

type ResultAbout = Pick<HeaderRead, "resultNote" | "resultYear" | "resultHedge">;

/** roles of one row's cells by column; ambiguous ones resolved once the whole header is known */
export function rowHits(grid: Grid, r: number): Map<number, HeaderHit> {
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

/** does this row name columns as a table's header does: three roles, one of them the name, result or target */
export function isHeaderRow(row: readonly RawCell[]): boolean {
  const roles = rolesNamed(row);
  return roles.size >= 3 && (roles.has("name") || roles.has("result") || roles.has("target"));
}

/**
 * the header: the first row naming three columns, else the row naming the most (two at least); `year` (the
 * grading year, when known) chooses among result columns of several years
 */
export function findHeader(grid: Grid, year?: number | null): HeaderRead | null {
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
  return best < 0 ? null : readHeaderRows(grid, best, year ?? titleYear(grid, best));
}

/** the header at row `best`: its columns, a second row of sub-headers, own columns, folded texts */
export function readHeaderRows(grid: Grid, best: number, year: number | null): HeaderRead {
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
  const choice = columns.result === undefined ? null : chooseResultColumn(grid, best, rows, merged, year);
  if (choice) {
    columns.result = choice.col;
    return { row: best, rows, columns, ownColumns, keys, ...choice.about };
  }
  return { row: best, rows, columns, ownColumns, keys };
}

/** the year the title rows above row `headerRow` name (the first found from the top), or null */
export function titleYear(grid: Grid, headerRow: number, from = 0): number | null {
  for (let r = from; r < headerRow; r++) {
    for (const v of grid.values[r] ?? []) {
      if (typeof v !== "string" || !v) continue;
      const year = yearIn(v);
      if (year !== null) return year;
    }
  }
  return null;
}

/** `năm 2023` in a text's first 500 characters, or null */
export function yearIn(v: string): number | null {
  const start = v.length > 500 ? v.slice(0, 500) : v;
  if (!/20\d\d/.test(start)) return null;
  const m = /\bnam\s+(20\d\d)\b/.exec(fold(start));
  return m ? Number(m[1]) : null;
}

// ---------------------------------------------------------------------------------------------
// several result columns: by year, then figures reached over estimates and plans, then by the longest period

/**
 * words of a result column's header that make its figures estimates or plans, not results (`Ước thực hiện năm
 * 2023`, `Kết quả dự kiến`); matched on whole folded words. Not `kế hoạch`: `Kết quả thực hiện kế hoạch` is a
 * result.
 */
export const NOT_RESULT_HEADERS: readonly { readonly words: string; readonly kind: "estimate" | "plan" }[] = [
  { words: "Ước thực hiện", kind: "estimate" },
  { words: "Ước đạt", kind: "estimate" },
  { words: "Ước tính", kind: "estimate" },
  { words: "Ước", kind: "estimate" },
  { words: "Tạm tính", kind: "estimate" },
  { words: "Dự kiến", kind: "plan" },
  { words: "Phấn đấu", kind: "plan" },
];

const NOT_RESULT_KEYS = NOT_RESULT_HEADERS.map((h) => ({ ...h, key: words(h.words) }));

/** the hedge a result column's header puts on every figure under it, if any */
export function headerHedge(text: string): Hedge | undefined {
  const w = words(text);
  const hit = NOT_RESULT_KEYS.find((h) => w.includes(h.key));
  return hit ? { kind: hit.kind, words: hit.words.toLowerCase(), column: text } : undefined;
}

/** how long a result column's period is, from its header words (folded); a column naming none is a year's */
export const PERIOD_WORDS: readonly { readonly words: string; readonly months: number }[] = [
  { words: "ca nam", months: 12 },
  { words: "12 thang", months: 12 },
  { words: "luy ke", months: 12 },
  { words: "9 thang", months: 9 },
  { words: "6 thang", months: 6 },
  { words: "sau thang", months: 6 },
  { words: "quy", months: 3 },
  { words: "3 thang", months: 3 },
];

interface ResultChoice {
  readonly col: number;
  readonly text: string;
  readonly year: number | null;
  readonly months: number;
  /** the header says its figures are estimates or plans */
  readonly hedge: Hedge | undefined;
}

function periodOf(text: string): number {
  const w = words(text);
  const found = PERIOD_WORDS.find((p) => w.includes(` ${p.words} `));
  // no period named: the whole year, below an explicit "Cả năm"
  return found ? found.months : 11.5;
}

function yearOfHeader(text: string): number | null {
  const m = /\b(20\d\d)\b/.exec(text);
  return m ? Number(m[1]) : null;
}

/** the text of a header cell */
function headerText(grid: Grid, r: number, c: number): string {
  const v = cellAt(grid, r, c);
  return typeof v === "string" ? v.trim() : "";
}

/** the columns that may hold the result: result headers, and the sub-columns under a merged result header */
function resultCandidates(
  grid: Grid,
  best: number,
  rows: number,
  hits: ReadonlyMap<number, HeaderHit>,
): ResultChoice[] {
  const top = grid.values[best] ?? [];
  const sub = rows === 2 ? (grid.values[best + 1] ?? []) : [];
  const out: ResultChoice[] = [];
  const width = Math.max(top.length, sub.length);
  for (let c = 0; c < width; c++) {
    const own = hits.get(c)?.role === "result";
    // under a result header merged (or spread) over several sub-columns
    let owner = -1;
    if (!own && rows === 2 && typeof sub[c] === "string" && sub[c] !== "") {
      for (let k = c - 1; k >= 0; k--) {
        if (!isEmpty(top[k])) {
          if (hits.get(k)?.role === "result" && isEmpty(top[c])) owner = k;
          break;
        }
      }
    }
    if (!own && owner < 0) continue;
    const upper = own ? headerText(grid, best, c) : headerText(grid, best, owner);
    const under = sub[c];
    const lower = typeof under === "string" ? under.trim() : "";
    const text = lower && lower !== upper ? `${upper} – ${lower}` : upper;
    out.push({ col: c, text, year: yearOfHeader(text), months: periodOf(text), hedge: headerHedge(text) });
  }
  // a result header over sub-columns is not itself a column to grade
  return out.filter(
    (o) => !(out.some((x) => x.col > o.col && x.text.startsWith(`${o.text} – `)) && !o.text.includes(" – ")),
  );
}

/** the result column to grade among several, and the note saying why; null when there is only one */
function chooseResultColumn(
  grid: Grid,
  best: number,
  rows: number,
  hits: ReadonlyMap<number, HeaderHit>,
  year: number | null,
): { col: number; about: ResultAbout } | null {
  const all = resultCandidates(grid, best, rows, hits);
  if (all.length === 0) return null;
  const latest = Math.max(...all.map((o) => o.year ?? 0));
  const yearRank = (o: ResultChoice): number =>
    year !== null
      ? o.year === year
        ? 3
        : o.year === null
          ? 2
          : o.year < year
            ? 1
            : 0
      : o.year === latest
        ? 1
        : 0;
  const ranked = [...all].sort(
    (a, b) =>
      yearRank(b) - yearRank(a) ||
      (b.year ?? 0) - (a.year ?? 0) ||
      Number(a.hedge !== undefined) - Number(b.hedge !== undefined) ||
      b.months - a.months ||
      a.col - b.col,
  );
  const pick = ranked[0]!;
  const about: ResultAbout = {
    ...(pick.year !== null ? { resultYear: pick.year } : {}),
    ...(pick.hedge ? { resultHedge: pick.hedge } : {}),
  };
  if (all.length === 1) return { col: pick.col, about };
  const why: string[] = [];
  if (pick.year !== null && all.some((o) => o.year !== pick.year))
    why.push(pick.year === year ? `đúng năm đánh giá ${year}` : `năm gần nhất (${pick.year})`);
  if (!pick.hedge && all.some((o) => o.hedge && o.year === pick.year))
    why.push("số đã thực hiện, không phải số ước tính hay kế hoạch");
  if (all.some((o) => o.months < pick.months && (o.year === pick.year || o.year === null)))
    why.push(pick.months >= 12 ? "cả năm, kỳ dài nhất" : "kỳ dài nhất");
  const others = all
    .filter((o) => o !== pick)
    .map((o) => `${a1col(o.col)} "${o.text}"`)
    .join(", ");
  const note = `Cột kết quả được chấm: ${a1col(pick.col)} "${pick.text}"${why.length ? ` (${why.join("; ")})` : ""}; không chấm ${others}.`;
  return { col: pick.col, about: { ...about, resultNote: note } };
}

/** the column letters of a 0-based column */
function a1col(c: number): string {
  return a1(0, c).replace(/\d+$/, "");
}
