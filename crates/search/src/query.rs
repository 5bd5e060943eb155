//! The query a caller asks: text plus filters.

use serde::{Deserialize, Serialize};

/// Which documents a query searches.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SearchKind {
    /// Articles and quotes.
    #[default]
    All,
    /// Articles only.
    Articles,
    /// Quotes only.
    Quotes,
}

/// A search: free text (parsed leniently, never an error) and filters.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SearchQuery {
    /// Words, `"quoted phrases"`; `-word` excludes. Empty text with filters
    /// lists what the filters match, newest first.
    pub text: String,
    /// Outlet name, exactly as shown in results/facets.
    pub outlet: Option<String>,
    /// Earliest publication date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, inclusive.
    pub from: Option<String>,
    /// Latest publication date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, inclusive.
    pub to: Option<String>,
    /// Entity key, e.g. `person:sybiha-andrii`.
    pub entity: Option<String>,
    /// CAMEO root (`"19"`) or PLOVER type (`"ASSAULT"`).
    pub event: Option<String>,
    /// Articles, quotes or both.
    pub kind: SearchKind,
    /// Hits to skip (pagination).
    pub offset: usize,
    /// Hits to return.
    pub limit: usize,
}

impl Default for SearchQuery {
    fn default() -> Self {
        SearchQuery {
            text: String::new(),
            outlet: None,
            from: None,
            to: None,
            entity: None,
            event: None,
            kind: SearchKind::All,
            offset: 0,
            limit: 20,
        }
    }
}

impl SearchQuery {
    /// A text query with default filters.
    pub fn text(text: impl Into<String>) -> Self {
        SearchQuery {
            text: text.into(),
            ..SearchQuery::default()
        }
    }
}
