package cli

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"shopclerk/backend/connector"
	"shopclerk/backend/connector/etsy"
	"shopclerk/backend/domain"
	"shopclerk/backend/secrets"
	"shopclerk/backend/service"
	"shopclerk/backend/store/connectordb"
)

func init() {
	registerCommand(Command{
		Name: "store",
		Summary: "connected stores: store add --kind shopify --url https://NAME.myshopify.com (--token-stdin | --client-id ID --secret-stdin) " +
			"| store add --kind woocommerce --url https://SITE --key ck_... --secret-stdin " +
			"| store add --kind etsy --client-id KEYSTRING (--token-stdin | --secret-stdin) | store list | store remove NAME | store test NAME " +
			"| store writes NAME [--coupons on|off] [--stock on|off]",
		Run: runStore,
	})
}

// cliStdin is where --token-stdin and --secret-stdin read (tests swap it).
var cliStdin io.Reader = os.Stdin

// storeSecrets is the keychain (or the file beside the shop) of a command.
func storeSecrets(env *CLIEnv) secrets.Store { return secrets.Open(filepath.Dir(env.DBPath)) }

// cliStores is the store manager of a command: the keychain beside its
// shop, and the automations told about what a sync changed.
func cliStores(env *CLIEnv) *connector.Manager {
	return service.NewStoreManager(connectordb.New(env.Store), func() secrets.Store { return storeSecrets(env) },
		func(ctx context.Context) { service.DetectAfterImport(ctx, env.Store, env.Log) }, env.Clock, env.Log)
}

// storeNamed finds a connected store by name, with the hint a command needs.
func storeNamed(ctx context.Context, db *connectordb.DB, name string) (domain.ConnectedStore, error) {
	cs, ok, err := db.StoreByName(ctx, name)
	if err == nil && !ok {
		err = domain.Errorf(domain.CodeNotFound, "no store named %q is connected (see `shopclerk store list`)", name)
	}
	return cs, err
}

func runStore(ctx context.Context, env *CLIEnv, args []string) error {
	if len(args) == 0 {
		return domain.Errorf(domain.CodeInvalid, "store: say add, list, remove NAME, test NAME or writes NAME")
	}
	mgr := cliStores(env)
	db := mgr.DB
	switch args[0] {
	case "add":
		return storeAdd(ctx, env, mgr, args[1:])
	case "list":
		stores, err := db.Stores(ctx)
		if err != nil {
			return err
		}
		env.Print(stores, func(w io.Writer) {
			if len(stores) == 0 {
				fmt.Fprintln(w, "No store is connected yet: shopclerk store add --kind shopify|woocommerce|etsy ...")
			}
			for _, s := range stores {
				last := "never synced"
				if s.LastSync != nil {
					last = "synced " + s.LastSync.Format("2006-01-02 15:04 UTC")
				}
				fmt.Fprintf(w, "%-20s %-12s %s (%s, %s)\n", s.Name, s.Kind, s.URL, s.Auth, last)
			}
		})
		return nil
	case "writes":
		return storeWrites(ctx, env, mgr, args[1:])
	case "remove", "test":
		if len(args) != 2 {
			return domain.Errorf(domain.CodeInvalid, "store %s: name the store (see `shopclerk store list`)", args[0])
		}
		cs, err := storeNamed(ctx, db, args[1])
		if err != nil {
			return err
		}
		if args[0] == "remove" {
			if _, err := mgr.Remove(ctx, cs.ID); err != nil {
				return err
			}
			env.Print(map[string]any{"removed": cs.Name}, func(w io.Writer) {
				fmt.Fprintf(w, "Removed %s. Its orders, customers and products stay in the shop.\n", cs.Name)
			})
			return nil
		}
		res, err := mgr.Test(ctx, cs.ID)
		if err != nil {
			return err
		}
		env.Print(res, func(w io.Writer) { printStoreTest(w, res) })
		if len(res.Shop.Missing) > 0 {
			return domain.Errorf(domain.CodeAuthFailed, "%s is connected but cannot be synced yet: grant %s", cs.Name, strings.Join(res.Shop.Missing, "; "))
		}
		return nil
	}
	return domain.Errorf(domain.CodeInvalid, "store: %q is not add, list, remove, test or writes", args[0])
}

func printStoreTest(w io.Writer, r connector.Added) {
	tz := r.Shop.TimeZone
	if tz == "" {
		tz = "unknown" // Etsy names none
	}
	fmt.Fprintf(w, "%s: connected to %q (%s), currency %s, time zone %s\n", r.Store.Name, r.Shop.Name, r.Shop.Domain, r.Shop.Currency, tz)
	for _, m := range r.Shop.Missing {
		fmt.Fprintf(w, "  missing permission: %s\n", m)
	}
	for _, n := range r.Shop.Notes {
		fmt.Fprintf(w, "  note: %s\n", n)
	}
}

// storeAdd tests the credentials first and saves the store only when the
// store answered (connector.Manager.Add).
func storeAdd(ctx context.Context, env *CLIEnv, mgr *connector.Manager, args []string) error {
	fs := flag.NewFlagSet("store add", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	kind := fs.String("kind", "", "shopify, woocommerce or etsy")
	rawURL := fs.String("url", "", "the store's address: https://NAME.myshopify.com or https://SITE")
	name := fs.String("name", "", "a short name for the store (default: from its address)")
	tokenStdin := fs.Bool("token-stdin", false, "Shopify: read the Admin API access token (shpat_...) from standard input; "+
		"Etsy: read a refresh token (12345678.…), then on the next line the app's shared secret")
	clientID := fs.String("client-id", "", "Shopify: the Dev Dashboard app's client ID (its secret with --secret-stdin); Etsy: the app's keystring")
	key := fs.String("key", "", "WooCommerce: the REST API consumer key (ck_...; its secret with --secret-stdin)")
	secretStdin := fs.Bool("secret-stdin", false, "read the client secret or consumer secret from standard input; "+
		"Etsy: the app's shared secret, then Sign in with Etsy (paste back the address Etsy sends the browser to)")
	callback := fs.String("callback", "", "Etsy: the https callback URL your Etsy app lists (default "+service.EtsyCallback+")")
	const usage = " (usage: shopclerk store add --kind shopify --url https://NAME.myshopify.com (--token-stdin | --client-id ID --secret-stdin), " +
		"or --kind woocommerce --url https://SITE --key ck_... --secret-stdin, or --kind etsy --client-id KEYSTRING (--token-stdin | --secret-stdin [--callback URL]))"
	if err := parseFlags(fs, args, env.Out); err != nil {
		return domain.Wrap(err, domain.CodeInvalid, "store add: "+err.Error()+usage)
	}
	in := service.NewStoreInput{Kind: domain.StoreKind(strings.ToLower(*kind)), URL: *rawURL, Name: *name, Callback: *callback}
	switch {
	case in.Kind == domain.StoreShopify && *tokenStdin && *clientID == "":
		in.Auth = domain.AuthToken
	case in.Kind == domain.StoreShopify && *clientID != "" && *secretStdin && !*tokenStdin:
		in.Auth, in.ClientID = domain.AuthClientCredentials, *clientID
	case in.Kind == domain.StoreWooCommerce && *key != "" && *secretStdin:
		in.Auth, in.ClientID = domain.AuthKeys, *key
	case in.Kind == domain.StoreEtsy && *clientID != "" && *tokenStdin != *secretStdin:
		in.Auth, in.ClientID = domain.AuthOAuth, *clientID
		return etsyAdd(ctx, env, mgr, in, *tokenStdin)
	default:
		return domain.Errorf(domain.CodeInvalid, "store add: say how Shopclerk signs in"+usage)
	}
	cs, err := service.NewConnectedStore(in)
	if err != nil {
		return err
	}
	line, _ := bufio.NewReader(cliStdin).ReadString('\n') // a last line without \n comes with io.EOF
	secret := strings.TrimSpace(line)
	if secret == "" {
		return domain.Errorf(domain.CodeInvalid, "store add: no secret came on standard input (pipe it in: echo \"$TOKEN\" | shopclerk store add ...)")
	}
	res, err := mgr.Add(ctx, cs, secret)
	if err != nil {
		return err
	}
	printAdded(env, res)
	return nil
}

// printAdded says what adding a store learnt.
func printAdded(env *CLIEnv, res connector.Added) {
	env.Print(res, func(w io.Writer) {
		printStoreTest(w, res)
		if res.SecretsInFile {
			fmt.Fprintln(w, "  note: no system keychain was found; the secret is in an owner-only file beside the shop")
		}
		fmt.Fprintf(w, "Added %s. Run `shopclerk sync --store %s` to bring in its data.\n", res.Store.Name, res.Store.Name)
	})
}

// etsyAdd adds an Etsy shop: with --token-stdin from a refresh token the
// seller already has (a headless machine), else by Sign in with Etsy: the
// command prints Etsy's page for a browser, and reads back the address
// Etsy then sends the browser to (--callback, registered with the app),
// which the seller copies from the browser's bar. Either way the app's
// shared secret comes on standard input, never in a flag.
func etsyAdd(ctx context.Context, env *CLIEnv, mgr *connector.Manager, in service.NewStoreInput, withToken bool) error {
	cs, err := service.NewConnectedStore(in)
	if err != nil {
		return err
	}
	rd := bufio.NewReader(cliStdin)
	line := func() string { s, _ := rd.ReadString('\n'); return strings.TrimSpace(s) }
	var secret string
	if withToken {
		refresh, shared := line(), line()
		if refresh == "" || shared == "" {
			return domain.Errorf(domain.CodeInvalid, "store add: give the refresh token and, on the next line, the app's shared secret on standard input")
		}
		secret = etsy.Secret{SharedSecret: shared, RefreshToken: refresh}.String()
		if _, err := etsy.ParseSecret(secret); err != nil {
			return err
		}
	} else {
		si, err := service.StartEtsySignIn(cs, line(), in.Callback)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Out, "Open this address in a browser and allow Shopclerk:\n%s\n"+
			"Etsy then sends the browser to %s?code=... (the page itself does not load).\n"+
			"Paste that whole address here and press Enter:\n", si.URL, si.Callback)
		if secret, err = si.Finish(ctx, line()); err != nil {
			return err
		}
	}
	res, err := mgr.Add(ctx, cs, secret)
	if err != nil {
		return err
	}
	printAdded(env, res)
	return nil
}

// storeWrites shows or sets what Shopclerk may write to a store: coupons
// as discount codes, stock received. A switch turned on is checked against
// the store's permissions first.
func storeWrites(ctx context.Context, env *CLIEnv, mgr *connector.Manager, args []string) error {
	const usage = " (usage: shopclerk store writes NAME [--coupons on|off] [--stock on|off] [--tags on|off] [--holds on|off])"
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return domain.Errorf(domain.CodeInvalid, "store writes: name the store"+usage)
	}
	cs, err := storeNamed(ctx, mgr.DB, args[0])
	if err != nil {
		return err
	}
	fs := flag.NewFlagSet("store writes", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	coupons := fs.String("coupons", "", "on: every coupon Shopclerk issues becomes a discount code in the store before its email goes")
	stock := fs.String("stock", "", "on: stock received on a purchase order is added in the store too")
	tags := fs.String("tags", "", "on: tags Shopclerk sets on customers and held orders are set in the store too")
	holds := fs.String("holds", "", "on: an order held for review is on hold in the store until you release it in Shopclerk")
	if err := parseFlags(fs, args[1:], env.Out); err != nil {
		return domain.Wrap(err, domain.CodeInvalid, "store writes: "+err.Error()+usage)
	}
	w := cs.Writes
	for _, f := range []struct {
		v  string
		to *bool
	}{{*coupons, &w.Coupons}, {*stock, &w.Stock}, {*tags, &w.Tags}, {*holds, &w.Holds}} {
		switch f.v {
		case "":
		case "on":
			*f.to = true
		case "off":
			*f.to = false
		default:
			return domain.Errorf(domain.CodeInvalid, "store writes: say on or off, not %q"+usage, f.v)
		}
	}
	if w != cs.Writes {
		if err := mgr.SetWrites(ctx, cs.ID, w); err != nil {
			return err
		}
	}
	onOff := map[bool]string{true: "on", false: "off"}
	env.Print(map[string]any{"store": cs.Name, "writes": w}, func(out io.Writer) {
		fmt.Fprintf(out, "%s: coupons %s, stock %s, tags %s, holds %s\n", cs.Name, onOff[w.Coupons], onOff[w.Stock], onOff[w.Tags], onOff[w.Holds])
	})
	return nil
}
