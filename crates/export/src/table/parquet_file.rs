//! The Parquet side of [`super::TableWriter`]: rows are buffered column by
//! column and written as row groups of [`ROWS_PER_GROUP`], so memory stays
//! bounded however large the export.

use std::io::Write;
use std::sync::Arc;

use parquet::basic::{Compression, LogicalType, Repetition, Type as PhysicalType};
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::Type;

use super::{Cell, Column, ColumnType};
use crate::ExportError;

/// Rows per row group: large enough for good compression, small enough that
/// a buffered group of long texts stays in the tens of megabytes.
const ROWS_PER_GROUP: usize = 16_384;

pub struct ParquetTable<W: Write + Send> {
    writer: SerializedFileWriter<W>,
    buffers: Vec<ColumnBuffer>,
    rows: usize,
}

/// Non-null values of one column plus its definition levels (1 = present,
/// 0 = null), as Parquet stores optional columns.
enum ColumnBuffer {
    Text(Vec<ByteArray>, Vec<i16>),
    Integer(Vec<i64>, Vec<i16>),
    Float(Vec<f64>, Vec<i16>),
    Boolean(Vec<bool>, Vec<i16>),
}

impl<W: Write + Send> ParquetTable<W> {
    pub fn new(columns: &[Column], out: W) -> Result<Self, ExportError> {
        let fields = columns
            .iter()
            .map(|column| {
                let (physical, logical) = match column.kind {
                    ColumnType::Text => (PhysicalType::BYTE_ARRAY, Some(LogicalType::String)),
                    ColumnType::Integer => (PhysicalType::INT64, None),
                    ColumnType::Float => (PhysicalType::DOUBLE, None),
                    ColumnType::Boolean => (PhysicalType::BOOLEAN, None),
                };
                Type::primitive_type_builder(column.name, physical)
                    .with_repetition(Repetition::OPTIONAL)
                    .with_logical_type(logical)
                    .build()
                    .map(Arc::new)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let schema = Type::group_type_builder("parallax").with_fields(fields).build()?;
        let properties = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .build();
        let writer = SerializedFileWriter::new(out, Arc::new(schema), Arc::new(properties))?;
        let buffers = columns.iter().map(|c| ColumnBuffer::new(c.kind)).collect();
        Ok(ParquetTable {
            writer,
            buffers,
            rows: 0,
        })
    }

    pub fn push(&mut self, row: Vec<Cell>) -> Result<(), ExportError> {
        for (buffer, cell) in self.buffers.iter_mut().zip(row) {
            buffer.push(cell);
        }
        self.rows += 1;
        if self.rows >= ROWS_PER_GROUP {
            self.flush_group()?;
        }
        Ok(())
    }

    pub fn finish(mut self) -> Result<W, ExportError> {
        if self.rows > 0 {
            self.flush_group()?;
        }
        Ok(self.writer.into_inner()?)
    }

    fn flush_group(&mut self) -> Result<(), ExportError> {
        let mut group = self.writer.next_row_group()?;
        for buffer in &mut self.buffers {
            let Some(mut column) = group.next_column()? else {
                break;
            };
            match buffer {
                ColumnBuffer::Text(values, levels) => {
                    column
                        .typed::<ByteArrayType>()
                        .write_batch(values, Some(levels), None)?;
                }
                ColumnBuffer::Integer(values, levels) => {
                    column
                        .typed::<Int64Type>()
                        .write_batch(values, Some(levels), None)?;
                }
                ColumnBuffer::Float(values, levels) => {
                    column
                        .typed::<DoubleType>()
                        .write_batch(values, Some(levels), None)?;
                }
                ColumnBuffer::Boolean(values, levels) => {
                    column
                        .typed::<BoolType>()
                        .write_batch(values, Some(levels), None)?;
                }
            }
            column.close()?;
            buffer.clear();
        }
        group.close()?;
        self.rows = 0;
        Ok(())
    }
}

impl ColumnBuffer {
    fn new(kind: ColumnType) -> Self {
        match kind {
            ColumnType::Text => ColumnBuffer::Text(Vec::new(), Vec::new()),
            ColumnType::Integer => ColumnBuffer::Integer(Vec::new(), Vec::new()),
            ColumnType::Float => ColumnBuffer::Float(Vec::new(), Vec::new()),
            ColumnType::Boolean => ColumnBuffer::Boolean(Vec::new(), Vec::new()),
        }
    }

    /// Appends a cell; a cell of another type than the column's is written
    /// as text where the column is text, else as null (the table
    /// definitions are typed, so this only guards against a mistake).
    fn push(&mut self, cell: Cell) {
        match (self, cell) {
            (ColumnBuffer::Text(values, levels), Cell::Text(text)) => {
                values.push(ByteArray::from(text.into_bytes()));
                levels.push(1);
            }
            (ColumnBuffer::Integer(values, levels), Cell::Integer(n)) => {
                values.push(n);
                levels.push(1);
            }
            (ColumnBuffer::Float(values, levels), Cell::Float(x)) => {
                values.push(x);
                levels.push(1);
            }
            (ColumnBuffer::Float(values, levels), Cell::Integer(n)) => {
                values.push(n as f64);
                levels.push(1);
            }
            (ColumnBuffer::Boolean(values, levels), Cell::Boolean(b)) => {
                values.push(b);
                levels.push(1);
            }
            (buffer, _) => buffer.levels().push(0),
        }
    }

    fn levels(&mut self) -> &mut Vec<i16> {
        match self {
            ColumnBuffer::Text(_, levels)
            | ColumnBuffer::Integer(_, levels)
            | ColumnBuffer::Float(_, levels)
            | ColumnBuffer::Boolean(_, levels) => levels,
        }
    }

    fn clear(&mut self) {
        match self {
            ColumnBuffer::Text(values, _) => values.clear(),
            ColumnBuffer::Integer(values, _) => values.clear(),
            ColumnBuffer::Float(values, _) => values.clear(),
            ColumnBuffer::Boolean(values, _) => values.clear(),
        }
        self.levels().clear();
    }
}
