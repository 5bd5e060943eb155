//! What happened to the thing a figure counts: the class of the predicate
//! governing the figure in its clause ("launched 41 drones" → launched;
//! "34 of the drones were shot down" → destroyed; "killing two port
//! workers" → killed). Without a parser, the governing predicate is the
//! nearest predicate of the lexicon in the figure's clause (the stretch of
//! the sentence between commas, semicolons, colons, dashes and brackets):
//! a verb before the figure takes it as object, a verb after it as subject.
//! The role decides the class of verbs whose meaning depends on it: "41
//! drones struck the port" counts drones launched, "struck three ships"
//! counts ships damaged. The figure's clause is also where the date that
//! applies to it is looked for first (`clause_span`).

use parallax_core::Span;

use crate::figure_lexicon::{predicate_at, PredicateClass};

/// One word of a sentence: lower-cased text, byte span in the article body,
/// and which clause of the sentence it is in.
struct Word {
    text: String,
    start: usize,
    end: usize,
    clause: usize,
}

/// Forms of "be" that make a following participle passive ("were damaged").
const BE_FORMS: &[&str] = &["be", "been", "being", "is", "are", "was", "were"];

/// Prepositions after which a figure performs the verb before them
/// ("attacked with 41 drones", "struck by 40 drones").
const AGENT_PREPOSITIONS: &[&str] = &["by", "with"];

/// Characters that end a clause within a sentence.
fn ends_clause(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–')
}

/// The words of `sentence` (which starts at byte `offset` of the body).
fn words(sentence: &str, offset: usize) -> Vec<Word> {
    let mut out = Vec::new();
    let mut clause = 0;
    let mut current: Option<(usize, String)> = None;
    for (at, c) in sentence.char_indices() {
        let in_word = c.is_alphanumeric() || ((c == '\'' || c == '’' || c == '-') && current.is_some());
        if in_word {
            current
                .get_or_insert_with(|| (at, String::new()))
                .1
                .extend(c.to_lowercase());
            continue;
        }
        if let Some((start, text)) = current.take() {
            out.push(Word {
                text,
                start: offset + start,
                end: offset + at,
                clause,
            });
        }
        // A hyphen reaching here stands alone: a dash, as after a dateline.
        if ends_clause(c) || c == '-' {
            clause += 1;
        }
    }
    if let Some((start, text)) = current {
        out.push(Word {
            text,
            start: offset + start,
            end: offset + sentence.len(),
            clause,
        });
    }
    out
}

/// The indices of the first and last words of `figure` in `words`.
fn figure_words(words: &[Word], figure: Span) -> Option<(usize, usize)> {
    let mut inside = (0..words.len()).filter(|&i| words[i].start < figure.end && figure.start < words[i].end);
    let first = inside.next()?;
    Some((first, inside.next_back().unwrap_or(first)))
}

/// The byte span of the clause (or clauses) holding `figure` in the
/// sentence `sentence` that starts at byte `offset` of the body.
pub fn clause_span(sentence: &str, offset: usize, figure: Span) -> Option<Span> {
    let words = words(sentence, offset);
    let (first, last) = figure_words(&words, figure)?;
    let start = words.iter().find(|w| w.clause == words[first].clause)?.start;
    let end = words.iter().rev().find(|w| w.clause == words[last].clause)?.end;
    Some(Span::new(start, end))
}

/// A predicate found near a figure: its classes, how many words lie
/// between it and the figure, and whether the figure performs it.
struct Found {
    class: &'static PredicateClass,
    distance: usize,
    figure_acts: bool,
}

/// The class of the predicate governing the figure at `figure`, in the
/// sentence `sentence` that starts at byte `offset` of the body; `None`
/// when its clause has no predicate of the lexicon.
pub fn predicate_class(sentence: &str, offset: usize, figure: Span) -> Option<String> {
    let words = words(sentence, offset);
    let texts: Vec<String> = words.iter().map(|w| w.text.clone()).collect();
    let (first, last) = figure_words(&words, figure)?;
    let before = (0..first)
        .rev()
        .take_while(|&i| words[i].clause == words[first].clause)
        .find_map(|i| {
            let (class, len) = predicate_at(&texts, i)?;
            (i + len <= first).then(|| Found {
                class,
                distance: first - (i + len),
                figure_acts: first > 0 && AGENT_PREPOSITIONS.contains(&texts[first - 1].as_str()),
            })
        });
    let after = (last + 1..words.len())
        .take_while(|&i| words[i].clause == words[last].clause)
        .find_map(|i| {
            let (class, len) = predicate_at(&texts, i)?;
            let passive = texts[last + 1..i].iter().any(|w| BE_FORMS.contains(&w.as_str()))
                || texts.get(i + len).is_some_and(|w| w == "by");
            Some(Found {
                class,
                distance: i - last - 1,
                figure_acts: !passive,
            })
        });
    let found = match (before, after) {
        (Some(b), Some(a)) if a.distance < b.distance => a,
        (Some(b), _) => b,
        (None, a) => a?,
    };
    Some(if found.figure_acts {
        found.class.actor.clone()
    } else {
        found.class.undergoer.clone()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The class of the predicate governing `figure` (its first occurrence) in `sentence`.
    fn class_of(sentence: &str, figure: &str) -> Option<String> {
        let start = sentence.find(figure).expect("figure in sentence");
        predicate_class(sentence, 100, Span::new(100 + start, 100 + start + figure.len()))
    }

    #[test]
    fn a_verb_before_the_figure_takes_it_as_object() {
        let s = "The army launched 12 drones and 2 missiles at the city, and said 9 of the drones were shot down.";
        assert_eq!(class_of(s, "12 drones").as_deref(), Some("launched"));
        assert_eq!(class_of(s, "2 missiles").as_deref(), Some("launched"));
        assert_eq!(class_of(s, "9 of the drones").as_deref(), Some("destroyed"));
        let s = "The navy, which said it was able to intercept 43 of the drones, gave no other figure.";
        assert_eq!(class_of(s, "43 of the drones").as_deref(), Some("destroyed"));
    }

    #[test]
    fn a_passive_after_the_figure_reaches_past_a_relative_phrase() {
        let s = "The coast guard said four fishing boats moored at the quay were damaged overnight.";
        assert_eq!(class_of(s, "four fishing boats").as_deref(), Some("damaged"));
        let s = "Storms struck the coast, killing five residents and injuring 20 others.";
        assert_eq!(class_of(s, "five residents").as_deref(), Some("killed"));
        assert_eq!(class_of(s, "20 others").as_deref(), Some("injured"));
    }

    #[test]
    fn the_role_of_the_figure_decides_attack_verbs() {
        let acts = "More than 30 drones struck the harbour on Monday.";
        assert_eq!(class_of(acts, "More than 30 drones").as_deref(), Some("launched"));
        let with = "Rebels attacked the base with 30 rockets.";
        assert_eq!(class_of(with, "30 rockets").as_deref(), Some("launched"));
        let undergoes = "Missiles struck three tankers in the bay.";
        assert_eq!(class_of(undergoes, "three tankers").as_deref(), Some("damaged"));
        let passive = "Three tankers were struck in the bay.";
        assert_eq!(class_of(passive, "Three tankers").as_deref(), Some("damaged"));
    }

    #[test]
    fn the_clause_of_a_figure_stops_at_commas() {
        let s = "KELBY, May 3 - Rebels fired 25 rockets overnight, officials said on Friday.";
        let start = s.find("25 rockets").expect("figure");
        let clause = clause_span(s, 0, Span::new(start, start + 10)).expect("clause");
        assert_eq!(clause.slice(s), Some("Rebels fired 25 rockets overnight"));
    }

    #[test]
    fn a_clause_without_a_lexicon_predicate_gives_none() {
        let s = "The panel, with six experts from each side, meets weekly.";
        assert_eq!(class_of(s, "six experts"), None);
        assert_eq!(predicate_class("short", 0, Span::new(50, 60)), None);
    }
}
