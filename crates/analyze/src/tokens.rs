//! Tokens of the body: words, numbers, punctuation, quote marks, dashes,
//! ellipses, URLs and handles, each with a byte span.
//!
//! The tokenization follows the conventions of CoNLL-2003 / the Penn Treebank
//! closely enough that the NER model, trained on pre-tokenized CoNLL text,
//! sees the same kind of tokens at run time: possessive and contracted
//! clitics are split off ("Zelenskyy’s" → "Zelenskyy" and "’s"; "don't" →
//! "do" and "n't"), hyphenated words stay whole ("RBC-Ukraine"),
//! abbreviations keep their period ("U.S.", "Sept."), numbers keep their
//! separators ("1,436", "3.5", "2025-09-04"), and every quote mark is its own
//! token. It is a single left-to-right pass (about 60 MB/s on one core).

mod abbreviations;

pub use abbreviations::AbbreviationClass;
use parallax_core::Span;

/// One token with its byte span in the text given to [`tokenize`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte span `[start, end)`.
    pub span: Span,
    /// What kind of token it is.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text in `text` (the string passed to [`tokenize`]); empty
    /// if the span does not belong to `text`.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        self.span.slice(text).unwrap_or("")
    }
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and digits) with internal hyphens or apostrophes:
    /// "Kyiv", "O'Sullivan", "three-and-a-half-year", "F-16", "10th".
    Word,
    /// A clitic split off a word: "’s", "'s", "n't", "'re", "'ll", "'ve",
    /// "'d", "'m".
    Clitic,
    /// An abbreviation including its period ("U.S.", "Sept.", "Gen.", "J.").
    Abbreviation(AbbreviationClass),
    /// Digits with separators: "502", "1,436", "3.5", "50,000", "9/11",
    /// "2025-09-04", "10:30".
    Number,
    /// A quotation mark (an apostrophe inside a word is not one).
    Quote(QuoteMark),
    /// An em or en dash, "--", or a hyphen standing alone between spaces.
    Dash,
    /// "...", "…", ". . ." or a bracketed elision "(...)", "[…]".
    Ellipsis,
    /// Other punctuation: . , ; : ! ? ( ) [ ] { } / and a hyphen not joining words.
    Punctuation,
    /// Currency, percent, maths and other symbols ("$", "%", "€", "&", "+").
    Symbol,
    /// "https://…", "www.…" or a bare domain such as "euronews.com".
    Url,
    /// "name@example.org".
    Email,
    /// "@handle".
    Handle,
    /// "#hashtag".
    Hashtag,
}

impl TokenKind {
    /// True for tokens that carry words or numbers (what NER and lemma
    /// lookups care about).
    pub fn is_wordlike(self) -> bool {
        matches!(
            self,
            TokenKind::Word
                | TokenKind::Clitic
                | TokenKind::Abbreviation(_)
                | TokenKind::Number
                | TokenKind::Url
                | TokenKind::Email
                | TokenKind::Handle
                | TokenKind::Hashtag
        )
    }
}

/// A quotation mark and which side of a quotation it stands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteMark {
    /// Double (" “ ” „ « ») rather than single (' ‘ ’ ‚ ‹ ›).
    pub double: bool,
    /// Typographic (curly or guillemet) rather than straight.
    pub curly: bool,
    /// Opening, closing, or not decidable from the characters around it.
    pub side: QuoteSide,
}

/// Which side of a quotation a mark stands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteSide {
    /// Opens a quotation.
    Opening,
    /// Closes a quotation.
    Closing,
    /// Cannot tell from the neighbouring characters (straight quote between
    /// two spaces or two letters).
    Ambiguous,
}

/// Splits `text` into tokens, in order, with spans relative to `text`.
/// Whitespace is skipped; every other character belongs to exactly one token.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut pos = 0;
    while let Some(c) = char_at(text, pos) {
        if c.is_whitespace() {
            pos += c.len_utf8();
            continue;
        }
        let (end, kind) = scan_token(text, pos, c);
        // Every scanner consumes at least the first character, so this
        // loop always advances; the max() makes that a guarantee.
        let end = end.max(pos + c.len_utf8());
        tokens.push(Token {
            span: Span::new(pos, end),
            kind,
        });
        pos = end;
    }
    tokens
}

/// The tokens inside `span` (tokens must be sorted, as [`tokenize`] returns
/// them, and share `span`'s coordinates).
pub fn tokens_in(tokens: &[Token], span: Span) -> &[Token] {
    let first = tokens.partition_point(|t| t.span.start < span.start);
    let last = tokens.partition_point(|t| t.span.end <= span.end);
    if last <= first {
        return &[];
    }
    &tokens[first..last]
}

fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..)?.chars().next()
}

fn char_before(text: &str, pos: usize) -> Option<char> {
    text.get(..pos)?.chars().next_back()
}

/// Scans the token starting with `c` at `pos`; returns its end and kind.
fn scan_token(text: &str, pos: usize, c: char) -> (usize, TokenKind) {
    if let Some(end) = scan_url(text, pos) {
        return (end, TokenKind::Url);
    }
    if let Some(end) = clitic_token_end(text, pos, c) {
        return (end, TokenKind::Clitic);
    }
    if is_word_char(c) {
        return scan_word(text, pos);
    }
    let after = pos + c.len_utf8();
    match c {
        '@' | '#' => {
            let end = scan_while(text, after, |c| c.is_alphanumeric() || c == '_');
            if end > after {
                let kind = if c == '@' {
                    TokenKind::Handle
                } else {
                    TokenKind::Hashtag
                };
                return (end, kind);
            }
            (after, TokenKind::Symbol)
        }
        '.' => scan_dots(text, pos),
        '…' => (after, TokenKind::Ellipsis),
        '(' | '[' => match bracketed_ellipsis_end(text, after, if c == '(' { ')' } else { ']' }) {
            Some(end) => (end, TokenKind::Ellipsis),
            None => (after, TokenKind::Punctuation),
        },
        '—' | '–' | '―' | '‒' => (after, TokenKind::Dash),
        '-' => {
            let end = scan_while(text, after, |c| c == '-');
            if end > after || is_spaced(text, pos, end) {
                (end, TokenKind::Dash)
            } else {
                (after, TokenKind::Punctuation)
            }
        }
        '"' | '\'' | '“' | '”' | '„' | '‘' | '’' | '‚' | '«' | '»' | '‹' | '›' => {
            (after, TokenKind::Quote(quote_mark(text, pos, after, c)))
        }
        _ if c.is_ascii_punctuation() || is_general_punctuation(c) => {
            let kind = if matches!(
                c,
                '$' | '%' | '&' | '+' | '=' | '<' | '>' | '^' | '|' | '~' | '`' | '*'
            ) {
                TokenKind::Symbol
            } else {
                TokenKind::Punctuation
            };
            (after, kind)
        }
        _ => (after, TokenKind::Symbol),
    }
}

/// Letters, digits and combining marks (so "é" spelt e + U+0301 stays whole).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c)
}

fn is_general_punctuation(c: char) -> bool {
    ('\u{2010}'..='\u{205e}').contains(&c) || matches!(c, '¡' | '¿' | '·' | '•')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

fn scan_while(text: &str, mut pos: usize, keep: impl Fn(char) -> bool) -> usize {
    while let Some(c) = char_at(text, pos) {
        if !keep(c) {
            break;
        }
        pos += c.len_utf8();
    }
    pos
}

/// True when `[start, end)` has whitespace (or the text edge) on both sides.
fn is_spaced(text: &str, start: usize, end: usize) -> bool {
    char_before(text, start).is_none_or(char::is_whitespace)
        && char_at(text, end).is_none_or(char::is_whitespace)
}

/// A word, number or abbreviation starting at `start`.
fn scan_word(text: &str, start: usize) -> (usize, TokenKind) {
    let bytes = text.as_bytes();
    let mut pos = start;
    let mut has_letter = false;
    while let Some(c) = char_at(text, pos) {
        let next_pos = pos + c.len_utf8();
        if is_word_char(c) {
            has_letter |= !c.is_ascii_digit();
            pos = next_pos;
            continue;
        }
        let prev = char_before(text, pos);
        let next = char_at(text, next_pos);
        let prev_alnum = prev.is_some_and(is_word_char);
        let next_alnum = next.is_some_and(is_word_char);
        if is_hyphen(c) && prev_alnum && next_alnum {
            pos = next_pos;
            continue;
        }
        if is_apostrophe(c) && prev.is_some_and(char::is_alphabetic) && next.is_some_and(char::is_alphabetic)
        {
            if clitic_end(text, next_pos).is_some() {
                // "don't" → "do" + "n't": the clitic takes the "n" too.
                let word_end =
                    if is_negation_clitic(text, next_pos) && prev.is_some_and(|p| p == 'n' || p == 'N') {
                        pos - 1
                    } else {
                        pos
                    };
                if word_end > start {
                    return (word_end, word_kind(has_letter));
                }
                // A word that is only "n" before "'t": keep it whole.
            } else {
                pos = next_pos;
                continue;
            }
        }
        // Numeric separators: "1,436", "3.5", "9/11", "10:30" (only between
        // digits, and only while the token is still all digits).
        if !has_letter
            && matches!(c, ',' | '.' | '/' | ':')
            && prev.is_some_and(|p| p.is_ascii_digit())
            && next.is_some_and(|n| n.is_ascii_digit())
        {
            pos = next_pos;
            continue;
        }
        if c == '.' && has_letter {
            if let Some(end) = abbreviation_end(text, start, pos) {
                return end;
            }
        }
        if c == '@' && pos > start {
            if let Some(end) = email_end(text, next_pos) {
                return (end, TokenKind::Email);
            }
        }
        break;
    }
    // A bare domain ("euronews.com") is a URL, not a word and a period.
    if bytes.get(pos) == Some(&b'.') {
        if let Some(end) = domain_end(text, start, pos) {
            return (end, TokenKind::Url);
        }
    }
    (pos, word_kind(has_letter))
}

fn word_kind(has_letter: bool) -> TokenKind {
    if has_letter {
        TokenKind::Word
    } else {
        TokenKind::Number
    }
}

/// If `[start, dot)` followed by the period at `dot` is an abbreviation,
/// its end (after the period) and kind.
fn abbreviation_end(text: &str, start: usize, dot: usize) -> Option<(usize, TokenKind)> {
    let word = text.get(start..dot)?;
    let after_dot = dot + 1;
    let single_letter = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
    if single_letter {
        // Letter-period sequences: "U.S.", "U.K.", "a.m.", "e.g.".
        let mut end = after_dot;
        let mut letters = 1;
        loop {
            let mut chars = text.get(end..)?.chars();
            match (chars.next(), chars.next()) {
                (Some(l), Some('.')) if l.is_alphabetic() => {
                    let next = char_at(text, end + l.len_utf8() + 1);
                    if next.is_some_and(is_word_char) && letters >= 1 && !next.is_some_and(char::is_uppercase)
                    {
                        break;
                    }
                    end += l.len_utf8() + 1;
                    letters += 1;
                }
                _ => break,
            }
        }
        if letters > 1 {
            return Some((end, TokenKind::Abbreviation(AbbreviationClass::MaybeFinal)));
        }
        // An initial: "J. R. R. Tolkien", "Plan B." (upper case only; a lone
        // lower-case letter before a period is a word ending a sentence).
        if word.chars().all(char::is_uppercase) {
            return Some((after_dot, TokenKind::Abbreviation(AbbreviationClass::MaybeFinal)));
        }
        return None;
    }
    // A party-and-state label ("D-N.Y.", "R-Calif."): the part after the
    // last hyphen decides, and the token keeps its prefix.
    if let Some(hyphen) = word.rfind(is_hyphen) {
        let tail = hyphen + word[hyphen..].chars().next().map_or(1, char::len_utf8);
        return if tail < word.len() {
            abbreviation_end(text, start + tail, dot)
        } else {
            None
        };
    }
    let class = abbreviations::classify(word)?;
    if abbreviations::needs_number_after(word) {
        let rest = text.get(after_dot..)?.trim_start_matches(' ');
        if !rest.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
    }
    Some((after_dot, TokenKind::Abbreviation(class)))
}

/// The end of a clitic ("s", "re", "ll", "ve", "d", "m", "t") starting at
/// `pos` (just after the apostrophe), when a word boundary follows it.
fn clitic_end(text: &str, pos: usize) -> Option<usize> {
    let rest = text.get(pos..)?.as_bytes();
    let len = ["ll", "re", "ve", "s", "d", "m", "t"]
        .iter()
        .find(|c| rest.len() >= c.len() && rest[..c.len()].eq_ignore_ascii_case(c.as_bytes()))?
        .len();
    let end = pos + len;
    match char_at(text, end) {
        Some(c) if is_word_char(c) => None,
        _ => Some(end),
    }
}

/// A clitic token starting at `pos` right after a word: "’s", "'re", or
/// "n't" (whose "n" the word scanner left behind).
fn clitic_token_end(text: &str, pos: usize, c: char) -> Option<usize> {
    if !char_before(text, pos).is_some_and(char::is_alphabetic) {
        return None;
    }
    let apostrophe_at = if is_apostrophe(c) {
        pos
    } else if c == 'n' || c == 'N' {
        let apostrophe = char_at(text, pos + 1).filter(|&a| is_apostrophe(a))?;
        if !is_negation_clitic(text, pos + 1 + apostrophe.len_utf8()) {
            return None;
        }
        pos + 1
    } else {
        return None;
    };
    let apostrophe = char_at(text, apostrophe_at)?;
    clitic_end(text, apostrophe_at + apostrophe.len_utf8())
}

fn is_negation_clitic(text: &str, pos: usize) -> bool {
    text.as_bytes()
        .get(pos)
        .is_some_and(|b| b.eq_ignore_ascii_case(&b't'))
}

/// "a.b@c.d": the end of an e-mail address whose domain starts at `pos`.
fn email_end(text: &str, pos: usize) -> Option<usize> {
    let end = scan_while(text, pos, |c| c.is_alphanumeric() || c == '-' || c == '.');
    let domain = text.get(pos..end)?.trim_end_matches('.');
    (domain.contains('.') && !domain.starts_with('.')).then_some(pos + domain.len())
}

/// Top-level domains common in news text; a word, a period and one of these
/// (then a boundary) is a bare domain such as "euronews.com".
const TOP_LEVEL_DOMAINS: &[&str] = &[
    "com", "org", "net", "gov", "edu", "int", "mil", "info", "io", "uk", "ua", "ru", "de", "fr", "eu", "co",
    "us", "ca", "au", "in", "news", "tv",
];

/// If the word `[start, dot)` is followed by `.tld` (possibly more labels),
/// the end of the domain.
fn domain_end(text: &str, start: usize, dot: usize) -> Option<usize> {
    let end = scan_while(text, dot, |c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
    let candidate = text.get(start..end)?.trim_end_matches('.');
    let tld = candidate.rsplit('.').next()?;
    let is_domain = candidate.contains('.')
        && TOP_LEVEL_DOMAINS.contains(&tld)
        && candidate.split('.').all(|label| !label.is_empty())
        && !candidate.contains(|c: char| c.is_ascii_uppercase());
    is_domain.then_some(start + candidate.len())
}

/// "http://…", "https://…" or "www.…" starting at `pos`: the URL's end,
/// without trailing sentence punctuation.
fn scan_url(text: &str, pos: usize) -> Option<usize> {
    let rest = text.get(pos..)?;
    let starts = ["https://", "http://", "www."];
    if !starts
        .iter()
        .any(|s| rest.len() >= s.len() && rest.as_bytes()[..s.len()].eq_ignore_ascii_case(s.as_bytes()))
    {
        return None;
    }
    let end = scan_while(text, pos, |c| {
        !c.is_whitespace() && !matches!(c, '"' | '“' | '”' | '<' | '>')
    });
    let mut url = text.get(pos..end)?;
    loop {
        let trimmed = url.trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '’']);
        // Keep a closing parenthesis only when the URL opened one.
        let trimmed = match trimmed.strip_suffix(')') {
            Some(inner) if !inner.contains('(') => inner,
            _ => trimmed,
        };
        if trimmed.len() == url.len() {
            break;
        }
        url = trimmed;
    }
    (url.len() > 4).then_some(pos + url.len())
}

/// One or more periods at `pos`: "..." (and ". . .") are an ellipsis, a
/// single period is punctuation.
fn scan_dots(text: &str, pos: usize) -> (usize, TokenKind) {
    let end = scan_while(text, pos, |c| c == '.');
    if end - pos >= 2 {
        return (end, TokenKind::Ellipsis);
    }
    // Spaced ". . ." (with single spaces).
    if text.get(pos..pos + 5) == Some(". . .") {
        return (pos + 5, TokenKind::Ellipsis);
    }
    (pos + 1, TokenKind::Punctuation)
}

/// After an opening bracket at `after - 1`: if "...", "…" (optionally
/// spaced) and the matching `close` follow, the end after `close`.
fn bracketed_ellipsis_end(text: &str, after: usize, close: char) -> Option<usize> {
    let rest = text.get(after..)?;
    let inner = rest.trim_start_matches(' ');
    let skipped = rest.len() - inner.len();
    let dots = if inner.starts_with('…') {
        '…'.len_utf8()
    } else {
        let n = inner.bytes().take_while(|&b| b == b'.').count();
        if n < 2 {
            return None;
        }
        n
    };
    let tail = &inner[dots..];
    let tail_trimmed = tail.trim_start_matches(' ');
    tail_trimmed
        .starts_with(close)
        .then(|| after + skipped + dots + (tail.len() - tail_trimmed.len()) + 1)
}

/// The mark, its kind and side, from the character and its neighbours.
fn quote_mark(text: &str, pos: usize, after: usize, c: char) -> QuoteMark {
    let (double, curly, fixed_side) = match c {
        '"' => (true, false, None),
        '\'' => (false, false, None),
        '“' | '„' | '«' => (true, true, Some(QuoteSide::Opening)),
        '”' | '»' => (true, true, Some(QuoteSide::Closing)),
        '‘' | '‚' | '‹' => (false, true, Some(QuoteSide::Opening)),
        '’' | '›' => (false, true, Some(QuoteSide::Closing)),
        _ => (true, false, None),
    };
    let side = fixed_side.unwrap_or_else(|| {
        let before = char_before(text, pos);
        let next = char_at(text, after);
        let open_before =
            before.is_none_or(|b| b.is_whitespace() || matches!(b, '(' | '[' | '{' | '—' | '–'));
        let space_after = next.is_none_or(char::is_whitespace);
        let punct_after = next.is_some_and(|n| matches!(n, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']'));
        if open_before && !space_after && !punct_after {
            QuoteSide::Opening
        } else if !open_before && (space_after || punct_after) {
            QuoteSide::Closing
        } else {
            QuoteSide::Ambiguous
        }
    });
    QuoteMark { double, curly, side }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    fn kinds(text: &str) -> Vec<TokenKind> {
        tokenize(text).iter().map(|t| t.kind).collect()
    }

    #[test]
    fn splits_possessive_and_contraction_clitics() {
        assert_eq!(texts("Zelenskyy’s plan"), ["Zelenskyy", "’s", "plan"]);
        assert_eq!(texts("Putin's aide"), ["Putin", "'s", "aide"]);
        assert_eq!(texts("we don't know"), ["we", "do", "n't", "know"]);
        assert_eq!(texts("They’re here"), ["They", "’re", "here"]);
        assert_eq!(kinds("Putin's")[1], TokenKind::Clitic);
    }

    #[test]
    fn keeps_names_with_apostrophes_and_hyphens_whole() {
        assert_eq!(texts("O'Sullivan and D’Alema"), ["O'Sullivan", "and", "D’Alema"]);
        assert_eq!(
            texts("a three-and-a-half-year term, RBC-Ukraine said"),
            ["a", "three-and-a-half-year", "term", ",", "RBC-Ukraine", "said"]
        );
    }

    #[test]
    fn keeps_periods_of_abbreviations() {
        assert_eq!(
            texts("U.S. Gen. Smith Jr. met on Sept. 5 at No. 10."),
            ["U.S.", "Gen.", "Smith", "Jr.", "met", "on", "Sept.", "5", "at", "No.", "10", "."]
        );
        assert_eq!(texts("J. R. R. Tolkien"), ["J.", "R.", "R.", "Tolkien"]);
        // "no" is only an abbreviation before a number.
        assert_eq!(texts("The answer was no."), ["The", "answer", "was", "no", "."]);
        assert_eq!(texts("the war."), ["the", "war", "."]);
    }

    #[test]
    fn reads_numbers_with_separators() {
        assert_eq!(
            texts("502 drones, 1,436 km, 3.5 million, 50,000 people on 2025-09-04."),
            [
                "502",
                "drones",
                ",",
                "1,436",
                "km",
                ",",
                "3.5",
                "million",
                ",",
                "50,000",
                "people",
                "on",
                "2025-09-04",
                "."
            ]
        );
        assert_eq!(kinds("1,436")[0], TokenKind::Number);
        assert_eq!(kinds("10th")[0], TokenKind::Word);
        assert_eq!(texts("$50%"), ["$", "50", "%"]);
    }

    #[test]
    fn recognises_ellipses_and_dashes() {
        assert_eq!(
            texts("wait... what… (...) [ … ] yes"),
            ["wait", "...", "what", "…", "(...)", "[ … ]", "yes"]
        );
        assert_eq!(kinds("(...)"), [TokenKind::Ellipsis]);
        assert_eq!(
            texts("Kyiv — and Kharkiv – too - maybe -- now"),
            ["Kyiv", "—", "and", "Kharkiv", "–", "too", "-", "maybe", "--", "now"]
        );
        assert!(kinds("a — b").contains(&TokenKind::Dash));
        assert_eq!(
            kinds("(war)"),
            [TokenKind::Punctuation, TokenKind::Word, TokenKind::Punctuation]
        );
    }

    #[test]
    fn classifies_quote_marks_and_sides() {
        let toks = tokenize("“Stop,” he said. \"No\" 'yes'");
        let quote = |i: usize| match toks[i].kind {
            TokenKind::Quote(q) => q,
            other => panic!("not a quote: {other:?}"),
        };
        assert_eq!(
            quote(0),
            QuoteMark {
                double: true,
                curly: true,
                side: QuoteSide::Opening
            }
        );
        assert_eq!(
            quote(3),
            QuoteMark {
                double: true,
                curly: true,
                side: QuoteSide::Closing
            }
        );
        assert_eq!(quote(7).side, QuoteSide::Opening);
        assert_eq!(quote(9).side, QuoteSide::Closing);
        assert!(!quote(9).curly);
        assert_eq!(
            quote(10),
            QuoteMark {
                double: false,
                curly: false,
                side: QuoteSide::Opening
            }
        );
        assert_eq!(quote(12).side, QuoteSide::Closing);
    }

    #[test]
    fn recognises_urls_emails_handles_and_domains() {
        assert_eq!(
            texts("See https://example.org/a(b). Or www.bbc.co.uk, mail press@c.org, @ZelenskyyUa #Kyiv euronews.com."),
            [
                "See",
                "https://example.org/a(b)",
                ".",
                "Or",
                "www.bbc.co.uk",
                ",",
                "mail",
                "press@c.org",
                ",",
                "@ZelenskyyUa",
                "#Kyiv",
                "euronews.com",
                "."
            ]
        );
        assert_eq!(kinds("@ZelenskyyUa"), [TokenKind::Handle]);
        assert_eq!(kinds("euronews.com"), [TokenKind::Url]);
    }

    #[test]
    fn spans_cover_non_ascii_text() {
        let text = "Зеленський заявив: «Ми переможемо».";
        let toks = tokenize(text);
        assert_eq!(
            texts(text),
            ["Зеленський", "заявив", ":", "«", "Ми", "переможемо", "»", "."]
        );
        assert!(toks
            .iter()
            .all(|t| text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end)));
    }

    #[test]
    fn tokens_in_selects_by_span() {
        let text = "One two. Three four.";
        let toks = tokenize(text);
        let inside = tokens_in(&toks, Span::new(9, 20));
        assert_eq!(
            inside.iter().map(|t| t.text(text)).collect::<Vec<_>>(),
            ["Three", "four", "."]
        );
    }

    proptest::proptest! {
        #[test]
        fn tokens_are_ordered_on_char_boundaries_and_cover_all_non_space(
            text in "[a-zA-Z0-9 .,'’‘“”\"()\\[\\]…—–@#:/n-]{0,40}|\\PC{0,30}"
        ) {
            let tokens = tokenize(&text);
            let mut covered = 0;
            for token in &tokens {
                proptest::prop_assert!(token.span.start < token.span.end);
                proptest::prop_assert!(token.span.start >= covered);
                proptest::prop_assert!(text.is_char_boundary(token.span.start));
                proptest::prop_assert!(text.is_char_boundary(token.span.end));
                proptest::prop_assert!(text[covered..token.span.start].chars().all(char::is_whitespace));
                covered = token.span.end;
            }
            proptest::prop_assert!(text[covered..].chars().all(char::is_whitespace));
        }
    }
}
