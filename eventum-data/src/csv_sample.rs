//! CSV samples, as tablib loads them for Eventum (`csv.reader` underneath).

use crate::{DataError, Table};
use serde_json::Value;
use std::borrow::Cow;

/// Loads a CSV sample (Eventum `type: csv`).
///
/// Eventum's rules: every value is a string; blank lines are skipped; with
/// `header`, the first line names the columns; rows shorter than the first
/// row (or the header) are padded with `""`; a longer row is an error
/// ("CSV rows have inconsistent column counts"), reported at its line.
/// Line endings are normalised first (`\r\n` and `\r` become `\n`, also
/// inside quoted values), as Python's text-mode `open` does. A blank first
/// line with `header: true` leaves the sample without a header, as in tablib.
///
/// `delimiter` and `quotechar` must each be one ASCII character (Python
/// accepts any single character; the `csv` crate works on bytes).
pub fn load_csv(
    text: &str,
    header: bool,
    delimiter: &str,
    quotechar: char,
) -> Result<Table, DataError> {
    let mut chars = delimiter.chars();
    let delimiter = match (chars.next(), chars.next()) {
        (Some(c), None) => ascii_byte("delimiter", c)?,
        _ => {
            return Err(DataError::new(format!(
                "delimiter must be a single character, got {delimiter:?}"
            )));
        }
    };
    let quote = ascii_byte("quotechar", quotechar)?;
    if delimiter == quote {
        return Err(DataError::new(format!(
            "delimiter and quotechar must differ, both are {:?}",
            char::from(quote)
        )));
    }

    let text = universal_newlines(text);
    // csv.reader yields `[]` for a blank line; tablib then sets no header.
    let header = header && !text.starts_with('\n');
    // Python reads the file as UTF-8, not utf-8-sig: a byte order mark is
    // part of the first value. The `csv` crate would drop it, so it is taken
    // off here and put back.
    let (text, mut bom) = match text.strip_prefix('\u{feff}') {
        Some(rest) => (rest, true),
        None => (&*text, false),
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .quote(quote)
        .from_reader(text.as_bytes());

    let mut builder = Builder {
        header,
        columns: None,
        width: None,
        rows: Vec::new(),
    };
    let mut lines = LineCounter::default();
    for record in reader.records() {
        let record = record.map_err(csv_error)?;
        let (start, line) = lines.locate(text, record.position().map_or(0, csv::Position::byte));
        let mut fields: Vec<String> = record.iter().map(str::to_owned).collect();
        if std::mem::take(&mut bom) {
            if start == 0 {
                fields[0].insert(0, '\u{feff}');
            } else {
                // The BOM was alone on the first line: a one-value row.
                builder.push(vec!["\u{feff}".to_owned()], 1)?;
            }
        }
        builder.push(fields, line)?;
    }
    if bom {
        builder.push(vec!["\u{feff}".to_owned()], 1)?;
    }
    let Builder {
        columns,
        width,
        rows,
        ..
    } = builder;

    Ok(match columns {
        Some(columns) => Table {
            columns,
            rows,
            has_header: true,
        },
        None => Table::positional(width.unwrap_or(0), rows),
    })
}

/// The header, the row width and the rows read so far.
struct Builder {
    header: bool,
    columns: Option<Vec<String>>,
    width: Option<usize>,
    rows: Vec<Vec<Value>>,
}

impl Builder {
    /// Takes the record that starts at `line`: the header, or a row checked
    /// against the width and padded to it.
    fn push(&mut self, fields: Vec<String>, line: usize) -> Result<(), DataError> {
        if self.header && self.columns.is_none() {
            self.width = Some(fields.len());
            self.columns = Some(fields);
            return Ok(());
        }
        let expected = *self.width.get_or_insert(fields.len());
        if fields.len() > expected {
            return Err(DataError::at(
                format!(
                    "CSV rows have inconsistent column counts: this row has {} values, \
                     expected {expected} (if values contain the delimiter character, \
                     wrap them in quotes per RFC 4180)",
                    fields.len()
                ),
                line,
                None,
            ));
        }
        let mut row: Vec<Value> = fields.into_iter().map(Value::String).collect();
        row.resize(expected, Value::String(String::new()));
        self.rows.push(row);
        Ok(())
    }
}

fn ascii_byte(what: &str, c: char) -> Result<u8, DataError> {
    match u8::try_from(c) {
        Ok(b) if b.is_ascii() && b != b'\n' && b != b'\r' => Ok(b),
        _ => Err(DataError::new(format!(
            "{what} must be an ASCII character other than a line break, got {c:?}"
        ))),
    }
}

/// Line numbers of record starts. The `csv` crate's own line count does not
/// include the blank lines it skips, so the lines are counted here from the
/// record's byte offset (which points at those blank lines).
#[derive(Default)]
struct LineCounter {
    offset: usize,
    line: usize,
}

impl LineCounter {
    /// The record's real start (past the skipped blank lines) and its line.
    fn locate(&mut self, text: &str, start: u64) -> (usize, usize) {
        let mut start = usize::try_from(start).unwrap_or(text.len()).min(text.len());
        start += text.as_bytes()[start..]
            .iter()
            .take_while(|&&b| b == b'\n')
            .count();
        if start >= self.offset {
            self.line += text[self.offset..start].matches('\n').count();
            self.offset = start;
        }
        (start, self.line + 1)
    }
}

/// Python's universal newlines: `\r\n` and lone `\r` become `\n`.
fn universal_newlines(text: &str) -> Cow<'_, str> {
    if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    }
}

fn csv_error(e: csv::Error) -> DataError {
    let line = e.position().map(|p| p.line() as usize);
    let message = match e.kind() {
        csv::ErrorKind::Utf8 { err, .. } => format!("invalid UTF-8: {err}"),
        _ => e.to_string(),
    };
    DataError {
        message,
        line,
        column: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(rows: &[&[&str]]) -> Vec<Vec<Value>> {
        rows.iter()
            .map(|r| r.iter().map(|s| Value::from(*s)).collect())
            .collect()
    }

    #[test]
    fn header_names_the_columns() {
        let t = load_csv("name,port\nweb,80\ndb,5432\n", true, ",", '"').unwrap();
        assert_eq!(t.columns, ["name", "port"]);
        assert!(t.has_header);
        // All values are strings, even numbers.
        assert_eq!(t.rows, strings(&[&["web", "80"], &["db", "5432"]]));
    }

    #[test]
    fn without_header_columns_are_positional() {
        let t = load_csv("web,80\ndb,5432", false, ",", '"').unwrap();
        assert_eq!(t.columns, ["_0", "_1"]);
        assert!(!t.has_header);
        assert_eq!(t.len(), 2);
    }

    #[test]
    fn delimiter_and_quotechar() {
        let t = load_csv("a;'b;c'\n1;'x''y'\n", false, ";", '\'').unwrap();
        assert_eq!(t.rows, strings(&[&["a", "b;c"], &["1", "x'y"]]));
        let t = load_csv("a\tb\n\"q\"\"x\"\t2\n", true, "\t", '"').unwrap();
        assert_eq!(t.rows, strings(&[&["q\"x", "2"]]));
        // A quote inside an unquoted value is literal, as in Python.
        let t = load_csv("a\"b,c\n", false, ",", '"').unwrap();
        assert_eq!(t.rows, strings(&[&["a\"b", "c"]]));
    }

    #[test]
    fn quoted_delimiters_and_newlines() {
        let t = load_csv(
            "msg,n\n\"hello, world\",1\n\"two\r\nlines\",2\n",
            true,
            ",",
            '"',
        )
        .unwrap();
        assert_eq!(
            t.rows,
            strings(&[&["hello, world", "1"], &["two\nlines", "2"]])
        );
    }

    #[test]
    fn blank_lines_are_skipped() {
        let t = load_csv("h1,h2\n\na,b\n\n\nc,d\n\n", true, ",", '"').unwrap();
        assert_eq!(t.rows, strings(&[&["a", "b"], &["c", "d"]]));
        let t = load_csv("a\r\n\r\nb\r\n", false, ",", '"').unwrap();
        assert_eq!(t.rows, strings(&[&["a"], &["b"]]));
        // A line of spaces is a value, not a blank line.
        let t = load_csv("a\n \n", false, ",", '"').unwrap();
        assert_eq!(t.rows, strings(&[&["a"], &[" "]]));
    }

    #[test]
    fn blank_first_line_means_no_header() {
        let t = load_csv("\nname,port\nweb,80\n", true, ",", '"').unwrap();
        assert!(!t.has_header);
        assert_eq!(t.columns, ["_0", "_1"]);
        assert_eq!(t.rows, strings(&[&["name", "port"], &["web", "80"]]));
    }

    #[test]
    fn short_rows_are_padded() {
        let t = load_csv("a,b,c\n1\n1,2\n", true, ",", '"').unwrap();
        assert_eq!(t.rows, strings(&[&["1", "", ""], &["1", "2", ""]]));
        let t = load_csv("1,2,3\n4\n", false, ",", '"').unwrap();
        assert_eq!(t.rows, strings(&[&["1", "2", "3"], &["4", "", ""]]));
    }

    #[test]
    fn longer_rows_are_an_error_at_their_line() {
        let e = load_csv("a,b\n1,2\n\n1,2,3\n", true, ",", '"').unwrap_err();
        assert!(
            e.message
                .starts_with("CSV rows have inconsistent column counts"),
            "{e}"
        );
        assert_eq!(e.line, Some(4));
        let e = load_csv("x\ny,z\n", false, ",", '"').unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(e.to_string().starts_with("line 2: CSV rows have"), "{e}");
        let e = load_csv("\n\nh\n\"multi\nline\"\n\n\n\nx,y\n", false, ",", '"').unwrap_err();
        assert_eq!(e.line, Some(9));
    }

    #[test]
    fn byte_order_mark_stays_in_the_first_value() {
        // Python opens the file as UTF-8 (not utf-8-sig): the BOM is kept.
        let t = load_csv("\u{feff}name,port\n", true, ",", '"').unwrap();
        assert_eq!(t.columns, ["\u{feff}name", "port"]);
        let t = load_csv("\u{feff}\na\n", false, ",", '"').unwrap();
        assert_eq!(t.rows, strings(&[&["\u{feff}"], &["a"]]));
        let t = load_csv("\u{feff}", false, ",", '"').unwrap();
        assert_eq!(t.rows, strings(&[&["\u{feff}"]]));
    }

    #[test]
    fn empty_input() {
        let t = load_csv("", true, ",", '"').unwrap();
        assert!(t.is_empty());
        assert!(t.columns.is_empty());
        let t = load_csv("h1,h2\n", true, ",", '"').unwrap();
        assert_eq!(t.columns, ["h1", "h2"]);
        assert!(t.is_empty());
    }

    #[test]
    fn bad_dialects_are_rejected() {
        assert!(load_csv("a", false, ",,", '"').is_err());
        assert!(load_csv("a", false, "", '"').is_err());
        assert!(load_csv("a", false, "§", '"').is_err());
        assert!(load_csv("a", false, ",", ',').is_err());
        assert!(load_csv("a", false, "\n", '"').is_err());
    }
}
