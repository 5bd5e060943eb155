//! Metadata of an HTML page with provenance: title, canonical URL, outlet,
//! authors and agency credits, publication date and declared language.
//!
//! Each field is read from the most trusted source that states it (JSON-LD,
//! then `<meta>` tags, then page elements, then the URL); see
//! `docs/metadata.md` for the full order. Each concern lives in its own
//! submodule; this one only wires them together.

mod bylines;
mod identity;
mod json_ld;
mod meta_tags;
mod published;
mod regions;
mod title;

use super::dom::Dom;
use crate::language::normalize_language_tag;
use crate::metadata::PageMetadata;

/// Metadata of a page fetched from `url` (when known).
pub fn page_metadata(dom: &Dom, url: Option<&str>) -> PageMetadata {
    let meta = meta_tags::MetaTags::read(dom);
    let json_ld = json_ld::json_ld_facts(dom);
    let canonical = identity::canonical_url(&meta, &json_ld, url);
    let outlet = identity::page_outlet(&meta, &json_ld, canonical.as_deref().or(url));
    let site_names: Vec<&str> = [
        outlet.name.as_deref(),
        json_ld.publisher.as_deref(),
        outlet.domain.as_deref(),
    ]
    .into_iter()
    .flatten()
    .chain(meta.all("og:site_name"))
    .collect();
    let title = title::page_title(dom, &meta, &json_ld, &site_names);
    let credits = bylines::page_credits(dom, &meta, &json_ld);
    let date_urls: Vec<&str> = [canonical.as_deref(), url].into_iter().flatten().collect();
    let published = published::published_date(dom, &meta, &json_ld, &date_urls);
    let language = declared_language(dom, &meta, json_ld.language.as_deref());
    PageMetadata {
        title,
        url: canonical,
        outlet,
        authors: credits.authors,
        agencies: credits.agencies,
        published,
        language,
    }
}

/// `<html lang>`, then `og:locale`, JSON-LD `inLanguage`, and the
/// content-language `<meta>` tags, normalised to ISO 639-1.
fn declared_language(dom: &Dom, meta: &meta_tags::MetaTags, json_ld: Option<&str>) -> Option<String> {
    let html_lang = dom
        .elements_named("html")
        .find_map(|id| dom.attr(id, "lang").or_else(|| dom.attr(id, "xml:lang")));
    let meta_lang = meta.first(&[
        "og:locale",
        "content-language",
        "language",
        "dc.language",
        "dcterms.language",
    ]);
    [html_lang, meta_lang.map(|(_, v)| v), json_ld]
        .into_iter()
        .flatten()
        .find_map(normalize_language_tag)
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::DateProvenance;

    const PAGE: &str = r#"<!doctype html><html lang="en-GB"><head>
        <title>Talks resume in Istanbul | Example News</title>
        <meta property="og:site_name" content="Example News">
        <meta property="og:title" content="Talks resume in Istanbul">
        <link rel="canonical" href="https://example.com/world/2025/08/30/talks">
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
          "headline":"Talks resume in Istanbul","datePublished":"2025-09-04T10:00:00+03:00",
          "author":{"@type":"Person","name":"Jane Doe"}}</script></head>
        <body><article><header><h1>Talks resume in Istanbul</h1>
        <p class="byline">By Jane Doe and John Roe, Reuters</p></header><p>Body.</p>
        <aside class="related"><time datetime="2020-01-01">old</time></aside></article></body></html>"#;

    #[test]
    fn reads_a_typical_news_page() {
        let m = page_metadata(&Dom::parse(PAGE), Some("https://example.com/amp/talks"));
        assert_eq!(m.title.as_deref(), Some("Talks resume in Istanbul"));
        assert_eq!(
            m.url.as_deref(),
            Some("https://example.com/world/2025/08/30/talks")
        );
        assert_eq!(m.outlet.name.as_deref(), Some("Example News"));
        assert_eq!(m.outlet.domain.as_deref(), Some("example.com"));
        assert_eq!(m.authors, ["Jane Doe"]);
        assert_eq!(m.agencies, ["Reuters"]);
        assert_eq!(m.published.date.as_deref(), Some("2025-09-04"));
        assert_eq!(m.published.provenance, Some(DateProvenance::JsonLd));
        assert_eq!(
            m.published.timestamp.as_deref(),
            Some("2025-09-04T10:00:00+03:00")
        );
        assert_eq!(m.language.as_deref(), Some("en"));
    }

    #[test]
    fn an_empty_page_states_nothing_but_its_url() {
        let m = page_metadata(&Dom::parse(""), None);
        assert_eq!(m, PageMetadata::default());
        let m = page_metadata(
            &Dom::parse("<p>hi</p>"),
            Some("https://www.theguardian.com/world/2025/sep/04/x"),
        );
        assert_eq!(m.outlet.name.as_deref(), Some("The Guardian"));
        assert_eq!(m.published.date.as_deref(), Some("2025-09-04"));
        assert_eq!(m.published.provenance, Some(DateProvenance::Url));
    }

    proptest::proptest! {
        #[test]
        fn never_panics(html in "\\PC{0,300}", url in proptest::option::of("\\PC{0,40}")) {
            let _ = page_metadata(&Dom::parse(&html), url.as_deref());
        }

        #[test]
        fn never_panics_on_tag_soup(html in r#"(<(meta|time|script|div|link|title|h1)( (class|property|name|content|datetime|type|rel|href)="[^"<]{0,20}")*>|[^<]{0,20}|</(div|time|script|title)>){0,30}"#) {
            let _ = page_metadata(&Dom::parse(&html), Some("https://example.com/2025/09/04/x"));
        }
    }
}
