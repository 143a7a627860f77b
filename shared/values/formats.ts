/**
 * Number formats (what a number cell shows: a percentage, a date, how many decimals) and dates as users read them.
 */

/** true for a number format that shows a percentage (`0.0%`, `0%`); quoted text does not count */
export function isPercentFormat(format: string | null | undefined): boolean {
  return !!format && /%/.test(stripFormatLiterals(format));
}

/** true for a number format that shows a date (`dd/mm/yyyy`, `m/d/yy`) */
export function isDateFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  const bare = stripFormatLiterals(format);
  return (
    !/general/i.test(bare) &&
    (/[dy]/i.test(bare) || (/m/i.test(bare) && !/[h:]/i.test(bare) && !/[0#]/.test(bare)))
  );
}

function stripFormatLiterals(format: string): string {
  return format
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\\./g, "");
}

/** decimals a number format shows (`0.0%` → 1) */
export function formatDecimals(format: string): number {
  const section = stripFormatLiterals(format).split(";")[0] ?? "";
  // `0.0%`; a localized format (`0,0%`, Excel's numberFormatLocal in Vietnamese) has its decimals after a comma
  const m = /\.([0#?]+)/.exec(section) ?? /,([0#?]+)\s*%/.exec(section);
  return m ? m[1]!.length : 0;
}

/** an Excel serial day number → Date (UTC midnight) */
export function dateFromSerial(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86400000));
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/**
 * A date as `dd/mm/yyyy`. Dates at UTC midnight (ExcelJS, serial numbers) are read in UTC; others (Apps Script
 * gives midnight in the script's time zone) in local time.
 */
export function formatDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return "";
  const utc = d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0;
  const [day, month, year] = utc
    ? [d.getUTCDate(), d.getUTCMonth() + 1, d.getUTCFullYear()]
    : [d.getDate(), d.getMonth() + 1, d.getFullYear()];
  return `${pad2(day)}/${pad2(month)}/${year}`;
}
