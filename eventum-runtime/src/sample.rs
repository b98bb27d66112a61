//! Typed samples (`samples.<name>` in Eventum, §6.4).
//!
//! A [`Sample`] holds rows of a user type implementing [`Row`] (the
//! `#[generator]` macro generates these structs from the sample's columns),
//! either embedded at compile time (`&'static [T]`) or loaded at start-up
//! (`Arc<[T]>`), plus its own random stream. Untyped samples use [`DynRow`].
//!
//! Every method takes `&self`: the random stream is interior-mutable, so
//! event bodies can pick from several samples in one expression.
//! [`Sample::filter`] and [`Sample::where_eq`] (Eventum's `where`) return a
//! [`Filtered`] view with the same API that draws from the parent's stream.

use crate::fsm::{Elements, Observe, Observed, py_eq};
use crate::picking::CumulativeTable;
use crate::rng::FastRng;
use eventum_data::{DataError, Table};
use serde_json::Value;
use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

/// One cell of a row, as Python sees it (what `row.<field>` gives and what
/// `where` compares).
pub type CellRef<'a> = Observed<'a>;

/// A sample row type. The macro implements it for the struct it generates
/// per sample; [`DynRow`] implements it for untyped rows.
pub trait Row: Sized + 'static {
    /// The column names, in order (`_0`, `_1`, … without a header). Empty
    /// for row types whose columns are only known at run time ([`DynRow`]).
    const COLUMNS: &'static [&'static str];

    /// Builds a row from one row of a loaded table (cells in column order).
    fn from_cells(cells: &[Value]) -> Result<Self, String>;

    /// The cell of column `name`, if the row has that column.
    fn column(&self, name: &str) -> Option<CellRef<'_>>;

    /// Builds a row from a table row whose column names are `columns`.
    /// Row types with [`Row::COLUMNS`] ignore the names; [`DynRow`] keeps them.
    fn from_table_row(columns: &Arc<[&'static str]>, cells: &[Value]) -> Result<Self, String> {
        let _ = columns;
        Self::from_cells(cells)
    }
}

/// Column names live as long as the program: each distinct name is leaked
/// once, so rows and samples can hand out `&'static str`.
fn intern(name: &str) -> &'static str {
    static NAMES: Mutex<BTreeSet<&'static str>> = Mutex::new(BTreeSet::new());
    let mut names = NAMES.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(known) = names.get(name) {
        return known;
    }
    let leaked: &'static str = Box::leak(name.to_owned().into_boxed_str());
    names.insert(leaked);
    leaked
}

fn positional_columns(width: usize) -> Arc<[&'static str]> {
    (0..width).map(|i| intern(&format!("_{i}"))).collect()
}

// ---------------------------------------------------------------------------
// DynRow.

/// An untyped row: the cells and the sample's column names. Eventum's `Row`
/// (a tuple with named access).
#[derive(Clone, PartialEq)]
pub struct DynRow {
    columns: Arc<[&'static str]>,
    cells: Box<[Value]>,
}

impl DynRow {
    /// The cells, in column order (`row[i]`).
    pub fn cells(&self) -> &[Value] {
        &self.cells
    }

    /// Cell `i` (`row[i]`).
    pub fn get(&self, i: usize) -> Option<&Value> {
        self.cells.get(i)
    }

    /// The cell of column `name` (`row.<name>`).
    pub fn field(&self, name: &str) -> Option<&Value> {
        let i = self.columns.iter().position(|c| *c == name)?;
        self.cells.get(i)
    }

    /// The column names.
    pub fn columns(&self) -> &[&'static str] {
        &self.columns
    }
}

/// Python's repr: `Row(name='x', port='80')`.
impl fmt::Debug for DynRow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Row(")?;
        for (i, (name, cell)) in self.columns.iter().zip(self.cells.iter()).enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{name}={:?}", cell.observe())?;
        }
        f.write_str(")")
    }
}

impl Row for DynRow {
    const COLUMNS: &'static [&'static str] = &[];

    /// Columns named by position (`_0`, `_1`, …).
    fn from_cells(cells: &[Value]) -> Result<Self, String> {
        Ok(Self {
            columns: positional_columns(cells.len()),
            cells: cells.into(),
        })
    }

    fn column(&self, name: &str) -> Option<CellRef<'_>> {
        self.field(name).map(Observe::observe)
    }

    fn from_table_row(columns: &Arc<[&'static str]>, cells: &[Value]) -> Result<Self, String> {
        if cells.len() != columns.len() {
            return Err(format!(
                "{} values for {} columns",
                cells.len(),
                columns.len()
            ));
        }
        Ok(Self {
            columns: Arc::clone(columns),
            cells: cells.into(),
        })
    }
}

impl Elements for DynRow {
    fn len(&self) -> usize {
        self.cells.len()
    }
    fn at(&self, index: usize) -> Observed<'_> {
        self.cells[index].observe()
    }
}

/// A row observes as a tuple (compared like a list).
impl Observe for DynRow {
    fn observe(&self) -> Observed<'_> {
        Observed::Seq(self)
    }
}

// ---------------------------------------------------------------------------
// Sources.

/// Where a sample's rows come from (a `samples.<name>` entry of
/// `generator.yml`).
#[derive(Debug, Clone, PartialEq)]
pub enum SampleSource {
    /// `type: csv`.
    Csv {
        /// `source`: a `.csv` path, relative to the generator directory.
        path: PathBuf,
        /// `header` (default false).
        header: bool,
        /// `delimiter` (default `,`).
        delimiter: String,
        /// `quotechar` (default `"`).
        quotechar: char,
    },
    /// `type: json`.
    Json {
        /// `source`: a `.json` path, relative to the generator directory.
        path: PathBuf,
    },
    /// `type: items`: the list itself.
    Items(Vec<Value>),
}

impl SampleSource {
    /// A CSV source with Eventum's defaults (no header, `,`, `"`).
    pub fn csv(path: impl Into<PathBuf>) -> Self {
        Self::Csv {
            path: path.into(),
            header: false,
            delimiter: ",".to_owned(),
            quotechar: '"',
        }
    }

    /// Loads the rows; a relative path is resolved against `base_dir`.
    /// Errors name the file and line: `data/hosts.csv:4: CSV rows have …`.
    pub fn load(&self, base_dir: &Path) -> Result<Table, String> {
        match self {
            Self::Csv {
                path,
                header,
                delimiter,
                quotechar,
            } => {
                let (path, text) = read(base_dir, path, "csv", "CSV")?;
                eventum_data::load_csv(&text, *header, delimiter, *quotechar)
                    .map_err(|e| e.in_file(&path))
            }
            Self::Json { path } => {
                let (path, text) = read(base_dir, path, "json", "JSON")?;
                eventum_data::load_json(&text).map_err(|e| e.in_file(&path))
            }
            Self::Items(items) => eventum_data::load_items(items).map_err(|e| e.to_string()),
        }
    }
}

fn read(base_dir: &Path, path: &Path, ext: &str, kind: &str) -> Result<(PathBuf, String), String> {
    if path.extension().and_then(|e| e.to_str()) != Some(ext) {
        return Err(format!(
            "{kind} sample source must have .{ext} extension: {}",
            path.display()
        ));
    }
    let full = if path.is_absolute() {
        path.to_owned()
    } else {
        base_dir.join(path)
    };
    let text = std::fs::read_to_string(&full)
        .map_err(|e| format!("{}: cannot read the sample: {e}", full.display()))?;
    Ok((full, text))
}

// ---------------------------------------------------------------------------
// Sample.

enum Rows<T: 'static> {
    Static(&'static [T]),
    Shared(Arc<[T]>),
}

impl<T> Rows<T> {
    fn as_slice(&self) -> &[T] {
        match self {
            Self::Static(rows) => rows,
            Self::Shared(rows) => rows,
        }
    }
}

/// The cumulative weights of a sample (or view), or why there are none.
type Weights = OnceCell<Result<CumulativeTable, String>>;

/// The methods [`Sample`] and [`Filtered`] share; `$lt` is the lifetime of
/// the rows handed out (`'_`, i.e. `&self`, for a sample; the sample's for a
/// view).
macro_rules! sample_api {
    ($lt:lifetime) => {
        /// Number of rows (`len(s)`).
        pub fn len(&self) -> usize {
            self.count()
        }

        /// Whether there are no rows.
        pub fn is_empty(&self) -> bool {
            self.count() == 0
        }

        /// The column names (`s.columns`).
        pub fn columns(&self) -> &$lt [&'static str] {
            &self.sample().columns
        }

        /// Row `i` (`s[i]`); negative indexes count from the end, like
        /// Python's. `None` past either end (Python's `IndexError`).
        pub fn get(&self, i: isize) -> Option<&$lt T> {
            let len = self.count() as isize;
            let i = if i < 0 { i + len } else { i };
            (0..len).contains(&i).then(|| self.row_at(i as usize))
        }

        /// The rows, in order.
        pub fn iter(&self) -> impl ExactSizeIterator<Item = &$lt T> + '_ {
            (0..self.count()).map(move |i| self.row_at(i))
        }

        /// One row, uniformly (`s.pick()`).
        ///
        /// # Panics
        ///
        /// `samples.<name>.pick: sample is empty` when there are no rows
        /// (Eventum raises "Cannot pick from empty sample").
        pub fn pick(&self) -> &$lt T {
            if self.count() == 0 {
                panic!("samples.{}.pick: sample is empty", self.sample().name);
            }
            self.row_at(self.sample().rng.index(self.count()))
        }

        /// One row uniformly, or `default` when there are none
        /// (`s.pick(default)`).
        pub fn pick_or<'d>(&'d self, default: &'d T) -> &'d T {
            if self.count() == 0 {
                default
            } else {
                self.row_at(self.sample().rng.index(self.count()))
            }
        }

        /// `n` rows uniformly, with replacement (`s.pick_n(n)`); empty when
        /// there are no rows or `n <= 0`.
        pub fn pick_n(&self, n: i64) -> Vec<&$lt T> {
            let len = self.count();
            if len == 0 || n <= 0 {
                return Vec::new();
            }
            let rng = &self.sample().rng;
            (0..n).map(|_| self.row_at(rng.index(len))).collect()
        }

        fn cumulative(&self, call: &str) -> &CumulativeTable {
            let sample = self.sample();
            let table = self.weights().get_or_init(|| {
                let column = sample.weight.ok_or(
                    "Weight column not found in sample: no weight column was declared",
                )?;
                cumulative_weights((0..self.count()).map(|i| self.row_at(i)), column)
            });
            match table {
                Ok(table) => table,
                Err(e) => panic!("samples.{}.{call}: {e}", sample.name),
            }
        }

        /// One row, with probability proportional to its weight
        /// (`s.weighted_pick('<weight column>')`).
        ///
        /// # Panics
        ///
        /// `samples.<name>.weighted_pick: ...` when there are no rows, no
        /// weight column, or bad weights (non-numeric, negative, all zero).
        pub fn weighted_pick(&self) -> &$lt T {
            if self.count() == 0 {
                panic!("samples.{}.weighted_pick: sample is empty", self.sample().name);
            }
            let i = self.cumulative("weighted_pick").pick(&self.sample().rng);
            self.row_at(i)
        }

        /// A weighted row, or `default` when there are none
        /// (`s.weighted_pick(weight, default)`).
        ///
        /// # Panics
        ///
        /// On a missing weight column or bad weights, as
        /// [`weighted_pick`](Self::weighted_pick).
        pub fn weighted_pick_or<'d>(&'d self, default: &'d T) -> &'d T {
            if self.count() == 0 {
                return default;
            }
            let i = self.cumulative("weighted_pick").pick(&self.sample().rng);
            self.row_at(i)
        }

        /// `n` weighted rows, with replacement; empty when there are no rows
        /// or `n <= 0` (`s.weighted_pick_n(weight, n)`).
        ///
        /// # Panics
        ///
        /// On a missing weight column or bad weights, as
        /// [`weighted_pick`](Self::weighted_pick).
        pub fn weighted_pick_n(&self, n: i64) -> Vec<&$lt T> {
            if self.count() == 0 || n <= 0 {
                return Vec::new();
            }
            let table = self.cumulative("weighted_pick_n");
            let rng = &self.sample().rng;
            (0..n).map(|_| self.row_at(table.pick(rng))).collect()
        }

        /// Eventum's `s.where(col=value, ...)`: the rows whose every named
        /// column equals the value (Python `==`: `'80'` is not `80`). With
        /// no conditions, every row.
        ///
        /// # Panics
        ///
        /// `samples.<name>.where: Unknown column in filter conditions` when a
        /// condition names a column the sample does not have.
        #[must_use]
        pub fn where_eq(&self, conditions: &[(&str, CellRef<'_>)]) -> Filtered<$lt, T> {
            let sample = self.sample();
            let known = |c: &&str| sample.columns.contains(c);
            if let Some((unknown, _)) = conditions.iter().find(|(c, _)| !known(c)) {
                panic!(
                    "samples.{}.where: Unknown column in filter conditions: `{unknown}` \
                     (available: {})",
                    sample.name,
                    sample.columns.join(", ")
                );
            }
            self.filter(|row| {
                conditions
                    .iter()
                    .all(|(c, v)| row.column(c).is_some_and(|cell| py_eq(cell, *v)))
            })
        }

        /// The values of column `name`, in row order (`s['name']`); `None`
        /// for an unknown column (Jinja's Undefined in Eventum).
        pub fn column_values(&self, name: &str) -> Option<Vec<CellRef<$lt>>> {
            if !self.sample().columns.contains(&name) {
                return None;
            }
            Some(
                (0..self.count())
                    .map(|i| self.row_at(i).column(name).unwrap_or(Observed::Null))
                    .collect(),
            )
        }
    };
}

/// A sample: rows, column names, the weight column and a random stream.
pub struct Sample<T: 'static> {
    name: Cow<'static, str>,
    rows: Rows<T>,
    columns: Arc<[&'static str]>,
    weight: Option<&'static str>,
    rng: FastRng,
    weights: Weights,
}

impl<T: Row> fmt::Debug for Sample<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sample")
            .field("name", &self.name)
            .field("rows", &self.len())
            .field("columns", &self.columns)
            .field("weight", &self.weight)
            .finish_non_exhaustive()
    }
}

impl<T: Row> Sample<T> {
    /// A sample of rows embedded at compile time. `weight` names the column
    /// `weighted_pick` uses; the macro checks its values at compile time,
    /// and bad ones panic at the first weighted pick (as Eventum raises).
    pub fn from_static(
        name: impl Into<Cow<'static, str>>,
        rows: &'static [T],
        weight: Option<&'static str>,
        rng: FastRng,
    ) -> Self {
        Self {
            name: name.into(),
            rows: Rows::Static(rows),
            columns: Arc::from(T::COLUMNS),
            weight,
            rng,
            weights: OnceCell::new(),
        }
    }

    /// A sample of rows loaded at run time. Checks the columns against
    /// [`Row::COLUMNS`] (unless the row type has none), converts every row
    /// and, with a `weight` column, checks the weights as Eventum's
    /// `weighted_pick` would (errors name the row).
    pub fn from_table(
        name: impl Into<Cow<'static, str>>,
        table: &Table,
        weight: Option<&'static str>,
        rng: FastRng,
    ) -> Result<Self, String> {
        let name = name.into();
        if !T::COLUMNS.is_empty() && table.columns.iter().ne(T::COLUMNS.iter()) {
            return Err(format!(
                "samples.{name}: the columns are [{}], the row type expects [{}]",
                table.columns.join(", "),
                T::COLUMNS.join(", ")
            ));
        }
        let weights = OnceCell::new();
        if let Some(column) = weight {
            let values = eventum_data::weights(table, column)
                .map_err(|e: DataError| format!("samples.{name}: {e}"))?;
            if let Some(cumulative) = CumulativeTable::new(values) {
                let _ = weights.set(Ok(cumulative));
            }
        }
        let columns: Arc<[&'static str]> = table.columns.iter().map(|c| intern(c)).collect();
        let rows = table
            .rows
            .iter()
            .enumerate()
            .map(|(i, cells)| {
                T::from_table_row(&columns, cells)
                    .map_err(|e| format!("samples.{name}: row {i}: {e}"))
            })
            .collect::<Result<Arc<[T]>, String>>()?;
        Ok(Self {
            name,
            rows: Rows::Shared(rows),
            columns,
            weight,
            rng,
            weights,
        })
    }

    /// The sample's name (`samples.<name>`).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The weight column, if any.
    pub fn weight_column(&self) -> Option<&'static str> {
        self.weight
    }

    fn row_at(&self, i: usize) -> &T {
        &self.rows.as_slice()[i]
    }

    fn count(&self) -> usize {
        self.rows.as_slice().len()
    }

    fn sample(&self) -> &Self {
        self
    }

    fn weights(&self) -> &Weights {
        &self.weights
    }

    /// The rows, as a slice.
    pub fn rows(&self) -> &[T] {
        self.rows.as_slice()
    }

    /// A view of the rows for which `keep` holds, drawing from this
    /// sample's random stream.
    #[must_use]
    pub fn filter(&self, keep: impl FnMut(&T) -> bool) -> Filtered<'_, T> {
        Filtered::new(self, (0..self.count()).collect(), keep)
    }

    sample_api!('_);
}

/// A subset of a sample's rows ([`Sample::filter`], [`Sample::where_eq`]),
/// with the sample API. Rows borrow from the sample, not from the view, so
/// `s.filter(..).pick()` can outlive the view.
pub struct Filtered<'s, T: 'static> {
    sample: &'s Sample<T>,
    indexes: Vec<usize>,
    weights: Weights,
}

impl<T: Row> fmt::Debug for Filtered<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Filtered")
            .field("sample", &self.sample.name)
            .field("indexes", &self.indexes)
            .finish_non_exhaustive()
    }
}

impl<'s, T: Row> Filtered<'s, T> {
    fn new(
        sample: &'s Sample<T>,
        candidates: Vec<usize>,
        mut keep: impl FnMut(&T) -> bool,
    ) -> Self {
        let mut indexes = candidates;
        indexes.retain(|&i| keep(sample.row_at(i)));
        Self {
            sample,
            indexes,
            weights: OnceCell::new(),
        }
    }

    /// The sample's name.
    pub fn name(&self) -> &'s str {
        &self.sample.name
    }

    fn row_at(&self, i: usize) -> &'s T {
        self.sample.row_at(self.indexes[i])
    }

    fn count(&self) -> usize {
        self.indexes.len()
    }

    fn sample(&self) -> &'s Sample<T> {
        self.sample
    }

    fn weights(&self) -> &Weights {
        &self.weights
    }

    /// A narrower view: the rows of this one for which `keep` holds.
    #[must_use]
    pub fn filter(&self, keep: impl FnMut(&T) -> bool) -> Filtered<'s, T> {
        Filtered::new(self.sample, self.indexes.clone(), keep)
    }

    sample_api!('s);
}

/// The cumulative weights of `column` over `rows`, with Eventum's checks
/// (see [`eventum_data::weights`]).
fn cumulative_weights<'r, T: Row>(
    rows: impl Iterator<Item = &'r T>,
    column: &str,
) -> Result<CumulativeTable, String> {
    let mut weights = Vec::new();
    let mut total = 0.0;
    for (i, row) in rows.enumerate() {
        let cell = row
            .column(column)
            .ok_or_else(|| format!("Weight column not found in sample: `{column}`"))?;
        let w = match cell {
            Observed::Bool(b) => f64::from(u8::from(b)),
            Observed::Int(n) => n as f64,
            Observed::Float(x) => x,
            Observed::Str(s) => eventum_data::parse_python_float(s).ok_or_else(|| {
                format!("Weight column `{column}` contains non-numeric value '{s}' (row {i})")
            })?,
            other => {
                return Err(format!(
                    "Weight column `{column}` contains non-numeric value {other:?} (row {i})"
                ));
            }
        };
        if w < 0.0 {
            return Err(format!(
                "Weight column `{column}` contains negative value {cell:?} (row {i})"
            ));
        }
        if !w.is_finite() {
            return Err(format!(
                "Weight column `{column}` contains non-finite value {cell:?} (row {i})"
            ));
        }
        total += w;
        weights.push(w);
    }
    if total == 0.0 {
        return Err(format!("All weights are zero (column `{column}`)"));
    }
    CumulativeTable::new(weights)
        .ok_or_else(|| format!("Total of weights in column `{column}` must be finite"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// What the macro would generate for `hosts.csv` (`name,port,weight`).
    #[derive(Debug, PartialEq)]
    struct Host {
        name: &'static str,
        port: i64,
        weight: f64,
    }

    impl Row for Host {
        const COLUMNS: &'static [&'static str] = &["name", "port", "weight"];
        fn from_cells(_: &[Value]) -> Result<Self, String> {
            Err("static only".to_owned())
        }
        fn column(&self, name: &str) -> Option<CellRef<'_>> {
            match name {
                "name" => Some(self.name.observe()),
                "port" => Some(self.port.observe()),
                "weight" => Some(self.weight.observe()),
                _ => None,
            }
        }
    }

    static HOSTS: [Host; 4] = [
        Host {
            name: "web",
            port: 80,
            weight: 1.0,
        },
        Host {
            name: "db",
            port: 5432,
            weight: 0.0,
        },
        Host {
            name: "cache",
            port: 6379,
            weight: 3.0,
        },
        Host {
            name: "web2",
            port: 80,
            weight: 6.0,
        },
    ];

    fn hosts() -> Sample<Host> {
        Sample::from_static("hosts", &HOSTS, Some("weight"), FastRng::from_seed(3))
    }

    /// An owned row type for run-time tables.
    #[derive(Debug, PartialEq)]
    struct User {
        name: String,
        role: String,
    }

    impl Row for User {
        const COLUMNS: &'static [&'static str] = &["name", "role"];
        fn from_cells(cells: &[Value]) -> Result<Self, String> {
            let text = |i: usize| {
                cells
                    .get(i)
                    .and_then(Value::as_str)
                    .map(str::to_owned)
                    .ok_or_else(|| format!("column {i} is not a string"))
            };
            Ok(Self {
                name: text(0)?,
                role: text(1)?,
            })
        }
        fn column(&self, name: &str) -> Option<CellRef<'_>> {
            match name {
                "name" => Some(self.name.observe()),
                "role" => Some(self.role.observe()),
                _ => None,
            }
        }
    }

    fn counts<T: PartialEq>(rows: &[T], picks: impl Iterator<Item = *const T>) -> Vec<usize> {
        let mut counts = vec![0; rows.len()];
        for p in picks {
            let i = rows.iter().position(|r| std::ptr::eq(r, p)).unwrap();
            counts[i] += 1;
        }
        counts
    }

    #[test]
    fn pick_is_uniform() {
        let s = hosts();
        let c = counts(&HOSTS, (0..40_000).map(|_| std::ptr::from_ref(s.pick())));
        for n in &c {
            assert!((9_000..11_000).contains(n), "{c:?}");
        }
    }

    #[test]
    fn pick_n_with_replacement() {
        let s = hosts();
        assert!(s.pick_n(0).is_empty());
        assert!(s.pick_n(-3).is_empty());
        let picked = s.pick_n(40_000);
        assert_eq!(picked.len(), 40_000);
        let c = counts(&HOSTS, picked.into_iter().map(std::ptr::from_ref));
        for n in &c {
            assert!((9_000..11_000).contains(n), "{c:?}");
        }
        let empty: Sample<Host> = Sample::from_static("none", &[], None, FastRng::from_seed(1));
        assert!(empty.pick_n(5).is_empty());
        assert!(empty.weighted_pick_n(5).is_empty());
    }

    #[test]
    fn pick_or_on_empty() {
        let empty: Sample<Host> =
            Sample::from_static("none", &[], Some("weight"), FastRng::from_seed(1));
        let fallback = Host {
            name: "fallback",
            port: 0,
            weight: 0.0,
        };
        assert_eq!(empty.pick_or(&fallback).name, "fallback");
        assert_eq!(empty.weighted_pick_or(&fallback).name, "fallback");
        assert!(empty.is_empty());
        assert_ne!(hosts().pick_or(&fallback).name, "fallback");
    }

    #[test]
    #[should_panic(expected = "samples.none.pick: sample is empty")]
    fn pick_on_empty_panics() {
        let empty: Sample<Host> = Sample::from_static("none", &[], None, FastRng::from_seed(1));
        let _ = empty.pick();
    }

    #[test]
    fn weighted_pick_follows_weights() {
        let s = hosts();
        let c = counts(
            &HOSTS,
            (0..100_000).map(|_| std::ptr::from_ref(s.weighted_pick())),
        );
        assert_eq!(c[1], 0);
        for (got, want) in [(c[0], 10_000.0), (c[2], 30_000.0), (c[3], 60_000.0)] {
            assert!((got as f64 - want).abs() < want * 0.04, "{c:?}");
        }
        let c = counts(
            &HOSTS,
            s.weighted_pick_n(10_000)
                .into_iter()
                .map(std::ptr::from_ref),
        );
        assert_eq!(c[1], 0);
        assert!((5_500..6_500).contains(&c[3]), "{c:?}");
        assert!(s.weighted_pick_n(0).is_empty());
    }

    #[test]
    #[should_panic(expected = "samples.hosts.weighted_pick: All weights are zero")]
    fn all_zero_weights_panic_at_the_first_weighted_pick() {
        let s = hosts();
        let db = s.filter(|h| h.name == "db");
        let _ = db.weighted_pick();
    }

    #[test]
    #[should_panic(expected = "samples.plain.weighted_pick: Weight column not found")]
    fn weighted_pick_needs_a_weight_column() {
        let s = Sample::from_static("plain", &HOSTS, None, FastRng::from_seed(1));
        let _ = s.weighted_pick();
    }

    #[test]
    fn negative_index_get() {
        let s = hosts();
        assert_eq!(s.get(0).unwrap().name, "web");
        assert_eq!(s.get(-1).unwrap().name, "web2");
        assert_eq!(s.get(-4).unwrap().name, "web");
        assert!(s.get(-5).is_none());
        assert!(s.get(4).is_none());
        assert_eq!(
            s.iter().map(|h| h.port).collect::<Vec<_>>(),
            [80, 5432, 6379, 80]
        );
        assert_eq!(s.len(), 4);
        assert_eq!(s.rows().len(), 4);
        assert_eq!(s.name(), "hosts");
        assert_eq!(s.weight_column(), Some("weight"));
    }

    #[test]
    fn filter_and_where() {
        let s = hosts();
        assert_eq!(s.columns(), ["name", "port", "weight"]);
        let web = s.where_eq(&[("port", Observed::Int(80))]);
        assert_eq!(web.len(), 2);
        assert_eq!(web.get(-1).unwrap().name, "web2");
        assert_eq!(web.columns(), ["name", "port", "weight"]);
        // Python `==`: the string '80' is not the number 80.
        assert!(s.where_eq(&[("port", Observed::Str("80"))]).is_empty());
        // Conditions are ANDed, and views chain.
        let one = s.where_eq(&[("port", Observed::Int(80)), ("name", Observed::Str("web"))]);
        assert_eq!(one.iter().map(|h| h.name).collect::<Vec<_>>(), ["web"]);
        assert_eq!(web.filter(|h| h.weight > 2.0).len(), 1);
        assert_eq!(s.where_eq(&[]).len(), 4);
        // Picks from a view only return its rows, and outlive the view.
        let picked = s.filter(|h| h.port == 80).pick();
        assert_eq!(picked.port, 80);
        for _ in 0..200 {
            assert_eq!(web.weighted_pick().port, 80);
            assert_eq!(web.pick_n(2).len(), 2);
        }
        // Weights are recomputed over the view: web (1) vs web2 (6).
        let c = counts(
            &HOSTS,
            (0..14_000).map(|_| std::ptr::from_ref(web.weighted_pick())),
        );
        assert!(
            (1_700..2_300).contains(&c[0]) && c[0] + c[3] == 14_000,
            "{c:?}"
        );
        // Column values.
        let ports = s.column_values("port").unwrap();
        assert!(fsm_eq_all(&ports, &[80, 5432, 6379, 80]));
        assert!(s.column_values("nope").is_none());
        assert_eq!(web.column_values("name").unwrap().len(), 2);
    }

    fn fsm_eq_all(cells: &[CellRef<'_>], want: &[i64]) -> bool {
        cells.len() == want.len()
            && cells
                .iter()
                .zip(want)
                .all(|(c, w)| py_eq(*c, Observed::Int(*w)))
    }

    #[test]
    fn views_draw_from_the_samples_stream() {
        let (a, b) = (hosts(), hosts());
        let everything = a.filter(|_| true);
        let alternating: Vec<&str> = (0..50)
            .map(|i| {
                if i % 2 == 0 {
                    everything.pick().name
                } else {
                    a.pick().name
                }
            })
            .collect();
        let single: Vec<&str> = (0..50).map(|_| b.pick().name).collect();
        assert_eq!(alternating, single);
    }

    #[test]
    fn samples_can_move_to_worker_threads() {
        fn send<T: Send>() {}
        send::<Sample<Host>>();
        send::<Sample<DynRow>>();
    }

    #[test]
    #[should_panic(expected = "samples.hosts.where: Unknown column in filter conditions: `colour`")]
    fn where_with_an_unknown_column_panics() {
        let _ = hosts().where_eq(&[("colour", Observed::Str("red"))]);
    }

    #[test]
    fn from_table_with_typed_rows() {
        let table =
            eventum_data::load_csv("name,role\nann,admin\nbob,user\n", true, ",", '"').unwrap();
        let s: Sample<User> =
            Sample::from_table("users", &table, None, FastRng::from_seed(1)).unwrap();
        assert_eq!(
            s.get(1).unwrap(),
            &User {
                name: "bob".into(),
                role: "user".into()
            }
        );
        assert_eq!(
            s.where_eq(&[("role", Observed::Str("admin"))]).pick().name,
            "ann"
        );
        // Columns must match the row type.
        let other = eventum_data::load_csv("role,name\nadmin,ann\n", true, ",", '"').unwrap();
        let e =
            Sample::<User>::from_table("users", &other, None, FastRng::from_seed(1)).unwrap_err();
        assert!(
            e.starts_with("samples.users: the columns are [role, name]"),
            "{e}"
        );
        // Row conversion errors name the row.
        let json =
            eventum_data::load_json(r#"[{"name": "a", "role": "x"}, {"name": "b", "role": 1}]"#)
                .unwrap();
        let e =
            Sample::<User>::from_table("users", &json, None, FastRng::from_seed(1)).unwrap_err();
        assert_eq!(e, "samples.users: row 1: column 1 is not a string");
    }

    #[test]
    fn from_table_checks_weights_up_front() {
        let table = eventum_data::load_csv("n,w\na,1\nb,-1\n", true, ",", '"').unwrap();
        let e = Sample::<DynRow>::from_table("t", &table, Some("w"), FastRng::from_seed(1))
            .unwrap_err();
        assert_eq!(
            e,
            "samples.t: Weight column `w` contains negative value '-1' (row 1)"
        );
        let table = eventum_data::load_csv("a,1\nb,2\n", false, ",", '"').unwrap();
        let e = Sample::<DynRow>::from_table("t", &table, Some("_1"), FastRng::from_seed(1))
            .unwrap_err();
        assert!(
            e.starts_with("samples.t: Weight column not found in sample"),
            "{e}"
        );
    }

    #[test]
    fn dyn_rows() {
        let table =
            eventum_data::load_json(r#"[{"user": "ann", "n": 3}, {"user": "bob", "n": 1}]"#)
                .unwrap();
        let s: Sample<DynRow> =
            Sample::from_table("people", &table, Some("n"), FastRng::from_seed(9)).unwrap();
        assert_eq!(s.columns(), ["user", "n"]);
        let ann = s.get(0).unwrap();
        assert_eq!(ann.field("n"), Some(&json!(3)));
        assert_eq!(ann.get(0), Some(&json!("ann")));
        assert_eq!(ann.cells().len(), 2);
        assert_eq!(ann.columns(), ["user", "n"]);
        assert_eq!(format!("{ann:?}"), "Row(user='ann', n=3)");
        assert_eq!(
            s.where_eq(&[("n", Observed::Float(1.0))])
                .pick()
                .field("user"),
            Some(&json!("bob"))
        );
        let picks = (0..8_000)
            .filter(|_| s.weighted_pick().field("user") == Some(&json!("ann")))
            .count();
        assert!((5_600..6_400).contains(&picks), "{picks}");
        // Items samples: one-column rows named `_0`.
        let items = eventum_data::load_items(&[json!(200), json!(404)]).unwrap();
        let codes: Sample<DynRow> =
            Sample::from_table("codes", &items, None, FastRng::from_seed(1)).unwrap();
        assert_eq!(codes.columns(), ["_0"]);
        assert_eq!(format!("{:?}", codes.get(-1).unwrap()), "Row(_0=404)");
        let positional = DynRow::from_cells(&[json!(1), json!("x")]).unwrap();
        assert_eq!(positional.columns(), ["_0", "_1"]);
        assert!(crate::fsm::eq(
            &positional,
            Observed::Seq(&[Observed::Int(1), Observed::Str("x")])
        ));
    }

    #[test]
    fn sources_load_files_and_name_them_in_errors() {
        let dir = std::env::temp_dir().join(format!("eventum-sample-test-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("data")).unwrap();
        std::fs::write(dir.join("data/hosts.csv"), "name;port\nweb;80\n\nx;1;2\n").unwrap();
        std::fs::write(dir.join("data/users.json"), "[{\"a\": 1}]").unwrap();
        let csv = SampleSource::Csv {
            path: "data/hosts.csv".into(),
            header: true,
            delimiter: ";".into(),
            quotechar: '"',
        };
        let e = csv.load(&dir).unwrap_err();
        assert!(
            e.ends_with(
                "data/hosts.csv:4: CSV rows have inconsistent column counts: this row has 3 \
                 values, expected 2 (if values contain the delimiter character, wrap them in \
                 quotes per RFC 4180)"
            ),
            "{e}"
        );
        let json = SampleSource::Json {
            path: dir.join("data/users.json"),
        };
        assert_eq!(json.load(Path::new("/elsewhere")).unwrap().columns, ["a"]);
        let e = SampleSource::csv("data/hosts.txt").load(&dir).unwrap_err();
        assert_eq!(
            e,
            "CSV sample source must have .csv extension: data/hosts.txt"
        );
        let e = SampleSource::csv("data/missing.csv")
            .load(&dir)
            .unwrap_err();
        assert!(e.contains("missing.csv: cannot read the sample"), "{e}");
        assert_eq!(
            SampleSource::Items(vec![json!(1)])
                .load(&dir)
                .unwrap()
                .len(),
            1
        );
        assert!(SampleSource::Items(vec![]).load(&dir).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
