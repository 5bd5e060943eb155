//! Entities: the listing, and one entity across every article — its
//! spellings by outlet, what the knowledge base says of it, what it said,
//! what it did and the stories it is in.

use std::collections::HashSet;

use parallax_analyze::kb;
use parallax_store::{
    EntityRecord, EntitySummary, EventFilter, EventRow, QuoteFilter, QuoteRow, Store, StorySummary,
};
use serde::{Deserialize, Serialize};

use super::{given, PageView, Paging, DEFAULT_LIMIT};
use crate::error::ApiError;
use crate::state::AppState;

/// `GET /api/entities` parameters.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntitiesQuery {
    /// Case-insensitive substring of the name or of any spelling.
    pub q: Option<String>,
    /// Rows to skip.
    pub offset: Option<u64>,
    /// Rows to return (default 50, at most 500).
    pub limit: Option<u64>,
}

/// Entities, most widely reported first.
pub async fn list_entities(
    state: &AppState,
    query: &EntitiesQuery,
) -> Result<PageView<EntitySummary>, ApiError> {
    let paging = Paging::new(query.offset, query.limit)?;
    let text = given(&query.q).map(str::to_owned);
    state
        .read(move |store| {
            let page = store.entities_page(text.as_deref(), paging.offset, paging.limit)?;
            Ok(PageView::from_store(page, paging, |entity| entity))
        })
        .await
}

/// One entity across the store.
#[derive(Debug, Clone, Serialize)]
pub struct EntityView {
    /// What the store knows: key, name, type, counts, spellings by outlet,
    /// article ids (newest first, at most 500).
    #[serde(flatten)]
    pub record: EntityRecord,
    /// The knowledge-base entry when the key is one of its people or
    /// organisations, else `null`.
    pub kb: Option<KbEntry>,
    /// Its quotes: the first 50 with the total
    /// (`/api/quotes?speaker=KEY` pages through all).
    pub statements: PageView<QuoteRow>,
    /// Events it is the source or target of: the first 50 with the total
    /// (`/api/events?actor=KEY` pages through all).
    pub events: PageView<EventRow>,
    /// The stories its articles belong to, in listing order.
    pub stories: Vec<StorySummary>,
}

/// What the compiled-in knowledge base records of an entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KbEntry {
    /// Display name.
    pub canonical: String,
    /// Wikidata QID, when verified.
    pub qid: Option<String>,
    /// Names it is written under.
    pub aliases: Vec<String>,
    /// CAMEO-style actor code (`UKRGOV`).
    pub actor: Option<String>,
    /// Offices held (people only).
    pub roles: Vec<KbRole>,
    /// Country or body code (organisations only).
    pub country: Option<String>,
}

/// An office held between two dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KbRole {
    /// Office id (`foreign-minister`).
    pub role: String,
    /// ISO alpha-3 country or body code.
    pub country: String,
    /// First day (`YYYY-MM-DD`).
    pub from: String,
    /// Last day; `null` while in office.
    pub to: Option<String>,
}

/// The knowledge base's entry for a canonical key, if it has one.
pub fn kb_entry(key: &str) -> Option<KbEntry> {
    let kb = kb::kb();
    if let Some(person) = kb.people.iter().find(|p| p.key == key) {
        return Some(KbEntry {
            canonical: person.canonical.clone(),
            qid: person.qid.clone(),
            aliases: person.aliases.clone(),
            actor: person.actor.clone(),
            roles: person
                .roles
                .iter()
                .map(|r| KbRole {
                    role: r.role.clone(),
                    country: r.country.clone(),
                    from: r.from.clone(),
                    to: Some(r.to.clone()).filter(|to| !to.is_empty()),
                })
                .collect(),
            country: None,
        });
    }
    kb.organizations.iter().find(|o| o.key == key).map(|org| KbEntry {
        canonical: org.canonical.clone(),
        qid: org.qid.clone(),
        aliases: org.aliases.clone(),
        actor: org.actor.clone(),
        roles: Vec::new(),
        country: Some(org.country.clone()),
    })
}

/// One entity by canonical key, or 404 when no stored article mentions it.
pub async fn entity(state: &AppState, key: &str) -> Result<EntityView, ApiError> {
    let key = key.to_owned();
    let preview = Paging::new(None, Some(DEFAULT_LIMIT))?;
    state
        .read(move |store| {
            let record = store
                .entity(&key)?
                .ok_or_else(|| ApiError::not_found(format!("no entity {key}")))?;
            let quotes = QuoteFilter {
                speaker_key: Some(key.clone()),
                article: None,
            };
            let events = EventFilter {
                actor_key: Some(key.clone()),
                ..EventFilter::default()
            };
            let statements = store.quotes_page(&quotes, preview.offset, preview.limit)?;
            let events = store.events_page(&events, preview.offset, preview.limit)?;
            let stories = stories_of(store, &record.articles)?;
            Ok(EntityView {
                kb: kb_entry(&record.key),
                record,
                statements: PageView::from_store(statements, preview, |row| row),
                events: PageView::from_store(events, preview, |row| row),
                stories,
            })
        })
        .await
}

/// The stories any of `articles` belongs to, in the store's listing order.
fn stories_of(store: &impl Store, articles: &[String]) -> Result<Vec<StorySummary>, ApiError> {
    let mut ids = HashSet::new();
    for article in articles {
        ids.extend(store.stories_of_article(article)?);
    }
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(store
        .stories()?
        .into_iter()
        .filter(|story| ids.contains(&story.id))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kb_people_come_with_their_roles() {
        let person = &kb::kb().people[0];
        let entry = kb_entry(&person.key).expect("a KB person has an entry");
        assert_eq!(entry.canonical, person.canonical);
        assert_eq!(entry.roles.len(), person.roles.len());
        assert!(entry.roles.iter().all(|r| r.to.as_deref() != Some("")));
    }

    #[test]
    fn unknown_keys_have_no_kb_entry() {
        assert_eq!(kb_entry("person:nobody-at-all"), None);
    }
}
