//! [`TimeDelta`], the twin of Python's `datetime.timedelta`.

use std::ops::{Add, Mul, Neg, Sub};

/// A signed duration with microsecond resolution, like `datetime.timedelta`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct TimeDelta {
    micros: i64,
}

fn round_micros(x: f64) -> i64 {
    // timedelta rounds half to even when given fractional microseconds.
    x.round_ties_even() as i64
}

impl TimeDelta {
    /// The zero duration.
    pub const ZERO: Self = Self { micros: 0 };

    /// A duration of exactly `micros` microseconds.
    pub const fn from_micros(micros: i64) -> Self {
        Self { micros }
    }

    /// `timedelta(microseconds=n)`.
    pub fn microseconds(n: f64) -> Self {
        Self::from_micros(round_micros(n))
    }

    /// `timedelta(milliseconds=n)`.
    pub fn milliseconds(n: f64) -> Self {
        Self::from_micros(round_micros(n * 1e3))
    }

    /// `timedelta(seconds=n)`.
    pub fn seconds(n: f64) -> Self {
        Self::from_micros(round_micros(n * 1e6))
    }

    /// `timedelta(minutes=n)`.
    pub fn minutes(n: f64) -> Self {
        Self::from_micros(round_micros(n * 60e6))
    }

    /// `timedelta(hours=n)`.
    pub fn hours(n: f64) -> Self {
        Self::from_micros(round_micros(n * 3600e6))
    }

    /// `timedelta(days=n)`.
    pub fn days(n: f64) -> Self {
        Self::from_micros(round_micros(n * 86_400e6))
    }

    /// `timedelta(weeks=n)`.
    pub fn weeks(n: f64) -> Self {
        Self::from_micros(round_micros(n * 604_800e6))
    }

    /// The length in microseconds.
    pub const fn as_micros(self) -> i64 {
        self.micros
    }

    /// `td.total_seconds()`.
    pub fn total_seconds(self) -> f64 {
        self.micros as f64 / 1e6
    }
}

impl Add for TimeDelta {
    type Output = Self;
    fn add(self, rhs: Self) -> Self {
        Self::from_micros(self.micros.saturating_add(rhs.micros))
    }
}

impl Sub for TimeDelta {
    type Output = Self;
    fn sub(self, rhs: Self) -> Self {
        Self::from_micros(self.micros.saturating_sub(rhs.micros))
    }
}

impl Neg for TimeDelta {
    type Output = Self;
    fn neg(self) -> Self {
        Self::from_micros(-self.micros)
    }
}

impl Mul<i64> for TimeDelta {
    type Output = Self;
    fn mul(self, rhs: i64) -> Self {
        Self::from_micros(self.micros.saturating_mul(rhs))
    }
}

impl Mul<f64> for TimeDelta {
    type Output = Self;
    fn mul(self, rhs: f64) -> Self {
        Self::from_micros(round_micros(self.micros as f64 * rhs))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constructors_agree() {
        assert_eq!(TimeDelta::hours(1.0), TimeDelta::minutes(60.0));
        assert_eq!(TimeDelta::days(1.5), TimeDelta::hours(36.0));
        assert_eq!(TimeDelta::seconds(0.000_001_5).as_micros(), 2);
        assert_eq!(TimeDelta::seconds(0.000_002_5).as_micros(), 2);
        assert!((TimeDelta::milliseconds(1500.0).total_seconds() - 1.5).abs() < 1e-12);
        assert_eq!((TimeDelta::hours(1.0) * 3).as_micros(), 3 * 3_600_000_000);
        assert_eq!(
            -TimeDelta::seconds(1.0) + TimeDelta::seconds(1.0),
            TimeDelta::ZERO
        );
    }
}
