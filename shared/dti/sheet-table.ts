/**
 * The index table of a "Bộ chỉ số" sheet read row by row: groups (I, II), main indices (1, 2), components (1.1)
 * with a rule and evidence spread over sub-rows, repeated headers and letter rows skipped, each row checked by
 * zod, where each item came from kept so the set schema's issues land on cells.
 */
import * as z from "zod/mini";
import type { RawCell } from "../types";
import {
  LETTER_ROW,
  REQUIRED_COLUMNS,
  ROMAN,
  componentId,
  isBlank,
  pointsOf,
  problem,
  sheetProblem,
  sttLevel,
  tableColumns,
  textOf,
  type Column,
  type IndexSheetProblem,
} from "./sheet-cells";

type Level = "group" | "index" | "component";

/** where each set item came from, to place the set schema's issues on cells */
export interface Origin {
  readonly row: number;
  readonly cols: Partial<Record<string, number>>;
}

/** the items of the index table as JSON for the set schema, with their origins */
export interface IndexTable {
  readonly groups: { id: string; name: string; maxPoints: number | null }[];
  readonly indices: { id: string; group: string | null; name: string; maxPoints: number | null }[];
  readonly components: {
    id: string;
    index: string;
    name: string | null;
    maxPoints: number | null;
    ruleText: string | null;
    evidence?: string;
    note?: string;
  }[];
  readonly origins: Record<"groups" | "indices" | "components", Origin[]>;
}

/**
 * Reads the index table under its header (`tableHeader`, the header's last row `tableLast`, -1 when none was
 * found); problems are added to `problems`.
 */
export function readIndexTable(
  sheetName: string,
  values: readonly (readonly RawCell[])[],
  tableHeader: number,
  tableLast: number,
  columns: Partial<Record<Column, number>>,
  problems: IndexSheetProblem[],
): IndexTable {
  const line = (r: number): readonly RawCell[] => values[r] ?? [];
  const groups: { id: string; name: string; maxPoints: number | null }[] = [];
  const indices: { id: string; group: string | null; name: string; maxPoints: number | null }[] = [];
  const components: {
    id: string;
    index: string;
    name: string | null;
    maxPoints: number | null;
    ruleText: string | null;
    evidence?: string;
    note?: string;
  }[] = [];
  const origins: Record<"groups" | "indices" | "components", Origin[]> = {
    groups: [],
    indices: [],
    components: [],
  };
  const ruleParts: string[][] = [];
  const evidenceParts: string[][] = [];
  if (tableHeader < 0)
    problems.push(
      sheetProblem(
        sheetName,
        'không thấy bảng chỉ số (dòng tiêu đề có "STT", "Chỉ số/Chỉ số thành phần", "Điểm tối đa", "Cách xác định và tính điểm")',
      ),
    );
  else {
    const cell = (row: readonly RawCell[], k: Column): RawCell =>
      columns[k] === undefined ? null : row[columns[k]];
    const col = (k: Column): number => columns[k] ?? 0;
    let group: string | null = null;
    let index: string | null = null;
    let current = -1;
    for (let r = tableLast + 1; r < values.length; r++) {
      const row = line(r);
      const filled = REQUIRED_COLUMNS.filter((k) => !isBlank(cell(row, k)));
      if (filled.length === 0 && isBlank(cell(row, "evidence")) && isBlank(cell(row, "note"))) continue;
      const texts = row.filter((c) => !isBlank(c)).map(textOf);
      if (texts.length >= 3 && texts.every((t) => LETTER_ROW.test(t))) continue;
      if (tableColumns(row, line(r + 1))) {
        if (tableColumns(row, line(r + 1))!.twoRows) r++;
        continue;
      }
      const sttRaw = cell(row, "stt");
      const stt = textOf(sttRaw).replace(/\.$/, "").replace(/,/g, ".");
      if (stt === "") {
        const ruleRaw = cell(row, "rule");
        if (isBlank(cell(row, "name")) && isBlank(cell(row, "maxPoints")) && current >= 0) {
          if (!isBlank(ruleRaw)) ruleParts[current]!.push(textOf(ruleRaw));
          if (!isBlank(cell(row, "evidence"))) evidenceParts[current]!.push(textOf(cell(row, "evidence")));
          continue;
        }
        const [first] = filled;
        problems.push(
          problem(
            sheetName,
            r,
            col("stt"),
            sttRaw,
            `dòng ${r + 1}`,
            current < 0 && first === "rule"
              ? "cách tính điểm không thuộc chỉ số thành phần nào"
              : "thiếu STT (I, II… cho nhóm; 1, 2… cho chỉ số; 1.1, 1.2… cho chỉ số thành phần)",
          ),
        );
        continue;
      }
      if (/^[A-H]$/.test(stt) && !ROMAN.test(stt)) continue; // a part's heading: "A. Thông tin chung"
      const level: Level | null = sttLevel(stt);
      const about = `STT ${stt}`;
      if (level === null) {
        problems.push(
          problem(
            sheetName,
            r,
            col("stt"),
            sttRaw,
            "",
            /^\d+(\.\d+){2,}$/.test(stt)
              ? "bộ chỉ số chỉ có nhóm, chỉ số và chỉ số thành phần (1.1); chưa hỗ trợ cấp 1.1.1"
              : "STT phải là I, II… (nhóm), 1, 2… (chỉ số) hoặc 1.1, 1.2… (chỉ số thành phần)",
          ),
        );
        current = -1;
        continue;
      }
      const name = textOf(cell(row, "name"));
      const max = pointsOf(cell(row, "maxPoints"));
      const rowSchema = level === "component" ? rowSchemasOf().component : rowSchemasOf().head;
      const parsed = rowSchema.safeParse({
        name,
        maxPoints: max,
        rule: level === "component" ? "" : textOf(cell(row, "rule")),
      });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const k = issue.path[0] as "name" | "maxPoints" | "rule";
          problems.push(problem(sheetName, r, col(k), cell(row, k), about, issue.message));
        }
        current = -1;
        if (level !== "component") {
          if (level === "group") group = stt;
          else index = stt;
        }
        continue;
      }
      const maxPoints = typeof max === "number" ? max : null;
      const cols = { id: col("stt"), name: col("name"), maxPoints: col("maxPoints"), ruleText: col("rule") };
      if (level === "group") {
        group = stt;
        index = null;
        current = -1;
        groups.push({ id: stt, name, maxPoints });
        origins.groups.push({ row: r, cols });
      } else if (level === "index") {
        index = stt;
        current = -1;
        indices.push({ id: stt, group, name, maxPoints });
        origins.indices.push({ row: r, cols: { ...cols, group: col("stt") } });
      } else {
        if (index === null) {
          problems.push(
            problem(
              sheetName,
              r,
              col("stt"),
              sttRaw,
              about,
              "chỉ số thành phần không nằm dưới dòng chỉ số nào (1, 2…)",
            ),
          );
          current = -1;
          continue;
        }
        const id = componentId(stt, sttRaw, index, components);
        components.push({ id, index, name: name === "" ? null : name, maxPoints, ruleText: null });
        origins.components.push({
          row: r,
          cols: { ...cols, index: col("stt"), evidence: col("evidence"), note: col("note") },
        });
        current = components.length - 1;
        ruleParts[current] = isBlank(cell(row, "rule")) ? [] : [textOf(cell(row, "rule"))];
        evidenceParts[current] = isBlank(cell(row, "evidence")) ? [] : [textOf(cell(row, "evidence"))];
        const note = textOf(cell(row, "note"));
        if (note) components[current]!.note = note;
      }
    }
    components.forEach((c, i) => {
      c.ruleText = ruleParts[i]!.length > 0 ? ruleParts[i]!.join("\n") : null;
      if (evidenceParts[i]!.length > 0) c.evidence = evidenceParts[i]!.join("\n");
    });
    if (components.length === 0 && problems.length === 0)
      problems.push(sheetProblem(sheetName, "bảng chỉ số không có chỉ số thành phần nào (STT 1.1, 1.2…)"));
    if (indices.length === 0 && components.length > 0 && problems.length === 0)
      problems.push(sheetProblem(sheetName, "bảng chỉ số không có dòng chỉ số nào (STT 1, 2…)"));
  }
  return { groups, indices, components, origins };
}

/** the checks of a group or main-index row, and of a component row; messages say what, the caller adds where */
function buildRowSchemas() {
  const maxPoints = z.union([z.number().check(z.minimum(0, "điểm tối đa không được âm")), z.null()], {
    error: "điểm tối đa không phải là số",
  });
  return {
    head: z.object({
      name: z.string().check(z.minLength(1, "thiếu tên")),
      maxPoints,
      rule: z.literal("", { error: "cách tính điểm chỉ ghi ở dòng chỉ số thành phần (1.1, 1.2…)" }),
    }),
    component: z.object({ name: z.string(), maxPoints, rule: z.string() }),
  };
}

let rowSchemas: ReturnType<typeof buildRowSchemas> | undefined;

/** the row schemas, built on first use (every Apps Script execution loads the script anew) */
function rowSchemasOf(): ReturnType<typeof buildRowSchemas> {
  rowSchemas ??= buildRowSchemas();
  return rowSchemas;
}
