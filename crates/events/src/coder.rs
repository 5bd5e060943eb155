//! The coding step shared by both worlds: given a sentence's upper-case words
//! and where its actors stand, find each dictionary verb's source and target
//! actors and its code. Real-world coding (`article`) and the PETRARCH test
//! mode (`petrarch`) differ only in how they find and code actors.

use crate::clause::{is_reporting, verb_groups, VerbGroup};
use crate::dictionary::pattern::{MatchInput, PatternMatch};
use crate::dictionary::verbs::VerbDictionary;

/// An event found in one sentence, before actors are attached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coded {
    /// Words `[start, end)` of the verb (the trigger).
    pub verb: (usize, usize),
    /// The verb's base form ("ATTACK").
    pub lemma: String,
    /// First word of the verb group.
    pub group_start: usize,
    /// Clause bounds `[lo, hi)`.
    pub clause: (usize, usize),
    /// Indexes into the actor ranges of the sources (several for "A and B").
    pub sources: Vec<usize>,
    /// Indexes of the targets.
    pub targets: Vec<usize>,
    /// Code of the source → target event, if any.
    pub forward: Option<String>,
    /// Code of the target → source event, if any.
    pub reverse: Option<String>,
    /// How specific the rule was: 0 for a verb's default code, else the
    /// matched pattern's weight.
    pub specificity: usize,
    /// The verb is passive: its subject is the target.
    pub passive: bool,
    /// The sources act on one another ("Gondor and Rohan renewed ties"):
    /// `sources` and `targets` hold the same actors, and every ordered pair
    /// of two different ones is an event.
    pub mutual: bool,
}

/// Words joining actors into one compound ("Gondor, Rohan and Arnor").
const CONJUNCTS: &[&str] = &[",", "AND", "OR", "NOR", "NEITHER", "BOTH", "THE", "&"];

/// Codes every dictionary verb of a sentence. `actors` are word ranges
/// `[start, end)` sorted by start; `names` marks the words that are part of
/// a name in the text (see [`MatchInput::names`]; may be empty).
pub fn code_sentence(
    dict: &VerbDictionary,
    words: &[String],
    names: &[bool],
    actors: &[(usize, usize)],
) -> Vec<Coded> {
    let groups = verb_groups(dict, words, actors);
    let mut coded: Vec<Coded> = Vec::new();
    let mut previous_sources: Vec<usize> = Vec::new();
    // Words a specific pattern matched after its verb: a verb among them is part of
    // that pattern ("agreed … not to attack"), not an event of its own.
    let mut consumed: Vec<usize> = Vec::new();
    for (k, group) in groups.iter().enumerate() {
        if consumed.contains(&group.verb_start) {
            continue;
        }
        // A verb form inside an actor's name is part of the name ("air force").
        if actors
            .iter()
            .any(|&(s, e)| s <= group.verb_start && group.verb_start < e)
        {
            continue;
        }
        let Some((code, found, specificity)) = best_code(dict, words, names, actors, group) else {
            continue;
        };
        // "X condemned Y and promised Z": a coordinated verb keeps the first verb's subject;
        // a participle after a comma ("…, challenging him") with no coded verb before
        // takes the clause's leading subject, never the nearest actor of the phrase before.
        let mut subject = subject_of(words, actors, group);
        if group.coordinated && !previous_sources.is_empty() {
            subject = previous_sources.clone();
        } else if group.coordinated && group.start > 0 && words[group.start - 1] == "," {
            subject = leading_subject(words, actors, &groups, group);
        }
        // A reporting verb's pattern ("announced … agreed") leaves the reported verbs alone.
        if !is_reporting(&words[group.verb_start]) {
            consumed.extend(&found.after_words);
        }
        // The next coordinated verb starts a phrase of its own.
        let next_verb = groups[k + 1..]
            .iter()
            .find(|g| g.coordinated)
            .map_or(group.hi, |g| g.start);
        let object = match found.target {
            Some(t) => compound_right(words, actors, t, group.hi),
            None => object_of(words, actors, group, next_verb),
        };
        // "a forum hosted by the advocacy group": the patient of a reduced relative is the
        // noun it follows (an actor only when that noun is one), never an earlier subject.
        if group.reduced {
            subject = patient_before(words, actors, group.start);
        }
        let (mut sources, mut targets) = if group.passive {
            let agent = agent_of(words, actors, group);
            (agent, subject.clone())
        } else {
            (subject.clone(), object)
        };
        if let Some(s) = found.source {
            sources = compound_right(words, actors, s, group.hi);
        }
        // A compound subject with no object acts on itself pairwise when the pattern says so
        // ("% *": "Gondor and Rohan agree") or its code is symmetric ([064:064]: "Gondor and
        // Rohan renewed ties").
        let symmetric = code.forward.is_some() && code.forward == code.reverse;
        let mutual = (found.compound || symmetric) && sources.len() > 1 && targets.is_empty();
        let mut code = code;
        if mutual {
            targets = sources.clone();
            // Every ordered pair is coded forward, so the reverse code would repeat it.
            code.reverse = None;
        } else {
            targets.retain(|t| !sources.contains(t));
        }
        previous_sources = if subject.is_empty() {
            previous_sources
        } else {
            subject
        };
        coded.push(Coded {
            verb: (group.verb_start, group.verb_end),
            lemma: group.form.lemma.clone(),
            group_start: group.start,
            clause: (group.lo, group.hi),
            sources,
            targets,
            forward: code.forward,
            reverse: code.reverse,
            specificity,
            passive: group.passive,
            mutual,
        });
    }
    coded
}

type Choice = (crate::dictionary::pattern::CodePair, PatternMatch, usize);

/// The most specific matching pattern of any block the verb belongs to, else
/// the verb's or its block's default code.
fn best_code(
    dict: &VerbDictionary,
    words: &[String],
    names: &[bool],
    actors: &[(usize, usize)],
    group: &VerbGroup,
) -> Option<Choice> {
    let input = MatchInput {
        words,
        actors,
        synsets: &dict.synsets,
        names,
        lo: group.lo,
        hi: group.hi,
    };
    let mut best: Option<Choice> = None;
    let mut default = None;
    for sense in dict.senses(group.form) {
        let block = &dict.blocks[sense.block];
        // Patterns of later dictionaries (Parallax's additions) win ties with earlier ones.
        let mut taken_here = false;
        for pattern in &block.patterns {
            if pattern.compound && subject_of(words, actors, group).len() < 2 {
                continue;
            }
            let beaten = best
                .as_ref()
                .is_some_and(|b| b.2 > pattern.weight() || (taken_here && b.2 == pattern.weight()));
            if beaten {
                break;
            }
            if let Some(found) = pattern.matches(&input, group.verb_start, group.verb_end) {
                best = Some((pattern.code.clone(), found, pattern.weight()));
                taken_here = true;
            }
        }
        // A verb listed in several blocks takes the last listed default, as
        // PETRARCH's dictionary reader does.
        if let Some(code) = sense
            .code
            .clone()
            .or_else(|| block.code.clone())
            .filter(|c| !c.is_null())
        {
            default = Some(code);
        }
    }
    let choice = best.or_else(|| default.map(|c| (c, PatternMatch::default(), 0)))?;
    (!choice.0.is_null()).then_some(choice)
}

/// Words relative pronouns that make the actor before them the subject of
/// the verb right after them ("Russia, which attacked Kyiv").
const RELATIVES: &[&str] = &["WHO", "WHICH", "THAT"];

/// Most words of an apposition between a name and a relative pronoun
/// ("Corker, a Tennessee Republican who …").
const MAX_APPOSITION_WORDS: usize = 6;

/// The subject of the first verb of the group's clause, for a participle
/// that shares it.
fn leading_subject(
    words: &[String],
    actors: &[(usize, usize)],
    groups: &[VerbGroup],
    group: &VerbGroup,
) -> Vec<usize> {
    groups
        .iter()
        .find(|g| g.lo == group.lo && g.verb_start < group.verb_start)
        .map_or_else(Vec::new, |first| subject_of(words, actors, first))
}

/// The actors that are the subject: the nearest actor before the verb group
/// within its clause (not inside an aside), with the actors conjoined to
/// it; for a verb opening a relative clause, the actor the pronoun stands for.
fn subject_of(words: &[String], actors: &[(usize, usize)], group: &VerbGroup) -> Vec<usize> {
    let outside_aside = |s: usize| group.aside.is_none_or(|(from, to)| s < from || s >= to);
    let nearest = actors.iter().rposition(|&(s, e)| {
        e <= group.start && s >= group.lo && outside_aside(s) && !in_prepositional_phrase(words, s)
    });
    let relative = || {
        let pronoun = group
            .lo
            .checked_sub(1)
            .filter(|&p| group.start == group.lo && RELATIVES.contains(&words[p].as_str()))?;
        let before = if pronoun > 0 && words[pronoun - 1] == "," {
            pronoun - 1
        } else {
            pronoun
        };
        // "Senator Bob Corker, a Tennessee Republican who has met …": the pronoun
        // stands for the named actor an apposition describes.
        let apposition = || {
            let comma = (before.saturating_sub(MAX_APPOSITION_WORDS)..before)
                .rev()
                .find(|&k| words[k] == ",")?;
            let plain = words[comma + 1..before]
                .iter()
                .all(|w| w.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '.'));
            plain
                .then(|| actors.iter().position(|&(_, e)| e == comma))
                .flatten()
        };
        actors.iter().position(|&(_, e)| e == before).or_else(apposition)
    };
    let Some(last) = nearest.or_else(relative) else {
        return Vec::new();
    };
    let mut chosen = vec![last];
    let mut k = last;
    while k > 0 {
        let (prev_start, prev_end) = actors[k - 1];
        let (start, _) = actors[k];
        if prev_start < group.lo || !joined(words, prev_end, start) {
            break;
        }
        chosen.insert(0, k - 1);
        k -= 1;
    }
    chosen
}

/// Prepositions whose object is never the subject of a later verb ("a
/// proposal along the U.S.-Mexico border to ban …", "in Washington, Trump
/// said"): "of" and "for" are not among them, since the actor after them may
/// head the subject ("the leader of Gondor attacked").
const SUBJECTLESS_PREPOSITIONS: &[&str] = &[
    "IN", "AT", "ON", "FROM", "ALONG", "ABOUT", "WITH", "AGAINST", "TO", "INTO", "OVER", "UNDER", "NEAR",
    "ACROSS", "THROUGH", "DURING", "BY", "TOWARD", "TOWARDS", "AMONG", "BETWEEN",
];

/// True when the actor starting at word `start` is the object of a
/// preposition (right before it, or before its article).
fn in_prepositional_phrase(words: &[String], start: usize) -> bool {
    let before = |k: usize| start.checked_sub(k).map(|p| words[p].as_str());
    let preposition = |w: Option<&str>| w.is_some_and(|w| SUBJECTLESS_PREPOSITIONS.contains(&w));
    preposition(before(1)) || (before(1).is_some_and(crate::clause::is_article) && preposition(before(2)))
}

/// The most words between a verb and its object ("signed an 800 million
/// ducat trade protocol for 1990 with Dagolath").
const MAX_OBJECT_GAP: usize = 10;

/// The first actor after the verb within its clause, with its conjuncts:
/// within a few words, before the next coordinated verb (`next_verb`:
/// "ordered a review … and warned against hackers from China" does not make
/// China the object of "ordered"), and not after a participle, whose own
/// object or agent it is ("called for a ban on Muslims entering the United
/// States", "want East Jerusalem, captured by Israel").
fn object_of(words: &[String], actors: &[(usize, usize)], group: &VerbGroup, next_verb: usize) -> Vec<usize> {
    let Some(mut first) = actors
        .iter()
        .position(|&(s, e)| s >= group.verb_end && e <= group.hi)
    else {
        return Vec::new();
    };
    // "McCain distanced himself from Bush": a reflexive object is the subject again;
    // the other side of the event is the next actor.
    if is_reflexive(words, actors[first]) {
        match actors.get(first + 1).filter(|&&(_, e)| e <= group.hi) {
            Some(_) => first += 1,
            None => return Vec::new(),
        }
    }
    let start = actors[first].0;
    let between = &words[group.verb_end..start];
    // The actor is the participle's own object or agent: "a ban on Muslims entering the
    // United States" (an -ing form right before it, or before its article), "East
    // Jerusalem, captured by Israel" (an -ed form, then "by"); not "the affected villages".
    let participle =
        |w: &String, ending: &str| w.len() > 4 && w.ends_with(ending) && w.chars().all(char::is_alphabetic);
    let n = between.len();
    let object_of_ing = (1..=2).any(|back| {
        n >= back
            && participle(&between[n - back], "ING")
            && between[n - back + 1..]
                .iter()
                .all(|w| crate::clause::is_article(w))
            && !(n > back && crate::clause::is_article(&between[n - back - 1]))
    });
    let agent_of_ed =
        (1..=3).any(|back| n > back && between[n - back] == "BY" && participle(&between[n - back - 1], "ED"));
    let participle_between = object_of_ing || agent_of_ed;
    let near =
        between.len() <= MAX_OBJECT_GAP && start < next_verb.max(group.verb_end) && !participle_between;
    if near {
        compound_right(words, actors, first, group.hi)
    } else {
        Vec::new()
    }
}

/// The actor a reduced relative clause starting at word `start` describes:
/// the one ending right before it, or before a comma there ("East
/// Jerusalem, captured by Israel"); none when a plain noun stands there.
fn patient_before(words: &[String], actors: &[(usize, usize)], start: usize) -> Vec<usize> {
    let end = if start > 0 && words[start - 1] == "," {
        start - 1
    } else {
        start
    };
    actors
        .iter()
        .position(|&(_, e)| e == end)
        .map_or_else(Vec::new, |k| vec![k])
}

/// Reflexive pronouns, which name the clause's subject again.
const REFLEXIVES: &[&str] = &[
    "HIMSELF",
    "HERSELF",
    "ITSELF",
    "THEMSELVES",
    "MYSELF",
    "OURSELVES",
    "YOURSELF",
];

/// True when the actor at word range `(start, end)` is one reflexive pronoun.
fn is_reflexive(words: &[String], (start, end): (usize, usize)) -> bool {
    end == start + 1 && REFLEXIVES.contains(&words[start].as_str())
}

/// The agent of a passive verb: the actor after "by".
fn agent_of(words: &[String], actors: &[(usize, usize)], group: &VerbGroup) -> Vec<usize> {
    let Some(by) = (group.verb_end..group.hi).find(|&k| words[k] == "BY") else {
        return Vec::new();
    };
    match actors
        .iter()
        .position(|&(s, _)| s > by && s <= by + 3 && s < group.hi)
    {
        Some(first) => compound_right(words, actors, first, group.hi),
        None => Vec::new(),
    }
}

/// The actor at `first` with the actors conjoined after it, up to `hi`. A
/// list is one level: in "Calenardhon and Gondor, and Gondor and Dagolath"
/// the pair after ", and" is another conjunct, so a comma after a plain
/// "and" ends the compound.
fn compound_right(words: &[String], actors: &[(usize, usize)], first: usize, hi: usize) -> Vec<usize> {
    let mut chosen = vec![first];
    let mut k = first;
    let mut plain_and = false;
    while let Some(&(next_start, next_end)) = actors.get(k + 1) {
        let between = &words[actors[k].1..next_start.max(actors[k].1)];
        let comma = between.iter().any(|w| w == ",");
        if next_end > hi || !joined(words, actors[k].1, next_start) || (comma && plain_and) {
            break;
        }
        plain_and |= !comma;
        chosen.push(k + 1);
        k += 1;
    }
    chosen
}

/// True when the words between two actors conjoin them: a conjunction or
/// comma, with at most a few modifiers ("Fornost and the evil awful Gondor").
fn joined(words: &[String], from: usize, to: usize) -> bool {
    let between = match words.get(from..to) {
        Some(b) if !b.is_empty() && b.len() <= 5 => b,
        _ => return false,
    };
    let conjoined = between
        .iter()
        .any(|w| CONJUNCTS.contains(&w.as_str()) && w != "THE");
    let modifiers = between
        .iter()
        .filter(|w| !CONJUNCTS.contains(&w.as_str()))
        .count();
    let plain = between
        .iter()
        .all(|w| w.chars().all(|c| c.is_alphabetic() || c == ',' || c == '-'));
    // The conjunction comes first ("and the evil Gondor"); "Mexico on Wednesday, Francis"
    // is no compound.
    let leads = between
        .first()
        .is_some_and(|w| w != "THE" && CONJUNCTS.contains(&w.as_str()));
    conjoined
        && leads
        && modifiers <= 3
        && plain
        && !between
            .iter()
            .any(|w| crate::clause::is_boundary(w) || crate::clause::is_group_word(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dict() -> VerbDictionary {
        let mut d = VerbDictionary::default();
        d.add(
            "--- ATTACK [190] ---\nATTACK\n- * (WITH &AIR) [195]\n&AIR\n+DRONES\n\n--- LEAVE [---] ---\nLEAVE {LEFT}\n- * (FOR +) [032:033]\n--- AGREE [---] ---\nAGREE\n- % * [030:030]\n--- DISTANCE [110] ---\nDISTANCE\n",
        );
        d
    }

    fn words(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_uppercase).collect()
    }

    #[test]
    fn subject_verb_object_with_default_and_pattern_codes() {
        let d = dict();
        let w = words("Mordor attacked Gondor");
        let c = code_sentence(&d, &w, &[], &[(0, 1), (2, 3)]);
        assert_eq!(
            (
                c[0].sources.clone(),
                c[0].targets.clone(),
                c[0].forward.as_deref()
            ),
            (vec![0], vec![1], Some("190"))
        );
        let w = words("troops from Mordor attacked Gondor");
        let c = code_sentence(&d, &w, &[], &[(2, 3), (4, 5)]);
        assert!(
            c[0].sources.is_empty(),
            "the object of a preposition is not the subject"
        );
        let w = words("Mordor attacked Gondor with drones");
        let c = code_sentence(&d, &w, &[], &[(0, 1), (2, 3)]);
        assert_eq!(c[0].forward.as_deref(), Some("195"));
    }

    #[test]
    fn a_reflexive_object_leaves_the_target_to_the_next_actor() {
        let d = dict();
        let w = words("Mordor distanced itself from Gondor");
        let c = code_sentence(&d, &w, &[], &[(0, 1), (2, 3), (4, 5)]);
        assert_eq!(c[0].targets, vec![2]);
        let w = words("Mordor attacked itself");
        let c = code_sentence(&d, &w, &[], &[(0, 1), (2, 3)]);
        assert!(c[0].targets.is_empty());
    }

    #[test]
    fn passives_compounds_and_paired_codes() {
        let d = dict();
        let w = words("Gondor was attacked by Mordor and Isengard");
        let c = code_sentence(&d, &w, &[], &[(0, 1), (4, 5), (6, 7)]);
        assert_eq!(
            (c[0].sources.clone(), c[0].targets.clone()),
            (vec![1, 2], vec![0])
        );
        let w = words("Rohan praised a fort attacked by Mordor");
        let c = code_sentence(&d, &w, &[], &[(0, 1), (6, 7)]);
        assert_eq!(
            (c[0].sources.clone(), c[0].targets.clone()),
            (vec![1], vec![]),
            "a reduced relative's patient is the noun it follows"
        );
        let w = words("Gondor , attacked by Mordor");
        let c = code_sentence(&d, &w, &[], &[(0, 1), (4, 5)]);
        assert_eq!((c[0].sources.clone(), c[0].targets.clone()), (vec![1], vec![0]));
        let w = words("Rohan left for Gondor");
        let c = code_sentence(&d, &w, &[], &[(0, 1), (3, 4)]);
        assert_eq!(
            (c[0].forward.as_deref(), c[0].reverse.as_deref()),
            (Some("032"), Some("033"))
        );
        let w = words("Rohan left");
        assert!(
            code_sentence(&d, &w, &[], &[(0, 1)]).is_empty(),
            "a block without default codes only its patterns"
        );
        let w = words("Rohan and Gondor agree");
        let c = code_sentence(&d, &w, &[], &[(0, 1), (2, 3)]);
        assert_eq!(
            (c[0].sources.clone(), c[0].targets.clone(), c[0].mutual),
            (vec![0, 1], vec![0, 1], true),
            "a compound subject acting on itself"
        );
        let w = words("Rohan agree");
        assert!(
            code_sentence(&d, &w, &[], &[(0, 1)]).is_empty(),
            "a compound pattern needs a compound subject"
        );
    }
}
