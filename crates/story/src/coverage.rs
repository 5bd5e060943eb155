//! The coverage matrix: for every fact (merged event, statement, figure
//! group) and every article, whether the article reports it, omits it, or
//! reports it in conflict with another article; with per-article totals.

use std::collections::{BTreeMap, BTreeSet};

use crate::figures::{figure_cell, ReconciledFigures};
use crate::labels::{event_summary, figure_label, statement_summary};
use crate::report::{Cell, Conflict, ConflictKind, CoverageRow, CoverageTotals, Statement, StoryEvent};

/// Rows for every fact, most widely reported first (ties: events,
/// statements, figures, each in id order), and each article's totals.
pub fn coverage_rows(
    ids: &[String],
    events: &[StoryEvent],
    statements: &[Statement],
    figures: &ReconciledFigures,
    conflicts: &[Conflict],
) -> (Vec<CoverageRow>, BTreeMap<String, CoverageTotals>) {
    // Articles whose side of a date or speaker conflict names them, by fact.
    let mut conflicting: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for conflict in conflicts.iter().filter(|c| c.kind != ConflictKind::Figure) {
        for fact in &conflict.facts {
            let entry = conflicting.entry(fact.as_str()).or_default();
            entry.extend(conflict.evidence.iter().map(|e| e.article.as_str()));
        }
    }
    let cells_for = |fact: &str, sources: &[String]| -> BTreeMap<String, Cell> {
        ids.iter()
            .map(|id| {
                let cell = if !sources.contains(id) {
                    Cell::Omitted
                } else if conflicting.get(fact).is_some_and(|c| c.contains(id.as_str())) {
                    Cell::Conflicting
                } else {
                    Cell::Reported
                };
                (id.clone(), cell)
            })
            .collect()
    };
    let mut rows: Vec<(usize, CoverageRow)> = Vec::new();
    for event in events {
        let row = CoverageRow {
            fact: event.id.clone(),
            kind: "event".to_owned(),
            label: event_summary(event),
            cells: cells_for(&event.id, &event.sources),
        };
        rows.push((event.sources.len(), row));
    }
    for statement in statements {
        let row = CoverageRow {
            fact: statement.id.clone(),
            kind: "statement".to_owned(),
            label: statement_summary(statement),
            cells: cells_for(&statement.id, &statement.sources),
        };
        rows.push((statement.sources.len(), row));
    }
    for (group, dissenters) in figures.groups.iter().zip(&figures.dissenters) {
        let row = CoverageRow {
            fact: group.id.clone(),
            kind: "figure".to_owned(),
            label: figure_label(group),
            cells: ids
                .iter()
                .map(|id| (id.clone(), figure_cell(group, dissenters, id)))
                .collect(),
        };
        rows.push((group.sources.len(), row));
    }
    // A stable sort keeps events, statements, figures in id order on ties.
    rows.sort_by_key(|row| std::cmp::Reverse(row.0));
    let rows: Vec<CoverageRow> = rows.into_iter().map(|(_, r)| r).collect();
    let mut totals: BTreeMap<String, CoverageTotals> =
        ids.iter().map(|id| (id.clone(), Default::default())).collect();
    for row in &rows {
        for (id, cell) in &row.cells {
            if let Some(total) = totals.get_mut(id) {
                match cell {
                    Cell::Reported => total.reported += 1,
                    Cell::Omitted => total.omitted += 1,
                    Cell::Conflicting => total.conflicting += 1,
                }
            }
        }
    }
    (rows, totals)
}
