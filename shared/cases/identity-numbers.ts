/**
 * Check digits of Chinese identity numbers.
 * GB 11643-1999 居民身份证号码: 17 digits + check (0-9 or X), ISO 7064 MOD 11-2.
 * GB 32100-2015 统一社会信用代码: 18 characters, MOD 31 over its own alphabet.
 */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export const idNumberCheckDigit = (first17: string): string => {
  const sum = [...first17].reduce((s, ch, i) => s + Number(ch) * ID_WEIGHTS[i]!, 0);
  return ID_CHECK[sum % 11]!;
};

export const isValidIdNumber = (id: string): boolean => {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const birth = id.slice(6, 14);
  const date = new Date(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10).replaceAll('-', '') !== birth) return false;
  return idNumberCheckDigit(id.slice(0, 17)) === id[17];
};

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export const usccCheckChar = (first17: string): string => {
  const sum = [...first17].reduce((s, ch, i) => s + USCC_CHARS.indexOf(ch) * USCC_WEIGHTS[i]!, 0);
  return USCC_CHARS[(31 - (sum % 31)) % 31]!;
};

export const usccShapeOk = (code: string): boolean => /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code);

export const isValidUscc = (code: string): boolean => usccShapeOk(code) && usccCheckChar(code.slice(0, 17)) === code[17];
