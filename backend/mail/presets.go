package mail

// ProviderID names a mail provider preset.
type ProviderID string

const (
	ProviderGmail     ProviderID = "gmail"
	ProviderOutlook   ProviderID = "outlook"
	ProviderMicrosoft ProviderID = "microsoft365"
	ProviderICloud    ProviderID = "icloud"
	ProviderYahoo     ProviderID = "yahoo"
	ProviderZoho      ProviderID = "zoho"
	ProviderFastmail  ProviderID = "fastmail"
	ProviderGeneric   ProviderID = "generic"
)

// Preset fills the account form for a provider. Limits are the providers'
// published sending limits for ordinary (not bulk) accounts, rounded down a
// little so Shopclerk never trips them; the seller can edit them.
type Preset struct {
	ID   ProviderID `json:"id"`
	Name string     `json:"name"`
	Servers
	PerMinute         int  `json:"perMinute"`
	PerDay            int  `json:"perDay"`
	ProviderFilesSent bool `json:"providerFilesSent"`
	OAuth             bool `json:"oauth"` // offers Sign in with Google/Microsoft
	// PasswordHint is what the seller must know about passwords there.
	PasswordHint string `json:"passwordHint"`
}

// Presets lists the providers the Settings screen offers, generic last.
func Presets() []Preset {
	return []Preset{
		{ID: ProviderGmail, Name: "Gmail / Google Workspace", Servers: Servers{SMTPHost: "smtp.gmail.com", SMTPPort: 587, SMTPSecurity: SecurityStartTLS,
			IMAPHost: "imap.gmail.com", IMAPPort: 993, IMAPSecurity: SecurityTLS}, PerMinute: 20, PerDay: 450,
			ProviderFilesSent: true, OAuth: true,
			PasswordHint: "Gmail needs an app password (Google Account > Security > 2-Step Verification > App passwords), or use Sign in with Google."},
		{ID: ProviderOutlook, Name: "Outlook.com / Hotmail", Servers: Servers{SMTPHost: "smtp-mail.outlook.com", SMTPPort: 587, SMTPSecurity: SecurityStartTLS,
			IMAPHost: "outlook.office365.com", IMAPPort: 993, IMAPSecurity: SecurityTLS}, PerMinute: 20, PerDay: 280,
			ProviderFilesSent: true, OAuth: true,
			PasswordHint: "Outlook.com accounts need Sign in with Microsoft; passwords are no longer accepted for SMTP."},
		{ID: ProviderMicrosoft, Name: "Microsoft 365 (work or school)", Servers: Servers{SMTPHost: "smtp.office365.com", SMTPPort: 587, SMTPSecurity: SecurityStartTLS,
			IMAPHost: "outlook.office365.com", IMAPPort: 993, IMAPSecurity: SecurityTLS}, PerMinute: 30, PerDay: 9000,
			ProviderFilesSent: true, OAuth: true,
			PasswordHint: "Microsoft 365 needs SMTP AUTH turned on for your mailbox by your admin, or Sign in with Microsoft."},
		{ID: ProviderICloud, Name: "iCloud Mail", Servers: Servers{SMTPHost: "smtp.mail.me.com", SMTPPort: 587, SMTPSecurity: SecurityStartTLS,
			IMAPHost: "imap.mail.me.com", IMAPPort: 993, IMAPSecurity: SecurityTLS}, PerMinute: 10, PerDay: 900,
			ProviderFilesSent: false,
			PasswordHint:      "iCloud needs an app-specific password (appleid.apple.com > Sign-In and Security > App-Specific Passwords)."},
		{ID: ProviderYahoo, Name: "Yahoo Mail", Servers: Servers{SMTPHost: "smtp.mail.yahoo.com", SMTPPort: 465, SMTPSecurity: SecurityTLS,
			IMAPHost: "imap.mail.yahoo.com", IMAPPort: 993, IMAPSecurity: SecurityTLS}, PerMinute: 10, PerDay: 450,
			ProviderFilesSent: false,
			PasswordHint:      "Yahoo needs an app password (Account security > Generate app password)."},
		{ID: ProviderZoho, Name: "Zoho Mail", Servers: Servers{SMTPHost: "smtp.zoho.com", SMTPPort: 465, SMTPSecurity: SecurityTLS,
			IMAPHost: "imap.zoho.com", IMAPPort: 993, IMAPSecurity: SecurityTLS}, PerMinute: 10, PerDay: 450,
			ProviderFilesSent: false,
			PasswordHint:      "With two-factor sign-in Zoho needs an application-specific password."},
		{ID: ProviderFastmail, Name: "Fastmail", Servers: Servers{SMTPHost: "smtp.fastmail.com", SMTPPort: 465, SMTPSecurity: SecurityTLS,
			IMAPHost: "imap.fastmail.com", IMAPPort: 993, IMAPSecurity: SecurityTLS}, PerMinute: 20, PerDay: 1500,
			ProviderFilesSent: false,
			PasswordHint:      "Fastmail needs an app password (Settings > Privacy & Security > App passwords)."},
		{ID: ProviderGeneric, Name: "Other (your hosting or company mail)",
			Servers: Servers{SMTPPort: 587, SMTPSecurity: SecurityStartTLS, IMAPPort: 993, IMAPSecurity: SecurityTLS}, PerMinute: 10, PerDay: 300,
			PasswordHint: "Use the mailbox password your host gave you."},
	}
}

// PresetFor returns the preset of id (generic when unknown).
func PresetFor(id ProviderID) Preset {
	ps := Presets()
	for _, p := range ps {
		if p.ID == id {
			return p
		}
	}
	return ps[len(ps)-1]
}

// Servers are an account's sending (SMTP) and mailbox (IMAP) servers.
type Servers struct {
	SMTPHost     string   `json:"smtpHost"`
	SMTPPort     int      `json:"smtpPort"`
	SMTPSecurity Security `json:"smtpSecurity"`
	IMAPHost     string   `json:"imapHost"`
	IMAPPort     int      `json:"imapPort"`
	IMAPSecurity Security `json:"imapSecurity"`
}

// ApplyPreset fills the server fields and limits of a from its provider's
// preset, keeping what the seller typed (addresses, names, test mode).
func ApplyPreset(a Account, id ProviderID) Account {
	p := PresetFor(id)
	a.Provider = p.ID
	smtp, imap := a.SMTPHost, a.IMAPHost
	a.Servers = p.Servers
	if p.SMTPHost == "" { // another provider: the hosts are the seller's
		a.SMTPHost, a.IMAPHost = smtp, imap
	}
	a.PerMinute, a.PerDay = p.PerMinute, p.PerDay
	a.ProviderFilesSent = p.ProviderFilesSent
	if a.Auth == "" {
		a.Auth = AuthPassword
	}
	return a
}
