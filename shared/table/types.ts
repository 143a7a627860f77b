/**
 * The table reader's own vocabulary: its options, an ID as read, a row as first read.
 */
import type { CriteriaSet, RawCell } from "../types";
import type { MergedValue } from "./readable";

/** options of `readAnnex` */
export interface ReadAnnexOptions {
  /** sets to choose from, best match wins */
  readonly sets: readonly CriteriaSet[];
  /** force a set by id, or `"none"` for the targets written in the rows */
  readonly setId?: string;
  /** the grading year, when the user gave it: chooses among result columns and tables of several years */
  readonly year?: number;
}

/** how an ID cell reads: nothing, a Roman group, a letter, a number, dotted numbers, or something else */
export type IdKind = "none" | "roman" | "letter" | "int" | "dotted" | "other";

/** an ID cell as read */
export interface IdRead {
  readonly kind: IdKind;
  readonly text: string;
  /** `1.10` for an Excel number 1.1 (the zero is lost): resolved by order and by name */
  readonly alt?: string;
}

/** what a row under the header is taken for: a criterion's row, a group row, or a name alone */
export type RowKind = "item" | "group" | "nameOnly";

/** a row under the header as first read, before the criteria set is known */
export interface Candidate {
  readonly row: number;
  kind: RowKind;
  readonly id: IdRead;
  name: string;
  /** `words(name)`, computed once */
  key: string;
  readonly result: RawCell;
  readonly target: RawCell;
  readonly self: RawCell;
  readonly unit: RawCell;
  /** the ID this row would have under the group above it, before the set is known */
  derived: string;
  /** IDs a criterion of the set may have for this row */
  ids: readonly string[];
  /** continuation rows merged into this one (text pasted from PDF split over rows) */
  lastRow: number;
  /** the result cell is merged over several rows (the result is shared by each) */
  readonly sharedResult?: MergedValue | undefined;
}
