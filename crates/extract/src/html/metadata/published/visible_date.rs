//! A publication date shown on the page in an element labelled as a date
//! ("post-date", "article__date", "entry-meta", a bare `<time>`): the text a
//! reader sees under the headline ("By Jane Doe • March 12, 2025",
//! "Published on 4 September 2025"). Dates labelled as updates, and dates in
//! teasers, comments and captions, are skipped.

use parallax_core::{DatePrecision, DateProvenance, PublishedDate};

use super::super::regions::in_foreign_region;
use super::{date_of_element, is_modification};
use crate::dates::parse_date;
use crate::html::dom::{Dom, NodeId};

/// Class/id fragments of elements that show a date.
const DATE_LABELS: &[&str] = &[
    "date",
    "time",
    "publish",
    "posted",
    "dateline",
    "byline",
    "meta",
    "post-info",
];

/// Larger elements are containers, not date labels.
const MAX_SUBTREE_NODES: usize = 40;
const MAX_TEXT_CHARS: usize = 100;

/// Words that open a modification date ("Updated: Dec 9, 2025").
const UPDATE_OPENERS: &[&str] = &[
    "updated",
    "last updated",
    "modified",
    "last modified",
    "edited",
    "revised",
];

/// The first labelled day-precision date on the page, as a dateline.
pub fn labelled_date(dom: &Dom) -> Option<PublishedDate> {
    (0..dom.len())
        .filter(|&id| is_date_label(dom, id))
        .filter(|&id| dom.subtree_end(id).saturating_sub(id) <= MAX_SUBTREE_NODES)
        .filter(|&id| !in_foreign_region(dom, id) && !is_modification(dom, id))
        .find_map(|id| day_shown_by(dom, id))
}

fn is_date_label(dom: &Dom, id: NodeId) -> bool {
    match dom.name(id) {
        Some("time") => true,
        Some("script" | "style" | "head" | "meta" | "link" | "html" | "body" | "title") | None => false,
        Some(_) => ["class", "id"]
            .iter()
            .filter_map(|a| dom.attr(id, a))
            .any(|value| {
                let value = value.to_ascii_lowercase();
                DATE_LABELS.iter().any(|label| value.contains(label))
            }),
    }
}

fn day_shown_by(dom: &Dom, id: NodeId) -> Option<PublishedDate> {
    let text = dom.text_content(id);
    if text.chars().count() > MAX_TEXT_CHARS {
        return None;
    }
    let lower = text.to_lowercase();
    if UPDATE_OPENERS.iter().any(|opener| lower.starts_with(opener)) {
        return None;
    }
    let date = if dom.name(id) == Some("time") {
        date_of_element(dom, id, DateProvenance::Dateline)
    } else {
        parse_date(&text, DateProvenance::Dateline)
    }?;
    (date.precision == Some(DatePrecision::Day)).then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(html: &str) -> Option<String> {
        labelled_date(&Dom::parse(html)).and_then(|d| d.date)
    }

    #[test]
    fn reads_dates_under_the_headline() {
        assert_eq!(date(r#"<h1>T</h1><div class="post-byline-date">By Jane Doe &bull; <span>March 12, 2025</span></div>"#).as_deref(), Some("2025-03-12"));
        assert_eq!(
            date(r#"<span class="entry-meta">Posted on 4 September 2025</span>"#).as_deref(),
            Some("2025-09-04")
        );
        assert_eq!(
            date(r#"<p><time>Dec 19, 2025</time></p>"#).as_deref(),
            Some("2025-12-19")
        );
    }

    #[test]
    fn skips_updates_teasers_and_dates_without_year() {
        assert_eq!(
            date(r#"<p class="post-date">Updated: December 09, 2025</p>"#),
            None
        );
        assert_eq!(date(r#"<p class="date-modified">December 09, 2025</p>"#), None);
        assert_eq!(
            date(r#"<div class="related"><span class="date">May 1, 2020</span></div>"#),
            None
        );
        assert_eq!(date(r#"<span class="date">Sept. 5</span>"#), None);
        assert_eq!(date(r#"<span class="date">September 2025</span>"#), None);
    }
}
