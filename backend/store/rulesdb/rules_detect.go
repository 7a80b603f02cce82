package rulesdb

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"shopclerk/backend/domain"
	"shopclerk/backend/store"
)

// DetectRuleEvents compares the current consent, tags and shipment statuses
// with the last snapshot and records an event for each difference. It reads
// only rows changed since the last detection (a watermark on updated_at,
// inclusive because several writes share a second) and the snapshot comparison
// makes re-reading a row harmless: the same data never yields a second event.
// It returns how many new events were recorded.
func (s *DB) DetectRuleEvents(ctx context.Context) (int, error) {
	return s.detectRuleEvents(ctx, s.SQL())
}

// DetectRuleEventsOnSmallCache is DetectRuleEvents for the pass right after
// an import, which reads most of what the import wrote once: on a small
// page cache, so it does not leave a full 32 MB cache behind (it is what
// set the import's peak memory).
func (s *DB) DetectRuleEventsOnSmallCache(ctx context.Context) (added int, err error) {
	err = s.OnSmallCache(ctx, func(conn *sql.Conn) error {
		added, err = s.detectRuleEvents(ctx, conn)
		return err
	})
	return added, err
}

func (s *DB) detectRuleEvents(ctx context.Context, db store.TxBeginner) (int, error) {
	var added int
	err := store.RunTx(ctx, db, func(tx *sql.Tx) error {
		d := &detector{tx: tx, ctx: ctx, stmts: map[string]*sql.Stmt{}}
		defer func() {
			for _, st := range d.stmts {
				st.Close()
			}
		}()
		if err := d.customers(); err != nil {
			return err
		}
		if err := d.shipments(); err != nil {
			return err
		}
		added = d.added
		return nil
	})
	if err != nil {
		return 0, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not look for new events in the shop data")
	}
	return added, nil
}

type detector struct {
	tx    *sql.Tx
	ctx   context.Context
	stmts map[string]*sql.Stmt
	added int
}

func (d *detector) stmt(name string) (*sql.Stmt, error) {
	if st, ok := d.stmts[name]; ok {
		return st, nil
	}
	st, err := d.tx.PrepareContext(d.ctx, q(name))
	if err == nil {
		d.stmts[name] = st
	}
	return st, err
}

func (d *detector) watermark(name string) (int64, error) {
	var v int64
	err := d.tx.QueryRowContext(d.ctx, q("RuleWatermarkGet"), name).Scan(&v)
	if err == sql.ErrNoRows {
		return 0, nil
	}
	return v, err
}

func (d *detector) setSnapshot(subject, kind, value string, version int) error {
	st, err := d.stmt("RuleSnapshotSet")
	if err != nil {
		return err
	}
	_, err = st.ExecContext(d.ctx, subject, kind, value, version)
	return err
}

func (d *detector) event(trigger domain.Trigger, occurrence string, customerID, ref int64, value string, at int64) error {
	st, err := d.stmt("RuleEventInsert")
	if err != nil {
		return err
	}
	res, err := st.ExecContext(d.ctx, string(trigger), occurrence, nullID(customerID), nullID(ref), value, at)
	if err != nil {
		return err
	}
	n, _ := res.RowsAffected()
	d.added += int(n)
	return nil
}

func (d *detector) customers() error {
	// Nothing to compare when no customer was added and no consent or tags
	// were written since the last look (the triggers of migration 00013).
	var version int64
	if err := d.tx.QueryRowContext(d.ctx, q("RuleChangesVersion"), "customers").Scan(&version); err != nil {
		return err
	}
	seen, err := d.watermark("customers_version")
	if err != nil {
		return err
	}
	if version == seen {
		return nil
	}
	if _, err := d.tx.ExecContext(d.ctx, q("RuleWatermarkSet"), "customers_version", version); err != nil {
		return err
	}
	wm, err := d.watermark("customers")
	if err != nil {
		return err
	}
	// Only rows that may differ from their snapshot come back (see the
	// query); the watermark still moves over every row read.
	type row struct {
		id, consentAt, created, updated int64
		accepts                         bool
		tags                            string
		consent, tagSnap                sql.NullString
		consentVer, tagVer              int
	}
	list, err := scanAll(d, "RuleDetectCustomers", wm, func(rows *sql.Rows, r *row) error {
		return rows.Scan(&r.id, &r.accepts, &r.consentAt, &r.tags, &r.created, &r.updated,
			&r.consent, &r.consentVer, &r.tagSnap, &r.tagVer)
	})
	if err != nil {
		return err
	}
	for _, r := range list {
		subject := "customer:" + strconv.FormatInt(r.id, 10)
		consent := "0"
		if r.accepts {
			consent = "1"
		}
		old, ver := r.consent.String, r.consentVer
		if !r.consent.Valid {
			// First sight of a customer is its creation; arriving opted in is
			// a sign-up, arriving opted out is the baseline.
			if err := d.event(domain.TriggerCustomerCreated, subject+":created", r.id, 0, "", r.created); err != nil {
				return err
			}
			ver = 1
			if r.accepts {
				if err := d.event(domain.TriggerConsentGiven, fmt.Sprintf("%s:consent:v%d", subject, ver), r.id, 0, "", firstNonZero(r.consentAt, r.created)); err != nil {
					return err
				}
			}
			if err := d.setSnapshot(subject, "consent", consent, ver); err != nil {
				return err
			}
		} else if old != consent {
			ver++
			trigger, at := domain.TriggerConsentWithdrawn, r.updated
			if r.accepts {
				trigger, at = domain.TriggerConsentGiven, firstNonZero(r.consentAt, r.updated)
			}
			if err := d.event(trigger, fmt.Sprintf("%s:consent:v%d", subject, ver), r.id, 0, "", at); err != nil {
				return err
			}
			if err := d.setSnapshot(subject, "consent", consent, ver); err != nil {
				return err
			}
		}
		if err := d.tags(subject, r.id, r.tags, r.updated, r.tagSnap, r.tagVer); err != nil {
			return err
		}
	}
	return d.advance("customers", "RuleDetectCustomersMax", wm)
}

// scanAll reads every row a detector query returns from watermark wm before
// any is acted on: the events and snapshots that follow are written in the
// same transaction, after the rows are closed.
func scanAll[T any](d *detector, query string, wm int64, scan func(*sql.Rows, *T) error) ([]T, error) {
	rows, err := d.tx.QueryContext(d.ctx, q(query), wm)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []T
	for rows.Next() {
		var r T
		if err := scan(rows, &r); err != nil {
			return nil, err
		}
		list = append(list, r)
	}
	return list, rows.Err()
}

// advance moves a detector's watermark to the newest updated_at at or after
// wm, read in the detection's transaction.
func (d *detector) advance(name, query string, wm int64) error {
	var maxSeen int64
	if err := d.tx.QueryRowContext(d.ctx, q(query), wm).Scan(&maxSeen); err != nil {
		return err
	}
	_, err := d.tx.ExecContext(d.ctx, q("RuleWatermarkSet"), name, maxSeen)
	return err
}

// tags records a tag_added event per tag that is new since the snapshot
// (snap, ver: the stored normalised tags, invalid if never seen).
func (d *detector) tags(subject string, customerID int64, raw string, at int64, snap sql.NullString, ver int) error {
	cur := normTags(raw)
	old := snap.String
	if snap.Valid && old == cur {
		return nil
	}
	oldSet := strings.Split(old, ",")
	ver++
	for _, t := range strings.Split(cur, ",") {
		if t == "" || slices.Contains(oldSet, t) {
			continue
		}
		if err := d.event(domain.TriggerTagAdded, fmt.Sprintf("%s:tag:%s:v%d", subject, t, ver), customerID, 0, t, at); err != nil {
			return err
		}
	}
	return d.setSnapshot(subject, "tags", cur, ver)
}

func (d *detector) shipments() error {
	wm, err := d.watermark("shipments")
	if err != nil {
		return err
	}
	type row struct {
		id, customer, updated, order int64
		status, number               string
		ver                          int
		found                        bool
	}
	list, err := scanAll(d, "RuleDetectShipments", wm, func(rows *sql.Rows, r *row) error {
		return rows.Scan(&r.id, &r.customer, &r.status, &r.updated, &r.ver, &r.found, &r.order, &r.number)
	})
	if err != nil {
		return err
	}
	for _, r := range list {
		subject := "shipment:" + strconv.FormatInt(r.id, 10)
		if !r.found {
			if err := d.shipped(r.id, r.customer, r.order, r.number, domain.ShipmentStatus(r.status), r.updated); err != nil {
				return err
			}
		}
		// Keyed by status, not version: a carrier feed that flaps between two
		// statuses must not notify the customer of "delivered" twice.
		if err := d.event(domain.TriggerShipmentStatus, subject+":"+r.status, r.customer, r.id, r.status, r.updated); err != nil {
			return err
		}
		if err := d.setSnapshot(subject, "status", r.status, r.ver+1); err != nil {
			return err
		}
	}
	return d.advance("shipments", "RuleDetectShipmentsMax", wm)
}

// RuleEventCount is how many events the detector ever recorded.
func (s *DB) RuleEventCount(ctx context.Context) (int, error) {
	var n int
	err := s.SQL().QueryRowContext(ctx, q("RuleEventCount")).Scan(&n)
	return n, err
}

func normTags(raw string) string {
	var out []string
	for _, t := range domain.SplitTags(raw) {
		t = strings.ToLower(t)
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	slices.Sort(out)
	return strings.Join(out, ",")
}

func firstNonZero(vs ...int64) int64 {
	for _, v := range vs {
		if v != 0 {
			return v
		}
	}
	return 0
}
