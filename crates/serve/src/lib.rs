//! `dyad serve`: a JSON API and a web page over the coding pipeline and the
//! event database, from one binary with every asset embedded (no CDN, works
//! offline).
//!
//! - **API** (`/api/...`, described by the OpenAPI document served at
//!   `/api/openapi.json`): code a posted document without storing it, store
//!   documents (only with [`Config::allow_ingest`], optionally behind a bearer
//!   token), and query stored events, dyadic series, actor networks,
//!   quotations and documents with the filters of the CLI queries.
//! - **Pages**: *Annotate* (an article with its actors, event verbs, quotes,
//!   dates and places highlighted and a table of its events), *Explore*
//!   (filters, actor network, cooperation/conflict timeline, events table) and
//!   *Quotes*. Pages are rendered on the server, so tables read without
//!   JavaScript; a small script lays the network graph out.
//!
//! Every error is JSON (`{"error":{"status","code","message"}}`) on the API
//! and an HTML page elsewhere, with the HTTP status that fits. Request bodies
//! are limited ([`Config::max_body`]), every request has a deadline
//! ([`Config::timeout`]), and the server binds to loopback unless told
//! otherwise. The engine runs on blocking threads, at most one coding job per
//! core at a time, so a burst of requests queues instead of thrashing.

mod annotate;
mod api;
mod db;
mod error;
mod input;
mod pages;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use dyad_pipeline::Pipeline;
use tokio::sync::Semaphore;

pub use db::Db;
pub use error::ApiError;

/// How the server runs.
#[derive(Clone, Debug)]
pub struct Config {
    /// Address to listen on (`127.0.0.1:8080` by default: loopback only).
    pub addr: SocketAddr,
    /// The event database; without one the store-backed routes answer 503.
    pub db: Option<PathBuf>,
    /// Accept `POST /api/ingest`.
    pub allow_ingest: bool,
    /// When set, `POST /api/ingest` needs `Authorization: Bearer <token>`.
    pub token: Option<String>,
    /// Largest accepted request body in bytes.
    pub max_body: usize,
    /// Deadline of one request.
    pub timeout: Duration,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            db: None,
            allow_ingest: false,
            token: None,
            max_body: 2 * 1024 * 1024,
            timeout: Duration::from_secs(30),
        }
    }
}

/// What every request shares: the compiled pipeline, the database and the
/// settings. Built once at startup.
pub struct AppState {
    pub pipeline: Arc<Pipeline>,
    pub db: Option<Db>,
    pub config: Config,
    /// One permit per core: coding jobs beyond that wait their turn.
    coding: Semaphore,
}

impl AppState {
    /// State over a built pipeline; opens the database when the config names
    /// one (creating it only when ingest is allowed). Fails with a message
    /// naming the file when it cannot be opened.
    pub fn new(pipeline: Arc<Pipeline>, config: Config) -> Result<AppState, String> {
        let db = match &config.db {
            Some(path) => Some(Db::open(path, config.allow_ingest)?),
            None => None,
        };
        let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2);
        Ok(AppState {
            pipeline,
            db,
            config,
            coding: Semaphore::new(cores),
        })
    }

    /// The database, or the 503 error that says how to get one.
    pub(crate) fn db(&self) -> Result<&Db, ApiError> {
        self.db.as_ref().ok_or_else(|| {
            ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "no_database",
                "no event database: start `dyad serve --db FILE` on a database filled by `dyad ingest`",
            )
        })
    }

    /// Run `f` (CPU-bound coding) on a blocking thread once a core is free.
    pub(crate) async fn code<T: Send + 'static>(
        self: &Arc<Self>,
        f: impl FnOnce(&Pipeline) -> T + Send + 'static,
    ) -> Result<T, ApiError> {
        let _permit = self
            .coding
            .acquire()
            .await
            .map_err(|_| ApiError::internal("the server is shutting down"))?;
        let pipeline = Arc::clone(&self.pipeline);
        tokio::task::spawn_blocking(move || f(&pipeline))
            .await
            .map_err(|_| ApiError::internal("the coder failed on this request (internal error)"))
    }
}

/// The shared state as handlers receive it.
pub type Shared = Arc<AppState>;

/// Every route of the API and the pages, with the body limit, the deadline
/// and JSON (or HTML) errors for unknown routes and methods.
pub fn router(state: Shared) -> Router {
    let api = Router::new()
        .route("/code", post(api::code))
        .route(
            "/ingest",
            post(api::ingest).layer(middleware::from_fn_with_state(Arc::clone(&state), api::ingest_guard)),
        )
        .route("/events", get(api::events))
        .route("/series", get(api::series))
        .route("/network", get(api::network))
        .route("/quotes", get(api::quotes))
        .route("/documents/{id}", get(api::document))
        .route("/openapi.json", get(api::openapi))
        .fallback(api::not_found)
        .method_not_allowed_fallback(api::method_not_allowed);
    Router::new()
        .route("/health", get(api::health))
        .route("/", get(pages::annotate_get))
        .route("/annotate", get(pages::annotate_get).post(pages::annotate_post))
        .route("/explore", get(pages::explore))
        .route("/quotes", get(pages::quotes))
        .route("/assets/{name}", get(pages::asset))
        .nest("/api", api)
        .fallback(pages::not_found)
        .method_not_allowed_fallback(api::method_not_allowed)
        .layer(middleware::from_fn_with_state(Arc::clone(&state), deadline))
        .layer(DefaultBodyLimit::max(state.config.max_body))
        .with_state(state)
}

/// Answer 503 with a JSON error when a request outlives its deadline. (A
/// coding job already started finishes on its thread; its answer is dropped.)
async fn deadline(State(state): State<Shared>, request: Request, next: Next) -> Response {
    let limit = state.config.timeout;
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => {
            let mut r = ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "timeout",
                format!("the request took longer than {} ms", limit.as_millis()),
            )
            .into_response();
            r.headers_mut()
                .insert(header::RETRY_AFTER, header::HeaderValue::from_static("1"));
            r
        }
    }
}

/// Bind `config.addr` and return the bound address (useful with port 0) and
/// the future that serves until `shutdown` resolves.
pub async fn bind(
    state: Shared,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<(SocketAddr, impl std::future::Future<Output = std::io::Result<()>>)> {
    let listener = tokio::net::TcpListener::bind(state.config.addr).await?;
    let addr = listener.local_addr()?;
    let app = router(state);
    let serve = async move { axum::serve(listener, app).with_graceful_shutdown(shutdown).await };
    Ok((addr, serve))
}

/// Serve until Ctrl-C, on a multi-threaded runtime of its own (blocking).
/// `ready` is called with the bound address once the socket listens.
pub fn run(state: AppState, ready: impl FnOnce(SocketAddr)) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async move {
        let shutdown = async {
            let _ = tokio::signal::ctrl_c().await;
        };
        let (addr, serve) = bind(Arc::new(state), shutdown).await?;
        ready(addr);
        serve.await
    })
}
