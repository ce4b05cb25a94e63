import { useQuery } from '@tanstack/react-query';

/**
 * A QR code drawn in the browser (SVG markup or a PNG data URL), cached by its text. Drawing is
 * local and fails only on absurd input; a page shows nothing rather than an error for it. The
 * library loads with the first code drawn, after the page has shown (not in a citizen's first load).
 */
export const useQrCode = (text: string, format: 'svg' | 'png', size = 160) =>
  useQuery({
    queryKey: ['qr-code', format, size, text],
    queryFn: async () => {
      const QRCode = (await import('qrcode')).default;
      return format === 'svg'
        ? QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
        : QRCode.toDataURL(text, { margin: 1, width: size });
    },
    enabled: Boolean(text),
    staleTime: Infinity,
    retry: false,
  });
