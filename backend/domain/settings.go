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
