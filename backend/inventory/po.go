package inventory

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/mail"
	"sort"
	"strings"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/email"
	"shopclerk/backend/store/inventorydb"
)

// Mailer queues a purchase order email with its attachments and returns the
// Message-ID it will carry. Queuing the same order twice must not make a
// second message (the outbox's ledger key sees to that).
type Mailer interface {
	QueuePurchaseOrder(ctx context.Context, po domain.PurchaseOrder, sup domain.Supplier, atts []domain.Attachment) (messageID string, err error)
}

// OutboxMailer queues purchase orders in the shop's outbox, from where the
// mail package's send loop delivers them from the seller's own account.
type OutboxMailer struct {
	Store *inventorydb.DB
	// Renderer renders the email from the "purchase_order" template: the app
	// passes the mail package's templates, whose snapshot carries the
	// seller's saved version (Settings > Templates).
	Renderer email.Renderer
	// ShopName signs the email; empty reads the shop's name setting.
	ShopName string
}

// POTemplate is the email template purchase orders are sent with.
const POTemplate = "purchase_order"

var _ Mailer = OutboxMailer{}

// QueuePurchaseOrder implements Mailer. The ledger key carries a hash of
// the attachments, so a retry of the same order finds its first message,
// while an order edited after a failed send gets a fresh one.
func (m OutboxMailer) QueuePurchaseOrder(ctx context.Context, po domain.PurchaseOrder, sup domain.Supplier, atts []domain.Attachment) (string, error) {
	h := sha256.New()
	for _, a := range atts {
		h.Write(a.Data)
	}
	sum := hex.EncodeToString(h.Sum(nil)[:6])
	// Signed and footed with the shop's identity, as every other email is.
	identity, _ := m.Store.Shop(ctx)
	shop := email.ShopOf(identity)
	if m.ShopName != "" {
		shop.Name = m.ShopName
	}
	out, err := m.render(ctx, po, shop)
	if err != nil {
		return "", err
	}
	msg := &domain.OutboxMessage{
		MessageID: fmt.Sprintf("<%s.%s@shopclerk.local>", strings.ToLower(po.Number), sum),
		Kind:      domain.KindSupplier, ToAddr: sup.Email, ToName: sup.Name,
		Subject: out.Subject, HTML: out.HTML, Text: out.Text,
		Attachments: atts, LedgerKey: "po:" + po.Number + ":" + sum, Template: POTemplate,
	}
	id, created, err := m.Store.EnqueueMessage(ctx, msg)
	if err != nil {
		return "", err
	}
	if !created {
		prev, err := m.Store.GetMessage(ctx, id)
		if err != nil {
			return "", err
		}
		return prev.MessageID, nil
	}
	return msg.MessageID, nil
}

// render fills the purchase_order template (the seller's saved version when
// the renderer has a snapshot) with the order.
func (m OutboxMailer) render(ctx context.Context, po domain.PurchaseOrder, shop email.Shop) (email.Rendered, error) {
	r := m.Renderer
	if r == nil {
		return email.Rendered{}, domain.Errorf(domain.CodeInternal, "Sending is not set up in this Shopclerk.")
	}
	if s, ok := r.(email.RendererSnapshot); ok {
		var err error
		if r, err = s.Snapshot(ctx); err != nil {
			return email.Rendered{}, err
		}
	}
	tp, ok := r.Lookup(POTemplate)
	if !ok {
		return email.Rendered{}, domain.Errorf(domain.CodeInternal, "There is no purchase order email template.")
	}
	out, err := r.Render(tp, email.Data{Shop: shop, PurchaseOrder: poData(po),
		Vars: map[string]string{"po_number": po.Number}}) // po_number: templates saved before .PurchaseOrder existed
	if err != nil {
		return out, domain.Wrap(err, domain.CodeInvalid, "The purchase order email could not be written: "+err.Error()+" (Settings > Templates)")
	}
	return out, nil
}

// poData is a purchase order as its email shows it: each line under the
// supplier's code where there is one, amounts in the order's currency.
func poData(po domain.PurchaseOrder) email.PurchaseOrder {
	d := email.PurchaseOrder{Number: po.Number, Supplier: po.SupplierName, Total: email.FormatMoney(po.Total, po.Currency), Note: po.Note}
	for _, l := range po.Lines {
		code := l.SupplierSKU
		if code == "" {
			code = l.SKU
		}
		d.Lines = append(d.Lines, email.Line{Name: l.Title, SKU: code, Quantity: l.Quantity,
			Price: email.FormatMoney(l.UnitCost, po.Currency), Total: email.FormatMoney(l.UnitCost*int64(l.Quantity), po.Currency)})
	}
	return d
}

// Draft is one supplier's purchase order that "Reorder now" makes (or, in a
// dry run, would make).
type Draft struct {
	PO     domain.PurchaseOrder `json:"po"`
	Flags  []Flag               `json:"flags"`
	DryRun bool                 `json:"dryRun"`
}

// ReorderNow puts every SKU at or below its reorder point (and every "order
// once" SKU) on its supplier's draft purchase order, one draft per
// supplier. With dryRun nothing is written and the drafts come back with id 0.
func (s *Service) ReorderNow(ctx context.Context, dryRun bool) ([]Draft, error) {
	plan, err := s.Plan(ctx)
	if err != nil {
		return nil, err
	}
	bySup := map[int64]*Draft{}
	var order []int64
	for _, it := range plan.Items {
		if it.Suggest <= 0 || it.supplier == nil {
			continue
		}
		sup := it.supplier
		d := bySup[sup.ID]
		if d == nil {
			d = &Draft{DryRun: dryRun, Flags: []Flag{}, PO: domain.PurchaseOrder{SupplierID: sup.ID, SupplierName: sup.Name,
				SupplierEmail: sup.Email, Status: domain.PODraft, Currency: it.Currency, CreatedAt: s.clock.Now(), Lines: []domain.PurchaseOrderLine{}}}
			bySup[sup.ID] = d
			order = append(order, sup.ID)
		}
		d.PO.Lines = append(d.PO.Lines, domain.PurchaseOrderLine{SKU: it.SKU, SupplierSKU: it.SupplierSKU, Title: it.Title,
			Quantity: it.Suggest, UnitCost: it.UnitCost})
		d.PO.Total += int64(it.Suggest) * it.UnitCost
		for _, f := range it.Flags {
			if f.Code == FlagSupplierNoEmail || f.Code == FlagCurrencyMismatch {
				d.Flags = appendFlag(d.Flags, f)
			}
		}
	}
	sort.Slice(order, func(i, j int) bool { return bySup[order[i]].PO.SupplierName < bySup[order[j]].PO.SupplierName })
	out := make([]Draft, 0, len(order))
	for _, id := range order {
		d := bySup[id]
		if !dryRun {
			lines := make([]domain.DraftLine, 0, len(d.PO.Lines))
			for _, l := range d.PO.Lines {
				lines = append(lines, domain.DraftLine{SKU: l.SKU, SupplierSKU: l.SupplierSKU, Quantity: l.Quantity, UnitCost: l.UnitCost})
			}
			poID, err := s.st.AddToDraft(ctx, id, d.PO.Currency, "", lines)
			if err != nil {
				return nil, err
			}
			if d.PO, err = s.st.PurchaseOrder(ctx, poID); err != nil {
				return nil, err
			}
		}
		out = append(out, *d)
	}
	return out, nil
}

func appendFlag(fs []Flag, f Flag) []Flag {
	for _, g := range fs {
		if g == f {
			return fs
		}
	}
	return append(fs, f)
}

// SetLine changes the quantity (0 removes the line) and, when unitCost is
// not nil, the unit cost of a SKU on a draft, adding the SKU if missing.
func (s *Service) SetLine(ctx context.Context, poID int64, sku string, qty int, unitCost *int64) (domain.PurchaseOrder, error) {
	sku = strings.TrimSpace(sku)
	switch {
	case sku == "":
		return domain.PurchaseOrder{}, domain.Errorf(domain.CodeInvalid, "Give the SKU of the line.")
	case qty < 0:
		return domain.PurchaseOrder{}, domain.Errorf(domain.CodeInvalid, "A quantity cannot be negative (%d); use 0 to remove the line.", qty)
	case qty > MaxQuantity:
		return domain.PurchaseOrder{}, domain.Errorf(domain.CodeInvalid, "%d is more than Shopclerk orders at once (%d); check the quantity.", qty, MaxQuantity)
	case unitCost != nil && *unitCost < 0:
		return domain.PurchaseOrder{}, domain.Errorf(domain.CodeInvalid, "A unit cost cannot be negative.")
	}
	po, err := s.st.PurchaseOrder(ctx, poID)
	if err != nil {
		return po, err
	}
	line := domain.DraftLine{SKU: sku, Quantity: qty}
	found := false
	for _, l := range po.Lines {
		if l.SKU == sku {
			line.SupplierSKU, line.UnitCost, found = l.SupplierSKU, l.UnitCost, true
		}
	}
	if !found && qty > 0 {
		// A new line takes the supplier's code and price for the SKU.
		items, err := s.st.InventoryItems(ctx)
		if err != nil {
			return po, err
		}
		for _, it := range items {
			if it.SKU != sku {
				continue
			}
			line.UnitCost = it.Cost
			for _, o := range it.Offers {
				if o.SupplierID == po.SupplierID {
					line.SupplierSKU, line.UnitCost = o.SupplierSKU, o.UnitCost
				}
			}
		}
	}
	if unitCost != nil {
		line.UnitCost = *unitCost
	}
	return s.st.SetPOLine(ctx, poID, line)
}

// Send emails a draft to its supplier with the order as xlsx and PDF, and
// marks it sent with the delivery expected after the supplier's lead time.
func (s *Service) Send(ctx context.Context, poID int64) (domain.PurchaseOrder, error) {
	po, err := s.st.PurchaseOrder(ctx, poID)
	if err != nil {
		return po, err
	}
	if !po.Status.CanBecome(domain.POSent) {
		return po, domain.Errorf(domain.CodeConflict, "%s is %s; only a draft can be sent.", po.Number, po.Status.Label())
	}
	if len(po.Lines) == 0 {
		return po, domain.Errorf(domain.CodeInvalid, "%s has no lines; add what to order first.", po.Number)
	}
	sup, err := s.st.Supplier(ctx, po.SupplierID)
	if err != nil {
		return po, err
	}
	if strings.TrimSpace(sup.Email) == "" {
		return po, domain.Errorf(domain.CodeInvalid, "%s has no email address; add one to the supplier before sending.", sup.Name)
	}
	if _, err := mail.ParseAddress(sup.Email); err != nil {
		return po, domain.Errorf(domain.CodeInvalid, "%s's email address %q is not valid.", sup.Name, sup.Email)
	}
	if s.mailer == nil {
		return po, domain.Errorf(domain.CodeInternal, "Sending is not set up in this Shopclerk.")
	}
	doc := s.document(ctx, po, sup)
	xlsx, err := doc.XLSX()
	if err != nil {
		return po, err
	}
	pdf, err := doc.PDF()
	if err != nil {
		return po, err
	}
	atts := []domain.Attachment{
		{Name: po.Number + ".xlsx", ContentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Data: xlsx},
		{Name: po.Number + ".pdf", ContentType: "application/pdf", Data: pdf},
	}
	msgID, err := s.mailer.QueuePurchaseOrder(ctx, po, sup, atts)
	if err != nil {
		return po, err
	}
	obs, err := s.st.LeadTimeObservations(ctx)
	if err != nil {
		return po, err
	}
	lead := LearnLeadTime(sup.LeadTimeDays, sup.LeadTimeStdDays, obs[sup.ID])
	expected := s.clock.Now().Add(time.Duration(lead.MeanDays * 24 * float64(time.Hour)))
	if err := s.st.MarkPOSent(ctx, poID, msgID, "po:"+po.Number+":send", expected); err != nil {
		return po, err
	}
	return s.st.PurchaseOrder(ctx, poID)
}

// Document is a purchase order ready to render, dated today in the shop's zone.
func (s *Service) Document(ctx context.Context, poID int64) (Document, error) {
	po, err := s.st.PurchaseOrder(ctx, poID)
	if err != nil {
		return Document{}, err
	}
	sup, err := s.st.Supplier(ctx, po.SupplierID)
	if err != nil {
		return Document{}, err
	}
	return s.document(ctx, po, sup), nil
}

func (s *Service) document(ctx context.Context, po domain.PurchaseOrder, sup domain.Supplier) Document {
	shop, _ := s.st.Shop(ctx)
	logo, _ := s.st.ShopLogo(ctx)
	return Document{PO: po, Supplier: sup, Shop: shop, Logo: logo, Date: s.clock.Now(), Location: s.st.Location(ctx)}
}

// SaveSupplier validates a supplier's figures and stores it.
func (s *Service) SaveSupplier(ctx context.Context, sp domain.Supplier) (domain.Supplier, error) {
	sp.Name, sp.Email = strings.TrimSpace(sp.Name), strings.TrimSpace(sp.Email)
	sp.Currency = strings.ToUpper(strings.TrimSpace(sp.Currency))
	if err := ValidateSupplier(sp); err != nil {
		return sp, err
	}
	id, err := s.st.SaveSupplier(ctx, sp)
	if err != nil {
		return sp, err
	}
	return s.st.Supplier(ctx, id)
}

// ValidateSupplier refuses figures the reorder maths cannot use. A missing
// email is allowed (the order can still be drafted and printed); a wrong
// one is not.
func ValidateSupplier(sp domain.Supplier) error {
	switch {
	case sp.Name == "":
		return domain.Errorf(domain.CodeInvalid, "Give the supplier a name.")
	case sp.Email != "" && !validEmail(sp.Email):
		return domain.Errorf(domain.CodeInvalid, "%q is not an email address.", sp.Email)
	case sp.Currency != "" && !validCurrency(sp.Currency):
		return domain.Errorf(domain.CodeInvalid, "%q is not a currency code like EUR or USD.", sp.Currency)
	case sp.LeadTimeDays < 0:
		return domain.Errorf(domain.CodeInvalid, "The lead time cannot be negative (%g days).", sp.LeadTimeDays)
	case sp.LeadTimeDays > MaxLeadTimeDays:
		return domain.Errorf(domain.CodeInvalid, "A lead time of %g days is more than a year; enter the days a delivery takes.", sp.LeadTimeDays)
	case sp.LeadTimeStdDays < 0 || sp.LeadTimeStdDays > MaxLeadTimeDays:
		return domain.Errorf(domain.CodeInvalid, "The lead time's variability must be between 0 and %d days.", MaxLeadTimeDays)
	case sp.PackSize < 1:
		return domain.Errorf(domain.CodeInvalid, "The pack size must be at least 1 (it is %d).", sp.PackSize)
	case sp.PackSize > MaxQuantity:
		return domain.Errorf(domain.CodeInvalid, "A pack of %d is more than Shopclerk accepts.", sp.PackSize)
	case sp.MinOrderQty < 0 || sp.MinOrderQty > MaxQuantity:
		return domain.Errorf(domain.CodeInvalid, "The minimum order must be between 0 and %d.", MaxQuantity)
	}
	return nil
}

func validEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s
}

func validCurrency(c string) bool {
	if len(c) != 3 {
		return false
	}
	for _, r := range c {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}
