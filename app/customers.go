package app

import (
	"os"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"shopclerk/backend/customers"
	"shopclerk/backend/domain"
	"shopclerk/backend/store/customersdb"
)

// CustomerService serves the customer page and the Segments screen: one
// customer's page and timeline, their tags and notes, the export and the
// erasure; the RFM segments and the seller's own.
type CustomerService struct{ app *App }

// Page returns customer id's page with the first page of their timeline.
func (s *CustomerService) Page(id int64) (customers.Page, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return customers.Page{}, err
	}
	return b.Customers.Page(ctx, id)
}

// Timeline returns the timeline page after cursor.
func (s *CustomerService) Timeline(id int64, cursor string) (customers.TimelinePage, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return customers.TimelinePage{}, err
	}
	return b.Customers.Timeline(ctx, id, cursor, 0)
}

// SetTag adds a tag to the customer (or removes it) and returns their tags.
func (s *CustomerService) SetTag(id int64, tag string, add bool) ([]customers.Tag, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return nil, err
	}
	return b.Customers.SetTag(ctx, id, tag, add)
}

// AddNote stores a note on the customer.
func (s *CustomerService) AddNote(id int64, body string) (customersdb.Note, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return customersdb.Note{}, err
	}
	return b.Customers.AddNote(ctx, id, body)
}

// DeleteNote removes one of the customer's notes.
func (s *CustomerService) DeleteNote(id, noteID int64) error {
	b, ctx, err := s.app.current()
	if err != nil {
		return err
	}
	return b.Customers.DeleteNote(ctx, id, noteID)
}

// CheckErase says what erasing the customer would touch, open orders first.
func (s *CustomerService) CheckErase(id int64) (customers.EraseCheck, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return customers.EraseCheck{}, err
	}
	return b.Customers.CheckErase(ctx, id)
}

// Erase anonymises the customer; confirmOpen says the seller was told about
// their open orders.
func (s *CustomerService) Erase(id int64, confirmOpen bool) (customers.Erased, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return customers.Erased{}, err
	}
	return b.Customers.Erase(ctx, id, confirmOpen)
}

// Export saves everything about the customer where the seller picks, as
// "json" or "pdf", and returns the path ("" when the dialog was cancelled).
func (s *CustomerService) Export(id int64, format string) (string, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return "", err
	}
	e, err := b.Customers.Export(ctx, id)
	if err != nil {
		return "", err
	}
	data, err := e.Bytes(format)
	if err != nil {
		return "", err
	}
	path, err := runtime.SaveFileDialog(s.app.ctx, runtime.SaveDialogOptions{DefaultFilename: e.FileName() + "." + format,
		Title: "Save the customer's data"})
	if err != nil || path == "" {
		return "", err
	}
	// The file holds a person's data: readable by the seller alone.
	if err := os.WriteFile(path, data, 0o600); err != nil {
		return "", domain.Wrap(err, domain.CodeInvalid, "Shopclerk could not write "+path)
	}
	return path, nil
}

// Segments returns the Segments screen, scoring the customers first if
// they were never scored.
func (s *CustomerService) Segments() (customers.Overview, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return customers.Overview{}, err
	}
	return b.Customers.Overview(ctx)
}

// SetWindow stores the RFM window in days and scores again.
func (s *CustomerService) SetWindow(days int) (customers.RFMResult, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return customers.RFMResult{}, err
	}
	return b.Customers.SetWindowDays(ctx, days)
}

// CheckSegment tries a condition on every customer.
func (s *CustomerService) CheckSegment(condition string) (customers.SegmentCheck, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return customers.SegmentCheck{}, err
	}
	return b.Customers.CheckSegment(ctx, condition)
}

// SavedSegment is a stored segment with what its condition matched.
type SavedSegment struct {
	Segment customers.SegmentDef   `json:"segment"`
	Check   customers.SegmentCheck `json:"check"`
}

// SaveSegment stores one of the seller's segments (id 0 creates it).
func (s *CustomerService) SaveSegment(def customers.SegmentDef) (SavedSegment, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return SavedSegment{}, err
	}
	seg, chk, err := b.Customers.SaveSegment(ctx, def)
	return SavedSegment{Segment: seg, Check: chk}, err
}

// DeleteSegment removes one of the seller's segments.
func (s *CustomerService) DeleteSegment(id int64) error {
	b, ctx, err := s.app.current()
	if err != nil {
		return err
	}
	return b.Customers.DeleteSegment(ctx, id)
}
