//! The resolve stage: when and where.
//!
//! - [`DateFinder`] finds date expressions in sentences and resolves them
//!   against the publication date ([`DateMention`], [`Value`]); an event's
//!   date is the expression nearest its verb, else the dateline's, else the
//!   publication date ([`event_date`], [`DateMethod`]).
//! - [`Gazetteer`] indexes dyad's built-in place tables; [`PlaceFinder`]
//!   finds place names in sentences and datelines, tells places from
//!   capitals used as actors (`Moscow said`), and chooses among places that
//!   share a name; an event's location is the cued place nearest its verb,
//!   else the dateline's place ([`event_place`]).
//!
//! ```
//! use dyad_resolve::DateFinder;
//! let text = "The ministers met on Tuesday.";
//! let seg = dyad_segment::segment(text);
//! let published = dyad_doc::parse_date("2024-01-12"); // a Friday
//! let found = DateFinder::builtin().find(&seg, &seg.sentences[0], published);
//! assert_eq!(found[0].span.slice(text), "Tuesday");
//! assert_eq!(found[0].value.unwrap().to_string(), "2024-01-09");
//! ```

mod dates;
mod document;
mod gazetteer;
mod lexicon;
mod places;

use dyad_doc::{Date, Span};

pub use dates::{
    nearest_month, resolve_month, resolve_month_day, resolve_weekday, DateFinder, DateMention, SlashOrder, Value,
};
pub use document::{actor_role, DocDates, DocPlaces, Resolver};
pub use gazetteer::{distance_km, name_key, Gazetteer, GazetteerError, Place, PlaceKind};
pub use places::{ActorHint, ActorRole, Context, Cue, PlaceFinder, PlaceMention};

/// How an event's date was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateMethod {
    /// A date expression in the event's sentence.
    Expression,
    /// The story's dateline.
    Dateline,
    /// The document's publication date.
    Publication,
    None,
}

impl DateMethod {
    /// The name written to `date_method`.
    pub fn name(self) -> &'static str {
        match self {
            DateMethod::Expression => "expression",
            DateMethod::Dateline => "dateline",
            DateMethod::Publication => "publication",
            DateMethod::None => "none",
        }
    }
}

/// Distance in bytes between a span and a position (0 inside it).
fn gap(span: Span, at: Span) -> u32 {
    if span.end <= at.start {
        at.start - span.end
    } else {
        span.start.saturating_sub(at.end)
    }
}

/// Whether a clause boundary separates `a` and `b` in `text`: a reporting
/// verb or `that` (in "said on Friday that rebels attacked on Tuesday",
/// Friday dates the saying, Tuesday the attack).
fn clause_between(text: &str, a: Span, b: Span) -> bool {
    let (from, to) = if a.end <= b.start {
        (a.end, b.start)
    } else {
        (b.end, a.start)
    };
    let between = text.get(from as usize..to as usize).unwrap_or("");
    between.split(|c: char| !c.is_alphabetic()).any(|w| {
        matches!(
            w,
            "that" | "said" | "says" | "told" | "after" | "before" | "when" | "while" | "which"
        )
    })
}

/// The date of an event whose verb is `verb`: the calendar-valued date
/// expression of its sentence nearest the verb in the same clause (`dates`:
/// that sentence's mentions; `text`: the document text), else the nearest in
/// the sentence, else the dateline's date, else the publication date.
/// Reference values (`now`) and weeks or quarters do not date events.
pub fn event_date(
    dates: &[DateMention],
    verb: Span,
    text: &str,
    dateline: Option<Value>,
    published: Option<Date>,
) -> (Option<Value>, DateMethod) {
    let nearest = dates
        .iter()
        .filter_map(|m| {
            let v = m.value.filter(Value::is_calendar)?;
            Some(((clause_between(text, m.span, verb), gap(m.span, verb)), v))
        })
        .min_by_key(|(d, _)| *d);
    if let Some((_, v)) = nearest {
        return (Some(v), DateMethod::Expression);
    }
    if let Some(v) = dateline.filter(Value::is_calendar) {
        return (Some(v), DateMethod::Dateline);
    }
    match published {
        Some(d) => (Some(Value::Day(d)), DateMethod::Publication),
        None => (None, DateMethod::None),
    }
}

/// The first day of a calendar value (`2024-01` -> 2024-01-01), the date that
/// date-restricted actor codes are looked up with.
pub fn first_day(value: Value) -> Option<Date> {
    match value {
        Value::Day(d) => Some(d),
        Value::Month(y, m) => Date::new(y, m, 1).ok(),
        Value::Year(y) => Date::new(y, 1, 1).ok(),
        _ => None,
    }
}

/// The location of an event whose verb is `verb`: the place in its sentence
/// cued as a location (`in Baku`, `Baku-based`) nearest the verb, else the
/// dateline's place. Names used as actors (`Moscow said`) never count.
/// A place before the verb counts as twice as far: an event's adjuncts
/// follow its verb ("was received in Beijing, days after he held talks
/// with Putin in Moscow": the talks were in Moscow).
pub fn event_place<'a>(
    places: &'a [PlaceMention],
    verb: Span,
    dateline: Option<&'a PlaceMention>,
) -> Option<&'a PlaceMention> {
    places
        .iter()
        .filter(|p| !p.actor && matches!(p.cue, Cue::Preposition | Cue::Based))
        .min_by_key(|p| match p.span.end <= verb.start {
            true => gap(p.span, verb).saturating_mul(2),
            false => gap(p.span, verb),
        })
        .or(dateline)
}
