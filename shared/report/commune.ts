/**
 * Which commune a sheet speaks for: from its title rows, its sheet name, or its file name, in that order.
 */
import { OWN_HEADER_PREFIX } from "../labels";
import { words } from "../criteria/match";
import { AMBIGUOUS_HEADERS, HEADER_ALIASES, IGNORED_HEADERS } from "../table/header";
import { fold } from "../text";
import type { ColumnRole, CommuneName, CommuneSource, Grid, RawCell, ValueKind } from "../types";
import { readValue } from "../values/read";

/** how the report names each source */
export const COMMUNE_SOURCE_LABELS: Readonly<Record<CommuneSource, string>> = {
  title: "tiêu đề",
  sheet: "tên trang",
  file: "tên tệp",
  column: "tiêu đề cột",
};

/** rows scanned for a title when no table header is found earlier */
export const TITLE_ROWS = 15;

/** the unit words of a commune-level unit, as written mid-sentence */
const UNIT_WORDS = ["thị trấn", "phường", "xã"] as const;

/** a unit word not preceded or followed by a letter (`thị xã` and `cấp xã` are filtered after) */
const UNIT_PATTERN = /(?<!\p{L})(thị trấn|phường|xã)(?!\p{L})/giu;

/** folded words before a unit word that make it something else: `thị xã`, `cấp xã`, `các xã` */
const NOT_BEFORE_UNIT = new Set(["thi", "cap", "cac", "moi", "toan"]);

/** lowercase words that end a name even when capitalised: the next unit up (`Huyện Hoằng Hóa`) */
const NAME_STOP_WORDS = new Set(["huyện", "tỉnh", "quận", "tp", "tx", "ubnd"]);
const NAME_STOP_PAIRS = new Set(["thành phố", "thị xã"]);

/** PDF extraction writes ư as ƣ (U+01B0 vs U+01A3); read them the same */
function normalize(text: string): string {
  return text.normalize("NFC").replace(/ƣ/g, "ư").replace(/Ƣ/g, "Ư");
}

function isAllCaps(word: string): boolean {
  return (
    /\p{L}.*\p{L}/u.test(word) &&
    word === word.toLocaleUpperCase("vi") &&
    word !== word.toLocaleLowerCase("vi")
  );
}

/** `QUẢNG` → `Quảng`; other words as written */
function nameCase(word: string): string {
  if (!isAllCaps(word)) return word;
  const lower = word.toLocaleLowerCase("vi");
  return lower.charAt(0).toLocaleUpperCase("vi") + lower.slice(1);
}

/** the name words after a unit word: capitalised words or a number, up to a stop word or punctuation */
function nameAfter(rest: string): string[] {
  const words: string[] = [];
  // a run of two spaces separates columns pasted from Word or PDF
  const segment = rest.split(/[\r\n]|\s{2,}|[,;:()–—]|\s-\s/)[0] ?? "";
  const tokens = segment.trim().split(/\s+/).filter(Boolean);
  for (let i = 0; i < tokens.length && words.length < 4; i++) {
    const token = tokens[i]!.replace(/[.!?"”']+$/, "");
    const lower = token.toLocaleLowerCase("vi");
    const next = tokens[i + 1] ?? "";
    if (lower === "năm" && /^\d/.test(next)) break;
    if (NAME_STOP_WORDS.has(lower) || NAME_STOP_PAIRS.has(`${lower} ${next.toLocaleLowerCase("vi")}`)) break;
    if (/^\d{1,2}$/.test(token) && words.length === 0) {
      words.push(token);
      break;
    }
    if (!/^\p{Lu}[\p{L}]*$/u.test(token)) break;
    words.push(nameCase(token));
    if (token !== tokens[i]) break;
    // a numbered commune: `XÃ SỐ 5` → `xã Số 5`
    if (words.length === 1 && fold(token) === "so" && /^\d{1,3}$/.test(next.replace(/[.!?"”']+$/, ""))) {
      words.push(next.replace(/[.!?"”']+$/, ""));
      break;
    }
  }
  if (words.length >= 2 && fold(words.slice(0, 3).join(" ")) === "hoi chu nghia") return [];
  if (words.length > 0 && fold(words[0]!) === "hoi" && fold(words[1] ?? "") === "chu") return [];
  return words;
}

/**
 * The first commune named in a piece of text: `xã Hoằng Phụ`, `phường Bắc Sơn`, `thị trấn Bút Sơn`;
 * null when none. The unit word comes back lowercase, the name as written (all-caps names in title case).
 * `thị xã`, `cấp xã` and `XÃ HỘI CHỦ NGHĨA` are not communes.
 * @example communeInText("UBND XÃ QUẢNG NGỌC") === "xã Quảng Ngọc"
 */
export function communeInText(text: string): string | null {
  const t = normalize(text);
  for (const m of t.matchAll(UNIT_PATTERN)) {
    const before = fold(t.slice(0, m.index)).split(" ").pop() ?? "";
    if (NOT_BEFORE_UNIT.has(before)) continue;
    const name = nameAfter(t.slice(m.index + m[0].length));
    if (name.length === 0) continue;
    const unit = UNIT_WORDS.find((u) => fold(u) === fold(m[0])) ?? m[0].toLocaleLowerCase("vi");
    return `${unit} ${name.join(" ")}`;
  }
  return null;
}

function isHeaderCell(raw: RawCell): boolean {
  if (typeof raw !== "string") return false;
  const f = fold(raw).replace(/[.:]/g, "").trim();
  return f === "tt" || f === "stt" || /^(ten chi tieu|ten tieu chi|noi dung|chi tieu)$/.test(f);
}

/** rows above the table's header row (the first row with `TT`/`STT`/`Tên chỉ tiêu`), at most TITLE_ROWS */
export function titleRowCount(grid: Grid): number {
  const limit = Math.min(grid.values.length, TITLE_ROWS);
  for (let r = 0; r < limit; r++) if ((grid.values[r] ?? []).some(isHeaderCell)) return r;
  return limit;
}

/**
 * Words that say nothing about which commune (`Sheet1`, `Phụ lục 2`, `Báo cáo CĐS 2023`): matched as written,
 * or without diacritics when the name has none (`phu-luc`), so `Dấu bằng` keeps its `bằng` (not `bảng`).
 */
const GENERIC_PHRASES = [
  "trang tính",
  "phụ lục",
  "báo cáo",
  "kết quả",
  "tổng hợp",
  "chuyển đổi số",
  "tiêu chí",
  "chỉ tiêu",
  "bản sao",
  "dữ liệu",
  "sheet",
  "trang",
  "bảng",
  "table",
  "pl",
  "biểu",
  "mẫu",
  "bc",
  "kq",
  "th",
  "cđs",
  "copy",
  "final",
  "data",
  "book",
  "năm",
].map((phrase) => phrase.split(" "));

function isGeneric(token: string, word: string): boolean {
  const lower = token.toLocaleLowerCase("vi");
  return lower === word || (fold(token) === lower && lower === fold(word));
}

/** splits `Sheet1`, `PL01` into word and number so both are checked */
function splitToken(token: string): string[] {
  const m = /^(\p{L}+)(\d+)$/u.exec(token);
  return m ? [m[1]!, m[2]!] : [token];
}

/**
 * A sheet or file name without generic words, numbers and years; empty when nothing specific is left.
 * @example specificName("PL2_Hoằng Phụ_2023") === "Hoằng Phụ"
 */
export function specificName(name: string): string {
  const tokens = normalize(name)
    .split(/[\s_\-.,()[\]]+/)
    .filter(Boolean)
    .flatMap(splitToken);
  const keep = tokens.map(() => true);
  const folded = tokens.map((t) => fold(t));
  for (const phrase of GENERIC_PHRASES)
    for (let i = 0; i + phrase.length <= tokens.length; i++)
      if (phrase.every((w, k) => isGeneric(tokens[i + k]!, w)))
        for (let k = 0; k < phrase.length; k++) keep[i + k] = false;
  for (let i = 0; i < tokens.length; i++) if (/^\d+$/.test(tokens[i]!)) keep[i] = false;
  // a number right after a unit word is the name (`phường 3`)
  for (let i = 1; i < tokens.length; i++)
    if (/^\d{1,2}$/.test(tokens[i]!) && ["xa", "phuong", "tran"].includes(folded[i - 1]!)) keep[i] = true;
  const words = tokens.filter((_, i) => keep[i]);
  if (words.length === 0) return "";
  return words.join(" ");
}

/** a specific sheet/file name: `Xã Hoằng Phụ` → `xã Hoằng Phụ`, `Hoằng Phụ` as is; null when generic */
function communeFromName(name: string): string | null {
  const specific = specificName(name);
  if (specific === "") return null;
  return communeInText(specific) ?? specific;
}

/**
 * Names the commune of one sheet: the title rows above the table (`Trên địa bàn xã Quảng Ngọc năm 2023`,
 * `UBND xã Quảng Ngọc`), else the sheet name unless generic (`Sheet1`, `Trang tính1`, `Phụ lục`, `PL`),
 * else the file name without extension and generic words. When all three fail the sheet name is used as is.
 * @example detectCommune("Sheet1", grid, "PL_Hoằng Phụ.xlsx") // { commune: "Hoằng Phụ", source: "file" }
 */
export function detectCommune(sheetName: string, grid: Grid, fileName?: string): CommuneName {
  const rows = titleRowCount(grid);
  for (let r = 0; r < rows; r++)
    for (const raw of grid.values[r] ?? []) {
      if (typeof raw !== "string") continue;
      const found = communeInText(raw);
      if (found) return { commune: found, source: "title" };
    }
  const fromSheet = communeFromName(sheetName);
  if (fromSheet) return { commune: fromSheet, source: "sheet" };
  if (fileName !== undefined) {
    const base = fileName.replace(/^.*[\\/]/, "").replace(/\.[A-Za-z0-9]{1,5}$/, "");
    const fromFile = communeFromName(base);
    if (fromFile) return { commune: fromFile, source: "file" };
  }
  return { commune: sheetName.trim(), source: "sheet" };
}

// ---------------------------------------------------------------------------------------------
// one sheet, a column of results per commune: `TT | Tên chỉ tiêu | Chỉ tiêu | Xã A | Xã B | …`

/** one commune's column turned into a sheet of its own, ready for `gradeWorkbook` */
export interface CommuneColumn extends CommuneName {
  /** 0-based column of its results in the real sheet */
  readonly col: number;
  /** name of the virtual sheet: `Tổng hợp – xã A` */
  readonly sheet: string;
  /**
   * the real grid with every other commune's column emptied and this column's header read `Kết quả thực
   * hiện`: rows and columns keep their places, so grades point at the real cells
   */
  readonly grid: Grid;
}

export interface CommuneColumns {
  /** 0-based first header row */
  readonly headerRow: number;
  /** 1, or 2 when commune names sit under a merged `Kết quả thực hiện` */
  readonly headerRows: number;
  readonly communes: readonly CommuneColumn[];
}

export interface CommuneColumnOptions {
  /** fewest commune columns for the shape to count (default 2: one column is an ordinary annex) */
  readonly minCommunes?: number;
}

/** the columns that come before the results: commune columns found by their values lie right of them */
const LEFT_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>(["id", "name", "explain", "unit", "target"]);

/** the header word that makes a column a result column in the virtual sheets */
export const RESULT_HEADER = "Kết quả thực hiện";

/** values a result cell holds; prose and errors are not evidence that a column holds results */
const RESULT_KINDS: ReadonlySet<ValueKind> = new Set<ValueKind>([
  "percent",
  "lowerBound",
  "fraction",
  "count",
  "yes",
  "no",
  "underWay",
  "notEvaluated",
]);

const ALIASES: readonly { key: string; role: ColumnRole | null; ambiguous: boolean }[] = [
  ...(Object.entries(HEADER_ALIASES) as [ColumnRole, readonly string[]][]).flatMap(([role, list]) =>
    list.map((alias) => ({ key: words(alias), role, ambiguous: false })),
  ),
  ...AMBIGUOUS_HEADERS.map((a) => ({ key: words(a.alias), role: a.role, ambiguous: true })),
  ...IGNORED_HEADERS.map((alias) => ({ key: words(alias), role: null, ambiguous: false })),
].sort((a, b) => b.key.length - a.key.length);

/** the header role of a cell as the table reader sees it; undefined for no alias, null for an ignored header */
function roleOf(raw: RawCell): { role: ColumnRole | null; ambiguous: boolean } | undefined {
  if (typeof raw !== "string" || raw.length > 160) return undefined;
  const text = words(raw.replace(/\([^)]*\)/g, " "));
  return ALIASES.find((a) => text.includes(a.key));
}

function headerText(raw: RawCell): string {
  return typeof raw === "string" ? raw.trim() : typeof raw === "number" ? String(raw) : "";
}

/** a header that names a period rather than a commune: `2023`, `Năm 2023`, `6 tháng` */
function isPeriod(text: string): boolean {
  const f = fold(text);
  return /^\d+$/.test(f) || /^(nam|quy|thang|6 thang|ky)\b/.test(f);
}

/** most of the column's filled cells below the header read as results */
function holdsResults(grid: Grid, col: number, firstRow: number): boolean {
  let filled = 0;
  let results = 0;
  for (let r = firstRow; r < grid.values.length; r++) {
    const raw = grid.values[r]?.[col];
    if (raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "")) continue;
    filled++;
    const format = grid.formats?.[r]?.[col];
    if (RESULT_KINDS.has(readValue(raw, format ?? undefined).kind)) results++;
  }
  return filled > 0 && results * 2 >= filled;
}

/**
 * Reads the shape "criteria down, communes across": a header with an ID or name column and two or more
 * commune columns (headers naming a xã/phường/thị trấn, or other headers right of the known columns whose
 * cells mostly hold results). The commune names may also sit one row under a merged `Kết quả thực hiện`.
 * Returns one virtual grid per commune for the normal grading path; null for any other shape (an ordinary
 * annex with a result column, or fewer than `minCommunes` commune columns).
 */
export function columnsPerCommune(
  sheet: string,
  grid: Grid,
  options: CommuneColumnOptions = {},
): CommuneColumns | null {
  const minCommunes = options.minCommunes ?? 2;
  const limit = Math.min(grid.values.length, 30);
  for (let r = 0; r < limit; r++) {
    const line = grid.values[r] ?? [];
    const roles = line.map(roleOf);
    const hasName = roles.some((h) => h?.role === "name" && !h.ambiguous);
    const hasId = roles.some((h) => h?.role === "id");
    if (!hasName && !hasId) continue;
    if (!hasName && !roles.some((h) => h?.ambiguous)) continue;
    const resultCols = roles.flatMap((h, c) => (h?.role === "result" ? [c] : []));
    // commune names in this row, or one row down under a merged result header
    const sub = resultCols.length > 0 ? r + 1 : r;
    const subLine = grid.values[sub] ?? [];
    const known = roles.flatMap((h, c) => (h?.role && LEFT_ROLES.has(h.role) ? [c] : []));
    const rightOfKnown = known.length > 0 ? Math.max(...known) : -1;
    // a sub-header row has no ID or name of its own (else it is the first data row of an ordinary annex)
    const keyCols = roles.flatMap((h, c) =>
      h?.role === "id" || (h?.role === "name" && !h.ambiguous) ? [c] : [],
    );
    if (sub !== r && keyCols.some((c) => headerText(subLine[c]) !== "")) return null;
    const firstData = sub + 1;
    const communes: { col: number; commune: string }[] = [];
    const width = Math.max(line.length, subLine.length);
    for (let c = 0; c < width; c++) {
      if (sub === r && roles[c] !== undefined) continue;
      // under a merged result header: from its first column up to the next header of the row
      if (sub !== r && (c < resultCols[0]! || (roles[c] !== undefined && !resultCols.includes(c)))) continue;
      const text = headerText(subLine[c]);
      if (text === "" || text.startsWith(OWN_HEADER_PREFIX) || isPeriod(text)) continue;
      if (sub !== r && roleOf(subLine[c]) !== undefined) continue;
      const named = communeInText(text);
      if (named) communes.push({ col: c, commune: named });
      // a name reads as prose; `Có`, `65%` or `Đạt` is a value, not a commune
      else if (readValue(text).kind === "text" && c > rightOfKnown && holdsResults(grid, c, firstData))
        communes.push({ col: c, commune: text });
    }
    if (communes.length < minCommunes) {
      if (resultCols.length > 0 || communes.length > 0) return null;
      continue;
    }
    const communeCols = new Set(communes.map((x) => x.col));
    const headerRows = sub - r + 1;
    return {
      headerRow: r,
      headerRows,
      communes: communes.map(({ col, commune }): CommuneColumn => {
        const values = grid.values.map((row, rr) => {
          if (rr < r) return row;
          const copy = row.slice();
          for (const c of communeCols) if (c !== col && c < copy.length) copy[c] = null;
          for (const c of resultCols) if (c !== col && c < copy.length) copy[c] = null;
          if (rr === r) {
            while (copy.length <= col) copy.push(null);
            copy[col] = RESULT_HEADER;
          } else if (rr === sub) copy[col] = null;
          return copy;
        });
        return {
          commune,
          source: "column",
          col,
          sheet: `${sheet} – ${commune}`,
          grid: grid.formats ? { values, formats: grid.formats } : { values },
        };
      }),
    };
  }
  return null;
}
