//! Statements: the quotes of all articles grouped by what was said. Two
//! quotes are one statement when the same speaker (canonical key, which
//! already unites transliterations such as Sybiga / Sybiha) says similar
//! words, and nothing keeps them apart: different stated days or different
//! places of speaking separate two quotes unless the wording is nearly the
//! same. Grouping is greedy average-link in the canonical order (article id,
//! span), so the result does not depend on the order articles arrive in.
//! Also finds speaker conflicts: the same words attributed to different people.

use std::collections::{BTreeMap, BTreeSet};

use parallax_core::{Article, DatePrecision, EntityType, Quote, QuoteKind, Span, SpeechAct, TimeRelation};

use crate::clause::in_relative_clause;

use crate::corpus::{dates_compatible, evidence, month_day, more_precise, sentence_around, Corpus, Occasion};
use crate::report::{Conflict, ConflictKind, Statement, StatementQuote, StatementSpeaker};
use crate::similarity::{rounded, Compared};
use crate::AssembleOptions;

/// Similarity above which differing days or places no longer keep two
/// quotes apart: the same words, reported with a wrong or second date.
const NEAR_VERBATIM: f32 = 0.9;

/// Similarity above which the same words under two speakers are a conflict.
const SPEAKER_CONFLICT: f32 = 0.7;

/// Fewest content words a quote needs before a speaker conflict is claimed
/// (short phrases like "old ultimatums" recur innocently).
const SPEAKER_CONFLICT_WORDS: usize = 6;

/// How far into an indirect quote a time expression may start and still
/// date the saying ("said [on Wednesday he was …]").
pub const OPENING_BYTES: usize = 3;

/// One quote of one article, with what decides its grouping.
struct Item<'a> {
    article: &'a Article,
    /// Index of the quote in the article's `quotes`.
    index: usize,
    quote: &'a Quote,
    speaker: Option<StatementSpeaker>,
    date: Option<(String, DatePrecision)>,
    /// True when the date comes from an earlier quote of the same speaker.
    inherited: bool,
    /// Month and day stated, even when the year is unknown ("Sept. 5" in an
    /// article without a publication date): enough to tell two days apart.
    month_day: Option<(u32, u32)>,
    /// True when the date is stated in full ("in 2014"), needing no
    /// publication date.
    absolute: bool,
    places: BTreeSet<String>,
}

/// Statements with their quotes, and the speaker conflicts between them.
pub struct Statements {
    /// Sorted by number of sources (descending), then first quote.
    pub statements: Vec<Statement>,
    /// The same words attributed to different speakers.
    pub conflicts: Vec<Conflict>,
    /// When and where each quote was said, by (article id, quote index):
    /// events coded from reported speech take their occasion from here.
    pub occasions: BTreeMap<(String, usize), Occasion>,
}

/// Groups the quotes of `corpus` into statements.
pub fn group_statements(corpus: &Corpus, options: &AssembleOptions) -> Statements {
    let items = collect_items(corpus);
    let compared = Compared::new(&items.iter().map(|i| i.quote.text.as_str()).collect::<Vec<_>>());
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    for i in 0..items.len() {
        let best = clusters
            .iter()
            .enumerate()
            .filter(|(_, members)| {
                members
                    .iter()
                    .all(|&m| compatible(&items[i], &items[m], &compared, i, m))
            })
            .map(|(c, members)| {
                let mean =
                    members.iter().map(|&m| compared.similarity(i, m)).sum::<f32>() / members.len() as f32;
                (c, mean)
            })
            .filter(|(_, mean)| *mean >= options.statement_threshold)
            .fold(None, |best: Option<(usize, f32)>, (c, s)| match best {
                Some((_, b)) if b >= s => best,
                _ => Some((c, s)),
            });
        match best {
            Some((c, _)) => clusters[c].push(i),
            None => clusters.push(vec![i]),
        }
    }
    let mut statements: Vec<(Vec<usize>, Statement)> = clusters
        .into_iter()
        .map(|members| (members.clone(), build(&items, &members, &compared)))
        .collect();
    statements.sort_by(|(a, sa), (b, sb)| sb.sources.len().cmp(&sa.sources.len()).then(a[0].cmp(&b[0])));
    for (n, (_, statement)) in statements.iter_mut().enumerate() {
        statement.id = format!("s{}", n + 1);
    }
    let conflicts = speaker_conflicts(&items, &statements, &compared);
    let occasions = items
        .iter()
        .map(|i| {
            let occasion = Occasion {
                date: i.date.clone(),
                month_day: i.month_day,
                absolute: i.absolute,
                places: i.places.clone(),
            };
            ((i.article.id.clone(), i.index), occasion)
        })
        .collect();
    Statements {
        statements: statements.into_iter().map(|(_, s)| s).collect(),
        conflicts,
        occasions,
    }
}

/// Every quote with text, in canonical order, except a partial quote nested
/// in an indirect clause of the same article (the clause carries that
/// statement once; its exact words stay in the article's quotes). A quote whose sentence states
/// no day or place inherits the last ones stated for the same speaker
/// earlier in the article: reporters name the occasion once ("Speaking in
/// Beijing, …") and the quotes that follow ("Putin also said …") belong to it.
fn collect_items<'a>(corpus: &Corpus<'a>) -> Vec<Item<'a>> {
    let mut items = Vec::new();
    for article in &corpus.articles {
        let mut quotes: Vec<(usize, &Quote)> = article
            .analysis
            .quotes
            .iter()
            .enumerate()
            .filter(|(_, q)| !q.text.trim().is_empty() && !nested_in_indirect(q, &article.analysis.quotes))
            .collect();
        quotes.sort_by_key(|(_, q)| (q.span.start, q.span.end));
        let mut last: BTreeMap<String, Occasion> = BTreeMap::new();
        for (index, quote) in quotes {
            let speaker = speaker_of(quote);
            let mut occasion = stated_occasion(article, quote);
            let mut inherited = false;
            if let Some(key) = speaker.as_ref().map(|s| s.key.clone()) {
                let known = last.entry(key).or_default();
                if occasion.date.is_some() || occasion.month_day.is_some() {
                    known.date = occasion.date.clone();
                    known.month_day = occasion.month_day;
                    known.absolute = occasion.absolute;
                } else {
                    occasion.date = known.date.clone();
                    occasion.month_day = known.month_day;
                    occasion.absolute = known.absolute;
                    inherited = occasion.date.is_some();
                }
                if occasion.places.is_empty() {
                    occasion.places = known.places.clone();
                } else {
                    known.places = occasion.places.clone();
                }
            }
            items.push(Item {
                article,
                index,
                quote,
                speaker,
                date: occasion.date,
                inherited,
                month_day: occasion.month_day,
                absolute: occasion.absolute,
                places: occasion.places,
            });
        }
    }
    items
}

/// The day and places the quote's own sentence states outside the quote
/// ("Putin said on Wednesday in Beijing"). A time expression opening an
/// indirect quote counts too: "said on Wednesday he was…" dates the saying.
fn stated_occasion(article: &Article, quote: &Quote) -> Occasion {
    let sentence = sentence_around(article, quote.span);
    let outside_quote = |s: Span| s.end <= quote.span.start || s.start >= quote.span.end;
    let within = |s: Span| s.start >= sentence.start && s.end <= sentence.end && outside_quote(s);
    let opening = |s: Span| {
        quote.kind == QuoteKind::Indirect
            && s.start >= quote.span.start
            && s.start <= quote.span.start + OPENING_BYTES
    };
    // A relative clause (", which it seized in 2014") dates something else.
    let text = article.body.get(sentence.start..sentence.end).unwrap_or("");
    let time = article
        .analysis
        .times
        .iter()
        .filter(|t| {
            t.span.start >= sentence.start && !in_relative_clause(text, t.span.start - sentence.start)
        })
        .find(|t| within(t.span) || opening(t.span));
    let date = time.and_then(|t| Some((t.date.clone()?, t.precision?)));
    let month_day = time.and_then(month_day);
    let absolute = time.is_some_and(|t| t.relation == TimeRelation::Absolute);
    // A place inside what anyone is quoted as saying ("…, and invited him
    // to hold such a meeting in Moscow") is not where this quote was said.
    let in_any_quote = |s: Span| {
        article
            .analysis
            .quotes
            .iter()
            .any(|q| q.span.start <= s.start && s.end <= q.span.end)
    };
    let places = article
        .analysis
        .entities
        .iter()
        .filter(|e| {
            e.entity_type == EntityType::Place
                && e.metonym_of.is_none()
                && within(e.span)
                && !in_any_quote(e.span)
        })
        .map(|e| e.key.clone())
        .collect();
    Occasion {
        date,
        month_day,
        absolute,
        places,
    }
}

/// The speaker key and name: the person, else the non-person source.
pub fn speaker_of(quote: &Quote) -> Option<StatementSpeaker> {
    if let Some(speaker) = &quote.speaker {
        return Some(StatementSpeaker {
            key: speaker.key.clone(),
            name: speaker.name.clone(),
        });
    }
    let source = quote.source.as_deref()?.trim();
    let folded: String = source
        .to_lowercase()
        .replace('’', "'")
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty() && *w != "the")
        .collect::<Vec<_>>()
        .join("-");
    (!folded.is_empty()).then(|| StatementSpeaker {
        key: format!("source:{folded}"),
        name: source.to_owned(),
    })
}

/// Whether quote `i` may join a statement holding quote `m`.
fn compatible(a: &Item, b: &Item, compared: &Compared, i: usize, m: usize) -> bool {
    if a.speaker.as_ref().map(|s| &s.key) != b.speaker.as_ref().map(|s| &s.key) {
        return false;
    }
    let similarity = compared.similarity(i, m);
    let different_day = matches!((&a.date, &b.date), (Some(x), Some(y)) if !dates_compatible(&x.0, &y.0))
        || matches!((a.month_day, b.month_day), (Some(x), Some(y)) if x != y);
    let different_place = !a.places.is_empty() && !b.places.is_empty() && a.places.is_disjoint(&b.places);
    !(different_day || different_place) || similarity >= NEAR_VERBATIM
}

fn build(items: &[Item], members: &[usize], compared: &Compared) -> Statement {
    let first = members[0];
    let speaker = members.iter().find_map(|&m| items[m].speaker.clone());
    // A date a quote's own sentence states wins over one inherited from context.
    let own = members
        .iter()
        .filter(|&&m| !items[m].inherited)
        .filter_map(|&m| items[m].date.clone())
        .reduce(more_precise);
    let date_from_context = own.is_none();
    let date = own.or_else(|| {
        members
            .iter()
            .filter_map(|&m| items[m].date.clone())
            .reduce(more_precise)
    });
    let acts: Vec<SpeechAct> = members
        .iter()
        .filter_map(|&m| items[m].quote.cue.as_ref().map(|c| c.act))
        .fold(Vec::new(), |mut acts, act| {
            if !acts.contains(&act) {
                acts.push(act);
            }
            acts
        });
    let quotes: Vec<StatementQuote> = members
        .iter()
        .map(|&m| StatementQuote {
            article: items[m].article.id.clone(),
            text: items[m].quote.text.clone(),
            span: items[m].quote.span,
            kind: items[m].quote.kind,
            speaker_as_written: items[m].quote.speaker.as_ref().map(|s| s.name.clone()),
            similarity: if m == first {
                1.0
            } else {
                rounded(compared.similarity(first, m))
            },
        })
        .collect();
    let sources: BTreeSet<String> = quotes.iter().map(|q| q.article.clone()).collect();
    Statement {
        id: String::new(),
        speaker,
        precision: date.as_ref().map(|d| d.1),
        date_from_context: date_from_context && date.is_some(),
        date: date.map(|d| d.0),
        acts,
        quotes,
        sources: sources.into_iter().collect(),
    }
}

/// Pairs of long, nearly identical quotes in different articles whose
/// statements have different speakers.
fn speaker_conflicts(
    items: &[Item],
    statements: &[(Vec<usize>, Statement)],
    compared: &Compared,
) -> Vec<Conflict> {
    let mut seen: BTreeMap<(usize, usize), Conflict> = BTreeMap::new();
    for (x, (members_x, statement_x)) in statements.iter().enumerate() {
        for (y, (members_y, statement_y)) in statements.iter().enumerate().skip(x + 1) {
            let (Some(sx), Some(sy)) = (&statement_x.speaker, &statement_y.speaker) else {
                continue;
            };
            if sx.key == sy.key {
                continue;
            }
            let pair = members_x
                .iter()
                .flat_map(|&i| members_y.iter().map(move |&j| (i, j)))
                .find(|&(i, j)| {
                    items[i].article.id != items[j].article.id
                        && compared.word_count(i).min(compared.word_count(j)) >= SPEAKER_CONFLICT_WORDS
                        && compared.similarity(i, j) >= SPEAKER_CONFLICT
                });
            if let Some((i, j)) = pair {
                seen.insert(
                    (x, y),
                    Conflict {
                        kind: ConflictKind::Speaker,
                        facts: vec![statement_x.id.clone(), statement_y.id.clone()],
                        description: format!(
                            "the same words are attributed to {} in {} and to {} in {}",
                            sx.name, items[i].article.id, sy.name, items[j].article.id
                        ),
                        evidence: vec![
                            evidence(items[i].article, items[i].quote.span),
                            evidence(items[j].article, items[j].quote.span),
                        ],
                    },
                );
            }
        }
    }
    seen.into_values().collect()
}

/// A partial quote lying inside an indirect quote's content.
fn nested_in_indirect(quote: &Quote, all: &[Quote]) -> bool {
    quote.kind == parallax_core::QuoteKind::Partial
        && all.iter().any(|other| {
            other.kind == parallax_core::QuoteKind::Indirect
                && other.span.start <= quote.span.start
                && quote.span.end <= other.span.end
        })
}
