//! Which staff member may do what, and where: the one rule behind every staff page, server
//! function and service. The app asks it before loading anything (is this a thing their
//! role does at all?); a service asks it again with the record's own hall and department
//! (is this record within their reach?).

use crate::StaffMember;
use crate::StaffRole;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StaffAction {
    /// See the hall's bookings and queue numbers today.
    SeeDesk,
    /// Check a booking in, give a walk-in a number, finish a number.
    ServeAtDesk,
    /// Create and edit staff accounts.
    ManageStaff,
    /// Edit the holiday calendar and close a hall's day.
    ManageCalendar,
    /// Read the searches that found nothing.
    ReadSearchMisses,
    /// 受理 work on a department's cases: accept, ask for a supplement, refuse, issue.
    HandleCases,
    /// 审批 work on a department's cases: review, approve, deny, send back.
    DecideCases,
}

/// Where the record acted on belongs. `ANY` asks about the role alone.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Reach<'a> {
    pub hall: Option<&'a str>,
    pub department: Option<&'a str>,
}

impl<'a> Reach<'a> {
    pub const ANY: Reach<'static> = Reach {
        hall: None,
        department: None,
    };

    /// A record of a department, wherever it is handled (a case).
    pub fn department(department: &'a str) -> Self {
        Self {
            hall: None,
            department: Some(department),
        }
    }

    pub fn at(hall: &'a str, department: &'a str) -> Self {
        Self {
            hall: Some(hall),
            department: Some(department),
        }
    }
}

/// May `staff` do `action` on a record within `reach`?
///
/// Desk work is for 受理 and 审批 clerks (and admins) of a hall, on that hall's records of
/// their own departments (admins and 综合受理 windows: every department of their hall).
/// Administration is for admins. 帮办 staff have no desk or admin rights. A deactivated
/// account may do nothing.
pub fn may(staff: &StaffMember, action: StaffAction, reach: &Reach) -> bool {
    if !staff.active {
        return false;
    }
    let admin = staff.role == StaffRole::Admin;
    let every_department = admin || staff.role == StaffRole::GeneralClerk;
    let own_department = |d: &str| staff.departments.iter().any(|own| own == d);
    match action {
        StaffAction::SeeDesk | StaffAction::ServeAtDesk => {
            let role_ok = admin || staff.role.takes_in() || staff.role == StaffRole::Approver;
            let Some(own_hall) = staff.hall_code.as_deref() else {
                return false;
            };
            let hall_ok = reach.hall.is_none_or(|hall| hall == own_hall);
            let department_ok = every_department || reach.department.is_none_or(own_department);
            role_ok && hall_ok && department_ok
        }
        StaffAction::ManageStaff | StaffAction::ManageCalendar | StaffAction::ReadSearchMisses => {
            admin
        }
        // Cases are a department's, wherever the clerk sits; a 综合受理 window takes in
        // every department's. Admins run the system, they do not decide cases.
        StaffAction::HandleCases => {
            (staff.role == StaffRole::Clerk && reach.department.is_none_or(own_department))
                || staff.role == StaffRole::GeneralClerk
        }
        StaffAction::DecideCases => {
            staff.role == StaffRole::Approver && reach.department.is_none_or(own_department)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn staff(role: StaffRole, hall: Option<&str>, departments: &[&str]) -> StaffMember {
        StaffMember {
            id: 1,
            username: "wangli".into(),
            display_name: "王力".into(),
            role,
            hall_code: hall.map(str::to_owned),
            departments: departments.iter().map(|d| (*d).to_owned()).collect(),
            active: true,
            locked_until: None,
        }
    }

    #[test]
    fn a_general_window_takes_in_every_department_but_decides_nothing() {
        let window = staff(StaffRole::GeneralClerk, Some("zz"), &[]);
        for d in ["bdc", "ga", "sw"] {
            assert!(may(
                &window,
                StaffAction::HandleCases,
                &Reach::department(d)
            ));
            assert!(!may(
                &window,
                StaffAction::DecideCases,
                &Reach::department(d)
            ));
            assert!(may(&window, StaffAction::ServeAtDesk, &Reach::at("zz", d)));
            assert!(!may(
                &window,
                StaffAction::ServeAtDesk,
                &Reach::at("other", d)
            ));
        }
        assert!(!may(&window, StaffAction::ManageStaff, &Reach::ANY));
    }

    #[test]
    fn a_clerk_serves_only_their_hall_and_departments() {
        let clerk = staff(StaffRole::Clerk, Some("zz"), &["bdc", "sw"]);
        assert!(may(&clerk, StaffAction::ServeAtDesk, &Reach::ANY));
        assert!(may(
            &clerk,
            StaffAction::ServeAtDesk,
            &Reach::at("zz", "bdc")
        ));
        assert!(
            !may(&clerk, StaffAction::ServeAtDesk, &Reach::at("zz", "gjj")),
            "another department"
        );
        assert!(
            !may(&clerk, StaffAction::ServeAtDesk, &Reach::at("ly", "bdc")),
            "another hall"
        );
        assert!(!may(&clerk, StaffAction::ManageStaff, &Reach::ANY));
        assert!(!may(&clerk, StaffAction::ManageCalendar, &Reach::ANY));
    }

    #[test]
    fn desk_work_needs_a_hall_and_a_desk_role() {
        let roaming = staff(StaffRole::Approver, None, &["bdc"]);
        assert!(!may(&roaming, StaffAction::SeeDesk, &Reach::ANY));
        let helper = staff(StaffRole::Assistant, Some("zz"), &["bdc"]);
        assert!(!may(
            &helper,
            StaffAction::ServeAtDesk,
            &Reach::at("zz", "bdc")
        ));
        let admin = staff(StaffRole::Admin, Some("zz"), &[]);
        assert!(may(
            &admin,
            StaffAction::ServeAtDesk,
            &Reach::at("zz", "gjj")
        ));
        assert!(!may(
            &admin,
            StaffAction::ServeAtDesk,
            &Reach::at("ly", "gjj")
        ));
        assert!(may(&admin, StaffAction::ManageStaff, &Reach::ANY));
    }

    fn any_role() -> impl Strategy<Value = StaffRole> {
        prop::sample::select(StaffRole::ALL.to_vec())
    }

    fn any_action() -> impl Strategy<Value = StaffAction> {
        prop::sample::select(vec![
            StaffAction::SeeDesk,
            StaffAction::ServeAtDesk,
            StaffAction::ManageStaff,
            StaffAction::ManageCalendar,
            StaffAction::ReadSearchMisses,
        ])
    }

    proptest! {
        /// Whatever the role and action, a deactivated account may do nothing, and a record
        /// is never more reachable than the role alone allows.
        #[test]
        fn narrower_never_grants_more(
            role in any_role(),
            action in any_action(),
            hall in prop::sample::select(vec!["zz", "ly"]),
            department in prop::sample::select(vec!["bdc", "sw", "gjj"]),
            active in any::<bool>(),
        ) {
            let mut s = staff(role, Some("zz"), &["bdc", "sw"]);
            s.active = active;
            let on_record = may(&s, action, &Reach::at(hall, department));
            if on_record {
                prop_assert!(may(&s, action, &Reach::ANY));
            }
            if !active {
                prop_assert!(!may(&s, action, &Reach::ANY));
            }
        }
    }
}
