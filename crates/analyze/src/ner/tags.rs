//! The BILOU tag set of the tagger, the transitions it allows, and the
//! conversion between tag sequences and entity spans over tokens.
//!
//! BILOU (Begin, Inside, Last, Unit, Outside) rather than BIO because it
//! gives the greedy tagger explicit "this is the last token" and
//! "one-token entity" decisions (Ratinov & Roth 2009 report it better for
//! CoNLL-2003).

/// An entity type of the CoNLL-2003 scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NerLabel {
    /// A person.
    Per,
    /// An organisation.
    Org,
    /// A location (countries included).
    Loc,
    /// Other names: nationalities, events, works, products.
    Misc,
}

impl NerLabel {
    /// All labels, in tag order.
    pub const ALL: [NerLabel; 4] = [NerLabel::Per, NerLabel::Org, NerLabel::Loc, NerLabel::Misc];

    /// "PER", "ORG", "LOC" or "MISC".
    pub fn as_str(self) -> &'static str {
        match self {
            NerLabel::Per => "PER",
            NerLabel::Org => "ORG",
            NerLabel::Loc => "LOC",
            NerLabel::Misc => "MISC",
        }
    }

    /// Parses "PER", "ORG", "LOC", "MISC".
    pub fn parse(text: &str) -> Option<NerLabel> {
        NerLabel::ALL.into_iter().find(|l| l.as_str() == text)
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Position of a token inside an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Position {
    /// First of several tokens.
    Begin,
    /// Between the first and the last.
    Inside,
    /// Last of several tokens.
    Last,
    /// The only token.
    Unit,
}

/// A tag: outside, or a position in an entity of some label. Encoded as a
/// small integer (`0` = O, then 4 positions × 4 labels).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Tag(u8);

/// Number of tags.
pub const TAG_COUNT: usize = 1 + 4 * NerLabel::ALL.len();

impl Tag {
    /// Outside any entity.
    pub const OUTSIDE: Tag = Tag(0);

    /// The tag for `position` in an entity of `label`.
    pub fn new(position: Position, label: NerLabel) -> Tag {
        let position = match position {
            Position::Begin => 0,
            Position::Inside => 1,
            Position::Last => 2,
            Position::Unit => 3,
        };
        Tag((1 + position * 4 + label.index()) as u8)
    }

    /// The tag with index `index` (`0..TAG_COUNT`).
    pub fn from_index(index: usize) -> Option<Tag> {
        (index < TAG_COUNT).then_some(Tag(index as u8))
    }

    /// Its index in `0..TAG_COUNT`.
    pub fn index(self) -> usize {
        self.0 as usize
    }

    /// The entity label, `None` for O.
    pub fn label(self) -> Option<NerLabel> {
        (self.0 > 0).then(|| NerLabel::ALL[(self.0 as usize - 1) % 4])
    }

    /// The position, `None` for O.
    pub fn position(self) -> Option<Position> {
        if self.0 == 0 {
            return None;
        }
        Some(match (self.0 as usize - 1) / 4 {
            0 => Position::Begin,
            1 => Position::Inside,
            2 => Position::Last,
            _ => Position::Unit,
        })
    }

    /// True when the entity continues after this tag (B or I).
    pub fn is_open(self) -> bool {
        matches!(self.position(), Some(Position::Begin | Position::Inside))
    }

    /// Short name for feature strings and debugging: "O", "B-PER", …
    pub fn name(self) -> String {
        match (self.position(), self.label()) {
            (Some(position), Some(label)) => {
                let p = match position {
                    Position::Begin => "B",
                    Position::Inside => "I",
                    Position::Last => "L",
                    Position::Unit => "U",
                };
                format!("{p}-{}", label.as_str())
            }
            _ => "O".to_owned(),
        }
    }
}

/// Whether `next` may follow `previous` (`None` = sentence start), and,
/// when `is_last`, whether it may end the sentence.
pub fn allowed(previous: Option<Tag>, next: Tag, is_last: bool) -> bool {
    let continues_entity = matches!(next.position(), Some(Position::Inside | Position::Last));
    let fits = match previous {
        Some(prev) if prev.is_open() => continues_entity && next.label() == prev.label(),
        _ => !continues_entity,
    };
    fits && !(is_last && next.is_open())
}

/// An entity over tokens `[start, end)` of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenEntity {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Its label.
    pub label: NerLabel,
}

/// Entities of a valid BILOU sequence (an invalid piece is read leniently:
/// a dangling B/I closes at the last token of its run).
pub fn entities(tags: &[Tag]) -> Vec<TokenEntity> {
    let mut found = Vec::new();
    let mut open: Option<(usize, NerLabel)> = None;
    for (i, tag) in tags.iter().enumerate() {
        let label = tag.label();
        if let Some((start, open_label)) = open {
            let continues = label == Some(open_label)
                && matches!(tag.position(), Some(Position::Inside | Position::Last));
            if continues {
                if tag.position() == Some(Position::Last) {
                    found.push(TokenEntity {
                        start,
                        end: i + 1,
                        label: open_label,
                    });
                    open = None;
                }
                continue;
            }
            found.push(TokenEntity {
                start,
                end: i,
                label: open_label,
            });
            open = None;
        }
        match (tag.position(), label) {
            (Some(Position::Unit), Some(label)) => found.push(TokenEntity {
                start: i,
                end: i + 1,
                label,
            }),
            (Some(Position::Last), Some(label)) => found.push(TokenEntity {
                start: i,
                end: i + 1,
                label,
            }),
            (Some(Position::Begin | Position::Inside), Some(label)) => open = Some((i, label)),
            _ => {}
        }
    }
    if let Some((start, label)) = open {
        found.push(TokenEntity {
            start,
            end: tags.len(),
            label,
        });
    }
    found
}

/// The BILOU tags of `len` tokens carrying `entities` (which must not
/// overlap).
pub fn encode(len: usize, entities: &[TokenEntity]) -> Vec<Tag> {
    let mut tags = vec![Tag::OUTSIDE; len];
    for entity in entities {
        let end = entity.end.min(len);
        if entity.start >= end {
            continue;
        }
        if end - entity.start == 1 {
            tags[entity.start] = Tag::new(Position::Unit, entity.label);
            continue;
        }
        tags[entity.start] = Tag::new(Position::Begin, entity.label);
        for tag in &mut tags[entity.start + 1..end - 1] {
            *tag = Tag::new(Position::Inside, entity.label);
        }
        tags[end - 1] = Tag::new(Position::Last, entity.label);
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_and_decodes_entities() {
        let spans = [
            TokenEntity {
                start: 0,
                end: 1,
                label: NerLabel::Misc,
            },
            TokenEntity {
                start: 2,
                end: 5,
                label: NerLabel::Per,
            },
            TokenEntity {
                start: 6,
                end: 8,
                label: NerLabel::Loc,
            },
        ];
        let tags = encode(9, &spans);
        let names: Vec<String> = tags.iter().map(|t| t.name()).collect();
        assert_eq!(
            names,
            ["U-MISC", "O", "B-PER", "I-PER", "L-PER", "O", "B-LOC", "L-LOC", "O"]
        );
        assert_eq!(entities(&tags), spans);
    }

    #[test]
    fn allows_only_consistent_transitions() {
        let b_per = Tag::new(Position::Begin, NerLabel::Per);
        let l_per = Tag::new(Position::Last, NerLabel::Per);
        let l_org = Tag::new(Position::Last, NerLabel::Org);
        assert!(allowed(Some(b_per), l_per, false));
        assert!(!allowed(Some(b_per), l_org, false));
        assert!(!allowed(Some(b_per), Tag::OUTSIDE, false));
        assert!(!allowed(None, l_per, false));
        assert!(!allowed(None, b_per, true));
        assert!(allowed(Some(l_per), b_per, false));
    }

    #[test]
    fn reads_dangling_tags_leniently() {
        let b_org = Tag::new(Position::Begin, NerLabel::Org);
        let tags = [b_org, Tag::OUTSIDE, b_org];
        assert_eq!(
            entities(&tags),
            [
                TokenEntity {
                    start: 0,
                    end: 1,
                    label: NerLabel::Org
                },
                TokenEntity {
                    start: 2,
                    end: 3,
                    label: NerLabel::Org
                }
            ]
        );
        for index in 0..TAG_COUNT {
            let tag = Tag::from_index(index).expect("index in range");
            assert_eq!(tag.index(), index);
        }
    }
}
