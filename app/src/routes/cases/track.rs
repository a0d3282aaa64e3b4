use crate::api::{AppError, track_case};
use crate::components::cases::StateLine;
use crate::components::forms::{FormError, TextField};
use crate::components::layout::{Frame, Tab};
use crate::forms::{posted, typed};
use leptos::prelude::*;
use leptos_meta::Title;

/// `/track` (办件查询): a case's progress without signing in, by its number and the last 4
/// digits of the applicant's phone. Posted, so the number stays out of addresses and logs;
/// a wrong pair and an unknown number get one answer, and guesses are limited per address.
#[component]
pub fn TrackPage() -> impl IntoView {
    let page = Resource::new_blocking(
        || (),
        |_| async {
            match posted() {
                Some(f) => Some(track_case(f.get("number"), f.get("last4")).await),
                None => None,
            }
        },
    );
    view! {
        <Title text="办件查询"/>
        <Frame title="办件查询" back="/" tab=Tab::Progress>
            <Suspense>
                {move || Suspend::new(async move {
                    let found = page.await;
                    let error = match &found {
                        Some(Err(AppError::NotFound)) => {
                            Some("没有找到这个办件：请核对办件编号和手机号码后 4 位。".to_owned())
                        }
                        Some(Err(e)) => Some(e.to_string()),
                        _ => None,
                    };
                    let summary = found.and_then(Result::ok);
                    view! {
                        <section class="card">
                            <h1 class="card__title">"查询办件进度"</h1>
                            <p class="lead">"无需登录：输入办件编号和申请人手机号码的后 4 位。"</p>
                            <form class="form" method="post" action="/track#result">
                                <FormError error/>
                                <TextField label="办件编号" name="number" value=typed("number")
                                    inputmode="numeric" hint="15 位，见提交成功的短信或回执" maxlength=24 required=true/>
                                <TextField label="手机号码后 4 位" name="last4" value=typed("last4")
                                    inputmode="numeric" maxlength=4 required=true/>
                                <button class="button button--block" type="submit">"查询"</button>
                            </form>
                        </section>
                        {summary.map(|s| view! {
                            <section class="card" id="result" aria-live="polite">
                                <h2 class="card__title">{s.item_name.clone()}</h2>
                                <StateLine summary=s.clone()/>
                                <p class="hint">{format!("办件编号 {} · {}", super::number_text(&s.number), s.department_name)}</p>
                                <p class="hint">"登录后可在“进度”中查看完整办理记录。"</p>
                            </section>
                        })}
                    }
                })}
            </Suspense>
        </Frame>
    }
}
