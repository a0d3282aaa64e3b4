use domain::case::{FieldSpec, FileKind, FileView};
use leptos::prelude::*;

/// "照片 · 1.2 MB": a file as listed, never by its original name.
pub fn file_text(file: &FileView) -> String {
    let kind = match file.kind {
        FileKind::Jpeg | FileKind::Png => "照片",
        FileKind::Pdf => "PDF 文件",
    };
    let size = file.size as f64 / (1024.0 * 1024.0);
    if size >= 0.1 {
        format!("{kind} · {size:.1} MB")
    } else {
        format!("{kind} · {} KB", file.size.div_ceil(1024))
    }
}

/// One material to upload on a form step: what is wanted, the files sent so far (each can be
/// opened or removed), and a form of its own that sends one file — with JavaScript or
/// without, answered by a redirect back here saying what happened.
#[component]
pub fn UploadField(
    case_id: i64,
    step: u32,
    field: FieldSpec,
    files: Vec<FileView>,
    /// Why the last file was not taken, or that one is still wanted (worded).
    error: Option<String>,
    just_uploaded: bool,
) -> impl IntoView {
    let key = field.key.as_str().to_owned();
    let id = format!("f-{}", key.replace('.', "-"));
    let box_id = format!("{id}-box");
    let mine: Vec<FileView> = files.into_iter().filter(|f| f.key == key).collect();
    let label = if field.required {
        format!("{}（必传）", field.label)
    } else {
        format!("{}（选传）", field.label)
    };
    view! {
        <div class="field upload" id=box_id>
            <p class="field__label">{label}</p>
            {error.map(|e| view! { <p class="field__error" role="alert">{e}</p> })}
            {just_uploaded.then(|| view! { <p class="upload__ok" role="status">"已上传。"</p> })}
            {field.hint.clone().map(|h| view! { <p class="field__hint">{h}</p> })}
            <ul class="upload__files">
                {mine.into_iter().map(|f| view! {
                    <li>
                        <a href=format!("/cases/{case_id}/files/{}", f.id) download="">{file_text(&f)}</a>
                        <form method="post" action=format!("/cases/{case_id}/files/{}/remove", f.id)>
                            <input type="hidden" name="step" value=step.to_string()/>
                            <button class="button button--plain button--small" type="submit">"删除"</button>
                        </form>
                    </li>
                }).collect_view()}
            </ul>
            <form class="upload__form" method="post" action=format!("/cases/{case_id}/files") enctype="multipart/form-data">
                <input type="hidden" name="step" value=step.to_string()/>
                <input type="hidden" name="key" value=key.clone()/>
                <label class="field__label" for=id.clone()>{format!("选择{}的照片或 PDF", field.label)}</label>
                <input class="field__input" id=id type="file" name="file" accept="image/jpeg,image/png,application/pdf" required/>
                <button class="button button--plain" type="submit">"上传"</button>
            </form>
        </div>
    }
}
