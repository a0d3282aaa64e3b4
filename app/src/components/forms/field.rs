use leptos::prelude::*;

/// A labelled text input. `value` is what to show (what was typed, after an error).
#[component]
pub fn TextField(
    label: &'static str,
    name: &'static str,
    #[prop(into, optional)] value: String,
    /// `text`, `tel`, `password` …
    #[prop(default = "text")]
    kind: &'static str,
    /// The on-screen keyboard: `numeric`, `tel` …
    #[prop(optional)]
    inputmode: Option<&'static str>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] maxlength: Option<u32>,
    #[prop(optional)] required: bool,
    /// Takes the cursor on load (a desk's scanner field), no script needed.
    #[prop(optional)]
    autofocus: bool,
) -> impl IntoView {
    let id = format!("f-{name}");
    let hint_id = hint.map(|_| format!("{id}-hint"));
    view! {
        <div class="field">
            <label class="field__label" for=id.clone()>{label}</label>
            <input
                class="field__input"
                id=id
                name=name
                type=kind
                value=value
                inputmode=inputmode
                autocomplete=autocomplete
                maxlength=maxlength
                required=required
                autofocus=autofocus
                aria-describedby=hint_id.clone()
            />
            {hint.map(|text| view! { <p class="field__hint" id=hint_id>{text}</p> })}
        </div>
    }
}

/// A labelled choice from a short list; `selected` is the value chosen (or "" for none).
#[component]
pub fn SelectField(
    label: &'static str,
    name: &'static str,
    options: Vec<(String, String)>,
    #[prop(into, optional)] selected: String,
    /// The text of the empty first option; None offers no empty choice.
    #[prop(optional)]
    placeholder: Option<&'static str>,
) -> impl IntoView {
    let id = format!("f-{name}");
    view! {
        <div class="field">
            <label class="field__label" for=id.clone()>{label}</label>
            <select class="field__input" id=id name=name>
                {placeholder.map(|text| view! { <option value="">{text}</option> })}
                {options
                    .into_iter()
                    .map(|(value, text)| {
                        let chosen = value == selected;
                        view! { <option value=value selected=chosen>{text}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

#[component]
pub fn Hidden(name: &'static str, #[prop(into)] value: String) -> impl IntoView {
    view! { <input type="hidden" name=name value=value/> }
}
