//! `parallax list`: the stored articles.

use parallax_store::{SqliteStore, Store};

use super::Status;
use crate::Options;

/// Prints one line per stored article.
pub fn run(options: &Options, json: bool) -> anyhow::Result<Status> {
    let store = SqliteStore::open_existing(&options.data)?;
    for summary in store.list()? {
        if json {
            let value = serde_json::json!({
                "id": summary.id,
                "published": summary.published,
                "outlet": summary.outlet,
                "title": summary.title,
                "revisions": summary.revisions,
                "source_path": summary.source_path,
            });
            println!("{value}");
        } else {
            println!(
                "{}  {:<10}  {:<24}  {}",
                summary.id,
                summary.published.as_deref().unwrap_or("—"),
                truncate(summary.outlet.as_deref().unwrap_or("—"), 24),
                summary.title.as_deref().unwrap_or("(no title)")
            );
        }
    }
    Ok(Status::Clean)
}

/// Cuts `text` to at most `max` characters, marking the cut.
fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}
