/// What a phone keyboard sends for a number, made plain: full-width digits, letters and
/// plus signs (common on Chinese keyboards) become ASCII, and spaces, hyphens and the
/// ideographic space people use to group digits are dropped.
pub fn plain_number(raw: &str) -> String {
    raw.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '－' | '\u{3000}'))
        .map(|c| match c {
            // FF01..FF5E are the full-width forms of ASCII 21..7E.
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_and_grouping_are_undone() {
        assert_eq!(plain_number("１３８ １２３４－５６７８"), "13812345678");
        assert_eq!(plain_number("＋86 138-1234-5678"), "+8613812345678");
        assert_eq!(plain_number("410102 19850312 003ｘ"), "41010219850312003x");
        assert_eq!(plain_number("\u{3000}123\t456\n"), "123456");
    }
}
