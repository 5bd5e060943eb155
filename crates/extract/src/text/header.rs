//! Header lines at the top of a scraped text: `date 2025-09-04`, `url …`,
//! `source …`, `title …`, `author …`.
//!
//! Scrapers write these as `key value` (lower-case key) or `Key: value`. A
//! header may share its line with the first words of the body
//! (` date 2025-09-04 Russian President…`): for `date` and `url`, whose values
//! have a recognisable extent, the rest of the line is returned as body text.
//! For free-text keys (`title`, `source`, `author`) the whole line is the
//! value. A line whose value does not validate (a `date` that is no date, a
//! `url` that is no URL) is not a header and stays in the body.

use once_cell::sync::Lazy;
use parallax_core::{DateProvenance, PublishedDate};
use regex::Regex;

use crate::dates::parse_date;

/// At most this many header lines are read from the top.
const MAX_HEADER_LINES: usize = 8;
/// A date value is read from at most this many words.
const MAX_DATE_WORDS: usize = 6;
/// Free-text header values longer than this are body text, not a header.
const MAX_VALUE_CHARS: usize = 300;

/// `key value` or `Key: value`. Lower-case keys need no colon; capitalised
/// ones do, so a sentence such as "Source close to…" is not a header.
static HEADER_LINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"^(?:(?P<lower>date|published|url|link|source|outlet|title|headline|author|authors|byline)\b\s*:?|(?P<colon>(?i:date|published|url|link|source|outlet|title|headline|author|authors|byline))\s*:)\s*(?P<value>.*)$",
    )
    .expect("header pattern is valid")
});

/// The header fields a scraped text stated.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Header {
    /// Publication date from a `date`/`published` line.
    pub published: Option<PublishedDate>,
    /// URL from a `url`/`link` line.
    pub url: Option<String>,
    /// Outlet name from a `source`/`outlet` line.
    pub source: Option<String>,
    /// Headline from a `title`/`headline` line.
    pub title: Option<String>,
    /// Byline from an `author`/`authors`/`byline` line.
    pub byline: Option<String>,
}

/// A text split into its header and the rest.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HeaderSplit {
    /// What the header lines stated.
    pub header: Header,
    /// The header lines (or header parts of a line) as they were written.
    pub header_texts: Vec<String>,
    /// The text after the header, starting with any body text that shared
    /// the last header line.
    pub rest: String,
}

/// Reads the header lines at the top of `text`.
pub fn split_header(text: &str) -> HeaderSplit {
    let mut split = HeaderSplit::default();
    let mut consumed = 0; // byte offset of the first line not consumed
    let mut read = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            consumed += line.len();
            continue;
        }
        if read == MAX_HEADER_LINES {
            break;
        }
        let Some(parsed) = parse_header_line(trimmed, &mut split.header) else {
            break;
        };
        read += 1;
        split.header_texts.push(parsed.header_text);
        consumed += line.len();
        if !parsed.body_rest.is_empty() {
            split.rest = format!("{}\n{}", parsed.body_rest, &text[consumed..]);
            return split;
        }
    }
    split.rest = text[consumed..].to_owned();
    split
}

/// One header line: the header part and any body text after it.
struct ParsedLine {
    header_text: String,
    body_rest: String,
}

/// Parses one line as a header, recording its field; `None` when it is not one.
fn parse_header_line(line: &str, header: &mut Header) -> Option<ParsedLine> {
    let caps = HEADER_LINE.captures(line)?;
    let key = caps
        .name("lower")
        .or_else(|| caps.name("colon"))?
        .as_str()
        .to_ascii_lowercase();
    let value_match = caps.name("value")?;
    let value = value_match.as_str().trim();
    if value.is_empty() {
        return None;
    }
    let (value_len, body_rest) = match key.as_str() {
        "date" | "published" => {
            let (date, len) = date_prefix(value)?;
            if header.published.is_none() {
                header.published = Some(date);
            }
            (len, value[len..].trim())
        }
        "url" | "link" => {
            let url = value.split_whitespace().next()?;
            if !(url.starts_with("http://") || url.starts_with("https://")) || url::Url::parse(url).is_err() {
                return None;
            }
            header.url.get_or_insert_with(|| url.to_owned());
            (url.len(), value[url.len()..].trim())
        }
        _ => {
            if value.chars().count() > MAX_VALUE_CHARS {
                return None;
            }
            let slot = match key.as_str() {
                "source" | "outlet" => &mut header.source,
                "title" | "headline" => &mut header.title,
                _ => &mut header.byline,
            };
            slot.get_or_insert_with(|| value.to_owned());
            (value.len(), "")
        }
    };
    let header_end = value_match.start()
        + (value_match.as_str().len() - value_match.as_str().trim_start().len())
        + value_len;
    Some(ParsedLine {
        header_text: line[..header_end].trim().to_owned(),
        body_rest: body_rest.to_owned(),
    })
}

/// The shortest run of leading words that parses as a date, with its byte
/// length. Shortest, because the body may follow on the same line and must
/// not be read as part of the date.
fn date_prefix(value: &str) -> Option<(PublishedDate, usize)> {
    let mut end = 0;
    for word in value.split_whitespace().take(MAX_DATE_WORDS) {
        let start = value[end..].find(word).map(|p| p + end)?;
        end = start + word.len();
        let candidate = value[..end].trim_end_matches([',', ';']);
        if let Some(date) = parse_date(candidate, DateProvenance::Header) {
            return Some((date.with_raw(candidate), end));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_header_lines_and_keeps_the_body() {
        let split =
            split_header("date 2024-03-11\nurl https://news.example.org/a/1\nsource Example News\n\nBody.");
        assert_eq!(
            split
                .header
                .published
                .as_ref()
                .and_then(|d| d.date.clone())
                .as_deref(),
            Some("2024-03-11")
        );
        assert_eq!(split.header.url.as_deref(), Some("https://news.example.org/a/1"));
        assert_eq!(split.header.source.as_deref(), Some("Example News"));
        assert_eq!(split.header_texts.len(), 3);
        assert_eq!(split.rest.trim(), "Body.");
    }

    #[test]
    fn splits_an_inline_date_header_from_the_body() {
        let split = split_header(" date 2024-03-11 The council met on Monday.\n\nMore.");
        assert_eq!(split.header_texts, ["date 2024-03-11"]);
        assert!(split.rest.starts_with("The council met on Monday.\n"));
        let published = split.header.published.expect("date");
        assert_eq!(published.provenance, Some(DateProvenance::Header));
    }

    #[test]
    fn a_sentence_starting_with_a_key_word_is_not_a_header() {
        let split = split_header("Source close to the council said it would meet.\nDate night is back.");
        assert!(split.header_texts.is_empty());
        assert_eq!(split.header, Header::default());
    }

    #[test]
    fn a_date_key_without_a_date_is_not_a_header() {
        let split = split_header("date night returns to the old cinema\n");
        assert!(split.header_texts.is_empty());
    }
}
