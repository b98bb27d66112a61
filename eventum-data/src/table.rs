//! [`Table`]: a loaded sample, before it becomes typed rows.

use serde_json::Value;

/// A loaded sample: column names and rows of cells, every row as wide as
/// [`Table::columns`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// The column names: the header, or `_0`, `_1`, … when there is none.
    pub columns: Vec<String>,
    /// The rows, in file order.
    pub rows: Vec<Vec<Value>>,
    /// Whether the names come from a header (CSV `header: true`, JSON
    /// objects). Eventum's `weighted_pick` only works on such samples.
    pub has_header: bool,
}

impl Table {
    /// A table whose columns are named by position (`_0`, `_1`, …).
    pub(crate) fn positional(width: usize, rows: Vec<Vec<Value>>) -> Self {
        Self {
            columns: (0..width).map(|i| format!("_{i}")).collect(),
            rows,
            has_header: false,
        }
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The position of column `name` (the first one, if names repeat, as
    /// tablib does).
    pub fn column_index(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == name)
    }
}
