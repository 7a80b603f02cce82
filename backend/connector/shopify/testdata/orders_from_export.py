#!/usr/bin/env python3
"""Builds orders_2025-04_CAD.json: the orders of the real Shopify orders export
testdata/real/shopify/orders_export_2025-04_CAD_79col.csv, written as the
`nodes` of an Admin GraphQL `orders` connection (API 2026-07, fields as the
Order object reference documents them). The stand-in store serves them, so a
test can import the export and sync the same orders. Run from the repo root:
python3 backend/connector/shopify/testdata/orders_from_export.py"""
import csv, json, datetime

SRC = "testdata/real/shopify/orders_export_2025-04_CAD_79col.csv"
OUT = "backend/connector/shopify/testdata/orders_2025-04_CAD.json"

def iso(s):
    if not s:
        return None
    return datetime.datetime.strptime(s, "%Y-%m-%d %H:%M:%S %z").isoformat()

def money(amount, cur):
    return {"shopMoney": {"amount": amount or "0.00", "currencyCode": cur}}

def addr(r, p):
    if not r[p + " Name"] and not r[p + " Address1"]:
        return None
    return {"name": r[p + " Name"], "company": r[p + " Company"] or None, "address1": r[p + " Address1"],
            "address2": r[p + " Address2"] or None, "city": r[p + " City"], "zip": r[p + " Zip"].lstrip("'"),
            "provinceCode": r[p + " Province"], "countryCodeV2": r[p + " Country"], "phone": r[p + " Phone"] or None}

orders, order = [], None
for r in csv.DictReader(open(SRC, encoding="utf-8")):
    if order is None or order["name"] != r["Name"]:
        cur = r["Currency"]
        stamps = [t for t in (iso(r["Created at"]), iso(r["Paid at"]), iso(r["Fulfilled at"]), iso(r["Cancelled at"])) if t]
        updated = max(stamps, key=lambda t: datetime.datetime.fromisoformat(t))
        bill = r["Billing Name"].strip()
        first, _, last = bill.rpartition(" ") if " " in bill else (bill, "", "")
        fin = r["Financial Status"].upper()
        ful = {"fulfilled": "FULFILLED", "partial": "PARTIALLY_FULFILLED"}.get(r["Fulfillment Status"], "UNFULFILLED")
        order = {
            "id": "gid://shopify/Order/" + r["Id"], "name": r["Name"], "email": r["Email"], "phone": r["Phone"] or None,
            "createdAt": iso(r["Created at"]), "updatedAt": updated, "processedAt": iso(r["Created at"]),
            "cancelledAt": iso(r["Cancelled at"]), "displayFinancialStatus": fin, "displayFulfillmentStatus": ful,
            "currencyCode": cur,
            "subtotalPriceSet": money(r["Subtotal"], cur), "totalShippingPriceSet": money(r["Shipping"], cur),
            "totalTaxSet": money(r["Taxes"], cur), "totalPriceSet": money(r["Total"], cur),
            "totalDiscountsSet": money(r["Discount Amount"], cur), "totalRefundedSet": money(r["Refunded Amount"], cur),
            "discountCodes": [c for c in [r["Discount Code"]] if c],
            "paymentGatewayNames": [p for p in r["Payment Method"].split(" + ") if p],
            "tags": [t.strip() for t in r["Tags"].split(",") if t.strip()], "note": r["Notes"] or None,
            "shippingLine": {"title": r["Shipping Method"]} if r["Shipping Method"] else None,
            "risk": {"recommendation": "ACCEPT", "assessments": [{"riskLevel": r["Risk Level"].upper() or "NONE"}]},
            "customer": {"id": "gid://shopify/Customer/" + str(700000 + len(orders)), "email": r["Email"], "firstName": first,
                         "lastName": last, "phone": None, "createdAt": iso(r["Created at"]),
                         "emailMarketingConsent": {"marketingState": "SUBSCRIBED" if r["Accepts Marketing"] == "yes" else "NOT_SUBSCRIBED",
                                                   "consentUpdatedAt": None}},
            "billingAddress": addr(r, "Billing"), "shippingAddress": addr(r, "Shipping"),
            "transactions": [{"kind": "SALE", "status": "SUCCESS", "processedAt": iso(r["Paid at"])}] if r["Paid at"] else [],
            "lineItems": {"nodes": []},
            "fulfillments": [{"createdAt": iso(r["Fulfilled at"]), "updatedAt": iso(r["Fulfilled at"]), "deliveredAt": None,
                              "inTransitAt": None, "displayStatus": "FULFILLED", "status": "SUCCESS", "trackingInfo": []}]
                            if r["Fulfilled at"] else [],
        }
        orders.append(order)
    qty = int(r["Lineitem quantity"] or "1")
    order["lineItems"]["nodes"].append({
        "name": r["Lineitem name"], "sku": r["Lineitem sku"] or None, "quantity": qty, "vendor": r["Vendor"] or None,
        "requiresShipping": r["Lineitem requires shipping"] != "false",
        "unfulfilledQuantity": 0 if r["Lineitem fulfillment status"] == "fulfilled" else qty,
        "originalUnitPriceSet": money(r["Lineitem price"], order["currencyCode"]),
        "totalDiscountSet": money(r["Lineitem discount"], order["currencyCode"]),
        "variant": {"compareAtPrice": r["Lineitem compare at price"]} if r["Lineitem compare at price"] else None,
    })

with open(OUT, "w", encoding="utf-8") as f:
    json.dump(orders, f, indent=1, ensure_ascii=False)
    f.write("\n")
print(len(orders), "orders ->", OUT)
