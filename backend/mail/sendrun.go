package mail

import "context"

// SendReport is what one send run did: the in-doubt check, then the loop.
type SendReport struct {
	InDoubt ResolveResult `json:"inDoubt"`
	Run     RunResult     `json:"run"`
}

// Send recovers interrupted sends, resolves in-doubt messages, then runs
// the send loop: the order that keeps invariant 3 (never send blind twice).
// Callers run one Send at a time per shop.
func (o *Outbox) Send(ctx context.Context, opt RunOptions) (SendReport, error) {
	var rep SendReport
	var err error
	if rep.InDoubt, err = o.Recover(ctx); err != nil {
		return rep, err
	}
	rep.Run, err = o.Run(ctx, opt)
	o.noteServer(ctx, rep.Run, err)
	return rep, err
}
