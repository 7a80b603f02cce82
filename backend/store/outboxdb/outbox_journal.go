package outboxdb

import (
	"bufio"
	"context"
	"errors"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"time"

	"shopclerk/backend/domain"
)

// The send journal is a small append-only file beside the database
// (shop.db.sendlog). The send loop appends a line naming a message once its
// content is written and right before the final dot that completes it
// ("w <id>"), and one as soon as the server has accepted it ("s <id> <unix
// time> <delivered-to>"). After a crash it tells the 'sending' messages
// apart:
//
//   - accepted: the server took it; it is marked sent.
//   - its dot may have gone, not accepted: the server may have taken it.
//     The message becomes 'in_doubt' and is looked up in the Sent folder
//     (or left to the seller), as before.
//   - not in the journal: the final dot never left this computer, and a
//     server discards a message broken off before it, so the message is
//     queued again without asking anyone.
//
// That lets one commit claim a batch of messages, and record a batch of
// outcomes, on every account, and it narrows the doubt a crash can leave to
// the moment between a message's final dot and the server's answer. The
// states still live in SQLite; the journal only bridges the moments
// between commits.
//
// Durability: a write(2) reaches the operating system before the content is
// sent, so the journal survives the process being killed, the same
// guarantee SQLite's WAL gives in synchronous=NORMAL mode. A line that was
// never completed (a torn last line) is ignored; the file exists only
// between a run's start and the next recovery, and a 'sending' message with
// no journal file at all (left by a version of Shopclerk before the
// journal) is in doubt, as it always was.

// journalPath is the send journal of the database at dbPath.
func journalPath(dbPath string) string { return dbPath + ".sendlog" }

// SendJournal is a run's handle on the send journal. Only the sending
// goroutine uses it; it shares nothing with the run's OutboxBatch.
type SendJournal struct {
	f   *os.File
	buf []byte // the line being written
}

// OpenSendJournal opens (creating) the journal for appending.
func (s *DB) OpenSendJournal() (*SendJournal, error) {
	f, err := os.OpenFile(journalPath(s.Path()), os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk cannot write its send journal beside the shop database; check that the folder is writable")
	}
	return &SendJournal{f: f, buf: make([]byte, 0, 256)}, nil
}

// OnWire records that message id's final dot is about to be sent. It
// returns after one write to the operating system; when it fails the dot
// must not be sent.
func (j *SendJournal) OnWire(id int64) error {
	j.buf = append(strconv.AppendInt(append(j.buf[:0], "w "...), id, 10), '\n')
	if _, err := j.f.Write(j.buf); err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not write its send journal (is the disk full?); the message was not sent")
	}
	return nil
}

// Accepted records, with one write, that the server accepted message id,
// at once: a crash right after the server's answer then leaves no doubt.
// A failed write only leaves the message in doubt after a crash.
func (j *SendJournal) Accepted(id int64, at time.Time, deliveredTo string) {
	j.buf = strconv.AppendInt(append(j.buf[:0], "s "...), id, 10)
	j.buf = strconv.AppendInt(append(j.buf, ' '), at.Unix(), 10)
	j.buf = append(append(append(j.buf, ' '), strings.Join(strings.Fields(deliveredTo), "")...), '\n')
	j.f.Write(j.buf)
}

// Close closes the journal file.
func (j *SendJournal) Close() error { return j.f.Close() }

// journal is what a send journal file says.
type journal struct {
	onWire   map[int64]bool
	accepted map[int64]acceptance
}

type acceptance struct {
	at          time.Time
	deliveredTo string
}

// readJournal reads the journal at path; ok is false when there is none.
func readJournal(path string) (j journal, ok bool, err error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return j, false, nil
	}
	if err != nil {
		return j, false, err
	}
	defer f.Close()
	j = journal{onWire: map[int64]bool{}, accepted: map[int64]acceptance{}}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		// A torn last line (the process died mid-write) is missing its
		// newline or fields and counts for nothing: the write had not
		// returned, so its message's final dot had not gone out.
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 {
			continue
		}
		id, err := strconv.ParseInt(fields[1], 10, 64)
		switch {
		case len(fields) == 2 && fields[0] == "w" && err == nil:
			j.onWire[id] = true
		case len(fields) == 4 && fields[0] == "s" && err == nil:
			if at, err := strconv.ParseInt(fields[2], 10, 64); err == nil {
				j.accepted[id] = acceptance{time.Unix(at, 0).UTC(), fields[3]}
			}
		}
	}
	return j, true, sc.Err()
}

// RecoverSending settles every message a previous run left in 'sending':
// those the send journal says the server accepted are marked sent, those
// whose final dot it says may have gone become 'in_doubt', and the others
// are queued again, their claim given back, since the server never had a
// whole message from them.
// Without a journal file every one is in doubt. The journal is removed once
// the outcome is committed. Only call it before the send loop starts: the
// store's file lock guarantees no other Shopclerk is sending from this
// database, and the app runs one send at a time.
func (s *DB) RecoverSending(ctx context.Context) (r Recovered, err error) {
	path := journalPath(s.Path())
	j, exists, err := readJournal(path)
	if err != nil {
		return r, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read its send journal beside the shop database")
	}
	tx, err := s.SQL().BeginTx(ctx, nil)
	if err != nil {
		return r, domain.Wrap(err, domain.CodeTemporary, "the shop database is busy; try again in a moment")
	}
	defer tx.Rollback()
	ids, err := scanIDs(tx.QueryContext(ctx, q("MsgSendingIDs")))
	if err != nil {
		return r, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not check the outbox")
	}
	st, err := tx.PrepareContext(ctx, q("MsgTransition"))
	if err != nil {
		return r, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not check the outbox")
	}
	defer st.Close()
	for _, id := range ids {
		t := domain.Transition{From: domain.MsgSending, To: domain.MsgInDoubt, Reason: "Shopclerk stopped while this message was being handed to the mail server."}
		acc, accepted := j.accepted[id]
		switch {
		case accepted:
			t = domain.Transition{From: domain.MsgSending, To: domain.MsgSent, At: acc.at, DeliveredTo: acc.deliveredTo,
				ServerReply: "accepted by the mail server (recorded from the send journal after Shopclerk stopped)"}
			r.Sent++
		case exists && !j.onWire[id]:
			t = domain.Transition{From: domain.MsgSending, To: domain.MsgQueued, Unclaim: true,
				Reason: "Shopclerk stopped before handing this message to the mail server; it is queued again."}
			r.Requeued++
		default:
			r.InDoubt++
		}
		if err := execTransition(ctx, st, id, t); err != nil {
			return Recovered{}, err
		}
	}
	if err := tx.Commit(); err != nil {
		return Recovered{}, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not check the outbox")
	}
	if exists {
		// Stale lines would only make a later recovery more careful, so a
		// failed removal is harmless.
		os.Remove(path)
	}
	return r, nil
}

// Recovered is what RecoverSending did.
type Recovered struct {
	Sent     int // accepted by the server: marked sent
	InDoubt  int // the final dot may have reached the server
	Requeued int // the final dot never left: queued again
}
