//! Errors as answers: a status code, a stable machine-readable `code` and a
//! sentence for people, written as JSON on the API.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;

/// An error answer: `{"error":{"status":400,"code":"bad_json","message":"..."}}`.
#[derive(Clone, Debug)]
pub struct ApiError {
    pub status: StatusCode,
    /// Short stable name (`bad_json`, `payload_too_large`, `not_found`, ...).
    pub code: &'static str,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            message: message.into(),
        }
    }

    /// 400: the request itself is wrong.
    pub fn bad_request(code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, code, message)
    }

    /// 500: something failed on the server.
    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", message)
    }

    /// 404 for a missing thing.
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, "not_found", message)
    }

    /// The JSON body.
    pub fn body(&self) -> serde_json::Value {
        serde_json::json!({
            "error": {"status": self.status.as_u16(), "code": self.code, "message": self.message}
        })
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}: {}", self.status.as_u16(), self.code, self.message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(self.body())).into_response()
    }
}

impl From<dyad_store::Error> for ApiError {
    fn from(e: dyad_store::Error) -> ApiError {
        match e {
            // A filter the store refused (a bad date, a QuadClass out of range).
            dyad_store::Error::Invalid(m) if !m.starts_with("bad JSON in the database") => {
                ApiError::bad_request("bad_filter", m.replace("--", ""))
            }
            other => ApiError::internal(other.to_string()),
        }
    }
}

/// Map a body rejection from axum (too large, unreadable) to a JSON error.
pub fn body_error(status: StatusCode, text: String, limit: usize) -> ApiError {
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::new(
            status,
            "payload_too_large",
            format!("the request body is larger than the limit of {limit} bytes (--max-body)"),
        )
    } else {
        ApiError::new(status, "bad_body", text)
    }
}
