// Package cli is Shopclerk's headless commands (`shopclerk import`, `run`,
// `send`, `sync`, ...): one file per command family, each registered with
// registerCommand, over the same service.Shop the window uses. It does not
// import Wails.
package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sort"
	"strings"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"
	"shopclerk/backend/service"
	"shopclerk/backend/store"
)

// Command is one headless subcommand of the shopclerk binary.
type Command struct {
	Name    string
	Summary string
	// Run gets the common environment and the arguments after the common
	// flags. It prints through env.Print so --json works the same everywhere.
	Run func(ctx context.Context, env *CLIEnv, args []string) error
	// NoStore skips opening the database (for commands that make one).
	NoStore bool
	// NoArgs refuses arguments beyond the common flags.
	NoArgs bool
}

var commands = map[string]Command{}

func registerCommand(c Command) { commands[c.Name] = c }

// CLIEnv is what every subcommand gets: the pinned clock, the open store
// (unless NoStore), the database path and the output mode.
type CLIEnv struct {
	DBPath string
	Clock  clock.Clock
	Store  *store.Store
	JSON   bool
	Out    io.Writer
	Log    *slog.Logger
	// printed: a JSON document is on stdout already, so a failure after it
	// only sets the exit code (scripts read exactly one document).
	printed bool
}

// Print writes v as indented JSON with --json, else human text from text().
func (e *CLIEnv) Print(v any, text func(w io.Writer)) {
	if e.JSON {
		e.printed = true
		enc := json.NewEncoder(e.Out)
		enc.SetIndent("", "  ")
		// Scripts read names as written: "Linden & Oak", not "Linden \u0026 Oak".
		enc.SetEscapeHTML(false)
		enc.Encode(v)
		return
	}
	text(e.Out)
}

// printList prints list: as JSON, or a line per item (row), or empty when
// there is none.
func printList[T any](env *CLIEnv, list []T, empty string, row func(w io.Writer, item T)) {
	env.Print(list, func(w io.Writer) {
		if len(list) == 0 {
			fmt.Fprintln(w, empty)
		}
		for _, it := range list {
			row(w, it)
		}
	})
}

// Shop is the backend graph over the command's store; commands use the
// window's wiring, so both send, sync and score the same way.
func (e *CLIEnv) Shop() *service.Shop { return service.New(e.Store, e.Clock, nil, e.Log) }

// IsCommand tells main whether to run headless.
func IsCommand(name string) bool {
	_, ok := commands[name]
	return ok || name == "help" || name == "--help" || name == "-h"
}

// UnknownCommand returns the first word of args that is neither a flag nor
// a flag's value, when it is not a command: main must not open the window
// for a mistyped command (without a display that crashed with a stack).
// A flag written without "=" is taken to own the word after it (--db PATH,
// and the dev build's -assetdir DIR), except --json.
func UnknownCommand(args []string) (string, bool) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") {
			return a, !IsCommand(a)
		}
		name := strings.TrimLeft(a, "-")
		if !strings.Contains(name, "=") && name != "json" && i+1 < len(args) && !strings.HasPrefix(args[i+1], "-") {
			i++
		}
	}
	return "", false
}

// RunCommand runs a headless subcommand and returns the process exit code.
// Errors are printed as {"error":{"code","message"}} with --json.
func RunCommand(ctx context.Context, name string, args []string, stdout, stderr io.Writer) int {
	cmd, ok := commands[name]
	if !ok {
		usage(stdout)
		return 0
	}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	dbPath := fs.String("db", "", "shop database file (default: your config folder's Shopclerk/shop.db)")
	now := fs.String("now", "", "pin the clock, e.g. 2026-03-01T09:00:00Z (or set "+clock.EnvVar+")")
	asJSON := fs.Bool("json", false, "print JSON for scripts")
	// Common flags may come before the command's own; the rest pass through.
	common, rest := splitCommonFlags(args)
	if err := fs.Parse(common); err != nil {
		return 2
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	env := &CLIEnv{JSON: *asJSON, Out: stdout, Log: log}
	fail := func(err error) int {
		log.Debug("command failed", "err", err)
		switch {
		case env.JSON && env.printed:
		case env.JSON:
			enc := json.NewEncoder(stdout)
			enc.SetEscapeHTML(false)
			enc.Encode(map[string]any{"error": map[string]string{"code": string(domain.CodeOf(err)), "message": err.Error()}})
		default:
			fmt.Fprintln(stderr, "shopclerk:", err.Error())
		}
		return 1
	}
	var err error
	if env.Clock, err = clock.FromFlagOrEnv(*now); err != nil {
		return fail(domain.Wrap(err, domain.CodeInvalid, err.Error()))
	}
	if env.DBPath = *dbPath; env.DBPath == "" {
		if env.DBPath, err = store.DefaultPath(); err != nil {
			return fail(err)
		}
	}
	if cmd.NoArgs && len(rest) > 0 {
		return fail(domain.Errorf(domain.CodeInvalid, "%s takes no arguments, only --db, --now and --json", cmd.Name))
	}
	if !cmd.NoStore {
		env.Store, err = store.Open(ctx, env.DBPath, store.Options{Clock: env.Clock, Log: log})
		if err != nil {
			return fail(err)
		}
		defer env.Store.Close()
	}
	if err := cmd.Run(ctx, env, rest); err != nil && !errors.Is(err, errHelp) {
		return fail(err)
	}
	return 0
}

// errHelp ends a command that printed its flags for -h: exit 0, no error.
var errHelp = errors.New("help shown")

// parseFlags parses a command's own flags. The flag sets print nothing
// themselves (each command words its parse errors for the seller); -h
// prints the flags with their descriptions on out and ends the command.
func parseFlags(fs *flag.FlagSet, args []string, out io.Writer) error {
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintf(out, "shopclerk %s, flags:\n", fs.Name())
		fs.SetOutput(out)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
		return errHelp
	}
	return err
}

// splitCommonFlags takes --db, --now and --json (with their values) out of
// args wherever they appear, so "shopclerk import --json a.csv --db x" works.
func splitCommonFlags(args []string) (common, rest []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") {
			rest = append(rest, a)
			continue
		}
		switch name {
		case "json":
			common = append(common, a)
		case "db", "now":
			common = append(common, a)
			if !hasValue && i+1 < len(args) {
				i++
				common = append(common, args[i])
			}
		default:
			rest = append(rest, a)
		}
	}
	return common, rest
}

// Usage prints the commands and common flags.
func Usage(w io.Writer) { usage(w) }

func usage(w io.Writer) {
	fmt.Fprintln(w, "Shopclerk: run without arguments to open the app, or give a command:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].Summary)
	}
	fmt.Fprintln(w, "Common flags: --db PATH, --now 2026-03-01T09:00:00Z, --json")
}

// WindowFlags are the flags the windowed app understands.
type WindowFlags struct {
	DB  string
	Now string
}

// ParseWindowFlags picks --db and --now out of the arguments and ignores the
// rest (the dev build's -assetdir and -devserver belong to Wails). The
// environment (SHOPCLERK_DB) is the fallback, for OS shortcuts and tests.
func ParseWindowFlags(args []string) WindowFlags {
	common, _ := splitCommonFlags(args)
	fs := flag.NewFlagSet("shopclerk", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var f WindowFlags
	fs.StringVar(&f.DB, "db", os.Getenv("SHOPCLERK_DB"), "")
	fs.StringVar(&f.Now, "now", "", "")
	fs.Bool("json", false, "")
	fs.Parse(common)
	return f
}
