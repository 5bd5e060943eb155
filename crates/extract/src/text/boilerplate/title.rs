//! `title` and `repeated-title`: the headline line at the top of a scrape
//! (removed from the body, it becomes the title) and every later copy of
//! the title in the body (scrapes often carry the headline twice: as page
//! heading and as the alt text of the lead image).
//!
//! The headline is the first headline-shaped line (see
//! [`shape::is_headline_like`]) of the top matter, the open lines before the
//! first paragraph; a text that opens with a paragraph has no headline line.
//! A kicker of three words or fewer ("Russia-Ukraine war") gives way to a
//! longer headline below it. Open lines above the headline are page header
//! chrome no lexicon knew (section labels, promos) and go as `page-header`;
//! when the header states the title, the lines above its first copy in the
//! top matter go the same way. Failing all that, a headline-shaped line
//! that occurs twice is the title.

use super::Page;
use crate::text::shape;

/// Rule name for the headline line at the top.
pub const TITLE_RULE: &str = "title";
/// Rule name for copies of the title in the body.
pub const REPEATED_RULE: &str = "repeated-title";
/// Rule name for unrecognised lines above the headline.
pub const PAGE_HEADER_RULE: &str = "page-header";

/// A headline candidate this short may be a kicker above the real headline.
const MAX_KICKER_WORDS: usize = 3;

/// Removes the headline line and its copies; records the title found.
/// `stated` is a title the header stated, which wins over the text.
pub fn remove_title_lines(page: &mut Page, stated: Option<&str>) {
    let title = match stated {
        Some(title) => {
            remove_chrome_above_copy(page, title);
            Some(title.to_owned())
        }
        None => take_top_headline(page).or_else(|| repeated_headline(page)),
    };
    let Some(title) = title else {
        return;
    };
    for i in 0..page.len() {
        if page.is_open(i) && shape::same_words(page.text(i), &title) {
            page.remove(i, REPEATED_RULE);
        }
    }
    if stated.is_none() {
        page.findings.title = Some(title);
    }
}

/// The headline of the top matter, removed as the title together with the
/// open lines above it.
fn take_top_headline(page: &mut Page) -> Option<String> {
    let first_prose = page.first_prose()?;
    let candidates: Vec<usize> = (0..first_prose)
        .filter(|&i| {
            page.is_open(i) && shape::is_headline_like(page.text(i)) && !shape::is_prose(page.text(i))
        })
        .collect();
    let first = *candidates.first()?;
    let headline = if page.line(first).word_count() <= MAX_KICKER_WORDS {
        candidates
            .iter()
            .copied()
            .find(|&i| page.line(i).word_count() > MAX_KICKER_WORDS)
            .unwrap_or(first)
    } else {
        first
    };
    let title = page.text(headline).to_owned();
    for above in 0..headline {
        page.remove(above, PAGE_HEADER_RULE);
    }
    page.remove(headline, TITLE_RULE);
    Some(title)
}

/// When the stated title is repeated in the top matter, the open lines
/// above its first copy are the page's header chrome (a section label, a
/// kicker), like the lines above a headline found in the text.
fn remove_chrome_above_copy(page: &mut Page, title: &str) {
    let Some(first_prose) = page.first_prose() else {
        return;
    };
    let copy = (0..first_prose).find(|&i| page.is_open(i) && shape::same_words(page.text(i), title));
    for above in 0..copy.unwrap_or(0) {
        page.remove(above, PAGE_HEADER_RULE);
    }
}

/// A headline-shaped line that occurs twice among the open lines.
fn repeated_headline(page: &Page) -> Option<String> {
    let open = page.open_lines();
    open.iter().enumerate().find_map(|(k, &i)| {
        let text = page.text(i);
        let repeated = shape::is_headline_like(text)
            && !shape::is_prose(text)
            && open[k + 1..]
                .iter()
                .any(|&j| shape::same_words(page.text(j), text));
        repeated.then(|| text.to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{reason_for, run};
    use super::super::Page;
    use super::remove_title_lines;
    use crate::text::lines::segment;

    const HEADLINE: &str = "Flood defences fail as river bursts its banks";
    const BODY: &str = "The river burst its banks on Sunday, flooding dozens of homes, officials said.";

    #[test]
    fn takes_the_top_headline_and_removes_its_copy() {
        let text = format!("{HEADLINE}\n\n{HEADLINE}\n\n{BODY}");
        let (page, verdicts) = run(&text);
        assert_eq!(verdicts[0].1, Some("title"));
        assert_eq!(verdicts[1].1, Some("repeated-title"));
        assert_eq!(page.findings.title.as_deref(), Some(HEADLINE));
    }

    #[test]
    fn a_kicker_and_unknown_chrome_above_the_headline_go() {
        let text = format!("Weather: 12°C\nRiver crisis\n{HEADLINE}\n\n{BODY}");
        let (page, verdicts) = run(&text);
        assert_eq!(reason_for(&verdicts, "Weather: 12°C"), Some("page-header"));
        assert_eq!(reason_for(&verdicts, "River crisis"), Some("page-header"));
        assert_eq!(reason_for(&verdicts, HEADLINE), Some("title"));
        assert_eq!(page.findings.title.as_deref(), Some(HEADLINE));
    }

    #[test]
    fn a_section_label_above_a_copy_of_the_stated_title_goes() {
        let mut page = Page::new(segment(&format!("Environment\n{HEADLINE}\n\n{BODY}")));
        remove_title_lines(&mut page, Some(HEADLINE));
        assert_eq!(page.removal(0), Some("page-header"));
        assert_eq!(page.removal(1), Some("repeated-title"));
        assert_eq!(page.removal(2), None);
    }

    #[test]
    fn a_label_above_a_paragraph_stays_when_the_stated_title_is_not_repeated() {
        let mut page = Page::new(segment(&format!("Environment\n\n{BODY}\n\n{HEADLINE}")));
        remove_title_lines(&mut page, Some(HEADLINE));
        assert_eq!(page.removal(0), None);
        assert_eq!(page.removal(2), Some("repeated-title"));
    }

    #[test]
    fn a_text_opening_with_a_paragraph_has_no_title() {
        let text = format!("{BODY}\n\nRiver levels\n\nThe water receded overnight, the agency said.");
        let (page, verdicts) = run(&text);
        assert_eq!(page.findings.title, None);
        assert_eq!(reason_for(&verdicts, "River levels"), None);
    }

    #[test]
    fn a_repeated_headline_is_the_title_when_none_is_on_top() {
        let text =
            format!("{BODY}\n\n{HEADLINE}\n\nThe water receded overnight, the agency said.\n\n{HEADLINE}");
        let (page, _) = run(&text);
        assert_eq!(page.findings.title.as_deref(), Some(HEADLINE));
    }
}
