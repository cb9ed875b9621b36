//! Compiled phrase matchers: a token-level trie over interned words.
//!
//! Each text token is first mapped to its *keys* (its word id, plus the ids of
//! any TABARI stems it begins with); the trie then finds every dictionary
//! phrase that starts at a token in one walk, so word boundaries are right by
//! construction. Building is linear in the total phrase length; a lookup at
//! one position costs one hash probe per token walked.

use rustc_hash::FxHashMap;

use crate::model::{Vocab, Word};

#[derive(Clone, Debug, Default)]
struct Node {
    children: FxHashMap<Word, u32>,
    values: Vec<u32>,
}

/// A trie of word sequences with `u32` values (entry ids).
#[derive(Clone, Debug)]
pub struct Trie {
    nodes: Vec<Node>,
}

impl Default for Trie {
    fn default() -> Self {
        Trie {
            nodes: vec![Node::default()],
        }
    }
}

impl Trie {
    /// Build from `(phrase, value)` pairs. Empty phrases are ignored.
    pub fn build<'a>(phrases: impl IntoIterator<Item = (&'a [Word], u32)>) -> Trie {
        let mut trie = Trie::default();
        for (words, value) in phrases {
            if words.is_empty() {
                continue;
            }
            let mut node = 0usize;
            for &w in words {
                let next = trie.nodes.len() as u32;
                let child = *trie.nodes[node].children.entry(w).or_insert(next);
                if child == next {
                    trie.nodes.push(Node::default());
                }
                node = child as usize;
            }
            if !trie.nodes[node].values.contains(&value) {
                trie.nodes[node].values.push(value);
            }
        }
        trie
    }

    /// Number of nodes (a measure of size).
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.len() <= 1
    }

    /// Every phrase that starts at token `start`: calls `found(end, value)`
    /// with the exclusive end token index, shortest first.
    pub fn matches_at(&self, keys: &TokenKeys, start: usize, mut found: impl FnMut(usize, u32)) {
        self.walk(keys, 0, start, start, &mut found);
    }

    /// Depth-first walk without allocation (depth = phrase length).
    fn walk(&self, keys: &TokenKeys, node: usize, pos: usize, start: usize, found: &mut impl FnMut(usize, u32)) {
        if pos > start {
            for &v in &self.nodes[node].values {
                found(pos, v);
            }
        }
        if pos >= keys.len() || self.nodes[node].children.is_empty() {
            return;
        }
        for &k in keys.keys(pos) {
            if let Some(&child) = self.nodes[node].children.get(&k) {
                self.walk(keys, child as usize, pos + 1, start, found);
            }
        }
    }

    /// The longest phrase starting at `start`: `(end, values)`.
    pub fn longest_at(&self, keys: &TokenKeys, start: usize) -> Option<(usize, Vec<u32>)> {
        let mut best: Option<(usize, Vec<u32>)> = None;
        self.matches_at(keys, start, |end, v| match &mut best {
            Some((e, vals)) if *e == end => {
                if !vals.contains(&v) {
                    vals.push(v)
                }
            }
            Some((e, _)) if *e > end => {}
            _ => best = Some((end, vec![v])),
        });
        best
    }
}

/// The keys of each token of a sentence, stored flat (no allocation per token).
#[derive(Clone, Debug, Default)]
pub struct TokenKeys {
    starts: Vec<u32>,
    keys: Vec<Word>,
}

impl TokenKeys {
    /// Keys for a sequence of normalized words.
    pub fn new<'a>(vocab: &Vocab, words: impl IntoIterator<Item = &'a str>) -> TokenKeys {
        let mut tk = TokenKeys::default();
        let mut buf = Vec::new();
        for w in words {
            tk.starts.push(tk.keys.len() as u32);
            vocab.keys(w, &mut buf);
            tk.keys.extend_from_slice(&buf);
        }
        tk
    }

    pub fn len(&self) -> usize {
        self.starts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// The keys of token `i`.
    pub fn keys(&self, i: usize) -> &[Word] {
        let start = self.starts[i] as usize;
        let end = self.starts.get(i + 1).map_or(self.keys.len(), |&e| e as usize);
        &self.keys[start..end]
    }

    /// Whether token `i` has key `w`.
    pub fn has(&self, i: usize, w: Word) -> bool {
        i < self.len() && self.keys(i).contains(&w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_match_and_stems() {
        let mut vocab = Vocab::default();
        let united = vocab.intern("UNITED");
        let states = vocab.intern("STATES");
        let nations = vocab.intern("NATIONS");
        let ethiop = vocab.intern_stem("ETHIOP");
        let trie = Trie::build([
            (&[united][..], 0),
            (&[united, states][..], 1),
            (&[united, nations][..], 2),
            (&[ethiop][..], 3),
        ]);
        let keys = TokenKeys::new(&vocab, ["THE", "UNITED", "STATES", "AND", "ETHIOPIA"]);
        assert_eq!(trie.longest_at(&keys, 1), Some((3, vec![1])));
        assert_eq!(trie.longest_at(&keys, 0), None);
        assert_eq!(trie.longest_at(&keys, 4), Some((5, vec![3])));
        let mut all = Vec::new();
        trie.matches_at(&keys, 1, |end, v| all.push((end, v)));
        all.sort();
        assert_eq!(all, [(2, 0), (3, 1)]);
    }
}
