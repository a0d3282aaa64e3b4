use crate::api::Org;
use crate::components::forms::{SelectField, TextField};
use crate::forms::posted;
use crate::i18n;
use domain::{StaffMember, StaffRole};
use leptos::prelude::*;

/// Name, role, hall, departments and 启用, filled from what was posted (`keep`, after an
/// error), else from the account being edited, else empty.
#[component]
pub fn StaffFields(
    org: Org,
    keep: bool,
    #[prop(optional)] current: Option<StaffMember>,
) -> impl IntoView {
    let posted = posted().filter(|_| keep);
    let (name, role, hall, departments, active) = match (&posted, &current) {
        (Some(f), _) => (
            f.get("display_name"),
            f.get("role"),
            f.get("hall_code"),
            f.all("departments"),
            f.get("active") == "on",
        ),
        (None, Some(m)) => (
            m.display_name.clone(),
            m.role.as_str().to_owned(),
            m.hall_code.clone().unwrap_or_default(),
            m.departments.clone(),
            m.active,
        ),
        (None, None) => (
            String::new(),
            String::new(),
            String::new(),
            Vec::new(),
            true,
        ),
    };
    let roles = StaffRole::ALL
        .iter()
        .map(|r| (r.as_str().to_owned(), r.label().to_owned()))
        .collect::<Vec<_>>();
    view! {
        <TextField label=i18n::NAME name="display_name" value=name maxlength=30 required=true/>
        <SelectField label=i18n::ROLE name="role" options=roles selected=role placeholder=i18n::CHOOSE/>
        <SelectField label=i18n::HALL name="hall_code" options=org.halls selected=hall placeholder=i18n::NO_HALL/>
        <fieldset class="field checks">
            <legend class="field__label">{i18n::DEPARTMENTS}</legend>
            {org.departments.into_iter().map(|(code, label)| {
                let checked = departments.contains(&code);
                view! {
                    <label class="check">
                        <input type="checkbox" name="departments" value=code checked=checked/>
                        {label}
                    </label>
                }
            }).collect_view()}
        </fieldset>
        <label class="check">
            <input type="checkbox" name="active" checked=active/>
            {i18n::ACTIVE}
        </label>
    }
}
