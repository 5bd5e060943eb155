//! RSS 0.9x/1.0/2.0, Atom and JSON Feed, parsed by `feed-rs`; every item with
//! content becomes a document (`item N`). `feed-rs` normalises dates to UTC,
//! which can move a late-evening item to the next day, so its timestamp hook
//! is given our own parser, which records the date as stated (local day,
//! offset, raw text) for each instant it returns.
//!
//! XML feeds are decoded to UTF-8 here (BOM, prolog `encoding`, UTF-8,
//! detection — the same rules as HTML) and their XML declarations made inert
//! before `feed-rs` sees them: quick-xml 0.42 panics when a declaration asks
//! it to switch encodings late (found by the `feed` fuzz target), and this way
//! a non-UTF-8 feed also gets the usual "decoded as …" warning.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use feed_rs::model::{Entry, Feed, Text};
use parallax_core::{DateProvenance, Hints, InputFormat, Origin, PublishedDate, SourceDocument, SourceKind};

use crate::dates::parse_container_date;
use crate::decode::decode_html;
use crate::language::iso_639_1;
use crate::ReadError;

/// A description shorter than this is a teaser, not the article. Full-text
/// feeds carry whole articles (hundreds of words); teasers are one or two
/// sentences (typically 20–60 words).
const MIN_DESCRIPTION_WORDS: usize = 100;

type StatedDates = Arc<Mutex<HashMap<DateTime<Utc>, PublishedDate>>>;

/// What the channel says that applies to every item.
struct Channel {
    outlet_name: Option<String>,
    language: Option<String>,
    /// Decoding warnings, shared by every item.
    warnings: Vec<String>,
}

/// The documents of a whole feed.
pub(crate) fn read_feed(name: &str, bytes: &[u8]) -> Vec<Result<SourceDocument, ReadError>> {
    let stated_dates = StatedDates::default();
    let recorder = Arc::clone(&stated_dates);
    let parser = feed_rs::parser::Builder::new()
        .sanitize_content(false)
        .timestamp_parser(move |raw| {
            let parsed = parse_container_date(raw, DateProvenance::Feed)?;
            if let Ok(mut dates) = recorder.lock() {
                dates.entry(parsed.instant).or_insert(parsed.published);
            }
            Some(parsed.instant)
        })
        .build();
    let (source, warnings) = utf8_source(bytes);
    // A backstop: a panic inside the third-party parser must not end the run.
    let parsed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| parser.parse(source.as_ref())));
    let feed: Feed = match parsed {
        Ok(Ok(feed)) => feed,
        Ok(Err(error)) => return vec![Err(ReadError::whole(name, format!("invalid feed: {error}")))],
        Err(_) => {
            return vec![Err(ReadError::whole(
                name,
                "invalid feed: the feed parser failed on it",
            ))]
        }
    };
    if feed.entries.is_empty() {
        return vec![Err(ReadError::whole(name, "feed has no items"))];
    }
    let dates = stated_dates.lock().map(|dates| dates.clone()).unwrap_or_default();
    let channel = Channel {
        outlet_name: feed.title.as_ref().and_then(text_content),
        language: feed.language.as_deref().and_then(iso_639_1),
        warnings,
    };
    feed.entries
        .into_iter()
        .enumerate()
        .map(|(index, entry)| {
            let label = format!("item {}", index + 1);
            item_document(name, &label, entry, &channel, &dates)
                .map_err(|reason| ReadError::at(name, label, reason))
        })
        .collect()
}

/// The feed as UTF-8 without XML declarations (JSON Feeds are UTF-8
/// already), and the decoding warnings.
fn utf8_source(bytes: &[u8]) -> (std::borrow::Cow<'_, [u8]>, Vec<String>) {
    let start = bytes
        .iter()
        .position(|byte| !byte.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    if bytes[start..].starts_with(b"{") {
        return (std::borrow::Cow::Borrowed(bytes), Vec::new());
    }
    let decoded = decode_html(bytes, None, None);
    let text = neutralise_xml_declarations(&decoded.text);
    (std::borrow::Cow::Owned(text.into_bytes()), decoded.warnings)
}

/// Turns every XML declaration (`<?xml …?>`, anywhere, any case) into an
/// inert processing instruction (`<?xml- …?>`). Not only the leading one:
/// quick-xml acts on a declaration wherever its tokenizer meets one, which
/// the fuzzer reached through junk lines and unclosed CDATA. Inserting rather
/// than deleting cannot join two fragments into a new declaration.
fn neutralise_xml_declarations(text: &str) -> String {
    let mut output = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(index) = rest.find("<?") {
        output.push_str(&rest[..index]);
        rest = &rest[index..];
        if is_xml_declaration(rest) {
            output.push_str(&rest[..5]);
            output.push('-');
            rest = &rest[5..];
        } else {
            output.push_str("<?");
            rest = &rest[2..];
        }
    }
    output.push_str(rest);
    output
}

fn is_xml_declaration(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() > 5
        && bytes[..5].eq_ignore_ascii_case(b"<?xml")
        && (bytes[5].is_ascii_whitespace() || bytes[5] == b'?')
}

fn item_document(
    name: &str,
    label: &str,
    entry: Entry,
    channel: &Channel,
    dates: &HashMap<DateTime<Utc>, PublishedDate>,
) -> Result<SourceDocument, String> {
    let (content, kind) = item_content(&entry)?;
    let hints = Hints {
        url: item_link(&entry),
        title: entry.title.as_ref().and_then(text_content),
        published: entry
            .published
            .or(entry.updated)
            .and_then(|instant| dates.get(&instant).cloned()),
        authors: entry
            .authors
            .iter()
            .filter_map(|person| person.name.as_deref())
            .map(str::trim)
            .filter(|name| !name.is_empty() && !is_bare_email(name))
            .map(str::to_owned)
            .collect(),
        outlet_name: channel.outlet_name.clone(),
        outlet_domain: None,
        language: entry
            .language
            .as_deref()
            .and_then(iso_639_1)
            .or_else(|| channel.language.clone()),
        captured: None,
        article: None,
    };
    Ok(SourceDocument {
        origin: Origin {
            path: name.to_owned(),
            record: Some(label.to_owned()),
        },
        format: InputFormat::Feed,
        kind,
        content,
        hints,
        warnings: channel.warnings.clone(),
    })
}

/// The item's full content (`content:encoded`, Atom `content`,
/// `content_html`/`content_text`), else its description when it is long
/// enough to be the article itself.
fn item_content(entry: &Entry) -> Result<(String, SourceKind), String> {
    if let Some(content) = &entry.content {
        if let Some(body) = content.body.as_deref().filter(|body| !body.trim().is_empty()) {
            return Ok((body.to_owned(), kind_of_media(content.content_type.as_ref())));
        }
    }
    let Some(summary) = entry
        .summary
        .as_ref()
        .filter(|summary| !summary.content.trim().is_empty())
    else {
        return Err("no content".to_owned());
    };
    let words = visible_word_count(&summary.content);
    if words < MIN_DESCRIPTION_WORDS {
        return Err(format!(
            "no content (only a {words}-word description; at least {MIN_DESCRIPTION_WORDS} needed)"
        ));
    }
    Ok((
        summary.content.clone(),
        kind_of_media(summary.content_type.as_ref()),
    ))
}

fn kind_of_media(media_type: &str) -> SourceKind {
    let media_type = media_type.to_ascii_lowercase();
    if media_type.contains("html") || media_type.ends_with("xml") {
        SourceKind::Html
    } else {
        SourceKind::Text
    }
}

/// The item's own page: an `alternate` (or unlabelled) link, else the first.
fn item_link(entry: &Entry) -> Option<String> {
    entry
        .links
        .iter()
        .find(|link| matches!(link.rel.as_deref(), None | Some("alternate")))
        .or_else(|| entry.links.first())
        .map(|link| link.href.trim().to_owned())
        .filter(|href| !href.is_empty())
}

fn text_content(text: &Text) -> Option<String> {
    let content = text.content.trim();
    (!content.is_empty()).then(|| content.to_owned())
}

fn is_bare_email(name: &str) -> bool {
    name.contains('@') && !name.contains(' ')
}

/// Words outside tags: enough to tell a teaser from an article.
fn visible_word_count(markup: &str) -> usize {
    let mut visible = String::with_capacity(markup.len());
    let mut in_tag = false;
    for character in markup.chars() {
        match character {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                visible.push(' ');
            }
            _ if !in_tag => visible.push(character),
            _ => {}
        }
    }
    visible.split_whitespace().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legacy_encoded_feed_is_decoded_and_flagged() {
        let feed = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss version=\"2.0\"><channel>\
                     <title>Caf\xe9 News</title><item><title>D\xe9j\xe0 vu</title>\
                     <content:encoded xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\
                     &lt;p&gt;Body&lt;/p&gt;</content:encoded></item></channel></rss>";
        let results = read_feed("latin1.rss", feed);
        let item = results[0].as_ref().unwrap();
        assert_eq!(item.hints.outlet_name.as_deref(), Some("Café News"));
        assert_eq!(item.hints.title.as_deref(), Some("Déjà vu"));
        assert_eq!(item.warnings, vec!["decoded as windows-1252"]);
    }

    #[test]
    fn xml_declarations_are_neutralised_everywhere() {
        let text = "<?xml version=\"1.0\"?>junk<?XML encoding='x'?><?xml-stylesheet href='s'?>\
                    <![CDATA[<?xml?>";
        assert_eq!(
            neutralise_xml_declarations(text),
            "<?xml- version=\"1.0\"?>junk<?XML- encoding='x'?><?xml-stylesheet href='s'?><![CDATA[<?xml-?>"
        );
        assert_eq!(neutralise_xml_declarations("<?xml"), "<?xml");
    }

    #[test]
    fn counts_words_outside_tags() {
        assert_eq!(
            visible_word_count("<p>Two <b>words</b></p><img src=\"a b c\">"),
            2
        );
    }

    #[test]
    fn media_types_map_to_kinds() {
        assert_eq!(kind_of_media("text/html"), SourceKind::Html);
        assert_eq!(kind_of_media("application/xhtml+xml"), SourceKind::Html);
        assert_eq!(kind_of_media("text/plain"), SourceKind::Text);
    }
}
