/**
 * A stand-in for https://appsforoffice.microsoft.com/lib/1/hosted/office.js in the browser test: the globals
 * Office, Excel, OfficeExtension and CustomFunctions over a FakeExcel holding one commune annex.
 * The test reaches the workbook through window.__fakeExcel and the registered functions through
 * window.__customFunctions. `window.__fakeOfficeOptions`, set before the page loads, starts the pane hidden
 * (a shared runtime started for =CDS.DAT) or makes requirement sets unsupported; `window.__showPane(visible)`
 * shows or hides the pane as Office does (document visibility and Office.addin.onVisibilityModeChanged).
 */
import { annexSheet } from "../excel/fixture";
import { FakeExcel, FakeOfficeError, type FakeRequestContext } from "./office-excel";

interface FakeOfficeOptions {
  hidden?: boolean;
  /** "ExcelApi 1.7" and the like */
  unsupported?: string[];
}

interface FakeWindow {
  __fakeOfficeOptions?: FakeOfficeOptions;
  __paneVisible: boolean;
  __showPane(visible: boolean): void;
  __fakeExcel: FakeExcel;
  __customFunctions: Map<string, (...args: unknown[]) => unknown>;
  Office: unknown;
  Excel: unknown;
  OfficeExtension: unknown;
  CustomFunctions: unknown;
}

const w = window as unknown as FakeWindow;
const excel = new FakeExcel([
  annexSheet("Hoằng Phụ"),
  { name: "Ghi chú", values: [["Danh sách cán bộ phụ trách"], ["Nguyễn Văn A"]] },
]);
w.__fakeExcel = excel;
w.__customFunctions = new Map();

class CustomFunctionError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

w.CustomFunctions = {
  associate: (id: string, fn: (...args: unknown[]) => unknown) => w.__customFunctions.set(id, fn),
  Error: CustomFunctionError,
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
};

w.OfficeExtension = { Error: FakeOfficeError };

w.Excel = {
  run: <T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> => excel.run(batch),
  ConditionalFormatType: { containsText: "ContainsText", custom: "Custom", cellValue: "CellValue" },
  ConditionalTextOperator: { contains: "Contains", beginsWith: "BeginsWith", endsWith: "EndsWith" },
  ChartType: { columnClustered: "ColumnClustered" },
  ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
  ErrorCodes: {
    accessDenied: "AccessDenied",
    invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
    itemNotFound: "ItemNotFound",
  },
};

const options = w.__fakeOfficeOptions ?? {};
const unsupported = new Set(options.unsupported ?? []);
// the page's document.visibilityState follows the fake pane (headless Chromium's page is always visible)
w.__paneVisible = !options.hidden;
Object.defineProperty(document, "visibilityState", {
  configurable: true,
  get: () => (w.__paneVisible ? "visible" : "hidden"),
});
const visibilityHandlers: ((args: { visibilityMode: string }) => void)[] = [];
w.__showPane = (visible: boolean): void => {
  w.__paneVisible = visible;
  document.dispatchEvent(new Event("visibilitychange"));
  for (const handler of visibilityHandlers) handler({ visibilityMode: visible ? "Taskpane" : "Hidden" });
};

const info = { host: "Excel", platform: "OfficeOnline" };
const office = {
  HostType: { Excel: "Excel" },
  PlatformType: { OfficeOnline: "OfficeOnline" },
  VisibilityMode: { hidden: "Hidden", taskpane: "Taskpane" },
  addin: {
    onVisibilityModeChanged(
      handler: (args: { visibilityMode: string }) => void,
    ): Promise<() => Promise<void>> {
      visibilityHandlers.push(handler);
      return Promise.resolve(() => {
        visibilityHandlers.splice(visibilityHandlers.indexOf(handler), 1);
        return Promise.resolve();
      });
    },
  },
  context: {
    requirements: {
      isSetSupported: (name: string, version?: string): boolean =>
        !unsupported.has(`${name} ${version ?? ""}`),
    },
  },
  initialize: undefined as undefined | ((reason: string) => void),
  onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
    return new Promise((resolve) =>
      setTimeout(() => {
        callback?.(info);
        resolve(info);
      }, 0),
    );
  },
};
w.Office = office;
// like office.js: Office.initialize, when the page sets it, runs once the host is ready
window.addEventListener("DOMContentLoaded", () => setTimeout(() => office.initialize?.("inserted"), 0));
