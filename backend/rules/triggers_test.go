package rules

import (
	"testing"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/rules/flow"
	"shopclerk/backend/store/importdb"
)

// TestTriggersSeenOnce writes each trigger's data, plans, runs, then writes
// the very same data again (a re-import) and checks nothing new is planned.
func TestTriggersSeenOnce(t *testing.T) {
	ann := cust("ann@example.com", "Ann", "DE", true)
	paidOrder := func(w *importdb.Writer) error {
		return w.UpsertOrder(order("1001", ann.Email, 25000, t0.Add(-2*hour)), &ann)
	}
	cases := []struct {
		name    string
		trigger flow.TriggerSpec
		batches []func(w *importdb.Writer) error // written in order; the last is then written again
		want    int
	}{
		{"order created", flow.TriggerSpec{Type: domain.TriggerOrderCreated}, []func(*importdb.Writer) error{paidOrder}, 1},
		{"order paid (unpaid order ignored)", flow.TriggerSpec{Type: domain.TriggerOrderPaid}, []func(*importdb.Writer) error{func(w *importdb.Writer) error {
			o := order("1002", ann.Email, 1000, t0.Add(-hour))
			o.PaidAt, o.FinancialStatus = nil, domain.FinancialPending
			if err := w.UpsertOrder(o, &ann); err != nil {
				return err
			}
			return paidOrder(w)
		}}, 1},
		{"order fulfilled", flow.TriggerSpec{Type: domain.TriggerOrderFulfilled}, []func(*importdb.Writer) error{paidOrder, func(w *importdb.Writer) error {
			o := order("1001", ann.Email, 25000, t0.Add(-2*hour))
			o.FulfillmentStatus, o.FulfilledAt = domain.FulfillmentFulfilled, ptr(t0.Add(-hour))
			return w.UpsertOrder(o, &ann)
		}}, 1},
		{"order cancelled", flow.TriggerSpec{Type: domain.TriggerOrderCancelled}, []func(*importdb.Writer) error{func(w *importdb.Writer) error {
			o := order("1001", ann.Email, 25000, t0.Add(-2*hour))
			o.CancelledAt = ptr(t0.Add(-hour))
			return w.UpsertOrder(o, &ann)
		}}, 1},
		{"order refunded", flow.TriggerSpec{Type: domain.TriggerOrderRefunded}, []func(*importdb.Writer) error{func(w *importdb.Writer) error {
			o := order("1001", ann.Email, 25000, t0.Add(-2*hour))
			o.FinancialStatus, o.Refunded = domain.FinancialRefunded, 25000
			return w.UpsertOrder(o, &ann)
		}}, 1},
		{"shipment status changed", flow.TriggerSpec{Type: domain.TriggerShipmentStatus, Status: "delivered"}, []func(*importdb.Writer) error{
			func(w *importdb.Writer) error { return shipment(w, ann, domain.ShipmentInTransit) },
			func(w *importdb.Writer) error { return shipment(w, ann, domain.ShipmentDelivered) }}, 1},
		{"cart idle, not when they ordered later", flow.TriggerSpec{Type: domain.TriggerCartIdle, Hours: 1}, []func(*importdb.Writer) error{func(w *importdb.Writer) error {
			bob := cust("bob@example.com", "Bob", "GB", true)
			if err := w.UpsertCart(cart("c1", bob.Email, t0.Add(-2*hour)), &bob); err != nil {
				return err
			}
			if err := w.UpsertCart(cart("c2", ann.Email, t0.Add(-3*hour)), &ann); err != nil {
				return err
			}
			return paidOrder(w) // Ann ordered after leaving c2
		}}, 1},
		{"stock crossed below threshold", flow.TriggerSpec{Type: domain.TriggerStockBelow, Threshold: 5}, []func(*importdb.Writer) error{
			func(w *importdb.Writer) error { return stock(w, "MUG-1", 12) },
			func(w *importdb.Writer) error { return stock(w, "MUG-1", 3) }}, 1},
		{"customer created", flow.TriggerSpec{Type: domain.TriggerCustomerCreated}, []func(*importdb.Writer) error{func(w *importdb.Writer) error {
			c := cust("new@example.com", "Nia", "FR", false)
			c.CreatedAt = t0.Add(-hour)
			_, err := w.UpsertCustomer(c, importdb.CustomerAuthoritative)
			return err
		}}, 1},
		{"consent given", flow.TriggerSpec{Type: domain.TriggerConsentGiven}, []func(*importdb.Writer) error{
			func(w *importdb.Writer) error {
				_, err := w.UpsertCustomer(cust("c@example.com", "Cy", "DE", false), 0)
				return err
			},
			func(w *importdb.Writer) error {
				c := cust("c@example.com", "Cy", "DE", true)
				c.ConsentAt = ptr(t0.Add(-hour))
				_, err := w.UpsertCustomer(c, 0)
				return err
			}}, 1},
		{"consent withdrawn", flow.TriggerSpec{Type: domain.TriggerConsentWithdrawn}, []func(*importdb.Writer) error{
			func(w *importdb.Writer) error {
				_, err := w.UpsertCustomer(cust("c@example.com", "Cy", "DE", true), 0)
				return err
			},
			func(w *importdb.Writer) error {
				_, err := w.UpsertCustomer(cust("c@example.com", "Cy", "DE", false), 0)
				return err
			}}, 1},
		{"tag added", flow.TriggerSpec{Type: domain.TriggerTagAdded, Tag: "vip"}, []func(*importdb.Writer) error{
			func(w *importdb.Writer) error {
				_, err := w.UpsertCustomer(cust("c@example.com", "Cy", "DE", true), 0)
				return err
			},
			func(w *importdb.Writer) error {
				c := cust("c@example.com", "Cy", "DE", true)
				c.Tags = []string{"VIP", "wholesale"}
				_, err := w.UpsertCustomer(c, 0)
				return err
			}}, 1},
		{"birthday in the shop's time zone", flow.TriggerSpec{Type: domain.TriggerBirthday}, []func(*importdb.Writer) error{func(w *importdb.Writer) error {
			c := cust("b@example.com", "Bea", "DE", true)
			c.Birthday = "1990-03-02"
			o := cust("o@example.com", "Oli", "DE", true)
			o.Birthday = "03-05"
			for _, x := range []domain.Customer{c, o} {
				if _, err := w.UpsertCustomer(x, 0); err != nil {
					return err
				}
			}
			return nil
		}}, 1},
		{"subscription renewal due", flow.TriggerSpec{Type: domain.TriggerRenewalDue, Days: 30, LeadDays: 3, Tag: "subscription"}, []func(*importdb.Writer) error{func(w *importdb.Writer) error {
			o := order("S1", ann.Email, 1500, t0.Add(-27*day-2*hour))
			o.Tags = []string{"subscription"}
			return w.UpsertOrder(o, &ann)
		}}, 1},
		{"payment overdue", flow.TriggerSpec{Type: domain.TriggerPaymentOverdue, Days: 7}, []func(*importdb.Writer) error{func(w *importdb.Writer) error {
			o := order("P1", ann.Email, 1500, t0.Add(-7*day-2*hour))
			o.PaidAt, o.FinancialStatus = nil, domain.FinancialPending
			return w.UpsertOrder(o, &ann)
		}}, 1},
		{"30 days after delivery", flow.TriggerSpec{Type: domain.TriggerDaysAfter, Days: 30, After: flow.AfterDelivered}, []func(*importdb.Writer) error{func(w *importdb.Writer) error {
			return shipmentAt(w, ann, domain.ShipmentDelivered, t0.Add(-30*day-2*hour))
		}}, 1},
		{"inactive for 180 days", flow.TriggerSpec{Type: domain.TriggerInactive, Days: 180}, []func(*importdb.Writer) error{func(w *importdb.Writer) error {
			return w.UpsertOrder(order("OLD", ann.Email, 1500, t0.Add(-180*day-5*hour)), &ann)
		}}, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := newShop(t)
			id := s.flow(tc.name, taskFlow(tc.trigger))
			// Detection compares state, so it must see each state once: a plan
			// follows each import, as the app's schedule does.
			for _, b := range tc.batches {
				s.write(b)
				s.plan(t0)
			}
			s.write(tc.batches[len(tc.batches)-1]) // the same data imported twice
			if got := len(flowItems(s.plan(t0), id)); got != tc.want {
				t.Fatalf("planned %d items, want %d: %+v", got, tc.want, flowPlan(s.plan(t0), id))
			}
			s.runAll(t0)
			s.write(tc.batches[len(tc.batches)-1]) // and once more after the run
			if got := flowItems(s.plan(t0.Add(time.Minute)), id); len(got) != 0 {
				t.Fatalf("after the run and a re-import, planned %d items: %+v", len(got), got)
			}
			if c := s.counts(); c["tasks"] != tc.want || c["dup_keys"] != 0 {
				t.Fatalf("counts %v, want %d tasks", c, tc.want)
			}
		})
	}
}

func TestMarketingUnansweredTrigger(t *testing.T) {
	s := newShop(t)
	ann := cust("ann@example.com", "Ann", "DE", true)
	s.write(func(w *importdb.Writer) error {
		return w.UpsertOrder(order("1", ann.Email, 1000, t0.Add(-60*day)), &ann)
	})
	c, _, err := s.st.CustomerByEmail(s.ctx, ann.Email)
	if err != nil {
		t.Fatal(err)
	}
	id := s.flow("unanswered", taskFlow(flow.TriggerSpec{Type: domain.TriggerMarketingUnanswered, Count: 3}))
	for i := range 3 {
		if _, _, err := s.st.EnqueueMessage(s.ctx, &domain.OutboxMessage{MessageID: "<m" + string(rune('a'+i)) + "@x>", Kind: domain.KindMarketing,
			ToAddr: ann.Email, Subject: "news", CustomerID: &c.ID}); err != nil {
			t.Fatal(err)
		}
		want := 0
		if i == 2 {
			want = 1
		}
		if got := len(flowItems(s.plan(t0), id)); got != want {
			t.Fatalf("after %d emails planned %d, want %d", i+1, got, want)
		}
	}
}

func cart(ext, email string, updated time.Time) domain.Cart {
	return domain.Cart{Source: domain.SourceShopify, ExternalID: ext, Email: email, Currency: "EUR", Total: 2400,
		RecoveryURL: "https://shop.example/cart/" + ext, CreatedAt: updated.Add(-10 * time.Minute), UpdatedAt: updated,
		Lines: []domain.LineItem{{SKU: "MUG-1", Name: "Stoneware mug", Quantity: 2, Price: 1200}}}
}

func stock(w *importdb.Writer, sku string, avail int) error {
	sid, err := w.UpsertSupplier(domain.Supplier{Name: "Clayworks", Email: "orders@clay.example", Currency: "EUR", MinOrderQty: 6, PackSize: 6})
	if err != nil {
		return err
	}
	if err := w.UpsertProduct(domain.Product{SKU: sku, Title: "Stoneware mug " + sku, Price: domain.Money{Amount: 1200, Currency: "EUR"},
		Cost: domain.Money{Amount: 400, Currency: "EUR"}, SupplierID: &sid}); err != nil {
		return err
	}
	return w.SetStock(domain.StockLevel{SKU: sku, Location: "Main", OnHand: avail, Available: avail, Stocked: true}, "import")
}

func shipment(w *importdb.Writer, c domain.Customer, status domain.ShipmentStatus) error {
	return shipmentAt(w, c, status, t0.Add(-hour))
}

func shipmentAt(w *importdb.Writer, c domain.Customer, status domain.ShipmentStatus, at time.Time) error {
	ext := "SH-" + c.FirstName
	if err := w.UpsertOrder(order(ext, c.Email, 25000, at.Add(-3*day)), &c); err != nil {
		return err
	}
	oid, err := w.OrderID(domain.SourceShopify, ext)
	if err != nil {
		return err
	}
	sh := domain.Shipment{OrderID: oid, Carrier: "DHL", TrackingNumber: "0034", TrackingURL: "https://track.example/0034",
		Status: status, ShippedAt: at.Add(-2 * day), UpdatedAt: at}
	if status == domain.ShipmentDelivered {
		sh.DeliveredAt = &at
	}
	return w.UpsertShipment(sh)
}
