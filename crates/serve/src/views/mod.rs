//! The data behind every page and every API answer: one function per thing
//! shown, taking the shared state and a typed query, returning a
//! `Serialize` value.
//!
//! The JSON API serialises these values as they are and the HTML pages
//! render them, so a page can never show something the API does not return
//! (or the other way round). Query structs are the API's query strings
//! (`serde` names = parameter names, unknown parameters rejected); pages
//! build them from their own forms. Field names of the returned structs are
//! the public JSON contract (`docs/api.md`, `crates/serve/openapi.json`):
//! fields are added, never renamed.

pub mod articles;
pub mod entities;
pub mod ingest;
pub mod mentions;
pub mod search;
pub mod stories;

use serde::Serialize;

use crate::error::ApiError;

/// Items per page when the request does not say.
pub const DEFAULT_LIMIT: u64 = 50;
/// The most items one page may hold: bounds the work and the size of one answer.
pub const MAX_LIMIT: u64 = 500;
/// The largest offset accepted: SQLite counts rows in signed 64-bit integers.
pub const MAX_OFFSET: u64 = i64::MAX as u64;

/// Which slice of a listing to return, validated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    /// Rows to skip.
    pub offset: u64,
    /// Rows to return (`0..=MAX_LIMIT`; 0 returns only the total).
    pub limit: u64,
}

impl Paging {
    /// Paging from the `offset`/`limit` query parameters (defaults 0 and
    /// [`DEFAULT_LIMIT`]); a limit over [`MAX_LIMIT`] is a 400, not silently
    /// clamped, so a client never believes it got everything when it did not.
    pub fn new(offset: Option<u64>, limit: Option<u64>) -> Result<Paging, ApiError> {
        let offset = offset.unwrap_or(0);
        let limit = limit.unwrap_or(DEFAULT_LIMIT);
        if limit > MAX_LIMIT {
            return Err(ApiError::bad_request(format!(
                "limit must be at most {MAX_LIMIT} (got {limit})"
            )));
        }
        if offset > MAX_OFFSET {
            return Err(ApiError::bad_request(format!(
                "offset must be at most {MAX_OFFSET}"
            )));
        }
        Ok(Paging { offset, limit })
    }

    /// Paging for page number `page` (1-based, as in the pages' `?page=`) of
    /// `per_page` items.
    pub fn page_number(page: u64, per_page: u64) -> Result<Paging, ApiError> {
        if page == 0 {
            return Err(ApiError::bad_request("page numbers start at 1"));
        }
        let offset = (page - 1)
            .checked_mul(per_page)
            .ok_or_else(|| ApiError::bad_request("page number too large"))?;
        Paging::new(Some(offset), Some(per_page))
    }
}

/// One page of a listing, as every listing endpoint answers it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PageView<T> {
    /// Items matching the filters, over all pages.
    pub total: u64,
    /// Position of the first item in the whole listing (0-based).
    pub offset: u64,
    /// The page size asked for (`items` is shorter on the last page).
    pub limit: u64,
    /// The items of this page.
    pub items: Vec<T>,
}

impl<T> PageView<T> {
    /// A store page answered for `paging`, its items converted by `convert`.
    pub fn from_store<S>(
        page: parallax_store::Page<S>,
        paging: Paging,
        convert: impl FnMut(S) -> T,
    ) -> PageView<T> {
        PageView {
            total: page.total,
            offset: page.offset,
            limit: paging.limit,
            items: page.items.into_iter().map(convert).collect(),
        }
    }
}

/// An optional text parameter, with an empty value (a blank form field)
/// meaning "not given".
pub(crate) fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paging_defaults_and_limits() {
        assert_eq!(
            Paging::new(None, None).unwrap(),
            Paging {
                offset: 0,
                limit: DEFAULT_LIMIT
            }
        );
        assert_eq!(Paging::new(Some(7), Some(MAX_LIMIT)).unwrap().offset, 7);
        assert_eq!(
            Paging::new(None, Some(MAX_LIMIT + 1)).unwrap_err().status,
            axum::http::StatusCode::BAD_REQUEST
        );
        assert!(Paging::new(Some(u64::MAX), None).is_err());
    }

    #[test]
    fn page_numbers_start_at_one() {
        assert_eq!(Paging::page_number(3, 20).unwrap().offset, 40);
        assert!(Paging::page_number(0, 20).is_err());
        assert!(Paging::page_number(u64::MAX, 20).is_err());
    }

    #[test]
    fn blank_parameters_are_not_given() {
        assert_eq!(given(&Some("  ".into())), None);
        assert_eq!(given(&Some(" x ".into())), Some("x"));
        assert_eq!(given(&None), None);
    }
}
