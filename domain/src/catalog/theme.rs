use serde::{Deserialize, Serialize};

/// A life event or theme to browse by (主题服务): what people think of, not which department
/// does it. Stored and seeded by its Chinese name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Theme {
    #[serde(rename = "生育")]
    Birth,
    #[serde(rename = "户籍")]
    Household,
    #[serde(rename = "就业")]
    Employment,
    #[serde(rename = "社保")]
    SocialInsurance,
    #[serde(rename = "住房")]
    Housing,
    #[serde(rename = "退休")]
    Retirement,
    #[serde(rename = "企业开办")]
    Business,
    #[serde(rename = "婚姻")]
    Marriage,
    #[serde(rename = "教育")]
    Education,
    #[serde(rename = "医疗")]
    Medical,
}

impl Theme {
    pub const ALL: [Theme; 10] = [
        Self::Birth,
        Self::Household,
        Self::Employment,
        Self::SocialInsurance,
        Self::Housing,
        Self::Retirement,
        Self::Business,
        Self::Marriage,
        Self::Education,
        Self::Medical,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Birth => "生育",
            Self::Household => "户籍",
            Self::Employment => "就业",
            Self::SocialInsurance => "社保",
            Self::Housing => "住房",
            Self::Retirement => "退休",
            Self::Business => "企业开办",
            Self::Marriage => "婚姻",
            Self::Education => "教育",
            Self::Medical => "医疗",
        }
    }

    /// The path segment: `/theme/birth`.
    pub fn slug(self) -> &'static str {
        match self {
            Self::Birth => "birth",
            Self::Household => "household",
            Self::Employment => "employment",
            Self::SocialInsurance => "social-insurance",
            Self::Housing => "housing",
            Self::Retirement => "retirement",
            Self::Business => "business",
            Self::Marriage => "marriage",
            Self::Education => "education",
            Self::Medical => "medical",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.slug() == slug)
    }

    pub fn from_label(label: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.label() == label)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_and_labels_round_trip() {
        for theme in Theme::ALL {
            assert_eq!(Theme::from_slug(theme.slug()), Some(theme));
            assert_eq!(Theme::from_label(theme.label()), Some(theme));
            let json = serde_json::to_string(&theme).unwrap();
            assert_eq!(json, format!("\"{}\"", theme.label()));
        }
        assert_eq!(Theme::from_slug("nope"), None);
    }
}
