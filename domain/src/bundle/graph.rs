//! The order between a bundle's items: a graph of "after" edges, refused at load when it names
//! an unknown item or closes a cycle, so that every item can start one day.

use super::BundleItem;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GraphProblem {
    /// `item` waits for `after`, which is not in the bundle.
    Unknown { item: String, after: String },
    /// The same 事项 twice.
    Repeated(String),
    /// Items that wait for each other, in order round the cycle.
    Cycle(Vec<String>),
}

/// Each item's prerequisites by position, or the first problem.
pub fn prerequisites(items: &[BundleItem]) -> Result<Vec<Vec<usize>>, GraphProblem> {
    let mut pre = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        if items[..i].iter().any(|o| o.item == item.item) {
            return Err(GraphProblem::Repeated(item.item.clone()));
        }
        let mut mine = Vec::new();
        for after in &item.after {
            let p = items.iter().position(|o| &o.item == after).ok_or_else(|| {
                GraphProblem::Unknown {
                    item: item.item.clone(),
                    after: after.clone(),
                }
            })?;
            if !mine.contains(&p) {
                mine.push(p);
            }
        }
        pre.push(mine);
    }
    if let Err(cycle) = topological(&pre) {
        return Err(GraphProblem::Cycle(
            cycle.into_iter().map(|i| items[i].item.clone()).collect(),
        ));
    }
    Ok(pre)
}

/// An order in which every item comes after its prerequisites (Kahn's, lowest position
/// first among the ready), or the positions of one cycle.
pub fn topological(pre: &[Vec<usize>]) -> Result<Vec<usize>, Vec<usize>> {
    let n = pre.len();
    let mut placed = vec![false; n];
    let mut order = Vec::with_capacity(n);
    while order.len() < n {
        let ready = (0..n).find(|&i| !placed[i] && pre[i].iter().all(|&p| placed[p]));
        match ready {
            Some(i) => {
                placed[i] = true;
                order.push(i);
            }
            None => {
                // Every unplaced item waits for another unplaced one: walk back to a repeat.
                let mut at = (0..n).find(|&i| !placed[i]).unwrap_or_default();
                let mut path = Vec::new();
                while !path.contains(&at) {
                    path.push(at);
                    at = pre[at].iter().copied().find(|&p| !placed[p]).unwrap_or(at);
                }
                let from = path.iter().position(|&p| p == at).unwrap_or_default();
                let mut cycle = path.split_off(from);
                // Prerequisite first, starting from the lowest position.
                cycle.reverse();
                let low = (0..cycle.len())
                    .min_by_key(|&k| cycle[k])
                    .unwrap_or_default();
                cycle.rotate_left(low);
                return Err(cycle);
            }
        }
    }
    Ok(order)
}

/// Which unfinished items may start: all their prerequisites are finished.
pub fn runnable(pre: &[Vec<usize>], finished: &[bool]) -> Vec<bool> {
    (0..pre.len())
        .map(|i| !finished[i] && pre[i].iter().all(|&p| finished[p]))
        .collect()
}

/// Whether each item comes (directly or not) before `of`.
pub fn ancestors(pre: &[Vec<usize>], of: usize) -> Vec<bool> {
    let mut seen = vec![false; pre.len()];
    let mut todo: Vec<usize> = pre[of].clone();
    while let Some(p) = todo.pop() {
        if !seen[p] {
            seen[p] = true;
            todo.extend(pre[p].iter().copied());
        }
    }
    seen
}

/// Each item's row in the flow chart: 0 for items that wait for none, else one below its
/// lowest prerequisite. Needs an order without cycles.
pub fn layers(pre: &[Vec<usize>], order: &[usize]) -> Vec<u32> {
    let mut layer = vec![0_u32; pre.len()];
    for &i in order {
        layer[i] = pre[i].iter().map(|&p| layer[p] + 1).max().unwrap_or(0);
    }
    layer
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn items(edges: &[(&str, &[&str])]) -> Vec<BundleItem> {
        edges
            .iter()
            .map(|(item, after)| BundleItem {
                item: (*item).to_owned(),
                after: after.iter().map(|a| (*a).to_owned()).collect(),
                outputs: Vec::new(),
            })
            .collect()
    }

    #[test]
    fn the_birth_shape_orders_and_runs() {
        let pre = prerequisites(&items(&[
            ("cert", &[]),
            ("vaccine", &[]),
            ("hukou", &["cert"]),
            ("medical", &["hukou"]),
            ("card", &["medical"]),
        ]))
        .unwrap();
        assert_eq!(topological(&pre), Ok(vec![0, 1, 2, 3, 4]));
        let none = [false; 5];
        assert_eq!(runnable(&pre, &none), [true, true, false, false, false]);
        assert_eq!(ancestors(&pre, 4), [true, false, true, true, false]);
        assert_eq!(layers(&pre, &[0, 1, 2, 3, 4]), [0, 0, 1, 2, 3]);
    }

    #[test]
    fn unknown_repeated_and_cyclic_graphs_are_refused_by_name() {
        assert_eq!(
            prerequisites(&items(&[("a", &["x"])])),
            Err(GraphProblem::Unknown {
                item: "a".into(),
                after: "x".into()
            })
        );
        assert_eq!(
            prerequisites(&items(&[("a", &[]), ("a", &[])])),
            Err(GraphProblem::Repeated("a".into()))
        );
        assert_eq!(
            prerequisites(&items(&[
                ("a", &["c"]),
                ("b", &["a"]),
                ("c", &["b"]),
                ("d", &[])
            ])),
            Err(GraphProblem::Cycle(vec![
                "a".into(),
                "b".into(),
                "c".into()
            ]))
        );
        assert_eq!(
            prerequisites(&items(&[("a", &["a"])])),
            Err(GraphProblem::Cycle(vec!["a".into()]))
        );
    }

    /// A cycle by brute force: some item reaches itself along prerequisites.
    fn has_cycle(pre: &[Vec<usize>]) -> bool {
        (0..pre.len()).any(|i| ancestors(pre, i)[i])
    }

    fn graph() -> impl Strategy<Value = Vec<Vec<usize>>> {
        (1..9_usize).prop_flat_map(|n| {
            prop::collection::vec(prop::collection::vec(0..n, 0..4), n).prop_map(|mut pre| {
                for p in &mut pre {
                    p.sort_unstable();
                    p.dedup();
                }
                pre
            })
        })
    }

    proptest! {
        /// Any graph: an order exists exactly when there is no cycle; the order keeps every
        /// edge; a reported cycle is a real one.
        #[test]
        fn order_exists_exactly_without_a_cycle(pre in graph()) {
            match topological(&pre) {
                Ok(order) => {
                    prop_assert!(!has_cycle(&pre));
                    prop_assert_eq!(order.len(), pre.len());
                    let at = |i: usize| order.iter().position(|&o| o == i).unwrap();
                    for (i, ps) in pre.iter().enumerate() {
                        for &p in ps {
                            prop_assert!(at(p) < at(i));
                        }
                    }
                }
                Err(cycle) => {
                    prop_assert!(has_cycle(&pre));
                    prop_assert!(!cycle.is_empty());
                    for (k, &c) in cycle.iter().enumerate() {
                        let next = cycle[(k + 1) % cycle.len()];
                        prop_assert!(pre[next].contains(&c), "{:?} not a cycle", cycle);
                    }
                }
            }
        }

        /// Finishing any runnable item, in any order: none starts before its prerequisites
        /// and every item starts in the end.
        #[test]
        fn every_item_becomes_runnable_and_none_early(
            graph in graph(),
            picks in prop::collection::vec(any::<prop::sample::Index>(), 9),
        ) {
            // Without a cycle: each item waits only for items before it.
            let pre: Vec<Vec<usize>> = graph
                .iter()
                .enumerate()
                .map(|(i, ps)| ps.iter().copied().filter(|&p| p < i).collect())
                .collect();
            let mut finished = vec![false; pre.len()];
            for pick in picks.iter().cycle().take(pre.len()) {
                let ready: Vec<usize> = runnable(&pre, &finished)
                    .iter()
                    .enumerate()
                    .filter_map(|(i, r)| r.then_some(i))
                    .collect();
                prop_assert!(!ready.is_empty(), "stuck with {:?}", finished);
                let i = ready[pick.index(ready.len())];
                prop_assert!(pre[i].iter().all(|&p| finished[p]));
                finished[i] = true;
            }
            prop_assert!(finished.iter().all(|f| *f));
        }
    }
}
