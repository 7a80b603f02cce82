package app

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
	"shopclerk/backend/connector/shopify"
	"shopclerk/backend/connector/woocommerce"
	"shopclerk/backend/domain"
	"shopclerk/backend/secrets"
	"shopclerk/backend/store/connectordb"
)

func init() {
	registerCommand(Command{
		Name: "store",
		Summary: "connected stores: store add --kind shopify --url https://NAME.myshopify.com (--token-stdin | --client-id ID --secret-stdin) " +
			"| store add --kind woocommerce --url https://SITE --key ck_... --secret-stdin | store list | store remove NAME | store test NAME",
		Run: runStore,
	})
}

// cliStdin is where --token-stdin and --secret-stdin read (tests swap it).
var cliStdin io.Reader = os.Stdin

// storeSecrets is the keychain (or the file beside the shop) of a command.
func storeSecrets(env *CLIEnv) secrets.Store { return secrets.Open(filepath.Dir(env.DBPath)) }

// storeConnector builds the connector of a connected store from its secret.
func storeConnector(cs domain.ConnectedStore, secret string) (connector.Connector, error) {
	switch cs.Kind {
	case domain.StoreShopify:
		cfg := shopify.Config{URL: cs.URL, Auth: cs.Auth}
		if cs.Auth == domain.AuthClientCredentials {
			cfg.ClientID, cfg.ClientSecret = cs.ClientID, secret
		} else {
			cfg.Token = secret
		}
		return shopify.New(cfg)
	case domain.StoreWooCommerce:
		return woocommerce.New(woocommerce.Config{URL: cs.URL, ConsumerKey: cs.ClientID, ConsumerSecret: secret})
	}
	return nil, domain.Errorf(domain.CodeInvalid, "Shopclerk connects Shopify and WooCommerce stores, not %q", cs.Kind)
}

// storeByName finds a connected store and its secret.
func storeByName(ctx context.Context, db *connectordb.DB, sec secrets.Store, name string) (domain.ConnectedStore, string, error) {
	cs, ok, err := db.StoreByName(ctx, name)
	if err != nil {
		return cs, "", err
	}
	if !ok {
		return cs, "", domain.Errorf(domain.CodeNotFound, "no store named %q is connected (see `shopclerk store list`)", name)
	}
	secret, err := sec.Get(domain.StoreSecretKey(cs.ID))
	if err != nil {
		return cs, "", err
	}
	if secret == "" {
		return cs, "", domain.Errorf(domain.CodeAuthFailed, "the secret of %s is not in the keychain any more: remove the store and add it again", name)
	}
	return cs, secret, nil
}

func runStore(ctx context.Context, env *CLIEnv, args []string) error {
	if len(args) == 0 {
		return domain.Errorf(domain.CodeInvalid, "store: say add, list, remove NAME or test NAME")
	}
	db := connectordb.New(env.Store)
	switch args[0] {
	case "add":
		return storeAdd(ctx, env, db, args[1:])
	case "list":
		stores, err := db.Stores(ctx)
		if err != nil {
			return err
		}
		env.Print(stores, func(w io.Writer) {
			if len(stores) == 0 {
				fmt.Fprintln(w, "No store is connected yet: shopclerk store add --kind shopify|woocommerce --url ...")
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
	case "remove", "test":
		if len(args) != 2 {
			return domain.Errorf(domain.CodeInvalid, "store %s: name the store (see `shopclerk store list`)", args[0])
		}
		sec := storeSecrets(env)
		cs, secret, err := storeByName(ctx, db, sec, args[1])
		if args[0] == "remove" {
			if cs.ID == 0 {
				return err
			}
			if err := db.RemoveStore(ctx, cs.ID); err != nil {
				return err
			}
			if err := sec.Delete(domain.StoreSecretKey(cs.ID)); err != nil {
				return err
			}
			env.Print(map[string]any{"removed": cs.Name}, func(w io.Writer) {
				fmt.Fprintf(w, "Removed %s. Its orders, customers and products stay in the shop.\n", cs.Name)
			})
			return nil
		}
		if err != nil {
			return err
		}
		return storeTest(ctx, env, db, cs, secret)
	}
	return domain.Errorf(domain.CodeInvalid, "store: %q is not add, list, remove or test", args[0])
}

// storeTestResult is what `store add` and `store test` print.
type storeTestResult struct {
	Store domain.ConnectedStore `json:"store"`
	Shop  connector.ShopInfo    `json:"shop"`
}

func storeTest(ctx context.Context, env *CLIEnv, db *connectordb.DB, cs domain.ConnectedStore, secret string) error {
	c, err := storeConnector(cs, secret)
	if err != nil {
		return err
	}
	info, err := c.Check(ctx)
	if err != nil {
		return err
	}
	if err := db.SetShopInfo(ctx, cs.ID, info.Currency, info.TimeZone); err != nil {
		return err
	}
	cs.Currency, cs.TimeZone = info.Currency, info.TimeZone
	res := storeTestResult{Store: cs, Shop: info}
	env.Print(res, func(w io.Writer) { printStoreTest(w, res) })
	if len(info.Missing) > 0 {
		return domain.Errorf(domain.CodeAuthFailed, "%s is connected but cannot be synced yet: grant %s", cs.Name, strings.Join(info.Missing, "; "))
	}
	return nil
}

func printStoreTest(w io.Writer, r storeTestResult) {
	fmt.Fprintf(w, "%s: connected to %q (%s), currency %s, time zone %s\n", r.Store.Name, r.Shop.Name, r.Shop.Domain, r.Shop.Currency, r.Shop.TimeZone)
	for _, m := range r.Shop.Missing {
		fmt.Fprintf(w, "  missing permission: %s\n", m)
	}
	for _, n := range r.Shop.Notes {
		fmt.Fprintf(w, "  note: %s\n", n)
	}
}

// storeAdd tests the credentials first and saves the store only when the
// store answered: a store that cannot be reached is not half-added.
func storeAdd(ctx context.Context, env *CLIEnv, db *connectordb.DB, args []string) error {
	fs := flag.NewFlagSet("store add", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	kind := fs.String("kind", "", "shopify or woocommerce")
	rawURL := fs.String("url", "", "the store's address: https://NAME.myshopify.com or https://SITE")
	name := fs.String("name", "", "a short name for the store (default: from its address)")
	tokenStdin := fs.Bool("token-stdin", false, "Shopify: read the Admin API access token (shpat_...) from standard input")
	clientID := fs.String("client-id", "", "Shopify: the Dev Dashboard app's client ID (its secret with --secret-stdin)")
	key := fs.String("key", "", "WooCommerce: the REST API consumer key (ck_...; its secret with --secret-stdin)")
	secretStdin := fs.Bool("secret-stdin", false, "read the client secret or consumer secret from standard input")
	const usage = " (usage: shopclerk store add --kind shopify --url https://NAME.myshopify.com (--token-stdin | --client-id ID --secret-stdin), or --kind woocommerce --url https://SITE --key ck_... --secret-stdin)"
	if err := parseFlags(fs, args, env.Out); err != nil {
		return domain.Wrap(err, domain.CodeInvalid, "store add: "+err.Error()+usage)
	}
	cs := domain.ConnectedStore{Kind: domain.StoreKind(strings.ToLower(*kind))}
	switch {
	case cs.Kind == domain.StoreShopify && *tokenStdin && *clientID == "":
		cs.Auth = domain.AuthToken
	case cs.Kind == domain.StoreShopify && *clientID != "" && *secretStdin && !*tokenStdin:
		cs.Auth, cs.ClientID = domain.AuthClientCredentials, *clientID
	case cs.Kind == domain.StoreWooCommerce && *key != "" && *secretStdin:
		cs.Auth, cs.ClientID = domain.AuthKeys, *key
	default:
		return domain.Errorf(domain.CodeInvalid, "store add: say how Shopclerk signs in"+usage)
	}
	var u string
	switch cs.Kind {
	case domain.StoreShopify:
		pu, err := shopify.CheckURL(*rawURL)
		if err != nil {
			return err
		}
		u = pu.String()
	default:
		pu, err := connector.CheckURL(*rawURL)
		if err != nil {
			return err
		}
		u = pu.String()
	}
	cs.URL, cs.Name = u, strings.TrimSpace(*name)
	if cs.Name == "" {
		cs.Name = defaultStoreName(u)
	}
	line, _ := bufio.NewReader(cliStdin).ReadString('\n') // a last line without \n comes with io.EOF
	secret := strings.TrimSpace(line)
	if secret == "" {
		return domain.Errorf(domain.CodeInvalid, "store add: no secret came on standard input (pipe it in: echo \"$TOKEN\" | shopclerk store add ...)")
	}
	c, err := storeConnector(cs, secret)
	if err != nil {
		return err
	}
	info, err := c.Check(ctx)
	if err != nil {
		return err
	}
	cs, err = db.AddStore(ctx, cs)
	if err != nil {
		return err
	}
	sec := storeSecrets(env)
	if err := sec.Set(domain.StoreSecretKey(cs.ID), secret); err != nil {
		db.RemoveStore(ctx, cs.ID) // nothing half-added
		return err
	}
	if err := db.SetShopInfo(ctx, cs.ID, info.Currency, info.TimeZone); err != nil {
		return err
	}
	cs.Currency, cs.TimeZone = info.Currency, info.TimeZone
	res := storeTestResult{Store: cs, Shop: info}
	env.Print(res, func(w io.Writer) {
		printStoreTest(w, res)
		if sec.Backend() == secrets.BackendFile {
			fmt.Fprintln(w, "  note: no system keychain was found; the secret is in an owner-only file beside the shop")
		}
		fmt.Fprintf(w, "Added %s. Run `shopclerk sync --store %s` to bring in its data.\n", cs.Name, cs.Name)
	})
	return nil
}

// defaultStoreName is a store's name from its address: the shop's name in
// NAME.myshopify.com, else the host without www.
func defaultStoreName(u string) string {
	host := strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://"), "www.")
	host, _, _ = strings.Cut(host, "/")
	if n, ok := strings.CutSuffix(host, ".myshopify.com"); ok {
		return n
	}
	return host
}
