//! Second-hand reports: the outlet or agency that relays a statement
//! ("…, Zelenskyy said, news agency RBC-Ukraine reports", "Putin said,
//! according to Reuters").

use std::ops::Range;

use super::attribution::{attach_source, cues_in};
use super::context::Context;
use super::speaker::outlet_name;

/// Lemmas whose source relays someone else's statement.
pub(crate) const RELAY_LEMMAS: &[&str] = &["report", "according to", "cite"];

/// True when a cue lemma relays rather than states.
pub(crate) fn is_relay(lemma: &str) -> bool {
    RELAY_LEMMAS.contains(&lemma)
}

/// The relaying outlet named by a relay cue inside `range` (the rest of a
/// sentence after an attribution).
pub(crate) fn reporter_in(
    ctx: &Context,
    range: Range<usize>,
    excluded: &dyn Fn(usize) -> bool,
) -> Option<String> {
    cues_in(ctx, range.clone(), excluded)
        .into_iter()
        .filter(|hit| is_relay(&hit.entry.lemma))
        .find_map(|hit| attach_source(ctx, &hit, range.clone(), true))
        .and_then(|a| outlet_name(ctx, a.source))
}
