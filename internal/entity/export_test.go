package entity

// The embedded model files, for the external tests.
var (
	ModelData = modelData
	FirstData = firstData
)
