//! Lexical sentence similarity: normalised word tokens (case, quotes, "U.S."/"US", light
//! stemming) weighted by rarity, plus character n-grams so inflections and spelling
//! variants still meet. No network, no model; any language written with spaces.
