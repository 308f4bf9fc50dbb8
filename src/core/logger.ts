import pino, { type Logger } from 'pino';

/** Structured logs with the request id; headers that carry credentials or personal data are redacted. */
export function createLogger(level: string, pretty = false): Logger {
  return pino({
    level,
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-api-key"]', 'res.headers["set-cookie"]', '*.password', '*.taxCode', '*.email'],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({ method: req.method, url: req.url.replace(/([?&](?:api_key|token|code|state)=)[^&]*/g, '$1[redacted]') }),
    },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'HH:MM:ss' } } } : {}),
  });
}
