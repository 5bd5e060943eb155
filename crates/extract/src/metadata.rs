//! Metadata both extractors report, each field with where it came from.

use parallax_core::{Outlet, PublishedDate};

/// What a page or text says about itself. Every `Option` is `None` when the
/// input does not state it; nothing is guessed without saying so.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageMetadata {
    /// Headline.
    pub title: Option<String>,
    /// Canonical URL (`<link rel=canonical>`, `og:url`, a `url …` header).
    pub url: Option<String>,
    /// Outlet name and domain with provenance.
    pub outlet: Outlet,
    /// Authors (people) from the byline.
    pub authors: Vec<String>,
    /// Agency credits (Reuters, AFP, AP, …).
    pub agencies: Vec<String>,
    /// Publication date with precision and provenance.
    pub published: PublishedDate,
    /// ISO 639-1 language declared by the page (`<html lang>`, `og:locale`).
    pub language: Option<String>,
}

/// The host of a URL without a leading `www.`, lower-cased.
pub fn domain_of(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    let host = parsed.host_str()?.to_ascii_lowercase();
    Some(host.strip_prefix("www.").unwrap_or(&host).to_owned())
}
