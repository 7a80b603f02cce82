// Package inventory tells a seller what to order, from whom and when. It
// turns order history into a daily demand forecast per SKU (a method chosen
// per SKU: Croston/SBA or TSB for intermittent sellers, damped-trend
// exponential smoothing with weekly seasonality for regular ones, a moving
// average for new ones), computes reorder points and order quantities for a
// fill-rate target from demand and lead-time variability, and builds, sends
// and receives purchase orders. The maths (forecast.go, reorder.go) is pure
// and is the same code the decision-quality simulation in sim/ exercises;
// service.go binds it to the store.
package inventory
