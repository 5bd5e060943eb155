use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A half-open byte range `[start, end)` into an article's clean `body`.
///
/// Serialised as a two-element array `[start, end]` so that JSON stays terse;
/// every annotation Parallax produces carries one, which is how a fact points
/// back to the sentence it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte, inclusive.
    pub start: usize,
    /// Last byte, exclusive.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; panics in debug builds if reversed.
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span reversed: {start}..{end}");
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True for an empty span.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text this span covers in `body`, or `None` when it is out of range
    /// or does not fall on character boundaries.
    pub fn slice<'a>(&self, body: &'a str) -> Option<&'a str> {
        body.get(self.start..self.end)
    }
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(s)
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let [start, end] = <[usize; 2]>::deserialize(d)?;
        if start > end {
            return Err(serde::de::Error::custom(format!(
                "span reversed: [{start}, {end}]"
            )));
        }
        Ok(Span { start, end })
    }
}

impl schemars::JsonSchema for Span {
    fn schema_name() -> String {
        "Span".to_owned()
    }

    fn json_schema(gen: &mut schemars::gen::SchemaGenerator) -> schemars::schema::Schema {
        let mut schema = <[usize; 2]>::json_schema(gen).into_object();
        schema.metadata().description =
            Some("Half-open byte range [start, end) into the article's `body`.".to_owned());
        schema.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_as_pair_and_back() {
        let span = Span::new(3, 9);
        let json = serde_json::to_string(&span).unwrap();
        assert_eq!(json, "[3,9]");
        assert_eq!(serde_json::from_str::<Span>(&json).unwrap(), span);
    }

    #[test]
    fn rejects_reversed_span() {
        assert!(serde_json::from_str::<Span>("[9,3]").is_err());
    }

    #[test]
    fn slice_respects_char_boundaries() {
        let body = "Kyiv’s air force";
        assert_eq!(Span::new(0, 4).slice(body), Some("Kyiv"));
        assert_eq!(Span::new(0, 5).slice(body), None, "inside the curly apostrophe");
    }
}
