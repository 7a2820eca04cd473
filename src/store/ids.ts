/**
 * Row ids, made in code so both dialects store the same values: UUIDv7 (RFC 9562), whose first
 * 48 bits are the Unix time in milliseconds. Ordering by id is then ordering by creation time,
 * which gives cursor pagination a stable, unique sort key without a separate sequence.
 */
import { randomBytes } from "node:crypto";

export function newId(now: number = Date.now()): string {
  const bytes = randomBytes(16);
  // 48-bit big-endian millisecond timestamp
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70; // version 7
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 9562 variant
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Ids from outside (URL params, cursors) are checked before they reach a `uuid` column. */
export function isId(text: string): boolean {
  return UUID.test(text);
}
