/** The receipt's QR link to the public status page. */
export const statusLink = (origin: string, number: string, queryCode?: string): string =>
  `${origin}/status/${encodeURIComponent(number)}${queryCode ? `?code=${encodeURIComponent(queryCode)}` : ''}`;
