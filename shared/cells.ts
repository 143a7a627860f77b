/**
 * The core's vocabulary of cells and values: what a cell holds as a host reads it, and what the value reader
 * makes of a result or a target. Re-exported by types.ts, which every module and host imports.
 */

// ---------------------------------------------------------------------------------------------
// cells

/** a spreadsheet error value as ExcelJS hands it over; hosts that give `"#N/A"` strings may pass those */
export interface CellError {
  readonly error: string;
}

/** anything a cell can hold, as the hosts read it */
export type RawCell = string | number | boolean | Date | CellError | null | undefined;

/** a rectangle of cells read from one sheet, starting at A1 */
export interface Grid {
  /** `values[r][c]`; rows may be ragged or shorter than the sheet */
  readonly values: readonly (readonly RawCell[])[];
  /** number formats in the same shape (`"0.0%"`, `"General"`, `"@"`), when the host has them */
  readonly formats?: readonly (readonly (string | null | undefined)[])[];
  /** merged areas (0-based), when the host has them: the value sits in the top-left cell only */
  readonly merges?: readonly Area[];
  /** font family names in the same shape as `values` (`".VnTime"`), when the host has them: legacy encodings */
  readonly fonts?: readonly (readonly (string | null | undefined)[])[];
}

/** a cell position, 0-based */
export interface CellRef {
  readonly row: number;
  readonly col: number;
}

/** a rectangle, 0-based, `rows` × `cols` cells */
export interface Area extends CellRef {
  readonly rows: number;
  readonly cols: number;
}

// ---------------------------------------------------------------------------------------------
// values read from result and target cells

/** words that make a result something other than a result: a plan, an estimate, a qualified yes */
export type HedgeKind = "plan" | "estimate" | "qualifier";

/** a hedge found in a result's text: its kind and the words as the cell writes them (lowercase) */
export interface Hedge {
  readonly kind: HedgeKind;
  readonly words: string;
  /** an under-way word in the same text (`Dự kiến 100%, đang triển khai`) */
  readonly underWay?: string;
  /** the result column's header, when it is the header that says so (`Ước thực hiện năm 2023`) */
  readonly column?: string;
}

/**
 * What a result cell says, read from its raw value and number format; never thrown, always returned.
 * `hedge`: words in the text that make it a plan (`Phấn đấu đạt 60%`), an estimate (`khoảng 55%`) or a yes
 * with a qualifier that undoes it (`Có nhưng chưa …`); the figure or word is read as usual beside it.
 */
export type Value = ValueBody & { readonly hedge?: Hedge };

type ValueBody =
  | { readonly kind: "empty" }
  /** a rate in percent points: 54.4 for `54,4%` or a 0.544 cell formatted as percent */
  | { readonly kind: "percent"; readonly percent: number }
  /** `> 90%` written as a result: at least 90 (strictly more when `strict`) */
  | { readonly kind: "lowerBound"; readonly percent: number; readonly strict: boolean }
  /** `433/448`; `percent` is null when the denominator is 0; `statedPercent` when the cell also prints one */
  | {
      readonly kind: "fraction";
      readonly numerator: number;
      readonly denominator: number;
      readonly percent: number | null;
      readonly statedPercent?: number;
    }
  /** a plain number or a counted thing: `8 điểm`, `32 mắt camera`, `2.092.423.000` */
  | { readonly kind: "count"; readonly count: number; readonly unit?: string }
  | { readonly kind: "yes"; readonly word: string }
  | { readonly kind: "no"; readonly word: string }
  | { readonly kind: "underWay"; readonly word: string }
  | { readonly kind: "notEvaluated"; readonly word: string }
  /** a date where a figure belongs */
  | { readonly kind: "date"; readonly date: Date }
  /** prose with no figure and no known word */
  | { readonly kind: "text"; readonly text: string }
  /** looks like a figure but cannot be read (`79,%`) */
  | { readonly kind: "unreadable"; readonly text: string }
  | { readonly kind: "error"; readonly error: string };

export type ValueKind = Value["kind"];

/** what must be reached, from a target cell or from a criteria set */
export type Target =
  /** `60%` means result ≥ 60; `> 90%` or `trên 90%` means strictly greater */
  | { readonly kind: "percent"; readonly comparator: ">=" | ">"; readonly threshold: number }
  /** `Có`, `Đáp ứng`, `Đảm bảo`, `Triển khai`, `Sử dụng`, `Số lượng`: met by an affirmative result */
  | { readonly kind: "yes"; readonly word: string }
  /** the sources do not state it (e.g. an annual target): grading gives CAN_XEM_XET */
  | { readonly kind: "unknown"; readonly note?: string };
