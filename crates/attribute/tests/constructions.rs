//! One test per construction of the attribution issue, on small texts
//! written for these tests, coded with dyad's built-in dictionaries.

use std::sync::OnceLock;

use dyad_attribute::{attribute, Attribution};
use dyad_dict::{Compiled, Dialect, Dictionaries};
use dyad_doc::records::QuoteRecord;
use dyad_doc::{Document, Origin};

fn dicts() -> &'static (Dictionaries, Compiled) {
    static D: OnceLock<(Dictionaries, Compiled)> = OnceLock::new();
    D.get_or_init(|| {
        let d = Dictionaries::builtin();
        let c = d.compile();
        (d, c)
    })
}

fn run(text: &str) -> (Attribution, String) {
    let (dict, compiled) = dicts();
    let mut doc = Document::from_text(text, Origin::file("test"));
    doc.date = dyad_doc::parse_date("2024-03-04");
    let seg = dyad_segment::segment(&doc.text);
    let coder = dyad_code::Coder::new(dict, compiled, Dialect::Petrarch);
    let mut context = Vec::new();
    let coded: Vec<_> = seg
        .sentences
        .iter()
        .map(|s| {
            let c = coder.code_in_context(&seg, s, &doc.text, doc.date, &context);
            if !c.subject.is_empty() {
                context = c.subject.clone();
            }
            c
        })
        .collect();
    (attribute(&doc, &seg, &coded, dict), doc.text)
}

fn speaker(q: &QuoteRecord) -> &str {
    q.speaker.as_ref().map_or("", |s| s.name.as_str())
}

fn part<'t>(text: &'t str, q: &QuoteRecord, i: usize) -> &'t str {
    &text[q.spans[i][0]..q.spans[i][1]]
}

/// The words that name the speaker of `q`; a failure when there are none.
fn source<'t>(text: &'t str, q: &QuoteRecord) -> &'t str {
    let span = q.speaker.as_ref().and_then(|s| s.span).expect("a source");
    &text[span[0]..span[1]]
}

/// A text in which nothing is reported; a failure naming the text and
/// the reports found otherwise.
fn no_report(text: &str) {
    let (a, _) = run(text);
    assert!(a.quotes.is_empty(), "{text}: {:?}", a.quotes);
}

/// The one report found; a failure when there are none or several.
fn sole(a: &Attribution) -> &QuoteRecord {
    assert_eq!(a.quotes.len(), 1, "{:?}", a.quotes);
    &a.quotes[0]
}

/// The report whose cue is `cue`; a failure when there is none.
fn at_cue<'a>(a: &'a Attribution, cue: &str) -> &'a QuoteRecord {
    a.quotes
        .iter()
        .find(|q| q.cue.as_deref() == Some(cue))
        .unwrap_or_else(|| panic!("a report at {cue}: {:?}", a.quotes))
}

#[test]
fn straight_curly_guillemet_and_single_marks() {
    for (open, close) in [
        ("\"", "\""),
        ("\u{201C}", "\u{201D}"),
        ("\u{00AB}", "\u{00BB}"),
        ("\u{2018}", "\u{2019}"),
    ] {
        let text = format!("{open}We will not give up,{close} the spokesman said.");
        let (a, t) = run(&text);
        assert_eq!(a.quotes.len(), 1, "{text}: {:?}", a.quotes);
        let q = &a.quotes[0];
        assert!(q.direct);
        assert_eq!(part(&t, q, 0), "We will not give up,");
        assert_eq!(q.cue.as_deref(), Some("said"));
        assert_eq!(speaker(q), "the spokesman");
    }
}

#[test]
fn nested_quotes_stay_inside_their_quotation() {
    let (a, _) = run("\"He called it 'a new chapter' and left,\" the spokesman said.");
    assert_eq!(a.quotes.len(), 1, "{:?}", a.quotes);
    assert_eq!(a.quotes[0].text, "He called it 'a new chapter' and left,");
}

#[test]
fn a_quote_continues_into_the_next_paragraph() {
    let text = "\"The talks went well,\" the spokesman said. \"We agreed on the agenda.\n\n\"Both sides will meet again in May.\"\n\nThe market rose.";
    let (a, t) = run(text);
    let q = a
        .quotes
        .iter()
        .find(|q| q.spans.len() == 2)
        .expect("a two-part quotation");
    assert_eq!(part(&t, q, 0), "We agreed on the agenda.");
    assert_eq!(part(&t, q, 1), "Both sides will meet again in May.");
    assert_eq!(speaker(q), "the spokesman");
}

#[test]
fn an_unbalanced_mark_never_swallows_the_next_paragraph() {
    let text = "The minister said \"we will respond to every provocation.\n\nThe army said on Friday that the border was calm.";
    let (a, t) = run(text);
    let para2 = t.find("The army").unwrap();
    for q in &a.quotes {
        if q.direct {
            assert!(q.spans.iter().all(|s| s[1] <= para2), "{q:?}");
        }
    }
    assert!(
        a.quotes.iter().any(|q| !q.direct && q.text.contains("border was calm")),
        "{:?}",
        a.quotes
    );
}

#[test]
fn a_split_quote_is_one_quotation_with_the_cue_in_the_middle() {
    let (a, t) = run("\"Our ties,\" the spokesman went on, \"have never been stronger.\"");
    assert_eq!(a.quotes.len(), 1, "{:?}", a.quotes);
    let q = &a.quotes[0];
    assert_eq!(q.spans.len(), 2);
    assert_eq!(part(&t, q, 1), "have never been stronger.");
    assert_eq!(q.text, "Our ties, have never been stronger.");
    assert_eq!(q.cue.as_deref(), Some("went on"));
    assert_eq!(speaker(q), "the spokesman");
}

#[test]
fn an_embedded_quote_takes_the_cue_before_it() {
    let (a, _) = run("The governor highlighted that there are \"significant shifts\" in the region.");
    let q = &a.quotes[0];
    assert!(q.direct);
    assert_eq!(q.text, "significant shifts");
    assert_eq!(q.cue.as_deref(), Some("highlighted"));
    assert_eq!(speaker(q), "The governor");
}

#[test]
fn indirect_speech_with_a_that_clause() {
    let (a, _) = run("The central bank governor stressed that inflation would fall next year.");
    let q = &a.quotes[0];
    assert!(!q.direct);
    assert_eq!(q.text, "that inflation would fall next year");
    assert_eq!(q.cue.as_deref(), Some("stressed"));
    assert_eq!(speaker(q), "The central bank governor");
}

#[test]
fn final_and_inverted_attributions() {
    let (a, _) = run("The ceasefire is holding, officials said on Monday. The vote was fair, said the observer.");
    assert_eq!(a.quotes.len(), 2, "{:?}", a.quotes);
    assert_eq!(a.quotes[0].text, "The ceasefire is holding");
    assert_eq!(speaker(&a.quotes[0]), "officials");
    assert_eq!(a.quotes[1].text, "The vote was fair");
    assert_eq!(speaker(&a.quotes[1]), "the observer");
}

#[test]
fn according_to_names_the_source() {
    let (a, _) = run("According to the health ministry, 40 people were wounded.");
    let q = &a.quotes[0];
    assert_eq!(q.cue.as_deref(), Some("According to"));
    assert_eq!(speaker(q), "the health ministry");
    assert_eq!(q.text, "40 people were wounded");
    let (b, _) = run("Forty people were wounded, according to the health ministry.");
    assert_eq!(b.quotes[0].text, "Forty people were wounded");
}

#[test]
fn told_reporters_records_the_addressee() {
    let (a, _) = run("The spokesman told reporters that the talks would resume.");
    let q = &a.quotes[0];
    assert_eq!(q.addressee.as_ref().map(|s| s.name.as_str()), Some("reporters"));
    assert_eq!(q.text, "that the talks would resume");
    let (b, _) = run("\"We are ready,\" the envoy told the council.");
    assert_eq!(
        b.quotes[0].addressee.as_ref().map(|s| s.name.as_str()),
        Some("the council")
    );
}

#[test]
fn a_pronoun_speaker_is_the_named_person_before_it() {
    let text = "Azerbaijani Foreign Minister Jeyhun Bayramov met Turkish Foreign Minister Hakan Fidan in Baku. \
                \"The agreement opens a new chapter,\" he said.";
    let (a, _) = run(text);
    let q = &a.quotes[0];
    // Both are men: the most recent one is the antecedent.
    assert_eq!(speaker(q), "Hakan Fidan");
    assert_eq!(q.speaker.as_ref().unwrap().code.as_deref(), Some("TURGOV"));
    assert_eq!(q.speaker.as_ref().unwrap().span.map(|s| &text[s[0]..s[1]]), Some("he"));
}

#[test]
fn a_nominal_speaker_is_the_person_whose_title_matches() {
    let text = "Azerbaijani Foreign Minister Jeyhun Bayramov praised the growth of trade. \
                \"Our peoples,\" the minister went on, \"have always stood together.\"";
    let (a, _) = run(text);
    let q = &a.quotes[0];
    assert_eq!(speaker(q), "Jeyhun Bayramov");
    assert_eq!(q.speaker.as_ref().unwrap().code.as_deref(), Some("AZEGOV"));
}

#[test]
fn a_named_speaker_gets_the_canonical_name_and_code() {
    let (a, _) = run("Bayramov said the talks were constructive.");
    let q = &a.quotes[0];
    assert_eq!(speaker(q), "Jeyhun Bayramov");
    assert_eq!(q.speaker.as_ref().unwrap().code.as_deref(), Some("AZEGOV"));
}

#[test]
fn a_quote_without_a_cue_takes_the_speaker_of_the_previous_sentence() {
    let (a, _) = run("Jeyhun Bayramov began talking to the delegates. \"Lorem ipsum dolor sit amet.\"");
    let q = &a.quotes[0];
    assert_eq!(speaker(q), "Jeyhun Bayramov");
    assert_eq!(q.cue, None);
    let (b, _) = run("\"We are ready,\" the envoy said. \"The rest is up to them.\"");
    assert_eq!(b.quotes.len(), 2);
    assert_eq!(speaker(&b.quotes[1]), "the envoy");
}

#[test]
fn scare_quotes_without_a_cue_are_not_quotations() {
    no_report("The so-called \"peace plan\" was published on Monday.");
}

#[test]
fn agencies_in_datelines_and_credits() {
    let (a, _) = run("MOSCOW, Nov 28 (Reuters) - The talks ended.");
    assert_eq!(a.agency_credits, ["Reuters"]);
    let (b, _) = run("MOSCOW, November 28 /TASS/. The talks ended.");
    assert_eq!(b.agency_credits, ["TASS"]);
    let (c, _) = run("The talks ended.\n\nPhoto: Anadolu. Based on materials from APA.");
    assert_eq!(c.agency_credits, ["APA"]);
    assert_eq!(c.photo_credits, ["Anadolu"]);
    let (d, _) = run("The talks ended on Monday.\n\n\u{2014} AFP");
    assert_eq!(d.agency_credits, ["AFP"]);
    let (e, _) = run("The talks ended.\n\nAssociated Press writer Jane Doe contributed reporting.");
    assert_eq!(e.agency_credits, ["AP"]);
}

#[test]
fn cited_agencies_are_not_credits() {
    let (a, _) = run("The talks ended, the Xinhua news agency said. Interfax reported that the border was closed.");
    assert!(a.agency_credits.is_empty(), "{:?}", a.agency_credits);
    assert!(a.agencies.contains(&"Xinhua".to_string()), "{:?}", a.agencies);
    assert!(a.agencies.contains(&"Interfax".to_string()), "{:?}", a.agencies);
}

#[test]
fn a_spa_is_not_the_saudi_press_agency() {
    let (a, _) = run("The minister relaxed at a spa, according to friends.");
    assert!(a.agencies.is_empty(), "{:?}", a.agencies);
}

#[test]
fn photo_credits_in_their_usual_forms() {
    let (a, _) = run("The talks ended.\n\nJane Doe/Getty Images\n\n(Anadolu photo)\n\nPhoto by John Roe");
    assert_eq!(a.photo_credits, ["Jane Doe/Getty Images", "Anadolu", "John Roe"]);
}

#[test]
fn bylines_at_the_top_of_the_story() {
    let (a, _) = run("Talks end in Baku\n\nBy Jane Doe and John Roe\n\nThe talks ended.");
    assert_eq!(a.byline.as_deref(), Some("Jane Doe and John Roe"));
}

#[test]
fn the_example_story_is_attributed_as_the_design_says() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/baku-talks.txt")).unwrap();
    let (a, _) = run(&text);
    let direct: Vec<&QuoteRecord> = a.quotes.iter().filter(|q| q.direct).collect();
    assert_eq!(direct.len(), 2, "{:?}", a.quotes);
    for q in &direct {
        assert_eq!(speaker(q), "Jeyhun Bayramov", "{q:?}");
        assert_eq!(q.speaker.as_ref().unwrap().code.as_deref(), Some("AZEGOV"));
    }
    assert_eq!(a.agency_credits, ["APA"]);
    assert_eq!(a.photo_credits, ["Anadolu"]);
}

#[test]
fn credit_phrases_after_multibyte_text_do_not_panic() {
    let long = "\u{201C}".repeat(40);
    let (a, _) = run(&format!("{long} the agency reported that talks ended."));
    assert!(a.agency_credits.is_empty());
}

fn texts(a: &Attribution) -> Vec<&str> {
    a.quotes.iter().map(|q| q.text.as_str()).collect()
}

#[test]
fn every_reporting_frame_of_a_sentence_is_kept() {
    let (a, _) = run("Most voters say the economy is weak, according to a poll released on Tuesday.");
    assert_eq!(a.quotes.len(), 2, "{:?}", a.quotes);
    assert_eq!(speaker(&a.quotes[0]), "a poll released");
    assert_eq!(speaker(&a.quotes[1]), "Most voters");
    assert_eq!(
        a.quotes[1].text,
        "the economy is weak, according to a poll released on Tuesday"
    );
}

#[test]
fn a_participle_after_a_comma_takes_the_clause_subject() {
    let (a, _) = run("The senator said the bill would pass, adding that the vote could come next week.");
    assert_eq!(texts(&a), ["the bill would pass", "that the vote could come next week"]);
    assert_eq!(speaker(&a.quotes[1]), "The senator");
    let (b, _) = run("Hakan Fidan spoke in Ankara on Monday, saying the talks had made progress.");
    assert_eq!(b.quotes.len(), 1, "{:?}", b.quotes);
    assert_eq!(b.quotes[0].text, "the talks had made progress");
    assert_eq!(speaker(&b.quotes[0]), "Hakan Fidan");
}

#[test]
fn a_quote_in_mid_clause_takes_no_cue_after_it() {
    let (a, _) = run("The mayor said she has an \"excellent chance\" to win most of the states.");
    assert_eq!(a.quotes.len(), 1, "{:?}", a.quotes);
    assert_eq!(a.quotes[0].cue.as_deref(), Some("said"));
    assert_eq!(speaker(&a.quotes[0]), "The mayor");
    let (b, _) = run("\"We are ready\" the envoy said.");
    assert_eq!(speaker(&b.quotes[0]), "the envoy");
}

#[test]
fn refusals_and_questions() {
    let (a, _) = run("The ministry declined to comment.");
    assert_eq!(texts(&a), ["to comment"]);
    assert_eq!(a.quotes[0].cue.as_deref(), Some("declined"));
    assert_eq!(speaker(&a.quotes[0]), "The ministry");
    let (b, _) = run("Asked whether the border would reopen, the governor said it was too early to tell.");
    assert_eq!(
        texts(&b),
        ["whether the border would reopen", "it was too early to tell"]
    );
    assert_eq!(b.quotes[0].speaker, None);
}

#[test]
fn a_relative_clause_hangs_on_the_name_before_it() {
    let (a, t) = run("Barkley, who said he votes in every election, said the mayor had done well.");
    assert_eq!(texts(&a), ["he votes in every election", "the mayor had done well"]);
    assert_eq!(speaker(&a.quotes[0]), "Barkley");
    let at = a.quotes[0].speaker.as_ref().and_then(|s| s.span).expect("a span");
    assert_eq!(&t[at[0]..at[1]], "who");
    // The span holds the relative clause; the name stops before it.
    assert_eq!(speaker(&a.quotes[1]), "Barkley");
    let at = a.quotes[1].speaker.as_ref().and_then(|s| s.span).expect("a span");
    assert_eq!(&t[at[0]..at[1]], "Barkley, who said he votes in every election");
}

#[test]
fn nouns_that_look_like_cues_are_not_cues() {
    for text in [
        "The United States began airstrikes on the group in 2014.",
        "Another eight states have split control of their legislatures.",
        "Reporters raised questions about his campaign at the rally.",
        "The candidate won 758 pledged delegates in the primaries.",
        "Speaking on radio show Morning Hour, the host laughed.",
    ] {
        no_report(text);
    }
    let (b, _) = run("The report states that the army withdrew.");
    assert_eq!(texts(&b), ["that the army withdrew"]);
}

#[test]
fn stance_verbs_and_judgements_are_attributions() {
    let (a, _) = run("Most Republicans want a tougher border policy.");
    assert_eq!(texts(&a), ["a tougher border policy"]);
    assert_eq!(speaker(&a.quotes[0]), "Most Republicans");
    let (b, _) = run("The governor called the decision a grave mistake.");
    assert_eq!(texts(&b), ["the decision a grave mistake"]);
    assert_eq!(b.quotes[0].cue.as_deref(), Some("called"));
    no_report("The union called off the strike.");
}

#[test]
fn progressive_and_coordinated_cues() {
    let (a, _) = run("The former minister is calling for new elections in the spring.");
    assert_eq!(a.quotes[0].cue.as_deref(), Some("is calling for"));
    assert_eq!(speaker(&a.quotes[0]), "The former minister");
    let (b, _) = run("Wilson praised the plan and said the senator can bring change.");
    assert_eq!(texts(&b), ["the plan", "the senator can bring change"]);
    assert_eq!(speaker(&b.quotes[1]), "Wilson");
    let (c, _) = run("\"They want unanimity,\" he notes.");
    assert_eq!(c.quotes[0].cue.as_deref(), Some("notes"));
}

#[test]
fn a_headline_name_before_a_colon_is_the_source() {
    let (a, _) = run("John Smith: Populist Anger Appeals to the Worst in Us.");
    assert_eq!(a.quotes.len(), 1, "{:?}", a.quotes);
    assert_eq!(speaker(&a.quotes[0]), "John Smith");
    assert_eq!(a.quotes[0].cue.as_deref(), Some(":"));
    no_report("The Latest: Voters head to the polls in three states.");
}

#[test]
fn an_apposition_stays_with_its_name() {
    let (a, _) = run("Graham, a former candidate, told CBS News that the party would unite.");
    assert_eq!(a.quotes.len(), 1, "{:?}", a.quotes);
    assert_eq!(speaker(&a.quotes[0]), "Graham, a former candidate");
    assert_eq!(a.quotes[0].text, "that the party would unite");
    let (b, _) = run("Dean Johnson, a salesman from Sumter, South Carolina, says the senator will win.");
    assert_eq!(
        speaker(&b.quotes[0]),
        "Dean Johnson, a salesman from Sumter, South Carolina"
    );
    let (c, _) = run("Prices rose sharply, unemployment fell, said the minister.");
    assert_eq!(speaker(&c.quotes[0]), "the minister");
}

#[test]
fn a_participle_after_an_opening_phrase_finds_the_subject() {
    let (a, _) =
        run("Speaking at a town hall in Salem, New Hampshire, Trump went after Bush, calling him a total stiff.");
    let q = at_cue(&a, "calling");
    assert_eq!(speaker(q), "Donald Trump");
}

#[test]
fn asides_before_the_cue_stay_with_the_source() {
    let (a, _) = run("Sen. Elizabeth Warren (D-MA) said the plan was a failure.");
    assert_eq!(speaker(&a.quotes[0]), "Sen. Elizabeth Warren (D-MA)");
    let (b, _) = run("Many speakers at the service \u{2014} including the mayor \u{2014} said the city was grieving.");
    assert_eq!(
        speaker(&b.quotes[0]),
        "Many speakers at the service \u{2014} including the mayor \u{2014}"
    );
    let (c, _) = run("Said Dorothy Poynter, a neighbour, \"We were all so proud of him.\"");
    assert_eq!(speaker(&c.quotes[0]), "Dorothy Poynter");
}

#[test]
fn questions_appearances_polls_and_support() {
    let (a, _) = run("When asked whether he would run again, the senator smiled.");
    assert_eq!(texts(&a), ["whether he would run again"]);
    let (b, _) = run("The crowd seemed unperturbed by the delay.");
    assert_eq!(texts(&b), ["unperturbed by the delay"]);
    assert_eq!(b.quotes[0].speaker, None);
    no_report("The singer appeared on television on Sunday.");
    let (d, _) = run("In a CNN poll released Monday, 50 percent of respondents chose the governor.");
    assert_eq!(speaker(&d.quotes[0]), "a CNN poll released Monday");
    assert_eq!(d.quotes[0].text, "50 percent of respondents chose the governor");
    let (e, _) = run("About two-thirds of voters support a temporary ban.");
    assert_eq!(texts(&e), ["a temporary ban"]);
    no_report("The measure has broad support for its goals.");
}

#[test]
fn counted_and_quantified_speakers() {
    let (a, _) = run("Among black voters, 43 said the same of the senator.");
    assert_eq!(texts(&a), ["the same of the senator"]);
    let (b, _) = run("Nine in 10 said they thought the economy favors the wealthy.");
    assert_eq!(speaker(&b.quotes[0]), "Nine in 10");
    let (c, _) = run("Some said they had not done enough to win.");
    assert_eq!(speaker(&c.quotes[0]), "Some");
    let (d, _) = run("\"They have a global strategy,\" he said of the group.");
    assert_eq!(d.quotes[0].cue.as_deref(), Some("said"));
}

#[test]
fn a_question_mark_does_not_cut_the_quote_from_its_cue() {
    let (a, _) = run("\u{201C}Why is he attacking me?\u{201D} Hakan Fidan said. The talks went on.");
    assert_eq!(a.quotes[0].cue.as_deref(), Some("said"));
    assert_eq!(speaker(&a.quotes[0]), "Hakan Fidan");
}

#[test]
fn passives_take_the_agent_and_appositions_may_hold_clauses() {
    let (a, _) = run("The proposal was rejected by 64 percent of the electorate.");
    assert_eq!(speaker(&a.quotes[0]), "64 percent of the electorate");
    assert_eq!(a.quotes[0].text, "The proposal");
    let (b, _) = run(
        "John Kasich of Ohio, a Republican who has refused to endorse the nominee, said the family deserved better.",
    );
    let said = at_cue(&b, "said");
    assert_eq!(speaker(said), "John Kasich of Ohio, a Republican");
    let refused = at_cue(&b, "has refused");
    assert_eq!(speaker(refused), "John Kasich of Ohio");
    let (c, _) = run("Paul Ryan, the nation's highest-ranking Republican, on Tuesday called the remarks racist.");
    assert_eq!(speaker(&c.quotes[0]), "Paul Ryan");
    let at = c.quotes[0].speaker.as_ref().and_then(|s| s.span).expect("a span");
    assert_eq!(at, [0, 50]);
}

#[test]
fn expectations_have_no_source() {
    let (a, _) = run("The senator is expected to deliver a victory speech later tonight.");
    assert_eq!(texts(&a), ["to deliver a victory speech later tonight"]);
    assert_eq!(a.quotes[0].speaker, None);
    assert_eq!(a.quotes[0].cue.as_deref(), Some("is expected"));
}

#[test]
fn adverbs_and_asides_around_the_subject() {
    let (a, _) = run("\"He had a lot of supporters,\" Blunt, after a long pause, said of the senator.");
    assert_eq!(speaker(&a.quotes[0]), "Blunt");
    let (b, _) = run("Then the governor cut into his rival, calling him a spoiled child.");
    assert_eq!(speaker(&b.quotes[0]), "the governor");
    let (c, _) = run("Clinton, after the scandal broke, initially said that there was no classified material.");
    assert_eq!(c.quotes[0].cue.as_deref(), Some("initially said"));
}

#[test]
fn joined_names_misplaced_marks_and_coordinated_quotes() {
    let (a, _) = run("It is about convincing audiences, he and Mr. Allen said.");
    assert_eq!(speaker(&a.quotes[0]), "he and Mr. Allen");
    let (b, _) = run("\u{201C}Apparently not,\u{201C} he said. The paper declined to comment.");
    assert_eq!(b.quotes[0].text, "Apparently not,");
    assert_eq!(b.quotes[0].cue.as_deref(), Some("said"));
    let (c, _) = run("Mrs. Clinton shook her head and said, \"No, not at all.\"");
    assert_eq!(speaker(&c.quotes[0]), "Mrs. Clinton");
}

#[test]
fn a_house_style_trailer_credits_its_agency() {
    let (a, _) = run("The council approved the resolution.\n\n(Reporting by Jane Doe; Editing by John Roe.)");
    assert_eq!(a.agency_credits, ["Reuters"]);
    let (b, _) = run("The council approved the resolution.\n\n(Reporting by Jane Doe.)");
    assert!(b.agency_credits.is_empty(), "{:?}", b.agency_credits);
}

#[test]
fn a_dash_and_a_name_after_a_quote_credit_the_speaker() {
    let (a, _) = run("\u{201C}He represents our greatest shame.\u{201D} \u{2015} Sonya Herridge\n\u{201C}He is ignorant of our culture.\u{201D} \u{2015} Pamela Padilla\n");
    assert_eq!(a.quotes.len(), 2, "{:?}", a.quotes);
    assert_eq!(speaker(&a.quotes[0]), "Sonya Herridge");
    assert_eq!(speaker(&a.quotes[1]), "Pamela Padilla");
    let (b, _) = run("\u{201C}We will see.\u{201D} \u{2014} and then the talks collapsed in the night.");
    assert!(
        b.quotes.iter().all(|q| q.cue.as_deref() != Some("\u{2014}")),
        "{:?}",
        b.quotes
    );
}

#[test]
fn a_possessive_and_a_noun_of_saying_is_a_frame() {
    let (a, _) = run("The senator's criticism of the trade deal drew applause, aides said.");
    let q = at_cue(&a, "criticism");
    assert_eq!(speaker(q), "The senator");
    assert_eq!(q.text, "the trade deal drew applause");
    no_report("The criticism of the deal grew.");
}

#[test]
fn a_surname_is_the_person_named_in_full_before() {
    let text = "Sheriff's deputy David Clarke spoke in Boston. Clarke said the city was safe.";
    let (a, _) = run(text);
    assert_eq!(speaker(&a.quotes[0]), "David Clarke");
    let (b, _) = run("Hakan Fidan met his counterpart. \"We agreed,\" Fidan said.");
    assert_eq!(speaker(&b.quotes[0]), "Hakan Fidan");
    assert_eq!(
        b.quotes[0].speaker.as_ref().and_then(|s| s.code.as_deref()),
        Some("TURGOV")
    );
    let (c, _) = run("They met in Boston. Clarke said the city was safe.");
    assert_eq!(speaker(&c.quotes[0]), "Clarke");
}

#[test]
fn the_subject_of_a_passive_is_not_the_speaker() {
    let (a, _) = run("The envoy was told that the talks had failed.");
    assert_eq!(a.quotes.len(), 1, "{:?}", a.quotes);
    assert_eq!(a.quotes[0].speaker, None);
    assert_eq!(a.quotes[0].text, "that the talks had failed");
}

#[test]
fn a_noun_of_saying_after_a_quotation_heads_its_source() {
    let (a, _) = run("\"We will win,\" the statement said.");
    assert_eq!(speaker(&a.quotes[0]), "the statement");
    assert_eq!(a.quotes[0].cue.as_deref(), Some("said"));
    // "Defence" is a noun of saying too; the verb after the name is the cue.
    let (b, _) = run("\"Tensions are rising,\" Malaysian Defence Minister Hishammuddin Hussein said.");
    assert_eq!(speaker(&b.quotes[0]), "Hishammuddin Hussein");
    assert_eq!(b.quotes[0].cue.as_deref(), Some("said"));
}

#[test]
fn an_aside_between_the_speaker_and_the_cue_is_skipped() {
    for text in [
        "Murphy, though, said he would back Clinton.",
        "Murphy, for his part, said he would back Clinton.",
        "Murphy (who has 25 delegates to date) said he would back Clinton.",
    ] {
        let (a, _) = run(text);
        assert_eq!(a.quotes.len(), 1, "{text}: {:?}", a.quotes);
        assert_eq!(speaker(&a.quotes[0]), "Murphy", "{text}");
        assert_eq!(a.quotes[0].text, "he would back Clinton", "{text}");
    }
}

#[test]
fn acts_of_judgement_and_expression_are_cues() {
    let (a, _) = run("Sanders expressed outrage at the superdelegates.");
    assert_eq!(a.quotes.len(), 1, "{:?}", a.quotes);
    assert_eq!(speaker(&a.quotes[0]), "Sanders");
    assert_eq!(a.quotes[0].text, "outrage at the superdelegates");
    let (b, _) = run("As Clinton put it, the race is close.");
    assert!(
        b.quotes.iter().any(|q| q.cue.as_deref() == Some("put it")),
        "{:?}",
        b.quotes
    );
}

#[test]
fn a_poll_after_in_reports_the_clause_before_it() {
    let (a, t) = run("Clinton leads Sanders by nine points in a new CNN poll released Monday.");
    assert_eq!(a.quotes.len(), 1, "{:?}", a.quotes);
    let q = &a.quotes[0];
    assert_eq!(q.cue.as_deref(), Some("in"));
    let span = q.speaker.as_ref().and_then(|s| s.span).expect("the poll");
    assert_eq!(&t[span[0]..span[1]], "a new CNN poll released Monday");
    assert_eq!(q.text, "Clinton leads Sanders by nine points");
    no_report("Clinton campaigned in Iowa on Monday.");
}

#[test]
fn a_name_before_a_colon_and_a_quotation_is_its_speaker() {
    let (a, _) =
        run("The surge did not surprise pollster Daron Shaw: \"Lesser-known candidates get the biggest boost.\"");
    assert_eq!(a.quotes.len(), 1, "{:?}", a.quotes);
    assert_eq!(speaker(&a.quotes[0]), "Daron Shaw");
    assert_eq!(a.quotes[0].cue.as_deref(), Some(":"));
    assert!(a.quotes[0].direct);
    // A headline name with a quotation is one direct quotation, not two.
    let (b, _) = run("Pollster Daron Shaw: \"We will win.\"");
    assert_eq!(b.quotes.len(), 1, "{:?}", b.quotes);
}

#[test]
fn a_stance_inside_a_report_is_part_of_the_report() {
    let (a, _) = run("The governor said that he would not support mass deportations.");
    assert_eq!(a.quotes.len(), 1, "{:?}", a.quotes);
    assert_eq!(a.quotes[0].cue.as_deref(), Some("said"));
    // On its own, the stance is a frame.
    let (b, _) = run("The governor would not support mass deportations.");
    assert_eq!(b.quotes.len(), 1, "{:?}", b.quotes);
}

#[test]
fn a_phone_call_is_not_calling_someone_something() {
    no_report("Clinton called Sanders after the primaries.");
    let (b, _) = run("Trump called Clinton a liar.");
    assert_eq!(b.quotes.len(), 1, "{:?}", b.quotes);
    assert_eq!(b.quotes[0].text, "Clinton a liar");
}

#[test]
fn an_inverted_cue_with_a_time_and_place_then_a_participle() {
    let (a, _) = run(
        "Trump's \u{201C}excesses\u{201D} are sickening, Hollande said Tuesday in Paris, noting the nominee \u{201C}makes you want to retch.\u{201D}",
    );
    let texts: Vec<&str> = a.quotes.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Trump's \u{201C}excesses\u{201D} are sickening",
            "the nominee \u{201C}makes you want to retch.\u{201D}"
        ],
        "{:?}",
        a.quotes
    );
    assert!(
        a.quotes.iter().all(|q| speaker(q).ends_with("Hollande")),
        "{:?}",
        a.quotes
    );
}

#[test]
fn dash_asides_and_short_compound_subjects() {
    let (a, _) = run("Donald Trump - a candidate - said that the border should close.");
    assert_eq!(a.quotes.len(), 1, "{:?}", a.quotes);
    assert_eq!(a.quotes[0].text, "that the border should close");
    // An aside before the name is not part of the source.
    let (b, t) = run("Inside the mosque - which looks like a church - Adel Nefzi said he was collecting money.");
    let src = source(&t, &b.quotes[0]);
    assert_eq!(src, "Adel Nefzi");
    let (c, t) = run("A reporter tried to ask Trump about it, she and another reporter said.");
    let src = source(&t, &c.quotes[0]);
    assert_eq!(src, "she and another reporter");
    assert_eq!(c.quotes[0].text, "A reporter tried to ask Trump about it");
}

#[test]
fn a_noun_like_cue_at_the_end_needs_an_inverted_frame() {
    let (a, _) = run("While he praised Clinton, Sanders continued to express doubts.");
    assert!(
        a.quotes.iter().all(|q| q.cue.as_deref() != Some("doubts")),
        "{:?}",
        a.quotes
    );
    assert!(
        a.quotes.iter().all(|q| q.cue.as_deref() != Some("continued")),
        "{:?}",
        a.quotes
    );
    let (b, _) = run("\"We will win,\" he notes.");
    assert_eq!(b.quotes[0].cue.as_deref(), Some("notes"));
}

#[test]
fn a_participle_after_by_takes_the_clause_subject() {
    let (a, _) = run("Sanders has soared in the polls by saying that the system is rigged.");
    assert_eq!(a.quotes.len(), 1, "{:?}", a.quotes);
    assert_eq!(speaker(&a.quotes[0]), "Sanders");
    assert_eq!(a.quotes[0].text, "that the system is rigged");
}

#[test]
fn a_frame_ends_where_the_next_clause_frames_its_own() {
    let (a, _) = run("Officers favored Trump 46 percent to 32 percent, while enlisted personnel favored Clinton 58 percent to 21 percent.");
    let texts: Vec<&str> = a.quotes.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(
        texts,
        ["Trump 46 percent to 32 percent", "Clinton 58 percent to 21 percent"],
        "{:?}",
        a.quotes
    );
    let (b, t) = run("This poll comes after polls by Quinnipiac University that showed Trump making gains.");
    let src = source(&t, &b.quotes[0]);
    assert_eq!(src, "polls by Quinnipiac University");
    let (c, _) = run("The event was widely seen as testing the credibility of the panel.");
    assert_eq!(c.quotes[0].speaker, None);
    assert_eq!(c.quotes[0].text, "testing the credibility of the panel");
}

#[test]
fn an_infinitive_cue_takes_the_subject_of_its_governing_verb() {
    let (a, _) = run("Her advisers continued to assure her that a deal was the answer.");
    assert_eq!(a.quotes.len(), 1, "{:?}", a.quotes);
    assert_eq!(speaker(&a.quotes[0]), "Her advisers");
    let (b, _) = run("Trump went on to say that he would win.");
    assert_eq!(speaker(&b.quotes[0]), "Donald Trump");
    assert_eq!(b.quotes[0].text, "that he would win");
}

#[test]
fn adverbs_and_modals_before_a_cue() {
    let (a, _) = run("Sanders has long argued that the system is rigged.");
    assert_eq!(a.quotes[0].cue.as_deref(), Some("has long argued"));
    // A base form after a modal is a verb even before a participle.
    let (b, _) = run("Clinton would argue allowing more refugees is right.");
    assert_eq!(b.quotes.len(), 1, "{:?}", b.quotes);
    assert_eq!(b.quotes[0].text, "allowing more refugees is right");
}

#[test]
fn a_name_set_off_by_commas_before_the_cue_is_the_source() {
    for (text, source, content) in [
        (
            "Sen. Marco Rubio, R-Fla., said Obama failed.",
            "Sen. Marco Rubio, R-Fla.",
            "Obama failed",
        ),
        (
            "Sandy Phillips of Aurora, Colorado, said the law failed.",
            "Sandy Phillips of Aurora, Colorado",
            "the law failed",
        ),
    ] {
        let (a, t) = run(text);
        assert_eq!(a.quotes.len(), 1, "{text}: {:?}", a.quotes);
        assert_eq!(crate::source(&t, &a.quotes[0]), source, "{text}");
        assert_eq!(a.quotes[0].text, content, "{text}");
    }
    // The inverted form still reads the other way.
    let (b, _) = run("The plan is dead, said the senator on Monday.");
    assert_eq!(b.quotes[0].text, "The plan is dead");
}

#[test]
fn a_that_clause_after_any_predicate_reports_what_its_subject_holds() {
    let (a, _) = run("The senator is confident that the bill will pass.");
    assert_eq!(a.quotes.len(), 1, "{:?}", a.quotes);
    assert_eq!(a.quotes[0].cue.as_deref(), Some("is confident"));
    assert_eq!(speaker(&a.quotes[0]), "The senator");
    assert_eq!(a.quotes[0].text, "that the bill will pass");
    // A noun that takes the clause names no holder.
    let (b, _) = run("Few in the capital now share the notion that the talks had failed.");
    assert_eq!(b.quotes.len(), 1, "{:?}", b.quotes);
    assert_eq!(b.quotes[0].text, "that the talks had failed");
    assert_eq!(speaker(&b.quotes[0]), "");
    // A cue a few words back frames the clause: `told the crowd that`.
    let (c, _) = run("Later, in a long speech, he told the cheering crowd that the wall would be built.");
    assert_eq!(c.quotes.len(), 1, "{:?}", c.quotes);
    assert_eq!(c.quotes[0].cue.as_deref(), Some("told"));
}

#[test]
fn degree_and_relative_that_clauses_report_nothing() {
    for text in [
        "The state is so blue that its Senate race will be a runoff.",
        "The foundation took money from countries that the department had criticized.",
        "Bush won coastal states that have moved firmly into the Democratic column.",
    ] {
        no_report(text);
    }
}

#[test]
fn only_verbs_of_saying_invert_after_a_comma() {
    let (a, _) =
        run("The party's leading candidate, Vermont Sen. Bernie Sanders, also decries super PACs and other groups.");
    assert_eq!(a.quotes.len(), 1, "{:?}", a.quotes);
    assert_eq!(
        speaker(&a.quotes[0]),
        "The party's leading candidate, Vermont Sen. Bernie Sanders"
    );
    assert_eq!(a.quotes[0].text, "super PACs and other groups");
}

#[test]
fn a_participle_after_a_quotation_takes_the_quotation_speaker() {
    let (a, t) = run("\"He stands for the middle class,\" Anderson said, adding that Sanders is the most trustworthy.");
    assert_eq!(a.quotes.len(), 2, "{:?}", a.quotes);
    let adding = at_cue(&a, "adding");
    let src = source(&t, adding);
    assert_eq!(src, "Anderson");
}

#[test]
fn a_wh_clause_after_a_predicate_or_its_preposition_is_a_report() {
    let (a, _) = run("The committee is still unsure whether the vote will count.");
    assert_eq!(a.quotes.len(), 1, "{:?}", a.quotes);
    assert_eq!(a.quotes[0].text, "whether the vote will count");
    assert_eq!(speaker(&a.quotes[0]), "The committee");
    let (b, _) = run("Reporters raised doubts about whether the ceasefire would hold.");
    assert!(
        b.quotes
            .iter()
            .any(|q| q.text.contains("whether the ceasefire would hold")),
        "{:?}",
        b.quotes
    );
}

#[test]
fn adjuncts_after_a_closing_cue_leave_the_clause_before_as_content() {
    let (a, t) =
        run("Democrats had cracked the glass ceiling for women, she said in a video message to the convention.");
    assert_eq!(a.quotes.len(), 1, "{:?}", a.quotes);
    assert_eq!(a.quotes[0].text, "Democrats had cracked the glass ceiling for women");
    let src = source(&t, &a.quotes[0]);
    assert_eq!(src, "she");
}

#[test]
fn as_a_source_noted_frames_the_rest() {
    let (a, _) = run("As a Pew study from 2011 noted, the average age of Latinos born in California was 18.");
    assert_eq!(a.quotes.len(), 1, "{:?}", a.quotes);
    assert_eq!(speaker(&a.quotes[0]), "a Pew study from 2011");
    assert!(a.quotes[0].text.starts_with("the average age"), "{:?}", a.quotes[0]);
}

#[test]
fn a_name_with_set_off_phrases_before_the_cue_is_the_source() {
    let (a, t) = run("Sen. Marco Rubio, R-Fla., appearing on Fox News after the speech, said Obama failed to act.");
    assert_eq!(a.quotes.len(), 1, "{:?}", a.quotes);
    assert_eq!(a.quotes[0].text, "Obama failed to act");
    let src = source(&t, &a.quotes[0]);
    assert!(src.starts_with("Sen. Marco Rubio"));
    // A clause before the comma is no name: the pronoun after the cue
    // is the subject of what was said, not an inverted source.
    let (b, t) =
        run("Yet some voters who have listened to him for years, at small events, said he had less magnetism.");
    assert_eq!(b.quotes.len(), 1, "{:?}", b.quotes);
    assert_eq!(b.quotes[0].text, "he had less magnetism");
    let span = b.quotes[0].speaker.as_ref().and_then(|s| s.span);
    assert!(span.is_none_or(|s| &t[s[0]..s[1]] != "he"), "{:?}", b.quotes[0]);
}

#[test]
fn a_participle_takes_a_counted_subject_after_an_opening_phrase() {
    let (a, t) = run("This week, two liberal groups rolled out radio ads, criticizing their positions on immigration.");
    let src = source(&t, sole(&a));
    assert_eq!(src, "two liberal groups");
}

#[test]
fn a_participle_before_a_second_quotation_keeps_the_first_speaker() {
    let (a, _) =
        run("Cruz said that Trump holds \"New York values,\" stating later that they are \"socially liberal.\"");
    let second = a
        .quotes
        .iter()
        .find(|q| q.text == "socially liberal.")
        .expect("the second quotation");
    assert_eq!(second.cue.as_deref(), Some("stating"));
    assert_eq!(speaker(second), "Cruz");
}

#[test]
fn an_adjunct_set_off_before_the_cue_is_not_the_source() {
    let (a, t) = run("The columnist Ruth Marcus, on Tuesday, wrote that the plan was doomed.");
    let src = source(&t, sole(&a));
    assert_eq!(src, "The columnist Ruth Marcus");
}

#[test]
fn a_set_off_which_stands_for_the_noun_before_it() {
    let (a, t) = run("The union, which endorsed the senator in November, is regarded as liberal.");
    let endorsed = at_cue(&a, "endorsed");
    assert_eq!(endorsed.text, "the senator in November");
    let src = source(&t, endorsed);
    assert_eq!(src, "which");
    assert_eq!(speaker(endorsed), "The union");
}

#[test]
fn adding_to_a_lead_reports_nothing() {
    no_report("Hillary Clinton won the primary on Tuesday, adding to her sizable delegate lead over Sanders.");
}

#[test]
fn an_interview_answer_is_reported_and_a_label_names_nobody() {
    let (a, _) = run("Q: How did things go?\n\nA: Nobody checked up on us after that.");
    let answer = a
        .quotes
        .iter()
        .find(|q| q.text.starts_with("Nobody"))
        .expect("the answer");
    assert_eq!(answer.cue.as_deref(), Some(":"));
    assert!(answer.speaker.is_none(), "{answer:?}");

    // Rubrics and shouted words before a headline's colon are no names.
    for text in [
        "BOOM: Trump Fires Back At Critics Over The Wall",
        "Revealed: The Candidates Made A Deal Behind Closed Doors",
    ] {
        let (a, _) = run(text);
        assert!(a.quotes.iter().all(|q| q.speaker.is_none()), "{text}: {:?}", a.quotes);
    }
    let (a, t) = run("Ted Cruz: Washington Has Failed The Working Families Of America");
    assert_eq!(source(&t, &a.quotes[0]), "Ted Cruz");
}

#[test]
fn a_noun_like_verb_after_a_name_takes_its_infinitive() {
    let (a, _) = run("The Justice vows to be more circumspect with her opinions.");
    assert_eq!(a.quotes.len(), 1, "{:?}", a.quotes);
    assert_eq!(a.quotes[0].cue.as_deref(), Some("vows"));
    assert_eq!(speaker(&a.quotes[0]), "The Justice");
    // After an article it stays a noun.
    no_report("The vows to rebuild the town were forgotten within a year.");
}

#[test]
fn an_apposition_may_hold_a_whom_clause_and_an_adjunct_is_no_inverted_source() {
    let (a, t) = run(
        "Corey Lewandowski, a rival whom Trump fired as campaign manager, said on CNN that Manafort should be held to account.",
    );
    let src = source(&t, sole(&a));
    assert!(src.starts_with("Corey Lewandowski"), "{:?}", a.quotes[0]);
}

#[test]
fn an_opening_place_does_not_hide_a_counted_subject() {
    let (a, t) = run("In Vermont, about half of the primary voters said they want a more liberal president.");
    let src = source(&t, sole(&a));
    assert_eq!(src, "about half of the primary voters");
}

#[test]
fn a_source_is_a_noun_phrase_not_an_opening_phrase_or_an_expletive() {
    let (a, t) = run("Democratic candidates went further, with former Gov. Martin O'Malley calling Trump a fascist.");
    let src = source(&t, sole(&a));
    assert_eq!(src, "former Gov. Martin O'Malley");
    assert_eq!(part(&t, &a.quotes[0], 0), "Trump a fascist");

    let (a, _) = run("It was not clear whether Clinton could block the handover.");
    assert!(a.quotes.iter().all(|q| q.speaker.is_none()), "{:?}", a.quotes);

    let (a, t) = run("Instead of calling himself conservative, Mr. Trump said he was a guy with common sense.");
    for q in &a.quotes {
        if let Some(span) = q.speaker.as_ref().and_then(|s| s.span) {
            assert!(!t[span[0]..span[1]].starts_with("Instead"), "{:?}", q);
        }
    }
}

#[test]
fn a_participle_after_a_comma_inside_the_closing_mark_reports() {
    let (a, t) = run("Bob said that is a “distortion,” describing the security team as highly accomplished.");
    let q = at_cue(&a, "describing");
    assert_eq!(part(&t, q, 0), "the security team as highly accomplished");
    assert_eq!(speaker(q), "Bob");
}

#[test]
fn a_title_inside_a_noun_phrase_takes_no_frame() {
    let (a, t) =
        run("The plan would cost $1.38 trillion a year, according to the “Medicare for all” document he released.");
    let q = at_cue(&a, "according to");
    assert_eq!(part(&t, q, 0), "The plan would cost $1.38 trillion a year");
}

#[test]
fn a_relative_clause_holding_a_quotation_keeps_its_name() {
    let (a, t) = run("Humphrey, who calls Trump a “sociopath,” said he would not vote.");
    let q = at_cue(&a, "said");
    let src = source(&t, q);
    assert_eq!(src, "Humphrey");
    assert_eq!(part(&t, q, 0), "he would not vote");
}

#[test]
fn a_title_set_off_by_a_name_after_an_opening_phrase_is_the_source() {
    let (a, t) = run(
        "But in an interview, the union's president, Mary Kay Henry, expressed concern that some members could find Trump appealing.",
    );
    let src = source(&t, sole(&a));
    assert_eq!(src, "the union's president, Mary Kay Henry");
}

#[test]
fn asked_about_opens_a_question() {
    let (a, t) = run("Asked about the charges, Rubio said that the reform was a mistake.");
    let q = at_cue(&a, "Asked about");
    assert_eq!(part(&t, q, 0), "the charges");
}

#[test]
fn a_pronoun_after_an_opening_adjunct_is_the_source() {
    let (a, t) = run("At the town hall this week she said she did not believe it amounted to much.");
    let src = source(&t, sole(&a));
    assert_eq!(src, "she");
}

#[test]
fn a_refusal_keeps_a_name_set_off_by_its_apposition() {
    let (a, t) = run("Jim Prosser, a Twitter spokesman, also declined to comment for this column.");
    let src = source(&t, sole(&a));
    assert_eq!(src, "Jim Prosser, a Twitter spokesman");
}

#[test]
fn an_adjective_in_ly_opens_a_source() {
    let (a, t) = run("Clinton won the Democratic primary in Puerto Rico, according to early returns.");
    let src = source(&t, sole(&a));
    assert_eq!(src, "early returns");
}

#[test]
fn the_agent_of_a_passive_participle_is_the_source() {
    let (a, t) =
        run("The administration let states combine those categories, a practice criticized by Miller and others.");
    let q = at_cue(&a, "criticized");
    let src = source(&t, q);
    assert_eq!(src, "Miller");
    assert_eq!(part(&t, q, 0), "a practice");

    let (a, t) = run("The win in New Hampshire, which was projected by networks, would bring her closer.");
    let q = a.quotes.first().expect("a report");
    let src = source(&t, q);
    assert_eq!(src, "networks");
}

#[test]
fn a_contracted_auxiliary_belongs_to_the_cue() {
    let (a, t) = run("Collins, who’d previously endorsed Jeb Bush, said he was proud.");
    let q = at_cue(&a, "’d previously endorsed");
    let src = source(&t, q);
    assert_eq!(src, "who");
    assert_eq!(speaker(q), "Collins");
}

#[test]
fn told_is_never_inverted() {
    let (a, t) = run("Sanders remains committed to the race, his top aide, Tad Devine, told The Huffington Post.");
    let src = source(&t, sole(&a));
    assert!(src.contains("Tad Devine"), "{:?}", a.quotes[0]);
}

#[test]
fn a_time_phrase_before_the_cue_is_not_the_source() {
    let (a, t) =
        run("Beck, who opposed Trump during the primaries, last week said Trump was seeking to start a movement.");
    let q = at_cue(&a, "said");
    let src = source(&t, q);
    assert!(src.starts_with("Beck"), "{:?}", q);
}

#[test]
fn a_passive_with_an_agent_and_a_clause_reports_the_clause() {
    let (a, t) =
        run("Earlier this month, Sanders was asked by host John Dickerson whether his aim was similar to Kennedy's.");
    let src = source(&t, sole(&a));
    assert_eq!(src, "host John Dickerson");
    assert_eq!(part(&t, &a.quotes[0], 0), "whether his aim was similar to Kennedy's");
}

#[test]
fn a_base_form_after_a_plural_subject_is_a_verb() {
    let (a, t) = run("Many fear Trump will feed insecurity in the region.");
    assert_eq!(a.quotes.len(), 1, "{:?}", a.quotes);
    assert_eq!(a.quotes[0].cue.as_deref(), Some("fear"));
    assert_eq!(part(&t, &a.quotes[0], 0), "Trump will feed insecurity in the region");

    let (a, _) = run("Rabbis vow to boycott the speech to the pro-Israel group.");
    assert_eq!(a.quotes.len(), 1, "{:?}", a.quotes);
    assert_eq!(a.quotes[0].cue.as_deref(), Some("vow"));

    no_report("Some states have passed the bill.");
}

#[test]
fn a_free_relative_reports_what_was_called() {
    let (a, t) = run("Sanders opposes what he calls corruption in politics.");
    let q = at_cue(&a, "calls");
    assert_eq!(part(&t, q, 0), "corruption in politics");
}

#[test]
fn a_title_after_a_possessive_takes_no_frame() {
    let (a, t) = run("Sanders said on ABC's “This Week” that he would take a look at the bill.");
    let q = at_cue(&a, "said");
    assert!(!q.direct, "{:?}", q);
    assert!(
        part(&t, q, 0).ends_with("that he would take a look at the bill"),
        "{:?}",
        q
    );
}

#[test]
fn an_opening_adjunct_is_not_reported_content() {
    let (a, t) = run("Early in his campaign, Trump attacked Romney, calling him a failed candidate.");
    for q in &a.quotes {
        assert!(!part(&t, q, 0).starts_with("Early"), "{:?}", q);
    }
    let q = at_cue(&a, "calling");
    let src = source(&t, q);
    assert_eq!(src, "Trump");
}

#[test]
fn a_subject_with_a_relative_clause_and_no_comma_is_the_source() {
    let (a, t) = run("But people who have battled other online threats say it could be doing more.");
    let src = source(&t, sole(&a));
    assert_eq!(src, "people");
    assert_eq!(part(&t, &a.quotes[0], 0), "it could be doing more");
}

#[test]
fn a_participle_after_while_before_or_by_takes_the_clause_subject() {
    let (a, t) = run("Trump praised the judge before claiming that open borders are tearing families apart.");
    let q = at_cue(&a, "claiming");
    assert_eq!(speaker(q), "Donald Trump");
    assert_eq!(part(&t, q, 0), "that open borders are tearing families apart");

    let (a, t) = run("After criticizing the plan, Sanders left the stage.");
    assert_eq!(a.quotes.len(), 1, "{:?}", a.quotes);
    assert_eq!(part(&t, &a.quotes[0], 0), "the plan");
    let src = source(&t, &a.quotes[0]);
    assert_eq!(src, "Sanders");
}

#[test]
fn called_for_after_an_indefinite_subject_speaks() {
    let (a, t) = run("Before the appearance, a group of rabbis called for a boycott of his speech.");
    let src = source(&t, sole(&a));
    assert_eq!(src, "a group of rabbis");

    let (a, _) = run("He joined a program called Teach for America.");
    assert!(a.quotes.iter().all(|q| q.speaker.is_none()), "{:?}", a.quotes);
}

#[test]
fn a_set_off_passive_participle_reports_on_its_noun() {
    let (a, t) = run("A college professor, accused by the government of plotting, donated to the campaign.");
    let q = at_cue(&a, "accused");
    assert_eq!(part(&t, q, 0), "A college professor");
    let src = source(&t, q);
    assert!(src.starts_with("the government"), "{:?}", q);
}

#[test]
fn an_inverted_speaker_keeps_its_relative_clause() {
    let (a, t) = run(
        "The training is squarely within his wheelhouse, said a handful of Democrats who point to his ties with organized labor.",
    );
    let q = at_cue(&a, "said");
    let src = source(&t, q);
    assert_eq!(src, "a handful of Democrats");
    assert_eq!(part(&t, q, 0), "The training is squarely within his wheelhouse");
}

#[test]
fn a_possessive_before_a_phrase_ending_in_its_preposition() {
    let (a, t) = run("Republicans backed Pence’s call for a special prosecutor.");
    let q = at_cue(&a, "call for");
    assert_eq!(part(&t, q, 0), "a special prosecutor");
    assert!(speaker(q).contains("Pence"), "{:?}", q);
}

#[test]
fn a_verb_coordinated_after_a_quotation_is_not_its_frame() {
    let (a, t) =
        run("He describes himself as \"totally pro-Israel\" and has said that he has donated large amounts to Israel.");
    let q = at_cue(&a, "has said");
    assert!(!q.direct, "{:?}", q);
    assert_eq!(part(&t, q, 0), "that he has donated large amounts to Israel");
    let src = source(&t, q);
    assert_eq!(src, "He");
}

#[test]
fn an_apposition_may_hold_a_quoted_title() {
    let (a, t) = run("The ad, titled \"Unifier?\", concludes that Trump is too dangerous to be president.");
    assert_eq!(a.quotes.len(), 1, "{:?}", a.quotes);
    assert_eq!(a.quotes[0].cue.as_deref(), Some("concludes"));
    let src = source(&t, &a.quotes[0]);
    assert!(src.starts_with("The ad"), "{:?}", a.quotes[0]);
    assert_eq!(part(&t, &a.quotes[0], 0), "that Trump is too dangerous to be president");
}

#[test]
fn a_person_named_in_the_speakers_relative_clause_is_not_the_speaker() {
    let (a, _) = run("Humphrey, who calls Trump a liar and worse, said he would not vote.");
    let q = at_cue(&a, "said");
    assert_eq!(speaker(q), "Humphrey");
}

#[test]
fn a_dateline_is_not_a_speaker() {
    let (a, t) =
        run("CLEVELAND - When the night ended, the advisers were confident that the convention was a success.");
    for q in &a.quotes {
        if let Some(span) = q.speaker.as_ref().and_then(|s| s.span) {
            assert!(!t[span[0]..span[1]].contains("CLEVELAND"), "{:?}", q);
        }
    }
}

#[test]
fn a_capitalized_month_or_name_is_not_an_auxiliary_and_an_asker_is_a_source() {
    let (a, t) = run("In May's Washington Post-ABC News poll, 72 percent said the system is dysfunctional.");
    let q = at_cue(&a, "In");
    let src = source(&t, q);
    assert_eq!(src, "May's Washington Post-ABC News poll");

    let (a, t) = run("When asked by Ingraham on Thursday about deportations, Trump said the border comes first.");
    let q = at_cue(&a, "asked");
    let src = source(&t, q);
    assert_eq!(src, "Ingraham");
}

#[test]
fn a_relative_refusal_after_an_adjunct_is_its_antecedents() {
    let (a, t) = run("Curiel, who through his office declined to comment, was born in East Chicago.");
    let src = source(&t, sole(&a));
    assert_eq!(src, "who");
    assert_eq!(speaker(&a.quotes[0]), "Curiel");
    assert_eq!(part(&t, &a.quotes[0], 0), "to comment");
}

#[test]
fn a_closing_frame_after_an_embedded_quotation_reports_the_sentence() {
    let (a, t) = run("The plan is a \"very welcome step,\" the minister said.");
    let q = at_cue(&a, "said");
    assert_eq!(source(&t, q), "the minister");
    assert_eq!(part(&t, q, 0), "The plan is a \"very welcome step,\"");
}

#[test]
fn an_opening_adjunct_before_a_clause_is_part_of_the_report() {
    let (a, t) = run("As a diplomat, the envoy raised less suspicion, Mr. Verdi said.");
    let q = at_cue(&a, "said");
    assert_eq!(source(&t, q), "Mr. Verdi");
    assert_eq!(part(&t, q, 0), "As a diplomat, the envoy raised less suspicion");

    // A demonstrative subject is no time adjunct.
    let (a, t) = run("This makes the talks harder, he said.");
    let q = at_cue(&a, "said");
    assert_eq!(part(&t, q, 0), "This makes the talks harder");

    // An adjunct alone is not reported.
    let (a, t) = run("Early in his campaign, the senator attacked the governor.");
    assert!(
        a.quotes.iter().all(|q| !part(&t, q, 0).contains("Early")),
        "{:?}",
        a.quotes
    );
}

#[test]
fn a_titled_name_set_off_after_a_quotation_and_a_nested_close() {
    let (a, t) =
        run("\"Trade will recover,\" the economist Jared Bernal, a former adviser to the ministry, wrote on his blog.");
    let q = at_cue(&a, "wrote");
    assert!(source(&t, q).starts_with("the economist Jared Bernal"), "{:?}", q);

    let (a, t) = run("\"He told us 'we will help,'\" Rep. Jim Mendel (D-Wash.) said.");
    let q = at_cue(&a, "said");
    assert_eq!(source(&t, q), "Rep. Jim Mendel (D-Wash.)");
}

#[test]
fn a_cue_and_colon_ending_the_paragraph_frame_the_next() {
    let (a, t) = run("Reporter Jana Karadi says:\n\n\"The crowd left the square an hour ago.\"");
    let q = at_cue(&a, "says");
    assert_eq!(source(&t, q), "Reporter Jana Karadi");
    assert!(q.direct);
    assert_eq!(part(&t, q, 0), "The crowd left the square an hour ago.");
}

#[test]
fn a_clause_after_the_frame_between_two_quotations_parts_them() {
    let (a, t) = run(
        "\"Her manner is stern,\" she said, but despite the tense tone, \"I think he will do it,\" said Kunin, a former governor.",
    );
    assert_eq!(a.quotes.len(), 2, "{:?}", a.quotes);
    assert_eq!(source(&t, &a.quotes[0]), "she");
    assert_eq!(a.quotes[0].spans.len(), 1);
    assert_eq!(source(&t, &a.quotes[1]), "Kunin");
    assert_eq!(part(&t, &a.quotes[1], 0), "I think he will do it,");
}

#[test]
fn an_apposition_ending_in_a_parenthesis_and_a_relative_set_off_by_an_adjunct() {
    let (a, t) = run("Jeff Bechel, chairman of Rising Tide (a Republican group), tweeted: \"The rally was a flop.\"");
    let q = at_cue(&a, "tweeted");
    assert!(
        source(&t, q).starts_with("Jeff Bechel, chairman of Rising Tide"),
        "{:?}",
        q
    );
    assert!(q.direct);

    let (a, t) = run("Bret Stevens, who, after trading insults with the host, said the party is lost.");
    let q = at_cue(&a, "said");
    assert_eq!(source(&t, q), "Bret Stevens");
    assert_eq!(part(&t, q, 0), "the party is lost");
}

#[test]
fn the_one_asked_is_not_the_speaker_and_support_needs_an_object_clause() {
    let (a, _) = run("In a telephone interview, the governor was asked about the comment.");
    let q = at_cue(&a, "was asked about");
    assert!(q.speaker.is_none(), "{:?}", q);

    // `support` as a noun is no stance: `strong support from voters`.
    no_report("The senator received even stronger support from union households.");
    let (a, t) = run("They support the Second Amendment.");
    let q = at_cue(&a, "support");
    assert_eq!(source(&t, q), "They");
}

#[test]
fn an_adverb_of_manner_joins_the_cue_and_a_relative_subject_its_noun() {
    let (a, t) = run("Rural voters overwhelmingly support the new tariff.");
    let q = at_cue(&a, "overwhelmingly support");
    assert_eq!(source(&t, q), "Rural voters");

    let (a, t) = run("The senator, who enthusiastically endorses the plan, spoke on Monday.");
    let q = at_cue(&a, "enthusiastically endorses");
    assert_eq!(source(&t, q), "who");
    assert_eq!(speaker(q), "The senator");

    // A noun in -ly is no adverb.
    let (a, t) = run("The family said the officers ignored them.");
    let q = at_cue(&a, "said");
    assert_eq!(source(&t, q), "The family");

    let (a, t) = run("One Democratic official who relayed the exchange said the senator was angry.");
    let q = at_cue(&a, "said");
    assert_eq!(source(&t, q), "One Democratic official");

    let (a, t) = run("Will Estrada said the county is ready.");
    let q = at_cue(&a, "said");
    assert_eq!(source(&t, q), "Will Estrada");
}

#[test]
fn a_quotation_after_a_reported_sentence_is_its_speakers() {
    let (a, _) = run("Yet the governor is also a \"change agent,\" Cole said. \"That is exactly what people want.\"");
    let q = a
        .quotes
        .iter()
        .find(|q| q.text.starts_with("That is"))
        .expect("the second quotation");
    assert_eq!(speaker(q), "Cole");
    assert_eq!(q.speaker.as_ref().and_then(|s| s.span), None);
}

#[test]
fn according_to_before_a_quotation_and_a_gerund_source() {
    let (a, t) = run("According to the newspaper, \"the gun laws are weak.\"");
    let q = at_cue(&a, "According to");
    assert_eq!(source(&t, q), "the newspaper");
    assert!(q.direct);

    let (a, t) = run("Union members favored the senator by 20 points, according to polling by the federation.");
    let q = at_cue(&a, "according to");
    assert_eq!(source(&t, q), "polling by the federation");
}

#[test]
fn a_relative_before_a_quotation_and_an_opening_participle_phrase() {
    let (a, t) =
        run("A White House official who spoke anonymously to discuss strategy said Wednesday, \"There are talks.\"");
    let q = at_cue(&a, "said");
    assert_eq!(source(&t, q), "A White House official");
    assert!(
        a.quotes.iter().all(|q| q.cue.as_deref() != Some("discuss")),
        "{:?}",
        a.quotes
    );

    let (a, t) = run("Asked on Monday whether he would serve, Mrs. Clinton shook her head and said, \"No.\"");
    let q = at_cue(&a, "said");
    assert_eq!(source(&t, q), "Mrs. Clinton");
}

#[test]
fn a_coordinated_verb_shares_the_subject_of_its_clause() {
    let (a, t) =
        run("Sullivan put off deciding whether the group could question Clinton but said it could come back later.");
    let q = at_cue(&a, "said");
    assert_eq!(source(&t, q), "Sullivan");

    // Inside a subordinate clause, that clause's subject.
    let (a, t) =
        run("Some in the crowd booed, and when Rubio thanked Miami and said it was great to be home, a man yelled.");
    let q = at_cue(&a, "said");
    assert_eq!(source(&t, q), "Rubio");

    // After an opening adjunct led by an adverb.
    let (a, t) =
        run("Even before the remarks about him, Mr. Trump had criticized the pope as a political person and accused him of meddling.");
    let q = at_cue(&a, "accused");
    assert_eq!(source(&t, q), "Mr. Trump");
}

#[test]
fn a_counted_time_opens_no_subject_and_a_measured_gerund_is_a_noun() {
    let (a, t) = run("Eight years ago, he supported the senator and said, \"She has never done anything for us.\"");
    let q = at_cue(&a, "said");
    assert_eq!(source(&t, q), "he");

    no_report("The panel subjected her to more than eight hours of questioning in October.");
    let (a, t) = run("The governor stopped short of calling the shooting racially motivated.");
    let q = at_cue(&a, "calling");
    assert!(source(&t, q).starts_with("The governor"), "{q:?}");
}

#[test]
fn two_plural_nouns_joined_by_and_are_one_source() {
    let (a, t) =
        run("Support is strong among the progressive wing of the unions, teachers and union officials told reporters.");
    let q = at_cue(&a, "told reporters");
    assert_eq!(source(&t, q), "teachers and union officials");

    let (a, t) = run("Her advisers and allies say she will spend the coming weeks on the economy.");
    let q = at_cue(&a, "say");
    assert_eq!(source(&t, q), "Her advisers and allies");
}

#[test]
fn a_percentage_is_a_source_and_a_bare_noun_with_an_auxiliary_opens_a_clause() {
    let (a, t) = run("On economic issues, 42% say they are liberal.");
    let q = sole(&a);
    assert_eq!(source(&t, q), "42%");
    assert_eq!(part(&t, q, 0), "they are liberal");

    // `shows` is also a noun: a clause must follow it.
    let (a, t) = run("Recent polls show working-class voters could decide the race.");
    let q = at_cue(&a, "show");
    assert_eq!(source(&t, q), "Recent polls");
    assert_eq!(part(&t, q, 0), "working-class voters could decide the race");
    no_report("The network shows people who are lost at sea.");
}

#[test]
fn the_fact_that_reports_nothing() {
    no_report("The fact that he won the state surprised the campaign.");
    let (a, t) = run("The notion that he won the state surprised the campaign.");
    assert_eq!(part(&t, sole(&a), 0), "that he won the state surprised the campaign");
}

#[test]
fn a_gerund_object_makes_a_stance_a_verb() {
    let (a, t) = run("Two-thirds of the voters support temporarily banning the practice.");
    let q = sole(&a);
    assert_eq!(source(&t, q), "Two-thirds of the voters");
    assert_eq!(part(&t, q, 0), "temporarily banning the practice");

    no_report("Democrats from coal states digging in against him lost the vote.");
}

#[test]
fn a_finding_set_off_before_a_conjunction_closes_its_frame() {
    let (a, t) = run("The plane was insured for $35 million in 2011, records show, and it is worth less today.");
    let q = at_cue(&a, "show");
    assert_eq!(source(&t, q), "records");
    assert_eq!(part(&t, q, 0), "The plane was insured for $35 million in 2011");

    // A noun of saying set off the same way is no frame.
    no_report("He won in smaller, whiter states, but Clinton kept her lead.");
}

#[test]
fn a_relative_clause_in_the_subject_is_no_report_of_its_own() {
    let (a, t) = run("People who know the senator say the attention has hurt her.");
    let q = sole(&a);
    assert_eq!(source(&t, q), "People");
    assert_eq!(part(&t, q, 0), "the attention has hurt her");

    // `Those` stands alone; `her` before a verb and its clause is an object.
    let (a, t) = run("Those who met her say the attention has hurt her.");
    let q = sole(&a);
    assert_eq!(source(&t, q), "Those");
    assert_eq!(q.cue.as_deref(), Some("say"));
    let (a, t) =
        run("Only 7 percent are undecided, but 27 percent of those who named a candidate said they could change.");
    assert_eq!(source(&t, at_cue(&a, "said")), "27 percent of those");
    no_report("She finally had her say in the debate.");
}

#[test]
fn a_semicolon_ends_a_report_before_a_frame_of_its_own() {
    let (a, t) = run("Most Republicans support sending troops; a plurality of Democrats oppose the idea.");
    let q = at_cue(&a, "support");
    assert_eq!(part(&t, q, 0), "sending troops");
    let q = at_cue(&a, "oppose");
    assert_eq!(source(&t, q), "a plurality of Democrats");

    // Without a frame after it, the report goes on.
    let (a, t) = run("He said the plan was flawed; it would cost too much.");
    assert_eq!(part(&t, sole(&a), 0), "the plan was flawed; it would cost too much");
}

#[test]
fn a_frame_whose_subject_runs_over_the_report_around_it_is_dropped() {
    let (a, t) = run("Critics say he had proposed to dismantle the law.");
    let q = sole(&a);
    assert_eq!(source(&t, q), "Critics");
    assert_eq!(part(&t, q, 0), "he had proposed to dismantle the law");

    let (a, t) = run("At the debate, Clinton cited disparaging remarks Trump had made about her.");
    let q = sole(&a);
    assert_eq!(q.cue.as_deref(), Some("cited"));
    assert_eq!(source(&t, q), "Clinton");
}

#[test]
fn an_age_set_off_after_a_name_belongs_to_the_apposition() {
    let (a, t) = run("Woodrow Benford, 58, who lives outside Minneapolis, says he knew little about the senator.");
    let q = sole(&a);
    assert!(source(&t, q).starts_with("Woodrow Benford, 58,"), "{q:?}");
    assert!(speaker(q).starts_with("Woodrow Benford"), "{q:?}");

    let (a, t) = run("Cory James, 22, of Flint, Mich., said the water was still bad.");
    assert!(source(&t, sole(&a)).starts_with("Cory James"), "{:?}", a.quotes);
}

#[test]
fn called_on_speaks_and_a_widened_call_can_still_be_a_phone_call() {
    let (a, t) = run("The senator called on Congress to pass the bill.");
    let q = sole(&a);
    assert_eq!(q.cue.as_deref(), Some("called on"));
    assert_eq!(source(&t, q), "The senator");
    assert_eq!(part(&t, q, 0), "Congress to pass the bill");

    no_report("She also called Smith on Monday.");
}

#[test]
fn quotation_after_a_participle_takes_the_clause_subject() {
    let text = "Warren appeared with Maddow and endorsed Clinton, saying, \"I think she is a fighter.\"";
    let (a, t) = run(text);
    let q = at_cue(&a, "saying");
    assert!(q.direct, "{q:?}");
    assert_eq!(source(&t, q), "Warren");
    assert_eq!(part(&t, q, 0), "I think she is a fighter.");
    // The frame before ends at the participle's comma.
    let endorsed = at_cue(&a, "endorsed");
    assert_eq!(part(&t, endorsed, 0), "Clinton");

    // The subject of the nearest cue before, when it names one.
    let text = "The two will meet next week, Spicer said, adding, \"They need to sit down.\"";
    let (a, t) = run(text);
    assert_eq!(source(&t, at_cue(&a, "adding")), "Spicer");
    let text = "Christie conceded the point even as he defended the campaign, saying, \"Most of it is hers.\"";
    let (a, t) = run(text);
    assert_eq!(source(&t, at_cue(&a, "saying")), "he");
}

#[test]
fn clause_subject_runs_to_the_verb() {
    for (text, subject) in [
        (
            "Former Secretary of State Madeleine Albright spoke on Monday, saying she is ready.",
            "Former Secretary of State Madeleine Albright",
        ),
        (
            "The Florida senator spoke on Monday, saying she is ready.",
            "The Florida senator",
        ),
        (
            "The top official urges the council to act, saying it is over.",
            "The top official",
        ),
        (
            "The presidential candidates briefly met, saying it is over.",
            "The presidential candidates",
        ),
        (
            "A reporter for USA Today wrote a column, saying it is over.",
            "A reporter for USA Today",
        ),
        (
            "Democratic presidential nominee Hillary Clinton spoke on Monday, saying it is over.",
            "Democratic presidential nominee Hillary Clinton",
        ),
    ] {
        let (a, t) = run(text);
        assert_eq!(source(&t, at_cue(&a, "saying")), subject, "{text}");
    }
}

#[test]
fn a_contracted_has_after_a_pronoun_joins_the_cue() {
    let text = "He's said he gets his ideas from a speech.";
    let (a, t) = run(text);
    let q = sole(&a);
    assert_eq!(q.cue.as_deref(), Some("'s said"));
    assert_eq!(source(&t, q), "He");
    assert_eq!(part(&t, q, 0), "he gets his ideas from a speech");
    // A possessive is no auxiliary.
    no_report("Clinton's said plan failed.");
}

#[test]
fn inverted_speaker_after_a_nested_closing_mark_or_a_phrase() {
    let text = "''I would use the word 'old-school,''' said Gregory W. Slayton, a former envoy.";
    let (a, t) = run(text);
    let q = sole(&a);
    assert!(q.direct);
    assert_eq!(source(&t, q), "Gregory W. Slayton");

    let text =
        "\u{201C}We\u{2019}re extremely happy\u{201D} about the decision, said RoseAnn DeMoro, head of the union.";
    let (a, t) = run(text);
    let q = sole(&a);
    assert_eq!(source(&t, q), "RoseAnn DeMoro");
    assert_eq!(part(&t, q, 0), "We\u{2019}re extremely happy");
}

#[test]
fn a_subject_after_who_or_what_is_the_source() {
    let text = "He spoke of his two adult daughters, who he said were living in Russia.";
    let (a, t) = run(text);
    let q = sole(&a);
    assert_eq!(source(&t, q), "he");
    assert_eq!(part(&t, q, 0), "were living in Russia");

    let (a, t) = run("The sailors were released, in what many analysts said was a sign of progress.");
    assert_eq!(source(&t, at_cue(&a, "said")), "many analysts");

    let (a, t) = run("Trump despises what he calls political correctness.");
    assert_eq!(source(&t, at_cue(&a, "calls")), "he");
}

#[test]
fn a_clause_subject_comes_after_a_dateline_or_a_time_phrase() {
    let text =
        "Washington (AFP) \u{2013} Democrat Hillary Clinton took a swipe at Trump, saying that the comments do harm.";
    let (a, t) = run(text);
    assert_eq!(source(&t, at_cue(&a, "saying")), "Democrat Hillary Clinton");

    let (a, t) = run("A few minutes later, Murphy followed up by lamenting the churn of meaningless tasks.");
    assert_eq!(source(&t, at_cue(&a, "lamenting")), "Murphy");

    let (a, t) = run("More recently, he has spoken out against the law, citing his record.");
    assert_eq!(source(&t, at_cue(&a, "citing")), "he");
}

#[test]
fn a_whose_clause_with_commas_of_its_own_stays_with_its_name() {
    let text = "Mr. Slinker, whose latest start-up, Paradata, uses big data, said Mr. Trump was a candidate.";
    let (a, t) = run(text);
    let q = sole(&a);
    assert!(source(&t, q).starts_with("Mr. Slinker, whose"), "{q:?}");
    assert!(
        speaker(q).starts_with("Mr. Slinker") || speaker(q).starts_with("Slinker"),
        "{q:?}"
    );
}

#[test]
fn a_report_begins_past_the_day_its_cue_took_place() {
    for (text, content) in [
        ("Trump said Wednesday the plan failed.", "the plan failed"),
        (
            "Trump said on Monday morning that talks had stalled.",
            "that talks had stalled",
        ),
        ("Trump called Wednesday for Clinton to resign.", "Clinton to resign"),
        ("Trump said this plan is bad.", "this plan is bad"),
        // A day before an inverted cue is the report's own.
        (
            "Monday was a good day for the talks, he said.",
            "Monday was a good day for the talks",
        ),
    ] {
        let (a, t) = run(text);
        assert_eq!(part(&t, sole(&a), 0), content, "{text}");
    }
    // A day is no one telephoned.
    let (a, t) = run("Democrats called Monday for an inquiry into the deal.");
    assert_eq!(source(&t, sole(&a)), "Democrats");
}

#[test]
fn a_relative_clause_between_dashes_is_an_aside() {
    let text = "Donald Trump - who previously said he would win - said on Saturday that he won.";
    let (a, t) = run(text);
    assert_eq!(source(&t, at_cue(&a, "said")), "Donald Trump");
    assert_eq!(source(&t, at_cue(&a, "previously said")), "who");
}

#[test]
fn in_the_past_joins_the_cue() {
    let (a, t) = run("Gore's close friends and allies have in the past said he was staying quiet.");
    let q = sole(&a);
    assert_eq!(q.cue.as_deref(), Some("have in the past said"));
    assert_eq!(source(&t, q), "Gore's close friends and allies");
}

#[test]
fn a_participle_opening_the_sentence_reports_up_to_its_comma() {
    let text = "Noting that both men battled opposition, Smith wrote that Trump would win.";
    let (a, t) = run(text);
    assert_eq!(a.quotes.len(), 2, "{:?}", a.quotes);
    let q = at_cue(&a, "Noting that");
    assert_eq!(source(&t, q), "Smith");
    assert_eq!(part(&t, q, 0), "both men battled opposition");
    assert_eq!(part(&t, at_cue(&a, "wrote"), 0), "that Trump would win");
}
