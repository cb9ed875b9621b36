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
    /// Print every recognized mention (actors, dates, places) as JSON lines.
    Annotate(cmd::code::AnnotateArgs),
    /// Print one JSON line per sentence (doc, sentence, start, end, text).
    Segment(cmd::segment::Args),
    /// Run a validation suite (PETRARCH XML or TABARI .project) and score it.
    Validate(cmd::validate::Args),
    /// Measure precision and recall on the gold set.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Check dictionaries and look phrases up in them.
    Dict(cmd::dict::Args),
    /// Measure the throughput of a pipeline stage on a corpus.
    Bench(cmd::bench::Args),
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Precision and recall on the project's gold sentences.
    Gold(cmd::eval::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Code(args) => cmd::code::run(args),
        Command::Annotate(args) => cmd::code::annotate(args),
        Command::Segment(args) => cmd::segment::run(args),
        Command::Dict(args) => cmd::dict::run(args),
        Command::Validate(args) => cmd::validate::run(args),
        Command::Eval(EvalCommand::Gold(args)) => cmd::eval::run(args),
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
