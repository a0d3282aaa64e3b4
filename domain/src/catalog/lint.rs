//! Guide lint: the rules a published 办事指南 must keep. Seed data is checked on load, so a
//! guide that would mislead a citizen never reaches a page.

use super::{CaseType, OnlineDepth, ServiceItem};
use std::fmt;

/// One broken rule, naming the 事项 and the rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GuideProblem {
    pub item: String,
    pub rule: &'static str,
}

impl fmt::Display for GuideProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "「{}」：{}", self.item, self.rule)
    }
}

/// Words that stand for "bring whatever else we ask for" — a citizen cannot prepare for them.
const CATCH_ALL_MATERIALS: [&str; 4] = ["其他材料", "有关材料", "相关材料", "其它材料"];

/// Keys the form builder adds itself (`case::item_form`).
const RESERVED_KEY_PREFIXES: [&str; 4] = [
    "material.",
    "delivery.",
    "address.postal",
    "application.reason",
];

pub fn lint_guide(item: &ServiceItem) -> Vec<GuideProblem> {
    let mut broken = Vec::new();
    let mut rule = |ok: bool, rule: &'static str| {
        if !ok {
            broken.push(GuideProblem {
                item: format!("{} {}", item.code, item.name),
                rule,
            });
        }
    };
    rule(
        !item
            .materials
            .iter()
            .any(|m| CATCH_ALL_MATERIALS.iter().any(|w| m.name.contains(w))),
        "材料清单不得使用“其他材料”“有关材料”等兜底表述",
    );
    rule(
        !item.legal_limit.is_on_the_spot() || item.case_type == CaseType::OnTheSpot,
        "法定时限为 0 的事项必须是即办件",
    );
    rule(
        item.promised_limit <= item.legal_limit || item.legal_limit.is_on_the_spot(),
        "承诺办结时限不得长于法定办结时限",
    );
    rule(
        !item.promised_limit.is_on_the_spot() || item.case_type == CaseType::OnTheSpot,
        "承诺时限为即办（0 个工作日）的事项必须是即办件",
    );
    rule(
        item.case_type != CaseType::OnTheSpot || item.promised_limit.is_on_the_spot(),
        "即办件的承诺时限必须为 0",
    );
    rule(
        !item.fee.charged
            || item
                .fee
                .basis
                .as_deref()
                .is_some_and(|b| !b.trim().is_empty()),
        "收费事项必须写明收费依据",
    );
    rule(
        item.consult_phone.trim() != item.supervise_phone.trim(),
        "咨询电话与监督电话不能是同一个号码",
    );
    rule(
        !item.consult_phone.trim().is_empty() && !item.supervise_phone.trim().is_empty(),
        "必须公布咨询电话和监督电话",
    );
    rule(
        item.depth != OnlineDepth::FullyOnline || item.visits.count == 0,
        "网办深度Ⅳ级的事项到场次数必须为 0",
    );
    rule(
        item.visits.count == 0
            || item
                .visits
                .reason
                .as_deref()
                .is_some_and(|r| !r.trim().is_empty()),
        "到场次数不为 0 时必须说明到场原因",
    );
    rule(
        !item.flags.online || item.depth >= OnlineDepth::PreReview,
        "标注可网办的事项网办深度至少为Ⅱ级",
    );
    rule(
        item.visits.count <= 2,
        "到场次数不得超过 2 次（最多跑一次改革后不应更多）",
    );
    rule(!item.materials.is_empty(), "必须列出申请材料");
    let keys: Vec<&str> = item.form.iter().map(|f| f.key.as_str()).collect();
    rule(
        keys.iter().enumerate().all(|(i, k)| !keys[..i].contains(k)),
        "申请表字段不得重复",
    );
    rule(
        keys.iter()
            .all(|k| !RESERVED_KEY_PREFIXES.iter().any(|p| k.starts_with(p))),
        "申请表字段不得使用系统保留的键（材料、领取方式、收件地址、申请说明）",
    );
    rule(
        item.form.is_empty() || item.depth >= OnlineDepth::PreReview,
        "网办深度Ⅰ级（仅指南）的事项不设申请表",
    );
    rule(!item.steps.is_empty(), "必须列出办理流程");
    rule(!item.conditions.is_empty(), "必须写明受理条件");
    rule(
        !item.location.trim().is_empty() && !item.hours.trim().is_empty(),
        "必须写明办理地点和时间",
    );
    broken
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::catalog::*;

    pub(crate) fn sample_item() -> ServiceItem {
        ServiceItem {
            code: ServiceCode::parse("11410100MB1957846X4000115001").unwrap(),
            name: "不动产抵押权首次登记".into(),
            department: Department {
                code: "bdc".into(),
                name: "不动产登记中心".into(),
                short_name: "不动产".into(),
                weekend: true,
            },
            category: ItemCategory::Confirmation,
            legal_limit: WorkingDays(30),
            legal_limit_note: None,
            promised_limit: WorkingDays(5),
            case_type: CaseType::Promised,
            visits: Visits {
                count: 1,
                reason: Some("核验身份并签署询问笔录".into()),
            },
            depth: OnlineDepth::OnlineAccept,
            conditions: vec!["已办理不动产首次登记".into()],
            materials: vec![Material {
                name: "不动产登记申请书".into(),
                source: MaterialSource::Applicant,
                originals: 1,
                copies: 0,
                required: true,
                note: "申请人签字".into(),
                blank_form: None,
                sample: None,
            }],
            steps: vec!["申请".into(), "受理".into(), "登簿".into()],
            fee: Fee {
                charged: true,
                standard: "80 元/件".into(),
                basis: Some("财税〔2016〕79号".into()),
            },
            legal_basis: "《不动产登记暂行条例》".into(),
            location: "市民之家 2 楼 不动产综合窗口".into(),
            hours: "工作日 9:00–17:00".into(),
            consult_phone: "0371-12345".into(),
            supervise_phone: "12345".into(),
            scope: Scope::City,
            flags: ServiceFlags {
                bookable: true,
                weekend: true,
                postal: true,
                online: true,
            },
            keywords: vec!["抵押".into()],
            themes: vec![Theme::Housing],
            form: Vec::new(),
        }
    }

    fn broken(item: &ServiceItem) -> Vec<&'static str> {
        lint_guide(item).into_iter().map(|p| p.rule).collect()
    }

    #[test]
    fn a_complete_guide_passes() {
        assert_eq!(broken(&sample_item()), Vec::<&str>::new());
    }

    #[test]
    fn catch_all_material_is_named() {
        let mut item = sample_item();
        item.materials[0].name = "其他有关材料".into();
        let problems = lint_guide(&item);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].to_string().contains("不动产抵押权首次登记"));
        assert!(problems[0].rule.contains("兜底"));
    }

    #[test]
    fn form_fields_are_asked_once_and_never_take_a_built_in_key() {
        use crate::case::{FieldKey, FieldKind, FieldSpec};
        let field = |key: &str| FieldSpec {
            key: FieldKey::parse(key).unwrap(),
            label: "字段".into(),
            kind: FieldKind::Date,
            required: true,
            hint: None,
            prefill: None,
        };
        let mut item = sample_item();
        item.form = vec![field("property.cert_no"), field("loan.amount")];
        assert_eq!(broken(&item), Vec::<&str>::new());
        item.form.push(field("loan.amount"));
        assert_eq!(broken(&item), vec!["申请表字段不得重复"]);
        item.form.pop();
        item.form.push(field("material.m1"));
        assert_eq!(
            broken(&item),
            vec!["申请表字段不得使用系统保留的键（材料、领取方式、收件地址、申请说明）"]
        );
        item.form.pop();
        item.depth = OnlineDepth::Info;
        item.flags.online = false;
        assert_eq!(broken(&item), vec!["网办深度Ⅰ级（仅指南）的事项不设申请表"]);
    }

    #[test]
    fn promised_longer_than_legal_is_rejected() {
        let mut item = sample_item();
        item.promised_limit = WorkingDays(31);
        assert_eq!(broken(&item), vec!["承诺办结时限不得长于法定办结时限"]);
    }

    #[test]
    fn on_the_spot_must_be_on_the_spot_case() {
        let mut item = sample_item();
        item.promised_limit = WorkingDays(0);
        assert_eq!(
            broken(&item),
            vec!["承诺时限为即办（0 个工作日）的事项必须是即办件"]
        );
        item.case_type = CaseType::OnTheSpot;
        assert_eq!(broken(&item), Vec::<&str>::new());
        item.promised_limit = WorkingDays(3);
        assert_eq!(broken(&item), vec!["即办件的承诺时限必须为 0"]);
    }

    #[test]
    fn fee_without_basis_is_rejected() {
        let mut item = sample_item();
        item.fee.basis = Some("  ".into());
        assert_eq!(broken(&item), vec!["收费事项必须写明收费依据"]);
        item.fee.charged = false;
        assert_eq!(broken(&item), Vec::<&str>::new());
    }

    #[test]
    fn same_consult_and_supervise_phone_is_rejected() {
        let mut item = sample_item();
        item.supervise_phone = " 0371-12345".into();
        assert_eq!(broken(&item), vec!["咨询电话与监督电话不能是同一个号码"]);
    }

    #[test]
    fn fully_online_means_no_visit() {
        let mut item = sample_item();
        item.depth = OnlineDepth::FullyOnline;
        assert_eq!(broken(&item), vec!["网办深度Ⅳ级的事项到场次数必须为 0"]);
        item.visits = Visits {
            count: 0,
            reason: None,
        };
        assert_eq!(broken(&item), Vec::<&str>::new());
    }

    #[test]
    fn a_visit_needs_a_reason() {
        let mut item = sample_item();
        item.visits.reason = None;
        assert_eq!(broken(&item), vec!["到场次数不为 0 时必须说明到场原因"]);
    }

    #[test]
    fn limit_comparison_reads_like_the_guide() {
        let mut item = sample_item();
        assert_eq!(
            item.limit_comparison(),
            "承诺 5 个工作日，法定 30 个工作日，压缩 83%"
        );
        item.promised_limit = WorkingDays(30);
        assert_eq!(
            item.limit_comparison(),
            "承诺 30 个工作日，法定 30 个工作日"
        );
        item.promised_limit = WorkingDays(0);
        assert_eq!(item.limit_comparison(), "即办，法定 30 个工作日");
        item.legal_limit = WorkingDays(0);
        assert_eq!(item.limit_comparison(), "即办");
    }

    #[test]
    fn online_needs_at_least_pre_review_depth() {
        let mut item = sample_item();
        item.depth = OnlineDepth::Info;
        assert_eq!(broken(&item), vec!["标注可网办的事项网办深度至少为Ⅱ级"]);
        item.flags.online = false;
        assert_eq!(broken(&item), Vec::<&str>::new());
    }
}
