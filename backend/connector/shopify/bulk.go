package shopify

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"shopclerk/backend/connector"
	"shopclerk/backend/domain"
)

// The first sync of a large shop reads its orders through a bulk
// operation: Shopify runs the query by itself and hands back a link to a
// JSONL file with every order, one object a line and each line item on a
// line of its own after its order (with __parentId). The file is read as a
// stream, page by page, so memory stays flat however many orders there are.

// BulkThreshold is how many orders make a first sync go through a bulk
// operation rather than pages of 50 (below it, pages are quicker: a bulk
// operation takes Shopify a while to start).
const BulkThreshold = 2500

// bulkPage is how many orders one page of the JSONL stream holds.
const bulkPage = 250

// bulkCursor marks a Fetch that goes on reading the bulk file.
const bulkCursor = "bulk"

// bulkPoll is the first wait between two looks at the bulk operation (the
// waits grow to bulkPollMax).
const (
	bulkPoll    = time.Second
	bulkPollMax = 30 * time.Second
)

const ordersCountQuery = `query ShopclerkOrdersCount {
  ordersCount { count precision }
}`

const bulkRun = `mutation ShopclerkBulkRun($query: String!) {
  bulkOperationRunQuery(query: $query) {
    bulkOperation { id status }
    userErrors { field message }
  }
}`

const bulkStatus = `query ShopclerkBulkStatus {
  currentBulkOperation(type: QUERY) { id status errorCode objectCount url }
}`

// bulkStream is an open JSONL file of orders.
type bulkStream struct {
	body io.ReadCloser
	sc   *bufio.Scanner
	// held is the order read last, whose line items may still follow.
	held *order
}

// useBulk says whether the first read of the orders goes through a bulk
// operation: a shop with BulkThreshold orders or more.
func (c *Client) useBulk(ctx context.Context) (bool, error) {
	if c.cfg.Bulk < 0 {
		return false, nil
	}
	var data struct {
		OrdersCount struct {
			Count int `json:"count"`
		} `json:"ordersCount"`
	}
	if err := c.query(ctx, "ordersCount", ordersCountQuery, nil, &data); err != nil {
		return false, err
	}
	min := BulkThreshold
	if c.cfg.Bulk > 0 {
		min = c.cfg.Bulk
	}
	return data.OrdersCount.Count >= min, nil
}

// startBulk runs the bulk query, waits for Shopify to finish it and opens
// its file.
func (c *Client) startBulk(ctx context.Context) error {
	var run struct {
		Run struct {
			Op *struct {
				ID string `json:"id"`
			} `json:"bulkOperation"`
			UserErrors []userError `json:"userErrors"`
		} `json:"bulkOperationRunQuery"`
	}
	if err := c.query(ctx, "bulkRun", bulkRun, map[string]any{"query": bulkOrdersQuery}, &run); err != nil {
		return err
	}
	if run.Run.Op == nil {
		return domain.Errorf(domain.CodeTemporary, "Shopify did not start the bulk read of the orders: %s; the sync tries again next time", userErrorText(run.Run.UserErrors))
	}
	wait := bulkPoll
	for {
		var st struct {
			Op *struct {
				ID        string `json:"id"`
				Status    string `json:"status"`
				ErrorCode string `json:"errorCode"`
				URL       string `json:"url"`
			} `json:"currentBulkOperation"`
		}
		if err := c.query(ctx, "bulkStatus", bulkStatus, nil, &st); err != nil {
			return err
		}
		op := st.Op
		switch {
		case op == nil || op.ID != run.Run.Op.ID:
			return domain.Errorf(domain.CodeTemporary, "Shopify lost track of the bulk read of the orders; the sync tries again next time")
		case op.Status == "COMPLETED" && op.URL == "":
			return nil // no order at all: Shopify gives no file
		case op.Status == "COMPLETED":
			return c.openBulk(ctx, op.URL)
		case op.Status == "FAILED" || op.Status == "CANCELED" || op.Status == "EXPIRED":
			return domain.Errorf(domain.CodeTemporary, "Shopify's bulk read of the orders ended %s (%s); the sync tries again next time", strings.ToLower(op.Status), op.ErrorCode)
		}
		if err := c.http.Sleep(ctx, wait); err != nil {
			return err
		}
		wait = min(wait*2, bulkPollMax)
	}
}

// openBulk opens the file. It lives on Shopify's file storage, another
// host, so it is fetched with a plain client: the store's token is not
// sent there (the link itself is signed).
func (c *Client) openBulk(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopify gave a link to its bulk file that cannot be read")
	}
	client := c.cfg.BulkHTTP
	if client == nil {
		client = &http.Client{Timeout: 0}
	}
	resp, err := client.Do(req)
	if err != nil {
		return domain.Wrap(err, domain.CodeTemporary, "Shopclerk could not download Shopify's bulk file of the orders; the sync tries again next time")
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return domain.Errorf(domain.CodeTemporary, "Shopify's bulk file answered HTTP %d; the sync tries again next time", resp.StatusCode)
	}
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 0, 1<<16), 16<<20) // an order with long notes makes a long line
	c.mu.Lock()
	c.bulk = &bulkStream{body: resp.Body, sc: sc}
	c.mu.Unlock()
	return nil
}

// bulkLine is what a JSONL line says of itself.
type bulkLine struct {
	ID       string `json:"id"`
	ParentID string `json:"__parentId"`
}

// bulkOrders reads the next page of orders from the open file; the last
// page closes it.
func (c *Client) bulkOrders(ctx context.Context) (connector.Page, error) {
	page := connector.Page{Unordered: true}
	c.mu.Lock()
	b := c.bulk
	c.mu.Unlock()
	if b == nil {
		return page, nil // no file: the shop has no orders
	}
	emit := func() {
		if b.held != nil {
			o := orderOf(b.held)
			page.Orders = append(page.Orders, o)
			page.Newest = connector.Later(page.Newest, o.UpdatedAt)
			b.held = nil
		}
	}
	for b.sc.Scan() {
		if err := ctx.Err(); err != nil {
			return page, err
		}
		line := b.sc.Bytes()
		var head bulkLine
		if err := json.Unmarshal(line, &head); err != nil {
			return page, domain.Wrap(err, domain.CodeTemporary, "Shopify's bulk file has a damaged line; the sync tries again next time")
		}
		if head.ParentID != "" {
			var li lineItem
			if err := json.Unmarshal(line, &li); err != nil {
				return page, domain.Wrap(err, domain.CodeTemporary, "Shopify's bulk file has a damaged line item")
			}
			if b.held != nil && b.held.ID == head.ParentID {
				b.held.LineItems.Nodes = append(b.held.LineItems.Nodes, li)
			}
			continue
		}
		var o order
		if err := json.Unmarshal(line, &o); err != nil {
			return page, domain.Wrap(err, domain.CodeTemporary, "Shopify's bulk file has a damaged order")
		}
		emit()
		b.held = &o // its line items may follow
		if len(page.Orders) >= bulkPage {
			page.Next = bulkCursor
			return page, nil
		}
	}
	if err := b.sc.Err(); err != nil {
		c.closeBulk()
		if errors.Is(err, context.Canceled) {
			return page, err
		}
		return page, domain.Wrap(err, domain.CodeTemporary, fmt.Sprintf("the download of Shopify's bulk file broke off (%v); the sync tries again next time", err))
	}
	emit()
	c.closeBulk()
	return page, nil
}

func (c *Client) closeBulk() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.bulk != nil {
		c.bulk.body.Close()
		c.bulk = nil
	}
}
