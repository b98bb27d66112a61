//! `module.rand.network`: IPv4 and IPv6 addresses and MAC addresses.
//!
//! Addresses are returned as `std::net` values (written to JSON as their
//! text) and MACs as stack strings, so none of these calls allocates.

use super::network_data::{
    PRIVATE_A, PRIVATE_B, PRIVATE_C, PRIVATE_RANGES, PRIVATE_TOTAL_WEIGHT, PUBLIC_RANGES,
    PUBLIC_TOTAL_WEIGHT, VENDOR_LIST, VENDOR_OUIS, WeightedRange,
};
use super::string::HEX_LOWER;
use crate::inline_str::InlineStr;
use crate::rng::FastRng;
use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::str::FromStr;

/// `module.rand.network`.
#[derive(Debug)]
pub struct Network {
    rng: FastRng,
}

impl Network {
    /// The namespace drawing from `rng`.
    pub fn new(rng: FastRng) -> Self {
        Self { rng }
    }

    /// `rand.network.ip_v4()`: four independent random octets.
    pub fn ip_v4(&self) -> Ipv4Addr {
        Ipv4Addr::from(self.rng.next_u32())
    }

    /// `rand.network.ip_v4_private()`: 10/8, 172.16/12 or 192.168/16 picked
    /// with weights 5:2:5, then a uniform address in it (network and
    /// broadcast included).
    pub fn ip_v4_private(&self) -> Ipv4Addr {
        self.in_weighted(&PRIVATE_RANGES, PRIVATE_TOTAL_WEIGHT)
    }

    /// `rand.network.ip_v4_private_a()`: an address in 10.0.0.0/8.
    pub fn ip_v4_private_a(&self) -> Ipv4Addr {
        self.in_range(PRIVATE_A)
    }

    /// `rand.network.ip_v4_private_b()`: an address in 172.16.0.0/12.
    pub fn ip_v4_private_b(&self) -> Ipv4Addr {
        self.in_range(PRIVATE_B)
    }

    /// `rand.network.ip_v4_private_c()`: an address in 192.168.0.0/16.
    pub fn ip_v4_private_c(&self) -> Ipv4Addr {
        self.in_range(PRIVATE_C)
    }

    /// `rand.network.ip_v4_public()`: one of Eventum's 13 public ranges
    /// picked by weight, then a uniform address in it.
    pub fn ip_v4_public(&self) -> Ipv4Addr {
        self.in_weighted(&PUBLIC_RANGES, PUBLIC_TOTAL_WEIGHT)
    }

    /// `rand.network.ip_v4_in_subnet(cidr)`: a host address in the subnet,
    /// read like Python's `IPv4Network(cidr, strict=False)` (host bits are
    /// dropped; the mask may be a prefix length, a netmask or a hostmask).
    /// A /32 gives its address, a /31 either of its two, anything wider a
    /// uniform pick from network+1 to broadcast-1.
    ///
    /// # Panics
    /// When `cidr` is not an IPv4 network (Python raises `ValueError`);
    /// parse it ahead of time with [`Ipv4Subnet::from_str`] and call
    /// [`ip_v4_in`](Self::ip_v4_in) to avoid that.
    pub fn ip_v4_in_subnet(&self, cidr: &str) -> Ipv4Addr {
        match cidr.parse::<Ipv4Subnet>() {
            Ok(subnet) => self.ip_v4_in(subnet),
            Err(e) => panic!("rand.network.ip_v4_in_subnet: {e}"),
        }
    }

    /// [`ip_v4_in_subnet`](Self::ip_v4_in_subnet) for an already parsed
    /// subnet.
    pub fn ip_v4_in(&self, subnet: Ipv4Subnet) -> Ipv4Addr {
        let network = subnet.network;
        Ipv4Addr::from(match subnet.prefix {
            32 => network,
            31 => network | self.rng.below(2) as u32,
            prefix => {
                let size = 1u64 << (32 - prefix);
                network + (1 + self.rng.below(size - 2)) as u32
            }
        })
    }

    /// `rand.network.ip_v6()`: 128 random bits.
    pub fn ip_v6(&self) -> Ipv6Addr {
        Ipv6Addr::from(self.bits128())
    }

    /// `rand.network.ip_v6_global()`: a uniform address in `2000::/3`.
    pub fn ip_v6_global(&self) -> Ipv6Addr {
        self.ip_v6_in(0x2000, 3)
    }

    /// `rand.network.ip_v6_link_local()`: a uniform address in `fe80::/10`.
    pub fn ip_v6_link_local(&self) -> Ipv6Addr {
        self.ip_v6_in(0xfe80, 10)
    }

    /// `rand.network.ip_v6_ula()`: a uniform unique local address in
    /// `fc00::/7`.
    pub fn ip_v6_ula(&self) -> Ipv6Addr {
        self.ip_v6_in(0xfc00, 7)
    }

    /// `rand.network.mac()`: six random octets as lowercase
    /// `aa:bb:cc:dd:ee:ff`.
    pub fn mac(&self) -> InlineStr<17> {
        let b = self.rng.next_u64().to_be_bytes();
        format_mac([b[0], b[1], b[2], b[3], b[4], b[5]])
    }

    /// `rand.network.mac(oui=...)`: the given 3-octet prefix (`aa:bb:cc` or
    /// `aa-bb-cc`, any case) followed by three random octets.
    ///
    /// # Panics
    /// On a malformed prefix (Python raises `ValueError`); check it ahead of
    /// time with [`parse_oui`].
    pub fn mac_oui(&self, oui: &str) -> InlineStr<17> {
        match parse_oui(oui) {
            Some(prefix) => self.mac_with(prefix),
            None => panic!("rand.network.mac: invalid OUI prefix: '{oui}'"),
        }
    }

    /// `rand.network.mac(vendor=...)`: a prefix picked uniformly from
    /// Eventum's table for the vendor (case-insensitive), then three random
    /// octets.
    ///
    /// # Panics
    /// On a vendor that is not in the table (Python raises `ValueError`);
    /// check it ahead of time with [`vendor_ouis`].
    pub fn mac_vendor(&self, vendor: &str) -> InlineStr<17> {
        let Some(ouis) = vendor_ouis(vendor) else {
            panic!("rand.network.mac: unknown vendor: '{vendor}' (known vendors: {VENDOR_LIST})");
        };
        self.mac_with(ouis[self.rng.index(ouis.len())])
    }

    fn mac_with(&self, [a, b, c]: [u8; 3]) -> InlineStr<17> {
        let r = self.rng.next_u64().to_be_bytes();
        format_mac([a, b, c, r[0], r[1], r[2]])
    }

    fn in_range(&self, range: WeightedRange) -> Ipv4Addr {
        let span = u64::from(range.last - range.first) + 1;
        Ipv4Addr::from(range.first + self.rng.below(span) as u32)
    }

    fn in_weighted(&self, ranges: &[WeightedRange], total: u32) -> Ipv4Addr {
        let mut x = self.rng.below(u64::from(total)) as u32;
        for range in ranges {
            if x < range.weight {
                return self.in_range(*range);
            }
            x -= range.weight;
        }
        unreachable!("the draw is below the total weight")
    }

    fn bits128(&self) -> u128 {
        (u128::from(self.rng.next_u64()) << 64) | u128::from(self.rng.next_u64())
    }

    /// A uniform address under the prefix whose first 16 bits are `head`
    /// and whose length is `len` bits (at most 16).
    fn ip_v6_in(&self, head: u16, len: u32) -> Ipv6Addr {
        Ipv6Addr::from((u128::from(head) << 112) | (self.bits128() >> len))
    }
}

fn format_mac(octets: [u8; 6]) -> InlineStr<17> {
    let mut buf = [b':'; 17];
    for (i, octet) in octets.into_iter().enumerate() {
        buf[i * 3] = HEX_LOWER[usize::from(octet >> 4)];
        buf[i * 3 + 1] = HEX_LOWER[usize::from(octet & 0x0f)];
    }
    InlineStr::from_buf(buf, 17)
}

/// Reads an OUI prefix the way Eventum does: three groups of exactly two hex
/// digits separated by `:` or `-`, any case. `None` if malformed.
pub fn parse_oui(oui: &str) -> Option<[u8; 3]> {
    let mut out = [0u8; 3];
    let mut parts = oui.split([':', '-']);
    for slot in &mut out {
        let part = parts.next()?;
        if part.len() != 2 {
            return None;
        }
        *slot = u8::from_str_radix(part, 16).ok()?;
    }
    parts.next().is_none().then_some(out)
}

/// Eventum's OUI prefixes for `vendor` (matched case-insensitively), or
/// `None` for a vendor not in the table.
pub fn vendor_ouis(vendor: &str) -> Option<&'static [[u8; 3]]> {
    VENDOR_OUIS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(vendor))
        .map(|(_, ouis)| *ouis)
}

/// The vendor keys `mac_vendor` accepts, in alphabetical order.
pub fn vendors() -> impl Iterator<Item = &'static str> {
    VENDOR_OUIS.iter().map(|(name, _)| *name)
}

/// An IPv4 network as Python's `IPv4Network(text, strict=False)` reads it:
/// `a.b.c.d`, `a.b.c.d/len`, `a.b.c.d/netmask` or `a.b.c.d/hostmask`, with
/// the host bits cleared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ipv4Subnet {
    network: u32,
    prefix: u8,
}

impl Ipv4Subnet {
    /// The network address.
    pub fn network(self) -> Ipv4Addr {
        Ipv4Addr::from(self.network)
    }

    /// The prefix length (0–32).
    pub fn prefix(self) -> u8 {
        self.prefix
    }
}

impl fmt::Display for Ipv4Subnet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.network(), self.prefix)
    }
}

/// Why a text is not an IPv4 network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubnetError {
    message: String,
}

impl fmt::Display for SubnetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for SubnetError {}

impl FromStr for Ipv4Subnet {
    type Err = SubnetError;

    fn from_str(s: &str) -> Result<Self, SubnetError> {
        let err = |message: String| SubnetError { message };
        let (addr, mask) = match s.split_once('/') {
            Some((_, mask)) if mask.contains('/') => {
                return Err(err(format!("only one '/' permitted in '{s}'")));
            }
            Some((addr, mask)) => (addr, Some(mask)),
            None => (s, None),
        };
        let addr: Ipv4Addr = addr
            .parse()
            .map_err(|_| err(format!("'{addr}' does not appear to be an IPv4 address")))?;
        let prefix = match mask {
            None => 32,
            Some(mask) => {
                parse_mask(mask).ok_or_else(|| err(format!("'{mask}' is not a valid netmask")))?
            }
        };
        let network = u32::from(addr) & prefix_mask(prefix);
        Ok(Self { network, prefix })
    }
}

fn prefix_mask(prefix: u8) -> u32 {
    (u64::from(u32::MAX) << (32 - u32::from(prefix))) as u32
}

/// A prefix length, or a netmask, or a hostmask, in Python's order.
fn parse_mask(mask: &str) -> Option<u8> {
    if !mask.is_empty() && mask.bytes().all(|b| b.is_ascii_digit()) {
        return mask.parse::<u8>().ok().filter(|p| *p <= 32);
    }
    let bits = u32::from(mask.parse::<Ipv4Addr>().ok()?);
    let as_netmask = |m: u32| {
        let ones = m.leading_ones() as u8;
        (prefix_mask(ones) == m).then_some(ones)
    };
    as_netmask(bits).or_else(|| as_netmask(!bits))
}

#[cfg(test)]
mod tests {
    use super::super::panic_message;
    use super::*;
    use std::collections::HashSet;

    fn network(seed: u64) -> Network {
        Network::new(FastRng::from_seed(seed))
    }

    fn ip(s: &str) -> u32 {
        u32::from(s.parse::<Ipv4Addr>().unwrap())
    }

    fn in_cidr(addr: Ipv4Addr, cidr: &str) -> bool {
        let subnet: Ipv4Subnet = cidr.parse().unwrap();
        u32::from(addr) & prefix_mask(subnet.prefix) == subnet.network
    }

    #[test]
    fn tables_match_eventum() {
        let weights: Vec<u32> = PUBLIC_RANGES.iter().map(|r| r.weight).collect();
        assert_eq!(weights, [5, 8, 6, 7, 4, 9, 3, 4, 5, 6, 4, 6, 8]);
        assert_eq!(PUBLIC_TOTAL_WEIGHT, 75);
        assert_eq!(PUBLIC_RANGES[0].first, ip("1.0.0.0"));
        assert_eq!(PUBLIC_RANGES[12].last, ip("223.255.255.255"));
        for pair in PUBLIC_RANGES.windows(2) {
            assert!(pair[0].last < pair[1].first);
        }
        assert_eq!(PRIVATE_TOTAL_WEIGHT, 12);
        assert_eq!(vendors().collect::<Vec<_>>().join(", "), VENDOR_LIST);
        assert_eq!(vendors().count(), 20);
        for (name, ouis) in VENDOR_OUIS {
            assert!((2..=5).contains(&ouis.len()), "{name}");
        }
    }

    #[test]
    fn ip_v4_octets_cover_the_whole_range() {
        let n = network(1);
        let mut first = [false; 256];
        let mut last = [false; 256];
        for _ in 0..20_000 {
            let o = n.ip_v4().octets();
            first[usize::from(o[0])] = true;
            last[usize::from(o[3])] = true;
        }
        assert!(first.iter().all(|x| *x) && last.iter().all(|x| *x));
    }

    #[test]
    fn private_classes_stay_in_their_blocks() {
        let n = network(2);
        for _ in 0..20_000 {
            assert!(in_cidr(n.ip_v4_private_a(), "10.0.0.0/8"));
            assert!(in_cidr(n.ip_v4_private_b(), "172.16.0.0/12"));
            assert!(in_cidr(n.ip_v4_private_c(), "192.168.0.0/16"));
        }
        // The whole block is used: both halves of 172.16/12 show up.
        let seen: HashSet<u8> = (0..2000).map(|_| n.ip_v4_private_b().octets()[1]).collect();
        assert_eq!(seen, (16..=31).collect());
    }

    #[test]
    fn ranges_include_their_network_and_broadcast() {
        let n = network(3);
        let tiny = WeightedRange {
            first: ip("10.0.0.0"),
            last: ip("10.0.0.3"),
            weight: 1,
        };
        let seen: HashSet<Ipv4Addr> = (0..200).map(|_| n.in_range(tiny)).collect();
        assert_eq!(seen.len(), 4);
        assert!(seen.contains(&Ipv4Addr::new(10, 0, 0, 0)));
        assert!(seen.contains(&Ipv4Addr::new(10, 0, 0, 3)));
    }

    #[test]
    fn ip_v4_private_picks_blocks_five_two_five() {
        let n = network(4);
        let mut counts = [0u32; 3];
        for _ in 0..120_000 {
            let a = n.ip_v4_private();
            let k = [("10.0.0.0/8"), ("172.16.0.0/12"), ("192.168.0.0/16")]
                .iter()
                .position(|c| in_cidr(a, c))
                .expect("a private address");
            counts[k] += 1;
        }
        for (c, want) in counts.iter().zip([50_000.0, 20_000.0, 50_000.0]) {
            assert!((f64::from(*c) - want).abs() < want * 0.04, "{counts:?}");
        }
    }

    #[test]
    fn ip_v4_public_stays_in_the_13_ranges_and_picks_them_by_weight() {
        let n = network(5);
        let reserved = [
            "0.0.0.0/8",
            "10.0.0.0/8",
            "100.64.0.0/10",
            "127.0.0.0/8",
            "169.254.0.0/16",
            "172.16.0.0/12",
            "192.0.0.0/24",
            "192.0.2.0/24",
            "192.88.99.0/24",
            "192.168.0.0/16",
            "198.18.0.0/15",
            "198.51.100.0/24",
            "203.0.113.0/24",
            "224.0.0.0/3",
        ];
        let mut counts = [0u32; 13];
        let draws = 150_000;
        for _ in 0..draws {
            let a = n.ip_v4_public();
            let x = u32::from(a);
            let k = PUBLIC_RANGES
                .iter()
                .position(|r| (r.first..=r.last).contains(&x))
                .unwrap_or_else(|| panic!("{a} outside the public ranges"));
            counts[k] += 1;
            assert!(!reserved.iter().any(|c| in_cidr(a, c)), "{a}");
        }
        for (r, c) in PUBLIC_RANGES.iter().zip(counts) {
            let want = f64::from(draws) * f64::from(r.weight) / 75.0;
            assert!((f64::from(c) - want).abs() < want * 0.08, "{counts:?}");
        }
    }

    #[test]
    fn in_subnet_follows_pythons_host_rules() {
        let n = network(6);
        let hosts: HashSet<Ipv4Addr> = (0..20_000)
            .map(|_| n.ip_v4_in_subnet("10.1.2.3/24"))
            .collect();
        assert_eq!(hosts.len(), 254, "network and broadcast are left out");
        assert!(hosts.contains(&Ipv4Addr::new(10, 1, 2, 1)));
        assert!(hosts.contains(&Ipv4Addr::new(10, 1, 2, 254)));
        for _ in 0..50 {
            assert_eq!(n.ip_v4_in_subnet("10.9.9.9/32"), Ipv4Addr::new(10, 9, 9, 9));
            assert_eq!(n.ip_v4_in_subnet("8.8.4.4"), Ipv4Addr::new(8, 8, 4, 4));
        }
        let pair: HashSet<Ipv4Addr> = (0..200).map(|_| n.ip_v4_in_subnet("10.0.0.5/31")).collect();
        assert_eq!(
            pair,
            HashSet::from([Ipv4Addr::new(10, 0, 0, 4), Ipv4Addr::new(10, 0, 0, 5)])
        );
        let quad: HashSet<Ipv4Addr> = (0..200).map(|_| n.ip_v4_in_subnet("10.0.0.0/30")).collect();
        assert_eq!(
            quad,
            HashSet::from([Ipv4Addr::new(10, 0, 0, 1), Ipv4Addr::new(10, 0, 0, 2)])
        );
        for _ in 0..1000 {
            let a = n.ip_v4_in_subnet("0.0.0.0/0");
            assert!(a != Ipv4Addr::UNSPECIFIED && a != Ipv4Addr::BROADCAST);
            assert!(in_cidr(
                n.ip_v4_in_subnet("192.168.7.0/255.255.255.0"),
                "192.168.7.0/24"
            ));
            assert!(in_cidr(
                n.ip_v4_in_subnet("192.168.7.0/0.0.0.255"),
                "192.168.7.0/24"
            ));
        }
    }

    #[test]
    fn subnets_parse_like_ipv4network_strict_false() {
        let parse = |s: &str| s.parse::<Ipv4Subnet>().map(|n| n.to_string());
        assert_eq!(parse("10.1.2.3/8").unwrap(), "10.0.0.0/8");
        assert_eq!(parse("10.1.2.3").unwrap(), "10.1.2.3/32");
        assert_eq!(parse("10.1.2.3/0").unwrap(), "0.0.0.0/0");
        assert_eq!(parse("10.1.2.3/08").unwrap(), "10.0.0.0/8");
        assert_eq!(parse("10.1.2.3/255.255.0.0").unwrap(), "10.1.0.0/16");
        assert_eq!(parse("10.1.2.3/0.0.255.255").unwrap(), "10.1.0.0/16");
        assert_eq!(parse("10.1.2.3/0.0.0.0").unwrap(), "0.0.0.0/0");
        assert_eq!(parse("10.1.2.3/255.255.255.255").unwrap(), "10.1.2.3/32");
        for bad in [
            "",
            "x",
            "10.0.0/8",
            "10.0.0.256/8",
            "01.0.0.0/8",
            "10.0.0.0/33",
            "10.0.0.0/",
            "10.0.0.0/-1",
            "10.0.0.0/8/8",
            "10.0.0.0/255.0.255.0",
            " 10.0.0.0/8",
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
        let n = network(7);
        let msg = panic_message(|| {
            n.ip_v4_in_subnet("10.0.0.0/33");
        });
        assert_eq!(
            msg,
            "rand.network.ip_v4_in_subnet: '33' is not a valid netmask"
        );
    }

    #[test]
    fn ipv6_kinds_stay_in_their_prefixes() {
        let n = network(8);
        let mut any_bits = 0u128;
        for _ in 0..5000 {
            let g = u128::from(n.ip_v6_global());
            assert_eq!(g >> 125, 0b001);
            let l = u128::from(n.ip_v6_link_local());
            assert_eq!(l >> 118, 0b11_1111_1010);
            let u = u128::from(n.ip_v6_ula());
            assert_eq!(u >> 121, 0b111_1110);
            any_bits |= u128::from(n.ip_v6());
            // Bits right under the prefix vary too.
            assert!(n.ip_v6_global().to_string().len() > 2);
        }
        assert_eq!(any_bits, u128::MAX);
        let seen: HashSet<u128> = (0..200).map(|_| u128::from(n.ip_v6_ula()) >> 120).collect();
        assert_eq!(seen, HashSet::from([0xfc, 0xfd]));
    }

    #[test]
    fn ipv6_text_is_pythons_compressed_form() {
        // Python: str(IPv6Address(...)) is lowercase with the longest zero
        // run (first on ties, at least two groups) as "::"; Rust's Display
        // follows the same RFC 5952 rules.
        let cases = [
            ("fe80:0:0:0:0:0:0:1", "fe80::1"),
            ("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),
            ("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"),
            ("FC00:0000:0000:0000:0000:0000:0000:0000", "fc00::"),
        ];
        for (input, want) in cases {
            assert_eq!(input.parse::<Ipv6Addr>().unwrap().to_string(), want);
        }
        let n = network(9);
        for _ in 0..1000 {
            let a = n.ip_v6_link_local();
            let text = a.to_string();
            assert_eq!(text, text.to_lowercase());
            assert_eq!(text.parse::<Ipv6Addr>().unwrap(), a);
        }
    }

    fn assert_mac_shape(mac: &str) {
        assert_eq!(mac.len(), 17, "{mac}");
        for (i, b) in mac.bytes().enumerate() {
            if i % 3 == 2 {
                assert_eq!(b, b':', "{mac}");
            } else {
                assert!(HEX_LOWER.contains(&b), "{mac}");
            }
        }
    }

    #[test]
    fn mac_is_lowercase_colon_form_with_random_octets() {
        let n = network(10);
        let mut seen_hex = HashSet::new();
        for _ in 0..2000 {
            let m = n.mac();
            assert_mac_shape(&m);
            seen_hex.extend(m.bytes().filter(|b| *b != b':'));
        }
        assert_eq!(seen_hex.len(), 16);
        assert_eq!(
            format_mac([0, 0x1b, 0xff, 0x0a, 0xb0, 0x09]),
            "00:1b:ff:0a:b0:09"
        );
    }

    #[test]
    fn mac_oui_keeps_the_prefix() {
        let n = network(11);
        for oui in ["aa:bb:cc", "AA-BB-CC", "aa-bb:cc", "Aa:bB:cc"] {
            let m = n.mac_oui(oui);
            assert_mac_shape(&m);
            assert!(m.starts_with("aa:bb:cc:"), "{m}");
        }
        let suffixes: HashSet<String> = (0..100)
            .map(|_| n.mac_oui("00:00:0c")[9..].to_owned())
            .collect();
        assert!(suffixes.len() > 95);
        for bad in [
            "",
            "aa:bb",
            "aa:bb:cc:dd",
            "a:bb:cc",
            "aaa:bb:cc",
            "zz:bb:cc",
            "aa.bb.cc",
            "aa::bb",
        ] {
            assert_eq!(parse_oui(bad), None, "{bad}");
        }
        let msg = panic_message(|| {
            n.mac_oui("zz:00:00");
        });
        assert_eq!(msg, "rand.network.mac: invalid OUI prefix: 'zz:00:00'");
    }

    #[test]
    fn mac_vendor_uses_the_vendor_table() {
        let n = network(12);
        let cisco: HashSet<&str> =
            ["00:00:0c", "00:01:42", "00:1b:54", "00:24:97", "a4:6c:2a"].into();
        let mut seen = HashSet::new();
        for _ in 0..500 {
            let m = n.mac_vendor("Cisco");
            assert_mac_shape(&m);
            assert!(cisco.contains(&m[..8]), "{m}");
            seen.insert(m[..8].to_owned());
        }
        assert_eq!(seen.len(), 5);
        for _ in 0..100 {
            let m = n.mac_vendor("PALOALTO");
            assert!(
                m.starts_with("00:1b:17") || m.starts_with("b4:0c:25"),
                "{m}"
            );
            assert!(n.mac_vendor("vmware").starts_with("00:"));
        }
        assert_eq!(vendor_ouis("tplink").unwrap()[0], [0x00, 0x1d, 0x0f]);
        assert_eq!(vendor_ouis("tp-link"), None);
        let msg = panic_message(|| {
            n.mac_vendor("acme");
        });
        assert!(
            msg.starts_with("rand.network.mac: unknown vendor: 'acme'"),
            "{msg}"
        );
        assert!(
            msg.contains("apple, aruba") && msg.contains("vmware"),
            "{msg}"
        );
    }

    #[test]
    fn same_seed_same_addresses() {
        let (a, b) = (network(13), network(13));
        for _ in 0..100 {
            assert_eq!(a.ip_v4_public(), b.ip_v4_public());
            assert_eq!(a.ip_v6_ula(), b.ip_v6_ula());
            assert_eq!(a.mac_vendor("dell"), b.mac_vendor("dell"));
        }
    }
}
