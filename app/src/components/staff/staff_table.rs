use crate::api::Org;
use crate::i18n;
use domain::StaffMember;
use leptos::prelude::*;

/// Every staff account, one row each, linking to its edit page.
#[component]
pub fn StaffTable(all: Vec<StaffMember>, org: Org) -> impl IntoView {
    view! {
        <ul class="menu__list">
            {all.into_iter().map(|m| {
                let state = if !m.active {
                    Some(i18n::INACTIVE)
                } else if m.locked_until.is_some() {
                    Some(i18n::LOCKED)
                } else {
                    None
                };
                view! {
                    <li>
                        <a class="menu__item" href=format!("/staff/accounts/{}", m.id)>
                            <span>
                                {m.display_name}" "<span class="mono">{m.username}</span>" "
                                <span class="badge">{m.role.label()}</span>
                                {state.map(|s| view! { " "<span class="badge badge--warn">{s}</span> })}
                                <br/>
                                <span class="menu__meta">{org.department_names(&m.departments)}</span>
                            </span>
                        </a>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
