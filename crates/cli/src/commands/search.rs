//! `parallax search`: full-text, entity-aware search over the stored
//! articles and quotes, through the derived index in `<data>/search`
//! (brought in line with the store first, so it is never stale).

use std::io::IsTerminal;
use std::path::Path;

use parallax_search::{HitKind, SearchHit, SearchIndex, SearchQuery, SearchResults};
use parallax_store::{SqliteStore, Store};

use super::Status;
use crate::Options;

/// Opens the search index of the data directory and syncs it with the
/// store, reporting on stderr what had to be (re)indexed.
pub fn synced_index(data: &Path, store: &dyn Store, quiet: bool) -> anyhow::Result<SearchIndex> {
    let index = SearchIndex::open(data)?;
    let report = index.sync(store)?;
    if !quiet && (report.indexed > 0 || report.removed > 0 || report.rebuilt) {
        eprintln!(
            "search index: {} articles indexed, {} removed{}",
            report.indexed,
            report.removed,
            if report.rebuilt {
                " (unusable index rebuilt)"
            } else {
                ""
            }
        );
    }
    Ok(index)
}

/// Runs one query and prints the hits (or the results JSON).
pub fn run(options: &Options, query: &SearchQuery, json: bool) -> anyhow::Result<Status> {
    let store = SqliteStore::open_existing(&options.data)?;
    let index = synced_index(&options.data, &store, options.quiet)?;
    let results = index.search(query)?;
    if json {
        println!("{}", serde_json::to_string(&results)?);
    } else {
        print_results(&results, query.offset, std::io::stdout().is_terminal());
    }
    Ok(Status::Clean)
}

fn print_results(results: &SearchResults, offset: usize, bold: bool) {
    for term in &results.expanded {
        println!("“{}” also matches {} ({})", term.word, term.name, term.key);
    }
    if results.relaxed {
        println!("no document matches every word; showing documents matching any of them");
    }
    for (n, hit) in results.hits.iter().enumerate() {
        println!("{:>3}. {}", offset + n + 1, heading(hit));
        println!("     {}", marked(&hit.snippet, &hit.highlights, bold));
    }
    println!(
        "{} of {} matches ({:.1} ms)",
        results.hits.len(),
        results.total,
        results.took_ms
    );
}

/// `Title — Outlet, date [id]`, prefixed with the speaker for a quote.
fn heading(hit: &SearchHit) -> String {
    let mut line = String::new();
    if hit.kind == HitKind::Quote {
        line.push_str(&format!(
            "{} (quote) in ",
            hit.speaker.as_deref().unwrap_or("unattributed")
        ));
    }
    line.push_str(hit.title.as_deref().unwrap_or("(no title)"));
    line.push_str(" — ");
    line.push_str(hit.outlet.as_deref().unwrap_or("unknown outlet"));
    if let Some(date) = &hit.published {
        line.push_str(", ");
        line.push_str(date);
    }
    line.push_str(&format!(" [{}]", hit.article));
    line
}

/// The snippet with its highlighted ranges in bold (on a terminal) or
/// between brackets.
fn marked(snippet: &str, highlights: &[[usize; 2]], bold: bool) -> String {
    let (open, close) = if bold { ("\x1b[1m", "\x1b[0m") } else { ("[", "]") };
    let mut out = String::with_capacity(snippet.len() + highlights.len() * 8);
    let mut at = 0;
    for &[start, end] in highlights {
        let (Some(before), Some(word)) = (snippet.get(at..start), snippet.get(start..end)) else {
            continue;
        };
        out.push_str(before);
        out.push_str(open);
        out.push_str(word);
        out.push_str(close);
        at = end;
    }
    out.push_str(snippet.get(at..).unwrap_or(""));
    out.replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::marked;

    #[test]
    fn highlights_are_marked_and_bad_ranges_skipped() {
        assert_eq!(
            marked("talks in Istanbul", &[[0, 5], [9, 17]], false),
            "[talks] in [Istanbul]"
        );
        assert_eq!(marked("Київ", &[[1, 2]], false), "Київ");
    }
}
