// Package parse is sitrep's dependency parser: a part-of-speech tagger and
// a transition-based parser trained on the Universal Dependencies
// English Web Treebank (scripts/train-parse).
//
// Input: the tokens of one sentence (their forms, and byte spans if the
// caller has them). Output: for each token its UPOS and Penn Treebank XPOS
// tags, its lemma (verbs and inflected words through internal/text's
// lemmatizer, other words lower-cased), its head and its Universal
// Dependencies relation: a tree with a single root (Head 0, Rel "root"),
// every head in range and no cycles.
//
// The tagger is a left-to-right averaged perceptron over words, affixes,
// shapes, neighbouring words and internal/wordclass path prefixes. The
// parser is an arc-eager transition system with labelled arcs, scored by
// an averaged perceptron over the rich non-local features of Zhang and
// Nivre (2011) plus word-class and lemma features, trained with a dynamic
// oracle and error exploration (Goldberg and Nivre 2012) on jackknifed
// predicted tags; non-projective training trees are made projective by
// lifting their crossing arcs. It decodes with a small beam (two
// configurations), scoring each by the sum of its transitions' log
// probabilities under a softmax of the perceptron's scores whose
// temperature is chosen on dev. Both are learn.Model files embedded in the
// binary, carrying the treebank's CC BY-SA 4.0 attribution in their
// metadata.
//
// The package also reads and writes CoNLL-U (Reader, Write) and scores
// parses against gold trees (Score).
package parse
