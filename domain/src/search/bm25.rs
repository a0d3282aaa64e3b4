//! Relevance of a query's words to each 事项: BM25F over three fields — the name, the
//! keywords (with the words people type) and the guide's own text — weighted in that order.
//!
//! Chinese is not cut into words on the document side: a query word counts where it occurs
//! inside a field, so "户口" is found in "上户口" and "出生" in "出生登记". Scores depend only
//! on the document itself and on how many documents hold each word, against a fixed nominal
//! catalogue size and field lengths: adding a 事项 that holds none of the words never reorders
//! the others.

use super::SearchIndex;
use super::matcher::{Fit, SearchDoc, find_chars};

/// How much a word found in each field counts: name, keywords, guide text.
const WEIGHTS: [f64; 3] = [3.0, 2.0, 1.0];
/// The length (in characters) each field is normalized against.
const NOMINAL_LEN: [f64; 3] = [12.0, 30.0, 200.0];
/// Length normalization (BM25's b) and term-frequency saturation (k1).
const B: f64 = 0.75;
const K1: f64 = 1.2;
/// The catalogue size IDF is computed against (what the catalogue may grow to).
const NOMINAL_DOCS: f64 = 1000.0;
/// A synonym of the typed word counts a little less than the word itself.
const SYNONYM_WEIGHT: f64 = 0.8;
/// A two-character part of a longer word found nowhere ("车祸" of "出车祸") counts less still.
const PART_WEIGHT: f64 = 0.6;

/// How one document fits the query's words.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct WordFit {
    /// BM25F in thousandths.
    pub score: u32,
    /// Some word was found in the name or the keywords.
    pub in_title: bool,
    /// The share of the query's weight (IDF × length of each word) found in the name or the
    /// keywords, in thousandths.
    pub covered: u32,
}

/// Half of what the query asks for, weighted by how rare each word is, must be in the name or
/// keywords for a word match to be trusted.
const COVERED_ENOUGH: u32 = 500;

impl WordFit {
    pub(crate) fn fit(self) -> Fit {
        if self.in_title && self.covered >= COVERED_ENOUGH {
            Fit::Strong
        } else {
            Fit::Weak
        }
    }
}

/// The query's words scored against every document.
pub(crate) struct Words {
    /// Each word with its synonyms (the word itself first).
    alternatives: Vec<Vec<(String, f64)>>,
    whole_words: usize,
    fits: Vec<WordFit>,
}

/// A field's weighted, length-normalized term frequency.
fn field_tf(count: usize, len: usize, field: usize) -> f64 {
    if count == 0 {
        return 0.0;
    }
    let norm = 1.0 - B + B * (len as f64 / NOMINAL_LEN[field]);
    WEIGHTS[field] * count as f64 / norm
}

/// Occurrences of `word` in each field of `doc`, weighted and normalized, and whether it is in
/// the name or keywords.
fn doc_tf(doc: &SearchDoc, word: &str) -> (f64, bool) {
    if !doc.may_hold(word) {
        return (0.0, false);
    }
    let name = doc.name().matches(word).count();
    let keywords: usize = doc.keywords().iter().filter(|k| k.contains(word)).count();
    let body: usize = doc.body().iter().map(|b| b.matches(word).count()).sum();
    let tf = field_tf(name, doc.name_len(), 0)
        + field_tf(keywords, doc.keyword_chars(), 1)
        + field_tf(body, doc.body_chars(), 2);
    (tf, name + keywords > 0)
}

/// The word with its synonyms; a word of three characters or more that no document holds is
/// tried by its two-character parts instead (a segmenter's "出车祸" is found as "车祸").
fn alternatives(index: &SearchIndex, word: &str) -> Vec<(String, f64)> {
    let mut alts = vec![(word.to_owned(), 1.0)];
    alts.extend(
        index
            .synonyms()
            .variants(word)
            .into_iter()
            .map(|v| (v, SYNONYM_WEIGHT)),
    );
    let chars: Vec<char> = word.chars().collect();
    let found = |w: &str| {
        index
            .docs()
            .iter()
            .any(|d| d.may_hold(w) && doc_tf(d, w).0 > 0.0)
    };
    if chars.len() >= 3 && !alts.iter().any(|(w, _)| found(w)) {
        alts = chars
            .windows(2)
            .map(|p| p.iter().collect::<String>())
            .filter(|p| found(p))
            .map(|p| (p, PART_WEIGHT))
            .collect();
    }
    alts
}

impl Words {
    pub(crate) fn new(index: &SearchIndex, words: &[String]) -> Self {
        let alternatives: Vec<Vec<(String, f64)>> =
            words.iter().map(|w| alternatives(index, w)).collect();
        let docs = index.docs();
        // tf[word][doc]: the best alternative's weighted frequency, and whether in the title.
        let tf: Vec<Vec<(f64, bool)>> = alternatives
            .iter()
            .map(|alts| {
                docs.iter()
                    .map(|doc| {
                        alts.iter()
                            .map(|(alt, weight)| {
                                let (tf, title) = doc_tf(doc, alt);
                                (tf * weight, title)
                            })
                            .fold((0.0, false), |(a, at), (b, bt)| {
                                (if b > a { b } else { a }, at || bt)
                            })
                    })
                    .collect()
            })
            .collect();
        // What each word weighs in the share found in names and keywords: rare and long words
        // more; single characters ("转", "补") help rank but do not decide how well a result
        // fits.
        let idfs: Vec<f64> = tf
            .iter()
            .map(|per_doc| idf(per_doc.iter().filter(|(t, _)| *t > 0.0).count() as f64))
            .collect();
        let weights: Vec<f64> = idfs
            .iter()
            .zip(words)
            .map(|(idf, word)| {
                let len = word.chars().count();
                if len < 2 { 0.0 } else { idf * len as f64 }
            })
            .collect();
        let total: f64 = weights.iter().sum();
        let fits = (0..docs.len())
            .map(|d| {
                let mut score = 0.0;
                let mut covered = 0.0;
                let mut in_title = false;
                for (w, per_doc) in tf.iter().enumerate() {
                    let (t, title) = per_doc[d];
                    if t > 0.0 {
                        score += idfs[w] * t * (K1 + 1.0) / (t + K1);
                    }
                    if title {
                        in_title = true;
                        covered += weights[w];
                    }
                }
                WordFit {
                    score: (score * 1000.0).round() as u32,
                    in_title,
                    covered: if total > 0.0 {
                        (covered / total * 1000.0).round() as u32
                    } else {
                        0
                    },
                }
            })
            .collect();
        let whole_words = words.iter().filter(|w| w.chars().count() >= 2).count();
        Self {
            alternatives,
            whole_words,
            fits,
        }
    }

    /// How many words of two characters or more the query has (after stop words).
    pub(crate) fn whole_words(&self) -> usize {
        self.whole_words
    }

    pub(crate) fn fit(&self, doc: usize) -> WordFit {
        self.fits.get(doc).copied().unwrap_or_default()
    }

    /// The query word found in the name to mark: a typed word before a synonym or a part,
    /// then the longest, then the first.
    pub(crate) fn highlight(&self, doc: &SearchDoc) -> Option<(usize, usize)> {
        self.alternatives
            .iter()
            .flatten()
            .filter(|(w, _)| doc.name().contains(w.as_str()))
            .fold(None::<&(String, f64)>, |best, alt| match best {
                Some(b) if (b.1, b.0.chars().count()) >= (alt.1, alt.0.chars().count()) => Some(b),
                _ => Some(alt),
            })
            .and_then(|(w, _)| find_chars(doc.name_chars(), w))
    }
}

/// BM25's inverse document frequency, against the nominal catalogue size.
fn idf(df: f64) -> f64 {
    let n = NOMINAL_DOCS.max(df);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}
