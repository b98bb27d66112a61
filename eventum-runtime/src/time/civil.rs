//! Proleptic Gregorian calendar conversions (Howard Hinnant's algorithms),
//! used on the hot path instead of a full date library.

/// A broken-down wall-clock time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Civil {
    /// Year, e.g. 2026.
    pub year: i32,
    /// Month, 1..=12.
    pub month: u8,
    /// Day of month, 1..=31.
    pub day: u8,
    /// Hour, 0..=23.
    pub hour: u8,
    /// Minute, 0..=59.
    pub minute: u8,
    /// Second, 0..=59.
    pub second: u8,
    /// Microsecond, `0..=999_999`.
    pub micro: u32,
    /// Day of the week, Monday = 0 .. Sunday = 6 (Python's `weekday()`).
    pub weekday: u8,
    /// Day of the year, 1..=366.
    pub yday: u16,
}

/// Days since 1970-01-01 for a proleptic Gregorian date.
pub const fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = if month <= 2 {
        year as i64 - 1
    } else {
        year as i64
    };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = month as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day number (days since 1970-01-01): `(year, month, day)`.
pub const fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((if m <= 2 { y + 1 } else { y }) as i32, m, d)
}

/// Whether `year` is a leap year.
pub const fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in a month.
pub const fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ => {
            if is_leap(year) {
                29
            } else {
                28
            }
        }
    }
}

impl Civil {
    /// The wall-clock fields of `local_micros` (microseconds since the epoch,
    /// already shifted by the UTC offset).
    pub const fn from_local_micros(local_micros: i64) -> Self {
        let secs = local_micros.div_euclid(1_000_000);
        let micro = local_micros.rem_euclid(1_000_000) as u32;
        let days = secs.div_euclid(86_400);
        let sod = secs.rem_euclid(86_400) as u32;
        let (year, month, day) = civil_from_days(days);
        // 1970-01-01 was a Thursday (weekday 3 with Monday = 0).
        let weekday = (days + 3).rem_euclid(7) as u8;
        let yday = (days - days_from_civil(year, 1, 1) + 1) as u16;
        Self {
            year,
            month: month as u8,
            day: day as u8,
            hour: (sod / 3600) as u8,
            minute: (sod / 60 % 60) as u8,
            second: (sod % 60) as u8,
            micro,
            weekday,
            yday,
        }
    }

    /// Microseconds since the epoch of these wall-clock fields (read as UTC).
    pub const fn to_local_micros(&self) -> i64 {
        let days = days_from_civil(self.year, self.month as u32, self.day as u32);
        let secs =
            days * 86_400 + self.hour as i64 * 3600 + self.minute as i64 * 60 + self.second as i64;
        secs * 1_000_000 + self.micro as i64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_over_a_wide_range() {
        for days in (-800_000..800_000).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
            assert!(d >= 1 && d <= days_in_month(y, m));
        }
    }

    #[test]
    fn known_dates() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(civil_from_days(20_454), (2026, 1, 1));
        let c = Civil::from_local_micros(1_767_268_800_000_000);
        assert_eq!((c.year, c.month, c.day, c.hour), (2026, 1, 1, 12));
        // 2026-01-01 is a Thursday.
        assert_eq!(c.weekday, 3);
        assert_eq!(c.yday, 1);
        assert_eq!(c.to_local_micros(), 1_767_268_800_000_000);
        let before_epoch = Civil::from_local_micros(-1);
        assert_eq!(
            (before_epoch.year, before_epoch.second, before_epoch.micro),
            (1969, 59, 999_999)
        );
    }
}
