//! Date expressions in sentences and their values, resolved against the
//! publication date: absolute dates (`12 January 2024`, `Jan. 12`,
//! `2024-01-12`), weekdays (`on Tuesday`), relative days, weeks, months,
//! quarters and years (`yesterday`, `last week`, `the third quarter`),
//! `N units ago`, seasons, decades and reference words (`now`, `recently`).
//!
//! Cost: one pass over a sentence's tokens with hash lookups of their
//! normalized forms; nothing is allocated per token, one small vector per
//! sentence holds the mentions found.

use std::fmt;
use std::ops::Range;

use dyad_doc::{Date, Span};
use dyad_segment::{flags, Kind, Segmented, Sentence, Token};
use jiff::civil::Weekday;
use jiff::ToSpan;

use crate::lexicon::{Lexicon, Relative, Unit};

/// The resolved value of a date expression, at the precision the text gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value {
    Day(Date),
    Month(i16, i8),
    Year(i16),
    /// ISO week-numbering year and week.
    Week(i16, i8),
    Quarter(i16, i8),
    /// Year and TimeML season code (`SU`).
    Season(i16, &'static str),
    /// The first three digits of the decade's years (`199` for the 1990s).
    Decade(i16),
    /// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
    Ref(&'static str),
}

impl fmt::Display for Value {
    /// ISO 8601 forms (`2024-01-12`, `2024-01`, `2024`, `2024-W02`), TimeML
    /// forms for quarters, seasons, decades and references (`2024-Q1`,
    /// `2024-SU`, `199`, `PRESENT_REF`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Value::Day(d) => write!(f, "{d}"),
            Value::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            Value::Year(y) => write!(f, "{y:04}"),
            Value::Week(y, w) => write!(f, "{y:04}-W{w:02}"),
            Value::Quarter(y, q) => write!(f, "{y:04}-Q{q}"),
            Value::Season(y, s) => write!(f, "{y:04}-{s}"),
            Value::Decade(d) => write!(f, "{d:03}"),
            Value::Ref(r) => f.write_str(r),
        }
    }
}

impl Value {
    /// Whether the value is a calendar date or a partial one (day, month or
    /// year): the values that can date an event.
    pub fn is_calendar(&self) -> bool {
        matches!(self, Value::Day(_) | Value::Month(..) | Value::Year(_))
    }
}

/// A date expression found in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMention {
    /// Byte offsets of the expression in the document text.
    pub span: Span,
    /// Indices into [`Segmented::tokens`].
    pub tokens: Range<u32>,
    /// The value, or `None` when the text does not determine it (`12/01`
    /// with an unknown day/month order, a weekday without a publication date).
    pub value: Option<Value>,
}

/// How an outlet writes numeric dates like `12/01`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SlashOrder {
    /// Unknown: only dates whose order is forced (`25/12/2023`) resolve.
    #[default]
    Unknown,
    /// `01/12/2024` is January 12 (US press).
    MonthFirst,
    /// `12/01/2024` is January 12 (most other outlets).
    DayFirst,
}

/// Finds and resolves date expressions. Build once ([`DateFinder::builtin`]
/// parses the word lists, a few microseconds) and share.
pub struct DateFinder {
    lex: Lexicon,
    /// The day/month order of numeric dates.
    pub slash: SlashOrder,
}

impl Default for DateFinder {
    fn default() -> Self {
        DateFinder::builtin()
    }
}

/// A match at one token position: its length in tokens and value.
struct Hit {
    len: usize,
    value: Option<Value>,
    /// `a year ago`, `year-earlier`: in a sentence about a quarter, the
    /// same quarter a year before.
    year_back: bool,
}

/// The tokens of one sentence and their normalized forms.
struct View<'a> {
    seg: &'a Segmented,
    tokens: &'a [Token],
}

impl<'a> View<'a> {
    fn norm(&self, i: usize) -> &'a str {
        match self.tokens.get(i) {
            Some(t) => {
                let n = self.seg.norm(t);
                n.strip_suffix('.').filter(|s| !s.is_empty()).unwrap_or(n)
            }
            None => "",
        }
    }

    fn is(&self, i: usize, word: &str) -> bool {
        self.norm(i) == word
    }

    fn token(&self, i: usize) -> Option<&'a Token> {
        self.tokens.get(i)
    }

    fn capitalized(&self, i: usize) -> bool {
        self.token(i).is_some_and(|t| t.has(flags::CAPITALIZED))
    }

    fn number(&self, i: usize) -> Option<i32> {
        let t = self.token(i)?;
        if t.kind != Kind::Number {
            return None;
        }
        let n = self.norm(i);
        if n.len() > 4 || !n.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        n.parse().ok()
    }

    /// A day of the month: `12`, `12th`, `1st`.
    fn day(&self, i: usize) -> Option<i8> {
        let t = self.token(i)?;
        if t.kind != Kind::Number {
            return None;
        }
        let n = self.norm(i);
        let digits = n.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &n[digits.len()..];
        if digits.is_empty() || digits.len() > 2 || !matches!(suffix, "" | "ST" | "ND" | "RD" | "TH") {
            return None;
        }
        let d: i8 = digits.parse().ok()?;
        (1..=31).contains(&d).then_some(d)
    }

    /// A four-digit year between 1000 and 2199.
    fn year(&self, i: usize) -> Option<i16> {
        let n = self.norm(i);
        if n.len() != 4 {
            return None;
        }
        let y = self.number(i)?;
        (1000..2200).contains(&y).then_some(y as i16)
    }

    fn hyphen_before(&self, i: usize) -> bool {
        self.token(i).is_some_and(|t| t.has(flags::HYPHEN_BEFORE))
    }
}

fn weekday_of(n: i8) -> Weekday {
    Weekday::from_monday_one_offset(n).unwrap_or(Weekday::Monday)
}

fn add(date: Date, unit: Unit, n: i32) -> Option<Date> {
    let n = i64::from(n);
    match unit {
        Unit::Day => date.checked_add(n.days()).ok(),
        Unit::Week => date.checked_add(n.weeks()).ok(),
        Unit::Month => date.checked_add(n.months()).ok(),
        Unit::Quarter => date.checked_add((3 * n).months()).ok(),
        Unit::Year => date.checked_add(n.years()).ok(),
    }
}

fn at_unit(date: Date, unit: Unit) -> Value {
    match unit {
        Unit::Day => Value::Day(date),
        Unit::Week => {
            let w = date.iso_week_date();
            Value::Week(w.year(), w.week())
        }
        Unit::Month => Value::Month(date.year(), date.month()),
        Unit::Quarter => Value::Quarter(date.year(), (date.month() - 1) / 3 + 1),
        Unit::Year => Value::Year(date.year()),
    }
}

/// Words that, looking back from a date, end its clause: reporting verbs
/// (`said Tuesday` is past whatever follows) and punctuation.
fn ends_clause(norm: &str) -> bool {
    matches!(
        norm,
        "SAID" | "SAYS" | "SAY" | "TOLD" | "ANNOUNCED" | "REPORTED" | ";" | ":" | "\"" | "("
    )
}

/// The weekday `wd` relative to `published`: the most recent on or before
/// it (`future = false`) or the next on or after it (`future = true`).
/// `strict` excludes the publication day itself (`last Friday`, `next Friday`).
pub fn resolve_weekday(published: Date, wd: Weekday, future: bool, strict: bool) -> Option<Date> {
    if published.weekday() == wd && !strict {
        return Some(published);
    }
    published.nth_weekday(if future { 1 } else { -1 }, wd).ok()
}

/// The month `m` after `last` or `next`: the latest before the publication
/// month (`future = false`) or the first after it (`future = true`); never
/// the publication month itself (`last April` in April is a year ago). A
/// month without `last`/`next` is [`nearest_month`].
pub fn resolve_month(published: Date, m: i8, future: bool) -> (i16, i8) {
    let (y, pm) = (published.year(), published.month());
    let year = match future {
        true if m > pm => y,
        true => y + 1,
        false if m < pm => y,
        false => y - 1,
    };
    (year, m)
}

/// How much farther a date on the wrong side of publication for the
/// clause's tense counts: a past clause rarely names a later date, a future
/// clause an earlier one. Measured on TempEval-3 (`dyad eval dates`).
const AGAINST_PAST: i32 = 3;
const AGAINST_FUTURE: i32 = 2;

/// The candidate nearest `now` after weighting distance against the tense.
fn nearest<T: Copy>(candidates: impl Iterator<Item = (T, i32)>, future: bool) -> Option<T> {
    candidates
        .map(|(c, delta)| {
            let weight = match (future, delta.signum()) {
                (false, 1) => AGAINST_PAST,
                (true, -1) => AGAINST_FUTURE,
                _ => 1,
            };
            (c, delta.abs() * weight)
        })
        .min_by_key(|&(_, d)| d)
        .map(|(c, _)| c)
}

/// A month named without a year or a `last`/`next`: of last year's, this
/// year's and next year's, the nearest to publication, a later one counting
/// triple in a past clause and an earlier one double in a future clause
/// (`September` in an August story is next month, `April` in a December
/// story last April unless the clause speaks of the future).
pub fn nearest_month(published: Date, m: i8, future: bool) -> (i16, i8) {
    let now = i32::from(published.year()) * 12 + i32::from(published.month());
    let y = published.year();
    let candidates = [y - 1, y, y + 1].map(|cy| ((cy, m), i32::from(cy) * 12 + i32::from(m) - now));
    nearest(candidates.into_iter(), future).unwrap_or((y, m))
}

/// A month and day without a year: the same rule in days (`Oct. 23` in a
/// May story is last October's, `Jan. 3` in a late-December story next
/// week's, `Feb. 10` in a January story next month's).
pub fn resolve_month_day(published: Date, m: i8, d: i8, future: bool) -> Option<Date> {
    let y = published.year();
    let candidates = [y - 1, y, y + 1]
        .into_iter()
        .filter_map(|y| Date::new(y, m, d).ok())
        .filter_map(|c| Some((c, published.until(c).ok()?.get_days())));
    nearest(candidates, future)
}

impl DateFinder {
    /// A finder over the built-in word lists (`data/resolve/`).
    pub fn builtin() -> DateFinder {
        DateFinder {
            lex: Lexicon::builtin(),
            slash: SlashOrder::Unknown,
        }
    }

    /// The date expressions of one sentence, left to right, resolved against
    /// `published` (values that need it are `None` without it).
    pub fn find(&self, seg: &Segmented, sentence: &Sentence, published: Option<Date>) -> Vec<DateMention> {
        self.find_in(seg, sentence.tokens.clone(), published)
    }

    /// The date expressions in a range of tokens (a sentence, or a dateline
    /// segmented on its own).
    pub fn find_in(&self, seg: &Segmented, range: Range<u32>, published: Option<Date>) -> Vec<DateMention> {
        let first = range.start as usize;
        let view = View {
            seg,
            tokens: &seg.tokens[first..range.end as usize],
        };
        let mut out = Vec::new();
        let mut year_back = Vec::new();
        let mut i = 0;
        while i < view.tokens.len() {
            let mut start = i;
            let mut hit = self.at(&view, i, published);
            // Modifiers that join the expression after them: early, late,
            // mid, fiscal ("early next year", "mid-1990s", "fiscal 1990").
            if hit.is_none() && matches!(view.norm(i), "EARLY" | "LATE" | "MID" | "FISCAL" | "LATER" | "EARLIER") {
                if let Some(h) = self.at(&view, i + 1, published) {
                    hit = Some(Hit {
                        len: h.len + 1,
                        value: h.value,
                        year_back: h.year_back,
                    });
                }
            }
            match hit {
                Some(h) => {
                    if start > 0 && view.is(start - 1, "THE") && matches!(h.value, Some(Value::Decade(_))) {
                        start -= 1;
                    }
                    let end = i + h.len;
                    let span = view.tokens[start].span.cover(view.tokens[end - 1].span);
                    out.push(DateMention {
                        span,
                        tokens: (first + start) as u32..(first + end) as u32,
                        value: h.value,
                    });
                    year_back.push(h.year_back);
                    i = end;
                }
                None => i += 1,
            }
        }
        // "Third-quarter profit rose from a year earlier": the same quarter
        // of the year before.
        let quarter = out.iter().find_map(|m| match m.value {
            Some(Value::Quarter(y, q)) => Some((y, q)),
            _ => None,
        });
        if let Some((y, q)) = quarter {
            for (m, back) in out.iter_mut().zip(year_back) {
                if back {
                    m.value = Some(Value::Quarter(y - 1, q));
                }
            }
        }
        out
    }

    /// Whether the clause around token `i` speaks of the future. A past verb
    /// right before the expression (`said Monday`, `declared on Wednesday`)
    /// settles it as past; otherwise a future word (`will`, `scheduled`,
    /// `plans`) among the twelve tokens before it, not looking past a
    /// reporting verb (`said`) or a clause mark.
    fn future(&self, v: &View<'_>, i: usize) -> bool {
        let before = (0..i).rev().find(|&k| !matches!(v.norm(k), "ON" | "LATE" | "EARLY"));
        if before.is_some_and(|k| self.past_verb(v.norm(k))) {
            return false;
        }
        (i.saturating_sub(12)..i)
            .rev()
            .map(|k| v.norm(k))
            .take_while(|n| !ends_clause(n) && *n != ".")
            .any(|n| self.lex.future.contains(n))
    }

    /// A verb in the past tense: `said`, `met`, or a word in `-ed` that is
    /// not itself a future word (`scheduled`, `expected`).
    fn past_verb(&self, norm: &str) -> bool {
        if self.lex.future.contains(norm) {
            return false;
        }
        matches!(
            norm,
            "SAID"
                | "TOLD"
                | "MET"
                | "SAW"
                | "WENT"
                | "CAME"
                | "GAVE"
                | "TOOK"
                | "MADE"
                | "HELD"
                | "LEFT"
                | "BEGAN"
                | "WON"
                | "LOST"
                | "FOUGHT"
                | "SPOKE"
                | "FLEW"
                | "BROUGHT"
                | "SENT"
                | "KEPT"
                | "WAS"
                | "WERE"
        ) || (norm.len() > 4 && norm.ends_with("ED"))
    }

    /// The longest expression starting at token `i`.
    fn at(&self, v: &View<'_>, i: usize, published: Option<Date>) -> Option<Hit> {
        let candidates = [
            self.relative(v, i, published),
            self.ago(v, i, published),
            self.quarter(v, i, published),
            self.month_based(v, i, published),
            self.weekday(v, i, published),
            self.season(v, i, published),
            self.numeric(v, i),
        ];
        let mut best: Option<Hit> = None;
        for h in candidates.into_iter().flatten() {
            if best.as_ref().is_none_or(|b| h.len > b.len) {
                best = Some(h);
            }
        }
        best
    }

    fn relative(&self, v: &View<'_>, i: usize, published: Option<Date>) -> Option<Hit> {
        let ids = self.lex.phrase_index.get(v.norm(i))?;
        let mut best: Option<(usize, Relative)> = None;
        for &p in ids {
            let phrase = &self.lex.phrases[p];
            let len = phrase.words.len();
            if best.is_some_and(|(l, _)| l >= len) {
                continue;
            }
            if phrase.words.iter().enumerate().all(|(k, w)| v.norm(i + k) == w) {
                best = Some((len, phrase.meaning));
            }
        }
        let (len, meaning) = best?;
        let value = match meaning {
            Relative::Ref(r) => Some(Value::Ref(r)),
            Relative::Offset(unit, n) => published.and_then(|p| add(p, unit, n)).map(|d| at_unit(d, unit)),
        };
        Some(Hit {
            len,
            value,
            year_back: meaning == Relative::Offset(Unit::Year, -1)
                && (i..i + len).any(|k| matches!(v.norm(k), "AGO" | "EARLIER")),
        })
    }

    /// `three days ago`, `two years earlier`, `a decade ago`.
    fn ago(&self, v: &View<'_>, i: usize, published: Option<Date>) -> Option<Hit> {
        let n = v
            .number(i)
            .filter(|n| *n < 1000)
            .or_else(|| self.lex.numbers.get(v.norm(i)).copied())?;
        let (unit, factor) = match v.norm(i + 1) {
            "DAY" | "DAYS" => (Unit::Day, 1),
            "WEEK" | "WEEKS" => (Unit::Week, 1),
            "MONTH" | "MONTHS" => (Unit::Month, 1),
            "YEAR" | "YEARS" => (Unit::Year, 1),
            "DECADE" | "DECADES" => (Unit::Year, 10),
            "CENTURY" | "CENTURIES" => (Unit::Year, 100),
            _ => return None,
        };
        if !matches!(v.norm(i + 2), "AGO" | "EARLIER" | "BEFORE") {
            return None;
        }
        let value = published
            .and_then(|p| add(p, unit, -n * factor))
            .map(|d| at_unit(d, unit));
        Some(Hit {
            len: 3,
            value,
            year_back: unit == Unit::Year && n * factor == 1,
        })
    }

    /// `the third quarter (of 1989)`, `third-quarter`, `the fiscal first quarter`.
    fn quarter(&self, v: &View<'_>, i: usize, published: Option<Date>) -> Option<Hit> {
        let mut k = i;
        if v.is(k, "THE") {
            k += 1;
        }
        // A year before the ordinal: "the 1988 third quarter", "this
        // year's third quarter", "next year's first quarter".
        let mut year = None;
        if let Some(y) = v.year(k) {
            year = Some(Some(y));
            k += 1;
        } else if v.is(k + 1, "YEAR") && matches!(v.norm(k + 2), "'S" | "\u{2019}S") {
            let offset = match v.norm(k) {
                "THIS" => 0,
                "LAST" => -1,
                "NEXT" => 1,
                _ => return None,
            };
            year = Some(published.map(|p| p.year() + offset));
            k += 3;
        }
        if v.is(k, "FISCAL") {
            k += 1;
        }
        let q = *self.lex.ordinals.get(v.norm(k))?;
        if !(1..=4).contains(&q) || !v.is(k + 1, "QUARTER") {
            return None;
        }
        k += 2;
        if let Some(y) = year {
            return Some(Hit {
                len: k - i,
                value: y.map(|y| Value::Quarter(y, q)),
                year_back: false,
            });
        }
        if v.is(k, "OF") {
            if let Some(y) = v.year(k + 1) {
                return Some(Hit {
                    len: k + 2 - i,
                    value: Some(Value::Quarter(y, q)),
                    year_back: false,
                });
            }
        }
        let value = published.map(|p| {
            let current = (p.month() - 1) / 3 + 1;
            let year = if q > current && !self.future(v, i) {
                p.year() - 1
            } else {
                p.year()
            };
            Value::Quarter(year, q)
        });
        Some(Hit {
            len: k - i,
            value,
            year_back: false,
        })
    }

    /// Expressions built on a month name: `12 January 2024`, `Jan. 12`,
    /// `January 12th, 2024`, `January 2024`, `last April`, `April`.
    fn month_based(&self, v: &View<'_>, i: usize, published: Option<Date>) -> Option<Hit> {
        // 12 January (2024)
        if let Some(d) = v.day(i) {
            let m = *self.lex.months.get(v.norm(i + 1))?;
            if !v.capitalized(i + 1) {
                return None;
            }
            return Some(self.with_year(v, i, 2, m, Some(d), published));
        }
        // (last|next|this) April
        let (lead, strict_dir) = match v.norm(i) {
            "LAST" => (1, Some(false)),
            "NEXT" => (1, Some(true)),
            "THIS" => (1, None),
            _ => (0, None),
        };
        let m = *self.lex.months.get(v.norm(i + lead))?;
        if !v.capitalized(i + lead) {
            return None;
        }
        let k = i + lead;
        // (last) Month Day (, Year)
        if let Some(d) = v.day(k + 1) {
            if !v.hyphen_before(k + 1) {
                return Some(self.with_year(v, i, lead + 2, m, Some(d), published));
            }
        }
        // Month (of|,) Year
        let mut y_at = k + 1;
        if v.is(y_at, "OF") || v.is(y_at, ",") {
            y_at += 1;
        }
        if let Some(y) = v.year(y_at) {
            return Some(Hit {
                len: y_at + 1 - i,
                value: Some(Value::Month(y, m)),
                year_back: false,
            });
        }
        // A bare month: only with a time word before it, or a full month name
        // that is not also a common word.
        let form = v.norm(k);
        let ambiguous = matches!(form, "MAY" | "MARCH" | "MAR" | "JAN" | "SUN" | "SAT" | "DEC");
        let prev = if k > 0 { v.norm(k - 1) } else { "" };
        let cued = lead > 0
            || matches!(
                prev,
                "IN" | "SINCE"
                    | "UNTIL"
                    | "BY"
                    | "DURING"
                    | "BEFORE"
                    | "AFTER"
                    | "FROM"
                    | "THROUGH"
                    | "EARLY"
                    | "LATE"
                    | "MID"
                    | "LAST"
                    | "NEXT"
                    | "OF"
                    | "THROUGHOUT"
                    | "TILL"
                    | "AND"
                    | "OR"
                    | "TO"
            );
        if ambiguous && (!cued || k == 0) {
            return None;
        }
        let value = published.map(|p| {
            let (y, m) = match strict_dir {
                Some(future) => resolve_month(p, m, future),
                None if lead == 1 => (p.year(), m),
                None => nearest_month(p, m, self.future(v, i)),
            };
            Value::Month(y, m)
        });
        Some(Hit {
            len: lead + 1,
            value,
            year_back: false,
        })
    }

    /// A day and month at `i` spanning `len` tokens, then an optional
    /// `(,) year`; without one, the year closest to publication.
    fn with_year(&self, v: &View<'_>, i: usize, len: usize, m: i8, d: Option<i8>, published: Option<Date>) -> Hit {
        let mut y_at = i + len;
        if v.is(y_at, ",") {
            y_at += 1;
        }
        let d = d.unwrap_or(1);
        if let Some(y) = v.year(y_at) {
            return Hit {
                len: y_at + 1 - i,
                value: Date::new(y, m, d).ok().map(Value::Day),
                year_back: false,
            };
        }
        Hit {
            len,
            value: published
                .and_then(|p| resolve_month_day(p, m, d, self.future(v, i)))
                .map(Value::Day),
            year_back: false,
        }
    }

    /// `Tuesday`, `on Tuesday`, `last Friday`, `next Monday`, `Friday night`.
    fn weekday(&self, v: &View<'_>, i: usize, published: Option<Date>) -> Option<Hit> {
        let (lead, explicit) = match v.norm(i) {
            "LAST" | "PAST" => (1, Some(false)),
            "NEXT" | "COMING" => (1, Some(true)),
            "THIS" => (1, None),
            _ => (0, None),
        };
        let wd = *self.lex.weekdays.get(v.norm(i + lead))?;
        let t = v.token(i + lead)?;
        if !t.has(flags::CAPITALIZED) {
            return None;
        }
        // Abbreviations (Sun, Sat, Wed) only with their period.
        let full = v.norm(i + lead).len() > 4;
        if !full && !t.has(flags::ABBREVIATION) {
            return None;
        }
        let mut len = lead + 1;
        // "Monday, Oct. 26": the date says which Monday.
        if v.is(i + len, ",") {
            if let Some(h) = self.month_based(v, i + len + 1, published) {
                if matches!(h.value, Some(Value::Day(_))) {
                    return Some(Hit {
                        len: len + 1 + h.len,
                        value: h.value,
                        year_back: false,
                    });
                }
            }
        }
        if matches!(
            v.norm(i + len),
            "MORNING" | "AFTERNOON" | "EVENING" | "NIGHT" | "NIGHTS"
        ) {
            len += 1;
        }
        let value = published.and_then(|p| {
            let wd = weekday_of(wd);
            let d = match explicit {
                Some(future) => resolve_weekday(p, wd, future, true),
                None => resolve_weekday(p, wd, self.future(v, i), false),
            };
            d.map(Value::Day)
        });
        Some(Hit {
            len,
            value,
            year_back: false,
        })
    }

    /// `this summer`, `last fall`, `the summer of 1989`, `spring 2024`.
    fn season(&self, v: &View<'_>, i: usize, published: Option<Date>) -> Option<Hit> {
        let (lead, dir) = match v.norm(i) {
            "LAST" | "PAST" => (1, -1),
            "NEXT" | "COMING" => (1, 1),
            "THIS" | "THE" => (1, 0),
            _ => (0, 0),
        };
        let code = *self.lex.seasons.get(v.norm(i + lead))?;
        let k = i + lead + 1;
        let mut y_at = k;
        if v.is(y_at, "OF") {
            y_at += 1;
        }
        if let Some(y) = v.year(y_at) {
            return Some(Hit {
                len: y_at + 1 - i,
                value: Some(Value::Season(y, code)),
                year_back: false,
            });
        }
        if lead == 0 && !v.capitalized(i) && !v.is(i.wrapping_sub(1), "IN") {
            // "in spring" is a date; "spring" alone is too often a noun.
            return None;
        }
        let order = |c: &str| match c {
            "WI" => 0,
            "SP" => 1,
            "SU" => 2,
            _ => 3,
        };
        let value = published.map(|p| {
            let now = match p.month() {
                1 | 2 | 12 => 0,
                3..=5 => 1,
                6..=8 => 2,
                _ => 3,
            };
            let year = match dir {
                -1 if order(code) >= now => p.year() - 1,
                1 if order(code) <= now => p.year() + 1,
                _ => p.year(),
            };
            Value::Season(year, code)
        });
        Some(Hit {
            len: k - i,
            value,
            year_back: false,
        })
    }

    /// Numeric forms: `2024-01-12`, `01/12/2024`, `12/01`, years (`1995`)
    /// and decades (`1990s`).
    fn numeric(&self, v: &View<'_>, i: usize) -> Option<Hit> {
        let t = v.token(i)?;
        if t.kind != Kind::Number {
            return None;
        }
        let n = v.norm(i);
        // 2024-01-12
        if let Some(y) = v.year(i) {
            if v.hyphen_before(i + 1) && v.hyphen_before(i + 2) && v.norm(i + 1).len() == 2 {
                if let (Some(m), Some(d)) = (v.number(i + 1), v.number(i + 2)) {
                    if let Ok(date) = Date::new(y, m as i8, d as i8) {
                        return Some(Hit {
                            len: 3,
                            value: Some(Value::Day(date)),
                            year_back: false,
                        });
                    }
                }
            }
        }
        // 12/01, 12/01/2024, 12/01/24
        if v.is(i + 1, "/") && v.number(i).is_some() && v.number(i + 2).is_some() && n.len() <= 2 {
            let (a, b) = (v.number(i)?, v.number(i + 2)?);
            let year = if v.is(i + 3, "/") {
                v.number(i + 4).and_then(|y| match v.norm(i + 4).len() {
                    4 => Some(y as i16),
                    2 => Some(if y <= 30 { 2000 + y as i16 } else { 1900 + y as i16 }),
                    _ => None,
                })
            } else {
                None
            };
            let len = if year.is_some() { 5 } else { 3 };
            let (m, d) = match self.slash {
                SlashOrder::MonthFirst => (a, b),
                SlashOrder::DayFirst => (b, a),
                SlashOrder::Unknown if a > 12 => (b, a),
                SlashOrder::Unknown if b > 12 => (a, b),
                SlashOrder::Unknown => (0, 0),
            };
            let value = match year {
                Some(y) => Date::new(y, m as i8, d as i8).ok().map(Value::Day),
                None => None,
            };
            if m > 12 || d > 31 {
                return None;
            }
            return Some(Hit {
                len,
                value,
                year_back: false,
            });
        }
        // 1990s
        if n.len() == 5 && n.ends_with("0S") && n[..4].bytes().all(|b| b.is_ascii_digit()) {
            let decade: i16 = n[..3].parse().ok()?;
            return Some(Hit {
                len: 1,
                value: Some(Value::Decade(decade)),
                year_back: false,
            });
        }
        // 1995: a year unless money, a count or a measure.
        let y = v.year(i)?;
        let prev = if i > 0 { v.norm(i - 1) } else { "" };
        if matches!(prev, "$" | "£" | "€" | "NO" | "#" | "NUMBER") || v.hyphen_before(i) {
            return None;
        }
        let next = v.norm(i + 1);
        if matches!(
            next,
            "%" | "PERCENT" | "PEOPLE" | "TROOPS" | "SOLDIERS" | "MEN" | "KM" | "METERS" | "MILES"
        ) {
            return None;
        }
        if !(1800..2100).contains(&y) {
            return None;
        }
        Some(Hit {
            len: 1,
            value: Some(Value::Year(y)),
            year_back: false,
        })
    }
}
