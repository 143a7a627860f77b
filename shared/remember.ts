/**
 * Answers kept by their text, for work every commune's sheet repeats (names, headers). Each use says what it
 * saves users; docs/performance.md has the measurements.
 */

/** texts longer than this (a note pasted in a cell) are worked out each time, not kept */
const MAX_KEY_CHARS = 500;
/** a table that reaches this size starts again empty */
const MAX_ENTRIES = 10_000;

/**
 * `compute` with its answers kept by text. The answers are shared between callers: they must not be changed.
 * @example const folded = remembered(foldText); folded("Tên chỉ tiêu") // worked out once
 */
export function remembered<T>(compute: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    if (known.has(text)) return known.get(text)!;
    const answer = compute(text);
    if (text.length <= MAX_KEY_CHARS) {
      if (known.size >= MAX_ENTRIES) known.clear();
      known.set(text, answer);
    }
    return answer;
  };
}
