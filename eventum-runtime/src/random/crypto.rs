//! `module.rand.crypto`: random UUIDs and hash-shaped hex strings, built on
//! the stack.

use super::string::HEX_LOWER;
use crate::inline_str::InlineStr;
use crate::rng::FastRng;

/// `module.rand.crypto`.
#[derive(Debug)]
pub struct Crypto {
    rng: FastRng,
}

impl Crypto {
    /// The namespace drawing from `rng`.
    pub fn new(rng: FastRng) -> Self {
        Self { rng }
    }

    /// `rand.crypto.uuid4()`: a version-4 UUID in lowercase
    /// `8-4-4-4-12` form. Eventum's comes from the OS; this one comes from
    /// the seeded stream, so runs are reproducible.
    pub fn uuid4(&self) -> InlineStr<36> {
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&self.rng.next_u64().to_be_bytes());
        bytes[8..].copy_from_slice(&self.rng.next_u64().to_be_bytes());
        bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
        bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
        let mut buf = [b'-'; 36];
        let mut pos = 0;
        for (i, byte) in bytes.into_iter().enumerate() {
            if matches!(i, 4 | 6 | 8 | 10) {
                pos += 1;
            }
            buf[pos] = HEX_LOWER[usize::from(byte >> 4)];
            buf[pos + 1] = HEX_LOWER[usize::from(byte & 0x0f)];
            pos += 2;
        }
        InlineStr::from_buf(buf, 36)
    }

    /// `rand.crypto.md5()`: 128 random bits as 32 lowercase hex digits (not
    /// a real digest).
    pub fn md5(&self) -> InlineStr<32> {
        self.random_hex()
    }

    /// `rand.crypto.sha1()`: 160 random bits as 40 lowercase hex digits.
    pub fn sha1(&self) -> InlineStr<40> {
        self.random_hex()
    }

    /// `rand.crypto.sha256()`: 256 random bits as 64 lowercase hex digits.
    pub fn sha256(&self) -> InlineStr<64> {
        self.random_hex()
    }

    /// `N` uniform hex digits, sixteen per 64-bit draw.
    fn random_hex<const N: usize>(&self) -> InlineStr<N> {
        let mut buf = [0u8; N];
        for chunk in buf.chunks_mut(16) {
            let mut r = self.rng.next_u64();
            for digit in chunk {
                *digit = HEX_LOWER[(r & 0x0f) as usize];
                r >>= 4;
            }
        }
        InlineStr::from_buf(buf, N)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn crypto(seed: u64) -> Crypto {
        Crypto::new(FastRng::from_seed(seed))
    }

    fn is_lower_hex(s: &str) -> bool {
        s.bytes().all(|b| HEX_LOWER.contains(&b))
    }

    #[test]
    fn uuid4_has_the_shape_version_and_variant() {
        let c = crypto(1);
        let mut variants = HashSet::new();
        let mut ids = HashSet::new();
        for _ in 0..5000 {
            let id = c.uuid4();
            assert_eq!(id.len(), 36);
            let groups: Vec<&str> = id.split('-').collect();
            assert_eq!(
                groups.iter().map(|g| g.len()).collect::<Vec<_>>(),
                [8, 4, 4, 4, 12],
                "{id}"
            );
            assert!(groups.iter().all(|g| is_lower_hex(g)), "{id}");
            assert_eq!(&id[14..15], "4", "version nibble: {id}");
            let variant = id.as_bytes()[19];
            assert!(b"89ab".contains(&variant), "variant nibble: {id}");
            variants.insert(variant);
            ids.insert(id);
        }
        assert_eq!(variants.len(), 4);
        assert_eq!(ids.len(), 5000);
    }

    #[test]
    fn digests_have_their_lengths_and_use_every_digit() {
        let c = crypto(2);
        let mut seen = HashSet::new();
        for _ in 0..500 {
            let (m, s1, s2) = (c.md5(), c.sha1(), c.sha256());
            assert_eq!((m.len(), s1.len(), s2.len()), (32, 40, 64));
            assert!(is_lower_hex(&m) && is_lower_hex(&s1) && is_lower_hex(&s2));
            seen.extend(s2.bytes());
        }
        assert_eq!(seen.len(), 16);
        // The tail of sha1 comes from a third draw and varies too.
        let last: HashSet<u8> = (0..200).map(|_| c.sha1().as_bytes()[39]).collect();
        assert!(last.len() > 10);
    }

    #[test]
    fn hex_digits_are_uniform() {
        let c = crypto(3);
        let mut counts = [0u32; 16];
        for _ in 0..10_000 {
            for b in c.sha256().bytes() {
                counts[HEX_LOWER.iter().position(|h| *h == b).unwrap()] += 1;
            }
        }
        for n in counts {
            assert!((38_500..41_500).contains(&n), "{counts:?}");
        }
    }

    #[test]
    fn same_seed_same_ids() {
        let (a, b) = (crypto(4), crypto(4));
        for _ in 0..100 {
            assert_eq!(a.uuid4(), b.uuid4());
            assert_eq!(a.md5(), b.md5());
        }
    }
}
