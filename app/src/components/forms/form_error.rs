use leptos::prelude::*;

/// The reason a form was refused, read out at once by screen readers (role="alert").
#[component]
pub fn FormError(error: Option<String>) -> impl IntoView {
    error.map(|text| {
        view! {
            <p class="form-error" role="alert">
                {text}
            </p>
        }
    })
}
