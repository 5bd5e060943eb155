//! Closed word classes the shallow clause reading relies on, as upper-case
//! words: what belongs to a verb group, what ends a clause, what makes a
//! following verb form a noun, and which verbs report speech.

/// Words that may stand between a subject and its verb as part of the verb
/// group: auxiliaries, modals, negation, infinitive markers and frequent
/// adverbs. Modality reads them.
const GROUP_WORDS: &[&str] = &[
    "IS",
    "ARE",
    "WAS",
    "WERE",
    "BE",
    "BEEN",
    "BEING",
    "AM",
    "'S",
    "’S",
    "HAS",
    "HAVE",
    "HAD",
    "'VE",
    "WILL",
    "'LL",
    "WOULD",
    "'D",
    "SHALL",
    "SHOULD",
    "CAN",
    "COULD",
    "MAY",
    "MIGHT",
    "MUST",
    "DO",
    "DOES",
    "DID",
    "NOT",
    "N'T",
    "N’T",
    "NEVER",
    "ALSO",
    "AGAIN",
    "STILL",
    "TO",
    "ABOUT",
    "SET",
    "EXPECTED",
    "DUE",
    "PLANS",
    "PLAN",
    "PLANNED",
    "PLANNING",
    "READY",
    "GOING",
    "ALREADY",
    "JUST",
    "REPORTEDLY",
    "ALLEGEDLY",
    "FINALLY",
    "ONCE",
    "REPEATEDLY",
    "RECENTLY",
    "PREVIOUSLY",
    "LATER",
    "SOON",
    "THEN",
    "NO",
    "LONGER",
    "YET",
    "EVEN",
    "OFTEN",
    "PUBLICLY",
    "FORMALLY",
    "OFFICIALLY",
    "REFUSED",
    "FAILED",
    "WANTS",
    "WANT",
    "WANTED",
    "HOPES",
    "HOPED",
    "LIKELY",
    "UNLIKELY",
    "WILLING",
    "UNWILLING",
    "ABLE",
    "UNABLE",
    "AGREED",
    "THREATENED",
    "VOWED",
    "PROMISED",
    "PLEDGED",
    "OFFERED",
    "DECLINED",
    "TRYING",
    "TRIED",
    "SEEKING",
    "SOUGHT",
    "SEEKS",
];

/// Adjectives ending in -ly, which the -ly adverb rule must not take for
/// verb-group adverbs ("its deadly attacks").
const LY_ADJECTIVES: &[&str] = &[
    "DEADLY",
    "COSTLY",
    "FRIENDLY",
    "UNFRIENDLY",
    "ELDERLY",
    "EARLY",
    "DAILY",
    "WEEKLY",
    "MONTHLY",
    "YEARLY",
    "QUARTERLY",
    "TIMELY",
    "ORDERLY",
    "HOLY",
    "LONELY",
    "UGLY",
    "SILLY",
    "BLOODY",
    "ONLY",
];

/// Auxiliaries and modals: a verb form among them that another verb follows
/// is that verb's helper ("should have acted"), not an event of its own.
const AUXILIARIES: &[&str] = &[
    "IS", "ARE", "WAS", "WERE", "BE", "BEEN", "BEING", "AM", "HAS", "HAVE", "HAD", "WILL", "WOULD", "SHALL",
    "SHOULD", "CAN", "COULD", "MAY", "MIGHT", "MUST", "DO", "DOES", "DID",
];

/// Words that end a clause: a verb's subject and object stay within them.
const BOUNDARIES: &[&str] = &[
    ";", "WHICH", "WHO", "WHOM", "WHERE", "WHEN", "WHILE", "BECAUSE", "AFTER", "BEFORE", "SINCE", "UNTIL",
    "ALTHOUGH", "THOUGH", "WHEREAS", "THAT", "IF", "UNLESS", "BUT", "AS", "—", "–", ":", "“", "”", "\"",
];

/// Words before a verb form that make it a noun ("the attack", "its offer").
const DETERMINERS: &[&str] = &[
    "THE", "A", "AN", "ITS", "THEIR", "HIS", "HER", "OUR", "MY", "YOUR", "THIS", "THESE", "THOSE", "'S",
    "’S", "OF", "NO", "ANY", "EACH", "EVERY", "SUCH", "ANOTHER", "NEW", "FIRST", "SECOND", "IN", "ON", "FOR",
    "WITH", "MORE", "FURTHER", "LATEST",
];

/// Articles and possessives: "its deadly attacks" is a noun phrase, while
/// "on Thursday fired" is not.
const ARTICLES: &[&str] = &[
    "THE", "A", "AN", "ITS", "THEIR", "HIS", "HER", "OUR", "MY", "YOUR", "THIS", "THESE", "THOSE", "'S",
    "’S", "NO", "ANY", "EACH", "EVERY", "SUCH", "ANOTHER",
];

/// Degree adverbs: what follows them is an adjective ("very close"), not a verb.
const DEGREE_ADVERBS: &[&str] = &["VERY", "SO", "TOO", "QUITE", "RATHER", "MOST", "LESS", "LEAST"];

const BE_FORMS: &[&str] = &[
    "IS", "ARE", "WAS", "WERE", "BE", "BEEN", "BEING", "AM", "GET", "GOT", "GETS",
];

/// Verbs and phrases that report speech: they introduce statements (the
/// quotes layer), and make the events of their sentence reported.
const REPORTING: &[&str] = &[
    "SAID",
    "SAYS",
    "SAY",
    "SAYING",
    "TOLD",
    "TELLING",
    "ANNOUNCED",
    "CLAIMED",
    "CLAIMS",
    "REPORTED",
    "REPORTS",
    "ACCORDING",
    "STATED",
    "WROTE",
    "ADDED",
    "ADDING",
    "ADDS",
    "NOTED",
    "INSISTED",
    "EXPLAINED",
];

/// Verbs of thinking and knowing: what their "that" clause names is a
/// thought, not their target ("I think that the government …").
const COGNITION: &[&str] = &[
    "THINK",
    "THINKS",
    "THOUGHT",
    "BELIEVE",
    "BELIEVES",
    "BELIEVED",
    "KNOW",
    "KNOWS",
    "KNEW",
    "FEEL",
    "FEELS",
    "FELT",
    "EXPECT",
    "EXPECTS",
    "FEAR",
    "FEARS",
    "FEARED",
    "SUSPECT",
    "SUSPECTS",
    "SUSPECTED",
    "ASSUME",
    "ASSUMES",
    "ASSUMED",
    "UNDERSTAND",
    "UNDERSTANDS",
    "UNDERSTOOD",
    "DOUBT",
    "DOUBTS",
    "DOUBTED",
    "GUESS",
    "SUPPOSE",
    "REALIZE",
    "REALIZED",
    "RECOGNIZED",
    "FOUND",
    "FINDS",
    "SHOWED",
    "SHOWS",
    "SUGGESTS",
    "SUGGESTED",
];

fn is_in(word: &str, list: &[&str]) -> bool {
    list.contains(&word)
}

/// True when `word` ends a clause.
pub fn is_boundary(word: &str) -> bool {
    is_in(word, BOUNDARIES)
}

/// True when `word` belongs to a verb group (auxiliary, modal, adverb, …).
pub fn is_group_word(word: &str) -> bool {
    is_in(word, GROUP_WORDS) || (word.ends_with("LY") && word.len() > 4 && !is_in(word, LY_ADJECTIVES))
}

/// True when `word` is one of the listed verb-group words (not merely an -ly adverb).
pub fn is_listed_group_word(word: &str) -> bool {
    is_in(word, GROUP_WORDS)
}

/// True for an auxiliary or modal verb.
pub fn is_auxiliary(word: &str) -> bool {
    is_in(word, AUXILIARIES)
}

/// True for a determiner or a preposition that makes a following verb form a noun.
pub fn is_determiner(word: &str) -> bool {
    is_in(word, DETERMINERS)
}

/// True for an article or possessive.
pub fn is_article(word: &str) -> bool {
    is_in(word, ARTICLES)
}

/// True for a degree adverb ("very").
pub fn is_degree_adverb(word: &str) -> bool {
    is_in(word, DEGREE_ADVERBS)
}

/// True for a form of "be" (or "get") that makes a participle passive.
pub fn is_be_form(word: &str) -> bool {
    is_in(word, BE_FORMS)
}

/// True for a verb of thinking or knowing.
pub fn is_cognition(word: &str) -> bool {
    is_in(word, COGNITION)
}

/// True for a verb that reports speech ("said", "according").
pub fn is_reporting(word: &str) -> bool {
    is_in(word, REPORTING)
}
