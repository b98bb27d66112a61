//! `module.faker`: fake people, companies and internet identities, as
//! `module.faker.locale.en_US.<provider>()` gives them in Eventum.
//!
//! Python Faker's output cannot be reproduced value for value, so this
//! module reproduces its *shapes* (a `user_name` is lowercase letters and
//! digits, a `hostname` is `web-42.smith.com`, an `email` ends in
//! `@example.org`) on top of the word lists of the `fake` crate, drawing
//! from a seeded stream. The content packs use `user_name`, `user_agent`,
//! `email`, `domain_name` and `hostname`; the other common providers are
//! here too.

use crate::rng::FastRng;
use fake::Fake;
use fake::faker::address::raw::{BuildingNumber, CityName, CountryName, StreetName};
use fake::locales::{Data, EN};
use std::fmt::Write as _;

/// `module.faker`.
#[derive(Debug)]
pub struct Faker {
    /// `module.faker.locale`.
    pub locale: Locales,
}

/// `module.faker.locale`: the locales a template can name.
#[derive(Debug)]
#[allow(
    non_snake_case,
    reason = "`en_US` mirrors Eventum's `module.faker.locale.en_US`"
)]
pub struct Locales {
    /// `module.faker.locale.en_US` (or `locale['en_US']`).
    pub en_US: FakerLocale,
}

impl Faker {
    /// The module seeded from `seed`.
    pub fn new(seed: &FastRng) -> Self {
        Self {
            locale: Locales {
                en_US: FakerLocale::new(seed.fork(0)),
            },
        }
    }

    /// The `en_US` locale, for code that prefers a snake-case name.
    pub fn en_us(&self) -> &FakerLocale {
        &self.locale.en_US
    }
}

/// One Faker locale (`Faker(locale=...)` in Eventum).
#[derive(Debug)]
pub struct FakerLocale {
    rng: FastRng,
}

/// Top-level domains with Python Faker's bias towards `.com`.
const TLDS: [&str; 10] = [
    "com", "com", "com", "com", "com", "com", "biz", "info", "net", "org",
];
const SAFE_DOMAINS: [&str; 3] = ["example.org", "example.com", "example.net"];
const FREE_EMAIL_DOMAINS: [&str; 3] = ["gmail.com", "yahoo.com", "hotmail.com"];
const HOSTNAME_PREFIXES: [&str; 7] = ["db", "srv", "desktop", "laptop", "lt", "email", "web"];
const URI_SEGMENTS: [&str; 12] = [
    "app",
    "blog",
    "posts",
    "category",
    "tags",
    "search",
    "explore",
    "list",
    "main",
    "wp-content",
    "api",
    "static",
];

/// IPv4 blocks Faker never generates (IANA special-purpose registry).
const SPECIAL_V4: [(u32, u32); 15] = [
    (0x0000_0000, 8),  // 0.0.0.0/8
    (0x6440_0000, 10), // 100.64.0.0/10
    (0x7f00_0000, 8),  // 127.0.0.0/8
    (0xa9fe_0000, 16), // 169.254.0.0/16
    (0xc000_0000, 24), // 192.0.0.0/24
    (0xc000_0200, 24), // 192.0.2.0/24
    (0xc01f_c400, 24), // 192.31.196.0/24
    (0xc034_c100, 24), // 192.52.193.0/24
    (0xc058_6300, 24), // 192.88.99.0/24
    (0xc0af_3000, 24), // 192.175.48.0/24
    (0xc612_0000, 15), // 198.18.0.0/15
    (0xc633_6400, 24), // 198.51.100.0/24
    (0xcb00_7100, 24), // 203.0.113.0/24
    (0xe000_0000, 4),  // 224.0.0.0/4
    (0xf000_0000, 4),  // 240.0.0.0/4
];
/// The private blocks: 10/8, 172.16/12, 192.168/16.
const PRIVATE_V4: [(u32, u32); 3] = [(0x0a00_0000, 8), (0xac10_0000, 12), (0xc0a8_0000, 16)];
/// Classful ranges (first address, prefix): A 0/1, B 128/2, C 192/3.
const CLASSES_V4: [(u32, u32); 3] = [(0x0000_0000, 1), (0x8000_0000, 2), (0xc000_0000, 3)];

fn in_block(addr: u32, (network, prefix): (u32, u32)) -> bool {
    addr >> (32 - prefix) == network >> (32 - prefix)
}

fn format_v4(addr: u32) -> String {
    std::net::Ipv4Addr::from(addr).to_string()
}

/// Appends `s` the way Faker's `slugify` leaves names: lowercase, only
/// letters, digits, `_` and `-` (so `O'Hara` becomes `ohara`).
fn push_slug(out: &mut String, s: &str) {
    out.extend(
        s.chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
            .map(|c| c.to_ascii_lowercase()),
    );
}

impl FakerLocale {
    /// The locale drawing from `rng`.
    pub fn new(rng: FastRng) -> Self {
        Self { rng }
    }

    fn pick<T: Copy>(&self, items: &[T]) -> T {
        items[self.rng.index(items.len())]
    }

    fn digit(&self) -> char {
        char::from(b'0' + self.rng.below(10) as u8)
    }

    fn first(&self) -> &'static str {
        self.pick(EN::NAME_FIRST_NAME)
    }

    fn last(&self) -> &'static str {
        self.pick(EN::NAME_LAST_NAME)
    }

    /// `first_name()`, e.g. `Lorena`.
    pub fn first_name(&self) -> String {
        self.first().to_owned()
    }

    /// `last_name()`, e.g. `Hegmann`.
    pub fn last_name(&self) -> String {
        self.last().to_owned()
    }

    /// `name()`, e.g. `Lorena Hegmann`.
    pub fn name(&self) -> String {
        format!("{} {}", self.first(), self.last())
    }

    /// `user_name()`: one of `lastfirst`, `firstlast`, `first42`, `jlast`,
    /// lowercase, punctuation dropped (Faker slugifies away the dot of its
    /// `last.first` formats).
    pub fn user_name(&self) -> String {
        let mut out = String::with_capacity(20);
        match self.rng.below(4) {
            0 => {
                push_slug(&mut out, self.last());
                push_slug(&mut out, self.first());
            }
            1 => {
                push_slug(&mut out, self.first());
                push_slug(&mut out, self.last());
            }
            2 => {
                push_slug(&mut out, self.first());
                out.push(self.digit());
                out.push(self.digit());
            }
            _ => {
                out.push(char::from(b'a' + self.rng.below(26) as u8));
                push_slug(&mut out, self.last());
            }
        }
        out
    }

    /// `company()`: `Hegmann LLC`, `Hegmann-Kautzer` or
    /// `Hegmann, Kautzer and Ortiz`.
    pub fn company(&self) -> String {
        match self.rng.below(3) {
            0 => format!("{} {}", self.last(), self.pick(EN::COMPANY_SUFFIX)),
            1 => format!("{}-{}", self.last(), self.last()),
            _ => format!("{}, {} and {}", self.last(), self.last(), self.last()),
        }
    }

    /// `domain_word()`: the first word of a company name, slugified
    /// (`hegmann` or `hegmann-kautzer`).
    pub fn domain_word(&self) -> String {
        let mut out = String::with_capacity(24);
        self.push_domain_word(&mut out);
        out
    }

    fn push_domain_word(&self, out: &mut String) {
        push_slug(out, self.last());
        // One company format in three starts with `Last-Last`.
        if self.rng.below(3) == 0 {
            out.push('-');
            push_slug(out, self.last());
        }
    }

    fn push_domain_name(&self, out: &mut String) {
        self.push_domain_word(out);
        out.push('.');
        out.push_str(self.pick(&TLDS));
    }

    /// `domain_name()`: a domain word and a top-level domain, e.g.
    /// `hegmann-kautzer.com`.
    pub fn domain_name(&self) -> String {
        let mut out = String::with_capacity(28);
        self.push_domain_name(&mut out);
        out
    }

    /// `hostname()`: a role prefix, two digits and a domain name, e.g.
    /// `db-07.hegmann.com`.
    pub fn hostname(&self) -> String {
        let mut out = String::with_capacity(36);
        out.push_str(self.pick(&HOSTNAME_PREFIXES));
        out.push('-');
        out.push(self.digit());
        out.push(self.digit());
        out.push('.');
        self.push_domain_name(&mut out);
        out
    }

    fn email_at(&self, domain: &str) -> String {
        let mut out = self.user_name();
        out.push('@');
        out.push_str(domain);
        out
    }

    /// `email()`: Faker's default is a safe address, `user@example.org`
    /// (`.com`, `.net`).
    pub fn email(&self) -> String {
        self.email_at(self.pick(&SAFE_DOMAINS))
    }

    /// `safe_email()`: same as [`email`](Self::email).
    pub fn safe_email(&self) -> String {
        self.email()
    }

    /// `free_email()`: `user@gmail.com`, `@yahoo.com` or `@hotmail.com`.
    pub fn free_email(&self) -> String {
        self.email_at(self.pick(&FREE_EMAIL_DOMAINS))
    }

    /// `company_email()`: `user@<domain_name>`.
    pub fn company_email(&self) -> String {
        let mut out = self.user_name();
        out.push('@');
        self.push_domain_name(&mut out);
        out
    }

    /// `url()`: `http(s)://[www.]<domain_name>/`.
    pub fn url(&self) -> String {
        let mut out = String::with_capacity(40);
        out.push_str(if self.rng.below(2) == 0 {
            "http://"
        } else {
            "https://"
        });
        if self.rng.below(2) == 0 {
            out.push_str("www.");
        }
        self.push_domain_name(&mut out);
        out.push('/');
        out
    }

    /// `uri_path()`: one to three path segments, e.g. `app/category/tags`.
    pub fn uri_path(&self) -> String {
        let depth = 1 + self.rng.below(3);
        let mut out = String::with_capacity(32);
        for i in 0..depth {
            if i > 0 {
                out.push('/');
            }
            out.push_str(self.pick(&URI_SEGMENTS));
        }
        out
    }

    /// `word()`: one lorem word.
    pub fn word(&self) -> String {
        self.pick(EN::LOREM_WORD).to_owned()
    }

    /// `sentence()`: three to eight words (Faker's 6 ± 40%), the first
    /// capitalised, ending with a full stop.
    pub fn sentence(&self) -> String {
        let words = 6 * (60 + self.rng.below(81)) / 100;
        let mut out = String::with_capacity(64);
        for i in 0..words {
            let word = self.pick(EN::LOREM_WORD);
            if i == 0 {
                let mut chars = word.chars();
                out.extend(chars.next().map(|c| c.to_ascii_uppercase()));
                out.push_str(chars.as_str());
            } else {
                out.push(' ');
                out.push_str(word);
            }
        }
        out.push('.');
        out
    }

    /// `job()`: a job title such as `Senior Marketing Analyst`.
    pub fn job(&self) -> String {
        format!(
            "{} {} {}",
            self.pick(EN::JOB_SENIORITY),
            self.pick(EN::JOB_FIELD),
            self.pick(EN::JOB_POSITION)
        )
    }

    /// `file_name()`: a word and an extension, e.g. `dolor.mp4`.
    pub fn file_name(&self) -> String {
        format!(
            "{}.{}",
            self.pick(EN::LOREM_WORD),
            self.pick(EN::PATH_EXTENSIONS)
        )
    }

    /// `file_path()`: an absolute path one directory deep, e.g.
    /// `/velit/dolor.mp4`.
    pub fn file_path(&self) -> String {
        format!("/{}/{}", self.pick(EN::LOREM_WORD), self.file_name())
    }

    /// `ipv4()`: a uniform address outside the special-purpose blocks
    /// (loopback, link-local, documentation, multicast, reserved, ...).
    pub fn ipv4(&self) -> String {
        loop {
            let addr = self.rng.next_u32();
            if !SPECIAL_V4.iter().any(|b| in_block(addr, *b)) {
                return format_v4(addr);
            }
        }
    }

    /// `ipv4_private()`: class A, B or C picked uniformly, then a uniform
    /// address in 10/8, 172.16/12 or 192.168/16 respectively.
    pub fn ipv4_private(&self) -> String {
        let (network, prefix) = self.pick(&PRIVATE_V4);
        let host = self.rng.below(1u64 << (32 - prefix)) as u32;
        format_v4(network | host)
    }

    /// `ipv4_public()`: class A, B or C picked uniformly, then a uniform
    /// address of that class outside the private and special blocks.
    pub fn ipv4_public(&self) -> String {
        let (network, prefix) = self.pick(&CLASSES_V4);
        loop {
            let addr = network | (self.rng.next_u32() >> prefix);
            let excluded = PRIVATE_V4
                .iter()
                .chain(&SPECIAL_V4)
                .any(|b| in_block(addr, *b));
            if !excluded {
                return format_v4(addr);
            }
        }
    }

    /// `mac_address()`: a unicast MAC (first octet even), lowercase with
    /// colons.
    pub fn mac_address(&self) -> String {
        let mut octets = self.rng.next_u64().to_be_bytes();
        // randrange(0x00, 0xFE, 2): an even first octet up to 0xfc.
        octets[0] = (self.rng.below(127) * 2) as u8;
        let mut out = String::with_capacity(17);
        for (i, o) in octets[..6].iter().enumerate() {
            if i > 0 {
                out.push(':');
            }
            let _ = write!(out, "{o:02x}");
        }
        out
    }

    /// `phone_number()`: a US number such as `(541) 754-3010 x123` or
    /// `1-541-754-3010`.
    pub fn phone_number(&self) -> String {
        self.pick(EN::PHONE_NUMBER_FORMATS)
            .chars()
            .map(|c| match c {
                '#' => self.digit(),
                '^' => char::from(b'1' + self.rng.below(9) as u8),
                other => other,
            })
            .collect()
    }

    /// `city()`, e.g. `Port Lorenaview`.
    pub fn city(&self) -> String {
        CityName(EN).fake_with_rng(&mut &self.rng)
    }

    /// `country()`, e.g. `Portugal`.
    pub fn country(&self) -> String {
        CountryName(EN).fake_with_rng(&mut &self.rng)
    }

    /// `street_address()`: a building number and a street, e.g.
    /// `4127 Hegmann Crossing`.
    pub fn street_address(&self) -> String {
        let number: String = BuildingNumber(EN).fake_with_rng(&mut &self.rng);
        let street: String = StreetName(EN).fake_with_rng(&mut &self.rng);
        format!("{number} {street}")
    }

    /// `postcode()`: a five-digit US ZIP code.
    pub fn postcode(&self) -> String {
        (0..5).map(|_| self.digit()).collect()
    }

    /// `user_agent()`: a browser user-agent string in the shape Faker
    /// builds (Chrome, Firefox, Safari, Internet Explorer or Opera, with a
    /// random platform and version).
    pub fn user_agent(&self) -> String {
        let int = |lo: u64, hi: u64| lo + self.rng.below(hi - lo + 1);
        match self.rng.below(5) {
            0 => {
                let platform = match self.rng.below(4) {
                    0 => self.windows_token(),
                    1 => self.linux_token(),
                    2 => self.mac_token(),
                    _ => format!("Linux; Android {}", int(8, 14)),
                };
                format!(
                    "Mozilla/5.0 ({platform}) AppleWebKit/537.36 (KHTML, like Gecko) \
                     Chrome/{}.0.{}.{} Safari/537.36",
                    int(70, 126),
                    int(3000, 6500),
                    int(0, 250)
                )
            }
            1 => {
                let version = int(60, 128);
                let platform = match self.rng.below(3) {
                    0 => format!("{}; Win64; x64", self.windows_token()),
                    1 => self.linux_token(),
                    _ => self.mac_token(),
                };
                format!(
                    "Mozilla/5.0 ({platform}; rv:{version}.0) Gecko/20100101 Firefox/{version}.0"
                )
            }
            2 => {
                let platform = if self.rng.below(2) == 0 {
                    self.mac_token()
                } else {
                    format!(
                        "iPhone; CPU iPhone OS {}_{} like Mac OS X",
                        int(12, 17),
                        int(0, 6)
                    )
                };
                format!(
                    "Mozilla/5.0 ({platform}) AppleWebKit/605.1.15 (KHTML, like Gecko) \
                     Version/{}.{} Safari/605.1.15",
                    int(11, 17),
                    int(0, 6)
                )
            }
            3 => format!(
                "Mozilla/5.0 (compatible; MSIE {}.0; {}; Trident/{}.0)",
                int(7, 10),
                self.windows_token(),
                int(4, 6)
            ),
            _ => {
                let platform = if self.rng.below(2) == 0 {
                    self.windows_token()
                } else {
                    self.linux_token()
                };
                format!(
                    "Opera/9.80 ({platform}; U; en-US) Presto/2.{}.{} Version/{}.{:02}",
                    int(8, 12),
                    int(100, 399),
                    int(10, 12),
                    int(0, 99)
                )
            }
        }
    }

    fn windows_token(&self) -> String {
        let version = self.pick(&["5.1", "6.0", "6.1", "6.2", "6.3", "10.0"]);
        format!("Windows NT {version}")
    }

    fn linux_token(&self) -> String {
        format!("X11; Linux {}", self.pick(&["x86_64", "i686"]))
    }

    fn mac_token(&self) -> String {
        format!(
            "Macintosh; Intel Mac OS X 10_{}_{}",
            5 + self.rng.below(11),
            self.rng.below(10)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn en(seed: u64) -> Faker {
        Faker::new(&FastRng::from_seed(seed))
    }

    fn is_slug(s: &str) -> bool {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
    }

    fn assert_domain_name(d: &str) {
        let (word, tld) = d.rsplit_once('.').unwrap_or_else(|| panic!("{d}"));
        assert!(is_slug(word) && !word.starts_with('-'), "{d}");
        assert!(["com", "biz", "info", "net", "org"].contains(&tld), "{d}");
    }

    #[test]
    fn both_names_for_the_locale_reach_the_same_generator() {
        let f = en(1);
        assert!(std::ptr::eq(f.en_us(), std::ptr::from_ref(&f.locale.en_US)));
    }

    #[test]
    fn user_names_are_lowercase_slugs_of_every_shape() {
        let f = en(2);
        let l = f.en_us();
        let mut with_digits = 0;
        for _ in 0..2000 {
            let u = l.user_name();
            assert!(is_slug(&u) && !u.contains('.') && !u.contains('\''), "{u}");
            if u.ends_with(|c: char| c.is_ascii_digit()) {
                with_digits += 1;
            }
        }
        assert!((350..650).contains(&with_digits), "{with_digits}");
    }

    #[test]
    fn emails_have_a_user_and_the_right_domains() {
        let f = en(3);
        let l = &f.locale.en_US;
        for _ in 0..500 {
            for (email, domains) in [
                (l.email(), &SAFE_DOMAINS[..]),
                (l.safe_email(), &SAFE_DOMAINS[..]),
                (l.free_email(), &FREE_EMAIL_DOMAINS[..]),
            ] {
                let (user, domain) = email.split_once('@').unwrap();
                assert!(is_slug(user), "{email}");
                assert!(domains.contains(&domain), "{email}");
            }
            let email = l.company_email();
            let (user, domain) = email.split_once('@').unwrap();
            assert!(is_slug(user), "{email}");
            assert_domain_name(domain);
        }
    }

    #[test]
    fn domains_and_hostnames_have_fakers_shape() {
        let faker = en(4);
        let l = faker.en_us();
        let mut tlds = HashSet::new();
        let mut hyphenated = 0;
        for _ in 0..3000 {
            let d = l.domain_name();
            assert_domain_name(&d);
            tlds.insert(d.rsplit_once('.').unwrap().1.to_owned());
            if d.contains('-') {
                hyphenated += 1;
            }
            let w = l.domain_word();
            assert!(is_slug(&w) && !w.contains('.'), "{w}");
            let h = l.hostname();
            let (host, domain) = h.split_once('.').unwrap();
            assert_domain_name(domain);
            let (prefix, digits) = host.split_once('-').unwrap();
            assert!(HOSTNAME_PREFIXES.contains(&prefix), "{h}");
            assert!(
                digits.len() == 2 && digits.bytes().all(|b| b.is_ascii_digit()),
                "{h}"
            );
        }
        assert_eq!(tlds.len(), 5);
        assert!((800..1200).contains(&hyphenated), "{hyphenated}");
    }

    #[test]
    fn user_agents_look_like_browsers() {
        let f = en(5);
        let mut kinds = HashSet::new();
        for _ in 0..1000 {
            let ua = f.en_us().user_agent();
            assert!(
                ua.starts_with("Mozilla/5.0 (") || ua.starts_with("Opera/9.80 ("),
                "{ua}"
            );
            assert!(ua.is_ascii() && !ua.contains("  "), "{ua}");
            for kind in ["Chrome/", "Firefox/", "Safari/605", "MSIE", "Opera/"] {
                if ua.contains(kind) {
                    kinds.insert(kind);
                }
            }
        }
        assert_eq!(kinds.len(), 5);
    }

    #[test]
    fn people_companies_and_text_are_plausible() {
        let f = en(6);
        let l = f.en_us();
        for _ in 0..300 {
            assert!(l.first_name().starts_with(|c: char| c.is_ascii_uppercase()));
            assert!(!l.last_name().is_empty());
            assert_eq!(l.name().split(' ').count(), 2);
            let c = l.company();
            assert!(
                c.len() > 3 && c.starts_with(|c: char| c.is_ascii_uppercase()),
                "{c}"
            );
            assert_eq!(l.job().split(' ').count(), 3);
            assert!(!l.word().is_empty() && !l.word().contains(' '));
            let s = l.sentence();
            assert!(
                s.ends_with('.') && s.starts_with(|c: char| c.is_ascii_uppercase()),
                "{s}"
            );
            assert!((3..=8).contains(&s.split(' ').count()), "{s}");
        }
    }

    #[test]
    fn urls_paths_and_files_have_their_shape() {
        let f = en(7);
        let l = f.en_us();
        for _ in 0..500 {
            let url = l.url();
            let rest = url
                .strip_prefix("https://")
                .or_else(|| url.strip_prefix("http://"))
                .unwrap_or_else(|| panic!("{url}"));
            let host = rest.strip_suffix('/').unwrap();
            assert_domain_name(host.strip_prefix("www.").unwrap_or(host));
            let p = l.uri_path();
            assert!((1..=3).contains(&p.split('/').count()), "{p}");
            assert!(p.split('/').all(|s| URI_SEGMENTS.contains(&s)), "{p}");
            let name = l.file_name();
            let (stem, ext) = name.split_once('.').unwrap();
            assert!(
                !stem.is_empty() && EN::PATH_EXTENSIONS.contains(&ext),
                "{name}"
            );
            let path = l.file_path();
            assert!(
                path.starts_with('/') && path.matches('/').count() == 2,
                "{path}"
            );
        }
    }

    #[test]
    fn faker_ipv4_kinds_avoid_the_blocks() {
        let faker = en(8);
        let l = faker.en_us();
        let mut classes = [0u32; 3];
        for _ in 0..30_000 {
            let a: std::net::Ipv4Addr = l.ipv4().parse().unwrap();
            assert!(!SPECIAL_V4.iter().any(|b| in_block(a.into(), *b)), "{a}");
            let p: std::net::Ipv4Addr = l.ipv4_private().parse().unwrap();
            assert!(p.is_private(), "{p}");
            let q: std::net::Ipv4Addr = l.ipv4_public().parse().unwrap();
            let q32 = u32::from(q);
            assert!(
                !q.is_private() && !q.is_loopback() && !q.is_multicast(),
                "{q}"
            );
            assert!(
                !PRIVATE_V4
                    .iter()
                    .chain(&SPECIAL_V4)
                    .any(|b| in_block(q32, *b)),
                "{q}"
            );
            classes[CLASSES_V4.iter().position(|b| in_block(q32, *b)).unwrap()] += 1;
        }
        for c in classes {
            assert!((9_500..10_500).contains(&c), "{classes:?}");
        }
    }

    #[test]
    fn mac_addresses_are_unicast() {
        let f = en(9);
        for _ in 0..1000 {
            let m = f.en_us().mac_address();
            assert_eq!(m.len(), 17);
            let first = u8::from_str_radix(&m[..2], 16).unwrap();
            assert_eq!(first % 2, 0, "{m}");
            assert!(first <= 0xfc);
            assert_eq!(m, m.to_lowercase());
            assert_eq!(m.matches(':').count(), 5);
        }
    }

    #[test]
    fn addresses_and_phones_are_plausible() {
        let f = en(10);
        let l = f.en_us();
        for _ in 0..300 {
            assert!(!l.city().is_empty());
            assert!(!l.country().is_empty());
            let street = l.street_address();
            let (number, name) = street.split_once(' ').unwrap();
            assert!(
                number.bytes().all(|b| b.is_ascii_digit()) && !name.is_empty(),
                "{street}"
            );
            let zip = l.postcode();
            assert!(zip.len() == 5 && zip.bytes().all(|b| b.is_ascii_digit()));
            let phone = l.phone_number();
            assert!(
                phone.bytes().filter(u8::is_ascii_digit).count() >= 10,
                "{phone}"
            );
            assert!(!phone.contains(['#', '^']), "{phone}");
        }
    }

    #[test]
    fn same_seed_same_fakes() {
        let (a, b) = (en(11), en(11));
        for _ in 0..50 {
            assert_eq!(a.en_us().user_name(), b.en_us().user_name());
            assert_eq!(a.en_us().user_agent(), b.en_us().user_agent());
            assert_eq!(a.en_us().hostname(), b.en_us().hostname());
            assert_eq!(a.en_us().city(), b.en_us().city());
        }
    }
}
