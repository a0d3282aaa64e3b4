//! A case's materials over HTTP: uploading (a multipart form that works without JavaScript,
//! answered by a redirect back to the form step), removing, and downloading. Plain handlers,
//! because a file is neither a page nor a server function's JSON; who asks is read from the
//! same session cookies as the pages.

use crate::AppState;
use axum::body::Body;
use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use backend::cases::uploads::{Receiving, Stop};
use backend::{Error, Services};
use domain::case::UploadProblem;
use domain::{Invalid, Refusal};

/// The body limit of an upload request: one file at the limit, plus the form's other fields.
pub const UPLOAD_BODY_LIMIT: usize = domain::case::MAX_FILE_BYTES as usize + 64 * 1024;

async fn citizen(services: &Services, headers: &HeaderMap) -> Result<Option<i64>, Error> {
    match app::session::cookie_in(headers, app::session::CITIZEN_COOKIE) {
        Some(token) => services.accounts.current(&token).await,
        None => Ok(None),
    }
}

/// Where the form step is, with what happened to show there.
fn back(case_id: i64, step: u32, key: &str, outcome: &str) -> Response {
    let anchor = if key.is_empty() { "form" } else { "files" };
    Redirect::to(&format!(
        "/cases/{case_id}/edit?step={step}&{outcome}#{anchor}"
    ))
    .into_response()
}

/// `POST /cases/{id}/files`: fields `step` and `key` first, then `file`.
pub async fn upload(
    State(state): State<AppState>,
    Path(case_id): Path<i64>,
    headers: HeaderMap,
    mut form: Multipart,
) -> Response {
    let services = &state.services;
    let citizen_id = match citizen(services, &headers).await {
        Ok(Some(id)) => id,
        Ok(None) => {
            let to = app::forms::sign_in_path(&format!("/cases/{case_id}/edit"));
            return Redirect::to(&to).into_response();
        }
        Err(e) => return failed(e),
    };
    let (mut step, mut key) = (0u32, String::new());
    loop {
        let field = match form.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => return back(case_id, step, &key, "upload=empty"),
            Err(_) => return back(case_id, step, &key, "upload=interrupted"),
        };
        match field.name() {
            Some("step") => {
                step = field
                    .text()
                    .await
                    .ok()
                    .and_then(|t| t.parse().ok())
                    .unwrap_or(0)
            }
            Some("key") => key = field.text().await.unwrap_or_default(),
            Some("file") => {
                return receive(services, citizen_id, case_id, step, &key, field).await;
            }
            _ => {}
        }
    }
}

async fn receive(
    services: &Services,
    citizen_id: i64,
    case_id: i64,
    step: u32,
    key: &str,
    mut field: axum::extract::multipart::Field<'_>,
) -> Response {
    // Refused before a byte is stored: someone else's case, one closed, a field not asked.
    if let Err(e) = services.cases.may_upload(citizen_id, case_id, key).await {
        return refused(case_id, step, key, e);
    }
    let blobs = services.cases.blobs();
    let mut receiving = match Receiving::begin(blobs.as_ref()).await {
        Ok(r) => r,
        Err(e) => return failed(e),
    };
    loop {
        match field.chunk().await {
            Ok(Some(chunk)) => {
                if let Err(stop) = receiving.push(&chunk).await {
                    return stopped(case_id, step, key, stop);
                }
            }
            Ok(None) => break,
            // Cut off (a dropped connection, or over the body limit): nothing is kept.
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return problem(case_id, step, key, UploadProblem::too_big());
            }
            Err(_) => return problem(case_id, step, key, UploadProblem::Interrupted),
        }
    }
    let staged = match receiving.finish().await {
        Ok(staged) => staged,
        Err(stop) => return stopped(case_id, step, key, stop),
    };
    match services
        .cases
        .attach(citizen_id, case_id, key, staged)
        .await
    {
        Ok(_) => back(case_id, step, key, &format!("uploaded={}", url_safe(key))),
        Err(e) => refused(case_id, step, key, e),
    }
}

fn url_safe(key: &str) -> String {
    key.chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_'))
        .collect()
}

fn problem(case_id: i64, step: u32, key: &str, p: UploadProblem) -> Response {
    back(
        case_id,
        step,
        key,
        &format!("upload={}&key={}", p.code(), url_safe(key)),
    )
}

fn stopped(case_id: i64, step: u32, key: &str, stop: Stop) -> Response {
    match stop {
        Stop::Problem(p) => problem(case_id, step, key, p),
        Stop::Failed(e) => failed(e),
    }
}

fn refused(case_id: i64, step: u32, key: &str, e: Error) -> Response {
    match e {
        Error::Invalid(Invalid::Upload(p)) => problem(case_id, step, key, p),
        // The edit page says the case can no longer be changed.
        Error::Refused(Refusal::CaseClosedForChanges) => back(case_id, step, "", "closed=1"),
        Error::NotFound => not_found(),
        other => failed(other),
    }
}

/// `POST /cases/{id}/files/{file}/remove` (field `step`).
pub async fn remove(
    State(state): State<AppState>,
    Path((case_id, file_id)): Path<(i64, i64)>,
    headers: HeaderMap,
    axum::Form(form): axum::Form<Vec<(String, String)>>,
) -> Response {
    let services = &state.services;
    let step = form
        .iter()
        .find(|(k, _)| k == "step")
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0u32);
    let citizen_id = match citizen(services, &headers).await {
        Ok(Some(id)) => id,
        Ok(None) => return not_found(),
        Err(e) => return failed(e),
    };
    match services
        .cases
        .remove_file(citizen_id, case_id, file_id)
        .await
    {
        Ok(()) => back(case_id, step, "files", "removed=1"),
        Err(e) => refused(case_id, step, "", e),
    }
}

/// `GET /cases/{id}/files/{file}`: the applicant's own file.
pub async fn download(
    State(state): State<AppState>,
    Path((case_id, file_id)): Path<(i64, i64)>,
    headers: HeaderMap,
) -> Response {
    let services = &state.services;
    let file = match citizen(services, &headers).await {
        Ok(Some(id)) => services.cases.my_file(id, case_id, file_id).await,
        Ok(None) => Err(Error::NotFound),
        Err(e) => Err(e),
    };
    send_file(file, case_id, file_id)
}

/// `GET /staff/cases/{id}/files/{file}`: for staff who may see the case.
pub async fn staff_download(
    State(state): State<AppState>,
    Path((case_id, file_id)): Path<(i64, i64)>,
    headers: HeaderMap,
) -> Response {
    let services = &state.services;
    let staff = match app::session::cookie_in(&headers, app::session::STAFF_COOKIE) {
        Some(token) => services.staff.current(&token).await,
        None => Ok(None),
    };
    let file = match staff {
        Ok(Some(member)) => services.cases.staff_file(&member, case_id, file_id).await,
        Ok(None) => Err(Error::NotFound),
        Err(e) => Err(e),
    };
    send_file(file, case_id, file_id)
}

/// Always a download (`attachment`), its type from its checked content, never sniffed, never
/// kept by a shared cache.
fn send_file(file: Result<backend::cases::FileOut, Error>, case_id: i64, file_id: i64) -> Response {
    let file = match file {
        Ok(file) => file,
        Err(Error::NotFound) => return not_found(),
        Err(e) => return failed(e),
    };
    let stream = tokio_util::io::ReaderStream::new(file.body);
    let mut response = Body::from_stream(stream).into_response();
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(file.kind.mime()),
    );
    h.insert(header::CONTENT_LENGTH, HeaderValue::from(file.size));
    if let Ok(v) = HeaderValue::from_str(&format!(
        "attachment; filename=\"banshi-{case_id}-{file_id}.{}\"",
        file.kind.extension()
    )) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    response
}

fn not_found() -> Response {
    (StatusCode::NOT_FOUND, "没有找到这个文件").into_response()
}

fn failed(e: Error) -> Response {
    tracing::error!(error = %e, "case file request failed");
    (
        StatusCode::SERVICE_UNAVAILABLE,
        "服务暂时不可用，请稍后重试",
    )
        .into_response()
}
