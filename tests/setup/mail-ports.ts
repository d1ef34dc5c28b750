// Where the end-to-end run's SMTP sink listens (tests/setup/smtp-sink.ts), and the loopback
// HTTP endpoint specs read its messages from. Kept apart so specs need not load the sink itself.
export const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 3125)
export const E2E_MAILBOX_PORT = Number(process.env.E2E_MAILBOX_PORT ?? 3126)
export const E2E_SMTP_URL = `smtp://127.0.0.1:${E2E_SMTP_PORT}`
export const E2E_MAILBOX_URL = `http://127.0.0.1:${E2E_MAILBOX_PORT}`
