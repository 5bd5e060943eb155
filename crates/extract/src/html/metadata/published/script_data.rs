//! Publication dates in a page's script data: the JSON a JavaScript
//! framework embeds (`"publishedAt":"2025-10-20T13:08:55-07:00"`,
//! `publishedDate:"…"`, escaped JSON-LD inside a string) that the page
//! renders from. Only ISO dates under publication keys are read; the first
//! in document order is the page's own (listings of other articles come
//! later in the same data far more often than before it).

use once_cell::sync::Lazy;
use parallax_core::{DateProvenance, PublishedDate};
use regex::Regex;

use crate::dates::parse_date;
use crate::html::dom::Dom;

static PUBLISHED_KEY_VALUE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r#"(?:^|[^A-Za-z0-9_])(?:datePublished|publishedAt|published_at|publishDate|publishedDate|publish_date|first_publication_date|date_published|publishedOn|published_on|publicationDate|publication_date)(?:\\*")?\s*:\s*\\*"(\d{4}-\d{2}-\d{2}[^"\\]{0,30})"#,
    )
    .expect("valid pattern")
});

/// The first ISO publication date under a publication key in any script.
pub fn script_date(dom: &Dom) -> Option<PublishedDate> {
    dom.elements_named("script")
        .flat_map(|script| dom.children(script).iter().filter_map(|&child| dom.text(child)))
        .find_map(|text| {
            PUBLISHED_KEY_VALUE
                .captures_iter(text)
                .find_map(|caps| parse_date(caps.get(1)?.as_str(), DateProvenance::Meta))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(html: &str) -> Option<String> {
        script_date(&Dom::parse(html)).and_then(|d| d.date)
    }

    #[test]
    fn reads_framework_data_and_escaped_json() {
        assert_eq!(
            date(r#"<script>self.__next_f.push({"publishedAt":"2025-10-20T13:08:55-07:00"})</script>"#)
                .as_deref(),
            Some("2025-10-20")
        );
        assert_eq!(
            date(r#"<script>x={slug:"a",publishedDate:"2019-08-16T00:00:00.000Z"}</script>"#).as_deref(),
            Some("2019-08-16")
        );
        assert_eq!(
            date(r#"<script>"{\"datePublished\":\"2023-04-07T14:11:18.000+00:00\"}"</script>"#).as_deref(),
            Some("2023-04-07")
        );
    }

    #[test]
    fn ignores_other_keys_and_non_iso_values() {
        assert_eq!(
            date(r#"<script>{"updatedAt":"2025-01-01","mypublishedAt":"2024-01-01"}</script>"#),
            None
        );
        assert_eq!(date(r#"<script>{"publishedAt":"yesterday"}</script>"#), None);
        assert_eq!(date(r#"<p>"publishedAt":"2025-01-01"</p>"#), None);
    }
}
