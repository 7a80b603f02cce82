// Package app is the window, and the only package that imports Wails. App
// opens the shop (its object graph is a service.Shop) and owns the window's
// lifecycle; it is not bound itself. Each screen area gets one bound
// service struct whose methods convert input, call one backend function and
// map the result. The headless commands of the same binary are app/cli.
package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"shopclerk/backend/clock"
	"shopclerk/backend/connector"
	"shopclerk/backend/domain"
	"shopclerk/backend/importer"
	"shopclerk/backend/mail"
	"shopclerk/backend/rules"
	"shopclerk/backend/secrets"
	"shopclerk/backend/service"
	"shopclerk/backend/store"
)

// Config is what main passes in from flags and the environment.
type Config struct {
	DBPath string
	Clock  clock.Clock
	Log    *slog.Logger
	// Secrets is where mail passwords and tokens are kept; nil probes the
	// system keychain on first use (a file beside the shop where there is none).
	Secrets secrets.Store
}

// App holds the open shop and the window's lifecycle. No shop may be open:
// a shop that cannot be opened still gets a window that explains why.
type App struct {
	cfg Config
	ctx context.Context // the Wails runtime's, set in Startup: events and dialogs need it
	// root is cancelled by Shutdown: bound calls run under it and each job
	// under a context of its own derived from it, so nothing outlives the
	// window.
	root    context.Context
	cancel  context.CancelFunc
	mu      sync.RWMutex
	b       *service.Shop // the open shop's object graph; nil when none is open
	path    string        // the shop file b is over, or that could not be opened
	openErr error
	running bool // Startup ran: an open shop's background work runs
	jobs    *Jobs
	uploads *importer.Uploads // files a browser sends to the Import screen
	// started and firstDashboard time the cold start: process start to the
	// first dashboard handed to the web view (logged once, read by make bench).
	started        time.Time
	firstDashboard sync.Once

	Shop       *ShopService
	Jobs       *JobService
	Inventory  *InventoryService
	Import     *ImportService
	MailConfig *MailSettingsService
	Outbox     *OutboxService
	Automation *AutomationService
	Customers  *CustomerService
	Shipping   *ShippingService
	Stores     *StoreService
	Campaigns  *CampaignService
	Coupons    *CouponService
}

// New builds the bound services and opens the shop. ctx bounds the app's
// whole life and Shutdown ends it; it is made here rather than taken from
// Startup's Wails context because the window reads the shop (its size)
// before Wails starts, and tests call the services without a window.
func New(ctx context.Context, cfg Config) *App {
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	if cfg.Clock == nil {
		cfg.Clock = clock.System{}
	}
	a := &App{cfg: cfg, started: time.Now(), uploads: &importer.Uploads{Dir: uploadsDir(), Log: cfg.Log}}
	a.root, a.cancel = context.WithCancel(ctx)
	a.jobs = newJobs(a.root, a.emit, a.FormatError, cfg.Log)
	a.Shop = &ShopService{app: a}
	a.Jobs = &JobService{app: a}
	a.Inventory = &InventoryService{app: a}
	a.Import = &ImportService{app: a}
	a.Automation = &AutomationService{app: a}
	a.Customers = &CustomerService{app: a}
	a.Shipping = &ShippingService{app: a}
	a.Stores = &StoreService{app: a}
	a.Campaigns = &CampaignService{app: a}
	a.Coupons = &CouponService{app: a}
	a.MailConfig, a.Outbox = &MailSettingsService{app: a}, &OutboxService{app: a}
	a.open(cfg.DBPath)
	return a
}

// open makes the shop at path the open one: the one place the store, and
// the object graph over it, change. The previous shop's jobs are cancelled,
// its background work stopped and its file closed; the new shop's
// background work starts when the window is up. A shop that cannot be
// opened leaves none open, and the reason for Status.
func (a *App) open(path string) error {
	st, err := store.Open(a.root, path, store.Options{Clock: a.cfg.Clock, Log: a.cfg.Log})
	if err != nil {
		a.cfg.Log.Error("cannot open shop", "path", path, "err", err)
	}
	var b *service.Shop
	if err == nil {
		b = service.New(st, a.cfg.Clock, a.cfg.Secrets, a.cfg.Log)
	}
	// Under the lock throughout, so a Startup or Shutdown at the same time
	// never starts background work over a shop that is being closed.
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.b != nil {
		a.jobs.cancelAll()
		a.b.Close()
	}
	a.b, a.path, a.openErr = b, path, err
	if a.running && b != nil {
		b.Start(a.root, a.onRun, a.onSend, a.onSync)
	}
	return err
}

// uploadsDir is the seller's own folder for browser uploads: their user
// cache (orders exports hold customers' addresses, so not the shared temp
// folder), or a temp folder of their own where there is none.
func uploadsDir() string {
	if dir, err := os.UserCacheDir(); err == nil {
		return filepath.Join(dir, "shopclerk", "uploads")
	}
	return filepath.Join(os.TempDir(), fmt.Sprintf("shopclerk-uploads-%d", os.Getuid()))
}

// Bindings lists the services the frontend may call.
func (a *App) Bindings() []any {
	return []any{a.Shop, a.Jobs, a.Inventory, a.Import, a.MailConfig, a.Outbox, a.Automation, a.Customers, a.Shipping, a.Stores, a.Campaigns, a.Coupons}
}

// Startup keeps the Wails context for events and dialogs, removes browser
// uploads left behind a day ago or more, and starts the open shop's
// background work: the daily backup, the morning low-stock digest and the
// automation schedule.
func (a *App) Startup(ctx context.Context) {
	a.ctx = ctx
	a.uploads.RemoveOld(time.Now(), importer.UploadsMaxAge)
	a.mu.Lock()
	defer a.mu.Unlock()
	a.running = true
	if a.b != nil {
		a.b.Start(a.root, a.onRun, a.onSend, a.onSync)
	}
}

// onRun tells the Automations screen about each scheduled run.
func (a *App) onRun(res rules.RunResult, err error) {
	if err != nil {
		a.emit("automations:run", map[string]any{"error": a.FormatError(err)})
		return
	}
	a.emit("automations:run", res)
}

// onSend tells the Outbox screen that the automatic sender moved messages
// (or met a failure the Why column now explains).
func (a *App) onSend(rep mail.SendReport, err error) {
	a.emit("outbox:changed", nil)
}

// onSync tells Settings > Stores and the dashboard about each scheduled
// store sync, and each write-back run that wrote something.
func (a *App) onSync([]connector.Result, error) { a.emit("stores:synced", nil) }

// BeforeClose remembers the window size for the next start.
func (a *App) BeforeClose(ctx context.Context) bool {
	if b, rctx, err := a.current(); err == nil {
		if w, h := runtime.WindowGetSize(ctx); w > 200 && h > 200 {
			b.Store.SetSetting(rctx, domain.SettingWindowSize, strconv.Itoa(w)+"x"+strconv.Itoa(h))
		}
	}
	return false
}

// Shutdown cancels bound calls and jobs in flight, stops the background
// work and closes the shop.
func (a *App) Shutdown(ctx context.Context) {
	a.cancel()
	a.mu.Lock()
	defer a.mu.Unlock()
	a.running = false
	if a.b != nil {
		a.b.Close()
		a.b = nil
	}
}

// WindowSize is the remembered window size, or the default.
func (a *App) WindowSize() (int, int) {
	w, h := 1280, 820
	if b, ctx, err := a.current(); err == nil {
		v, _ := b.Store.Setting(ctx, domain.SettingWindowSize, "")
		if ws, hs, ok := strings.Cut(v, "x"); ok {
			if wi, err := strconv.Atoi(ws); err == nil && wi >= 800 {
				w = wi
			}
			if hi, err := strconv.Atoi(hs); err == nil && hi >= 600 {
				h = hi
			}
		}
	}
	return w, h
}

// current returns the open shop's object graph with the context bound
// calls run under, or the reason no shop is open.
func (a *App) current() (*service.Shop, context.Context, error) {
	a.mu.RLock()
	defer a.mu.RUnlock()
	if a.b == nil {
		if a.openErr != nil {
			return nil, a.root, a.openErr
		}
		return nil, a.root, domain.Errorf(domain.CodeInternal, "the shop is closed")
	}
	return a.b, a.root, nil
}

// shopPath is the file of the open shop, or of the one that failed to open.
func (a *App) shopPath() string {
	a.mu.RLock()
	defer a.mu.RUnlock()
	return a.path
}

func (a *App) emit(name string, data any) {
	if a.ctx != nil {
		runtime.EventsEmit(a.ctx, name, data)
	}
}

// FormatError is Wails' ErrorFormatter: every bound method's error reaches
// the frontend as one JSON shape, {"code": ..., "message": ...}. Internal
// details go to the log only.
func (a *App) FormatError(err error) any {
	code := domain.CodeOf(err)
	msg := err.Error()
	var de *domain.Error
	if !errors.As(err, &de) {
		a.cfg.Log.Error("unexpected error", "err", err)
		msg = "Something went wrong inside Shopclerk. The details were written to its log."
	} else if de.Err != nil {
		a.cfg.Log.Warn(de.Message, "code", de.Code, "cause", de.Err)
	}
	b, _ := json.Marshal(map[string]string{"code": string(code), "message": msg})
	return string(b)
}
