use serde::{Deserialize, Serialize};

/// 网办深度: how far a 事项 can be handled online, Ⅰ (information only) to Ⅳ (fully online,
/// no visit). The level fixes what the guide may promise about visits (see `lint`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub enum OnlineDepth {
    /// Ⅰ 级：网上提供办事指南，线下办理。
    Info = 1,
    /// Ⅱ 级：网上预审材料，到现场核验办理。
    PreReview = 2,
    /// Ⅲ 级：网上受理审批，现场核验或领取结果。
    OnlineAccept = 3,
    /// Ⅳ 级：全程网办，零跑动。
    FullyOnline = 4,
}

impl OnlineDepth {
    pub fn numeral(self) -> &'static str {
        match self {
            Self::Info => "Ⅰ",
            Self::PreReview => "Ⅱ",
            Self::OnlineAccept => "Ⅲ",
            Self::FullyOnline => "Ⅳ",
        }
    }

    /// The tag a guide shows for an item marked as online: what "online" means at this depth.
    pub fn online_label(self) -> &'static str {
        match self {
            Self::Info => "网上查询指南",
            Self::PreReview => "网上预审",
            Self::OnlineAccept => "可网上办理",
            Self::FullyOnline => "全程网办",
        }
    }

    pub fn meaning(self) -> &'static str {
        match self {
            Self::Info => "网上可查办事指南，需到窗口办理",
            Self::PreReview => "网上提交材料预审，到窗口核验办理",
            Self::OnlineAccept => "网上申请、受理和审批，到现场核验或领取结果",
            Self::FullyOnline => "全程网上办理，无需到现场",
        }
    }
}

impl TryFrom<u8> for OnlineDepth {
    type Error = String;
    fn try_from(level: u8) -> Result<Self, Self::Error> {
        match level {
            1 => Ok(Self::Info),
            2 => Ok(Self::PreReview),
            3 => Ok(Self::OnlineAccept),
            4 => Ok(Self::FullyOnline),
            other => Err(format!("网办深度应为 1–4 级，收到 {other}")),
        }
    }
}

impl From<OnlineDepth> for u8 {
    fn from(depth: OnlineDepth) -> Self {
        depth as u8
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_round_trip_and_out_of_range_is_rejected() {
        for level in 1..=4u8 {
            assert_eq!(u8::from(OnlineDepth::try_from(level).unwrap()), level);
        }
        assert!(OnlineDepth::try_from(0).is_err());
        assert!(OnlineDepth::try_from(5).is_err());
        assert_eq!(OnlineDepth::FullyOnline.numeral(), "Ⅳ");
    }
}
