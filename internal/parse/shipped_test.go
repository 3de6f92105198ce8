package parse

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/sitreptest"
)

func readTrees(t testing.TB, rel string) []*Tree {
	t.Helper()
	f, err := os.Open(sitreptest.SharedFile(t, rel))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	trees, err := ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return trees
}

// TestShippedModels checks the embedded models against what
// scripts/train-parse recorded in them: their names, license and
// attribution, and the dev figures it measured when it selected them,
// which a parse of dev.conllu with the shipped files must reproduce
// exactly. A full retrain takes minutes; with SITREP_RETRAIN_PARSE=1 the
// test also retrains and compares the files byte for byte.
func TestShippedModels(t *testing.T) {
	p := testParser(t)
	for _, m := range []struct {
		name string
		info map[string]string
		lic  string
	}{{taggerName, p.tg.m.Meta.Info, p.tg.m.Meta.License}, {parserName, p.pm.Meta.Info, p.pm.Meta.License}} {
		if !strings.Contains(m.lic, "CC BY-SA 4.0") || !strings.Contains(m.lic, "EWT") {
			t.Errorf("%s: license %q lacks the treebank's CC BY-SA 4.0 attribution", m.name, m.lic)
		}
		if m.info["epochs"] == "" {
			t.Errorf("%s: no training record in %v", m.name, m.info)
		}
	}
	dev := readTrees(t, "treebank/ud-english-ewt/dev.conllu")
	s := p.Score(dev)
	t.Logf("EWT dev: UPOS %.4f XPOS %.4f UAS %.4f LAS %.4f (full labels %.4f)", s.UPOS, s.XPOS, s.UAS, s.LAS, s.LASFull)
	info := p.pm.Meta.Info
	for _, f := range []struct {
		key string
		got float64
	}{{"dev_uas", s.UAS}, {"dev_las", s.LAS}, {"dev_las_full", s.LASFull}, {"dev_upos", s.UPOS}, {"dev_xpos", s.XPOS}} {
		if got := fmt.Sprintf("%.4f", f.got); got != info[f.key] {
			t.Errorf("dev %s %s, the training run recorded %s: the embedded models are not what scripts/train-parse selected", f.key, got, info[f.key])
		}
	}
	if os.Getenv("SITREP_RETRAIN_PARSE") == "" {
		return
	}
	train := readTrees(t, "treebank/ud-english-ewt/train.conllu")
	ms, err := Train(train, dev, DefaultTrainConfig())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(ms.Tagger.Marshal(), taggerData) || !bytes.Equal(ms.Parser.Marshal(), parserData) {
		t.Error("tagger.bin or parser.bin is not what scripts/train-parse writes: run go run ./scripts/train-parse")
	}
}

// TestTrainDeterministic trains small models twice: the files must be
// byte-identical, and the parser must have learnt something.
func TestTrainDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("trains twice on 400 sentences")
	}
	train := readTrees(t, "treebank/ud-english-ewt/train.conllu")[:400]
	dev := readTrees(t, "treebank/ud-english-ewt/dev.conllu")[:200]
	cfg := DefaultTrainConfig()
	cfg.TagEpochs, cfg.ParseEpochs, cfg.Folds = 2, 2, 2
	a, err := Train(train, dev, cfg)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Train(train, dev, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Tagger.Marshal(), b.Tagger.Marshal()) || !bytes.Equal(a.Parser.Marshal(), b.Parser.Marshal()) {
		t.Error("two trainings gave different model files")
	}
	if a.Dev.UAS < 0.5 {
		t.Errorf("dev UAS %.3f after training on 400 sentences, want >= 0.5", a.Dev.UAS)
	}
}
