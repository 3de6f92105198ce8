// Package text builds sitrep's text layer: it splits an Article's text into
// paragraphs and sentences, tokenizes them with exact byte offsets, tags the
// tokens with Penn Treebank part-of-speech tags, lemmatizes words and groups
// tagged tokens into shallow chunks (NP, VP, PP, ADJP, ADVP, SBAR).
//
// Input: a *sitrep.Article (and byte regions to leave out, such as photo
// credit lines). Output: a *sitrep.Doc whose spans index Article.Text.
//
// The part-of-speech tagger is an averaged perceptron. Its weights
// (posmodel.bin) are converted by scripts/posmodel from the model shipped in
// github.com/jdkato/prose/v2 (MIT licence), a port of Matthew Honnibal's
// tagger from TextBlob (MIT licence), trained on the Penn Treebank WSJ; the
// feature set and normalization are the same, so the tags are the same as
// prose's, but features are hashed (FNV-1a 64) instead of built as strings.
//
// Lemmas (lemmas.txt.gz) come from michmech/lemmatization-lists as packaged
// by github.com/aaaton/golem/v4/dicts/en (code MIT); the lemma data is
// licensed under the Open Database License (ODbL) 1.0.
package text
