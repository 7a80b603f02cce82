package domain

// Setting keys of the shop's settings table (store.Setting) that more than
// one package reads or writes.
const (
	SettingTimeZone   = "shop.timezone"
	SettingWindowSize = "ui.window"
	SettingShopName   = "shop.name"
)

// The rest of the shop's identity (ShopIdentity; store.Shop reads them all
// at once). Each is a key of its own, as the name, the time zone and the
// currency were before the identity gathered them.
const (
	SettingShopLegalName       = "shop.legal_name"
	SettingShopAddress         = "shop.address"
	SettingShopDeliveryAddress = "shop.delivery_address"
	SettingShopEmail           = "shop.email"
	SettingShopPhone           = "shop.phone"
	SettingShopWebsite         = "shop.website"
	SettingShopCurrency        = "shop.currency"
	SettingShopLanguage        = "shop.language"
	SettingShopVATNumber       = "shop.vat_number"
)

// SettingHandlingDays is how many working days (Monday to Friday) an order
// takes to leave the shop: the "where is my order" draft for an order not
// shipped yet names the day it will (issue 12). DefaultHandlingDays when
// never set.
const SettingHandlingDays = "shipping.handling_days"

// DefaultHandlingDays is the handling time of a shop that never set one.
const DefaultHandlingDays = 2
