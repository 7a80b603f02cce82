package app

import (
	"bytes"
	"context"
	"fmt"
	"os"

	"shopclerk/backend/domain"
	"shopclerk/backend/importer"
	"shopclerk/backend/service"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// ImportService is the Import screen: inspect dropped files, import them as
// a job with progress and cancel, the history and its rejected rows.
type ImportService struct{ app *App }

// lookup is the open shop's saved column mappings, or none: a file can be
// inspected without a shop.
func (s *ImportService) lookup() (importer.MappingLookup, context.Context) {
	b, ctx, err := s.app.current()
	if err != nil {
		return nil, ctx
	}
	return b.Lookup, ctx
}

// options fills in what the seller did not say from the open shop
// (shopImportOptions), so the preview shows what the import will store.
func (s *ImportService) options(opts importer.Options) importer.Options {
	if b, ctx, err := s.app.current(); err == nil {
		opts, _ = service.ImportOptions(ctx, b.Store, opts)
	}
	return opts
}

// Inspect says what a file on disk is, with a preview and questions.
func (s *ImportService) Inspect(path string, opts importer.Options) (importer.FileInfo, error) {
	lookup, ctx := s.lookup()
	return importer.Inspect(ctx, importer.FileSpec{Path: path, Options: s.options(opts)}, lookup)
}

// UploadChunk appends one piece of a file a browser sends (importer.Uploads).
func (s *ImportService) UploadChunk(id string, offset int64, data []byte) error {
	return s.app.uploads.Append(id, offset, data)
}

// DiscardUpload removes a browser file the seller took off the list.
func (s *ImportService) DiscardUpload(id string) error { return s.app.uploads.Discard(id) }

// InspectUpload is Inspect for a file the browser sent (see UploadChunk).
func (s *ImportService) InspectUpload(id, name string, opts importer.Options) (importer.FileInfo, error) {
	spec, err := s.app.uploads.Spec(id, name, s.options(opts))
	if err != nil {
		return importer.FileInfo{}, err
	}
	lookup, ctx := s.lookup()
	return importer.Inspect(ctx, spec, lookup)
}

// Start imports files as a job and returns its id; "job:done" carries the
// importer.Result.
func (s *ImportService) Start(files []importer.FileSpec) (string, error) {
	return s.start(files, nil)
}

// start runs the import job; after, if set, runs when it is over.
func (s *ImportService) start(files []importer.FileSpec, after func()) (string, error) {
	b, _, err := s.app.current()
	if err != nil {
		return "", err
	}
	for i := range files {
		files[i].Options = s.options(files[i].Options)
	}
	return s.app.jobs.Start("import", func(ctx context.Context, progress func(Progress)) (any, error) {
		if after != nil {
			defer after()
		}
		var last importer.Progress
		res, err := importer.Import(ctx, b.Imports, files, func(p importer.Progress) {
			last = p
			progress(Progress{Done: p.Bytes, Total: p.Total, Message: importMessage(p), Step: fmt.Sprint(p.FileIndex, p.Phase)})
		})
		progress(Progress{Done: last.Total, Total: last.Total, Message: "Looking for what the automations should act on", Step: "detect"})
		service.DetectChanges(ctx, b.Engine, b.Log)
		progress(Progress{Done: last.Total, Total: last.Total, Message: "Scoring your customers (RFM segments)", Step: "rfm"})
		service.Rescore(ctx, b.Customers, b.Log)
		return res, err
	}), nil
}

// importMessage says what an import is doing, for the progress bar.
func importMessage(p importer.Progress) string {
	switch p.Phase {
	case importer.PhaseIndexing:
		return "Importing " + p.File + ": sorting it into the lists"
	case importer.PhaseSaving:
		return "Importing " + p.File + ": saving"
	}
	return "Importing " + p.File
}

// StartUpload is Start for one file the browser sent (see UploadChunk); the
// upload is removed once the job is over.
func (s *ImportService) StartUpload(id, name string, opts importer.Options) (string, error) {
	spec, err := s.app.uploads.Spec(id, name, opts)
	if err != nil {
		return "", err
	}
	return s.start([]importer.FileSpec{spec}, func() { s.app.uploads.Discard(id) })
}

// SaveMapping remembers a column mapping for a header set.
func (s *ImportService) SaveMapping(headerHash string, kind importer.Kind, m importer.Mapping) error {
	b, ctx, err := s.app.current()
	if err != nil {
		return err
	}
	return importer.RememberMapping(ctx, b.Imports, headerHash, kind, m)
}

// History lists import batches, newest first.
func (s *ImportService) History(limit, offset int) ([]domain.ImportBatch, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return nil, err
	}
	return b.Imports.ImportBatches(ctx, limit, offset, false)
}

// Rejects lists the rows a batch could not take.
func (s *ImportService) Rejects(batchID int64) ([]domain.Reject, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return nil, err
	}
	return b.Imports.BatchRejects(ctx, batchID)
}

// ExportRejects saves a batch's rejected rows as xlsx where the seller picks
// and returns the path ("" when the dialog was cancelled).
func (s *ImportService) ExportRejects(batchID int64) (string, error) {
	rows, err := s.Rejects(batchID)
	if err != nil {
		return "", err
	}
	issues := make([]importer.Issue, len(rows))
	for i, r := range rows {
		issues[i] = importer.Issue(r)
	}
	var buf bytes.Buffer
	if err := importer.WriteRejectsXLSX(&buf, issues); err != nil {
		return "", err
	}
	path, err := runtime.SaveFileDialog(s.app.ctx, runtime.SaveDialogOptions{DefaultFilename: "rejected-rows.xlsx", Title: "Save rejected rows"})
	if err != nil || path == "" {
		return "", err
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return "", domain.Wrap(err, domain.CodeInvalid, "Shopclerk could not write "+path)
	}
	return path, nil
}

// ChooseFiles opens the system's file dialog for spreadsheets and returns
// the chosen paths (none when cancelled). Paths, unlike uploads, have no size
// cap: the importer streams them.
func (s *ImportService) ChooseFiles() ([]string, error) {
	paths, err := runtime.OpenMultipleFilesDialog(s.app.ctx, runtime.OpenDialogOptions{
		Title: "Choose exports to import",
		Filters: []runtime.FileFilter{
			{DisplayName: "Spreadsheets (*.csv, *.tsv, *.txt, *.xlsx)", Pattern: "*.csv;*.tsv;*.txt;*.xlsx"},
			{DisplayName: "All files", Pattern: "*"},
		},
	})
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not open the file dialog")
	}
	return paths, nil
}
