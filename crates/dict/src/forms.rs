//! Regular English plurals and verb forms, generated as TABARI and PETRARCH
//! generate them, for words given in dictionaries in their base form.

use crate::Dialect;

fn is_vowel(c: u8) -> bool {
    matches!(c, b'A' | b'E' | b'I' | b'O' | b'U')
}

/// Regular plural of an upper-case noun: `+S`, `Y -> IES` after a consonant,
/// `+ES` after S, X, Z, CH, SH.
pub fn plural(word: &str) -> String {
    let b = word.as_bytes();
    let n = b.len();
    if n >= 2 && b[n - 1] == b'Y' && !is_vowel(b[n - 2]) {
        format!("{}IES", &word[..n - 1])
    } else if word.ends_with('S')
        || word.ends_with('X')
        || word.ends_with('Z')
        || word.ends_with("CH")
        || word.ends_with("SH")
    {
        format!("{word}ES")
    } else {
        format!("{word}S")
    }
}

/// The regular forms of an upper-case verb: base, third person, past, -ing.
pub fn regular_verb_forms(verb: &str) -> Vec<String> {
    let b = verb.as_bytes();
    let n = b.len();
    if n == 0 {
        return vec![];
    }
    let last = b[n - 1];
    let consonant_y = n >= 2 && last == b'Y' && !is_vowel(b[n - 2]);
    let third = if consonant_y {
        format!("{}IES", &verb[..n - 1])
    } else if matches!(last, b'S' | b'X' | b'Z')
        || verb.ends_with("CH")
        || verb.ends_with("SH")
        || (last == b'O' && n > 2)
    {
        format!("{verb}ES")
    } else {
        format!("{verb}S")
    };
    let past = if last == b'E' {
        format!("{verb}D")
    } else if consonant_y {
        format!("{}IED", &verb[..n - 1])
    } else {
        format!("{verb}ED")
    };
    let ing = if verb.ends_with("IE") {
        format!("{}YING", &verb[..n - 2])
    } else if last == b'E' && !verb.ends_with("EE") && !verb.ends_with("YE") && !verb.ends_with("OE") && n > 2 {
        format!("{}ING", &verb[..n - 1])
    } else {
        format!("{verb}ING")
    };
    vec![verb.to_string(), third, past, ing]
}

/// All surface forms of a verb entry without `{...}`: the regular forms of
/// its `+`-marked word (or its only word), keeping the `+` marker and the
/// other words. TABARI roots without a final `_` are stems and are returned
/// as they are.
pub fn verb_forms(entry: &str, dialect: Dialect) -> Vec<String> {
    let entry = entry.trim().to_ascii_uppercase();
    let parts: Vec<&str> = entry.split(['_', ' ']).filter(|p| !p.is_empty()).collect();
    if parts.is_empty() {
        return vec![];
    }
    if dialect == Dialect::Tabari && parts.len() == 1 {
        if entry.ends_with('=') {
            // `WORD=`: exactly this word.
            return vec![format!("{}_", entry.trim_end_matches('='))];
        }
        if !entry.ends_with('_') {
            // A stem.
            return vec![entry];
        }
        // `WORD_`: the word and TABARI's regular endings S ED ES EN ING,
        // plus the usual spellings of those forms.
        let root = entry.trim_end_matches('_');
        let mut out: Vec<String> = ["", "S", "ED", "ES", "EN", "ING"]
            .iter()
            .map(|e| format!("{root}{e}_"))
            .collect();
        for f in regular_verb_forms(root) {
            let f = format!("{f}_");
            if !out.contains(&f) {
                out.push(f);
            }
        }
        return out;
    }
    let head = parts.iter().position(|p| p.starts_with('+')).unwrap_or(0);
    let base = parts[head].trim_start_matches('+');
    regular_verb_forms(base)
        .into_iter()
        .map(|form| {
            parts
                .iter()
                .enumerate()
                .map(|(i, p)| if i == head { format!("+{form}") } else { p.to_string() })
                .collect::<Vec<_>>()
                .join("_")
        })
        // A trailing `_` keeps TABARI from reading the generated forms as stems.
        .map(|f| if dialect == Dialect::Tabari { format!("{f}_") } else { f })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals() {
        assert_eq!(plural("POLICY"), "POLICIES");
        assert_eq!(plural("DAY"), "DAYS");
        assert_eq!(plural("CONGRESS"), "CONGRESSES");
        assert_eq!(plural("MINISTER"), "MINISTERS");
        assert_eq!(plural("CHURCH"), "CHURCHES");
    }

    #[test]
    fn verbs() {
        assert_eq!(
            regular_verb_forms("ACCUSE"),
            ["ACCUSE", "ACCUSES", "ACCUSED", "ACCUSING"]
        );
        assert_eq!(regular_verb_forms("DENY"), ["DENY", "DENIES", "DENIED", "DENYING"]);
        assert_eq!(regular_verb_forms("PLAY"), ["PLAY", "PLAYS", "PLAYED", "PLAYING"]);
        assert_eq!(
            regular_verb_forms("DEPART"),
            ["DEPART", "DEPARTS", "DEPARTED", "DEPARTING"]
        );
        assert_eq!(regular_verb_forms("AGREE"), ["AGREE", "AGREES", "AGREED", "AGREEING"]);
        assert_eq!(regular_verb_forms("TIE"), ["TIE", "TIES", "TIED", "TYING"]);
        assert_eq!(regular_verb_forms("REACH"), ["REACH", "REACHES", "REACHED", "REACHING"]);
        assert_eq!(verb_forms("RE_+ARREST", Dialect::Petrarch)[2], "RE_+ARRESTED");
        assert_eq!(verb_forms("+BEEF_UP", Dialect::Petrarch)[1], "+BEEFS_UP");
        assert_eq!(verb_forms("ACCEPT", Dialect::Tabari), ["ACCEPT"]);
    }
}
