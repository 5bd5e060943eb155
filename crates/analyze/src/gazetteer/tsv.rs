//! The compiled-in tab-separated tables: `#` lines are comments, columns are
//! tab-separated, lists inside a column are `|`-separated. Shared by the
//! gazetteer and the knowledge base so both read their data the same way.

/// Data rows of `text` with their columns (comment and blank lines skipped).
pub(crate) fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|line| line.split('\t').collect())
}

/// Column `i` of `row`, or "" when the row is short.
pub(crate) fn column<'a>(row: &[&'a str], i: usize) -> &'a str {
    row.get(i).copied().unwrap_or("").trim()
}

/// The non-empty items of a `|`-separated list.
pub(crate) fn list(field: &str) -> impl Iterator<Item = &str> {
    field.split('|').map(str::trim).filter(|s| !s.is_empty())
}
