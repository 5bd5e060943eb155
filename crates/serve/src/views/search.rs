//! Search: the query string parsed into a [`SearchQuery`], run on the
//! blocking pool against the shared index.

use parallax_search::{SearchKind, SearchQuery, SearchResults};
use serde::{Deserialize, Serialize};

use super::{given, Paging};
use crate::error::ApiError;
use crate::state::AppState;

/// Hits per search when the request does not say: the web page's page
/// size. Each hit is read from the index and snippeted, so a page of search
/// hits costs more than a page of listing rows (50 by default); at 100,000
/// articles a 50-hit page cost about 40 % more than a 20-hit one.
pub const DEFAULT_SEARCH_LIMIT: u64 = 20;

/// The deepest a search may page. A ranked search keeps the best
/// `offset + limit` hits in memory to return the last `limit`, so the offset
/// bounds the memory of one request (listings page in SQL and have no such cost).
pub const MAX_SEARCH_OFFSET: u64 = 10_000;

/// `GET /api/search` parameters.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchParams {
    /// Words and `"quoted phrases"`; `-word` excludes. May be empty when a
    /// filter is given.
    pub q: Option<String>,
    /// Outlet name as shown in results and facets.
    pub outlet: Option<String>,
    /// Earliest publication date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), inclusive.
    pub from: Option<String>,
    /// Latest publication date, inclusive.
    pub to: Option<String>,
    /// Entity key (`person:sybiha-andrii`).
    pub entity: Option<String>,
    /// CAMEO root (`19`) or PLOVER type (`ASSAULT`).
    pub event: Option<String>,
    /// `all` (default), `articles` or `quotes`.
    pub kind: Option<String>,
    /// Hits to skip.
    pub offset: Option<u64>,
    /// Hits to return (default [`DEFAULT_SEARCH_LIMIT`], at most 500).
    pub limit: Option<u64>,
}

/// A page of search results with the paging asked for.
#[derive(Debug, Clone, Serialize)]
pub struct SearchView {
    /// Position of the first hit in the whole ranking (0-based).
    pub offset: u64,
    /// The page size asked for.
    pub limit: u64,
    /// Total, hits, facets, entity expansions and timing.
    #[serde(flatten)]
    pub results: SearchResults,
}

impl SearchParams {
    /// The index query these parameters ask for; 400 on a bad `kind` or limit.
    pub fn to_query(&self) -> Result<(SearchQuery, Paging), ApiError> {
        let paging = Paging::new(self.offset, Some(self.limit.unwrap_or(DEFAULT_SEARCH_LIMIT)))?;
        if paging.offset > MAX_SEARCH_OFFSET {
            return Err(ApiError::bad_request(format!(
                "search offset must be at most {MAX_SEARCH_OFFSET}: refine the query instead of paging deeper"
            )));
        }
        let kind = match given(&self.kind) {
            None | Some("all") => SearchKind::All,
            Some("articles") => SearchKind::Articles,
            Some("quotes") => SearchKind::Quotes,
            Some(other) => {
                return Err(ApiError::bad_request(format!(
                    "kind must be all, articles or quotes (got {other:?})"
                )))
            }
        };
        let to_usize = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
        let owned = |value: &Option<String>| given(value).map(str::to_owned);
        let query = SearchQuery {
            text: given(&self.q).unwrap_or("").to_owned(),
            outlet: owned(&self.outlet),
            from: owned(&self.from),
            to: owned(&self.to),
            entity: owned(&self.entity),
            event: owned(&self.event),
            kind,
            offset: to_usize(paging.offset),
            limit: to_usize(paging.limit),
        };
        Ok((query, paging))
    }
}

/// Runs a search.
pub async fn search(state: &AppState, params: &SearchParams) -> Result<SearchView, ApiError> {
    let (query, paging) = params.to_query()?;
    let index = state.search_index()?;
    let slot = state.search_slot().await?;
    let results = tokio::task::spawn_blocking(move || {
        let _slot = slot;
        index.search(&query)
    })
    .await
    .map_err(ApiError::from_join)?
    .map_err(ApiError::from)?;
    Ok(SearchView {
        offset: paging.offset,
        limit: paging.limit,
        results,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_become_an_index_query() {
        let params = SearchParams {
            q: Some("Sybiha".into()),
            outlet: Some(" ".into()),
            kind: Some("quotes".into()),
            offset: Some(10),
            ..SearchParams::default()
        };
        let (query, paging) = params.to_query().unwrap();
        assert_eq!(query.text, "Sybiha");
        assert_eq!(query.outlet, None);
        assert_eq!(query.kind, SearchKind::Quotes);
        assert_eq!((query.offset, query.limit), (10, DEFAULT_SEARCH_LIMIT as usize));
        assert_eq!(paging.offset, 10);
    }

    #[test]
    fn deep_search_offsets_are_rejected() {
        let params = |offset| SearchParams {
            offset: Some(offset),
            ..SearchParams::default()
        };
        assert!(params(MAX_SEARCH_OFFSET).to_query().is_ok());
        assert!(params(MAX_SEARCH_OFFSET + 1).to_query().is_err());
    }

    #[test]
    fn unknown_kinds_are_rejected() {
        let params = SearchParams {
            kind: Some("videos".into()),
            ..SearchParams::default()
        };
        assert_eq!(
            params.to_query().unwrap_err().status,
            axum::http::StatusCode::BAD_REQUEST
        );
    }
}
