// Package app is the only package that imports Wails. App wires the backend
// together and owns the window's lifecycle; it is not bound itself. Each
// screen area gets one bound service struct whose methods convert input, call
// one backend function and map the result. The headless subcommands of the
// same binary live here too (cli*.go).
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
	"shopclerk/backend/domain"
	"shopclerk/backend/importer"
	"shopclerk/backend/inbox"
	"shopclerk/backend/inbox/signals"
	"shopclerk/backend/rules"
	"shopclerk/backend/runner"
	"shopclerk/backend/store"
)

// Config is what main passes in from flags and the environment.
type Config struct {
	DBPath string
	Clock  clock.Clock
	Log    *slog.Logger
}

// App holds the open shop and the window context. The store may be nil: a
// shop that cannot be opened still gets a window that explains why.
type App struct {
	cfg     Config
	ctx     context.Context // Wails runtime context, set in Startup
	mu      sync.RWMutex
	st      *store.Store
	openErr error
	jobs    *Jobs
	// automations runs enabled flows on their schedule while the window is open.
	automations *runner.Automations
	backups     *runner.Backups   // a daily copy of the shop while the window is open
	digest      *runner.Daily     // the morning low-stock digest into the outbox
	uploads     *importer.Uploads // files a browser sends to the Import screen
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
}

// New opens the shop database and builds the bound services.
func New(ctx context.Context, cfg Config) *App {
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	if cfg.Clock == nil {
		cfg.Clock = clock.System{}
	}
	a := &App{cfg: cfg, started: time.Now(), uploads: &importer.Uploads{Dir: uploadsDir(), Log: cfg.Log}}
	a.jobs = newJobs(a.emit, a.FormatError, cfg.Log)
	a.st, a.openErr = store.Open(ctx, cfg.DBPath, store.Options{Clock: cfg.Clock, Log: cfg.Log})
	if a.openErr != nil {
		cfg.Log.Error("cannot open shop", "path", cfg.DBPath, "err", a.openErr)
	}
	a.Shop = &ShopService{app: a}
	a.Jobs = &JobService{app: a}
	a.Inventory = NewInventoryService(a)
	a.Import = NewImportService(a)
	a.Automation = NewAutomationService(a)
	var events inbox.Events // replies and suppressions stop the customer's sequences
	if a.st != nil {
		events = signals.New(a.st, cfg.Clock)
	}
	a.MailConfig, a.Outbox = NewMailServices(a, events)
	return a
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
	return []any{a.Shop, a.Jobs, a.Inventory, a.Import, a.MailConfig, a.Outbox, a.Automation}
}

// Startup keeps the Wails context for events and dialogs, removes browser
// uploads left behind a day ago or more, and starts the
// daily backup, the morning low-stock digest and the automation schedule.
func (a *App) Startup(ctx context.Context) {
	a.ctx = ctx
	a.uploads.RemoveOld(time.Now(), importer.UploadsMaxAge)
	st, err := a.store()
	if err != nil {
		return
	}
	a.backups = runner.NewBackups(st, a.cfg.Clock, a.cfg.Log)
	a.backups.Start()
	a.digest = runner.NewDaily("low-stock digest", DigestHour, st, a.cfg.Clock, a.cfg.Log, func(context.Context) error {
		_, err := a.Inventory.Digest(false)
		return err
	})
	a.digest.Start()
	a.automations = runner.NewAutomations(st, NewAutomationEngine(st, a.cfg.Log), a.cfg.Clock, a.cfg.Log)
	a.automations.OnRun = func(res rules.RunResult, err error) {
		if err != nil {
			a.emit("automations:run", map[string]any{"error": a.FormatError(err)})
			return
		}
		a.emit("automations:run", res)
	}
	if err := a.automations.Start(ctx); err != nil {
		a.cfg.Log.Warn("automation schedule not started", "err", err)
	}
}

// BeforeClose remembers the window size for the next start.
func (a *App) BeforeClose(ctx context.Context) bool {
	if st, err := a.store(); err == nil {
		if w, h := runtime.WindowGetSize(ctx); w > 200 && h > 200 {
			st.SetSetting(context.Background(), store.SettingWindowSize, strconv.Itoa(w)+"x"+strconv.Itoa(h))
		}
	}
	return false
}

// Shutdown cancels running jobs and closes the shop.
func (a *App) Shutdown(ctx context.Context) {
	if a.automations != nil {
		a.automations.Stop()
	}
	if a.backups != nil {
		a.backups.Stop()
	}
	if a.digest != nil {
		a.digest.Stop()
	}
	a.jobs.cancelAll()
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.st != nil {
		a.st.Close()
		a.st = nil
	}
}

// WindowSize is the remembered window size, or the default.
func (a *App) WindowSize() (int, int) {
	w, h := 1280, 820
	if st, err := a.store(); err == nil {
		v, _ := st.Setting(context.Background(), store.SettingWindowSize, "")
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

// store returns the open shop, or the reason it could not be opened.
func (a *App) store() (*store.Store, error) {
	a.mu.RLock()
	defer a.mu.RUnlock()
	if a.st == nil {
		if a.openErr != nil {
			return nil, a.openErr
		}
		return nil, domain.Errorf(domain.CodeInternal, "the shop is closed")
	}
	return a.st, nil
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
