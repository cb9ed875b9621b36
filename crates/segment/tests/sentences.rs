//! Sentence segmentation cases from news copy. Each case gives a text and the
//! sentences dyad must find in it, exactly as they appear in the text.

use dyad_segment::segment;

fn sentences(text: &str) -> Vec<&str> {
    segment(text).sentences.iter().map(|s| s.span.slice(text)).collect()
}

macro_rules! cases {
    ($($name:ident: $text:expr => [$($s:expr),* $(,)?];)*) => {
        $(
            #[test]
            fn $name() {
                let expected: Vec<&str> = vec![$($s),*];
                assert_eq!(sentences($text), expected, "text: {:?}", $text);
            }
        )*
    };
}

cases! {
    // Titles and ranks never end a sentence.
    title_gen: "Gen. Mark Milley met the minister." => ["Gen. Mark Milley met the minister."];
    title_lt_col: "Lt. Col. Ahmed Ali was detained. Troops withdrew." => ["Lt. Col. Ahmed Ali was detained.", "Troops withdrew."];
    title_sen: "Sen. Lindsey Graham criticized the plan." => ["Sen. Lindsey Graham criticized the plan."];
    title_gov: "Gov. Kathy Hochul declared an emergency." => ["Gov. Kathy Hochul declared an emergency."];
    title_mr: "Mr. Putin spoke first. Mrs. May answered." => ["Mr. Putin spoke first.", "Mrs. May answered."];
    title_dr: "Dr. Tedros warned of a new wave." => ["Dr. Tedros warned of a new wave."];
    title_prof: "Prof. Smith disagreed. He said so twice." => ["Prof. Smith disagreed.", "He said so twice."];
    title_rep: "Rep. Nancy Pelosi landed in Taipei." => ["Rep. Nancy Pelosi landed in Taipei."];
    title_capt_sgt: "Capt. Ivanov and Sgt. Petrov were wounded." => ["Capt. Ivanov and Sgt. Petrov were wounded."];
    title_adm: "Adm. John Aquilino visited Manila." => ["Adm. John Aquilino visited Manila."];
    title_maj_gen: "Maj. Gen. Patrick Ryder briefed reporters." => ["Maj. Gen. Patrick Ryder briefed reporters."];
    title_st: "They met in St. Petersburg on Friday." => ["They met in St. Petersburg on Friday."];
    title_rev: "The Rev. Jesse Jackson led the march." => ["The Rev. Jesse Jackson led the march."];
    title_no: "Resolution No. 2334 was adopted." => ["Resolution No. 2334 was adopted."];
    title_vs: "The case Ukraine vs. Russia opened." => ["The case Ukraine vs. Russia opened."];

    // Months and dates.
    month_jan: "The talks began on Jan. 12 in Geneva." => ["The talks began on Jan. 12 in Geneva."];
    month_feb: "On Feb. 24, Russia invaded Ukraine." => ["On Feb. 24, Russia invaded Ukraine."];
    month_sept: "The vote is set for Sept. 30. Observers expect delays." => ["The vote is set for Sept. 30.", "Observers expect delays."];
    month_end_of_sentence: "Elections were held in Oct. The results were disputed." => ["Elections were held in Oct.", "The results were disputed."];
    month_dec_day: "By Dec. 5 the troops had left." => ["By Dec. 5 the troops had left."];

    // Country and organization abbreviations.
    us_president: "U.S. President Joe Biden spoke with Xi." => ["U.S. President Joe Biden spoke with Xi."];
    us_end: "The envoy flew to the U.S. The talks resume Monday." => ["The envoy flew to the U.S.", "The talks resume Monday."];
    us_officials: "The U.S. officials declined to comment." => ["The U.S. officials declined to comment."];
    un_mid: "The U.N. Security Council met on Friday." => ["The U.N. Security Council met on Friday."];
    un_end: "Iran wrote to the U.N. It denied the charges." => ["Iran wrote to the U.N.", "It denied the charges."];
    uk_mid: "The U.K. government imposed sanctions." => ["The U.K. government imposed sanctions."];
    ny_mid: "He spoke in N.Y. on Monday." => ["He spoke in N.Y. on Monday."];
    dc_end: "The delegation arrived in Washington, D.C. The meeting starts today." => ["The delegation arrived in Washington, D.C.", "The meeting starts today."];
    eu_abbrev: "The E.U. foreign ministers met." => ["The E.U. foreign ministers met."];
    inc_end: "The contract went to Boeing Inc. The deal is worth $2 billion." => ["The contract went to Boeing Inc.", "The deal is worth $2 billion."];
    inc_mid: "Boeing Inc. said on Monday it would cut jobs." => ["Boeing Inc. said on Monday it would cut jobs."];
    corp_ltd: "Huawei Ltd. and ZTE Corp. were named." => ["Huawei Ltd. and ZTE Corp. were named."];
    jr: "Martin Luther King Jr. spoke here. Crowds listened." => ["Martin Luther King Jr. spoke here.", "Crowds listened."];

    // Times of day.
    am_weekday: "The blast happened at 9 a.m. Monday near the market." => ["The blast happened at 9 a.m. Monday near the market."];
    pm_gmt: "Fighting resumed at 3 p.m. GMT on the border." => ["Fighting resumed at 3 p.m. GMT on the border."];
    am_end: "The curfew begins at 6 a.m. Police will patrol the streets." => ["The curfew begins at 6 a.m.", "Police will patrol the streets."];
    pm_lower: "It ended at 5 p.m. local time." => ["It ended at 5 p.m. local time."];

    // Initials.
    initials_tolkien: "J. R. R. Tolkien wrote it. Readers loved it." => ["J. R. R. Tolkien wrote it.", "Readers loved it."];
    initial_middle: "George W. Bush met Tony Blair." => ["George W. Bush met Tony Blair."];
    initials_joined: "J.R.R. Tolkien was born in 1892." => ["J.R.R. Tolkien was born in 1892."];
    initial_h: "Harry S. Truman ordered the airlift." => ["Harry S. Truman ordered the airlift."];

    // Numbers, decimals, versions.
    decimal: "Inflation rose 3.5 percent in May. Prices fell later." => ["Inflation rose 3.5 percent in May.", "Prices fell later."];
    thousands: "Some 50,000 tonnes of wheat were shipped." => ["Some 50,000 tonnes of wheat were shipped."];
    version: "Version 2.0.1 fixed the bug. Users upgraded." => ["Version 2.0.1 fixed the bug.", "Users upgraded."];
    money: "The loan is worth $11.8 billion. It was approved." => ["The loan is worth $11.8 billion.", "It was approved."];
    year_end: "The war ended in 1995. Peace followed." => ["The war ended in 1995.", "Peace followed."];
    percent_sign: "Turnout was 61.2%. Officials were pleased." => ["Turnout was 61.2%.", "Officials were pleased."];
    number_start: "He left. 300 soldiers stayed behind." => ["He left.", "300 soldiers stayed behind."];

    // Ellipses.
    ellipsis_mid: "He paused... and then he spoke." => ["He paused... and then he spoke."];
    ellipsis_end: "The talks dragged on... The sides gave up." => ["The talks dragged on...", "The sides gave up."];
    ellipsis_unicode: "We shall see\u{2026} Nobody knows." => ["We shall see\u{2026}", "Nobody knows."];
    ellipsis_quote: "\"We will never...\" he began." => ["\"We will never...\" he began."];

    // Quotations.
    quote_end_inside: "He said: \"We will win.\" The crowd cheered." => ["He said: \"We will win.\"", "The crowd cheered."];
    quote_comma: "\"We will win,\" he said. \"We must.\"" => ["\"We will win,\" he said.", "\"We must.\""];
    quote_question: "\"Will you resign?\" a reporter asked. He did not reply." => ["\"Will you resign?\" a reporter asked.", "He did not reply."];
    quote_exclaim: "\"Never!\" shouted the crowd." => ["\"Never!\" shouted the crowd."];
    quote_curly: "\u{201C}The deal is done.\u{201D} Officials confirmed it." => ["\u{201C}The deal is done.\u{201D}", "Officials confirmed it."];
    quote_curly_attribution: "\u{201C}Our ties,\u{201D} the minister went on, \u{201C}have never been stronger.\u{201D}" => ["\u{201C}Our ties,\u{201D} the minister went on, \u{201C}have never been stronger.\u{201D}"];
    quote_guillemets: "\u{AB}Nous gagnerons.\u{BB} Le ministre a parl\u{E9}." => ["\u{AB}Nous gagnerons.\u{BB}", "Le ministre a parl\u{E9}."];
    quote_single: "She called it 'a disaster.' Others agreed." => ["She called it 'a disaster.'", "Others agreed."];
    quote_embedded: "He highlighted that there are \"significant shifts.\" The minister then left." => ["He highlighted that there are \"significant shifts.\"", "The minister then left."];
    quote_multi_sentence: "\"We will fight. We will win,\" he said." => ["\"We will fight.", "We will win,\" he said."];
    paren_end: "Troops withdrew (as agreed.) The border reopened." => ["Troops withdrew (as agreed.)", "The border reopened."];
    question_mark: "Who fired first? Nobody knows." => ["Who fired first?", "Nobody knows."];
    exclamation: "Enough! The talks are over." => ["Enough!", "The talks are over."];
    interrobang: "Really?! The vote passed." => ["Really?!", "The vote passed."];

    // Datelines are not part of the first sentence.
    dateline_reuters: "MOSCOW, Nov 28 (Reuters) - Russia expelled two diplomats. They left on Friday." => ["Russia expelled two diplomats.", "They left on Friday."];
    dateline_ap: "WASHINGTON (AP) \u{2014} The Senate approved the aid package." => ["The Senate approved the aid package."];
    dateline_tass: "MOSCOW, November 28. /TASS/. Russia and China held talks." => ["Russia and China held talks."];
    dateline_xinhua: "BEIJING, Jan. 5 (Xinhua) -- China and Pakistan signed a deal." => ["China and Pakistan signed a deal."];
    dateline_city_country: "BEIRUT, Lebanon -- Israeli jets struck targets." => ["Israeli jets struck targets."];
    not_dateline_caps: "NATO leaders met in Vilnius." => ["NATO leaders met in Vilnius."];

    // Headlines and lists without final punctuation.
    headline_then_body: "Russia expels two diplomats\n\nMoscow ordered them out on Friday." => ["Russia expels two diplomats", "Moscow ordered them out on Friday."];
    headline_single_newline: "Iran and Saudi Arabia restore ties\nThe two countries agreed on Friday to reopen embassies." => ["Iran and Saudi Arabia restore ties", "The two countries agreed on Friday to reopen embassies."];
    list_items: "The demands:\n- a ceasefire\n- the release of hostages\n- aid access" => ["The demands:", "- a ceasefire", "- the release of hostages", "- aid access"];
    numbered_list: "Key points:\n1. Troops withdraw\n2. Talks resume" => ["Key points:", "1. Troops withdraw", "2. Talks resume"];
    wrapped_lines: "Arnor is about to restore full diplomatic ties with Gondor almost\nfive years after crowds trashed its embassy.\nOfficials said so on Saturday in a statement to the press agency." => ["Arnor is about to restore full diplomatic ties with Gondor almost\nfive years after crowds trashed its embassy.", "Officials said so on Saturday in a statement to the press agency."];
    paragraph_per_line: "Russia said it would respond.\nUkraine said it was ready." => ["Russia said it would respond.", "Ukraine said it was ready."];

    // Other punctuation.
    semicolon: "Russia attacked; Ukraine retaliated." => ["Russia attacked; Ukraine retaliated."];
    colon: "The message was clear: no talks." => ["The message was clear: no talks."];
    em_dash: "The talks \u{2014} the first in years \u{2014} ended." => ["The talks \u{2014} the first in years \u{2014} ended."];
    lowercase_after_period: "The deal (worth approx. three billion) was signed." => ["The deal (worth approx. three billion) was signed."];
    etc_end: "They discussed trade, energy, etc. The ministers then left." => ["They discussed trade, energy, etc.", "The ministers then left."];
    eg_mid: "Some states, e.g. France, objected." => ["Some states, e.g. France, objected."];
    ie_mid: "The larger group, i.e. the rebels, refused." => ["The larger group, i.e. the rebels, refused."];
    no_final_punct: "Russia and Ukraine resume talks" => ["Russia and Ukraine resume talks"];
    whitespace_only: "   \n\n  " => [];
    empty: "" => [];
    only_punct: "* * *" => [];
    nbsp: "Mr.\u{A0}Lavrov arrived.\u{A0}He met Wang Yi." => ["Mr.\u{A0}Lavrov arrived.", "He met Wang Yi."];
    soft_hyphen: "The inter\u{AD}national force left. Peace held." => ["The inter\u{AD}national force left.", "Peace held."];
    zero_width: "Iran\u{200B} protested. Israel\u{200D} denied it." => ["Iran\u{200B} protested.", "Israel\u{200D} denied it."];
    crlf: "Russia protested.\r\n\r\nUkraine denied it." => ["Russia protested.", "Ukraine denied it."];
    state_abbrev: "He was born in Austin, Tex. The family moved later." => ["He was born in Austin, Tex.", "The family moved later."];
    mid_sentence_calif: "Officials in Sacramento, Calif., said the fire spread." => ["Officials in Sacramento, Calif., said the fire spread."];
    two_abbrevs: "The U.S. and the U.K. signed a pact." => ["The U.S. and the U.K. signed a pact."];
    close_paren_abbrev: "The group (based in the U.S.) said it would sue." => ["The group (based in the U.S.) said it would sue."];
    cyrillic: "\u{41F}\u{443}\u{442}\u{438}\u{43D} \u{441}\u{43A}\u{430}\u{437}\u{430}\u{43B}. \u{41E}\u{43D} \u{443}\u{448}\u{435}\u{43B}." => ["\u{41F}\u{443}\u{442}\u{438}\u{43D} \u{441}\u{43A}\u{430}\u{437}\u{430}\u{43B}.", "\u{41E}\u{43D} \u{443}\u{448}\u{435}\u{43B}."];
}

#[test]
fn sentence_offsets_slice_the_original_text() {
    let text = "MOSCOW, Nov 28 (Reuters) - Gen. Ivanov met U.S. officials.\n\n\"We agreed,\" he said.";
    let seg = segment(text);
    for s in &seg.sentences {
        let toks = seg.sentence_tokens(s);
        assert_eq!(toks.first().unwrap().span.start, s.span.start);
        assert_eq!(toks.last().unwrap().span.end, s.span.end);
    }
    assert_eq!(seg.paragraphs.len(), 2);
    assert_eq!(seg.sentences[1].paragraph, 1);
}

#[test]
fn tokens_split_clitics_and_hyphens() {
    let text = "Gondor's army didn't retreat from the war-torn al-Qaeda stronghold, officials' said.";
    let seg = segment(text);
    let norms: Vec<&str> = seg.tokens.iter().map(|t| seg.norm(t)).collect();
    assert_eq!(
        norms,
        [
            "GONDOR",
            "'S",
            "ARMY",
            "DID",
            "N'T",
            "RETREAT",
            "FROM",
            "THE",
            "WAR",
            "TORN",
            "AL",
            "QAEDA",
            "STRONGHOLD",
            ",",
            "OFFICIALS",
            "'",
            "SAID",
            "."
        ]
    );
}

#[test]
fn normalization_keeps_offsets() {
    let text = "Erdo\u{11F}an\u{2019}s \u{201C}C\u{F4}te d\u{2019}Ivoire\u{201D} \u{2014} inter\u{AD}national";
    let seg = segment(text);
    let pairs: Vec<(&str, &str)> = seg.tokens.iter().map(|t| (t.span.slice(text), seg.norm(t))).collect();
    assert_eq!(
        pairs,
        [
            ("Erdo\u{11F}an", "ERDOGAN"),
            ("\u{2019}s", "'S"),
            ("\u{201C}", "\""),
            ("C\u{F4}te", "COTE"),
            ("d\u{2019}Ivoire", "D'IVOIRE"),
            ("\u{201D}", "\""),
            ("\u{2014}", "-"),
            ("inter\u{AD}national", "INTERNATIONAL"),
        ]
    );
}

#[test]
fn quote_sides_are_inferred() {
    use dyad_segment::{Kind, QuoteSide};
    let text = "\"Our ties,\" he said, \"are strong.\"";
    let seg = segment(text);
    let sides: Vec<QuoteSide> = seg
        .tokens
        .iter()
        .filter_map(|t| match t.kind {
            Kind::Quote(side) => Some(side),
            _ => None,
        })
        .collect();
    assert_eq!(
        sides,
        [QuoteSide::Open, QuoteSide::Close, QuoteSide::Open, QuoteSide::Close]
    );
}

#[test]
fn dateline_is_recorded() {
    let text = "KYIV, Ukraine (AP) \u{2014} Ukraine shot down drones.";
    let seg = segment(text);
    assert_eq!(seg.datelines.len(), 1);
    assert_eq!(seg.datelines[0].slice(text), "KYIV, Ukraine (AP)");
}

#[test]
fn a_huge_single_line_is_segmented() {
    let sentence = "Arnor met Gondor in Minas Tirith on Monday. ";
    let text = sentence.repeat(20_000);
    let seg = segment(&text);
    assert_eq!(seg.sentences.len(), 20_000);
}

#[test]
fn a_run_on_line_is_cut_into_bounded_sentences() {
    let text = "word, ".repeat(3000) + "end.";
    let seg = dyad_segment::segment(&text);
    assert!(seg.sentences.len() > 10, "{} sentences", seg.sentences.len());
    let mut next = 0u32;
    for s in &seg.sentences {
        assert!(s.tokens.len() <= dyad_segment::MAX_SENTENCE_TOKENS);
        assert_eq!(s.tokens.start, next, "sentences are contiguous");
        next = s.tokens.end;
        // Cut after a comma, never inside a run of words.
        let last = &seg.tokens[s.tokens.end as usize - 1];
        assert!(matches!(last.span.slice(&text), "," | "."));
    }
    assert_eq!(next as usize, seg.tokens.len());
}
