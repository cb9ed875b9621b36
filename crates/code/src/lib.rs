//! The dyad coding engine: from a raw sentence (no parse tree, no external
//! parser) to CAMEO events, in the tradition of TABARI's shallow parser.
//!
//! 1. [`words`]: tokens become words (TABARI's input filtering).
//! 2. [`analyze`]: dictionary lookup, verb/noun disambiguation, actor noun
//!    phrases with agents and compounds, pronouns, comma-delimited clause
//!    elimination, conjunction-delimited clauses.
//! 3. [`coder`]: verb patterns (longest first), default source and target
//!    search, passive voice, paired and subordinate codes.
//!
//! [`validate`] runs the PETRARCH and TABARI validation suites.

pub mod analyze;
pub mod coder;
pub mod validate;
pub mod words;

pub use coder::{Coded, Coder, Event, Mention, Party};
