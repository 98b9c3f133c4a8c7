//! Inverted lists: for every key (a term id, a word id, both dense from 0), the items
//! holding it, as slices of one array found by offset. The candidate search and the
//! quotations' word index both look up thousands of keys per comparison; vectors in a
//! hash map cost a hash per look-up and an allocation per key.

/// For each key below the count given to [`Postings::of`], its items in the order the
/// pairs came.
pub(crate) struct Postings<T> {
    /// Per key, where its items start in `items` (one more at the end).
    starts: Vec<usize>,
    items: Vec<T>,
}

impl<T: Copy + Default> Postings<T> {
    /// The postings of the (key, item) pairs `pairs()` yields, every key below `keys`.
    /// `pairs` is called twice (once to count, once to fill) and must yield the same
    /// pairs both times.
    pub(crate) fn of<I: Iterator<Item = (usize, T)>>(keys: usize, pairs: impl Fn() -> I) -> Self {
        let mut starts = vec![0usize; keys + 1];
        for (key, _) in pairs() {
            starts[key + 1] += 1;
        }
        for k in 1..starts.len() {
            starts[k] += starts[k - 1];
        }
        let mut next = starts.clone();
        let mut items = vec![T::default(); starts[keys]];
        for (key, item) in pairs() {
            items[next[key]] = item;
            next[key] += 1;
        }
        Postings { starts, items }
    }

    /// The items holding `key` (none for a key out of range).
    pub(crate) fn holding(&self, key: usize) -> &[T] {
        match (self.starts.get(key), self.starts.get(key + 1)) {
            (Some(&start), Some(&end)) => &self.items[start..end],
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_key_holds_its_items_in_order() {
        let pairs = [(2, 'a'), (0, 'b'), (2, 'c'), (3, 'd')];
        let postings = Postings::of(4, || pairs.iter().copied());
        assert_eq!(postings.holding(0), ['b']);
        assert_eq!(postings.holding(1), [] as [char; 0]);
        assert_eq!(postings.holding(2), ['a', 'c']);
        assert_eq!(postings.holding(3), ['d']);
        assert_eq!(postings.holding(4), [] as [char; 0], "out of range");
        assert!(
            Postings::<u32>::of(0, std::iter::empty)
                .holding(0)
                .is_empty()
        );
    }
}
