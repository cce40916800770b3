//! Work split over the cores: the builder's and the pre-renderer's one way of using both.

/// Splits `items` into one run per core, each a multiple of `align` items long (but the last),
/// runs `work` on each run on its own thread with the index of the run's first item, and returns
/// the results in order. A worker panics only on a bug: the panic is re-raised rather than losing
/// work.
pub fn on_every_core<T: Sync, R: Send>(
    items: &[T],
    align: usize,
    work: impl Fn(usize, &[T]) -> R + Sync,
) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let align = align.max(1);
    let per_thread = items.len().div_ceil(threads).div_ceil(align).max(1) * align;
    let work = &work;
    std::thread::scope(|scope| {
        let workers: Vec<_> = items
            .chunks(per_thread)
            .enumerate()
            .map(|(n, part)| scope.spawn(move || work(n * per_thread, part)))
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_is_worked_on_once_in_order_on_aligned_runs() {
        let items: Vec<usize> = (0..1001).collect();
        let runs = on_every_core(&items, 128, |start, part| (start, part.to_vec()));
        let all: Vec<usize> = runs.iter().flat_map(|(_, part)| part.clone()).collect();
        assert_eq!(all, items);
        for (start, part) in &runs[..runs.len() - 1] {
            assert_eq!(start % 128, 0);
            assert_eq!(part.len() % 128, 0);
        }
        assert!(on_every_core(&[] as &[u8], 1, |_, p| p.len()).is_empty());
    }
}
