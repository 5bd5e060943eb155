//! The publication date of a page, from the most trusted source that states
//! one: JSON-LD `datePublished`, then publication `<meta>` tags, then
//! microdata `itemprop=datePublished`, then `<time>` elements in the
//! article's own header (never those in teasers, comments or captions), then
//! the URL, then a visible date in an element labelled as one ("post-date",
//! "Published on …"), then a bare date printed beside the headline, then
//! publication dates in the page's script data, and only when nothing states
//! a publication date, a modification date (with confidence 0.5).

use parallax_core::{DateProvenance, PublishedDate};

mod near_headline;
mod script_data;
mod visible_date;

use super::json_ld::JsonLdFacts;
use super::meta_tags::MetaTags;
use super::regions::{in_foreign_region, in_own_header};
use crate::dates::{date_from_url, parse_date};
use crate::html::dom::{Dom, NodeId};

/// `<meta>` keys that state the publication date, most specific first.
const PUBLISHED_META_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article:published",
    "datepublished",
    "parsely-pub-date",
    "sailthru.date",
    "publish-date",
    "publish_date",
    "publishdate",
    "publication_date",
    "publication-date",
    "published_time",
    "published-date",
    "original-publish-date",
    "pubdate",
    "published",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "citation_publication_date",
    "citation_date",
    "citation_online_date",
    "article.published",
    "cxenseparse:recs:publishtime",
    "date",
];

/// Class, id or itemprop fragments that mark a date as a modification date.
const MODIFIED_MARKERS: &[&str] = &["modif", "updat", "edited", "revised"];

/// `<meta>` keys that state a modification date, used only when nothing
/// states the publication date.
const MODIFIED_META_KEYS: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
];

/// Confidence given to a modification date standing in for the publication
/// date: it is an upper bound, and on most pages the same day.
const MODIFIED_DATE_CONFIDENCE: f32 = 0.5;

/// The page's publication date, or unknown.
pub fn published_date(dom: &Dom, meta: &MetaTags, json_ld: &JsonLdFacts, urls: &[&str]) -> PublishedDate {
    let url_date = || urls.iter().find_map(|url| date_from_url(url));
    let stated = json_ld
        .date_published
        .as_deref()
        .and_then(|text| parse_date(text, DateProvenance::JsonLd))
        .or_else(|| {
            PUBLISHED_META_KEYS
                .iter()
                .flat_map(|key| meta.all(key))
                .find_map(|text| parse_date(text, DateProvenance::Meta))
        })
        .or_else(|| microdata_date(dom))
        .or_else(|| header_time_date(dom));
    if let Some(stated) = stated {
        return prefer_local_url_day(stated, url_date());
    }
    url_date()
        .or_else(|| visible_date::labelled_date(dom))
        .or_else(|| near_headline::date_near_headline(dom, false))
        .or_else(|| script_data::script_date(dom))
        .or_else(|| modification_date(meta, json_ld))
        .or_else(|| {
            let shown_update = near_headline::date_near_headline(dom, true)?;
            Some(PublishedDate {
                confidence: Some(MODIFIED_DATE_CONFIDENCE),
                ..shown_update
            })
        })
        .unwrap_or_else(PublishedDate::unknown)
}

/// A timestamp converted to UTC often lands on the next or previous day; a
/// day in the URL is the publisher's own calendar day, so when the two are
/// one day apart the URL's day is taken.
fn prefer_local_url_day(stated: PublishedDate, url_date: Option<PublishedDate>) -> PublishedDate {
    let (Some(url_day), Some(stated_day)) = (url_date.as_ref().and_then(day_of), day_of(&stated)) else {
        return stated;
    };
    if (url_day - stated_day).num_days().abs() == 1 {
        return url_date.unwrap_or(stated);
    }
    stated
}

fn day_of(date: &PublishedDate) -> Option<chrono::NaiveDate> {
    if date.precision != Some(parallax_core::DatePrecision::Day) {
        return None;
    }
    chrono::NaiveDate::parse_from_str(date.date.as_deref()?, "%Y-%m-%d").ok()
}

/// JSON-LD `dateModified` or a modification `<meta>`, with lowered
/// confidence.
fn modification_date(meta: &MetaTags, json_ld: &JsonLdFacts) -> Option<PublishedDate> {
    let date = json_ld
        .date_modified
        .as_deref()
        .and_then(|text| parse_date(text, DateProvenance::JsonLd))
        .or_else(|| {
            MODIFIED_META_KEYS
                .iter()
                .flat_map(|key| meta.all(key))
                .find_map(|text| parse_date(text, DateProvenance::Meta))
        })?;
    Some(PublishedDate {
        confidence: Some(MODIFIED_DATE_CONFIDENCE),
        ..date
    })
}

/// `itemprop="datePublished"` on any element other than `<meta>` (already
/// read): its `datetime` or `content` attribute, else its text.
fn microdata_date(dom: &Dom) -> Option<PublishedDate> {
    (0..dom.len())
        .filter(|&id| dom.name(id).is_some_and(|n| n != "meta"))
        .filter(|&id| {
            dom.attr(id, "itemprop")
                .is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
        })
        .filter(|&id| !in_foreign_region(dom, id))
        .find_map(|id| {
            let provenance = if dom.name(id) == Some("time") {
                DateProvenance::TimeElement
            } else {
                DateProvenance::Meta
            };
            date_of_element(dom, id, provenance)
        })
}

/// The first `<time>` in the article's own header or byline area that is
/// not a modification date and not inside a teaser, comment or caption.
fn header_time_date(dom: &Dom) -> Option<PublishedDate> {
    dom.elements_named("time")
        .filter(|&id| !in_foreign_region(dom, id) && !is_modification(dom, id))
        .filter(|&id| dom.attr(id, "pubdate").is_some() || in_own_header(dom, id))
        .find_map(|id| date_of_element(dom, id, DateProvenance::TimeElement))
}

/// True when the element or its parent is labelled as an update time.
pub(super) fn is_modification(dom: &Dom, id: NodeId) -> bool {
    std::iter::once(id).chain(dom.parent(id)).any(|node| {
        ["class", "id", "itemprop"]
            .iter()
            .filter_map(|a| dom.attr(node, a))
            .any(|value| {
                let value = value.to_ascii_lowercase();
                MODIFIED_MARKERS.iter().any(|m| value.contains(m))
            })
    })
}

/// A date from an element's `datetime`/`content` attribute or its text.
pub(super) fn date_of_element(dom: &Dom, id: NodeId, provenance: DateProvenance) -> Option<PublishedDate> {
    ["datetime", "content", "title"]
        .iter()
        .filter_map(|attr| dom.attr(id, attr))
        .find_map(|text| parse_date(text, provenance))
        .or_else(|| parse_date(&dom.text_content(id), provenance))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::metadata::json_ld::json_ld_facts;

    fn date_of(html: &str, url: &str) -> PublishedDate {
        let dom = Dom::parse(html);
        published_date(&dom, &MetaTags::read(&dom), &json_ld_facts(&dom), &[url])
    }

    #[test]
    fn json_ld_beats_meta_beats_time_beats_url() {
        let json_ld = r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-09-01"}</script>"#;
        let meta = r#"<meta property="article:published_time" content="2025-09-02T08:00:00+00:00">"#;
        let time = r#"<header><time datetime="2025-09-03">3 Sep</time></header>"#;
        let url = "https://example.com/2025/09/14/slug";
        let all = format!("{json_ld}{meta}{time}");
        let d = date_of(&all, url);
        assert_eq!(
            (d.date.as_deref(), d.provenance),
            (Some("2025-09-01"), Some(DateProvenance::JsonLd))
        );
        let d = date_of(&format!("{meta}{time}"), url);
        assert_eq!(
            (d.date.as_deref(), d.provenance),
            (Some("2025-09-02"), Some(DateProvenance::Meta))
        );
        let d = date_of(time, url);
        assert_eq!(
            (d.date.as_deref(), d.provenance),
            (Some("2025-09-03"), Some(DateProvenance::TimeElement))
        );
        let d = date_of("<p>nothing</p>", url);
        assert_eq!(
            (d.date.as_deref(), d.provenance),
            (Some("2025-09-14"), Some(DateProvenance::Url))
        );
        assert!(date_of("<p>nothing</p>", "https://example.com/slug").is_unknown());
    }

    #[test]
    fn ignores_teaser_comment_and_modification_times() {
        let html = r#"<article><div class="byline"><time class="updated" datetime="2025-09-09">x</time></div>
            <p>Body</p><div class="related-articles"><header><time datetime="2020-01-01">old</time></header></div>
            <section class="comments"><header><time datetime="2025-09-10">c</time></header></section></article>"#;
        assert!(date_of(html, "https://example.com/a").is_unknown());
    }

    #[test]
    fn reads_microdata_and_text_of_time() {
        let html = r#"<span itemprop="datePublished" content="2025-09-04">Sept. 4</span>"#;
        assert_eq!(date_of(html, "").date.as_deref(), Some("2025-09-04"));
        let html = r#"<div class="article-meta"><time>September 4, 2025</time></div>"#;
        assert_eq!(date_of(html, "").date.as_deref(), Some("2025-09-04"));
    }
}
