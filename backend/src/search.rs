//! Search and browse over the catalogue. The whole catalogue fits in memory (about 70 事项,
//! a few hundred kilobytes with pinyin), so it is indexed once, on first use, and every query
//! is answered without the database; only searches that find nothing are written down.

use crate::clock::Clock;
use crate::{Result, Store};
use domain::search::{MatchKind, SearchDoc, Synonyms, normalize_query, search};
use domain::{ServiceSummary, Theme};
use pinyin::ToPinyin;
use std::sync::Arc;
use tokio::sync::OnceCell;

const SYNONYMS_JSON: &str = include_str!("../seed/synonyms.json");

/// Queries longer than this are cut before they are recorded.
const MISS_MAX_CHARS: usize = 40;

/// A 事项 as browse and search list it.
#[derive(Clone, Debug)]
pub struct Entry {
    pub summary: ServiceSummary,
    pub department_code: String,
    pub themes: Vec<Theme>,
}

/// One search result: the 事项, how it matched, and which characters of its name to mark.
#[derive(Clone, Debug)]
pub struct Found {
    pub summary: ServiceSummary,
    pub kind: MatchKind,
    pub highlight: Option<(usize, usize)>,
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
    docs: Vec<SearchDoc>,
    synonyms: Synonyms,
}

#[derive(Clone)]
pub struct SearchService {
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    index: Arc<OnceCell<Index>>,
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

impl SearchService {
    pub fn new(store: Arc<dyn Store>, clock: Arc<dyn Clock>) -> Self {
        Self {
            store,
            clock,
            index: Arc::new(OnceCell::new()),
        }
    }

    async fn index(&self) -> Result<&Index> {
        self.index
            .get_or_try_init(|| async {
                let entries = self.store.search_entries().await?;
                let docs = entries
                    .iter()
                    .map(|(e, keywords)| {
                        let name = &e.summary.name;
                        let keyword_pinyin: Vec<Vec<String>> =
                            keywords.iter().map(|k| syllables(k)).collect();
                        SearchDoc::new(name, keywords, &syllables(name), &keyword_pinyin)
                    })
                    .collect();
                let groups: Vec<Vec<String>> = serde_json::from_str(SYNONYMS_JSON)
                    .map_err(|e| crate::Error::Seed(format!("synonyms.json: {e}")))?;
                let groups: Vec<Vec<&str>> = groups
                    .iter()
                    .map(|g| g.iter().map(String::as_str).collect())
                    .collect();
                let groups: Vec<&[&str]> = groups.iter().map(Vec::as_slice).collect();
                Ok(Index {
                    entries: entries.into_iter().map(|(e, _)| e).collect(),
                    docs,
                    synonyms: Synonyms::new(&groups),
                })
            })
            .await
    }

    /// The best matches for what was typed, most likely first. A query that finds nothing
    /// is recorded (the words only, never who asked) so guides can be improved.
    pub async fn search(&self, typed: &str, limit: usize) -> Result<Vec<Found>> {
        let found = self.suggest(typed, limit).await?;
        let query: String = normalize_query(typed)
            .chars()
            .take(MISS_MAX_CHARS)
            .collect();
        if found.is_empty() && !query.is_empty() && !looks_personal(&query) {
            self.store
                .record_search_miss(&query, self.clock.now())
                .await?;
        }
        Ok(found)
    }

    /// Like `search`, for suggestions while typing: nothing is recorded.
    pub async fn suggest(&self, typed: &str, limit: usize) -> Result<Vec<Found>> {
        let index = self.index().await?;
        Ok(search(&index.docs, &index.synonyms, typed, limit)
            .into_iter()
            .map(|hit| Found {
                summary: index.entries[hit.doc].summary.clone(),
                kind: hit.kind,
                highlight: hit.highlight,
            })
            .collect())
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
    fn personal_numbers_are_not_recorded() {
        assert!(looks_personal("13812345678"));
        assert!(looks_personal("身份证41010519850312003x"));
        assert!(!looks_personal("2024年社保"));
    }
}
