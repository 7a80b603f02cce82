package domain

// Setting keys of the shop's settings table (store.Setting) that more than
// one package reads or writes.
const (
	SettingTimeZone   = "shop.timezone"
	SettingWindowSize = "ui.window"
	SettingShopName   = "shop.name"
)
