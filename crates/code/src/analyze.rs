//! Shallow analysis of one sentence in the TABARI tradition: dictionary
//! lookup of every word, verb/noun disambiguation, actor noun phrases with
//! their agents and compounds, pronoun dereferencing, comma-delimited clause
//! elimination and the split into conjunction-delimited clauses.

use dyad_dict::{ActorCode, Compiled, Dialect, Dictionaries, TokenKeys};
use dyad_doc::Date;

use crate::words::{function_class, Class, Pronoun, Word};

/// A noun phrase that names one or more actors: `Gondor's government`,
/// `Lawmakers and officials in Fornost and Gondor` (4 codes).
#[derive(Clone, Debug)]
pub struct Phrase {
    /// Word range `[start, end)`.
    pub start: usize,
    pub end: usize,
    /// The actor codes it denotes (more than one: a compound).
    pub codes: Vec<String>,
    /// Whether a dictionary actor (not only agents) is in it.
    pub has_actor: bool,
    /// The first dictionary actor in the phrase (index into
    /// `Dictionaries::actors`), for its kind (capital, person, ...).
    pub actor: Option<u32>,
    /// A pronoun to be dereferenced instead of codes of its own.
    pub pronoun: Option<Pronoun>,
    /// For a possessive pronoun with a role ("their government"): the agent
    /// codes to compose with the antecedent (`code`, prefix placement).
    pub pronoun_agents: Vec<(String, bool)>,
    /// A capital after a locative preposition ("arrived in Moscow"): a place,
    /// coded as its country; never a source, a target only when nothing
    /// better is there.
    pub place: bool,
}

/// The analysed sentence.
#[derive(Clone, Debug)]
pub struct Analysis<'a> {
    pub words: Vec<Word<'a>>,
    pub phrases: Vec<Phrase>,
    /// Conjunction-delimited clauses: word ranges.
    pub clauses: Vec<(usize, usize)>,
    /// A discard phrase was found: `Some(true)` for a story-level discard.
    pub discard: Option<bool>,
    /// The dictionary keys of every word.
    pub keys: TokenKeys,
    pub complex: bool,
}

/// Analyse `words` with the dictionaries, for a sentence dated `date`.
pub fn analyze<'a>(
    dict: &Dictionaries,
    compiled: &Compiled,
    dialect: Dialect,
    mut words: Vec<Word<'a>>,
    date: Option<Date>,
    options: &dyad_dict::CodingOptions,
) -> Analysis<'a> {
    let n = words.len();
    let keys = TokenKeys::new(&dict.vocab, words.iter().map(|w| w.norm));
    let mut discard = None;
    let mut complex = false;
    // Discards anywhere in the sentence.
    for i in 0..n {
        compiled.discards.matches_at(&keys, i, |_, v| {
            let story = dict.discards[v as usize].story;
            discard = Some(discard.unwrap_or(false) || story);
        });
    }

    // Dictionary lookup: longest match wins; on equal length actors, then
    // agents, then nouns and adjectives, then verbs.
    #[derive(Clone, Copy, Debug, PartialEq)]
    enum Unit {
        Actor(u32),
        Agent(u32),
        Verb(u32),
        Noun,
        Adjective,
    }
    // The longest match at `i` that does not run past a possessive word
    // ("Ithilen's government radio" is not the actor "Ithilen government radio").
    let longest_all = |trie: &dyad_dict::Trie, i: usize| -> Option<(usize, Vec<u32>)> {
        let mut best: Option<(usize, Vec<u32>)> = None;
        trie.matches_at(&keys, i, |end, v| {
            if words[i..end - 1].iter().any(|w| w.possessive) {
                return;
            }
            match &mut best {
                Some((e, vals)) if *e == end => vals.push(v),
                Some((e, _)) if *e > end => {}
                _ => best = Some((end, vec![v])),
            }
        });
        best
    };
    let longest = |trie: &dyad_dict::Trie, i: usize| longest_all(trie, i).map(|(e, v)| (e, v[0]));
    // Of several actors sharing a phrase (a surname), the one with a role on
    // the sentence's date.
    let pick_actor = |vals: &[u32]| -> u32 {
        if let Some(date) = date {
            for &v in vals {
                if dict.actors[v as usize]
                    .codes
                    .dated
                    .iter()
                    .any(|(r, _)| r.contains(date))
                {
                    return v;
                }
            }
        }
        vals[0]
    };
    let mixed_case = words.iter().any(|w| w.lowercase) && words.iter().any(|w| w.capitalized);
    let mut units: Vec<(usize, usize, Unit)> = Vec::new();
    let mut i = 0;
    while i < n {
        if words[i].class == Class::Comma {
            i += 1;
            continue;
        }
        let mut best: Option<(usize, Unit)> = None;
        let mut consider = |end: usize, unit: Unit| {
            if best.is_none_or(|(e, _)| end > e) {
                best = Some((end, unit));
            }
        };
        // TABARI phrases with gaps: each group in order, up to three other
        // words between groups, within the sentence.
        for (groups, actor) in &dict.gapped_actor_phrases {
            let mut pos = i;
            let mut ok = true;
            for (gi, g) in groups.iter().enumerate() {
                let fits = |p: usize| p + g.len() <= n && g.iter().enumerate().all(|(k, &w)| keys.has(p + k, w));
                let found = if gi == 0 {
                    fits(pos).then_some(pos)
                } else {
                    (pos..(pos + 4).min(n)).find(|&p| fits(p) && !words[pos..p].iter().any(|w| w.class == Class::Comma))
                };
                match found {
                    Some(p) => pos = p + g.len(),
                    None => {
                        ok = false;
                        break;
                    }
                }
            }
            if ok {
                consider(pos, Unit::Actor(*actor));
            }
        }
        if let Some((end, vals)) = longest_all(&compiled.actors, i) {
            // A short all-capitals actor must not match a lower-case word ("us").
            let short = end == i + 1 && words[i].norm.len() <= 3 && !words[i].capitalized;
            // With dyad's dictionaries, actors are proper names: in mixed-case
            // text "the west bank of the Dnipro" is not the West Bank.
            let common = options.modifier_agents && mixed_case && !words[i..end].iter().any(|w| w.capitalized);
            if !short && !common {
                consider(end, Unit::Actor(pick_actor(&vals)));
            }
        }
        let verb = longest(&compiled.verbs, i);
        if let Some((end, v)) = longest(&compiled.agents, i) {
            // With dyad's dictionaries, a role word that is also a verb is
            // the verb after the infinitive's TO when an object follows (`to
            // press the government`, `to police the border`; not `spoke to
            // police on Monday`).
            let infinitive = options.modifier_agents
                && i > 0
                && words[i - 1].norm == "TO"
                && verb.as_ref().is_some_and(|(ve, _)| *ve == end)
                && words
                    .get(end)
                    .is_some_and(|w| matches!(w.norm, "THE" | "A" | "AN" | "ITS" | "THEIR" | "HIS" | "HER"));
            if !infinitive {
                consider(end, Unit::Agent(v));
            }
        }
        if let Some((end, _)) = longest(&compiled.nouns, i) {
            consider(end, Unit::Noun);
        }
        if let Some((end, _)) = longest(&compiled.adjectives, i) {
            consider(end, Unit::Adjective);
        }
        if let Some((end, v)) = verb {
            consider(end, Unit::Verb(v));
        }
        match best {
            Some((end, unit)) => {
                units.push((i, end, unit));
                i = end;
            }
            None => i += 1,
        }
    }

    // Classes: function words first, then dictionary units over them.
    for w in words.iter_mut() {
        if w.class == Class::Other {
            if let Some(c) = function_class(w.norm) {
                w.class = c;
            }
        }
    }
    // TABARI skips the capitalization rule in all-capitals text.
    let all_caps = !words.iter().any(|w| w.lowercase);
    let mut actor_units: Vec<(usize, usize, Vec<String>)> = Vec::new();
    let mut actor_ids: Vec<u32> = Vec::new();
    let mut agent_at: Vec<Option<u32>> = vec![None; n];
    let mut actor_at: Vec<Option<usize>> = vec![None; n];
    for &(s, e, unit) in &units {
        match unit {
            // "Beijing-backed leader", "Iran-backed rebels", "U.S.-led
            // coalition": the actor before a hyphen-joined participle says
            // who backs or leads them; it is not the phrase's actor.
            Unit::Actor(_)
                if options.modifier_agents
                    && e < n
                    && words[e].hyphen_before
                    && matches!(
                        words[e].norm,
                        "BACKED"
                            | "LED"
                            | "SPONSORED"
                            | "SUPPORTED"
                            | "FUNDED"
                            | "ALLIED"
                            | "INSTALLED"
                            | "APPOINTED"
                            | "ARMED"
                            | "TRAINED"
                            | "ALIGNED"
                            | "INSPIRED"
                    ) =>
            {
                for w in &mut words[s..e] {
                    w.class = Class::Noun;
                }
            }
            Unit::Actor(a) => match dict.actors[a as usize].codes.at(date) {
                Some(ActorCode::Codes(codes)) => {
                    let idx = actor_units.len();
                    actor_units.push((s, e, codes.iter().map(|c| c.to_string()).collect()));
                    actor_ids.push(a);
                    for slot in actor_at.iter_mut().take(e).skip(s) {
                        *slot = Some(idx);
                    }
                }
                Some(ActorCode::Discard) => discard = Some(discard.unwrap_or(false)),
                Some(ActorCode::Complex) => complex = true,
                Some(ActorCode::Null) | None => {
                    for w in &mut words[s..e] {
                        w.class = Class::Noun;
                    }
                }
            },
            // "government-held Syria", "rebel-held areas": a role joined
            // to a participle says who holds the place; it is no actor.
            Unit::Agent(_)
                if options.modifier_agents
                    && e < n
                    && words[e].hyphen_before
                    && matches!(
                        words[e].norm,
                        "HELD"
                            | "CONTROLLED"
                            | "RUN"
                            | "OWNED"
                            | "LED"
                            | "BACKED"
                            | "SPONSORED"
                            | "FUNDED"
                            | "ALLIED"
                            | "INSTALLED"
                            | "APPOINTED"
                            | "ARMED"
                            | "LINKED"
                            | "AFFILIATED"
                            | "ALIGNED"
                            | "DOMINATED"
                    ) => {}
            // An agent with no code ("nerve agent") only keeps a shorter one
            // ("agent") from matching; its words stay plain words.
            Unit::Agent(a) if dict.agents[a as usize].code.is_empty() => {}
            Unit::Agent(a) => {
                // "anti-government protesters", "pro-Russian militias": a role
                // word after anti-/pro- says what they are for or against.
                let stance = options.modifier_agents
                    && s > 0
                    && words[s].hyphen_before
                    && matches!(words[s - 1].norm, "ANTI" | "PRO");
                if stance {
                    continue;
                }
                for slot in agent_at.iter_mut().take(e).skip(s) {
                    *slot = Some(a);
                }
            }
            Unit::Verb(form) => {
                // Verb -> noun: after a determiner, capitalized inside a
                // mixed-case sentence, or with a possessive ("donate's").
                let after_det = s > 0 && words[s - 1].class == Class::Determiner || words[e - 1].possessive;
                let capital = s > 0 && words[s].capitalized && !all_caps;
                // With dyad's own dictionaries also: after a possessive
                // ("his visit", "Iran's offer"), after a preposition other than
                // "to" ("for talks"), and a hyphen-joined participle
                // ("U.S.-backed").
                let news_noun = options.modifier_agents
                    && (s > 0
                        && (words[s - 1].possessive
                            || matches!(words[s - 1].class, Class::Pronoun(Pronoun::Possessive))
                            || matches!(words[s - 1].norm, "THEIR" | "OUR" | "MY" | "YOUR")
                            || (words[s - 1].class == Class::Preposition && words[s - 1].norm != "TO"))
                        || words[s].hyphen_before
                        || indefinite_noun(
                            dict,
                            &words,
                            s,
                            form,
                            options.modifier_agents && s > 1 && actor_at[s - 1].is_some(),
                        ));
                // "ousted Syrian President Bashar al-Assad": a participle
                // before a capitalized title or name describes the person.
                let deposed = options.modifier_agents
                    && matches!(words[s].norm, "OUSTED" | "DEPOSED" | "TOPPLED")
                    && words.get(e).is_some_and(|w| w.capitalized);
                if deposed {
                    for w in &mut words[s..e] {
                        w.class = Class::Adjective;
                    }
                    continue;
                }
                if after_det || capital || news_noun {
                    for w in &mut words[s..e] {
                        w.class = Class::Noun;
                    }
                } else {
                    words[s].class = Class::Verb(form);
                    for w in &mut words[s + 1..e] {
                        w.class = Class::VerbCont;
                    }
                }
            }
            Unit::Noun => {
                for w in &mut words[s..e] {
                    w.class = Class::Noun;
                }
            }
            Unit::Adjective => {
                for w in &mut words[s..e] {
                    w.class = Class::Adjective;
                }
            }
        }
    }

    let units = ActorUnits {
        spans: &actor_units,
        at: &actor_at,
        ids: &actor_ids,
    };
    let mut phrases = build_phrases(dict, &mut words, &units, &agent_at, dialect, options);
    for p in &mut phrases {
        p.actor = (p.start..p.end)
            .find_map(|i| actor_at.get(i).copied().flatten())
            .map(|u| actor_ids[u]);
    }
    if options.modifier_agents {
        possessive_institutions(dict, &mut words, &mut phrases);
        mark_places(dict, &words, &mut phrases);
        country_before_institution(&mut words, &mut phrases);
        merge_compounds(&mut words, &mut phrases);
    }
    let mut analysis = Analysis {
        keys,
        words,
        phrases,
        clauses: Vec::new(),
        discard,
        complex,
    };
    eliminate_commas(&mut analysis, options);
    if options.modifier_agents {
        inverted_conditional(&mut analysis);
    }
    split_clauses(&mut analysis, options.modifier_agents);
    if dialect == Dialect::Petrarch {
        // PETRARCH codes a closing ", X said" clause on its own; TABARI
        // searches the whole sentence.
        split_trailing_attribution(&mut analysis, options.modifier_agents);
    }
    analysis
}

/// "a border raid", "a cross-border attack": a verb in its base form after
/// an indefinite article and one or two lower-case modifiers is a noun
/// ("a gunman shot" keeps its verb: `shot` is not the base form). After
/// an actor adjective (`after_actor`), "a Chinese blockade" and "any
/// Israeli strike" are nouns too.
fn indefinite_noun(dict: &Dictionaries, words: &[Word], s: usize, form: u32, after_actor: bool) -> bool {
    let lemma = &*dict.verbs[dict.verb_forms[form as usize].verb as usize].lemma;
    let norm = words[s].norm;
    let base = norm == lemma
        || norm
            .strip_suffix('S')
            .is_some_and(|n| n == lemma || n.strip_suffix('E') == Some(lemma));
    if !base {
        return false;
    }
    if after_actor && matches!(words[s - 2].norm, "A" | "AN" | "ANY" | "EVERY" | "EACH") {
        return true;
    }
    let mut j = s;
    while j > 0 && s - j < 3 {
        let w = &words[j - 1];
        if matches!(w.norm, "A" | "AN") {
            return j < s;
        }
        let modifier = !w.capitalized && matches!(w.class, Class::Other | Class::Noun | Class::Adjective);
        if !modifier {
            return false;
        }
        j -= 1;
    }
    false
}

/// A word of a model designation: `B`, `2`, `1B` in "B-2", "B-1B", "F-16"
/// (a number, a short word holding a digit, or one or two capitals).
fn designation(w: &Word) -> bool {
    let short = w.norm.len() <= 4 && w.norm.chars().all(|c| c.is_ascii_alphanumeric());
    let digit = w.norm.chars().any(|c| c.is_ascii_digit());
    w.class == Class::Number || short && (digit || w.capitalized && !w.lowercase && w.norm.len() <= 2)
}

/// Compose an actor code with an agent code: `~GOV` appends, `NGO~`
/// prefixes; a block already present on a 3-character boundary is not added
/// twice.
pub fn compose(actor: &str, agent: &str, prefix: bool) -> String {
    let has = |code: &str, block: &str| {
        code.len() >= block.len()
            && (0..=code.len() - block.len())
                .step_by(3)
                .any(|i| code.get(i..i + block.len()) == Some(block))
    };
    if has(actor, agent) {
        return actor.to_string();
    }
    if prefix {
        format!("{agent}{actor}")
    } else {
        format!("{actor}{agent}")
    }
}

fn is_connector(w: &Word) -> bool {
    w.class == Class::Conjunction && (w.norm == "AND" || w.norm == "NOR" || w.norm == "OR") || w.class == Class::Comma
}

/// The dictionary actors found in a sentence: their word spans and codes,
/// the unit at each word, and each unit's actor id.
struct ActorUnits<'u> {
    spans: &'u [(usize, usize, Vec<String>)],
    at: &'u [Option<usize>],
    ids: &'u [u32],
}

/// Build the actor noun phrases.
fn build_phrases(
    dict: &Dictionaries,
    words: &mut [Word],
    units: &ActorUnits,
    agent_at: &[Option<u32>],
    dialect: Dialect,
    options: &dyad_dict::CodingOptions,
) -> Vec<Phrase> {
    let (actor_units, actor_at) = (units.spans, units.at);
    let n = words.len();
    let mut phrases: Vec<Phrase> = Vec::new();
    // Skippable modifiers inside a phrase: determiners, adjectives, FORMER.
    // "former", and with dyad's dictionaries "ousted"/"deposed"/"toppled":
    // the role is one the person no longer holds (ELI).
    let former_word =
        |w: &Word| w.norm == "FORMER" || options.modifier_agents && matches!(w.norm, "OUSTED" | "DEPOSED" | "TOPPLED");
    let modifier = |w: &Word| matches!(w.class, Class::Determiner | Class::Adjective) || former_word(w);
    // Read an agent group at `i`: agent+ ((AND|,) agent+)*. Returns the
    // alternatives (sequences of agent ids), `former`, and the end.
    let agent_group = |mut i: usize| -> Option<(Vec<Vec<u32>>, bool, usize)> {
        let mut former = false;
        let mut segs: Vec<Vec<u32>> = Vec::new();
        let mut cur: Vec<u32> = Vec::new();
        let start = i;
        loop {
            while i < n && modifier(&words[i]) && agent_at[i].is_none() {
                if former_word(&words[i]) {
                    former = true;
                }
                i += 1;
            }
            // One plain lower-case word right before a role word qualifies
            // it: "Chinese electric carmakers", "Iranian nuclear scientists".
            let qualifier = |w: &Word| {
                w.class == Class::Other
                    && !w.capitalized
                    && !w.possessive
                    && w.norm.chars().all(|c| c.is_ascii_alphabetic())
            };
            if options.modifier_agents
                && i == start
                && i + 1 < n
                && agent_at[i].is_none()
                && actor_at[i].is_none()
                && qualifier(&words[i])
                && agent_at[i + 1].is_some()
                && actor_at[i + 1].is_none()
            {
                i += 1;
            }
            if i < n && agent_at[i].is_some() && actor_at[i].is_none() {
                let a = agent_at[i].unwrap();
                if cur.last() != Some(&a) || (i > 0 && agent_at[i - 1] != Some(a)) {
                    cur.push(a);
                }
                i += 1;
                while i < n && agent_at[i] == Some(a) && actor_at[i].is_none() {
                    i += 1;
                }
                // "the president's official residence": a possessive ends
                // the group.
                if options.modifier_agents && words[i - 1].possessive {
                    break;
                }
                continue;
            }
            if !cur.is_empty() && i + 1 < n && is_connector(&words[i]) && words[i].norm != "," {
                // agent AND agent
                let mut j = i + 1;
                while j < n && modifier(&words[j]) {
                    j += 1;
                }
                if j < n && agent_at[j].is_some() && actor_at[j].is_none() {
                    segs.push(std::mem::take(&mut cur));
                    i = j;
                    continue;
                }
            }
            break;
        }
        if !cur.is_empty() {
            segs.push(cur);
        }
        if segs.is_empty() {
            return None;
        }
        // Shared leading agents (Islamist media and government).
        if segs.len() > 1 && segs[0].len() > 1 {
            let shared: Vec<u32> = segs[0][..segs[0].len() - 1].to_vec();
            for s in segs.iter_mut().skip(1) {
                let mut v = shared.clone();
                v.append(s);
                *s = v;
            }
        }
        Some((segs, former, i))
    };
    // Read an actor group at `i`: actor ((AND|,) [modifiers] actor)*.
    let actor_group = |mut i: usize| -> Option<(Vec<String>, usize, bool)> {
        let u = actor_at[i]?;
        let mut codes: Vec<String> = actor_units[u].2.clone();
        i = actor_units[u].1;
        let mut possessive = words[i - 1].possessive;
        loop {
            if possessive || i >= n || !is_connector(&words[i]) {
                break;
            }
            // A comma continues a list only when an "and"/"or" closes it
            // before any verb ("Arnor, Calenardhon and Gondor"; not "in Baku,
            // Azerbaijani Foreign Minister ... praised").
            if words[i].norm == "," {
                let closes = words[i + 1..]
                    .iter()
                    .take(14)
                    .take_while(|w| !matches!(w.class, Class::Verb(_)))
                    .any(|w| matches!(w.norm, "AND" | "OR" | "NOR"));
                if !closes {
                    break;
                }
            }
            let mut j = i + 1;
            if j < n && words[i].norm == "," && is_connector(&words[j]) && words[j].norm != "," {
                j += 1;
            }
            let mut skipped = 0;
            while j < n && actor_at[j].is_none() && agent_at[j].is_none() && skipped < 3 {
                let w = &words[j];
                let skippable = modifier(w)
                    || (w.class == Class::Other && !w.capitalized && w.norm.chars().all(|c| c.is_alphabetic()));
                if !skippable {
                    break;
                }
                j += 1;
                skipped += 1;
            }
            match j < n && actor_at[j].is_some() && (j == 0 || actor_at[j - 1] != actor_at[j]) {
                true => {
                    let mut u2 = actor_at[j].unwrap();
                    // "... and North Korea's Kim Jong Un": the person named
                    // after the possessive country.
                    let e2 = actor_units[u2].1;
                    if options.modifier_agents && words[e2 - 1].possessive && e2 < n {
                        if let Some(u3) = actor_at[e2].filter(|&u3| u3 != u2) {
                            u2 = u3;
                        }
                    }
                    for c in &actor_units[u2].2 {
                        if !codes.contains(c) {
                            codes.push(c.clone());
                        }
                    }
                    i = actor_units[u2].1;
                    possessive = words[i - 1].possessive;
                }
                false => break,
            }
        }
        Some((codes, i, possessive))
    };
    let mut assign: Vec<(usize, usize, u32)> = Vec::new();
    let mut i = 0;
    while i < n {
        let w = &words[i];
        if w.inactive {
            i += 1;
            continue;
        }
        // Pronouns are phrases to dereference.
        if let Class::Pronoun(p) = w.class {
            if p != Pronoun::Relative {
                let start = i;
                let mut end = i + 1;
                let possessive = p == Pronoun::Possessive || w.norm == "THEIR";
                let mut agents = Vec::new();
                if possessive {
                    // "its embassy" names no actor; "their government" does.
                    match agent_group(i + 1) {
                        Some((segs, _, e)) => {
                            end = e;
                            for &a in segs.first().map(|s| s.as_slice()).unwrap_or(&[]) {
                                let ag = &dict.agents[a as usize];
                                agents.push((ag.code.to_string(), ag.prefix));
                            }
                        }
                        None => {
                            i += 1;
                            continue;
                        }
                    }
                }
                phrases.push(Phrase {
                    start,
                    end,
                    codes: Vec::new(),
                    has_actor: false,
                    actor: None,
                    pronoun: Some(p),
                    pronoun_agents: agents,
                    place: false,
                });
                i = end;
                continue;
            }
        }
        let starts_here = actor_at[i].is_some() || agent_at[i].is_some() || (modifier(w) && i + 1 < n);
        if !starts_here {
            i += 1;
            continue;
        }
        let start = i;
        let mut former = false;
        let mut left: Option<Vec<Vec<u32>>> = None;
        let mut j = i;
        if let Some((segs, f, e)) = agent_group(i) {
            left = Some(segs);
            former = f;
            j = e;
        }
        // Skip modifiers before an actor.
        let mut k = j;
        while k < n && modifier(&words[k]) && actor_at[k].is_none() {
            if former_word(&words[k]) {
                former = true;
            }
            k += 1;
        }
        let mut actors: Option<Vec<String>> = None;
        let mut actor_start = k;
        let mut end = j;
        if k < n && actor_at[k].is_some() {
            if let Some((codes, e, _)) = actor_group(k) {
                actors = Some(codes);
                end = e;
            }
        } else if left.is_some()
            && k < n
            && words[k].class == Class::Preposition
            && matches!(words[k].norm, "OF" | "IN" | "FROM" | "AT")
        {
            // agent OF/IN/FROM [the] actor; with dyad's dictionaries also
            // "the mayor of the southern city of Melitopol".
            let mut m = k + 1;
            while m < n && modifier(&words[m]) {
                m += 1;
            }
            let settlement = |w: &Word| {
                matches!(
                    w.norm,
                    "CITY" | "TOWN" | "VILLAGE" | "PROVINCE" | "REGION" | "DISTRICT" | "PORT" | "STATE" | "COUNTY"
                )
            };
            if options.modifier_agents
                && m + 1 < n
                && actor_at[m].is_none()
                && (settlement(&words[m]) || m + 2 < n && settlement(&words[m + 1]) && words[m].lowercase)
            {
                let of = if settlement(&words[m]) { m + 1 } else { m + 2 };
                if words[of].norm == "OF" && of + 1 < n && actor_at[of + 1].is_some() {
                    m = of + 1;
                }
            }
            if m < n && actor_at[m].is_some() {
                if let Some((codes, e, _)) = actor_group(m) {
                    actors = Some(codes);
                    actor_start = m;
                    end = e;
                    // "a contingent of Kenyan police officers", "a delegation
                    // of U.S. lawmakers": the members' role, not the group's.
                    let members = options.modifier_agents
                        && words[k].norm == "OF"
                        && e < n
                        && agent_at[e].is_some()
                        && actor_at[e].is_none()
                        && !words[e - 1].possessive;
                    if members {
                        left = None;
                    }
                }
            }
        }
        let mut right: Option<Vec<Vec<u32>>> = None;
        if actors.is_some() && left.is_none() {
            // actor ['s] [former] agent; after a possessive, adjectives may
            // come first ("Ithilen's awful and evil minister").
            let mut m = end;
            if end > 0 && words[end - 1].possessive && dialect == Dialect::Petrarch {
                let mut skipped = 0;
                while m < n && skipped < 4 && agent_at[m].is_none() && actor_at[m].is_none() {
                    let w = &words[m];
                    let lower = !w.capitalized && w.class == Class::Other || w.class == Class::Adjective;
                    if !(lower || w.norm == "AND") {
                        break;
                    }
                    m += 1;
                    skipped += 1;
                }
                if m >= n || agent_at[m].is_none() {
                    m = end;
                }
            }
            if options.modifier_agents && m == end {
                // A model designation between the country and the role:
                // "U.S. B-2 bombers", "Russian Su-34 jets".
                let mut d = m;
                while d < n && d < m + 3 && designation(&words[d]) {
                    d += 1;
                }
                if d > m && d < n && agent_at[d].is_some() {
                    m = d;
                }
            }
            if let Some((segs, f, e)) = agent_group(m) {
                right = Some(segs);
                former |= f;
                end = e;
            }
        }
        // A name right after a title belongs to the phrase: "Bree President
        // Romendacil", "Gondor's Prime Minister Falastur".
        if (right.is_some() || (left.is_some() && actors.is_some()))
            && end < n
            && actor_at[end].is_some()
            && !words[end - 1].possessive
        {
            let u = actor_at[end].unwrap();
            end = actor_units[u].1;
        }
        if actors.is_none() && left.is_none() {
            i += 1;
            continue;
        }
        if actors.is_none() && options.modifier_agents {
            // "military exercises", "intelligence sharing": a role word that
            // modifies the next noun names no actor.
            let next = words.get(end);
            let modifies = next.is_some_and(|w| {
                matches!(w.class, Class::Other | Class::Noun)
                    && w.lowercase
                    && !w.capitalized
                    && w.norm.chars().all(|c| c.is_alphabetic())
            });
            // "the president's official residence": a possessive role is
            // an actor, whatever follows.
            let modifies = modifies && !words[end - 1].possessive;
            if modifies || (end > 0 && words[end - 1].norm == "INTELLIGENCE" && start + 1 == end) {
                i = end.max(i + 1);
                continue;
            }
        }
        if actors.is_none() {
            // An agent with no actor: PETRARCH codes it with an unknown
            // country (`---GOV`); TABARI only with CONVERT AGENTS.
            if dialect == Dialect::Tabari && !options.convert_agents {
                i = end.max(i + 1);
                continue;
            }
        }
        let agents = left.or(right).unwrap_or_default();
        // "a Moscow court", "protesters in Tehran", "police at a Moscow
        // airport": a capital that qualifies a role is the place, its
        // country, not the government.
        let capital = actor_at
            .get(actor_start)
            .copied()
            .flatten()
            .is_some_and(|u| dict.actors[units.ids[u] as usize].kind == dyad_dict::ActorKind::Capital);
        if options.modifier_agents && capital && !agents.is_empty() {
            if let Some(codes) = &mut actors {
                for c in codes.iter_mut() {
                    if c.len() == 6 && c.ends_with("GOV") {
                        c.truncate(3);
                    }
                }
            }
        }
        // TABARI's CONVERT AGENTS writes a lone agent as `~CODE`.
        let converted = actors.is_none() && dialect == Dialect::Tabari;
        let base: Vec<String> = actors
            .clone()
            .unwrap_or_else(|| vec![if converted { String::new() } else { "---".to_string() }]);
        let mut codes = Vec::new();
        for a in &base {
            if agents.is_empty() {
                codes.push(a.clone());
            }
            for seq in &agents {
                let mut code = a.clone();
                for &ag in seq {
                    let agent = &dict.agents[ag as usize];
                    let block = if former { "ELI" } else { &agent.code };
                    // "EU leaders", "UN officials", "African Union
                    // peacekeepers", "UN inspectors": the people of an
                    // intergovernmental organisation are the organisation.
                    if options.modifier_agents && block != "ELI" && code.starts_with("IGO") {
                        continue;
                    }
                    code = compose(&code, block, agent.prefix && !former);
                }
                if converted {
                    code = format!("~{code}");
                }
                if !codes.contains(&code) {
                    codes.push(code);
                }
            }
        }
        let end = end.max(start + 1);
        assign.push((start, end, phrases.len() as u32));
        phrases.push(Phrase {
            start,
            end,
            codes,
            has_actor: actors.is_some(),
            actor: None,
            pronoun_agents: Vec::new(),
            pronoun: None,
            place: false,
        });
        i = end;
    }
    for (start, end, idx) in assign {
        for w in &mut words[start..end] {
            if !matches!(w.class, Class::Verb(_) | Class::VerbCont) {
                w.class = Class::Phrase(idx);
            }
        }
    }
    phrases
}

/// A capital right after a locative preposition is a place ("arrived in
/// Moscow"), coded as its country: "Moscow said" is the government, "in
/// Moscow" is Russia ("condolences to Tehran" is the government; a visit's
/// destination is a place, see the coder). A building after `at`/`in` is a
/// venue.
fn mark_places(dict: &Dictionaries, words: &[Word], phrases: &mut [Phrase]) {
    for p in phrases.iter_mut() {
        // "on the sidelines of a G20 meeting": a gathering, not a party.
        let mut j = p.start;
        if j > 0 && matches!(words[j - 1].class, Class::Determiner) {
            j -= 1;
        }
        if j >= 2 && words[j - 1].norm == "OF" && words[j - 2].norm == "SIDELINES" {
            p.place = true;
            continue;
        }
        let Some(actor) = p.actor else { continue };
        let kind = dict.actors[actor as usize].kind;
        if kind == dyad_dict::ActorKind::Place && p.codes.len() == 1 {
            p.place = true;
            continue;
        }
        if kind == dyad_dict::ActorKind::Metonym && p.start > 0 && matches!(words[p.start - 1].norm, "AT" | "IN") {
            // "signed at the White House", "received at the Kremlin": a
            // venue; still the government when nothing else is the target.
            p.place = true;
            continue;
        }
        if kind != dyad_dict::ActorKind::Capital || p.start == 0 {
            continue;
        }
        let prev = words[p.start - 1].norm;
        if matches!(
            prev,
            "IN" | "AT" | "NEAR" | "FROM" | "INTO" | "OUTSIDE" | "INSIDE" | "ACROSS" | "AROUND"
        ) {
            p.place = true;
            for c in &mut p.codes {
                if c.len() > 3 && c.ends_with("GOV") {
                    c.truncate(c.len() - 3);
                }
            }
        }
    }
}

/// "Pakistan's Foreign Office": an institution named after a possessive
/// country belongs to that country (PAKGOV), whatever country the name alone
/// would mean (the Foreign Office alone is Britain's).
fn possessive_institutions(dict: &Dictionaries, words: &mut [Word], phrases: &mut Vec<Phrase>) {
    let mut i = 0;
    while i + 1 < phrases.len() {
        let (a, b) = (&phrases[i], &phrases[i + 1]);
        let adjacent = a.end == b.start && a.end > 0 && words[a.end - 1].possessive;
        let metonym = b
            .actor
            .is_some_and(|id| dict.actors[id as usize].kind == dyad_dict::ActorKind::Metonym);
        let country_owner = a
            .actor
            .is_some_and(|id| dict.actors[id as usize].kind == dyad_dict::ActorKind::Country)
            && a.codes.len() == 1
            && a.codes[0].len() == 3;
        if adjacent && metonym && country_owner && a.pronoun.is_none() {
            let owner = a.codes[0].clone();
            let b = remove_phrase(words, phrases, i + 1);
            let a = &mut phrases[i];
            a.codes = b
                .codes
                .iter()
                .map(|c| format!("{owner}{}", c.get(3..).unwrap_or("")))
                .collect();
            a.end = b.end;
            a.actor = b.actor;
        }
        i += 1;
    }
}

/// Remove phrase `idx`, which joins the phrase before it: its words, and
/// those of every later phrase, are renumbered so that `Class::Phrase` keeps
/// pointing at the right phrase.
fn remove_phrase(words: &mut [Word], phrases: &mut Vec<Phrase>, idx: usize) -> Phrase {
    let removed = idx as u32;
    for w in words.iter_mut() {
        if let Class::Phrase(p) = w.class {
            if p >= removed {
                w.class = Class::Phrase(p - 1);
            }
        }
    }
    phrases.remove(idx)
}

/// "the U.S. Capitol", "the Russian Duma": a country right before one of its
/// own institutions or people (a phrase whose every code is of that country
/// and says more) qualifies it; the two are one phrase, the institution.
fn country_before_institution(words: &mut [Word], phrases: &mut Vec<Phrase>) {
    let mut i = 0;
    while i + 1 < phrases.len() {
        let (a, b) = (&phrases[i], &phrases[i + 1]);
        let country = match a.codes.as_slice() {
            [c] if c.len() == 3 => c.clone(),
            _ => String::new(),
        };
        let qualifies = !country.is_empty()
            && a.end == b.start
            && !words[a.end - 1].possessive
            && named_actors(a, b)
            && !b.codes.is_empty()
            && b.codes.iter().all(|c| c.len() > 3 && c.starts_with(country.as_str()));
        if qualifies {
            let a = remove_phrase(words, phrases, i);
            for w in &mut words[a.start..a.end] {
                w.class = Class::Phrase(i as u32);
            }
            phrases[i].start = a.start;
            continue;
        }
        i += 1;
    }
}

/// Whether two phrases are both actors named outright: no pronoun, no
/// place.
fn named_actors(a: &Phrase, b: &Phrase) -> bool {
    [a, b].iter().all(|p| p.has_actor && p.pronoun.is_none() && !p.place)
}

/// Titled people joined by "and" in subject position are one compound
/// ("U.S. Secretary of State Antony Blinken and Russian Foreign Minister
/// Sergei Lavrov met"): merge two actor phrases separated only by "and" (and
/// determiners) when no verb comes before the first in the sentence. The
/// words of the merged phrases, and of every later phrase, are renumbered.
fn merge_compounds(words: &mut [Word], phrases: &mut Vec<Phrase>) {
    let mut i = 0;
    while i + 1 < phrases.len() {
        let (a, b) = (&phrases[i], &phrases[i + 1]);
        let between = &words[a.end..b.start];
        let joined = !between.is_empty()
            && between.iter().any(|w| w.norm == "AND")
            && between
                .iter()
                .all(|w| matches!(w.norm, "AND" | ",") || w.class == Class::Determiner);
        let subject = !words[..a.start].iter().any(|w| matches!(w.class, Class::Verb(_)));
        // After the verb: "thanked North Korean leader Kim Jong Un and North
        // Korean soldiers", unless the second starts a clause of its own.
        let object = !subject
            && !words[b.end..(b.end + 3).min(words.len())]
                .iter()
                .any(|w| matches!(w.class, Class::Verb(_) | Class::Auxiliary));
        if joined && (subject || object) && named_actors(a, b) {
            let b = remove_phrase(words, phrases, i + 1);
            let a = &mut phrases[i];
            for c in b.codes {
                if !a.codes.contains(&c) {
                    a.codes.push(c);
                }
            }
            a.end = b.end;
            continue;
        }
        i += 1;
    }
}

/// Remove comma-delimited nonrestrictive clauses by TABARI's length rules.
fn eliminate_commas(a: &mut Analysis, options: &dyad_dict::CodingOptions) {
    let commas: Vec<usize> = a
        .words
        .iter()
        .enumerate()
        .filter(|(_, w)| w.class == Class::Comma)
        .map(|(i, _)| i)
        .collect();
    if commas.is_empty() {
        return;
    }
    let n = a.words.len();
    let count = |s: usize, e: usize, words: &[Word]| words[s..e].iter().filter(|w| w.class != Class::Comma).count();
    let mut kill: Vec<(usize, usize)> = Vec::new();
    // Beginning: from start to the first comma.
    let first = commas[0];
    let c = count(0, first, &a.words);
    if options.comma_bmax > 0 && c > options.comma_bmin && c <= options.comma_bmax {
        kill.push((0, first + 1));
    }
    // TABARI chains the phrases: after an eliminated phrase, the next one is
    // measured from the start of the eliminated one.
    // dyad's own dictionaries: ", accusing it of ..." is a participial
    // clause with events of its own, not an aside (see `split_clauses`).
    let keep = |s: usize| {
        // ", but accused each other of ...": a coordinated clause.
        let coordinated = a.words[s].class == Class::Comma
            && a.words.get(s + 1).is_some_and(|w| matches!(w.norm, "AND" | "BUT"))
            && a.words.get(s + 2).is_some_and(|w| matches!(w.class, Class::Verb(_)));
        options.modifier_agents
            && (coordinated
                || participle_after(&a.words, s)
                || a.words[s].class == Class::Comma
                    && subordinator_after(&a.words, s + 1).is_some_and(|j| subordinate_subject(a, j + 1)))
    };
    let mut seg_start = first;
    for &c in &commas[1..] {
        let words = count(seg_start + 1, c, &a.words);
        if options.comma_max > 0 && words > options.comma_min && words <= options.comma_max && !keep(seg_start) {
            kill.push((seg_start, c));
        } else {
            seg_start = c;
        }
    }
    let c = count(seg_start + 1, n, &a.words);
    if options.comma_emax > 0 && c > options.comma_emin && c <= options.comma_emax && !keep(seg_start) {
        kill.push((seg_start, n));
    }
    for (s, e) in kill {
        // Commas inside a compound actor phrase are not clause boundaries.
        let inside_phrase = a
            .phrases
            .iter()
            .any(|p| p.start < s && s < p.end || p.start < e && e < p.end);
        if inside_phrase {
            continue;
        }
        // "Michael Kovrig and Michael Spavor, the two Canadians detained in
        // China, were released": an apposition that names the actor of a
        // subject that names none stays; the rest of the aside goes.
        let bare_subject = options.modifier_agents
            && s > 0
            && !a.phrases.iter().any(|p| p.end <= s && p.has_actor)
            && a.words[..s]
                .iter()
                .all(|w| !matches!(w.class, Class::Verb(_) | Class::Comma));
        let apposition = a
            .phrases
            .iter()
            .find(|p| {
                p.has_actor
                    && p.start > s
                    && p.start <= s + 4
                    && p.end < e
                    && a.words[s + 1..p.start]
                        .iter()
                        .all(|w| !matches!(w.class, Class::Verb(_) | Class::Comma))
            })
            .map(|p| (p.start, p.end))
            .filter(|_| bare_subject && e < n);
        for (i, w) in a.words[s..e].iter_mut().enumerate() {
            if apposition.is_none_or(|(ps, pe)| s + i < ps || s + i >= pe) {
                w.inactive = true;
            }
        }
    }
}

/// "Should Russia attack a NATO member, ...", "Were Iran to close the
/// strait, ...": an inverted conditional, up to its comma, is a hypothesis
/// and codes nothing.
fn inverted_conditional(a: &mut Analysis) {
    let opens = a
        .words
        .first()
        .is_some_and(|w| matches!(w.norm, "SHOULD" | "WERE" | "HAD"))
        && a.words.get(1).is_some_and(|w| matches!(w.class, Class::Phrase(_)));
    if !opens {
        return;
    }
    if let Some(c) = a.words.iter().position(|w| w.class == Class::Comma) {
        for w in &mut a.words[..c] {
            w.inactive = true;
        }
    }
}

/// A comma followed by a present participle that opens a clause of its own
/// (", accusing it of ...", ", prompting the president to ...").
fn participle_after(words: &[Word], comma: usize) -> bool {
    words[comma].class == Class::Comma
        && words.get(comma + 1).is_some_and(|w| {
            matches!(w.class, Class::Verb(_))
                && w.norm.ends_with("ING")
                && !matches!(
                    w.norm,
                    "INCLUDING" | "FOLLOWING" | "ACCORDING" | "REGARDING" | "CONCERNING"
                    // The toll or the outcome of what the clause before
                    // reports ("..., killing 11 people"), not another event.
                    | "KILLING" | "WOUNDING" | "INJURING" | "LEAVING" | "CAUSING" | "PROMPTING" | "ENDING"
                        | "TRIGGERING" | "SPARKING" | "BRINGING" | "MAKING"
                )
        })
}

/// The subordinator at `i`, or after a measure of time ("days after",
/// "two weeks after", "shortly after", "hours before").
fn subordinator_after(words: &[Word], i: usize) -> Option<usize> {
    let mut j = i;
    while j < words.len() && j < i + 5 {
        let w = &words[j];
        if subordinator(w.norm) {
            return Some(j);
        }
        let time = w.class == Class::Number
            || matches!(
                w.norm,
                "A" | "AN"
                    | "ONE"
                    | "TWO"
                    | "THREE"
                    | "FEW"
                    | "SEVERAL"
                    | "JUST"
                    | "ONLY"
                    | "SHORTLY"
                    | "SOON"
                    | "DAY"
                    | "DAYS"
                    | "HOUR"
                    | "HOURS"
                    | "WEEK"
                    | "WEEKS"
                    | "MONTH"
                    | "MONTHS"
                    | "YEAR"
                    | "YEARS"
                    | "MINUTES"
                    | "MOMENTS"
                    | "LESS"
                    | "MORE"
                    | "THAN"
            );
        if !time {
            return None;
        }
        j += 1;
    }
    None
}

/// Words that open an adverbial clause of something that happened ("after
/// Minsk freed 52 prisoners", "as Xi held talks with Putin"); "before" and
/// "until" speak of what has not.
fn subordinator(norm: &str) -> bool {
    matches!(
        norm,
        "AFTER" | "AS" | "WHEN" | "WHILE" | "SINCE" | "BECAUSE" | "WHERE" | "WHEREAS"
    )
}

/// Split into clauses at conjunctions that start a new clause: a
/// conjunction followed by a verb, or by an actor or pronoun and then a verb.
/// With dyad's own dictionaries (`news`) also at a subordinator followed by a
/// subject and its verb, and at a comma followed by a participle.
fn split_clauses(a: &mut Analysis, news: bool) {
    let n = a.words.len();
    let mut start = 0;
    let mut seen_verb = false;
    for i in 0..n {
        let w = &a.words[i];
        if w.inactive {
            continue;
        }
        if matches!(w.class, Class::Verb(_)) {
            seen_verb = true;
        }
        // ", demanding the removal of ...", ", chanting ...": the purpose of
        // the act before it stays in its clause, for its patterns.
        let purpose = a
            .words
            .get(i + 1)
            .is_some_and(|w| matches!(w.norm, "DEMANDING" | "CALLING" | "CHANTING" | "URGING" | "PRESSING"));
        if news && seen_verb && participle_after(&a.words, i) && !purpose {
            a.clauses.push((start, i));
            start = i + 1;
            seen_verb = false;
            continue;
        }
        // "a prisoner swap in which the United States released five
        // Iranians": a relative clause with its own subject.
        let in_which = w.norm == "WHICH" && i > 0 && a.words[i - 1].class == Class::Preposition;
        if news && seen_verb && (subordinator(w.norm) || in_which) && subordinate_subject(a, i + 1) {
            a.clauses.push((start, i));
            start = i + 1;
            seen_verb = false;
            continue;
        }
        if w.class != Class::Conjunction || !seen_verb {
            continue;
        }
        // What follows the conjunction?
        let mut j = i + 1;
        while j < n
            && (a.words[j].inactive || matches!(a.words[j].norm, "ALSO" | "THEN" | "LATER" | "HAS" | "HAVE" | "WILL"))
        {
            j += 1;
        }
        let verb_next = j < n && matches!(a.words[j].class, Class::Verb(_));
        // "were abducted and killed by militants": participles sharing the
        // auxiliary and the agent are one clause.
        let shared_auxiliary = verb_next
            && a.words[j].norm.ends_with("ED")
            && (start..i)
                .rev()
                .find(|&k| matches!(a.words[k].class, Class::Verb(_)))
                .is_some_and(|v| v > 0 && a.words[v - 1].class == Class::Auxiliary && a.words[v].norm.ends_with("ED"));
        let verb_next = verb_next && !shared_auxiliary;
        let subject_next = j < n && matches!(a.words[j].class, Class::Phrase(_) | Class::Pronoun(_));
        let verb_soon = subject_next && (j + 1..(j + 6).min(n)).any(|k| matches!(a.words[k].class, Class::Verb(_)));
        if verb_next || verb_soon {
            a.clauses.push((start, i));
            start = i + 1;
            seen_verb = false;
        }
    }
    a.clauses.push((start, n));
}

/// An actor phrase or a subject pronoun at `j`, followed (after at most two
/// auxiliaries or adverbs) by a verb: the subject of an adverbial clause.
fn subordinate_subject(a: &Analysis, j: usize) -> bool {
    let n = a.words.len();
    let end = match a.words.get(j).map(|w| w.class) {
        Some(Class::Phrase(p)) => match a.phrases.get(p as usize) {
            Some(phrase) => phrase.end,
            None => return false,
        },
        Some(Class::Pronoun(Pronoun::Subject | Pronoun::Plural)) => j + 1,
        _ => return false,
    };
    let mut k = end;
    while k < n
        && k < end + 2
        && (a.words[k].class == Class::Auxiliary
            || a.words[k].norm.ends_with("LY")
            || matches!(a.words[k].norm, "HAS" | "HAD" | "HAVE" | "ALSO"))
    {
        k += 1;
    }
    k < n && matches!(a.words[k].class, Class::Verb(_))
}

/// A comma followed by a short closing clause with its own verb (", the
/// official news agency said on Thursday.") starts a clause of its own.
///
/// With dyad's own dictionaries (`news`) a tail that does not open with its
/// speaker (", against Israel if it did not halt ...", ", demanding his
/// resignation", ", was claimed by ...") continues the clause before it.
fn split_trailing_attribution(a: &mut Analysis, news: bool) {
    let n = a.words.len();
    let Some(&(start, end)) = a.clauses.last() else { return };
    if end != n {
        return;
    }
    let comma = (start..end)
        .rev()
        .find(|&i| a.words[i].class == Class::Comma && !a.words[i].inactive);
    let Some(c) = comma else { return };
    let tail: Vec<usize> = (c + 1..n).filter(|&i| !a.words[i].inactive).collect();
    if tail.is_empty() || tail.len() > 12 {
        return;
    }
    // An attribution opens with its speaker (", officials said", ", the
    // agency reported", ", he said").
    let first = &a.words[tail[0]];
    let speaker = matches!(
        first.class,
        Class::Phrase(_) | Class::Determiner | Class::Pronoun(_) | Class::Number
    ) || first.class == Class::Other && first.capitalized;
    if news && !speaker {
        return;
    }
    let has_verb = tail.iter().any(|&i| matches!(a.words[i].class, Class::Verb(_)));
    let has_subject = tail.iter().any(|&i| matches!(a.words[i].class, Class::Phrase(_)));
    let verb_in_head = (start..c).any(|i| !a.words[i].inactive && matches!(a.words[i].class, Class::Verb(_)));
    if has_verb && has_subject && verb_in_head {
        a.clauses.pop();
        a.clauses.push((start, c));
        a.clauses.push((c + 1, n));
    }
}
