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
//! result converts back to UTC as croniter's datetimes do: a candidate that
//! matched without moving keeps its instant (so an every-second schedule
//! walks through the repeated hour of a fall-back), a moved one takes the
//! earlier instant of an ambiguous wall time, and a time in a spring-forward
//! gap moves forward (`02:30` becomes `03:30`). Where croniter would step
//! back into the first pass of a repeated hour (and then cycle through it
//! forever), the offset of the search start is kept instead.
//!
//! [`CronTicks`] then applies croniter's DST "lag" adjustment: when a tick's
//! UTC offset differs from the offset at the reference time (the range
//! start, later the last adjusted tick) and enough wall time has passed, the
//! tick's wall time is shifted by the offset change. This is croniter 6.0's
//! observable behaviour, reproduced on purpose: `0 9 * * *` in New York
//! ticks at 08:00 **and** 09:00 on the spring-forward day, and `@yearly`
//! started in summer first ticks at 01:00 on 1 January.

use super::parse::{Bits, CronExpr, DOM, DOW, Field, HOUR, MINUTE, MONTH, NTH_LAST, SECOND, YEAR};
use crate::input::MICROS;
use crate::input::versatile::{local_of, offset_at, utc_of_local};
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

/// The ticks of a schedule from a start time, as `croniter_range` yields
/// them (with its DST lag adjustment).
#[derive(Debug, Clone)]
pub struct CronTicks {
    schedule: CronSchedule,
    /// The previous tick.
    last: Option<i64>,
    start: i64,
    /// croniter's `dst_start_time`.
    reference: i64,
    /// croniter's `max_years_between_matches`.
    max_years: i32,
    done: bool,
}

impl Iterator for CronTicks {
    type Item = i64;

    fn next(&mut self) -> Option<i64> {
        if self.done {
            return None;
        }
        let after = self.last.unwrap_or(self.start - 1).div_euclid(MICROS);
        let Some(raw) = self.schedule.next_after_second(after, self.max_years) else {
            self.done = true;
            return None;
        };
        let tick = self.schedule.lag_adjusted(raw, &mut self.reference);
        self.last = Some(tick);
        Some(tick)
    }
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

    /// The ticks from `start` to `end` (UTC microseconds, inclusive), as
    /// `croniter_range(start, end)` yields them. Ticks after `end` may come
    /// out; the caller stops there.
    pub fn ticks(self, start: i64, end: i64) -> CronTicks {
        // croniter_range widens the range by 1µs on each side and lets each
        // search run `max_years_between_matches` = the range's span in wall
        // years + 1 past the year it starts in.
        let year = |t: i64| i64::from(Civil::from_local_micros(local_of(&self.zone, t)).year);
        let max_years = (year(end.saturating_add(1)) - year(start - 1)).abs() + 1;
        CronTicks {
            schedule: self,
            last: None,
            start,
            reference: start - 1,
            max_years: i32::try_from(max_years).unwrap_or(i32::MAX),
            done: false,
        }
    }

    /// croniter's `_calc` result after the second `after` (whole UTC
    /// seconds), as UTC microseconds, before the DST lag adjustment.
    fn next_after_second(&self, after: i64, max_years: i32) -> Option<i64> {
        let candidate = after + if self.expr.has_seconds() { 1 } else { 60 };
        let offset = offset_at(&self.zone, candidate * MICROS);
        let start = Wall::from_secs(candidate + offset);
        let limit_year = start.year.saturating_add(max_years);
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

    /// croniter's DST block in `_get_next`: `tick` against the reference
    /// time (`dst_start_time`), which moves to the tick when it is adjusted.
    fn lag_adjusted(&self, tick: i64, reference: &mut i64) -> i64 {
        let ref_offset = offset_at(&self.zone, *reference);
        let tick_offset = offset_at(&self.zone, tick);
        if tick_offset == ref_offset {
            return tick;
        }
        let ref_wall = *reference + ref_offset * MICROS;
        let tick_wall = tick + tick_offset * MICROS;
        let lag_hours = ((tick_wall - ref_wall) as f64 / 1e6 / 3600.0).abs();
        let lag = tick_offset - ref_offset;
        let hours_before_midnight = 24 - i64::from(Civil::from_local_micros(ref_wall).hour);
        let adjust = if lag > 0 {
            lag_hours >= hours_before_midnight as f64
        } else {
            3600.0 * lag_hours + lag.abs() as f64 >= (hours_before_midnight * 3600) as f64
        };
        if !adjust {
            return tick;
        }
        let adjusted = utc_of_local(&self.zone, tick_wall - lag * MICROS);
        *reference = adjusted;
        adjusted
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
        s.ticks(at(start), at(start) + 4000 * 86_400 * MICROS)
            .take(n)
            .map(|tick| {
                crate::time::Timestamp::from_utc_micros(tick)
                    .in_zone(zone)
                    .isoformat()
            })
            .collect()
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

    /// Ticks produced by croniter 6.0.0 (`croniter_range(start, start +
    /// 4000 days, expr)` with `ZoneInfo(zone)` datetimes): DST lag
    /// adjustments, gaps and folds, the day rules, wrapped steps, years.
    const CRONITER_6_0_0: &[(&str, &str, &str, &[&str])] = &[
        (
            "0 9 * * *",
            "America/New_York",
            "2026-03-06T12:00:00-05:00",
            &[
                "2026-03-07T09:00:00-05:00",
                "2026-03-08T08:00:00-04:00",
                "2026-03-08T09:00:00-04:00",
                "2026-03-09T09:00:00-04:00",
                "2026-03-10T09:00:00-04:00",
                "2026-03-11T09:00:00-04:00",
            ],
        ),
        (
            "@yearly",
            "America/New_York",
            "2027-07-20T13:09:33-04:00",
            &[
                "2028-01-01T01:00:00-05:00",
                "2029-01-01T00:00:00-05:00",
                "2030-01-01T00:00:00-05:00",
                "2031-01-01T00:00:00-05:00",
                "2032-01-01T00:00:00-05:00",
                "2033-01-01T00:00:00-05:00",
            ],
        ),
        (
            "*/30 * * * *",
            "America/New_York",
            "2026-10-31T23:10:00-04:00",
            &[
                "2026-10-31T23:30:00-04:00",
                "2026-11-01T00:00:00-04:00",
                "2026-11-01T00:30:00-04:00",
                "2026-11-01T01:00:00-04:00",
                "2026-11-01T01:30:00-04:00",
                "2026-11-01T03:00:00-05:00",
            ],
        ),
        (
            "* * * * * 0,30",
            "Europe/Berlin",
            "2026-03-29T01:59:00+01:00",
            &[
                "2026-03-29T01:59:00+01:00",
                "2026-03-29T01:59:30+01:00",
                "2026-03-29T03:00:00+02:00",
                "2026-03-29T03:00:30+02:00",
                "2026-03-29T03:01:00+02:00",
                "2026-03-29T03:01:30+02:00",
            ],
        ),
        (
            "0 2 * * *",
            "Australia/Lord_Howe",
            "2026-04-03T00:00:00+11:00",
            &[
                "2026-04-03T02:00:00+11:00",
                "2026-04-04T02:00:00+11:00",
                "2026-04-05T02:30:00+10:30",
                "2026-04-06T02:00:00+10:30",
                "2026-04-07T02:00:00+10:30",
                "2026-04-08T02:00:00+10:30",
            ],
        ),
        (
            "0 0 13 * fri",
            "UTC",
            "2026-01-01T00:00:00+00:00",
            &[
                "2026-01-02T00:00:00+00:00",
                "2026-01-09T00:00:00+00:00",
                "2026-01-13T00:00:00+00:00",
                "2026-01-16T00:00:00+00:00",
                "2026-01-23T00:00:00+00:00",
                "2026-01-30T00:00:00+00:00",
            ],
        ),
        (
            "15 10 L * *",
            "UTC",
            "2026-01-30T00:00:00+00:00",
            &[
                "2026-01-31T10:15:00+00:00",
                "2026-02-28T10:15:00+00:00",
                "2026-03-31T10:15:00+00:00",
                "2026-04-30T10:15:00+00:00",
                "2026-05-31T10:15:00+00:00",
                "2026-06-30T10:15:00+00:00",
            ],
        ),
        (
            "0 0 5,31,L * *",
            "UTC",
            "2026-04-01T00:00:00+00:00",
            &[
                "2026-04-05T00:00:00+00:00",
                "2026-05-05T00:00:00+00:00",
                "2026-05-31T00:00:00+00:00",
                "2026-06-05T00:00:00+00:00",
                "2026-07-05T00:00:00+00:00",
                "2026-07-31T00:00:00+00:00",
            ],
        ),
        (
            "0 12 * * mon#2,fri#5",
            "UTC",
            "2026-01-01T00:00:00+00:00",
            &[
                "2026-01-12T12:00:00+00:00",
                "2026-01-30T12:00:00+00:00",
                "2026-02-09T12:00:00+00:00",
                "2026-03-09T12:00:00+00:00",
                "2026-04-13T12:00:00+00:00",
                "2026-05-11T12:00:00+00:00",
            ],
        ),
        (
            "30 4 * * L0",
            "Asia/Kolkata",
            "2026-01-01T00:00:00+05:30",
            &[
                "2026-01-25T04:30:00+05:30",
                "2026-02-22T04:30:00+05:30",
                "2026-03-29T04:30:00+05:30",
                "2026-04-26T04:30:00+05:30",
                "2026-05-31T04:30:00+05:30",
                "2026-06-28T04:30:00+05:30",
            ],
        ),
        (
            "50-10/15 22-2/3 * * *",
            "UTC",
            "2026-01-01T00:00:00+00:00",
            &[
                "2026-01-01T02:06:00+00:00",
                "2026-01-01T02:50:00+00:00",
                "2026-01-01T22:06:00+00:00",
                "2026-01-01T22:50:00+00:00",
                "2026-01-02T02:06:00+00:00",
                "2026-01-02T02:50:00+00:00",
            ],
        ),
        (
            "0 0 1-31 * 1",
            "UTC",
            "2026-01-01T00:00:00+00:00",
            &[
                "2026-01-01T00:00:00+00:00",
                "2026-01-02T00:00:00+00:00",
                "2026-01-03T00:00:00+00:00",
                "2026-01-04T00:00:00+00:00",
                "2026-01-05T00:00:00+00:00",
                "2026-01-06T00:00:00+00:00",
            ],
        ),
        (
            "0 0 25 12 * 0 2027-2099/3",
            "UTC",
            "2026-01-01T00:00:00+00:00",
            &[
                "2027-12-25T00:00:00+00:00",
                "2030-12-25T00:00:00+00:00",
                "2033-12-25T00:00:00+00:00",
            ],
        ),
        (
            "*/20 * * * * */30",
            "UTC",
            "2026-01-01T00:00:07+00:00",
            &[
                "2026-01-01T00:00:30+00:00",
                "2026-01-01T00:20:00+00:00",
                "2026-01-01T00:20:30+00:00",
                "2026-01-01T00:40:00+00:00",
                "2026-01-01T00:40:30+00:00",
                "2026-01-01T01:00:00+00:00",
            ],
        ),
        (
            "0 0 29 2 mon",
            "UTC",
            "2027-01-01T00:00:00+00:00",
            &[
                "2027-02-01T00:00:00+00:00",
                "2027-02-08T00:00:00+00:00",
                "2027-02-15T00:00:00+00:00",
                "2027-02-22T00:00:00+00:00",
                "2028-02-07T00:00:00+00:00",
                "2028-02-14T00:00:00+00:00",
            ],
        ),
        (
            "0 0 ? jan-feb sat-sun",
            "UTC",
            "2026-01-01T00:00:00+00:00",
            &[
                "2026-01-03T00:00:00+00:00",
                "2026-01-04T00:00:00+00:00",
                "2026-01-10T00:00:00+00:00",
                "2026-01-11T00:00:00+00:00",
                "2026-01-17T00:00:00+00:00",
                "2026-01-18T00:00:00+00:00",
            ],
        ),
        (
            "@weekly",
            "Pacific/Chatham",
            "2026-03-28T00:00:00+13:45",
            &[
                "2026-03-29T00:00:00+13:45",
                "2026-04-05T00:00:00+13:45",
                "2026-04-12T01:00:00+12:45",
                "2026-04-19T00:00:00+12:45",
                "2026-04-26T00:00:00+12:45",
                "2026-05-03T00:00:00+12:45",
            ],
        ),
    ];

    #[test]
    fn matches_croniter() {
        for (expr, zone, start, want) in CRONITER_6_0_0 {
            let zone = Zone::named(zone).unwrap();
            let got = ticks(expr, &zone, start, want.len());
            assert_eq!(&got, want, "{expr} in {} from {start}", zone.name());
        }
    }
}
