import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * Tests only: a real SMTP server on a random local port that keeps what it receives, decoded enough to
 * assert on (headers, text and HTML parts, attachment names). Recipients whose address starts with
 * `rifiuta` are refused with a temporary error (451), as a server in trouble would.
 */

export interface ReceivedMail {
  envelopeFrom: string;
  envelopeTo: string[];
  raw: string;
  headers: Record<string, string>;
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; content: Buffer }[];
}

export interface TestSmtpServer {
  url: string;
  received: ReceivedMail[];
  /** RCPT TO commands refused. */
  refused: string[];
  close(): Promise<void>;
}

export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const refused: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('rifiuta')) {
        refused.push(address.address);
        return callback(Object.assign(new Error('Mailbox temporarily unavailable'), { responseCode: 451 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const from = session.envelope.mailFrom;
        received.push({
          envelopeFrom: from ? from.address : '',
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          raw,
          ...parseMail(raw),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refused,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function splitHead(entity: string): { headers: Record<string, string>; body: string } {
  const i = entity.indexOf('\r\n\r\n');
  const head = i >= 0 ? entity.slice(0, i) : entity;
  const body = i >= 0 ? entity.slice(i + 4) : '';
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const c = line.indexOf(':');
    if (c > 0) headers[line.slice(0, c).trim().toLowerCase()] = line.slice(c + 1).trim();
  }
  return { headers, body };
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= and =?UTF-8?B?…?=). */
export function decodeWords(s: string): string {
  return s
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_m, _cs: string, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
    );
}

function decodeBody(body: string, encoding: string | undefined): Buffer {
  switch ((encoding ?? '7bit').toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64');
    case 'quoted-printable':
      return Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
    default:
      return Buffer.from(body, 'utf8');
  }
}

function parseMail(raw: string): Pick<ReceivedMail, 'headers' | 'subject' | 'text' | 'html' | 'attachments'> {
  const out = { text: '', html: '', attachments: [] as ReceivedMail['attachments'] };
  const walk = (entity: string) => {
    const { headers, body } = splitHead(entity);
    const type = headers['content-type'] ?? 'text/plain';
    const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
    if (type.toLowerCase().startsWith('multipart/') && boundary) {
      const parts = body.split(`--${boundary}`).slice(1);
      for (const p of parts) if (!p.startsWith('--')) walk(p.replace(/^\r\n/, ''));
      return;
    }
    const content = decodeBody(body.replace(/\r\n$/, ''), headers['content-transfer-encoding']);
    const filename = /filename="?([^";]+)"?/i.exec(headers['content-disposition'] ?? '')?.[1];
    if (filename) out.attachments.push({ filename: decodeWords(filename), contentType: type.split(';')[0]!, content });
    else if (type.toLowerCase().startsWith('text/html')) out.html = content.toString('utf8');
    else if (type.toLowerCase().startsWith('text/plain')) out.text = content.toString('utf8');
  };
  walk(raw);
  const { headers } = splitHead(raw);
  return { headers, subject: decodeWords(headers.subject ?? ''), ...out };
}
