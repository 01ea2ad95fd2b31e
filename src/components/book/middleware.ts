/**
 * Middleware for the theme books (/themes/<id>/book/): gives each chapter's
 * ids a prefix of its own (./scope-ids.ts), so the headings every note shares
 * ("The idea", …) do not repeat on the page. Other pages pass through untouched.
 * Runs at build time for the static pages, and in the dev server.
 */
import { defineMiddleware } from 'astro:middleware';
import { scopeIds } from './scope-ids.ts';

const BOOK = /\/themes\/[^/]+\/book\/$/;

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (!BOOK.test(context.url.pathname) || !response.headers.get('content-type')?.includes('text/html')) return response;
  return new Response(scopeIds(await response.text()), { status: response.status, headers: response.headers });
});
