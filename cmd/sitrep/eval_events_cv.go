package main

import (
	"context"
	"fmt"
	"slices"

	"github.com/sitrep-project/sitrep/internal/entity"
	"github.com/sitrep-project/sitrep/internal/event"
	"github.com/sitrep-project/sitrep/internal/learn"
	"github.com/sitrep-project/sitrep/internal/pipeline"
)

// eventsCVSeed is the default seed the records of 'eval events --folds'
// are split into folds with.
const eventsCVSeed = 7

// crossValidateEvents scores the whole pipeline on a gold file of labelled
// sentences without leakage: the records are split into k folds, and each
// fold is coded by a pipeline whose event typer (and its thresholds and
// confidence model) was trained, as scripts/train-typer trains the
// shipped one, on the other folds only. Under --parse the role chooser
// (internal/event/roles.go) is trained on the other folds too.
func crossValidateEvents(ctx context.Context, cfg pipeline.Config, path string, k int, seed uint64, tr cvTraining) (*eventsReport, error) {
	golds, err := readGoldEvents(path)
	if err != nil {
		return nil, err
	}
	base := cfg
	base.NoTyper = true
	p, err := newPipeline(base)
	if err != nil {
		return nil, err
	}
	feats, err := event.NewFeatures()
	if err != nil {
		return nil, err
	}
	var unl []event.TyperSample
	if tr.unlabelled != "" {
		arts, err := entity.ReadCoNLLArticles(tr.unlabelled)
		if err != nil {
			return nil, fmt.Errorf("eval events: %w", err)
		}
		unl = p.UnlabelledSamples(arts, feats)
	}
	var also []event.TyperRecord
	if tr.also != "" {
		ag, err := readGoldEvents(tr.also)
		if err != nil {
			return nil, err
		}
		for i := range ag {
			if r := typerRecord(p, feats, &ag[i].goldEventRecord, !tr.alsoMain); r != nil {
				also = append(also, *r)
			}
		}
	}
	fold := learn.Folds(len(golds), k, seed)
	recs := make([]*event.TyperRecord, len(golds))
	roleRecs := make([]*event.RoleRecord, len(golds))
	for i := range golds {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		g := &golds[i]
		if recs[i] = typerRecord(p, feats, &g.goldEventRecord, tr.alsoMain); recs[i] == nil {
			continue
		}
		if cfg.Parse {
			rr := &event.RoleRecord{Samples: p.RoleSamples(g.article())}
			for _, ge := range g.Events {
				rr.Sources, rr.Targets = append(rr.Sources, ge.SourceText...), append(rr.Targets, ge.TargetText...)
			}
			roleRecs[i] = rr
		}
	}
	pipes := make([]*pipeline.Pipeline, k)
	for f := range k {
		train := slices.Clone(also)
		var roleTrain []event.RoleRecord
		for i, r := range recs {
			if r != nil && fold[i] != f {
				train = append(train, *r)
			}
			if rr := roleRecs[i]; rr != nil && fold[i] != f {
				roleTrain = append(roleTrain, *rr)
			}
		}
		ms, _, err := event.TrainTyper(train, unl, event.TyperDefaults(), learn.Meta{Source: path})
		if err != nil {
			return nil, fmt.Errorf("eval events: fold %d: %w", f, err)
		}
		t, err := event.NewTyper(feats, *ms)
		if err != nil {
			return nil, fmt.Errorf("eval events: fold %d: %w", f, err)
		}
		fc := cfg
		fc.Typer = t
		if cfg.Parse {
			fc.Roles = event.TrainRoleChooser(roleTrain)
		}
		if pipes[f], err = newPipeline(fc); err != nil {
			return nil, err
		}
	}
	return scoreRecords(ctx, func(i int) *pipeline.Pipeline { return pipes[fold[i]] }, path, golds)
}

// typerRecord is the typer's training record of a gold record, nil when
// it has no typed event to learn from.
func typerRecord(p *pipeline.Pipeline, feats *event.Features, g *goldEventRecord, aux bool) *event.TyperRecord {
	if g.Skip || len(g.Events) == 0 || g.Events[0].EventType == "" {
		return nil
	}
	return &event.TyperRecord{Samples: p.TyperSamples(g.article(), feats), Gold: event.TyperClass(g.Events[0].EventType), Aux: aux}
}

// cvTraining is what every fold's typer learns from besides the other
// folds: the documents of a CoNLL file, unlabelled, for its presence model
// (none: no presence model), as the shipped one does; and the labelled
// records of another file (also), auxiliary unless alsoMain, when GOLD's
// other folds are the auxiliary ones.
type cvTraining struct {
	unlabelled, also string
	alsoMain         bool
}
