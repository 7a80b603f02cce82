package shopify

import (
	"context"
	"strconv"
	"strings"

	"shopclerk/backend/connector"
	"shopclerk/backend/domain"
)

// Tags and holds written back to Shopify (Admin GraphQL 2026-07): tagsAdd
// and tagsRemove on a customer (found by email) or an order (found by
// name), and fulfillmentOrderHold / fulfillmentOrderReleaseHold on the
// order's fulfillment orders under Shopclerk's own hold handle, so its hold
// is told apart from any other app's and the seller's, is placed once (the
// handle is unique per app and fulfillment order, and the order is read
// first) and only it is released.

// holdHandle names Shopclerk's hold on a fulfillment order.
const holdHandle = "shopclerk-review"

const tagsAdd = `mutation ShopclerkTagsAdd($id: ID!, $tags: [String!]!) {
  tagsAdd(id: $id, tags: $tags) { node { id } userErrors { field message } }
}`

const tagsRemove = `mutation ShopclerkTagsRemove($id: ID!, $tags: [String!]!) {
  tagsRemove(id: $id, tags: $tags) { node { id } userErrors { field message } }
}`

const orderByName = `query ShopclerkOrderByName($query: String!) {
  orders(first: 5, query: $query) { nodes { id name
    fulfillmentOrders(first: 20) { nodes { id status fulfillmentHolds { id handle } } } } }
}`

const foHold = `mutation ShopclerkHold($id: ID!, $fulfillmentHold: FulfillmentOrderHoldInput!) {
  fulfillmentOrderHold(id: $id, fulfillmentHold: $fulfillmentHold) {
    fulfillmentHold { id handle }
    userErrors { field code message }
  }
}`

const foRelease = `mutation ShopclerkRelease($id: ID!, $holdIds: [ID!]) {
  fulfillmentOrderReleaseHold(id: $id, holdIds: $holdIds) {
    fulfillmentOrder { id status }
    userErrors { field code message }
  }
}`

type fulfillmentOrder struct {
	ID     string `json:"id"`
	Status string `json:"status"`
	Holds  []struct {
		ID     string `json:"id"`
		Handle string `json:"handle"`
	} `json:"fulfillmentHolds"`
}

type orderNode struct {
	ID                string `json:"id"`
	Name              string `json:"name"`
	FulfillmentOrders struct {
		Nodes []fulfillmentOrder `json:"nodes"`
	} `json:"fulfillmentOrders"`
}

// order finds an order by its name (Shopify's search matches more than
// the exact name: the exact one among them); ErrNotInStore when none.
func (c *Client) order(ctx context.Context, name string) (orderNode, error) {
	var data struct {
		Orders struct {
			Nodes []orderNode `json:"nodes"`
		} `json:"orders"`
	}
	if err := c.query(ctx, "orderByName", orderByName, map[string]any{"query": "name:" + strconv.Quote(name)}, &data); err != nil {
		return orderNode{}, err
	}
	for _, o := range data.Orders.Nodes {
		if o.Name == name {
			return o, nil
		}
	}
	return orderNode{}, connector.ErrNotInStore
}

// SetTag adds or removes one tag on a customer or an order.
func (c *Client) SetTag(ctx context.Context, t connector.TagSet) (string, error) {
	var id string
	if t.Order != "" {
		o, err := c.order(ctx, t.Order)
		if err != nil {
			return "", err
		}
		id = o.ID
	} else {
		cid, err := c.customerID(ctx, t.Email)
		if err != nil {
			return "", err
		}
		if cid == "" {
			return "", connector.ErrNotInStore
		}
		id = cid
	}
	op, text, field := "tagsAdd", tagsAdd, "tagsAdd"
	if !t.Add {
		op, text, field = "tagsRemove", tagsRemove, "tagsRemove"
	}
	var data map[string]struct {
		UserErrors []userError `json:"userErrors"`
	}
	if err := c.query(ctx, op, text, map[string]any{"id": id, "tags": []string{t.Tag}}, &data); err != nil {
		return "", err
	}
	if errs := data[field].UserErrors; len(errs) > 0 {
		return "", domain.Errorf(domain.CodeInvalid, "Shopify refused the tag %q: %s", t.Tag, userErrorText(errs))
	}
	return "", nil
}

// SetHold holds the order's open fulfillment orders under Shopclerk's
// handle, or releases Shopclerk's holds; what is so already is left.
func (c *Client) SetHold(ctx context.Context, h connector.HoldSet) (string, error) {
	o, err := c.order(ctx, h.Order)
	if err != nil {
		return "", err
	}
	changed := 0
	for _, fo := range o.FulfillmentOrders.Nodes {
		mine := ""
		for _, hd := range fo.Holds {
			if hd.Handle == holdHandle {
				mine = hd.ID
			}
		}
		var p struct {
			UserErrors []userError `json:"userErrors"`
		}
		switch {
		case h.Hold && mine == "" && (fo.Status == "OPEN" || fo.Status == "SCHEDULED" || fo.Status == "ON_HOLD"):
			hold := map[string]any{"reason": "HIGH_RISK_OF_FRAUD", "reasonNotes": notes(h.Reason), "handle": holdHandle, "notifyMerchant": false}
			var data struct {
				P *struct {
					UserErrors []userError `json:"userErrors"`
				} `json:"fulfillmentOrderHold"`
			}
			if err := c.query(ctx, "hold", foHold, map[string]any{"id": fo.ID, "fulfillmentHold": hold}, &data); err != nil {
				return "", err
			}
			if data.P != nil {
				p.UserErrors = data.P.UserErrors
			}
		case !h.Hold && mine != "":
			var data struct {
				P *struct {
					UserErrors []userError `json:"userErrors"`
				} `json:"fulfillmentOrderReleaseHold"`
			}
			if err := c.query(ctx, "release", foRelease, map[string]any{"id": fo.ID, "holdIds": []string{mine}}, &data); err != nil {
				return "", err
			}
			if data.P != nil {
				p.UserErrors = data.P.UserErrors
			}
		default:
			continue
		}
		if len(p.UserErrors) > 0 {
			return "", domain.Errorf(domain.CodeInvalid, "Shopify refused to %s %s: %s", holdVerb(h.Hold), h.Order, userErrorText(p.UserErrors))
		}
		changed++
	}
	if changed == 0 && h.Hold {
		return "nothing left to hold: " + h.Order + " has no open fulfillment in Shopify (already on hold by Shopclerk, or fulfilled)", nil
	}
	return "", nil
}

func holdVerb(hold bool) string {
	if hold {
		return "hold"
	}
	return "release"
}

// notes is the hold's note for the seller in Shopify's admin.
func notes(reason string) string {
	n := "Held for review in Shopclerk; release it there."
	if r := strings.TrimSpace(reason); r != "" {
		n = "Held for review in Shopclerk (" + r + "); release it there."
	}
	return n
}
