/**
 * The reviewing office's view: communes ranked side by side, a criteria × communes matrix of statuses,
 * and the criteria where a commune's own verdict disagrees with ours.
 */
import { STATUS_LABELS, STATUS_RULES } from "../labels";
import { clip, formatPercent } from "../text";
import type {
  CommuneName,
  CriteriaSet,
  GradedRow,
  PlanCell,
  RollupCriterion,
  RollupEntry,
  SheetReport,
  StatusCode,
  WorkbookReport,
} from "../types";
import { COMMUNE_SOURCE_LABELS } from "./commune";
import { COMPLETE_LABEL, INCOMPLETE_LABEL, SummaryBuilder, type SummarySection } from "./plan";

function shareOf(met: number, evaluated: number): number | null {
  return evaluated > 0 ? (met / evaluated) * 100 : null;
}

function criterionOf(row: GradedRow, message?: string): RollupCriterion {
  return {
    id: row.criterionId ?? row.id,
    name: row.name,
    status: row.status,
    ...(message !== undefined ? { message } : {}),
  };
}

/** share of the required criteria met, highest first (none evaluated last), then total met */
function compareEntries(a: RollupEntry, b: RollupEntry): number {
  const sa = a.shareRequired ?? -1;
  const sb = b.shareRequired ?? -1;
  if (sa !== sb) return sb - sa;
  return b.met - a.met;
}

/**
 * One ranking entry per graded sheet, best first. Order: share of the required criteria met (met / (evaluated +
 * absent): a criterion the set evaluates that the commune left out counts as not met) descending, then total
 * met descending; entries equal on both share a rank (standard competition ranking: 1, 2, 2, 4) and keep
 * their input order. A sheet with nothing evaluated has share null and comes last.
 * @param communes the commune of each report, same order and length as `reports`
 */
export function rollup(reports: readonly SheetReport[], communes: readonly CommuneName[]): RollupEntry[] {
  if (communes.length !== reports.length)
    throw new RangeError(`rollup: ${reports.length} trang nhưng ${communes.length} tên xã`);
  const entries = reports.map((report, i): RollupEntry => {
    const total = report.summary.total;
    const disputes: RollupCriterion[] = [];
    for (const row of report.rows) {
      const warning = row.warnings.find((w) => w.code === "SELF_ASSESSMENT_DIFFERS");
      if (warning) disputes.push(criterionOf(row, warning.message));
    }
    return {
      commune: communes[i]!.commune,
      source: communes[i]!.source,
      sheet: report.name,
      groups: report.summary.groups.map((g) => ({
        id: g.id,
        name: g.name,
        met: g.met,
        evaluated: g.evaluated,
      })),
      met: total.met,
      evaluated: total.evaluated,
      share: shareOf(total.met, total.evaluated),
      shareRequired: shareOf(total.met, total.evaluated + report.summary.absent.length),
      absent: report.summary.absent.map((c) => ({ id: c.id, name: c.name })),
      completenessChecked: report.summary.completenessChecked,
      ...(report.parts ? { sheets: report.parts } : {}),
      notMet: total.notMet,
      underWay: total.underWay,
      toReview: total.toReview,
      complete: report.summary.complete,
      rank: 0,
      unmet: report.summary.unmet.map((row) => criterionOf(row)),
      disputes,
    };
  });
  const order = entries.map((_, i) => i).sort((a, b) => compareEntries(entries[a]!, entries[b]!) || a - b);
  const ranked: RollupEntry[] = [];
  order.forEach((index, position) => {
    const entry = entries[index]!;
    const previous = ranked[position - 1];
    const rank = previous && compareEntries(previous, entry) === 0 ? previous.rank : position + 1;
    ranked.push({ ...entry, rank });
  });
  return ranked;
}

/** one criterion line of the matrix: a status per commune, null where the commune's sheet has no such row */
export interface MatrixRow {
  readonly id: string;
  readonly name: string;
  readonly statuses: readonly (StatusCode | null)[];
}

export interface RollupMatrix {
  /** the communes in ranking order */
  readonly communes: readonly string[];
  /** their ranks, in the same order */
  readonly ranks: readonly number[];
  readonly rows: readonly MatrixRow[];
}

/** the key of a graded row in the matrix: its criterion when matched, else its own ID */
function keyOf(row: GradedRow): string {
  return row.criterionId ?? row.id;
}

/**
 * Criteria down, communes across (in ranking order), a status in each cell. Criteria come in the order of
 * the criteria set the sheets were graded with (when `sets` holds it), then any other IDs in the order the
 * sheets first show them. A commune with two rows for one criterion shows the first.
 */
export function rollupMatrix(
  reports: readonly SheetReport[],
  entries: readonly RollupEntry[],
  sets: readonly CriteriaSet[] = [],
): RollupMatrix {
  const bySheet = new Map(reports.map((r) => [r.name, r]));
  // each commune's statuses by criterion, its first row for a criterion winning
  const columns = entries.map((e) => {
    const statuses = new Map<string, StatusCode>();
    for (const row of bySheet.get(e.sheet)?.rows ?? []) {
      const key = keyOf(row);
      if (!statuses.has(key)) statuses.set(key, row.status);
    }
    return statuses;
  });
  const names = new Map<string, string>();
  for (const report of reports) {
    const set = report.criteriaSet ? sets.find((s) => s.id === report.criteriaSet!.id) : undefined;
    for (const c of set?.criteria ?? []) if (!names.has(c.id)) names.set(c.id, c.name);
  }
  const fromSet = new Set(names.keys());
  const used = new Set<string>();
  for (const report of reports)
    for (const row of report.rows) {
      const key = keyOf(row);
      used.add(key);
      if (!names.has(key)) names.set(key, row.name);
    }
  const rows: MatrixRow[] = [];
  for (const [id, name] of names) {
    if (fromSet.has(id) && !used.has(id)) continue;
    rows.push({
      id,
      name,
      statuses: columns.map((statuses) => statuses.get(id) ?? null),
    });
  }
  return { communes: entries.map((e) => e.commune), ranks: entries.map((e) => e.rank), rows };
}

// ---------------------------------------------------------------------------------------------
// sections of the summary sheet "Tổng hợp CĐS"

/** a matrix cell where the commune's sheet has no row for the criterion */
export const NO_ROW_LABEL = "Không có dòng";
/** the label of the matrix row that names the criteria above their IDs */
export const MATRIX_NAMES_LABEL = "Tên chỉ tiêu";

/** the sheet of an entry, or its sheets joined (`Xã A + Xã A (tiếp)`) for an annex split over sheets */
export function sheetsOf(e: Pick<RollupEntry, "sheet" | "sheets">): string {
  return e.sheets ? e.sheets.join(" + ") : e.sheet;
}

/** what the ranking says about absent criteria: their count and IDs, or why they were not looked for */
export function absentText(e: Pick<RollupEntry, "absent" | "completenessChecked">): string {
  if (!e.completenessChecked) return "không kiểm tra (không dùng bộ tiêu chí)";
  if (e.absent.length === 0) return "không thiếu";
  return `${e.absent.length}: ${e.absent.map((c) => c.id).join(", ")}`;
}

/** `9/11` */
function metOfEvaluated(met: number, evaluated: number): string {
  return `${met}/${evaluated}`;
}

/** the groups of all entries, in first-seen order */
function groupsOf(entries: readonly RollupEntry[]): { id: string; name: string }[] {
  const seen = new Map<string, { id: string; name: string }>();
  for (const e of entries)
    for (const g of e.groups) if (!seen.has(`${g.id}\u0000${g.name}`)) seen.set(`${g.id}\u0000${g.name}`, g);
  return [...seen.values()];
}

/** `1.6 Tỷ lệ hồ sơ TTHC…; 2.4 Thanh toán…` */
export function criteriaList(items: readonly RollupCriterion[], nameLength = 50): string {
  return items.map((c) => `${c.id} ${clip(c.name, nameLength)}`).join("; ");
}

/** the ranking's column of absent criteria (the share met counts them as not met) */
export const ABSENT_HEADER = "Tiêu chí thiếu (tính là chưa đạt)";

// sub-sections of "1. KẾT QUẢ THEO TRANG", which they follow
export const RANKING_TITLE = "1.1. XẾP HẠNG CÁC XÃ";
export const MATRIX_TITLE = "1.2. MA TRẬN TRẠNG THÁI: CHỈ TIÊU × XÃ";
export const DISPUTES_TITLE = "1.3. CHỈ TIÊU XÃ TỰ ĐÁNH GIÁ KHÁC KẾT QUẢ CHẤM";
export const SHARE_CHART_TITLE = "Tỷ lệ chỉ tiêu đạt của các xã (%)";

/** the ranking in short, as texts: what the command line prints and the task pane and sidebar show */
export interface RankingTable {
  readonly header: readonly string[];
  /** best first */
  readonly rows: readonly (readonly string[])[];
  /** columns of figures (rank, met/evaluated, share), aligned right wherever the table is shown */
  readonly numeric: readonly number[];
}

/**
 * The communes ranked, one row of texts each (rank, commune, sheet, met/evaluated, share met, verdict); for
 * showing beside the summary sheet, which holds the full ranking table.
 */
export function rankingTable(entries: readonly RollupEntry[]): RankingTable {
  return {
    header: ["Hạng", "Xã/phường", "Trang tính", "Đạt/Đánh giá", "Tỷ lệ", "Kết luận"],
    rows: [...entries]
      .sort((a, b) => a.rank - b.rank)
      .map((e) => [
        String(e.rank),
        e.commune,
        sheetsOf(e),
        metOfEvaluated(e.met, e.evaluated) + (e.absent.length > 0 ? `, thiếu ${e.absent.length}` : ""),
        e.shareRequired === null ? "—" : formatPercent(e.shareRequired),
        e.complete ? COMPLETE_LABEL : INCOMPLETE_LABEL,
      ]),
    numeric: [0, 3, 4],
  };
}

/** `1.6; 3.1; 3.6`: the criteria's codes only (their names are in the matrix and in section 3) */
export function criteriaCodes(items: readonly RollupCriterion[]): string {
  return items.map((c) => c.id).join("; ");
}

/** the ranking table: rank, commune, met/evaluated per group, totals, share, verdict, unmet criteria */
export function rankingSection(entries: readonly RollupEntry[]): SummarySection {
  return (b: SummaryBuilder) => {
    if (entries.length === 0) return;
    const groups = groupsOf(entries);
    b.blank();
    b.header([RANKING_TITLE]);
    const header = [
      "Hạng",
      "Xã, phường, thị trấn",
      "Tên lấy từ",
      "Trang",
      ...groups.map((g) => `${g.name} (đạt/đánh giá)`),
      "Tổng đạt",
      "Đã đánh giá",
      "Tỷ lệ đạt",
      "Đang thực hiện",
      "Cần xem xét",
      "Kết luận",
      "Chỉ tiêu chưa đạt",
      ABSENT_HEADER,
    ];
    const body = entries.map((e) => {
      const perGroup = groups.map((g) => {
        const found = e.groups.find((x) => x.id === g.id && x.name === g.name);
        return found ? metOfEvaluated(found.met, found.evaluated) : null;
      });
      return [
        e.rank,
        e.commune,
        COMMUNE_SOURCE_LABELS[e.source],
        sheetsOf(e),
        ...perGroup,
        e.met,
        e.evaluated,
        e.shareRequired === null ? "không có chỉ tiêu đánh giá" : Math.round(e.shareRequired * 100) / 10000,
        e.underWay,
        e.toReview,
        e.complete ? COMPLETE_LABEL : INCOMPLETE_LABEL,
        e.unmet.length > 0 ? criteriaCodes(e.unmet) : "không có",
        absentText(e),
      ];
    });
    b.table([header], body, {
      percentColumns: [header.indexOf("Tỷ lệ đạt")],
      verdictColumns: [header.indexOf("Kết luận")],
    });
  };
}

/** a data table (rank, commune, share met in percent, one decimal) and a column chart over commune and share */
export function shareChartSection(entries: readonly RollupEntry[]): SummarySection {
  return (b: SummaryBuilder) => {
    if (entries.length === 0) return;
    b.blank();
    const { header } = b.table(
      [["Hạng", "Xã, phường, thị trấn", "Tỷ lệ đạt (%)"]],
      entries.map((e) => [
        e.rank,
        e.commune,
        e.shareRequired === null ? 0 : Math.round(e.shareRequired * 10) / 10,
      ]),
    );
    b.chart({
      title: SHARE_CHART_TITLE,
      kind: "column",
      data: { row: header, col: 1, rows: entries.length + 1, cols: 2 },
    });
  };
}

/** a criterion's name over its column of the matrix */
const MATRIX_NAME_CHARS = 60;

/** the label of a matrix cell */
function matrixLabel(status: StatusCode | null | undefined): PlanCell {
  return status === null || status === undefined ? NO_ROW_LABEL : STATUS_LABELS[status];
}

/**
 * The criteria × communes matrix of status labels, coloured by the same rules as the status columns, laid out
 * with its longer side down so that the summary sheet stays narrow (every row of the sheet is as wide as its
 * widest section):
 * - criteria down, communes across (`Mã | Tên chỉ tiêu | xã A | xã B …`, communes in ranking order) when there
 *   are no more communes than criteria: a district's roll-up;
 * - communes down in ranking order, criteria across when there are more communes: a header row of criterion
 *   names over the header `Hạng | Xã, phường, thị trấn | 1.1 | 1.2 …` (600 communes across would make a sheet
 *   600 columns wide, about 8 million cells with the lists below it, near Google Sheets' 10 million cell limit).
 * Either way column A holds a short key and column B a name, as in the other tables of the sheet.
 */
export function matrixSection(matrix: RollupMatrix): SummarySection {
  return (b: SummaryBuilder) => {
    const communes = matrix.communes.length;
    const criteria = matrix.rows.length;
    if (communes === 0 || criteria === 0) return;
    b.blank();
    b.header([MATRIX_TITLE]);
    if (communes <= criteria) {
      const { first } = b.table(
        [["Mã", "Tên chỉ tiêu", ...matrix.communes]],
        matrix.rows.map((row) => [row.id, row.name, ...row.statuses.map(matrixLabel)]),
      );
      b.format({ area: { row: first, col: 2, rows: criteria, cols: communes }, rules: STATUS_RULES });
      return;
    }
    const { first } = b.table(
      [
        [null, MATRIX_NAMES_LABEL, ...matrix.rows.map((r) => clip(r.name, MATRIX_NAME_CHARS))],
        ["Hạng", "Xã, phường, thị trấn", ...matrix.rows.map((r) => r.id)],
      ],
      matrix.communes.map((commune, i) => [
        matrix.ranks[i] ?? null,
        commune,
        ...matrix.rows.map((r) => matrixLabel(r.statuses[i])),
      ]),
    );
    b.format({ area: { row: first, col: 2, rows: communes, cols: criteria }, rules: STATUS_RULES });
  };
}

export const DISPUTE_HEADERS = [
  "Mã",
  "Tên chỉ tiêu",
  "Xã, phường, thị trấn",
  "Kết quả chấm",
  "Chi tiết",
] as const;

/** every criterion where a commune's self-assessment disagrees with our grade */
export function disputesSection(entries: readonly RollupEntry[]): SummarySection {
  return (b: SummaryBuilder) => {
    if (entries.length === 0) return;
    b.blank();
    b.header([DISPUTES_TITLE]);
    const disputes = entries.flatMap((e) => e.disputes.map((d) => ({ commune: e.commune, d })));
    if (disputes.length === 0) {
      b.row(["Không có xã nào tự đánh giá khác kết quả chấm."]);
      return;
    }
    b.table(
      [DISPUTE_HEADERS],
      disputes.map(({ commune, d }) => [d.id, d.name, commune, STATUS_LABELS[d.status], d.message ?? null]),
      { statusColumns: [DISPUTE_HEADERS.indexOf("Kết quả chấm")] },
    );
  };
}

/**
 * The roll-up sections of the summary sheet, top to bottom: ranking, share chart, matrix, disputes.
 * Empty when the report has no `rollup`.
 */
export function rollupSections(report: WorkbookReport, sets: readonly CriteriaSet[] = []): SummarySection[] {
  const entries = report.rollup ?? [];
  if (entries.length === 0) return [];
  return [
    rankingSection(entries),
    shareChartSection(entries),
    matrixSection(rollupMatrix(report.sheets, entries, sets)),
    disputesSection(entries),
  ];
}

// ---------------------------------------------------------------------------------------------
// a workbook as the reviewing office grades it: the "Bộ tiêu chí" sheet, column-per-commune sheets,
// commune names and the ranking (called by gradeWorkbook)
