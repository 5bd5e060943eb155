//! Per-document work: extract, annotate, code events. A pure function of the
//! document, so batches run in parallel and results never depend on the
//! number of threads.

use std::panic::{catch_unwind, AssertUnwindSafe};

use parallax_core::{Article, SourceDocument};
use parallax_read::ReadError;
use rayon::prelude::*;

/// Extracts, analyses and codes the events of one document.
///
/// Extraction and analysis must never panic on input; if a bug makes them,
/// that document is returned as failed (naming it and the panic) and the
/// caller's batch goes on rather than the whole run dying.
pub fn process_document(doc: &SourceDocument) -> Result<Article, ReadError> {
    let process = || {
        let mut article = parallax_extract::extract(doc);
        parallax_analyze::annotate(&mut article);
        article.analysis.events = parallax_events::code_events(&article);
        article
    };
    catch_unwind(AssertUnwindSafe(process)).map_err(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned());
        ReadError {
            origin: doc.origin.clone(),
            reason: format!("internal error while processing: {message}"),
        }
    })
}

/// [`process_document`] over a batch on the rayon pool, results in input order.
pub fn process_batch(docs: &[SourceDocument]) -> Vec<Result<Article, ReadError>> {
    docs.par_iter().map(process_document).collect()
}
