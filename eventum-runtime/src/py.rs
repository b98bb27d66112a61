//! Python semantics for the arithmetic and text conversions of exported
//! generators, so native events and their Jinja twins agree: `/` on
//! integers floors (Python's `//`), `%` takes the sign of the divisor, and
//! floats print as Python's `repr` (`1.0`, `1e+16`). The macro rewrites
//! `a / b`, `a % b`, `format!` arguments and `.to_string()` in event bodies
//! of exported generators into these calls.

use std::fmt;

/// `a / b` as the Jinja translation computes it.
pub trait PyDiv<Rhs = Self> {
    /// The result type.
    type Output;
    /// Divides.
    fn py_div(self, rhs: Rhs) -> Self::Output;
}

/// `a % b` as Python computes it.
pub trait PyRem<Rhs = Self> {
    /// The result type.
    type Output;
    /// The remainder.
    fn py_rem(self, rhs: Rhs) -> Self::Output;
}

macro_rules! int_ops {
    ($($t:ty)*) => {$(
        impl PyDiv for $t {
            type Output = $t;
            /// Floor division (`//`).
            ///
            /// # Panics
            /// On a zero divisor (`ZeroDivisionError`).
            #[inline]
            fn py_div(self, rhs: $t) -> $t {
                assert!(rhs != 0, "integer division or modulo by zero");
                let q = self / rhs;
                #[allow(unused_comparisons)] // unsigned types never go below zero
                if (self % rhs != 0) && ((self < 0) != (rhs < 0)) { q - 1 } else { q }
            }
        }
        impl PyRem for $t {
            type Output = $t;
            /// The remainder with the sign of the divisor.
            ///
            /// # Panics
            /// On a zero divisor (`ZeroDivisionError`).
            #[inline]
            fn py_rem(self, rhs: $t) -> $t {
                assert!(rhs != 0, "integer division or modulo by zero");
                let r = self % rhs;
                #[allow(unused_comparisons)] // unsigned types never go below zero
                if r != 0 && ((r < 0) != (rhs < 0)) { r + rhs } else { r }
            }
        }
    )*};
}
int_ops!(i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize);

macro_rules! float_ops {
    ($($t:ty)*) => {$(
        impl PyDiv for $t {
            type Output = $t;
            /// True division.
            ///
            /// # Panics
            /// On a zero divisor (`ZeroDivisionError`).
            #[inline]
            fn py_div(self, rhs: $t) -> $t {
                assert!(rhs != 0.0, "float division by zero");
                self / rhs
            }
        }
        impl PyRem for $t {
            type Output = $t;
            /// Python's float modulo (sign of the divisor).
            ///
            /// # Panics
            /// On a zero divisor (`ZeroDivisionError`).
            #[inline]
            fn py_rem(self, rhs: $t) -> $t {
                assert!(rhs != 0.0, "float modulo");
                let r = self % rhs;
                if r != 0.0 && ((r < 0.0) != (rhs < 0.0)) { r + rhs } else { r }
            }
        }
    )*};
}
float_ops!(f32 f64);

/// `a / b`.
#[inline]
pub fn div<A: PyDiv<B>, B>(a: A, b: B) -> A::Output {
    a.py_div(b)
}

/// `a % b`.
#[inline]
pub fn rem<A: PyRem<B>, B>(a: A, b: B) -> A::Output {
    a.py_rem(b)
}

/// How a value prints in `format!` and `to_string()` of an exported
/// generator: like Python's `str()`, except booleans, which print as
/// `true`/`false` (the translation writes them that way).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be formatted in an exported generator",
    note = "format! and to_string() in exported generators take numbers, strings, bools, timestamps and IP addresses (their Jinja twins print the same)"
)]
pub trait PyDisplay {
    /// Writes the text.
    fn py_fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result;
}

macro_rules! display_as_is {
    ($($t:ty)*) => {$(
        impl PyDisplay for $t {
            #[inline]
            fn py_fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(self, f)
            }
        }
    )*};
}
display_as_is!(i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize bool char str String
    std::net::Ipv4Addr std::net::Ipv6Addr std::net::IpAddr crate::Timestamp std::sync::Arc<str> Box<str>);

impl PyDisplay for std::borrow::Cow<'_, str> {
    fn py_fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

impl<const N: usize> PyDisplay for crate::InlineStr<N> {
    fn py_fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

impl PyDisplay for f64 {
    fn py_fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.precision().is_some() || f.width().is_some() {
            // An explicit spec (`{:.2}`) is Python's `%.2f`, which Rust matches.
            return fmt::Display::fmt(self, f);
        }
        f.write_str(&crate::json::py_float_repr(*self))
    }
}

impl PyDisplay for f32 {
    fn py_fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f64::from(*self).py_fmt(f)
    }
}

impl<T: PyDisplay + ?Sized> PyDisplay for &T {
    fn py_fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).py_fmt(f)
    }
}

/// A value displayed with [`PyDisplay`].
pub struct Py<'a, T: ?Sized>(pub &'a T);

impl<T: PyDisplay + ?Sized> fmt::Display for Py<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.py_fmt(f)
    }
}

/// Wraps a `format!` argument.
#[inline]
pub fn fmt<T: PyDisplay + ?Sized>(v: &T) -> Py<'_, T> {
    Py(v)
}

/// `x.to_string()` with Python's float spelling.
pub fn to_string<T: PyDisplay + ?Sized>(v: &T) -> String {
    Py(v).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_arithmetic() {
        assert_eq!(div(7, 2), 3);
        assert_eq!(div(-7, 2), -4);
        assert_eq!(div(7, -2), -4);
        assert_eq!(rem(-7, 3), 2);
        assert_eq!(rem(7, -3), -2);
        assert_eq!(rem(7u32, 3u32), 1);
        assert!((div(7.0_f64, 2.0) - 3.5).abs() < 1e-12);
        assert!((rem(-7.5_f64, 2.0) - 0.5).abs() < 1e-12);
        assert!(std::panic::catch_unwind(|| div(1, 0)).is_err());
    }

    #[test]
    fn python_text() {
        assert_eq!(format!("{}", fmt(&1.0)), "1.0");
        assert_eq!(format!("{}", fmt(&1e16)), "1e+16");
        assert_eq!(format!("{:.2}", fmt(&1.0)), "1.00");
        assert_eq!(format!("{}", fmt(&5)), "5");
        assert_eq!(format!("{}", fmt("a")), "a");
        assert_eq!(to_string(&0.1), "0.1");
        assert_eq!(to_string(&true), "true");
    }
}
