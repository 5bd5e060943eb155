//! The tag of one token: which part of an attribution it belongs to —
//! source, cue or content — in the BIO scheme, or none. PolNeAR's
//! annotation is univocal (a token belongs to one attribution at most), so
//! one tag per token describes it completely.

/// The role of a token in an attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Source,
    Cue,
    Content,
}

/// A BIO tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    Outside,
    Begin(Role),
    Inside(Role),
}

/// Number of tags; part of the shipped weights' format.
pub const TAG_COUNT: usize = 7;

/// All tags in index order.
pub const TAGS: [Tag; TAG_COUNT] = [
    Tag::Outside,
    Tag::Begin(Role::Source),
    Tag::Inside(Role::Source),
    Tag::Begin(Role::Cue),
    Tag::Inside(Role::Cue),
    Tag::Begin(Role::Content),
    Tag::Inside(Role::Content),
];

impl Tag {
    /// The tag's index in [`TAGS`].
    pub fn index(self) -> usize {
        let role = |r: Role| match r {
            Role::Source => 0,
            Role::Cue => 1,
            Role::Content => 2,
        };
        match self {
            Tag::Outside => 0,
            Tag::Begin(r) => 1 + 2 * role(r),
            Tag::Inside(r) => 2 + 2 * role(r),
        }
    }

    /// The role, if the token has one.
    pub fn role(self) -> Option<Role> {
        match self {
            Tag::Outside => None,
            Tag::Begin(r) | Tag::Inside(r) => Some(r),
        }
    }

    /// Whether `next` may follow this tag: an inside tag only continues a
    /// span of its own role.
    pub(crate) fn may_precede(self, next: Tag) -> bool {
        match next {
            Tag::Inside(r) => self.role() == Some(r),
            _ => true,
        }
    }

    /// Whether a sentence may open with this tag.
    pub(crate) fn may_start(self) -> bool {
        !matches!(self, Tag::Inside(_))
    }
}

/// The spans of one sentence's tags, as (role, token range) in order; a
/// span starts at a begin tag (or at an inside tag after a different role,
/// which decoding never produces).
pub(crate) fn role_spans(tags: &[Tag], offset: usize) -> Vec<(Role, std::ops::Range<usize>)> {
    let mut spans: Vec<(Role, std::ops::Range<usize>)> = Vec::new();
    for (i, tag) in tags.iter().enumerate() {
        let at = offset + i;
        match (*tag, spans.last_mut()) {
            (Tag::Inside(r), Some((role, range))) if *role == r && range.end == at => range.end = at + 1,
            (Tag::Begin(r) | Tag::Inside(r), _) => spans.push((r, at..at + 1)),
            (Tag::Outside, _) => {}
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indices_round_trip_and_transitions_follow_bio() {
        for (i, tag) in TAGS.iter().enumerate() {
            assert_eq!(tag.index(), i);
        }
        let content = Tag::Inside(Role::Content);
        assert!(Tag::Begin(Role::Content).may_precede(content));
        assert!(!Tag::Begin(Role::Cue).may_precede(content));
        assert!(!Tag::Outside.may_precede(content));
        assert!(!content.may_start());
    }

    #[test]
    fn groups_tags_into_spans() {
        use Role::*;
        let tags = [
            Tag::Begin(Source),
            Tag::Begin(Cue),
            Tag::Begin(Content),
            Tag::Inside(Content),
            Tag::Outside,
            Tag::Begin(Content),
        ];
        assert_eq!(
            role_spans(&tags, 10),
            vec![
                (Source, 10..11),
                (Cue, 11..12),
                (Content, 12..14),
                (Content, 15..16)
            ]
        );
    }
}
