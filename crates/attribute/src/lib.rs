//! Who said it: quotations with their speakers, and where a document came
//! from.
//!
//! [`attribute`] reads a segmented, coded document and returns an
//! [`Attribution`]:
//!
//! - **direct quotations** in straight, curly, guillemet or single marks,
//!   nested quotes kept inside their quotation, quotations continued across
//!   paragraphs (a paragraph that ends without a closing mark and a next one
//!   that opens with a mark), unbalanced marks closed at the end of their
//!   paragraph, split quotations with the attribution in the middle
//!   (`"Our ties," the minister went on, "have never been stronger."` is one
//!   quotation in two parts), quotations embedded in a sentence;
//! - **reported speech**, every frame of a sentence: `X said (that) ...`,
//!   `X told Y ...`, `..., X said.`, `..., said X.`, `according to X, ...`,
//!   `..., adding that ...` (the clause's subject), `Smith, who said ...,`,
//!   `X declined to comment`, `Asked whether ..., `, and verbs of stance
//!   (`want`, `support`, `believe`); a cue word used as a noun (`the United
//!   States`, `eight states`, `radio show`) is not a cue;
//! - **speakers** by canonical name and actor code: the mention next to the
//!   quotation, a pronoun resolved to the most recent compatible person or
//!   group, a nominal reference (`the minister`) resolved to the most recent
//!   person whose title (and country) matches, or for a quotation with no
//!   cue the speaker of the previous quotation or the person named in the
//!   previous sentence; **addressees** (`told Y`, `addressing Y`);
//! - **provenance**: credited and cited news agencies, photo credits, byline.
//!
//! ```
//! use dyad_doc::{Document, Origin};
//! let doc = Document::from_text("\"We will win,\" the spokesman said. Photo: Anadolu.", Origin::file("t"));
//! let seg = dyad_segment::segment(&doc.text);
//! let dict = dyad_dict::Dictionaries::new();
//! let coded = vec![dyad_code::Coded::default(); seg.sentences.len()];
//! let a = dyad_attribute::attribute(&doc, &seg, &coded, &dict);
//! assert_eq!(a.quotes[0].text, "We will win,");
//! assert_eq!(a.quotes[0].speaker.as_ref().unwrap().name, "the spokesman");
//! assert_eq!(a.photo_credits, ["Anadolu"]);
//! ```
//!
//! Lexicons (reporting verbs and phrases, news agencies, credit phrases,
//! nominal heads) are plain text files under `data/attribution/`, compiled
//! into the binary. Cost: linear in the number of tokens, plus a short
//! backward scan of the document's mentions per pronoun or nominal speaker;
//! no allocation per token beyond two flags.

mod lexicon;
mod provenance;
mod quotes;
mod speaker;

use dyad_code::Coded;
use dyad_dict::Dictionaries;
use dyad_doc::records::{QuoteRecord, Speaker};
use dyad_doc::Document;
use dyad_segment::{Kind, Segmented};

pub use lexicon::{lexicon, Agency, CueClass, Lexicon};
use quotes::{Direct, Doc, Frame, Indirect, Part};
use speaker::Resolver;

/// Everything attribution found in one document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Attribution {
    /// Direct and reported quotations, in text order.
    pub quotes: Vec<QuoteRecord>,
    /// Every news agency the document credits or cites, canonical names,
    /// in order of first appearance (credits first).
    pub agencies: Vec<String>,
    /// Only the agencies credited for the story (datelines, credit lines).
    pub agency_credits: Vec<String>,
    pub photo_credits: Vec<String>,
    pub byline: Option<String>,
}

/// Attribute the quotations of a document and find its provenance.
///
/// `seg` is the segmentation of `doc.text` and `coded[i]` the coding of
/// sentence `i` (its actor mentions name the speakers); `dict` is the
/// dictionary the document was coded with (actor kinds, people). With an
/// empty `coded` (or mentions), speakers are named by their phrase alone.
/// Never fails: text it cannot attribute produces no record.
pub fn attribute(doc: &Document, seg: &Segmented, coded: &[Coded], dict: &Dictionaries) -> Attribution {
    let lex = lexicon();
    let text = doc.text.as_str();
    let mut d = Doc::new(text, seg, lex);
    let parts = d.parts();
    let directs = group(&d, parts);
    let resolver = Resolver::new(text, dict, doc.date, coded);
    let mut quotes: Vec<QuoteRecord> = Vec::new();
    let mut cited: Vec<usize> = Vec::new();
    // The frames that attribute direct quotations.
    let mut used_frames: Vec<Frame> = Vec::new();
    // The last emitted direct quotation: its final sentence and speaker.
    let mut previous: Option<(usize, Option<Speaker>)> = None;
    let note_agencies = |d: &Doc, frame: &Frame, cited: &mut Vec<usize>| {
        for (a, b) in frame.source.into_iter().chain(frame.addressee) {
            for ag in lex.agencies_in(d.cover(a, b).slice(text)) {
                if !cited.contains(&ag) {
                    cited.push(ag);
                }
            }
        }
    };
    for q in &directs {
        let first = &q.parts[0];
        let last = &q.parts[q.parts.len() - 1];
        let sentence = d.sentence_of[first.open] as usize;
        let last_sentence = d.sentence_of[last.close.unwrap_or(last.open)] as usize;
        let speaker = match q.frame.source.and_then(|np| d.speaker_phrase(np)) {
            Some(np) => Some(resolver.resolve(&d, np)),
            // `"...," Cruz said, stating that they are "..."`: the
            // participle's subject spoke the quotation before.
            None if q.frame.cue.is_some_and(|c| d.participle(c)) => match &previous {
                Some((s, sp)) if *s == sentence => sp.clone(),
                _ => None,
            },
            None if q.frame.cue.is_some() => None,
            None => {
                let starts_sentence = sentence_initial(&d, first.open);
                let words = text[first.span.start as usize..first.span.end as usize]
                    .split_whitespace()
                    .count();
                if !starts_sentence && words < 5 {
                    continue;
                }
                let speaker = match &previous {
                    Some((s, sp)) if sentence <= s + 1 && sp.is_some() => sp.clone(),
                    // `..., Cole said. "That's exactly what people want."`:
                    // the speaker of the sentence before reports it too.
                    _ => sentence.checked_sub(1).and_then(|s| {
                        d.indirects(s, &used_frames)
                            .iter()
                            .rev()
                            .filter(|ind| ind.frame.cue.is_some_and(|c| c.class == CueClass::Speech))
                            .find_map(|ind| reported_speaker(&d, &resolver, s, ind))
                            .or_else(|| resolver.named_in_sentence(s))
                    }),
                };
                speaker.map(|mut sp| {
                    sp.span = None;
                    sp
                })
            }
        };
        note_agencies(&d, &q.frame, &mut cited);
        if q.frame.cue.is_some() {
            used_frames.push(q.frame.clone());
        }
        previous = Some((last_sentence, speaker.clone()));
        quotes.push(record(doc, &d, &resolver, sentence, speaker, &q.frame, &q.parts, true));
    }
    for s in 0..seg.sentences.len() {
        for ind in d.indirects(s, &used_frames) {
            note_agencies(&d, &ind.frame, &mut cited);
            let speaker = reported_speaker(&d, &resolver, s, &ind);
            let part = Part {
                open: 0,
                close: None,
                span: ind.content,
                paragraph: 0,
                continued: false,
            };
            quotes.push(record(
                doc,
                &d,
                &resolver,
                ind.sentence,
                speaker,
                &ind.frame,
                &[part],
                false,
            ));
        }
    }
    // A quotation with neither speaker nor cue inside what a reported frame
    // says (`noting the nominee "makes you want to retch."`) is part of it.
    let reported: Vec<[usize; 2]> = quotes
        .iter()
        .filter(|q| !q.direct)
        .flat_map(|q| q.spans.clone())
        .collect();
    quotes.retain(|q| {
        let orphan = q.direct && q.speaker.is_none() && q.cue.is_none();
        !orphan
            || !q
                .spans
                .iter()
                .all(|s| reported.iter().any(|r| r[0] <= s[0] && s[1] <= r[1] + 3))
    });
    quotes.sort_by_key(|q| q.spans.first().map(|s| s[0]));
    let prov = provenance::provenance(text, seg, lex);
    let name = |i: &usize| lex.agencies[*i].name.clone();
    let agency_credits: Vec<String> = prov.credited.iter().map(name).collect();
    let mut agencies = agency_credits.clone();
    for i in prov.cited.iter().chain(&cited) {
        let n = name(i);
        if !agencies.contains(&n) {
            agencies.push(n);
        }
    }
    Attribution {
        quotes,
        agencies,
        agency_credits,
        photo_credits: prov.photo_credits,
        byline: prov.byline,
    }
}

/// The speaker of a reported frame in sentence `s`.
fn reported_speaker(d: &Doc, resolver: &Resolver, s: usize, ind: &Indirect) -> Option<Speaker> {
    match ind.frame.source {
        // `Smith, who said ...`: Smith, at the word `who`.
        Some(np) => Some(match d.relative_target(np) {
            Some(target) => Speaker {
                span: Some(d.cover(np.0, np.1).pair()),
                ..resolver.resolve(d, target)
            },
            None => resolver.resolve(d, np),
        }),
        None if ind.participial => ind
            .frame
            .cue
            .and_then(|c| resolver.subject_in_sentence(s, d.tok(c.start).span.start)),
        None => None,
    }
}

/// Whether only punctuation precedes token `i` in its sentence.
fn sentence_initial(d: &Doc, i: usize) -> bool {
    let (a, _) = d.sentence_range(d.sentence_of[i] as usize);
    (a..i).all(|k| !matches!(d.tok(k).kind, Kind::Word | Kind::Number))
}

/// Whether a quotation part ends its clause, so that a cue after it can
/// attribute it (`"...," he said`, `"..." he said`), unlike a quotation in
/// mid-clause (`an "excellent chance" to win`).
fn ends_clause(d: &Doc, part: &Part, close: usize) -> bool {
    // `help,’” Rep. Jim McDermott said`: a nested quotation closes first.
    let inner = part
        .span
        .slice(d.text)
        .trim_end_matches(['\'', '"', '\u{2019}', '\u{201D}']);
    if inner.ends_with([',', '.', '?', '!', ':', ';', '\u{2026}', '-', '\u{2014}']) {
        return true;
    }
    let s = d.sentence_of[close] as usize;
    let (_, end) = d.sentence_range(s);
    match (close + 1..end).next() {
        None => true,
        Some(k) if !matches!(d.tok(k).kind, Kind::Word | Kind::Number) => true,
        // `"..." he said` without a comma: a cue within three words.
        Some(k) => (k..end.min(k + 3)).any(|i| d.cue_at(i, end).is_some()),
    }
}

/// Group quotation parts into quotations and find each one's frame.
fn group(d: &Doc, parts: Vec<Part>) -> Vec<Direct> {
    let mut out: Vec<Direct> = Vec::new();
    for p in parts {
        if let Some(last) = out.last_mut() {
            if p.continued {
                last.parts.push(p);
                continue;
            }
            let prev = &last.parts[last.parts.len() - 1];
            if let Some(close) = prev.close {
                if prev.paragraph == p.paragraph && p.open > close + 1 && p.open - close <= 14 {
                    let between = d.cover(close + 1, p.open).slice(d.text).trim_end();
                    let inner = prev.span.slice(d.text);
                    let split = between.ends_with([',', ':'])
                        && (inner.ends_with(',') || between.starts_with(','))
                        && last.frame.cue.is_none();
                    if split {
                        // `"...," she said, but despite the tone, "..." said
                        // Kunin`: a clause after the frame starts anew.
                        let frame = d.frame_after(close + 1, p.open).filter(|f| {
                            let end = [f.cue.map(|c| c.end), f.source.map(|s| s.1), f.addressee.map(|s| s.1)]
                                .into_iter()
                                .flatten()
                                .max()
                                .unwrap_or(p.open);
                            (end..p.open).filter(|&k| d.is_word(k)).count() <= 3
                                && (end..p.open).all(|k| !matches!(d.norm(k), "BUT" | "AND" | "WHILE" | "THOUGH"))
                        });
                        if let Some(f) = frame {
                            last.frame = f;
                            last.parts.push(p);
                            continue;
                        }
                    }
                }
            }
        }
        out.push(Direct {
            parts: vec![p],
            frame: Frame::default(),
        });
    }
    for q in &mut out {
        // `the "Medicare for all" document`, `on ABC's "This Week"`, `an
        // ad titled "Unifier?"`: a title has no frame of its own.
        let open = q.parts[0].open;
        let titled = open > 0 && d.introduces_title(open - 1);
        if q.frame.cue.is_some() || titled {
            continue;
        }
        let after = |part: &Part| -> Option<Frame> {
            let close = part.close?;
            if !ends_clause(d, part, close) {
                return None;
            }
            let s = d.sentence_of[close] as usize;
            let (_, mut end) = d.sentence_range(s);
            if close + 1 >= end && s + 1 < d.seg.sentences.len() {
                // `"...?" Trump said.` split after the mark: a short next
                // sentence in the same paragraph can attribute it.
                let (na, nb) = d.sentence_range(s + 1);
                let same_paragraph = d.tok(na).span.start - d.tok(close).span.end < 3;
                if same_paragraph && (na..nb).filter(|&i| d.is_word(i)).count() <= 8 {
                    end = nb;
                }
            }
            let mut limit = close + 1;
            while limit < end && !d.quoted[limit] {
                limit += 1;
            }
            d.frame_after(close + 1, limit)
        };
        let first = &q.parts[0];
        let found = after(first).or_else(|| after(&q.parts[q.parts.len() - 1])).or_else(|| {
            let s = d.sentence_of[first.open] as usize;
            let (mut floor, _) = d.sentence_range(s);
            // `Reporter Jomana Karadsheh says:` ending the paragraph before.
            if floor == first.open && floor > 0 && d.raw(floor - 1) == ":" {
                floor = d.sentence_range(d.sentence_of[floor - 1] as usize).0;
            }
            while let Some(k) = (floor..first.open).rev().find(|&k| d.quoted[k]) {
                floor = k + 1;
            }
            d.frame_before(floor, first.open)
        });
        if let Some(f) = found {
            q.frame = f;
        }
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn record(
    doc: &Document,
    d: &Doc,
    resolver: &Resolver,
    sentence: usize,
    speaker: Option<Speaker>,
    frame: &Frame,
    parts: &[Part],
    direct: bool,
) -> QuoteRecord {
    let text = &doc.text;
    let cue_span = frame.cue.map(|c| d.cover(c.start, c.end));
    QuoteRecord {
        doc: doc.id.clone(),
        sentence,
        speaker,
        cue: cue_span.map(|s| s.slice(text).to_string()),
        cue_span: cue_span.map(|s| s.pair()),
        direct,
        text: parts.iter().map(|p| p.span.slice(text)).collect::<Vec<_>>().join(" "),
        spans: parts.iter().map(|p| p.span.pair()).collect(),
        addressee: frame.addressee.map(|np| resolver.resolve(d, np)),
    }
}
