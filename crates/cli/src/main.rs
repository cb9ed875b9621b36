//! The `dyad` command: a thin layer that wires the pipeline crates together.

mod cmd;
mod input;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// dyad turns news text into political event data: who did what to whom,
/// when, where, and who said so.
#[derive(Parser)]
#[command(name = "dyad", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Code documents into events: JSON lines (document and event records).
    Code(cmd::code::Args),
    /// Print one JSON line per sentence (doc, sentence, start, end, text).
    Segment(cmd::segment::Args),
    /// Run a validation suite (PETRARCH XML or TABARI .project) and score it.
    Validate(cmd::validate::Args),
    /// Check dictionaries and look phrases up in them.
    Dict(cmd::dict::Args),
    /// Measure the throughput of a pipeline stage on a corpus.
    Bench(cmd::bench::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Code(args) => cmd::code::run(args),
        Command::Segment(args) => cmd::segment::run(args),
        Command::Dict(args) => cmd::dict::run(args),
        Command::Validate(args) => cmd::validate::run(args),
        Command::Bench(args) => cmd::bench::run(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("dyad: {e:#}");
            ExitCode::from(2)
        }
    }
}
