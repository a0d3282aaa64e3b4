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

/// The body limit of an upload request: twice a file's limit, so that a file somewhat over it
/// is still read far enough to be refused with a clear answer in place.
pub const UPLOAD_BODY_LIMIT: usize = 2 * domain::case::MAX_FILE_BYTES as usize;

async fn citizen(services: &Services, headers: &HeaderMap) -> Result<Option<i64>, Error> {
    match app::session::cookie_in(headers, app::session::CITIZEN_COOKIE) {
        Some(token) => services.accounts.current(&token).await,
        None => Ok(None),
    }
}

/// How to answer an upload: a browser's form post is sent back to its form step with what
/// happened in the query (so it works without JavaScript); any other client gets the HTTP
/// status that fits and `{"code", "message"}`.
#[derive(Clone)]
struct Reply {
    case_id: i64,
    step: u32,
    key: String,
    html: bool,
}

impl Reply {
    fn back(&self, outcome: &str) -> Response {
        let anchor = if self.key.is_empty() { "form" } else { "files" };
        Redirect::to(&format!(
            "/cases/{}/edit?step={}&{outcome}#{anchor}",
            self.case_id, self.step
        ))
        .into_response()
    }

    fn done(&self) -> Response {
        if self.html {
            return self.back(&format!("uploaded={}", url_safe(&self.key)));
        }
        StatusCode::CREATED.into_response()
    }

    fn problem(&self, p: UploadProblem) -> Response {
        if self.html {
            return self.back(&format!("upload={}&key={}", p.code(), url_safe(&self.key)));
        }
        let status = match p {
            UploadProblem::TooBig { .. } | UploadProblem::CaseFull { .. } => {
                StatusCode::PAYLOAD_TOO_LARGE
            }
            UploadProblem::NotAllowedType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            UploadProblem::TooMany { .. } => StatusCode::CONFLICT,
            UploadProblem::Empty | UploadProblem::Interrupted | UploadProblem::UnknownField => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
        };
        let body = serde_json::json!({
            "code": format!("upload.{}", p.code()),
            "message": app::i18n::upload_problem(p),
        });
        (status, axum::Json(body)).into_response()
    }

    fn stopped(&self, stop: Stop) -> Response {
        match stop {
            Stop::Problem(p) => self.problem(p),
            Stop::Failed(e) => failed(e),
        }
    }

    fn refused(&self, e: Error) -> Response {
        match e {
            Error::Invalid(Invalid::Upload(p)) => self.problem(p),
            // The edit page says the case can no longer be changed.
            Error::Refused(Refusal::CaseClosedForChanges) if self.html => Reply {
                key: String::new(),
                ..self.clone()
            }
            .back("closed=1"),
            Error::Refused(Refusal::CaseClosedForChanges) => StatusCode::CONFLICT.into_response(),
            Error::NotFound => not_found(),
            other => failed(other),
        }
    }
}

/// A form post from a page (rather than a script or another app's client).
fn wants_html(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"))
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
    let mut reply = Reply {
        case_id,
        step: 0,
        key: String::new(),
        html: wants_html(&headers),
    };
    loop {
        let field = match form.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => return reply.problem(UploadProblem::Empty),
            Err(_) => return reply.problem(UploadProblem::Interrupted),
        };
        match field.name() {
            Some("step") => {
                reply.step = field
                    .text()
                    .await
                    .ok()
                    .and_then(|t| t.parse().ok())
                    .unwrap_or(0);
            }
            Some("key") => reply.key = field.text().await.unwrap_or_default(),
            Some("file") => return receive(services, citizen_id, &reply, field).await,
            _ => {}
        }
    }
}

async fn receive(
    services: &Services,
    citizen_id: i64,
    reply: &Reply,
    mut field: axum::extract::multipart::Field<'_>,
) -> Response {
    let (case_id, key) = (reply.case_id, reply.key.as_str());
    // Refused before a byte is stored: someone else's case, one closed, a field not asked.
    if let Err(e) = services.cases.may_upload(citizen_id, case_id, key).await {
        return reply.refused(e);
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
                    return reply.stopped(stop);
                }
            }
            Ok(None) => break,
            // Cut off (a dropped connection, or over the body limit): nothing is kept.
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return reply.problem(UploadProblem::too_big());
            }
            Err(_) => return reply.problem(UploadProblem::Interrupted),
        }
    }
    let staged = match receiving.finish().await {
        Ok(staged) => staged,
        Err(stop) => return reply.stopped(stop),
    };
    match services
        .cases
        .attach(citizen_id, case_id, key, staged)
        .await
    {
        Ok(_) => reply.done(),
        Err(e) => reply.refused(e),
    }
}

fn url_safe(key: &str) -> String {
    key.chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_'))
        .collect()
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
    let reply = Reply {
        case_id,
        step,
        key: "files".to_owned(),
        html: true,
    };
    match services
        .cases
        .remove_file(citizen_id, case_id, file_id)
        .await
    {
        Ok(()) => reply.back("removed=1"),
        Err(e) => reply.refused(e),
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
