module github.com/sitrep-project/sitrep

go 1.26.8

require (
	github.com/aaaton/golem/v4 v4.0.2 // indirect
	github.com/aaaton/golem/v4/dicts/en v1.0.1 // indirect
	github.com/deckarep/golang-set v1.7.1 // indirect
	github.com/jdkato/prose/v2 v2.0.0 // indirect
	github.com/mingrammer/commonregex v1.0.1 // indirect
	gonum.org/v1/gonum v0.7.0 // indirect
	gopkg.in/neurosnap/sentences.v1 v1.0.6 // indirect
)
