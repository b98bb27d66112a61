//! [`DataError`]: what went wrong while loading a sample, and where.

use std::fmt;
use std::path::Path;

/// A sample that could not be loaded, or a weight column that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    /// What is wrong.
    pub message: String,
    /// 1-based line in the source text, when known.
    pub line: Option<usize>,
    /// 1-based column in the source text, when known.
    pub column: Option<usize>,
}

impl DataError {
    /// An error with no position.
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            line: None,
            column: None,
        }
    }

    /// An error at `line` (and `column`, when known).
    pub fn at(message: impl Into<String>, line: usize, column: Option<usize>) -> Self {
        Self {
            message: message.into(),
            line: Some(line),
            column,
        }
    }

    /// The error as a compiler-style message naming the file:
    /// `path:line:column: message`.
    pub fn in_file(&self, path: &Path) -> String {
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}: {}", path.display(), self.message),
            (Some(l), None) => format!("{}:{l}: {}", path.display(), self.message),
            _ => format!("{}: {}", path.display(), self.message),
        }
    }
}

/// `line L, column C: message` (the parts that are known).
impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "line {l}, column {c}: {}", self.message),
            (Some(l), None) => write!(f, "line {l}: {}", self.message),
            _ => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for DataError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_the_known_position() {
        assert_eq!(
            DataError::at("bad", 3, Some(7)).to_string(),
            "line 3, column 7: bad"
        );
        assert_eq!(DataError::at("bad", 3, None).to_string(), "line 3: bad");
        assert_eq!(DataError::new("bad").to_string(), "bad");
        assert_eq!(
            DataError::at("bad", 3, Some(7)).in_file(Path::new("data/x.csv")),
            "data/x.csv:3:7: bad"
        );
        assert_eq!(
            DataError::new("bad").in_file(Path::new("x.json")),
            "x.json: bad"
        );
    }
}
