/**
 * The reviewer's check over a whole form: which set's rules apply, each component checked (check.ts) with the
 * figures of its explanation and Part A, the sums of main indices, groups and the total (sums.ts) with their
 * cells, and the recomputed points per main index, group and total.
 */
import { a1, formatNumber, isBlank } from "../text";
import type { CommuneName } from "../types";
import { checkComponent, readSelfScore } from "./check";
import { chooseIndexSet, uncertainText, type IndexSetChoice } from "./form-set";
import type { CommuneForm, FormFigure, FormLine } from "./form-read";
import { CHECK_LABELS, DEFAULT_SETTINGS, REVIEW_LABELS, SETTING_KEYS, describeSettings } from "./labels";
import { pts, roundPoints } from "./points";
import { parseRule } from "./rules";
import { PART_A_FIGURES } from "./sets";
import { bandOf, checkSums } from "./sums";
import type {
  CheckCode,
  ComponentCheck,
  IndexComponent,
  IndexSet,
  IndexSettings,
  PartAFigure,
  Rule,
  SumIssue,
  SumLine,
} from "./types";
import { CHECK_CODES } from "./types";

/** one component of a form, checked */
export interface FormComponentResult extends ComponentCheck {
  /** 0-based row of the component */
  readonly row: number;
  readonly name: string;
  /** its main index */
  readonly index: string | null;
  readonly maxPoints: number | null;
  /** A1 of the self-score cell */
  readonly selfCell: string;
  /** whose rule was used: the form's own words, or the set's */
  readonly ruleFrom: "form" | "set" | "none";
}

/** a main index, a group or the total: the commune's points, the recomputed points, the maximum */
export interface FormTotalLine {
  readonly level: "group" | "index" | "total";
  readonly id: string;
  readonly name: string;
  readonly row: number | null;
  readonly maxPoints: number | null;
  /** what the form writes on the line; null when blank */
  readonly selfStated: number | null;
  /** the sum of the components' self-scores under it (those readable) */
  readonly self: number;
  /** the sum of the points computed by the rules (components needing review count nothing) */
  readonly points: number;
  /** components under it that need a human (no points computed) */
  readonly toReview: number;
  /** points / maximum in percent; null when the maximum is unknown or 0 */
  readonly percent: number | null;
}

/** one form checked */
export interface FormReport {
  readonly name: string;
  readonly commune: CommuneName;
  readonly year: number | null;
  readonly set: { readonly id: string; readonly title: string; readonly nature: IndexSet["nature"] } | null;
  /** why that set (or none), in Vietnamese */
  readonly setReason: string;
  /** the settings applied, one line each, defaults marked (describeSettings) */
  readonly settings: readonly string[];
  readonly partA: readonly FormFigure[];
  readonly components: readonly FormComponentResult[];
  readonly indices: readonly FormTotalLine[];
  readonly groups: readonly FormTotalLine[];
  readonly total: FormTotalLine & {
    /** the band of the recomputed points (and of the self-score), when the set has bands */
    readonly band: string | null;
    readonly selfBand: string | null;
    readonly counts: Readonly<Record<CheckCode, number>>;
  };
  /** the sums that do not add up, with cells */
  readonly sums: readonly SumIssue[];
  /** how the sheet was read when not plain Unicode (a TCVN3 or VNI form), in Vietnamese */
  readonly notes: readonly string[];
}

/** how to check forms */
export interface FormOptions {
  /** sets to choose from (default: the built-in ones) */
  readonly sets?: readonly IndexSet[];
  /** use this set's rules and maxima (the `--set` of the command line) */
  readonly setId?: string;
}

/** rules parsed once per text in a run (600 forms share their rule texts) */
export type RuleCache = Map<string, Rule>;

function ruleOf(text: string, figures: readonly PartAFigure[], cache: RuleCache): Rule {
  let rule = cache.get(text);
  if (!rule) {
    rule = parseRule(text, figures);
    cache.set(text, rule);
  }
  return rule;
}

/**
 * The component to check: the form's own rule when it is understood (unless the set was chosen by the user), the
 * set's otherwise. An uncertain set gives neither rule nor maximum; `maxWithheld` when the form states no maximum.
 */
function componentFor(
  line: FormLine,
  known: IndexComponent | undefined,
  chosen: IndexSetChoice,
  figures: readonly PartAFigure[],
  cache: RuleCache,
): {
  maxPoints: number | null;
  rule: Rule;
  from: FormComponentResult["ruleFrom"];
  note: string;
  maxWithheld: boolean;
} {
  const scored = line.parts.filter((p) => p.maxPoints !== null || !isBlank(p.self));
  const own: Rule | null =
    scored.length > 0
      ? {
          kind: "unknown",
          text: line.ruleText ?? "",
          reason: `chỉ số thành phần chia thành các dòng con ${scored.map((p) => p.id).join(", ")} có điểm riêng, chưa tính tự động`,
        }
      : line.ruleText !== null
        ? ruleOf(line.ruleText, figures, cache)
        : null;
  const trusted = chosen.uncertain ? undefined : known;
  const useSet = trusted !== undefined && (chosen.forced || own === null || own.kind === "unknown");
  const maxPoints =
    chosen.forced && trusted?.maxPoints != null
      ? trusted.maxPoints
      : (line.maxPoints ?? trusted?.maxPoints ?? null);
  const maxWithheld = chosen.uncertain && known?.maxPoints != null && line.maxPoints === null;
  const withheld =
    chosen.set !== null &&
    chosen.uncertain &&
    known !== undefined &&
    (own === null || own.kind === "unknown" || maxWithheld);
  const differs =
    trusted?.maxPoints != null && line.maxPoints !== null && trusted.maxPoints !== line.maxPoints
      ? `điểm tối đa ghi trong biểu mẫu ${pts(line.maxPoints)}, bộ chỉ số ${pts(trusted.maxPoints)}`
      : withheld
        ? uncertainText(chosen.set)
        : "";
  const result = { maxPoints, note: differs, maxWithheld };
  if (useSet) return { ...result, rule: trusted.rule, from: "set" };
  if (own) return { ...result, rule: own, from: "form" };
  return {
    ...result,
    rule: {
      kind: "unknown",
      text: "",
      reason:
        known === undefined
          ? "biểu mẫu không ghi cách tính điểm và bộ chỉ số không có chỉ số này"
          : "biểu mẫu không ghi cách tính điểm",
    },
    from: "none",
  };
}

/** a check whose maximum is not known for sure: "Cần xem xét" unless it already is, or is not scored */
function withoutMaximum(check: ComponentCheck): ComponentCheck {
  if (check.code === "CAN_XEM_XET" || check.code === "KHONG_TINH_DIEM") return check;
  const selfNote = check.self !== null ? ` (tự chấm ${pts(check.self)})` : "";
  return {
    ...check,
    code: "CAN_XEM_XET",
    label: CHECK_LABELS.CAN_XEM_XET,
    review: "MAX_UNKNOWN",
    points: null,
    reason: `${REVIEW_LABELS.MAX_UNKNOWN}: biểu mẫu không ghi điểm tối đa${selfNote}`,
  };
}

function totalLine(
  level: FormTotalLine["level"],
  id: string,
  name: string,
  row: number | null,
  maxPoints: number | null,
  selfStated: number | null,
  parts: readonly { self: number | null; points: number | null }[],
  decimals: number,
): FormTotalLine {
  const self = roundPoints(
    parts.reduce((s, p) => s + (p.self ?? 0), 0),
    decimals,
  );
  const points = roundPoints(
    parts.reduce((s, p) => s + (p.points ?? 0), 0),
    decimals,
  );
  const toReview = parts.filter((p) => p.points === null).length;
  const percent = maxPoints !== null && maxPoints > 0 ? roundPoints((points / maxPoints) * 100, 1) : null;
  return { level, id, name, row, maxPoints, selfStated, self, points, toReview, percent };
}

function selfNumber(raw: FormLine["self"]): number | null {
  const n = readSelfScore(raw);
  return n === null || Number.isNaN(n) ? null : n;
}

/**
 * The reviewer's check of one form read by `readForm`: every component checked, the sums, the recomputed points
 * per main index, group and total, the band.
 * @param cache rule texts already parsed in this run (pass one map to many forms)
 */
export function checkForm(
  sheet: string,
  form: CommuneForm,
  options: FormOptions = {},
  sets: readonly IndexSet[] = [],
  cache: RuleCache = new Map(),
): FormReport {
  const chosen = chooseIndexSet(form, sets, options.setId);
  const set = chosen.set;
  // the set whose maxima and names may fill what the form leaves blank
  const sure = chosen.uncertain ? null : set;
  const settings: IndexSettings = set?.settings ?? DEFAULT_SETTINGS;
  const figures = set?.figures ?? PART_A_FIGURES;
  const decimals = settings.decimals;
  const context = { settings, figures, partA: form.partAValues };
  const selfCol = form.header.columns.self;

  const components: FormComponentResult[] = [];
  for (const line of form.lines) {
    if (line.level !== "component") continue;
    const known = set?.components.find((c) => c.id === line.id);
    const { maxPoints, rule, from, note, maxWithheld } = componentFor(line, known, chosen, figures, cache);
    const checked = checkComponent(
      { id: line.id, maxPoints, rule },
      { explanation: line.explanation, self: line.self },
      context,
    );
    const check = maxWithheld ? withoutMaximum(checked) : checked;
    const notes = [note, ...line.notes].filter((n) => n !== "");
    components.push({
      ...check,
      reason: notes.length > 0 ? `${check.reason}; ${notes.join("; ")}` : check.reason,
      row: line.row,
      name: line.name || (sure ? known?.name : null) || "",
      index: line.parent,
      maxPoints,
      selfCell: a1(line.selfRow, selfCol),
      ruleFrom: from,
    });
  }

  const selfOf = (c: FormComponentResult) => ({
    self: c.self,
    points: c.code === "KHONG_TINH_DIEM" ? 0 : c.points,
  });
  const lineFor = (level: "group" | "index", id: string) =>
    form.lines.find((l) => l.level === level && l.id === id);
  const indexIds = [
    ...new Set([
      ...form.lines.filter((l) => l.level === "index").map((l) => l.id),
      ...components.map((c) => c.index).filter((x): x is string => x !== null),
    ]),
  ];
  const indices = indexIds.map((id) => {
    const l = lineFor("index", id);
    const known = sure?.indices.find((x) => x.id === id);
    const parts = components.filter((c) => c.index === id).map(selfOf);
    const max = l?.maxPoints ?? known?.maxPoints ?? null;
    return totalLine(
      "index",
      id,
      l?.name || known?.name || "",
      l?.row ?? null,
      max,
      l ? selfNumber(l.self) : null,
      parts,
      decimals,
    );
  });
  const indexGroup = (id: string): string | null =>
    lineFor("index", id)?.parent ?? sure?.indices.find((x) => x.id === id)?.group ?? null;
  const groupIds = [...new Set(form.lines.filter((l) => l.level === "group").map((l) => l.id))];
  const groups = groupIds.map((id) => {
    const l = lineFor("group", id);
    const parts = components.filter((c) => c.index !== null && indexGroup(c.index) === id).map(selfOf);
    const max = l?.maxPoints ?? sure?.groups.find((g) => g.id === id)?.maxPoints ?? null;
    return totalLine(
      "group",
      id,
      l?.name ?? "",
      l?.row ?? null,
      max,
      l ? selfNumber(l.self) : null,
      parts,
      decimals,
    );
  });
  const totalRow = form.lines.find((l) => l.level === "total");
  const maxSum =
    indices.every((i) => i.maxPoints !== null) && indices.length > 0
      ? indices.reduce((s, i) => s + i.maxPoints!, 0)
      : null;
  const totalMax = totalRow?.maxPoints ?? sure?.maxPoints ?? maxSum;
  const total = totalLine(
    "total",
    "",
    "Tổng điểm",
    totalRow?.row ?? null,
    totalMax,
    totalRow ? selfNumber(totalRow.self) : null,
    components.map(selfOf),
    decimals,
  );
  const counts = Object.fromEntries(CHECK_CODES.map((k) => [k, 0])) as Record<CheckCode, number>;
  for (const c of components) counts[c.code]++;
  const bands = set?.bands ?? [];

  const notScoredRows = new Set(components.filter((c) => c.code === "KHONG_TINH_DIEM").map((c) => c.row));
  const sumLines: SumLine[] = form.lines
    .filter((l): l is FormLine & { level: "group" | "index" | "component" } => l.level !== "total")
    .map((l) => {
      const notScored = l.level === "component" && notScoredRows.has(l.row);
      // a component worth nothing left blank (`-`) adds 0, not a missing part
      const points = selfNumber(l.self) ?? (notScored ? 0 : null);
      return { level: l.level, id: l.id, parent: l.parent, points, ref: a1(l.selfRow, selfCol) };
    });
  const sums = checkSums(
    sumLines,
    totalRow ? { points: selfNumber(totalRow.self), ref: a1(totalRow.selfRow, selfCol) } : null,
    decimals,
  );

  return {
    name: sheet,
    commune: form.commune,
    year: form.year,
    set: set ? { id: set.id, title: set.title, nature: set.nature } : null,
    setReason: chosen.reason,
    settings: settingsOf(set),
    partA: form.partA,
    components,
    indices,
    groups,
    total: {
      ...total,
      band: bandOf(total.points, total.maxPoints, bands)?.name ?? null,
      selfBand: bandOf(total.selfStated ?? total.self, total.maxPoints, bands)?.name ?? null,
      counts,
    },
    sums,
    notes: form.notes,
  };
}

const settingLines = new WeakMap<IndexSet, readonly string[]>();
let defaultLines: readonly string[] | undefined;

/** the settings applied, one line each, worked out once per set */
function settingsOf(set: IndexSet | null): readonly string[] {
  if (set === null)
    return (defaultLines ??= describeSettings({ settings: DEFAULT_SETTINGS, defaults: SETTING_KEYS }));
  let lines = settingLines.get(set);
  if (!lines) {
    lines = describeSettings(set);
    settingLines.set(set, lines);
  }
  return lines;
}

/** `45,5/130 điểm (35%)` */
export function pointsText(points: number, max: number | null, percent: number | null): string {
  return `${pts(points)}${max !== null ? `/${pts(max)}` : ""} điểm${percent !== null ? ` (${formatNumber(percent, 1)}%)` : ""}`;
}
