// Package learn is sitrep's small machine-learning kit, shared by every
// trained model (POS tags, dependency parses, named entities, event types,
// toponym ranking).
//
// Input: examples as lists of hashed sparse features ([]uint64 keys made
// with Hash and Key) and class indices. Output: a read-only Model that
// scores feature lists without allocating, and model files with a format
// version, metadata (name, feature version, source and license) and a
// CRC-32C checksum.
//
// Trainers: an averaged multiclass Perceptron (also the update rule of
// structured perceptrons: greedy transition systems and Viterbi taggers)
// and L2-regularised LogReg (multinomial logistic regression) and Ranker
// (conditional logit over a candidate set) trained by AdaGrad, whose scores
// are calibrated probabilities. Folds splits data for k-fold
// cross-validation; Calibrate bins scores against accuracy.
//
// Training is deterministic: the same examples in the same order and the
// same seed give byte-identical model files, so a test can check that a
// shipped model is what its script produces.
package learn
