// Give each chapter of a theme book its own heading ids (see src/components/book/middleware.ts).
export { onRequest } from './components/book/middleware.ts';
