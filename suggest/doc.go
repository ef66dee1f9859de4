// Package suggest finds the entries of gazetteers, patterns and what annotators already
// labeled in texts, and suggests their labels on the spans it finds. It reads the sources'
// files (ReadGazetteer, ReadPatterns), scores entries (Tally), and matches them (Matcher);
// storing suggestions and showing them is for its callers.
//
// Matching goes through the search form of arabic.Normalize (alef variants أ إ آ ٱ as ا,
// ى as ي, ة as ه, harakat, tatweel and format characters dropped, Arabic-Indic digits as
// ASCII, Latin lower-cased), while every Suggestion gives code point offsets into the
// original text and Text is the original between them. The rules:
//
//   - A match starts where a token of arabic.Tokenize starts, or inside a token after its
//     proclitics, at an offset arabic.ProcliticSplits offers (at most one of و ف, then at most
//     one of ب ك ل, each with its own harakat and tatweel, and two letters left at least:
//     the splits the window's `c` key offers). وبالأمم المتحدة gives الأمم المتحدة.
//   - After the proclitic ل the article's alef is not written (ل + الأمم = للأمم), nor its ل
//     before a word that begins with ل (ل + اللاذقية = للاذقية). An entry that begins with ال
//     therefore also matches right after a ل proclitic without them, and the span starts
//     after that proclitic: للأمم المتحدة gives لأمم المتحدة, so that text[start:end] is a
//     piece of the text and the label lies on the name.
//   - A match ends where a token ends, once the harakat and tatweel after its last letter
//     are taken in; it never ends inside a longer word (طرابلس is not found in الطرابلسي).
//     Tokens break where Arabic meets Latin letters and where letters meet digits, as
//     everywhere in Tawsim.
//   - Between the words of an entry, any run of white space (with whatever the search form
//     drops inside it) matches, but not one that holds two line breaks or more: a match
//     never crosses a blank line. Punctuation must be the entry's own.
//   - Match gives leftmost-longest spans: of overlapping matches, the one that starts first,
//     then the longest. MatchAll gives every match.
//
// All entries are found in one pass over the search form of a text with an Aho-Corasick
// automaton; the tokens are computed once per text for the edges and the token patterns.
package suggest
