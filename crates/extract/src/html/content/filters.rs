//! Precision filters on extracted blocks: lines that are boilerplate by what
//! they say, whatever markup carried them ("Advertisement", "Share this
//! article", "© 2024 …", "Subscribe to continue reading"), and the page's
//! own headline repeated at the top of the body.

use once_cell::sync::Lazy;
use parallax_core::{ParagraphKind, Removed};
use regex::Regex;

use crate::blocks::Block;

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

static PAYWALL_PROMPT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)(subscribe|subscription|sign in|log in|register|create a free account)\b.{0,60}\b(to continue|continue reading|to read|keep reading|full (article|story)|unlimited access)|already (a subscriber|have an account)|this (article|content|story) is (only )?(available|reserved|exclusive) (to|for) (subscribers|members)|you have reached your (free )?(article )?limit",
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

/// True when a text is a paywall or registration prompt.
pub fn is_paywall_prompt(text: &str) -> bool {
    if text.len() > 2 * MAX_BOILERPLATE_CHARS {
        return false;
    }
    let lower = text.to_lowercase();
    let has_cue = [
        "subscri", "sign in", "log in", "regist", "account", "member", "limit",
    ]
    .iter()
    .any(|cue| lower.contains(cue));
    has_cue && PAYWALL_PROMPT.is_match(text)
}

/// Drops boilerplate lines and paywall prompts, recording each.
pub fn drop_boilerplate_lines(blocks: &mut Vec<Block>, removed: &mut Vec<Removed>) {
    blocks.retain(|block| {
        let reason = if is_paywall_prompt(&block.text) {
            Some("paywall-promo")
        } else if block.text.len() <= MAX_BOILERPLATE_CHARS
            && may_be_boilerplate_line(&block.text)
            && BOILERPLATE_LINE.is_match(&block.text)
        {
            Some("boilerplate-line")
        } else {
            None
        };
        if let Some(reason) = reason {
            removed.push(Removed::new(block.text.clone(), reason));
        }
        reason.is_none()
    });
}

/// Drops headings before the first paragraph that repeat the page title
/// (the headline: metadata carries it, the body must not).
pub fn drop_headline(blocks: &mut Vec<Block>, removed: &mut Vec<Removed>, title: Option<&str>) {
    let Some(title) = title.map(comparable).filter(|t| !t.is_empty()) else {
        return;
    };
    let mut index = 0;
    while index < blocks.len() && blocks[index].kind != ParagraphKind::Paragraph {
        let heading = comparable(&blocks[index].text);
        let repeats_title = blocks[index].kind == ParagraphKind::Heading
            && !heading.is_empty()
            && (title.contains(&heading) || heading.contains(&title));
        if repeats_title {
            let block = blocks.remove(index);
            removed.push(Removed::new(block.text, "headline"));
            return;
        }
        index += 1;
    }
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

    #[test]
    fn boilerplate_lines_go_and_prose_stays() {
        let mut blocks = vec![
            Block::paragraph("Advertisement"),
            Block::paragraph("Share this article"),
            Block::paragraph("Read more: Kyiv braces for winter"),
            Block::paragraph("Officials said they would share more details on Monday."),
            Block::paragraph("Subscribe to continue reading this story."),
        ];
        let mut removed = Vec::new();
        drop_boilerplate_lines(&mut blocks, &mut removed);
        assert_eq!(blocks.len(), 1);
        assert_eq!(removed.len(), 4);
        assert_eq!(removed[3].reason, "paywall-promo");
    }

    #[test]
    fn headline_is_dropped_only_when_it_repeats_the_title() {
        let mut blocks = vec![Block::heading("Talks in Istanbul"), Block::paragraph("Body.")];
        let mut removed = Vec::new();
        drop_headline(
            &mut blocks,
            &mut removed,
            Some("Talks in Istanbul | Example News"),
        );
        assert_eq!(blocks.len(), 1);
        assert_eq!(removed[0].reason, "headline");
        let mut blocks = vec![Block::heading("Background"), Block::paragraph("Body.")];
        drop_headline(&mut blocks, &mut removed, Some("Talks in Istanbul"));
        assert_eq!(blocks.len(), 2);
    }
}
