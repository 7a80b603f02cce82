#!/usr/bin/env bash
# killtest.sh - the outbox's kill test against the real local Postfix + Dovecot
# (scripts/mailstack.sh). A demo shop queues real automation emails (test mode:
# every message goes to alice@customer.test); `shopclerk send` is killed with
# SIGKILL again and again while it sends, restarted each time, and finally left
# to finish. Then the mailboxes are read: every message must have arrived
# exactly once (counted by Message-ID in alice's Maildir), none may be lost,
# and each sent message must have exactly one copy in the seller's Sent folder.
# It runs once without and once with confirm copy, and prints per run: kills,
# messages left in doubt, duplicates, lost, Sent copies. Exit status 1 on any
# duplicate, loss, or missing or doubled Sent copy.
#
# A message left in doubt (killed between its final dot and the server's
# answer, with nothing in the mailbox that could prove it either way) is waiting
# for the seller's decision: counted apart, not as lost.
#
# Usage: scripts/killtest.sh [--messages N] [--kills K] [--modes "off on"] [--bin PATH] [--seed S]
#   (or KILLTEST_MESSAGES, KILLTEST_KILLS, KILLTEST_MODES, KILLTEST_BIN, KILLTEST_SEED)
#   defaults: 200 messages, 8 kills, both modes; `make test-integration` runs it so.
#   By hand, the larger version: scripts/killtest.sh --messages 1000 --kills 25
# Kill points are chosen by progress (a random number of messages into each run,
# as Postfix logs them) plus a random 0-20 ms, so every kill lands while sending;
# the last one comes when a run has sent the rest of the queue, while it files
# the Sent copies, before it could end normally.
set -Eeuo pipefail
cd "$(dirname "$0")/.."

messages=${KILLTEST_MESSAGES:-200}
kills=${KILLTEST_KILLS:-8}
modes=${KILLTEST_MODES:-"off on"}
bin=${KILLTEST_BIN:-}
seed=${KILLTEST_SEED:-$RANDOM}
while [ $# -gt 0 ]; do
  case "$1" in
    --messages) messages=$2; shift 2 ;;
    --kills) kills=$2; shift 2 ;;
    --modes) modes=$2; shift 2 ;;
    --bin) bin=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    *) echo "usage: $0 [--messages N] [--kills K] [--modes \"off on\"] [--bin PATH] [--seed S]" >&2; exit 2 ;;
  esac
done

work=$(mktemp -d /tmp/shopclerk-killtest.XXXXXX)
trap 'rm -rf "$work"' EXIT

scripts/mailstack.sh start >"$work/mailstack.log" 2>&1 || { cat "$work/mailstack.log" >&2; exit 1; }
# shellcheck disable=SC1090,SC1091
. "${MAILSTACK_DIR:-/tmp/mailstack}/mailstack.env"

if [ -z "$bin" ]; then
  bin=$work/shopclerk
  go build -o "$bin" .
fi
echo "killtest: $messages messages, $kills kills, confirm copy: $modes, seed $seed"
"$bin" demo --size m --db "$work/demo.db" >/dev/null

status=0
for mode in $modes; do
  dir=$work/$mode
  mkdir -p "$dir"
  cp "$work/demo.db" "$dir/shop.db"
  printf 'seller-pw\n' | "$bin" account set --db "$dir/shop.db" --provider generic --from seller@shop.test --name "Kill test" \
    --smtp-host "$MAILSTACK_HOST" --smtp-port "$MAILSTACK_SUBMISSION_PORT" --smtp-security starttls \
    --imap-host "$MAILSTACK_HOST" --imap-port "$MAILSTACK_IMAP_PORT" --imap-security starttls --ca-file "$MAILSTACK_CA" \
    --per-minute 0 --per-day 0 --provider-files-sent false --confirm-copy="$([ "$mode" = on ] && echo true || echo false)" \
    --test-mode --test-address alice@customer.test --password-stdin >/dev/null
  "$bin" run --db "$dir/shop.db" --confirm --install-templates >/dev/null 2>"$dir/run.log"
  KT_BIN=$bin KT_DB=$dir/shop.db KT_MESSAGES=$messages KT_KILLS=$kills KT_SEED=$seed KT_MODE=$mode \
    KT_LOG=$MAILSTACK_DIR/log/postfix.log KT_MAIL=$MAILSTACK_DIR/mail python3 - <<'PY' || status=1
import email.parser, os, random, signal, sqlite3, subprocess, sys, time

env = os.environ
db, binary, mode = env["KT_DB"], env["KT_BIN"], env["KT_MODE"]
want, planned = int(env["KT_MESSAGES"]), int(env["KT_KILLS"])
rng = random.Random(int(env["KT_SEED"]) * 2 + (mode == "on"))
inbox = os.path.join(env["KT_MAIL"], "customer.test/alice/Maildir")
sent_box = os.path.join(env["KT_MAIL"], "shop.test/seller/Maildir/.Sent")

def query(sql, *args):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()

# Keep a random sample of the queued automation emails: the queue under test.
queued = [r[0] for r in query("SELECT id FROM messages WHERE status = 'queued' ORDER BY id")]
if len(queued) < want:
    sys.exit(f"killtest: the demo shop queued only {len(queued)} messages, fewer than {want}")
keep = set(rng.sample(queued, want))
con = sqlite3.connect(db)
con.executemany("UPDATE messages SET status = 'cancelled', last_error = 'left out of the kill test' WHERE id = ?",
                [(i,) for i in queued if i not in keep])
con.commit()
con.close()
ours = {mid: i for i, mid in query("SELECT id, message_id FROM messages WHERE status = 'queued'")}
def statuses():
    return {i: s for i, s in query("SELECT id, status FROM messages WHERE status <> 'cancelled' OR last_error <> 'left out of the kill test'")}

log = open(env["KT_LOG"], "rb")
log.seek(0, os.SEEK_END)
accepted = set()
def accepted_since():
    """Counts our messages Postfix's cleanup logged since the last call."""
    n = 0
    for line in log.read().decode(errors="replace").splitlines():
        i = line.find("message-id=")
        if i >= 0 and line[i + 11:].strip() in ours:
            n += 1
            accepted.add(line[i + 11:].strip())
    return n

in_doubt = set()
def note_in_doubt():
    in_doubt.update(r[0] for r in query("SELECT id FROM messages WHERE status = 'in_doubt'"))

def start(*extra):
    return subprocess.Popen([binary, "send", "--db", db, "--json", "--max", "100000", *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)

def left():
    return query("SELECT COUNT(*) FROM messages WHERE status IN ('queued', 'deferred', 'sending')")[0][0]

killed = 0
while killed < planned and left() > 0:
    target = rng.randint(1, max(1, int(1.2 * want / (planned + 1))))
    last = killed == planned - 1
    p, seen, t0 = start(), 0, time.time()
    # The last kill comes once the run has recorded every outcome (nothing
    # left to send), before it could end normally: while it files copies.
    while p.poll() is None and (left() > 0 if last else seen < target):
        seen += accepted_since()
        if time.time() - t0 > 60:
            p.kill(); p.wait()
            sys.exit(f"killtest: no progress in 60 s\n{p.stderr.read().decode()}")
        time.sleep(0.005 if last else 0.001)
    if p.poll() is not None:
        accepted_since()
        if p.returncode != 0:
            sys.exit(f"killtest: send failed: {p.stderr.read().decode()}")
        break  # the queue ran dry before this kill point
    if not last:
        time.sleep(rng.uniform(0, 0.02))
    p.send_signal(signal.SIGKILL)
    p.wait()
    killed += 1
    accepted_since()
    note_in_doubt()

# Let it finish: each run first settles what the last stop left. The clock
# is set three minutes on, past the two minutes in which a message missing
# from the mailbox may still be on its way there ("a send two minutes later").
later = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 180))
for _ in range(6):
    p = start("--now", later)
    out, err = p.communicate()
    if p.returncode != 0:
        sys.exit(f"killtest: send failed: {err.decode()}")
    note_in_doubt()
    if left() == 0:
        break

status = statuses()
mids = {i: mid for mid, i in ours.items()}
sent = [i for i in mids if status[i] == "sent"]

def count(maildir):
    """Copies of each of our Message-IDs in a Maildir (new and cur)."""
    parser, seen = email.parser.BytesHeaderParser(), {}
    for sub in ("new", "cur"):
        d = os.path.join(maildir, sub)
        for name in os.listdir(d) if os.path.isdir(d) else []:
            try:
                with open(os.path.join(d, name), "rb") as f:
                    mid = (parser.parsebytes(f.read(16384)).get("Message-ID") or "").strip()
            except FileNotFoundError:
                continue  # moved from new to cur while listing; counted there
            if mid in ours:
                seen[mid] = seen.get(mid, 0) + 1
    return seen

# Postfix hands the mail to Dovecot in the background: wait until everything
# sent (or left in doubt) has arrived, then a little longer for late copies.
deadline = time.time() + 60
while True:
    got = count(inbox)
    if all(got.get(mids[i]) for i in sent) or time.time() > deadline:
        break
    time.sleep(0.5)
time.sleep(2)
got, copies = count(inbox), count(sent_box)

dups = sorted(m for m, n in got.items() if n > 1)
lost = sorted(mids[i] for i in mids if not got.get(mids[i]) and status[i] not in ("in_doubt", "cancelled"))
doubt_left = [i for i in mids if status[i] == "in_doubt"]
doubt_delivered = sum(1 for i in doubt_left if got.get(mids[i]))
cancelled = sum(1 for i in mids if status[i] == "cancelled")
missing_copies = sorted(mids[i] for i in sent if not copies.get(mids[i]))
double_copies = sorted(m for m, n in copies.items() if n > 1)
stray_copies = sorted(mids[i] for i in mids if status[i] != "sent" and copies.get(mids[i]))

print(f"confirm copy {mode}: {len(mids)} messages, {killed} kills, "
      f"{len(in_doubt)} in doubt ({len(in_doubt) / max(killed, 1):.2f} per kill; "
      f"{len(doubt_left)} left for the seller, {doubt_delivered} of them delivered), "
      f"{len(dups)} duplicates, {len(lost)} lost, {cancelled} not sent by a check, "
      f"Sent copies {sum(1 for i in sent if copies.get(mids[i]))}/{len(sent)} "
      f"({len(double_copies)} twice, {len(stray_copies)} of unsent messages)")
bad = []
if killed < planned:
    print(f"  note: the queue ran dry after {killed} of {planned} kills")
for what, ids in (("delivered more than once", dups), ("lost", lost), ("without a Sent copy", missing_copies),
                  ("with two Sent copies", double_copies), ("with a Sent copy but not sent", stray_copies)):
    if ids:
        bad.append(what)
        print(f"  FAIL {len(ids)} {what}: {' '.join(ids[:5])}{' ...' if len(ids) > 5 else ''}")
sys.exit(1 if bad else 0)
PY
done
exit $status
