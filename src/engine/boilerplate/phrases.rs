//! The phrase tables of the boilerplate rules: headings that open a list of links, whole
//! sentences and openings that are furniture, phrases anywhere, photo credits, copyright
//! marks, and the words of dates and timestamps. All in lower case unless said otherwise.

/// Headings that open a list of links.
pub(super) const HEADINGS: &[&str] = &[
    "related topics",
    "related stories",
    "related articles",
    "related news",
    "related",
    "recent stories",
    "recent posts",
    "recent news",
    "more stories",
    "more news",
    "trending news",
    "trending",
    "trending now",
    "most read",
    "most popular",
    "popular stories",
    "top stories",
    "latest news",
    "latest stories",
    "you may also like",
    "you might also like",
    "recommended",
    "recommended stories",
    "read more",
    "read next",
    "see also",
    "tags",
    "topics",
    "site links",
];

/// Heading prefixes ("More Stories From Business").
pub(super) const HEADING_PREFIXES: &[&str] = &[
    "more stories from",
    "more from ",
    "more news from",
    "latest from",
    "also on ",
];

/// Whole sentences (lower case, trailing colon removed) that are furniture.
pub(super) const EXACT: &[&str] = &[
    "advertisement",
    "advertisements",
    "sponsored",
    "sponsored content",
    "email",
    "share",
    "share this",
    "share this article",
    "close",
    "print",
    "comments",
    "comment",
    "tweet",
    "menu",
    "search",
    "home",
    "published",
    "updated",
    "filed under",
    "ap",
    "/ ap",
    "afp",
    "reuters",
    "the associated press",
    "associated press",
    "about us",
    "contact us",
    "who we are",
    "our network",
    "skip to content",
    "skip to main content",
    "subscribe",
    "sign in",
    "log in",
    "continue reading",
    "continue reading below",
    "story continues below",
    "next article",
    "previous article",
    "video",
    "watch",
    "listen",
    "image",
    "photo",
    "loading",
    "loading...",
    "story continues below advertisement",
    "anzeige",
    "werbung",
    "publicité",
    "publicidad",
    "pubblicità",
];

/// Sentence openings (lower case) that are furniture.
pub(super) const PREFIXES: &[&str] = &[
    "related article",
    "related story",
    "related:",
    "related video",
    "see also",
    "original url",
    "source url",
    "read more:",
    "share on ",
    "lesen sie auch",
    "lire aussi",
    "à lire aussi",
    "lee también",
    "leggi anche",
    "read more at",
    "read the full story",
    "leave a reply",
    "leave a comment",
    "your email address will not be published",
    "required fields are marked",
    "click here",
    "follow us on",
    "like us on facebook",
    "first published",
    "published:",
    "updated:",
    "last updated",
    "filed under",
    "sign up for our",
    "subscribe to our",
    "download our app",
    "reporting by ",
    "additional reporting by ",
    "editing by ",
    "writing by ",
    "compiled by ",
    "http://",
    "https://",
    "www.",
];

/// Phrases anywhere in a sentence that make it furniture.
pub(super) const CONTAINS: &[&str] = &[
    "this story was not edited by",
    "has not been edited by",
    "is now available on telegram",
    "click here to",
    "contributed to this report",
    "contributed reporting",
    "may not be published, broadcast",
    "all rights reserved",
];

/// Openings of copyright lines.
pub(super) const COPYRIGHT_PREFIXES: &[&str] = &["©", "(c) ", "copyright"];

/// A copyright phrase anywhere in a sentence.
pub(super) const RIGHTS_RESERVED: &str = "all rights reserved";

/// Words that together mark a short copyright line ("Rights of reproduction reserved").
pub(super) const RIGHTS_WORDS: &[&str] = &["rights", "reserved"];

/// Openings of a sentence (case as written) that stamp furniture: a share bar.
pub(super) const SHARE_PREFIX: &str = "SHARE ";

/// Openings of a byline, case as written ("By Jane Doe").
pub(super) const BYLINE_PREFIXES: &[&str] = &["By ", "BY "];

/// Openings of a wire photo caption, case as written ("FILE - A ferry ...").
pub(super) const FILE_PHOTO_PREFIXES: &[&str] = &["FILE - ", "FILE — "];

/// Endings of an image file name.
pub(super) const IMAGE_EXTENSIONS: &[&str] = &[".jpg", ".jpeg", ".png", ".gif", ".webp"];

/// Photo credits anywhere in a sentence.
pub(super) const PHOTO_CREDITS: &[&str] = &[
    "(ap photo",
    "| ap photo",
    "(photo:",
    "(photo by",
    "(reuters/",
    "(afp/",
    "/ flickr",
    "(cc by",
    "via getty images",
    "/ getty images",
    "(getty images",
    "photo credit",
];

/// Photo credits at the start of a sentence.
pub(super) const PHOTO_PREFIXES: &[&str] = &[
    "photo:",
    "photo by ",
    "photos:",
    "photograph:",
    "image:",
    "image source",
    "picture:",
    "credit:",
    "ap photo/",
    "reuters/",
    "afp/",
    "file photo",
    "image copyright",
    "image caption",
    "media caption",
];

/// Words (ASCII, any case) without which no `CONTAINS`, `PHOTO_CREDITS` or copyright
/// phrase can occur in a long sentence: a cheap filter before lower-casing. Every long
/// sentence is scanned for them: `features::has_trigger` looks at a word only where its
/// first two letters open a trigger ([`trigger_opening`]), and [`is_trigger`] then
/// compares it with the triggers of its length (tests check both against this list).
pub(super) const TRIGGERS: &[&str] = &[
    "edited",
    "telegram",
    "click",
    "contributed",
    "broadcast",
    "reserved",
    "photo",
    "flickr",
    "cc",
    "getty",
    "reuters",
    "afp",
    "credit",
];

/// Whether the ASCII word `word` (letters and digits) is one of [`TRIGGERS`], in any case.
pub(super) fn is_trigger(word: &[u8]) -> bool {
    // Only the triggers of the word's length can match.
    let is = |trigger: &str| word.eq_ignore_ascii_case(trigger.as_bytes());
    match word.len() {
        2 => is("cc"),
        3 => is("afp"),
        5 => is("click") || is("photo") || is("getty"),
        6 => is("edited") || is("flickr") || is("credit"),
        7 => is("reuters"),
        8 => is("telegram") || is("reserved"),
        9 => is("broadcast"),
        11 => is("contributed"),
        _ => false,
    }
}

/// 1 if some trigger opens with bytes `first` then `second` (ASCII case ignored), else 0
/// (a number, not a branch: the answer is almost always no, 12 openings of the 676 letter
/// pairs, and the scan combines it with whether a word starts there).
#[inline(always)]
pub(super) fn trigger_opening(first: u8, second: u8) -> u32 {
    let (first, second) = (LETTER[usize::from(first)], LETTER[usize::from(second)]);
    TRIGGER_OPENINGS[usize::from(first)] >> second & 1
}

/// Per byte, the index of its ASCII letter (either case: `a` and `A` are 0), 26 for any
/// other byte.
static LETTER: [u8; 256] = {
    let mut table = [26u8; 256];
    let mut b = 0;
    while b < 26 {
        table[b'a' as usize + b] = b as u8;
        table[b'A' as usize + b] = b as u8;
        b += 1;
    }
    table
};

/// Per first letter (index 26: not a letter, no bits), the second letters of the triggers
/// that open with it (bit 0 for `a`; bit 26, which `LETTER` gives to the other bytes, is
/// never set).
static TRIGGER_OPENINGS: [u32; 27] = {
    let mut openings = [0u32; 27];
    let mut t = 0;
    while t < TRIGGERS.len() {
        let trigger = TRIGGERS[t].as_bytes();
        openings[(trigger[0] - b'a') as usize] |= 1 << (trigger[1] - b'a');
        t += 1;
    }
    openings
};

/// Separators of a link list ("Home | News | Sport"), each after a space.
pub(super) const LINK_SEPARATORS: &[&str] = &["| ", "- ", "• ", "· ", "– "];

/// What may follow the digits of a date token: ordinals ("23rd") and times ("9am", "18h").
pub(super) const DATE_SUFFIXES: &[&str] = &["st", "nd", "rd", "th", "am", "pm", "h"];

/// Words that neither make nor break a lone date or timestamp ("Published on ...",
/// "Letzte Änderung: ...", "Mis à jour le ...", "Publicado el ...").
pub(super) const NEUTRAL: &[&str] = &[
    // English
    "on",
    "at",
    "first",
    "the",
    "of",
    "by",
    "published",
    "updated",
    "posted",
    "modified",
    "last",
    // German
    "am",
    "um",
    "den",
    "der",
    "vom",
    "letzte",
    "letzter",
    "zuletzt",
    "änderung",
    "aktualisiert",
    "veröffentlicht",
    "geändert",
    "erstellt",
    "stand",
    "datum",
    // French
    "le",
    "la",
    "à",
    "du",
    "mis",
    "mise",
    "jour",
    "publié",
    "modifié",
    "dernière",
    // Spanish
    "el",
    "de",
    "a",
    "las",
    "los",
    "del",
    "actualizado",
    "publicado",
    "modificado",
    "última",
    "actualización",
    // Italian
    "il",
    "alle",
    "di",
    "pubblicato",
    "aggiornato",
    "ultimo",
    "aggiornamento",
    // Portuguese
    "em",
    "às",
    "do",
    "atualizado",
    "atualização",
    // Dutch
    "op",
    "om",
    "gepubliceerd",
    "bijgewerkt",
    "laatst",
];

/// Words of dates and timestamps (their periods trimmed: "a.m", "sept"), in the languages
/// whose stamps pages print: month and weekday names, their abbreviations, units of time
/// and "ago".
pub(super) const DATE_WORDS: &[&str] = &[
    // English
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "am",
    "pm",
    "a.m",
    "p.m",
    "ago",
    "minute",
    "minutes",
    "min",
    "mins",
    "hour",
    "hours",
    "hr",
    "hrs",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "today",
    "yesterday",
    "published",
    "updated",
    "posted",
    "date",
    "gmt",
    "utc",
    "est",
    "edt",
    "et",
    "pst",
    "pdt",
    "cet",
    "cest",
    "bst",
    "ist",
    "msk",
    "mez",
    "mesz",
    // German
    "januar",
    "jänner",
    "februar",
    "märz",
    "mai",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "mär",
    "okt",
    "dez",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonnabend",
    "sonntag",
    "uhr",
    "vor",
    "minuten",
    "stunde",
    "stunden",
    "tag",
    "tagen",
    "heute",
    "gestern",
    // French
    "janvier",
    "février",
    "mars",
    "avril",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "janv",
    "févr",
    "avr",
    "juil",
    "déc",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "heure",
    "heures",
    "aujourd'hui",
    "hier",
    // Spanish
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "setiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "ene",
    "abr",
    "ago",
    "dic",
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
    "hace",
    "minutos",
    "hora",
    "horas",
    "hoy",
    "ayer",
    // Italian
    "gennaio",
    "febbraio",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "settembre",
    "ottobre",
    "dicembre",
    "lunedì",
    "martedì",
    "mercoledì",
    "giovedì",
    "venerdì",
    "sabato",
    "domenica",
    "ore",
    "fa",
    "minuti",
    "oggi",
    "ieri",
    // Portuguese
    "janeiro",
    "fevereiro",
    "março",
    "maio",
    "junho",
    "julho",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
    "segunda-feira",
    "terça-feira",
    "quarta-feira",
    "quinta-feira",
    "sexta-feira",
    "há",
    "hoje",
    "ontem",
    // Dutch
    "januari",
    "februari",
    "maart",
    "mei",
    "augustus",
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
    "uur",
    "geleden",
];

/// Self-promotional phrasing of a site's description of itself (lower case), in the
/// languages the tables above cover.
pub(super) const PROMOTION: &[&str] = &[
    "is the largest",
    "is one of the largest",
    "is the leading",
    "is a leading",
    "is one of the leading",
    "largest independent",
    "digital media",
    "media house",
    "media group",
    "news portal",
    "news website",
    "news network",
    "news source",
    "brings you",
    "your trusted",
    "is committed to bringing",
    "ist das größte",
    "ist eines der führenden",
    "ist der führende",
    "führende nachrichten",
    "est le premier",
    "est l'un des principaux",
    "est le principal",
    "es el mayor",
    "es uno de los principales",
    "es el principal",
    "è il principale",
];

/// Words of an outlet's name (lower case): a name made with one of them reads as a site,
/// an agency or a broadcaster.
pub(super) const OUTLET_WORDS: &[&str] = &[
    "network",
    "news",
    "media",
    "times",
    "post",
    "group",
    "daily",
    "tv",
    "radio",
    "herald",
    "tribune",
    "gazette",
    "journal",
    "press",
    "online",
    "magazine",
    "channel",
    "broadcasting",
    "zeitung",
    "nachrichten",
    "médias",
    "diario",
    "noticias",
];
