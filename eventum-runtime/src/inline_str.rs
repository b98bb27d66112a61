//! [`InlineStr`], a fixed-capacity string on the stack, for hot-path values
//! such as UUIDs and hex digests that would otherwise allocate per event.

use crate::json::{WriteJson, write_str};
use std::fmt;
use std::ops::Deref;

/// An ASCII string of at most `N` bytes stored inline.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct InlineStr<const N: usize> {
    len: u8,
    bytes: [u8; N],
}

impl<const N: usize> InlineStr<N> {
    /// Builds from ASCII bytes; `None` if too long or not ASCII.
    pub fn from_ascii(s: &[u8]) -> Option<Self> {
        if s.len() > N || s.len() > usize::from(u8::MAX) || !s.is_ascii() {
            return None;
        }
        let mut bytes = [0u8; N];
        bytes[..s.len()].copy_from_slice(s);
        Some(Self {
            len: s.len() as u8,
            bytes,
        })
    }

    /// Builds from a buffer whose first `len` bytes hold ASCII text (no
    /// copy). Anything else gives an empty string.
    pub fn from_buf(bytes: [u8; N], len: usize) -> Self {
        if len > N || len > usize::from(u8::MAX) || !bytes[..len].is_ascii() {
            return Self { len: 0, bytes };
        }
        Self {
            len: len as u8,
            bytes,
        }
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        // Only ASCII is ever stored, so this cannot fail.
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }
}

impl<const N: usize> Deref for InlineStr<N> {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl<const N: usize> AsRef<str> for InlineStr<N> {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl<const N: usize> fmt::Display for InlineStr<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl<const N: usize> fmt::Debug for InlineStr<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl<const N: usize> PartialEq<str> for InlineStr<N> {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl<const N: usize> PartialEq<&str> for InlineStr<N> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl<const N: usize> From<InlineStr<N>> for String {
    fn from(s: InlineStr<N>) -> Self {
        s.as_str().to_owned()
    }
}

impl<const N: usize> WriteJson for InlineStr<N> {
    #[inline]
    fn write_json(&self, out: &mut Vec<u8>) {
        write_str(out, self.as_str());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_strings() {
        let s = InlineStr::<8>::from_ascii(b"abc").unwrap();
        assert_eq!(&*s, "abc");
        assert_eq!(s, "abc");
        assert_eq!(s.to_string(), "abc");
        assert_eq!(crate::json::to_json_string(&s), "\"abc\"");
        assert!(InlineStr::<2>::from_ascii(b"abc").is_none());
        assert!(InlineStr::<8>::from_ascii("é".as_bytes()).is_none());
    }
}
