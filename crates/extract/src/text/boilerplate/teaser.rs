//! `teaser`: another article's headline and opening pasted after the
//! article, cut off mid-sentence where the teaser card ended ("… said that
//! 26 countri"). Recognised at the end of the page only: a headline line
//! followed by a paragraph that does not finish its sentence, with nothing
//! of the article after it.
//!
//! The headline must be longer than a sub-heading (a short heading above a
//! truncated last paragraph is the article's own; that case is flagged
//! truncated instead of removed). A teaser card under an "Up next" or
//! "Read more" header has lost its headline to the related-links rule
//! already; the cut-off text directly under it is the rest of the card.

use super::{related, Page};
use crate::text::shape;

/// Rule name for pasted teasers.
pub const RULE: &str = "teaser";

/// A teaser headline has at least this many words; sub-headings are shorter.
const MIN_TEASER_HEADLINE_WORDS: usize = 6;
/// A teaser's text is a real paragraph, at least this many words.
const MIN_TEASER_TEXT_WORDS: usize = 15;

/// Removes a cut-off teaser at the end of the page.
pub fn remove_teasers(page: &mut Page) {
    let open = page.open_lines();
    let [.., before, text] = open[..] else {
        return;
    };
    let linked_headline = text
        .checked_sub(1)
        .filter(|&above| page.removal(above) == Some(related::RULE) && is_teaser_headline(page, above));
    if let Some(_headline) = linked_headline {
        if is_cut_off_text(page, text) {
            page.remove(text, RULE);
        }
        return;
    }
    // The teaser follows the article: the headline must not be the first
    // thing on the page.
    if open.len() >= 3 && is_teaser_headline(page, before) && is_cut_off_text(page, text) {
        page.remove(before, RULE);
        page.remove(text, RULE);
    }
}

/// A headline longer than a sub-heading.
fn is_teaser_headline(page: &Page, i: usize) -> bool {
    let text = page.text(i);
    shape::is_headline_like(text)
        && !shape::is_prose(text)
        && page.line(i).word_count() >= MIN_TEASER_HEADLINE_WORDS
}

/// A paragraph-long text cut off where a card would clip it.
fn is_cut_off_text(page: &Page, i: usize) -> bool {
    let text = page.text(i);
    page.line(i).word_count() >= MIN_TEASER_TEXT_WORDS
        && !shape::ends_sentence(text)
        && !text.trim_end().ends_with([':', ','])
        && ends_mid_word_or_sentence(text)
}

/// The text stops where a card would clip it: on a letter or digit.
fn ends_mid_word_or_sentence(text: &str) -> bool {
    text.trim_end().chars().last().is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{reason_for, run};

    const BODY: &str = "The river burst its banks on Sunday, flooding dozens of homes, officials said.\n\n\
        The water receded overnight, the environment agency said on Monday.";

    #[test]
    fn removes_a_cut_off_teaser_at_the_end() {
        let headline = "Why the town's new flood barrier was never finished";
        let teaser =
            "Work on the barrier stopped in 2019 when the contractor went bankrupt, and the council \
            has since spent more than two million on stud";
        let (_, verdicts) = run(&format!("{BODY}\n\n{headline}\n{teaser}"));
        assert_eq!(reason_for(&verdicts, headline), Some("teaser"));
        assert_eq!(reason_for(&verdicts, teaser), Some("teaser"));
    }

    #[test]
    fn removes_the_cut_off_text_of_a_card_under_an_up_next_header() {
        let headline = "Why the town's new flood barrier was never finished";
        let teaser = "Work on the barrier stopped in 2019 when the contractor went bankrupt, and the \
            council has since spent more than two million pounds on consultants, lawyers and the";
        let (_, verdicts) = run(&format!("{BODY}\n\nUp next\n{headline}\n{teaser}\nRead more"));
        assert_eq!(reason_for(&verdicts, headline), Some("related-links"));
        assert_eq!(reason_for(&verdicts, teaser), Some("teaser"));
    }

    #[test]
    fn keeps_a_finished_paragraph_under_a_related_block() {
        let last = "The council said rebuilding would take at least two years, and that it would \
            ask the government for help with the cost of the new barrier.";
        let text = format!("{BODY}\n\nRelated\nWhy the town's new flood barrier was never finished\n{last}");
        let (_, verdicts) = run(&text);
        assert_eq!(reason_for(&verdicts, last), None);
    }

    #[test]
    fn keeps_a_subheading_and_a_finished_last_paragraph() {
        let heading = "Rebuilding the town centre after the flood";
        let last = "The council said rebuilding would take at least two years and cost millions.";
        let (_, verdicts) = run(&format!("{BODY}\n\n{heading}\n\n{last}"));
        assert_eq!(reason_for(&verdicts, heading), None);
        assert_eq!(reason_for(&verdicts, last), None);
    }
}
