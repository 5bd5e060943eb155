//! Connected components of a graph over article ids, in a canonical form.
//!
//! This is what makes linking order-independent: copy groups and stories are
//! the connected components of a set of pairwise decisions, each decision a
//! symmetric function of the two articles (and of index-wide statistics that
//! depend only on the *set* of articles). Components do not depend on the
//! order edges are visited, and the output is sorted (members by id, groups
//! by their smallest id), so the same set always gives the same value.

use std::collections::BTreeMap;

/// Connected components of the graph whose nodes are `nodes` and whose edges
/// are `edges` (pairs of indices into `nodes`). Every node appears in exactly
/// one component (an isolated node is a component of one). Members are
/// sorted by id, components by their first member.
pub fn components(nodes: &[String], edges: impl IntoIterator<Item = (usize, usize)>) -> Vec<Vec<String>> {
    let mut parent: Vec<usize> = (0..nodes.len()).collect();
    for (a, b) in edges {
        if a >= nodes.len() || b >= nodes.len() {
            continue;
        }
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        if ra != rb {
            // Union by smaller index: any rule works for the result (the
            // partition is the same); this one keeps it simple.
            let (low, high) = if ra < rb { (ra, rb) } else { (rb, ra) };
            parent[high] = low;
        }
    }
    canonical_groups(nodes, |i| find(&mut parent, i))
}

/// The groups of `nodes` by the root `root_of` gives each node's index, in
/// canonical form: members sorted (and unique), groups by their first member.
pub fn canonical_groups(nodes: &[String], mut root_of: impl FnMut(usize) -> usize) -> Vec<Vec<String>> {
    let mut groups: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for (i, node) in nodes.iter().enumerate() {
        groups.entry(root_of(i)).or_default().push(node.clone());
    }
    let mut out: Vec<Vec<String>> = groups
        .into_values()
        .map(|mut members| {
            members.sort();
            members.dedup();
            members
        })
        .collect();
    out.sort();
    out
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn groups_connected_nodes_and_keeps_isolated_ones() {
        let nodes = ids(&["d", "a", "c", "b", "e"]);
        let groups = components(&nodes, [(0, 2), (1, 3)]);
        assert_eq!(groups, vec![ids(&["a", "b"]), ids(&["c", "d"]), ids(&["e"])]);
    }

    #[test]
    fn edge_order_does_not_matter() {
        let nodes = ids(&["a", "b", "c", "d"]);
        let forward = components(&nodes, [(0, 1), (2, 3), (1, 2)]);
        let backward = components(&nodes, [(1, 2), (3, 2), (1, 0)]);
        assert_eq!(forward, backward);
        assert_eq!(forward.len(), 1);
    }

    #[test]
    fn ignores_out_of_range_edges() {
        let nodes = ids(&["a"]);
        assert_eq!(components(&nodes, [(0, 7)]), vec![ids(&["a"])]);
    }
}
