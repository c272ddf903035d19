//! Maximum-weight one-to-one assignment (Kuhn–Munkres, the Hungarian method), solved
//! separately for each connected component of the candidate graph: most paragraphs have one
//! or two candidates, so components are small and the cubic cost stays negligible.

use std::collections::BTreeMap;

/// Above this many rows or columns in one component, the exact method's cubic cost is not
/// worth paying; the component is assigned greedily, best weight first (documented in
/// docs/alignment.md). Real declarations never come near it.
const MAX_EXACT_COMPONENT: usize = 400;

/// A candidate link: (row, column, weight).
pub(crate) type Edge = (usize, usize, f32);

/// Picks a set of edges `(row, column, weight)` with no row or column used twice and the
/// largest total weight. Returns the chosen edges sorted by row.
pub(crate) fn assign(edges: &[Edge]) -> Vec<Edge> {
    let mut chosen = Vec::new();
    for component in components(edges) {
        let rows: Vec<usize> = dedup_sorted(component.iter().map(|e| e.0));
        let cols: Vec<usize> = dedup_sorted(component.iter().map(|e| e.1));
        if rows.len() == 1 || cols.len() == 1 {
            let best = component
                .iter()
                .copied()
                .max_by(|a, b| a.2.total_cmp(&b.2).then(b.0.cmp(&a.0)).then(b.1.cmp(&a.1)))
                .expect("a component has an edge");
            chosen.push(best);
        } else if rows.len().max(cols.len()) > MAX_EXACT_COMPONENT {
            chosen.extend(greedy(&component));
        } else {
            chosen.extend(hungarian(&component, &rows, &cols));
        }
    }
    chosen.sort_by_key(|e| (e.0, e.1));
    chosen
}

fn dedup_sorted(items: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut v: Vec<usize> = items.collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Splits the edges into connected components (union–find over rows and columns).
fn components(edges: &[Edge]) -> Vec<Vec<Edge>> {
    let mut parent: BTreeMap<(bool, usize), (bool, usize)> = BTreeMap::new();
    fn find(parent: &mut BTreeMap<(bool, usize), (bool, usize)>, x: (bool, usize)) -> (bool, usize) {
        let mut root = x;
        while let Some(&p) = parent.get(&root) {
            if p == root {
                break;
            }
            root = p;
        }
        let mut node = x;
        while node != root {
            let next = parent[&node];
            parent.insert(node, root);
            node = next;
        }
        root
    }
    for &(r, c, _) in edges {
        parent.entry((false, r)).or_insert((false, r));
        parent.entry((true, c)).or_insert((true, c));
        let (a, b) = (find(&mut parent, (false, r)), find(&mut parent, (true, c)));
        if a != b {
            parent.insert(a.max(b), a.min(b));
        }
    }
    let mut groups: BTreeMap<(bool, usize), Vec<Edge>> = BTreeMap::new();
    for &edge in edges {
        let root = find(&mut parent, (false, edge.0));
        groups.entry(root).or_default().push(edge);
    }
    groups.into_values().collect()
}

fn greedy(edges: &[Edge]) -> Vec<Edge> {
    let mut sorted = edges.to_vec();
    sorted.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));
    let mut used_rows = std::collections::BTreeSet::new();
    let mut used_cols = std::collections::BTreeSet::new();
    sorted.into_iter().filter(|e| used_rows.insert(e.0) && used_cols.insert(e.1)).collect()
}

/// Exact maximum-weight assignment on one component. Missing edges weigh 0 and are dropped
/// from the result.
fn hungarian(edges: &[Edge], rows: &[usize], cols: &[usize]) -> Vec<Edge> {
    let n = rows.len().max(cols.len());
    let row_index: BTreeMap<usize, usize> = rows.iter().enumerate().map(|(i, r)| (*r, i)).collect();
    let col_index: BTreeMap<usize, usize> = cols.iter().enumerate().map(|(i, c)| (*c, i)).collect();
    let mut weight = vec![vec![0.0f64; n]; n];
    for &(r, c, w) in edges {
        let cell = &mut weight[row_index[&r]][col_index[&c]];
        *cell = cell.max(f64::from(w));
    }
    // Minimise cost = max − weight with the O(n³) shortest-augmenting-path method.
    let max = weight.iter().flatten().copied().fold(0.0, f64::max);
    let cost = |i: usize, j: usize| max - weight[i][j];
    let (mut u, mut v) = (vec![0.0f64; n + 1], vec![0.0f64; n + 1]);
    let mut matched_row = vec![0usize; n + 1]; // matched_row[col] = row (1-based), 0 = none
    let mut way = vec![0usize; n + 1];
    for i in 1..=n {
        matched_row[0] = i;
        let mut j0 = 0;
        let mut min_to = vec![f64::INFINITY; n + 1];
        let mut used = vec![false; n + 1];
        loop {
            used[j0] = true;
            let i0 = matched_row[j0];
            let (mut delta, mut j1) = (f64::INFINITY, 0);
            for j in 1..=n {
                if !used[j] {
                    let reduced = cost(i0 - 1, j - 1) - u[i0] - v[j];
                    if reduced < min_to[j] {
                        min_to[j] = reduced;
                        way[j] = j0;
                    }
                    if min_to[j] < delta {
                        delta = min_to[j];
                        j1 = j;
                    }
                }
            }
            for j in 0..=n {
                if used[j] {
                    u[matched_row[j]] += delta;
                    v[j] -= delta;
                } else {
                    min_to[j] -= delta;
                }
            }
            j0 = j1;
            if matched_row[j0] == 0 {
                break;
            }
        }
        loop {
            let j1 = way[j0];
            matched_row[j0] = matched_row[j1];
            j0 = j1;
            if j0 == 0 {
                break;
            }
        }
    }
    let mut chosen = Vec::new();
    for j in 1..=n {
        let i = matched_row[j];
        if i == 0 || i > rows.len() || j > cols.len() {
            continue;
        }
        let w = weight[i - 1][j - 1];
        if w > 0.0 {
            chosen.push((rows[i - 1], cols[j - 1], w as f32));
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefers_the_best_total_over_the_best_single_edge() {
        // Greedy would take (0,0,0.9) and leave row 1 with nothing: total 0.9.
        // The optimum is (0,1) + (1,0): 0.8 + 0.8 = 1.6.
        let edges = [(0, 0, 0.9), (0, 1, 0.8), (1, 0, 0.8)];
        assert_eq!(assign(&edges), vec![(0, 1, 0.8), (1, 0, 0.8)]);
    }

    #[test]
    fn separate_components_and_rectangular_ones() {
        let edges = [(0, 5, 0.5), (3, 7, 0.6), (3, 8, 0.7), (4, 8, 0.65)];
        assert_eq!(assign(&edges), vec![(0, 5, 0.5), (3, 7, 0.6), (4, 8, 0.65)]);
    }

    #[test]
    fn greedy_fallback_is_one_to_one() {
        let edges: Vec<_> =
            (0..10).flat_map(|r| (0..10).map(move |c| (r, c, 1.0 - (r as f32 - c as f32).abs() / 10.0))).collect();
        let chosen = greedy(&edges);
        assert_eq!(chosen.len(), 10);
        assert!(chosen.iter().all(|(r, c, _)| r == c));
    }
}
