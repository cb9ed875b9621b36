//! Datelines at the start of a wire story paragraph:
//! `MOSCOW, Nov 28 (Reuters) -`, `WASHINGTON (AP) —`, `BEIRUT, Lebanon --`,
//! `MOSCOW, November 28. /TASS/.`, `CEBU CITY: --`.
//!
//! A dateline is not part of the first sentence: it names the place the story
//! was filed from and often the agency, not an actor of the sentence.

/// If the paragraph starting at `start` opens with a dateline, return the byte
/// offset where the story text begins (after the dash and spaces) and the end
/// of the dateline itself.
pub fn detect(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let s = &text[start..end];
    let b = s.as_bytes();
    let mut i = 0;
    // 1. One to five words in capitals: the city (MOSCOW, NEW YORK, ST. PETERSBURG).
    let mut caps_words = 0;
    loop {
        let w_start = i;
        while i < b.len() && (b[i].is_ascii_uppercase() || matches!(b[i], b'.' | b'\'' | b'-')) {
            i += 1;
        }
        let word = &s[w_start..i];
        let letters = word.bytes().filter(|c| c.is_ascii_uppercase()).count();
        if letters < 2 && !(letters == 1 && word.ends_with('.')) {
            i = w_start;
            break;
        }
        caps_words += 1;
        if caps_words == 5 || i >= b.len() || b[i] != b' ' {
            break;
        }
        // Peek: another capitals word follows?
        if i + 1 < b.len()
            && b[i + 1].is_ascii_uppercase()
            && i + 2 < b.len()
            && (b[i + 2].is_ascii_uppercase() || b[i + 2] == b'.')
        {
            i += 1;
        } else {
            break;
        }
    }
    if caps_words == 0 {
        return None;
    }
    let mut qualified = false;
    // 2. Optional ", Region/Date" part (up to 30 bytes of plain text).
    if s[i..].starts_with(", ") || s[i..].starts_with(" ,") {
        let rest = &s[i + 2..];
        let limit = rest.len().min(40);
        let mut k = 0;
        while k < limit {
            let c = rest.as_bytes()[k];
            if c.is_ascii_alphanumeric() || matches!(c, b' ' | b'.' | b',') {
                k += 1;
            } else {
                break;
            }
        }
        if k > 0 {
            i += 2 + k;
            qualified = true;
        }
    }
    // trailing spaces
    while i < b.len() && b[i] == b' ' {
        i += 1;
    }
    // 3. Optional (Agency).
    if i < b.len() && b[i] == b'(' {
        if let Some(close) = s[i..].find(')') {
            if close <= 40 {
                i += close + 1;
                qualified = true;
            }
        }
    }
    while i < b.len() && b[i] == b' ' {
        i += 1;
    }
    // 4. The separator: a dash, a colon with dash, or `/AGENCY/.`
    let rest = &s[i..];
    let dateline_end = s[..i].trim_end().len();
    let sep_len = if let Some(r) = rest.strip_prefix("/") {
        // /TASS/. or /Xinhua/
        let close = r.find('/')?;
        if close > 20 {
            return None;
        }
        qualified = true;
        let mut n = 1 + close + 1;
        if rest[n..].starts_with('.') {
            n += 1;
        }
        n
    } else if rest.starts_with(": --") || rest.starts_with(": -") {
        qualified = true;
        if rest.starts_with(": --") {
            4
        } else {
            3
        }
    } else if rest.starts_with("--") {
        2
    } else if rest.starts_with('\u{2014}') || rest.starts_with('\u{2013}') {
        3
    } else if rest.starts_with("- ") {
        1
    } else if let Some(r) = rest.strip_prefix(". /") {
        // MOSCOW, November 28. /TASS/.
        let close = r.find('/')?;
        if close > 20 {
            return None;
        }
        qualified = true;
        let mut n = 3 + close + 1;
        if rest[n..].starts_with('.') {
            n += 1;
        }
        n
    } else {
        return None;
    };
    // A bare `CAPS -` needs a long dash or a qualifier to count.
    if !qualified && rest.starts_with("- ") {
        return None;
    }
    let mut body = i + sep_len;
    while body < b.len() && (b[body] == b' ' || b[body] == b'\t') {
        body += 1;
    }
    if body >= b.len() {
        return None;
    }
    Some((start + body, start + dateline_end))
}

#[cfg(test)]
mod tests {
    use super::detect;

    fn body(s: &str) -> Option<&str> {
        detect(s, 0, s.len()).map(|(b, _)| &s[b..])
    }

    #[test]
    fn wire_datelines() {
        assert_eq!(body("MOSCOW, Nov 28 (Reuters) - Russia said"), Some("Russia said"));
        assert_eq!(
            body("WASHINGTON (AP) \u{2014} The Senate voted"),
            Some("The Senate voted")
        );
        assert_eq!(
            body("BEIRUT, Lebanon -- Israeli jets struck"),
            Some("Israeli jets struck")
        );
        assert_eq!(
            body("MOSCOW, November 28. /TASS/. Russia and China"),
            Some("Russia and China")
        );
        assert_eq!(body("CEBU CITY: -- Cordova Mayor"), Some("Cordova Mayor"));
        assert_eq!(body("NEW YORK, Jan. 5 (Xinhua) -- The UN"), Some("The UN"));
    }

    #[test]
    fn not_datelines() {
        assert_eq!(body("US President Joe Biden said"), None);
        assert_eq!(body("NATO - the alliance said"), None);
        assert_eq!(body("Moscow, Nov 28 - Russia"), None);
        assert_eq!(body("THE END"), None);
    }
}
