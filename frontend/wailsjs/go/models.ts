export namespace app {
	
	export class ShopStatus {
	    path: string;
	    openError: string;
	    empty: boolean;
	    now: string;
	
	    static createFrom(source: any = {}) {
	        return new ShopStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.openError = source["openError"];
	        this.empty = source["empty"];
	        this.now = source["now"];
	    }
	}

}

export namespace domain {
	
	export class Address {
	    name: string;
	    company: string;
	    address1: string;
	    address2: string;
	    city: string;
	    zip: string;
	    province: string;
	    country: string;
	    phone: string;
	
	    static createFrom(source: any = {}) {
	        return new Address(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.company = source["company"];
	        this.address1 = source["address1"];
	        this.address2 = source["address2"];
	        this.city = source["city"];
	        this.zip = source["zip"];
	        this.province = source["province"];
	        this.country = source["country"];
	        this.phone = source["phone"];
	    }
	}
	export class Money {
	    amount: number;
	    currency: string;
	
	    static createFrom(source: any = {}) {
	        return new Money(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.amount = source["amount"];
	        this.currency = source["currency"];
	    }
	}
	export class CartRow {
	    id: number;
	    externalId: string;
	    email: string;
	    total: Money;
	    items: number;
	    // Go type: time
	    createdAt: any;
	    // Go type: time
	    updatedAt: any;
	    // Go type: time
	    recoveredAt?: any;
	
	    static createFrom(source: any = {}) {
	        return new CartRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.externalId = source["externalId"];
	        this.email = source["email"];
	        this.total = this.convertValues(source["total"], Money);
	        this.items = source["items"];
	        this.createdAt = this.convertValues(source["createdAt"], null);
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
	        this.recoveredAt = this.convertValues(source["recoveredAt"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CartPage {
	    rows: CartRow[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new CartPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = this.convertValues(source["rows"], CartRow);
	        this.total = source["total"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Customer {
	    id: number;
	    source: string;
	    externalId: string;
	    email: string;
	    firstName: string;
	    lastName: string;
	    phone: string;
	    country: string;
	    city: string;
	    acceptsMarketing: boolean;
	    // Go type: time
	    consentAt?: any;
	    birthday: string;
	    tags: string[];
	    note: string;
	    // Go type: time
	    createdAt: any;
	    ordersCount: number;
	    totalSpent: Money;
	    // Go type: time
	    lastOrderAt?: any;
	
	    static createFrom(source: any = {}) {
	        return new Customer(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.source = source["source"];
	        this.externalId = source["externalId"];
	        this.email = source["email"];
	        this.firstName = source["firstName"];
	        this.lastName = source["lastName"];
	        this.phone = source["phone"];
	        this.country = source["country"];
	        this.city = source["city"];
	        this.acceptsMarketing = source["acceptsMarketing"];
	        this.consentAt = this.convertValues(source["consentAt"], null);
	        this.birthday = source["birthday"];
	        this.tags = source["tags"];
	        this.note = source["note"];
	        this.createdAt = this.convertValues(source["createdAt"], null);
	        this.ordersCount = source["ordersCount"];
	        this.totalSpent = this.convertValues(source["totalSpent"], Money);
	        this.lastOrderAt = this.convertValues(source["lastOrderAt"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CustomerPage {
	    rows: Customer[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new CustomerPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = this.convertValues(source["rows"], Customer);
	        this.total = source["total"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class DayPoint {
	    day: string;
	    orders: number;
	    revenue: number;
	
	    static createFrom(source: any = {}) {
	        return new DayPoint(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.day = source["day"];
	        this.orders = source["orders"];
	        this.revenue = source["revenue"];
	    }
	}
	export class StockRow {
	    sku: string;
	    location: string;
	    onHand: number;
	    committed: number;
	    available: number;
	    incoming: number;
	    stocked: boolean;
	    // Go type: time
	    updatedAt: any;
	    title: string;
	    reorderPoint?: number;
	    supplier: string;
	
	    static createFrom(source: any = {}) {
	        return new StockRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sku = source["sku"];
	        this.location = source["location"];
	        this.onHand = source["onHand"];
	        this.committed = source["committed"];
	        this.available = source["available"];
	        this.incoming = source["incoming"];
	        this.stocked = source["stocked"];
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
	        this.title = source["title"];
	        this.reorderPoint = source["reorderPoint"];
	        this.supplier = source["supplier"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Dashboard {
	    currency: string;
	    todayRevenue: number;
	    todayOrders: number;
	    lowStock: StockRow[];
	    lowStockCount: number;
	    abandonedCarts: number;
	    abandonedValue: number;
	    outboxWaiting: number;
	    last30Days: DayPoint[];
	    totalOrders: number;
	    totalCustomers: number;
	    shipmentsByStatus: {[key: string]: number};
	
	    static createFrom(source: any = {}) {
	        return new Dashboard(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.currency = source["currency"];
	        this.todayRevenue = source["todayRevenue"];
	        this.todayOrders = source["todayOrders"];
	        this.lowStock = this.convertValues(source["lowStock"], StockRow);
	        this.lowStockCount = source["lowStockCount"];
	        this.abandonedCarts = source["abandonedCarts"];
	        this.abandonedValue = source["abandonedValue"];
	        this.outboxWaiting = source["outboxWaiting"];
	        this.last30Days = this.convertValues(source["last30Days"], DayPoint);
	        this.totalOrders = source["totalOrders"];
	        this.totalCustomers = source["totalCustomers"];
	        this.shipmentsByStatus = source["shipmentsByStatus"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class LineItem {
	    position: number;
	    sku: string;
	    name: string;
	    vendor: string;
	    quantity: number;
	    price: number;
	    compareAtPrice: number;
	    discount: number;
	    requiresShipping: boolean;
	    fulfillmentStatus: string;
	
	    static createFrom(source: any = {}) {
	        return new LineItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.position = source["position"];
	        this.sku = source["sku"];
	        this.name = source["name"];
	        this.vendor = source["vendor"];
	        this.quantity = source["quantity"];
	        this.price = source["price"];
	        this.compareAtPrice = source["compareAtPrice"];
	        this.discount = source["discount"];
	        this.requiresShipping = source["requiresShipping"];
	        this.fulfillmentStatus = source["fulfillmentStatus"];
	    }
	}
	
	export class Order {
	    id: number;
	    source: string;
	    externalId: string;
	    name: string;
	    email: string;
	    customerId?: number;
	    financialStatus: string;
	    fulfillmentStatus: string;
	    currency: string;
	    subtotal: number;
	    shipping: number;
	    taxes: number;
	    discount: number;
	    total: number;
	    refunded: number;
	    discountCode: string;
	    shippingMethod: string;
	    paymentMethod: string;
	    riskLevel: string;
	    tags: string[];
	    note: string;
	    billing: Address;
	    shippingAddress: Address;
	    // Go type: time
	    createdAt: any;
	    // Go type: time
	    paidAt?: any;
	    // Go type: time
	    fulfilledAt?: any;
	    // Go type: time
	    cancelledAt?: any;
	    acceptsMarketing: boolean;
	    lines: LineItem[];
	
	    static createFrom(source: any = {}) {
	        return new Order(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.source = source["source"];
	        this.externalId = source["externalId"];
	        this.name = source["name"];
	        this.email = source["email"];
	        this.customerId = source["customerId"];
	        this.financialStatus = source["financialStatus"];
	        this.fulfillmentStatus = source["fulfillmentStatus"];
	        this.currency = source["currency"];
	        this.subtotal = source["subtotal"];
	        this.shipping = source["shipping"];
	        this.taxes = source["taxes"];
	        this.discount = source["discount"];
	        this.total = source["total"];
	        this.refunded = source["refunded"];
	        this.discountCode = source["discountCode"];
	        this.shippingMethod = source["shippingMethod"];
	        this.paymentMethod = source["paymentMethod"];
	        this.riskLevel = source["riskLevel"];
	        this.tags = source["tags"];
	        this.note = source["note"];
	        this.billing = this.convertValues(source["billing"], Address);
	        this.shippingAddress = this.convertValues(source["shippingAddress"], Address);
	        this.createdAt = this.convertValues(source["createdAt"], null);
	        this.paidAt = this.convertValues(source["paidAt"], null);
	        this.fulfilledAt = this.convertValues(source["fulfilledAt"], null);
	        this.cancelledAt = this.convertValues(source["cancelledAt"], null);
	        this.acceptsMarketing = source["acceptsMarketing"];
	        this.lines = this.convertValues(source["lines"], LineItem);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Shipment {
	    id: number;
	    orderId: number;
	    carrier: string;
	    trackingNumber: string;
	    trackingUrl: string;
	    status: string;
	    // Go type: time
	    shippedAt: any;
	    // Go type: time
	    deliveredAt?: any;
	    // Go type: time
	    updatedAt: any;
	
	    static createFrom(source: any = {}) {
	        return new Shipment(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.orderId = source["orderId"];
	        this.carrier = source["carrier"];
	        this.trackingNumber = source["trackingNumber"];
	        this.trackingUrl = source["trackingUrl"];
	        this.status = source["status"];
	        this.shippedAt = this.convertValues(source["shippedAt"], null);
	        this.deliveredAt = this.convertValues(source["deliveredAt"], null);
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class OrderDetail {
	    order: Order;
	    customer?: Customer;
	    shipments: Shipment[];
	
	    static createFrom(source: any = {}) {
	        return new OrderDetail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.order = this.convertValues(source["order"], Order);
	        this.customer = this.convertValues(source["customer"], Customer);
	        this.shipments = this.convertValues(source["shipments"], Shipment);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class OrderRow {
	    id: number;
	    name: string;
	    email: string;
	    customerName: string;
	    // Go type: time
	    createdAt: any;
	    financialStatus: string;
	    fulfillmentStatus: string;
	    total: Money;
	    items: number;
	    cancelled: boolean;
	
	    static createFrom(source: any = {}) {
	        return new OrderRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.email = source["email"];
	        this.customerName = source["customerName"];
	        this.createdAt = this.convertValues(source["createdAt"], null);
	        this.financialStatus = source["financialStatus"];
	        this.fulfillmentStatus = source["fulfillmentStatus"];
	        this.total = this.convertValues(source["total"], Money);
	        this.items = source["items"];
	        this.cancelled = source["cancelled"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class OrderPage {
	    rows: OrderRow[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new OrderPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = this.convertValues(source["rows"], OrderRow);
	        this.total = source["total"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class PageRequest {
	    offset: number;
	    limit: number;
	    sort: string;
	    desc: boolean;
	    search: string;
	    filter: string;
	
	    static createFrom(source: any = {}) {
	        return new PageRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	        this.sort = source["sort"];
	        this.desc = source["desc"];
	        this.search = source["search"];
	        this.filter = source["filter"];
	    }
	}
	
	export class StockLevel {
	    sku: string;
	    location: string;
	    onHand: number;
	    committed: number;
	    available: number;
	    incoming: number;
	    stocked: boolean;
	    // Go type: time
	    updatedAt: any;
	
	    static createFrom(source: any = {}) {
	        return new StockLevel(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sku = source["sku"];
	        this.location = source["location"];
	        this.onHand = source["onHand"];
	        this.committed = source["committed"];
	        this.available = source["available"];
	        this.incoming = source["incoming"];
	        this.stocked = source["stocked"];
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class StockPage {
	    rows: StockRow[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new StockPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = this.convertValues(source["rows"], StockRow);
	        this.total = source["total"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Supplier {
	    id: number;
	    name: string;
	    email: string;
	    currency: string;
	    leadTimeDays: number;
	    leadTimeStdDays: number;
	    minOrderQty: number;
	    packSize: number;
	
	    static createFrom(source: any = {}) {
	        return new Supplier(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.email = source["email"];
	        this.currency = source["currency"];
	        this.leadTimeDays = source["leadTimeDays"];
	        this.leadTimeStdDays = source["leadTimeStdDays"];
	        this.minOrderQty = source["minOrderQty"];
	        this.packSize = source["packSize"];
	    }
	}

}

export namespace inventory {
	
	export class Decision {
	    perDay: number;
	    leadDemand: number;
	    safetyStock: number;
	    reorderPoint: number;
	    orderUpTo: number;
	    due: boolean;
	    quantity: number;
	    daysOfCover: number;
	    atRisk: boolean;
	    overridden: boolean;
	    explanation: string;
	
	    static createFrom(source: any = {}) {
	        return new Decision(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.perDay = source["perDay"];
	        this.leadDemand = source["leadDemand"];
	        this.safetyStock = source["safetyStock"];
	        this.reorderPoint = source["reorderPoint"];
	        this.orderUpTo = source["orderUpTo"];
	        this.due = source["due"];
	        this.quantity = source["quantity"];
	        this.daysOfCover = source["daysOfCover"];
	        this.atRisk = source["atRisk"];
	        this.overridden = source["overridden"];
	        this.explanation = source["explanation"];
	    }
	}
	export class Flag {
	    code: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new Flag(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.message = source["message"];
	    }
	}
	export class Draft {
	    po: store.PurchaseOrder;
	    flags: Flag[];
	    dryRun: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Draft(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.po = this.convertValues(source["po"], store.PurchaseOrder);
	        this.flags = this.convertValues(source["flags"], Flag);
	        this.dryRun = source["dryRun"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class ForecastSummary {
	    method: string;
	    class: string;
	    perDay: number;
	    next30: number;
	    next60: number;
	    next90: number;
	    mae: number;
	    mase: number;
	    holdoutDays: number;
	    historyDays: number;
	
	    static createFrom(source: any = {}) {
	        return new ForecastSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.method = source["method"];
	        this.class = source["class"];
	        this.perDay = source["perDay"];
	        this.next30 = source["next30"];
	        this.next60 = source["next60"];
	        this.next90 = source["next90"];
	        this.mae = source["mae"];
	        this.mase = source["mase"];
	        this.holdoutDays = source["holdoutDays"];
	        this.historyDays = source["historyDays"];
	    }
	}
	export class LeadTime {
	    meanDays: number;
	    stdDays: number;
	    observed: number;
	
	    static createFrom(source: any = {}) {
	        return new LeadTime(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.meanDays = source["meanDays"];
	        this.stdDays = source["stdDays"];
	        this.observed = source["observed"];
	    }
	}
	export class SKUPlan {
	    sku: string;
	    title: string;
	    levels: domain.StockLevel[];
	    onHand: number;
	    committed: number;
	    available: number;
	    incoming: number;
	    forecast: ForecastSummary;
	    decision?: Decision;
	    supplierId?: number;
	    supplierName: string;
	    supplierSku: string;
	    unitCost: number;
	    currency: string;
	    leadTime: LeadTime;
	    // Go type: time
	    snoozeUntil?: any;
	    orderOnce: boolean;
	    onDraft: boolean;
	    suggest: number;
	    flags: Flag[];
	
	    static createFrom(source: any = {}) {
	        return new SKUPlan(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sku = source["sku"];
	        this.title = source["title"];
	        this.levels = this.convertValues(source["levels"], domain.StockLevel);
	        this.onHand = source["onHand"];
	        this.committed = source["committed"];
	        this.available = source["available"];
	        this.incoming = source["incoming"];
	        this.forecast = this.convertValues(source["forecast"], ForecastSummary);
	        this.decision = this.convertValues(source["decision"], Decision);
	        this.supplierId = source["supplierId"];
	        this.supplierName = source["supplierName"];
	        this.supplierSku = source["supplierSku"];
	        this.unitCost = source["unitCost"];
	        this.currency = source["currency"];
	        this.leadTime = this.convertValues(source["leadTime"], LeadTime);
	        this.snoozeUntil = this.convertValues(source["snoozeUntil"], null);
	        this.orderOnce = source["orderOnce"];
	        this.onDraft = source["onDraft"];
	        this.suggest = source["suggest"];
	        this.flags = this.convertValues(source["flags"], Flag);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class History {
	    sku: string;
	    from: string;
	    history: number[];
	    forecast: number[];
	    plan: SKUPlan;
	
	    static createFrom(source: any = {}) {
	        return new History(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sku = source["sku"];
	        this.from = source["from"];
	        this.history = source["history"];
	        this.forecast = source["forecast"];
	        this.plan = this.convertValues(source["plan"], SKUPlan);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Policy {
	    serviceLevel: number;
	    reviewDays: number;
	
	    static createFrom(source: any = {}) {
	        return new Policy(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.serviceLevel = source["serviceLevel"];
	        this.reviewDays = source["reviewDays"];
	    }
	}
	export class Plan {
	    policy: Policy;
	    currency: string;
	    timeZone: string;
	    // Go type: time
	    generatedAt: any;
	    items: SKUPlan[];
	    atRisk: number;
	    due: number;
	
	    static createFrom(source: any = {}) {
	        return new Plan(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.policy = this.convertValues(source["policy"], Policy);
	        this.currency = source["currency"];
	        this.timeZone = source["timeZone"];
	        this.generatedAt = this.convertValues(source["generatedAt"], null);
	        this.items = this.convertValues(source["items"], SKUPlan);
	        this.atRisk = source["atRisk"];
	        this.due = source["due"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	

}

export namespace store {
	
	export class PurchaseOrderLine {
	    sku: string;
	    supplierSku: string;
	    title: string;
	    variantTitle: string;
	    quantity: number;
	    receivedQty: number;
	    unitCost: number;
	
	    static createFrom(source: any = {}) {
	        return new PurchaseOrderLine(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sku = source["sku"];
	        this.supplierSku = source["supplierSku"];
	        this.title = source["title"];
	        this.variantTitle = source["variantTitle"];
	        this.quantity = source["quantity"];
	        this.receivedQty = source["receivedQty"];
	        this.unitCost = source["unitCost"];
	    }
	}
	export class PurchaseOrder {
	    id: number;
	    number: string;
	    supplierId: number;
	    supplierName: string;
	    supplierEmail: string;
	    status: string;
	    currency: string;
	    note: string;
	    location: string;
	    messageId: string;
	    // Go type: time
	    createdAt: any;
	    // Go type: time
	    sentAt?: any;
	    // Go type: time
	    expectedAt?: any;
	    // Go type: time
	    receivedAt?: any;
	    lines: PurchaseOrderLine[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new PurchaseOrder(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.number = source["number"];
	        this.supplierId = source["supplierId"];
	        this.supplierName = source["supplierName"];
	        this.supplierEmail = source["supplierEmail"];
	        this.status = source["status"];
	        this.currency = source["currency"];
	        this.note = source["note"];
	        this.location = source["location"];
	        this.messageId = source["messageId"];
	        this.createdAt = this.convertValues(source["createdAt"], null);
	        this.sentAt = this.convertValues(source["sentAt"], null);
	        this.expectedAt = this.convertValues(source["expectedAt"], null);
	        this.receivedAt = this.convertValues(source["receivedAt"], null);
	        this.lines = this.convertValues(source["lines"], PurchaseOrderLine);
	        this.total = source["total"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Receipt {
	    sku: string;
	    quantity: number;
	
	    static createFrom(source: any = {}) {
	        return new Receipt(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sku = source["sku"];
	        this.quantity = source["quantity"];
	    }
	}
	export class SKUPolicy {
	    sku: string;
	    reorderPoint?: number;
	    clearReorderPoint: boolean;
	    // Go type: time
	    snoozeUntil?: any;
	    orderOnce?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new SKUPolicy(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sku = source["sku"];
	        this.reorderPoint = source["reorderPoint"];
	        this.clearReorderPoint = source["clearReorderPoint"];
	        this.snoozeUntil = this.convertValues(source["snoozeUntil"], null);
	        this.orderOnce = source["orderOnce"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SupplierOffer {
	    supplierId: number;
	    sku: string;
	    supplierSku: string;
	    unitCost: number;
	
	    static createFrom(source: any = {}) {
	        return new SupplierOffer(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.supplierId = source["supplierId"];
	        this.sku = source["sku"];
	        this.supplierSku = source["supplierSku"];
	        this.unitCost = source["unitCost"];
	    }
	}

}

