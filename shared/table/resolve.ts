/**
 * The second pass over a table's rows, once the criteria set is known: group rows name the groups, each other row
 * gets its ID (by name and order), its criterion (by name, else by ID), its warnings and problems.
 */
import { matchGroup, matchWords } from "../criteria/match";
import { a1, clip } from "../text";
import type {
  AnnexColumns,
  AnnexGroup,
  AnnexRow,
  CriteriaSet,
  Criterion,
  GradeWarning,
  Grid,
  Problem,
  ProblemCode,
} from "../types";
import { formatAt } from "./cells";
import type { HeaderRead } from "./header";
import { resolveId, twoPart } from "./ids";
import type { Candidate } from "./types";

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
  const m = set && c.name ? matchWords(c.key, set, c.ids) : null;
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
    unit: cols.unit !== undefined ? (c.unit ?? null) : undefined,
    self: cols.self !== undefined ? (c.self ?? null) : undefined,
    warnings: warnings ?? undefined,
  };
}

/** the groups and rows of a table, and its last row, with the problems found added to `problems` */
export function resolveRows(
  sheet: string,
  grid: Grid,
  header: HeaderRead,
  candidates: readonly Candidate[],
  set: CriteriaSet | null,
  problems: Problem[],
): { groups: AnnexGroup[]; rows: AnnexRow[]; lastRow: number } {
  const cols = header.columns;
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
  return { groups, rows, lastRow };
}
