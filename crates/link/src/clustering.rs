//! Stories from pairwise links, without chaining.
//!
//! Plain single-link clustering (connected components of every link) chains:
//! on a dense corpus one article that shares text or names with two
//! unrelated stories joins them, and a run of such bridges made one story of
//! thousands of articles spanning years (`docs/scale.md`). A story is a set
//! of articles about one happening, so two bounds hold here:
//!
//! - a **copy** links two articles into one story only along the copy
//!   tree (each copy to the fullest text it copies, see `LinkIndex`) and
//!   only when they were published within [`SAME_STORY_DAYS`] of each other
//!   (or a date is unknown): a text republished years later is still a copy
//!   — the copy groups say so — but not news of the same happening; story
//!   scores already weigh distance in time, copies did not;
//! - a story's **dated members span at most [`MAX_STORY_DAYS`]**: a connected
//!   component spanning more is rebuilt by adding its links strongest first
//!   (copies, then scores in decreasing order) and skipping every link that
//!   would make a story span more than the bound — Kruskal's algorithm with a
//!   constraint, so the weakest links, where chains hold together, are the
//!   ones left out.
//!
//! Both are functions of the set of links and dates: the components, the
//! order of links (strength, then the two ids) and the bound do not depend
//! on the order articles arrived in, so clustering stays order-independent.
//! Components within the bound — nearly all — are exactly the single-link
//! components, so the choice of threshold on BASIL is unaffected.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::components::canonical_groups;

pub use crate::similarity::SAME_STORY_DAYS;

/// Longest span, in days, between the earliest and the latest dated member
/// of one story. Coverage of one happening — the talks, the strike, the
/// summit and the reactions to it — runs over days to a few weeks; the
/// story score itself has fallen to a quarter by then (date factor at 45
/// days: 1 / (1 + 42/14)). Set by that reasoning, not fitted.
pub const MAX_STORY_DAYS: i64 = 45;

/// What links two articles, strongest first in [`Link::strength`] order.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Link {
    /// One is a copy of the other (copy-tree link within the date window).
    Copy,
    /// Story score at or above the threshold.
    Score(f64),
}

impl Link {
    /// Sort key: copies before scores, higher scores before lower ones.
    fn strength(&self) -> (u8, f64) {
        match *self {
            Link::Copy => (1, f64::INFINITY),
            Link::Score(s) => (0, s),
        }
    }
}

/// A link between two nodes (indices into the node list).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Edge {
    pub a: usize,
    pub b: usize,
    pub link: Link,
}

/// Stories of `ids` (with their publication days) from `edges`: connected
/// components, except that no story's dated members span more than
/// [`MAX_STORY_DAYS`] (see the module documentation). Members sorted by id,
/// stories by their first member; every node is in exactly one story.
pub fn story_clusters(ids: &[String], days: &[Option<NaiveDate>], edges: &[Edge]) -> Vec<Vec<String>> {
    let n = ids.len();
    let valid = |e: &&Edge| e.a < n && e.b < n && e.a != e.b;
    let mut sets = DisjointSets::new(days);
    for edge in edges.iter().filter(valid) {
        sets.union(edge.a, edge.b);
    }
    let mut components: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for node in 0..n {
        components.entry(sets.find(node)).or_default().push(node);
    }
    let mut wide: Vec<usize> = Vec::new();
    for (&root, members) in &components {
        if sets.span(root) > MAX_STORY_DAYS {
            wide.extend(members.iter().copied());
        }
    }
    if !wide.is_empty() {
        // Rebuild the too-wide components under the bound: reset their
        // nodes and add their links strongest first.
        let mut in_wide = vec![false; n];
        for &node in &wide {
            in_wide[node] = true;
            sets.reset(node, days[node]);
        }
        let mut links: Vec<&Edge> = edges.iter().filter(valid).filter(|e| in_wide[e.a]).collect();
        links.sort_by(|x, y| {
            let (sx, sy) = (x.link.strength(), y.link.strength());
            sy.0.cmp(&sx.0)
                .then_with(|| sy.1.total_cmp(&sx.1))
                .then_with(|| pair_key(ids, x).cmp(&pair_key(ids, y)))
        });
        for edge in links {
            sets.union_within(edge.a, edge.b, MAX_STORY_DAYS);
        }
    }
    canonical_groups(ids, |node| sets.find(node))
}

/// The two ids of an edge, smaller first: the tie-break between links of
/// equal strength, independent of slot numbers.
fn pair_key<'a>(ids: &'a [String], edge: &Edge) -> (&'a str, &'a str) {
    let (x, y) = (ids[edge.a].as_str(), ids[edge.b].as_str());
    if x <= y {
        (x, y)
    } else {
        (y, x)
    }
}

/// Union-find that keeps, per set, the earliest and latest known day.
struct DisjointSets {
    parent: Vec<usize>,
    range: Vec<Option<(NaiveDate, NaiveDate)>>,
}

impl DisjointSets {
    fn new(days: &[Option<NaiveDate>]) -> Self {
        DisjointSets {
            parent: (0..days.len()).collect(),
            range: days.iter().map(|d| d.map(|d| (d, d))).collect(),
        }
    }

    fn reset(&mut self, node: usize, day: Option<NaiveDate>) {
        self.parent[node] = node;
        self.range[node] = day.map(|d| (d, d));
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Days between the earliest and latest dated member of `root`'s set.
    fn span(&self, root: usize) -> i64 {
        self.range[root].map_or(0, |(first, last)| (last - first).num_days())
    }

    fn merged(&self, a: usize, b: usize) -> Option<(NaiveDate, NaiveDate)> {
        match (self.range[a], self.range[b]) {
            (Some((f1, l1)), Some((f2, l2))) => Some((f1.min(f2), l1.max(l2))),
            (one, None) | (None, one) => one,
        }
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.join(ra, rb);
        }
    }

    /// Joins the sets of `a` and `b` unless the result would span more than
    /// `max_days`.
    fn union_within(&mut self, a: usize, b: usize, max_days: i64) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return;
        }
        let fits = self
            .merged(ra, rb)
            .is_none_or(|(first, last)| (last - first).num_days() <= max_days);
        if fits {
            self.join(ra, rb);
        }
    }

    fn join(&mut self, ra: usize, rb: usize) {
        let range = self.merged(ra, rb);
        let (low, high) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[high] = low;
        self.range[low] = range;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("a{i:02}")).collect()
    }

    fn day(offset: i64) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2020, 1, 1).map(|d| d + chrono::Duration::days(offset))
    }

    fn score(a: usize, b: usize, s: f64) -> Edge {
        Edge {
            a,
            b,
            link: Link::Score(s),
        }
    }

    #[test]
    fn components_within_the_bound_are_single_link() {
        let nodes = ids(5);
        let days = vec![day(0), day(1), day(2), None, day(30)];
        let edges = [score(0, 1, 0.3), score(1, 2, 0.9), score(2, 3, 0.4)];
        let stories = story_clusters(&nodes, &days, &edges);
        assert_eq!(stories, vec![vec!["a00", "a01", "a02", "a03"], vec!["a04"]]);
    }

    #[test]
    fn a_chain_over_months_is_cut_at_its_weakest_links() {
        // Five weekly clusters of two, chained by weak links: 0-1 | 2-3 ... each
        // 20 days apart; the whole chain spans 90 days.
        let nodes = ids(10);
        let days: Vec<_> = (0..10)
            .map(|i| day((i / 2) as i64 * 20 + (i % 2) as i64))
            .collect();
        let mut edges: Vec<Edge> = (0..5).map(|k| score(2 * k, 2 * k + 1, 0.9)).collect();
        edges.extend((0..4).map(|k| score(2 * k + 1, 2 * k + 2, 0.3)));
        let stories = story_clusters(&nodes, &days, &edges);
        assert!(stories.iter().all(|s| s.len() >= 2), "{stories:?}");
        for story in &stories {
            let span: Vec<i64> = story
                .iter()
                .map(|id| id[1..].parse::<usize>().unwrap())
                .map(|i| (days[i].unwrap() - days[0].unwrap()).num_days())
                .collect();
            assert!(span.iter().max().unwrap() - span.iter().min().unwrap() <= MAX_STORY_DAYS);
        }
        assert!(
            stories.len() < 5,
            "pairs within the bound still join: {stories:?}"
        );
    }

    #[test]
    fn the_result_does_not_depend_on_edge_order() {
        let nodes = ids(8);
        let days: Vec<_> = (0..8).map(|i| day(i as i64 * 15)).collect();
        let edges: Vec<Edge> = (0..7)
            .map(|k| score(k, k + 1, 0.3 + 0.01 * ((k * 5) % 7) as f64))
            .collect();
        let forward = story_clusters(&nodes, &days, &edges);
        let mut reversed = edges.clone();
        reversed.reverse();
        assert_eq!(forward, story_clusters(&nodes, &days, &reversed));
        assert!(forward.len() > 1);
    }

    #[test]
    fn copies_are_joined_before_scores() {
        let nodes = ids(3);
        let days = vec![day(0), day(40), day(80)];
        let edges = [
            score(0, 1, 5.0),
            Edge {
                a: 1,
                b: 2,
                link: Link::Copy,
            },
        ];
        assert_eq!(
            story_clusters(&nodes, &days, &edges),
            vec![vec!["a00"], vec!["a01", "a02"]]
        );
    }
}
