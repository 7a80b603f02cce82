package app

import (
	"context"
	"encoding/base64"
	"strings"
	"time"

	"shopclerk/backend/demo"
	"shopclerk/backend/domain"
)

// ShopService serves the dashboard and the Orders, Customers, Inventory and
// Carts tables.
type ShopService struct{ app *App }

// ShopStatus tells the frontend which first screen to show.
type ShopStatus struct {
	Path      string `json:"path"`
	OpenError string `json:"openError"` // the ErrorFormatter's JSON when the shop could not be opened
	Empty     bool   `json:"empty"`     // no orders, customers or products yet: offer the demo or an import
	Now       string `json:"now"`       // the backend clock, RFC 3339
	// Configured: the seller has named the shop and given its currency
	// and time zone (Settings > Shop, or the welcome screen).
	Configured bool `json:"configured"`
	// TimeZone is the shop's zone (IANA name) as the seller set it, ""
	// before they did: the window shows times in it, not the computer's.
	TimeZone string `json:"timeZone"`
}

// Status reports whether the shop is open and whether it has data yet.
func (s *ShopService) Status() (ShopStatus, error) {
	b, ctx, err := s.app.current()
	out := ShopStatus{Path: s.app.shopPath(), Now: s.app.cfg.Clock.Now().Format("2006-01-02T15:04:05Z07:00")}
	if err != nil {
		out.OpenError, _ = s.app.FormatError(err).(string)
		return out, nil
	}
	d, err := b.Store.Dashboard(ctx)
	if err != nil {
		return out, err
	}
	out.Empty = d.TotalOrders == 0 && d.TotalCustomers == 0
	id, err := b.Store.Shop(ctx)
	out.Configured, out.TimeZone = id.Configured(), id.TimeZone
	return out, err
}

// Shop is Settings > Shop: who the shop is, as saved.
func (s *ShopService) Shop() (domain.ShopIdentity, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return domain.ShopIdentity{}, err
	}
	return b.Store.Shop(ctx)
}

// CheckShop tidies the identity as saving would and says, field by field,
// what is wrong with it; none: it can be saved.
func (s *ShopService) CheckShop(id domain.ShopIdentity) ([]domain.FieldProblem, error) {
	ps := id.Normalized().Problems()
	if ps == nil {
		ps = []domain.FieldProblem{}
	}
	return ps, nil
}

// SaveShop checks and saves the identity, all of it or, with any problem,
// nothing; it returns the identity as saved (tidied).
func (s *ShopService) SaveShop(id domain.ShopIdentity) (domain.ShopIdentity, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return id, err
	}
	return b.Store.SetShop(ctx, id)
}

// Logo returns the shop's logo as a data: URL, "" without one.
func (s *ShopService) Logo() (string, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return "", err
	}
	l, err := b.Store.ShopLogo(ctx)
	if err != nil || len(l.Data) == 0 {
		return "", err
	}
	return "data:" + l.Type + ";base64," + base64.StdEncoding.EncodeToString(l.Data), nil
}

// SetLogo keeps an image file, sent as a data: URL (a file input's
// FileReader), as the shop's logo; "" removes it. It returns the logo's type.
func (s *ShopService) SetLogo(dataURL string) (string, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return "", err
	}
	var data []byte
	if dataURL != "" {
		_, enc, ok := strings.Cut(dataURL, ";base64,")
		if data, err = base64.StdEncoding.DecodeString(enc); !ok || err != nil {
			return "", domain.Errorf(domain.CodeInvalid, "The logo did not arrive as an image file; choose the file again.")
		}
	}
	l, err := b.Store.SetShopLogo(ctx, data)
	return l.Type, err
}

// Dashboard returns the first screen's figures.
func (s *ShopService) Dashboard() (domain.Dashboard, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return domain.Dashboard{}, err
	}
	d, err := b.Store.Dashboard(ctx)
	s.app.firstDashboard.Do(func() {
		s.app.cfg.Log.Info("cold start: first dashboard served", "ms", time.Since(s.app.started).Milliseconds())
	})
	return d, err
}

// ListOrders returns one page of orders.
func (s *ShopService) ListOrders(req domain.PageRequest) (domain.OrderPage, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return domain.OrderPage{}, err
	}
	return b.Store.ListOrders(ctx, req)
}

// GetOrder returns one order with lines, customer and shipments.
func (s *ShopService) GetOrder(id int64) (domain.OrderDetail, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return domain.OrderDetail{}, err
	}
	return b.Store.GetOrder(ctx, id)
}

// ListCustomers returns one page of customers.
func (s *ShopService) ListCustomers(req domain.PageRequest) (domain.CustomerPage, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return domain.CustomerPage{}, err
	}
	return b.Store.ListCustomers(ctx, req)
}

// ListStock returns one page of stock levels.
func (s *ShopService) ListStock(req domain.PageRequest) (domain.StockPage, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return domain.StockPage{}, err
	}
	return b.Store.ListStock(ctx, req)
}

// ListCarts returns one page of abandoned checkouts.
func (s *ShopService) ListCarts(req domain.PageRequest) (domain.CartPage, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return domain.CartPage{}, err
	}
	return b.Store.ListCarts(ctx, req)
}

// StartDemo fills the (empty) shop with the demo shop in the background and
// returns the job id; progress and the Summary arrive as job events.
func (s *ShopService) StartDemo(size string) (string, error) {
	b, _, err := s.app.current()
	if err != nil {
		return "", err
	}
	sz, err := demo.ParseSize(size)
	if err != nil {
		return "", err
	}
	return s.app.jobs.Start("demo", func(ctx context.Context, progress func(Progress)) (any, error) {
		return demo.Generate(ctx, b.Imports, b.Clock, sz, demo.DefaultSeed, func(done, total int) {
			progress(Progress{Done: int64(done), Total: int64(total), Message: "Creating demo orders"})
		})
	}), nil
}
