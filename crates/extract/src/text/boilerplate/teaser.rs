//! `teaser`: another article's headline and opening pasted after the
//! article, cut off mid-sentence where the teaser card ended ("… said that
//! 26 countri"). Recognised at the end of the page only: a headline line
//! followed by a paragraph that does not finish its sentence, with nothing
//! of the article after it.
//!
//! The headline must be longer than a sub-heading (a short heading above a
//! truncated last paragraph is the article's own; that case is flagged
//! truncated instead of removed).

use super::Page;
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
    let [.., headline, text] = open[..] else {
        return;
    };
    // The teaser follows the article: the headline must not be the first
    // thing on the page.
    if open.len() < 3 {
        return;
    }
    let headline_text = page.text(headline);
    let teaser_text = page.text(text);
    let looks_like_teaser = shape::is_headline_like(headline_text)
        && !shape::is_prose(headline_text)
        && page.line(headline).word_count() >= MIN_TEASER_HEADLINE_WORDS
        && page.line(text).word_count() >= MIN_TEASER_TEXT_WORDS
        && !shape::ends_sentence(teaser_text)
        && !teaser_text.trim_end().ends_with([':', ','])
        && ends_mid_word_or_sentence(teaser_text);
    if looks_like_teaser {
        page.remove(headline, RULE);
        page.remove(text, RULE);
    }
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
    fn keeps_a_subheading_and_a_finished_last_paragraph() {
        let heading = "Rebuilding the town centre after the flood";
        let last = "The council said rebuilding would take at least two years and cost millions.";
        let (_, verdicts) = run(&format!("{BODY}\n\n{heading}\n\n{last}"));
        assert_eq!(reason_for(&verdicts, heading), None);
        assert_eq!(reason_for(&verdicts, last), None);
    }
}
