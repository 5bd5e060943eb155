//! The URLs of the pages, built in one place so every link to an article,
//! story, entity or search is spelt the same way and encoded correctly
//! (entity keys contain `:`, search terms anything at all).

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Characters kept as they are in one path segment: the unreserved set of
/// RFC 3986, so `person:sybiha-andrii` becomes `person%3Asybiha-andrii`.
const PATH_SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// `value` encoded as one path segment.
pub fn segment(value: &str) -> String {
    utf8_percent_encode(value, PATH_SEGMENT).to_string()
}

/// The story page.
pub fn story(id: &str) -> String {
    format!("/stories/{}", segment(id))
}

/// The article page.
pub fn article(id: &str) -> String {
    format!("/articles/{}", segment(id))
}

/// The article page scrolled to the anchor at byte `start` of its body
/// (`id="s{start}"`, see `highlight::render_body`).
pub fn article_at(id: &str, start: usize) -> String {
    format!("/articles/{}#s{start}", segment(id))
}

/// The original upload of an article.
pub fn article_original(id: &str) -> String {
    format!("/articles/{}/original", segment(id))
}

/// The entity page for a canonical key.
pub fn entity(key: &str) -> String {
    format!("/entities/{}", segment(key))
}

/// `path` with the non-empty `params` as its query string.
pub fn with_query(path: &str, params: &[(&str, &str)]) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    for (name, value) in params {
        if !value.is_empty() {
            query.append_pair(name, value);
        }
    }
    let query = query.finish();
    if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{query}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_keys_are_one_encoded_segment() {
        assert_eq!(entity("person:sybiha-andrii"), "/entities/person%3Asybiha-andrii");
        assert_eq!(entity("org:a/b c"), "/entities/org%3Aa%2Fb%20c");
    }

    #[test]
    fn queries_skip_empty_values_and_encode_the_rest() {
        assert_eq!(with_query("/search", &[("q", ""), ("outlet", "")]), "/search");
        assert_eq!(
            with_query("/search", &[("q", "Sybiha & co"), ("outlet", ""), ("page", "2")]),
            "/search?q=Sybiha+%26+co&page=2"
        );
    }

    #[test]
    fn article_anchor_names_the_byte_offset() {
        assert_eq!(article_at("abc123", 42), "/articles/abc123#s42");
    }
}
