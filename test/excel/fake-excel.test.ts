// the fake must refuse what real Office.js refuses, or the adapter tests prove nothing
import { FakeExcel } from "../fakes/office-excel";

const fake = (): FakeExcel =>
  new FakeExcel([
    {
      name: "Xã A",
      values: [
        ["TT", "Kết quả"],
        ["1.1", 0.544],
      ],
      formats: [[], [null, "0.0%"]],
    },
  ]);

test("a property read before load and sync throws PropertyNotLoaded", async () => {
  const c = fake().context();
  const range = c.workbook.worksheets.getItem("Xã A").getRange("A1:B2");
  expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
  range.load("values");
  expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
  await c.sync();
  // "1.1" typed into a General cell is a number, as in Excel
  expect(range.values).toEqual([
    ["TT", "Kết quả"],
    [1.1, 0.544],
  ]);
  expect(() => range.numberFormat).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
});

test("writes wait for sync; each sync is counted", async () => {
  const excel = fake();
  const c = excel.context();
  c.workbook.worksheets.getItem("Xã A").getRange("C1").values = [["x"]];
  expect(excel.value("Xã A", "C1")).toBe("");
  await c.sync();
  expect(excel.value("Xã A", "C1")).toBe("x");
  expect(excel.syncCount).toBe(1);
  expect(c.syncCount).toBe(1);
});

test("null in written values leaves the cell unchanged; a wrong shape is refused", async () => {
  const excel = fake();
  const c = excel.context();
  const ws = c.workbook.worksheets.getItem("Xã A");
  ws.getRange("A1:B1").values = [[null, "Mới"]];
  await c.sync();
  expect([excel.value("Xã A", "A1"), excel.value("Xã A", "B1")]).toEqual(["TT", "Mới"]);
  ws.getRange("A1:B1").values = [["a"]];
  await expect(c.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
});

test("getItem of a missing sheet fails at sync; getItemOrNullObject gives a null object", async () => {
  const c = fake().context();
  const missing = c.workbook.worksheets.getItemOrNullObject("Không có");
  await c.sync();
  expect(missing.isNullObject).toBe(true);
  c.workbook.worksheets.getItem("Không có").getRange("A1").values = [["x"]];
  await expect(c.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
});

test("used range, values only or with formats, and a null object on an empty sheet", async () => {
  const excel = fake();
  excel.addSheet({ name: "Trống" });
  const c = excel.context();
  const used = c.workbook.worksheets.getItem("Xã A").getUsedRange(true).load("address,valueTypes");
  const empty = c.workbook.worksheets.getItem("Trống").getUsedRangeOrNullObject(true);
  await c.sync();
  expect(used.address).toBe("'Xã A'!A1:B2");
  expect(used.valueTypes).toEqual([
    ["String", "String"],
    ["Double", "Double"],
  ]);
  expect(empty.isNullObject).toBe(true);
});

test("worksheets.add refuses a taken name; delete, activate, charts and names work at sync", async () => {
  const excel = fake();
  const c = excel.context();
  c.workbook.worksheets.add("Xã A");
  await expect(c.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
  const added = c.workbook.worksheets.add("Tổng hợp");
  added.getRange("A1:B2").values = [
    ["Nhóm", "Đạt"],
    ["Chính quyền số", 3],
  ];
  const chart = added.charts.add("ColumnClustered", added.getRange("A1:B2"), "Columns");
  chart.title.text = "Biểu đồ";
  added.activate();
  await c.sync();
  expect(excel.activeSheet).toBe("Tổng hợp");
  expect(excel.sheet("Tổng hợp")!.charts[0]).toMatchObject({ source: "'Tổng hợp'!A1:B2", title: "Biểu đồ" });
  c.workbook.worksheets.getItem("Tổng hợp").delete();
  await c.sync();
  expect(excel.sheet("Tổng hợp")).toBeUndefined();
});

test("cell-edit mode rejects every sync with InvalidOperationInCellEditMode", async () => {
  const excel = fake();
  excel.cellEditMode = true;
  await expect(excel.context().sync()).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
});
