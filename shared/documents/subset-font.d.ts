/** subset-font ships no types: the one call used here (HarfBuzz hb-subset of a font to a text's glyphs). */
declare module 'subset-font' {
  export default function subsetFont(
    font: Buffer,
    text: string,
    options?: { targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2'; noLayoutClosure?: boolean; dropTables?: string[] },
  ): Promise<Buffer>;
}
