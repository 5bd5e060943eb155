//! `dateline`: publication-date lines in the top matter ("Published 4
//! September 2025", "Updated: 5 Sep 2025 10:00 GMT", a line that is only a
//! date), and the dated dateline opening the first paragraph ("KYIV, Sept.
//! 4, 2025 (Reuters) -"). Only a date with a year counts ("Sept. 4" alone
//! is not a publication date: the year would be invented); dates anywhere
//! else in the text (captions, "on Sept. 5") never do.

use once_cell::sync::Lazy;
use parallax_core::{DatePrecision, DateProvenance, PublishedDate};
use regex::Regex;

use super::Page;
use crate::dates::parse_date;

/// Rule name for date lines.
pub const RULE: &str = "dateline";

/// Date lines are short.
const MAX_DATE_LINE_WORDS: usize = 14;
/// A paragraph's dateline is within its first characters.
const MAX_DATELINE_BYTES: usize = 80;

/// Words that introduce a date line; `updated` ones lose to `published` ones.
static LEAD_IN: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?P<kind>first\s+published|published|posted|last\s+updated|updated|modified|date|dated)\b\s*(?:on|at)?\s*:?")
        .expect("lead-in pattern is valid")
});

/// A line made of a date only: it starts with a weekday, a month name or a
/// digit, so a headline that mentions a date ("Talks resume on 4 May 2025")
/// is not mistaken for one.
static DATE_START: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:\d|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")
        .expect("date start pattern is valid")
});

/// "PLACE, <date> (Agency) -" or "PLACE, <date> -" at a paragraph's start.
static PARAGRAPH_DATELINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?P<dateline>[\p{Lu}][^()\-–—]{2,70}?)\s*(?:\([^()]{1,40}\))?\s*[-–—]\s")
        .expect("dateline pattern is valid")
});

/// Removes date lines from the top matter and records the publication date.
pub fn remove_date_lines(page: &mut Page) {
    let first = page.first_prose().unwrap_or(page.len());
    let mut published: Option<PublishedDate> = None;
    let mut updated: Option<PublishedDate> = None;
    for i in 0..first {
        if !page.is_open(i) || page.line(i).word_count() > MAX_DATE_LINE_WORDS {
            continue;
        }
        let text = page.text(i);
        let lead_in = LEAD_IN
            .captures(text)
            .and_then(|c| c.name("kind"))
            .map(|k| k.as_str().to_lowercase());
        if lead_in.is_none() && !DATE_START.is_match(text) {
            continue;
        }
        let Some(date) = parse_date(text, DateProvenance::Dateline) else {
            continue;
        };
        let is_update = lead_in
            .as_deref()
            .is_some_and(|k| k.contains("updated") || k == "modified");
        let slot = if is_update { &mut updated } else { &mut published };
        slot.get_or_insert(date);
        page.remove(i, RULE);
    }
    let from_paragraph = || {
        let first = page.first_prose()?;
        let caps = PARAGRAPH_DATELINE.captures(page.text(first))?;
        let dateline = caps.name("dateline")?.as_str();
        // Only a full day: "In 2022 - after…" opens a sentence, not a dateline.
        (dateline.len() <= MAX_DATELINE_BYTES)
            .then(|| parse_date(dateline, DateProvenance::Dateline))?
            .filter(|date| date.precision == Some(DatePrecision::Day))
    };
    page.findings.published = published.or_else(from_paragraph).or(updated);
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{reason_for, run};

    const BODY: &str = "The river burst its banks on Sunday, flooding dozens of homes, officials said.";

    #[test]
    fn reads_published_lines_and_prefers_them_to_updates() {
        let text = format!("Updated 6 March 2024\nPublished 4 March 2024\n\n{BODY}");
        let (page, verdicts) = run(&text);
        assert_eq!(reason_for(&verdicts, "Published 4 March 2024"), Some("dateline"));
        assert_eq!(reason_for(&verdicts, "Updated 6 March 2024"), Some("dateline"));
        let published = page.findings.published.expect("date");
        assert_eq!(published.date.as_deref(), Some("2024-03-04"));
    }

    #[test]
    fn a_paragraph_dateline_with_a_year_dates_the_article() {
        let text = "OSLO, March 3, 2024 (Reuters) - Norway's central bank raised rates, it said.";
        let (page, verdicts) = run(text);
        assert_eq!(verdicts[0].1, None);
        assert_eq!(
            page.findings.published.and_then(|d| d.date).as_deref(),
            Some("2024-03-03")
        );
    }

    #[test]
    fn dates_without_a_year_or_inside_the_body_are_not_publication_dates() {
        let text = format!(
            "OSLO, March 3 (Reuters) - {BODY}\n\nThe photo was taken on March 1, 2024, in Oslo, it said."
        );
        let (page, _) = run(&text);
        assert_eq!(page.findings.published, None);
    }

    #[test]
    fn a_headline_mentioning_a_date_is_not_a_date_line() {
        let text = format!("Talks to resume on 4 May 2025 in Geneva\n\n{BODY}");
        let (page, verdicts) = run(&text);
        assert_eq!(
            reason_for(&verdicts, "Talks to resume on 4 May 2025 in Geneva"),
            Some("title")
        );
        assert_eq!(page.findings.published, None);
    }
}
