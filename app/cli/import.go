package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"shopclerk/backend/domain"
	"shopclerk/backend/importer"
	"shopclerk/backend/service"
	"shopclerk/backend/store/importdb"
)

func init() {
	registerCommand(Command{
		Name:    "import",
		Summary: "import CSV/TSV/XLSX exports: import [--preset NAME] [--sheet NAME] [--dates dmy|mdy] [--currency CUR] [--rejects FILE.xlsx] FILE...",
		Run:     runImport,
	})
}

// errRejectedWhole makes the process exit non-zero when a file was refused
// whole; the result has already been printed.
var errRejectedWhole = domain.Errorf(domain.CodeInvalid, "at least one file was refused whole; nothing of it was imported")

func runImport(ctx context.Context, env *CLIEnv, args []string) error {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	preset := fs.String("preset", "", "force a preset: "+strings.Join(importer.PresetNames(), ", "))
	sheet := fs.String("sheet", "", "xlsx sheet to read (default: the active sheet)")
	dates := fs.String("dates", "", "how to read dates like 01/02/2024 when a column cannot tell: dmy or mdy")
	currency := fs.String("currency", "", "the currency of files that carry none (default: the shop's, see shopclerk shop set)")
	rejects := fs.String("rejects", "", "also write the rejected rows to this .xlsx file")
	// Flags may follow the files ("import a.csv --preset x"), so parse in turns.
	var files []string
	rest := args
	for {
		if err := parseFlags(fs, rest, env.Out); err != nil {
			return domain.Wrap(err, domain.CodeInvalid, "import: "+err.Error()+" (usage: shopclerk import [--preset NAME] FILE...)")
		}
		if fs.NArg() == 0 {
			break
		}
		files = append(files, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	if len(files) == 0 {
		return domain.Errorf(domain.CodeInvalid, "import: name at least one file (usage: shopclerk import [--preset NAME] FILE...)")
	}
	opts, known := service.ImportOptions(ctx, env.Store, importer.Options{Preset: importer.PresetName(*preset), Sheet: *sheet, Currency: strings.ToUpper(*currency)})
	if !known {
		env.Log.Warn("the shop has no currency yet: amounts in files that name none are read as USD; set it with: shopclerk shop set --currency EUR")
	}
	switch d := importer.DateOrder(strings.ToLower(*dates)); d {
	case importer.DateAuto, importer.DateDMY, importer.DateMDY:
		opts.DefaultDateOrder = d
	default:
		return domain.Errorf(domain.CodeInvalid, "import: --dates takes dmy or mdy, not %q", *dates)
	}
	specs := make([]importer.FileSpec, len(files))
	for i, f := range files {
		specs[i] = importer.FileSpec{Path: f, Options: opts}
	}
	res, err := importer.Import(ctx, importdb.New(env.Store), specs, nil)
	// Detection writes its own state: a run whose every file was refused
	// must leave the shop exactly as it was.
	for _, f := range res.Files {
		if f.BatchID != 0 {
			service.DetectAfterImport(ctx, env.Store, env.Log)
			service.Rescore(ctx, env.Shop().Customers, env.Log)
			break
		}
	}
	if err != nil {
		return err
	}
	if *rejects != "" {
		if err := writeRejects(*rejects, res); err != nil {
			return err
		}
	}
	env.Print(res, func(w io.Writer) { printImport(w, res) })
	if res.RejectedWhole() {
		return errRejectedWhole
	}
	return nil
}

func printImport(w io.Writer, res importer.Result) {
	for _, f := range res.Files {
		if f.Error != "" {
			fmt.Fprintf(w, "%s: refused: %s\n", f.File, f.Error)
			continue
		}
		c := f.Counts
		fmt.Fprintf(w, "%s: %s\n  %d rows: %d created, %d updated, %d unchanged, %d rejected\n",
			f.File, f.Label, f.Rows, c.Created, c.Updated, c.Unchanged, c.Rejected)
		for i, r := range f.Rejected {
			if i == 20 {
				fmt.Fprintf(w, "  ... and %d more rejected rows (use --json or --rejects FILE.xlsx)\n", len(f.Rejected)-20)
				break
			}
			fmt.Fprintf(w, "  row %d", r.Row)
			if r.Column != "" {
				fmt.Fprintf(w, ", %s", r.Column)
			}
			if r.Value != "" {
				fmt.Fprintf(w, " %q", r.Value)
			}
			fmt.Fprintf(w, ": %s\n", r.Reason)
		}
		if n := len(f.Warnings); n > 0 {
			fmt.Fprintf(w, "  %d warnings (first: row %d, %s: %s)\n", n, f.Warnings[0].Row, f.Warnings[0].Column, f.Warnings[0].Reason)
		}
	}
}

func writeRejects(path string, res importer.Result) error {
	var all []importer.Issue
	for _, f := range res.Files {
		all = append(all, f.Rejected...)
	}
	return importer.WriteRejectsFile(path, all)
}
