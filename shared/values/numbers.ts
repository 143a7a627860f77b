/**
 * Numbers written the Vietnamese way: decimal comma, dots between thousands.
 */

/**
 * Reads one number written the Vietnamese way: decimal comma, dot thousands (a dot followed by exactly
 * three digits groups thousands, unless the number starts with `0`), English `1,234.5` when both signs say so.
 * Null when the spelling is not a number (`79,`, `1.2.3`).
 * @example parseViNumber("2.092.423.000") === 2092423000; parseViNumber("54,4") === 54.4
 */
export function parseViNumber(text: string): number | null {
  const s = text.trim();
  if (/^\d+$/.test(s)) return Number(s);
  const dot = s.includes(".");
  const comma = s.includes(",");
  if (dot && comma) {
    if (/^\d{1,3}(?:\.\d{3})+,\d+$/.test(s)) return Number(s.replace(/\./g, "").replace(",", "."));
    if (/^\d{1,3}(?:,\d{3})+\.\d+$/.test(s)) return Number(s.replace(/,/g, ""));
    return null;
  }
  if (comma) {
    if (/^\d+,\d+$/.test(s)) return Number(s.replace(",", "."));
    if (/^[1-9]\d{0,2}(?:,\d{3}){2,}$/.test(s)) return Number(s.replace(/,/g, ""));
    return null;
  }
  if (dot) {
    if (/^[1-9]\d{0,2}(?:\.\d{3})+$/.test(s)) return Number(s.replace(/\./g, ""));
    if (/^\d+\.\d+$/.test(s)) return Number(s);
  }
  return null;
}

/** rounds away float noise (`0.544 * 100`), keeping 9 decimals */
export function roundRate(n: number): number {
  return Math.round(n * 1e9) / 1e9;
}
