//! Finding a 事项 from what a citizen types: Chinese words, synonyms (社保 ~ 社会保险), full
//! pinyin (gongjijin) or its initials (sbk), with a wrong or missing character forgiven.
//! Pure: the caller gives each document's pinyin (the server computes it once per catalogue).

mod fuzzy;
mod matcher;
mod normalize;
mod synonyms;

pub use matcher::{Hit, MatchKind, SearchDoc, search};
pub use normalize::normalize_query;
pub use synonyms::Synonyms;
