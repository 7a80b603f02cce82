//go:build dev

package service

import "os"

func init() { dhlStandIn = os.Getenv("SHOPCLERK_E2E_DHL_URL") }
