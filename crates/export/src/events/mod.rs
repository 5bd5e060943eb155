//! Event exports: GDELT 2.0 (Event and Mentions tables) and PLOVER JSONL.
//! Both take an event together with the article it was read from, so a row
//! can cite its source, sentence and offsets; an event reported by several
//! articles is written once with all of them as mentions.

mod fields;
mod gdelt;
mod plover;

pub use gdelt::{global_event_id, GdeltWriter};
pub use plover::PloverWriter;

use parallax_core::{Article, Event};

/// One mention of an event: the event as coded in one article.
#[derive(Debug, Clone, Copy)]
pub struct EventMention<'a> {
    /// The article the event was read from.
    pub article: &'a Article,
    /// The event (an element of `article.analysis.events`).
    pub event: &'a Event,
    /// Its index in `article.analysis.events`, which makes ids stable.
    pub index: usize,
}

impl<'a> EventMention<'a> {
    /// Every event of an article as a mention of itself.
    pub fn all_in(article: &'a Article) -> impl Iterator<Item = EventMention<'a>> {
        article
            .analysis
            .events
            .iter()
            .enumerate()
            .map(move |(index, event)| EventMention {
                article,
                event,
                index,
            })
    }
}

#[cfg(test)]
mod tests;
