//! `parallax stories` and `parallax story`: the stories the link stage
//! found, and one story's report (JSON, Markdown or the readable briefing).

use anyhow::{anyhow, bail};
use parallax_store::{SqliteStore, Store, StoryRecord};
use parallax_story::{render_markdown, StoryReport};

use super::Status;
use crate::Options;

/// Lists stories, largest first.
pub fn list(options: &Options, json: bool, all: bool) -> anyhow::Result<Status> {
    let store = SqliteStore::open_existing(&options.data)?;
    let stories = store.stories()?;
    let singles = stories.iter().filter(|s| s.article_count < 2).count();
    for story in stories.iter().filter(|s| all || s.article_count > 1) {
        if json {
            let value = serde_json::json!({
                "id": story.id,
                "title": story.title,
                "articles": story.article_count,
                "outlets": story.outlets,
                "first_published": story.first_published,
                "last_published": story.last_published,
                "updated_at": story.updated_at,
            });
            println!("{value}");
        } else {
            let dates = match (&story.first_published, &story.last_published) {
                (Some(first), Some(last)) if first != last => format!("{first} – {last}"),
                (Some(first), _) => first.clone(),
                _ => "undated".to_owned(),
            };
            println!(
                "{}  {:>3} articles  {:<23}  {}  [{}]",
                story.id,
                story.article_count,
                dates,
                story.title.as_deref().unwrap_or("(no title)"),
                story.outlets.join(", ")
            );
        }
    }
    if !json && !all && singles > 0 && !options.quiet {
        eprintln!("({singles} articles stand alone, in stories of one; --all lists them)");
    }
    Ok(Status::Clean)
}

/// How `parallax story` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoryFormat {
    Readable,
    Json,
    Markdown,
}

/// Prints one story by id or unique prefix. A story id that vanished when
/// its story gained or lost articles is followed to the story holding most
/// of them now, saying so on stderr.
pub fn show(options: &Options, id: &str, format: StoryFormat) -> anyhow::Result<Status> {
    let store = SqliteStore::open_existing(&options.data)?;
    let record = match store.story(id)? {
        Some(record) => record,
        None => {
            let moved = store.story_moved_to(id)?;
            let Some(record) = moved.as_deref().map(|to| store.story(to)).transpose()?.flatten() else {
                bail!("no story with id or unique prefix {id:?} (see `parallax stories`)")
            };
            eprintln!(
                "parallax: story {id} is now story {} (it gained or lost articles)",
                record.id
            );
            record
        }
    };
    match format {
        StoryFormat::Json => {
            let value: serde_json::Value = serde_json::from_str(&record.report)?;
            println!("{}", serde_json::to_string_pretty(&value)?);
        }
        StoryFormat::Markdown | StoryFormat::Readable => print!("{}", markdown(&record)?),
    }
    Ok(Status::Clean)
}

/// The Markdown briefing of a stored story.
pub fn markdown(record: &StoryRecord) -> anyhow::Result<String> {
    let report: StoryReport = serde_json::from_str(&record.report)
        .map_err(|e| anyhow!("story {}: stored report unreadable: {e}", record.id))?;
    Ok(render_markdown(&report))
}
