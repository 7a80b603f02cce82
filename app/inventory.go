package app

import (
	"os"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"shopclerk/backend/domain"
	"shopclerk/backend/inventory"
	"shopclerk/backend/runner"
)

// InventoryService serves the Inventory screen: stock, forecasts, reorder
// advice, suppliers and purchase orders.
type InventoryService struct{ app *App }

// Plan returns every SKU with stock, forecast and reorder advice.
func (s *InventoryService) Plan() (inventory.Plan, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return inventory.Plan{}, err
	}
	return b.Inventory.Plan(ctx)
}

// History returns one SKU's daily sales and forecast for the chart.
func (s *InventoryService) History(sku string) (inventory.History, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return inventory.History{}, err
	}
	return b.Inventory.SKUHistory(ctx, sku)
}

// SetPolicy stores the service level and days between orders.
func (s *InventoryService) SetPolicy(p inventory.Policy) error {
	b, ctx, err := s.app.current()
	if err != nil {
		return err
	}
	return b.Inventory.SetPolicy(ctx, p)
}

// SetSKUPolicy stores a SKU's manual reorder point, snooze or "order once".
func (s *InventoryService) SetSKUPolicy(p domain.SKUPolicy) error {
	b, ctx, err := s.app.current()
	if err != nil {
		return err
	}
	if p.ReorderPoint != nil && (*p.ReorderPoint < 0 || *p.ReorderPoint > inventory.MaxQuantity) {
		return domain.Errorf(domain.CodeInvalid, "A reorder point must be between 0 and %d.", inventory.MaxQuantity)
	}
	return b.Inv.SetSKUPolicy(ctx, p)
}

// Suppliers lists the suppliers.
func (s *InventoryService) Suppliers() ([]domain.Supplier, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return nil, err
	}
	return b.Inv.Suppliers(ctx)
}

// SaveSupplier creates (id 0) or updates a supplier.
func (s *InventoryService) SaveSupplier(sp domain.Supplier) (domain.Supplier, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return sp, err
	}
	return b.Inventory.SaveSupplier(ctx, sp)
}

// DeleteSupplier removes a supplier without purchase orders.
func (s *InventoryService) DeleteSupplier(id int64) error {
	b, ctx, err := s.app.current()
	if err != nil {
		return err
	}
	return b.Inv.DeleteSupplier(ctx, id)
}

// LinkSupplier sets a SKU's supplier with the supplier's code and unit cost.
func (s *InventoryService) LinkSupplier(o domain.SupplierOffer) error {
	b, ctx, err := s.app.current()
	if err != nil {
		return err
	}
	if o.UnitCost < 0 {
		return domain.Errorf(domain.CodeInvalid, "A unit cost cannot be negative.")
	}
	return b.Inv.SetSupplierOffer(ctx, o)
}

// Digest builds today's low-stock digest and queues it to the seller's own
// address (at most once per shop day); dryRun only shows it.
func (s *InventoryService) Digest(dryRun bool) (inventory.Digest, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return inventory.Digest{}, err
	}
	return runner.SendDigest(ctx, b.Store, b.Inventory, dryRun)
}

// DigestSchedule is when the automatic digest goes out: while the app is
// open, the runner checks hourly from Hour:00 in the shop's TimeZone and
// queues the day's digest at the first check that finds something low.
type DigestSchedule struct {
	Hour     int    `json:"hour"`
	TimeZone string `json:"timeZone"`
}

// DigestSchedule says when the automatic low-stock digest goes out.
func (s *InventoryService) DigestSchedule() (DigestSchedule, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return DigestSchedule{}, err
	}
	return DigestSchedule{Hour: runner.DigestHour, TimeZone: b.Store.Location(ctx).String()}, nil
}

// ReorderNow drafts one purchase order per supplier; preview only with dryRun.
func (s *InventoryService) ReorderNow(dryRun bool) ([]inventory.Draft, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return nil, err
	}
	return b.Inventory.ReorderNow(ctx, dryRun)
}

// PurchaseOrders lists orders, newest first; status "" lists all.
func (s *InventoryService) PurchaseOrders(status string) ([]domain.PurchaseOrder, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return nil, err
	}
	return b.Inv.PurchaseOrders(ctx, domain.POStatus(status), 200)
}

// SetLine sets a draft line's quantity (0 removes it) and, if given, unit cost.
func (s *InventoryService) SetLine(poID int64, sku string, quantity int, unitCost *int64) (domain.PurchaseOrder, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return domain.PurchaseOrder{}, err
	}
	return b.Inventory.SetLine(ctx, poID, sku, quantity, unitCost)
}

// SetStatus confirms, cancels or closes short ("closed_short") a purchase order.
func (s *InventoryService) SetStatus(poID int64, status string) (domain.PurchaseOrder, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return domain.PurchaseOrder{}, err
	}
	return b.Inventory.SetStatus(ctx, poID, domain.POStatus(status))
}

// Send emails a draft to its supplier (xlsx and PDF attached) via the outbox.
func (s *InventoryService) Send(poID int64) (domain.PurchaseOrder, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return domain.PurchaseOrder{}, err
	}
	return b.Inventory.Send(ctx, poID)
}

// Receive books a delivery in, per line the quantity that arrived (0: not
// yet); no receipts means everything outstanding.
func (s *InventoryService) Receive(poID int64, location string, receipts []domain.Receipt) (domain.PurchaseOrder, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return domain.PurchaseOrder{}, err
	}
	po, err := b.Inventory.Receive(ctx, poID, location, receipts)
	if err == nil {
		b.StoreSync.Nudge() // the stores that take stock get it now
	}
	return po, err
}

// Export saves a purchase order as xlsx, pdf or csv where the seller picks
// and returns the path ("" when the seller cancelled the dialog).
func (s *InventoryService) Export(poID int64, format string) (string, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return "", err
	}
	doc, err := b.Inventory.Document(ctx, poID)
	if err != nil {
		return "", err
	}
	data, err := doc.Render(inventory.ExportFormat(format))
	if err != nil {
		return "", err
	}
	path, err := runtime.SaveFileDialog(s.app.ctx, runtime.SaveDialogOptions{DefaultFilename: doc.PO.Number + "." + format,
		Title: "Save purchase order " + doc.PO.Number})
	if err != nil || path == "" {
		return "", err
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return "", domain.Wrap(err, domain.CodeInvalid, "Shopclerk could not write "+path)
	}
	return path, nil
}
