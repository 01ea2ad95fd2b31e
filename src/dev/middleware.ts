/**
 * In `astro dev`, answers every page request with the content error page while
 * the content has errors (./content-errors.ts). In a build it does nothing:
 * the build has already failed on those errors before any page is rendered.
 */
import { defineMiddleware } from 'astro:middleware';
import { readSiteConfig } from '../config.ts';
import { contentErrorPage, currentContentErrors } from './content-errors.ts';

export const onRequest = defineMiddleware((_context, next) => {
  if (!import.meta.env.DEV) return next();
  const errors = currentContentErrors(readSiteConfig().contentDir);
  if (errors.length === 0) return next();
  return new Response(contentErrorPage(errors), {
    status: 500,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  });
});
