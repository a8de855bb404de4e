//! Sorting through one compiled routine. `slice::sort_by` is generic over the element and the
//! comparator, so each use compiles its own copy of the standard library's sort (≈ 3.5 KB of
//! wasm each; 26 copies were ≈ 90 KB of the download before compression). Here the standard
//! sort runs in one place, over positions, with the comparison behind a `dyn` call; each use
//! adds only the small step that moves its items into that order. Stable, like `sort_by`.
//! For lists a person looks at; the rules engine's own indexes keep the standard sort.

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp`.
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let order = {
        let items: &[T] = v;
        positions(items.len(), &|a, b| match (items.get(a), items.get(b)) {
            (Some(x), Some(y)) => cmp(x, y),
            _ => Ordering::Equal,
        })
    };
    reorder(v, order);
}

/// Sorts `v` stably by the key.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` stably (ascending).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The positions `0..n` in the order `cmp` gives them (the one compiled sort).
fn positions(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|a, b| cmp(*a, *b));
    order
}

/// Moves the items so that position `i` holds what was at `order[i]` (following each position
/// back to where its item now is, so every item moves once by swaps).
fn reorder<T>(v: &mut [T], order: Vec<usize>) {
    for i in 0..v.len() {
        let mut j = order.get(i).copied().unwrap_or(i);
        while j < i {
            j = order.get(j).copied().unwrap_or(i);
        }
        if j < v.len() {
            v.swap(i, j);
        }
    }
}

// proptest is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use proptest::prelude::*;

    proptest! {
        /// The same order as the standard library's stable sort, ties in their input order.
        #[test]
        fn orders_as_the_standard_stable_sort(items in proptest::collection::vec((0u8..6, any::<u16>()), 0..80)) {
            let mut ours = items.clone();
            super::sort_by_key(&mut ours, |p| p.0);
            let mut std = items.clone();
            std.sort_by_key(|p| p.0);
            prop_assert_eq!(&ours, &std);
            let mut all = items.clone();
            super::sort(&mut all);
            let mut want = items;
            want.sort();
            prop_assert_eq!(all, want);
        }
    }
}
