//! `related-links`: blocks of links to other articles. A header from the
//! lexicon ("Related Stories", "Read more", "More on this") is removed with
//! the run of headline lines after it; the run stops at the first line that
//! reads as an article paragraph. Headlines may ask a question ("What was
//! the grain deal and why did it collapse?"): a short one-sentence line
//! ending in `?` or `!` belongs to the run although it ends like a sentence.
//! Inline forms ("Read more: <headline>") are removed as single lines.

use once_cell::sync::Lazy;
use regex::Regex;

use super::lexicon::{classify, Section};
use super::Page;
use crate::text::shape;

/// Rule name for related-link blocks (also used by the list widget).
pub const RULE: &str = "related-links";

/// A headline this short that is followed by a paragraph is more likely a
/// sub-heading of the article than the last link of the block: kept.
const MAX_SUBHEADING_WORDS: usize = 5;
/// A question or exclamation this long or longer is a paragraph, not a
/// linked headline.
const MAX_QUESTION_HEADLINE_WORDS: usize = 16;

/// "Read more: <headline>", "RELATED: <headline>", "See also | <headline>".
static INLINE_LINK: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:read more|read also|also read|related|see also|more|watch|listen)\s*[:|»›>]\s*(?P<headline>\S.*)$")
        .expect("inline link pattern is valid")
});

/// Removes related-link headers with their headlines, and inline links.
pub fn remove_related_blocks(page: &mut Page) {
    for i in 0..page.len() {
        if !page.is_open(i) {
            continue;
        }
        if classify(page.text(i)) == Some(Section::RelatedLinks) {
            remove_block(page, i);
        } else if is_inline_link(page.text(i)) {
            page.remove(i, RULE);
        }
    }
}

fn is_inline_link(text: &str) -> bool {
    INLINE_LINK
        .captures(text)
        .and_then(|caps| caps.name("headline"))
        .is_some_and(|headline| shape::is_headline_like(headline.as_str()))
}

/// A line of a related-links run: headline-shaped, and either not prose or
/// a short single-sentence question or exclamation.
fn is_linked_headline(text: &str) -> bool {
    if !shape::is_headline_like(text) {
        return false;
    }
    let single_sentence = !text.contains(". ") && !text.contains("? ") && !text.contains("! ");
    !shape::is_prose(text)
        || (single_sentence && text.split_whitespace().count() < MAX_QUESTION_HEADLINE_WORDS)
}

/// Removes the header at `header` and the headlines after it. A header that
/// directly precedes a paragraph is left alone: it may be a sub-heading that
/// happens to be worded like one ("Latest").
fn remove_block(page: &mut Page, header: usize) {
    let next = page.next_open(header);
    if next.is_some_and(|n| shape::is_prose(page.text(n))) {
        return;
    }
    page.remove(header, RULE);
    let mut cursor = next;
    while let Some(i) = cursor {
        if !is_linked_headline(page.text(i)) {
            break;
        }
        let next = page.next_open(i);
        let precedes_paragraph = next.is_some_and(|n| shape::is_prose(page.text(n)));
        if precedes_paragraph && page.line(i).word_count() <= MAX_SUBHEADING_WORDS {
            break;
        }
        page.remove(i, RULE);
        cursor = next;
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{reason_for, run};

    #[test]
    fn removes_header_and_headlines_at_the_end() {
        let text = "The bridge will close for repairs in May, the council said.\n\
            Related Stories\n\
            Council approves budget for new library\n\
            ‘We were not warned’: residents protest road closure\n\
            Local team wins regional final";
        let (_, verdicts) = run(text);
        assert_eq!(reason_for(&verdicts, "Related Stories"), Some("related-links"));
        assert_eq!(
            reason_for(&verdicts, "Local team wins regional final"),
            Some("related-links")
        );
        assert_eq!(
            reason_for(&verdicts, "‘We were not warned’: residents protest road closure"),
            Some("related-links")
        );
    }

    #[test]
    fn stops_at_the_first_paragraph_and_keeps_a_subheading() {
        let text = "The bridge will close for repairs in May, the council said.\n\
            Read more\n\
            Council approves budget for new library\n\
            Traffic plans\n\
            Drivers will be diverted through the town centre, officials said.";
        let (_, verdicts) = run(text);
        assert_eq!(
            reason_for(&verdicts, "Council approves budget for new library"),
            Some("related-links")
        );
        assert_eq!(reason_for(&verdicts, "Traffic plans"), None);
        assert_eq!(
            reason_for(
                &verdicts,
                "Drivers will be diverted through the town centre, officials said."
            ),
            None
        );
    }

    #[test]
    fn question_headlines_stay_in_the_run_and_a_question_paragraph_ends_it() {
        let text = "The bridge will close for repairs in May, the council said.\n\
            More on this story\n\
            Council approves budget for new library\n\
            Why did the old bridge fail so quickly?\n\
            Explainer: who pays for the town's roads\n\
            Why would a council that has spent years promising residents a new bridge now say that it cannot afford one?\n\
            Drivers will be diverted through the town centre, officials said.";
        let (_, verdicts) = run(text);
        for headline in [
            "Why did the old bridge fail so quickly?",
            "Explainer: who pays for the town's roads",
        ] {
            assert_eq!(
                reason_for(&verdicts, headline),
                Some("related-links"),
                "{headline}"
            );
        }
        assert_eq!(
            reason_for(
                &verdicts,
                "Why would a council that has spent years promising residents a new bridge now say that it \
                 cannot afford one?"
            ),
            None
        );
    }

    #[test]
    fn keeps_a_subheading_worded_like_a_header() {
        let text = "The bridge will close for repairs in May, the council said.\n\
            Latest\n\
            The council will publish diversion maps on its website next week.";
        let (_, verdicts) = run(text);
        assert_eq!(reason_for(&verdicts, "Latest"), None);
    }

    #[test]
    fn removes_inline_read_more_links() {
        let text = "Read more: Council approves budget for new library\n\n\
            The bridge will close for repairs in May, the council said.";
        let (_, verdicts) = run(text);
        assert_eq!(verdicts[0].1, Some("related-links"));
        assert_eq!(verdicts[1].1, None);
    }
}
