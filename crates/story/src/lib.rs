//! One story from its articles: the account the user came for.
//!
//! `parallax-story` owns what turns the articles of ONE story (already
//! clustered by the link stage, already analysed) into a [`StoryReport`]:
//! quotes grouped into statements across outlets and translations, events
//! merged across outlets, figures reconciled, a dated timeline, the actors
//! and their spellings, the coverage matrix (who reported what, who omitted
//! it, who contradicts whom, who words it differently), conflicts, and a
//! short extractive briefing. Everything it states cites article spans.
//!
//! It must not analyse text again (sentences, entities, quotes, figures,
//! times and events come from `parallax-analyze` and `parallax-events`),
//! decide which articles form a story (that is `parallax-link`), read files,
//! use a clock, or invent a fact: every sentence of a summary is templated
//! from coded fields or copied from an article. [`assemble`] is pure and
//! deterministic; the order the articles are given in does not matter.

mod actors;
mod briefing;
mod clause;
mod corpus;
mod coverage;
mod events;
mod figure_lexicon;
mod figure_measure;
mod figure_predicate;
mod figures;
mod happenings;
mod headline;
mod labels;
mod markdown;
mod moments;
pub mod report;
pub mod similarity;
mod statements;
mod timeline;
mod verbs;
mod wording;

pub use markdown::render_markdown;
pub use report::*;

use parallax_core::Article;

/// Thresholds of the assembly. The defaults were chosen on the invented
/// fixtures of `tests/` (see `docs/stories.md`), not on the seeds.
#[derive(Debug, Clone, PartialEq)]
pub struct AssembleOptions {
    /// Least mean similarity of a quote to a statement's quotes for it to join.
    pub statement_threshold: f32,
    /// Least similarity of two figures' sentences for them to count the same thing.
    pub figure_context_threshold: f32,
    /// Least similarity of two sentences for one to support the other in the briefing.
    pub briefing_support_threshold: f32,
    /// Fewest briefing sentences (when the articles have that many).
    pub briefing_min: usize,
    /// Most briefing sentences.
    pub briefing_max: usize,
}

impl Default for AssembleOptions {
    fn default() -> Self {
        AssembleOptions {
            statement_threshold: 0.4,
            figure_context_threshold: 0.2,
            briefing_support_threshold: 0.35,
            briefing_min: 3,
            briefing_max: 5,
        }
    }
}

/// Assembles the story `id` from its analysed `articles` (any order;
/// articles sharing an id count once).
pub fn assemble(id: &str, articles: &[Article], options: &AssembleOptions) -> StoryReport {
    let corpus = corpus::Corpus::new(articles);
    let ids = corpus.ids();
    let statements = statements::group_statements(&corpus, options);
    let merged = events::merge_events(&corpus, &statements.occasions);
    let figures = figures::reconcile_figures(&corpus, options);
    let mut conflicts = Vec::new();
    conflicts.extend(figures.conflicts.iter().cloned());
    conflicts.extend(merged.conflicts);
    conflicts.extend(statements.conflicts);
    let actors = actors::collect_actors(&corpus);
    let (rows, totals) =
        coverage::coverage_rows(&ids, &merged.events, &statements.statements, &figures, &conflicts);
    let coverage = Coverage {
        rows,
        totals,
        spellings: actors::spelling_variants(&actors),
        wording: wording::wording_differences(&corpus),
    };
    let timeline = timeline::build_timeline(&moments::MomentSources {
        corpus: &corpus,
        events: &merged.events,
        statements: &statements.statements,
        occasions: &statements.occasions,
        figures: &figures.groups,
    });
    let briefing_happenings: Vec<briefing::Happening> = timeline
        .timeline
        .iter()
        .map(|t| briefing::Happening {
            evidence: &t.evidence,
            date: Some(&t.date),
        })
        .chain(timeline.undated.iter().map(|u| briefing::Happening {
            evidence: &u.evidence,
            date: None,
        }))
        .collect();
    let briefing = briefing::build_briefing(&corpus, options, &briefing_happenings);
    drop(briefing_happenings);
    StoryReport {
        id: id.to_owned(),
        similarity_mode: similarity::LEXICAL_MODE.to_owned(),
        articles: corpus.refs(),
        timeline: timeline.timeline,
        background: timeline.background,
        undated: timeline.undated,
        briefing,
        statements: statements.statements,
        events: merged.events,
        figures: figures.groups,
        actors,
        coverage,
        conflicts,
    }
}
