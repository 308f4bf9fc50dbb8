import pino, { type Logger } from 'pino';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const TAX_CODE = /\b[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]\b/gi;

/** Mask personal data that error texts may carry (an SMTP server quoting the recipient, a tax code in a query). */
export function maskPersonalData(text: string): string {
  return text.replace(EMAIL, '[e-mail]').replace(TAX_CODE, '[tax code]');
}

function errSerializer(err: Error): Record<string, unknown> {
  const out = pino.stdSerializers.err(err) as unknown as Record<string, unknown>;
  for (const k of ['message', 'stack', 'response', 'detail']) {
    if (typeof out[k] === 'string') out[k] = maskPersonalData(out[k] as string);
  }
  return out;
}

/** Structured logs with the request id; headers that carry credentials or personal data are redacted. */
export function createLogger(level: string, pretty = false, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-api-key"]', 'res.headers["set-cookie"]', '*.password', '*.taxCode', '*.email'],
      censor: '[redacted]',
    },
    serializers: {
      err: errSerializer,
      req: (req: { method: string; url: string; id: string }) => ({ method: req.method, url: req.url.replace(/([?&](?:api_key|token|code|state)=)[^&]*/g, '$1[redacted]') }),
    },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'HH:MM:ss' } } } : {}),
  };
  return destination ? pino(options, destination) : pino(options);
}
