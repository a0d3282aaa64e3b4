use super::{
    Department, Fee, Material, OnlineDepth, Scope, ServiceCode, ServiceFlags, Theme, Visits,
    WorkingDays,
};
use serde::{Deserialize, Serialize};

/// 事项类型 (the kind of power or service under the 权责清单).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemCategory {
    /// 行政许可
    Licence,
    /// 行政确认
    Confirmation,
    /// 行政给付
    Benefit,
    /// 公共服务
    PublicService,
    /// 其他行政权力
    OtherPower,
}

impl ItemCategory {
    pub fn label(self) -> &'static str {
        match self {
            Self::Licence => "行政许可",
            Self::Confirmation => "行政确认",
            Self::Benefit => "行政给付",
            Self::PublicService => "公共服务",
            Self::OtherPower => "其他行政权力",
        }
    }
}

/// 办件类型.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseType {
    /// 即办件: decided on the spot.
    OnTheSpot,
    /// 承诺件: decided within the promised limit.
    Promised,
}

impl CaseType {
    pub fn label(self) -> &'static str {
        match self {
            Self::OnTheSpot => "即办件",
            Self::Promised => "承诺件",
        }
    }
}

/// A 事项 with its whole 办事指南.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceItem {
    pub code: ServiceCode,
    pub name: String,
    pub department: Department,
    pub category: ItemCategory,
    pub legal_limit: WorkingDays,
    /// What the law says when it counts calendar days ("法定 60 日"): shown instead of the
    /// working-day figure, which is then the catalogue's working-day equivalent.
    pub legal_limit_note: Option<String>,
    pub promised_limit: WorkingDays,
    pub case_type: CaseType,
    pub visits: Visits,
    pub depth: OnlineDepth,
    /// 受理条件, one condition a line.
    pub conditions: Vec<String>,
    pub materials: Vec<Material>,
    /// 办理流程, in order.
    pub steps: Vec<String>,
    pub fee: Fee,
    /// 设定依据 (the law or regulation the 事项 rests on).
    pub legal_basis: String,
    /// 办理地点: hall, floor, window.
    pub location: String,
    /// 办理时间.
    pub hours: String,
    /// 咨询电话.
    pub consult_phone: String,
    /// 监督投诉电话: a different number from the consultation line.
    pub supervise_phone: String,
    pub scope: Scope,
    pub flags: ServiceFlags,
    /// Words people type for it (keywords and synonyms), used by search.
    pub keywords: Vec<String>,
    /// Life events and themes it belongs to (主题服务).
    pub themes: Vec<Theme>,
    /// The application form's own fields (beyond materials and delivery), from the seed, by
    /// the shared key vocabulary.
    pub form: Vec<crate::case::FieldSpec>,
}

impl ServiceItem {
    /// "承诺 5 个工作日，法定 20 个工作日，压缩 75 %": the comparison a guide page leads with.
    pub fn limit_comparison(&self) -> String {
        let promised = self.promised_limit;
        let legal = self.legal_limit;
        if legal.is_on_the_spot() {
            return "即办".to_owned();
        }
        // A law counting calendar days is quoted as it stands, without a percentage that
        // would compare days of different kinds.
        if let Some(note) = &self.legal_limit_note {
            return if promised.is_on_the_spot() {
                format!("即办，{note}")
            } else {
                format!("承诺 {promised}，{note}")
            };
        }
        if promised.is_on_the_spot() {
            return format!("即办，法定 {legal}");
        }
        match WorkingDays::compression_percent(promised, legal) {
            Some(pct) if promised != legal => {
                format!("承诺 {promised}，法定 {legal}，压缩 {pct}%")
            }
            _ => format!("承诺 {promised}，法定 {legal}"),
        }
    }
}

/// What a list or a tile shows of a 事项.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceSummary {
    pub code: ServiceCode,
    pub name: String,
    pub department: String,
    pub promised_limit: WorkingDays,
    pub visits: u8,
    pub weekend: bool,
}
