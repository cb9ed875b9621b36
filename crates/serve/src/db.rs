//! The event database as the server uses it: a few open connections kept
//! for reuse, each used by one blocking task at a time.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use dyad_store::Store;

use crate::error::ApiError;

/// Connections idle at most; more are opened under load and closed after.
const KEEP: usize = 16;

/// A database file and its idle connections. Cheap to share (`Arc`).
#[derive(Clone)]
pub struct Db {
    path: PathBuf,
    idle: Arc<Mutex<Vec<Store>>>,
}

impl Db {
    /// Open the database at `path`. A missing file is created only when
    /// `create` is set; otherwise the error says how to make one.
    pub fn open(path: &Path, create: bool) -> Result<Db, String> {
        if !create && !path.exists() {
            return Err(format!(
                "no database at {} (fill one with `dyad ingest`, or pass --allow-ingest to create it)",
                path.display()
            ));
        }
        let store = Store::open(path).map_err(|e| format!("cannot open {}: {e}", path.display()))?;
        Ok(Db {
            path: path.to_path_buf(),
            idle: Arc::new(Mutex::new(vec![store])),
        })
    }

    /// Run `f` with a connection on a blocking thread (queries block). Cost:
    /// a mutex and, when every kept connection is busy, opening a new one.
    pub async fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let db = self.clone();
        tokio::task::spawn_blocking(move || {
            let taken = db.idle.lock().ok().and_then(|mut idle| idle.pop());
            let mut store = match taken {
                Some(s) => s,
                None => Store::open(&db.path).map_err(|e| ApiError::internal(format!("database: {e}")))?,
            };
            let result = f(&mut store);
            if let Ok(mut idle) = db.idle.lock() {
                if idle.len() < KEEP {
                    idle.push(store);
                }
            }
            result
        })
        .await
        .map_err(|_| ApiError::internal("the database query failed (internal error)"))?
    }
}
