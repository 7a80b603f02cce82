package importdb

import (
	"database/sql"
	"strings"

	"shopclerk/backend/domain"
	"shopclerk/backend/store"
)

// Tracking files (issue 12): each row is a tracking number of an order. A
// number whose order is in the shop becomes a shipment of it (two numbers
// for one order are two shipments: a split parcel); one whose order is not
// there yet waits in tracking_unmatched and joins its order in the batch
// that brings the order (matchUnmatched, from finish).

// orderRef is how an order reference is compared: trimmed, without a
// leading # (label tools write both "#1001" and "1001").
func orderRef(s string) string { return strings.TrimPrefix(strings.TrimSpace(s), "#") }

// Tracking stores one tracking row.
func (s *sink) Tracking(r domain.TrackingRow) (domain.TrackingNote, error) {
	return s.Writer.Tracking(r)
}

// Tracking stores a tracking file's row (see the file comment).
func (w *Writer) Tracking(r domain.TrackingRow) (domain.TrackingNote, error) {
	var note domain.TrackingNote
	ref := orderRef(r.OrderRef)
	orderID, many, err := w.trackingOrder(ref)
	if err != nil {
		return note, err
	}
	note.ManyOrders = many
	if orderID == 0 {
		note.Unmatched = true
		return note, w.keepUnmatched(ref, r)
	}
	if note.OtherOrders, err = w.otherOrders(r.Number, orderID); err != nil {
		return note, err
	}
	_, err = w.trackingShipment(orderID, r, true)
	return note, err
}

// trackingOrder finds the order a reference names: 0 when none, many when
// more than one did (the newest is taken).
func (w *Writer) trackingOrder(ref string) (id int64, many bool, err error) {
	if ref == "" {
		return 0, false, nil
	}
	for _, query := range [2]string{"TrackingOrderByName", "TrackingOrderByID"} {
		st, ctx, err := w.perRow(query)
		if err != nil {
			return 0, false, err
		}
		rows, err := st.QueryContext(ctx, ref)
		if err != nil {
			return 0, false, err
		}
		n := 0
		var newest int64
		for rows.Next() {
			var oid, created int64
			if err := rows.Scan(&oid, &created); err != nil {
				rows.Close()
				return 0, false, err
			}
			if n == 0 || created > newest || created == newest && oid > id {
				id, newest = oid, created
			}
			n++
		}
		rows.Close()
		if err := rows.Err(); err != nil || n > 0 {
			return id, n > 1, err
		}
	}
	return 0, false, nil
}

// otherOrders names the orders other than orderID that already carry
// number: the same parcel on two orders is most often a pasting slip.
func (w *Writer) otherOrders(number string, orderID int64) ([]string, error) {
	st, ctx, err := w.perRow("TrackingOtherOrders")
	if err != nil {
		return nil, err
	}
	rows, err := st.QueryContext(ctx, number, orderID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		out = append(out, name)
	}
	return out, rows.Err()
}

// trackingShipment creates or updates the order's shipment of r's number.
// A stored shipment keeps its status (the carrier's word outranks a file's)
// and its carrier when the file names none. count says whether the row
// counts in the batch's created/updated/unchanged. The label's creation is
// the shipment's shipped_at, which the timeline shows as its first event.
func (w *Writer) trackingShipment(orderID int64, r domain.TrackingRow, count bool) (int64, error) {
	shipped := w.now
	if r.ShippedAt != nil {
		shipped = r.ShippedAt.Unix()
	}
	row, err := w.queryRow("TrackingShipmentInsert", orderID, r.Carrier, r.CarrierID, r.Number, r.URL, shipped, w.now)
	if err != nil {
		return 0, err
	}
	var id int64
	switch err := row.Scan(&id); {
	case err == nil:
		if count {
			w.count(false, false)
		}
		return id, nil
	case err != sql.ErrNoRows:
		return 0, err
	}
	if row, err = w.queryRow("TrackingShipmentGet", orderID, r.Number); err != nil {
		return 0, err
	}
	var carrier, carrierID, url string
	if err := row.Scan(&id, &carrier, &carrierID, &url); err != nil {
		return 0, err
	}
	if r.Carrier == "" {
		r.Carrier, r.CarrierID, r.URL = carrier, carrierID, url
	}
	same := carrier == r.Carrier && carrierID == r.CarrierID && url == r.URL
	if count {
		w.count(true, same)
	}
	if !same {
		_, err = w.exec("TrackingShipmentUpdate", id, r.Carrier, r.CarrierID, r.URL, w.now)
	}
	return id, err
}

// keepUnmatched stores a row whose order is not in the shop yet.
func (w *Writer) keepUnmatched(ref string, r domain.TrackingRow) error {
	row, err := w.queryRow("TrackingUnmatchedGet", ref, r.Number)
	if err != nil {
		return err
	}
	var carrier, carrierID, url string
	err = row.Scan(&carrier, &carrierID, &url)
	if err != nil && err != sql.ErrNoRows {
		return err
	}
	found := err == nil
	same := found && carrier == r.Carrier && carrierID == r.CarrierID && url == r.URL
	w.count(found, same)
	if same {
		return nil
	}
	_, err = w.exec("TrackingUnmatchedUpsert", ref, r.Number, r.Carrier, r.CarrierID, r.URL,
		store.UnixOrNull(r.ShippedAt), r.File, r.Row, w.batchID, w.now)
	return err
}

// matchUnmatched joins waiting tracking numbers to orders that arrived in
// this batch (or any before). It costs one look-up when nothing waits.
func (w *Writer) matchUnmatched() error {
	row, err := w.queryRow("TrackingUnmatchedAny")
	if err != nil {
		return err
	}
	var any bool
	if err := row.Scan(&any); err != nil || !any {
		return err
	}
	rows, err := w.tx.QueryContext(w.ctx, q("TrackingUnmatchedAll"))
	if err != nil {
		return err
	}
	type waiting struct {
		id  int64
		ref string
		r   domain.TrackingRow
	}
	var all []waiting
	for rows.Next() {
		var x waiting
		var shipped sql.NullInt64
		if err := rows.Scan(&x.id, &x.ref, &x.r.Number, &x.r.Carrier, &x.r.CarrierID, &x.r.URL, &shipped, &x.r.File, &x.r.Row); err != nil {
			rows.Close()
			return err
		}
		x.r.ShippedAt = store.FromUnix(shipped)
		all = append(all, x)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, x := range all {
		orderID, _, err := w.trackingOrder(x.ref)
		if err != nil || orderID == 0 {
			if err != nil {
				return err
			}
			continue
		}
		if _, err := w.trackingShipment(orderID, x.r, false); err != nil {
			return err
		}
		if _, err := w.exec("TrackingUnmatchedDelete", x.id); err != nil {
			return err
		}
	}
	return nil
}
