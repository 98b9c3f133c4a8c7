//! How the engine spreads work over the machine's cores: the core count (asked of the
//! system once), two jobs side by side, and an order-keeping map over contiguous chunks.
//! Small jobs stay on the calling thread, where starting a thread would cost more than
//! the job itself.

use std::ops::Range;
use std::sync::OnceLock;

/// Bytes of text below which splitting a job over threads does not pay.
pub const SMALL_TEXT: usize = 64 * 1024;

/// The number of cores available to this process (at least 1), asked once: on Linux the
/// answer involves reading cgroup files.
pub fn cores() -> usize {
    static CORES: OnceLock<usize> = OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// `(a(), b())`, with `b` on a thread of its own when `parallel` is set and there is more
/// than one core. A panic in either job is passed on.
pub fn join<A: Send, B: Send>(
    parallel: bool,
    a: impl FnOnce() -> A,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    if !parallel || cores() < 2 {
        return (a(), b());
    }
    std::thread::scope(|scope| {
        let b = scope.spawn(b);
        let a = a();
        let b = b.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
        (a, b)
    })
}

/// `items.iter().map(f).collect()`, spread over the cores in contiguous chunks when
/// `parallel` is set and there is more than one item and more than one core; the result
/// keeps the order of `items`, so output stays deterministic.
pub fn map<T: Sync, R: Send>(parallel: bool, items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    match chunk_len(parallel, items.len()) {
        None => items.iter().map(f).collect(),
        Some(chunk) => on_threads(items.chunks(chunk), items.len(), |part, out| {
            out.extend(part.iter().map(&f));
        }),
    }
}

/// [`map`] over items `f` may take parts of (moving them into its result instead of
/// copying them), in contiguous chunks over the cores when `parallel` is set; the order
/// of `items` is kept.
pub fn map_mut<T: Send, R: Send>(
    parallel: bool,
    items: &mut [T],
    f: impl Fn(&mut T) -> R + Sync,
) -> Vec<R> {
    let len = items.len();
    match chunk_len(parallel, len) {
        None => items.iter_mut().map(f).collect(),
        Some(chunk) => on_threads(items.chunks_mut(chunk), len, |part, out| {
            out.extend(part.iter_mut().map(&f));
        }),
    }
}

/// [`map`] over owned items: each item is moved into `f` (no copy of large texts), in
/// contiguous chunks over the cores when `parallel` is set; the order of `items` is kept.
pub fn map_owned<T: Send, R: Send>(
    parallel: bool,
    items: Vec<T>,
    f: impl Fn(T) -> R + Sync,
) -> Vec<R> {
    let Some(chunk) = chunk_len(parallel, items.len()) else {
        return items.into_iter().map(f).collect();
    };
    let len = items.len();
    let mut chunks: Vec<Vec<T>> = Vec::with_capacity(cores());
    for item in items {
        match chunks.last_mut() {
            Some(c) if c.len() < chunk => c.push(item),
            _ => {
                let mut c = Vec::with_capacity(chunk);
                c.push(item);
                chunks.push(c);
            }
        }
    }
    on_threads(chunks.into_iter(), len, |part, out| {
        out.extend(part.into_iter().map(&f));
    })
}

/// `f(0..n)`, or `f` over contiguous sub-ranges of `0..n` (one a core) with the results
/// concatenated in order, when `parallel` is set and there is more than one core. For
/// jobs whose per-range state (scratch buffers) should be set up once a thread.
pub fn map_ranges<R: Send>(
    parallel: bool,
    n: usize,
    f: impl Fn(Range<usize>) -> Vec<R> + Sync,
) -> Vec<R> {
    match chunk_len(parallel, n) {
        None => f(0..n),
        Some(chunk) => {
            let ranges = (0..n).step_by(chunk).map(|lo| lo..(lo + chunk).min(n));
            // The results' count is `f`'s to say: each range's own buffer is kept, the
            // first's grown once for the others.
            on_threads(ranges, 0, |range, out| *out = f(range))
        }
    }
}

/// The length of the chunks that spread `n` items over the cores (one chunk a core), or
/// `None` when the job stays on the calling thread: not `parallel`, one core, or fewer
/// than two items.
fn chunk_len(parallel: bool, n: usize) -> Option<usize> {
    let threads = cores();
    (parallel && threads >= 2 && n >= 2).then(|| n.div_ceil(threads))
}

/// `f` over each of `parts` on a thread of its own, appending to its part's results; the
/// results are concatenated in the parts' order, and a panic in any is passed on. The
/// first part's results go into a buffer with room for `capacity` (the whole result,
/// where the caller knows it), so that the others are appended without a regrowth:
/// copying a long story's links into a buffer grown at the end was a stretch of one
/// core's work, in fresh memory, while the other cores waited. The calling thread only
/// waits: running the first part on it instead was slower (docs/benchmarks.md).
fn on_threads<P: Send, R: Send>(
    parts: impl Iterator<Item = P>,
    capacity: usize,
    f: impl Fn(P, &mut Vec<R>) + Sync,
) -> Vec<R> {
    std::thread::scope(|scope| {
        let handles: Vec<_> = parts
            .enumerate()
            .map(|(k, part)| {
                let f = &f;
                scope.spawn(move || {
                    let mut out = Vec::with_capacity(if k == 0 { capacity } else { 0 });
                    f(part, &mut out);
                    out
                })
            })
            .collect();
        let mut results = handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        let first = results.next().unwrap_or_default();
        concat(first, results.collect())
    })
}

/// `first` with `rest` appended in order, grown at most once (not at all when it has the
/// room).
fn concat<R>(mut first: Vec<R>, rest: Vec<Vec<R>>) -> Vec<R> {
    first.reserve_exact(rest.iter().map(Vec::len).sum::<usize>());
    for part in rest {
        first.extend(part);
    }
    first
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_keeps_order_and_join_returns_both() {
        let items: Vec<u32> = (0..1000).collect();
        let doubled: Vec<u32> = items.iter().map(|x| x * 2).collect();
        assert_eq!(map(true, &items, |x| x * 2), doubled);
        assert_eq!(map(false, &items, |x| x * 2), doubled);
        assert!(map(true, &[] as &[u32], |x| *x).is_empty());
        for parallel in [false, true] {
            let mut owned: Vec<Vec<u32>> = (0..1001).map(|x| vec![x]).collect();
            let taken = map_mut(parallel, &mut owned, std::mem::take);
            assert_eq!(taken, (0..1001).map(|x| vec![x]).collect::<Vec<_>>());
            assert!(owned.iter().all(Vec::is_empty), "each item taken");
            let moved = map_owned(parallel, (0..1001).collect(), |x: u32| x + 1);
            assert_eq!(moved, (1..1002).collect::<Vec<u32>>());
            assert_eq!(
                map_ranges(parallel, 7, |r| r.collect()),
                (0..7).collect::<Vec<_>>()
            );
        }
        // The whole result is made in the first part's buffer, sized once: no room over.
        let spread = map(true, &items, |x| x + 1);
        assert_eq!(spread.capacity(), spread.len());
        let mut owned: Vec<u32> = items.clone();
        let taken = map_mut(true, &mut owned, |x| *x);
        assert_eq!((taken.capacity(), taken), (items.len(), items.clone()));
        assert_eq!(concat(vec![1], vec![vec![], vec![2, 3]]), [1, 2, 3]);
        assert!(concat(Vec::<u8>::new(), Vec::new()).is_empty());
        for parallel in [false, true] {
            assert_eq!(join(parallel, || 1, || "b"), (1, "b"));
        }
        assert!(cores() >= 1);
    }

    #[test]
    #[should_panic(expected = "boom")]
    fn join_passes_on_a_panic() {
        let _ = join(true, || 1, || -> u32 { panic!("boom") });
    }
}
