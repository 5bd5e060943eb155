use super::*;
use crate::fixtures::article_with_event;
use crate::tables::{ArticleTable, TABLES};

fn write_all(format: TableFormat, table: ArticleTable) -> Vec<u8> {
    let article = article_with_event();
    let mut writer = TableWriter::new(format, table.columns(), Vec::new()).unwrap();
    for row in table.rows(&article) {
        writer.write(row).unwrap();
    }
    writer.finish().unwrap()
}

#[test]
fn every_row_fits_its_table() {
    let article = article_with_event();
    for table in TABLES {
        for row in table.rows(&article) {
            assert_eq!(row.len(), table.columns().len(), "{}", table.name());
        }
    }
}

#[test]
fn a_row_of_the_wrong_width_is_an_error_not_a_shifted_row() {
    let mut writer = TableWriter::new(TableFormat::Csv, ArticleTable::Events.columns(), Vec::new()).unwrap();
    assert!(writer.write(vec![Cell::Null]).is_err());
}

#[test]
fn events_table_as_jsonl_and_csv() {
    let jsonl = String::from_utf8(write_all(TableFormat::Jsonl, ArticleTable::Events)).unwrap();
    let row: serde_json::Value = serde_json::from_str(jsonl.lines().next().unwrap()).unwrap();
    assert_eq!(row["cameo"], "195");
    assert_eq!(row["source_code"], "RUSGOV");
    assert_eq!(row["modality"], "asserted");
    assert_eq!(
        row["evidence"],
        "Moscow launched 500 drones on Ukraine in Kharkiv."
    );
    assert_eq!(row["plover_context"], "military");

    let csv = write_all(TableFormat::Csv, ArticleTable::Events);
    let mut reader = csv::Reader::from_reader(csv.as_slice());
    assert_eq!(
        reader.headers().unwrap().len(),
        ArticleTable::Events.columns().len()
    );
    assert_eq!(reader.records().count(), 1);
}

#[test]
fn parquet_file_reads_back_with_its_rows_and_nulls() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::RowAccessor;

    let bytes = write_all(TableFormat::Parquet, ArticleTable::Events);
    assert_eq!(&bytes[..4], b"PAR1");
    let reader = SerializedFileReader::new(bytes::Bytes::from(bytes)).unwrap();
    assert_eq!(reader.metadata().file_metadata().num_rows(), 1);
    let columns = ArticleTable::Events.columns();
    let position = |name: &str| columns.iter().position(|c| c.name == name).unwrap();
    let row = reader.get_row_iter(None).unwrap().next().unwrap().unwrap();
    assert_eq!(row.get_string(position("cameo")).unwrap(), "195");
    assert_eq!(row.get_long(position("quad_class")).unwrap(), 4);
    assert!(row.get_bool(position("reported")).is_ok_and(|b| !b));
    assert!(row
        .get_string(position("plover_mode"))
        .is_ok_and(|m| m == "aerial"));
}

#[test]
fn parquet_keeps_nulls_as_nulls() {
    use parquet::file::reader::{FileReader, SerializedFileReader};

    let mut writer =
        TableWriter::new(TableFormat::Parquet, ArticleTable::Figures.columns(), Vec::new()).unwrap();
    let mut row = vec![Cell::Null; ArticleTable::Figures.columns().len()];
    row[0] = Cell::from("a");
    writer.write(row).unwrap();
    let bytes = writer.finish().unwrap();
    let reader = SerializedFileReader::new(bytes::Bytes::from(bytes)).unwrap();
    let row = reader.get_row_iter(None).unwrap().next().unwrap().unwrap();
    let text = row.to_string();
    assert!(text.contains("article: \"a\""), "{text}");
    assert!(text.contains("value: null"), "{text}");
}
