//! Articles: the listing, one article, and the original upload it came from.

use parallax_core::Article;
use parallax_store::{ArticleFilter, ArticleSummary, Store};
use serde::Deserialize;

use super::{given, PageView, Paging};
use crate::error::ApiError;
use crate::state::AppState;

/// `GET /api/articles` parameters.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticlesQuery {
    /// Only this outlet (exact name or domain, as listed).
    pub outlet: Option<String>,
    /// Rows to skip.
    pub offset: Option<u64>,
    /// Rows to return (default 50, at most 500).
    pub limit: Option<u64>,
}

/// Articles, newest first.
pub async fn list_articles(
    state: &AppState,
    query: &ArticlesQuery,
) -> Result<PageView<ArticleSummary>, ApiError> {
    let paging = Paging::new(query.offset, query.limit)?;
    let filter = ArticleFilter {
        outlet: given(&query.outlet).map(str::to_owned),
    };
    state
        .read(move |store| {
            let page = store.articles_page(&filter, paging.offset, paging.limit)?;
            Ok(PageView::from_store(page, paging, |article| article))
        })
        .await
}

/// The current revision of one article (`id` may be a unique prefix of at
/// least 4 characters), or 404.
pub async fn article(state: &AppState, id: &str) -> Result<Article, ApiError> {
    let id = id.to_owned();
    state
        .read(move |store| {
            store
                .article(&id)?
                .ok_or_else(|| ApiError::not_found(format!("no article {id}")))
        })
        .await
}

/// The bytes an article was uploaded as, kept by the server's ingest.
#[derive(Debug, Clone)]
pub struct Original {
    /// Full article id.
    pub article: String,
    /// The name the file was uploaded under.
    pub name: String,
    /// The bytes as uploaded.
    pub bytes: Vec<u8>,
}

/// The original upload of an article; 404 when the article is unknown or
/// was not ingested through the server (the CLI keeps no copy, and the
/// server never serves paths outside its uploads directory).
pub async fn original(state: &AppState, id: &str) -> Result<Original, ApiError> {
    let article = article(state, id).await?;
    let path = state
        .uploads_dir()
        .join(super::ingest::upload_file_name(&article.id)?);
    let bytes = tokio::fs::read(&path).await.map_err(|error| match error.kind() {
        std::io::ErrorKind::NotFound => ApiError::not_found(format!(
            "no original kept for article {}: it was not uploaded through the server",
            article.id
        )),
        _ => ApiError::internal(format!("reading the original of {}: {error}", article.id)),
    })?;
    Ok(Original {
        article: article.id,
        name: article.source_path,
        bytes,
    })
}
