use domain::ServiceSummary;
use leptos::prelude::*;

/// Tiles of services, each a link to its guide: name first, then department and time limit.
#[component]
pub fn ServiceGrid(title: &'static str, services: Vec<ServiceSummary>) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="grid-title">
            <h2 id="grid-title" class="card__title">{title}</h2>
            <ul class="grid">
                {services
                    .into_iter()
                    .map(|s| {
                        let href = format!("/guide/{}", s.code);
                        let meta = format!("{} · {}", s.department, s.promised_limit);
                        view! {
                            <li class="grid__cell">
                                <a class="tile" href=href>
                                    <span class="tile__badge" aria-hidden="true">
                                        {s.department.chars().next().map(String::from).unwrap_or_default()}
                                    </span>
                                    <span class="tile__name">{s.name}</span>
                                    <span class="tile__meta">{meta}</span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
