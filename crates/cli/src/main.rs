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
    /// Code documents and store them in the event database (default ./dyad.db).
    Ingest(cmd::ingest::Args),
    /// Select stored events by actor, code, period and words.
    Events(cmd::events::Args),
    /// A dyadic time series: events per QuadClass and Goldstein per period.
    Series(cmd::series::Args),
    /// The actor-country network: edges with event counts and mean Goldstein.
    Network(cmd::network::Args),
    /// Stored quotations by speaker and words.
    Quotes(cmd::quotes::Args),
    /// One stored document with its events and quotations.
    Show(cmd::show::Args),
    /// Export stored events: jsonl, csv, gdelt, phoenix or plover.
    Export(cmd::export::Args),
    /// The event database: counts and schema version.
    Db(cmd::db::Args),
    /// Serve the JSON API and the web page (annotate, explore, quotes).
    Serve(cmd::serve::Args),
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Precision and recall on the project's gold sentences.
    Gold(cmd::eval::Args),
    /// Coverage of a corpus: events per 1,000 sentences and sentences with an actor.
    Coverage(cmd::coverage::Args),
    /// Quotation attribution on PolNeAR (exact and overlap F1 for source, cue, content).
    Attribution(cmd::eval_attribution::Args),
    /// Agency credits on PolNeAR's `wire` metadata column.
    Agencies(cmd::eval_attribution::AgencyArgs),
    /// Date expressions on TimeML files (TempEval-3): DATE expressions found, values right.
    Dates(cmd::eval_resolve::DatesArgs),
    /// Place names on LGL / GeoVirus: toponyms found, right country, within 161 km.
    Places(cmd::eval_resolve::PlacesArgs),
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
        Command::Eval(EvalCommand::Coverage(args)) => cmd::coverage::run(args),
        Command::Eval(EvalCommand::Attribution(args)) => cmd::eval_attribution::run(args),
        Command::Eval(EvalCommand::Agencies(args)) => cmd::eval_attribution::run_agencies(args),
        Command::Eval(EvalCommand::Dates(args)) => cmd::eval_resolve::dates(args),
        Command::Eval(EvalCommand::Places(args)) => cmd::eval_resolve::places(args),
        Command::Bench(args) => cmd::bench::run(args),
        Command::Ingest(args) => cmd::ingest::run(args),
        Command::Events(args) => cmd::events::run(args),
        Command::Series(args) => cmd::series::run(args),
        Command::Network(args) => cmd::network::run(args),
        Command::Quotes(args) => cmd::quotes::run(args),
        Command::Show(args) => cmd::show::run(args),
        Command::Export(args) => cmd::export::run(args),
        Command::Db(args) => cmd::db::run(args),
        Command::Serve(args) => cmd::serve::run(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("dyad: {e:#}");
            ExitCode::from(2)
        }
    }
}
