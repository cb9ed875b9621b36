//! The pipeline: one [`Document`] in, the records of the output contract out
//! ([`Record`]: the document, its events, its quotations, and on request
//! every mention). Stages run in order: segment, code (actors and events),
//! attribute (quotations, provenance), resolve (dates, places, ontology).
//!
//! A [`Pipeline`] is built once (dictionaries compiled) and is `Sync`: code
//! documents from many threads with the same pipeline.

use dyad_code::{Coded, Coder};
use dyad_dict::{Compiled, Dialect, Dictionaries, Ontology};
use dyad_doc::records::{ActorRef, DocumentRecord, EventRecord, Evidence, Location, MentionRecord, Record};
use dyad_doc::{Document, Span};
use dyad_resolve::{ActorHint, DocDates, DocPlaces, Resolver};
use dyad_segment::Segmented;

/// Compiled dictionaries and tables, ready to code documents.
pub struct Pipeline {
    pub dict: Dictionaries,
    compiled: Compiled,
    pub ontology: Ontology,
    pub dialect: Dialect,
    /// Let the engine drop negated verbs no pattern handles (dyad's own
    /// dictionaries rely on this; TABARI/PETRARCH dictionaries encode
    /// negation in patterns).
    pub negation: bool,
}

/// What to include in the output.
#[derive(Clone, Copy, Debug, Default)]
pub struct Output {
    /// Emit `mention` records (actors, dates, places).
    pub mentions: bool,
}

fn pair(span: Span) -> [usize; 2] {
    span.pair()
}

impl Pipeline {
    /// A pipeline over dyad's built-in dictionaries.
    pub fn builtin() -> Pipeline {
        let mut p = Pipeline::new(Dictionaries::builtin(), Dialect::Petrarch);
        p.negation = true;
        p
    }

    /// A pipeline over the given (finished) dictionaries.
    pub fn new(dict: Dictionaries, dialect: Dialect) -> Pipeline {
        let compiled = dict.compile();
        Pipeline {
            dict,
            compiled,
            ontology: Ontology::builtin(),
            dialect,
            negation: false,
        }
    }

    /// The coding engine over this pipeline's dictionaries.
    pub fn coder(&self) -> Coder<'_> {
        let mut c = Coder::new(&self.dict, &self.compiled, self.dialect);
        c.negation = self.negation;
        c
    }

    /// Code every sentence of a segmented document, pronouns carried from
    /// one sentence to the next.
    pub fn code_sentences(&self, doc: &Document, seg: &Segmented) -> Vec<Coded> {
        let dates = Resolver::builtin().dates(seg, &doc.text, doc.date);
        self.code_sentences_dated(doc, seg, &dates)
    }

    /// Code every sentence with its own date (its first date expression,
    /// else the dateline's, else publication), so that date-restricted actor
    /// codes follow the date the sentence speaks of.
    fn code_sentences_dated(&self, doc: &Document, seg: &Segmented, dates: &DocDates) -> Vec<Coded> {
        let coder = self.coder();
        let resolver = Resolver::builtin();
        let mut context: Vec<String> = Vec::new();
        let mut pair: Vec<String> = Vec::new();
        seg.sentences
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let date = resolver.sentence_date(dates, i);
                let coded = coder.code_after(seg, s, &doc.text, date, &context, &pair);
                if !coded.subject.is_empty() {
                    context = coded.subject.clone();
                }
                pair = coded.pair.clone();
                coded
            })
            .collect()
    }

    /// All records for one document: the document record first, then events
    /// in sentence order, then mentions when asked for.
    /// [`Self::process`], with a failure of the engine on this document (a
    /// panic, an internal error) caught and returned as `None`, so that one
    /// document never takes down a batch or a server.
    pub fn process_guarded(&self, doc: &Document, output: Output) -> Option<Vec<Record>> {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.process(doc, output))).ok()
    }

    pub fn process(&self, doc: &Document, output: Output) -> Vec<Record> {
        let seg = dyad_segment::segment(&doc.text);
        let resolver = Resolver::builtin();
        let dates = resolver.dates(&seg, &doc.text, doc.date);
        let coded = self.code_sentences_dated(doc, &seg, &dates);
        let places = self.places(doc, &seg, &coded);
        let resolved = (&dates, &places);
        let mut records = Vec::new();
        let attribution = dyad_attribute::attribute(doc, &seg, &coded, &self.dict);
        let mut document = self.document_record(doc, &seg);
        document.agencies = attribution.agencies;
        document.photo_credits = attribution.photo_credits;
        document.byline = attribution.byline;
        records.push(Record::Document(document));
        for (index, (s, c)) in seg.sentences.iter().zip(&coded).enumerate() {
            let anniversary = self.negation && past_day_only(&dates, index, doc.date);
            for e in &c.events {
                if anniversary {
                    continue;
                }
                let record = self.event_record(doc, index, s.span, e, resolved, &c.mentions);
                if self.negation && history(&record, doc.date) {
                    continue;
                }
                // Two roles of no known country ("the government and
                // opposition agreed", with no place to say whose) are no dyad.
                if self.negation && record.source.code.starts_with("---") && record.target.code.starts_with("---") {
                    continue;
                }
                // A role filled with the other side's country that is then
                // the other side itself ("troops fired on peacekeepers").
                if self.negation && record.source.code == record.target.code {
                    continue;
                }
                // A source role of no country, filled with the country that
                // is the target itself ("Officials fear North Korea could
                // ...": PRKGOV -> PRK), says nothing of who acted.
                let filled = e.source.code.starts_with("---") && !record.source.code.starts_with("---");
                if self.negation
                    && filled
                    && record.target.code.len() == 3
                    && record.source.code.starts_with(record.target.code.as_str())
                {
                    continue;
                }
                records.push(Record::Event(record));
            }
        }
        records.extend(attribution.quotes.into_iter().map(Record::Quote));
        if output.mentions {
            for (index, c) in coded.iter().enumerate() {
                for m in &c.mentions {
                    records.push(Record::Mention(MentionRecord {
                        kind: "actor".into(),
                        doc: doc.id.clone(),
                        sentence: index,
                        start: m.span.start as usize,
                        end: m.span.end as usize,
                        text: m.span.slice(&doc.text).to_string(),
                        code: Some(m.codes.join("/")),
                        ..MentionRecord::default()
                    }));
                }
            }
            let more = resolver.mention_records(&doc.id, &doc.text, &dates, &places);
            records.extend(more.into_iter().map(Record::Mention));
        }
        records
    }

    /// The places of a document, capitals used as actors told apart by the
    /// sentences' actor mentions.
    fn places(&self, doc: &Document, seg: &Segmented, coded: &[Coded]) -> DocPlaces {
        let hints: Vec<Vec<ActorHint>> = coded
            .iter()
            .map(|c| {
                c.mentions
                    .iter()
                    .map(|m| ActorHint {
                        span: m.span,
                        role: dyad_resolve::actor_role(m.actor.map(|a| self.dict.actors[a as usize].kind)),
                    })
                    .collect()
            })
            .collect();
        let codes: Vec<&str> = coded
            .iter()
            .flat_map(|c| &c.mentions)
            .flat_map(|m| &m.codes)
            .map(String::as_str)
            .collect();
        Resolver::builtin().places(seg, &doc.text, &hints, &codes)
    }

    fn document_record(&self, doc: &Document, seg: &Segmented) -> DocumentRecord {
        DocumentRecord {
            doc: doc.id.clone(),
            title: doc.title.clone(),
            published: doc.date.map(|d| d.to_string()),
            url: doc.url.clone(),
            source: doc.source.clone(),
            dateline: seg.datelines.first().map(|s| s.slice(&doc.text).to_string()),
            sentences: seg.sentences.len(),
            metadata: doc.metadata.clone(),
            warnings: doc.warnings.clone(),
            ..DocumentRecord::default()
        }
    }

    fn event_record(
        &self,
        doc: &Document,
        sentence: usize,
        sentence_span: Span,
        e: &dyad_code::Event,
        (dates, places): (&DocDates, &DocPlaces),
        mentions: &[dyad_code::Mention],
    ) -> EventRecord {
        let resolver = Resolver::builtin();
        let (date, date_method) = resolver.event_date(dates, sentence, e.verb, &doc.text);
        let location = resolver.event_location(places, sentence, e.verb);
        let third = third_location(resolver, &e.code, location.as_ref(), [&e.source.code, &e.target.code]);
        let code = third.unwrap_or(&e.code);
        let (mut source, mut target) = (e.source.clone(), e.target.clone());
        if self.negation {
            // dyad's own conventions (the built-in dictionaries).
            let gazetteer = resolver.places.gazetteer;
            // The one country the sentence names, if it names only one.
            let mut countries = mentions
                .iter()
                .flat_map(|m| m.codes.iter())
                .filter_map(|c| c.get(..3))
                .filter(|c| gazetteer.country(c).is_some());
            let first = countries.next();
            let named = first.filter(|f| countries.all(|c| c == *f));
            let repression = code.starts_with("17") && source.code.len() > 3;
            if let Some(c) = domestic_country(
                resolver,
                &target.code,
                &source.code,
                repression,
                location.as_ref(),
                named,
            ) {
                target.code = c;
            }
            if let Some(c) = domestic_country(resolver, &source.code, &target.code, false, location.as_ref(), named) {
                source.code = c;
            }
        }
        let info = self.ontology.event(code);
        let plover = self.ontology.plover(code);
        let actor = |p: &dyad_code::Party| ActorRef {
            code: p.code.clone(),
            text: p.span.map(|s| s.slice(&doc.text).to_string()),
            span: p.span.map(pair),
        };
        EventRecord {
            doc: doc.id.clone(),
            sentence,
            date,
            date_method: date_method.name().to_string(),
            source: actor(&source),
            target: actor(&target),
            cameo: code.to_string(),
            root: code.chars().take(2).collect(),
            quad_class: info.map(|i| i.quad_class),
            goldstein: info.map(|i| i.goldstein),
            cameo_name: info.map(|i| i.name.to_string()),
            plover: plover.map(|p| p.event.to_string()),
            plover_mode: plover.map(|p| p.mode.to_string()).filter(|m| !m.is_empty()),
            plover_context: plover
                .map(|p| p.context.iter().map(|c| c.to_string()).collect())
                .unwrap_or_default(),
            location,
            text: sentence_span.slice(&doc.text).to_string(),
            sentence_span: pair(sentence_span),
            evidence: Evidence {
                verb: pair(e.verb),
                verb_text: e.verb.slice(&doc.text).to_string(),
                rule: match third {
                    Some(_) => format!("{} (third location)", e.rule),
                    None => e.rule.clone(),
                },
                pattern: e.pattern.map(|l| self.dict.loc(l)),
                paired: e.paired,
            },
        }
    }
}

/// CAMEO 044 "meet at a third location": a meeting (040) placed by a
/// preposition (`met in Geneva`) in a country that is neither side's.
fn third_location(
    resolver: &Resolver,
    code: &str,
    location: Option<&Location>,
    sides: [&str; 2],
) -> Option<&'static str> {
    let location = location.filter(|l| code == "040" && l.method == "preposition")?;
    let place_country = location.country.as_deref()?;
    let gazetteer = resolver.places.gazetteer;
    let away = sides.iter().all(|side| {
        let country = side.get(..3).unwrap_or("");
        gazetteer.country(country).is_some() && country != place_country
    });
    away.then_some("044")
}

/// An event the sentence dates more than a year before publication ("In
/// July 1995, ...", "on Aug. 2, 1990"): history or an anniversary, not
/// news of an event. Only a stated month or day counts.
fn history(record: &EventRecord, published: Option<dyad_doc::Date>) -> bool {
    let (Some(published), Some(date)) = (published, record.date.as_deref()) else {
        return false;
    };
    if record.date_method != "expression" {
        return false;
    }
    // The last day of the period the expression names ("1995-07": July 31).
    let mut parts = date.split('-').map(|p| p.parse::<i16>().ok());
    let Some(Some(year)) = parts.next() else { return false };
    // A bare year is too often a modifier ("the 1991 Gulf War", "a 2000
    // peace deal") to date the event.
    let Some(Some(month)) = parts.next() else { return false };
    let end = match parts.next().flatten() {
        Some(d) => dyad_doc::Date::new(year, month as i8, d as i8).ok(),
        None => dyad_doc::Date::new(year, month as i8, 1)
            .ok()
            .map(|d| d.last_of_month()),
    };
    end.is_some_and(|end| (published - end).get_days() > 366)
}

/// A sentence whose only full dates (day and month) lie more than a year
/// before publication, and that names no recent one ("75 years ago, on
/// Aug. 6, 1945"): an anniversary or history, whatever expression is
/// nearest the verb.
fn past_day_only(dates: &DocDates, sentence: usize, published: Option<dyad_doc::Date>) -> bool {
    let (Some(published), Some(found)) = (published, dates.sentences.get(sentence)) else {
        return false;
    };
    let days: Vec<dyad_doc::Date> = found
        .iter()
        .filter_map(|m| match m.value {
            Some(dyad_resolve::Value::Day(d)) => Some(d),
            _ => None,
        })
        .collect();
    !days.is_empty() && days.iter().all(|&d| (published - d).get_days() > 366)
}

/// A role with no country on either side (`---CVL`: "shot dead dozens of
/// protesters") is of the country the event took place in (`in Bucha`, the dateline), else
/// of the other side's country, else of the only country the sentence names
/// (`named`): wire copy names a country once and leaves the domestic actors
/// of the story unqualified. `represses`: the other side is a state that
/// arrests, detains or bans (17x) this one. `None`: nothing to fill.
fn domestic_country(
    resolver: &Resolver,
    code: &str,
    other: &str,
    represses: bool,
    location: Option<&Location>,
    named: Option<&str>,
) -> Option<String> {
    let role = code.strip_prefix("---").filter(|r| !r.is_empty())?;
    // A state that arrests, detains or bans acts at home, wherever the
    // event is placed: the protesters Russian police detain at rallies
    // against the war in Ukraine are Russian.
    let location = location.filter(|_| !represses);
    let gazetteer = resolver.places.gazetteer;
    let known = |c: &str| gazetteer.country(c).is_some();
    // Protesters, unions, the opposition or the press facing "the
    // government", "the police", "the courts" face their own state's, wherever
    // the event is placed ("launched a strike to press the government to
    // secure the release of hostages held in Gaza": Israel's).
    let state = matches!(role.get(..3), Some("GOV" | "LEG" | "JUD" | "COP"));
    let civil = matches!(
        other.get(3..6),
        Some("CVL" | "LAB" | "OPP" | "MED" | "BUS" | "EDU" | "AGR" | "HRI" | "REL")
    );
    let own = other.get(..3).filter(|c| state && civil && known(c));
    let country = own
        .or_else(|| location.and_then(|l| l.country.as_deref()).filter(|c| known(c)))
        .or_else(|| other.get(..3).filter(|c| known(c)))
        .or(named)?;
    Some(format!("{country}{role}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_doc::Origin;

    #[test]
    fn a_document_record_comes_first_and_events_carry_the_ontology() {
        let mut d = Dictionaries::new();
        d.add_text(
            "a.txt",
            "ARNOR [ARN]\nGONDOR [GON]\n",
            dyad_dict::Kind::Actors,
            Dialect::Petrarch,
        );
        d.add_text(
            "v.txt",
            "--- ATTACK [190] ---\nATTACK\n",
            dyad_dict::Kind::Verbs,
            Dialect::Petrarch,
        );
        d.finish();
        let p = Pipeline::new(d, Dialect::Petrarch);
        let mut doc = Document::from_text("Arnor attacked Gondor on Monday.", Origin::file("t"));
        doc.date = dyad_doc::parse_date("2024-01-10");
        let records = p.process(&doc, Output { mentions: true });
        assert!(matches!(records[0], Record::Document(_)));
        let Record::Event(e) = &records[1] else {
            panic!("{records:?}")
        };
        assert_eq!(
            (e.source.code.as_str(), e.target.code.as_str(), e.cameo.as_str()),
            ("ARN", "GON", "190")
        );
        assert_eq!(e.quad_class, Some(4));
        assert_eq!(e.source.span, Some([0, 5]));
        assert_eq!(e.evidence.verb_text, "attacked");
        // "on Monday" in a story of Wednesday 2024-01-10.
        assert_eq!(
            (e.date.as_deref(), e.date_method.as_str()),
            (Some("2024-01-08"), "expression")
        );
        let mentions: Vec<&str> = records
            .iter()
            .filter_map(|r| match r {
                Record::Mention(m) => Some(m.kind.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(mentions, ["actor", "actor", "date"]);
        let json = serde_json::to_string(&records[1]).unwrap();
        assert!(json.starts_with("{\"kind\":\"event\""), "{json}");
    }

    fn builtin_codes(pipeline: &Pipeline, date: &str, text: &str) -> Vec<(String, String, String)> {
        let mut doc = Document::from_text(text.to_string(), Origin::at("t", 1));
        doc.date = dyad_doc::parse_date(date);
        pipeline
            .process(&doc, Output::default())
            .into_iter()
            .filter_map(|r| match r {
                Record::Event(e) => Some((e.source.code, e.target.code, e.cameo)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_two_ministers_are_the_two_named_before() {
        let pipeline = Pipeline::builtin();
        let codes = builtin_codes(
            &pipeline,
            "2024-03-04",
            "Turkish Foreign Minister Hakan Fidan met Azerbaijani Foreign Minister Jeyhun Bayramov in Baku. \
             The two ministers signed an agreement on energy cooperation.",
        );
        assert!(
            codes.contains(&("TURGOV".into(), "AZEGOV".into(), "057".into())),
            "{codes:?}"
        );
        assert!(
            codes.contains(&("AZEGOV".into(), "TURGOV".into(), "057".into())),
            "{codes:?}"
        );
        // With no pair before, the phrase is no one in particular.
        let alone = builtin_codes(&pipeline, "2024-03-04", "The two ministers signed an agreement.");
        assert_eq!(alone, []);
    }

    #[test]
    fn a_source_role_filled_with_the_target_country_is_no_event() {
        let pipeline = Pipeline::builtin();
        let codes = builtin_codes(&pipeline, "2024-09-02", "Officials criticized Iran on Monday.");
        assert_eq!(codes, []);
    }

    #[test]
    fn civilians_facing_the_government_face_their_own_wherever_they_are() {
        let pipeline = Pipeline::builtin();
        let codes = builtin_codes(
            &pipeline,
            "2024-09-02",
            "Venezuelan protesters rallied in Madrid on Sunday against the government.",
        );
        assert_eq!(codes, [("VENCVL".into(), "VENGOV".into(), "141".into())]);
    }

    #[test]
    fn a_target_role_without_a_country_takes_the_place_else_the_other_side() {
        let pipeline = Pipeline::builtin();
        let codes = |text: &str| builtin_codes(&pipeline, "2022-04-01", text);
        // The place of the event: Bucha is in Ukraine.
        let bucha = codes("Russian troops killed dozens of civilians in Bucha on Monday.");
        assert!(
            bucha.iter().any(|(s, t, _)| s == "RUSMIL" && t == "UKRCVL"),
            "{bucha:?}"
        );
        // No place: the source's country.
        let protesters = codes("Myanmar troops shot dead dozens of protesters on Saturday.");
        assert!(
            protesters.iter().any(|(s, t, _)| s == "MMRMIL" && t == "MMRCVL"),
            "{protesters:?}"
        );
    }

    #[test]
    fn a_capital_visited_is_the_country_a_capital_addressed_is_the_government() {
        let pipeline = Pipeline::builtin();
        let visit = builtin_codes(
            &pipeline,
            "2024-08-23",
            "Indian Prime Minister Narendra Modi visited Kyiv on Friday.",
        );
        assert!(
            visit.contains(&("INDGOV".into(), "UKR".into(), "042".into())),
            "{visit:?}"
        );
        let condolences = builtin_codes(
            &pipeline,
            "2024-05-20",
            "Turkish President Tayyip Erdogan offered his condolences to Tehran on Monday.",
        );
        assert!(
            condolences.iter().any(|(s, t, _)| s == "TURGOV" && t == "IRNGOV"),
            "{condolences:?}"
        );
    }

    #[test]
    fn events_dated_years_before_publication_are_history() {
        let pipeline = Pipeline::builtin();
        let old = builtin_codes(&pipeline, "2020-08-02", "Iraqi troops invaded Kuwait on Aug. 2, 1990.");
        assert_eq!(old, []);
        let new = builtin_codes(&pipeline, "1990-08-03", "Iraqi troops invaded Kuwait on Aug. 2, 1990.");
        assert!(!new.is_empty());
        // A bare year is a modifier, not the event's date.
        let raid = builtin_codes(
            &pipeline,
            "2013-03-22",
            "Israel apologised to Turkey on Friday for a deadly 2010 raid.",
        );
        assert!(!raid.is_empty());
    }

    #[test]
    fn a_building_after_at_is_a_venue_not_a_target() {
        let pipeline = Pipeline::builtin();
        let mut signed = builtin_codes(
            &pipeline,
            "2025-08-09",
            "A treaty was signed by Armenia and Azerbaijan at the White House on Friday.",
        );
        signed.sort();
        let expected = [("ARM", "AZE", "057"), ("AZE", "ARM", "057")].map(|(s, t, c)| (s.into(), t.into(), c.into()));
        assert_eq!(signed, expected);
    }

    #[test]
    fn a_meeting_in_neither_sides_country_is_a_third_location_meeting() {
        let pipeline = Pipeline::builtin();
        let codes = |text: &str| -> Vec<(String, String, String)> {
            let mut doc = Document::from_text(text.to_string(), Origin::at("t", 1));
            doc.date = dyad_doc::parse_date("2018-07-17");
            pipeline
                .process(&doc, Output::default())
                .into_iter()
                .filter_map(|r| match r {
                    Record::Event(e) => Some((e.source.code, e.target.code, e.cameo)),
                    _ => None,
                })
                .collect()
        };
        let helsinki =
            codes("Russian President Vladimir Putin and U.S. President Donald Trump met in Helsinki on Monday.");
        assert!(!helsinki.is_empty());
        assert!(helsinki.iter().all(|(_, _, c)| c == "044"), "{helsinki:?}");
        // In one side's own country it stays a meeting (040).
        let moscow = codes("Russian President Vladimir Putin and U.S. President Donald Trump met in Moscow on Monday.");
        assert!(!moscow.is_empty());
        assert!(moscow.iter().all(|(_, _, c)| c == "040"), "{moscow:?}");
    }

    #[test]
    fn a_nerve_agent_is_no_spy_and_salisbury_is_in_england() {
        let pipeline = Pipeline::builtin();
        let codes = builtin_codes(
            &pipeline,
            "2018-03-20",
            "Russia carried out the nerve agent attack on a former spy in Salisbury, Britain said.",
        );
        assert!(!codes.is_empty());
        assert!(
            codes
                .iter()
                .all(|(s, t, _)| !(s.contains("SPY") || t.contains("SPY") || s.contains("ZWE") || t.contains("ZWE"))),
            "{codes:?}"
        );
    }

    #[test]
    fn roles_of_no_country_take_the_only_country_named_else_make_no_event() {
        let pipeline = Pipeline::builtin();
        let codes = |text: &str| builtin_codes(&pipeline, "2013-08-22", text);
        let syria = codes("Syrian activists said government forces had killed dozens of civilians.");
        assert!(
            syria.iter().any(|(s, t, _)| s == "SYRMIL" && t == "SYRCVL"),
            "{syria:?}"
        );
        let none = codes("The government and the opposition agreed on a timetable for elections.");
        assert!(none.is_empty(), "{none:?}");
    }

    #[test]
    fn those_a_state_arrests_are_of_its_country_wherever_the_war_is() {
        let pipeline = Pipeline::builtin();
        let codes = builtin_codes(
            &pipeline,
            "2022-02-25",
            "Russian police detained 1,700 protesters at rallies against the war in Ukraine.",
        );
        assert!(
            codes
                .iter()
                .any(|(s, t, c)| s == "RUSCOP" && t == "RUSCVL" && c == "173"),
            "{codes:?}"
        );
    }

    #[test]
    fn a_capital_that_qualifies_a_role_is_its_country() {
        let pipeline = Pipeline::builtin();
        let codes = |text: &str| builtin_codes(&pipeline, "2024-03-01", text);
        let court = codes("A Moscow court convicted a U.S. citizen of espionage on Monday.");
        assert!(court.iter().any(|(s, _, _)| s == "RUSJUD"), "{court:?}");
        let police = codes("Iranian police fired tear gas at protesters in Tehran on Monday.");
        assert!(police.iter().any(|(_, t, _)| t == "IRNCVL"), "{police:?}");
    }

    #[test]
    fn a_capital_attacked_is_its_country() {
        let pipeline = Pipeline::builtin();
        let codes = builtin_codes(&pipeline, "2024-03-01", "Russian troops attacked Kyiv on Monday.");
        assert!(codes.iter().any(|(s, t, _)| s == "RUSMIL" && t == "UKR"), "{codes:?}");
    }

    #[test]
    fn a_sentence_dated_only_by_an_old_full_date_is_history() {
        let pipeline = Pipeline::builtin();
        let codes = builtin_codes(
            &pipeline,
            "2020-08-02",
            "Iraqi troops invaded Kuwait 30 years ago, on Aug. 2, 1990.",
        );
        assert!(codes.is_empty(), "{codes:?}");
    }

    #[test]
    fn compounds_before_a_subordinate_clause_keep_their_phrases_straight() {
        // Merging "Russia and China" into one compound moved the phrases
        // after it; the clause test after the comma read a stale index.
        let pipeline = Pipeline::builtin();
        for text in [
            "The U.S. Defense Department and the United States Embassy in the Bahamas have been pressuring the \
             rebels to disarm, but the threat of airstrikes grew as the insurgents battled a government offensive.",
            "The deal was signed by Prime Minister Tayyip Erdogan and opposition leader Nicos Anastasiades after \
             a meeting in Ankara, as the leaders announced a new beginning.",
        ] {
            // Coding must not fail.
            let codes = builtin_codes(&pipeline, "2015-05-01", text);
            assert!(codes.len() < 10, "{codes:?}");
        }
    }
}
