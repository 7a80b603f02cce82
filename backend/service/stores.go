package service

import (
	"context"
	"log/slog"
	"strings"

	"shopclerk/backend/clock"
	"shopclerk/backend/connector"
	"shopclerk/backend/connector/etsy"
	"shopclerk/backend/connector/shopify"
	"shopclerk/backend/connector/woocommerce"
	"shopclerk/backend/domain"
	"shopclerk/backend/secrets"
	"shopclerk/backend/store/connectordb"
)

// NewStoreManager is the shop's one store manager: the window, its
// schedule and the headless commands sync through it.
func NewStoreManager(db *connectordb.DB, sec func() secrets.Store, detect func(context.Context), clk clock.Clock, log *slog.Logger) *connector.Manager {
	open := func(cs domain.ConnectedStore, secret string) (connector.Connector, error) {
		return storeConnector(cs, secret, sec)
	}
	return &connector.Manager{DB: db, Secrets: sec, Open: open, Detect: detect, Clock: clk, Log: log}
}

// StoreConnector builds the connector of a connected store from its secret.
func StoreConnector(cs domain.ConnectedStore, secret string) (connector.Connector, error) {
	return storeConnector(cs, secret, nil)
}

// storeConnector is StoreConnector with the keychain a store's refreshed
// sign-in goes to (an Etsy store, once added).
func storeConnector(cs domain.ConnectedStore, secret string, sec func() secrets.Store) (connector.Connector, error) {
	switch cs.Kind {
	case domain.StoreEtsy:
		s, err := etsy.ParseSecret(secret)
		if err != nil {
			return nil, err
		}
		cfg := etsy.Config{URL: cs.URL, Keystring: cs.ClientID, Secret: s}
		if sec != nil && cs.ID != 0 {
			cfg.Save = func(v string) error { return sec().Set(domain.StoreSecretKey(cs.ID), v) }
		}
		return etsy.New(cfg)
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
	return nil, domain.Errorf(domain.CodeInvalid, "Shopclerk connects Shopify, WooCommerce and Etsy stores, not %q", cs.Kind)
}

// NewStoreInput is a store the seller is adding.
type NewStoreInput struct {
	Kind domain.StoreKind `json:"kind"`
	URL  string           `json:"url"`
	Name string           `json:"name"` // "" names it from its address
	Auth domain.StoreAuth `json:"auth"`
	// ClientID is a Shopify Dev Dashboard app's client ID, a WooCommerce
	// consumer key (ck_...) or an Etsy app's keystring.
	ClientID string `json:"clientId"`
	// Secret is the Admin API token, the client secret, the consumer
	// secret or the Etsy app's shared secret; it goes to the keychain only.
	Secret string `json:"secret"`
	// Callback is the https address listed as the Etsy app's callback URL
	// ("" is EtsyCallback).
	Callback string `json:"callback"`
}

// NewConnectedStore checks an input store's kind, sign-in and address, and
// names it.
func NewConnectedStore(in NewStoreInput) (domain.ConnectedStore, error) {
	cs := domain.ConnectedStore{Kind: domain.StoreKind(strings.ToLower(string(in.Kind))), Auth: in.Auth, ClientID: strings.TrimSpace(in.ClientID)}
	switch {
	case cs.Kind == domain.StoreShopify && cs.Auth == domain.AuthToken:
		cs.ClientID = ""
	case cs.Kind == domain.StoreShopify && cs.Auth == domain.AuthClientCredentials:
		if cs.ClientID == "" {
			return cs, domain.Errorf(domain.CodeInvalid, "enter the app's client ID (Dev Dashboard > your app > Settings)")
		}
	case cs.Kind == domain.StoreWooCommerce:
		cs.Auth = domain.AuthKeys
		if cs.ClientID == "" {
			return cs, domain.Errorf(domain.CodeInvalid, "enter the consumer key (ck_...; WooCommerce > Settings > Advanced > REST API)")
		}
	case cs.Kind == domain.StoreEtsy:
		return newEtsyStore(cs, in)
	case cs.Kind == domain.StoreShopify:
		return cs, domain.Errorf(domain.CodeInvalid, "say how Shopclerk signs in to Shopify: an Admin API access token, or a client ID and secret")
	default:
		return cs, domain.Errorf(domain.CodeInvalid, "Shopclerk connects Shopify, WooCommerce and Etsy stores, not %q", in.Kind)
	}
	check := connector.CheckURL
	if cs.Kind == domain.StoreShopify {
		check = shopify.CheckURL
	}
	u, err := check(in.URL)
	if err != nil {
		return cs, err
	}
	cs.URL, cs.Name = u.String(), strings.TrimSpace(in.Name)
	if cs.Name == "" {
		cs.Name = defaultStoreName(cs.URL)
	}
	return cs, nil
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

// newEtsyStore checks an Etsy store: the app's keystring, and no address
// (Etsy has one) unless it is a stand-in on this computer.
func newEtsyStore(cs domain.ConnectedStore, in NewStoreInput) (domain.ConnectedStore, error) {
	cs.Auth = domain.AuthOAuth
	if cs.ClientID == "" {
		return cs, domain.Errorf(domain.CodeInvalid, "enter your Etsy app's keystring (etsy.com/developers/your-apps)")
	}
	cs.URL = etsy.Address
	if u := strings.TrimSpace(in.URL); u != "" && u != etsy.Address {
		if _, err := etsy.Provider(u); err != nil {
			return cs, err
		}
		u, _ := connector.CheckURL(u)
		cs.URL = u.String()
	}
	if cs.Name = strings.TrimSpace(in.Name); cs.Name == "" {
		cs.Name = "Etsy"
	}
	return cs, nil
}

// EtsyCallback is the address Shopclerk suggests registering as the Etsy
// app's callback URL. Etsy sends the browser only to an https address the
// app lists; nothing answers at this one, and the seller copies the
// address the browser shows (with the code) back into Shopclerk.
const EtsyCallback = "https://localhost/shopclerk-etsy"

// EtsySignIn is Sign in with Etsy for a store being added: the page to
// open, then Finish with the address the seller pasted.
type EtsySignIn struct {
	Store domain.ConnectedStore
	*secrets.PastedSignIn
	sharedSecret string
}

// StartEtsySignIn prepares Sign in with Etsy (PKCE; Etsy's consent page,
// then its callback address with the code, secrets.PastedSignIn). callback
// is the address registered with the seller's Etsy app ("": EtsyCallback).
func StartEtsySignIn(cs domain.ConnectedStore, sharedSecret, callback string) (*EtsySignIn, error) {
	sharedSecret = strings.TrimSpace(sharedSecret)
	if sharedSecret == "" {
		return nil, domain.Errorf(domain.CodeInvalid, "enter your Etsy app's shared secret (etsy.com/developers/your-apps): Etsy refuses requests without it")
	}
	if strings.TrimSpace(callback) == "" {
		callback = EtsyCallback
	}
	base := ""
	if cs.URL != etsy.Address {
		base = cs.URL
	}
	p, err := etsy.Provider(base)
	if err != nil {
		return nil, err
	}
	ps, err := secrets.StartPastedSignIn(p, cs.ClientID, callback)
	if err != nil {
		return nil, err
	}
	return &EtsySignIn{Store: cs, PastedSignIn: ps, sharedSecret: sharedSecret}, nil
}

// Finish trades the code in the pasted address for tokens and returns the
// store's secret for the keychain: the app's shared secret and the tokens.
func (e *EtsySignIn) Finish(ctx context.Context, pasted string) (string, error) {
	tok, err := e.PastedSignIn.Finish(ctx, pasted)
	if err != nil {
		return "", err
	}
	return etsy.Secret{SharedSecret: e.sharedSecret, AccessToken: tok.AccessToken, RefreshToken: tok.RefreshToken, Expiry: tok.Expiry}.String(), nil
}
