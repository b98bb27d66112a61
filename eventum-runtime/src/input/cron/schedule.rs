//! Finding the next tick of a parsed expression.
//!
//! The search is croniter's forward `_calc`: starting one second (one minute
//! for 5 fields) after the previous tick, it checks year, month, day of
//! month, day of week (or the `#`/`L` rule), hour, minute and second in that
//! order; the first field that does not match moves the candidate to that
//! field's next allowed value (resetting the smaller fields) and the checks
//! restart. With both day fields restricted, the day-of-month search and the
//! day-of-week search run separately and the earlier result wins (croniter's
//! `day_or`); if either finds nothing the schedule ends, as in croniter.
//! Each step is a bitset lookup, so a tick costs a handful of operations.
//!
//! Fields are matched on wall-clock time in the generator's zone. The
//! result converts back to UTC with the offset in force at the search start
//! when that offset is still valid there, otherwise with the zone's rule for
//! the wall time (the earlier instant of an ambiguous time; a time in a
//! spring-forward gap moves forward, `02:30` becoming `03:30`). As with
//! croniter, an every-second schedule walks through the repeated hour of a
//! fall-back, while a coarser one (`*/30 * * * *`) reaches `02:00` standard
//! time straight after `01:30` daylight time. Ticks are strictly increasing.
//! croniter's extra DST "lag" adjustment, which depends on how long ago the
//! range started, is not reproduced.

use super::parse::{Bits, CronExpr, DOM, DOW, Field, HOUR, MINUTE, MONTH, NTH_LAST, SECOND, YEAR};
use crate::input::MICROS;
use crate::input::versatile::{offset_at, utc_of_local};
use crate::time::{Civil, Zone, civil_from_days, days_from_civil, days_in_month};

/// A broken-down wall-clock time, to the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Wall {
    year: i32,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
    second: u32,
}

impl Wall {
    fn from_secs(secs: i64) -> Self {
        let c = Civil::from_local_micros(secs * MICROS);
        Self {
            year: c.year,
            month: u32::from(c.month),
            day: u32::from(c.day),
            hour: u32::from(c.hour),
            minute: u32::from(c.minute),
            second: u32::from(c.second),
        }
    }

    fn days(self) -> i64 {
        days_from_civil(self.year, self.month, self.day)
    }

    fn to_secs(self) -> i64 {
        self.days() * 86_400
            + i64::from(self.hour) * 3600
            + i64::from(self.minute) * 60
            + i64::from(self.second)
    }

    fn midnight_of(days: i64) -> Self {
        let (year, month, day) = civil_from_days(days);
        Self {
            year,
            month,
            day,
            hour: 0,
            minute: 0,
            second: 0,
        }
    }

    /// `relativedelta(days=n, hour=0, minute=0, second=0)`.
    fn add_days_at_midnight(self, n: i64) -> Self {
        Self::midnight_of(self.days() + n)
    }

    /// `relativedelta(months=n, day=1, hour=0, minute=0, second=0)`.
    fn add_months_first_day(self, n: i64) -> Self {
        let total = i64::from(self.year) * 12 + i64::from(self.month) - 1 + n;
        Self {
            year: total.div_euclid(12) as i32,
            month: total.rem_euclid(12) as u32 + 1,
            day: 1,
            hour: 0,
            minute: 0,
            second: 0,
        }
    }

    /// `relativedelta(hours=n, minute=0, second=0)`.
    fn add_hours(self, n: i64) -> Self {
        let base = Self {
            minute: 0,
            second: 0,
            ..self
        };
        Self::from_secs(base.to_secs() + n * 3600)
    }

    /// `relativedelta(minutes=n, second=0)`.
    fn add_minutes(self, n: i64) -> Self {
        Self::from_secs(Self { second: 0, ..self }.to_secs() + n * 60)
    }

    fn add_seconds(self, n: i64) -> Self {
        Self::from_secs(self.to_secs() + n)
    }

    /// Day of the week with Sunday = 0 (croniter's `isoweekday() % 7`).
    fn weekday(self) -> u32 {
        (self.days() + 4).rem_euclid(7) as u32
    }
}

/// croniter's `_get_next_nearest_diff` on a bitset: the distance to the next
/// allowed value, wrapping over `range`.
fn nearest(x: u32, values: &Bits, range: u32) -> i64 {
    match values.next_at_or_after(x) {
        Some(v) => i64::from(v) - i64::from(x),
        None => i64::from(values.first().unwrap_or(x)) + i64::from(range) - i64::from(x),
    }
}

/// The same for the day of month, where `L` sorts after every number and
/// stands for the month's last day. (Numbers past the month's end come
/// first, so croniter jumps over `L` when such a number is listed.)
fn nearest_day(x: u32, field: &Field, days: u32) -> i64 {
    if let Some(v) = field.values.next_at_or_after(x) {
        return i64::from(v) - i64::from(x);
    }
    if field.last && days >= x {
        return i64::from(days) - i64::from(x);
    }
    i64::from(field.values.first().unwrap_or(days)) - i64::from(x) + i64::from(days)
}

/// Which day fields a search honours (croniter's `day_or` runs two).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Days {
    Both,
    /// Day of week treated as `*` (its `#`/`L` rules still apply).
    MonthDayOnly,
    /// Day of month treated as `*`.
    WeekDayOnly,
}

/// A cron expression bound to a zone.
#[derive(Debug, Clone)]
pub struct CronSchedule {
    expr: CronExpr,
    zone: Zone,
}

impl CronSchedule {
    /// Binds `expr` to `zone`, where its fields are read.
    pub fn new(expr: CronExpr, zone: Zone) -> Self {
        Self { expr, zone }
    }

    /// The first tick at or after `start` (UTC microseconds), searching wall
    /// years up to `limit_year`. Like `croniter_range`, which starts from
    /// `start - 1µs`: a start with a fraction of a second rounds up.
    pub fn first_at_or_after(&self, start: i64, limit_year: i32) -> Option<i64> {
        self.next_after_second((start - 1).div_euclid(MICROS), limit_year)
    }

    /// The tick after the tick `tick` (UTC microseconds).
    pub fn next_after(&self, tick: i64, limit_year: i32) -> Option<i64> {
        self.next_after_second(tick.div_euclid(MICROS), limit_year)
    }

    fn next_after_second(&self, after: i64, limit_year: i32) -> Option<i64> {
        let candidate = after + if self.expr.has_seconds() { 1 } else { 60 };
        let offset = offset_at(&self.zone, candidate * MICROS);
        let start = Wall::from_secs(candidate + offset);
        let wall = if self.expr.day_or() {
            let by_month_day = self.calc(start, Days::MonthDayOnly, limit_year)?;
            let by_week_day = self.calc(start, Days::WeekDayOnly, limit_year)?;
            if by_month_day.to_secs() < by_week_day.to_secs() {
                by_month_day
            } else {
                by_week_day
            }
        } else {
            self.calc(start, Days::Both, limit_year)?
        }
        .to_secs();
        let same_offset = wall - offset;
        let utc = if offset_at(&self.zone, same_offset * MICROS) == offset {
            same_offset
        } else {
            utc_of_local(&self.zone, wall * MICROS).div_euclid(MICROS)
        };
        Some(utc * MICROS)
    }

    /// croniter's `_calc`, forward only.
    fn calc(&self, mut d: Wall, days_mode: Days, limit_year: i32) -> Option<Wall> {
        let f = &self.expr.fields;
        let dom_star = f[DOM].star || days_mode == Days::WeekDayOnly;
        let dow_star = f[DOW].star || days_mode == Days::MonthDayOnly;
        let nth = self.expr.has_nth();
        while d.year <= limit_year {
            if self.expr.n_fields == 7 && !f[YEAR].star {
                let next = if d.year < 1970 {
                    f[YEAR].values.first()
                } else {
                    f[YEAR].values.next_at_or_after((d.year - 1970) as u32)
                };
                let next = next? as i32 + 1970;
                if next != d.year {
                    d = Wall::midnight_of(days_from_civil(next, 1, 1));
                    continue;
                }
            }
            if !f[MONTH].star {
                let diff = nearest(d.month, &f[MONTH].values, 12);
                if diff != 0 {
                    d = d.add_months_first_day(diff);
                    continue;
                }
            }
            let days = days_in_month(d.year, d.month);
            if !(dom_star || f[DOM].last && days == d.day) {
                let diff = nearest_day(d.day, &f[DOM], days);
                if diff != 0 {
                    d = d.add_days_at_midnight(diff);
                    continue;
                }
            }
            if nth {
                match self.nth_candidate(d, days) {
                    None => {
                        d = d.add_days_at_midnight(i64::from(days - d.day + 1));
                        continue;
                    }
                    Some(day) if day != d.day => {
                        d = d.add_days_at_midnight(i64::from(day - d.day));
                        continue;
                    }
                    Some(_) => {}
                }
            } else if !dow_star {
                let diff = nearest(d.weekday(), &f[DOW].values, 7);
                if diff != 0 {
                    d = d.add_days_at_midnight(diff);
                    continue;
                }
            }
            if !f[HOUR].star {
                let diff = nearest(d.hour, &f[HOUR].values, 24);
                if diff != 0 {
                    d = d.add_hours(diff);
                    continue;
                }
            }
            if !f[MINUTE].star {
                let diff = nearest(d.minute, &f[MINUTE].values, 60);
                if diff != 0 {
                    d = d.add_minutes(diff);
                    continue;
                }
            }
            if !self.expr.has_seconds() {
                d.second = 0;
            } else if !f[SECOND].star {
                let diff = nearest(d.second, &f[SECOND].values, 60);
                if diff != 0 {
                    d = d.add_seconds(diff);
                    continue;
                }
            }
            return Some(d);
        }
        None
    }

    /// The earliest day ≥ `d.day` of `d`'s month that satisfies a `#`/`L`
    /// weekday rule (croniter's `proc_day_of_week_nth`).
    fn nth_candidate(&self, d: Wall, days: u32) -> Option<u32> {
        let first_weekday = Wall { day: 1, ..d }.weekday();
        let mut best: Option<u32> = None;
        for (weekday, &bits) in self.expr.nth.iter().enumerate() {
            if bits == 0 {
                continue;
            }
            let first = 1 + (weekday as u32 + 7 - first_weekday) % 7;
            let count = (days - first) / 7 + 1;
            let nths = (1..=5u32).filter(|&n| bits & (1 << n) != 0 && n <= count);
            let last = (bits & NTH_LAST != 0).then_some(count);
            for k in nths.chain(last) {
                let day = first + 7 * (k - 1);
                if d.day <= day {
                    best = Some(best.map_or(day, |b| b.min(day)));
                }
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse::parse;
    use super::*;
    use crate::input::test_util::at;
    use crate::rng::FastRng;

    fn ticks(expr: &str, zone: &Zone, start: &str, n: usize) -> Vec<String> {
        let s = CronSchedule::new(parse(expr, &FastRng::from_seed(1)).unwrap(), zone.clone());
        let mut out = Vec::new();
        let mut t = s.first_at_or_after(at(start), 3000);
        while let Some(tick) = t {
            out.push(
                crate::time::Timestamp::from_utc_micros(tick)
                    .in_zone(zone)
                    .isoformat(),
            );
            if out.len() == n {
                break;
            }
            t = s.next_after(tick, 3000);
        }
        out
    }

    fn utc(expr: &str, start: &str, n: usize) -> Vec<String> {
        ticks(expr, &Zone::utc(), start, n)
    }

    #[test]
    fn every_second_and_listed_seconds() {
        assert_eq!(
            utc("* * * * * *", "2026-01-01T00:00:00Z", 3),
            [
                "2026-01-01T00:00:00+00:00",
                "2026-01-01T00:00:01+00:00",
                "2026-01-01T00:00:02+00:00"
            ]
        );
        assert_eq!(
            utc("* * * * * 15,45", "2026-01-01T00:00:20Z", 3),
            [
                "2026-01-01T00:00:45+00:00",
                "2026-01-01T00:01:15+00:00",
                "2026-01-01T00:01:45+00:00"
            ]
        );
        // A start with microseconds rounds up to the next whole second.
        assert_eq!(
            utc("* * * * * *", "2026-01-01T00:00:00.5Z", 1),
            ["2026-01-01T00:00:01+00:00"]
        );
    }

    #[test]
    fn five_fields_tick_on_minutes() {
        assert_eq!(
            utc("*/20 * * * *", "2026-01-01T00:00:00Z", 3),
            [
                "2026-01-01T00:00:00+00:00",
                "2026-01-01T00:20:00+00:00",
                "2026-01-01T00:40:00+00:00"
            ]
        );
        assert_eq!(
            utc("@hourly", "2026-01-01T10:00:30Z", 2),
            ["2026-01-01T11:00:00+00:00", "2026-01-01T12:00:00+00:00"]
        );
        assert_eq!(
            utc("30 9 * jan,mar mon-fri", "2026-01-30T10:00:00Z", 3),
            [
                "2026-03-02T09:30:00+00:00",
                "2026-03-03T09:30:00+00:00",
                "2026-03-04T09:30:00+00:00"
            ]
        );
    }

    #[test]
    fn day_of_month_or_day_of_week() {
        // Both restricted: the 13th OR a Friday (2026-02-13 is a Friday).
        assert_eq!(
            utc("0 0 13 * 5", "2026-02-01T00:00:00Z", 4),
            [
                "2026-02-06T00:00:00+00:00",
                "2026-02-13T00:00:00+00:00",
                "2026-02-20T00:00:00+00:00",
                "2026-02-27T00:00:00+00:00"
            ]
        );
        assert_eq!(
            utc("0 0 1 * mon", "2026-05-29T00:00:00Z", 3),
            [
                "2026-06-01T00:00:00+00:00",
                "2026-06-08T00:00:00+00:00",
                "2026-06-15T00:00:00+00:00"
            ]
        );
        assert_eq!(
            utc("0 0 2 * mon", "2026-05-29T00:00:00Z", 2),
            ["2026-06-01T00:00:00+00:00", "2026-06-02T00:00:00+00:00"]
        );
        // Day of month `*`: AND (only Mondays).
        assert_eq!(
            utc("0 0 * * mon", "2026-05-29T00:00:00Z", 1),
            ["2026-06-01T00:00:00+00:00"]
        );
        // `*/2` is a restriction, so it ORs with the weekday: odd days or Sundays.
        assert_eq!(
            utc("0 0 */2 * sun", "2026-03-01T00:00:00Z", 5),
            [
                "2026-03-01T00:00:00+00:00",
                "2026-03-03T00:00:00+00:00",
                "2026-03-05T00:00:00+00:00",
                "2026-03-07T00:00:00+00:00",
                "2026-03-08T00:00:00+00:00"
            ]
        );
    }

    #[test]
    fn last_day_and_nth_weekday() {
        assert_eq!(
            utc("0 12 L * *", "2024-01-31T13:00:00Z", 3),
            [
                "2024-02-29T12:00:00+00:00",
                "2024-03-31T12:00:00+00:00",
                "2024-04-30T12:00:00+00:00"
            ]
        );
        // Third Friday; last Friday.
        assert_eq!(
            utc("0 0 * * fri#3", "2026-01-01T00:00:00Z", 2),
            ["2026-01-16T00:00:00+00:00", "2026-02-20T00:00:00+00:00"]
        );
        assert_eq!(
            utc("0 0 * * L5", "2026-01-01T00:00:00Z", 2),
            ["2026-01-30T00:00:00+00:00", "2026-02-27T00:00:00+00:00"]
        );
        // A fifth Monday exists only in some months.
        assert_eq!(
            utc("0 0 * * 1#5", "2026-01-01T00:00:00Z", 2),
            ["2026-03-30T00:00:00+00:00", "2026-06-29T00:00:00+00:00"]
        );
        // croniter's quirk: with `31` listed, `L` is jumped over in 30-day months.
        assert_eq!(
            utc("0 0 5,31,L * *", "2026-04-10T00:00:00Z", 1),
            ["2026-05-05T00:00:00+00:00"]
        );
    }

    #[test]
    fn steps_ranges_and_years() {
        assert_eq!(
            utc("0 0 29 2 *", "2025-01-01T00:00:00Z", 2),
            ["2028-02-29T00:00:00+00:00", "2032-02-29T00:00:00+00:00"]
        );
        assert_eq!(
            utc("0 0 1 1 * 0 2030,2032", "2026-06-01T00:00:00Z", 3),
            ["2030-01-01T00:00:00+00:00", "2032-01-01T00:00:00+00:00"]
        );
        assert_eq!(
            utc("0 0 1 1 * 0 2020", "2026-06-01T00:00:00Z", 1),
            Vec::<String>::new()
        );
        // Impossible dates end the schedule instead of looping forever.
        assert_eq!(
            utc("0 0 30 2 *", "2026-01-01T00:00:00Z", 1),
            Vec::<String>::new()
        );
        assert_eq!(
            utc("0 22-2/2 * * *", "2026-01-01T01:00:00Z", 3),
            [
                "2026-01-01T02:00:00+00:00",
                "2026-01-01T22:00:00+00:00",
                "2026-01-02T00:00:00+00:00"
            ]
        );
    }

    #[test]
    fn wall_clock_in_the_zone() {
        let msk = Zone::named("Europe/Moscow").unwrap();
        assert_eq!(
            ticks("0 9 * * *", &msk, "2026-01-01T00:00:00Z", 2),
            ["2026-01-01T09:00:00+03:00", "2026-01-02T09:00:00+03:00"]
        );
        let ny = Zone::named("America/New_York").unwrap();
        // Spring forward on 2026-03-08: 02:30 does not exist and moves to 03:30.
        assert_eq!(
            ticks("30 2 * * *", &ny, "2026-03-07T00:00:00Z", 3),
            [
                "2026-03-07T02:30:00-05:00",
                "2026-03-08T03:30:00-04:00",
                "2026-03-09T02:30:00-04:00"
            ]
        );
        // Fall back on 2026-11-01 (06:00Z): a half-hourly schedule goes from
        // 01:30 EDT to 02:00 EST, as croniter's wall-clock arithmetic does...
        assert_eq!(
            ticks("*/30 * * * *", &ny, "2026-11-01T04:30:00Z", 5),
            [
                "2026-11-01T00:30:00-04:00",
                "2026-11-01T01:00:00-04:00",
                "2026-11-01T01:30:00-04:00",
                "2026-11-01T02:00:00-05:00",
                "2026-11-01T02:30:00-05:00"
            ]
        );
        // ...while an every-second schedule walks through the repeated hour.
        assert_eq!(
            ticks("* * * * * *", &ny, "2026-11-01T05:59:59Z", 2),
            ["2026-11-01T01:59:59-04:00", "2026-11-01T01:00:00-05:00"]
        );
    }
}
