/** The receipt's QR link to the public status page (one definition with the server's PDF). */
export { statusLink } from '@shared/documents/texts.ts';
