//! The parts a 办事指南 is made of, besides the 事项 itself.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Department {
    /// Short stable key, e.g. `bdc` for 不动产登记中心.
    pub code: String,
    pub name: String,
    /// What citizens call it on a tile: 不动产, 税务, 社保 ….
    pub short_name: String,
    /// Open on weekends (周末不打烊).
    pub weekend: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hall {
    pub code: String,
    pub name: String,
    pub address: String,
    /// Weekday hours, as published.
    pub hours: String,
    /// Weekend hours for the 周末不打烊 departments.
    pub weekend_hours: String,
    pub phone: String,
}

/// 材料来源.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MaterialSource {
    /// 申请人自备
    Applicant,
    /// 政府部门核发 (can often be fetched by the department itself)
    Government,
    /// 中介机构或其他单位出具
    ThirdParty,
}

impl MaterialSource {
    pub fn label(self) -> &'static str {
        match self {
            Self::Applicant => "申请人自备",
            Self::Government => "政府部门核发",
            Self::ThirdParty => "其他单位出具",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Material {
    pub name: String,
    pub source: MaterialSource,
    /// 原件份数 (to be shown and handed back, usually 1).
    pub originals: u8,
    /// 复印件份数.
    pub copies: u8,
    pub required: bool,
    /// What to watch out for: format, who signs, when it is not needed.
    pub note: String,
    /// Path of a blank form under the site root, if the department publishes one (空白表格).
    pub blank_form: Option<String>,
    /// Path of a filled-in sample (示例样表).
    pub sample: Option<String>,
}

/// 到场次数 and why a visit is still needed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Visits {
    pub count: u8,
    pub reason: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fee {
    pub charged: bool,
    /// 收费标准, or "不收费".
    pub standard: String,
    /// 收费依据: the rule that allows charging; required when `charged`.
    pub basis: Option<String>,
}

/// 通办范围.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    City,
    Province,
    Nationwide,
}

impl Scope {
    pub fn label(self) -> &'static str {
        match self {
            Self::City => "全市通办",
            Self::Province => "全省通办",
            Self::Nationwide => "跨省通办",
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceFlags {
    /// 可预约
    pub bookable: bool,
    /// 周末可办
    pub weekend: bool,
    /// 可寄递 (results by post)
    pub postal: bool,
    /// 网办
    pub online: bool,
}
