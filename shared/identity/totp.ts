import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

/** TOTP (RFC 6238): 6 digits, 30 s, SHA-1 — what every authenticator app reads. */
const totpFor = (secretBase32: string, label: string): TOTP =>
  new TOTP({ issuer: '便民 Bianmin', label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secretBase32) });

export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

export const totpUri = (secretBase32: string, username: string): string => totpFor(secretBase32, username).toString();

/**
 * Accepts the current code and one step either side (clock drift of the phone). Returns the time
 * step the code belongs to, so a caller can refuse a code that was already used; null if wrong.
 */
export const totpStep = (secretBase32: string, code: string, at: Date): number | null => {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secretBase32, 'x').validate({ token: code, timestamp: at.getTime(), window: 1 });
  return delta === null ? null : Math.floor(at.getTime() / 30_000) + delta;
};

export const verifyTotp = (secretBase32: string, code: string, at: Date): boolean => totpStep(secretBase32, code, at) !== null;

export const totpCode = (secretBase32: string, at: Date): string => totpFor(secretBase32, 'x').generate({ timestamp: at.getTime() });

export const qrDataUrl = (text: string): Promise<string> => QRCode.toDataURL(text, { margin: 1, width: 220 });
