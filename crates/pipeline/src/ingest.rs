//! Storing analysed articles and counting what the store did with them.

use parallax_core::Article;
use parallax_store::{PutOutcome, Store};

/// What storing articles did to the store.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct IngestCounts {
    /// Articles stored for the first time.
    pub new: usize,
    /// Articles already stored with the same content.
    pub duplicate: usize,
    /// Changed versions of stored articles, kept as revisions.
    pub revised: usize,
}

impl IngestCounts {
    /// True when the store's articles changed, so stories must be relinked.
    pub fn changed(&self) -> bool {
        self.new + self.revised > 0
    }
}

/// Stores `articles` as one transaction and adds the outcomes to `counts`.
pub fn store_batch<S: Store + ?Sized>(
    store: &mut S,
    articles: &[Article],
    counts: &mut IngestCounts,
) -> crate::Result<Vec<PutOutcome>> {
    let outcomes = store.put_articles(articles)?;
    for outcome in &outcomes {
        match outcome {
            PutOutcome::New => counts.new += 1,
            PutOutcome::Duplicate => counts.duplicate += 1,
            PutOutcome::Revision(_) => counts.revised += 1,
        }
    }
    Ok(outcomes)
}
