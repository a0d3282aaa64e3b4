//! The texts a citizen gets when their case moves in a way they must know about. Worded here
//! because they leave without the app, like the booking texts.

use domain::case::CaseState;

/// The text for a 一件事 (`bundle`, of `items` items) just sent in.
pub fn bundle_sent(bundle: &str, items: usize) -> String {
    format!(
        "【办事】您的“{bundle}”已提交，共 {items} 个事项，将由各部门并联办理，可在“进度”中查看。"
    )
}

/// The text for a case of `item` (number `number`) that has just entered `state`, with the
/// reason given (`note`) where there is one; None when the citizen need not be told (they
/// moved it themselves, or it is a step inside the department).
pub fn on_state(
    state: CaseState,
    item: &str,
    number: &str,
    limit_days: u32,
    note: Option<&str>,
) -> Option<String> {
    let why = note.map(|n| format!("：{n}")).unwrap_or_default();
    let body = match state {
        CaseState::Submitted => format!(
            "【办事】您的“{item}”申请已提交，办件编号 {number}。受理后按承诺时限办理，可在“进度”中查看。"
        ),
        CaseState::NeedsSupplement => format!(
            "【办事】您的“{item}”申请（{number}）需要补正{why}。请在“进度”中补正后重新提交，补正期间暂停计时。"
        ),
        CaseState::Accepted => format!(
            "【办事】您的“{item}”申请（{number}）已受理，承诺 {limit_days} 个工作日内办结。"
        ),
        CaseState::NotAccepted => {
            format!("【办事】您的“{item}”申请（{number}）不予受理{why}。")
        }
        CaseState::Denied => format!("【办事】您的“{item}”申请（{number}）不予许可{why}。"),
        CaseState::Concluded => {
            format!("【办事】您的“{item}”申请（{number}）已办结，请按您选择的方式领取办理结果。")
        }
        _ => return None,
    };
    Some(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_citizen_is_told_what_they_must_know_only() {
        let text = |s| {
            on_state(
                s,
                "居住证申领",
                "202612034839207",
                5,
                Some("请补充租房合同"),
            )
        };
        assert!(text(CaseState::NeedsSupplement).is_some_and(|t| t.contains("请补充租房合同")));
        assert!(text(CaseState::Accepted).is_some_and(|t| t.contains("5 个工作日")));
        for quiet in [
            CaseState::UnderReview,
            CaseState::Approved,
            CaseState::Withdrawn,
        ] {
            assert_eq!(text(quiet), None, "{quiet:?}");
        }
    }
}
