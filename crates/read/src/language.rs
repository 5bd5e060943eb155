//! Language tags as containers state them ("en-US", "EN", "en_GB") reduced to
//! the ISO 639-1 code `Hints::language` holds.

/// The two-letter primary subtag of a language tag, lower-cased; `None` for
/// anything that is not one (three-letter codes, "x-default", free text).
pub(crate) fn iso_639_1(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?;
    (primary.len() == 2 && primary.chars().all(|c| c.is_ascii_alphabetic()))
        .then(|| primary.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_primary_subtag() {
        assert_eq!(iso_639_1("en-US").as_deref(), Some("en"));
        assert_eq!(iso_639_1(" DE ").as_deref(), Some("de"));
        assert_eq!(iso_639_1("pt_BR").as_deref(), Some("pt"));
        assert_eq!(iso_639_1("eng"), None);
        assert_eq!(iso_639_1(""), None);
    }
}
