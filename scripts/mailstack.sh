#!/usr/bin/env bash
# mailstack.sh - a throw-away Postfix + Dovecot mail stack on 127.0.0.1 for Shopclerk's
# integration tests (go test -tags integration ./backend/inbox/ ...). `make test` runs
# `scripts/mailstack.sh start` first. The tests find the servers through the MAILSTACK_*
# variables, or read $MAILSTACK_DIR/mailstack.env (default /tmp/mailstack) when unset:
#   eval "$(scripts/mailstack.sh env)"   exports them into a shell.
# Based on the tested recipe in docs/mailstack.md (pitfalls explained there).
#
#   Postfix: SMTP submission with STARTTLS + SASL AUTH (via Dovecot's auth socket)
#   Dovecot: IMAP (STARTTLS or implicit TLS) + LMTP (Postfix delivers into Dovecot)
#   Virtual domains shop.test and customer.test, Maildirs under $MAILSTACK_DIR/mail.
#
# Usage:  mailstack.sh [start|stop|restart|status|reset|clear|selftest|env]
#   start     (default) install packages if missing, (re)write config, start both
#             daemons, wait until the ports answer, print ports and users. Idempotent:
#             if both already run with the same config it only re-checks and prints;
#             if the config changed they are restarted. Delivered mail is kept.
#   stop      stop both daemons (by PID from their pid files).
#   restart   stop + start, even if nothing changed.
#   status    show PIDs and listening ports.
#   reset     stop, delete all state (mail, queue, logs, certs), start fresh.
#   clear     expunge every message in every mailbox of every user (servers keep running).
#   env       print `export MAILSTACK_...=...` lines for a running stack.
#   selftest  send seller->alice over 2587 (STARTTLS+AUTH), read it over IMAP,
#             send to nobody@customer.test and wait for the DSN in seller's INBOX.
#
# Everything except the Debian packages and one system user ("vmail") lives under
# $MAILSTACK_DIR (default /tmp/mailstack). Nothing is written to /etc/postfix or
# /etc/dovecot: both daemons run from config files under $MAILSTACK_DIR
# (postfix -c DIR, dovecot -c FILE). Must run as root. Needs no systemd.
set -Eeuo pipefail
trap 'printf "mailstack: ERROR: line %s: %s failed\n" "$LINENO" "$BASH_COMMAND" >&2' ERR

MS_DIR=${MAILSTACK_DIR:-/tmp/mailstack}
SMTP_PORT=${MAILSTACK_SMTP_PORT:-2525}                 # plain SMTP "MX", no auth, local domains only
SUBMISSION_PORT=${MAILSTACK_SUBMISSION_PORT:-2587}     # STARTTLS required, AUTH required
SUBMISSIONS_PORT=${MAILSTACK_SUBMISSIONS_PORT:-2465}   # implicit TLS, AUTH required
IMAP_PORT=${MAILSTACK_IMAP_PORT:-2143}                 # IMAP, STARTTLS available
IMAPS_PORT=${MAILSTACK_IMAPS_PORT:-2993}               # IMAP over implicit TLS
DOMAINS=${MAILSTACK_DOMAINS:-"shop.test customer.test"}
# "address:password" pairs, whitespace separated
USERS=${MAILSTACK_USERS:-"seller@shop.test:seller-pw alice@customer.test:alice-pw bob@customer.test:bob-pw"}
MYHOSTNAME=${MAILSTACK_HOSTNAME:-mail.shop.test}

PF_CONF=$MS_DIR/postfix/etc          # postfix config_directory (main.cf, master.cf)
PF_SPOOL=$MS_DIR/postfix/spool       # postfix queue_directory (also holds the dovecot sockets)
PF_DATA=$MS_DIR/postfix/data         # postfix data_directory
DC_CONF=$MS_DIR/dovecot/dovecot.conf
DC_RUN=$MS_DIR/dovecot/run           # dovecot base_dir (master.pid, internal sockets)
TLS_DIR=$MS_DIR/tls
LOG_DIR=$MS_DIR/log
MAIL_DIR=$MS_DIR/mail

log() { printf 'mailstack: %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

[ "$(id -u)" = 0 ] || die "must run as root"

# ---------------------------------------------------------------- install
install_packages() {
  local pkgs="postfix dovecot-core dovecot-imapd dovecot-lmtpd swaks openssl" missing="" p
  for p in $pkgs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
  done
  [ -z "$missing" ] && return 0
  log "installing:$missing"
  # Without this preseed the postfix postinst asks (or writes an /etc/postfix/main.cf
  # we do not use). "No configuration" leaves /etc/postfix/main.cf absent.
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  echo "postfix postfix/mailname string $MYHOSTNAME" | debconf-set-selections
  # Keep the postinst scripts from starting the *system* postfix/dovecot (port 25/143/993
  # with /etc configs). Container images usually ship a policy-rc.d that says "exit 101";
  # add one for the duration of the install if this machine has none.
  local added_policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d; chmod 755 /usr/sbin/policy-rc.d
    added_policy=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # invoke-rc.d will print "policy-rc.d denied execution of start" - expected, harmless.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold $missing >/dev/null ||
    { [ -n "$added_policy" ] && rm -f /usr/sbin/policy-rc.d; die "apt-get install failed"; }
  [ -n "$added_policy" ] && rm -f /usr/sbin/policy-rc.d
  return 0
}

ensure_vmail_user() {
  getent group vmail >/dev/null || groupadd --system vmail
  getent passwd vmail >/dev/null ||
    useradd --system --gid vmail --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin vmail
}

# ---------------------------------------------------------------- pids / stop
pid_alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }
# Print the PID from a pid file only if that process really is our master: right binary
# and cwd (postfix master chdirs to its queue_directory, dovecot to its base_dir). A pid
# file left in /tmp by an earlier boot may name a PID that now belongs to someone else.
checked_pid() { # pidfile exe cwd
  local pid
  [ -f "$1" ] || return 0
  pid=$(awk '{print $1; exit}' "$1")
  case "$pid" in ''|*[!0-9]*) return 0 ;; esac
  [ "$(readlink "/proc/$pid/exe" 2>/dev/null)" = "$2" ] || return 0
  [ "$(readlink "/proc/$pid/cwd" 2>/dev/null)" = "$(readlink -f "$3")" ] || return 0
  echo "$pid"
}
postfix_pid() { checked_pid "$PF_SPOOL/pid/master.pid" /usr/lib/postfix/sbin/master "$PF_SPOOL"; }
dovecot_pid() { checked_pid "$DC_RUN/master.pid" /usr/sbin/dovecot "$DC_RUN"; }

wait_gone() { # pid timeout_s
  local i
  for ((i = 0; i < $2 * 10; i++)); do pid_alive "$1" || return 0; sleep 0.1; done
  return 1
}

stop_stack() {
  # TERM both masters first, then wait: each takes ~1-2 s to exit, in parallel.
  local ppid dpid
  ppid=$(postfix_pid); dpid=$(dovecot_pid)
  if pid_alive "$ppid"; then
    log "stopping postfix master (pid $ppid)"
    kill -TERM "$ppid"                     # same effect as `postfix -c $PF_CONF stop`
  fi
  if pid_alive "$dpid"; then
    log "stopping dovecot master (pid $dpid)"
    kill -TERM "$dpid"                     # same effect as `doveadm -c $DC_CONF stop`
  fi
  if pid_alive "$ppid"; then
    wait_gone "$ppid" 15 || { log "postfix pid $ppid did not exit, SIGKILL"; kill -KILL "$ppid" || true; }
  fi
  if pid_alive "$dpid"; then
    wait_gone "$dpid" 15 || { log "dovecot pid $dpid did not exit, SIGKILL"; kill -KILL "$dpid" || true; }
  fi
  # Stale pid files (e.g. from before a reboot) would make dovecot refuse to start with
  # "already running" if their PID has been reused by another process.
  rm -f "$PF_SPOOL/pid/master.pid" "$DC_RUN/master.pid"
  return 0
}

# ---------------------------------------------------------------- config
# Write stdin to $1 only if the content differs (keeps mtimes stable: `postfix check`
# takes ~2 s instead of 0.2 s right after main.cf changed).
put_file() {
  cat >"$1.new"
  if cmp -s "$1.new" "$1"; then rm -f "$1.new"; else mv -f "$1.new" "$1"; fi
}

write_tls() {
  mkdir -p "$TLS_DIR"
  if [ ! -s "$TLS_DIR/cert.pem" ] || [ ! -s "$TLS_DIR/key.pem" ]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -sha256 \
      -keyout "$TLS_DIR/key.pem" -out "$TLS_DIR/cert.pem" \
      -subj "/CN=localhost" \
      -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" 2>/dev/null
  fi
  chmod 600 "$TLS_DIR/key.pem"; chmod 644 "$TLS_DIR/cert.pem"
}

write_postfix() {
  mkdir -p "$PF_CONF" "$LOG_DIR"
  # queue_directory must be root-owned, data_directory postfix-owned (else master dies
  # with "open lock file .../master.lock: Permission denied"). `postfix check` creates
  # missing ones correctly but does NOT fix the owner of existing ones, so be explicit.
  install -d -o root -g root -m 755 "$PF_SPOOL"
  install -d -o postfix -g root -m 700 "$PF_DATA"
  put_file "$PF_CONF/main.cf" <<EOF
# generated by mailstack.sh - do not edit
compatibility_level = 3.6
queue_directory = $PF_SPOOL
data_directory = $PF_DATA
# There is no syslogd here: log through postlogd to a file. The prefix list must
# allow the path, or every postfix command dies with a fatal error that only goes to
# syslog (i.e. nowhere) when stderr is not a tty.
maillog_file_prefixes = $LOG_DIR
maillog_file = $LOG_DIR/postfix.log
myhostname = $MYHOSTNAME
mydomain = ${MYHOSTNAME#*.}
myorigin = \$myhostname
inet_interfaces = loopback-only
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
biff = no
append_dot_mydomain = no
smtpd_banner = \$myhostname ESMTP test stack

# No local(8) delivery at all: every real mailbox is a Dovecot virtual user.
mydestination =
local_recipient_maps =
alias_maps =
alias_database =
local_transport = error:5.1.1 local delivery disabled

# Virtual domains -> Dovecot LMTP. virtual_mailbox_maps is left EMPTY on purpose:
# Postfix accepts any local-part, Dovecot LMTP rejects unknown users with 550 5.1.1,
# and Postfix then sends an asynchronous DSN (bounce) to the envelope sender.
virtual_mailbox_domains = $DOMAINS
virtual_mailbox_maps =
virtual_transport = lmtp:unix:private/dovecot-lmtp

# Nothing ever leaves this machine: other domains bounce at once with a DSN.
default_transport = error:5.4.4 outbound mail disabled in test mail stack
relay_transport = \$default_transport

smtpd_tls_cert_file = $TLS_DIR/cert.pem
smtpd_tls_key_file = $TLS_DIR/key.pem
smtpd_tls_security_level = may
smtpd_tls_loglevel = 1
smtp_tls_security_level = none
smtpd_sasl_type = dovecot
smtpd_sasl_path = private/auth
smtpd_sasl_auth_enable = no
smtpd_relay_restrictions = permit_sasl_authenticated, reject_unauth_destination

# Retry quickly (e.g. if a message arrived while dovecot was down).
queue_run_delay = 5s
minimal_backoff_time = 5s
maximal_backoff_time = 30s
EOF
  put_file "$PF_CONF/master.cf" <<EOF
# generated by mailstack.sh - do not edit. chroot is "n" everywhere (Debian's default is "y").
# service type  private unpriv  chroot  wakeup  maxproc command + args
127.0.0.1:$SMTP_PORT inet n - n - - smtpd
127.0.0.1:$SUBMISSION_PORT inet n - n - - smtpd
  -o syslog_name=postfix/submission
  -o smtpd_tls_security_level=encrypt
  -o smtpd_sasl_auth_enable=yes
  -o smtpd_tls_auth_only=yes
  -o smtpd_client_restrictions=permit_sasl_authenticated,reject
  -o smtpd_relay_restrictions=permit_sasl_authenticated,reject
127.0.0.1:$SUBMISSIONS_PORT inet n - n - - smtpd
  -o syslog_name=postfix/submissions
  -o smtpd_tls_wrappermode=yes
  -o smtpd_sasl_auth_enable=yes
  -o smtpd_client_restrictions=permit_sasl_authenticated,reject
  -o smtpd_relay_restrictions=permit_sasl_authenticated,reject
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
tlsmgr    unix  -       -       n       1000?   1       tlsmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
proxywrite unix -       -       n       -       1       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
local     unix  -       n       n       -       -       local
virtual   unix  -       n       n       -       -       virtual
lmtp      unix  -       -       n       -       -       lmtp
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
EOF
  # Creates the queue directories with the right owners (and warns about problems).
  postfix -c "$PF_CONF" check || die "postfix check failed (errors go to $LOG_DIR/postfix.log, not stderr)"
}

write_dovecot() {
  local vuid vgid entry user pass
  vuid=$(id -u vmail); vgid=$(id -g vmail)
  mkdir -p "$MS_DIR/dovecot" "$DC_RUN" "$MS_DIR/dovecot/state" "$MAIL_DIR" "$LOG_DIR"
  chown vmail:vmail "$MAIL_DIR"; chmod 700 "$MAIL_DIR"

  # passwd-file: user:password:uid:gid:gecos:home:shell:extra (empty fields take
  # userdb default_fields). Re-read by dovecot whenever it changes.
  for entry in $USERS; do
    user=${entry%%:*}; pass=${entry#*:}
    printf '%s:{PLAIN}%s::::::\n' "$user" "$pass"
  done | put_file "$MS_DIR/dovecot/users"
  chown root:dovecot "$MS_DIR/dovecot/users"; chmod 640 "$MS_DIR/dovecot/users"

  put_file "$DC_CONF" <<EOF
# generated by mailstack.sh - do not edit
protocols = imap lmtp
listen = 127.0.0.1
base_dir = $DC_RUN
state_dir = $MS_DIR/dovecot/state
instance_name = mailstack
log_path = $LOG_DIR/dovecot.log
auth_verbose = yes

ssl = yes
ssl_cert = <$TLS_DIR/cert.pem
ssl_key = <$TLS_DIR/key.pem
ssl_dh = </usr/share/dovecot/dh.pem
ssl_min_protocol = TLSv1.2
# 127.0.0.1 counts as "secure", so plaintext LOGIN on $IMAP_PORT works even without STARTTLS.
disable_plaintext_auth = yes
auth_mechanisms = plain login

mail_location = maildir:~/Maildir
mail_uid = $vuid
mail_gid = $vgid
first_valid_uid = $vuid
last_valid_uid = $vuid
first_valid_gid = $vgid
last_valid_gid = $vgid

passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%Lu $MS_DIR/dovecot/users
}
userdb {
  driver = passwd-file
  args = username_format=%Lu $MS_DIR/dovecot/users
  default_fields = uid=$vuid gid=$vgid home=$MAIL_DIR/%Ld/%Ln
}

namespace inbox {
  inbox = yes
  separator = /
  mailbox Drafts {
    special_use = \\Drafts
    auto = subscribe
  }
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }
  mailbox Junk {
    special_use = \\Junk
    auto = subscribe
  }
  mailbox Trash {
    special_use = \\Trash
    auto = subscribe
  }
}

service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $IMAP_PORT
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = $IMAPS_PORT
    ssl = yes
  }
}

# Postfix's lmtp client and smtpd run unchrooted with cwd = queue_directory, so
# "private/dovecot-lmtp" and "private/auth" in main.cf resolve to these sockets.
service lmtp {
  unix_listener $PF_SPOOL/private/dovecot-lmtp {
    mode = 0600
    user = postfix
    group = postfix
  }
}
service auth {
  unix_listener $PF_SPOOL/private/auth {
    mode = 0660
    user = postfix
    group = postfix
  }
}

protocol lmtp {
  postmaster_address = postmaster@${DOMAINS%% *}
}
EOF
  doveconf -c "$DC_CONF" -n >/dev/null   # syntax check, fails loudly
}

# ---------------------------------------------------------------- start / wait
# Run a self-daemonizing server with stdio on /dev/null and every other inherited fd
# closed. Dovecot keeps the caller's stderr open forever, so without this a caller that
# pipes our output (CI, `| tee`, subprocess.run(capture_output=True)) never sees EOF
# and hangs.
run_detached() {
  (
    for fd in /proc/$BASHPID/fd/*; do
      fd=${fd##*/}
      [ "$fd" -gt 2 ] 2>/dev/null && eval "exec $fd>&-"
    done
    exec "$@" </dev/null >>"$LOG_DIR/daemon-stdio.log" 2>&1
  )
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_ready() {
  local i p
  for ((i = 0; i < 100; i++)); do
    local ok=1
    for p in "$SMTP_PORT" "$SUBMISSION_PORT" "$SUBMISSIONS_PORT" "$IMAP_PORT" "$IMAPS_PORT"; do
      port_open "$p" || ok=0
    done
    [ -S "$PF_SPOOL/private/dovecot-lmtp" ] && [ -S "$PF_SPOOL/private/auth" ] || ok=0
    [ $ok = 1 ] && return 0
    sleep 0.1
  done
  die "ports/sockets not ready after 10s; see $LOG_DIR/postfix.log and $LOG_DIR/dovecot.log"
}

check_ports_free() {
  local p
  for p in "$SMTP_PORT" "$SUBMISSION_PORT" "$SUBMISSIONS_PORT" "$IMAP_PORT" "$IMAPS_PORT"; do
    ! port_open "$p" || die "port 127.0.0.1:$p is already in use by another program"
  done
}

config_hash() { { cat "$PF_CONF/main.cf" "$PF_CONF/master.cf" "$DC_CONF" "$TLS_DIR/cert.pem" 2>/dev/null || true; } | md5sum; }

start_stack() { # $1=force: restart even if running with identical config
  local before
  install_packages
  ensure_vmail_user
  before=$(config_hash)
  write_tls
  write_postfix          # must come first: creates $PF_SPOOL/private for dovecot's sockets
  write_dovecot          # (the users file is re-read by dovecot on change, no restart needed)
  if [ "${1:-}" != force ] && pid_alive "$(postfix_pid)" && pid_alive "$(dovecot_pid)" &&
     [ "$before" = "$(config_hash)" ]; then
    log "already running with the same configuration; not restarting (use 'restart' to force)"
  else
    stop_stack
    check_ports_free
    run_detached dovecot -c "$DC_CONF" ||        # daemonizes; pid in $DC_RUN/master.pid
      die "dovecot failed to start; see $LOG_DIR/dovecot.log and $LOG_DIR/daemon-stdio.log"
    run_detached postfix -c "$PF_CONF" start ||  # daemonizes; pid in $PF_SPOOL/pid/master.pid
      die "postfix failed to start; see $LOG_DIR/postfix.log"
  fi
  wait_ready
  # Machine-readable summary for test suites: `. /tmp/mailstack/mailstack.env`
  put_file "$MS_DIR/mailstack.env" <<EOF
MAILSTACK_DIR=$MS_DIR
MAILSTACK_HOST=127.0.0.1
MAILSTACK_SMTP_PORT=$SMTP_PORT
MAILSTACK_SUBMISSION_PORT=$SUBMISSION_PORT
MAILSTACK_SUBMISSIONS_PORT=$SUBMISSIONS_PORT
MAILSTACK_IMAP_PORT=$IMAP_PORT
MAILSTACK_IMAPS_PORT=$IMAPS_PORT
MAILSTACK_CA=$TLS_DIR/cert.pem
MAILSTACK_TLS_SERVER_NAME=localhost
MAILSTACK_DOMAINS="$DOMAINS"
MAILSTACK_USERS="$USERS"
EOF
  print_info
}

print_info() {
  local entry
  cat <<EOF
mailstack: running  (state dir $MS_DIR)
  postfix master pid $(postfix_pid)   stop: kill \$(awk '{print \$1}' $PF_SPOOL/pid/master.pid)   (or: postfix -c $PF_CONF stop)
  dovecot master pid $(dovecot_pid)   stop: kill \$(cat $DC_RUN/master.pid)   (or: doveadm -c $DC_CONF stop)
  SMTP submission  127.0.0.1:$SUBMISSION_PORT  STARTTLS required, AUTH PLAIN/LOGIN required
  SMTP submissions 127.0.0.1:$SUBMISSIONS_PORT  implicit TLS, AUTH required
  SMTP inbound     127.0.0.1:$SMTP_PORT  no AUTH, only accepts mail for: $DOMAINS
  IMAP             127.0.0.1:$IMAP_PORT  STARTTLS (plaintext login also allowed from 127.0.0.1)
  IMAPS            127.0.0.1:$IMAPS_PORT  implicit TLS
  TLS CA/cert      $TLS_DIR/cert.pem  (self-signed, CN/SAN localhost + IP 127.0.0.1)
  logs             $LOG_DIR/postfix.log  $LOG_DIR/dovecot.log
  env file         $MS_DIR/mailstack.env  (tests read it; or: eval "\$($0 env)")
  maildirs         $MAIL_DIR/<domain>/<user>/Maildir
  users (login = full address):
EOF
  for entry in $USERS; do printf '    %-24s password %s\n' "${entry%%:*}" "${entry#*:}"; done
}

status_stack() {
  local pp dp
  pp=$(postfix_pid); dp=$(dovecot_pid)
  if pid_alive "$pp"; then echo "postfix: running (pid $pp)"; else echo "postfix: stopped"; fi
  if pid_alive "$dp"; then echo "dovecot: running (pid $dp)"; else echo "dovecot: stopped"; fi
  ss -ltn 2>/dev/null | grep -E "127\.0\.0\.1:($SMTP_PORT|$SUBMISSION_PORT|$SUBMISSIONS_PORT|$IMAP_PORT|$IMAPS_PORT)\b" || true
  pid_alive "$pp" && pid_alive "$dp" && return 0
  exit 1   # (plain "return 1" would fire the ERR trap)
}

selftest() {
  local seller=${USERS%% *} alice
  alice=$(echo "$USERS" | awk '{print $2}')
  MS_CA=$TLS_DIR/cert.pem MS_SUB=$SUBMISSION_PORT MS_SUBS=$SUBMISSIONS_PORT MS_IMAP=$IMAP_PORT \
  MS_IMAPS=$IMAPS_PORT MS_SELLER=$seller MS_ALICE=$alice python3 - <<'PY'
import email, email.policy, imaplib, os, smtplib, ssl, time, uuid
from email.message import EmailMessage

env = os.environ
ca = env["MS_CA"]
sub, subs, imap_port, imaps_port = (int(env[k]) for k in ("MS_SUB", "MS_SUBS", "MS_IMAP", "MS_IMAPS"))
seller, seller_pw = env["MS_SELLER"].split(":", 1)
alice, alice_pw = env["MS_ALICE"].split(":", 1)
# Full verification against our self-signed cert. The cert has SANs localhost and
# IP:127.0.0.1, so connecting to either name verifies; no CERT_NONE needed.
ctx = ssl.create_default_context(cafile=ca)

def message(to, subject):
    m = EmailMessage()
    m["From"], m["To"], m["Subject"] = seller, to, subject
    m["Message-ID"] = email.utils.make_msgid(domain="shop.test")
    m.set_content("hello from the mailstack selftest\n")
    return m

def send(m, **kw):
    with smtplib.SMTP("127.0.0.1", sub, timeout=10) as s:
        s.starttls(context=ctx)
        s.login(seller, seller_pw)
        s.send_message(m, **kw)

def imap(user, pw):
    c = imaplib.IMAP4("127.0.0.1", imap_port, timeout=10)
    c.starttls(ssl_context=ctx)
    c.login(user, pw)
    return c

def wait_for(user, pw, criteria, timeout=15):
    # NB: imaplib does not quote arguments; quote strings yourself.
    deadline = time.time() + timeout
    while True:
        c = imap(user, pw)
        try:
            c.select("INBOX", readonly=True)
            ids = c.search(None, *criteria)[1][0].split()
            if ids:
                return email.message_from_bytes(c.fetch(ids[-1], "(RFC822)")[1][0][1],
                                                policy=email.policy.default)
        finally:
            c.logout()
        if time.time() > deadline:
            raise SystemExit(f"FAIL: nothing matching {criteria} in {user} INBOX after {timeout}s")
        time.sleep(0.2)

tok = uuid.uuid4().hex[:8]

# 1. seller -> alice over submission (STARTTLS + AUTH), read back over IMAP STARTTLS
t0 = time.time()
send(message(alice, f"selftest {tok}"))
got = wait_for(alice, alice_pw, ["SUBJECT", f'"selftest {tok}"'])
print(f"OK delivered: alice INBOX Subject={got['Subject']!r} ({time.time()-t0:.2f}s)")

# 2. unknown local user -> asynchronous DSN in seller's INBOX. ENVID comes back as
#    Original-Envelope-Id, which is the easiest way for an app to correlate bounces.
t0 = time.time()
bad = "nobody@" + alice.split("@", 1)[1]
send(message(bad, f"bounce {tok}"), mail_options=[f"ENVID=bounce-{tok}", "RET=HDRS"],
     rcpt_options=["NOTIFY=FAILURE,DELAY"])
# BODY does not search headers of the attached original message; TEXT does.
dsn = wait_for(seller, seller_pw, ["FROM", '"MAILER-DAEMON"', "TEXT", f'"bounce-{tok}"'])
assert dsn.get_content_type() == "multipart/report", dsn.get_content_type()
assert dsn.get_param("report-type") == "delivery-status"
status = next(p for p in dsn.walk() if p.get_content_type() == "message/delivery-status")
blocks = status.get_payload()   # [per-message fields, per-recipient fields, ...]
msgf, rcptf = blocks[0], blocks[1]
print(f"OK bounce: seller INBOX has DSN From={str(dsn['From'])!r} ({time.time()-t0:.2f}s)")
print(f"   Original-Envelope-Id={msgf['Original-Envelope-Id']!r}")
print(f"   Final-Recipient={rcptf['Final-Recipient']!r} Action={rcptf['Action']!r} Status={rcptf['Status']!r}")
print(f"   Diagnostic-Code={' '.join(str(rcptf['Diagnostic-Code']).split())!r}")
assert msgf["Original-Envelope-Id"] == f"bounce-{tok}" and rcptf["Status"] == "5.1.1"

# 3. implicit-TLS ports, hostname verified as "localhost"
with smtplib.SMTP_SSL("localhost", subs, context=ctx, timeout=10) as s:
    s.login(alice, alice_pw)
    s.send_message(message(alice, f"via-submissions {tok}"), from_addr=alice)
c = imaplib.IMAP4_SSL("localhost", imaps_port, ssl_context=ctx, timeout=10)
c.login(alice, alice_pw); c.logout()
wait_for(alice, alice_pw, ["SUBJECT", f'"via-submissions {tok}"'])
print(f"OK implicit TLS: {subs} (SMTP) and {imaps_port} (IMAP) verified as 'localhost'")

# 4. submission refuses unauthenticated / unencrypted use
with smtplib.SMTP("127.0.0.1", sub, timeout=10) as s:
    s.ehlo()
    assert not s.has_extn("auth"), "AUTH must not be offered before STARTTLS"
    code, _ = s.mail(seller)
    assert code == 530, f"MAIL before STARTTLS should be 530, got {code}"
with smtplib.SMTP("127.0.0.1", sub, timeout=10) as s:
    s.starttls(context=ctx)
    try:
        s.sendmail(seller, [alice], b"Subject: x\r\n\r\nx\r\n")
        raise SystemExit("FAIL: unauthenticated submission was accepted")
    except smtplib.SMTPRecipientsRefused as e:
        print(f"OK refused without AUTH: {e.recipients[alice][0]} {e.recipients[alice][1].decode()}")

# 5. special-use folders exist; an app saves its copy with APPEND
c = imap(seller, seller_pw)
boxes = [b.decode() for b in c.list()[1]]
sent = [b for b in boxes if "\\Sent" in b]
assert sent, boxes
c.append("Sent", "\\Seen", imaplib.Time2Internaldate(time.time()),
         message(alice, f"sent-copy {tok}").as_bytes())
c.select("Sent", readonly=True)
assert c.search(None, "SUBJECT", f'"sent-copy {tok}"')[1][0]
c.logout()
print(f"OK special-use: {sent}; APPEND to Sent works")
print("SELFTEST PASSED")
PY
}

case "${1:-start}" in
  start) start_stack ;;
  stop) stop_stack; log "stopped" ;;
  restart) start_stack force ;;
  status) status_stack ;;
  reset)
    case "$MS_DIR" in /tmp/?*|/var/tmp/?*|/run/?*) ;; *) die "refusing to rm -rf MAILSTACK_DIR=$MS_DIR (not under /tmp, /var/tmp or /run)";; esac
    stop_stack; rm -rf "$MS_DIR"; start_stack ;;
  clear) doveadm -c "$DC_CONF" expunge -A mailbox '*' all ;;
  selftest) selftest ;;
  env)
    [ -f "$MS_DIR/mailstack.env" ] || die "not started: run $0 start"
    sed -e 's/^/export /' "$MS_DIR/mailstack.env" ;;
  *) die "usage: $0 [start|stop|restart|status|reset|clear|selftest|env]" ;;
esac
