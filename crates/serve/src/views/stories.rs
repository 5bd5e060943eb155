//! Stories: the listing and one story's report.

use parallax_store::{Store, StoryFilter, StoryRecord, StorySummary};
use parallax_story::StoryReport;
use serde::{Deserialize, Serialize};

use super::{given, PageView, Paging};
use crate::error::ApiError;
use crate::page_cache::{fingerprint, Fingerprint};
use crate::state::AppState;

/// `GET /api/stories` parameters.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoriesQuery {
    /// Case-insensitive substring of the story's title or one of its outlets.
    pub q: Option<String>,
    /// Rows to skip.
    pub offset: Option<u64>,
    /// Rows to return (default 50, at most 500).
    pub limit: Option<u64>,
}

/// Stories, largest and most recent first.
pub async fn list_stories(
    state: &AppState,
    query: &StoriesQuery,
) -> Result<PageView<StorySummary>, ApiError> {
    let paging = Paging::new(query.offset, query.limit)?;
    let filter = StoryFilter {
        text: given(&query.q).map(str::to_owned),
        min_articles: 0,
    };
    state
        .read(move |store| {
            let page = store.stories_page(&filter, paging.offset, paging.limit)?;
            Ok(PageView::from_store(page, paging, |story| story))
        })
        .await
}

/// One story as a page shows it: the listing line plus the parsed report.
#[derive(Debug, Clone, Serialize)]
pub struct StoryView {
    /// Story id.
    pub id: String,
    /// Listing headline.
    pub title: Option<String>,
    /// Outlets of the members.
    pub outlets: Vec<String>,
    /// Earliest and latest member publication dates.
    pub first_published: Option<String>,
    pub last_published: Option<String>,
    /// The assembled report (see `docs/stories.md`).
    pub report: StoryReport,
    /// Groups of copies of one text among the members, as the link stage
    /// stored them (`docs/linking.md`).
    pub copies: serde_json::Value,
    /// Publication dates inferred for undated members.
    pub inferred_dates: serde_json::Value,
}

/// The stored story (`id` may be a unique prefix), or 404.
async fn load_story(state: &AppState, id: &str) -> Result<StoryRecord, ApiError> {
    let id = id.to_owned();
    state.read(move |store| find_story(store, &id)).await
}

fn find_story(store: &dyn Store, id: &str) -> Result<StoryRecord, ApiError> {
    store
        .story(id)?
        .ok_or_else(|| ApiError::not_found(format!("no story {id}")))
}

/// A stored story as read for one request, with the fingerprint of what a
/// page is rendered from (for the page cache).
pub struct StoredStory {
    pub record: StoryRecord,
    pub fingerprint: Fingerprint,
}

/// The stored story (`id` may be a unique prefix) with its fingerprint,
/// computed on the blocking pool beside the read.
pub async fn stored_story(state: &AppState, id: &str) -> Result<StoredStory, ApiError> {
    let id = id.to_owned();
    state
        .read(move |store| {
            let record = find_story(store, &id)?;
            let fingerprint = story_fingerprint(&record);
            Ok(StoredStory { record, fingerprint })
        })
        .await
}

/// Where a story id that no longer exists went (`id` may be a unique
/// prefix): the current story holding most of its articles, or `None` when
/// the id was never a story. A story's id is a hash of its members, so a
/// story that gains an article gets a new id; old links follow it.
pub async fn moved_to(state: &AppState, id: &str) -> Result<Option<String>, ApiError> {
    let id = id.to_owned();
    state.read(move |store| Ok(store.story_moved_to(&id)?)).await
}

/// A story lookup that failed with 404: the id it moved to, if it moved.
pub async fn moved_after(state: &AppState, id: &str, error: &ApiError) -> Option<String> {
    if error.status != axum::http::StatusCode::NOT_FOUND {
        return None;
    }
    moved_to(state, id).await.ok().flatten()
}

/// BLAKE3 of every field a story page shows.
fn story_fingerprint(record: &StoryRecord) -> Fingerprint {
    fn optional(value: &Option<String>) -> &[u8] {
        // 0xff never occurs in UTF-8, so "absent" differs from every text.
        value.as_deref().map_or(&[0xff], str::as_bytes)
    }
    let mut parts: Vec<&[u8]> = vec![
        record.id.as_bytes(),
        optional(&record.title),
        optional(&record.first_published),
        optional(&record.last_published),
        record.report.as_bytes(),
    ];
    parts.extend(record.outlets.iter().map(|outlet| outlet.as_bytes()));
    fingerprint(parts)
}

/// One story with its report parsed, for pages.
pub async fn story(state: &AppState, id: &str) -> Result<StoryView, ApiError> {
    StoryView::from_record(load_story(state, id).await?)
}

impl StoryView {
    /// The view of a stored story: its report parsed, the link stage's
    /// extras split off.
    pub fn from_record(record: StoryRecord) -> Result<StoryView, ApiError> {
        let mut stored: serde_json::Value =
            serde_json::from_str(&record.report).map_err(|error| unreadable_report(&record.id, &error))?;
        let copies = take_field(&mut stored, "copies");
        let inferred_dates = take_field(&mut stored, "inferred_dates");
        let report: StoryReport =
            serde_json::from_value(stored).map_err(|error| unreadable_report(&record.id, &error))?;
        Ok(StoryView {
            id: record.id,
            title: record.title,
            outlets: record.outlets,
            first_published: record.first_published,
            last_published: record.last_published,
            report,
            copies,
            inferred_dates,
        })
    }
}

/// One story's report exactly as stored (JSON text): the API answers it
/// without parsing, since the stored text already is the public JSON.
pub async fn story_report_json(state: &AppState, id: &str) -> Result<String, ApiError> {
    Ok(load_story(state, id).await?.report)
}

fn take_field(object: &mut serde_json::Value, name: &str) -> serde_json::Value {
    object
        .as_object_mut()
        .and_then(|map| map.remove(name))
        .unwrap_or(serde_json::Value::Array(Vec::new()))
}

fn unreadable_report(id: &str, error: &serde_json::Error) -> ApiError {
    ApiError::internal(format!("story {id}: stored report unreadable: {error}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_extras_are_split_from_the_report() {
        let mut stored = serde_json::json!({"id": "s", "copies": [{"a": 1}]});
        assert_eq!(take_field(&mut stored, "copies"), serde_json::json!([{"a": 1}]));
        assert_eq!(stored, serde_json::json!({"id": "s"}));
        assert_eq!(take_field(&mut stored, "inferred_dates"), serde_json::json!([]));
    }

    #[test]
    fn the_fingerprint_changes_with_anything_a_page_shows() {
        let record = StoryRecord {
            id: "s1".into(),
            title: Some("Talks".into()),
            articles: vec!["a".into()],
            outlets: vec!["Reuters".into()],
            first_published: Some("2025-01-01".into()),
            last_published: None,
            report: "{}".into(),
        };
        let base = story_fingerprint(&record);
        let changed = |change: fn(&mut StoryRecord)| {
            let mut other = record.clone();
            change(&mut other);
            story_fingerprint(&other)
        };
        assert_eq!(base, changed(|_| {}));
        assert_ne!(base, changed(|r| r.report = "{ }".into()));
        assert_ne!(base, changed(|r| r.title = None));
        assert_ne!(base, changed(|r| r.outlets.push("TASS".into())));
        assert_ne!(base, changed(|r| r.last_published = Some("2025-01-02".into())));
    }
}
