package domain

import "time"

// An import's vocabulary: the batch a file or a demo generation writes,
// what it did to the shop and the rows it could not take. importer and demo
// write batches, the app lists them; store keeps them.

// BatchMeta describes one import batch (one file, or one demo generation).
type BatchMeta struct {
	FileName string
	FileHash string
	FileSize int64
	Preset   string
	Kind     string
}

// Counts are what a batch did to the shop.
type Counts struct {
	Created   int `json:"created"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
	Rejected  int `json:"rejected"`
}

// Reject is one row the importer could not take, kept with its batch.
type Reject struct {
	File   string `json:"file"`
	Row    int    `json:"row"`
	Column string `json:"column"`
	Value  string `json:"value"`
	Reason string `json:"reason"`
}

// ImportBatch is one line of the import history: a file, its hash and what
// importing it did.
type ImportBatch struct {
	ID         int64      `json:"id"`
	FileName   string     `json:"fileName"`
	FileHash   string     `json:"fileHash"`
	FileSize   int64      `json:"fileSize"`
	Preset     string     `json:"preset"`
	Kind       string     `json:"kind"`
	Status     string     `json:"status"`
	Rows       int        `json:"rows"`
	Counts     Counts     `json:"counts"`
	Message    string     `json:"message"`
	StartedAt  time.Time  `json:"startedAt"`
	FinishedAt *time.Time `json:"finishedAt"`
}
