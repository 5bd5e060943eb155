//! `photo-caption`: photo captions and credits. A line is a caption when it
//! ends with a bracketed credit ("… (Photo by Jane Doe/Getty Images)"), ends
//! its description with an unbracketed credit ("… on 3 May. Photo: Jane Doe
//! / Harbour Gazette", "… on 3 May. Jane Doe/Getty Images"), starts with a
//! caption label ("Photo: …", "Image caption, …"), or is a bare credit ("AFP
//! via Getty Images", "AP Photo/Jane Doe", "Photo: Jane Doe"); a short
//! description line directly above a bare or labelled credit goes with it.
//! Dates in captions describe the photo, not the article, so nothing here
//! feeds the publication date.

use once_cell::sync::Lazy;
use regex::Regex;

use super::Page;
use crate::text::shape;

/// Rule name for captions and photo credits.
pub const RULE: &str = "photo-caption";

/// Captions are at most this long; longer lines are paragraphs.
const MAX_CAPTION_WORDS: usize = 70;
/// A caption describes one photo in a sentence or two; a line with more
/// sentences before its credit is a paragraph the credit was glued to.
const MAX_CAPTION_SENTENCES: usize = 2;
/// A description joined to a bare credit is at most this long.
const MAX_DESCRIPTION_WORDS: usize = 45;

/// Photo agencies and stock libraries that appear in credits.
const PHOTO_SOURCES: &str = r"getty\s+images|afp|reuters|ap\s+photo|associated\s+press|epa(?:-efe)?|shutterstock|alamy|anadolu(?:\s+agency)?|sipa|pool|tass|ria\s+novosti|sputnik|xinhua|nurphoto|bloomberg|imago|dpa|ukrinform|press\s+association|pa\s+images|pa\s+wire|handout|supplied|file";

/// "… (Photo by X/Getty Images)", "… (AP Photo/X)", "… (Credit: X)" at the end.
static BRACKETED_CREDIT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?i)[(\[]\s*(?:(?:file\s+)?(?:photo|photograph|image|picture|illustration|video|foto|credit|photo\s+credit)s?\b[^()\[\]]{{0,120}}|[^()\[\]]{{0,80}}(?:/|\bvia\s+)(?:{PHOTO_SOURCES})[^()\[\]]{{0,40}})\s*[)\]]\.?$"
    ))
    .expect("bracketed credit pattern is valid")
});

/// A credit after the description's last sentence: "… 2026. Photo: Jane Doe
/// / Harbour Gazette", "… 2026. Credit: Jane Doe", "… 2026. Jane Doe/Getty
/// Images". A labelled credit (group `credit`) must name someone: see
/// [`names_a_photographer`].
static TRAILING_CREDIT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r#"(?i)[.!?]["”’']?\s+(?:(?:photo|photograph|picture|image|credit|photo\s+credit)s?\s*:\s*(?P<credit>[^.!?:]{{2,80}})|[\p{{L}}.'’ -]{{0,40}}(?:/|\bvia\s+)\s*(?:{PHOTO_SOURCES}))\.?$"#
    ))
    .expect("trailing credit pattern is valid")
});

/// A labelled credit line: "Photo: Jane Doe / Harbour Gazette", "Credit:
/// Jane Doe": a label, then a few capitalised name words and separators.
static LABELLED_CREDIT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?i:photo|photograph|picture|image|credit|photo\s+credit)s?\s*:\s*\p{Lu}[\p{L}.'’-]*(?:(?:\s+|\s*[/|,]\s*)(?:\p{Lu}[\p{L}.'’-]*|via|and|&))*\.?$")
        .expect("labelled credit pattern is valid")
});

/// "Photo: …", "Photograph: …", "Image caption, …", "Caption: …" at the start.
static CAPTION_LABEL: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:file\s+)?(?:photo|photograph|photos|image|picture|illustration|caption|credit|photo\s+credit|image\s+caption|image\s+source|media\s+caption|foto)\s*[:,|]\s*\S")
        .expect("caption label pattern is valid")
});

/// A line that is only a credit: "AFP via Getty Images", "AP Photo/J. Doe",
/// "© Reuters", "Jane Doe/Reuters".
static BARE_CREDIT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:©\s*(?:\d{{4}}\s+)?\S.*|(?:[\p{{L}}.'’ -]{{0,40}}(?:/|\bvia\s+))?(?:{PHOTO_SOURCES})(?:\s*/\s*[\p{{L}}.'’ -]{{1,40}}|\s+via\s+[\p{{L}} ]{{1,30}})?)$"
    ))
    .expect("bare credit pattern is valid")
});

/// Removes caption lines and bare credits with the description above them.
pub fn remove_captions(page: &mut Page) {
    for i in 0..page.len() {
        if !page.is_open(i) || page.line(i).word_count() > MAX_CAPTION_WORDS {
            continue;
        }
        let text = page.text(i);
        if LABELLED_CREDIT.is_match(text) || is_bare_credit(text) {
            if let Some(above) = described_photo_above(page, i) {
                page.remove(above, RULE);
            }
            page.remove(i, RULE);
        } else if CAPTION_LABEL.is_match(text) || is_described_photo_with_credit(text) {
            page.remove(i, RULE);
        }
    }
}

/// A description of at most [`MAX_CAPTION_SENTENCES`] sentences ending in
/// a bracketed or unbracketed credit.
fn is_described_photo_with_credit(text: &str) -> bool {
    let trailing = || {
        let caps = TRAILING_CREDIT.captures(text)?;
        let names_someone = caps
            .name("credit")
            .is_none_or(|c| names_a_photographer(c.as_str()));
        names_someone.then(|| caps.get(0).map(|m| m.start())).flatten()
    };
    let credit_start = BRACKETED_CREDIT.find(text).map(|m| m.start()).or_else(trailing);
    credit_start.is_some_and(|start| {
        let description = text.get(..start).unwrap_or("").trim_end();
        description.matches(". ").count() < MAX_CAPTION_SENTENCES
    })
}

/// Words that join the names in a credit ("Jane Doe for The Gazette via AP").
const CREDIT_JOINERS: &[&str] = &[
    "via", "and", "for", "of", "the", "de", "van", "von", "/", "|", "&",
];

/// A credit after a label names people or organisations: every word is
/// capitalised or a joiner. "Credit: the lifeblood of small firms" is a
/// sentence that happens to follow the word, not a credit.
fn names_a_photographer(credit: &str) -> bool {
    let words: Vec<&str> = credit.split_whitespace().collect();
    !words.is_empty()
        && words
            .iter()
            .all(|w| shape::starts_capitalised(w) || CREDIT_JOINERS.contains(&w.to_lowercase().as_str()))
}

/// A bare credit is short and either says how it credits ("/", "via",
/// "©", "Photo") or names a photo source alone. A lone agency name without
/// any of these is an agency credit, not a photo credit, and left to that rule.
fn is_bare_credit(text: &str) -> bool {
    let marks_a_photo = text.contains('/')
        || text.contains('©')
        || text.to_lowercase().contains(" via ")
        || text.to_lowercase().contains("photo");
    text.split_whitespace().count() <= 10 && marks_a_photo && BARE_CREDIT.is_match(text.trim_end_matches('.'))
}

/// The line directly above a bare or labelled credit, when it describes the photo: it is
/// adjacent (no blank line between), short, one sentence at most, and not a
/// quotation (articles quote people; captions describe them).
fn described_photo_above(page: &Page, credit: usize) -> Option<usize> {
    if page.line(credit).gap_before {
        return None;
    }
    let above = credit.checked_sub(1).filter(|&a| page.is_open(a))?;
    let text = page.text(above);
    let sentences = text.matches(". ").count();
    let quotes = text.contains(['“', '”', '"']);
    (page.line(above).word_count() <= MAX_DESCRIPTION_WORDS
        && sentences == 0
        && !quotes
        && !shape::is_subheading_like(text))
    .then_some(above)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{reason_for, run};

    const PARAGRAPH: &str = "The minister visited the flooded villages on Friday, her office said.";

    #[test]
    fn removes_a_caption_ending_in_a_credit() {
        let caption = "Rescue workers search the rubble in Antakya, Turkey, February 8, 2023. (Photo by Jane Doe/Getty Images)";
        let (_, verdicts) = run(&format!("{PARAGRAPH}\n\n{caption}\n\n{PARAGRAPH}"));
        assert_eq!(reason_for(&verdicts, caption), Some("photo-caption"));
    }

    #[test]
    fn removes_labelled_captions_and_bare_credits_with_their_description() {
        let text = format!(
            "{PARAGRAPH}\n\nPhoto: Villagers carry sandbags\n\nThe minister meets residents in a village near the river\nAFP via Getty Images\n\nShe promised aid, her office said."
        );
        let (_, verdicts) = run(&text);
        assert_eq!(
            reason_for(&verdicts, "Photo: Villagers carry sandbags"),
            Some("photo-caption")
        );
        assert_eq!(
            reason_for(&verdicts, "AFP via Getty Images"),
            Some("photo-caption")
        );
        assert_eq!(
            reason_for(
                &verdicts,
                "The minister meets residents in a village near the river"
            ),
            Some("photo-caption")
        );
        assert_eq!(reason_for(&verdicts, "She promised aid, her office said."), None);
    }

    #[test]
    fn removes_a_description_ending_in_an_unbracketed_credit() {
        for caption in [
            "Sandbags line the quay in Lowmouth on 3 May 2024. Photo: Tom Berg / Harbour Gazette",
            "Sandbags line the quay in Lowmouth. Volunteers worked all night. Credit: Tom Berg",
            "Sandbags line the quay in Lowmouth on 3 May 2024. Tom Berg/Getty Images",
        ] {
            let (_, verdicts) = run(&format!("{PARAGRAPH}\n\n{caption}\n\n{PARAGRAPH}"));
            assert_eq!(reason_for(&verdicts, caption), Some("photo-caption"), "{caption}");
        }
    }

    #[test]
    fn a_labelled_credit_takes_the_description_above_it() {
        let description = "Sandbags line the quay in Lowmouth on 3 May 2024.";
        let credit = "Photograph: Tom Berg / Harbour Gazette";
        let (_, verdicts) = run(&format!("{PARAGRAPH}\n\n{description}\n{credit}\n\n{PARAGRAPH}"));
        assert_eq!(reason_for(&verdicts, description), Some("photo-caption"));
        assert_eq!(reason_for(&verdicts, credit), Some("photo-caption"));
    }

    #[test]
    fn keeps_paragraphs_whose_last_sentence_only_looks_like_a_credit() {
        let text = "Banks tightened lending again in May. Credit: the lifeblood of small firms, is drying up.\n\n\
            The regulator said it would review the rules. Three banks declined to comment. Photo: none was released.";
        let (_, verdicts) = run(text);
        assert!(
            verdicts.iter().all(|(_, reason)| reason.is_none()),
            "{verdicts:?}"
        );
    }

    #[test]
    fn keeps_paragraphs_that_mention_photos() {
        let text = "A photo by a Getty Images photographer showed the damage, officials said.\n\n\
            The photographs (taken on Friday) were shared widely online.";
        let (_, verdicts) = run(text);
        assert!(
            verdicts.iter().all(|(_, reason)| reason.is_none()),
            "{verdicts:?}"
        );
    }
}
