package main

import (
	"context"
	"fmt"

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
// (internal/event/roles.go) is trained on the other folds too. The typer's
// presence model learns from the documents of the CoNLL file unlabelled
// (none: no presence model), as the shipped one does.
func crossValidateEvents(ctx context.Context, cfg pipeline.Config, path string, k int, seed uint64, unlabelled string) (*eventsReport, error) {
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
	if unlabelled != "" {
		arts, err := entity.ReadCoNLLArticles(unlabelled)
		if err != nil {
			return nil, fmt.Errorf("eval events: %w", err)
		}
		unl = p.UnlabelledSamples(arts, feats)
	}
	fold := learn.Folds(len(golds), k, seed)
	recs := make([]*event.TyperRecord, len(golds))
	roleRecs := make([]*event.RoleRecord, len(golds))
	for i := range golds {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		g := &golds[i]
		if g.Skip || len(g.Events) == 0 || g.Events[0].EventType == "" {
			continue
		}
		recs[i] = &event.TyperRecord{Samples: p.TyperSamples(g.article(), feats), Gold: g.Events[0].EventType}
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
		var train []event.TyperRecord
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
