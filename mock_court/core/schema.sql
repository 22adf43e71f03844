-- The mock's whole state. Reset restores a snapshot taken right after seeding.

CREATE TABLE IF NOT EXISTS accounts (
    id INTEGER PRIMARY KEY,
    account_number TEXT NOT NULL UNIQUE,
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    account_type TEXT NOT NULL,            -- pacer-case-search-only, attorney-filers-cmecf, ...
    status TEXT NOT NULL,                  -- active | not-activated | inactive
    upgraded INTEGER NOT NULL DEFAULT 1,   -- 0: an old 6-character account, not NextGen-ready
    shared INTEGER NOT NULL DEFAULT 0,     -- a firm account used by several people
    prefix TEXT, first_name TEXT NOT NULL, middle_name TEXT, last_name TEXT NOT NULL,
    generation TEXT, suffix TEXT, date_of_birth TEXT NOT NULL,
    firm TEXT, unit TEXT, address1 TEXT, address2 TEXT, address3 TEXT, room TEXT,
    city TEXT, state TEXT, county TEXT, zip TEXT, country TEXT,
    primary_phone TEXT, alternate_phone TEXT, text_phone TEXT, fax TEXT,
    email TEXT NOT NULL, user_type TEXT NOT NULL, cja_panel INTEGER NOT NULL DEFAULT 0,
    question1 TEXT, answer1_hash TEXT, question2 TEXT, answer2_hash TEXT,
    card_type TEXT, card_last4 TEXT, card_holder TEXT, card_expiry TEXT,
    activation_code_hash TEXT,
    client_code_required INTEGER NOT NULL DEFAULT 0,
    mfa_required INTEGER NOT NULL DEFAULT 0,  -- must enrol in multifactor authentication (CM/ECF-level access)
    mfa_skips INTEGER NOT NULL DEFAULT 0,     -- times the enrolment prompt was skipped at sign-on (three allowed)
    problem TEXT,                          -- a troubleshooting cause: stale-cache | stale-session | stale-cookies
    registration_key TEXT UNIQUE,          -- one account per submitted registration, however often Submit is pressed
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE IF NOT EXISTS ecf_accounts (
    id INTEGER PRIMARY KEY,
    court TEXT NOT NULL,
    login TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    name TEXT NOT NULL,
    email TEXT,
    role TEXT NOT NULL DEFAULT 'attorney',
    pacer_account_id INTEGER REFERENCES accounts(id),
    linked_at TEXT,
    locked INTEGER NOT NULL DEFAULT 0,
    shared_pacer_account_id INTEGER REFERENCES accounts(id),  -- its holder signs on with this shared firm account
    UNIQUE (court, login)
);

CREATE TABLE IF NOT EXISTS sessions (
    token TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    client_code TEXT,
    redaction_ack INTEGER NOT NULL DEFAULT 0,
    scope TEXT NOT NULL DEFAULT 'full',    -- full | mfa-setup: only Manage My Account honours the latter
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    expires_at TEXT NOT NULL,
    ended INTEGER NOT NULL DEFAULT 0
);

-- Simulated U.S. mail (activation letters) and email notifications.
CREATE TABLE IF NOT EXISTS outbox (
    id INTEGER PRIMARY KEY,
    channel TEXT NOT NULL,                 -- mail | email
    recipient TEXT NOT NULL,
    account_number TEXT,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- Switches of the mock: captcha mode, injected faults. JSON values.
CREATE TABLE IF NOT EXISTS settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- What a court's CM/ECF last showed an account in its menu bar, for the troubleshooting causes
-- that keep old menus after linking (core/faults.py: menu_cause). Absent: menus follow the link state.
CREATE TABLE IF NOT EXISTS menu_states (
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    court TEXT NOT NULL,
    menu_set TEXT NOT NULL,                -- pacer | filer: the set it showed
    cause TEXT NOT NULL,                   -- stale-cache | stale-session
    PRIMARY KEY (account_id, court)
);

-- Browser sessions, as JSF keeps them behind JSESSIONID: the cookie holds only the id; what a
-- flow has entered so far (a registration, a sign-on between stages) lives here.
CREATE TABLE IF NOT EXISTS web_sessions (
    id TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

-- Captcha tokens given by the widget: each verifies once, for the session that was given it.
CREATE TABLE IF NOT EXISTS captcha_tokens (
    token TEXT PRIMARY KEY,
    session_key TEXT,                      -- the ViewState of the session given it
    expires_at TEXT NOT NULL,
    used INTEGER NOT NULL DEFAULT 0
);

-- Multifactor authentication: up to five authentication apps per account, each with its TOTP
-- secret (an app must read it, so it cannot be hashed) and the last time step it was accepted
-- for (a code is never accepted twice).
CREATE TABLE IF NOT EXISTS mfa_apps (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    name TEXT NOT NULL,
    secret TEXT NOT NULL,
    last_step INTEGER,
    created_at TEXT NOT NULL
);

-- The account's current batch of backup codes, hashed; each is good for one sign-on.
CREATE TABLE IF NOT EXISTS mfa_backup_codes (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    code_hash TEXT NOT NULL,
    used_at TEXT
);
