/**
 * Property tests of whole forms: the points never exceed a component's maximum (nor a total its maximum), and a
 * permutation of the component rows within their main index, or of the forms, changes nothing.
 */
import fc from "fast-check";
import type { RawCell } from "../../shared/types";
import { gradeWorkbookWithForms, rankForms, type FormReport } from "../../shared/dti";
import { formGrid, NONG_CONG, TRIEU_THANH } from "../../scripts/form-data";
import { ADDITIVE, CHOICE, NOT_SCORED, RATIO, STEPS, YES_NO } from "./samples";

const RULES = [CHOICE, STEPS, RATIO, ADDITIVE, YES_NO, NOT_SCORED, "Có: 1/2*Điểm tối đa; Không: 0 điểm"];
const FRAGMENTS = [
  "a = ",
  "b = ",
  "họp ",
  " lần",
  "Trưởng ban là Chủ tịch",
  "Phó Chủ tịch",
  "Có",
  "Không",
  "dự kiến",
  "; ",
  "Có văn bản chỉ đạo về chuyển đổi số",
  "chưa tổ chức hội nghị quán triệt",
  "/",
];
const HEADER = [
  "STT",
  "Chỉ số/Chỉ số thành phần",
  "Điểm tối đa",
  "Cách xác định và tính điểm",
  "Điểm tự chấm",
  "Giải trình kết quả",
];

const explanation = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.integer({ min: 0, max: 60 }).map(String)), {
    maxLength: 8,
  })
  .map((parts) => parts.join(""));
const self: fc.Arbitrary<RawCell> = fc.oneof(
  fc.integer({ min: -5, max: 80 }),
  fc.double({ min: 0, max: 60, noNaN: true }),
  fc.constantFrom(null, "-", "20 điểm", "mười"),
);
const component = fc.record({
  rule: fc.constantFrom(...RULES),
  max: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constant(null)),
  self,
  explanation,
});

function grid(
  components: readonly { rule: string; max: number | null; self: RawCell; explanation: string }[],
) {
  const values: RawCell[][] = [
    ["Tên đơn vị báo cáo: UBND xã Thử"],
    ["Tổng số cán bộ công chức (CBCC)", 20],
    HEADER,
    ["1", "Chỉ số", null, null, null, null],
  ];
  components.forEach((c, i) =>
    values.push([`1.${i + 1}`, `Thành phần ${i + 1}`, c.max, c.rule, c.self, c.explanation]),
  );
  return { values };
}

describe("forms, whatever the answers", () => {
  it("never give a component more points than its maximum, nor fewer than 0", () => {
    fc.assert(
      fc.property(fc.array(component, { minLength: 1, maxLength: 8 }), (components) => {
        const report = gradeWorkbookWithForms([{ name: "x", grid: grid(components) }]).forms.reports[0]!;
        expect(report.components).toHaveLength(components.length);
        for (const c of report.components) {
          if (c.points === null) continue;
          expect(c.points).toBeGreaterThanOrEqual(0);
          // with no maximum only amounts written in points can give points (`Không: 0 điểm`)
          if (c.maxPoints !== null) expect(c.points).toBeLessThanOrEqual(c.maxPoints);
        }
        const maxSum = report.components.reduce((s, c) => s + (c.maxPoints ?? 0), 0);
        expect(report.total.points).toBeLessThanOrEqual(maxSum + 1e-9);
      }),
      { seed: 1616, numRuns: 200 },
    );
  });

  it("give the same results when component rows move within their main index", () => {
    const byId = (f: FormReport) =>
      Object.fromEntries(f.components.map((c) => [c.id, [c.code, c.points, c.self, c.reason]]));
    const totals = (f: FormReport) => [
      f.indices.map((i) => [i.id, i.self, i.points]),
      f.total.points,
      f.total.self,
    ];
    const base = formGrid(TRIEU_THANH, "bm01-2022");
    const blocks = (ids: string[]) =>
      ids.map((id, k) => {
        const start = base.rows[id]!;
        const next = k + 1 < ids.length ? base.rows[ids[k + 1]!]! : undefined;
        return { id, start, end: next ?? start + 1 };
      });
    const first = blocks(["1.1", "1.2", "1.3", "1.4", "1.5"]);
    // 1.3 spreads over sub-rows; the last block of index 1 ends where index 2's page header starts
    const lastEnd = base.rows["1.5"]! + 1;
    const expected = gradeWorkbookWithForms([{ name: "x", grid: { values: base.values } }]).forms.reports[0]!;
    fc.assert(
      fc.property(
        fc.shuffledSubarray(first, { minLength: first.length, maxLength: first.length }),
        (order) => {
          const head = base.values.slice(0, first[0]!.start);
          const tail = base.values.slice(lastEnd);
          const moved = order.flatMap((b) => base.values.slice(b.start, b.id === "1.5" ? lastEnd : b.end));
          const report = gradeWorkbookWithForms([
            { name: "x", grid: { values: [...head, ...moved, ...tail] } },
          ]).forms.reports[0]!;
          expect(byId(report)).toEqual(byId(expected));
          expect(totals(report)).toEqual(totals(expected));
        },
      ),
      { seed: 1617, numRuns: 40 },
    );
  });

  it.each(["bm01-2022", "bm01-2023", "decision"] as const)(
    "%s: give the same results wherever the form sits and whatever blank rows come between its rows",
    (shape) => {
      const result = (f: FormReport) => [
        f.components.map((c) => [c.id, c.code, c.points, c.self]),
        f.indices.map((i) => [i.id, i.self, i.points]),
        f.total.points,
        f.sums.map((x) => x.code),
        f.partA.map((p) => [p.id, p.value]),
      ];
      const base = formGrid(NONG_CONG, shape);
      const expected = result(
        gradeWorkbookWithForms([{ name: "x", grid: { values: base.values } }]).forms.reports[0]!,
      );
      const bodyStart = base.rows.I!;
      const bodyRows = base.values.length - bodyStart;
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 30 }),
          fc.integer({ min: 0, max: 6 }),
          fc.uniqueArray(fc.integer({ min: 1, max: bodyRows }), { maxLength: 6 }),
          (down, right, blanks) => {
            const values: RawCell[][] = Array.from({ length: down }, () => []);
            base.values.forEach((line, r) => {
              if (r >= bodyStart && blanks.includes(r - bodyStart)) values.push([]);
              values.push([...Array<RawCell>(right).fill(null), ...line]);
            });
            const report = gradeWorkbookWithForms([{ name: "x", grid: { values } }]).forms.reports[0]!;
            expect(result(report)).toEqual(expected);
          },
        ),
        { seed: 1619, numRuns: 40 },
      );
    },
  );

  it("rank the same communes the same way whatever order the forms come in", () => {
    const forms = [NONG_CONG, TRIEU_THANH, NONG_CONG].map((d, i) => ({
      name: `Trang ${i}`,
      grid: { values: formGrid(d, "bm01-2023").values },
    }));
    const reports = gradeWorkbookWithForms(forms).forms.reports;
    const key = (r: ReturnType<typeof rankForms>) => r.map((e) => [e.rank, e.points]);
    const expected = key(rankForms(reports));
    fc.assert(
      fc.property(fc.shuffledSubarray([...reports], { minLength: 3, maxLength: 3 }), (order) => {
        expect(key(rankForms(order))).toEqual(expected);
      }),
      { seed: 1618, numRuns: 20 },
    );
  });
});
