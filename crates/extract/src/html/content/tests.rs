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

fn reasons_of(content: &super::MainContent, text: &str) -> Vec<String> {
    content
        .removed
        .iter()
        .filter(|r| r.text.contains(text))
        .map(|r| r.reason.clone())
        .collect()
}

#[test]
fn an_inline_paywall_box_with_text_after_it_is_a_removed_promo() {
    let html = format!(
        r#"<script type="application/ld+json">{{"@type":"NewsArticle","isAccessibleForFree":false}}</script>
        <article><p>{PROSE_A}</p>
        <aside class="paywall-inline"><p>Subscribe to continue reading. Get unlimited access for $1 a week.</p>
        <p><a href="/subscribe">Subscribe now</a> Already a subscriber? <a href="/login">Log in</a></p></aside>
        <p>{PROSE_B}</p><p>{PROSE_C}</p></article>"#
    );
    let content = main_content(&Dom::parse(&html));
    assert_eq!(texts(&html), [PROSE_A, PROSE_B, PROSE_C]);
    assert!(content.flags.is_empty(), "{:?}", content.flags);
    assert_eq!(
        reasons_of(&content, "Already a subscriber? Log in"),
        ["paywall-promo"]
    );
}

#[test]
fn a_body_that_stops_at_the_paywall_is_paywalled() {
    let html = page(
        &format!(
            r#"<article><p>{PROSE_A}</p><p>{PROSE_B}</p>
            <div class="article-paywall"><p>This article is only available to subscribers. Subscribe to keep reading.</p></div></article>"#
        ),
        "",
    );
    let content = main_content(&Dom::parse(&html));
    assert_eq!(content.flags, [Flag::Paywalled]);
}

#[test]
fn a_publisher_paywall_marker_needs_a_visibly_cut_body() {
    let json_ld =
        r#"<script type="application/ld+json">{"@type":"NewsArticle","isAccessibleForFree":false}</script>"#;
    let complete = format!("{json_ld}<article><p>{PROSE_A}</p><p>{PROSE_B}</p></article>");
    assert!(main_content(&Dom::parse(&complete)).flags.is_empty());
    let cut = format!(
        "{json_ld}<article><p>{PROSE_A}</p><p>Officials in Istanbul said the next round of talks would take place in</p></article>"
    );
    assert_eq!(
        main_content(&Dom::parse(&cut)).flags,
        [Flag::Paywalled, Flag::Truncated]
    );
}

#[test]
fn a_sign_in_prompt_under_the_article_is_not_a_paywall() {
    let html = page(
        &format!(
            r#"<article><p>{PROSE_A}</p><p>{PROSE_B}</p>
            <div class="join"><p>To join the conversation, create an account today! Already have an account? Sign in</p></div></article>"#
        ),
        "",
    );
    let content = main_content(&Dom::parse(&html));
    assert!(content.flags.is_empty(), "{:?}", content.flags);
    assert_eq!(
        reasons_of(&content, "Already have an account"),
        ["sign-in-prompt"]
    );
}

#[test]
fn a_body_ending_mid_sentence_is_truncated_without_a_paywall() {
    let html = page(
        &format!("<p>{PROSE_A}</p><p>The minister said that the delegation would return to Geneva next week with the</p>"),
        "",
    );
    assert_eq!(main_content(&Dom::parse(&html)).flags, [Flag::Truncated]);
}

#[test]
fn kicker_caption_ad_label_and_author_box_go_but_look_alikes_stay() {
    const DATED: &str =
        "On 14 August 2023, a year before the strike, the port of Pivdennyi loaded its last grain ship.";
    const AD_TALK: &str =
        "Advertisement revenue at the port authority fell by a third, its annual report said.";
    const ABOUT: &str = "About the author of the report, officials said little beyond confirming her name.";
    let html = page(
        &format!(
            r#"<article><div class="kicker"><a href="/europe">Europe</a></div>
            <p class="section">Analysis</p>
            <h1>Talks resume in Istanbul</h1>
            <figure><img src="a.jpg"><figcaption>Grain is loaded at the port near Odesa, August 14, 2023.</figcaption></figure>
            <div class="story"><p>{PROSE_A}</p><p>{DATED}</p>
            <div class="ad-slot" aria-hidden="true"><span>Advertisement</span></div>
            <p>{AD_TALK}</p><p>{ABOUT}</p></div>
            <section class="author-bio"><h2>About the author</h2><p>Clara Whitcombe is our Geneva correspondent, covering the United Nations.</p></section>
            </article>"#
        ),
        "",
    );
    let content = main_content(&Dom::parse(&html));
    assert_eq!(texts(&html), [PROSE_A, DATED, AD_TALK, ABOUT]);
    assert_eq!(reasons_of(&content, "Europe"), ["kicker"]);
    assert_eq!(reasons_of(&content, "Analysis"), ["kicker"]);
    assert_eq!(reasons_of(&content, "August 14, 2023"), ["photo-caption"]);
    assert_eq!(reasons_of(&content, "Advertisement"), ["advertisement"]);
    assert_eq!(reasons_of(&content, "Geneva correspondent"), ["author-bio"]);
}

#[test]
fn a_news_ticker_goes_but_a_ticker_column_stays() {
    let html = page(
        &format!(
            r#"<div class="breaking-ticker">LIVE: Follow our rolling coverage of the storms across the north</div>
            <article><p>{PROSE_A}</p>
            <table><tr><th class="ticker">Ticker</th><th>Close</th></tr><tr><td class="ticker">KYIV</td><td>41.2</td></tr></table>
            <p>{PROSE_B}</p></article>"#
        ),
        "",
    );
    let content = main_content(&Dom::parse(&html));
    let body = texts(&html).join("\n");
    assert!(!body.contains("LIVE"), "{body}");
    assert!(body.contains("Ticker") && body.contains("KYIV"), "{body}");
    assert_eq!(reasons_of(&content, "LIVE"), ["news-ticker"]);
}

#[test]
fn the_audit_trail_names_outside_text_merges_neighbours_and_skips_the_invisible() {
    let html = format!(
        r#"<html><body><div class="top"><a href="/">Example News</a> | <a href="/world">World</a></div>
        <nav><a href="/a">Home</a></nav><nav><a href="/b">Sport</a></nav><span class="promo">Get the app</span>
        <script>var secret = "never shown";</script><div hidden>Hidden teaser text</div>
        <div class="content"><p>{PROSE_A}</p><p>{PROSE_B}</p><p>{PROSE_C}</p></div>
        <div class="stamp">Printed edition</div>
        <footer>© 2025 Example News</footer></body></html>"#
    );
    let content = main_content(&Dom::parse(&html));
    let removed: Vec<(&str, &str)> = content
        .removed
        .iter()
        .map(|r| (r.text.as_str(), r.reason.as_str()))
        .collect();
    assert_eq!(
        removed,
        [
            ("Example News | World", "outside-main-content"),
            ("Home Sport", "nav"),
            ("Get the app", "newsletter-promo"),
            ("Printed edition", "outside-main-content"),
            ("© 2025 Example News", "footer"),
        ]
    );
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
