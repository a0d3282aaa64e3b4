use super::Synonyms;
use super::bm25::Words;
use super::fuzzy::substring_distance;
use super::normalize::{content_words, is_latin, normalize_query, without_filler};
use serde::{Deserialize, Serialize};

/// One searchable 事项, with everything compared prepared once.
#[derive(Clone, Debug)]
pub struct SearchDoc {
    name: String,
    name_chars: Vec<char>,
    keywords: Vec<String>,
    /// The guide's own text worth matching (conditions, materials), normalized, one piece a
    /// line of the guide.
    body: Vec<String>,
    /// Characters in the name, all keywords and all the body, for length normalization.
    name_len: usize,
    keyword_len: usize,
    body_len: usize,
    /// The (normalized) name and each keyword as characters, for typo matching.
    texts: Vec<Vec<char>>,
    /// Every character of every field, sorted and unique: a word with a character not here
    /// is in no field, without searching them.
    chars: Vec<char>,
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
        let keywords: Vec<String> = keywords.iter().map(|k| normalize_query(k)).collect();
        let name_chars: Vec<char> = name.chars().flat_map(char::to_lowercase).collect();
        let name = normalize_query(name);
        let texts: Vec<Vec<char>> = std::iter::once(&name)
            .chain(&keywords)
            .map(|t| t.chars().collect())
            .collect();
        let mut doc = Self {
            name_len: texts[0].len(),
            name_chars,
            name,
            keyword_len: keywords.iter().map(|k| k.chars().count()).sum(),
            keywords,
            body: Vec::new(),
            body_len: 0,
            texts,
            chars: Vec::new(),
            pinyin,
        };
        doc.index_chars();
        doc
    }

    fn index_chars(&mut self) {
        let mut chars: Vec<char> = std::iter::once(&self.name)
            .chain(&self.keywords)
            .chain(&self.body)
            .flat_map(|t| t.chars())
            .collect();
        chars.sort_unstable();
        chars.dedup();
        self.chars = chars;
    }

    /// Could `word` occur in some field? (Every one of its characters occurs somewhere.)
    pub(crate) fn may_hold(&self, word: &str) -> bool {
        word.chars().all(|c| self.chars.binary_search(&c).is_ok())
    }

    /// The guide's text (conditions, material names) to match words against, below the
    /// name and keywords.
    pub fn with_body(mut self, body: &[String]) -> Self {
        self.body = body
            .iter()
            .map(|b| normalize_query(b))
            .filter(|b| !b.is_empty())
            .collect();
        self.body_len = self.body.iter().map(|b| b.chars().count()).sum();
        self.index_chars();
        self
    }

    pub(crate) fn name_len(&self) -> usize {
        self.name_len
    }

    pub(crate) fn name_chars(&self) -> &[char] {
        &self.name_chars
    }

    pub(crate) fn keyword_chars(&self) -> usize {
        self.keyword_len
    }

    pub(crate) fn body_chars(&self) -> usize {
        self.body_len
    }

    pub(crate) fn name(&self) -> &str {
        &self.name
    }

    pub(crate) fn keywords(&self) -> &[String] {
        &self.keywords
    }

    pub(crate) fn body(&self) -> &[String] {
        &self.body
    }
}

/// How a 事项 matched, best first: results are ranked by this, then by how well the words fit
/// (for `Words` and `Body`), then by the order the documents were given in (popularity).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum MatchKind {
    ExactName,
    NamePrefix,
    ExactKeyword,
    Name,
    Keyword,
    Synonym,
    Pinyin,
    Fuzzy,
    /// Words of the query (a sentence, or words in another order) found in the name or
    /// keywords.
    Words,
    /// Words found only in the guide's text (conditions, materials).
    Body,
}

/// How well a result fits what was asked. A query whose first result is `Weak` is answered
/// "nothing fits well" rather than with a confident first result.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Fit {
    Strong,
    Weak,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hit {
    /// Index into the documents searched.
    pub doc: usize,
    pub kind: MatchKind,
    pub fit: Fit,
    /// How well the query's words fit (BM25F, in thousandths); 0 when none matched.
    pub score: u32,
    /// The characters of the name to highlight, as a range of character positions.
    pub highlight: Option<(usize, usize)>,
}

/// The catalogue made searchable: its documents and the synonyms to try.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    docs: Vec<SearchDoc>,
    synonyms: Synonyms,
}

impl SearchIndex {
    /// `docs` in order of popularity, most asked-for first.
    pub fn new(docs: Vec<SearchDoc>, synonyms: Synonyms) -> Self {
        Self { docs, synonyms }
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    pub(crate) fn docs(&self) -> &[SearchDoc] {
        &self.docs
    }

    pub(crate) fn synonyms(&self) -> &Synonyms {
        &self.synonyms
    }

    /// The best `limit` matches for what was typed. `words` are the query cut into words by
    /// a segmenter (the server's); the whole query is matched too, so pinyin, initials,
    /// prefixes and typos work without them.
    pub fn search(&self, typed: &str, words: &[String], limit: usize) -> Vec<Hit> {
        let query = normalize_query(typed);
        if query.is_empty() {
            return Vec::new();
        }
        let phrase = |q: &str| {
            let variants = self.synonyms.variants(q);
            let chars: Vec<char> = q.chars().collect();
            self.docs
                .iter()
                .map(|doc| best_match(doc, q, &chars, &variants))
                .collect::<Vec<_>>()
        };
        let whole = phrase(&query);
        let cored = without_filler(&query).map(|core| phrase(&core));
        let words = Words::new(self, &content_words(words));
        let mut ranked: Vec<(u8, Hit)> = Vec::new();
        for (i, doc) in self.docs.iter().enumerate() {
            let by_core = cored.as_ref().and_then(|c| c[i]);
            let found = match (whole[i], by_core) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            let fit = words.fit(i);
            let (tier, kind, fit_kind, highlight) = match found {
                Some((kind, tier, highlight)) => {
                    // One character off in three is as likely another word as a typo.
                    let strong = kind != MatchKind::Fuzzy || query.chars().count() >= 4;
                    let fit_kind = if strong { Fit::Strong } else { fit.fit() };
                    (tier, kind, fit_kind, highlight)
                }
                None if fit.score > 0 => {
                    let kind = if fit.in_title {
                        MatchKind::Words
                    } else {
                        MatchKind::Body
                    };
                    (0, kind, fit.fit(), words.highlight(doc))
                }
                None => continue,
            };
            ranked.push((
                tier,
                Hit {
                    doc: i,
                    kind,
                    fit: fit_kind,
                    score: fit.score,
                    highlight,
                },
            ));
        }
        // Among phrase matches of a single word popularity decides; once the query has several
        // words, how well a 事项 holds them does, a strong fit before a weak one.
        let several = words.whole_words() >= 2;
        ranked.sort_by_key(|(tier, h)| {
            let by_words = several || matches!(h.kind, MatchKind::Words | MatchKind::Body);
            (
                h.kind,
                *tier,
                by_words && h.fit == Fit::Weak,
                std::cmp::Reverse(if by_words { h.score } else { 0 }),
                h.doc,
            )
        });
        ranked.into_iter().take(limit).map(|(_, hit)| hit).collect()
    }
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
    // A keyword is what people call the 事项: it beats the same characters found inside
    // another name (领结婚证 is 结婚登记, not 补[领结婚证]).
    // Among those, one whose name holds the word too comes first.
    if doc.keywords.iter().any(|k| k == query) {
        let highlight = in_name(query);
        return Some((
            MatchKind::ExactKeyword,
            u8::from(highlight.is_none()),
            highlight,
        ));
    }
    if doc.name.contains(query) {
        return Some((MatchKind::Name, 0, in_name(query)));
    }
    // The best keyword fit: the keyword itself (0), inside a keyword (1), or a keyword that is
    // at least half of the query (2 and up: "二手房过户要什么材料" names 二手房过户, but
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
                    // The more of the query the keyword covers, the better.
                    let left = q.chars().count() - k.chars().count();
                    Some(2 + u8::try_from(left).unwrap_or(u8::MAX - 2).min(u8::MAX - 2))
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
    let texts = doc.texts.iter();
    match query.len() {
        0 | 1 => false,
        2 => texts
            .into_iter()
            .any(|t| t.windows(3).any(|w| w[0] == query[0] && w[2] == query[1])),
        // A text two characters shorter than the query is at least two edits away.
        _ => texts
            .into_iter()
            .any(|t| t.len() + 1 >= query.len() && substring_distance(query, t) <= 1),
    }
}

/// Is `keyword` (two characters or more) at least half as long as `query`?
fn covers_half(keyword: &str, query: &str) -> bool {
    let k = keyword.chars().count();
    k >= 2 && 2 * k >= query.chars().count()
}

/// Where `query` occurs in `name` (both lower-case), as character positions.
pub(crate) fn find_chars(name: &[char], query: &str) -> Option<(usize, usize)> {
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

    fn index() -> SearchIndex {
        SearchIndex::new(catalogue(), synonyms())
    }

    /// Searches the tiny catalogue; the query's words are its space-separated parts (the
    /// server uses a real segmenter).
    fn search(q: &str) -> Vec<Hit> {
        let words: Vec<String> = q.split(' ').map(str::to_owned).collect();
        index().search(q, &words, 10)
    }

    fn synonyms() -> Synonyms {
        Synonyms::new(&[
            &["落户", "户口登记", "入户"],
            &["退休", "养老"],
            &["社保", "社会保险"],
        ])
    }

    fn first(q: &str) -> (usize, MatchKind) {
        let hits = search(q);
        let hit = hits.first().unwrap_or_else(|| panic!("nothing for {q}"));
        (hit.doc, hit.kind)
    }

    #[test]
    fn each_kind_of_match() {
        assert_eq!(first("公积金"), (3, MatchKind::ExactName));
        assert_eq!(first("社会保障"), (0, MatchKind::NamePrefix));
        assert_eq!(first("公积金提取"), (1, MatchKind::Name));
        assert_eq!(first("社保卡"), (0, MatchKind::ExactKeyword));
        assert_eq!(first("社保"), (0, MatchKind::Keyword));
        assert_eq!(first("上户口要带什么"), (2, MatchKind::ExactKeyword));
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
        let hits = search("公积金");
        let kinds: Vec<MatchKind> = hits.iter().map(|h| h.kind).collect();
        assert_eq!(kinds, [MatchKind::ExactName, MatchKind::Name]);
        assert_eq!(hits[1].doc, 1);
    }

    #[test]
    fn highlights_the_matched_characters() {
        let hits = search("公积金");
        assert_eq!(hits[1].highlight, Some((2, 5)), "住房[公积金]提取");
        let hits = search("gjj");
        assert_eq!(hits[0].highlight, Some((0, 3)));
        let hits = search("shbz");
        assert_eq!(hits[0].highlight, Some((0, 4)), "[社会保障]卡申领");
    }

    #[test]
    fn nothing_for_noise() {
        for q in ["", "？？", "x", "驾驶证", "zzzz"] {
            assert!(search(q).is_empty(), "{q}");
        }
    }

    fn words(s: &str) -> Vec<String> {
        s.split(' ').map(str::to_owned).collect()
    }

    fn with_bodies() -> SearchIndex {
        let mut docs = catalogue();
        docs[0] = docs[0]
            .clone()
            .with_body(&["申请人居民身份证".into(), "新生儿的户口簿".into()]);
        docs[2] = docs[2]
            .clone()
            .with_body(&["出生医学证明".into(), "父母双方的户口簿、结婚证".into()]);
        SearchIndex::new(docs, synonyms())
    }

    #[test]
    fn sentences_are_matched_by_their_words_in_any_order() {
        let index = with_bodies();
        let hits = index.search(
            "孩子出生了怎么上户口",
            &words("孩子 出生 了 怎么 上 户口"),
            10,
        );
        assert_eq!(
            (hits[0].doc, hits[0].kind, hits[0].fit),
            (2, MatchKind::Words, Fit::Strong)
        );
        assert_eq!(hits[0].highlight, Some((0, 2)), "[出生]登记");
        let hits = index.search("租房了想提取公积金", &words("租房 了 想 提取 公积金"), 10);
        assert_eq!((hits[0].doc, hits[0].fit), (1, Fit::Strong));
        assert!(hits[0].score > hits[1].score);
    }

    #[test]
    fn the_guide_text_is_searched_below_names_and_trusted_less() {
        let index = with_bodies();
        let hits = index.search("结婚证", &words("结婚证"), 10);
        assert_eq!(
            (hits[0].doc, hits[0].kind, hits[0].fit),
            (2, MatchKind::Body, Fit::Weak)
        );
        assert!(index.search("火星移民", &words("火星 移民"), 10).is_empty());
    }

    #[test]
    fn a_rare_word_missing_makes_a_common_one_weak() {
        // 登记 is in a name, but 宠物 (found nowhere) weighs more: not a confident answer.
        let index = with_bodies();
        let hits = index.search("宠物登记", &words("宠物 登记"), 10);
        assert_eq!(hits[0].doc, 2);
        assert_eq!(hits[0].fit, Fit::Weak);
    }

    #[test]
    fn phrase_matches_are_strong_except_short_typos() {
        let index = index();
        assert_eq!(index.search("社保卡", &[], 10)[0].fit, Fit::Strong);
        assert_eq!(index.search("gjj", &[], 10)[0].fit, Fit::Strong);
        assert_eq!(index.search("公积鑫提取", &[], 10)[0].fit, Fit::Strong);
        assert_eq!(index.search("社卡", &[], 10)[0].fit, Fit::Weak);
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        const SHARED: &str = "社保卡公积金提取户口出生登记医疗";
        const OTHER: &str = "甲乙丙丁戊己庚辛壬癸";
        /// Words around the one that matters, found in no document.
        const FILLER: &str = "天地玄黄宇宙洪荒";

        fn text(
            alphabet: &'static str,
            len: std::ops::Range<usize>,
        ) -> impl Strategy<Value = String> {
            let chars: Vec<char> = alphabet.chars().collect();
            proptest::collection::vec(proptest::sample::select(chars), len)
                .prop_map(|c| c.into_iter().collect())
        }

        fn plain(name: &str, keywords: &[String], body: &[String]) -> SearchDoc {
            let py = |t: &str| t.chars().map(|c| c.to_string()).collect::<Vec<_>>();
            let kw_py: Vec<Vec<String>> = keywords.iter().map(|k| py(k)).collect();
            SearchDoc::new(name, keywords, &py(name), &kw_py).with_body(body)
        }

        fn doc_strategy(alphabet: &'static str) -> impl Strategy<Value = SearchDoc> {
            (
                text(alphabet, 2..8),
                proptest::collection::vec(text(alphabet, 2..5), 0..3),
                proptest::collection::vec(text(alphabet, 2..12), 0..3),
            )
                .prop_map(|(name, keywords, body)| plain(&name, &keywords, &body))
        }

        proptest! {
            /// A 事项 that holds none of the query's words never changes the order of others.
            #[test]
            fn an_unrelated_document_changes_no_order(
                docs in proptest::collection::vec(doc_strategy(SHARED), 1..8),
                unrelated in doc_strategy(OTHER),
                at in 0usize..8,
                query in proptest::collection::vec(text(SHARED, 2..4), 1..4),
            ) {
                let typed: String = query.concat();
                let before: Vec<usize> = SearchIndex::new(docs.clone(), Synonyms::default())
                    .search(&typed, &query, 100)
                    .into_iter()
                    .map(|h| h.doc)
                    .collect();
                let at = at % (docs.len() + 1);
                let mut grown = docs.clone();
                grown.insert(at, unrelated);
                let after: Vec<usize> = SearchIndex::new(grown, Synonyms::default())
                    .search(&typed, &query, 100)
                    .into_iter()
                    .filter(|h| h.doc != at)
                    .map(|h| if h.doc > at { h.doc - 1 } else { h.doc })
                    .collect();
                prop_assert_eq!(before, after);
            }

            /// A 事项 whose name holds a word outranks one that has it only in its guide text,
            /// however often.
            #[test]
            fn a_name_match_outranks_a_body_only_match(
                word in text(SHARED, 2..4),
                before in text(OTHER, 0..3),
                after in text(OTHER, 0..3),
                other_name in text(OTHER, 2..8),
                times in 1usize..6,
                sentence in text(FILLER, 0..4),
            ) {
                let named = plain(&format!("{before}{word}{after}"), &[], &[]);
                let body = vec![word.repeat(times); times];
                let in_body = plain(&other_name, &[], &body);
                let index = SearchIndex::new(vec![in_body, named], Synonyms::default());
                let typed = format!("{sentence}{word}");
                let words = vec![sentence.clone(), word.clone()];
                let hits = index.search(&typed, &words, 10);
                prop_assert_eq!(hits.first().map(|h| h.doc), Some(1));
            }
        }
    }
}
