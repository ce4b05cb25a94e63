/**
 * Reads a PDF back with Mozilla's PDF.js (what browsers ship): page count and the text of each
 * page, joined line by line. Tests use it to check that a PDF opens and says what it should.
 */
export const pdfText = async (bytes: Uint8Array): Promise<{ pages: number; text: string }> => {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0 }).promise;
  const lines: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    let line = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      line += item.str;
      if (item.hasEOL) {
        lines.push(line);
        line = '';
      }
    }
    if (line) lines.push(line);
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { pages, text: lines.join('\n') };
};
