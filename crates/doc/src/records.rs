//! The output contract: the JSON-lines records `dyad code` writes and every
//! later stage (store, serve) reads. Field names are stable; scripts and
//! tests read them.

use serde::{Deserialize, Serialize};

/// One output record, tagged by `kind`. (Records are built and written one
/// at a time; the size difference between variants costs nothing.)
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Record {
    Document(DocumentRecord),
    Event(EventRecord),
    Quote(QuoteRecord),
    Mention(MentionRecord),
}

/// What is known about a document and where it came from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DocumentRecord {
    pub doc: String,
    pub title: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    pub url: Option<String>,
    /// The publishing outlet, when the input names it.
    pub source: Option<String>,
    /// News agencies credited in the text (`Reuters`, `APA`).
    #[serde(default)]
    pub agencies: Vec<String>,
    /// Photo credits (`Anadolu`).
    #[serde(default)]
    pub photo_credits: Vec<String>,
    pub byline: Option<String>,
    /// The dateline (`MOSCOW, Nov 28 (Reuters)`).
    pub dateline: Option<String>,
    #[serde(default)]
    pub sentences: usize,
    /// Input fields dyad does not interpret.
    #[serde(default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub metadata: serde_json::Map<String, serde_json::Value>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// One side of an event.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ActorRef {
    /// CAMEO actor code; `---` when unknown.
    pub code: String,
    /// The words that name (or refer to) the actor.
    pub text: Option<String>,
    /// Byte offsets `[start, end]` of those words in the document text.
    pub span: Option<[usize; 2]>,
}

/// Where an event happened.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub name: String,
    /// CAMEO country code.
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// How the place was found: `preposition`, `dateline`, `actor`, ...
    pub method: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<[usize; 2]>,
}

/// Why an event was coded: the spans and the dictionary rule.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub verb: [usize; 2],
    pub verb_text: String,
    /// The pattern (or verb lemma) that produced the event.
    pub rule: String,
    /// `file:line` of the pattern.
    pub pattern: Option<String>,
    /// The second half of a paired code.
    pub paired: bool,
}

/// A coded event.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    pub doc: String,
    /// Index of the sentence in the document.
    pub sentence: usize,
    /// Event date `YYYY-MM-DD` (or a partial date), null when unknown.
    pub date: Option<String>,
    /// `expression`, `dateline`, `publication` or `none`.
    pub date_method: String,
    pub source: ActorRef,
    pub target: ActorRef,
    pub cameo: String,
    pub root: String,
    pub quad_class: Option<u8>,
    pub goldstein: Option<f64>,
    pub cameo_name: Option<String>,
    pub plover: Option<String>,
    pub plover_mode: Option<String>,
    #[serde(default)]
    pub plover_context: Vec<String>,
    pub location: Option<Location>,
    /// The sentence text.
    pub text: String,
    /// Byte offsets of the sentence.
    pub sentence_span: [usize; 2],
    pub evidence: Evidence,
}

/// The speaker (or addressee) of a quotation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// Canonical full name (or the phrase that names the speaker).
    pub name: String,
    /// Actor code, when known.
    pub code: Option<String>,
    /// Byte offsets of the mention next to the quotation.
    pub span: Option<[usize; 2]>,
}

/// A quotation and who said it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct QuoteRecord {
    pub doc: String,
    pub sentence: usize,
    pub speaker: Option<Speaker>,
    /// The reporting verb or phrase (`said`, `according to`).
    pub cue: Option<String>,
    pub cue_span: Option<[usize; 2]>,
    /// Direct (quotation marks) or indirect (reported) speech.
    pub direct: bool,
    /// The quoted words, parts joined by a space.
    pub text: String,
    /// One `[start, end]` per part, without the quotation marks.
    pub spans: Vec<[usize; 2]>,
    pub addressee: Option<Speaker>,
}

/// Something recognized in the text: an actor, a date or a place.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MentionRecord {
    /// `actor`, `date`, `place`.
    #[serde(rename = "type")]
    pub kind: String,
    pub doc: String,
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Resolved value of a date (`2024-01-12`, `2024-01`, `2024`): absent
    /// for actors and places, `Some(None)` (written `null`) for a date that
    /// could not be resolved.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "present")]
    pub value: Option<Option<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
}

/// A field that is present, even as `null`, deserializes to `Some`.
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}
