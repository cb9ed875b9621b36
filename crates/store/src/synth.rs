//! A generator of synthetic databases, for measuring query latency and
//! database size at scales no test corpus reaches. The documents are short
//! made-up sentences; the events go through the same write path as real
//! ones ([`Store::write_batch`]), so sizes and timings are those of real
//! data with the same shape.

use dyad_doc::records::{ActorRef, DocumentRecord, EventRecord, Evidence, Location};

use crate::{Dedup, Report, Result, Store};

/// What to generate.
#[derive(Clone, Debug)]
pub struct SynthOptions {
    /// Stop when the database holds at least this many events.
    pub events: u64,
    /// Events per document.
    pub per_document: usize,
    /// Every `repeat`-th report repeats an earlier event from another
    /// outlet (0: never), so mentions outnumber events as in real news.
    pub repeat: u64,
    /// Days of news, ending 2024-12-31.
    pub days: u32,
    pub seed: u64,
}

impl Default for SynthOptions {
    fn default() -> SynthOptions {
        SynthOptions {
            events: 1_000_000,
            per_document: 4,
            repeat: 5,
            days: 5 * 365,
            seed: 7,
        }
    }
}

/// A small, fast, deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const COUNTRIES: &[(&str, &str)] = &[
    ("USA", "Washington"),
    ("RUS", "Moscow"),
    ("CHN", "Beijing"),
    ("UKR", "Kyiv"),
    ("TUR", "Ankara"),
    ("AZE", "Baku"),
    ("ARM", "Yerevan"),
    ("IRN", "Tehran"),
    ("ISR", "Jerusalem"),
    ("FRA", "Paris"),
    ("DEU", "Berlin"),
    ("GBR", "London"),
    ("IND", "New Delhi"),
    ("PAK", "Islamabad"),
    ("JPN", "Tokyo"),
    ("KOR", "Seoul"),
    ("PRK", "Pyongyang"),
    ("BRA", "Brasilia"),
    ("NGA", "Abuja"),
    ("EGY", "Cairo"),
    ("SAU", "Riyadh"),
    ("SYR", "Damascus"),
    ("IRQ", "Baghdad"),
    ("AFG", "Kabul"),
    ("GEO", "Tbilisi"),
    ("KAZ", "Astana"),
    ("POL", "Warsaw"),
    ("ITA", "Rome"),
    ("ESP", "Madrid"),
    ("MEX", "Mexico City"),
];
const ROLES: &[&str] = &["", "GOV", "MIL", "GOV", "REB", "OPP", "BUS"];
/// (CAMEO code, verb, QuadClass, Goldstein, PLOVER).
const CODES: &[(&str, &str, u8, f64, &str)] = &[
    ("010", "said", 1, 0.0, "OTHER"),
    ("036", "offered talks to", 1, 4.0, "CONSULT"),
    ("040", "consulted", 1, 1.0, "CONSULT"),
    ("042", "visited", 1, 1.9, "CONSULT"),
    ("043", "hosted", 1, 2.8, "CONSULT"),
    ("051", "praised", 1, 3.4, "SUPPORT"),
    ("057", "signed an agreement with", 1, 8.0, "AGREE"),
    ("061", "cooperated with", 2, 6.4, "COOPERATE"),
    ("070", "aided", 2, 7.0, "AID"),
    ("111", "criticized", 3, -2.0, "ACCUSE"),
    ("112", "accused", 3, -2.0, "ACCUSE"),
    ("130", "threatened", 3, -4.4, "THREATEN"),
    ("163", "sanctioned", 4, -8.0, "SANCTION"),
    ("173", "arrested", 4, -5.0, "SEIZE"),
    ("190", "attacked", 4, -10.0, "ASSAULT"),
    ("193", "fought", 4, -10.0, "ASSAULT"),
];
const OUTLETS: &[&str] = &["Reuters", "AP", "AFP", "APA", "TASS", "Xinhua", "BBC", "Anadolu"];

/// Fill `store` with synthetic documents until it holds at least
/// `options.events` events, in batches of 2,000 documents (one transaction
/// each). `progress` is called after every batch with the event count.
/// Returns (documents, mentions) written.
pub fn synthesize(store: &mut Store, options: &SynthOptions, mut progress: impl FnMut(u64)) -> Result<(u64, u64)> {
    let mut rng = Rng(options.seed.max(1));
    let start: jiff::civil::Date = "2024-12-31".parse().expect("a valid date");
    let mut events = store.info()?.events;
    let mut docs = 0u64;
    let mut mentions = 0u64;
    let mut recent: Vec<(usize, usize, usize, usize, usize, i64)> = Vec::new();
    let now = 1_735_689_600; // 2025-01-01T00:00:00Z
    while events < options.events {
        let mut batch = Vec::with_capacity(2000);
        for _ in 0..2000 {
            let day = rng.below(options.days.max(1) as usize) as i64;
            let mut text = String::new();
            let mut records = Vec::new();
            let mut sentences = Vec::new();
            for i in 0..options.per_document.max(1) {
                let repeat = options.repeat > 0 && !recent.is_empty() && (mentions + 1).is_multiple_of(options.repeat);
                let pick = if repeat {
                    recent[rng.below(recent.len())]
                } else {
                    (
                        rng.below(COUNTRIES.len()),
                        rng.below(ROLES.len()),
                        rng.below(COUNTRIES.len()),
                        rng.below(CODES.len()),
                        rng.below(3),
                        day,
                    )
                };
                if !repeat {
                    if recent.len() >= 256 {
                        recent.swap_remove(rng.below(256));
                    }
                    recent.push(pick);
                }
                let (s, role, t, c, place, d) = pick;
                let t = if t == s { (t + 1) % COUNTRIES.len() } else { t };
                let (code, verb, quad, goldstein, plover) = CODES[c];
                let source = format!("{}{}", COUNTRIES[s].0, ROLES[role]);
                let target = COUNTRIES[t].0.to_string();
                let start_at = text.len();
                let src_text = format!("{} officials", COUNTRIES[s].1);
                text.push_str(&src_text);
                text.push(' ');
                let verb_at = text.len();
                text.push_str(verb);
                text.push(' ');
                let tgt_at = text.len();
                text.push_str(COUNTRIES[t].1);
                let place_name = match place {
                    0 => None,
                    1 => Some(COUNTRIES[s].1),
                    _ => Some(COUNTRIES[t].1),
                };
                if let Some(p) = place_name {
                    text.push_str(" in ");
                    text.push_str(p);
                }
                text.push_str(". ");
                let end = text.len() - 1;
                let date = start.checked_sub(jiff::Span::new().days(d)).map(|x| x.to_string()).ok();
                records.push(EventRecord {
                    doc: String::new(),
                    sentence: i,
                    date,
                    date_method: "publication".into(),
                    source: ActorRef {
                        code: source,
                        text: Some(src_text.clone()),
                        span: Some([start_at, start_at + src_text.len()]),
                    },
                    target: ActorRef {
                        code: target,
                        text: Some(COUNTRIES[t].1.to_string()),
                        span: Some([tgt_at, tgt_at + COUNTRIES[t].1.len()]),
                    },
                    cameo: code.into(),
                    root: code[..2].into(),
                    quad_class: Some(quad),
                    goldstein: Some(goldstein),
                    cameo_name: None,
                    plover: Some(plover.into()),
                    plover_mode: None,
                    plover_context: Vec::new(),
                    location: place_name.map(|p| Location {
                        name: p.into(),
                        country: Some(COUNTRIES[if place == 1 { s } else { t }].0.into()),
                        lat: None,
                        lon: None,
                        method: "preposition".into(),
                        span: None,
                    }),
                    text: String::new(),
                    sentence_span: [start_at, end],
                    evidence: Evidence {
                        verb: [verb_at, verb_at + verb.len()],
                        verb_text: verb.into(),
                        rule: verb.into(),
                        pattern: None,
                        paired: false,
                    },
                });
                sentences.push([start_at, end]);
                mentions += 1;
            }
            docs += 1;
            let id = format!("synth-{:016x}", rng.next());
            for r in &mut records {
                r.doc = id.clone();
            }
            let published = start.checked_sub(jiff::Span::new().days(day)).ok();
            batch.push(Report {
                document: DocumentRecord {
                    doc: id,
                    published: published.map(|d| d.to_string()),
                    source: Some(OUTLETS[rng.below(OUTLETS.len())].into()),
                    sentences: sentences.len(),
                    ..DocumentRecord::default()
                },
                text,
                sentences,
                events: records,
                quotes: Vec::new(),
                mentions: Vec::new(),
            });
        }
        let outcome = store.write_batch(&batch, Dedup::Day { window: 0 }, now)?;
        events += outcome.new_events as u64;
        progress(events);
    }
    Ok((docs, mentions))
}
