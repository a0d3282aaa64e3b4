//! Finding a 事项 from what a citizen types: Chinese words, synonyms (社保 ~ 社会保险), full
//! pinyin (gongjijin) or its initials (sbk), with a wrong or missing character forgiven, and
//! sentences ("孩子出生了怎么上户口") by their words, ranked by BM25F (`bm25`). Pure: the caller
//! gives each document's pinyin and the query's words (the server computes both; segmenting
//! Chinese needs a dictionary the browser should not download).

mod app_page;
mod bm25;
mod fuzzy;
mod matcher;
mod normalize;
mod synonyms;

pub use app_page::{AppPage, app_page};
pub use matcher::{Fit, Hit, MatchKind, SearchDoc, SearchIndex};
pub use normalize::{content_words, normalize_query};
pub use synonyms::Synonyms;
