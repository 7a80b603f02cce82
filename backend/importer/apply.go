package importer

import (
	"context"
	"errors"

	"shopclerk/backend/domain"
	"shopclerk/backend/importer/sheet"
)

// batchSize is how many records travel from the parser to the writer at a
// time: large enough that channel hand-offs cost nothing, small enough to
// keep memory flat.
const batchSize = 256

// Applier writes an import's records to the shop: each file in one batch
// (its records handed to a domain.RecordSink), and the column mappings the
// seller confirmed. backend/store/importdb implements it; the importer
// itself never touches the database.
type Applier interface {
	ApplyBatch(ctx context.Context, meta domain.BatchMeta, fn func(domain.RecordSink) error) (batchID int64, counts domain.Counts, err error)
	Mapping(ctx context.Context, headerHash string) (kind string, mapping map[string]string, found bool, err error)
	SaveMapping(ctx context.Context, headerHash, kind string, mapping map[string]string) error
}

// StoreLookup adapts the store's remembered mappings for Inspect/Import.
func StoreLookup(st Applier) MappingLookup {
	return func(ctx context.Context, hash string) (Kind, Mapping, bool, error) {
		kind, m, ok, err := st.Mapping(ctx, hash)
		if err != nil || !ok {
			return "", nil, false, err
		}
		out := Mapping{}
		for f, c := range m {
			out[Field(f)] = c
		}
		return Kind(kind), out, true, nil
	}
}

// RememberMapping stores a mapping for a header set (see FileInfo.HeaderHash).
func RememberMapping(ctx context.Context, st Applier, headerHash string, kind Kind, m Mapping) error {
	raw := map[string]string{}
	for f, c := range m {
		raw[string(f)] = c
	}
	return st.SaveMapping(ctx, headerHash, string(kind), raw)
}

// Import reads each file and writes it in its own batch transaction. A file
// that cannot be imported at all is reported in its FileResult (nothing of
// it is written) and the next file goes on; cancelling ctx stops everything
// and leaves the current file's batch unwritten.
func Import(ctx context.Context, st Applier, files []FileSpec, progress func(Progress)) (Result, error) {
	var res Result
	for i, spec := range files {
		fr, err := importFile(ctx, st, spec, i, len(files), progress)
		if err != nil && ctx.Err() != nil {
			return res, domain.Wrap(ctx.Err(), domain.CodeInvalid, "The import was cancelled; the file being imported was not changed.")
		}
		if err != nil {
			fr.Error, fr.ErrorCode = err.Error(), domain.CodeOf(err)
			fr.Counts, fr.BatchID = domain.Counts{}, 0
		}
		res.Files = append(res.Files, fr)
	}
	return res, nil
}

func importFile(ctx context.Context, st Applier, spec FileSpec, idx, total int, progress func(Progress)) (FileResult, error) {
	fr := FileResult{File: spec.Name}
	if fr.File == "" {
		fr.File = spec.Path
	}
	in, err := sheet.NewFile(spec.Path, spec.Name, spec.Data)
	if err != nil {
		return fr, err
	}
	fr.File = in.Name
	p, err := open(ctx, in, spec.Options, StoreLookup(st))
	if err != nil {
		return fr, err
	}
	defer p.close()
	if p.sum == nil {
		// A workbook is not read in order: hash it whole first.
		if fr.Hash, err = in.Hash(); err != nil {
			return fr, err
		}
	}
	if p.b == nil {
		return fr, p.unknownHeader()
	}
	fr.Preset, fr.Kind, fr.Label = p.b.preset.name, p.b.preset.kind, p.label()
	if err := p.prepare(spec.Options, true); err != nil {
		return fr, err
	}
	reportPhase := func(rows int, phase Phase) {
		if progress != nil {
			progress(Progress{File: in.Name, FileIndex: idx, Files: total, Rows: rows, Bytes: p.bytes.Load(), Total: in.Size, Phase: phase})
		}
	}
	report := func(rows int) { reportPhase(rows, PhaseReading) }
	meta := domain.BatchMeta{FileName: in.Name, FileHash: fr.Hash, FileSize: in.Size, Preset: string(p.b.preset.name), Kind: string(p.b.preset.kind)}
	batchID, counts, err := st.ApplyBatch(ctx, meta, func(w domain.RecordSink) error {
		// The shop's generated keys, read in the batch's own transaction
		// (which holds the write lock), before the parser starts.
		if err := p.linkLines(w); err != nil {
			return err
		}
		if err := p.loadKeys(w); err != nil {
			return err
		}
		candidate, err := bulkCandidate(w, p)
		if err != nil {
			return err
		}
		var bulk domain.BulkIndexes
		defer func() {
			if bulk != nil {
				bulk.Restore()
			}
		}()
		var afterFirst func(n int) error
		if candidate {
			afterFirst = func(n int) error {
				// Only a file that writes goes bulk: a re-import of the same
				// file changes nothing, and rebuilding the indexes would cost
				// more than the lookups it saves.
				if w.Written()*2 < n {
					return nil
				}
				bulk, err = w.DropIndexesForBulk(bulkCacheKiB)
				return err
			}
		}
		if err := pipe(ctx, p, w, report, afterFirst); err != nil {
			return err
		}
		if fr.Hash == "" {
			if fr.Hash = p.fileHash(); fr.Hash == "" {
				if fr.Hash, err = in.Hash(); err != nil {
					return err
				}
			}
			if err := w.SetFileHash(fr.Hash); err != nil {
				return err
			}
		}
		if bulk != nil {
			reportPhase(p.rows, PhaseIndexing)
			if err := bulk.Rebuild(); err != nil {
				return err
			}
		}
		// What is left is the commit (copying a large batch into the file).
		reportPhase(p.rows, PhaseSaving)
		return nil
	})
	if err != nil {
		return fr, err
	}
	counts.Rejected += p.rejectCount - len(p.rejects)
	fr.BatchID, fr.Counts, fr.Rows = batchID, counts, p.rows
	fr.Rejected, fr.Warnings = p.rejects, p.warnings
	if p.b.preset.name == PresetGeneric && spec.Options.Mapping != nil {
		if err := RememberMapping(ctx, st, p.hash, p.b.preset.kind, spec.Options.Mapping); err != nil {
			return fr, err
		}
	}
	return fr, nil
}

// pipe parses on this goroutine's partner while it writes: the parser sends
// batches of records, the writer applies them inside the open transaction.
// afterFirst, if set, runs once the first batch of n records is written.
func pipe(ctx context.Context, p *parsed, w domain.RecordSink, report func(int), afterFirst func(n int) error) error {
	pctx, cancel := context.WithCancel(ctx)
	defer cancel()
	recs := make(chan []Record, 2)
	done := make(chan error, 1)
	go func() {
		defer close(recs)
		prepare := w.OrderPreparer()
		batch := make([]Record, 0, batchSize)
		err := p.run(pctx, func(r Record) {
			if r.Order != nil && r.merge == mergeNone {
				// The order's hash, JSON and values are made here, on the
				// parser's goroutine, while the writer writes.
				r.prep = prepare(r.Order, r.Customer, r.DiscountCodes)
				r.Order, r.Customer, r.DiscountCodes = nil, nil, nil
			}
			batch = append(batch, r)
			if len(batch) == batchSize {
				select {
				case recs <- batch:
				case <-pctx.Done():
				}
				batch = make([]Record, 0, batchSize)
			}
		}, 0, report)
		if err == nil && len(batch) > 0 {
			select {
			case recs <- batch:
			case <-pctx.Done():
			}
		}
		done <- err
	}()
	fail := func(err error) error {
		cancel()
		for range recs {
		}
		<-done
		return err
	}
	var orders []domain.PreparedOrder
	for batch := range recs {
		orders = orders[:0]
		for _, rec := range batch {
			if rec.prep != nil {
				orders = append(orders, rec.prep)
				continue
			}
			if len(orders) > 0 {
				if err := w.Orders(orders); err != nil {
					return fail(err)
				}
				orders = orders[:0]
			}
			if rec.Tracking != nil {
				if err := p.applyTracking(w, rec); err != nil {
					return fail(err)
				}
				continue
			}
			if rec.takeOver != "" {
				if err := p.takeOver(w, rec); err != nil {
					return fail(err)
				}
			}
			if err := applyRecord(w, rec); err != nil && !p.clash(rec, err) {
				return fail(err)
			}
		}
		if len(orders) > 0 {
			if err := w.Orders(orders); err != nil {
				return fail(err)
			}
		}
		if afterFirst != nil {
			if err := afterFirst(len(batch)); err != nil {
				return fail(err)
			}
			afterFirst = nil
		}
	}
	if err := <-done; err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := p.finishTakeOvers(w); err != nil {
		return err
	}
	p.addClashes()
	p.addTrackingNotes()
	for _, is := range p.rejects {
		w.Reject(domain.Reject(is))
	}
	return nil
}

// applyRecord hands one record to the batch.
func applyRecord(w domain.RecordSink, rec Record) error {
	switch {
	case rec.Order != nil:
		o := *rec.Order
		if rec.merge != mergeNone {
			stored, found, err := w.StoredOrder(o.Source, o.ExternalID)
			if err != nil {
				return err
			}
			if found {
				o = mergeOrder(stored, o, rec.merge)
			}
		}
		return w.Order(o, rec.Customer, rec.DiscountCodes)
	case rec.Cart != nil:
		return w.Cart(*rec.Cart, rec.Customer)
	case rec.Stock != nil:
		return w.Stock(*rec.Stock, rec.Product)
	case rec.Product != nil:
		return w.Product(*rec.Product)
	case rec.Customer != nil:
		return w.Customer(*rec.Customer)
	}
	return errors.New("importer: empty record")
}

// mergeOrder combines a partial order with the stored one: Etsy's orders
// file has totals but no items, its items file items but partial totals.
func mergeOrder(stored, in domain.Order, mode mergeMode) domain.Order {
	switch mode {
	case mergeKeepLines:
		if len(in.Lines) == 0 {
			in.Lines = stored.Lines
		}
		return in
	case mergeKeepHeader:
		out := stored
		out.Lines = in.Lines
		if out.Email == "" {
			out.Email = in.Email
		}
		if out.PaidAt == nil {
			out.PaidAt = in.PaidAt
		}
		if out.FulfilledAt == nil {
			out.FulfilledAt = in.FulfilledAt
		}
		if out.ShippingAddress == (domain.Address{}) {
			out.ShippingAddress = in.ShippingAddress
		}
		if out.Total == 0 {
			out.Subtotal, out.Shipping, out.Taxes, out.Discount, out.Total = in.Subtotal, in.Shipping, in.Taxes, in.Discount, in.Total
		}
		return out
	}
	return in
}
