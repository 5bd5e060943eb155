//! The story tables `parallax export --what timeline|statements|coverage`
//! writes, one row per cited span or per cell, so a spreadsheet user can
//! filter by outlet or date and still reach every fact's sentence.

use parallax_story::{Evidence, StoryReport};

use crate::table::{Cell, Column};
use crate::tables::label;

/// A table with rows from story reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoryTable {
    /// One row per timeline entry and piece of evidence.
    Timeline,
    /// One row per quote of each statement.
    Statements,
    /// One row per fact and article of the coverage matrix.
    Coverage,
}

/// Every story table, in the order `--what` lists them.
pub const STORY_TABLES: [StoryTable; 3] =
    [StoryTable::Timeline, StoryTable::Statements, StoryTable::Coverage];

const TIMELINE_COLUMNS: &[Column] = &[
    Column::text("story"),
    Column::integer("entry"),
    Column::text("date"),
    Column::text("precision"),
    Column::boolean("date_from_publication"),
    Column::text("summary"),
    Column::text("fact"),
    Column::text("sources"),
    Column::text("article"),
    Column::integer("start"),
    Column::integer("end"),
    Column::text("evidence"),
];

const STATEMENT_COLUMNS: &[Column] = &[
    Column::text("story"),
    Column::text("statement"),
    Column::text("speaker"),
    Column::text("speaker_key"),
    Column::text("date"),
    Column::text("article"),
    Column::text("kind"),
    Column::text("speaker_as_written"),
    Column::text("text"),
    Column::integer("start"),
    Column::integer("end"),
    Column::float("similarity"),
];

const COVERAGE_COLUMNS: &[Column] = &[
    Column::text("story"),
    Column::text("fact"),
    Column::text("kind"),
    Column::text("label"),
    Column::text("article"),
    Column::text("outlet"),
    Column::text("cell"),
];

impl StoryTable {
    /// The name `--what` takes.
    pub fn name(self) -> &'static str {
        match self {
            StoryTable::Timeline => "timeline",
            StoryTable::Statements => "statements",
            StoryTable::Coverage => "coverage",
        }
    }

    pub fn columns(self) -> &'static [Column] {
        match self {
            StoryTable::Timeline => TIMELINE_COLUMNS,
            StoryTable::Statements => STATEMENT_COLUMNS,
            StoryTable::Coverage => COVERAGE_COLUMNS,
        }
    }

    /// The report's rows of this table.
    pub fn rows(self, report: &StoryReport) -> Vec<Vec<Cell>> {
        let story = || Cell::from(report.id.as_str());
        match self {
            StoryTable::Timeline => report
                .timeline
                .iter()
                .enumerate()
                .flat_map(|(index, entry)| {
                    let head = vec![
                        story(),
                        index.into(),
                        entry.date.clone().into(),
                        label(&entry.precision).into(),
                        entry.date_from_publication.into(),
                        entry.summary.clone().into(),
                        entry.fact.clone().into(),
                        entry.sources.join(";").into(),
                    ];
                    evidence_rows(head, &entry.evidence)
                })
                .collect(),
            StoryTable::Statements => report
                .statements
                .iter()
                .flat_map(|statement| {
                    statement.quotes.iter().map(move |quote| {
                        vec![
                            story(),
                            statement.id.clone().into(),
                            statement.speaker.as_ref().map(|s| s.name.clone()).into(),
                            statement.speaker.as_ref().map(|s| s.key.clone()).into(),
                            statement.date.clone().into(),
                            quote.article.clone().into(),
                            label(&quote.kind).into(),
                            quote.speaker_as_written.clone().into(),
                            quote.text.clone().into(),
                            quote.span.start.into(),
                            quote.span.end.into(),
                            quote.similarity.into(),
                        ]
                    })
                })
                .collect(),
            StoryTable::Coverage => {
                let outlet = |id: &str| {
                    report
                        .articles
                        .iter()
                        .find(|a| a.id == id)
                        .and_then(|a| a.outlet.clone())
                };
                report
                    .coverage
                    .rows
                    .iter()
                    .flat_map(|row| {
                        row.cells.iter().map(move |(article, cell)| {
                            vec![
                                story(),
                                row.fact.clone().into(),
                                row.kind.clone().into(),
                                row.label.clone().into(),
                                article.clone().into(),
                                outlet(article).into(),
                                label(cell).into(),
                            ]
                        })
                    })
                    .collect()
            }
        }
    }
}

/// Parses a table name as `--what` takes it.
impl std::str::FromStr for StoryTable {
    type Err = String;
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        STORY_TABLES
            .into_iter()
            .find(|t| t.name() == name)
            .ok_or_else(|| format!("unknown table {name:?}"))
    }
}

/// One row per piece of evidence (a row with empty evidence columns when
/// there is none, so the fact is not lost).
fn evidence_rows(head: Vec<Cell>, evidence: &[Evidence]) -> Vec<Vec<Cell>> {
    if evidence.is_empty() {
        let mut row = head;
        row.extend([Cell::Null, Cell::Null, Cell::Null, Cell::Null]);
        return vec![row];
    }
    evidence
        .iter()
        .map(|piece| {
            let mut row = head.clone();
            row.extend([
                piece.article.clone().into(),
                piece.span.start.into(),
                piece.span.end.into(),
                piece.text.clone().into(),
            ]);
            row
        })
        .collect()
}
