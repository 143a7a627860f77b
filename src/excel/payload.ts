/**
 * How much one context.sync() may carry. Excel on the web refuses a request or a response above 5 MB
 * (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded; Microsoft's "Resource limits and
 * performance optimization for Office Add-ins" and "Excel add-in performance: payload size limit"). The adapter
 * counts what it sends and expects back in bytes and keeps each sync under SYNC_BUDGET.
 */

/** the documented limit, read as 5 000 000 bytes (the smaller reading of "5 MB") */
export const WEB_PAYLOAD_LIMIT = 5_000_000;

/**
 * What one sync may carry each way: 80% of the limit. The margin is for what the adapter does not count
 * exactly: the envelope of each action (object paths, ids, property names) beyond ACTION_BYTES, and guesses
 * about text the adapter has not read yet.
 */
export const SYNC_BUDGET = 4_000_000;

/** one queued action's envelope (object path, method name, ids), counted generously */
export const ACTION_BYTES = 200;

/**
 * Before a sheet is read its bytes are guessed from its cells: values, formulas, number formats and value types
 * of a typical annex cell take 66–97 bytes as JSON. After the first batch the guess is the largest measured so
 * far (with a quarter more); a guess too small costs one refused read, which is read again in smaller pieces.
 */
export const READ_BYTES_PER_CELL = 100;

/**
 * The bytes of `value` as JSON, counting every non-ASCII character as its `\uXXXX` escape (6 bytes): never less
 * than the UTF-8 size, whichever of the two Office sends.
 */
export function jsonBytes(value: unknown): number {
  return textBytes(JSON.stringify(value) ?? "");
}

/** the bytes of a text already in JSON, counted as jsonBytes does */
export function textBytes(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) bytes += 5;
  return bytes;
}
