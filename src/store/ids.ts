/**
 * Row ids, made in code so both dialects store the same values: UUIDv7 (RFC 9562), whose first
 * 48 bits are the Unix time in milliseconds. Ordering by id is then ordering by creation time,
 * which gives cursor pagination a stable, unique sort key without a separate sequence.
 *
 * Ids made in the same millisecond are ordered too: the 12 bits after the version are a counter
 * (RFC 9562 §6.2, method 1) that starts at a random value below 2048 for each new millisecond and
 * counts up, so "newest first" holds for rows written in one burst (a bulk progress update). In
 * the rare burst of more than ~2048 ids in one millisecond the timestamp moves on by one.
 */
import { randomBytes, randomInt } from "node:crypto";

/** the millisecond asked for last, and the one written into its id (later after a rollover) */
let lastAsked = -1;
let lastMs = -1;
let counter = 0;

export function newId(now: number = Date.now()): string {
  if (now === lastAsked || now === lastMs) {
    // the same millisecond again (or the one a rollover moved on to): count on
    if (++counter > 0xfff) {
      lastMs += 1;
      counter = 0;
    }
  } else {
    // a new millisecond; an earlier one (a test's clock) starts afresh, ordered from there on
    lastMs = now;
    counter = randomInt(0x800);
  }
  lastAsked = now;
  const bytes = randomBytes(16);
  // 48-bit big-endian millisecond timestamp
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (counter >> 8); // version 7, then the counter's top 4 bits
  bytes[7] = counter & 0xff;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 9562 variant
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Ids from outside (URL params, cursors) are checked before they reach a `uuid` column. */
export function isId(text: string): boolean {
  return UUID.test(text);
}
