/**
 * Points-index core benchmark (not yet part of `npm run bench`): 600 communes × the example set's 8 components
 * repeated 6 times (48 components a commune, 28,800 checks), explanations and self-scores generated with the
 * result each must get; every result is checked against it. Prints one line.
 * Run: `TS_NODE_TRANSPILE_ONLY=1 node --expose-gc -r ts-node/register bench/dti-core.ts`.
 */
import { builtinIndexSets, checkComponent, checkSums, type CheckCode, type SumLine } from "../shared/dti";
import { median, rng } from "./stats";

const COMMUNES = 600;
const REPEAT = 6;
const RUNS = 7;
const WARM_UP_RUNS = 4;

interface Answer {
  readonly explanation: string;
  readonly self: number | string | null;
  readonly expected: CheckCode;
}

const set = builtinIndexSets().find((s) => s.id === "bo-chi-so-mau")!;

/** an explanation and self-score for each component of the example set, with the result they must get */
function answer(id: string, random: () => number): Answer {
  const r = random();
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  switch (id) {
    case "1.1": {
      const [text, points] = pick([
        ["Trưởng ban là Chủ tịch UBND xã", 20],
        ["Trưởng BCĐ: đồng chí Phó Chủ tịch UBND xã", 10],
        ["Chưa có BCĐ", 0],
      ] as const);
      return r < 0.7
        ? { explanation: text, self: points, expected: "KHOP" }
        : { explanation: "Quyết định số 12/QĐ-UBND", self: 20, expected: "CAN_XEM_XET" };
    }
    case "1.2": {
      const n = 1 + Math.floor(random() * 5);
      const points = [0, 5, 10, 15, 20, 20][n]!;
      return r < 0.8
        ? { explanation: `BCĐ họp ${n} lần trong năm`, self: points, expected: "KHOP" }
        : {
            explanation: `BCĐ họp ${n} lần`,
            self: points === 20 ? 25 : 20,
            expected: points === 20 ? "VUOT_DIEM_TOI_DA" : "TU_CHAM_CAO_HON",
          };
    }
    case "1.3": {
      const b = 4 + Math.floor(random() * 20);
      const a = Math.floor(random() * (b + 1));
      const points = Math.round((a / b) * 20 * 100) / 100;
      return r < 0.85
        ? { explanation: `a = ${a}; b = ${b}`, self: points, expected: "KHOP" }
        : { explanation: `dự kiến ${a}/${b}`, self: points, expected: "CAN_XEM_XET" };
    }
    case "1.4":
      return r < 0.5
        ? {
            explanation:
              "Đã ban hành kế hoạch chuyển đổi số năm 2023; đã tổ chức triển khai, đánh giá kết quả thực hiện kế hoạch",
            self: 10,
            expected: "KHOP",
          }
        : {
            explanation: "Đã ban hành kế hoạch chuyển đổi số năm 2023; chưa tổ chức triển khai",
            self: 10,
            expected: "TU_CHAM_CAO_HON",
          };
    case "1.5":
      return r < 0.6
        ? { explanation: "Có chuyên mục CĐS", self: 10, expected: "KHOP" }
        : { explanation: "Chưa có", self: 0, expected: "KHOP" };
    case "2.1": {
      const a = Math.floor(random() * 22);
      return {
        explanation: `a = ${a} người`,
        self: Math.round((Math.min(a, 21) / 21) * 30 * 100) / 100,
        expected: "KHOP",
      };
    }
    case "2.2":
      return r < 0.5
        ? { explanation: "Tổ chức 5 lần", self: 20, expected: "KHOP" }
        : { explanation: "Tổ chức 3 lần", self: "10", expected: "KHOP" };
    default:
      return { explanation: "", self: null, expected: "KHONG_TINH_DIEM" };
  }
}

const random = rng(2026);
const communes = Array.from({ length: COMMUNES }, () =>
  Array.from({ length: REPEAT }, () =>
    set.components.map((c) => ({ component: c, ...answer(c.id, random) })),
  ).flat(),
);
const context = { settings: set.settings, figures: set.figures, partA: { cbcc: 21 } };

const mismatches = new Map<string, number>();

function run(): { ms: number; wrong: number } {
  const start = performance.now();
  let wrong = 0;
  for (const rows of communes) {
    const lines: SumLine[] = [];
    rows.forEach((row, i) => {
      const c = checkComponent(row.component, { explanation: row.explanation, self: row.self }, context);
      if (c.code !== row.expected) {
        wrong++;
        const key = `${row.component.id} ${row.expected} → ${c.code}: ${c.reason}`;
        mismatches.set(key, (mismatches.get(key) ?? 0) + 1);
      }
      lines.push({
        level: "component",
        id: `${row.component.id}.${i}`,
        parent: row.component.index,
        points: c.self,
        ref: `E${i + 10}`,
      });
    });
    for (const ix of set.indices)
      lines.push({ level: "index", id: ix.id, parent: ix.group, points: 0, ref: `E${ix.id}` });
    checkSums(lines);
  }
  return { ms: performance.now() - start, wrong };
}

const gc = (globalThis as { gc?: () => void }).gc;
for (let i = 0; i < WARM_UP_RUNS; i++) run();
const times: number[] = [];
let wrong = 0;
for (let i = 0; i < RUNS; i++) {
  gc?.();
  const r = run();
  times.push(r.ms);
  wrong += r.wrong;
}
const checks = COMMUNES * REPEAT * set.components.length;
console.log(
  `dti core: ${COMMUNES} communes × ${REPEAT * set.components.length} components (${checks} checks and the sums): ` +
    `${median(times).toFixed(1)} ms median of ${RUNS} (${times.map((t) => t.toFixed(0)).join(", ")}); ` +
    `${wrong === 0 ? "every result as generated" : `${wrong} results differ from the generator`}`,
);
if (wrong > 0) {
  for (const [k, n] of [...mismatches].slice(0, 10)) console.log(`  ${n} × ${k}`);
  process.exitCode = 1;
}
