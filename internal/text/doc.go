// Package text builds sitrep's text layer: it splits an Article's text into
// paragraphs and sentences, tokenizes them with exact byte offsets, tags the
// tokens with Penn Treebank part-of-speech tags, lemmatizes words and groups
// tagged tokens into shallow chunks (NP, VP, PP, ADJP, ADVP, SBAR).
//
// Input: a *sitrep.Article (and byte regions to leave out, such as photo
// credit lines). Output: a *sitrep.Doc whose spans index Article.Text.
//
// Tokens follow the PTB: punctuation, quotes, possessive 's and n't are
// split off ("ca n't"), abbreviations keep their period ("U.S.", "Gen."),
// numbers and hyphenated words stay whole, and a slash before a capital is
// split ("REUTERS / Khalid"). Sentences never cross a paragraph; closing
// quotes after the final period belong to the sentence.
//
// The part-of-speech tagger is an averaged perceptron. Its weights
// (posmodel.bin) are converted by scripts/posmodel from the model shipped in
// github.com/jdkato/prose/v2 (MIT licence), a port of Matthew Honnibal's
// tagger from TextBlob (MIT licence), trained on the Penn Treebank WSJ. The
// feature set and normalization are prose's, so on the same tokens the tags
// are prose's, except where we deliberately differ: quotes get the PTB
// opening and closing quote tags, a lone "-" gets ":", "0" gets CD, and
// decimal numbers are not forced to NN. Features are keyed by hashes instead
// of strings and scored in fixed point, so tagging allocates nothing.
//
// Lemmas (lemmas.txt.gz) come from michmech/lemmatization-lists as packaged
// by github.com/aaaton/golem/v4/dicts/en (code MIT); the lemma data is
// licensed under the Open Database License (ODbL) 1.0. Lemma uses the tag to
// choose among candidate base forms (found/VBD -> find, found/VBN of
// "founded" -> found) and falls back to suffix rules for unknown words.
package text
