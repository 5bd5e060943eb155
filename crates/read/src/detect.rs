//! Format detection from content: magic bytes and the first non-blank
//! characters decide; the extension only breaks ties the content leaves open
//! (a `.txt` starting with a stray tag stays text, a `.jsonl` whose first line
//! is broken stays JSONL).

/// What a stream looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Detected {
    /// No bytes, or only whitespace.
    Empty,
    /// Not text; says why ("looks like PDF", "contains NUL bytes").
    Binary(&'static str),
    /// A WARC archive.
    Warc,
    /// RSS, Atom or JSON Feed.
    Feed,
    /// One JSON object per line.
    Jsonl,
    /// One (pretty-printed) JSON object or an array of objects.
    JsonDocument,
    /// An HTML page.
    Html,
    /// Anything else textual.
    Text,
}

/// Magic numbers of formats that are certainly not articles.
const BINARY_MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF", "looks like PDF"),
    (b"\x89PNG", "looks like PNG"),
    (b"GIF87a", "looks like GIF"),
    (b"GIF89a", "looks like GIF"),
    (b"\xFF\xD8\xFF", "looks like JPEG"),
    (b"PK\x03\x04", "looks like ZIP"),
    (b"PK\x05\x06", "looks like ZIP"),
    (b"\x7FELF", "looks like ELF executable"),
    (b"7z\xBC\xAF\x27\x1C", "looks like 7z"),
    (b"Rar!\x1A\x07", "looks like RAR"),
    (b"\xFD7zXZ\x00", "looks like xz"),
    (b"\x28\xB5\x2F\xFD", "looks like zstd"),
    (b"SQLite format 3\x00", "looks like SQLite"),
    (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "looks like MS Office"),
    (b"\x00\x00\x01\x00", "looks like ICO"),
    (b"OggS", "looks like Ogg"),
    (b"ID3", "looks like MP3"),
    (b"fLaC", "looks like FLAC"),
    (b"\x1A\x45\xDF\xA3", "looks like Matroska/WebM"),
    (b"wOFF", "looks like WOFF font"),
    (b"wOF2", "looks like WOFF2 font"),
];

/// Detects the format of a stream from its first bytes (`head`, already
/// decompressed) and, where the content is ambiguous, its `extension`.
pub(crate) fn detect(head: &[u8], extension: Option<&str>) -> Detected {
    if let Some(what) = binary_magic(head) {
        return Detected::Binary(what);
    }
    let sniffed = sniffable(head);
    let start = trim_start(&sniffed);
    if start.is_empty() {
        return Detected::Empty;
    }
    // Before the NUL check: WARC records carry binary payloads (images).
    if start.starts_with(b"WARC/") {
        return Detected::Warc;
    }
    if has_nul_bytes(head) {
        return Detected::Binary("contains NUL bytes");
    }
    let extension = extension.unwrap_or("");
    match start[0] {
        b'<' => detect_markup(start, extension),
        b'{' | b'[' => detect_json(start, extension, head.len() >= crate::limits::SNIFF_BYTES),
        _ if matches!(extension, "html" | "htm" | "xhtml") && contains_ignore_case(start, b"<") => {
            Detected::Html
        }
        _ => Detected::Text,
    }
}

/// "looks like X" for a binary format `head` starts with.
fn binary_magic(head: &[u8]) -> Option<&'static str> {
    if let Some((_, what)) = BINARY_MAGIC.iter().find(|(magic, _)| head.starts_with(magic)) {
        return Some(what);
    }
    if head.len() >= 12 && &head[4..8] == b"ftyp" {
        return Some("looks like MP4/QuickTime");
    }
    if head.len() >= 12 && head.starts_with(b"RIFF") && &head[8..12] == b"WEBP" {
        return Some("looks like WebP");
    }
    None
}

/// Text never holds NUL bytes, except UTF-16 (recognised by its BOM).
fn has_nul_bytes(head: &[u8]) -> bool {
    let utf16 = head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF");
    !utf16 && head.contains(&0)
}

/// The head as UTF-8-compatible bytes: UTF-16 (by BOM) is decoded, a UTF-8
/// BOM dropped; other bytes are left alone (detection only looks at ASCII).
fn sniffable(head: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    if let Some((encoding, bom_length)) = encoding_rs::Encoding::for_bom(head) {
        if encoding == encoding_rs::UTF_8 {
            return std::borrow::Cow::Borrowed(&head[bom_length..]);
        }
        let (text, _) = encoding.decode_without_bom_handling(&head[bom_length..]);
        return std::borrow::Cow::Owned(text.into_owned().into_bytes());
    }
    std::borrow::Cow::Borrowed(head)
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let first = bytes
        .iter()
        .position(|byte| !byte.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[first..]
}

/// Markup: a feed by its root element, else HTML (unless a `.txt` merely
/// starts with something tag-like and has no HTML structure).
fn detect_markup(start: &[u8], extension: &str) -> Detected {
    match root_element(start).as_deref() {
        Some("rss" | "feed" | "rdf:rdf") => Detected::Feed,
        Some("html" | "head" | "body") => Detected::Html,
        _ if starts_with_ignore_case(start, b"<!doctype html") => Detected::Html,
        _ if matches!(extension, "txt" | "text" | "md") => Detected::Text,
        Some(_) if starts_with_ignore_case(start, b"<?xml") && !is_html_extension(extension) => {
            Detected::Text
        }
        _ => Detected::Html,
    }
}

fn is_html_extension(extension: &str) -> bool {
    matches!(extension, "html" | "htm" | "xhtml")
}

/// The lower-cased name of the first element, skipping the XML prolog,
/// processing instructions, comments and the doctype.
fn root_element(mut rest: &[u8]) -> Option<String> {
    loop {
        rest = trim_start(rest);
        if rest.starts_with(b"<?") {
            rest = after(rest, b"?>")?;
        } else if rest.starts_with(b"<!--") {
            rest = after(rest, b"-->")?;
        } else if rest.starts_with(b"<!") {
            rest = after(rest, b">")?;
        } else if rest.starts_with(b"<") {
            let name: Vec<u8> = rest[1..]
                .iter()
                .take_while(|byte| byte.is_ascii_alphanumeric() || matches!(byte, b':' | b'-' | b'_'))
                .map(u8::to_ascii_lowercase)
                .collect();
            return (!name.is_empty()).then(|| String::from_utf8_lossy(&name).into_owned());
        } else {
            return None;
        }
    }
}

fn after<'a>(haystack: &'a [u8], needle: &[u8]) -> Option<&'a [u8]> {
    let index = haystack
        .windows(needle.len())
        .position(|window| window == needle)?;
    Some(&haystack[index + needle.len()..])
}

/// JSON: a JSON Feed by its `version` URL; JSONL when the first line is a
/// complete object (or the extension says so); else one JSON document.
fn detect_json(start: &[u8], extension: &str, head_is_partial: bool) -> Detected {
    if contains_ignore_case(start, b"jsonfeed.org/version") {
        return Detected::Feed;
    }
    if matches!(extension, "jsonl" | "ndjson") {
        return Detected::Jsonl;
    }
    match start.iter().position(|&byte| byte == b'\n') {
        // A first line longer than the sniffed head: only JSONL has those.
        None if head_is_partial => Detected::Jsonl,
        None => first_line_kind(start),
        Some(end) => first_line_kind(&start[..end]),
    }
}

fn first_line_kind(line: &[u8]) -> Detected {
    match serde_json::from_slice::<serde_json::Value>(line) {
        Ok(serde_json::Value::Object(_)) => Detected::Jsonl,
        _ => Detected::JsonDocument,
    }
}

fn starts_with_ignore_case(haystack: &[u8], prefix: &[u8]) -> bool {
    haystack.len() >= prefix.len() && haystack[..prefix.len()].eq_ignore_ascii_case(prefix)
}

fn contains_ignore_case(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_by_content_whatever_the_extension() {
        assert_eq!(detect(b"  <!DOCTYPE html><p>x", Some("txt")), Detected::Html);
        assert_eq!(
            detect(b"<?xml version='1.0'?>\n<rss version='2.0'>", None),
            Detected::Feed
        );
        assert_eq!(
            detect(b"<?xml version='1.0'?><!-- c --><feed xmlns='x'>", None),
            Detected::Feed
        );
        assert_eq!(
            detect(b"WARC/1.0\r\nWARC-Type: warcinfo", Some("txt")),
            Detected::Warc
        );
        assert_eq!(
            detect(b"{\"url\": \"u\"}\n{\"url\": 1}", Some("json")),
            Detected::Jsonl
        );
        assert_eq!(
            detect(b"{\n  \"url\": \"u\"\n}", Some("json")),
            Detected::JsonDocument
        );
        assert_eq!(
            detect(b"{\"version\": \"https://jsonfeed.org/version/1.1\"}", None),
            Detected::Feed
        );
        assert_eq!(
            detect(b"date 2025-09-04\nKyiv, Ukraine", Some("html")),
            Detected::Text
        );
    }

    #[test]
    fn extension_breaks_ties() {
        assert_eq!(detect(b"<b>Breaking</b> news", Some("txt")), Detected::Text);
        assert_eq!(detect(b"<div>Breaking</div>", None), Detected::Html);
        assert_eq!(detect(b"{broken\n{\"a\":1}", Some("jsonl")), Detected::Jsonl);
        assert_eq!(detect(b"Intro <p>para</p>", Some("htm")), Detected::Html);
    }

    #[test]
    fn recognises_binary_and_empty() {
        assert_eq!(
            detect(b"%PDF-1.7\n", Some("txt")),
            Detected::Binary("looks like PDF")
        );
        assert_eq!(
            detect(b"\x89PNG\r\n\x1a\n", None),
            Detected::Binary("looks like PNG")
        );
        assert_eq!(
            detect(b"abc\x00def", None),
            Detected::Binary("contains NUL bytes")
        );
        assert_eq!(detect(b"", None), Detected::Empty);
        assert_eq!(detect(b" \n\t\r\n", None), Detected::Empty);
    }

    #[test]
    fn utf16_with_bom_is_text_not_binary() {
        let utf16: Vec<u8> = b"\xFF\xFE"
            .iter()
            .copied()
            .chain("<html>".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(detect(&utf16, None), Detected::Html);
    }
}
