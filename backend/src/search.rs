//! Search and browse over the catalogue. The whole catalogue fits in memory (about 150 事项,
//! a few hundred kilobytes with pinyin and guide text), so it is indexed once, on first use,
//! and every query is answered without the database; only searches that find nothing well
//! are written down, counted per query and day, and bounded per address.

use crate::clock::Clock;
use crate::{Result, Store};
use domain::search::{
    AppPage, Fit, MatchKind, SearchDoc, SearchIndex, Synonyms, app_page, normalize_query,
};
use domain::{CivilDate, ServiceSummary, Theme};
use jieba_rs::Jieba;
use pinyin::ToPinyin;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex};
use tokio::sync::OnceCell;

const SYNONYMS_JSON: &str = include_str!("../seed/synonyms.json");

/// Queries longer than this are cut before they are recorded.
const MISS_MAX_CHARS: usize = 40;
/// How many different missed queries one address may add in a China-time day.
pub const MISSES_PER_ADDRESS_PER_DAY: usize = 20;
/// How many different missed queries this process writes down a day, all addresses together.
pub const NEW_MISSES_PER_DAY: usize = 2_000;
/// How many addresses a day the guard remembers; beyond that, new addresses record nothing.
const ADDRESSES_PER_DAY: usize = 20_000;
/// How many themes a weak answer offers.
const CLOSEST_THEMES: usize = 3;

/// A 事项 as browse and search list it.
#[derive(Clone, Debug)]
pub struct Entry {
    pub summary: ServiceSummary,
    pub department_code: String,
    pub themes: Vec<Theme>,
}

/// A 事项 with the text search matches: its keywords and the guide's own text (conditions,
/// material names).
#[derive(Clone, Debug)]
pub struct EntryText {
    pub entry: Entry,
    pub keywords: Vec<String>,
    pub body: Vec<String>,
}

/// One search result: the 事项, how it matched and how well, and which characters of its
/// name to mark.
#[derive(Clone, Debug)]
pub struct Found {
    pub summary: ServiceSummary,
    pub kind: MatchKind,
    pub fit: Fit,
    pub highlight: Option<(usize, usize)>,
}

/// What a search answers, apart from a page of the app the query names.
#[derive(Clone, Debug)]
pub enum Answer {
    /// The first result is what was asked for.
    Confident(Vec<Found>),
    /// Something shares words with the query, but nothing fits well: say so, offer these
    /// themes (those of the results, closest first) and the hotline, then the results.
    Weak {
        closest_themes: Vec<Theme>,
        results: Vec<Found>,
    },
    /// Nothing at all.
    Nothing,
}

impl Answer {
    /// The results, confident or not.
    pub fn results(&self) -> &[Found] {
        match self {
            Self::Confident(results) | Self::Weak { results, .. } => results,
            Self::Nothing => &[],
        }
    }

    pub fn is_confident(&self) -> bool {
        matches!(self, Self::Confident(_))
    }
}

/// A search's whole answer.
#[derive(Clone, Debug)]
pub struct SearchOutcome {
    /// A part of the app the query names (预约, 进度, 长辈版 …), shown before any 事项.
    pub page: Option<AppPage>,
    pub answer: Answer,
}

/// A query that found nothing, with how often and when last.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Miss {
    pub query: String,
    pub count: i64,
    pub last_at: i64,
}

struct Index {
    entries: Vec<Entry>,
    matcher: SearchIndex,
    /// Cuts a query into words; knows the catalogue's keywords and synonyms as words.
    segmenter: Jieba,
}

impl Index {
    /// The query cut by the dictionary alone: without the HMM, unknown runs of characters stay
    /// single rather than being glued into words nothing holds ("结婚前要" → 前, 要).
    fn words(&self, typed: &str) -> Vec<String> {
        self.segmenter
            .cut(&normalize_query(typed), false)
            .into_iter()
            .map(|t| t.word.to_owned())
            .collect()
    }
}

/// What this process has recorded today: per address (hashed) the queries it added, and all
/// queries added, so repeats count once per address and day and the total stays bounded.
#[derive(Default)]
struct MissGuard {
    day: i64,
    by_address: HashMap<u64, HashSet<u64>>,
    queries: HashSet<u64>,
}

fn hash_of(text: &str) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

impl MissGuard {
    /// Whether to count `query` from `address` on `day`.
    fn admit(&mut self, day: i64, address: &str, query: &str) -> bool {
        if self.day != day {
            *self = Self {
                day,
                ..Self::default()
            };
        }
        let (address, query) = (hash_of(address), hash_of(query));
        if !self.by_address.contains_key(&address) && self.by_address.len() >= ADDRESSES_PER_DAY {
            return false;
        }
        if !self.queries.contains(&query) && self.queries.len() >= NEW_MISSES_PER_DAY {
            return false;
        }
        let asked = self.by_address.entry(address).or_default();
        if asked.contains(&query) || asked.len() >= MISSES_PER_ADDRESS_PER_DAY {
            return false;
        }
        asked.insert(query);
        self.queries.insert(query);
        true
    }
}

#[derive(Clone)]
pub struct SearchService {
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    index: Arc<OnceCell<Index>>,
    misses: Arc<Mutex<MissGuard>>,
}

/// Each character's pinyin without tones (other characters as themselves).
fn syllables(text: &str) -> Vec<String> {
    text.chars()
        .map(|c| {
            c.to_pinyin()
                .map_or_else(|| c.to_string(), |p| p.plain().to_owned())
        })
        .collect()
}

/// Personal numbers typed into the search box (a phone, an ID) are never written down.
fn looks_personal(query: &str) -> bool {
    let mut run = 0;
    for c in query.chars() {
        run = if c.is_ascii_digit() { run + 1 } else { 0 };
        if run >= 7 {
            return true;
        }
    }
    false
}

/// The themes of the results, the first result's first, without repeats.
fn closest_themes(entries: &[&Entry]) -> Vec<Theme> {
    let mut themes = Vec::new();
    for theme in entries.iter().flat_map(|e| e.themes.iter()) {
        if !themes.contains(theme) {
            themes.push(*theme);
        }
    }
    themes.truncate(CLOSEST_THEMES);
    themes
}

impl SearchService {
    pub fn new(store: Arc<dyn Store>, clock: Arc<dyn Clock>) -> Self {
        Self {
            store,
            clock,
            index: Arc::new(OnceCell::new()),
            misses: Arc::new(Mutex::new(MissGuard::default())),
        }
    }

    async fn index(&self) -> Result<&Index> {
        self.index
            .get_or_try_init(|| async {
                let entries = self.store.search_entries().await?;
                let groups: Vec<Vec<String>> = serde_json::from_str(SYNONYMS_JSON)
                    .map_err(|e| crate::Error::Seed(format!("synonyms.json: {e}")))?;
                let mut segmenter = Jieba::new();
                for word in entries
                    .iter()
                    .flat_map(|e| e.keywords.iter())
                    .chain(groups.iter().flatten())
                {
                    segmenter.add_word(&normalize_query(word), None, None);
                }
                let docs = entries
                    .iter()
                    .map(|e| {
                        let name = &e.entry.summary.name;
                        let keyword_pinyin: Vec<Vec<String>> =
                            e.keywords.iter().map(|k| syllables(k)).collect();
                        SearchDoc::new(name, &e.keywords, &syllables(name), &keyword_pinyin)
                            .with_body(&e.body)
                    })
                    .collect();
                let groups: Vec<Vec<&str>> = groups
                    .iter()
                    .map(|g| g.iter().map(String::as_str).collect())
                    .collect();
                let groups: Vec<&[&str]> = groups.iter().map(Vec::as_slice).collect();
                Ok(Index {
                    entries: entries.into_iter().map(|e| e.entry).collect(),
                    matcher: SearchIndex::new(docs, Synonyms::new(&groups)),
                    segmenter,
                })
            })
            .await
    }

    /// What a search finds for what was typed: a page of the app the query names, and the
    /// 事项, confidently or not. A query answered neither with a page nor confidently is
    /// recorded (the words only, never who asked), once per address and day, at most
    /// `MISSES_PER_ADDRESS_PER_DAY` different ones per address, so guides can be improved.
    pub async fn search(&self, typed: &str, limit: usize, from: &str) -> Result<SearchOutcome> {
        let index = self.index().await?;
        let results = self.matches(index, typed, limit);
        let page = app_page(typed);
        let answer = match results.first().map(|f| f.fit) {
            None => Answer::Nothing,
            Some(Fit::Strong) => Answer::Confident(results),
            Some(Fit::Weak) => {
                let entries: Vec<&Entry> = results
                    .iter()
                    .filter_map(|f| {
                        index
                            .entries
                            .iter()
                            .find(|e| e.summary.code == f.summary.code)
                    })
                    .collect();
                Answer::Weak {
                    closest_themes: closest_themes(&entries),
                    results,
                }
            }
        };
        if page.is_none() && !answer.is_confident() {
            self.record_miss(typed, from).await?;
        }
        Ok(SearchOutcome { page, answer })
    }

    async fn record_miss(&self, typed: &str, from: &str) -> Result<()> {
        let query: String = normalize_query(typed)
            .chars()
            .take(MISS_MAX_CHARS)
            .collect();
        if query.is_empty() || looks_personal(&query) {
            return Ok(());
        }
        let now = self.clock.now();
        let day = CivilDate::in_china(now).epoch_days();
        let admitted = self
            .misses
            .lock()
            .map(|mut guard| guard.admit(day, from, &query))
            .unwrap_or(false);
        if admitted {
            self.store.record_search_miss(&query, day, now).await?;
        }
        Ok(())
    }

    /// The matches for suggestions while typing, best first; nothing is recorded.
    pub async fn suggest(&self, typed: &str, limit: usize) -> Result<Vec<Found>> {
        let index = self.index().await?;
        Ok(self.matches(index, typed, limit))
    }

    fn matches(&self, index: &Index, typed: &str, limit: usize) -> Vec<Found> {
        let words = index.words(typed);
        index
            .matcher
            .search(typed, &words, limit)
            .into_iter()
            .map(|hit| Found {
                summary: index.entries[hit.doc].summary.clone(),
                kind: hit.kind,
                fit: hit.fit,
                highlight: hit.highlight,
            })
            .collect()
    }

    /// Builds the index now (loading the segmenter's dictionary takes a few hundred
    /// milliseconds), so that the first citizen to search does not wait for it.
    pub async fn warm(&self) -> Result<()> {
        self.index().await.map(|_| ())
    }

    /// How the server cuts a query into words (for tests and figures).
    pub async fn words(&self, typed: &str) -> Result<Vec<String>> {
        Ok(self.index().await?.words(typed))
    }

    pub async fn by_theme(&self, theme: Theme) -> Result<Vec<ServiceSummary>> {
        let index = self.index().await?;
        Ok(index
            .entries
            .iter()
            .filter(|e| e.themes.contains(&theme))
            .map(|e| e.summary.clone())
            .collect())
    }

    pub async fn by_department(&self, code: &str) -> Result<Vec<ServiceSummary>> {
        let index = self.index().await?;
        Ok(index
            .entries
            .iter()
            .filter(|e| e.department_code == code)
            .map(|e| e.summary.clone())
            .collect())
    }

    /// The queries that most often found nothing.
    pub async fn top_misses(&self, limit: u32) -> Result<Vec<Miss>> {
        self.store.search_misses(limit).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinyin_per_character() {
        assert_eq!(syllables("社保卡"), ["she", "bao", "ka"]);
        assert_eq!(syllables("（租房）"), ["（", "zu", "fang", "）"]);
    }

    #[test]
    fn the_miss_guard_counts_words_once_per_address_and_day() {
        let mut guard = MissGuard::default();
        assert!(guard.admit(1, "10.0.0.1", "护照"));
        assert!(
            !guard.admit(1, "10.0.0.1", "护照"),
            "same words, same address, same day"
        );
        assert!(guard.admit(1, "10.0.0.2", "护照"), "another address counts");
        assert!(guard.admit(2, "10.0.0.1", "护照"), "another day counts");
        for i in 1..MISSES_PER_ADDRESS_PER_DAY {
            assert!(guard.admit(2, "10.0.0.1", &format!("词{i}")));
        }
        assert!(!guard.admit(2, "10.0.0.1", "再来一个"), "the address's cap");
        assert!(guard.admit(2, "10.0.0.3", "再来一个"));
    }

    #[test]
    fn personal_numbers_are_not_recorded() {
        assert!(looks_personal("13812345678"));
        assert!(looks_personal("身份证41010519850312003x"));
        assert!(!looks_personal("2024年社保"));
    }
}
