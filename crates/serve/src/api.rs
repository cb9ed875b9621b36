//! The JSON API handlers.

use std::collections::HashMap;
use std::time::{SystemTime, UNIX_EPOCH};

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{OriginalUri, Path, Query, Request, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use dyad_doc::records::Record;
use dyad_doc::Document;
use dyad_pipeline::{Output, Pipeline};
use dyad_store::{Dedup, EventFilter, NetworkLevel, NetworkQuery, Period, QuoteFilter, Report, SeriesQuery};
use serde_json::json;

use crate::error::{body_error, ApiError};
use crate::input::{self, ReadError, TextMeta};
use crate::Shared;

/// Query parameters, every value a string so that an empty form field means
/// "not given" and a bad number gets a message naming the parameter.
pub type Params = HashMap<String, String>;

/// A parameter when given and not blank.
pub fn param<'a>(p: &'a Params, name: &str) -> Option<&'a str> {
    p.get(name).map(|s| s.trim()).filter(|s| !s.is_empty())
}

fn owned(p: &Params, name: &str) -> Option<String> {
    param(p, name).map(str::to_string)
}

/// A numeric parameter, with a 400 naming it when it does not parse.
pub fn number<T: std::str::FromStr>(p: &Params, name: &str) -> Result<Option<T>, ApiError> {
    match param(p, name) {
        None => Ok(None),
        Some(v) => v
            .parse()
            .map(Some)
            .map_err(|_| ApiError::bad_request("bad_parameter", format!("{name}={v:?} is not a valid number"))),
    }
}

fn flag(p: &Params, name: &str) -> bool {
    matches!(param(p, name), Some("1" | "true" | "yes" | "on"))
}

/// Default and largest page of `/api/events`.
const DEFAULT_LIMIT: usize = 100;
const MAX_LIMIT: usize = 10_000;

/// The event filter of `dyad events` from query parameters (`actor`,
/// `source`, `target`, `country`, `code`, `quad`, `since`, `until`, `text`,
/// `limit`).
pub fn event_filter(p: &Params, default_limit: usize) -> Result<EventFilter, ApiError> {
    let quad: Option<u8> = number(p, "quad")?;
    if let Some(q) = quad {
        if !(1..=4).contains(&q) {
            return Err(ApiError::bad_request(
                "bad_parameter",
                format!("quad={q}: QuadClass is 1 to 4"),
            ));
        }
    }
    let limit = match number::<usize>(p, "limit")? {
        Some(limit) if limit > MAX_LIMIT => {
            return Err(ApiError::bad_request(
                "bad_parameter",
                format!("limit={limit} is above the maximum of {MAX_LIMIT}"),
            ))
        }
        Some(limit) => limit,
        None => default_limit,
    };
    Ok(EventFilter {
        actor: owned(p, "actor"),
        source: owned(p, "source"),
        target: owned(p, "target"),
        country: owned(p, "country"),
        code: owned(p, "code"),
        quad,
        since: owned(p, "since"),
        until: owned(p, "until"),
        text: owned(p, "text"),
        limit: Some(limit),
    })
}

/// The query string as a map, or a JSON 400.
type Q = Result<Query<Params>, axum::extract::rejection::QueryRejection>;

fn query(q: Q) -> Result<Params, ApiError> {
    q.map(|Query(p)| p)
        .map_err(|e| ApiError::bad_request("bad_query", e.body_text()))
}

pub async fn health(State(state): State<Shared>) -> Json<serde_json::Value> {
    Json(json!({
        "status": "ok",
        "version": env!("CARGO_PKG_VERSION"),
        "database": state.db.is_some(),
        "ingest": state.config.allow_ingest,
    }))
}

pub async fn openapi() -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        include_str!("../assets/openapi.json"),
    )
        .into_response()
}

pub async fn not_found(OriginalUri(uri): OriginalUri, method: Method) -> ApiError {
    ApiError::not_found(format!("no route {method} {}", uri.path()))
}

pub async fn method_not_allowed(OriginalUri(uri): OriginalUri, method: Method) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        format!("{method} is not allowed on {}", uri.path()),
    )
}

/// Code one document, the engine's panics turned into an error naming it.
pub fn code_document(pipeline: &Pipeline, doc: &Document, mentions: bool) -> Result<Vec<Record>, String> {
    pipeline.process_guarded(doc, Output { mentions }).ok_or_else(|| {
        format!(
            "document {}: the coder failed on this document (internal error)",
            doc.id
        )
    })
}

fn text_meta(p: &Params) -> Result<TextMeta, ApiError> {
    let date = match param(p, "date") {
        None => None,
        Some(d) => Some(dyad_doc::parse_date(d).ok_or_else(|| {
            ApiError::bad_request(
                "bad_parameter",
                format!("date={d:?} is not a date (expected YYYY-MM-DD)"),
            )
        })?),
    };
    Ok(TextMeta {
        id: owned(p, "id"),
        title: owned(p, "title"),
        date,
    })
}

fn content_type(headers: &HeaderMap) -> Option<&str> {
    headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok())
}

/// `POST /api/code`: the records `dyad code` prints (nothing is stored).
/// `?mentions=true` adds mention records; `?format=jsonl` answers JSON lines.
pub async fn code(
    State(state): State<Shared>,
    q: Q,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    match code_inner(state, q, headers, body).await {
        Ok(r) => r,
        Err(e) => e.into_response(),
    }
}

async fn code_inner(
    state: Shared,
    q: Q,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let p = query(q)?;
    let body = body.map_err(|e| body_error(e.status(), e.body_text(), state.config.max_body))?;
    let meta = text_meta(&p)?;
    let (docs, errors) = input::documents(&body, content_type(&headers), &meta)?;
    if docs.is_empty() {
        return Err(unreadable(&errors));
    }
    let mentions = flag(&p, "mentions");
    let jsonl = param(&p, "format") == Some("jsonl");
    let coded = state
        .code(move |pipeline| {
            docs.iter()
                .map(|d| code_document(pipeline, d, mentions))
                .collect::<Vec<_>>()
        })
        .await?;
    let mut records = Vec::new();
    let mut failures = errors;
    for (i, r) in coded.into_iter().enumerate() {
        match r {
            Ok(rs) => records.extend(rs),
            Err(message) => failures.push(ReadError {
                document: i + 1,
                id: None,
                message,
            }),
        }
    }
    if jsonl {
        let mut out = Vec::with_capacity(records.len() * 256);
        for r in &records {
            serde_json::to_writer(&mut out, r).map_err(|e| ApiError::internal(e.to_string()))?;
            out.push(b'\n');
        }
        return Ok(([(header::CONTENT_TYPE, "application/x-ndjson")], out).into_response());
    }
    Ok(Json(json!({"records": records, "errors": failures})).into_response())
}

/// The error for a body none of whose documents could be read.
fn unreadable(errors: &[ReadError]) -> ApiError {
    let detail: Vec<String> = errors
        .iter()
        .take(5)
        .map(|e| match &e.id {
            Some(id) => format!("document {} ({id}): {}", e.document, e.message),
            None => format!("document {}: {}", e.document, e.message),
        })
        .collect();
    ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "bad_document", detail.join("; "))
}

/// Whether the request may ingest: enabled, and the bearer token matches.
fn check_ingest(state: &Shared, headers: &HeaderMap) -> Result<(), ApiError> {
    if !state.config.allow_ingest {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "ingest_disabled",
            "ingest is disabled: start dyad serve with --allow-ingest",
        ));
    }
    if let Some(token) = &state.config.token {
        let given = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or("");
        if !same(given.as_bytes(), token.as_bytes()) {
            return Err(ApiError::new(
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "ingest needs the header Authorization: Bearer <token given to --token>",
            ));
        }
    }
    Ok(())
}

/// Compare without stopping at the first difference (no timing hint).
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Refuse ingest requests before their body is read: disabled (403) or
/// without the right bearer token (401).
pub async fn ingest_guard(State(state): State<Shared>, request: Request, next: Next) -> Response {
    match check_ingest(&state, request.headers()) {
        Ok(()) => next.run(request).await,
        Err(e) => {
            let unauthorized = e.status == StatusCode::UNAUTHORIZED;
            let mut r = e.into_response();
            if unauthorized {
                r.headers_mut()
                    .insert(header::WWW_AUTHENTICATE, header::HeaderValue::from_static("Bearer"));
            }
            r
        }
    }
}

/// `POST /api/ingest`: code and store documents (JSON, JSON lines or text).
/// Documents already stored are skipped; a bad document is reported and the
/// others are stored.
pub async fn ingest(
    State(state): State<Shared>,
    q: Q,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    match ingest_inner(state, q, headers, body).await {
        Ok(r) => r,
        Err(e) => e.into_response(),
    }
}

async fn ingest_inner(
    state: Shared,
    q: Q,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let p = query(q)?;
    let db = state.db()?.clone();
    let body = body.map_err(|e| body_error(e.status(), e.body_text(), state.config.max_body))?;
    let meta = text_meta(&p)?;
    let (docs, mut errors) = input::documents(&body, content_type(&headers), &meta)?;
    if docs.is_empty() {
        return Err(unreadable(&errors));
    }
    let first = errors.len();
    let coded = state
        .code(move |pipeline| {
            docs.into_iter()
                .map(|doc| {
                    let id = doc.id.clone();
                    let records = code_document(pipeline, &doc, true)?;
                    let seg = dyad_segment::segment(&doc.text);
                    let spans = seg.sentences.iter().map(|s| s.span.pair()).collect();
                    Report::from_records(records, doc.text, spans).map_err(|e| format!("document {id}: {e}"))
                })
                .collect::<Vec<_>>()
        })
        .await?;
    let mut reports = Vec::new();
    for (i, r) in coded.into_iter().enumerate() {
        match r {
            Ok(report) => reports.push(report),
            Err(message) => errors.push(ReadError {
                document: first + i + 1,
                id: None,
                message,
            }),
        }
    }
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let outcome = db
        .run(move |store| {
            let dedup = match store.meta("dedup")?.as_deref() {
                Some("none") => Dedup::None,
                Some(k) => Dedup::Day {
                    window: k.strip_prefix("day:").and_then(|w| w.parse().ok()).unwrap_or(0),
                },
                None => Dedup::Day { window: 0 },
            };
            Ok(store.write_batch(&reports, dedup, now)?)
        })
        .await?;
    let not_stored: Vec<serde_json::Value> = outcome
        .errors
        .iter()
        .map(|(doc, message)| json!({"id": doc, "message": message}))
        .collect();
    Ok(Json(json!({
        "stored": outcome.stored,
        "skipped": outcome.skipped,
        "events": outcome.mentions,
        "new_events": outcome.new_events,
        "quotes": outcome.quotes,
        "errors": errors,
        "not_stored": not_stored,
    }))
    .into_response())
}

/// `GET /api/events`: stored events with the filters of `dyad events`
/// (at most `limit`, default 100).
pub async fn events(State(state): State<Shared>, q: Q) -> Result<Response, ApiError> {
    let p = query(q)?;
    let filter = event_filter(&p, DEFAULT_LIMIT)?;
    let db = state.db()?;
    let body = db
        .run(move |store| {
            // Serialize while streaming: no intermediate Vec of events.
            let mut out = Vec::with_capacity(16 * 1024);
            out.extend_from_slice(b"{\"events\":[");
            let mut count = 0usize;
            store.for_each_event(&filter, |e| {
                if count > 0 {
                    out.push(b',');
                }
                count += 1;
                serde_json::to_writer(&mut out, &e).map_err(|e| dyad_store::Error::Invalid(e.to_string()))
            })?;
            out.extend_from_slice(format!("],\"count\":{count}}}").as_bytes());
            Ok(out)
        })
        .await?;
    Ok(([(header::CONTENT_TYPE, "application/json")], body).into_response())
}

/// The period of a series from `by`.
pub fn period(p: &Params) -> Result<Period, ApiError> {
    match param(p, "by").unwrap_or("month") {
        "day" => Ok(Period::Day),
        "week" => Ok(Period::Week),
        "month" => Ok(Period::Month),
        "year" => Ok(Period::Year),
        other => Err(ApiError::bad_request(
            "bad_parameter",
            format!("by={other:?}: expected day, week, month or year"),
        )),
    }
}

/// `GET /api/series?source=&target=`: the dyadic time series of `dyad series`.
pub async fn series(State(state): State<Shared>, q: Q) -> Result<Json<serde_json::Value>, ApiError> {
    let p = query(q)?;
    let need = |name: &str| {
        owned(&p, name).ok_or_else(|| {
            ApiError::bad_request(
                "missing_parameter",
                format!("{name} is required (an actor code or prefix)"),
            )
        })
    };
    let q = SeriesQuery {
        source: need("source")?,
        target: need("target")?,
        by: period(&p)?,
        both: flag(&p, "both"),
        since: owned(&p, "since"),
        until: owned(&p, "until"),
    };
    let rows = state.db()?.run(move |store| Ok(store.series(&q)?)).await?;
    Ok(Json(json!({ "series": rows })))
}

/// `GET /api/network`: the edges of `dyad network` (`by=country|actor`, `min`).
pub async fn network(State(state): State<Shared>, q: Q) -> Result<Json<serde_json::Value>, ApiError> {
    let p = query(q)?;
    let level = match param(&p, "by").unwrap_or("country") {
        "country" => NetworkLevel::Country,
        "actor" => NetworkLevel::Actor,
        other => {
            return Err(ApiError::bad_request(
                "bad_parameter",
                format!("by={other:?}: expected country or actor"),
            ))
        }
    };
    let q = NetworkQuery {
        level,
        since: owned(&p, "since"),
        until: owned(&p, "until"),
        min: number(&p, "min")?.unwrap_or(1),
    };
    let edges = state.db()?.run(move |store| Ok(store.network(&q)?)).await?;
    Ok(Json(json!({ "edges": edges })))
}

/// The quote filter of `dyad quotes` (`speaker`, `text`, `limit`).
pub fn quote_filter(p: &Params) -> Result<QuoteFilter, ApiError> {
    let limit = number::<usize>(p, "limit")?.unwrap_or(DEFAULT_LIMIT).min(MAX_LIMIT);
    Ok(QuoteFilter {
        speaker: owned(p, "speaker"),
        text: owned(p, "text"),
        limit: Some(limit),
    })
}

/// `GET /api/quotes`: stored quotations by speaker and words.
pub async fn quotes(State(state): State<Shared>, q: Q) -> Result<Json<serde_json::Value>, ApiError> {
    let p = query(q)?;
    let f = quote_filter(&p)?;
    let quotes = state.db()?.run(move |store| Ok(store.quotes(&f)?)).await?;
    Ok(Json(json!({ "quotes": quotes })))
}

/// `GET /api/documents/{id}`: a stored document, its text, events and quotes.
pub async fn document(
    State(state): State<Shared>,
    Path(id): Path<String>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let wanted = id.clone();
    let found = state.db()?.run(move |store| Ok(store.document(&wanted)?)).await?;
    let Some((record, text, events, quotes)) = found else {
        return Err(ApiError::not_found(format!("no stored document {id:?}")));
    };
    Ok(Json(
        json!({"document": record, "text": text, "events": events, "quotes": quotes}),
    ))
}
