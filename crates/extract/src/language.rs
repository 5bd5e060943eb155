//! Language of an article: detected from its text (trigram statistics via the
//! `whatlang` crate) or normalised from what the page declares (`<html
//! lang="en-US">`, `og:locale` "en_GB", JSON-LD `inLanguage` "eng").
//!
//! Everything is reported as an ISO 639-1 code ("en"); a detection that
//! `whatlang` itself does not call reliable is reported as `None`.

/// Texts with fewer letters than this are too short to identify reliably.
const MIN_LETTERS: usize = 20;

/// Detection reads at most this many bytes: a few paragraphs decide the
/// language as well as the whole article, at a fraction of the time.
const SAMPLE_BYTES: usize = 4096;

/// ISO 639-1 code of a text's language, or None when too short/uncertain.
pub fn detect_language(text: &str) -> Option<String> {
    let sample = prefix_on_char_boundary(text, SAMPLE_BYTES);
    if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return None;
    }
    let info = whatlang::detect(sample)?;
    if !info.is_reliable() {
        return None;
    }
    iso_639_1(info.lang().code()).map(str::to_owned)
}

/// Normalises a declared language ("en-US", "en_GB", "eng", "English") to ISO 639-1.
pub fn normalize_language_tag(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.trim().to_lowercase();
    let code = match primary.len() {
        2 if primary.bytes().all(|b| b.is_ascii_lowercase()) => match primary.as_str() {
            // Codes withdrawn from ISO 639-1 that old pages still declare.
            "iw" => "he",
            "in" => "id",
            "ji" => "yi",
            other => return Some(other.to_owned()),
        },
        3 => iso_639_1(&primary)?,
        _ => english_name_code(&primary)?,
    };
    Some(code.to_owned())
}

/// The longest prefix of `text` of at most `max` bytes that ends on a char
/// boundary.
fn prefix_on_char_boundary(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// ISO 639-3 (and 639-2/B) code → ISO 639-1, for the languages `whatlang`
/// detects and the bibliographic codes pages sometimes declare.
fn iso_639_1(code: &str) -> Option<&'static str> {
    Some(match code {
        "eng" => "en",
        "rus" => "ru",
        "cmn" | "zho" | "chi" => "zh",
        "spa" => "es",
        "por" => "pt",
        "ita" => "it",
        "ben" => "bn",
        "fra" | "fre" => "fr",
        "deu" | "ger" => "de",
        "ukr" => "uk",
        "kat" | "geo" => "ka",
        "ara" => "ar",
        "hin" => "hi",
        "jpn" => "ja",
        "heb" => "he",
        "yid" => "yi",
        "pol" => "pl",
        "amh" => "am",
        "jav" => "jv",
        "kor" => "ko",
        "nob" => "nb",
        "nno" => "nn",
        "nor" => "no",
        "dan" => "da",
        "swe" => "sv",
        "fin" => "fi",
        "tur" => "tr",
        "nld" | "dut" => "nl",
        "hun" => "hu",
        "ces" | "cze" => "cs",
        "ell" | "gre" => "el",
        "bul" => "bg",
        "bel" => "be",
        "mar" => "mr",
        "kan" => "kn",
        "ron" | "rum" => "ro",
        "slv" => "sl",
        "hrv" => "hr",
        "srp" => "sr",
        "mkd" | "mac" => "mk",
        "lit" => "lt",
        "lav" => "lv",
        "est" => "et",
        "tam" => "ta",
        "vie" => "vi",
        "urd" => "ur",
        "tha" => "th",
        "guj" => "gu",
        "uzb" => "uz",
        "pan" => "pa",
        "aze" => "az",
        "ind" => "id",
        "msa" | "may" | "zsm" => "ms",
        "tel" => "te",
        "pes" | "fas" | "per" => "fa",
        "mal" => "ml",
        "ori" => "or",
        "mya" | "bur" => "my",
        "nep" => "ne",
        "sin" => "si",
        "khm" => "km",
        "tuk" => "tk",
        "aka" => "ak",
        "zul" => "zu",
        "sna" => "sn",
        "afr" => "af",
        "lat" => "la",
        "slk" | "slo" => "sk",
        "cat" => "ca",
        "tgl" => "tl",
        "hye" | "arm" => "hy",
        "epo" => "eo",
        "sqi" | "alb" => "sq",
        "eus" | "baq" => "eu",
        "glg" => "gl",
        "gle" => "ga",
        "isl" | "ice" => "is",
        "swa" => "sw",
        "kaz" => "kk",
        "mon" => "mn",
        "som" => "so",
        "hau" => "ha",
        "yor" => "yo",
        "cym" | "wel" => "cy",
        _ => return None,
    })
}

/// English names of the languages most often declared by name.
fn english_name_code(name: &str) -> Option<&'static str> {
    Some(match name {
        "english" => "en",
        "french" | "français" | "francais" => "fr",
        "german" | "deutsch" => "de",
        "spanish" | "español" | "espanol" => "es",
        "italian" | "italiano" => "it",
        "portuguese" | "português" | "portugues" => "pt",
        "dutch" | "nederlands" => "nl",
        "russian" => "ru",
        "ukrainian" => "uk",
        "polish" | "polski" => "pl",
        "arabic" => "ar",
        "chinese" => "zh",
        "japanese" => "ja",
        "korean" => "ko",
        "turkish" => "tr",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_common_languages() {
        let english = "The president said on Wednesday that talks with the delegation would continue next week in Istanbul.";
        let german = "Der Präsident sagte am Mittwoch, dass die Gespräche mit der Delegation nächste Woche weitergehen würden.";
        let ukrainian =
            "Президент заявив у середу, що переговори з делегацією продовжаться наступного тижня в Стамбулі.";
        assert_eq!(detect_language(english).as_deref(), Some("en"));
        assert_eq!(detect_language(german).as_deref(), Some("de"));
        assert_eq!(detect_language(ukrainian).as_deref(), Some("uk"));
    }

    #[test]
    fn short_or_empty_text_is_unknown() {
        assert_eq!(detect_language(""), None);
        assert_eq!(detect_language("Hello there"), None);
        assert_eq!(detect_language("12345 67890 !!!"), None);
    }

    #[test]
    fn long_text_is_sampled_on_a_char_boundary() {
        let text = "Президент заявив у середу, що переговори з делегацією продовжаться наступного тижня. "
            .repeat(100);
        assert_eq!(detect_language(&text).as_deref(), Some("uk"));
        assert_eq!(prefix_on_char_boundary("жжж", 3), "ж");
        assert_eq!(prefix_on_char_boundary("жжж", 100), "жжж");
    }

    #[test]
    fn normalises_declared_tags() {
        assert_eq!(normalize_language_tag("en-US").as_deref(), Some("en"));
        assert_eq!(normalize_language_tag("en_GB").as_deref(), Some("en"));
        assert_eq!(normalize_language_tag("eng").as_deref(), Some("en"));
        assert_eq!(normalize_language_tag(" FR ").as_deref(), Some("fr"));
        assert_eq!(normalize_language_tag("iw").as_deref(), Some("he"));
        assert_eq!(normalize_language_tag("zh-Hant-TW").as_deref(), Some("zh"));
        assert_eq!(normalize_language_tag("English").as_deref(), Some("en"));
        assert_eq!(normalize_language_tag(""), None);
        assert_eq!(normalize_language_tag("x"), None);
        assert_eq!(normalize_language_tag("xyz"), None);
        assert_eq!(normalize_language_tag("e1"), None);
    }

    proptest::proptest! {
        #[test]
        fn never_panics(text in "\\PC{0,200}") {
            let _ = detect_language(&text);
            let _ = normalize_language_tag(&text);
        }
    }
}
