/*
 * Copyright 2026 The Backstage ITSM Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

import { DateTime, IANAZone } from 'luxon';
import { parseDuration } from '../validation/duration';

/**
 * The notice period, in days, assumed for a supplier contract that states
 * none (or one that is not a duration).
 *
 * @public
 */
export const DEFAULT_CONTRACT_NOTICE_DAYS = 60;

const DAY = 86_400_000;

/**
 * Where a supplier contract stands against its end date and notice period,
 * at one instant. See {@link contractNoticeState}.
 *
 * @public
 */
export interface ContractNoticeState {
  /**
   * Calendar days from today to the contract's last day, in the zone: 0 on
   * the last day, 1 the day before; negative once the contract has ended
   * (-1 the day after its last day).
   */
  daysLeft: number;
  /** When the contract ends: the start of the day after its end date, in the zone. */
  endsAt: Date;
  /** When the notice period starts: `endsAt` minus the notice period. */
  noticeStartsAt: Date;
  /** Whether `now` is in the notice period: from `noticeStartsAt` until `endsAt`. */
  insideNotice: boolean;
  /** Whether the contract has ended: `now` is at or after `endsAt`. */
  expired: boolean;
}

/**
 * Where a supplier contract stands at `now`: days left, whether it is inside
 * its notice period, whether it has ended. Pure: the clock is a parameter.
 *
 * The contract's `end` (`YYYY-MM-DD`, as `spec.contract.end` of a Supplier)
 * is its last day: the contract runs to the end of that day in `zone`, so it
 * ends at the start of the next day there. The notice period is the
 * contract's last stretch of `noticePeriod` (a duration of
 * {@link parseDuration}, `90d`, `12w`, `36h`; whole days counted as
 * calendar days in `zone`, so DST does not shift it), or
 * {@link DEFAULT_CONTRACT_NOTICE_DAYS} days when none is given or it is not
 * a duration: with `90d`, the last 90 days of the contract, from the start of
 * the day 89 days before its last day.
 *
 * Returns undefined for a contract without an end date, or with one that is
 * not a calendar date. Throws a RangeError for an unknown zone.
 *
 * @param contract - `end` and `noticePeriod` of a Supplier's `spec.contract`
 * @param now - the instant to judge at
 * @param zone - IANA zone the dates are days in; default UTC
 * @public
 */
export function contractNoticeState(
  contract: { end?: string; noticePeriod?: string },
  now: Date,
  zone: string = 'UTC',
): ContractNoticeState | undefined {
  if (!IANAZone.isValidZone(zone)) {
    throw new RangeError(`Invalid time zone '${zone}'`);
  }
  if (!contract.end) {
    return undefined;
  }
  const lastDay = DateTime.fromISO(contract.end, { zone }).startOf('day');
  if (!lastDay.isValid) {
    return undefined;
  }
  const endsAt = lastDay.plus({ days: 1 }).startOf('day');
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const daysLeft = Math.round(lastDay.diff(today, 'days').days) || 0;

  const notice =
    (contract.noticePeriod !== undefined
      ? parseDuration(contract.noticePeriod)
      : undefined) ?? DEFAULT_CONTRACT_NOTICE_DAYS * DAY;
  const noticeDays = Math.floor(notice / DAY);
  const noticeStartsAt = endsAt
    .minus({ days: noticeDays })
    .minus({ milliseconds: notice - noticeDays * DAY });

  const time = now.getTime();
  const expired = time >= endsAt.toMillis();
  return {
    daysLeft,
    endsAt: endsAt.toJSDate(),
    noticeStartsAt: noticeStartsAt.toJSDate(),
    insideNotice: !expired && time >= noticeStartsAt.toMillis(),
    expired,
  };
}
