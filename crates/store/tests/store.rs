//! The event database as a specification: idempotent writes, deduplication
//! that keeps every report, bad documents rolled back alone, and every query
//! and export layout checked against golden files (regenerate them with
//! `UPDATE_GOLDEN=1 cargo test -p dyad-store`, then review the diff).

use dyad_doc::records::{ActorRef, DocumentRecord, EventRecord, Evidence, Location, QuoteRecord, Speaker};
use dyad_store::{
    Dedup, EventFilter, ExportFormat, ExportOptions, NetworkLevel, NetworkQuery, Period, QuoteFilter, Report,
    SeriesQuery, Store,
};

const NOW: i64 = 1_717_200_000; // 2024-06-01T00:00:00Z

/// A report of one document whose text is `sentences` joined by spaces;
/// each sentence `"<Src> <verb> <Tgt> ..."` gets one event with the given
/// (source, target, cameo, date, place).
/// (source, target, cameo, date, place, sentence) of one event.
type Line<'a> = (&'a str, &'a str, &'a str, &'a str, Option<&'a str>, &'a str);

struct Doc<'a> {
    id: &'a str,
    source: Option<&'a str>,
    url: Option<&'a str>,
    events: Vec<Line<'a>>,
}

fn cameo(code: &str) -> (u8, f64, &'static str) {
    match &code[..2] {
        "04" => (1, 1.0, "CONSULT"),
        "05" => (1, 3.5, "AGREE"),
        "11" => (3, -2.0, "ACCUSE"),
        "19" => (4, -10.0, "ASSAULT"),
        _ => (2, 5.0, "COOPERATE"),
    }
}

fn report(d: &Doc<'_>) -> Report {
    let mut text = String::new();
    let mut events = Vec::new();
    let mut sentences = Vec::new();
    for (i, (src, tgt, code, date, place, sentence)) in d.events.iter().enumerate() {
        if !text.is_empty() {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(sentence);
        let end = text.len();
        sentences.push([start, end]);
        let first = sentence.split(' ').next().unwrap();
        let verb_at = start + first.len() + 1;
        let verb = sentence[first.len() + 1..].split(' ').next().unwrap();
        let (quad, goldstein, plover) = cameo(code);
        events.push(EventRecord {
            doc: d.id.into(),
            sentence: i,
            date: Some(date.to_string()),
            date_method: "publication".into(),
            source: ActorRef {
                code: src.to_string(),
                text: Some(first.into()),
                span: Some([start, start + first.len()]),
            },
            target: ActorRef {
                code: tgt.to_string(),
                text: None,
                span: None,
            },
            cameo: code.to_string(),
            root: code[..2].into(),
            quad_class: Some(quad),
            goldstein: Some(goldstein),
            cameo_name: Some(format!("name of {code}")),
            plover: Some(plover.into()),
            plover_mode: None,
            plover_context: vec![],
            location: place.map(|p| Location {
                name: p.into(),
                country: Some("AZE".into()),
                lat: Some(40.4093),
                lon: Some(49.8671),
                method: "preposition".into(),
                span: None,
            }),
            text: String::new(),
            sentence_span: [start, end],
            evidence: Evidence {
                verb: [verb_at, verb_at + verb.len()],
                verb_text: verb.into(),
                rule: verb.into(),
                pattern: Some("verbs.txt:12".into()),
                paired: false,
            },
        });
    }
    Report {
        document: DocumentRecord {
            doc: d.id.into(),
            title: Some(format!("Title of {}", d.id)),
            published: d.events.first().map(|e| e.3.to_string()),
            url: d.url.map(String::from),
            source: d.source.map(String::from),
            agencies: vec!["APA".into()],
            sentences: sentences.len(),
            ..DocumentRecord::default()
        },
        text,
        sentences,
        events,
        quotes: Vec::new(),
        mentions: Vec::new(),
    }
}

/// Five outlets report one meeting in Baku; one also reports a second,
/// different event; two more documents make a small history for series.
fn corpus() -> Vec<Report> {
    let meeting = (
        "AZEGOV",
        "TURGOV",
        "043",
        "2024-01-12",
        Some("Baku"),
        "Azerbaijan hosted Turkey's minister in Baku, \"to talk trade\", officials said.",
    );
    let mut docs = Vec::new();
    for (i, (id, outlet, url)) in [
        ("m1", "APA", "https://apa.az/a1"),
        ("m2", "Trend", "https://trend.az/b"),
        ("m3", "Anadolu", "https://aa.com.tr/c"),
        ("m4", "Reuters", "https://www.reuters.com/d"),
        ("m5", "TASS", "https://tass.com/e"),
    ]
    .into_iter()
    .enumerate()
    {
        let mut d = report(&Doc {
            id,
            source: Some(outlet),
            url: Some(url),
            events: vec![meeting],
        });
        if i == 0 {
            d.quotes.push(QuoteRecord {
                doc: d.document.doc.clone(),
                sentence: 0,
                speaker: Some(Speaker {
                    name: "Jeyhun Bayramov".into(),
                    code: Some("AZEGOV".into()),
                    span: None,
                }),
                cue: Some("said".into()),
                cue_span: None,
                direct: true,
                text: "to talk trade".into(),
                spans: vec![[47, 60]],
                addressee: None,
            });
        }
        docs.push(d);
    }
    docs.push(report(&Doc {
        id: "h1",
        source: None,
        url: Some("https://news.example.org/h1"),
        events: vec![
            (
                "RUSMIL",
                "UKRMIL",
                "190",
                "2024-01-03",
                None,
                "Russia attacked Ukrainian positions.",
            ),
            (
                "UKRGOV",
                "RUSGOV",
                "112",
                "2024-02-20",
                None,
                "Ukraine accused Russia of shelling.",
            ),
        ],
    }));
    docs.push(report(&Doc {
        id: "h2",
        source: Some("AP"),
        url: None,
        events: vec![
            (
                "RUSGOV",
                "UKRGOV",
                "040",
                "2024-02-21",
                None,
                "Russia consulted Ukraine on prisoners.",
            ),
            (
                "RUSMIL",
                "UKRMIL",
                "190",
                "2024-03-01",
                None,
                "Russia attacked a Ukrainian port.",
            ),
        ],
    }));
    docs
}

fn stored(dedup: Dedup) -> Store {
    let mut store = Store::in_memory().unwrap();
    let outcome = store.write_batch(&corpus(), dedup, NOW).unwrap();
    assert!(outcome.errors.is_empty(), "{:?}", outcome.errors);
    store
}

fn golden(name: &str, actual: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing golden file {}; run with UPDATE_GOLDEN=1", path.display()));
    assert_eq!(actual, expected, "output differs from {}", path.display());
}

fn export(store: &Store, format: ExportFormat, filter: &EventFilter) -> String {
    let mut out = Vec::new();
    dyad_store::export(store, filter, &ExportOptions { format, header: true }, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn five_outlets_reporting_one_meeting_make_one_event_with_five_mentions() {
    let store = stored(Dedup::Day { window: 0 });
    let info = store.info().unwrap();
    assert_eq!(info.documents, 7);
    assert_eq!(info.mentions, 9);
    assert_eq!(info.events, 5, "the meeting once, four other events");
    let meeting = store
        .events(&EventFilter {
            code: Some("043".into()),
            ..EventFilter::default()
        })
        .unwrap();
    assert_eq!(meeting.len(), 1);
    let m = &meeting[0];
    assert_eq!((m.num_mentions, m.num_sources, m.num_articles), (5, 5, 5));
    assert_eq!(m.record.doc, "m1", "the first report is the event's record");
    assert!(m.record.text.starts_with("Azerbaijan hosted"), "{}", m.record.text);
    assert_eq!(store.reports(m.id).unwrap().len(), 5);
}

#[test]
fn without_dedup_every_report_is_an_event() {
    let store = stored(Dedup::None);
    let info = store.info().unwrap();
    assert_eq!((info.events, info.mentions), (9, 9));
}

#[test]
fn a_window_merges_reports_a_few_days_apart() {
    let mut store = Store::in_memory().unwrap();
    let a = report(&Doc {
        id: "w1",
        source: Some("AP"),
        url: None,
        events: vec![(
            "RUSMIL",
            "UKRMIL",
            "190",
            "2024-03-01",
            None,
            "Russia attacked Kharkiv.",
        )],
    });
    let mut b = a.clone();
    b.document.doc = "w2".into();
    b.document.source = Some("AFP".into());
    b.events[0].doc = "w2".into();
    b.events[0].date = Some("2024-03-03".into());
    store
        .write_batch(&[a.clone(), b.clone()], Dedup::Day { window: 2 }, NOW)
        .unwrap();
    assert_eq!(store.info().unwrap().events, 1);
    let mut store = Store::in_memory().unwrap();
    store.write_batch(&[a, b], Dedup::Day { window: 1 }, NOW).unwrap();
    assert_eq!(store.info().unwrap().events, 2);
}

#[test]
fn two_reports_in_one_article_count_one_article_and_one_source() {
    let mut store = Store::in_memory().unwrap();
    let s = (
        "RUSMIL",
        "UKRMIL",
        "190",
        "2024-03-01",
        None,
        "Russia attacked Kharkiv.",
    );
    let d = report(&Doc {
        id: "twice",
        source: Some("AP"),
        url: None,
        events: vec![s, s],
    });
    store.write_batch(&[d], Dedup::Day { window: 0 }, NOW).unwrap();
    let e = &store.events(&EventFilter::default()).unwrap()[0];
    assert_eq!((e.num_mentions, e.num_sources, e.num_articles), (2, 1, 1));
}

#[test]
fn writing_the_same_documents_again_changes_nothing() {
    let mut store = stored(Dedup::Day { window: 0 });
    let before = store.info().unwrap();
    let again = store
        .write_batch(&corpus(), Dedup::Day { window: 0 }, NOW + 60)
        .unwrap();
    assert_eq!(again.skipped, 7);
    assert!(again.stored.is_empty());
    assert_eq!(store.info().unwrap(), before);
}

#[test]
fn a_database_refuses_another_dedup_setting() {
    let mut store = stored(Dedup::Day { window: 0 });
    let err = store.write_batch(&corpus(), Dedup::None, NOW).unwrap_err().to_string();
    assert!(err.contains("--dedup day"), "{err}");
}

#[test]
fn a_bad_document_in_the_middle_of_a_batch_is_rolled_back_alone() {
    let mut docs = corpus();
    let mut bad = report(&Doc {
        id: "broken",
        source: None,
        url: None,
        events: vec![("RUS", "UKR", "190", "2024-01-01", None, "Russia attacked.")],
    });
    bad.events[0].evidence.verb = [5, 5000];
    docs.insert(3, bad);
    let mut store = Store::in_memory().unwrap();
    let outcome = store.write_batch(&docs, Dedup::Day { window: 0 }, NOW).unwrap();
    assert_eq!(outcome.stored.len(), 7);
    assert_eq!(outcome.errors.len(), 1);
    assert_eq!(outcome.errors[0].0, "broken");
    assert!(
        outcome.errors[0].1.contains("outside the text"),
        "{}",
        outcome.errors[0].1
    );
    assert!(!store.contains("broken").unwrap());
    assert_eq!(store.info().unwrap().mentions, 9, "nothing of the bad document remains");
}

#[test]
fn filters_select_by_actor_code_quad_country_period_and_words() {
    let store = stored(Dedup::Day { window: 0 });
    let count = |f: EventFilter| store.events(&f).unwrap().len();
    let f = EventFilter::default;
    assert_eq!(count(f()), 5);
    assert_eq!(
        count(EventFilter {
            actor: Some("RUS".into()),
            ..f()
        }),
        4
    );
    assert_eq!(
        count(EventFilter {
            source: Some("RUS".into()),
            ..f()
        }),
        3
    );
    assert_eq!(
        count(EventFilter {
            target: Some("UKRMIL".into()),
            ..f()
        }),
        2
    );
    assert_eq!(
        count(EventFilter {
            code: Some("19".into()),
            ..f()
        }),
        2
    );
    assert_eq!(count(EventFilter { quad: Some(1), ..f() }), 2);
    assert_eq!(
        count(EventFilter {
            country: Some("aze".into()),
            ..f()
        }),
        1
    );
    assert_eq!(
        count(EventFilter {
            since: Some("2024-02-01".into()),
            until: Some("2024-02-29".into()),
            ..f()
        }),
        2
    );
    assert_eq!(
        count(EventFilter {
            text: Some("prisoners".into()),
            ..f()
        }),
        2,
        "both events of h2"
    );
    assert_eq!(
        count(EventFilter {
            text: Some("Baku trade".into()),
            ..f()
        }),
        1
    );
    assert_eq!(count(EventFilter { limit: Some(2), ..f() }), 2);
}

#[test]
fn events_jsonl_carries_the_code_record_fields_plus_id_and_counts() {
    let store = stored(Dedup::Day { window: 0 });
    let out = export(&store, ExportFormat::Jsonl, &EventFilter::default());
    for line in out.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        for key in [
            "kind",
            "id",
            "doc",
            "sentence",
            "date",
            "source",
            "target",
            "cameo",
            "root",
            "quad_class",
        ] {
            assert!(v.get(key).is_some(), "{key} missing in {line}");
        }
        for key in [
            "goldstein",
            "plover",
            "location",
            "text",
            "evidence",
            "num_mentions",
            "num_sources",
        ] {
            assert!(v.get(key).is_some(), "{key} missing in {line}");
        }
        assert!(v.get("num_articles").is_some());
        assert_eq!(v["kind"], "event");
        // The record round-trips into the contract type.
        let _: EventRecord = serde_json::from_value(v).unwrap();
    }
    golden("events.jsonl", &out);
}

#[test]
fn csv_export_matches_its_golden_file() {
    let store = stored(Dedup::Day { window: 0 });
    let out = export(&store, ExportFormat::Csv, &EventFilter::default());
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    assert_eq!(reader.headers().unwrap().len(), dyad_store::CSV_COLUMNS.len());
    assert_eq!(reader.records().count(), 5);
    golden("events.csv", &out);
}

#[test]
fn gdelt_export_has_61_columns_and_matches_its_golden_file() {
    let store = stored(Dedup::Day { window: 0 });
    let out = export(&store, ExportFormat::Gdelt, &EventFilter::default());
    let mut reader = csv::ReaderBuilder::new().delimiter(b'\t').from_reader(out.as_bytes());
    assert_eq!(reader.headers().unwrap().len(), 61);
    for r in reader.records() {
        let r = r.unwrap();
        assert_eq!(r.len(), 61);
        assert!(
            r[26].len() == 3 && r[26].chars().all(|c| c.is_ascii_digit()),
            "EventCode {:?}",
            &r[26]
        );
    }
    golden("events.gdelt.tsv", &out);
}

#[test]
fn phoenix_export_lists_every_merged_report() {
    let store = stored(Dedup::Day { window: 0 });
    let out = export(&store, ExportFormat::Phoenix, &EventFilter::default());
    let mut reader = csv::ReaderBuilder::new().delimiter(b'\t').from_reader(out.as_bytes());
    assert_eq!(reader.headers().unwrap().len(), 26);
    let meeting = reader.records().map(|r| r.unwrap()).find(|r| &r[13] == "043").unwrap();
    assert_eq!(meeting[23].split(';').count(), 5, "SentenceID of every report");
    assert_eq!(meeting[24].split(';').count(), 5, "URLs of every report");
    golden("events.phoenix.tsv", &out);
}

#[test]
fn plover_export_matches_its_golden_file() {
    let store = stored(Dedup::Day { window: 0 });
    let out = export(&store, ExportFormat::Plover, &EventFilter::default());
    for line in out.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        for key in ["id", "date", "actor", "event"] {
            assert!(v.get(key).is_some(), "PLOVER requires {key}: {line}");
        }
    }
    golden("events.plover.jsonl", &out);
}

#[test]
fn series_counts_quad_classes_per_period() {
    let store = stored(Dedup::Day { window: 0 });
    let q = |by, both| SeriesQuery {
        source: "RUS".into(),
        target: "UKR".into(),
        by,
        both,
        since: None,
        until: None,
    };
    let directed = store.series(&q(Period::Month, false)).unwrap();
    let both = store.series(&q(Period::Month, true)).unwrap();
    let months: Vec<_> = directed.iter().map(|r| (r.period.as_str(), r.events)).collect();
    assert_eq!(months, [("2024-01", 1), ("2024-02", 1), ("2024-03", 1)]);
    assert_eq!(both[1].events, 2, "February both ways: consult and accuse");
    assert_eq!((both[1].quad1, both[1].quad3), (1, 1));
    let weeks = store.series(&q(Period::Week, false)).unwrap();
    assert_eq!(weeks[0].period, "2024-01-01", "weeks are named by their Monday");
    let text = [directed, both, weeks]
        .iter()
        .flatten()
        .map(|r| serde_json::to_string(r).unwrap() + "\n")
        .collect::<String>();
    golden("series.jsonl", &text);
}

#[test]
fn network_edges_count_events_between_countries() {
    let store = stored(Dedup::Day { window: 0 });
    let edges = store
        .network(&NetworkQuery {
            level: NetworkLevel::Country,
            since: None,
            until: None,
            min: 1,
        })
        .unwrap();
    assert_eq!(edges[0].source, "RUS");
    assert_eq!(edges[0].target, "UKR");
    assert_eq!(edges[0].events, 3);
    let min2 = store
        .network(&NetworkQuery {
            level: NetworkLevel::Actor,
            since: None,
            until: None,
            min: 2,
        })
        .unwrap();
    assert_eq!(min2.len(), 1, "{min2:?}");
    let text = edges
        .iter()
        .chain(&min2)
        .map(|r| serde_json::to_string(r).unwrap() + "\n")
        .collect::<String>();
    golden("network.jsonl", &text);
}

#[test]
fn quotes_are_found_by_speaker_name_code_and_words() {
    let store = stored(Dedup::Day { window: 0 });
    let by = |speaker: Option<&str>, text: Option<&str>| {
        store
            .quotes(&QuoteFilter {
                speaker: speaker.map(String::from),
                text: text.map(String::from),
                limit: None,
            })
            .unwrap()
            .len()
    };
    assert_eq!(by(Some("bayramov"), None), 1);
    assert_eq!(by(Some("AZE"), None), 1);
    assert_eq!(by(Some("Lavrov"), None), 0);
    assert_eq!(by(None, Some("trade")), 1);
    assert_eq!(by(None, Some("war")), 0);
}

#[test]
fn show_returns_the_document_with_its_events_and_quotes() {
    let store = stored(Dedup::Day { window: 0 });
    let (doc, text, events, quotes) = store.document("m1").unwrap().unwrap();
    assert_eq!(doc.source.as_deref(), Some("APA"));
    assert_eq!(doc.agencies, ["APA"]);
    assert!(text.contains("Baku"));
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].num_mentions, 5);
    assert_eq!(quotes[0].record.doc, "m1");
    assert!(store.document("nope").unwrap().is_none());
}
