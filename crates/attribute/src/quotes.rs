//! Finding quotations in a segmented document: quotation-mark parts, their
//! grouping into quotations (split quotes, paragraph continuations), the
//! reporting cue and the noun phrase of the source next to each, and
//! reported (indirect) speech.
//!
//! Everything works on the segmenter's tokens (byte spans and normalized
//! forms); nothing is copied until records are built.

use dyad_doc::Span;
use dyad_segment::{flags, Kind, QuoteSide, Segmented, Token};

use crate::lexicon::{CueClass, Lexicon};

/// One stretch of quoted words between two marks (or between an opening
/// mark and the end of its paragraph).
#[derive(Clone, Debug)]
pub(crate) struct Part {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark, `None` when the paragraph ended first.
    pub close: Option<usize>,
    /// The quoted words, without marks and surrounding space.
    pub span: Span,
    pub paragraph: u32,
    /// The part continues the previous paragraph's unclosed quotation.
    pub continued: bool,
}

/// A reporting cue found in the tokens: `start..end` token indices.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CueHit {
    pub start: usize,
    pub end: usize,
    /// The first token of the lexicon's entry, its verb: `start` moves
    /// left when the cue is widened (`has also said`).
    pub head: usize,
    pub class: CueClass,
    pub needs_clause: bool,
}

impl CueHit {
    /// A cue that is the one token `i` and no entry of the lexicon: the
    /// colon of `Name: ...`, the `in` of a poll, the dash of a credit.
    fn token(i: usize, class: CueClass) -> CueHit {
        CueHit {
            start: i,
            end: i + 1,
            head: i,
            class,
            needs_clause: false,
        }
    }
}

/// Who and to whom, as token ranges around a cue.
#[derive(Clone, Debug, Default)]
pub(crate) struct Frame {
    pub cue: Option<CueHit>,
    /// Token range of the source noun phrase.
    pub source: Option<(usize, usize)>,
    pub addressee: Option<(usize, usize)>,
}

/// A direct quotation: its parts and the frame that attributes it.
#[derive(Clone, Debug)]
pub(crate) struct Direct {
    pub parts: Vec<Part>,
    pub frame: Frame,
}

/// A reported (indirect) quotation.
#[derive(Clone, Debug)]
pub(crate) struct Indirect {
    pub sentence: usize,
    /// `..., saying ...`: the source, when `None`, is the clause's subject.
    pub participial: bool,
    pub content: Span,
    pub frame: Frame,
}

/// Read-only view of the document for the finders.
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub seg: &'a Segmented,
    pub lex: &'a Lexicon,
    /// Sentence index of each token (the previous sentence for tokens
    /// between sentences).
    pub sentence_of: Vec<u32>,
    /// Tokens inside quotation parts (marks included).
    pub quoted: Vec<bool>,
}

/// Words of a discourse aside between a name and its cue (`Murphy,
/// though, said`; `Clinton, for her part, said`).
const DISCOURSE_ASIDE: &[&str] = &[
    "THOUGH",
    "HOWEVER",
    "TOO",
    "MEANWHILE",
    "ALSO",
    "INSTEAD",
    "NOW",
    "INDEED",
    "MOREOVER",
    "FOR",
    "HIS",
    "HER",
    "ITS",
    "THEIR",
    "PART",
    "IN",
    "TURN",
    "RESPONSE",
    "CONTRAST",
    "BY",
    "THE",
    "MEANTIME",
    "LIKEWISE",
    "SIMILARLY",
    "STILL",
    "YET",
    "THEN",
    "TODAY",
];

/// Words that end a backward scan for the source noun phrase.
const CLAUSE_WORDS: &[&str] = &[
    "THAT", "WHICH", "WHO", "WHOM", "WHOSE", "AND", "BUT", "OR", "BECAUSE", "WHILE", "WHEN", "AS", "IF", "SO",
    "THOUGH", "ALTHOUGH", "WHERE", "AFTER", "BEFORE", "SINCE", "UNTIL", "THAN", "NOR", "YET", "WHETHER",
];

/// Auxiliaries and adverbs that belong to the cue when right before it
/// (`has also said`, `later told`).
const CUE_MODIFIERS: &[&str] = &[
    "LONG",
    "ALWAYS",
    "EVEN",
    "CONSISTENTLY",
    "REGULARLY",
    "ROUTINELY",
    "SEPARATELY",
    "DIRECTLY",
    "APPARENTLY",
    "FALSELY",
    "WRONGLY",
    "ACTUALLY",
    "INCREASINGLY",
    "CONSTANTLY",
    "SPECIFICALLY",
    "TYPICALLY",
    "HAS",
    "HAVE",
    "HAD",
    "ALSO",
    "LATER",
    "PREVIOUSLY",
    "REPEATEDLY",
    "THEN",
    "AGAIN",
    "WILL",
    "WOULD",
    "COULD",
    "MAY",
    "MIGHT",
    "RECENTLY",
    "ONCE",
    "OFTEN",
    "ALREADY",
    "SINCE",
    "REPORTEDLY",
    "EARLIER",
    "FURTHER",
    "PUBLICLY",
    "SHOULD",
    "CAN",
    "MUST",
    "DID",
    "DOES",
    "DO",
    "NOT",
    "NEVER",
    "JUST",
    "FLATLY",
    "STRONGLY",
    "CLEARLY",
    "NOW",
    "STILL",
    "INITIALLY",
    "FIRST",
    "FINALLY",
    "QUICKLY",
    "SUBSEQUENTLY",
    "EFFECTIVELY",
    "FORMALLY",
    "GENERALLY",
    "IMMEDIATELY",
    "FIRMLY",
    "PRIVATELY",
    "OPENLY",
    "SIMILARLY",
    "EXPLICITLY",
    "ANGRILY",
    "BLUNTLY",
    "BRIEFLY",
    "CALMLY",
    "CAUTIOUSLY",
    "EMPHATICALLY",
    "FREQUENTLY",
    "HAPPILY",
    "HONESTLY",
    "JOKINGLY",
    "LARGELY",
    "LIKEWISE",
    "NOTABLY",
    "OFFICIALLY",
    "PERSONALLY",
    "POINTEDLY",
    "QUIETLY",
    "REPORTEDLY",
    "SHARPLY",
    "SIMPLY",
    "SOFTLY",
    "UNEQUIVOCALLY",
    "USUALLY",
    "WIDELY",
];

/// Forms of `be` that belong to a participle cue (`is calling for`, `was
/// asked`, `he's saying`).
const BE_FORMS: &[&str] = &["IS", "ARE", "WAS", "WERE", "BEEN", "BE"];

/// Adverbs and conjunctions that may open a clause before its subject.
const LEADING_ADVERBS: &[&str] = &[
    "THEN",
    "BUT",
    "AND",
    "SO",
    "STILL",
    "YET",
    "ALSO",
    "INSTEAD",
    "MEANWHILE",
    "LIKEWISE",
    "HOWEVER",
    "THEREFORE",
    "EARLIER",
    "LATER",
    "NOW",
    "MEANTIME",
    "OR",
    "PLUS",
    "SIMILARLY",
];

/// Rubrics that open a headline with a colon without naming a speaker.
const RUBRICS: &[&str] = &[
    "LATEST",
    "UPDATE",
    "BREAKING",
    "WATCH",
    "EXCLUSIVE",
    "ANALYSIS",
    "OPINION",
    "EDITORIAL",
    "VIDEO",
    "PHOTOS",
    "LIVE",
    "TIMELINE",
    "EXPLAINER",
    "NOTE",
    "CORRECTION",
    "CORRECTIONS",
    "CLARIFICATION",
    "QUESTION",
    "ANSWER",
    "NAME",
    "REMEMBER",
    "LOOK",
    "WOW",
    "BOOM",
    "BOMBSHELL",
    "REVEALED",
    "BUSTED",
    "LEAKED",
    "CONFIRMED",
    "SHOCKING",
    "EMAIL",
];

/// Words that end an addressee or an inverted source (`told reporters ON
/// Monday`), with [`DAY_WORDS`].
const PHRASE_END_WORDS: &[&str] = &[
    "ON", "IN", "AT", "DURING", "AFTER", "BEFORE", "ABOUT", "WHEN", "THAT", "AS", "WHILE", "OVER", "AND", "BUT", "WHO",
    "WHICH", "TO", "IF", "BECAUSE", "HE", "SHE", "THEY", "WE", "I", "IT", "YOU", "THERE", "WHETHER", "WHY",
];

const MAX_NP: usize = 16;

/// Words a speaker's noun phrase never opens with: prepositions and
/// subordinators beyond [`PREPOSITIONS`], verb forms, adverbs.
const NOT_SOURCE_OPENERS: &[&str] = &[
    "OF",
    "INSTEAD",
    "AMID",
    "WITHOUT",
    "INCLUDING",
    "GIVEN",
    "LIKE",
    "THROUGHOUT",
    "UNLESS",
    "HOW",
    "WHY",
    "THERE",
    "SAID",
    "SAYS",
    "SAYING",
    "HAVING",
    "ASKED",
    "SPOKE",
    "BEGAN",
    "MADE",
    "SHOWED",
    "CONTRIBUTING",
    "NEVER",
    "ALSO",
    "IMMEDIATELY",
    "HERE",
    "THAT\u{2019}S",
    "THAT'S",
    "HERE\u{2019}S",
    "HERE'S",
    "AMONG",
    "DESPITE",
    "ONLY",
    "PLUS",
    "TWEETED",
    "ALTHOUGH",
];

/// Determiners and possessive pronouns: a cue word after one is a noun.
const DETERMINERS: &[&str] = &[
    "THE", "A", "AN", "THIS", "THESE", "THOSE", "HIS", "HER", "ITS", "THEIR", "OUR", "MY", "YOUR",
];

/// Quantifiers: before a noun-like cue they make it a noun (`some
/// states`); before a verb they are its subject (`Some said`).
const QUANTIFIERS: &[&str] = &["EVERY", "EACH", "NO", "ANY", "SOME", "SUCH"];

/// Personal pronouns that stand as a subject (`it` and `you` are objects
/// too, so each place that takes them says so).
const SUBJECT_PRONOUNS: &[&str] = &["HE", "SHE", "THEY", "WE", "I"];

/// Auxiliary and copular verbs: a backward scan that holds one is a
/// clause, not a subject.
const FINITE_WORDS: &[&str] = &[
    "IS", "ARE", "WAS", "WERE", "BE", "BEEN", "BEING", "HAS", "HAVE", "HAD", "WILL", "WOULD", "CAN", "COULD", "SHALL",
    "SHOULD", "MAY", "MIGHT", "MUST", "DO", "DOES", "DID",
];

/// Lower-case words of office and standing between the capitalized words
/// of a name (`Republican presidential candidate Donald Trump`).
const ROLE_WORDS: &[&str] = &[
    "PRESIDENTIAL",
    "NOMINEE",
    "CANDIDATE",
    "FRONT-RUNNER",
    "HOPEFUL",
    "RIVAL",
    "SENATOR",
    "GOVERNOR",
    "CHAIRMAN",
    "CHAIRWOMAN",
    "LEADER",
    "SPOKESMAN",
    "SPOKESWOMAN",
    "STRATEGIST",
    "POLLSTER",
    "ADVISER",
    "OFFICIAL",
    "MINISTER",
    "PRESIDENT",
    "LAWMAKER",
    "CONGRESSMAN",
    "CONGRESSWOMAN",
    "AMBASSADOR",
    "ENVOY",
    "COMMANDER",
    "ACTIVIST",
];

/// Common verbs whose past tense does not end in `-ed`: where a subject
/// ends (`The senator spoke on Monday, saying ...`).
const IRREGULAR_PAST: &[&str] = &[
    "BECAME",
    "BEGAN",
    "BROKE",
    "BROUGHT",
    "CAME",
    "CHOSE",
    "CUT",
    "DREW",
    "FELL",
    "FELT",
    "FOUGHT",
    "FOUND",
    "GAVE",
    "GOT",
    "HELD",
    "HIT",
    "KEPT",
    "KNEW",
    "LED",
    "LEFT",
    "LOST",
    "MADE",
    "MEANT",
    "MET",
    "PAID",
    "PUT",
    "RAN",
    "ROSE",
    "SAID",
    "SAT",
    "SAW",
    "SENT",
    "SET",
    "SOUGHT",
    "SPOKE",
    "STOOD",
    "STRUCK",
    "TOLD",
    "TOOK",
    "THOUGHT",
    "THREW",
    "WENT",
    "WON",
    "WROTE",
    "SPENT",
    "BUILT",
    "BOUGHT",
    "CAUGHT",
    "GREW",
    "HEARD",
    "SOLD",
    "UNDERSTOOD",
    "FLED",
    "DROVE",
    "FLEW",
    "BLEW",
    "HUNG",
    "SWORE",
    "LET",
];

const PREPOSITIONS: &[&str] = &[
    "ON", "IN", "AT", "TO", "FROM", "WITH", "ABOUT", "FOR", "BY", "AFTER", "BEFORE", "DURING", "INTO", "OVER", "UNDER",
    "THROUGH",
];

/// Whether a cue word is a past participle (`rejected`, `shown`, `told`).
fn is_participle(head: &str) -> bool {
    head.ends_with("ED") || head.ends_with("EN") || matches!(head, "TOLD" | "SAID" | "THOUGHT" | "FOUND" | "HEARD")
}

/// Words before a `that` that does not open a reported clause: purpose,
/// time and degree (`so that`, `now that`, `such that`), conjunctions.
const NOT_COMPLEMENT_TAKERS: &[&str] = &[
    "SO", "SUCH", "NOW", "GIVEN", "EXCEPT", "PROVIDED", "AND", "OR", "BUT", "IN", "AT", "OF", "WITH", "FROM", "THAN",
    "LIKE", "ALL", "THAT", "THIS", "IT", "ORDER", "AFTER", "BEFORE", "SINCE", "BECAUSE", "WHILE", "ONLY",
];

/// Days and their deictic words (`on Monday`, `last week`, `this year`).
const DAY_WORDS: &[&str] = &[
    "MONDAY",
    "TUESDAY",
    "WEDNESDAY",
    "THURSDAY",
    "FRIDAY",
    "SATURDAY",
    "SUNDAY",
    "TODAY",
    "YESTERDAY",
    "TONIGHT",
    "LAST",
    "THIS",
];

/// Whether a word opens an adverbial phrase before a clause (`In Salem,
/// ...`, `Early in his campaign, ...`, `When asked, ...`).
fn opens_adjunct(w: &str) -> bool {
    PREPOSITIONS.contains(&w) || is_time_word(w) || matches!(w, "EARLY" | "LATE" | "WHEN" | "AS" | "WHILE")
}

/// Whether a word opens a time adjunct after a cue (`said Wednesday
/// morning`, `said later`).
fn is_time_word(w: &str) -> bool {
    DAY_WORDS.contains(&w) || matches!(w, "EARLIER" | "LATER" | "RECENTLY" | "ONCE" | "AGAIN")
}

/// Whether a verb takes the cue's infinitive as its own act (`continued
/// to assure`, `had to reject`, `went on to say`), unlike a purpose
/// (`spoke anonymously to discuss`).
fn governs_infinitive(w: &str) -> bool {
    matches!(
        w,
        "CONTINUED"
            | "CONTINUES"
            | "BEGAN"
            | "BEGINS"
            | "STARTED"
            | "STARTS"
            | "TRIED"
            | "TRIES"
            | "SOUGHT"
            | "SEEKS"
            | "USED"
            | "HAD"
            | "HAS"
            | "HAVE"
            | "NEEDED"
            | "NEEDS"
            | "ATTEMPTED"
            | "MOVED"
            | "ON"
    )
}

/// Whether a word may be a verb of the present in `-s` (`says`, `urges`),
/// not a noun in `-ss`, `-is`, `-us` or `-ws` (`press`, `analysis`,
/// `status`, `news`).
fn is_present_verb(w: &str) -> bool {
    w.ends_with('S') && !["SS", "IS", "US", "WS"].iter().any(|e| w.ends_with(e))
}

/// Whether a word (upper case) is an adverb of manner in -ly, not a noun
/// or adjective with that ending (`family`, `likely`).
fn is_manner_adverb(w: &str) -> bool {
    w.len() >= 6
        && w.ends_with("LY")
        && !matches!(
            w,
            "LIKELY"
                | "UNLIKELY"
                | "FAMILY"
                | "SUPPLY"
                | "WEEKLY"
                | "MONTHLY"
                | "YEARLY"
                | "QUARTERLY"
                | "HOURLY"
                | "NIGHTLY"
                | "COSTLY"
                | "DEADLY"
                | "LONELY"
                | "ELDERLY"
                | "FRIENDLY"
                | "ASSEMBLY"
                | "ANOMALY"
                | "MONOPOLY"
                | "ORDERLY"
                | "LIVELY"
                | "LOVELY"
                | "COMELY"
                | "HOMELY"
                | "SICKLY"
                | "CURLY"
        )
}

/// Counted units of time (`eight years ago`, `hours of questioning`).
const TIME_UNITS: &[&str] = &["MINUTES", "HOURS", "DAYS", "WEEKS", "MONTHS", "YEARS", "DECADES"];

/// Whether a word names a stretch of time (`this week`, `last fall`).
fn is_time_noun(w: &str) -> bool {
    DAY_WORDS.contains(&w)
        || matches!(
            w,
            "WEEK"
                | "WEEKEND"
                | "MONTH"
                | "YEAR"
                | "MORNING"
                | "AFTERNOON"
                | "EVENING"
                | "NIGHT"
                | "SPRING"
                | "SUMMER"
                | "FALL"
                | "WINTER"
                | "TIME"
                | "SEASON"
                | "CYCLE"
        )
}

/// Nouns that take a `that` clause of what someone holds or says (`the
/// notion that`, `evidence that`), unlike nouns a relative `that` follows.
const COMPLEMENT_NOUNS: &[&str] = &[
    "IDEA",
    "NOTION",
    "EVIDENCE",
    "BELIEF",
    "BELIEFS",
    "CONCERN",
    "CONCERNS",
    "SENSE",
    "HOPE",
    "HOPES",
    "CLAIM",
    "CLAIMS",
    "ARGUMENT",
    "ASSUMPTION",
    "MESSAGE",
    "REMINDER",
    "SIGN",
    "SIGNS",
    "SIGNAL",
    "SUGGESTION",
    "RUMOR",
    "RUMORS",
    "RUMOUR",
    "RUMOURS",
    "NEWS",
    "WORD",
    "ASSURANCE",
    "ASSURANCES",
    "INDICATION",
    "IMPRESSION",
    "PERCEPTION",
    "EXPECTATION",
    "EXPECTATIONS",
    "REALIZATION",
    "RECOGNITION",
    "UNDERSTANDING",
    "VIEW",
    "FEELING",
    "THEORY",
    "CHARGE",
    "CHARGES",
    "ALLEGATION",
    "ALLEGATIONS",
    "ACCUSATION",
    "ACCUSATIONS",
    "ASSERTION",
    "INSISTENCE",
    "CONCLUSION",
    "CONFIDENCE",
    "CONVICTION",
    "FEAR",
    "FEARS",
    "WORRY",
    "WORRIES",
    "PROMISE",
    "PROMISES",
    "WARNING",
    "WARNINGS",
    "POINT",
    "CASE",
    "PROOF",
    "NARRATIVE",
    "REALITY",
    "THOUGHT",
    "NOTE",
    "STATEMENT",
    "REPORT",
    "REPORTS",
    "REPORTING",
    "ANNOUNCEMENT",
    "DECISION",
    "POSITION",
    "STANCE",
    "INSINUATION",
    "IMPLICATION",
    "PREMISE",
    "PERCEPTIONS",
    "DOUBT",
    "DOUBTS",
    "SUSPICION",
    "SUSPICIONS",
    "OPTIMISM",
    "PESSIMISM",
    "BET",
    "GUESS",
    "ADMISSION",
    "DENIAL",
    "REMINDERS",
    "ESTIMATE",
    "ESTIMATES",
    "PREDICTION",
    "PREDICTIONS",
    "ASSESSMENT",
    "FINDING",
    "FINDINGS",
    "LESSON",
    "MYTH",
    "CONSENSUS",
    "AWARENESS",
    "KNOWLEDGE",
    "CERTAINTY",
    "LIKELIHOOD",
    "CHANCE",
    "CHANCES",
    "RISK",
    "DANGER",
    "FRUSTRATION",
    "ANGER",
    "OUTRAGE",
    "SATISFACTION",
    "PRIDE",
    "ASSERTIONS",
    "CONTENTION",
];

/// Verbs of saying that the press puts before their speaker (`..., said
/// the minister.`, `..., added Smith`); others (`decries`, `praised`) keep
/// the subject first, so a noun phrase after them is their object.
const INVERTING: &[&str] = &[
    "SAID",
    "SAYS",
    "ADDED",
    "ADDS",
    "ASKED",
    "ASKS",
    "WROTE",
    "WRITES",
    "NOTED",
    "NOTES",
    "EXPLAINED",
    "EXPLAINS",
    "CONTINUED",
    "CONTINUES",
    "RECALLED",
    "RECALLS",
    "DECLARED",
    "ANSWERED",
    "REPLIED",
    "REPLIES",
    "RESPONDED",
    "INSISTED",
    "INSISTS",
    "ARGUED",
    "ARGUES",
    "ADMITTED",
    "CONCEDED",
    "WARNED",
    "WARNS",
    "SUGGESTED",
    "OBSERVED",
    "TWEETED",
    "ACKNOWLEDGED",
    "CONCLUDED",
    "REMARKED",
    "QUIPPED",
    "JOKED",
    "MUSED",
    "CONFIRMED",
    "STRESSED",
    "EMPHASIZED",
    "CLAIMED",
    "PREDICTED",
    "REPORTED",
    "SHOUTED",
    "YELLED",
    "COMPLAINED",
    "ADVISED",
    "CAUTIONED",
    "COUNTERED",
    "OFFERED",
    "POINTED",
    "PROTESTED",
    "RECOUNTED",
    "STATED",
    "STATES",
    "TESTIFIED",
    "UNDERSCORED",
    "WONDERED",
    "CHIMED",
    "DEADPANNED",
    "GUSHED",
    "LAMENTED",
    "PLEADED",
    "PROMISED",
    "PROCLAIMED",
    "RETORTED",
    "SCOFFED",
    "SIGHED",
    "SNAPPED",
    "VOWED",
    "WHISPERED",
    "ANNOUNCED",
    "AGREED",
    "BOASTED",
    "CRIED",
    "EXCLAIMED",
    "OBJECTED",
    "REITERATED",
    "REMINDED",
    "SPECULATED",
    "THUNDERED",
];

/// `called`: naming as often as judging (`a program called X`).
fn is_naming(head: &str) -> bool {
    matches!(head, "CALLED" | "CALLS" | "CALL")
}

/// Number words: a cue word after one is a plural noun (`eight states`).
const NUMBER_WORDS: &[&str] = &[
    "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "TEN", "DOZEN", "HUNDRED", "THOUSAND",
    "MILLION", "SEVERAL", "MANY", "FEW", "OTHER", "BOTH", "ALL", "MORE", "MOST",
];

/// Words that open a clause after a cue that is also a noun.
const CLAUSE_OPENERS: &[&str] = &[
    "THAT", "HE", "SHE", "IT", "THEY", "WE", "I", "YOU", "THERE", "THIS", "THESE", "THE", "A", "AN", "HIS", "HER",
    "THEIR", "ITS", "OUR", "NO", "NOT", "ONLY", "WHAT", "HOW", "WHY", "WHETHER", "MOST", "MANY", "SOME", "ALL", "MORE",
    "FEWER", "LESS", "NEARLY", "ALMOST", "HALF", "FEW", "EVERY", "EACH", "BOTH",
];

/// Nouns that make an opening `In ...,` phrase a source (`In a CNN poll`).
const SOURCE_NOUNS: &[&str] = &[
    "POLL",
    "POLLS",
    "SURVEY",
    "SURVEYS",
    "STUDY",
    "STUDIES",
    "REPORT",
    "REPORTS",
    "WORDS",
    "VIEW",
    "OPINION",
    "ANALYSIS",
    "RULING",
    "FILING",
    "LAWSUIT",
    "ESTIMATE",
    "ESTIMATES",
    "FORECAST",
    "PROJECTIONS",
    "TALLY",
    "COUNT",
    "DATA",
    "FIGURES",
    "STATISTICS",
];

/// Nouns of a poll that a clause can be reported `in`.
const POLL_NOUNS: &[&str] = &["POLL", "POLLS", "SURVEY", "SURVEYS", "POLLING"];

/// Words that open the question after `Asked`.
const QUESTION_WORDS: &[&str] = &[
    "WHETHER", "IF", "ABOUT", "WHAT", "WHY", "HOW", "WHO", "WHOM", "WHEN", "WHERE", "WHICH", "TO",
];

fn is_double(mark: &str) -> bool {
    mark.starts_with(['"', '\u{201C}', '\u{201D}', '\u{00AB}', '\u{00BB}', '\u{201E}']) || mark == "``" || mark == "''"
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str, seg: &'a Segmented, lex: &'a Lexicon) -> Doc<'a> {
        let mut sentence_of = vec![0u32; seg.tokens.len()];
        let mut next = 0usize;
        for (si, s) in seg.sentences.iter().enumerate() {
            let (a, b) = (s.tokens.start as usize, s.tokens.end as usize);
            for slot in sentence_of.iter_mut().take(a).skip(next) {
                *slot = si.saturating_sub(1) as u32;
            }
            for slot in &mut sentence_of[a..b] {
                *slot = si as u32;
            }
            next = b;
        }
        let last = seg.sentences.len().saturating_sub(1) as u32;
        for slot in sentence_of.iter_mut().skip(next) {
            *slot = last;
        }
        Doc {
            text,
            seg,
            lex,
            sentence_of,
            quoted: vec![false; seg.tokens.len()],
        }
    }

    pub fn tok(&self, i: usize) -> &Token {
        &self.seg.tokens[i]
    }

    pub fn norm(&self, i: usize) -> &str {
        self.seg.norm(&self.seg.tokens[i])
    }

    pub fn raw(&self, i: usize) -> &str {
        self.seg.tokens[i].span.slice(self.text)
    }

    /// Whether token `i` starts with a capital letter (the segmenter's
    /// `CAPITALIZED` flag).
    fn capitalized(&self, i: usize) -> bool {
        self.tok(i).has(flags::CAPITALIZED)
    }

    /// Whether token `i` is an article or a possessive pronoun.
    fn is_determiner(&self, i: usize) -> bool {
        DETERMINERS.contains(&self.norm(i))
    }

    /// Whether a quotation right after token `i` is a title: after an
    /// article, a possessive or a word of naming (`the "Medicare for all"
    /// document`, `ABC's "This Week"`, `titled "Unifier?"`).
    pub fn introduces_title(&self, i: usize) -> bool {
        self.is_determiner(i)
            || self.is_possessive(i)
            || matches!(
                self.norm(i),
                "TITLED" | "ENTITLED" | "DUBBED" | "NAMED" | "HEADLINED" | "NICKNAMED"
            )
    }

    /// Whether token `i` is `who`, `whom`, `whose` or `which`.
    pub fn is_relative_pronoun(&self, i: usize) -> bool {
        matches!(self.norm(i), "WHO" | "WHOM" | "WHOSE" | "WHICH")
    }

    /// Whether token `i` ends in a possessive `'s` (`ABC's`).
    /// Whether token `i` opens an adverbial phrase (`In Salem, ...`,
    /// `This week, ...`), unlike a demonstrative subject (`This makes it
    /// difficult`).
    fn opens_adjunct_at(&self, i: usize) -> bool {
        match self.norm(i) {
            "THIS" | "LAST" => i + 1 < self.seg.tokens.len() && is_time_noun(self.norm(i + 1)),
            w => opens_adjunct(w),
        }
    }

    fn is_possessive(&self, i: usize) -> bool {
        let raw = self.raw(i);
        raw.ends_with("'s") || raw.ends_with("\u{2019}s")
    }

    pub fn is_word(&self, i: usize) -> bool {
        matches!(self.tok(i).kind, Kind::Word | Kind::Number)
    }

    /// Token range of sentence `s`.
    pub fn sentence_range(&self, s: usize) -> (usize, usize) {
        let r = &self.seg.sentences[s].tokens;
        (r.start as usize, r.end as usize)
    }

    /// Byte span covering tokens `a..b` (`b > a`).
    pub fn cover(&self, a: usize, b: usize) -> Span {
        self.tok(a).span.cover(self.tok(b - 1).span)
    }

    /// The cue starting at token `i`, if any (never inside a quotation).
    pub fn cue_at(&self, i: usize, limit: usize) -> Option<CueHit> {
        if self.quoted[i] || !self.is_word(i) {
            return None;
        }
        let words = |k: usize| -> Option<&str> {
            if k < limit && !self.quoted[k] {
                Some(self.norm(k))
            } else {
                None
            }
        };
        let (id, len) = self.lex.cue_at(words, i)?;
        let cue = &self.lex.cues[id as usize];
        Some(CueHit {
            start: i,
            end: i + len,
            head: i,
            class: cue.class,
            needs_clause: cue.needs_clause,
        })
    }

    /// Extend a cue leftwards over auxiliaries and adverbs (`has also said`).
    fn widen_cue(&self, mut cue: CueHit, floor: usize) -> CueHit {
        let head = self.norm(cue.start);
        let (ing, ed) = (head.ends_with("ING"), is_participle(head));
        while cue.start > floor && !self.quoted[cue.start - 1] {
            // `have in the past said`.
            let past = cue.start >= floor + 3
                && (cue.start - 3..cue.start)
                    .map(|i| self.norm(i))
                    .eq(["IN", "THE", "PAST"]);
            if past {
                cue.start -= 3;
                continue;
            }
            let prev = self.norm(cue.start - 1);
            let be = match prev {
                // `he's said` (has), not `Clinton's said`.
                "'S" if ed && cue.start >= floor + 2 => {
                    matches!(self.norm(cue.start - 2), "HE" | "SHE" | "IT" | "THAT" | "WHO" | "THERE")
                }
                "'S" | "'RE" => ing,
                // `who'd previously endorsed`, `they'll say`.
                "'D" | "'LL" | "'VE" => true,
                p => BE_FORMS.contains(&p) && (ing || ed),
            };
            if !be && !CUE_MODIFIERS.contains(&prev) && !self.manner_adverb_at(cue.start - 1) {
                break;
            }
            cue.start -= 1;
        }
        cue
    }

    /// Whether token `i` is an adverb of manner that belongs to the cue
    /// after it (`who enthusiastically endorses`, `voters overwhelmingly
    /// support`), not a noun or adjective in -ly (`the family said`).
    fn manner_adverb_at(&self, i: usize) -> bool {
        self.is_word(i) && !self.capitalized(i) && is_manner_adverb(self.norm(i))
    }

    /// Token ranges of paragraphs that contain sentences.
    fn paragraph_ranges(&self) -> Vec<(u32, usize, usize)> {
        self.seg
            .paragraphs
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.sentences.is_empty())
            .map(|(pi, p)| {
                let first = &self.seg.sentences[p.sentences.start as usize];
                let last = &self.seg.sentences[p.sentences.end as usize - 1];
                (pi as u32, first.tokens.start as usize, last.tokens.end as usize)
            })
            .collect()
    }

    /// Find every quotation part: marks paired within a paragraph (double
    /// marks when the paragraph has any, else single marks), nested marks of
    /// the other style kept as content, a paragraph that ends inside a
    /// quotation continued by the next when it opens with a mark, and an
    /// unbalanced mark closed at the end of its paragraph (never later).
    /// Cost: one pass over the tokens.
    pub fn parts(&mut self) -> Vec<Part> {
        let mut parts: Vec<Part> = Vec::new();
        let paragraphs = self.paragraph_ranges();
        let mut unclosed_prev = false;
        let mut prev_para: Option<u32> = None;
        for &(pi, a, b) in &paragraphs {
            let double_style = (a..b).any(|i| matches!(self.tok(i).kind, Kind::Quote(_)) && is_double(self.raw(i)));
            let marks: Vec<(usize, QuoteSide)> = (a..b)
                .filter_map(|i| match self.tok(i).kind {
                    Kind::Quote(side) => {
                        let double = is_double(self.raw(i));
                        let usable = if double_style {
                            double
                        } else {
                            side != QuoteSide::Unknown && !self.tok(i).has(flags::APOSTROPHE)
                        };
                        usable.then_some((i, self.effective_side(i, side)))
                    }
                    _ => None,
                })
                .collect();
            let continues = unclosed_prev
                && prev_para.is_some_and(|p| p + 1 == pi)
                && marks
                    .first()
                    .is_some_and(|&(i, side)| i == a && side != QuoteSide::Close);
            unclosed_prev = false;
            prev_para = Some(pi);
            let mut open: Option<usize> = None;
            let mut first = true;
            for &(i, side) in &marks {
                match open {
                    None => {
                        if side != QuoteSide::Close {
                            open = Some(i);
                        }
                    }
                    Some(o) => {
                        if side == QuoteSide::Open {
                            // Unbalanced: the earlier mark never closed. End
                            // its part at the last sentence end before this mark.
                            let end = self.sentence_end_before(o, i);
                            self.push_part(&mut parts, o, None, end, pi, continues && first);
                            first = false;
                            open = Some(i);
                        } else {
                            let end = self.tok(i).span.start as usize;
                            self.push_part(&mut parts, o, Some(i), end, pi, continues && first);
                            first = false;
                            open = None;
                        }
                    }
                }
            }
            if let Some(o) = open {
                let end = self.tok(b - 1).span.end as usize;
                self.push_part(&mut parts, o, None, end, pi, continues && first);
                unclosed_prev = true;
            }
        }
        parts
    }

    /// An opening mark typed where a closing one belongs (`...,“ said
    /// Smith`): glued to the punctuation before it and followed by space,
    /// it closes.
    fn effective_side(&self, i: usize, side: QuoteSide) -> QuoteSide {
        if side != QuoteSide::Open || i == 0 || i + 1 >= self.seg.tokens.len() {
            return side;
        }
        let (prev, this, next) = (self.tok(i - 1), self.tok(i), self.tok(i + 1));
        let glued = prev.span.end == this.span.start && matches!(self.raw(i - 1), "," | "." | "?" | "!");
        if glued && next.span.start > this.span.end {
            QuoteSide::Close
        } else {
            side
        }
    }

    /// The end of the last sentence that starts at or after token `o` and
    /// ends before token `i` (else the end of the token before `i`).
    fn sentence_end_before(&self, o: usize, i: usize) -> usize {
        let so = self.sentence_of[o] as usize;
        let si = self.sentence_of[i] as usize;
        if si > so {
            self.seg.sentences[si - 1].span.end as usize
        } else {
            self.tok(i - 1).span.end as usize
        }
    }

    fn push_part(
        &mut self,
        parts: &mut Vec<Part>,
        open: usize,
        close: Option<usize>,
        end: usize,
        para: u32,
        cont: bool,
    ) {
        let start = self.tok(open).span.end as usize;
        let inner = &self.text[start..end.max(start)];
        let lead = inner.len() - inner.trim_start().len();
        let trail = inner.len() - inner.trim_end().len();
        if inner.trim().is_empty() {
            return;
        }
        let last = close.unwrap_or_else(|| {
            let mut k = open;
            while k + 1 < self.seg.tokens.len() && (self.tok(k + 1).span.end as usize) <= end {
                k += 1;
            }
            k
        });
        for q in &mut self.quoted[open..=last] {
            *q = true;
        }
        parts.push(Part {
            open,
            close,
            span: Span::new(start + lead, end - trail),
            paragraph: para,
            continued: cont,
        });
    }

    /// Backward scan for a source noun phrase ending right before token
    /// `end`, not crossing `floor`. Returns the range and whether it
    /// stopped at a comma (or other clause punctuation).
    fn np_before(&self, end: usize, floor: usize) -> Option<(usize, usize, bool)> {
        let mut k = end;
        let mut comma = false;
        // Tokens of a skipped aside do not count against the length.
        let mut skipped = 0;
        while k > floor {
            let i = k - 1;
            if self.quoted[i] {
                // `It is a "welcome tack," he said`: the comma inside the
                // closing mark ends the clause before the cue.
                comma = matches!(self.tok(i).kind, Kind::Quote(_)) && i > floor && self.raw(i - 1) == ",";
                break;
            }
            let t = self.tok(i);
            match t.kind {
                Kind::Word | Kind::Number => {
                    // `what many analysts said was a sign`: `what` opens
                    // the clause.
                    if (CLAUSE_WORDS.contains(&self.norm(i)) || self.norm(i) == "WHAT")
                        && !self.joins_names(i, floor, end)
                    {
                        break;
                    }
                }
                Kind::Punct if matches!(self.raw(i), "&" | "." | "'" | "/" | "%") => {}
                _ => {
                    // `Sen. Elizabeth Warren (D-MA) said`, `Many speakers
                    // -- including X and Y -- said`: skip the aside.
                    // Only an aside right before the cue: in `Inside the
                    // mosque - which ... - Adel Nefzi said`, the name is after it.
                    if let Some(open) = self.aside_start(i, floor).filter(|_| k == end || !self.capitalized(k)) {
                        if open > floor && self.is_word(open - 1) {
                            skipped += k - open;
                            k = open;
                            continue;
                        }
                    }
                    // `...; a plurality oppose it`: a semicolon closes
                    // the clause before, which the cue does not report.
                    comma = self.raw(i) != ";";
                    break;
                }
            }
            k -= 1;
            if end - k - skipped > MAX_NP {
                return None;
            }
        }
        // A relative clause right before the cue (`Smith, who chairs the
        // panel, said`) belongs to the noun before it.
        if comma && k < end && matches!(self.norm(k), "WHO" | "WHICH") {
            return None;
        }
        (k < end).then_some((k, end, comma))
    }

    /// Whether the `and` at token `i` joins two names or pronouns inside a
    /// subject (`he and Mr. Allen said`, `Smith and Jones said`).
    fn joins_names(&self, i: usize, floor: usize, end: usize) -> bool {
        let name = |k: usize| SUBJECT_PRONOUNS.contains(&self.norm(k)) || self.capitalized(k) && self.is_word(k);
        // `she and another reporter said`, `current and former officials
        // said`: a short noun phrase after `and` that runs to the cue.
        let left = |k: usize| name(k) || matches!(self.norm(k), "CURRENT" | "FORMER" | "PAST" | "PRESENT");
        let right = |k: usize| {
            name(k)
                || matches!(
                    self.norm(k),
                    "ANOTHER" | "OTHER" | "FORMER" | "CURRENT" | "SEVERAL" | "TWO" | "THREE" | "SOME" | "MANY"
                ) && end - k <= 3
        };
        // `teachers and union officials told POLITICO`: two plural nouns.
        let plural = |k: usize| {
            let w = self.norm(k);
            self.is_word(k) && w.len() > 3 && w.ends_with('S') && !w.ends_with("SS")
        };
        let nouns = i > floor
            && end - i <= 4
            && plural(i - 1)
            && plural(end - 1)
            && (i + 1..end).all(|k| !self.norm(k).ends_with("ED") && !FINITE_WORDS.contains(&self.norm(k)));
        self.norm(i) == "AND" && i > floor && i + 1 < end && (left(i - 1) && right(i + 1) || nouns)
    }

    /// When token `close` ends a parenthetical (`)`) or a dash aside, the
    /// token that opens it, within twelve tokens and the same clause.
    fn aside_start(&self, close: usize, floor: usize) -> Option<usize> {
        let raw = self.raw(close);
        let dash = self.is_dash(close);
        if raw != ")" && !dash {
            return None;
        }
        let lo = floor.max(close.saturating_sub(if dash { 30 } else { 12 }));
        (lo..close)
            .rev()
            .find(|&j| if dash { self.is_dash(j) } else { self.raw(j) == "(" })
    }

    /// A dash, or a hyphen standing between spaces as one (`Trump - who
    /// ... - said`).
    fn is_dash(&self, i: usize) -> bool {
        let t = self.tok(i);
        let spaced = |at: usize| self.text.as_bytes().get(at).is_some_and(|b| b.is_ascii_whitespace());
        t.kind == Kind::Dash
            || self.raw(i) == "-"
                && t.span.start > 0
                && spaced(t.span.start as usize - 1)
                && spaced(t.span.end as usize)
    }

    /// Forward scan for a noun phrase starting at `start` (an inverted source
    /// `said Smith` or an addressee `told reporters`), up to `limit`.
    fn np_after(&self, start: usize, limit: usize, max: usize) -> Option<(usize, usize)> {
        let mut k = start;
        while k < limit && k - start < max {
            if self.quoted[k] || !self.is_word(k) && !matches!(self.raw(k), "." | "'" | "&") {
                break;
            }
            let w = self.norm(k);
            if k > start && (PHRASE_END_WORDS.contains(&w) || DAY_WORDS.contains(&w) || FINITE_WORDS.contains(&w)) {
                break;
            }
            k += 1;
        }
        while k > start && !self.is_word(k - 1) {
            k -= 1;
        }
        (k > start).then_some((start, k))
    }

    /// The addressee after a cue: `told Y`, `telling Y`, or the words after
    /// `told` inside a phrase cue (`told reporters`).
    fn addressee(&self, cue: CueHit, limit: usize) -> Option<(usize, usize)> {
        let head = (cue.start..cue.end).find(|&i| matches!(self.norm(i), "TOLD" | "TELLS" | "TELL" | "TELLING"))?;
        if head + 1 < cue.end {
            let mut end = cue.end;
            while end > head + 1 && !self.is_word(end - 1) {
                end -= 1;
            }
            return Some((head + 1, end));
        }
        self.np_after(cue.end, limit, 8)
    }

    /// `addressing Y` anywhere in the range.
    fn addressing(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        (a..b)
            .find(|&i| !self.quoted[i] && self.norm(i) == "ADDRESSING")
            .and_then(|i| self.np_after(i + 1, b, 8))
    }

    /// The frame in the tokens right after a quotation part: `," he said.`,
    /// `," said Smith.`, `," the minister went on, "`. The cue must come
    /// within the first few words. `limit` bounds the search (the next mark
    /// or the sentence end).
    pub fn frame_after(&self, from: usize, limit: usize) -> Option<Frame> {
        // Past commas, and a single mark closing a nested quotation with
        // the outer one (`the word 'old-school,''' said ...`).
        let mut start = from;
        while start < limit && (self.raw(start) == "," || matches!(self.raw(start), "'" | "\u{2019}") && start == from)
        {
            start += 1;
        }
        if let Some(frame) = self.dash_credit(start, limit) {
            return Some(frame);
        }
        // `"..." and insisted that ...`: a verb coordinated with the
        // clause the quotation sits in, not its frame.
        if start < limit && matches!(self.norm(start), "AND" | "BUT" | "OR") {
            return None;
        }
        let window = (start + 8).min(limit);
        // `," Rep. Jim McDermott (D-Wash.) said`: a longer name is fine
        // when it runs from the mark to the cue.
        let named = |c: &CueHit| self.np_before(c.start, start).is_some_and(|(na, _, _)| na == start);
        // A noun of saying is no cue here but may head the source: `," the
        // statement said`.
        let verb_at = |i: usize| {
            self.cue_at(i, limit)
                .filter(|c| c.class != CueClass::Noun && self.cue_is_verb(*c, start))
        };
        let near = (start..window)
            .find_map(verb_at)
            .or_else(|| (window..(start + 14).min(limit)).find_map(|i| verb_at(i).filter(named)));
        // `," Morton Blackwell, the committeeman from Virginia, told AFP.`
        let set_off = |c: &CueHit| c.start > start + 1 && self.appositive_subject(start, c.start - 1).is_some();
        let cue = near.or_else(|| (window..(start + 30).min(limit)).find_map(|i| verb_at(i).filter(set_off)))?;
        if cue.class != CueClass::Speech {
            return None;
        }
        // `..., "overblown," adding that ...`: a participle right after the
        // mark opens a report of its own; it does not frame the quotation.
        if cue.start == start && self.participle(cue) {
            return None;
        }
        let cue = self.widen_cue(cue, start);
        let source = if cue.start > start {
            let comma = cue.start > start + 1 && self.raw(cue.start - 1) == ",";
            self.np_before(cue.start, start)
                .map(|(a, b, _)| (a, b))
                .or_else(|| comma.then(|| self.appositive_subject(start, cue.start - 1)).flatten())
                // `"We're extremely happy" about the decision, said X`.
                .or_else(|| {
                    (comma && self.inverts(cue))
                        .then(|| self.np_after(cue.end, limit, 10))
                        .flatten()
                })
        } else {
            self.np_after(cue.end, limit, 10)
        };
        let addressee = self.addressee(cue, limit).or_else(|| self.addressing(start, limit));
        Some(Frame {
            cue: Some(cue),
            source,
            addressee,
        })
    }

    /// `"..." ― Sonya Herridge`: a dash after the quotation and a name
    /// of at most six capitalized words ending the line credit the speaker
    /// (epigraphs, collected reader quotes).
    fn dash_credit(&self, start: usize, limit: usize) -> Option<Frame> {
        if start >= limit || self.tok(start).kind != Kind::Dash {
            return None;
        }
        let (na, nb) = self.np_after(start + 1, limit, 6)?;
        let capital = |i: usize| !self.is_word(i) || self.capitalized(i);
        let rest_is_punct = (nb..limit).all(|i| !self.is_word(i));
        let line_ends = self.text[self.tok(nb - 1).span.end as usize..]
            .chars()
            .take_while(|c| !c.is_alphanumeric())
            .any(|c| c == '\n')
            || nb >= self.seg.tokens.len();
        if !(na..nb).all(capital) || !(rest_is_punct || line_ends) {
            return None;
        }
        Some(Frame {
            cue: Some(CueHit::token(start, CueClass::Speech)),
            source: Some((na, nb)),
            addressee: None,
        })
    }

    /// The frame before a quotation part in its sentence: `He said: "...`,
    /// `Smith said that there are "significant shifts."`,
    /// `According to X, "..."`. The last cue before the mark wins.
    pub fn frame_before(&self, floor: usize, open: usize) -> Option<Frame> {
        let cue = (floor..open)
            .rev()
            .find_map(|i| self.cue_at(i, open))
            .filter(|c| self.cue_is_verb(*c, floor));
        let Some(cue) = cue else {
            return self.name_colon(floor, open);
        };
        if cue.class != CueClass::Speech {
            return None;
        }
        let cue = self.widen_cue(cue, floor);
        if cue.start == floor && self.participle(cue) {
            // `"...," stating during the debate that they are "..."`: the
            // speaker is the previous quotation's, left to the caller.
            return Some(Frame {
                cue: Some(cue),
                source: None,
                addressee: None,
            });
        }
        let source = if self.is_according_to(cue) || cue.start == floor {
            // `According to X, "..."`, `Said Dorothy Poynter, "..."`
            self.np_after(cue.end, open, MAX_NP)
        } else if matches!(self.norm(cue.start - 1), "AND" | "BUT") {
            // `Mrs. Clinton shook her head and said, "No."`
            self.clause_subject(floor, cue.start)
        } else if let Some(np) =
            (self.participle(cue) && self.raw(cue.start - 1) == "," && self.words_in(cue.end, open) == 0)
                .then(|| self.participle_subject(floor, cue.start - 1))
                .flatten()
        {
            Some(np)
        } else {
            // `Jeff Bechdel, chairman of America Rising, tweeted: "..."`; `a
            // White House official who spoke anonymously said, "..."`: the
            // noun the relative clause hangs on.
            let relative = |(na, _): (usize, usize)| {
                (na > floor + 1 && self.norm(na - 1) == "WHO")
                    .then(|| self.antecedent_of(na - 1, floor))
                    .flatten()
            };
            let np = self.np_before(cue.start, floor).map(|(a, b, _)| (a, b));
            np.and_then(relative).or(np).or_else(|| {
                (cue.start > floor + 1 && self.raw(cue.start - 1) == ",")
                    .then(|| self.appositive_subject(floor, cue.start - 1))
                    .flatten()
            })
        };
        source?;
        let addressee = self.addressee(cue, open).or_else(|| self.addressing(floor, open));
        Some(Frame {
            cue: Some(cue),
            source,
            addressee,
        })
    }

    /// The subject of a participle set off by the comma at token `comma`:
    /// that of the nearest cue before it (`..., Spicer said, adding, "..."`,
    /// `as he defended Melania Trump, saying, "..."`), else that of the
    /// clause (`Warren appeared with Maddow and endorsed Clinton, saying`).
    fn participle_subject(&self, floor: usize, comma: usize) -> Option<(usize, usize)> {
        (floor..comma)
            .rev()
            .find_map(|i| self.cue_at(i, comma).filter(|c| self.cue_is_verb(*c, floor)))
            .and_then(|c| self.np_before(self.widen_cue(c, floor).start, floor))
            .map(|(a, b, _)| (a, b))
            .filter(|&np| self.subject_ok(np) && self.names_subject(np.0))
            .or_else(|| self.clause_subject(floor, comma))
    }

    /// `Republican pollster Daron Shaw: "..."`: a name that ends in a
    /// capitalized word right before a colon and the opening mark, with no
    /// cue before it, is the speaker; the colon is the cue.
    fn name_colon(&self, floor: usize, open: usize) -> Option<Frame> {
        let colon = open.checked_sub(1).filter(|&c| c > floor && self.raw(c) == ":")?;
        // The run of capitalized words before the colon, at most six.
        let mut na = colon;
        while na > floor && colon - na < 6 && self.is_word(na - 1) && self.capitalized(na - 1) {
            na -= 1;
        }
        let nb = colon;
        if na == nb || !self.subject_ok((na, nb)) {
            return None;
        }
        Some(Frame {
            cue: Some(CueHit::token(colon, CueClass::Speech)),
            source: Some((na, nb)),
            addressee: None,
        })
    }

    /// Whether the cue is a participle (`adding`, `saying`), which takes
    /// its subject from the clause or frame before it.
    pub fn participle(&self, cue: CueHit) -> bool {
        self.norm(cue.start).ends_with("ING") && !self.is_according_to(cue)
    }

    fn is_according_to(&self, cue: CueHit) -> bool {
        self.norm(cue.start) == "ACCORDING"
    }

    /// Tokens `a..b` without trailing sentence punctuation.
    fn trim_end(&self, a: usize, mut b: usize) -> usize {
        while b > a && matches!(self.tok(b - 1).kind, Kind::Punct | Kind::Dash | Kind::Ellipsis) {
            b -= 1;
        }
        b
    }

    fn words_in(&self, a: usize, b: usize) -> usize {
        (a..b).filter(|&i| self.is_word(i)).count()
    }

    /// Whether a cue stands as a verb: not after a determiner, a
    /// possessive, a number or a hyphen (`the show`, `Trump's claims`,
    /// `758 pledged delegates`, `so-called`), and a noun-like form not
    /// followed by `of` (`reports of`).
    fn cue_is_verb(&self, cue: CueHit, lo: usize) -> bool {
        if cue.start > lo {
            let prev = cue.start - 1;
            let raw = self.raw(prev);
            let capitalized = self.capitalized(cue.start);
            if capitalized && self.is_word(prev) && !self.title_case(lo) {
                // Inside a name: `the United States`, `Fox News Reports`.
                return false;
            }
            // `some states`, `two reports`, `each claim`; but `many fear`,
            // `some say`: after a plural quantity a base form is the verb.
            let plural = matches!(
                self.norm(prev),
                "MANY" | "FEW" | "BOTH" | "ALL" | "MOST" | "SEVERAL" | "SOME" | "OTHERS"
            );
            let quantity = (QUANTIFIERS.contains(&self.norm(prev))
                || NUMBER_WORDS.contains(&self.norm(prev))
                || matches!(self.tok(prev).kind, Kind::Number) && !self.is_fraction(prev, lo))
                && (!plural || self.norm(cue.start).ends_with('S'));
            // `758 pledged delegates`: a participle after a number is an
            // adjective; `43 said` is a verb.
            let adjectival = self.norm(cue.start).ends_with("ED")
                && matches!(self.tok(prev).kind, Kind::Number)
                && cue.end < self.seg.tokens.len()
                && self.is_word(cue.end);
            // `eight hours of questioning`, `that kind of thinking`: a gerund
            // after a measure and `of` is a noun; not in `stopped short of
            // calling`.
            let gerund = prev > lo
                && self.norm(prev) == "OF"
                && self.norm(cue.start).ends_with("ING")
                && (TIME_UNITS.contains(&self.norm(prev - 1))
                    || matches!(
                        self.norm(prev - 1),
                        "KIND" | "SORT" | "TYPE" | "LOT" | "ROUND" | "ROUNDS"
                    ));
            // `people who met her say it ...`: `her` is the object of a
            // verb when a clause follows (`had her say.` is a noun).
            let object = self.norm(prev) == "HER"
                && prev > lo
                && !PREPOSITIONS.contains(&self.norm(prev - 1))
                && cue.end < self.seg.tokens.len()
                && self.is_word(cue.end)
                && self.opens_clause(cue.end);
            if DETERMINERS.contains(&self.norm(prev)) && !object
                || gerund
                || quantity && cue.needs_clause
                || adjectival && !self.is_fraction(prev, lo)
                || self.is_possessive(prev)
                || raw == "-" && !self.is_dash(prev)
            {
                return false;
            }
        }
        let head = self.norm(cue.head);
        // After a modal (`would advocate allowing ...`) a base form is a verb
        // whatever follows it.
        // The modal may be part of the widened cue, or stand before it with
        // a negation between (`would not support ...`).
        let modal = (cue.start.saturating_sub(2).max(lo)..cue.end - 1).any(|k| {
            matches!(
                self.norm(k),
                "WOULD" | "WILL" | "COULD" | "SHOULD" | "MAY" | "MIGHT" | "MUST" | "CAN" | "DID" | "DOES" | "DO"
            ) && (k + 1..cue.end - 1).all(|j| j >= cue.start || matches!(self.norm(j), "NOT" | "N'T"))
        });
        // `Justice vows to be ...`, `He promises to ...`: after a name or
        // a pronoun the noun-like form is the verb, and `to` opens its act.
        let named_subject = cue.start > lo
            && (self.capitalized(cue.start - 1) && self.is_word(cue.start - 1)
                || matches!(
                    self.norm(cue.start - 1),
                    "HE" | "SHE" | "THEY" | "WE" | "I" | "IT" | "WHO"
                ));
        let to_act = named_subject && cue.end < self.seg.tokens.len() && self.norm(cue.end) == "TO";
        // `what he calls corruption`: a free relative names what was said.
        let free_relative = named_subject && cue.start >= lo + 2 && self.norm(cue.start - 2) == "WHAT";
        // `Two-thirds support reducing ...`: a gerund object makes a stance
        // a verb (`tweets criticizing ...` is a noun and its participle).
        let gerund_object = cue.class == CueClass::Belief
            && (cue.end..(cue.end + 2).min(self.seg.tokens.len()))
                .take_while(|&k| self.is_word(k) && !self.quoted[k])
                .find(|&k| !self.manner_adverb_at(k))
                .is_some_and(|k| {
                    let w = self.norm(k);
                    w.len() > 5 && w.ends_with("ING") && !self.capitalized(k)
                });
        // A cue that closes an inverted frame (`," he notes.`, `..., records
        // show, and ...`) has its clause before it; not in `to express
        // doubts.`
        let ends = cue.end >= self.seg.tokens.len()
            || matches!(self.raw(cue.end), "." | "?" | "!")
            || self.sentence_of[cue.end] != self.sentence_of[cue.start];
        let inverted = || {
            (cue.start.saturating_sub(5)..cue.start)
                .rev()
                .find(|&i| self.raw(i) == "," || matches!(self.tok(i).kind, Kind::Quote(_)))
                .is_some_and(|i| !(i..cue.start).any(|k| matches!(self.norm(k), "TO" | "AND" | "OR")))
        };
        let closes = !ends && cue.class == CueClass::Finding && self.opens_conjunct(cue.end) && inverted();
        if cue.needs_clause
            && !modal
            && !to_act
            && !free_relative
            && !gerund_object
            && !closes
            && (!self.opens_clause(cue.end) || self.relative_that(cue.end))
        {
            return false;
        }
        // The end of the sentence opens no clause.
        if cue.needs_clause && !modal && ends && !inverted() {
            return false;
        }
        // `continued to press`, `went on to lose`, `adding to her lead`:
        // not speaking.
        let next_to = cue.end < self.seg.tokens.len() && self.norm(cue.end) == "TO";
        if next_to
            && matches!(
                head,
                "CONTINUED"
                    | "CONTINUE"
                    | "CONTINUING"
                    | "WENT"
                    | "GOES"
                    | "GOING"
                    | "ADDING"
                    | "ADDED"
                    | "ADDS"
                    | "ADD"
            )
        {
            return false;
        }
        if cue.end < self.seg.tokens.len() && !self.quoted[cue.end] {
            let next = self.norm(cue.end);
            if matches!(next, "OF" | "FOR") && (cue.needs_clause || matches!(head, "SUPPORT" | "SUPPORTS" | "PLANS")) {
                return false;
            }
            if matches!(head, "CALLED" | "CALLS" | "CALL" | "CALLING")
                && matches!(
                    next,
                    "OFF" | "UP" | "IN" | "BACK" | "BY" | "AT" | "TO" | "INTO" | "HOME"
                )
            {
                return false;
            }
            // `(also) called Smith on Monday` telephoned; `called on
            // Congress to act` (a phrase of the lexicon) speaks.
            if matches!(head, "CALLED" | "CALLS" | "CALLING") && cue.head + 1 == cue.end && self.phone_call(cue.end) {
                return false;
            }
        }
        true
    }

    /// Whether token `i` is a relative `that` (`coastal states that have
    /// moved`): a finite verb right after it, not a subject.
    fn relative_that(&self, i: usize) -> bool {
        self.norm(i) == "THAT" && i + 1 < self.seg.tokens.len() && FINITE_WORDS.contains(&self.norm(i + 1))
    }

    /// `called Sanders after the primaries`, `called her at one point`,
    /// `Eric Trump called.`: a call to someone (a pronoun or a name, then a
    /// preposition or the end), not calling them something.
    fn phone_call(&self, after: usize) -> bool {
        let (_, end) = self.sentence_range(self.sentence_of[after.min(self.seg.tokens.len() - 1)] as usize);
        if after >= end || !self.is_word(after) {
            return after >= end || matches!(self.raw(after), "." | ";");
        }
        // `called Wednesday for ...`: a day is no one called.
        let person = matches!(self.norm(after), "HIM" | "HER" | "THEM" | "ME" | "US")
            || self.capitalized(after) && !DAY_WORDS.contains(&self.norm(after));
        if !person {
            return false;
        }
        let mut k = after + 1;
        while k < end && k < after + 4 && self.is_word(k) && self.capitalized(k) {
            k += 1;
        }
        k >= end || matches!(self.raw(k), "." | ";") || PREPOSITIONS.contains(&self.norm(k)) && self.norm(k) != "AS"
    }

    /// Whether the number at token `i` ends a proportion (`4 in 10`,
    /// `two of three`), which can be a subject.
    fn is_fraction(&self, i: usize, lo: usize) -> bool {
        i >= lo + 2
            && matches!(self.norm(i - 1), "IN" | "OF" | "OUT")
            && (self.tok(i - 2).kind == Kind::Number || NUMBER_WORDS.contains(&self.norm(i - 2)))
    }

    /// Whether token `i` can open the clause after a cue that is also a
    /// noun: `that`, a pronoun, an article, a quantifier, a name, a number,
    /// a quotation mark or a colon.
    fn opens_clause(&self, i: usize) -> bool {
        if i >= self.seg.tokens.len() {
            return false;
        }
        match self.tok(i).kind {
            Kind::Quote(_) | Kind::Number => true,
            Kind::Word => CLAUSE_OPENERS.contains(&self.norm(i)) || self.capitalized(i) || self.bare_subject(i),
            // `," he notes.`: the cue ends the sentence.
            _ => matches!(self.raw(i), ":" | "." | "?" | "!") || self.sentence_of[i] != self.sentence_of[i - 1],
        }
    }

    /// Whether token `i` opens a clause with a bare noun phrase of one or
    /// two words and an auxiliary (`hopes obstruction would become ...`,
    /// `show working-class whites could be ...`).
    fn bare_subject(&self, i: usize) -> bool {
        let w = self.norm(i);
        if PREPOSITIONS.contains(&w) || FINITE_WORDS.contains(&w) || CLAUSE_WORDS.contains(&w) {
            return false;
        }
        // A word joined by a hyphen (`working-class`) adds no word.
        let mut words = 0;
        (i + 1..self.seg.tokens.len())
            .take_while(|&k| {
                let joined = self.tok(k).flags & flags::HYPHEN_BEFORE != 0;
                words += usize::from(!joined);
                words <= 2
                    && self.is_word(k)
                    && !self.quoted[k]
                    && !CLAUSE_WORDS.contains(&self.norm(k))
                    && self.sentence_of[k] == self.sentence_of[i]
            })
            .any(|k| FINITE_WORDS.contains(&self.norm(k)))
    }

    /// Whether a comma at token `i` opens a coordinated clause (`, and`,
    /// `, but`).
    fn opens_conjunct(&self, i: usize) -> bool {
        i + 1 < self.seg.tokens.len()
            && self.raw(i) == ","
            && matches!(
                self.norm(i + 1),
                "AND" | "BUT" | "WHILE" | "ALTHOUGH" | "THOUGH" | "YET"
            )
    }

    /// Whether the sentence starting at token `a` is a title-case headline
    /// (most of its words capitalized).
    fn title_case(&self, a: usize) -> bool {
        let (sa, sb) = self.sentence_range(self.sentence_of[a] as usize);
        let words = (sa..sb).filter(|&i| self.tok(i).kind == Kind::Word);
        let (mut all, mut caps) = (0, 0);
        for i in words {
            all += 1;
            caps += usize::from(self.capitalized(i));
        }
        all > 0 && caps * 10 >= all * 6
    }

    /// The subject that opens the sentence at token `a` (after an opening
    /// phrase that ends in a comma, `On Monday, ...`), before token `before`:
    /// a pronoun, a run of capitalized words (`Gov. John Kasich`), or an
    /// article and the words up to the first that looks like a verb (`The
    /// judge` in `The judge rubbed his chin`).
    fn clause_subject(&self, a: usize, before: usize) -> Option<(usize, usize)> {
        let mut k = a;
        while k < before && !self.is_word(k) {
            k += 1;
        }
        // `Washington (AFP) – Hillary Clinton has ...`: past a dateline.
        if let Some(d) = self.dateline_end(k, before) {
            k = d;
        }
        if k >= before {
            return None;
        }
        // `Then he cut into Bush, calling him ...`
        while k + 1 < before && LEADING_ADVERBS.contains(&self.norm(k)) {
            k += 1;
            while k < before && !self.is_word(k) {
                k += 1;
            }
        }
        let first = self.norm(k);
        // `Asked on Monday whether ..., Mrs. Clinton ...`, `Reached by
        // phone, ...`: a participle with its phrase opens too.
        let participle_phrase = first.ends_with("ED")
            && k + 1 < before
            && (PREPOSITIONS.contains(&self.norm(k + 1)) || QUESTION_WORDS.contains(&self.norm(k + 1)));
        // `Even before Francis' remarks, ...`, `Hastily politicizing the
        // tragedy, ...`.
        let next = if k + 1 < before { self.norm(k + 1) } else { "" };
        let modified = matches!(first, "EVEN" | "JUST" | "LONG" | "SHORTLY") && opens_adjunct(next)
            || is_manner_adverb(first) && next.ends_with("ING");
        // `Eight years ago, he supported ...`: a counted time is no subject.
        let ago = (NUMBER_WORDS.contains(&first) || self.tok(k).kind == Kind::Number) && TIME_UNITS.contains(&next)
            // `A few minutes later, Murphy ...`
            || (k..before.min(k + 6)).any(|i| {
                matches!(self.norm(i), "LATER" | "EARLIER" | "AGO") && i + 1 < before && self.raw(i + 1) == ","
            });
        // `More recently, he ...`, `Separately, ...`, `Along with her
        // husband, she ...`: an adverb set off by a comma.
        let adverb = (k + 1..before.min(k + 4))
            .find(|&i| self.raw(i) == ",")
            .is_some_and(|c| {
                let last = self.norm(c - 1);
                (k..c).all(|i| self.is_word(i)) && (is_manner_adverb(last) || last == "RECENTLY")
            })
            || first == "ALONG" && next == "WITH"
            // `Here in Columbia, Sanders ...`
            || matches!(first, "HERE" | "THERE") && (next == "," || PREPOSITIONS.contains(&next));
        let intro = opens_adjunct(first) || first.ends_with("ING") || participle_phrase || modified || ago || adverb;
        // Skip the opening phrase, and places inside it (`Speaking in
        // Salem, New Hampshire, Trump ...`).
        let mut skips = usize::from(intro) * 3;
        while skips > 0 {
            let comma = (k..before.min(k + 14)).find(|&i| self.raw(i) == ",")?;
            k = comma + 1;
            let mut e = k;
            while e < before && self.capitalized(e) {
                e += 1;
            }
            skips = if e > k && e < before && self.raw(e) == "," {
                skips - 1
            } else {
                0
            };
        }
        if k >= before || self.quoted[k] || !self.is_word(k) {
            return None;
        }
        let mut e = k + 1;
        if SUBJECT_PRONOUNS.contains(&self.norm(k)) || self.norm(k) == "IT" {
            return Some((k, e));
        }
        let counted = NUMBER_WORDS.contains(&self.norm(k)) || self.tok(k).kind == Kind::Number;
        if DETERMINERS.contains(&self.norm(k)) || QUANTIFIERS.contains(&self.norm(k)) {
            // `The Florida senator spoke ...`, `The top official says ...`:
            // names and modifiers up to the verb.
            let mut common = false;
            while e < before && e - k < 6 && self.is_word(e) && !self.opens_predicate(e, common) {
                common |= !self.capitalized(e);
                e += 1;
            }
        } else if counted {
            // `Two liberal Hispanic groups rolled out ...`: up to the verb.
            while e < before
                && e - k < 6
                && self.is_word(e)
                && !self.norm(e).ends_with("ED")
                && !FINITE_WORDS.contains(&self.norm(e))
                && !PREPOSITIONS.contains(&self.norm(e))
                && !CLAUSE_WORDS.contains(&self.norm(e))
            {
                e += 1;
            }
        }
        loop {
            // `Former Secretary of State Madeleine Albright`, `Democratic
            // presidential nominee Hillary Clinton`.
            let mut r = e;
            while r < before && r - e < 3 && (r == e && self.norm(r) == "OF" || ROLE_WORDS.contains(&self.norm(r))) {
                r += 1;
            }
            if r > e && r < before && self.capitalized(r) {
                e = r;
            }
            if e >= before || !(self.capitalized(e) || matches!(self.raw(e), "." | "'s" | "\u{2019}s" | "-")) {
                break;
            }
            e += 1;
        }
        // After an opening phrase a counted subject may start lower case
        // (`This week, two groups ...`).
        if !(self.capitalized(k) || counted) || e - k > MAX_NP {
            return None;
        }
        Some((k, e))
    }

    /// Whether the noun phrase at token `i` is a subject of its own: a
    /// personal pronoun, a name, or a determiner or quantifier with its
    /// noun (`who he said`, `who many analysts say`).
    fn names_subject(&self, i: usize) -> bool {
        let w = self.norm(i);
        self.capitalized(i)
            || SUBJECT_PRONOUNS.contains(&w)
            || matches!(w, "YOU" | "MANY" | "MOST")
            || DETERMINERS.contains(&w)
            || QUANTIFIERS.contains(&w)
    }

    /// The token after a dateline that opens at token `k` (`Washington
    /// (AFP) –`, `WASHINGTON, June 24 (UPI) —`): names, numbers and
    /// punctuation up to a dash, with an agency in parentheses or a place
    /// in capitals.
    fn dateline_end(&self, k: usize, before: usize) -> Option<usize> {
        let d = (k..before.min(k + 12)).find(|&i| self.tok(i).kind == Kind::Dash)?;
        let plain = (k..d).all(|i| {
            self.capitalized(i)
                || self.tok(i).kind == Kind::Number
                || matches!(self.raw(i), "," | "." | "(" | ")" | "/")
        });
        let raw = self.raw(k);
        let marked = (k..d).any(|i| self.raw(i) == ")") || raw.len() > 1 && !raw.chars().any(char::is_lowercase);
        (d > k && plain && marked).then_some(d + 1)
    }

    /// Whether token `i`, inside a subject that opened with a determiner,
    /// starts its predicate: a past or auxiliary verb, a preposition or a
    /// clause word, or, after a common noun (`common`), a word in `-s`
    /// (`the official says`).
    fn opens_predicate(&self, i: usize, common: bool) -> bool {
        let w = self.norm(i);
        // `His one-on-one meeting`: a word joined by a hyphen.
        if self.capitalized(i) || self.tok(i).flags & flags::HYPHEN_BEFORE != 0 {
            return false;
        }
        // `A group of doctors`, `A reporter for USA Today`: `of`, and a
        // preposition before a name, belong to the noun.
        let belongs = w == "OF"
            || matches!(w, "FOR" | "AT" | "FROM" | "WITH" | "IN")
                && i + 1 < self.seg.tokens.len()
                && self.capitalized(i + 1);
        if belongs {
            return false;
        }
        w.ends_with("ED")
            || FINITE_WORDS.contains(&w)
            || PREPOSITIONS.contains(&w)
            || CLAUSE_WORDS.contains(&w)
            || CUE_MODIFIERS.contains(&w)
            || is_manner_adverb(w)
            || IRREGULAR_PAST.contains(&w)
            || common && is_present_verb(w) && self.opens_object(i + 1)
    }

    /// Whether token `i` may open the object or clause of a verb before it
    /// (`says the ...`, `urges Congress`, `warns that`), unlike a word after
    /// a plural noun (`candidates briefly`, `organizations ensure`).
    fn opens_object(&self, i: usize) -> bool {
        i < self.seg.tokens.len()
            && (self.capitalized(i)
                || matches!(self.raw(i), "," | ":")
                || DETERMINERS.contains(&self.norm(i))
                || QUANTIFIERS.contains(&self.norm(i))
                || matches!(
                    self.norm(i),
                    "THAT" | "IT" | "HE" | "SHE" | "THEY" | "WE" | "I" | "HIM" | "THEM"
                ))
    }

    /// The subject a verb coordinated at token `cue` shares: that of its
    /// clause, which opens after the last subordinator before it (`when
    /// Rubio thanked Miami and said`) unless a comma closed that clause
    /// (`When told ..., Bush thought and said`).
    fn coordinated_subject(&self, a: usize, cue: usize) -> Option<(usize, usize)> {
        let from = (a..cue)
            .rev()
            .find(|&k| {
                !self.quoted[k]
                    && matches!(
                        self.norm(k),
                        "WHEN" | "AFTER" | "BEFORE" | "BECAUSE" | "SINCE" | "ONCE" | "UNTIL" | "IF"
                    )
            })
            .filter(|&k| (k..cue).all(|i| self.raw(i) != "," || self.quoted[i]))
            .map_or(a, |k| k + 1);
        self.clause_subject(from, cue)
    }

    /// A subject set off by an apposition before the comma at token
    /// `comma`: `Graham, a former candidate, told ...`, `Carter's press
    /// secretary, Peter Cook, told ...`. Returns the name with its
    /// apposition (up to the comma), as the press sets them off.
    fn appositive_subject(&self, a: usize, comma: usize) -> Option<(usize, usize)> {
        self.appositive(a, comma).map(|(np, _)| np)
    }

    /// [`Self::appositive_subject`], and whether the apposition is marked
    /// as one: it opens with an article, a number or a possessive (`a
    /// Republican`, `69`, `the nation's ...`), unlike a clause (`Prices
    /// rose, unemployment fell, said the minister`).
    fn appositive(&self, a: usize, comma: usize) -> Option<((usize, usize), bool)> {
        let floor = a.max(comma.saturating_sub(40));
        let opens_with_name = |(na, nb): (usize, usize)| {
            let opens = na == a || !self.is_word(na - 1) || CLAUSE_WORDS.contains(&self.norm(na - 1));
            // `the economist Jared Bernstein, a former adviser, wrote`: a
            // title before the name.
            let name = self.capitalized(na)
                || self.tok(na).kind == Kind::Number
                || self.is_determiner(na)
                    && !self.indefinite(na)
                    && nb > na + 1
                    && self.capitalized(nb - 1)
                    && (na..nb).all(|i| !PREPOSITIONS.contains(&self.norm(i)));
            opens && self.subject_ok((na, nb)) && name
        };
        if comma > a && self.raw(comma - 1) == ")" {
            // `Gov. John Kasich (R-OH), said`; else an apposition that ends
            // in a parenthesis (`Jeff Bechdel, chairman of America Rising (a
            // Republican PAC), tweeted`).
            let np = self.np_before(comma, a).map(|(na, nb, _)| (na, nb));
            if let Some(np) = np.filter(|&np| opens_with_name(np)) {
                return Some((np, true));
            }
        }
        // `Slinker, whose latest start-up, Paradata, uses ..., said`: a
        // `whose` clause may hold commas of its own.
        let whose = (floor + 1..comma)
            .rev()
            .find(|&w| !self.quoted[w] && self.norm(w) == "WHOSE" && self.raw(w - 1) == ",");
        if let Some(w) = whose {
            let (na, nb, _) = self.np_before(w - 1, a)?;
            return opens_with_name((na, nb)).then_some(((na, comma), false));
        }
        let mut c = comma;
        for round in 0..4 {
            // An apposition may hold a title in quotation marks (`The ad,
            // titled "Unifier?", concludes`); a comma inside one is not
            // the apposition's.
            c = (floor..c).rev().find(|&i| self.raw(i) == "," && !self.quoted[i])?;
            let first = self.norm(c + 1);
            // `Murphy, though, said`, `Clinton, for her part, said`: a
            // discourse aside, the name alone.
            let discourse = (c + 1..comma).all(|i| !self.is_word(i) || DISCOURSE_ASIDE.contains(&self.norm(i)));
            if round == 0 && discourse && self.words_in(c + 1, comma) > 0 {
                let (na, nb, _) = self.np_before(c, a)?;
                return opens_with_name((na, nb)).then_some(((na, nb), true));
            }
            if round == 0 && (PREPOSITIONS.contains(&first) || matches!(first, "SINCE" | "UNTIL")) {
                // `Blunt, after a long pause, said`: the name alone.
                if (c + 1..comma).any(|i| FINITE_WORDS.contains(&self.norm(i))) {
                    return None;
                }
                let (na, nb, _) = self.np_before(c, a)?;
                return opens_with_name((na, nb)).then_some(((na, nb), true));
            }
            // An apposition may hold `and` (`a former adviser and a
            // friend`) and a relative clause with its verbs (`a Republican
            // who has refused to endorse him`), but no other clause.
            let between = c + 1..comma;
            let relative = between.clone().any(|i| self.is_relative_pronoun(i));
            // `Humphrey, who calls Trump a "sociopath," said`: a relative
            // clause with a quotation is left to its antecedent.
            if relative && between.clone().any(|i| self.quoted[i]) {
                return None;
            }
            let clause = between.clone().any(|i| {
                let w = self.norm(i);
                !relative && FINITE_WORDS.contains(&w)
                    || CLAUSE_WORDS.contains(&w)
                        && !matches!(w, "AND" | "OR" | "WHO" | "WHOM" | "WHOSE" | "WHICH")
                        && !(relative && w == "AS")
            });
            if clause || self.words_in(c + 1, comma) == 0 {
                return None;
            }
            // `the union's president, Mary Kay Henry, said`: a title set
            // off by the name.
            let named = round == 0 && (c + 1..comma).all(|i| !self.is_word(i) || self.capitalized(i));
            if let Some((na, nb, _)) = self.np_before(c, a) {
                // `Woodrow Benford, 58, who lives outside Minneapolis,
                // says`: an age set off after the name is part of the
                // apposition.
                if nb == na + 1 && self.tok(na).kind == Kind::Number && na > a && self.raw(na - 1) == "," {
                    continue;
                }
                let titled = named
                    && self.is_determiner(na)
                    && !self.indefinite(na)
                    && (na..nb).all(|i| !PREPOSITIONS.contains(&self.norm(i)))
                    && self.subject_ok((na, nb));
                if opens_with_name((na, nb)) || titled {
                    let marked = matches!(self.norm(c + 1), "A" | "AN" | "THE")
                        || self.tok(c + 1).kind == Kind::Number
                        || (c + 1..comma).any(|i| self.is_possessive(i));
                    return Some(((na, comma), marked));
                }
            }
        }
        None
    }

    /// Whether a widened cue is a passive (`was rejected`, `has been
    /// criticized`).
    fn passive(&self, cue: CueHit) -> bool {
        // `was asked about`: the participle before a closing preposition.
        let mut last = cue.end - 1;
        if last > cue.start && PREPOSITIONS.contains(&self.norm(last)) {
            last -= 1;
        }
        is_participle(self.norm(last)) && (cue.start..last).any(|i| BE_FORMS.contains(&self.norm(i)))
    }

    /// Whether the noun phrase at token `a` opens with an indefinite article
    /// (`a program called X` names the program; nobody speaks).
    fn indefinite(&self, a: usize) -> bool {
        matches!(self.norm(a), "A" | "AN")
    }

    /// Whether tokens `a..b` can be the subject of a reporting verb: no
    /// finite or auxiliary verb inside (`so far has won`), no participle
    /// opening a prepositional phrase (`Speaking on radio`), and no
    /// trailing preposition or determiner (`Cook declined to`).
    fn subject_ok(&self, (a, b): (usize, usize)) -> bool {
        // `Will Estrada said`: a capitalized auxiliary before a capitalized
        // word opens a name.
        let name = |i: usize| self.capitalized(i) && i + 1 < b && self.capitalized(i + 1);
        if (a..b).any(|i| FINITE_WORDS.contains(&self.norm(i)) && !name(i)) {
            return false;
        }
        // `Those who back her say ...`, `27 percent of those who ...`: a
        // demonstrative before `who` stands alone.
        let last = self.norm(b - 1);
        let pronoun = matches!(last, "THOSE" | "THESE") && b < self.seg.tokens.len() && self.norm(b) == "WHO";
        if PREPOSITIONS.contains(&last) || DETERMINERS.contains(&last) && !pronoun {
            return false;
        }
        if b - a > 1 && self.norm(a).ends_with("ING") && PREPOSITIONS.contains(&self.norm(a + 1)) {
            return false;
        }
        true
    }

    /// Every reported-speech frame in sentence `s`, in text order; cues
    /// of `used` (the frames of direct quotations) are
    /// skipped. Constructions: `according to X, ...` / `..., according to
    /// X`; `..., X said.` / `..., said X.`; `X said (that) ...`, `X told Y
    /// ...`; `..., saying ...` (the subject is the previous frame's source,
    /// or left for the caller to find); `X declined to ...`; `Asked whether
    /// ..., `; a `that` or `whether` clause after any other predicate.
    /// Cues inside quotations are not read: nested attributions are the
    /// quotation's own words.
    pub fn indirects(&self, s: usize, used: &[Frame]) -> Vec<Indirect> {
        let (a, b) = self.sentence_range(s);
        let end = self.trim_end(a, b);
        let mut out: Vec<Indirect> = self
            .headline(s, a, end)
            .into_iter()
            .chain(self.in_source(s, a, end))
            .chain(self.in_poll(s, a, end))
            .collect();
        let mut i = a;
        while i < b {
            let Some(cue) = self.cue_at(i, b).filter(|c| {
                !used
                    .iter()
                    .filter_map(|f| f.cue)
                    .any(|u| c.start < u.end && u.start < c.end)
            }) else {
                i += 1;
                continue;
            };
            if let Some(found) = self.nominal(s, a, end, cue) {
                out.push(found);
                i = cue.end;
                continue;
            }
            let cue = self.widen_cue(cue, a);
            if cue.end <= end && cue.class != CueClass::Noun && self.cue_is_verb(cue, a) {
                // The source of the nearest frame before the cue in this
                // sentence, a quotation's (`"...," Anderson said, adding
                // that ...`) or a reported one's.
                let previous = out
                    .iter()
                    .map(|f| &f.frame)
                    .chain(used)
                    .filter_map(|f| Some((f.cue?.start, f.source?)))
                    .filter(|&(at, _)| a <= at && at < cue.start)
                    .max_by_key(|&(at, _)| at)
                    .map(|(_, source)| source);
                if let Some(found) = self.indirect_at(s, a, end, cue, previous) {
                    out.push(found);
                }
            }
            i = cue.end.max(i + 1);
        }
        self.complement_clauses(s, (a, end), used, &mut out);
        // `a majority support X; a plurality oppose it`: a semicolon ends
        // the clause a frame reports when a frame of its own follows.
        let cues: Vec<usize> = out.iter().filter_map(|f| Some(f.frame.cue?.start)).collect();
        for f in &mut out {
            let Some(c) = f.frame.cue else { continue };
            let inside = |k: usize| {
                let at = self.tok(k).span.start;
                f.content.start <= at && at < f.content.end
            };
            let semicolon = (c.end..end).find(|&k| self.raw(k) == ";" && !self.quoted[k] && inside(k));
            if let Some(k) = semicolon.filter(|&k| cues.iter().any(|&n| n > k && inside(n))) {
                f.content.end = self.tok(k - 1).span.end.max(f.content.start);
            }
        }
        // `Officers favored Trump 46 to 32 percent, while enlisted personnel
        // favored ...`: a frame ends where the next one's clause begins.
        for k in 1..out.len() {
            let Some(c) = out[k].frame.cue else { continue };
            let from = out[k].frame.source.map_or(c.start, |(x, _)| x);
            if from < 2
                || self.raw(from - 2) != ","
                || !matches!(self.norm(from - 1), "WHILE" | "WHEREAS" | "BUT" | "AND")
            {
                continue;
            }
            let comma = self.tok(from - 2).span.start;
            let prev = &mut out[k - 1].content;
            if prev.start < comma && comma < prev.end {
                prev.end = comma;
            }
        }
        // `X said that he would not support ...`: a stance inside what
        // another frame reports is part of that report, not a frame.
        let reports: Vec<(Span, CueHit)> = out.iter().filter_map(|f| Some((f.content, f.frame.cue?))).collect();
        // The cues of the other frames whose report holds cue `c`.
        let outer = |c: CueHit| -> Vec<CueHit> {
            let at = self.tok(c.start).span.start;
            reports
                .iter()
                .filter(|&&(content, cue)| cue.start != c.start && content.start <= at && at < content.end)
                .map(|&(_, cue)| cue)
                .collect()
        };
        // `Critics say he had proposed ...`: nor is a frame inside what
        // another says whose subject runs over the cue that says it.
        out.retain(|f| {
            let Some(c) = f.frame.cue else {
                return true;
            };
            let over = |u: &CueHit| {
                u.class == CueClass::Speech && f.frame.source.is_some_and(|(x, y)| x <= u.start && u.start < y)
            };
            let outer = outer(c);
            !(c.class == CueClass::Belief && !outer.is_empty() || outer.iter().any(over))
        });
        // `People who know the senator say ...`: a relative clause inside
        // the subject of a later frame is no report of its own.
        let subjects: Vec<(usize, u32)> = out
            .iter()
            .filter_map(|f| Some((f.frame.source?.1, self.tok(f.frame.cue?.start).span.start)))
            .collect();
        out.retain(|f| {
            let Some((w, _)) = f.frame.source.filter(|&(x, y)| y == x + 1 && self.norm(x) == "WHO") else {
                return true;
            };
            !subjects
                .iter()
                .any(|&(to, cue)| to == w && f.content.start <= cue && cue < f.content.end)
        });
        // `X said A, adding B`: A ends before the comma of the next frame;
        // `X endorsed A, saying, "..."`: before that of a quotation's.
        let quoting = used
            .iter()
            .filter_map(|f| f.cue)
            .filter(|&c| self.participle(c) && c.start > a && self.raw(c.start - 1) == ",");
        let ends: Vec<(Option<usize>, u32)> = (1..out.len())
            .filter(|&k| out[k].participial)
            .filter_map(|k| Some((Some(k - 1), out[k].frame.cue?)))
            .chain(quoting.map(|c| (None, c)))
            .map(|(k, c)| (k, self.tok(c.start - 1).span.start))
            .collect();
        for (k, comma) in ends {
            for (i, f) in out.iter_mut().enumerate() {
                let prev = &mut f.content;
                if k.is_none_or(|k| k == i) && prev.start < comma && comma < prev.end {
                    let trimmed = self.text[prev.start as usize..comma as usize].trim_end();
                    prev.end = prev.start + trimmed.len() as u32;
                }
            }
        }
        out
    }

    /// A `that` clause after a word the lexicon does not list (`is
    /// confident that ...`, `made it clear that ...`, `the notion that
    /// ...`): a report of what someone holds, whoever the predicate is.
    /// Relative clauses (`states that have moved`), purpose and time
    /// (`so that`, `now that`) and clauses already inside a frame (one of
    /// `out`, or a quotation's among `used`) are not.
    fn complement_clauses(&self, s: usize, (a, end): (usize, usize), used: &[Frame], out: &mut Vec<Indirect>) {
        for i in a + 1..end.saturating_sub(2) {
            let wh = matches!(self.norm(i), "WHETHER" | "WHY" | "HOW");
            if !wh && self.norm(i) != "THAT" || self.quoted[i] || self.capitalized(i) {
                continue;
            }
            // The predicate: the word before, or before its preposition
            // (`questions about whether ...`).
            let p = if wh && i > a + 1 && matches!(self.norm(i - 1), "ABOUT" | "OF" | "ON" | "OVER") {
                i - 2
            } else {
                i - 1
            };
            if !self.is_word(p) || self.quoted[p] {
                continue;
            }
            let before = self.norm(p);
            if NOT_COMPLEMENT_TAKERS.contains(&before) || FINITE_WORDS.contains(&before) {
                continue;
            }
            // `so blue that`, `such a mess that`: degree, not report.
            if (p.saturating_sub(2)..p).any(|k| matches!(self.norm(k), "SO" | "SUCH" | "TOO")) {
                continue;
            }
            let next = self.norm(i + 1);
            let subject = self.tok(i + 1).kind == Kind::Number
                || self.is_word(i + 1)
                    && !FINITE_WORDS.contains(&next)
                    && (CLAUSE_OPENERS.contains(&next) || self.capitalized(i + 1));
            let at = self.tok(i).span.start;
            // Inside another frame's report, or its cue's own `that`
            // (`Noting that ...`).
            let framed = out.iter().any(|f| {
                f.content.start <= at && at < f.content.end || f.frame.cue.is_some_and(|c| c.start <= i && i < c.end)
            });
            if !subject || framed {
                continue;
            }
            // `highlighted that there are "significant shifts"`: the
            // quotation's frame.
            let lo = a.max(i.saturating_sub(6));
            if used.iter().filter_map(|f| f.cue).any(|u| lo <= u.start && u.start < i) {
                continue;
            }
            let Some((cue, source)) = self.complement_frame(a, p, i) else {
                continue;
            };
            if let Some(found) = self.indirect_record(s, (i, end), cue, source, None) {
                out.push(found);
            }
        }
        out.sort_by_key(|f| f.content.start);
    }

    /// The cue and source of the `that` (or `whether`) clause at token `i`
    /// whose predicate is token `p`: a cue a few words back (`told the
    /// crowd that`, `argued in an interview that`) with its subject, else
    /// the predicate itself with the clause subject. `None` for a noun that
    /// takes no clause (`countries that the State Department ...`).
    fn complement_frame(&self, a: usize, p: usize, i: usize) -> Option<(CueHit, Option<(usize, usize)>)> {
        let lo = a.max(i.saturating_sub(6));
        let earlier = (lo..p).rev().find_map(|k| {
            self.cue_at(k, i)
                .filter(|c| c.end <= p && c.class != CueClass::Noun && self.cue_is_verb(*c, a))
        });
        if let Some(c) = earlier {
            let np = self
                .np_before(c.start, a)
                .map(|(x, y, _)| (x, y))
                .filter(|&np| self.subject_ok(np))
                .or_else(|| self.clause_subject(a, c.start));
            return Some((c, np));
        }
        // After an article, a possessive or a preposition the word is a
        // noun: only nouns that take a clause (`the notion that`, which
        // names no holder). `to suggest that`, `for arguing that` are verbs.
        let before = self.norm(p);
        let verb = p == a || self.norm(p - 1) == "TO" || before.ends_with("ING");
        let nominal = !verb
            && (DETERMINERS.contains(&self.norm(p - 1))
                || PREPOSITIONS.contains(&self.norm(p - 1))
                || self.is_possessive(p - 1));
        if nominal && !COMPLEMENT_NOUNS.contains(&before) {
            return None;
        }
        // `he is confident that ...`: its subject.
        let np = (!nominal)
            .then(|| self.clause_subject(a, p))
            .flatten()
            .and_then(|np| self.subject_head(np))
            .filter(|&np| self.subject_ok(np));
        Some((CueHit::token(p, CueClass::Belief), np))
    }

    /// A clause subject up to its first auxiliary or clause word (`The
    /// committee` in `The committee is still unsure`, `some voters` in
    /// `some voters who have listened`); `None` when nothing is left.
    fn subject_head(&self, (x, y): (usize, usize)) -> Option<(usize, usize)> {
        let stop = (x + 1..y)
            .find(|&k| FINITE_WORDS.contains(&self.norm(k)) || CLAUSE_WORDS.contains(&self.norm(k)))
            .unwrap_or(y);
        (stop > x && !FINITE_WORDS.contains(&self.norm(x))).then_some((x, stop))
    }

    /// `John McCain: Populist anger appeals to ...` and transcripts
    /// (`TAPPER: ...`): a name of at most seven words opening the sentence,
    /// a colon, and at least five words (`Cruz: Just hang on.` is a section head).
    fn headline(&self, s: usize, a: usize, end: usize) -> Option<Indirect> {
        let colon = (a..end.min(a + 8)).find(|&i| self.raw(i) == ":" && !self.quoted[i])?;
        if colon == a || !self.is_word(colon - 1) || self.quoted[a] {
            return None;
        }
        let name = (a, colon);
        // `Q: ...` / `A: ...`: an interview's question and answer.
        let interview = colon == a + 1 && matches!(self.raw(a), "Q" | "A");
        let plain = (a..colon).all(|i| self.is_word(i) || matches!(self.raw(i), "." | "-" | "'s" | "\u{2019}s"));
        if interview {
            if self.words_in(colon + 1, end) < 2 || self.quoted[colon + 1] {
                return None;
            }
            // Neither label names anyone: the one interviewed is named in
            // the introduction, the asker is the publication.
            return self.indirect_record(s, (colon + 1, end), CueHit::token(colon, CueClass::Speech), None, None);
        }
        // `BOOM: Trump ...`: a shouted word is a rubric, not a name.
        let shouted = colon == a + 1 && self.raw(a).len() > 3 && !self.raw(a).chars().any(|c| c.is_lowercase());
        if !plain
            || shouted
            || !self.capitalized(a)
            || !self.capitalized(colon - 1)
            || (a..colon).any(|i| RUBRICS.contains(&self.norm(i)) || CLAUSE_WORDS.contains(&self.norm(i)))
            || !self.subject_ok(name)
        {
            return None;
        }
        let cue = CueHit::token(colon, CueClass::Speech);
        // `Name: "..."` is a direct quotation, found as one.
        if self.words_in(colon + 1, end) < 5 || self.quoted[colon + 1] {
            return None;
        }
        self.indirect_record(s, (colon + 1, end), cue, Some(name), None)
    }

    /// `In a CNN poll released Monday, 50 percent chose ...`, `In Forbes'
    /// words, ...`: a sentence that opens with `In` and a phrase naming a
    /// poll, study, report or count, then a comma (not an interview or a
    /// speech: their speaker is named in the clause).
    fn in_source(&self, s: usize, a: usize, end: usize) -> Option<Indirect> {
        let first = (a..end).find(|&i| self.is_word(i))?;
        if self.norm(first) != "IN" || self.quoted[first] {
            return None;
        }
        let comma = (first + 1..end.min(first + 15)).find(|&i| self.raw(i) == "," || self.quoted[i])?;
        if self.quoted[comma] || !(first + 1..comma).any(|i| SOURCE_NOUNS.contains(&self.norm(i))) {
            return None;
        }
        let cue = CueHit::token(first, CueClass::Finding);
        self.indirect_record(s, (comma + 1, end), cue, Some((first + 1, comma)), None)
    }

    /// `Trump leads Cruz by 9 points in a new CNN poll released Monday`,
    /// `Clinton continues to lead in polls`: a poll after `in` ends the
    /// clause it reports; the poll is the source, the clause before it the
    /// content, `in` the cue.
    fn in_poll(&self, s: usize, a: usize, end: usize) -> Option<Indirect> {
        let first = (a..end).find(|&i| self.is_word(i))?;
        // `in` and the poll noun after it, before a comma or a verb.
        let (at, noun) = (first + 3..end)
            .filter(|&i| self.norm(i) == "IN" && !self.quoted[i])
            .find_map(|i| {
                (i + 1..end.min(i + 9))
                    .take_while(|&k| self.raw(k) != "," && !FINITE_WORDS.contains(&self.norm(k)))
                    .find(|&k| POLL_NOUNS.contains(&self.norm(k)))
                    .map(|k| (i, k))
            })?;
        // The poll's own modifiers: `released Monday`, `of likely voters`.
        let mut to = noun + 1;
        let modifier = |k: usize| {
            let w = self.norm(k);
            self.raw(k) != ","
                && !FINITE_WORDS.contains(&w)
                && (w == "OF" || !PREPOSITIONS.contains(&w))
                && w != "DESPITE"
        };
        while to < end && to < noun + 6 && modifier(to) {
            to += 1;
        }
        if (first..at).any(|i| self.quoted[i]) {
            return None;
        }
        // A particular poll (`a new CNN poll`, `the latest Gallup survey`),
        // not the polls in general (`trailing in the polls`), that ends its
        // clause.
        let particular = (at + 1..noun)
            .any(|k| matches!(self.norm(k), "A" | "AN" | "NEW" | "LATEST" | "RECENT") || self.capitalized(k));
        let ends_clause = to >= end || matches!(self.raw(to), "," | "." | ";");
        if !particular || !ends_clause {
            return None;
        }
        let cue = CueHit::token(at, CueClass::Finding);
        let content_end = self.trim_end(first, at);
        self.indirect_record(s, (first, content_end), cue, Some((at + 1, to)), None)
    }

    /// `Trump's criticism of the deal`, `the ministry's claim that ...`: a
    /// noun of saying or stance after a possessive, then a preposition or
    /// `that`. The possessor is the source, the phrase after the
    /// preposition (up to a comma) the content.
    fn nominal(&self, s: usize, a: usize, end: usize, cue: CueHit) -> Option<Indirect> {
        let linking = |k: usize| {
            matches!(
                self.norm(k),
                "OF" | "FOR" | "ON" | "ABOUT" | "THAT" | "TO" | "AGAINST" | "OVER" | "IN"
            )
        };
        // `Pence's call for a special prosecutor`: a phrase of the lexicon
        // that ends in its preposition.
        let phrase = cue.end > cue.start + 1 && linking(cue.end - 1);
        let noun_like = cue.class == CueClass::Noun || cue.needs_clause || phrase;
        if !noun_like || cue.start < a + 2 || cue.end + 1 >= end {
            return None;
        }
        let poss = cue.start - 1;
        if !matches!(self.norm(poss), "'S" | "'") {
            return None;
        }
        if !phrase && !linking(cue.end) {
            return None;
        }
        let (na, nb, _) = self.np_before(poss, a)?;
        if !self.subject_ok((na, nb)) {
            return None;
        }
        let from = if phrase { cue.end } else { cue.end + 1 };
        let mut to = from;
        while to < end && to - from < 40 && (self.quoted[to] || self.raw(to) != ",") {
            to += 1;
        }
        self.indirect_record(s, (from, to), cue, Some((na, nb)), None)
    }

    fn indirect_at(
        &self,
        s: usize,
        a: usize,
        end: usize,
        cue: CueHit,
        previous: Option<(usize, usize)>,
    ) -> Option<Indirect> {
        let comma_before = |k: usize| -> Option<usize> { (a..k).rev().find(|&j| self.raw(j) == ",") };
        let head = self.norm(cue.start);
        let after_comma = cue.start > a && self.follows_comma(cue.start);
        // `Noting that ..., Schlafly wrote ...`: a participle that opens the
        // sentence reports up to its comma, and the subject after it speaks.
        let initial = head.ends_with("ING") && (a..cue.start).all(|k| !self.is_word(k));
        let that = self.norm(cue.end - 1) == "THAT" || cue.end < end && self.norm(cue.end) == "THAT";
        if initial && that {
            let k = (cue.end..end).find(|&k| self.raw(k) == "," && !self.quoted[k])?;
            return self.indirect_record(s, (cue.end, k), cue, self.clause_subject(k + 1, end), None);
        }
        if self.is_according_to(cue) {
            let np = self.np_after(cue.end, end, MAX_NP).or_else(|| {
                let mut k = cue.end;
                while k < end && self.raw(k) != "," {
                    k += 1;
                }
                (k > cue.end).then_some((cue.end, k))
            })?;
            let content = if cue.start > a && self.words_in(a, cue.start) >= 3 {
                let c = comma_before(cue.start).unwrap_or(cue.start);
                (a, self.trim_end(a, c))
            } else {
                let mut k = np.1;
                while k < end && self.raw(k) != "," {
                    k += 1;
                }
                (k + 1, end)
            };
            return self.indirect_record(s, content, cue, Some(np), None);
        }
        if cue.class == CueClass::Appearance {
            // `The music seemed to match ...`: no source, the rest is content.
            let next = if cue.end < end { self.norm(cue.end) } else { "" };
            if PREPOSITIONS.contains(&next) && next != "TO" {
                return None;
            }
            return self.indirect_record(s, (cue.end, end), cue, None, None);
        }
        if cue.class == CueClass::Refusal {
            // `X declined to comment`: the content starts at `to`.
            if cue.end >= end || self.norm(cue.end) != "TO" {
                return None;
            }
            // `Jim Prosser, a Twitter spokesman, also declined to comment`.
            let set_off = || after_comma.then(|| self.appositive_subject(a, cue.start - 1)).flatten();
            // `Curiel, who through his office declined`: `who`, after the
            // adjunct.
            let who = |k: usize| (k > a && self.norm(k - 1) == "WHO").then_some((k - 1, k));
            let before = self.np_before(cue.start, a).map(|(x, y, _)| (x, y));
            let np = before
                .filter(|&np| self.subject_ok(np))
                .and_then(|np| self.speaker_phrase(np))
                .or_else(|| before.and_then(|(x, _)| who(x)))
                .or_else(|| who(cue.start))
                .or_else(set_off);
            // A relative clause ends at its comma.
            let relative = np.is_some_and(|(x, _)| self.norm(x) == "WHO");
            let to = (cue.end..end)
                .find(|&k| relative && self.raw(k) == "," && !self.quoted[k])
                .unwrap_or(end);
            return self.indirect_record(s, (cue.end, to), cue, np, None);
        }
        let opens_clause = cue.start == a
            || (a..cue.start).all(|k| !self.is_word(k))
            || matches!(self.norm(cue.start - 1), "WHEN" | "IF" | "AFTER" | "ONCE" | "BEFORE");
        if head == "ASKED" && opens_clause {
            // `Asked whether ..., X said`, `When asked by reporters about
            // ..., `: the question, up to its comma.
            // `Asked about ...` may be one cue of the lexicon.
            let next = if cue.end > cue.start + 1 {
                self.norm(cue.start + 1)
            } else if cue.end < end {
                self.norm(cue.end)
            } else {
                ""
            };
            if !QUESTION_WORDS.contains(&next) && !PREPOSITIONS.contains(&next) && next != "BY" {
                return None;
            }
            let mut k = cue.end;
            while k < end && (self.quoted[k] || self.raw(k) != ",") {
                k += 1;
            }
            // `When asked by Ingraham about ...`: the one who asked.
            let asker = (next == "BY").then(|| self.np_after(cue.end + 1, k, MAX_NP)).flatten();
            return self.indirect_record(s, (cue.end, k), cue, asker, None);
        }
        let by = cue.end < end && self.norm(cue.end) == "BY";
        if self.passive(cue) && !by {
            // `He was told that ...`: the subject of a passive is not its
            // speaker, and no agent is named.
            return self.indirect_record(s, (cue.end, end), cue, None, None);
        }
        let addressee = self.addressee(cue, end);
        let coordinated = cue.start > a
            && (matches!(self.norm(cue.start - 1), "AND" | "BUT")
                || self.raw(cue.start - 1) == "," && self.norm(cue.start) == "THEN");
        // `Her advisers continued to assure her that ...`: the subject of
        // the verb that governs the infinitive.
        if cue.start >= a + 3 && self.norm(cue.start - 1) == "TO" {
            let governing = cue.start - 2;
            let aspect = governs_infinitive(self.norm(governing));
            let verb_at = if self.norm(governing) == "ON" && governing > a && self.norm(governing - 1) == "WENT" {
                governing - 1
            } else {
                governing
            };
            if aspect {
                let np = self
                    .np_before(verb_at, a)
                    .map(|(x, y, _)| (x, y))
                    .filter(|&np| self.subject_ok(np));
                if let Some(np) = np {
                    let after = addressee.map_or(cue.end, |(_, e)| e);
                    return self.indirect_record(s, (after, end), cue, Some(np), addressee);
                }
            }
        }
        // `soared in the polls by saying that ...`, `said, while arguing
        // ...`, `before claiming ...`: the subject of the clause.
        let by_doing = head.ends_with("ING")
            && cue.start > a
            && matches!(
                self.norm(cue.start - 1),
                "BY" | "WHILE" | "BEFORE" | "AFTER" | "WHEN" | "IN"
            );
        if coordinated || by_doing || head.ends_with("ING") && after_comma {
            // `X spoke on Monday, saying ...`, `X praised Y and said ...`:
            // the subject of the clause.
            let from = addressee.map_or(cue.end, |(_, e)| e);
            // `In declaring ..., the pope ...`: an opening phrase reports up
            // to its comma, for the subject after it.
            let opening = by_doing && (a..cue.start - 1).all(|k| !self.is_word(k));
            let comma = (from..end)
                .find(|&k| self.raw(k) == "," && !self.quoted[k])
                .filter(|_| opening);
            let (to, subject) = match comma {
                Some(k) => (k, self.clause_subject(k + 1, end)),
                // `Sullivan put off deciding whether Judicial Watch could
                // question Clinton but said ...`: a coordinated verb shares
                // the clause's subject, not a nearer frame's.
                None if coordinated => (end, self.coordinated_subject(a, cue.start).or(previous)),
                None => (end, previous.or_else(|| self.clause_subject(a, cue.start))),
            };
            let mut found = self.indirect_record(s, (from, to), cue, subject, addressee)?;
            found.participial = true;
            return Some(found);
        }
        // `Kasich (who has 25 delegates) said ...`, `Trump - who said ... -
        // said ...`: the name before the parenthesis or the dashes.
        let close = cue.start.saturating_sub(1);
        let aside = (cue.start > a + 2 && self.raw(close) == ")")
            .then(|| {
                (a.max(cue.start.saturating_sub(30))..close)
                    .rev()
                    .find(|&i| self.raw(i) == "(")
            })
            .flatten()
            // Not a party tag: `Sen. Warren (D-Mass.) said` keeps it.
            .filter(|&open| self.words_in(open + 1, close) > 3)
            .or_else(|| {
                (cue.start > a + 2 && self.is_dash(close))
                    .then(|| self.aside_start(close, a))
                    .flatten()
                    .filter(|&open| open + 1 < close && self.is_relative_pronoun(open + 1))
            })
            .and_then(|open| self.np_before(open, a))
            .map(|(x, y, _)| (x, y))
            .filter(|&np| self.subject_ok(np));
        if let Some(np) = aside {
            let after = addressee.map_or(cue.end, |(_, e)| e);
            return self.indirect_record(s, (after, end), cue, Some(np), addressee);
        }
        let before = self.np_before(cue.start, a);
        // `Paul Ryan, the speaker, on Tuesday called ...`, `Beck, who ...,
        // last week said ...`; not `In Vermont, about half of the voters
        // said ...`.
        let set_off = before
            .filter(|&(na, _, _)| {
                let w = self.norm(na);
                na > a && (PREPOSITIONS.contains(&w) || is_time_word(w)) && self.raw(na - 1) == ","
            })
            .and_then(|(na, _, _)| self.appositive_subject(a, na - 1));
        if let Some(np) = set_off {
            let after = addressee.map_or(cue.end, |(_, e)| e);
            return self.indirect_record(s, (after, end), cue, Some(np), addressee);
        }
        if by && is_participle(self.norm(cue.end - 1)) {
            // `The plan was rejected by 64 percent of voters`, `a practice
            // criticized by Miller`, `which was projected by networks`: the
            // agent is the source, what it acts on the content.
            let relative = (cue.start > a && matches!(self.norm(cue.start - 1), "WHICH" | "WHO" | "THAT"))
                .then(|| self.antecedent_of(cue.start - 1, a));
            // `An Istanbul-based professor, accused by the government of
            // ...`: the noun the set-off participle hangs on.
            let set_off = || {
                (cue.start > a + 1 && self.raw(cue.start - 1) == ",")
                    .then(|| self.np_before(cue.start - 1, a))
                    .flatten()
            };
            let target = match relative {
                Some(antecedent) => antecedent,
                None => before.or_else(set_off).map(|(x, y, _)| (x, y)),
            };
            if let Some(agent) = self.np_after(cue.end + 1, end, MAX_NP) {
                // `was asked by host John Dickerson whether ...`: the clause
                // after the agent.
                let clause = agent.1 < end && matches!(self.norm(agent.1), "THAT" | "WHETHER" | "IF" | "HOW" | "WHY");
                let content = if clause { Some((agent.1, end)) } else { target };
                if let Some(content) = content {
                    return self.indirect_record(s, content, cue, Some(agent), None);
                }
            }
        }
        match before {
            // `people who have battled online threats say it ...`: the noun
            // the relative clause hangs on; not in `an official who spoke
            // anonymously to discuss ...`, whose infinitive is a purpose.
            // `daughters, who he said were living ...`: a subject after
            // `who` says it.
            Some((na, _, _))
                if na > a + 1
                    && self.norm(na - 1) == "WHO"
                    && !self.names_subject(na)
                    && (self.norm(cue.start - 1) != "TO" || governs_infinitive(self.norm(cue.start - 2))) =>
            {
                let np = self.antecedent_of(na - 1, a)?;
                let after = addressee.map_or(cue.end, |(_, e)| e);
                self.indirect_record(s, (after, end), cue, Some(np), addressee)
            }
            // `a program called X` names; `a group of rabbis called for ...`
            // speaks.
            Some((na, nb, comma))
                if self.subject_ok((na, nb))
                    && !(is_naming(head) && cue.end == cue.start + 1 && self.indefinite(na)) =>
            {
                let after = addressee.map_or(cue.end, |(_, e)| e);
                // `..., Hollande said Tuesday in Paris, noting ...`: the tail
                // ends at a participle that opens a frame of its own.
                let tail_end = (after..end)
                    .find(|&k| {
                        self.raw(k) == ","
                            && !self.quoted[k]
                            && k + 1 < end
                            && self.norm(k + 1).ends_with("ING")
                            && self.cue_at(k + 1, end).is_some()
                    })
                    .unwrap_or(end);
                // `..., records show, and it is worth less`: a new clause.
                let tail_words = if cue.class == CueClass::Finding && self.opens_conjunct(after) {
                    0
                } else {
                    self.words_in(after, tail_end)
                };
                let starts_clause = after < end && self.norm(after) == "THAT";
                // `..., she said in a video message to the convention.`: a
                // tail of adjuncts only, no clause.
                let adjuncts = after < tail_end
                    && (PREPOSITIONS.contains(&self.norm(after)) || is_time_word(self.norm(after)))
                    && (after..tail_end).all(|k| {
                        !self.quoted[k]
                            && !FINITE_WORDS.contains(&self.norm(k))
                            && !CLAUSE_WORDS.contains(&self.norm(k))
                    });
                // `..., X said on Monday.`; `It is a "welcome tack," he
                // said` keeps the closing mark.
                let c = match self.tok(na.saturating_sub(1)).kind {
                    Kind::Quote(_) => na,
                    _ => comma_before(na).unwrap_or(na),
                };
                // `Early in his campaign, Trump attacked Romney, ...`: an
                // opening adjunct is no clause to report; `As a woman, Ms.
                // Malik raised less suspicion, Mr. Verdery said` has one
                // after the adjunct's comma.
                let adjunct_only = self.opens_adjunct_at(a)
                    && (a..c).all(|k| !FINITE_WORDS.contains(&self.norm(k)) && self.raw(k) != ",");
                if comma
                    && na > a
                    && self.words_in(a, na) >= 3
                    && (tail_words <= 3 || adjuncts)
                    && !starts_clause
                    && !head.ends_with("ING")
                    && !adjunct_only
                {
                    return self.indirect_record(s, (a, self.trim_end(a, c)), cue, Some((na, nb)), addressee);
                }
                if tail_words >= 2 {
                    let mut from = after;
                    while from < end && self.raw(from) == "," {
                        from += 1;
                    }
                    if from < end && self.raw(from) == ":" {
                        from += 1;
                    }
                    return self.indirect_record(s, (from, end), cue, Some((na, nb)), addressee);
                }
                None
            }
            Some(_) => None,
            None => {
                if after_comma {
                    // `Graham, a former candidate, told ...`, `Smith, who
                    // chairs the panel, said ...`
                    let found = self.appositive(a, cue.start - 1);
                    let np = found
                        .filter(|&(_, marked)| marked || !self.inverts(cue) || !self.inverted_ahead(cue, end))
                        .map(|(np, _)| np)
                        .or_else(|| self.relative_antecedent(cue.start - 1, a));
                    if let Some(np) = np {
                        let after = addressee.map_or(cue.end, |(_, e)| e);
                        // `..., his top aide, Tad Devine, told The Huffington
                        // Post.`: the clause before the name.
                        if np.0 > a && self.raw(np.0 - 1) == "," && self.words_in(after, end) <= 3 {
                            return self.indirect_record(s, (a, self.trim_end(a, np.0 - 1)), cue, Some(np), addressee);
                        }
                        return self.indirect_record(s, (after, end), cue, Some(np), addressee);
                    }
                }
                // ... and `polls that showed ...`: a finding's relative.
                let finding = cue.class == CueClass::Finding;
                // `The union, which endorsed Clinton, ...`: `which` set off
                // by a comma stands for the noun before it.
                let set_off_which =
                    cue.start >= a + 2 && self.norm(cue.start - 1) == "WHICH" && self.raw(cue.start - 2) == ",";
                let relative = cue.start > a
                    && (self.norm(cue.start - 1) == "WHO"
                        || set_off_which
                        || finding && matches!(self.norm(cue.start - 1), "THAT" | "WHICH"));
                if relative {
                    // `Smith, who said he would run, ...`: up to the comma
                    // (or the dash that closes the aside).
                    // A finding's `that` stands for the poll or paper itself,
                    // the source (`a 2014 paper that found ...`).
                    let np = match self.norm(cue.start - 1) {
                        "THAT" | "WHICH" if finding => self
                            .np_before(cue.start - 1, a)
                            .map(|(x, y, _)| (x, y))
                            .or(Some((cue.start - 1, cue.start))),
                        _ => Some((cue.start - 1, cue.start)),
                    };
                    let after = addressee.map_or(cue.end, |(_, e)| e);
                    let mut k = after;
                    while k < end && self.raw(k) != "," && (self.quoted[k] || !self.is_dash(k)) {
                        k += 1;
                    }
                    return self.indirect_record(s, (after, k), cue, np, addressee);
                }
                // `..., said X.` (the cue right after a comma).
                if cue.start == a
                    || self.raw(cue.start - 1) != ","
                    || cue.class != CueClass::Speech
                    || !self.inverts(cue)
                {
                    return None;
                }
                let np = self.np_after(cue.end, end, 10)?;
                // `..., said on CNN`: an adjunct, not the speaker.
                if self.words_in(a, cue.start) < 3 || PREPOSITIONS.contains(&self.norm(np.0)) {
                    return None;
                }
                // `Sen. Marco Rubio, R-Fla., said Obama failed.`: a verb after
                // the noun phrase makes it a clause, not an inverted source;
                // the name set off before the cue is the source.
                // A relative clause after it (`said a handful of Democrats
                // who point to ...`) is the noun phrase's own.
                let verb_next = (cue.end + 1..end)
                    .take_while(|&k| self.raw(k) != "," && !self.quoted[k] && !matches!(self.norm(k), "WHO" | "WHICH"))
                    .any(|k| FINITE_WORDS.contains(&self.norm(k)) || self.norm(k).ends_with("ED"));
                // `Sen. Marco Rubio, R-Fla., appearing on Fox News, said
                // ...`: a name with set-off phrases and no clause.
                let no_clause = (a..cue.start).all(|k| !FINITE_WORDS.contains(&self.norm(k)));
                let words = self.words_in(a, cue.start);
                if verb_next && self.capitalized(a) && (words <= 8 || no_clause && words <= 20) {
                    let name = (a, self.trim_end(a, cue.start - 1));
                    return self.indirect_record(s, (cue.end, end), cue, Some(name), addressee);
                }
                if verb_next {
                    // `Some voters who have listened ..., said he had ...`:
                    // the subject that opens the sentence.
                    let subject = self
                        .clause_subject(a, cue.start - 1)
                        .and_then(|np| self.subject_head(np));
                    return self.indirect_record(s, (cue.end, end), cue, subject, addressee);
                }
                self.indirect_record(s, (a, self.trim_end(a, cue.start - 1)), cue, Some(np), addressee)
            }
        }
    }

    /// Whether the cue's verb is one the press puts before its speaker
    /// (`..., said the minister`, `..., also said Smith`).
    fn inverts(&self, cue: CueHit) -> bool {
        (cue.start..cue.end).any(|i| INVERTING.contains(&self.norm(i)))
    }

    /// Whether a short noun phrase after the cue ends the sentence (`...,
    /// said the observer.`): the inverted form, not an apposition.
    fn inverted_ahead(&self, cue: CueHit, end: usize) -> bool {
        self.np_after(cue.end, end, 10)
            .is_some_and(|(_, e)| self.words_in(e, end) <= 3 && (e >= end || !FINITE_WORDS.contains(&self.norm(e))))
    }

    /// The noun phrase a relative pronoun (token `w`, `who` or `which`)
    /// stands for: `Smith` in `Smith, who ...` and in `Smith, a Republican
    /// who ...` (an apposition points back to its name).
    fn antecedent_of(&self, w: usize, a: usize) -> Option<(usize, usize)> {
        if w < a + 1 {
            return None;
        }
        let before = |k: usize| {
            self.np_before(k, a)
                .map(|(na, nb, _)| (na, nb))
                .filter(|&np| self.subject_ok(np))
        };
        if self.raw(w - 1) == "," {
            return before(w - 1);
        }
        let np = before(w)?;
        if np.0 > a + 1 && matches!(self.norm(np.0), "A" | "AN" | "THE") && self.raw(np.0 - 1) == "," {
            return before(np.0 - 1).or(Some(np));
        }
        Some(np)
    }

    /// For a source that is a relative pronoun (`Smith, who said ...`),
    /// the noun phrase it stands for.
    pub fn relative_target(&self, (a, b): (usize, usize)) -> Option<(usize, usize)> {
        if b != a + 1 || !matches!(self.norm(a), "WHO" | "WHICH") {
            return None;
        }
        let (sa, _) = self.sentence_range(self.sentence_of[a] as usize);
        self.antecedent_of(a, sa)
    }

    /// Whether a comma ends the text before token `k`, also inside a
    /// closing mark (`a "distortion," describing ...`).
    fn follows_comma(&self, k: usize) -> bool {
        k > 0 && self.raw(k - 1) == "," || k > 1 && self.quoted[k - 1] && self.raw(k - 2) == ","
    }

    /// For a relative clause closed by the comma at token `k` (`Smith, who
    /// chairs the panel, said`, `Humphrey, who calls Trump a "sociopath,"
    /// said`, `Stephens, who, after ..., said`), the noun phrase it hangs
    /// on.
    fn relative_antecedent(&self, k: usize, a: usize) -> Option<(usize, usize)> {
        let floor = a.max(k.saturating_sub(40));
        let w = (floor..k)
            .rev()
            .find(|&w| !self.quoted[w] && (self.raw(w) == "," || matches!(self.norm(w), "WHO" | "WHICH")))?;
        // `Stephens, who, after trading insults, said`: the adjunct's
        // comma right after `who`.
        match self.raw(w) {
            "," if w > a && matches!(self.norm(w - 1), "WHO" | "WHICH") => self.antecedent_of(w - 1, a),
            "," => None,
            _ => self.antecedent_of(w, a),
        }
    }

    /// The part of tokens `a..b` that can name who speaks: `Gorka` in
    /// `with Gorka noting ...` and `including Mr. Trump`; `None` for a
    /// phrase that opens with another preposition, a conjunction or a verb
    /// (`Instead of`, `in a statement`, `having`) and for an expletive
    /// (`It is unclear whether`, `There is`, `That's why`). Counted groups
    /// keep their opening (`About half of voters`, `Only 7 percent`).
    pub fn speaker_phrase(&self, (a, b): (usize, usize)) -> Option<(usize, usize)> {
        let first = self.norm(a);
        if matches!(first, "WITH" | "INCLUDING") && b > a + 1 {
            return self.speaker_phrase((a + 1, b));
        }
        // The phrase after token `k`, when words are left.
        let after = |k: usize| {
            (self.words_in(k + 1, b) > 0)
                .then(|| self.speaker_phrase((k + 1, b)))
                .flatten()
        };
        // `CLEVELAND - When ...`: a dateline names a place, not a speaker.
        if let Some(dash) = (a + 1..b).find(|&k| self.is_dash(k)) {
            let dateline = (a..dash).all(|k| !self.is_word(k) || self.raw(k).chars().all(|c| !c.is_lowercase()));
            if dateline {
                return after(dash);
            }
        }
        let counted = b > a + 1 && {
            let next = self.norm(a + 1);
            self.tok(a + 1).kind == Kind::Number
                || NUMBER_WORDS.contains(&next)
                || matches!(next, "LEAST" | "ABOUT" | "HALF" | "A")
        };
        if matches!(first, "ABOUT" | "AT" | "ONLY") && counted {
            return Some((a, b));
        }
        if !self.not_noun_phrase((a, b)) {
            return (!self.expletive((a, b))).then_some((a, b));
        }
        // `at the town hall this week she`: the pronoun after the adjunct.
        if b > a + 1 && SUBJECT_PRONOUNS.contains(&self.norm(b - 1)) {
            return Some((b - 1, b));
        }
        // `In an interview, the union's president, Mary Kay Henry`: the
        // phrase after the opening adjunct.
        let comma = (a + 1..b).find(|&k| self.raw(k) == "," && !self.quoted[k])?;
        after(comma)
    }

    /// Whether tokens `a..b` open with a word no noun phrase opens with: a
    /// preposition, a conjunction, an auxiliary, a verb or an adverb
    /// (`showed Cruz`, `recalling how`, `overwhelmingly`); not an adjective
    /// before its noun (`retired Gen. John Allen`, `nearly half`).
    fn not_noun_phrase(&self, (a, b): (usize, usize)) -> bool {
        let first = self.norm(a);
        let next = (b > a + 1).then(|| self.norm(a + 1));
        // `according to polling by the A.F.L.-C.I.O.`: a gerund there
        // names the source.
        let according = a >= 2 && self.norm(a - 1) == "TO" && self.norm(a - 2) == "ACCORDING";
        let verbal = !self.capitalized(a)
            && !according
            && (first.ends_with("ING") || first.ends_with("ED") || first.ends_with("LY"))
            && next.is_none_or(|w| {
                DETERMINERS.contains(&w)
                    || PREPOSITIONS.contains(&w)
                    || QUESTION_WORDS.contains(&w)
                    || w.ends_with("LY")
            });
        verbal
            || NOT_SOURCE_OPENERS.contains(&first)
            || PREPOSITIONS.contains(&first)
            // `May's poll`, `Will Estrada`: a capital makes it a name.
            || FINITE_WORDS.contains(&first) && !self.capitalized(a)
            || CLAUSE_WORDS.contains(&first) && !matches!(first, "WHO" | "WHICH")
    }

    /// Whether tokens `a..b` are an expletive `it` before a copula (`It is
    /// unclear whether`, `It's possible that`, `It remains to be seen`).
    fn expletive(&self, (a, b): (usize, usize)) -> bool {
        let copula = b < self.seg.tokens.len() && {
            let w = self.norm(b);
            BE_FORMS.contains(&w)
                || matches!(
                    w,
                    "'S" | "REMAINS" | "REMAINED" | "SEEMS" | "SEEMED" | "APPEARS" | "APPEARED"
                )
        };
        b == a + 1 && self.norm(a) == "IT" && copula
    }

    /// Where a report that opens at token `ca` begins past a day the cue
    /// took place on (`said Wednesday the plan failed`, `warned on Monday
    /// that ...`, `called Wednesday for ...`, whose `for` is the cue's).
    /// Only a report right after its cue: in `Monday was a good day, he
    /// said` the day is the report's own subject.
    fn past_time_adjunct(&self, ca: usize, cb: usize, cue: CueHit) -> usize {
        if ca != cue.end {
            return ca;
        }
        let mut k = ca;
        if k < cb && self.norm(k) == "ON" {
            k += 1;
        }
        if k >= cb || !DAY_WORDS.contains(&self.norm(k)) || matches!(self.norm(k), "LAST" | "THIS") || self.quoted[k] {
            return ca;
        }
        k += 1;
        if k < cb && matches!(self.norm(k), "MORNING" | "AFTERNOON" | "EVENING" | "NIGHT") {
            k += 1;
        }
        if k < cb && matches!(self.norm(k), "FOR" | "ON") && self.norm(cue.head).starts_with("CALL") {
            k += 1;
        }
        if k < cb && self.raw(k) == "," {
            k += 1;
        }
        k
    }

    fn indirect_record(
        &self,
        s: usize,
        (ca, cb): (usize, usize),
        cue: CueHit,
        source: Option<(usize, usize)>,
        addressee: Option<(usize, usize)>,
    ) -> Option<Indirect> {
        let ca = self.past_time_adjunct(ca, cb, cue);
        if cb <= ca || self.words_in(ca, cb) < 2 {
            return None;
        }
        let source = source.and_then(|np| self.speaker_phrase(np));
        Some(Indirect {
            sentence: s,
            participial: false,
            content: self.cover(ca, cb),
            frame: Frame {
                cue: Some(cue),
                source,
                addressee,
            },
        })
    }
}
