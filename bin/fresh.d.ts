// Types for fresh.js (plain JavaScript: the bin runs before any TypeScript loader).
export function newestSource(root: string, dirs?: string[]): number;
export function distIsFresh(root: string): boolean;
