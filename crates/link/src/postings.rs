//! Posting lists keyed by sample key (32 bits of a sampled shingle's hash),
//! stored compactly: most sampled shingles occur in one article only, so a
//! map entry is a key and one `u32` — the slot itself, or (high bit set)
//! the index of a list in a side table for keys in several articles. A map
//! of `Vec`s cost about five times as much per key.

use std::collections::HashMap;

use crate::shingles::PassThrough;

/// High bit of a map value: the rest is an index into `lists`.
const LIST: u32 = 1 << 31;

/// Sample key → slots (ascending) of the articles containing it.
#[derive(Debug, Clone, Default)]
pub struct Postings {
    map: HashMap<u32, u32, std::hash::BuildHasherDefault<PassThrough>>,
    /// Lists of keys in two or more articles.
    lists: Vec<Vec<u32>>,
    /// Indices of emptied lists, for reuse.
    free: Vec<u32>,
}

impl Postings {
    /// Adds `slot` to the list of `key`. Slots are added in ascending order.
    pub fn push(&mut self, key: u32, slot: u32) {
        match self.map.get(&key).copied() {
            None => {
                self.map.insert(key, slot);
            }
            Some(value) if value & LIST != 0 => self.lists[(value & !LIST) as usize].push(slot),
            Some(first) => {
                let list = vec![first, slot];
                let index = match self.free.pop() {
                    Some(index) => {
                        self.lists[index as usize] = list;
                        index
                    }
                    None => {
                        self.lists.push(list);
                        (self.lists.len() - 1) as u32
                    }
                };
                self.map.insert(key, index | LIST);
            }
        }
    }

    /// Removes `slot` from the list of `key` (dropping an emptied entry).
    pub fn remove(&mut self, key: u32, slot: u32) {
        let Some(value) = self.map.get(&key).copied() else {
            return;
        };
        if value & LIST == 0 {
            if value == slot {
                self.map.remove(&key);
            }
            return;
        }
        let index = value & !LIST;
        let list = &mut self.lists[index as usize];
        if let Ok(at) = list.binary_search(&slot) {
            list.remove(at);
        }
        if let [only] = list.as_slice() {
            let only = *only;
            self.lists[index as usize] = Vec::new();
            self.free.push(index);
            self.map.insert(key, only);
        }
    }

    /// The slots of the articles containing `key`.
    pub fn get(&self, key: u32) -> &[u32] {
        match self.map.get(&key) {
            None => &[],
            Some(value) if value & LIST != 0 => &self.lists[(value & !LIST) as usize],
            Some(slot) => std::slice::from_ref(slot),
        }
    }

    /// Approximate heap bytes held (for memory accounting).
    pub fn heap_bytes(&self) -> usize {
        let table = self.map.capacity() * (std::mem::size_of::<(u32, u32)>() + 1);
        let lists: usize = self.lists.iter().map(|l| l.capacity() * 4 + 24).sum();
        table + lists + self.free.capacity() * 4
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn push_get_remove() {
        let mut postings = Postings::default();
        postings.push(8, 1);
        assert_eq!(postings.get(8), &[1]);
        postings.push(8, 4);
        postings.push(8, 9);
        assert_eq!(postings.get(8), &[1, 4, 9]);
        postings.remove(8, 4);
        assert_eq!(postings.get(8), &[1, 9]);
        postings.remove(8, 1);
        assert_eq!(postings.get(8), &[9]);
        postings.remove(8, 9);
        assert!(postings.get(8).is_empty());
        assert!(postings.get(16).is_empty());
        postings.remove(16, 3);
        // An emptied list is reused.
        postings.push(5, 2);
        postings.push(5, 3);
        assert_eq!(postings.lists.len(), 1);
        assert_eq!(postings.get(5), &[2, 3]);
    }
}
