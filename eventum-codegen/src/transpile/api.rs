//! The context API and its Jinja twins: `module.rand`, `module.faker`,
//! samples, timestamps and strings. One table per receiver, so the mapping
//! reads like the Eventum documentation.

use super::types::Ty;

/// `module.rand` top-level functions: Rust name -> (Jinja name, result).
/// The result `None` means "the element type of the first argument".
pub(crate) fn rand_top(name: &str) -> Option<(&'static str, Option<Ty>)> {
    Some(match name {
        "shuffle" | "shuffle_str" => ("shuffle", None),
        "choice" => ("choice", None),
        "choices" => ("choices", None),
        "weighted_choice" => ("weighted_choice", None),
        "weighted_choices" => ("weighted_choices", None),
        "weighted_choice_map" => ("weighted_choice", None),
        "weighted_choices_map" => ("weighted_choices", None),
        "chance" => ("chance", Some(Ty::Bool)),
        _ => return None,
    })
}

/// `module.rand.<sub>.<fn>`: (Jinja call, result type).
pub(crate) fn rand_sub(sub: &str, name: &str) -> Option<(&'static str, Ty)> {
    Some(match (sub, name) {
        ("number", "integer") => ("integer", Ty::Int),
        ("number", "floating") => ("floating", Ty::Float),
        ("number", "gauss") => ("gauss", Ty::Float),
        ("number", "lognormal") => ("lognormal", Ty::Float),
        ("number", "exponential") => ("exponential", Ty::Float),
        ("number", "pareto") => ("pareto", Ty::Float),
        ("number", "triangular") => ("triangular", Ty::Float),
        ("number", "clamp") => ("clamp", Ty::Unknown),
        (
            "string",
            n @ ("letters_lowercase" | "letters_uppercase" | "letters" | "digits" | "punctuation"
            | "hex" | "pattern"),
        ) => (static_str(n), Ty::Str),
        (
            "network",
            n @ ("ip_v4" | "ip_v4_private" | "ip_v4_private_a" | "ip_v4_private_b"
            | "ip_v4_private_c" | "ip_v4_public" | "ip_v4_in_subnet" | "ip_v6"
            | "ip_v6_global" | "ip_v6_link_local" | "ip_v6_ula" | "mac"),
        ) => (static_str(n), Ty::Str),
        ("network", "mac_oui" | "mac_vendor") => ("mac", Ty::Str),
        ("crypto", n @ ("uuid4" | "md5" | "sha1" | "sha256")) => (static_str(n), Ty::Str),
        ("datetime", "timestamp") => ("timestamp", Ty::Timestamp),
        _ => return None,
    })
}

fn static_str(s: &str) -> &'static str {
    // The names above are a closed set; map each to its static spelling.
    const NAMES: &[&str] = &[
        "letters_lowercase",
        "letters_uppercase",
        "letters",
        "digits",
        "punctuation",
        "hex",
        "pattern",
        "ip_v4",
        "ip_v4_private",
        "ip_v4_private_a",
        "ip_v4_private_b",
        "ip_v4_private_c",
        "ip_v4_public",
        "ip_v4_in_subnet",
        "ip_v6",
        "ip_v6_global",
        "ip_v6_link_local",
        "ip_v6_ula",
        "mac",
        "uuid4",
        "md5",
        "sha1",
        "sha256",
    ];
    NAMES.iter().find(|n| **n == s).copied().unwrap_or("")
}

/// `module.faker.locale.en_US.<fn>()` methods that exist in Python Faker.
pub(crate) fn faker(name: &str) -> bool {
    matches!(
        name,
        "user_name"
            | "user_agent"
            | "email"
            | "free_email"
            | "safe_email"
            | "company_email"
            | "domain_name"
            | "domain_word"
            | "hostname"
            | "first_name"
            | "last_name"
            | "name"
            | "company"
            | "job"
            | "word"
            | "sentence"
            | "url"
            | "uri_path"
            | "file_name"
            | "file_path"
            | "ipv4"
            | "ipv4_private"
            | "ipv4_public"
            | "mac_address"
            | "phone_number"
            | "city"
            | "country"
            | "street_address"
            | "postcode"
    )
}

/// `TimeDelta::<unit>(n)` -> the `timedelta` keyword.
pub(crate) fn delta_unit(name: &str) -> Option<&'static str> {
    Some(match name {
        "microseconds" => "microseconds",
        "milliseconds" => "milliseconds",
        "seconds" => "seconds",
        "minutes" => "minutes",
        "hours" => "hours",
        "days" => "days",
        "weeks" => "weeks",
        _ => return None,
    })
}
