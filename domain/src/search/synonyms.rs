use super::normalize_query;

/// Groups of words that mean the same to someone looking for a service. A query containing
/// one word of a group is also tried with each of the others in its place.
#[derive(Clone, Debug, Default)]
pub struct Synonyms {
    groups: Vec<Vec<String>>,
}

impl Synonyms {
    pub fn new(groups: &[&[&str]]) -> Self {
        Self {
            groups: groups
                .iter()
                .map(|g| g.iter().map(|w| normalize_query(w)).collect())
                .collect(),
        }
    }

    /// The query rewritten with each synonym of each group word it contains (not itself).
    pub fn variants(&self, query: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for group in &self.groups {
            for word in group.iter().filter(|w| query.contains(w.as_str())) {
                for other in group.iter().filter(|o| *o != word) {
                    let variant = query.replacen(word.as_str(), other, 1);
                    if variant != query && !out.contains(&variant) {
                        out.push(variant);
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_tried_with_each_of_its_synonyms() {
        let s = Synonyms::new(&[&["落户", "户口登记", "入户"], &["社保", "社会保险"]]);
        assert_eq!(s.variants("落户"), ["户口登记", "入户"]);
        assert_eq!(s.variants("社保转移"), ["社会保险转移"]);
        assert!(s.variants("公积金").is_empty());
    }
}
