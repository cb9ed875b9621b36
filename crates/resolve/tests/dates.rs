//! Date expressions and their values, as the issue lists them.

use dyad_resolve::{event_date, DateFinder, DateMethod, SlashOrder, Value};

/// `(expression text, value)` of every date found in `text`, published on `published`.
fn dates(text: &str, published: &str) -> Vec<(String, Option<String>)> {
    dates_with(&DateFinder::builtin(), text, published)
}

fn dates_with(finder: &DateFinder, text: &str, published: &str) -> Vec<(String, Option<String>)> {
    let seg = dyad_segment::segment(text);
    let published = dyad_doc::parse_date(published);
    seg.sentences
        .iter()
        .flat_map(|s| finder.find(&seg, s, published))
        .map(|m| (m.span.slice(text).to_string(), m.value.map(|v| v.to_string())))
        .collect()
}

/// The value of the only date expression in `text`.
fn value(text: &str, published: &str) -> String {
    let found = dates(text, published);
    assert_eq!(found.len(), 1, "{text}: {found:?}");
    found[0].1.clone().unwrap_or_else(|| "none".into())
}

#[test]
fn absolute_dates_in_the_forms_the_press_writes() {
    let p = "2024-03-05";
    assert_eq!(value("The talks ended on 12 January 2024.", p), "2024-01-12");
    assert_eq!(value("The talks ended on Jan. 12.", p), "2024-01-12");
    assert_eq!(value("The talks ended on January 12th.", p), "2024-01-12");
    assert_eq!(value("The talks ended on January 12, 2023.", p), "2023-01-12");
    assert_eq!(value("The file is dated 2024-01-12.", p), "2024-01-12");
    assert_eq!(value("The war ended in 1995.", p), "1995");
    assert_eq!(value("Prices rose in January 2022.", p), "2022-01");
    assert_eq!(value("Trade grew in the 1990s.", p), "199");
}

#[test]
fn a_month_and_day_without_a_year_take_the_year_closest_to_publication() {
    assert_eq!(value("The truce began on Dec. 30.", "2024-01-04"), "2023-12-30");
    assert_eq!(value("Elections are set for Jan. 3.", "2023-12-20"), "2024-01-03");
}

#[test]
fn slash_dates_resolve_only_by_the_outlets_convention_or_their_numbers() {
    assert_eq!(value("It was signed 12/01/2024 in Baku.", "2024-02-01"), "none");
    assert_eq!(value("It was signed 25/12/2023 in Baku.", "2024-02-01"), "2023-12-25");
    let mut us = DateFinder::builtin();
    us.slash = SlashOrder::MonthFirst;
    let found = dates_with(&us, "It was signed 12/01/2024 in Baku.", "2024-02-01");
    assert_eq!(found[0].1.as_deref(), Some("2024-12-01"));
    us.slash = SlashOrder::DayFirst;
    let found = dates_with(&us, "It was signed 12/01/2024 in Baku.", "2024-02-01");
    assert_eq!(found[0].1.as_deref(), Some("2024-01-12"));
}

#[test]
fn a_weekday_in_past_news_is_the_most_recent_on_or_before_publication() {
    // 2024-01-12 is a Friday.
    assert_eq!(value("The ministers met on Tuesday.", "2024-01-12"), "2024-01-09");
    assert_eq!(value("The ministers met on Friday.", "2024-01-12"), "2024-01-12");
    assert_eq!(value("The ministers met last Friday.", "2024-01-12"), "2024-01-05");
}

#[test]
fn a_weekday_in_a_future_sentence_is_the_next_one() {
    assert_eq!(value("The ministers will meet on Tuesday.", "2024-01-12"), "2024-01-16");
    assert_eq!(value("Talks are scheduled for Monday.", "2024-01-12"), "2024-01-15");
    assert_eq!(value("They meet again next Friday.", "2024-01-12"), "2024-01-19");
}

#[test]
fn the_weekday_rule_crosses_month_and_year_boundaries() {
    // 2024-03-01 is a Friday: last Tuesday is in February.
    assert_eq!(value("Rebels attacked on Tuesday.", "2024-03-01"), "2024-02-27");
    // 2024-01-01 is a Monday: Saturday was in 2023.
    assert_eq!(value("Rebels attacked on Saturday.", "2024-01-01"), "2023-12-30");
    // 2023-12-29 is a Friday: next Tuesday is in 2024.
    assert_eq!(value("Leaders will meet on Tuesday.", "2023-12-29"), "2024-01-02");
}

#[test]
fn leap_years_are_respected() {
    // 2024-03-01 (Friday) in a leap year: Thursday is Feb 29.
    assert_eq!(value("The vote took place on Thursday.", "2024-03-01"), "2024-02-29");
    // 2023-03-01 (Wednesday): Tuesday is Feb 28, no Feb 29.
    assert_eq!(value("The vote took place on Tuesday.", "2023-03-01"), "2023-02-28");
    assert_eq!(value("Officials met yesterday.", "2024-03-01"), "2024-02-29");
    assert_eq!(value("Officials met yesterday.", "2023-03-01"), "2023-02-28");
    assert_eq!(value("The accord was signed a year ago.", "2025-02-28"), "2024");
    assert_eq!(value("It was signed on Feb. 29, 2024.", "2024-06-01"), "2024-02-29");
    // Feb. 29 of a year without it is no date.
    assert_eq!(value("It was signed on Feb. 29, 2023.", "2024-06-01"), "none");
}

#[test]
fn relative_days_weeks_months_and_years() {
    let p = "2024-01-12";
    assert_eq!(value("Officials met yesterday.", p), "2024-01-11");
    assert_eq!(value("Officials meet today.", p), "2024-01-12");
    assert_eq!(value("Officials meet tonight.", p), "2024-01-12");
    assert_eq!(value("Shelling resumed last night.", p), "2024-01-11");
    assert_eq!(value("Talks had stalled the day before.", p), "2024-01-11");
    assert_eq!(value("Officials met tomorrow.", p), "2024-01-13");
    assert_eq!(value("The army withdrew last week.", p), "2024-W01");
    assert_eq!(value("The army withdrew earlier this month.", p), "2024-01");
    assert_eq!(value("The army withdrew last month.", p), "2023-12");
    assert_eq!(value("Elections are due next year.", p), "2025");
    assert_eq!(value("The army withdrew three days ago.", p), "2024-01-09");
    assert_eq!(value("Inflation is high now.", p), "PRESENT_REF");
}

#[test]
fn months_without_a_day_follow_the_tense() {
    let p = "1998-12-05";
    assert_eq!(value("The talks resumed in April.", p), "1998-04");
    assert_eq!(value("Talks will resume in April.", p), "1999-04");
    assert_eq!(value("The pact was signed last April.", p), "1998-04");
}

#[test]
fn common_words_are_not_dates() {
    assert!(dates("He said he may resign.", "2024-01-12").is_empty());
    assert!(dates("The army will march on the capital.", "2024-01-12").is_empty());
    assert!(dates("It cost $1995 and 2000 people came.", "2024-01-12").is_empty());
}

#[test]
fn the_event_date_is_the_expression_nearest_the_verb_else_the_dateline_else_publication() {
    let text = "Officials said on Friday that rebels attacked the town on Tuesday.";
    let seg = dyad_segment::segment(text);
    let published = dyad_doc::parse_date("2024-01-12");
    let found = DateFinder::builtin().find(&seg, &seg.sentences[0], published);
    let at = text.find("attacked").unwrap();
    let verb = dyad_doc::Span::new(at, at + 8);
    let (v, method) = event_date(&found, verb, text, None, published);
    assert_eq!(
        (v.unwrap().to_string(), method),
        ("2024-01-09".to_string(), DateMethod::Expression)
    );
    let dateline = Some(Value::Day(published.unwrap().yesterday().unwrap()));
    assert_eq!(event_date(&[], verb, text, dateline, published).1, DateMethod::Dateline);
    assert_eq!(event_date(&[], verb, text, None, published).1, DateMethod::Publication);
    assert_eq!(event_date(&[], verb, text, None, None), (None, DateMethod::None));
}

#[test]
fn a_date_without_a_year_is_the_nearest_weighed_by_tense() {
    // Five weeks ahead in a past-tense story is still nearer than last year's.
    assert_eq!(value("The hearing is on Feb. 10.", "2000-01-07"), "2000-02-10");
    // A future clause does not send a date eleven days old to next year.
    assert_eq!(
        value("Officials will review the attack of Aug. 7.", "1998-08-18"),
        "1998-08-07"
    );
    assert_eq!(value("Talks resume in September.", "1990-08-15"), "1990-09");
    assert_eq!(value("The base was shelled last Oct. 23.", "1999-04-19"), "1998-10-23");
}

#[test]
fn a_past_verb_before_a_weekday_outweighs_a_future_word() {
    // 2000-01-15 is a Saturday.
    assert_eq!(
        value("Exiles will appeal, officials predicted Wednesday.", "2000-01-15"),
        "2000-01-12"
    );
    assert_eq!(value("Exiles will appeal on Wednesday.", "2000-01-15"), "2000-01-19");
}

#[test]
fn quarters_named_with_their_year() {
    let p = "1989-11-01";
    assert_eq!(value("Profit fell in this year's third quarter.", p), "1989-Q3");
    assert_eq!(value("Profit fell in the 1988 second quarter.", p), "1988-Q2");
    assert_eq!(value("Sales rise in next year's first quarter.", p), "1990-Q1");
    assert_eq!(value("Sales rose in the current quarter.", p), "1989-Q4");
}
