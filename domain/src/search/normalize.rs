/// A query made comparable: full-width forms to ASCII, Latin letters lower-cased, and spaces
/// and punctuation dropped (people type "社保 卡", "公积金？" or "ＳＢＫ").
pub fn normalize_query(raw: &str) -> String {
    raw.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            other => other,
        })
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Words around what people actually look for ("上户口要带什么", "如何办理居住证"), tried
/// off when the whole query finds nothing. Longest first, so the longest phrase goes.
const FILLER_PREFIXES: &[&str] = &[
    "我想办理",
    "我要办理",
    "如何办理",
    "怎么办理",
    "我想办",
    "我要办",
    "我要",
    "我想",
    "如何",
    "怎么",
    "怎样",
    "办理",
];
const FILLER_SUFFIXES: &[&str] = &[
    "要带什么材料",
    "需要什么材料",
    "需要哪些材料",
    "要什么材料",
    "要带什么",
    "需要什么",
    "怎么办理",
    "如何办理",
    "在哪里办",
    "要什么",
    "怎么办",
    "在哪办",
    "去哪办",
    "的流程",
    "的材料",
    "的手续",
    "流程",
    "材料",
    "手续",
    "办理",
];

/// The query without the filler around it, if there is any and something is left.
pub(crate) fn without_filler(query: &str) -> Option<String> {
    let mut text = query;
    if let Some(rest) = FILLER_PREFIXES.iter().find_map(|p| text.strip_prefix(p)) {
        text = rest;
    }
    if let Some(rest) = FILLER_SUFFIXES.iter().find_map(|s| text.strip_suffix(s)) {
        text = rest;
    }
    (text != query && text.chars().count() >= 2).then(|| text.to_owned())
}

/// Words that carry no subject on their own: what people say around the thing they want
/// ("给孩子办…", "…要带什么", "我要退休了…怎么领"). Words of one character are dropped too.
const STOP_WORDS: &[&str] = &[
    "怎么",
    "怎样",
    "如何",
    "什么",
    "哪些",
    "哪里",
    "哪儿",
    "在哪",
    "去哪",
    "办理",
    "需要",
    "要带",
    "我要",
    "我想",
    "想要",
    "可以",
    "能不能",
    "能否",
    "一下",
    "请问",
    "咨询",
    "了解",
    "问下",
    "自己",
    "我们",
    "他们",
    "孩子",
    "小孩",
    "家里",
    "时候",
    "以后",
    "之后",
    "现在",
    "已经",
    "应该",
    "手续",
    "流程",
    "材料",
    "资料",
    "东西",
    "地方",
    "多久",
    "多少",
    "是否",
    "还是",
    "或者",
];

/// Single characters that carry no subject ("了", "吗", "办"); other single characters
/// ("转", "补", "丢") are kept, though they count less (see `bm25`).
const STOP_CHARS: &str = "了吗的呢吧啊呀么嘛我你他她它们要想办去在到把被给让和与及或是有没不也都就还才又很更最能会可该请问哪谁啥怎多少几个次份张本件条位这那些里上下前后时再先跟找做弄搞";

/// The words worth matching, in order: normalized, without stop words, stop characters,
/// pinyin, numbers or repeats. `words` are what a segmenter cut the query into.
pub fn content_words(words: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in words {
        let w = normalize_query(word);
        let chars = w.chars().count();
        let single_stop = chars == 1
            && w.chars()
                .all(|c| !c.is_alphabetic() || STOP_CHARS.contains(c));
        let keep = chars >= 1
            && !single_stop
            && !is_latin(&w)
            && !w.chars().all(|c| c.is_ascii_digit())
            && !STOP_WORDS.contains(&w.as_str());
        if keep && !out.contains(&w) {
            out.push(w);
        }
    }
    out
}

/// Is every character an ASCII letter (a pinyin query)?
pub(crate) fn is_latin(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_made_comparable() {
        assert_eq!(normalize_query(" 社保 卡？"), "社保卡");
        assert_eq!(normalize_query("ＳＢＫ"), "sbk");
        assert_eq!(normalize_query("Gong Ji Jin"), "gongjijin");
        assert!(is_latin("sbk") && !is_latin("社保") && !is_latin("sb1") && !is_latin(""));
    }

    #[test]
    fn filler_words_come_off() {
        assert_eq!(without_filler("上户口要带什么").as_deref(), Some("上户口"));
        assert_eq!(without_filler("如何办理居住证").as_deref(), Some("居住证"));
        assert_eq!(
            without_filler("二手房过户需要什么材料").as_deref(),
            Some("二手房过户")
        );
        assert_eq!(without_filler("居住证"), None);
        assert_eq!(without_filler("办理"), None, "nothing left");
    }

    #[test]
    fn content_words_drop_what_carries_no_subject() {
        let words: Vec<String> = [
            "给",
            "孩子",
            "办",
            "社保卡",
            "要带",
            "什么",
            "sbk",
            "2024",
            "社保卡",
        ]
        .map(str::to_owned)
        .to_vec();
        assert_eq!(content_words(&words), ["社保卡"]);
    }
}
