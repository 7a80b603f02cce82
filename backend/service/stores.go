package service

import (
	"context"
	"log/slog"
	"shopclerk/backend/clock"
	"shopclerk/backend/connector"
	"shopclerk/backend/connector/shopify"
	"shopclerk/backend/connector/woocommerce"
	"shopclerk/backend/domain"
	"shopclerk/backend/secrets"
	"shopclerk/backend/store/connectordb"
	"strings"
)

// NewStoreManager is the shop's one store manager: the window, its
// schedule and the headless commands sync through it.
func NewStoreManager(db *connectordb.DB, sec func() secrets.Store, detect func(context.Context), clk clock.Clock, log *slog.Logger) *connector.Manager {
	return &connector.Manager{DB: db, Secrets: sec, Open: StoreConnector, Detect: detect, Clock: clk, Log: log}
}

// StoreConnector builds the connector of a connected store from its secret.
func StoreConnector(cs domain.ConnectedStore, secret string) (connector.Connector, error) {
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

// NewStoreInput is a store the seller is adding.
type NewStoreInput struct {
	Kind domain.StoreKind `json:"kind"`
	URL  string           `json:"url"`
	Name string           `json:"name"` // "" names it from its address
	Auth domain.StoreAuth `json:"auth"`
	// ClientID is a Shopify Dev Dashboard app's client ID, or a
	// WooCommerce consumer key (ck_...).
	ClientID string `json:"clientId"`
	// Secret is the Admin API token, the client secret or the consumer
	// secret; it goes to the keychain only.
	Secret string `json:"secret"`
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
	case cs.Kind == domain.StoreShopify:
		return cs, domain.Errorf(domain.CodeInvalid, "say how Shopclerk signs in to Shopify: an Admin API access token, or a client ID and secret")
	default:
		return cs, domain.Errorf(domain.CodeInvalid, "Shopclerk connects Shopify and WooCommerce stores, not %q", in.Kind)
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
