//! Paragraph layout: blank lines separate paragraphs; inside a block of
//! lines, either the lines are hard-wrapped prose (a line break is a space)
//! or each line is a paragraph of its own (headlines, lists, text with one
//! paragraph per line).

use crate::token::is_ignorable;

/// A paragraph's byte range (trimmed of surrounding whitespace).
#[derive(Clone, Copy, Debug)]
pub struct Block {
    pub start: usize,
    pub end: usize,
}

struct Line {
    start: usize,
    end: usize,
    chars: usize,
}

fn is_blank(s: &str) -> bool {
    s.chars().all(|c| c.is_whitespace() || is_ignorable(c))
}

fn ends_terminal(s: &str) -> bool {
    let t = s.trim_end();
    t.ends_with(['.', '!', '?', '"', '\u{201D}', '\u{2019}', ':', ';', ')', '\u{2026}'])
}

fn is_list_item(s: &str) -> bool {
    let t = s.trim_start();
    if t.starts_with("- ") || t.starts_with("* ") || t.starts_with("\u{2022}") || t.starts_with("\u{2013} ") {
        return true;
    }
    let digits = t.bytes().take_while(|b| b.is_ascii_digit()).count();
    digits > 0 && digits <= 3 && (t[digits..].starts_with(". ") || t[digits..].starts_with(") "))
}

/// Split `text` into paragraph blocks.
pub fn paragraphs(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut group: Vec<Line> = Vec::new();
    let mut pos = 0;
    for raw in text.split_inclusive('\n') {
        let start = pos;
        pos += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        if is_blank(line) {
            flush(text, &mut group, &mut blocks);
        } else {
            group.push(Line {
                start,
                end: start + line.len(),
                chars: line.chars().take(400).count(),
            });
        }
    }
    flush(text, &mut group, &mut blocks);
    blocks
}

fn flush(text: &str, group: &mut Vec<Line>, blocks: &mut Vec<Block>) {
    if group.is_empty() {
        return;
    }
    let wrapped = is_wrapped(text, group);
    let longest = group.iter().map(|l| l.chars).max().unwrap_or(0);
    let mut start = group[0].start;
    for i in 1..group.len() {
        let prev = &group[i - 1];
        let line = &group[i];
        let line_text = &text[line.start..line.end];
        let prev_text = &text[prev.start..prev.end];
        let first_upper = line_text
            .trim_start()
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        let headline = !ends_terminal(prev_text) && first_upper && prev.chars * 10 < longest * 6;
        if !wrapped || is_list_item(line_text) || headline {
            push(text, start, prev.end, blocks);
            start = line.start;
        }
    }
    push(text, start, group[group.len() - 1].end, blocks);
    group.clear();
}

fn push(text: &str, start: usize, end: usize, blocks: &mut Vec<Block>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if start + lead < end - trail {
        blocks.push(Block {
            start: start + lead,
            end: end - trail,
        });
    }
}

/// Hard-wrapped prose: most lines (but the last) are of similar, moderate
/// length and do not end a sentence.
fn is_wrapped(text: &str, group: &[Line]) -> bool {
    if group.len() < 2 {
        return false;
    }
    let body = &group[..group.len() - 1];
    let moderate = body.iter().filter(|l| (35..=110).contains(&l.chars)).count();
    let open = body.iter().filter(|l| !ends_terminal(&text[l.start..l.end])).count();
    moderate * 10 >= body.len() * 7 && open * 10 >= body.len() * 5
}
