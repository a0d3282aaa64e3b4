use super::Synonyms;
use super::fuzzy::substring_distance;
use super::normalize::{is_latin, normalize_query, without_filler};
use serde::{Deserialize, Serialize};

/// One searchable 事项, with everything compared prepared once.
#[derive(Clone, Debug)]
pub struct SearchDoc {
    name: String,
    name_chars: Vec<char>,
    keywords: Vec<String>,
    /// Full pinyin and initials of the name and of each keyword.
    pinyin: Vec<Spelling>,
}

/// How a text is spelt in pinyin: each Han character's syllable (other characters as
/// themselves), joined in full and as initials.
#[derive(Clone, Debug)]
struct Spelling {
    full: String,
    initials: String,
    /// Where each character's syllable starts in `full`, for highlighting.
    starts: Vec<usize>,
    /// Whether this spelling is of the name (highlightable) rather than a keyword.
    of_name: bool,
}

impl Spelling {
    fn new(syllables: &[String], of_name: bool) -> Self {
        let mut full = String::new();
        let mut initials = String::new();
        let mut starts = Vec::with_capacity(syllables.len());
        for s in syllables {
            let s = normalize_query(s);
            starts.push(full.len());
            full.push_str(&s);
            initials.extend(s.chars().next());
        }
        Self {
            full,
            initials,
            starts,
            of_name,
        }
    }

    /// How well a pinyin query fits (0 the whole text, 1 its start, 2 inside it) and the
    /// name characters it covers, when it lines up with syllables.
    fn matched(&self, query: &str) -> Option<(u8, Option<(usize, usize)>)> {
        let tier = |text: &str, at: usize| match (at, text.len() == query.len()) {
            (0, true) => 0,
            (0, false) => 1,
            _ => 2,
        };
        if let Some(at) = self.initials.find(query) {
            let first = self.initials[..at].chars().count();
            let span = (first, first + query.chars().count());
            return Some((tier(&self.initials, at), self.of_name.then_some(span)));
        }
        let at = self.full.find(query)?;
        let first = self.starts.iter().position(|s| *s == at);
        let end = at + query.len();
        let last = self.starts.iter().rposition(|s| *s < end);
        let span = match (first, last, self.of_name) {
            (Some(first), Some(last), true) => Some((first, last + 1)),
            _ => None,
        };
        Some((tier(&self.full, at), span))
    }
}

impl SearchDoc {
    /// `name_pinyin` has one syllable per character of `name`; `keyword_pinyin` likewise per
    /// keyword, in the same order as `keywords`.
    pub fn new(
        name: &str,
        keywords: &[String],
        name_pinyin: &[String],
        keyword_pinyin: &[Vec<String>],
    ) -> Self {
        let mut pinyin = vec![Spelling::new(name_pinyin, true)];
        pinyin.extend(keyword_pinyin.iter().map(|k| Spelling::new(k, false)));
        Self {
            name: normalize_query(name),
            name_chars: name.chars().flat_map(char::to_lowercase).collect(),
            keywords: keywords.iter().map(|k| normalize_query(k)).collect(),
            pinyin,
        }
    }
}

/// How a 事项 matched, best first: results are ranked by this, then by the order the
/// documents were given in (their popularity).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum MatchKind {
    ExactName,
    NamePrefix,
    Name,
    Keyword,
    Synonym,
    Pinyin,
    Fuzzy,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hit {
    /// Index into the documents searched.
    pub doc: usize,
    pub kind: MatchKind,
    /// The characters of the name to highlight, as a range of character positions.
    pub highlight: Option<(usize, usize)>,
}

/// The best `limit` matches for what was typed.
pub fn search(docs: &[SearchDoc], synonyms: &Synonyms, typed: &str, limit: usize) -> Vec<Hit> {
    let query = normalize_query(typed);
    let hits = search_normalized(docs, synonyms, &query, limit);
    match without_filler(&query) {
        Some(core) if hits.is_empty() => search_normalized(docs, synonyms, &core, limit),
        _ => hits,
    }
}

fn search_normalized(
    docs: &[SearchDoc],
    synonyms: &Synonyms,
    query: &str,
    limit: usize,
) -> Vec<Hit> {
    let query = query.to_owned();
    if query.is_empty() {
        return Vec::new();
    }
    let variants = synonyms.variants(&query);
    let query_chars: Vec<char> = query.chars().collect();
    let mut ranked: Vec<(u8, Hit)> = docs
        .iter()
        .enumerate()
        .filter_map(|(i, doc)| {
            let (kind, tier, highlight) = best_match(doc, &query, &query_chars, &variants)?;
            Some((
                tier,
                Hit {
                    doc: i,
                    kind,
                    highlight,
                },
            ))
        })
        .collect();
    ranked.sort_by_key(|(tier, h)| (h.kind, *tier, h.doc));
    ranked.into_iter().take(limit).map(|(_, hit)| hit).collect()
}

/// A match: its kind, how well it fits within that kind (0 best), and what to highlight.
type Found = (MatchKind, u8, Option<(usize, usize)>);

fn best_match(
    doc: &SearchDoc,
    query: &str,
    query_chars: &[char],
    variants: &[String],
) -> Option<Found> {
    let in_name = |q: &str| find_chars(&doc.name_chars, q);
    if doc.name == query {
        return Some((MatchKind::ExactName, 0, in_name(query)));
    }
    if doc.name.starts_with(query) {
        return Some((MatchKind::NamePrefix, 0, in_name(query)));
    }
    if doc.name.contains(query) {
        return Some((MatchKind::Name, 0, in_name(query)));
    }
    // The best keyword fit: the keyword itself (0), inside a keyword (1), or a keyword that is
    // at least half of the query (2: "二手房过户要什么材料" names 二手房过户, but
    // "驾驶证换证" does not name 居民身份证换领 by its keyword 换证).
    let keyword = |q: &str| {
        doc.keywords
            .iter()
            .filter_map(|k| {
                if k == q {
                    Some(0)
                } else if k.contains(q) {
                    Some(1)
                } else if covers_half(k, q) && q.contains(k.as_str()) {
                    Some(2)
                } else {
                    None
                }
            })
            .min()
    };
    if let Some(tier) = keyword(query) {
        return Some((MatchKind::Keyword, tier, None));
    }
    let synonym = variants.iter().find_map(|v| {
        let tier = if doc.name.contains(v.as_str()) {
            Some(0)
        } else {
            keyword(v)
        };
        tier.map(|tier| (tier, in_name(v)))
    });
    if let Some((tier, highlight)) = synonym {
        return Some((MatchKind::Synonym, tier, highlight));
    }
    if is_latin(query) {
        // One or two letters match too much to mean anything.
        if query.len() < 2 {
            return None;
        }
        let best = doc
            .pinyin
            .iter()
            .filter_map(|s| s.matched(query))
            .min_by_key(|(tier, _)| *tier);
        return best.map(|(tier, highlight)| (MatchKind::Pinyin, tier, highlight));
    }
    fuzzy(doc, query_chars).then_some((MatchKind::Fuzzy, 0, None))
}

/// One character wrong, missing or extra, for queries of three characters or more; for two,
/// only a character missing between them (社卡 → 社保卡), as anything looser matches everything.
fn fuzzy(doc: &SearchDoc, query: &[char]) -> bool {
    let texts = std::iter::once(&doc.name).chain(&doc.keywords);
    match query.len() {
        0 | 1 => false,
        2 => texts.into_iter().any(|t| {
            let t: Vec<char> = t.chars().collect();
            t.windows(3).any(|w| w[0] == query[0] && w[2] == query[1])
        }),
        _ => texts.into_iter().any(|t| {
            let t: Vec<char> = t.chars().collect();
            substring_distance(query, &t) <= 1
        }),
    }
}

/// Is `keyword` (two characters or more) at least half as long as `query`?
fn covers_half(keyword: &str, query: &str) -> bool {
    let k = keyword.chars().count();
    k >= 2 && 2 * k >= query.chars().count()
}

/// Where `query` occurs in `name` (both lower-case), as character positions.
fn find_chars(name: &[char], query: &str) -> Option<(usize, usize)> {
    let q: Vec<char> = query.chars().collect();
    let at = name
        .windows(q.len().max(1))
        .position(|w| w == q.as_slice())?;
    Some((at, at + q.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tiny catalogue with hand-written pinyin (the server computes it for real).
    fn doc(name: &str, name_py: &str, keywords: &[(&str, &str)]) -> SearchDoc {
        let split = |s: &str| s.split(' ').map(str::to_owned).collect::<Vec<_>>();
        let kws: Vec<String> = keywords.iter().map(|(k, _)| (*k).to_owned()).collect();
        let kw_py: Vec<Vec<String>> = keywords.iter().map(|(_, p)| split(p)).collect();
        SearchDoc::new(name, &kws, &split(name_py), &kw_py)
    }

    fn catalogue() -> Vec<SearchDoc> {
        vec![
            doc(
                "社会保障卡申领",
                "she hui bao zhang ka shen ling",
                &[("社保卡", "she bao ka")],
            ),
            doc(
                "住房公积金提取（租房）",
                "zhu fang gong ji jin ti qu （ zu fang ）",
                &[("租房提取", "zu fang ti qu")],
            ),
            doc(
                "出生登记（新生儿入户）",
                "chu sheng deng ji （ xin sheng er ru hu ）",
                &[("上户口", "shang hu kou")],
            ),
            doc("公积金", "gong ji jin", &[]),
            doc(
                "城镇职工基本养老保险关系转移接续",
                "cheng zhen zhi gong ji ben yang lao bao xian guan xi zhuan yi jie xu",
                &[("社保转移", "she bao zhuan yi")],
            ),
        ]
    }

    fn synonyms() -> Synonyms {
        Synonyms::new(&[
            &["落户", "户口登记", "入户"],
            &["退休", "养老"],
            &["社保", "社会保险"],
        ])
    }

    fn first(q: &str) -> (usize, MatchKind) {
        let hits = search(&catalogue(), &synonyms(), q, 10);
        let hit = hits.first().unwrap_or_else(|| panic!("nothing for {q}"));
        (hit.doc, hit.kind)
    }

    #[test]
    fn each_kind_of_match() {
        assert_eq!(first("公积金"), (3, MatchKind::ExactName));
        assert_eq!(first("社会保障"), (0, MatchKind::NamePrefix));
        assert_eq!(first("公积金提取"), (1, MatchKind::Name));
        assert_eq!(first("社保卡"), (0, MatchKind::Keyword));
        assert_eq!(first("上户口要带什么"), (2, MatchKind::Keyword));
        assert_eq!(first("落户"), (2, MatchKind::Synonym));
        assert_eq!(first("退休"), (4, MatchKind::Synonym));
        assert_eq!(first("sbk"), (0, MatchKind::Pinyin));
        assert_eq!(first("gongjijin"), (3, MatchKind::Pinyin));
        assert_eq!(first("ＳＢＫ"), (0, MatchKind::Pinyin));
        assert_eq!(first("公积鑫提取"), (1, MatchKind::Fuzzy));
        assert_eq!(first("社卡"), (0, MatchKind::Fuzzy));
    }

    #[test]
    fn better_kinds_rank_first() {
        let hits = search(&catalogue(), &synonyms(), "公积金", 10);
        let kinds: Vec<MatchKind> = hits.iter().map(|h| h.kind).collect();
        assert_eq!(kinds, [MatchKind::ExactName, MatchKind::Name]);
        assert_eq!(hits[1].doc, 1);
    }

    #[test]
    fn highlights_the_matched_characters() {
        let hits = search(&catalogue(), &synonyms(), "公积金", 10);
        assert_eq!(hits[1].highlight, Some((2, 5)), "住房[公积金]提取");
        let hits = search(&catalogue(), &synonyms(), "gjj", 10);
        assert_eq!(hits[0].highlight, Some((0, 3)));
        let hits = search(&catalogue(), &synonyms(), "shbz", 10);
        assert_eq!(hits[0].highlight, Some((0, 4)), "[社会保障]卡申领");
    }

    #[test]
    fn nothing_for_noise() {
        for q in ["", "？？", "x", "驾驶证", "zzzz"] {
            assert!(search(&catalogue(), &synonyms(), q, 10).is_empty(), "{q}");
        }
    }
}
