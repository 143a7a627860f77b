/**
 * Finding a table's header by the meaning of its words (aliases kept as data), with a second row of sub-headers
 * under merged cells, the add-in's own columns, and the year the title rows above it name.
 */
import { words } from "../criteria/match";
import { OWN_HEADER_PREFIX } from "../labels";
import { fold } from "../text";
import type { AnnexColumns, ColumnRole, Grid, RawCell } from "../types";
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
export function findHeader(grid: Grid): HeaderRead | null {
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
