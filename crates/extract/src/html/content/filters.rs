//! Precision filters on extracted blocks: lines that are boilerplate by what
//! they say, whatever markup carried them ("Advertisement", "Share this
//! article", "© 2024 …", "Subscribe to continue reading"), and the page's
//! own headline repeated at the top of the body with the kicker labels
//! ("Europe", "Analysis") above it. The same text tests name what a
//! structural rule pruned when the text says more than the markup
//! (a `<aside>` holding a paywall prompt is a `paywall-promo`).

use aho_corasick::{AhoCorasick, AhoCorasickBuilder};
use once_cell::sync::Lazy;
use parallax_core::ParagraphKind;
use regex::Regex;

use super::trail::Trail;

/// Only short blocks are tested: a real paragraph may quote these phrases.
const MAX_BOILERPLATE_CHARS: usize = 160;

static BOILERPLATE_LINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?ix)^(
            advertisement | advertising | advert | sponsored( \s content)? | ad
          | share | share \s (this|the) \s (article|story|post|page)\S* .* | share \s on \s .* | tweet | e-?mail | print
          | follow \s us .* | sign \s up .* | subscribe( \s .*)? | newsletter .*
          | (read|see) \s (more|also) .* | related( \s (articles?|stories|posts|content|coverage))? \s* :? .*
          | more \s (on|from|about) \s .{0,60} | click \s here .* | (view|show|load) \s (more|all) .*
          | \d* \s* comments? | leave \s a \s (comment|reply) .* | skip \s to \s .*
          | (image|photo|picture|video|graphic|illustration) (\s credits?)? \s* : .*
          | (photo|image) \s (by|courtesy) .* | getty \s images .* | ©.* | copyright \s .* | all \s rights \s reserved .*
          | listen \s to \s (this|the) \s (article|story) .* | \d+ \s min(ute)?s? \s read
          | (updated|published|posted) (\s on)? \s* :? \s* .{0,40}
        )$",
    )
    .expect("boilerplate-line pattern is valid")
});

// Word boundaries are ASCII (`(?-u:\b)`): the prompts are English, and a
// Unicode `\b` keeps the regex crate off its fast DFA on non-ASCII text.
static PAYWALL_PROMPT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)(subscribe|subscription|sign in|log in|register|create a free account)(?-u:\b).{0,60}(?-u:\b)(to continue|continue reading|to read|keep reading|full (article|story)|unlimited access)|already a (paid )?subscriber|this (article|content|story) is (only )?(available|reserved|exclusive) (to|for) (subscribers|members)|you have reached your (free )?(article )?limit",
    )
    .expect("paywall-prompt pattern is valid")
});

/// Words a boilerplate line can start with: a cheap gate in front of the
/// regex, which is slow on the many blocks that cannot match.
const BOILERPLATE_FIRST_WORDS: &[&str] = &[
    "advertisement",
    "advertising",
    "advert",
    "sponsored",
    "ad",
    "share",
    "tweet",
    "email",
    "e",
    "print",
    "follow",
    "sign",
    "subscribe",
    "newsletter",
    "read",
    "see",
    "related",
    "more",
    "click",
    "view",
    "show",
    "load",
    "comment",
    "comments",
    "leave",
    "skip",
    "image",
    "photo",
    "picture",
    "video",
    "graphic",
    "illustration",
    "getty",
    "copyright",
    "all",
    "listen",
    "updated",
    "published",
    "posted",
];

fn may_be_boilerplate_line(text: &str) -> bool {
    let first: String = text
        .chars()
        .take_while(|c| c.is_alphabetic())
        .take(16)
        .collect::<String>()
        .to_lowercase();
    text.starts_with(|c: char| c.is_ascii_digit() || c == '©')
        || BOILERPLATE_FIRST_WORDS.contains(&first.as_str())
}

static AD_LABEL: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(advertisement|advertising|advert|ad|sponsored( content)?)$")
        .expect("ad-label pattern is valid")
});

/// The reason for an advertising label, named as the text extractor names it.
const ADVERTISEMENT: &str = "advertisement";

/// A kicker or section label: a few words, not a sentence.
const MAX_LABEL_WORDS: usize = 4;
/// … and not more characters than a label has.
const MAX_LABEL_CHARS: usize = 40;

/// The name to record for text a structural rule pruned: what the text
/// itself is, when that is more telling than the markup around it.
pub fn removal_reason(rule: &'static str, text: &str) -> &'static str {
    if rule != "paywall-promo" && is_paywall_prompt(text) {
        "paywall-promo"
    } else if is_sign_in_prompt(text) {
        "sign-in-prompt"
    } else if is_ad_label(text) {
        ADVERTISEMENT
    } else {
        rule
    }
}

fn is_ad_label(text: &str) -> bool {
    text.len() <= 20 && AD_LABEL.is_match(text)
}

/// The words by which a paywall prompt says the reading stops here, as
/// opposed to a subscription pitch ("Subscribe for unlimited access").
static READING_STOPS: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)continue|keep reading|to read|full (article|story)|already a (paid )?subscriber|(available|reserved|exclusive) (to|for) (paid )?(subscribers|members)|(?-u:\b)limit(?-u:\b)",
    )
    .expect("reading-stops pattern is valid")
});

/// True when a paywall prompt says the text stops here for non-subscribers.
pub fn is_reading_wall(text: &str) -> bool {
    is_paywall_prompt(text) && READING_STOPS.is_match(text)
}

/// Words every paywall prompt contains one of: a cheap gate in front of the
/// regex, matched without allocating a lowercase copy.
static PAYWALL_CUES: Lazy<AhoCorasick> = Lazy::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build([
            "subscri", "sign in", "log in", "regist", "account", "member", "limit",
        ])
        .expect("paywall cues build an automaton")
});

/// True when a text is a paywall or registration prompt.
pub fn is_paywall_prompt(text: &str) -> bool {
    text.len() <= 2 * MAX_BOILERPLATE_CHARS && PAYWALL_CUES.is_match(text) && PAYWALL_PROMPT.is_match(text)
}

static SIGN_IN_CUE: Lazy<AhoCorasick> = Lazy::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build(["already have an account"])
        .expect("sign-in cue builds an automaton")
});

/// Sign-in and registration prompts ("Already have an account? Log in"):
/// boilerplate, but not a paywall — they sit under comment threads and in
/// the login forms of free pages.
fn is_sign_in_prompt(text: &str) -> bool {
    text.len() <= 2 * MAX_BOILERPLATE_CHARS && SIGN_IN_CUE.is_match(text)
}

/// Drops boilerplate lines, paywall and sign-in prompts from the kept blocks.
pub fn drop_boilerplate_lines(trail: &mut Trail) {
    for piece in trail.pieces.iter_mut().filter(|p| p.is_kept()) {
        let text = piece.block.text.as_str();
        piece.dropped = if is_paywall_prompt(text) {
            Some("paywall-promo")
        } else if is_sign_in_prompt(text) {
            Some("sign-in-prompt")
        } else if text.len() <= MAX_BOILERPLATE_CHARS
            && may_be_boilerplate_line(text)
            && BOILERPLATE_LINE.is_match(text)
        {
            Some(if is_ad_label(text) {
                ADVERTISEMENT
            } else {
                "boilerplate-line"
            })
        } else {
            None
        };
    }
}

/// Drops the heading that repeats the page title (the headline: metadata
/// carries it, the body must not) when it comes before the first paragraph
/// of running text, and the short labels above it (kickers such as
/// "Europe" or "Analysis").
pub fn drop_headline(trail: &mut Trail, title: Option<&str>) {
    let Some(title) = title.map(comparable).filter(|t| !t.is_empty()) else {
        return;
    };
    let mut labels: Vec<usize> = Vec::new();
    let mut headline = None;
    for (index, piece) in trail.pieces.iter().enumerate() {
        if !piece.is_kept() {
            continue;
        }
        let block = &piece.block;
        let heading = comparable(&block.text);
        let repeats_title = block.kind == ParagraphKind::Heading
            && !heading.is_empty()
            && (title.contains(&heading) || heading.contains(&title));
        if repeats_title {
            headline = Some(index);
            break;
        }
        if is_label(&block.text) {
            labels.push(index);
        } else if block.kind == ParagraphKind::Paragraph {
            // Running text has started: a heading after it is part of the article.
            return;
        }
    }
    let Some(headline) = headline else { return };
    trail.pieces[headline].dropped = Some("headline");
    for label in labels {
        trail.pieces[label].dropped = Some("kicker");
    }
}

/// A kicker-like label: a few words that do not make a sentence.
fn is_label(text: &str) -> bool {
    text.len() <= MAX_LABEL_CHARS
        && text.split_whitespace().count() <= MAX_LABEL_WORDS
        && !text.ends_with(['.', '!', '?'])
}

/// Lowercase letters and digits only, single-spaced.
fn comparable(text: &str) -> String {
    let mapped: String = text
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::blocks::Block;

    fn trail_of(blocks: Vec<Block>) -> Trail {
        let mut trail = Trail::default();
        for (node, block) in blocks.into_iter().enumerate() {
            trail.keep(Some(node), block);
        }
        trail
    }

    fn dropped(trail: &Trail) -> Vec<(&str, &str)> {
        trail
            .pieces
            .iter()
            .filter_map(|p| Some((p.block.text.as_str(), p.dropped?)))
            .collect()
    }

    #[test]
    fn boilerplate_lines_go_and_prose_stays() {
        let mut trail = trail_of(vec![
            Block::paragraph("Advertisement"),
            Block::paragraph("Share this article"),
            Block::paragraph("Read more: Kyiv braces for winter"),
            Block::paragraph("Officials said they would share more details on Monday."),
            Block::paragraph("Subscribe to continue reading this story."),
            Block::paragraph("Already have an account? Log in to join the conversation."),
        ]);
        drop_boilerplate_lines(&mut trail);
        assert_eq!(trail.kept().count(), 1);
        assert_eq!(
            dropped(&trail),
            [
                ("Advertisement", "advertisement"),
                ("Share this article", "boilerplate-line"),
                ("Read more: Kyiv braces for winter", "boilerplate-line"),
                ("Subscribe to continue reading this story.", "paywall-promo"),
                (
                    "Already have an account? Log in to join the conversation.",
                    "sign-in-prompt"
                ),
            ]
        );
    }

    #[test]
    fn headline_is_dropped_only_when_it_repeats_the_title() {
        let mut trail = trail_of(vec![
            Block::heading("Talks in Istanbul"),
            Block::paragraph("Body."),
        ]);
        drop_headline(&mut trail, Some("Talks in Istanbul | Example News"));
        assert_eq!(dropped(&trail), [("Talks in Istanbul", "headline")]);
        let mut trail = trail_of(vec![Block::heading("Background"), Block::paragraph("Body.")]);
        drop_headline(&mut trail, Some("Talks in Istanbul"));
        assert!(dropped(&trail).is_empty());
    }

    #[test]
    fn kicker_labels_above_the_headline_go_with_it() {
        let mut trail = trail_of(vec![
            Block::paragraph("Europe"),
            Block::heading("Talks in Istanbul"),
            Block::paragraph("Talks resumed on Monday in Istanbul, officials said."),
        ]);
        drop_headline(&mut trail, Some("Talks in Istanbul"));
        assert_eq!(
            dropped(&trail),
            [("Europe", "kicker"), ("Talks in Istanbul", "headline")]
        );
    }

    #[test]
    fn a_short_line_after_running_text_is_not_a_kicker() {
        // The label comes after the article has started, and the later
        // heading that happens to repeat the title is part of the article.
        let mut trail = trail_of(vec![
            Block::paragraph("Talks resumed on Monday in Istanbul, officials said."),
            Block::paragraph("In brief"),
            Block::heading("Talks in Istanbul"),
        ]);
        drop_headline(&mut trail, Some("Talks in Istanbul"));
        assert!(dropped(&trail).is_empty());
    }

    #[test]
    fn pruned_text_is_named_by_what_it_says() {
        assert_eq!(
            removal_reason(
                "aside",
                "Subscribe to continue reading. Already a subscriber? Log in"
            ),
            "paywall-promo"
        );
        assert_eq!(
            removal_reason("newsletter-promo", "Advertisement"),
            "advertisement"
        );
        assert_eq!(removal_reason("aside", "Most read: Ports reopen"), "aside");
    }

    #[test]
    fn a_subscription_pitch_is_a_promo_but_not_a_reading_wall() {
        let pitch = "Enjoying the Kestrel Times? Subscribe for unlimited access from £2 a month.";
        assert!(is_paywall_prompt(pitch) && !is_reading_wall(pitch));
        assert!(is_reading_wall("Subscribe to continue reading this article."));
        assert!(is_reading_wall(
            "This post is for paid subscribers. Already a paid subscriber? Sign in"
        ));
    }
}
