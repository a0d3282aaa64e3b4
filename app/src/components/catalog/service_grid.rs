use crate::components::layout::with_from;
use domain::ServiceSummary;
use leptos::prelude::*;

/// Tiles of services, each a link to its guide: name first, then department and time limit.
/// The guide's back arrow returns to the page the grid is on.
#[component]
pub fn ServiceGrid(title: &'static str, services: Vec<ServiceSummary>) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="grid-title">
            <h2 id="grid-title" class="card__title">{title}</h2>
            <ul class="grid">
                {services
                    .into_iter()
                    .map(|s| {
                        let href = with_from(&format!("/guide/{}", s.code));
                        let meta = format!("{} · {}", s.department, s.promised_limit);
                        view! {
                            <li class="grid__cell">
                                <a class="tile" href=href>
                                    <span class="tile__badge" aria-hidden="true">
                                        {badge(&s.department)}
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

/// One character standing for a department on its tiles. Mostly the first of its short name;
/// where two departments share that (公安, 公积金) each gets the character people know it by.
pub fn badge(department: &str) -> String {
    match department {
        "公安" | "公安户籍" => "警".to_owned(),
        "公积金" => "金".to_owned(),
        "人社" => "人".to_owned(),
        other => other.chars().next().map(String::from).unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::badge;

    #[test]
    fn every_department_gets_its_own_badge() {
        let departments = [
            "不动产",
            "税务",
            "房产",
            "社保",
            "医保",
            "公安",
            "公积金",
            "民政",
            "卫健",
            "市场监管",
            "教育",
            "人社",
        ];
        let mut badges: Vec<String> = departments.iter().map(|d| badge(d)).collect();
        assert_eq!(badge("公安"), "警");
        assert_eq!(badge("公积金"), "金");
        badges.sort();
        badges.dedup();
        assert_eq!(badges.len(), departments.len(), "{badges:?}");
    }
}
