//! One-line labels of facts, for the timeline, the coverage rows and the
//! markdown: templated from an event's actors and PLOVER type when the event
//! is asserted and has a named source, else the evidence sentence trimmed;
//! a statement as its speaker and shortest wording.

use crate::report::{FigureGroup, Statement, StoryEvent};

/// Most words kept of a trimmed sentence or quote.
const MAX_WORDS: usize = 22;

/// Past-tense phrase for a PLOVER event type, for "{source} {verb} {target}".
fn plover_verb(event_type: &str) -> Option<&'static str> {
    Some(match event_type {
        "AGREE" => "agreed with",
        "CONSULT" => "met or consulted with",
        "SUPPORT" => "supported",
        "CONCEDE" => "made concessions to",
        "COOPERATE" => "cooperated with",
        "AID" => "gave aid to",
        "RETREAT" => "withdrew from",
        "REQUEST" => "made a request of",
        "ACCUSE" => "accused",
        "REJECT" => "rejected",
        "THREATEN" => "threatened",
        "PROTEST" => "protested against",
        "SANCTION" => "sanctioned",
        "MOBILIZE" => "mobilised against",
        "COERCE" => "coerced",
        "ASSAULT" => "attacked",
        _ => return None,
    })
}

/// The first `MAX_WORDS` words of `text`, with an ellipsis when cut.
pub fn trim_words(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= MAX_WORDS {
        words.join(" ")
    } else {
        format!("{} …", words[..MAX_WORDS].join(" "))
    }
}

/// "Russia attacked Ukraine" when the event's type and source are known and
/// every mention asserts it; else its shortest evidence sentence, trimmed.
pub fn event_summary(event: &StoryEvent) -> String {
    let asserted = event.modality == parallax_core::Modality::Asserted;
    let templated = match (&event.source, plover_verb(&event.plover)) {
        (Some(source), Some(verb)) if asserted => {
            let mut line = format!("{} {}", source.name, verb);
            if let Some(target) = &event.target {
                line.push(' ');
                line.push_str(&target.name);
            }
            if let Some(place) = &event.place {
                line.push_str(" in ");
                line.push_str(place);
            }
            Some(line.trim_end_matches(" with").trim_end_matches(" of").to_owned())
        }
        _ => None,
    };
    templated.unwrap_or_else(|| {
        let shortest = event
            .mentions
            .iter()
            .map(|m| m.text.as_str())
            .min_by_key(|t| t.len())
            .unwrap_or("");
        trim_words(shortest)
    })
}

/// "Vladimir Putin: “let Zelensky come to Moscow”" from the shortest wording.
pub fn statement_summary(statement: &Statement) -> String {
    let speaker = statement
        .speaker
        .as_ref()
        .map_or("Unattributed", |s| s.name.as_str());
    let shortest = statement
        .quotes
        .iter()
        .map(|q| q.text.as_str())
        .min_by_key(|t| t.len())
        .unwrap_or("");
    format!("{speaker}: “{}”", trim_words(shortest))
}

/// "drone and missile: more than 500 drones and missiles / 502 drones and 24 missiles".
pub fn figure_label(group: &FigureGroup) -> String {
    let texts: Vec<&str> = group.mentions.iter().map(|m| m.text.as_str()).collect();
    format!("{}: {}", group.counts, texts.join(" / "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_long_text() {
        let long = "word ".repeat(30);
        assert!(trim_words(&long).ends_with('…'));
        assert_eq!(trim_words("a b"), "a b");
    }
}
