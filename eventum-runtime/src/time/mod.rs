//! Time as templates see it: [`Timestamp`] (Python's aware `datetime`),
//! [`TimeDelta`] (Python's `timedelta`), time zones, and the civil-calendar
//! arithmetic behind `isoformat()` and `strftime()`.

mod civil;
mod delta;
mod strftime;
mod timestamp;
mod zone;

pub use civil::{Civil, civil_from_days, days_from_civil, days_in_month, is_leap};
pub use delta::TimeDelta;
pub use strftime::StrftimeError;
pub use timestamp::Timestamp;
pub use zone::{TimeZoneError, Zone};
