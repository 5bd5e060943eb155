//! `parallax analyze`: the main job. Ingests (read, extract, analyse, code
//! events, store), links the store into stories, then prints the briefing
//! of every story the given articles belong to, and one digest line per
//! article that stands alone.

use std::collections::BTreeSet;

use parallax_store::{SqliteStore, Store};

use super::ingest::ingest;
use super::stories::markdown;
use super::Status;
use crate::render::render_digest;
use crate::Options;

/// Ingests `paths`, links, and prints the stories they belong to.
pub fn run(options: &Options, paths: &[String]) -> anyhow::Result<Status> {
    let mut ids = Vec::new();
    let mut digests = std::collections::HashMap::new();
    let (status, _) = ingest(options, paths, |article| {
        ids.push(article.id.clone());
        digests.insert(article.id.clone(), render_digest(article));
    })?;
    if options.quiet {
        return Ok(status);
    }
    let store = SqliteStore::open_existing(&options.data)?;
    let mut stories = BTreeSet::new();
    let mut alone = Vec::new();
    for id in &ids {
        for story in store.stories_of_article(id)? {
            stories.insert(story);
        }
    }
    let mut shown = Vec::new();
    for story_id in &stories {
        let Some(record) = store.story(story_id)? else {
            continue;
        };
        if record.articles.len() < 2 {
            alone.extend(record.articles);
            continue;
        }
        shown.push((record.articles.len(), record));
    }
    // Largest stories first; ties by id so the output is stable.
    shown.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.id.cmp(&b.1.id)));
    for (_, record) in &shown {
        println!("{}", markdown(record)?);
    }
    if !alone.is_empty() {
        println!("## Articles standing alone ({})\n", alone.len());
        for id in alone {
            if let Some(digest) = digests.get(&id) {
                print!("{digest}");
            }
        }
    }
    Ok(status)
}
