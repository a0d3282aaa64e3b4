use super::sign_in_first;
use crate::api::{AppError, add_family_member, load_family, load_me};
use crate::components::forms::{FormError, Hidden, SelectField, TextField};
use crate::components::layout::{Frame, Tab};
use crate::forms::{handle, typed};
use crate::i18n;
use crate::routes::ErrorNotice;
use domain::{FamilyMember, Relation};
use leptos::prelude::*;
use leptos_meta::Title;

/// `/me/family` (家庭成员): the citizen's members, and a form to add one.
#[component]
pub fn FamilyPage() -> impl IntoView {
    let page = Resource::new_blocking(
        || (),
        |_| async {
            let done = handle(|f| async move {
                let (name, relation) = (f.get("name"), f.get("relation"));
                add_family_member(name, relation, f.get("id_number"), f.get("request_key")).await?;
                // An explicit fragment: the browser would otherwise keep "#add".
                Ok::<_, AppError>("/me/family#members".to_owned())
            })
            .await;
            let loaded = async {
                let me = load_me().await?.ok_or(AppError::SignInRequired)?;
                Ok::<_, AppError>((me.verified, load_family().await?))
            }
            .await;
            sign_in_first(&loaded, "/me/family");
            loaded.map(|(verified, members)| (verified, members, done.error, done.key))
        },
    );
    view! {
        <Title text=i18n::FAMILY/>
        <Frame title=i18n::FAMILY back="/me" tab=Tab::Me>
            <Suspense>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok((verified, members, error, key)) => view! {
                            <section class="card" id="members">
                                <h1 class="card__title">{i18n::FAMILY}</h1>
                                <p class="lead">{i18n::FAMILY_LEAD}</p>
                                <MemberList members/>
                            </section>
                            {if verified {
                                view! { <AddMember error key/> }.into_any()
                            } else {
                                view! {
                                    <section class="card card--notice">
                                        <p>{i18n::FAMILY_NEEDS_VERIFY}</p>
                                        <a class="button" href="/me/verify?next=/me/family">{i18n::VERIFY_GO}</a>
                                    </section>
                                }.into_any()
                            }}
                        }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
        </Frame>
    }
}

#[component]
fn MemberList(members: Vec<FamilyMember>) -> impl IntoView {
    if members.is_empty() {
        return view! { <p class="empty">{i18n::FAMILY_EMPTY}</p> }.into_any();
    }
    view! {
        <ul class="menu__list">
            {members.into_iter().map(|m| view! {
                <li>
                    <a class="menu__item" href=format!("/me/family/{}", m.id)>
                        <span>
                            {m.name_masked}" "<span class="badge">{m.relation.label()}</span>
                            <br/>
                            <span class="mono">{m.id_masked.unwrap_or_else(|| i18n::NO_ID_YET.to_owned())}</span>
                        </span>
                    </a>
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn AddMember(error: Option<String>, key: String) -> impl IntoView {
    let relations = Relation::ALL
        .iter()
        .map(|r| (r.as_str().to_owned(), r.label().to_owned()))
        .collect::<Vec<_>>();
    view! {
        <section class="card" id="add">
            <h2 class="card__title">{i18n::FAMILY_ADD}</h2>
            // "#add": after a refused post the page opens at the form and its error.
            <form class="form" method="post" action="/me/family#add">
                <FormError error/>
                <Hidden name="request_key" value=key/>
                <SelectField label=i18n::RELATION name="relation" options=relations
                    selected=typed("relation") placeholder=i18n::CHOOSE/>
                <TextField label=i18n::NAME name="name" value=typed("name") hint=i18n::NAME_HINT
                    maxlength=30 required=true/>
                <TextField label=i18n::ID_NUMBER name="id_number" value=typed("id_number")
                    autocomplete="off" hint=i18n::MEMBER_ID_HINT maxlength=24/>
                <button class="button button--block" type="submit">{i18n::FAMILY_ADD}</button>
            </form>
        </section>
    }
}
