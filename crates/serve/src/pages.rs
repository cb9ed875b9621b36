//! The web page: Annotate, Explore and Quotes, rendered on the server (so
//! tables and charts read without JavaScript), and the embedded assets.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;

use axum::extract::rejection::FormRejection;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use axum::Form;
use dyad_doc::records::{EventRecord, QuoteRecord, Record};
use dyad_doc::Document;
use dyad_store::StoredEvent;

use crate::annotate::{esc, marks, render, Speakers, COLOURS};
use crate::api::{self, param, Params};
use crate::error::{body_error, ApiError};
use crate::Shared;

const LAYOUT: &str = include_str!("../assets/layout.html");

/// A whole page around `body`; `active` names the nav entry to underline.
fn page(title: &str, active: &str, body: &str) -> Html<String> {
    let mut nav = String::new();
    for (href, name) in [("/", "Annotate"), ("/explore", "Explore"), ("/quotes", "Quotes")] {
        let on = if name == active { " class=\"on\"" } else { "" };
        let _ = write!(nav, "<a href=\"{href}\"{on}>{name}</a>");
    }
    Html(
        LAYOUT
            .replace("{{title}}", &esc(title))
            .replace("{{nav}}", &nav)
            .replace("{{version}}", env!("CARGO_PKG_VERSION"))
            .replace("{{body}}", body),
    )
}

/// An error as an HTML page with its status.
fn error_page(e: ApiError) -> Response {
    let body = format!(
        "<h1>{} {}</h1><p class=\"error\">{}</p>",
        e.status.as_u16(),
        esc(e.status.canonical_reason().unwrap_or("")),
        esc(&e.message)
    );
    (e.status, page("Error", "", &body)).into_response()
}

fn query(q: Result<Query<Params>, axum::extract::rejection::QueryRejection>) -> Result<Params, ApiError> {
    q.map(|Query(p)| p)
        .map_err(|e| ApiError::bad_request("bad_query", e.body_text()))
}

pub async fn not_found(uri: axum::http::Uri) -> Response {
    error_page(ApiError::not_found(format!("there is no page {}", uri.path())))
}

/// `/assets/{name}`: the embedded style sheet and script.
pub async fn asset(Path(name): Path<String>) -> Response {
    let (body, mime) = match name.as_str() {
        "style.css" => (include_str!("../assets/style.css"), "text/css; charset=utf-8"),
        "app.js" => (include_str!("../assets/app.js"), "text/javascript; charset=utf-8"),
        _ => return error_page(ApiError::not_found(format!("no asset {name:?}"))),
    };
    (
        [
            (header::CONTENT_TYPE, mime),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
        .into_response()
}

// ---------------------------------------------------------------- Annotate

fn annotate_form(text: &str, date: &str) -> String {
    format!(
        "<form method=\"post\" action=\"/annotate\" class=\"annotate-form\">\
         <label for=\"text\" class=\"note\">Paste an article (plain text). Publication date, optional: \
         <input type=\"date\" name=\"date\" value=\"{}\"></label>\
         <textarea id=\"text\" name=\"text\" required>{}</textarea>\
         <p><button type=\"submit\">Annotate</button></p></form>",
        esc(date),
        esc(text)
    )
}

/// `GET /` and `GET /annotate[?doc=ID&s=N]`: the form, or a stored document annotated.
pub async fn annotate_get(
    State(state): State<Shared>,
    q: Result<Query<Params>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let p = match query(q) {
        Ok(p) => p,
        Err(e) => return error_page(e),
    };
    let Some(id) = param(&p, "doc").map(str::to_string) else {
        let body = format!(
            "<h1>Annotate an article</h1>{}<p class=\"note\">Actors, event verbs, quotations (coloured by speaker), \
             dates and places are highlighted; the events table shows each event's CAMEO code, Goldstein score \
             and the dictionary pattern that produced it. Nothing is stored.</p>",
            annotate_form("", "")
        );
        return page("Annotate", "Annotate", &body).into_response();
    };
    let focus: Option<usize> = param(&p, "s").and_then(|s| s.parse().ok());
    match stored(state, id, focus).await {
        Ok(html) => html.into_response(),
        Err(e) => error_page(e),
    }
}

/// A stored document: its events and quotes as stored; actor, date and
/// place mentions by coding its text again (the store keeps no query for
/// them).
async fn stored(state: Shared, id: String, focus: Option<usize>) -> Result<Html<String>, ApiError> {
    let wanted = id.clone();
    let found = state.db()?.run(move |store| Ok(store.document(&wanted)?)).await?;
    let Some((record, text, events, quotes)) = found else {
        return Err(ApiError::not_found(format!("no stored document {id:?}")));
    };
    let mut doc = Document::from_text(text, dyad_doc::Origin::file("database"));
    doc.id = record.doc.clone();
    doc.date = record.published.as_deref().and_then(dyad_doc::parse_date);
    let recode = state
        .code(move |pipeline| {
            let records = api::code_document(pipeline, &doc, true).unwrap_or_default();
            let seg = dyad_segment::segment(&doc.text);
            let spans: Vec<[usize; 2]> = seg.sentences.iter().map(|s| s.span.pair()).collect();
            (doc, records, spans)
        })
        .await?;
    let (doc, recoded, sentences) = recode;
    let mut records: Vec<Record> = vec![Record::Document(record)];
    records.extend(recoded.into_iter().filter(|r| matches!(r, Record::Mention(_))));
    records.extend(events.into_iter().map(|e| Record::Event(e.record)));
    records.extend(quotes.into_iter().map(|q| Record::Quote(q.record)));
    Ok(annotated_page(&doc.text, &records, &sentences, focus, ""))
}

/// `POST /annotate` (form: `text`, `date`): the pasted article annotated.
pub async fn annotate_post(State(state): State<Shared>, form: Result<Form<Params>, FormRejection>) -> Response {
    let p = match form {
        Ok(Form(p)) => p,
        Err(e) => return error_page(body_error(e.status(), e.body_text(), state.config.max_body)),
    };
    let text = p.get("text").cloned().unwrap_or_default().replace("\r\n", "\n");
    if text.trim().is_empty() {
        return error_page(ApiError::bad_request("empty_body", "paste an article to annotate"));
    }
    let date_given = param(&p, "date").unwrap_or("").to_string();
    let mut doc = Document::from_text(text, dyad_doc::Origin::file("form"));
    if !date_given.is_empty() {
        match dyad_doc::parse_date(&date_given) {
            Some(d) => doc.date = Some(d),
            None => {
                return error_page(ApiError::bad_request(
                    "bad_parameter",
                    format!("date {date_given:?} is not a date (expected YYYY-MM-DD)"),
                ))
            }
        }
    }
    let coded = state
        .code(move |pipeline| {
            let records = api::code_document(pipeline, &doc, true);
            let seg = dyad_segment::segment(&doc.text);
            let spans: Vec<[usize; 2]> = seg.sentences.iter().map(|s| s.span.pair()).collect();
            (doc, records, spans)
        })
        .await;
    match coded {
        Ok((doc, Ok(records), spans)) => annotated_page(&doc.text, &records, &spans, None, &date_given).into_response(),
        Ok((_, Err(m), _)) => error_page(ApiError::internal(m)),
        Err(e) => error_page(e),
    }
}

fn goldstein_class(g: Option<f64>) -> &'static str {
    match g {
        Some(g) if g > 0.0 => "coop",
        Some(g) if g < 0.0 => "conf",
        _ => "",
    }
}

fn annotated_page(
    text: &str,
    records: &[Record],
    sentences: &[[usize; 2]],
    focus: Option<usize>,
    date: &str,
) -> Html<String> {
    let mut speakers = Speakers::default();
    let marks = marks(records, &mut speakers);
    let html = render(text, &marks, sentences, focus);
    let mut body = String::with_capacity(html.len() + 8192);
    let doc = records.iter().find_map(|r| match r {
        Record::Document(d) => Some(d),
        _ => None,
    });
    let title = doc
        .and_then(|d| d.title.clone())
        .unwrap_or_else(|| "Annotated article".into());
    let _ = write!(body, "<h1>{}</h1>", esc(&title));
    if let Some(d) = doc {
        let mut meta = vec![format!("document <code>{}</code>", esc(&d.doc))];
        if let Some(p) = &d.published {
            meta.push(format!("published {}", esc(p)));
        }
        if let Some(s) = &d.source {
            meta.push(esc(s));
        }
        if let Some(u) = &d.url {
            meta.push(format!("<a href=\"{0}\" rel=\"noreferrer\">{0}</a>", esc(u)));
        }
        if !d.agencies.is_empty() {
            meta.push(format!("agencies: {}", esc(&d.agencies.join(", "))));
        }
        if !d.photo_credits.is_empty() {
            meta.push(format!("photo: {}", esc(&d.photo_credits.join(", "))));
        }
        let _ = write!(body, "<p class=\"meta\">{}</p>", meta.join(" · "));
    }
    body.push_str(
        "<div class=\"legend\"><mark class=\"actor\">actor</mark><mark class=\"verb\">event verb</mark>\
         <mark class=\"date\">date</mark><mark class=\"place\">place</mark>",
    );
    for (i, (name, code)) in speakers.names.iter().enumerate() {
        let code = code.as_deref().map(|c| format!(" ({})", esc(c))).unwrap_or_default();
        let _ = write!(
            body,
            "<span class=\"swatch spk-{}\">quote: {}{code}</span>",
            i % COLOURS,
            esc(name)
        );
    }
    body.push_str("</div><div class=\"split\"><article class=\"doc\" id=\"text\">");
    body.push_str(&html);
    body.push_str("</article><aside>");
    let events: Vec<&EventRecord> = records
        .iter()
        .filter_map(|r| match r {
            Record::Event(e) => Some(e),
            _ => None,
        })
        .collect();
    let _ = write!(body, "<h2>Events ({})</h2>", events.len());
    if events.is_empty() {
        body.push_str("<p class=\"note\">No event was coded in this text.</p>");
    } else {
        body.push_str(
            "<div class=\"scroll\"><table id=\"events\"><thead><tr><th>sent.</th><th>source</th><th>event</th>\
             <th>target</th><th>quad</th><th>Goldstein</th><th>evidence</th></tr></thead><tbody>",
        );
        for e in &events {
            let _ = write!(
                body,
                "<tr><td><a href=\"#s-{s}\">{s}</a></td><td><code>{src}</code><br>{srct}</td>\
                 <td><code>{code}</code> {name}</td><td><code>{tgt}</code><br>{tgtt}</td><td class=\"num\">{q}</td>\
                 <td class=\"num {gc}\">{g}</td><td>“{verb}” <code>{rule}</code>{pat}</td></tr>",
                s = e.sentence,
                src = esc(&e.source.code),
                srct = esc(e.source.text.as_deref().unwrap_or("")),
                code = esc(&e.cameo),
                name = esc(e.cameo_name.as_deref().unwrap_or("")),
                tgt = esc(&e.target.code),
                tgtt = esc(e.target.text.as_deref().unwrap_or("")),
                q = e.quad_class.map(|q| q.to_string()).unwrap_or_default(),
                gc = goldstein_class(e.goldstein),
                g = e.goldstein.map(|g| format!("{g:.1}")).unwrap_or_default(),
                verb = esc(&e.evidence.verb_text),
                rule = esc(&e.evidence.rule),
                pat = e
                    .evidence
                    .pattern
                    .as_deref()
                    .map(|p| format!("<br><span class=\"note\">{}</span>", esc(p)))
                    .unwrap_or_default(),
            );
        }
        body.push_str("</tbody></table></div>");
    }
    let quotes: Vec<&QuoteRecord> = records
        .iter()
        .filter_map(|r| match r {
            Record::Quote(q) => Some(q),
            _ => None,
        })
        .collect();
    let _ = write!(body, "<h2>Quotes ({})</h2>", quotes.len());
    if !quotes.is_empty() {
        body.push_str(
            "<div class=\"scroll\"><table id=\"quotes\"><thead><tr><th>speaker</th><th>cue</th><th>quote</th></tr></thead><tbody>",
        );
        for q in &quotes {
            body.push_str(&quote_row(q, false));
        }
        body.push_str("</tbody></table></div>");
    }
    body.push_str("</aside></div><h2>Annotate another article</h2>");
    body.push_str(&annotate_form("", date));
    page(&title, "Annotate", &body)
}

fn quote_row(q: &QuoteRecord, with_doc: bool) -> String {
    let speaker = match &q.speaker {
        Some(s) => match &s.code {
            Some(c) => format!("{} <code>{}</code>", esc(&s.name), esc(c)),
            None => esc(&s.name),
        },
        None => "<span class=\"note\">unknown</span>".into(),
    };
    let doc = if with_doc {
        format!(
            "<td><a href=\"/annotate?doc={d}&amp;s={s}#s-{s}\">{}</a></td>",
            esc(&q.doc),
            d = url_encode(&q.doc),
            s = q.sentence
        )
    } else {
        String::new()
    };
    format!(
        "<tr>{doc}<td>{speaker}</td><td>{}{}</td><td>{}</td></tr>",
        esc(q.cue.as_deref().unwrap_or("")),
        if q.direct {
            ""
        } else {
            " <span class=\"note\">(indirect)</span>"
        },
        esc(&q.text)
    )
}

/// Percent-encode a query value.
fn url_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

// ---------------------------------------------------------------- Quotes

/// `GET /quotes?speaker=&text=`: stored quotations, searchable by speaker.
pub async fn quotes(
    State(state): State<Shared>,
    q: Result<Query<Params>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let result = async {
        let p = query(q)?;
        let filter = api::quote_filter(&p)?;
        let found = state.db()?.run(move |store| Ok(store.quotes(&filter)?)).await?;
        let mut body = String::from("<h1>Quotes</h1><form class=\"filters\" method=\"get\" action=\"/quotes\">");
        for (name, label) in [("speaker", "speaker (name or code)"), ("text", "words")] {
            let _ = write!(
                body,
                "<label>{label}<input name=\"{name}\" value=\"{}\"></label>",
                esc(param(&p, name).unwrap_or(""))
            );
        }
        body.push_str("<button type=\"submit\">Search</button></form>");
        let _ = write!(body, "<p class=\"note\">{} quotations</p>", found.len());
        body.push_str(
            "<div class=\"scroll\"><table id=\"quotes\"><thead><tr><th>document</th><th>speaker</th><th>cue</th>\
             <th>quote</th></tr></thead><tbody>",
        );
        for q in &found {
            body.push_str(&quote_row(&q.record, true));
        }
        body.push_str("</tbody></table></div>");
        Ok::<_, ApiError>(page("Quotes", "Quotes", &body))
    }
    .await;
    match result {
        Ok(html) => html.into_response(),
        Err(e) => error_page(e),
    }
}

// ---------------------------------------------------------------- Explore

/// What the explore view shows, gathered in one pass over the filtered events.
#[derive(Default)]
struct Gathered {
    total: usize,
    /// (source, target) → (events, Goldstein sum, events with a score).
    edges: BTreeMap<(String, String), (i64, f64, i64)>,
    /// period → events per QuadClass.
    periods: BTreeMap<String, [i64; 4]>,
    rows: Vec<StoredEvent>,
}

/// Events read for the graph and timeline at most (the table shows `limit`).
const GATHER_MAX: usize = 200_000;

fn node_of(code: &str, by_actor: bool) -> &str {
    if by_actor {
        code
    } else {
        dyad_store::country_of(code)
    }
}

fn period_of(date: &str, by: &str) -> Option<String> {
    let n = match by {
        "day" => 10,
        "year" => 4,
        _ => 7,
    };
    date.get(..n).filter(|_| date.len() >= n).map(str::to_string)
}

/// `GET /explore?...`: filters, the actor network, the cooperation/conflict
/// timeline and the events table.
pub async fn explore(
    State(state): State<Shared>,
    q: Result<Query<Params>, axum::extract::rejection::QueryRejection>,
) -> Response {
    match explore_inner(state, q).await {
        Ok(html) => html.into_response(),
        Err(e) => error_page(e),
    }
}

async fn explore_inner(
    state: Shared,
    q: Result<Query<Params>, axum::extract::rejection::QueryRejection>,
) -> Result<Html<String>, ApiError> {
    let p = query(q)?;
    let show = api::number::<usize>(&p, "limit")?.unwrap_or(200).min(5000);
    let mut filter = api::event_filter(&p, GATHER_MAX)?;
    filter.limit = Some(GATHER_MAX);
    let by_actor = param(&p, "graph") == Some("actor");
    let by = match param(&p, "by").unwrap_or("month") {
        b @ ("day" | "month" | "year") => b.to_string(),
        other => {
            return Err(ApiError::bad_request(
                "bad_parameter",
                format!("by={other:?}: expected day, month or year"),
            ))
        }
    };
    let by_period = by.clone();
    let g = state
        .db()?
        .run(move |store| {
            let mut g = Gathered::default();
            store.for_each_event(&filter, |e| {
                g.total += 1;
                let r = &e.record;
                let (s, t) = (node_of(&r.source.code, by_actor), node_of(&r.target.code, by_actor));
                if !s.is_empty() && !t.is_empty() && s != "---" && t != "---" {
                    let edge = g.edges.entry((s.to_string(), t.to_string())).or_default();
                    edge.0 += 1;
                    if let Some(gs) = r.goldstein {
                        edge.1 += gs;
                        edge.2 += 1;
                    }
                }
                if let (Some(d), Some(q)) = (r.date.as_deref(), r.quad_class) {
                    if let Some(period) = period_of(d, &by_period) {
                        if (1..=4).contains(&q) {
                            g.periods.entry(period).or_default()[q as usize - 1] += 1;
                        }
                    }
                }
                if g.rows.len() < show {
                    g.rows.push(e);
                }
                Ok(())
            })?;
            Ok(g)
        })
        .await?;
    let mut body = String::from("<h1>Explore stored events</h1>");
    body.push_str(&filters_form(&p));
    let _ = write!(
        body,
        "<p class=\"note\" id=\"summary\">{} events{}</p>",
        g.total,
        if g.total >= GATHER_MAX {
            " (the first 200,000 are charted)"
        } else {
            ""
        }
    );
    body.push_str("<div class=\"cards\"><section class=\"card\"><h2>Actor network</h2>");
    body.push_str(&graph_svg(&g.edges));
    body.push_str(
        "<p class=\"note\">Edge width: events; colour: mean Goldstein (red conflict, grey neutral, green \
         cooperation). Drag nodes to rearrange.</p></section><section class=\"card\"><h2>Cooperation and conflict</h2>",
    );
    body.push_str(&timeline_svg(&g.periods));
    body.push_str(
        "<p class=\"note\">Per period: verbal and material cooperation above the line, verbal and material \
         conflict below.</p></section></div>",
    );
    let _ = write!(body, "<h2>Events (first {} of {})</h2>", g.rows.len(), g.total);
    body.push_str(
        "<div class=\"scroll\"><table id=\"events\"><thead><tr><th>date</th><th>source</th><th>target</th><th>event</th>\
         <th>quad</th><th>Goldstein</th><th>reports</th><th>sentence</th></tr></thead><tbody>",
    );
    for e in &g.rows {
        let r = &e.record;
        let _ = write!(
            body,
            "<tr><td>{date}</td><td><code>{src}</code></td><td><code>{tgt}</code></td><td><code>{code}</code> {name}</td>\
             <td class=\"num\">{q}</td><td class=\"num {gc}\">{g}</td><td class=\"num\">{n}</td>\
             <td><a href=\"/annotate?doc={doc}&amp;s={s}#s-{s}\">{text}</a></td></tr>",
            date = esc(r.date.as_deref().unwrap_or("")),
            src = esc(&r.source.code),
            tgt = esc(&r.target.code),
            code = esc(&r.cameo),
            name = esc(r.cameo_name.as_deref().unwrap_or("")),
            q = r.quad_class.map(|q| q.to_string()).unwrap_or_default(),
            gc = goldstein_class(r.goldstein),
            g = r.goldstein.map(|g| format!("{g:.1}")).unwrap_or_default(),
            n = e.num_mentions,
            doc = url_encode(&r.doc),
            s = r.sentence,
            text = esc(r.text.trim()),
        );
    }
    body.push_str("</tbody></table></div>");
    Ok(page("Explore", "Explore", &body))
}

fn filters_form(p: &Params) -> String {
    let mut f = String::from("<form class=\"filters\" method=\"get\" action=\"/explore\">");
    for (name, label, kind) in [
        ("actor", "actor", "text"),
        ("source", "source", "text"),
        ("target", "target", "text"),
        ("country", "country", "text"),
        ("code", "CAMEO code/root", "text"),
        ("since", "since", "date"),
        ("until", "until", "date"),
        ("text", "words", "text"),
    ] {
        let kind = if kind == "date" { "date" } else { "text" };
        let _ = write!(
            f,
            "<label>{label}<input type=\"{kind}\" name=\"{name}\" value=\"{}\"></label>",
            esc(param(p, name).unwrap_or(""))
        );
    }
    let select = |f: &mut String, name: &str, label: &str, options: &[(&str, &str)]| {
        let current = param(p, name).unwrap_or(options[0].0);
        let _ = write!(f, "<label>{label}<select name=\"{name}\">");
        for (value, text) in options {
            let sel = if *value == current { " selected" } else { "" };
            let _ = write!(f, "<option value=\"{value}\"{sel}>{text}</option>");
        }
        f.push_str("</select></label>");
    };
    select(
        &mut f,
        "quad",
        "QuadClass",
        &[
            ("", "any"),
            ("1", "1 verbal coop."),
            ("2", "2 material coop."),
            ("3", "3 verbal conflict"),
            ("4", "4 material conflict"),
        ],
    );
    select(
        &mut f,
        "graph",
        "graph nodes",
        &[("country", "countries"), ("actor", "actors")],
    );
    select(
        &mut f,
        "by",
        "period",
        &[("month", "month"), ("day", "day"), ("year", "year")],
    );
    f.push_str("<button type=\"submit\">Apply</button> <a href=\"/explore\">reset</a></form>");
    f
}

/// The colour of a mean Goldstein score: red (−10) through grey (0) to green (+10).
fn goldstein_colour(g: Option<f64>) -> String {
    let Some(g) = g else {
        return "#9aa0aa".into();
    };
    let t = (g / 10.0).clamp(-1.0, 1.0);
    let grey = (150.0, 155.0, 165.0);
    let end = if t < 0.0 {
        (200.0, 35.0, 30.0)
    } else {
        (35.0, 140.0, 60.0)
    };
    let a = t.abs();
    let mix = |x: f64, y: f64| (x + (y - x) * a).round() as u8;
    format!(
        "#{:02x}{:02x}{:02x}",
        mix(grey.0, end.0),
        mix(grey.1, end.1),
        mix(grey.2, end.2)
    )
}

/// Nodes shown at most in the graph (the busiest).
const MAX_NODES: usize = 40;

/// The network as SVG: nodes on a circle (the script refines the layout),
/// directed edges with width by event count and colour by mean Goldstein.
fn graph_svg(edges: &BTreeMap<(String, String), (i64, f64, i64)>) -> String {
    let (w, h): (f64, f64) = (640.0, 440.0);
    let mut weight: HashMap<&str, i64> = HashMap::new();
    for ((s, t), (n, _, _)) in edges {
        *weight.entry(s.as_str()).or_default() += n;
        *weight.entry(t.as_str()).or_default() += n;
    }
    let mut nodes: Vec<(&str, i64)> = weight.into_iter().collect();
    nodes.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    nodes.truncate(MAX_NODES);
    if nodes.is_empty() {
        return "<p class=\"note\" id=\"graph-empty\">No events between known actors for these filters.</p>".into();
    }
    let index: HashMap<&str, usize> = nodes.iter().enumerate().map(|(i, (n, _))| (*n, i)).collect();
    let max_edge = edges.values().map(|e| e.0).max().unwrap_or(1).max(1) as f64;
    let max_node = nodes[0].1.max(1) as f64;
    let radius = (w.min(h) / 2.0 - 40.0) * if nodes.len() > 1 { 1.0 } else { 0.0 };
    let pos: Vec<(f64, f64)> = (0..nodes.len())
        .map(|i| {
            let a = i as f64 / nodes.len() as f64 * std::f64::consts::TAU;
            (w / 2.0 + radius * a.cos(), h / 2.0 + radius * a.sin())
        })
        .collect();
    let mut svg = format!(
        "<svg id=\"graph\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"actor network: {} nodes\">\
         <defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"22\" refY=\"5\" markerWidth=\"10\" markerHeight=\"10\" markerUnits=\"userSpaceOnUse\" \
         orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#7a8290\"/></marker></defs><g class=\"edges\">",
        nodes.len()
    );
    for ((s, t), (n, sum, scored)) in edges {
        let (Some(&i), Some(&j)) = (index.get(s.as_str()), index.get(t.as_str())) else {
            continue;
        };
        let mean = (*scored > 0).then(|| sum / *scored as f64);
        let title = format!(
            "{s} → {t}: {n} events, mean Goldstein {}",
            mean.map(|m| format!("{m:.1}")).unwrap_or_else(|| "n/a".into())
        );
        if i == j {
            continue;
        }
        let _ = write!(
            svg,
            "<line class=\"edge\" data-s=\"{i}\" data-t=\"{j}\" data-n=\"{n}\" x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" \
             stroke=\"{}\" stroke-width=\"{:.1}\" marker-end=\"url(#arrow)\"><title>{}</title></line>",
            pos[i].0,
            pos[i].1,
            pos[j].0,
            pos[j].1,
            goldstein_colour(mean),
            1.0 + 7.0 * (*n as f64 / max_edge).sqrt(),
            esc(&title)
        );
    }
    svg.push_str("</g><g class=\"nodes\">");
    for (i, (name, n)) in nodes.iter().enumerate() {
        let _ = write!(
            svg,
            "<g class=\"node\" data-id=\"{id}\" data-x=\"{x:.1}\" data-y=\"{y:.1}\" transform=\"translate({x:.1},{y:.1})\">\
             <circle r=\"{r:.1}\"><title>{id}: {n} events</title></circle><text y=\"-{ty:.1}\" text-anchor=\"middle\">{id}</text></g>",
            id = esc(name),
            x = pos[i].0,
            y = pos[i].1,
            r = 4.0 + 8.0 * (*n as f64 / max_node).sqrt(),
            ty = 7.0 + 8.0 * (*n as f64 / max_node).sqrt(),
        );
    }
    svg.push_str("</g></svg>");
    svg
}

/// The timeline as SVG bars: cooperation up (QuadClass 1 light, 2 dark),
/// conflict down (3 light, 4 dark), one column per period.
fn timeline_svg(periods: &BTreeMap<String, [i64; 4]>) -> String {
    if periods.is_empty() {
        return "<p class=\"note\" id=\"timeline-empty\">No dated events for these filters.</p>".into();
    }
    let (w, h, left, bottom) = (640.0, 260.0, 34.0, 30.0);
    let mid = (h - bottom) / 2.0 + 5.0;
    let half = mid - 12.0;
    let max = periods
        .values()
        .map(|q| (q[0] + q[1]).max(q[2] + q[3]))
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let n = periods.len() as f64;
    let step = (w - left - 6.0) / n;
    let bar = (step * 0.75).max(1.0);
    let mut svg = format!(
        "<svg id=\"timeline\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"cooperation and conflict per period\">\
         <line x1=\"{left}\" x2=\"{w}\" y1=\"{mid:.1}\" y2=\"{mid:.1}\" stroke=\"#888\"/>\
         <text x=\"2\" y=\"{:.1}\">+{max}</text><text x=\"2\" y=\"{:.1}\">−{max}</text>",
        mid - half + 4.0,
        mid + half
    );
    let label_every = ((n / 8.0).ceil() as usize).max(1);
    for (i, (period, q)) in periods.iter().enumerate() {
        let x = left + i as f64 * step + (step - bar) / 2.0;
        let mut up = mid;
        for (k, colour) in [(0, "#8fd19e"), (1, "#2e7d32")] {
            let hgt = q[k] as f64 / max * half;
            if hgt > 0.0 {
                up -= hgt;
                let _ = write!(
                    svg,
                    "<rect class=\"bar coop q{}\" x=\"{x:.1}\" y=\"{up:.1}\" width=\"{bar:.1}\" height=\"{hgt:.1}\" fill=\"{colour}\">\
                     <title>{period}: {} events of QuadClass {}</title></rect>",
                    k + 1,
                    q[k],
                    k + 1
                );
            }
        }
        let mut down = mid;
        for (k, colour) in [(2, "#f3a683"), (3, "#b3261e")] {
            let hgt = q[k] as f64 / max * half;
            if hgt > 0.0 {
                let _ = write!(
                    svg,
                    "<rect class=\"bar conf q{}\" x=\"{x:.1}\" y=\"{down:.1}\" width=\"{bar:.1}\" height=\"{hgt:.1}\" fill=\"{colour}\">\
                     <title>{period}: {} events of QuadClass {}</title></rect>",
                    k + 1,
                    q[k],
                    k + 1
                );
                down += hgt;
            }
        }
        if i % label_every == 0 {
            let _ = write!(
                svg,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
                x + bar / 2.0,
                h - 8.0,
                esc(period)
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goldstein_colours_run_from_red_through_grey_to_green() {
        assert_eq!(goldstein_colour(Some(-10.0)), "#c8231e");
        assert_eq!(goldstein_colour(Some(0.0)), "#969ba5");
        assert_eq!(goldstein_colour(Some(10.0)), "#238c3c");
        assert_eq!(goldstein_colour(Some(-50.0)), goldstein_colour(Some(-10.0)));
    }

    #[test]
    fn the_graph_draws_one_line_per_edge_between_distinct_nodes() {
        let mut edges = BTreeMap::new();
        edges.insert(("RUS".to_string(), "UKR".to_string()), (3, -15.0, 3));
        edges.insert(("UKR".to_string(), "RUS".to_string()), (1, 2.0, 1));
        edges.insert(("RUS".to_string(), "RUS".to_string()), (2, 0.0, 2));
        let svg = graph_svg(&edges);
        assert_eq!(svg.matches("<line class=\"edge\"").count(), 2);
        assert_eq!(svg.matches("<g class=\"node\"").count(), 2);
        assert!(svg.contains("RUS → UKR: 3 events, mean Goldstein -5.0"), "{svg}");
    }

    #[test]
    fn the_timeline_puts_cooperation_above_and_conflict_below() {
        let mut periods = BTreeMap::new();
        periods.insert("2024-01".to_string(), [2, 0, 0, 1]);
        let svg = timeline_svg(&periods);
        assert_eq!(svg.matches("class=\"bar coop").count(), 1);
        assert_eq!(svg.matches("class=\"bar conf").count(), 1);
    }

    #[test]
    fn periods_cut_dates_and_skip_partial_ones() {
        assert_eq!(period_of("2024-03-05", "month").as_deref(), Some("2024-03"));
        assert_eq!(period_of("2024-03", "day"), None);
        assert_eq!(period_of("2024-03-05", "year").as_deref(), Some("2024"));
    }
}
