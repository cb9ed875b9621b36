//! Place names, metonymy and disambiguation.

use dyad_resolve::{event_place, ActorHint, ActorRole, Cue, PlaceFinder, PlaceMention};

/// Find and resolve the places of every sentence of `text`, with `actors`
/// given as `(words, role)` pairs located by their first occurrence.
fn places(text: &str, actors: &[(&str, ActorRole)]) -> Vec<PlaceMention> {
    let finder = PlaceFinder::builtin();
    let seg = dyad_segment::segment(text);
    let hints: Vec<ActorHint> = actors
        .iter()
        .map(|(w, role)| {
            let at = text.find(w).expect("actor words in text");
            ActorHint {
                span: dyad_doc::Span::new(at, at + w.len()),
                role: *role,
            }
        })
        .collect();
    let mut found: Vec<PlaceMention> = seg
        .sentences
        .iter()
        .flat_map(|s| finder.find(&seg, s.tokens.clone(), &hints))
        .collect();
    let context = finder.context(&found, std::iter::empty());
    for m in &mut found {
        finder.resolve(m, &context);
    }
    found
}

fn country(m: &PlaceMention) -> &str {
    &PlaceFinder::builtin().gazetteer.place(m.place).country
}

#[test]
fn places_after_locative_prepositions_and_based() {
    let text = "Talks were held in Baku. A Tehran-based group met near Kabul.";
    let found = places(text, &[]);
    let summary: Vec<(&str, Cue, &str)> = found.iter().map(|m| (m.span.slice(text), m.cue, country(m))).collect();
    assert_eq!(
        summary,
        [
            ("Baku", Cue::Preposition, "AZE"),
            ("Tehran", Cue::Based, "IRN"),
            ("Kabul", Cue::Preposition, "AFG")
        ]
    );
    let p = PlaceFinder::builtin().gazetteer.place(found[0].place);
    assert!((p.lat - 40.38).abs() < 0.1 && (p.lon - 49.89).abs() < 0.1);
}

#[test]
fn a_capital_used_as_an_actor_is_not_a_place_but_in_the_capital_it_is() {
    let text = "Moscow said the talks in Moscow failed.";
    let first = dyad_doc::Span::new(0, 6);
    let at = text.rfind("Moscow").unwrap();
    let second = dyad_doc::Span::new(at, at + 6);
    let found = places(text, &[]);
    assert_eq!(found.len(), 2);
    // The coder reports both as capital mentions; only the bare one is an actor.
    let finder = PlaceFinder::builtin();
    let seg = dyad_segment::segment(text);
    let hints = [first, second].map(|span| ActorHint {
        span,
        role: ActorRole::Metonym,
    });
    let found = finder.find(&seg, seg.sentences[0].tokens.clone(), &hints);
    assert!(found[0].actor && found[0].span == first);
    assert!(!found[1].actor && found[1].cue == Cue::Preposition);
    let at = text.find("failed").unwrap();
    let verb = dyad_doc::Span::new(at, at + 6);
    assert_eq!(event_place(&found, verb, None).map(|m| m.span), Some(second));
}

#[test]
fn words_inside_a_persons_name_are_not_places() {
    let text = "Paris Hilton arrived. Officials met Jackson Smith.";
    assert!(places(text, &[("Jackson Smith", ActorRole::Named)]).is_empty());
}

#[test]
fn paris_is_in_france_unless_the_story_is_about_texas() {
    let found = places("Protesters marched in Paris on Saturday.", &[]);
    assert_eq!(country(&found[0]), "FRA");

    let text = "A tornado hit Paris on Saturday. Texas officials said damage was light.";
    let found = places(text, &[]);
    let paris = found.iter().find(|m| m.span.slice(text) == "Paris").unwrap();
    let p = PlaceFinder::builtin().gazetteer.place(paris.place);
    assert_eq!(&*p.country, "USA");
    assert!((p.lat - 33.66).abs() < 0.2, "Paris, Texas: {p:?}");

    let found = places("A tornado hit Paris, Texas.", &[]);
    assert_eq!(country(&found[0]), "USA");
}

#[test]
fn datelines_name_the_filing_place() {
    let finder = PlaceFinder::builtin();
    let m = finder.dateline("NAIROBI, Kenya (AP)", 0).unwrap();
    assert_eq!(m.span.slice("NAIROBI, Kenya (AP)"), "NAIROBI");
    assert_eq!(m.cue, Cue::Dateline);
    assert!(finder.dateline("BREAKING NEWS (AP)", 0).is_none());
}

#[test]
fn a_press_abbreviation_after_a_city_names_its_division() {
    let text = "He was held in Huntsville, Ala., and tried in Charleston, W. Va. Miss. Okafor spoke.";
    let found = places(text, &[]);
    let g = &PlaceFinder::builtin().gazetteer;
    let summary: Vec<(&str, &str)> = found
        .iter()
        .map(|m| (m.span.slice(text), &*g.place(m.place).name))
        .collect();
    assert_eq!(
        summary,
        [
            ("Huntsville", "Huntsville"),
            ("Ala.", "Alabama"),
            ("Charleston", "Charleston"),
            ("W. Va.", "West Virginia"),
        ],
        "an abbreviation is read only after a city; `Miss.` alone stays a word"
    );
    // The abbreviation picks the Alabama Huntsville, not the Texas one.
    let huntsville = g.place(found[0].place);
    assert!((huntsville.lon - -86.59).abs() < 0.5, "{huntsville:?}");
    let charleston = g.place(found[2].place);
    assert!((charleston.lat - 38.35).abs() < 0.5, "{charleston:?}");
}

#[test]
fn an_events_place_after_its_verb_wins_over_one_as_near_before_it() {
    let text = "Orban was received in Beijing on Monday, days after he held talks with Putin in Moscow.";
    let found = places(text, &[]);
    assert_eq!(found.len(), 2);
    let at = text.find("held").unwrap();
    let verb = dyad_doc::Span::new(at, at + 4);
    let moscow = text.find("Moscow").unwrap();
    assert_eq!(
        event_place(&found, verb, None).map(|m| m.span),
        Some(dyad_doc::Span::new(moscow, moscow + 6))
    );
    // The nearest still wins when it is much nearer.
    let text = "In Beijing, Orban held talks on Monday with the leaders of every country of the region in Moscow.";
    let found = places(text, &[]);
    let at = text.find("held").unwrap();
    let verb = dyad_doc::Span::new(at, at + 4);
    assert_eq!(
        event_place(&found, verb, None).map(|m| m.span),
        Some(dyad_doc::Span::new(3, 10))
    );
}
