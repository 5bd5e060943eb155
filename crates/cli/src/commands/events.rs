//! `parallax events`: the coded events of stored articles, each with its
//! evidence sentence.

use parallax_core::{Article, Event};
use parallax_store::{SqliteStore, Store};

use super::Status;
use crate::render::render_event_with_evidence;
use crate::Options;

/// Lists the events of one article (id or unique prefix) or of all stored
/// articles, readable or as one JSON object per line.
pub fn run(options: &Options, article: Option<&str>, json: bool) -> anyhow::Result<Status> {
    let store = SqliteStore::open_existing(&options.data)?;
    let print = |article: &Article| {
        for (index, event) in article.analysis.events.iter().enumerate() {
            if json {
                println!("{}", event_json(article, index, event));
            } else {
                print!("{}  {}", article.id, render_event_with_evidence(article, event));
            }
        }
    };
    match article {
        Some(id) => match store.article(id)? {
            Some(article) => print(&article),
            None => anyhow::bail!("no article with id or unique prefix {id:?}"),
        },
        None => store.for_each_article(&mut |article| {
            print(&article);
            Ok(())
        })?,
    }
    Ok(Status::Clean)
}

/// The event JSON (as in the article JSON) with the article it came from
/// and its evidence text, so each line stands alone.
fn event_json(article: &Article, index: usize, event: &Event) -> serde_json::Value {
    let mut value = serde_json::to_value(event).unwrap_or_default();
    if let Some(object) = value.as_object_mut() {
        object.insert("article".into(), article.id.clone().into());
        object.insert("index".into(), index.into());
        object.insert("outlet".into(), article.outlet.name.clone().into());
        object.insert("evidence".into(), evidence(article, event).into());
    }
    value
}

fn evidence(article: &Article, event: &Event) -> String {
    article
        .body
        .get(event.span.start..event.span.end)
        .unwrap_or_default()
        .trim()
        .to_string()
}
