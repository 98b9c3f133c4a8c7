//! The word lists of findings, as data: negations, attribution verbs (neutral and loaded),
//! dates (weekdays and months) and the determiners and noun endings that tell a German
//! noun from a name. Entries are lowercase; several languages each.

/// Words that negate, in English, German, French, Spanish, Italian, Portuguese and Dutch
/// ("n't" and French "n'" are handled as affixes by `negation`).
pub(super) const NEGATIONS: &[&str] = &[
    // English
    "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "cannot",
    "nowhere", "noone",
    // German
    "nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie", "niemals",
    "niemand", "nichts", "weder", "ohne",
    // French (ne…pas counts once, by its "ne")
    "ne", "jamais", "aucun", "aucune", "sans",
    // Spanish, Portuguese
    "nunca", "jamás", "nadie", "nada", "ningún", "ninguno", "ninguna", "tampoco", "sin",
    "não", "nenhum", "nenhuma", "ninguém", "sem",
    // Italian
    "non", "nessuno", "nessuna", "niente", "nulla", "senza",
    // Dutch
    "niet", "geen", "nooit", "niemand", "niets", "zonder",
];

/// Neutral attribution verbs: what a wire writes when it reports speech.
pub(super) const NEUTRAL_ATTRIBUTION: &[&str] = &[
    "said", "says", "say", "saying", "told", "tells", "stated", "states", "added", "adds",
    "noted", "notes", "explained", "explains", "according", "reported", "wrote", "writes",
    "announced", "commented", "replied", "responded", "remarked",
    "sagte", "sagt", "sagten", "erklärte", "erklärt", "teilte", "betonte", "schrieb",
    "dit", "déclaré", "déclare", "indiqué", "indique", "expliqué", "ajouté", "précisé",
    "dijo", "afirmó", "declaró", "explicó", "señaló", "indicó", "añadió",
    "detto", "dichiarato", "disse", "afirmou", "zei", "verklaarde",
];

/// Loaded attribution verbs: a judgement of the speaker the wire did not make.
pub(super) const LOADED_ATTRIBUTION: &[&str] = &[
    "claimed", "claims", "claim", "claiming", "admitted", "admits", "admit", "admitting",
    "insisted", "insists", "insist", "insisting", "conceded", "concedes", "concede",
    "alleged", "alleges", "allege", "confessed", "confesses", "boasted", "boasts",
    "asserted", "asserts", "maintained", "maintains", "contended", "contends", "denied",
    "denies", "complained", "complains", "acknowledged", "acknowledges", "lamented",
    "behauptete", "behauptet", "behaupteten", "räumte", "gestand", "gesteht", "beharrte",
    "beharrt", "prahlte", "unterstellte",
    "prétendu", "prétend", "prétendait", "admis", "admet", "avoué", "avoue", "reconnu",
    "reconnaît", "insisté", "allégué",
    "alegó", "admitió", "reconoció", "insistió", "confesó", "aseguró", "presumió",
    "ammesso", "sostenuto", "insistito", "alegou", "admitiu", "beweerde",
];

/// Weekdays and months (dates, never names), in English, German, French, Spanish and
/// Italian.
pub(super) const DATE_WORDS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend",
    "sonntag", "januar", "jänner", "februar", "märz", "mai", "juni", "juli", "oktober",
    "dezember",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "janvier",
    "février", "mars", "avril", "juin", "juillet", "août", "septembre", "octobre",
    "novembre", "décembre",
    "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "enero",
    "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
    "octubre", "noviembre", "diciembre",
    "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "gennaio", "febbraio",
    "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre",
];

/// Articles and determiners: a capitalised word after one of these, in a text that
/// capitalises its nouns, is a noun ("das Gebäude"), not a name.
pub(super) const DETERMINERS: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer",
    "eines", "kein", "keine", "keinen", "keinem", "keiner", "keines", "dieser", "diese",
    "dieses", "diesen", "diesem", "jeder", "jede", "jedes", "jeden", "jedem", "sein",
    "seine", "seinen", "seinem", "seiner", "ihr", "ihre", "ihren", "ihrem", "ihrer",
    "unser", "unsere", "beim", "vom", "zum", "zur", "im", "am", "ins", "alle", "viele",
    "mehrere", "einige", "de", "het", "een",
];

/// Endings of German nouns (abstract and derived nouns), never of names.
pub(super) const NOUN_ENDINGS: &[&str] = &[
    "ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "tion",
    "tionen", "tät", "täten", "ismus", "nis", "nisse", "tum", "ling", "chen", "lein",
    "ment", "ität", "erin", "erinnen", "ungs",
];
