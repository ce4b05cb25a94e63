/**
 * Masking of personal data (个人信息) for logs, lists and public pages.
 * A whole ID number or mobile number never leaves a detail view that audited its display.
 */
const ID_NUMBER = /(?<![0-9A-Za-z])(\d{6})(\d{8})(\d{3}[0-9Xx])(?![0-9A-Za-z])/g;
const MOBILE = /(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)/g;

/** `411521199001011234` → `4115**********1234` */
export const maskIdNumber = (id: string): string => (id.length <= 8 ? '*'.repeat(id.length) : `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`);

/** `13812345678` → `138****5678` */
export const maskPhone = (phone: string): string =>
  phone.length < 7 ? '*'.repeat(phone.length) : `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;

/** `张三` → `张*`, `欧阳娜娜` → `欧**娜`: the surname and, for long names, the last character. */
export const maskName = (name: string): string => {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
};

/** Masks every ID number and mobile number inside free text (log messages, error texts). */
export const redactText = (text: string): string => text.replace(ID_NUMBER, (m) => maskIdNumber(m)).replace(MOBILE, (m) => maskPhone(m));
