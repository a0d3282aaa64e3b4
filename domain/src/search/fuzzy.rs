/// The fewest single-character edits (substitute, insert, delete) that turn `query` into some
/// run of consecutive characters of `text` (Sellers' algorithm: approximate substring
/// matching, O(|query| × |text|)).
pub(crate) fn substring_distance(query: &[char], text: &[char]) -> usize {
    if query.is_empty() {
        return 0;
    }
    // prev[j]: the cost of matching the query so far ending at text[..j]; a match may start
    // anywhere, so row 0 is all zeros.
    let mut prev = vec![0usize; text.len() + 1];
    let mut cur = vec![0usize; text.len() + 1];
    for (i, q) in query.iter().enumerate() {
        cur[0] = i + 1;
        for (j, t) in text.iter().enumerate() {
            let substitute = prev[j] + usize::from(q != t);
            cur[j + 1] = substitute.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev.iter().copied().min().unwrap_or(query.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(q: &str, t: &str) -> usize {
        substring_distance(
            &q.chars().collect::<Vec<_>>(),
            &t.chars().collect::<Vec<_>>(),
        )
    }

    #[test]
    fn one_wrong_missing_or_extra_character() {
        assert_eq!(d("公积金", "住房公积金提取"), 0);
        assert_eq!(d("公积鑫", "住房公积金提取"), 1, "wrong character");
        assert_eq!(d("公金", "住房公积金提取"), 1, "missing character");
        assert_eq!(d("公积积金", "住房公积金提取"), 1, "extra character");
        assert_eq!(d("驾驶证", "住房公积金提取"), 3);
    }

    proptest! {
        /// Any run of the text is found at distance 0, and changing one of its characters
        /// costs at most 1.
        #[test]
        fn runs_of_the_text_are_found(text in "[a-e]{1,20}", start in 0usize..20, len in 1usize..8, at in 0usize..8) {
            let chars: Vec<char> = text.chars().collect();
            let start = start % chars.len();
            let end = (start + len).min(chars.len());
            let mut run = chars[start..end].to_vec();
            prop_assert_eq!(substring_distance(&run, &chars), 0);
            let at = at % run.len();
            run[at] = 'z';
            prop_assert!(substring_distance(&run, &chars) <= 1);
        }
    }
}
