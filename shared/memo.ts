/**
 * Bounded memory for pure functions of short texts: a roll-up repeats the same names, targets, words and
 * number formats from commune to commune, so each is worked out once. A table is emptied when full, so memory
 * stays bounded whatever the input.
 */

/** entries kept per table before it is emptied */
export const MEMO_LIMIT = 20_000;

/** the value for `key`, computed once while the table holds it */
export function remember<K, V>(table: Map<K, V>, key: K, compute: (key: K) => V, limit = MEMO_LIMIT): V {
  const known = table.get(key);
  if (known !== undefined || table.has(key)) return known as V;
  const value = compute(key);
  if (table.size >= limit) table.clear();
  table.set(key, value);
  return value;
}

const tables: Map<unknown, unknown>[] = [];
const arrays: unknown[][] = [];

/** a new memo table, emptied with all the others by {@link forgetRemembered} */
export function memoTable<K, V>(): Map<K, V> {
  const table = new Map<K, V>();
  tables.push(table as Map<unknown, unknown>);
  return table;
}

/**
 * A memo table indexed by small whole numbers (a text per tenth of a percent, say): an array read by index costs
 * far less than a map looked up by a number. Emptied with the others by {@link forgetRemembered}.
 */
export function memoArray<V>(length: number): (V | undefined)[] {
  const array = new Array<V | undefined>(length).fill(undefined);
  arrays.push(array);
  return array;
}

/**
 * Empties every memo table, as in a fresh process: the benchmark calls it before each timed run so that no run
 * profits from what an earlier one remembered.
 */
export function forgetRemembered(): void {
  for (const t of tables) t.clear();
  for (const a of arrays) a.fill(undefined);
}
