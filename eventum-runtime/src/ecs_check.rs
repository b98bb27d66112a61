//! Compile-time checks that a value fits an ECS field type. The expansion
//! wraps each value written into a known field in one of these functions;
//! a mismatch fails to compile on the user's expression with the message
//! below. They cost nothing at run time.

use crate::json::WriteJson;

/// A value that can go into a `keyword`-like field.
#[diagnostic::on_unimplemented(
    message = "this value cannot go into an ECS keyword field: `{Self}` is not a string",
    label = "expected a string (&str, String, Str, an IP address, ...)",
    note = "convert it explicitly, e.g. `x.to_string()`, if the source really writes it as text"
)]
pub trait EcsKeyword: WriteJson {}

/// A value that can go into a `long`/`integer` field.
#[diagnostic::on_unimplemented(
    message = "this value cannot go into an ECS integer field: `{Self}` is not an integer",
    label = "expected an integer (i64, u32, ...)"
)]
pub trait EcsLong: WriteJson {}

/// A value that can go into a `float`/`double` field.
#[diagnostic::on_unimplemented(
    message = "this value cannot go into an ECS float field: `{Self}` is not a number",
    label = "expected a number (f64 or an integer)"
)]
pub trait EcsFloat: WriteJson {}

/// A value that can go into a `boolean` field.
#[diagnostic::on_unimplemented(
    message = "this value cannot go into an ECS boolean field: `{Self}` is not a bool",
    label = "expected a bool"
)]
pub trait EcsBool: WriteJson {}

/// A value that can go into a `date` field.
#[diagnostic::on_unimplemented(
    message = "this value cannot go into an ECS date field: `{Self}` is neither a Timestamp nor a string",
    label = "expected a Timestamp or an ISO-8601 string"
)]
pub trait EcsDate: WriteJson {}

/// A value that can go into an `ip` field.
#[diagnostic::on_unimplemented(
    message = "this value cannot go into an ECS ip field: `{Self}` is not an IP address",
    label = "expected an Ipv4Addr, Ipv6Addr, IpAddr or a string"
)]
pub trait EcsIp: WriteJson {}

macro_rules! kinds {
    ($tr:ident: $($t:ty),*) => {$( impl $tr for $t {} )*};
}

kinds!(EcsKeyword: str, String, std::borrow::Cow<'_, str>, std::sync::Arc<str>, Box<str>, char,
    std::net::Ipv4Addr, std::net::Ipv6Addr, std::net::IpAddr);
impl<const N: usize> EcsKeyword for crate::InlineStr<N> {}
kinds!(EcsLong: i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize);
kinds!(EcsFloat: f32, f64, i8, i16, i32, i64, isize, u8, u16, u32, u64, usize);
kinds!(EcsBool: bool);
kinds!(EcsDate: crate::Timestamp, str, String, std::sync::Arc<str>, std::borrow::Cow<'_, str>);
kinds!(EcsIp: std::net::Ipv4Addr, std::net::Ipv6Addr, std::net::IpAddr, str, String, std::sync::Arc<str>);

macro_rules! containers {
    ($($tr:ident),*) => {$(
        impl<T: $tr + ?Sized> $tr for &T {}
        impl<T: $tr> $tr for Option<T> {}
        impl<T: $tr> $tr for [T] {}
        impl<T: $tr, const N: usize> $tr for [T; N] {}
        impl<T: $tr> $tr for Vec<T> {}
    )*};
}
containers!(EcsKeyword, EcsLong, EcsFloat, EcsBool, EcsDate, EcsIp);

/// Checks a value for a keyword field.
#[inline]
pub fn keyword<T: EcsKeyword + ?Sized>(v: &T) -> &T {
    v
}
/// Checks a value for an integer field.
#[inline]
pub fn long<T: EcsLong + ?Sized>(v: &T) -> &T {
    v
}
/// Checks a value for a float field.
#[inline]
pub fn float<T: EcsFloat + ?Sized>(v: &T) -> &T {
    v
}
/// Checks a value for a boolean field.
#[inline]
pub fn boolean<T: EcsBool + ?Sized>(v: &T) -> &T {
    v
}
/// Checks a value for a date field.
#[inline]
pub fn date<T: EcsDate + ?Sized>(v: &T) -> &T {
    v
}
/// Checks a value for an ip field.
#[inline]
pub fn ip<T: EcsIp + ?Sized>(v: &T) -> &T {
    v
}
