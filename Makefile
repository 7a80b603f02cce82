# Shopclerk. `make run` opens the app on a demo shop; `make test` runs every
# test. Both set up what they need on a fresh Debian/Ubuntu machine first.
SHELL := /bin/bash
GO_TAGS := webkit2_41
DEMO_DB := .cache/demo-s.db
BIN := build/bin/shopclerk

.PHONY: setup run build frontend test test-go test-frontend test-integration test-e2e bench windows vet clean

setup:
	@scripts/setup.sh

frontend: setup
	cd frontend && npm run build --silent

# The production binary, through the Wails CLI (a Go tool in go.mod).
build: frontend
	go tool wails build -tags $(GO_TAGS) -s -o shopclerk

$(DEMO_DB):
	@mkdir -p .cache
	go run . demo --size s --db $(DEMO_DB)

run: build
	@$(MAKE) --no-print-directory $(DEMO_DB)
	$(BIN) --db $(DEMO_DB)

vet: setup
	@unformatted=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	go vet -tags $(GO_TAGS),integration ./...

test-go: setup
	go test -count=1 ./...

test-frontend: setup
	cd frontend && npm run typecheck && npm test --silent

test-integration: setup
	scripts/mailstack.sh start
	go test -count=1 -tags integration -run Integration ./...
	scripts/killtest.sh

test-e2e: setup
	scripts/e2e.sh

test: vet test-go test-frontend test-integration test-e2e

bench: build
	@scripts/bench.sh

# Windows: cross-compiled without cgo, with the NSIS installer.
windows: frontend
	go tool wails build -platform windows/amd64 -s -nsis -o shopclerk.exe

clean:
	rm -rf build/bin frontend/dist/assets test-artifacts .cache
