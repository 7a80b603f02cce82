package demo

// Word lists for plausible but obviously fake people, places and products.
// Emails always end in example.com, example.net or example.org (RFC 2606), so
// nothing the demo shop sends can reach a real person.

var firstNames = []string{
	"Anna", "Lena", "Marie", "Sophie", "Emma", "Mia", "Hannah", "Laura", "Julia", "Lea",
	"Clara", "Paula", "Ida", "Greta", "Nora", "Elif", "Camille", "Chloé", "Manon", "Inès",
	"Sanne", "Fleur", "Lotte", "Giulia", "Chiara", "Lucía", "Carmen", "Aoife", "Siobhan", "Olivia",
	"Amelia", "Grace", "Ava", "Zoe", "Maya", "Noemi", "Lina", "Ella", "Frida", "Astrid",
	"Lukas", "Felix", "Jonas", "Leon", "Paul", "Noah", "Elias", "Ben", "Finn", "Emil",
	"Max", "Tom", "Jan", "Milan", "Luca", "Matteo", "Lorenzo", "Hugo", "Louis", "Jules",
	"Théo", "Daan", "Sem", "Bram", "Lars", "Pablo", "Javier", "Seán", "Cian", "Oliver",
	"Jack", "Harry", "George", "Ethan", "Liam", "Mateo", "Yusuf", "Samir", "Kai", "Nils",
}

var lastNames = []string{
	"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
	"Koch", "Richter", "Klein", "Wolf", "Neumann", "Schwarz", "Braun", "Zimmermann", "Krüger", "Hartmann",
	"Lange", "Werner", "Krause", "Lehmann", "Köhler", "Martin", "Bernard", "Dubois", "Durand", "Lefèvre",
	"Moreau", "Laurent", "Girard", "de Jong", "Jansen", "de Vries", "van Dijk", "Bakker", "Visser", "Smit",
	"Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "García", "Fernández", "López", "Martínez",
	"Murphy", "Kelly", "O'Brien", "Walsh", "Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans",
	"Peeters", "Janssens", "Maes", "Gruber", "Huber", "Bauer", "Steiner", "Novak", "Berg", "Lindqvist",
}

var emailDomains = []string{"example.com", "example.net", "example.org"}

// country is a shipping destination with its carriers and address shapes.
type country struct {
	code     string
	weight   float64
	cities   []string
	streets  []string
	zip      func(r rng) string
	phone    string // dialling prefix
	carriers []carrier
	province []string // codes, for countries whose addresses carry one
}

var countries = []country{
	{code: "DE", weight: 46, cities: []string{"Berlin", "Hamburg", "München", "Köln", "Frankfurt am Main", "Leipzig", "Dresden", "Stuttgart", "Bremen", "Freiburg"},
		streets: []string{"Lindenstraße", "Hauptstraße", "Gartenweg", "Schillerstraße", "Bahnhofstraße", "Am Beispielpark", "Musterallee"},
		zip:     digits(5), phone: "+49 30 5550", carriers: []carrier{carrierDHL, carrierDHL, carrierDPD, carrierGLS}},
	{code: "FR", weight: 11, cities: []string{"Paris", "Lyon", "Marseille", "Toulouse", "Nantes", "Lille", "Bordeaux"},
		streets: []string{"rue de l'Exemple", "avenue des Tilleuls", "boulevard Fictif", "rue du Marché"},
		zip:     digits(5), phone: "+33 1 5550", carriers: []carrier{carrierColissimo, carrierDPD}},
	{code: "NL", weight: 10, cities: []string{"Amsterdam", "Rotterdam", "Utrecht", "Den Haag", "Eindhoven", "Groningen"},
		streets: []string{"Voorbeeldstraat", "Kerkstraat", "Dorpsweg", "Molenlaan"},
		zip:     nlZip, phone: "+31 20 5550", carriers: []carrier{carrierPostNL, carrierDHL}},
	{code: "AT", weight: 7, cities: []string{"Wien", "Graz", "Linz", "Salzburg", "Innsbruck"},
		streets: []string{"Musterstraße", "Ringstraße", "Lindengasse"},
		zip:     digits(4), phone: "+43 1 5550", carriers: []carrier{carrierDHL, carrierDPD}},
	{code: "BE", weight: 5, cities: []string{"Bruxelles", "Antwerpen", "Gent", "Liège", "Brugge"},
		streets: []string{"Voorbeeldlaan", "rue de la Démo", "Kerkplein"},
		zip:     digits(4), phone: "+32 2 5550", carriers: []carrier{carrierDPD, carrierPostNL}},
	{code: "IT", weight: 5, cities: []string{"Milano", "Roma", "Torino", "Bologna", "Firenze"},
		streets: []string{"Via Esempio", "Corso Fittizio", "Via dei Tigli"},
		zip:     digits(5), phone: "+39 02 5550", carriers: []carrier{carrierGLS, carrierUPS}},
	{code: "ES", weight: 5, cities: []string{"Madrid", "Barcelona", "Valencia", "Sevilla", "Bilbao"},
		streets: []string{"Calle Ejemplo", "Avenida Ficticia", "Calle Mayor"},
		zip:     digits(5), phone: "+34 91 5550", carriers: []carrier{carrierGLS, carrierUPS}},
	{code: "GB", weight: 4, cities: []string{"London", "Manchester", "Bristol", "Leeds", "Edinburgh"},
		streets: []string{"Example Road", "High Street", "Demo Lane", "Sample Close"},
		zip:     gbZip, phone: "+44 20 7946 0", carriers: []carrier{carrierRoyalMail, carrierUPS}},
	{code: "IE", weight: 2, cities: []string{"Dublin", "Cork", "Galway"},
		streets: []string{"Example Street", "Main Street", "Quay Road"},
		zip:     ieZip, phone: "+353 1 5550", carriers: []carrier{carrierDPD, carrierUPS}},
	{code: "CH", weight: 2, cities: []string{"Zürich", "Basel", "Bern", "Genève"},
		streets: []string{"Bahnhofstrasse", "Musterweg", "Rue d'Exemple"},
		zip:     digits(4), phone: "+41 44 5550", carriers: []carrier{carrierUPS, carrierDHL}},
	{code: "US", weight: 3, cities: []string{"New York", "Chicago", "Seattle", "Austin", "Boston"},
		streets: []string{"Example Avenue", "Main Street", "Demo Boulevard"},
		zip:     digits(5), phone: "+1 555 01", carriers: []carrier{carrierUPS},
		province: []string{"NY", "IL", "WA", "TX", "MA"}},
}

// Product names are built as "<style> <material> <item>", with options by kind.
var productStyles = []string{
	"Nordic", "Classic", "Rustic", "Minimal", "Vintage", "Coastal", "Alpine", "Urban", "Botanical", "Heritage",
	"Soft", "Bold", "Calm", "Sunny", "Midnight", "Meadow", "Harbour", "Forest", "Desert", "Cosy",
	"Studio", "Atelier", "Market", "Garden", "Riverside", "Orchard", "Summit", "Linden", "Maple", "Juniper",
}

var productMaterials = []string{
	"Linen", "Stoneware", "Oak", "Wool", "Cotton", "Beeswax", "Porcelain", "Walnut", "Copper", "Glass",
	"Bamboo", "Leather", "Cork", "Hemp", "Terracotta", "Brass", "Marble", "Felt", "Jute", "Enamel",
}

// itemKind is a product type with its price band and options.
type itemKind struct {
	noun     string
	typ      string
	minPrice int64 // cents
	maxPrice int64
	option   string // "", "Colour", "Size"
	values   []string
	seasonal int // peak day of year when the kind is seasonal by nature, 0 when not
}

var itemKinds = []itemKind{
	{"Mug", "Kitchen", 1290, 2490, "Colour", []string{"Sand", "Sage", "Ink", "Clay"}, 0},
	{"Tea Towel", "Kitchen", 890, 1690, "Colour", []string{"Natural", "Stripe", "Check"}, 0},
	{"Serving Bowl", "Kitchen", 2490, 5900, "Size", []string{"Small", "Medium", "Large"}, 0},
	{"Cutting Board", "Kitchen", 2990, 7900, "Size", []string{"Medium", "Large"}, 0},
	{"Candle", "Home", 1490, 3290, "Size", []string{"180 g", "380 g"}, 340},
	{"Throw Blanket", "Home", 5900, 14900, "Colour", []string{"Oat", "Moss", "Rust", "Charcoal"}, 330},
	{"Cushion Cover", "Home", 1990, 3990, "Colour", []string{"Oat", "Moss", "Rust"}, 0},
	{"Vase", "Home", 2490, 8900, "Size", []string{"Small", "Tall"}, 0},
	{"Planter", "Garden", 1990, 5900, "Size", []string{"Ø 12 cm", "Ø 18 cm", "Ø 24 cm"}, 120},
	{"Watering Can", "Garden", 2990, 4990, "", nil, 130},
	{"Seed Kit", "Garden", 990, 2490, "", nil, 90},
	{"Picnic Blanket", "Outdoor", 3990, 7900, "Colour", []string{"Red Check", "Blue Check"}, 170},
	{"Lantern", "Outdoor", 2490, 5490, "", nil, 200},
	{"Advent Calendar", "Seasonal", 2490, 4990, "", nil, 325},
	{"Tree Ornament Set", "Seasonal", 1490, 2990, "Colour", []string{"Gold", "Silver", "Red"}, 340},
	{"Notebook", "Stationery", 890, 2290, "Size", []string{"A6", "A5", "A4"}, 250},
	{"Pen Set", "Stationery", 1290, 3490, "", nil, 0},
	{"Wall Calendar", "Stationery", 1490, 2490, "", nil, 320},
	{"Tote Bag", "Accessories", 1290, 2990, "Colour", []string{"Natural", "Black"}, 0},
	{"Scarf", "Accessories", 2990, 6900, "Colour", []string{"Grey", "Camel", "Navy"}, 320},
	{"Beanie", "Accessories", 1990, 3490, "Colour", []string{"Grey", "Mustard", "Navy"}, 330},
	{"Apron", "Kitchen", 2490, 4490, "Size", []string{"S/M", "L/XL"}, 0},
	{"Soap Bar", "Bath", 590, 1290, "", nil, 0},
	{"Bath Towel", "Bath", 2490, 5490, "Size", []string{"50 × 100", "70 × 140"}, 0},
	{"Sun Hat", "Accessories", 1990, 3990, "Size", []string{"S/M", "L/XL"}, 180},
	{"Coffee Dripper", "Kitchen", 1990, 3990, "", nil, 0},
	{"Tea Tin", "Kitchen", 990, 1990, "", nil, 0},
	{"Bird Feeder", "Garden", 1990, 3990, "", nil, 20},
}

var supplierPrefixes = []string{
	"Nordlicht", "Atelier Sud", "Kleinwerk", "Rivierhuis", "Casa Verde", "Fjordline", "Lindenhof", "Studio Terra",
	"Alpenglanz", "Maison Lune", "Handwerk & Co", "Dune Textiles", "Oakfield", "Bergmann", "Porto Ceramica", "Baltic Wool",
}

var supplierSuffixes = []string{"Trading", "Manufaktur", "Supply", "Wholesale", "Works", "GmbH", "B.V.", "S.r.l.", "Ltd", "SARL"}

var orderNotes = []string{
	"Please leave the parcel with the neighbour if I'm out.",
	"Gift: please don't include the invoice.",
	"Happy birthday, Oma!\nLots of love from all of us.\nSee you at Easter.",
	"Ring twice, the bell is broken.",
	"Could you wrap the mug separately? It's a present.",
}

var customerTags = []string{"newsletter", "instagram", "wholesale", "VIP", "returning", "pop-up market", "referral"}

var discountCodes = []string{"WELCOME10", "SPRING15", "SUMMER20", "BLACKFRIDAY25", "THANKYOU5", "FREESHIP"}

var paymentMethods = []string{"Shopify Payments", "Shopify Payments", "Shopify Payments", "PayPal Express Checkout", "Klarna", "manual"}
