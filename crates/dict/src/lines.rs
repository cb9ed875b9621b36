//! Reading dictionary files line by line with their comments removed, as the
//! TABARI and PETRARCH programs do: `<!-- ... -->` blocks (also across lines),
//! `#` comments (at line start or after a blank, never inside `[...]`), and
//! the legacy `;` comments.

/// One significant line: its 1-based number, the text without comments (right
/// end trimmed), and whether it began with a space or tab (TABARI's marker for
/// continuation lines such as date restrictions).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line<'a> {
    pub number: usize,
    pub text: std::borrow::Cow<'a, str>,
    pub indented: bool,
}

/// Which comment markers a file uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CommentStyle {
    /// `;` starts a comment (TABARI and legacy PETRARCH files).
    pub semicolon: bool,
    /// A line starting with `/` is a comment (TABARI `.options`, `//`).
    pub slash: bool,
}

impl CommentStyle {
    pub const DICTIONARY: CommentStyle = CommentStyle {
        semicolon: true,
        slash: false,
    };
}

/// Cut `line` at the first comment marker outside brackets.
fn strip(line: &str, style: CommentStyle) -> &str {
    let mut depth = 0i32;
    let mut prev_space = true;
    for (i, c) in line.char_indices() {
        match c {
            '[' | '{' => depth += 1,
            ']' | '}' => depth -= 1,
            '#' if depth <= 0 && prev_space => return &line[..i],
            ';' if depth <= 0 && style.semicolon => return &line[..i],
            _ => {}
        }
        prev_space = c == ' ' || c == '\t';
    }
    line
}

/// The significant lines of `text`: comments removed, blank lines dropped.
pub fn lines(text: &str, style: CommentStyle) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut in_xml_comment = false;
    for (index, raw) in text.lines().enumerate() {
        let raw = raw.strip_prefix('\u{FEFF}').unwrap_or(raw);
        let mut owned: Option<String> = None;
        // Remove <!-- --> comments, which may span lines.
        if in_xml_comment || raw.contains("<!--") {
            let mut kept = String::new();
            let mut rest = raw;
            loop {
                if in_xml_comment {
                    match rest.find("-->") {
                        Some(end) => {
                            rest = &rest[end + 3..];
                            in_xml_comment = false;
                        }
                        None => break,
                    }
                } else {
                    match rest.find("<!--") {
                        Some(start) => {
                            kept.push_str(&rest[..start]);
                            rest = &rest[start + 4..];
                            in_xml_comment = true;
                        }
                        None => {
                            kept.push_str(rest);
                            break;
                        }
                    }
                }
            }
            owned = Some(kept);
        }
        let current: &str = owned.as_deref().unwrap_or(raw);
        if style.slash && current.trim_start().starts_with('/') {
            continue;
        }
        let indented = current.starts_with([' ', '\t']);
        let stripped = strip(current, style).trim_end();
        if stripped.trim().is_empty() {
            continue;
        }
        let text = match owned {
            Some(ref s) if stripped.len() <= s.len() => std::borrow::Cow::Owned(stripped.to_string()),
            _ => std::borrow::Cow::Borrowed(strip(raw, style).trim_end()),
        };
        out.push(Line {
            number: index + 1,
            text,
            indented,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<(usize, String)> {
        lines(s, CommentStyle::DICTIONARY)
            .into_iter()
            .map(|l| (l.number, l.text.into_owned()))
            .collect()
    }

    #[test]
    fn comments_of_every_style() {
        let src = "<!-- header -->\nARNOR [ARN] # comment\nGONDOR [GON] ;tony 3/9/91\n<!-- multi\nline -->\nENT [### <890101] [ENT]\nkeep <!-- x --> this\n# whole line\n\n   \nROHAN#notacomment [ROH]";
        assert_eq!(
            texts(src),
            [
                (2, "ARNOR [ARN]".to_string()),
                (3, "GONDOR [GON]".to_string()),
                (6, "ENT [### <890101] [ENT]".to_string()),
                (7, "keep  this".to_string()),
                (11, "ROHAN#notacomment [ROH]".to_string()),
            ]
        );
    }

    #[test]
    fn indentation_is_reported() {
        let ls = lines("GOLLUM\n\t[HOB <950601]\n", CommentStyle::DICTIONARY);
        assert!(!ls[0].indented);
        assert!(ls[1].indented);
    }
}
