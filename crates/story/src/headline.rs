//! The one-line summary of a happening, in headline style ("Putin invites
//! Zelenskyy to come to Moscow (Beijing)"). Made only from what a sentence
//! plainly states, in this order of preference:
//!
//! 1. an event whose actor is the subject of its verb: the actor's mention
//!    comes before the trigger with nothing between them but auxiliaries
//!    and adverbs ("he had invited", "Zelensky himself sarcastically
//!    dismissed"), so neither modality ("prepared to meet"), negation
//!    ("did not invite"), a passive ("was invited by") nor a possessive
//!    ("Putin's invitation") can be misread as a plain act. The summary is
//!    the actor, the trigger in the present tense, and the rest of the
//!    trigger's clause without time expressions;
//! 2. a quoted speaker: "Putin says he doesn't see much point …" (reported
//!    speech) or "Zelensky says: “…”" (direct);
//! 3. the lead sentence shortened: dateline, time expressions and fronted
//!    adverbials dropped, cut at the end of its first clause.
//!
//! The place of the happening is added in brackets when the line does not
//! name it already.

use parallax_core::{Article, EventActor, Quote, QuoteKind, Span};

use crate::clause::{clause_end, dateline_len, main_clause_start};
use crate::moments::Moment;
use crate::verbs::{is_verb_form, present_tense, third_person};

/// Most words kept after the verb of a templated summary.
const MAX_OBJECT_WORDS: usize = 14;

/// Most words of a quoted speaker's words or of a shortened sentence.
const MAX_WORDS: usize = 18;

/// Words that may stand between an actor and its verb without changing
/// what the verb asserts (adverbs in -ly are allowed too, hedges are not).
const GAP_WORDS: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "again",
    "then",
    "later",
    "earlier",
    "already",
    "just",
    "himself",
    "herself",
    "itself",
    "themselves",
    "now",
    "first",
    "once",
    "jointly",
    "still",
];

/// Auxiliaries that make a verb passive, progressive, future, conditional
/// or negated.
const MARKED_AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "will", "would", "shall", "should", "could", "can",
    "may", "might", "must", "did", "does", "do", "not", "never", "n't",
];

/// Adverbs that hedge what follows: not a plain assertion.
const HEDGES: &[&str] = &[
    "reportedly",
    "allegedly",
    "supposedly",
    "apparently",
    "purportedly",
];

/// Speech verbs that read well before a clause or a quotation in the
/// present tense ("Peskov confirms …"); any other cue is shown as "says"
/// ("tells he was ready", "blasts Russia has not changed …" would not read).
const CLAUSE_SPEECH: &[&str] = &[
    "claim",
    "deny",
    "warn",
    "announce",
    "insist",
    "write",
    "confirm",
    "argue",
    "admit",
    "stress",
    "suggest",
    "predict",
    "acknowledge",
    "promise",
    "pledge",
    "vow",
    "assert",
    "allege",
    "explain",
    "declare",
];

/// Cues whose reported content is an object and what it is asked to do
/// ("invited Putin to Kyiv for talks", "urged Congress to act"): shown with
/// their own verb, since "says Putin to Kyiv for talks" would not read.
const OBJECT_SPEECH: &[&str] = &["invite", "urge", "ask", "encourage", "challenge", "request"];

/// Most words of a non-person source's name ("Kyiv's air force").
const MAX_SOURCE_WORDS: usize = 5;

/// Pronouns that stand for their antecedent's name.
const PRONOUNS: &[&str] = &[
    "he", "she", "it", "they", "him", "her", "them", "himself", "herself", "i", "we",
];

/// A summary and the fact it was made from.
pub struct Headline {
    /// The line.
    pub text: String,
    /// The merged event or statement it comes from (empty for a shortened sentence).
    pub fact: String,
}

/// The summary of the happening made of `members` (indexes into `moments`),
/// whose place is `place` (display name). `sources_of` gives the number of
/// articles reporting a fact.
pub fn headline(
    moments: &[Moment],
    members: &[usize],
    place: Option<&str>,
    sources_of: &dyn Fn(&str) -> usize,
) -> Headline {
    let support = |fact: &Option<String>| fact.as_deref().map_or(0, sources_of);
    // Reports put what matters first: among equals, the earlier sentence.
    let position = |m: usize| std::cmp::Reverse(moments[m].position);
    let best_event = members
        .iter()
        .flat_map(|&m| moments[m].events.iter().map(move |e| (m, e)))
        .filter_map(|(m, (event, fact))| {
            let text = templated(moments[m].article, event)?;
            let rank = (support(fact), event.target.is_some(), position(m));
            Some((rank, text, fact.clone(), event.place.is_some()))
        })
        .fold(None, best);
    let best_quote = || {
        members
            .iter()
            .flat_map(|&m| moments[m].quotes.iter().map(move |q| (m, q)))
            .filter_map(|(m, (quote, fact))| {
                let text = spoken(moments[m].article, quote)?;
                let rank = (support(fact), quote.kind == QuoteKind::Indirect, position(m));
                Some((rank, text, fact.clone(), false))
            })
            .fold(None, best)
    };
    // An event that says where it happened needs no venue from elsewhere.
    let (text, fact, placed) = match best_event.or_else(best_quote) {
        Some((_, text, fact, placed)) => (text, fact.unwrap_or_default(), placed),
        None => {
            let lead = members
                .iter()
                .copied()
                .max_by_key(|&m| (moments[m].facts.len(), std::cmp::Reverse(m)))
                .unwrap_or(0);
            let text = moments
                .get(lead)
                .map(|m| shortened(m.article, m.sentence))
                .unwrap_or_default();
            (text, String::new(), false)
        }
    };
    let mut text = capitalised(&text);
    if let Some(place) = place.filter(|p| !placed && !text.to_lowercase().contains(&p.to_lowercase())) {
        text = format!("{text} ({place})");
    }
    Headline { text, fact }
}

/// (rank, line, fact, whether the line's event states its place).
type Ranked = (
    (usize, bool, std::cmp::Reverse<usize>),
    String,
    Option<String>,
    bool,
);

/// Keeps the best-ranked candidate; the first on a tie (canonical order).
fn best(kept: Option<Ranked>, next: Ranked) -> Option<Ranked> {
    match kept {
        Some(k) if k.0 >= next.0 => Some(k),
        _ => Some(next),
    }
}

/// "Putin invites Zelenskyy to come to Moscow": the event's actor, its verb
/// in the present tense and the rest of the verb's clause, when the actor
/// is plainly the subject of the verb.
fn templated(article: &Article, event: &parallax_core::Event) -> Option<String> {
    let source = event.source.as_ref()?;
    if quoted_by_another(article, event) {
        // What someone else says an actor did: the speaker's line says it.
        return None;
    }
    let (sentence, trigger) = (event.span, event.trigger);
    if source.span.start < sentence.start || source.span.end > trigger.start || trigger.end > sentence.end {
        return None;
    }
    let gap = without_times(article, Span::new(source.span.end, trigger.start));
    if !gap.split_whitespace().all(plain_gap_word) {
        return None;
    }
    let (name, plural) = subject(article, source)?;
    let verb = present_tense(&active_verb(trigger.slice(&article.body)?)?, plural)?;
    let text = sentence.slice(&article.body)?;
    let from = trigger.end - sentence.start;
    let end = clause_end(text, from, is_verb_form);
    if text[from..].trim_start().starts_with("and ") {
        // "occupied and illegally annexed Crimea": two verbs share the
        // object; one in the present and one in the past would not read.
        return None;
    }
    let rest = without_times(article, Span::new(trigger.end, sentence.start + end));
    Some(
        format!("{name} {verb} {}", limited(&rest, MAX_OBJECT_WORDS))
            .trim()
            .to_owned(),
    )
}

/// True when the event is coded from a quote of someone other than its
/// actor ("Russia launched …, according to the air force"); not when the
/// actor reports their own act ("Putin said he had invited …").
fn quoted_by_another(article: &Article, event: &parallax_core::Event) -> bool {
    let Some(quote) = event.quote.and_then(|q| article.analysis.quotes.get(q)) else {
        return false;
    };
    let speaker = quote.speaker.as_ref().map(|s| s.key.as_str());
    speaker.is_none() || speaker != event.source.as_ref().and_then(|s| s.key.as_deref())
}

/// The trigger's verb without the perfect's auxiliary and adverbs ("has
/// invited" → "invited"); `None` for a passive, progressive, future,
/// conditional or negated trigger, which a plain present would misstate.
fn active_verb(trigger: &str) -> Option<String> {
    let mut words = Vec::new();
    for word in trigger.split_whitespace() {
        let lower = word.to_lowercase();
        if MARKED_AUXILIARIES.contains(&lower.as_str()) {
            return None;
        }
        if !plain_gap_word(&lower) {
            words.push(word);
        }
    }
    (!words.is_empty()).then(|| words.join(" "))
}

fn plain_gap_word(word: &str) -> bool {
    let word = word.to_lowercase();
    GAP_WORDS.contains(&word.as_str())
        || (word.ends_with("ly") && word.len() > 3 && !HEDGES.contains(&word.as_str()))
}

/// The subject to show for the event's actor, and whether it is plural: a
/// person by surname ("Putin"), anything else as written ("Moscow", "the
/// Kremlin", "Turkish diplomats"), a pronoun by its antecedent's name; a
/// conjunct the coder left out is put back ("Ukrainian and Russian
/// negotiators", plural).
fn subject(article: &Article, actor: &EventActor) -> Option<(String, bool)> {
    let is_person = actor.key.as_deref().is_some_and(|k| k.starts_with("person:"));
    let pronoun = PRONOUNS.contains(&actor.text.to_lowercase().as_str());
    let name = match (&actor.name, is_person, pronoun) {
        (Some(name), true, _) => name.split_whitespace().last()?.to_owned(),
        (Some(name), false, true) => name.clone(),
        (None, _, true) => return None,
        _ => actor.text.replace(['[', ']'], ""),
    };
    let before = article.body.get(..actor.span.start).unwrap_or("").trim_end();
    let conjunct = before
        .strip_suffix(" and")
        .and_then(|b| b.rsplit(' ').next())
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase));
    // A common noun in -s ("diplomats", "Diplomats" opening a sentence);
    // a name the entity layer knows ("Paris", "Athens") is singular.
    let head = name.split_whitespace().last().unwrap_or("");
    let plural_noun = (actor.key.is_none() || head.chars().next().is_some_and(char::is_lowercase))
        && head.ends_with('s')
        && !["ss", "us", "is"].iter().any(|e| head.ends_with(e));
    Some(match conjunct {
        Some(word) if !is_person => (format!("{word} and {name}"), true),
        _ => (name, plural_noun),
    })
}

/// "Putin says he doesn't see much point …" or "Zelensky says: “…”".
fn spoken(article: &Article, quote: &Quote) -> Option<String> {
    let who = match &quote.speaker {
        Some(speaker) => speaker.name.split_whitespace().last()?.to_owned(),
        None => {
            // A source is a name ("Kyiv's air force"), not a clause the
            // quote finder took for one ("In 2022, Moscow").
            let source = quote.source.as_deref()?.trim();
            let plain = !source.contains([',', ';'])
                && !source.chars().any(|c| c.is_ascii_digit())
                && !starts_with_preposition(source);
            (plain && source.split_whitespace().count() <= MAX_SOURCE_WORDS).then(|| source.to_owned())?
        }
    };
    let lemma = quote.cue.as_ref().map(|c| c.lemma.to_lowercase());
    let object_cue = lemma.as_deref().is_some_and(|l| OBJECT_SPEECH.contains(&l));
    let verb = lemma
        .filter(|l| CLAUSE_SPEECH.contains(&l.as_str()) || (object_cue && quote.kind == QuoteKind::Indirect))
        .map_or_else(|| "says".to_owned(), |l| third_person(&l));
    if quote.kind == QuoteKind::Indirect {
        let words = without_times(article, quote.span);
        let words = words.trim_start_matches("that ").trim();
        // Reported speech is a clause with its own subject; a quote that
        // starts with a verb was cut wrongly ("… invited Russian President …").
        let first = words.split_whitespace().next().unwrap_or("");
        let subjectless = (first.chars().next().is_some_and(char::is_lowercase) && is_verb_form(first))
            || starts_with_preposition(words);
        (!words.is_empty() && !subjectless).then(|| format!("{who} {verb} {}", limited(words, MAX_WORDS)))
    } else {
        let words = quote.text.trim();
        (!words.is_empty()).then(|| format!("{who} {verb}: “{}”", limited(words, MAX_WORDS)))
    }
}

/// Prepositions that cannot open a speaker's name or a reported clause.
const PREPOSITIONS: &[&str] = &[
    "at", "in", "on", "under", "for", "with", "by", "from", "after", "before", "of", "to", "into", "over",
    "during",
];

fn starts_with_preposition(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("").to_lowercase();
    PREPOSITIONS.contains(&first.as_str())
}

/// The sentence shortened to its main clause.
fn shortened(article: &Article, sentence: Span) -> String {
    let text = without_times(article, sentence);
    let mut text = text.get(dateline_len(&text)..).unwrap_or(&text).to_owned();
    for _ in 0..3 {
        let trimmed = text
            .trim_start_matches(|c: char| c == ',' || c.is_whitespace())
            .to_owned();
        let start = main_clause_start(&trimmed);
        text = trimmed[start..].to_owned();
        if start == 0 {
            break;
        }
    }
    // Cut at the first clause break after the subject and verb.
    let after_five: usize = text.split_inclusive(' ').take(5).map(str::len).sum();
    let end = clause_end(&text, after_five.min(text.len()), is_verb_form);
    limited(text[..end].trim_end_matches([' ', ',', '.']), MAX_WORDS)
}

/// The text of `span` without the time expressions inside it, spaces tidied.
fn without_times(article: &Article, span: Span) -> String {
    let mut out = String::new();
    let mut at = span.start;
    let mut times: Vec<Span> = article
        .analysis
        .times
        .iter()
        .map(|t| t.span)
        .filter(|t| t.start >= span.start && t.end <= span.end)
        .collect();
    times.sort();
    for t in times {
        if t.start >= at {
            let before = article.body.get(at..t.start).unwrap_or("");
            out.push_str(without_time_preposition(before));
            at = t.end;
            // "Monday's talks" → "talks".
            for possessive in ["'s", "’s"] {
                if article.body.get(at..).is_some_and(|r| r.starts_with(possessive)) {
                    at += possessive.len();
                }
            }
        }
    }
    out.push_str(article.body.get(at..span.end).unwrap_or(""));
    tidy(&out)
}

/// Prepositions that only introduce the time expression after them.
const TIME_PREPOSITIONS: &[&str] = &[
    "on", "in", "at", "by", "since", "until", "early", "late", "earlier", "later",
];

/// `text` without the prepositions ending it ("dismissed … on" before a
/// removed "Thursday"; "early on" before "Wednesday").
fn without_time_preposition(text: &str) -> &str {
    let mut kept = text;
    loop {
        let trimmed = kept.trim_end();
        let last = trimmed.rsplit(' ').next().unwrap_or("");
        if last.is_empty() || !TIME_PREPOSITIONS.contains(&last.to_lowercase().as_str()) {
            return kept;
        }
        kept = &trimmed[..trimmed.len() - last.len()];
    }
}

/// Single spaces, no space before punctuation, no trailing comma.
fn tidy(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = words.join(" ");
    for p in [" ,", " .", " ;", " :"] {
        out = out.replace(p, &p[1..]);
    }
    out.trim().trim_end_matches([',', ';', ':']).trim().to_owned()
}

/// At most `max` words, with an ellipsis when cut.
fn limited(text: &str, max: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= max {
        words.join(" ")
    } else {
        format!("{} …", words[..max].join(" "))
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
