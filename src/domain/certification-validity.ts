/**
 * When an earned certification stops being current. It expires `validityMonths` calendar months
 * after the day it was earned (a month-end date clamps: earned 2026-01-31 with 1 month of
 * validity expires 2026-02-28), and is expired from that day on. It "expires soon" in the
 * EXPIRES_SOON_DAYS days before: 60 days, long enough to book and sit a renewal exam, which
 * issuers typically schedule a few weeks out. A certification with no validity never expires;
 * one not yet earned has no expiry at all.
 */
import { dayNumberOfValid, daysBetween, isoDateOf } from "./calendar-date.js";

export const EXPIRES_SOON_DAYS = 60;

export interface CertificationValidity {
  /** null: not earned, or the certification does not expire */
  readonly expiresOn: string | null;
  readonly expired: boolean;
  readonly expiresSoon: boolean;
}

export function addMonths(iso: string, months: number): string {
  const date = new Date(dayNumberOfValid(iso) * 86_400_000);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(date.getUTCDate(), lastDay);
  return isoDateOf(Date.UTC(year, month, day) / 86_400_000);
}

export function certificationValidity(
  earnedOn: string | null,
  validityMonths: number | null,
  today: string,
): CertificationValidity {
  if (earnedOn === null || validityMonths === null) {
    return { expiresOn: null, expired: false, expiresSoon: false };
  }
  const expiresOn = addMonths(earnedOn, validityMonths);
  const expired = today >= expiresOn;
  return {
    expiresOn,
    expired,
    expiresSoon: !expired && daysBetween(today, expiresOn) <= EXPIRES_SOON_DAYS,
  };
}
