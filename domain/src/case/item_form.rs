//! The application form of a 事项. Facts the account holds (the applicant's and the family
//! member's name, ID number, phone) are never fields: the case refers to the account and the
//! member, and pages show them masked. What is asked: the item's own fields (from the seed,
//! by the shared key vocabulary), then how the result comes (pickup, or free post where the
//! 事项 allows it, to one of the citizen's saved addresses). Materials the applicant provides
//! are uploads, one field each (`material.m1`… by their place in the guide); those a
//! department issues are fetched by the department (免提交) and not asked for.

use super::{ChoiceOption, FieldKey, FieldKind, FieldSpec, FormSpec, FormStep};
use crate::{MaterialSource, ServiceItem};

pub const DELIVERY: &str = "delivery.method";
pub const ADDRESS: &str = "address.postal";
pub const REASON: &str = "application.reason";

fn key(raw: &str) -> FieldKey {
    // The keys here are constants of this file; a test parses each.
    FieldKey::parse(raw).unwrap_or_else(|| unreachable!("bad built-in key {raw}"))
}

/// The upload field of the guide's `index`-th material.
pub fn material_key(index: usize) -> String {
    format!("material.m{}", index + 1)
}

pub fn form_for(item: &ServiceItem) -> FormSpec {
    let mut delivery = vec![ChoiceOption {
        value: "pickup".into(),
        label: "到大厅窗口领取".into(),
    }];
    if item.flags.postal {
        delivery.push(ChoiceOption {
            value: "post".into(),
            label: "免费邮寄到家".into(),
        });
    }
    // The item's own fields (from the seed) first, then what the applicant wants to add.
    let mut first: Vec<FieldSpec> = item.form.clone();
    first.push(FieldSpec {
        key: key(REASON),
        label: "申请说明".into(),
        kind: FieldKind::Text { max_chars: 200 },
        required: false,
        hint: Some("需要向工作人员说明的情况，可不填".into()),
        prefill: None,
    });
    let mut steps = vec![FormStep {
        title: "申请事项".into(),
        fields: first,
    }];
    let uploads: Vec<FieldSpec> = item
        .materials
        .iter()
        .enumerate()
        .filter(|(_, m)| m.source != MaterialSource::Government)
        .map(|(i, m)| FieldSpec {
            key: key(&material_key(i)),
            label: m.name.clone(),
            kind: FieldKind::File,
            required: m.required,
            hint: (!m.note.is_empty()).then(|| m.note.clone()),
            prefill: None,
        })
        .collect();
    if !uploads.is_empty() {
        steps.push(FormStep {
            title: "上传材料".into(),
            fields: uploads,
        });
    }
    steps.push(FormStep {
        title: "领取方式".into(),
        fields: vec![
            FieldSpec {
                key: key(DELIVERY),
                label: "办理结果如何领取".into(),
                kind: FieldKind::Choice { options: delivery },
                required: true,
                hint: None,
                prefill: None,
            },
            FieldSpec {
                key: key(ADDRESS),
                label: "收件地址".into(),
                kind: FieldKind::Address,
                required: false,
                hint: Some("选择邮寄时必填，可在“我的 · 收件地址”中添加".into()),
                prefill: None,
            },
        ],
    });
    FormSpec { steps }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_keys_parse_and_are_asked_once() {
        for k in [DELIVERY, ADDRESS, REASON] {
            assert!(FieldKey::parse(k).is_some(), "{k}");
        }
        for i in [0, 9, 99] {
            assert!(FieldKey::parse(&material_key(i)).is_some());
        }
    }
}
