use domain::PostalAddress;
use domain::case::{FieldKind, FieldSpec};
use leptos::prelude::*;

/// One field of an application form, drawn from its spec: the value shown is what was typed
/// (or saved), and the field's own problem is said under its label.
#[component]
pub fn CaseField(
    field: FieldSpec,
    value: String,
    error: Option<String>,
    addresses: Vec<PostalAddress>,
) -> impl IntoView {
    let name = field.key.as_str().to_owned();
    let id = format!("f-{}", name.replace('.', "-"));
    let note_id = format!("{id}-note");
    let described = (field.hint.is_some() || error.is_some()).then(|| note_id.clone());
    let invalid = error.is_some().then_some("true");
    let notes = view! {
        {error.map(|e| view! { <p class="field__error" id=format!("{note_id}-error")>{e}</p> })}
        {field.hint.clone().map(|h| view! { <p class="field__hint" id=note_id.clone()>{h}</p> })}
    };
    let required = field.required;
    let input = |kind: &'static str, inputmode: Option<&'static str>, max: Option<u16>| {
        view! {
            <input class="field__input" id=id.clone() name=name.clone() type=kind value=value.clone()
                inputmode=inputmode maxlength=max required=required aria-invalid=invalid
                aria-describedby=described.clone()/>
        }
    };
    match field.kind {
        FieldKind::Choice { options } => view! {
            <fieldset class="field checks">
                <legend class="field__label">{field.label}</legend>
                {notes}
                {options.into_iter().map(|o| {
                    let checked = o.value == value;
                    view! {
                        <label class="check">
                            <input type="radio" name=name.clone() value=o.value checked=checked required=required/>
                            {o.label}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
        }
        .into_any(),
        FieldKind::Address => view! {
            <fieldset class="field checks">
                <legend class="field__label">{field.label}</legend>
                {notes}
                {addresses.is_empty().then(|| view! {
                    <p class="empty">"还没有收件地址。"<a href="/me/addresses">"添加收件地址"</a></p>
                })}
                {addresses.into_iter().map(|a| {
                    let checked = a.id.to_string() == value;
                    view! {
                        <label class="check">
                            <input type="radio" name=name.clone() value=a.id.to_string() checked=checked/>
                            {format!("{} {} {}", a.recipient_masked, a.region, a.detail)}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
        }
        .into_any(),
        kind => {
            let control = match kind {
                FieldKind::Text { max_chars } => input("text", None, Some(max_chars)),
                FieldKind::Number { .. } => input("text", Some("numeric"), Some(18)),
                FieldKind::Date | FieldKind::PastDate => input("date", None, None),
                FieldKind::IdNumber => input("text", Some("text"), Some(18)),
                FieldKind::Phone => input("tel", Some("tel"), Some(20)),
                _ => input("text", None, Some(60)),
            };
            view! {
                <div class="field">
                    <label class="field__label" for=id.clone()>{field.label}</label>
                    {control}
                    {notes}
                </div>
            }
            .into_any()
        }
    }
}
