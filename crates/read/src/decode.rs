//! Bytes to UTF-8: byte order mark, then a declared charset (HTTP header, HTML
//! `<meta>`, XML prolog), then UTF-8 if the bytes are valid UTF-8, then
//! statistical detection (`chardetng`, the detector Firefox uses). Every
//! decode other than plain UTF-8 leaves a warning saying what was done, so
//! extraction can flag the article as transcoded.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// Decoded text and what decoding had to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Decoded {
    pub text: String,
    pub warnings: Vec<String>,
}

/// How far into a page to look for `<meta charset>`. The HTML standard's
/// prescan stops at 1,024 bytes, but many news pages put the tag after long
/// inline scripts; 4 KiB finds those without risking a match in body text.
const META_PRESCAN_BYTES: usize = 4096;

/// Decodes an HTML page. `transport_charset` is the HTTP `Content-Type`
/// charset when there was one (it outranks `<meta>`, as in browsers); `tld`
/// (e.g. `"ru"`) sharpens detection when nothing is declared.
pub(crate) fn decode_html(bytes: &[u8], transport_charset: Option<&str>, tld: Option<&str>) -> Decoded {
    let declared = transport_charset
        .and_then(|label| resolve_label(label, false))
        .or_else(|| declared_in_markup(bytes));
    decode(bytes, declared, tld)
}

/// Decodes plain text: nothing is declared, so BOM, UTF-8 or detection.
pub(crate) fn decode_text(bytes: &[u8]) -> Decoded {
    decode(bytes, None, None)
}

fn decode(bytes: &[u8], declared: Option<&'static Encoding>, tld: Option<&str>) -> Decoded {
    if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        return decode_with(encoding, &bytes[bom_length..], Vec::new());
    }
    let valid_utf8 = std::str::from_utf8(bytes).is_ok();
    match declared {
        Some(encoding) if encoding == UTF_8 && !valid_utf8 => {
            let guessed = guess(bytes, tld);
            let note = format!(
                "declared UTF-8 but not valid UTF-8; decoded as {}",
                guessed.name()
            );
            decode_with(guessed, bytes, vec![note])
        }
        // A legacy declaration on bytes that are valid UTF-8 (and not plain
        // ASCII) is a stale template: in real text a legacy encoding almost
        // never forms valid multi-byte UTF-8 sequences by chance.
        Some(encoding) if encoding != UTF_8 && valid_utf8 && !bytes.is_ascii() => Decoded {
            text: String::from_utf8_lossy(bytes).into_owned(),
            warnings: vec![format!(
                "declared {} but valid UTF-8; read as UTF-8",
                encoding.name()
            )],
        },
        Some(encoding) if !bytes.is_ascii() => decode_with(encoding, bytes, Vec::new()),
        _ if valid_utf8 => decode_with(UTF_8, bytes, Vec::new()),
        _ => decode_with(guess(bytes, tld), bytes, Vec::new()),
    }
}

fn decode_with(encoding: &'static Encoding, bytes: &[u8], mut warnings: Vec<String>) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if encoding != UTF_8 && !warnings.iter().any(|warning| warning.contains("decoded as")) {
        warnings.push(format!("decoded as {}", encoding.name()));
    }
    if had_errors {
        warnings.push(format!(
            "invalid {} byte sequences replaced with U+FFFD",
            encoding.name()
        ));
    }
    Decoded {
        text: text.into_owned(),
        warnings,
    }
}

fn guess(bytes: &[u8], tld: Option<&str>) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let tld = tld.filter(|tld| tld.bytes().all(|byte| byte.is_ascii_lowercase()));
    detector.guess(tld.map(str::as_bytes), false)
}

/// An encoding label as the HTML standard resolves it. From `<meta>`, UTF-16
/// labels mean UTF-8 (the page could not have been parsed that far otherwise).
fn resolve_label(label: &str, from_markup: bool) -> Option<&'static Encoding> {
    let encoding = Encoding::for_label(label.trim().as_bytes())?;
    if encoding == encoding_rs::REPLACEMENT {
        return None;
    }
    if encoding == encoding_rs::X_USER_DEFINED {
        return Some(WINDOWS_1252);
    }
    if from_markup && (encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE) {
        return Some(UTF_8);
    }
    Some(encoding)
}

/// The charset declared by an XML prolog or a `<meta charset>` /
/// `<meta http-equiv="Content-Type" content="…; charset=…">` near the top.
fn declared_in_markup(bytes: &[u8]) -> Option<&'static Encoding> {
    let prefix = &bytes[..bytes.len().min(META_PRESCAN_BYTES)];
    let lowered = prefix.to_ascii_lowercase();
    let trimmed_start = lowered
        .iter()
        .position(|byte| !byte.is_ascii_whitespace())
        .unwrap_or(0);
    if lowered[trimmed_start..].starts_with(b"<?xml") {
        let prolog_end = find(&lowered, b"?>", trimmed_start).unwrap_or(lowered.len());
        if let Some(label) = attribute_value(&lowered[trimmed_start..prolog_end], b"encoding") {
            return resolve_label(&label, true);
        }
    }
    let mut from = 0;
    while let Some(start) = find(&lowered, b"<meta", from) {
        let end = find(&lowered, b">", start).unwrap_or(lowered.len());
        if let Some(label) = attribute_value(&lowered[start..end], b"charset") {
            if let Some(encoding) = resolve_label(&label, true) {
                return Some(encoding);
            }
        }
        from = end;
    }
    None
}

/// The value after `name` `=` (optionally quoted), as an encoding label.
fn attribute_value(tag: &[u8], name: &[u8]) -> Option<String> {
    let mut from = 0;
    while let Some(index) = find(tag, name, from) {
        let rest = &tag[index + name.len()..];
        let rest = &rest[rest
            .iter()
            .position(|byte| !byte.is_ascii_whitespace())
            .unwrap_or(rest.len())..];
        if let Some(value) = rest.strip_prefix(b"=") {
            let value = &value[value
                .iter()
                .position(|byte| !byte.is_ascii_whitespace() && !matches!(byte, b'"' | b'\''))
                .unwrap_or(value.len())..];
            let label: Vec<u8> = value
                .iter()
                .copied()
                .take_while(|byte| byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b':' | b'.'))
                .collect();
            if !label.is_empty() {
                return Some(String::from_utf8_lossy(&label).into_owned());
            }
        }
        from = index + name.len();
    }
    None
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|window| window == needle)
        .map(|index| index + from)
}

/// The `charset` parameter of a `Content-Type` header value.
pub(crate) fn charset_parameter(content_type: &str) -> Option<String> {
    attribute_value(content_type.to_ascii_lowercase().as_bytes(), b"charset")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through_without_warning() {
        let decoded = decode_html("<p>Zelenskyy – Київ</p>".as_bytes(), None, None);
        assert_eq!(decoded.text, "<p>Zelenskyy – Київ</p>");
        assert!(decoded.warnings.is_empty());
    }

    #[test]
    fn meta_charset_is_honoured() {
        let page =
            b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">\
                     </head><body>caf\xe9</body></html>";
        let decoded = decode_html(page, None, None);
        assert!(decoded.text.contains("café"));
        assert_eq!(decoded.warnings, vec!["decoded as windows-1252".to_owned()]);
    }

    #[test]
    fn transport_charset_outranks_meta() {
        let page = b"<meta charset=\"utf-8\"><p>\xc7\xe4\xf0\xe0\xe2\xf1\xf2\xe2\xf3\xe9\xf2\xe5</p>";
        let decoded = decode_html(page, Some("windows-1251"), None);
        assert!(decoded.text.contains("Здравствуйте"), "{}", decoded.text);
    }

    #[test]
    fn undeclared_legacy_bytes_are_detected() {
        let text = "Le président a déclaré à la presse qu'il était très préoccupé par la situation \
                    économique et sociale du pays, évoquant des négociations difficiles.";
        let (bytes, _, _) = WINDOWS_1252.encode(text);
        let decoded = decode_text(&bytes);
        assert_eq!(decoded.text, text);
        assert_eq!(decoded.warnings, vec!["decoded as windows-1252".to_owned()]);
    }

    #[test]
    fn declared_utf8_that_is_not_falls_back_to_detection() {
        let decoded = decode_html(
            b"<meta charset=utf-8><p>na\xefve caf\xe9 d\xe9j\xe0 vu</p>",
            None,
            None,
        );
        assert!(decoded.text.contains("café"), "{}", decoded.text);
        assert!(decoded.warnings[0].starts_with("declared UTF-8 but not valid UTF-8"));
    }

    #[test]
    fn stale_legacy_declaration_on_utf8_bytes_reads_utf8() {
        let decoded = decode_html("<meta charset=iso-8859-1><p>café</p>".as_bytes(), None, None);
        assert!(decoded.text.contains("café"));
        assert_eq!(decoded.warnings.len(), 1);
    }

    #[test]
    fn bom_wins() {
        let decoded = decode_text(b"\xEF\xBB\xBFhello");
        assert_eq!(decoded.text, "hello");
        assert!(decoded.warnings.is_empty());
    }

    #[test]
    fn charset_parameter_is_parsed() {
        assert_eq!(
            charset_parameter("text/html; Charset=\"UTF-8\"").as_deref(),
            Some("utf-8")
        );
        assert_eq!(charset_parameter("text/html"), None);
    }
}
