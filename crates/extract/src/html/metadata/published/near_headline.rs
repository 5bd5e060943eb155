//! A date printed next to the headline: the first short text that is a
//! full calendar day among the few text nodes just before and after the
//! page's first `<h1>` (blogs and CMS themes print "Dec 17, 2025" there with
//! no markup naming it a date).

use parallax_core::{DatePrecision, DateProvenance, PublishedDate};

use super::super::regions::in_foreign_region;
use crate::dates::parse_date;
use crate::html::dom::{Dom, NodeId};

/// How many nodes after the end of the headline are searched; the byline
/// block sits within this distance, the article body mostly beyond it.
const NODES_AFTER: usize = 60;
/// How many nodes before the headline are searched (kickers and dates above it).
const NODES_BEFORE: usize = 15;
/// Longer texts are sentences, whose dates are about events, not the page.
const MAX_TEXT_CHARS: usize = 50;

/// Words that mark a date as a modification date.
const UPDATE_WORDS: &[&str] = &[
    "updated",
    "modified",
    "edited",
    "revised",
    "aktualisiert",
    "mis à jour",
    "actualizado",
];

/// The first day-precision date near the headline; with `allow_updates`
/// false, dates labelled as updates are skipped.
pub fn date_near_headline(dom: &Dom, allow_updates: bool) -> Option<PublishedDate> {
    let headline = dom.elements_named("h1").find(|&h1| !in_foreign_region(dom, h1))?;
    let start = headline.saturating_sub(NODES_BEFORE);
    let end = (dom.subtree_end(headline) + NODES_AFTER).min(dom.len());
    (start..end)
        .filter(|&id| !(headline..dom.subtree_end(headline)).contains(&id))
        .filter_map(|id| dom.text(id).map(|text| (id, text.trim())))
        .filter(|(_, text)| !text.is_empty() && text.chars().count() <= MAX_TEXT_CHARS)
        .filter(|&(id, _)| !in_foreign_region(dom, id))
        .filter(|&(id, text)| allow_updates || !labelled_as_update(dom, id, text))
        .find_map(|(_, text)| {
            let date = parse_date(text, DateProvenance::Dateline)?;
            (date.precision == Some(DatePrecision::Day)).then_some(date)
        })
}

/// The text itself or the label just before it ("Last updated:" in a
/// sibling element) speaks of an update.
fn labelled_as_update(dom: &Dom, id: NodeId, text: &str) -> bool {
    let mentions_update = |t: &str| {
        let lower = t.to_lowercase();
        UPDATE_WORDS.iter().any(|w| lower.contains(w))
    };
    if mentions_update(text) {
        return true;
    }
    // The label is typically the previous sibling of the date's element.
    let Some(parent) = dom.parent(id) else {
        return false;
    };
    let Some(grandparent) = dom.parent(parent) else {
        return false;
    };
    let siblings = dom.children(grandparent);
    let position = siblings.iter().position(|&s| s == parent);
    position
        .and_then(|p| p.checked_sub(1))
        .and_then(|p| siblings.get(p))
        .is_some_and(|&label| {
            dom.subtree_end(label) - label < 10 && mentions_update(&dom.text_content(label))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(html: &str, allow_updates: bool) -> Option<String> {
        date_near_headline(&Dom::parse(html), allow_updates).and_then(|d| d.date)
    }

    #[test]
    fn reads_a_bare_date_under_the_headline() {
        let html =
            "<h1>Title</h1><div><p>Luke Kim</p><small>December 17, 2025</small></div><p>Body text.</p>";
        assert_eq!(date(html, false).as_deref(), Some("2025-12-17"));
        let html = "<h5>January 23, 2025</h5><h1>Title</h1><p>Body</p>";
        assert_eq!(date(html, false).as_deref(), Some("2025-01-23"));
    }

    #[test]
    fn updates_only_when_allowed_and_far_or_long_dates_never() {
        let html = "<h1>T</h1><div><div>Last updated:</div><div>Dec 12, 2025</div></div>";
        assert_eq!(date(html, false), None);
        assert_eq!(date(html, true).as_deref(), Some("2025-12-12"));
        let far = format!("<h1>T</h1>{}<p>May 1, 2020</p>", "<p>x</p>".repeat(80));
        assert_eq!(date(&far, false), None);
        let sentence =
            "<h1>T</h1><p>On May 1, 2020 the company announced a very long thing to everyone in town.</p>";
        assert_eq!(date(sentence, false), None);
        assert_eq!(date("<p>May 1, 2020</p>", false), None);
    }
}
