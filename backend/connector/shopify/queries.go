package shopify

// The Admin GraphQL queries, one per resource. Each page asks for what the
// matching CSV export carries plus what only the API has (tracking,
// recovery links, consent dates). Nested lists are bounded: an order with
// more than 100 lines or 20 fulfilments is rare enough for a solo seller
// that its remainder is left to the next version (see the package's tests).

const checkQuery = `query ShopclerkCheck {
  shop { name myshopifyDomain currencyCode ianaTimezone }
  currentAppInstallation { accessScopes { handle } }
}`

const moneyFields = `shopMoney { amount currencyCode }`

const addressFields = `name company address1 address2 city zip provinceCode countryCodeV2 phone`

// orderFields are an order's fields but its line items (a connection: in
// a bulk operation's JSONL they come as lines of their own).
const orderFields = `id name email phone createdAt updatedAt processedAt cancelledAt
      displayFinancialStatus displayFulfillmentStatus currencyCode
      subtotalPriceSet { ` + moneyFields + ` }
      totalShippingPriceSet { ` + moneyFields + ` }
      totalTaxSet { ` + moneyFields + ` }
      totalPriceSet { ` + moneyFields + ` }
      totalDiscountsSet { ` + moneyFields + ` }
      totalRefundedSet { ` + moneyFields + ` }
      discountCodes paymentGatewayNames tags note
      shippingLine { title }
      risk { recommendation assessments { riskLevel } }
      customer { id email firstName lastName phone createdAt
        emailMarketingConsent { marketingState consentUpdatedAt } }
      billingAddress { ` + addressFields + ` }
      shippingAddress { ` + addressFields + ` }
      transactions(first: 20) { kind status processedAt }
      fulfillments(first: 20) { createdAt updatedAt deliveredAt inTransitAt displayStatus status
        trackingInfo(first: 5) { company number url } }`

const lineItemFields = `name sku quantity vendor requiresShipping unfulfilledQuantity
        originalUnitPriceSet { ` + moneyFields + ` }
        totalDiscountSet { ` + moneyFields + ` }
        variant { compareAtPrice }`

const ordersQuery = `query ShopclerkOrders($first: Int!, $after: String, $query: String) {
  orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    pageInfo { hasNextPage endCursor }
    nodes {
      ` + orderFields + `
      lineItems(first: 100) { nodes {
        ` + lineItemFields + `
      } }
    }
  }
}`

// bulkOrdersQuery is every order for a bulk operation: connections as
// edges, no page sizes (Shopify reads them all).
const bulkOrdersQuery = `{
  orders {
    edges { node {
      ` + orderFields + `
      lineItems { edges { node {
        ` + lineItemFields + `
      } } }
    } }
  }
}`

const customersQuery = `query ShopclerkCustomers($first: Int!, $after: String, $query: String) {
  customers(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id email firstName lastName phone createdAt updatedAt tags note
      emailMarketingConsent { marketingState consentUpdatedAt }
      smsMarketingConsent { marketingState consentUpdatedAt }
      defaultAddress { city countryCodeV2 }
    }
  }
}`

const productsQuery = `query ShopclerkProducts($first: Int!, $after: String, $query: String) {
  products(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id handle title vendor productType status tags updatedAt
      variants(first: 100) { nodes {
        sku title barcode price compareAtPrice
        selectedOptions { name value }
        inventoryItem { unitCost { amount currencyCode } }
      } }
    }
  }
}`

// Inventory items cannot be sorted by updated_at, so their mark moves only
// with the last page (connector.ResourceSpec.Ordered).
const inventoryQuery = `query ShopclerkInventory($first: Int!, $after: String, $query: String) {
  inventoryItems(first: $first, after: $after, query: $query) {
    pageInfo { hasNextPage endCursor }
    nodes {
      sku updatedAt tracked
      variant { title selectedOptions { name value } product { handle title vendor } }
      inventoryLevels(first: 20) { nodes {
        updatedAt
        location { name }
        quantities(names: ["available", "on_hand", "committed", "incoming"]) { name quantity }
      } }
    }
  }
}`

const checkoutsQuery = `query ShopclerkCheckouts($first: Int!, $after: String, $query: String) {
  abandonedCheckouts(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id name abandonedCheckoutUrl createdAt updatedAt completedAt
      totalPriceSet { ` + moneyFields + ` }
      customer { id email firstName lastName }
      lineItems(first: 100) { nodes {
        title variantTitle sku quantity
        originalUnitPriceSet { ` + moneyFields + ` }
      } }
    }
  }
}`
