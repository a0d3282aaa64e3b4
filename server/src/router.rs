use crate::AppState;
use crate::forms;
use crate::health::{healthz, readyz};
use crate::layers;
use crate::{booking_gate, calendar_file, dev_clock, uploads};
use app::{App, shell};
use axum::Router;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use leptos::prelude::provide_context;
use leptos_axum::{
    AxumRouteListing, LeptosRoutes, file_and_error_handler_with_context, generate_route_list,
};
use std::path::Path;
use std::sync::OnceLock;
use std::time::Duration;

/// The whole HTTP surface: health probes, Leptos pages and server functions, hashed assets
/// under `/pkg`, other files from the site root, and the app's 404 for everything else.
pub fn router(state: AppState) -> Router {
    let context = page_context(&state);
    let options = state.leptos_options.clone();
    let pkg_dir = Path::new(&*options.site_root).join(&*options.site_pkg_dir);
    let timeout = Duration::from_secs(state.config.request_timeout_secs);
    let client_ip_header = state.config.client_ip_header.clone();
    let dev_tools = state.config.dev_tools;
    let routes: Vec<_> = route_list()
        .into_iter()
        .filter(|route| dev_tools || !is_dev_path(route.path()))
        .collect();

    let mut app = Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/me/bookings/{code}/ics", get(calendar_file::booking_ics))
        .route("/cases/{id}/files/{file}", get(uploads::download))
        .route("/cases/{id}/files/{file}/remove", post(uploads::remove))
        .route(
            "/staff/cases/{id}/files/{file}",
            get(uploads::staff_download),
        )
        .leptos_routes_with_context(&state, routes, context.clone(), {
            let options = options.clone();
            move || shell(options.clone())
        });
    if state.dev_clock.is_some() {
        app = app.route("/dev/clock", post(dev_clock::advance));
    }
    for path in app::FORM_PAGES {
        app = app.route(path, post(forms::form_page));
    }
    let app = app
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            booking_gate::booking_gate,
        ))
        .nest_service("/pkg", layers::pkg_assets(&pkg_dir, options.hash_files))
        .fallback(file_and_error_handler_with_context::<AppState, _>(
            context, shell,
        ))
        .with_state(state.clone());
    let app = layers::bounded(app, layers::BODY_LIMIT, timeout);
    // A phone on a slow network may take minutes over a large photo.
    let uploads = Router::new()
        .route("/cases/{id}/files", post(uploads::upload))
        .layer(axum::extract::DefaultBodyLimit::max(
            uploads::UPLOAD_BODY_LIMIT,
        ))
        .with_state(state);
    let mut app = app.merge(layers::bounded(
        uploads,
        uploads::UPLOAD_BODY_LIMIT,
        UPLOAD_TIMEOUT,
    ));
    if !dev_tools {
        // Not routed, and kept from the fallback too (which would render the page).
        app = app.layer(axum::middleware::from_fn(refuse_dev_paths));
    }
    layers::apply(app, client_ip_header)
}

/// How long an upload may take: 10 MB at 256 kbit/s, with room to spare.
const UPLOAD_TIMEOUT: Duration = Duration::from_secs(600);

/// Development pages and their server function (`/dev/…`, `/api/dev-…`).
fn is_dev_path(path: &str) -> bool {
    path.starts_with("/dev/") || path.starts_with("/api/dev-")
}

async fn refuse_dev_paths(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    if is_dev_path(request.uri().path()) {
        return axum::http::StatusCode::NOT_FOUND.into_response();
    }
    next.run(request).await
}

/// What every page and server function gets in context: the services, how this deployment
/// treats cookies and development pages, and a fresh CSP nonce.
pub(crate) fn page_context(state: &AppState) -> impl Fn() + Clone + Send + Sync + 'static {
    let services = state.services.clone();
    let mode = state.site_mode();
    move || {
        provide_context(services.clone());
        provide_context(mode);
        app::components::layout::provide_request_nonce();
    }
}

/// The app's routes, listed once per process. Listing renders the app in a special mode
/// through process-wide state; doing it while another router serves pages (several routers
/// in one process, as in tests) could leave a page waiting forever.
fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}
