/// Keeps `head` characters and `tail` characters and stars out the rest, one star each:
/// 13812345678 → 138****5678. Shorter text is starred whole, so nothing leaks by accident.
pub fn mask_middle(text: &str, head: usize, tail: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= head + tail {
        return "*".repeat(chars.len());
    }
    let mut out = String::with_capacity(chars.len());
    out.extend(&chars[..head]);
    out.extend(std::iter::repeat_n('*', chars.len() - head - tail));
    out.extend(&chars[chars.len() - tail..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_the_middle() {
        assert_eq!(mask_middle("13812345678", 3, 4), "138****5678");
        assert_eq!(
            mask_middle("110105194912310021", 3, 4),
            "110***********0021"
        );
    }

    #[test]
    fn short_text_is_masked_whole() {
        assert_eq!(mask_middle("1234", 3, 4), "****");
        assert_eq!(mask_middle("", 3, 4), "");
    }
}
