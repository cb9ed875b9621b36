//! `dyad serve`: the JSON API and the web page over the pipeline and the
//! event database (see the `dyad-serve` crate).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{anyhow, Result};

use crate::cmd::code::DictArgs;

#[derive(clap::Args)]
pub struct Args {
    /// The event database (filled by `dyad ingest`). Without it only
    /// annotating pasted text works.
    #[arg(long, default_value = "dyad.db")]
    db: PathBuf,
    /// Address to listen on; loopback by default (use 0.0.0.0:PORT to expose it).
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Accept POST /api/ingest (creates the database when missing).
    #[arg(long)]
    allow_ingest: bool,
    /// Require `Authorization: Bearer TOKEN` on POST /api/ingest.
    #[arg(long, value_name = "TOKEN")]
    token: Option<String>,
    /// Largest accepted request body in bytes.
    #[arg(long, default_value_t = 2 * 1024 * 1024, value_name = "BYTES")]
    max_body: usize,
    /// Deadline of one request in seconds.
    #[arg(long, default_value_t = 30, value_name = "SECONDS")]
    timeout: u64,
    #[command(flatten)]
    dicts: DictArgs,
}

pub fn run(args: Args) -> Result<ExitCode> {
    if args.token.is_some() && !args.allow_ingest {
        eprintln!("dyad: --token only guards ingest, which is off without --allow-ingest");
    }
    let db = if args.db.exists() || args.allow_ingest {
        Some(args.db.clone())
    } else {
        eprintln!(
            "dyad: no database at {}: serving without one (fill it with `dyad ingest FILES --db {}`)",
            args.db.display(),
            args.db.display()
        );
        None
    };
    if !args.addr.ip().is_loopback() {
        eprintln!("dyad: listening on {}: reachable from other machines", args.addr);
    }
    let config = dyad_serve::Config {
        addr: args.addr,
        db,
        allow_ingest: args.allow_ingest,
        token: args.token,
        max_body: args.max_body,
        timeout: Duration::from_secs(args.timeout.max(1)),
    };
    let pipeline = Arc::new(args.dicts.pipeline()?);
    let state = dyad_serve::AppState::new(pipeline, config).map_err(|e| anyhow!(e))?;
    dyad_serve::run(state, |addr| eprintln!("dyad: serving http://{addr}/ (Ctrl-C stops)"))
        .map_err(|e| anyhow!("cannot serve on {}: {e}", args.addr))?;
    Ok(ExitCode::SUCCESS)
}
