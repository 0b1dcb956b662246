//! Printing results: aligned tables for people, JSON and CSV for scripts.
//!
//! A command builds a [`Table`] (rows of typed [`Value`]s) or a [`Record`] (one item's
//! fields) and hands it to [`Output`] together with the typed document for JSON, so the three
//! formats always show the same data:
//!
//! * table: columns aligned, numbers and amounts right-aligned, amounts as decimals with at
//!   least two places followed by the currency, dates as `YYYY-MM-DD` (the calendar day of the
//!   value's own UTC offset, not converted to UTC);
//! * CSV: a header line, then one line per row; an amount column gives two fields
//!   (`balance`, `balance_currency`); fields are quoted when needed (RFC 4180);
//! * JSON: the document itself, with the API's wire field names.

use std::io::{self, Write};

use aggcat_types::{CurrencyCode, DateTime};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::cli::Format;
use crate::error::{CliError, CliResult};

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Nothing.
    Empty,
    /// Free text.
    Text(String),
    /// An integer (ids, counts).
    Int(i64),
    /// Money or a quantity, with its currency when known.
    Amount(Decimal, Option<String>),
    /// A calendar day.
    Date(NaiveDate),
    /// Yes or no.
    Bool(bool),
}

impl Value {
    /// Text, or [`Value::Empty`] for `None`.
    pub fn text(text: Option<impl Into<String>>) -> Self {
        text.map_or(Self::Empty, |t| Self::Text(t.into()))
    }

    /// An amount in `currency`, or [`Value::Empty`].
    pub fn amount(value: Option<Decimal>, currency: Option<&CurrencyCode>) -> Self {
        value.map_or(Self::Empty, |v| {
            Self::Amount(v, currency.map(|c| c.as_str().to_owned()))
        })
    }

    /// A quantity without currency, or [`Value::Empty`].
    pub fn decimal(value: Option<Decimal>) -> Self {
        value.map_or(Self::Empty, |v| Self::Amount(v, None))
    }

    /// The calendar day of a service date-time in its own offset, or [`Value::Empty`].
    pub fn date(value: Option<DateTime>) -> Self {
        value.map_or(Self::Empty, |d| Self::Date(d.date_naive()))
    }

    /// An optional integer.
    pub fn int(value: Option<i64>) -> Self {
        value.map_or(Self::Empty, Self::Int)
    }

    fn right_aligned(&self) -> bool {
        matches!(self, Self::Int(_) | Self::Amount(..))
    }

    /// The table form, amounts with `scale` fraction digits (if they have fewer).
    fn display_with_scale(&self, scale: u32) -> String {
        match self {
            Self::Amount(v, currency) if v.scale() < scale => {
                let mut v = *v;
                v.rescale(scale);
                Self::Amount(v, currency.clone()).display()
            }
            other => other.display(),
        }
    }

    /// The table form.
    fn display(&self) -> String {
        match self {
            Self::Empty => String::new(),
            Self::Text(t) => t.clone(),
            Self::Int(i) => i.to_string(),
            Self::Amount(v, Some(currency)) => format!("{} {currency}", decimal_text(*v)),
            Self::Amount(v, None) => decimal_text(*v),
            Self::Date(d) => d.format("%Y-%m-%d").to_string(),
            Self::Bool(b) => (if *b { "yes" } else { "no" }).to_owned(),
        }
    }

    /// The CSV fields (two for an amount column: value and currency).
    fn csv_fields(&self, kind: ColumnKind) -> Vec<String> {
        let main = match self {
            Self::Empty => String::new(),
            Self::Text(t) => t.clone(),
            Self::Int(i) => i.to_string(),
            Self::Amount(v, _) => decimal_text(*v),
            Self::Date(d) => d.format("%Y-%m-%d").to_string(),
            Self::Bool(b) => b.to_string(),
        };
        match kind {
            ColumnKind::Amount => {
                let currency = match self {
                    Self::Amount(_, Some(c)) => c.clone(),
                    _ => String::new(),
                };
                vec![main, currency]
            }
            ColumnKind::Plain => vec![main],
        }
    }
}

/// A decimal with at least two fraction digits (`-8.1` → `-8.10`, `3.12345` unchanged).
pub fn decimal_text(value: Decimal) -> String {
    let mut v = value;
    if v.scale() < 2 {
        v.rescale(2);
    }
    v.to_string()
}

/// How a column is written in CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ColumnKind {
    /// One field.
    Plain,
    /// Two fields: value and currency.
    Amount,
}

/// A column: its header and CSV shape.
#[derive(Debug, Clone)]
struct Column {
    header: String,
    kind: ColumnKind,
}

/// Rows of typed values under named columns.
#[derive(Debug, Clone)]
pub struct Table {
    columns: Vec<Column>,
    rows: Vec<Vec<Value>>,
    empty_note: String,
}

impl Table {
    /// A table with these column headers (lower case, as used in CSV; the table form
    /// upper-cases them). Columns named in `amount_columns` hold amounts.
    pub fn new(headers: &[&str], amount_columns: &[&str]) -> Self {
        Self {
            columns: headers
                .iter()
                .map(|h| Column {
                    header: (*h).to_owned(),
                    kind: if amount_columns.contains(h) {
                        ColumnKind::Amount
                    } else {
                        ColumnKind::Plain
                    },
                })
                .collect(),
            rows: Vec::new(),
            empty_note: "(nothing)".to_owned(),
        }
    }

    /// What the table form prints when there is no row.
    pub fn empty_note(mut self, note: impl Into<String>) -> Self {
        self.empty_note = note.into();
        self
    }

    /// Appends a row (one value per column).
    pub fn push(&mut self, row: Vec<Value>) {
        debug_assert_eq!(row.len(), self.columns.len(), "row width");
        self.rows.push(row);
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there is no row.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The aligned text form.
    pub fn render_text(&self) -> String {
        if self.rows.is_empty() {
            return format!("{}\n", self.empty_note);
        }
        // The amounts of a column share their number of fraction digits, so that the
        // decimal points line up.
        let scales: Vec<u32> = (0..self.columns.len())
            .map(|i| {
                self.rows
                    .iter()
                    .filter_map(|r| match &r[i] {
                        Value::Amount(v, _) => Some(v.scale()),
                        _ => None,
                    })
                    .fold(2, u32::max)
            })
            .collect();
        let cells: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|row| {
                row.iter()
                    .zip(&scales)
                    .map(|(value, &scale)| value.display_with_scale(scale))
                    .collect()
            })
            .collect();
        let mut widths: Vec<usize> = self
            .columns
            .iter()
            .map(|c| c.header.chars().count())
            .collect();
        for row in &cells {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.chars().count());
            }
        }
        // A column is right-aligned when its values are numbers or amounts.
        let right: Vec<bool> = (0..self.columns.len())
            .map(|i| {
                self.rows.iter().any(|r| r[i].right_aligned())
                    && self
                        .rows
                        .iter()
                        .all(|r| r[i].right_aligned() || r[i] == Value::Empty)
            })
            .collect();
        let mut out = String::new();
        let headers: Vec<String> = self
            .columns
            .iter()
            .map(|c| c.header.to_uppercase().replace('_', " "))
            .collect();
        push_line(&mut out, &headers, &widths, &right);
        for row in &cells {
            push_line(&mut out, row, &widths, &right);
        }
        out
    }

    /// The CSV form (header line first).
    pub fn render_csv(&self) -> String {
        let mut out = String::new();
        let header: Vec<String> = self
            .columns
            .iter()
            .flat_map(|c| match c.kind {
                ColumnKind::Plain => vec![c.header.clone()],
                ColumnKind::Amount => vec![c.header.clone(), format!("{}_currency", c.header)],
            })
            .collect();
        push_csv_line(&mut out, &header);
        for row in &self.rows {
            let fields: Vec<String> = row
                .iter()
                .zip(&self.columns)
                .flat_map(|(v, c)| v.csv_fields(c.kind))
                .collect();
            push_csv_line(&mut out, &fields);
        }
        out
    }
}

fn push_line(out: &mut String, cells: &[String], widths: &[usize], right: &[bool]) {
    let last = cells.len().saturating_sub(1);
    let mut line = String::new();
    for (i, cell) in cells.iter().enumerate() {
        let pad = widths[i].saturating_sub(cell.chars().count());
        if right[i] {
            line.push_str(&" ".repeat(pad));
            line.push_str(cell);
        } else {
            line.push_str(cell);
            if i != last {
                line.push_str(&" ".repeat(pad));
            }
        }
        if i != last {
            line.push_str("  ");
        }
    }
    out.push_str(line.trim_end());
    out.push('\n');
}

fn push_csv_line(out: &mut String, fields: &[String]) {
    let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

/// Quotes a CSV field when it holds a comma, quote, or line break.
fn csv_field(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

/// One item's fields, shown as `field  value` lines (table) or a one-row table (CSV).
#[derive(Debug, Clone, Default)]
pub struct Record {
    fields: Vec<(String, Value)>,
}

impl Record {
    /// An empty record.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a field (skipped in the table form when empty).
    pub fn field(mut self, name: &str, value: Value) -> Self {
        self.fields.push((name.to_owned(), value));
        self
    }

    /// The aligned `name  value` form, empty values left out.
    pub fn render_text(&self) -> String {
        let shown: Vec<(String, String)> = self
            .fields
            .iter()
            .filter(|(_, v)| *v != Value::Empty)
            .map(|(n, v)| (n.replace('_', " "), v.display()))
            .collect();
        let width = shown
            .iter()
            .map(|(n, _)| n.chars().count())
            .max()
            .unwrap_or(0);
        let mut out = String::new();
        for (name, value) in shown {
            let pad = width - name.chars().count();
            out.push_str(&format!("{name}:{}  {value}\n", " ".repeat(pad)));
        }
        out
    }

    /// The CSV form: a header line and one row.
    pub fn render_csv(&self) -> String {
        let names: Vec<&str> = self.fields.iter().map(|(n, _)| n.as_str()).collect();
        let amounts: Vec<&str> = self
            .fields
            .iter()
            .filter(|(_, v)| matches!(v, Value::Amount(_, Some(_))))
            .map(|(n, _)| n.as_str())
            .collect();
        let mut table = Table::new(&names, &amounts);
        table.push(self.fields.iter().map(|(_, v)| v.clone()).collect());
        table.render_csv()
    }
}

/// Where results go, in which format.
#[derive(Debug, Clone, Copy)]
pub struct Output {
    format: Format,
}

impl Output {
    /// Results in `format` on standard output.
    pub fn new(format: Format) -> Self {
        Self { format }
    }

    /// The chosen format.
    pub fn format(&self) -> Format {
        self.format
    }

    /// Prints `table` (table or CSV form) or `document` (JSON).
    pub fn table<T: Serialize + ?Sized>(&self, table: &Table, document: &T) -> CliResult<()> {
        match self.format {
            Format::Table => write_stdout(&table.render_text()),
            Format::Csv => write_stdout(&table.render_csv()),
            Format::Json => self.json(document),
        }
    }

    /// Prints `record` (table or CSV form) or `document` (JSON).
    pub fn record<T: Serialize + ?Sized>(&self, record: &Record, document: &T) -> CliResult<()> {
        match self.format {
            Format::Table => write_stdout(&record.render_text()),
            Format::Csv => write_stdout(&record.render_csv()),
            Format::Json => self.json(document),
        }
    }

    /// Prints `document` as pretty JSON whatever the format.
    ///
    /// The JSON is written to standard output as it is produced (through a buffer), never
    /// held whole: a decoded gigabyte list does not need a second copy of itself as text.
    pub fn json<T: Serialize + ?Sized>(&self, document: &T) -> CliResult<()> {
        let mut out = io::BufWriter::with_capacity(64 * 1024, io::stdout().lock());
        let written = match serde_json::to_writer_pretty(&mut out, document) {
            Ok(()) => out.write_all(b"\n").and_then(|()| out.flush()),
            Err(e) => match e.io_error_kind() {
                Some(kind) => Err(io::Error::from(kind)),
                None => {
                    return Err(CliError::general(format!(
                        "cannot encode the result as JSON: {e}"
                    )));
                }
            },
        };
        match written {
            Ok(()) => Ok(()),
            // a closed pipe (`| head`) is not an error
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
            Err(e) => Err(CliError::general(format!("cannot write the output: {e}"))),
        }
    }

    /// A line meant for people: printed in table format only (scripts get clean output).
    pub fn note(&self, text: &str) -> CliResult<()> {
        if self.format == Format::Table {
            write_stdout(&format!("{text}\n"))
        } else {
            Ok(())
        }
    }
}

/// Writes to standard output; a closed pipe (`| head`) is not an error.
pub fn write_stdout(text: &str) -> CliResult<()> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(CliError::general(format!("cannot write the output: {e}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn amounts_have_two_decimals_at_least() {
        assert_eq!(decimal_text(dec("-8.1")), "-8.10");
        assert_eq!(decimal_text(dec("811")), "811.00");
        assert_eq!(decimal_text(dec("3.12345")), "3.12345");
    }

    #[test]
    fn table_aligns_text_left_and_amounts_right() {
        let mut t = Table::new(&["id", "nickname", "balance"], &["balance"]);
        t.push(vec![
            Value::Int(7),
            Value::Text("My Checking".into()),
            Value::Amount(dec("811.52"), Some("USD".into())),
        ]);
        t.push(vec![
            Value::Int(1234),
            Value::Text("Visa".into()),
            Value::Amount(dec("-5"), Some("USD".into())),
        ]);
        assert_eq!(
            t.render_text(),
            "  ID  NICKNAME        BALANCE\n   7  My Checking  811.52 USD\n1234  Visa          -5.00 USD\n"
        );
    }

    #[test]
    fn decimal_points_of_a_column_line_up() {
        let mut t = Table::new(&["units", "price"], &["price"]);
        t.push(vec![
            Value::Amount(dec("605.530"), None),
            Value::Amount(dec("36.57"), Some("USD".into())),
        ]);
        t.push(vec![
            Value::Amount(dec("326"), None),
            Value::Amount(dec("174.7"), Some("USD".into())),
        ]);
        assert_eq!(
            t.render_text(),
            "  UNITS       PRICE\n605.530   36.57 USD\n326.000  174.70 USD\n"
        );
        // CSV keeps each value's own digits.
        assert!(
            t.render_csv().contains("326.00,174.70,USD"),
            "{}",
            t.render_csv()
        );
    }

    #[test]
    fn csv_quotes_and_splits_amounts() {
        let mut t = Table::new(&["name", "amount", "date"], &["amount"]);
        t.push(vec![
            Value::Text("Smith, \"J\"".into()),
            Value::Amount(dec("1.5"), Some("EUR".into())),
            Value::Date(NaiveDate::from_ymd_opt(2013, 8, 11).unwrap()),
        ]);
        t.push(vec![Value::Empty, Value::Empty, Value::Empty]);
        assert_eq!(
            t.render_csv(),
            "name,amount,amount_currency,date\r\n\"Smith, \"\"J\"\"\",1.50,EUR,2013-08-11\r\n,,,\r\n"
        );
    }

    #[test]
    fn dates_keep_the_calendar_day_of_their_offset() {
        // 23:30 at -07:00 is already the next day in UTC; the table shows the local day.
        let d = DateTime::parse("2013-08-11T23:30:00-07:00").unwrap();
        assert_eq!(Value::date(Some(d)).display(), "2013-08-11");
        let d = DateTime::parse("2013-08-12T00:30:00+09:00").unwrap();
        assert_eq!(Value::date(Some(d)).display(), "2013-08-12");
    }

    #[test]
    fn records_skip_empty_fields_in_text_but_not_in_csv() {
        let r = Record::new()
            .field("id", Value::Int(1))
            .field("home_url", Value::Empty)
            .field("name", Value::Text("CCBank".into()));
        assert_eq!(r.render_text(), "id:    1\nname:  CCBank\n");
        assert_eq!(r.render_csv(), "id,home_url,name\r\n1,,CCBank\r\n");
    }

    #[test]
    fn empty_tables_say_so_but_csv_keeps_the_header() {
        let t = Table::new(&["id"], &[]).empty_note("No accounts.");
        assert_eq!(t.render_text(), "No accounts.\n");
        assert_eq!(t.render_csv(), "id\r\n");
    }
}
