//! `parallax show`: one stored article, a revision of it, or its revisions.

use anyhow::bail;
use parallax_store::{SqliteStore, Store};

use super::Status;
use crate::render::render_article;
use crate::Options;

/// Prints the article `id` (or a unique prefix).
pub fn run(
    options: &Options,
    id: &str,
    json: bool,
    revision: Option<u32>,
    list_revisions: bool,
) -> anyhow::Result<Status> {
    let store = SqliteStore::open_existing(&options.data)?;
    if list_revisions {
        let revisions = store.revisions(id)?;
        if revisions.is_empty() {
            bail!("no article with id or unique prefix {id:?}");
        }
        for info in revisions {
            if json {
                let value = serde_json::json!({
                    "revision": info.revision, "content_hash": info.content_hash, "stored_at": info.stored_at,
                });
                println!("{value}");
            } else {
                println!("{}  {}  {}", info.revision, info.stored_at, info.content_hash);
            }
        }
        return Ok(Status::Clean);
    }
    let article = match revision {
        Some(n) => store.article_revision(id, n)?,
        None => store.article(id)?,
    };
    let Some(article) = article else {
        match revision {
            Some(n) => bail!("no revision {n} of an article with id or unique prefix {id:?}"),
            None => bail!("no article with id or unique prefix {id:?}"),
        }
    };
    if json {
        println!("{}", serde_json::to_string_pretty(&article)?);
    } else {
        print!("{}", render_article(&article));
    }
    Ok(Status::Clean)
}
