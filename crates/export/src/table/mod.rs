//! Flat tables (named, typed columns) written as JSON lines, CSV or Parquet
//! by one writer, so every `parallax export --what …` table comes out the
//! same way in every format. The tables themselves (which rows, which
//! columns) are defined in [`crate::tables`].

mod parquet_file;

use std::io::Write;

use serde_json::{Map, Value as Json};

use crate::ExportError;

/// The type of a column; every column is nullable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    Text,
    Integer,
    Float,
    Boolean,
}

/// A named, typed column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub name: &'static str,
    pub kind: ColumnType,
}

impl Column {
    pub const fn text(name: &'static str) -> Column {
        Column {
            name,
            kind: ColumnType::Text,
        }
    }
    pub const fn integer(name: &'static str) -> Column {
        Column {
            name,
            kind: ColumnType::Integer,
        }
    }
    pub const fn float(name: &'static str) -> Column {
        Column {
            name,
            kind: ColumnType::Float,
        }
    }
    pub const fn boolean(name: &'static str) -> Column {
        Column {
            name,
            kind: ColumnType::Boolean,
        }
    }
}

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Text(String),
    Integer(i64),
    Float(f64),
    Boolean(bool),
}

impl From<&str> for Cell {
    fn from(value: &str) -> Self {
        Cell::Text(value.to_owned())
    }
}
impl From<String> for Cell {
    fn from(value: String) -> Self {
        Cell::Text(value)
    }
}
impl From<usize> for Cell {
    fn from(value: usize) -> Self {
        Cell::Integer(i64::try_from(value).unwrap_or(i64::MAX))
    }
}
impl From<f32> for Cell {
    fn from(value: f32) -> Self {
        Cell::Float(f64::from(value))
    }
}
impl From<f64> for Cell {
    fn from(value: f64) -> Self {
        Cell::Float(value)
    }
}
impl From<bool> for Cell {
    fn from(value: bool) -> Self {
        Cell::Boolean(value)
    }
}
impl<T: Into<Cell>> From<Option<T>> for Cell {
    fn from(value: Option<T>) -> Self {
        value.map_or(Cell::Null, Into::into)
    }
}

/// Formats a table can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableFormat {
    /// One JSON object per row, keyed by column name.
    Jsonl,
    /// A header row, then one row per record.
    Csv,
    /// Apache Parquet, Snappy-compressed, all columns optional.
    Parquet,
}

/// Writes rows of one table in one format.
pub struct TableWriter<W: Write + Send> {
    columns: &'static [Column],
    sink: Sink<W>,
}

enum Sink<W: Write + Send> {
    Jsonl(W),
    Csv(Box<csv::Writer<W>>),
    Parquet(Box<parquet_file::ParquetTable<W>>),
}

impl<W: Write + Send> TableWriter<W> {
    pub fn new(format: TableFormat, columns: &'static [Column], out: W) -> Result<Self, ExportError> {
        let sink = match format {
            TableFormat::Jsonl => Sink::Jsonl(out),
            TableFormat::Csv => {
                let mut writer = csv::Writer::from_writer(out);
                writer.write_record(columns.iter().map(|c| c.name))?;
                Sink::Csv(Box::new(writer))
            }
            TableFormat::Parquet => Sink::Parquet(Box::new(parquet_file::ParquetTable::new(columns, out)?)),
        };
        Ok(TableWriter { columns, sink })
    }

    /// Writes one row; it must have one cell per column.
    pub fn write(&mut self, row: Vec<Cell>) -> Result<(), ExportError> {
        if row.len() != self.columns.len() {
            return Err(ExportError::Shape(format!(
                "row has {} cells for {} columns",
                row.len(),
                self.columns.len()
            )));
        }
        match &mut self.sink {
            Sink::Jsonl(out) => {
                let object: Map<String, Json> = self
                    .columns
                    .iter()
                    .zip(row)
                    .map(|(c, cell)| (c.name.to_owned(), json(cell)))
                    .collect();
                serde_json::to_writer(&mut *out, &object)?;
                out.write_all(b"\n")?;
            }
            Sink::Csv(writer) => writer.write_record(row.into_iter().map(csv_field))?,
            Sink::Parquet(table) => table.push(row)?,
        }
        Ok(())
    }

    /// Flushes (for Parquet: writes the last row group and the footer) and
    /// hands back the output.
    pub fn finish(self) -> Result<W, ExportError> {
        match self.sink {
            Sink::Jsonl(mut out) => {
                out.flush()?;
                Ok(out)
            }
            Sink::Csv(writer) => writer.into_inner().map_err(|e| ExportError::Io(e.into_error())),
            Sink::Parquet(table) => table.finish(),
        }
    }
}

fn json(cell: Cell) -> Json {
    match cell {
        Cell::Null => Json::Null,
        Cell::Text(text) => Json::String(text),
        Cell::Integer(n) => Json::from(n),
        Cell::Float(x) => serde_json::Number::from_f64(x).map_or(Json::Null, Json::Number),
        Cell::Boolean(b) => Json::Bool(b),
    }
}

fn csv_field(cell: Cell) -> String {
    match cell {
        Cell::Null => String::new(),
        Cell::Text(text) => text,
        Cell::Integer(n) => n.to_string(),
        Cell::Float(x) => x.to_string(),
        Cell::Boolean(b) => b.to_string(),
    }
}

#[cfg(test)]
mod tests;
