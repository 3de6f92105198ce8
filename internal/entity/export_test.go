package entity

// ModelData is the embedded model file, for the external tests.
var ModelData = modelData
