/** A mainland mobile number (11 digits, 1 then 3–9): the one rule for intake, 预约 and the web's field checks. */
export const MOBILE_PHONE = /^1[3-9]\d{9}$/;
