//! What `format!` in generator functions compiles to: the macro lowers
//! `format!("a{}b{}", x, y)` to a `String` sized once from the literal
//! pieces and the arguments' lengths, with each piece and argument pushed
//! straight into it. Strings and integers (the arguments generators format
//! by the dozen per event) are pushed directly, integers through `itoa`;
//! every other type goes through its `Display`, so the text is exactly what
//! `format!` writes.
//!
//! The choice is made per call site by method resolution (an argument is
//! wrapped in [`Arg`] and `(&Arg(x)).push_to(..)` finds [`PushFast`] when
//! `x` is [`FastText`], else the [`PushDisplay`] impl on `&Arg`), so it
//! needs no type information in the macro.

use std::borrow::Cow;
use std::fmt::{self, Write as _};
use std::rc::Rc;
use std::sync::Arc;

/// Types whose `Display` text can be pushed without the formatting
/// machinery. Implementations must push exactly the `Display` text.
pub trait FastText {
    /// An upper estimate of the text's length (for the capacity).
    fn text_len(&self) -> usize;
    /// Appends the text.
    fn push_text(&self, out: &mut String);
}

macro_rules! deref_text {
    ($($t:ty),*) => {$(
        impl FastText for $t {
            #[inline]
            fn text_len(&self) -> usize {
                self.len()
            }
            #[inline]
            fn push_text(&self, out: &mut String) {
                out.push_str(self);
            }
        }
    )*};
}
deref_text!(str, String, Cow<'_, str>, Box<str>, Arc<str>, Rc<str>);

impl<const N: usize> FastText for crate::InlineStr<N> {
    #[inline]
    fn text_len(&self) -> usize {
        self.len()
    }
    #[inline]
    fn push_text(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl FastText for char {
    #[inline]
    fn text_len(&self) -> usize {
        self.len_utf8()
    }
    #[inline]
    fn push_text(&self, out: &mut String) {
        out.push(*self);
    }
}

impl FastText for bool {
    #[inline]
    fn text_len(&self) -> usize {
        5
    }
    #[inline]
    fn push_text(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

macro_rules! int_text {
    ($($t:ty)*) => {$(
        impl FastText for $t {
            #[inline]
            fn text_len(&self) -> usize {
                // Enough for every i64/u64; longer values just regrow.
                20
            }
            #[inline]
            fn push_text(&self, out: &mut String) {
                out.push_str(itoa::Buffer::new().format(*self));
            }
        }
    )*};
}
int_text!(i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize);

impl<T: FastText + ?Sized> FastText for &T {
    #[inline]
    fn text_len(&self) -> usize {
        (**self).text_len()
    }
    #[inline]
    fn push_text(&self, out: &mut String) {
        (**self).push_text(out);
    }
}

impl<T: FastText + ?Sized> FastText for &mut T {
    #[inline]
    fn text_len(&self) -> usize {
        (**self).text_len()
    }
    #[inline]
    fn push_text(&self, out: &mut String) {
        (**self).push_text(out);
    }
}

/// An argument of an exported generator's `format!`, wrapped for Python's
/// spelling by the macro: for these types Python's text is their `Display`.
impl<T: FastText + crate::py::PyDisplay + ?Sized> FastText for crate::py::Py<'_, T> {
    #[inline]
    fn text_len(&self) -> usize {
        self.0.text_len()
    }
    #[inline]
    fn push_text(&self, out: &mut String) {
        self.0.push_text(out);
    }
}

/// A `format!` argument.
pub struct Arg<'a, T: ?Sized>(pub &'a T);

/// How an argument is pushed when it is [`FastText`] (preferred by method
/// resolution: it is implemented on `Arg` itself).
pub trait PushFast {
    /// An upper estimate of the text's length.
    fn len_hint(&self) -> usize;
    /// Appends the text.
    fn push_to(&self, out: &mut String);
}

impl<T: FastText + ?Sized> PushFast for Arg<'_, T> {
    #[inline]
    fn len_hint(&self) -> usize {
        self.0.text_len()
    }
    #[inline]
    fn push_to(&self, out: &mut String) {
        self.0.push_text(out);
    }
}

/// How any other `Display` argument is pushed (implemented on `&Arg`, so
/// only found when [`PushFast`] does not apply).
pub trait PushDisplay {
    /// A guess at the text's length.
    fn len_hint(&self) -> usize;
    /// Appends the text.
    fn push_to(&self, out: &mut String);
}

impl<T: fmt::Display + ?Sized> PushDisplay for &Arg<'_, T> {
    #[inline]
    fn len_hint(&self) -> usize {
        16
    }
    #[inline]
    fn push_to(&self, out: &mut String) {
        // Writing into a String cannot fail.
        let _ = write!(out, "{}", self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::{Arg, PushDisplay as _, PushFast as _};
    use std::net::Ipv4Addr;

    fn pushed(f: impl FnOnce(&mut String)) -> String {
        let mut s = String::new();
        f(&mut s);
        s
    }

    #[test]
    // `&Arg(x)` is how generated code calls: the borrow selects the impl.
    #[allow(clippy::needless_borrow)]
    fn every_argument_prints_its_display_text() {
        let owned = String::from("o");
        let cow: std::borrow::Cow<'_, str> = "c".into();
        let ip = Ipv4Addr::new(10, 0, 0, 1);
        let n = 5; // an unsuffixed integer: inference picks i32 afterwards
        let f = 1.0;
        let cases: Vec<(String, String)> = vec![
            (pushed(|s| (&Arg("a")).push_to(s)), "a".into()),
            (pushed(|s| (&Arg(&owned)).push_to(s)), "o".into()),
            (pushed(|s| (&Arg(&cow)).push_to(s)), "c".into()),
            (pushed(|s| (&Arg(&-42i64)).push_to(s)), "-42".into()),
            (
                pushed(|s| (&Arg(&u128::MAX)).push_to(s)),
                u128::MAX.to_string(),
            ),
            (pushed(|s| (&Arg(&n)).push_to(s)), "5".into()),
            (pushed(|s| (&Arg(&'é')).push_to(s)), "é".into()),
            (pushed(|s| (&Arg(&true)).push_to(s)), "true".into()),
            (pushed(|s| (&Arg(&ip)).push_to(s)), "10.0.0.1".into()),
            (pushed(|s| (&Arg(&f)).push_to(s)), format!("{f}")),
            (pushed(|s| (&Arg(&2.5f32)).push_to(s)), "2.5".into()),
        ];
        for (got, want) in cases {
            assert_eq!(got, want);
        }
        // Exported generators' arguments: the same text as `Py`'s Display.
        for (got, want) in [
            (pushed(|s| (&Arg(&crate::py::fmt(&7i64))).push_to(s)), "7"),
            (pushed(|s| (&Arg(&crate::py::fmt("x"))).push_to(s)), "x"),
            (
                pushed(|s| (&Arg(&crate::py::fmt(&true))).push_to(s)),
                "true",
            ),
            (pushed(|s| (&Arg(&crate::py::fmt(&1.0))).push_to(s)), "1.0"),
            (
                pushed(|s| (&Arg(&crate::py::fmt(&1e16))).push_to(s)),
                "1e+16",
            ),
        ] {
            assert_eq!(got, want);
        }
        assert_eq!((&Arg("abc")).len_hint(), 3);
        assert_eq!((&Arg(&ip)).len_hint(), 16);
    }
}
