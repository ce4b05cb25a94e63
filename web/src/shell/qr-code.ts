import { useQuery } from '@tanstack/react-query';
import QRCode from 'qrcode';

/**
 * A QR code drawn in the browser (SVG markup or a PNG data URL), cached by its text. Drawing is
 * local and fails only on absurd input; a page shows nothing rather than an error for it.
 */
export const useQrCode = (text: string, format: 'svg' | 'png', size = 160) =>
  useQuery({
    queryKey: ['qr-code', format, size, text],
    queryFn: () =>
      format === 'svg' ? QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }) : QRCode.toDataURL(text, { margin: 1, width: size }),
    enabled: Boolean(text),
    staleTime: Infinity,
    retry: false,
  });
