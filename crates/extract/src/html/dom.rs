//! PLACEHOLDER (being replaced by the HTML DOM owner): parsed HTML document.

/// A parsed HTML document.
pub struct Dom {
    /// Raw source.
    pub source: String,
}

impl Dom {
    /// Parses HTML.
    pub fn parse(html: &str) -> Self {
        Dom {
            source: html.to_owned(),
        }
    }
}
