//! Whole-pipeline tests of scraped-text extraction: a fixture article with
//! every kind of chrome (written for these tests, imitating what scrapes
//! carry), and properties that must hold for any input.

use parallax_core::{DateProvenance, Flag, ParagraphKind};
use proptest::prelude::*;

use super::extract_text;

/// A scraped article with promo banner, masthead, byline, headline, a
/// repeated headline, caption, ad label, list widget, sub-heading, agency
/// credit, pasted teaser, author bio, sidebar repeat and a subscribe prompt
/// (a paywall once the credit that closes the article is gone).
const FIXTURE: &str = "\
Read every paper you love.
250's of premium titles.
One app.
The Harbour Gazette
The Harbour Gazette
By Maria Gonzalez

Flood defences fail as river bursts its banks

4 min read
Flood defences fail as river bursts its banks
Residents wade through a flooded street in Lowmouth, March 3, 2024. (Photo by Jane Doe/Getty Images)

The river burst its banks on Sunday, flooding dozens of homes in the low-lying east of the town, officials said.

Advertisement

“We were told the barrier would hold. It did not,” said Ellen Park, whose bakery was flooded.
- list 1 of 2Storm batters the northern coast
- list 2 of 2Ferry services suspended for a week
end of list

Cleaning up

Volunteers filled sandbags through the night as the water receded, the fire service said.

- Agence France-Presse

Why the town's new flood barrier was never finished
Work on the barrier stopped in 2019 when the contractor went bankrupt, and the council has since spent two million on stud

Maria Gonzalez

Reporter

Maria Gonzalez is a climate reporter at the Harbour Gazette. She previously covered local politics.

News Feed

“We were told the barrier would hold. It did not,” Ellen Park said.

Subscribe to continue reading
Already a subscriber? Sign in here
";

#[test]
fn fixture_article_gives_the_exact_clean_body() {
    let extraction = extract_text(FIXTURE);
    let blocks: Vec<(ParagraphKind, &str)> = extraction
        .blocks
        .iter()
        .map(|b| (b.kind, b.text.as_str()))
        .collect();
    assert_eq!(
        blocks,
        [
            (
                ParagraphKind::Paragraph,
                "The river burst its banks on Sunday, flooding dozens of homes in the low-lying east of the \
                 town, officials said."
            ),
            (
                ParagraphKind::Paragraph,
                "“We were told the barrier would hold. It did not,” said Ellen Park, whose bakery was flooded."
            ),
            (ParagraphKind::Heading, "Cleaning up"),
            (
                ParagraphKind::Paragraph,
                "Volunteers filled sandbags through the night as the water receded, the fire service said."
            ),
        ]
    );
}

#[test]
fn fixture_article_metadata_and_flags() {
    let extraction = extract_text(FIXTURE);
    let meta = &extraction.metadata;
    assert_eq!(
        meta.title.as_deref(),
        Some("Flood defences fail as river bursts its banks")
    );
    assert_eq!(meta.authors, ["Maria Gonzalez"]);
    assert_eq!(meta.agencies, ["Agence France-Presse"]);
    assert_eq!(meta.outlet.name.as_deref(), Some("The Harbour Gazette"));
    assert_eq!(meta.outlet.provenance.as_deref(), Some("text"));
    // The caption's date describes the photo: the article has no stated date.
    assert!(meta.published.is_unknown());
    // The subscribe prompt stands below the article's closing wire credit:
    // the article is complete, the prompt a site banner.
    assert!(extraction.flags.is_empty());

    let cut = FIXTURE.replace("- Agence France-Presse\n", "");
    assert_eq!(extract_text(&cut).flags, [Flag::Paywalled]);
}

#[test]
fn fixture_article_removals_name_their_rules() {
    let extraction = extract_text(FIXTURE);
    let reasons: std::collections::BTreeSet<&str> =
        extraction.removed.iter().map(|r| r.reason.as_str()).collect();
    let expected = [
        "advertisement",
        "agency-credit",
        "author-bio",
        "byline",
        "masthead",
        "page-header",
        "paywall-promo",
        "photo-caption",
        "related-links",
        "repeated-paragraph",
        "repeated-title",
        "teaser",
        "title",
        "ui-widget",
    ];
    assert_eq!(reasons.into_iter().collect::<Vec<_>>(), expected);
}

#[test]
fn header_date_is_the_publication_date_and_other_dates_are_not() {
    let text = " date 2024-03-04 The river burst its banks on Sunday, officials said on March 5, 2024.\n\n\
                The water receded on Monday, the agency said.";
    let extraction = extract_text(text);
    let published = &extraction.metadata.published;
    assert_eq!(published.date.as_deref(), Some("2024-03-04"));
    assert_eq!(published.provenance, Some(DateProvenance::Header));
    assert_eq!(extraction.blocks.len(), 2);
    assert!(extraction.blocks[0].text.starts_with("The river burst"));

    let undated = extract_text("The river burst its banks on Sunday, March 3, officials said.");
    assert!(undated.metadata.published.is_unknown());
    assert_eq!(undated.metadata.title, None);
}

/// Non-whitespace characters of a text, sorted: what must be conserved.
fn ink(texts: &[&str]) -> Vec<char> {
    let mut chars: Vec<char> = texts
        .iter()
        .flat_map(|t| t.chars())
        .filter(|c| !c.is_whitespace())
        .collect();
    chars.sort_unstable();
    chars
}

/// Lines mixing prose, chrome phrases, headers and arbitrary text.
fn scraped_line() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Z][a-z]{1,8}( [a-z]{1,8}){3,20}[.!?]?",
        "[A-Z][a-z]{2,8} [A-Z][a-z]{2,10}",
        Just("Advertisement".to_owned()),
        Just("Read more".to_owned()),
        Just("- list 1 of 2Headline here".to_owned()),
        Just("end of list".to_owned()),
        Just("Sign up to read this article".to_owned()),
        Just("(Reuters)".to_owned()),
        Just("Reporting by Anna Berg; Editing by Tom Lee".to_owned()),
        Just(" date 2025-01-02 Body starts here.".to_owned()),
        Just("Photo: a caption".to_owned()),
        Just("Jane Roe is a reporter at the Daily Example.".to_owned()),
        "\\PC{0,60}",
        "[ \t\u{a0}]{0,4}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn never_panics_and_accounts_for_every_line(lines in prop::collection::vec(scraped_line(), 0..30)) {
        let text = lines.join("\n");
        let extraction = extract_text(&text);
        for block in &extraction.blocks {
            prop_assert!(!block.text.trim().is_empty());
        }
        let mut output: Vec<&str> = extraction.blocks.iter().map(|b| b.text.as_str()).collect();
        output.extend(extraction.removed.iter().map(|r| r.text.as_str()));
        prop_assert_eq!(ink(&[&text]), ink(&output));
    }
}
