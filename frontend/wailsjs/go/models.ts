export namespace app {
	
	export class AccountView {
	    account: mail.Account;
	    configured: boolean;
	    hasSecret: boolean;
	    secretsBackend: string;
	
	    static createFrom(source: any = {}) {
	        return new AccountView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.account = this.convertValues(source["account"], mail.Account);
	        this.configured = source["configured"];
	        this.hasSecret = source["hasSecret"];
	        this.secretsBackend = source["secretsBackend"];
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
	export class DigestSchedule {
	    hour: number;
	    timeZone: string;
	
	    static createFrom(source: any = {}) {
	        return new DigestSchedule(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.hour = source["hour"];
	        this.timeZone = source["timeZone"];
	    }
	}
	export class EtsyStart {
	    id: string;
	    url: string;
	    callback: string;
	
	    static createFrom(source: any = {}) {
	        return new EtsyStart(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.url = source["url"];
	        this.callback = source["callback"];
	    }
	}
	export class MessageDetail {
	    message: domain.OutboxMessage;
	    raw: string;
	    error: string;
	
	    static createFrom(source: any = {}) {
	        return new MessageDetail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.message = this.convertValues(source["message"], domain.OutboxMessage);
	        this.raw = source["raw"];
	        this.error = source["error"];
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
	export class OutboxPage {
	    rows: domain.OutboxMessage[];
	    counts: {[key: string]: number};
	
	    static createFrom(source: any = {}) {
	        return new OutboxPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = this.convertValues(source["rows"], domain.OutboxMessage);
	        this.counts = source["counts"];
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
	export class SavedSegment {
	    segment: customers.SegmentDef;
	    check: customers.SegmentCheck;
	
	    static createFrom(source: any = {}) {
	        return new SavedSegment(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.segment = this.convertValues(source["segment"], customers.SegmentDef);
	        this.check = this.convertValues(source["check"], customers.SegmentCheck);
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
	export class ShopStatus {
	    path: string;
	    openError: string;
	    empty: boolean;
	    now: string;
	    configured: boolean;
	    timeZone: string;
	
	    static createFrom(source: any = {}) {
	        return new ShopStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.openError = source["openError"];
	        this.empty = source["empty"];
	        this.now = source["now"];
	        this.configured = source["configured"];
	        this.timeZone = source["timeZone"];
	    }
	}
	export class StoreView {
	    id: number;
	    name: string;
	    kind: string;
	    url: string;
	    auth: string;
	    clientId: string;
	    currency: string;
	    timeZone: string;
	    writes: domain.StoreWrites;
	    // Go type: time
	    lastSync?: any;
	    // Go type: time
	    createdAt: any;
	    lastRun?: domain.SyncRun;
	    syncing: boolean;
	    waiting: number;
	    writeError: string;
	    unwritable: domain.StoreUnwritable;
	
	    static createFrom(source: any = {}) {
	        return new StoreView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.kind = source["kind"];
	        this.url = source["url"];
	        this.auth = source["auth"];
	        this.clientId = source["clientId"];
	        this.currency = source["currency"];
	        this.timeZone = source["timeZone"];
	        this.writes = this.convertValues(source["writes"], domain.StoreWrites);
	        this.lastSync = this.convertValues(source["lastSync"], null);
	        this.createdAt = this.convertValues(source["createdAt"], null);
	        this.lastRun = this.convertValues(source["lastRun"], domain.SyncRun);
	        this.syncing = source["syncing"];
	        this.waiting = source["waiting"];
	        this.writeError = source["writeError"];
	        this.unwritable = this.convertValues(source["unwritable"], domain.StoreUnwritable);
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
	export class StoreList {
	    stores: StoreView[];
	    // Go type: time
	    now: any;
	
	    static createFrom(source: any = {}) {
	        return new StoreList(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.stores = this.convertValues(source["stores"], StoreView);
	        this.now = this.convertValues(source["now"], null);
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

export namespace campaigns {
	
	export class Audience {
	    segment: string;
	    segmentName: string;
	    members: number;
	    sendable: number;
	    skipped: {[key: string]: number};
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new Audience(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.segment = source["segment"];
	        this.segmentName = source["segmentName"];
	        this.members = source["members"];
	        this.sendable = source["sendable"];
	        this.skipped = source["skipped"];
	        this.note = source["note"];
	    }
	}
	export class Part {
	    group: string;
	    recipients: number;
	    queued: number;
	    sent: number;
	    failed: number;
	
	    static createFrom(source: any = {}) {
	        return new Part(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.group = source["group"];
	        this.recipients = source["recipients"];
	        this.queued = source["queued"];
	        this.sent = source["sent"];
	        this.failed = source["failed"];
	    }
	}
	export class Variant {
	    name: string;
	    subject: string;
	    sent: number;
	    queued: number;
	    redeemed: number;
	    revenue: number;
	    replied: number;
	
	    static createFrom(source: any = {}) {
	        return new Variant(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.subject = source["subject"];
	        this.sent = source["sent"];
	        this.queued = source["queued"];
	        this.redeemed = source["redeemed"];
	        this.revenue = source["revenue"];
	        this.replied = source["replied"];
	    }
	}
	export class CouponSpec {
	    percentOff: number;
	    amountOff: number;
	    freeShipping: boolean;
	    validDays: number;
	
	    static createFrom(source: any = {}) {
	        return new CouponSpec(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.percentOff = source["percentOff"];
	        this.amountOff = source["amountOff"];
	        this.freeShipping = source["freeShipping"];
	        this.validDays = source["validDays"];
	    }
	}
	export class Campaign {
	    id: number;
	    name: string;
	    segment: string;
	    segmentName: string;
	    template: string;
	    subjectA: string;
	    subjectB: string;
	    test: string;
	    coupon?: CouponSpec;
	    samplePct: number;
	    decideAfter: string;
	    decideBy: string;
	    // Go type: time
	    sendAt?: any;
	    status: string;
	    audience: number;
	    skipped: {[key: string]: number};
	    // Go type: time
	    sampleAt?: any;
	    // Go type: time
	    decideAt?: any;
	    winner: string;
	    decision: string;
	    // Go type: time
	    createdAt: any;
	    variants: Variant[];
	    currency: string;
	    parts: Part[];
	
	    static createFrom(source: any = {}) {
	        return new Campaign(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.segment = source["segment"];
	        this.segmentName = source["segmentName"];
	        this.template = source["template"];
	        this.subjectA = source["subjectA"];
	        this.subjectB = source["subjectB"];
	        this.test = source["test"];
	        this.coupon = this.convertValues(source["coupon"], CouponSpec);
	        this.samplePct = source["samplePct"];
	        this.decideAfter = source["decideAfter"];
	        this.decideBy = source["decideBy"];
	        this.sendAt = this.convertValues(source["sendAt"], null);
	        this.status = source["status"];
	        this.audience = source["audience"];
	        this.skipped = source["skipped"];
	        this.sampleAt = this.convertValues(source["sampleAt"], null);
	        this.decideAt = this.convertValues(source["decideAt"], null);
	        this.winner = source["winner"];
	        this.decision = source["decision"];
	        this.createdAt = this.convertValues(source["createdAt"], null);
	        this.variants = this.convertValues(source["variants"], Variant);
	        this.currency = source["currency"];
	        this.parts = this.convertValues(source["parts"], Part);
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
	
	export class Out {
	    variant: string;
	    to: string;
	    template: string;
	    subject: string;
	    html: string;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new Out(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.variant = source["variant"];
	        this.to = source["to"];
	        this.template = source["template"];
	        this.subject = source["subject"];
	        this.html = source["html"];
	        this.text = source["text"];
	    }
	}
	
	export class Preview {
	    audience: Audience;
	    sampleA: number;
	    sampleB: number;
	    rest: number;
	    // Go type: time
	    sendAt: any;
	    sendNote: string;
	    // Go type: time
	    decideAt?: any;
	    confirm: boolean;
	    confirmOver: number;
	    emails: Out[];
	
	    static createFrom(source: any = {}) {
	        return new Preview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.audience = this.convertValues(source["audience"], Audience);
	        this.sampleA = source["sampleA"];
	        this.sampleB = source["sampleB"];
	        this.rest = source["rest"];
	        this.sendAt = this.convertValues(source["sendAt"], null);
	        this.sendNote = source["sendNote"];
	        this.decideAt = this.convertValues(source["decideAt"], null);
	        this.confirm = source["confirm"];
	        this.confirmOver = source["confirmOver"];
	        this.emails = this.convertValues(source["emails"], Out);
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
	export class SegmentAudience {
	    key: string;
	    name: string;
	    kind: string;
	    members: number;
	    sendable: number;
	
	    static createFrom(source: any = {}) {
	        return new SegmentAudience(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.name = source["name"];
	        this.kind = source["kind"];
	        this.members = source["members"];
	        this.sendable = source["sendable"];
	    }
	}
	export class Spec {
	    name: string;
	    segment: string;
	    template: string;
	    subjectA: string;
	    subjectB: string;
	    bodyA: string;
	    bodyB: string;
	    sendAt: string;
	    coupon?: CouponSpec;
	    samplePct: number;
	    decideAfterMinutes: number;
	    decideBy: string;
	
	    static createFrom(source: any = {}) {
	        return new Spec(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.segment = source["segment"];
	        this.template = source["template"];
	        this.subjectA = source["subjectA"];
	        this.subjectB = source["subjectB"];
	        this.bodyA = source["bodyA"];
	        this.bodyB = source["bodyB"];
	        this.sendAt = source["sendAt"];
	        this.coupon = this.convertValues(source["coupon"], CouponSpec);
	        this.samplePct = source["samplePct"];
	        this.decideAfterMinutes = source["decideAfterMinutes"];
	        this.decideBy = source["decideBy"];
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

export namespace carrierapi {
	
	export class KeyStatus {
	    dhl: boolean;
	    usps: boolean;
	
	    static createFrom(source: any = {}) {
	        return new KeyStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.dhl = source["dhl"];
	        this.usps = source["usps"];
	    }
	}

}

export namespace connector {
	
	export class ShopInfo {
	    name: string;
	    domain: string;
	    currency: string;
	    timeZone: string;
	    missing: string[];
	    notes: string[];
	
	    static createFrom(source: any = {}) {
	        return new ShopInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.domain = source["domain"];
	        this.currency = source["currency"];
	        this.timeZone = source["timeZone"];
	        this.missing = source["missing"];
	        this.notes = source["notes"];
	    }
	}
	export class Added {
	    store: domain.ConnectedStore;
	    shop: ShopInfo;
	    secretsInFile: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Added(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.store = this.convertValues(source["store"], domain.ConnectedStore);
	        this.shop = this.convertValues(source["shop"], ShopInfo);
	        this.secretsInFile = source["secretsInFile"];
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
	
	export class WriteResult {
	    store: string;
	    done: number;
	    skipped: number;
	    waiting: number;
	    error?: string;
	
	    static createFrom(source: any = {}) {
	        return new WriteResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.store = source["store"];
	        this.done = source["done"];
	        this.skipped = source["skipped"];
	        this.waiting = source["waiting"];
	        this.error = source["error"];
	    }
	}

}

export namespace customers {
	
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
	    billing: boolean;
	    shipping: boolean;
	    // Go type: time
	    lastUsed: any;
	    orders: number;
	
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
	        this.billing = source["billing"];
	        this.shipping = source["shipping"];
	        this.lastUsed = this.convertValues(source["lastUsed"], null);
	        this.orders = source["orders"];
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
	export class ConsentChange {
	    given: boolean;
	    // Go type: time
	    at: any;
	    source: string;
	
	    static createFrom(source: any = {}) {
	        return new ConsentChange(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.given = source["given"];
	        this.at = this.convertValues(source["at"], null);
	        this.source = source["source"];
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
	export class Consent {
	    channel: string;
	    status: string;
	    // Go type: time
	    at?: any;
	    source: string;
	    history: ConsentChange[];
	
	    static createFrom(source: any = {}) {
	        return new Consent(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.channel = source["channel"];
	        this.status = source["status"];
	        this.at = this.convertValues(source["at"], null);
	        this.source = source["source"];
	        this.history = this.convertValues(source["history"], ConsentChange);
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
	
	export class EraseCheck {
	    customer: domain.Customer;
	    openOrders: string[];
	    orders: number;
	    emails: number;
	    carts: number;
	
	    static createFrom(source: any = {}) {
	        return new EraseCheck(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.customer = this.convertValues(source["customer"], domain.Customer);
	        this.openOrders = source["openOrders"];
	        this.orders = source["orders"];
	        this.emails = source["emails"];
	        this.carts = source["carts"];
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
	export class Erased {
	    orders: number;
	    carts: number;
	    emails: number;
	    notes: number;
	    tasks: number;
	    keysKept: number;
	    id: number;
	
	    static createFrom(source: any = {}) {
	        return new Erased(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.orders = source["orders"];
	        this.carts = source["carts"];
	        this.emails = source["emails"];
	        this.notes = source["notes"];
	        this.tasks = source["tasks"];
	        this.keysKept = source["keysKept"];
	        this.id = source["id"];
	    }
	}
	export class FAQMatch {
	    faqId: number;
	    topic: string;
	    lang: string;
	    matched: string[];
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new FAQMatch(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.faqId = source["faqId"];
	        this.topic = source["topic"];
	        this.lang = source["lang"];
	        this.matched = source["matched"];
	        this.text = source["text"];
	    }
	}
	export class Lifetime {
	    orders: number;
	    spent: domain.Money;
	    refunded: number;
	    averageOrder: number;
	    // Go type: time
	    firstOrderAt?: any;
	    // Go type: time
	    lastOrderAt?: any;
	    openOrders: number;
	    carts: number;
	    coupons: number;
	    emailsSent: number;
	    emailsReceived: number;
	
	    static createFrom(source: any = {}) {
	        return new Lifetime(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.orders = source["orders"];
	        this.spent = this.convertValues(source["spent"], domain.Money);
	        this.refunded = source["refunded"];
	        this.averageOrder = source["averageOrder"];
	        this.firstOrderAt = this.convertValues(source["firstOrderAt"], null);
	        this.lastOrderAt = this.convertValues(source["lastOrderAt"], null);
	        this.openOrders = source["openOrders"];
	        this.carts = source["carts"];
	        this.coupons = source["coupons"];
	        this.emailsSent = source["emailsSent"];
	        this.emailsReceived = source["emailsReceived"];
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
	export class MonthSegment {
	    month: string;
	    segment: string;
	    label: string;
	
	    static createFrom(source: any = {}) {
	        return new MonthSegment(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.month = source["month"];
	        this.segment = source["segment"];
	        this.label = source["label"];
	    }
	}
	export class Move {
	    from: string;
	    to: string;
	    fromLabel: string;
	    toLabel: string;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new Move(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.to = source["to"];
	        this.fromLabel = source["fromLabel"];
	        this.toLabel = source["toLabel"];
	        this.count = source["count"];
	    }
	}
	export class SegmentDef {
	    id: number;
	    name: string;
	    condition: string;
	    members: number;
	    // Go type: time
	    countedAt?: any;
	    lastMonth?: number;
	
	    static createFrom(source: any = {}) {
	        return new SegmentDef(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.condition = source["condition"];
	        this.members = source["members"];
	        this.countedAt = this.convertValues(source["countedAt"], null);
	        this.lastMonth = source["lastMonth"];
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
	export class RFMCount {
	    segment: string;
	    label: string;
	    description: string;
	    count: number;
	    lastMonth: number;
	
	    static createFrom(source: any = {}) {
	        return new RFMCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.segment = source["segment"];
	        this.label = source["label"];
	        this.description = source["description"];
	        this.count = source["count"];
	        this.lastMonth = source["lastMonth"];
	    }
	}
	export class Overview {
	    windowDays: number;
	    // Go type: time
	    scoredAt?: any;
	    month: string;
	    lastMonth: string;
	    customers: number;
	    unscored: number;
	    rfm: RFMCount[];
	    moves: Move[];
	    custom: SegmentDef[];
	
	    static createFrom(source: any = {}) {
	        return new Overview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.windowDays = source["windowDays"];
	        this.scoredAt = this.convertValues(source["scoredAt"], null);
	        this.month = source["month"];
	        this.lastMonth = source["lastMonth"];
	        this.customers = source["customers"];
	        this.unscored = source["unscored"];
	        this.rfm = this.convertValues(source["rfm"], RFMCount);
	        this.moves = this.convertValues(source["moves"], Move);
	        this.custom = this.convertValues(source["custom"], SegmentDef);
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
	export class TimelineItem {
	    kind: string;
	    // Go type: time
	    at: any;
	    ref: number;
	    title: string;
	    detail: string;
	    amount?: domain.Money;
	    by: string;
	
	    static createFrom(source: any = {}) {
	        return new TimelineItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.at = this.convertValues(source["at"], null);
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.detail = source["detail"];
	        this.amount = this.convertValues(source["amount"], domain.Money);
	        this.by = source["by"];
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
	export class TimelinePage {
	    items: TimelineItem[];
	    next: string;
	
	    static createFrom(source: any = {}) {
	        return new TimelinePage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], TimelineItem);
	        this.next = source["next"];
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
	export class Scores {
	    r: number;
	    f: number;
	    m: number;
	    segment: string;
	    label: string;
	    // Go type: time
	    since: any;
	    orders: number;
	    spent: number;
	    windowDays: number;
	    // Go type: time
	    scoredAt: any;
	    history: MonthSegment[];
	
	    static createFrom(source: any = {}) {
	        return new Scores(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.r = source["r"];
	        this.f = source["f"];
	        this.m = source["m"];
	        this.segment = source["segment"];
	        this.label = source["label"];
	        this.since = this.convertValues(source["since"], null);
	        this.orders = source["orders"];
	        this.spent = source["spent"];
	        this.windowDays = source["windowDays"];
	        this.scoredAt = this.convertValues(source["scoredAt"], null);
	        this.history = this.convertValues(source["history"], MonthSegment);
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
	export class Tag {
	    name: string;
	    automation: boolean;
	    rule: string;
	    // Go type: time
	    at?: any;
	
	    static createFrom(source: any = {}) {
	        return new Tag(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.automation = source["automation"];
	        this.rule = source["rule"];
	        this.at = this.convertValues(source["at"], null);
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
	export class Page {
	    customer: domain.Customer;
	    // Go type: time
	    erasedAt?: any;
	    lifetime: Lifetime;
	    addresses: Address[];
	    consent: Consent[];
	    tags: Tag[];
	    notes: customersdb.Note[];
	    rfm?: Scores;
	    segments: string[];
	    timeline: TimelinePage;
	
	    static createFrom(source: any = {}) {
	        return new Page(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.customer = this.convertValues(source["customer"], domain.Customer);
	        this.erasedAt = this.convertValues(source["erasedAt"], null);
	        this.lifetime = this.convertValues(source["lifetime"], Lifetime);
	        this.addresses = this.convertValues(source["addresses"], Address);
	        this.consent = this.convertValues(source["consent"], Consent);
	        this.tags = this.convertValues(source["tags"], Tag);
	        this.notes = this.convertValues(source["notes"], customersdb.Note);
	        this.rfm = this.convertValues(source["rfm"], Scores);
	        this.segments = source["segments"];
	        this.timeline = this.convertValues(source["timeline"], TimelinePage);
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
	
	export class RFMResult {
	    month: string;
	    // Go type: time
	    at: any;
	    windowDays: number;
	    scored: number;
	    counts: {[key: string]: number};
	    backfilled?: string;
	    seconds: number;
	
	    static createFrom(source: any = {}) {
	        return new RFMResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.month = source["month"];
	        this.at = this.convertValues(source["at"], null);
	        this.windowDays = source["windowDays"];
	        this.scored = source["scored"];
	        this.counts = source["counts"];
	        this.backfilled = source["backfilled"];
	        this.seconds = source["seconds"];
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
	export class SampleMember {
	    id: number;
	    name: string;
	    email: string;
	
	    static createFrom(source: any = {}) {
	        return new SampleMember(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.email = source["email"];
	    }
	}
	
	export class SegmentCheck {
	    members: number;
	    customers: number;
	    warning: string;
	    sample: SampleMember[];
	    problem?: flow.ConditionError;
	
	    static createFrom(source: any = {}) {
	        return new SegmentCheck(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.members = source["members"];
	        this.customers = source["customers"];
	        this.warning = source["warning"];
	        this.sample = this.convertValues(source["sample"], SampleMember);
	        this.problem = this.convertValues(source["problem"], flow.ConditionError);
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

export namespace customersdb {
	
	export class FAQText {
	    lang: string;
	    keywords: string;
	    answer: string;
	
	    static createFrom(source: any = {}) {
	        return new FAQText(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.lang = source["lang"];
	        this.keywords = source["keywords"];
	        this.answer = source["answer"];
	    }
	}
	export class FAQ {
	    id: number;
	    topic: string;
	    enabled: boolean;
	    // Go type: time
	    updatedAt: any;
	    texts: FAQText[];
	
	    static createFrom(source: any = {}) {
	        return new FAQ(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.topic = source["topic"];
	        this.enabled = source["enabled"];
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
	        this.texts = this.convertValues(source["texts"], FAQText);
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
	
	export class Note {
	    id: number;
	    body: string;
	    // Go type: time
	    createdAt: any;
	
	    static createFrom(source: any = {}) {
	        return new Note(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.body = source["body"];
	        this.createdAt = this.convertValues(source["createdAt"], null);
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
	export class Attachment {
	    name: string;
	    contentType: string;
	    data: number[];
	
	    static createFrom(source: any = {}) {
	        return new Attachment(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.contentType = source["contentType"];
	        this.data = source["data"];
	    }
	}
	export class AttributionWeek {
	    week: string;
	    sent: number;
	    redeemed: number;
	    shared: number;
	    revenue: number;
	    cartsRecovered: number;
	
	    static createFrom(source: any = {}) {
	        return new AttributionWeek(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.week = source["week"];
	        this.sent = source["sent"];
	        this.redeemed = source["redeemed"];
	        this.shared = source["shared"];
	        this.revenue = source["revenue"];
	        this.cartsRecovered = source["cartsRecovered"];
	    }
	}
	export class AttributionStep {
	    step: number;
	    label: string;
	    sent: number;
	    redeemed: number;
	    shared: number;
	    revenue: Money[];
	    cartsRecovered: number;
	    cartRevenue: Money[];
	
	    static createFrom(source: any = {}) {
	        return new AttributionStep(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.step = source["step"];
	        this.label = source["label"];
	        this.sent = source["sent"];
	        this.redeemed = source["redeemed"];
	        this.shared = source["shared"];
	        this.revenue = this.convertValues(source["revenue"], Money);
	        this.cartsRecovered = source["cartsRecovered"];
	        this.cartRevenue = this.convertValues(source["cartRevenue"], Money);
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
	export class AttributionSource {
	    flowId: number;
	    campaignId: number;
	    name: string;
	    sent: number;
	    redeemed: number;
	    shared: number;
	    revenue: Money[];
	    cartsRecovered: number;
	    cartRevenue: Money[];
	    steps: AttributionStep[];
	
	    static createFrom(source: any = {}) {
	        return new AttributionSource(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.flowId = source["flowId"];
	        this.campaignId = source["campaignId"];
	        this.name = source["name"];
	        this.sent = source["sent"];
	        this.redeemed = source["redeemed"];
	        this.shared = source["shared"];
	        this.revenue = this.convertValues(source["revenue"], Money);
	        this.cartsRecovered = source["cartsRecovered"];
	        this.cartRevenue = this.convertValues(source["cartRevenue"], Money);
	        this.steps = this.convertValues(source["steps"], AttributionStep);
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
	export class AttributionTotals {
	    sent: number;
	    redeemed: number;
	    shared: number;
	    revenue: Money[];
	    cartsRecovered: number;
	    cartRevenue: Money[];
	
	    static createFrom(source: any = {}) {
	        return new AttributionTotals(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sent = source["sent"];
	        this.redeemed = source["redeemed"];
	        this.shared = source["shared"];
	        this.revenue = this.convertValues(source["revenue"], Money);
	        this.cartsRecovered = source["cartsRecovered"];
	        this.cartRevenue = this.convertValues(source["cartRevenue"], Money);
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
	export class Attribution {
	    currency: string;
	    recoveryDays: number;
	    totals: AttributionTotals;
	    sources: AttributionSource[];
	    weeks: AttributionWeek[];
	
	    static createFrom(source: any = {}) {
	        return new Attribution(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.currency = source["currency"];
	        this.recoveryDays = source["recoveryDays"];
	        this.totals = this.convertValues(source["totals"], AttributionTotals);
	        this.sources = this.convertValues(source["sources"], AttributionSource);
	        this.weeks = this.convertValues(source["weeks"], AttributionWeek);
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
	export class AttributionFilter {
	    flowId: number;
	    campaignId: number;
	    weeks: number;
	
	    static createFrom(source: any = {}) {
	        return new AttributionFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.flowId = source["flowId"];
	        this.campaignId = source["campaignId"];
	        this.weeks = source["weeks"];
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
	export class Cart {
	    id: number;
	    source: string;
	    externalId: string;
	    email: string;
	    customerId?: number;
	    currency: string;
	    total: number;
	    recoveryUrl: string;
	    // Go type: time
	    createdAt: any;
	    // Go type: time
	    updatedAt: any;
	    // Go type: time
	    recoveredAt?: any;
	    lines: LineItem[];
	
	    static createFrom(source: any = {}) {
	        return new Cart(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.source = source["source"];
	        this.externalId = source["externalId"];
	        this.email = source["email"];
	        this.customerId = source["customerId"];
	        this.currency = source["currency"];
	        this.total = source["total"];
	        this.recoveryUrl = source["recoveryUrl"];
	        this.createdAt = this.convertValues(source["createdAt"], null);
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
	        this.recoveredAt = this.convertValues(source["recoveredAt"], null);
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
	
	export class StoreWrites {
	    coupons: boolean;
	    stock: boolean;
	    tags: boolean;
	    holds: boolean;
	
	    static createFrom(source: any = {}) {
	        return new StoreWrites(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.coupons = source["coupons"];
	        this.stock = source["stock"];
	        this.tags = source["tags"];
	        this.holds = source["holds"];
	    }
	}
	export class ConnectedStore {
	    id: number;
	    name: string;
	    kind: string;
	    url: string;
	    auth: string;
	    clientId: string;
	    currency: string;
	    timeZone: string;
	    writes: StoreWrites;
	    // Go type: time
	    lastSync?: any;
	    // Go type: time
	    createdAt: any;
	
	    static createFrom(source: any = {}) {
	        return new ConnectedStore(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.kind = source["kind"];
	        this.url = source["url"];
	        this.auth = source["auth"];
	        this.clientId = source["clientId"];
	        this.currency = source["currency"];
	        this.timeZone = source["timeZone"];
	        this.writes = this.convertValues(source["writes"], StoreWrites);
	        this.lastSync = this.convertValues(source["lastSync"], null);
	        this.createdAt = this.convertValues(source["createdAt"], null);
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
	export class Counts {
	    created: number;
	    updated: number;
	    unchanged: number;
	    rejected: number;
	
	    static createFrom(source: any = {}) {
	        return new Counts(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.created = source["created"];
	        this.updated = source["updated"];
	        this.unchanged = source["unchanged"];
	        this.rejected = source["rejected"];
	    }
	}
	export class CouponFilter {
	    status: string;
	    flowId: number;
	    campaignId: number;
	    search: string;
	    limit: number;
	    offset: number;
	
	    static createFrom(source: any = {}) {
	        return new CouponFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.status = source["status"];
	        this.flowId = source["flowId"];
	        this.campaignId = source["campaignId"];
	        this.search = source["search"];
	        this.limit = source["limit"];
	        this.offset = source["offset"];
	    }
	}
	export class CouponPool {
	    active: boolean;
	    free: number;
	    used: number;
	    warnBelow: number;
	    low: boolean;
	
	    static createFrom(source: any = {}) {
	        return new CouponPool(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.active = source["active"];
	        this.free = source["free"];
	        this.used = source["used"];
	        this.warnBelow = source["warnBelow"];
	        this.low = source["low"];
	    }
	}
	export class CouponRow {
	    id: number;
	    code: string;
	    flowId: number;
	    flowName: string;
	    campaignId: number;
	    customerId: number;
	    customerName: string;
	    email: string;
	    value: string;
	    percentOff: number;
	    amountOff: number;
	    currency: string;
	    freeShipping: boolean;
	    // Go type: time
	    issuedAt: any;
	    // Go type: time
	    expiresAt?: any;
	    status: string;
	    orderId: number;
	    orderName: string;
	    // Go type: time
	    redeemedAt?: any;
	    shared: boolean;
	    pooled: boolean;
	
	    static createFrom(source: any = {}) {
	        return new CouponRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.code = source["code"];
	        this.flowId = source["flowId"];
	        this.flowName = source["flowName"];
	        this.campaignId = source["campaignId"];
	        this.customerId = source["customerId"];
	        this.customerName = source["customerName"];
	        this.email = source["email"];
	        this.value = source["value"];
	        this.percentOff = source["percentOff"];
	        this.amountOff = source["amountOff"];
	        this.currency = source["currency"];
	        this.freeShipping = source["freeShipping"];
	        this.issuedAt = this.convertValues(source["issuedAt"], null);
	        this.expiresAt = this.convertValues(source["expiresAt"], null);
	        this.status = source["status"];
	        this.orderId = source["orderId"];
	        this.orderName = source["orderName"];
	        this.redeemedAt = this.convertValues(source["redeemedAt"], null);
	        this.shared = source["shared"];
	        this.pooled = source["pooled"];
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
	export class CouponPage {
	    rows: CouponRow[];
	    total: number;
	    counts: {[key: string]: number};
	    pool: CouponPool;
	
	    static createFrom(source: any = {}) {
	        return new CouponPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = this.convertValues(source["rows"], CouponRow);
	        this.total = source["total"];
	        this.counts = source["counts"];
	        this.pool = this.convertValues(source["pool"], CouponPool);
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
	    acceptsSms: boolean;
	    // Go type: time
	    smsConsentAt?: any;
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
	        this.acceptsSms = source["acceptsSms"];
	        this.smsConsentAt = this.convertValues(source["smsConsentAt"], null);
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
	    skuGenerated: boolean;
	
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
	        this.skuGenerated = source["skuGenerated"];
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
	
	export class FieldProblem {
	    field: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new FieldProblem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.message = source["message"];
	    }
	}
	export class HeldOrder {
	    orderId: number;
	    orderName: string;
	    email: string;
	    customerId?: number;
	    total: number;
	    currency: string;
	    riskLevel: string;
	    // Go type: time
	    orderedAt: any;
	    // Go type: time
	    heldAt: any;
	    reason: string;
	    // Go type: time
	    releasedAt?: any;
	
	    static createFrom(source: any = {}) {
	        return new HeldOrder(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.orderId = source["orderId"];
	        this.orderName = source["orderName"];
	        this.email = source["email"];
	        this.customerId = source["customerId"];
	        this.total = source["total"];
	        this.currency = source["currency"];
	        this.riskLevel = source["riskLevel"];
	        this.orderedAt = this.convertValues(source["orderedAt"], null);
	        this.heldAt = this.convertValues(source["heldAt"], null);
	        this.reason = source["reason"];
	        this.releasedAt = this.convertValues(source["releasedAt"], null);
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
	export class ImportBatch {
	    id: number;
	    fileName: string;
	    fileHash: string;
	    fileSize: number;
	    preset: string;
	    kind: string;
	    status: string;
	    rows: number;
	    counts: Counts;
	    message: string;
	    // Go type: time
	    startedAt: any;
	    // Go type: time
	    finishedAt?: any;
	
	    static createFrom(source: any = {}) {
	        return new ImportBatch(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.fileName = source["fileName"];
	        this.fileHash = source["fileHash"];
	        this.fileSize = source["fileSize"];
	        this.preset = source["preset"];
	        this.kind = source["kind"];
	        this.status = source["status"];
	        this.rows = source["rows"];
	        this.counts = this.convertValues(source["counts"], Counts);
	        this.message = source["message"];
	        this.startedAt = this.convertValues(source["startedAt"], null);
	        this.finishedAt = this.convertValues(source["finishedAt"], null);
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
	export class InboxItem {
	    mailbox: string;
	    uid: number;
	    messageId: string;
	    kind: string;
	    from: string;
	    subject: string;
	    relatedId?: number;
	    customerId?: number;
	    detail: string;
	    // Go type: time
	    receivedAt: any;
	
	    static createFrom(source: any = {}) {
	        return new InboxItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.mailbox = source["mailbox"];
	        this.uid = source["uid"];
	        this.messageId = source["messageId"];
	        this.kind = source["kind"];
	        this.from = source["from"];
	        this.subject = source["subject"];
	        this.relatedId = source["relatedId"];
	        this.customerId = source["customerId"];
	        this.detail = source["detail"];
	        this.receivedAt = this.convertValues(source["receivedAt"], null);
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
	    held: boolean;
	
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
	        this.held = source["held"];
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
	
	export class OutboxMessage {
	    id: number;
	    messageId: string;
	    kind: string;
	    toAddr: string;
	    toName: string;
	    subject: string;
	    html: string;
	    text: string;
	    headers: {[key: string]: string};
	    attachments: Attachment[];
	    status: string;
	    attempts: number;
	    lastError: string;
	    // Go type: time
	    nextAttemptAt?: any;
	    customerId?: number;
	    ledgerKey: string;
	    // Go type: time
	    createdAt: any;
	    // Go type: time
	    sentAt?: any;
	    // Go type: time
	    sendingAt?: any;
	    serverReply: string;
	    deliveredTo: string;
	    filed: boolean;
	    template: string;
	    why: string;
	
	    static createFrom(source: any = {}) {
	        return new OutboxMessage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.messageId = source["messageId"];
	        this.kind = source["kind"];
	        this.toAddr = source["toAddr"];
	        this.toName = source["toName"];
	        this.subject = source["subject"];
	        this.html = source["html"];
	        this.text = source["text"];
	        this.headers = source["headers"];
	        this.attachments = this.convertValues(source["attachments"], Attachment);
	        this.status = source["status"];
	        this.attempts = source["attempts"];
	        this.lastError = source["lastError"];
	        this.nextAttemptAt = this.convertValues(source["nextAttemptAt"], null);
	        this.customerId = source["customerId"];
	        this.ledgerKey = source["ledgerKey"];
	        this.createdAt = this.convertValues(source["createdAt"], null);
	        this.sentAt = this.convertValues(source["sentAt"], null);
	        this.sendingAt = this.convertValues(source["sendingAt"], null);
	        this.serverReply = source["serverReply"];
	        this.deliveredTo = source["deliveredTo"];
	        this.filed = source["filed"];
	        this.template = source["template"];
	        this.why = source["why"];
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
	export class POReceipt {
	    sku: string;
	    quantity: number;
	    location: string;
	    // Go type: time
	    at: any;
	
	    static createFrom(source: any = {}) {
	        return new POReceipt(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sku = source["sku"];
	        this.quantity = source["quantity"];
	        this.location = source["location"];
	        this.at = this.convertValues(source["at"], null);
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
	export class PoolImport {
	    file: string;
	    added: number;
	    free: number;
	
	    static createFrom(source: any = {}) {
	        return new PoolImport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.file = source["file"];
	        this.added = source["added"];
	        this.free = source["free"];
	    }
	}
	export class Product {
	    id: number;
	    sku: string;
	    handle: string;
	    title: string;
	    variantTitle: string;
	    vendor: string;
	    type: string;
	    barcode: string;
	    price: Money;
	    cost: Money;
	    status: string;
	    supplierId?: number;
	    reorderPoint?: number;
	    tags: string[];
	    skuGenerated: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Product(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.sku = source["sku"];
	        this.handle = source["handle"];
	        this.title = source["title"];
	        this.variantTitle = source["variantTitle"];
	        this.vendor = source["vendor"];
	        this.type = source["type"];
	        this.barcode = source["barcode"];
	        this.price = this.convertValues(source["price"], Money);
	        this.cost = this.convertValues(source["cost"], Money);
	        this.status = source["status"];
	        this.supplierId = source["supplierId"];
	        this.reorderPoint = source["reorderPoint"];
	        this.tags = source["tags"];
	        this.skuGenerated = source["skuGenerated"];
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
	    // Go type: time
	    closedAt?: any;
	    lines: PurchaseOrderLine[];
	    receipts: POReceipt[];
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
	        this.closedAt = this.convertValues(source["closedAt"], null);
	        this.lines = this.convertValues(source["lines"], PurchaseOrderLine);
	        this.receipts = this.convertValues(source["receipts"], POReceipt);
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
	export class Reject {
	    file: string;
	    row: number;
	    column: string;
	    value: string;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new Reject(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.file = source["file"];
	        this.row = source["row"];
	        this.column = source["column"];
	        this.value = source["value"];
	        this.reason = source["reason"];
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
	
	export class ShipmentCounts {
	    byStatus: {[key: string]: number};
	    stuck: number;
	    unmatched: number;
	
	    static createFrom(source: any = {}) {
	        return new ShipmentCounts(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.byStatus = source["byStatus"];
	        this.stuck = source["stuck"];
	        this.unmatched = source["unmatched"];
	    }
	}
	export class ShipmentEvent {
	    // Go type: time
	    at: any;
	    status: string;
	    text: string;
	    location: string;
	    source: string;
	
	    static createFrom(source: any = {}) {
	        return new ShipmentEvent(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.at = this.convertValues(source["at"], null);
	        this.status = source["status"];
	        this.text = source["text"];
	        this.location = source["location"];
	        this.source = source["source"];
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
	export class ShipmentFilter {
	    status: string;
	    stuck: boolean;
	    stuckDays: number;
	    problems: boolean;
	    inTransitOver: number;
	    search: string;
	    limit: number;
	    offset: number;
	
	    static createFrom(source: any = {}) {
	        return new ShipmentFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.status = source["status"];
	        this.stuck = source["stuck"];
	        this.stuckDays = source["stuckDays"];
	        this.problems = source["problems"];
	        this.inTransitOver = source["inTransitOver"];
	        this.search = source["search"];
	        this.limit = source["limit"];
	        this.offset = source["offset"];
	    }
	}
	export class ShipmentRow {
	    id: number;
	    orderId: number;
	    orderName: string;
	    customerId: number;
	    customerName: string;
	    email: string;
	    carrier: string;
	    carrierId: string;
	    trackingNumber: string;
	    trackingUrl: string;
	    status: string;
	    // Go type: time
	    shippedAt: any;
	    // Go type: time
	    deliveredAt?: any;
	    // Go type: time
	    statusAt?: any;
	    lastEvent: string;
	    // Go type: time
	    lastEventAt?: any;
	    daysInTransit: number;
	    stuck: boolean;
	    checkError: string;
	
	    static createFrom(source: any = {}) {
	        return new ShipmentRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.orderId = source["orderId"];
	        this.orderName = source["orderName"];
	        this.customerId = source["customerId"];
	        this.customerName = source["customerName"];
	        this.email = source["email"];
	        this.carrier = source["carrier"];
	        this.carrierId = source["carrierId"];
	        this.trackingNumber = source["trackingNumber"];
	        this.trackingUrl = source["trackingUrl"];
	        this.status = source["status"];
	        this.shippedAt = this.convertValues(source["shippedAt"], null);
	        this.deliveredAt = this.convertValues(source["deliveredAt"], null);
	        this.statusAt = this.convertValues(source["statusAt"], null);
	        this.lastEvent = source["lastEvent"];
	        this.lastEventAt = this.convertValues(source["lastEventAt"], null);
	        this.daysInTransit = source["daysInTransit"];
	        this.stuck = source["stuck"];
	        this.checkError = source["checkError"];
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
	export class ShipmentPage {
	    rows: ShipmentRow[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new ShipmentPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = this.convertValues(source["rows"], ShipmentRow);
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
	
	export class ShopIdentity {
	    name: string;
	    legalName: string;
	    address: string;
	    deliveryAddress: string;
	    email: string;
	    phone: string;
	    website: string;
	    currency: string;
	    timeZone: string;
	    language: string;
	    vatNumber: string;
	    logo: string;
	
	    static createFrom(source: any = {}) {
	        return new ShopIdentity(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.legalName = source["legalName"];
	        this.address = source["address"];
	        this.deliveryAddress = source["deliveryAddress"];
	        this.email = source["email"];
	        this.phone = source["phone"];
	        this.website = source["website"];
	        this.currency = source["currency"];
	        this.timeZone = source["timeZone"];
	        this.language = source["language"];
	        this.vatNumber = source["vatNumber"];
	        this.logo = source["logo"];
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
	
	export class StoreUnwritable {
	    coupons: string;
	    stock: string;
	    tags: string;
	    holds: string;
	
	    static createFrom(source: any = {}) {
	        return new StoreUnwritable(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.coupons = source["coupons"];
	        this.stock = source["stock"];
	        this.tags = source["tags"];
	        this.holds = source["holds"];
	    }
	}
	export class StoreWrite {
	    id: number;
	    storeId: number;
	    storeName: string;
	    kind: string;
	    subject: string;
	    status: string;
	    tries: number;
	    lastError: string;
	    note: string;
	    remoteId: string;
	    // Go type: time
	    nextAt: any;
	    // Go type: time
	    createdAt: any;
	    // Go type: time
	    doneAt?: any;
	
	    static createFrom(source: any = {}) {
	        return new StoreWrite(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.storeId = source["storeId"];
	        this.storeName = source["storeName"];
	        this.kind = source["kind"];
	        this.subject = source["subject"];
	        this.status = source["status"];
	        this.tries = source["tries"];
	        this.lastError = source["lastError"];
	        this.note = source["note"];
	        this.remoteId = source["remoteId"];
	        this.nextAt = this.convertValues(source["nextAt"], null);
	        this.createdAt = this.convertValues(source["createdAt"], null);
	        this.doneAt = this.convertValues(source["doneAt"], null);
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
	export class Suppression {
	    email: string;
	    reason: string;
	    detail: string;
	    // Go type: time
	    at: any;
	
	    static createFrom(source: any = {}) {
	        return new Suppression(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.email = source["email"];
	        this.reason = source["reason"];
	        this.detail = source["detail"];
	        this.at = this.convertValues(source["at"], null);
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
	export class SyncRun {
	    id: number;
	    storeId: number;
	    storeName: string;
	    full: boolean;
	    status: string;
	    counts: Counts;
	    deleted: number;
	    message: string;
	    // Go type: time
	    startedAt: any;
	    // Go type: time
	    finishedAt?: any;
	
	    static createFrom(source: any = {}) {
	        return new SyncRun(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.storeId = source["storeId"];
	        this.storeName = source["storeName"];
	        this.full = source["full"];
	        this.status = source["status"];
	        this.counts = this.convertValues(source["counts"], Counts);
	        this.deleted = source["deleted"];
	        this.message = source["message"];
	        this.startedAt = this.convertValues(source["startedAt"], null);
	        this.finishedAt = this.convertValues(source["finishedAt"], null);
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
	export class Task {
	    id: number;
	    kind: string;
	    state: string;
	    title: string;
	    detail: string;
	    customerId?: number;
	    email: string;
	    orderId?: number;
	    orderName: string;
	    orderHeld: boolean;
	    // Go type: time
	    createdAt: any;
	    // Go type: time
	    dueAt?: any;
	    // Go type: time
	    doneAt?: any;
	    // Go type: time
	    snoozedUntil?: any;
	
	    static createFrom(source: any = {}) {
	        return new Task(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.state = source["state"];
	        this.title = source["title"];
	        this.detail = source["detail"];
	        this.customerId = source["customerId"];
	        this.email = source["email"];
	        this.orderId = source["orderId"];
	        this.orderName = source["orderName"];
	        this.orderHeld = source["orderHeld"];
	        this.createdAt = this.convertValues(source["createdAt"], null);
	        this.dueAt = this.convertValues(source["dueAt"], null);
	        this.doneAt = this.convertValues(source["doneAt"], null);
	        this.snoozedUntil = this.convertValues(source["snoozedUntil"], null);
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
	export class TaskCounts {
	    open: number;
	    snoozed: number;
	    done: number;
	    held: number;
	
	    static createFrom(source: any = {}) {
	        return new TaskCounts(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.open = source["open"];
	        this.snoozed = source["snoozed"];
	        this.done = source["done"];
	        this.held = source["held"];
	    }
	}
	export class TaskFilter {
	    state: string;
	    kind: string;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new TaskFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.state = source["state"];
	        this.kind = source["kind"];
	        this.limit = source["limit"];
	    }
	}
	export class TrackingRow {
	    orderRef: string;
	    number: string;
	    carrier: string;
	    carrierId: string;
	    url: string;
	    // Go type: time
	    shippedAt?: any;
	    file: string;
	    row: number;
	
	    static createFrom(source: any = {}) {
	        return new TrackingRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.orderRef = source["orderRef"];
	        this.number = source["number"];
	        this.carrier = source["carrier"];
	        this.carrierId = source["carrierId"];
	        this.url = source["url"];
	        this.shippedAt = this.convertValues(source["shippedAt"], null);
	        this.file = source["file"];
	        this.row = source["row"];
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
	export class UnmatchedTracking {
	    id: number;
	    orderRef: string;
	    trackingNumber: string;
	    carrier: string;
	    trackingUrl: string;
	    // Go type: time
	    shippedAt?: any;
	    file: string;
	    row: number;
	    // Go type: time
	    at: any;
	
	    static createFrom(source: any = {}) {
	        return new UnmatchedTracking(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.orderRef = source["orderRef"];
	        this.trackingNumber = source["trackingNumber"];
	        this.carrier = source["carrier"];
	        this.trackingUrl = source["trackingUrl"];
	        this.shippedAt = this.convertValues(source["shippedAt"], null);
	        this.file = source["file"];
	        this.row = source["row"];
	        this.at = this.convertValues(source["at"], null);
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

export namespace email {
	
	export class Block {
	    kind: string;
	    text?: string;
	    url?: string;
	    lines?: string;
	    column?: string;
	    if?: string;
	    logo?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Block(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.text = source["text"];
	        this.url = source["url"];
	        this.lines = source["lines"];
	        this.column = source["column"];
	        this.if = source["if"];
	        this.logo = source["logo"];
	    }
	}
	export class Rendered {
	    template: string;
	    subject: string;
	    html: string;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new Rendered(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.template = source["template"];
	        this.subject = source["subject"];
	        this.html = source["html"];
	        this.text = source["text"];
	    }
	}
	export class Variable {
	    path: string;
	    group: string;
	    label: string;
	    insert: string;
	
	    static createFrom(source: any = {}) {
	        return new Variable(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.group = source["group"];
	        this.label = source["label"];
	        this.insert = source["insert"];
	    }
	}

}

export namespace flow {
	
	export class Step {
	    action: string;
	    if?: string;
	    hours?: number;
	    days?: number;
	    template?: string;
	    subject?: string;
	    body?: string;
	    vars?: {[key: string]: string};
	    moneyVars?: string[];
	    tag?: string;
	    percentOff?: number;
	    amountOff?: number;
	    freeShipping?: boolean;
	    validDays?: number;
	    codePattern?: string;
	    title?: string;
	    detail?: string;
	    scope?: string;
	    split?: string;
	    when?: string;
	    percent?: number;
	    branches?: Branch[];
	    id?: number;
	
	    static createFrom(source: any = {}) {
	        return new Step(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.action = source["action"];
	        this.if = source["if"];
	        this.hours = source["hours"];
	        this.days = source["days"];
	        this.template = source["template"];
	        this.subject = source["subject"];
	        this.body = source["body"];
	        this.vars = source["vars"];
	        this.moneyVars = source["moneyVars"];
	        this.tag = source["tag"];
	        this.percentOff = source["percentOff"];
	        this.amountOff = source["amountOff"];
	        this.freeShipping = source["freeShipping"];
	        this.validDays = source["validDays"];
	        this.codePattern = source["codePattern"];
	        this.title = source["title"];
	        this.detail = source["detail"];
	        this.scope = source["scope"];
	        this.split = source["split"];
	        this.when = source["when"];
	        this.percent = source["percent"];
	        this.branches = this.convertValues(source["branches"], Branch);
	        this.id = source["id"];
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
	export class Branch {
	    steps: Step[];
	
	    static createFrom(source: any = {}) {
	        return new Branch(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.steps = this.convertValues(source["steps"], Step);
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
	export class ConditionError {
	    line: number;
	    column: number;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new ConditionError(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.line = source["line"];
	        this.column = source["column"];
	        this.message = source["message"];
	    }
	}
	export class Policy {
	    reentry: string;
	    cooldownDays?: number;
	    catchUp: string;
	    maxLateHours: number;
	    marketing: boolean;
	    exitOn?: string[];
	
	    static createFrom(source: any = {}) {
	        return new Policy(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.reentry = source["reentry"];
	        this.cooldownDays = source["cooldownDays"];
	        this.catchUp = source["catchUp"];
	        this.maxLateHours = source["maxLateHours"];
	        this.marketing = source["marketing"];
	        this.exitOn = source["exitOn"];
	    }
	}
	export class TriggerSpec {
	    type: string;
	    hours?: number;
	    days?: number;
	    leadDays?: number;
	    after?: string;
	    status?: string;
	    tag?: string;
	    threshold?: number;
	    count?: number;
	
	    static createFrom(source: any = {}) {
	        return new TriggerSpec(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.type = source["type"];
	        this.hours = source["hours"];
	        this.days = source["days"];
	        this.leadDays = source["leadDays"];
	        this.after = source["after"];
	        this.status = source["status"];
	        this.tag = source["tag"];
	        this.threshold = source["threshold"];
	        this.count = source["count"];
	    }
	}
	export class Definition {
	    trigger: TriggerSpec;
	    condition?: string;
	    steps: Step[];
	    policy: Policy;
	    nextId?: number;
	
	    static createFrom(source: any = {}) {
	        return new Definition(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.trigger = this.convertValues(source["trigger"], TriggerSpec);
	        this.condition = source["condition"];
	        this.steps = this.convertValues(source["steps"], Step);
	        this.policy = this.convertValues(source["policy"], Policy);
	        this.nextId = source["nextId"];
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
	export class FlowTemplate {
	    key: string;
	    name: string;
	    description: string;
	    definition: Definition;
	
	    static createFrom(source: any = {}) {
	        return new FlowTemplate(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.name = source["name"];
	        this.description = source["description"];
	        this.definition = this.convertValues(source["definition"], Definition);
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
	
	export class Problem {
	    field: string;
	    step: number;
	    line: number;
	    column: number;
	    message: string;
	    where?: string;
	
	    static createFrom(source: any = {}) {
	        return new Problem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.step = source["step"];
	        this.line = source["line"];
	        this.column = source["column"];
	        this.message = source["message"];
	        this.where = source["where"];
	    }
	}
	export class SchemaField {
	    expr: string;
	    type: string;
	
	    static createFrom(source: any = {}) {
	        return new SchemaField(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.expr = source["expr"];
	        this.type = source["type"];
	    }
	}
	export class Schema {
	    triggers: string[];
	    actions: string[];
	    exits: string[];
	    after: string[];
	    stopScopes: string[];
	    fields: SchemaField[];
	    splits: string[];
	
	    static createFrom(source: any = {}) {
	        return new Schema(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.triggers = source["triggers"];
	        this.actions = source["actions"];
	        this.exits = source["exits"];
	        this.after = source["after"];
	        this.stopScopes = source["stopScopes"];
	        this.fields = this.convertValues(source["fields"], SchemaField);
	        this.splits = source["splits"];
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

export namespace importer {
	
	export class DateQuestion {
	    column: string;
	    samples: string[];
	    default: string;
	
	    static createFrom(source: any = {}) {
	        return new DateQuestion(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.column = source["column"];
	        this.samples = source["samples"];
	        this.default = source["default"];
	    }
	}
	export class Issue {
	    file: string;
	    row: number;
	    column: string;
	    value: string;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new Issue(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.file = source["file"];
	        this.row = source["row"];
	        this.column = source["column"];
	        this.value = source["value"];
	        this.reason = source["reason"];
	    }
	}
	export class Record {
	    row: number;
	    order?: domain.Order;
	    cart?: domain.Cart;
	    customer?: domain.Customer;
	    product?: domain.Product;
	    stock?: domain.StockLevel;
	    tracking?: domain.TrackingRow;
	    discountCodes?: string[];
	
	    static createFrom(source: any = {}) {
	        return new Record(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.row = source["row"];
	        this.order = this.convertValues(source["order"], domain.Order);
	        this.cart = this.convertValues(source["cart"], domain.Cart);
	        this.customer = this.convertValues(source["customer"], domain.Customer);
	        this.product = this.convertValues(source["product"], domain.Product);
	        this.stock = this.convertValues(source["stock"], domain.StockLevel);
	        this.tracking = this.convertValues(source["tracking"], domain.TrackingRow);
	        this.discountCodes = source["discountCodes"];
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
	export class FileInfo {
	    name: string;
	    size: number;
	    format: string;
	    encoding: string;
	    delimiter: string;
	    sheets: string[];
	    sheet: string;
	    preset: string;
	    source: string;
	    kind: string;
	    label: string;
	    columns: string[];
	    preview: Record[];
	    questions: DateQuestion[];
	    headerHash: string;
	    mapping: {[key: string]: string};
	    mappingRemembered: boolean;
	    fields: {[key: string]: FieldInfo[]};
	    issues: Issue[];
	
	    static createFrom(source: any = {}) {
	        return new FileInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.size = source["size"];
	        this.format = source["format"];
	        this.encoding = source["encoding"];
	        this.delimiter = source["delimiter"];
	        this.sheets = source["sheets"];
	        this.sheet = source["sheet"];
	        this.preset = source["preset"];
	        this.source = source["source"];
	        this.kind = source["kind"];
	        this.label = source["label"];
	        this.columns = source["columns"];
	        this.preview = this.convertValues(source["preview"], Record);
	        this.questions = this.convertValues(source["questions"], DateQuestion);
	        this.headerHash = source["headerHash"];
	        this.mapping = source["mapping"];
	        this.mappingRemembered = source["mappingRemembered"];
	        this.fields = source["fields"];
	        this.issues = this.convertValues(source["issues"], Issue);
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
	export class Options {
	    preset: string;
	    sheet: string;
	    kind: string;
	    mapping: {[key: string]: string};
	    dateOrders: {[key: string]: string};
	    defaultDateOrder: string;
	    currency: string;
	
	    static createFrom(source: any = {}) {
	        return new Options(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.preset = source["preset"];
	        this.sheet = source["sheet"];
	        this.kind = source["kind"];
	        this.mapping = source["mapping"];
	        this.dateOrders = source["dateOrders"];
	        this.defaultDateOrder = source["defaultDateOrder"];
	        this.currency = source["currency"];
	    }
	}
	export class FileSpec {
	    path: string;
	    name: string;
	    options: Options;
	
	    static createFrom(source: any = {}) {
	        return new FileSpec(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.name = source["name"];
	        this.options = this.convertValues(source["options"], Options);
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

export namespace inbox {
	
	export class ReplyTemplatePart {
	    key: string;
	    label: string;
	    uses: string[];
	    text: string;
	    default: string;
	    edited: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ReplyTemplatePart(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.label = source["label"];
	        this.uses = source["uses"];
	        this.text = source["text"];
	        this.default = source["default"];
	        this.edited = source["edited"];
	    }
	}
	export class ReplyTemplate {
	    lang: string;
	    name: string;
	    edited: boolean;
	    parts: ReplyTemplatePart[];
	
	    static createFrom(source: any = {}) {
	        return new ReplyTemplate(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.lang = source["lang"];
	        this.name = source["name"];
	        this.edited = source["edited"];
	        this.parts = this.convertValues(source["parts"], ReplyTemplatePart);
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
	export class DigestItem {
	    sku: string;
	    skuGenerated: boolean;
	    title: string;
	    available: number;
	    incoming: number;
	    reorderPoint: number;
	    daysOfCover: number;
	    daysToDelivery: number;
	    suggest: number;
	    supplierName: string;
	    why: string;
	
	    static createFrom(source: any = {}) {
	        return new DigestItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sku = source["sku"];
	        this.skuGenerated = source["skuGenerated"];
	        this.title = source["title"];
	        this.available = source["available"];
	        this.incoming = source["incoming"];
	        this.reorderPoint = source["reorderPoint"];
	        this.daysOfCover = source["daysOfCover"];
	        this.daysToDelivery = source["daysToDelivery"];
	        this.suggest = source["suggest"];
	        this.supplierName = source["supplierName"];
	        this.why = source["why"];
	    }
	}
	export class Digest {
	    day: string;
	    // Go type: time
	    generatedAt: any;
	    atRisk: DigestItem[];
	    low: DigestItem[];
	    to: string;
	    subject: string;
	    text: string;
	    dryRun: boolean;
	    queued: boolean;
	    alreadySent: boolean;
	    messageId: string;
	    outboxId: number;
	    skipped: string;
	    sendable: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Digest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.day = source["day"];
	        this.generatedAt = this.convertValues(source["generatedAt"], null);
	        this.atRisk = this.convertValues(source["atRisk"], DigestItem);
	        this.low = this.convertValues(source["low"], DigestItem);
	        this.to = source["to"];
	        this.subject = source["subject"];
	        this.text = source["text"];
	        this.dryRun = source["dryRun"];
	        this.queued = source["queued"];
	        this.alreadySent = source["alreadySent"];
	        this.messageId = source["messageId"];
	        this.outboxId = source["outboxId"];
	        this.skipped = source["skipped"];
	        this.sendable = source["sendable"];
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
	    po: domain.PurchaseOrder;
	    flags: Flag[];
	    dryRun: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Draft(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.po = this.convertValues(source["po"], domain.PurchaseOrder);
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
	    skuGenerated: boolean;
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
	    notStocked: boolean;
	    suggest: number;
	    flags: Flag[];
	
	    static createFrom(source: any = {}) {
	        return new SKUPlan(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sku = source["sku"];
	        this.skuGenerated = source["skuGenerated"];
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
	        this.notStocked = source["notStocked"];
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

export namespace mail {
	
	export class Account {
	    provider: string;
	    fromName: string;
	    fromAddress: string;
	    replyTo: string;
	    username: string;
	    auth: string;
	    smtpHost: string;
	    smtpPort: number;
	    smtpSecurity: string;
	    imapHost: string;
	    imapPort: number;
	    imapSecurity: string;
	    allowPlaintext: boolean;
	    caFile: string;
	    perMinute: number;
	    perDay: number;
	    providerFilesSent: boolean;
	    sentFolder: string;
	    confirmCopy: boolean;
	    testMode: boolean;
	    testAddress: string;
	    unsubscribeUrl: string;
	    oauthClientId: string;
	
	    static createFrom(source: any = {}) {
	        return new Account(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.provider = source["provider"];
	        this.fromName = source["fromName"];
	        this.fromAddress = source["fromAddress"];
	        this.replyTo = source["replyTo"];
	        this.username = source["username"];
	        this.auth = source["auth"];
	        this.smtpHost = source["smtpHost"];
	        this.smtpPort = source["smtpPort"];
	        this.smtpSecurity = source["smtpSecurity"];
	        this.imapHost = source["imapHost"];
	        this.imapPort = source["imapPort"];
	        this.imapSecurity = source["imapSecurity"];
	        this.allowPlaintext = source["allowPlaintext"];
	        this.caFile = source["caFile"];
	        this.perMinute = source["perMinute"];
	        this.perDay = source["perDay"];
	        this.providerFilesSent = source["providerFilesSent"];
	        this.sentFolder = source["sentFolder"];
	        this.confirmCopy = source["confirmCopy"];
	        this.testMode = source["testMode"];
	        this.testAddress = source["testAddress"];
	        this.unsubscribeUrl = source["unsubscribeUrl"];
	        this.oauthClientId = source["oauthClientId"];
	    }
	}
	export class DayCount {
	    sentToday: number;
	    perDay: number;
	    perMinute: number;
	    // Go type: time
	    pausedUntil?: any;
	    pauseReason: string;
	    testMode: boolean;
	    testAddress: string;
	
	    static createFrom(source: any = {}) {
	        return new DayCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sentToday = source["sentToday"];
	        this.perDay = source["perDay"];
	        this.perMinute = source["perMinute"];
	        this.pausedUntil = this.convertValues(source["pausedUntil"], null);
	        this.pauseReason = source["pauseReason"];
	        this.testMode = source["testMode"];
	        this.testAddress = source["testAddress"];
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
	export class EditableTemplate {
	    name: string;
	    subject: string;
	    html: string;
	    text: string;
	    customised: boolean;
	    // Go type: time
	    updatedAt?: any;
	    blocks: email.Block[];
	    blocksExact: boolean;
	
	    static createFrom(source: any = {}) {
	        return new EditableTemplate(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.subject = source["subject"];
	        this.html = source["html"];
	        this.text = source["text"];
	        this.customised = source["customised"];
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
	        this.blocks = this.convertValues(source["blocks"], email.Block);
	        this.blocksExact = source["blocksExact"];
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
	export class Preset {
	    id: string;
	    name: string;
	    smtpHost: string;
	    smtpPort: number;
	    smtpSecurity: string;
	    imapHost: string;
	    imapPort: number;
	    imapSecurity: string;
	    perMinute: number;
	    perDay: number;
	    providerFilesSent: boolean;
	    oauth: boolean;
	    passwordHint: string;
	
	    static createFrom(source: any = {}) {
	        return new Preset(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.smtpHost = source["smtpHost"];
	        this.smtpPort = source["smtpPort"];
	        this.smtpSecurity = source["smtpSecurity"];
	        this.imapHost = source["imapHost"];
	        this.imapPort = source["imapPort"];
	        this.imapSecurity = source["imapSecurity"];
	        this.perMinute = source["perMinute"];
	        this.perDay = source["perDay"];
	        this.providerFilesSent = source["providerFilesSent"];
	        this.oauth = source["oauth"];
	        this.passwordHint = source["passwordHint"];
	    }
	}
	export class TemplateVariables {
	    name: string;
	    kind: string;
	    variables: email.Variable[];
	
	    static createFrom(source: any = {}) {
	        return new TemplateVariables(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.kind = source["kind"];
	        this.variables = this.convertValues(source["variables"], email.Variable);
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

export namespace rules {
	
	export class TaskPreview {
	    title: string;
	    detail: string;
	
	    static createFrom(source: any = {}) {
	        return new TaskPreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.title = source["title"];
	        this.detail = source["detail"];
	    }
	}
	export class CouponPreview {
	    code: string;
	    description: string;
	    percentOff: number;
	    amountOff: number;
	    currency: string;
	    freeShipping: boolean;
	    // Go type: time
	    expiresAt?: any;
	
	    static createFrom(source: any = {}) {
	        return new CouponPreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.description = source["description"];
	        this.percentOff = source["percentOff"];
	        this.amountOff = source["amountOff"];
	        this.currency = source["currency"];
	        this.freeShipping = source["freeShipping"];
	        this.expiresAt = this.convertValues(source["expiresAt"], null);
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
	export class POLinePreview {
	    supplierId: number;
	    supplier: string;
	    sku: string;
	    supplierSku: string;
	    title: string;
	    quantity: number;
	    unitCost: number;
	    currency: string;
	    available: number;
	    reorderPoint: number;
	
	    static createFrom(source: any = {}) {
	        return new POLinePreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.supplierId = source["supplierId"];
	        this.supplier = source["supplier"];
	        this.sku = source["sku"];
	        this.supplierSku = source["supplierSku"];
	        this.title = source["title"];
	        this.quantity = source["quantity"];
	        this.unitCost = source["unitCost"];
	        this.currency = source["currency"];
	        this.available = source["available"];
	        this.reorderPoint = source["reorderPoint"];
	    }
	}
	export class EmailPreview {
	    to: string;
	    toName: string;
	    kind: string;
	    template: string;
	    subject: string;
	    html: string;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new EmailPreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.to = source["to"];
	        this.toName = source["toName"];
	        this.kind = source["kind"];
	        this.template = source["template"];
	        this.subject = source["subject"];
	        this.html = source["html"];
	        this.text = source["text"];
	    }
	}
	export class Item {
	    key: string;
	    flowId: number;
	    step: number;
	    action: string;
	    subject: string;
	    occurrence: string;
	    // Go type: time
	    dueAt: any;
	    summary: string;
	    late: boolean;
	    path?: string;
	    where?: string;
	    problem?: string;
	    email?: EmailPreview;
	    purchaseLine?: POLinePreview;
	    tag?: string;
	    coupon?: CouponPreview;
	    task?: TaskPreview;
	
	    static createFrom(source: any = {}) {
	        return new Item(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.flowId = source["flowId"];
	        this.step = source["step"];
	        this.action = source["action"];
	        this.subject = source["subject"];
	        this.occurrence = source["occurrence"];
	        this.dueAt = this.convertValues(source["dueAt"], null);
	        this.summary = source["summary"];
	        this.late = source["late"];
	        this.path = source["path"];
	        this.where = source["where"];
	        this.problem = source["problem"];
	        this.email = this.convertValues(source["email"], EmailPreview);
	        this.purchaseLine = this.convertValues(source["purchaseLine"], POLinePreview);
	        this.tag = source["tag"];
	        this.coupon = this.convertValues(source["coupon"], CouponPreview);
	        this.task = this.convertValues(source["task"], TaskPreview);
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
	export class Backtest {
	    flowId: number;
	    // Go type: time
	    from: any;
	    // Go type: time
	    to: any;
	    items: number;
	    byKind: {[key: string]: number};
	    skipped: {[key: string]: number};
	    sample: Item[];
	
	    static createFrom(source: any = {}) {
	        return new Backtest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.flowId = source["flowId"];
	        this.from = this.convertValues(source["from"], null);
	        this.to = this.convertValues(source["to"], null);
	        this.items = source["items"];
	        this.byKind = source["byKind"];
	        this.skipped = source["skipped"];
	        this.sample = this.convertValues(source["sample"], Item);
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
	export class BranchChoice {
	    subject: string;
	    email: string;
	    occurrence: string;
	    step: number;
	    where: string;
	    side: string;
	    label: string;
	    path: string;
	    why: string;
	    kept: boolean;
	
	    static createFrom(source: any = {}) {
	        return new BranchChoice(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.subject = source["subject"];
	        this.email = source["email"];
	        this.occurrence = source["occurrence"];
	        this.step = source["step"];
	        this.where = source["where"];
	        this.side = source["side"];
	        this.label = source["label"];
	        this.path = source["path"];
	        this.why = source["why"];
	        this.kept = source["kept"];
	    }
	}
	
	
	export class Flow {
	    id: number;
	    name: string;
	    template: string;
	    description: string;
	    enabled: boolean;
	    definition: flow.Definition;
	    // Go type: time
	    updatedAt: any;
	    // Go type: time
	    lastRunAt?: any;
	    // Go type: time
	    enabledAt?: any;
	
	    static createFrom(source: any = {}) {
	        return new Flow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.template = source["template"];
	        this.description = source["description"];
	        this.enabled = source["enabled"];
	        this.definition = this.convertValues(source["definition"], flow.Definition);
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
	        this.lastRunAt = this.convertValues(source["lastRunAt"], null);
	        this.enabledAt = this.convertValues(source["enabledAt"], null);
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
	export class POPreview {
	    supplierId: number;
	    supplier: string;
	    currency: string;
	    lines: POLinePreview[];
	    total: number;
	    keys: string[];
	
	    static createFrom(source: any = {}) {
	        return new POPreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.supplierId = source["supplierId"];
	        this.supplier = source["supplier"];
	        this.currency = source["currency"];
	        this.lines = this.convertValues(source["lines"], POLinePreview);
	        this.total = source["total"];
	        this.keys = source["keys"];
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
	export class FlowPlan {
	    flowId: number;
	    name: string;
	    template: string;
	    items: Item[];
	    purchaseOrders: POPreview[];
	    recipients: number;
	    needsConfirm: boolean;
	    deferred: number;
	    skipped: {[key: string]: number};
	    error?: string;
	    branches?: BranchChoice[];
	
	    static createFrom(source: any = {}) {
	        return new FlowPlan(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.flowId = source["flowId"];
	        this.name = source["name"];
	        this.template = source["template"];
	        this.items = this.convertValues(source["items"], Item);
	        this.purchaseOrders = this.convertValues(source["purchaseOrders"], POPreview);
	        this.recipients = source["recipients"];
	        this.needsConfirm = source["needsConfirm"];
	        this.deferred = source["deferred"];
	        this.skipped = source["skipped"];
	        this.error = source["error"];
	        this.branches = this.convertValues(source["branches"], BranchChoice);
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
	export class SideStats {
	    step: number;
	    side: string;
	    people: number;
	
	    static createFrom(source: any = {}) {
	        return new SideStats(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.step = source["step"];
	        this.side = source["side"];
	        this.people = source["people"];
	    }
	}
	export class StepStats {
	    step: number;
	    path: string;
	    sent: number;
	    waiting: number;
	    done: number;
	
	    static createFrom(source: any = {}) {
	        return new StepStats(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.step = source["step"];
	        this.path = source["path"];
	        this.sent = source["sent"];
	        this.waiting = source["waiting"];
	        this.done = source["done"];
	    }
	}
	export class FlowStats {
	    flowId: number;
	    steps: StepStats[];
	    sides: SideStats[];
	
	    static createFrom(source: any = {}) {
	        return new FlowStats(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.flowId = source["flowId"];
	        this.steps = this.convertValues(source["steps"], StepStats);
	        this.sides = this.convertValues(source["sides"], SideStats);
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
	
	
	
	export class Preview {
	    // Go type: time
	    at: any;
	    flows: FlowPlan[];
	    items: number;
	    deferred: number;
	    late: number;
	
	    static createFrom(source: any = {}) {
	        return new Preview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.at = this.convertValues(source["at"], null);
	        this.flows = this.convertValues(source["flows"], FlowPlan);
	        this.items = source["items"];
	        this.deferred = source["deferred"];
	        this.late = source["late"];
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
	export class RunFailure {
	    key: string;
	    summary: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new RunFailure(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.summary = source["summary"];
	        this.message = source["message"];
	    }
	}
	export class RunResult {
	    runId: number;
	    // Go type: time
	    at: any;
	    dryRun: boolean;
	    done: number;
	    alreadyDone: number;
	    notApproved: number;
	    waiting: number;
	    failed: RunFailure[];
	    byFlow: {[key: string]: number};
	    byAction: {[key: string]: number};
	    cancelled: boolean;
	
	    static createFrom(source: any = {}) {
	        return new RunResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.runId = source["runId"];
	        this.at = this.convertValues(source["at"], null);
	        this.dryRun = source["dryRun"];
	        this.done = source["done"];
	        this.alreadyDone = source["alreadyDone"];
	        this.notApproved = source["notApproved"];
	        this.waiting = source["waiting"];
	        this.failed = this.convertValues(source["failed"], RunFailure);
	        this.byFlow = source["byFlow"];
	        this.byAction = source["byAction"];
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
	export class RunRecord {
	    id: number;
	    // Go type: time
	    startedAt: any;
	    // Go type: time
	    finishedAt?: any;
	    dryRun: boolean;
	    result: RunResult;
	
	    static createFrom(source: any = {}) {
	        return new RunRecord(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.startedAt = this.convertValues(source["startedAt"], null);
	        this.finishedAt = this.convertValues(source["finishedAt"], null);
	        this.dryRun = source["dryRun"];
	        this.result = this.convertValues(source["result"], RunResult);
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

export namespace service {
	
	export class NewStoreInput {
	    kind: string;
	    url: string;
	    name: string;
	    auth: string;
	    clientId: string;
	    secret: string;
	    callback: string;
	
	    static createFrom(source: any = {}) {
	        return new NewStoreInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.url = source["url"];
	        this.name = source["name"];
	        this.auth = source["auth"];
	        this.clientId = source["clientId"];
	        this.secret = source["secret"];
	        this.callback = source["callback"];
	    }
	}

}

