const UNSUBSCRIBE_BASE = 'https://shiftboard.app/settings/notifications';

/** Builds the outgoing email for one message, using the tenant's effective settings. */
export function renderEmail(tenant, settings, message) {
  const { email } = settings;
  const fromName = email.fromName ?? tenant.name;
  const footerLines = [email.footer.text];
  if (email.footer.showUnsubscribe) {
    footerLines.push(`Unsubscribe: ${UNSUBSCRIBE_BASE}?tenant=${encodeURIComponent(tenant.id)}`);
  }
  if (email.branding.showPoweredBy) {
    footerLines.push('Sent with Shiftboard');
  }
  return {
    from: `"${fromName}" <${email.fromAddress}>`,
    replyTo: email.replyTo ?? email.fromAddress,
    to: message.to,
    subject: message.subject,
    accentColor: email.branding.accentColor,
    text: [message.body, '', '--', ...footerLines].join('\n'),
  };
}
