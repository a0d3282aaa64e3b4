//! The case state machine. Every transition is a (state, action) pair allowed here and done
//! by an actor allowed here; the services record each as an event and refuse the rest.
//!
//! 草稿 → 已提交 → 已受理 | 需补正 | 不予受理; 需补正 → 已提交; 已受理 → 审查中 → 准予 | 不予;
//! 准予 → 已办结 → 已送达 / 已领取. An approver who finds a material wanting sends the case
//! back (审查中 → 需补正), and the resubmitted case is accepted again. The citizen may withdraw
//! before a decision. A 即办件 can be accepted and finished in one step at the window. An item
//! of a 一件事 bundle whose prerequisites are not finished is sent in as 等待前序事项 and
//! released (the system's move) once they are.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CaseState {
    /// 草稿: being filled in; only the applicant sees it.
    Draft,
    /// 已提交: waiting for a 受理 clerk.
    Submitted,
    /// 等待前序事项: a bundle item sent in, waiting for the items it needs to finish.
    Waiting,
    /// 已受理: accepted; the promised time limit runs.
    Accepted,
    /// 需补正: materials missing or wrong; the clock is paused until resubmission.
    NeedsSupplement,
    /// 不予受理: refused at acceptance, with a reason. Final.
    NotAccepted,
    /// 审查中: with an approver.
    UnderReview,
    /// 准予: approved; the result is being issued.
    Approved,
    /// 不予: refused after review, with a reason. Final.
    Denied,
    /// 已办结: the result is issued (a certificate, a document to post or collect).
    Concluded,
    /// 已送达: the result was posted and delivered. Final.
    Delivered,
    /// 已领取: the result was collected at the hall. Final.
    PickedUp,
    /// 已撤回: withdrawn by the applicant before a decision. Final.
    Withdrawn,
}

/// Who moves a case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Actor {
    /// The applicant (or whoever applied for a family member).
    Citizen,
    /// A 受理 clerk of the case's department or a 综合受理 window.
    Clerk,
    /// An 审批 approver of the case's department.
    Approver,
    /// The bundle itself: releasing an item whose prerequisites are finished.
    System,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CaseAction {
    Submit,
    Accept,
    AskSupplement,
    NotAccept,
    Resubmit,
    StartReview,
    /// An approver sends the case back for a supplement during review.
    ReturnForSupplement,
    Approve,
    Deny,
    /// Issue the result.
    Conclude,
    /// The post delivered it (the clerk records it, or the courier's notice).
    Deliver,
    /// Collected at the hall.
    PickUp,
    Withdraw,
    /// 即办: accept, approve and issue at once, at the window.
    FinishAtOnce,
    /// A bundle item's prerequisites are finished: it goes to its department.
    Release,
}

/// Why a transition was refused: the action does not apply in this state, or not by this
/// actor, or (即办) not for this case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Forbidden {
    NotNow {
        state: CaseState,
        action: CaseAction,
    },
    NotYours {
        actor: Actor,
        action: CaseAction,
    },
    NotImmediate,
}

impl CaseState {
    pub const ALL: [Self; 13] = [
        Self::Draft,
        Self::Submitted,
        Self::Waiting,
        Self::Accepted,
        Self::NeedsSupplement,
        Self::NotAccepted,
        Self::UnderReview,
        Self::Approved,
        Self::Denied,
        Self::Concluded,
        Self::Delivered,
        Self::PickedUp,
        Self::Withdrawn,
    ];

    /// The stored form; the one text mapping.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Submitted => "submitted",
            Self::Waiting => "waiting",
            Self::Accepted => "accepted",
            Self::NeedsSupplement => "needs_supplement",
            Self::NotAccepted => "not_accepted",
            Self::UnderReview => "under_review",
            Self::Approved => "approved",
            Self::Denied => "denied",
            Self::Concluded => "concluded",
            Self::Delivered => "delivered",
            Self::PickedUp => "picked_up",
            Self::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// Nothing more happens to the case.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            Self::NotAccepted | Self::Denied | Self::Delivered | Self::PickedUp | Self::Withdrawn
        )
    }

    /// A decision was made (or the case left before one): the time limit no longer runs.
    pub fn is_decided(self) -> bool {
        matches!(
            self,
            Self::NotAccepted
                | Self::Approved
                | Self::Denied
                | Self::Concluded
                | Self::Delivered
                | Self::PickedUp
                | Self::Withdrawn
        )
    }

    /// The result is issued (and perhaps delivered): what a bundle's next items wait for.
    pub fn is_finished(self) -> bool {
        matches!(self, Self::Concluded | Self::Delivered | Self::PickedUp)
    }

    /// Waiting on the citizen (a supplement), or a draft not yet sent.
    pub fn awaits_citizen(self) -> bool {
        matches!(self, Self::Draft | Self::NeedsSupplement)
    }
}

impl CaseAction {
    pub const ALL: [Self; 15] = [
        Self::Submit,
        Self::Accept,
        Self::AskSupplement,
        Self::NotAccept,
        Self::Resubmit,
        Self::StartReview,
        Self::ReturnForSupplement,
        Self::Approve,
        Self::Deny,
        Self::Conclude,
        Self::Deliver,
        Self::PickUp,
        Self::Withdraw,
        Self::FinishAtOnce,
        Self::Release,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Submit => "submit",
            Self::Accept => "accept",
            Self::AskSupplement => "ask_supplement",
            Self::NotAccept => "not_accept",
            Self::Resubmit => "resubmit",
            Self::StartReview => "start_review",
            Self::ReturnForSupplement => "return_for_supplement",
            Self::Approve => "approve",
            Self::Deny => "deny",
            Self::Conclude => "conclude",
            Self::Deliver => "deliver",
            Self::PickUp => "pick_up",
            Self::Withdraw => "withdraw",
            Self::FinishAtOnce => "finish_at_once",
            Self::Release => "release",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == text)
    }

    /// Who may take this action.
    pub fn actor(self) -> Actor {
        match self {
            Self::Submit | Self::Resubmit | Self::Withdraw => Actor::Citizen,
            Self::Release => Actor::System,
            Self::StartReview | Self::ReturnForSupplement | Self::Approve | Self::Deny => {
                Actor::Approver
            }
            Self::Accept
            | Self::AskSupplement
            | Self::NotAccept
            | Self::Conclude
            | Self::Deliver
            | Self::PickUp
            | Self::FinishAtOnce => Actor::Clerk,
        }
    }
}

/// The state after `action` by `actor` on a case in `state`; `immediate` says the 事项 is a
/// 即办件 (its promised limit is 0 working days), the only kind finished in one step.
pub fn next(
    state: CaseState,
    action: CaseAction,
    actor: Actor,
    immediate: bool,
) -> Result<CaseState, Forbidden> {
    use CaseAction as A;
    use CaseState as S;
    if action.actor() != actor {
        return Err(Forbidden::NotYours { actor, action });
    }
    let to = match (state, action) {
        (S::Draft, A::Submit) | (S::NeedsSupplement, A::Resubmit) => S::Submitted,
        (S::Submitted, A::Accept) => S::Accepted,
        (S::Submitted, A::AskSupplement) => S::NeedsSupplement,
        (S::Submitted, A::NotAccept) => S::NotAccepted,
        (S::Submitted, A::FinishAtOnce) if immediate => S::Concluded,
        (S::Submitted, A::FinishAtOnce) => return Err(Forbidden::NotImmediate),
        (S::Accepted, A::StartReview) => S::UnderReview,
        (S::UnderReview, A::ReturnForSupplement) => S::NeedsSupplement,
        (S::UnderReview, A::Approve) => S::Approved,
        (S::UnderReview, A::Deny) => S::Denied,
        (S::Approved, A::Conclude) => S::Concluded,
        (S::Concluded, A::Deliver) => S::Delivered,
        (S::Concluded, A::PickUp) => S::PickedUp,
        (S::Waiting, A::Release) => S::Submitted,
        (
            S::Submitted | S::Waiting | S::Accepted | S::NeedsSupplement | S::UnderReview,
            A::Withdraw,
        ) => S::Withdrawn,
        _ => return Err(Forbidden::NotNow { state, action }),
    };
    Ok(to)
}

#[cfg(test)]
mod tests {
    use super::*;
    use CaseAction as A;
    use CaseState as S;
    use proptest::prelude::*;

    fn by_right(state: S, action: A) -> Result<S, Forbidden> {
        next(state, action, action.actor(), false)
    }

    #[test]
    fn the_main_road_and_its_turnings() {
        let road = [
            (S::Draft, A::Submit, S::Submitted),
            (S::Submitted, A::AskSupplement, S::NeedsSupplement),
            (S::NeedsSupplement, A::Resubmit, S::Submitted),
            (S::Submitted, A::Accept, S::Accepted),
            (S::Accepted, A::StartReview, S::UnderReview),
            (S::UnderReview, A::Approve, S::Approved),
            (S::Approved, A::Conclude, S::Concluded),
            (S::Concluded, A::Deliver, S::Delivered),
        ];
        for (from, action, to) in road {
            assert_eq!(by_right(from, action), Ok(to), "{from:?} {action:?}");
        }
        assert_eq!(by_right(S::Concluded, A::PickUp), Ok(S::PickedUp));
        assert_eq!(by_right(S::Submitted, A::NotAccept), Ok(S::NotAccepted));
        assert_eq!(by_right(S::UnderReview, A::Deny), Ok(S::Denied));
    }

    #[test]
    fn every_allowed_pair_and_no_other() {
        let allowed: Vec<(S, A)> = S::ALL
            .into_iter()
            .flat_map(|s| A::ALL.into_iter().map(move |a| (s, a)))
            .filter(|&(s, a)| next(s, a, a.actor(), true).is_ok())
            .collect();
        let expected = [
            (S::Draft, A::Submit),
            (S::Submitted, A::Accept),
            (S::Submitted, A::AskSupplement),
            (S::Submitted, A::NotAccept),
            (S::Submitted, A::Withdraw),
            (S::Submitted, A::FinishAtOnce),
            (S::Waiting, A::Withdraw),
            (S::Waiting, A::Release),
            (S::Accepted, A::StartReview),
            (S::Accepted, A::Withdraw),
            (S::NeedsSupplement, A::Resubmit),
            (S::NeedsSupplement, A::Withdraw),
            (S::UnderReview, A::ReturnForSupplement),
            (S::UnderReview, A::Approve),
            (S::UnderReview, A::Deny),
            (S::UnderReview, A::Withdraw),
            (S::Approved, A::Conclude),
            (S::Concluded, A::Deliver),
            (S::Concluded, A::PickUp),
        ];
        assert_eq!(allowed, expected);
    }

    #[test]
    fn only_the_right_actor_moves_a_case() {
        assert_eq!(
            next(S::Submitted, A::Accept, Actor::Citizen, false),
            Err(Forbidden::NotYours {
                actor: Actor::Citizen,
                action: A::Accept
            })
        );
        assert!(next(S::UnderReview, A::Approve, Actor::Clerk, false).is_err());
        assert!(next(S::Submitted, A::Withdraw, Actor::Clerk, false).is_err());
    }

    #[test]
    fn only_an_immediate_case_finishes_at_once() {
        assert_eq!(
            next(S::Submitted, A::FinishAtOnce, Actor::Clerk, false),
            Err(Forbidden::NotImmediate)
        );
        assert_eq!(
            next(S::Submitted, A::FinishAtOnce, Actor::Clerk, true),
            Ok(S::Concluded)
        );
    }

    #[test]
    fn states_and_actions_round_trip_their_stored_text() {
        for s in S::ALL {
            assert_eq!(S::parse(s.as_str()), Some(s));
        }
        for a in A::ALL {
            assert_eq!(A::parse(a.as_str()), Some(a));
        }
        assert_eq!(S::parse("done"), None);
    }

    proptest! {
        /// Any sequence of attempts by anyone: a final state never moves again, a decided
        /// case is never withdrawn or undecided, and the case only leaves 草稿 by submitting.
        #[test]
        fn any_sequence_keeps_the_invariants(
            attempts in prop::collection::vec((0..15_usize, 0..4_usize, any::<bool>()), 0..40)
        ) {
            let actors = [Actor::Citizen, Actor::Clerk, Actor::Approver, Actor::System];
            let mut state = S::Draft;
            let mut decided = false;
            for (a, who, immediate) in attempts {
                let action = A::ALL[a];
                let Ok(to) = next(state, action, actors[who], immediate) else {
                    continue;
                };
                prop_assert!(!state.is_final(), "{state:?} is final");
                prop_assert_eq!(actors[who], action.actor());
                if state == S::Draft {
                    prop_assert_eq!(action, A::Submit);
                }
                if decided {
                    prop_assert!(to.is_decided(), "{state:?} -> {to:?} undecided");
                    prop_assert_ne!(to, S::Withdrawn);
                }
                prop_assert_ne!(to, S::Draft);
                decided |= to.is_decided();
                state = to;
            }
        }
    }
}
