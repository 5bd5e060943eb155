//! Quotes and events across articles: the rows behind `/api/quotes`,
//! `/api/events` and the statements and events of an entity page.

use parallax_store::{EventFilter, EventRow, QuoteFilter, QuoteRow, Store};
use serde::Deserialize;

use super::{given, PageView, Paging};
use crate::error::ApiError;
use crate::state::AppState;

/// `GET /api/quotes` parameters.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuotesQuery {
    /// Speaker's canonical key (`person:sybiha-andrii`).
    pub speaker: Option<String>,
    /// Article id.
    pub article: Option<String>,
    /// Rows to skip.
    pub offset: Option<u64>,
    /// Rows to return (default 50, at most 500).
    pub limit: Option<u64>,
}

/// Quotes with their articles.
pub async fn list_quotes(state: &AppState, query: &QuotesQuery) -> Result<PageView<QuoteRow>, ApiError> {
    let paging = Paging::new(query.offset, query.limit)?;
    let filter = QuoteFilter {
        speaker_key: given(&query.speaker).map(str::to_owned),
        article: given(&query.article).map(str::to_owned),
    };
    state
        .read(move |store| {
            let page = store.quotes_page(&filter, paging.offset, paging.limit)?;
            Ok(PageView::from_store(page, paging, |row| row))
        })
        .await
}

/// `GET /api/events` parameters.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventsQuery {
    /// Article id.
    pub article: Option<String>,
    /// Canonical key of the source or target actor.
    pub actor: Option<String>,
    /// CAMEO root code, two digits `01`–`20`.
    pub cameo_root: Option<String>,
    /// Rows to skip.
    pub offset: Option<u64>,
    /// Rows to return (default 50, at most 500).
    pub limit: Option<u64>,
}

/// Coded events with their articles.
pub async fn list_events(state: &AppState, query: &EventsQuery) -> Result<PageView<EventRow>, ApiError> {
    let paging = Paging::new(query.offset, query.limit)?;
    let cameo_root = given(&query.cameo_root).map(checked_cameo_root).transpose()?;
    let filter = EventFilter {
        article: given(&query.article).map(str::to_owned),
        actor_key: given(&query.actor).map(str::to_owned),
        cameo_root,
    };
    state
        .read(move |store| {
            let page = store.events_page(&filter, paging.offset, paging.limit)?;
            Ok(PageView::from_store(page, paging, |row| row))
        })
        .await
}

/// A CAMEO root code (`01`–`20`); anything else is a 400 rather than an
/// empty list, so a typo is not mistaken for "no such events".
pub fn checked_cameo_root(value: &str) -> Result<String, ApiError> {
    let valid = value.len() == 2
        && value.bytes().all(|b| b.is_ascii_digit())
        && (1..=20).contains(&value.parse::<u8>().unwrap_or(0));
    match valid {
        true => Ok(value.to_owned()),
        false => Err(ApiError::bad_request(format!(
            "cameo_root must be a CAMEO root code, two digits 01 to 20 (got {value:?})"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cameo_roots_are_two_digits_from_01_to_20() {
        assert_eq!(checked_cameo_root("19").unwrap(), "19");
        assert_eq!(checked_cameo_root("01").unwrap(), "01");
        for bad in ["1", "00", "21", "190", "1a", "", "+1"] {
            assert!(checked_cameo_root(bad).is_err(), "{bad}");
        }
    }
}
