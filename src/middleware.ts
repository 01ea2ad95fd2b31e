import { sequence } from 'astro:middleware';
import { onRequest as scopeBookIds } from './components/book/middleware.ts';
import { onRequest as showContentErrors } from './dev/middleware.ts';

// In `astro dev`, content errors are shown in the browser; theme book chapters get their own heading ids.
export const onRequest = sequence(showContentErrors, scopeBookIds);
