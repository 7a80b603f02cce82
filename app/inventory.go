package app

import (
	"context"
	"os"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"shopclerk/backend/domain"
	"shopclerk/backend/inventory"
	"shopclerk/backend/mail"
	"shopclerk/backend/store"
)

// InventoryService serves the Inventory screen: stock, forecasts, reorder
// advice, suppliers and purchase orders.
type InventoryService struct{ app *App }

// NewInventoryService builds the bound service; app.New wires it.
func NewInventoryService(a *App) *InventoryService { return &InventoryService{app: a} }

// backend returns the inventory service over the open shop. Purchase orders
// go out through the outbox, which the mail service delivers, worded by the
// purchase_order email template (the seller's saved version, if any).
func (s *InventoryService) backend() (*inventory.Service, *store.Store, error) {
	st, err := s.app.store()
	if err != nil {
		return nil, nil, err
	}
	return inventory.New(st, s.app.cfg.Clock, inventory.OutboxMailer{Store: st, Renderer: &mail.Templates{Store: st}}), st, nil
}

// Plan returns every SKU with stock, forecast and reorder advice.
func (s *InventoryService) Plan() (inventory.Plan, error) {
	b, _, err := s.backend()
	if err != nil {
		return inventory.Plan{}, err
	}
	return b.Plan(context.Background())
}

// History returns one SKU's daily sales and forecast for the chart.
func (s *InventoryService) History(sku string) (inventory.History, error) {
	b, _, err := s.backend()
	if err != nil {
		return inventory.History{}, err
	}
	return b.SKUHistory(context.Background(), sku)
}

// SetPolicy stores the service level and days between orders.
func (s *InventoryService) SetPolicy(p inventory.Policy) error {
	b, _, err := s.backend()
	if err != nil {
		return err
	}
	return b.SetPolicy(context.Background(), p)
}

// SetSKUPolicy stores a SKU's manual reorder point, snooze or "order once".
func (s *InventoryService) SetSKUPolicy(p store.SKUPolicy) error {
	_, st, err := s.backend()
	if err != nil {
		return err
	}
	if p.ReorderPoint != nil && (*p.ReorderPoint < 0 || *p.ReorderPoint > inventory.MaxQuantity) {
		return domain.Errorf(domain.CodeInvalid, "A reorder point must be between 0 and %d.", inventory.MaxQuantity)
	}
	return st.SetSKUPolicy(context.Background(), p)
}

// Suppliers lists the suppliers.
func (s *InventoryService) Suppliers() ([]domain.Supplier, error) {
	_, st, err := s.backend()
	if err != nil {
		return nil, err
	}
	return st.Suppliers(context.Background())
}

// SaveSupplier creates (id 0) or updates a supplier.
func (s *InventoryService) SaveSupplier(sp domain.Supplier) (domain.Supplier, error) {
	b, _, err := s.backend()
	if err != nil {
		return sp, err
	}
	return b.SaveSupplier(context.Background(), sp)
}

// DeleteSupplier removes a supplier without purchase orders.
func (s *InventoryService) DeleteSupplier(id int64) error {
	_, st, err := s.backend()
	if err != nil {
		return err
	}
	return st.DeleteSupplier(context.Background(), id)
}

// LinkSupplier sets a SKU's supplier with the supplier's code and unit cost.
func (s *InventoryService) LinkSupplier(o store.SupplierOffer) error {
	_, st, err := s.backend()
	if err != nil {
		return err
	}
	if o.UnitCost < 0 {
		return domain.Errorf(domain.CodeInvalid, "A unit cost cannot be negative.")
	}
	return st.SetSupplierOffer(context.Background(), o)
}

// Digest builds today's low-stock digest and queues it to the seller's own
// address (at most once per shop day); dryRun only shows it.
func (s *InventoryService) Digest(dryRun bool) (inventory.Digest, error) {
	b, st, err := s.backend()
	if err != nil {
		return inventory.Digest{}, err
	}
	ctx := context.Background()
	return b.SendDigest(ctx, digestOptions(ctx, st, dryRun))
}

// DigestHour is the hour of the shop's day from which the daily runner
// (Startup) queues the low-stock digest; the Inventory screen tells the
// seller through DigestSchedule, so the two cannot disagree.
const DigestHour = 8

// DigestSchedule is when the automatic digest goes out: while the app is
// open, the runner checks hourly from Hour:00 in the shop's TimeZone and
// queues the day's digest at the first check that finds something low.
type DigestSchedule struct {
	Hour     int    `json:"hour"`
	TimeZone string `json:"timeZone"`
}

// DigestSchedule says when the automatic low-stock digest goes out.
func (s *InventoryService) DigestSchedule() (DigestSchedule, error) {
	st, err := s.app.store()
	if err != nil {
		return DigestSchedule{}, err
	}
	return DigestSchedule{Hour: DigestHour, TimeZone: st.Location(context.Background()).String()}, nil
}

// digestOptions sends the digest from and to the mail account's address,
// rendered in the shop's email layout with its Message-IDs.
func digestOptions(ctx context.Context, st *store.Store, dryRun bool) inventory.DigestOptions {
	acct, _, _ := mail.LoadAccount(ctx, st) // no account: SendDigest says so
	shop, _ := st.Setting(ctx, store.SettingShopName, "")
	return inventory.DigestOptions{DryRun: dryRun, To: acct.FromAddress, ToName: acct.FromName, ShopName: shop,
		Renderer:  &mail.Templates{},
		MessageID: func(now time.Time) string { return mail.NewMessageID(acct.FromAddress, now) }}
}

// ReorderNow drafts one purchase order per supplier; preview only with dryRun.
func (s *InventoryService) ReorderNow(dryRun bool) ([]inventory.Draft, error) {
	b, _, err := s.backend()
	if err != nil {
		return nil, err
	}
	return b.ReorderNow(context.Background(), dryRun)
}

// PurchaseOrders lists orders, newest first; status "" lists all.
func (s *InventoryService) PurchaseOrders(status string) ([]store.PurchaseOrder, error) {
	_, st, err := s.backend()
	if err != nil {
		return nil, err
	}
	return st.PurchaseOrders(context.Background(), store.POStatus(status), 200)
}

// SetLine sets a draft line's quantity (0 removes it) and, if given, unit cost.
func (s *InventoryService) SetLine(poID int64, sku string, quantity int, unitCost *int64) (store.PurchaseOrder, error) {
	b, _, err := s.backend()
	if err != nil {
		return store.PurchaseOrder{}, err
	}
	return b.SetLine(context.Background(), poID, sku, quantity, unitCost)
}

// SetStatus confirms or cancels a purchase order.
func (s *InventoryService) SetStatus(poID int64, status string) error {
	_, st, err := s.backend()
	if err != nil {
		return err
	}
	return st.SetPOStatus(context.Background(), poID, store.POStatus(status))
}

// Send emails a draft to its supplier (xlsx and PDF attached) via the outbox.
func (s *InventoryService) Send(poID int64) (store.PurchaseOrder, error) {
	b, _, err := s.backend()
	if err != nil {
		return store.PurchaseOrder{}, err
	}
	return b.Send(context.Background(), poID)
}

// Receive books a delivery in; no receipts means everything outstanding.
func (s *InventoryService) Receive(poID int64, location string, receipts []store.Receipt) (store.PurchaseOrder, error) {
	b, _, err := s.backend()
	if err != nil {
		return store.PurchaseOrder{}, err
	}
	return b.Receive(context.Background(), poID, location, receipts)
}

// Export saves a purchase order as xlsx, pdf or csv where the seller picks
// and returns the path ("" when the seller cancelled the dialog).
func (s *InventoryService) Export(poID int64, format string) (string, error) {
	b, _, err := s.backend()
	if err != nil {
		return "", err
	}
	doc, err := b.Document(context.Background(), poID)
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
