//! Indirect quotes from the attribution tagger: each sentence is tagged
//! (`tagging`), and its spans are put together into attributions — each
//! content joins the nearer of the cues around it (the cue before it when
//! equally near), the contents of one cue are the parts of one quote
//! ("The plan, he said, is dead"), and the cue's source is the tagged
//! source next to it, or failing that the noun phrase the rules find before
//! or after the cue.

use std::ops::Range;

use parallax_core::QuoteKind;

use super::attribution::{source_after, source_before, Attribution, CueHit};
use super::context::Context;
use super::cue_entry::entry_for;
use super::indirect::{indirect_quotes_in, with_relay, without_trailing_relay};
use super::relay::reporter_in;
use super::tagging::{role_spans, ArticleView, Role, SequenceModel};
use super::Found;

/// Indirect quotes of every sentence. `quoted` marks tokens inside
/// quotation marks; `blocked` also the cues and sources of direct quotes,
/// which are not used again.
pub(crate) fn tagged_quotes(
    ctx: &Context,
    model: &SequenceModel,
    quoted: &[bool],
    blocked: &[bool],
) -> Vec<Found> {
    let view = ArticleView::new(ctx, quoted);
    let excluded = |i: usize| quoted.get(i).copied().unwrap_or(false);
    let is_blocked = |i: usize| blocked.get(i).copied().unwrap_or(false);
    let mut found = Vec::new();
    for sentence in &ctx.sentences {
        let range = ctx.token_range(sentence.span);
        if range.is_empty() {
            continue;
        }
        let features = view.sentence_features(range.clone());
        let tags = model.tag(features.tokens());
        let spans = role_spans(&tags, range.start);
        let groups = attributions(&spans, &|cue| is_comment_clause(ctx, cue));
        let groups: Vec<Group> = groups
            .into_iter()
            .filter(|g| g.cue.clone().any(|i| ctx.is_word(i)) && !g.cue.clone().any(is_blocked))
            .filter(|g| content_words(ctx, g) >= MIN_CONTENT_WORDS)
            .map(|g| completed(ctx, g, &spans, last_word_end(ctx, range.clone())))
            .collect();
        if groups.is_empty() {
            // Nothing tagged: the lexicon rules may still read the sentence
            // ("According to Zelensky, …" in a style PolNeAR has few of).
            found.extend(indirect_quotes_in(ctx, range, blocked));
            continue;
        }
        let mut previous_source: Option<Range<usize>> = None;
        for group in groups {
            let (entry, cue_end) = entry_for(ctx, group.cue.clone(), group.cue.end, &excluded);
            let hit = CueHit {
                tokens: group.cue.start..cue_end,
                entry,
            };
            let content_before = group.contents.iter().all(|c| c.end <= hit.tokens.start);
            let (relayed_by, tagged_source) = match group.source.map(|s| without_edge_punctuation(ctx, s)) {
                Some(source) if !source.is_empty() => split_relay(ctx, source, &excluded),
                Some(_) => (None, None),
                None => (None, None),
            };
            let source = tagged_source
                .or_else(|| source_before(ctx, &hit, range.start))
                // Inverted ("…, said Putin") only after the content.
                .or_else(|| {
                    content_before
                        .then(|| source_after(ctx, &hit, range.end))
                        .flatten()
                })
                .map(|s| antecedent_of_relative(ctx, s, range.start))
                // A second cue of the sentence without a subject of its own
                // shares the first one's: "Ukraine has been calling for
                // talks, saying…", "X accused Moscow… and said…".
                .or_else(|| previous_source.clone())
                .unwrap_or(hit.tokens.start..hit.tokens.start);
            if !source.is_empty() {
                previous_source = Some(source.clone());
            }
            let attribution = Attribution { cue: hit, source };
            let mut quote = match group.contents.as_slice() {
                [content] => {
                    let (content, trailing) = without_trailing_relay(ctx, content.clone(), &excluded);
                    let mut quote = with_relay(ctx, attribution, content, &excluded);
                    if quote.reporter.is_none() {
                        quote.reporter = trailing;
                    }
                    quote
                }
                contents => {
                    let resolved = super::speaker::resolve(ctx, attribution.source.clone());
                    Found {
                        parts: contents.iter().map(|c| ctx.span_of(c.clone())).collect(),
                        kind: QuoteKind::Indirect,
                        attribution: Some(attribution),
                        resolved,
                        reporter: None,
                        only_in_clause: false,
                    }
                }
            };
            if quote.reporter.is_none() {
                quote.reporter = relayed_by.or_else(|| {
                    // "…, the agency Interfax reports." closing the sentence.
                    let last = group.contents.last().map_or(range.end, |c| c.end);
                    (ctx.text(last) == ",")
                        .then(|| reporter_in(ctx, last + 1..range.end, &excluded))
                        .flatten()
                });
            }
            found.push(quote);
        }
    }
    found
}

/// A tagged span without the punctuation at its edges ("the Ukrainian air
/// force," before "which said").
fn without_edge_punctuation(ctx: &Context, span: Range<usize>) -> Range<usize> {
    let (mut start, mut end) = (span.start, span.end);
    while start < end && !ctx.is_word(start) {
        start += 1;
    }
    while end > start && !ctx.is_word(end - 1) {
        end -= 1;
    }
    start..end
}

/// "Reuters news agency reports that Zelensky": a tagged source holding a
/// relay is the outlet's report of someone's statement; the outlet is the
/// reporter and the source is what follows the relay ("that" skipped).
fn split_relay(
    ctx: &Context,
    source: Range<usize>,
    excluded: &dyn Fn(usize) -> bool,
) -> (Option<String>, Option<Range<usize>>) {
    let relay = super::attribution::cues_in(ctx, source.clone(), excluded)
        .into_iter()
        .find(|hit| super::relay::is_relay(&hit.entry.lemma));
    let Some(relay) = relay else {
        return (None, Some(source));
    };
    let mut start = relay.tokens.end;
    while start < source.end && (ctx.lower(start) == "that" || !ctx.is_word(start)) {
        start += 1;
    }
    let reporter = reporter_in(ctx, source.start..relay.tokens.end, excluded);
    let inner = (start < source.end).then_some(start..source.end);
    (reporter, inner)
}

/// "according to the air force, which said…", "Zelenskyy, who warned…":
/// a relative pronoun as source stands for the noun phrase before its
/// comma.
fn antecedent_of_relative(ctx: &Context, source: Range<usize>, floor: usize) -> Range<usize> {
    let relative = source.len() == 1 && matches!(ctx.lower(source.start), "who" | "which");
    let comma = source
        .start
        .checked_sub(1)
        .filter(|&c| c > floor && ctx.text(c) == ",");
    let (true, Some(comma)) = (relative, comma) else {
        return source;
    };
    let mut start = comma;
    while start > floor
        && comma - start < MAX_ANTECEDENT_TOKENS
        && ctx.is_word(start - 1)
        && !ends_phrase(ctx.lower(start - 1))
    {
        start -= 1;
    }
    if start < comma {
        start..comma
    } else {
        source
    }
}

/// Longest antecedent of a relative pronoun, in tokens.
const MAX_ANTECEDENT_TOKENS: usize = 6;

/// Words that come before a noun phrase rather than inside it.
fn ends_phrase(word: &str) -> bool {
    matches!(
        word,
        "to" | "by" | "from" | "with" | "of" | "and" | "said" | "says" | "according"
    )
}

/// A comment clause "as X reported," — "as" opening the clause of the cue
/// and a comma closing it — comments on the sentence's main statement
/// rather than introducing a content of its own.
fn is_comment_clause(ctx: &Context, cue: &Range<usize>) -> bool {
    let opened_by_as = (cue.start.saturating_sub(MAX_COMMENT_SUBJECT_TOKENS)..cue.start)
        .rev()
        .take_while(|&i| ctx.text(i) != ",")
        .any(|i| ctx.lower(i) == "as");
    opened_by_as && ctx.text(cue.end) == ","
}

/// Most tokens between "as" and the cue of a comment clause.
const MAX_COMMENT_SUBJECT_TOKENS: usize = 6;

/// Fewest words a tagged content must have: one-word contents are mostly
/// stray tags inside a longer statement ("that", "a", "Obama"); measured on
/// the held-out tenth of PolNeAR train, overall overlap F1 0.628 with one
/// word, 0.635 with two, 0.634 with three.
const MIN_CONTENT_WORDS: usize = 2;

/// Words in a group's contents.
fn content_words(ctx: &Context, group: &Group) -> usize {
    group
        .contents
        .iter()
        .map(|c| c.clone().filter(|&i| ctx.is_word(i)).count())
        .sum()
}

/// The tagger often stops a reported clause early ("think [the progress]
/// on climate change is real"; "fear [Trump will feed insecurity] in
/// nations worried about…") and sometimes leaves a word untagged inside
/// it. So the contents of one cue with only untagged tokens between them
/// become one, and a content after its cue with nothing tagged after it
/// runs on to the end of its clause: the next comma, semicolon, dash or
/// opening parenthesis, or the sentence's last word (`end`). Measured on
/// the held-out tenth of PolNeAR train (`docs/benchmarks.md`, 2026-12-08):
/// indirect overlap F1 0.538 → 0.556 (0.553 running to the sentence end).
/// Running a content before its cue back to the sentence start ("…,
/// officials said") lost (0.547), as did extending by three words at most
/// (0.540).
fn completed(ctx: &Context, mut group: Group, spans: &[(Role, Range<usize>)], end: usize) -> Group {
    let mut joined: Vec<Range<usize>> = Vec::with_capacity(group.contents.len());
    for content in group.contents.drain(..) {
        match joined.last_mut() {
            Some(last)
                if !spans
                    .iter()
                    .any(|(_, s)| s.start >= last.end && s.end <= content.start) =>
            {
                last.end = content.end
            }
            _ => joined.push(content),
        }
    }
    if let Some(last) = joined.last_mut() {
        let after_cue = last.start >= group.cue.end;
        let nothing_tagged_after = !spans.iter().any(|(_, s)| s.start >= last.end);
        if after_cue && nothing_tagged_after && last.end < end {
            last.end = (last.end..end)
                .find(|&i| matches!(ctx.text(i), "," | ";" | "—" | "–" | "("))
                .unwrap_or(end);
        }
    }
    group.contents = joined;
    group
}

/// The end of the last word of a sentence (a token range): its final
/// punctuation and closing marks are not part of a reported clause.
fn last_word_end(ctx: &Context, sentence: Range<usize>) -> usize {
    let mut end = sentence.end;
    while end > sentence.start && !ctx.is_word(end - 1) {
        end -= 1;
    }
    end
}

/// One cue with its contents and, when tagged, its source.
#[derive(Debug, PartialEq)]
struct Group {
    cue: Range<usize>,
    contents: Vec<Range<usize>>,
    source: Option<Range<usize>>,
}

/// Tokens between two ranges in order (0 when they touch or overlap).
fn gap(first: &Range<usize>, second: &Range<usize>) -> usize {
    second.start.saturating_sub(first.end)
}

/// Puts one sentence's tagged spans together: each content goes to the
/// nearer cue around it (the one before on a tie); a cue's source is the
/// nearest tagged source with no other span between them, before the cue
/// or, inverted, after it. Cues without content and contents without a cue
/// are left out.
fn attributions(
    spans: &[(Role, Range<usize>)],
    comment_clause: &dyn Fn(&Range<usize>) -> bool,
) -> Vec<Group> {
    let cues: Vec<&Range<usize>> = spans
        .iter()
        .filter(|(r, _)| *r == Role::Cue)
        .map(|(_, s)| s)
        .collect();
    let mut groups: Vec<Group> = cues
        .iter()
        .map(|c| Group {
            cue: (*c).clone(),
            contents: Vec::new(),
            source: None,
        })
        .collect();
    for (_, content) in spans.iter().filter(|(r, _)| *r == Role::Content) {
        let mut before = cues.iter().rposition(|c| c.end <= content.start);
        // "Peskov said on Sept. 5, as Russian media reported, that…": the
        // content belongs to the cue before the comment clause.
        if let Some(b) = before.filter(|&b| b > 0 && comment_clause(cues[b])) {
            before = Some(b - 1);
        }
        let after = cues.iter().position(|c| c.start >= content.end);
        let chosen = match (before, after) {
            (Some(b), Some(a)) => {
                if gap(cues[b], content) <= gap(content, cues[a]) {
                    b
                } else {
                    a
                }
            }
            (Some(b), None) => b,
            (None, Some(a)) => a,
            (None, None) => continue,
        };
        groups[chosen].contents.push(content.clone());
    }
    for (position, (role, span)) in spans.iter().enumerate() {
        if *role != Role::Source {
            continue;
        }
        // The neighbouring span on each side decides: a source right before
        // a cue is its subject; right after one, its inverted subject.
        let next_is_cue = spans.get(position + 1).filter(|(r, _)| *r == Role::Cue);
        let previous_is_cue = position
            .checked_sub(1)
            .and_then(|p| spans.get(p))
            .filter(|(r, _)| *r == Role::Cue);
        let cue = next_is_cue.or(previous_is_cue).map(|(_, c)| c);
        if let Some(group) = cue.and_then(|c| groups.iter_mut().find(|g| &g.cue == c)) {
            if group.source.is_none() || next_is_cue.is_some() {
                group.source = Some(span.clone());
            }
        }
    }
    groups.retain(|g| !g.contents.is_empty());
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A list of one content.
    fn one(content: Range<usize>) -> Vec<Range<usize>> {
        std::iter::once(content).collect()
    }

    /// The tokens of `body`, every token of which is a word or a mark.
    fn context(body: &str) -> Context<'_> {
        Context::new(body, &[], &[], &[])
    }

    #[test]
    fn a_clause_cut_short_after_its_cue_runs_to_the_end_of_its_clause() {
        use Role::*;
        // "he said [the plan] was dead ." — the content stops early.
        let ctx = context("he said the plan was dead .");
        let spans = vec![(Source, 0..1), (Cue, 1..2), (Content, 2..4)];
        let group = |contents: Vec<Range<usize>>| Group {
            cue: 1..2,
            contents,
            source: Some(0..1),
        };
        let end = last_word_end(&ctx, 0..7);
        assert_eq!(end, 6);
        assert_eq!(completed(&ctx, group(one(2..4)), &spans, end).contents, one(2..6));
        // Something tagged after the content: left as tagged.
        let mut later = spans.clone();
        later.push((Source, 5..6));
        assert_eq!(completed(&ctx, group(one(2..4)), &later, end).contents, one(2..4));
        // A content before its cue is not moved.
        let before = Group {
            cue: 3..4,
            contents: one(0..2),
            source: None,
        };
        let spans_before = vec![(Content, 0..2), (Cue, 3..4)];
        assert_eq!(completed(&ctx, before, &spans_before, end).contents, one(0..2));
        // The extension stops at the comma closing the clause.
        let ctx = context("he said the plan was dead , and we left .");
        let end = last_word_end(&ctx, 0..11);
        assert_eq!(completed(&ctx, group(one(2..4)), &spans, end).contents, one(2..6));
    }

    #[test]
    fn contents_with_only_untagged_tokens_between_become_one() {
        use Role::*;
        let ctx = context("the plan , he said , is dead now");
        // "The plan , he said , is dead": the cue and source between the
        // parts keep them apart.
        let spans = vec![(Content, 0..2), (Source, 3..4), (Cue, 4..5), (Content, 6..8)];
        let split = Group {
            cue: 4..5,
            contents: vec![0..2, 6..8],
            source: Some(3..4),
        };
        assert_eq!(completed(&ctx, split, &spans, 9).contents, vec![0..2, 6..9]);
        // An untagged word between parts does not.
        let spans = vec![(Cue, 0..1), (Content, 1..3), (Content, 4..6)];
        let gapped = Group {
            cue: 0..1,
            contents: vec![1..3, 4..6],
            source: None,
        };
        assert_eq!(completed(&ctx, gapped, &spans, 6).contents, one(1..6));
    }

    #[test]
    fn contents_join_the_nearer_cue_and_sources_their_neighbour() {
        use Role::*;
        // "The plan , he said , is dead , adding that it failed"
        let spans = vec![
            (Content, 0..2),
            (Source, 3..4),
            (Cue, 4..5),
            (Content, 6..8),
            (Cue, 9..10),
            (Content, 10..13),
        ];
        let groups = attributions(&spans, &|_| false);
        assert_eq!(
            groups,
            vec![
                Group {
                    cue: 4..5,
                    contents: vec![0..2, 6..8],
                    source: Some(3..4),
                },
                Group {
                    cue: 9..10,
                    contents: std::iter::once(10..13).collect(),
                    source: None,
                },
            ]
        );
    }
}
