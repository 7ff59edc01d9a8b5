// Stands in for `server-only` in tests: outside Next.js it would refuse to load.
export {};
