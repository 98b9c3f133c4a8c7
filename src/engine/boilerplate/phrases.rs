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
    "file photo",
    "image copyright",
    "image caption",
    "media caption",
];

/// Words (ASCII, any case) without which no `CONTAINS`, `PHOTO_CREDITS` or copyright
/// phrase can occur in a long sentence: a cheap filter before lower-casing.
/// [`is_trigger`] matches exactly these (by length, then ignoring ASCII case; a test
/// checks it), without a table: it runs on every word of every long sentence.
#[cfg(test)]
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
/// (Inlined into the word loop of `features::has_trigger`.)
#[inline]
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

/// Separators of a link list ("Home | News | Sport"), each after a space.
pub(super) const LINK_SEPARATORS: &[&str] = &["| ", "- ", "• ", "· ", "– "];

/// What may follow the digits of a date token: ordinals ("23rd") and times ("9am", "18h").
pub(super) const DATE_SUFFIXES: &[&str] = &["st", "nd", "rd", "th", "am", "pm", "h"];

/// Words that neither make nor break a dateline.
pub(super) const NEUTRAL: &[&str] = &[
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
];

/// Words of dates and timestamps (their periods trimmed: "a.m", "sept").
pub(super) const DATE_WORDS: &[&str] = &[
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
];
