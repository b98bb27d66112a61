//! What JSON value an ECS type takes, for literal checks and the runtime
//! type assertions the expansion emits.

/// The JSON shapes ECS types accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum JsonKind {
    /// `keyword`, `text`, `wildcard`, `constant_keyword`, `match_only_text`.
    String,
    /// `long`, `integer`, `short`, `byte`, `unsigned_long`.
    Integer,
    /// `float`, `double`, `scaled_float`, `half_float` (integers are accepted).
    Number,
    /// boolean.
    Bool,
    /// date: an ISO-8601 string (or a timestamp value).
    Date,
    /// ip: a string holding an IPv4 or IPv6 address.
    Ip,
    /// `object`, `flattened`, `nested`, `geo_point` and anything unusual.
    Any,
}

impl JsonKind {
    /// The kind of an Elasticsearch field type.
    pub(crate) fn of(es_type: &str) -> Self {
        match es_type {
            "keyword" | "text" | "wildcard" | "constant_keyword" | "match_only_text" => {
                Self::String
            }
            "long" | "integer" | "short" | "byte" | "unsigned_long" => Self::Integer,
            "float" | "double" | "scaled_float" | "half_float" => Self::Number,
            "boolean" => Self::Bool,
            "date" => Self::Date,
            "ip" => Self::Ip,
            _ => Self::Any,
        }
    }

    /// The runtime check function in `__private::ecs` (None: no check).
    pub(crate) fn check_fn(self) -> Option<&'static str> {
        Some(match self {
            Self::String => "keyword",
            Self::Integer => "long",
            Self::Number => "float",
            Self::Bool => "boolean",
            Self::Date => "date",
            Self::Ip => "ip",
            Self::Any => return None,
        })
    }

    /// How the kind reads in messages.
    pub(crate) fn describe(self) -> &'static str {
        match self {
            Self::String => "a string",
            Self::Integer => "an integer",
            Self::Number => "a number",
            Self::Bool => "a boolean",
            Self::Date => "a date (ISO-8601 string or timestamp)",
            Self::Ip => "an IP address string",
            Self::Any => "any value",
        }
    }
}
