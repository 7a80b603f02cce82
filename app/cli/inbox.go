package cli

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"shopclerk/backend/domain"
	"shopclerk/backend/mail"
	"shopclerk/backend/secrets"
	"shopclerk/backend/service"
)

func init() {
	registerCommand(Command{Name: "send", Summary: "send what is queued in the outbox: send [--max N]", Run: runSend})
	registerCommand(Command{Name: "inbox", Summary: "read new mail: replies, bounces, unsubscribes, order questions", Run: runInbox})
	registerCommand(Command{Name: "account", Summary: "email account: account show | account set --provider gmail --from ADDR [--password-stdin] ...", Run: runAccount})
}

func runSend(ctx context.Context, env *CLIEnv, args []string) error {
	fs := flag.NewFlagSet("send", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	max := fs.Int("max", 0, "send at most this many messages")
	if err := parseFlags(fs, args, env.Out); err != nil {
		return domain.Wrap(err, domain.CodeInvalid, "send: "+err.Error()+" (usage: shopclerk send [--max N] [--json])")
	}
	rep, err := env.Shop().Mail.Send(ctx, *max, nil)
	if err != nil {
		return err
	}
	env.Print(rep, func(w io.Writer) {
		r := rep.Run
		fmt.Fprintf(w, "sent %d, deferred %d, failed %d, in doubt %d, not sent (suppressed or no consent) %d\n",
			r.Sent, r.Deferred, r.Failed, r.InDoubt, r.Cancelled)
		if d := rep.InDoubt; d.JournalSent+d.NeverSent+d.Interrupted > 0 {
			fmt.Fprintf(w, "after the last stop: %d recorded as sent, %d had not gone out and were queued again, %d in doubt\n",
				d.JournalSent, d.NeverSent, d.Interrupted)
		}
		if d := rep.InDoubt; d.FoundSent+d.ProvenUnsent+d.SellerDecide > 0 {
			fmt.Fprintf(w, "in-doubt check: %d found in your mailbox, %d proven unsent and queued again, %d for you to decide\n",
				d.FoundSent, d.ProvenUnsent, d.SellerDecide)
		}
		if r.FiledCopies > 0 {
			fmt.Fprintf(w, "filed %d copies in your Sent folder\n", r.FiledCopies)
		}
		if r.QuietHeld > 0 {
			fmt.Fprintf(w, "%d marketing emails wait for quiet hours until %s (shop time); order emails still go\n", r.QuietHeld, r.QuietUntilShop)
		}
		if r.PausedUntil != nil {
			fmt.Fprintf(w, "paused until %s: %s\n", r.PausedUntil.Format("2006-01-02 15:04 MST"), r.PauseReason)
		}
		if r.FileError != "" {
			fmt.Fprintf(w, "could not file copies in Sent: %s\n", r.FileError)
		}
	})
	return nil
}

func runInbox(ctx context.Context, env *CLIEnv, args []string) error {
	res, err := env.Shop().Mail.SyncInbox(ctx, nil)
	if err != nil {
		return err
	}
	env.Print(res, func(w io.Writer) {
		fmt.Fprintf(w, "read %d new messages: %d replies, %d automatic replies, %d bounces, %d unsubscribes, %d complaints, %d order questions (%d reply drafts); %d addresses suppressed\n",
			res.Scanned, res.Replies, res.AutoReplies, res.Bounces, res.Unsubscribes, res.Complaints, res.OrderQuestions, res.Drafts, res.Suppressed)
		if res.More {
			fmt.Fprintln(w, "more new mail is waiting: run `shopclerk inbox` again")
		}
	})
	return nil
}

// accountView is what `account show --json` prints (never a secret).
type accountView struct {
	Account        mail.Account `json:"account"`
	HasPassword    bool         `json:"hasPassword"`
	SecretsBackend string       `json:"secretsBackend"`
}

func runAccount(ctx context.Context, env *CLIEnv, args []string) error {
	me := env.Shop().Mail
	if len(args) == 0 || (args[0] != "set" && args[0] != "show") {
		return domain.Errorf(domain.CodeInvalid, "usage: shopclerk account show | account set --provider NAME --from ADDR [flags] (see account set -h)")
	}
	cur, _, err := mail.LoadAccount(ctx, env.Store)
	if err != nil {
		return err
	}
	if args[0] == "set" {
		if cur, err = accountFromFlags(ctx, cur, args[1:], me, env.Out); err != nil {
			return err
		}
	}
	pw, _ := me.Secrets().Get(secrets.MailPasswordKey(cur.Login()))
	v := accountView{Account: cur, HasPassword: pw != "", SecretsBackend: string(me.Secrets().Backend())}
	env.Print(v, func(w io.Writer) {
		a := v.Account
		fmt.Fprintf(w, "%s <%s> via %s:%d (%s), mailbox %s:%d (%s)\n", a.FromName, a.FromAddress, a.SMTPHost, a.SMTPPort, a.SMTPSecurity, a.IMAPHost, a.IMAPPort, a.IMAPSecurity)
		fmt.Fprintf(w, "limits %d/minute %d/day; password saved: %v (in the %s)\n", a.PerMinute, a.PerDay, v.HasPassword, v.SecretsBackend)
		if a.TestMode {
			fmt.Fprintf(w, "TEST MODE: every message goes to %s\n", a.TestAddress)
		}
		if v.SecretsBackend == string(secrets.BackendFile) {
			fmt.Fprintln(w, "no system keychain found: the password is in a file only you can read, beside the shop database")
		}
	})
	return nil
}

// accountFromFlags applies `account set` flags over the saved account.
// The password is read from stdin (--password-stdin), never from a flag,
// so it stays out of shell history and process lists.
func accountFromFlags(ctx context.Context, a mail.Account, args []string, me *service.Mailer, out io.Writer) (mail.Account, error) {
	fs := flag.NewFlagSet("account set", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	provider := fs.String("provider", "", "gmail, outlook, microsoft365, icloud, yahoo, zoho, fastmail or generic (fills servers and limits)")
	from := fs.String("from", a.FromAddress, "sender address")
	name := fs.String("name", a.FromName, "sender name")
	user := fs.String("user", a.Username, "login, if not the address")
	smtpHost := fs.String("smtp-host", "", "SMTP server")
	smtpPort := fs.Int("smtp-port", 0, "SMTP port")
	smtpSec := fs.String("smtp-security", "", "starttls, tls or none")
	imapHost := fs.String("imap-host", "", "IMAP server")
	imapPort := fs.Int("imap-port", 0, "IMAP port")
	imapSec := fs.String("imap-security", "", "starttls, tls or none")
	perMin := fs.Int("per-minute", -1, "messages per minute (0: no limit)")
	perDay := fs.Int("per-day", -1, "messages per day (0: no limit)")
	caFile := fs.String("ca-file", a.CAFile, "extra trusted CA certificate (PEM)")
	plain := fs.Bool("allow-plaintext", a.AllowPlaintext, "allow unencrypted connections to this computer")
	filesSent := fs.String("provider-files-sent", "", "true if the provider files sent mail in Sent itself")
	confirm := fs.Bool("confirm-copy", a.ConfirmCopy, "send yourself a hidden copy that proves delivery")
	testMode := fs.Bool("test-mode", a.TestMode, "send every message to --test-address instead")
	testAddr := fs.String("test-address", a.TestAddress, "where test mode sends")
	pwStdin := fs.Bool("password-stdin", false, "read the password from standard input")
	if err := parseFlags(fs, args, out); err != nil {
		return a, domain.Wrap(err, domain.CodeInvalid, "account set: "+err.Error())
	}
	if *provider != "" {
		a = mail.ApplyPreset(a, mail.ProviderID(*provider))
	}
	if a.Auth == "" {
		a.Auth = mail.AuthPassword
	}
	a.FromAddress, a.FromName, a.Username, a.CAFile = *from, *name, *user, *caFile
	a.AllowPlaintext, a.ConfirmCopy, a.TestMode, a.TestAddress = *plain, *confirm, *testMode, *testAddr
	if *smtpHost != "" {
		a.SMTPHost = *smtpHost
	}
	if *smtpPort != 0 {
		a.SMTPPort = *smtpPort
	}
	if *smtpSec != "" {
		a.SMTPSecurity = mail.Security(*smtpSec)
	}
	if *imapHost != "" {
		a.IMAPHost = *imapHost
	}
	if *imapPort != 0 {
		a.IMAPPort = *imapPort
	}
	if *imapSec != "" {
		a.IMAPSecurity = mail.Security(*imapSec)
	}
	if *perMin >= 0 {
		a.PerMinute = *perMin
	}
	if *perDay >= 0 {
		a.PerDay = *perDay
	}
	if *filesSent != "" {
		a.ProviderFilesSent = *filesSent == "true"
	}
	password := ""
	if *pwStdin {
		line, err := bufio.NewReader(os.Stdin).ReadString('\n')
		if err != nil && err != io.EOF {
			return a, domain.Wrap(err, domain.CodeInvalid, "could not read the password from standard input")
		}
		password = strings.TrimRight(line, "\r\n")
	}
	return a, me.SaveAccount(ctx, a, password)
}
