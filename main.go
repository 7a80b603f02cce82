// Command shopclerk is the Shopclerk desktop app. With a subcommand (demo,
// import, run, ...) the same binary runs headless for scripts and OS
// schedulers; without one it opens the window. main only wires.
package main

import (
	"context"
	"embed"
	"fmt"
	"log/slog"
	"os"
	"os/signal"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"

	"shopclerk/app"
	"shopclerk/app/cli"
	"shopclerk/backend/clock"
	"shopclerk/backend/store"
)

//go:embed all:frontend/dist
var assets embed.FS

func main() {
	if len(os.Args) > 1 && cli.IsCommand(os.Args[1]) {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		code := cli.RunCommand(ctx, os.Args[1], os.Args[2:], os.Stdout, os.Stderr)
		stop()
		os.Exit(code)
	}
	if word, unknown := cli.UnknownCommand(os.Args[1:]); unknown {
		fmt.Fprintf(os.Stderr, "shopclerk: %q is not a command.\n", word)
		cli.Usage(os.Stderr)
		os.Exit(2)
	}
	if err := runWindow(); err != nil {
		fmt.Fprintln(os.Stderr, "shopclerk:", err)
		os.Exit(1)
	}
}

func runWindow() error {
	flags := cli.ParseWindowFlags(os.Args[1:])
	clk, err := clock.FromFlagOrEnv(flags.Now)
	if err != nil {
		return err
	}
	if flags.DB == "" {
		if flags.DB, err = store.DefaultPath(); err != nil {
			return err
		}
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	a := app.New(context.Background(), app.Config{DBPath: flags.DB, Clock: clk, Log: log})
	w, h := a.WindowSize()
	return wails.Run(&options.App{
		Title:            "Shopclerk",
		Width:            w,
		Height:           h,
		MinWidth:         900,
		MinHeight:        600,
		AssetServer:      &assetserver.Options{Assets: assets},
		BackgroundColour: &options.RGBA{R: 248, G: 249, B: 250, A: 255},
		OnStartup:        a.Startup,
		OnBeforeClose:    a.BeforeClose,
		OnShutdown:       a.Shutdown,
		ErrorFormatter:   a.FormatError,
		DragAndDrop:      &options.DragAndDrop{EnableFileDrop: true, DisableWebViewDrop: true},
		Bind:             a.Bindings(),
	})
}
