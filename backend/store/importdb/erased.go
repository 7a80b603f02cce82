package importdb

import (
	"context"
	"database/sql"

	"shopclerk/backend/domain"
)

// erasedSet holds the hashes an erased customer is remembered by
// (customer_erasures, domain.ErasureKeys): an import leaves that person
// out, so an erasure holds whatever file the seller imports next.
type erasedSet map[string]struct{}

// loadErased reads the hashes of erased customers within the batch's
// transaction; a shop that never erased anyone reads one empty table.
func loadErased(ctx context.Context, tx *sql.Tx) (erasedSet, error) {
	rows, err := tx.QueryContext(ctx, q("ErasedKeys"))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	set := erasedSet{}
	for rows.Next() {
		var h string
		if err := rows.Scan(&h); err != nil {
			return nil, err
		}
		set[h] = struct{}{}
	}
	return set, rows.Err()
}

// has tells whether email, or customer c, belongs to an erased customer.
func (e erasedSet) has(email string, c *domain.Customer) bool {
	if len(e) == 0 {
		return false
	}
	keys := domain.ErasureKeys(email, "", "")
	if c != nil {
		keys = append(keys, domain.ErasureKeys(c.Email, c.Source, c.ExternalID)...)
	}
	for _, k := range keys {
		if _, ok := e[k]; ok {
			return true
		}
	}
	return false
}

// scrubOrder takes the person out of an erased customer's order as the
// erasure did (customersdb's EraseOrders): the amounts, lines, dates and
// statuses stay for the accounts, and each address keeps only its country
// and province.
func scrubOrder(o *domain.Order) {
	o.Email, o.Note, o.CustomerID = "", "", nil
	o.Billing = domain.Address{Country: o.Billing.Country, Province: o.Billing.Province}
	o.ShippingAddress = domain.Address{Country: o.ShippingAddress.Country, Province: o.ShippingAddress.Province}
}

// scrubCart does the same to an abandoned checkout (customersdb's EraseCarts).
func scrubCart(c *domain.Cart) {
	c.Email, c.RecoveryURL, c.CustomerID = "", "", nil
}
