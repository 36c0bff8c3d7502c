/** "1 action", "3 actions", "2 people": the count and the noun that agrees with it. */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/**
 * A whole number with thousands separators, "20,000", as en-GB writes it. Written out because the first
 * toLocaleString in a process starts ICU (about 12 ms), which a message built at module load would add
 * to every cold start.
 */
export const formatCount = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** "A", "A and B", "A, B and C": a list as a sentence says it. */
export const listWords = (items: readonly string[]): string => (items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`);
