//! Main-content extraction on small hand-written pages.

use parallax_core::{Flag, ParagraphKind};
use proptest::prelude::*;

use super::main_content;
use crate::html::dom::Dom;

const PROSE_A: &str = "Kyiv’s air force said on Wednesday that Russia had launched dozens of drones overnight, most of them shot down over the capital region.";
const PROSE_B: &str = "Officials in Istanbul said the next round of talks would take place within weeks, although neither delegation confirmed a date.";
const PROSE_C: &str = "The invitation, delivered through intermediaries, was the first direct offer of a summit since the talks stalled in the spring.";

fn page(article: &str, extra: &str) -> String {
    format!(
        r#"<html><head><title>Talks resume in Istanbul | Example News</title></head><body>
        <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
        <div class="layout">{article}</div>{extra}
        <footer><p>© 2025 Example News. All rights reserved. Contact us for licensing of any of our content.</p></footer>
        </body></html>"#
    )
}

fn texts(html: &str) -> Vec<String> {
    main_content(&Dom::parse(html))
        .blocks
        .into_iter()
        .map(|b| b.text)
        .collect()
}

#[test]
fn keeps_paragraphs_and_subheadings_in_order() {
    let html = page(
        &format!("<article><h1>Talks resume in Istanbul</h1><p>{PROSE_A}</p><h2>Frontline attacks</h2><p>{PROSE_B}</p><p>{PROSE_C}</p></article>"),
        "",
    );
    let content = main_content(&Dom::parse(&html));
    let kinds: Vec<_> = content.blocks.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [
            ParagraphKind::Paragraph,
            ParagraphKind::Heading,
            ParagraphKind::Paragraph,
            ParagraphKind::Paragraph
        ]
    );
    assert_eq!(content.blocks[0].text, PROSE_A);
    assert!(content.removed.iter().any(|r| r.reason == "headline"));
}

#[test]
fn drops_boilerplate_inside_the_article_with_named_rules() {
    let html = page(
        &format!(
            r#"<article><p>{PROSE_A}</p>
            <div class="social-share"><a href="/share">Share on X</a> <a href="/share">Share on Facebook</a></div>
            <figure><img src="a.jpg"><figcaption>Smoke rises over Kyiv on Wednesday.</figcaption></figure>
            <p>{PROSE_B}</p>
            <div class="newsletter-signup"><p>Get our morning briefing in your inbox every day, free of charge.</p></div>
            <p>{PROSE_C}</p>
            <div class="related-stories"><h3>Related</h3><ul><li><a href="/a">Talks stall again in Geneva</a></li><li><a href="/b">Strikes hit Kharkiv overnight</a></li></ul></div>
            </article>
            <section id="comments"><p>What a great article, I completely agree with every single word of it, well done.</p></section>"#
        ),
        "",
    );
    let content = main_content(&Dom::parse(&html));
    let kept: Vec<&str> = content.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(kept, [PROSE_A, PROSE_B, PROSE_C]);
    let reasons: Vec<&str> = content.removed.iter().map(|r| r.reason.as_str()).collect();
    for rule in [
        "share-buttons",
        "photo-caption",
        "newsletter-promo",
        "related-links",
    ] {
        assert!(reasons.contains(&rule), "{rule} missing from {reasons:?}");
    }
}

#[test]
fn leaves_out_teaser_cards_beside_the_article() {
    let teaser = |n: u32| {
        format!(
            r#"<li><h3><a href="/s{n}">Another story number {n}</a></h3><p>An excerpt of another story that is long enough to look like prose on its own.</p></li>"#
        )
    };
    let cards: String = (0..6).map(teaser).collect();
    let html = page(
        &format!("<div class=body><p>{PROSE_A}</p><p>{PROSE_B}</p><p>{PROSE_C}</p></div><ul>{cards}</ul>"),
        "",
    );
    assert_eq!(texts(&html), [PROSE_A, PROSE_B, PROSE_C]);
}

#[test]
fn an_unclosed_wrapper_rule_does_not_swallow_the_article() {
    // `l-sidebar-fixed` names a layout, not a sidebar: the element holds the article.
    let html = page(
        &format!(r#"<div class="l-sidebar-fixed"><p>{PROSE_A}</p><p>{PROSE_B}</p></div>"#),
        "",
    );
    assert_eq!(texts(&html), [PROSE_A, PROSE_B]);
}

#[test]
fn flags_a_paywall_and_a_cut_off_body() {
    let html = format!(
        r#"<script type="application/ld+json">{{"@type":"NewsArticle","isAccessibleForFree":false}}</script>
        <article><p>{PROSE_A}</p><p>The minister said that the delegation would</p>
        <div class="paywall"><p>Subscribe to continue reading this article.</p></div></article>"#
    );
    let content = main_content(&Dom::parse(&html));
    assert!(content.flags.contains(&Flag::Paywalled));
    assert!(content.flags.contains(&Flag::Truncated));
    let free = main_content(&Dom::parse(&page(&format!("<p>{PROSE_A}</p>"), "")));
    assert!(free.flags.is_empty());
}

#[test]
fn prefers_json_ld_body_when_the_dom_misses_the_article() {
    let body: String = (0..30)
        .map(|i| format!("Sentence number {i} of the article body. "))
        .collect();
    let html = format!(
        r#"<script type="application/ld+json">{{"articleBody":"{body}"}}</script><div id=app><p>Loading the article now, please wait a moment.</p></div>"#
    );
    let content = main_content(&Dom::parse(&html));
    assert_eq!(content.blocks.len(), 1);
    assert!(content.blocks[0].text.starts_with("Sentence number 0"));
}

#[test]
fn empty_and_textless_pages_give_no_blocks() {
    for html in [
        "",
        "<html><body><script>var a = '<p>x</p>';</script></body></html>",
        "<nav>Home</nav>",
    ] {
        assert!(texts(html).is_empty(), "{html}");
    }
}

proptest! {
    #[test]
    fn never_panics_and_blocks_are_trimmed(html in ".{0,400}") {
        let content = main_content(&Dom::parse(&html));
        for block in content.blocks {
            prop_assert!(!block.text.is_empty());
            prop_assert_eq!(block.text.trim(), block.text.as_str());
        }
    }

    #[test]
    fn never_panics_on_tag_soup(parts in prop::collection::vec(
        prop_oneof![
            Just("<p>".to_owned()), Just("</p>".to_owned()), Just("<div class=share>".to_owned()),
            Just("</div>".to_owned()), Just("<li>".to_owned()), Just("<table><tr><td>".to_owned()),
            Just("<script>".to_owned()), Just("</script>".to_owned()), Just("<!--".to_owned()),
            Just("&amp;&#x1F600;&bogus;".to_owned()), Just("<a href='x'>".to_owned()), Just("<svg/>".to_owned()),
            "[a-zé ]{0,30}",
        ],
        0..60,
    )) {
        let html = parts.concat();
        let dom = Dom::parse(&html);
        let _ = dom.text_content(dom.root());
        for block in main_content(&dom).blocks {
            prop_assert!(!block.text.is_empty());
            prop_assert_eq!(block.text.trim(), block.text.as_str());
        }
    }
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    let html = format!("{}{PROSE_A}", "<div>".repeat(100_000));
    assert_eq!(texts(&html), [PROSE_A]);
}
