//! Named rules that mark an element as not part of the article, from its tag,
//! its attributes (hidden, ARIA roles) or the words in its `class`/`id`.
//!
//! Each rule's name is what `Removed::reason` says when the rule drops
//! visible text, so a reader can see why a piece went missing. Class/id words
//! are matched as whole tokens (`article-share-bar` → `share`), plus a few
//! long, unambiguous stems matched anywhere (`outbrain`, `newsletter`), so
//! that `commentary` or `shared-content` are not mistaken for boilerplate.

use std::borrow::Cow;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use once_cell::sync::Lazy;

use crate::html::dom::{Dom, NodeId};

/// The attributes the rules read, gathered in one pass over the element's
/// attributes (this runs for every element of every page).
#[derive(Default)]
struct RuleAttrs<'a> {
    class: &'a str,
    id: &'a str,
    role: &'a str,
    itemprop: &'a str,
    style: &'a str,
    hidden: bool,
    aria_hidden: bool,
}

fn rule_attrs(dom: &Dom, node: NodeId) -> RuleAttrs<'_> {
    let mut attrs = RuleAttrs::default();
    for (name, value) in dom.attrs(node) {
        match name.as_str() {
            "class" => attrs.class = value,
            "id" => attrs.id = value,
            "role" => attrs.role = value,
            "itemprop" => attrs.itemprop = value,
            "style" => attrs.style = value,
            "hidden" => attrs.hidden = true,
            "aria-hidden" => attrs.aria_hidden = value.eq_ignore_ascii_case("true"),
            _ => {}
        }
    }
    attrs
}

/// Why an element is left out, or `None` when it may hold article text.
pub fn classify(dom: &Dom, id: NodeId) -> Option<&'static str> {
    let name = dom.name(id)?;
    if let Some(rule) = tag_rule(name) {
        return Some(rule);
    }
    let attrs = rule_attrs(dom, id);
    if attrs.hidden || is_hidden_style(attrs.style) {
        return Some("hidden");
    }
    // `aria-hidden` hides from screen readers, not from the eye: the element
    // is left out (ad labels, icons, duplicated text) but under the name its
    // class gives it when it has one, since a reader can see the text.
    let aria_hidden = attrs.aria_hidden.then_some("aria-hidden");
    if let Some(rule) = role_rule(attrs.role).or_else(|| itemprop_rule(attrs.itemprop)) {
        return Some(rule);
    }
    if attrs.class.is_empty() && attrs.id.is_empty() {
        return aria_hidden;
    }
    // The content-marker test only matters when a word rule fires, which is
    // rare: testing it second keeps it off the hot path.
    match words_rule(attrs.class).or_else(|| words_rule(attrs.id)) {
        Some(_) if is_content_marker(attrs.class) || is_content_marker(attrs.id) => aria_hidden,
        rule => rule.or(aria_hidden),
    }
}

fn tag_rule(name: &str) -> Option<&'static str> {
    Some(match name {
        "nav" | "menu" => "nav",
        "footer" => "footer",
        "aside" => "aside",
        "header" => "header",
        "form" | "button" | "select" | "input" | "textarea" | "label" | "option" | "dialog" => {
            "form-controls"
        }
        "figcaption" => "photo-caption",
        _ => return None,
    })
}

fn is_hidden_style(style: &str) -> bool {
    if style.is_empty() {
        return false;
    }
    let compact: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    compact.contains("display:none") || compact.contains("visibility:hidden")
}

/// Lowercase without allocating when the value already is (the usual case).
fn lowercase(value: &str) -> Cow<'_, str> {
    if value.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(value.to_ascii_lowercase())
    } else {
        Cow::Borrowed(value)
    }
}

fn role_rule(role: &str) -> Option<&'static str> {
    if role.is_empty() {
        return None;
    }
    Some(match lowercase(role.trim()).as_ref() {
        "navigation" | "menu" | "menubar" => "nav",
        "contentinfo" => "footer",
        "complementary" => "aside",
        "banner" => "header",
        "dialog" | "alertdialog" => "modal",
        _ => return None,
    })
}

fn itemprop_rule(itemprop: &str) -> Option<&'static str> {
    if itemprop.is_empty() {
        return None;
    }
    let itemprop = lowercase(itemprop);
    if itemprop.contains("author") || itemprop.contains("datepublished") {
        Some("byline")
    } else if itemprop.contains("caption") {
        Some("photo-caption")
    } else {
        None
    }
}

/// Class/id words that name the article body itself: they override a
/// boilerplate word on the same element (`post-content comments-open`).
fn is_content_marker(value: &str) -> bool {
    value.split_ascii_whitespace().any(|class| {
        matches!(
            lowercase(class).as_ref(),
            "article-body"
                | "articlebody"
                | "article-content"
                | "story-body"
                | "story-content"
                | "post-content"
                | "post-body"
                | "entry-content"
                | "article__body"
                | "article-text"
                | "main-content"
                | "content-body"
                | "body-text"
        )
    })
}

fn words_rule(value: &str) -> Option<&'static str> {
    if let Some(rule) = stem_rule(value) {
        return Some(rule);
    }
    for class in value.split_ascii_whitespace() {
        let class = lowercase(class);
        for token in class.split(['-', '_', ':', '.']) {
            if let Some(rule) = token_rule(token) {
                return Some(rule);
            }
        }
    }
    None
}

/// Long stems that are boilerplate wherever they appear in a class name.
const STEMS: &[(&str, &str)] = &[
    ("outbrain", "related-links"),
    ("taboola", "related-links"),
    ("relatedpost", "related-links"),
    ("relatedarticle", "related-links"),
    ("newsletter", "newsletter-promo"),
    ("breadcrumb", "nav"),
    ("socialshar", "share-buttons"),
    ("sharebar", "share-buttons"),
    ("sharetools", "share-buttons"),
    ("addthis", "share-buttons"),
    ("sharethis", "share-buttons"),
    ("advertis", "ad"),
    ("cookie", "cookie-notice"),
    ("paywall", "paywall"),
    ("disqus", "comments"),
    ("sidebar", "sidebar"),
    ("authorbio", "author-bio"),
    ("author-bio", "author-bio"),
    ("author_bio", "author-bio"),
    ("author-box", "author-bio"),
    ("authorbox", "author-bio"),
    ("about-the-author", "author-bio"),
    ("about-author", "author-bio"),
    ("screen-reader", "hidden"),
    ("visually-hidden", "hidden"),
    ("visuallyhidden", "hidden"),
];

static STEM_MATCHER: Lazy<AhoCorasick> = Lazy::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostFirst)
        .build(STEMS.iter().map(|(stem, _)| stem))
        .expect("class stems build an automaton")
});

fn stem_rule(value: &str) -> Option<&'static str> {
    STEM_MATCHER.find(value).map(|m| STEMS[m.pattern().as_usize()].1)
}

fn token_rule(token: &str) -> Option<&'static str> {
    Some(match token {
        "share" | "sharing" | "social" | "socials" | "shares" | "sns" => "share-buttons",
        "related" | "recommended" | "recommendations" | "recirculation" | "recirc" | "trending"
        | "popular" | "mostread" | "most" | "readmore" | "read" | "more" | "also" | "next" | "prev"
        | "previous" => "related-links",
        "subscribe" | "subscription" | "signup" | "optin" | "promo" | "cta" | "promotion" | "membership" => {
            "newsletter-promo"
        }
        "comment" | "comments" | "discussion" | "respond" | "replies" | "reply" => "comments",
        "caption" | "captions" | "credit" | "credits" | "wp-caption-text" => "photo-caption",
        "ad" | "ads" | "adv" | "advert" | "adslot" | "dfp" | "gpt" | "sponsor" | "sponsored" | "banner" => {
            "ad"
        }
        "nav" | "navbar" | "navigation" | "menu" | "breadcrumbs" | "pagination" | "pager" | "skip" => "nav",
        "footer" | "copyright" => "footer",
        "rail" | "aside" => "sidebar",
        "byline" | "author" | "authors" | "dateline" | "timestamp" | "date" | "meta" | "published" => {
            "byline"
        }
        "bio" => "author-bio",
        "tags" | "tag" | "topics" | "categories" | "keywords" => "tags",
        "modal" | "popup" | "overlay" => "modal",
        "gdpr" | "consent" | "cli" | "cmp" => "cookie-notice",
        "sr" => "hidden",
        // Section labels above a headline ("Europe", "Analysis").
        "kicker" => "kicker",
        // A scrolling strip of other headlines ("LIVE: …", "Breaking: …").
        "ticker" | "newsticker" => "news-ticker",
        "print" | "noprint" => "print-only",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule_of(html: &str) -> Option<&'static str> {
        let dom = Dom::parse(html);
        let div = dom.elements_named("div").next().expect("div");
        classify(&dom, div)
    }

    #[test]
    fn class_tokens_name_the_rule() {
        assert_eq!(
            rule_of(r#"<div class="article-share-bar">x</div>"#),
            Some("share-buttons")
        );
        assert_eq!(
            rule_of(r#"<div id="related_stories">x</div>"#),
            Some("related-links")
        );
        assert_eq!(
            rule_of(r#"<div class="NewsletterSignupBox">x</div>"#),
            Some("newsletter-promo")
        );
        assert_eq!(rule_of(r#"<div style="display: none">x</div>"#), Some("hidden"));
    }

    #[test]
    fn look_alike_words_are_not_boilerplate() {
        assert_eq!(rule_of(r#"<div class="commentary shared-content">x</div>"#), None);
        assert_eq!(
            rule_of(r#"<div class="post-content comments-open">x</div>"#),
            None
        );
        assert_eq!(rule_of(r#"<div class="header-image">x</div>"#), None);
    }
}
