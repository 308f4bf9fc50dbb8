import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Content, ContentType } from './types.ts';

/**
 * The public detail page of each content type, registered by the page files. The back office's preview renders
 * a draft through the same function, so what editors preview is exactly what citizens will see.
 */
export type DetailRenderer<T extends ContentType = ContentType> = (
  req: FastifyRequest,
  reply: FastifyReply,
  item: Content<T>,
  opts: { preview: boolean },
) => Promise<FastifyReply> | FastifyReply;

const renderers = new Map<ContentType, DetailRenderer>();

export function registerDetailRenderer<T extends ContentType>(type: T, fn: DetailRenderer<T>): void {
  renderers.set(type, fn as unknown as DetailRenderer);
}

export function detailRenderer(type: ContentType): DetailRenderer | undefined {
  return renderers.get(type);
}
