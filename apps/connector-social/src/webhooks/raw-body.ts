import { raw, type NextFunction, type Request, type RequestHandler, type Response } from 'express';

/**
 * Webhook bodies kept as the raw bytes (`req.body` a Buffer): signatures are computed over
 * exactly what the platform sent, so nothing may parse it first. Past `maxBytes` the request is
 * answered 413 before it is read further; the error shape is the hub's own.
 */
export function rawWebhookBodies(maxBytes: number): RequestHandler {
  const parse = raw({ type: () => true, limit: maxBytes });
  return (req: Request, res: Response, next: NextFunction) => {
    parse(req, res, (error?: unknown) => {
      if (error === undefined) return next();
      const status = Number((error as { status?: unknown }).status) || 400;
      res.status(status).json({
        status,
        code: `HTTP_${status}`,
        message: status === 413 ? 'The body is too large' : 'The body could not be read',
      });
    });
  };
}

/** The raw body `rawWebhookBodies` read (empty when the request had none). */
export function rawBodyOf(req: Request): Buffer {
  return Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
}
