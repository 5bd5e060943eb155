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

/// Least similarity for an undated sentence of an undated article to join
/// another article's happening without a shared quote.
const NEAR_COPY: f32 = 0.6;

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
    Dated(String),
    /// (article id, expression) of an article whose date is unknown.
    Relative(String, String),
}

impl When {
    fn of(moment: &Moment) -> When {
        match (&moment.date, &moment.unresolved) {
            (Some(d), _) => When::Dated(d.date.clone()),
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
            (When::Dated(a), When::Dated(b)) => dates_compatible(a, b).then(|| {
                let precision = |d: &str| d.len();
                When::Dated(if precision(b) > precision(a) {
                    b.clone()
                } else {
                    a.clone()
                })
            }),
            (a @ When::Relative(..), b @ When::Relative(..)) => (a == b).then(|| a.clone()),
            _ => None,
        }
    }
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
    // One article's moments with the same principal, one after the other.
    let mut last_of: std::collections::HashMap<(&str, &str), usize> = std::collections::HashMap::new();
    for (i, m) in moments.iter().enumerate() {
        let Some(principal) = m.principal.as_deref() else {
            continue;
        };
        if let Some(&j) = last_of.get(&(m.article.id.as_str(), principal)) {
            let other = &moments[j];
            if m.places.is_empty() || other.places.is_empty() || !m.places.is_disjoint(&other.places) {
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
                if fact_links(&moments[j], &moments[i], fact.starts_with('s'), &compared, j, i) {
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
                (Some(x), Some(y)) => x.date.len() == 10 && x.date == y.date,
                _ => false,
            };
            if (same_day && compared.similarity(j, i) >= SAME_DAY_MATCH)
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

/// Whether two moments reporting the same fact are the same happening.
fn fact_links(a: &Moment, b: &Moment, statement: bool, compared: &Compared, i: usize, j: usize) -> bool {
    if a.article.id == b.article.id {
        return true;
    }
    let (dated, undated) = match (&a.date, &b.date) {
        (Some(_), Some(_)) | (None, None) => return true,
        (Some(_), None) => (a, b),
        (None, Some(_)) => (b, a),
    };
    if undated.unresolved.is_some() || undated.future {
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
        return statement || compared.similarity(i, j) >= NEAR_COPY;
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

/// The date of a group: the most precise of its moments' dates (the first
/// on a tie).
pub fn group_date<'m>(moments: &'m [Moment], members: &[usize]) -> Option<&'m MomentDate> {
    members
        .iter()
        .filter_map(|&m| moments[m].date.as_ref())
        .fold(None, |best: Option<&MomentDate>, d| match best {
            Some(b) if b.precision >= d.precision => Some(b),
            _ => Some(d),
        })
}
