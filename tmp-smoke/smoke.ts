import { formGrid, NONG_CONG, TRIEU_THANH } from "../scripts/form-data";
import { gradeWorkbookWithForms } from "../shared/dti";
for (const shape of ["bm01-2022", "bm01-2023", "decision"] as const) {
  const a = formGrid(NONG_CONG, shape), b = formGrid(TRIEU_THANH, shape);
  const r = gradeWorkbookWithForms([{ name: "Nông Cống", grid: { values: a.values } }, { name: "Triệu Thành", grid: { values: b.values } }]);
  console.log(shape, r.report.skipped);
  for (const f of r.forms.reports) {
    console.log(f.commune, f.year, f.set?.id, f.setReason, f.partA);
    for (const c of f.components) console.log(" ", c.id, c.code, c.points, c.self, c.selfCell, c.ruleFrom, c.reason);
    console.log(" idx", f.indices.map(i=>[i.id,i.selfStated,i.self,i.points,i.maxPoints]), f.total, f.sums.map(s=>s.message));
  }
  console.log(r.forms.ranking, r.forms.disputes);
  console.log(JSON.stringify(r.plan.sheets[0]!.writes[0]!.values.slice(0,5)), r.plan.sheets[0]!.own);
}
