/**
 * The one template of Tandem's mail. Every message has a plain-text part, which any client shows and a
 * person can read as it is, and an HTML part built from the same content: a single-column table with inline
 * styles, because mail clients strip <style> blocks and ignore most layout CSS. Everything that comes from
 * the content is escaped, and the action's URL is also written out under its button, so that it can be
 * copied where the button does not render.
 */

export interface MailContent {
  subject: string;
  /** "Hello Maya," */
  greeting?: string;
  /** Plain text; escaped in the HTML part. */
  paragraphs: string[];
  /** The one button (HTML), the bare link on its own line (text). */
  action?: { label: string; url: string };
  /** Small print ("This link works once, until 10 December 2026."). */
  footer?: string[];
}

export interface ComposedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers (List-Unsubscribe, ...) and a Message-ID of the sender's choosing, passed to the server as they are. */
  headers?: Record<string, string>;
  messageId?: string;
}

const BRAND = "Tandem";

export function composeMail(to: string, content: MailContent): ComposedMail {
  return { to, subject: content.subject, text: composeText(content), html: composeHtml(content) };
}

function composeText({ greeting, paragraphs, action, footer = [] }: MailContent): string {
  const blocks = [
    ...(greeting ? [greeting] : []),
    ...paragraphs,
    // The link alone on its line: clients make it clickable, and nothing glued to it breaks it.
    ...(action ? [`${action.label}:\n${action.url}`] : []),
    ...(footer.length > 0 ? [footer.join("\n")] : []),
    `-- \n${BRAND}`,
  ];
  return `${blocks.join("\n\n")}\n`;
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const FONT = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;";
const PARAGRAPH = `${FONT}margin:0 0 16px;font-size:16px;line-height:24px;color:#1f2937;`;
const SMALL = `${FONT}margin:0 0 8px;font-size:13px;line-height:20px;color:#6b7280;`;

function composeHtml({ subject, greeting, paragraphs, action, footer = [] }: MailContent): string {
  const paragraph = (text: string) => `<p style="${PARAGRAPH}">${escapeHtml(text)}</p>`;
  const body = [...(greeting ? [greeting] : []), ...paragraphs].map(paragraph).join("\n");
  const button = action ? actionHtml(action) : "";
  const small = footer.map((line) => `<p style="${SMALL}">${escapeHtml(line)}</p>`).join("\n");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(subject)}</title>
</head>
<body style="margin:0;padding:0;background-color:#f3f4f6;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f3f4f6;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:560px;background-color:#ffffff;border:1px solid #e5e7eb;border-radius:8px;">
<tr><td style="padding:20px 24px;border-bottom:1px solid #e5e7eb;${FONT}font-size:18px;font-weight:bold;color:#111827;">${BRAND}</td></tr>
<tr><td style="padding:24px;">
${body}
${button}
${small}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}

function actionHtml({ label, url }: { label: string; url: string }): string {
  // Only web links: a javascript: or data: URL in a button is never what a caller meant.
  if (!/^https?:\/\//i.test(url)) throw new Error(`A mail's action must be an http(s) link, not "${url}"`);
  const href = escapeHtml(url);
  return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 24px;">
<tr><td style="border-radius:6px;background-color:#2563eb;">
<a href="${href}" style="display:inline-block;padding:12px 20px;${FONT}font-size:16px;font-weight:bold;color:#ffffff;text-decoration:none;border-radius:6px;">${escapeHtml(label)}</a>
</td></tr>
</table>
<p style="${SMALL}">Or copy this link into your browser:</p>
<p style="${SMALL}word-break:break-all;"><a href="${href}" style="color:#2563eb;">${href}</a></p>`;
}
