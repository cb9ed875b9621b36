//! Resolution for a whole document, in the two steps the pipeline needs:
//! dates before coding (so date-restricted actor codes use the sentence's
//! date) and places after it (so capitals used as actors are known).

use std::sync::OnceLock;

use dyad_dict::ActorKind;
use dyad_doc::records::{Location, MentionRecord};
use dyad_doc::{Date, Span};
use dyad_segment::Segmented;

use crate::{event_date, event_place, ActorHint, ActorRole, DateFinder, DateMention, DateMethod, PlaceFinder};
use crate::{first_day, PlaceMention, Value};

/// The date and place finders over the built-in lists and gazetteer.
pub struct Resolver {
    pub dates: DateFinder,
    pub places: PlaceFinder,
}

/// The dates of one document: each sentence's expressions and the dateline's.
#[derive(Clone, Debug, Default)]
pub struct DocDates {
    pub sentences: Vec<Vec<DateMention>>,
    pub dateline: Option<Value>,
    pub published: Option<Date>,
}

/// The places of one document: each sentence's names and the dateline's.
#[derive(Clone, Debug, Default)]
pub struct DocPlaces {
    pub sentences: Vec<Vec<PlaceMention>>,
    pub dateline: Option<PlaceMention>,
}

/// The role an actor of the given dictionary kind plays for places.
pub fn actor_role(kind: Option<ActorKind>) -> ActorRole {
    match kind {
        Some(ActorKind::Capital | ActorKind::Metonym) => ActorRole::Metonym,
        Some(ActorKind::Country) => ActorRole::Country,
        Some(ActorKind::Person | ActorKind::Organization) => ActorRole::Named,
        _ => ActorRole::Other,
    }
}

impl Resolver {
    /// The shared resolver (word lists parsed and gazetteer built on first
    /// use: about a tenth of a second, once per process).
    pub fn builtin() -> &'static Resolver {
        static R: OnceLock<Resolver> = OnceLock::new();
        R.get_or_init(|| Resolver {
            dates: DateFinder::builtin(),
            places: PlaceFinder::builtin(),
        })
    }

    /// Every sentence's date expressions and the dateline's date.
    pub fn dates(&self, seg: &Segmented, text: &str, published: Option<Date>) -> DocDates {
        let sentences = seg
            .sentences
            .iter()
            .map(|s| self.dates.find(seg, s, published))
            .collect();
        let dateline = seg.datelines.first().and_then(|d| {
            let line = d.slice(text);
            let dseg = dyad_segment::segment(line);
            let n = dseg.tokens.len() as u32;
            self.dates
                .find_in(&dseg, 0..n, published)
                .into_iter()
                .find_map(|m| m.value.filter(Value::is_calendar))
        });
        DocDates {
            sentences,
            dateline,
            published,
        }
    }

    /// Every sentence's places, chosen in the light of the whole document.
    /// `actors[i]` are sentence `i`'s actor mentions.
    pub fn places(&self, seg: &Segmented, text: &str, actors: &[Vec<ActorHint>], codes: &[&str]) -> DocPlaces {
        let mut sentences: Vec<Vec<PlaceMention>> = seg
            .sentences
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let hints = actors.get(i).map(Vec::as_slice).unwrap_or(&[]);
                self.places.find(seg, s.tokens.clone(), hints)
            })
            .collect();
        let mut dateline = seg
            .datelines
            .first()
            .and_then(|d| self.places.dateline(d.slice(text), d.start as usize));
        let context = self.places.context(
            sentences.iter().flatten().filter(|m| !m.actor).chain(dateline.iter()),
            codes.iter().copied(),
        );
        for m in sentences.iter_mut().flatten().chain(dateline.iter_mut()) {
            self.places.resolve(m, &context);
        }
        DocPlaces { sentences, dateline }
    }

    /// The date to code sentence `i`'s actors with: its first calendar
    /// expression, else the dateline's, else publication.
    pub fn sentence_date(&self, dates: &DocDates, i: usize) -> Option<Date> {
        let found = dates.sentences.get(i).map(Vec::as_slice).unwrap_or(&[]);
        let first = found.iter().find_map(|m| m.value.filter(Value::is_calendar));
        first.or(dates.dateline).and_then(first_day).or(dates.published)
    }

    /// An event's `date` and `date_method`.
    pub fn event_date(
        &self,
        dates: &DocDates,
        sentence: usize,
        verb: Span,
        text: &str,
    ) -> (Option<String>, DateMethod) {
        let found = dates.sentences.get(sentence).map(Vec::as_slice).unwrap_or(&[]);
        let (v, method) = event_date(found, verb, text, dates.dateline, dates.published);
        (v.map(|v| v.to_string()), method)
    }

    /// An event's `location`, or `None`.
    pub fn event_location(&self, places: &DocPlaces, sentence: usize, verb: Span) -> Option<Location> {
        let found = places.sentences.get(sentence).map(Vec::as_slice).unwrap_or(&[]);
        let m = event_place(found, verb, places.dateline.as_ref())?;
        let p = self.places.gazetteer.place(m.place);
        Some(Location {
            name: p.name.to_string(),
            country: Some(p.country.to_string()),
            lat: Some(p.lat),
            lon: Some(p.lon),
            method: m.cue.method().to_string(),
            span: Some(m.span.pair()),
        })
    }

    /// `mention` records for every date and place (places used as actors
    /// are left to the actor mentions).
    pub fn mention_records(&self, doc: &str, text: &str, dates: &DocDates, places: &DocPlaces) -> Vec<MentionRecord> {
        let mut out = Vec::new();
        for (i, found) in dates.sentences.iter().enumerate() {
            for m in found {
                out.push(MentionRecord {
                    kind: "date".into(),
                    doc: doc.to_string(),
                    sentence: i,
                    start: m.span.start as usize,
                    end: m.span.end as usize,
                    text: m.span.slice(text).to_string(),
                    value: Some(m.value.map(|v| v.to_string())),
                    ..MentionRecord::default()
                });
            }
        }
        for (i, found) in places.sentences.iter().enumerate() {
            for m in found.iter().filter(|m| !m.actor) {
                let p = self.places.gazetteer.place(m.place);
                out.push(MentionRecord {
                    kind: "place".into(),
                    doc: doc.to_string(),
                    sentence: i,
                    start: m.span.start as usize,
                    end: m.span.end as usize,
                    text: m.span.slice(text).to_string(),
                    name: Some(p.name.to_string()),
                    country: Some(p.country.to_string()),
                    lat: Some(p.lat),
                    lon: Some(p.lon),
                    ..MentionRecord::default()
                });
            }
        }
        out
    }
}
