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
}
