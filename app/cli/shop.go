package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"shopclerk/backend/domain"
)

func init() {
	registerCommand(Command{
		Name:    "shop",
		Summary: "show or set who the shop is: shop show | shop set --name ... [--currency EUR] [--time-zone Europe/Berlin] ...",
		Run:     runShop,
	})
}

// shopFlags are the flags of `shop set`, each a field of the identity
// under its JSON name, so a problem with a field names the flag to fix.
var shopFlags = []struct {
	flag, field, usage string
	get                func(*domain.ShopIdentity) *string
}{
	{"name", "name", "the shop's name, which signs every email", func(s *domain.ShopIdentity) *string { return &s.Name }},
	{"legal-name", "legalName", "the registered business name, if not the shop's name", func(s *domain.ShopIdentity) *string { return &s.LegalName }},
	{"address", "address", `the postal address, lines separated by newlines or \n`, func(s *domain.ShopIdentity) *string { return &s.Address }},
	{"delivery-address", "deliveryAddress", "where suppliers deliver, if not the address", func(s *domain.ShopIdentity) *string { return &s.DeliveryAddress }},
	{"email", "email", "the shop's email address, e.g. hello@myshop.com", func(s *domain.ShopIdentity) *string { return &s.Email }},
	{"phone", "phone", "the shop's phone number", func(s *domain.ShopIdentity) *string { return &s.Phone }},
	{"website", "website", "the shop's web address, e.g. https://myshop.com", func(s *domain.ShopIdentity) *string { return &s.Website }},
	{"currency", "currency", "the ISO 4217 currency code, e.g. EUR", func(s *domain.ShopIdentity) *string { return &s.Currency }},
	{"time-zone", "timeZone", "the IANA time zone, e.g. Europe/Berlin", func(s *domain.ShopIdentity) *string { return &s.TimeZone }},
	{"language", "language", "the language emails are written in, e.g. en or de", func(s *domain.ShopIdentity) *string { return &s.Language }},
	{"vat-number", "vatNumber", "the VAT number, e.g. DE123456789", func(s *domain.ShopIdentity) *string { return &s.VATNumber }},
}

const shopUsage = "usage: shopclerk shop show | shopclerk shop set [--name NAME] [--currency EUR] [--time-zone Europe/Berlin] " +
	"[--email ADDRESS] [--website URL] [--address TEXT] ... [--logo FILE | --no-logo]"

func runShop(ctx context.Context, env *CLIEnv, args []string) error {
	if len(args) == 0 {
		return domain.Errorf(domain.CodeInvalid, "shop: say show or set (%s)", shopUsage)
	}
	switch args[0] {
	case "show":
		if len(args) > 1 {
			return domain.Errorf(domain.CodeInvalid, "shop show takes no arguments but --db, --now and --json")
		}
		id, err := env.Store.Shop(ctx)
		if err != nil {
			return err
		}
		printShop(env, id)
		return nil
	case "set":
		return setShop(ctx, env, args[1:])
	}
	return domain.Errorf(domain.CodeInvalid, "shop: %q is neither show nor set (%s)", args[0], shopUsage)
}

// setShop changes the fields given as flags and keeps the rest: all of the
// change is saved, or, with a problem in any field, none of it.
func setShop(ctx context.Context, env *CLIEnv, args []string) error {
	fs := flag.NewFlagSet("shop set", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	values := make([]*string, len(shopFlags))
	for i, f := range shopFlags {
		values[i] = fs.String(f.flag, "", f.usage)
	}
	logo := fs.String("logo", "", "a PNG, JPEG or SVG file of at most 256 KB, kept in the shop file")
	noLogo := fs.Bool("no-logo", false, "remove the logo")
	if err := parseFlags(fs, args, env.Out); err != nil {
		return domain.Wrap(err, domain.CodeInvalid, "shop set: "+err.Error()+" ("+shopUsage+")")
	}
	if fs.NArg() > 0 {
		return domain.Errorf(domain.CodeInvalid, "shop set: %q is not a flag (%s)", fs.Arg(0), shopUsage)
	}
	if *logo != "" && *noLogo {
		return domain.Errorf(domain.CodeInvalid, "shop set: give --logo or --no-logo, not both")
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	if len(given) == 0 {
		return domain.Errorf(domain.CodeInvalid, "shop set: give at least one field to set (%s)", shopUsage)
	}
	id, err := env.Store.Shop(ctx)
	if err != nil {
		return err
	}
	for i, f := range shopFlags {
		if given[f.flag] {
			*f.get(&id) = strings.ReplaceAll(*values[i], `\n`, "\n")
		}
	}
	var data []byte
	if *logo != "" {
		if data, err = readLogo(*logo); err != nil {
			return err
		}
		if _, err := domain.CheckLogo(data); err != nil {
			return domain.Wrap(err, domain.CodeInvalid, "--logo: "+err.Error())
		}
	}
	if ps := id.Normalized().Problems(); len(ps) > 0 {
		msgs := make([]string, len(ps))
		for i, p := range ps {
			msgs[i] = "--" + flagOf(p.Field) + ": " + p.Message
		}
		return domain.Errorf(domain.CodeInvalid, "nothing was saved.\n%s", strings.Join(msgs, "\n"))
	}
	if id, err = env.Store.SetShop(ctx, id); err != nil {
		return err
	}
	switch {
	case data != nil:
		_, err = env.Store.SetShopLogo(ctx, data)
	case *noLogo:
		_, err = env.Store.SetShopLogo(ctx, nil)
	}
	if err != nil {
		return err
	}
	if id, err = env.Store.Shop(ctx); err != nil {
		return err
	}
	printShop(env, id)
	return nil
}

// readLogo reads a logo file, refusing a large one before reading it whole.
func readLogo(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInvalid, "--logo: "+path+" cannot be read")
	}
	if st.Size() > domain.MaxLogoBytes {
		return nil, domain.Errorf(domain.CodeInvalid, "--logo: %s is %d KB; a logo can be at most %d KB", path, (st.Size()+1023)/1024, domain.MaxLogoBytes>>10)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInvalid, "--logo: "+path+" cannot be read")
	}
	return data, nil
}

func flagOf(field string) string {
	for _, f := range shopFlags {
		if f.field == field {
			return f.flag
		}
	}
	return field
}

func printShop(env *CLIEnv, id domain.ShopIdentity) {
	env.Print(id, func(w io.Writer) {
		if !id.Configured() {
			fmt.Fprintln(w, "The shop is not set up yet: give at least --name, --currency and --time-zone.")
		}
		for _, f := range shopFlags {
			v := *f.get(&id)
			if v == "" {
				v = "-"
			}
			fmt.Fprintf(w, "%-17s %s\n", f.flag, strings.ReplaceAll(v, "\n", ", "))
		}
		logo := id.Logo
		if logo == "" {
			logo = "-"
		}
		fmt.Fprintf(w, "%-17s %s\n", "logo", logo)
	})
}
