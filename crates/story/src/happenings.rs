//! Happenings: moments of all articles grouped into the things that
//! happened, one group per happening. Two moments join when
//!
//! - they report the same fact (a merged event or a statement);
//! - they are consecutive moments of one article with the same principal
//!   actor and no disjoint places (reporters give the occasion once:
//!   "Speaking in Beijing, the Kremlin chief …", then "Putin said …");
//! - they are dated to the same day in different articles and their
//!   sentences are similar;
//! - one announces in advance what the other reports (a plan in an article
//!   published up to a week before the other's date) and their sentences
//!   are similar.
//!
//! A group never holds two different dates, nor an expression relative to
//! an undated article together with a date: a join that would do so is
//! refused. An undated sentence of an article whose publication date is
//! unknown meets another article's dated happening only through a quote
//! matched to it (the same words) or a near-copy sentence: nothing else
//! tells when it was written. Joins are made in canonical order, so the
//! groups do not depend on the order articles came in.

use crate::corpus::{dates_compatible, days_apart};
use crate::moments::{Moment, MomentDate};
use crate::similarity::Compared;

/// Least sentence similarity for two same-day moments of different articles.
const SAME_DAY_MATCH: f32 = 0.35;

/// Least sentence similarity for two same-day moments whose events have the
/// same actor doing the same kind of thing (CAMEO root): the coded act
/// carries part of the match.
const SAME_DAY_SAME_ACT: f32 = 0.2;

/// Least similarity for an undated sentence of an undated article to join
/// another article's happening without a shared quote.
const NEAR_COPY: f32 = 0.6;

/// Most sentences between two moments of one speaker for the later to
/// belong to the earlier's occasion (a report names the occasion once,
/// then quotes on for a few paragraphs).
const OCCASION_SENTENCES: usize = 4;

/// A plan announced at most this many days before it happened joins it.
const ANNOUNCED_WITHIN_DAYS: i64 = 7;

/// Least similarity of a plan and what happened when they name the same
/// place ("set to head to Paris, where he will hold talks" / "after the
/// summit in Paris"): the place carries part of the match.
const ANNOUNCED_AT_PLACE: f32 = 0.2;

/// An undated moment reports a dated happening only if its article appeared
/// within this many days after it (and not before it).
const REPORTED_WITHIN_DAYS: i64 = 14;

/// What places a group in time.
#[derive(Debug, Clone, PartialEq)]
enum When {
    Unknown,
    /// A date, and whether it is only known as a night.
    Dated(String, bool),
    /// (article id, expression) of an article whose date is unknown.
    Relative(String, String),
}

impl When {
    fn of(moment: &Moment) -> When {
        match (&moment.date, &moment.unresolved) {
            (Some(d), _) => When::Dated(d.date.clone(), d.night),
            (None, Some(u)) if !moment.future => {
                When::Relative(moment.article.id.clone(), format!("{:?}", u.relation))
            }
            _ => When::Unknown,
        }
    }

    /// The two combined, when they can be one happening's.
    fn join(&self, other: &When) -> Option<When> {
        match (self, other) {
            (When::Unknown, x) | (x, When::Unknown) => Some(x.clone()),
            (When::Dated(a, na), When::Dated(b, nb)) => {
                if dates_compatible(a, b) {
                    let (date, night) = if b.len() > a.len() { (b, *nb) } else { (a, *na) };
                    Some(When::Dated(date.clone(), night && *na && *nb))
                } else if *na && night_before(a, b) {
                    Some(When::Dated(b.clone(), *nb))
                } else if *nb && night_before(b, a) {
                    Some(When::Dated(a.clone(), *na))
                } else {
                    None
                }
            }
            (a @ When::Relative(..), b @ When::Relative(..)) => (a == b).then(|| a.clone()),
            _ => None,
        }
    }
}

/// True when `day` is the day after the night `night` starts on: outlets
/// date "last night" by either ("early on Wednesday" / "Tuesday night").
fn night_before(night: &str, day: &str) -> bool {
    night < day && days_apart(night, day) == Some(1)
}

/// True when two moments' dates can be the same day (a night and the day
/// after it included).
pub fn same_day(a: &MomentDate, b: &MomentDate) -> bool {
    a.date.len() == 10
        && b.date.len() == 10
        && (a.date == b.date
            || (a.night && night_before(&a.date, &b.date))
            || (b.night && night_before(&b.date, &a.date)))
}

/// True when both moments report coded events and no event root is shared
/// (an attack and a meeting the same day are two happenings however many
/// words their sentences share).
fn different_acts(a: &Moment, b: &Moment) -> bool {
    let roots = |m: &Moment| -> std::collections::BTreeSet<String> {
        m.events.iter().map(|(e, _)| e.cameo.root.clone()).collect()
    };
    let (x, y) = (roots(a), roots(b));
    !x.is_empty() && !y.is_empty() && x.is_disjoint(&y)
}

/// True when an event of each moment has the same CAMEO root and the same
/// actor (entity key, else CAMEO country).
fn same_act(a: &Moment, b: &Moment) -> bool {
    let acts = |m: &Moment| -> Vec<(String, String)> {
        m.events
            .iter()
            .filter_map(|(e, _)| {
                let source = e.source.as_ref()?;
                let who = source.country.clone().or_else(|| source.key.clone())?;
                Some((e.cameo.root.clone(), who))
            })
            .collect()
    };
    let theirs = acts(b);
    acts(a).iter().any(|act| theirs.contains(act))
}

struct Groups {
    parent: Vec<usize>,
    when: Vec<When>,
}

impl Groups {
    fn root(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    /// Joins the groups of `a` and `b` unless their dates disagree.
    fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra == rb {
            return;
        }
        if let Some(when) = self.when[ra].join(&self.when[rb]) {
            let (keep, drop) = (ra.min(rb), ra.max(rb));
            self.parent[drop] = keep;
            self.when[keep] = when;
        }
    }
}

/// Groups `moments` (in canonical order) into happenings: lists of moment
/// indexes, each sorted, the lists ordered by their first moment.
pub fn group_happenings(moments: &[Moment]) -> Vec<Vec<usize>> {
    let n = moments.len();
    let mut groups = Groups {
        parent: (0..n).collect(),
        when: moments.iter().map(When::of).collect(),
    };
    let compared = Compared::new(&moments.iter().map(|m| m.text.as_str()).collect::<Vec<_>>());
    // One article's moments with the same principal, one after the other
    // and close together; a plan is no occasion for what follows it.
    let mut last_of: std::collections::HashMap<(&str, &str), usize> = std::collections::HashMap::new();
    for (i, m) in moments.iter().enumerate() {
        let Some(principal) = m.principal.as_deref().filter(|_| !m.future) else {
            continue;
        };
        if let Some(&j) = last_of.get(&(m.article.id.as_str(), principal)) {
            let other = &moments[j];
            let places_agree =
                m.places.is_empty() || other.places.is_empty() || !m.places.is_disjoint(&other.places);
            let close = m.position.saturating_sub(other.position) <= OCCASION_SENTENCES;
            let same_day_both = matches!((&m.date, &other.date), (Some(x), Some(y)) if same_day(x, y));
            if places_agree && (close || same_day_both) {
                groups.join(j, i);
            }
        }
        last_of.insert((m.article.id.as_str(), principal), i);
    }
    // The same fact.
    let mut first_with: std::collections::BTreeMap<&str, Vec<usize>> = std::collections::BTreeMap::new();
    for (i, m) in moments.iter().enumerate() {
        for fact in &m.facts {
            first_with.entry(fact.as_str()).or_default().push(i);
        }
    }
    for (fact, holders) in &first_with {
        for (x, &i) in holders.iter().enumerate() {
            for &j in &holders[..x] {
                if fact_links(&moments[j], &moments[i], fact, &compared, j, i) {
                    groups.join(j, i);
                }
            }
        }
    }
    // Same day, similar sentences; and plans announced before.
    for i in 0..n {
        for j in 0..i {
            let (a, b) = (&moments[j], &moments[i]);
            if a.article.id == b.article.id {
                continue;
            }
            let same_day = match (&a.date, &b.date) {
                (Some(x), Some(y)) => same_day(x, y),
                _ => false,
            };
            let needed = if same_act(a, b) {
                SAME_DAY_SAME_ACT
            } else {
                SAME_DAY_MATCH
            };
            if (same_day && !different_acts(a, b) && compared.similarity(j, i) >= needed)
                || announces(a, b, compared.similarity(j, i))
                || announces(b, a, compared.similarity(j, i))
            {
                groups.join(j, i);
            }
        }
    }
    let mut by_root: std::collections::BTreeMap<usize, Vec<usize>> = std::collections::BTreeMap::new();
    for i in 0..n {
        let root = groups.root(i);
        by_root.entry(root).or_default().push(i);
    }
    by_root.into_values().collect()
}

/// Whether two moments reporting the same fact are the same happening. A
/// statement (the same words) or a figure group (the same count) ties two
/// sentences firmly; a merged event is looser (one coded act of two similar
/// sentences), so unless both sentences carry dates it also needs the
/// sentences to be similar.
fn fact_links(a: &Moment, b: &Moment, fact: &str, compared: &Compared, i: usize, j: usize) -> bool {
    if a.article.id == b.article.id {
        return true;
    }
    let firm = fact.starts_with('s') || fact.starts_with('f');
    let similar = || compared.similarity(i, j) >= SAME_DAY_MATCH;
    let (dated, undated) = match (&a.date, &b.date) {
        (Some(_), Some(_)) => return true,
        (None, None) => return firm || similar(),
        (Some(_), None) => (a, b),
        (None, Some(_)) => (b, a),
    };
    if undated.unresolved.is_some() || undated.future || !(firm || similar()) {
        return false;
    }
    let Some(published) = undated
        .article
        .published
        .date
        .as_deref()
        .filter(|d| d.len() == 10)
    else {
        // Nothing dates the undated article: only the same words tie it in.
        return fact.starts_with('s') || compared.similarity(i, j) >= NEAR_COPY;
    };
    let Some(date) = dated.date.as_ref().map(|d| d.date.as_str()) else {
        return false;
    };
    match days_apart(published, date) {
        Some(gap) => (published >= date && gap <= REPORTED_WITHIN_DAYS) || gap <= 1,
        None => true,
    }
}

/// True when `plan` (a moment about what is to come) announces `done`: the
/// plan's article appeared up to a week before `done`'s date, and the
/// sentences are similar.
fn announces(plan: &Moment, done: &Moment, similarity: f32) -> bool {
    let places = |m: &Moment| {
        m.places
            .union(&m.venues)
            .cloned()
            .collect::<std::collections::BTreeSet<_>>()
    };
    let same_place = !places(plan).is_disjoint(&places(done));
    let needed = if same_place {
        ANNOUNCED_AT_PLACE
    } else {
        SAME_DAY_MATCH
    };
    if !plan.future || similarity < needed {
        return false;
    }
    let (Some(published), Some(date)) = (
        plan.article.published.date.as_deref().filter(|d| d.len() == 10),
        done.date.as_ref().filter(|d| d.date.len() == 10),
    ) else {
        return false;
    };
    published <= date.date.as_str()
        && days_apart(published, &date.date).is_some_and(|d| d <= ANNOUNCED_WITHIN_DAYS)
}

/// The date of a group: the most precise of its moments' dates, a day
/// before a night (the day after it), else the first.
pub fn group_date<'m>(moments: &'m [Moment], members: &[usize]) -> Option<&'m MomentDate> {
    members
        .iter()
        .filter_map(|&m| moments[m].date.as_ref())
        .fold(None, |best: Option<&MomentDate>, d| match best {
            Some(b) if (b.precision, !b.night, &d.date) >= (d.precision, !d.night, &b.date) => Some(b),
            _ => Some(d),
        })
}
